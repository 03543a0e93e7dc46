//! The chart description: from a validated dataset, a chart id, a size and a theme to every bar,
//! mark and line of text in logical pixels. Pure and deterministic; text is measured through
//! [`TextMeasure`].
//!
//! Layout is computed left to right and mirrored at the end for right-to-left languages.

use super::locale::Locale;
use super::scale::{self, Linear};
use super::spec::*;
use super::text::{self, Font, TextMeasure};
use super::theme::{Color, Theme, ThemeName, PALETTE};
use crate::dataset::{Approx, Dataset, Status};

/// The narrowest and widest charts laid out; other widths are clamped to these.
pub const MIN_WIDTH: f64 = 200.0;
pub const MAX_WIDTH: f64 = 4000.0;

/// What to draw and at what size.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Width in CSS pixels.
    pub width: f64,
    /// The least height in CSS pixels. The chart is never shorter than its content needs; when more
    /// room is given, bars grow thicker and rows further apart, and the footer sits at the bottom.
    pub height: Option<f64>,
    pub theme: ThemeName,
    /// A BCP 47 tag that replaces the dataset's `lang` for the chart's own words, number format and
    /// direction (the embedding page's language). Ignored unless well-formed.
    pub lang: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 640.0, height: None, theme: ThemeName::Light, lang: None }
    }
}

/// Why a chart could not be described.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// No chart has this id; `available` lists the ids there are.
    UnknownChart { id: String, available: Vec<String> },
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::UnknownChart { id, available } => {
                write!(
                    f,
                    "no chart has the id {}; the dataset has {}",
                    crate::dataset::error::quote(id),
                    available.join(", ")
                )
            }
        }
    }
}

/// The colour of every source: sources take the palette in order of first appearance across the
/// dataset's charts, so a source has the same colour in every chart. Sources in no chart get none.
pub fn source_colors(d: &Dataset) -> Vec<Option<Color>> {
    let mut colors = vec![None; d.sources.len()];
    let mut next = 0;
    for chart in &d.charts {
        for &f in &chart.figures {
            let s = d.figures[f].source;
            if colors[s].is_none() {
                colors[s] = Some(PALETTE[next % PALETTE.len()]);
                next += 1;
            }
        }
    }
    colors
}

/// The marks a figure's qualifier and status call for.
pub fn marks_of(approx: Approx, status: Status) -> Marks {
    Marks {
        lower_bound: approx.is_lower_bound(),
        upper_bound: approx.is_upper_bound(),
        approximate: approx == Approx::About,
        proposed: status == Status::Proposed,
        claimed: status == Status::Claimed,
        estimate: status == Status::Estimate,
    }
}

// Sizes, in CSS pixels.
const BAR: f64 = 18.0;
const BAR_MAX: f64 = 30.0;
const ROW_GAP: f64 = 14.0;
const ROW_GAP_MAX: f64 = 28.0;
const LABEL_GAP: f64 = 4.0;
const VALUE_GAP: f64 = 6.0;
const SOURCE_GAP: f64 = 10.0;
const FADE: f64 = 16.0;
const TIP: f64 = 12.0;
const WHISKER: f64 = 5.0;
const HATCH: f64 = 5.0;
const SWATCH_W: f64 = 24.0;
const SWATCH_H: f64 = 10.0;

struct Fonts {
    title: Font,
    subtitle: Font,
    label: Font,
    value: Font,
    source: Font,
    key: Font,
    tick: Font,
    footer: Font,
}

impl Fonts {
    fn for_width(w: f64) -> Fonts {
        let narrow = w < 480.0;
        Fonts {
            title: Font::bold(if narrow { 17.0 } else { 20.0 }),
            subtitle: Font::regular(if narrow { 13.0 } else { 14.0 }),
            label: Font::regular(13.0),
            value: Font::bold(13.0),
            source: Font::regular(12.0),
            key: Font::regular(12.0),
            tick: Font::regular(11.0),
            footer: Font::regular(12.0),
        }
    }
}

/// Where a bar's value and source go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Annotation {
    /// Value beside the bar's end; source after it on the same line.
    BesideBoth,
    /// Value beside the bar's end; source on a line under the bar.
    BesideValue,
    /// Value and source on a line under the bar.
    BelowBoth,
    /// Value on a line under the bar, source on the next.
    BelowApart,
}

