//! In the browser: charts drawn on a canvas through plotters-canvas, sharp at any devicePixelRatio.
#![cfg(target_arch = "wasm32")]

use reported_figures::web::Figures;
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

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct BarBox {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
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
    let figures = Figures::builtin().unwrap();
    for chart in ["deaths", "hostages"] {
        for (theme, bg) in [("light", [255, 255, 255]), ("dark", [0x17, 0x19, 0x1c])] {
            for dpr in [1.0, 2.0, 3.0] {
                let c = canvas();
                let height = figures.draw(&c, chart, 640.0, None, theme, Some(dpr)).unwrap();
                assert_eq!(c.width(), (640.0 * dpr) as u32, "backing store width at dpr {dpr}");
                assert_eq!(c.height(), (height * dpr).round() as u32, "backing store height at dpr {dpr}");
                assert_eq!(c.style().get_property_value("width").unwrap(), "640px");
                let bars: Vec<BarBox> =
                    serde_wasm_bindgen::from_value(figures.bars(chart, 640.0, None, theme).unwrap()).unwrap();
                assert_eq!(bars.len(), if chart == "deaths" { 4 } else { 3 });
                for (i, b) in bars.iter().enumerate() {
                    let share = painted_share(&c, (b.x, b.y, b.w, b.h), dpr, bg);
                    // Solid bars are painted throughout; the proposed (hatched) bar is painted in lines.
                    let least = if chart == "hostages" && i == 2 { 0.2 } else { 0.95 };
                    assert!(share >= least, "{chart} {theme} dpr {dpr}: bar {i} painted {share:.2}");
                }
                // Outside the bars, above the first one, the background shows.
                let above = (bars[0].x + 1.0, bars[0].y - 8.0, 2.0, 2.0);
                assert!(painted_share(&c, above, dpr, bg) < 0.5);
                c.remove();
            }
        }
    }
}

#[wasm_bindgen_test]
fn the_backing_store_follows_the_window_device_pixel_ratio() {
    let figures = Figures::builtin().unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    let c = canvas();
    let height = figures.draw(&c, "deaths", 360.0, None, "light", None).unwrap();
    assert_eq!(c.width(), (360.0 * dpr).round() as u32);
    assert_eq!(c.height(), (height * dpr).round() as u32);
    c.remove();
}

#[wasm_bindgen_test]
fn a_chart_drawn_in_the_browser_is_svg_with_every_label() {
    let figures = Figures::builtin().unwrap();
    let svg = figures.svg("hostages", 640.0, None, "dark").unwrap();
    for text in [
        "Hostages seized on 7 October",
        "Hostages remaining captive",
        "about 40",
        "Negotiators",
        "Reuters",
        "253",
        "133",
    ] {
        assert!(svg.contains(text), "{text} missing");
    }
    assert!(Figures::builtin().unwrap().draw(&canvas(), "nope", 640.0, None, "light", None).is_err());
}
