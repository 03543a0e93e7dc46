//! A report's text as paragraphs, sentences and words, each with its byte offsets in the text, so that
//! a quote is the sentence verbatim and the editor can mark a figure's words.

/// One word: its letters and digits (with inner hyphens, apostrophes, separators, a leading currency
/// sign and a trailing %), where it is, and the punctuation around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub word: &'a str,
    /// Byte offsets of `word` in the whole text.
    pub start: usize,
    pub end: usize,
    /// The first punctuation mark after the word (`,` `.` `;` `:` `)` `”` …), if any.
    pub punct_after: Option<char>,
    /// Whether the word starts with a capital letter.
    pub capitalised: bool,
    /// Whether the word starts its sentence.
    pub sentence_start: bool,
    /// Whether the word is inside quotation marks.
    pub in_quote: bool,
}

/// Lower case.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of `text` (a sentence), offsets counted from `base`.
pub fn tokens(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::new();
    let mut in_quote = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '“' | '”' | '"' => {
                in_quote = match c {
                    '“' => true,
                    '”' => false,
                    _ => !in_quote,
                };
                if let Some(last) = out.last_mut() {
                    if last.punct_after.is_none() && last.end == base + i && c != '“' {
                        last.punct_after = Some('”');
                    }
                }
            }
            c if is_word_char(c)
                || (matches!(c, '$' | '£' | '€') && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit())) =>
            {
                // A word runs over letters and digits, and over - ' ’ , . % when a letter or digit follows
                // ("17-year-old", "Gaza's", "33,207", "2.3", "U.S.") or % ends a number.
                let start = i;
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = chars.peek() {
                    if is_word_char(n) {
                        end = j + n.len_utf8();
                        chars.next();
                        continue;
                    }
                    let joiner = matches!(n, '-' | '\'' | '’' | ',' | '.');
                    let follows = text[j + n.len_utf8()..].chars().next();
                    if joiner
                        && follows.is_some_and(is_word_char)
                        && (n != ',' || text[start..end].ends_with(|c: char| c.is_ascii_digit()))
                    {
                        // A comma joins digit groups only ("33,207"), not words ("Gaza,Israel").
                        if n == ',' && !follows.is_some_and(|f| f.is_ascii_digit()) {
                            break;
                        }
                        end = j + n.len_utf8();
                        chars.next();
                        continue;
                    }
                    if n == '%' && text[start..end].ends_with(|c: char| c.is_ascii_digit()) {
                        end = j + 1;
                        chars.next();
                    }
                    break;
                }
                // Abbreviations keep their last period ("U.S.", "Oct."): an initial-like word.
                let word = &text[start..end];
                let mut punct = text[end..].chars().next().filter(|p| !p.is_whitespace() && !is_word_char(*p));
                // A dash between spaces ends a clause as a comma does: "Rafah - where … - returned".
                let spaced = text[end..].trim_start_matches(' ');
                if punct.is_none()
                    && spaced.len() < text.len() - end
                    && spaced.starts_with(['-', '–', '—'])
                    && spaced[spaced.chars().next().map_or(1, char::len_utf8)..].starts_with(' ')
                {
                    punct = Some('–');
                }
                out.push(Token {
                    word,
                    start: base + start,
                    end: base + end,
                    punct_after: punct,
                    capitalised: word.chars().next().is_some_and(char::is_uppercase),
                    sentence_start: out.is_empty(),
                    in_quote,
                });
            }
            _ => {}
        }
    }
    out
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: [&str; 34] = [
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "rep", "sen", "gov", "st", "no", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u", "inc",
    "co",
];

/// The sentences of a paragraph as byte ranges in `text` (the paragraph at `base`): a sentence ends
/// at `.`, `!` or `?` (and any closing quote) before a space and a capital letter, a digit or an opening
/// quote, unless the word before the period is an abbreviation or an initial.
pub fn sentences(paragraph: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = paragraph.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets stay with the sentence.
        let mut e = k + 1;
        while e < bytes.len() && matches!(bytes[e].1, '”' | '"' | '’' | ')') {
            e += 1;
        }
        let Some(&(_, space)) = bytes.get(e) else { continue };
        if !space.is_whitespace() {
            continue;
        }
        let next = bytes[e..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
        if !next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '“' | '"' | '‘')) {
            continue;
        }
        if c == '.' {
            let before = &paragraph[start..i];
            let word = before.rsplit(|ch: char| ch.is_whitespace() || ch == '(').next().unwrap_or("");
            let w = lower(word.trim_start_matches(['“', '"']));
            if ABBREVIATIONS.contains(&w.as_str()) || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic)) {
                continue;
            }
        }
        let end = if e < bytes.len() { bytes[e].0 } else { paragraph.len() };
        out.push((base + start, base + end));
        start = end;
        while start < paragraph.len() && paragraph[start..].starts_with(char::is_whitespace) {
            start += paragraph[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < paragraph.trim_end().len() {
        out.push((base + start, base + paragraph.trim_end().len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let t = &paragraph[s - base..e - base];
            (s, s + t.trim_end().len())
        })
        .filter(|(s, e)| e > s)
        .collect()
}

/// The paragraphs of a text as byte ranges: separated by blank lines (a line of only spaces counts).
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push((s, end));
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push((s, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_periods_but_not_abbreviations() {
        let p = "Hamas killed 1,200 people on Oct. 7, according to U.S. officials. The army says over 600 died. “It is a shock.” He left.";
        let s: Vec<&str> = sentences(p, 0).into_iter().map(|(a, b)| &p[a..b]).collect();
        assert_eq!(
            s,
            [
                "Hamas killed 1,200 people on Oct. 7, according to U.S. officials.",
                "The army says over 600 died.",
                "“It is a shock.”",
                "He left."
            ]
        );
    }

    #[test]
    fn words_keep_separators_hyphens_and_quotes() {
        let t = tokens("Some 33,207 of Gaza’s 2.3 million, a 17-year-old “blockade”.", 10);
        let words: Vec<&str> = t.iter().map(|t| t.word).collect();
        assert_eq!(words, ["Some", "33,207", "of", "Gaza’s", "2.3", "million", "a", "17-year-old", "blockade"]);
        assert_eq!(t[1].start, 15);
        assert_eq!(t[5].punct_after, Some(','));
        assert!(t[8].in_quote && !t[7].in_quote);
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let text = "Headline\n\nOne para\ncontinues.\n  \nTwo.\n";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(p, ["Headline", "One para\ncontinues.", "Two."]);
    }
}
