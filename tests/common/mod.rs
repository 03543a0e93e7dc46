//! Helpers shared by the native chart tests.
#![allow(dead_code)]

use reported_figures::dataset::{self, Dataset, Date};

/// The day the datasets are validated as of.
pub const TODAY: Date = Date { year: 2026, month: 1, day: 1 };

pub fn builtin() -> Dataset {
    dataset::validate(dataset::BUILTIN_JSON, TODAY).unwrap()
}

/// A dataset from `tests/data/`.
pub fn test_data(name: &str) -> Dataset {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    dataset::validate(&text, TODAY).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

/// Every (name, dataset) the chart tests sweep.
pub fn all_datasets() -> Vec<(&'static str, Dataset)> {
    vec![
        ("builtin", builtin()),
        ("ar", test_data("ar-gaza.json")),
        ("he", test_data("he-gaza.json")),
        ("stress", test_data("stress.json")),
        ("long-sources", test_data("long-sources.json")),
        ("rtl-long-source", test_data("rtl-long-source.json")),
    ]
}
