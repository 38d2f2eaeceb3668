//! JSON for what the app stores and the messages it exchanges, through serde: the same text
//! serde_json writes and reads, in a fraction of its code. The start page reads and writes the
//! stored records, so their codec is in its piece of the wasm: serde_json's reader, with its
//! error positions and its messages that format values with `Debug`, was about 14 KB gzip of
//! it. serde_json stays for the export file (its own piece) and as the tests' oracle.

mod de;
mod ser;

pub use de::{fields, from_str, Error};
pub use ser::to_string;

// Native only: proptest, and serde_json as the oracle.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
