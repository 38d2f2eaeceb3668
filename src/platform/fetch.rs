//! Fetching a file of the app's own build (the content data file).

use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of `url` (relative to the page), or why not, in words for the reader.
pub async fn text(url: &str) -> Result<String, String> {
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| missing("the network request failed (are you offline?)".to_string()))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the browser gave no response".to_string())?;
    if !response.ok() {
        return Err(missing(format!(
            "the server answered {}",
            response.status()
        )));
    }
    let body = response
        .text()
        .map_err(|_| "the response has no text".to_string())?;
    JsFuture::from(body)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the download was interrupted".to_string())
}

/// Tells the page a file of its build could not be had: where the host now serves another
/// build, a deploy removed this one, and public/boot.js starts the page again in the new one.
fn missing(why: String) -> String {
    if let Ok(event) = web_sys::Event::new("interview-practice:download-failed") {
        let _ = window().dispatch_event(&event);
    }
    why
}
