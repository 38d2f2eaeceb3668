use super::charts::{Heatmap, PercentBars, PercentLine};
use crate::content;
use crate::interview::{self, format_seconds, Setup};
use crate::platform::clock;
use crate::progress::Progress;
use crate::review::stats;
use crate::route::{Browse, Route};
use crate::views::context;
use leptos::prelude::*;

/// Readiness per guide and section, the practice calendar, scores over time, time used against
/// time allowed, and the weakest questions. Each chart has its numbers as text beside it.
#[component]
pub fn StatsPage() -> impl IntoView {
    let progress = context::<Progress>();
    view! {
        <h1>"Statistics"</h1>
        {move || {
            let now = clock::now();
            let memory = progress.memory.get();
            let events = progress.rating_events();
            let history = progress.history();
            view! {
                <Readiness memory=memory.clone() now/>
                <Calendar events=events.clone() now/>
                <Scores history=history.clone()/>
                <Speaking history=history.clone()/>
                <Marking history=history.clone()/>
                <TimeUsed history/>
                <Weakest memory events now/>
            }
        }}
    }
}

#[component]
fn Readiness(
    memory: crate::sorted::SortedMap<String, crate::review::MemoryState>,
    now: u64,
) -> impl IntoView {
    let parts = stats::readiness(&memory, now);
    let bars: Vec<(String, u32)> = parts
        .iter()
        .filter_map(|p| {
            content::guide(p.part)
                .map(|g| (format!("Part {}: {}", p.part, g.short), p.overall.percent()))
        })
        .collect();
    let rows = parts
        .iter()
        .map(|p| {
            let guide = content::guide(p.part);
            let sections = p
                .sections
                .iter()
                .map(|(slug, r)| {
                    let title = guide
                        .and_then(|g| g.section_index(slug).map(|i| g.sections[i].title))
                        .unwrap_or_default();
                    view! {
                        <tr class="sub">
                            <th scope="row">{title}</th>
                            <td>{format!("{}%", r.percent())}</td>
                            <td>{format!("{} of {}", r.ready, r.questions)}</td>
                            <td>{r.never_practised}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{format!("Part {}: {}", p.part, guide.map_or("", |g| g.short))}</th>
                    <td>{format!("{}%", p.overall.percent())}</td>
                    <td>{format!("{} of {}", p.overall.ready, p.overall.questions)}</td>
                    <td>{p.overall.never_practised}</td>
                </tr>
                {sections}
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">"Readiness"</h2>
            <p class="hint">"Share of questions you would recall now with at least 90% probability."</p>
            <PercentBars rows=bars label="Readiness per guide: the table below has the numbers".to_string()/>
            <div class="table-wrap" tabindex="0">
                <table class="readiness">
                    <caption>"Readiness per guide and section"</caption>
                    <thead><tr><th scope="col">"Guide or section"</th><th scope="col">"Ready"</th><th scope="col">"Questions ready"</th><th scope="col">"Never practised"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Calendar(events: Vec<crate::review::ReviewEvent>, now: u64) -> impl IntoView {
    let days = stats::calendar(&events, now, clock::utc_offset_minutes());
    let active = days.iter().filter(|d| d.ratings > 0).count();
    let total: u32 = days.iter().map(|d| d.ratings).sum();
    let summary = format!("{total} ratings on {active} days in the last 365 days");
    let recent: Vec<_> = days
        .iter()
        .rev()
        .filter(|d| d.ratings > 0)
        .take(7)
        .copied()
        .collect();
    let cells = days
        .into_iter()
        .map(|d| (stats::format_day(d.day), d.ratings))
        .collect();
    view! {
        <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">"Practice calendar"</h2>
            <Heatmap days=cells label=format!("Practice calendar: {summary}")/>
            <p class="calendar-summary">{summary}</p>
            {(!recent.is_empty()).then(|| view! {
                <ul class="recent-days">
                    {recent.into_iter().map(|d| view! {
                        <li>{format!("{}: {} rating{}", stats::format_day(d.day), d.ratings, if d.ratings == 1 { "" } else { "s" })}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
fn Scores(history: Vec<interview::Interview>) -> impl IntoView {
    let scores: Vec<(u64, f64)> = history
        .iter()
        .filter_map(|i| {
            Some((
                i.completed_at?,
                f64::from(interview::Summary::of(i).score()),
            ))
        })
        .collect();
    let points = stats::scores_over_time(&scores);
    view! {
        <section aria-labelledby="scores-heading">
            <h2 id="scores-heading">"Interview scores"</h2>
            {if points.is_empty() {
                view! { <p>"No completed interview yet."</p> }.into_any()
            } else {
                let values: Vec<u32> = points.iter().map(|p| p.percent.round() as u32).collect();
                let rows = points.iter().map(|p| view! {
                    <tr><td>{clock::format_local(p.completed_ms)}</td><td>{format!("{}%", p.percent.round())}</td></tr>
                }).collect_view();
                view! {
                    <PercentLine values label="Interview scores over time: the table below has the numbers".to_string()/>
                    <div class="table-wrap" tabindex="0">
                        <table class="scores">
                            <caption>"Score of each completed interview"</caption>
                            <thead><tr><th scope="col">"Completed"</th><th scope="col">"Score"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// Words per minute and filler words per minute of recorded answers, interview by interview.
#[component]
fn Speaking(history: Vec<interview::Interview>) -> impl IntoView {
    let points = stats::delivery_over_time(&history);
    (!points.is_empty()).then(|| {
        let rows = points
            .iter()
            .map(|p| {
                view! {
                    <tr>
                        <td>{clock::format_local(p.completed_ms)}</td>
                        <td>{p.answers}</td>
                        <td>{p.words_per_minute}</td>
                        <td>{format!("{:.1}", p.fillers_per_minute)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="speaking-heading">
                <h2 id="speaking-heading">"Speaking"</h2>
                <p>
                    "Pace and filler words of your recorded answers (120–170 words a minute is "
                    "what most listeners find comfortable; fillers are a floor, as the recogniser drops some)."
                </p>
                <div class="table-wrap" tabindex="0">
                    <table class="speaking">
                        <caption>"Recorded answers of each interview"</caption>
                        <thead><tr>
                            <th scope="col">"Completed"</th>
                            <th scope="col">"Answers"</th>
                            <th scope="col">"Words per minute"</th>
                            <th scope="col">"Fillers per minute"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    })
}

/// How often the reader corrected the device's marks: the marking should rarely need it.
#[component]
fn Marking(history: Vec<interview::Interview>) -> impl IntoView {
    let c = stats::corrections(&history);
    view! {
        <section aria-labelledby="marking-heading">
            <h2 id="marking-heading">"Key-point marking"</h2>
            <p id="corrections">
                {if c.checked == 0 {
                    "No typed answer marked yet.".to_string()
                } else {
                    format!(
                        "You corrected {} of the {} key-point marks this device made on your typed answers ({:.1}%).",
                        c.changed, c.checked, c.percent()
                    )
                }}
            </p>
        </section>
    }
}

#[component]
fn TimeUsed(history: Vec<interview::Interview>) -> impl IntoView {
    let attempts: Vec<(String, u64, u64)> = history
        .iter()
        .flat_map(|i| i.attempts.iter())
        .filter(|a| a.ending.is_some())
        .take(12)
        .map(|a| {
            let ask = a
                .content()
                .map_or(a.question.clone(), |q| q.ask.to_string());
            (ask, a.used_ms(u64::MAX) / 1_000, a.allowed_ms / 1_000)
        })
        .collect();
    view! {
        <section aria-labelledby="time-heading">
            <h2 id="time-heading">"Time used per question"</h2>
            {if attempts.is_empty() {
                view! { <p>"No answered question yet."</p> }.into_any()
            } else {
                let bars = attempts
                    .iter()
                    .enumerate()
                    .map(|(i, (_, used, allowed))| (format!("Answer {}", i + 1), (used * 100 / (*allowed).max(1)) as u32))
                    .collect();
                let rows = attempts.into_iter().enumerate().map(|(i, (ask, used, allowed))| view! {
                    <tr>
                        <td>{format!("Answer {}", i + 1)}</td>
                        <th scope="row">{ask}</th>
                        <td>{format!("{} of {}", format_seconds(used), format_seconds(allowed))}</td>
                    </tr>
                }).collect_view();
                view! {
                    <PercentBars rows=bars label="Share of the allowed time used by your latest answers: the table below has the times".to_string()/>
                    <div class="table-wrap" tabindex="0">
                        <table class="time-used">
                            <caption>"Your latest answers: time used against time allowed"</caption>
                            <thead><tr><th scope="col">"Answer"</th><th scope="col">"Question"</th><th scope="col">"Time"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn Weakest(
    memory: crate::sorted::SortedMap<String, crate::review::MemoryState>,
    events: Vec<crate::review::ReviewEvent>,
    now: u64,
) -> impl IntoView {
    let progress = context::<Progress>();
    let weak = stats::weakest(&memory, &events, now, 5);
    let ids: Vec<String> = weak.iter().map(|w| w.id.to_string()).collect();
    view! {
        <section aria-labelledby="weakest-heading">
            <h2 id="weakest-heading">"Weakest questions"</h2>
            {if weak.is_empty() {
                view! { <p>"Rate some questions first: in a mock interview or a review."</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {weak.into_iter().filter_map(|w| content::question(w.id).map(|q| (w, q))).map(|(w, q)| view! {
                            <li>
                                <a href=Route::Question(q.id.into()).href()>{q.ask}</a>
                                <span class="meta">{format!(" · recall {:.0}% · Again ×{}", w.retrievability * 100.0, w.again)}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                    <button type="button" on:click=move |_| {
                        let setup = Setup { count: ids.len(), ..Setup::default() };
                        super::interview::start(progress, setup, Some(ids.clone()));
                    }>"Practise the weakest questions"</button>
                }
                .into_any()
            }}
            <p><a href=Route::Questions(Browse::default()).href()>{format!("All {} questions", content::QUESTIONS.len())}</a></p>
        </section>
    }
}
