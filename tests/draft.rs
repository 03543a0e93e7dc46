//! Drafting a dataset from a report's text: on the Reuters report every figure of the built-in dataset
//! is found with its value, qualifier and source; on reports written for these tests, figures with
//! their units, qualifiers, statuses, sources and quotes; years, dates, times, ordinals and names are
//! never figures; the draft is a valid dataset.
#![cfg(not(target_arch = "wasm32"))]

use reported_figures::dataset::{self, Approx, Date, Status};
use reported_figures::draft::{draft, Draft, DraftError, DraftOptions, MAX_REPORT_BYTES};
use std::path::PathBuf;

const TODAY: Date = Date { year: 2026, month: 11, day: 29 };

fn report() -> String {
    let path = std::env::var_os("REPORTED_FIGURES_ARTICLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/article.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("the report is not at {} ({e}): set REPORTED_FIGURES_ARTICLE to its path", path.display())
    })
}

fn drafted(text: &str) -> Draft {
    draft(text, &DraftOptions { published: Some("2024-04-08".into()), ..Default::default() }, TODAY).unwrap()
}

#[test]
fn the_reuters_report_gives_every_builtin_figure_with_its_value_qualifier_and_source() {
    let d = drafted(&report());
    let builtin = dataset::validate(dataset::BUILTIN_JSON, TODAY).unwrap();
    let norm = |s: &str| s.to_lowercase().replace(['’', '\''], "").replace("gazas", "gaza");
    for f in &builtin.figures {
        let source = &builtin.sources[f.source].name;
        let first_words =
            f.quote.as_deref().unwrap_or("").split(['.', '“', ',']).map(str::trim).find(|s| !s.is_empty()).unwrap();
        let found =
            d.figures.iter().find(|g| g.value == f.value && g.quote.contains(first_words) && g.approx == f.approx);
        let found =
            found.unwrap_or_else(|| panic!("{} ({} {:?}) not drafted: {:#?}", f.label, f.value, f.approx, d.figures));
        // The source as the report names it: the built-in's name, or the words the report uses for it.
        // Every word of the shorter name is in the longer ("Two Egyptian security sources" and the
        // drafted "Two Egyptian security sources and state-run Al-Qahera News").
        let (a, b) = (norm(&found.source), norm(source));
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let (short, long) =
            if words(&a).len() <= words(&b).len() { (words(&a), words(&b)) } else { (words(&b), words(&a)) };
        assert!(
            short.iter().all(|w| long.contains(w)),
            "{}: drafted source {:?}, built-in {:?}",
            f.label,
            found.source,
            source
        );
        assert_eq!(found.status, f.status, "{}", f.label);
    }
    assert_eq!(d.publisher, "Reuters");
    assert_eq!(d.headline.as_deref(), Some("Hamas says Gaza truce talks still deadlocked despite reports of progress"));
    // Nothing else: no dates (Oct. 7), ordinals (first stage) or vague counts (hundreds).
    assert_eq!(d.figures.len(), builtin.figures.len(), "{:#?}", d.figures);
}

/// A report written for this test: each figure with what the draft must give for it.
const REPORT: &str = "Floods leave thousands homeless in river delta

DHAKA, Aug 3 (Wire) - Floods have killed at least 48 people and displaced an estimated 120,000 in the
river delta since July 28, the disaster ministry said on Saturday.

Nearly 300 villages remain under water, according to the Red Crescent. The agency puts the number of
people in relief camps at 35,000.

“We have sent 40 boats and a dozen helicopters,” Colonel Amina Rahman told reporters at 10 a.m. in the
capital. She said up to 2,000 soldiers would join the rescue by Monday.

The government has proposed aid of $15 million. Rainfall was 38% above average in 2024, forecasters said,
and more rain is expected within 72 hours.

The 1998 floods covered two-thirds of the country. Route 5 was closed for the fifth day.
";

