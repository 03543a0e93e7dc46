//! BCP 47 language tags: well-formedness (RFC 5646 §2.1) and the writing direction they imply.

/// Irregular grandfathered tags (RFC 5646 §2.2.8), which do not follow the grammar but are valid.
const IRREGULAR: &[&str] = &[
    "en-gb-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-be-fr",
    "sgn-be-nl",
    "sgn-ch-de",
];

fn alpha(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
}
fn alnum(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether a tag looks like a language tag: 1 to 35 ASCII letters, digits and hyphens, starting with
/// a letter. What the chart accepts from an embedding page's `lang` attribute (validation of datasets
/// checks full BCP 47 well-formedness with [`is_well_formed`]); cheap, for the reader's module.
pub fn is_plausible(tag: &str) -> bool {
    (1..=35).contains(&tag.len())
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether `tag` is a well-formed BCP 47 language tag (case-insensitive), for example `en`, `pt-BR`,
/// `zh-Hant-TW`, `ar-EG`, `sr-Latn-RS`, `de-CH-1996`, `en-x-reuters`.
pub fn is_well_formed(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    if IRREGULAR.contains(&lower.as_str()) {
        return true;
    }
    let parts: Vec<&str> = lower.split('-').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    // Private-use-only tag: x-…
    if parts[0] == "x" {
        return parts.len() > 1 && parts[1..].iter().all(|p| alnum(p, 1, 8));
    }
    // language
    let first = parts[0];
    let mut i;
    if alpha(first, 2, 3) {
        i = 1;
        // up to three extlang subtags
        let mut ext = 0;
        while ext < 3 && i < parts.len() && alpha(parts[i], 3, 3) {
            i += 1;
            ext += 1;
        }
    } else if alpha(first, 4, 8) {
        i = 1;
    } else {
        return false;
    }
    if i < parts.len() && alpha(parts[i], 4, 4) {
        i += 1; // script
    }
    if i < parts.len()
        && (alpha(parts[i], 2, 2) || (parts[i].len() == 3 && parts[i].bytes().all(|b| b.is_ascii_digit())))
    {
        i += 1; // region
    }
    let mut variants: Vec<&str> = Vec::new();
    while i < parts.len() {
        let p = parts[i];
        let is_variant = alnum(p, 5, 8) || (p.len() == 4 && p.as_bytes()[0].is_ascii_digit() && alnum(p, 4, 4));
        if !is_variant {
            break;
        }
        if variants.contains(&p) {
            return false; // a repeated variant is not well-formed
        }
        variants.push(p);
        i += 1;
    }
    let mut singletons: Vec<&str> = Vec::new();
    while i < parts.len() {
        let p = parts[i];
        if p == "x" {
            return i + 1 < parts.len() && parts[i + 1..].iter().all(|q| alnum(q, 1, 8));
        }
        if p.len() != 1 || !alnum(p, 1, 1) || singletons.contains(&p) {
            return false;
        }
        singletons.push(p);
        i += 1;
        let start = i;
        while i < parts.len() && alnum(parts[i], 2, 8) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    true
}

/// Scripts written right to left (ISO 15924 codes, lower-case).
const RTL_SCRIPTS: &[&str] = &["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr", "mend", "yezi"];
/// Languages whose default script is written right to left.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "mzn", "pnb", "ps", "sd", "syr", "ug", "ur", "yi", "lrc", "glk", "azb",
];

/// Whether text in `tag` is written right to left. A script subtag decides when present
/// (`az-Arab` is right to left, `ug-Latn` is not); otherwise the language's default script does.
pub fn is_rtl(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('-').collect();
    if let Some(script) = parts.iter().skip(1).take_while(|p| p.len() != 1).find(|p| alpha(p, 4, 4)) {
        return RTL_SCRIPTS.contains(script);
    }
    RTL_LANGUAGES.contains(&parts[0])
}

/// The primary language subtag, lower-case (`pt` for `pt-BR`).
pub fn primary(tag: &str) -> String {
    tag.split('-').next().unwrap_or("").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags() {
        for ok in [
            "en",
            "EN",
            "pt-BR",
            "zh-Hant-TW",
            "sr-Latn-RS",
            "de-CH-1996",
            "es-419",
            "ar",
            "he-IL",
            "en-x-reuters",
            "x-private",
            "i-klingon",
            "zh-yue-HK",
            "en-US-u-nu-latn",
            "sl-rozaj-biske",
            "fil",
        ] {
            assert!(is_well_formed(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english!",
            "en_US",
            "en-",
            "-en",
            "en--us",
            "123",
            "en-US-x",
            "de-1996-1996",
            "en-a-b-c",
            "toolonglanguage",
            "en-u",
        ] {
            assert!(!is_well_formed(bad), "{bad}");
        }
    }

    #[test]
    fn direction() {
        assert!(is_rtl("ar") && is_rtl("he-IL") && is_rtl("fa") && is_rtl("az-Arab") && is_rtl("ar-EG"));
        assert!(!is_rtl("en") && !is_rtl("ug-Latn") && !is_rtl("fr-CA"));
    }
}
