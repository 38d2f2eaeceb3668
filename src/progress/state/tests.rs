//! The progress rules, natively: tabs sharing one storage with the browser's storage events
//! between them, a full quota, blocked storage, hostile records, import, compaction, deletion
//! and checkpoints. Each test checks what a tab holds and what the storage holds.

use super::*;
use crate::interview::{Ending, Phase, Summary};
use crate::storage::{decode, encode, MemoryBackend};
use std::rc::Rc;

const T0: Millis = 1_764_133_200_000;
const SECOND: Millis = 1_000;
const HOUR: Millis = 3_600_000;
const A: usize = 0;
const B: usize = 1;

type Shared = Rc<MemoryBackend>;
type Tab = ProgressState<Shared>;

/// An interview as schema 2 stores it: question 2 of 2 unanswered, its clock paused.
const INTERVIEW: &str = include_str!("../../interview/fixtures/interview-schema-2.json");
const INTERVIEW_ID: &str = "19b0f1a2c3d-5e6f";
/// A note saved by a newer version of the app (schema 99).
const NEWER_NOTE: &str = include_str!("../../storage/fixtures/note-v99.json");

fn open_tab(storage: &Shared, now: Millis) -> Tab {
    ProgressState::load(storage.clone(), Found::Usable, None, true, now)
}

/// Every key and value stored.
fn stored_all(storage: &MemoryBackend) -> SortedMap<String, String> {
    storage
        .keys()
        .unwrap()
        .into_iter()
        .map(|key| {
            let value = storage.get(&key).unwrap().unwrap_or_default();
            (key, value)
        })
        .collect()
}

fn stored<R: Record>(storage: &MemoryBackend, id: &str) -> Option<R> {
    decode(&storage.get(&record_key::<R>(id)).unwrap()?).ok()
}

fn put<R: Record>(storage: &MemoryBackend, id: &str, record: &R) {
    storage.set(&record_key::<R>(id), &encode(record)).unwrap();
}

/// Tabs of one browser on one storage. As in the browser, a tab's writes reach every other
/// tab as storage events (never the writer itself), including writes those events cause.
struct Browser {
    storage: Shared,
    tabs: Vec<Tab>,
}

impl Browser {
    fn with_tabs(count: usize, now: Millis) -> Self {
        Self::on(Shared::default(), count, now)
    }

    fn on(storage: Shared, count: usize, now: Millis) -> Self {
        let tabs = (0..count).map(|_| open_tab(&storage, now)).collect();
        Browser { storage, tabs }
    }

    /// Runs `f` in tab `i`, then delivers the storage events it caused.
    fn act<T>(&mut self, i: usize, f: impl FnOnce(&mut Tab) -> T) -> T {
        let before = stored_all(&self.storage);
        let out = f(&mut self.tabs[i]);
        self.deliver(i, &before);
        out
    }

    /// The events for what tab `writer` changed since `before`.
    fn deliver(&mut self, writer: usize, before: &SortedMap<String, String>) {
        let after = stored_all(&self.storage);
        let changed: Vec<String> = before
            .keys()
            .chain(after.keys())
            .filter(|key| before.get(*key) != after.get(*key))
            .cloned()
            .collect::<SortedSet<_>>()
            .into_iter()
            .collect();
        if changed.is_empty() {
            return;
        }
        for reader in (0..self.tabs.len()).filter(|r| *r != writer) {
            let before = stored_all(&self.storage);
            for key in &changed {
                self.tabs[reader].reload_from_storage(key);
            }
            self.deliver(reader, &before);
        }
    }
}

/// A one-question interview, answered, rated Good and completed at `at + 3 s`.
fn completed(id: &str, at: Millis, answer: &str) -> Interview {
    let setup = Setup {
        count: 1,
        ..Setup::default()
    };
    let mut i = Interview::new(id.into(), setup, &["dba-raid"], at);
    i.type_answer(answer, at + SECOND);
    i.done(at + 2 * SECOND);
    i.rate(Rating::Good, at + 3 * SECOND);
    i.next(at + 3 * SECOND);
    i
}

fn start(tab: &mut Tab, id: &str, now: Millis) {
    tab.start(id.into(), Setup::default(), &["dba-raid", "ops-cdn"], now);
}

fn answer_of(interview: Option<&Interview>) -> String {
    interview
        .and_then(|i| i.attempt())
        .map(|a| a.answer.clone())
        .unwrap_or_default()
}

// Starting.

#[test]
fn a_new_interview_runs_from_its_start_and_was_never_paused() {
    let storage = Shared::default();
    let mut tab = open_tab(&storage, T0);
    start(&mut tab, "new", T0);
    let running = tab.active().expect("the tab's interview");
    assert!(
        !running.paused_while_away,
        "nothing paused a clock just started"
    );
    let allowed = Millis::from(Setup::default().seconds_per_question) * SECOND;
    let attempt = running.attempt().unwrap();
    assert!(attempt.clock.running());
    assert_eq!(attempt.remaining_ms(T0 + 5 * SECOND), allowed - 5 * SECOND);
    // As saved: a reload right away finds it as it was, running since the start.
    let saved: Interview = stored(&storage, "new").unwrap();
    assert!(!saved.paused_while_away);
    assert!(saved.attempt().unwrap().clock.running());
}

// Two tabs on one storage.

#[test]
fn two_tabs_share_notes_newest_first_and_lose_no_typed_text() {
    let mut browser = Browser::with_tabs(2, T0);
    // Each tab types a note on its own question: both are kept, in both tabs.
    browser.act(A, |a| {
        a.set_note("dba-raid", "RAID 10", T0 + SECOND);
        a.flush();
    });
    browser.act(B, |b| {
        b.set_note("ops-cdn", "edge caches", T0 + 2 * SECOND);
        b.flush();
    });
    for tab in &browser.tabs {
        assert_eq!(tab.note("dba-raid"), "RAID 10");
        assert_eq!(tab.note("ops-cdn"), "edge caches");
    }
    // B edits A's note later: the newer text wins in both tabs and in storage.
    browser.act(B, |b| {
        b.set_note("dba-raid", "RAID 10, never 5", T0 + 3 * SECOND);
        b.flush();
    });
    assert_eq!(browser.tabs[A].note("dba-raid"), "RAID 10, never 5");
    // A reload reads what both tabs show.
    let reloaded = open_tab(&browser.storage, T0 + 4 * SECOND);
    assert_eq!(reloaded.note("dba-raid"), "RAID 10, never 5");
    assert_eq!(reloaded.note("ops-cdn"), "edge caches");
}

#[test]
fn an_older_note_from_another_tab_never_replaces_one_typed_here() {
    let mut browser = Browser::with_tabs(2, T0);
    browser.tabs[B].set_note("dba-raid", "typed in B", T0 + SECOND);
    // A types later; its save waits for the typing to pause...
    browser.tabs[A].set_note("dba-raid", "typed in A, later", T0 + 2 * SECOND);
    // ...when B's older note is saved and its event reaches A.
    browser.act(B, |b| b.flush());
    assert_eq!(browser.tabs[A].note("dba-raid"), "typed in A, later");
    browser.act(A, |a| a.flush());
    assert_eq!(
        stored::<Note>(&browser.storage, "dba-raid").unwrap().text,
        "typed in A, later"
    );
    assert_eq!(browser.tabs[B].note("dba-raid"), "typed in A, later");
}

