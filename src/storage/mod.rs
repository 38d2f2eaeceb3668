//! The storage layer: the one module that owns every byte the app writes to localStorage.
//!
//! Pure (no browser APIs), so it is tested natively. `platform::local_storage` provides the
//! browser's `Backend`; `MemoryBackend` stands in when the browser blocks storage.
//!
//! - `backend`: the `Backend` trait and `MemoryBackend`.
//! - `envelope`: the versioned envelope, `Record`, `encode` and `decode`.
//! - `names`: unit enums in records, read by name.
//! - `store`: `Store`, records by kind and id, which never overwrites what it cannot read.
//! - `usage`: how much of the browser's quota the progress and the site use.

mod backend;
mod envelope;
pub mod names;
mod store;
pub mod usage;

pub use backend::{Backend, BackendError, MemoryBackend};
pub use envelope::{decode, encode, DecodeError, Record, APP_VERSION};
pub use store::{record_key, Listing, Loaded, SaveError, Store, Unreadable, KEY_PREFIX};
