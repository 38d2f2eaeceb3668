//! Interview Practice: practise cloud operations, deployment and DBA interviews in the browser.
//!
//! `content`, `search` and `route` are pure and tested natively; `views` renders them with
//! Leptos; `platform` holds the few browser calls the views need.

pub mod content;
pub mod embed;
pub mod interview;
pub mod platform;
pub mod progress;
pub mod review;
pub mod route;
pub mod scoring;
pub mod search;
pub mod storage;
pub mod transfer;
pub mod views;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(views::App);
}
