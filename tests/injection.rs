//! Hostile text from a dataset must never reach the terminal as a control
//! sequence. The checker refuses it in files, but every printer and the
//! renderer must be safe on their own: this corpus goes straight into the
//! model, past the checker, and every byte that comes out is inspected.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use stances::app::{Action, App, View, update};
use stances::data::Dataset;
use stances::ui::{self, Theme};

// The corpus (every trick, from ESC sequences to bidi overrides), shared
// with tests/serve.rs, which types it over SSH.
#[path = "support/corpus.rs"]
mod corpus;
use corpus::CORPUS;

fn hostile() -> Dataset {
    let mut d = stances::data::load(None).unwrap().checked.dataset.unwrap();
    for (i, a) in d.actors.iter_mut().enumerate() {
        a.name = format!("{} {}", a.name, CORPUS[i % CORPUS.len()]);
        a.role = Some(CORPUS[(i + 3) % CORPUS.len()].into());
    }
    for (i, q) in d.quotes.iter_mut().enumerate() {
        q.text = format!(
            "{} {}",
            CORPUS[i % CORPUS.len()],
            CORPUS[(i + 7) % CORPUS.len()]
        );
        q.context = Some(CORPUS[(i + 1) % CORPUS.len()].into());
        q.tags.push(CORPUS[(i + 2) % CORPUS.len()].into());
    }
    for (i, a) in d.approaches.iter_mut().enumerate() {
        a.name = format!("{} {}", a.name, CORPUS[(i + 5) % CORPUS.len()]);
        a.summary = CORPUS.join(" | ");
    }
    for (i, r) in d.reactions.iter_mut().enumerate() {
        r.summary = CORPUS[i % CORPUS.len()].into();
    }
    for (i, e) in d.events.iter_mut().enumerate() {
        e.name = CORPUS[(i + 4) % CORPUS.len()].into();
    }
    for (i, t) in d.tour.iter_mut().enumerate() {
        t.title = CORPUS[i % CORPUS.len()].into();
        t.text = CORPUS.join(" ");
    }
    d.dataset.title = CORPUS[0].into();
    d.build_index();
    d
}

/// Bytes that would let data act on the terminal: any control character
/// but newline, and the C1 and bidi controls, must not appear. ESC is
/// allowed only as the start of a CSI sequence (what the renderer itself
/// writes for colours and cursor moves), never OSC, DCS, APC or PM.
fn assert_inert(bytes: &[u8], what: &str, allow: &[char]) {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\u{1b}' {
            assert_eq!(
                chars.get(i + 1),
                Some(&'['),
                "{what}: an ESC that does not start a CSI at {i}: {:?}",
                context(&chars, i)
            );
            continue;
        }
        if allow.contains(&c) {
            continue;
        }
        assert!(
            !(c.is_control() || stances::text::is_bidi_control(c)),
            "{what}: raw {:?} at {i}: {:?}",
            c,
            context(&chars, i)
        );
    }
}

fn context(chars: &[char], i: usize) -> String {
    chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
        .iter()
        .collect()
}

/// The CSI sequences in the renderer's output: none may carry data. A
/// data-borne "[31m" is printed as text after an escaped "\u{1b}", so
/// every CSI here must be one the backend writes: parameters, then a
/// final byte among those crossterm uses.
fn assert_only_backend_csi(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut rest = text.as_ref();
    while let Some(i) = rest.find("\u{1b}[") {
        let seq: String = rest[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';' || *c == '?')
            .collect();
        let fin = rest[i + 2 + seq.len()..].chars().next().unwrap_or(' ');
        assert!(
            "HmKJlhABCDGtqu".contains(fin),
            "unexpected CSI {:?}{fin}",
            seq
        );
        rest = &rest[i + 2..];
    }
}

fn render_bytes(app: &App) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let backend = CrosstermBackend::new(&mut out);
        let mut terminal = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(app.screen.size),
            },
        )
        .unwrap();
        terminal.draw(|f| ui::draw(f, app, &Theme::dark())).unwrap();
    }
    out
}

#[test]
fn the_renderer_writes_no_sequence_from_data() {
    let data = hostile();
    let mut screens = 0;
    for (view, actions) in [
        (View::Explore, vec![]),
        (View::Explore, vec![Action::NextPane, Action::Follow]),
        (
            View::Explore,
            vec![
                Action::NextPane,
                Action::NextPane,
                Action::NextPane,
                Action::Follow,
            ],
        ),
        (View::Explore, vec![Action::OpenSearch]),
        (View::Map, vec![]),
        (View::Compare, vec![Action::ToggleKind]),
        (View::Timeline, vec![]),
        (View::Tour, vec![]),
        (View::Quiz, vec![Action::Choose(0)]),
    ] {
        let mut app = App::new(data.clone(), Rect::new(0, 0, 140, 45));
        update(&mut app, Action::SwitchView(view));
        for a in actions {
            update(&mut app, a);
        }
        let bytes = render_bytes(&app);
        assert_inert(&bytes, &format!("{view:?} screen"), &['\n']);
        assert_only_backend_csi(&bytes);
        let shown = String::from_utf8_lossy(&bytes);
        assert!(
            shown.contains("\\u{1b}") || shown.contains("\\u{202e}") || shown.contains("\\u{7}"),
            "{view:?}: escapes are visible"
        );
        screens += 1;
    }
    assert_eq!(screens, 9);
}

