//! A validated dataset in a compact binary form, for the browser's reader module: the built-in dataset
//! ships this way, and the `embed` command puts a dataset this way into the markup it writes, so the
//! chart can hydrate without a JSON parser or the validator in the reader's wasm.
//!
//! Only [`encode`] of a validated [`Dataset`] makes it; [`decode`] still treats its input as untrusted
//! (markup can be edited by anyone who pastes it): it never panics, and it refuses anything a
//! validated dataset could not hold: text breaking the text rules or its length limits, values out of
//! range, dates not in the calendar, URLs that are not http(s), references out of range, trailing bytes.
//!
//! Format, version 1 (`RFD1`): numbers are unsigned LEB128 varints (years zigzag-encoded); a string
//! is its byte length then UTF-8; an optional value is a 0 or 1 byte then the value; a figure's value
//! is an IEEE 754 double, little-endian. In order: title, subtitle?, lang, article? (headline?,
//! publisher?, url?, published?), sources (id, name, url?, description?), figures (id?, label,
//! value, unit, unit_one?, unit_two?, unit_few?, unit_many?, wording?, approx, status, source, quote?,
//! as_of, note?), charts (id, title, subtitle?, figures, note?); a date is year, month, day, text.

use super::{limits, text, Approx, Article, AsOf, Chart, Dataset, Date, Figure, Source, Status, UnitForms};
use super::{MAX_CHARTS, MAX_FIGURES, MAX_SOURCES, MAX_VALUE};

const MAGIC: &[u8; 4] = b"RFD1";

struct Writer(Vec<u8>);

impl Writer {
    fn varint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: &Option<String>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
        }
    }
    fn date(&mut self, a: &AsOf) {
        let y = i64::from(a.date.year);
        self.varint(((y << 1) ^ (y >> 63)) as u64);
        self.0.push(a.date.month);
        self.0.push(a.date.day);
        self.str(&a.text);
    }
}

/// The dataset in the binary form.
pub fn encode(d: &Dataset) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.str(&d.title);
    w.opt_str(&d.subtitle);
    w.str(&d.lang);
    match &d.article {
        None => w.0.push(0),
        Some(a) => {
            w.0.push(1);
            w.opt_str(&a.headline);
            w.opt_str(&a.publisher);
            w.opt_str(&a.url);
            match &a.published {
                None => w.0.push(0),
                Some(p) => {
                    w.0.push(1);
                    w.date(p);
                }
            }
        }
    }
    w.varint(d.sources.len() as u64);
    for s in &d.sources {
        w.str(&s.id);
        w.str(&s.name);
        w.opt_str(&s.url);
        w.opt_str(&s.description);
        // The palette slot plus one; 0 for none.
        w.varint(s.palette.map_or(0, |k| u64::from(k) + 1));
    }
    w.varint(d.figures.len() as u64);
    for f in &d.figures {
        w.opt_str(&f.id);
        w.str(&f.label);
        w.0.extend_from_slice(&f.value.to_le_bytes());
        w.str(&f.unit);
        for form in [&f.unit_forms.one, &f.unit_forms.two, &f.unit_forms.few, &f.unit_forms.many] {
            w.opt_str(form);
        }
        w.opt_str(&f.wording);
        w.0.push(Approx::ALL.iter().position(|a| *a == f.approx).unwrap_or(0) as u8);
        w.0.push(Status::ALL.iter().position(|s| *s == f.status).unwrap_or(0) as u8);
        w.varint(f.source as u64);
        w.opt_str(&f.quote);
        w.date(&f.as_of);
        w.opt_str(&f.note);
    }
    w.varint(d.charts.len() as u64);
    for c in &d.charts {
        w.str(&c.id);
        w.str(&c.title);
        w.opt_str(&c.subtitle);
        w.varint(c.figures.len() as u64);
        for &f in &c.figures {
            w.varint(f as u64);
        }
        w.opt_str(&c.note);
    }
    w.0
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    /// A count of items, at most `max`.
    fn count(&mut self, min: usize, max: usize) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (min..=max).contains(&n).then_some(n)
    }
    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn raw_str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.varint()?).ok()?;
        let end = self.at.checked_add(n)?;
        let s = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(s)
    }
    /// Text that keeps the text rules and its length limit.
    fn str(&mut self, max: usize) -> Option<String> {
        let s = self.raw_str()?;
        let ok = !s.chars().all(text::is_invisible)
            && s.chars().count() <= max
            && s.chars().all(|c| text::forbidden(c).is_none());
        ok.then(|| s.to_string())
    }
    fn opt_str(&mut self, max: usize) -> Option<Option<String>> {
        if self.flag()? {
            self.str(max).map(Some)
        } else {
            Some(None)
        }
    }
    /// An http(s) URL as the validator stores it (normalised, so without spaces or controls).
    fn opt_url(&mut self) -> Option<Option<String>> {
        let Some(u) = self.opt_str(limits::URL)? else { return Some(None) };
        let ok = (u.starts_with("https://") || u.starts_with("http://")) && !u.chars().any(|c| c <= ' ');
        ok.then_some(Some(u))
    }
    fn date(&mut self) -> Option<AsOf> {
        let z = self.varint()?;
        let year = i32::try_from(((z >> 1) as i64) ^ -((z & 1) as i64)).ok()?;
        let (month, day) = (self.byte()?, self.byte()?);
        let date = Date::new(year, month, day)?;
        // The date as the dataset wrote it (a date or an RFC 3339 date-time): starting with its day's
        // digits, in the characters of such a date.
        let text = self.str(40)?;
        let ok = text.len() >= 10 && text.bytes().all(|b| b.is_ascii_digit() || b"-:.+TZtz".contains(&b));
        ok.then_some(AsOf { date, text })
    }
    fn opt_date(&mut self) -> Option<Option<AsOf>> {
        if self.flag()? {
            self.date().map(Some)
        } else {
            Some(None)
        }
    }
    fn f64(&mut self) -> Option<f64> {
        let end = self.at.checked_add(8)?;
        let b: [u8; 8] = self.bytes.get(self.at..end)?.try_into().ok()?;
        self.at = end;
        Some(f64::from_le_bytes(b))
    }
}

