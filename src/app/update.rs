//! `update`: the only place the explorer's state changes. No I/O, no
//! terminal, no clock: every behaviour can be tested by feeding actions.
//!
//! This is the dispatcher. An action goes to the first that takes it: the
//! loader's news (`reload`), the help overlay, the search field
//! (`search`), the view on screen (each view's own update), then the
//! explorer (`explore`) and the few actions of every view. After it,
//! `settle` puts every cursor and scroll offset back within what the
//! screen shows.

use super::measure::{
    compare_scroll_max, detail_scroll_max, help_scroll_max, pane_height, quiz_scroll_max,
    search_rows, timeline_rows, tour_scroll_max,
};
use super::quiz::Quiz;
use super::{Action, App, Outcome, Pane, View, copy, explore, help, quiz, reload, search, tour};

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Reloaded(news) => {
            app.reload.loading = None;
            reload::reloaded(app, news);
            settle(app);
            return;
        }
        Action::IndexReady(index) => {
            reload::index_ready(app, index);
            settle(app);
            return;
        }
        Action::Loading(stage) => {
            app.reload.loading = Some(stage);
            return;
        }
        _ => {}
    }
    if app.screen.help.is_some() && help::handle(app, &action) {
        return;
    }
    if app.search.is_some() && search::handle(app, &action) {
        settle(app);
        return;
    }
    app.screen.status = None;
    if app.view != View::Explore && handle_view(app, &action) {
        settle(app);
        return;
    }
    if !explore::handle(app, &action) {
        match action {
            Action::Quit => app.requests.quit = true,
            Action::Resize { width, height } => {
                app.screen.size = ratatui::layout::Rect::new(0, 0, width, height);
            }
            Action::ToggleHelp => app.screen.help = Some(0),
            Action::SwitchView(view) => switch_view(app, view),
            Action::OpenSearch => search::open(app),
            Action::CopyQuote => copy::copy(app, true),
            Action::CopyCitation => copy::copy(app, false),
            Action::TogglePresent => app.screen.present = !app.screen.present,
            // Without an open search, or outside their views, the rest
            // have nothing to act on.
            _ => {}
        }
    }
    settle(app);
}

fn switch_view(app: &mut App, view: View) {
    app.view = view;
    if view == View::Quiz && app.quiz.playing.is_none() {
        app.quiz.playing = Some(Quiz::new(&app.corpus.data, app.quiz.kind, app.quiz.seed));
    }
    if view == View::Tour {
        tour::select_focus(app);
    }
}

/// Keys of the Map, Compare, Timeline, Tour and Quiz views, each view's
/// own update first; returns whether the action was theirs.
fn handle_view(app: &mut App, action: &Action) -> bool {
    // Esc goes back to the explorer from every other view.
    if *action == Action::Clear {
        app.view = View::Explore;
        return true;
    }
    let d = &app.corpus.data;
    let outcome = match app.view {
        View::Map => app.map.update(d, action),
        View::Compare => app.compare.update(d, action),
        View::Timeline => app.timeline.update(d, action),
        View::Tour => app.tour.update(d, action),
        View::Quiz => return quiz::handle(app, action),
        View::Explore => Outcome::Ignored,
    };
    match outcome {
        Outcome::Ignored => return false,
        Outcome::Done => {}
        Outcome::Open(id) => explore::open(app, id),
    }
    if app.view == View::Tour {
        tour::select_focus(app);
    }
    true
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
    app.explore.detail_scroll = app.explore.detail_scroll.min(detail_scroll_max(app));
    let (len, rows) = (app.timeline.order.len(), timeline_rows(app));
    app.timeline.cursor.clamp(len, rows);
    if app.tour.scroll > 0 {
        app.tour.scroll = app.tour.scroll.min(tour_scroll_max(app));
    }
    if app.compare.scroll > 0 {
        app.compare.scroll = app.compare.scroll.min(compare_scroll_max(app));
    }
    // Measuring wraps text: only when there is a scroll to bound.
    if matches!(&app.quiz.playing, Some(Ok(q)) if q.scroll > 0) {
        let max = quiz_scroll_max(app);
        if let Some(Ok(quiz)) = app.quiz.playing.as_mut() {
            quiz.scroll = quiz.scroll.min(max);
        }
    }
    // Help keeps its place over a resize, but never past its end there.
    let help_max = help_scroll_max(app);
    if let Some(scroll) = app.screen.help.as_mut() {
        *scroll = (*scroll).min(help_max);
    }
}
