use super::embedding::ParameterProblems;
use super::interview::AnsweringShell;
use super::notices::StorageNotices;
use super::{not_found::NotFound, Home};
use crate::content;
use crate::interview::Setup;
use crate::platform::location;
use crate::progress::Progress;
use crate::route::{Browse, Route};
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

/// The current route, shared by every page.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

/// Opens another page of the app at once: the page is built in the same turn as the change
/// that leads to it (starting an interview), instead of in the `hashchange` task the browser
/// queues after it, with the page left behind redrawn for that change in between. The hash
/// follows, for reload, history and sharing; its `hashchange` then finds the page showing.
pub fn navigate(to: Route) {
    let href = to.href();
    if let Some(CurrentRoute(route)) = use_context::<CurrentRoute>() {
        if route.get_untracked() != to {
            route.set(to);
            location::scroll_to_top();
        }
    }
    location::go(&href);
}

/// Which page is showing. Typing in the question browser changes the route but not the page,
/// so the browser is not rebuilt (and its search box keeps focus).
#[derive(Clone, PartialEq)]
enum Page {
    Home,
    Questions,
    Question(&'static content::Question),
    Article(&'static content::Article),
    NewInterview,
    Interview,
    History,
    PastInterview(String),
    Embed,
    Review,
    Stats,
    Data,
    /// Not a page: the start page's interview summary (`review::InterviewSummary`), deferred
    /// as pages are.
    InterviewSummary,
    NotFound(String),
}

fn page(route: &Route) -> Page {
    match route {
        Route::Home => Page::Home,
        Route::Questions(_) => Page::Questions,
        Route::Question(id) => content::question(id)
            .map(Page::Question)
            .unwrap_or_else(|| Page::NotFound(format!("There is no question “{id}”."))),
        Route::Article(id) => content::article(id)
            .map(Page::Article)
            .unwrap_or_else(|| Page::NotFound(format!("There is no article “{id}”."))),
        Route::NewInterview => Page::NewInterview,
        Route::Interview => Page::Interview,
        Route::History => Page::History,
        Route::PastInterview(id) => Page::PastInterview(id.clone()),
        Route::Embed => Page::Embed,
        Route::Review => Page::Review,
        Route::Stats => Page::Stats,
        Route::Data => Page::Data,
        Route::NotFound(path) => Page::NotFound(format!("There is no page “{path}”.")),
    }
}

fn title(page: &Page) -> String {
    let name = match page {
        Page::Home => return "Interview Practice".into(),
        Page::Questions => "Questions",
        Page::Question(q) => q.ask,
        Page::Article(a) => a.title,
        Page::NewInterview => "Set up an interview",
        Page::Interview => "Mock interview",
        Page::History | Page::PastInterview(_) => "Interview history",
        Page::Embed => "Embed",
        Page::Review => "Review",
        Page::Stats => "Statistics",
        Page::Data => "Your data",
        Page::InterviewSummary => return "Interview Practice".into(),
        Page::NotFound(_) => "Page not found",
    };
    format!("{name} · Interview Practice")
}

#[component]
pub fn App(
    /// The reader's progress (`crate::progress::open`), which the app provides to every page.
    progress: Progress,
) -> impl IntoView {
    provide_context(progress);
    super::bodies::provide();
    let embedding = super::embedding::provide(progress);
    let route = RwSignal::new(first_route(&embedding.config));
    provide_context(CurrentRoute(route));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let parsed = Route::parse(&location::hash());
        // Already showing when the app navigated itself (`navigate`).
        if route.get_untracked() != parsed {
            route.set(parsed);
        }
        location::scroll_to_top();
    });
    on_cleanup(move || handle.remove());
    // A page's piece of the wasm starts downloading when the reader points at, touches or
    // focuses a link to it: by the click it is usually here. Not the interview's: its question
    // shows from this piece at once, and that download would compete with its first frame.
    let intent = |event: web_sys::Event| {
        if let Some(hash) = location::page_pointed_at(&event) {
            let next = page(&Route::parse(&hash));
            if next != Page::Interview {
                leptos::task::spawn_local(async move { pieces::preload(&next).await });
            }
        }
    };
    let intents = [
        window_event_listener(leptos::ev::pointerover, move |e| intent(e.into())),
        window_event_listener(leptos::ev::touchstart, move |e| intent(e.into())),
        window_event_listener(leptos::ev::focusin, move |e| intent(e.into())),
    ];
    on_cleanup(move || intents.into_iter().for_each(|h| h.remove()));

    let current = Memo::new(move |_| page(&route.read()));
    Effect::new(move |_| location::set_title(&title(&current.read())));
    // The first time the start page shows, whether the app opened on it or the reader came
    // to it from another page: the click on Start is rehearsed once.
    let app = Owner::current();
    Effect::new(move |rehearsed: Option<bool>| {
        if rehearsed == Some(true) {
            return true;
        }
        let home = current.get() == Page::Home;
        if let (true, Some(app)) = (home, &app) {
            rehearse_start(app);
        }
        home
    });

