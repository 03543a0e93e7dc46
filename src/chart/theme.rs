//! Colours: light and dark themes, and the source palette shared by both.

/// An sRGB colour with opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
    /// Opacity from 0 (transparent) to 1.
    pub a: f64,
}

impl Color {
    /// An opaque colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Color {
        Color { r: (rgb >> 16) as u8, g: (rgb >> 8) as u8, b: rgb as u8, a: 1.0 }
    }
    /// The same colour with opacity `a`.
    pub fn alpha(self, a: f64) -> Color {
        Color { a, ..self }
    }
    /// `#rrggbb`, for CSS and SVG.
    pub fn css_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        fn lin(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }
    /// WCAG 2 contrast ratio between two opaque colours, from 1 to 21.
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// The colour scheme of a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on near black.
    Dark,
}

impl ThemeName {
    /// `light` or `dark`.
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s {
            "light" => Some(ThemeName::Light),
            "dark" => Some(ThemeName::Dark),
            _ => None,
        }
    }
    /// The theme's colours.
    pub fn theme(self) -> Theme {
        match self {
            ThemeName::Light => LIGHT,
            ThemeName::Dark => DARK,
        }
    }
}

/// The colours of one theme. Text colours meet WCAG AA (4.5:1) against the background; bar colours
/// and marks meet 3:1 (WCAG 1.4.11, non-text contrast). `tests/chart_theme.rs` checks both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub background: Color,
    /// Titles, labels, values.
    pub text: Color,
    /// Subtitles, sources, ticks, footer.
    pub muted: Color,
    /// Gridlines (decorative, no contrast requirement).
    pub grid: Color,
    /// The baseline at zero, and the marks in the key.
    pub axis: Color,
    /// Borders and rules of the widget around the chart (tooltip, table).
    pub line: Color,
    /// Focus rings and links.
    pub focus: Color,
    /// The tooltip's background.
    pub raised: Color,
    /// An error's border, and its background.
    pub alert: Color,
    pub alert_background: Color,
}

pub const LIGHT: Theme = Theme {
    name: ThemeName::Light,
    background: Color::hex(0xffffff),
    text: Color::hex(0x1a1a1a),
    muted: Color::hex(0x5c5c5c),
    grid: Color::hex(0xe4e4e4),
    axis: Color::hex(0x767676),
    line: Color::hex(0xd0d0d0),
    focus: Color::hex(0x0b57d0),
    raised: Color::hex(0xffffff),
    alert: Color::hex(0xb3261e),
    alert_background: Color::hex(0xfff4f2),
};

pub const DARK: Theme = Theme {
    name: ThemeName::Dark,
    background: Color::hex(0x17191c),
    text: Color::hex(0xececec),
    muted: Color::hex(0xa9adb3),
    grid: Color::hex(0x33363b),
    axis: Color::hex(0x8c9096),
    line: Color::hex(0x44484e),
    focus: Color::hex(0x8ab4f8),
    raised: Color::hex(0x25282c),
    alert: Color::hex(0xf2b8b5),
    alert_background: Color::hex(0x3a1d1b),
};

/// The source colours: Okabe–Ito's blue, vermillion, bluish green and reddish purple, a darker sky
/// blue and Tol's olive. Every one has a relative luminance from 0.13 to 0.30, so it keeps 3:1
/// against both backgrounds and a source has the same colour in both themes; under simulated
/// protanopia, deuteranopia and tritanopia any two differ by ΔE*ab ≥ 10. With more than six sources
/// the colours repeat: the source's name is written beside every bar, so colour is never the only cue.
pub const PALETTE: [Color; 6] = [
    Color::hex(0x0072b2),
    Color::hex(0xd55e00),
    Color::hex(0x009e73),
    Color::hex(0xcc79a7),
    Color::hex(0x3a8fc8),
    Color::hex(0x999933),
];
