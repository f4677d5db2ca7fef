//! New data from disk, on screen: what the loader sends while the
//! explorer runs. Clean data replaces the old, and everything the user had
//! selected, in every view, is found again by id; data with problems is
//! not shown: the last good data stays, with the problems in a panel.

use std::sync::Arc;

use crate::data::Dataset;
use crate::reload::Reload;
use crate::search::Index;
use crate::text::count;

use super::map::MapView;
use super::quiz::Quiz;
use super::{App, Effect, Pane, explore, search};

/// The search index of the data on screen is built.
pub(super) fn index_ready(app: &mut App, index: Arc<Index>) {
    // Only the index of the data on screen: a newer reload may have
    // replaced it meanwhile.
    if index.is_for(&app.corpus.data) {
        app.corpus.index = Arc::clone(&index);
        app.requests.effects.push(Effect::NewIndex(index));
        if let Some(search) = app.search.as_mut() {
            search.hits = Default::default();
            search::request(app);
        }
    }
}

pub(super) fn reloaded(app: &mut App, reload: Reload) {
    let (data, index) = match reload {
        Reload::Problems(problems) => {
            // A checked dataset always has a title: without one, nothing
            // good was ever loaded (a big file that failed its first load).
            let shown = if app.corpus.data.dataset.title.is_empty() {
                "nothing to show until they are fixed"
            } else {
                "still showing the last good version"
            };
            app.screen.status = Some(format!(
                "{} problem{} in the data: {shown}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ));
            app.reload.problems = Some(problems);
            return;
        }
        // A big reload comes twice: the data as soon as it is checked,
        // then the same data with its search index.
        Reload::Ok { data, index } if Arc::ptr_eq(&data, &app.corpus.data) => {
            index_ready(app, index);
            return;
        }
        Reload::Ok { data, index } => (data, index),
    };
    let selected = Selected::of(app);
    app.corpus.data = data;
    app.corpus.index = Arc::clone(&index);
    app.requests.effects.push(Effect::NewIndex(index));
    app.reload.problems = None;
    selected.find_again(app);
    // A quiz over quotes that may be gone starts again on the new data.
    app.quiz.kept.clear();
    if app.quiz.playing.is_some() {
        app.quiz.playing = Some(Quiz::new(&app.corpus.data, app.quiz.kind, app.quiz.seed));
    }
    if let Some(search) = app.search.as_mut() {
        // The old hits point into the old data: drop them before the new
        // ones arrive.
        search.hits = Default::default();
        search.cursor = Default::default();
        search::request(app);
    }
    app.screen.status = Some(reloaded_status(&app.corpus.data));
}

/// What was selected in every view, by id: indices mean nothing in
/// other data.
struct Selected {
    lists: Vec<Option<String>>,
    map: Option<String>,
    event: Option<String>,
    compare: (Option<String>, Option<String>),
}

impl Selected {
    fn of(app: &App) -> Selected {
        Selected {
            lists: Pane::LISTS
                .iter()
                .map(|p| app.selected_id(*p).map(str::to_string))
                .collect(),
            map: app.map.selected_id(&app.corpus.data),
            event: app.timeline.selected_id(&app.corpus.data),
            compare: app.compare.ids(&app.corpus.data),
        }
    }

    /// Select the same items in the new data, where they still are; the
    /// filter, pin and history keep only what is still there.
    fn find_again(self, app: &mut App) {
        let filter = app
            .explore
            .filter
            .take()
            .filter(|f| app.corpus.data.item(f.id()).is_some());
        explore::apply_filter(app, filter);
        for (pane, id) in Pane::LISTS.into_iter().zip(self.lists) {
            let row = id.and_then(|id| {
                (0..app.len(pane)).find(|&r| app.id_at(pane, r) == Some(id.as_str()))
            });
            let len = app.len(pane);
            app.cursor_mut(pane).select(row.unwrap_or(0), len);
        }
        let data = Arc::clone(&app.corpus.data);
        let alive = |id: &String| data.item(id).is_some();
        app.explore.pinned = app.explore.pinned.take().filter(alive);
        app.explore.history.retain(alive);
        app.map = MapView::default();
        if let Some(id) = self.map {
            app.map.select_id(&data, &id);
        }
        app.timeline.reload(&data, self.event.as_deref());
        app.compare.reload(&data, self.compare);
        app.tour.reload(&data);
    }
}

fn reloaded_status(d: &Dataset) -> String {
    format!(
        "Reloaded: {}, {}, {}, {}",
        count(d.approaches.len(), "approach", "approaches"),
        count(d.actors.len(), "actor", "actors"),
        count(d.reactions.len(), "reaction", "reactions"),
        count(d.quotes.len(), "quote", "quotes")
    )
}
