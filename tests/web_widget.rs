//! In the browser: the widget's content in a shadow root, as the <reported-figures> element builds it.
#![cfg(target_arch = "wasm32")]

use reported_figures::web::Widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

/// A host element in the page with an open shadow root, as the custom element makes.
fn host(width: u32) -> (Element, ShadowRoot) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-width", &width.to_string()).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
    (host, root)
}

/// A CSS length in px from an inline style.
fn px(style: &web_sys::CssStyleDeclaration, property: &str) -> f64 {
    style.get_property_value(property).unwrap().trim_end_matches("px").parse().unwrap()
}

fn canvas(root: &ShadowRoot) -> HtmlCanvasElement {
    root.query_selector("canvas").unwrap().unwrap().dyn_into().unwrap()
}

/// Whether the device pixel at the centre of a CSS-pixel rectangle differs from `background`.
fn painted(c: &HtmlCanvasElement, r: &[f64], dpr: f64, background: [u8; 3]) -> bool {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (x, y) = (((r[0] + r[2] / 2.0) * dpr).floor(), ((r[1] + r[3] / 2.0) * dpr).floor());
    let px = ctx.get_image_data(x, y, 1.0, 1.0).unwrap().data();
    px[0..3] != background
}

fn dataset(label: &str, value: &str) -> Vec<u8> {
    format!(
        r#"{{"title": "T", "sources": [{{"id": "s", "name": "Source", "url": "https://example.com/"}}],
            "figures": [{{"label": {label:?}, "value": {value}, "unit": "people", "source": "s", "as_of": "2024-04-08"}},
                        {{"label": "Other", "value": 7, "unit": "people", "source": "s", "as_of": "2024-04-08"}}]}}"#
    )
    .into_bytes()
}

