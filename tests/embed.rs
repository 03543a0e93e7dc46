//! The embed code and its pictures: every bar's label, value and source drawn as `<text>` in each
//! picture, exactly as the chart description places them; markup made only of the elements and
//! attributes the pictures use, with every piece of data escaped (the hostile datasets too); the
//! dataset carried in the binary form decodes to the dataset; and what one embed weighs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use base64::Engine;
use reported_figures::chart::{describe, picture, svg, MetricTable, Options, ThemeName};
use reported_figures::dataset::{self, binary, Dataset};
use reported_figures::markup::embed::{self, Data, Embed};
use std::io::Write;

const SVG_ELEMENTS: &[&str] = &["svg", "g", "rect", "path", "text"];
const SVG_ATTRIBUTES: &[&str] = &[
    "viewBox",
    "width",
    "height",
    "lang",
    "font-family",
    "direction",
    "dominant-baseline",
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "font-size",
    "font-weight",
    "text-anchor",
    "x",
    "y",
    "d",
];

/// Each `<svg>…</svg>` of the markup.
fn pictures(markup: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = markup;
    while let Some(i) = rest.find("<svg") {
        let end = rest[i..].find("</svg>").unwrap() + i + 6;
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

fn check(name: &str, d: &Dataset, chart: &str, lang: Option<&str>, markup: &str) {
    let bars = d.chart(chart).unwrap().figures.len();
    let variants = picture::variants_for(bars);
    let svgs = pictures(markup);
    assert_eq!(svgs.len(), variants.len(), "{name}: one picture per width");
    for (svg, v) in svgs.iter().zip(variants) {
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
        for n in doc.descendants().filter(|n| n.is_element()) {
            assert!(SVG_ELEMENTS.contains(&n.tag_name().name()), "{name}: <{}>", n.tag_name().name());
            for a in n.attributes() {
                assert!(SVG_ATTRIBUTES.contains(&a.name()), "{name}: attribute {}", a.name());
            }
        }
        let opts = Options { width: v.width, lang: lang.map(String::from), ..Options::default() };
        let spec = describe(d, chart, &opts, &MetricTable).unwrap();
        if let Some(why) = common::undrawn(d, &spec, svg) {
            panic!("{name} at {}: {why}", v.width);
        }
    }
    // The wrapper: the element, its stylesheet, the pictures' boxes and (for a file) its data; no
    // other element, and no attribute that could run anything.
    let outside: String = {
        let mut s = markup.to_string();
        for svg in &svgs {
            s = s.replacen(svg, "", 1);
        }
        // The stylesheet is ours, written from constants (its `<` are container queries).
        if let (Some(a), Some(b)) = (s.find("<style>"), s.find("</style>")) {
            assert_eq!(
                &s[a..b + 8],
                format!("<style>{}</style>", reported_figures::assets::picture_css(&[picture::variants_for(bars)]))
            );
            s.replace_range(a + 7..b, "");
        }
        s
    };
    for tag in outside.split('<').skip(1) {
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '/').collect();
        assert!(
            ["reported-figures", "/reported-figures", "style", "/style", "div", "/div", "script", "/script"]
                .contains(&name.as_str()),
            "{name}: <{tag:.40}"
        );
    }
    assert!(!outside.contains(" on"), "{name}: an event handler attribute");
    assert_eq!(
        markup.matches("<script").count(),
        markup.matches(&format!("<script type=\"{}\">", embed::DATA_TYPE)).count()
            + markup.matches("<script type=\"module\"").count()
    );
}

#[test]
fn every_picture_draws_every_bar_as_text_with_nothing_else() {
    for (name, d) in common::all_datasets() {
        for c in &d.charts {
            let e = Embed { chart: &c.id, theme: "auto", lang: None, data: Data::Inline(&d) };
            check(&format!("{name}/{}", c.id), &d, &c.id, None, &embed::element(&d, &e, true).unwrap());
        }
    }
}

#[test]
fn hostile_datasets_stay_escaped_text_in_the_embed() {
    for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile")).unwrap() {
        let path = f.unwrap().path();
        let Ok(d) = dataset::validate_bytes(&std::fs::read(&path).unwrap(), common::TODAY) else { continue };
        for c in &d.charts {
            let e = Embed { chart: &c.id, theme: "dark", lang: Some("fr"), data: Data::Inline(&d) };
            let code = embed::code(&d, &e, "https://example.com/www/reported-figures.js").unwrap();
            check(&path.display().to_string(), &d, &c.id, Some("fr"), &code);
        }
    }
}

