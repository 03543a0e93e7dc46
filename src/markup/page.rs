//! Static HTML for the page's no-JavaScript fallback: the article header, each chart as a pre-rendered
//! SVG picture inside its widget element, every figure's details, and the data table. Every piece of
//! data is escaped; nothing from a dataset ever becomes markup.

use super::embed::{self, Data, Embed};
use super::esc;
use crate::chart::locale::Locale;
use crate::chart::sentences::figure_sentence;
use crate::dataset::{Dataset, Status};

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

/// A page template with its markers filled in: `<!--rf:article-->`, `<!--rf:details-->`,
/// `<!--rf:table-->`, `<!--rf:widget:ID-->` (a chart with its pictures, for a page that links
/// `www/picture.css`) and `<!--rf:embed:ID-->` (a chart with its pictures and their stylesheet, as an
/// editor pastes it). `data` says where the charts' data comes from once interactive. An unknown
/// marker (or a chart the dataset lacks) is returned as the error.
pub fn fill(d: &Dataset, template: &str, data: Data) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some(i) = rest.find("<!--rf:") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("-->").map_or(rest.len(), |e| i + e + 3);
        let marker = &rest[i..end];
        let name = marker.trim_start_matches("<!--rf:").trim_end_matches("-->");
        let chart = |id: &str, style: bool| {
            embed::element(d, &Embed { chart: id, theme: "auto", lang: None, data }, style)
                .map_err(|_| marker.to_string())
        };
        let filled = match name.split_once(':') {
            None if name == "article" => article_header(d),
            None if name == "details" => figure_details(d),
            None if name == "table" => figures_table(d),
            Some(("widget", id)) => chart(id, false)?,
            Some(("embed", id)) => chart(id, true)?,
            _ => return Err(marker.to_string()),
        };
        out.push_str(&filled);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}
