//! Validates a dataset and draws one of its charts as SVG, with the crate's public API only.
//!
//! ```sh
//! cargo run --example render -- www/data/gaza-truce-talks-2024-04-08.json hostages 640 > hostages.svg
//! ```
//!
//! Arguments: the dataset's JSON file, a chart id (the first chart when absent), a width in CSS pixels
//! (640 when absent). Problems are printed one per line (`path: message`), exit status 1.

#[cfg(not(target_arch = "wasm32"))]
use reported_figures::{render_svg, validate, Date, Options, ThemeName};
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

/// (The example is native: `wasm-pack test` builds every target for wasm32, where it does nothing.)
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: render DATASET.json [CHART] [WIDTH]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    // Dates in the dataset may be at most a day after this one.
    let today = Date { year: 2100, month: 1, day: 1 };
    let dataset = match validate(&text, today) {
        Ok(d) => d,
        Err(errors) => {
            for e in errors {
                eprintln!("{file}: {e}");
            }
            return ExitCode::from(1);
        }
    };
    let chart = args.get(1).cloned().unwrap_or_else(|| dataset.charts[0].id.clone());
    let width = args.get(2).and_then(|w| w.parse().ok()).unwrap_or(640.0);
    let options = Options { width, height: None, theme: ThemeName::Light, lang: None };
    match render_svg(&dataset, &chart, &options) {
        Ok(svg) => {
            print!("{svg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
