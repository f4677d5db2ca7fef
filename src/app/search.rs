//! The search field and its results, while open: typing asks the
//! worker (through an effect) for the query's results, which come back as
//! an action of the same generation; Enter opens a result in Detail, Esc
//! puts back what the explorer showed before.

use std::sync::Arc;

use crate::search::{Hit, Query};

use super::measure::search_rows;
use super::{Action, App, Cursor, Effect, LineInput, Pane, explore};

/// The search field and its results, while open.
#[derive(Debug, Clone)]
pub struct Search {
    pub input: LineInput,
    pub query: Query,
    /// Identifies the current query; results of older ones are ignored.
    pub generation: u64,
    /// The latest results received (possibly of an older query, shown
    /// until the new ones arrive).
    pub hits: Arc<Vec<Hit>>,
    /// Whether `hits` are complete for the current query.
    pub done: bool,
    pub cursor: Cursor,
    /// Enter was pressed before the results of the query as typed came:
    /// open the top result when they do, not a stale one now.
    pub open_when_done: bool,
    /// Where the explorer was, restored by Esc.
    pub saved: Saved,
}

/// The selection state that opening search may change.
#[derive(Debug, Clone)]
pub struct Saved {
    pub focus: Pane,
    pub last_list: Pane,
    pub cursors: [Cursor; 4],
    pub link_cursor: Cursor,
    pub detail_scroll: usize,
    pub pinned: Option<String>,
    pub history: Vec<String>,
}

pub(super) fn open(app: &mut App) {
    let saved = Saved {
        focus: app.explore.focus,
        last_list: app.explore.last_list,
        cursors: app.explore.cursors,
        link_cursor: app.explore.link_cursor,
        detail_scroll: app.explore.detail_scroll,
        pinned: app.explore.pinned.clone(),
        history: app.explore.history.clone(),
    };
    app.search = Some(Search {
        input: LineInput::default(),
        query: Query::default(),
        generation: 0,
        hits: Default::default(),
        done: false,
        cursor: Default::default(),
        open_when_done: false,
        saved,
    });
    request(app);
}

/// Ask the worker for the current query under a new generation.
pub(super) fn request(app: &mut App) {
    app.corpus.search_generation += 1;
    let generation = app.corpus.search_generation;
    if let Some(s) = app.search.as_mut() {
        s.generation = generation;
        s.done = false;
        s.query = Query::parse(s.input.text());
        app.requests.effects.push(Effect::Search {
            generation,
            query: s.input.text().to_string(),
        });
    }
}

/// While search is open it takes editing, moving, Enter and Esc; returns
/// whether the action was consumed.
pub(super) fn handle(app: &mut App, action: &Action) -> bool {
    let page = search_rows(app).max(2) - 1;
    let Some(search) = app.search.as_mut() else {
        return false;
    };
    let len = search.hits.len();
    match action {
        Action::Edit(edit) if search.input.apply(edit) => {
            search.cursor = Default::default();
            search.open_when_done = false;
            request(app);
        }
        // Results of a query the user has since changed are dropped.
        Action::SearchResults(update) if update.generation == search.generation => {
            search.hits = update.hits.clone();
            search.done = update.done;
            if search.done && search.open_when_done {
                open_hit(app);
            }
        }
        // Typed fast, Enter can come before the results of what was typed.
        Action::Follow if !search.done => search.open_when_done = true,
        Action::Up => search.cursor.move_by(-1, len),
        Action::Down => search.cursor.move_by(1, len),
        Action::PageUp => search
            .cursor
            .move_by(-isize::try_from(page).unwrap_or(1), len),
        Action::PageDown => search
            .cursor
            .move_by(isize::try_from(page).unwrap_or(1), len),
        Action::Top => search.cursor.select(0, len),
        Action::Bottom => search.cursor.select(usize::MAX, len),
        Action::Follow => open_hit(app),
        Action::Clear => close(app),
        Action::SelectResult(index) => search.cursor.select(*index, len),
        // Quit, resize and view switches are the explorer's.
        Action::Quit | Action::Resize { .. } | Action::SwitchView(_) => return false,
        _ => {}
    }
    true
}

/// Esc: close the field and put back what the explorer showed before.
fn close(app: &mut App) {
    if let Some(search) = app.search.take() {
        let s = search.saved;
        app.explore.focus = s.focus;
        app.explore.last_list = s.last_list;
        app.explore.cursors = s.cursors;
        app.explore.link_cursor = s.link_cursor;
        app.explore.detail_scroll = s.detail_scroll;
        // The data may have been reloaded while searching: forget what
        // is gone.
        let data = Arc::clone(&app.corpus.data);
        app.explore.pinned = s.pinned.filter(|id| data.item(id).is_some());
        app.explore.history = s.history;
        app.explore.history.retain(|id| data.item(id).is_some());
    }
}

/// Enter: the selected quote, in Detail and selected in Quotes (see
/// `explore::open`).
fn open_hit(app: &mut App) {
    let Some(search) = app.search.as_ref() else {
        return;
    };
    let Some(hit) = search.hits.get(search.cursor.selected).copied() else {
        return;
    };
    close(app);
    // Detail lives in Explore: search may have been opened from any view.
    let id = app.corpus.data.quotes[hit.quote as usize].id.to_string();
    explore::open(app, id);
}
