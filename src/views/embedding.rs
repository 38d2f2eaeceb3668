//! The widget inside another page: its settings from the URL, its look, and the messages it
//! exchanges with the host page (see `embed::protocol`).

use crate::embed::protocol::{HostMessage, WidgetMessage};
use crate::embed::{config, Config, Problem, Theme};
use crate::interview::Phase;
use crate::platform::{embed, location};
use crate::progress::Progress;
use crate::views::context;
use leptos::prelude::*;

/// The URL's settings, for every component.
#[derive(Clone)]
pub struct Embedding {
    pub config: Config,
    pub problems: Vec<Problem>,
    /// Inside a frame on another site: storage there is separate (partitioned).
    pub cross_site: bool,
}

/// Reads the settings, applies the look, and talks to the host page when framed.
pub fn provide(progress: Progress) -> Embedding {
    let (config, problems) = config::parse(&location::search());
    let framed = embed::framed();
    let embedding = Embedding {
        cross_site: embed::cross_site(),
        config,
        problems,
    };
    provide_context(embedding.clone());
    let theme = RwSignal::new(embedding.config.theme);
    let accent = embedding.config.accent.clone();
    let compact = embedding.config.compact;
    Effect::new(move |_| embed::apply_look(theme.get(), accent.as_deref(), compact, framed));
    if framed {
        // Only a framed widget talks to a host page: that code is a piece of the wasm of its
        // own, kept out of the start page's piece (docs/decisions.md), downloaded at once
        // here. An interview started while it downloads is still reported: the reports
        // compare with the interview there was at start-up.
        let owner = Owner::current().unwrap_or_default();
        let at_start = untrack(|| interview_state(progress));
        leptos::task::spawn_local(async move {
            // Unavailable (offline, before the piece was cached): the widget works, silently.
            let _ = host_page(theme, progress, at_start, owner).await;
        });
    }
    embedding
}

/// Talks to the host page: its messages in; the widget's height, readiness and interviews out.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(frame, wasm_split_path = ::leptos::wasm_split, fallible)]
fn host_page(
    theme: RwSignal<Theme>,
    progress: Progress,
    at_start: InterviewState,
    owner: Owner,
) -> Result<(), crate::views::pieces::Unavailable> {
    owner.with(|| talk(theme, progress, at_start));
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn host_page(
    theme: RwSignal<Theme>,
    progress: Progress,
    at_start: InterviewState,
    owner: Owner,
) -> Result<(), crate::views::pieces::Unavailable> {
    owner.with(|| talk(theme, progress, at_start));
    Ok(())
}

fn talk(theme: RwSignal<Theme>, progress: Progress, at_start: InterviewState) {
    embed::on_host_message(move |message| match message {
        HostMessage::SetTheme(t) => theme.set(t),
    });
    embed::on_height_change(|height| embed::post(&WidgetMessage::Resize { height }));
    report_interviews(progress, at_start);
    embed::post(&WidgetMessage::Ready);
}

/// This tab's interview, by id, and whether it is completed.
type InterviewState = Option<(String, bool)>;

fn interview_state(progress: Progress) -> InterviewState {
    progress
        .active()
        .map(|i| (i.id.clone(), i.phase() == Phase::Complete))
}

/// Tells the host when this tab's interview starts and when it is completed, since `at_start`
/// (what there was when the app started: a reload reports nothing).
fn report_interviews(progress: Progress, at_start: InterviewState) {
    let state = Memo::new(move |_| interview_state(progress));
    Effect::new(move |previous: Option<InterviewState>| {
        let current = state.get();
        let before = previous.unwrap_or_else(|| at_start.clone());
        if let Some((id, complete)) = &current {
            let same = before.as_ref().is_some_and(|(b, _)| b == id);
            let was_complete = before.as_ref().is_some_and(|(_, c)| *c);
            if let Some(interview) = progress.active() {
                if !same && !complete {
                    embed::post(&WidgetMessage::started(&interview));
                } else if same && !was_complete && *complete {
                    embed::post(&WidgetMessage::completed(&interview));
                }
            }
        }
        current
    });
}

/// Settings from the address that were ignored, each named with its reason.
#[component]
pub fn ParameterProblems() -> impl IntoView {
    let embedding = context::<Embedding>();
    (!embedding.problems.is_empty()).then(|| {
        let items = embedding
            .problems
            .iter()
            .map(|p| view! { <li><code>{p.param.clone()}</code> ": " {p.reason.clone()}</li> })
            .collect_view();
        view! {
            <div class="notice" role="status">
                <strong>"Some settings in the address were ignored; defaults are used instead."</strong>
                <ul>{items}</ul>
            </div>
        }
    })
}
