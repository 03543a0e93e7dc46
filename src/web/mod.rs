//! The browser layer: the only code that touches JavaScript values, the DOM and the canvas.
//! Everything it shows comes from the pure modules; it measures text, reads the clock and paints.

use crate::chart::{self, ChartSpec, TextMeasure, TextScale, ThemeName};
use crate::dataset::{self, Date};
use plotters::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

mod canvas;
mod parsers;
mod widget;
pub use parsers::BrowserParsers;
pub use widget::Widget;

#[wasm_bindgen(module = "/www/segment.js")]
extern "C" {
    #[wasm_bindgen(js_name = graphemeStarts)]
    fn grapheme_starts(text: &str) -> Vec<u32>;
}

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
    /// Widths per font (size in 1/100 px, bold) and text; looked up without allocating.
    cache: RefCell<BTreeMap<(u32, bool), BTreeMap<String, f64>>>,
}

impl CanvasMeasure {
    fn new() -> Result<CanvasMeasure, JsValue> {
        let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| js_error("no document"))?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        let ctx: CanvasRenderingContext2d =
            canvas.get_context("2d")?.ok_or_else(|| js_error("no 2d context"))?.dyn_into()?;
        canvas::reset_text(&ctx);
        Ok(CanvasMeasure { ctx, font: RefCell::new(String::new()), cache: RefCell::new(BTreeMap::new()) })
    }
}

impl TextMeasure for CanvasMeasure {
    // `try_borrow` throughout: if a panic ever left a borrow behind, measuring goes on uncached
    // instead of failing every widget on the page.
    fn width(&self, text: &str, font: chart::text::Font) -> f64 {
        let key = ((font.size * 100.0) as u32, font.bold);
        if let Some(w) = self.cache.try_borrow().ok().and_then(|c| c.get(&key).and_then(|m| m.get(text)).copied()) {
            return w;
        }
        let css = font.css();
        if let Ok(mut current) = self.font.try_borrow_mut() {
            if *current != css {
                self.ctx.set_font(&css);
                *current = css;
            }
        } else {
            self.ctx.set_font(&css);
        }
        let w = self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            let texts = cache.entry(key).or_default();
            if texts.len() > 20_000 {
                texts.clear();
            }
            texts.insert(text.to_string(), w);
        }
        w
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

/// The size of the module's linear memory in bytes (it only grows: flat after warm-up means no leak).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Validates dataset text with the browser's clock and parsers: the error lines (`path: message`),
/// empty when valid. For browser tests (the `test-hooks` feature).
#[cfg(feature = "test-hooks")]
pub fn check_dataset(text: &str) -> Vec<String> {
    match dataset::validate_with(text, today(), &BrowserParsers) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// Describes a chart with text measured by this browser.
pub fn describe(d: &dataset::Dataset, chart: &str, opts: &chart::Options) -> Result<ChartSpec, JsValue> {
    with_measure(|m| chart::describe(d, chart, opts, m))?.map_err(js_error)
}

pub(crate) fn theme(name: &str) -> Result<ThemeName, JsValue> {
    ThemeName::parse(name).ok_or_else(|| js_error("unknown theme: use light or dark"))
}

/// The canvas is sized in steps of this many CSS pixels, so that most resizes reuse its backing store.
const CAPACITY_STEP: f64 = 128.0;

/// Paints a chart on a canvas, sharp at `dpr` device pixels per CSS pixel (the window's
/// `devicePixelRatio` when `None`): one canvas pixel is `dpr` device pixels, and the chart fills the
/// canvas's top-left `spec.width × spec.height` CSS pixels.
///
/// Reallocating a canvas's backing store is most of the cost of a redraw, so the canvas keeps a
/// capacity (rounded up to [`CAPACITY_STEP`]) and is only resized when the chart outgrows it or
/// shrinks well below it; its container shows the chart's own size (`overflow: hidden`).
pub fn paint(canvas: &HtmlCanvasElement, spec: &ChartSpec, dpr: Option<f64>) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| js_error("no window"))?;
    let dpr = dpr.unwrap_or_else(|| window.device_pixel_ratio()).clamp(0.5, 8.0);
    let (w, h) = (spec.width, spec.height);
    let capacity = |need: f64| (need / CAPACITY_STEP).ceil() * CAPACITY_STEP;
    let fits = |have: u32, need: f64| {
        let have = f64::from(have) / dpr;
        have >= need && have <= capacity(need) + 8.0 * CAPACITY_STEP
    };
    let same_dpr = canvas.get_attribute("data-dpr").is_some_and(|d| d == crate::num::decimal(dpr));
    if !(same_dpr && fits(canvas.width(), w) && fits(canvas.height(), h)) {
        let (cw, ch) = (capacity(w), capacity(h));
        canvas.set_width((cw * dpr).round() as u32);
        canvas.set_height((ch * dpr).round() as u32);
        canvas.set_attribute("data-dpr", &crate::num::decimal(dpr))?;
        let style = canvas.style();
        style.set_property("width", &crate::num::px(f64::from(canvas.width()) / dpr))?;
        style.set_property("height", &crate::num::px(f64::from(canvas.height()) / dpr))?;
    }
    // Positions are given in CSS pixels; text anchors are absolute, so the canvas must not flip them.
    canvas.set_attribute("dir", "ltr")?;
    let ctx: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or_else(|| js_error("no 2d context"))?.dyn_into()?;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)?;
    let area = canvas::Canvas2d::new(ctx, (w.ceil() as u32, h.ceil() as u32)).into_drawing_area();
    chart::draw(spec, &area, TextScale::CANVAS).map_err(js_error)?;
    Ok(())
}
