//! The long texts (article bodies, model answers, key points), fetched once per session when a
//! page first needs them: the start page never waits for them (`content::bodies`).

use crate::content::{self, Bodies};
use crate::platform::fetch;
use leptos::prelude::*;

#[derive(Clone)]
enum State {
    Idle,
    Loading,
    Ready(&'static Bodies),
    Failed(String),
}

#[derive(Clone, Copy)]
struct Loader(RwSignal<State>);

pub fn provide() {
    provide_context(Loader(RwSignal::new(match content::bodies() {
        Some(bodies) => State::Ready(bodies),
        None => State::Idle,
    })));
}

/// Starts fetching the texts unless they are loaded or on their way.
pub fn fetch() {
    if let Some(Loader(state)) = use_context::<Loader>() {
        start(state);
    }
}

/// Fetches the texts once the page being built is on screen (an interview starting calls
/// this, so its reveal never waits, and the interview's first screen never waits for the
/// request): after the frame that paints it, or after half a second if no frame comes (a
/// hidden page).
pub fn fetch_after_paint() {
    let Some(Loader(state)) = use_context::<Loader>() else {
        return;
    };
    leptos::task::spawn_local(async move {
        crate::platform::page::painted().await;
        start(state);
    });
}

fn start(state: RwSignal<State>) {
    if !matches!(state.get_untracked(), State::Idle | State::Failed(_)) {
        return;
    }
    state.set(State::Loading);
    leptos::task::spawn_local(async move {
        let loaded = match fetch::text(content::DATA_FILE).await {
            Ok(text) => content::load_bodies(&text).map_err(|e| e.to_string()),
            Err(reason) => Err(format!(
                "the answers file could not be downloaded: {reason}"
            )),
        };
        state.set(match loaded {
            Ok(bodies) => State::Ready(bodies),
            Err(reason) => State::Failed(reason),
        });
    });
}

/// Whether the texts are on their way (tracked).
pub fn loading() -> bool {
    use_context::<Loader>().is_some_and(|l| matches!(l.0.get(), State::Loading))
}

/// The texts when loaded, tracked: a view reading this re-renders when they arrive.
pub fn loaded() -> Option<&'static Bodies> {
    match use_context::<Loader>()?.0.get() {
        State::Ready(bodies) => Some(bodies),
        _ => None,
    }
}

/// Renders `view` with the texts, fetching them if needed; meanwhile a line saying they are on
/// their way, or why they cannot be shown and what to do.
pub fn with_bodies<V: IntoView + 'static>(
    view: impl Fn(&'static Bodies) -> V + Send + Sync + 'static,
) -> impl IntoView {
    fetch();
    let state = use_context::<Loader>().map(|l| l.0);
    move || match (content::bodies(), state.map(|s| s.get())) {
        (Some(bodies), _) | (_, Some(State::Ready(bodies))) => view(bodies).into_any(),
        (_, Some(State::Failed(reason))) => view! {
            <p class="notice" role="alert">
                {format!("This text cannot be shown: {reason}. ")}
                <button type="button" class="link" on:click=|_| fetch()>"Try again"</button>
            </p>
        }
        .into_any(),
        _ => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
    }
}
