//! The Review mode's queue: the questions due today, most overdue first, then new questions in
//! guide order up to what is left of the daily limit. The day's bounds come from the caller,
//! which knows the reader's time zone.

use super::memory::MemoryState;
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
    /// The end of the reader's local day, epoch ms: anything due by then is due today.
    pub day_end_ms: u64,
}

/// Question ids to review, in order, over the given questions (`QUESTIONS` in the app).
pub fn queue_in(questions: &[Question], input: QueueInput<'_>) -> Vec<&'static str> {
    let mut due: Vec<(u64, usize, &str)> = Vec::new();
    let mut new = Vec::new();
    for (index, question) in questions.iter().enumerate() {
        match input.memory.get(question.id) {
            Some(state) if state.due <= input.day_end_ms => {
                due.push((state.due, index, question.id))
            }
            Some(_) => {}
            None => new.push(question.id),
        }
    }
    // Most overdue first: earliest due; guide order (the order pushed) among equals.
    crate::sorting::by_key(&mut due, |&(at, _, _)| at);
    let room = input.new_per_day.saturating_sub(input.new_today);
    let mut ids: Vec<&'static str> = Vec::with_capacity(due.len() + room.min(new.len()));
    ids.extend(due.into_iter().map(|(_, index, _)| questions[index].id));
    ids.extend(new.into_iter().take(room));
    ids
}

/// The queue over the whole question bank.
pub fn queue(input: QueueInput<'_>) -> Vec<&'static str> {
    queue_in(QUESTIONS, input)
}

/// How many practised questions are due by `day_end_ms` (new questions not counted).
pub fn due_count_in(
    questions: &[Question],
    memory: &SortedMap<String, MemoryState>,
    day_end_ms: u64,
) -> usize {
    questions
        .iter()
        .filter_map(|q| memory.get(q.id))
        .filter(|state| state.due <= day_end_ms)
        .count()
}

pub fn due_count(memory: &SortedMap<String, MemoryState>, day_end_ms: u64) -> usize {
    due_count_in(QUESTIONS, memory, day_end_ms)
}

/// New questions introduced between `day_start_ms` and `day_end_ms`: those first rated today.
pub fn new_introduced(
    first_ratings: impl IntoIterator<Item = u64>,
    day_start_ms: u64,
    day_end_ms: u64,
) -> usize {
    first_ratings
        .into_iter()
        .filter(|at| (day_start_ms..=day_end_ms).contains(at))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::DAY_MS;

    const DAY_START: u64 = 1_700_006_400_000;
    const DAY_END: u64 = DAY_START + DAY_MS - 1;

    fn state(due: u64) -> MemoryState {
        MemoryState {
            stability: 3.0,
            difficulty: 5.0,
            last_review: due.saturating_sub(3 * DAY_MS),
            due,
            reps: 1,
            lapses: 0,
        }
    }

    fn input(memory: &SortedMap<String, MemoryState>, new_today: usize) -> QueueInput<'_> {
        QueueInput {
            memory,
            new_today,
            new_per_day: DEFAULT_NEW_PER_DAY,
            day_end_ms: DAY_END,
        }
    }

    #[test]
    fn nothing_practised_gives_the_first_new_questions_in_guide_order() {
        let memory = SortedMap::new();
        let ids = queue(input(&memory, 0));
        let expected: Vec<_> = QUESTIONS.iter().take(10).map(|q| q.id).collect();
        assert_eq!(ids, expected);
        assert_eq!(queue(input(&memory, 7)), expected[..3]);
        assert!(queue(input(&memory, 12)).is_empty());
        assert_eq!(due_count(&memory, DAY_END), 0);
    }

    #[test]
    fn due_questions_come_first_most_overdue_first_then_new_ones() {
        let q = |i: usize| QUESTIONS[i].id;
        let mut memory = SortedMap::new();
        memory.insert(q(5).to_string(), state(DAY_START + 3_600_000)); // due later today
        memory.insert(q(9).to_string(), state(DAY_START - 5 * DAY_MS)); // five days overdue
        memory.insert(q(2).to_string(), state(DAY_START - DAY_MS)); // a day overdue
        memory.insert(q(0).to_string(), state(DAY_END + 1)); // tomorrow
        memory.insert("a-question-no-longer-in-the-guide".into(), state(0));
        let ids = queue(QueueInput {
            new_per_day: 3,
            ..input(&memory, 1)
        });
        assert_eq!(ids, [q(9), q(2), q(5), q(1), q(3)]);
        assert_eq!(due_count(&memory, DAY_END), 3);
    }

    #[test]
    fn equal_due_times_keep_guide_order() {
        let q = |i: usize| QUESTIONS[i].id;
        let memory: SortedMap<_, _> = [q(4), q(1)]
            .into_iter()
            .map(|id| (id.to_string(), state(DAY_START)))
            .collect();
        let ids = queue(QueueInput {
            new_per_day: 0,
            ..input(&memory, 0)
        });
        assert_eq!(ids, [q(1), q(4)]);
    }

    #[test]
    fn new_introduced_counts_first_ratings_within_the_day() {
        let firsts = [
            DAY_START - 1,
            DAY_START,
            DAY_START + 5,
            DAY_END,
            DAY_END + 1,
        ];
        assert_eq!(new_introduced(firsts, DAY_START, DAY_END), 3);
    }
}
