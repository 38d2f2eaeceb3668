//! What the reader must know about their saved progress: blocked storage, full storage, and
//! stored data that could not be read (kept aside, downloadable).

use crate::platform::page;
use crate::progress::Progress;
use crate::views::context;
use crate::views::embedding::Embedding;
use leptos::prelude::*;

#[component]
pub fn StorageNotices() -> impl IntoView {
    let progress = context::<Progress>();
    let notices = progress.notices;
    let cross_site = context::<Embedding>().cross_site;
    view! {
        <div class="notices">
            {(cross_site && !notices.get_untracked().not_saved).then(|| view! {
                <p class="site-note">
                    "Your progress is saved for this site only: on other sites that show "
                    "Interview Practice it is kept separately."
                </p>
            })}
            <Show when=move || notices.read().not_saved>
                <div class="notice" role="status">
                    <strong>"Your progress will not be saved in this browser."</strong>
                    " Storage is blocked here (for example by a privacy setting or a sandboxed frame). "
                    "You can practise as usual; your progress lasts until you close the page."
                </div>
            </Show>
            {move || notices.read().recordings.clone().map(|why| view! {
                <div class="notice" role="alert">
                    <strong>"A recording could not be kept on this device."</strong>
                    " " {why} " It plays on this page until you close it."
                </div>
            })}
            <Show when=move || notices.read().unread>
                <div class="notice" role="alert">
                    <strong>"Some of your saved progress cannot be read yet."</strong>
                    " Part of the app could not be downloaded: until it is, what you saved before "
                    "does not show here, and your latest changes wait on this page. Nothing stored "
                    "was changed or deleted. Check the connection; it is tried again every few seconds."
                </div>
            </Show>
            <Show when=move || notices.read().full>
                <div class="notice" role="alert">
                    <strong>"Browser storage is full."</strong>
                    " Your latest progress is kept on this page and will be saved as soon as there is room. "
                    "Nothing was deleted."
                </div>
            </Show>
            {move || {
                let kept = notices.read().kept_aside.clone();
                (!kept.is_empty()).then(|| {
                    let items = kept
                        .into_iter()
                        .map(|k| {
                            let file = format!("{}.json", k.key.replace('/', "-"));
                            let raw = k.raw.clone();
                            view! {
                                <li>
                                    {format!("{} ({} bytes): {}. ", k.key, k.raw.len(), k.reason)}
                                    <button type="button" class="link" on:click=move |_| page::download(&file, &raw)>
                                        "Download it"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="notice" role="status">
                            <strong>"Some saved progress could not be read."</strong>
                            " It has been kept exactly as it was and will not be overwritten."
                            <ul>{items}</ul>
                        </div>
                    }
                })
            }}
        </div>
    }
}
