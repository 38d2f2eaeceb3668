//! Embedding: the widget's configuration from URL parameters, and the `postMessage` protocol
//! with the host page. Pure: tested natively; `platform::embed` does the browser side.

pub mod config;
pub mod protocol;
pub mod snippet;

pub use config::{Config, Mode, Problem, Theme};
