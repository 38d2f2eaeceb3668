//! Charts drawn as SVG by the app itself (no chart library). Colours come from the theme's CSS
//! variables, so they read in light and dark; every chart has a text alternative beside it.

use leptos::prelude::*;

/// Horizontal bars, 0 to 100 percent, one per labelled row.
#[component]
pub fn PercentBars(
    /// `(label, percent)` rows.
    rows: Vec<(String, u32)>,
    /// What the chart shows, for screen readers (the table beside it has the numbers).
    label: String,
) -> impl IntoView {
    let height = rows.len() as u32 * 28 + 4;
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (name, percent))| {
            let y = i as u32 * 28 + 4;
            let width = percent.min(100) * 2;
            view! {
                <g>
                    <text x="0" y=y + 16 class="chart-label">{name}</text>
                    <rect x="180" y=y width="200" height="20" class="chart-track"></rect>
                    <rect x="180" y=y width=width height="20" class="chart-bar"></rect>
                    <text x="388" y=y + 16 class="chart-value">{format!("{percent}%")}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 430 {height}") role="img" aria-label=label>
            {bars}
        </svg>
    }
}

/// A year of days as a grid of weeks, shaded by how many ratings each day had.
#[component]
pub fn Heatmap(
    /// `(date label, count)` per day, oldest first, today last.
    days: Vec<(String, u32)>,
    label: String,
) -> impl IntoView {
    let max = days.iter().map(|d| d.1).max().unwrap_or(0).max(1);
    let cells = days
        .into_iter()
        .enumerate()
        .map(|(i, (date, count))| {
            let (week, day) = (i / 7, i % 7);
            let level = if count == 0 { 0 } else { 1 + (count * 3).div_ceil(max).min(3) };
            view! {
                <rect x=week * 12 y=day * 12 width="10" height="10" rx="2" class=format!("heat heat-{level}")>
                    <title>{format!("{date}: {count} rating{}", if count == 1 { "" } else { "s" })}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <svg class="chart heatmap" viewBox="0 0 640 84" role="img" aria-label=label>
            {cells}
        </svg>
    }
}

/// Points joined by a line: x in order, y from 0 to 100.
#[component]
pub fn PercentLine(values: Vec<u32>, label: String) -> impl IntoView {
    let n = values.len().max(2) - 1;
    let points: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            (
                20.0 + 380.0 * i as f64 / n as f64,
                110.0 - f64::from((*v).min(100)),
            )
        })
        .collect();
    let path = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <svg class="chart" viewBox="0 0 420 120" role="img" aria-label=label>
            <line x1="20" y1="110" x2="400" y2="110" class="chart-axis"></line>
            <line x1="20" y1="10" x2="400" y2="10" class="chart-grid"></line>
            <text x="0" y="14" class="chart-value">"100"</text>
            <text x="0" y="114" class="chart-value">"0"</text>
            <polyline points=path class="chart-line"></polyline>
            {points.into_iter().map(|(x, y)| view! { <circle cx=x cy=y r="3.5" class="chart-dot"></circle> }).collect_view()}
        </svg>
    }
}
