//! What the reveal (in an interview) and the Review mode share: the key points to check off,
//! and the self-rating, by button or by keys 1–4.

use crate::content::KeyPoint;
use crate::interview::Rating;
use crate::platform::page;
use crate::scoring::{self, PointMark};
use leptos::prelude::*;

/// The reader's answer as text, the words that covered a key point highlighted: all lightly,
/// the focused (or hovered) point's strongly.
#[component]
pub fn AnswerEvidence(
    text: String,
    /// The marking of the answer, one per key point.
    found: Vec<PointMark>,
    /// The key point the reader is looking at.
    focused: RwSignal<Option<usize>>,
) -> impl IntoView {
    let runs = scoring::segments(&text, &found)
        .into_iter()
        .map(|segment| {
            // Shown as text: whatever was typed never becomes HTML.
            let words = text.get(segment.range).unwrap_or_default().to_string();
            if segment.points.is_empty() {
                return words.into_any();
            }
            let points = segment.points;
            let focus = move || focused.get().is_some_and(|f| points.contains(&f));
            view! { <mark class="evidence" class:focus=focus>{words}</mark> }.into_any()
        })
        .collect_view();
    view! { <p class="your-answer">{runs}</p> }
}

/// The key points, each marked covered or missed, with the reader's words that covered it;
/// the reader can correct a mark.
#[component]
pub fn KeyPointChecklist(
    points: &'static [KeyPoint],
    /// One mark per point.
    #[prop(into)]
    marks: Signal<Vec<bool>>,
    /// For each point, the reader's words that covered it (`“mirrors” … “stripes”`).
    #[prop(optional)]
    evidence: Vec<String>,
    /// Set while a point has focus or the pointer, to highlight its words in the answer.
    #[prop(optional)]
    focused: Option<RwSignal<Option<usize>>>,
    /// Called with a point's index when the reader flips its mark.
    on_toggle: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let look = move |index: Option<usize>| {
        if let Some(focused) = focused {
            focused.set(index);
        }
    };
    let items = points
        .iter()
        .enumerate()
        .map(|(index, point)| {
            let covered = move || marks.read().get(index).copied().unwrap_or(false);
            let words = evidence.get(index).filter(|w| !w.is_empty()).cloned();
            let because = move || {
                words
                    .clone()
                    .filter(|_| covered())
                    .map(|w| view! { <span class="because">{format!("your words: {w}")}</span> })
            };
            view! {
                <li
                    on:mouseenter=move |_| look(Some(index))
                    on:mouseleave=move |_| look(None)
                    on:focusin=move |_| look(Some(index))
                    on:focusout=move |_| look(None)
                >
                    <label class="check">
                        <input type="checkbox" prop:checked=covered on:change=move |_| on_toggle(index)/>
                        {point.label}
                    </label>
                    <span class="mark" class:covered=covered>
                        {move || if covered() { "covered" } else { "missed" }}
                    </span>
                    {because}
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="key-points-check">
            <legend>"Key points"</legend>
            <p class="hint">"Checked against your answer on this device. Correct any wrong mark."</p>
            <ul>{items}</ul>
            <p role="status">
                {move || {
                    let m = marks.get();
                    format!("{} of {} key points covered", m.iter().filter(|c| **c).count(), m.len())
                }}
            </p>
        </fieldset>
    }
}

/// Again, Hard, Good, Easy as buttons (keys 1–4 work too, see `rating_keys`).
#[component]
pub fn RatingButtons(
    heading: &'static str,
    /// The rating given so far, shown pressed.
    #[prop(into)]
    current: Signal<Option<Rating>>,
    on_rate: impl Fn(Rating) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let buttons = Rating::ALL
        .iter()
        .enumerate()
        .map(|(index, r)| {
            let r = *r;
            view! {
                <button
                    type="button"
                    class="rating"
                    aria-pressed=move || (current.get() == Some(r)).to_string()
                    aria-keyshortcuts=(index + 1).to_string()
                    on:click=move |_| on_rate(r)
                >
                    {r.label()}
                    <span class="key">{format!(" ({})", index + 1)}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="rate" role="group" aria-labelledby="rate-heading">
            <h2 id="rate-heading">{heading}</h2>
            {buttons}
        </div>
    }
}

/// Keys 1–4 rate while this component lives, unless the reader is typing in a field.
pub fn rating_keys(on_rate: impl Fn(Rating) + 'static) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        // Digits typed into a text field are text, not ratings.
        if page::typing_in_field(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if let Some(r) = Rating::from_key(&ev.key()) {
            on_rate(r);
        }
    });
    on_cleanup(move || keys.remove());
}
