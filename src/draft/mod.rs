//! A dataset drafted from a report's text: every figure the report gives, with its value, unit,
//! qualifier ("more than", "about"), status (proposed, estimated), the sentence it is quoted from, the
//! source the report names for it, and a label for the editor to edit.
//!
//! Pure rules over the words of the text (no tables of English, no regular expressions, no models),
//! the same natively (`reported-figures draft`) and in the browser (the editor). The `duckling` crate
//! was weighed for the numbers and left out: its numerals, quantities and money alone compile to
//! 1.79 MB of wasm (586 KB gzip), for number forms a news report rarely needs; the attribution follows
//! the cue-verb approach of BBC R&D's Citron (a source, a cue verb such as "said", the content), reduced
//! to the forms news copy uses.

mod numbers;
mod words;

use crate::dataset::{Approx, Date, Status};
use words::{lower, Token};

/// The largest text drafted (256 KiB, some 40,000 words); larger input is refused.
pub const MAX_REPORT_BYTES: usize = 262_144;

/// What the draft is given besides the text.
#[derive(Debug, Clone, Default)]
pub struct DraftOptions {
    /// The publisher, when the text does not name one in its dateline ("(Reuters) -").
    pub publisher: Option<String>,
    /// The publication date (`YYYY-MM-DD`): every figure's `as_of`, and the article's date.
    pub published: Option<String>,
    /// The headline, instead of the text's first line.
    pub headline: Option<String>,
}

/// One drafted figure.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftFigure {
    pub value: f64,
    /// The unit, a plural ("people", "weeks", "%").
    pub unit: String,
    /// The singular, for a value of one ("brigade").
    pub unit_one: Option<String>,
    pub approx: Approx,
    pub status: Status,
    /// The source as the report names it, or the publisher for its own reporting.
    pub source: String,
    /// The sentence, verbatim.
    pub quote: String,
    pub label: String,
    /// Byte offsets in the text of the figure's words (qualifier included), for the editor to mark.
    pub span: (usize, usize),
}

/// A drafted report.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub headline: Option<String>,
    pub publisher: String,
    pub published: Option<String>,
    pub figures: Vec<DraftFigure>,
}

/// Why a text could not be drafted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// Larger than [`MAX_REPORT_BYTES`].
    TooLarge { bytes: usize },
    /// Nothing but white space.
    Empty,
    /// `published` is not a `YYYY-MM-DD` date.
    BadDate { got: String },
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftError::TooLarge { bytes } => {
                write!(f, "the report is {bytes} bytes, more than the limit of {MAX_REPORT_BYTES} bytes")
            }
            DraftError::Empty => f.write_str("the report is empty"),
            DraftError::BadDate { got } => write!(f, "the publication date must be YYYY-MM-DD, got {got:?}"),
        }
    }
}

/// Words before a number that qualify it, longest first, and the qualifier they mean.
const QUALIFIERS: [(&str, Approx); 23] = [
    ("as much as", Approx::UpTo),
    ("an estimated", Approx::About),
    ("no fewer than", Approx::AtLeast),
    ("no less than", Approx::AtLeast),
    ("as many as", Approx::UpTo),
    ("more than", Approx::MoreThan),
    ("at least", Approx::AtLeast),
    ("close to", Approx::Nearly),
    ("fewer than", Approx::FewerThan),
    ("less than", Approx::FewerThan),
    ("up to", Approx::UpTo),
    ("some", Approx::About),
    ("about", Approx::About),
    ("around", Approx::About),
    ("approximately", Approx::About),
    ("roughly", Approx::About),
    ("over", Approx::MoreThan),
    ("above", Approx::MoreThan),
    ("nearly", Approx::Nearly),
    ("almost", Approx::Nearly),
    ("under", Approx::FewerThan),
    ("within", Approx::UpTo),
    ("approx", Approx::About),
];

/// Capitalised words that may stand before a number without making it part of a name.
pub(crate) const QUALIFIER_WORDS: [&str; 14] = [
    "some",
    "about",
    "around",
    "approximately",
    "roughly",
    "over",
    "nearly",
    "almost",
    "under",
    "up",
    "more",
    "at",
    "just",
    "only",
];

/// Verbs that attribute what is said to who says it.
const CUES: [&str; 25] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "estimated",
    "estimates",
    "estimate",
    "reported",
    "reports",
    "announced",
    "stated",
    "confirmed",
    "puts",
    "put",
    "spoken",
    "spoke",
    "saying",
    "adding",
    "according",
    "warned",
    "claimed",
    "claims",
];

/// Nouns that count people: their figures get the unit "people" (the noun stays in the label).
const PEOPLE: [&str; 30] = [
    "people",
    "persons",
    "civilians",
    "soldiers",
    "hostages",
    "children",
    "women",
    "men",
    "residents",
    "fighters",
    "militants",
    "prisoners",
    "troops",
    "workers",
    "bodies",
    "officials",
    "detainees",
    "refugees",
    "journalists",
    "patients",
    "staff",
    "members",
    "captives",
    "migrants",
    "voters",
    "students",
    "victims",
    "casualties",
    "dead",
    "wounded",
];

