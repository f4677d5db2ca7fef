//! The plain commands, run as a user runs them: the built binary, its exit
//! status, and exactly what it prints.

use std::path::Path;
use std::process::{Command, Output};

fn stances(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stances"))
        .args(args)
        .env("NO_COLOR", "1")
        // No config file of the machine's user may change the results.
        .env("STANCES_CONFIG", "")
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
        "7:8: error: event `e`: `2025-13`: month 13 is not between 01 and 12 [E011 bad-date]",
    ),
    (
        "bad-id.toml",
        "5:6: error: actor id `Li_Qiang` is not kebab-case: use lowercase letters, digits and single dashes, starting with a letter (e.g. `li-qiang`) [E016 id-not-kebab-case]",
    ),
    (
        "bad-kind.toml",
        "7:8: error: actor `a`: unknown variant `nation`, expected one of `country`, `bloc`, `organization`, `company`, `person`, `group` [E010 bad-item]",
    ),
    (
        "bad-scope.toml",
        "14:9: error: approach `p`: unknown variant `planetary`, expected one of `national`, `regional`, `global` [E010 bad-item]",
    ),
    (
        "bad-stance.toml",
        "8:10: error: reaction `r`: unknown variant `agrees`, expected one of `supports`, `leans-support`, `mixed`, `leans-oppose`, `opposes` [E010 bad-item]",
    ),
    (
        "bad-url.toml",
        "7:7: error: source `s`: `url` must start with `http://` or `https://` [E026 bad-url]",
    ),
    (
        "bidi-override.toml",
        "6:10: error: actor `a`: `name` contains the bidi control character U+202E (RIGHT-TO-LEFT OVERRIDE) (only newline and tab are allowed in text) [E012 unsafe-text]",
    ),
    (
        "control-character.toml",
        "6:8: error: actor `a`: `name` contains the control character U+001B (ESC) (only newline and tab are allowed in text) [E012 unsafe-text]",
    ),
    (
        "dangling-speaker.toml",
        "15:11: error: quote `q`: speaker `li-qaing` is not a known actor; did you mean `li-qiang`? [E018 dangling-reference]",
    ),
    (
        "duplicate-id.toml",
        "10:6: error: duplicate id `a`: ids must be unique across the whole dataset [E017 duplicate-id]",
    ),
    (
        "empty-text.toml",
        "6:8: error: actor `a`: `name` is empty [E013 empty-text]",
    ),
    (
        "glossary-term-twice.toml",
        "9:8: error: glossary term `waic` is explained twice: keep one entry per term [E033 duplicate-glossary-term]",
    ),
    (
        "many-problems.toml",
        "15:11: error: quote `q1`: speaker `nobody` is not a known actor [E018 dangling-reference]",
    ),
    (
        "missing-dataset.toml",
        "1:1: error: missing [dataset] table: add `[dataset]` with at least `title = \"...\"` [E014 missing-dataset]",
    ),
    (
        "missing-field.toml",
        "4:1: error: actor `a`: missing field `name` [E010 bad-item]",
    ),
    (
        "nesting-too-deep.toml",
        "3:85: error: TOML syntax: nesting too deep (arrays or tables nested beyond the parser's limit) [E006 toml-syntax]",
    ),
    (
        "other-date-same.toml",
        "12:25: error: event `e`: other_dates gives 2025-07-25, the event's own `date`; list only dates that differ [E029 repeated-date]",
    ),
    (
        "position-out-of-range.toml",
        "14:27: error: actor `a`: position 1.5 on `regulation` is outside [-1, 1] [E022 position-out-of-range]",
    ),
    (
        "position-unknown-axis.toml",
        "14:14: error: actor `a`: unknown axis `regulaton` (known axes: regulation) [E021 unknown-axis]",
    ),
    (
        "position-without-note.toml",
        "14:12: error: actor `a`: a position needs a `position_note` saying why the item is placed there [E020 missing-position-note]",
    ),
    (
        "question-dangling-about.toml",
        "7:10: error: question 1: about `nobody` is not a known item [E018 dangling-reference]",
    ),
    (
        "rendering-other-speaker.toml",
        "29:16: error: quote `second`: renderings of one statement have one speaker, but `first` is by `li` and this quote by `un` [E032 rendering-other-speaker]",
    ),
    (
        "short-too-long.toml",
        "8:9: error: actor `eu`: `short` is 40 characters long; a short label has at most 24 (the full name goes in `name`) [E025 short-too-long]",
    ),
    (
        "single-table.toml",
        "4:2: error: `[quote]` is a single table: write `[[quote]]` for each item [E009 not-array-of-tables]",
    ),
    (
        "syntax-error.toml",
        "8:17: error: TOML syntax: invalid basic string, expected `\"` [E006 toml-syntax]",
    ),
    (
        "tour-compare-two-kinds.toml",
        "25:8: error: tour step 1: view = \"compare\" sets two approaches or two actors side by side, and `focus` is an actor while `with` is an approach [E034 tour-view-mismatch]",
    ),
    (
        "tour-compare-without-with.toml",
        "24:8: error: tour step 1: view = \"compare\" needs `focus` and `with`: the two approaches (or two actors) to set side by side [E034 tour-view-mismatch]",
    ),
    (
        "tour-dangling-with.toml",
        "25:8: error: tour step 1: with `c` is not a known item; did you mean `a`? [E018 dangling-reference]",
    ),
    (
        "tour-filter-without-reactions.toml",
        "25:10: error: tour step 1: `filter` goes with view = \"reactions\" (this step's view is map) [E034 tour-view-mismatch]",
    ),
    (
        "tour-unknown-view.toml",
        "24:8: error: tour #1: unknown variant `slides`, expected one of `map`, `timeline`, `compare`, `reactions`, `objectives`, `questions` [E010 bad-item]",
    ),
    (
        "unknown-field.toml",
        "8:1: error: actor `a`: unknown field `nmae`, expected one of `id`, `name`, `kind`, `part_of`, `role`, `aliases`, `summary`, `position`, `position_note`, `source`, `short` [E010 bad-item]",
    ),
    (
        "empty.toml",
        "error: file is empty (a dataset needs at least a [dataset] table) [E004 empty-file]",
    ),
    (
        "not-utf8.toml",
        "2:13: error: not UTF-8 text (byte 0xe9); save the file as UTF-8 [E003 not-utf8]",
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
    assert!(headlines[1].ends_with("24:1: error: quote `q2`: unknown field `mood`, expected one of `id`, `speaker`, `text`, `source`, `context`, `date`, `about`, `tags`, `fragment`, `rendering_of`, `source_wording` [E010 bad-item]"));
    assert!(
        headlines[2].ends_with("31:11: error: reaction `r`: `summary` is empty [E013 empty-text]")
    );
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
fn unreadable_inputs_get_one_clear_line_and_a_summary() {
    for (path, message) in [
        (
            "tests/fixtures/no-toml",
            "tests/fixtures/no-toml: error: directory contains no .toml files [E001 unreadable]",
        ),
        (
            "tests/fixtures/does-not-exist.toml",
            "tests/fixtures/does-not-exist.toml: error: no such file or directory [E001 unreadable]",
        ),
    ] {
        let out = stances(&["validate", path]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stderr(&out).trim_end(),
            format!("{message}\n{path}: 1 error, 0 warnings")
        );
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
    assert_eq!(v["quotes"].as_array().unwrap().len(), 9);
    assert_eq!(v["glossary"].as_array().unwrap().len(), 12);
    assert_eq!(v["questions"].as_array().unwrap().len(), 6);
    assert_eq!(v["events"][3]["date"], "2025-07-25");
}

#[test]
fn export_csv_has_one_row_per_quote() {
    let out = stdout(&stances(&["export", "--format", "csv"]));
    let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "id,speaker,text,source,date,tags");
    assert_eq!(lines.len(), 10);
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
    // The complete example; smaller snippets before it show single fields.
    let example = doc
        .find("## A complete small example")
        .expect("the docs have a complete example");
    let start = example + doc[example..].find("```toml\n").expect("a toml example") + 8;
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
fn the_readme_example_validates() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme.find("## Writing a dataset").expect("the section")..];
    let start = section.find("```toml\n").expect("a toml example") + 8;
    let end = start + section[start..].find("```").unwrap();
    let out = stances_with(
        &["validate", "-"],
        &[],
        Some(&section.as_bytes()[start..end]),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "the example has no warnings");
    // The README's first lines are the two commands.
    assert!(readme.starts_with("# stances\n\n```\ncargo run --release "));
    assert!(readme.contains("\ncargo test              # run the tests\n"));
}

