//! Local calendar days: the day number of an instant in the reader's time zone, a day as a date
//! and back, as the interview date is stored ("2026-03-15") and shown ("Sunday 15 March").

use super::DAY_MS;
use serde::Serialize;

/// Milliseconds in a day, signed. Days are counted in `i64` milliseconds, good for 292 million
/// years: `i128` would bring its division routine into the start page's piece of the wasm.
const DAY: i64 = DAY_MS as i64;

/// The local day of an instant: days since 1970-01-01 in the reader's time zone.
pub fn local_day(epoch_ms: u64, utc_offset_minutes: i32) -> i64 {
    let epoch_ms = i64::try_from(epoch_ms).unwrap_or(i64::MAX);
    epoch_ms
        .saturating_add(i64::from(utc_offset_minutes) * 60_000)
        .div_euclid(DAY)
}

/// Epoch milliseconds when local day `day` begins (0 for days before 1970).
pub fn start_ms(day: i64, utc_offset_minutes: i32) -> u64 {
    let start = day
        .saturating_mul(DAY)
        .saturating_sub(i64::from(utc_offset_minutes) * 60_000);
    u64::try_from(start).unwrap_or(0)
}

/// A local day as (year, month, day), for labels and the calendar's table.
pub fn civil_date(day: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days_from_civil inverse (proleptic Gregorian calendar).
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The day number of a date (Howard Hinnant's days_from_civil).
fn day_of(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A calendar date as the settings store it and the export carries it, `2026-03-15`, and only a
/// real one (made by `Date::of` or `Date::parse`). Held as its text, so that saving the settings,
/// in the start page's piece of the wasm, formats no date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Date(String);

impl Date {
    pub fn of(day: i64) -> Date {
        Date(format_day(day))
    }

    /// The date of `2026-03-15` (as a date field gives it); `None` for anything else.
    pub fn parse(text: &str) -> Option<Date> {
        parse_day(text).map(Date::of)
    }

    /// Its local day number.
    pub fn day(&self) -> i64 {
        // Always a date (`Date::of`): 1970-01-01 is never used.
        parse_day(&self.0).unwrap_or_default()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `2024-03-09`.
pub fn format_day(day: i64) -> String {
    let (y, m, d) = civil_date(day);
    // Years as u32, whose formatting the wasm has anyway (not before year 0).
    let y = u32::try_from(y).unwrap_or(0);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day of `2024-03-09` (as a date field gives it); `None` for anything else, a date that
/// does not exist (`2025-02-29`) included.
pub fn parse_day(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let mut number = |digits: usize| {
        parts
            .next()
            .filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (y, m, d) = (number(4)?, number(2)?, number(2)?);
    let day = day_of(i64::from(y), m, d);
    (civil_date(day) == (i64::from(y), m, d)).then_some(day)
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `Sunday 15 March 2026`.
pub fn describe_day(day: i64) -> String {
    let (y, m, d) = civil_date(day);
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[(day + 3).rem_euclid(7) as usize];
    let month = MONTHS[(m as usize).saturating_sub(1) % 12];
    let y = u32::try_from(y).unwrap_or(0);
    format!("{weekday} {d} {month} {y}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_700_000_000_000;

    #[test]
    fn local_days_follow_the_time_zone() {
        // 2023-11-14 22:13:20 UTC.
        assert_eq!(format_day(local_day(NOW, 0)), "2023-11-14");
        // Two hours east it is already the 15th; five hours west, still the 14th.
        assert_eq!(format_day(local_day(NOW, 120)), "2023-11-15");
        assert_eq!(format_day(local_day(NOW, -300)), "2023-11-14");
        assert_eq!(format_day(0), "1970-01-01");
        assert_eq!(format_day(-1), "1969-12-31");
        assert_eq!(format_day(19_782), "2024-02-29");
    }

    #[test]
    fn a_day_starts_at_local_midnight() {
        let day = local_day(NOW, 120);
        let start = start_ms(day, 120);
        assert_eq!(local_day(start, 120), day);
        assert_eq!(local_day(start - 1, 120), day - 1);
        assert_eq!(start_ms(-5, 0), 0);
        // The clock's extremes give days, not overflows.
        assert_eq!(local_day(u64::MAX, 60), local_day(i64::MAX as u64, 0));
        assert_eq!(start_ms(i64::MAX, 0), i64::MAX as u64);
    }

    #[test]
    fn dates_parse_back_to_their_days() {
        for day in [-1, 0, 19_782, 20_527, 2_932_896] {
            assert_eq!(parse_day(&format_day(day)), Some(day), "{day}");
        }
        assert_eq!(parse_day(" 2026-03-15 "), Some(20_527));
        for bad in [
            "",
            "2026-3-15",
            "2026-03-15-01",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "15/03/2026",
            "+202-03-15",
            "2026-03-1x",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_date_holds_only_a_real_date_as_its_text() {
        let date = Date::parse(" 2026-03-15").unwrap();
        assert_eq!((date.as_str(), date.day()), ("2026-03-15", 20_527));
        assert_eq!(Date::of(20_527), date);
        assert_eq!(Date::parse("2026-02-29"), None);
        assert_eq!(serde_json::to_string(&date).unwrap(), r#""2026-03-15""#);
    }

    #[test]
    fn days_are_described_with_their_weekday() {
        assert_eq!(describe_day(0), "Thursday 1 January 1970");
        assert_eq!(describe_day(20_527), "Sunday 15 March 2026");
        assert_eq!(describe_day(19_782), "Thursday 29 February 2024");
    }
}
