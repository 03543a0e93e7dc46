//! Words and numbers in the dataset's language: digits and separators, qualifier phrases, dates, and
//! the few words a chart writes itself. Hand-written tables for the languages below (a full CLDR
//! library would add hundreds of kilobytes to the widget); any other language gets English words and
//! English number formatting, which the README states.

use crate::dataset::{lang, Approx, Date, Status};

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

/// A language's words, number format and direction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Locale {
    pub words: &'static Words,
    pub numbers: NumberFormat,
    pub rtl: bool,
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
        if lower.contains("-u-") && lower.contains("-nu-latn") {
            numbers.zero = '0';
            if numbers.group == "\u{66C}" {
                numbers.group = ",";
                numbers.decimal = ".";
                numbers.percent = "{}%";
            }
        }
        Locale { words, numbers, rtl: lang::is_rtl(tag) }
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
    /// when `with_unit` (it is then written after the number, or as "%").
    pub fn value(&self, v: f64, approx: Approx, unit: &str, with_unit: bool) -> String {
        let n = self.number(v);
        let n = if unit == "%" {
            self.numbers.percent.replace("{}", &n)
        } else if with_unit {
            format!("{n} {unit}")
        } else {
            n
        };
        let pattern = self.words.approx[Approx::ALL.iter().position(|a| *a == approx).unwrap_or(0)];
        pattern.replace("{}", &n)
    }

    /// A date in this language: "8 April 2024", "8. April 2024", "٨ أبريل ٢٠٢٤".
    pub fn date(&self, d: Date) -> String {
        let year: String = d.year.to_string().chars().map(|c| self.digit(c)).collect();
        let day: String = d.day.to_string().chars().map(|c| self.digit(c)).collect();
        self.words
            .date
            .replace("{d}", &day)
            .replace("{m}", self.words.months[usize::from(d.month.clamp(1, 12)) - 1])
            .replace("{y}", &year)
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
}
