//! The marking's piece of the wasm: the matcher, which each of its entry points installs into
//! `scoring`, and what shows once an answer has ended (the reveal, the summary), with the
//! Review page (`pages.rs`). An interview's first question needs none of it: it is downloaded,
//! with the data files marking reads, on the reader's first input in the answer box, or when a
//! question ends, whichever comes first. An answer that ends before it is here is marked once
//! it is (`Interview::mark_pending`).

use super::reveal::Reveal;
use super::summary::Summary;
use crate::content::DataFile;
use crate::interview::Interview;
use crate::views::pieces::{self, piece, Unavailable};
use leptos::prelude::*;

piece!(marking, reveal_piece, preload_reveal() => {
    crate::scoring::install();
    view! { <Reveal/> }
});
piece!(marking, summary_piece, preload_summary(interview: Interview) => {
    crate::scoring::install();
    view! { <Summary interview live=true/> }
});

/// Downloads the piece and installs the matcher.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(marking, wasm_split_path = ::leptos::wasm_split, fallible)]
fn install() -> Result<(), Unavailable> {
    crate::scoring::install();
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn install() -> Result<(), Unavailable> {
    crate::scoring::install();
    Ok(())
}

/// The data files marking the interview's answers reads: the current question's first, then
/// the marking file, then the other questions'.
pub fn files(interview: &Interview) -> Vec<DataFile> {
    let current = interview.attempt().and_then(|a| a.content());
    let others = interview.attempts.iter().filter_map(|a| a.content());
    let mut files: Vec<DataFile> = current.iter().copied().map(DataFile::question).collect();
    files.push(DataFile::Marking);
    files.extend(others.map(DataFile::question));
    files.dedup_by_key(|f| *f);
    files
}

/// What starts downloading the piece and the data files marking `interview`'s answers needs,
/// the first time it is called: by the reader's first input, or by Done. Failures are not
/// remembered: the reveal downloads again, and says so if it cannot.
pub fn preparer(interview: &Interview) -> impl Fn() + Copy + 'static {
    // Emptied once asked.
    let needed = StoredValue::new(files(interview));
    let fetch = crate::views::bodies::fetcher();
    move || {
        let Some(files) = needed.try_get_value() else {
            return;
        };
        if files.is_empty() {
            return;
        }
        needed.set_value(Vec::new());
        fetch(&files);
        leptos::task::spawn_local(async {
            let _ = install().await;
        });
    }
}

/// The reveal of the current answer, once the piece is here: meanwhile a line saying the answer
/// is being checked; where the piece cannot be downloaded, the message and "Try again".
pub fn reveal_view() -> AnyView {
    pieces::deferred("The marking of your answer", checking, reveal_piece)
}

/// The summary of the interview just completed, once the piece is here.
pub fn summary_view(interview: Interview) -> AnyView {
    pieces::deferred("The summary", pieces::loading, move || {
        summary_piece(interview.clone())
    })
}

/// What shows while an ended answer waits to be marked.
pub fn checking() -> AnyView {
    view! { <p class="loading" role="status">"Checking your answer against the key points…"</p> }
        .into_any()
}
