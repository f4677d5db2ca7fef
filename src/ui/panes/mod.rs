//! The Explore view's panes, one file each.

pub mod actors;
pub mod approaches;
pub mod detail;
pub mod quotes;
pub mod reactions;

use ratatui::text::Line;

use crate::app::{App, Cursor, Pane};
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
