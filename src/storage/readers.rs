//! Where each kind of record's decoder is found. In the release build the decoders are a piece
//! of the wasm of their own (`progress::readers`), downloaded when a start-up finds stored
//! records or a save must check what a key holds: a first visit, with nothing stored, never
//! needs them, and the start page's piece does not carry them. Until they are installed,
//! `decode` answers `DecodeError::NotHere`, which `Store` never takes for unreadable data: it
//! keeps nothing aside and overwrites nothing it could not check.
//!
//! Builds without the `split` feature (native and browser tests) read directly, as if every
//! decoder were installed.

use super::envelope::{DecodeError, Record};
use std::sync::OnceLock;

/// A decoder of one kind of record: `storage::decode` as it reads `R`.
pub type Decoder<R> = fn(&str) -> Result<R, DecodeError>;

/// One kind of record's decoder, once installed (`Record::reader`).
pub struct Reader<R: 'static>(OnceLock<Decoder<R>>);

impl<R> Reader<R> {
    pub const fn new() -> Self {
        Reader(OnceLock::new())
    }

    pub(super) fn get(&self) -> Option<Decoder<R>> {
        self.0.get().copied()
    }

    pub(super) fn set(&self, read: Decoder<R>) {
        let _ = self.0.set(read);
    }
}

impl<R> Default for Reader<R> {
    fn default() -> Self {
        Self::new()
    }
}

/// `Record::reader` for a record type: the one slot of its decoder.
macro_rules! reader {
    ($record:ty) => {
        fn reader() -> &'static $crate::storage::Reader<$record> {
            static READER: $crate::storage::Reader<$record> = $crate::storage::Reader::new();
            &READER
        }
    };
}
pub(crate) use reader;

/// Installs `R`'s decoder: only the code that calls this (the readers' piece) holds it.
pub fn install<R: Record>() {
    R::reader().set(super::envelope::read::<R>);
}

/// Whether `R`'s stored records can be read now.
pub fn here<R: Record>() -> bool {
    decoder::<R>().is_some()
}

/// `R`'s decoder, if it can be called now.
pub(super) fn decoder<R: Record>() -> Option<Decoder<R>> {
    #[cfg(test)]
    if withheld() {
        return None;
    }
    match R::reader().get() {
        Some(read) => Some(read),
        // Nothing is split off: the decoder is here.
        None if cfg!(not(feature = "split")) => Some(super::envelope::read::<R>),
        None => None,
    }
}

#[cfg(test)]
thread_local! {
    static WITHHELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
fn withheld() -> bool {
    WITHHELD.with(std::cell::Cell::get)
}

/// For tests: on this thread, every decoder is missing (as in a release build before the
/// readers' piece is here) until `withhold(false)`.
#[cfg(test)]
pub fn withhold(missing: bool) {
    WITHHELD.with(|w| w.set(missing));
}
