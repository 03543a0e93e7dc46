//! JSON text → a tree that keeps what `serde_json::Value` would lose: repeated keys, key order, and the
//! exact text of every number (so that `1e400` or `-5` can be quoted back at its path).

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
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
    let value = TreeSeed.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
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

struct TreeSeed;

impl<'de> DeserializeSeed<'de> for TreeSeed {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        // Not reached with `arbitrary_precision`; written without float formatting all the same.
        Ok(Json::Number(crate::num::decimal(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(TreeSeed)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        // Keys and the number literal go through `TreeSeed` too: deserialising them as `String` would
        // link serde's type-mismatch messages, and with them the float formatting they print.
        while let Some(key) = map.next_key_seed(TreeSeed)? {
            let Json::String(key) = key else { return Err(de::Error::custom("key must be a string")) };
            if members.is_empty() && key == NUMBER_TOKEN {
                let Json::String(literal) = map.next_value_seed(TreeSeed)? else {
                    return Err(de::Error::custom("number literal must be a string"));
                };
                if map.next_key_seed(TreeSeed)?.is_none() {
                    return Ok(Json::Number(literal));
                }
                return Err(de::Error::custom("unexpected key after a number"));
            }
            let value = map.next_value_seed(TreeSeed)?;
            members.push((key, value));
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
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(parse(&text).is_err());
    }
}
