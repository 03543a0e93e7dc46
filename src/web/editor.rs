//! The editor module's exports (editor.html only): a report drafted into a dataset, a table of figures
//! imported, a dataset object checked as the editor types (every problem with its path), the charts a
//! dataset has, and a chart's embed code with its pictures drawn, by the same code as the tool's.

use super::{problems, to_js, today, BrowserParsers};
use crate::dataset::{self, Dataset, DatasetError};
use crate::markup::embed::{self, Data, Embed};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A UTF-16 offset (what JavaScript strings count) from a byte offset in `text`.
fn utf16(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].encode_utf16().count()
}

/// A JSON tree as a plain JavaScript value. (serde_json's numbers keep their literal with the
/// `arbitrary_precision` feature this crate needs, which serde-wasm-bindgen would pass on as a private
/// map; here each becomes a JavaScript number.)
fn json_to_js(v: &serde_json::Value) -> JsValue {
    use serde_json::Value;
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => n.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(json_to_js).collect::<js_sys::Array>().into(),
        Value::Object(members) => {
            let o = js_sys::Object::new();
            for (k, v) in members {
                let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &json_to_js(v));
            }
            o.into()
        }
    }
}

/// Drafts a dataset from a report's text: `{dataset, spans}`. Throws an `Error` with a reader's message
/// for an empty or too large report or a bad date.
#[wasm_bindgen(js_name = draftReport)]
pub fn draft_report(
    text: &str,
    publisher: Option<String>,
    published: Option<String>,
    headline: Option<String>,
) -> Result<JsValue, JsValue> {
    let options = crate::draft::DraftOptions { publisher, published, headline };
    let d = crate::draft::draft(text, &options, today()).map_err(|e| super::js_error(&e.to_string()))?;
    let spans: Vec<[usize; 2]> = d.figures.iter().map(|f| [utf16(text, f.span.0), utf16(text, f.span.1)]).collect();
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"dataset".into(), &json_to_js(&d.to_json(today())));
    let _ = js_sys::Reflect::set(&out, &"spans".into(), &to_js(&spans)?);
    Ok(out.into())
}

/// The sentence of the report that holds the UTF-16 offset `at` (a missed figure's quote), or "".
#[wasm_bindgen(js_name = sentenceAt)]
pub fn sentence_at(text: &str, at: usize) -> String {
    // The byte offset of the UTF-16 offset.
    let mut units = 0;
    let byte = text.char_indices().find(|&(_, c)| {
        let hit = units >= at;
        units += c.len_utf16();
        hit
    });
    let byte = byte.map_or(text.len(), |(b, _)| b);
    crate::draft::sentence_at(text, byte).unwrap_or("").to_string()
}

/// A table of figures (CSV or tab-separated) as a dataset object titled `title`; throws an array of the
/// problems (`LINE: column NAME: message`).
#[wasm_bindgen(js_name = importTable)]
pub fn import_table(text: &str, title: &str) -> Result<JsValue, JsValue> {
    match crate::import::import(text.as_bytes(), title) {
        Ok(v) => Ok(json_to_js(&v)),
        Err(lines) => Err(lines.iter().map(|l| JsValue::from(l.as_str())).collect::<js_sys::Array>().into()),
    }
}

fn validated(value: JsValue) -> Result<Dataset, Vec<DatasetError>> {
    dataset::validate_data(serde_wasm_bindgen::Deserializer::from(value), today(), &BrowserParsers)
}

#[derive(Serialize)]
struct ChartInfo<'a> {
    id: &'a str,
    title: &'a str,
    figures: usize,
}

/// Checks a dataset object as the editor types: `{ok, errors, charts}`, the charts being those the
/// dataset has once valid (declared, or one per unit).
#[wasm_bindgen(js_name = checkValue)]
pub fn check_value(value: JsValue) -> JsValue {
    let out = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&out, &k.into(), v);
    };
    match validated(value) {
        Ok(d) => {
            let charts: Vec<ChartInfo> =
                d.charts.iter().map(|c| ChartInfo { id: &c.id, title: &c.title, figures: c.figures.len() }).collect();
            set("ok", &JsValue::TRUE);
            set("errors", &js_sys::Array::new());
            set("charts", &to_js(&charts).unwrap_or(JsValue::NULL));
        }
        Err(errors) => {
            set("ok", &JsValue::FALSE);
            set("errors", &problems(&errors));
            set("charts", &js_sys::Array::new());
        }
    }
    out.into()
}

/// A chart's embed code, drawn already (pictures, inline data), exactly as `reported-figures embed`
/// writes it; `script` is the URL of reported-figures.js. Throws the problems of an invalid dataset.
#[wasm_bindgen(js_name = embedCode)]
pub fn embed_code(value: JsValue, chart: &str, script: &str) -> Result<String, JsValue> {
    let d = validated(value).map_err(|e| problems(&e))?;
    let e = Embed { chart, theme: "auto", lang: None, data: Data::Inline(&d) };
    embed::code(&d, &e, script).map_err(|e| super::js_error(&e.to_string()))
}
