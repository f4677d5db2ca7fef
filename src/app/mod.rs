//! The explorer's state and its one way to change: [`update`].
//!
//! `App` holds the dataset, what is selected and focused, and the few
//! derived lists (which reactions and quotes the filter keeps) that
//! `update` recomputes, so rendering only reads.

mod action;
pub mod compare;
mod copy;
mod cursor;
pub mod detail;
pub mod explore;
pub mod footer;
mod help;
pub mod input;
pub mod keymap;
pub mod line_input;
pub mod map;
mod measure;
pub mod quiz;
mod reload;
mod search;
pub mod timeline;
pub mod tour;
mod update;

pub use crate::layout::Pane;
pub use action::{Action, Outcome, View};
pub use cursor::Cursor;
pub use line_input::{Edit, LineInput};
pub use search::{Saved, Search};
pub use update::update;

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::data::Dataset;
use crate::data::relations::{self, Link};
use crate::search::Index;

/// Work `update` asks the outside world to do: it has no threads or I/O
/// of its own. The event loop takes these after each update.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Run this query; answer with `Action::SearchResults` of the same
    /// generation.
    Search { generation: u64, query: String },
    /// Put this text on the system clipboard.
    Copy(String),
    /// The data was reloaded: the search worker must use this index.
    NewIndex(Arc<Index>),
}