/// Everything about one row that does not depend on vertical spacing.
struct Row {
    figure: usize,
    label: Vec<String>,
    value_text: String,
    value_w: f64,
    source_text: String,
    source_w: f64,
    len: f64,
    deco: f64,
    marks: Marks,
    color: Color,
    annotation: Annotation,
}

struct Builder<'a> {
    m: &'a dyn TextMeasure,
    rtl: bool,
    texts: Vec<TextItem>,
    shapes: Vec<Shape>,
}

impl Builder<'_> {
    /// One line of text, anchored at `x` with its line box starting at `top`.
    fn line(
        &mut self,
        s: &str,
        font: Font,
        color: Color,
        role: TextRole,
        x: f64,
        top: f64,
        align: Align,
        figure: Option<usize>,
    ) {
        let w = self.m.width(s, font);
        let lh = font.line_height();
        let left = match align {
            Align::Left => x,
            Align::Center => x - w / 2.0,
            Align::Right => x - w,
        };
        self.texts.push(TextItem {
            text: s.to_string(),
            x,
            y: top + lh / 2.0,
            align,
            font,
            color,
            rtl: self.rtl,
            role,
            bbox: Rect::new(left, top, w, lh),
            figure,
        });
    }

    /// A wrapped paragraph; returns the y below it.
    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        s: &str,
        font: Font,
        color: Color,
        role: TextRole,
        x: f64,
        top: f64,
        width: f64,
        max_lines: usize,
    ) -> f64 {
        let wrapped = text::wrap(s, font, width, max_lines, self.m);
        let lh = font.line_height();
        for (i, l) in wrapped.lines.iter().enumerate() {
            self.line(l, font, color, role, x, top + i as f64 * lh, Align::Left, None);
        }
        top + wrapped.lines.len() as f64 * lh
    }
}

/// The shapes of a bar (or a key swatch) with these marks, left to right.
fn bar_shapes(r: Rect, color: Color, marks: Marks, theme: &Theme, out: &mut Vec<Shape>) {
    let fill = if marks.proposed {
        None
    } else if marks.claimed || marks.estimate {
        Some(color.alpha(0.3))
    } else {
        Some(color)
    };
    let stroke = (marks.proposed || marks.claimed).then_some((color, 1.5));
    // An upper bound fades over the bar's own tip: the true number may be lower.
    let tip = if marks.upper_bound && r.w >= 8.0 { TIP.min(r.w / 2.0) } else { 0.0 };
    let body = Rect { w: r.w - tip, ..r };
    if let Some(f) = fill {
        out.push(Shape::Rect { rect: body, paint: Paint { fill: Some(f), stroke: None } });
        let seg = tip / 4.0;
        for (i, a) in [0.75, 0.5, 0.3, 0.15].iter().enumerate().filter(|_| tip > 0.0) {
            let rect = Rect::new(body.right() + i as f64 * seg, r.y, seg, r.h);
            out.push(Shape::Rect { rect, paint: Paint { fill: Some(f.alpha(f.a * a)), stroke: None } });
        }
    }
    if marks.proposed {
        hatch(r, color, out);
    }
    if stroke.is_some() {
        out.push(Shape::Rect { rect: r, paint: Paint { fill: None, stroke } });
    }
    if marks.estimate {
        dashed_outline(r, color, out);
    }
    // A lower bound continues past the value, fading: the true number may be higher.
    if marks.lower_bound {
        let base = fill.unwrap_or(color.alpha(0.6));
        for (i, a) in [0.55, 0.35, 0.2, 0.1].iter().enumerate() {
            let seg = FADE / 4.0;
            let rect = Rect::new(r.right() + i as f64 * seg, r.y, seg, r.h);
            out.push(Shape::Rect { rect, paint: Paint { fill: Some(base.alpha(base.a.max(0.6) * a)), stroke: None } });
        }
    }
    // About: a whisker across the end, an interval around the value.
    if marks.approximate {
        let (x, cy) = (r.right(), r.y + r.h / 2.0);
        let cap = (r.h * 0.35).max(3.0);
        let c = theme.text;
        out.push(Shape::Line { from: (x - WHISKER, cy), to: (x + WHISKER, cy), color: c, width: 1.5 });
        out.push(Shape::Line { from: (x - WHISKER, cy - cap), to: (x - WHISKER, cy + cap), color: c, width: 1.5 });
        out.push(Shape::Line { from: (x + WHISKER, cy - cap), to: (x + WHISKER, cy + cap), color: c, width: 1.5 });
    }
}

