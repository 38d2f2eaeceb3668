use super::embedding::ParameterProblems;
use super::notices::StorageNotices;
use super::{not_found::NotFound, Home};
use crate::content;
use crate::platform::location;
use crate::route::{Browse, Route};
use leptos::prelude::*;

/// The current route, shared by every page.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

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
        Page::NotFound(_) => "Page not found",
    };
    format!("{name} · Interview Practice")
}

#[component]
pub fn App() -> impl IntoView {
    let progress = crate::progress::provide();
    super::bodies::provide();
    let embedding = super::embedding::provide(progress);
    // A bare address opens where the embedding page's settings say (`mode`).
    let hash = location::hash();
    let start = match Route::parse(&hash) {
        Route::Home if embedding.config.is_configured() => embedding.config.start_route(),
        route => route,
    };
    let route = RwSignal::new(start);
    provide_context(CurrentRoute(route));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&location::hash()));
        location::scroll_to_top();
    });
    on_cleanup(move || handle.remove());

    let current = Memo::new(move |_| page(&route.read()));
    Effect::new(move |_| location::set_title(&title(&current.read())));

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

/// Every page but the start page, as its own piece of the wasm that is downloaded when the page is
/// first shown (the build splits the wasm at each `#[lazy]` function: scripts/split.mjs).
fn chunked(page: Page) -> AnyView {
    let view = async move {
        match page {
            Page::Questions => chunks::questions().await,
            Page::Question(q) => chunks::question(q).await,
            Page::Article(a) => chunks::article(a).await,
            Page::NewInterview => chunks::setup().await,
            Page::Interview => chunks::interview().await,
            Page::History => chunks::history().await,
            Page::PastInterview(id) => chunks::past_interview(id).await,
            Page::Embed => chunks::embed().await,
            Page::Review => chunks::review().await,
            Page::Stats => chunks::stats().await,
            Page::Data => chunks::data().await,
            Page::Home | Page::NotFound(_) => unreachable!(),
        }
    };
    view! { <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>{Suspend::new(view)}</Suspense> }.into_any()
}

mod chunks {
    use super::super::{
        ArticlePage, DataPage, EmbedPage, HistoryPage, InterviewPage, PastInterviewPage,
        QuestionBrowser, QuestionPage, ReviewPage, SetupPage, StatsPage,
    };
    use crate::content::{Article, Question};
    use leptos::prelude::*;

    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn questions() -> AnyView {
        view! { <QuestionBrowser/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn question(question: &'static Question) -> AnyView {
        view! { <QuestionPage question/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn article(article: &'static Article) -> AnyView {
        view! { <ArticlePage article/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn setup() -> AnyView {
        view! { <SetupPage/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn interview() -> AnyView {
        view! { <InterviewPage/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn history() -> AnyView {
        view! { <HistoryPage/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn past_interview(id: String) -> AnyView {
        view! { <PastInterviewPage id/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn embed() -> AnyView {
        view! { <EmbedPage/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn review() -> AnyView {
        view! { <ReviewPage/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn stats() -> AnyView {
        view! { <StatsPage/> }.into_any()
    }
    #[cfg_attr(feature = "split", leptos::lazy)]
    pub async fn data() -> AnyView {
        view! { <DataPage/> }.into_any()
    }
}