#[test]
fn a_pending_note_never_overwrites_a_newer_one_whose_event_is_still_on_its_way() {
    let mut browser = Browser::with_tabs(2, T0);
    browser.tabs[A].set_note("dba-raid", "older, typed in A", T0 + SECOND);
    // B saves a newer note; A saves before B's event arrives.
    let before = stored_all(&browser.storage);
    browser.tabs[B].set_note("dba-raid", "newer, typed in B", T0 + 2 * SECOND);
    browser.tabs[B].flush();
    browser.tabs[A].flush();
    // Storage never held the older text, even for a moment.
    assert_eq!(
        stored::<Note>(&browser.storage, "dba-raid").unwrap().text,
        "newer, typed in B"
    );
    browser.deliver(B, &before);
    for tab in &browser.tabs {
        assert_eq!(tab.note("dba-raid"), "newer, typed in B");
    }
}

#[test]
fn settings_changed_in_another_tab_are_picked_up_and_an_older_change_is_not() {
    let mut browser = Browser::with_tabs(2, T0);
    browser.act(B, |b| b.set_new_per_day(25, T0 + SECOND));
    assert_eq!(browser.tabs[A].settings().new_per_day, 25);
    // A's later change is saved before B's earlier one: the later one stays, everywhere.
    let before = stored_all(&browser.storage);
    browser.tabs[A].set_new_per_day(30, T0 + 3 * SECOND);
    browser.act(B, |b| b.set_new_per_day(20, T0 + 2 * SECOND));
    browser.deliver(A, &before);
    for tab in &browser.tabs {
        assert_eq!(tab.settings().new_per_day, 30);
    }
    let reloaded = open_tab(&browser.storage, T0 + 4 * SECOND);
    assert_eq!(reloaded.settings().new_per_day, 30);
}

#[test]
fn interviews_of_two_tabs_are_both_kept_and_each_tab_sees_the_other() {
    let mut browser = Browser::with_tabs(2, T0);
    browser.act(A, |a| start(a, "x", T0));
    browser.act(B, |b| start(b, "y", T0 + SECOND));
    for tab in &mut browser.tabs {
        let mut ids: Vec<&str> = tab.interviews().iter().map(|i| i.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["x", "y"]);
    }
    assert_eq!(browser.tabs[A].unfinished()[0].id, "y");
    // B's saves never replace what A types in its own interview.
    browser.act(A, |a| {
        a.update(Save::Now, |i| i.type_answer("mine", T0 + 2 * SECOND))
    });
    browser.act(B, |b| {
        b.update(Save::Now, |i| i.type_answer("theirs", T0 + 3 * SECOND))
    });
    assert_eq!(answer_of(browser.tabs[A].active()), "mine");
    assert_eq!(
        answer_of(stored::<Interview>(&browser.storage, "x").as_ref()),
        "mine"
    );
    assert_eq!(
        answer_of(stored::<Interview>(&browser.storage, "y").as_ref()),
        "theirs"
    );
}

#[test]
fn a_tab_whose_interview_was_taken_over_neither_changes_nor_saves_it() {
    let mut browser = Browser::with_tabs(2, T0);
    browser.act(A, |a| start(a, "x", T0));
    browser.act(B, |b| b.take_over("x", T0 + 10 * SECOND));
    // A's lock is stolen.
    browser.act(A, |a| a.lock_report("x", false));
    assert!(browser.tabs[A].moved_away());
    browser.act(B, |b| {
        b.update(Save::Now, |i| i.type_answer("typed in B", T0 + 11 * SECOND))
    });
    assert_eq!(answer_of(browser.tabs[A].active()), "typed in B");
    let before = stored_all(&browser.storage);
    assert!(!browser.act(A, |a| {
        a.update(Save::Now, |i| i.type_answer("typed in A", T0 + 12 * SECOND))
    }));
    browser.act(A, |a| {
        a.tick(T0 + 60 * SECOND);
        a.page_visible(false, T0 + 61 * SECOND);
    });
    assert_eq!(stored_all(&browser.storage), before);
    assert_eq!(answer_of(browser.tabs[A].active()), "typed in B");
}

#[test]
fn a_late_word_about_an_interview_this_tab_left_does_not_stop_the_one_it_runs() {
    let mut browser = Browser::with_tabs(1, T0);
    browser.act(A, |a| {
        start(a, "x", T0);
        start(a, "y", T0 + SECOND);
        // The lock of x, still held from before, is stolen by another tab.
        a.lock_report("x", false);
    });
    let a = &mut browser.tabs[A];
    assert!(!a.moved_away());
    assert!(a.update(Save::Now, |i| i.type_answer("still mine", T0 + 2 * SECOND)));
    assert_eq!(
        answer_of(stored::<Interview>(&browser.storage, "y").as_ref()),
        "still mine"
    );
}

// Full storage.

/// A storage filled to its quota with an interview, a rating, a note, settings and another
/// site script's data.
fn full_storage() -> Shared {
    let fill = |storage: &MemoryBackend| {
        put(storage, "done", &completed("done", T0, "RAID 10"));
        let review = ReviewEvent::new(T0 + HOUR, "ops-cdn", Rating::Hard);
        put(storage, &review_id(&review), &review);
        put(
            storage,
            "dba-raid",
            &Note {
                text: "mirrors".into(),
                updated_at: T0,
            },
        );
        put(
            storage,
            Settings::ID,
            &Settings {
                new_per_day: 15,
                updated_at: T0,
                ..Settings::default()
            },
        );
        storage
            .set("another-script/cache", &"x".repeat(500))
            .unwrap();
    };
    let measure = MemoryBackend::new();
    fill(&measure);
    let storage = Shared::new(MemoryBackend::with_quota(measure.used()));
    fill(&storage);
    storage
}

#[test]
fn a_full_storage_is_read_in_full_and_what_waits_is_saved_once_there_is_room() {
    let storage = full_storage();
    let mut tab = ProgressState::load(storage.clone(), Found::Full, None, true, T0 + 2 * HOUR);
    assert_eq!(tab.interviews().len(), 1);
    assert_eq!(tab.rating_events().len(), 2);
    assert_eq!(tab.note("dba-raid"), "mirrors");
    assert_eq!(tab.settings().new_per_day, 15);
    assert!(tab.notices().full);

    tab.set_note("ops-cdn", "edge caches", T0 + 3 * HOUR);
    tab.flush();
    assert!(tab.notices().full);
    assert_eq!(tab.note("ops-cdn"), "edge caches");
    assert_eq!(stored::<Note>(&storage, "ops-cdn"), None);
    // Another change while still full: both wait, in memory.
    tab.record_review("dba-raid", Rating::Good, None, T0 + 4 * HOUR);
    assert!(tab.notices().full);
    assert_eq!(tab.rating_events().len(), 3);

    // The reader frees space (Your data: delete an old interview): what waited is saved.
    tab.delete_interviews(&["done".to_string()]);
    assert!(!tab.notices().full);
    assert_eq!(
        stored::<Note>(&storage, "ops-cdn").unwrap().text,
        "edge caches"
    );
    let mut reloaded = open_tab(&storage, T0 + 5 * HOUR);
    assert_eq!(reloaded.note("ops-cdn"), "edge caches");
    assert_eq!(reloaded.rating_events().len(), 2);
    assert!(reloaded.interviews().is_empty());
}

