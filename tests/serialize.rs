//! The validated dataset written back in its JSON format (what the element's `data` property reads
//! back): validating it again gives the same dataset, for every dataset the tests use.
#![cfg(not(target_arch = "wasm32"))]

use reported_figures::dataset::{self, serialize::AsJson, Date};

const TODAY: Date = Date { year: 2026, month: 1, day: 1 };

fn datasets() -> Vec<(String, String)> {
    let mut files = vec![concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/gaza-truce-talks-2024-04-08.json").into()];
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            files.push(p.to_string_lossy().into_owned());
        }
    }
    files.into_iter().map(|f| (f.clone(), std::fs::read_to_string(&f).unwrap())).collect()
}

#[test]
fn a_dataset_written_back_validates_to_itself() {
    let all = datasets();
    assert!(all.len() >= 5);
    for (name, text) in all {
        let d = dataset::validate(&text, TODAY).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let written = serde_json::to_string(&AsJson(&d)).unwrap();
        let again = dataset::validate(&written, TODAY).unwrap_or_else(|e| panic!("{name}: {e:?}\n{written}"));
        assert_eq!(again, d, "{name}");
        // And through serde data rather than text, as the browser gives a JavaScript object.
        let value: serde_json::Value = serde_json::from_str(&written).unwrap();
        let from_data =
            dataset::validate_data(&value, TODAY, &dataset::NativeParsers).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(from_data, d, "{name}");
    }
}

#[test]
fn the_builtin_dataset_reads_back_in_its_own_words() {
    let d = dataset::validate(dataset::BUILTIN_JSON, TODAY).unwrap();
    let v = serde_json::to_value(AsJson(&d)).unwrap();
    let first = &v["figures"][0];
    assert_eq!(first["id"], "killed-gaza");
    assert_eq!(first["value"].to_string(), "33207", "a whole number stays an integer");
    assert_eq!(first["approx"], "about");
    assert_eq!(first["source"], d.sources[d.figures[0].source].id);
    assert_eq!(v["charts"].as_array().unwrap().len(), d.charts.len());
    assert!(first.get("note").is_none() || first["note"].is_string(), "absent fields are left out, not null");
    assert!(!v.to_string().contains("null"));
}

#[test]
fn data_with_errors_is_reported_at_the_same_paths_as_text() {
    let text = r#"{"title": "T", "sources": [{"id": "s", "name": ""}],
        "figures": [{"label": "L", "value": -5, "unit": "u", "source": "x", "as_of": "2024-02-30"}]}"#;
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let as_text: Vec<String> = dataset::validate(text, TODAY).unwrap_err().iter().map(|e| e.to_string()).collect();
    let as_data: Vec<String> = dataset::validate_data(&value, TODAY, &dataset::NativeParsers)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(as_data, as_text);
    assert_eq!(as_text.len(), 4, "{as_text:?}");
}
