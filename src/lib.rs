//! Charts of the figures a news report gives, in which every number carries its source: who said it,
//! how sure they were ("more than 600", "about 40") and as of when.
//!
//! A dataset is JSON in the format of `www/dataset.schema.json` (version 1). This crate validates it
//! (every problem with the JSON path of the field at fault), describes a chart of it (a pure layout in
//! CSS pixels), draws that as a standalone SVG, and writes its figures as CSV or Markdown. The same
//! code runs in the browser as the `<reported-figures>` element's WebAssembly.
//!
//! ```
//! # // Native: `wasm-pack test` builds doctests for wasm32 too, where this example does nothing.
//! # #[cfg(target_arch = "wasm32")]
//! # fn main() {}
//! # #[cfg(not(target_arch = "wasm32"))]
//! # fn main() {
//! use reported_figures::{csv, render_svg, validate, Date, Options, ThemeName};
//!
//! let text = r#"{
//!   "title": "Hostages",
//!   "sources": [{"id": "reuters", "name": "Reuters"}],
//!   "figures": [
//!     {"id": "taken", "label": "Taken hostage", "value": 253, "unit": "people",
//!      "source": "reuters", "as_of": "2024-04-08"},
//!     {"id": "first-stage", "label": "Proposed for release", "value": 40, "unit": "people",
//!      "approx": "about", "status": "proposed", "source": "reuters", "as_of": "2024-04-08"}
//!   ]
//! }"#;
//! let today = Date { year: 2024, month: 4, day: 9 };
//! let dataset = validate(text, today).expect("a valid dataset");
//! assert_eq!(dataset.figures.len(), 2);
//!
//! // One chart per unit when the dataset declares none; the first is drawn here, 640 px wide.
//! let chart = dataset.charts[0].id.clone();
//! let options = Options { width: 640.0, height: None, theme: ThemeName::Light, lang: None };
//! let svg = render_svg(&dataset, &chart, &options).expect("the chart exists");
//! assert!(svg.starts_with("<svg") && svg.contains("Reuters") && svg.contains("about 40"));
//!
//! // Problems are reported at their JSON paths.
//! let errors = validate(&text.replace("253", "-5"), today).unwrap_err();
//! assert_eq!(errors[0].to_string(), "figures[0].value: must be a number from 0 to 9007199254740991, got -5");
//!
//! // The table of figures, with each one's source.
//! assert!(csv(&dataset).lines().nth(1).unwrap().starts_with("taken,Taken hostage,253,people,exact,reported,Reuters"));
//! # }
//! ```
//!
//! The modules below the crate root (`dataset`, `chart`, `markup`, `web` …) are the implementation,
//! shared with the command-line tool, the benchmarks, the fuzzers and the tests; they are hidden from
//! these docs and not a stable API. See `ARCHITECTURE.md`.
#![warn(missing_docs)]

#[doc(hidden)]
pub mod assets;
#[doc(hidden)]
pub mod chart;
#[doc(hidden)]
pub mod dataset;
// Drafting is native and the editor's: the reader's and validator's wasm never contain it.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
#[doc(hidden)]
pub mod draft;
#[doc(hidden)]
pub mod export;
#[doc(hidden)]
pub mod markup;
#[doc(hidden)]
pub mod num;
#[doc(hidden)]
pub mod strings;

#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod cli;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
#[doc(hidden)]
pub mod import;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod web;

pub use chart::spec::{Align, Bar, ChartSpec, Marks, Paint, Rect, Shape, TextItem, TextRole};
pub use chart::text::Font;
pub use chart::theme::Color;
pub use chart::{ChartError, Options, ThemeName};
pub use dataset::{
    Approx, Article, AsOf, Chart, Dataset, DatasetError, Date, ErrorKind, Figure, ForbiddenKind, Source, Status,
    UnitForms, MAX_CHARTS, MAX_FIGURES, MAX_INPUT_BYTES, MAX_SOURCES, MAX_VALUE,
};
pub use export::{csv, markdown};

/// A figure's value as a JSON number (a whole number as an integer).
#[doc(hidden)]
pub fn num_json(v: f64) -> serde_json::Value {
    serde_json::to_value(dataset::serialize::Value(v)).unwrap_or(serde_json::Value::Null)
}

/// Parses and validates a dataset's JSON text. `today` is the day of validation (dates more than a day
/// after it are refused). Returns the dataset, or every problem found, each at its JSON path
/// (`figures[2].value: must be a number …`). Never panics, whatever the input.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate(text: &str, today: Date) -> Result<Dataset, Vec<DatasetError>> {
    dataset::validate(text, today)
}

/// Describes the chart `chart` (an id of `dataset.charts`) at `options`: every shape, text and bar in
/// CSS pixels, with text measured by the same metric table the browser uses.
#[cfg(not(target_arch = "wasm32"))]
pub fn describe(dataset: &Dataset, chart: &str, options: &Options) -> Result<ChartSpec, ChartError> {
    chart::describe(dataset, chart, options, &chart::MetricTable)
}

/// Draws the chart `chart` as a standalone SVG document (what `reported-figures render` writes): real
/// `<text>` for every title, label, value and source, with a title and a description for screen readers.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_svg(dataset: &Dataset, chart: &str, options: &Options) -> Result<String, ChartError> {
    describe(dataset, chart, options).map(|spec| chart::svg::render(&spec))
}
