//! The binary form of a validated dataset: every dataset survives the round trip; the built-in one
//! shipped to the browser is the encoding of its JSON; decoding refuses what validation would have
//! refused and never panics, whatever the bytes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use reported_figures::dataset::{self, binary, Date};

#[test]
fn every_dataset_survives_the_round_trip() {
    for (name, d) in common::all_datasets() {
        assert_eq!(binary::decode(&binary::encode(&d)).as_ref(), Some(&d), "{name}");
    }
    for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile")).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap();
        if let Ok(d) = dataset::validate_bytes(&bytes, common::TODAY) {
            assert_eq!(binary::decode(&binary::encode(&d)), Some(d));
        }
    }
}

#[test]
fn the_shipped_builtin_binary_is_the_encoding_of_its_json() {
    let d = dataset::validate(dataset::BUILTIN_JSON, Date { year: 2024, month: 4, day: 8 }).unwrap();
    assert!(
        binary::encode(&d) == dataset::BUILTIN_BINARY,
        "www/data/*.rfd is out of date: run cargo run --bin reported-figures -- pack -o www/data/gaza-truce-talks-2024-04-08.rfd"
    );
}

/// The encoding of a small valid dataset, and the offset of a string in it.
fn small() -> (Vec<u8>, usize) {
    let d = dataset::validate(
        r#"{"title": "Title", "sources": [{"id": "s", "name": "Name"}],
            "figures": [{"label": "Label", "value": 5, "unit": "people", "source": "s", "as_of": "2024-01-02"}]}"#,
        common::TODAY,
    )
    .unwrap();
    let bytes = binary::encode(&d);
    let at = bytes.windows(5).position(|w| w == b"Label").unwrap();
    (bytes, at)
}

#[test]
fn decoding_refuses_what_validation_refuses() {
    let (bytes, label) = small();
    assert!(binary::decode(&bytes).is_some());
    // A right-to-left override smuggled into the label (same length: "Lab" + U+202E).
    let mut evil = bytes.clone();
    evil[label + 2..label + 5].copy_from_slice("\u{202E}".as_bytes());
    assert!(binary::decode(&evil).is_none(), "a bidi control");
    let mut blank = bytes.clone();
    blank[label..label + 5].copy_from_slice(b"     ");
    assert!(binary::decode(&blank).is_none(), "blank text");
    let mut trailing = bytes.clone();
    trailing.push(0);
    assert!(binary::decode(&trailing).is_none(), "trailing bytes");
    assert!(binary::decode(&bytes[..bytes.len() - 1]).is_none(), "cut short");
    assert!(binary::decode(b"RFD2").is_none() && binary::decode(b"").is_none(), "not the format");
    // The figure's value, then a negative one.
    let value_at = label + 5;
    let mut negative = bytes.clone();
    negative[value_at..value_at + 8].copy_from_slice(&(-5f64).to_le_bytes());
    assert!(binary::decode(&negative).is_none(), "a negative value");
    let mut nan = bytes;
    nan[value_at..value_at + 8].copy_from_slice(&f64::NAN.to_le_bytes());
    assert!(binary::decode(&nan).is_none(), "NaN");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = binary::decode(&bytes);
        let mut framed = b"RFD1".to_vec();
        framed.extend(&bytes);
        let _ = binary::decode(&framed);
    }

    #[test]
    fn changed_bytes_never_panic_and_anything_decoded_is_valid(at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let (mut bytes, _) = small();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        if let Some(d) = binary::decode(&bytes) {
            // What decodes draws like any valid dataset.
            for c in &d.charts {
                let spec = reported_figures::chart::describe(&d, &c.id, &Default::default(), &reported_figures::chart::MetricTable).unwrap();
                roxmltree::Document::parse(&reported_figures::chart::svg::render(&spec)).unwrap();
            }
        }
    }
}
