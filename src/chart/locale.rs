//! Words and numbers in the dataset's language: digits and separators, qualifier phrases, dates, and
//! the few words a chart writes itself. Hand-written tables for the languages below (a full CLDR
//! library would add hundreds of kilobytes to the widget); any other language gets English words and
//! English number formatting, which the README states.

use crate::dataset::{lang, Approx, Date, Figure, Status, UnitForms};
use crate::strings::{cat, fill, has, uint};

/// The chart's own words in one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Words {
    /// Qualifier phrases, with `{}` where the number goes, in [`Approx::ALL`] order.
    pub approx: [&'static str; 7],
    /// Key entries: lower bound, upper bound, approximate, proposed, claimed, estimate.
    pub key: [&'static str; 6],
    /// "Sources: {}".
    pub sources: &'static str,
    /// "As of {}".
    pub as_of: &'static str,
    /// "Unit: {}".
    pub unit: &'static str,
    /// Separator between list items.
    pub list_sep: &'static str,
    /// Month names, January first, in the form used after a day number.
    pub months: [&'static str; 12],
    /// Date pattern: `{d}`, `{m}` (month name), `{y}`.
    pub date: &'static str,
    /// Screen-reader sentence for one figure: `{source}`, `{value}`, `{label}`.
    pub reports: &'static str,
    /// Status words for non-reported figures, in [`Status::ALL`] order (the first is unused).
    pub status: [&'static str; 4],
    /// The disclosure that holds a chart's table.
    pub data: &'static str,
    /// Table headers: figure, value, source, date.
    pub columns: [&'static str; 4],
    /// A value whose unit cannot be made to agree with it: `{value}`, `{unit}` ("1 (unit: brigades)").
    pub unit_neutral: &'static str,
    /// The words for a million, a billion (10^9) and a trillion (10^12), each in the forms for the
    /// plural categories one, few, many and other of the number before it.
    pub scales: [[&'static str; 4]; 3],
    /// A number of millions (`{n}`, "2.3 million") with its unit (`{unit}`): "2,3 millions de personnes".
    pub scale_unit: &'static str,
    /// Whether "de" before a vowel or a mute h becomes "d’" (French).
    pub elision: bool,
}

/// The same word for every plural category.
const fn same(w: &'static str) -> [&'static str; 4] {
    [w, w, w, w]
}

const EN: Words = Words {
    approx: ["{}", "about {}", "at least {}", "more than {}", "nearly {}", "fewer than {}", "up to {}"],
    key: [
        "more than / at least",
        "nearly / fewer than / up to",
        "approximate",
        "proposed, not agreed",
        "claimed",
        "estimate",
    ],
    sources: "Sources: {}",
    as_of: "As of {}",
    unit: "Unit: {}",
    list_sep: "; ",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date: "{d} {m} {y}",
    reports: "{source}: {value} – {label}",
    status: ["", "proposed", "claimed", "estimate"],
    data: "Data and sources",
    columns: ["Figure", "Value", "Source", "Date"],
    unit_neutral: "{value} (unit: {unit})",
    scales: [same("million"), same("billion"), same("trillion")],
    scale_unit: "{n} {unit}",
    elision: false,
};

const FR: Words = Words {
    approx: ["{}", "environ {}", "au moins {}", "plus de {}", "près de {}", "moins de {}", "jusqu’à {}"],
    key: [
        "plus de / au moins",
        "près de / moins de / jusqu’à",
        "approximatif",
        "proposé, non conclu",
        "revendiqué",
        "estimation",
    ],
    sources: "Sources : {}",
    as_of: "Au {}",
    unit: "Unité : {}",
    list_sep: " ; ",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    date: "{d} {m} {y}",
    reports: "{source} : {value} – {label}",
    status: ["", "proposé", "revendiqué", "estimation"],
    data: "Données et sources",
    columns: ["Chiffre", "Valeur", "Source", "Date"],
    unit_neutral: "{value} (unité : {unit})",
    scales: [
        ["million", "millions", "millions", "millions"],
        ["milliard", "milliards", "milliards", "milliards"],
        ["billion", "billions", "billions", "billions"],
    ],
    scale_unit: "{n} de {unit}",
    elision: true,
};

const DE: Words = Words {
    approx: ["{}", "etwa {}", "mindestens {}", "mehr als {}", "fast {}", "weniger als {}", "bis zu {}"],
    key: [
        "mehr als / mindestens",
        "fast / weniger als / bis zu",
        "ungefähr",
        "vorgeschlagen, nicht vereinbart",
        "behauptet",
        "Schätzung",
    ],
    sources: "Quellen: {}",
    as_of: "Stand: {}",
    unit: "Einheit: {}",
    list_sep: "; ",
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    date: "{d}. {m} {y}",
    reports: "{source}: {value} – {label}",
    status: ["", "vorgeschlagen", "behauptet", "Schätzung"],
    data: "Daten und Quellen",
    columns: ["Zahl", "Wert", "Quelle", "Datum"],
    unit_neutral: "{value} (Einheit: {unit})",
    scales: [
        ["Million", "Millionen", "Millionen", "Millionen"],
        ["Milliarde", "Milliarden", "Milliarden", "Milliarden"],
        ["Billion", "Billionen", "Billionen", "Billionen"],
    ],
    scale_unit: "{n} {unit}",
    elision: false,
};

const ES: Words = Words {
    approx: ["{}", "unos {}", "al menos {}", "más de {}", "casi {}", "menos de {}", "hasta {}"],
    key: [
        "más de / al menos",
        "casi / menos de / hasta",
        "aproximado",
        "propuesto, no acordado",
        "afirmado",
        "estimación",
    ],
    sources: "Fuentes: {}",
    as_of: "A {}",
    unit: "Unidad: {}",
    list_sep: "; ",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    date: "{d} de {m} de {y}",
    reports: "{source}: {value} – {label}",
    status: ["", "propuesto", "afirmado", "estimación"],
    data: "Datos y fuentes",
    columns: ["Cifra", "Valor", "Fuente", "Fecha"],
    unit_neutral: "{value} (unidad: {unit})",
    scales: [
        ["millón", "millones", "millones", "millones"],
        same("mil millones"),
        ["billón", "billones", "billones", "billones"],
    ],
    scale_unit: "{n} de {unit}",
    elision: false,
};

const IT: Words = Words {
    approx: ["{}", "circa {}", "almeno {}", "più di {}", "quasi {}", "meno di {}", "fino a {}"],
    key: [
        "più di / almeno",
        "quasi / meno di / fino a",
        "approssimativo",
        "proposto, non concordato",
        "rivendicato",
        "stima",
    ],
    sources: "Fonti: {}",
    as_of: "Al {}",
    unit: "Unità: {}",
    list_sep: "; ",
    months: [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    date: "{d} {m} {y}",
    reports: "{source}: {value} – {label}",
    status: ["", "proposto", "rivendicato", "stima"],
    data: "Dati e fonti",
    columns: ["Cifra", "Valore", "Fonte", "Data"],
    unit_neutral: "{value} (unità: {unit})",
    scales: [
        ["milione", "milioni", "milioni", "milioni"],
        ["miliardo", "miliardi", "miliardi", "miliardi"],
        ["bilione", "bilioni", "bilioni", "bilioni"],
    ],
    scale_unit: "{n} di {unit}",
    elision: false,
};

const PT: Words = Words {
    approx: ["{}", "cerca de {}", "pelo menos {}", "mais de {}", "quase {}", "menos de {}", "até {}"],
    key: [
        "mais de / pelo menos",
        "quase / menos de / até",
        "aproximado",
        "proposto, não acordado",
        "alegado",
        "estimativa",
    ],
    sources: "Fontes: {}",
    as_of: "Em {}",
    unit: "Unidade: {}",
    list_sep: "; ",
    months: [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    date: "{d} de {m} de {y}",
    reports: "{source}: {value} – {label}",
    status: ["", "proposto", "alegado", "estimativa"],
    data: "Dados e fontes",
    columns: ["Número", "Valor", "Fonte", "Data"],
    unit_neutral: "{value} (unidade: {unit})",
    scales: [
        ["milhão", "milhões", "milhões", "milhões"],
        ["bilhão", "bilhões", "bilhões", "bilhões"],
        ["trilhão", "trilhões", "trilhões", "trilhões"],
    ],
    scale_unit: "{n} de {unit}",
    elision: false,
};

const RU: Words = Words {
    approx: ["{}", "около {}", "не менее {}", "более {}", "почти {}", "менее {}", "до {}"],
    key: [
        "более / не менее",
        "почти / менее / до",
        "приблизительно",
        "предложено, не согласовано",
        "заявлено",
        "оценка",
    ],
    sources: "Источники: {}",
    as_of: "На {}",
    unit: "Единица: {}",
    list_sep: "; ",
    months: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    date: "{d} {m} {y} г.",
    reports: "{source}: {value} – {label}",
    status: ["", "предложено", "заявлено", "оценка"],
    data: "Данные и источники",
    columns: ["Показатель", "Значение", "Источник", "Дата"],
    unit_neutral: "{value} (единица: {unit})",
    scales: [
        ["миллион", "миллиона", "миллионов", "миллиона"],
        ["миллиард", "миллиарда", "миллиардов", "миллиарда"],
        ["триллион", "триллиона", "триллионов", "триллиона"],
    ],
    scale_unit: "{n} {unit}",
    elision: false,
};

const AR: Words = Words {
    approx: ["{}", "نحو {}", "ما لا يقل عن {}", "أكثر من {}", "قرابة {}", "أقل من {}", "حتى {}"],
    key: ["أكثر من / ما لا يقل عن", "قرابة / أقل من / حتى", "تقريبي", "مقترح، لم يُتفق عليه", "مُدّعى", "تقدير"],
    sources: "المصادر: {}",
    as_of: "حتى {}",
    unit: "الوحدة: {}",
    list_sep: "؛ ",
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    date: "{d} {m} {y}",
    reports: "{source}: {value} – {label}",
    status: ["", "مقترح", "مُدّعى", "تقدير"],
    data: "البيانات والمصادر",
    columns: ["الرقم", "القيمة", "المصدر", "التاريخ"],
    unit_neutral: "{value} (الوحدة: {unit})",
    scales: [same("مليون"), same("مليار"), same("تريليون")],
    scale_unit: "{n} {unit}",
    elision: false,
};

const HE: Words = Words {
    approx: ["{}", "כ־{}", "לפחות {}", "יותר מ־{}", "כמעט {}", "פחות מ־{}", "עד {}"],
    key: ["יותר מ / לפחות", "כמעט / פחות מ / עד", "משוער", "מוצע, לא סוכם", "נטען", "הערכה"],
    sources: "מקורות: {}",
    as_of: "נכון ל־{}",
    unit: "יחידה: {}",
    list_sep: "; ",
    months: [
        "בינואר",
        "בפברואר",
        "במרץ",
        "באפריל",
        "במאי",
        "ביוני",
        "ביולי",
        "באוגוסט",
        "בספטמבר",
        "באוקטובר",
        "בנובמבר",
        "בדצמבר",
    ],
    date: "{d} {m} {y}",
    reports: "{source}: {value} – {label}",
    status: ["", "מוצע", "נטען", "הערכה"],
    data: "נתונים ומקורות",
    columns: ["נתון", "ערך", "מקור", "תאריך"],
    unit_neutral: "{value} (יחידה: {unit})",
    scales: [same("מיליון"), same("מיליארד"), same("טריליון")],
    scale_unit: "{n} {unit}",
    elision: false,
};

/// How numbers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    pub group: &'static str,
    pub decimal: &'static str,
    /// The digit zero of the numbering system ('0' or '٠').
    pub zero: char,
    /// Whether four-digit numbers stay ungrouped (Spanish, Portuguese of Portugal, Polish …).
    pub min_grouping_two: bool,
    /// "%" after a number: "50%" or "50 %".
    pub percent: &'static str,
}

const LATN_COMMA: NumberFormat =
    NumberFormat { group: ",", decimal: ".", zero: '0', min_grouping_two: false, percent: "{}%" };

/// The plural categories of the Unicode CLDR that a number selects in a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// Which CLDR cardinal plural rule a language follows (for the languages with words here, and the
/// languages whose rule is the same as one of theirs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRule {
    /// one: 1 with no visible fraction (English, German, Italian, Spanish, Portuguese of Portugal …).
    One,
    /// one: an integer part of 0 or 1 (French, Portuguese of Brazil).
    ZeroOrOne,
    /// one, few, many by the last digits (Russian, Ukrainian).
    EastSlavic,
    /// zero, one, two, few (3–10), many (11–99) by the last two digits (Arabic).
    Arabic,
    /// one, two (Hebrew).
    Hebrew,
}

impl PluralRule {
    /// The category of a number written as plain digits (`"1"`, `"2.5"`), as CLDR defines them
    /// from its integer digits and its visible fraction digits.
    pub fn category(self, plain: &str) -> Plural {
        let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
        // The last three digits are all the rules look at (n % 100, i % 10); larger numbers keep them.
        let tail = &int[int.len().saturating_sub(3)..];
        let i: u64 = tail.parse().unwrap_or(0);
        let whole = frac.is_empty();
        let is_one = int == "1" && whole;
        match self {
            PluralRule::One if is_one => Plural::One,
            PluralRule::One => Plural::Other,
            PluralRule::ZeroOrOne if int == "0" || int == "1" => Plural::One,
            PluralRule::ZeroOrOne => Plural::Other,
            PluralRule::EastSlavic if !whole => Plural::Other,
            PluralRule::EastSlavic => match (i % 10, i % 100) {
                (1, r) if r != 11 => Plural::One,
                (2..=4, r) if !(12..=14).contains(&r) => Plural::Few,
                _ => Plural::Many,
            },
            PluralRule::Arabic if !whole => Plural::Other,
            PluralRule::Arabic if int == "0" => Plural::Zero,
            PluralRule::Arabic if int == "1" => Plural::One,
            PluralRule::Arabic if int == "2" => Plural::Two,
            PluralRule::Arabic => match i % 100 {
                3..=10 => Plural::Few,
                11..=99 => Plural::Many,
                _ => Plural::Other,
            },
            PluralRule::Hebrew if is_one || (int == "0" && !whole) => Plural::One,
            PluralRule::Hebrew if int == "2" && whole => Plural::Two,
            PluralRule::Hebrew => Plural::Other,
        }
    }
}

/// A language's words, number format, plural rule and direction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Locale {
    pub words: &'static Words,
    pub numbers: NumberFormat,
    pub plurals: PluralRule,
    /// Whether the language is English, whose regular plurals [`english_singular`] can undo.
    pub english: bool,
    pub rtl: bool,
}

/// The singular of an English plural unit when it can be told for sure, by a documented rule:
/// a few irregular nouns (people → person, children → child, men → man, women → woman); nouns that are
/// the same in both (sheep, fish, deer, aircraft, series, species, personnel, staff); twenty common
/// nouns in `-se` (cases, doses, houses …); then regular plurals: `-ies` → `-y` (bodies → body);
/// `-ches`, `-shes`, `-xes`, `-sses`, `-zzes` → without `-es` (boxes → box); other words ending in
/// `-ses`, `-oes`, `-ves`, `-us`, `-is`, `-ss` have no rule (buses, heroes, lives, status, crisis);
/// any other final `-s` is dropped (brigades → brigade, hours → hour, trucks → truck). A unit that does
/// not end in `s` is kept as it is: a symbol or an abbreviation (`%`, `km`, `kg`) or a word that is
/// already singular. In a unit of several words the noun is an irregular one if there is one
/// ("people killed"), else the word before "of" ("tonnes of aid" → "tonne of aid"), else the last.
/// `None` when no rule applies: the value is then written without agreement (see `unit_neutral`).
pub fn english_singular(unit: &str) -> Option<String> {
    let words: Vec<&str> = unit.split(' ').collect();
    const IRREGULAR: [(&str, &str); 6] = [
        ("people", "person"),
        ("persons", "person"),
        ("children", "child"),
        ("men", "man"),
        ("women", "woman"),
        ("feet", "foot"),
    ];
    // Nouns whose singular ends in -se: their plural is not told from -ses plurals (buses, crises).
    const SE: [&str; 20] = [
        "cases",
        "doses",
        "houses",
        "nurses",
        "horses",
        "courses",
        "responses",
        "bases",
        "purchases",
        "releases",
        "increases",
        "phases",
        "clauses",
        "verses",
        "warehouses",
        "expenses",
        "licenses",
        "causes",
        "uses",
        "vases",
    ];
    let irregular = words.iter().position(|w| IRREGULAR.iter().any(|(many, _)| w.eq_ignore_ascii_case(many)));
    let noun_at = irregular
        .unwrap_or_else(|| words.iter().position(|w| *w == "of").filter(|&i| i > 0).map_or(words.len() - 1, |i| i - 1));
    let noun = words[noun_at];
    // English units are ASCII; ASCII case mapping keeps Unicode's case tables out of the widget.
    let lower = noun.to_ascii_lowercase();
    const SAME: [&str; 8] = ["sheep", "fish", "deer", "aircraft", "series", "species", "personnel", "staff"];
    let singular = if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == lower) {
        // Keep an initial capital.
        let mut one = one.to_string();
        if noun.starts_with(|c: char| c.is_ascii_uppercase()) {
            one[..1].make_ascii_uppercase();
        }
        one
    } else if SAME.contains(&lower.as_str()) {
        noun.to_string()
    } else if !lower.ends_with('s') || !lower.is_ascii() {
        // A symbol, an abbreviation or a word that is already singular: as it is.
        return (!lower.is_empty()).then(|| unit.to_string());
    } else if SE.contains(&lower.as_str()) {
        noun[..noun.len() - 1].to_string()
    } else if lower.len() > 4 && lower.as_bytes().ends_with(b"ies") {
        crate::strings::cat(&[&noun[..noun.len() - 3], "y"])
    } else if ["ches", "shes", "xes", "sses", "zzes"].iter().any(|e| lower.as_bytes().ends_with(e.as_bytes())) {
        noun[..noun.len() - 2].to_string()
    } else if ["ses", "oes", "ves", "us", "is", "ss"].iter().any(|e| lower.as_bytes().ends_with(e.as_bytes()))
        || lower.len() < 3
    {
        return None;
    } else {
        noun[..noun.len() - 1].to_string()
    };
    let mut out: Vec<&str> = words.clone();
    out[noun_at] = &singular;
    Some(crate::strings::join(&out, " "))
}

impl Locale {
    /// The locale for a BCP 47 tag. A `-u-nu-latn` extension asks for Latin digits.
    pub fn for_tag(tag: &str) -> Locale {
        let primary = lang::primary(tag);
        let lower = tag.to_ascii_lowercase();
        let region = lower.split('-').skip(1).find(|p| p.len() == 2).unwrap_or("");
        let words: &'static Words = match primary.as_str() {
            "fr" => &FR,
            "de" => &DE,
            "es" => &ES,
            "it" => &IT,
            "pt" => &PT,
            "ru" => &RU,
            "ar" => &AR,
            "he" | "iw" => &HE,
            _ => &EN,
        };
        let mut numbers = match primary.as_str() {
            "fr" => NumberFormat {
                group: "\u{202F}",
                decimal: ",",
                zero: '0',
                min_grouping_two: false,
                percent: "{}\u{202F}%",
            },
            "de" if region == "ch" => {
                NumberFormat { group: "’", decimal: ".", zero: '0', min_grouping_two: false, percent: "{}%" }
            }
            "de" | "it" | "nl" | "id" | "tr" | "da" | "el" | "ro" | "hr" | "sl" | "sr" => {
                NumberFormat { group: ".", decimal: ",", zero: '0', min_grouping_two: false, percent: "{}\u{A0}%" }
            }
            "es" => NumberFormat { group: ".", decimal: ",", zero: '0', min_grouping_two: true, percent: "{}\u{A0}%" },
            "pt" if region == "pt" => {
                NumberFormat { group: "\u{A0}", decimal: ",", zero: '0', min_grouping_two: true, percent: "{}%" }
            }
            "pt" => NumberFormat { group: ".", decimal: ",", zero: '0', min_grouping_two: false, percent: "{}%" },
            "ru" | "uk" | "pl" | "cs" | "sk" | "fi" | "sv" | "nb" | "no" | "hu" | "bg" => NumberFormat {
                group: "\u{A0}",
                decimal: ",",
                zero: '0',
                min_grouping_two: primary == "pl",
                percent: "{}\u{A0}%",
            },
            "ar" if matches!(region, "ma" | "dz" | "tn" | "ly" | "eh") => {
                NumberFormat { group: ".", decimal: ",", zero: '0', min_grouping_two: false, percent: "{}\u{A0}%" }
            }
            "ar" => NumberFormat {
                group: "\u{66C}",
                decimal: "\u{66B}",
                zero: '\u{660}',
                min_grouping_two: false,
                percent: "{}\u{066A}",
            },
            _ => LATN_COMMA,
        };
        if crate::strings::has(&lower, "-u-") && crate::strings::has(&lower, "-nu-latn") {
            numbers.zero = '0';
            if numbers.group == "\u{66C}" {
                numbers.group = ",";
                numbers.decimal = ".";
                numbers.percent = "{}%";
            }
        }
        let plurals = match primary.as_str() {
            "fr" => PluralRule::ZeroOrOne,
            "pt" if region != "pt" => PluralRule::ZeroOrOne,
            "ru" | "uk" | "be" => PluralRule::EastSlavic,
            "ar" => PluralRule::Arabic,
            "he" | "iw" => PluralRule::Hebrew,
            _ => PluralRule::One,
        };
        Locale { words, numbers, plurals, english: primary == "en", rtl: lang::is_rtl(tag) }
    }

    /// A number with this language's digits and separators: 33,207 · 33.207 · 33 207 · ٣٣٬٢٠٧.
    pub fn number(&self, v: f64) -> String {
        let plain = crate::num::decimal(v); // Shortest exact decimal; never an exponent.
        let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
        let digits: Vec<char> = int.chars().collect();
        let group = digits.len() > 4 || (digits.len() == 4 && !self.numbers.min_grouping_two);
        let mut out = String::new();
        for (i, d) in digits.iter().enumerate() {
            if group && i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(self.numbers.group);
            }
            out.push(self.digit(*d));
        }
        if !frac.is_empty() {
            out.push_str(self.numbers.decimal);
            out.extend(frac.chars().map(|d| self.digit(d)));
        }
        out
    }

    fn digit(&self, d: char) -> char {
        match d.to_digit(10) {
            Some(n) => char::from_u32(self.numbers.zero as u32 + n).unwrap_or(d),
            None => d,
        }
    }

    /// A value as the report qualifies it: "more than 600", "about 40", "nearly 50%", with the unit
    /// when `with_unit` (after the number, in the form that agrees with it, or as "%"). Large round
    /// values are written as reports write them: "2.3 million", "more than 1 million".
    pub fn value(&self, v: f64, approx: Approx, unit: &str, with_unit: bool) -> String {
        self.value_with_forms(v, approx, unit, &UnitForms::default(), with_unit)
    }

    /// The value text of a figure as readers see it: its `wording` when the dataset gives the report's
    /// own words, else [`Locale::value`] with the figure's unit forms.
    pub fn figure_value(&self, f: &Figure, with_unit: bool) -> String {
        match &f.wording {
            Some(w) => w.clone(),
            None => self.value_with_forms(f.value, f.approx, &f.unit, &f.unit_forms, with_unit),
        }
    }

    fn value_with_forms(&self, v: f64, approx: Approx, unit: &str, forms: &UnitForms, with_unit: bool) -> String {
        let pattern = self.words.approx[Approx::ALL.iter().position(|a| *a == approx).unwrap_or(0)];
        let n = if unit == "%" {
            fill(self.numbers.percent, "{}", &self.number(v))
        } else if let Some((n, scale_word)) = self.large_round(v) {
            let n = cat(&[&n, " ", scale_word]);
            if with_unit {
                let unit = forms.many.as_deref().unwrap_or(unit);
                self.join_scale_unit(&n, unit)
            } else {
                n
            }
        } else if with_unit {
            let n = self.number(v);
            match self.unit_form(v, unit, forms) {
                Some(u) => cat(&[&n, " ", &u]),
                None => {
                    let value = fill(pattern, "{}", &n);
                    return fill(&fill(self.words.unit_neutral, "{value}", &value), "{unit}", unit);
                }
            }
        } else {
            self.number(v)
        };
        fill(pattern, "{}", &n)
    }

    /// The form of a unit that agrees with the number `v`; `None` when it cannot be known.
    /// One: `unit_one`, else (English only) [`english_singular`]. Two, few, many: the form given, else
    /// `unit`. Zero and other: `unit`.
    pub fn unit_form(&self, v: f64, unit: &str, forms: &UnitForms) -> Option<String> {
        let given = match self.plurals.category(&crate::num::decimal(v)) {
            Plural::One => {
                return forms.one.clone().or_else(|| self.english.then(|| english_singular(unit)).flatten());
            }
            Plural::Two => forms.two.as_deref(),
            Plural::Few => forms.few.as_deref(),
            Plural::Many => forms.many.as_deref(),
            Plural::Zero | Plural::Other => None,
        };
        Some(given.unwrap_or(unit).to_string())
    }

    /// A value of a million or more that is a round number of millions, billions or trillions (at most
    /// two decimals of them, so nothing is rounded): its number in this language and the scale word
    /// that agrees with it ("2.3", "million"; "2,3", "millions").
    pub fn large_round(&self, v: f64) -> Option<(String, &'static str)> {
        if !(1e6..=crate::dataset::MAX_VALUE).contains(&v) || v.fract() != 0.0 {
            return None;
        }
        let whole = v as u64;
        let (k, scale) =
            [(2, 1_000_000_000_000u64), (1, 1_000_000_000), (0, 1_000_000)].into_iter().find(|&(_, s)| whole >= s)?;
        // At most two decimals: a whole number of hundredths of the scale.
        if whole % (scale / 100) != 0 {
            return None;
        }
        let hundredths = whole / (scale / 100);
        let (whole_part, cents) = (uint(hundredths / 100), hundredths % 100);
        let plain = if cents == 0 {
            whole_part
        } else if cents % 10 == 0 {
            cat(&[&whole_part, ".", &uint(cents / 10)])
        } else {
            cat(&[&whole_part, if cents < 10 { ".0" } else { "." }, &uint(cents)])
        };
        let value: f64 = hundredths as f64 / 100.0;
        let category = match self.plurals.category(&plain) {
            Plural::One => 0,
            Plural::Few => 1,
            Plural::Many => 2,
            _ => 3,
        };
        Some((self.number(value), self.words.scales[k][category]))
    }

    /// "2,3 millions" and "personnes" as "2,3 millions de personnes" (elided to "d’" before a vowel
    /// or a mute h in French).
    fn join_scale_unit(&self, n: &str, unit: &str) -> String {
        let pattern = self.words.scale_unit;
        let elide = self.words.elision
            && has(pattern, " de {unit}")
            && unit
                .chars()
                .next()
                .is_some_and(|c| "aàâæeéèêëiîïoôœuùûüyhAÀÂÆEÉÈÊËIÎÏOÔŒUÙÛÜYH".chars().any(|v| v == c));
        if elide {
            fill(&fill(&fill(pattern, " de {unit}", " d’{unit}"), "{n}", n), "{unit}", unit)
        } else {
            fill(&fill(pattern, "{n}", n), "{unit}", unit)
        }
    }

    /// A date in this language: "8 April 2024", "8. April 2024", "٨ أبريل ٢٠٢٤".
    pub fn date(&self, d: Date) -> String {
        let year: String = uint(d.year.unsigned_abs().into()).chars().map(|c| self.digit(c)).collect();
        let day: String = uint(d.day.into()).chars().map(|c| self.digit(c)).collect();
        let s = fill(self.words.date, "{d}", &day);
        let s = fill(&s, "{m}", self.words.months[usize::from(d.month.clamp(1, 12)) - 1]);
        fill(&s, "{y}", &year)
    }

    /// The key text for a status other than reported.
    pub fn status_word(&self, s: Status) -> &'static str {
        self.words.status[Status::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_each_language() {
        let n = |tag: &str, v: f64| Locale::for_tag(tag).number(v);
        assert_eq!(n("en", 33207.0), "33,207");
        assert_eq!(n("en", 2_300_000.0), "2,300,000");
        assert_eq!(n("en", 600.0), "600");
        assert_eq!(n("en", 2.5), "2.5");
        assert_eq!(n("de", 33207.0), "33.207");
        assert_eq!(n("fr", 33207.0), "33\u{202F}207");
        assert_eq!(n("es", 1200.0), "1200");
        assert_eq!(n("es", 33207.0), "33.207");
        assert_eq!(n("ar", 33207.0), "٣٣٬٢٠٧");
        assert_eq!(n("ar-MA", 33207.0), "33.207");
        assert_eq!(n("ar-u-nu-latn", 33207.0), "33,207");
        assert_eq!(n("he", 33207.0), "33,207");
        assert_eq!(n("xx", 9_007_199_254_740_991.0), "9,007,199,254,740,991");
    }

    #[test]
    fn qualified_values_and_dates() {
        let en = Locale::for_tag("en");
        assert_eq!(en.value(600.0, Approx::MoreThan, "people", false), "more than 600");
        assert_eq!(en.value(40.0, Approx::About, "people", false), "about 40");
        assert_eq!(en.value(50.0, Approx::Nearly, "%", false), "nearly 50%");
        assert_eq!(en.value(6.0, Approx::About, "weeks", true), "about 6 weeks");
        assert_eq!(en.date(Date { year: 2024, month: 4, day: 8 }), "8 April 2024");
        assert_eq!(Locale::for_tag("de").date(Date { year: 2024, month: 4, day: 8 }), "8. April 2024");
        assert_eq!(Locale::for_tag("ar").date(Date { year: 2024, month: 4, day: 8 }), "٨ أبريل ٢٠٢٤");
        assert_eq!(Locale::for_tag("he").value(600.0, Approx::MoreThan, "x", false), "יותר מ־600");
        assert!(Locale::for_tag("he").rtl && Locale::for_tag("ar").rtl && !Locale::for_tag("en").rtl);
    }

    fn figure(value: f64, unit: &str, one: Option<&str>) -> Figure {
        Figure {
            id: None,
            label: "x".into(),
            value,
            unit: unit.into(),
            unit_forms: UnitForms { one: one.map(String::from), ..UnitForms::default() },
            wording: None,
            approx: Approx::Exact,
            status: Status::Reported,
            source: 0,
            quote: None,
            as_of: crate::dataset::AsOf { date: Date { year: 2024, month: 4, day: 8 }, text: "2024-04-08".into() },
            note: None,
        }
    }

    #[test]
    fn plural_categories_follow_cldr() {
        use Plural::*;
        let cat = |tag: &str, n: &str| Locale::for_tag(tag).plurals.category(n);
        assert_eq!([cat("en", "1"), cat("en", "0"), cat("en", "2"), cat("en", "1.5")], [One, Other, Other, Other]);
        assert_eq!([cat("fr", "0"), cat("fr", "1"), cat("fr", "1.5"), cat("fr", "2")], [One, One, One, Other]);
        assert_eq!([cat("pt", "0"), cat("pt-PT", "0"), cat("pt-PT", "1")], [One, Other, One]);
        assert_eq!(
            [
                cat("ru", "1"),
                cat("ru", "21"),
                cat("ru", "11"),
                cat("ru", "3"),
                cat("ru", "13"),
                cat("ru", "5"),
                cat("ru", "2.5")
            ],
            [One, One, Many, Few, Many, Many, Other]
        );
        assert_eq!(
            [
                cat("ar", "0"),
                cat("ar", "1"),
                cat("ar", "2"),
                cat("ar", "7"),
                cat("ar", "33207"),
                cat("ar", "60"),
                cat("ar", "1200")
            ],
            [Zero, One, Two, Few, Few, Many, Other]
        );
        assert_eq!([cat("he", "1"), cat("he", "2"), cat("he", "3"), cat("he", "0.5")], [One, Two, Other, One]);
    }

    #[test]
    fn units_agree_with_the_number() {
        let en = Locale::for_tag("en");
        let v = |l: &Locale, value: f64, unit: &str, one: Option<&str>| l.figure_value(&figure(value, unit, one), true);
        assert_eq!(v(&en, 1.0, "brigades", None), "1 brigade");
        assert_eq!(v(&en, 1.0, "people", None), "1 person");
        assert_eq!(v(&en, 3.0, "stages", None), "3 stages");
        assert_eq!(v(&en, 1.0, "bodies", None), "1 body");
        assert_eq!(v(&en, 1.0, "tonnes of aid", None), "1 tonne of aid");
        assert_eq!(v(&en, 1.0, "km", None), "1 km");
        assert_eq!(v(&en, 1.0, "%", None), "1%");
        assert_eq!(v(&en, 1.0, "buses", None), "1 (unit: buses)", "no rule for -ses: written without agreement");
        assert_eq!(v(&en, 1.0, "buses", Some("bus")), "1 bus");
        assert_eq!(v(&en, 1.5, "hours", None), "1.5 hours");
        let fr = Locale::for_tag("fr");
        assert_eq!(v(&fr, 1.0, "brigades", None), "1 (unité : brigades)", "no guessing in French");
        assert_eq!(v(&fr, 1.0, "brigades", Some("brigade")), "1 brigade");
        assert_eq!(v(&fr, 0.5, "heures", Some("heure")), "0,5 heure");
        assert_eq!(v(&fr, 3.0, "brigades", Some("brigade")), "3 brigades");
        for (tag, neutral) in [
            ("de", "1 (Einheit: Brigaden)"),
            ("es", "1 (unidad: Brigaden)"),
            ("it", "1 (unità: Brigaden)"),
            ("pt", "1 (unidade: Brigaden)"),
            ("ru", "1 (единица: Brigaden)"),
            ("he", "1 (יחידה: Brigaden)"),
            ("ar", "١ (الوحدة: Brigaden)"),
        ] {
            assert_eq!(v(&Locale::for_tag(tag), 1.0, "Brigaden", None), neutral, "{tag}");
            assert_eq!(v(&Locale::for_tag(tag), 1.0, "Brigaden", Some("Brigade")).split(' ').nth(1), Some("Brigade"));
        }
        let ru = Locale::for_tag("ru");
        let mut f = figure(3.0, "человек", None);
        f.unit_forms.few = Some("человека".into());
        assert_eq!(ru.figure_value(&f, true), "3 человека");
        f.value = 5.0;
        assert_eq!(ru.figure_value(&f, true), "5 человек");
        let mut q = figure(1.0, "brigades", None);
        q.approx = Approx::MoreThan;
        assert_eq!(en.figure_value(&q, true), "more than 1 brigade");
        q.unit = "buses".into();
        assert_eq!(en.figure_value(&q, true), "more than 1 (unit: buses)");
    }

    #[test]
    fn large_round_values_are_written_as_reports_write_them() {
        let v = |tag: &str, value: f64, approx: Approx, unit: &str, with_unit: bool| {
            Locale::for_tag(tag).value(value, approx, unit, with_unit)
        };
        assert_eq!(v("en", 2_300_000.0, Approx::Exact, "people", true), "2.3 million people");
        assert_eq!(v("en", 1_000_000.0, Approx::MoreThan, "people", true), "more than 1 million people");
        assert_eq!(v("en", 1_000_000.0, Approx::MoreThan, "people", false), "more than 1 million");
        assert_eq!(v("en", 2_350_000.0, Approx::Exact, "people", false), "2.35 million");
        assert_eq!(v("en", 2_345_000.0, Approx::Exact, "people", false), "2,345,000", "never rounded");
        assert_eq!(v("en", 240_000_000.0, Approx::Exact, "dollars", true), "240 million dollars");
        assert_eq!(v("en", 3_500_000_000.0, Approx::About, "dollars", true), "about 3.5 billion dollars");
        assert_eq!(v("en", 999_999.0, Approx::Exact, "people", false), "999,999");
        assert_eq!(v("en", 1_500_000.5, Approx::Exact, "people", false), "1,500,000.5");
        assert_eq!(v("fr", 2_300_000.0, Approx::Exact, "personnes", false), "2,3 millions");
        assert_eq!(v("fr", 2_300_000.0, Approx::Exact, "personnes", true), "2,3 millions de personnes");
        assert_eq!(v("fr", 1_000_000.0, Approx::MoreThan, "habitants", true), "plus de 1 million d’habitants");
        assert_eq!(v("de", 2_300_000.0, Approx::Exact, "Menschen", true), "2,3 Millionen Menschen");
        assert_eq!(v("de", 1_000_000.0, Approx::Exact, "Menschen", false), "1 Million");
        assert_eq!(v("es", 2_300_000.0, Approx::Exact, "personas", true), "2,3 millones de personas");
        assert_eq!(v("it", 2_300_000.0, Approx::Exact, "persone", true), "2,3 milioni di persone");
        assert_eq!(v("pt", 2_300_000.0, Approx::Exact, "pessoas", true), "2,3 milhões de pessoas");
        assert_eq!(v("ru", 2_000_000.0, Approx::Exact, "человек", true), "2 миллиона человек");
        assert_eq!(v("ru", 5_000_000.0, Approx::Exact, "человек", false), "5 миллионов");
        assert_eq!(v("ru", 2_300_000.0, Approx::Exact, "человек", false), "2,3 миллиона");
        assert_eq!(v("ar", 2_300_000.0, Approx::Exact, "شخص", false), "٢٫٣ مليون");
        assert_eq!(v("he", 2_300_000.0, Approx::Exact, "איש", true), "2.3 מיליון איש");
        assert_eq!(v("en", 9_007_199_254_740_991.0, Approx::Exact, "x", false), "9,007,199,254,740,991");
    }

    #[test]
    fn the_reports_own_words_replace_the_number() {
        let mut f = figure(50.0, "%", None);
        f.approx = Approx::Nearly;
        assert_eq!(Locale::for_tag("en").figure_value(&f, true), "nearly 50%");
        f.wording = Some("nearly half".into());
        assert_eq!(Locale::for_tag("en").figure_value(&f, true), "nearly half");
        assert_eq!(Locale::for_tag("en").figure_value(&f, false), "nearly half");
    }
}
