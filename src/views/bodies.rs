//! The long texts' data files (model answers, key points, articles: `content::bodies`), fetched
//! as a page needs them, each once: an interview its questions' and the marking file (with the
//! marking's piece of the wasm, `views::interview::marking`), a question page its question's, an
//! article page its article's. The start page never waits for them.

use crate::content::{self, Answers, DataFile, Html, Question, QuestionText};
use crate::platform::fetch;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum State {
    Loading,
    Failed(String),
}

/// The files on their way or failed (a loaded file leaves the list): views that wait for a
/// file read this list, so its arrival redraws them.
#[derive(Clone, Copy)]
struct Loader(RwSignal<Vec<(DataFile, State)>>);

pub fn provide() {
    provide_context(Loader(RwSignal::new(Vec::new())));
}

/// Starts fetching each of `files` unless it is loaded or on its way.
pub fn fetch(files: &[DataFile]) {
    if let Some(Loader(states)) = use_context::<Loader>() {
        for &file in files {
            start(states, file);
        }
    }
}

/// `fetch`, for later (an event, a task): the loader is taken from the context now.
pub fn fetcher() -> impl Fn(&[DataFile]) + Copy + 'static {
    let loader = use_context::<Loader>();
    move |files: &[DataFile]| {
        if let Some(Loader(states)) = loader {
            for &file in files {
                start(states, file);
            }
        }
    }
}

fn start(states: RwSignal<Vec<(DataFile, State)>>, file: DataFile) {
    let on_its_way = states.with_untracked(|s| {
        s.iter()
            .any(|(f, state)| *f == file && *state == State::Loading)
    });
    if file.is_loaded() || on_its_way {
        return;
    }
    set(states, file, Some(State::Loading));
    leptos::task::spawn_local(async move {
        let loaded = match fetch::text(&file.name()).await {
            Ok(text) => content::load_file(file, &text).map_err(|e| e.to_string()),
            Err(reason) => Err(format!("{} could not be downloaded: {reason}", file.what())),
        };
        set(states, file, loaded.err().map(State::Failed));
    });
}

/// Sets `file`'s state, or takes it off the list (`None`: loaded).
fn set(states: RwSignal<Vec<(DataFile, State)>>, file: DataFile, state: Option<State>) {
    states.update(|s| {
        s.retain(|(f, _)| *f != file);
        if let Some(state) = state {
            s.push((file, state));
        }
    });
}

/// Whether any of `files` is neither here nor failed: on its way, or soon to be (tracked).
pub fn waiting(files: &[DataFile]) -> bool {
    let Some(Loader(states)) = use_context::<Loader>() else {
        return false;
    };
    states.with(|s| {
        files.iter().any(|file| {
            !file.is_loaded()
                && !s
                    .iter()
                    .any(|(f, state)| f == file && matches!(state, State::Failed(_)))
        })
    })
}

/// Renders `view` with what `read` takes from `files` once they are loaded, fetching them if
/// needed; meanwhile a line saying they are on their way, or why they cannot be shown and what
/// to do.
fn with_files<T: 'static, V: IntoView + 'static>(
    files: Vec<DataFile>,
    read: impl Fn() -> Option<T> + Send + Sync + 'static,
    view: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView {
    fetch(&files);
    let states = use_context::<Loader>().map(|l| l.0);
    move || {
        // Tracked: an arrival or a failure redraws this.
        let failed = states.and_then(|s| {
            s.with(|s| {
                s.iter().find_map(|(f, state)| match state {
                    State::Failed(reason) if files.contains(f) => Some(reason.clone()),
                    _ => None,
                })
            })
        });
        if let Some(value) = read() {
            return view(value).into_any();
        }
        let files = files.clone();
        match failed {
            Some(reason) => view! {
                <p class="notice" role="alert">
                    {format!("This text cannot be shown: {reason}. ")}
                    <button type="button" class="link" on:click=move |_| fetch(&files)>"Try again"</button>
                </p>
            }
            .into_any(),
            None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
        }
    }
}

/// Renders `view` with the question's model answer and key points once its file is here.
pub fn with_question<V: IntoView + 'static>(
    question: &'static Question,
    view: impl Fn(&'static QuestionText) -> V + Send + Sync + 'static,
) -> impl IntoView {
    with_files(
        vec![DataFile::question(question)],
        move || content::question_text(question),
        view,
    )
}

/// Renders `view` with the article's body once its file is here.
pub fn with_article<V: IntoView + 'static>(
    article: &'static content::Article,
    view: impl Fn(Html) -> V + Send + Sync + 'static,
) -> impl IntoView {
    with_files(
        vec![DataFile::article(article)],
        move || content::article_html(article),
        view,
    )
}

/// Renders `view` once every model answer is here.
pub fn with_answers<V: IntoView + 'static>(
    view: impl Fn(&'static Answers) -> V + Send + Sync + 'static,
) -> impl IntoView {
    with_files(vec![DataFile::Answers], content::answers, view)
}

/// Renders `view` once the question can be marked: its key points and the marking file here.
pub fn with_marking<V: IntoView + 'static>(
    question: &'static Question,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    with_files(
        marking_files(question),
        move || {
            (content::question_text(question).is_some() && content::marking().is_some())
                .then_some(())
        },
        move |()| view(),
    )
}

/// The files marking an answer to `question` reads.
pub fn marking_files(question: &Question) -> Vec<DataFile> {
    vec![DataFile::question(question), DataFile::Marking]
}
