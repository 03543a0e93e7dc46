//! The browser's parsers for validation: its own WHATWG `URL` and `parseFloat`, so the widget carries
//! neither the `url` crate's Unicode tables nor Rust's decimal-to-float tables. Tested in
//! `tests/web_parsers.rs` with the same cases as the native parsers.

use crate::dataset::{ParsedUrl, Parsers};

/// URLs and numbers as this browser reads them.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserParsers;

impl Parsers for BrowserParsers {
    fn url(&self, s: &str) -> Option<ParsedUrl> {
        let u = web_sys::Url::new(s).ok()?;
        // Chromium percent-encodes some code points the standard forbids in a domain ("exa mple.com"
        // becomes "exa%20mple.com") instead of failing; the standard's parser (and the url crate)
        // fail, and so does this one.
        let host = u.hostname();
        let forbidden = |c: char| c <= ' ' || c == '\u{7F}' || "#%/:<>?@[\\]^|".contains(c);
        if !host.starts_with('[') && host.chars().any(forbidden) {
            return None;
        }
        let protocol = u.protocol();
        Some(ParsedUrl {
            scheme: protocol.trim_end_matches(':').to_string(),
            has_credentials: !u.username().is_empty() || !u.password().is_empty(),
            href: u.href(),
        })
    }

    fn number(&self, literal: &str) -> Option<f64> {
        // The JSON number grammar, which serde_json has checked, is read in full by parseFloat.
        let v = js_sys::Number::parse_float(literal);
        (!v.is_nan()).then_some(v)
    }
}
