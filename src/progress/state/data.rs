//! The reader's data as a whole: export, import (previewed, then merged), and freeing space
//! (answers compacted, interviews deleted).

use super::loading::compact_old_answers;
use super::saving::edit_time;
use super::{Changes, Dirty, ProgressState, KEEP_ANSWERS};
use crate::interview::{Interview, Millis};
use crate::review::record::{review_id, Settings};
use crate::sorted::{SortedMap, SortedSet};
use crate::storage::usage::Usage;
use crate::storage::Backend;
use crate::transfer::export::{self, Export, ImportPreview};

impl<B: Backend> ProgressState<B> {
    /// Everything, as one export file.
    pub fn export(&mut self, now: Millis) -> Export {
        self.load_history();
        let mut file = Export::new(now);
        file.interviews = self.interviews.clone();
        file.reviews = self.rating_events();
        file.memory = export::replay_all(&file.reviews);
        file.notes = self.notes.clone();
        file.settings = self.settings.to_map();
        file
    }

    /// How much storage the progress and the site use; `None` when progress is not saved.
    pub fn usage(&self) -> Option<Usage> {
        if self.notices.not_saved {
            return None;
        }
        Usage::of(self.store.backend())
    }

    /// Frees space on the reader's request: drops the typed answers of completed interviews
    /// beyond the newest `keep` (times, key points and ratings stay). Returns how many changed.
    pub fn compact_answers(&mut self, keep: usize) -> usize {
        self.load_history();
        let changed = compact_old_answers(&mut self.interviews, keep);
        if !changed.is_empty() {
            self.changes.interviews = true;
        }
        let count = changed.len();
        for id in changed {
            self.mark(Dirty::Interview(id));
        }
        self.flush();
        count
    }

    /// Deletes completed interviews, with their answers and ratings, on the reader's request;
    /// unfinished ones are never deleted. Then retries what was waiting for space.
    pub fn delete_interviews(&mut self, ids: &[String]) {
        self.load_history();
        let ids: Vec<&String> = ids
            .iter()
            .filter(|id| {
                self.interviews
                    .iter()
                    .any(|i| &i.id == *id && i.completed_at.is_some())
            })
            .collect();
        if ids.is_empty() {
            return;
        }
        self.interviews.retain(|i| !ids.contains(&&i.id));
        self.unsaved
            .retain(|k| !matches!(k, Dirty::Interview(id) if ids.contains(&id)));
        self.changes.interviews = true;
        for id in ids {
            if let Err(e) = self.store.delete::<Interview>(id) {
                self.problems
                    .push(format!("interview {id} not deleted: {e}"));
            }
        }
        self.flush();
    }

    /// What importing `incoming` would change, as `import` changes it: with the typed answers
    /// of completed interviews beyond the newest `KEEP_ANSWERS` dropped, which it counts apart.
    pub fn preview(&mut self, incoming: &Export, now: Millis) -> ImportPreview {
        let here = self.export(now);
        let mut merged = export::merge(&here, incoming);
        let brought = merged.interviews.clone();
        let dropped = compact_old_answers(&mut merged.interviews, KEEP_ANSWERS);
        let mut preview = export::diff_merged(&here, &merged);
        let by_id = |list: &'_ [Interview]| -> SortedMap<String, usize> {
            list.iter()
                .enumerate()
                .map(|(at, i)| (i.id.clone(), at))
                .collect()
        };
        let (was, came, ends) = (
            by_id(&here.interviews),
            by_id(&brought),
            by_id(&merged.interviews),
        );
        for id in &dropped {
            let was = was.get(id).map(|&at| &here.interviews[at]);
            let came = came.get(id).map(|&at| &brought[at]);
            let ends = ends.get(id).map(|&at| &merged.interviews[at]);
            match was {
                // Already without them here: nothing changes.
                Some(_) if was == ends => continue,
                // Changed only by losing its answers: not further along.
                Some(_) if was == came => {
                    preview.updated_interviews = preview.updated_interviews.saturating_sub(1)
                }
                _ => {}
            }
            preview.answers_dropped += 1;
        }
        preview
    }

    /// Merges `incoming` into everything here, losing nothing on either side, and saves what
    /// changed: exactly what `preview` announced.
    pub fn import(&mut self, incoming: &Export, now: Millis) {
        let merged = export::merge(&self.export(now), incoming);
        // Ratings kept in the interviews are not stored twice.
        let in_interviews: SortedSet<(u64, &str)> = merged
            .interviews
            .iter()
            .flat_map(|i| i.ratings().map(|(at, question, _)| (at, question)))
            .collect();
        let mut reviews = SortedMap::new();
        for event in &merged.reviews {
            if !in_interviews.contains(&(event.at, event.question.as_str())) {
                reviews.insert(review_id(event), event.clone());
            }
        }
        let mut interviews = merged.interviews;
        compact_old_answers(&mut interviews, KEEP_ANSWERS);
        let settings = Settings::from_map(&merged.settings);

        // Only what differs is written: a record already here is not saved again.
        let mut dirty = Vec::new();
        for interview in &interviews {
            if !self.interviews.contains(interview) {
                dirty.push(Dirty::Interview(interview.id.clone()));
            }
        }
        for (id, event) in &reviews {
            if self.reviews.get(id) != Some(event) {
                dirty.push(Dirty::Review(id.clone()));
            }
        }
        for (question, note) in &merged.notes {
            if self.notes.get(question) != Some(note) {
                dirty.push(Dirty::Note(question.clone()));
            }
        }
        if !settings.same_choices(&self.settings) {
            self.settings = Settings {
                updated_at: edit_time(Some(self.settings.updated_at), now),
                ..settings
            };
            dirty.push(Dirty::Settings);
        }
        self.interviews = interviews;
        self.reviews = reviews;
        self.notes = merged.notes;
        self.changes = Changes {
            interviews: true,
            reviews: true,
            notes: true,
            settings: true,
            ..self.changes
        };
        for key in dirty {
            self.mark(key);
        }
        self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Ending;
    use crate::progress::state::testing::*;

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
                answers_dropped: 0,
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
    fn the_preview_says_whose_answers_the_import_drops() {
        // Here: as many completed interviews as keep their answers.
        let storage = Shared::default();
        for n in 0..KEEP_ANSWERS as u64 {
            let id = format!("here{n:02}");
            put(&storage, &id, &completed(&id, T0 + (10 + n) * HOUR, "mine"));
        }
        let now = T0 + 100 * HOUR;
        let mut tab = open_tab(&storage, now);
        // The file: two interviews newer than any here, and one older than all.
        let mut file = Export::new(now);
        file.interviews = vec![
            completed("newer-1", T0 + 80 * HOUR, "theirs"),
            completed("newer-2", T0 + 81 * HOUR, "theirs"),
            completed("older", T0, "theirs"),
        ];
        let preview = tab.preview(&file, now);
        assert_eq!(preview.new_interviews, 3);
        // The two oldest here, and the file's older one; those here are not further along.
        assert_eq!(preview.answers_dropped, 3);
        assert_eq!(preview.updated_interviews, 0);

        tab.import(&file, now);
        let mut without: Vec<&str> = tab
            .interviews()
            .iter()
            .filter(|i| i.attempts.iter().all(|a| a.answer.is_empty()))
            .map(|i| i.id.as_str())
            .collect();
        without.sort_unstable();
        assert_eq!(without, ["here00", "here01", "older"]);
        // Dropped once: the same file again drops nothing more.
        assert_eq!(tab.preview(&file, now), ImportPreview::default());
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
}
