//! The JSON Schema shipped for editors' tools agrees with the validator's rules.
#![cfg(not(target_arch = "wasm32"))]

use reported_figures::dataset::{self, limits, Approx, Status};
use serde_json::Value;

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/dataset.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn words(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|w| w.as_str().unwrap().to_string()).collect()
}

#[test]
fn enums_and_limits_match_the_validator() {
    let s = schema();
    let fig = &s["properties"]["figures"];
    let props = &fig["items"]["properties"];
    assert_eq!(words(&props["approx"]["enum"]), Approx::WORDS);
    assert_eq!(words(&props["status"]["enum"]), Status::WORDS);
    assert_eq!(fig["maxItems"], dataset::MAX_FIGURES);
    assert_eq!(s["properties"]["sources"]["maxItems"], dataset::MAX_SOURCES);
    assert_eq!(s["properties"]["charts"]["maxItems"], dataset::MAX_CHARTS);
    assert_eq!(props["value"]["maximum"].as_f64(), Some(dataset::MAX_VALUE));
    assert_eq!(s["$defs"]["unit"]["maxLength"], limits::UNIT);
    for unit in ["unit", "unit_one", "unit_two", "unit_few", "unit_many"] {
        assert_eq!(props[unit]["$ref"], "#/$defs/unit", "{unit}");
    }
    assert_eq!(props["wording"]["maxLength"], limits::WORDING);
    assert_eq!(props["quote"]["maxLength"], limits::QUOTE);
    assert_eq!(s["$defs"]["id"]["maxLength"], limits::ID);
    assert_eq!(s["$defs"]["text200"]["maxLength"], limits::TITLE);
    assert_eq!(s["$defs"]["text200"]["maxLength"], limits::LABEL);
    assert_eq!(s["$defs"]["text200"]["maxLength"], limits::NAME);
    assert_eq!(s["$defs"]["text400"]["maxLength"], limits::SUBTITLE);
    assert_eq!(s["$defs"]["text1000"]["maxLength"], limits::NOTE);
    assert_eq!(s["$defs"]["url"]["maxLength"], limits::URL);
    assert_eq!(s["properties"]["lang"]["maxLength"], limits::LANG);
    let required = |v: &Value| words(&v["required"]);
    assert_eq!(required(&s), ["title", "sources", "figures"]);
    assert_eq!(required(&fig["items"]), ["label", "value", "unit", "source", "as_of"]);
}

#[test]
fn the_builtin_dataset_points_editors_at_the_schema() {
    let d: Value = serde_json::from_str(dataset::BUILTIN_JSON).unwrap();
    assert_eq!(d["$schema"], "../dataset.schema.json");
}
