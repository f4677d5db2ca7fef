//! The Explore view: four lists (approaches, actors, reactions, quotes)
//! and Detail. Approaches and Actors filter the other two; Detail shows
//! the selection, or what was opened, with its related links.

use crate::data::Dataset;
use crate::data::relations::{self, Focus, Link};

use super::measure::{pane_height, text_rows};
use super::{Action, App, Cursor, Pane, View};

/// The Explore view's state.
#[derive(Debug, Clone)]
pub struct Explore {
    pub focus: Pane,
    /// The list pane Detail follows when nothing is pinned.
    pub last_list: Pane,
    /// One cursor per list pane, in `Pane::LISTS` order.
    pub cursors: [Cursor; 4],
    /// The selected link in Detail's related list.
    pub link_cursor: Cursor,
    /// Detail's related links, with the item and the data they were
    /// derived from (a reload replaces the data, not necessarily the id).
    pub(super) links: (Option<String>, usize, Vec<Link>),
    /// Rows of Detail's text scrolled past.
    pub detail_scroll: usize,
    pub filter: Option<Focus>,
    /// Derived from `filter`: indices into `data.reactions` / `data.quotes`.
    pub reaction_rows: Vec<usize>,
    pub quote_rows: Vec<usize>,
    /// What Detail shows when the user opened something explicitly.
    pub pinned: Option<String>,
    /// What Detail showed before, for Backspace.
    pub history: Vec<String>,
}

impl Explore {
    /// Every reaction and quote listed, the first approach focused.
    pub fn new(d: &Dataset) -> Explore {
        Explore {
            focus: Pane::Approaches,
            last_list: Pane::Approaches,
            cursors: [Cursor::default(); 4],
            link_cursor: Cursor::default(),
            links: (None, 0, Vec::new()),
            detail_scroll: 0,
            filter: None,
            reaction_rows: relations::reactions_for(d, None),
            quote_rows: relations::quotes_for(d, None),
            pinned: None,
            history: Vec::new(),
        }
    }
}

