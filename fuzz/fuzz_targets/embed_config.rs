//! The URL parameter parser: any query string gives a configuration and a list of problems.
#![no_main]

use interview_practice::embed::config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (config, _problems) = config::parse(&query);
    // Whatever was accepted must build an interview set-up without panicking.
    let _ = config.setup();
});
