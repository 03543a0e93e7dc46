//! Every validation rule, with the exact message a user reads.
#![cfg(not(target_arch = "wasm32"))]

use reported_figures::dataset::{self, validate, validate_bytes, Approx, Date, ErrorKind, Status};
use serde_json::{json, Value};

const TODAY: Date = Date { year: 2024, month: 4, day: 10 };

fn base() -> Value {
    json!({
        "title": "T",
        "sources": [{"id": "s", "name": "S"}],
        "figures": [{"id": "a", "label": "L", "value": 1, "unit": "people", "source": "s", "as_of": "2024-04-08"}]
    })
}

/// The error lines for a dataset built from `base()` by `edit`.
fn errors_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = base();
    edit(&mut v);
    errors_of(&v.to_string())
}

fn errors_of(text: &str) -> Vec<String> {
    match validate(text, TODAY) {
        Ok(_) => vec![],
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_base_dataset_is_valid() {
    let d = validate(&base().to_string(), TODAY).unwrap();
    assert_eq!(d.lang, "en");
    assert_eq!(d.figures[0].approx, Approx::Exact);
    assert_eq!(d.figures[0].status, Status::Reported);
}

#[test]
fn input_over_one_mebibyte_is_refused_before_parsing() {
    let text = format!("{{\"title\": \"{}\"}}", "x".repeat(dataset::MAX_INPUT_BYTES));
    assert_eq!(
        errors_of(&text),
        [format!("(root): input is {} bytes, more than the limit of 1048576 bytes", text.len())]
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    assert_eq!(errors_of(&format!("\u{FEFF}{}", base())), Vec::<String>::new());
}

#[test]
fn syntax_errors_give_line_and_column() {
    assert_eq!(errors_of("{\n  \"title\": \"x\",\n}"), ["(root): invalid JSON at line 3, column 1: trailing comma"]);
    assert_eq!(errors_of(""), ["(root): invalid JSON at line 1, column 0: EOF while parsing a value"]);
    assert_eq!(errors_of("{} {}"), ["(root): invalid JSON at line 1, column 4: trailing characters"]);
    assert_eq!(
        errors_of(r#"{"title": "\ud800\u0041"}"#),
        ["(root): invalid JSON at line 1, column 23: lone leading surrogate in hex escape"]
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused() {
    let e = validate_bytes(b"{\"a\xff\"}", TODAY).unwrap_err();
    assert_eq!(e[0].to_string(), "(root): input is not UTF-8 text (invalid byte at offset 3)");
    assert_eq!(e[0].kind, ErrorKind::NotUtf8 { offset: 3 });
}

#[test]
fn the_root_must_be_an_object_with_the_required_fields() {
    assert_eq!(errors_of("[1]"), ["(root): must be an object, got an array"]);
    assert_eq!(errors_of("{}"), ["title: is required", "sources: is required", "figures: is required"]);
    assert_eq!(
        errors_after(|v| v["figures"][0] = json!({})),
        [
            "figures[0].label: is required",
            "figures[0].value: is required",
            "figures[0].unit: is required",
            "figures[0].source: is required",
            "figures[0].as_of: is required"
        ]
    );
}

#[test]
fn wrong_types_are_named() {
    assert_eq!(errors_after(|v| v["title"] = json!(5)), ["title: must be a string, got a number"]);
    assert_eq!(errors_after(|v| v["charts"] = json!({})), ["charts: must be an array, got an object"]);
    assert_eq!(errors_after(|v| v["figures"][0] = Value::Null), ["figures[0]: must be an object, got null"]);
    assert_eq!(
        errors_after(|v| v["figures"][0]["value"] = json!("5")),
        ["figures[0].value: must be a number, got a string"]
    );
    assert_eq!(
        errors_after(|v| v["sources"][0]["name"] = json!(true)),
        ["sources[0].name: must be a string, got true"]
    );
}

#[test]
fn null_optional_fields_count_as_absent() {
    assert_eq!(
        errors_after(|v| {
            v["subtitle"] = Value::Null;
            v["figures"][0]["approx"] = Value::Null;
            v["sources"][0]["url"] = Value::Null;
        }),
        Vec::<String>::new()
    );
    assert_eq!(errors_after(|v| v["title"] = Value::Null), ["title: must be a string, got null"]);
}

#[test]
fn values_are_finite_and_in_range() {
    let value = |raw: &str| {
        let text = base().to_string().replace("\"value\":1", &format!("\"value\":{raw}"));
        errors_of(&text)
    };
    assert_eq!(value("-5"), ["figures[0].value: must be a number from 0 to 9007199254740991, got -5"]);
    assert_eq!(value("1e400"), ["figures[0].value: must be a number from 0 to 9007199254740991, got 1e+400"]);
    assert_eq!(value("-1e400"), ["figures[0].value: must be a number from 0 to 9007199254740991, got -1e+400"]);
    assert_eq!(
        value("9007199254740992"),
        ["figures[0].value: must be a number from 0 to 9007199254740991, got 9007199254740992"]
    );
    for ok in ["0", "-0", "2.5", "9007199254740991", "1e-400", "33207"] {
        assert_eq!(value(ok), Vec::<String>::new(), "{ok}");
    }
    let e = validate(&base().to_string().replace("\"value\":1", "\"value\":-5"), TODAY).unwrap_err();
    assert_eq!(e[0].kind, ErrorKind::ValueOutOfRange { got: "-5".into() });
    assert_eq!(e[0].path, "figures[0].value");
}

#[test]
fn text_must_not_be_blank() {
    assert_eq!(
        errors_after(|v| v["figures"][0]["label"] = json!(" \u{200B}\u{FEFF}\t ")),
        ["figures[0].label: must not be blank"]
    );
    assert_eq!(errors_after(|v| v["title"] = json!("")), ["title: must not be blank"]);
    assert_eq!(errors_after(|v| v["figures"][0]["id"] = json!("")), ["figures[0].id: must not be blank"]);
    assert_eq!(
        errors_after(|v| v["sources"][0]["id"] = json!("")),
        ["sources[0].id: must not be blank", "figures[0].source: no source has the id \"s\""]
    );
}

#[test]
fn text_has_length_limits() {
    assert_eq!(
        errors_after(|v| v["figures"][0]["label"] = json!("é".repeat(201))),
        ["figures[0].label: must be at most 200 characters, got 201"]
    );
    assert_eq!(errors_after(|v| v["figures"][0]["label"] = json!("é".repeat(200))), Vec::<String>::new());
    assert_eq!(
        errors_after(|v| v["figures"][0]["label"] = json!("x".repeat(20_000))),
        ["figures[0].label: must be at most 200 characters, got 20000"]
    );
    assert_eq!(
        errors_after(|v| v["figures"][0]["unit"] = json!("u".repeat(61))),
        ["figures[0].unit: must be at most 60 characters, got 61"]
    );
    assert_eq!(
        errors_after(|v| v["figures"][0]["quote"] = json!("q".repeat(2001))),
        ["figures[0].quote: must be at most 2000 characters, got 2001"]
    );
}

#[test]
fn unit_forms_and_wording_follow_the_text_rules() {
    for field in ["unit_one", "unit_two", "unit_few", "unit_many"] {
        assert_eq!(
            errors_after(|v| v["figures"][0][field] = json!("u".repeat(61))),
            [format!("figures[0].{field}: must be at most 60 characters, got 61")]
        );
        assert_eq!(
            errors_after(|v| v["figures"][0][field] = json!(" ")),
            [format!("figures[0].{field}: must not be blank")]
        );
        assert_eq!(
            errors_after(|v| v["figures"][0][field] = json!(3)),
            [format!("figures[0].{field}: must be a string, got a number")]
        );
    }
    assert_eq!(
        errors_after(|v| v["figures"][0]["wording"] = json!("w".repeat(101))),
        ["figures[0].wording: must be at most 100 characters, got 101"]
    );
    assert_eq!(
        errors_after(|v| v["figures"][0]["wording"] = json!("\u{200B}")),
        ["figures[0].wording: must not be blank"]
    );
    assert_eq!(
        errors_after(|v| v["figures"][0]["wording"] = json!("nearly\u{202E}half")),
        ["figures[0].wording: must not contain the bidi control character U+202E (character 7)"]
    );
    let mut v = base();
    v["figures"][0]["unit_one"] = json!("person");
    v["figures"][0]["wording"] = json!("nearly half");
    v["figures"][0]["unit_many"] = json!(null);
    let d = validate(&v.to_string(), TODAY).unwrap();
    assert_eq!(d.figures[0].unit_forms.one.as_deref(), Some("person"));
    assert_eq!(d.figures[0].unit_forms.many, None);
    assert_eq!(d.figures[0].wording.as_deref(), Some("nearly half"));
}

#[test]
fn forbidden_characters_are_named_with_their_position() {
    assert_eq!(
        errors_after(|v| v["figures"][0]["label"] = json!("a\u{7}b")),
        ["figures[0].label: must not contain the control character U+0007 (character 2)"]
    );
    assert_eq!(
        errors_after(|v| v["title"] = json!("a\r\nb")),
        ["title: must not contain the control character U+000D (character 2)"]
    );
    assert_eq!(
        errors_after(|v| v["title"] = json!("a\u{85}")),
        ["title: must not contain the control character U+0085 (character 2)"]
    );
    assert_eq!(
        errors_after(|v| v["sources"][0]["name"] = json!("\u{202E}evil")),
        ["sources[0].name: must not contain the bidi control character U+202E (character 1)"]
    );
    assert_eq!(
        errors_after(|v| v["title"] = json!("x\u{2066}y\u{2069}")),
        ["title: must not contain the bidi control character U+2066 (character 2)"]
    );
    assert_eq!(
        errors_after(|v| v["title"] = json!("ab\u{FFFF}")),
        ["title: must not contain the noncharacter U+FFFF (character 3)"]
    );
    assert_eq!(
        errors_after(|v| v["title"] = json!("\u{1FFFE}")),
        ["title: must not contain the noncharacter U+1FFFE (character 1)"]
    );
    // Tab, newline, right-to-left text and emoji are text.
    assert_eq!(
        errors_after(|v| v["figures"][0]["quote"] = json!("line one\n\tline two: שלום, مرحبا 👩🏽‍⚕️")),
        Vec::<String>::new()
    );
}

#[test]
fn qualifiers_and_statuses_come_from_fixed_lists() {
    assert_eq!(
        errors_after(|v| v["figures"][0]["approx"] = json!("roughly")),
        ["figures[0].approx: must be one of exact, about, at_least, more_than, nearly, fewer_than, up_to, got \"roughly\""]
    );
    assert_eq!(
        errors_after(|v| v["figures"][0]["status"] = json!("Proposed")),
        ["figures[0].status: must be one of reported, proposed, claimed, estimate, got \"Proposed\""]
    );
    assert_eq!(
        errors_after(|v| v["figures"][0]["approx"] = json!("\u{202E}about")),
        ["figures[0].approx: must be one of exact, about, at_least, more_than, nearly, fewer_than, up_to, got \"\\u202Eabout\""]
    );
    for (word, approx) in Approx::WORDS.iter().zip(Approx::ALL) {
        let d = validate(
            &{
                let mut v = base();
                v["figures"][0]["approx"] = json!(word);
                v.to_string()
            },
            TODAY,
        )
        .unwrap();
        assert_eq!(d.figures[0].approx, approx);
        assert_eq!(approx.as_str(), *word);
    }
}

#[test]
fn lists_have_sizes() {
    assert_eq!(
        errors_after(|v| v["sources"] = json!([])),
        ["sources: must have at least 1 item, got 0", "figures[0].source: no source has the id \"s\""]
    );
    assert_eq!(errors_after(|v| v["figures"] = json!([])), ["figures: must have at least 1 item, got 0"]);
    assert_eq!(
        errors_after(|v| {
            let f = v["figures"][0].clone();
            let mut many = vec![];
            for i in 0..1001 {
                let mut g = f.clone();
                g["id"] = json!(format!("f{i}"));
                many.push(g);
            }
            v["figures"] = json!(many);
        }),
        ["figures: must have at most 1000 items, got 1001"]
    );
    assert_eq!(errors_after(|v| v["charts"] = json!([])), ["charts: must have at least 1 item, got 0"]);
}

#[test]
fn ids_are_unique_and_the_second_use_is_named() {
    assert_eq!(
        errors_after(|v| {
            let f = v["figures"][0].clone();
            v["figures"].as_array_mut().unwrap().push(f);
        }),
        ["figures[1].id: duplicate id \"a\", already used by figures[0]"]
    );
    assert_eq!(
        errors_after(|v| v["sources"].as_array_mut().unwrap().push(json!({"id": "s", "name": "Other"}))),
        ["sources[1].id: duplicate id \"s\", already used by sources[0]"]
    );
    assert_eq!(
        errors_after(|v| v["charts"] =
            json!([{"id": "c", "title": "C", "figures": ["a"]}, {"id": "c", "title": "D", "figures": ["a"]}])),
        ["charts[1].id: duplicate id \"c\", already used by charts[0]"]
    );
}

#[test]
fn references_must_exist() {
    assert_eq!(
        errors_after(|v| v["figures"][0]["source"] = json!("nope")),
        ["figures[0].source: no source has the id \"nope\""]
    );
    assert_eq!(
        errors_after(|v| v["charts"] = json!([{"id": "c", "title": "C", "figures": ["a", "zz", "a"]}])),
        [
            "charts[0].figures[1]: no figure has the id \"zz\"",
            "charts[0].figures[2]: figure \"a\" is already in this chart"
        ]
    );
    assert_eq!(
        errors_after(|v| v["charts"] = json!([{"id": "c", "title": "C", "figures": []}])),
        ["charts[0].figures: must have at least 1 item, got 0"]
    );
}

#[test]
fn repeated_keys_are_reported_at_the_repeated_key() {
    let text = r#"{"title": "a", "title": "b", "sources": [{"id": "s", "name": "S"}],
        "figures": [{"label": "L", "value": 1, "value": 2, "unit": "u", "source": "s", "as_of": "2024-04-08",
                     "extra": {"my key": 1, "my key": 2}}]}"#;
    assert_eq!(
        errors_of(text),
        [
            "title: duplicate key \"title\" in the same object",
            "figures[0].value: duplicate key \"value\" in the same object",
            "figures[0].extra[\"my key\"]: duplicate key \"my key\" in the same object",
        ]
    );
}

#[test]
fn urls_are_absolute_http_without_user_info() {
    let url = |u: &str| errors_after(|v| v["sources"][0]["url"] = json!(u));
    assert_eq!(
        url("javascript:alert(1)"),
        ["sources[0].url: must be an http or https URL, got \"javascript:alert(1)\""]
    );
    assert_eq!(
        url("data:text/html,<b>x</b>"),
        ["sources[0].url: must be an http or https URL, got \"data:text/html,<b>x</b>\""]
    );
    assert_eq!(url("/relative/path"), ["sources[0].url: must be an absolute URL, got \"/relative/path\""]);
    assert_eq!(url("https://exa mple.com"), ["sources[0].url: must be an absolute URL, got \"https://exa mple.com\""]);
    assert_eq!(url("https://user:pw@example.com/"), ["sources[0].url: must not contain a user name or password"]);
    assert_eq!(url("https://user@example.com/"), ["sources[0].url: must not contain a user name or password"]);
    assert_eq!(
        errors_after(|v| v["article"] = json!({"url": "ftp://example.com/"})),
        ["article.url: must be an http or https URL, got \"ftp://example.com/\""]
    );
    let mut v = base();
    v["sources"][0]["url"] = json!("HTTPS://Example.COM/a b");
    let d = validate(&v.to_string(), TODAY).unwrap();
    assert_eq!(d.sources[0].url.as_deref(), Some("https://example.com/a%20b"));
}

#[test]
fn dates_are_real_and_not_in_the_future() {
    let as_of = |d: &str| errors_after(|v| v["figures"][0]["as_of"] = json!(d));
    assert_eq!(as_of("2024-02-30"), ["figures[0].as_of: is not a real calendar date, got \"2024-02-30\""]);
    assert_eq!(
        as_of("8 April 2024"),
        ["figures[0].as_of: must be a date as YYYY-MM-DD or an RFC 3339 date-time, got \"8 April 2024\""]
    );
    assert_eq!(
        as_of("2024-04-12"),
        ["figures[0].as_of: must not be more than a day in the future, got \"2024-04-12\" (today is 2024-04-10)"]
    );
    assert_eq!(as_of("2024-04-11"), Vec::<String>::new());
    assert_eq!(as_of("2024-04-08T09:30:00+03:00"), Vec::<String>::new());
    assert_eq!(
        as_of("2024-04-08T25:30:00Z"),
        ["figures[0].as_of: is not a real calendar date, got \"2024-04-08T25:30:00Z\""]
    );
    assert_eq!(
        errors_after(|v| v["article"] = json!({"published": "2024-13-01"})),
        ["article.published: is not a real calendar date, got \"2024-13-01\""]
    );
}

#[test]
fn language_tags_are_bcp47() {
    assert_eq!(
        errors_after(|v| v["lang"] = json!("english!")),
        ["lang: must be a BCP 47 language tag such as \"en\" or \"pt-BR\", got \"english!\""]
    );
    assert_eq!(errors_after(|v| v["lang"] = json!("he-IL")), Vec::<String>::new());
}

#[test]
fn unknown_keys_are_ignored() {
    assert_eq!(
        errors_after(|v| {
            v["$schema"] = json!("x");
            v["figures"][0]["onclick"] = json!("<script>alert(1)</script>");
            v["sources"][0]["extra"] = json!([1, {"deep": null}]);
        }),
        Vec::<String>::new()
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = errors_after(|v| {
        v["title"] = json!(" ");
        v["figures"][0]["value"] = json!(-1);
        v["figures"][0]["approx"] = json!("x");
        v["sources"][0]["url"] = json!("ftp://a/");
    });
    assert_eq!(e.len(), 4, "{e:#?}");
}

#[test]
fn without_charts_there_is_one_chart_per_unit() {
    let mut v = base();
    let figures = v["figures"].as_array_mut().unwrap();
    figures.push(json!({"id": "b", "label": "M", "value": 2, "unit": "weeks", "source": "s", "as_of": "2024-04-08"}));
    figures.push(json!({"id": "c", "label": "N", "value": 3, "unit": "people", "source": "s", "as_of": "2024-04-08"}));
    let d = validate(&v.to_string(), TODAY).unwrap();
    let charts: Vec<(&str, &str, Vec<usize>)> =
        d.charts.iter().map(|c| (c.id.as_str(), c.title.as_str(), c.figures.clone())).collect();
    assert_eq!(charts, [("people", "people", vec![0, 2]), ("weeks", "weeks", vec![1])]);
}

#[path = "cases/paths.rs"]
mod paths;

#[test]
fn paths_are_read_as_written() {
    use paths::{steps, Step};
    let key = |k: &str| Step::Key { key: k.into(), prefix: false };
    assert_eq!(steps("(root)"), Some(vec![]));
    assert_eq!(steps("figures[2].value"), Some(vec![key("figures"), Step::Index(2), key("value")]));
    assert_eq!(
        steps("figures[0][\"odd \\\"key\\\"\"]"),
        Some(vec![key("figures"), Step::Index(0), key("odd \"key\"")])
    );
    assert_eq!(steps("x[\"a\\u202Eb\"]"), Some(vec![key("x"), key("a\u{202E}b")]));
    assert_eq!(steps("[\"abc…\"]"), Some(vec![Step::Key { key: "abc".into(), prefix: true }]));
    assert_eq!(steps("figures[x]"), None);
    assert_eq!(steps(".title"), None);
}

/// Every error of every hostile dataset and of a set of broken ones points into its input.
#[test]
fn every_error_path_points_into_the_input() {
    let mut inputs: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile"))
        .unwrap()
        .filter_map(|f| std::fs::read_to_string(f.unwrap().path()).ok())
        .collect();
    type Edit = Box<dyn Fn(&mut Value)>;
    let edits: Vec<Edit> = vec![
        Box::new(|v| v["figures"][0].as_object_mut().unwrap().clear()),
        Box::new(|v| v["figures"][0]["value"] = json!("1")),
        Box::new(|v| v["sources"] = json!([{"id": "s"}, {"name": "n"}, 3])),
        Box::new(|v| v["charts"] = json!([{"id": "c", "title": "t", "figures": ["a", "zz", "a"]}, {}])),
        Box::new(|v| v["figures"][0]["odd \"key\" \u{202E}"] = json!(1)),
        Box::new(|v| v["article"] = json!({"url": "javascript:x", "published": "2024-02-30"})),
        Box::new(|v| v["lang"] = json!("english!")),
    ];
    for edit in edits {
        let mut v = base();
        edit(&mut v);
        inputs.push(v.to_string());
    }
    inputs.push(
        r#"{"title": "T", "title": 2, "sources": [{"id": "s", "name": "S", "name": "S"}], "figures": []}"#.into(),
    );
    let mut checked = 0;
    for input in &inputs {
        let Err(errors) = validate(input, TODAY) else { continue };
        let Ok(tree) = reported_figures::dataset::json::parse(input.trim_start_matches('\u{FEFF}')) else { continue };
        for e in &errors {
            assert_eq!(paths::check(&tree, e), None, "{e}");
            checked += 1;
        }
    }
    assert!(checked > 30, "{checked} errors checked");
    // And the check can fail: a path into nothing, a "missing" field that is there.
    let tree = reported_figures::dataset::json::parse(&base().to_string()).unwrap();
    let e = |path: &str, kind| reported_figures::dataset::DatasetError::new(path, kind);
    assert!(paths::check(&tree, &e("figures[5].value", ErrorKind::Blank)).is_some());
    assert!(paths::check(&tree, &e("title", ErrorKind::Missing)).is_some());
    assert!(paths::check(&tree, &e("figures[0].nope", ErrorKind::Missing)).is_none());
}
