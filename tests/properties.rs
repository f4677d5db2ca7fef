//! Random use never breaks the explorer: any sequence of keys, clicks,
//! wheel turns and resizes (0x0 to 300x100) leaves every selection in
//! range, every scroll offset (Detail, help, Compare, the quiz summary)
//! within what its view shows, and every frame renders without panicking.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use stances::app::{Action, App, keymap, update};
use stances::ui::{self, Theme};

// Shared with the fuzz target of the SSH input path (fuzz/).
#[path = "support/invariants.rs"]
mod invariants;
use invariants::check_invariants;

#[path = "support/searches.rs"]
mod searches;
use searches::answer_searches;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
    /// Results for the pending search, as the worker would send them.
    SearchDone,
    /// A live reload: 0 the same data, 1 smaller data, 2 broken data.
    Reload(usize),
}

/// The three reloads, read once from files like a real save.
fn reloads() -> &'static [stances::reload::Reload] {
    static R: std::sync::OnceLock<Vec<stances::reload::Reload>> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("stances-prop-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = stances::data::load::EMBEDDED_TEXT;
        // Smaller: no reactions, quotes or events after the first actors.
        let cut = text.find("# ---------------------------------------------------------------- approaches").unwrap();
        let smaller = format!("{}\n[[approach]]\nid = \"only\"\nname = \"Only\"\nproponent = \"china\"\nsummary = \"s\"\n", &text[..cut]);
        let broken = text.replace("kind = \"country\"", "kind = \"nation\"");
        let out = [text.to_string(), smaller, broken]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let f = dir.join(format!("{i}.toml"));
                std::fs::write(&f, t).unwrap();
                stances::reload::load(&f)
            })
            .collect();
        let _ = std::fs::remove_dir_all(&dir);
        out
    })
}

fn input() -> impl Strategy<Value = Input> {
    let keys = prop_oneof![
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Enter),
        Just(KeyCode::Backspace),
        Just(KeyCode::Esc),
        Just(KeyCode::Char('?')),
        Just(KeyCode::Char('j')),
        Just(KeyCode::Char('k')),
        Just(KeyCode::Char('g')),
        Just(KeyCode::Char('G')),
        Just(KeyCode::Char('1')),
        Just(KeyCode::Char('/')),
        (1u8..=6).prop_map(|d| KeyCode::Char(char::from(b'0' + d))),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Char(' ')),
        Just(KeyCode::Char('y')),
        Just(KeyCode::Char('t')),
        any::<char>().prop_map(KeyCode::Char),
    ];
    prop_oneof![
        8 => keys.prop_map(Input::Key),
        2 => (0u16..310, 0u16..110).prop_map(|(x, y)| Input::Click(x, y)),
        1 => (0u16..310, 0u16..110, any::<bool>()).prop_map(|(x, y, d)| Input::Wheel(x, y, d)),
        1 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Input::Resize(w, h)),
        2 => Just(Input::SearchDone),
        1 => (0usize..3).prop_map(Input::Reload),
    ]
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_use_never_panics_and_keeps_state_valid(inputs in prop::collection::vec(input(), 1..80)) {
        let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
        let mut app = App::new(data, Rect::new(0, 0, 80, 24));
        let theme = Theme::dark();
        for (step, input) in inputs.into_iter().enumerate() {
            let action = match input {
                Input::SearchDone => {
                    answer_searches(&mut app);
                    None
                }
                Input::Reload(n) => Some(Action::Reloaded(reloads()[n].clone())),
                Input::Key(code) => keymap::action_for(&app, KeyEvent::new(code, KeyModifiers::NONE)),
                // The pointer goes through the input edge, which hit-tests
                // it against the screen as it is now.
                Input::Click(column, row) => stances::app::input::action_for(
                    &app,
                    mouse(MouseEventKind::Down(MouseButton::Left), column, row),
                ),
                Input::Wheel(column, row, down) => stances::app::input::action_for(
                    &app,
                    mouse(
                        if down {
                            MouseEventKind::ScrollDown
                        } else {
                            MouseEventKind::ScrollUp
                        },
                        column,
                        row,
                    ),
                ),
                Input::Resize(width, height) => Some(Action::Resize { width, height }),
            };
            // Quitting would end the session; keep exploring instead.
            if let Some(action) = action.filter(|a| *a != Action::Quit) {
                update(&mut app, action);
            }
            check_invariants(&app);
            if step % 4 == 0 {
                let (w, h) = (app.screen.size.width, app.screen.size.height);
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal.draw(|f| ui::draw(f, &app, &theme)).unwrap();
            }
        }
    }
}