/// A dashed outline: 3 px dashes with 3 px gaps along each side.
fn dashed_outline(r: Rect, color: Color, out: &mut Vec<Shape>) {
    let sides = [
        ((r.x, r.y), (r.right(), r.y)),
        ((r.right(), r.y), (r.right(), r.bottom())),
        ((r.right(), r.bottom()), (r.x, r.bottom())),
        ((r.x, r.bottom()), (r.x, r.y)),
    ];
    for ((x0, y0), (x1, y1)) in sides {
        let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        let mut t = 0.0;
        while t < len {
            let t1 = (t + 3.0).min(len);
            let at = |t: f64| (x0 + (x1 - x0) * t / len, y0 + (y1 - y0) * t / len);
            out.push(Shape::Line { from: at(t), to: at(t1), color, width: 1.5 });
            t += 6.0;
        }
    }
}

/// Diagonal lines across a rectangle, clipped to it.
fn hatch(r: Rect, color: Color, out: &mut Vec<Shape>) {
    // Lines u + v = c; inside the rectangle u runs from max(x, c − y − h) to min(x + w, c − y).
    let mut c = r.x + r.y + HATCH;
    while c < r.right() + r.bottom() {
        let lo = r.x.max(c - r.bottom());
        let hi = r.right().min(c - r.y);
        if hi - lo > 0.5 {
            out.push(Shape::Line { from: (lo, c - lo), to: (hi, c - hi), color, width: 1.0 });
        }
        c += HATCH;
    }
}

/// The key entries that the figures' marks call for: (marks of the swatch, index of the words).
fn key_entries(marks: &[Marks]) -> Vec<(Marks, usize)> {
    // Each kind of mark, as the field that says it; its position is the index of its key words.
    const KINDS: [fn(&mut Marks) -> &mut bool; 6] = [
        |m| &mut m.lower_bound,
        |m| &mut m.upper_bound,
        |m| &mut m.approximate,
        |m| &mut m.proposed,
        |m| &mut m.claimed,
        |m| &mut m.estimate,
    ];
    let none = Marks {
        lower_bound: false,
        upper_bound: false,
        approximate: false,
        proposed: false,
        claimed: false,
        estimate: false,
    };
    KINDS
        .iter()
        .enumerate()
        .filter(|(_, field)| marks.iter().any(|m| *field(&mut m.clone())))
        .map(|(i, field)| {
            let mut swatch = none;
            *field(&mut swatch) = true;
            (swatch, i)
        })
        .collect()
}

/// Describes one chart of a dataset.
pub fn describe(d: &Dataset, chart_id: &str, opts: &Options, m: &dyn TextMeasure) -> Result<ChartSpec, ChartError> {
    let chart = d.chart(chart_id).ok_or_else(|| ChartError::UnknownChart {
        id: chart_id.to_string(),
        available: d.charts.iter().map(|c| c.id.clone()).collect(),
    })?;
    let width = if opts.width.is_finite() { opts.width.clamp(MIN_WIDTH, MAX_WIDTH) } else { 640.0 };
    let lang = opts.lang.as_deref().filter(|l| crate::dataset::lang::is_well_formed(l)).unwrap_or(&d.lang);
    let natural = layout(d, chart, lang, width, BAR, ROW_GAP, 0.0, opts.theme, m);
    let Some(want) = opts.height.filter(|h| h.is_finite() && *h > natural.height + 0.5) else {
        return Ok(natural);
    };
    // Share the extra room: thicker bars and wider gaps first, then space above the footer.
    let rows = chart.figures.len() as f64;
    let mut extra = want - natural.height;
    let bar = (BAR + extra / rows / 2.0).min(BAR_MAX);
    extra -= (bar - BAR) * rows;
    let gap = (ROW_GAP + extra / rows).min(ROW_GAP_MAX);
    extra -= (gap - ROW_GAP) * rows;
    let spec = layout(d, chart, lang, width, bar, gap, extra.max(0.0), opts.theme, m);
    // Rows beside two-line labels may not grow with their bars: give what is left to the footer.
    let short = want - spec.height;
    if short >= 0.5 {
        return Ok(layout(d, chart, lang, width, bar, gap, extra.max(0.0) + short, opts.theme, m));
    }
    Ok(spec)
}

