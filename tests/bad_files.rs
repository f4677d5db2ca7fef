//! Files that are wrong in every way a file can be: each gets a clear
//! message (or the right result), never a panic, never a hang.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let p = std::env::temp_dir().join(format!("stances-bad-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn validate(paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stances"))
        .arg("validate")
        .args(paths)
        .output()
        .unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const MINIMAL: &str = "[dataset]\ntitle = \"t\"\n";

#[test]
fn only_comments_is_a_dataset_without_its_table() {
    let d = Dir::new("comments");
    let f = d.file("c.toml", "# just a comment\n# and another\n");
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("c.toml:1:1: error: missing [dataset] table"),
        "{}",
        err(&o)
    );
}

#[test]
fn a_byte_order_mark_and_crlf_are_fine() {
    let d = Dir::new("bom");
    let f = d.file(
        "b.toml",
        format!("\u{feff}{}", MINIMAL.replace('\n', "\r\n")),
    );
    assert_eq!(validate(&[&f]).status.code(), Some(0));
}

#[test]
fn a_ten_thousand_character_line_is_located_and_shown_in_part() {
    let d = Dir::new("longline");
    let f = d.file(
        "l.toml",
        format!(
            "{MINIMAL}[[source]]\nid = \"s\"\ntitle = \"{}\" junk\n",
            "x".repeat(10_000)
        ),
    );
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(e.contains("l.toml:5:10012: error: TOML syntax"), "{e}");
    assert!(
        e.lines().all(|l| l.chars().count() < 300),
        "the source line is shown as a window"
    );
}

