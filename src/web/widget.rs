//! One chart for the element (`www/reported-figures.js`): its dataset (in the binary form), its texts for the element to put into the DOM as text (title, summary, each bar's
//! sentence and tooltip, the data table), its layout at a width, and its painting on canvases.
//! Nothing here builds DOM: the element does, from these strings, with `textContent` only.

use super::{describe, js_error, to_js};
use crate::chart::locale::Locale;
use crate::chart::sentences::{figure_sentence, summary};
use crate::chart::spec::ChartSpec;
use crate::chart::{Options, ThemeName};
use crate::dataset::{self, Dataset, Status};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// A chart the element shows.
#[wasm_bindgen]
pub struct Widget {
    dataset: Rc<Dataset>,
    chart: usize,
    lang: String,
    /// The layout last made, at its own width, and the scale it is shown at.
    spec: Option<Rc<ChartSpec>>,
    scale: f64,
}

#[wasm_bindgen]
impl Widget {
    /// A chart of a dataset in the binary form (the element gives the embed's own data, or downloads
    /// the built-in dataset's). Throws an `Error` whose message says what is wrong: damaged data, or a
    /// chart id the dataset lacks.
    #[wasm_bindgen(constructor)]
    pub fn new(data: &[u8], chart: Option<String>, lang: Option<String>) -> Result<Widget, JsValue> {
        let d = dataset::binary::decode(data)
            .map(Rc::new)
            .ok_or_else(|| js_error("the chart's data is damaged: it is not a dataset in the reported-figures form"))?;
        let index = match chart.filter(|c| !c.is_empty()) {
            None => 0,
            Some(id) => d.charts.iter().position(|c| c.id == id).ok_or_else(|| {
                let mut m = String::from("no chart has the id ");
                m.push_str(&dataset::error::quote(&id));
                m.push_str("; the dataset has ");
                m.push_str(&crate::strings::join(&d.charts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ", "));
                js_error(&m)
            })?,
        };
        let lang = lang.filter(|l| dataset::lang::is_plausible(l)).unwrap_or_else(|| d.lang.clone());
        Ok(Widget { dataset: d, chart: index, lang, spec: None, scale: 1.0 })
    }

    fn chart(&self) -> &dataset::Chart {
        &self.dataset.charts[self.chart]
    }

    /// Every text the element puts into the DOM (as text), in one array: the chart's id, title and
    /// language (a BCP 47 tag), "rtl" or "ltr", the summary for screen readers, the data table's
    /// disclosure words and its four column headers (`assets::TEXTS_HEAD` strings in all); then for
    /// each bar `assets::TEXTS_PER_BAR` strings: its sentence (its accessible name); its tooltip: value as reported, label, source name,
    /// source URL (or ""), the URL's host (or ""), "As of …", status (or ""), quote (or ""), note (or
    /// ""); and its date alone (the table's row is its label, value, source and date).
    pub fn texts(&self) -> Vec<String> {
        let (d, chart) = (&self.dataset, self.chart());
        let loc = Locale::for_tag(&self.lang);
        let mut out = vec![
            chart.id.clone(),
            chart.title.clone(),
            self.lang.clone(),
            String::from(if loc.rtl { "rtl" } else { "ltr" }),
            summary(d, chart, &loc),
            loc.words.data.to_string(),
        ];
        out.extend(loc.words.columns.iter().map(|c| c.to_string()));
        for &f in &chart.figures {
            let fig = &d.figures[f];
            let src = &d.sources[fig.source];
            let url = src.url.clone().unwrap_or_default();
            let as_of = loc.date(fig.as_of.date);
            out.extend([
                figure_sentence(d, f, &loc),
                loc.figure_value(fig, true),
                fig.label.clone(),
                src.name.clone(),
                link_host(&url).to_string(),
                url,
                crate::strings::fill(loc.words.as_of, "{}", &as_of),
                if fig.status == Status::Reported { String::new() } else { loc.status_word(fig.status).to_string() },
                fig.quote.clone().unwrap_or_default(),
                fig.note.clone().unwrap_or_default(),
                as_of,
            ]);
        }
        out
    }

    /// The dataset as a plain object in its JSON format (the element's `data` property): what validation
    /// accepted, written back (see `dataset::serialize`).
    pub fn data(&self) -> Result<JsValue, JsValue> {
        to_js(&dataset::serialize::AsJson(&self.dataset))
    }

    /// The chart's figures as plain objects, in drawing order (the element's `figures` property and
    /// its focus event): id, label, value, unit, approx, status, source `{id, name, url}`, quote,
    /// as_of, note, and `text`, the value as readers see it.
    pub fn figures(&self) -> Result<JsValue, JsValue> {
        to_js(&crate::chart::info::figures(&self.dataset, self.chart, &Locale::for_tag(&self.lang)))
    }

    /// Lays the chart out for a box `width` CSS pixels wide in a theme (`light` or `dark`). With a
    /// `layout_width`, the layout is made at that width and shown scaled to `width` (as the pre-rendered
    /// picture made at that width shows, so that replacing it changes nothing); otherwise at `width`.
    /// Returns where things are, in CSS pixels as shown: the chart's width and height, then for each bar
    /// its row (x, y, width, height: the target for pointer and focus) and its bar (x, y, width, height).
    pub fn layout(&mut self, width: f64, theme: &str, layout_width: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let theme = ThemeName::parse(theme).ok_or_else(|| js_error("unknown theme: use light or dark"))?;
        let at = layout_width.filter(|w| w.is_finite() && *w > 0.0).unwrap_or(width);
        let opts = Options { width: at, height: None, theme, lang: Some(self.lang.clone()) };
        let id = self.chart().id.clone();
        let spec = Rc::new(describe(&self.dataset, &id, &opts)?);
        let k = if width.is_finite() && width > 0.0 { width / spec.width } else { 1.0 };
        let mut out = vec![spec.width * k, spec.height * k];
        for b in &spec.bars {
            for r in [b.row, b.rect] {
                out.extend([r.x * k, r.y * k, r.w * k, r.h * k]);
            }
        }
        self.scale = k;
        self.spec = Some(spec);
        Ok(out)
    }

    /// Paints the band from `top` to `top + height` CSS pixels of the last layout on a canvas, sharp at
    /// `dpr`; `grow` lets the canvas keep room to grow (the last band). Returns the canvas's CSS size.
    pub fn paint(
        &self,
        canvas: &HtmlCanvasElement,
        dpr: f64,
        top: f64,
        height: f64,
        grow: bool,
    ) -> Result<Vec<f64>, JsValue> {
        let spec = self.spec.as_ref().ok_or_else(|| js_error("lay the chart out before painting it"))?;
        super::paint(canvas, spec, dpr, self.scale, top, height, grow)
    }
}

/// Test-only exports, in builds with the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen]
impl Widget {
    /// Panics inside the module, for tests that check that one failing widget leaves the others
    /// working. Never called by the element except from its own test hook.
    #[wasm_bindgen(js_name = panicForTest)]
    pub fn panic_for_test(&mut self) {
        panic!("panic forced by a test");
    }
}

/// The host (and port) of a validated, normalised http(s) URL: `https://a.example:8080/x` → `a.example:8080`.
fn link_host(url: &str) -> &str {
    // After the scheme's "://" (the URL is validated: http or https).
    let start = url.bytes().position(|b| b == b':').map_or(0, |i| i + 3).min(url.len());
    let rest = &url[start..];
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}
