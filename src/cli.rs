//! The command-line tool: `check` datasets, print a `table` of their figures, `render` a chart as SVG,
//! `prerender` the page's static fallbacks, and print the `facts` the browser code shares with Rust.
//!
//! Native only. [`run`] takes its streams as arguments so that tests drive it without a process.

use crate::chart::{self, layout::MAX_WIDTH, layout::MIN_WIDTH, MetricTable, ThemeName};
use crate::dataset::{self, Dataset, Date, MAX_INPUT_BYTES};
use crate::export;
use std::ffi::OsString;
use std::io::{Read, Write};

/// Each command's usage line and what it does (`reported-figures COMMAND --help` prints one).
const COMMANDS: &[(&str, &str)] = &[
    (
        "check",
        "  reported-figures check [--format text|json] FILE...
                                                      validate datasets; each problem is printed as
                                                      FILE:LINE:COLUMN: PATH: MESSAGE (1-based, the column in
                                                      characters), or with --format json as a JSON array of
                                                      {file, line, column, path, kind, message}",
    ),
    ("table", "  reported-figures table [FILE] [--format csv|markdown] print every figure (CSV by default)"),
    (
        "render",
        "  reported-figures render [FILE] [--chart ID] [--width W] [--height H] [--theme light|dark] [-o OUT.svg]
                                                      draw a chart as SVG (the first chart, 640 px wide,
                                                      light, to standard output by default)",
    ),
    (
        "embed",
        "  reported-figures embed [FILE] [--chart ID] [--theme auto|light|dark] [--lang TAG] [--src URL]
                        [--script URL] [-o OUT.html]  write the embed code for a chart, drawn already: the
                                                      module script, the element with its pictures and their
                                                      stylesheet, and the dataset (inline for a FILE, or
                                                      downloaded from --src URL); --script is the URL of
                                                      reported-figures.js (default www/reported-figures.js)",
    ),
    (
        "prerender",
        "  reported-figures prerender [FILE] --page TEMPLATE.html [--embed-page TEMPLATE.html] [--also TEMPLATE...] -o DIR
                                                      write DIR/index.html from the template with every chart
                                                      drawn and the no-JavaScript content filled in; with
                                                      --embed-page, DIR/embed.html and DIR/embed-CHART.html;
                                                      each --also template to DIR/TEMPLATE; every chart's SVG
                                                      (light and dark), the CSV and the pictures' stylesheet
                                                      into DIR/www/. Markers: <!--rf:article-->,
                                                      <!--rf:details-->, <!--rf:table-->, <!--rf:widget:ID-->
                                                      (a chart for a page that links www/picture.css),
                                                      <!--rf:embed:ID--> (a chart as its embed code pastes it)",
    ),
    (
        "pack",
        "  reported-figures pack [FILE] [-o OUT.rfd]           validate a dataset and write it in the compact binary
                                                      form the browser's reader module reads",
    ),
    (
        "draft",
        "  reported-figures draft ARTICLE.txt [--publisher NAME] [--published YYYY-MM-DD] [--headline TEXT] [-o DRAFT.json]
                                                      draft a dataset from a report's plain text: every figure
                                                      with its value, unit, qualifier, status, quote, source
                                                      and a label to edit (- reads standard input)",
    ),
    (
        "import",
        "  reported-figures import FIGURES.csv [--title TEXT] [-o DATASET.json]
                                                      a dataset from the columns table writes (CSV, or
                                                      tab-separated text pasted from a spreadsheet)",
    ),
    (
        "facts",
        "  reported-figures facts [-o OUT.js]                  print the limits, font and widget stylesheet the
                                                      browser code shares with Rust, as a JavaScript module
                                                      (the build bundles it into the element)",
    ),
];

const USAGE_END: &str = "\
FILE may be - for standard input. Without FILE, table, render, embed, prerender and pack use the
built-in dataset (the Reuters report of 8 April 2024 on the Gaza truce talks).
exit status: 0 valid, 1 invalid dataset, 2 usage or I/O error";

/// The whole usage text, or one command's.
fn usage(command: Option<&str>) -> String {
    let mut text = String::from("usage:\n");
    for (name, line) in COMMANDS {
        if command.is_none_or(|c| c == *name) {
            text.push_str(line);
            text.push('\n');
        }
    }
    text.push_str(USAGE_END);
    text
}

/// Exit status: every dataset is valid.
pub const EXIT_OK: i32 = 0;
/// Exit status: some dataset is invalid.
pub const EXIT_INVALID: i32 = 1;
/// Exit status: bad arguments, or a file could not be read.
pub const EXIT_USAGE: i32 = 2;

