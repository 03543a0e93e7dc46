//! The built-in dataset: the figures of the Reuters report of 8 April 2024, each with its source,
//! qualifier, status and date as the report gives them.
#![cfg(not(target_arch = "wasm32"))]

use reported_figures::dataset::{self, Approx, Dataset, Date, Status};
use std::path::PathBuf;

fn builtin() -> Dataset {
    // Validated as of the day the report appeared: nothing in it may postdate the report.
    dataset::validate(dataset::BUILTIN_JSON, Date { year: 2024, month: 4, day: 8 })
        .expect("the built-in dataset is valid")
}

/// (figure id, value, approx, status, source name, as_of)
const EXPECTED: &[(&str, f64, Approx, Status, &str, &str)] = &[
    ("killed-gaza", 33207.0, Approx::About, Status::Reported, "Gaza health ministry", "2024-04-08"),
    ("killed-israel-oct-7", 1200.0, Approx::Exact, Status::Reported, "Israeli tallies", "2024-04-08"),
    ("soldiers-killed", 600.0, Approx::MoreThan, Status::Reported, "Israeli army", "2024-04-08"),
    ("bodies-khan-younis", 60.0, Approx::MoreThan, Status::Reported, "Palestinian medical officials", "2024-04-08"),
    ("hostages-seized", 253.0, Approx::Exact, Status::Reported, "Reuters", "2024-04-08"),
    ("hostages-remaining", 133.0, Approx::Exact, Status::Reported, "Reuters", "2024-04-08"),
    ("hostages-first-stage", 40.0, Approx::About, Status::Proposed, "Negotiators", "2024-04-08"),
    (
        "hostages-israeli-government",
        133.0,
        Approx::Exact,
        Status::Reported,
        "Israeli government spokesman Avi Hyman",
        "2024-04-08",
    ),
    ("hostages-freed-november", 50.0, Approx::Nearly, Status::Reported, "Reuters", "2024-04-08"),
    ("gaza-population", 2_300_000.0, Approx::Exact, Status::Reported, "Reuters", "2024-04-08"),
    ("sheltering-rafah", 1_000_000.0, Approx::MoreThan, Status::Reported, "Reuters", "2024-04-08"),
    ("conflict-duration", 6.0, Approx::Exact, Status::Reported, "Reuters", "2024-04-08"),
    ("ceasefire-length", 6.0, Approx::About, Status::Proposed, "A White House spokesperson", "2024-04-08"),
    ("truce-stages", 3.0, Approx::Exact, Status::Proposed, "Two Egyptian security sources", "2024-04-08"),
    (
        "consultations-within",
        48.0,
        Approx::UpTo,
        Status::Estimate,
        "Egyptian security sources and Al-Qahera News",
        "2024-04-08",
    ),
    (
        "blockade-age",
        17.0,
        Approx::Exact,
        Status::Reported,
        "Palestinian official close to mediation efforts",
        "2024-04-08",
    ),
    ("brigades-southern-gaza", 1.0, Approx::Exact, Status::Reported, "Reuters", "2024-04-07"),
];

#[test]
fn holds_every_figure_of_the_report_with_its_attribution() {
    let d = builtin();
    assert_eq!(d.figures.len(), EXPECTED.len(), "a figure was added or removed: update EXPECTED");
    for &(id, value, approx, status, source, as_of) in EXPECTED {
        let f = d.figures.iter().find(|f| f.id.as_deref() == Some(id)).unwrap_or_else(|| panic!("no figure {id}"));
        assert_eq!(f.value, value, "{id} value");
        assert_eq!(f.approx, approx, "{id} qualifier");
        assert_eq!(f.status, status, "{id} status");
        assert_eq!(d.source_of(f).name, source, "{id} source");
        assert_eq!(f.as_of.text, as_of, "{id} as_of");
        assert!(f.quote.is_some(), "{id} has the sentence it comes from");
    }
}

