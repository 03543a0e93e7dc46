//! The chart description: from a validated dataset, a chart id, a size and a theme to every bar,
//! mark and line of text in logical pixels. Pure and deterministic; text is measured through
//! [`TextMeasure`].
//!
//! Layout runs in stages from the top of the chart down (title, key, columns, rows, scale, axis,
//! footer), each a method of one `Layout` context; it is computed left to right and mirrored at the
//! end for right-to-left languages.

use super::locale::Locale;
use super::scale::{self, Linear};
use super::sentences;
use super::spec::*;
use super::text::{self, Font, TextMeasure};
use super::theme::{Color, Theme, ThemeName, PALETTE};
use crate::dataset::{Approx, Chart, Dataset, Status};
use crate::strings::{cat, fill, join};

/// The narrowest and widest charts laid out; other widths are clamped to these.
pub const MIN_WIDTH: f64 = 200.0;
/// See [`MIN_WIDTH`].
pub const MAX_WIDTH: f64 = 4000.0;

/// What to draw and at what size.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Width in CSS pixels.
    pub width: f64,
    /// The least height in CSS pixels. The chart is never shorter than its content needs; when more
    /// room is given, bars grow thicker and rows further apart, and the footer sits at the bottom.
    pub height: Option<f64>,
    /// Light or dark colours.
    pub theme: ThemeName,
    /// A BCP 47 tag that replaces the dataset's `lang` for the chart's own words, number format and
    /// direction (the embedding page's language). Ignored unless it looks like a language tag
    /// (`dataset::lang::is_plausible`).
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
    UnknownChart {
        /// The id asked for.
        id: String,
        /// The ids the dataset has.
        available: Vec<String>,
    },
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
    source_slots(d).into_iter().map(|k| k.map(|k| PALETTE[usize::from(k) % PALETTE.len()])).collect()
}

