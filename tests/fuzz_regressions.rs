//! Regression inputs for the fuzz targets (`make fuzz`, fuzz/): every file under
//! fuzz/regressions/<target>/ is fed to all three parsers that read untrusted text, and none may
//! panic. `make fuzz` copies each crash it finds there; hand-written hostile inputs live there too.
#![cfg(not(target_arch = "wasm32"))]

use interview_practice::embed::config;
use interview_practice::interview::Interview;
use interview_practice::review::export::{self, Export};
use interview_practice::storage::{decode, encode};
use std::path::{Path, PathBuf};

/// The fuzz targets, one folder of inputs each.
const TARGETS: [&str; 3] = ["storage_decode", "embed_config", "import_file"];

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