/// Today's date in UTC, from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    Date::from_days_since_epoch(secs.div_euclid(86_400))
}

/// Where a dataset comes from.
enum Input {
    Builtin,
    Stdin,
    File(OsString),
}

impl Input {
    fn from_arg(arg: OsString) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(arg)
        }
    }
    fn name(&self) -> String {
        match self {
            Input::Builtin => "(built-in)".into(),
            Input::Stdin => "-".into(),
            Input::File(p) => p.to_string_lossy().into_owned(),
        }
    }
    /// Reads at most one byte more than the dataset size limit, so a huge file is refused without
    /// reading it.
    fn read(&self, stdin: &mut dyn Read) -> std::io::Result<Vec<u8>> {
        self.read_up_to(MAX_INPUT_BYTES, stdin)
    }
    /// Reads at most `max + 1` bytes (one more than is allowed, so that too much is seen).
    fn read_up_to(&self, max: usize, stdin: &mut dyn Read) -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        let limit = max as u64 + 1;
        match self {
            Input::Builtin => buf.extend_from_slice(dataset::BUILTIN_JSON.as_bytes()),
            Input::Stdin => {
                stdin.take(limit).read_to_end(&mut buf)?;
            }
            Input::File(p) => {
                std::fs::File::open(p)?.take(limit).read_to_end(&mut buf)?;
            }
        }
        Ok(buf)
    }
}

/// Runs the tool with `args` (without the program name) and returns the exit status.
pub fn run(args: Vec<OsString>, stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match run_inner(args, stdin, out, err) {
        Ok(code) => code,
        Err(Usage(message)) => {
            let _ = writeln!(err, "reported-figures: {message}\n{}", usage(None));
            EXIT_USAGE
        }
    }
}

struct Usage(String);

impl From<lexopt::Error> for Usage {
    fn from(e: lexopt::Error) -> Self {
        Usage(e.to_string())
    }
}

