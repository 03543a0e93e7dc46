//! The widget's content inside its shadow root: the canvas, one focusable target per bar, the
//! tooltip, the screen-reader summary, the chart's data table, and error messages. The custom element
//! (`www/reported-figures.js`) owns the lifecycle and events and calls into this.
//!
//! Every string from a dataset goes into the DOM with `textContent` or as an attribute value set with
//! `setAttribute`; no HTML is ever parsed from data.

use super::{describe, js_error, paint, theme, today};
use crate::chart::layout::Options;
use crate::chart::locale::Locale;
use crate::chart::sentences::figure_sentence;
use crate::chart::spec::Bar;
use crate::chart::{self, ThemeName};
use crate::dataset::{self, Dataset, Status};
use crate::num::px;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, Node};

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A prefix for element ids, unique in the page.
fn unique_prefix() -> String {
    NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        format!("rf{}", n.get())
    })
}

fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// An element whose only content is `text`, as text.
fn text_el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = el(doc, tag, class)?;
    e.set_text_content(Some(text));
    Ok(e)
}

/// Appends an element holding `text` to `parent`; returns it.
fn append_text(parent: &Element, doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = text_el(doc, tag, class, text)?;
    parent.append_child(&e)?;
    Ok(e)
}

type Parsed = Result<Rc<Dataset>, Vec<dataset::DatasetError>>;

thread_local! {
    static BUILTIN: std::cell::OnceCell<Parsed> = const { std::cell::OnceCell::new() };
}

/// The built-in dataset, parsed and validated once for every widget on the page.
fn builtin() -> Parsed {
    BUILTIN.with(|b| {
        b.get_or_init(|| dataset::validate_with(dataset::BUILTIN_JSON, today(), &super::BrowserParsers).map(Rc::new))
            .clone()
    })
}

/// What a chart description depends on: the dataset (by identity), chart, width, theme, language.
type SpecKey = (usize, String, u64, ThemeName, String);

thread_local! {
    static LAST_SPEC: std::cell::RefCell<Option<(SpecKey, Rc<crate::chart::ChartSpec>)>> = const { std::cell::RefCell::new(None) };
}

/// The chart description, reusing the last one when nothing it depends on changed: many copies of a
/// chart on one page (or a redraw in a new theme of the same size) are laid out once.
fn described(
    d: &Rc<Dataset>,
    chart: &str,
    width: f64,
    theme: ThemeName,
    lang: &str,
) -> Result<Rc<crate::chart::ChartSpec>, JsValue> {
    let key: SpecKey = (Rc::as_ptr(d) as usize, chart.to_string(), width.to_bits(), theme, lang.to_string());
    let cached = LAST_SPEC.with(|l| l.try_borrow().ok()?.as_ref().filter(|(k, _)| *k == key).map(|(_, s)| s.clone()));
    if let Some(spec) = cached {
        return Ok(spec);
    }
    let opts = Options { width, height: None, theme, lang: Some(lang.to_string()) };
    let spec = Rc::new(describe(d, chart, &opts)?);
    LAST_SPEC.with(|l| {
        if let Ok(mut last) = l.try_borrow_mut() {
            *last = Some((key, spec.clone()));
        }
    });
    Ok(spec)
}

/// The parts of a widget that shows a chart.
struct Chart {
    dataset: Rc<Dataset>,
    chart: String,
    lang: String,
    /// Shows the chart's own size of the canvas, which may be larger (see [`super::paint`]).
    clip: HtmlElement,
    canvas: HtmlCanvasElement,
    hits: Vec<HtmlElement>,
    tip: Element,
    bars: Vec<Bar>,
    width: f64,
    height: f64,
    active: usize,
    rtl: bool,
}

/// One widget's content.
#[wasm_bindgen]
pub struct Widget {
    doc: Document,
    root: Element,
    chart: Option<Chart>,
}

