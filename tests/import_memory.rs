//! An export file is decoded once: a file of recordings is tens of megabytes, and a phone
//! holds it in memory while it is read. The bytes allocated while `parse` runs, at their peak,
//! stay near one copy of the file.
//!
//! A test binary of its own: its allocator counts every allocation of the process, so no other
//! test may run beside it.

use interview_practice::transfer::export::{parse, Export, RecordingFile};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes held now and their peak since `reset`.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn held(grew: usize) {
    let now = HELD.fetch_add(grew, Ordering::SeqCst) + grew;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        held(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        held(new_size);
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn a_file_of_recordings_is_decoded_once() {
    // Eight minutes of recordings, as base64: 8 MB of text.
    let mut file = Export::new(1_780_000_000_000);
    file.recordings = (0..8)
        .map(|n| RecordingFile {
            key: format!("interview-{n}/1"),
            question: "dba-raid".into(),
            at: 1_780_000_000_000 + n,
            mime: "audio/webm".into(),
            data: "QUJD".repeat(250_000),
        })
        .collect();
    let text = file.to_json();
    drop(file);

    let before = HELD.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let parsed = parse(&text).expect("the file reads");
    let peak = PEAK.load(Ordering::SeqCst) - before;

    assert_eq!(parsed.recordings.len(), 8);
    // The records themselves are one copy; a second (a tree of the whole file, say) would
    // double it.
    assert!(
        peak < text.len() * 3 / 2,
        "parsing {} bytes held {} bytes at its peak",
        text.len(),
        peak
    );
}
