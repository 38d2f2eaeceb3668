//! What it takes to be ready on the interview day: the Review mode's queue followed day by day
//! until the day before, every question answered well (rated Good, every key point covered),
//! through FSRS. It says how many questions a day that is, and how many questions it makes
//! ready. A forecast, not a promise: a question rated otherwise comes back sooner.

use super::event::Points;
use super::memory::{review, MemoryState};
use super::queue::{toward_in, QueueInput};
use super::ready::{readiness_of, Goal, Readiness};
use super::DAY_MS;
use crate::content::Question;
use crate::interview::Rating;
use crate::sorted::SortedMap;

/// Days the forecast looks ahead at most: a date further away is planned for its first year.
pub const MAX_DAYS: u32 = 365;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Readiness on the day if the reader practised no more.
    pub now: Readiness,
    /// Readiness on the day after following the plan.
    pub after: Readiness,
    /// Days practised: the days before the interview day, today included (at most `MAX_DAYS`).
    pub days: u32,
    /// Questions a day on average over those days, rounded up.
    pub per_day: usize,
    /// Today's queue: what is left of today's share.
    pub today: usize,
}

impl Plan {
    /// Every question ready on the day already, or today's share done: keeping to the plan
    /// gets the reader there.
    pub fn on_track(&self) -> bool {
        self.now.ready == self.now.questions || self.today == 0
    }
}

