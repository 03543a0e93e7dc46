//! Helpers shared by the native chart tests.
#![allow(dead_code)]

use reported_figures::dataset::{self, Dataset, Date};

/// The day the datasets are validated as of.
pub const TODAY: Date = Date { year: 2026, month: 1, day: 1 };

pub fn builtin() -> Dataset {
    dataset::validate(dataset::BUILTIN_JSON, TODAY).unwrap()
}

/// A dataset from `tests/data/`.
pub fn test_data(name: &str) -> Dataset {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    dataset::validate(&text, TODAY).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

/// Every (name, dataset) the chart tests sweep.
pub fn all_datasets() -> Vec<(&'static str, Dataset)> {
    vec![
        ("builtin", builtin()),
        ("ar", test_data("ar-gaza.json")),
        ("he", test_data("he-gaza.json")),
        ("stress", test_data("stress.json")),
        ("long-sources", test_data("long-sources.json")),
        ("rtl-long-source", test_data("rtl-long-source.json")),
    ]
}

use reported_figures::chart::layout::SOURCE_WHOLE_CHARS;
use reported_figures::chart::spec::{ChartSpec, TextRole};

/// The contents of an SVG's `<text>` elements (what is drawn: not `<title>` or `<desc>`, which hold
/// every label anyway), without the renderer's bidi isolates.
pub fn drawn_texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").replace(['\u{2067}', '\u{2069}'], "").trim().to_string())
        .collect()
}

/// Text without whitespace (which line breaks drop).
pub fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Why a chart's SVG does not draw each bar's label, value and source as text, or `None` when it
/// does: every line the description places is a `<text>` element; each label's lines join to the
/// label or to its start followed by "…"; the value is drawn as described; a source name of at most 40
/// characters is drawn whole and a longer one from its start.
pub fn undrawn(d: &Dataset, spec: &ChartSpec, svg: &str) -> Option<String> {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => return Some(format!("not XML: {e}")),
    };
    let drawn = drawn_texts(&doc);
    for t in &spec.texts {
        if !drawn.contains(&t.text.trim().to_string()) {
            return Some(format!("{:?} is not a <text> of the SVG", t.text));
        }
    }
    for b in &spec.bars {
        let f = &d.figures[b.figure];
        let of = |role| -> String {
            spec.texts
                .iter()
                .filter(|t| t.figure == Some(b.figure) && t.role == role)
                .map(|t| t.text.as_str())
                .collect()
        };
        let starts = |drawn: &str, whole: &str| {
            let kept = squeezed(drawn.trim_end_matches('…'));
            squeezed(whole) == squeezed(drawn) || (drawn.ends_with('…') && squeezed(whole).starts_with(&kept))
        };
        let label = of(TextRole::Label);
        if !starts(&label, &f.label) {
            return Some(format!("label {:?} drawn as {label:?}", f.label));
        }
        let value = of(TextRole::Value);
        if !starts(&value, &b.value_text) {
            return Some(format!("value {:?} drawn as {value:?}", b.value_text));
        }
        let name = &d.sources[f.source].name;
        let source = of(TextRole::Source);
        let whole = squeezed(&source) == squeezed(name) && !source.ends_with('…');
        if !(whole || (name.chars().count() > SOURCE_WHOLE_CHARS && starts(&source, name))) {
            return Some(format!("source {name:?} drawn as {source:?}"));
        }
    }
    None
}
