//! The native parsers read URLs and numbers as the standards say (the browser's are held to the same
//! cases in `tests/web_parsers.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "cases/parsers.rs"]
mod cases;

use reported_figures::dataset::{NativeParsers, Parsers};

#[test]
fn urls_are_parsed_as_whatwg_says() {
    for (input, want) in cases::URLS {
        let got = NativeParsers.url(input).map(|u| (u.href, u.scheme, u.has_credentials));
        let want = want.map(|(h, s, c)| (h.to_string(), s.to_string(), c));
        assert_eq!(got, want, "{input:?}");
    }
}

#[test]
fn numbers_are_the_nearest_double() {
    for (literal, want) in cases::NUMBERS {
        let got = NativeParsers.number(literal).unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "{literal}: {got}");
    }
}