#[test]
fn storage_filling_up_mid_interview_keeps_the_answer_until_a_later_save_succeeds() {
    let storage = Shared::new(MemoryBackend::with_quota(2_000));
    storage
        .set("another-script/cache", &"x".repeat(1_000))
        .unwrap();
    let mut tab = open_tab(&storage, T0);
    start(&mut tab, "x", T0);
    // Another script fills the rest.
    storage
        .set(
            "another-script/more",
            &"y".repeat(2_000 - storage.used() - 20),
        )
        .unwrap();
    let long = "a long answer ".repeat(20);
    tab.update(Save::Now, |i| i.type_answer(&long, T0 + SECOND));
    assert!(tab.notices().full);
    assert_eq!(answer_of(tab.active()), long);
    assert_eq!(answer_of(stored::<Interview>(&storage, "x").as_ref()), "");
    // A checkpoint while still full keeps it waiting.
    tab.tick(T0 + 6 * SECOND);
    assert!(tab.notices().full);
    // Space comes back: the next checkpoint saves the latest answer.
    storage.remove("another-script/more").unwrap();
    tab.tick(T0 + 11 * SECOND);
    assert!(!tab.notices().full);
    assert_eq!(answer_of(stored::<Interview>(&storage, "x").as_ref()), long);
}

// Blocked storage.

#[test]
fn blocked_storage_runs_in_memory_and_says_so() {
    let mut tab = ProgressState::load(Shared::default(), Found::Blocked, None, true, T0);
    assert!(tab.notices().not_saved);
    assert_eq!(tab.usage(), None);
    start(&mut tab, "x", T0);
    tab.update(Save::Now, |i| {
        i.type_answer("kept on the page", T0 + SECOND)
    });
    tab.set_note("dba-raid", "mine", T0 + 2 * SECOND);
    tab.flush();
    assert_eq!(answer_of(tab.active()), "kept on the page");
    assert_eq!(tab.note("dba-raid"), "mine");
}

#[test]
fn a_recording_not_stored_is_noticed_until_every_recording_is_stored() {
    let mut tab = open_tab(&Shared::default(), T0);
    tab.recordings_stored();
    assert!(!tab.take_changes().notices, "nothing to take back");
    tab.recording_not_stored("storage is full".into());
    assert!(tab.take_changes().notices);
    assert_eq!(tab.notices().recordings.as_deref(), Some("storage is full"));
    tab.recording_not_stored("storage is full".into());
    assert!(
        !tab.take_changes().notices,
        "the same reason is not announced again"
    );
    tab.recordings_stored();
    assert!(tab.take_changes().notices);
    assert_eq!(tab.notices().recordings, None);
}

#[test]
fn storage_that_goes_away_keeps_everything_in_memory_and_saves_when_it_is_back() {
    let storage = Shared::default();
    let mut tab = open_tab(&storage, T0);
    storage.set_unavailable(true);
    tab.set_note("dba-raid", "typed while blocked", T0 + SECOND);
    tab.flush();
    assert!(tab.notices().not_saved);
    assert_eq!(tab.note("dba-raid"), "typed while blocked");
    storage.set_unavailable(false);
    assert_eq!(stored::<Note>(&storage, "dba-raid"), None);
    tab.set_new_per_day(20, T0 + 2 * SECOND);
    assert_eq!(
        stored::<Note>(&storage, "dba-raid").unwrap().text,
        "typed while blocked"
    );
    assert_eq!(
        stored::<Settings>(&storage, Settings::ID)
            .unwrap()
            .new_per_day,
        20
    );
}

#[test]
fn a_storage_that_fails_to_answer_an_event_does_not_drop_an_interview() {
    let mut browser = Browser::with_tabs(2, T0);
    browser.act(B, |b| start(b, "y", T0));
    browser.storage.set_unavailable(true);
    browser.tabs[A].reload_from_storage(&record_key::<Interview>("y"));
    browser.storage.set_unavailable(false);
    assert_eq!(browser.tabs[A].unfinished().len(), 1);
}

// Hostile records.

#[test]
fn unreadable_records_are_kept_aside_and_never_overwritten() {
    let storage = Shared::default();
    let truncated = &INTERVIEW[..60];
    let records = [
        (record_key::<Note>("dba-raid"), NEWER_NOTE),
        (record_key::<Interview>("cut"), truncated),
        (record_key::<ReviewEvent>("r1-ops-cdn"), "not json"),
        (record_key::<Interview>(INTERVIEW_ID), INTERVIEW),
    ];
    for (key, value) in &records {
        storage.set(key, value).unwrap();
    }
    let mut browser = Browser::on(storage, 2, T0);
    let kept: Vec<(String, String)> = browser.tabs[A]
        .notices()
        .kept_aside
        .iter()
        .map(|k| (k.key.clone(), k.raw.clone()))
        .collect();
    assert_eq!(kept.len(), 3);
    for (key, value) in &records[..3] {
        assert!(kept.contains(&(key.clone(), value.to_string())), "{key}");
    }
    assert_eq!(browser.tabs[A].interviews()[0].id, INTERVIEW_ID);

    // Typing a note on that question keeps the text here and the stored value as it was.
    browser.act(A, |a| {
        a.set_note("dba-raid", "mine", T0 + SECOND);
        a.flush();
    });
    assert_eq!(browser.tabs[A].note("dba-raid"), "mine");
    assert_eq!(
        browser.storage.get(&records[0].0).unwrap().as_deref(),
        Some(NEWER_NOTE)
    );

    // A newer version in tab B writes settings this version cannot read: tab A reports them
    // and does not overwrite them.
    let newer_settings = NEWER_NOTE.replace("from the future", "settings");
    let before = stored_all(&browser.storage);
    browser
        .storage
        .set(&record_key::<Settings>(Settings::ID), &newer_settings)
        .unwrap();
    browser.deliver(B, &before);
    let key = record_key::<Settings>(Settings::ID);
    assert!(browser.tabs[A]
        .notices()
        .kept_aside
        .iter()
        .any(|k| k.key == key));
    browser.act(A, |a| a.set_new_per_day(40, T0 + 2 * SECOND));
    assert_eq!(browser.tabs[A].settings().new_per_day, 40);
    assert_eq!(browser.storage.get(&key).unwrap(), Some(newer_settings));
    for (key, value) in &records {
        assert_eq!(browser.storage.get(key).unwrap().as_deref(), Some(*value));
    }
}

#[test]
fn hostile_numbers_neither_wrap_nor_pass_100_percent() {
    let storage = Shared::default();
    let max = u64::MAX.to_string();
    // This tab's interview, with times at the top of the range and too many marks.
    let running = INTERVIEW
        .replace("1764133200000", &max)
        .replace("120000", &max)
        .replace("45000", &max)
        .replace("1764133290000", &max)
        .replace("\"m\":\"101\"", "\"m\":\"1111111111111111\"");
    storage
        .set(&record_key::<Interview>(INTERVIEW_ID), &running)
        .unwrap();
    let mut done = completed("done", T0, "RAID 10");
    done.attempts[0].marks = vec![true; 64];
    done.attempts[0].allowed_ms = u64::MAX;
    done.completed_at = Some(u64::MAX);
    put(&storage, "done", &done);
    put(
        &storage,
        "dba-raid",
        &Note {
            text: "stamped at the end of time".into(),
            updated_at: u64::MAX,
        },
    );
    let review = ReviewEvent::new(u64::MAX, "ops-cdn", Rating::Easy);
    put(&storage, &review_id(&review), &review);

    let mut tab = ProgressState::load(storage.clone(), Found::Usable, Some(INTERVIEW_ID), true, T0);
    assert!(tab.notices().kept_aside.is_empty());
    for now in [0, T0, u64::MAX - 1, u64::MAX] {
        tab.tick(now);
        let interview = tab.active().unwrap();
        // A sum that wrapped would be smaller than one of its parts.
        assert!(interview.elapsed_ms(now) >= interview.attempts[1].used_ms(now));
        let attempt = interview.attempt().unwrap();
        assert!(attempt.remaining_ms(now) <= attempt.allowed_ms);
    }
    for interview in tab.interviews() {
        assert!(Summary::of(interview).score() <= 100);
    }
    assert_eq!(Summary::of(tab.history()[0]).score(), 100);
    assert!(tab.memory().contains_key("ops-cdn"));
    // The reader's edit of a note stamped in the future is saved and survives a reload.
    tab.set_note("dba-raid", "typed now", T0 + SECOND);
    tab.flush();
    assert_eq!(
        open_tab(&storage, T0 + 2 * SECOND).note("dba-raid"),
        "typed now"
    );
}

