//! Regression inputs for the fuzz targets (`make fuzz`, fuzz/): every file under
//! fuzz/regressions/<target>/ is fed to all three parsers that read untrusted text, and none may
//! panic. `make fuzz` copies each crash it finds there; hand-written hostile inputs live there too.
#![cfg(not(target_arch = "wasm32"))]
// A native test, not shipped: the wasm's size rules (clippy.toml) do not bind it.
#![allow(clippy::disallowed_methods)]

use interview_practice::embed::config;
use interview_practice::embed::protocol::HostMessage;
use interview_practice::interview::{Interview, Summary};
use interview_practice::route::Route;
use interview_practice::storage::{decode, encode};
use interview_practice::transfer::export::{self, Export};
use std::path::{Path, PathBuf};

/// The fuzz targets, one folder of inputs each.
const TARGETS: [&str; 6] = [
    "storage_decode",
    "embed_config",
    "import_file",
    "post_message",
    "hash_route",
    "interview_numbers",
];

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut files = Vec::new();
    for target in TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        files.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_file()));
    }
    files.sort();
    files
}

/// What each fuzz target does with its input (fuzz/fuzz_targets/*.rs).
fn feed(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(interview) = decode::<Interview>(&text) {
        let again = encode(&interview);
        assert_eq!(decode::<Interview>(&again).ok(), Some(interview));
    }
    let (config, _problems) = config::parse(&text);
    let _ = config.setup();
    if let Ok(file) = export::parse(&text) {
        let _ = export::diff(&Export::new(0), &file);
    }
    let _ = HostMessage::parse(&text);
    let route = Route::parse(&text);
    assert_eq!(Route::parse(&route.href()), route);
    // The clock and summary arithmetic at hostile times.
    if let Ok(mut interview) = decode::<Interview>(&text) {
        for now in [0, 1, u64::MAX / 2, u64::MAX - 1, u64::MAX] {
            assert!(Summary::of(&interview).score() <= 100);
            let _ = interview.elapsed_ms(now);
            if let Some(attempt) = interview.attempt() {
                assert!(attempt.remaining_ms(now) <= attempt.allowed_ms);
            }
            interview.restore(now);
            interview.tick(now);
        }
    }
}

#[test]
fn no_regression_input_panics() {
    let files = inputs();
    assert!(
        !files.is_empty(),
        "fuzz/regressions/ holds no input: the seeds are missing"
    );
    let mut failed = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if std::panic::catch_unwind(|| feed(&bytes)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "these inputs panic:\n{}",
        failed.join("\n")
    );
}

/// The seed with the clock at u64::MAX must decode (an out-of-range number would be refused
/// before the arithmetic it is there to test).
#[test]
fn the_largest_clock_seed_reaches_the_arithmetic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/storage_decode");
    let text = std::fs::read_to_string(root.join("seed-clock-u64-max.json")).unwrap();
    let interview = decode::<Interview>(&text).expect("the seed decodes");
    assert_eq!(interview.attempts[0].clock.banked, u64::MAX);
    assert_eq!(interview.started_at, u64::MAX);
    assert!(Summary::of(&interview).score() <= 100);
    // Time used is capped by each question's time allowed, however large the stored clock.
    assert_eq!(interview.elapsed_ms(u64::MAX), 120_000 + 45_000);
}
