//! In the browser: the built-in dataset parses and validates, and invalid data is refused with paths.
#![cfg(target_arch = "wasm32")]

#[cfg(not(feature = "test-hooks"))]
compile_error!("the browser tests use the test-only exports: wasm-pack test --headless --chrome --features test-hooks");

use reported_figures::dataset::{self, Date};
use reported_figures::web;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_builtin_dataset_validates_in_the_browser() {
    assert_eq!(web::validator::check_dataset(dataset::BUILTIN_JSON), Vec::<String>::new());
    let d = dataset::validate_with(dataset::BUILTIN_JSON, Date { year: 2024, month: 4, day: 8 }, &web::BrowserParsers)
        .unwrap();
    assert_eq!(d.figures.len(), 17);
    assert_eq!(d.chart("deaths").unwrap().figures.len(), 4);
}

#[wasm_bindgen_test]
fn invalid_data_is_refused_with_json_paths_in_the_browser() {
    let text = r#"{"title": "T", "sources": [{"id": "s", "name": "S"}],
        "figures": [{"label": "L", "value": 1e400, "unit": "u", "source": "s", "as_of": "2024-04-08", "as_of": "x"}]}"#;
    assert_eq!(
        web::validator::check_dataset(text),
        [
            "figures[0].as_of: duplicate key \"as_of\" in the same object",
            "figures[0].value: must be a number from 0 to 9007199254740991, got 1e+400",
        ]
    );
}

#[wasm_bindgen_test]
fn the_browser_clock_refuses_dates_far_in_the_future() {
    let text = r#"{"title": "T", "sources": [{"id": "s", "name": "S"}],
        "figures": [{"label": "L", "value": 1, "unit": "u", "source": "s", "as_of": "9999-01-01"}]}"#;
    let errors = web::validator::check_dataset(text);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with(
            "figures[0].as_of: must not be more than a day in the future, got \"9999-01-01\" (today is 20"
        ),
        "{errors:?}"
    );
}