#[wasm_bindgen_test]
fn the_widget_draws_its_canvas_with_painted_bars() {
    let (h, root) = host(640);
    let mut w = Widget::new(&root, None, Some("hostages".into()), None).unwrap();
    assert!(w.ok());
    let height = w.render(640.0, "light", 2.0).unwrap();
    let c = canvas(&root);
    // Two device pixels per CSS pixel, and the chart's own size shown.
    assert_eq!(f64::from(c.width()) / px(&c.style(), "width"), 2.0);
    let clip: web_sys::HtmlElement = root.query_selector(".clip").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!((px(&clip.style(), "width"), px(&clip.style(), "height")), (640.0, height));
    assert_eq!(w.bar_count(), 3);
    for i in 0..2 {
        assert!(painted(&c, &w.bar_rect(i), 2.0, [255, 255, 255]), "bar {i}");
    }
    assert_eq!(c.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(c.get_attribute("aria-label").as_deref(), Some("Hostages taken in the 7 October attack"));
    let described = c.get_attribute("aria-describedby").unwrap();
    let summary = root.get_element_by_id(&described).unwrap().text_content().unwrap();
    assert!(
        summary.contains("Negotiators: about 40 people – Hostages proposed for release in a first stage of a prospective deal (proposed)"),
        "{summary}"
    );
    h.remove();
}

#[wasm_bindgen_test]
fn the_widget_re_renders_at_a_new_width() {
    let (h, root) = host(640);
    let mut w = Widget::new(&root, None, Some("deaths".into()), None).unwrap();
    w.render(640.0, "dark", 1.0).unwrap();
    let wide = w.bar_rect(0);
    w.render(360.0, "dark", 1.0).unwrap();
    let c = canvas(&root);
    let clip: web_sys::HtmlElement = root.query_selector(".clip").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(px(&clip.style(), "width"), 360.0);
    assert_eq!(f64::from(c.width()), px(&c.style(), "width"), "one canvas pixel per CSS pixel at dpr 1");
    let narrow = w.bar_rect(0);
    assert!(narrow[2] < wide[2], "the longest bar is shorter at 360 px: {narrow:?} vs {wide:?}");
    for i in 0..4 {
        assert!(painted(&c, &w.bar_rect(i), 1.0, [0x17, 0x19, 0x1c]), "bar {i} after the resize");
    }
    // Each bar's focus target follows its row.
    let hit: web_sys::HtmlElement = root.query_selector(".hit").unwrap().unwrap().dyn_into().unwrap();
    assert!(
        hit.style().get_property_value("width").unwrap().starts_with("34"),
        "{}",
        hit.style().get_property_value("width").unwrap()
    );
    h.remove();
}

#[wasm_bindgen_test]
fn invalid_data_shows_its_errors_with_paths_inside_the_widget() {
    let (h, root) = host(640);
    let w = Widget::new(&root, Some(dataset("L", "-5")), None, None).unwrap();
    assert!(!w.ok());
    let error = root.query_selector(".error").unwrap().expect("an error box");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    let text = error.text_content().unwrap();
    assert!(text.contains("This dataset is not valid"));
    assert!(text.contains("figures[0].value: must be a number from 0 to 9007199254740991, got -5"), "{text}");
    assert!(root.query_selector("canvas").unwrap().is_none());
    let (h2, root2) = host(640);
    Widget::new(&root2, None, Some("nope".into()), None).unwrap();
    assert!(root2.text_content().unwrap().contains("no chart has the id \"nope\"; the dataset has deaths, hostages"));
    let (h3, root3) = host(640);
    Widget::new(&root3, Some(b"{\"title\": \"\xff\"}".to_vec()), None, None).unwrap();
    assert!(root3.text_content().unwrap().contains("(root): input is not UTF-8 text (invalid byte at offset 11)"));
    for e in [h, h2, h3] {
        e.remove();
    }
}

#[wasm_bindgen_test]
fn a_label_made_of_markup_is_text_and_creates_no_element() {
    let payload = "<img src=x onerror=alert(1)>";
    let (h, root) = host(640);
    let mut w = Widget::new(&root, Some(dataset(payload, "12")), None, None).unwrap();
    w.render(640.0, "light", 1.0).unwrap();
    w.show_tip(0).unwrap();
    assert_eq!(root.query_selector_all("img").unwrap().length(), 0);
    assert_eq!(root.query_selector_all("script").unwrap().length(), 0);
    let tip = root.query_selector(".tip").unwrap().unwrap();
    assert!(!tip.has_attribute("hidden"));
    assert!(tip.text_content().unwrap().contains(payload), "the tooltip shows the label as text");
    let th = root.query_selector("table th[scope=row]").unwrap().unwrap();
    assert_eq!(th.text_content().unwrap(), payload);
    let hit = root.query_selector(".hit").unwrap().unwrap();
    assert!(hit.get_attribute("aria-label").unwrap().contains(payload));
    // The source link is the validated, normalised URL.
    let a = tip.query_selector("a").unwrap().unwrap();
    assert_eq!(a.get_attribute("href").as_deref(), Some("https://example.com/"));
    h.remove();
}

#[wasm_bindgen_test]
fn keyboard_focus_moves_between_bars_and_shows_the_tooltip() {
    let (h, root) = host(640);
    let mut w = Widget::new(&root, None, Some("deaths".into()), None).unwrap();
    w.render(640.0, "light", 1.0).unwrap();
    w.focus_bar(2).unwrap();
    assert_eq!(w.active(), 2);
    let hits = root.query_selector_all(".hit").unwrap();
    let tabindex = |i| hits.get(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("tabindex").unwrap();
    assert_eq!((tabindex(0), tabindex(2)), ("-1".to_string(), "0".to_string()));
    let tip = root.query_selector(".tip").unwrap().unwrap().text_content().unwrap();
    assert!(
        tip.contains("more than 600 people") && tip.contains("Israeli army") && tip.contains("As of 8 April 2024"),
        "{tip}"
    );
    assert!(tip.contains("The Israeli army says over 600 of its soldiers have been killed in combat since."));
    w.focus_bar(99).unwrap();
    assert_eq!(w.active(), 3, "focus stops at the last bar");
    w.show_tip(-1).unwrap();
    assert!(root.query_selector(".tip").unwrap().unwrap().has_attribute("hidden"));
    let r = w.bar_rect(1);
    assert_eq!(w.bar_at(r[0] + 1.0, r[1] + 1.0), 1);
    h.remove();
}
