//! In the browser: charts drawn on a canvas through our plotters canvas backend (`web::canvas`), with text measured and segmented
//! by the browser, sharp at any devicePixelRatio.
#![cfg(target_arch = "wasm32")]

use reported_figures::chart::{Options, ThemeName};
use reported_figures::dataset::{self, Date};
use reported_figures::web;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&c).unwrap();
    c
}

fn builtin() -> dataset::Dataset {
    dataset::validate_with(dataset::BUILTIN_JSON, Date { year: 2026, month: 1, day: 1 }, &web::BrowserParsers).unwrap()
}

/// The canvas's backing store has `dpr` pixels per CSS pixel (sharp) and covers the chart.
fn assert_sharp(c: &HtmlCanvasElement, width: f64, height: f64, dpr: f64) {
    let css = |p: &str| c.style().get_property_value(p).unwrap().trim_end_matches("px").parse::<f64>().unwrap();
    assert_eq!(f64::from(c.width()) / css("width"), dpr, "device pixels per CSS pixel across");
    assert_eq!(f64::from(c.height()) / css("height"), dpr, "device pixels per CSS pixel down");
    assert!(css("width") >= width && css("height") >= height, "the canvas covers the {width}×{height} chart");
}

/// The share of device pixels inside a CSS-pixel rectangle that differ from the background.
fn painted_share(c: &HtmlCanvasElement, (x, y, w, h): (f64, f64, f64, f64), dpr: f64, background: [u8; 3]) -> f64 {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (px, py) = ((x * dpr).ceil(), (y * dpr).ceil());
    let (pw, ph) = (((x + w) * dpr).floor() - px, ((y + h) * dpr).floor() - py);
    assert!(pw >= 1.0 && ph >= 1.0, "bar of {w}×{h} CSS px has no whole device pixel");
    let data = ctx.get_image_data(px, py, pw, ph).unwrap().data();
    let pixels = data.chunks(4);
    let total = pixels.len() as f64;
    let painted = pixels.filter(|p| p[0..3] != background).count() as f64;
    painted / total
}

#[wasm_bindgen_test]
fn every_bar_is_painted_at_every_device_pixel_ratio() {
    let d = builtin();
    for chart in ["deaths", "hostages"] {
        for (theme, bg) in [(ThemeName::Light, [255, 255, 255]), (ThemeName::Dark, [0x17, 0x19, 0x1c])] {
            let spec = web::describe(&d, chart, &Options { width: 640.0, theme, ..Options::default() }).unwrap();
            for dpr in [1.0, 2.0, 3.0] {
                let c = canvas();
                web::paint(&c, &spec, dpr, 1.0, 0.0, spec.height, true).unwrap();
                assert_sharp(&c, spec.width, spec.height, dpr);
                assert_eq!(spec.bars.len(), if chart == "deaths" { 4 } else { 3 });
                for (i, b) in spec.bars.iter().enumerate() {
                    let share = painted_share(&c, (b.rect.x, b.rect.y, b.rect.w, b.rect.h), dpr, bg);
                    // Solid bars are painted throughout; the proposed (hatched) bar is painted in lines.
                    let least = if b.marks.proposed { 0.2 } else { 0.95 };
                    assert!(share >= least, "{chart} {theme:?} dpr {dpr}: bar {i} painted {share:.2}");
                }
                // Outside the bars, above the first one, the background shows.
                let b = &spec.bars[0].rect;
                assert!(painted_share(&c, (b.x + 1.0, b.y - 8.0, 2.0, 2.0), dpr, bg) < 0.5);
                c.remove();
            }
        }
    }
}

#[wasm_bindgen_test]
fn a_resized_chart_keeps_its_backing_store_and_stays_sharp() {
    let spec = web::describe(&builtin(), "deaths", &Options { width: 360.0, ..Options::default() }).unwrap();
    let c = canvas();
    web::paint(&c, &spec, 2.0, 1.0, 0.0, spec.height, true).unwrap();
    assert_sharp(&c, 360.0, spec.height, 2.0);
    // Drawn again a little wider, the canvas keeps its backing store (no reallocation).
    let (w0, h0) = (c.width(), c.height());
    let wider = web::describe(&builtin(), "deaths", &Options { width: 380.0, ..Options::default() }).unwrap();
    web::paint(&c, &wider, 2.0, 1.0, 0.0, wider.height, true).unwrap();
    assert_eq!((c.width(), c.height()), (w0, h0));
    assert_sharp(&c, 380.0, wider.height, 2.0);
    c.remove();
}

#[wasm_bindgen_test]
fn a_chart_shown_scaled_is_painted_scaled() {
    // As when the live chart replaces a picture made at 640 px in a 800 px box: every bar where the
    // scaled layout puts it.
    let spec = web::describe(&builtin(), "deaths", &Options { width: 640.0, ..Options::default() }).unwrap();
    let c = canvas();
    let k = 800.0 / 640.0;
    web::paint(&c, &spec, 1.0, k, 0.0, spec.height * k, true).unwrap();
    assert_sharp(&c, 800.0, spec.height * k, 1.0);
    for b in &spec.bars {
        let r = (b.rect.x * k, b.rect.y * k, b.rect.w * k, b.rect.h * k);
        assert!(painted_share(&c, r, 1.0, [255, 255, 255]) > 0.9, "bar {} at {r:?}", b.figure);
    }
    c.remove();
}

#[wasm_bindgen_test]
fn text_is_measured_and_cut_by_the_browser_at_grapheme_boundaries() {
    let label = "Families 👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 and stacked marks Z̤͔ͧ̑̓ä͖̭̈̇ in a label long enough to be shortened on a phone";
    let v = serde_json::json!({
        "title": "T", "sources": [{"id": "s", "name": "S"}],
        "figures": [{"label": label, "value": 3, "unit": "u", "source": "s", "as_of": "2024-01-01"}]
    });
    let d =
        dataset::validate_with(&v.to_string(), Date { year: 2024, month: 1, day: 2 }, &web::BrowserParsers).unwrap();
    let spec = web::describe(&d, "u", &Options { width: 280.0, ..Options::default() }).unwrap();
    let lines: Vec<&str> = spec
        .texts
        .iter()
        .filter(|t| t.figure == Some(0) && t.role == reported_figures::chart::spec::TextRole::Label)
        .map(|t| t.text.as_str())
        .collect();
    assert!(lines.len() >= 2, "{lines:?}");
    let joined = lines.join(" ").replace('…', "");
    // Whatever was kept is a prefix of the label made of whole clusters: no lone ZWJ or mark at the cut.
    let kept = joined.trim_end();
    assert!(label.replace(' ', "").starts_with(&kept.replace(' ', "")), "{kept:?}");
    assert!(!kept.ends_with('\u{200D}') && !kept.ends_with('\u{308}'), "{kept:?}");
    for t in &spec.texts {
        assert!(t.bbox.right() <= 280.0 + 0.01, "{:?} is {} px wide", t.text, t.bbox.w);
    }
}
