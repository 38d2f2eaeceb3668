//! Start-up over the first screen the build put in the page (`scripts/prerender.mjs`): the app
//! renders into a detached element and replaces the pre-rendered one in a single step, so the
//! reader never sees both, nothing moves, and a link focused before the swap stays focused.

use leptos::prelude::{document, IntoView};
use wasm_bindgen::JsCast;

/// What a reader can focus before the app starts (links; buttons are disabled until then).
const FOCUSABLE: &str = "a[href], button, input, textarea, select";

/// Mounts `app` in place of the page's `#app` element (or on the body when there is none), then
/// marks the root `data-app="ready"`: from then on every control works.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let document = document();
    let first = document.get_element_by_id("app");
    let root = document
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match (first, root) {
        (Some(first), Some(root)) => {
            root.set_id("app");
            let focused = focused_index(&first);
            leptos::mount::mount_to(root.clone(), app).forget();
            let _ = first.replace_with_with_node_1(&root);
            if let Some(index) = focused {
                focus_nth(&root, index);
            }
        }
        _ => leptos::mount::mount_to_body(app),
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// The position of the focused element among `within`'s focusable ones.
fn focused_index(within: &web_sys::Element) -> Option<u32> {
    let active = document().active_element()?;
    let list = within.query_selector_all(FOCUSABLE).ok()?;
    (0..list.length()).find(|&i| {
        list.get(i)
            .is_some_and(|node| &node == active.as_ref() as &web_sys::Node)
    })
}

fn focus_nth(within: &web_sys::Element, index: u32) {
    let element = within
        .query_selector_all(FOCUSABLE)
        .ok()
        .and_then(|list| list.get(index))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        // Where the reader scrolled stays: focusing would scroll the link into view.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}
