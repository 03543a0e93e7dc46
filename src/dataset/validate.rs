//! The JSON tree → a [`Dataset`], collecting every problem with its path.

use super::date::{self, Date, DateProblem};
use super::error::{DatasetError, ErrorKind, ROOT};
use super::json::{self, Json};
use super::{lang, limits, text, Parsers};
use super::{Approx, Article, AsOf, Chart, Dataset, Figure, Source, Status, UnitForms};
use super::{MAX_CHARTS, MAX_FIGURES, MAX_INPUT_BYTES, MAX_SOURCES, MAX_VALUE};
use std::collections::BTreeMap;

/// Parses and validates dataset text with the native parsers (see [`validate_with`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn validate(input: &str, today: Date) -> Result<Dataset, Vec<DatasetError>> {
    validate_with(input, today, &super::NativeParsers)
}

/// Like [`validate_bytes_with`], with the native parsers.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate_bytes(input: &[u8], today: Date) -> Result<Dataset, Vec<DatasetError>> {
    validate_bytes_with(input, today, &super::NativeParsers)
}

/// Parses and validates dataset text. `today` is the day of validation: dates more than one day after
/// it are refused; `parsers` reads URLs and number literals. Returns the dataset, or every problem
/// found, in document order of the checks. Never panics, whatever the input.
pub fn validate_with(input: &str, today: Date, parsers: &dyn Parsers) -> Result<Dataset, Vec<DatasetError>> {
    refuse_if_too_large(input.len())?;
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let tree = json::parse(input).map_err(|e| {
        vec![DatasetError::new(ROOT, ErrorKind::Syntax { line: e.line, column: e.column, message: e.message })]
    })?;
    validate_tree(&tree, today, parsers)
}

/// Validates a dataset given as data rather than text: a JavaScript object (through
/// serde-wasm-bindgen) or any other serde data. The same rules, paths and messages as text, within the
/// same limits: a value nested deeper than 128 levels (a cyclic object) or larger than
/// [`MAX_INPUT_BYTES`] as JSON, or one JSON cannot hold, is refused at its path as
/// [`ErrorKind::NotJsonData`]. An object cannot repeat a key, so that rule never fires.
pub fn validate_data<'de, D: serde::Deserializer<'de>>(
    data: D,
    today: Date,
    parsers: &dyn Parsers,
) -> Result<Dataset, Vec<DatasetError>> {
    let tree = json::from_deserializer(data, MAX_INPUT_BYTES)
        .map_err(|e| vec![DatasetError::new(at(&e.path), ErrorKind::NotJsonData { message: e.message })])?;
    validate_tree(&tree, today, parsers)
}

fn validate_tree(tree: &Json, today: Date, parsers: &dyn Parsers) -> Result<Dataset, Vec<DatasetError>> {
    let mut v = Validator { errors: Vec::new(), today, parsers };
    v.duplicate_keys(tree, "");
    let dataset = v.dataset(tree);
    match dataset {
        Some(d) if v.errors.is_empty() => Ok(d),
        _ => Err(v.errors),
    }
}

/// Like [`validate_with`], for bytes that may not be UTF-8 (a file or a network response).
pub fn validate_bytes_with(input: &[u8], today: Date, parsers: &dyn Parsers) -> Result<Dataset, Vec<DatasetError>> {
    refuse_if_too_large(input.len())?;
    match std::str::from_utf8(input) {
        Ok(text) => validate_with(text, today, parsers),
        Err(e) => Err(vec![DatasetError::new(ROOT, ErrorKind::NotUtf8 { offset: e.valid_up_to() })]),
    }
}

/// Input over [`MAX_INPUT_BYTES`] is refused before anything reads it.
fn refuse_if_too_large(bytes: usize) -> Result<(), Vec<DatasetError>> {
    if bytes > MAX_INPUT_BYTES {
        return Err(vec![DatasetError::new(ROOT, ErrorKind::TooLarge { bytes, limit: MAX_INPUT_BYTES })]);
    }
    Ok(())
}

