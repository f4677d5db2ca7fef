//! The real binary in a pseudo-terminal, read back through a terminal
//! emulator (vt100): what a user sees, and the state the terminal is left
//! in on every way out. The harness is tests/support/pty.rs.

use std::io::Read;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

mod support;
use support::pty::{PATIENCE, Pty as Session, nz};

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_stances"), args, env, cols, rows)
    }

    /// Any program in the terminal (a shell, to pipe into stances).
    fn start_program(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Session {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove(TEST_PANIC);
        cmd.env("STANCES_CONFIG", "");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Session::spawn(cmd, cols, rows)
    }
}

const TEST_PANIC: &str = "STANCES_TEST_PANIC";

#[test]
fn navigate_open_help_and_quit() {
    let mut s = Session::start(&[], &[], 80, 24);
    // The first approach with reactions and quotes of its own.
    s.wait_for("Approaches (3/5)");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    s.send("g");
    s.wait_for("Approaches (1/5)");
    s.send("gjj");
    s.wait_for("Approaches (3/5)");
    s.wait_for("filter: International AI cooperation body (China)");
    s.send("\t\r");
    s.wait_for("filter: China (actor and members)");
    s.wait_for("Related (18)");
    s.send("?");
    s.wait_for("Keys · Esc closes");
    s.send("\x1b");
    // crossterm needs a moment to tell a lone Esc from an escape sequence.
    let start = Instant::now();
    while s.contents().contains("Keys · Esc closes") && start.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(20));
    }
    assert!(!s.contents().contains("Keys · Esc closes"));
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
}

#[test]
fn search_as_you_type() {
    let mut s = Session::start(&[], &[], 100, 30);
    s.wait_for("Approaches (3/5)");
    s.send("/");
    s.wait_for("9 of 9");
    // A typo: one letter left out.
    s.send("fragmnted");
    s.wait_for("› “Global AI governance remains fragmented.");
    s.send("\r");
    s.wait_for("quote · li-fragmented-reuters");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
}

#[test]
fn a_seeded_quiz_plays_to_its_summary() {
    // The same seed gives the same quiz in the library and in the binary,
    // so the test knows the answers and answers the first three wrong.
    // "Who said it?" and a mixed round, which asks every kind.
    use stances::quiz::{Kind, questions};
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    for (kind, name) in [(Kind::Who, "who"), (Kind::Mixed, "mixed")] {
        let round = questions(&data, kind, 11).unwrap();
        let total = round.len();
        let mut s = Session::start(&["quiz", "--kind", name, "--seed", "11"], &[], 100, 30);
        s.wait_for("seed 0011");
        let mut right = 0;
        for (n, q) in round.iter().enumerate() {
            s.wait_for(&format!("Question {} of {total}", n + 1));
            let pick = if n < 3 {
                (q.answer + 1) % q.options.len()
            } else {
                q.answer
            };
            right += usize::from(n >= 3);
            // Answers are letters: the digits open the views.
            s.send(char::from(b'a' + pick as u8).to_string());
            s.wait_for(if n < 3 { "Not quite" } else { "Correct." });
            s.wait_for("Source: ");
            s.send(" ");
        }
        s.wait_for(&format!("Finished: {right} of {total} right."));
        s.wait_for(&format!("score {right}/{total}"));
        s.send("n");
        s.wait_for("seed 0012");
        s.send("q");
        assert_eq!(s.exit_code(), 0);
        s.assert_restored();
    }
}