// Import.

/// What changed between two exports, counted as the preview counts it.
fn observed(before: &Export, after: &Export) -> ImportPreview {
    let interviews: SortedMap<&str, &Interview> = before
        .interviews
        .iter()
        .map(|i| (i.id.as_str(), i))
        .collect();
    let mut seen = ImportPreview::default();
    for interview in &after.interviews {
        match interviews.get(interview.id.as_str()) {
            None => seen.new_interviews += 1,
            Some(old) if *old != interview => seen.updated_interviews += 1,
            Some(_) => {}
        }
    }
    seen.new_reviews = after.reviews.len() - before.reviews.len();
    for (question, note) in &after.notes {
        match before.notes.get(question) {
            None => seen.new_notes += 1,
            Some(old) if old != note => seen.notes_changed += 1,
            Some(_) => {}
        }
    }
    seen.memory_changed = after
        .memory
        .iter()
        .filter(|(q, state)| before.memory.get(*q) != Some(state))
        .count();
    seen.settings_changed = after
        .settings
        .iter()
        .filter(|(k, v)| before.settings.get(*k) != Some(v))
        .count();
    seen
}

fn note(text: &str, updated_at: Millis) -> Note {
    Note {
        text: text.into(),
        updated_at,
    }
}

/// Progress here: an interview, a review rating, two notes.
fn here() -> Tab {
    let storage = Shared::default();
    put(&storage, "x", &completed("x", T0, "RAID 10"));
    let review = ReviewEvent::new(T0 + HOUR, "ops-cdn", Rating::Hard);
    put(&storage, &review_id(&review), &review);
    put(&storage, "dba-raid", &note("here", T0 + HOUR));
    put(&storage, "ops-cdn", &note("here, newer", T0 + 5 * HOUR));
    open_tab(&storage, T0 + 6 * HOUR)
}

#[test]
fn import_applies_exactly_what_the_preview_announced() {
    let mut tab = here();
    // Another site: the same interview x, a new one, a new rating, a newer note on
    // dba-raid, an older one on ops-cdn, a new note, and other settings.
    let mut other = Browser::with_tabs(1, T0);
    let site = &mut other.tabs[0];
    put(&other.storage, "x", &completed("x", T0, "RAID 10"));
    put(
        &other.storage,
        "y",
        &completed("y", T0 + 2 * HOUR, "stripes"),
    );
    let review = ReviewEvent::new(T0 + 3 * HOUR, "dba-indexes", Rating::Again);
    put(&other.storage, &review_id(&review), &review);
    put(
        &other.storage,
        "dba-raid",
        &note("there, newer", T0 + 4 * HOUR),
    );
    put(
        &other.storage,
        "ops-cdn",
        &note("there, older", T0 + 2 * HOUR),
    );
    put(
        &other.storage,
        "dba-indexes",
        &note("b-tree", T0 + 2 * HOUR),
    );
    *site = open_tab(&other.storage, T0 + 6 * HOUR);
    site.set_new_per_day(25, T0 + 6 * HOUR);
    let file = site.export(T0 + 6 * HOUR);

    let now = T0 + 7 * HOUR;
    let before = tab.export(now);
    let preview = tab.preview(&file, now);
    assert_eq!(
        preview,
        ImportPreview {
            new_interviews: 1,
            updated_interviews: 0,
            // y's rating and the review.
            new_reviews: 2,
            new_notes: 1,
            notes_changed: 1,
            // dba-raid (y's rating), dba-indexes.
            memory_changed: 2,
            settings_changed: 1,
        }
    );
    tab.import(&file, now);
    let after = tab.export(now);
    assert_eq!(observed(&before, &after), preview);
    assert_eq!(tab.note("dba-raid"), "there, newer");
    assert_eq!(tab.note("ops-cdn"), "here, newer");
    // Importing it again changes nothing, and a reload holds exactly the same.
    assert!(tab.preview(&file, now).is_empty());
    let mut reloaded = open_tab(tab.backend(), now);
    let again = reloaded.export(now);
    assert_eq!(again.interviews, after.interviews);
    assert_eq!(again.reviews, after.reviews);
    assert_eq!(again.memory, after.memory);
    assert_eq!(again.notes, after.notes);
    assert_eq!(again.settings, after.settings);
}

#[test]
fn importing_records_already_here_adds_nothing_twice() {
    let mut tab = here();
    let now = T0 + 7 * HOUR;
    // The file lists x's rating among its ratings too, as every export does.
    let file = tab.export(now);
    assert_eq!(file.reviews.len(), 2);
    let stored_before = stored_all(tab.backend());
    let events_before = tab.rating_events();
    assert!(tab.preview(&file, now).is_empty());
    tab.import(&file, now);
    assert_eq!(stored_all(tab.backend()), stored_before);
    assert_eq!(tab.rating_events(), events_before);

    // Another site that already has x and the review: x's rating is not stored a second
    // time as a review, and nothing counts twice after a reload.
    let storage = Shared::default();
    put(&storage, "x", &completed("x", T0, "RAID 10"));
    let review = ReviewEvent::new(T0 + HOUR, "ops-cdn", Rating::Hard);
    put(&storage, &review_id(&review), &review);
    let mut site = open_tab(&storage, now);
    let preview = site.preview(&file, now);
    assert_eq!(
        (
            preview.new_interviews,
            preview.new_reviews,
            preview.memory_changed
        ),
        (0, 0, 0)
    );
    site.import(&file, now);
    let reviews_stored = storage
        .keys()
        .unwrap()
        .iter()
        .filter(|k| k.starts_with(&record_key::<ReviewEvent>("")))
        .count();
    assert_eq!(reviews_stored, 1);
    let mut reloaded = open_tab(&storage, now);
    assert_eq!(reloaded.rating_events(), events_before);
    assert_eq!(reloaded.memory(), tab.memory());
    // A rating stored in its interview and also as a review (from an earlier file that
    // listed it without its interview) counts once.
    let x_rating = ReviewEvent::new(T0 + 3 * SECOND, "dba-raid", Rating::Good);
    put(&storage, &review_id(&x_rating), &x_rating);
    let mut reloaded = open_tab(&storage, now);
    assert_eq!(reloaded.rating_events(), events_before);
    assert_eq!(reloaded.memory(), tab.memory());
}

#[test]
fn an_import_whose_interview_ratings_are_missing_from_its_list_matches_its_preview() {
    let mut tab = here();
    let now = T0 + 7 * HOUR;
    let mut file = Export::new(now);
    file.interviews = vec![completed("y", T0 + 2 * HOUR, "stripes")];
    let before = tab.export(now);
    let preview = tab.preview(&file, now);
    assert_eq!((preview.new_reviews, preview.memory_changed), (1, 1));
    tab.import(&file, now);
    assert_eq!(observed(&before, &tab.export(now)), preview);
}

// Compaction, deletion, checkpoints.

