//! Your data: the recordings of spoken answers kept on this device, their space, how many are
//! kept per question, and deleting them one by one or all.

use crate::content;
use crate::platform::clock;
use crate::platform::recordings::{self, Stored};
use crate::progress::Progress;
use crate::views::context;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn kilobytes(bytes: f64) -> String {
    if bytes >= 1_000_000.0 {
        format!("{:.1} MB", bytes / 1_000_000.0)
    } else {
        format!("{:.0} KB", (bytes / 1_000.0).ceil())
    }
}

#[component]
pub fn RecordingsSpace() -> impl IntoView {
    let progress = context::<Progress>();
    let list = RwSignal::new(None::<Result<Vec<Stored>, String>>);
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let reload = move || {
        spawn_local(async move {
            list.try_set(Some(recordings::list().await.map_err(|e| e.to_string())));
        });
    };
    reload();
    let delete_one = move |key: String| {
        spawn_local(async move {
            let result = recordings::delete(&key).await;
            done.try_set(Some(match result {
                Ok(()) => "Deleted the recording.".into(),
                Err(e) => e.to_string(),
            }));
            reload();
        });
    };
    let delete_all = move |_| {
        confirming.set(false);
        spawn_local(async move {
            let result = recordings::clear().await;
            done.try_set(Some(match result {
                Ok(()) => "Deleted every recording.".into(),
                Err(e) => e.to_string(),
            }));
            reload();
        });
    };
    view! {
        <section aria-labelledby="recordings-heading">
            <h2 id="recordings-heading">"Recordings"</h2>
            <p>
                "Spoken answers you record are kept on this device only, in this browser's IndexedDB "
                "for this site. They never leave it, and the export file leaves them out."
            </p>
            <label>
                "Recordings kept per question "
                <input
                    type="number"
                    min="1"
                    max="20"
                    prop:value=move || progress.settings.read().keep_recordings.to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                            progress.set_keep_recordings(n);
                        }
                    }
                />
            </label>
            {move || match list.get() {
                None => view! { <p>"Reading the recordings…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="problem">{e}</p> }.into_any(),
                Some(Ok(all)) if all.is_empty() => view! { <p id="recordings-usage">"No recordings are kept."</p> }.into_any(),
                Some(Ok(all)) => {
                    let total: f64 = all.iter().map(|r| r.size).sum();
                    let count = all.len();
                    view! {
                        <p id="recordings-usage">
                            {format!("{count} recording{} {}.", if count == 1 { " uses" } else { "s use" }, kilobytes(total))}
                        </p>
                        <ul class="recordings">
                            {all.into_iter().map(|r| {
                                let ask = content::question(&r.question).map_or(r.question.clone(), |q| q.ask.to_string());
                                let label = format!("{ask} · {} · {}", clock::format_local(r.at as u64), kilobytes(r.size));
                                let key = r.key.clone();
                                view! {
                                    <li>
                                        {label.clone()} " "
                                        <button type="button" class="secondary" aria-label=format!("Delete the recording: {label}")
                                            on:click=move |_| delete_one(key.clone())>"Delete"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <p>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                                "Delete all recordings"
                            </button>
                        </p>
                    }
                    .into_any()
                }
            }}
            <Show when=move || confirming.get()>
                <div class="confirm" role="alert">
                    "Delete every recording? Transcripts and delivery figures stay with your interviews. This cannot be undone."
                    <div class="actions">
                        <button type="button" on:click=delete_all>"Delete"</button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep them"</button>
                    </div>
                </div>
            </Show>
            {move || done.get().map(|text| view! { <p role="status">{text}</p> })}
        </section>
    }
}
