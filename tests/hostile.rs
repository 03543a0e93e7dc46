//! Hostile datasets (`tests/data/hostile/`): each is refused with the JSON path of the field at fault,
//! or shown as literal text. No element, attribute or script is ever made from data: in the SVG, the
//! CSV, the Markdown table, or the command-line tool's output. (`tests/web_hostile.rs` checks the
//! widget's DOM in the browser with the same files.)
#![cfg(not(target_arch = "wasm32"))]

mod common;

use reported_figures::chart::{describe, svg, MetricTable, Options, ThemeName};
use reported_figures::dataset::{self, Date, ErrorKind};
use reported_figures::export;
use std::path::PathBuf;
use std::process::Command;

const TODAY: Date = Date { year: 2026, month: 1, day: 1 };

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile").join(name)
}

fn errors(name: &str) -> Vec<String> {
    let bytes = std::fs::read(path(name)).unwrap();
    match dataset::validate_bytes(&bytes, TODAY) {
        Ok(_) => vec![],
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

/// Files refused, with the first lines of what `check` says about them.
const REFUSED: &[(&str, &[&str])] = &[
    ("url-javascript.json", &["sources[0].url: must be an http or https URL, got \"javascript:alert(1)\""]),
    (
        "url-data.json",
        &["sources[0].url: must be an http or https URL, got \"data:text/html,<script>alert(1)</script>\""],
    ),
    ("url-tab-javascript.json", &["sources[0].url: must be an http or https URL, got \"jav\\tascript:alert(1)\""]),
    ("url-credentials.json", &["sources[0].url: must not contain a user name or password"]),
    ("bidi-override.json", &["figures[0].label: must not contain the bidi control character U+202E (character 7)"]),
    ("bidi-isolate.json", &["sources[0].name: must not contain the bidi control character U+2067 (character 1)"]),
    ("zero-width-label.json", &["figures[0].label: must not be blank"]),
    ("long-label.json", &["figures[0].label: must be at most 200 characters, got 20000"]),
    (
        "control-chars.json",
        &[
            "title: must not contain the control character U+0000 (character 6)",
            "figures[0].label: must not contain the control character U+0007 (character 5)",
        ],
    ),
    ("noncharacter.json", &["figures[0].label: must not contain the noncharacter U+FFFF (character 5)"]),
    ("duplicate-key-smuggling.json", &["figures[0].label: duplicate key \"label\" in the same object"]),
    ("huge-number.json", &["figures[0].value: must be a number from 0 to 9007199254740991, got 1e+400"]),
    ("not-utf8.json", &["(root): input is not UTF-8 text (invalid byte at offset 13)"]),
];

/// Files refused as JSON, with the start of their message.
const NOT_JSON: &[(&str, &str)] =
    &[("deep-nesting.json", "recursion limit exceeded"), ("lone-surrogate.json", "hex escape")];

/// Files shown, as literal text.
const SHOWN: &[&str] = &["markup-everywhere.json", "emoji-and-marks.json", "lookalike-url.json"];

#[test]
fn every_hostile_file_is_listed_here() {
    let mut listed: Vec<&str> =
        REFUSED.iter().map(|r| r.0).chain(NOT_JSON.iter().map(|r| r.0)).chain(SHOWN.iter().copied()).collect();
    listed.sort();
    let mut present: Vec<String> =
        std::fs::read_dir(path("")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    present.sort();
    assert_eq!(listed, present);
}

#[test]
fn refused_files_name_the_field_at_fault() {
    for (name, want) in REFUSED {
        assert_eq!(errors(name), *want, "{name}");
    }
    for (name, msg) in NOT_JSON {
        let e = errors(name);
        assert_eq!(e.len(), 1, "{name}: {e:?}");
        assert!(e[0].starts_with("(root): invalid JSON at line 1, column ") && e[0].contains(msg), "{name}: {e:?}");
    }
}

/// The elements and attributes plotters' SVG backend and our metadata write; nothing else may appear.
const SVG_ELEMENTS: &[&str] = &["svg", "title", "desc", "rect", "polyline", "text"];
const SVG_ATTRIBUTES: &[&str] = &[
    "width",
    "height",
    "viewBox",
    "role",
    "aria-labelledby",
    "lang",
    "font-family",
    "id",
    "x",
    "y",
    "opacity",
    "fill",
    "stroke",
    "stroke-width",
    "points",
    "dy",
    "text-anchor",
    "font-size",
    "font-weight",
];

fn check_svg(name: &str, d: &dataset::Dataset, spec: &reported_figures::chart::ChartSpec, out: &str) {
    let doc = roxmltree::Document::parse(out).unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(SVG_ELEMENTS.contains(&n.tag_name().name()), "{name}: element <{}>", n.tag_name().name());
        for a in n.attributes() {
            assert!(SVG_ATTRIBUTES.contains(&a.name()), "{name}: attribute {}", a.name());
            assert!(
                !a.value().contains("alert") && !a.value().contains('<'),
                "{name}: data in attribute {}={:?}",
                a.name(),
                a.value()
            );
        }
    }
    assert!(doc.descendants().all(|n| !n.is_pi() && !n.is_comment()));
    // Drawn as text: read from the <text> elements only.
    if let Some(why) = common::undrawn(d, spec, out) {
        panic!("{name}: {why}");
    }
}

#[test]
fn shown_files_stay_literal_text_in_svg_csv_and_markdown() {
    for name in SHOWN {
        let bytes = std::fs::read(path(name)).unwrap();
        let d = dataset::validate_bytes(&bytes, TODAY).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        for chart in &d.charts {
            for width in [280.0, 640.0, 1200.0] {
                for theme in [ThemeName::Light, ThemeName::Dark] {
                    let spec =
                        describe(&d, &chart.id, &Options { width, height: None, theme, lang: None }, &MetricTable)
                            .unwrap();
                    check_svg(name, &d, &spec, &svg::render(&spec));
                }
            }
        }
        // CSV: one record per figure, every cell the literal text (formulas neutralised).
        let csv = export::csv(&d);
        let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(rows.len(), d.figures.len());
        for (row, f) in rows.iter().zip(&d.figures) {
            let label =
                row[1].strip_prefix('\'').filter(|_| f.label.starts_with(['=', '+', '-', '@'])).unwrap_or(&row[1]);
            assert_eq!(label, f.label);
        }
        // Markdown: no raw markup survives.
        let md = export::markdown(&d);
        for line in md.lines().skip(2) {
            let unescaped = line.replace("\\<", "").replace("\\>", "");
            assert!(!unescaped.contains('<') && !unescaped.contains('>'), "{name}: raw markup in {line}");
        }
    }
}

#[test]
fn look_alike_hosts_are_shown_in_punycode() {
    let bytes = std::fs::read(path("lookalike-url.json")).unwrap();
    let d = dataset::validate_bytes(&bytes, TODAY).unwrap();
    assert_eq!(d.sources[0].url.as_deref(), Some("https://xn--ruters-3of.com/world/"));
    assert_eq!(d.sources[1].url.as_deref(), Some("https://paypal.com.evil.example/login"));
}

#[test]
fn the_tool_checks_and_renders_hostile_files_without_trouble() {
    let tool = env!("CARGO_BIN_EXE_reported-figures");
    for (name, want) in REFUSED {
        let o = Command::new(tool).arg("check").arg(path(name)).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{name}");
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(out.contains(want[0]), "{name}: {out}");
    }
    for name in SHOWN {
        let o = Command::new(tool).arg("check").arg(path(name)).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{name}");
        let o = Command::new(tool).arg("render").arg(path(name)).args(["--width", "300"]).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{name}");
        roxmltree::Document::parse(std::str::from_utf8(&o.stdout).unwrap()).unwrap();
    }
}

#[test]
fn every_refusal_is_placed_where_its_value_starts() {
    // `check`'s line and column of each problem is where the text has the value at the problem's
    // path (parsed from there, it is that value), the repeated key, or the object a field is missing
    // from; never past the text.
    let today = Date { year: 2024, month: 4, day: 8 };
    let mut placed = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        let Err(errors) = dataset::validate(text, today) else { continue };
        let text = text.trim_start_matches('\u{FEFF}');
        let Ok(tree) = serde_json::from_str::<serde_json::Value>(text) else { continue };
        let places = dataset::positions::locate(&bytes, &errors);
        for (e, p) in errors.iter().zip(places) {
            if matches!(e.kind, ErrorKind::Syntax { .. } | ErrorKind::TooLarge { .. }) {
                continue;
            }
            // The byte offset of the line and column (in characters).
            let line_start: usize = text.split('\n').take(p.line - 1).map(|l| l.len() + 1).sum();
            let at = line_start + text[line_start..].chars().take(p.column - 1).map(char::len_utf8).sum::<usize>();
            let there = serde_json::Deserializer::from_str(&text[at..]).into_iter::<serde_json::Value>().next();
            let (path, what) = match &e.kind {
                // The repeated key itself.
                ErrorKind::DuplicateKey { key } => {
                    assert_eq!(
                        there.and_then(Result::ok),
                        Some(serde_json::json!(key)),
                        "{e} at {}:{}",
                        p.line,
                        p.column
                    );
                    placed += 1;
                    continue;
                }
                ErrorKind::Missing => {
                    (e.path.rsplit_once('.').map_or("", |(parent, _)| parent), "the object it is missing from")
                }
                _ => (e.path.as_str(), "its value"),
            };
            let want = value_at(&tree, path).unwrap_or_else(|| panic!("{e}: no value at {path}"));
            assert_eq!(there.and_then(Result::ok).as_ref(), Some(want), "{e}: {what} at {}:{}", p.line, p.column);
            placed += 1;
        }
    }
    assert!(placed >= 10, "only {placed} errors placed");
}

/// The value at a path as validation writes them (`figures[2].value`, `sources[0]["odd key"]`,
/// `(root)`); the first of repeated keys, as validation reads them.
fn value_at<'a>(v: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    let mut v = v;
    let mut rest = if path == "(root)" { "" } else { path };
    while !rest.is_empty() {
        rest = rest.strip_prefix('.').unwrap_or(rest);
        if let Some(r) = rest.strip_prefix("[\"") {
            let end = r.find("\"]")?;
            v = v.get(&r[..end])?;
            rest = &r[end + 2..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            v = v.get(r[..end].parse::<usize>().ok()?)?;
            rest = &r[end + 1..];
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            v = v.get(&rest[..end])?;
            rest = &rest[end..];
        }
    }
    Some(v)
}