#[allow(clippy::too_many_arguments)]
fn layout(
    d: &Dataset,
    chart: &crate::dataset::Chart,
    lang: &str,
    w: f64,
    bar_h: f64,
    row_gap: f64,
    footer_room: f64,
    theme_name: ThemeName,
    m: &dyn TextMeasure,
) -> ChartSpec {
    let theme = theme_name.theme();
    let loc = Locale::for_tag(lang);
    let fonts = Fonts::for_width(w);
    let pad = if w < 400.0 { 10.0 } else { 16.0 };
    let iw = w - 2.0 * pad;
    let colors = source_colors(d);
    let mut b = Builder { m, rtl: loc.rtl, texts: Vec::new(), shapes: Vec::new() };

    // Title and subtitle.
    let mut y = pad;
    y = b.paragraph(&chart.title, fonts.title, theme.text, TextRole::Title, pad, y, iw, 3);
    if let Some(sub) = &chart.subtitle {
        y = b.paragraph(sub, fonts.subtitle, theme.muted, TextRole::Subtitle, pad, y + 2.0, iw, 3);
    }
    y += 12.0;

    // The key: one swatch per kind of mark that appears.
    let figures: Vec<usize> = chart.figures.clone();
    let marks: Vec<Marks> = figures.iter().map(|&f| marks_of(d.figures[f].approx, d.figures[f].status)).collect();
    let entries = key_entries(&marks);
    if !entries.is_empty() {
        let lh = fonts.key.line_height();
        let mut x = pad;
        for (km, words) in &entries {
            let label = text::shorten(loc.words.key[*words], fonts.key, iw - SWATCH_W - 6.0, m);
            let tw = m.width(&label, fonts.key);
            if x > pad && x + SWATCH_W + 6.0 + tw > w - pad {
                x = pad;
                y += lh + 2.0;
            }
            let deco = if km.lower_bound {
                FADE
            } else if km.approximate {
                WHISKER + 1.0
            } else {
                0.0
            };
            let swatch = Rect::new(x, y + (lh - SWATCH_H) / 2.0, SWATCH_W - deco, SWATCH_H);
            bar_shapes(swatch, theme.axis, *km, &theme, &mut b.shapes);
            b.line(&label, fonts.key, theme.muted, TextRole::Key, x + SWATCH_W + 6.0, y, Align::Left, None);
            x += SWATCH_W + 6.0 + tw + 16.0;
        }
        y += lh + 10.0;
    }

    // Units: written once above the bars when all figures share one, else after every value.
    let units: Vec<&str> = figures.iter().map(|&f| d.figures[f].unit.as_str()).collect();
    let mixed_units = units.iter().any(|u| *u != units[0]);

    // Labels beside the bars on wide charts, above them on narrow ones.
    let side = w >= 520.0;
    let label_max_lines = if side { 2 } else { 3 };
    let label_col = if side {
        let widest = figures.iter().map(|&f| m.width(&d.figures[f].label, fonts.label)).fold(0.0, f64::max);
        widest.min(0.36 * iw).ceil()
    } else {
        iw
    };
    let px0 = if side { pad + label_col + 12.0 } else { pad };
    let px1 = w - pad;
    let pw = px1 - px0;

    let mut rows: Vec<Row> = figures
        .iter()
        .zip(&marks)
        .map(|(&f, &mk)| {
            let fig = &d.figures[f];
            let value_text = loc.value(fig.value, fig.approx, &fig.unit, mixed_units);
            let source_text = d.sources[fig.source].name.clone();
            Row {
                figure: f,
                label: text::wrap(&fig.label, fonts.label, label_col, label_max_lines, m).lines,
                value_w: m.width(&value_text, fonts.value),
                value_text,
                source_w: m.width(&source_text, fonts.source),
                source_text,
                len: 0.0,
                deco: if mk.lower_bound {
                    FADE
                } else if mk.approximate {
                    WHISKER + 1.0
                } else {
                    0.0
                },
                marks: mk,
                color: colors[fig.source].unwrap_or(PALETTE[0]),
                annotation: Annotation::BesideBoth,
            }
        })
        .collect();

    // The scale: the longest bar leaves room for its value and source beside it. While the text beside
    // the bars would squeeze the longest bar under 55 % of the width, the bar whose text binds the
    // scale moves its source, then its value, under the bar.
    let values: Vec<f64> = rows.iter().map(|r| d.figures[r.figure].value).collect();
    let vmax = values.iter().copied().fold(0.0, f64::max);
    let room = |r: &Row, a: Annotation| match a {
        Annotation::BesideBoth => pw - r.deco - VALUE_GAP - r.value_w - SOURCE_GAP - r.source_w,
        Annotation::BesideValue => pw - r.deco - VALUE_GAP - r.value_w,
        Annotation::BelowBoth | Annotation::BelowApart => pw - r.deco,
    };
    let px_per_unit = loop {
        let (binding, s) = rows
            .iter()
            .enumerate()
            .filter(|(i, _)| values[*i] > 0.0)
            .map(|(i, r)| (i, room(r, r.annotation).max(0.0) / values[i]))
            .fold((None, f64::INFINITY), |acc, (i, s)| if s < acc.1 { (Some(i), s) } else { acc });
        let Some(binding) = binding else { break pw };
        if s * vmax >= 0.55 * pw {
            break s;
        }
        rows[binding].annotation = match rows[binding].annotation {
            Annotation::BesideBoth => Annotation::BesideValue,
            Annotation::BesideValue => Annotation::BelowBoth,
            _ => break s,
        };
    };
    let scale = Linear { px_per_unit };
    // Each bar then takes the first placement its text fits at this scale.
    for (r, v) in rows.iter_mut().zip(&values) {
        r.len = scale.px(*v).max(MIN_BAR_PX).min(pw);
        let fits = |a: Annotation| r.len <= room(r, a) + 0.01;
        r.annotation = if fits(Annotation::BesideBoth) {
            Annotation::BesideBoth
        } else if fits(Annotation::BesideValue) {
            Annotation::BesideValue
        } else if r.value_w + SOURCE_GAP + r.source_w <= pw {
            Annotation::BelowBoth
        } else {
            Annotation::BelowApart
        };
    }

    if !mixed_units && units[0] != "%" {
        let caption = loc.words.unit.replace("{}", units[0]);
        let caption = text::shorten(&caption, fonts.source, pw, m);
        b.line(&caption, fonts.source, theme.muted, TextRole::Unit, px0, y, Align::Left, None);
        y += fonts.source.line_height() + 4.0;
    }

    // The rows.
    let rows_top = y;
    let label_lh = fonts.label.line_height();
    let value_lh = fonts.value.line_height();
    let source_lh = fonts.source.line_height();
    let mut bars = Vec::new();
    for r in &rows {
        let row_top = y;
        let label_h = r.label.len() as f64 * label_lh;
        let bar_y = if side { row_top + ((label_h - bar_h) / 2.0).max(0.0) } else { row_top + label_h + LABEL_GAP };
        let label_top = if side { row_top + ((bar_h - label_h) / 2.0).max(0.0) } else { row_top };
        for (i, l) in r.label.iter().enumerate() {
            let (x, align) = if side { (px0 - 12.0, Align::Right) } else { (px0, Align::Left) };
            b.line(
                l,
                fonts.label,
                theme.text,
                TextRole::Label,
                x,
                label_top + i as f64 * label_lh,
                align,
                Some(r.figure),
            );
        }
        let rect = Rect::new(px0, bar_y, r.len, bar_h);
        bar_shapes(rect, r.color, r.marks, &theme, &mut b.shapes);

        let beside_x = px0 + r.len + r.deco + VALUE_GAP;
        let mid_top = |lh: f64| bar_y + (bar_h - lh) / 2.0;
        let mut below = bar_y + bar_h + 3.0;
        let source_line = |b: &mut Builder, text: &str, x: f64, top: f64, max: f64| {
            let s = text::shorten(text, fonts.source, max, m);
            b.line(&s, fonts.source, theme.muted, TextRole::Source, x, top, Align::Left, Some(r.figure));
        };
        let value_line = |b: &mut Builder, text: &str, x: f64, top: f64| {
            b.line(text, fonts.value, theme.text, TextRole::Value, x, top, Align::Left, Some(r.figure));
        };
        match r.annotation {
            Annotation::BesideBoth => {
                value_line(&mut b, &r.value_text, beside_x, mid_top(value_lh));
                let sx = beside_x + r.value_w + SOURCE_GAP;
                source_line(&mut b, &r.source_text, sx, mid_top(source_lh), px1 - sx);
            }
            Annotation::BesideValue => {
                value_line(&mut b, &r.value_text, beside_x, mid_top(value_lh));
                source_line(&mut b, &r.source_text, px0, below, pw);
                below += source_lh;
            }
            Annotation::BelowBoth => {
                value_line(&mut b, &r.value_text, px0, below);
                let sx = px0 + r.value_w + SOURCE_GAP;
                source_line(&mut b, &r.source_text, sx, below + (value_lh - source_lh) / 2.0, px1 - sx);
                below += value_lh;
            }
            Annotation::BelowApart => {
                let v = text::shorten(&r.value_text, fonts.value, pw, m);
                value_line(&mut b, &v, px0, below);
                below += value_lh;
                source_line(&mut b, &r.source_text, px0, below, pw);
                below += source_lh;
            }
        }
        let content_bottom = if below > bar_y + bar_h + 3.0 { below } else { bar_y + bar_h };
        let row_bottom = content_bottom.max(row_top + label_h).max(label_top + label_h);
        bars.push(Bar {
            figure: r.figure,
            rect,
            row: Rect::new(pad, row_top - row_gap / 2.0, iw, row_bottom - row_top + row_gap),
            color: r.color,
            marks: r.marks,
            value_text: r.value_text.clone(),
        });
        y = row_bottom + row_gap;
    }
    let rows_bottom = y - row_gap;

    // The zero line and the value axis with round ticks that do not collide.
    // The zero line: the whole height of the rows beside labels; only along each bar when labels sit
    // above the bars, so that it never crosses their text.
    if side {
        b.shapes.insert(
            0,
            Shape::Line { from: (px0, rows_top - 4.0), to: (px0, rows_bottom + 4.0), color: theme.axis, width: 1.0 },
        );
    } else {
        for bar in &bars {
            let (top, bottom) = (bar.rect.y - 3.0, bar.rect.bottom() + 3.0);
            b.shapes.insert(0, Shape::Line { from: (px0, top), to: (px0, bottom), color: theme.axis, width: 1.0 });
        }
    }
    let axis_y = rows_bottom + 8.0;
    let domain = scale.value_at(pw);
    let mut max_ticks = 8usize;
    let ticks = loop {
        let step = scale::nice_step(domain, max_ticks);
        let ticks: Vec<(f64, String, f64)> = scale::ticks(domain, step)
            .into_iter()
            .map(|t| {
                let s = loc.number(t);
                let tw = m.width(&s, fonts.tick);
                (px0 + scale.px(t), s, tw)
            })
            .filter(|(x, _, tw)| x + tw / 2.0 <= w - 2.0 && x - tw / 2.0 >= 2.0)
            .collect();
        let crowded = ticks.windows(2).any(|p| p[0].0 + p[0].2 / 2.0 + 12.0 > p[1].0 - p[1].2 / 2.0);
        if !crowded || max_ticks <= 1 {
            break ticks;
        }
        max_ticks -= 1;
    };
    if ticks.len() > 1 {
        b.shapes.push(Shape::Line { from: (px0, axis_y), to: (px1, axis_y), color: theme.grid, width: 1.0 });
        for (x, s, _) in &ticks {
            b.shapes.push(Shape::Line { from: (*x, axis_y), to: (*x, axis_y + 4.0), color: theme.axis, width: 1.0 });
            b.line(s, fonts.tick, theme.muted, TextRole::Tick, *x, axis_y + 5.0, Align::Center, None);
        }
        y = axis_y + 5.0 + fonts.tick.line_height();
    } else {
        y = rows_bottom;
    }

    // The footer: note, sources, date and credit.
    y += 12.0 + footer_room;
    if let Some(note) = &chart.note {
        y = b.paragraph(note, fonts.footer, theme.muted, TextRole::Footer, pad, y, iw, 4) + 4.0;
    }
    let mut sources: Vec<usize> = Vec::new();
    for &f in &figures {
        if !sources.contains(&d.figures[f].source) {
            sources.push(d.figures[f].source);
        }
    }
    let names: Vec<&str> = sources.iter().map(|&s| d.sources[s].name.as_str()).collect();
    let sources_line = loc.words.sources.replace("{}", &names.join(loc.words.list_sep));
    y = b.paragraph(&sources_line, fonts.footer, theme.muted, TextRole::Footer, pad, y, iw, 4);
    let dates: Vec<_> = figures.iter().map(|&f| d.figures[f].as_of.date).collect();
    let (first, last) = (dates.iter().min().copied(), dates.iter().max().copied());
    let mut credit = match (first, last) {
        (Some(a), Some(z)) if a == z => loc.words.as_of.replace("{}", &loc.date(z)),
        (Some(a), Some(z)) => loc.words.as_of.replace("{}", &format!("{} – {}", loc.date(a), loc.date(z))),
        _ => String::new(),
    };
    if let Some(a) = &d.article {
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = &a.publisher {
            parts.push(p.clone());
        }
        if let Some(p) = &a.published {
            parts.push(loc.date(p.date));
        }
        let mut article = parts.join(", ");
        if let Some(h) = &a.headline {
            article = if article.is_empty() { h.clone() } else { format!("{article}: {h}") };
        }
        if !article.is_empty() {
            credit = format!("{credit} · {article}");
        }
    }
    y = b.paragraph(&credit, fonts.footer, theme.muted, TextRole::Footer, pad, y, iw, 4);
    let height = (y + pad).ceil();

    let summary = summary(d, chart, &loc);
    let mut spec = ChartSpec {
        chart_id: chart.id.clone(),
        width: w,
        height,
        lang: lang.to_string(),
        rtl: loc.rtl,
        background: theme.background,
        shapes: b.shapes,
        texts: b.texts,
        bars,
        title: chart.title.clone(),
        summary,
    };
    if loc.rtl {
        mirror(&mut spec);
    }
    spec
}