fn run_inner(
    args: Vec<OsString>,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Usage> {
    use lexopt::prelude::*;
    // `COMMAND --help` (or `-h`) anywhere after a known command prints that command's usage.
    if let Some(command) = args.first().and_then(|a| a.to_str()).filter(|c| COMMANDS.iter().any(|(n, _)| n == c)) {
        if args[1..].iter().any(|a| a == "--help" || a == "-h") {
            let _ = writeln!(out, "{}", usage(Some(command)));
            return Ok(EXIT_OK);
        }
    }
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next()? {
        Some(Value(v)) => v.string()?,
        Some(Long("help")) | Some(Short('h')) => {
            let _ = writeln!(out, "{}", usage(None));
            return Ok(EXIT_OK);
        }
        Some(Long("version")) => {
            let _ = writeln!(out, "reported-figures {}", env!("CARGO_PKG_VERSION"));
            return Ok(EXIT_OK);
        }
        Some(other) => return Err(other.unexpected().into()),
        None => return Err(Usage("missing command".into())),
    };
    match command.as_str() {
        "check" => {
            let mut files = Vec::new();
            let mut json = false;
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("format") => {
                        json = match parser.value()?.string()?.as_str() {
                            "text" => false,
                            "json" => true,
                            other => return Err(Usage(format!("unknown format {other:?}: use text or json"))),
                        }
                    }
                    Value(v) => files.push(Input::from_arg(v)),
                    other => return Err(other.unexpected().into()),
                }
            }
            if files.is_empty() {
                return Err(Usage("check needs at least one FILE".into()));
            }
            Ok(check(&files, json, stdin, out, err))
        }
        "table" => {
            let mut file = None;
            let mut format = "csv".to_string();
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("format") => format = parser.value()?.string()?,
                    Value(v) if file.is_none() => file = Some(Input::from_arg(v)),
                    other => return Err(other.unexpected().into()),
                }
            }
            if format != "csv" && format != "markdown" {
                return Err(Usage(format!("unknown format {format:?}: use csv or markdown")));
            }
            Ok(table(&file.unwrap_or(Input::Builtin), &format, stdin, out, err))
        }
        "render" => {
            let mut file = None;
            let mut req = RenderRequest { chart: None, width: 640.0, height: None, theme: ThemeName::Light, out: None };
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("chart") => req.chart = Some(parser.value()?.string()?),
                    Long("width") => req.width = pixels(&parser.value()?.string()?, "--width")?,
                    Long("height") => req.height = Some(pixels(&parser.value()?.string()?, "--height")?),
                    Long("theme") => {
                        let t = parser.value()?.string()?;
                        req.theme = ThemeName::parse(&t)
                            .ok_or_else(|| Usage(format!("unknown theme {t:?}: use light or dark")))?;
                    }
                    Short('o') | Long("output") => req.out = Some(parser.value()?),
                    Value(v) if file.is_none() => file = Some(Input::from_arg(v)),
                    other => return Err(other.unexpected().into()),
                }
            }
            Ok(render(&file.unwrap_or(Input::Builtin), &req, stdin, out, err))
        }
        "embed" => {
            let mut file = None;
            let mut req =
                EmbedRequest { chart: None, theme: "auto".into(), lang: None, src: None, script: None, out: None };
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("chart") => req.chart = Some(parser.value()?.string()?),
                    Long("theme") => {
                        let t = parser.value()?.string()?;
                        if !matches!(t.as_str(), "auto" | "light" | "dark") {
                            return Err(Usage(format!("unknown theme {t:?}: use auto, light or dark")));
                        }
                        req.theme = t;
                    }
                    Long("lang") => {
                        let l = parser.value()?.string()?;
                        if !dataset::lang::is_well_formed(&l) {
                            return Err(Usage(format!("--lang must be a BCP 47 language tag, got {l:?}")));
                        }
                        req.lang = Some(l);
                    }
                    Long("src") => req.src = Some(parser.value()?.string()?),
                    Long("script") => req.script = Some(parser.value()?.string()?),
                    Short('o') | Long("output") => req.out = Some(parser.value()?),
                    Value(v) if file.is_none() => file = Some(Input::from_arg(v)),
                    other => return Err(other.unexpected().into()),
                }
            }
            Ok(embed(&file.unwrap_or(Input::Builtin), &req, stdin, out, err))
        }
        "prerender" => {
            let (mut file, mut page, mut embed_page, mut dir) = (None, None, None, None);
            let mut extra: Vec<std::path::PathBuf> = Vec::new();
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("page") => page = Some(parser.value()?),
                    Long("embed-page") => embed_page = Some(parser.value()?),
                    Long("also") => extra.push(parser.value()?.into()),
                    Short('o') | Long("output") => dir = Some(parser.value()?),
                    Value(v) if file.is_none() => file = Some(Input::from_arg(v)),
                    other => return Err(other.unexpected().into()),
                }
            }
            let (Some(page), Some(dir)) = (page, dir) else {
                return Err(Usage("prerender needs --page TEMPLATE and -o DIR".into()));
            };
            let paths = Prerender {
                page: page.as_ref(),
                embed_page: embed_page.as_deref().map(AsRef::as_ref),
                extra: &extra,
                dir: dir.as_ref(),
            };
            Ok(prerender(&file.unwrap_or(Input::Builtin), &paths, stdin, err))
        }
        "pack" => {
            let (mut file, mut output) = (None, None);
            while let Some(arg) = parser.next()? {
                match arg {
                    Short('o') | Long("output") => output = Some(parser.value()?),
                    Value(v) if file.is_none() => file = Some(Input::from_arg(v)),
                    other => return Err(other.unexpected().into()),
                }
            }
            let d = match load_to_stderr(&file.unwrap_or(Input::Builtin), stdin, err) {
                Ok(d) => d,
                Err(code) => return Ok(code),
            };
            Ok(write_output(output.as_deref(), &dataset::binary::encode(&d), out, err))
        }
        "draft" => {
            let (mut file, mut output) = (None, None);
            let mut options = crate::draft::DraftOptions::default();
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("publisher") => options.publisher = Some(parser.value()?.string()?),
                    Long("published") => options.published = Some(parser.value()?.string()?),
                    Long("headline") => options.headline = Some(parser.value()?.string()?),
                    Short('o') | Long("output") => output = Some(parser.value()?),
                    Value(v) if file.is_none() => file = Some(Input::from_arg(v)),
                    other => return Err(other.unexpected().into()),
                }
            }
            let Some(file) = file else { return Err(Usage("draft needs the report's text file (or -)".into())) };
            Ok(draft(&file, &options, output.as_deref(), stdin, out, err))
        }
        "import" => {
            let (mut file, mut output, mut title) = (None, None, None);
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("title") => title = Some(parser.value()?.string()?),
                    Short('o') | Long("output") => output = Some(parser.value()?),
                    Value(v) if file.is_none() => file = Some(Input::from_arg(v)),
                    other => return Err(other.unexpected().into()),
                }
            }
            let Some(file) = file else { return Err(Usage("import needs a CSV file (or -)".into())) };
            Ok(import(&file, title.as_deref(), output.as_deref(), stdin, out, err))
        }
        "facts" => {
            let mut file = None;
            while let Some(arg) = parser.next()? {
                match arg {
                    Short('o') | Long("output") => file = Some(parser.value()?),
                    other => return Err(other.unexpected().into()),
                }
            }
            Ok(write_output(file.as_deref(), crate::assets::facts_js().as_bytes(), out, err))
        }
        other => Err(Usage(format!("unknown command {other:?}"))),
    }
}

