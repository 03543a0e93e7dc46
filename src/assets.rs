//! What the build writes for the browser from facts that live here in Rust, so that JavaScript and CSS
//! never copy them: the widget's stylesheet (theme colours, the font) and a JavaScript module with it
//! and the limits the element enforces before the wasm module sees anything. `reported-figures facts`
//! prints the module; `.ci/build` bundles it into the element.

use crate::chart::text::FAMILY;
use crate::chart::theme::{Theme, DARK, LIGHT};
use crate::dataset::MAX_INPUT_BYTES;

/// The custom properties of one theme, as CSS declarations.
fn theme_vars(t: &Theme) -> String {
    format!(
        "--fg: {}; --muted: {}; --bg: {}; --line: {}; --focus: {}; --tip-bg: {}; --alert: {}; --alert-bg: {};",
        t.text.css_hex(),
        t.muted.css_hex(),
        t.background.css_hex(),
        t.line.css_hex(),
        t.focus.css_hex(),
        t.raised.css_hex(),
        t.alert.css_hex(),
        t.alert_background.css_hex(),
    )
}

/// The widget's "Data and sources" disclosure, closed, under the chart: its line's height and the
/// margin under it. A pre-rendered picture keeps their sum free under itself, so that the live chart
/// replaces it without moving anything below.
const DATA_LINE: u32 = 22;
const DATA_MARGIN: u32 = 8;

/// The stylesheet of the widget's shadow root. The host element and the widget's root reset every
/// property they would otherwise inherit from the page (`all: initial`): an article's
/// `letter-spacing`, `word-spacing`, `text-transform`, `text-align`, `line-height` or font never
/// reach the chart, its tooltip or its table.
pub fn widget_css() -> String {
    let (light, dark) = (theme_vars(&LIGHT), theme_vars(&DARK));
    format!(
        r#":host {{ all: initial; display: block; position: relative; contain: layout; color-scheme: light dark; }}
:host([hidden]) {{ display: none; }}
.rf {{ all: initial; display: block; {light}
  font: 14px/1.4 {FAMILY}; color: var(--fg); background: var(--bg); text-align: start; }}
.rf.dark {{ {dark} }}
.plot {{ position: relative; }}
.clip {{ overflow: hidden; direction: ltr; }}
canvas {{ display: block; }}
.hits {{ position: absolute; inset: 0; pointer-events: none; }}
.hit {{ position: absolute; margin: 0; padding: 0; border: 0; background: transparent; cursor: default;
  pointer-events: auto; border-radius: 3px; font: inherit; color: inherit; }}
.hit:focus {{ outline: none; }}
.hit:focus-visible {{ outline: 2px solid var(--focus); outline-offset: -2px; }}
.tip {{ position: absolute; z-index: 2; max-width: min(22rem, calc(100% - 16px)); box-sizing: border-box;
  padding: 8px 10px; background: var(--tip-bg); color: var(--fg); border: 1px solid var(--line);
  border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.25); transition: opacity .12s ease-out; }}
.tip[hidden] {{ display: none; }}
.tip p, .tip blockquote {{ margin: 0 0 4px; }}
.tip-value {{ font-weight: bold; font-size: 15px; }}
.tip-source, .tip-note, .tip-status {{ color: var(--muted); font-size: 13px; }}
.tip-host {{ overflow-wrap: anywhere; }}
.tip-status {{ font-style: italic; }}
.tip-quote {{ font-size: 13px; border-inline-start: 3px solid var(--line); padding-inline-start: 8px; }}
.tip a {{ color: var(--focus); }}
.sr-only {{ position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }}
.data {{ margin: 0 16px {DATA_MARGIN}px; font-size: 13px; color: var(--muted); }}
.data summary {{ cursor: pointer; height: {DATA_LINE}px; line-height: {DATA_LINE}px; }}
.data summary:focus-visible {{ outline: 2px solid var(--focus); }}
.data table {{ border-collapse: collapse; margin-top: 4px; color: var(--fg); }}
.data th, .data td {{ text-align: start; padding: 2px 8px 2px 0; border-bottom: 1px solid var(--line); vertical-align: top; }}
.data td.num {{ text-align: end; font-variant-numeric: tabular-nums; }}
.error {{ margin: 0; padding: 12px 16px; border: 2px solid var(--alert); color: var(--fg); background: var(--alert-bg); }}
.error-title {{ margin: 0 0 6px; font-weight: bold; }}
.error ul {{ margin: 0; padding-inline-start: 20px; overflow-wrap: anywhere; }}
@media (prefers-reduced-motion: reduce) {{ .tip {{ transition: none; }} }}
"#
    )
}

