use super::note::NoteEditor;
use super::self_check::{rating_keys, AnswerEvidence, KeyPointChecklist, RatingButtons};
use crate::content::{self, Question};
use crate::interview::Rating;
use crate::platform::{clock, location};
use crate::progress::Progress;
use crate::review::day::{describe_day, format_day, local_day, Date};
use crate::review::event::Points;
use crate::review::plan::{self, Plan};
use crate::review::queue::{self, Queue, QueueInput};
use crate::review::ready::{self, Goal};
use crate::route::Route;
use crate::scoring;
use crate::views::context;
use leptos::prelude::*;

/// When readiness is judged now: the reader's interview day, or a week ahead.
pub fn goal(progress: Progress) -> Goal {
    let day = progress
        .settings
        .read()
        .interview_date
        .as_ref()
        .map(Date::day);
    Goal::new(day, clock::now(), clock::utc_offset_minutes())
}

/// Redraws the caller as the memory states, the settings or the first ratings change.
fn with_queue_input<T>(progress: Progress, build: impl FnOnce(QueueInput<'_>, u64) -> T) -> T {
    let now = clock::now();
    let (day_start, day_end) = clock::local_day_bounds(now);
    let first_rating = progress.first_rated();
    let memory = progress.memory.get();
    let input = QueueInput {
        memory: &memory,
        new_today: queue::new_introduced(first_rating.into_values(), day_start),
        new_per_day: progress.settings.read().new_per_day,
        day_start_ms: day_start,
        day_end_ms: day_end,
    };
    build(input, now)
}

/// Today's review queue without an interview date: due questions, most overdue first, then new
/// ones up to the daily limit. (The start page shows it: this is in its piece of the wasm.)
pub fn todays_queue(progress: Progress) -> Queue {
    with_queue_input(progress, |input, _| queue::queue(input))
}

/// Today's review queue toward the interview day, when one is set (`queue::toward`).
fn queue_toward(progress: Progress) -> Queue {
    with_queue_input(progress, |input, _| queue::toward(input, &goal(progress)))
}

/// What it takes to be ready on the interview day, when one is ahead.
fn todays_plan(progress: Progress) -> Option<Plan> {
    with_queue_input(progress, |input, now| {
        plan::plan(content::QUESTIONS, input, &goal(progress), now)
    })
}

/// The start page's interview summary once a date is set: the days left, readiness per guide on
/// the day, and today's queue toward it. In this piece of the wasm, with the plan, not in the
/// start page's.
#[component]
pub fn InterviewSummary() -> impl IntoView {
    let progress = context::<Progress>();
    move || {
        let goal = goal(progress);
        let date = progress.settings.read().interview_date.clone();
        let when = match (goal.interview, date) {
            (Some(day), _) => {
                let left = match day.days_left {
                    0 => "today. Good luck!".to_string(),
                    1 => "tomorrow.".to_string(),
                    n => format!("{n} days left."),
                };
                format!("{}: {left}", describe_day(day.day))
            }
            (None, Some(passed)) => format!(
                "Your interview date, {}, has passed. Set the next one on the Review page.",
                describe_day(passed.day())
            ),
            (None, None) => String::new(),
        };
        let ready = goal.interview.map(|_| {
            let memory = progress.memory.get();
            let mut text = "Ready on the day, if you practised no more:".to_string();
            for part in ready::by_part(content::GUIDES, content::QUESTIONS, &memory, &goal) {
                let r = part.overall;
                let name = content::guide(part.part).map_or("", |g| g.short);
                text += &format!(
                    " Part {}, {name}: {} of {} ({}%).",
                    part.part,
                    r.ready,
                    r.questions,
                    r.percent()
                );
            }
            view! { <p id="ready-on-day">{text}</p> }
        });
        let label = super::home::due_label(&queue_toward(progress));
        view! {
            <p id="days-left">{when}</p>
            {ready}
            <p class="due"><a class="button secondary" href=Route::Review.href()>{label}</a></p>
        }
    }
}

/// The untimed Review mode: one question at a time, an optional typed answer, the reveal with
/// key points, and a rating that schedules the question's next review.
#[component]
pub fn ReviewPage() -> impl IntoView {
    // In the marking's piece of the wasm (`pages.rs`), with the matcher its answers need.
    scoring::install();
    let progress = context::<Progress>();
    // The queue stays as it is while the reader rates, so rating does not reshuffle it; a new
    // interview date or daily limit plans it again, without the questions rated since. It is
    // taken in order from the ratings given on this visit when it was planned.
    let rated = RwSignal::new(0usize);
    let choices = Memo::new(move |_| {
        let settings = progress.settings.read();
        (settings.interview_date.clone(), settings.new_per_day)
    });
    let queue = Memo::new(move |_| {
        // Read, not only tracked: a memo computes (and follows its sources) once read.
        choices.with(|_| ());
        untrack(|| (queue_toward(progress).ids, rated.get()))
    });
    let position = move || queue.with(|(_, from)| rated.get().saturating_sub(*from));
    let total = move || queue.with(|(ids, _)| ids.len());
    let current = Memo::new(move |_| {
        let at = position();
        queue.with(|(ids, _)| ids.get(at).copied().and_then(content::question))
    });
    view! {
        <h1>"Review"</h1>
        <InterviewDate/>
        <OnTrack/>
        <NewPerDay/>
        {move || match current.get() {
            Some(question) => view! {
                <p class="crumbs">{move || format!("Question {} of {} today", position() + 1, total())}</p>
                <ReviewCard question on_rated=move || rated.update(|n| *n += 1)/>
            }
            .into_any(),
            None => view! {
                <p role="status">
                    {if total() == 0 {
                        "Nothing is due today. New questions come back tomorrow, or practise with a mock interview."
                    } else {
                        "All caught up: every question due today is reviewed."
                    }}
                </p>
                <p><a href=Route::Stats.href()>"See your statistics"</a></p>
            }
            .into_any(),
        }}
    }
}

/// "My interview is on …": stored with the settings; clearing the field clears the date.
#[component]
fn InterviewDate() -> impl IntoView {
    let progress = context::<Progress>();
    view! {
        <p class="setting">
            <label>
                "My interview is on "
                <input
                    type="date"
                    min=format_day(local_day(clock::now(), clock::utc_offset_minutes()))
                    prop:value=move || progress.settings.read().interview_date.as_ref().map_or("", Date::as_str).to_string()
                    on:change=move |ev| progress.set_interview_date(Date::parse(&event_target_value(&ev)))
                />
            </label>
            {move || progress.settings.read().interview_date.is_some().then(|| view! {
                " "
                <button type="button" class="link" on:click=move |_| progress.set_interview_date(None)>
                    "Clear the date"
                </button>
            })}
        </p>
    }
}

/// With an interview day ahead: the days left, and the questions a day that get the reader
/// ready for it.
#[component]
fn OnTrack() -> impl IntoView {
    let progress = context::<Progress>();
    move || {
        let goal = goal(progress);
        let day = goal.interview?;
        let when = describe_day(day.day);
        if day.days_left == 0 {
            return Some(view! {
                <p class="plan" id="plan">{format!("Your interview is today, {when}. A last look at the questions below, then good luck.")}</p>
            }.into_any());
        }
        let plan = todays_plan(progress)?;
        let total = plan.now.questions;
        let status = if plan.now.ready == total {
            format!("You are on track: all {total} questions are ready for it.")
        } else if plan.on_track() {
            format!(
                "You are on track: today’s practice is done. {} of {total} questions are ready for it so far.",
                plan.now.ready
            )
        } else {
            format!(
                "To be ready for it, practise about {} question{} a day{}; today’s share is {}.",
                plan.per_day,
                if plan.per_day == 1 { "" } else { "s" },
                if plan.days < day.days_left {
                    " this year"
                } else {
                    ""
                },
                plan.today
            )
        };
        Some(view! {
            <div class="plan" id="plan">
                <p>
                    {format!("Your interview: {when}, in {} day{}. ", day.days_left, if day.days_left == 1 { "" } else { "s" })}
                    <strong>{status}</strong>
                </p>
                <details>
                    <summary>"How is this worked out?"</summary>
                    <p>
                        "Questions that would not be ready on the day come before it: those you last rated Again or Hard, "
                        "or whose latest answer missed most key points, or whose predicted recall on the day is under 90%. "
                        "Those with the lowest predicted recall on the day come first, and enough new ones each day to start "
                        "every question before the day. The questions a day are this plan followed day by day until the day "
                        "before, as if you answered each one well."
                    </p>
                </details>
            </div>
        }.into_any())
    }
}

#[component]
fn NewPerDay() -> impl IntoView {
    let progress = context::<Progress>();
    view! {
        <p class="setting">
            <label>
                "New questions per day "
                <input
                    type="number"
                    min="1"
                    max="200"
                    prop:value=move || progress.settings.read().new_per_day.to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                            progress.set_new_per_day(n);
                        }
                    }
                />
            </label>
        </p>
    }
}

