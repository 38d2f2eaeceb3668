//! The page's URL hash and title: the app's router state lives there.

use leptos::prelude::{document, window};

pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Changes the hash without a history entry or a `hashchange` event (for typing in search).
pub fn replace_hash(hash: &str) {
    if let Ok(history) = window().history() {
        // A failure only leaves the URL behind the page; the page itself is right.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Moves keyboard focus to the element with this id, if there is one.
/// Only while the page has focus: a widget framed in a host page must not pull focus out of the
/// host (on load, or after a reload mid-interview).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if !document().has_focus().unwrap_or(false) {
        return;
    }
    if let Some(element) = document().get_element_by_id(id) {
        let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Navigates to another page of the app.
pub fn go(hash: &str) {
    let _ = window().location().set_hash(hash);
}

/// The query string (`?mode=interview&…`), where an embedding page puts its settings.
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// Where the app is served from (`https://example.org/practice/`), for embedding snippets.
pub fn base_url() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    format!("{origin}{dir}/")
}

/// The app page an event's target leads to: the hash of the link it is in, or the `data-opens`
/// of a control that opens a page (a button that starts an interview).
pub fn page_pointed_at(event: &web_sys::Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let control = target
        .closest("a[href^='#'], [data-opens]")
        .ok()
        .flatten()?;
    control
        .get_attribute("data-opens")
        .or_else(|| control.get_attribute("href"))
}
