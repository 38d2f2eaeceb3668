//! The reader's progress as plain data: interviews, ratings, notes and settings in memory, and
//! the policy that saves them through `storage`, one key per record. No browser APIs and no
//! clock: every method that needs the time takes it, so each rule is tested natively, with two
//! tabs on one storage (`testing::Browser`).
//!
//! `ProgressState` is one struct; its methods are grouped by concern, each module with its
//! tests:
//!
//! - `loading`: a start-up that reads the stored records, and the history it left unread.
//! - `practice`: what the reader does (an interview, a review, a note, the settings) and the
//!   interview's clock.
//! - `saving`: `flush`, which writes what changed, and what a failed save leaves.
//! - `tabs`: another tab's change, and which tab runs which interview.
//! - `data`: export, import, and freeing space.
//! - `derived`: memory states, first ratings, the snapshot and the memory cache.
//! - `readers`: `Readers`, the table of everything that reads stored records, and what a tab
//!   does without it.
//!
//! Nothing in memory is ever lost: a save that fails (storage blocked or full) becomes a
//! notice, and the record stays unsaved, to be written again with the next change. Stored
//! values this version cannot read are kept aside, reported, and never overwritten. Between
//! tabs, the newest note or settings win by their timestamps, when another tab's record
//! arrives and again before writing.
//!
//! A long history does not slow the start: a `Snapshot` of the stored interviews and reviews
//! is kept with them, and a start-up that lists the same records reads only the unfinished
//! interviews, taking the count of completed ones, the memory states and first ratings from
//! the snapshot. The completed interviews are read when something lists, changes or exports
//! them (`load_history`), and then correct anything the snapshot had wrong. A save that
//! changes what the snapshot holds voids it; a new one is stored when the page is hidden.

mod data;
mod derived;
mod loading;
mod practice;
mod readers;
mod saving;
mod tabs;
#[cfg(test)]
mod testing;

pub use readers::Readers;

use super::snapshot::Snapshot;
use crate::interview::{Interview, Millis};
use crate::review::cache::MemoryCache;
use crate::review::event;
use crate::review::record::Settings;
use crate::review::{Note, ReviewEvent};
use crate::sorted::SortedMap;
use crate::storage::{Backend, Store, Unreadable};
use std::cell::{Cell, RefCell};

/// How often a running interview is saved even when nothing else changes.
pub const CHECKPOINT_MS: Millis = 5_000;

/// Completed interviews that keep their typed answers; older ones keep everything else, so a
/// long history fits in the browser's storage (the budget test in `interview::record`).
pub const KEEP_ANSWERS: usize = 50;

/// Stored data this version cannot read, kept as it is for the reader to download.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptAside {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

impl From<Unreadable> for KeptAside {
    fn from(u: Unreadable) -> Self {
        KeptAside {
            key: u.key,
            raw: u.raw,
            reason: u.error.to_string(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notices {
    /// Storage is blocked: progress lives in memory only.
    pub not_saved: bool,
    /// The last save failed because storage is full.
    pub full: bool,
    pub kept_aside: Vec<KeptAside>,
    /// A recording could not be stored (IndexedDB blocked or full): why.
    pub recordings: Option<String>,
    /// Stored records wait to be read, or changes to be saved, for the readers (`Readers`),
    /// which could not be downloaded.
    pub unread: bool,
}

/// What the start-up probe found of the browser's storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Reads and writes work.
    Usable,
    /// Reads work, writes are refused: the quota is full. Everything stored is still read.
    Full,
    /// Storage cannot be used: the backend is memory, and progress lasts as long as the page.
    Blocked,
}

/// When a change to this tab's interview is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Save {
    Now,
    /// Shortly after the last change (typing): the caller calls `flush` when typing pauses.
    Soon,
}

/// What changed since the caller last asked (`take_changes`): what views show again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub interviews: bool,
    pub reviews: bool,
    pub notes: bool,
    pub settings: bool,
    pub notices: bool,
    /// Which interview is this tab's, or whether another tab took it.
    pub tab: bool,
}

/// A record to save: what is in memory under this key is written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dirty {
    Interview(String),
    Review(String),
    Note(String),
    Settings,
}

/// For the console, when a record cannot be saved. Not `Debug`: its quoting of strings brings
/// `str`'s escaping and Unicode tables into the start page's wasm, for this one message.
impl std::fmt::Display for Dirty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, id) = match self {
            Dirty::Interview(id) => ("interview", id.as_str()),
            Dirty::Review(id) => ("review of", id.as_str()),
            Dirty::Note(question) => ("note on", question.as_str()),
            Dirty::Settings => return f.write_str("settings"),
        };
        write!(f, "{kind} {id}")
    }
}

/// What became of one record's save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Stored,
    /// Nothing to store: the record is gone, another tab runs it, or holds a newer one.
    Skipped,
    /// Not stored: its key holds a value this tab cannot check without the readers.
    Waiting,
}

