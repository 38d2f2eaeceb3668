use crate::progress::Progress;
use crate::views::context;
use leptos::prelude::*;

/// The reader's note on a question: kept as typed, shown wherever the question is, searched by
/// the question browser.
#[component]
pub fn NoteEditor(question: &'static str) -> impl IntoView {
    let progress = context::<Progress>();
    let id = format!("note-{question}");
    view! {
        <div class="note">
            <label for=id.clone() class="answer-label">"Your note"</label>
            <textarea
                id=id
                rows="3"
                maxlength=crate::interview::MAX_ANSWER_CHARS.to_string()
                placeholder="Anything to remember about this question"
                // Follows the note, also when another tab saves a newer one.
                prop:value=move || progress.note(question)
                on:input=move |ev| progress.set_note(question, &event_target_value(&ev))
            ></textarea>
        </div>
    }
}
