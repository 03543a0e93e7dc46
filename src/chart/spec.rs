//! The chart description: everything a chart shows, in logical (CSS) pixels, computed by pure code
//! and drawn by `chart::draw`. Printable with `Debug`, compared in tests.

use super::text::Font;
use super::theme::Color;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether the two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        const EPS: f64 = 0.01;
        self.x < o.right() - EPS && o.x < self.right() - EPS && self.y < o.bottom() - EPS && o.y < self.bottom() - EPS
    }
    /// Whether `o` lies inside this rectangle.
    pub fn contains(&self, o: &Rect) -> bool {
        const EPS: f64 = 0.01;
        o.x >= self.x - EPS
            && o.y >= self.y - EPS
            && o.right() <= self.right() + EPS
            && o.bottom() <= self.bottom() + EPS
    }
    /// The same rectangle reflected about the vertical line x = width / 2.
    pub fn mirrored(&self, width: f64) -> Rect {
        Rect { x: width - self.right(), ..*self }
    }
}

/// Which edge or middle of a text's box `x` gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `x` is the left edge.
    Left,
    /// `x` is the middle.
    Center,
    /// `x` is the right edge.
    Right,
}

/// What a text is, for tests, styling and the page's accessibility layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    /// The chart's title.
    Title,
    /// Its subtitle.
    Subtitle,
    /// The key of the marks drawn (about, more than, proposed …).
    Key,
    /// The unit caption.
    Unit,
    /// A figure's label.
    Label,
    /// A figure's value as the report words it.
    Value,
    /// A figure's source.
    Source,
    /// An axis tick.
    Tick,
    /// The footer: sources, dates, the article, the chart's note.
    Footer,
}

/// One line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextItem {
    /// What is drawn (possibly a shortened line of a longer text), without bidi controls.
    pub text: String,
    /// The anchor point: `x` per `align`, `y` the vertical middle of the line box.
    pub x: f64,
    /// The vertical middle of the line box.
    pub y: f64,
    /// Which edge or middle `x` gives.
    pub align: Align,
    /// Size and weight.
    pub font: Font,
    /// Colour.
    pub color: Color,
    /// Right-to-left paragraph direction: the renderer isolates the text as RTL.
    pub rtl: bool,
    /// What the text is.
    pub role: TextRole,
    /// The line box: measured width × line height.
    pub bbox: Rect,
    /// The figure this text belongs to (labels, values, sources).
    pub figure: Option<usize>,
}

/// How a rectangle is painted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    /// The fill, if any.
    pub fill: Option<Color>,
    /// The outline's colour and width, if any.
    pub stroke: Option<(Color, f64)>,
}

/// A shape, drawn in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle (a bar, a mark, a key swatch).
    Rect {
        /// Where.
        rect: Rect,
        /// How it is painted.
        paint: Paint,
    },
    /// A straight line (the zero line, ticks, whiskers).
    Line {
        /// One end.
        from: (f64, f64),
        /// The other end.
        to: (f64, f64),
        /// Colour.
        color: Color,
        /// Width in CSS pixels.
        width: f64,
    },
}

/// The marks a figure's bar carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// `at_least`, `more_than`: the bar continues past the value, fading.
    pub lower_bound: bool,
    /// `nearly`, `fewer_than`, `up_to`: the bar's own tip fades.
    pub upper_bound: bool,
    /// `about`: a whisker across the end.
    pub approximate: bool,
    /// `proposed`: hatched and outlined instead of solid.
    pub proposed: bool,
    /// `claimed`: a light fill with a solid outline.
    pub claimed: bool,
    /// `estimate`: a light fill with a dashed outline.
    pub estimate: bool,
}

/// One bar: where it is and what it shows, for drawing, hit-testing and tests.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Index into the dataset's figures.
    pub figure: usize,
    /// The bar from zero to the value (at least [`MIN_BAR_PX`] long).
    pub rect: Rect,
    /// The whole row (label, bar, value, source): the target for pointer and focus.
    pub row: Rect,
    /// The bar's colour (its source's).
    pub color: Color,
    /// What the bar carries for the figure's qualifier and status.
    pub marks: Marks,
    /// The value text as drawn ("more than 600").
    pub value_text: String,
}

/// The shortest bar drawn, so that no figure disappears however small against the largest.
pub const MIN_BAR_PX: f64 = 3.0;

/// A whole chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// The chart's id in its dataset.
    pub chart_id: String,
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// The language of the chart's words (BCP 47).
    pub lang: String,
    /// Whether the chart reads right to left (it is then mirrored).
    pub rtl: bool,
    /// The background colour.
    pub background: Color,
    /// Every shape, in drawing order.
    pub shapes: Vec<Shape>,
    /// Every line of text.
    pub texts: Vec<TextItem>,
    /// Every bar, in the chart's order.
    pub bars: Vec<Bar>,
    /// Where the bars go: from the zero line to the furthest a bar, its marks or the text beside it
    /// may reach, over the rows (mirrored with the rest for right-to-left charts).
    pub plot: Rect,
    /// The chart's accessible name (its title).
    pub title: String,
    /// A text summary built from the attributions, for screen readers and the SVG `<desc>`.
    pub summary: String,
}
