use crate::platform::{clock, page};
use crate::progress::state::KEEP_ANSWERS;
use crate::progress::Progress;
use crate::storage::usage;
use crate::transfer::{anki, export, Export, ImportPreview};
use crate::views::context;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Export everything to a file, import it back (here or on another site that embeds the
/// widget), and export the question bank with notes for Anki.
#[component]
pub fn DataPage() -> impl IntoView {
    let progress = context::<Progress>();
    // A parsed file waiting for the reader to confirm, with what it would change.
    let pending = RwSignal::new(None::<(Export, ImportPreview)>);
    let message = RwSignal::new(None::<(bool, String)>);

    let include_recordings = RwSignal::new(false);
    let export_all = move |_| {
        if !include_recordings.get_untracked() {
            return download_export(progress);
        }
        spawn_local(async move {
            let mut file = progress.export();
            match crate::platform::recordings::export_all().await {
                Ok(recordings) => file.recordings = recordings,
                Err(error) => {
                    message.try_set(Some((
                        false,
                        format!("{error} The file was exported without recordings."),
                    )));
                }
            }
            page::download(
                &export::file_name(file.exported_at, clock::utc_offset_minutes()),
                &file.to_json(),
            );
        });
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
            // A file too large is refused before any of it is read.
            let read = match page::ChosenFile::of(&input) {
                None => None,
                Some(chosen) => match export::check_size(chosen.bytes()) {
                    Err(too_large) => Some(Err(too_large)),
                    Ok(()) => chosen.text().await.map(|text| export::parse(&text)),
                },
            };
            match read {
                None => message.set(Some((
                    false,
                    "The file could not be read. Nothing was changed.".into(),
                ))),
                Some(Ok(file)) => {
                    let preview = progress.preview(&file);
                    message.set(None);
                    pending.set(Some((file, preview)));
                }
                Some(Err(error)) => {
                    message.set(Some((false, format!("{error} Nothing was changed."))))
                }
            }
            input.set_value("");
        });
    };
    let apply = move |_| {
        // Taken, not copied: a file of recordings is tens of megabytes.
        if let Some((file, _)) = pending.try_update(Option::take).flatten() {
            progress.import(&file);
            message.set(Some((
                true,
                "Imported: everything from the file is merged with your progress here.".into(),
            )));
            if !file.recordings.is_empty() {
                spawn_local(async move {
                    let result = crate::platform::recordings::import(&file.recordings).await;
                    message.try_set(Some(match result {
                        Ok(n) => (true, format!("Imported: everything from the file is merged with your progress here, with {n} recording{}.", if n == 1 { "" } else { "s" })),
                        Err(error) => (false, format!("Imported everything but the recordings: {error}")),
                    }));
                });
            }
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
            <label class="check">
                <input type="checkbox" prop:checked=move || include_recordings.get()
                    on:change=move |ev| include_recordings.set(event_target_checked(&ev))/>
                "Include recordings (the file grows by about 320 KB per minute recorded)"
            </label>
            <button type="button" on:click=export_all>"Export"</button>
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"Import a file"</h2>
            <p>
                "Merge an exported file into your progress here. Nothing on either side is lost; you see what changes before it is applied. "
                {format!("Files up to {} MB.", export::MAX_FILE_BYTES / 1_000_000)}
            </p>
            <label class="file">
                "Import"
                <input type="file" accept=".json,application/json" on:change=choose/>
            </label>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "import-ok" } else { "import-error" } role=if ok { "status" } else { "alert" }>{text}</p>
            })}
            {move || pending.with(|p| p.as_ref().map(|(file, preview)| preview_lines(preview, file.recordings.len()))).map(|lines| view! {
                <div class="import-preview" role="status">
                    <h3>"This import will change:"</h3>
                    <ul>
                        {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                    <div class="actions">
                        <button type="button" on:click=apply>"Apply import"</button>
                        <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </div>
            })}
        </section>
        <StorageSpace/>
        <crate::views::recordings::RecordingsSpace/>
        <section aria-labelledby="anki-heading">
            <h2 id="anki-heading">"Anki"</h2>
            <p>"All questions with their model answers, key points and your notes, as a text file Anki imports."</p>
            {super::bodies::with_answers(move |answers| view! {
                <button type="button" on:click=move |_| page::download(
                    anki::FILE_NAME,
                    &anki::anki_text(answers, &progress.notes.get_untracked()),
                )>"Export for Anki"</button>
            })}
        </section>
    }
}

