//! Interview Practice: practise cloud operations, deployment and DBA interviews in the browser.
//!
//! `content`, `search` and `route` are pure and tested natively; `views` renders them with
//! Leptos; `platform` holds the few browser calls the views need.

// Tests use the standard collections and sorts as oracles: the size rules (clippy.toml) hold
// what ships.
#![cfg_attr(test, allow(clippy::disallowed_methods, clippy::disallowed_types))]

pub mod content;
pub mod embed;
pub mod interview;
mod pages;
pub mod platform;
pub mod progress;
pub mod review;
pub mod route;
pub mod scoring;
pub mod search;
pub mod sorting;
pub mod storage;
pub mod transfer;
pub mod views;

/// Maps and sets as sorted vectors, and the one merge sort (`crates/sorted`).
pub use interview_sorted as sorted;

/// Mounts the app in place of the first screen the build rendered into the page, once the first
/// page's piece of the wasm is here.
///
/// In three tasks, not one, so that none holds a phone's main thread for long (each function
/// the start-up calls is compiled then, on that thread): the wasm's instantiation, the reading
/// of the reader's progress, then the app's first page and the takeover.
pub fn start() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let home = views::preload_first_page().await;
        progress::readers::fetch_if_stored().await;
        platform::page::next_task().await;
        let progress = progress::open();
        if home {
            views::preload_interview_summary(progress).await;
        }
        platform::page::next_task().await;
        platform::takeover::mount(move || leptos::view! { <views::App progress/> });
    });
}
