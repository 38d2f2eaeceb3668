//! The mock interview's pages: set-up, the running question, the reveal, and the summary (the
//! last two in the marking's piece of the wasm, `marking`).

mod answering;
mod marking;
mod page;
mod reveal;
mod setup;
mod speak;
mod summary;

pub use answering::{has_shell, AnsweringShell};
pub use page::InterviewPage;
pub use setup::SetupPage;
pub use summary::Summary;

use crate::content::Question;
use crate::interview::{Attempt, Interview, Setup};
use crate::platform::clock;
use crate::progress::Progress;
use crate::route::Route;

/// Starts an interview with these questions (or the set-up's pick) and opens it.
///
/// The interview page is built in this same turn (`navigate`); it fetches the long texts once
/// it is painted (`InterviewPage`), so the start page's piece of the wasm never holds the code
/// that reads them.
pub fn start(progress: Progress, setup: Setup, questions: Option<Vec<String>>) {
    let picked: Vec<String> = match questions {
        Some(questions) => questions,
        None => setup
            .pick(clock::random_seed())
            .into_iter()
            .map(str::to_string)
            .collect(),
    };
    let ids: Vec<&str> = picked.iter().map(String::as_str).collect();
    // The route first: the page left behind is then dropped, not redrawn for the new interview.
    crate::views::navigate(Route::Interview);
    progress.start(setup, &ids);
}

/// This tab's interview, its current attempt and the attempt's question, if all exist.
fn current(progress: Progress) -> Option<(Interview, Attempt, &'static Question)> {
    let interview = progress.active()?;
    let attempt = interview.attempt()?.clone();
    let question = attempt.content()?;
    Some((interview, attempt, question))
}
