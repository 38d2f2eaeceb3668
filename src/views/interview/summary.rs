use super::speak::{delivery_figures, recording_player};
use crate::interview::{self, format_seconds, Ending, Interview};
use crate::platform::clock;
use crate::progress::Progress;
use crate::route::Route;
use crate::views::context;
use leptos::prelude::*;

/// Per question: time used against time allowed, key points covered, rating; the totals; and
/// every answer for review. `live` is the summary shown right after the interview.
#[component]
pub fn Summary(interview: Interview, live: bool) -> impl IntoView {
    let progress = context::<Progress>();
    let totals = interview::Summary::of(&interview);
    let weak: Vec<String> = interview
        .weak_questions()
        .into_iter()
        .map(str::to_string)
        .collect();
    let retry_setup = interview.setup.clone();
    let when = clock::format_local(interview.completed_at.unwrap_or(interview.started_at));
    let rows = interview
        .attempts
        .iter()
        .enumerate()
        .map(|(index, a)| {
            let ask = a.content().map_or(a.question.clone(), |q| q.ask.to_string());
            let points = a.content().map_or(a.marks.len(), |q| q.key_points.len());
            let state = match a.ending {
                Some(Ending::Skipped) => "skipped",
                Some(Ending::TimeUp) => "time up",
                _ => "",
            };
            view! {
                <tr>
                    <th scope="row">
                        {format!("{}. ", index + 1)}
                        <a href=Route::Question(a.question.clone()).href()>{ask}</a>
                        {(!state.is_empty()).then(|| view! { <span class="tag">{state}</span> })}
                    </th>
                    <td>{format!("{} / {}", format_seconds(a.used_ms(u64::MAX) / 1_000), format_seconds(a.allowed_ms / 1_000))}</td>
                    <td>{format!("{} / {points}", a.covered())}</td>
                    <td>{a.rating.map_or("—", |r| r.label())}</td>
                </tr>
            }
        })
        .collect_view();
    let interview_id = interview.id.clone();
    let answers = interview
        .attempts
        .iter()
        .enumerate()
        .map(|(index, a)| {
            let spoken = a.audio.is_some().then(|| {
                let attempt = a.clone();
                view! {
                    {recording_player(interview_id.clone(), index)}
                    {delivery_figures(Signal::derive(move || Some(attempt.clone())))}
                }
            });
            let ask = a.content().map_or(a.question.clone(), |q| q.ask.to_string());
            let labels: Vec<(&'static str, bool)> = a
                .content()
                .map(|q| q.key_points.iter().zip(&a.marks).map(|(p, m)| (p.label, *m)).collect())
                .unwrap_or_default();
            view! {
                <details class="review">
                    <summary>{ask}</summary>
                    {spoken}
                    <h3>{if a.audio.is_some() { "Transcript" } else { "Your answer" }}</h3>
                    // Shown as text: whatever was typed never becomes HTML.
                    <p class="your-answer">{match (a.answer.is_empty(), a.answer_compacted) {
                        (true, true) => "(The answer text was removed to save space; everything else is kept.)".to_string(),
                        (true, false) => "(No answer typed.)".to_string(),
                        _ => a.answer.clone(),
                    }}</p>
                    <h3>"Key points"</h3>
                    <ul>
                        {labels.into_iter().map(|(label, covered)| view! {
                            <li>{label} " — " {if covered { "covered" } else { "missed" }}</li>
                        }).collect_view()}
                    </ul>
                </details>
            }
        })
        .collect_view();
    let weak_count = weak.len();
    view! {
        <h1>{if live { "Interview complete" } else { "Interview review" }}</h1>
        <p class="meta">
            {format!(
                "{when} · {} · {} questions · {}",
                interview.setup.parts_label(),
                totals.questions,
                if interview.setup.mode == interview::AnswerMode::Speak { "spoken" } else { "typed" }
            )}
        </p>
        <dl class="totals">
            <div><dt>"Score"</dt><dd>{format!("{}%", totals.score())}</dd></div>
            <div><dt>"Key points covered"</dt><dd>{format!("{} of {}", totals.covered, totals.key_points)}</dd></div>
            <div><dt>"Time used"</dt><dd>{format!("{} of {}", format_seconds(totals.used_ms / 1_000), format_seconds(totals.allowed_ms / 1_000))}</dd></div>
            <div><dt>"Answered"</dt><dd>{format!("{} (skipped {}, time up {})", totals.answered, totals.skipped, totals.time_up)}</dd></div>
        </dl>
        <div class="table-wrap" tabindex="0">
            <table class="summary">
                <caption>"Questions"</caption>
                <thead>
                    <tr><th scope="col">"Question"</th><th scope="col">"Time used"</th><th scope="col">"Key points"</th><th scope="col">"Rating"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <div class="actions">
            {(weak_count > 0).then(|| view! {
                <button type="button" on:click=move |_| {
                    let setup = interview::Setup { count: weak.len(), ..retry_setup.clone() };
                    super::start(progress, setup, Some(weak.clone()));
                }>
                    {format!("Practise the {weak_count} question{} rated Again or Hard", if weak_count == 1 { "" } else { "s" })}
                </button>
            })}
            <a class="button secondary" href=Route::NewInterview.href()>"New interview"</a>
            <a href=Route::History.href()>"All interviews"</a>
        </div>
        <h2>"Your answers"</h2>
        {answers}
    }
}
