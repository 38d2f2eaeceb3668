//! The reader's data leaving and entering the app: the export file, its parse, preview and
//! merge (import), and the Anki export. Pure: tested natively.

pub mod anki;
pub mod export;

pub use export::{Export, ImportError, ImportPreview};
