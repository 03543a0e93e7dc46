//! Where an error's JSON path points, checked against the input it came from: every step of the path
//! exists in the document, and the last one exists unless the error says that field is missing. Used
//! by the fuzz target `parse_validate` and by `tests/dataset_errors.rs`.

use reported_figures::dataset::json::Json;
use reported_figures::dataset::{DatasetError, ErrorKind};

/// One step of a path: a key (`.title`, `["odd key"]`; a key quoted shortened with "…" matches by
/// its prefix) or an index (`[3]`).
#[derive(Debug, PartialEq)]
pub enum Step {
    Key { key: String, prefix: bool },
    Index(usize),
}

/// The steps of a path such as `figures[2].value` or `figures[0]["odd \"key\""]`; `None` if the path
/// is not in that grammar. `(root)` has no steps.
pub fn steps(path: &str) -> Option<Vec<Step>> {
    if path == "(root)" {
        return Some(Vec::new());
    }
    let chars: Vec<char> = path.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '.' if !out.is_empty() => i += 1,
            '[' if chars.get(i + 1) == Some(&'"') => {
                i += 2;
                let mut key = String::new();
                loop {
                    match *chars.get(i)? {
                        '"' => break,
                        '\\' => {
                            i += 1;
                            match *chars.get(i)? {
                                '"' => key.push('"'),
                                '\\' => key.push('\\'),
                                'n' => key.push('\n'),
                                't' => key.push('\t'),
                                'u' => {
                                    let hex: String = chars.get(i + 1..i + 5)?.iter().collect();
                                    key.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                                    i += 4;
                                }
                                _ => return None,
                            }
                        }
                        c => key.push(c),
                    }
                    i += 1;
                }
                if chars.get(i + 1) != Some(&']') {
                    return None;
                }
                i += 2;
                let prefix = key.ends_with('…');
                if prefix {
                    key.pop();
                }
                out.push(Step::Key { key, prefix });
                continue;
            }
            '[' => {
                let end = i + chars[i..].iter().position(|&c| c == ']')?;
                out.push(Step::Index(chars[i + 1..end].iter().collect::<String>().parse().ok()?));
                i = end + 1;
                continue;
            }
            _ => {}
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        if i == start {
            return None;
        }
        out.push(Step::Key { key: chars[start..i].iter().collect(), prefix: false });
    }
    Some(out)
}

/// The values a step reaches from `j`. Validation reads the first of a repeated key, so a path leads
/// through the first one; the repeated-key check walks every one (`every`).
fn step<'a>(j: &'a Json, s: &Step, every: bool) -> Vec<&'a Json> {
    match (j, s) {
        (Json::Object(members), Step::Key { key, prefix }) => members
            .iter()
            .filter(|(k, _)| if *prefix { k.starts_with(key.as_str()) } else { k == key })
            .take(if every { usize::MAX } else { 1 })
            .map(|(_, v)| v)
            .collect(),
        (Json::Array(items), Step::Index(i)) => items.get(*i).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Why an error's path does not point into `tree`, or `None` when it does.
pub fn check(tree: &Json, e: &DatasetError) -> Option<String> {
    let Some(steps) = steps(&e.path) else { return Some(format!("{}: not a path", e.path)) };
    // `(root)` has no steps: it points at the whole document.
    let (last, parents) = steps.split_last()?;
    let every = matches!(e.kind, ErrorKind::DuplicateKey { .. });
    let mut here = vec![tree];
    for s in parents {
        here = here.iter().flat_map(|j| step(j, s, every)).collect();
        if here.is_empty() {
            return Some(format!("{}: {s:?} is not in the input", e.path));
        }
    }
    let found = here.iter().any(|j| !step(j, last, every).is_empty());
    match (&e.kind, found) {
        (ErrorKind::Missing, true) => Some(format!("{}: reported missing, but it is there", e.path)),
        (ErrorKind::Missing, false) => None,
        (_, false) => Some(format!("{}: {last:?} is not in the input", e.path)),
        (_, true) => None,
    }
}
