//! Property tests: whatever the input, parsing, validation, the chart description and the SVG never
//! panic; every valid dataset draws inside its chart as well-formed XML carrying every label, value and
//! source name in its `<text>` elements; mutated datasets (valid ones with a field removed, retyped or
//! replaced) mostly still validate and draw, and never panic; shortening text never splits a grapheme
//! cluster.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use reported_figures::chart::spec::{Rect, Shape};
use reported_figures::chart::text::{ellipsize, wrap, Font};
use reported_figures::chart::{describe, svg, MetricTable, Options, ThemeName};
use reported_figures::dataset::{self, Date};
use serde_json::{json, Map, Value};
use unicode_segmentation::UnicodeSegmentation;

const TODAY: Date = Date { year: 2026, month: 1, day: 1 };

/// Text from a mix of scripts, markup characters, emoji sequences and combining marks.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z0-9]{1,8}",
        Just(" ".to_string()),
        Just("<script>".to_string()),
        Just("&amp; \"'".to_string()),
        "[\u{05D0}-\u{05EA}]{1,6}",
        "[\u{0627}-\u{064A}]{1,6}",
        "[\u{4E00}-\u{4E40}]{1,4}",
        Just("👩🏽‍⚕️".to_string()),
        Just("🇵🇸🇮🇱".to_string()),
        Just("e\u{301}\u{302}".to_string()),
        Just("-".to_string()),
        Just("\n".to_string()),
    ];
    prop::collection::vec(pieces, 1..12)
        .prop_map(|v| v.concat())
        .prop_filter("not blank", |s| !s.chars().all(dataset::text::is_invisible))
        .prop_map(|s| s.chars().take(150).collect())
}

/// A valid `as_of`: a real calendar day from 1990 to 2025, sometimes with a time and an offset.
fn as_of() -> impl Strategy<Value = String> {
    (
        1990u32..2026,
        1u32..13,
        1u32..29,
        proptest::option::of((0u32..24, 0u32..60, prop::sample::select(vec!["Z", "+02:00", "-05:30"]))),
    )
        .prop_map(|(y, m, d, time)| match time {
            None => format!("{y:04}-{m:02}-{d:02}"),
            Some((h, min, off)) => format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:00{off}"),
        })
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(0)),
        (0u64..100).prop_map(|v| json!(v)),
        (0u64..9_007_199_254_740_991).prop_map(|v| json!(v)),
        (0.0f64..1e6).prop_map(|v| json!(v)),
        Just(json!(9_007_199_254_740_991u64)),
    ]
}

/// A valid dataset with 1–5 sources, 1–12 figures and, half the time, 1–3 charts.
fn dataset_json() -> impl Strategy<Value = Value> {
    let langs = prop::sample::select(vec!["en", "ar", "he", "fr", "de", "es", "ru", "ja", "pt-BR", "ar-u-nu-latn"]);
    let approx = prop::sample::select(vec!["exact", "about", "at_least", "more_than", "nearly", "fewer_than", "up_to"]);
    let status = prop::sample::select(vec!["reported", "proposed", "claimed", "estimate"]);
    let units = prop::sample::select(vec!["people", "%", "weeks", "شخص"]);
    (
        text(),
        langs,
        prop::collection::vec(text(), 1..5),
        prop::collection::vec(
            (
                (text(), value(), approx, status, units, any::<prop::sample::Index>(), proptest::option::of(text())),
                (as_of(), proptest::option::of(text()), proptest::option::of(text())),
            ),
            1..12,
        ),
        proptest::option::of(prop::collection::vec(prop::collection::vec(any::<prop::sample::Index>(), 1..6), 1..3)),
    )
        .prop_map(|(title, lang, sources, figures, charts)| {
            let sources: Vec<Value> =
                sources.iter().enumerate().map(|(i, n)| json!({"id": format!("s{i}"), "name": n, "url": format!("https://example.com/{i}")})).collect();
            let n_sources = sources.len();
            let figures: Vec<Value> = figures
                .into_iter()
                .enumerate()
                .map(|(i, ((label, value, approx, status, unit, src, quote), (as_of, one, wording)))| {
                    let short = |t: Option<String>, n: usize| t.map(|t| t.chars().take(n).collect::<String>()).filter(|t| !t.chars().all(dataset::text::is_invisible));
                    json!({"id": format!("f{i}"), "label": label, "value": value, "unit": unit, "approx": approx, "status": status,
                           "source": format!("s{}", src.index(n_sources)), "quote": quote, "as_of": as_of,
                           "unit_one": short(one, 60), "wording": short(wording, 100)})
                })
                .collect();
            let n_figures = figures.len();
            let mut d = json!({"title": title, "lang": lang, "sources": sources, "figures": figures,
                               "article": {"headline": "A headline", "publisher": "A publisher", "published": "2024-04-08"}});
            if let Some(charts) = charts {
                let charts: Vec<Value> = charts
                    .into_iter()
                    .enumerate()
                    .map(|(c, picks)| {
                        let mut ids: Vec<String> = picks.iter().map(|p| format!("f{}", p.index(n_figures))).collect();
                        ids.dedup();
                        ids.sort();
                        ids.dedup();
                        json!({"id": format!("c{c}"), "title": format!("Chart {c}"), "figures": ids})
                    })
                    .collect();
                d["charts"] = json!(charts);
            }
            d
        })
}

