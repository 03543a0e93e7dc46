//! Any dataset that validates, drawn at a width taken from the input: never a panic, coordinates inside
//! the chart, and the SVG is well-formed XML (checked by a real parser).
#![no_main]

use libfuzzer_sys::fuzz_target;
use reported_figures::chart::spec::{Rect, Shape};
use reported_figures::chart::{describe, svg, MetricTable, Options, ThemeName};
use reported_figures::dataset::{self, Date};

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else { return };
    let Ok(d) = dataset::validate_bytes(rest, Date { year: 2026, month: 1, day: 1 }) else { return };
    let width = 200.0 + f64::from(w) * 5.0;
    let theme = if w % 2 == 0 { ThemeName::Light } else { ThemeName::Dark };
    for c in &d.charts {
        let spec = describe(&d, &c.id, &Options { width, height: None, theme, lang: None }, &MetricTable).unwrap();
        let frame = Rect::new(0.0, 0.0, spec.width, spec.height);
        for t in &spec.texts {
            assert!(frame.contains(&t.bbox), "{:?} outside the chart", t.text);
        }
        for s in &spec.shapes {
            if let Shape::Rect { rect, .. } = s {
                assert!(frame.contains(rect));
            }
        }
        let out = svg::render(&spec);
        roxmltree::Document::parse(&out).expect("the SVG is well-formed XML");
    }
});