/// A dataset from its binary form, or `None` if the bytes are not one that [`encode`] could have
/// written from a valid dataset.
pub fn decode(bytes: &[u8]) -> Option<Dataset> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let mut r = Reader { bytes: rest, at: 0 };
    let title = r.str(limits::TITLE)?;
    let subtitle = r.opt_str(limits::SUBTITLE)?;
    // A language tag: letters, digits and hyphens (the validator checked it is well-formed BCP 47).
    let lang = r.str(limits::LANG)?;
    if !super::lang::is_plausible(&lang) {
        return None;
    }
    let article = if r.flag()? {
        Some(Article {
            headline: r.opt_str(limits::TITLE)?,
            publisher: r.opt_str(limits::NAME)?,
            url: r.opt_url()?,
            published: r.opt_date()?,
        })
    } else {
        None
    };
    let n = r.count(1, MAX_SOURCES)?;
    let mut sources = Vec::with_capacity(n);
    for _ in 0..n {
        sources.push(Source {
            id: r.str(limits::ID)?,
            name: r.str(limits::NAME)?,
            url: r.opt_url()?,
            description: r.opt_str(limits::NOTE)?,
            palette: match r.varint()? {
                0 => None,
                k => Some(u16::try_from(k - 1).ok()?),
            },
        });
    }
    let n = r.count(1, MAX_FIGURES)?;
    let mut figures = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.opt_str(limits::ID)?;
        let label = r.str(limits::LABEL)?;
        let value = r.f64()?;
        if !(0.0..=MAX_VALUE).contains(&value) {
            return None;
        }
        let unit = r.str(limits::UNIT)?;
        let unit_forms = UnitForms {
            one: r.opt_str(limits::UNIT)?,
            two: r.opt_str(limits::UNIT)?,
            few: r.opt_str(limits::UNIT)?,
            many: r.opt_str(limits::UNIT)?,
        };
        let wording = r.opt_str(limits::WORDING)?;
        let approx = *Approx::ALL.get(usize::from(r.byte()?))?;
        let status = *Status::ALL.get(usize::from(r.byte()?))?;
        let source = usize::try_from(r.varint()?).ok().filter(|&s| s < sources.len())?;
        figures.push(Figure {
            id,
            label,
            value,
            unit,
            unit_forms,
            wording,
            approx,
            status,
            source,
            quote: r.opt_str(limits::QUOTE)?,
            as_of: r.date()?,
            note: r.opt_str(limits::NOTE)?,
        });
    }
    let n = r.count(1, MAX_CHARTS)?;
    let mut charts: Vec<Chart> = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.str(limits::ID)?;
        let title = r.str(limits::TITLE)?;
        let subtitle = r.opt_str(limits::SUBTITLE)?;
        let count = r.count(1, MAX_FIGURES)?;
        let mut members = Vec::with_capacity(count);
        let mut taken = vec![false; figures.len()];
        for _ in 0..count {
            let f = usize::try_from(r.varint()?).ok().filter(|&f| f < figures.len())?;
            if std::mem::replace(&mut taken[f], true) {
                return None;
            }
            members.push(f);
        }
        let note = r.opt_str(limits::NOTE)?;
        if charts.iter().any(|c| c.id == id) {
            return None;
        }
        charts.push(Chart { id, title, subtitle, figures: members, note });
    }
    (r.at == r.bytes.len()).then_some(Dataset { title, subtitle, lang, article, sources, figures, charts })
}
