//! The table of figures read back (native only): the columns `table` writes, as CSV or as
//! tab-separated text pasted from a spreadsheet, into a dataset in the JSON format. `table` then
//! `import` gives back the same figures and sources. Each problem names its line and column.

use crate::export::COLUMNS;
use serde_json::{json, Map, Value};

/// The columns a figure cannot do without.
const REQUIRED: [&str; 5] = ["label", "value", "unit", "source", "as_of"];

/// Reads a table into a dataset titled `title`. Returns the dataset (not yet validated: the caller
/// validates it, as every dataset), or every problem as `LINE: column NAME: message`.
pub fn import(bytes: &[u8], title: &str) -> Result<Value, Vec<String>> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| vec![format!("1: the table is not UTF-8 text (invalid byte at offset {})", e.valid_up_to())])?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches('\t').count() > first.matches(',').count() { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![format!("1: {e}")]),
    };
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .map(|c| format!("1: column {c}: is missing (the header must name the columns {})", COLUMNS.join(",")))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    let mut problems = Vec::new();
    let mut sources: Vec<(String, String, String)> = Vec::new(); // (id, name, url)
    let mut figures = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{}: {e}", line_of(text, e.position().map_or(0, |p| p.byte() as usize))));
                continue;
            }
        };
        let line = line_of(text, record.position().map_or(0, |p| p.byte() as usize));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut cell = |name: &str| -> Option<String> {
            let raw = col(name).and_then(|i| record.get(i)).unwrap_or("");
            match unescape(raw) {
                Ok(v) => Some(v),
                Err(why) => {
                    problems.push(format!("{line}: column {name}: {why}"));
                    None
                }
            }
        };
        let cells: Vec<Option<String>> = COLUMNS.iter().map(|c| cell(c)).collect();
        let get = |name: &str| cells[COLUMNS.iter().position(|c| *c == name).unwrap_or(0)].clone().unwrap_or_default();
        for name in REQUIRED {
            if cells[COLUMNS.iter().position(|c| *c == name).unwrap_or(0)].as_deref() == Some("") {
                problems.push(format!("{line}: column {name}: is empty"));
            }
        }
        let value_text = get("value");
        let value = match value_text.parse::<f64>() {
            Ok(v) if v.is_finite() && !value_text.is_empty() => Some(v),
            _ if value_text.is_empty() => None,
            _ => {
                problems
                    .push(format!("{line}: column value: must be a number such as 33207 or 2.5, got {value_text:?}"));
                None
            }
        };
        let (name, url) = (get("source"), get("source_url"));
        let source = match sources.iter().find(|(_, n, u)| *n == name && *u == url) {
            Some((id, ..)) => id.clone(),
            None => {
                let id = crate::draft::unique(crate::draft::slug(&name, "source"), sources.iter().map(|(i, ..)| i));
                sources.push((id.clone(), name, url));
                id
            }
        };
        let Some(value) = value else { continue };
        let mut f = Map::new();
        for (key, column) in [("id", "id"), ("label", "label")] {
            let v = get(column);
            if !v.is_empty() {
                f.insert(key.into(), json!(v));
            }
        }
        f.insert("value".into(), crate::num_json(value));
        f.insert("unit".into(), json!(get("unit")));
        for (key, column) in [("approx", "qualifier"), ("status", "status")] {
            let v = get(column);
            if !v.is_empty() {
                f.insert(key.into(), json!(v));
            }
        }
        f.insert("source".into(), json!(source));
        f.insert("as_of".into(), json!(get("as_of")));
        let quote = get("quote");
        if !quote.is_empty() {
            f.insert("quote".into(), json!(quote));
        }
        figures.push(Value::Object(f));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let sources: Vec<Value> =
        sources
            .into_iter()
            .map(|(id, name, url)| {
                if url.is_empty() {
                    json!({"id": id, "name": name})
                } else {
                    json!({"id": id, "name": name, "url": url})
                }
            })
            .collect();
    Ok(json!({"title": title, "sources": sources, "figures": figures}))
}

/// A cell as `table` wrote it: a leading apostrophe before a formula character is taken off (the
/// writer put it there); a cell that starts a formula without one is refused.
fn unescape(cell: &str) -> Result<String, String> {
    if let Some(rest) = cell.strip_prefix('\'') {
        if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            return Ok(rest.to_string());
        }
    }
    if cell.starts_with(['=', '+', '@']) || (cell.starts_with('-') && cell.parse::<f64>().is_err()) {
        let c = cell.chars().next().unwrap_or('=');
        return Err(format!(
            "starts with {c:?}, which a spreadsheet runs as a formula; write it as '{c}… to keep it as text"
        ));
    }
    Ok(cell.to_string())
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, byte: usize) -> usize {
    // A record's position may be the line break before it (after a CR): its line is the next one.
    let bytes = text.as_bytes();
    let mut at = byte.min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}
