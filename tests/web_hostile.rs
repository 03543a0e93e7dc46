//! In the browser: the hostile datasets of `tests/data/hostile/` through the validator module and the
//! reader. Refused ones are refused with the path at fault; the others reach the reader, whose texts
//! for the DOM hold them as literal text (the element puts them into the DOM as text only: the page
//! tests check its DOM), and whose links go where they say.
#![cfg(target_arch = "wasm32")]

use reported_figures::assets::{TEXTS_HEAD, TEXTS_PER_BAR};
use reported_figures::web::validator::validate_dataset;
use reported_figures::web::Widget;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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

#[wasm_bindgen_test]
fn hostile_text_reaches_the_reader_as_literal_text() {
    for (name, bytes) in SHOWN {
        let v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        let binary = validate_dataset(bytes).unwrap_or_else(|_| panic!("{name} validates"));
        let mut w = Widget::new(&binary, None, None).unwrap();
        let t = w.texts();
        for (i, fig) in v["figures"].as_array().unwrap().iter().enumerate().take((t.len() - TEXTS_HEAD) / TEXTS_PER_BAR)
        {
            let bar = &t[TEXTS_HEAD + i * TEXTS_PER_BAR..TEXTS_HEAD + (i + 1) * TEXTS_PER_BAR];
            assert_eq!(bar[2], fig["label"].as_str().unwrap(), "{name}: the label as given");
            if let Some(q) = fig["quote"].as_str() {
                assert_eq!(bar[8], q, "{name}: the quote as given");
            }
        }
        for width in [280.0, 1000.0] {
            assert!(w.layout(width, "light", None).is_ok(), "{name}");
        }
    }
}

#[wasm_bindgen_test]
fn look_alike_links_show_the_host_they_go_to() {
    let binary = validate_dataset(SHOWN[2].1).unwrap();
    let t = Widget::new(&binary, None, None).unwrap().texts();
    let bar = |i: usize, k: usize| t[TEXTS_HEAD + i * TEXTS_PER_BAR + k].clone();
    assert_eq!(bar(0, 5), "https://xn--ruters-3of.com/world/");
    assert_eq!(bar(0, 4), "xn--ruters-3of.com", "the real host, in punycode");
    assert_eq!(bar(1, 4), "paypal.com.evil.example");
}

#[wasm_bindgen_test]
fn hostile_files_that_are_refused_name_the_path_at_fault() {
    for (name, bytes, line) in REFUSED {
        let errors = validate_dataset(bytes).err().unwrap_or_else(|| panic!("{name} is refused"));
        // Each problem is an object {path, message, kind}; the widget shows it as `path: message`.
        let field = |p: &wasm_bindgen::JsValue, k: &str| {
            js_sys::Reflect::get(p, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
        };
        let lines: Vec<String> = js_sys::Array::from(&errors)
            .iter()
            .map(|p| {
                assert!(!field(&p, "kind").is_empty(), "{name}: every problem has a kind");
                format!("{}: {}", field(&p, "path"), field(&p, "message"))
            })
            .collect();
        assert!(lines.iter().any(|l| l.contains(line)), "{name}: {lines:?}");
    }
}
