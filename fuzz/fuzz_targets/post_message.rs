//! Messages from the host page: any text is read as a host message or ignored, never a panic.
#![no_main]

use interview_practice::embed::protocol::HostMessage;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = HostMessage::parse(&text);
});
