//! Native benchmarks (criterion): parse + validate, the chart description, SVG output, the embed code,
//! and how one chart's costs grow with its number of figures (10, 100, 1000).
//! Run with `cargo bench`; the README records the numbers.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use reported_figures::chart::{describe, svg, MetricTable, Options, ThemeName};
use reported_figures::dataset::{self, Date};
use reported_figures::markup::embed::{self, Data, Embed};
use std::hint::black_box;

const TODAY: Date = Date { year: 2026, month: 1, day: 1 };

/// A valid dataset of 1000 figures, a little under 1 MiB: long quotes and notes, 50 sources, 10 charts.
fn big_dataset() -> String {
    let sources: Vec<String> = (0..50)
        .map(|i| format!(r#"{{"id": "s{i}", "name": "Source number {i}", "url": "https://example.com/sources/{i}", "description": "A description of source {i}"}}"#))
        .collect();
    let quote =
        "A sentence from the report that gives this figure, quoted in full so that readers can check it. ".repeat(8);
    let figures: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                r#"{{"id": "f{i}", "label": "Figure number {i} in a long report", "value": {v}, "unit": "people", "approx": "{a}", "status": "{s}", "source": "s{src}", "quote": "{quote}", "as_of": "2024-04-{d:02}", "note": "Note {i}."}}"#,
                v = (i * 37 + 11) as f64 * 1.5,
                a = ["exact", "about", "more_than", "nearly"][i % 4],
                s = ["reported", "proposed", "estimate"][i % 3],
                src = i % 50,
                d = 1 + i % 28,
            )
        })
        .collect();
    let charts: Vec<String> = (0..10)
        .map(|c| {
            let ids: Vec<String> = (0..12).map(|k| format!("\"f{}\"", c * 12 + k)).collect();
            format!(r#"{{"id": "c{c}", "title": "Chart {c}", "figures": [{}]}}"#, ids.join(", "))
        })
        .collect();
    format!(
        r#"{{"title": "A large dataset", "lang": "en", "sources": [{}], "figures": [{}], "charts": [{}]}}"#,
        sources.join(", "),
        figures.join(", "),
        charts.join(", ")
    )
}

/// A valid dataset whose one chart (no `charts`: every figure of a unit in one) has `n` figures, with
/// labels of a usual length and ten sources.
fn one_chart_dataset(n: usize) -> String {
    let sources: Vec<String> = (0..10).map(|i| format!(r#"{{"id": "s{i}", "name": "Source number {i}"}}"#)).collect();
    let figures: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "f{i}", "label": "Figure {i} of a long list of reported counts", "value": {v}, "unit": "people", "approx": "{a}", "source": "s{s}", "as_of": "2024-04-08"}}"#,
                v = (i * 7919) % 100_000 + 1,
                a = ["exact", "about", "more_than", "nearly"][i % 4],
                s = i % 10,
            )
        })
        .collect();
    format!(
        r#"{{"title": "One chart of {n} figures", "lang": "en", "sources": [{}], "figures": [{}]}}"#,
        sources.join(", "),
        figures.join(", ")
    )
}

fn benches(c: &mut Criterion) {
    let builtin = dataset::BUILTIN_JSON;
    let mut g = c.benchmark_group("parse+validate");
    g.throughput(Throughput::Bytes(builtin.len() as u64));
    g.bench_function("built-in dataset", |b| b.iter(|| dataset::validate(black_box(builtin), TODAY).unwrap()));
    let big = big_dataset();
    assert!(big.len() <= dataset::MAX_INPUT_BYTES && big.len() > 900_000, "{} bytes", big.len());
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("1000 figures (about 1 MiB)", |b| b.iter(|| dataset::validate(black_box(&big), TODAY).unwrap()));
    g.finish();

    let d = dataset::validate(builtin, TODAY).unwrap();
    let opts = |width| Options { width, height: None, theme: ThemeName::Light, lang: None };
    let mut g = c.benchmark_group("chart description");
    for w in [360.0, 640.0, 1000.0] {
        g.bench_function(format!("deaths at {w} px"), |b| {
            b.iter(|| describe(&d, "deaths", black_box(&opts(w)), &MetricTable).unwrap())
        });
    }
    let bigd = dataset::validate(&big, TODAY).unwrap();
    g.bench_function("12-figure chart of the large dataset at 640 px", |b| {
        b.iter(|| describe(&bigd, "c3", black_box(&opts(640.0)), &MetricTable).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("SVG output");
    let spec = describe(&d, "deaths", &opts(640.0), &MetricTable).unwrap();
    g.bench_function("deaths at 640 px", |b| {
        b.iter_batched(|| spec.clone(), |s| svg::render(&s), BatchSize::SmallInput)
    });
    g.finish();

    // What `reported-figures embed` does after reading its file: the pictures at every width they are
    // drawn at, their stylesheet and the chart's data in the binary form.
    let mut g = c.benchmark_group("embed code");
    for chart in ["deaths", "hostages"] {
        let e = Embed { chart, theme: "auto", lang: None, data: Data::Inline(&d) };
        g.bench_function(format!("built-in {chart}"), |b| {
            b.iter(|| embed::code(&d, black_box(&e), "reported-figures.js").unwrap())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("one chart of n figures");
    g.sample_size(20);
    for n in [10, 100, 1000] {
        let json = one_chart_dataset(n);
        let big = dataset::validate(&json, TODAY).unwrap();
        let id = big.charts[0].id.clone();
        assert_eq!(big.charts[0].figures.len(), n);
        g.bench_function(format!("{n}: parse + validate"), |b| {
            b.iter(|| dataset::validate(black_box(&json), TODAY).unwrap())
        });
        g.bench_function(format!("{n}: chart description at 640 px"), |b| {
            b.iter(|| describe(&big, &id, black_box(&opts(640.0)), &MetricTable).unwrap())
        });
        let e = Embed { chart: &id, theme: "auto", lang: None, data: Data::Inline(&big) };
        g.bench_function(format!("{n}: embed code"), |b| {
            b.iter(|| embed::code(&big, black_box(&e), "reported-figures.js").unwrap())
        });
    }
    g.finish();
}

/// Drafting a report: the REPORT test report's paragraphs repeated to about 5,000 words (the issue's
/// bound: under 100 ms).
fn draft_bench(c: &mut Criterion) {
    let para = "Floods have killed at least 48 people and displaced an estimated 120,000 in the river delta since July 28, \
                the disaster ministry said on Saturday. Nearly 300 villages remain under water, according to the Red Crescent. \
                \u{201c}We have sent 40 boats and a dozen helicopters,\u{201d} Colonel Amina Rahman told reporters. She said up to \
                2,000 soldiers would join the rescue by Monday.\n\n";
    let words = para.split_whitespace().count();
    let text = format!("Floods leave thousands homeless\n\n{}", para.repeat(5000 / words + 1));
    let mut g = c.benchmark_group("draft");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(format!("a report of {} words", text.split_whitespace().count()), |b| {
        b.iter(|| {
            reported_figures::draft::draft(
                black_box(&text),
                &Default::default(),
                reported_figures::dataset::Date { year: 2026, month: 1, day: 1 },
            )
            .unwrap()
        })
    });
    g.finish();
}

criterion_group!(core, benches, draft_bench);
criterion_main!(core);