/// The palette slot of every source (see [`source_colors`]); a source that carries its slot (a chart
/// cut from a larger dataset) keeps it.
pub fn source_slots(d: &Dataset) -> Vec<Option<u16>> {
    let mut slots = vec![None; d.sources.len()];
    let mut next: u16 = 0;
    for chart in &d.charts {
        for &f in &chart.figures {
            let s = d.figures[f].source;
            if slots[s].is_none() {
                slots[s] = Some(d.sources[s].palette.unwrap_or(next));
                next = next.wrapping_add(1);
            }
        }
    }
    slots
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
const LABEL_COLUMN_GAP: f64 = 12.0;
const VALUE_GAP: f64 = 6.0;
const SOURCE_GAP: f64 = 10.0;
const BELOW_BAR_GAP: f64 = 3.0;
/// Where labels sit beside the bars, the zero line runs down the whole plot: text under a bar starts
/// this far right of it, so that the line never crosses its first letter.
const UNDER_INDENT: f64 = 4.0;
const FADE: f64 = 16.0;
const TIP: f64 = 12.0;
const WHISKER: f64 = 5.0;
const HATCH: f64 = 5.0;
const SWATCH_W: f64 = 24.0;
const SWATCH_H: f64 = 10.0;
/// Charts at least this wide put labels beside the bars; narrower ones put them above.
const LABELS_BESIDE_FROM: f64 = 520.0;
/// The longest bar is kept at least this share of the plot's width while text beside it allows.
const LONGEST_BAR_SHARE: f64 = 0.55;

/// A source name of at most this many characters is always drawn whole beside or under its bar
/// (wrapped onto more lines if it must be); a longer one wraps onto two lines and is shortened beyond.
pub const SOURCE_WHOLE_CHARS: usize = 40;
/// The lines a source name longer than [`SOURCE_WHOLE_CHARS`] may take before it is shortened.
const LONG_SOURCE_LINES: usize = 2;

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
enum Placement {
    /// Value beside the bar's end; source after it on the same line.
    BesideBoth,
    /// Value beside the bar's end; source on its own lines under the bar.
    BesideValue,
    /// Value and source on one line under the bar.
    BelowBoth,
    /// Value on its own lines under the bar, source on the lines after.
    BelowApart,
}

/// The sizes that grow when a chart is given more height than its content needs.
#[derive(Debug, Clone, Copy)]
struct Spacing {
    bar_height: f64,
    row_gap: f64,
    /// Extra room above the footer.
    footer_room: f64,
}

/// Where labels and bars go across the chart.
#[derive(Debug, Clone, Copy)]
struct Columns {
    /// Labels beside the bars (wide charts) or above them (narrow ones).
    labels_beside: bool,
    label_width: f64,
    /// Where every bar starts (the zero line).
    plot_left: f64,
    /// The furthest a bar, its marks or the text beside it may reach.
    plot_right: f64,
}

impl Columns {
    fn plot_width(self) -> f64 {
        self.plot_right - self.plot_left
    }
    /// Where text under a bar starts.
    fn under_left(self) -> f64 {
        self.plot_left + if self.labels_beside { UNDER_INDENT } else { 0.0 }
    }
    /// How wide text under a bar may be.
    fn under_width(self) -> f64 {
        self.plot_right - self.under_left()
    }
}

/// One bar's row, measured: everything that does not depend on vertical spacing.
struct Row {
    figure: usize,
    label_lines: Vec<String>,
    value_text: String,
    value_width: f64,
    source_text: String,
    source_width: f64,
    /// How far the bar's marks reach past its end (a lower bound's fade, a whisker).
    decoration: f64,
    marks: Marks,
    color: Color,
    /// The bar's length in pixels, once the scale is chosen.
    length: f64,
    placement: Placement,
}

impl Row {
    /// The longest bar that leaves room for this row's text with a placement.
    fn room(&self, placement: Placement, plot_width: f64) -> f64 {
        match placement {
            Placement::BesideBoth => {
                plot_width - self.decoration - VALUE_GAP - self.value_width - SOURCE_GAP - self.source_width
            }
            Placement::BesideValue => plot_width - self.decoration - VALUE_GAP - self.value_width,
            Placement::BelowBoth | Placement::BelowApart => plot_width - self.decoration,
        }
    }

    /// The first placement, in order of preference, whose text fits beside a bar of this length (or,
    /// under it, in `under_width`).
    fn best_placement(&self, plot_width: f64, under_width: f64) -> Placement {
        let fits = |p: Placement| self.length <= self.room(p, plot_width);
        if fits(Placement::BesideBoth) {
            Placement::BesideBoth
        } else if fits(Placement::BesideValue) {
            Placement::BesideValue
        } else if self.value_width + SOURCE_GAP + self.source_width <= under_width {
            Placement::BelowBoth
        } else {
            Placement::BelowApart
        }
    }
}

/// How far a bar's marks reach past its end.
fn decoration(marks: Marks) -> f64 {
    if marks.lower_bound {
        FADE
    } else if marks.approximate {
        WHISKER + 1.0
    } else {
        0.0
    }
}

/// The chart being laid out: its inputs, its measurements, and the shapes and texts placed so far.
/// Each stage (title, key, columns, rows, scale, axis, footer) is one method, run top to bottom;
/// `y` is where the next stage starts.
struct Layout<'a> {
    dataset: &'a Dataset,
    chart: &'a Chart,
    locale: Locale,
    theme: Theme,
    fonts: Fonts,
    measure: &'a dyn TextMeasure,
    width: f64,
    pad: f64,
    spacing: Spacing,
    /// Whether the chart's figures have different units (each value then carries its own).
    mixed_units: bool,
    texts: Vec<TextItem>,
    shapes: Vec<Shape>,
    y: f64,
}