#[test]
fn has_the_deaths_and_hostages_charts() {
    let d = builtin();
    let ids = |chart: &str| -> Vec<&str> {
        d.chart(chart).unwrap().figures.iter().map(|&i| d.figures[i].id.as_deref().unwrap()).collect()
    };
    assert_eq!(d.charts.len(), 2);
    assert_eq!(ids("deaths"), ["killed-gaza", "killed-israel-oct-7", "soldiers-killed", "bodies-khan-younis"]);
    assert_eq!(ids("hostages"), ["hostages-seized", "hostages-remaining", "hostages-first-stage"]);
    let a = d.article.as_ref().unwrap();
    assert_eq!(a.publisher.as_deref(), Some("Reuters"));
    assert_eq!(a.published.as_ref().unwrap().date, Date { year: 2024, month: 4, day: 8 });
}

#[test]
fn every_source_is_cited_and_no_date_postdates_the_report() {
    let d = builtin();
    for (i, s) in d.sources.iter().enumerate() {
        assert!(d.figures.iter().any(|f| f.source == i), "source {} is cited by no figure", s.id);
    }
    assert!(d.figures.iter().all(|f| f.as_of.date <= Date { year: 2024, month: 4, day: 8 }));
}

/// The report's paragraphs (separated by blank lines), each with its line breaks and runs of spaces
/// made single spaces. Paragraph breaks are kept: a quote must lie inside one paragraph.
fn paragraphs(report: &str) -> Vec<String> {
    report
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The report, which sits beside the project as `../shared/article.txt` on the project's machines
/// (it is not copied into the repository); elsewhere `REPORTED_FIGURES_ARTICLE` names it. A missing
/// report fails the test: a check that cannot run must not pass.
fn report() -> String {
    let path = std::env::var_os("REPORTED_FIGURES_ARTICLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/article.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the report is not at {} ({e}): put it at ../shared/article.txt beside the project or set \
             REPORTED_FIGURES_ARTICLE to its path",
            path.display()
        )
    })
}

/// Each quote is the report's own words: one passage, verbatim, inside one paragraph.
#[test]
fn every_quote_is_one_passage_of_the_report() {
    let paragraphs = paragraphs(&report());
    assert!(paragraphs.len() > 20, "the report has its paragraphs");
    let d = builtin();
    for f in &d.figures {
        let quote = f.quote.as_deref().unwrap();
        assert!(!quote.contains('\n'), "the quote of {:?} holds a line break", f.id);
        assert!(
            paragraphs.iter().any(|p| p.contains(quote)),
            "the quote of {:?} is not one passage of one paragraph of the report: {quote}",
            f.id
        );
    }
    assert_eq!(paragraphs[0], d.article.as_ref().unwrap().headline.as_deref().unwrap(), "the headline");
}

#[test]
fn a_quote_across_a_paragraph_break_is_refused() {
    // The rule the test above applies, on the passage that once joined two paragraphs.
    let paragraphs = paragraphs(&report());
    let joined =
        "Israel said on Sunday it had withdrawn more soldiers from southern Gaza. This left just one brigade there";
    assert!(!paragraphs.iter().any(|p| p.contains(joined)));
    assert!(paragraphs.iter().any(|p| p.contains("This left just one brigade there")));
}

#[test]
fn what_readers_see_says_no_more_than_the_report() {
    let d = builtin();
    let figure = |id: &str| d.figures.iter().find(|f| f.id.as_deref() == Some(id)).unwrap();
    // The report says "nearly half", never "nearly 50%".
    assert_eq!(figure("hostages-freed-november").wording.as_deref(), Some("nearly half"));
    assert_eq!(figure("brigades-southern-gaza").unit_forms.one.as_deref(), Some("brigade"));
    assert!(figure("hostages-first-stage").label.contains("proposed for release"));
    let deaths = d.chart("deaths").unwrap();
    let note = deaths.note.as_deref().unwrap();
    assert!(note.contains("different parties") && note.contains("different periods") && note.contains("overlap"));
    assert!(!d.subtitle.as_deref().unwrap().starts_with("Every number"));
    assert_ne!(d.chart("hostages").unwrap().title, "Hostages held in Gaza");
}
