//! What validation needs from the platform, passed in as [`TextMeasure`](crate::chart::TextMeasure)
//! is for layout: the WHATWG URL parser, and the conversion of a JSON number literal to the nearest
//! `f64`. [`NativeParsers`] uses the `url` crate and Rust's own float parsing; in the browser
//! `web::BrowserParsers` uses the browser's `URL` and `parseFloat` (the same standards, without the
//! crates' Unicode and decimal tables in the widget). Both are tested with the same cases.

/// What validation needs to know about a parsed URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The serialisation (`href`), normalised: `HTTPS://Example.COM` → `https://example.com/`.
    pub href: String,
    /// The scheme without its colon, lower-case.
    pub scheme: String,
    /// Whether a user name or password is present.
    pub has_credentials: bool,
}

/// The parsers validation runs text through.
pub trait Parsers {
    /// Parses an absolute URL as the WHATWG URL standard does; `None` when its parser fails.
    fn url(&self, s: &str) -> Option<ParsedUrl>;
    /// A JSON number literal (already checked against the JSON grammar) as the nearest `f64`;
    /// `1e400` is infinite. `None` only if the literal cannot be read at all.
    fn number(&self, literal: &str) -> Option<f64>;
}

/// The parsers of native builds: the `url` crate and Rust's float parsing.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct NativeParsers;

#[cfg(not(target_arch = "wasm32"))]
impl Parsers for NativeParsers {
    fn url(&self, s: &str) -> Option<ParsedUrl> {
        let u = url::Url::parse(s).ok()?;
        Some(ParsedUrl {
            scheme: u.scheme().to_string(),
            has_credentials: !u.username().is_empty() || u.password().is_some(),
            href: u.into(),
        })
    }

    fn number(&self, literal: &str) -> Option<f64> {
        literal.parse().ok()
    }
}
