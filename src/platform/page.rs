//! Page lifecycle and cross-tab events, and file downloads.

use leptos::prelude::{document, request_animation_frame, set_timeout, window};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Calls `f(visible)` whenever the page is hidden or shown, and `f(false)` on `pagehide`
/// (closing, reloading, navigating away). Listeners live as long as the page.
pub fn on_visibility(f: impl Fn(bool) + 'static) {
    let f = std::rc::Rc::new(f);
    let on_change = {
        let f = f.clone();
        Closure::<dyn Fn()>::new(move || f(!document().hidden()))
    };
    let on_hide = Closure::<dyn Fn()>::new(move || f(false));
    let _ = document()
        .add_event_listener_with_callback("visibilitychange", on_change.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    on_change.forget();
    on_hide.forget();
}

pub fn visible() -> bool {
    !document().hidden()
}

/// Resolves once the frame being prepared is painted (at the animation frame after it, so no
/// work of the caller's lands between that frame and the reader), or after half a second if
/// no frame comes (a hidden page).
pub fn painted() -> impl std::future::Future<Output = ()> + Send {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let resolve = std::rc::Rc::new(resolve);
        let after_frame = resolve.clone();
        request_animation_frame(move || {
            request_animation_frame(move || drop(after_frame.call0(&JsValue::NULL)))
        });
        set_timeout(
            move || drop(resolve.call0(&JsValue::NULL)),
            Duration::from_millis(500),
        );
    });
    let painted = send_wrapper::SendWrapper::new(wasm_bindgen_futures::JsFuture::from(promise));
    async move {
        let _ = painted.await;
    }
}

/// Resolves in a task of its own, after whatever the browser has queued meanwhile (input,
/// painting): a long piece of work split at these points lets the page answer in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(move || drop(resolve.call0(&JsValue::NULL)), Duration::ZERO);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` in a task of its own once the frame being prepared is produced: work that must not
/// hold back what the reader is about to see (a download, writing the address).
pub fn after_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// Calls `f(key)` when another tab changes this origin's localStorage.
pub fn on_storage_change(f: impl Fn(Option<String>) + 'static) {
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            f(event.key())
        });
    let _ = window().add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Offers `text` to the reader as a file download.
pub fn download(file_name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document().create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// This tab's own key in sessionStorage (survives reloads of the tab, not other tabs).
pub mod tab {
    use leptos::prelude::window;

    const KEY: &str = "interview-practice/tab-interview";

    fn storage() -> Option<web_sys::Storage> {
        window().session_storage().ok().flatten()
    }

    /// The id of the interview this tab is running, if any.
    pub fn interview() -> Option<String> {
        storage()?.get_item(KEY).ok().flatten()
    }

    pub fn set_interview(id: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(KEY, id);
        }
    }
}

/// Whether a key event comes from a field where keys are text (not shortcuts).
pub fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|t| match t.tag_name().as_str() {
            "TEXTAREA" | "SELECT" => true,
            "INPUT" => !matches!(
                t.get_attribute("type").as_deref(),
                Some("checkbox" | "radio" | "button")
            ),
            _ => false,
        })
}

/// The file chosen in a file input: its size is known before any of it is read, and its text
/// is read at most once (`text` takes it).
pub struct ChosenFile(web_sys::File);

impl ChosenFile {
    /// The input's file, if one is chosen.
    pub fn of(input: &web_sys::HtmlInputElement) -> Option<ChosenFile> {
        input.files()?.get(0).map(ChosenFile)
    }

    /// Its size in bytes.
    pub fn bytes(&self) -> u64 {
        self.0.size().max(0.0) as u64
    }

    /// Its text, if readable.
    pub async fn text(self) -> Option<String> {
        let text = wasm_bindgen_futures::JsFuture::from(self.0.text())
            .await
            .ok()?;
        text.as_string()
    }
}
