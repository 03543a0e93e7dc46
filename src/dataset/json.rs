//! JSON text → a tree that keeps what `serde_json::Value` would lose: repeated keys, key order, and the
//! exact text of every number (so that `1e400` or `-5` can be quoted back at its path).

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::{Cell, RefCell};
use std::fmt;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as its JSON literal, for example `"33207"` or `"1e400"`.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order, repeated keys included.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The JSON type as a message word: "a string", "an object", …
    pub fn type_name(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => b.to_string(),
            Json::Number(_) => "a number".into(),
            Json::String(_) => "a string".into(),
            Json::Array(_) => "an array".into(),
            Json::Object(_) => "an object".into(),
        }
    }
}

/// A JSON syntax error with its 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses JSON text. serde_json enforces the grammar (lone surrogates and trailing commas are errors)
/// and a nesting limit of 128, so no input can overflow the stack.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = TreeSeed(None).deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    value.map_err(|e| {
        let full = e.to_string();
        // serde_json appends " at line L column C"; we give the position in our own words.
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        SyntaxError { line: e.line(), column: e.column(), message }
    })
}

/// With serde_json's `arbitrary_precision` feature a number reaches a visitor as a one-entry map under
/// this key; it is how serde_json's own `Value` receives numbers.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The deepest nesting of a value that is not text (serde_json keeps its own limit, also 128).
pub const MAX_DEPTH: usize = 128;

/// A value that cannot become a JSON tree, at the path where reading it stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotJson {
    /// The JSON path of the value that could not be read, `""` for the whole value.
    pub path: String,
    /// What was wrong: nested too deep, too large, or a value JSON cannot hold.
    pub message: String,
}

/// Reads any serde data (a JavaScript object through serde-wasm-bindgen, a `serde_json::Value`) into
/// the same tree as [`parse`] makes from text, with the limits text has: at most [`MAX_DEPTH`] levels
/// (so a cyclic object ends in an error, not a crash) and at most `max_bytes` of JSON it would take to
/// write (so a huge array is refused part way). Numbers become their shortest decimal literal
/// (`NaN`, `Infinity` and `-Infinity` for the non-finite, which validation then refuses at their path).
pub fn from_deserializer<'de, D: Deserializer<'de>>(d: D, max_bytes: usize) -> Result<Json, NotJson> {
    let guard = Guard { depth: Cell::new(0), left: Cell::new(max_bytes), path: RefCell::new(String::new()) };
    TreeSeed(Some(&guard)).deserialize(d).map_err(|e| NotJson { path: guard.path.take(), message: e.to_string() })
}

/// The limits and the current path of a [`from_deserializer`] read.
struct Guard {
    depth: Cell<usize>,
    left: Cell<usize>,
    path: RefCell<String>,
}

impl Guard {
    /// Counts `bytes` of JSON text against the budget.
    fn spend<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        match self.left.get().checked_sub(bytes) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => Err(E::custom("is larger than a dataset may be (more than 1048576 bytes as JSON)")),
        }
    }
    fn enter<E: de::Error>(&self) -> Result<(), E> {
        self.depth.set(self.depth.get() + 1);
        if self.depth.get() > MAX_DEPTH {
            return Err(E::custom("is nested more than 128 levels deep (is the object cyclic?)"));
        }
        self.spend(2)
    }
    fn leave(&self) {
        self.depth.set(self.depth.get() - 1);
    }
    /// Runs `read` with `step` (`.key` or `[i]`) added to the path; the path keeps the step on error.
    fn at<T, E>(&self, step: Step<'_>, read: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        let len = self.path.borrow().len();
        {
            let mut p = self.path.borrow_mut();
            let joined = match step {
                Step::Key(k) => super::validate::key_path(&p, k),
                Step::Index(i) => super::validate::index_path(&p, i),
            };
            *p = joined;
        }
        let out = read()?;
        self.path.borrow_mut().truncate(len);
        Ok(out)
    }
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

struct TreeSeed<'g>(Option<&'g Guard>);

impl<'de> DeserializeSeed<'de> for TreeSeed<'_> {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(TreeVisitor(self.0))
    }
}

struct TreeVisitor<'g>(Option<&'g Guard>);

impl TreeVisitor<'_> {
    fn spend<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        self.0.map_or(Ok(()), |g| g.spend(bytes))
    }
    fn number<E: de::Error>(&self, literal: String) -> Result<Json, E> {
        self.spend(literal.len())?;
        Ok(Json::Number(literal))
    }
}

