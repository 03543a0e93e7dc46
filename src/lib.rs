//! reported-figures: charts of the figures a news report gives, in which every number carries its
//! source, how sure the source was, and as of when.
//!
//! Pure Rust logic (the dataset, validation, tables) runs and is tested natively; the `web` module is
//! the thin WebAssembly layer that touches JavaScript values and the DOM. See `ARCHITECTURE.md`.

pub mod assets;
pub mod chart;
pub mod dataset;
pub mod export;
pub mod markup;
pub mod num;
pub mod strings;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod web;
