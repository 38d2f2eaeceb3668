//! Leptos components: they render content and route state, and forward events. No logic here
//! that could live in a pure module.

mod app;
mod article;
mod browser;
mod home;
mod not_found;
mod question;
mod trusted_html;

pub use app::App;
pub use article::ArticlePage;
pub use browser::QuestionBrowser;
pub use home::Home;
pub use question::QuestionPage;
