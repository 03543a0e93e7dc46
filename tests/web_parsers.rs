//! In the browser: its URL parser and parseFloat read the same cases as the native parsers
//! (`tests/parsers.rs`), so validation gives the same answers in both.
#![cfg(target_arch = "wasm32")]

#[path = "cases/parsers.rs"]
mod cases;

use reported_figures::dataset::Parsers;
use reported_figures::web::BrowserParsers;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn urls_are_parsed_as_whatwg_says() {
    for (input, want) in cases::URLS {
        let got = BrowserParsers.url(input).map(|u| (u.href, u.scheme, u.has_credentials));
        let want = want.map(|(h, s, c)| (h.to_string(), s.to_string(), c));
        assert_eq!(got, want, "{input:?}");
    }
}

#[wasm_bindgen_test]
fn numbers_are_the_nearest_double() {
    for (literal, want) in cases::NUMBERS {
        let got = BrowserParsers.number(literal).unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "{literal}: {got}");
    }
}