#[test]
fn a_fifty_megabyte_file_is_read_without_trouble() {
    let d = Dir::new("big");
    let mut text = String::from(MINIMAL);
    text.push_str("# ");
    text.push_str(&"filler ".repeat(50 * 1024 * 1024 / 7));
    text.push('\n');
    let f = d.file("big.toml", text);
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn a_symlink_loop_gets_one_line() {
    let d = Dir::new("loop");
    let a = d.0.join("a.toml");
    let b = d.0.join("b.toml");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let o = validate(&[&a]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert_eq!(e.lines().count(), 2, "{e}");
    assert_eq!(
        e.lines().nth(1),
        Some(format!("{}: 1 error, 0 warnings", a.display()).as_str())
    );
    assert!(
        e.contains("a.toml: error: ") && e.to_lowercase().contains("symbolic links"),
        "{e}"
    );
    // In a directory, the loop is reported too, not skipped in silence.
    d.file("real.toml", MINIMAL);
    let o = validate(&[&d.0]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("a.toml: error: "), "{}", err(&o));
}

#[test]
fn the_same_file_twice_is_checked_twice() {
    let d = Dir::new("twice");
    let f = d.file("t.toml", MINIMAL);
    let o = validate(&[&f, &f]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
}

#[test]
fn a_file_that_cannot_be_read_says_so() {
    // Root reads everything, so the permission case needs another user.
    if unsafe { libc::geteuid() } == 0 {
        let d = Dir::new("dir-as-file");
        // What root cannot read as a file: a directory named like one.
        std::fs::create_dir_all(d.0.join("dir.toml")).unwrap();
        d.file("ok.toml", MINIMAL);
        let o = validate(&[&d.0]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "a directory named .toml is skipped: {}",
            err(&o)
        );
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new("perm");
    let f = d.file("p.toml", MINIMAL);
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("p.toml: error: permission denied"),
        "{}",
        err(&o)
    );
}

/// A file big enough to be read in chunks from disk.
fn big_file_text() -> String {
    let text = stances::synth::toml(9_000, 11);
    assert!(text.len() > 2 * 1024 * 1024);
    text
}

#[test]
fn a_big_file_that_is_not_utf8_late_is_located() {
    let d = Dir::new("big-not-utf8");
    let mut bytes = big_file_text().into_bytes();
    let at = bytes.len() - 40;
    bytes[at] = 0xff;
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').unwrap() + 1;
    // Columns count characters, and the synthetic text is not all ASCII.
    let column = String::from_utf8_lossy(&bytes[line_start..at])
        .chars()
        .count()
        + 1;
    let f = d.file("big.toml", &bytes);
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains(&format!(
            "big.toml:{line}:{column}: error: not UTF-8 text (byte 0xff)"
        )),
        "{}",
        err(&o)
    );
}

#[test]
fn a_big_file_with_an_item_header_inside_a_string_is_read_right() {
    let d = Dir::new("big-trap");
    let mut text = big_file_text();
    // A multi-line string with a line that looks like an item header,
    // placed so that the reader's first cut (it reads 512 KiB, then cuts
    // at the last item header) falls inside the string.
    let trap = format!(
        "[[quote]]\nid = \"trap\"\nspeaker = \"actor-0\"\nsource = \"synthetic\"\ntext = \"\"\"\n[[quote]]\nid = \"not-a-quote\"\n{}\"\"\"\n\n",
        "filler line\n".repeat(100)
    );
    let inner = trap.find("\n[[quote]]").unwrap() + "\n[[quote]]\n".len();
    let read = 512 * 1024;
    let pos = text[..read - inner].rfind("\n[[quote]]").unwrap() + 1;
    assert!(pos + inner < read && read < pos + trap.len());
    text.insert_str(pos, &trap);
    let f = d.file("big.toml", &text);
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("9001 quotes"), "{out}");
}

#[test]
fn a_big_file_with_a_problem_quotes_its_line() {
    let d = Dir::new("big-problem");
    let mut text = big_file_text();
    let at = text.rfind("source = \"synthetic\"").unwrap() + "source = \"".len();
    text.insert(at, 'x');
    let line = text[..at].matches('\n').count() + 1;
    let f = d.file("big.toml", &text);
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(
        e.contains(&format!("big.toml:{line}:10: error: quote `q")),
        "{e}"
    );
    assert!(
        e.contains(&format!(" {line} | source = \"xsynthetic\"")),
        "{e}"
    );
    assert!(e.contains("did you mean `synthetic`?"), "{e}");
}

#[test]
fn two_copies_of_a_big_file_report_every_duplicate_with_both_places() {
    let d = Dir::new("big-twice");
    let text = big_file_text();
    d.file("a.toml", &text);
    d.file("b.toml", &text);
    let o = validate(&[&d.0]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    // Every id is defined twice, and [dataset] too.
    let ids = text.matches("\nid = \"").count();
    assert!(
        e.contains(&format!("2 files: {} errors", ids + 1)),
        "{}",
        e.lines().last().unwrap_or("")
    );
    // The first quote's duplicate (only the first hundred problems are
    // shown), located in both files, its line quoted.
    let at = text.find("id = \"q").unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let id_line = text[at..].lines().next().unwrap();
    assert!(
        e.contains(&format!("b.toml:{line}:6: error: duplicate id `q0`")),
        "{e:.2000}"
    );
    assert!(e.contains(&format!(" {line} | {id_line}")));
    assert!(e.contains(&format!(
        "first defined as a quote at {}:{line}:6",
        d.0.join("a.toml").display()
    )));
}

/// Run stances with `args`, killed if it has not finished in `limit`:
/// a hang fails the test instead of stalling the suite.
fn run_within(args: &[&std::ffi::OsStr], limit: std::time::Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stances"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("stances {args:?} still running after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

const LIMIT: std::time::Duration = std::time::Duration::from_secs(20);

#[test]
fn special_files_are_refused_at_once_with_their_path() {
    let d = Dir::new("special");
    let fifo = d.0.join("pipe.toml");
    mkfifo(&fifo);
    let link = d.0.join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for (path, kind) in [
        (Path::new("/dev/zero"), "a character device"),
        (fifo.as_path(), "a named pipe (FIFO)"),
        (link.as_path(), "a character device"),
    ] {
        for command in ["validate", "list"] {
            let mut args = vec![std::ffi::OsStr::new(command)];
            if command == "list" {
                args = vec![
                    "--data".as_ref(),
                    path.as_os_str(),
                    "list".as_ref(),
                    "quotes".as_ref(),
                ];
            } else {
                args.push(path.as_os_str());
            }
            let o = run_within(&args, LIMIT);
            assert_eq!(o.status.code(), Some(1), "{command} {path:?}");
            let e = err(&o);
            assert_eq!(
                e.lines().next().unwrap_or(""),
                format!(
                    "{}: error: {kind}, not a regular file; a dataset is read only from regular files [E024 not-a-regular-file]",
                    path.display()
                ),
                "{command}"
            );
        }
    }
}

#[test]
fn a_fifo_or_device_named_toml_in_a_directory_is_reported() {
    let d = Dir::new("special-dir");
    d.file("a.toml", MINIMAL);
    mkfifo(&d.0.join("b.toml"));
    std::os::unix::fs::symlink("/dev/null", d.0.join("c.toml")).unwrap();
    let o = run_within(&["validate".as_ref(), d.0.as_os_str()], LIMIT);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(
        e.contains("b.toml: error: a named pipe (FIFO), not a regular file"),
        "{e}"
    );
}

/// The last line of stderr: the summary.
fn last_line(o: &Output) -> String {
    err(o).lines().last().unwrap_or("").to_string()
}

/// A run that found exactly one problem, an error: exit 1, the message first
/// (`path:` then `at_and_message`), and the count line last.
fn assert_one_error(o: &Output, f: &Path, at_and_message: &str) {
    assert_eq!(o.status.code(), Some(1));
    let e = err(o);
    assert!(
        e.starts_with(&format!("{}:{at_and_message}", f.display())),
        "{e:.500}"
    );
    assert_eq!(
        last_line(o),
        format!("{}: 1 error, 0 warnings", f.display())
    );
}

#[test]
fn nul_bytes_are_one_plain_error_small_or_big() {
    let d = Dir::new("nul");
    // A small file is read whole; a big one would be streamed in chunks.
    for (name, len) in [("small.toml", 1000), ("big.toml", 3 * 1024 * 1024)] {
        let f = d.file(name, vec![0u8; len]);
        let o = run_within(&["validate".as_ref(), f.as_os_str()], LIMIT);
        assert_one_error(
            &o,
            &f,
            "1:1: error: a NUL byte: this is a binary file, not a TOML text file",
        );
    }
}

#[test]
fn lines_of_x_and_prose_are_said_not_to_be_toml() {
    let d = Dir::new("not-toml");
    let xs = d.file("x.toml", "x\n".repeat(200_000));
    let readme = d.file(
        "README.toml",
        "# Title\n\nSome prose about it.\n\n```\ncode\n```\n",
    );
    for (f, line) in [(xs, 1), (readme, 3)] {
        let o = run_within(&["validate".as_ref(), f.as_os_str()], LIMIT);
        assert_one_error(
            &o,
            &f,
            &format!("{line}:1: error: this does not look like a TOML file"),
        );
    }
}

#[test]
fn empty_and_not_utf8_files_end_with_a_summary() {
    let d = Dir::new("summary");
    let empty = d.file("empty.toml", "");
    let latin = d.file("latin.toml", b"[dataset]\ntitle = \"caf\xe9\"\n");
    for f in [empty, latin] {
        let o = validate(&[&f]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(err(&o).lines().count(), 2, "{}", err(&o));
        assert_eq!(
            last_line(&o),
            format!("{}: 1 error, 0 warnings", f.display())
        );
    }
}

#[test]
fn two_byte_order_marks_are_refused() {
    let d = Dir::new("bom2");
    let small = d.file("small.toml", format!("\u{feff}\u{feff}{MINIMAL}"));
    let big = d.file("big.toml", format!("\u{feff}\u{feff}{}", big_file_text()));
    for f in [small, big] {
        let o = validate(&[&f]);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            err(&o).starts_with(&format!(
                "{}:1:1: error: two byte order marks at the start; remove the second",
                f.display()
            )),
            "{}",
            err(&o)
        );
    }
}

#[test]
fn a_ten_thousand_level_dotted_header_is_located() {
    let d = Dir::new("deep");
    let f = d.file(
        "deep.toml",
        format!("{MINIMAL}\n[{}]\n", vec!["a"; 10_000].join(".")),
    );
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).starts_with(&format!(
            "{}:4:1: error: TOML syntax: a key of more than 80 dotted parts",
            f.display()
        )),
        "{:.300}",
        err(&o)
    );
}

#[test]
fn many_problems_show_the_first_hundred_and_count_the_rest_last() {
    let d = Dir::new("many");
    let mut text = String::from(MINIMAL);
    for i in 0..250 {
        text.push_str(&format!(
            "\n[[actor]]\nid = \"a{i}\"\nname = \"A\"\nkind = \"robot\"\n"
        ));
    }
    let f = d.file("many.toml", &text);
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    let shown = e.lines().filter(|l| l.contains(": error: ")).count();
    assert_eq!(shown, 100, "{e:.2000}");
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(
        lines[lines.len() - 2],
        "... and 150 more errors not shown; fix the first ones and check again"
    );
    assert_eq!(
        last_line(&o),
        format!("{}: 250 errors, 0 warnings", f.display())
    );
}

#[test]
fn many_syntax_errors_show_twenty_and_count_the_rest_last() {
    let d = Dir::new("many-syntax");
    let f = d.file("s.toml", format!("{MINIMAL}{}", "x = \n".repeat(50)));
    let o = validate(&[&f]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(e.starts_with(&format!("{}:3:", f.display())), "{e:.300}");
    assert_eq!(e.lines().filter(|l| l.contains(": error: ")).count(), 20);
    // The count agrees with what was shown: twenty, and the rest.
    let lines: Vec<&str> = e.lines().collect();
    let more: usize = lines[lines.len() - 2]
        .strip_prefix("... and ")
        .and_then(|l| l.strip_suffix(" more errors not shown; fix the first ones and check again"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{e}"));
    assert!(more >= 30);
    assert_eq!(
        last_line(&o),
        format!("{}: {} errors, 0 warnings", f.display(), 20 + more)
    );
}

#[test]
fn a_value_of_the_wrong_type_names_its_field_what_was_found_and_what_is_allowed() {
    let d = Dir::new("types");
    let f = d.file(
        "t.toml",
        format!(
            "{MINIMAL}\n[[actor]]\nid = \"a\"\nname = \"A\"\nkind = 7\n\n[[actor]]\nid = \"b\"\nname = \"B\"\nkind = \"person\"\n\n[[approach]]\nid = \"p\"\nname = \"P\"\nproponent = \"a\"\nsummary = \"s\"\n\n[[reaction]]\nactor = \"b\"\ntarget = \"p\"\nstance = 3\n"
        ),
    );
    let e = err(&validate(&[&f]));
    assert!(
        e.contains("t.toml:7:8: error: actor `a`: `kind` is an integer (7), but it must be one of `country`, `bloc`, `organization`, `company`, `person`, `group` (as a quoted string)"),
        "{e}"
    );
    assert!(
        e.contains("t.toml:23:10: error: reaction #1: `stance` is an integer (3), but it must be one of `supports`, `leans-support`, `mixed`, `leans-oppose`, `opposes`"),
        "{e}"
    );
    let title = d.file("title.toml", "[dataset]\ntitle = 5\n");
    let e = err(&validate(&[&title]));
    assert!(
        e.contains(
            "title.toml:2:9: error: [dataset]: `title` is an integer (5), but it must be a string"
        ),
        "{e}"
    );
    let list = d.file("list.toml", "[[dataset]]\ntitle = \"t\"\n");
    let e = err(&validate(&[&list]));
    assert!(
        e.contains("list.toml:1:3: error: `dataset` is a list of tables (`[[dataset]]`), but it must be one table: write `[dataset]`"),
        "{e}"
    );
}

#[test]
fn a_wrong_type_inside_an_inline_table_names_the_inner_field() {
    let d = Dir::new("inner");
    let f = d.file(
        "p.toml",
        format!(
            "{MINIMAL}\n[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"person\"\n\n[[approach]]\nid = \"p\"\nname = \"P\"\nproponent = \"a\"\nsummary = \"s\"\nposition = {{ regulation = \"high\", multilateralism = 0.5 }}\n"
        ),
    );
    let e = err(&validate(&[&f]));
    assert!(
        e.contains("p.toml:14:27: error: approach `p`: `position.regulation` is a string (\"high\"), but it must be a number"),
        "{e}"
    );
}

#[test]
fn items_before_a_syntax_error_are_still_checked() {
    let d = Dir::new("before-syntax");
    let f = d.file(
        "s.toml",
        format!(
            "{MINIMAL}\n[[actor]]\nid = \"a\"\nname = \"A\"\nkind = 7\n\n[[actor]]\nid = \"b\"\nname = \"unclosed\n"
        ),
    );
    let e = err(&validate(&[&f]));
    assert!(
        e.contains("s.toml:7:8: error: actor `a`: `kind` is an integer (7)"),
        "{e}"
    );
    assert!(
        e.contains("s.toml:11:"),
        "the syntax error is reported too: {e}"
    );
}