/// Reads and validates one input; prints what went wrong and returns the exit status on failure.
fn load(input: &Input, stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> Result<Dataset, i32> {
    let name = input.name();
    let bytes = match input.read(stdin) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{name}: cannot read: {e}");
            return Err(EXIT_USAGE);
        }
    };
    dataset::validate_bytes(&bytes, today()).map_err(|errors| {
        let places = dataset::positions::locate(&bytes, &errors);
        for (e, p) in errors.iter().zip(places) {
            let _ = writeln!(out, "{name}:{}:{}: {e}", p.line, p.column);
        }
        EXIT_INVALID
    })
}

/// Like [`load`], with the dataset's errors on standard error: for commands whose standard output is
/// a table or an SVG, which must never hold error lines.
fn load_to_stderr(input: &Input, stdin: &mut dyn Read, err: &mut dyn Write) -> Result<Dataset, i32> {
    let mut errors = Vec::new();
    load(input, stdin, &mut errors, err).inspect_err(|_| {
        let _ = err.write_all(&errors);
    })
}

fn check(files: &[Input], json: bool, stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    if !json {
        let mut status = EXIT_OK;
        for f in files {
            match load(f, stdin, out, err) {
                Ok(_) => {
                    let _ = writeln!(out, "{}: ok", f.name());
                }
                Err(code) => status = status.max(code),
            }
        }
        return status;
    }
    // Machine-readable: one array of every problem in every file (empty when all are valid).
    let mut status = EXIT_OK;
    let mut results = Vec::new();
    for f in files {
        let file = f.name();
        let bytes = match f.read(stdin) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "{file}: cannot read: {e}");
                status = EXIT_USAGE;
                continue;
            }
        };
        if let Err(errors) = dataset::validate_bytes(&bytes, today()) {
            status = status.max(EXIT_INVALID);
            for (e, p) in errors.iter().zip(dataset::positions::locate(&bytes, &errors)) {
                results.push(Problem {
                    file: file.clone(),
                    line: p.line,
                    column: p.column,
                    path: e.path.clone(),
                    kind: e.kind.name(),
                    message: e.kind.to_string(),
                });
            }
        }
    }
    let _ = writeln!(out, "{}", serde_json::to_string(&results).unwrap_or_default());
    status
}

/// One problem in `check --format json`, its fields in this order.
#[derive(serde::Serialize)]
struct Problem {
    file: String,
    line: usize,
    column: usize,
    path: String,
    kind: &'static str,
    message: String,
}

/// Reads a report's text (at most the draft's size limit, as UTF-8) and writes its drafted dataset.
fn draft(
    input: &Input,
    options: &crate::draft::DraftOptions,
    output: Option<&std::ffi::OsStr>,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let name = input.name();
    let bytes = match input.read_up_to(crate::draft::MAX_REPORT_BYTES, stdin) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{name}: cannot read: {e}");
            return EXIT_USAGE;
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        let _ = writeln!(err, "{name}: the report is not UTF-8 text");
        return EXIT_INVALID;
    };
    let today = today();
    match crate::draft::draft(&text, options, today) {
        Ok(d) if d.figures.is_empty() => {
            let _ = writeln!(err, "{name}: no figures found in the report");
            EXIT_INVALID
        }
        Ok(d) => {
            let json = serde_json::to_string_pretty(&d.to_json(today)).unwrap_or_default() + "\n";
            write_output(output, json.as_bytes(), out, err)
        }
        Err(e) => {
            let _ = writeln!(err, "{name}: {e}");
            EXIT_INVALID
        }
    }
}

