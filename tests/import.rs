//! `import` reads back what `table` writes: the same figures and sources for every test dataset, as CSV
//! and as tab-separated text; bad rows are refused with their line and column named.
#![cfg(not(target_arch = "wasm32"))]

use reported_figures::dataset::{self, Dataset, Date};
use reported_figures::export;
use reported_figures::import::import;

const TODAY: Date = Date { year: 2026, month: 11, day: 29 };

fn datasets() -> Vec<(String, Dataset)> {
    let mut out = vec![("builtin".to_string(), dataset::validate(dataset::BUILTIN_JSON, TODAY).unwrap())];
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&p).unwrap();
            out.push((p.display().to_string(), dataset::validate(&text, TODAY).unwrap()));
        }
    }
    out
}

/// What a figure is, as the table has it: label, value, unit, qualifier, status, source name and URL,
/// date and quote.
fn figures(d: &Dataset) -> Vec<[String; 10]> {
    export::rows(d)
}

#[test]
fn table_then_import_gives_back_the_same_figures_and_sources() {
    for (name, d) in datasets() {
        for tsv in [false, true] {
            let text = if tsv {
                export::rows(&d)
                    .iter()
                    .fold(export::COLUMNS.join("\t") + "\n", |acc, r| acc + &r.join("\t").replace('\n', " ") + "\n")
            } else {
                export::csv(&d)
            };
            let v = import(text.as_bytes(), "Imported").unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let back = dataset::validate(&v.to_string(), TODAY).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let (want, got) = (figures(&d), figures(&back));
            if tsv {
                // Tab-separated text holds no line breaks in a cell: compare with them as spaces.
                let flat = |rows: Vec<[String; 10]>| {
                    rows.into_iter().map(|r| r.map(|c| c.replace('\n', " "))).collect::<Vec<_>>()
                };
                assert_eq!(flat(got), flat(want), "{name} (tsv)");
            } else {
                assert_eq!(got, want, "{name}");
            }
            let sources = |d: &Dataset| {
                let mut s: Vec<(String, Option<String>)> =
                    d.figures.iter().map(|f| (d.source_of(f).name.clone(), d.source_of(f).url.clone())).collect();
                s.dedup();
                s
            };
            assert_eq!(sources(&back), sources(&d), "{name}");
        }
    }
}

#[test]
fn bad_rows_are_refused_with_their_line_and_column() {
    let csv = "id,label,value,unit,qualifier,status,source,source_url,as_of,quote\r\n\
               a,Fine,12,people,exact,reported,Reuters,,2024-04-08,\r\n\
               b,Bad number,twelve,people,exact,reported,Reuters,,2024-04-08,\r\n\
               c,=HYPERLINK(\"http://evil\"),3,people,exact,reported,Reuters,,2024-04-08,\r\n\
               d,Escaped,4,people,exact,reported,'=Reuters,,2024-04-08,\r\n\
               e,Empty unit,5,,exact,reported,Reuters,,2024-04-08,\r\n";
    let errors = import(csv.as_bytes(), "T").unwrap_err();
    assert_eq!(
        errors,
        [
            "3: column value: must be a number such as 33207 or 2.5, got \"twelve\"",
            "4: column label: starts with '=', which a spreadsheet runs as a formula; write it as '=… to keep it as text",
            "6: column unit: is empty",
        ]
    );
    let missing = import(b"label,value\nA,1\n", "T").unwrap_err();
    assert_eq!(missing.len(), 3, "{missing:?}");
    assert!(missing[0].starts_with("1: column unit: is missing"), "{missing:?}");
}