/// The reader's progress in memory and the rules that save it through `B`.
pub struct ProgressState<B: Backend> {
    store: Store<B>,
    /// Every interview read: stored ones and this tab's, by start time.
    interviews: Vec<Interview>,
    /// Completed interviews stored but not read yet (a start-up from a snapshot): the ids
    /// `load_history` reads.
    unloaded: Vec<String>,
    /// The id of this tab's interview (running, or just completed).
    active_id: Option<String>,
    /// This tab's interview is running in another tab, which took it over (or held it
    /// first): this tab shows it but neither changes nor saves it.
    moved_away: bool,
    /// Every review rating, by storage id (interview ratings live in their interviews).
    reviews: SortedMap<String, ReviewEvent>,
    /// Question id to the reader's note.
    notes: SortedMap<String, Note>,
    settings: Settings,
    /// Memory states with the ratings they came from, so `memory` replays only what changed
    /// (kept in the storage between visits; a cache, filled as `memory` is asked).
    memory_cache: RefCell<MemoryCache>,
    /// `memory_cache` changed since it was last stored: the next `flush` stores it.
    memory_cache_unsaved: Cell<bool>,
    /// The stored snapshot, as this tab read or wrote it (none when there is none, or it is
    /// unreadable, or void).
    snapshot: Option<Snapshot>,
    /// Interviews or reviews may have changed since `snapshot` was compared with them: the
    /// next `flush` compares, and voids it if it no longer matches.
    snapshot_check: bool,
    notices: Notices,
    /// Records whose latest state is not yet saved (storage full, or a save pending).
    unsaved: Vec<Dirty>,
    /// When the running interview was last saved by a tick.
    checkpoint: Millis,
    changes: Changes,
    /// Saves that failed for another reason than full or blocked storage, for the log.
    problems: Vec<String>,
    /// Something waits for the readers: the caller fetches them, then calls `readers_here`
    /// (`take_needs_readers`).
    needs_readers: bool,
    /// Keys stored, or changed by another tab, not read for want of the readers: read by
    /// `readers_here`.
    unread: Vec<String>,
    /// The last `flush` left a save waiting to check the value it would replace
    /// (`Written::Waiting`): unsaved for want of the readers, not for a full storage.
    unchecked: bool,
    /// What only a tab that reads stored records does; `None` until the readers are here.
    readers: Option<Readers<B>>,
}

impl<B: Backend> ProgressState<B> {
    /// Every interview, by start time (read in full first: `load_history`).
    pub fn interviews(&mut self) -> &[Interview] {
        self.load_history();
        &self.interviews
    }

    pub fn active_id(&self) -> Option<&str> {
        self.active_id.as_deref()
    }

    /// This tab's interview.
    pub fn active(&self) -> Option<&Interview> {
        let id = self.active_id.as_ref()?;
        self.interviews.iter().find(|i| &i.id == id)
    }

    /// Whether another tab took this tab's interview over.
    pub fn moved_away(&self) -> bool {
        self.moved_away
    }

    pub fn notes(&self) -> &SortedMap<String, Note> {
        &self.notes
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn notices(&self) -> &Notices {
        &self.notices
    }

    pub fn backend(&self) -> &B {
        self.store.backend()
    }

    /// How many interviews are completed (`history().len()`, without reading them).
    pub fn completed_count(&self) -> usize {
        self.unloaded.len()
            + self
                .interviews
                .iter()
                .filter(|i| i.completed_at.is_some())
                .count()
    }

    /// Completed interviews, most recent first.
    pub fn history(&mut self) -> Vec<&Interview> {
        self.load_history();
        let mut done: Vec<&Interview> = self
            .interviews
            .iter()
            .filter(|i| i.completed_at.is_some())
            .collect();
        crate::sorting::by_key_descending(&mut done, |i| i.completed_at.unwrap_or(0));
        done
    }

    /// Interviews left unfinished by a closed tab (not this tab's), newest first.
    pub fn unfinished(&self) -> Vec<&Interview> {
        let mut open: Vec<&Interview> = self
            .interviews
            .iter()
            .filter(|i| i.completed_at.is_none() && Some(&i.id) != self.active_id.as_ref())
            .collect();
        crate::sorting::by_key_descending(&mut open, |i| i.started_at);
        open
    }

    /// Every rating, from interviews and from reviews, once each, in time order.
    pub fn rating_events(&mut self) -> Vec<ReviewEvent> {
        self.load_history();
        self.read_rating_events()
    }

    /// `rating_events` of what is read: all of them once `unloaded` is empty.
    fn read_rating_events(&self) -> Vec<ReviewEvent> {
        // A rating that came both as a review record and inside an interview (through an
        // import) counts once, as the export's merge counts it.
        event::unite(
            self.reviews
                .values()
                .cloned()
                .chain(self.interviews.iter().flat_map(event::of_interview)),
        )
    }

    /// Whether any rating is held, from interviews or from reviews.
    fn has_ratings(&self) -> bool {
        !self.reviews.is_empty() || self.interviews.iter().any(|i| i.ratings().next().is_some())
    }

    /// The reader's note on a question, or an empty text.
    pub fn note(&self, question: &str) -> &str {
        self.notes.get(question).map_or("", |n| n.text.as_str())
    }

    /// What changed since the last call.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    /// Saves that failed for another reason than a full or blocked storage, since the last
    /// call: one line each, for the log.
    pub fn take_problems(&mut self) -> Vec<String> {
        std::mem::take(&mut self.problems)
    }
}
