//! `update`: the only place the explorer's state changes. No I/O, no
//! terminal, no clock: every behaviour can be tested by feeding actions.

use crate::data::relations::{self, Focus};

use super::compare::Side;
use super::measure::{
    compare_scroll_max, detail_scroll_max, help_scroll_max, pane_height, quiz_scroll_max,
    search_rows, text_rows,
};
use super::quiz::Quiz;
use super::{Action, App, Effect, LineInput, Pane, Saved, Search, View};
use crate::search::Query;
use crate::text::count;
use std::sync::Arc;

pub fn update(app: &mut App, action: Action) {
    if let Action::Reloaded(reload) = action {
        app.loading = None;
        reloaded(app, reload);
        settle(app);
        return;
    }
    if let Action::IndexReady(index) = action {
        index_ready(app, index);
        settle(app);
        return;
    }
    if let Action::Loading(stage) = action {
        app.loading = Some(stage);
        return;
    }
    if app.help.is_some() && handle_help(app, &action) {
        return;
    }
    if app.search.is_some() && handle_search(app, &action) {
        settle(app);
        return;
    }
    app.status = None;
    if app.view != View::Explore && handle_view(app, &action) {
        settle(app);
        return;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Resize { width, height } => {
            app.size = ratatui::layout::Rect::new(0, 0, width, height);
        }
        Action::ToggleHelp => app.help = Some(0),
        Action::SwitchView(view) => switch_view(app, view),
        Action::Up => step(app, app.focus, -1),
        Action::Down => step(app, app.focus, 1),
        Action::PageUp | Action::PageDown => page(app, action == Action::PageDown),
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
        Action::OpenSearch => open_search(app),
        Action::CopyQuote => copy(app, true),
        Action::CopyCitation => copy(app, false),
        // Without an open search, or outside their views, these have
        // nothing to act on.
        Action::Edit(_)
        | Action::SearchResults(_)
        | Action::Left
        | Action::Right
        | Action::Choose(_)
        | Action::Next
        | Action::ToggleKind
        | Action::NewRound
        | Action::FocusPane(_)
        | Action::SelectRow { .. }
        | Action::ScrollPane { .. }
        | Action::SelectResult(_)
        | Action::Reloaded(_)
        | Action::IndexReady(_)
        | Action::Loading(_) => {}
    }
    settle(app);
}

/// A tour slide that shows the map or the timeline selects its focus
/// there, so the slide's view points at what it talks about.
fn select_tour_focus(app: &mut App) {
    use crate::data::TourView;
    let Some(step) = app.data.tour.get(app.tour_step) else {
        return;
    };
    let (Some(view), Some(focus)) = (step.view, step.focus.clone()) else {
        return;
    };
    match view {
        TourView::Map => {
            if let Some(i) = crate::app::map::points(&app.data)
                .iter()
                .position(|p| p.id == focus)
            {
                app.map_selected = i;
            }
        }
        TourView::Timeline => {
            let len = app.timeline_order.len();
            if let Some(row) = app
                .timeline_order
                .iter()
                .position(|&e| app.data.events[e].id == focus)
            {
                app.timeline.select(row, len);
            }
        }
    }
}

pub(super) fn timeline_order(d: &crate::data::Dataset) -> Vec<usize> {
    let mut order: Vec<usize> = (0..d.events.len()).collect();
    order.sort_by_key(|&i| d.events[i].date);
    order
}

/// New data from disk. Clean data replaces the old, and everything the
/// user had selected is found again by id; data with problems is not
/// shown: the last good data stays, with the problems in a panel.
/// The search index of the data on screen is built.
fn index_ready(app: &mut App, index: Arc<crate::search::Index>) {
    // Only the index of the data on screen: a newer reload may have
    // replaced it meanwhile.
    if index.is_for(&app.data) {
        app.index = Arc::clone(&index);
        app.effects.push(Effect::NewIndex(index));
        if let Some(search) = app.search.as_mut() {
            search.hits = Default::default();
            request_search(app);
        }
    }
}

