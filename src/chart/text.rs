//! Measuring, wrapping and shortening text. Layout measures text only through [`TextMeasure`]: a fixed
//! metric table natively ([`MetricTable`]), the browser's canvas `measureText` in the wasm layer.

use unicode_segmentation::UnicodeSegmentation;

/// The font family of every text in a chart. Arial's metrics (which Liberation Sans and Helvetica
/// share) are what [`MetricTable`] holds, so native layouts match what browsers draw.
pub const FAMILY: &str = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/// How far below a line's vertical middle its alphabetic baseline lies, as a share of the font size:
/// Arial's (and Liberation Sans'), as browsers place a canvas text drawn with `textBaseline = 'middle'`
/// (measured in Chromium 156 and Firefox 153: 3.58 px at 13 px). The canvas and the page's pictures
/// both draw text on its alphabetic baseline this far down, so that they place it identically.
pub const MIDDLE_TO_BASELINE: f64 = 0.2757;

/// A font size in CSS pixels, regular or bold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in CSS pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
}

impl Font {
    /// A regular font of `size` CSS pixels.
    pub const fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }
    /// A bold font of `size` CSS pixels.
    pub const fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }
    /// The height of one line of this font in a chart.
    pub fn line_height(self) -> f64 {
        (self.size * 1.3).round()
    }
    /// The CSS `font` shorthand, as the canvas wants it.
    pub fn css(self) -> String {
        crate::strings::cat(&[if self.bold { "bold " } else { "" }, &crate::num::px(self.size), " ", FAMILY])
    }
}

/// The platform's text services that layout needs: measuring a line, and finding grapheme clusters
/// (so that text is never cut inside an emoji sequence or between a letter and its accents).
/// Natively [`MetricTable`] (with the `unicode-segmentation` crate); in the browser the canvas's
/// `measureText` and `Intl.Segmenter`, so the widget carries no Unicode tables of its own.
pub trait TextMeasure {
    /// The advance width of one line of text, in CSS pixels.
    fn width(&self, text: &str, font: Font) -> f64;
    /// The byte offset where each grapheme cluster of `text` starts (the first is 0; empty for "").
    fn graphemes(&self, text: &str) -> Vec<usize>;
}

/// Widths from a fixed table ([`metric_width`]): Arial/Helvetica advance widths (per 1000 em) for
/// ASCII and per-script averages elsewhere, with combining marks and emoji sequences counted once;
/// grapheme clusters from the `unicode-segmentation` crate. Deterministic, so native layouts and
/// golden files never depend on installed fonts.
#[derive(Debug, Clone, Copy, Default)]
pub struct MetricTable;

#[rustfmt::skip]
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p-z { | } ~
];

