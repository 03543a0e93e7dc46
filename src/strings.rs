//! Strings built without `core::fmt` and without the standard library's substring search: both are
//! several kilobytes of the reader's wasm for what the charts need, which is concatenation, `{key}`
//! patterns filled in, and decimal digits. Native-only code (messages, the tool) keeps `format!`.

/// The parts, one after the other.
pub fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// The items with `sep` between them.
pub fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// Whether `needle` occurs in `haystack`.
pub fn has(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || (n.len() <= h.len() && (0..=h.len() - n.len()).any(|i| h[i..].starts_with(n)))
}

/// `pattern` with every occurrence of `key` replaced by `value`, in one pass.
pub fn fill(pattern: &str, key: &str, value: &str) -> String {
    let (p, k) = (pattern.as_bytes(), key.as_bytes());
    let mut out = String::with_capacity(pattern.len() + value.len());
    let (mut i, mut start) = (0, 0);
    while i < p.len() {
        if !k.is_empty() && p[i..].starts_with(k) {
            // `key` is whole UTF-8, so `i` and `i + k.len()` are character boundaries.
            out.push_str(&pattern[start..i]);
            out.push_str(value);
            i += k.len();
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&pattern[start..]);
    out
}

/// An unsigned integer in decimal digits.
pub fn uint(mut v: u64) -> String {
    let mut digits = [0u8; 20];
    let mut n = 0;
    loop {
        digits[19 - n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    digits[20 - n..].iter().map(|&d| d as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_what_format_would() {
        assert_eq!(cat(&["a", "", "bc"]), "abc");
        assert_eq!(join(&["x", "y", "z"], "; "), "x; y; z");
        assert_eq!(join::<&str>(&[], ", "), "");
        assert_eq!(fill("about {} people", "{}", "40"), "about 40 people");
        assert_eq!(fill("{}–{}", "{}", "é"), "é–é");
        assert_eq!(fill("כ־{}", "{}", "33,207"), "כ־33,207");
        assert_eq!(fill("no key", "{}", "x"), "no key");
        assert!(has("ar-u-nu-latn", "-nu-latn") && !has("ar", "-u-") && has("x", ""));
        for v in [0u64, 7, 10, 33207, u64::MAX] {
            assert_eq!(uint(v), v.to_string());
        }
    }
}
