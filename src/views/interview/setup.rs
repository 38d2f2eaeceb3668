use crate::content::GUIDES;
use crate::interview::{self, AnswerMode, Order, Setup};
use crate::progress::Progress;
use crate::views::context;
use crate::views::embedding::Embedding;
use crate::views::time_options::time_options;
use leptos::prelude::*;

/// Choose guide parts and sections, number of questions, time, order and answer mode.
#[component]
pub fn SetupPage() -> impl IntoView {
    let progress = context::<Progress>();
    // An embedding page's settings (URL parameters) are the starting point.
    let embedding = context::<Embedding>();
    let setup = RwSignal::new(if embedding.config.is_configured() {
        embedding.config.setup()
    } else {
        Setup::default()
    });
    let available = Memo::new(move |_| setup.read().pool().len());

    let guides = GUIDES
        .iter()
        .map(|guide| {
            let part = guide.part;
            let sections = guide
                .sections
                .iter()
                .map(|section| {
                    let key = format!("{part}/{}", section.slug);
                    let checked = {
                        let key = key.clone();
                        move || setup.read().sections.contains(&key)
                    };
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let key = key.clone();
                                    setup.update(|s| {
                                        s.sections.retain(|k| *k != key);
                                        if on {
                                            s.sections.push(key);
                                            if !s.parts.contains(&part) {
                                                s.parts.push(part);
                                            }
                                        }
                                    });
                                }
                            />
                            {section.title}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="guide-choice">
                    <legend>
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || setup.read().parts.contains(&part)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    setup.update(|s| {
                                        s.parts.retain(|p| *p != part);
                                        let prefix = format!("{part}/");
                                        s.sections.retain(|k| !k.starts_with(&prefix));
                                        if on {
                                            s.parts.push(part);
                                        }
                                    });
                                }
                            />
                            {format!("Part {part}: {}", guide.short)}
                        </label>
                    </legend>
                    <div class="section-choices">{sections}</div>
                </fieldset>
            }
        })
        .collect_view();

    let times = time_options(move || setup.read().seconds_per_question);

    let radio = move |name: &'static str,
                      label: &'static str,
                      checked: Signal<bool>,
                      pick: Box<dyn Fn() + Send + Sync>| {
        view! {
            <label class="check">
                <input type="radio" name=name prop:checked=checked on:change=move |_| pick()/>
                {label}
            </label>
        }
    };

    view! {
        <h1>"Set up a mock interview"</h1>
        <form class="setup" on:submit=move |ev| {
            ev.prevent_default();
            let chosen = setup.get_untracked().clamped();
            super::start(progress, chosen, None);
        }>
            <fieldset>
                <legend>"Guides and sections"</legend>
                <p class="hint">"Choose nothing to draw from every guide."</p>
                {guides}
            </fieldset>
            <div class="setup-row">
                <label>
                    "Number of questions"
                    <input
                        type="number"
                        min="1"
                        max=interview::setup::MAX_COUNT.to_string()
                        prop:value=move || setup.read().count.to_string()
                        on:change=move |ev| {
                            let count = event_target_value(&ev).parse().unwrap_or(interview::setup::DEFAULT_COUNT);
                            setup.update(|s| s.count = count.clamp(1, interview::setup::MAX_COUNT));
                        }
                    />
                </label>
                <label>
                    "Time per question"
                    <select on:change=move |ev| {
                        let seconds = event_target_value(&ev).parse().unwrap_or(interview::setup::DEFAULT_SECONDS);
                        setup.update(|s| s.seconds_per_question = seconds);
                    }>{times}</select>
                </label>
            </div>
            <fieldset class="inline">
                <legend>"Order"</legend>
                {radio("order", "Random", Signal::derive(move || setup.read().order == Order::Random),
                    Box::new(move || setup.update(|s| s.order = Order::Random)))}
                {radio("order", "Guide order", Signal::derive(move || setup.read().order == Order::Guide),
                    Box::new(move || setup.update(|s| s.order = Order::Guide)))}
            </fieldset>
            <fieldset class="inline">
                <legend>"Answer mode"</legend>
                {radio("mode", "Type your answer", Signal::derive(move || setup.read().mode == AnswerMode::Type),
                    Box::new(move || setup.update(|s| s.mode = AnswerMode::Type)))}
                {radio("mode", "Speak aloud", Signal::derive(move || setup.read().mode == AnswerMode::Speak),
                    Box::new(move || setup.update(|s| s.mode = AnswerMode::Speak)))}
            </fieldset>
            <p class="meta" role="status">
                {move || {
                    let n = available.get();
                    let count = setup.read().count;
                    match n {
                        0 => "No question matches these choices.".to_string(),
                        n if n < count => format!("Only {n} questions match: the interview will have {n}."),
                        n => format!("{n} questions match."),
                    }
                }}
            </p>
            <button type="submit" disabled=move || available.get() == 0>"Start interview"</button>
        </form>
    }
}