fn reloaded(app: &mut App, reload: crate::reload::Reload) {
    use crate::reload::Reload;
    let (data, index) = match reload {
        Reload::Problems(problems) => {
            // A checked dataset always has a title: without one, nothing
            // good was ever loaded (a big file that failed its first load).
            let shown = if app.data.dataset.title.is_empty() {
                "nothing to show until they are fixed"
            } else {
                "still showing the last good version"
            };
            app.status = Some(format!(
                "{} problem{} in the data: {shown}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ));
            app.problems = Some(problems);
            return;
        }
        // A big reload comes twice: the data as soon as it is checked,
        // then the same data with its search index.
        Reload::Ok { data, index } if Arc::ptr_eq(&data, &app.data) => {
            index_ready(app, index);
            return;
        }
        Reload::Ok { data, index } => (data, index),
    };
    // What was selected, by id.
    let selected: Vec<Option<String>> = Pane::LISTS
        .iter()
        .map(|p| app.selected_id(*p).map(str::to_string))
        .collect();
    let map_id = crate::app::map::points(&app.data)
        .get(app.map_selected)
        .map(|p| p.id.clone());
    let event_id = app
        .timeline_order
        .get(app.timeline.selected)
        .map(|&i| app.data.events[i].id.clone());
    let compare_ids = (
        app.compare.id(&app.data, Side::Left).map(str::to_string),
        app.compare.id(&app.data, Side::Right).map(str::to_string),
    );

    app.data = data;
    app.index = Arc::clone(&index);
    app.effects.push(Effect::NewIndex(index));
    app.problems = None;
    let filter = app
        .filter
        .take()
        .filter(|f| app.data.item(f.id()).is_some());
    apply_filter(app, filter);
    for (pane, id) in Pane::LISTS.into_iter().zip(selected) {
        let row =
            id.and_then(|id| (0..app.len(pane)).find(|&r| app.id_at(pane, r) == Some(id.as_str())));
        let len = app.len(pane);
        app.cursor_mut(pane).select(row.unwrap_or(0), len);
    }
    let alive = |id: &Option<String>| id.as_deref().is_some_and(|i| app.data.item(i).is_some());
    if !alive(&app.pinned) {
        app.pinned = None;
    }
    let data = Arc::clone(&app.data);
    app.history.retain(|id| data.item(id).is_some());
    let points = crate::app::map::points(&app.data);
    app.map_selected = map_id
        .and_then(|id| points.iter().position(|p| p.id == id))
        .unwrap_or(0);
    app.timeline_order = timeline_order(&app.data);
    let row = event_id.and_then(|id| {
        app.timeline_order
            .iter()
            .position(|&i| app.data.events[i].id == id)
    });
    let len = app.timeline_order.len();
    app.timeline.select(row.unwrap_or(0), len);
    let position = |id: Option<String>, kind| {
        id.and_then(|id| match kind {
            crate::app::compare::Kind::Approaches => {
                app.data.approaches.iter().position(|a| a.id == id)
            }
            crate::app::compare::Kind::Actors => app.data.actors.iter().position(|a| a.id == id),
        })
    };
    let kind = app.compare.kind;
    app.compare.left = position(compare_ids.0, kind).unwrap_or(0);
    app.compare.right = position(compare_ids.1, kind).unwrap_or(0);
    app.tour_step = app.tour_step.min(app.data.tour.len().saturating_sub(1));
    // A quiz over quotes that may be gone starts again on the new data.
    if app.quiz.is_some() {
        app.quiz = Some(Quiz::new(&app.data, app.quiz_seed));
    }
    if let Some(search) = app.search.as_mut() {
        // The old hits point into the old data: drop them before the new
        // ones arrive.
        search.hits = Default::default();
        search.cursor = Default::default();
        request_search(app);
    }
    app.status = Some(format!(
        "Reloaded: {}, {}, {}, {}",
        count(app.data.approaches.len(), "approach", "approaches"),
        count(app.data.actors.len(), "actor", "actors"),
        count(app.data.reactions.len(), "reaction", "reactions"),
        count(app.data.quotes.len(), "quote", "quotes")
    ));
}

fn switch_view(app: &mut App, view: View) {
    app.view = view;
    if view == View::Quiz && app.quiz.is_none() {
        app.quiz = Some(Quiz::new(&app.data, app.quiz_seed));
    }
    if view == View::Tour {
        select_tour_focus(app);
    }
}

/// Keys of the Map, Compare, Timeline, Tour and Quiz views; returns
/// whether the action was theirs.
fn handle_view(app: &mut App, action: &Action) -> bool {
    use crate::app::map::{Direction, points, step};
    match (app.view, action) {
        // Esc goes back to the explorer from every other view.
        (_, Action::Clear) => app.view = View::Explore,
        (View::Map, Action::Up | Action::Down | Action::Left | Action::Right) => {
            let direction = match action {
                Action::Up => Direction::Up,
                Action::Down => Direction::Down,
                Action::Left => Direction::Left,
                _ => Direction::Right,
            };
            app.map_selected = step(&points(&app.data), app.map_selected, direction);
        }
        (View::Map, Action::Follow) => {
            if let Some(p) = points(&app.data).get(app.map_selected) {
                open_in_explore(app, p.id.clone());
            }
        }
        (View::Compare, Action::Left) => app.compare.side = Side::Left,
        (View::Compare, Action::Right) => app.compare.side = Side::Right,
        (View::Compare, Action::Up) => app.compare.cycle(&app.data, -1),
        (View::Compare, Action::Down) => app.compare.cycle(&app.data, 1),
        (View::Compare, Action::ToggleKind) => app.compare.toggle_kind(&app.data),
        (View::Compare, Action::PageDown) => app.compare.scroll += 5,
        (View::Compare, Action::PageUp) => {
            app.compare.scroll = app.compare.scroll.saturating_sub(5);
        }
        (View::Timeline, Action::Up) => app.timeline.move_by(-1, app.timeline_order.len()),
        (View::Timeline, Action::Down) => app.timeline.move_by(1, app.timeline_order.len()),
        (View::Timeline, Action::Top) => app.timeline.select(0, app.timeline_order.len()),
        (View::Timeline, Action::Bottom) => {
            app.timeline.select(usize::MAX, app.timeline_order.len());
        }
        (View::Timeline, Action::Follow) => {
            if let Some(&e) = app.timeline_order.get(app.timeline.selected) {
                open_in_explore(app, app.data.events[e].id.clone());
            }
        }
        // The keymap sends Next and Left in the tour (Right, Space, l and
        // PageDown are Next; h and PageUp are Left).
        (View::Tour, Action::Next) => {
            app.tour_step = (app.tour_step + 1).min(app.data.tour.len().saturating_sub(1));
        }
        (View::Tour, Action::Left) => {
            app.tour_step = app.tour_step.saturating_sub(1);
        }
        (View::Tour, Action::Top) => app.tour_step = 0,
        (View::Tour, Action::Bottom) => app.tour_step = app.data.tour.len().saturating_sub(1),
        (View::Tour, Action::Follow) => {
            if let Some(focus) = app
                .data
                .tour
                .get(app.tour_step)
                .and_then(|s| s.focus.clone())
            {
                open_in_explore(app, focus);
            }
        }
        (View::Quiz, _) => return handle_quiz(app, action),
        _ => return false,
    }
    if app.view == View::Tour {
        select_tour_focus(app);
    }
    true
}

fn handle_quiz(app: &mut App, action: &Action) -> bool {
    let Some(Ok(quiz)) = app.quiz.as_mut() else {
        return false;
    };
    match action {
        // The summary scrolls; the questions move the answer cursor.
        Action::Up if quiz.finished() => quiz.scroll = quiz.scroll.saturating_sub(1),
        Action::Down if quiz.finished() => quiz.scroll = quiz.scroll.saturating_add(1),
        Action::PageUp if quiz.finished() => quiz.scroll = quiz.scroll.saturating_sub(10),
        Action::PageDown if quiz.finished() => quiz.scroll = quiz.scroll.saturating_add(10),
        Action::Choose(n) => quiz.choose(*n),
        Action::Up => quiz.cursor = quiz.cursor.saturating_sub(1),
        Action::Down => quiz.cursor = (quiz.cursor + 1).min(crate::app::quiz::CHOICES - 1),
        Action::Follow if quiz.chosen.is_none() && !quiz.finished() => {
            let c = quiz.cursor;
            quiz.choose(c);
        }
        Action::Follow | Action::Next | Action::Right => quiz.next(),
        // A new round with the next seed, from the summary.
        Action::NewRound if quiz.finished() => {
            app.quiz_seed = app.quiz_seed.wrapping_add(1);
            app.quiz = Some(Quiz::new(&app.data, app.quiz_seed));
        }
        _ => return false,
    }
    true
}

/// Show `id` in the explorer's Detail, as if opened there.
fn open_in_explore(app: &mut App, id: String) {
    app.view = View::Explore;
    app.pinned = Some(id);
    app.history.clear();
    app.focus = Pane::Detail;
    app.link_cursor = Default::default();
    app.detail_scroll = 0;
}

/// The quote `y` copies: the one in Detail (or its reaction's), the one
/// selected in Quotes or in search, the tour's focus, or the quiz's once
/// answered (never before: that would give the answer away).
pub(crate) fn copy_target(app: &App) -> Option<usize> {
    let d = &app.data;
    let quote_of = |id: &str| match d.item(id)? {
        crate::data::ItemRef::Quote(i) => Some(i),
        crate::data::ItemRef::Reaction(r) => d.reactions[r].quote.as_deref().and_then(|q| match d
            .item(q)
        {
            Some(crate::data::ItemRef::Quote(i)) => Some(i),
            _ => None,
        }),
        _ => None,
    };
    match app.view {
        View::Explore => app.detail_id().and_then(quote_of),
        View::Tour => d
            .tour
            .get(app.tour_step)?
            .focus
            .as_deref()
            .and_then(quote_of),
        View::Quiz => match app.quiz.as_ref()? {
            Ok(q) if q.chosen.is_some() => q.question().map(|q| q.quote),
            _ => None,
        },
        _ => None,
    }
}

fn copy(app: &mut App, with_text: bool) {
    let Some(i) = copy_target(app) else {
        app.status = Some(
            "No quote to copy here: select one in Explore (or answer the quiz question first)"
                .into(),
        );
        return;
    };
    let q = &app.data.quotes[i];
    let text = if with_text {
        app.data.citation(q)
    } else {
        app.data.source_line(q)
    };
    // OSC 52 has no answer: the terminal may have ignored it, so say what
    // was sent, not that it arrived.
    app.status = Some(format!(
        "Sent {} to the terminal's clipboard (OSC 52; not every terminal accepts it): {}",
        if with_text {
            "the quote with its citation"
        } else {
            "the citation"
        },
        text
    ));
    app.effects.push(Effect::Copy(text));
}

fn open_search(app: &mut App) {
    let saved = Saved {
        focus: app.focus,
        last_list: app.last_list,
        cursors: app.cursors,
        link_cursor: app.link_cursor,
        detail_scroll: app.detail_scroll,
        pinned: app.pinned.clone(),
        history: app.history.clone(),
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
    request_search(app);
}

/// Ask the worker for the current query under a new generation.
fn request_search(app: &mut App) {
    app.search_generation += 1;
    let generation = app.search_generation;
    if let Some(s) = app.search.as_mut() {
        s.generation = generation;
        s.done = false;
        s.query = Query::parse(s.input.text());
        app.effects.push(Effect::Search {
            generation,
            query: s.input.text().to_string(),
        });
    }
}

/// While search is open it takes editing, moving, Enter and Esc; returns
/// whether the action was consumed.
fn handle_search(app: &mut App, action: &Action) -> bool {
    let page = search_rows(app).max(2) - 1;
    let Some(search) = app.search.as_mut() else {
        return false;
    };
    let len = search.hits.len();
    match action {
        Action::Edit(edit) if search.input.apply(edit) => {
            search.cursor = Default::default();
            search.open_when_done = false;
            request_search(app);
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
        Action::Clear => close_search(app),
        Action::SelectResult(index) => search.cursor.select(*index, len),
        // Quit, resize and view switches are the explorer's.
        Action::Quit | Action::Resize { .. } | Action::SwitchView(_) => return false,
        _ => {}
    }
    true
}

/// Esc: close the field and put back what the explorer showed before.
fn close_search(app: &mut App) {
    if let Some(search) = app.search.take() {
        let s = search.saved;
        app.focus = s.focus;
        app.last_list = s.last_list;
        app.cursors = s.cursors;
        app.link_cursor = s.link_cursor;
        app.detail_scroll = s.detail_scroll;
        // The data may have been reloaded while searching: forget what
        // is gone.
        let data = Arc::clone(&app.data);
        app.pinned = s.pinned.filter(|id| data.item(id).is_some());
        app.history = s.history;
        app.history.retain(|id| data.item(id).is_some());
    }
}

/// Enter: the selected quote, in Detail; selected in Quotes when listed.
fn open_hit(app: &mut App) {
    let Some(search) = app.search.as_ref() else {
        return;
    };
    let Some(hit) = search.hits.get(search.cursor.selected).copied() else {
        return;
    };
    close_search(app);
    let quote = hit.quote as usize;
    if let Some(row) = app.quote_rows.iter().position(|&q| q == quote) {
        let len = app.quote_rows.len();
        app.cursor_mut(Pane::Quotes).select(row, len);
        app.last_list = Pane::Quotes;
    }
    app.pinned = Some(app.data.quotes[quote].id.to_string());
    app.history.clear();
    // Detail lives in Explore: search may have been opened from any view.
    app.view = View::Explore;
    app.focus = Pane::Detail;
    app.link_cursor = Default::default();
    app.detail_scroll = 0;
}

/// While help is open it takes the navigation keys; returns whether the
/// action was consumed.
fn handle_help(app: &mut App, action: &Action) -> bool {
    let Some(scroll) = app.help.as_mut() else {
        return false;
    };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        Action::Top => *scroll = 0,
        Action::Clear | Action::ToggleHelp | Action::Back => app.help = None,
        Action::Quit | Action::Resize { .. } => return false,
        _ => {}
    }
    let max = help_scroll_max(app);
    if let Some(s) = app.help.as_mut() {
        *s = (*s).min(max);
    }
    true
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
fn apply_filter(app: &mut App, filter: Option<Focus>) {
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

/// After any change: keep every cursor in range and visible, and Detail's
/// scroll within its text.
pub(super) fn settle(app: &mut App) {
    app.refresh_links();
    let rows = search_rows(app);
    if let Some(search) = app.search.as_mut() {
        let len = search.hits.len();
        search.cursor.clamp(len, rows);
    }
    for pane in Pane::ALL {
        let len = app.len(pane);
        let height = pane_height(app, pane);
        app.cursor_mut(pane).clamp(len, height);
    }
    app.detail_scroll = app.detail_scroll.min(detail_scroll_max(app));
    if app.compare.scroll > 0 {
        app.compare.scroll = app.compare.scroll.min(compare_scroll_max(app));
    }
    // Measuring wraps text: only when there is a scroll to bound.
    if matches!(&app.quiz, Some(Ok(q)) if q.scroll > 0) {
        let max = quiz_scroll_max(app);
        if let Some(Ok(quiz)) = app.quiz.as_mut() {
            quiz.scroll = quiz.scroll.min(max);
        }
    }
    // Help keeps its place over a resize, but never past its end there.
    let help_max = help_scroll_max(app);
    if let Some(scroll) = app.help.as_mut() {
        *scroll = (*scroll).min(help_max);
    }
}
