use super::embedding::ParameterProblems;
use super::interview::{has_shell, AnsweringShell};
use super::notices::StorageNotices;
use super::{not_found::NotFound, Home};
use crate::content::{self, Article, Question};
use crate::interview::Setup;
use crate::platform::{location, page::next_task};
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

/// A page's content item, found by the id in its address; where there is none, what "Page not
/// found" says.
trait Find: Sized {
    fn find(id: &str) -> Result<Self, String>;
}

impl Find for &'static Question {
    fn find(id: &str) -> Result<Self, String> {
        content::question(id).ok_or_else(|| format!("There is no question “{id}”."))
    }
}

impl Find for &'static Article {
    fn find(id: &str) -> Result<Self, String> {
        content::article(id).ok_or_else(|| format!("There is no article “{id}”."))
    }
}

impl Find for String {
    fn find(id: &str) -> Result<Self, String> {
        Ok(id.to_string())
    }
}

/// `Page`, which page is showing, made of the pages table (`crate::pages`): the route with its
/// content item found, without the question browser's filters (typing in its search box
/// changes the route but not the page, so the browser is not built again and keeps focus).
/// With its title, the header's links, its view, and its piece's entry point (`pieces`).
macro_rules! page_views {
    ($(
        $(#[$doc:meta])*
        $Page:ident {
            address: $address:literal $(? $filters:ident: $Query:ident)? $(/ $id:ident: $Id:ty)?,
            title: $title:expr,
            $(navigation: $nav:literal,)?
            piece: $piece:ident,
            $(meanwhile: $meanwhile:ident when $shows:ident,)?
            view: $View:ident $(,)?
        }
    )*) => {
        #[derive(Clone, PartialEq)]
        enum Page {
            $( $Page $(($Id))?, )*
            NotFound(String),
        }

        fn page(route: &Route) -> Page {
            match route {
                $( Route::$Page $((any!($filters)))? $(($id))? => found!($Page $($id: $Id)?), )*
                Route::NotFound(path) => Page::NotFound(format!("There is no page “{path}”.")),
            }
        }

        impl Page {
            #[allow(unused_variables)]
            fn title(&self) -> String {
                let name: &str = match self {
                    $( Page::$Page $(($id))? => $title, )*
                    Page::NotFound(_) => "Page not found",
                };
                if name.is_empty() {
                    "Interview Practice".into()
                } else {
                    format!("{name} · Interview Practice")
                }
            }

            /// The page, at once from the start page's piece, or once its own piece is here.
            fn view(self) -> AnyView {
                match self {
                    $( Page::$Page $(($id))? => view_of!($piece $Page $View $($id)? $(; $meanwhile)?), )*
                    Page::NotFound(message) => view! { <NotFound message/> }.into_any(),
                }
            }

            /// Whether pointing at a link to the page downloads its piece: not where something
            /// shows meanwhile, whose first frame that download would compete with.
            fn preloads_on_intent(&self) -> bool {
                match self {
                    $( Page::$Page $((any!($id)))? => !shows_meanwhile!($($meanwhile)?), )*
                    Page::NotFound(_) => false,
                }
            }
        }

        /// The header's links, in the table's order.
        fn navigation() -> impl IntoView {
            navigation!(@links [] $( [$Page [$($Query)?] [$($nav)?]] )*)
        }

        /// The pages' entry points, each group of pages a piece of the wasm (`views::pieces`).
        mod pieces {
            use super::*;
            use crate::views::pieces::{piece, Unavailable};
            use crate::views::*;

            $( entry!($piece $Page $View $($id: $Id)?); )*

            thread_local! {
                /// The pieces downloaded so far, by name.
                static HERE: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
            }

            /// Whether `page`'s piece is here (one of its pages opened, or it was preloaded).
            pub fn here(page: &Page) -> bool {
                let piece = match page {
                    $( Page::$Page $((any!($id)))? => stringify!($piece), )*
                    Page::NotFound(_) => "start",
                };
                piece == "start" || HERE.with_borrow(|here| here.contains(&piece))
            }

            pub fn arrived<T, E>(piece: &'static str, result: Result<T, E>) -> Result<T, E> {
                if result.is_ok() {
                    HERE.with_borrow_mut(|here| {
                        if !here.contains(&piece) {
                            here.push(piece);
                        }
                    });
                }
                result
            }

            pub async fn show(page: Page) -> Result<AnyView, Unavailable> {
                let here = here(&page);
                match page {
                    $( Page::$Page $(($id))? => show!(here $piece $Page $($id)? $(; $shows)?), )*
                    Page::NotFound(_) => Err(Unavailable),
                }
            }

            /// Downloads `page`'s piece; a failure shows when the page is shown.
            pub async fn preload(page: &Page) {
                let _ = match page {
                    $( Page::$Page $((any!($id)))? => preload!($piece $Page), )*
                    Page::NotFound(_) => Ok(()),
                };
            }
        }
    };
}

/// `_`, for a parameter a pattern does not bind.
macro_rules! any {
    ($x:ident) => {
        _
    };
}

macro_rules! found {
    ($Page:ident) => {
        Page::$Page
    };
    ($Page:ident $id:ident: $Id:ty) => {
        match <$Id as Find>::find($id) {
            Ok($id) => Page::$Page($id),
            Err(message) => Page::NotFound(message),
        }
    };
}

macro_rules! view_of {
    (start $Page:ident $View:ident $($id:ident)?) => {
        view! { <$View $($id)?/> }.into_any()
    };
    ($piece:ident $Page:ident $View:ident $($id:ident)?) => {
        chunked(Page::$Page $(($id))?, super::pieces::loading)
    };
    ($piece:ident $Page:ident $View:ident $($id:ident)?; $meanwhile:ident) => {
        // Built only if shown: not at all when the piece is already here.
        chunked(Page::$Page $(($id))?, || (|| view! { <$meanwhile/> }).into_any())
    };
}

macro_rules! shows_meanwhile {
    () => {
        false
    };
    ($meanwhile:ident) => {
        true
    };
}

macro_rules! navigation {
    (@links [$($links:tt)*]) => {
        view! { <nav aria-label="Main">$($links)*</nav> }
    };
    (@links [$($links:tt)*] [$Page:ident [$($Query:ident)?] []] $($rest:tt)*) => {
        navigation!(@links [$($links)*] $($rest)*)
    };
    (@links [$($links:tt)*] [$Page:ident [] [$nav:literal]] $($rest:tt)*) => {
        navigation!(@links [$($links)* <a href=Route::$Page.href()>$nav</a>] $($rest)*)
    };
    (@links [$($links:tt)*] [$Page:ident [$Query:ident] [$nav:literal]] $($rest:tt)*) => {
        navigation!(@links [$($links)* <a href=Route::$Page($Query::default()).href()>$nav</a>] $($rest)*)
    };
}

/// A page's entry point in its piece: `$Page::$Page` builds it, `$Page::preload` downloads it.
macro_rules! entry {
    (start $Page:ident $View:ident $($id:ident: $Id:ty)?) => {};
    ($piece:ident $Page:ident $View:ident $($id:ident: $Id:ty)?) => {
        #[allow(non_snake_case)]
        pub mod $Page {
            use super::*;
            piece!($piece, $Page, preload($($id: $Id)?) => view! { <$View $($id)?/> });
        }
    };
}

macro_rules! show {
    ($here:ident start $Page:ident $($id:ident)?) => {
        Err(Unavailable)
    };
    ($here:ident $piece:ident $Page:ident $($id:ident)?) => {
        arrived(stringify!($piece), $Page::$Page($($id)?).await)
    };
    ($here:ident $piece:ident $Page:ident $($id:ident)?; $shows:ident) => {{
        // What shows meanwhile is painted first: this download does not hold back its frame.
        if !$here && $shows() {
            crate::platform::page::painted().await;
        }
        arrived(stringify!($piece), $Page::$Page($($id)?).await)
    }};
}

macro_rules! preload {
    (start $Page:ident) => {
        Ok(())
    };
    ($piece:ident $Page:ident) => {
        arrived(stringify!($piece), $Page::preload().await)
    };
}

crate::pages::pages!(page_views);

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
    // focuses a link to it: by the click it is usually here (`Page::preloads_on_intent`).
    let intent = |event: web_sys::Event| {
        if let Some(hash) = location::page_pointed_at(&event) {
            let next = page(&Route::parse(&hash));
            if next.preloads_on_intent() {
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
    Effect::new(move |_| location::set_title(&current.read().title()));
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
            {navigation()}
        </header>
        <main id="main" tabindex="-1">
            <ParameterProblems/>
            <StorageNotices/>
            {move || current.get().view()}
        </main>
        <footer class="site">
            <p>
                "Questions, model answers and articles by Sean Hull, from his blog. "
                "Everything runs in your browser: no account, nothing sent anywhere."
            </p>
        </footer>
    }
}

/// A page of another piece than the start page's, downloaded when the page is first shown
/// (`pieces`), `meanwhile` showing until then: a running interview already shows its question
/// and takes the answer (`AnsweringShell`, in the start page's piece).
fn chunked(page: Page, meanwhile: fn() -> AnyView) -> AnyView {
    deferred(Part::Page(page), meanwhile)
}

/// What `deferred` shows: a page, or the start page's interview summary (`InterviewSummary`),
/// not a page but a part of the start page whose code is in the interview's piece, with the
/// Review page's plan.
#[derive(Clone)]
enum Part {
    Page(Page),
    Summary,
}

fn deferred(part: Part, meanwhile: fn() -> AnyView) -> AnyView {
    // One `deferred` for every page and the summary, whatever it shows meanwhile: with a view of
    // another type for the interview, a page an interview was started from (statistics, a past
    // interview) redrew itself after it was dropped, and panicked without its context; and each
    // type would be a copy of its own in the start page's piece.
    super::pieces::deferred("This page", meanwhile, move || {
        let part = part.clone();
        async move {
            match part {
                Part::Page(page) => pieces::show(page).await,
                Part::Summary => pieces::arrived("interview", summary::summary().await),
            }
        }
    })
}

/// The summary's entry point in the interview's piece.
mod summary {
    use crate::views::pieces::piece;
    use crate::views::InterviewSummary;
    use leptos::prelude::*;

    piece!(interview, summary, preload() => view! { <InterviewSummary/> });
}

/// The start page's interview summary, from the interview's piece: "Loading…" until it is here.
pub fn interview_summary() -> AnyView {
    deferred(Part::Summary, super::pieces::loading)
}

/// Downloads the piece of the start page's interview summary before the app takes over, when a
/// date is set: no "Loading…" in its place. For an app that opens on the start page
/// (`preload_first_page`).
pub async fn preload_interview_summary(progress: Progress) {
    if progress
        .settings
        .with_untracked(|s| s.interview_date.is_some())
    {
        let _ = pieces::arrived("interview", summary::preload().await);
    }
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
/// are compiled on their first call: without this the reader's first click on Start would
/// compile the few hundred functions that leave the start page, start and save an interview
/// and build its page. Nothing is stored or shown, no tab is claimed, and the interview's
/// piece is not downloaded: all is dropped before the interview's shell would have painted.
/// Not when that piece is already here: its own page then shows, not the shell.
fn rehearse_start(app: &Owner) {
    if pieces::here(&Page::Interview) {
        return;
    }
    let app = app.clone();
    leptos::task::spawn_local(async move {
        next_task().await;
        let owner = app.child();
        let Ok(stage) = document().create_element("div") else {
            return;
        };
        let (page, progress, mut view) = owner.with(|| {
            let progress = Progress::rehearsal();
            provide_context(progress);
            let page = RwSignal::new(Page::Home);
            let mut view = (move || page.get().view()).build();
            view.mount(&stage, None);
            (page, progress, view)
        });
        // The click, in tasks of their own: on a slow phone each part keeps a reader's input
        // waiting less long. The interview's start and save, then its page (the click builds
        // the page after the start too: `interview::start`).
        next_task().await;
        let setup = Setup::default();
        let questions = setup.pick(crate::platform::clock::random_seed());
        progress.start_rehearsal(setup, &questions);
        next_task().await;
        page.set(Page::Interview);
        // The page switches, as it does after the click.
        leptos::task::tick().await;
        view.unmount();
        drop(view);
        owner.cleanup();
    });
}

/// Downloads the first page's piece before the app starts, so the app takes over the first screen
/// with that page whole: no "Loading…" in between. Whether it is the start page.
pub async fn preload_first_page() -> bool {
    let (config, _) = crate::embed::config::parse(&location::search());
    let first = page(&first_route(&config));
    pieces::preload(&first).await;
    first == Page::Home
}

/// The address's page; a bare address opens where the embedding page's settings say (`mode`).
fn first_route(config: &crate::embed::Config) -> Route {
    match Route::parse(&location::hash()) {
        Route::Home if config.is_configured() => config.start_route(),
        route => route,
    }
}