#[test]
fn every_printer_escapes_data() {
    use stances::cli::ListTable;
    let d = hostile();
    use clap::ValueEnum;
    for &table in ListTable::value_variants() {
        assert_inert(
            stances::commands::list(&d, table, Some(100)).as_bytes(),
            &format!("list {table:?}"),
            &['\n'],
        );
        assert_inert(
            stances::commands::list(&d, table, None).as_bytes(),
            &format!("list {table:?}"),
            &['\n'],
        );
    }
    for (what, text) in [
        ("markdown", stances::export::markdown(&d)),
        ("worksheet", stances::export::worksheet(&d)),
        ("key", stances::export::key(&d)),
        ("html", stances::export::html(&d)),
    ] {
        assert_inert(text.as_bytes(), what, &['\n', '\t']);
    }
    // CSV lines end in CRLF, as RFC 4180 says; nothing else may be raw.
    let csv = stances::export::csv(&d).replace("\r\n", "\n");
    assert_inert(csv.as_bytes(), "csv", &['\n', '\t']);
    // JSON escapes every control and bidi character as \uXXXX, so it is
    // inert on a terminal and still reads back exactly.
    let json = stances::export::json(&d);
    assert_inert(json.as_bytes(), "json", &['\n']);
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        back["actors"][0]["name"]
            .as_str()
            .unwrap()
            .contains('\u{1b}'),
        "JSON keeps the data exact"
    );

    let index = stances::search::Index::new(std::sync::Arc::new(d));
    let query = stances::search::Query::parse("e");
    let hits = index.search(&query);
    assert!(!hits.is_empty());
    // With emphasis the output holds our own bold/underline CSIs only.
    let emphasised = stances::export::search_text(&index, &query, &hits, true);
    assert_inert(emphasised.as_bytes(), "search (emphasis)", &['\n']);
    assert_only_backend_csi(emphasised.as_bytes());
    assert_inert(
        stances::export::search_text(&index, &query, &hits, false).as_bytes(),
        "search",
        &['\n'],
    );
    let json = stances::export::search_json(&index, &query, &hits);
    assert_inert(json.as_bytes(), "search json", &['\n']);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
}

#[test]
fn error_messages_escape_what_they_quote() {
    // Hostile text in a file: the checker refuses it, and its report
    // (which quotes the source line) must itself be inert.
    let mut text = String::from("[dataset]\ntitle = \"t\"\n");
    for (i, c) in CORPUS.iter().enumerate() {
        let escaped = c.replace('\\', "\\\\").replace('"', "\\\"");
        // Raw control characters straight in the file, not \u escapes.
        text.push_str(&format!(
            "\n[[actor]]\nid = \"a{i}\"\nname = \"{escaped}\"\nkind = \"group\"\n"
        ));
    }
    text.push_str("\n[[actor]]\nid = \"\u{1b}[31mred\"\nname = \"x\"\nkind = \"\u{202e}group\"\n");
    let files = [stances::data::SourceFile::new(
        "evil\u{1b}]0;title\u{7}.toml",
        text,
    )];
    let checked = stances::data::check(&files);
    assert!(checked.error_count() >= 5, "{:?}", checked.diagnostics);
    let report: String = checked
        .diagnostics
        .iter()
        .map(|d| d.render(&files))
        .collect();
    assert_inert(report.as_bytes(), "diagnostics", &['\n']);
    assert!(
        report.contains("evil\\u{1b}]0;title\\u{7}.toml:"),
        "the path is escaped too"
    );
}

