//! A plotters [`DrawingBackend`] on a canvas 2D context, for the chart's one drawing path.
//!
//! It replaces the plotters-canvas crate, which formats every colour (`rgba(…, 0.5)`) and font size
//! as `f64` text: that pulled `core::fmt`'s float machinery (14 KB, a sixth of the widget) into the
//! wasm for a few numbers. Here colours are `#rrggbb` with `globalAlpha`, and sizes go through
//! [`crate::num`]. It draws only what the chart uses: rectangles, paths and text.

use crate::chart::{ChartSpec, TextScale};
use plotters::prelude::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A canvas error (the canvas API threw).
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

fn fail(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(e.as_string().unwrap_or_else(|| "canvas error".into())))
}

/// A 2D context whose transform maps CSS pixels to device pixels; coordinates are CSS pixels.
pub struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    /// The context's current fill, stroke, font and alpha, so that each is set only when it changes
    /// (every setter crosses into JavaScript and the canvas parses the string).
    fill: String,
    stroke: String,
    font: String,
    alpha: f64,
    line_width: f64,
}

/// Sets every text property of a 2D context that the page around it could otherwise influence (a
/// canvas takes `letter-spacing`, `word-spacing`, kerning and direction from its element's style),
/// so that text is drawn exactly as wide as it was measured, on any host page.
pub(crate) fn reset_text(ctx: &CanvasRenderingContext2d) {
    for (property, value) in [
        ("letterSpacing", "0px"),
        ("wordSpacing", "0px"),
        ("fontKerning", "normal"),
        ("fontStretch", "normal"),
        ("fontVariantCaps", "normal"),
        ("textRendering", "auto"),
        ("direction", "ltr"),
    ] {
        // Browsers without one of these properties ignore it; nothing can fail here.
        let _ = js_sys::Reflect::set(ctx, &JsValue::from_str(property), &JsValue::from_str(value));
    }
}

impl Canvas2d {
    /// Draws on `ctx` (already scaled for the device pixel ratio), `size` CSS pixels large.
    pub fn new(ctx: CanvasRenderingContext2d, size: (u32, u32)) -> Canvas2d {
        reset_text(&ctx);
        Canvas2d {
            ctx,
            size,
            fill: String::new(),
            stroke: String::new(),
            font: String::new(),
            alpha: 1.0,
            line_width: 1.0,
        }
    }

    /// `#rrggbb` for a colour, setting the context's alpha to the colour's.
    fn color(&mut self, c: BackendColor) -> String {
        let (r, g, b) = c.rgb;
        if c.alpha != self.alpha {
            self.ctx.set_global_alpha(c.alpha);
            self.alpha = c.alpha;
        }
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(7);
        s.push('#');
        for v in [r, g, b] {
            s.push(HEX[usize::from(v >> 4)] as char);
            s.push(HEX[usize::from(v & 15)] as char);
        }
        s
    }

    fn set_fill(&mut self, c: BackendColor) {
        let css = self.color(c);
        if css != self.fill {
            self.ctx.set_fill_style_str(&css);
            self.fill = css;
        }
    }