    view! {
        <a class="skip" href="#main" on:click=|ev| {
            // `#main` would be read as a route: move focus without touching the hash.
            ev.prevent_default();
            location::focus("main");
        }>"Skip to content"</a>
        <header class="site">
            <a class="brand" href="#/">"Interview Practice"</a>
            <nav aria-label="Main">
                <a href="#/">"Guides"</a>
                <a href=Route::Questions(Browse::default()).href()>"Questions"</a>
                <a href=Route::Interview.href()>"Interview"</a>
                <a href=Route::Review.href()>"Review"</a>
                <a href=Route::Stats.href()>"Statistics"</a>
                <a href=Route::History.href()>"History"</a>
                <a href=Route::Data.href()>"Your data"</a>
                <a href=Route::Embed.href()>"Embed"</a>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <ParameterProblems/>
            <StorageNotices/>
            {move || match current.get() {
                Page::Home => view! { <Home/> }.into_any(),
                Page::NotFound(message) => view! { <NotFound message/> }.into_any(),
                page => chunked(page),
            }}
        </main>
        <footer class="site">
            <p>
                "Questions, model answers and articles by Sean Hull, from his blog. "
                "Everything runs in your browser: no account, nothing sent anywhere."
            </p>
        </footer>
    }
}

/// Every page but the start page, as its own piece of the wasm, downloaded when the page is first
/// shown (`pieces`). Meanwhile a running interview already shows its question and takes the
/// answer (`AnsweringShell`, in this piece).
fn chunked(page: Page) -> AnyView {
    // One `deferred` for every page, whatever it shows meanwhile: with a view of another type
    // for the interview, a page an interview was started from (statistics, a past interview)
    // redrew itself after it was dropped, and panicked without its context.
    let meanwhile: fn() -> AnyView = match page {
        // Built only if shown: not at all when the piece is already here.
        Page::Interview => || (|| view! { <AnsweringShell/> }).into_any(),
        _ => super::pieces::loading,
    };
    super::pieces::deferred("This page", meanwhile, move || pieces::show(page.clone()))
}

/// Downloads the interview's piece once the page has painted, for a page whose one action opens
/// it (an embedded `mode=interview` widget): the first click should not wait for a download.
/// The start page does not: readers who come to read would pay for it; there the piece comes
/// when the reader points at, touches or focuses the Start button.
pub fn prefetch_interview() {
    crate::platform::page::after_frame(|| {
        leptos::task::spawn_local(pieces::preload(&Page::Interview))
    });
}

/// The first time the start page shows (the app took over the pre-rendered one, or the reader
/// came to it from another page), in three tasks of its own under the app's owner, rehearses the
/// click on its one-click interview, off screen: a start page of its own, on a progress in
/// memory, switched to the interview as the click does, then dropped. WebAssembly functions
/// are compiled on their first call: without this the reader's first click on Start paid for
/// compiling the few hundred functions that leave the start page, start and save an
/// interview and build its page, about half of that click's time in traces. Nothing is
/// stored or shown, no tab is claimed, and the interview's piece is not downloaded: all is
/// dropped before the interview's shell would have painted. Not when that piece is already
/// here: its own page then shows, not the shell.
fn rehearse_start(app: &Owner) {
    let app = app.clone();
    if pieces::interview_here() {
        return;
    }
    set_timeout(
        move || {
            let owner = app.child();
            let Ok(stage) = document().create_element("div") else {
                return;
            };
            let (page, progress, mut view) = owner.with(|| {
                let progress = Progress::rehearsal();
                provide_context(progress);
                let page = RwSignal::new(Page::Home);
                let mut view = (move || match page.get() {
                    Page::Home => view! { <Home/> }.into_any(),
                    page => chunked(page),
                })
                .build();
                view.mount(&stage, None);
                (page, progress, view)
            });
            // The click, in tasks of their own: on a slow phone each part keeps a reader's
            // input waiting less long. The interview's start and save, then its page (the
            // click builds the page after the start too: `interview::start`).
            set_timeout(
                move || {
                    let setup = Setup::default();
                    let questions = setup.pick(crate::platform::clock::random_seed());
                    progress.start_rehearsal(setup, &questions);
                    set_timeout(
                        move || {
                            page.set(Page::Interview);
                            leptos::task::spawn_local(async move {
                                // The page switches, as it does after the click.
                                leptos::task::tick().await;
                                view.unmount();
                                drop(view);
                                owner.cleanup();
                            });
                        },
                        std::time::Duration::ZERO,
                    );
                },
                std::time::Duration::ZERO,
            );
        },
        std::time::Duration::ZERO,
    );
}