/// Any JSON, with dataset keys often enough that validation goes deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|v| json!(v)),
        any::<f64>().prop_filter("finite", |v| v.is_finite()).prop_map(|v| json!(v)),
        ".{0,30}".prop_map(Value::String),
        text().prop_map(Value::String),
    ];
    let keys = prop::sample::select(vec![
        "title",
        "subtitle",
        "lang",
        "article",
        "sources",
        "figures",
        "charts",
        "id",
        "name",
        "url",
        "label",
        "value",
        "unit",
        "approx",
        "status",
        "source",
        "quote",
        "as_of",
        "note",
        "headline",
        "published",
        "x",
    ]);
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..10)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>())),
        ]
    })
}

fn draw_all(d: &dataset::Dataset, width: f64, theme: ThemeName) -> Vec<(reported_figures::chart::ChartSpec, String)> {
    d.charts
        .iter()
        .map(|c| {
            let spec = describe(d, &c.id, &Options { width, height: None, theme, lang: None }, &MetricTable).unwrap();
            let out = svg::render(&spec);
            (spec, out)
        })
        .collect()
}

/// One change to a valid dataset: a key removed, a value replaced by any JSON, or nothing.
#[derive(Debug, Clone)]
enum Mutation {
    None,
    Remove(prop::sample::Index, prop::sample::Index),
    Replace(prop::sample::Index, prop::sample::Index, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => Just(Mutation::None),
        1 => (any::<prop::sample::Index>(), any::<prop::sample::Index>()).prop_map(|(a, b)| Mutation::Remove(a, b)),
        1 => (any::<prop::sample::Index>(), any::<prop::sample::Index>(), json_value()).prop_map(|(a, b, v)| Mutation::Replace(a, b, v)),
    ]
}