/// Reads the table of figures (CSV or tab-separated) and writes the dataset it describes.
fn import(
    input: &Input,
    title: Option<&str>,
    output: Option<&std::ffi::OsStr>,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let name = input.name();
    let bytes = match input.read(stdin) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{name}: cannot read: {e}");
            return EXIT_USAGE;
        }
    };
    let title = title.map(String::from).unwrap_or_else(|| match input {
        Input::File(p) => {
            std::path::Path::new(p).file_stem().map_or("Figures".into(), |s| s.to_string_lossy().into_owned())
        }
        _ => "Figures".into(),
    });
    match crate::import::import(&bytes, &title) {
        Ok(v) => {
            let json = serde_json::to_string_pretty(&v).unwrap_or_default() + "\n";
            // The result must be a valid dataset, like every dataset the tool writes.
            if let Err(errors) = dataset::validate(&json, today()) {
                for e in errors {
                    let _ = writeln!(err, "{name}: {e}");
                }
                return EXIT_INVALID;
            }
            write_output(output, json.as_bytes(), out, err)
        }
        Err(problems) => {
            for p in problems {
                let _ = writeln!(err, "{name}:{p}");
            }
            EXIT_INVALID
        }
    }
}

fn table(input: &Input, format: &str, stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match load_to_stderr(input, stdin, err) {
        Ok(d) => {
            let text = if format == "markdown" { export::markdown(&d) } else { export::csv(&d) };
            let _ = out.write_all(text.as_bytes());
            EXIT_OK
        }
        Err(code) => code,
    }
}

/// What `render` was asked for.
struct RenderRequest {
    chart: Option<String>,
    width: f64,
    height: Option<f64>,
    theme: ThemeName,
    out: Option<OsString>,
}

/// A size argument: a number of CSS pixels from the narrowest to the widest chart.
fn pixels(s: &str, flag: &str) -> Result<f64, Usage> {
    match s.parse::<f64>() {
        Ok(v) if (MIN_WIDTH..=MAX_WIDTH).contains(&v) => Ok(v),
        _ => Err(Usage(format!("{flag} must be a number of pixels from {MIN_WIDTH} to {MAX_WIDTH}, got {s:?}"))),
    }
}

fn render(input: &Input, req: &RenderRequest, stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let d = match load_to_stderr(input, stdin, err) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let id = req.chart.clone().unwrap_or_else(|| d.charts[0].id.clone());
    let opts = chart::Options { width: req.width, height: req.height, theme: req.theme, lang: None };
    let spec = match chart::describe(&d, &id, &opts, &MetricTable) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "reported-figures: {e}");
            return EXIT_USAGE;
        }
    };
    write_output(req.out.as_deref(), chart::svg::render(&spec).as_bytes(), out, err)
}

/// Writes a command's output to a file, or to standard output without one.
fn write_output(path: Option<&std::ffi::OsStr>, bytes: &[u8], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match path {
        Some(path) => match std::fs::write(path, bytes) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                let _ = writeln!(err, "{}: cannot write: {e}", path.to_string_lossy());
                EXIT_USAGE
            }
        },
        None => {
            let _ = out.write_all(bytes);
            EXIT_OK
        }
    }
}

/// What `embed` writes.
struct EmbedRequest {
    chart: Option<String>,
    theme: String,
    lang: Option<String>,
    src: Option<String>,
    script: Option<String>,
    out: Option<OsString>,
}

/// Where the module script is, unless `--script` says: beside the page, as the site lays it out.
const DEFAULT_SCRIPT: &str = "www/reported-figures.js";

fn embed(input: &Input, req: &EmbedRequest, stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let d = match load_to_stderr(input, stdin, err) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let chart = req.chart.clone().unwrap_or_else(|| d.charts[0].id.clone());
    let data = match (&req.src, input) {
        (Some(src), _) => crate::markup::embed::Data::Src(src),
        (None, _) => crate::markup::embed::Data::Inline(&d),
    };
    let e = crate::markup::embed::Embed { chart: &chart, theme: &req.theme, lang: req.lang.as_deref(), data };
    match crate::markup::embed::code(&d, &e, req.script.as_deref().unwrap_or(DEFAULT_SCRIPT)) {
        Ok(code) => write_output(req.out.as_deref(), code.as_bytes(), out, err),
        Err(e) => {
            let _ = writeln!(err, "reported-figures: {e}");
            EXIT_USAGE
        }
    }
}

/// The script URL in the embed code the page's embed box starts from (it substitutes its own).
const EMBED_BOX_SCRIPT: &str = "reported-figures.js";

/// The width of the standalone SVG downloads: the page's chart column.
const PRERENDER_WIDTH: f64 = 640.0;