    fn set_stroke(&mut self, c: BackendColor, width: u32) {
        let css = self.color(c);
        if css != self.stroke {
            self.ctx.set_stroke_style_str(&css);
            self.stroke = css;
        }
        let width = f64::from(width);
        if width != self.line_width {
            self.ctx.set_line_width(width);
            self.line_width = width;
        }
    }
}

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.ctx.set_global_alpha(1.0);
        self.alpha = 1.0;
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.set_fill(color);
        self.ctx.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        if fill {
            self.set_fill(style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style.color(), style.stroke_width());
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        // Odd widths on whole pixels blur across two; half a pixel over puts them on one.
        let off = if style.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
        self.set_stroke(style.color(), style.stroke_width());
        self.ctx.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            let (x, y) = (f64::from(x) + off, f64::from(y) + off);
            if i == 0 {
                self.ctx.move_to(x, y);
            } else {
                self.ctx.line_to(x, y);
            }
        }
        self.ctx.stroke();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(color);
        self.ctx.set_text_align(match style.anchor().h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        // A centred line is drawn on its alphabetic baseline, as the page's pictures draw it (see
        // `text::MIDDLE_TO_BASELINE`), so that both place it identically whatever the font.
        let y = f64::from(pos.1)
            + match style.anchor().v_pos {
                VPos::Center => crate::chart::text::MIDDLE_TO_BASELINE * style.size(),
                _ => 0.0,
            };
        self.ctx.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "alphabetic",
            VPos::Bottom => "bottom",
        });
        let bold = matches!(style.style(), FontStyle::Bold);
        let mut font = String::from(if bold { "bold " } else { "" });
        font.push_str(&crate::num::px(style.size()));
        font.push(' ');
        font.push_str(style.family().as_str());
        if font != self.font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        // Never wider than the layout measured it: where the reader's font is wider than Arial's
        // metrics, the canvas narrows the text instead of letting it run into its neighbour.
        let max = crate::chart::text::metric_width(text, crate::chart::text::Font { size: style.size(), bold });
        self.ctx.fill_text_with_max_width(text, f64::from(pos.0), y, max + 0.5).map_err(fail)
    }
}

/// The canvas is sized in steps of this many CSS pixels, so that most resizes reuse its backing store.
const CAPACITY_STEP: f64 = 128.0;

/// Paints the band of a chart from `top` to `top + height` CSS pixels on a canvas, the chart drawn at
/// `scale` times its layout size and sharp at `dpr` device pixels per CSS pixel; the band's top-left
/// is the canvas's. With `grow`, the canvas keeps a capacity past the band (rounded up to 128 CSS px)
/// and is resized only when the band outgrows it or shrinks well below it: reallocating a backing store
/// is most of the cost of a redraw. Returns the canvas's size in CSS pixels.
pub fn paint(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    dpr: f64,
    scale: f64,
    top: f64,
    height: f64,
    grow: bool,
) -> Result<Vec<f64>, JsValue> {
    let dpr = if dpr.is_finite() { dpr.clamp(0.5, 8.0) } else { 1.0 };
    let scale = if scale.is_finite() && scale > 0.0 { scale } else { 1.0 };
    let width = spec.width * scale;
    let capacity = |need: f64| (need / CAPACITY_STEP).ceil() * CAPACITY_STEP;
    let fits = |have: u32, need: f64| {
        let have = f64::from(have) / dpr;
        have >= need && have <= capacity(need) + 8.0 * CAPACITY_STEP
    };
    let dpr_text = crate::num::decimal(dpr);
    let same_dpr = canvas.get_attribute("data-dpr").is_some_and(|d| d == dpr_text);
    let exact_height = |h: u32| f64::from(h) == (height * dpr).ceil();
    let height_ok = if grow { fits(canvas.height(), height) } else { exact_height(canvas.height()) };
    if !(same_dpr && fits(canvas.width(), width) && height_ok) {
        canvas.set_width((capacity(width) * dpr).round() as u32);
        canvas.set_height(if grow { (capacity(height) * dpr).round() } else { (height * dpr).ceil() } as u32);
        canvas.set_attribute("data-dpr", &dpr_text)?;
        let style = canvas.style();
        style.set_property("width", &crate::num::px(f64::from(canvas.width()) / dpr))?;
        style.set_property("height", &crate::num::px(f64::from(canvas.height()) / dpr))?;
    }
    let ctx: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or_else(|| super::js_error("no 2d context"))?.dyn_into()?;
    // Layout pixels to device pixels, the band's top at the canvas's top.
    ctx.set_transform(dpr * scale, 0.0, 0.0, dpr * scale, 0.0, -top * dpr)?;
    let area = Canvas2d::new(ctx, (spec.width.ceil() as u32, spec.height.ceil() as u32)).into_drawing_area();
    let band = (top / scale, (top + height) / scale);
    crate::chart::draw::draw_band(spec, &area, TextScale::CANVAS, Some(band))
        .map_err(|_| super::js_error("the canvas refused to draw"))?;
    Ok(vec![f64::from(canvas.width()) / dpr, f64::from(canvas.height()) / dpr])
}