/// `parent.key`, or `parent["odd key"]` when the key is not a plain identifier.
pub(crate) fn key_path(parent: &str, key: &str) -> String {
    let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    match (plain, parent.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{parent}.{key}"),
        (false, _) => format!("{parent}[{}]", super::error::quote(key)),
    }
}

pub(crate) fn index_path(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

fn at(path: &str) -> &str {
    if path.is_empty() {
        ROOT
    } else {
        path
    }
}

type Members = [(String, Json)];

fn get<'a>(obj: &'a Members, key: &str) -> Option<&'a Json> {
    obj.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

struct Validator<'p> {
    errors: Vec<DatasetError>,
    today: Date,
    parsers: &'p dyn Parsers,
}

impl Validator<'_> {
    fn err(&mut self, path: &str, kind: ErrorKind) {
        self.errors.push(DatasetError::new(at(path), kind));
    }

    /// Every object in the tree, unknown keys included: a key given twice is reported at its second
    /// occurrence.
    fn duplicate_keys(&mut self, j: &Json, path: &str) {
        match j {
            Json::Object(members) => {
                for (i, (k, v)) in members.iter().enumerate() {
                    let p = key_path(path, k);
                    if members[..i].iter().any(|(earlier, _)| earlier == k) {
                        self.err(&p, ErrorKind::DuplicateKey { key: k.clone() });
                    }
                    self.duplicate_keys(v, &p);
                }
            }
            Json::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.duplicate_keys(item, &index_path(path, i));
                }
            }
            _ => {}
        }
    }

    fn object<'a>(&mut self, j: &'a Json, path: &str) -> Option<&'a Members> {
        match j {
            Json::Object(m) => Some(m),
            other => {
                self.err(path, ErrorKind::WrongType { expected: "an object", found: other.type_name() });
                None
            }
        }
    }

    /// A field that may be absent or null; `None` when absent, null or of the wrong type.
    fn optional<'a>(&mut self, obj: &'a Members, key: &str) -> Option<&'a Json> {
        match get(obj, key) {
            None | Some(Json::Null) => None,
            Some(j) => Some(j),
        }
    }

    fn required<'a>(&mut self, obj: &'a Members, parent: &str, key: &str) -> Option<&'a Json> {
        let j = get(obj, key);
        if j.is_none() {
            self.err(&key_path(parent, key), ErrorKind::Missing);
        }
        j
    }

    fn string<'a>(&mut self, j: &'a Json, path: &str) -> Option<&'a str> {
        match j {
            Json::String(s) => Some(s),
            other => {
                self.err(path, ErrorKind::WrongType { expected: "a string", found: other.type_name() });
                None
            }
        }
    }

    /// A text value checked against the text rules.
    fn text(&mut self, j: &Json, path: &str, max: usize) -> Option<String> {
        let s = self.string(j, path)?;
        let problems = text::check(s, max);
        let ok = problems.is_empty();
        for p in problems {
            self.err(path, p);
        }
        ok.then(|| s.to_string())
    }

    fn required_text(&mut self, obj: &Members, parent: &str, key: &str, max: usize) -> Option<String> {
        let j = self.required(obj, parent, key)?;
        self.text(j, &key_path(parent, key), max)
    }

    fn optional_text(&mut self, obj: &Members, parent: &str, key: &str, max: usize) -> Option<String> {
        let j = self.optional(obj, key)?;
        self.text(j, &key_path(parent, key), max)
    }

    fn optional_url(&mut self, obj: &Members, parent: &str, key: &str) -> Option<String> {
        let path = key_path(parent, key);
        let s = self.optional_text(obj, parent, key, limits::URL)?;
        match self.parsers.url(&s) {
            None => self.err(&path, ErrorKind::InvalidUrl { got: s }),
            Some(u) if u.scheme != "http" && u.scheme != "https" => self.err(&path, ErrorKind::UrlScheme { got: s }),
            Some(u) if u.has_credentials => self.err(&path, ErrorKind::UrlUserInfo),
            Some(u) => return Some(u.href),
        }
        None
    }

    fn date(&mut self, j: &Json, path: &str) -> Option<AsOf> {
        let s = self.string(j, path)?;
        match date::parse(s) {
            Err(DateProblem::Format) => self.err(path, ErrorKind::DateFormat { got: s.into() }),
            Err(DateProblem::NotInCalendar) => self.err(path, ErrorKind::NotACalendarDate { got: s.into() }),
            Ok(d) if d > self.today.plus_days(1) => {
                self.err(path, ErrorKind::FutureDate { got: s.into(), today: self.today.to_string() })
            }
            Ok(d) => return Some(AsOf { date: d, text: s.into() }),
        }
        None
    }

    /// A word from a fixed list; its index in `words`.
    fn word(&mut self, j: &Json, path: &str, words: &'static [&'static str]) -> Option<usize> {
        let s = self.string(j, path)?;
        let i = words.iter().position(|w| *w == s);
        if i.is_none() {
            self.err(path, ErrorKind::NotOneOf { allowed: words, got: s.into() });
        }
        i
    }

    /// An array field with a length range.
    fn array<'a>(&mut self, j: &'a Json, path: &str, min: usize, max: usize) -> Option<&'a [Json]> {
        let items = match j {
            Json::Array(items) => items,
            other => {
                self.err(path, ErrorKind::WrongType { expected: "an array", found: other.type_name() });
                return None;
            }
        };
        if items.len() < min {
            self.err(path, ErrorKind::TooFew { min, len: items.len() });
        }
        if items.len() > max {
            self.err(path, ErrorKind::TooMany { max, len: items.len() });
            return None;
        }
        Some(items)
    }

    /// Checks that an id is unique in its list; `seen` maps ids to the path of their first use.
    fn unique_id(&mut self, id: &str, path: &str, seen: &mut BTreeMap<String, String>) -> bool {
        if let Some(first) = seen.get(id) {
            self.err(path, ErrorKind::DuplicateId { id: id.into(), first: first.clone() });
            return false;
        }
        seen.insert(id.into(), path.rsplit_once('.').map_or(path, |(item, _)| item).to_string());
        true
    }

    fn dataset(&mut self, root: &Json) -> Option<Dataset> {
        let obj = self.object(root, "")?;
        let title = self.required_text(obj, "", "title", limits::TITLE);
        let subtitle = self.optional_text(obj, "", "subtitle", limits::SUBTITLE);
        let lang = match self.optional(obj, "lang") {
            None => Some("en".to_string()),
            Some(j) => self.text(j, "lang", limits::LANG).and_then(|l| {
                let ok = lang::is_well_formed(&l);
                if !ok {
                    self.err("lang", ErrorKind::InvalidLang { got: l.clone() });
                }
                ok.then_some(l)
            }),
        };
        let article = match self.optional(obj, "article") {
            None => Some(None),
            Some(j) => self.article(j).map(Some),
        };

        let (sources, source_ids) = self.sources(obj);
        let (figures, figure_ids) = self.figures(obj, &source_ids);
        let charts = match self.optional(obj, "charts") {
            Some(j) => self.charts(j, &figure_ids),
            None => figures.as_ref().map(|f| charts_by_unit(f)),
        };
        Some(Dataset {
            title: title?,
            subtitle,
            lang: lang?,
            article: article?,
            sources: sources?,
            figures: figures?,
            charts: charts?,
        })
    }

    fn article(&mut self, j: &Json) -> Option<Article> {
        let obj = self.object(j, "article")?;
        let before = self.errors.len();
        let a = Article {
            headline: self.optional_text(obj, "article", "headline", limits::TITLE),
            publisher: self.optional_text(obj, "article", "publisher", limits::NAME),
            url: self.optional_url(obj, "article", "url"),
            published: self.optional(obj, "published").and_then(|d| self.date(d, "article.published")),
        };
        (self.errors.len() == before).then_some(a)
    }

    fn sources(&mut self, obj: &Members) -> (Option<Vec<Source>>, BTreeMap<String, usize>) {
        let mut ids = BTreeMap::new();
        let Some(items) = self.required(obj, "", "sources").and_then(|j| self.array(j, "sources", 1, MAX_SOURCES))
        else {
            return (None, ids);
        };
        let mut seen = BTreeMap::new();
        let mut out = Some(Vec::with_capacity(items.len()));
        for (i, item) in items.iter().enumerate() {
            let path = index_path("sources", i);
            let source = self.object(item, &path).and_then(|o| {
                let before = self.errors.len();
                let id = self.required_text(o, &path, "id", limits::ID);
                if let Some(id) = &id {
                    // Known even when the rest of the source is refused, so that figures citing it are
                    // not also reported as citing an unknown source.
                    if self.unique_id(id, &key_path(&path, "id"), &mut seen) {
                        ids.insert(id.clone(), i);
                    }
                }
                let name = self.required_text(o, &path, "name", limits::NAME);
                let url = self.optional_url(o, &path, "url");
                let description = self.optional_text(o, &path, "description", limits::NOTE);
                if self.errors.len() != before {
                    return None;
                }
                Some(Source { id: id?, name: name?, url, description, palette: None })
            });
            push_or_fail(&mut out, source);
        }
        (out, ids)
    }

    fn figures(
        &mut self,
        obj: &Members,
        sources: &BTreeMap<String, usize>,
    ) -> (Option<Vec<Figure>>, BTreeMap<String, usize>) {
        let mut ids = BTreeMap::new();
        let Some(items) = self.required(obj, "", "figures").and_then(|j| self.array(j, "figures", 1, MAX_FIGURES))
        else {
            return (None, ids);
        };
        let mut seen = BTreeMap::new();
        let mut out = Some(Vec::with_capacity(items.len()));
        for (i, item) in items.iter().enumerate() {
            let path = index_path("figures", i);
            let figure = self.object(item, &path).and_then(|o| {
                let before = self.errors.len();
                let id = self.optional_text(o, &path, "id", limits::ID);
                if let Some(id) = &id {
                    if self.unique_id(id, &key_path(&path, "id"), &mut seen) {
                        ids.insert(id.clone(), i);
                    }
                }
                let label = self.required_text(o, &path, "label", limits::LABEL);
                let value = self.required(o, &path, "value").and_then(|j| self.value(j, &key_path(&path, "value")));
                let unit = self.required_text(o, &path, "unit", limits::UNIT);
                let unit_forms = UnitForms {
                    one: self.optional_text(o, &path, "unit_one", limits::UNIT),
                    two: self.optional_text(o, &path, "unit_two", limits::UNIT),
                    few: self.optional_text(o, &path, "unit_few", limits::UNIT),
                    many: self.optional_text(o, &path, "unit_many", limits::UNIT),
                };
                let wording = self.optional_text(o, &path, "wording", limits::WORDING);
                let approx = self
                    .optional(o, "approx")
                    .map_or(Some(0), |j| self.word(j, &key_path(&path, "approx"), Approx::WORDS))
                    .map(|i| Approx::ALL[i]);
                let status = self
                    .optional(o, "status")
                    .map_or(Some(0), |j| self.word(j, &key_path(&path, "status"), Status::WORDS))
                    .map(|i| Status::ALL[i]);
                let source_path = key_path(&path, "source");
                let source = self.required_text(o, &path, "source", limits::ID).and_then(|s| {
                    let found = sources.get(&s).copied();
                    if found.is_none() {
                        self.err(&source_path, ErrorKind::UnknownSource { id: s });
                    }
                    found
                });
                let quote = self.optional_text(o, &path, "quote", limits::QUOTE);
                let as_of = self.required(o, &path, "as_of").and_then(|j| self.date(j, &key_path(&path, "as_of")));
                let note = self.optional_text(o, &path, "note", limits::NOTE);
                if self.errors.len() != before {
                    return None;
                }
                Some(Figure {
                    id,
                    label: label?,
                    value: value?,
                    unit: unit?,
                    unit_forms,
                    wording,
                    approx: approx?,
                    status: status?,
                    source: source?,
                    quote,
                    as_of: as_of?,
                    note,
                })
            });
            push_or_fail(&mut out, figure);
        }
        (out, ids)
    }

    fn value(&mut self, j: &Json, path: &str) -> Option<f64> {
        let Json::Number(literal) = j else {
            self.err(path, ErrorKind::WrongType { expected: "a number", found: j.type_name() });
            return None;
        };
        match self.parsers.number(literal) {
            Some(v) if v.is_finite() && (0.0..=MAX_VALUE).contains(&v) => Some(v + 0.0),
            _ => {
                self.err(path, ErrorKind::ValueOutOfRange { got: literal.clone() });
                None
            }
        }
    }

    fn charts(&mut self, j: &Json, figures: &BTreeMap<String, usize>) -> Option<Vec<Chart>> {
        let items = self.array(j, "charts", 1, MAX_CHARTS)?;
        let mut seen = BTreeMap::new();
        let mut out = Some(Vec::with_capacity(items.len()));
        for (i, item) in items.iter().enumerate() {
            let path = index_path("charts", i);
            let chart = self.object(item, &path).and_then(|o| {
                let before = self.errors.len();
                let id = self.required_text(o, &path, "id", limits::ID);
                if let Some(id) = &id {
                    self.unique_id(id, &key_path(&path, "id"), &mut seen);
                }
                let title = self.required_text(o, &path, "title", limits::TITLE);
                let subtitle = self.optional_text(o, &path, "subtitle", limits::SUBTITLE);
                let note = self.optional_text(o, &path, "note", limits::NOTE);
                let list_path = key_path(&path, "figures");
                let refs = self.required(o, &path, "figures").and_then(|j| self.array(j, &list_path, 1, MAX_FIGURES));
                let mut members = Vec::new();
                let mut taken = vec![false; MAX_FIGURES];
                for (k, r) in refs.unwrap_or(&[]).iter().enumerate() {
                    let p = index_path(&list_path, k);
                    let Some(fid) = self.text(r, &p, limits::ID) else { continue };
                    match figures.get(&fid) {
                        None => self.err(&p, ErrorKind::UnknownFigure { id: fid }),
                        Some(&f) if taken[f] => self.err(&p, ErrorKind::RepeatedFigure { id: fid }),
                        Some(&f) => {
                            taken[f] = true;
                            members.push(f);
                        }
                    }
                }
                if self.errors.len() != before {
                    return None;
                }
                Some(Chart { id: id?, title: title?, subtitle, figures: members, note })
            });
            push_or_fail(&mut out, chart);
        }
        out
    }
}

