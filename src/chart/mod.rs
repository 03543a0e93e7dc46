//! Charts: from a validated dataset to a chart description (pure, in logical pixels), then to SVG or
//! canvas pixels through one plotters drawing path.

pub mod draw;
pub mod info;
pub mod layout;
pub mod locale;
pub mod picture;
pub mod scale;
pub mod sentences;
pub mod spec;
pub mod svg;
pub mod text;
pub mod theme;

pub use draw::{draw, TextScale};
pub use layout::{describe, ChartError, Options};
pub use spec::ChartSpec;
pub use text::{MetricTable, TextMeasure};
pub use theme::ThemeName;
