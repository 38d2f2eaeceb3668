use super::embedding::ParameterProblems;
use super::notices::StorageNotices;
use super::{
    not_found::NotFound, ArticlePage, DataPage, EmbedPage, HistoryPage, Home, InterviewPage,
    PastInterviewPage, QuestionBrowser, QuestionPage, ReviewPage, SetupPage, StatsPage,
};
use crate::content;
use crate::platform::location;
use crate::route::{Browse, Route};
use leptos::prelude::*;

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
        let parsed = Route::parse(&location::hash());
        // Already showing when the app navigated itself (`navigate`).
        if route.get_untracked() != parsed {
            route.set(parsed);
        }
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
                Page::Questions => view! { <QuestionBrowser/> }.into_any(),
                Page::Question(q) => view! { <QuestionPage question=q/> }.into_any(),
                Page::Article(a) => view! { <ArticlePage article=a/> }.into_any(),
                Page::NewInterview => view! { <SetupPage/> }.into_any(),
                Page::Interview => view! { <InterviewPage/> }.into_any(),
                Page::History => view! { <HistoryPage/> }.into_any(),
                Page::PastInterview(id) => view! { <PastInterviewPage id/> }.into_any(),
                Page::Embed => view! { <EmbedPage/> }.into_any(),
                Page::Review => view! { <ReviewPage/> }.into_any(),
                Page::Stats => view! { <StatsPage/> }.into_any(),
                Page::Data => view! { <DataPage/> }.into_any(),
                Page::NotFound(message) => view! { <NotFound message/> }.into_any(),
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