/// The explorer's keys and the pointer's actions; returns whether the
/// action was one of them.
pub(super) fn handle(app: &mut App, action: &Action) -> bool {
    match *action {
        Action::Up => step(app, app.explore.focus, -1),
        Action::Down => step(app, app.explore.focus, 1),
        Action::PageUp => page(app, false),
        Action::PageDown => page(app, true),
        Action::Top => jump(app, app.explore.focus, 0),
        Action::Bottom => jump(app, app.explore.focus, usize::MAX),
        Action::NextPane => focus(app, app.explore.focus.next()),
        Action::PrevPane => focus(app, app.explore.focus.prev()),
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

/// Show `id` in the explorer, opened from another view (the map, the
/// timeline, a tour slide, search), so that every pane speaks of it: an
/// approach or an actor is selected in its list (which filters the others
/// by it). A reaction or a quote is shown in Detail and selected in its
/// list; the filter stays only if it concerns the item, since a filter
/// by something else would say the two belong together. Anything else
/// (an event) is shown in Detail with the filter cleared, for the same
/// reason.
pub(super) fn open(app: &mut App, id: String) {
    app.view = View::Explore;
    let d = &app.corpus.data;
    let listed = [
        (
            Pane::Approaches,
            d.approaches.iter().position(|a| a.id == id),
        ),
        (Pane::Actors, d.actors.iter().position(|a| a.id == id)),
    ];
    if let Some((pane, row)) = listed
        .into_iter()
        .find_map(|(pane, row)| row.map(|r| (pane, r)))
    {
        app.explore.focus = pane;
        jump(app, pane, row);
        return;
    }
    let (reaction, quote) = (
        d.reactions.iter().position(|r| r.id == id),
        d.quotes.iter().position(|q| q.id == id),
    );
    let row_in = |app: &App| match (reaction, quote) {
        (Some(r), _) => app
            .explore
            .reaction_rows
            .iter()
            .position(|&i| i == r)
            .map(|row| (Pane::Reactions, row)),
        (_, Some(q)) => app
            .explore
            .quote_rows
            .iter()
            .position(|&i| i == q)
            .map(|row| (Pane::Quotes, row)),
        _ => None,
    };
    if app.explore.filter.is_some() && row_in(app).is_none() {
        apply_filter(app, None);
    }
    if let Some((pane, row)) = row_in(app) {
        jump(app, pane, row);
    }
    app.explore.pinned = Some(id);
    app.explore.history.clear();
    app.explore.focus = Pane::Detail;
    app.explore.link_cursor = Default::default();
    app.explore.detail_scroll = 0;
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
    if app.explore.focus == Pane::Detail {
        // In Detail, paging scrolls the text; arrows walk the links.
        let rows = text_rows(app).max(1);
        app.explore.detail_scroll = if down {
            app.explore
                .detail_scroll
                .saturating_add(rows.saturating_sub(1).max(1))
        } else {
            app.explore
                .detail_scroll
                .saturating_sub(rows.saturating_sub(1).max(1))
        };
        return;
    }
    let rows = pane_height(app, app.explore.focus).max(2) - 1;
    let delta = isize::try_from(rows).unwrap_or(isize::MAX);
    step(app, app.explore.focus, if down { delta } else { -delta });
}

/// A new selection in a list: Approaches and Actors narrow the other
/// lists to it; any list un-pins Detail so it follows the selection.
fn selection_changed(app: &mut App, pane: Pane) {
    if pane == Pane::Detail {
        return;
    }
    app.explore.last_list = pane;
    app.explore.pinned = None;
    app.explore.history.clear();
    app.explore.link_cursor = Default::default();
    app.explore.detail_scroll = 0;
    let id = app.selected_id(pane).map(str::to_string);
    match (pane, id) {
        (Pane::Approaches, Some(id)) => set_filter(app, Some(Focus::Approach(id))),
        (Pane::Actors, Some(id)) => set_filter(app, Some(Focus::Actor(id))),
        _ => {}
    }
}

fn set_filter(app: &mut App, filter: Option<Focus>) {
    if app.explore.filter != filter {
        apply_filter(app, filter);
    }
}

/// Set the filter and recompute the lists it narrows.
pub(super) fn apply_filter(app: &mut App, filter: Option<Focus>) {
    app.explore.filter = filter;
    app.explore.reaction_rows =
        relations::reactions_for(&app.corpus.data, app.explore.filter.as_ref());
    app.explore.quote_rows = relations::quotes_for(&app.corpus.data, app.explore.filter.as_ref());
    // The lists changed under their cursors: start them at the top.
    for pane in [Pane::Reactions, Pane::Quotes] {
        *app.cursor_mut(pane) = Default::default();
    }
}

fn focus(app: &mut App, pane: Pane) {
    app.explore.focus = pane;
    // Detail keeps showing what it showed when the new pane has nothing.
    if pane.is_list() && app.explore.pinned.is_none() && app.len(pane) > 0 {
        app.explore.last_list = pane;
        app.explore.link_cursor = Default::default();
        app.explore.detail_scroll = 0;
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
        app.explore.detail_scroll = app.explore.detail_scroll.saturating_add_signed(delta);
    } else {
        step(app, pane, delta);
    }
}

fn follow(app: &mut App) {
    if app.explore.focus == Pane::Detail {
        let Some(link) = app.links().get(app.explore.link_cursor.selected).cloned() else {
            return;
        };
        if let Some(current) = app.detail_id().map(str::to_string) {
            app.explore.history.push(current);
        }
        app.explore.pinned = Some(link.id.clone());
    } else {
        let pane = app.explore.focus;
        let Some(id) = app.selected_id(pane).map(str::to_string) else {
            return;
        };
        selection_changed(app, pane);
        app.explore.pinned = Some(id);
        app.explore.focus = Pane::Detail;
    }
    app.explore.link_cursor = Default::default();
    app.explore.detail_scroll = 0;
}

fn back(app: &mut App) {
    app.explore.link_cursor = Default::default();
    app.explore.detail_scroll = 0;
    match app.explore.history.pop() {
        Some(previous) => app.explore.pinned = Some(previous),
        None if app.explore.pinned.is_some() || app.explore.focus == Pane::Detail => {
            app.explore.pinned = None;
            app.explore.focus = app.explore.last_list;
        }
        None => app.screen.status = Some("Nothing to go back to".into()),
    }
}

fn clear(app: &mut App) {
    if app.explore.filter.is_some() {
        set_filter(app, None);
        app.screen.status = Some("Filter cleared: showing every reaction and quote".into());
    } else {
        app.screen.status = Some("No filter to clear".into());
    }
}
