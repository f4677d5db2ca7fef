//! The Explore view's panes, one file each.

pub mod actors;
pub mod approaches;
pub mod detail;
pub mod quotes;
pub mod reactions;

use ratatui::text::Line;

use crate::app::{App, Cursor, Pane};
use crate::ui::fit::{Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, Window, pane_block};

/// The rows one of Explore's list panes shows: the visible part of a list
/// of `total` items starting at item `first`, the cursor's place among
/// them, the lines each row takes and each row's lines after its first.
pub(super) struct Rows<'a> {
    pub first: usize,
    pub total: usize,
    pub shown: Cursor,
    pub lines: usize,
    pub rows: Vec<Line<'a>>,
    pub more: Vec<Vec<Line<'a>>>,
}

/// One of Explore's list panes as every one is drawn: `rows` in a block
/// titled `title`, marked as focused when `pane` has the focus; `empty`
/// is said when there are no rows.
pub(super) fn list<'a>(
    app: &App,
    theme: &Theme,
    pane: Pane,
    title: Line<'a>,
    rows: Rows<'a>,
    empty: &'a str,
) -> PaneList<'a> {
    let focused = app.explore.focus == pane;
    PaneList {
        block: pane_block(theme, title, focused),
        rows: rows.rows,
        cursor: rows.shown,
        window: Some(Window {
            first: rows.first,
            total: rows.total,
        }),
        focused,
        empty,
        lines: rows.lines,
        more: rows.more,
    }
}

/// The way of concerning the filter that every row shares (the first
/// row's that all the others have too), said once in the pane's title;
/// `vias[i]` are the ways row `i` concerns it.
pub(super) fn shared<T: Copy + PartialEq>(vias: &[Vec<T>]) -> Option<T> {
    vias.first().and_then(|f| {
        f.iter()
            .copied()
            .find(|v| vias.iter().all(|w| w.contains(v)))
    })
}

/// The ways a row concerns the filter beyond the one the title says
/// (`how`, in words), if any: " · also by its member" when the title says
/// one (more to know, not why the row is listed: it goes on the rows it
/// fits), " · by its member" when none (then it is why, and stays).
pub(super) fn also_part(how: String, titled: bool, theme: &Theme) -> Option<Part<'static>> {
    if how.is_empty() {
        return None;
    }
    let (also, role) = if titled {
        ("also ", Role::Trailing)
    } else {
        ("", Role::Fixed)
    };
    Some(Part::plain(format!(" · {also}{how}"), role, theme.note))
}