impl PartialEq for Effect {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                Effect::Search {
                    generation: a,
                    query: q,
                },
                Effect::Search {
                    generation: b,
                    query: r,
                },
            ) => a == b && q == r,
            (Effect::Copy(a), Effect::Copy(b)) => a == b,
            // The same index, not an equal one: indexes are not compared.
            (Effect::NewIndex(a), Effect::NewIndex(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The furthest each scrolling part scrolls (rows past its top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrollLimits {
    pub detail: usize,
    pub help: usize,
    pub compare: usize,
    pub quiz_summary: usize,
    pub tour: usize,
}

/// The explorer's state: a few owned parts, each saying what it is.
#[derive(Debug, Clone)]
pub struct App {
    /// The data on screen and its search index.
    pub corpus: Corpus,
    /// The terminal and what is drawn around the views.
    pub screen: ScreenState,
    pub view: View,
    /// The lists, Detail and what they show.
    pub explore: explore::Explore,
    pub search: Option<Search>,
    /// The stance map's selected point.
    pub map: map::MapView,
    pub compare: compare::Compare,
    /// Events in date order and the cursor.
    pub timeline: timeline::Timeline,
    /// The tour's slide.
    pub tour: tour::Tour,
    /// The quiz being played, its seed and its kind.
    pub quiz: quiz::QuizView,
    /// News from the background loader.
    pub reload: ReloadState,
    /// What `update` asks of the event loop.
    pub requests: Requests,
    /// The keys in force: the defaults, or the config file's.
    pub keymap: Arc<keymap::Keymap>,
}

/// The dataset on screen, the search index built from it, and the
/// numbering of the searches asked of that index.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub data: Arc<Dataset>,
    /// The quotes in searchable form, shared with the search worker.
    pub index: Arc<Index>,
    /// Last search generation handed out.
    pub search_generation: u64,
}

/// The terminal and what is drawn around every view.
#[derive(Debug, Clone, Default)]
pub struct ScreenState {
    /// The terminal's size, as last reported.
    pub size: Rect,
    /// Presenter mode, for a projector (`--present`, or `p`): the view's
    /// text bigger, the chrome a class does not need hidden.
    pub present: bool,
    /// The help overlay, when open, with its scroll offset.
    pub help: Option<usize>,
    /// The status line's message, until the next key.
    pub status: Option<String>,
}

/// What the background loader has said.
#[derive(Debug, Clone, Default)]
pub struct ReloadState {
    /// While the dataset loads in the background: what the loader is
    /// doing. The explorer is up and answers keys meanwhile.
    pub loading: Option<crate::reload::Stage>,
    /// Problems in the watched files since the last good reload; the
    /// explorer keeps showing the last good data meanwhile.
    pub problems: Option<crate::data::Problems>,
}

/// The outputs of `update` for the event loop.
#[derive(Debug, Clone, Default)]
pub struct Requests {
    /// Work to do, taken with [`App::take_effects`].
    pub effects: Vec<Effect>,
    /// End the session.
    pub quit: bool,
}

/// How a session opens: the choices of the command line (or of any
/// other front end) that the explorer's state holds.
pub struct Start {
    /// The view to open on.
    pub view: View,
    /// Open the search on this query, as if typed.
    pub query: Option<String>,
    /// The keys in force.
    pub keymap: Arc<keymap::Keymap>,
    /// A line for the status bar.
    pub notice: Option<String>,
    /// Seed for the quiz.
    pub seed: u64,
    /// What the quiz asks.
    pub quiz_kind: quiz::Kind,
    /// Presenter mode.
    pub present: bool,
    /// The dataset is still loading in the background: what is read.
    pub loading: Option<String>,
}

impl App {
    /// Open a session as `start` says. The effects it asks for (the
    /// search of the query) wait in the app for [`App::take_effects`].
    pub fn start(&mut self, start: Start) {
        self.quiz.seed = start.seed;
        self.quiz.kind = start.quiz_kind;
        self.screen.present = start.present;
        self.keymap = start.keymap;
        if let Some(what) = start.loading {
            self.reload.loading = Some(crate::reload::Stage {
                what,
                progress: None,
            });
        }
        update(self, Action::SwitchView(start.view));
        if let Some(query) = start.query {
            // As if typed: the search opens, the query goes in, and the
            // worker is asked for results like for any keystroke.
            update(self, Action::OpenSearch);
            update(self, Action::Edit(Edit::Paste(query)));
        }
        // After the updates above, which clear the status line.
        if let Some(notice) = start.notice {
            self.screen.status = Some(notice);
        }
    }

    pub fn new(data: Dataset, size: Rect) -> App {
        let data = Arc::new(data);
        let index = Arc::new(Index::new(Arc::clone(&data)));
        App::with_index(data, index, size)
    }

    /// An app over a dataset whose search index was built elsewhere (on a
    /// worker thread, for big datasets).
    pub fn with_index(data: Arc<Dataset>, index: Arc<Index>, size: Rect) -> App {
        let mut app = App {
            explore: explore::Explore::new(&data),
            corpus: Corpus {
                data,
                index,
                search_generation: 0,
            },
            screen: ScreenState {
                size,
                ..ScreenState::default()
            },
            view: View::Explore,
            search: None,
            map: map::MapView::default(),
            compare: compare::Compare::default(),
            timeline: timeline::Timeline::default(),
            tour: tour::Tour::default(),
            quiz: quiz::QuizView::default(),
            reload: ReloadState::default(),
            requests: Requests::default(),
            keymap: Arc::default(),
        };
        app.timeline = timeline::Timeline::new(&app.corpus.data);
        // Start on an approach that opens on something: the first one
        // with reactions and quotes concerning it, not an empty page.
        let start = start_approach(&app.corpus.data);
        let len = app.corpus.data.approaches.len();
        app.cursor_mut(Pane::Approaches).select(start, len);
        // What looks selected is the filter: Reactions and Quotes open
        // narrowed to it, as they do after any move.
        if let Some(id) = app.corpus.data.approaches.get(start).map(|a| a.id.clone()) {
            explore::apply_filter(&mut app, Some(relations::Focus::Approach(id)));
        }
        if app.corpus.data.approaches.len() < 2 {
            app.compare.right = 0;
        }
        update::settle(&mut app);
        app
    }

    pub fn cursor(&self, pane: Pane) -> Cursor {
        match list_index(pane) {
            Some(i) => self.explore.cursors[i],
            None => self.explore.link_cursor,
        }
    }

    pub fn cursor_mut(&mut self, pane: Pane) -> &mut Cursor {
        match list_index(pane) {
            Some(i) => &mut self.explore.cursors[i],
            None => &mut self.explore.link_cursor,
        }
    }

    /// How many rows a pane lists.
    pub fn len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Approaches => self.corpus.data.approaches.len(),
            Pane::Actors => self.corpus.data.actors.len(),
            Pane::Reactions => self.explore.reaction_rows.len(),
            Pane::Quotes => self.explore.quote_rows.len(),
            Pane::Detail => self.links().len(),
        }
    }

    /// The id of row `row` of a list pane.
    pub fn id_at(&self, pane: Pane, row: usize) -> Option<&str> {
        let d = &self.corpus.data;
        match pane {
            Pane::Approaches => d.approaches.get(row).map(|a| a.id.as_str()),
            Pane::Actors => d.actors.get(row).map(|a| a.id.as_str()),
            Pane::Reactions => self
                .explore
                .reaction_rows
                .get(row)
                .map(|&i| d.reactions[i].id.as_str()),
            Pane::Quotes => self
                .explore
                .quote_rows
                .get(row)
                .map(|&i| d.quotes[i].id.as_str()),
            Pane::Detail => None,
        }
    }

    /// The id selected in a list pane.
    pub fn selected_id(&self, pane: Pane) -> Option<&str> {
        self.id_at(pane, self.cursor(pane).selected)
    }

    /// What Detail shows: the pinned item, else the selection of the list
    /// pane last focused.
    pub fn detail_id(&self) -> Option<&str> {
        self.explore
            .pinned
            .as_deref()
            .or_else(|| self.selected_id(self.explore.last_list))
    }

    /// How far each scrolling part may scroll at the current size: what
    /// `update` keeps every offset within.
    pub fn scroll_limits(&self) -> ScrollLimits {
        ScrollLimits {
            detail: measure::detail_scroll_max(self),
            help: measure::help_scroll_max(self),
            compare: measure::compare_scroll_max(self),
            quiz_summary: measure::quiz_scroll_max(self),
            tour: measure::tour_scroll_max(self),
        }
    }

    /// The shown tour slide laid out in `body` (the frame's body), as
    /// drawn and as measured for its scroll.
    pub fn tour_slide(&self, body: ratatui::layout::Rect) -> Option<crate::layout::Slide> {
        measure::tour_slide(self, body)
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.requests.effects)
    }

    /// Detail's related links for what it shows.
    /// Detail's related links, as `update` last derived them.
    pub fn links(&self) -> &[Link] {
        &self.explore.links.2
    }

    /// Derive Detail's links again if what it shows, or the data, changed
    /// (finding an actor's quotes walks every quote: not once per frame).
    pub(crate) fn refresh_links(&mut self) {
        let id = self.detail_id().map(str::to_string);
        let data = Arc::as_ptr(&self.corpus.data) as usize;
        if id != self.explore.links.0 || data != self.explore.links.1 {
            let links = id
                .as_deref()
                .map(|id| relations::related(&self.corpus.data, id))
                .unwrap_or_default();
            self.explore.links = (id, data, links);
        }
    }
}

/// The approach selected at start: the first with reactions and quotes
/// concerning it (see `relations`: reactions that target it, quotes about
/// it or cited by those), else the first with either, else the first.
/// One pass over the data, not one per approach: big datasets start fast.
fn start_approach(d: &Dataset) -> usize {
    let mut reacted: Vec<&str> = d.reactions.iter().map(|r| r.target.as_str()).collect();
    let mut quoted: Vec<&str> = d
        .quotes
        .iter()
        .flat_map(|q| q.about.iter().map(|a| a.as_str()))
        .collect();
    reacted.sort_unstable();
    quoted.sort_unstable();
    let has = |list: &[&str], id: &str| list.binary_search(&id).is_ok();
    let both = d
        .approaches
        .iter()
        .position(|a| has(&reacted, &a.id) && has(&quoted, &a.id));
    let either = || {
        d.approaches
            .iter()
            .position(|a| has(&reacted, &a.id) || has(&quoted, &a.id))
    };
    both.or_else(either).unwrap_or(0)
}

fn list_index(pane: Pane) -> Option<usize> {
    Pane::LISTS.iter().position(|p| *p == pane)
}
