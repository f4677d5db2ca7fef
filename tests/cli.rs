//! The plain commands, run as a user runs them: the built binary, its exit
//! status, and exactly what it prints.

use std::path::Path;
use std::process::{Command, Output};

fn stances(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stances"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every broken fixture and the exact first line it must produce.
const INVALID: &[(&str, &str)] = &[
    (
        "bad-date.toml",
        "7:8: error: event `e`: `2025-13`: month 13 is not between 01 and 12",
    ),
    (
        "bad-id.toml",
        "5:6: error: actor id `Li_Qiang` is not kebab-case: use lowercase letters, digits and single dashes, starting with a letter (e.g. `li-qiang`)",
    ),
    (
        "bad-kind.toml",
        "7:8: error: actor `a`: unknown variant `nation`, expected one of `country`, `bloc`, `organization`, `company`, `person`, `group`",
    ),
    (
        "bad-scope.toml",
        "14:9: error: approach `p`: unknown variant `planetary`, expected one of `national`, `regional`, `global`",
    ),
    (
        "bad-stance.toml",
        "8:10: error: reaction `r`: unknown variant `agrees`, expected one of `supports`, `leans-support`, `mixed`, `leans-oppose`, `opposes`",
    ),
    (
        "bad-url.toml",
        "7:7: error: source `s`: `url` must start with `http://` or `https://`",
    ),
    (
        "bidi-override.toml",
        "6:10: error: actor `a`: `name` contains the bidi control character U+202E (RIGHT-TO-LEFT OVERRIDE) (only newline and tab are allowed in text)",
    ),
    (
        "control-character.toml",
        "6:8: error: actor `a`: `name` contains the control character U+001B (ESC) (only newline and tab are allowed in text)",
    ),
    (
        "dangling-speaker.toml",
        "15:11: error: quote `q`: speaker `li-qaing` is not a known actor; did you mean `li-qiang`?",
    ),
    (
        "duplicate-id.toml",
        "10:6: error: duplicate id `a`: ids must be unique across the whole dataset",
    ),
    ("empty-text.toml", "6:8: error: actor `a`: `name` is empty"),
    (
        "many-problems.toml",
        "15:11: error: quote `q1`: speaker `nobody` is not a known actor",
    ),
    (
        "missing-dataset.toml",
        "1:1: error: missing [dataset] table: add `[dataset]` with at least `title = \"...\"`",
    ),
    (
        "missing-field.toml",
        "4:1: error: actor `a`: missing field `name`",
    ),
    (
        "nesting-too-deep.toml",
        "3:85: error: TOML syntax: nesting too deep (arrays or tables nested beyond the parser's limit)",
    ),
    (
        "position-out-of-range.toml",
        "14:27: error: actor `a`: position 1.5 on `regulation` is outside [-1, 1]",
    ),
    (
        "position-unknown-axis.toml",
        "14:14: error: actor `a`: unknown axis `regulaton` (known axes: regulation)",
    ),
    (
        "position-without-note.toml",
        "14:12: error: actor `a`: a position needs a `position_note` saying why the item is placed there",
    ),
    (
        "short-too-long.toml",
        "8:9: error: actor `eu`: `short` is 40 characters long; a short label has at most 24 (the full name goes in `name`)",
    ),
    (
        "single-table.toml",
        "4:2: error: `[quote]` is a single table: write `[[quote]]` for each item",
    ),
    (
        "syntax-error.toml",
        "8:17: error: TOML syntax: invalid basic string, expected `\"`",
    ),
    (
        "unknown-field.toml",
        "8:1: error: actor `a`: unknown field `nmae`, expected one of `id`, `name`, `kind`, `part_of`, `role`, `aliases`, `summary`, `position`, `position_note`, `source`, `short`",
    ),
    (
        "empty.toml",
        "error: file is empty (a dataset needs at least a [dataset] table)",
    ),
    (
        "not-utf8.toml",
        "2:13: error: not UTF-8 text (byte 0xe9); save the file as UTF-8",
    ),
];

#[test]
fn every_invalid_fixture_is_reported_at_its_line_and_column() {
    let dir = Path::new("tests/fixtures/invalid");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut covered: Vec<String> = INVALID.iter().map(|(f, _)| f.to_string()).collect();
    covered.sort();
    assert_eq!(
        on_disk, covered,
        "every fixture needs an expected message here"
    );

    for (file, expected) in INVALID {
        let path = dir.join(file);
        let out = stances(&["validate", path.to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{file}: exit status\n{}",
            stderr(&out)
        );
        let first = stderr(&out).lines().next().unwrap_or_default().to_string();
        let want = format!("{}:{expected}", path.display());
        let want = if expected.starts_with("error:") {
            format!("{}: {expected}", path.display())
        } else {
            want
        };
        assert_eq!(first, want, "{file}");
        assert!(!stderr(&out).contains("panicked"), "{file} panicked");
    }
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let out = stances(&["validate", "tests/fixtures/invalid/many-problems.toml"]);
    let err = stderr(&out);
    let headlines: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(headlines.len(), 3, "{err}");
    assert!(headlines[1].ends_with("24:1: error: quote `q2`: unknown field `mood`, expected one of `id`, `speaker`, `text`, `source`, `context`, `date`, `about`, `tags`, `fragment`"));
    assert!(headlines[2].ends_with("31:11: error: reaction `r`: `summary` is empty"));
    assert!(
        err.contains(" 24 | mood = \"happy\"\n    | ^^^^\n"),
        "{err}"
    );
    assert!(
        err.trim_end()
            .ends_with("many-problems.toml: 3 errors, 0 warnings")
    );
}

#[test]
fn duplicate_ids_are_found_across_the_files_of_a_directory() {
    let out = stances(&["validate", "tests/fixtures/invalid-dir"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("tests/fixtures/invalid-dir/b-more.toml:2:6: error: duplicate id `china`"),
        "{err}"
    );
    assert!(err.contains(
        "= note: first defined as an actor at tests/fixtures/invalid-dir/a-facts.toml:5:6"
    ));
    assert!(
        err.contains("b-more.toml:10:10: error: quote `q`: source `nowhere` is not a known source")
    );
}

#[test]
fn unreadable_inputs_get_one_clear_line() {
    for (path, message) in [
        (
            "tests/fixtures/no-toml",
            "tests/fixtures/no-toml: error: directory contains no .toml files",
        ),
        (
            "tests/fixtures/does-not-exist.toml",
            "tests/fixtures/does-not-exist.toml: error: no such file or directory",
        ),
    ] {
        let out = stances(&["validate", path]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stderr(&out).trim_end(), message);
    }
}

#[test]
fn the_shipped_dataset_validates_clean() {
    let out = stances(&["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no warnings either");
    assert!(stdout(&out).starts_with("embedded:waic-2025.toml: 0 errors, 0 warnings: ok"));
    let out = stances(&["validate", "data"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn data_works_before_and_after_the_subcommand() {
    let before = stances(&[
        "--data",
        "tests/fixtures/invalid/bad-kind.toml",
        "list",
        "actors",
    ]);
    let after = stances(&[
        "list",
        "actors",
        "--data",
        "tests/fixtures/invalid/bad-kind.toml",
    ]);
    assert_eq!(before.status.code(), Some(1));
    assert_eq!(stderr(&before), stderr(&after));
    let ok = stances(&["list", "actors", "--data", "data/waic-2025.toml"]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(stdout(&ok).contains("li-qiang"));
}

#[test]
fn usage_errors_exit_with_two() {
    for args in [
        &["validate", "--bogus"][..],
        &["export"],
        &["export", "--format", "pdf"],
        &["frobnicate"],
    ] {
        assert_eq!(stances(args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn help_explains_each_command_with_an_example() {
    let top = stdout(&stances(&["--help"]));
    for cmd in ["validate", "export", "list"] {
        assert!(top.contains(cmd), "{cmd} in --help");
        let help = stdout(&stances(&[cmd, "--help"]));
        assert!(help.contains("Examples:"), "{cmd} --help has examples");
    }
    let version = stdout(&stances(&["--version"]));
    assert_eq!(
        version.trim(),
        format!("stances {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn export_json_is_the_whole_dataset() {
    let out = stances(&["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), 7);
    assert_eq!(v["events"][3]["date"], "2025-07-25");
}

#[test]
fn export_csv_has_one_row_per_quote() {
    let out = stdout(&stances(&["export", "--format", "csv"]));
    let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "id,speaker,text,source,date,tags");
    assert_eq!(lines.len(), 8);
    assert!(lines.iter().any(|l| l.starts_with(
        "baidu-too-important,Baidu representative,AI is too important to be left fragmented,"
    )));
}

#[test]
fn export_writes_to_a_file_with_output() {
    let dir = std::env::temp_dir().join(format!("stances-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("handout.md");
    let out = stances(&[
        "export",
        "--format",
        "markdown",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.starts_with("# WAIC 2025: who stands where on governing AI\n"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_stances"))
        .args(["export", "--format", "markdown"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.code().is_some());
}

#[test]
fn the_docs_example_validates() {
    let doc = std::fs::read_to_string("docs/data-format.md").unwrap();
    let start = doc.find("```toml\n").expect("a toml example in the docs") + 8;
    let end = start + doc[start..].find("```").unwrap();
    let dir = std::env::temp_dir().join(format!("stances-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("example.toml");
    std::fs::write(&file, &doc[start..end]).unwrap();
    let out = stances(&["validate", file.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "the example has no warnings");
}

#[test]
fn search_behaves_like_a_unix_filter() {
    let found = stances(&["search", "fragmnted"]);
    assert_eq!(found.status.code(), Some(0));
    let first = stdout(&found).lines().next().unwrap().to_string();
    assert_eq!(
        first,
        "\u{201c}AI is too important to be left fragmented\u{201d} \u{2014} Baidu representative, representative of Baidu; China Proposes Global AI Cooperation Body to Shape Future of Artificial Intelligence -WAIC 2025"
    );
    assert!(
        !stdout(&found).contains('\u{1b}'),
        "no emphasis into a pipe"
    );
    assert_eq!(stances(&["search", "zzqqxx"]).status.code(), Some(1));
    assert_eq!(stdout(&stances(&["search", "zzqqxx"])), "");
    assert_eq!(stances(&["search", "by:"]).status.code(), Some(2));
    assert_eq!(stances(&["search"]).status.code(), Some(2));
    let limited = stances(&["search", "a", "--limit", "2"]);
    assert_eq!(stdout(&limited).lines().count(), 2);
    let broken = stances(&[
        "search",
        "x",
        "--data",
        "tests/fixtures/invalid/bad-kind.toml",
    ]);
    assert_eq!(broken.status.code(), Some(2));
}

#[test]
fn search_json_gives_scores_and_char_positions() {
    let out = stances(&["search", "antonio", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let top = &v[0];
    assert_eq!(top["id"], "guterres-defining-test");
    assert!(top["score"].as_i64().unwrap() > 0);
    // Char positions, not bytes: "António" is marked 0..=6.
    let positions: Vec<u64> = top["positions"]["speaker_name"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_u64().unwrap())
        .collect();
    assert_eq!(positions, [0, 1, 2, 3, 4, 5, 6]);
}

/// Positions list the axes in the dataset's order, as the map and Detail
/// do (regulation across, then multilateralism), not alphabetically.
#[test]
fn list_approaches_gives_positions_in_axis_order() {
    let out = stdout(&stances(&["list", "approaches"]));
    assert!(
        out.contains("regulation +0.8, multilateralism +0.2"),
        "{out}"
    );
}
