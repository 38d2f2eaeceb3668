use super::charts::{Heatmap, PercentBars, PercentLine};
use crate::content;
use crate::interview::{self, format_seconds, Rating, Setup};
use crate::platform::clock;
use crate::progress::Progress;
use crate::review::day::{describe_day, format_day};
use crate::review::ready::{self, Goal, READY_RECALL};
use crate::review::{stats, MemoryState, ReviewEvent};
use crate::route::{Browse, Route};
use crate::sorted::SortedMap;
use crate::views::context;
use leptos::prelude::*;

/// Readiness per guide and section and its trend, the practice calendar, scores over time,
/// speaking, marking corrections, time used against time allowed, and the weakest questions.
/// Each chart has its numbers as text beside it, and each figure says how it is worked out
/// (docs/statistics.md says the same).
#[component]
pub fn StatsPage() -> impl IntoView {
    let progress = context::<Progress>();
    view! {
        <h1>"Statistics"</h1>
        {move || {
            let now = clock::now();
            let goal = super::review::goal(progress);
            let memory = progress.memory.get();
            let events = progress.rating_events();
            let history = progress.history();
            view! {
                <Readiness memory=memory.clone() goal/>
                <Trend events=events.clone() goal/>
                <Calendar events now/>
                <Scores history=history.clone()/>
                <Speaking history=history.clone()/>
                <Marking history=history.clone()/>
                <TimeUsed history/>
                <Weakest memory goal/>
            }
        }}
    }
}

/// "How is this worked out?", in plain words.
#[component]
fn Explain(children: Children) -> impl IntoView {
    view! {
        <details class="explain">
            <summary>"How is this worked out?"</summary>
            <p>{children()}</p>
        </details>
    }
}

/// The day readiness is judged for, in words: "on Friday 6 March 2026" or "in a week".
fn goal_words(goal: &Goal) -> String {
    match goal.interview {
        Some(day) => format!("on {}", describe_day(day.day)),
        None => "in a week".to_string(),
    }
}

#[component]
fn Readiness(memory: SortedMap<String, MemoryState>, goal: Goal) -> impl IntoView {
    let parts = ready::by_part(content::GUIDES, content::QUESTIONS, &memory, &goal);
    let bars: Vec<(String, u32)> = parts
        .iter()
        .filter_map(|p| {
            content::guide(p.part)
                .map(|g| (format!("Part {}: {}", p.part, g.short), p.overall.percent()))
        })
        .collect();
    let row = |title: String, r: &ready::Readiness, class: &'static str| {
        view! {
            <tr class=class>
                <th scope="row">{title}</th>
                <td>{format!("{}%", r.percent())}</td>
                <td>{format!("{} of {}", r.ready, r.questions)}</td>
                <td>{r.not_ready()}</td>
                <td>{r.never_practised}</td>
            </tr>
        }
    };
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
                    row(title.to_string(), r, "sub")
                })
                .collect_view();
            view! {
                {row(format!("Part {}: {}", p.part, guide.map_or("", |g| g.short)), &p.overall, "")}
                {sections}
            }
        })
        .collect_view();
    let when = goal_words(&goal);
    let setting = match goal.interview {
        Some(day) => format!(
            "For your interview {when} ({}).",
            match day.days_left {
                0 => "today".to_string(),
                1 => "tomorrow".to_string(),
                n => format!("in {n} days"),
            }
        ),
        None => {
            "A week from now: set your interview date on the Review page to see it for the day."
                .to_string()
        }
    };
    view! {
        <section aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">"Readiness"</h2>
            <p class="hint" id="readiness-goal">{setting}</p>
            <PercentBars rows=bars label="Readiness per guide: the table below has the numbers".to_string()/>
            <div class="table-wrap" tabindex="0">
                <table class="readiness">
                    <caption>{format!("Questions ready {when}, per guide and section")}</caption>
                    <thead><tr>
                        <th scope="col">"Guide or section"</th>
                        <th scope="col">"Ready"</th>
                        <th scope="col">"Questions ready"</th>
                        <th scope="col">"Not ready"</th>
                        <th scope="col">"Never practised"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Explain>
                {format!(
                    "A question counts as ready {when} only with evidence of all three: you last rated it Good or Easy; \
                     your latest marked answer covered more than half of its key points (in an interview, or in a review \
                     where you typed an answer or ticked the points you covered); and the memory model (FSRS) predicts at \
                     least a {:.0}% chance that you recall it {when}, at midday if it is your interview date, had you \
                     practised no more. A question just rated, even Again, is recalled now: so recall alone is never \
                     enough. Not ready: practised, but one of the three is missing. Never practised: never rated.",
                    READY_RECALL * 100.0
                )}
            </Explain>
        </section>
    }
}

