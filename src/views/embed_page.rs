use super::time_options::time_options;
use crate::content::GUIDES;
use crate::embed::snippet::{Choices, ALLOW, INITIAL_HEIGHT};
use crate::embed::{Mode, Theme};
use crate::interview::setup::{MAX_COUNT, MAX_SECONDS, MIN_SECONDS};
use crate::platform::{embed, location};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Builds the snippet a host page pastes: choose the widget's mode, guides, count, time and
/// theme, see it live, copy it.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let choices = RwSignal::new(Choices::default());
    let base = location::base_url();
    let snippet = {
        let base = base.clone();
        Memo::new(move |_| choices.read().snippet(&base))
    };
    let element = {
        let base = base.clone();
        Memo::new(move |_| choices.read().element(&base))
    };
    let preview = Memo::new(move |_| format!("{base}?{}", choices.read().query()));

    let parts = GUIDES
        .iter()
        .map(|g| {
            let part = g.part;
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || choices.read().parts.contains(&part)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            choices.update(|c| {
                                c.parts.retain(|p| *p != part);
                                if on {
                                    c.parts.push(part);
                                    c.parts = crate::sorted::sort(std::mem::take(&mut c.parts));
                                }
                            });
                        }
                    />
                    {format!("Part {part}: {}", g.short)}
                </label>
            }
        })
        .collect_view();
    let times = time_options(move || choices.read().seconds);

    view! {
        <h1>"Embed Interview Practice"</h1>
        <p>
            "Put the widget on your own pages. It sizes itself to its content, works in sandboxed "
            "frames, and tells your page when an interview starts and ends."
        </p>
        <form class="setup" on:submit=|ev| ev.prevent_default()>
            <div class="setup-row">
                <label>
                    "Mode"
                    <select on:change=move |ev| {
                        let mode = match event_target_value(&ev).as_str() {
                            "browse" => Mode::Browse,
                            _ => Mode::Interview,
                        };
                        choices.update(|c| c.mode = mode);
                    }>
                        <option value="interview">"Mock interview"</option>
                        <option value="browse">"Question browser"</option>
                    </select>
                </label>
                <label>
                    "Theme"
                    <select on:change=move |ev| {
                        let theme = Theme::parse(&event_target_value(&ev)).unwrap_or_default();
                        choices.update(|c| c.theme = theme);
                    }>
                        <option value="auto">"Follow the reader’s system"</option>
                        <option value="light">"Light"</option>
                        <option value="dark">"Dark"</option>
                    </select>
                </label>
            </div>
            <fieldset class="inline">
                <legend>"Guides (none: all)"</legend>
                {parts}
            </fieldset>
            <div class="setup-row">
                <label>
                    "Number of questions"
                    <input
                        type="number"
                        min="1"
                        max=MAX_COUNT.to_string()
                        prop:value=move || choices.read().count.to_string()
                        on:change=move |ev| {
                            let count = event_target_value(&ev).parse().unwrap_or(5usize).clamp(1, MAX_COUNT);
                            choices.update(|c| c.count = count);
                        }
                    />
                </label>
                <label>
                    "Time per question"
                    <select on:change=move |ev| {
                        let seconds = event_target_value(&ev).parse().unwrap_or(120).clamp(MIN_SECONDS, MAX_SECONDS);
                        choices.update(|c| c.seconds = seconds);
                    }>{times}</select>
                </label>
            </div>
        </form>
        <h2>"Snippet"</h2>
        <p>"A frame, which works on any page:"</p>
        <Snippet id="snippet" text=snippet button="Copy snippet" />
        <p>"Or the same widget as an element, whose attributes are the settings:"</p>
        <Snippet id="element-snippet" text=element button="Copy element" />
        <h2>"Preview"</h2>
        <p class="meta">"Both forms show this widget."</p>
        <iframe
            class="preview"
            title="Preview of the embedded widget"
            src=move || preview.get()
            height=INITIAL_HEIGHT.to_string()
            allow=ALLOW
        ></iframe>
        <h2>"Notes for your page"</h2>
        <ul>
            <li>"Keep the embed.js script: it keeps each frame exactly as tall as its content."</li>
            <li>"Progress is stored in the reader’s browser, separately for each site that embeds the widget."</li>
            <li>"Keep allow=\"microphone; on-device-speech-recognition\" on the frame: answers spoken aloud are recorded and transcribed on the reader’s device, and without it the widget can only take typed answers."</li>
            <li>"In a frame sandboxed with only allow-scripts, the widget works but cannot save progress."</li>
        </ul>
    }
}

/// A snippet to paste, with its copy button and what became of the copy.
#[component]
fn Snippet(id: &'static str, text: Memo<String>, button: &'static str) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    view! {
        <pre class="snippet"><code id=id>{move || text.get()}</code></pre>
        <div class="actions">
            <button type="button" on:click=move |_| {
                let text = text.get_untracked();
                spawn_local(async move { copied.set(Some(embed::copy(&text).await)) });
            }>{button}</button>
            <span role="status">
                {move || match copied.get() {
                    Some(true) => "Copied.",
                    Some(false) => "Copying was refused: select the snippet and copy it.",
                    None => "",
                }}
            </span>
        </div>
    }
}
