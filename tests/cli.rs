//! The command-line tool: outputs and exit codes, run as a process the way a user runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tool(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reported-figures"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("reported-figures-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, contents).unwrap();
    p
}

const VALID: &str = r#"{"title": "T", "sources": [{"id": "s", "name": "S"}],
  "figures": [{"label": "L", "value": 1, "unit": "u", "source": "s", "as_of": "2024-04-08"}]}"#;

#[test]
fn check_prints_ok_and_exits_0_for_valid_files() {
    let a = temp_file("valid.json", VALID.as_bytes());
    let builtin = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/gaza-truce-talks-2024-04-08.json");
    let o = tool(&["check", a.to_str().unwrap(), builtin], b"");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("{}: ok\n{builtin}: ok\n", a.display()));
}

#[test]
fn check_prints_each_error_with_the_file_and_exits_1() {
    let bad = temp_file(
        "bad.json",
        VALID
            .replace("\"value\": 1", "\"value\": -5")
            .replace("\"as_of\": \"2024-04-08\"", "\"as_of\": \"2024-02-30\"")
            .as_bytes(),
    );
    let good = temp_file("good.json", VALID.as_bytes());
    let o = tool(&["check", bad.to_str().unwrap(), good.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    let b = bad.display();
    assert_eq!(
        stdout(&o),
        format!(
            "{b}:2:39: figures[0].value: must be a number from 0 to 9007199254740991, got -5\n\
             {b}:2:80: figures[0].as_of: is not a real calendar date, got \"2024-02-30\"\n\
             {}: ok\n",
            good.display()
        )
    );
}

#[test]
fn check_reads_standard_input_for_dash() {
    let o = tool(&["check", "-"], b"{\"title\": 1");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "-:1:11: (root): invalid JSON at line 1, column 11: EOF while parsing an object\n");
}

#[test]
fn io_and_usage_errors_exit_2() {
    let o = tool(&["check", "/nonexistent/data.json"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr)
        .starts_with("/nonexistent/data.json: cannot read: No such file or directory"));
    // An I/O error outranks an invalid file.
    let bad = temp_file("bad2.json", b"[]");
    assert_eq!(tool(&["check", bad.to_str().unwrap(), "/nonexistent"], b"").status.code(), Some(2));
    for args in [
        &[][..],
        &["check"],
        &["frobnicate"],
        &["table", "--format", "xml"],
        &["check", "--bogus", "x"],
        &["table", "a", "b"],
    ] {
        let o = tool(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("usage:"), "{args:?}");
    }
    assert_eq!(tool(&["--help"], b"").status.code(), Some(0));
}

#[test]
fn a_huge_file_is_refused_without_reading_it_all() {
    let big = temp_file("big.json", &vec![b' '; 3 * 1024 * 1024]);
    let o = tool(&["check", big.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        format!("{}:1:1: (root): input is 1048577 bytes, more than the limit of 1048576 bytes\n", big.display())
    );
}

#[test]
fn table_without_a_file_prints_the_builtin_dataset_as_csv() {
    let o = tool(&["table"], b"");
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next(), Some("id,label,value,unit,qualifier,status,source,source_url,as_of,quote"));
    assert_eq!(
        lines.next(),
        Some("killed-gaza,Palestinians killed in Gaza,33207,people,about,reported,Gaza health ministry,,2024-04-08,\"Some 33,207 Palestinians have been killed in six months of conflict, Gaza’s health ministry said in an update on Monday.\"")
    );
    assert_eq!(text.matches("\r\n").count(), 18, "header and 17 figures");
}

#[test]
fn table_prints_markdown() {
    let o = tool(&["table", "--format", "markdown"], b"");
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "| id | label | value | unit | qualifier | status | source | source_url | as_of | quote |");
    assert_eq!(lines[1], "|---|---|--:|---|---|---|---|---|---|---|");
    assert!(lines[4].starts_with("| soldiers-killed | Israeli soldiers killed in combat | 600 | people | more\\_than | reported | Israeli army |  | 2024-04-08 |"), "{}", lines[4]);
    assert_eq!(lines.len(), 19);
}

