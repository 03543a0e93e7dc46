//! URLs parsed as the WHATWG URL standard says: natively by the `url` crate, in the browser by the
//! browser's own `URL` (the same standard, and none of the crate's Unicode tables in the widget).

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

/// Parses an absolute URL; `None` when the standard's parser fails.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(s: &str) -> Option<ParsedUrl> {
    let u = url::Url::parse(s).ok()?;
    Some(ParsedUrl {
        scheme: u.scheme().to_string(),
        has_credentials: !u.username().is_empty() || u.password().is_some(),
        href: u.into(),
    })
}

/// Parses an absolute URL; `None` when the standard's parser fails.
#[cfg(target_arch = "wasm32")]
pub fn parse(s: &str) -> Option<ParsedUrl> {
    let u = web_sys::Url::new(s).ok()?;
    let protocol = u.protocol();
    Some(ParsedUrl {
        scheme: protocol.trim_end_matches(':').to_string(),
        has_credentials: !u.username().is_empty() || !u.password().is_empty(),
        href: u.href(),
    })
}
