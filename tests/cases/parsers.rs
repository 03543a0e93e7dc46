//! The cases both parsers of `reported_figures::dataset::Parsers` must read alike: the native ones
//! (`tests/parsers.rs`) and the browser's (`tests/web_parsers.rs`).

/// What a parsed URL is: (href, scheme, whether a user name or password is present).
pub type Parsed = (&'static str, &'static str, bool);

/// A URL and what the WHATWG parser makes of it: `None` when it fails, else (href, scheme, whether a
/// user name or password is present).
pub const URLS: &[(&str, Option<Parsed>)] = &[
    ("https://example.com", Some(("https://example.com/", "https", false))),
    ("HTTPS://Example.COM/a b?q=1#f", Some(("https://example.com/a%20b?q=1#f", "https", false))),
    ("http://example.com:80/x", Some(("http://example.com/x", "http", false))),
    ("https://user:pw@example.com/", Some(("https://user:pw@example.com/", "https", true))),
    ("https://user@example.com/", Some(("https://user@example.com/", "https", true))),
    ("javascript:alert(1)", Some(("javascript:alert(1)", "javascript", false))),
    ("jav\tascript:alert(1)", Some(("javascript:alert(1)", "javascript", false))),
    ("data:text/html,<b>x</b>", Some(("data:text/html,<b>x</b>", "data", false))),
    ("https://r\u{0435}uters.com/", Some(("https://xn--ruters-3of.com/", "https", false))),
    ("https://例え.jp/", Some(("https://xn--r8jz45g.jp/", "https", false))),
    ("http://[::1]:8000/", Some(("http://[::1]:8000/", "http", false))),
    ("https://192.168.0.1/", Some(("https://192.168.0.1/", "https", false))),
    ("/about", None),
    ("example.com", None),
    ("https://exa mple.com/", None),
    ("https://", None),
    ("http://[::1/", None),
];

/// A JSON number literal and the `f64` it names (compared bit for bit; `1e400` is infinite).
pub const NUMBERS: &[(&str, f64)] = &[
    ("0", 0.0),
    ("-0", -0.0),
    ("33207", 33207.0),
    ("2300000", 2_300_000.0),
    ("0.1", 0.1),
    ("123456.789", 123456.789),
    ("9007199254740991", 9_007_199_254_740_991.0),
    ("9007199254740993", 9_007_199_254_740_992.0),
    ("1e400", f64::INFINITY),
    ("-1e400", f64::NEG_INFINITY),
    ("5e-324", 5e-324),
    ("1e-400", 0.0),
    ("1.7976931348623157e308", f64::MAX),
    ("2.5E+3", 2500.0),
    ("123456789012345678901234567890", 1.2345678901234568e29),
];

use reported_figures::dataset::Parsers;

/// Asserts that `parsers` reads every URL case as the standard does.
pub fn check_urls(parsers: &dyn Parsers) {
    for (input, want) in URLS {
        let got = parsers.url(input).map(|u| (u.href, u.scheme, u.has_credentials));
        let want = want.map(|(h, s, c)| (h.to_string(), s.to_string(), c));
        assert_eq!(got, want, "{input:?}");
    }
}

/// Asserts that `parsers` reads every number case as the nearest double, bit for bit.
pub fn check_numbers(parsers: &dyn Parsers) {
    for (literal, want) in NUMBERS {
        let got = parsers.number(literal).unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "{literal}: {got}");
    }
}
