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

/// Every figure of a dataset (the built-in one when `text` is undefined) as table rows: the header
/// row first, then one row per figure, as arrays of plain strings. Errors come back as an array of
/// `path: message` lines.
#[wasm_bindgen(js_name = tableRows)]
pub fn table_rows(text: Option<String>) -> Result<JsValue, JsValue> {
    let text = text.as_deref().unwrap_or(dataset::BUILTIN_JSON);
    match dataset::validate(text, today()) {
        Ok(d) => {
            let mut rows = vec![crate::export::COLUMNS.map(String::from)];
            rows.extend(crate::export::rows(&d));
            serde_wasm_bindgen::to_value(&rows).map_err(JsValue::from)
        }
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Err(serde_wasm_bindgen::to_value(&lines).map_err(JsValue::from)?)
        }
    }
}