#[wasm_bindgen]
impl Widget {
    /// Builds the widget inside `parent` (the element's shadow root) from dataset bytes (the built-in
    /// dataset when `data` is undefined). A dataset that does not validate, or a chart id it does not
    /// have, is shown as an error inside the widget: this never throws for bad data.
    #[wasm_bindgen(constructor)]
    pub fn new(
        parent: &Node,
        data: Option<Vec<u8>>,
        chart: Option<String>,
        lang: Option<String>,
    ) -> Result<Widget, JsValue> {
        let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| js_error("no document"))?;
        let root = el(&doc, "div", "rf")?;
        parent.append_child(&root)?;
        let mut w = Widget { doc, root, chart: None };
        let parsed = match data {
            Some(bytes) => dataset::validate_bytes_with(&bytes, today(), &super::BrowserParsers).map(Rc::new),
            None => builtin(),
        };
        match parsed {
            Err(errors) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                w.show_error("This dataset is not valid", &lines)?;
            }
            Ok(d) => {
                let id = chart.filter(|c| !c.is_empty()).unwrap_or_else(|| d.charts[0].id.clone());
                if d.chart(&id).is_none() {
                    let available: Vec<String> = d.charts.iter().map(|c| c.id.clone()).collect();
                    let line = format!(
                        "no chart has the id {}; the dataset has {}",
                        dataset::error::quote(&id),
                        available.join(", ")
                    );
                    w.show_error("This chart is not in the dataset", &[line])?;
                } else {
                    let lang = lang.filter(|l| dataset::lang::is_well_formed(l)).unwrap_or_else(|| d.lang.clone());
                    w.build(d, id, lang)?;
                }
            }
        }
        Ok(w)
    }

    /// A widget that only shows an error, for failures before there is data (the network).
    pub fn failed(parent: &Node, title: &str, detail: &str) -> Result<Widget, JsValue> {
        let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| js_error("no document"))?;
        let root = el(&doc, "div", "rf")?;
        parent.append_child(&root)?;
        let w = Widget { doc, root, chart: None };
        w.show_error(title, &[detail.to_string()])?;
        Ok(w)
    }

    /// Whether the widget shows a chart (and not an error).
    pub fn ok(&self) -> bool {
        self.chart.is_some()
    }

    /// The shown chart's title ("" when the widget shows an error).
    pub fn title(&self) -> String {
        self.chart.as_ref().and_then(|c| c.dataset.chart(&c.chart)).map(|c| c.title.clone()).unwrap_or_default()
    }

    /// The number of bars.
    #[wasm_bindgen(js_name = barCount)]
    pub fn bar_count(&self) -> usize {
        self.chart.as_ref().map_or(0, |c| c.hits.len())
    }

    /// The bar that has (or last had) keyboard focus.
    pub fn active(&self) -> usize {
        self.chart.as_ref().map_or(0, |c| c.active)
    }

    /// Draws the chart `width` CSS pixels wide in a theme (`light` or `dark`) at `dpr` device pixels
    /// per CSS pixel, and moves each bar's target over its row. Returns the chart's height.
    pub fn render(&mut self, width: f64, theme_name: &str, dpr: f64) -> Result<f64, JsValue> {
        let Some(c) = self.chart.as_mut() else { return Ok(0.0) };
        let theme = theme(theme_name)?;
        let spec = described(&c.dataset, &c.chart, width, theme, &c.lang)?;
        paint(&c.canvas, &spec, Some(dpr))?;
        let clip = c.clip.style();
        clip.set_property("width", &px(spec.width))?;
        clip.set_property("height", &px(spec.height))?;
        self.root.set_class_name(if theme == ThemeName::Dark { "rf dark" } else { "rf light" });
        for (hit, bar) in c.hits.iter().zip(&spec.bars) {
            let style = hit.style();
            style.set_property("left", &px(bar.row.x))?;
            style.set_property("top", &px(bar.row.y))?;
            style.set_property("width", &px(bar.row.w))?;
            style.set_property("height", &px(bar.row.h))?;
        }
        c.width = spec.width;
        c.height = spec.height;
        c.bars = spec.bars.clone();
        Ok(spec.height)
    }

    /// Shows the tooltip for bar `i`, or hides it when `i` is out of range.
    #[wasm_bindgen(js_name = showTip)]
    pub fn show_tip(&mut self, i: i32) -> Result<(), JsValue> {
        let Some(c) = self.chart.as_mut() else { return Ok(()) };
        let Some(bar) = usize::try_from(i).ok().and_then(|i| c.bars.get(i)).cloned() else {
            c.tip.set_attribute("hidden", "")?;
            return Ok(());
        };
        fill_tip(&self.doc, &c.tip, &c.dataset, bar.figure, &Locale::for_tag(&c.lang))?;
        // Under the row when there is room for it, above otherwise; starting where the bars start, on
        // the reading side, and kept inside the chart (the tooltip is at most TIP_WIDTH wide).
        const TIP_WIDTH: f64 = 352.0;
        const TIP_HEIGHT: f64 = 160.0;
        let style = c.tip.dyn_ref::<HtmlElement>().ok_or_else(|| js_error("tooltip"))?.style();
        if bar.row.bottom() + TIP_HEIGHT <= c.height || bar.row.y < TIP_HEIGHT {
            style.set_property("top", &px(bar.row.bottom()))?;
            style.remove_property("bottom")?;
        } else {
            style.set_property("bottom", &px(c.height - bar.row.y))?;
            style.remove_property("top")?;
        }
        let start = if c.rtl { c.width - bar.rect.right() } else { bar.rect.x };
        let start = start.min(c.width - TIP_WIDTH).max(0.0);
        let side = if c.rtl { ("right", "left") } else { ("left", "right") };
        style.set_property(side.0, &px(start))?;
        style.remove_property(side.1)?;
        c.tip.remove_attribute("hidden")?;
        Ok(())
    }

    /// Moves keyboard focus to bar `i` (clamped to the bars there are), makes it the one bar reached
    /// with Tab, and shows its tooltip.
    #[wasm_bindgen(js_name = focusBar)]
    pub fn focus_bar(&mut self, i: i32) -> Result<(), JsValue> {
        let Some(c) = self.chart.as_mut() else { return Ok(()) };
        if c.hits.is_empty() {
            return Ok(());
        }
        let i = i.clamp(0, c.hits.len() as i32 - 1) as usize;
        for (k, hit) in c.hits.iter().enumerate() {
            hit.set_attribute("tabindex", if k == i { "0" } else { "-1" })?;
        }
        c.active = i;
        c.hits[i].focus()?;
        self.show_tip(i as i32)
    }

    /// Bar `i`'s rectangle from the last render, `[x, y, width, height]` in CSS pixels (empty if none).
    #[wasm_bindgen(js_name = barRect)]
    pub fn bar_rect(&self, i: usize) -> Vec<f64> {
        self.chart
            .as_ref()
            .and_then(|c| c.bars.get(i))
            .map_or(Vec::new(), |b| vec![b.rect.x, b.rect.y, b.rect.w, b.rect.h])
    }

    /// The bar whose row contains the point (x, y) in CSS pixels from the chart's top-left, or -1.
    #[wasm_bindgen(js_name = barAt)]
    pub fn bar_at(&self, x: f64, y: f64) -> i32 {
        let Some(c) = &self.chart else { return -1 };
        c.bars
            .iter()
            .position(|b| x >= b.row.x && x <= b.row.right() && y >= b.row.y && y <= b.row.bottom())
            .map_or(-1, |i| i as i32)
    }

    /// Removes the widget's content from the page.
    pub fn remove(&self) {
        self.root.remove();
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

impl Widget {
    fn show_error(&self, title: &str, lines: &[String]) -> Result<(), JsValue> {
        let doc = &self.doc;
        let box_ = el(doc, "div", "error")?;
        box_.set_attribute("role", "alert")?;
        append_text(&box_, doc, "p", "error-title", title)?;
        let list = el(doc, "ul", "")?;
        for l in lines.iter().take(50) {
            append_text(&list, doc, "li", "", l)?;
        }
        if lines.len() > 50 {
            append_text(&list, doc, "li", "", &format!("… and {} more", lines.len() - 50))?;
        }
        box_.append_child(&list)?;
        self.root.append_child(&box_)?;
        Ok(())
    }

    /// Builds the chart's DOM: canvas with an accessible name and description, bar targets, tooltip,
    /// and a disclosure with the chart's data table.
    fn build(&mut self, d: Rc<Dataset>, chart_id: String, lang: String) -> Result<(), JsValue> {
        let doc = self.doc.clone();
        let loc = Locale::for_tag(&lang);
        let Some(chart) = d.chart(&chart_id).cloned() else { return Ok(()) };
        let id = unique_prefix();
        self.root.set_attribute("lang", &lang)?;
        self.root.set_attribute("dir", if loc.rtl { "rtl" } else { "ltr" })?;

        let plot = el(&doc, "div", "plot")?;
        let clip: HtmlElement = el(&doc, "div", "clip")?.dyn_into()?;
        plot.append_child(&clip)?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
        canvas.set_attribute("role", "img")?;
        canvas.set_attribute("aria-label", &chart.title)?;
        canvas.set_attribute("aria-describedby", &format!("{id}-summary"))?;
        clip.append_child(&canvas)?;

        let hits_box = el(&doc, "div", "hits")?;
        let mut hits = Vec::new();
        for (k, &f) in chart.figures.iter().enumerate() {
            let hit: HtmlElement = doc.create_element("button")?.dyn_into()?;
            hit.set_class_name("hit");
            hit.set_attribute("type", "button")?;
            hit.set_attribute("data-index", &k.to_string())?;
            hit.set_attribute("aria-label", &figure_sentence(&d, f, &loc))?;
            hit.set_attribute("aria-describedby", &format!("{id}-tip"))?;
            hit.set_attribute("tabindex", if k == 0 { "0" } else { "-1" })?;
            hits_box.append_child(&hit)?;
            hits.push(hit);
        }
        plot.append_child(&hits_box)?;

        let tip = el(&doc, "div", "tip")?;
        tip.set_attribute("id", &format!("{id}-tip"))?;
        tip.set_attribute("hidden", "")?;
        plot.append_child(&tip)?;
        self.root.append_child(&plot)?;

        let summary = text_el(&doc, "p", "sr-only", &chart::sentences::summary(&d, &chart, &loc))?;
        summary.set_attribute("id", &format!("{id}-summary"))?;
        self.root.append_child(&summary)?;
        let table = data_table(&doc, &d, &chart, &loc)?;
        self.root.append_child(&table)?;

        self.chart = Some(Chart {
            dataset: d,
            chart: chart_id,
            lang,
            clip,
            canvas,
            hits,
            tip,
            bars: Vec::new(),
            width: 0.0,
            height: 0.0,
            active: 0,
            rtl: loc.rtl,
        });
        Ok(())
    }
}

/// The tooltip's content for one figure: value, label, source (a link when it has a URL), date,
/// status, the quoted sentence and the note.
fn fill_tip(doc: &Document, tip: &Element, d: &Dataset, f: usize, loc: &Locale) -> Result<(), JsValue> {
    let fig = &d.figures[f];
    let src = &d.sources[fig.source];
    tip.set_text_content(None);
    append_text(tip, doc, "p", "tip-value", &loc.figure_value(fig, true))?;
    append_text(tip, doc, "p", "tip-label", &fig.label)?;
    let source = el(doc, "p", "tip-source")?;
    match &src.url {
        Some(url) => {
            let a = text_el(doc, "a", "", &src.name)?;
            a.set_attribute("href", url)?;
            a.set_attribute("rel", "noopener noreferrer")?;
            a.set_attribute("target", "_blank")?;
            source.append_child(&a)?;
            // The host the link really goes to, so that a source named "Reuters" linking elsewhere
            // (or to a look-alike host, shown in punycode) gives itself away.
            append_text(&source, doc, "span", "tip-host", &format!(" ({})", link_host(url)))?;
        }
        None => {
            append_text(&source, doc, "span", "", &src.name)?;
        }
    }
    source.append_child(
        &doc.create_text_node(&format!(" · {}", loc.words.as_of.replace("{}", &loc.date(fig.as_of.date)))),
    )?;
    tip.append_child(&source)?;
    if fig.status != Status::Reported {
        append_text(tip, doc, "p", "tip-status", loc.status_word(fig.status))?;
    }
    if let Some(q) = &fig.quote {
        append_text(tip, doc, "blockquote", "tip-quote", q)?;
    }
    if let Some(n) = &fig.note {
        append_text(tip, doc, "p", "tip-note", n)?;
    }
    Ok(())
}

/// The host (and port) of a validated, normalised http(s) URL: `https://a.example:8080/x` → `a.example:8080`.
fn link_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The chart's figures as a table inside a disclosure: figure, value as reported, source, date.
fn data_table(doc: &Document, d: &Dataset, chart: &dataset::Chart, loc: &Locale) -> Result<Element, JsValue> {
    let details = el(doc, "details", "data")?;
    append_text(&details, doc, "summary", "", loc.words.data)?;
    let table = el(doc, "table", "")?;
    let head = el(doc, "tr", "")?;
    for h in loc.words.columns {
        let th = text_el(doc, "th", "", h)?;
        th.set_attribute("scope", "col")?;
        head.append_child(&th)?;
    }
    let thead = el(doc, "thead", "")?;
    thead.append_child(&head)?;
    table.append_child(&thead)?;
    let body = el(doc, "tbody", "")?;
    for &f in &chart.figures {
        let fig = &d.figures[f];
        let tr = el(doc, "tr", "")?;
        let th = text_el(doc, "th", "", &fig.label)?;
        th.set_attribute("scope", "row")?;
        tr.append_child(&th)?;
        append_text(&tr, doc, "td", "num", &loc.figure_value(fig, true))?;
        append_text(&tr, doc, "td", "", &d.sources[fig.source].name)?;
        append_text(&tr, doc, "td", "", &loc.date(fig.as_of.date))?;
        body.append_child(&tr)?;
    }
    table.append_child(&body)?;
    details.append_child(&table)?;
    Ok(details)
}
