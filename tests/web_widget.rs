//! In the browser: the reader module's `Widget`, as the element uses it: datasets in the binary form, every text the element puts into the DOM, the layout at a width (and
//! scaled from a picture's width), painting in tiles for charts taller than a canvas may be, and the
//! errors it throws for damaged data or a chart the dataset lacks.
#![cfg(target_arch = "wasm32")]

use reported_figures::assets::{TEXTS_HEAD, TEXTS_PER_BAR, TILE_MAX_PX};
use reported_figures::dataset::{binary, BUILTIN_BINARY};
use reported_figures::web::Widget;
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

fn message(e: wasm_bindgen::JsValue) -> String {
    e.dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_builtin_chart_gives_every_text_the_element_shows() {
    let w = Widget::new(BUILTIN_BINARY, Some("hostages".into()), None).unwrap();
    let t = w.texts();
    assert_eq!(t.len(), TEXTS_HEAD + 3 * TEXTS_PER_BAR);
    assert_eq!(&t[..4], ["hostages", "Hostages taken in the 7 October attack", "en", "ltr"]);
    assert!(t[4].contains("Negotiators: about 40 people – Hostages proposed for release in a first stage of a prospective deal (proposed)"), "{}", t[4]);
    assert_eq!(&t[5..10], ["Data and sources", "Figure", "Value", "Source", "Date"]);
    let bar = |i: usize, k: usize| t[TEXTS_HEAD + i * TEXTS_PER_BAR + k].as_str();
    assert_eq!(bar(0, 1), "253 people");
    assert_eq!(bar(0, 3), "Reuters");
    assert_eq!(bar(2, 1), "about 40 people");
    assert_eq!(bar(2, 7), "proposed");
    assert!(bar(2, 8).starts_with("Of those, 133 hostages remain captive"));
    assert_eq!(
        &[bar(1, 2), bar(1, 1), bar(1, 3), bar(1, 10)],
        &["Hostages remaining captive", "133 people", "Reuters", "8 April 2024"]
    );
    // The default chart is the first, and a language replaces the dataset's for the chart's words.
    let fr = Widget::new(BUILTIN_BINARY, None, Some("fr".into())).unwrap();
    assert_eq!(fr.texts()[0], "deaths");
    assert_eq!(fr.texts()[5], "Données et sources");
}

#[wasm_bindgen_test]
fn a_dataset_in_the_binary_form_and_the_errors_it_can_give() {
    let d = binary::decode(BUILTIN_BINARY).unwrap();
    let bytes = binary::encode(&d);
    assert!(Widget::new(&bytes, Some("deaths".into()), None).is_ok());
    let mut damaged = bytes.clone();
    damaged.truncate(damaged.len() / 2);
    let e = Widget::new(&damaged, None, None).err().unwrap();
    assert_eq!(message(e), "the chart's data is damaged: it is not a dataset in the reported-figures form");
    let e = Widget::new(&bytes, Some("nope".into()), None).err().unwrap();
    assert_eq!(message(e), "no chart has the id \"nope\"; the dataset has deaths, hostages");
}

#[wasm_bindgen_test]
fn the_layout_gives_the_geometry_as_shown_and_a_scaled_one_for_a_picture() {
    let mut w = Widget::new(BUILTIN_BINARY, Some("deaths".into()), None).unwrap();
    let g = w.layout(640.0, "light", None).unwrap();
    assert_eq!(g.len(), 2 + 4 * 8);
    assert_eq!(g[0], 640.0);
    let natural_height = g[1];
    // Shown in an 800 px box from a picture made at 640 px: everything 1.25 times as large.
    let s = w.layout(800.0, "dark", Some(640.0)).unwrap();
    assert_eq!(s[0], 800.0);
    assert!((s[1] - natural_height * 1.25).abs() < 1e-9);
    for (a, b) in g[2..].iter().zip(&s[2..]) {
        assert!((b - a * 1.25).abs() < 1e-9);
    }
    // Rows hold their bars.
    for i in 0..4 {
        let r = &g[2 + i * 8..10 + i * 8];
        assert!(r[4] >= r[0] && r[5] >= r[1] && r[5] + r[7] <= r[1] + r[3] + 0.01, "bar {i}: {r:?}");
    }
    assert!(w.layout(640.0, "sepia", None).is_err());
}

#[wasm_bindgen_test]
fn a_chart_taller_than_a_canvas_may_be_is_painted_in_tiles() {
    // 1,000 bars: a chart some 30,000 CSS px tall, 90,000 device pixels at devicePixelRatio 3.
    let figures: Vec<serde_json::Value> = (0..1000)
        .map(|i| serde_json::json!({"id": format!("f{i}"), "label": format!("Figure number {i}"), "value": i + 1, "unit": "people", "source": "s", "as_of": "2024-01-01"}))
        .collect();
    let v = serde_json::json!({"title": "Many", "sources": [{"id": "s", "name": "A source"}], "figures": figures});
    let d = reported_figures::dataset::validate_with(
        &v.to_string(),
        reported_figures::dataset::Date { year: 2024, month: 1, day: 2 },
        &reported_figures::web::BrowserParsers,
    )
    .unwrap();
    let mut w = Widget::new(&binary::encode(&d), None, None).unwrap();
    let g = w.layout(640.0, "light", None).unwrap();
    let (height, dpr) = (g[1], 3.0);
    let tiles = ((height * dpr) / TILE_MAX_PX).ceil() as usize;
    assert!(tiles > 16, "{height} px tall");
    let band = (height / tiles as f64).ceil();
    for i in 0..tiles {
        let top = i as f64 * band;
        let c = canvas();
        w.paint(&c, dpr, top, band.min(height - top), i == tiles - 1).unwrap();
        assert!(f64::from(c.height()) <= TILE_MAX_PX + 8.0 * 128.0 * dpr && c.width() > 0);
        // The bars of this band are painted: the first bar whose row starts in it.
        let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        let bar = (0..1000)
            .map(|b| &g[2 + b * 8 + 4..2 + b * 8 + 8])
            .find(|r| r[1] >= top && r[1] + r[3] <= top + band)
            .unwrap();
        let (x, y) = ((bar[0] + 1.0) * dpr, (bar[1] - top + bar[3] / 2.0) * dpr);
        let px = ctx.get_image_data(x, y, 1.0, 1.0).unwrap().data();
        assert!(px[0..3] != [255, 255, 255], "tile {i}: the bar at {bar:?} is painted");
        c.remove();
    }
}
