//! The chart as a picture for the page, drawn before any script runs: compact SVG made by the one
//! drawing function (`chart::draw`) through a plotters backend of its own, [`PictureSvg`]. It draws
//! exactly what the canvas draws from the same [`ChartSpec`] (whole-pixel coordinates, strokes of odd
//! width on half pixels, text on its alphabetic baseline at the same height), so the live chart can replace it without a
//! visible change.
//!
//! The picture is laid out in the light theme and painted in both: the theme's own colours are
//! written `light-dark(light, dark)`, so the element's `color-scheme` (the reader's preference, or its
//! `theme` attribute through [`crate::assets::picture_css`]) picks them, with no second copy and no
//! per-element style rules; without the stylesheet it follows the page's scheme, light by default.
//! Consecutive shapes and texts that share their paint share one `<g>`, which keeps the markup light.

use super::draw::{draw, TextScale};
use super::spec::ChartSpec;
use super::svg::escape_xml;
use super::text::FAMILY;
use super::theme::{Theme, DARK, LIGHT};
use plotters::prelude::*;
use plotters_backend::text_anchor::HPos;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle};

/// One pre-rendered picture of a chart: laid out `width` pixels wide, shown in boxes from `from` pixels
/// wide up to the next picture's `from` (scaled to fit), with its class in the markup.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Variant {
    pub width: f64,
    pub from: f64,
    pub class: &'static str,
}

const fn v(width: f64, from: f64, class: &'static str) -> Variant {
    Variant { width, from, class }
}

/// The pictures of a chart of up to 100 bars: one with the labels above the bars, made 360 px wide and
/// shown in boxes under 520 px (a phone's: scaled by 0.78 at 280 px, 1.2 at 430 px), one with the
/// labels beside the bars, made 680 px wide and shown from 520 px (an article column's: 0.88 to 1.06
/// from 600 to 720 px). Two pictures, not more: every one is parsed by every page that pastes the
/// embed, fifty times on a page of fifty charts.
pub const PAIR: [Variant; 2] = [v(360.0, 0.0, "p1"), v(680.0, 520.0, "p2")];
/// The picture of a longer chart (its markup grows with its bars).
pub const ONE: [Variant; 1] = [v(640.0, 0.0, "o1")];

/// The pictures made for a chart of `bars` bars.
pub fn variants_for(bars: usize) -> &'static [Variant] {
    if bars <= 100 {
        &PAIR
    } else {
        &ONE
    }
}

/// The picture shown where no stylesheet chooses one (a host page that refuses inline styles): the one
/// made for the most common article width.
pub fn default_variant(variants: &[Variant]) -> Variant {
    variants.iter().copied().min_by_key(|v| (v.width - 640.0).abs() as u32).unwrap_or(ONE[0])
}

/// Never fails: it writes into a string.
#[derive(Debug)]
pub struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}

impl std::error::Error for Never {}

/// A plotters backend that writes compact SVG elements into a string.
pub struct PictureSvg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// The attributes of the open `<g>`, if one is open.
    group: Option<String>,
    theme: Theme,
}

/// `#rrggbb`.
fn hex(rgb: (u8, u8, u8)) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(7);
    s.push('#');
    for v in [rgb.0, rgb.1, rgb.2] {
        s.push(HEX[usize::from(v >> 4)] as char);
        s.push(HEX[usize::from(v & 15)] as char);
    }
    s
}

fn int(v: i32) -> String {
    v.to_string()
}

impl<'a> PictureSvg<'a> {
    /// A backend of `size` CSS pixels that appends to `out`; `present` closes its last group.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> PictureSvg<'a> {
        PictureSvg { out, size, group: None, theme: LIGHT }
    }

    /// ` fill="…" [fill-opacity]` (or the same for `stroke`): the theme's own colours as
    /// `light-dark(light, dark)`, which follows the `color-scheme` of the element (the reader's
    /// preference, or the `theme` attribute through the pictures' stylesheet); the sources' colours,
    /// which both themes share, as they are.
    fn paint(&self, kind: &str, c: BackendColor) -> String {
        let (l, d) = (&self.theme, &DARK);
        let pairs =
            [(l.text, d.text), (l.muted, d.muted), (l.background, d.background), (l.grid, d.grid), (l.axis, d.axis)];
        let color = match pairs.iter().find(|(light, _)| (light.r, light.g, light.b) == c.rgb) {
            Some((light, dark)) => crate::strings::cat(&["light-dark(", &light.css_hex(), ",", &dark.css_hex(), ")"]),
            None => hex(c.rgb),
        };
        let mut a = crate::strings::cat(&[" ", kind, "=\"", &color, "\""]);
        if c.alpha < 1.0 {
            a.push(' ');
            a.push_str(kind);
            a.push_str("-opacity=\"");
            a.push_str(&crate::num::decimal((c.alpha * 1000.0).round() / 1000.0));
            a.push('"');
        }
        a
    }

    /// Opens a `<g>` with these attributes unless the open one has them.
    fn group(&mut self, attrs: String) {
        if self.group.as_deref() == Some(attrs.as_str()) {
            return;
        }
        if self.group.is_some() {
            self.out.push_str("</g>");
        }
        self.out.push_str("<g");
        self.out.push_str(&attrs);
        self.out.push('>');
        self.group = Some(attrs);
    }
}

