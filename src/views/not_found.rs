use leptos::prelude::*;

#[component]
pub fn NotFound(message: String) -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>{message}</p>
        <p><a href="#/">"Back to the guides"</a></p>
    }
}
