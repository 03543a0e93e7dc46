//! In the browser: the hostile datasets of `tests/data/hostile/` in the widget. Refused ones show their
//! errors with paths; the others show as literal text, and the widget's DOM holds only the elements
//! and attributes it builds itself, whatever the data says.
#![cfg(target_arch = "wasm32")]

use reported_figures::web::Widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> (Element, ShadowRoot) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
    (host, root)
}

const SHOWN: &[(&str, &[u8])] = &[
    ("markup-everywhere", include_bytes!("data/hostile/markup-everywhere.json")),
    ("emoji-and-marks", include_bytes!("data/hostile/emoji-and-marks.json")),
    ("lookalike-url", include_bytes!("data/hostile/lookalike-url.json")),
];

const REFUSED: &[(&str, &[u8], &str)] = &[
    (
        "url-javascript",
        include_bytes!("data/hostile/url-javascript.json"),
        "sources[0].url: must be an http or https URL",
    ),
    (
        "bidi-override",
        include_bytes!("data/hostile/bidi-override.json"),
        "figures[0].label: must not contain the bidi control character U+202E",
    ),
    ("zero-width-label", include_bytes!("data/hostile/zero-width-label.json"), "figures[0].label: must not be blank"),
    (
        "long-label",
        include_bytes!("data/hostile/long-label.json"),
        "figures[0].label: must be at most 200 characters, got 20000",
    ),
    (
        "duplicate-key-smuggling",
        include_bytes!("data/hostile/duplicate-key-smuggling.json"),
        "figures[0].label: duplicate key \"label\"",
    ),
    ("not-utf8", include_bytes!("data/hostile/not-utf8.json"), "(root): input is not UTF-8 text"),
    ("deep-nesting", include_bytes!("data/hostile/deep-nesting.json"), "recursion limit exceeded"),
    ("url-data", include_bytes!("data/hostile/url-data.json"), "sources[0].url: must be an http or https URL"),
    (
        "url-tab-javascript",
        include_bytes!("data/hostile/url-tab-javascript.json"),
        "sources[0].url: must be an http or https URL",
    ),
    (
        "url-credentials",
        include_bytes!("data/hostile/url-credentials.json"),
        "sources[0].url: must not contain a user name or password",
    ),
    (
        "bidi-isolate",
        include_bytes!("data/hostile/bidi-isolate.json"),
        "sources[0].name: must not contain the bidi control character U+2067",
    ),
    (
        "control-chars",
        include_bytes!("data/hostile/control-chars.json"),
        "title: must not contain the control character U+0000",
    ),
    (
        "noncharacter",
        include_bytes!("data/hostile/noncharacter.json"),
        "figures[0].label: must not contain the noncharacter U+FFFF",
    ),
    (
        "huge-number",
        include_bytes!("data/hostile/huge-number.json"),
        "figures[0].value: must be a number from 0 to 9007199254740991",
    ),
    ("lone-surrogate", include_bytes!("data/hostile/lone-surrogate.json"), "hex escape"),
];

/// The elements the widget builds; anything else would have come from data.
const TAGS: &[&str] = &[
    "DIV",
    "CANVAS",
    "BUTTON",
    "P",
    "SPAN",
    "A",
    "BLOCKQUOTE",
    "DETAILS",
    "SUMMARY",
    "TABLE",
    "THEAD",
    "TBODY",
    "TR",
    "TH",
    "TD",
    "UL",
    "LI",
];
const ATTRIBUTES: &[&str] = &[
    "class",
    "lang",
    "dir",
    "role",
    "aria-label",
    "aria-describedby",
    "id",
    "type",
    "data-index",
    "tabindex",
    "hidden",
    "href",
    "rel",
    "target",
    "scope",
    "style",
    "width",
    "height",
    "data-dpr",
];

fn check_dom(name: &str, root: &ShadowRoot) {
    let all = root.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let e: Element = all.get(i).unwrap().dyn_into().unwrap();
        assert!(TAGS.contains(&e.tag_name().as_str()), "{name}: <{}> in the widget", e.tag_name());
        for a in e.get_attribute_names().iter() {
            let a = a.as_string().unwrap();
            assert!(ATTRIBUTES.contains(&a.as_str()), "{name}: attribute {a} on <{}>", e.tag_name());
        }
        if e.tag_name() == "A" {
            let href = e.get_attribute("href").unwrap();
            assert!(href.starts_with("https://") || href.starts_with("http://"), "{name}: link to {href}");
        }
        if let Some(style) = e.get_attribute("style") {
            assert!(!style.contains("url(") && !style.contains("alert"), "{name}: style {style}");
        }
    }
}

#[wasm_bindgen_test]
fn hostile_text_is_shown_as_literal_text_and_makes_no_element() {
    for (name, bytes) in SHOWN {
        let (h, root) = host();
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut w = Widget::new(&root, Some(bytes.to_vec()), None, None).unwrap();
        assert!(w.ok(), "{name}");
        for width in [280.0, 1000.0] {
            w.render(width, "light", 2.0).unwrap();
            for i in 0..w.bar_count() {
                w.show_tip(i as i32).unwrap();
                check_dom(name, &root);
                let tip = root.query_selector(".tip").unwrap().unwrap().text_content().unwrap();
                let fig = &v["figures"][i];
                assert!(tip.contains(fig["label"].as_str().unwrap()), "{name}: the tooltip shows the label as text");
                if let Some(q) = fig["quote"].as_str() {
                    assert!(tip.contains(q), "{name}: the tooltip shows the quote as text");
                }
            }
        }
        let all = root.text_content().unwrap();
        for f in v["figures"].as_array().unwrap() {
            assert!(all.contains(f["label"].as_str().unwrap()), "{name}: label in the table");
        }
        h.remove();
    }
}

#[wasm_bindgen_test]
fn look_alike_links_show_the_host_they_go_to() {
    let (h, root) = host();
    let mut w = Widget::new(&root, Some(SHOWN[2].1.to_vec()), None, None).unwrap();
    w.render(640.0, "light", 1.0).unwrap();
    w.show_tip(0).unwrap();
    let a = root.query_selector(".tip a").unwrap().unwrap();
    assert_eq!(a.get_attribute("href").as_deref(), Some("https://xn--ruters-3of.com/world/"));
    let tip = root.query_selector(".tip").unwrap().unwrap().text_content().unwrap();
    assert!(tip.contains("xn--ruters-3of.com"), "the real host is written out: {tip}");
    w.show_tip(1).unwrap();
    let tip = root.query_selector(".tip").unwrap().unwrap().text_content().unwrap();
    assert!(tip.contains("paypal.com.evil.example"), "{tip}");
    h.remove();
}

#[wasm_bindgen_test]
fn hostile_files_that_are_refused_show_the_path_at_fault() {
    for (name, bytes, line) in REFUSED {
        let (h, root) = host();
        let w = Widget::new(&root, Some(bytes.to_vec()), None, None).unwrap();
        assert!(!w.ok(), "{name}");
        let text = root.query_selector(".error").unwrap().unwrap().text_content().unwrap();
        assert!(text.contains(line), "{name}: {text}");
        check_dom(name, &root);
        h.remove();
    }
}