/// The JSON pointer (RFC 6901) of every object in a JSON value.
fn object_pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            out.push(at.clone());
            for (k, c) in m {
                object_pointers(c, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, c) in items.iter().enumerate() {
                object_pointers(c, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn apply(v: &mut Value, m: &Mutation) {
    let (which, key, new) = match m {
        Mutation::None => return,
        Mutation::Remove(a, b) => (a, b, None),
        Mutation::Replace(a, b, n) => (a, b, Some(n.clone())),
    };
    let mut pointers = Vec::new();
    object_pointers(v, String::new(), &mut pointers);
    let Some(Value::Object(obj)) = v.pointer_mut(&pointers[which.index(pointers.len())]) else { return };
    let Some(k) = (!obj.is_empty()).then(|| obj.keys().nth(key.index(obj.len())).cloned()).flatten() else { return };
    match new {
        None => {
            obj.remove(&k);
        }
        Some(n) => {
            obj.insert(k, n);
        }
    }
}

#[test]
fn mutated_datasets_never_panic_and_most_still_draw() {
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::Cell;
    let (total, drawn) = (Cell::new(0usize), Cell::new(0usize));
    let mut runner = TestRunner::new(Config { cases: 300, ..Config::default() });
    runner
        .run(&(dataset_json(), mutation(), 200.0f64..1600.0), |(mut v, m, width)| {
            apply(&mut v, &m);
            total.set(total.get() + 1);
            if let Ok(d) = dataset::validate(&v.to_string(), TODAY) {
                drawn.set(drawn.get() + 1);
                for (spec, out) in draw_all(&d, width, ThemeName::Light) {
                    if let Some(why) = common::undrawn(&d, &spec, &out) {
                        return Err(TestCaseError::fail(why));
                    }
                }
            }
            Ok(())
        })
        .unwrap();
    eprintln!("# {} of {} generated datasets drew", drawn.get(), total.get());
    // Three in five cases are not mutated, and some mutations keep the dataset valid: most draw.
    assert!(
        drawn.get() * 2 > total.get(),
        "only {} of {} generated datasets reached the drawing",
        drawn.get(),
        total.get()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let _ = dataset::validate_bytes(&bytes, TODAY);
    }

    #[test]
    fn arbitrary_json_never_panics(v in json_value(), width in 150.0f64..2000.0) {
        if let Ok(d) = dataset::validate(&v.to_string(), TODAY) {
            for (_, out) in draw_all(&d, width, ThemeName::Light) {
                roxmltree::Document::parse(&out).unwrap();
            }
        }
    }

    #[test]
    fn valid_datasets_draw_inside_the_chart_as_well_formed_xml(v in dataset_json(), width in 200.0f64..1600.0, dark in any::<bool>()) {
        let d = dataset::validate(&v.to_string(), TODAY).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let theme = if dark { ThemeName::Dark } else { ThemeName::Light };
        for (spec, out) in draw_all(&d, width, theme) {
            let frame = Rect::new(0.0, 0.0, spec.width, spec.height);
            for t in &spec.texts {
                prop_assert!(frame.contains(&t.bbox), "{:?} at {:?} outside {:?}", t.text, t.bbox, frame);
            }
            for s in &spec.shapes {
                let r = match s {
                    Shape::Rect { rect, .. } => *rect,
                    Shape::Line { from, to, .. } => Rect::new(from.0.min(to.0), from.1.min(to.1), (from.0 - to.0).abs(), (from.1 - to.1).abs()),
                };
                prop_assert!(r.x.is_finite() && r.y.is_finite() && frame.contains(&r), "{s:?} outside {frame:?}");
            }
            // Drawn as text: every label, value and source in the <text> elements.
            if let Some(why) = common::undrawn(&d, &spec, &out) {
                return Err(TestCaseError::fail(why));
            }
        }
    }

    #[test]
    fn shortening_never_splits_a_grapheme(s in text(), max in 5.0f64..300.0, lines in 1usize..4) {
        let font = Font::regular(13.0);
        let graphemes: std::collections::HashSet<&str> = s.graphemes(true).collect();
        let short = ellipsize(&s, font, max, &MetricTable);
        let prefix = short.strip_suffix('…').unwrap();
        prop_assert!(s.starts_with(prefix), "{short:?} is not a prefix of {s:?}");
        prop_assert!(s.is_char_boundary(prefix.len()));
        let boundaries: Vec<usize> = s.grapheme_indices(true).map(|(i, g)| i + g.len()).collect();
        let at_boundary = prefix.is_empty() || boundaries.contains(&prefix.len());
        prop_assert!(at_boundary, "{:?} is cut inside a cluster", prefix);
        for line in wrap(&s, font, max, lines, &MetricTable).lines {
            for g in line.trim_end_matches('…').graphemes(true) {
                prop_assert!(graphemes.contains(g) || g.trim().is_empty(), "{g:?} (from {line:?}) is not a whole cluster of {s:?}");
            }
        }
    }
}
