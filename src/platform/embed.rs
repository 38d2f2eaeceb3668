//! The widget's side of embedding: who the parent page is, messages to and from it, the
//! content's height, and the look the URL asks for.

use crate::embed::protocol::{self, HostMessage, WidgetMessage};
use crate::embed::Theme;
use leptos::prelude::{document, window};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The host page's origin as its `hello` gave it, where the browser tells it no other way.
    static GREETED: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Messages for the host page, held until its origin is known (the newest height only).
    static HELD: RefCell<Vec<WidgetMessage>> = const { RefCell::new(Vec::new()) };
}

/// Whether the app runs inside a frame.
pub fn framed() -> bool {
    window()
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| parent != window())
}

/// The parent page's origin as the browser tells it: from `location.ancestorOrigins`, else from
/// `document.referrer`. `None` when not framed or unknown (Firefox has no `ancestorOrigins`, and
/// a host page under `Referrer-Policy: no-referrer` sends no referrer).
pub fn parent_origin() -> Option<String> {
    if !framed() {
        return None;
    }
    let known = |origin: &str| origin != "null" && !origin.is_empty();
    // `ancestorOrigins` is not in web-sys (and not in every browser): read it if it is there.
    let origins = js_sys::Reflect::get(&window().location(), &JsValue::from_str("ancestorOrigins"))
        .ok()
        .and_then(|o| o.dyn_into::<web_sys::DomStringList>().ok());
    if let Some(origin) = origins.and_then(|o| o.item(0)).filter(|o| known(o)) {
        return Some(origin);
    }
    let referrer = web_sys::Url::new(&document().referrer()).map(|url| url.origin());
    referrer.ok().filter(|o| known(o))
}

/// The parent page's origin, else the origin of the host's `hello`: where messages go. `None`
/// when not framed or unknown: then nothing is posted yet.
fn host_origin() -> Option<String> {
    parent_origin().or_else(|| GREETED.with(|g| g.borrow().clone()))
}

/// Whether the parent page is on another site than the widget (its storage is then separate).
pub fn cross_site() -> bool {
    parent_origin().is_some_and(|origin| origin != window().location().origin().unwrap_or_default())
}

/// Posts to the parent page, only at its origin (never `*`); held until the origin is known.
pub fn post(message: &WidgetMessage) {
    if !framed() {
        return;
    }
    match host_origin() {
        Some(origin) => send(message, &origin),
        None => HELD.with(|held| {
            let mut held = held.borrow_mut();
            if matches!(message, WidgetMessage::Resize { .. }) {
                held.retain(|m| !matches!(m, WidgetMessage::Resize { .. }));
            }
            held.push(message.clone());
        }),
    }
}

fn send(message: &WidgetMessage, origin: &str) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let Ok(value) = js_sys::JSON::parse(&message.to_json()) else {
        return;
    };
    let _ = parent.post_message(&value, origin);
}

/// Calls `f` for each well-formed message from the parent page at its origin; everything
/// else is ignored without error. Where that origin is unknown, says hello to the parent
/// (which learns nothing from it) and takes the origin of its answer.
pub fn on_host_message(f: impl Fn(HostMessage) + 'static) {
    if !framed() {
        return;
    }
    let listener =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = match (event.source(), window().parent()) {
                (Some(source), Ok(Some(parent))) => JsValue::from(source) == JsValue::from(parent),
                _ => false,
            };
            if !from_parent {
                return;
            }
            let json = js_sys::JSON::stringify(&event.data())
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            match host_origin() {
                // The browser wrote the message's origin: no other page can claim the parent's.
                None if protocol::is_hello(&json) && event.origin() != "null" => {
                    let origin = event.origin();
                    GREETED.with(|g| *g.borrow_mut() = Some(origin.clone()));
                    for message in HELD.with(|held| std::mem::take(&mut *held.borrow_mut())) {
                        send(&message, &origin);
                    }
                }
                Some(origin) if event.origin() == origin => {
                    if let Some(message) = HostMessage::parse(&json) {
                        f(message);
                    }
                }
                _ => {}
            }
        });
    let _ = window().add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
    if host_origin().is_none() {
        if let Ok(Some(parent)) = window().parent() {
            if let Ok(hello) = js_sys::JSON::parse(&WidgetMessage::Hello.to_json()) {
                let _ = parent.post_message(&hello, "*");
            }
        }
    }
}

/// Calls `f(height)` with the content's height now and whenever it changes.
pub fn on_height_change(f: impl Fn(u32) + 'static) {
    let Some(body) = document().body() else {
        return;
    };
    let measure = {
        let body = body.clone();
        move || body.get_bounding_client_rect().height().ceil() as u32
    };
    let last = std::cell::Cell::new(0);
    let callback = Closure::<dyn Fn()>::new(move || {
        let height = measure();
        if height != last.get() {
            last.set(height);
            f(height);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    callback.forget();
}

/// Applies the theme (`data-theme` on the root), the accent colour, and the layout flags.
pub fn apply_look(theme: Theme, accent: Option<&str>, compact: bool, framed: bool) {
    let Some(root) = document().document_element() else {
        return;
    };
    match theme.attribute() {
        Some(value) => {
            let _ = root.set_attribute("data-theme", value);
        }
        None => {
            let _ = root.remove_attribute("data-theme");
        }
    }
    if let (Some(accent), Ok(root)) = (accent, root.clone().dyn_into::<web_sys::HtmlElement>()) {
        // The value is a validated `#rrggbb` (embed::config), never free text.
        let _ = root.style().set_property("--accent", accent);
        let _ = root
            .style()
            .set_property("--accent-fg", crate::embed::config::text_on(accent));
    }
    let classes = root.class_list();
    let _ = classes.toggle_with_force("compact", compact);
    let _ = classes.toggle_with_force("framed", framed);
}

/// Copies text to the clipboard; `false` if the browser refused.
pub async fn copy(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