#[test]
fn only_the_newest_50_completed_interviews_keep_their_answers() {
    let storage = Shared::default();
    for n in 0..55 {
        let id = format!("i{n:02}");
        put(&storage, &id, &completed(&id, T0 + n * HOUR, "an answer"));
    }
    let setup = Setup::default();
    let mut open = Interview::new("open".into(), setup, &["dba-raid"], T0);
    open.type_answer("unfinished", T0 + SECOND);
    put(&storage, "open", &open);

    let mut tab = open_tab(&storage, T0 + 100 * HOUR);
    let answers = |tab: &mut Tab, id: &str| -> (String, String) {
        let memory = tab.interviews().iter().find(|i| i.id == id).unwrap();
        let stored = stored::<Interview>(&storage, id).unwrap();
        (
            memory.attempts[0].answer.clone(),
            stored.attempts[0].answer.clone(),
        )
    };
    for n in 0..5 {
        assert_eq!(
            answers(&mut tab, &format!("i{n:02}")),
            (String::new(), String::new())
        );
    }
    for n in 5..55 {
        let kept = ("an answer".to_string(), "an answer".to_string());
        assert_eq!(answers(&mut tab, &format!("i{n:02}")), kept);
    }
    assert_eq!(answers(&mut tab, "open").1, "unfinished");
    // Ratings and times stay.
    assert_eq!(tab.rating_events().len(), 55);
    assert_eq!(tab.history()[54].attempts[0].ending, Some(Ending::Done));

    // The reader frees more space: all but the newest 10.
    assert_eq!(tab.compact_answers(10), 40);
    assert_eq!(answers(&mut tab, "i44"), (String::new(), String::new()));
    assert_eq!(answers(&mut tab, "i45").1, "an answer");
    assert_eq!(answers(&mut tab, "open").1, "unfinished");
}

#[test]
fn deleting_removes_only_completed_interviews_and_other_tabs_follow() {
    let mut browser = Browser::with_tabs(2, T0);
    put(&browser.storage, "done", &completed("done", T0, "RAID 10"));
    put(
        &browser.storage,
        "kept",
        &completed("kept", T0 + HOUR, "RAID 10"),
    );
    browser.storage.set("another-script/key", "theirs").unwrap();
    browser.tabs = (0..2).map(|_| open_tab(&browser.storage, T0)).collect();
    browser.act(B, |b| start(b, "open", T0 + 2 * HOUR));

    browser.act(A, |a| {
        a.delete_interviews(&["done".into(), "open".into(), "unknown".into()])
    });
    for tab in &mut browser.tabs {
        let ids: SortedSet<&str> = tab.interviews().iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, SortedSet::from(["kept", "open"]));
    }
    assert_eq!(stored::<Interview>(&browser.storage, "done"), None);
    assert!(stored::<Interview>(&browser.storage, "open").is_some());
    assert_eq!(
        browser
            .storage
            .get("another-script/key")
            .unwrap()
            .as_deref(),
        Some("theirs")
    );
}

#[test]
fn a_running_interview_is_saved_every_five_seconds_and_a_crash_resumes_from_there() {
    let storage = Shared::default();
    let mut tab = open_tab(&storage, T0);
    start(&mut tab, "x", T0);
    let saved = || answer_of(stored::<Interview>(&storage, "x").as_ref());
    // Typing is saved shortly after it pauses (the caller's timer), or by a checkpoint.
    tab.update(Save::Soon, |i| i.type_answer("first", T0 + SECOND));
    tab.tick(T0 + 4_999);
    assert_eq!(saved(), "");
    tab.tick(T0 + 5_000);
    assert_eq!(saved(), "first");
    tab.update(Save::Soon, |i| i.type_answer("second", T0 + 6 * SECOND));
    tab.tick(T0 + 9_999);
    assert_eq!(saved(), "first");
    tab.tick(T0 + 10_000);
    assert_eq!(saved(), "second");

    // The tab crashes; a reload a minute later goes on with the time of the last checkpoint,
    // and in a background tab the clock waits.
    let later = T0 + 70 * SECOND;
    let resumed = ProgressState::load(storage.clone(), Found::Usable, Some("x"), false, later);
    let attempt = resumed.active().unwrap().attempt().unwrap();
    assert_eq!(attempt.answer, "second");
    assert_eq!(attempt.remaining_ms(later + HOUR), 110_000);

    // The question's time running out is saved at once.
    tab.tick(T0 + 120_000);
    let stored = stored::<Interview>(&storage, "x").unwrap();
    assert_eq!(stored.attempts[0].ending, Some(Ending::TimeUp));
    assert_eq!(stored.phase(), Phase::Reveal);
}

#[test]
fn the_newer_edit_wins_between_tabs() {
    assert!(theirs_wins(None, 0));
    assert!(theirs_wins(Some(10), 11));
    assert!(!theirs_wins(Some(10), 10));
    assert!(!theirs_wins(Some(11), 10));
}

// The memory cache: derived data that only saves replaying.

fn memory_cache(storage: &MemoryBackend) -> Option<MemoryCache> {
    stored(storage, MemoryCache::ID)
}