#[test]
fn esc_typed_fast_before_a_key_is_both_keys() {
    // Terminals send Esc and the next key together; crossterm reads that
    // as Alt+key. From the quiz, Esc then / must leave it and search.
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let (asked, quotes) = (
        stances::quiz::questions(&data, stances::quiz::Kind::Who, 1)
            .unwrap()
            .len(),
        data.quotes.len(),
    );
    let mut s = Session::start(&["quiz", "--seed", "1"], &[], 100, 30);
    s.wait_for(&format!("Question 1 of {asked}"));
    s.send("\x1b/");
    s.wait_for(&format!("{quotes} of {quotes}"));
    s.send("whims\r");
    s.wait_for("quote · un-whims-of-markets");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn the_tour_command_opens_the_slides() {
    let mut s = Session::start(&["tour"], &[], 100, 30);
    s.wait_for("1/14");
    s.send(" ");
    s.wait_for("2/14");
    s.send("\x1b");
    s.wait_for("Approaches (3/5)");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn resizing_redraws_at_the_new_size() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Approaches (3/5)");
    s.master
        .resize(PtySize {
            rows: 12,
            cols: 40,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    s.screen
        .lock()
        .unwrap()
        .screen_mut()
        .set_size(nz(12), nz(40));
    s.wait_for(" App  Act  Rea  Quo  Det");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
}

#[test]
fn mouse_clicks_select() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Approaches (3/5)");
    // SGR mouse report: left button down then up at column 31, row 5
    // (1-based): the Reactions pane (narrowed to the selected approach),
    // its third row. The pane's title names the shared target instead of
    // a count at this width, so the selection marker is what shows it.
    s.send("\x1b[<0;31;5M\x1b[<0;31;5m");
    s.wait_for("› +  African Union");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn ctrl_c_restores_the_terminal() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Approaches (3/5)");
    s.send("\x03");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Approaches (3/5)");
    s.signal(libc::SIGTERM);
    assert_eq!(s.exit_code(), 128 + 15);
    s.assert_restored();
}

#[test]
fn sighup_restores_the_terminal() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Approaches (3/5)");
    s.signal(libc::SIGHUP);
    assert_eq!(s.exit_code(), 128 + 1);
    s.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_is_readable() {
    let mut s = Session::start(&[], &[(TEST_PANIC, "1")], 100, 30);
    assert_eq!(s.exit_code(), 101);
    s.assert_restored();
    assert!(
        s.contents().contains("panicking on purpose"),
        "{}",
        s.contents()
    );
}

#[test]
fn a_broken_dataset_is_reported_before_any_screen_change() {
    let mut s = Session::start(
        &["--data", "tests/fixtures/invalid/bad-kind.toml"],
        &[],
        100,
        30,
    );
    assert_eq!(s.exit_code(), 1);
    s.assert_restored();
    let shown = s.contents().replace('\n', "");
    assert!(
        shown.contains("bad-kind.toml:7:8: error: actor `a`: unknown variant `nation`"),
        "{shown}"
    );
}

#[test]
fn an_endless_device_as_data_is_refused_at_once_and_the_terminal_kept() {
    let mut s = Session::start(&["--data", "/dev/zero"], &[], 80, 24);
    s.wait_for("/dev/zero: error: a character device, not a regular file");
    assert_eq!(s.exit_code(), 1);
    s.assert_restored();
}

#[test]
fn query_opens_the_explorer_searching() {
    let mut s = Session::start(&["-q", "fragmnted"], &[], 100, 30);
    s.wait_for("› “Global AI governance remains fragmented.");
    s.wait_for("3 of 9");
    // The query is in the field, editable like a typed one.
    s.send(" baidu");
    s.wait_for("/ fragmnted baidu");
    s.wait_for("1 of 9");
    s.send("\r");
    let start = Instant::now();
    while s.contents().contains("Esc close") && start.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(20));
    }
    assert!(!s.contents().contains("Esc close"), "{}", s.contents());
    s.wait_for("quote · baidu-too-important");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
}

