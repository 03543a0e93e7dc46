//! The browser layer: the only code that touches JavaScript values and the DOM.

use crate::dataset::{self, Date};
use wasm_bindgen::prelude::*;

/// Today's date in UTC from the browser's clock.
fn today() -> Date {
    let ms = js_sys::Date::now();
    Date::from_days_since_epoch((ms / 86_400_000.0).floor() as i64)
}

/// Validates dataset text. Returns an array of error lines (`path: message`); empty when valid.
#[wasm_bindgen(js_name = checkDataset)]
pub fn check_dataset(text: &str) -> Vec<String> {
    match dataset::validate(text, today()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// The built-in dataset's JSON text.
#[wasm_bindgen(js_name = builtinDataset)]
pub fn builtin_dataset() -> String {
    dataset::BUILTIN_JSON.to_string()
}
