//! The Explore view: four lists (approaches, actors, reactions, quotes)
//! and Detail. Approaches and Actors filter the other two; Detail shows
//! the selection, or what was opened, with its related links.

use crate::data::relations::{self, Focus};

use super::measure::{pane_height, text_rows};
use super::{Action, App, Pane, View};

/// The explorer's keys and the pointer's actions; returns whether the
/// action was one of them.
pub(super) fn handle(app: &mut App, action: &Action) -> bool {
    match *action {
        Action::Up => step(app, app.focus, -1),
        Action::Down => step(app, app.focus, 1),
        Action::PageUp => page(app, false),
        Action::PageDown => page(app, true),
        Action::Top => jump(app, app.focus, 0),
        Action::Bottom => jump(app, app.focus, usize::MAX),
        Action::NextPane => focus(app, app.focus.next()),
        Action::PrevPane => focus(app, app.focus.prev()),
        Action::Follow => follow(app),
        Action::Back => back(app),
        Action::Clear => clear(app),
        // The pointer's actions, in Explore only (the input edge sends
        // them nowhere else).
        Action::FocusPane(pane) if app.view == View::Explore => focus(app, pane),
        Action::SelectRow { pane, row } if app.view == View::Explore => select_row(app, pane, row),
        Action::ScrollPane { pane, delta } if app.view == View::Explore => {
            scroll_pane(app, pane, delta);
        }
        _ => return false,
    }
    true
}

/// Show `id` in the explorer's Detail, as if opened there.
pub(super) fn open(app: &mut App, id: String) {
    app.view = View::Explore;
    app.pinned = Some(id);
    app.history.clear();
    app.focus = Pane::Detail;
    app.link_cursor = Default::default();
    app.detail_scroll = 0;
}

fn step(app: &mut App, pane: Pane, delta: isize) {
    let len = app.len(pane);
    app.cursor_mut(pane).move_by(delta, len);
    selection_changed(app, pane);
}

fn jump(app: &mut App, pane: Pane, row: usize) {
    let len = app.len(pane);
    app.cursor_mut(pane).select(row, len);
    selection_changed(app, pane);
}

fn page(app: &mut App, down: bool) {
    if app.focus == Pane::Detail {
        // In Detail, paging scrolls the text; arrows walk the links.
        let rows = text_rows(app).max(1);
        app.detail_scroll = if down {
            app.detail_scroll
                .saturating_add(rows.saturating_sub(1).max(1))
        } else {
            app.detail_scroll
                .saturating_sub(rows.saturating_sub(1).max(1))
        };
        return;
    }
    let rows = pane_height(app, app.focus).max(2) - 1;
    let delta = isize::try_from(rows).unwrap_or(isize::MAX);
    step(app, app.focus, if down { delta } else { -delta });
}

/// A new selection in a list: Approaches and Actors narrow the other
/// lists to it; any list un-pins Detail so it follows the selection.
fn selection_changed(app: &mut App, pane: Pane) {
    if pane == Pane::Detail {
        return;
    }
    app.last_list = pane;
    app.pinned = None;
    app.history.clear();
    app.link_cursor = Default::default();
    app.detail_scroll = 0;
    let id = app.selected_id(pane).map(str::to_string);
    match (pane, id) {
        (Pane::Approaches, Some(id)) => set_filter(app, Some(Focus::Approach(id))),
        (Pane::Actors, Some(id)) => set_filter(app, Some(Focus::Actor(id))),
        _ => {}
    }
}

fn set_filter(app: &mut App, filter: Option<Focus>) {
    if app.filter != filter {
        apply_filter(app, filter);
    }
}

/// Set the filter and recompute the lists it narrows.
pub(super) fn apply_filter(app: &mut App, filter: Option<Focus>) {
    app.filter = filter;
    app.reaction_rows = relations::reactions_for(&app.data, app.filter.as_ref());
    app.quote_rows = relations::quotes_for(&app.data, app.filter.as_ref());
    // The lists changed under their cursors: start them at the top.
    for pane in [Pane::Reactions, Pane::Quotes] {
        *app.cursor_mut(pane) = Default::default();
    }
}

fn focus(app: &mut App, pane: Pane) {
    app.focus = pane;
    // Detail keeps showing what it showed when the new pane has nothing.
    if pane.is_list() && app.pinned.is_none() && app.len(pane) > 0 {
        app.last_list = pane;
        app.link_cursor = Default::default();
        app.detail_scroll = 0;
    }
}

/// A click on a row: focus its pane and select it.
fn select_row(app: &mut App, pane: Pane, row: usize) {
    focus(app, pane);
    if row < app.len(pane) {
        app.cursor_mut(pane).select(row, usize::MAX);
        selection_changed(app, pane);
    }
}

/// The wheel over a pane: a list moves its selection, Detail its text.
fn scroll_pane(app: &mut App, pane: Pane, delta: isize) {
    if pane == Pane::Detail {
        app.detail_scroll = app.detail_scroll.saturating_add_signed(delta);
    } else {
        step(app, pane, delta);
    }
}

fn follow(app: &mut App) {
    if app.focus == Pane::Detail {
        let Some(link) = app.links().get(app.link_cursor.selected).cloned() else {
            return;
        };
        if let Some(current) = app.detail_id().map(str::to_string) {
            app.history.push(current);
        }
        app.pinned = Some(link.id.clone());
    } else {
        let pane = app.focus;
        let Some(id) = app.selected_id(pane).map(str::to_string) else {
            return;
        };
        selection_changed(app, pane);
        app.pinned = Some(id);
        app.focus = Pane::Detail;
    }
    app.link_cursor = Default::default();
    app.detail_scroll = 0;
}

fn back(app: &mut App) {
    app.link_cursor = Default::default();
    app.detail_scroll = 0;
    match app.history.pop() {
        Some(previous) => app.pinned = Some(previous),
        None if app.pinned.is_some() || app.focus == Pane::Detail => {
            app.pinned = None;
            app.focus = app.last_list;
        }
        None => app.status = Some("Nothing to go back to".into()),
    }
}

fn clear(app: &mut App) {
    if app.filter.is_some() {
        set_filter(app, None);
        app.status = Some("Filter cleared: showing every reaction and quote".into());
    } else {
        app.status = Some("No filter to clear".into());
    }
}