#[component]
fn ReviewCard(
    question: &'static Question,
    on_rated: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let progress = context::<Progress>();
    let answer = RwSignal::new(String::new());
    let revealed = RwSignal::new(false);
    let marks = RwSignal::new(Vec::<bool>::new());
    let found = RwSignal::new(Vec::<scoring::PointMark>::new());
    let focused = RwSignal::new(None);
    let source = question.source();
    let rate = move |rating: Rating| {
        if revealed.get_untracked() {
            // An answer typed, or key points ticked: the marks are the evidence readiness uses.
            let marks = marks.get_untracked();
            let marked = !answer.get_untracked().trim().is_empty() || marks.contains(&true);
            let points = marked.then(|| Points::of_marks(&marks)).flatten();
            progress.record_review(question.id, rating, points);
            on_rated();
        }
    };
    rating_keys(rate);
    request_animation_frame(|| location::focus("question-heading"));

    let reveal = move |_| {
        let marking = scoring::mark(&answer.get_untracked(), question).unwrap_or_default();
        marks.set(marking.iter().map(|m| m.covered).collect());
        found.set(marking);
        revealed.set(true);
        request_animation_frame(|| location::focus("model-heading"));
    };
    view! {
        <article class="review-card">
            <h2 id="question-heading" class="question-title" tabindex="-1">{question.ask}</h2>
            <p class="credit">{format!("From “{}” by {}", source.title, source.author)}</p>
            <label for="review-answer" class="answer-label">"Your answer (optional)"</label>
            <textarea
                id="review-answer"
                rows="5"
                maxlength=crate::interview::MAX_ANSWER_CHARS.to_string()
                prop:readonly=move || revealed.get()
                on:input=move |ev| answer.set(event_target_value(&ev))
            ></textarea>
            <Show
                when=move || revealed.get()
                // Revealing marks the key points: it waits for them to load.
                fallback=move || super::bodies::with_marking(question, move || view! {
                    <button type="button" class="reveal" on:click=reveal>"Reveal answer"</button>
                })
            >
                <section class="answer" aria-labelledby="model-heading">
                    <h3 id="model-heading" tabindex="-1">"Model answer"</h3>
                    {super::bodies::with_question(question, |text| super::question::model_answer(text.answer()))}
                </section>
                {move || {
                    let text = answer.get_untracked();
                    (!text.trim().is_empty()).then(|| view! {
                        <section class="yours" aria-labelledby="yours-heading">
                            <h3 id="yours-heading">"Your answer, the words that matched highlighted"</h3>
                            <AnswerEvidence text found=found.get_untracked() focused/>
                        </section>
                    })
                }}
                <KeyPointChecklist
                    points=question.key_points.labels()
                    marks=marks
                    evidence=found.get_untracked().iter().map(|m| scoring::quote(&answer.get_untracked(), m)).collect()
                    focused
                    on_toggle=move |index| marks.update(|m| if let Some(x) = m.get_mut(index) { *x = !*x })
                />
                <NoteEditor question=question.id/>
                <RatingButtons heading="How well did you know it?" current=Signal::derive(|| None) on_rate=rate/>
            </Show>
        </article>
    }
}
