//! Small adapters over browser APIs, so views never call `web-sys` directly.

pub mod location;
