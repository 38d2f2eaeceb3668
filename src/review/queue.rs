//! The Review mode's queue: the questions due today, then new questions in guide order up to
//! what is left of the daily limit. The day's bounds come from the caller, which knows the
//! reader's time zone.
//!
//! With an interview day ahead, the queue schedules toward it: a practised question that is
//! not ready for the day (`ready::is_ready`) and that FSRS would bring back only on the day or
//! after it comes today instead (once a day at most), the questions are taken lowest predicted
//! recall on the day first, and enough new questions are offered each day to start every one
//! before the day (`new_pace`).

use super::memory::MemoryState;
use super::ready::{self, Goal, InterviewDay};
use crate::content::{Question, QUESTIONS};
use crate::sorted::SortedMap;

/// New questions introduced per day unless the reader changes it.
pub const DEFAULT_NEW_PER_DAY: usize = 10;

/// What the queue is built from.
#[derive(Debug, Clone, Copy)]
pub struct QueueInput<'a> {
    pub memory: &'a SortedMap<String, MemoryState>,
    /// New questions already introduced today.
    pub new_today: usize,
    pub new_per_day: usize,
    /// The start of the reader's local day, epoch ms.
    pub day_start_ms: u64,
    /// The end of the reader's local day, epoch ms: anything due by then is due today.
    pub day_end_ms: u64,
}

/// Today's questions, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    /// Practised questions first, then the new ones.
    pub ids: Vec<&'static str>,
    /// How many of them are new.
    pub new: usize,
}

impl Queue {
    /// Practised questions due today.
    pub fn due(&self) -> usize {
        self.ids.len() - self.new
    }
}

/// New questions a day that start every question not yet practised before the interview day
/// (0 on the day itself).
pub fn new_pace(unstarted: usize, interview: InterviewDay) -> usize {
    unstarted.div_ceil(interview.days_left.max(1) as usize) * usize::from(interview.days_left > 0)
}

/// Today's queue over the given questions (`QUESTIONS` in the app), without an interview day:
/// the questions FSRS says are due, most overdue first.
pub fn queue_in(questions: &[Question], input: QueueInput<'_>) -> Queue {
    assemble(
        questions,
        input,
        |state| (state.due <= input.day_end_ms).then_some(state.due),
        |_| 0,
    )
}

/// Today's queue toward `goal`'s interview day (`queue_in`'s without one): also the practised
/// questions not ready for the day that FSRS would bring back only on it or after (not one
/// rated today), lowest predicted recall on the day first, and new ones at `new_pace`.
pub fn toward_in(questions: &[Question], input: QueueInput<'_>, goal: &Goal) -> Queue {
    let Some(day) = goal.interview else {
        return queue_in(questions, input);
    };
    let due = |state: &MemoryState| {
        let late = state.due >= day.start_ms
            && state.last_review < input.day_start_ms
            && !ready::is_ready(state, goal);
        // Recall is at most 1: in millionths, to sort by.
        (state.due <= input.day_end_ms || late).then(|| (ready::recall(state, goal) * 1e6) as u64)
    };
    assemble(questions, input, due, |unstarted| new_pace(unstarted, day))
}

/// The practised questions `due` keeps, by the key it gives (guide order among equals), then
/// new ones up to the reader's daily limit or `pace` of the questions not started this
/// morning, whichever is more. Generic, so the start page's piece of the wasm has only
/// `queue_in`'s.
fn assemble(
    questions: &[Question],
    input: QueueInput<'_>,
    due: impl Fn(&MemoryState) -> Option<u64>,
    pace: impl Fn(usize) -> usize,
) -> Queue {
    let mut practised: Vec<(u64, usize)> = Vec::new();
    let mut new = Vec::new();
    for (index, question) in questions.iter().enumerate() {
        match input.memory.get(question.id) {
            Some(state) => {
                if let Some(order) = due(state) {
                    practised.push((order, index));
                }
            }
            None => new.push(question.id),
        }
    }
    crate::sorting::by_key(&mut practised, |&(order, _)| order);
    let per_day = input.new_per_day.max(pace(new.len() + input.new_today));
    let room = per_day.saturating_sub(input.new_today).min(new.len());
    let mut ids: Vec<&'static str> = Vec::with_capacity(practised.len() + room);
    ids.extend(practised.into_iter().map(|(_, index)| questions[index].id));
    ids.extend(new.into_iter().take(room));
    Queue { ids, new: room }
}

/// The queue over the whole question bank.
pub fn queue(input: QueueInput<'_>) -> Queue {
    queue_in(QUESTIONS, input)
}

/// The queue over the whole question bank toward the interview day.
pub fn toward(input: QueueInput<'_>, goal: &Goal) -> Queue {
    toward_in(QUESTIONS, input, goal)
}