/// Words that end a unit's noun phrase after a number.
const STOP: [&str; 40] = [
    "of", "and", "or", "the", "to", "in", "on", "at", "by", "for", "with", "from", "into", "were", "was", "are", "is",
    "have", "has", "had", "be", "been", "will", "would", "could", "can", "may", "might", "who", "that", "which",
    "since", "during", "after", "before", "as", "going", "remain", "remained", "there",
];

/// Drafts the figures of a report. `today` dates the figures when no publication date is given.
pub fn draft(text: &str, options: &DraftOptions, today: Date) -> Result<Draft, DraftError> {
    if text.len() > MAX_REPORT_BYTES {
        return Err(DraftError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(DraftError::Empty);
    }
    if let Some(p) = &options.published {
        if crate::dataset::date::parse(p).is_err() || p.len() != 10 {
            return Err(DraftError::BadDate { got: p.clone() });
        }
    }
    let _ = today;
    let paragraphs = words::paragraphs(text);
    let mut headline = options.headline.clone();
    let mut publisher = options.publisher.clone();
    let mut body_start = 0;
    // The headline: a first paragraph of one line with no final period.
    if let Some(&(s, e)) = paragraphs.first() {
        let first = &text[s..e];
        if !first.contains('\n') && !first.ends_with('.') && paragraphs.len() > 1 {
            headline.get_or_insert_with(|| first.trim().to_string());
            body_start = 1;
        }
    }
    let mut speakers: Vec<String> = Vec::new();
    let mut figures: Vec<DraftFigure> = Vec::new();
    for (pi, &(ps, pe)) in paragraphs.iter().enumerate().skip(body_start) {
        let mut para = &text[ps..pe];
        let mut base = ps;
        // A byline ("By Jane Doe") is not a figure's sentence.
        if pi == body_start && lower(para).starts_with("by ") && !para.contains('.') {
            continue;
        }
        // The dateline: "CAIRO, April 8 (Reuters) - " or "(Reuters) -": the publisher, and no figures.
        if let Some((pub_name, rest)) = dateline(para) {
            publisher.get_or_insert(pub_name);
            base += para.len() - rest.len();
            para = rest;
        }
        // The unit of the last figure, for "fewer than 300 of them" in the next sentence.
        let mut last_unit: Option<(String, String)> = None;
        for (ss, se) in words::sentences(para, base) {
            let sentence = &text[ss..se];
            let tokens = words::tokens(sentence, ss);
            draft_sentence(sentence, &tokens, &mut speakers, &mut last_unit, &mut figures);
        }
    }
    let publisher = publisher.unwrap_or_else(|| "The report".to_string());
    for f in &mut figures {
        if f.source.is_empty() {
            f.source = publisher.clone();
        }
    }
    // A figure given twice by the same source appears once.
    let mut seen: Vec<(u64, String, String)> = Vec::new();
    figures.retain(|f| {
        let key = (f.value.to_bits(), f.unit.clone(), lower(&f.source));
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
    Ok(Draft { headline, publisher, published: options.published.clone(), figures })
}

/// The sentence of `text` that holds byte `at`, as the draft splits sentences (never across a
/// paragraph): for a figure the editor adds by hand, its quote.
pub fn sentence_at(text: &str, at: usize) -> Option<&str> {
    words::paragraphs(text)
        .into_iter()
        .filter(|&(s, e)| s <= at && at <= e)
        .flat_map(|(s, e)| words::sentences(&text[s..e], s))
        .find(|&(s, e)| s <= at && at < e)
        .map(|(s, e)| &text[s..e])
}

/// "CAIRO, April 8 (Reuters) - rest" → ("Reuters", "rest").
fn dateline(para: &str) -> Option<(String, &str)> {
    let open = para.find('(')?;
    if open > 60 {
        return None;
    }
    let close = open + para[open..].find(')')?;
    let name = para[open + 1..close].trim();
    let after = para[close + 1..].trim_start();
    let rest = after.strip_prefix(['-', '–', '—'])?.trim_start();
    let head = &para[..open];
    let plausible = head.chars().all(|c| c.is_uppercase() || !c.is_alphabetic() || head.contains(','))
        && !name.is_empty()
        && name.len() < 40;
    plausible.then(|| (name.to_string(), rest))
}

fn draft_sentence(
    sentence: &str,
    tokens: &[Token],
    speakers: &mut Vec<String>,
    last_unit: &mut Option<(String, String)>,
    out: &mut Vec<DraftFigure>,
) {
    // Speakers named in this sentence are remembered first, for its own pronouns too
    // ("said Amina Hassan, a nurse at a clinic where she said about 60 ...").
    for k in 0..tokens.len() {
        if is_cue(tokens, k) {
            if let Some(s) = subject_before(tokens, k).or_else(|| subject_after(tokens, k)) {
                if !is_pronoun(&s) {
                    // The most recent speaker last, for pronouns.
                    speakers.retain(|x| *x != s);
                    speakers.push(s);
                }
            }
        }
    }
    let mut sentence_has_unit = false;
    let mut i = 0;
    while i < tokens.len() {
        let Some(found) = numbers::at(tokens, i) else {
            i += 1;
            continue;
        };
        // A count of the speakers themselves is not a figure: "Two Egyptian security sources … said".
        let counts_speakers =
            (found.end..tokens.len().min(found.end + 10)).find(|&k| is_cue(tokens, k)).is_some_and(|k| {
                subject_span(tokens, k).is_some_and(|(s, _)| s <= found.start)
                    && tokens[found.start..k].iter().all(|t| t.punct_after.is_none_or(|p| p == '’'))
            });
        if counts_speakers {
            i = found.end;
            continue;
        }
        let (approx, q_start) = qualifier(tokens, found.start);
        // A unit from before: this sentence's last figure's, or the paragraph's for "300 of them".
        let anaphora = tokens.get(found.end).is_some_and(|t| lower(t.word) == "of")
            && tokens.get(found.end + 1).is_some_and(|t| matches!(lower(t.word).as_str(), "them" | "those" | "these"));
        let before = if anaphora || sentence_has_unit { last_unit.as_ref() } else { None };
        let (unit, noun, noun_at) = unit_of(tokens, &found, before);
        // "one brigade": the unit is the plural, and the singular is kept for one.
        let singular =
            found.value == 1.0 && !unit.is_empty() && unit != "%" && unit != "people" && numbers::plural(&unit) != unit;
        let unit_one = singular.then(|| unit.clone());
        let unit = if singular { numbers::plural(&unit) } else { unit };
        let source = attribution(tokens, found.start, speakers, &unit, noun_at);
        let status = status(tokens, found.start);
        let label = label(tokens, q_start, &noun, noun_at, &unit, found.end);
        if !unit.is_empty() {
            *last_unit = Some((unit.clone(), noun.clone()));
            sentence_has_unit = true;
        }
        let span = (tokens[q_start].start, tokens[found.end - 1].end);
        if !unit.is_empty() {
            out.push(DraftFigure {
                value: found.value,
                unit,
                unit_one,
                approx,
                status,
                source,
                quote: sentence.to_string(),
                label,
                span,
            });
        }
        i = found.end;
    }
}

/// The qualifier in the words before token `start`, and the token where the figure's words begin.
fn qualifier(tokens: &[Token], start: usize) -> (Approx, usize) {
    for (words, approx) in QUALIFIERS {
        let n = words.split(' ').count();
        if start < n {
            continue;
        }
        let before = &tokens[start - n..start];
        let across = words == "over"
            && tokens.get(start + 1).is_some_and(|t| {
                matches!(
                    lower(t.word).as_str(),
                    "stages" | "phases" | "days" | "weeks" | "months" | "years" | "hours" | "periods" | "rounds"
                )
            })
            && start >= 2
            && lower(tokens[start - 2].word).ends_with("ed");
        if before.iter().map(|t| lower(t.word)).collect::<Vec<_>>().join(" ") == words
            && before[..n].iter().all(|t| t.punct_after.is_none())
            && !across
        {
            return (approx, start - n);
        }
    }
    // "just", "only" before a number say nothing of its precision.
    (Approx::Exact, start)
}

/// The unit of a figure: its own ("%", "years"), else the noun after it ("Palestinians" → people), else
/// the unit of the figure before it in the sentence ("133 hostages … around 40"). Also the noun as
/// written and its token.
fn unit_of(tokens: &[Token], f: &numbers::Found, before: Option<&(String, String)>) -> (String, String, Option<usize>) {
    let noun_at = noun_after(tokens, f.end - 1);
    // A share counts what it is "of" ("half of its hostages"); "38% above average" counts nothing after it.
    let noun_at =
        noun_at.filter(|_| f.unit.as_deref() != Some("%") || tokens.get(f.end).is_some_and(|t| lower(t.word) == "of"));
    if let Some(u) = &f.unit {
        let noun = noun_at.map(|k| lower(tokens[k].word)).unwrap_or_else(|| u.clone());
        return (u.clone(), noun, noun_at);
    }
    match noun_at {
        Some(k) => {
            let noun = tokens[k].word.to_string();
            let l = lower(&noun);
            let unit = if PEOPLE.contains(&l.as_str()) || is_demonym(&noun) { "people".to_string() } else { l };
            (unit, noun, Some(k))
        }
        None => {
            // "the death toll rose to 3,124": people.
            if tokens[..f.start].iter().any(|t| lower(t.word) == "toll") {
                return ("people".into(), "people".into(), None);
            }
            // "puts the number of people in relief camps at 35,000": the noun after "number of".
            // "the number of striking staff to roughly 14,000": the noun phrase's last word.
            let counted = (1..f.start)
                .rev()
                .find(|&k| lower(tokens[k - 1].word) == "number" && lower(tokens[k].word) == "of")
                .and_then(|k| {
                    let mut j = k + 1;
                    while j + 1 < f.start
                        && tokens[j].punct_after.is_none()
                        && !STOP.contains(&lower(tokens[j + 1].word).as_str())
                    {
                        j += 1;
                    }
                    tokens.get(j)
                });
            if let Some(t) = counted.filter(|t| t.word.chars().all(char::is_alphabetic)) {
                let l = lower(t.word);
                let unit = if PEOPLE.contains(&l.as_str()) { "people".to_string() } else { l };
                return (unit, t.word.to_string(), None);
            }
            match before {
                Some((u, n)) => (u.clone(), n.clone(), None),
                None => (String::new(), String::new(), None),
            }
        }
    }
}

/// "Palestinians", "Israelis", "Americans": people.
fn is_demonym(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && (w.ends_with("ians") || w.ends_with("is") || w.ends_with("ans") || w.ends_with("ese"))
}

/// The noun a number counts: after "of its/the/their", over adjectives ("Israeli hostages"), up to
/// three words, stopping at punctuation and at function words.
fn noun_after(tokens: &[Token], last: usize) -> Option<usize> {
    let mut k = last + 1;
    if tokens[last].punct_after.is_some_and(|p| p != '%') {
        return None;
    }
    if tokens.get(k).is_some_and(|t| lower(t.word) == "of")
        && tokens.get(k + 1).is_some_and(|t| {
            matches!(lower(t.word).as_str(), "its" | "the" | "their" | "his" | "her" | "our" | "those")
        })
    {
        k += 2;
    }
    let mut noun = None;
    for j in k..(k + 3).min(tokens.len()) {
        let t = &tokens[j];
        let l = lower(t.word);
        if STOP.contains(&l.as_str())
            || CUES.contains(&l.as_str())
            || !t.word.chars().next().is_some_and(char::is_alphabetic)
        {
            break;
        }
        // A verb after the noun ends the phrase: "40 people died", "40 trucks arrived".
        if j > k
            && !t.capitalised
            && (l.ends_with("ed") || VERBS.contains(&l.as_str()))
            && !PEOPLE.contains(&l.as_str())
        {
            break;
        }
        noun = Some(j);
        // A capitalised word is an adjective before a noun ("Israeli hostages") or the noun itself.
        if t.punct_after.is_some()
            || (!t.capitalised
                && tokens.get(j + 1).is_none_or(|n| n.capitalised || STOP.contains(&lower(n.word).as_str())))
        {
            break;
        }
        // Past participles and verbs end the phrase: "40 going free", "60 died".
        if l.ends_with("ed") && j > k {
            noun = Some(j - 1);
            break;
        }
        if !t.capitalised && l.ends_with('s') {
            break;
        }
    }
    noun.filter(|&j| !lower(tokens[j].word).ends_with("ed") || PEOPLE.contains(&lower(tokens[j].word).as_str()))
}

/// Whether token `k` is a cue verb of attribution.
fn is_cue(tokens: &[Token], k: usize) -> bool {
    let l = lower(tokens[k].word);
    if !CUES.contains(&l.as_str()) {
        return false;
    }
    match l.as_str() {
        "according" => tokens.get(k + 1).is_some_and(|t| lower(t.word) == "to"),
        "spoken" | "spoke" => tokens.get(k + 1).is_some_and(|t| lower(t.word) == "of"),
        "put" | "puts" => tokens[k + 1..].iter().take(10).any(|t| lower(t.word) == "at"),
        "estimate" => k > 0 && !matches!(lower(tokens[k - 1].word).as_str(), "an" | "the" | "a"),
        _ => true,
    }
}

fn is_pronoun(s: &str) -> bool {
    matches!(lower(s).as_str(), "he" | "she" | "they" | "it" | "we" | "i")
}

/// Nouns that refer back to a speaker already named ("the agency said").
const GENERIC: [&str; 14] = [
    "agency",
    "ministry",
    "group",
    "organisation",
    "organization",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "army",
    "military",
    "government",
    "company",
    "police",
];

const DETERMINERS: [&str; 5] = ["a", "an", "the", "some", "two"];
const CLAUSE: [&str; 11] =
    ["and", "but", "that", "however", "while", "although", "as", "because", "then", "where", "when"];

/// The source named before cue `k`: the words back to the start of the clause (a comma, "and",
/// "but", "that", the sentence's start), skipping a relative clause ("the official, who asked not to
/// be identified, told"), without auxiliaries and a leading article.
fn subject_before(tokens: &[Token], k: usize) -> Option<String> {
    subject_span(tokens, k).and_then(|(start, end)| np(&tokens[start..end].iter().collect::<Vec<_>>()))
}

/// The tokens `start..end` of the subject before cue `k` (see [`subject_before`]).
fn subject_span(tokens: &[Token], k: usize) -> Option<(usize, usize)> {
    let mut end = k;
    // Auxiliaries and adverbs between the subject and the cue: "have spoken", "has also said".
    while end > 0
        && matches!(
            lower(tokens[end - 1].word).as_str(),
            "have" | "has" | "had" | "also" | "later" | "would" | "will" | "did" | "then"
        )
        && tokens[end - 1].punct_after.is_none()
    {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    if tokens[end - 1].punct_after == Some(',') {
        // "…, the Hamas official, who asked not to be identified, told": back over the relative clause.
        let mut j = end - 1;
        while j > 0 && tokens[j - 1].punct_after != Some(',') {
            j -= 1;
        }
        if matches!(lower(tokens[j].word).as_str(), "who" | "which" | "speaking") && j > 0 {
            end = j;
        } else {
            return None;
        }
    }
    let mut start = end;
    while start > 0 {
        let t = &tokens[start - 1];
        let l = lower(t.word);
        if t.punct_after.is_some_and(|p| matches!(p, ',' | ';' | ':' | '.' | '”')) && start - 1 < end - 1 {
            break;
        }
        if l == "and" && start > 0 {
            // "Two Egyptian security sources and state-run Al-Qahera News said": one subject, unless
            // what comes before "and" has a verb of its own ("133 hostages remain captive and negotiators").
            let mut b = start - 1;
            while b > 0
                && tokens[b - 1].punct_after.is_none_or(|p| !matches!(p, ',' | ';' | ':' | '–'))
                && !CUES.contains(&lower(tokens[b - 1].word).as_str())
            {
                b -= 1;
            }
            let verb = tokens[b..start - 1].iter().any(|t| {
                let w = lower(t.word);
                STOP[14..].contains(&w.as_str()) || VERBS.contains(&w.as_str()) || (w.ends_with("ed") && !t.capitalised)
            });
            if verb || b == start - 1 {
                break;
            }
            start -= 1;
            continue;
        }
        if CLAUSE.contains(&l.as_str()) || CUES.contains(&l.as_str()) || t.in_quote {
            break;
        }
        if l.ends_with("ed") && !t.capitalised && start < end && !matches!(l.as_str(), "united" | "armed" | "unnamed") {
            break;
        }
        start -= 1;
        if t.punct_after.is_some_and(|p| matches!(p, ',' | ';' | ':')) && start < end - 1 {
            start += 1;
            break;
        }
    }
    (start < end).then_some((start, end))
}

/// Common verbs that end a noun phrase read backwards.
const VERBS: [&str; 26] = [
    "remain", "remains", "left", "sent", "took", "went", "came", "held", "fled", "said", "says", "told", "struck",
    "hit", "fell", "rose", "made", "gave", "ran", "began", "grew", "set", "met", "led", "lost", "won",
];

/// The source named after cue `k`: "said resident Mohammed Abou Diab", "according to Israeli tallies",
/// "said the official, speaking …".
fn subject_after(tokens: &[Token], k: usize) -> Option<String> {
    let mut j = k + 1;
    if lower(tokens[k].word) == "according" {
        j += 1;
    } else if tokens[k].punct_after.is_some() || tokens.get(j).is_some_and(|t| t.in_quote) {
        return None;
    }
    // "adding that …", "said that …": what follows is what was said, not who said it.
    if tokens.get(j).is_some_and(|t| lower(t.word) == "that") {
        return None;
    }
    let mut words = Vec::new();
    while let Some(t) = tokens.get(j) {
        let l = lower(t.word);
        if (CLAUSE.contains(&l.as_str()) && !words.is_empty())
            || CUES.contains(&l.as_str())
            || t.in_quote
            || words.len() >= 8
        {
            break;
        }
        if matches!(l.as_str(), "on" | "in" | "at" | "last" | "this" | "who" | "that") && !words.is_empty() {
            break;
        }
        words.push(t);
        if t.punct_after.is_some() {
            break;
        }
        j += 1;
    }
    np(&words)
}

/// A noun phrase as a source's name: without a leading article or number word, capitalised.
fn np(words: &[&Token]) -> Option<String> {
    let mut w: Vec<&str> = words.iter().map(|t| t.word).collect();
    while w.first().is_some_and(|f| DETERMINERS.contains(&lower(f).as_str()) && lower(f) != "two") {
        w.remove(0);
    }
    if w.is_empty() || w.len() > 10 || w.iter().all(|x| x.chars().all(|c| c.is_lowercase()) && w.len() > 4) {
        return None;
    }
    Some(capitalise(&w.join(" ")))
}

/// Who gives the figure at token `at`: a speaker whose cue governs it (before it: "X said … N"; after
/// it, closing its clause: "N …, X said"; "according to X"), the speaker of the quotation it is in, a
/// pronoun's or definite reference's earlier speaker; or "" for the publisher's own reporting.
fn attribution(tokens: &[Token], at: usize, speakers: &[String], unit: &str, noun_at: Option<usize>) -> String {
    // A span of time framing the report's narrative ("in six months of conflict") is the reporter's.
    let time = matches!(unit, "days" | "weeks" | "months" | "years" | "hours");
    if time
        && noun_at.is_some_and(|n| {
            tokens.get(n + 1).is_some_and(|t| lower(t.word) == "of") && tokens[n].punct_after.is_none()
        })
    {
        return String::new();
    }
    let resolve = |s: String| -> String {
        if is_pronoun(&s) {
            return speakers.iter().rev().find(|x| !GENERIC.contains(&lower(x).as_str())).cloned().unwrap_or_default();
        }
        // "The agency", "the official": the speaker named last, if there is one.
        if GENERIC.contains(&lower(&s).as_str()) {
            if let Some(last) = speakers.iter().rev().find(|x| !GENERIC.contains(&lower(x).as_str())) {
                return last.clone();
            }
        }
        // "The security sources" after "Two Egyptian security sources": the fuller name named before.
        let key: Vec<String> = s.split(' ').map(lower).collect();
        speakers
            .iter()
            .rev()
            .find(|earlier| {
                let e: Vec<String> = earlier.split(' ').map(lower).collect();
                e.len() > key.len() && key.iter().all(|w| e.contains(w))
            })
            .cloned()
            .unwrap_or(s)
    };
    // "according to X" anywhere in the sentence.
    for k in 0..tokens.len() {
        if lower(tokens[k].word) == "according" && is_cue(tokens, k) {
            if let Some(s) = subject_after(tokens, k) {
                return resolve(s);
            }
        }
    }
    // Inside a quotation: its speaker, named in the same sentence outside the quotes.
    if tokens[at].in_quote {
        for k in 0..tokens.len() {
            if !tokens[k].in_quote && is_cue(tokens, k) {
                let participle = matches!(lower(tokens[k].word).as_str(), "saying" | "adding");
                let named = if participle { sentence_subject(tokens) } else { None };
                if let Some(s) = named
                    .or_else(|| subject_before(tokens, k))
                    .or_else(|| subject_after(tokens, k))
                    .or_else(|| sentence_subject(tokens))
                {
                    return resolve(s);
                }
            }
        }
    }
    // A cue before the figure whose content the figure is in: "X said (that) … N", "X has spoken of N".
    for k in (0..at).rev() {
        // "…, forecasters said, and more rain is expected": a cue followed by a comma closes its clause.
        if is_cue(tokens, k) && !tokens[k].in_quote && tokens[k].punct_after != Some(',') {
            if let Some(s) = subject_before(tokens, k) {
                return resolve(s);
            }
            if matches!(lower(tokens[k].word).as_str(), "saying" | "adding") {
                // "…, she said, adding that …": the speaker of the cue before it, or the sentence's subject.
                let earlier = (0..k)
                    .rev()
                    .filter(|&j| is_cue(tokens, j))
                    .find_map(|j| subject_before(tokens, j).or_else(|| subject_after(tokens, j)));
                if let Some(s) = earlier.or_else(|| sentence_subject(tokens)) {
                    return resolve(s);
                }
            }
        }
    }
    // A cue after the figure that closes the sentence: "N …, X said (in an update on Monday)." or
    // "…, said X." (its content is what comes before it).
    for k in at + 1..tokens.len() {
        if !is_cue(tokens, k) || tokens[k].in_quote {
            continue;
        }
        let clause_start = (at..k).rev().any(|j| tokens[j].punct_after == Some(','));
        if !clause_start {
            continue;
        }
        // Inverted: "…, said the official." The subject follows the cue.
        if k > 0 && tokens[k - 1].punct_after == Some(',') {
            if let Some(s) = subject_after(tokens, k) {
                return resolve(s);
            }
            continue;
        }
        // "…, X said (in an update on Monday)." Only time and place may follow: anything else is what
        // X said, and the figure before is not in it ("…, but X said the troops would …").
        let rest = &tokens[k + 1..];
        let adverbial = rest.is_empty()
            || tokens[k].punct_after.is_some_and(|p| p != '“')
            || matches!(
                lower(rest[0].word).as_str(),
                "in" | "on"
                    | "at"
                    | "late"
                    | "early"
                    | "last"
                    | "this"
                    | "after"
                    | "during"
                    | "when"
                    | "while"
                    | "adding"
                    | "citing"
                    | "without"
                    | "according"
            );
        if !adverbial {
            continue;
        }
        if let Some(s) = subject_before(tokens, k) {
            return resolve(s);
        }
    }
    String::new()
}

/// The subject at the start of a sentence, after an opening phrase ("Asked about the talks …, Israeli
/// government spokesman Avi Hyman would not …").
fn sentence_subject(tokens: &[Token]) -> Option<String> {
    let start = tokens.iter().position(|t| t.punct_after == Some(',')).map_or(0, |c| c + 1);
    let end = (start..tokens.len()).find(|&j| {
        matches!(
            lower(tokens[j].word).as_str(),
            "would" | "will" | "said" | "says" | "has" | "had" | "was" | "is" | "did"
        )
    })?;
    let words: Vec<&Token> = tokens[start..end].iter().collect();
    np(&words)
}

/// Proposed when the figure's clause speaks of a proposal, an offer or what a deal would do; an estimate
/// when it speaks of an expectation, a forecast or an estimate.
fn status(tokens: &[Token], at: usize) -> Status {
    // The clause: back and forward to a comma, a semicolon or a clause word.
    let mut s = at;
    while s > 0
        && tokens[s - 1].punct_after.is_none_or(|p| !matches!(p, ',' | ';' | ':'))
        && !matches!(lower(tokens[s - 1].word).as_str(), "and" | "but")
    {
        s -= 1;
    }
    let mut e = at;
    while e + 1 < tokens.len()
        && tokens[e].punct_after.is_none_or(|p| !matches!(p, ',' | ';' | ':'))
        && !matches!(lower(tokens[e + 1].word).as_str(), "and" | "but")
    {
        e += 1;
    }
    let clause: Vec<String> = tokens[s..=e].iter().map(|t| lower(t.word)).collect();
    let has = |p: &str| clause.iter().any(|w| w.starts_with(p));
    if has("propos") || has("offer") || has("prospective") || clause.iter().any(|w| w == "would") {
        return Status::Proposed;
    }
    // "an estimated 120,000" is an estimate; another figure beside it is not.
    let estimated_qualifier =
        at >= 2 && lower(tokens[at - 1].word) == "estimated" && lower(tokens[at - 2].word) == "an";
    if has("expect")
        || has("forecast")
        || has("projected")
        || has("predict")
        || estimated_qualifier
        || (has("estimate") && !clause.iter().any(|w| w == "estimated"))
    {
        return Status::Estimate;
    }
    Status::Reported
}

/// A label from the sentence: the noun it counts, the verb that acts on it ("Bodies recovered") and the
/// words after it to the end of its clause, without auxiliaries; at most eight words. With nothing
/// after the noun, the noun the figure measures ("a ceasefire of around six weeks": "Weeks of
/// ceasefire") or the words of its clause before it.
fn label(tokens: &[Token], q_start: usize, noun: &str, noun_at: Option<usize>, unit: &str, end: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let head = if noun.is_empty() { unit.to_string() } else { noun.to_string() };
    words.push(head.clone());
    // A verb just before the number acts on what it counts: "recovered more than 60 bodies".
    if q_start > 0 {
        let v = lower(tokens[q_start - 1].word);
        if (v.ends_with("ed") || PARTICIPLES.contains(&v.as_str()))
            && !tokens[q_start - 1].capitalised
            && tokens[q_start - 1].punct_after.is_none()
        {
            words.push(v);
        }
    }
    // A share: what it is a share of comes before it ("Rainfall was 38% above average" → "Rainfall above average").
    if unit == "%" && noun_at.is_none() {
        let b = words_back(tokens, q_start, 5, &[&CLAUSE, &CUES]);
        words = tokens[b..q_start]
            .iter()
            .map(|t| if t.capitalised && t.start != tokens[b].start { t.word.to_string() } else { lower(t.word) })
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "by" | "the" | "a" | "an"
                )
            })
            .collect();
        if words.is_empty() {
            words.push("share".into());
        }
    }
    let from = noun_at.unwrap_or(end - 1);
    let mut k = from + 1;
    let open = |t: &Token| {
        t.punct_after.is_none_or(|p| p == '’' || p == '\'') || ABBREVIATED.contains(&lower(t.word).as_str())
    };
    if open(&tokens[from]) {
        while k < tokens.len() && words.len() < 8 {
            let l = lower(tokens[k].word);
            if CUES.contains(&l.as_str())
                || LABEL_STOP.contains(&l.as_str())
                || tokens[k].in_quote != tokens[from].in_quote
            {
                break;
            }
            let modal = matches!(l.as_str(), "can" | "could" | "would" | "will" | "may" | "might" | "must" | "should")
                && tokens.get(k + 1).is_some_and(|t| lower(t.word) == "be");
            let aux = modal
                || matches!(l.as_str(), "have" | "has" | "had" | "been" | "were" | "was" | "are" | "is" | "be")
                    && tokens.get(k + 1).is_some_and(|t| {
                        let n = lower(t.word);
                        n.ends_with("ed")
                            || n.ends_with("ing")
                            || matches!(n.as_str(), "been" | "killed" | "held" | "left")
                    });
            if !aux {
                words.push(if tokens[k].capitalised { tokens[k].word.to_string() } else { l });
            }
            if !open(&tokens[k]) {
                break;
            }
            k += 1;
        }
    }
    // Not ending on a preposition or an article.
    trim_end_stops(&mut words);
    if words.len() == 1 && q_start >= 2 && lower(tokens[q_start - 1].word) == "of" {
        // "a ceasefire of around six weeks" → "Weeks of ceasefire".
        let what = &tokens[q_start - 2];
        if what.punct_after.is_none() && !STOP.contains(&lower(what.word).as_str()) {
            words.push("of".into());
            words.push(lower(what.word));
        }
    } else if words.len() == 1 && q_start > 0 {
        // "consultations were expected to continue within 48 hours" → "Hours: consultations expected to continue".
        let b = words_back(tokens, q_start, 6, &[&CLAUSE, &LABEL_STOP, &CUES]);
        let before: Vec<String> = tokens[b..q_start]
            .iter()
            .map(|t| lower(t.word))
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "were"
                        | "was"
                        | "are"
                        | "is"
                        | "have"
                        | "has"
                        | "had"
                        | "been"
                        | "be"
                        | "would"
                        | "could"
                        | "will"
                        | "this"
                        | "it"
                        | "just"
                        | "only"
                        | "a"
                        | "an"
                        | "the"
                )
            })
            .collect();
        if before.len() >= 2 {
            words[0].push(':');
            words.extend(before);
        }
    }
    trim_end_stops(&mut words);
    capitalise(&words.join(" "))
}

