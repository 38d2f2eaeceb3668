//! The one place the app sets raw HTML on an element. It takes `content::Html` only, which no
//! code outside the content module can make: HTML compiled into the program from content/,
//! sanitised at build time by an allow-list (crates/content). Text from a reader or a URL can
//! never reach it.

use crate::content::Html;
use leptos::prelude::*;

#[component]
pub fn TrustedHtml(
    /// Build-time sanitised HTML from the content statics.
    html: Html,
    /// CSS class of the wrapper.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! { <div class=(!class.is_empty()).then_some(class) inner_html=html.as_str()></div> }
}
