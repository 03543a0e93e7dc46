//! Numbers as reports write them: numerals with separators and decimals ("33,207", "2.3 million",
//! "38%", "$240 million"), number words ("one" to "ninety-nine", "a dozen", "one million"), fractions
//! ("half", "a third", "a quarter") and compounds ("17-year-old", "six-week"); and what is not a figure
//! (years, dates, times of day, ordinals, numbers inside names).

use super::words::{lower, Token};

/// A number found at tokens `start..end` (the qualifier, if any, comes before `start`).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: f64,
    pub start: usize,
    pub end: usize,
    /// A unit the number's own words give: "%", "dollars", "years" (from "17-year-old").
    pub unit: Option<String>,
    /// Whether it was written in words ("one", "half").
    pub words: bool,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const MONTHS: [&str; 23] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
];

/// Words that open a sentence before a number without naming anything: "In 2023", "Of 40", "All 12".
const SENTENCE_OPENERS: [&str; 24] = [
    "the", "a", "an", "in", "on", "at", "by", "of", "for", "since", "from", "after", "before", "with", "all",
    "another", "only", "to", "and", "but", "those", "these", "its", "their",
];

/// The value of a number word: "seven" → 7, "forty-two" → 42.
pub fn word_value(w: &str) -> Option<f64> {
    let w = lower(w);
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == w) {
        return Some(i as f64 * 10.0);
    }
    let (tens, unit) = w.split_once('-')?;
    let t = TENS.iter().position(|t| !t.is_empty() && *t == tens)?;
    let u = UNITS.iter().position(|u| *u == unit).filter(|&u| (1..10).contains(&u))?;
    Some((t * 10 + u) as f64)
}

/// A numeral: "33,207", "2.3", "600" (separators in groups of three only). The number and whether it
/// had separators or decimals.
pub fn numeral(s: &str) -> Option<(f64, bool)> {
    if s.is_empty() || !s.bytes().next()?.is_ascii_digit() {
        return None;
    }
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (w, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    if groups.iter().any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
        || (groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)))
    {
        return None;
    }
    let digits: String = groups.concat();
    let mut v: f64 = digits.parse().ok()?;
    if let Some(f) = frac {
        v += f.parse::<f64>().ok()? / 10f64.powi(f.len() as i32);
    }
    Some((v, groups.len() > 1 || frac.is_some()))
}