#[test]
fn memory_states_are_cached_by_the_next_save_and_a_reload_replays_only_what_changed() {
    let storage = Shared::default();
    put(&storage, "a", &completed("a", T0, "RAID 10"));
    put(&storage, "b", &completed("b", T0 + HOUR, "mirrors"));
    let mut tab = open_tab(&storage, T0 + 2 * HOUR);
    // The start stored the states, with the snapshot of the records they came from.
    let memory = tab.memory();
    assert_eq!(memory, export::replay_all(&tab.rating_events()));
    let cached = memory_cache(&storage).expect("stored by the start");
    assert_eq!(cached.questions["dba-raid"].state, memory["dba-raid"]);
    assert!(snapshot_of(&storage).is_some());

    // A new tab reads it, gives the same states and has nothing to store (the marker would
    // be overwritten by a save).
    let key = record_key::<MemoryCache>(MemoryCache::ID);
    let raw = storage.get(&key).unwrap().unwrap();
    let mut reloaded = open_tab(&storage, T0 + 3 * HOUR);
    assert_eq!(reloaded.memory(), memory);
    let marker = raw.replace(r#""app":""#, r#""app":"marker "#);
    storage.set(&key, &marker).unwrap();
    reloaded.flush();
    assert_eq!(storage.get(&key), Ok(Some(marker)));

    // A rating in another tab (its interview arriving here) changes the state and the cache.
    let mut later = open_tab(&storage, T0 + 4 * HOUR);
    put(&storage, "c", &completed("c", T0 + 4 * HOUR, "stripes"));
    tab.reload_from_storage(&record_key::<Interview>("c"));
    let newer = tab.memory();
    assert_ne!(newer["dba-raid"], memory["dba-raid"]);
    assert_eq!(newer, export::replay_all(&tab.rating_events()));
    tab.flush();
    assert_eq!(
        memory_cache(&storage).unwrap().questions["dba-raid"].state,
        newer["dba-raid"]
    );
    // Deleting interviews gives what a full replay of the rest gives.
    later.reload_from_storage(&record_key::<Interview>("c"));
    later.delete_interviews(&["a".into(), "b".into(), "c".into()]);
    assert!(later.memory().is_empty());
    later.flush();
    assert!(memory_cache(&storage).unwrap().questions.is_empty());
}

#[test]
fn an_unreadable_memory_cache_is_kept_aside_never_overwritten_and_the_states_are_replayed() {
    let storage = Shared::default();
    put(&storage, "a", &completed("a", T0, "RAID 10"));
    let key = record_key::<MemoryCache>(MemoryCache::ID);
    let newer = r#"{"schema":99,"app":"9.0.0","data":{"whatever":true}}"#;
    storage.set(&key, newer).unwrap();
    let mut tab = open_tab(&storage, T0 + HOUR);
    assert_eq!(tab.notices().kept_aside.len(), 1);
    assert_eq!(tab.notices().kept_aside[0].key, key);
    assert_eq!(tab.memory(), export::replay_all(&tab.rating_events()));
    tab.flush();
    assert_eq!(storage.get(&key), Ok(Some(newer.to_string())));
    assert!(tab.take_problems().is_empty());

    // Damaged: the same.
    storage
        .set(&key, r#"{"schema":1,"data":{"q":{"dba-raid":"#)
        .unwrap();
    let mut tab = open_tab(&storage, T0 + HOUR);
    assert_eq!(tab.notices().kept_aside.len(), 1);
    assert_eq!(tab.memory(), export::replay_all(&tab.rating_events()));
    tab.flush();
    assert!(storage
        .get(&key)
        .unwrap()
        .unwrap()
        .ends_with(r#""dba-raid":"#));
}

#[test]
fn a_memory_cache_that_cannot_be_saved_raises_no_notice() {
    // Room for the interview only.
    let measure = MemoryBackend::new();
    put(&measure, "a", &completed("a", T0, "RAID 10"));
    let storage = Shared::new(MemoryBackend::with_quota(measure.used()));
    put(&storage, "a", &completed("a", T0, "RAID 10"));
    let mut tab = open_tab(&storage, T0 + HOUR);
    let memory = tab.memory();
    tab.flush();
    assert_eq!(tab.notices(), &Notices::default());
    assert_eq!(memory_cache(&storage), None);
    assert_eq!(snapshot_of(&storage), None);
    assert_eq!(tab.memory(), memory);
}

/// The stored snapshot a start would go by (none when there is none, or it is void).
fn snapshot_of(storage: &MemoryBackend) -> Option<Snapshot> {
    stored::<Snapshot>(storage, Snapshot::ID).filter(|s| !s.is_void())
}

// A long history: a start reads the unfinished interviews, the rest when something needs them.

/// A storage that notes the key of every value read.
#[derive(Clone, Default)]
struct Watched {
    storage: Shared,
    reads: Rc<std::cell::RefCell<Vec<String>>>,
}

impl Watched {
    fn on(storage: &Shared) -> Self {
        Watched {
            storage: storage.clone(),
            reads: Rc::default(),
        }
    }

    /// How many interview records were read (each once, however often).
    fn interviews_read(&self) -> usize {
        let prefix = record_key::<Interview>("");
        self.reads
            .borrow()
            .iter()
            .filter(|key| key.starts_with(&prefix))
            .collect::<SortedSet<_>>()
            .len()
    }
}

impl Backend for Watched {
    fn get(&self, key: &str) -> Result<Option<String>, crate::storage::BackendError> {
        self.reads.borrow_mut().push(key.to_string());
        self.storage.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), crate::storage::BackendError> {
        self.storage.set(key, value)
    }
    fn keys(&self) -> Result<Vec<String>, crate::storage::BackendError> {
        self.storage.keys()
    }
    fn remove(&self, key: &str) -> Result<(), crate::storage::BackendError> {
        self.storage.remove(key)
    }
}

/// Twenty completed interviews, one unfinished and one review rating.
fn long_history() -> Shared {
    let storage = Shared::default();
    for n in 0..20 {
        let id = format!("i{n:02}");
        put(&storage, &id, &completed(&id, T0 + n * HOUR, "RAID 10"));
    }
    let mut open = Interview::new(
        "open".into(),
        Setup::default(),
        &["ops-cdn"],
        T0 + 30 * HOUR,
    );
    open.type_answer("edge caches", T0 + 30 * HOUR + SECOND);
    put(&storage, "open", &open);
    let review = ReviewEvent::new(T0 + 31 * HOUR, "ops-cdn", Rating::Hard);
    put(&storage, &review_id(&review), &review);
    storage
}

/// What the start page shows of the history.
type StartPage = (
    usize,
    Vec<String>,
    SortedMap<String, MemoryState>,
    SortedMap<String, Millis>,
);

fn start_page<B: Backend>(tab: &ProgressState<B>) -> StartPage {
    let unfinished = tab.unfinished().iter().map(|i| i.id.clone()).collect();
    (
        tab.completed_count(),
        unfinished,
        tab.memory(),
        tab.first_rated(),
    )
}

fn open_watched(
    storage: &Shared,
    resume: Option<&str>,
    now: Millis,
) -> (ProgressState<Watched>, Watched) {
    let watched = Watched::on(storage);
    let tab = ProgressState::load(watched.clone(), Found::Usable, resume, true, now);
    (tab, watched)
}

#[test]
fn a_start_reads_only_the_unfinished_interviews_and_shows_what_reading_all_would() {
    let storage = long_history();
    // The first start reads every interview, and stores the snapshot.
    let (mut first, watched) = open_watched(&storage, None, T0 + 32 * HOUR);
    assert_eq!(watched.interviews_read(), 21);
    let shown = start_page(&first);
    assert_eq!(shown.0, 20);
    assert_eq!(shown.1, ["open"]);
    assert_eq!(shown.2, export::replay_all(&first.rating_events()));
    assert_eq!(shown.3["dba-raid"], T0 + 3 * SECOND);
    assert_eq!(shown.3["ops-cdn"], T0 + 31 * HOUR);

    // The next reads the unfinished one and shows the same.
    let (mut next, watched) = open_watched(&storage, None, T0 + 33 * HOUR);
    assert_eq!(watched.interviews_read(), 1);
    assert_eq!(start_page(&next), shown);
    next.take_changes();
    // The history reads the rest; nothing shown changes.
    assert_eq!(next.history().len(), 20);
    assert_eq!(watched.interviews_read(), 21);
    assert_eq!(next.take_changes(), Changes::default());
    assert_eq!(start_page(&next), shown);

    // A rating from that start reads them first: its state is replayed from all of them.
    let (mut rated, watched) = open_watched(&storage, None, T0 + 34 * HOUR);
    rated.take_over("open", T0 + 34 * HOUR);
    assert_eq!(watched.interviews_read(), 1);
    rated.update(Save::Now, |i| {
        i.done(T0 + 34 * HOUR);
        i.rate(Rating::Easy, T0 + 34 * HOUR);
    });
    assert_eq!(watched.interviews_read(), 21);
    let memory = rated.memory();
    assert_eq!(memory, export::replay_all(&rated.rating_events()));
    assert_eq!(memory["ops-cdn"].reps, 2);
    // The rating changed what the snapshot holds: it is void, and a start reads everything,
    // until the page is hidden and a new one is stored.
    rated.update(Save::Now, |i| i.next(T0 + 34 * HOUR));
    assert_eq!(snapshot_of(&storage), None);
    let (_, watched) = open_watched(&storage, None, T0 + 35 * HOUR);
    assert_eq!(watched.interviews_read(), 21);
    rated.page_visible(false, T0 + 35 * HOUR);
    // This tab's interview, completed, is read at a reload that resumes it.
    let (mut resumed, watched) = open_watched(&storage, Some("open"), T0 + 35 * HOUR);
    assert_eq!(watched.interviews_read(), 1);
    assert_eq!(resumed.active().map(|i| i.phase()), Some(Phase::Complete));
    assert_eq!(start_page(&resumed), start_page(&rated));
    assert_eq!(resumed.history().len(), 21);
}

#[test]
fn a_snapshot_of_other_records_is_not_trusted() {
    let storage = long_history();
    let mut first = open_tab(&storage, T0 + 32 * HOUR);
    let events = first.rating_events();

    // An interview stored by something that left the snapshot as it was (an older version).
    put(
        &storage,
        "late",
        &completed("late", T0 + 40 * HOUR, "stripes"),
    );
    let (mut next, watched) = open_watched(&storage, None, T0 + 41 * HOUR);
    assert_eq!(watched.interviews_read(), 22);
    assert_eq!(next.completed_count(), 21);
    assert_eq!(next.memory(), export::replay_all(&next.rating_events()));

    // One deleted the same way.
    for id in ["late", "i00"] {
        storage.remove(&record_key::<Interview>(id)).unwrap();
    }
    let (next, watched) = open_watched(&storage, None, T0 + 42 * HOUR);
    assert_eq!(watched.interviews_read(), 20);
    assert_eq!(next.completed_count(), 19);

    // No snapshot (an older version's storage), or one a newer version wrote, kept aside.
    let key = record_key::<Snapshot>(Snapshot::ID);
    storage.remove(&key).unwrap();
    let (next, watched) = open_watched(&storage, None, T0 + 43 * HOUR);
    assert_eq!(watched.interviews_read(), 20);
    assert_eq!(next.completed_count(), 19);
    let newer = r#"{"schema":99,"app":"9.0.0","data":{}}"#;
    storage.set(&key, newer).unwrap();
    let (mut next, watched) = open_watched(&storage, None, T0 + 43 * HOUR);
    assert_eq!(watched.interviews_read(), 20);
    assert_eq!(next.completed_count(), 19);
    assert_eq!(next.notices().kept_aside[0].key, key);
    next.page_visible(false, T0 + 43 * HOUR);
    assert_eq!(storage.get(&key), Ok(Some(newer.to_string())));
    storage.remove(&key).unwrap();
    open_tab(&storage, T0 + 43 * HOUR);

    // An interview a newer version wrote, unreadable here: found when the interviews are read,
    // and from then on every start reads them all and keeps it aside.
    storage
        .set(
            &record_key::<Interview>("i05"),
            r#"{"schema":99,"data":{}}"#,
        )
        .unwrap();
    let (mut next, watched) = open_watched(&storage, None, T0 + 44 * HOUR);
    assert_eq!(watched.interviews_read(), 1);
    assert_eq!(next.notices().kept_aside.len(), 0);
    next.load_history();
    assert_eq!(next.completed_count(), 18);
    assert_eq!(next.notices().kept_aside.len(), 1);
    for _ in 0..2 {
        let (next, watched) = open_watched(&storage, None, T0 + 44 * HOUR);
        assert_eq!(watched.interviews_read(), 20);
        assert_eq!(next.completed_count(), 18);
        assert_eq!(next.notices().kept_aside.len(), 1);
    }
    assert_ne!(events.len(), 0);
}

#[test]
fn a_snapshot_left_behind_by_a_change_is_corrected_when_the_interviews_are_read() {
    let storage = long_history();
    open_tab(&storage, T0 + 32 * HOUR);
    // A rating changed under the same keys (an older version's import), snapshot untouched.
    let mut changed = stored::<Interview>(&storage, "i03").unwrap();
    changed.attempts[0].rating = Some(Rating::Again);
    put(&storage, "i03", &changed);

    let (mut next, watched) = open_watched(&storage, None, T0 + 33 * HOUR);
    assert_eq!(watched.interviews_read(), 1);
    let stale = next.memory();
    next.take_changes();
    next.load_history();
    let memory = next.memory();
    assert_ne!(memory, stale);
    assert_eq!(memory, export::replay_all(&next.rating_events()));
    assert!(next.take_changes().interviews, "the views show it again");
    // The snapshot is stored again: the next start shows the records as they are.
    let (again, watched) = open_watched(&storage, None, T0 + 34 * HOUR);
    assert_eq!(watched.interviews_read(), 1);
    assert_eq!(again.memory(), memory);
}

#[test]
fn a_snapshot_taken_before_another_tabs_change_arrived_is_voided_by_that_tab() {
    let mut browser = Browser::on(long_history(), 2, T0 + 32 * HOUR);
    // No snapshot stored now (the last one removed), as both tabs know.
    let key = record_key::<Snapshot>(Snapshot::ID);
    browser.storage.remove(&key).unwrap();
    for tab in &mut browser.tabs {
        tab.reload_from_storage(&key);
    }
    // B rates the unfinished interview; its events have not reached A yet.
    let before = stored_all(&browser.storage);
    let b = &mut browser.tabs[B];
    b.take_over("open", T0 + 33 * HOUR);
    b.update(Save::Now, |i| {
        i.done(T0 + 33 * HOUR);
        i.rate(Rating::Hard, T0 + 33 * HOUR);
    });
    // A is hidden meanwhile, and stores a snapshot without B's rating.
    let a_before = stored_all(&browser.storage);
    browser.tabs[A].page_visible(false, T0 + 33 * HOUR);
    assert!(snapshot_of(&browser.storage).is_some());
    // B hears of it, and voids it: it is not of the records as they are.
    browser.deliver(A, &a_before);
    assert_eq!(snapshot_of(&browser.storage), None);
    // B's change reaches A; the next snapshot A stores holds it, and B keeps that one.
    browser.deliver(B, &before);
    browser.act(A, |a| a.page_visible(false, T0 + 34 * HOUR));
    let snapshot = snapshot_of(&browser.storage).expect("kept");
    let mut fresh = open_tab(&browser.storage, T0 + 35 * HOUR);
    assert_eq!(snapshot.memory, export::replay_all(&fresh.rating_events()));
    assert_eq!(snapshot.memory["ops-cdn"].reps, 2);
}

#[test]
fn a_snapshot_another_tab_voids_leaves_what_this_tab_shows_as_it_was() {
    let storage = long_history();
    open_tab(&storage, T0 + 32 * HOUR);
    let (mut tab, watched) = open_watched(&storage, None, T0 + 33 * HOUR);
    assert_eq!(watched.interviews_read(), 1);
    let shown = start_page(&tab);
    // Another tab's change voided the snapshot this tab took its figures from.
    put(&storage, Snapshot::ID, &Snapshot::void());
    tab.reload_from_storage(&record_key::<Snapshot>(Snapshot::ID));
    assert_eq!(watched.interviews_read(), 21);
    assert_eq!(start_page(&tab), shown);
    assert!(!tab.take_changes().interviews);
}

// The decoders not here yet (`storage::readers`: a release build before their piece arrives).

/// A storage holding a note ("RAID 10" on dba-raid), its snapshot, and the fixture's
/// unfinished interview.
fn stored_note_and_interview() -> Shared {
    let storage = Shared::default();
    let mut first = open_tab(&storage, T0);
    first.set_note("dba-raid", "RAID 10", T0 + SECOND);
    first.store_snapshot();
    first.flush();
    put(
        &storage,
        INTERVIEW_ID,
        &decode::<Interview>(INTERVIEW).unwrap(),
    );
    storage
}

/// Runs `f` as a tab does while the decoders of stored records are still downloading.
fn without_readers<T>(f: impl FnOnce() -> T) -> T {
    crate::storage::readers::withhold(true);
    let out = f();
    crate::storage::readers::withhold(false);
    out
}

#[test]
fn a_start_up_without_the_decoders_reads_nothing_keeps_nothing_aside_and_reads_all_once_they_are_here(
) {
    let storage = stored_note_and_interview();
    let before = stored_all(&storage);

    let mut tab = without_readers(|| open_tab(&storage, T0 + HOUR));
    assert!(tab.take_needs_readers(), "it asks for the decoders");
    assert_eq!(tab.note("dba-raid"), "");
    assert!(tab.notices().kept_aside.is_empty(), "nothing is unreadable");
    assert_eq!(stored_all(&storage), before, "nothing was overwritten");
    assert!(!tab.notices().unread, "no notice while they download");
    // They could not be downloaded: the reader is told, until they are here.
    tab.readers_missing();
    assert!(tab.notices().unread);
    assert!(tab.take_changes().notices);

    tab.readers_here();
    assert!(!tab.notices().unread);
    assert_eq!(tab.note("dba-raid"), "RAID 10");
    assert!(tab.interviews().iter().any(|i| i.id == INTERVIEW_ID));
    assert!(tab.notices().kept_aside.is_empty());
    assert!(!tab.take_needs_readers());
}

#[test]
fn a_tab_without_the_decoders_overwrites_nothing_and_catches_up_once_they_are_here() {
    let mut browser = Browser::with_tabs(2, T0);
    // B writes a note; A hears of it before its decoders are here.
    browser.tabs[B].set_note("dba-raid", "typed in B", T0 + SECOND);
    browser.tabs[B].flush();
    let key = record_key::<Note>("dba-raid");
    let a = &mut browser.tabs[A];
    without_readers(|| {
        a.reload_from_storage(&key);
        assert!(a.take_needs_readers());
        assert_eq!(a.note("dba-raid"), "");
        // An older edit of B's note, typed in A before B's arrived: not written over B's,
        // which A cannot check yet, and not lost.
        a.set_note("dba-raid", "typed in A, earlier", T0 + SECOND / 2);
        a.flush();
        assert!(a.take_needs_readers());
    });
    assert_eq!(
        stored::<Note>(&browser.storage, "dba-raid").unwrap().text,
        "typed in B"
    );
    assert!(a.notices().kept_aside.is_empty());
    assert!(a.notices() == &Notices::default(), "no notice for a wait");
    assert!(a.take_problems().is_empty(), "a wait is no failure");

    a.readers_here();
    // B's newer note wins, in A and in storage.
    assert_eq!(a.note("dba-raid"), "typed in B");
    assert_eq!(
        stored::<Note>(&browser.storage, "dba-raid").unwrap().text,
        "typed in B"
    );
    assert!(!a.take_needs_readers());
    assert!(a.take_problems().is_empty());
}

#[test]
fn a_tab_alone_saves_over_its_own_records_without_the_decoders() {
    let storage = Shared::default();
    let mut tab = open_tab(&storage, T0);
    without_readers(|| {
        start(&mut tab, "alone", T0);
        tab.update(Save::Now, |i| i.type_answer("mirrors", T0 + SECOND));
        tab.update(Save::Now, |i| {
            i.type_answer("mirrors, then stripes", T0 + 2 * SECOND)
        });
        tab.set_note("dba-raid", "RAID 10", T0 + SECOND);
        tab.flush();
        tab.set_note("dba-raid", "RAID 10, never 5", T0 + 2 * SECOND);
        tab.flush();
        assert!(!tab.take_needs_readers(), "nothing waits for them");
    });
    assert_eq!(
        answer_of(stored(&storage, "alone").as_ref()),
        "mirrors, then stripes"
    );
    assert_eq!(
        stored::<Note>(&storage, "dba-raid").unwrap().text,
        "RAID 10, never 5"
    );
    assert!(tab.take_problems().is_empty());
    // Another tab's value under its interview's key is not its own: that save waits.
    let theirs =
        stored_all(&storage)[&record_key::<Interview>("alone")].replace("mirrors", "Mirrors");
    storage
        .set(&record_key::<Interview>("alone"), &theirs)
        .unwrap();
    without_readers(|| {
        tab.update(Save::Now, |i| {
            i.type_answer("mirrors, then stripes, then", T0 + 3 * SECOND)
        });
        assert!(tab.take_needs_readers());
    });
    assert_eq!(
        stored_all(&storage)[&record_key::<Interview>("alone")],
        theirs
    );
}

#[test]
fn a_start_up_that_reads_nothing_reads_everything_once_the_decoders_are_here() {
    let storage = stored_note_and_interview();
    let before = stored_all(&storage);

    // A first visit: nothing stored, nothing waits.
    let mut empty = ProgressState::unread(Shared::default(), Found::Usable, T0);
    assert!(!empty.take_needs_readers());

    let mut tab = ProgressState::unread(storage.clone(), Found::Usable, T0 + HOUR);
    assert!(tab.take_needs_readers());
    assert_eq!(tab.note("dba-raid"), "");
    assert!(tab.interviews().is_empty());
    tab.flush();
    tab.store_snapshot();
    assert_eq!(stored_all(&storage), before, "nothing was written");

    tab.readers_here();
    assert_eq!(tab.note("dba-raid"), "RAID 10");
    assert!(tab.interviews().iter().any(|i| i.id == INTERVIEW_ID));
    assert_eq!(tab.unfinished().len(), 1);
    assert!(tab.notices().kept_aside.is_empty());
}

#[test]
fn when_the_decoders_cannot_come_the_reader_is_told_only_if_something_waits_for_them() {
    // A first visit to a storage another script filled: the note cannot be saved, but not
    // for want of the decoders, so their failed download is no news to the reader.
    let other = |storage: &MemoryBackend| storage.set("another-script/cache", &"x".repeat(500));
    let measure = MemoryBackend::new();
    other(&measure).unwrap();
    let storage = Shared::new(MemoryBackend::with_quota(measure.used()));
    other(&storage).unwrap();
    let mut tab = ProgressState::unread(storage.clone(), Found::Usable, T0);
    without_readers(|| {
        tab.set_note("dba-raid", "RAID 10", T0 + SECOND);
        tab.flush();
    });
    assert!(tab.notices().full);
    tab.readers_missing();
    assert!(!tab.notices().unread);

    // A stored note waits for them to be read, and a save over it to check it: now the
    // reader is told.
    let storage = stored_note_and_interview();
    let mut tab = ProgressState::unread(storage.clone(), Found::Usable, T0 + HOUR);
    without_readers(|| {
        tab.set_note("dba-raid", "RAID 5", T0 + HOUR);
        tab.flush();
    });
    tab.readers_missing();
    assert!(tab.notices().unread);
    assert!(!tab.notices().full);
}

#[test]
fn a_first_visit_rates_without_the_decoders_and_shows_memory_states_once_they_are_here() {
    let storage = Shared::default();
    let mut tab = ProgressState::unread(storage.clone(), Found::Usable, T0);
    let setup = Setup {
        count: 1,
        ..Setup::default()
    };
    tab.start("first".into(), setup, &["dba-raid"], T0);
    tab.update(Save::Now, |i| {
        i.type_answer("mirrors, then stripes", T0 + SECOND);
        i.done(T0 + 2 * SECOND);
    });
    assert!(!tab.take_needs_readers(), "nothing to replay yet");
    tab.rate(Rating::Good, T0 + 3 * SECOND);
    assert!(tab.take_needs_readers(), "its first rating asks for them");
    assert!(tab.memory().is_empty());
    tab.store_snapshot();
    tab.flush();
    // Its own records are saved; no derived record is written without the decoders.
    assert!(stored::<Interview>(&storage, "first").is_some());
    let keys: Vec<String> = stored_all(&storage).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, vec![record_key::<Interview>("first")]);

    tab.take_changes();
    tab.readers_here();
    let changes = tab.take_changes();
    assert!(
        changes.reviews && changes.interviews,
        "the views replay them"
    );
    assert!(tab.memory().contains_key("dba-raid"));
    assert!(tab.first_rated().contains_key("dba-raid"));
    tab.store_snapshot();
    assert!(stored::<Snapshot>(&storage, Snapshot::ID).is_some());
}
