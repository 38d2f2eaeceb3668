//! Statistics over the reader's practice, aggregated without the browser: readiness per guide
//! part and section, the practice calendar, interview scores over time, the weakest questions,
//! and how often the reader corrected the device's marking of key points.
//! The views draw them (SVG) and give each a table as its text alternative.

// Two orders here are by floats, which the app's sort (`crate::sorting`) does not take; only the
// statistics page's piece of the wasm holds this module, not the start page's (clippy.toml).
#![allow(clippy::disallowed_methods)]

use super::event::ReviewEvent;
use super::memory::{retrievability, MemoryState};
use super::DAY_MS;
use crate::content::{Guide, Question, GUIDES, QUESTIONS};
use crate::interview::{Interview, Rating};
use crate::sorted::SortedMap;

/// A question is ready when its predicted recall is at least this.
pub const READY_RECALL: f64 = 0.9;
/// Days the calendar covers, today included.
pub const CALENDAR_DAYS: usize = 365;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Readiness {
    pub questions: usize,
    /// Practised, with predicted recall at least `READY_RECALL`.
    pub ready: usize,
    pub never_practised: usize,
}

impl Readiness {
    /// Ready questions as a share of all (0.0 to 1.0; 0.0 when there are none).
    pub fn share(&self) -> f64 {
        if self.questions == 0 {
            0.0
        } else {
            self.ready as f64 / self.questions as f64
        }
    }

    /// The share in whole percent, rounded down so 100% means every question.
    pub fn percent(&self) -> u32 {
        (self.ready * 100).checked_div(self.questions).unwrap_or(0) as u32
    }

