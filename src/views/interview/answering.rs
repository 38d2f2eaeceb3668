use crate::content::Question;
use crate::interview::{format_seconds, AnswerMode, Attempt, Interview, Phase, MAX_ANSWER_CHARS};
use crate::platform::{clock, location};
use crate::progress::{Progress, Save};
use crate::views::context;
use leptos::prelude::*;
use std::time::Duration;

/// The question, its countdown and the overall clock, and the answer box (or the prompt to
/// answer out loud).
#[component]
pub fn Answering(now: RwSignal<u64>) -> impl IntoView {
    let progress = context::<Progress>();
    let Some((interview, attempt, question)) = super::current(progress) else {
        return ().into_any();
    };
    // The marking's piece and data files: not for the question to show, but by the time the
    // answer is done. From the first input (here already when typed in the shell), or Done.
    let prepare = super::marking::preparer(&interview);
    if !attempt.answer.is_empty() {
        prepare();
    }
    let answer_box = match interview.setup.mode {
        AnswerMode::Type => answer_text(attempt.answer, move |text| {
            prepare();
            progress.update(Save::Soon, |i| i.type_answer(&text, clock::now()))
        }),
        AnswerMode::Speak => {
            super::speak::speak_controls(interview.id.clone(), interview.current, question.id)
        }
    };
    // Done ends the question at once; its reveal waits for the marking if it is not here yet.
    let actions = view! {
        <button
            type="button"
            on:click=move |_| {
                prepare();
                progress.update(Save::Now, |i| i.done(clock::now()))
            }
        >
            "Done"
        </button>
        <button type="button" class="secondary" on:click=move |_| progress.update(Save::Now, |i| i.skip(clock::now()))>
            "Skip"
        </button>
    };
    screen(
        progress,
        now,
        &interview,
        question,
        answer_box,
        actions.into_any(),
    )
}

/// The running question as the start page's piece of the wasm shows it while the interview
/// page's piece downloads (in the first moment of a cold visit): the same screen, the answer
/// box already taking the answer, Done and Skip disabled until the page's code is here. A
/// question spoken aloud, or any other phase, shows "Loading…" instead. What is typed is kept
/// in the interview (`draft_answer`, which needs no marking), so the page that replaces this
/// one shows it, and a piece that fails to download loses nothing.
#[component]
pub fn AnsweringShell() -> impl IntoView {
    let progress = context::<Progress>();
    let Some((interview, attempt, question)) = untrack(|| shown(progress)) else {
        return crate::views::pieces::loading();
    };
    let now = RwSignal::new(clock::now());
    // Until the screen is gone (`now` disposed with it).
    clock::every(Duration::from_millis(250), move || {
        now.try_set(clock::now()).is_none()
    });
    let answer_box = answer_text(attempt.answer, move |text| {
        progress.update(Save::Soon, |i| i.draft_answer(&text, clock::now()))
    });
    let actions = view! {
        <button type="button" disabled=true>"Done"</button>
        <button type="button" class="secondary" disabled=true>"Skip"</button>
    };
    screen(
        progress,
        now,
        &interview,
        question,
        answer_box,
        actions.into_any(),
    )
}

/// Whether `AnsweringShell` shows the running question (rather than "Loading…").
pub fn has_shell() -> bool {
    use_context::<Progress>().is_some_and(|progress| untrack(|| shown(progress).is_some()))
}

fn shown(progress: Progress) -> Option<(Interview, Attempt, &'static Question)> {
    super::current(progress).filter(|(interview, _, _)| {
        interview.phase() == Phase::Answering
            && interview.setup.mode == AnswerMode::Type
            && !progress.moved_away.get()
    })
}

/// The answer box and its character count; `on_text` keeps each change.
fn answer_text(answer: String, on_text: impl Fn(String) + 'static) -> AnyView {
    let length = RwSignal::new(answer.chars().count());
    view! {
        <label for="answer" class="answer-label">"Your answer"</label>
        <textarea
            id="answer"
            rows="8"
            maxlength=MAX_ANSWER_CHARS.to_string()
            aria-describedby="answer-count"
            prop:value=answer
            on:input=move |ev| {
                let text = event_target_value(&ev);
                length.set(text.chars().count());
                on_text(text);
            }
        ></textarea>
        <p id="answer-count" class="counter">
            {move || format!("{} / {} characters", length.get(), MAX_ANSWER_CHARS)}
        </p>
    }
    .into_any()
}

/// The running question's screen around its answer box and actions, shared by the page and its
/// shell so that one replaces the other without a visible change.
fn screen(
    progress: Progress,
    now: RwSignal<u64>,
    interview: &Interview,
    question: &'static Question,
    answer_box: AnyView,
    actions: AnyView,
) -> AnyView {
    let total = interview.attempts.len();
    let number = interview.current + 1;
    let guide = question.guide();
    let allowed_total = interview.allowed_ms();

    // Each reactive text is a `Signal<String>`: one type, so one copy of the code that renders
    // it (this screen is in the start page's piece of the wasm).
    let remaining = Memo::new(move |_| {
        let t = now.get();
        progress
            .active()
            .and_then(|i| i.attempt().map(|a| a.remaining_ms(t)))
            .unwrap_or(0)
            .div_ceil(1_000)
    });
    let countdown = Signal::derive(move || format_seconds(remaining.get()));
    let elapsed = Signal::derive(move || {
        let t = now.get();
        format_seconds(progress.active().map(|i| i.elapsed_ms(t)).unwrap_or(0) / 1_000)
    });
    // Screen readers hear the clock at one minute and ten seconds left, not every second.
    let announcement = Signal::derive(move || {
        match remaining.get() {
            0..=10 => "Ten seconds left",
            11..=60 => "One minute left",
            _ => "",
        }
        .to_string()
    });
    let paused = Signal::derive(move || {
        if progress.active().is_some_and(|i| i.paused_while_away) {
            "The clock was paused while you were away.".to_string()
        } else {
            String::new()
        }
    });
    let typed = interview.setup.mode == AnswerMode::Type;
    request_animation_frame(move || {
        location::focus(if typed { "answer" } else { "question-heading" })
    });

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
                        {countdown}
                    </span>
                </p>
                <p>
                    "Total: "
                    <span class="elapsed">{elapsed}</span>
                    {format!(" of {}", format_seconds(allowed_total / 1_000))}
                </p>
            </div>
            <p class="sr-only" aria-live="polite">{announcement}</p>
            <p class="paused" role="status">{paused}</p>
            {answer_box}
            <div class="actions">{actions}</div>
        </article>
    }
    .into_any()
}