/// The stylesheet of pre-rendered pictures ([`crate::chart::picture`]) for the pictures made with
/// `sets` (each chart's embed carries only its own set's rules; the site's `www/picture.css` has all):
/// the element is a size container whose container queries show the one picture made for its width
/// (browsers without container queries show the picture the markup leaves visible), and its
/// `color-scheme` follows the reader's preference unless `theme` says light or dark.
pub fn picture_css(sets: &[&[crate::chart::picture::Variant]]) -> String {
    let mut css = format!(
        "reported-figures{{display:block;container-type:inline-size;color-scheme:light dark}}\
         reported-figures[theme=light]{{color-scheme:light}}reported-figures[theme=dark]{{color-scheme:dark}}\
         .rfp{{padding-bottom:{}px}}.rfp svg{{display:block}}\
         @supports (container-type:inline-size){{.rfp>div{{display:none}}",
        DATA_LINE + DATA_MARGIN
    );
    for set in sets {
        for (i, v) in set.iter().enumerate() {
            let to = set.get(i + 1).map(|n| n.from);
            let rule = format!(".rfp>.{}{{display:block}}", v.class);
            match (i, to) {
                (0, None) => css.push_str(&rule),
                (0, Some(to)) => css.push_str(&format!("@container (width<{to}px){{{rule}}}")),
                (_, Some(to)) => css.push_str(&format!("@container ({}px<=width<{to}px){{{rule}}}", v.from)),
                (_, None) => css.push_str(&format!("@container (width>={}px){{{rule}}}", v.from)),
            }
        }
    }
    css.push('}');
    css
}

/// The stylesheet of every set of pictures: the site's `www/picture.css`.
pub fn all_pictures_css() -> String {
    use crate::chart::picture::{ONE, PAIR};
    picture_css(&[&PAIR, &ONE])
}

/// How many strings the reader's `Widget::texts` gives before the bars' own, and per bar (the element
/// reads them by position).
pub const TEXTS_HEAD: usize = 10;
pub const TEXTS_PER_BAR: usize = 11;

/// The most device pixels a canvas is given down the page: taller charts are painted in tiles, one
/// canvas each (browsers give up on larger canvases: Chromium past 65,535 pixels a side, Safari past
/// 16.7 million pixels in all).
pub const TILE_MAX_PX: f64 = 4096.0;

/// CSS without the spaces a browser does not need: whitespace runs become one space, and none is kept
/// next to `{ } ; : , >` (the stylesheets here have no strings or `:` in values that need them).
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut space = false;
    for c in css.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let tight = |c: char| "{};:,>".contains(c);
        if space && !out.is_empty() && !tight(c) && !out.ends_with(tight) {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}

/// A JavaScript string literal (JSON's syntax, which JavaScript reads the same way).
fn js_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// The module the element imports: the largest dataset it downloads, the widget's stylesheet, how the
/// reader hands it texts, and how tall a canvas may be.
pub fn facts_js() -> String {
    format!(
        "// Written by `reported-figures facts` from the Rust sources (src/assets.rs): do not edit.\n\
         /** Largest dataset accepted, in bytes (the validator's own limit). */\n\
         export const MAX_INPUT_BYTES = {MAX_INPUT_BYTES};\n\
         /** Strings of Widget.texts() before the bars' own, and per bar. */\n\
         export const TEXTS_HEAD = {TEXTS_HEAD};\n\
         export const TEXTS_PER_BAR = {TEXTS_PER_BAR};\n\
         /** The most device pixels a canvas tile is tall. */\n\
         export const TILE_MAX_PX = {TILE_MAX_PX};\n\
         /** The stylesheet of every widget's shadow root. */\n\
         export const WIDGET_CSS = {};\n",
        js_string(&minify_css(&widget_css()))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifying_keeps_what_css_needs() {
        assert_eq!(
            minify_css(
                ".a b, .c:hover > d {\n  margin: 0 16px;  width: calc(100% - 16px);\n}\n@media (x: y) { .e { f: g; } }"
            ),
            ".a b,.c:hover>d{margin:0 16px;width:calc(100% - 16px)}@media (x:y){.e{f:g}}"
        );
    }

    #[test]
    fn the_stylesheet_carries_both_themes_and_resets_what_a_page_could_pass_down() {
        let css = widget_css();
        assert!(css.contains(":host { all: initial;") && css.contains(".rf { all: initial;"));
        assert!(css.contains(&format!("--fg: {};", LIGHT.text.css_hex())));
        assert!(css.contains(&format!("--bg: {};", DARK.background.css_hex())));
        assert!(css.contains(FAMILY));
        let js = facts_js();
        assert!(js.contains("export const MAX_INPUT_BYTES = 1048576;"));
        assert!(js.contains("export const WIDGET_CSS = \":host{all:initial;"));
    }
}