#[test]
fn the_binary_prints_nothing_raw_for_a_hostile_file() {
    let dir = std::env::temp_dir().join(format!("stances-evil-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("evil.toml");
    let mut text = String::from("[dataset]\ntitle = \"evil\u{1b}]52;c;aGk=\u{7}\"\n");
    text.push_str("[[actor]]\nid = \"x\"\nname = \"\u{9b}31mcsi\"\nkind = \"group\"\n");
    std::fs::write(&file, text).unwrap();
    for args in [
        vec!["validate", file.to_str().unwrap()],
        vec!["--data", file.to_str().unwrap(), "list", "actors"],
        vec![
            "--data",
            file.to_str().unwrap(),
            "export",
            "--format",
            "csv",
        ],
        vec!["--data", file.to_str().unwrap(), "search", "x"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_stances"))
            .args(&args)
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert_inert(&out.stdout, &format!("{args:?} stdout"), &['\n']);
        assert_inert(&out.stderr, &format!("{args:?} stderr"), &['\n']);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Data that attacks the files it is exported to rather than the terminal:
/// spreadsheet formulas, HTML and Markdown syntax.
#[test]
fn exports_neutralise_formulas_html_and_markdown_syntax() {
    let mut d = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let speaker = d.quotes[0].speaker.to_string();
    let actor = d.actors.iter_mut().find(|a| a.id == speaker).unwrap();
    actor.name = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    d.quotes[0].text =
        "fine\n# Heading <script>alert(1)</script> [x](javascript:alert(1)) </details> <!--".into();
    d.quotes[1].text = "@SUM(A1:A9)".into();

    let csv = stances::export::csv(&d);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    for record in reader.records() {
        for field in record.unwrap().iter() {
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell: {field:?}"
            );
        }
    }
    assert!(csv.contains("'=HYPERLINK("), "{csv:.400}");
    assert!(csv.contains("'@SUM(A1:A9)"));

    let md = stances::export::markdown(&d);
    // Every `<`, `[` and `]` from the data is escaped; the handout's own
    // template has none.
    for (i, c) in md
        .char_indices()
        .filter(|(_, c)| matches!(c, '<' | '[' | ']'))
    {
        assert!(
            md[..i].ends_with('\\'),
            "a raw {c:?} at {i}: {:?}",
            &md[i.saturating_sub(40)..i + 1]
        );
    }
    assert!(!md.contains("\n# Heading"), "a heading from the data");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(md.contains("\\[x\\](javascript:alert(1))"));
}

/// Over SSH a student's username is drawn on the teacher's and the
/// class's screens: every trick of the corpus comes out as a short,
/// visible name with nothing a terminal would act on.
#[test]
fn ssh_usernames_from_the_corpus_become_inert_names() {
    use stances::serve::names::{MAX_NAME_WIDTH, Roster, display_name};
    let mut roster = Roster::new();
    let mut names = Vec::new();
    for raw in CORPUS.iter().copied().chain(CORPUS.iter().map(|_| "")) {
        for name in [display_name(raw), roster.join(raw)] {
            assert!(!name.is_empty());
            assert!(stances::text::width(&name) <= MAX_NAME_WIDTH, "{name:?}");
            assert!(
                !name.chars().any(|c| c.is_control()
                    || stances::text::is_unsafe(c)
                    || stances::text::is_format(c)),
                "{raw:?} gave {name:?}"
            );
            names.push(name);
        }
    }
    // The joined half are all different.
    let joined: std::collections::HashSet<_> = names.iter().skip(1).step_by(2).collect();
    assert_eq!(joined.len(), CORPUS.len() * 2);
    // The escapes did not vanish into blanks: the visible part remains.
    assert_eq!(display_name(CORPUS[0]), "red[31m text");
}

/// The corpus typed (and pasted) into the search field through the SSH
/// key decoder: what reaches the field, and the screen, is inert.
#[test]
fn the_corpus_typed_over_ssh_reaches_the_screen_inert() {
    use crossterm::event::Event;
    use stances::app::{Edit, keymap};
    use stances::serve::keys::KeyDecoder;
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    for raw in CORPUS {
        let pasted = format!("\u{1b}[200~{raw}\u{1b}[201~");
        for bytes in [raw.as_bytes(), pasted.as_bytes()] {
            let mut app = App::new(data.clone(), Rect::new(0, 0, 100, 30));
            update(&mut app, Action::OpenSearch);
            let mut decoder = KeyDecoder::new();
            let mut events = Vec::new();
            decoder.feed(bytes, &mut events);
            decoder.flush(&mut events);
            for event in events {
                let action = match event {
                    Event::Key(k) => keymap::action_for(&app, k),
                    Event::Paste(p) if app.search.is_some() => Some(Action::Edit(Edit::Paste(p))),
                    _ => None,
                };
                // The corpus's ESC would close the field: keep it open to
                // see what the rest of the bytes type.
                match action {
                    Some(Action::Clear | Action::Quit) | None => {}
                    Some(a) => update(&mut app, a),
                }
                if app.search.is_none() {
                    update(&mut app, Action::OpenSearch);
                }
            }
            let typed = app.search.as_ref().unwrap().input.text().to_string();
            assert!(
                !typed
                    .chars()
                    .any(|c| stances::text::is_unsafe(c) || c == '\n'),
                "{raw:?} typed {typed:?}"
            );
            let screen = render_bytes(&app);
            assert_inert(&screen, &format!("search typed over SSH: {raw:?}"), &['\n']);
            assert_only_backend_csi(&screen);
        }
    }
}
