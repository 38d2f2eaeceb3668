use super::speak::{delivery_figures, recording_player};
use crate::interview::{Ending, Rating, MAX_ANSWER_CHARS};
use crate::platform::{clock, location};
use crate::progress::{Progress, Save};
use crate::scoring;
use crate::views::context;
use crate::views::note::NoteEditor;
use crate::views::self_check::{rating_keys, AnswerEvidence, KeyPointChecklist, RatingButtons};
use leptos::prelude::*;

/// The reveal once the answer is marked: meanwhile (an answer that ended before the matcher or
/// its key points were here) a line saying it is being checked. Marked by the device once they
/// are here, or, where they cannot load, by the reader.
#[component]
pub fn Reveal() -> impl IntoView {
    let progress = context::<Progress>();
    let Some((interview, _, question)) = super::current(progress) else {
        return ().into_any();
    };
    crate::views::bodies::fetch(&super::marking::files(&interview));
    let files = crate::views::bodies::marking_files(question);
    let unmarked = move || untrack(|| progress.active()).is_some_and(|i| i.has_unmarked());
    // Once ready, it stays: a later "Try again" on the model answer does not hide the reveal.
    let ready = Memo::new(move |was: Option<&bool>| {
        was == Some(&true) || !crate::views::bodies::waiting(&files) || !unmarked()
    });
    (move || {
        if !ready.get() {
            return super::marking::checking();
        }
        if unmarked() {
            progress.update(Save::Now, |i| {
                i.mark_pending();
            });
        }
        view! { <Marked/> }.into_any()
    })
    .into_any()
}

/// The reader's answer beside the model answer, the key points as checked (and correctable),
/// and the self-rating (keys 1–4).
#[component]
fn Marked() -> impl IntoView {
    let progress = context::<Progress>();
    let Some((interview, attempt, question)) = super::current(progress) else {
        return ().into_any();
    };
    let number = interview.current + 1;
    let total = interview.attempts.len();
    let last = number == total;
    let current = move || progress.active().and_then(|i| i.attempt().cloned());
    let rating = Memo::new(move |_| current().and_then(|a| a.rating));
    let marks = Memo::new(move |_| current().map(|a| a.marks).unwrap_or_default());

    let rate = move |r: Rating| progress.rate(r);
    rating_keys(rate);
    request_animation_frame(|| location::focus("question-heading"));

    // The same marking the interview stored, now with the words that matched (none while the
    // key points are not loaded: the stored marks still show).
    let marking = scoring::mark(&attempt.answer, question);
    let unchecked = marking.is_none() && interview.setup.mode == crate::interview::AnswerMode::Type;
    let found = marking.unwrap_or_default();
    let evidence = found
        .iter()
        .map(|m| scoring::quote(&attempt.answer, m))
        .collect();
    let focused = RwSignal::new(None);
    let your_answer = match (interview.setup.mode, attempt.answer.trim().is_empty()) {
        (crate::interview::AnswerMode::Speak, _) => {
            let index = interview.current;
            let spoken = Signal::derive(current);
            view! {
                {
                    // A recording still being kept when the reveal opened shows once it is.
                    let recorded = Memo::new(move |_| current().and_then(|a| a.audio).map(|a| a.duration_ms));
                    let id = interview.id.clone();
                    move || match recorded.get() {
                        Some(_) => recording_player(id.clone(), index),
                        None => view! { <p class="meta">"You answered out loud without recording."</p> }.into_any(),
                    }
                }
                <label for="transcript" class="answer-label">"Transcript"</label>
                <textarea
                    id="transcript"
                    rows="6"
                    maxlength=MAX_ANSWER_CHARS.to_string()
                    aria-describedby="transcript-note"
                    prop:value=attempt.answer.clone()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        progress.update(Save::Soon, |i| i.set_transcript(index, &text));
                    }
                ></textarea>
                <p id="transcript-note" class="meta">
                    "Made on this device. Correct what was misheard, or write what you said: "
                    "the key points are checked against it like a typed answer."
                </p>
                {delivery_figures(spoken)}
            }
            .into_any()
        }
        (_, true) => view! { <p class="meta">"(No answer typed.)"</p> }.into_any(),
        (_, false) => {
            view! { <AnswerEvidence text=attempt.answer.clone() found focused/> }.into_any()
        }
    };
    let model = crate::views::bodies::with_question(question, |text| {
        crate::views::question::model_answer(text.answer())
    });
    view! {
        <article class="reveal-view">
            <p class="crumbs">{format!("Question {number} of {total}")}</p>
            <h1 id="question-heading" tabindex="-1">{question.ask}</h1>
            {(attempt.ending == Some(Ending::TimeUp))
                .then(|| view! { <p class="time-up" role="status">"Time up"</p> })}
            <div class="compare">
                <section aria-labelledby="yours-heading">
                    <h2 id="yours-heading">"Your answer"</h2>
                    {your_answer}
                </section>
                <section aria-labelledby="model-heading" class="answer">
                    <h2 id="model-heading">"Model answer"</h2>
                    {model}
                </section>
            </div>
            {unchecked.then(|| view! {
                <p class="notice" role="status">
                    "Your key points could not be checked on this device: the answers file did not \
                     load. Mark the ones your answer covers yourself."
                </p>
            })}
            <KeyPointChecklist
                points=question.key_points.labels()
                marks=marks
                evidence
                focused
                on_toggle=move |index| progress.update(Save::Now, |i| i.toggle_mark(index))
            />
            <NoteEditor question=question.id/>
            <RatingButtons heading="How did you do?" current=rating on_rate=rate/>
            <button
                type="button"
                class="next"
                disabled=move || rating.get().is_none()
                on:click=move |_| progress.update(Save::Now, |i| i.next(clock::now()))
            >
                {if last { "See summary" } else { "Next question" }}
            </button>
        </article>
    }
    .into_any()
}
