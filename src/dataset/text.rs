//! The rules every text field follows: not blank, no forbidden characters, a length limit.

use super::error::{ErrorKind, ForbiddenKind};

/// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Text is isolated by the
/// renderer instead; data that carries its own overrides could reorder what a reader sees.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Unicode noncharacters: U+FDD0–U+FDEF and U+xFFFE, U+xFFFF in every plane.
pub fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// Characters that show nothing on their own. Text made only of these (and whitespace) is blank.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' // soft hyphen
                | '\u{034F}' // combining grapheme joiner
                | '\u{061C}' // arabic letter mark
                | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // hangul fillers
                | '\u{180E}' // mongolian vowel separator
                | '\u{200B}'..='\u{200F}' // zero-width space, joiners, LRM, RLM
                | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
                | '\u{2800}' // braille blank
                | '\u{FEFF}' // zero-width no-break space
        )
}

/// Which forbidden class `c` belongs to, if any.
pub fn forbidden(c: char) -> Option<ForbiddenKind> {
    if c.is_control() && c != '\t' && c != '\n' {
        Some(ForbiddenKind::Control)
    } else if is_bidi_control(c) {
        Some(ForbiddenKind::Bidi)
    } else if is_noncharacter(c) {
        Some(ForbiddenKind::Noncharacter)
    } else {
        None
    }
}

/// Checks a text value against the rules; returns every problem (at most one of each kind).
pub fn check(s: &str, max_chars: usize) -> Vec<ErrorKind> {
    let mut problems = Vec::new();
    if s.chars().all(is_invisible) {
        problems.push(ErrorKind::Blank);
    }
    let len = s.chars().count();
    if len > max_chars {
        problems.push(ErrorKind::TooLong { max: max_chars, len });
    }
    if let Some((i, c, kind)) = s.chars().enumerate().find_map(|(i, c)| forbidden(c).map(|k| (i, c, k))) {
        problems.push(ErrorKind::ForbiddenChar { kind, ch: c, position: i + 1 });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_noncharacter('\u{FFFE}') && is_noncharacter('\u{10FFFF}') && is_noncharacter('\u{FDD0}'));
        assert!(!is_noncharacter('\u{FFFD}'));
        assert_eq!(forbidden('\r'), Some(ForbiddenKind::Control));
        assert_eq!(forbidden('\u{85}'), Some(ForbiddenKind::Control));
        assert_eq!(forbidden('\t'), None);
        assert_eq!(forbidden('\u{2067}'), Some(ForbiddenKind::Bidi));
        assert_eq!(check("\u{200B} \u{FEFF}\u{3164}", 10), vec![ErrorKind::Blank]);
        assert!(check("שלום 33,207", 20).is_empty());
    }
}
