//! `inner_html` in one module only: src/views/trusted_html.rs, which takes build-time sanitised
//! content and nothing else. Any other use under src/ (including web-sys's `set_inner_html` and
//! a script's `innerHTML`) fails this test.
#![cfg(not(target_arch = "wasm32"))]
// A native test, not shipped: the wasm's size rules (clippy.toml) do not bind it.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

/// The one file allowed to set `inner_html`, relative to the crate root.
const ALLOWED: &str = "src/views/trusted_html.rs";
/// Spellings of the sink: Leptos's attribute and web-sys's setter, and the DOM property.
const NEEDLES: [&str; 2] = ["inner_html", "innerhtml"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable directory entry").path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every `path:line` under src/ (outside `ALLOWED`) that mentions the sink, and the number of
/// mentions in `ALLOWED`.
fn scan() -> (Vec<String>, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src"), &mut all);
    all.sort();
    let mut outside = Vec::new();
    let mut allowed = 0;
    for path in all {
        // Fixtures and other data files count too: only undecodable bytes are skipped.
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let relative = path
            .strip_prefix(root)
            .expect("under the crate root")
            .to_string_lossy()
            .replace('\\', "/");
        for (number, line) in text.lines().enumerate() {
            let lower = line.to_ascii_lowercase();
            if NEEDLES.iter().any(|n| lower.contains(n)) {
                if relative == ALLOWED {
                    allowed += 1;
                } else {
                    outside.push(format!("{relative}:{}: {}", number + 1, line.trim()));
                }
            }
        }
    }
    (outside, allowed)
}

#[test]
fn inner_html_is_set_in_trusted_html_only() {
    let (outside, _) = scan();
    assert!(
        outside.is_empty(),
        "`inner_html` may appear only in {ALLOWED} (build-time sanitised content); found:\n{}",
        outside.join("\n")
    );
}

#[test]
fn the_scan_sees_the_allowed_module() {
    // Guards the guard: if the module moved or the scan broke, the test above would pass vacuously.
    let (_, allowed) = scan();
    assert!(
        allowed > 0,
        "{ALLOWED} no longer mentions inner_html: update this test"
    );
}
