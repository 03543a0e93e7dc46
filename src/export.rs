//! Tables of every figure: CSV (RFC 4180, safe to open in a spreadsheet) and Markdown.
//!
//! The CSV writer is a dozen lines shared by the command-line tool and the browser's download, so it
//! is written here rather than pulled in as a crate; the tests read its output back with the `csv`
//! crate to prove it is RFC 4180.

use crate::dataset::Dataset;

/// The columns of both tables, in order.
pub const COLUMNS: [&str; 10] =
    ["id", "label", "value", "unit", "qualifier", "status", "source", "source_url", "as_of", "quote"];

/// The cells of every figure's row, in [`COLUMNS`] order, as plain text.
pub fn rows(d: &Dataset) -> Vec<[String; 10]> {
    d.figures
        .iter()
        .map(|f| {
            let s = d.source_of(f);
            [
                f.id.clone().unwrap_or_default(),
                f.label.clone(),
                plain_number(f.value),
                f.unit.clone(),
                f.approx.as_str().to_string(),
                f.status.as_str().to_string(),
                s.name.clone(),
                s.url.clone().unwrap_or_default(),
                f.as_of.text.clone(),
                f.quote.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// A number as plain decimal digits, without grouping or exponent: `33207`, `2300000`, `0.5`.
pub fn plain_number(v: f64) -> String {
    crate::num::decimal(v)
}

/// One CSV cell: neutralised against spreadsheet formulas, then quoted if it needs to be.
fn csv_cell(cell: &str, out: &mut String) {
    // A cell that a spreadsheet would evaluate as a formula gets a leading apostrophe, which
    // spreadsheets show as text (OWASP's advice for CSV injection).
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = formula || cell.contains([',', '"', '\r', '\n']);
    if needs_quotes {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// Every figure as CSV: RFC 4180 (CRLF line ends, `"` doubled inside quoted cells), header row first.
pub fn csv(d: &Dataset) -> String {
    let mut out = String::new();
    let line = |cells: &[&str], out: &mut String| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_cell(c, out);
        }
        out.push_str("\r\n");
    };
    line(&COLUMNS, &mut out);
    for row in rows(d) {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        line(&cells, &mut out);
    }
    out
}

/// One Markdown table cell: line breaks become spaces and every character that Markdown could read
/// as markup (HTML, links, emphasis, code, table pipes, entities) is backslash-escaped, so the cell
/// renders as the literal text.
fn markdown_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    for c in cell.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '!' | '(' | ')' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Every figure as a Markdown (GitHub-flavoured) table with the same columns as the CSV.
pub fn markdown(d: &Dataset) -> String {
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", COLUMNS.join(" | ")));
    out.push_str(&format!(
        "|{}\n",
        COLUMNS.iter().map(|c| if *c == "value" { "--:|" } else { "---|" }).collect::<String>()
    ));
    for row in rows(d) {
        let cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
