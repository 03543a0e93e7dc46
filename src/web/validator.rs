//! The validator module's export: a JSON dataset (from `src`, an inline script, or an editor) parsed
//! and validated with the browser's clock and parsers, into the binary form the reader reads, or every
//! problem as `path: message`.

use super::{today, BrowserParsers};
use crate::dataset;
use wasm_bindgen::prelude::*;

/// Validates dataset bytes. Returns the dataset in the binary form, or throws an array of the
/// problems, each `path: message`.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    match dataset::validate_bytes_with(bytes, today(), &BrowserParsers) {
        Ok(d) => Ok(dataset::binary::encode(&d)),
        Err(errors) => Err(errors.iter().map(|e| JsValue::from(e.to_string())).collect::<js_sys::Array>().into()),
    }
}

/// Validates dataset text with the browser's clock and parsers: the error lines (`path: message`),
/// empty when valid.
pub fn check_dataset(text: &str) -> Vec<String> {
    match dataset::validate_with(text, today(), &BrowserParsers) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}
