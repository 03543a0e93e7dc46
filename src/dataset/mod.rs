//! The dataset: its model, the JSON format (version 1), and validation with JSON-path errors.
//!
//! Data flows one way: text → `json::parse` (a tree that keeps repeated keys and number literals)
//! → `validate` → a `Dataset` whose every invariant holds, or every `DatasetError` found.

pub mod binary;
pub mod date;
pub mod error;
pub mod json;
pub mod lang;
pub mod parsers;
#[cfg(not(target_arch = "wasm32"))]
pub mod positions;
pub mod serialize;
pub mod text;
mod validate;

pub use date::Date;
pub use error::{DatasetError, ErrorKind, ForbiddenKind};
#[cfg(not(target_arch = "wasm32"))]
pub use parsers::NativeParsers;
pub use parsers::{ParsedUrl, Parsers};
#[cfg(not(target_arch = "wasm32"))]
pub use validate::{validate, validate_bytes};
pub use validate::{validate_bytes_with, validate_data, validate_with};

/// Input larger than this many bytes is refused before parsing (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1_048_576;
/// The most figures a dataset may hold.
pub const MAX_FIGURES: usize = 1000;
/// The most sources a dataset may hold.
pub const MAX_SOURCES: usize = 1000;
/// The most charts a dataset may declare.
pub const MAX_CHARTS: usize = 100;
/// The largest value: 2^53 − 1, the largest integer a JavaScript number holds exactly.
pub const MAX_VALUE: f64 = 9_007_199_254_740_991.0;

/// Length limits of text fields, in Unicode scalar values (what `chars().count()` counts).
pub mod limits {
    /// Ids of sources, figures and charts.
    pub const ID: usize = 100;
    /// Dataset, chart and article titles and headlines.
    pub const TITLE: usize = 200;
    /// Subtitles.
    pub const SUBTITLE: usize = 400;
    /// Figure labels.
    pub const LABEL: usize = 200;
    /// Units ("people", "weeks") and their forms (`unit_one` …).
    pub const UNIT: usize = 60;
    /// A value in the report's own words (`wording`: "nearly half").
    pub const WORDING: usize = 100;
    /// Source and publisher names.
    pub const NAME: usize = 200;
    /// URLs.
    pub const URL: usize = 2000;
    /// Source descriptions and notes.
    pub const NOTE: usize = 1000;
    /// The sentence a figure is quoted from.
    pub const QUOTE: usize = 2000;
    /// Language tags.
    pub const LANG: usize = 35;
}

/// A validated dataset: every reference resolved, every text checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The dataset's title.
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// BCP 47 language tag, as given (`en` when absent).
    pub lang: String,
    /// The report the figures come from.
    pub article: Option<Article>,
    /// Who gave the figures.
    pub sources: Vec<Source>,
    /// The figures, in the dataset's order.
    pub figures: Vec<Figure>,
    /// The declared charts, or one chart per unit when the dataset declares none.
    pub charts: Vec<Chart>,
}

/// The report the figures come from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The report's headline.
    pub headline: Option<String>,
    /// Who published it (Reuters).
    pub publisher: Option<String>,
    /// Normalised by the WHATWG URL parser.
    pub url: Option<String>,
    /// When it was published.
    pub published: Option<AsOf>,
}

/// Who gave a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The id figures name it by.
    pub id: String,
    /// The name shown beside its figures.
    pub name: String,
    /// Normalised by the WHATWG URL parser; always `http:` or `https:`.
    pub url: Option<String>,
    /// Who the source is, in a sentence.
    pub description: Option<String>,
    /// The palette colour this source keeps when the dataset is one chart cut from a larger one
    /// ([`Dataset::only_chart`]), so the chart looks as it does among its dataset's other charts.
    /// Never set from JSON.
    pub palette: Option<u16>,
}

/// One number from the report, with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The id charts name it by (optional when the dataset declares no charts).
    pub id: Option<String>,
    /// What the number counts ("Palestinians killed in Gaza").
    pub label: String,
    /// Finite, from 0 to [`MAX_VALUE`].
    pub value: f64,
    /// The unit as written after most numbers, usually a plural ("people", "brigades"); also the unit's
    /// name in captions ("Unit: brigades") and what groups figures into charts.
    pub unit: String,
    /// The unit's forms after numbers of other plural categories ("brigade" after one).
    pub unit_forms: UnitForms,
    /// The report's own words for the value ("nearly half"), shown instead of the number.
    pub wording: Option<String>,
    /// How the report qualifies the number.
    pub approx: Approx,
    /// Reported, proposed, claimed or estimated.
    pub status: Status,
    /// Index into [`Dataset::sources`].
    pub source: usize,
    /// The passage of the report the figure is quoted from, verbatim.
    pub quote: Option<String>,
    /// The date the figure is as of.
    pub as_of: AsOf,
    /// A note shown with the figure.
    pub note: Option<String>,
}

/// A unit's forms for the plural categories of the Unicode CLDR, for languages whose nouns agree with
/// numbers: `one` ("1 brigade"), and `two`, `few`, `many` (Arabic, Hebrew, Russian …). A form that is
/// absent falls back as [`crate::chart::locale`] documents.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitForms {
    /// After numbers of the category "one" ("1 brigade").
    pub one: Option<String>,
    /// After numbers of the category "two".
    pub two: Option<String>,
    /// After numbers of the category "few".
    pub few: Option<String>,
    /// After numbers of the category "many" (and after millions).
    pub many: Option<String>,
}

