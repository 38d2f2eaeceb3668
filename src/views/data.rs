use crate::platform::{clock, page};
use crate::progress::Progress;
use crate::review::{anki, export, Export, ImportPreview};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Export everything to a file, import it back (here or on another site that embeds the
/// widget), and export the question bank with notes for Anki.
#[component]
pub fn DataPage() -> impl IntoView {
    let progress = expect_context::<Progress>();
    // A parsed file waiting for the reader to confirm, with what it would change.
    let pending = RwSignal::new(None::<(Export, ImportPreview)>);
    let message = RwSignal::new(None::<(bool, String)>);

    let export_all = move |_| {
        let file = progress.export();
        page::download(
            &export::file_name(file.exported_at, clock::utc_offset_minutes()),
            &file.to_json(),
        );
    };
    let export_anki = move |_| {
        page::download(
            anki::FILE_NAME,
            &anki::anki_text(&progress.notes.get_untracked()),
        )
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        spawn_local(async move {
            pending.set(None);
            match page::read_chosen_file(&input).await {
                None => message.set(Some((
                    false,
                    "The file could not be read. Nothing was changed.".into(),
                ))),
                Some(text) => match export::parse(&text) {
                    Ok(file) => {
                        let preview = progress.preview(&file);
                        message.set(None);
                        pending.set(Some((file, preview)));
                    }
                    Err(error) => {
                        message.set(Some((false, format!("{error} Nothing was changed."))))
                    }
                },
            }
            input.set_value("");
        });
    };
    let apply = move |_| {
        if let Some((file, _)) = pending.get_untracked() {
            progress.import(&file);
            pending.set(None);
            message.set(Some((
                true,
                "Imported: everything from the file is merged with your progress here.".into(),
            )));
        }
    };

    view! {
        <h1>"Your data"</h1>
        <p>
            "Your progress stays in this browser. Export it to keep a copy, or to move it to another "
            "browser or to another site that embeds Interview Practice (each site keeps its own)."
        </p>
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">"Export everything"</h2>
            <p>"One file with your interviews and typed answers, ratings, schedules, notes and settings."</p>
            <button type="button" on:click=export_all>"Export"</button>
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"Import a file"</h2>
            <p>"Merge an exported file into your progress here. Nothing on either side is lost; you see what changes before it is applied."</p>
            <label class="file">
                "Import"
                <input type="file" accept=".json,application/json" on:change=choose/>
            </label>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "import-ok" } else { "import-error" } role=if ok { "status" } else { "alert" }>{text}</p>
            })}
            {move || pending.get().map(|(_, preview)| view! {
                <div class="import-preview" role="status">
                    <h3>"This import will change:"</h3>
                    <ul>
                        {preview_lines(&preview).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                    <div class="actions">
                        <button type="button" on:click=apply>"Apply import"</button>
                        <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </div>
            })}
        </section>
        <section aria-labelledby="anki-heading">
            <h2 id="anki-heading">"Anki"</h2>
            <p>"All questions with their model answers, key points and your notes, as a text file Anki imports."</p>
            <button type="button" on:click=export_anki>"Export for Anki"</button>
        </section>
    }
}

fn preview_lines(p: &ImportPreview) -> Vec<String> {
    if p.is_empty() {
        return vec!["Nothing: everything in the file is already here.".into()];
    }
    [
        (p.new_interviews, "new interview"),
        (p.updated_interviews, "interview further along"),
        (p.new_reviews, "new rating"),
        (p.new_notes, "new note"),
        (p.notes_changed, "newer note"),
        (p.memory_changed, "question with a new schedule"),
        (p.settings_changed, "setting"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}{}", if n == 1 { "" } else { "s" }))
    .collect()
}
