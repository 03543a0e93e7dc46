//! Any bytes through the size check, UTF-8 check, JSON parse and validation: never a panic, and every
//! error has a message and a path that points into the input: each step of the path exists in the
//! document (the last one too, unless the error says that field is missing, when it must not), or the
//! path is `(root)` for input that is not a JSON document. A valid dataset survives the binary form's
//! round trip, and the binary decoder never panics on the same bytes. Every error is placed on a line
//! and column inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reported_figures::dataset::{self, binary, json, Date};

#[path = "../../tests/cases/paths.rs"]
mod paths;

fuzz_target!(|data: &[u8]| {
    let _ = binary::decode(data);
    let errors = match dataset::validate_bytes(data, Date { year: 2026, month: 1, day: 1 }) {
        Ok(d) => {
            assert_eq!(binary::decode(&binary::encode(&d)).as_ref(), Some(&d));
            return;
        }
        Err(errors) => errors,
    };
    assert!(!errors.is_empty());
    let places = dataset::positions::locate(data, &errors);
    assert_eq!(places.len(), errors.len());
    let lines = data.split(|&b| b == b'\n').count();
    for p in &places {
        assert!(p.line >= 1 && p.line <= lines && p.column >= 1, "{p:?} outside the input");
    }
    let text = std::str::from_utf8(data).ok();
    let tree = text.and_then(|t| json::parse(t.strip_prefix('\u{FEFF}').unwrap_or(t)).ok());
    for e in &errors {
        assert!(!e.kind.to_string().is_empty(), "an empty message at {}", e.path);
        match &tree {
            Some(tree) if data.len() <= dataset::MAX_INPUT_BYTES => {
                if let Some(why) = paths::check(tree, e) {
                    panic!("{why} ({e})");
                }
            }
            _ => assert_eq!(e.path, "(root)", "{e}"),
        }
    }
});
