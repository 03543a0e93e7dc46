//! A validated [`Dataset`] written back in its JSON format (version 1), through serde: as text
//! natively (`serde_json`), as a plain JavaScript object in the browser (serde-wasm-bindgen, the
//! element's `data` property). Validating what this writes gives the same dataset again (tested), except
//! the palette slot a chart cut from its dataset keeps, which the format does not carry.

use super::{Article, AsOf, Chart, Dataset, Figure, Source, MAX_VALUE};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

/// Serialises a dataset in the format's shape: `{title, subtitle?, lang, article?, sources, figures,
/// charts?}`. Absent optional fields are left out. Charts are written when every figure they show has
/// an id (a dataset that declared none gets the same charts again from validation).
pub struct AsJson<'a>(pub &'a Dataset);

/// A field that may be absent: written when present, skipped otherwise.
fn opt<S: SerializeStruct, T: Serialize + ?Sized>(s: &mut S, key: &'static str, v: Option<&T>) -> Result<(), S::Error> {
    match v {
        Some(v) => s.serialize_field(key, v),
        None => s.skip_field(key),
    }
}

impl Serialize for AsJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let charts = d.charts.iter().all(|c| c.figures.iter().all(|&f| d.figures[f].id.is_some()));
        let mut s = ser.serialize_struct("Dataset", 7)?;
        s.serialize_field("title", &d.title)?;
        opt(&mut s, "subtitle", d.subtitle.as_ref())?;
        s.serialize_field("lang", &d.lang)?;
        opt(&mut s, "article", d.article.as_ref().map(ArticleJson).as_ref())?;
        s.serialize_field("sources", &List(&d.sources, SourceJson))?;
        s.serialize_field("figures", &List(&d.figures, |f| FigureJson(d, f)))?;
        opt(&mut s, "charts", charts.then(|| List(&d.charts, |c| ChartJson(d, c))).as_ref())?;
        s.end()
    }
}

/// A list written item by item through a wrapper.
struct List<'a, T, W, F: Fn(&'a T) -> W>(&'a [T], F);

impl<'a, T, W: Serialize, F: Fn(&'a T) -> W> Serialize for List<'a, T, W, F> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut seq = ser.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&(self.1)(item))?;
        }
        seq.end()
    }
}

struct ArticleJson<'a>(&'a Article);

impl Serialize for ArticleJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut s = ser.serialize_struct("Article", 4)?;
        opt(&mut s, "headline", a.headline.as_ref())?;
        opt(&mut s, "publisher", a.publisher.as_ref())?;
        opt(&mut s, "url", a.url.as_ref())?;
        opt(&mut s, "published", a.published.as_ref().map(|p: &AsOf| &p.text))?;
        s.end()
    }
}

struct SourceJson<'a>(&'a Source);

impl Serialize for SourceJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let src = self.0;
        let mut s = ser.serialize_struct("Source", 4)?;
        s.serialize_field("id", &src.id)?;
        s.serialize_field("name", &src.name)?;
        opt(&mut s, "url", src.url.as_ref())?;
        opt(&mut s, "description", src.description.as_ref())?;
        s.end()
    }
}

/// A figure's value: a whole number as an integer (`33207`, not `33207.0`), any other as a float.
pub(crate) struct Value(pub f64);

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && (0.0..=MAX_VALUE).contains(&v) {
            ser.serialize_u64(v as u64)
        } else {
            ser.serialize_f64(v)
        }
    }
}

struct FigureJson<'a>(&'a Dataset, &'a Figure);

impl Serialize for FigureJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let (d, f) = (self.0, self.1);
        let mut s = ser.serialize_struct("Figure", 16)?;
        opt(&mut s, "id", f.id.as_ref())?;
        s.serialize_field("label", &f.label)?;
        s.serialize_field("value", &Value(f.value))?;
        s.serialize_field("unit", &f.unit)?;
        opt(&mut s, "unit_one", f.unit_forms.one.as_ref())?;
        opt(&mut s, "unit_two", f.unit_forms.two.as_ref())?;
        opt(&mut s, "unit_few", f.unit_forms.few.as_ref())?;
        opt(&mut s, "unit_many", f.unit_forms.many.as_ref())?;
        opt(&mut s, "wording", f.wording.as_ref())?;
        s.serialize_field("approx", f.approx.as_str())?;
        s.serialize_field("status", f.status.as_str())?;
        s.serialize_field("source", &d.sources[f.source].id)?;
        opt(&mut s, "quote", f.quote.as_ref())?;
        s.serialize_field("as_of", &f.as_of.text)?;
        opt(&mut s, "note", f.note.as_ref())?;
        s.end()
    }
}

struct ChartJson<'a>(&'a Dataset, &'a Chart);

impl Serialize for ChartJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let (d, c) = (self.0, self.1);
        let mut s = ser.serialize_struct("Chart", 5)?;
        s.serialize_field("id", &c.id)?;
        s.serialize_field("title", &c.title)?;
        opt(&mut s, "subtitle", c.subtitle.as_ref())?;
        let ids: Vec<&str> = c.figures.iter().filter_map(|&f| d.figures[f].id.as_deref()).collect();
        s.serialize_field("figures", &ids)?;
        opt(&mut s, "note", c.note.as_ref())?;
        s.end()
    }
}
