//! The input edge: a terminal event becomes the actions it means now, and
//! is applied. Keys go through the keymap; a click or a wheel turn is
//! hit-tested here, against the same geometry the screen is drawn with,
//! so `update` sees "select row 3 of Reactions", never coordinates.
//!
//! Nothing here reads a terminal: the event loop in `tui.rs` feeds it
//! crossterm events from standard input, and any other front end (a
//! session over a network channel, a test) can feed it the same events.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use crate::layout::{self, Mode};

use super::measure::{self, explore_layout};
use super::{Action, App, Edit, Effect, Pane, View, keymap, update};

/// What one event did to the app.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    /// Whether any action was applied: the screen may have changed.
    pub changed: bool,
    /// What the app asks the outside world to do, in order.
    pub effects: Vec<Effect>,
}

/// Apply one terminal event to `app`: translate it, update, and collect
/// the effects the update asked for.
pub fn apply_event(app: &mut App, event: Event) -> Applied {
    let mut changed = false;
    for event in split_alt(event) {
        if let Some(action) = action_for(app, event) {
            update(app, action);
            changed = true;
        }
    }
    Applied {
        changed,
        effects: app.take_effects(),
    }
}

/// Apply one action that did not come from the terminal (search results,
/// a reload) and collect the effects it asked for.
pub fn apply_action(app: &mut App, action: Action) -> Applied {
    update(app, action);
    Applied {
        changed: true,
        effects: app.take_effects(),
    }
}

/// Esc typed quickly before a key reaches the program as Alt+key (the
/// terminal sends both bytes together, over SSH and in tmux especially).
/// No binding uses Alt, so it is read as what was typed: Esc, then the key.
fn split_alt(event: Event) -> Vec<Event> {
    match event {
        Event::Key(key)
            if key.modifiers.contains(KeyModifiers::ALT)
                && !key.modifiers.contains(KeyModifiers::CONTROL)
                && matches!(key.code, KeyCode::Char(_)) =>
        {
            let mut plain = key;
            plain.modifiers.remove(KeyModifiers::ALT);
            let esc = KeyEvent::new_with_kind(KeyCode::Esc, KeyModifiers::NONE, key.kind);
            vec![Event::Key(esc), Event::Key(plain)]
        }
        other => vec![other],
    }
}

/// The action a terminal event means in the app's state now, if any.
pub fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action_for(app, key),
        Event::Mouse(mouse) => pointer(app, mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) if app.search.is_some() => Some(Action::Edit(Edit::Paste(text))),
        _ => None,
    }
}

/// A click or a wheel turn, hit-tested against what is on screen.
fn pointer(app: &App, mouse: MouseEvent) -> Option<Action> {
    let at = Position::new(mouse.column, mouse.row);
    let wheel = match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => 0,
        MouseEventKind::ScrollUp => -1,
        MouseEventKind::ScrollDown => 1,
        _ => return None,
    };
    // A click closes help, like any popup; the wheel does nothing there.
    if app.screen.help.is_some() {
        return (wheel == 0).then_some(Action::Clear);
    }
    if app.search.is_some() {
        return search_pointer(app, at, wheel);
    }
    if wheel != 0 {
        if app.view != View::Explore {
            return None;
        }
        return match explore_layout(app, app.explore.focus).pane_at(at.x, at.y)? {
            // The wheel scrolls Detail's text three rows a notch.
            Pane::Detail => Some(Action::ScrollPane {
                pane: Pane::Detail,
                delta: wheel * 3,
            }),
            pane => Some(Action::ScrollPane { pane, delta: wheel }),
        };
    }
    click(app, at)
}

fn click(app: &App, at: Position) -> Option<Action> {
    let frame = measure::frame(app);
    if frame.tabs.contains(at) {
        let titles = View::ALL.map(View::title);
        let active = View::ALL.iter().position(|v| *v == app.view).unwrap_or(0);
        // As its number key would: the quiz starts when first opened.
        return layout::tab_at(frame.tabs, at.x, &titles, active)
            .map(|i| Action::SwitchView(View::ALL[i]));
    }
    if app.view != View::Explore || layout::mode(app.screen.size) == Mode::TooSmall {
        return None;
    }
    let panes = explore_layout(app, app.explore.focus);
    if panes.strip.contains(at) {
        return layout::strip_items(panes.strip)
            .into_iter()
            .find(|(_, _, r)| r.contains(at))
            .map(|(pane, _, _)| Action::FocusPane(pane));
    }
    let pane = panes.pane_at(at.x, at.y)?;
    let rows = panes.rows(pane);
    if !rows.contains(at) {
        return Some(Action::FocusPane(pane));
    }
    // A row of several lines (a tall pane) is clicked on any of them.
    let lines = if pane == Pane::Detail {
        1
    } else {
        layout::row_lines(panes.pane(pane), app.len(pane))
    };
    let row = app.cursor(pane).offset + usize::from(at.y - rows.y) / lines;
    if row < app.len(pane) {
        Some(Action::SelectRow { pane, row })
    } else {
        Some(Action::FocusPane(pane))
    }
}

/// In search, the pointer acts on the results list only.
fn search_pointer(app: &App, at: Position, wheel: isize) -> Option<Action> {
    let search = app.search.as_ref()?;
    let results = layout::search(measure::frame(app).body).results;
    if !results.contains(at) {
        return None;
    }
    match wheel {
        -1 => Some(Action::Up),
        1 => Some(Action::Down),
        _ => {
            let top = results.y.saturating_add(1);
            let lines = layout::search_row_lines(results, search.hits.len());
            let index = search.cursor.offset + usize::from(at.y.checked_sub(top)?) / lines;
            (index < search.hits.len()).then_some(Action::SelectResult(index))
        }
    }
}
