//! JSON for what the app stores and the messages it posts, through serde: writing only,
//! byte for byte the text `serde_json::to_string` writes. Reading is serde_json's.

mod ser;

pub use ser::{to_string, Error};

// Native only: proptest, and serde_json as the oracle.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
