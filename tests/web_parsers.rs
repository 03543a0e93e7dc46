//! In the browser: its URL parser and parseFloat read the same cases as the native parsers
//! (`tests/parsers.rs`), so validation gives the same answers in both.
#![cfg(target_arch = "wasm32")]

#[path = "cases/parsers.rs"]
mod cases;

use reported_figures::web::BrowserParsers;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn urls_are_parsed_as_whatwg_says() {
    cases::check_urls(&BrowserParsers);
}

#[wasm_bindgen_test]
fn numbers_are_the_nearest_double() {
    cases::check_numbers(&BrowserParsers);
}
