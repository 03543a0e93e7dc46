//! Any bytes through the size check, UTF-8 check, JSON parse and validation: never a panic, and every
//! error names a path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reported_figures::dataset::{self, Date};

fuzz_target!(|data: &[u8]| {
    if let Err(errors) = dataset::validate_bytes(data, Date { year: 2026, month: 1, day: 1 }) {
        assert!(!errors.is_empty());
        for e in errors {
            assert!(!e.path.is_empty());
            let _ = e.to_string();
        }
    }
});
