//! Small adapters over browser APIs, so views never call `web-sys` directly.

pub mod clock;
pub mod embed;
pub mod fetch;
pub mod local_storage;
pub mod location;
pub mod page;
pub mod recorder;
pub mod recordings;
pub mod speech;
pub mod tab_lock;
pub mod takeover;