/// Whether any cell of the screen has a colour other than the default.
fn coloured(s: &Session) -> bool {
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    (0..rows.get()).any(|r| {
        (0..cols.get()).any(|c| {
            screen.cell(r, c).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn color_flag_and_no_color_decide_the_explorers_colours() {
    for (args, env, want) in [
        (&[][..], &[][..], true),
        (&[], &[("NO_COLOR", "1")], false),
        (&["--color", "never"], &[], false),
        (&["--color", "always"], &[("NO_COLOR", "1")], true),
        (&["tour", "--color=never"], &[], false),
    ] {
        let mut s = Session::start(args, env, 100, 30);
        s.wait_for(if args.first() == Some(&"tour") {
            "1/14"
        } else {
            "Approaches (3/5)"
        });
        assert_eq!(coloured(&s), want, "{args:?} {env:?}");
        s.send("q");
        assert_eq!(s.exit_code(), 0);
    }
}

#[test]
fn the_dataset_can_come_down_a_pipe() {
    // Keys then come from the terminal, as in fzf.
    let mut s = Session::start_program(
        "sh",
        &[
            "-c",
            &format!(
                "cat data/waic-2025.toml | {} --data -",
                env!("CARGO_BIN_EXE_stances")
            ),
        ],
        &[],
        100,
        30,
    );
    s.wait_for("Approaches (3/5)");
    s.send("jj");
    s.wait_for("Approaches (3/5)");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
}

#[test]
fn list_on_a_terminal_is_an_aligned_table() {
    let mut s = Session::start(&["list", "actors"], &[], 120, 40);
    assert_eq!(s.exit_code(), 0);
    let shown = s.contents();
    assert!(shown.contains("ID"), "{shown}");
    let header = shown.lines().find(|l| l.starts_with("ID")).unwrap();
    let li = shown.lines().find(|l| l.starts_with("li-qiang ")).unwrap();
    // Columns line up (TSV's tabs would put this name 8 columns on).
    assert_eq!(header.find("NAME"), li.find("Li Qiang"), "{shown}");
}

#[test]
fn remapped_keys_work_and_show_in_the_footer_and_help() {
    let dir = std::env::temp_dir().join(format!("stances-pty-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(
        &file,
        "theme = \"high-contrast\"\n[keys.list]\ndown = [\"down\", \"n\"]\n[keys.global]\nquit = [\"x\", \"ctrl-c\"]\n",
    )
    .unwrap();
    let mut s = Session::start(&[], &[("STANCES_CONFIG", file.to_str().unwrap())], 100, 30);
    s.wait_for("Approaches (3/5)");
    s.wait_for("↓/n move");
    s.wait_for("x/Ctrl-C quit");
    // j no longer moves: the help, opened after it, shows it was read.
    s.send("j?");
    s.wait_for("↓/n");
    s.send("?");
    s.wait_for("Approaches (3/5)");
    s.send("n");
    s.wait_for("Approaches (4/5)");
    // q no longer quits: the help still opens after it.
    s.send("q?");
    s.wait_for("↓/n");
    s.send("x");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_bad_config_still_opens_the_explorer_and_says_why() {
    let dir = std::env::temp_dir().join(format!("stances-pty-badcfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(&file, "[keys.list]\ndown = [\"hyper-n\"]\n").unwrap();
    let mut s = Session::start(&[], &[("STANCES_CONFIG", file.to_str().unwrap())], 160, 30);
    s.wait_for("config.toml:2:9: warning: `hyper-n` is not a key");
    s.wait_for("Approaches (3/5)");
    // The defaults are in force.
    s.send("j");
    s.wait_for("Approaches (4/5)");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    // The whole warning is on the terminal after the explorer.
    s.wait_for("the config file is set aside");
    std::fs::remove_dir_all(dir).unwrap();
}

/// Stop the explorer with `stop` (a key or a signal), check that it gave
/// the terminal back and stopped, continue it, and check that it took the
/// terminal again and drew every cell.
fn suspend_and_resume(s: &mut Session, stop: impl Fn(&mut Session)) {
    stop(s);
    s.wait_until("stopped", Session::stopped);
    // The bytes written before the stop may still be on their way.
    s.wait_until("off the alternate screen", |s| {
        !s.screen.lock().unwrap().screen().alternate_screen()
    });
    s.assert_restored();
    assert!(
        !s.contents().contains("Approaches"),
        "the shell's screen is back"
    );
    s.signal(libc::SIGCONT);
    s.wait_until("back in raw mode on the alternate screen", |s| {
        !s.stopped() && s.raw_mode() && s.screen.lock().unwrap().screen().alternate_screen()
    });
    s.wait_for("Approaches (");
    let screen = s.screen.lock().unwrap();
    assert!(screen.screen().hide_cursor());
    assert_ne!(
        screen.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
}

#[test]
fn ctrl_z_and_sigtstp_give_the_terminal_back_and_fg_redraws() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Approaches (");
    // Ctrl-Z arrives as a key in raw mode.
    suspend_and_resume(&mut s, |s| s.send("\x1a"));
    // SIGTSTP from outside (`kill -TSTP`), as a shell or a script sends it.
    suspend_and_resume(&mut s, |s| s.signal(libc::SIGTSTP));
    // Keys work as before.
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
}

#[test]
fn frames_are_synchronized_updates() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Approaches (");
    let count = |s: &Session, pattern: &[u8]| {
        let raw = s.raw.lock().unwrap();
        raw.windows(pattern.len()).filter(|w| *w == pattern).count()
    };
    s.send("j");
    s.wait_until("a second frame", |s| count(s, b"\x1b[?2026l") >= 2);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let (begin, end) = (count(&s, b"\x1b[?2026h"), count(&s, b"\x1b[?2026l"));
    assert!(begin >= 2, "{begin} frames begun");
    assert_eq!(begin, end, "every frame begun is ended");
}

#[test]
fn a_dumb_or_missing_terminal_type_is_refused() {
    for term in [Some("dumb"), None] {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_stances"));
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        match term {
            Some(t) => cmd.env("TERM", t),
            None => cmd.env_remove("TERM"),
        }
        let mut child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let status = child.wait().unwrap();
        let mut out = Vec::new();
        let _ = reader.read_to_end(&mut out);
        let out = String::from_utf8_lossy(&out);
        assert_eq!(status.exit_code(), 2, "{term:?}: {out}");
        assert!(
            out.contains("the explorer needs a terminal that can draw full-screen"),
            "{term:?}: {out}"
        );
        assert!(
            !out.contains("\x1b[?1049h"),
            "{term:?}: no alternate screen"
        );
    }
}