    fn add(&mut self, state: Option<&MemoryState>, now_ms: u64) {
        self.questions += 1;
        match state {
            None => self.never_practised += 1,
            Some(state) if retrievability(state, now_ms) >= READY_RECALL => self.ready += 1,
            Some(_) => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartReadiness {
    pub part: u8,
    pub overall: Readiness,
    /// In the guide's section order: the section's slug and its readiness.
    pub sections: Vec<(&'static str, Readiness)>,
}

/// Readiness of every guide part and section, in guide order.
pub fn readiness_in(
    guides: &[Guide],
    questions: &[Question],
    memory: &SortedMap<String, MemoryState>,
    now_ms: u64,
) -> Vec<PartReadiness> {
    guides
        .iter()
        .map(|guide| {
            let mut part = PartReadiness {
                part: guide.part,
                overall: Readiness::default(),
                sections: guide
                    .sections
                    .iter()
                    .map(|s| (s.slug, Readiness::default()))
                    .collect(),
            };
            for question in questions.iter().filter(|q| q.part == guide.part) {
                let state = memory.get(question.id);
                part.overall.add(state, now_ms);
                if let Some((_, section)) = part.sections.get_mut(question.section) {
                    section.add(state, now_ms);
                }
            }
            part
        })
        .collect()
}

pub fn readiness(memory: &SortedMap<String, MemoryState>, now_ms: u64) -> Vec<PartReadiness> {
    readiness_in(GUIDES, QUESTIONS, memory, now_ms)
}

/// The local day of an instant: days since 1970-01-01 in the reader's time zone.
pub fn local_day(epoch_ms: u64, utc_offset_minutes: i32) -> i64 {
    let local = epoch_ms as i128 + i128::from(utc_offset_minutes) * 60_000;
    local.div_euclid(i128::from(DAY_MS)) as i64
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

/// `2024-03-09`.
pub fn format_day(day: i64) -> String {
    let (y, m, d) = civil_date(day);
    format!("{y:04}-{m:02}-{d:02}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    /// Local day number (see `local_day`).
    pub day: i64,
    pub ratings: u32,
}

/// Ratings per local day for the last `CALENDAR_DAYS` days, oldest first, today last; days
/// without practice are there with 0, ratings outside the window are left out.
pub fn calendar(events: &[ReviewEvent], now_ms: u64, utc_offset_minutes: i32) -> Vec<CalendarDay> {
    let today = local_day(now_ms, utc_offset_minutes);
    let first = today - (CALENDAR_DAYS as i64 - 1);
    let mut days: Vec<CalendarDay> = (first..=today)
        .map(|day| CalendarDay { day, ratings: 0 })
        .collect();
    for event in events {
        let day = local_day(event.at, utc_offset_minutes);
        if (first..=today).contains(&day) {
            days[(day - first) as usize].ratings += 1;
        }
    }
    days
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScorePoint {
    pub completed_ms: u64,
    /// 0 to 100.
    pub percent: f64,
}

/// Interview scores `(completed epoch ms, score percent)` in time order, each clamped to 0–100;
/// scores that are not numbers are left out.
pub fn scores_over_time(scores: &[(u64, f64)]) -> Vec<ScorePoint> {
    let mut points: Vec<ScorePoint> = scores
        .iter()
        .filter(|(_, p)| p.is_finite())
        .map(|&(completed_ms, p)| ScorePoint {
            completed_ms,
            percent: p.clamp(0.0, 100.0),
        })
        .collect();
    points.sort_by(|a, b| {
        (a.completed_ms, a.percent)
            .partial_cmp(&(b.completed_ms, b.percent))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    points
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeakQuestion {
    pub id: &'static str,
    pub retrievability: f64,
    /// How many times it was rated Again.
    pub again: u32,
}

/// The `limit` weakest practised questions still in the bank: lowest predicted recall first,
/// then most Again ratings, then guide order.
pub fn weakest_in(
    questions: &[Question],
    memory: &SortedMap<String, MemoryState>,
    events: &[ReviewEvent],
    now_ms: u64,
    limit: usize,
) -> Vec<WeakQuestion> {
    let mut again: SortedMap<&str, u32> = SortedMap::new();
    for event in events.iter().filter(|e| e.rating == Rating::Again) {
        *again.entry(event.question.as_str()).or_default() += 1;
    }
    let mut weak: Vec<(usize, WeakQuestion)> = questions
        .iter()
        .enumerate()
        .filter_map(|(index, q)| {
            let state = memory.get(q.id)?;
            Some((
                index,
                WeakQuestion {
                    id: q.id,
                    retrievability: retrievability(state, now_ms),
                    again: again.get(q.id).copied().unwrap_or(0),
                },
            ))
        })
        .collect();
    weak.sort_by(|(ia, a), (ib, b)| {
        a.retrievability
            .total_cmp(&b.retrievability)
            .then(b.again.cmp(&a.again))
            .then(ia.cmp(ib))
    });
    weak.into_iter().take(limit).map(|(_, w)| w).collect()
}

pub fn weakest(
    memory: &SortedMap<String, MemoryState>,
    events: &[ReviewEvent],
    now_ms: u64,
    limit: usize,
) -> Vec<WeakQuestion> {
    weakest_in(QUESTIONS, memory, events, now_ms, limit)
}

/// Key-point marks the device made on typed answers, and how many of them the reader changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Corrections {
    pub checked: usize,
    pub changed: usize,
}

impl Corrections {
    pub fn percent(&self) -> f64 {
        if self.checked == 0 {
            return 0.0;
        }
        100.0 * self.changed as f64 / self.checked as f64
    }
}

pub fn corrections<'a>(interviews: impl IntoIterator<Item = &'a Interview>) -> Corrections {
    interviews.into_iter().map(Interview::corrections).fold(
        Corrections::default(),
        |total, (checked, changed)| Corrections {
            checked: total.checked.saturating_add(checked),
            changed: total.changed.saturating_add(changed),
        },
    )
}

/// Pace and fillers of one interview's recorded answers, pooled over their speaking time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeliveryPoint {
    pub completed_ms: u64,
    /// Recorded answers it pools.
    pub answers: usize,
    pub words_per_minute: u32,
    pub fillers_per_minute: f64,
}

/// Words per minute and filler words per minute of each completed interview with recorded
/// answers, in time order: every recorded answer's words and fillers over their speaking time
/// together. Interviews with less than ten seconds of speech are left out (no pace to judge).
pub fn delivery_over_time<'a>(
    interviews: impl IntoIterator<Item = &'a Interview>,
) -> Vec<DeliveryPoint> {
    let mut points: Vec<DeliveryPoint> = interviews
        .into_iter()
        .filter_map(|i| {
            let completed_ms = i.completed_at?;
            let (answers, words, fillers, ms) = i
                .attempts
                .iter()
                .filter_map(|a| a.delivery())
                .fold((0usize, 0usize, 0usize, 0u64), |(n, w, f, ms), d| {
                    (
                        n + 1,
                        w.saturating_add(d.words),
                        f.saturating_add(d.fillers.total()),
                        ms.saturating_add(d.speaking_ms),
                    )
                });
            (ms >= 10_000 && words > 0).then(|| {
                let minutes = ms as f64 / 60_000.0;
                DeliveryPoint {
                    completed_ms,
                    answers,
                    words_per_minute: (words as f64 / minutes).round() as u32,
                    fillers_per_minute: (fillers as f64 / minutes * 10.0).round() / 10.0,
                }
            })
        })
        .collect();
    crate::sorting::by_key(&mut points, |p| p.completed_ms);
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::memory::review;

    const NOW: u64 = 1_700_000_000_000;

    fn practised(at: u64, stability: f32) -> MemoryState {
        MemoryState {
            stability,
            difficulty: 5.0,
            last_review: at,
            due: at + DAY_MS,
            reps: 1,
            lapses: 0,
        }
    }

    #[test]
    fn readiness_counts_ready_and_never_practised_per_part_and_section() {
        let part1: Vec<_> = QUESTIONS.iter().filter(|q| q.part == 1).collect();
        let (a, b, c) = (part1[0], part1[1], part1[2]);
        let mut memory = SortedMap::new();
        // Just reviewed: recall 1.0.
        memory.insert(a.id.to_string(), practised(NOW, 1.0));
        // Reviewed 10 stability-lengths ago: recall far below 90%.
        memory.insert(b.id.to_string(), practised(NOW - 10 * DAY_MS, 1.0));
        // Half a stability ago: above 90%.
        memory.insert(c.id.to_string(), practised(NOW - DAY_MS, 2.0));
        memory.insert("gone".into(), practised(NOW, 1.0));

        let parts = readiness(&memory, NOW);
        assert_eq!(parts.iter().map(|p| p.part).collect::<Vec<_>>(), [1, 2, 3]);
        let p1 = &parts[0];
        assert_eq!(p1.overall.questions, part1.len());
        assert_eq!(p1.overall.ready, 2);
        assert_eq!(p1.overall.never_practised, part1.len() - 3);
        let sum: usize = p1.sections.iter().map(|(_, r)| r.questions).sum();
        assert_eq!(sum, part1.len());
        let (slug, section) = p1.sections[a.section];
        assert_eq!(slug, a.section().slug);
        assert!(section.ready >= 1);
        for other in &parts[1..] {
            assert_eq!(other.overall.ready, 0);
            assert_eq!(other.overall.never_practised, other.overall.questions);
            assert_eq!(other.overall.percent(), 0);
        }
        let total: usize = parts.iter().map(|p| p.overall.questions).sum();
        assert_eq!(total, QUESTIONS.len());
    }

    #[test]
    fn readiness_share_and_percent() {
        let r = Readiness {
            questions: 3,
            ready: 2,
            never_practised: 1,
        };
        assert!((r.share() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.percent(), 66);
        assert_eq!(Readiness::default().share(), 0.0);
    }

    #[test]
    fn calendar_counts_ratings_per_local_day() {
        // 2023-11-14 22:13:20 UTC.
        assert_eq!(format_day(local_day(NOW, 0)), "2023-11-14");
        // Two hours east it is already the 15th; five hours west, still the 14th.
        assert_eq!(format_day(local_day(NOW, 120)), "2023-11-15");
        assert_eq!(format_day(local_day(NOW, -300)), "2023-11-14");
        assert_eq!(format_day(0), "1970-01-01");
        assert_eq!(format_day(-1), "1969-12-31");
        assert_eq!(format_day(19_782), "2024-02-29");

        let q = "dba-raid";
        let events = [
            ReviewEvent::new(NOW, q, Rating::Good),
            ReviewEvent::new(NOW - 3_600_000, q, Rating::Again),
            ReviewEvent::new(NOW - DAY_MS, q, Rating::Hard),
            ReviewEvent::new(NOW - 364 * DAY_MS, q, Rating::Easy),
            ReviewEvent::new(NOW - 365 * DAY_MS, q, Rating::Easy),
            ReviewEvent::new(NOW + DAY_MS, q, Rating::Easy),
        ];
        let days = calendar(&events, NOW, 0);
        assert_eq!(days.len(), CALENDAR_DAYS);
        assert_eq!(days.last().unwrap().day, local_day(NOW, 0));
        assert_eq!(days[364].ratings, 2);
        assert_eq!(days[363].ratings, 1);
        assert_eq!(days[0].ratings, 1);
        assert_eq!(days.iter().map(|d| d.ratings).sum::<u32>(), 4);
        // Two hours east it is 00:13 on the 15th: the rating an hour ago was yesterday.
        let east = calendar(&events, NOW, 120);
        assert_eq!(east[364].ratings, 1);
        assert_eq!(east[363].ratings, 2);
    }

    #[test]
    fn scores_are_sorted_and_clamped() {
        let points = scores_over_time(&[(30, 80.0), (10, 120.0), (20, f64::NAN), (20, -5.0)]);
        let pairs: Vec<_> = points.iter().map(|p| (p.completed_ms, p.percent)).collect();
        assert_eq!(pairs, [(10, 100.0), (20, 0.0), (30, 80.0)]);
    }

    #[test]
    fn weakest_orders_by_recall_then_again_ratings() {
        let q = |i: usize| QUESTIONS[i].id;
        let mut memory = SortedMap::new();
        memory.insert(q(0).to_string(), practised(NOW, 1.0)); // recall 1.0
        memory.insert(q(1).to_string(), practised(NOW - 5 * DAY_MS, 1.0)); // lowest
        memory.insert(q(2).to_string(), practised(NOW, 1.0)); // recall 1.0, two Agains
        memory.insert(
            q(3).to_string(),
            review(None, Rating::Good, NOW - 2 * DAY_MS),
        );
        let events = [
            ReviewEvent::new(NOW - 10, q(2), Rating::Again),
            ReviewEvent::new(NOW - 5, q(2), Rating::Again),
            ReviewEvent::new(NOW - 5, q(0), Rating::Good),
        ];
        let weak = weakest(&memory, &events, NOW, 3);
        let ids: Vec<_> = weak.iter().map(|w| w.id).collect();
        assert_eq!(ids, [q(1), q(3), q(2)]);
        assert_eq!(weak[2].again, 2);
        assert!(weak[0].retrievability < weak[1].retrievability);
        assert_eq!(weakest(&memory, &events, NOW, 10).len(), 4);
    }

    #[test]
    fn delivery_over_time_pools_each_interviews_recorded_answers() {
        use crate::interview::delivery::Audio;
        use crate::interview::{AnswerMode, Setup};
        let setup = Setup {
            mode: AnswerMode::Speak,
            ..Setup::default()
        };
        let spoken = |id: &str, start: u64, words: usize, fillers: &str| {
            let mut i = Interview::new(id.into(), setup.clone(), &["dba-raid", "ops-cdn"], start);
            i.set_transcript(0, &format!("{fillers} {}", "word ".repeat(words)));
            i.recorded(
                0,
                Audio {
                    duration_ms: 30_000,
                    ..Audio::default()
                },
            );
            i.done(start + 30_000);
            i.rate(crate::interview::Rating::Good, start + 31_000);
            i.next(start + 31_000);
            i.recorded(
                1,
                Audio {
                    duration_ms: 30_000,
                    ..Audio::default()
                },
            );
            i.done(start + 60_000);
            i.rate(crate::interview::Rating::Good, start + 61_000);
            i.next(start + 61_000);
            i
        };
        let later = spoken("b", NOW, 120, "");
        let earlier = spoken("a", NOW - 86_400_000, 148, "Um, uh,");
        let typed = Interview::new("c".into(), Setup::default(), &["dba-raid"], NOW);
        let points = delivery_over_time([&later, &typed, &earlier]);
        assert_eq!(points.len(), 2);
        // 150 words (two of them fillers) over a minute of two answers, one silent.
        assert_eq!(points[0].completed_ms, NOW - 86_400_000 + 61_000);
        assert_eq!((points[0].answers, points[0].words_per_minute), (2, 150));
        assert_eq!(points[0].fillers_per_minute, 2.0);
        assert_eq!(
            (points[1].words_per_minute, points[1].fillers_per_minute),
            (120, 0.0)
        );
    }
}