/// Readiness on the day after each day the reader practised: whether practice moves it.
#[component]
fn Trend(events: Vec<ReviewEvent>, goal: Goal) -> impl IntoView {
    let points = stats::trend(&events, &goal, clock::utc_offset_minutes());
    let total = content::QUESTIONS.len();
    let when = goal_words(&goal);
    view! {
        <section aria-labelledby="trend-heading">
            <h2 id="trend-heading">"Readiness as you practise"</h2>
            {if points.is_empty() {
                view! { <p>"No practice yet."</p> }.into_any()
            } else {
                let values = points.iter().map(|p| (p.ready * 100 / total.max(1)) as u32).collect();
                let rows = points
                    .iter()
                    .map(|p| view! {
                        <tr><td>{format_day(p.day)}</td><td>{format!("{} of {total}", p.ready)}</td></tr>
                    })
                    .collect_view();
                view! {
                    <PercentLine values label=format!("Questions ready {when} after each day you practised: the table below has the numbers")/>
                    <div class="table-wrap" tabindex="0">
                        <table class="trend">
                            <caption>{format!("Questions ready {when}, with your practice up to each day")}</caption>
                            <thead><tr><th scope="col">"Day"</th><th scope="col">"Ready"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
            <Explain>
                {format!(
                    "For each of the last {} days you practised: your ratings up to the end of that day, put through the \
                     same memory model, and the questions that would then be ready {when}, by the same three tests as \
                     above. The last row is where you stand now.",
                    stats::TREND_DAYS
                )}
            </Explain>
        </section>
    }
}

#[component]
fn Calendar(events: Vec<ReviewEvent>, now: u64) -> impl IntoView {
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
        .map(|d| (format_day(d.day), d.ratings))
        .collect();
    view! {
        <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">"Practice calendar"</h2>
            <Heatmap days=cells label=format!("Practice calendar: {summary}")/>
            <p class="calendar-summary">{summary}</p>
            {(!recent.is_empty()).then(|| view! {
                <ul class="recent-days">
                    {recent.into_iter().map(|d| view! {
                        <li>{format!("{}: {} rating{}", format_day(d.day), d.ratings, if d.ratings == 1 { "" } else { "s" })}</li>
                    }).collect_view()}
                </ul>
            })}
            <Explain>
                "Every rating you gave, in an interview or a review, counted on the day you gave it, in your time \
                 zone. The darker a day, the more ratings it had."
            </Explain>
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
            <Explain>
                "For each completed interview: the key points your answers covered, as marked on the reveal after \
                 your corrections, as a share of all the key points of its questions."
            </Explain>
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
                <Explain>
                    "Your words, and the filler words among them, over the time from your first to your last sound, \
                     all the recorded answers of an interview together; interviews with less than ten seconds of \
                     speech are left out."
                </Explain>
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
            <Explain>
                "Each key point of a typed answer is marked covered or missed on this device when you finish the \
                 answer. Every mark you then changed on the reveal counts as a correction."
            </Explain>
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
            <Explain>
                "Your latest twelve answers that ended (done, or out of time): the time the question's clock ran, \
                 which stops while the page is hidden, against the time it allowed."
            </Explain>
        </section>
    }
}

#[component]
fn Weakest(memory: SortedMap<String, MemoryState>, goal: Goal) -> impl IntoView {
    let progress = context::<Progress>();
    let weak = stats::weakest(&memory, &goal, 5);
    let ids: Vec<String> = weak.iter().map(|w| w.id.to_string()).collect();
    let when = goal_words(&goal);
    let practised = content::QUESTIONS
        .iter()
        .filter(|q| memory.contains_key(q.id))
        .count();
    let not_started = content::QUESTIONS.len() - practised;
    view! {
        <section aria-labelledby="weakest-heading">
            <h2 id="weakest-heading">"Weakest questions"</h2>
            {if weak.is_empty() {
                let message = if practised == 0 {
                    "Rate some questions first: in a mock interview or a review.".to_string()
                } else {
                    format!("None: every question you practised is ready {when}.")
                };
                view! { <p>{message}</p> }.into_any()
            } else {
                view! {
                    <ol class="weakest">
                        {weak.into_iter().filter_map(|w| content::question(w.id).map(|q| (w, q))).map(|(w, q)| {
                            let mut meta = vec![match w.last_rating {
                                Some(r) => format!("last rated {}", r.label()),
                                None => "rated".to_string(),
                            }];
                            meta.push(match w.latest {
                                Some(p) => format!("{} of {} key points in your latest answer", p.covered(), p.of()),
                                None => "no answer marked".to_string(),
                            });
                            for (count, rating) in [(w.again, Rating::Again), (w.hard, Rating::Hard)] {
                                if count > 0 {
                                    meta.push(format!("{} ×{count}", rating.label()));
                                }
                            }
                            meta.push(format!("recall {when}: {:.0}%", w.recall * 100.0));
                            view! {
                                <li>
                                    <a href=Route::Question(q.id.into()).href()>{q.ask}</a>
                                    <span class="meta">{format!(" · {}", meta.join(" · "))}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    <button type="button" on:click=move |_| {
                        let setup = Setup { count: ids.len(), ..Setup::default() };
                        super::interview::start(progress, setup, Some(ids.clone()));
                    }>"Practise the weakest questions"</button>
                }
                .into_any()
            }}
            {(not_started > 0 && practised > 0).then(|| view! {
                <p>{format!("{not_started} questions not started yet: they are new, not weak.")}</p>
            })}
            <p><a href=Route::Questions(Browse::default()).href()>{format!("All {} questions", content::QUESTIONS.len())}</a></p>
            <Explain>
                {format!(
                    "Only questions you practised that are not ready {when}. First those you last rated Again, then Hard, \
                     then those rated Good or Easy whose latest answer missed most key points (or had none marked), then \
                     those only fading; so a question you just answered well never comes before one you just failed. \
                     Among equals: more Again ratings first, then more Hard ratings, then more key points missed in your \
                     latest three marked answers, then lower predicted recall {when}."
                )}
            </Explain>
        </section>
    }
}
