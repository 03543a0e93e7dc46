//! The API module's exports, for code that drives the element from JavaScript; loaded only when a page
//! sets an element's `data`, calls the module's `validate()` with an object, or an element's
//! `toSVG()`: a dataset given as a JavaScript object, converted by serde-wasm-bindgen and validated with
//! the same rules, paths and messages as text; and a chart as the standalone SVG document
//! `reported-figures render` writes.

use super::{js_error, problems, today, BrowserMeasure, BrowserParsers};
use crate::chart::{self, Options, ThemeName};
use crate::dataset;
use wasm_bindgen::prelude::*;

/// Validates a dataset given as a JavaScript value. Returns it in the binary form, or throws an array
/// of the problems, each `{path, message, kind}`. The caller passes a copy made by `structuredClone`
/// (so no getter or proxy of the page's runs here); a cyclic object ends at the 128-level depth limit
/// and a huge one at the size limit, each reported at its path.
#[wasm_bindgen(js_name = validateValue)]
pub fn validate_value(value: JsValue) -> Result<Vec<u8>, JsValue> {
    dataset::validate_data(serde_wasm_bindgen::Deserializer::from(value), today(), &BrowserParsers)
        .map(|d| dataset::binary::encode(&d))
        .map_err(|e| problems(&e))
}

/// A chart of a dataset in the binary form as a standalone SVG document, exactly as
/// `reported-figures render` writes it, `width` CSS pixels wide in a theme (`light` or `dark`).
#[wasm_bindgen(js_name = chartSvg)]
pub fn chart_svg(data: &[u8], chart: &str, width: f64, theme: &str, lang: Option<String>) -> Result<String, JsValue> {
    let d = dataset::binary::decode(data).ok_or_else(|| js_error("the chart's data is damaged"))?;
    let theme = ThemeName::parse(theme).ok_or_else(|| js_error("unknown theme: use light or dark"))?;
    let opts = Options { width, height: None, theme, lang };
    let spec = chart::describe(&d, chart, &opts, &BrowserMeasure).map_err(|_| js_error("no such chart"))?;
    Ok(chart::svg::render(&spec))
}
