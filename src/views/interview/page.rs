use super::answering::Answering;
use crate::interview::{AnswerMode, Phase};
use crate::platform::clock;
use crate::progress::{Progress, Save};
use crate::route::Route;
use crate::views::context;
use leptos::prelude::*;
use std::time::Duration;

/// This tab's interview, in whatever phase it is. A tick redraws the clocks; the time itself
/// comes from wall-clock anchors in the interview (see `interview::clock`).
#[component]
pub fn InterviewPage() -> impl IntoView {
    let progress = context::<Progress>();
    // An interview answered aloud needs the recorder at once: its piece comes with this page,
    // and the marking's, which its transcripts need.
    if let Some(interview) =
        untrack(|| progress.active()).filter(|i| i.setup.mode == AnswerMode::Speak)
    {
        leptos::task::spawn_local(async {
            let _ = super::speak::preload().await;
        });
        super::marking::preparer(&interview)();
    }
    let now = RwSignal::new(clock::now());
    // Until the page is gone (`now` disposed with it).
    clock::every(Duration::from_millis(250), move || {
        let t = clock::now();
        if now.try_get_untracked().is_none() {
            return false;
        }
        progress.tick(t);
        now.set(t);
        true
    });
    // Redraw only when the question or phase changes, so typing keeps the text box.
    let stage = Memo::new(move |_| {
        progress
            .active()
            .map(|i| (i.id.clone(), i.current, i.phase(), i.setup.mode))
    });
    let moved_away = Memo::new(move |_| progress.moved_away.get());
    move || match stage.get() {
        Some((id, _, phase, _)) if phase != Phase::Complete && moved_away.get() => {
            view! { <MovedAway id/> }.into_any()
        }
        None => view! {
            <h1>"No interview running"</h1>
            <p><a class="button" href=Route::NewInterview.href()>"Set up an interview"</a></p>
        }
        .into_any(),
        Some((_, _, phase, _))
            if phase != Phase::Complete && untrack(|| super::current(progress)).is_none() =>
        {
            view! { <MissingQuestion phase/> }.into_any()
        }
        Some((_, _, Phase::Answering, _)) => view! { <Answering now/> }.into_any(),
        Some((_, _, Phase::Reveal, _)) => super::marking::reveal_view(),
        Some((id, _, Phase::Complete, _)) => progress
            .interview_untracked(&id)
            .map(super::marking::summary_view)
            .into_any(),
    }
}

/// Another tab took this interview over (or was running it first): one tab at a time
/// answers, so this one only says where it went, and can take it back.
#[component]
fn MovedAway(id: String) -> impl IntoView {
    let progress = context::<Progress>();
    view! {
        <h1 id="question-heading" tabindex="-1">"This interview continues in another tab"</h1>
        <p role="status">
            "It is open in another tab of this browser, which now keeps its time and answers. "
            "Carry on there, or take it back: the other tab then stops."
        </p>
        <p>
            <button type="button" on:click=move |_| progress.take_over(&id, true)>
                "Take it over here"
            </button>
        </p>
    }
}

/// A saved interview can name a question the guides no longer have: say so and move on,
/// keeping everything else.
#[component]
fn MissingQuestion(phase: Phase) -> impl IntoView {
    let progress = context::<Progress>();
    let id = untrack(|| {
        progress
            .active()
            .and_then(|i| i.attempt().map(|a| a.question.clone()))
    })
    .unwrap_or_default();
    let move_on = move |_| {
        let now = clock::now();
        progress.update(Save::Now, |i| match phase {
            Phase::Reveal => {
                i.rate(crate::interview::Rating::Good, now);
                i.next(now);
            }
            _ => i.skip(now),
        });
    };
    view! {
        <h1>"This question is no longer in the guides"</h1>
        <p>{format!("The interview you saved asks “{id}”, which this version does not have.")}</p>
        <button type="button" on:click=move_on>"Go on with the next question"</button>
    }
}
