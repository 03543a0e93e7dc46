//! The browser layer: the only code that touches JavaScript values, the DOM and the canvas.
//! Everything it shows comes from the pure modules; it converts, measures text and paints.

use crate::chart::{self, layout, ChartSpec, TextMeasure, TextScale, ThemeName};
use crate::dataset::{self, Dataset, Date};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

mod widget;
pub use widget::Widget;

/// Today's date in UTC from the browser's clock.
pub(crate) fn today() -> Date {
    let ms = js_sys::Date::now();
    Date::from_days_since_epoch((ms / 86_400_000.0).floor() as i64)
}

/// Converts a Rust error into the one kind of JavaScript error this module throws.
pub(crate) fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// Text measured with the canvas's `measureText`, cached per font and string: one measurement per
/// distinct label for the life of the page, and no DOM layout at all.
pub(crate) struct CanvasMeasure {
    ctx: CanvasRenderingContext2d,
    font: RefCell<String>,
    cache: RefCell<HashMap<(String, u32, bool), f64>>,
}

impl CanvasMeasure {
    fn new() -> Result<CanvasMeasure, JsValue> {
        let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| js_error("no document"))?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        let ctx: CanvasRenderingContext2d =
            canvas.get_context("2d")?.ok_or_else(|| js_error("no 2d context"))?.dyn_into()?;
        Ok(CanvasMeasure { ctx, font: RefCell::new(String::new()), cache: RefCell::new(HashMap::new()) })
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, font: chart::text::Font) -> f64 {
        let key = (text.to_string(), (font.size * 100.0) as u32, font.bold);
        if let Some(w) = self.cache.borrow().get(&key) {
            return *w;
        }
        let css = font.css();
        if *self.font.borrow() != css {
            self.ctx.set_font(&css);
            *self.font.borrow_mut() = css;
        }
        let w = self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        let mut cache = self.cache.borrow_mut();
        if cache.len() > 20_000 {
            cache.clear();
        }
        cache.insert(key, w);
        w
    }
}

thread_local! {
    static MEASURE: RefCell<Option<CanvasMeasure>> = const { RefCell::new(None) };
}

