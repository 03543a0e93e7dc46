//! Calendar dates: `YYYY-MM-DD` and RFC 3339 date-times, checked against the real calendar.
//!
//! Hand-written because it is forty lines of arithmetic: a date crate would add bytes to the widget
//! for two functions. Pure: "today" is always passed in.

use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not `YYYY-MM-DD` or an RFC 3339 date-time.
    Format,
    /// Well-formed, but the day or time does not exist (2023-02-29, 24:00:00).
    NotInCalendar,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01. Howard Hinnant's `civil_from_days`.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later.
    pub fn plus_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// Parses `YYYY-MM-DD` or an RFC 3339 date-time (`2024-04-08T14:30:00Z`, `…+02:00`, fractional
/// seconds, lower-case `t`/`z` as RFC 3339 allows) and returns its calendar date.
pub fn parse(s: &str) -> Result<Date, DateProblem> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateProblem::Format);
    }
    let (y, m, d) = match (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10])) {
        (Some(y), Some(m), Some(d)) => (y, m, d),
        _ => return Err(DateProblem::Format),
    };
    if b.len() > 10 {
        check_time(&b[10..])?;
    }
    Date::new(y as i32, m as u8, d as u8).ok_or(DateProblem::NotInCalendar)
}

/// `Thh:mm:ss[.frac](Z|±hh:mm)`.
fn check_time(t: &[u8]) -> Result<(), DateProblem> {
    use DateProblem::*;
    if t.len() < 10 || !matches!(t[0], b'T' | b't') || t[3] != b':' || t[6] != b':' {
        return Err(Format);
    }
    let (h, mi, se) =
        (digits(&t[1..3]).ok_or(Format)?, digits(&t[4..6]).ok_or(Format)?, digits(&t[7..9]).ok_or(Format)?);
    let mut rest = &t[9..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return Err(Format);
        }
        rest = &rest[1 + n..];
    }
    match rest {
        [b'Z' | b'z'] => {}
        [b'+' | b'-', oh1, oh2, b':', om1, om2] => {
            let oh = digits(&[*oh1, *oh2]).ok_or(Format)?;
            let om = digits(&[*om1, *om2]).ok_or(Format)?;
            if oh > 23 || om > 59 {
                return Err(NotInCalendar);
            }
        }
        _ => return Err(Format),
    }
    if h > 23 || mi > 59 || se > 60 {
        return Err(NotInCalendar);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_date_times() {
        let d = Date { year: 2024, month: 4, day: 8 };
        assert_eq!(parse("2024-04-08"), Ok(d));
        assert_eq!(parse("2024-04-08T23:59:60.123+05:30"), Ok(d));
        assert_eq!(parse("2024-04-08t10:00:00z"), Ok(d));
        assert_eq!(parse("2024-02-29"), Ok(Date { year: 2024, month: 2, day: 29 }));
        assert_eq!(parse("2023-02-29"), Err(DateProblem::NotInCalendar));
        assert_eq!(parse("2024-04-31"), Err(DateProblem::NotInCalendar));
        assert_eq!(parse("2024-04-08T24:00:00Z"), Err(DateProblem::NotInCalendar));
        for bad in [
            "2024-4-8",
            "08/04/2024",
            "2024-04-08T10:00Z",
            "2024-04-08 ",
            "2024-04-08T10:00:00",
            "+2024-04-08",
            "２０２４-04-08",
        ] {
            assert_eq!(parse(bad), Err(DateProblem::Format), "{bad}");
        }
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(Date { year: 1970, month: 1, day: 1 }.days_since_epoch(), 0);
        assert_eq!(Date { year: 2024, month: 4, day: 8 }.days_since_epoch(), 19_821);
        for n in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days_since_epoch(n).days_since_epoch(), n);
        }
        assert_eq!(Date { year: 2024, month: 2, day: 28 }.plus_days(1), Date { year: 2024, month: 2, day: 29 });
    }
}
