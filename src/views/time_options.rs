use crate::interview::format_seconds;
use crate::interview::setup::{MAX_SECONDS, MIN_SECONDS};
use leptos::prelude::*;

/// The choices of time per question, 0:30 to 10:00 by half minutes, for a `<select>`.
pub fn time_options(selected: impl Fn() -> u32 + Copy + Send + Sync + 'static) -> impl IntoView {
    (MIN_SECONDS..=MAX_SECONDS)
        .step_by(30)
        .map(|seconds| {
            view! {
                <option value=seconds.to_string() selected=move || selected() == seconds>
                    {format_seconds(u64::from(seconds))}
                </option>
            }
        })
        .collect_view()
}