#[test]
fn table_of_an_invalid_file_prints_errors_to_stderr_and_exits_1() {
    let o = tool(&["table", "-", "--format", "csv"], b"{}");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "-:1:1: title: is required\n-:1:1: sources: is required\n-:1:1: figures: is required\n"
    );
}

#[test]
fn embed_writes_the_chart_drawn_with_its_data() {
    // The built-in dataset: the chart's own figures inline (the embed needs no other file), the
    // module script first, the given script URL.
    let o = tool(&["embed", "--chart", "hostages", "--script", "https://cdn.example/rf.js"], b"");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("<script type=\"module\" async src=\"https://cdn.example/rf.js\"></script>\n<reported-figures chart=\"hostages\" theme=\"auto\"><style>"), "{out:.200}");
    assert!(
        out.contains("<div class=\"p1\" data-width=\"360\" hidden><svg")
            && out.contains("<script type=\"application/vnd.reported-figures\">UkZEM")
    );
    // A file: its data inline; --src instead points at it; theme and language are written through.
    let file = temp_file("embed.json", VALID.as_bytes());
    let o = tool(&["embed", file.to_str().unwrap(), "--theme", "dark", "--lang", "fr"], b"");
    let out = stdout(&o);
    assert!(out.contains("<reported-figures chart=\"u\" theme=\"dark\" lang=\"fr\"><style>"), "{out:.300}");
    assert!(out.contains("<script type=\"application/vnd.reported-figures\">UkZEM"), "the binary form, base64");
    assert!(out.contains("www/reported-figures.js"), "the default script sits beside the page");
    let o = tool(&["embed", file.to_str().unwrap(), "--src", "https://data.example/d.json"], b"");
    let out = stdout(&o);
    assert!(out.contains(" src=\"https://data.example/d.json\">") && !out.contains("application/vnd.reported-figures"));
    // Mistakes name themselves.
    let o = tool(&["embed", "--chart", "nope"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "reported-figures: no chart has the id \"nope\"; the dataset has deaths, hostages\n"
    );
    let o = tool(&["embed", "--theme", "sepia"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .starts_with("reported-figures: unknown theme \"sepia\": use auto, light or dark"));
    let o = tool(&["embed", "-"], b"{");
    assert_eq!(o.status.code(), Some(1));
}

/// A dataset with errors of every placing rule, on several lines, after tabs and characters of two and
/// four bytes: each line of `check` names the line and the column (in characters) where the offending
/// value starts, the repeated key, or the `{` of the object a field is missing from.
const PLACED: &str = "{\n\t\"title\": \"Été 😀\",\n\t\"sources\": [{\"id\": \"s\", \"name\": \"S\", \"url\": \"ftp://x\"}],\n\t\"figures\": [\n\t\t{\"label\": \"ü😀\", \"value\": -5, \"unit\": \"u\", \"source\": \"s\", \"as_of\": \"2024-04-08\"},\n\t\t{\"label\": \"B\", \"unit\": \"u\", \"source\": \"s\", \"as_of\": \"2024-04-08\", \"unit\": \"v\"}\n\t]\n}\n";

#[test]
fn check_names_the_line_and_column_of_each_problem() {
    let f = temp_file("placed.json", PLACED.as_bytes());
    let o = tool(&["check", f.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    let n = f.display();
    assert_eq!(
        stdout(&o),
        format!(
            "{n}:6:69: figures[1].unit: duplicate key \"unit\" in the same object\n\
             {n}:3:46: sources[0].url: must be an http or https URL, got \"ftp://x\"\n\
             {n}:5:28: figures[0].value: must be a number from 0 to 9007199254740991, got -5\n\
             {n}:6:3: figures[1].value: is required\n"
        )
    );
    // Each place is where the file has that value, key or object (columns in characters).
    let lines: Vec<Vec<char>> = PLACED.lines().map(|l| l.chars().collect()).collect();
    let from = |line: usize, col: usize, len: usize| lines[line - 1][col - 1..col - 1 + len].iter().collect::<String>();
    assert_eq!(from(6, 69, 6), "\"unit\"");
    assert_eq!(from(3, 46, 9), "\"ftp://x\"");
    assert_eq!(from(5, 28, 2), "-5");
    assert_eq!(from(6, 3, 2), "{\"");
}

#[test]
fn check_prints_json_for_pipelines() {
    let f = temp_file("placed2.json", PLACED.as_bytes());
    let good = temp_file("good2.json", VALID.as_bytes());
    let o = tool(&["check", "--format", "json", good.to_str().unwrap(), f.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(
        items[2],
        serde_json::json!({"file": f.to_str().unwrap(), "line": 5, "column": 28, "path": "figures[0].value",
            "kind": "value_out_of_range", "message": "must be a number from 0 to 9007199254740991, got -5"})
    );
    assert_eq!(items[3]["kind"], "missing");
    // Fields in the documented order.
    assert!(
        stdout(&o).starts_with(&format!("[{{\"file\":{:?},\"line\":6,\"column\":69,\"path\":", f.to_str().unwrap()))
    );
    let ok = tool(&["check", "--format", "json", good.to_str().unwrap()], b"");
    assert_eq!((ok.status.code(), stdout(&ok)), (Some(0), "[]\n".to_string()));
}

#[test]
fn every_command_has_help_and_the_tool_a_version() {
    for command in ["check", "table", "render", "embed", "prerender", "pack", "facts"] {
        let o = tool(&[command, "--help"], b"");
        assert_eq!(o.status.code(), Some(0), "{command}");
        let text = stdout(&o);
        assert!(text.starts_with(&format!("usage:\n  reported-figures {command} ")), "{command}: {text}");
        assert_eq!(text.matches("  reported-figures ").count(), 1, "{command}: only its own usage");
    }
    let o = tool(&["--version"], b"");
    assert_eq!(stdout(&o), format!("reported-figures {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn draft_writes_a_valid_dataset_and_import_reads_a_table_back() {
    let report = "Flood toll rises\n\n(Wire) - At least 48 people have died, officials said on Saturday. Nearly 300 villages remain under water.\n";
    let o = tool(&["draft", "-", "--published", "2025-08-03"], report.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let draft = temp_file("draft.json", &o.stdout);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["article"]["headline"], "Flood toll rises");
    assert_eq!(v["figures"][0]["approx"], "at_least");
    assert_eq!(v["figures"][1]["value"], 300);
    assert_eq!(stdout(&tool(&["check", draft.to_str().unwrap()], b"")), format!("{}: ok\n", draft.display()));
    // The table of the draft, imported again, checks too.
    let table = tool(&["table", draft.to_str().unwrap()], b"");
    let csv = temp_file("draft.csv", &table.stdout);
    let imported = tool(&["import", csv.to_str().unwrap()], b"");
    assert_eq!(imported.status.code(), Some(0), "{}", String::from_utf8_lossy(&imported.stderr));
    let back: serde_json::Value = serde_json::from_slice(&imported.stdout).unwrap();
    assert_eq!(back["figures"].as_array().unwrap().len(), 2);
    assert_eq!(back["title"], "draft");
}

#[test]
fn draft_and_import_refuse_bad_input_with_clear_messages() {
    let o = tool(&["draft", "-"], b"   \n");
    assert_eq!(
        (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned()),
        (Some(1), "-: the report is empty\n".into())
    );
    let o = tool(&["draft", "-"], b"Nothing here counts anything.");
    assert_eq!(String::from_utf8_lossy(&o.stderr), "-: no figures found in the report\n");
    let o = tool(&["draft", "-", "--published", "8 April"], b"40 people died.");
    assert_eq!(String::from_utf8_lossy(&o.stderr), "-: the publication date must be YYYY-MM-DD, got \"8 April\"\n");
    let o = tool(&["draft", "-"], &vec![b'x'; 300_000]);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "-: the report is 262145 bytes, more than the limit of 262144 bytes\n"
    );
    let bad = "id,label,value,unit,qualifier,status,source,source_url,as_of,quote\na,A,lots,people,exact,reported,S,,2024-04-08,\n";
    let o = tool(&["import", "-"], bad.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "-:2: column value: must be a number such as 33207 or 2.5, got \"lots\"\n"
    );
}