/// Past participles that do not end in -ed: "sent 40 boats".
const PARTICIPLES: [&str; 12] =
    ["sent", "held", "taken", "left", "brought", "found", "built", "seen", "lost", "given", "shot", "hit"];

/// How far back from token `end` the words of its clause go: at most `max` words, stopping at
/// punctuation and at any word of `stops`.
fn words_back(tokens: &[Token], end: usize, max: usize, stops: &[&[&str]]) -> usize {
    let mut b = end;
    while b > 0
        && end - b < max
        && tokens[b - 1].punct_after.is_none()
        && !stops.iter().any(|list| list.contains(&lower(tokens[b - 1].word).as_str()))
    {
        b -= 1;
    }
    b
}

/// A label does not end on a preposition or an article.
fn trim_end_stops(words: &mut Vec<String>) {
    while words.len() > 1 && words.last().is_some_and(|w| STOP.contains(&w.as_str()) || w == "a" || w == "an") {
        words.pop();
    }
}

/// The text with its first letter in upper case.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Words that end a label: the start of another clause.
const LABEL_STOP: [&str; 14] =
    ["and", "but", "which", "while", "whose", "to", "where", "when", "who", "that", "because", "so", "if", "than"];

/// Abbreviations whose period does not end a label's words.
const ABBREVIATED: [&str; 14] =
    ["oct", "nov", "dec", "jan", "feb", "aug", "sept", "sep", "mr", "dr", "gen", "st", "u.s", "u.n"];

