//! What the screen says about keys is true, in every view at the sizes a
//! classroom meets: each key the footer names does something there; the
//! digits the tab bar names open the views, in every view (none is taken
//! by the view); no help line is cut, on screen, at any scroll position.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use stances::app::keymap::{self, HelpRow, Key};
use stances::app::{Action, App, View, footer, update};
use stances::ui::{self, Theme};

#[path = "support/searches.rs"]
mod searches;
use searches::answer_searches;

const SIZES: [(u16, u16); 3] = [(60, 16), (80, 24), (120, 40)];

fn app_at(width: u16, height: u16) -> App {
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let mut app = App::new(data, Rect::new(0, 0, width, height));
    app.quiz.seed = 7;
    app
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

/// Every view and mode a user meets, by name.
fn states(width: u16, height: u16) -> Vec<(String, App)> {
    use Action::*;
    let mut out = Vec::new();
    let mut add = |name: &str, actions: &[Action]| {
        let mut app = app_at(width, height);
        run(&mut app, actions);
        answer_searches(&mut app);
        out.push((name.to_string(), app));
    };
    add("explore at start", &[]);
    add("explore filtered", &[Down]);
    add("explore actors", &[NextPane]);
    add("explore reactions", &[NextPane, NextPane]);
    add("explore quotes", &[NextPane, NextPane, NextPane]);
    add("explore detail opened", &[Follow]);
    add("explore detail followed", &[Follow, Down, Follow]);
    add("map", &[SwitchView(View::Map)]);
    add("compare", &[SwitchView(View::Compare)]);
    add("compare right side", &[SwitchView(View::Compare), Right]);
    add("timeline", &[SwitchView(View::Timeline)]);
    add("tour first slide", &[SwitchView(View::Tour)]);
    add("tour second slide", &[SwitchView(View::Tour), Next]);
    add("quiz question", &[SwitchView(View::Quiz)]);
    add("quiz answered", &[SwitchView(View::Quiz), Choose(0)]);
    let mut finish = vec![SwitchView(View::Quiz)];
    for _ in 0..20 {
        finish.extend([Choose(0), Next]);
    }
    add("quiz summary", &finish);
    add("search", &[OpenSearch]);
    add(
        "search typed",
        &[
            OpenSearch,
            Edit(stances::app::Edit::Insert('c')),
            Edit(stances::app::Edit::Insert('h')),
        ],
    );
    add("help", &[ToggleHelp]);
    add("help scrolled", &[ToggleHelp, Down]);
    // Every view once more, in the states a lesson reaches, and the help
    // over each.
    add("explore detail", &[NextPane, NextPane, NextPane, NextPane]);
    add("explore actor filter", &[NextPane, Follow, PrevPane]);
    add("explore filter cleared", &[Down, Clear]);
    add("map moved", &[SwitchView(View::Map), Down]);
    add("compare actors", &[SwitchView(View::Compare), ToggleKind]);
    add("compare scrolled", &[SwitchView(View::Compare), PageDown]);
    add("timeline last", &[SwitchView(View::Timeline), Bottom]);
    add("tour last slide", &[SwitchView(View::Tour), Bottom]);
    add(
        "search without a match",
        &[
            OpenSearch,
            Edit(stances::app::Edit::Insert('z')),
            Edit(stances::app::Edit::Insert('q')),
            Edit(stances::app::Edit::Insert('x')),
        ],
    );
    add("presenter", &[TogglePresent]);
    add("presenter tour", &[SwitchView(View::Tour), TogglePresent]);
    for view in View::ALL {
        add(
            &format!("help over {}", view.title()),
            &[SwitchView(view), ToggleHelp],
        );
    }
    // The problems panel, over the view, after a save with an error.
    let mut app = app_at(width, height);
    let text = "[[quote]]\nspeaker = \"nobody\"\n".to_string();
    let problems = stances::data::Problems {
        files: vec![stances::data::SourceFile::new("broken.toml", text)],
        diagnostics: vec![stances::data::Diagnostic::new(
            stances::data::Kind::DanglingReference,
            0,
            Some(20..28),
            "quote `q`: speaker `nobody` is not a known actor".to_string(),
        )],
        omitted: Default::default(),
    };
    update(
        &mut app,
        Action::Reloaded(stances::reload::Reload::Problems(problems)),
    );
    out.push(("problems panel".to_string(), app));
    out
}

/// The state as `update` leaves it, less the status message: a key that
/// only says "nothing to do here" does nothing.
fn fingerprint(app: &App) -> String {
    let mut app = app.clone();
    app.screen.status = None;
    format!("{app:?}")
}

fn event(key: Key) -> KeyEvent {
    let modifiers = if key.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(key.code, modifiers)
}

fn screen(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(
        app.screen.size.width,
        app.screen.size.height,
    ))
    .unwrap();
    terminal.draw(|f| ui::draw(f, app, &Theme::dark())).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn every_key_the_footer_names_does_something() {
    for (w, h) in SIZES {
        for (name, app) in states(w, h) {
            let hints = footer::footer(&app, usize::from(w));
            assert!(!hints.is_empty(), "{name} at {w}x{h}: an empty footer");
            let footer = screen(&app).pop().unwrap();
            let before = fingerprint(&app);
            for hint in &hints {
                // The footer shows the hint whole.
                let shown = format!("{} {}", hint.label, hint.what);
                assert!(
                    footer.contains(&shown),
                    "{name} at {w}x{h}: {shown:?} not whole in {footer:?}"
                );
                for key in &hint.keys {
                    let action = keymap::action_for(&app, event(*key)).unwrap_or_else(|| {
                        panic!("{name} at {w}x{h}: {} names no action", key.label())
                    });
                    let mut after = app.clone();
                    update(&mut after, action.clone());
                    assert!(
                        fingerprint(&after) != before,
                        "{name} at {w}x{h}: footer says `{} {}` but {action:?} does nothing",
                        key.label(),
                        hint.what
                    );
                }
            }
        }
    }
}

/// Keys the footer must keep however narrow: the way out, and the way to
/// the other panes or slides.
#[test]
fn the_footer_keeps_the_keys_that_matter() {
    let wanted: &[(&str, &[&str])] = &[
        ("explore at start", &["pane", "quit", "help"]),
        ("search", &["close"]),
        ("search typed", &["close"]),
        ("tour second slide", &["next", "previous", "back"]),
        ("quiz question", &["answer", "back"]),
        ("quiz summary", &["new round", "back"]),
        ("help", &["close"]),
    ];
    for (w, h) in SIZES.into_iter().chain([(50, 14)]) {
        for (name, app) in states(w, h) {
            let Some((_, words)) = wanted.iter().find(|(n, _)| *n == name) else {
                continue;
            };
            let hints = footer::footer(&app, usize::from(w));
            for word in *words {
                assert!(
                    hints.iter().any(|h| h.what == *word),
                    "{name} at {w}x{h}: no {word:?} in {hints:?}"
                );
            }
        }
    }
}

#[test]
fn the_digits_of_the_tab_bar_open_views_everywhere() {
    for (w, h) in SIZES {
        for (name, app) in states(w, h) {
            // Presenter mode shows no tab bar: it names no key.
            if app.screen.present {
                continue;
            }
            let tabs = screen(&app).remove(0);
            for (i, view) in View::ALL.iter().enumerate() {
                let digit = char::from(b'1' + u8::try_from(i).unwrap());
                // In the search field digits are typed; over help, keys
                // wait for it to close: the tab bar then names no digit.
                // Everywhere else the digit is the tab's.
                if app.search.is_some() || app.screen.help.is_some() {
                    assert!(
                        !tabs.contains(&format!("{digit} {}", view.title())),
                        "{name} at {w}x{h}: the tab bar names {digit}, which does not switch here: {tabs:?}"
                    );
                    continue;
                }
                assert!(
                    tabs.contains(&format!("{digit} {}", view.title()))
                        || tabs.contains(&format!("{digit}")),
                    "{name} at {w}x{h}: no tab {digit} in {tabs:?}"
                );
                let action = keymap::action_for(
                    &app,
                    KeyEvent::new(KeyCode::Char(digit), KeyModifiers::NONE),
                );
                assert_eq!(
                    action,
                    Some(Action::SwitchView(*view)),
                    "{name} at {w}x{h}: {digit} is taken by the view"
                );
            }
            // At these sizes every view's title is spelt out.
            for view in View::ALL {
                assert!(tabs.contains(view.title()), "{name} at {w}x{h}: {tabs:?}");
            }
        }
    }
}

#[test]
fn no_help_line_is_cut() {
    for (w, h) in SIZES.into_iter().chain([(40, 12), (200, 60)]) {
        let popup = stances::layout::help(Rect::new(0, 0, w, h));
        let width = usize::from(popup.width.saturating_sub(2));
        let rows = keymap::help_rows(&keymap::Keymap::default(), width);
        let key_col = keymap::help_key_column(&keymap::Keymap::default(), width);
        for row in &rows {
            if let HelpRow::Entry { keys, text } = row {
                let used = if text.is_empty() {
                    2 + stances::text::width(keys)
                } else {
                    key_col + stances::text::width(text)
                };
                assert!(
                    used <= width,
                    "{w}x{h}: {keys:?} {text:?} is {used} > {width}"
                );
            }
        }
        // Each description, read back from its rows, is whole.
        let mut read = Vec::new();
        let mut current: Option<(String, String)> = None;
        for row in rows {
            match row {
                HelpRow::Entry { keys, text } if keys.is_empty() => {
                    let (_, t) = current.as_mut().unwrap();
                    t.push(' ');
                    t.push_str(&text);
                }
                HelpRow::Entry { keys, text } => {
                    read.extend(current.take());
                    current = Some((keys, text));
                }
                HelpRow::Heading(_) => read.extend(current.take()),
            }
        }
        read.extend(current);
        for (_, keys, desc) in keymap::help_lines(&keymap::Keymap::default())
            .into_iter()
            .filter(|l| l.0.is_none())
        {
            assert!(
                read.iter().any(|(k, t)| *k == keys && t.trim() == desc),
                "{w}x{h}: {keys} {desc:?} not whole in help"
            );
        }
        // And the screen shows the rows as they are.
        let mut app = app_at(w, h);
        update(&mut app, Action::ToggleHelp);
        let shown = screen(&app).join("\n");
        assert!(shown.contains("Everywhere"), "{w}x{h}");
        assert!(!shown.contains("wit\u{2502}"), "{w}x{h}");
    }
}

/// Every line of the help overlay as the screen shows it, at every scroll
/// position down to its last line: each is one of the help's rows whole
/// (no word cut mid-way, no `…`), inside the popup's borders, and every
/// row is shown at some scroll position.
#[test]
fn every_help_line_on_screen_is_whole_at_every_scroll() {
    let keymap = keymap::Keymap::default();
    for (w, h) in SIZES.into_iter().chain([(40, 12), (100, 30), (200, 60)]) {
        let popup = stances::layout::help(Rect::new(0, 0, w, h));
        let width = usize::from(popup.width.saturating_sub(2));
        let key_col = keymap::help_key_column(&keymap, width);
        let expected: Vec<String> = keymap::help_rows(&keymap, width)
            .into_iter()
            .map(|row| match row {
                HelpRow::Heading(h) => h.to_string(),
                HelpRow::Entry { keys, text } if text.is_empty() => format!("  {keys}"),
                HelpRow::Entry { keys, text } => format!(
                    "  {}{text}",
                    stances::text::pad(&keys, key_col.saturating_sub(2))
                ),
            })
            .map(|l| l.trim_end().to_string())
            .collect();
        let mut seen = vec![false; expected.len()];
        let mut app = app_at(w, h);
        update(&mut app, Action::ToggleHelp);
        let mut last_scroll = None;
        while last_scroll != app.screen.help {
            last_scroll = app.screen.help;
            let rows = screen(&app);
            let cells = |y: u16| -> Vec<String> {
                rows[usize::from(y)]
                    .chars()
                    .map(String::from)
                    .collect::<Vec<_>>()
            };
            let mut shown = Vec::new();
            for y in popup.y + 1..popup.bottom().saturating_sub(1) {
                let line = cells(y);
                let (left, right) = (usize::from(popup.x), usize::from(popup.right() - 1));
                for edge in [left, right] {
                    assert!(
                        ["┃", "│"].contains(&line[edge].as_str()),
                        "{w}x{h} scroll {last_scroll:?}: row {y} has {:?} on the popup's edge",
                        line[edge]
                    );
                }
                let inner: String = line[left + 1..right].concat();
                let inner = inner.trim_end().to_string();
                if inner.is_empty() {
                    continue;
                }
                // The same words can be two rows (a key in two views):
                // look after the row above first.
                let top = last_scroll
                    .unwrap_or(0)
                    .min(expected.len().saturating_sub(usize::from(popup.height - 2)));
                let after = shown.last().map_or(top, |&p: &usize| p + 1);
                let i = expected[after..]
                    .iter()
                    .position(|e| *e == inner)
                    .map(|i| i + after)
                    .or_else(|| expected.iter().position(|e| *e == inner))
                    .unwrap_or_else(|| {
                        panic!(
                            "{w}x{h} scroll {last_scroll:?}: help line {inner:?} is not a whole row"
                        )
                    });
                assert!(!inner.ends_with('…'), "{w}x{h}: {inner:?}");
                seen[i] = true;
                shown.push(i);
            }
            // Rows in their order, none skipped on screen.
            assert!(
                shown.windows(2).all(|p| p[1] == p[0] + 1),
                "{w}x{h} scroll {last_scroll:?}: rows {shown:?} out of order"
            );
            update(&mut app, Action::Down);
        }
        let missing: Vec<&String> = expected
            .iter()
            .zip(&seen)
            .filter(|(_, s)| !**s)
            .map(|(e, _)| e)
            .collect();
        assert!(
            missing.is_empty(),
            "{w}x{h}: help lines never shown, even scrolled to the end: {missing:?}"
        );
    }
}
