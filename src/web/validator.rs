//! The validator module's export: a dataset given as JSON text (from `src`, an inline script, or an
//! editor) parsed and validated with the browser's clock and parsers into the binary form the reader
//! reads, or every problem as `{path, message, kind}`.

use super::{problems, today, BrowserParsers};
use crate::dataset::{self, Dataset, DatasetError};
use wasm_bindgen::prelude::*;

fn result(r: Result<Dataset, Vec<DatasetError>>) -> Result<Vec<u8>, JsValue> {
    r.map(|d| dataset::binary::encode(&d)).map_err(|e| problems(&e))
}

/// Validates dataset bytes (JSON text). Returns the dataset in the binary form, or throws an array of
/// the problems, each `{path, message, kind}`.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    result(dataset::validate_bytes_with(bytes, today(), &BrowserParsers))
}

/// Validates dataset text with the browser's clock and parsers: the error lines (`path: message`),
/// empty when valid.
pub fn check_dataset(text: &str) -> Vec<String> {
    match dataset::validate_with(text, today(), &BrowserParsers) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}