impl Draft {
    /// The draft as a dataset in the JSON format: the article from the headline, publisher and date;
    /// one source per name; each figure with an id from its label, dated `published` or `today`.
    pub fn to_json(&self, today: Date) -> serde_json::Value {
        use serde_json::{json, Map, Value};
        let as_of = self.published.clone().unwrap_or_else(|| today.to_string());
        let mut sources: Vec<(String, String)> = Vec::new(); // (id, name)
        let mut figure_ids: Vec<String> = Vec::new();
        let mut figures = Vec::new();
        for f in &self.figures {
            let id = match sources.iter().find(|(_, n)| *n == f.source) {
                Some((id, _)) => id.clone(),
                None => {
                    let id = unique(slug(&f.source, "source"), sources.iter().map(|(i, _)| i));
                    sources.push((id.clone(), f.source.clone()));
                    id
                }
            };
            let fid = unique(slug(&f.label, "figure"), figure_ids.iter());
            figure_ids.push(fid.clone());
            let mut o = Map::new();
            o.insert("id".into(), json!(fid));
            o.insert("label".into(), json!(clip(&f.label, crate::dataset::limits::LABEL)));
            o.insert("value".into(), crate::num_json(f.value));
            o.insert("unit".into(), json!(clip(&f.unit, crate::dataset::limits::UNIT)));
            if let Some(one) = &f.unit_one {
                o.insert("unit_one".into(), json!(clip(one, crate::dataset::limits::UNIT)));
            }
            o.insert("approx".into(), json!(f.approx.as_str()));
            o.insert("status".into(), json!(f.status.as_str()));
            o.insert("source".into(), json!(id));
            if f.quote.chars().count() <= crate::dataset::limits::QUOTE {
                o.insert("quote".into(), json!(f.quote));
            }
            o.insert("as_of".into(), json!(as_of));
            figures.push(Value::Object(o));
        }
        let mut article = Map::new();
        if let Some(h) = &self.headline {
            article.insert("headline".into(), json!(clip(h, crate::dataset::limits::TITLE)));
        }
        article.insert("publisher".into(), json!(clip(&self.publisher, crate::dataset::limits::NAME)));
        if let Some(p) = &self.published {
            article.insert("published".into(), json!(p));
        }
        let title = self.headline.clone().unwrap_or_else(|| format!("Figures reported by {}", self.publisher));
        json!({
            "title": clip(&title, crate::dataset::limits::TITLE),
            "article": Value::Object(article),
            "sources": sources.iter().map(|(id, name)| json!({"id": id, "name": clip(name, crate::dataset::limits::NAME)})).collect::<Vec<_>>(),
            "figures": figures,
        })
    }
}

/// Text cut to at most `max` characters (a draft's labels and names must validate; the editor shows them whole to fix).
fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// An id from a name: lower-case words joined by hyphens ("Gaza’s health ministry" → "gazas-health-ministry").
pub(crate) fn slug(s: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if matches!(c, ' ' | '-' | '_' | '/' | '.') && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `id`, or `id-2`, `id-3` … when taken.
pub(crate) fn unique<'a>(id: String, taken: impl Iterator<Item = &'a String> + Clone) -> String {
    if !taken.clone().any(|t| *t == id) {
        return id;
    }
    (2..).map(|n| format!("{id}-{n}")).find(|c| !taken.clone().any(|t| t == c)).unwrap_or(id)
}
