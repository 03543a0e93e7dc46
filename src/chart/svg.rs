//! SVG output: the chart drawn through plotters' SVG backend, with a title, a description and
//! language metadata added for screen readers and search.

use super::draw::{draw, TextScale};
use super::spec::ChartSpec;
use plotters::prelude::*;

/// Escapes text for XML character data and attribute values.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not allowed in XML 1.0 (validation refuses them anyway; this keeps output well-formed).
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The chart as a standalone SVG document.
pub fn render(spec: &ChartSpec) -> String {
    let (w, h) = (spec.width.round() as u32, spec.height.round() as u32);
    let mut body = String::new();
    {
        let backend = SVGBackend::with_string(&mut body, (w, h));
        let area = backend.into_drawing_area();
        // The SVG backend writes into a String: it cannot fail.
        let _ = draw(spec, &area, TextScale::SVG);
        let _ = area.present();
    }
    // Add accessibility and language metadata to plotters' root element.
    let id = format!("rf-{}", spec.chart_id.bytes().map(|b| format!("{b:02x}")).collect::<String>());
    let meta = format!(
        " role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xml:lang=\"{lang}\" lang=\"{lang}\" font-family=\"{family}\">\n<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>",
        lang = escape_xml(&spec.lang),
        family = escape_xml(super::text::FAMILY),
        title = escape_xml(&spec.title),
        desc = escape_xml(&spec.summary),
    );
    match body.find('>') {
        Some(i) if body.starts_with("<svg") => {
            let (head, tail) = body.split_at(i);
            let head = head.trim_end_matches('/');
            format!("{head}{meta}{}", &tail[1..])
        }
        _ => body,
    }
}