/// Runs `f` with the shared canvas measurer, creating it on first use.
pub(crate) fn with_measure<T>(f: impl FnOnce(&CanvasMeasure) -> T) -> Result<T, JsValue> {
    MEASURE.with(|cell| {
        if cell.borrow().is_none() {
            *cell.borrow_mut() = Some(CanvasMeasure::new()?);
        }
        let guard = cell.borrow();
        guard.as_ref().map(f).ok_or_else(|| js_error("no text measurer"))
    })
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

/// A validated dataset, ready to draw.
#[wasm_bindgen]
pub struct Figures {
    dataset: Dataset,
}

pub(crate) fn theme(name: &str) -> Result<ThemeName, JsValue> {
    ThemeName::parse(name).ok_or_else(|| js_error(format!("unknown theme {name:?}: use light or dark")))
}

#[wasm_bindgen]
impl Figures {
    /// Parses and validates dataset text; throws an Error whose message lists every problem, one
    /// `path: message` per line.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Figures, JsValue> {
        dataset::validate(text, today())
            .map(|dataset| Figures { dataset })
            .map_err(|errors| js_error(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")))
    }

    /// The built-in dataset: the Reuters report of 8 April 2024.
    pub fn builtin() -> Result<Figures, JsValue> {
        Figures::new(dataset::BUILTIN_JSON)
    }

    /// The ids of the charts, in order.
    #[wasm_bindgen(js_name = chartIds)]
    pub fn chart_ids(&self) -> Vec<String> {
        self.dataset.charts.iter().map(|c| c.id.clone()).collect()
    }

    fn describe(&self, chart: &str, width: f64, height: Option<f64>, theme_name: &str) -> Result<ChartSpec, JsValue> {
        let opts = layout::Options { width, height, theme: theme(theme_name)?, lang: None };
        with_measure(|m| chart::describe(&self.dataset, chart, &opts, m))?.map_err(js_error)
    }

    /// Draws a chart on a canvas `width` CSS pixels wide (and at least `height` high), sharp at
    /// `dpr` device pixels per CSS pixel (the window's `devicePixelRatio` when omitted). Sets the
    /// canvas's CSS size and backing store. Returns the chart's height in CSS pixels.
    pub fn draw(
        &self,
        canvas: &HtmlCanvasElement,
        chart: &str,
        width: f64,
        height: Option<f64>,
        theme_name: &str,
        dpr: Option<f64>,
    ) -> Result<f64, JsValue> {
        let spec = self.describe(chart, width, height, theme_name)?;
        paint(canvas, &spec, dpr)?;
        Ok(spec.height)
    }

    /// Where each bar of a chart is, in CSS pixels, as drawn at this size: an array of
    /// `{figure, x, y, w, h, rowX, rowY, rowW, rowH}` (`figure` indexes the dataset's figures).
    pub fn bars(&self, chart: &str, width: f64, height: Option<f64>, theme_name: &str) -> Result<JsValue, JsValue> {
        let spec = self.describe(chart, width, height, theme_name)?;
        let bars: Vec<BarBox> = spec
            .bars
            .iter()
            .map(|b| BarBox {
                figure: b.figure,
                x: b.rect.x,
                y: b.rect.y,
                w: b.rect.w,
                h: b.rect.h,
                row_x: b.row.x,
                row_y: b.row.y,
                row_w: b.row.w,
                row_h: b.row.h,
            })
            .collect();
        serde_wasm_bindgen::to_value(&bars).map_err(JsValue::from)
    }

    /// The chart as a standalone SVG document (text measured in this browser).
    pub fn svg(&self, chart: &str, width: f64, height: Option<f64>, theme_name: &str) -> Result<String, JsValue> {
        Ok(chart::svg::render(&self.describe(chart, width, height, theme_name)?))
    }

    /// Every figure as CSV (RFC 4180, formula injection neutralised).
    pub fn csv(&self) -> String {
        crate::export::csv(&self.dataset)
    }

    /// Every figure as table rows: the header row first, then arrays of plain strings.
    #[wasm_bindgen(js_name = tableRows)]
    pub fn table_rows(&self) -> Result<JsValue, JsValue> {
        let mut rows = vec![crate::export::COLUMNS.map(String::from)];
        rows.extend(crate::export::rows(&self.dataset));
        serde_wasm_bindgen::to_value(&rows).map_err(JsValue::from)
    }
}

/// A bar's box and its row's box, for hit-testing and tests.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct BarBox {
    figure: usize,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    row_x: f64,
    row_y: f64,
    row_w: f64,
    row_h: f64,
}

/// Sizes a canvas for a chart and paints it through plotters' canvas backend.
pub(crate) fn paint(canvas: &HtmlCanvasElement, spec: &ChartSpec, dpr: Option<f64>) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| js_error("no window"))?;
    let dpr = dpr.unwrap_or_else(|| window.device_pixel_ratio()).clamp(0.5, 8.0);
    let (w, h) = (spec.width, spec.height);
    canvas.set_width((w * dpr).round() as u32);
    canvas.set_height((h * dpr).round() as u32);
    let style = canvas.style();
    style.set_property("width", &format!("{w}px"))?;
    style.set_property("height", &format!("{h}px"))?;
    // Positions are given in CSS pixels; text anchors are absolute, so the canvas must not flip them.
    canvas.set_attribute("dir", "ltr")?;
    let ctx: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or_else(|| js_error("no 2d context"))?.dyn_into()?;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| js_error("no canvas backend"))?;
    let area = backend.into_drawing_area();
    chart::draw(spec, &area, TextScale::CANVAS).map_err(js_error)?;
    Ok(())
}

/// Every figure of a dataset (the built-in one when `text` is undefined) as table rows: the header
/// row first, then one row per figure, as arrays of plain strings. Errors come back as an array of
/// `path: message` lines.
#[wasm_bindgen(js_name = tableRows)]
pub fn table_rows(text: Option<String>) -> Result<JsValue, JsValue> {
    let text = text.as_deref().unwrap_or(dataset::BUILTIN_JSON);
    match dataset::validate(text, today()) {
        Ok(d) => Figures { dataset: d }.table_rows(),
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Err(serde_wasm_bindgen::to_value(&lines).map_err(JsValue::from)?)
        }
    }
}