impl DrawingBackend for PictureSvg<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        if self.group.take().is_some() {
            self.out.push_str("</g>");
        }
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Never>> {
        self.draw_rect(p, (p.0 + 1, p.1 + 1), &color, true)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        if !fill {
            let (x0, y0, x1, y1) = (upper_left.0, upper_left.1, bottom_right.0, bottom_right.1);
            return self.draw_path([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], style);
        }
        self.group(self.paint("fill", c));
        let (w, h) = (bottom_right.0 - upper_left.0, bottom_right.1 - upper_left.1);
        for (name, v) in
            [("<rect x=\"", upper_left.0), ("\" y=\"", upper_left.1), ("\" width=\"", w), ("\" height=\"", h)]
        {
            self.out.push_str(name);
            self.out.push_str(&int(v));
        }
        self.out.push_str("\"/>");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let width = style.stroke_width();
        let mut attrs = self.paint("stroke", c);
        attrs.push_str(" stroke-width=\"");
        attrs.push_str(&width.to_string());
        attrs.push_str("\" fill=\"none\"");
        self.group(attrs);
        // As on the canvas: an odd width on whole pixels blurs across two; half a pixel over puts it on one.
        let half = width % 2 == 1;
        let coord = |v: i32| if half { crate::num::decimal(f64::from(v) + 0.5) } else { int(v) };
        self.out.push_str("<path d=\"");
        for (i, (x, y)) in path.into_iter().enumerate() {
            self.out.push(if i == 0 { 'M' } else { 'L' });
            self.out.push_str(&coord(x));
            self.out.push(' ');
            self.out.push_str(&coord(y));
        }
        self.out.push_str("\"/>");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let mut attrs = self.paint("fill", c);
        attrs.push_str(" font-size=\"");
        attrs.push_str(&crate::num::decimal(style.size()));
        attrs.push('"');
        if matches!(style.style(), FontStyle::Bold) {
            attrs.push_str(" font-weight=\"bold\"");
        }
        match style.anchor().h_pos {
            HPos::Left => {}
            HPos::Center => attrs.push_str(" text-anchor=\"middle\""),
            HPos::Right => attrs.push_str(" text-anchor=\"end\""),
        }
        self.group(attrs);
        // On the alphabetic baseline, as the canvas draws it (see `text::MIDDLE_TO_BASELINE`).
        let baseline = f64::from(pos.1) + super::text::MIDDLE_TO_BASELINE * style.size();
        self.out.push_str("<text x=\"");
        self.out.push_str(&int(pos.0));
        self.out.push_str("\" y=\"");
        self.out.push_str(&crate::num::decimal((baseline * 100.0).round() / 100.0));
        self.out.push_str("\">");
        self.out.push_str(&escape_xml(text));
        self.out.push_str("</text>");
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        let font = super::text::Font { size: style.size(), bold: matches!(style.style(), FontStyle::Bold) };
        Ok((super::text::metric_width(text, font).ceil() as u32, style.size().ceil() as u32))
    }

    fn blit_bitmap(
        &mut self,
        _pos: BackendCoord,
        _size: (u32, u32),
        _src: &[u8],
    ) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }
}

/// One picture of a chart: an `<svg>` of the chart's own size that scales to the width of its box
/// (`width="100%"`, its height from the `viewBox`). Its texts are `<text>`, in reading order: title,
/// subtitle, key, then each bar's label, value and source, the axis and the footer, which is what
/// screen readers and search engines read. The spec must be laid out in the light theme.
pub fn svg(spec: &ChartSpec) -> String {
    let (w, h) = (spec.width.round() as u32, spec.height.round() as u32);
    let mut body = String::new();
    {
        let area = PictureSvg::new(&mut body, (w, h)).into_drawing_area();
        // Writing into a string cannot fail.
        let _ = draw(spec, &area, TextScale::PICTURE);
        let _ = area.present();
    }
    let mut out = String::with_capacity(body.len() + 400);
    out.push_str("<svg viewBox=\"0 0 ");
    out.push_str(&w.to_string());
    out.push(' ');
    out.push_str(&h.to_string());
    out.push_str("\" width=\"100%\" lang=\"");
    out.push_str(&escape_xml(&spec.lang));
    out.push_str("\" font-family=\"");
    out.push_str(&escape_xml(FAMILY));
    out.push_str("\" direction=\"ltr\">");
    out.push_str(&body);
    out.push_str("</svg>");
    out
}
