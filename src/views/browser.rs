use super::app::CurrentRoute;
use crate::content::{self, GUIDES};
use crate::platform::{location, page};
use crate::progress::Progress;
use crate::route::{Browse, Route};
use crate::search::{search_with_notes, Scope};
use crate::views::context;
use leptos::prelude::*;

/// All questions, filtered by guide and section, searched as you type. The filters live in the
/// URL, so a filtered list can be shared and survives reload.
#[component]
pub fn QuestionBrowser() -> impl IntoView {
    let CurrentRoute(route) = context::<CurrentRoute>();
    let browse = Memo::new(move |_| match &*route.read() {
        Route::Questions(browse) => browse.clone(),
        _ => Browse::default(),
    });
    let update = move |change: &dyn Fn(&mut Browse)| {
        let mut next = browse.get_untracked();
        change(&mut next);
        let next = Route::Questions(next);
        route.set(next.clone());
        // The address follows in a task after the list's frame: writing the browser's history
        // is slow next to the rest of a keystroke. Only if the filters are still these (the
        // reader may have typed on, or left the page, meanwhile).
        page::after_frame(move || {
            if route.try_get_untracked().as_ref() == Some(&next) {
                location::replace_hash(&next.href());
            }
        });
    };
    let guide = Memo::new(move |_| browse.read().part.and_then(content::guide));
    let scope = Memo::new(move |_| {
        let guide = guide.get();
        Scope {
            part: guide.map(|g| g.part),
            section: guide.and_then(|g| {
                browse
                    .read()
                    .section
                    .as_deref()
                    .and_then(|s| g.section_index(s))
            }),
        }
    });
    let progress = context::<Progress>();
    // Searching covers the model answers too once they have loaded; until then, the questions.
    super::bodies::fetch();
    let results = Memo::new(move |_| {
        let _answers = super::bodies::loaded();
        let notes = progress.notes.get();
        search_with_notes(&browse.read().query, scope.get(), &|id| {
            notes.get(id).map(|n| n.text.clone())
        })
    });

    let guide_options = GUIDES
        .iter()
        .map(|g| {
            let value = g.part.to_string();
            view! {
                <option value=value selected=move || guide.get().is_some_and(|s| s.part == g.part)>
                    {format!("Part {}: {}", g.part, g.short)}
                </option>
            }
        })
        .collect_view();

    view! {
        <h1>"Questions"</h1>
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <label>
                "Guide"
                <select on:change=move |ev| {
                    let part = event_target_value(&ev).parse().ok();
                    update(&|b| { b.part = part; b.section = None; });
                }>
                    <option value="" selected=move || guide.get().is_none()>"All guides"</option>
                    {guide_options}
                </select>
            </label>
            <label>
                "Section"
                <select
                    disabled=move || guide.get().is_none()
                    on:change=move |ev| {
                        let section = event_target_value(&ev);
                        update(&|b| b.section = (!section.is_empty()).then(|| section.clone()));
                    }
                >
                    <option value="" selected=move || scope.get().section.is_none()>"All sections"</option>
                    {move || guide.get().map(|g| g.sections.iter().enumerate().map(|(index, s)| view! {
                        <option value=s.slug selected=move || scope.get().section == Some(index)>{s.title}</option>
                    }).collect_view())}
                </select>
            </label>
            <label class="search">
                "Search questions and answers"
                <input
                    type="search"
                    maxlength="200"
                    prop:value=move || browse.read().query.clone()
                    on:input=move |ev| {
                        let query = event_target_value(&ev);
                        update(&|b| b.query = query.clone());
                    }
                />
            </label>
        </form>
        <p class="result-count" role="status">
            {move || match results.read().len() {
                0 => "No question matches.".to_string(),
                1 => "1 question".to_string(),
                n => format!("{n} questions"),
            }}
        </p>
        <ol class="results">
            // Keyed: a keystroke moves the questions still listed rather than building them
            // again, so the browser lays out only what changed.
            <For each=move || results.get() key=|q| q.id children=move |q| {
                let guide = q.guide();
                view! {
                    <li>
                        <a href=Route::Question(q.id.into()).href()>{q.ask}</a>
                        <span class="meta">{format!("Part {}: {} · {}", guide.part, guide.short, q.section().title)}</span>
                        {move || progress.notes.with(|n| n.get(q.id).filter(|n| !n.text.trim().is_empty()).map(|n| {
                            // The reader's text, shown as text.
                            view! { <span class="note-line">"Your note: " {n.text.clone()}</span> }
                        }))}
                    </li>
                }
            }/>
        </ol>
    }
}
