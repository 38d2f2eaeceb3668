//! Parts of the app that are their own pieces of the wasm, downloaded when first needed: each
//! group of pages (`app.rs`). The build (Trunk, with the `split` feature) cuts the wasm at every
//! `piece!` function (`scripts/split-wasm.mjs`); without the feature (native and browser tests)
//! they are plain async functions.

use leptos::prelude::*;
use std::future::Future;

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
pub fn deferred<F, Fut>(what: &'static str, meanwhile: fn() -> AnyView, load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, Unavailable>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let view = move || {
        attempt.track();
        let loading = load();
        Suspend::new(async move {
            loading.await.unwrap_or_else(|Unavailable| {
                view! {
                    <div class="notice" role="alert">
                        <p>{format!("{what} could not be downloaded. Check the connection, then try again.")}</p>
                        <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                            "Try again"
                        </button>
                    </div>
                }
                .into_any()
            })
        })
    };
    view! { <Suspense fallback=meanwhile>{view}</Suspense> }.into_any()
}

/// What a page shows while its piece downloads, when it has nothing better to show.
pub fn loading() -> AnyView {
    view! { <p class="loading">"Loading…"</p> }.into_any()
}