/// A date as the dataset wrote it, and the calendar day it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsOf {
    /// The calendar day.
    pub date: Date,
    /// The text as given: `2024-04-08` or an RFC 3339 date-time.
    pub text: String,
}

/// A group of figures drawn together on one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The chart's id (the element's `chart` attribute).
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// Indices into [`Dataset::figures`], in drawing order.
    pub figures: Vec<usize>,
    /// A note the chart shows under it.
    pub note: Option<String>,
}

/// How the report qualifies a number: "more than 600", "around 40".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Approx {
    /// The number as given (`exact`).
    #[default]
    Exact,
    /// "about", "some", "around" (`about`).
    About,
    /// "at least" (`at_least`).
    AtLeast,
    /// "more than" (`more_than`).
    MoreThan,
    /// "nearly", "almost" (`nearly`).
    Nearly,
    /// "fewer than" (`fewer_than`).
    FewerThan,
    /// "up to" (`up_to`).
    UpTo,
}

/// Whether a figure is a reported fact or something less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    /// Reported as a fact (`reported`).
    #[default]
    Reported,
    /// Proposed, not agreed (`proposed`): drawn hatched.
    Proposed,
    /// Claimed by a party (`claimed`).
    Claimed,
    /// An estimate (`estimate`).
    Estimate,
}

impl Approx {
    /// Every qualifier, in the order the format documents them.
    pub const ALL: [Approx; 7] = [
        Approx::Exact,
        Approx::About,
        Approx::AtLeast,
        Approx::MoreThan,
        Approx::Nearly,
        Approx::FewerThan,
        Approx::UpTo,
    ];
    /// The words of the format, in the same order as [`Approx::ALL`].
    pub const WORDS: &'static [&'static str] =
        &["exact", "about", "at_least", "more_than", "nearly", "fewer_than", "up_to"];

    /// The dataset's word for this qualifier: `more_than`.
    pub fn as_str(self) -> &'static str {
        Self::WORDS[Self::ALL.iter().position(|a| *a == self).unwrap_or(0)]
    }
    /// Whether the true number may be higher than the value (`at_least`, `more_than`).
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Approx::AtLeast | Approx::MoreThan)
    }
    /// Whether the true number may be lower than the value (`nearly`, `fewer_than`, `up_to`).
    pub fn is_upper_bound(self) -> bool {
        matches!(self, Approx::Nearly | Approx::FewerThan | Approx::UpTo)
    }
}

impl Status {
    /// Every status, in the order the format documents them.
    pub const ALL: [Status; 4] = [Status::Reported, Status::Proposed, Status::Claimed, Status::Estimate];
    /// The words of the format, in the same order as [`Status::ALL`].
    pub const WORDS: &'static [&'static str] = &["reported", "proposed", "claimed", "estimate"];

    /// The dataset's word for this status: `proposed`.
    pub fn as_str(self) -> &'static str {
        Self::WORDS[Self::ALL.iter().position(|s| *s == self).unwrap_or(0)]
    }
}

impl Dataset {
    /// The source of a figure.
    pub fn source_of(&self, figure: &Figure) -> &Source {
        &self.sources[figure.source]
    }
    /// The chart with this id.
    pub fn chart(&self, id: &str) -> Option<&Chart> {
        self.charts.iter().find(|c| c.id == id)
    }
    /// The dataset reduced to one chart: its figures (in its order) and the sources they cite, the
    /// rest as it is; what an embed of that chart carries. `None` if no chart has this id.
    pub fn only_chart(&self, id: &str) -> Option<Dataset> {
        let chart = self.chart(id)?;
        let mut sources: Vec<usize> = Vec::new();
        for &f in &chart.figures {
            if !sources.contains(&self.figures[f].source) {
                sources.push(self.figures[f].source);
            }
        }
        let figures = chart
            .figures
            .iter()
            .map(|&f| {
                let fig = &self.figures[f];
                Figure { source: sources.iter().position(|&s| s == fig.source).unwrap_or(0), ..fig.clone() }
            })
            .collect();
        let colors = crate::chart::layout::source_slots(self);
        Some(Dataset {
            sources: sources.iter().map(|&s| Source { palette: colors[s], ..self.sources[s].clone() }).collect(),
            figures,
            charts: vec![Chart { figures: (0..chart.figures.len()).collect(), ..chart.clone() }],
            ..self.clone()
        })
    }

    /// Whether the dataset's language is written right to left.
    pub fn is_rtl(&self) -> bool {
        lang::is_rtl(&self.lang)
    }
}

/// The text of the built-in dataset: the figures of the Reuters report of 8 April 2024 on the Gaza
/// truce talks (`www/data/gaza-truce-talks-2024-04-08.json`).
pub const BUILTIN_JSON: &str = include_str!("../../www/data/gaza-truce-talks-2024-04-08.json");

/// The built-in dataset validated and in the [`binary`] form, as the browser's reader module uses it
/// (no JSON parse). Written by `reported-figures pack -o www/data/gaza-truce-talks-2024-04-08.rfd`;
/// `tests/binary.rs` fails when it is not the encoding of [`BUILTIN_JSON`].
pub const BUILTIN_BINARY: &[u8] = include_bytes!("../../www/data/gaza-truce-talks-2024-04-08.rfd");
