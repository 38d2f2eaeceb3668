use super::speak::SpeakControls;
use crate::interview::{format_seconds, AnswerMode, MAX_ANSWER_CHARS};
use crate::platform::{clock, location};
use crate::progress::{Progress, Save};
use leptos::prelude::*;

/// The question, its countdown and the overall clock, and the answer box (or the prompt to
/// answer out loud).
#[component]
pub fn Answering(now: RwSignal<u64>) -> impl IntoView {
    let progress = expect_context::<Progress>();
    let Some((interview, attempt, question)) = super::current(progress) else {
        return ().into_any();
    };
    let total = interview.attempts.len();
    let number = interview.current + 1;
    let guide = question.guide();
    let allowed_total = interview.allowed_ms();

    let remaining = Memo::new(move |_| {
        let t = now.get();
        progress
            .active()
            .and_then(|i| i.attempt().map(|a| a.remaining_ms(t)))
            .unwrap_or(0)
            .div_ceil(1_000)
    });
    let elapsed = Memo::new(move |_| {
        let t = now.get();
        progress.active().map(|i| i.elapsed_ms(t)).unwrap_or(0) / 1_000
    });
    // Screen readers hear the clock at one minute and ten seconds left, not every second.
    let announcement = Memo::new(move |_| match remaining.get() {
        0..=10 => "Ten seconds left",
        11..=60 => "One minute left",
        _ => "",
    });
    let paused = Memo::new(move |_| progress.active().is_some_and(|i| i.paused_while_away));
    let length = RwSignal::new(attempt.answer.chars().count());
    let typed = interview.setup.mode == AnswerMode::Type;
    request_animation_frame(move || {
        location::focus(if typed { "answer" } else { "question-heading" })
    });

    let answer_box = match interview.setup.mode {
        AnswerMode::Type => view! {
            <label for="answer" class="answer-label">"Your answer"</label>
            <textarea
                id="answer"
                rows="8"
                maxlength=MAX_ANSWER_CHARS.to_string()
                aria-describedby="answer-count"
                prop:value=attempt.answer.clone()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    length.set(text.chars().count());
                    progress.update(Save::Soon, |i| i.type_answer(&text, clock::now()));
                }
            ></textarea>
            <p id="answer-count" class="counter">
                {move || format!("{} / {} characters", length.get(), MAX_ANSWER_CHARS)}
            </p>
        }
        .into_any(),
        AnswerMode::Speak => view! {
            <SpeakControls interview=interview.id.clone() index=interview.current question=question.id/>
        }
        .into_any(),
    };

    view! {
        <article class="running">
            <p class="crumbs">
                {format!("Question {number} of {total} · Part {}: {} · {}", guide.part, guide.short, question.section().title)}
            </p>
            <h1 id="question-heading" tabindex="-1">{question.ask}</h1>
            <div class="clocks">
                <p>
                    "Time left: "
                    <span class="countdown" role="timer" aria-label="Time left for this question">
                        {move || format_seconds(remaining.get())}
                    </span>
                </p>
                <p>
                    "Total: "
                    <span class="elapsed">{move || format_seconds(elapsed.get())}</span>
                    {format!(" of {}", format_seconds(allowed_total / 1_000))}
                </p>
            </div>
            <p class="sr-only" aria-live="polite">{announcement}</p>
            <Show when=move || paused.get()>
                <p class="paused" role="status">"The clock was paused while you were away."</p>
            </Show>
            {answer_box}
            <div class="actions">
                // Done marks the answer: it waits the moment the key points take to arrive (they
                // are fetched as the interview starts). If they cannot load, Done goes ahead and
                // the reveal asks the reader to mark the points.
                <button
                    type="button"
                    disabled=crate::views::bodies::loading
                    on:click=move |_| progress.update(Save::Now, |i| i.done(clock::now()))
                >
                    "Done"
                </button>
                <button type="button" class="secondary" on:click=move |_| progress.update(Save::Now, |i| i.skip(clock::now()))>
                    "Skip"
                </button>
            </div>
        </article>
    }
    .into_any()
}
