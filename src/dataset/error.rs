//! Validation errors: one documented variant per kind of problem, each reported at a JSON path.
//!
//! Messages are a tested contract (see `tests/dataset_errors.rs`): lower-case, no trailing period, and
//! they quote the bad value where there is one, for example
//! `figures[2].value: must be a number from 0 to 9007199254740991, got -5`.

use std::fmt;

/// One problem in a dataset, at the JSON path of the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    /// Where the problem is: `figures[2].value`, `sources[0].url`, or `(root)` for the whole document.
    pub path: String,
    /// What the problem is.
    pub kind: ErrorKind,
}

/// The path used for problems with the whole document.
pub const ROOT: &str = "(root)";

/// Every kind of problem that validation reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input is larger than [`crate::dataset::MAX_INPUT_BYTES`]; it was not parsed.
    TooLarge {
        /// The input's size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input is not UTF-8 text; `offset` is the byte offset of the first invalid byte.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input is not JSON. `line` and `column` are 1-based; `column` counts bytes as serde_json does.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in bytes.
        column: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// A key appears twice in one object. Reported at the repeated key's path.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// A required field is absent.
    Missing,
    /// The field has the wrong JSON type. `expected` and `found` are words such as "a string".
    WrongType {
        /// What the field must be ("a string").
        expected: &'static str,
        /// What it is.
        found: String,
    },
    /// A text field is empty after trimming whitespace and zero-width characters.
    Blank,
    /// A text field is longer than its documented limit, counted in Unicode scalar values.
    TooLong {
        /// The most allowed.
        max: usize,
        /// How many there are.
        len: usize,
    },
    /// A text field holds a character that is never allowed in text (see [`ForbiddenKind`]).
    ForbiddenChar {
        /// Which class of character.
        kind: ForbiddenKind,
        /// The character.
        ch: char,
        /// Its 1-based position in the text, in characters.
        position: usize,
    },
    /// A figure's value is not a finite number from 0 to 2^53−1. `got` is the JSON literal.
    ValueOutOfRange {
        /// The value given.
        got: String,
    },
    /// A word that must come from a fixed list, such as `approx` or `status`.
    NotOneOf {
        /// The words allowed.
        allowed: &'static [&'static str],
        /// The value given.
        got: String,
    },
    /// A list with fewer items than allowed.
    TooFew {
        /// The least allowed.
        min: usize,
        /// How many there are.
        len: usize,
    },
    /// A list with more items than allowed.
    TooMany {
        /// The most allowed.
        max: usize,
        /// How many there are.
        len: usize,
    },
    /// An id already used by an earlier item of the same list; `first` is that item's path.
    DuplicateId {
        /// The id.
        id: String,
        /// The path of the item that used the id first.
        first: String,
    },
    /// A figure names a source id that no source has.
    UnknownSource {
        /// The id.
        id: String,
    },
    /// A chart names a figure id that no figure has.
    UnknownFigure {
        /// The id.
        id: String,
    },
    /// A chart lists the same figure twice.
    RepeatedFigure {
        /// The id.
        id: String,
    },
    /// A URL that the WHATWG URL parser rejects (relative, or malformed).
    InvalidUrl {
        /// The value given.
        got: String,
    },
    /// A URL whose scheme is not `http` or `https`.
    UrlScheme {
        /// The value given.
        got: String,
    },
    /// A URL with a user name or password in it.
    UrlUserInfo,
    /// A date that is not `YYYY-MM-DD` or an RFC 3339 date-time.
    DateFormat {
        /// The value given.
        got: String,
    },
    /// A date in the right format that does not exist in the calendar (2024-02-30, 25:00).
    NotACalendarDate {
        /// The value given.
        got: String,
    },
    /// A date more than one day after the day of validation.
    FutureDate {
        /// The value given.
        got: String,
        /// The day of validation.
        today: String,
    },
    /// A language tag that is not well-formed BCP 47.
    InvalidLang {
        /// The value given.
        got: String,
    },
    /// Data given as an object rather than text (the element's `data` property) that JSON cannot
    /// hold: nested more than 128 levels deep (a cyclic object), larger than the size limit as JSON,
    /// or a value of a type JSON does not have. `message` says which.
    NotJsonData {
        /// What is wrong, in words.
        message: String,
    },
}

/// The three classes of characters that text may never contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForbiddenKind {
    /// C0 and C1 control characters other than tab and newline (this includes carriage return and DEL).
    Control,
    /// Bidi embeddings, overrides and isolates: U+202A–U+202E and U+2066–U+2069.
    Bidi,
    /// Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane.
    Noncharacter,
}

