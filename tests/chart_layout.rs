//! The chart description at every width from a phone to a desktop: no text overlaps, nothing leaves
//! the chart, every bar is visible, and right-to-left charts are mirrored.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use reported_figures::chart::spec::{ChartSpec, Rect, Shape, TextRole, MIN_BAR_PX};
use reported_figures::chart::{describe, MetricTable, Options, ThemeName};

fn spec(d: &reported_figures::dataset::Dataset, chart: &str, width: f64) -> ChartSpec {
    describe(d, chart, &Options { width, height: None, theme: ThemeName::Light, lang: None }, &MetricTable).unwrap()
}

fn check(name: &str, s: &ChartSpec) {
    let frame = Rect::new(0.0, 0.0, s.width, s.height);
    for t in &s.texts {
        assert!(frame.contains(&t.bbox), "{name}: {:?} {:?} leaves the chart {frame:?}", t.text, t.bbox);
        assert!(!t.text.is_empty(), "{name}: an empty text item");
    }
    for (i, a) in s.texts.iter().enumerate() {
        for b in &s.texts[i + 1..] {
            assert!(!a.bbox.overlaps(&b.bbox), "{name}: {:?} {:?} overlaps {:?} {:?}", a.text, a.bbox, b.text, b.bbox);
        }
    }
    for shape in &s.shapes {
        let r = match shape {
            Shape::Rect { rect, .. } => *rect,
            Shape::Line { from, to, .. } => {
                Rect::new(from.0.min(to.0), from.1.min(to.1), (from.0 - to.0).abs(), (from.1 - to.1).abs())
            }
        };
        assert!(frame.contains(&r), "{name}: shape {shape:?} leaves the chart");
    }
    for b in &s.bars {
        assert!(b.rect.w >= MIN_BAR_PX - 1e-9, "{name}: bar {} is {} px", b.figure, b.rect.w);
        // No text runs over a bar.
        for t in &s.texts {
            assert!(!t.bbox.overlaps(&b.rect), "{name}: {:?} covers bar {}", t.text, b.figure);
        }
    }
}

#[test]
fn no_text_overlaps_or_leaves_the_chart_from_280_to_1200_px() {
    for (name, d) in common::all_datasets() {
        for chart in &d.charts {
            for width in (280..=1200).step_by(4) {
                check(&format!("{name}/{} at {width}px", chart.id), &spec(&d, &chart.id, width as f64));
            }
        }
    }
}

#[test]
fn every_label_value_and_source_is_shown_in_full_or_shortened_with_an_ellipsis() {
    for (name, d) in common::all_datasets() {
        for chart in &d.charts {
            for width in [280.0, 360.0, 640.0, 1000.0] {
                let s = spec(&d, &chart.id, width);
                for &f in &chart.figures {
                    let fig = &d.figures[f];
                    let of = |role| {
                        s.texts
                            .iter()
                            .filter(|t| t.figure == Some(f) && t.role == role)
                            .map(|t| t.text.clone())
                            .collect::<Vec<_>>()
                    };
                    let label = of(TextRole::Label).join(" ");
                    let full = fig.label.split_whitespace().collect::<Vec<_>>().join(" ");
                    let squeezed = |s: &str| s.replace([' ', '…'], "");
                    assert!(
                        label == full
                            || (label.ends_with('…') && squeezed(&full).starts_with(&squeezed(&label)))
                            || squeezed(&label) == squeezed(&full),
                        "{name}/{} at {width}: label {label:?} for {full:?}",
                        chart.id
                    );
                    let source = of(TextRole::Source).join("");
                    let name_ = &d.sources[fig.source].name;
                    assert!(
                        source == *name_ || (source.ends_with('…') && name_.starts_with(source.trim_end_matches('…'))),
                        "{source:?}"
                    );
                    assert_eq!(of(TextRole::Value).len(), 1);
                }
            }
        }
    }
}

#[test]
fn values_500_fold_apart_are_all_visible_and_in_proportion() {
    let d = common::builtin();
    for width in [280.0, 360.0, 640.0, 1200.0] {
        let s = spec(&d, "deaths", width);
        let len: Vec<f64> = s.bars.iter().map(|b| b.rect.w).collect();
        assert!(len.iter().all(|&l| l >= MIN_BAR_PX));
        // 33,207 against 1,200 is drawn to scale (the small ones are stubs at least 3 px long).
        assert!((len[0] / len[1] - 33207.0 / 1200.0).abs() < 0.1 * 33207.0 / 1200.0, "{len:?}");
        assert!(
            len[0] > 0.5 * (width - 40.0) * if width >= 520.0 { 0.6 } else { 1.0 },
            "the longest bar uses the room: {len:?}"
        );
        let values: Vec<&str> = s.texts.iter().filter(|t| t.role == TextRole::Value).map(|t| t.text.as_str()).collect();
        assert_eq!(values, ["about 33,207", "1,200", "more than 600", "more than 60"]);
    }
}

