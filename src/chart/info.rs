//! A chart's figures as plain records for code outside: the element's `figures` property and its
//! `reported-figures:focus` event give these to JavaScript (through serde-wasm-bindgen).

use super::locale::Locale;
use crate::dataset::serialize::Value;
use crate::dataset::Dataset;
use serde::Serialize;

/// One figure of a chart, with its source and its value as readers see it.
#[derive(Serialize, Debug)]
pub struct FigureInfo<'a> {
    /// The figure's id, or `None` (JavaScript `null`) when the dataset gave none.
    pub id: Option<&'a str>,
    pub label: &'a str,
    pub value: FigureValue,
    pub unit: &'a str,
    /// The qualifier word of the format: `exact`, `about`, `more_than` …
    pub approx: &'static str,
    /// `reported`, `proposed`, `claimed` or `estimate`.
    pub status: &'static str,
    pub source: SourceInfo<'a>,
    pub quote: Option<&'a str>,
    /// The date as the dataset wrote it.
    pub as_of: &'a str,
    pub note: Option<&'a str>,
    /// The value as the chart, its tooltip and its table show it ("about 33,207 people", "nearly half").
    pub text: String,
}

/// A figure's value (a whole number is an integer).
#[derive(Debug)]
pub struct FigureValue(pub f64);

impl Serialize for FigureValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Value(self.0).serialize(s)
    }
}

/// Who gave a figure.
#[derive(Serialize, Debug)]
pub struct SourceInfo<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: Option<&'a str>,
}

/// The figures of chart number `chart` of `d`, in drawing order, their values worded in `loc`'s language.
pub fn figures<'a>(d: &'a Dataset, chart: usize, loc: &Locale) -> Vec<FigureInfo<'a>> {
    d.charts[chart]
        .figures
        .iter()
        .map(|&i| {
            let f = &d.figures[i];
            let s = &d.sources[f.source];
            FigureInfo {
                id: f.id.as_deref(),
                label: &f.label,
                value: FigureValue(f.value),
                unit: &f.unit,
                approx: f.approx.as_str(),
                status: f.status.as_str(),
                source: SourceInfo { id: &s.id, name: &s.name, url: s.url.as_deref() },
                quote: f.quote.as_deref(),
                as_of: &f.as_of.text,
                note: f.note.as_deref(),
                text: loc.figure_value(f, true),
            }
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_hostages_chart_figures_carry_their_sources_and_words() {
        let d = crate::dataset::validate(
            crate::dataset::BUILTIN_JSON,
            crate::dataset::Date { year: 2026, month: 1, day: 1 },
        )
        .unwrap();
        let chart = d.charts.iter().position(|c| c.id == "hostages").unwrap();
        let v = serde_json::to_value(figures(&d, chart, &Locale::for_tag("en"))).unwrap();
        let items = v.as_array().unwrap();
        assert_eq!(items.len(), d.charts[chart].figures.len());
        let taken = items.iter().find(|f| f["value"] == 253).expect("the 253 hostages taken");
        assert_eq!(taken["source"]["name"], "Reuters");
        assert_eq!(taken["text"], "253 people");
        let proposed = items.iter().find(|f| f["status"] == "proposed").expect("the proposed release");
        assert_eq!(proposed["value"], 40);
        assert_eq!(proposed["approx"], "about");
        assert!(proposed["quote"].as_str().is_some_and(|q| q.contains("40")));
    }
}