#[test]
fn an_inline_dataset_decodes_to_the_dataset() {
    let d = common::test_data("he-gaza.json");
    let e = Embed { chart: "hostages", theme: "auto", lang: None, data: Data::Inline(&d) };
    let markup = embed::element(&d, &e, false).unwrap();
    let start = markup.find(&format!("<script type=\"{}\">", embed::DATA_TYPE)).unwrap();
    let body = &markup[markup[start..].find('>').unwrap() + start + 1..];
    let b64 = &body[..body.find("</script>").unwrap()];
    assert!(b64.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
    assert_eq!(binary::decode(&bytes), d.only_chart("hostages"), "the chart's own figures and sources");
    assert!(
        markup.starts_with("<reported-figures chart=\"hostages\" theme=\"auto\"><div class=\"rfp\">"),
        "no stylesheet when asked for none"
    );
}

#[test]
fn a_chart_cut_from_its_dataset_draws_exactly_as_in_it() {
    // The embed carries only its chart's figures and sources; the live chart drawn from them must be
    // the picture drawn from the whole dataset: the same colours (a source's colour is its place among
    // all the dataset's charts), texts and places, in every chart of every test dataset.
    let mut sets = vec![("built-in".to_string(), common::builtin())];
    for f in ["ar-gaza.json", "he-gaza.json", "long-sources.json", "rtl-long-source.json", "stress.json"] {
        sets.push((f.to_string(), common::test_data(f)));
    }
    let mut later_charts = 0;
    for (name, d) in &sets {
        for (i, c) in d.charts.iter().enumerate() {
            let part = binary::decode(&binary::encode(&d.only_chart(&c.id).unwrap())).unwrap();
            for theme in [ThemeName::Light, ThemeName::Dark] {
                let opts = Options { width: 640.0, height: None, theme, lang: None };
                let whole = svg::render(&describe(d, &c.id, &opts, &MetricTable).unwrap());
                let cut = svg::render(&describe(&part, &c.id, &opts, &MetricTable).unwrap());
                assert!(cut == whole, "{name}: {} is drawn differently from its own figures", c.id);
            }
            later_charts += usize::from(i > 0);
        }
    }
    assert!(later_charts >= 3, "charts after the first, whose colours do not start the palette");
}

#[test]
fn the_pictures_follow_the_theme_without_a_second_copy_and_one_shows_without_css() {
    let d = common::builtin();
    let e = Embed { chart: "deaths", theme: "auto", lang: None, data: Data::Inline(&d) };
    let m = embed::element(&d, &e, true).unwrap();
    // The theme's colours for both schemes, and the sources' own colours as they are.
    assert!(m.contains("fill=\"light-dark(#1a1a1a,#ececec)\""));
    assert!(m.contains("fill=\"#0072b2\""));
    // Without a stylesheet, only the picture made for an article column shows.
    assert_eq!(m.matches(" hidden>").count(), 1);
    assert!(m.contains("<div class=\"p2\" data-width=\"680\"><svg"));
    assert!(m.contains("@container (width<520px){.rfp>.p1{display:block}}"));
    assert_eq!(m.matches("<script").count(), 1, "the chart's own data");
}

#[test]
fn one_embed_weighs_a_few_kilobytes() {
    let d = common::builtin();
    let tool = |chart: &str| {
        let e = Embed { chart, theme: "auto", lang: None, data: Data::Inline(&d) };
        embed::code(&d, &e, "https://example.com/www/reported-figures.js").unwrap()
    };
    for chart in ["deaths", "hostages"] {
        let code = tool(chart);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        gz.write_all(code.as_bytes()).unwrap();
        let gzip = gz.finish().unwrap().len();
        eprintln!("# the {chart} embed: {} bytes, {gzip} gzip", code.len());
        // A ratchet on the pasted markup: every article, and every one of fifty widgets, carries it.
        assert!(code.len() < 18_000 && gzip < 4_000, "{chart}: {} bytes, {gzip} gzip", code.len());
    }
}

#[test]
fn each_picture_is_the_chart_laid_out_at_its_width_in_light_colours() {
    let d = common::builtin();
    let spec = describe(
        &d,
        "hostages",
        &Options { width: 680.0, theme: ThemeName::Light, ..Options::default() },
        &MetricTable,
    )
    .unwrap();
    let svg = picture::svg(&spec);
    assert!(svg.starts_with(&format!("<svg viewBox=\"0 0 680 {}\" width=\"100%\"", spec.height)));
    // Whole pixels and half pixels for odd strokes, as the canvas draws them.
    assert!(svg.contains("<rect x=\"0\" y=\"0\" width=\"680\""));
    assert!(svg.contains(".5L"));
}
