//! The keymap as data. One table drives three things: dispatching key
//! presses, the footer's hints and the help overlay, so none of them can
//! drift from the others.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Pane, View};

/// Where a binding applies. Lookup tries the most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The help overlay, while open.
    Help,
    /// A list pane (Approaches, Actors, Reactions, Quotes) has focus.
    List,
    /// The Detail pane has focus.
    Detail,
    /// Anywhere.
    Global,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Help => "Help",
            Context::List => "Lists",
            Context::Detail => "Detail",
            Context::Global => "Everywhere",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl Key {
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help overlay says.
    pub desc: &'static str,
    /// The footer's short word, for the bindings worth a hint.
    pub hint: Option<&'static str>,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    desc: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        desc,
        hint,
    }
}

use Context::{Detail, Global, Help, List};

pub static BINDINGS: &[Binding] = &[
    // Help overlay.
    bind(
        Help,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "scroll up",
        None,
    ),
    bind(
        Help,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "scroll down",
        Some("scroll"),
    ),
    bind(
        Help,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        Help,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        Help,
        &[key(KeyCode::Esc), ch('?')],
        Action::ToggleHelp,
        "close help",
        Some("close"),
    ),
    // Lists.
    bind(
        List,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous item",
        None,
    ),
    bind(
        List,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next item",
        Some("move"),
    ),
    bind(
        List,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        List,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        List,
        &[ch('g'), key(KeyCode::Home)],
        Action::Top,
        "first item",
        None,
    ),
    bind(
        List,
        &[ch('G'), key(KeyCode::End)],
        Action::Bottom,
        "last item",
        None,
    ),
    bind(
        List,
        &[key(KeyCode::Enter)],
        Action::Follow,
        "open the item in Detail",
        Some("open"),
    ),
    // Detail.
    bind(
        Detail,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous related item",
        None,
    ),
    bind(
        Detail,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next related item",
        Some("links"),
    ),
    bind(
        Detail,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "scroll the text up",
        None,
    ),
    bind(
        Detail,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "scroll the text down",
        Some("scroll"),
    ),
    bind(
        Detail,
        &[ch('g'), key(KeyCode::Home)],
        Action::Top,
        "first related item",
        None,
    ),
    bind(
        Detail,
        &[ch('G'), key(KeyCode::End)],
        Action::Bottom,
        "last related item",
        None,
    ),
    bind(
        Detail,
        &[key(KeyCode::Enter)],
        Action::Follow,
        "follow the related item",
        Some("follow"),
    ),
    // Everywhere.
    bind(
        Global,
        &[key(KeyCode::Tab)],
        Action::NextPane,
        "next pane",
        Some("pane"),
    ),
    bind(
        Global,
        &[key(KeyCode::BackTab)],
        Action::PrevPane,
        "previous pane",
        None,
    ),
    bind(
        Global,
        &[key(KeyCode::Backspace)],
        Action::Back,
        "back to what Detail showed before",
        Some("back"),
    ),
    bind(
        Global,
        &[key(KeyCode::Esc)],
        Action::Clear,
        "clear the filter",
        Some("clear"),
    ),
    bind(
        Global,
        &[ch('1')],
        Action::SwitchView(View::Explore),
        "Explore view",
        None,
    ),
    bind(
        Global,
        &[ch('?')],
        Action::ToggleHelp,
        "this help",
        Some("help"),
    ),
    bind(
        Global,
        &[ch('q'), ctrl('c')],
        Action::Quit,
        "quit",
        Some("quit"),
    ),
];

/// The contexts active now, most specific first.
pub fn contexts(app: &App) -> Vec<Context> {
    if app.help.is_some() {
        return vec![Help, Global];
    }
    let pane = if app.focus == Pane::Detail {
        Detail
    } else {
        List
    };
    vec![pane, Global]
}

/// The action a key press means now, if any. Key releases and repeats of
/// terminals that report them are ignored: one press, one action.
pub fn action_for(app: &App, event: KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let pressed = Key {
        code: event.code,
        ctrl,
    };
    contexts(app).into_iter().find_map(|context| {
        BINDINGS
            .iter()
            .filter(|b| b.context == context)
            .find(|b| b.keys.contains(&pressed))
            .map(|b| b.action)
    })
}

/// Footer hints for the active contexts: ("↓/j", "move"), …
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    contexts(app)
        .into_iter()
        .flat_map(|context| BINDINGS.iter().filter(move |b| b.context == context))
        .filter_map(|b| b.hint.map(|h| (keys_label(b.keys), h)))
        .collect()
}

pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

/// The help overlay's lines: a heading per context, then "keys  what".
pub fn help_lines() -> Vec<(Option<&'static str>, String, &'static str)> {
    let mut out = Vec::new();
    for context in [Global, List, Detail, Help] {
        out.push((Some(context.title()), String::new(), ""));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            out.push((None, keys_label(b.keys), b.desc));
        }
    }
    out.push((Some("Mouse"), String::new(), ""));
    out.push((None, "click".into(), "focus a pane and select a row"));
    out.push((
        None,
        "wheel".into(),
        "move through the list under the pointer",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    fn app() -> App {
        App::new(
            load(None).unwrap().checked.dataset.unwrap(),
            ratatui::layout::Rect::new(0, 0, 80, 24),
        )
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_dispatch_through_the_focused_context_first() {
        let mut a = app();
        assert_eq!(
            action_for(&a, press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(&a, press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&a, press(KeyCode::Char('c'), KeyModifiers::NONE)),
            None
        );
        // Shift arrives with capitals on some terminals: G is still G.
        assert_eq!(
            action_for(&a, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        a.help = Some(0);
        assert_eq!(
            action_for(&a, press(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            action_for(&a, press(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let a = app();
        let mut e = press(KeyCode::Char('j'), KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert_eq!(action_for(&a, e), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in [Global, List, Detail, Help] {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.context == context) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} twice in {context:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let lines = help_lines();
        for b in BINDINGS {
            assert!(
                lines
                    .iter()
                    .any(|(_, keys, desc)| *keys == keys_label(b.keys) && *desc == b.desc),
                "{} missing from help",
                b.desc
            );
        }
    }
}
