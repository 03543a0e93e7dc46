//! Golden SVGs of the charts: the built-in charts at three widths in both themes, and the
//! right-to-left test datasets. A change shows up in `git diff tests/golden/`.
//!
//! To accept a deliberate change: `UPDATE_GOLDEN=1 cargo test --test chart_golden`.
//! On a mismatch the new output is written beside the golden file as `NAME-changed.svg`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use reported_figures::chart::{describe, svg, MetricTable, Options, ThemeName};
use std::path::PathBuf;

/// Numbers rounded to two decimals and line ends unified, so a diff shows what a reader would see.
fn normalise(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut number = String::new();
    let flush = |number: &mut String, out: &mut String| {
        if number.contains('.') {
            match number.parse::<f64>() {
                Ok(v) => out.push_str(&format!("{}", (v * 100.0).round() / 100.0)),
                Err(_) => out.push_str(number),
            }
        } else {
            out.push_str(number);
        }
        number.clear();
    };
    for c in svg.replace("\r\n", "\n").chars() {
        if c.is_ascii_digit() || (c == '.' && !number.is_empty()) {
            number.push(c);
        } else {
            flush(&mut number, &mut out);
            out.push(c);
        }
    }
    flush(&mut number, &mut out);
    out.lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

#[test]
fn charts_match_their_golden_svgs() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    // Only UPDATE_GOLDEN=1 rewrites the files: any other value (`0`, empty) compares as usual.
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut cases = Vec::new();
    let builtin = common::builtin();
    for chart in ["deaths", "hostages"] {
        for width in [360.0, 640.0, 1000.0] {
            for (theme, t) in [(ThemeName::Light, "light"), (ThemeName::Dark, "dark")] {
                cases.push((format!("{chart}-{width}-{t}"), builtin.clone(), chart, width, theme));
            }
        }
    }
    for lang in ["ar", "he"] {
        let d = common::test_data(&format!("{lang}-gaza.json"));
        for chart in ["deaths", "hostages"] {
            for width in [360.0, 1000.0] {
                cases.push((format!("{lang}-{chart}-{width}-light"), d.clone(), chart, width, ThemeName::Light));
            }
        }
    }
    let mut failures = Vec::new();
    for (name, d, chart, width, theme) in cases {
        let spec = describe(&d, chart, &Options { width, height: None, theme, lang: None }, &MetricTable).unwrap();
        let got = normalise(&svg::render(&spec));
        let path = dir.join(format!("{name}.svg"));
        let changed = dir.join(format!("{name}-changed.svg"));
        if update {
            std::fs::write(&path, &got).unwrap();
            let _ = std::fs::remove_file(&changed);
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if normalise(&want) == got {
            let _ = std::fs::remove_file(&changed);
        } else {
            std::fs::write(&changed, &got).unwrap();
            let line = want.lines().zip(got.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
            failures.push(format!("{name}: differs from line {line} (new output in {})", changed.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "golden SVGs differ; if the change is deliberate run UPDATE_GOLDEN=1 cargo test --test chart_golden\n{}",
        failures.join("\n")
    );
}
