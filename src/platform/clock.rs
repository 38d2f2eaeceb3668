//! The clock and a random seed, from the browser.

/// Milliseconds since the Unix epoch: one reading of the wall clock when the page starts,
/// then the monotonic `performance.now()`. A system clock set back and forward again while
/// the page is open never charges the jump; across reloads the wall clock anchors the time.
pub fn now() -> u64 {
    thread_local! {
        static ANCHOR: (f64, f64) = (js_sys::Date::now(), monotonic());
    }
    ANCHOR.with(|(wall, since)| (wall + (monotonic() - since)).max(0.0) as u64)
}

/// Milliseconds since the page started, never going back (the wall clock where the browser
/// has no `performance`).
fn monotonic() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Calls `tick` every `period` for as long as it returns true: a timer that ends itself. A
/// screen's clock stops at its first tick after the screen is gone, whoever dropped it and
/// however (an interval's handle can be lost: browsers' ids fit an `i32`, a test's fake
/// clock's do not).
pub fn every(period: std::time::Duration, tick: impl Fn() -> bool + 'static) {
    fn next(period: std::time::Duration, tick: std::rc::Rc<dyn Fn() -> bool>) {
        leptos::prelude::set_timeout(
            move || {
                if tick() {
                    next(period, tick);
                }
            },
            period,
        );
    }
    next(period, std::rc::Rc::new(tick));
}

pub fn random_seed() -> u64 {
    (js_sys::Math::random() * u64::MAX as f64) as u64 ^ now()
}

/// "2026-11-26 14:05" in the reader's time zone.
pub fn format_local(millis: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Minutes to add to UTC for the reader's local time (east positive).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The start and end (epoch ms, inclusive) of the reader's local day containing `millis`.
pub fn local_day_bounds(millis: u64) -> (u64, u64) {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    date.set_hours(0);
    date.set_minutes(0);
    date.set_seconds(0);
    date.set_milliseconds(0);
    let start = date.get_time().max(0.0) as u64;
    date.set_date(date.get_date() + 1);
    let end = (date.get_time().max(0.0) as u64).saturating_sub(1);
    (start, end)
}
