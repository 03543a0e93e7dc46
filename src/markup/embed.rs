//! The embed code an editor pastes into an article, with the chart already drawn: the
//! `<reported-figures>` element holding its pictures ([`crate::chart::picture`]), one per width range
//! with the stylesheet that shows the right one ([`crate::assets::picture_css`]), the dataset when it
//! is not the built-in one, and the module script that makes the chart interactive. The picture shows
//! at once, with JavaScript or without; the height it takes is known from the first byte.

use super::esc;
use crate::chart::{self, picture, ChartError, MetricTable, Options, ThemeName};
use crate::dataset::{binary, Dataset};

/// Where an embedded chart's data comes from once it is interactive.
#[derive(Debug, Clone, Copy)]
pub enum Data<'a> {
    /// This dataset's figures of the chart, written into the markup in the binary form
    /// (`<script type="application/vnd.reported-figures">`): the embed carries its own data.
    Inline(&'a Dataset),
    /// The whole dataset inline, every chart's figures: for a page that may be asked for another of
    /// its charts (the iframe page's `?chart=`).
    Whole(&'a Dataset),
    /// A dataset at this URL, which the widget downloads and validates.
    Src(&'a str),
}

/// The script type that marks a dataset in the binary form, base64-encoded, inside the element.
pub const DATA_TYPE: &str = "application/vnd.reported-figures";

/// What an embed holds besides its chart.
#[derive(Debug, Clone, Copy)]
pub struct Embed<'a> {
    pub chart: &'a str,
    /// `auto`, `light` or `dark`.
    pub theme: &'a str,
    /// A language for the chart's words instead of the dataset's.
    pub lang: Option<&'a str>,
    pub data: Data<'a>,
}

/// The pictures of a chart: `<div class="rfp">` with one `<div class="CLASS" data-width="W">` per
/// width it is drawn at, each holding an SVG; all but the default one carry `hidden`, so that
/// without a stylesheet one picture shows.
pub fn picture(d: &Dataset, chart: &str, lang: Option<&str>) -> Result<String, ChartError> {
    let bars = d.chart(chart).map_or(0, |c| c.figures.len());
    let variants = picture::variants_for(bars);
    let default = picture::default_variant(variants);
    let mut out = String::from("<div class=\"rfp\">");
    for v in variants {
        let opts = Options { width: v.width, height: None, theme: ThemeName::Light, lang: lang.map(String::from) };
        let spec = chart::describe(d, chart, &opts, &MetricTable)?;
        out.push_str("<div class=\"");
        out.push_str(v.class);
        out.push_str("\" data-width=\"");
        out.push_str(&crate::num::decimal(v.width));
        out.push('"');
        if v.width != default.width {
            out.push_str(" hidden");
        }
        out.push('>');
        out.push_str(&picture::svg(&spec));
        out.push_str("</div>");
    }
    out.push_str("</div>");
    Ok(out)
}

/// The `<reported-figures>` element with its pictures and data; with `style`, the pictures'
/// stylesheet inside it (pages that link `www/picture.css` leave it out).
pub fn element(d: &Dataset, e: &Embed, style: bool) -> Result<String, ChartError> {
    let mut out = String::from("<reported-figures chart=\"");
    out.push_str(&esc(e.chart));
    out.push_str("\" theme=\"");
    out.push_str(&esc(e.theme));
    out.push('"');
    if let Some(lang) = e.lang {
        out.push_str(" lang=\"");
        out.push_str(&esc(lang));
        out.push('"');
    }
    if let Data::Src(src) = e.data {
        out.push_str(" src=\"");
        out.push_str(&esc(src));
        out.push('"');
    }
    out.push('>');
    if style {
        // Only the rules of this chart's own pictures: every pasted embed carries them.
        let bars = d.chart(e.chart).map_or(0, |c| c.figures.len());
        out.push_str("<style>");
        out.push_str(&crate::assets::picture_css(&[picture::variants_for(bars)]));
        out.push_str("</style>");
    }
    out.push_str(&picture(d, e.chart, e.lang)?);
    let bytes = match e.data {
        // Only what the chart shows: its figures and their sources.
        Data::Inline(data) => Some(binary::encode(&data.only_chart(e.chart).unwrap_or_else(|| data.clone()))),
        Data::Whole(data) => Some(binary::encode(data)),
        Data::Src(_) => None,
    };
    if let Some(bytes) = bytes {
        use base64::Engine;
        out.push_str("<script type=\"");
        out.push_str(DATA_TYPE);
        out.push_str("\">");
        out.push_str(&base64::engine::general_purpose::STANDARD.encode(bytes));
        out.push_str("</script>");
    }
    out.push_str("</reported-figures>");
    Ok(out)
}

/// The whole embed code: the module script (`script` is its URL), then the element with its pictures,
/// their stylesheet and its data.
pub fn code(d: &Dataset, e: &Embed, script: &str) -> Result<String, ChartError> {
    let mut out = String::from("<script type=\"module\" async src=\"");
    out.push_str(&esc(script));
    out.push_str("\"></script>\n");
    out.push_str(&element(d, e, true)?);
    out.push('\n');
    Ok(out)
}
