//! The chart as sentences for screen readers, built from the attributions: one per figure
//! ("Gaza health ministry: about 33,207 people – Palestinians killed in Gaza – As of 8 April 2024")
//! and a summary of a chart. The canvas's description, each bar's accessible name, the SVG's `<desc>`
//! and the page's figure details use them.

use super::locale::Locale;
use crate::dataset::{Chart, Dataset, Status};
use crate::strings::{cat, fill, join};

/// One figure as a sentence: source, value as reported (with its unit), label, status, date.
pub fn figure_sentence(d: &Dataset, f: usize, loc: &Locale) -> String {
    let fig = &d.figures[f];
    let s = fill(loc.words.reports, "{source}", &d.sources[fig.source].name);
    let s = fill(&s, "{value}", &loc.figure_value(fig, true));
    let mut s = fill(&s, "{label}", &fig.label);
    if fig.status != Status::Reported {
        s = cat(&[&s, " (", loc.status_word(fig.status), ")"]);
    }
    cat(&[&s, " – ", &fill(loc.words.as_of, "{}", &loc.date(fig.as_of.date))])
}

/// The chart's title and each of its figures as a sentence.
pub fn summary(d: &Dataset, chart: &Chart, loc: &Locale) -> String {
    let mut out = vec![chart.title.clone()];
    out.extend(chart.figures.iter().map(|&f| figure_sentence(d, f, loc)));
    join(&out, ". ")
}
