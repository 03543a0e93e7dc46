//! Colours: WCAG contrast in both themes, and a source palette that stays distinct under colour
//! blindness.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use reported_figures::chart::theme::{Color, DARK, LIGHT, PALETTE};
use reported_figures::chart::{describe, MetricTable, Options, ThemeName};

#[test]
fn text_meets_aa_and_marks_meet_3_to_1_in_both_themes() {
    for theme in [LIGHT, DARK] {
        assert!(theme.text.contrast(theme.background) >= 4.5, "{:?} text", theme.name);
        assert!(theme.muted.contrast(theme.background) >= 4.5, "{:?} muted", theme.name);
        assert!(theme.axis.contrast(theme.background) >= 3.0, "{:?} axis", theme.name);
        // The widget around the chart: links and focus rings, the tooltip, errors.
        assert!(theme.focus.contrast(theme.background) >= 4.5, "{:?} focus and links", theme.name);
        assert!(theme.focus.contrast(theme.raised) >= 4.5, "{:?} links in the tooltip", theme.name);
        assert!(
            theme.text.contrast(theme.raised) >= 4.5 && theme.muted.contrast(theme.raised) >= 4.5,
            "{:?} tooltip",
            theme.name
        );
        assert!(theme.text.contrast(theme.alert_background) >= 4.5, "{:?} error text", theme.name);
        assert!(theme.alert.contrast(theme.alert_background) >= 3.0, "{:?} error border", theme.name);
        for c in PALETTE {
            assert!(c.contrast(theme.background) >= 3.0, "{:?} bar {}", theme.name, c.css_hex());
        }
    }
}

#[test]
fn every_text_drawn_meets_aa_against_the_background() {
    for (name, d) in common::all_datasets() {
        for chart in &d.charts {
            for theme in [ThemeName::Light, ThemeName::Dark] {
                let s =
                    describe(&d, &chart.id, &Options { width: 640.0, height: None, theme, lang: None }, &MetricTable)
                        .unwrap();
                for t in &s.texts {
                    let c = t.color.contrast(s.background);
                    assert!(t.color.a == 1.0 && c >= 4.5, "{name}/{} {theme:?}: {:?} at {c:.2}:1", chart.id, t.text);
                }
            }
        }
    }
}

// Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0) and CIELAB.
const PROTAN: [[f64; 3]; 3] =
    [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
const DEUTAN: [[f64; 3]; 3] =
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
const TRITAN: [[f64; 3]; 3] =
    [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]];
const IDENTITY: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

fn linear(c: Color) -> [f64; 3] {
    let f = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    [f(c.r), f(c.g), f(c.b)]
}

fn lab(c: Color, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let l = linear(c);
    let s: Vec<f64> = (0..3).map(|i| (0..3).map(|j| m[i][j] * l[j]).sum::<f64>().clamp(0.0, 1.0)).collect();
    let x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
    let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    let z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

#[test]
fn source_colours_stay_distinct_under_colour_blindness() {
    for (vision, m) in [("normal", IDENTITY), ("protanopia", PROTAN), ("deuteranopia", DEUTAN), ("tritanopia", TRITAN)]
    {
        for (i, a) in PALETTE.iter().enumerate() {
            for b in &PALETTE[i + 1..] {
                let (la, lb) = (lab(*a, &m), lab(*b, &m));
                let de = ((la[0] - lb[0]).powi(2) + (la[1] - lb[1]).powi(2) + (la[2] - lb[2]).powi(2)).sqrt();
                assert!(de >= 10.0, "{vision}: {} and {} differ by ΔE {de:.1}", a.css_hex(), b.css_hex());
            }
        }
    }
}