/// Where `prerender` reads its templates and writes the site.
struct Prerender<'a> {
    page: &'a std::path::Path,
    embed_page: Option<&'a std::path::Path>,
    /// More templates, each written to the same relative path under `dir`.
    extra: &'a [std::path::PathBuf],
    dir: &'a std::path::Path,
}

fn prerender(input: &Input, paths: &Prerender, stdin: &mut dyn Read, err: &mut dyn Write) -> i32 {
    use crate::markup::{embed, page};
    let d = match load_to_stderr(input, stdin, err) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let io = |e: std::io::Error, what: &std::path::Path, err: &mut dyn Write| {
        let _ = writeln!(err, "{}: {e}", what.display());
        EXIT_USAGE
    };
    let read =
        |path: &std::path::Path, err: &mut dyn Write| std::fs::read_to_string(path).map_err(|e| io(e, path, err));
    let write = |path: &std::path::Path, text: &[u8], err: &mut dyn Write| {
        std::fs::write(path, text).map_err(|e| io(e, path, err))
    };
    let run = |err: &mut dyn Write| -> Result<(), i32> {
        let html = read(paths.page, err)?;
        let static_dir = paths.dir.join("www/static");
        std::fs::create_dir_all(&static_dir).map_err(|e| io(e, &static_dir, err))?;
        // The standalone SVG downloads, light and dark.
        for c in &d.charts {
            for theme in [ThemeName::Light, ThemeName::Dark] {
                let opts = chart::Options { width: PRERENDER_WIDTH, theme, ..Default::default() };
                let Ok(spec) = chart::describe(&d, &c.id, &opts, &MetricTable) else { continue };
                let name = if theme == ThemeName::Light { "light" } else { "dark" };
                let path = static_dir.join(format!("{}-{name}.svg", page::file_stem(&c.id)));
                write(&path, chart::svg::render(&spec).as_bytes(), err)?;
            }
        }
        write(&paths.dir.join("www/picture.css"), crate::assets::all_pictures_css().as_bytes(), err)?;
        // Each chart's embed code as the `embed` command writes it, for the page's embed box (which
        // points its script at wherever the site is served from).
        for c in &d.charts {
            let e = embed::Embed { chart: &c.id, theme: "auto", lang: None, data: embed::Data::Inline(&d) };
            let code = embed::code(&d, &e, EMBED_BOX_SCRIPT).unwrap_or_default();
            write(&static_dir.join(format!("embed-{}.html", page::file_stem(&c.id))), code.as_bytes(), err)?;
        }
        let data = embed::Data::Inline(&d);
        write(&static_dir.join("figures.csv"), crate::export::csv(&d).as_bytes(), err)?;
        let fill = |template: &str, path: &std::path::Path, err: &mut dyn Write| match page::fill(&d, template, data) {
            Ok(html) => Ok(html),
            Err(marker) => {
                let _ = writeln!(err, "{}: unknown marker {marker}", path.display());
                Err(EXIT_USAGE)
            }
        };
        write(&paths.dir.join("index.html"), fill(&html, paths.page, err)?.as_bytes(), err)?;
        // Further pages (the benchmark pages), into the same place under DIR.
        for extra in paths.extra {
            let text = read(extra, err)?;
            let out = paths.dir.join(extra);
            write(&out, fill(&text, extra, err)?.as_bytes(), err)?;
        }
        // The iframe pages: embed.html with the first chart, embed-CHART.html with each.
        if let Some(template) = paths.embed_page {
            let text = read(template, err)?;
            let marker = "<!--rf:embed-->";
            if !text.contains(marker) {
                let _ = writeln!(err, "{}: no {marker} marker", template.display());
                return Err(EXIT_USAGE);
            }
            // Their `?chart=` may ask for any chart of the dataset: each carries all of it.
            let whole = |chart: &str| {
                let e = embed::Embed { chart, theme: "auto", lang: None, data: embed::Data::Whole(&d) };
                embed::element(&d, &e, false).unwrap_or_default()
            };
            let page_for = |c: &crate::dataset::Chart| {
                text.replace(marker, &whole(&c.id)).replace("<!--rf:title-->", &crate::markup::esc(&c.title))
            };
            write(&paths.dir.join("embed.html"), page_for(&d.charts[0]).as_bytes(), err)?;
            for c in &d.charts {
                let path = paths.dir.join(format!("embed-{}.html", page::file_stem(&c.id)));
                write(&path, page_for(c).as_bytes(), err)?;
            }
        }
        Ok(())
    };
    match run(err) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}