#[test]
fn a_report_written_for_the_test_is_drafted_figure_by_figure() {
    let d = draft(REPORT, &DraftOptions { published: Some("2025-08-03".into()), ..Default::default() }, TODAY).unwrap();
    let get = |value: f64| {
        d.figures.iter().find(|f| f.value == value).unwrap_or_else(|| panic!("{value} not drafted: {:#?}", d.figures))
    };
    let expect = [
        (48.0, "people", Approx::AtLeast, Status::Reported, "Disaster ministry"),
        (120_000.0, "people", Approx::About, Status::Estimate, "Disaster ministry"),
        (300.0, "villages", Approx::Nearly, Status::Reported, "Red Crescent"),
        (35_000.0, "people", Approx::Exact, Status::Reported, "Red Crescent"),
        (40.0, "boats", Approx::Exact, Status::Reported, "Colonel Amina Rahman"),
        (12.0, "helicopters", Approx::Exact, Status::Reported, "Colonel Amina Rahman"),
        (2_000.0, "people", Approx::UpTo, Status::Proposed, "Colonel Amina Rahman"),
        (15_000_000.0, "dollars", Approx::Exact, Status::Proposed, "Wire"),
        (38.0, "%", Approx::Exact, Status::Reported, "Forecasters"),
        (72.0, "hours", Approx::UpTo, Status::Estimate, "Wire"),
    ];
    for (value, unit, approx, status, source) in expect {
        let f = get(value);
        assert_eq!(
            (f.unit.as_str(), f.approx, f.status, f.source.as_str()),
            (unit, approx, status, source),
            "{value}: {f:#?}"
        );
        assert!(REPORT.contains(&f.quote), "{value}: the quote is verbatim");
        assert!(!f.quote.contains("\n\n"), "{value}: one paragraph");
        // The span ends with the number's own words.
        let marked = &REPORT[f.span.0..f.span.1];
        assert!(marked.ends_with(|c: char| c.is_ascii_digit() || c.is_alphabetic() || c == '%'), "{value}: {marked:?}");
    }
    // Not figures: the dateline's date, July 28, 2024, 1998, 10 a.m., Route 5, the fifth day, thousands.
    for value in [3.0, 28.0, 2024.0, 1998.0, 10.0, 5.0] {
        assert!(d.figures.iter().all(|f| f.value != value), "{value} drafted: {:#?}", d.figures);
    }
    assert_eq!(d.publisher, "Wire");
    assert_eq!(d.headline.as_deref(), Some("Floods leave thousands homeless in river delta"));
    // The span marks the figure's words.
    let f = get(48.0);
    assert_eq!(&REPORT[f.span.0..f.span.1], "at least 48");
}

#[test]
fn the_draft_is_a_valid_dataset() {
    for text in [report(), REPORT.to_string()] {
        let d = drafted(&text);
        let json = d.to_json(TODAY).to_string();
        let v = dataset::validate(&json, TODAY).unwrap_or_else(|e| panic!("{e:?}\n{json}"));
        assert_eq!(v.figures.len(), d.figures.len());
        assert_eq!(v.article.as_ref().and_then(|a| a.published.as_ref()).map(|p| p.text.as_str()), Some("2024-04-08"));
        assert!(v.figures.iter().all(|f| f.as_of.text == "2024-04-08"));
    }
}

#[test]
fn no_year_is_ever_a_figure() {
    let text =
        "In 2023, 40 people died. By 2030 the plan would house 1,500 families. Since 1948, 700,000 people fled. \
                The 2014 war killed 2,251 Palestinians. Elections are due in 2026.";
    let d = drafted(text);
    let values: Vec<f64> = d.figures.iter().map(|f| f.value).collect();
    assert_eq!(values, [40.0, 1500.0, 700_000.0, 2251.0]);
}

#[test]
fn bad_input_gets_a_clear_answer() {
    let opts = DraftOptions::default();
    assert_eq!(draft("   \n\n ", &opts, TODAY), Err(DraftError::Empty));
    let big = "word ".repeat(MAX_REPORT_BYTES / 5 + 1);
    assert_eq!(draft(&big, &opts, TODAY), Err(DraftError::TooLarge { bytes: big.len() }));
    assert!(draft("x", &DraftOptions { published: Some("8 April".into()), ..Default::default() }, TODAY).is_err());
    // Junk and other scripts draft nothing (and never panic).
    for junk in ["\u{0}\u{1}\u{fffd}ÿþ 12", "سقط ٣٣ شخصا", "ИТАР-ТАСС 5-го", "1,2,3,4 ,,, ... 5..6 $ % $% 7%%"]
    {
        let _ = draft(junk, &opts, TODAY).unwrap();
    }
}

#[test]
fn a_figure_given_twice_by_the_same_source_appears_once() {
    // (The time a 5,000-word report takes is measured by the criterion benchmark `draft`.)
    let para = "Officials said more than 1,200 people were killed and some 40 trucks entered on Monday, according to the ministry. ";
    let d = drafted(&para.repeat(250));
    assert_eq!(d.figures.len(), 2, "{:#?}", d.figures);
}
