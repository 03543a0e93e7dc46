//! Where each problem is in the text: the 1-based line and column (in characters) that compilers and
//! linters print (`data.json:14:18: figures[2].value: …`), so that editors and terminals jump to it.
//!
//! The tree validation works on keeps no positions (the browser's validator does not need them), so
//! the text is scanned a second time here, for the offset of every value and every key, in the same
//! order as [`json::parse`](super::json::parse) builds its tree. Native only (the command-line tool).

use super::error::{DatasetError, ErrorKind, ROOT};
use super::json::{self, Json};
use super::validate::{index_path, key_path};
use std::collections::HashMap;

/// A place in the text: 1-based line, and 1-based column counted in characters (Unicode scalar
/// values), as editors count them. Lines end at `\n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column within the line, in characters, from 1.
    pub column: usize,
}

/// The place of each error in `input` (the bytes validation was given), in the errors' order:
/// - a value's problem: the value's first character (the `"` of a string, the `[` of an array…);
/// - a repeated key: that occurrence of the key (its opening `"`);
/// - a missing field: the `{` of the object it is missing from;
/// - a syntax error: where the parser stopped; text that is not UTF-8: its first invalid byte;
/// - the whole document (too large, or its root is wrong): the first character of the document.
pub fn locate(input: &[u8], errors: &[DatasetError]) -> Vec<Position> {
    if errors.iter().any(|e| matches!(e.kind, ErrorKind::TooLarge { .. })) {
        // Refused unread: the document as a whole.
        return errors.iter().map(|_| Position { line: 1, column: 1 }).collect();
    }
    let bom = if input.starts_with("\u{FEFF}".as_bytes()) { 3 } else { 0 };
    let text = match std::str::from_utf8(&input[bom..]) {
        Ok(t) => t,
        Err(e) => {
            // Only one error is possible then (validation stops there); the prefix before it is text.
            let valid = std::str::from_utf8(&input[bom..bom + e.valid_up_to()]).unwrap_or_default();
            let at = position(valid, valid.len());
            return errors.iter().map(|_| at).collect();
        }
    };
    // Only text the parser accepted is scanned (it refused nesting deeper than 128).
    let places = match json::parse(text).ok().and_then(|tree| Some((tree, scan(text)?))) {
        Some((tree, pos)) => {
            let mut places = Places::default();
            places.walk(&tree, &pos, "", None);
            places
        }
        None => Places::default(),
    };
    let start = text.len() - text.trim_start_matches([' ', '\t', '\n', '\r']).len();
    let mut repeats: HashMap<&str, usize> = HashMap::new();
    errors
        .iter()
        .map(|e| match &e.kind {
            ErrorKind::Syntax { line, column, .. } => syntax_position(text, *line, *column),
            ErrorKind::DuplicateKey { .. } => {
                let n = repeats.entry(&e.path).or_insert(0);
                *n += 1;
                let at = places.keys.get(e.path.as_str()).and_then(|k| k.get(*n)).copied();
                position(text, at.unwrap_or_else(|| places.nearest(&e.path, start)))
            }
            ErrorKind::Missing => position(text, places.nearest(parent(&e.path), start)),
            _ if e.path == ROOT => position(text, start),
            _ => position(text, places.nearest(&e.path, start)),
        })
        .collect()
}

/// The path of the object a missing field belongs in: `figures[2].value` → `figures[2]`, `title` → the
/// root. Required fields are plain names, so the last `.name` is the field.
fn parent(path: &str) -> &str {
    match path.rfind('.') {
        Some(i) if !path[i..].contains([']', '"']) => &path[..i],
        Some(_) => path,
        None if path.contains('[') => path,
        None => "",
    }
}

/// Byte offsets of every value (the first occurrence of a path, as validation reads it) and of every
/// occurrence of every key.
#[derive(Default)]
struct Places {
    values: HashMap<String, usize>,
    keys: HashMap<String, Vec<usize>>,
}

impl Places {
    fn walk(&mut self, j: &Json, pos: &Pos, path: &str, key: Option<usize>) {
        if let Some(k) = key {
            self.keys.entry(path.to_string()).or_default().push(k);
        }
        self.values.entry(path.to_string()).or_insert(pos.start);
        match (j, &pos.inner) {
            (Json::Object(members), Inner::Object(spots)) => {
                for ((k, v), (key_at, p)) in members.iter().zip(spots) {
                    self.walk(v, p, &key_path(path, k), Some(*key_at));
                }
            }
            (Json::Array(items), Inner::Array(spots)) => {
                for (i, (v, p)) in items.iter().zip(spots).enumerate() {
                    self.walk(v, p, &index_path(path, i), None);
                }
            }
            _ => {}
        }
    }