#[rustfmt::skip]
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Whether `c` continues the character before it in one glyph cluster, adding no width: a combining
/// mark (the main combining blocks of Latin, Greek, Cyrillic, Hebrew, Arabic, Thai and Devanagari), a
/// variation selector, a skin-tone modifier, a zero-width joiner or the character after one, or the
/// second regional indicator of a flag. Width is summed per character with this rule (no grapheme
/// tables), so that natively and in the browser text measures exactly the same.
fn continues(prev: Option<char>, c: char) -> bool {
    let u = c as u32;
    let after_zwj = prev == Some('\u{200D}');
    let flag_pair = (0x1F1E6..=0x1F1FF).contains(&u) && prev.is_some_and(|p| (0x1F1E6..=0x1F1FF).contains(&(p as u32)));
    after_zwj
        || flag_pair
        || matches!(u,
            0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x5BF | 0x5C1..=0x5C2 | 0x5C4..=0x5C5 | 0x5C7
            | 0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6DC | 0x6DF..=0x6E4 | 0x6E7..=0x6E8
            | 0x6EA..=0x6ED | 0x900..=0x903 | 0x93A..=0x94F | 0x951..=0x957 | 0x962..=0x963 | 0xE31
            | 0xE34..=0xE3A | 0xE47..=0xE4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200D | 0x20D0..=0x20FF
            | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// Whether a character is a capital of the Latin, Greek or Cyrillic alphabets (by code point ranges:
/// Unicode's case tables would be kilobytes of the widget for a width estimate).
fn is_capital(u: u32) -> bool {
    match u {
        0xC0..=0xDE => u != 0xD7,
        // Latin Extended-A and -B pair capitals (even) with small letters (odd), with a few exceptions
        // an estimate can ignore.
        0x100..=0x17F => u % 2 == 0 && u != 0x138,
        0x391..=0x3A9 | 0x400..=0x42F | 0x1E00..=0x1EFF if u % 2 == 0 || u < 0x430 => true,
        _ => false,
    }
}

/// Width of one character that starts a cluster, in thousandths of an em.
fn char_width(c: char, bold: bool) -> f64 {
    let u = c as u32;
    let w = match u {
        0x20..=0x7E => (if bold { BOLD } else { REGULAR })[(u - 0x20) as usize],
        0xA0 => 278,
        0x2009 | 0x202F => 170,
        0x2018 | 0x2019 | 0x201A | 0x2032 => 222,
        0x201C..=0x201E | 0x2033 => 333,
        0x2013 | 0x2212 => 556,
        0x2014 | 0x2026 => 1000,
        0xB7 | 0x2022 => 350,
        0x660..=0x669 | 0x6F0..=0x6F9 => 556,
        0x66B | 0x66C | 0x60C | 0x5BE => 278,
        0x590..=0x5FF => 600,
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 520,
        // Emoji (pictographs, symbols, dingbats, flags): one glyph each.
        0x1F000..=0x1FAFF | 0x2600..=0x27BF => 1200,
        0x1100..=0x11FF | 0x2E80..=0xA4CF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFF60 => 1000,
        _ if crate::dataset::text::is_invisible(c) && !c.is_whitespace() => 0,
        _ if c.is_whitespace() => 278,
        _ if is_capital(u) => 722,
        // Letters of other scripts, symbols and signs: an average glyph.
        _ => 556,
    };
    f64::from(w) * if bold && u > 0x7E { 1.05 } else { 1.0 }
}

/// The advance width of a line of text in `font`, from Arial's metrics: the same in native builds
/// and in the browser, so that a chart laid out for a pre-rendered picture and for the canvas is one
/// and the same layout.
pub fn metric_width(text: &str, font: Font) -> f64 {
    let mut prev = None;
    let mut units = 0.0;
    for c in text.chars() {
        if !continues(prev, c) {
            units += char_width(c, font.bold);
        }
        prev = Some(c);
    }
    units * font.size / 1000.0
}

impl TextMeasure for MetricTable {
    fn width(&self, text: &str, font: Font) -> f64 {
        metric_width(text, font)
    }
    fn graphemes(&self, text: &str) -> Vec<usize> {
        text.grapheme_indices(true).map(|(i, _)| i).collect()
    }
}

/// Text broken into lines that each fit a width.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    /// Whether text was cut (with "…") to respect the line limit or the width.
    pub shortened: bool,
}

/// A piece of text between break opportunities, and whether a space preceded it.
struct Token<'a> {
    text: &'a str,
    space_before: bool,
}

/// Break opportunities: at spaces (which are dropped) and after hyphens, slashes and dashes (which
/// stay on the first line). No-break spaces never break.
fn tokens(paragraph: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for (i, word) in paragraph.split(' ').enumerate() {
        if word.is_empty() {
            continue;
        }
        let mut start = 0;
        let mut first = true;
        for (j, c) in word.char_indices() {
            let end = j + c.len_utf8();
            if matches!(c, '-' | '/' | '\u{2013}' | '\u{2014}') && end < word.len() && j > start {
                out.push(Token { text: &word[start..end], space_before: first && i > 0 });
                first = false;
                start = end;
            }
        }
        out.push(Token { text: &word[start..], space_before: first && i > 0 });
    }
    if let Some(t) = out.first_mut() {
        t.space_before = false;
    }
    out
}