#[test]
fn search_behaves_like_a_unix_filter() {
    let found = stances(&["search", "too importnt"]);
    assert_eq!(found.status.code(), Some(0));
    let first = stdout(&found).lines().next().unwrap().to_string();
    assert_eq!(
        first,
        "\u{201c}AI is too important to be left fragmented\u{201d} \u{2014} Baidu representative; China Proposes Global AI Cooperation Body to Shape Future of Artificial Intelligence -WAIC 2025"
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

fn stances_with(args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stances"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("STANCES_CONFIG", "")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    let mut pipe = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // A command that does not read its input closes the pipe early.
        let _ = pipe.write_all(bytes);
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = stances(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        for word in [
            "validate",
            "export",
            "search",
            "list",
            "completions",
            "data",
        ] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    // The bash script is valid bash.
    let dir = std::env::temp_dir().join(format!("stances-completions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stances.bash");
    std::fs::write(&file, stances(&["completions", "bash"]).stdout).unwrap();
    let check = Command::new("bash").arg("-n").arg(&file).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    // And, loaded, it completes the subcommands and the list tables.
    let complete = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        let script = format!(
            "source {}; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; _stances stances '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display(),
            words
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(" "),
            words.len() - 1,
            words[words.len() - 1],
            words[words.len() - 2],
        );
        let out = Command::new("bash").arg("-c").arg(script).output().unwrap();
        stdout(&out)
    };
    assert!(complete("stances li").lines().any(|l| l == "list"));
    assert!(complete("stances list q").lines().any(|l| l == "quotes"));
    std::fs::remove_dir_all(dir).unwrap();
    assert_eq!(stances(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_man_page_has_every_command_and_renders() {
    let out = stances(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains("\n.TH stances 1 "), "{page}");
    for cmd in [
        "validate",
        "export",
        "search",
        "tour",
        "quiz",
        "list",
        "completions",
        "config",
        "man",
    ] {
        let heading = format!("\n.SH \"STANCES {}\"\n", cmd.to_uppercase());
        assert!(page.contains(&heading), "a section for {cmd}");
    }
    // man(1) renders it without a complaint (.ci/run installs man-db).
    let mut man = Command::new("man")
        .args(["--warnings", "-l", "-"])
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("man is installed (see .ci/run)");
    {
        use std::io::Write;
        man.stdin
            .take()
            .unwrap()
            .write_all(page.as_bytes())
            .unwrap();
    }
    let shown = man.wait_with_output().unwrap();
    assert!(shown.status.success(), "{}", stderr(&shown));
    assert_eq!(stderr(&shown), "", "groff warnings");
    let text = stdout(&shown);
    for phrase in [
        "NAME",
        "stances - Explore who stands where",
        "EXAMPLES",
        "STANCES LIST",
        "--format",
        "Exit status: 0 with matches",
    ] {
        assert!(text.contains(phrase), "{phrase} in\n{text}");
    }
}

#[test]
fn color_follows_the_flag_then_no_color_then_clicolor_force() {
    let emphasised = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["search", "fragmnted"];
        all.extend_from_slice(args);
        let out = stances_with(&all, env, None);
        assert_eq!(out.status.code(), Some(0));
        stdout(&out).contains("\u{1b}[")
    };
    // Into a pipe: no colour unless asked for.
    assert!(!emphasised(&[], &[]));
    assert!(emphasised(&["--color", "always"], &[]));
    assert!(emphasised(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!emphasised(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!emphasised(
        &[],
        &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]
    ));
    assert!(emphasised(&["--color=always"], &[("NO_COLOR", "1")]));
    assert!(!emphasised(
        &["--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    ));
    // Every command takes the flag.
    for args in [
        &["validate", "--color", "never"][..],
        &["list", "actors", "--color", "always"],
        &["export", "-f", "json", "--color", "auto"],
        &["--color", "never", "completions", "bash"],
    ] {
        assert_eq!(stances(args).status.code(), Some(0), "{args:?}");
    }
    assert_eq!(
        stances(&["--color", "purple", "validate"]).status.code(),
        Some(2)
    );
    // clap's own help follows it too.
    let help = stances_with(&["--help", "--color", "always"], &[], None);
    assert!(stdout(&help).contains("\u{1b}["));
    let help = stances_with(
        &["--help"],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        None,
    );
    assert!(!stdout(&help).contains("\u{1b}["));
}

#[test]
fn dash_is_standard_output_for_export() {
    let dir = std::env::temp_dir().join(format!("stances-dash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stances"))
        .args(["export", "--format", "csv", "-o", "-"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("id,speaker,text"));
    assert!(!dir.join("-").exists(), "no file named -");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn dash_is_standard_input_for_data() {
    let toml = std::fs::read("data/waic-2025.toml").unwrap();
    let out = stances_with(&["--data", "-", "list", "actors"], &[], Some(&toml));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("li-qiang\tLi Qiang"));
    let out = stances_with(&["validate", "-"], &[], Some(&toml));
    assert!(stdout(&out).starts_with("<stdin>: 0 errors, 0 warnings: ok"));
    // Problems are located in <stdin> like in a file.
    let bad = std::fs::read("tests/fixtures/invalid/bad-kind.toml").unwrap();
    let out = stances_with(&["--data", "-", "search", "x"], &[], Some(&bad));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("<stdin>:7:8: error: actor `a`: unknown variant `nation`"),
        "{}",
        stderr(&out)
    );
    let out = stances_with(&["validate", "-"], &[], Some(b"\n"));
    assert_eq!(
        stderr(&out).trim_end(),
        "<stdin>: error: file is empty (a dataset needs at least a [dataset] table) [E004 empty-file]\n<stdin>: 1 error, 0 warnings"
    );
    // Into the explorer without a terminal: the usual refusal, not a hang.
    let out = stances_with(&["--data", "-"], &[], Some(&toml));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn list_formats_for_programs() {
    // Into a pipe the default is TSV: one line per row, a tab per column.
    for table in ["actors", "approaches", "reactions", "quotes", "events"] {
        let tsv = stdout(&stances(&["list", table]));
        assert_eq!(tsv, stdout(&stances(&["list", table, "--format", "tsv"])));
        let columns = tsv.lines().next().unwrap().split('\t').count();
        assert!(columns >= 3, "{table}");
        for line in tsv.lines() {
            assert_eq!(line.split('\t').count(), columns, "{table}: {line:?}");
        }
        let json: serde_json::Value =
            serde_json::from_slice(&stances(&["list", table, "-f", "json"]).stdout).unwrap();
        assert_eq!(
            json.as_array().unwrap().len(),
            tsv.lines().count() - 1,
            "{table}"
        );
    }
    let quotes = stdout(&stances(&["list", "quotes", "--format", "tsv"]));
    assert!(quotes.contains(
        "baidu-too-important\tBaidu representative\tAI is too important to be left fragmented\n"
    ));
    let reactions: serde_json::Value =
        serde_json::from_slice(&stances(&["list", "reactions", "--format", "json"]).stdout)
            .unwrap();
    assert!(
        reactions[0]["stance"]
            .as_str()
            .unwrap()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == ' ')
    );
    let actors: serde_json::Value =
        serde_json::from_slice(&stances(&["list", "actors", "--format", "json"]).stdout).unwrap();
    assert_eq!(actors[1]["part_of"], "china");
    // The table, asked for, is aligned with spaces even into a pipe.
    let table = stdout(&stances(&["list", "actors", "--format", "table"]));
    assert!(!table.contains('\t'));
    assert!(table.starts_with("ID "));
}

#[test]
fn flags_are_only_on_the_commands_they_affect() {
    for cmd in [
        "validate",
        "export",
        "search",
        "list",
        "completions",
        "config",
        "man",
    ] {
        let help = stdout(&stances(&[cmd, "--help"]));
        assert!(!help.contains("--theme"), "{cmd} --help offers --theme");
        assert!(help.contains("--color"), "{cmd} --help lacks --color");
    }
    for cmd in ["tour", "quiz"] {
        assert!(stdout(&stances(&[cmd, "--help"])).contains("--theme"));
    }
    let out = stances(&["--theme", "light", "list", "actors"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--theme applies to the explorer, `tour`, `quiz` and `serve` only")
    );
    assert_eq!(
        stances(&["list", "actors", "--theme", "light"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        stances(&["-q", "x", "list", "actors"]).status.code(),
        Some(2)
    );
    for args in [&["--help"][..], &["quiz", "--help"], &["search", "--help"]] {
        assert!(
            !stdout(&stances(args)).contains('\\'),
            "{args:?}: a stray backslash"
        );
    }
}

#[test]
fn os_errors_are_in_words() {
    let out = stances(&["export", "-f", "csv", "-o", "/nonexistent-dir/quotes.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim_end(),
        "/nonexistent-dir/quotes.csv: error: cannot write: no such file or directory"
    );
    let out = stances(&["validate", "Cargo.toml/x"]);
    assert_eq!(
        stderr(&out).trim_end(),
        "Cargo.toml/x: error: a part of the path is not a directory [E001 unreadable]\nCargo.toml/x: 1 error, 0 warnings"
    );
    assert!(!stderr(&out).contains("os error"));
}

#[test]
fn an_unknown_actor_in_a_search_is_named() {
    let out = stances(&["search", "by:guteres"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim_end(),
        "stances: error: query: by:guteres: no actor is called `guteres`; did you mean `by:antonio-guterres` (António Guterres)?"
    );
    let out = stances(&["search", "by:nobody"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no actor is called `nobody`"));
    assert_eq!(stances(&["search", "by:guterres"]).status.code(), Some(0));
}

#[test]
fn validate_json_gives_every_problem_with_its_code() {
    let out = stances(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/invalid/many-problems.toml",
        "tests/fixtures/invalid-dir",
        "tests/fixtures/invalid/not-utf8.toml",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "JSON mode writes only the JSON");
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON value");
    let all = v.as_array().expect("an array");
    assert_eq!(all.len(), 3 + 2 + 1, "{v:#}");
    let first = &all[0];
    assert_eq!(first["path"], "tests/fixtures/invalid/many-problems.toml");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(15), Some(11))
    );
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "E018");
    assert_eq!(first["kind"], "dangling-reference");
    assert_eq!(
        first["message"],
        "quote `q1`: speaker `nobody` is not a known actor"
    );
    assert!(first["note"].is_null());
    let duplicate = &all[3];
    assert_eq!(duplicate["code"], "E017");
    assert_eq!(
        duplicate["note"],
        "first defined as an actor at tests/fixtures/invalid-dir/a-facts.toml:5:6"
    );
    // A file that cannot be read is a problem like the others.
    let unread = &all[5];
    assert_eq!(unread["path"], "tests/fixtures/invalid/not-utf8.toml");
    assert_eq!(
        (unread["line"].as_u64(), unread["column"].as_u64()),
        (Some(2), Some(13))
    );
    assert_eq!(unread["kind"], "not-utf8");
}

#[test]
fn validate_json_of_clean_data_is_an_empty_array() {
    let out = stances(&["validate", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "[]");
    let missing = stances(&["validate", "--format", "json", "no/such/file.toml"]);
    assert_eq!(missing.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&missing)).unwrap();
    assert_eq!(v[0]["code"], "E001");
    assert!(v[0]["line"].is_null());
}

#[test]
fn the_data_format_documents_every_kind_of_problem() {
    let doc = std::fs::read_to_string("docs/data-format.md").unwrap();
    for k in stances::data::Kind::ALL {
        let row = format!("| {} | {} |", k.code(), k.name());
        assert!(doc.contains(&row), "docs/data-format.md lacks {row}");
    }
}

/// A scratch directory of this test's own.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("stances-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_config_file_is_found_in_the_platform_config_dir_or_named() {
    let dir = scratch("config-path");
    let xdg = dir.join("xdg");
    let out = stances_with(
        &["config", "--path"],
        &[("XDG_CONFIG_HOME", xdg.to_str().unwrap())],
        None,
    );
    // Without STANCES_CONFIG (stances_with sets it empty; env_remove wins
    // only through a fresh Command, so ask the same with it unset).
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stances"));
    cmd.args(["config", "--path"])
        .env_remove("STANCES_CONFIG")
        .env("XDG_CONFIG_HOME", &xdg);
    let unset = cmd.output().unwrap();
    assert_eq!(
        stdout(&unset).trim_end(),
        xdg.join("stances/config.toml").display().to_string()
    );
    // Set empty: no config file at all.
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("STANCES_CONFIG is set and empty"));
    let named = dir.join("class.toml");
    let out = stances_with(
        &["config", "--path"],
        &[("STANCES_CONFIG", named.to_str().unwrap())],
        None,
    );
    assert_eq!(stdout(&out).trim_end(), named.display().to_string());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_default_config_checks_clean_and_changes_nothing() {
    let dir = scratch("config-default");
    let file = dir.join("config.toml");
    let text = stdout(&stances(&["config", "--default"]));
    assert!(
        text.contains("# [keys.list]\n# up = [\"up\", \"k\"]"),
        "{text}"
    );
    std::fs::write(&file, &text).unwrap();
    let env = [("STANCES_CONFIG", file.to_str().unwrap())];
    let out = stances_with(&["config"], &env, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim_end(), format!("{}: ok", file.display()));
    let out = stances_with(&["list", "actors"], &env, None);
    assert_eq!(stderr(&out), "");
    assert_eq!(stdout(&out), stdout(&stances(&["list", "actors"])));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_bad_config_is_a_located_warning_and_the_command_runs_with_defaults() {
    let dir = scratch("config-bad");
    let file = dir.join("config.toml");
    std::fs::write(
        &file,
        "theme = \"dark\"\ncolor = \"always\"\n[keys.list]\ndowm = [\"n\"]\n",
    )
    .unwrap();
    let env = [("STANCES_CONFIG", file.to_str().unwrap())];
    let out = stances_with(&["search", "fragmnted"], &env, None);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "{}:4:1: warning: no action `dowm` in [keys.list]; did you mean `down`?\n 4 | dowm = [\"n\"]\n   | ^^^^\n",
            file.display()
        )),
        "{err}"
    );
    assert!(err.contains("the config file is set aside: using the defaults"));
    // Set aside whole: its `color = "always"` is not used either.
    assert!(!stdout(&out).contains('\u{1b}'));
    let check = stances_with(&["config"], &env, None);
    assert_eq!(check.status.code(), Some(1));
    // A file that is not there, when named, is a warning too.
    let missing = dir.join("missing.toml");
    let out = stances_with(
        &["validate"],
        &[("STANCES_CONFIG", missing.to_str().unwrap())],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out).trim_end(),
        format!(
            "{}: warning: no such file or directory; using the defaults",
            missing.display()
        )
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn config_settings_are_defaults_the_command_line_overrides() {
    let dir = scratch("config-settings");
    let file = dir.join("config.toml");
    std::fs::copy("tests/fixtures/invalid/bad-kind.toml", dir.join("bad.toml")).unwrap();
    // A relative data path is beside the config file.
    std::fs::write(&file, "color = \"always\"\ndata = \"bad.toml\"\n").unwrap();
    let env = [("STANCES_CONFIG", file.to_str().unwrap())];
    let out = stances_with(&["validate"], &env, None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.toml:7:8: error: actor `a`: unknown variant `nation`"));
    let out = stances_with(&["--data", "data", "search", "fragmnted"], &env, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\u{1b}["), "the config's colour");
    let out = stances_with(
        &["--data", "data", "search", "fragmnted", "--color", "never"],
        &env,
        None,
    );
    assert!(!stdout(&out).contains("\u{1b}["), "the flag wins");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_readme_config_example_checks_clean() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme.find("## Config file").expect("the section")..];
    let start = section.find("```toml\n").expect("a toml example") + 8;
    let end = start + section[start..].find("```").unwrap();
    let dir = scratch("config-readme");
    let file = dir.join("config.toml");
    std::fs::write(&file, &section[start..end]).unwrap();
    let out = stances_with(
        &["config"],
        &[("STANCES_CONFIG", file.to_str().unwrap())],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn search_help_shows_the_query_syntax_the_help_overlay_shows() {
    let help = stdout(&stances(&["search", "--help"]));
    for (term, what) in stances::search::query::SYNTAX {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(term) && l.ends_with(what)),
            "{term} {what} missing from:\n{help}"
        );
    }
}

#[test]
fn present_help_says_what_presenter_mode_does() {
    // One source: the words the frame follows (layout::PRESENTER), as
    // clap wraps them.
    let help = stdout(&stances(&["--help"]));
    let flat = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let said = stances::layout::PRESENTER
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&said), "{said}\nmissing from:\n{help}");
}
