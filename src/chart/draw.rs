//! The one drawing path: a chart description onto any plotters [`DrawingBackend`], so the same code
//! makes the SVG (plotters' SVG backend) and the canvas pixels (our canvas backend, `web::canvas`).

use super::spec::{Align, ChartSpec, Shape};
use super::text::FAMILY;
use super::theme::Color;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How a backend sizes text. plotters' SVG backend writes `font-size` as the given size ÷ 1.24 and
/// its canvas backend uses the size as is; these factors make both draw CSS pixel sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextScale(pub f64);

impl TextScale {
    /// For plotters' `SVGBackend`.
    pub const SVG: TextScale = TextScale(1.24);
    /// For the canvas backend of the browser layer (`web::canvas::Canvas2d`), which uses sizes as given.
    pub const CANVAS: TextScale = TextScale(1.0);
    /// For the page's picture (`chart::picture::PictureSvg`), which also writes sizes as given.
    pub const PICTURE: TextScale = TextScale(1.0);
}

fn rgba(c: Color) -> RGBAColor {
    RGBAColor(c.r, c.g, c.b, c.a)
}

fn pt(p: (f64, f64)) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

/// Right-to-left isolate … pop directional isolate: the text keeps its characters in logical order
/// and the renderer lays it out as a right-to-left paragraph.
const RLI: &str = "\u{2067}";
const PDI: &str = "\u{2069}";

/// Draws a chart description. The area's origin is the chart's top-left corner, one unit per CSS pixel.
pub fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    area: &DrawingArea<DB, Shift>,
    text_scale: TextScale,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_band(spec, area, text_scale, None)
}

/// Draws what of a chart description lies in a band from `y0` to `y1` (layout pixels), or all of it:
/// a tall chart painted in tiles draws each tile's shapes and texts only.
pub fn draw_band<DB: DrawingBackend>(
    spec: &ChartSpec,
    area: &DrawingArea<DB, Shift>,
    text_scale: TextScale,
    band: Option<(f64, f64)>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (y0, y1) = band.unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
    let visible = |top: f64, bottom: f64| bottom >= y0 - 2.0 && top <= y1 + 2.0;
    let (w, h) = (spec.width.round() as i32, spec.height.round() as i32);
    area.draw(&Rectangle::new([(0, 0), (w, h)], ShapeStyle::from(&rgba(spec.background)).filled()))?;
    for shape in &spec.shapes {
        match shape {
            Shape::Rect { rect, .. } if !visible(rect.y, rect.bottom()) => {}
            Shape::Line { from, to, .. } if !visible(from.1.min(to.1), from.1.max(to.1)) => {}
            Shape::Rect { rect, paint } => {
                let (x0, y0) = pt((rect.x, rect.y));
                let (x1, y1) = pt((rect.right(), rect.bottom()));
                if let Some(fill) = paint.fill {
                    // Never less than one pixel wide: a figure must not vanish in rounding.
                    let x1 = x1.max(x0 + 1);
                    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], ShapeStyle::from(&rgba(fill)).filled()))?;
                }
                if let Some((color, width)) = paint.stroke {
                    // Four lines, because plotters' SVG backend ignores the width of a stroked rectangle.
                    let style = ShapeStyle::from(&rgba(color)).stroke_width(width.round().max(1.0) as u32);
                    let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
                    area.draw(&PathElement::new(corners.to_vec(), style))?;
                }
            }
            Shape::Line { from, to, color, width } => {
                let style = ShapeStyle::from(&rgba(*color)).stroke_width(width.round().max(1.0) as u32);
                area.draw(&PathElement::new(vec![pt(*from), pt(*to)], style))?;
            }
        }
    }
    for t in spec.texts.iter().filter(|t| visible(t.bbox.y, t.bbox.bottom())) {
        let h = match t.align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let color = rgba(t.color);
        let style = TextStyle::from((
            FontFamily::Name(FAMILY),
            t.font.size * text_scale.0,
            if t.font.bold { FontStyle::Bold } else { FontStyle::Normal },
        ))
        .color(&color)
        .pos(Pos::new(h, VPos::Center));
        let isolated;
        let s = if t.rtl {
            isolated = crate::strings::cat(&[RLI, &t.text, PDI]);
            isolated.as_str()
        } else {
            t.text.as_str()
        };
        area.draw_text(s, &style, pt((t.x, t.y)))?;
    }
    Ok(())
}