/// The plan from today (`input`'s day; `now_ms` within it) toward `goal`'s interview day, or
/// `None` without one ahead (none set, passed, or today).
pub fn plan(
    questions: &[Question],
    input: QueueInput<'_>,
    goal: &Goal,
    now_ms: u64,
) -> Option<Plan> {
    let interview = goal.interview.filter(|day| day.days_left > 0)?;
    let days = interview.days_left.min(MAX_DAYS);
    let mut memory: SortedMap<String, MemoryState> = input.memory.clone();
    let mut total = 0;
    let mut today = 0;
    for d in 0..u64::from(days) {
        let day_start_ms = input.day_start_ms + d * DAY_MS;
        let queue = toward_in(
            questions,
            QueueInput {
                memory: &memory,
                new_today: if d == 0 { input.new_today } else { 0 },
                day_start_ms,
                day_end_ms: day_start_ms + DAY_MS - 1,
                ..input
            },
            goal,
        );
        if d == 0 {
            today = queue.ids.len();
        }
        total += queue.ids.len();
        let at = if d == 0 {
            now_ms
        } else {
            day_start_ms + DAY_MS / 2
        };
        for id in queue.ids {
            let points = questions
                .iter()
                .find(|q| q.id == id)
                .and_then(|q| u8::try_from(q.key_points.len()).ok())
                .map(|n| Points(n, n));
            let next = review(memory.get(id), Rating::Good, points, at);
            memory.insert(id.to_string(), next);
        }
    }
    Some(Plan {
        now: readiness_of(questions, input.memory, goal),
        after: readiness_of(questions, &memory, goal),
        days,
        per_day: total.div_ceil(days.max(1) as usize),
        today,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::QUESTIONS;
    use crate::interview::Rating::*;
    use crate::review::day::parse_day;
    use crate::review::memory::replay;
    use crate::review::queue::DEFAULT_NEW_PER_DAY;
    use crate::review::ready::is_ready;

    /// Monday 2026-03-02 09:00 UTC; the reader is in UTC.
    const NOW: u64 = 1_772_442_000_000;
    const DAY_START: u64 = NOW - 9 * 3_600_000;

    fn goal(date: Option<&str>) -> Goal {
        Goal::new(date.and_then(parse_day), NOW, 0)
    }

    /// The plan from Monday morning, nothing started today.
    fn plan_for(memory: &SortedMap<String, MemoryState>, date: Option<&str>) -> Option<Plan> {
        let input = QueueInput {
            memory,
            new_today: 0,
            new_per_day: DEFAULT_NEW_PER_DAY,
            day_start_ms: DAY_START,
            day_end_ms: DAY_START + DAY_MS - 1,
        };
        plan(QUESTIONS, input, &goal(date), NOW)
    }

    fn all(points: u8) -> Points {
        Points(points, points)
    }

    /// Every question learnt over two months, last rated Good with every key point a week ago.
    fn learnt() -> SortedMap<String, MemoryState> {
        QUESTIONS
            .iter()
            .map(|q| {
                let n = q.key_points.len() as u8;
                let state = replay([60, 45, 25, 7].map(|d| (NOW - d * DAY_MS, Good, Some(all(n)))))
                    .unwrap();
                (q.id.to_string(), state)
            })
            .collect()
    }

    #[test]
    fn no_plan_without_an_interview_day_ahead() {
        let memory = SortedMap::new();
        for date in [None, Some("2026-03-01"), Some("2026-03-02")] {
            assert_eq!(plan_for(&memory, date), None, "{date:?}");
        }
    }

    #[test]
    fn from_nothing_the_plan_starts_every_question_and_makes_them_ready() {
        let memory = SortedMap::new();
        let plan = plan_for(&memory, Some("2026-03-09")).unwrap();
        let n = QUESTIONS.len();
        assert_eq!(plan.days, 7);
        assert_eq!(plan.now.ready, 0);
        assert_eq!(plan.after.ready, n, "{plan:?}");
        // Today: a seventh of them (or the reader's limit, if more), all new; later days add
        // reviews of the earlier ones.
        assert_eq!(plan.today, n.div_ceil(7).max(DEFAULT_NEW_PER_DAY));
        assert!(plan.per_day > plan.today && plan.per_day < n, "{plan:?}");
        assert!(!plan.on_track());
    }

    #[test]
    fn a_reader_ready_for_the_day_is_on_track() {
        let memory = learnt();
        let goal = goal(Some("2026-03-06"));
        assert!(memory.values().all(|s| is_ready(s, &goal)));
        let plan = plan_for(&memory, Some("2026-03-06")).unwrap();
        assert_eq!(plan.now.ready, QUESTIONS.len());
        assert_eq!(plan.after.ready, QUESTIONS.len());
        assert!(plan.on_track());
        // Nothing to do before Friday: FSRS brings none back before it.
        assert_eq!((plan.today, plan.per_day), (0, 0));
    }

    #[test]
    fn a_reader_who_did_todays_share_is_on_track() {
        let mut memory = learnt();
        // One question failed a week ago and since rated Good this morning.
        let q = &QUESTIONS[0];
        let n = q.key_points.len() as u8;
        let state = replay([
            (NOW - 60 * DAY_MS, Good, Some(all(n))),
            (NOW - 7 * DAY_MS, Again, Some(Points(0, n))),
            (NOW - 3_600_000, Good, Some(all(n))),
        ])
        .unwrap();
        memory.insert(q.id.to_string(), state);
        let plan = plan_for(&memory, Some("2026-03-13")).unwrap();
        assert!(plan.now.ready < QUESTIONS.len());
        assert_eq!(plan.today, 0);
        assert!(plan.on_track());
        assert_eq!(plan.after.ready, QUESTIONS.len());
        assert!(plan.per_day >= 1);
    }

    #[test]
    fn a_clock_set_back_counts_no_time_backwards() {
        // Every question learnt over weeks and last rated Good "tomorrow": the clock was set back
        // a day since. Recall from then to Friday is counted as from now: ready, nothing to do.
        let mut memory: SortedMap<String, MemoryState> = QUESTIONS
            .iter()
            .map(|q| {
                let n = q.key_points.len() as u8;
                let ratings = [60, 45, 25].map(|d| (NOW - d * DAY_MS, Good, Some(all(n))));
                let tomorrow = (NOW + DAY_MS, Good, Some(all(n)));
                let state = replay(ratings.into_iter().chain([tomorrow])).unwrap();
                (q.id.to_string(), state)
            })
            .collect();
        let plan = plan_for(&memory, Some("2026-03-06")).unwrap();
        assert_eq!(plan.now.ready, QUESTIONS.len());
        assert_eq!((plan.today, plan.per_day), (0, 0));
        assert!(plan.on_track());
        // One failed "tomorrow": not ready, and not brought back today (it was rated after
        // today began), but the plan brings it back before Friday.
        let q = &QUESTIONS[0];
        let n = q.key_points.len() as u8;
        let failed = replay([
            (NOW - 25 * DAY_MS, Good, Some(all(n))),
            (NOW + DAY_MS, Again, Some(Points(0, n))),
        ])
        .unwrap();
        memory.insert(q.id.to_string(), failed);
        let plan = plan_for(&memory, Some("2026-03-06")).unwrap();
        assert_eq!(plan.now.ready, QUESTIONS.len() - 1);
        assert_eq!(plan.today, 0);
        assert!(plan.per_day >= 1, "{plan:?}");
        assert_eq!(plan.after.ready, QUESTIONS.len(), "{plan:?}");
    }

    #[test]
    fn a_date_far_away_is_planned_for_a_year() {
        let memory = SortedMap::new();
        let plan = plan_for(&memory, Some("2031-01-01")).unwrap();
        assert_eq!(plan.days, MAX_DAYS);
        // New questions at the reader's limit: the first week starts all of them.
        assert_eq!(plan.today, DEFAULT_NEW_PER_DAY);
        assert!(plan.per_day >= 1 && plan.per_day < DEFAULT_NEW_PER_DAY);
    }
}
