//! The import-file parser: any bytes are read into an export or refused with an error, and an
//! accepted file goes through what importing does next (the preview: merge and FSRS replay).
#![no_main]

use interview_practice::transfer::export::{self, Export};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(file) = export::parse(&text) {
        let _ = export::diff(&Export::new(0), &file);
    }
});
