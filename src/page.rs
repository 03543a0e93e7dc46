//! Static HTML for the page's no-JavaScript fallback: the article header, each chart as a pre-rendered
//! SVG picture inside its widget element, every figure's details, and the data table. Every piece of
//! data is escaped; nothing from a dataset ever becomes markup.

use crate::chart::locale::Locale;
use crate::chart::sentences::figure_sentence;
use crate::dataset::{Dataset, Status};

/// Escapes text for HTML text and double-quoted attribute values: `& < > " '` become character
/// references, and control characters other than tab and newline (which validation refuses anyway)
/// become U+FFFD, so nothing from a dataset can open a tag, an attribute or an entity.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\t' && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A chart id as a file name: kept as is when it is letters, digits, `-` and `_`, hex-encoded otherwise.
pub fn file_stem(id: &str) -> String {
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        id.to_string()
    } else {
        format!("x{}", id.bytes().map(|b| format!("{b:02x}")).collect::<String>())
    }
}

/// The article the figures come from: headline (linked when the dataset gives its URL), publisher, date.
pub fn article_header(d: &Dataset) -> String {
    let loc = Locale::for_tag(&d.lang);
    let mut out = format!("<h1>{}</h1>\n", esc(&d.title));
    if let Some(sub) = &d.subtitle {
        out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", esc(sub)));
    }
    if let Some(a) = &d.article {
        let mut parts = Vec::new();
        if let Some(h) = &a.headline {
            parts.push(match &a.url {
                Some(u) => format!("<a href=\"{}\" rel=\"noopener noreferrer\">“{}”</a>", esc(u), esc(h)),
                None => format!("“{}”", esc(h)),
            });
        }
        if let Some(p) = &a.publisher {
            parts.push(esc(p));
        }
        if let Some(p) = &a.published {
            parts.push(format!("<time datetime=\"{}\">{}</time>", esc(&p.date.to_string()), esc(&loc.date(p.date))));
        }
        out.push_str(&format!("<p class=\"credit\">From {}</p>\n", parts.join(", ")));
    }
    out
}

/// A chart's widget element holding its pre-rendered SVGs (light and dark) as the fallback that
/// shows until, or unless, the widget runs.
pub fn widget_fallback(d: &Dataset, chart: &str, static_dir: &str, width: f64, height: f64) -> String {
    let stem = file_stem(chart);
    let alt =
        d.chart(chart).map(|c| crate::chart::sentences::summary(d, c, &Locale::for_tag(&d.lang))).unwrap_or_default();
    format!(
        "<reported-figures chart=\"{id}\" height=\"{h}\"><picture><source srcset=\"{dir}/{stem}-dark.svg\" media=\"(prefers-color-scheme: dark)\"><img class=\"fallback\" src=\"{dir}/{stem}-light.svg\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\"></picture></reported-figures>",
        id = esc(chart),
        dir = esc(static_dir),
        w = width.round(),
        h = height.round(),
        alt = esc(&alt),
    )
}

fn source_html(d: &Dataset, s: usize) -> String {
    let src = &d.sources[s];
    match &src.url {
        Some(u) => format!("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", esc(u), esc(&src.name)),
        None => esc(&src.name),
    }
}

/// Every figure as a disclosure: value and label, then source, qualifier, status, date, the quoted
/// sentence and the note.
pub fn figure_details(d: &Dataset) -> String {
    let loc = Locale::for_tag(&d.lang);
    let mut out = String::from("<ul class=\"details\">\n");
    for (i, f) in d.figures.iter().enumerate() {
        let value = loc.figure_value(f, true);
        out.push_str(&format!(
            "<li><details><summary><strong>{}</strong> {}</summary>\n<dl>\n<dt>Source</dt><dd>{}</dd>\n<dt>Qualifier</dt><dd>{}</dd>\n<dt>Status</dt><dd>{}</dd>\n<dt>As of</dt><dd><time datetime=\"{}\">{}</time></dd>\n</dl>\n",
            esc(&value),
            esc(&f.label),
            source_html(d, f.source),
            esc(f.approx.as_str()),
            esc(if f.status == Status::Reported { "reported" } else { f.status.as_str() }),
            esc(&f.as_of.text),
            esc(&loc.date(f.as_of.date)),
        ));
        if let Some(q) = &f.quote {
            out.push_str(&format!("<blockquote>{}</blockquote>\n", esc(q)));
        }
        if let Some(n) = &f.note {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", esc(n)));
        }
        out.push_str(&format!("<p class=\"sr-only\">{}</p>\n", esc(&figure_sentence(d, i, &loc))));
        out.push_str("</details></li>\n");
    }
    out.push_str("</ul>\n");
    out
}

/// Every figure in one table: figure, value as reported, qualifier, status, source, date.
pub fn figures_table(d: &Dataset) -> String {
    let loc = Locale::for_tag(&d.lang);
    let mut out = String::from(
        "<table class=\"figures\">\n<caption>The figures of the report, each with its source</caption>\n<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th><th scope=\"col\">Exact number</th><th scope=\"col\">Qualifier</th><th scope=\"col\">Status</th><th scope=\"col\">Source</th><th scope=\"col\">As of</th></tr></thead>\n<tbody>\n",
    );
    for f in &d.figures {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td><time datetime=\"{}\">{}</time></td></tr>\n",
            esc(&f.label),
            esc(&loc.figure_value(f, true)),
            esc(&loc.number(f.value)),
            esc(f.approx.as_str()),
            esc(f.status.as_str()),
            source_html(d, f.source),
            esc(&f.as_of.text),
            esc(&loc.date(f.as_of.date)),
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_everything_that_could_become_markup() {
        assert_eq!(
            esc("<a href=\"x\" onclick='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(esc("a\u{0}b\u{85}c\td\ne"), "a\u{FFFD}b\u{FFFD}c\td\ne");
        assert_eq!(esc("שלום 👩🏽‍⚕️"), "שלום 👩🏽‍⚕️");
    }
}