impl<'a> Layout<'a> {
    fn new(
        dataset: &'a Dataset,
        chart: &'a Chart,
        lang: &str,
        width: f64,
        spacing: Spacing,
        theme: ThemeName,
        measure: &'a dyn TextMeasure,
    ) -> Layout<'a> {
        let pad = if width < 400.0 { 10.0 } else { 16.0 };
        let first_unit = chart.figures.first().map(|&f| dataset.figures[f].unit.as_str());
        Layout {
            dataset,
            chart,
            locale: Locale::for_tag(lang),
            theme: theme.theme(),
            fonts: Fonts::for_width(width),
            measure,
            width,
            pad,
            spacing,
            mixed_units: chart.figures.iter().any(|&f| Some(dataset.figures[f].unit.as_str()) != first_unit),
            texts: Vec::new(),
            shapes: Vec::new(),
            y: pad,
        }
    }

    /// The width between the paddings.
    fn inner_width(&self) -> f64 {
        self.width - 2.0 * self.pad
    }

    /// The font and colour of each kind of text.
    fn ink(&self, role: TextRole) -> (Font, Color) {
        let (f, t) = (&self.fonts, &self.theme);
        match role {
            TextRole::Title => (f.title, t.text),
            TextRole::Subtitle => (f.subtitle, t.muted),
            TextRole::Key => (f.key, t.muted),
            TextRole::Unit => (f.source, t.muted),
            TextRole::Label => (f.label, t.text),
            TextRole::Value => (f.value, t.text),
            TextRole::Source => (f.source, t.muted),
            TextRole::Tick => (f.tick, t.muted),
            TextRole::Footer => (f.footer, t.muted),
        }
    }

    fn line_height(&self, role: TextRole) -> f64 {
        self.ink(role).0.line_height()
    }

    fn text_width(&self, s: &str, role: TextRole) -> f64 {
        self.measure.width(s, self.ink(role).0)
    }

    /// One line of text, anchored at `x` with its line box starting at `top`.
    fn line(&mut self, s: &str, role: TextRole, x: f64, top: f64, align: Align, figure: Option<usize>) {
        let (font, color) = self.ink(role);
        let w = self.measure.width(s, font);
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
            rtl: self.locale.rtl,
            role,
            bbox: Rect::new(left, top, w, lh),
            figure,
        });
    }

    /// Lines one under the other, left-aligned at `x` from `top`; returns the y below them.
    fn lines(&mut self, lines: &[String], role: TextRole, x: f64, top: f64, figure: Option<usize>) -> f64 {
        let lh = self.line_height(role);
        for (i, l) in lines.iter().enumerate() {
            self.line(l, role, x, top + i as f64 * lh, Align::Left, figure);
        }
        top + lines.len() as f64 * lh
    }

    /// A paragraph wrapped to `width` in at most `max_lines` lines; returns the y below it.
    fn paragraph(&mut self, s: &str, role: TextRole, top: f64, max_lines: usize) -> f64 {
        let wrapped = text::wrap(s, self.ink(role).0, self.inner_width(), max_lines, self.measure);
        self.lines(&wrapped.lines, role, self.pad, top, None)
    }

    /// A source name as lines of at most `width`: whole on one line when it fits; else wrapped, never
    /// shortened when it has at most [`SOURCE_WHOLE_CHARS`] characters, shortened past two lines when
    /// it is longer.
    fn source_lines(&self, name: &str, width: f64) -> Vec<String> {
        let font = self.ink(TextRole::Source).0;
        if self.measure.width(name, font) <= width {
            return vec![name.to_string()];
        }
        let max_lines = if name.chars().count() <= SOURCE_WHOLE_CHARS { usize::MAX } else { LONG_SOURCE_LINES };
        text::wrap(name, font, width, max_lines, self.measure).lines
    }

    /// Stage 1: the title and subtitle.
    fn title(&mut self) {
        let chart = self.chart;
        self.y = self.paragraph(&chart.title, TextRole::Title, self.y, 3);
        if let Some(sub) = &chart.subtitle {
            self.y = self.paragraph(sub, TextRole::Subtitle, self.y + 2.0, 3);
        }
        self.y += 12.0;
    }

    /// Stage 2: the key, one swatch per kind of mark that appears in the chart.
    fn key(&mut self, marks: &[Marks]) {
        let entries = key_entries(marks);
        if entries.is_empty() {
            return;
        }
        let lh = self.line_height(TextRole::Key);
        let (left, right) = (self.pad, self.width - self.pad);
        let mut x = left;
        for (swatch_marks, words) in &entries {
            let font = self.ink(TextRole::Key).0;
            let label =
                text::shorten(self.locale.words.key[*words], font, self.inner_width() - SWATCH_W - 6.0, self.measure);
            let label_width = self.measure.width(&label, font);
            if x > left && x + SWATCH_W + 6.0 + label_width > right {
                x = left;
                self.y += lh + 2.0;
            }
            let swatch = Rect::new(x, self.y + (lh - SWATCH_H) / 2.0, SWATCH_W - decoration(*swatch_marks), SWATCH_H);
            bar_shapes(swatch, self.theme.axis, *swatch_marks, &self.theme, &mut self.shapes);
            self.line(&label, TextRole::Key, x + SWATCH_W + 6.0, self.y, Align::Left, None);
            x += SWATCH_W + 6.0 + label_width + 16.0;
        }
        self.y += lh + 10.0;
    }

    /// Stage 3: labels beside the bars on wide charts (in a column at most 36 % of the width), above
    /// them on narrow ones; the bars take the rest.
    fn columns(&self) -> Columns {
        let inner = self.inner_width();
        let labels_beside = self.width >= LABELS_BESIDE_FROM;
        let label_width = if labels_beside {
            let widest = self
                .chart
                .figures
                .iter()
                .map(|&f| self.text_width(&self.dataset.figures[f].label, TextRole::Label))
                .fold(0.0, f64::max);
            widest.min(0.36 * inner).ceil()
        } else {
            inner
        };
        let plot_left = if labels_beside { self.pad + label_width + LABEL_COLUMN_GAP } else { self.pad };
        Columns { labels_beside, label_width, plot_left, plot_right: self.width - self.pad }
    }

    /// Stage 4: every row's texts, measured.
    fn measure_rows(&self, columns: Columns, marks: &[Marks]) -> Vec<Row> {
        let d = self.dataset;
        let colors = source_colors(d);
        let label_font = self.ink(TextRole::Label).0;
        let label_lines = if columns.labels_beside { 2 } else { 3 };
        self.chart
            .figures
            .iter()
            .zip(marks)
            .map(|(&f, &marks)| {
                let fig = &d.figures[f];
                let value_text = self.locale.figure_value(fig, self.mixed_units);
                let source_text = d.sources[fig.source].name.clone();
                Row {
                    figure: f,
                    label_lines: text::wrap(&fig.label, label_font, columns.label_width, label_lines, self.measure)
                        .lines,
                    value_width: self.text_width(&value_text, TextRole::Value),
                    value_text,
                    source_width: self.text_width(&source_text, TextRole::Source),
                    source_text,
                    decoration: decoration(marks),
                    marks,
                    color: colors[fig.source].unwrap_or(PALETTE[0]),
                    length: 0.0,
                    placement: Placement::BesideBoth,
                }
            })
            .collect()
    }

    /// Stage 5: the scale. The longest bar leaves room for its value and source beside it; while the
    /// text beside the bars would squeeze the longest bar under [`LONGEST_BAR_SHARE`] of the plot,
    /// the bar whose text binds the scale moves its source, then its value, under the bar. Each bar
    /// then takes the first placement its text fits at that scale.
    fn scale(&self, rows: &mut [Row], columns: Columns) -> Linear {
        let d = self.dataset;
        let plot_width = columns.plot_width();
        let value = |r: &Row| d.figures[r.figure].value;
        let longest = rows.iter().map(value).fold(0.0, f64::max);
        let px_per_unit = loop {
            let binding = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| value(r) > 0.0)
                .map(|(i, r)| (i, r.room(r.placement, plot_width).max(0.0) / value(r)))
                .fold(None, |best: Option<(usize, f64)>, (i, s)| match best {
                    Some((_, b)) if b <= s => best,
                    _ => Some((i, s)),
                });
            let Some((i, s)) = binding else { break plot_width };
            if s * longest >= LONGEST_BAR_SHARE * plot_width {
                break s;
            }
            rows[i].placement = match rows[i].placement {
                Placement::BesideBoth => Placement::BesideValue,
                Placement::BesideValue => Placement::BelowBoth,
                _ => break s,
            };
        };
        let scale = Linear { px_per_unit };
        for r in rows.iter_mut() {
            r.length = scale.px(value(r)).max(MIN_BAR_PX).min(plot_width);
            r.placement = r.best_placement(plot_width, columns.under_width());
        }
        scale
    }

    /// Stage 6: the unit, written once above the bars when every figure has the same one.
    fn unit_caption(&mut self, columns: Columns) {
        let Some(&first) = self.chart.figures.first() else { return };
        let unit = &self.dataset.figures[first].unit;
        if self.mixed_units || unit == "%" {
            return;
        }
        let caption = fill(self.locale.words.unit, "{}", unit);
        let font = self.ink(TextRole::Unit).0;
        let caption = text::shorten(&caption, font, columns.plot_width(), self.measure);
        self.line(&caption, TextRole::Unit, columns.plot_left, self.y, Align::Left, None);
        self.y += font.line_height() + 4.0;
    }

    /// Stage 7: each row's label, bar, marks, value and source; returns the bars.
    fn rows(&mut self, rows: &[Row], columns: Columns) -> Vec<Bar> {
        let Spacing { bar_height, row_gap, .. } = self.spacing;
        let (under_x, under_width) = (columns.under_left(), columns.under_width());
        let (label_lh, value_lh, source_lh) =
            (self.line_height(TextRole::Label), self.line_height(TextRole::Value), self.line_height(TextRole::Source));
        let mut bars = Vec::with_capacity(rows.len());
        for r in rows {
            let row_top = self.y;
            let label_height = r.label_lines.len() as f64 * label_lh;
            let (bar_top, label_top) = if columns.labels_beside {
                (
                    row_top + ((label_height - bar_height) / 2.0).max(0.0),
                    row_top + ((bar_height - label_height) / 2.0).max(0.0),
                )
            } else {
                (row_top + label_height + LABEL_GAP, row_top)
            };
            for (i, l) in r.label_lines.iter().enumerate() {
                let top = label_top + i as f64 * label_lh;
                if columns.labels_beside {
                    self.line(
                        l,
                        TextRole::Label,
                        columns.plot_left - LABEL_COLUMN_GAP,
                        top,
                        Align::Right,
                        Some(r.figure),
                    );
                } else {
                    self.line(l, TextRole::Label, columns.plot_left, top, Align::Left, Some(r.figure));
                }
            }
            let rect = Rect::new(columns.plot_left, bar_top, r.length, bar_height);
            bar_shapes(rect, r.color, r.marks, &self.theme, &mut self.shapes);

            // Value and source: beside the bar, vertically centred on it, or on lines under it.
            let beside_x = columns.plot_left + r.length + r.decoration + VALUE_GAP;
            let centred = |lh: f64| bar_top + (bar_height - lh) / 2.0;
            let under = bar_top + bar_height + BELOW_BAR_GAP;
            let below = match r.placement {
                Placement::BesideBoth => {
                    self.line(&r.value_text, TextRole::Value, beside_x, centred(value_lh), Align::Left, Some(r.figure));
                    let x = beside_x + r.value_width + SOURCE_GAP;
                    self.line(&r.source_text, TextRole::Source, x, centred(source_lh), Align::Left, Some(r.figure));
                    under
                }
                Placement::BesideValue => {
                    self.line(&r.value_text, TextRole::Value, beside_x, centred(value_lh), Align::Left, Some(r.figure));
                    let lines = self.source_lines(&r.source_text, under_width);
                    self.lines(&lines, TextRole::Source, under_x, under, Some(r.figure))
                }
                Placement::BelowBoth => {
                    self.line(&r.value_text, TextRole::Value, under_x, under, Align::Left, Some(r.figure));
                    let x = under_x + r.value_width + SOURCE_GAP;
                    let top = under + (value_lh - source_lh) / 2.0;
                    self.line(&r.source_text, TextRole::Source, x, top, Align::Left, Some(r.figure));
                    under + value_lh
                }
                Placement::BelowApart => {
                    let font = self.ink(TextRole::Value).0;
                    let values = text::wrap(&r.value_text, font, under_width, 2, self.measure).lines;
                    let next = self.lines(&values, TextRole::Value, under_x, under, Some(r.figure));
                    let lines = self.source_lines(&r.source_text, under_width);
                    self.lines(&lines, TextRole::Source, under_x, next, Some(r.figure))
                }
            };
            let content_bottom = if below > under { below } else { bar_top + bar_height };
            let row_bottom = content_bottom.max(row_top + label_height).max(label_top + label_height);
            bars.push(Bar {
                figure: r.figure,
                rect,
                row: Rect::new(self.pad, row_top - row_gap / 2.0, self.inner_width(), row_bottom - row_top + row_gap),
                color: r.color,
                marks: r.marks,
                value_text: r.value_text.clone(),
            });
            self.y = row_bottom + row_gap;
        }
        self.y -= row_gap;
        bars
    }

    /// Stage 8: the zero line, and the value axis with round ticks that do not collide.
    fn axis(&mut self, bars: &[Bar], scale: Linear, columns: Columns, rows_top: f64) {
        let rows_bottom = self.y;
        let (left, right) = (columns.plot_left, columns.plot_right);
        // The zero line runs the whole height of the rows beside labels; when labels sit above the
        // bars, only along each bar, so that it never crosses their text.
        let axis_color = self.theme.axis;
        if columns.labels_beside {
            let line = Shape::Line {
                from: (left, rows_top - 4.0),
                to: (left, rows_bottom + 4.0),
                color: axis_color,
                width: 1.0,
            };
            self.shapes.insert(0, line);
        } else {
            for bar in bars {
                let (top, bottom) = (bar.rect.y - 3.0, bar.rect.bottom() + 3.0);
                self.shapes
                    .insert(0, Shape::Line { from: (left, top), to: (left, bottom), color: axis_color, width: 1.0 });
            }
        }
        let axis_y = rows_bottom + 8.0;
        let domain = scale.value_at(columns.plot_width());
        let mut max_ticks = 8usize;
        let ticks = loop {
            let step = scale::nice_step(domain, max_ticks);
            let ticks: Vec<(f64, String, f64)> = scale::ticks(domain, step)
                .into_iter()
                .map(|t| {
                    let s = self.locale.number(t);
                    let w = self.text_width(&s, TextRole::Tick);
                    (left + scale.px(t), s, w)
                })
                .filter(|(x, _, w)| x + w / 2.0 <= self.width - 2.0 && x - w / 2.0 >= 2.0)
                .collect();
            let crowded = ticks.windows(2).any(|p| p[0].0 + p[0].2 / 2.0 + 12.0 > p[1].0 - p[1].2 / 2.0);
            if !crowded || max_ticks <= 1 {
                break ticks;
            }
            max_ticks -= 1;
        };
        if ticks.len() > 1 {
            self.shapes.push(Shape::Line {
                from: (left, axis_y),
                to: (right, axis_y),
                color: self.theme.grid,
                width: 1.0,
            });
            for (x, s, _) in &ticks {
                self.shapes.push(Shape::Line {
                    from: (*x, axis_y),
                    to: (*x, axis_y + 4.0),
                    color: axis_color,
                    width: 1.0,
                });
                self.line(s, TextRole::Tick, *x, axis_y + 5.0, Align::Center, None);
            }
            self.y = axis_y + 5.0 + self.line_height(TextRole::Tick);
        }
    }

    /// Stage 9: the footer: the chart's note, its sources, the dates of its figures and the article.
    fn footer(&mut self) {
        let (d, chart, loc) = (self.dataset, self.chart, self.locale);
        self.y += 12.0 + self.spacing.footer_room;
        if let Some(note) = &chart.note {
            self.y = self.paragraph(note, TextRole::Footer, self.y, 8) + 4.0;
        }
        let mut sources: Vec<usize> = Vec::new();
        for &f in &chart.figures {
            if !sources.contains(&d.figures[f].source) {
                sources.push(d.figures[f].source);
            }
        }
        let names: Vec<&str> = sources.iter().map(|&s| d.sources[s].name.as_str()).collect();
        let sources_line = fill(loc.words.sources, "{}", &join(&names, loc.words.list_sep));
        self.y = self.paragraph(&sources_line, TextRole::Footer, self.y, 4);
        let dates: Vec<_> = chart.figures.iter().map(|&f| d.figures[f].as_of.date).collect();
        let mut credit = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(z)) if a == z => fill(loc.words.as_of, "{}", &loc.date(*z)),
            (Some(a), Some(z)) => fill(loc.words.as_of, "{}", &cat(&[&loc.date(*a), " – ", &loc.date(*z)])),
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
            let mut article = join(&parts, ", ");
            if let Some(h) = &a.headline {
                article = if article.is_empty() { h.clone() } else { cat(&[&article, ": ", h]) };
            }
            if !article.is_empty() {
                credit = cat(&[&credit, " · ", &article]);
            }
        }
        self.y = self.paragraph(&credit, TextRole::Footer, self.y, 4);
    }

    /// Every stage in order, then the whole chart mirrored for a right-to-left language.
    fn run(mut self, lang: &str) -> ChartSpec {
        let d = self.dataset;
        let marks: Vec<Marks> =
            self.chart.figures.iter().map(|&f| marks_of(d.figures[f].approx, d.figures[f].status)).collect();
        self.title();
        self.key(&marks);
        let columns = self.columns();
        let mut rows = self.measure_rows(columns, &marks);
        let scale = self.scale(&mut rows, columns);
        self.unit_caption(columns);
        let rows_top = self.y;
        let bars = self.rows(&rows, columns);
        let plot = Rect::new(columns.plot_left, rows_top, columns.plot_width(), self.y - rows_top);
        self.axis(&bars, scale, columns, rows_top);
        self.footer();
        let mut spec = ChartSpec {
            chart_id: self.chart.id.clone(),
            width: self.width,
            height: (self.y + self.pad).ceil(),
            lang: lang.to_string(),
            rtl: self.locale.rtl,
            background: self.theme.background,
            shapes: self.shapes,
            texts: self.texts,
            bars,
            plot,
            title: self.chart.title.clone(),
            summary: sentences::summary(d, self.chart, &self.locale),
        };
        if spec.rtl {
            mirror(&mut spec);
        }
        spec
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
    let lang = opts.lang.as_deref().filter(|l| crate::dataset::lang::is_plausible(l)).unwrap_or(&d.lang);
    let layout = |spacing: Spacing| Layout::new(d, chart, lang, width, spacing, opts.theme, m).run(lang);
    let natural = layout(Spacing { bar_height: BAR, row_gap: ROW_GAP, footer_room: 0.0 });
    let Some(want) = opts.height.filter(|h| h.is_finite() && *h > natural.height + 0.5) else {
        return Ok(natural);
    };
    // Share the extra room: thicker bars and wider gaps first, then space above the footer.
    let rows = chart.figures.len() as f64;
    let mut extra = want - natural.height;
    let bar_height = (BAR + extra / rows / 2.0).min(BAR_MAX);
    extra -= (bar_height - BAR) * rows;
    let row_gap = (ROW_GAP + extra / rows).min(ROW_GAP_MAX);
    extra -= (row_gap - ROW_GAP) * rows;
    let spec = layout(Spacing { bar_height, row_gap, footer_room: extra.max(0.0) });
    // Rows beside two-line labels may not grow with their bars: give what is left to the footer.
    let short = want - spec.height;
    if short >= 0.5 {
        return Ok(layout(Spacing { bar_height, row_gap, footer_room: extra.max(0.0) + short }));
    }
    Ok(spec)
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
    spec.plot = spec.plot.mirrored(w);
    for b in &mut spec.bars {
        b.rect = b.rect.mirrored(w);
        b.row = b.row.mirrored(w);
    }
}