fn scale(w: &str) -> Option<f64> {
    match lower(w).as_str() {
        "thousand" => Some(1e3),
        "million" | "millions" | "mln" => Some(1e6),
        "billion" | "billions" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

fn currency(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("dollars"),
        '£' => Some("pounds"),
        '€' => Some("euros"),
        _ => None,
    }
}

/// A plural for a singular time or count word ("year" → "years").
pub fn plural(w: &str) -> String {
    let w = lower(w);
    if w.ends_with('s') {
        w
    } else if w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") && !w.ends_with("oy") {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with("ch") || w.ends_with("sh") || w.ends_with('x') {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

fn is_month(w: &str) -> bool {
    let w = lower(w.trim_end_matches('.'));
    MONTHS.contains(&w.as_str())
}

/// The number starting at token `i`, if there is one and it is a figure.
pub fn at(tokens: &[Token], i: usize) -> Option<Found> {
    let t = &tokens[i];
    let word = t.word;
    let next = tokens.get(i + 1);
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    // "a dozen", "a third", "a quarter", "half".
    let lw = lower(word);
    let fraction: Option<f64> = match lw.as_str() {
        "half" => Some(50.0),
        "third" if prev.is_some_and(|p| lower(p.word) == "a" || lower(p.word) == "one") => Some(100.0 / 3.0),
        "quarter" if prev.is_some_and(|p| lower(p.word) == "a" || lower(p.word) == "one") => Some(25.0),
        _ => None,
    };
    if let Some(v) = fraction {
        // A share of something: "half of its hostages", "nearly half the population".
        if next.is_some_and(|n| matches!(lower(n.word).as_str(), "of" | "the")) && t.punct_after.is_none() {
            let start = if lw == "half" { i } else { i - 1 };
            return Some(Found {
                value: (v * 100.0).round() / 100.0,
                start,
                end: i + 1,
                unit: Some("%".into()),
                words: true,
            });
        }
        return None;
    }
    if lw == "dozen" && prev.is_some_and(|p| lower(p.word) == "a") && t.punct_after.is_none() {
        return Some(Found { value: 12.0, start: i - 1, end: i + 1, unit: None, words: true });
    }
    // The number itself, with a currency sign before it, a % or a hyphenated unit after it.
    let mut unit = None;
    let mut body = word;
    if let Some(c) = body.chars().next().filter(|c| currency(*c).is_some()) {
        unit = currency(c).map(String::from);
        body = &body[c.len_utf8()..];
    }
    let mut compound = None;
    if let Some((num, rest)) = body.split_once('-') {
        // "17-year-old", "six-week", "48-hour"; not "F-16", "COVID-19" (letters first).
        if word_value(body).is_none() {
            let unit_word = rest.split('-').next().unwrap_or("");
            // "two-thirds", "three-quarters": a share.
            let parts = match lower(unit_word).as_str() {
                "thirds" => Some(3.0),
                "quarters" => Some(4.0),
                "fifths" => Some(5.0),
                _ => None,
            };
            if let (Some(d), Some(n)) = (parts, word_value(num).or_else(|| numeral(num).map(|(v, _)| v))) {
                if n > 0.0 && n < d && t.punct_after.is_none() {
                    return Some(Found {
                        value: (n / d * 10000.0).round() / 100.0,
                        start: i,
                        end: i + 1,
                        unit: Some("%".into()),
                        words: true,
                    });
                }
                return None;
            }
            if !unit_word.is_empty() && unit_word.chars().all(|c| c.is_alphabetic()) {
                compound = Some(plural(unit_word));
                body = num;
            } else {
                return None;
            }
        }
    }
    let percent = body.ends_with('%');
    if percent {
        body = &body[..body.len() - 1];
        unit = Some("%".into());
    }
    let (mut value, words, formatted) = if let Some((v, formatted)) = numeral(body) {
        (v, false, formatted)
    } else if let Some(v) = word_value(body) {
        if t.capitalised && body == "May" {
            return None;
        }
        (v, true, false)
    } else {
        return None;
    };
    // "nine in ten members": a share.
    if t.punct_after.is_none() && next.is_some_and(|n| lower(n.word) == "in") {
        if let Some(d) = tokens
            .get(i + 2)
            .filter(|d| d.punct_after.is_none() || d.punct_after == Some(','))
            .and_then(|d| word_value(d.word).or_else(|| numeral(d.word).map(|(v, _)| v)))
        {
            if d > value && (2.0..=100.0).contains(&d) {
                return Some(Found {
                    value: (value / d * 10000.0).round() / 100.0,
                    start: i,
                    end: i + 3,
                    unit: Some("%".into()),
                    words: true,
                });
            }
        }
    }
    let mut end = i + 1;
    if compound.is_none() {
        if let Some(k) = next.filter(|_| t.punct_after.is_none()).and_then(|n| scale(n.word)) {
            value *= k;
            end += 1;
        }
    }
    if let Some(c) = compound {
        unit = Some(c);
    }
    let after = tokens.get(end);
    let joined = end > i + 1 || percent;
    if unit.is_none() && t.punct_after.is_none() {
        if let Some(a) = after {
            match lower(a.word).as_str() {
                "percent" | "per"
                    if lower(a.word) == "percent" || tokens.get(end + 1).is_some_and(|c| lower(c.word) == "cent") =>
                {
                    unit = Some("%".into());
                    end += if lower(a.word) == "per" { 2 } else { 1 };
                }
                "dollars" | "euros" | "pounds" => {
                    unit = Some(lower(a.word));
                    end += 1;
                }
                _ => {}
            }
        }
    }
    // What is not a figure.
    let digits_only = !words && !formatted && !percent && unit.is_none();
    // Years: a bare four-digit number from 1800 to 2100, whatever follows it.
    if digits_only && !joined && body.len() == 4 && (1800.0..=2100.0).contains(&value) {
        return None;
    }
    // Dates: a number next to a month name ("Oct. 7", "8 April", "April 8th").
    if prev.is_some_and(|p| is_month(p.word) && p.punct_after.is_none_or(|c| c == '.'))
        || (t.punct_after.is_none() && after.is_some_and(|a| is_month(a.word)) && !joined)
    {
        return None;
    }
    // Times of day, clock times and ordinals.
    if body.contains(':')
        || (t.punct_after == Some(':')
            && next.is_some_and(|n| n.start == t.end + 1 && n.word.bytes().all(|b| b.is_ascii_digit())))
        || after.is_some_and(|a| {
            matches!(
                lower(a.word.trim_end_matches('.')).as_str(),
                "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" | "o'clock"
            )
        })
    {
        return None;
    }
    // Numbers inside names: "Resolution 2720", "Route 4", "Gaza 2" (a capitalised word before it that
    // says nothing of quantity; at a sentence's start, one that is no function word either).
    if digits_only
        && prev.is_some_and(|p| {
            let w = lower(p.word);
            p.capitalised
                && p.punct_after.is_none()
                && !super::QUALIFIER_WORDS.contains(&w.as_str())
                && (!p.sentence_start || !SENTENCE_OPENERS.contains(&w.as_str()))
        })
    {
        return None;
    }
    // Number words standing for things, not counts: "one of them", "one another", "no one".
    if words
        && lw == "one"
        && after.is_some_and(|a| matches!(lower(a.word).as_str(), "of" | "another" | "who" | "that" | "day"))
    {
        return None;
    }
    if words && after.is_none_or(|a| !a.word.chars().next().is_some_and(char::is_alphabetic)) && unit.is_none() {
        return None;
    }
    Some(Found { value, start: i, end, unit, words })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::words::tokens;

    fn first(text: &str) -> Option<(f64, Option<String>)> {
        let t = tokens(text, 0);
        (0..t.len()).find_map(|i| at(&t, i)).map(|f| (f.value, f.unit))
    }

    #[test]
    fn numerals_words_and_compounds() {
        assert_eq!(first("Some 33,207 Palestinians"), Some((33207.0, None)));
        assert_eq!(first("the enclave's 2.3 million people"), Some((2_300_000.0, None)));
        assert_eq!(first("more than one million people"), Some((1_000_000.0, None)));
        assert_eq!(first("rose 38% last year"), Some((38.0, Some("%".into()))));
        assert_eq!(first("rose 4.5 percent"), Some((4.5, Some("%".into()))));
        assert_eq!(first("cost $240 million in aid"), Some((240_000_000.0, Some("dollars".into()))));
        assert_eq!(first("a 17-year-old blockade"), Some((17.0, Some("years".into()))));
        assert_eq!(first("a six-week ceasefire"), Some((6.0, Some("weeks".into()))));
        assert_eq!(first("freed nearly half of its hostages"), Some((50.0, Some("%".into()))));
        assert_eq!(first("a dozen trucks"), Some((12.0, None)));
        assert_eq!(first("twenty-two trucks"), Some((22.0, None)));
        assert_eq!(first("nine in ten members"), Some((90.0, Some("%".into()))));
    }

    #[test]
    fn years_dates_times_ordinals_and_names_are_not_figures() {
        for text in [
            "in 2024 the talks",
            "since 1948 there",
            "on Oct. 7 that",
            "on 8 April the",
            "at 10 a.m. local time",
            "at 14:30 GMT",
            "the fifth day",
            "the 3rd brigade",
            "under Resolution 2720 the",
            "one of its soldiers",
            "F-16 jets",
            "Route 5 was closed",
        ] {
            assert_eq!(first(text), None, "{text}");
        }
    }
}