#[test]
fn right_to_left_charts_are_mirrored_and_never_reverse_text() {
    for name in ["ar-gaza.json", "he-gaza.json"] {
        let d = common::test_data(name);
        for width in [360.0, 1000.0] {
            let s = spec(&d, "deaths", width);
            assert!(s.rtl);
            for b in &s.bars {
                // Bars grow leftwards from a zero line near the right edge.
                assert!(b.rect.right() > width * 0.55, "{name} {width}: bar {:?}", b.rect);
            }
            let label = s.texts.iter().find(|t| t.role == TextRole::Label).unwrap();
            assert!(label.bbox.right() >= s.bars[0].rect.right() - 0.5, "labels sit on the right: {:?}", label.bbox);
            let value =
                s.texts.iter().find(|t| t.role == TextRole::Value && t.figure == Some(s.bars[0].figure)).unwrap();
            assert!(value.bbox.right() <= s.bars[0].rect.x, "the value is left of its bar");
            assert!(s.texts.iter().all(|t| t.rtl));
            assert!(s
                .texts
                .iter()
                .all(|t| !t.text.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))));
        }
        let he = common::test_data("he-gaza.json");
        let s = spec(&he, "deaths", 640.0);
        // Hebrew keeps Western digits; the Latin source name is one text, in logical order.
        assert!(
            s.texts.iter().any(|t| t.text == "כ־33,207"),
            "{:?}",
            s.texts.iter().map(|t| &t.text).collect::<Vec<_>>()
        );
    }
    let ar = common::test_data("ar-gaza.json");
    let s = spec(&ar, "hostages", 640.0);
    assert!(s.texts.iter().any(|t| t.text == "٢٥٣"));
    assert!(s.texts.iter().any(|t| t.text == "Reuters"));
}

#[test]
fn a_requested_height_is_filled_and_never_cuts_content() {
    let d = common::builtin();
    let natural = spec(&d, "deaths", 640.0);
    let taller = describe(
        &d,
        "deaths",
        &Options { width: 640.0, height: Some(natural.height + 200.0), theme: ThemeName::Dark, lang: None },
        &MetricTable,
    )
    .unwrap();
    assert_eq!(taller.height, natural.height + 200.0);
    assert!(taller.bars[0].rect.h > natural.bars[0].rect.h);
    check("taller", &taller);
    let shorter = describe(
        &d,
        "deaths",
        &Options { width: 640.0, height: Some(100.0), theme: ThemeName::Light, lang: None },
        &MetricTable,
    )
    .unwrap();
    assert_eq!(shorter.height, natural.height, "content is never cut to a smaller height");
    let e = describe(
        &d,
        "nope",
        &Options { width: 640.0, height: None, theme: ThemeName::Light, lang: None },
        &MetricTable,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "no chart has the id \"nope\"; the dataset has deaths, hostages");
}

#[test]
fn the_description_is_deterministic_and_printable() {
    let d = common::builtin();
    let a = spec(&d, "hostages", 500.0);
    let b = spec(&d, "hostages", 500.0);
    assert_eq!(a, b);
    assert!(format!("{a:?}").contains("Hostages remaining captive"));
}

#[test]
fn the_key_explains_each_mark_that_appears_and_no_other() {
    let d = common::builtin();
    let keys = |chart: &str| -> Vec<String> {
        spec(&d, chart, 640.0).texts.iter().filter(|t| t.role == TextRole::Key).map(|t| t.text.clone()).collect()
    };
    assert_eq!(keys("deaths"), ["more than / at least", "approximate"]);
    assert_eq!(keys("hostages"), ["approximate", "proposed, not agreed"]);
    let stress = common::test_data("stress.json");
    let all: Vec<String> = spec(&stress, "everything", 1000.0)
        .texts
        .iter()
        .filter(|t| t.role == TextRole::Key)
        .map(|t| t.text.clone())
        .collect();
    assert_eq!(
        all,
        ["more than / at least", "nearly / fewer than / up to", "proposed, not agreed", "claimed", "estimate"]
    );
}

#[test]
fn the_footer_names_the_sources_the_date_and_the_article() {
    let d = common::builtin();
    let s = spec(&d, "deaths", 1200.0);
    let footer: Vec<&str> = s.texts.iter().filter(|t| t.role == TextRole::Footer).map(|t| t.text.as_str()).collect();
    assert_eq!(
        footer,
        [
            "Sources: Gaza health ministry; Israeli tallies; Israeli army; Palestinian medical officials",
            "As of 8 April 2024 · Reuters, 8 April 2024: Hamas says Gaza truce talks still deadlocked despite reports of progress",
        ]
    );
}

#[test]
fn a_source_has_the_same_colour_in_every_chart() {
    let d = common::builtin();
    let (deaths, hostages) = (spec(&d, "deaths", 640.0), spec(&d, "hostages", 640.0));
    let color_of = |s: &ChartSpec, source: &str| {
        s.bars.iter().find(|b| d.sources[d.figures[b.figure].source].name == source).map(|b| b.color)
    };
    let reuters = color_of(&hostages, "Reuters").unwrap();
    assert!(hostages
        .bars
        .iter()
        .filter(|b| d.sources[d.figures[b.figure].source].name == "Reuters")
        .all(|b| b.color == reuters));
    assert!(deaths.bars.iter().all(|b| b.color != reuters), "Reuters' colour is not reused for another source");
    let dark = describe(
        &d,
        "hostages",
        &Options { width: 640.0, height: None, theme: ThemeName::Dark, lang: None },
        &MetricTable,
    )
    .unwrap();
    assert_eq!(color_of(&dark, "Reuters"), Some(reuters), "and the same in both themes");
}
