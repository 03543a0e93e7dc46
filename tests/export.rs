//! The CSV and Markdown tables: RFC 4180, formula injection neutralised, markup escaped.
#![cfg(not(target_arch = "wasm32"))]

use reported_figures::dataset::{self, Date};
use reported_figures::export;

fn dataset_with(label: &str, quote: &str, source: &str) -> dataset::Dataset {
    let v = serde_json::json!({
        "title": "T",
        "sources": [{"id": "s", "name": source, "url": "https://example.com/a,b"}],
        "figures": [{"id": "f", "label": label, "value": 2.5, "unit": "u", "approx": "more_than", "status": "claimed",
                     "source": "s", "quote": quote, "as_of": "2024-04-08T10:00:00Z"}]
    });
    dataset::validate(&v.to_string(), Date { year: 2024, month: 4, day: 8 }).unwrap()
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_round_trips_through_an_rfc4180_reader() {
    let d =
        dataset_with("Killed, \"officially\"\nin Gaza", "He said: \"over 600\", then left.", "Ministry; of \"Health\"");
    let text = export::csv(&d);
    assert!(text.ends_with("\r\n"));
    let rows = read_csv(&text);
    assert_eq!(rows[0], export::COLUMNS);
    assert_eq!(
        rows[1],
        [
            "f",
            "Killed, \"officially\"\nin Gaza",
            "2.5",
            "u",
            "more_than",
            "claimed",
            "Ministry; of \"Health\"",
            "https://example.com/a,b",
            "2024-04-08T10:00:00Z",
            "He said: \"over 600\", then left."
        ]
    );
}

#[test]
fn csv_neutralises_spreadsheet_formulas() {
    for payload in ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"] {
        let d = dataset_with(payload, payload, payload);
        let rows = read_csv(&export::csv(&d));
        for col in [1, 6, 9] {
            assert_eq!(rows[1][col], format!("'{payload}"), "column {col} of {payload:?}");
        }
    }
    // Text that merely contains those characters is left alone.
    let d = dataset_with("a=b", "1+1", "x@y");
    let rows = read_csv(&export::csv(&d));
    assert_eq!((rows[1][1].as_str(), rows[1][9].as_str(), rows[1][6].as_str()), ("a=b", "1+1", "x@y"));
}

#[test]
fn markdown_escapes_markup_and_keeps_one_row_per_figure() {
    let d = dataset_with("<img src=x onerror=alert(1)> | [link](javascript:x) *bold*", "line\nbreak &amp;", "S");
    let md = export::markdown(&d);
    let row = md.lines().nth(2).unwrap();
    assert_eq!(md.lines().count(), 3);
    assert!(row.starts_with("| f | \\<img src=x onerror=alert\\(1\\)\\> \\| \\[link\\]\\(javascript:x\\) \\*bold\\* | 2.5 | u | more\\_than | claimed | S |"), "{row}");
    assert!(row.contains("line break \\&amp;"), "{row}");
}

#[test]
fn values_are_plain_numbers() {
    assert_eq!(export::plain_number(2_300_000.0), "2300000");
    assert_eq!(export::plain_number(9_007_199_254_740_991.0), "9007199254740991");
    assert_eq!(export::plain_number(0.5), "0.5");
    assert_eq!(export::plain_number(33207.0), "33207");
}
