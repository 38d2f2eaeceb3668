//! Leptos components: they render content and route state, and forward events. No logic here
//! that could live in a pure module.

mod app;
mod article;
pub mod bodies;
mod browser;
mod charts;
mod data;
mod embed_page;
pub(crate) mod embedding;
mod history;
mod home;
mod interview;
mod not_found;
mod note;
mod notices;
pub(crate) mod pieces;
pub mod question;
mod recordings;
pub(crate) mod review;
pub mod self_check;
mod stats;
mod time_options;
pub mod trusted_html;

pub use app::{
    interview_summary, navigate, prefetch_interview, preload_first_page, preload_interview_summary,
    App,
};
pub use article::ArticlePage;
pub use browser::QuestionBrowser;
pub use data::DataPage;
pub use embed_page::EmbedPage;
pub use history::{HistoryPage, PastInterviewPage};
pub use home::Home;
pub use interview::{AnsweringShell, InterviewPage, SetupPage};
pub use question::QuestionPage;
pub use review::{InterviewSummary, ReviewPage};
pub use stats::StatsPage;

/// The context of type `T`, which `App` provides before it builds any page. Not Leptos'
/// `expect_context` (clippy.toml): its panic message formats the caller's location and the
/// type's name with `Debug`, which would put `str`'s and `Location`'s `Debug` in the start
/// page's piece.
pub(crate) fn context<T: Clone + 'static>() -> T {
    leptos::prelude::use_context().expect("the app provides its contexts before any page")
}
