//! The native parsers read URLs and numbers as the standards say (the browser's are held to the same
//! cases in `tests/web_parsers.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "cases/parsers.rs"]
mod cases;

use reported_figures::dataset::NativeParsers;

#[test]
fn urls_are_parsed_as_whatwg_says() {
    cases::check_urls(&NativeParsers);
}

#[test]
fn numbers_are_the_nearest_double() {
    cases::check_numbers(&NativeParsers);
}