/// The longest prefix of `text`, cut at a grapheme boundary, that fits `max` with "…" appended.
/// Never splits a grapheme cluster (an emoji sequence, a letter with its combining marks).
pub fn ellipsize(text: &str, font: Font, max: f64, m: &dyn TextMeasure) -> String {
    let bounds: Vec<usize> = m.graphemes(text).into_iter().chain([text.len()]).collect();
    let with_ellipsis = |n: usize| crate::strings::cat(&[text[..bounds[n]].trim_end(), "…"]);
    let fits = |n: usize| m.width(&with_ellipsis(n), font) <= max;
    // Binary search on the number of graphemes kept.
    let (mut lo, mut hi) = (0usize, bounds.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    with_ellipsis(lo)
}

/// `text` if it fits `max`, else [`ellipsize`]d.
pub fn shorten(text: &str, font: Font, max: f64, m: &dyn TextMeasure) -> String {
    if m.width(text, font) <= max {
        text.to_string()
    } else {
        ellipsize(text, font, max, m)
    }
}

/// Every line of one paragraph, greedily filled.
fn wrap_paragraph(paragraph: &str, font: Font, max: f64, m: &dyn TextMeasure) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for token in tokens(paragraph) {
        let candidate = match (line.is_empty(), token.space_before) {
            (true, _) => token.text.to_string(),
            (false, true) => crate::strings::cat(&[&line, " ", token.text]),
            (false, false) => crate::strings::cat(&[&line, token.text]),
        };
        if m.width(&candidate, font) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The token starts a line; a token too wide for a whole line is broken between graphemes.
        let mut rest = token.text;
        while m.width(rest, font) > max {
            let bounds: Vec<usize> = m.graphemes(rest).into_iter().skip(1).collect();
            let Some(&first) = bounds.first() else { break };
            let cut = bounds.iter().rev().copied().find(|&b| m.width(&rest[..b], font) <= max).unwrap_or(first);
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        line = rest.to_string();
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Breaks text into at most `max_lines` lines no wider than `max`, at spaces and after hyphens, and
/// inside a word (at grapheme boundaries) only when the word alone is too wide. Newlines in the text
/// are kept as line breaks; tabs count as spaces. When the text needs more lines, the last kept line
/// ends with "…".
pub fn wrap(text: &str, font: Font, max: f64, max_lines: usize, m: &dyn TextMeasure) -> Wrapped {
    let text = text.replace('\t', " ");
    let mut lines: Vec<String> = text
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .flat_map(|p| wrap_paragraph(p, font, max, m))
        .collect();
    let mut shortened = false;
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        shortened = true;
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(last, font, max, m);
        }
    }
    for l in &mut lines {
        if m.width(l, font) > max {
            *l = ellipsize(l, font, max, m);
            shortened = true;
        }
    }
    Wrapped { lines, shortened }
}

#[cfg(test)]
mod tests {
    use super::*;
    const F: Font = Font::regular(10.0);

    #[test]
    fn arial_widths() {
        assert_eq!(MetricTable.width("Hello", Font::regular(1000.0)), 722.0 + 556.0 + 222.0 + 222.0 + 556.0);
        assert_eq!(MetricTable.width("e\u{301}", F), 5.56, "a combining accent adds nothing");
        assert_eq!(MetricTable.width("👩🏽‍⚕️", F), 12.0, "an emoji sequence is one glyph");
    }

    #[test]
    fn wraps_at_spaces_and_hyphens() {
        let w = wrap("Palestinians killed in Gaza", F, 70.0, 3, &MetricTable);
        assert_eq!(w.lines, ["Palestinians", "killed in Gaza"]);
        assert!(!w.shortened);
        let w = wrap("cross-border attack", F, 40.0, 3, &MetricTable);
        assert_eq!(w.lines, ["cross-", "border", "attack"]);
    }

    #[test]
    fn shortens_at_grapheme_boundaries() {
        let w = wrap("one two three four five six", F, 40.0, 2, &MetricTable);
        assert_eq!(w.lines.len(), 2);
        assert!(w.shortened && w.lines[1].ends_with('…'), "{w:?}");
        let s = shorten("ééééééééééé👩🏽‍⚕️👩🏽‍⚕️👩🏽‍⚕️", F, 70.0, &MetricTable);
        assert!(s.ends_with('…') && MetricTable.width(&s, F) <= 70.0, "{s}");
        for g in s.trim_end_matches('…').graphemes(true) {
            assert!(g == "é" || g == "👩🏽‍⚕️", "{g:?}");
        }
    }

    #[test]
    fn breaks_a_long_word_between_graphemes() {
        let w = wrap("Supercalifragilisticexpialidocious", F, 50.0, 5, &MetricTable);
        assert!(w.lines.len() > 1 && w.lines.iter().all(|l| MetricTable.width(l, F) <= 50.0), "{w:?}");
        assert_eq!(w.lines.concat(), "Supercalifragilisticexpialidocious");
    }
}