impl ErrorKind {
    /// The kind's stable name, for machine-readable output (`check --format json`, the JavaScript
    /// API's `kind`): `"missing"`, `"wrong_type"`, …
    pub fn name(&self) -> &'static str {
        use ErrorKind::*;
        match self {
            TooLarge { .. } => "too_large",
            NotUtf8 { .. } => "not_utf8",
            Syntax { .. } => "syntax",
            DuplicateKey { .. } => "duplicate_key",
            Missing => "missing",
            WrongType { .. } => "wrong_type",
            Blank => "blank",
            TooLong { .. } => "too_long",
            ForbiddenChar { .. } => "forbidden_char",
            ValueOutOfRange { .. } => "value_out_of_range",
            NotOneOf { .. } => "not_one_of",
            TooFew { .. } => "too_few",
            TooMany { .. } => "too_many",
            DuplicateId { .. } => "duplicate_id",
            UnknownSource { .. } => "unknown_source",
            UnknownFigure { .. } => "unknown_figure",
            RepeatedFigure { .. } => "repeated_figure",
            InvalidUrl { .. } => "invalid_url",
            UrlScheme { .. } => "url_scheme",
            UrlUserInfo => "url_user_info",
            DateFormat { .. } => "date_format",
            NotACalendarDate { .. } => "not_a_calendar_date",
            FutureDate { .. } => "future_date",
            InvalidLang { .. } => "invalid_lang",
            NotJsonData { .. } => "not_json_data",
        }
    }
}

impl DatasetError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        DatasetError { path: path.into(), kind }
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

impl std::error::Error for DatasetError {}

/// The longest stretch of a bad value quoted in a message, in characters.
const QUOTE_MAX: usize = 60;

/// A bad value as it appears in a message: JSON-quoted, shortened to `QUOTE_MAX` characters, with
/// control and bidi characters escaped so that a message can never reorder or hide the text around it.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for (i, c) in s.chars().enumerate() {
        if i == QUOTE_MAX {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control()
                || crate::dataset::text::is_bidi_control(c)
                || crate::dataset::text::is_noncharacter(c) =>
            {
                // \uXXXX (at least four hex digits), without `core::fmt`.
                out.push_str("\\u");
                let u = c as u32;
                let digits = (u.max(1).ilog2() / 4 + 1).max(4);
                for i in (0..digits).rev() {
                    out.push(char::from(b"0123456789ABCDEF"[((u >> (4 * i)) & 15) as usize]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            TooLarge { bytes, limit } => {
                write!(f, "input is {bytes} bytes, more than the limit of {limit} bytes")
            }
            NotUtf8 { offset } => write!(f, "input is not UTF-8 text (invalid byte at offset {offset})"),
            Syntax { line, column, message } => {
                write!(f, "invalid JSON at line {line}, column {column}: {message}")
            }
            DuplicateKey { key } => write!(f, "duplicate key {} in the same object", quote(key)),
            Missing => write!(f, "is required"),
            WrongType { expected, found } => write!(f, "must be {expected}, got {found}"),
            Blank => write!(f, "must not be blank"),
            TooLong { max, len } => write!(f, "must be at most {max} characters, got {len}"),
            ForbiddenChar { kind, ch, position } => {
                let what = match kind {
                    ForbiddenKind::Control => "control character",
                    ForbiddenKind::Bidi => "bidi control character",
                    ForbiddenKind::Noncharacter => "noncharacter",
                };
                write!(f, "must not contain the {what} U+{:04X} (character {position})", *ch as u32)
            }
            ValueOutOfRange { got } => {
                write!(f, "must be a number from 0 to 9007199254740991, got {got}")
            }
            NotOneOf { allowed, got } => {
                write!(f, "must be one of {}, got {}", allowed.join(", "), quote(got))
            }
            TooFew { min, len } => write!(f, "must have at least {min} {}, got {len}", items(*min)),
            TooMany { max, len } => write!(f, "must have at most {max} {}, got {len}", items(*max)),
            DuplicateId { id, first } => write!(f, "duplicate id {}, already used by {first}", quote(id)),
            UnknownSource { id } => write!(f, "no source has the id {}", quote(id)),
            UnknownFigure { id } => write!(f, "no figure has the id {}", quote(id)),
            RepeatedFigure { id } => write!(f, "figure {} is already in this chart", quote(id)),
            InvalidUrl { got } => write!(f, "must be an absolute URL, got {}", quote(got)),
            UrlScheme { got } => write!(f, "must be an http or https URL, got {}", quote(got)),
            UrlUserInfo => write!(f, "must not contain a user name or password"),
            DateFormat { got } => {
                write!(f, "must be a date as YYYY-MM-DD or an RFC 3339 date-time, got {}", quote(got))
            }
            NotACalendarDate { got } => write!(f, "is not a real calendar date, got {}", quote(got)),
            FutureDate { got, today } => {
                write!(f, "must not be more than a day in the future, got {} (today is {today})", quote(got))
            }
            InvalidLang { got } => {
                write!(f, "must be a BCP 47 language tag such as \"en\" or \"pt-BR\", got {}", quote(got))
            }
            NotJsonData { message } => f.write_str(message),
        }
    }
}

fn items(n: usize) -> &'static str {
    if n == 1 {
        "item"
    } else {
        "items"
    }
}