/// Keeps collecting items while all are valid; one invalid item makes the list `None`.
fn push_or_fail<T>(out: &mut Option<Vec<T>>, item: Option<T>) {
    match (out.as_mut(), item) {
        (Some(v), Some(item)) => v.push(item),
        _ => *out = None,
    }
}

/// One chart per unit, in order of first appearance, when a dataset declares no charts.
fn charts_by_unit(figures: &[Figure]) -> Vec<Chart> {
    let mut charts: Vec<Chart> = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        match charts.iter_mut().find(|c| c.title == f.unit) {
            Some(c) => c.figures.push(i),
            None => charts.push(Chart {
                id: String::new(),
                title: f.unit.clone(),
                subtitle: None,
                figures: vec![i],
                note: None,
            }),
        }
    }
    let mut used: Vec<String> = Vec::new();
    for c in &mut charts {
        let mut slug: String = c
            .title
            .chars()
            // ASCII letters lower-cased; other letters kept; spaces and ASCII punctuation become '-'.
            .map(|ch| {
                if ch.is_ascii_alphanumeric() || !(ch.is_ascii() || ch.is_whitespace()) {
                    ch.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if slug.is_empty() {
            slug = "chart".into();
        }
        let mut id = slug.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{slug}-{n}");
            n += 1;
        }
        used.push(id.clone());
        c.id = id;
    }
    charts
}