/// How much of the browser's storage the progress uses, a warning from 80% of the quota, and
/// the reader's ways to free space. Nothing is deleted unless the reader chooses it here.
#[component]
fn StorageSpace() -> impl IntoView {
    let progress = context::<Progress>();
    let chosen = RwSignal::new(Vec::<String>::new());
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let export_all = move |_| download_export(progress);
    let compact = move |_| {
        let n = progress.compact_answers(KEEP_WHEN_FREEING);
        done.set(Some(match n {
            0 => "No older answers to drop.".to_string(),
            1 => "Dropped the answers of 1 older interview.".to_string(),
            n => format!("Dropped the answers of {n} older interviews."),
        }));
    };
    let delete = move |_| {
        let ids = chosen.get_untracked();
        progress.delete_interviews(&ids);
        // Their recordings go with them (a storage that cannot be opened has none).
        let gone = ids.clone();
        spawn_local(async move {
            for id in gone {
                let _ = crate::platform::recordings::delete_interview(&id).await;
            }
        });
        chosen.set(Vec::new());
        confirming.set(false);
        done.set(Some(format!(
            "Deleted {} interview{}.",
            ids.len(),
            if ids.len() == 1 { "" } else { "s" }
        )));
    };
    view! {
        <section aria-labelledby="space-heading">
            <h2 id="space-heading">"Storage space"</h2>
            {move || match progress.usage() {
                None => view! { <p>"Your progress is not saved in this browser, so it uses no storage."</p> }.into_any(),
                Some(u) => view! {
                    <p id="storage-usage">
                        {format!(
                            "Your progress uses {}. Everything this site keeps in your browser takes {} of about {} allowed ({}%).",
                            usage::megabytes(u.ours),
                            usage::megabytes(u.site),
                            usage::megabytes(usage::QUOTA_UNITS),
                            (u.share() * 100.0).round()
                        )}
                    </p>
                    {u.nearly_full().then(|| view! {
                        <p class="notice" role="alert">
                            <strong>"Browser storage is nearly full."</strong>
                            " Export a copy, then free some space below, so that your progress can still be saved."
                        </p>
                    })}
                }.into_any(),
            }}
            <h3>"Free space"</h3>
            <p>"Nothing is deleted unless you choose it here. Export a copy first to keep everything."</p>
            <p><button type="button" class="secondary" on:click=export_all>"Export a copy first"</button></p>
            <p>
                {format!("Drop the typed answers of all but your newest {KEEP_WHEN_FREEING} completed interviews; their times, key points and ratings stay. ")}
                <button type="button" class="secondary" on:click=compact>"Drop older answers"</button>
            </p>
            <fieldset class="delete-interviews">
                <legend>"Delete interviews"</legend>
                {move || {
                    let history = progress.history();
                    if history.is_empty() {
                        return view! { <p>"No completed interview."</p> }.into_any();
                    }
                    history.into_iter().map(|i| {
                        let id = i.id.clone();
                        let summary = crate::interview::Summary::of(&i);
                        let label = format!(
                            "{}, {}, {} questions, {}%",
                            clock::format_local(i.completed_at.unwrap_or(i.started_at)),
                            i.setup.parts_label(),
                            summary.questions,
                            summary.score()
                        );
                        let checked = {
                            let id = id.clone();
                            move || chosen.read().contains(&id)
                        };
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=checked on:change=move |_| {
                                    chosen.update(|c| match c.iter().position(|x| *x == id) {
                                        Some(at) => { c.remove(at); }
                                        None => c.push(id.clone()),
                                    });
                                    confirming.set(false);
                                }/>
                                {label}
                            </label>
                        }
                    }).collect_view().into_any()
                }}
                <p>
                    <button type="button" class="secondary"
                        disabled=move || chosen.read().is_empty()
                        on:click=move |_| confirming.set(true)
                    >"Delete chosen interviews"</button>
                </p>
                <Show when=move || confirming.get()>
                    <div class="confirm" role="alert">
                        {move || {
                            let n = chosen.read().len();
                            format!(
                                "Delete {n} interview{} with {} answers, recordings and ratings? Their ratings leave your review schedule too. This cannot be undone.",
                                if n == 1 { "" } else { "s" },
                                if n == 1 { "its" } else { "their" }
                            )
                        }}
                        <div class="actions">
                            <button type="button" on:click=delete>"Delete"</button>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep them"</button>
                        </div>
                    </div>
                </Show>
            </fieldset>
            {move || done.get().map(|text| view! { <p role="status">{text}</p> })}
        </section>
    }
}

/// Offers everything as one export file.
fn download_export(progress: Progress) {
    let file = progress.export();
    page::download(
        &export::file_name(file.exported_at, clock::utc_offset_minutes()),
        &file.to_json(),
    );
}

/// Completed interviews whose answers "Drop older answers" keeps.
const KEEP_WHEN_FREEING: usize = 10;

/// The preview's lines: what the import changes, the recordings it stores, and the typed
/// answers it drops.
fn preview_lines(p: &ImportPreview, recordings: usize) -> Vec<String> {
    if p.is_empty() && recordings == 0 {
        return vec!["Nothing: everything in the file is already here.".into()];
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut lines: Vec<String> = [
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
    .map(|(n, what)| format!("{n} {what}{}", plural(n)))
    .collect();
    if recordings > 0 {
        lines.push(format!(
            "{recordings} recording{} stored on this device (replacing any of the same answer)",
            plural(recordings)
        ));
    }
    if p.answers_dropped > 0 {
        let n = p.answers_dropped;
        lines.push(format!(
            "{n} older completed interview{} lose{} {} typed answers: only the newest {KEEP_ANSWERS} keep them (times, key points and ratings stay)",
            plural(n),
            if n == 1 { "s" } else { "" },
            if n == 1 { "its" } else { "their" }
        ));
    }
    lines
}