impl<'de> Visitor<'de> for TreeVisitor<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        self.spend(4)?;
        Ok(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        self.visit_unit()
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        self.spend(5)?;
        Ok(Json::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        self.number(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        self.number(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        // Not reached from text with `arbitrary_precision`; written without float formatting.
        let literal = match crate::num::decimal(v) {
            s if s == "inf" => "Infinity".into(),
            s if s == "-inf" => "-Infinity".into(),
            s => s,
        };
        self.number(literal)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        self.spend(v.len() + 2)?;
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        self.spend(v.len() + 2)?;
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let guard = self.0;
        let mut items = Vec::new();
        if let Some(g) = guard {
            g.enter()?;
            while let Some(item) = g.at(Step::Index(items.len()), || seq.next_element_seed(TreeSeed(guard)))? {
                g.spend(1)?;
                items.push(item);
            }
            g.leave();
            return Ok(Json::Array(items));
        }
        while let Some(item) = seq.next_element_seed(TreeSeed(None))? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let guard = self.0;
        if let Some(g) = guard {
            g.enter()?;
        }
        let mut members = Vec::new();
        // Keys and the number literal go through `TreeSeed` too: deserialising them as `String` would
        // link serde's type-mismatch messages, and with them the float formatting they print.
        while let Some(key) = map.next_key_seed(TreeSeed(guard))? {
            let Json::String(key) = key else { return Err(de::Error::custom("key must be a string")) };
            if members.is_empty() && key == NUMBER_TOKEN {
                let Json::String(literal) = map.next_value_seed(TreeSeed(guard))? else {
                    return Err(de::Error::custom("number literal must be a string"));
                };
                if map.next_key_seed(TreeSeed(guard))?.is_none() {
                    if let Some(g) = guard {
                        g.leave();
                    }
                    return Ok(Json::Number(literal));
                }
                return Err(de::Error::custom("unexpected key after a number"));
            }
            let value = match guard {
                Some(g) => g.at(Step::Key(&key), || map.next_value_seed(TreeSeed(guard)))?,
                None => map.next_value_seed(TreeSeed(None))?,
            };
            members.push((key, value));
        }
        if let Some(g) = guard {
            g.leave();
        }
        Ok(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_repeated_keys_and_number_literals() {
        let j = parse(r#"{"a": 1e400, "a": -5, "b": [0.10, null, true]}"#).unwrap();
        assert_eq!(
            j,
            Json::Object(vec![
                // serde_json spells the exponent's sign out; the number is the same.
                ("a".into(), Json::Number("1e+400".into())),
                ("a".into(), Json::Number("-5".into())),
                ("b".into(), Json::Array(vec![Json::Number("0.10".into()), Json::Null, Json::Bool(true)])),
            ])
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let e = parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1));
        assert_eq!(e.message, "trailing comma");
        let e = parse("{\"a\": \"\\ud800\\u0041\"}").unwrap_err();
        assert_eq!((e.line, e.column, e.message.as_str()), (1, 19, "lone leading surrogate in hex escape"));
    }

    #[test]
    fn any_serde_data_reads_into_the_same_tree_within_the_limits() {
        let text = r#"{"a": [1, 2.5, "x", null, true], "b": {"c": -3}}"#;
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(from_deserializer(&value, 1000).unwrap(), parse(text).unwrap());
        // Numbers do not count as levels: 200 of them side by side in 127 levels are read.
        let mut wide = serde_json::json!(vec![1; 200]);
        for _ in 0..126 {
            wide = serde_json::json!([wide]);
        }
        assert!(from_deserializer(&wide, 1 << 20).is_ok());
        // Too large, and too deep, at the path where reading stopped.
        let big = serde_json::json!({"figures": [{"label": "x".repeat(600)}, {"label": "y".repeat(600)}]});
        let e = from_deserializer(&big, 1000).unwrap_err();
        assert_eq!(e.path, "figures[1].label");
        assert!(e.message.starts_with("is larger than a dataset may be"), "{}", e.message);
        let mut deep = serde_json::json!(1);
        for _ in 0..200 {
            deep = serde_json::json!({"k": deep});
        }
        let e = from_deserializer(&deep, 1 << 20).unwrap_err();
        assert_eq!(e.path, format!("k{}", ".k".repeat(127)));
        assert!(e.message.contains("more than 128 levels"), "{}", e.message);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(parse(&text).is_err());
    }
}
