use super::trusted_html::TrustedHtml;
use crate::content;
use crate::embed::Mode;
use crate::interview::{format_seconds, Phase, Setup};
use crate::platform::clock;
use crate::progress::Progress;
use crate::route::{Browse, Route};
use crate::views::context;
use crate::views::embedding::Embedding;
use leptos::prelude::*;

/// The start page: the three guides with their sections, and the blog's other articles (lists
/// the build rendered: `content::GUIDES_HTML`); or, when an embedding page asks for an
/// interview (`mode=interview`), that interview ready to start.
#[component]
pub fn Home() -> impl IntoView {
    let embedding = context::<Embedding>();
    if embedding.config.mode == Some(Mode::Interview) {
        return view! { <ConfiguredInterview/> }.into_any();
    }
    view! {
        <h1>"Practise for your cloud interview"</h1>
        <Practice/>
        <p class="lead">
            "Sean Hull’s three-part cloud interview guide, every question with its model answer: "
            "read a question, answer it in your head or out loud, then reveal the answer."
        </p>
        <p>
            <a class="button" href=Route::Questions(Browse::default()).href()>
                {format!("Browse all {} questions", content::QUESTIONS.len())}
            </a>
        </p>
        <section aria-labelledby="guides-heading">
            <h2 id="guides-heading">"The guides"</h2>
            <TrustedHtml html=content::GUIDES_HTML/>
        </section>
        <section aria-labelledby="library-heading">
            <h2 id="library-heading">"Further reading from the blog"</h2>
            <TrustedHtml html=content::READING_HTML/>
        </section>
    }
    .into_any()
}

/// One-click default interview, resuming, and history.
#[component]
fn Practice() -> impl IntoView {
    let progress = context::<Progress>();
    let default = Setup::default();
    let label = format!(
        "Start a {}-question interview ({} each)",
        default.count,
        format_seconds(u64::from(default.seconds_per_question))
    );
    // Which unfinished interviews are running in other tabs right now.
    progress.refresh_elsewhere();
    view! {
        <section class="practice" aria-labelledby="practice-heading">
            <h2 id="practice-heading">"Mock interview"</h2>
            <p>"Timed questions from the guides: answer first, then compare with the model answer and rate yourself."</p>
            <div class="actions">
                <StartOrResume label setup=Setup::default() questions=None/>
                <a class="button secondary" href=Route::NewInterview.href()>"Choose questions, time and mode"</a>
            </div>
            {move || {
                let open = progress.unfinished();
                let elsewhere = progress.elsewhere.get();
                (!open.is_empty()).then(|| view! {
                    <ul class="unfinished">
                        {open.into_iter().map(|i| {
                            let id = i.id.clone();
                            // A live tab runs it: taking it over stops that tab.
                            let running = elsewhere.contains(&i.id);
                            let (status, action) = if running {
                                ("It is running in another tab. ", "Take it over here")
                            } else {
                                ("", "Resume it")
                            };
                            view! {
                                <li>
                                    {format!("Unfinished interview from {}, question {} of {}. {status}",
                                        clock::format_local(i.started_at), i.current + 1, i.attempts.len())}
                                    <button type="button" class="link" on:click=move |_| {
                                        super::navigate(Route::Interview);
                                        progress.take_over(&id, running);
                                    }>{action}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            // With an interview date, today's queue is planned toward it, and the days left and
            // readiness on the day show with it (`review::InterviewSummary`, in the interview's
            // piece of the wasm, which the Review page, where the date is set, brought).
            {move || {
                if progress.settings.read().interview_date.is_some() {
                    return super::interview_summary();
                }
                let label = due_label(&super::review::todays_queue(progress));
                view! {
                    <p class="due">
                        <a class="button secondary" href=Route::Review.href()>{label}</a>
                        <a class="date" href=Route::Review.href()>"Set your interview date"</a>
                    </p>
                }
                .into_any()
            }}
            {move || {
                let done = progress.history_len();
                (done > 0).then(|| view! {
                    <p><a href=Route::History.href()>{format!("Your interview history ({done})")}</a></p>
                })
            }}
        </section>
    }
}

/// "Start learning (10 new)", "Review due questions (3)": questions never practised are new,
/// not due.
pub(super) fn due_label(queue: &crate::review::queue::Queue) -> String {
    match (queue.due(), queue.new) {
        (0, 0) => "Review: nothing due today".to_string(),
        (due, 0) => format!("Review due questions ({due})"),
        (0, new) => format!("Start learning ({new} new)"),
        (due, new) => format!("Review due questions ({due}) and {new} new"),
    }
}

/// The interview an embedding page configured, one click from starting.
#[component]
fn ConfiguredInterview() -> impl IntoView {
    // This widget is there to start its interview: its piece of the wasm comes at once.
    crate::views::prefetch_interview();
    let config = context::<Embedding>().config;
    let setup = config.setup();
    let fixed = (!config.questions.is_empty()).then(|| config.questions.clone());
    let count = fixed
        .as_ref()
        .map_or(setup.count.min(setup.pool().len()), Vec::len);
    let description = format!(
        "{count} question{} from {} · {} each · {}",
        if count == 1 { "" } else { "s" },
        setup.parts_label(),
        format_seconds(u64::from(setup.seconds_per_question)),
        match setup.mode {
            crate::interview::AnswerMode::Type => "type your answers",
            crate::interview::AnswerMode::Speak => "answer out loud",
        }
    );
    view! {
        <section class="configured" aria-labelledby="configured-heading">
            <h1 id="configured-heading">"Mock interview"</h1>
            <p>{description}</p>
            <p class="hint">"Answer first, then compare with the model answer and rate yourself."</p>
            <div class="actions">
                <StartOrResume label="Start interview".to_string() setup questions=fixed/>
                <a class="button secondary" href=Route::NewInterview.href()>"Change settings"</a>
            </div>
        </section>
    }
}

/// Starts the interview, or resumes this tab's unfinished one.
#[component]
fn StartOrResume(label: String, setup: Setup, questions: Option<Vec<String>>) -> impl IntoView {
    let progress = context::<Progress>();
    let running = move || progress.active().filter(|i| i.phase() != Phase::Complete);
    move || {
        match running() {
        Some(i) => view! {
            <a class="button" href=Route::Interview.href()>
                {format!("Resume your interview (question {} of {})", i.current + 1, i.attempts.len())}
            </a>
        }
        .into_any(),
        None => {
            let (label, setup, questions) = (label.clone(), setup.clone(), questions.clone());
            view! {
                <button type="button" data-opens=Route::Interview.href() on:click=move |_| {
                    super::interview::start(progress, setup.clone(), questions.clone());
                }>{label}</button>
            }
            .into_any()
        }
    }
    }
}
