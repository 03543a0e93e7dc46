//! The browser layer: the only code that touches JavaScript values and the canvas. It is built as two
//! wasm modules (cargo features): the reader (`reader`, the default: charts described, painted, and
//! their texts and geometry handed to the element, which builds the DOM from them as text) and the
//! validator (`validator`: JSON datasets parsed and validated into the binary form the reader reads),
//! which a page loads only for datasets given as JSON.

use crate::chart::{self, ChartSpec, TextMeasure};
#[cfg(any(feature = "validator", feature = "api", feature = "editor", feature = "test-hooks"))]
use crate::dataset::Date;
use wasm_bindgen::prelude::*;

#[cfg(feature = "api")]
mod api;
mod canvas;
#[cfg(feature = "editor")]
mod editor;
#[cfg(any(feature = "validator", feature = "api", feature = "editor", feature = "test-hooks"))]
mod parsers;
#[cfg(any(feature = "validator", feature = "test-hooks"))]
pub mod validator;
#[cfg(feature = "reader")]
mod widget;

#[cfg(any(feature = "validator", feature = "api", feature = "editor", feature = "test-hooks"))]
pub use parsers::BrowserParsers;
#[cfg(feature = "reader")]
pub use widget::Widget;

#[wasm_bindgen(module = "/www/segment.js")]
extern "C" {
    #[wasm_bindgen(js_name = graphemeStarts)]
    fn grapheme_starts(text: &str) -> Vec<u32>;
}

/// Today's date in UTC from the browser's clock.
#[cfg(any(feature = "validator", feature = "api", feature = "editor", feature = "test-hooks"))]
pub(crate) fn today() -> Date {
    let ms = js_sys::Date::now();
    Date::from_days_since_epoch((ms / 86_400_000.0).floor() as i64)
}

/// Rust data as a plain JavaScript value through serde-wasm-bindgen (objects, not `Map`s; `null` for
/// absent values; numbers as numbers).
pub(crate) fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

/// One validation problem, as JavaScript receives it.
#[cfg(any(feature = "validator", feature = "api", feature = "editor", feature = "test-hooks"))]
#[derive(serde::Serialize)]
struct Problem<'a> {
    path: &'a str,
    message: String,
    kind: &'static str,
}

/// Validation problems as an array of `{path, message, kind}` (what the modules throw).
#[cfg(any(feature = "validator", feature = "api", feature = "editor", feature = "test-hooks"))]
pub(crate) fn problems(errors: &[crate::dataset::DatasetError]) -> JsValue {
    let list: Vec<Problem> =
        errors.iter().map(|e| Problem { path: &e.path, message: e.kind.to_string(), kind: e.kind.name() }).collect();
    to_js(&list).unwrap_or_else(|e| e)
}

/// Converts a Rust error message into the one kind of JavaScript error this module throws.
pub(crate) fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Text measured as natively, from the metric table (so a chart laid out here is the very layout
/// of its pre-rendered picture), with grapheme clusters from the browser's `Intl.Segmenter` (so the
/// module carries no Unicode tables).
pub struct BrowserMeasure;

impl TextMeasure for BrowserMeasure {
    fn width(&self, text: &str, font: chart::text::Font) -> f64 {
        chart::text::metric_width(text, font)
    }

    fn graphemes(&self, text: &str) -> Vec<usize> {
        // Intl.Segmenter counts UTF-16 units; walk the string once to turn them into byte offsets.
        let starts = grapheme_starts(text);
        let mut out = Vec::with_capacity(starts.len());
        let (mut utf16, mut next) = (0u32, starts.iter().peekable());
        for (byte, c) in text.char_indices() {
            while next.peek().is_some_and(|&&s| s <= utf16) {
                next.next();
                out.push(byte);
            }
            utf16 += c.len_utf16() as u32;
        }
        out.dedup();
        out
    }
}

/// The size of the module's linear memory in bytes (it only grows: flat after warm-up means no leak).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Describes a chart with text measured as in the browser.
pub fn describe(d: &crate::dataset::Dataset, chart: &str, opts: &chart::Options) -> Result<ChartSpec, JsValue> {
    chart::describe(d, chart, opts, &BrowserMeasure).map_err(|e| match e {
        chart::ChartError::UnknownChart { .. } => js_error("no such chart"),
    })
}

pub use canvas::paint;