/// One figure as a sentence built from its attribution, for screen readers:
/// "Gaza health ministry: about 33,207 people – Palestinians killed in Gaza – As of 8 April 2024".
pub fn figure_sentence(d: &Dataset, f: usize, loc: &Locale) -> String {
    let fig = &d.figures[f];
    let mut s = loc
        .words
        .reports
        .replace("{source}", &d.sources[fig.source].name)
        .replace("{value}", &loc.value(fig.value, fig.approx, &fig.unit, true))
        .replace("{label}", &fig.label);
    if fig.status != Status::Reported {
        s = format!("{s} ({})", loc.status_word(fig.status));
    }
    format!("{s} – {}", loc.words.as_of.replace("{}", &loc.date(fig.as_of.date)))
}

/// The chart's title and figures as sentences built from their attributions, for screen readers.
pub fn summary(d: &Dataset, chart: &crate::dataset::Chart, loc: &Locale) -> String {
    let mut out = vec![chart.title.clone()];
    out.extend(chart.figures.iter().map(|&f| figure_sentence(d, f, loc)));
    out.join(". ")
}

/// Reflects the layout for a right-to-left chart: bars grow leftwards from the right, labels sit on
/// the right, text anchors swap sides. Text itself is never reversed; the renderer isolates it as RTL.
fn mirror(spec: &mut ChartSpec) {
    let w = spec.width;
    for s in &mut spec.shapes {
        match s {
            Shape::Rect { rect, .. } => *rect = rect.mirrored(w),
            Shape::Line { from, to, .. } => {
                from.0 = w - from.0;
                to.0 = w - to.0;
            }
        }
    }
    for t in &mut spec.texts {
        t.x = w - t.x;
        t.align = match t.align {
            Align::Left => Align::Right,
            Align::Right => Align::Left,
            Align::Center => Align::Center,
        };
        t.bbox = t.bbox.mirrored(w);
    }
    for b in &mut spec.bars {
        b.rect = b.rect.mirrored(w);
        b.row = b.row.mirrored(w);
    }
}
