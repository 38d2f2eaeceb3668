//! Parts of the app that are their own pieces of the wasm, downloaded when first needed: each
//! group of pages (`app.rs`). The build (Trunk, with the `split` feature) cuts the wasm at every
//! `piece!` function (`scripts/split-wasm.mjs`); without the feature (native and browser tests)
//! they are plain async functions.

use leptos::prelude::*;
use std::future::Future;
use std::task::{Context, Poll, Waker};

/// A piece of the wasm could not be downloaded (offline before it was cached, a failing
/// network). Nothing is remembered: the next try downloads it again.
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// `piece!(module, name, preload_name(args) => view)`: an entry point in the wasm piece `module`
/// that renders `view`; `preload_name()` downloads the piece without rendering anything.
macro_rules! piece {
    ($module:ident, $name:ident, $preload:ident ($($arg:ident: $ty:ty),*) => $view:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            preload($preload),
            fallible
        )]
        pub fn $name($($arg: $ty),*) -> Result<AnyView, $crate::views::pieces::Unavailable> {
            Ok($view.into_any())
        }
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<AnyView, $crate::views::pieces::Unavailable> {
            Ok($view.into_any())
        }
        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        pub async fn $preload() -> Result<(), $crate::views::pieces::Unavailable> {
            Ok(())
        }
    };
}
pub(crate) use piece;

/// What `load` renders once its piece is here: `meanwhile` until then (nothing at all when the
/// piece is already here), and where it cannot be downloaded, a message with "Try again".
///
/// A signal and a task rather than Leptos' `<Suspense>`, which keeps its machinery out of the
/// start page's piece (docs/decisions.md). The view is built under the owner of the page that
/// asked for it, untracked, as `<Suspense>` builds it.
pub fn deferred<F, Fut>(what: &'static str, meanwhile: fn() -> AnyView, load: F) -> AnyView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, Unavailable>> + 'static,
{
    let owner = Owner::current().unwrap_or_default();
    let state = RwSignal::new_local(Loading::Waiting);
    let start = StoredValue::new_local(move || {
        let mut loading = Box::pin(load());
        let owner = owner.clone();
        let mut poll = move |cx: &mut Context| owner.with(|| untrack(|| loading.as_mut().poll(cx)));
        // A piece already here gives its page in the first poll: no frame of `meanwhile`.
        if let Poll::Ready(result) = poll(&mut Context::from_waker(Waker::noop())) {
            return state.set(Loading::from(result));
        }
        state.set(Loading::Waiting);
        leptos::task::spawn_local(async move {
            let result = std::future::poll_fn(|cx| {
                if state.is_disposed() {
                    // The page was left meanwhile: nothing to build or download.
                    return Poll::Ready(Err(Unavailable));
                }
                poll(cx)
            })
            .await;
            state.try_set(Loading::from(result));
        });
    });
    start.with_value(|start| start());
    let shown = move || {
        state.track();
        // Taken without telling anyone: this is the view that shows it.
        match state.try_update_untracked(|s| std::mem::replace(s, Loading::Shown)) {
            Some(Loading::Ready(view)) => view,
            Some(Loading::Failed) => view! {
                <div class="notice" role="alert">
                    <p>{format!("{what} could not be downloaded. Check the connection, then try again.")}</p>
                    <button type="button" on:click=move |_| start.with_value(|start| start())>
                        "Try again"
                    </button>
                </div>
            }
            .into_any(),
            _ => meanwhile(),
        }
    };
    shown.into_any()
}

/// Where `deferred`'s page stands. The view is taken out when shown (a view is not `Clone`).
enum Loading {
    Waiting,
    Ready(AnyView),
    Failed,
    /// Taken by the view that shows it.
    Shown,
}

impl From<Result<AnyView, Unavailable>> for Loading {
    fn from(result: Result<AnyView, Unavailable>) -> Self {
        result.map_or(Loading::Failed, Loading::Ready)
    }
}

/// What a page shows while its piece downloads, when it has nothing better to show.
pub fn loading() -> AnyView {
    view! { <p class="loading">"Loading…"</p> }.into_any()
}