/// The start page's interview summary once a date is set, from the interview's piece.
pub fn interview_summary() -> AnyView {
    chunked(Page::InterviewSummary)
}

/// Downloads the piece of the start page's interview summary before the app takes over, when a
/// date is set and the app opens on the start page: no "Loading…" in its place.
pub async fn preload_interview_summary(progress: Progress) {
    let home = Route::parse(&location::hash()) == Route::Home;
    if home && progress.settings.get_untracked().interview_day.is_some() {
        pieces::preload(&Page::InterviewSummary).await;
    }
}

/// Downloads the first page's piece before the app starts, so the app takes over the first screen
/// with that page whole: no "Loading…" in between.
pub async fn preload_first_page() {
    let (config, _) = crate::embed::config::parse(&location::search());
    pieces::preload(&page(&first_route(&config))).await;
}

/// The address's page; a bare address opens where the embedding page's settings say (`mode`).
fn first_route(config: &crate::embed::Config) -> Route {
    match Route::parse(&location::hash()) {
        Route::Home if config.is_configured() => config.start_route(),
        route => route,
    }
}

/// The pages' entry points, each group of pages a piece of the wasm (`views::pieces`). Few
/// groups: wasm-split also makes a file for every set of groups that shares code, and with a
/// group per page the interview's piece came in 36 files, queued on the browser's connections.
mod pieces {
    use super::super::interview::has_shell;
    use super::super::{
        ArticlePage, DataPage, EmbedPage, HistoryPage, InterviewPage, InterviewSummary,
        PastInterviewPage, QuestionBrowser, QuestionPage, ReviewPage, SetupPage, StatsPage,
    };
    use super::Page;
    use crate::content::{Article, Question};
    use crate::views::pieces::{piece, Unavailable};
    use leptos::prelude::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    piece!(reading, questions, preload_questions() => view! { <QuestionBrowser/> });
    piece!(reading, question, preload_question(question: &'static Question) =>
        view! { <QuestionPage question/> });
    piece!(reading, article, preload_article(article: &'static Article) =>
        view! { <ArticlePage article/> });
    piece!(interview, setup, preload_setup() => view! { <SetupPage/> });
    piece!(interview, interview, preload_interview() => view! { <InterviewPage/> });
    piece!(history, history, preload_history() => view! { <HistoryPage/> });
    piece!(history, past_interview, preload_past_interview(id: String) =>
        view! { <PastInterviewPage id/> });
    piece!(data, embed, preload_embed() => view! { <EmbedPage/> });
    piece!(interview, review, preload_review() => view! { <ReviewPage/> });
    piece!(interview, interview_summary, preload_interview_summary() =>
        view! { <InterviewSummary/> });
    piece!(history, stats, preload_stats() => view! { <StatsPage/> });
    piece!(data, data, preload_data() => view! { <DataPage/> });

    /// Whether the interview group's piece is here (one of its pages opened, or it was
    /// preloaded): an interview's page then shows at once, without its shell first.
    static INTERVIEW_HERE: AtomicBool = AtomicBool::new(false);

    pub fn interview_here() -> bool {
        INTERVIEW_HERE.load(Ordering::Relaxed)
    }

    fn arrived<T, E>(piece: Result<T, E>) -> Result<T, E> {
        if piece.is_ok() {
            INTERVIEW_HERE.store(true, Ordering::Relaxed);
        }
        piece
    }

    pub async fn show(page: Page) -> Result<AnyView, Unavailable> {
        match page {
            Page::Questions => questions().await,
            Page::Question(q) => question(q).await,
            Page::Article(a) => article(a).await,
            Page::NewInterview => arrived(setup().await),
            Page::Interview => {
                // Its question shows at once from the start page's piece; this download
                // starts once that is painted, so it does not hold back the first frame.
                if !interview_here() && has_shell() {
                    crate::platform::page::painted().await;
                }
                arrived(interview().await)
            }
            Page::History => history().await,
            Page::PastInterview(id) => past_interview(id).await,
            Page::Embed => embed().await,
            Page::Review => arrived(review().await),
            Page::Stats => stats().await,
            Page::Data => data().await,
            Page::InterviewSummary => interview_summary().await,
            Page::Home | Page::NotFound(_) => Err(Unavailable),
        }
    }

    /// Downloads `page`'s piece; a failure shows when the page is shown.
    pub async fn preload(page: &Page) {
        let _ = match page {
            Page::Questions | Page::Question(_) | Page::Article(_) => preload_questions().await,
            Page::NewInterview | Page::Interview => arrived(preload_setup().await),
            Page::History | Page::PastInterview(_) => preload_history().await,
            Page::Embed => preload_embed().await,
            Page::Review => arrived(preload_review().await),
            Page::InterviewSummary => preload_interview_summary().await,
            Page::Stats => preload_stats().await,
            Page::Data => preload_data().await,
            Page::Home | Page::NotFound(_) => Ok(()),
        };
    }
}