/// New questions introduced today: those first rated since `day_start_ms` (a first rating
/// later than today, under a clock set back, counts as today's).
pub fn new_introduced(first_ratings: impl IntoIterator<Item = u64>, day_start_ms: u64) -> usize {
    first_ratings
        .into_iter()
        .filter(|at| *at >= day_start_ms)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Rating::{self, *};
    use crate::review::day::parse_day;
    use crate::review::event::Points;
    use crate::review::memory::{replay, Rated};
    use crate::review::DAY_MS;

    /// Monday 2026-03-02 09:00 UTC; the reader is in UTC.
    const NOW: u64 = 1_772_442_000_000;
    const DAY_START: u64 = NOW - 9 * 3_600_000;
    const DAY_END: u64 = DAY_START + DAY_MS - 1;

    fn q(i: usize) -> &'static str {
        QUESTIONS[i].id
    }

    fn state(due: u64) -> MemoryState {
        MemoryState {
            stability: 3.0,
            difficulty: 5.0,
            last_review: due.saturating_sub(3 * DAY_MS),
            due,
            reps: 1,
            lapses: 0,
            ..MemoryState::default()
        }
    }

    fn rated(ratings: &[(u64, Rating, u8)]) -> MemoryState {
        replay(
            ratings
                .iter()
                .map(|&(at, r, covered)| -> Rated { (at, r, Some(Points(covered, 5))) }),
        )
        .unwrap()
    }

    fn input(memory: &SortedMap<String, MemoryState>, new_today: usize) -> QueueInput<'_> {
        QueueInput {
            memory,
            new_today,
            new_per_day: DEFAULT_NEW_PER_DAY,
            day_start_ms: DAY_START,
            day_end_ms: DAY_END,
        }
    }

    /// The practised questions of a queue (toward a date, new ones come at its pace).
    fn due(queue: &Queue) -> &[&'static str] {
        &queue.ids[..queue.due()]
    }

    fn toward(input: QueueInput<'_>, date: &str) -> Queue {
        super::toward(input, &Goal::new(parse_day(date), NOW, 0))
    }

    #[test]
    fn nothing_practised_gives_the_first_new_questions_in_guide_order() {
        let memory = SortedMap::new();
        let queue = queue(input(&memory, 0));
        let expected: Vec<_> = QUESTIONS.iter().take(10).map(|q| q.id).collect();
        assert_eq!(queue.ids, expected);
        assert_eq!((queue.new, queue.due()), (10, 0));
        assert_eq!(super::queue(input(&memory, 7)).ids, expected[..3]);
        assert!(super::queue(input(&memory, 12)).ids.is_empty());
    }

    #[test]
    fn due_questions_come_first_most_overdue_first_then_new_ones() {
        let mut memory = SortedMap::new();
        memory.insert(q(5).to_string(), state(DAY_START + 3_600_000)); // due later today
        memory.insert(q(9).to_string(), state(DAY_START - 5 * DAY_MS)); // five days overdue
        memory.insert(q(2).to_string(), state(DAY_START - DAY_MS)); // a day overdue
        memory.insert(q(0).to_string(), state(DAY_END + 1)); // tomorrow
        memory.insert("a-question-no-longer-in-the-guide".into(), state(0));
        let queue = queue(QueueInput {
            new_per_day: 3,
            ..input(&memory, 1)
        });
        assert_eq!(queue.ids, [q(9), q(2), q(5), q(1), q(3)]);
        assert_eq!((queue.due(), queue.new), (3, 2));
    }

    #[test]
    fn equal_due_times_keep_guide_order() {
        let memory: SortedMap<_, _> = [q(4), q(1)]
            .into_iter()
            .map(|id| (id.to_string(), state(DAY_START)))
            .collect();
        let ids = queue(QueueInput {
            new_per_day: 0,
            ..input(&memory, 0)
        })
        .ids;
        assert_eq!(ids, [q(1), q(4)]);
    }

    #[test]
    fn new_introduced_counts_first_ratings_from_the_start_of_today() {
        let firsts = [
            DAY_START - 1,
            DAY_START,
            DAY_START + 5,
            DAY_END,
            DAY_END + 1,
        ];
        // The last is "tomorrow" by a clock set back: today's too.
        assert_eq!(new_introduced(firsts, DAY_START), 4);
    }

    /// Hard after a long run of Good: FSRS brings it back weeks later, after an interview on
    /// Friday.
    fn hard_with_a_long_interval() -> MemoryState {
        rated(&[
            (NOW - 60 * DAY_MS, Good, 5),
            (NOW - 50 * DAY_MS, Good, 5),
            (NOW - 30 * DAY_MS, Good, 5),
            (NOW - 2 * DAY_MS, Hard, 2),
        ])
    }

    #[test]
    fn an_interview_ahead_brings_back_today_what_fsrs_would_bring_back_too_late() {
        let hard = hard_with_a_long_interval();
        assert!(
            hard.due > DAY_START + 5 * DAY_MS,
            "{}",
            (hard.due - NOW) / DAY_MS
        );
        // Ready for Friday: rated Good with 5 of 5 a week ago, due after Friday.
        let ready = rated(&[
            (NOW - 60 * DAY_MS, Good, 5),
            (NOW - 40 * DAY_MS, Good, 5),
            (NOW - 7 * DAY_MS, Good, 5),
        ]);
        assert!(ready.due > DAY_START + 5 * DAY_MS);
        let mut memory = SortedMap::new();
        memory.insert(q(3).to_string(), hard);
        memory.insert(q(4).to_string(), ready);
        let plain = queue(QueueInput {
            new_per_day: 0,
            ..input(&memory, 0)
        });
        assert!(plain.ids.is_empty());
        let friday = toward(
            QueueInput {
                new_per_day: 0,
                ..input(&memory, 0)
            },
            "2026-03-06",
        );
        assert_eq!(due(&friday), [q(3)]);
        // After the interview, or with it far enough for FSRS to bring it back before: no.
        let far = toward(
            QueueInput {
                new_per_day: 0,
                ..input(&memory, 0)
            },
            "2026-12-01",
        );
        assert!(due(&far).is_empty());
        let passed = toward(input(&memory, 0), "2026-03-01");
        assert_eq!(passed, queue(input(&memory, 0)));
    }

    #[test]
    fn a_question_rated_today_is_not_brought_back_again_today() {
        // Rated Hard this morning after a long run: not ready, FSRS says weeks.
        let mut ratings = vec![
            (NOW - 60 * DAY_MS, Good, 5),
            (NOW - 50 * DAY_MS, Good, 5),
            (NOW - 30 * DAY_MS, Good, 5),
        ];
        ratings.push((NOW - 3_600_000, Hard, 1));
        let mut memory = SortedMap::new();
        memory.insert(q(3).to_string(), rated(&ratings));
        let base = QueueInput {
            new_per_day: 0,
            ..input(&memory, 0)
        };
        assert!(due(&toward(base, "2026-03-06")).is_empty());
        // A clock set back: rated "tomorrow", still not today's again.
        let mut memory = SortedMap::new();
        ratings.pop();
        ratings.push((NOW + DAY_MS, Hard, 1));
        memory.insert(q(3).to_string(), rated(&ratings));
        let base = QueueInput {
            memory: &memory,
            ..base
        };
        assert!(due(&toward(base, "2026-03-06")).is_empty());
        // Failed at first sight this morning: FSRS brings it back within hours, with or without
        // a date.
        let mut memory = SortedMap::new();
        memory.insert(q(3).to_string(), rated(&[(NOW - 6 * 3_600_000, Again, 0)]));
        let base = QueueInput {
            memory: &memory,
            ..base
        };
        assert_eq!(queue(base).ids, [q(3)]);
        assert_eq!(due(&toward(base, "2026-03-06")), [q(3)]);
    }

    #[test]
    fn toward_a_date_the_lowest_recall_on_the_day_comes_first() {
        let mut memory = SortedMap::new();
        // Two days overdue, but learnt for longer: higher recall on Friday.
        let strong = MemoryState {
            stability: 10.0,
            last_review: NOW - 12 * DAY_MS,
            due: NOW - 2 * DAY_MS,
            last_rating: Some(Good),
            ..MemoryState::default()
        };
        // A day overdue, barely learnt: lower recall on Friday.
        let weak = rated(&[(NOW - 3 * DAY_MS, Good, 4)]);
        assert!(strong.due < weak.due);
        assert!(weak.due <= DAY_END);
        let friday = Goal::new(parse_day("2026-03-06"), NOW, 0);
        assert!(ready::recall(&strong, &friday) > ready::recall(&weak, &friday));
        memory.insert(q(0).to_string(), strong);
        memory.insert(q(1).to_string(), weak);
        let base = QueueInput {
            new_per_day: 0,
            ..input(&memory, 0)
        };
        assert_eq!(queue(base).ids, [q(0), q(1)]);
        assert_eq!(due(&toward(base, "2026-03-06")), [q(1), q(0)]);
    }

    #[test]
    fn toward_a_date_enough_new_questions_come_to_start_all_of_them_before_it() {
        let memory = SortedMap::new();
        let n = QUESTIONS.len();
        // Four days before Friday: a quarter a day, rounded up.
        let friday = toward(input(&memory, 0), "2026-03-06");
        assert_eq!(friday.new, n.div_ceil(4));
        // Having started 6 today, the rest of today's share.
        let started: SortedMap<_, _> = (0..6)
            .map(|i| (q(i).to_string(), rated(&[(NOW - 60_000, Good, 5)])))
            .collect();
        let later = toward(input(&started, 6), "2026-03-06");
        assert_eq!(later.new, n.div_ceil(4) - 6);
        // Far away: the reader's own limit is more.
        assert_eq!(toward(input(&memory, 0), "2026-12-01").new, 10);
        // Tomorrow: all of them today. On the day itself: the reader's limit.
        assert_eq!(toward(input(&memory, 0), "2026-03-03").new, n);
        assert_eq!(toward(input(&memory, 0), "2026-03-02").new, 10);
        let friday = Goal::new(parse_day("2026-03-06"), NOW, 0)
            .interview
            .unwrap();
        assert_eq!(new_pace(63, friday), 16);
        let today = Goal::new(parse_day("2026-03-02"), NOW, 0)
            .interview
            .unwrap();
        assert_eq!(new_pace(63, today), 0);
    }
}
