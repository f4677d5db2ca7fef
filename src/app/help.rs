//! The help overlay's keys: while it is open it takes the navigation
//! keys and scrolls, within what the screen shows.

use super::measure::help_scroll_max;
use super::{Action, App};

/// While help is open it takes the navigation keys; returns whether the
/// action was consumed.
pub(super) fn handle(app: &mut App, action: &Action) -> bool {
    let Some(scroll) = app.screen.help.as_mut() else {
        return false;
    };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        Action::Top => *scroll = 0,
        Action::Clear | Action::ToggleHelp | Action::Back => app.screen.help = None,
        Action::Quit | Action::Resize { .. } => return false,
        _ => {}
    }
    let max = help_scroll_max(app);
    if let Some(s) = app.screen.help.as_mut() {
        *s = (*s).min(max);
    }
    true
}
