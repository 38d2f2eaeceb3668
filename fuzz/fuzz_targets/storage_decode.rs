//! The storage decoder and its migrations: whatever localStorage holds, `decode` returns a
//! value or an error, never panics.
#![no_main]

use interview_practice::interview::Interview;
use interview_practice::storage::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(interview) = decode::<Interview>(raw) {
        // What decodes must also encode, and read back the same.
        let again = encode(&interview);
        assert_eq!(decode::<Interview>(&again).ok(), Some(interview));
    }
});
