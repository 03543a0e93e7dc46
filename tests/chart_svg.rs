//! The SVG output: well-formed XML (checked by a real parser) that carries every label, value and
//! source name as text, with an accessible title and description.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use reported_figures::chart::{describe, svg, MetricTable, Options, ThemeName};
use reported_figures::dataset::{self, Date};

const ISOLATES: [char; 2] = ['\u{2067}', '\u{2069}'];

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").replace(ISOLATES, "").trim().to_string())
        .collect()
}

#[test]
fn svg_parses_and_carries_every_text_of_the_chart() {
    for (name, d) in common::all_datasets() {
        for chart in &d.charts {
            for width in [280.0, 640.0, 1200.0] {
                for theme in [ThemeName::Light, ThemeName::Dark] {
                    let spec =
                        describe(&d, &chart.id, &Options { width, height: None, theme, lang: None }, &MetricTable)
                            .unwrap();
                    let out = svg::render(&spec);
                    let doc =
                        roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{name}/{}: {e}\n{out}", chart.id));
                    let root = doc.root_element();
                    assert_eq!(root.attribute("role"), Some("img"));
                    assert_eq!(root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some(d.lang.as_str()));
                    let drawn = texts(&doc);
                    for t in &spec.texts {
                        assert!(drawn.contains(&t.text), "{name}/{} {width}: {:?} not drawn", chart.id, t.text);
                    }
                    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap().text().unwrap();
                    assert_eq!(title, chart.title);
                    // The description holds every figure in full, whatever the drawing had to shorten.
                    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap();
                    for &f in &chart.figures {
                        let fig = &d.figures[f];
                        assert!(desc.contains(&fig.label), "{}", fig.label);
                        assert!(desc.contains(&d.sources[fig.source].name));
                        let value = spec.bars.iter().find(|b| b.figure == f).unwrap();
                        assert!(
                            desc.contains(&value.value_text)
                                || desc.contains(&format!("{} {}", value.value_text, fig.unit)),
                            "{desc}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn markup_in_data_stays_text() {
    let v = serde_json::json!({
        "title": "<script>alert(1)</script> & \"quotes\" 'too' ]]> <![CDATA[x]]>",
        "sources": [{"id": "s", "name": "<img src=x onerror=alert(1)>"}],
        "figures": [{"id": "f", "label": "</text><script>alert(2)</script><text>", "value": 5, "unit": "u", "source": "s", "as_of": "2024-01-01"}],
    });
    let d = dataset::validate(&v.to_string(), Date { year: 2024, month: 1, day: 2 }).unwrap();
    let out = svg::render(
        &describe(&d, "u", &Options { width: 1000.0, height: None, theme: ThemeName::Light, lang: None }, &MetricTable)
            .unwrap(),
    );
    let doc = roxmltree::Document::parse(&out).unwrap();
    assert!(doc.descendants().all(|n| !n.has_tag_name("script") && !n.has_tag_name("img")));
    assert!(doc.descendants().all(|n| n.attributes().all(|a| !a.name().starts_with("on"))));
    let drawn = texts(&doc);
    assert!(drawn.contains(&"<img src=x onerror=alert(1)>".to_string()), "{drawn:?}");
    assert!(drawn.iter().any(|t| t.contains("</text><script>alert(2)</script>")), "{drawn:?}");
}