    /// The offset of `path`'s value, or of the nearest enclosing value the text has, or `start`.
    fn nearest(&self, path: &str, start: usize) -> usize {
        let path = if path == ROOT { "" } else { path };
        if let Some(&at) = self.values.get(path) {
            return at;
        }
        // Cut the path at each `.` or `[` from the end until a prefix names a value.
        path.char_indices()
            .rev()
            .filter(|&(_, c)| c == '.' || c == '[')
            .find_map(|(i, _)| self.values.get(&path[..i]).copied())
            .or_else(|| self.values.get("").copied())
            .unwrap_or(start)
    }
}

/// serde_json reports a syntax error's line and its column in bytes; the column is counted again in
/// characters.
fn syntax_position(text: &str, line: usize, column: usize) -> Position {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut bytes = column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(bytes) {
        bytes -= 1;
    }
    Position { line: line.max(1), column: line_text[..bytes].chars().count() + 1 }
}

/// The line and column of a byte offset.
fn position(text: &str, offset: usize) -> Position {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
}

/// A value's offset and, for arrays and objects, its items' (with each key's offset).
struct Pos {
    start: usize,
    inner: Inner,
}

enum Inner {
    Scalar,
    Array(Vec<Pos>),
    Object(Vec<(usize, Pos)>),
}

/// Scans text that [`json::parse`] accepted for the offset of every value and key. `None` if the
/// text is not what was expected (it cannot be, for text the parser accepted).
fn scan(text: &str) -> Option<Pos> {
    let mut s = Scanner { b: text.as_bytes(), i: 0 };
    let pos = s.value()?;
    s.ws();
    (s.i == s.b.len()).then_some(pos)
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let hit = self.b.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }

    /// Skips a string whose opening quote is at `self.i`.
    fn string(&mut self) -> Option<()> {
        self.i += 1;
        loop {
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(());
                }
                b'\\' => self.i += 2,
                _ => self.i += 1,
            }
        }
    }

    /// The nesting is at most 128 deep: the parser refused deeper text before this runs.
    fn value(&mut self) -> Option<Pos> {
        self.ws();
        let start = self.i;
        let inner = match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.ws();
                        let key = self.i;
                        (self.b.get(self.i) == Some(&b'"')).then_some(())?;
                        self.string()?;
                        self.eat(b':').then_some(())?;
                        members.push((key, self.value()?));
                        if self.eat(b'}') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                Inner::Object(members)
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                Inner::Array(items)
            }
            b'"' => {
                self.string()?;
                Inner::Scalar
            }
            _ => {
                while !matches!(self.b.get(self.i), None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')) {
                    self.i += 1;
                }
                (self.i > start).then_some(())?;
                Inner::Scalar
            }
        };
        Some(Pos { start, inner })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &str, kind: ErrorKind) -> (usize, usize) {
        let p = locate(text.as_bytes(), &[DatasetError::new(path, kind)])[0];
        (p.line, p.column)
    }

    #[test]
    fn values_keys_and_objects_are_found_by_path() {
        let text = "{\n  \"a\": [1, {\"b\": \"é\", \"c\": 2}],\n  \"x\": true, \"x\": false\n}";
        assert_eq!(at(text, "a[1].c", ErrorKind::Blank), (2, 28));
        assert_eq!(at(text, "a[0]", ErrorKind::Blank), (2, 9));
        assert_eq!(at(text, "a[1].d", ErrorKind::Missing), (2, 12));
        assert_eq!(at(text, "x", ErrorKind::DuplicateKey { key: "x".into() }), (3, 14));
        assert_eq!(at(text, "x", ErrorKind::Blank), (3, 8));
        assert_eq!(at(text, "title", ErrorKind::Missing), (1, 1));
        // A path the text does not have points at the nearest enclosing value.
        assert_eq!(at(text, "a[1].b[3]", ErrorKind::Blank), (2, 18));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // Two-byte and four-byte characters before the value count as one column each.
        let text = "{\"é😀\": 1, \"k\": 2}";
        assert_eq!(at(text, "k", ErrorKind::Blank), (1, 16));
        let bad = "{\"é😀\": 1, }";
        let p = locate(
            bad.as_bytes(),
            &crate::dataset::validate(bad, crate::dataset::Date { year: 2024, month: 1, day: 1 }).unwrap_err(),
        );
        assert_eq!((p[0].line, p[0].column), (1, 11));
    }

    #[test]
    fn a_byte_order_mark_and_invalid_utf8_are_placed_as_editors_show_them() {
        assert_eq!(at("\u{FEFF}{\"k\": 2}", "k", ErrorKind::Blank), (1, 7));
        let p = locate(b"{\n\"k\": \"a\xff\"}", &[DatasetError::new(ROOT, ErrorKind::NotUtf8 { offset: 9 })]);
        assert_eq!((p[0].line, p[0].column), (2, 8));
    }
}
