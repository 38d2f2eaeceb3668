//! The hash route: any URL fragment is a page of the app (or the not-found page), and the link
//! of what it parsed to parses back to the same page.
#![no_main]

use interview_practice::route::Route;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let route = Route::parse(&text);
    assert_eq!(Route::parse(&route.href()), route);
});
