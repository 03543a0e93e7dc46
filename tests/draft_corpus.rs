//! Drafting scored figure by figure on reports written for the purpose (`tests/data/reports/`: each
//! `NAME.txt` with `NAME.expected.json`, the attributed figures a reader would chart: value, qualifier
//! and source). The targets are the issue's: at least 85 % of figures with the right value and
//! qualifier, at least 75 % with the right source, and no year drafted as a figure.
#![cfg(not(target_arch = "wasm32"))]

use reported_figures::dataset::Date;
use reported_figures::draft::{draft, DraftOptions};

const TODAY: Date = Date { year: 2026, month: 11, day: 29 };

/// Whether two source names name the same source: every word of the shorter is in the longer
/// ("AFAD" and "Country's disaster agency AFAD").
fn same_source(a: &str, b: &str) -> bool {
    let words = |s: &str| s.to_lowercase().replace(['’', '\''], "").split(' ').map(String::from).collect::<Vec<_>>();
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().all(|w| long.contains(w))
}

#[test]
fn drafts_of_unseen_style_reports_meet_the_targets() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/reports");
    let (mut total, mut value_ok, mut source_ok) = (0, 0, 0);
    let mut names = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            names.push(p);
        }
    }
    names.sort();
    assert!(names.len() >= 3);
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let expected: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("expected.json")).unwrap()).unwrap();
        let d = draft(&text, &DraftOptions::default(), TODAY).unwrap();
        for f in &d.figures {
            let words = &text[f.span.0..f.span.1];
            let year = words.len() == 4 && words.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
            assert!(!year, "{}: a year drafted: {f:?}", path.display());
        }
        for want in &expected {
            total += 1;
            let value = want["value"].as_f64().unwrap();
            let approx = want["approx"].as_str().unwrap();
            let source = want["source"].as_str().unwrap();
            // A unit, when given, tells apart two figures of one value ("12 hospitals", "12%").
            let unit = want["unit"].as_str();
            let found = d.figures.iter().find(|f| {
                (f.value - value).abs() < 0.01 && f.approx.as_str() == approx && unit.is_none_or(|u| f.unit == u)
            });
            match found {
                Some(f) => {
                    value_ok += 1;
                    if same_source(&f.source, source) {
                        source_ok += 1;
                    } else {
                        eprintln!("{}: {value}: source {:?}, expected {source:?}", path.display(), f.source);
                    }
                }
                None => eprintln!("{}: {value} {approx} not drafted", path.display()),
            }
        }
    }
    let (v, s) = (value_ok as f64 / total as f64, source_ok as f64 / total as f64);
    eprintln!("{total} figures: value and qualifier {:.0} %, source {:.0} %", v * 100.0, s * 100.0);
    assert!(v >= 0.85, "value and qualifier right for {:.0} % of {total}", v * 100.0);
    assert!(s >= 0.75, "source right for {:.0} % of {total}", s * 100.0);
}
