//! Numbers as text without `core::fmt`'s float machinery (about 20 KB of the widget): the whole part
//! in integer digits, then the fewest decimal places of the fraction, at most 17, that read back as
//! the same number. That is Rust's own shortest representation for every value a dataset
//! realistically holds (tested); a fraction under 5e-18 has no such place and is left out.

use crate::strings::{cat, uint};

/// Powers of ten that `f64` holds exactly.
const POW10: [f64; 18] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17];

/// A finite number as plain decimal digits with no exponent and no grouping: `33207`, `0.5`,
/// `123456.789`, `-2.25`. Non-finite numbers give `NaN`, `inf`, `-inf`.
pub fn decimal(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    if a.fract() == 0.0 && a < 1.8e19 {
        return cat(&[sign, &uint(a as u64)]);
    }
    // The whole part exactly, then the fewest decimals of the fraction that read back as the number.
    let whole = a.trunc();
    let frac = a - whole;
    let int = uint(whole as u64);
    for (p, &scale) in POW10.iter().enumerate().skip(1) {
        let n = (frac * scale).round();
        if n < scale && whole + n / scale == a {
            let digits = uint(n as u64);
            let padded = cat(&[&"0".repeat(p - digits.len()), &digits]);
            let frac = padded.trim_end_matches('0');
            return if frac.is_empty() { cat(&[sign, &int]) } else { cat(&[sign, &int, ".", frac]) };
        }
    }
    cat(&[sign, &int])
}

/// A CSS length in pixels, to 1/100 px: `12px`, `12.5px`.
pub fn px(v: f64) -> String {
    let hundredths = (v * 100.0).round();
    cat(&[&decimal(hundredths / 100.0), "px"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_rusts_shortest_representation() {
        for v in [
            0.0,
            1.0,
            33207.0,
            2_300_000.0,
            9_007_199_254_740_991.0,
            0.5,
            2.5,
            123456.789,
            0.1,
            0.3,
            1e-7,
            48.25,
            6.02,
            99.999,
            1234567890.5,
            4503599627370495.5,
            0.000001,
            12345678901.25,
        ] {
            assert_eq!(decimal(v), format!("{v}"), "{v}");
        }
        assert_eq!(decimal(-2.25), "-2.25");
        // The documented limit: seventeen decimal places.
        assert_eq!(decimal(1e-17), "0.00000000000000001");
        assert_eq!(decimal(1e-18), "0");
        assert_eq!(px(12.0), "12px");
        assert_eq!(px(12.345), "12.35px");
    }
}
