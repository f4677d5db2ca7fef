//! Everything the explorer can be asked to do. Keys, clicks, resizes and
//! signals all become one of these before `update` sees them; a click is
//! already what it means (select this row), not where it fell.

/// A tab of the explorer. New views add a variant here, a render function
/// under `src/ui/`, and their bindings in the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Explore,
    Map,
    Compare,
    Timeline,
    Tour,
    Quiz,
}

impl View {
    /// In tab order; view N is on number key N.
    pub const ALL: [View; 6] = [
        View::Explore,
        View::Map,
        View::Compare,
        View::Timeline,
        View::Tour,
        View::Quiz,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Explore => "Explore",
            View::Map => "Map",
            View::Compare => "Compare",
            View::Timeline => "Timeline",
            View::Tour => "Tour",
            View::Quiz => "Quiz",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextPane,
    PrevPane,
    /// Enter: open the selection in Detail, or follow a Detail link.
    Follow,
    /// Backspace: back through what Detail showed.
    Back,
    /// Esc: close an overlay, else clear the filter.
    Clear,
    ToggleHelp,
    SwitchView(View),
    /// A click on a pane (its border, title or empty rows): focus it.
    FocusPane(super::Pane),
    /// A click on row `row` (0-based, in the whole list) of a pane:
    /// focus the pane and select the row.
    SelectRow {
        pane: super::Pane,
        row: usize,
    },
    /// The wheel over a pane: a list moves its selection by `delta` rows,
    /// Detail scrolls its text by `delta` rows.
    ScrollPane {
        pane: super::Pane,
        delta: isize,
    },
    /// A click on search result `index` (0-based): select it.
    SelectResult(usize),
    Resize {
        width: u16,
        height: u16,
    },
    /// `/`: open the search field.
    OpenSearch,
    /// A change to the search field.
    Edit(super::line_input::Edit),
    /// Results from the search worker.
    SearchResults(crate::search::worker::Update),
    Left,
    Right,
    /// Quiz: answer with option N (0-based).
    Choose(usize),
    /// Space: the next slide or question.
    Next,
    /// Compare: approaches or actors.
    ToggleKind,
    /// Quiz summary: a new round with the next seed.
    NewRound,
    /// `p`: presenter mode on or off.
    TogglePresent,
    /// `y`: copy the selected quote with its citation.
    CopyQuote,
    /// `Y`: copy the citation alone.
    CopyCitation,
    /// The watched files were read again.
    Reloaded(crate::reload::Reload),
    /// The dataset is still loading: what the loader is doing now.
    Loading(crate::reload::Stage),
    /// The search index for the data on screen is ready.
    IndexReady(std::sync::Arc<crate::search::Index>),
}

/// What a view's own update made of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not the view's: the explorer's general handling gets it.
    Ignored,
    /// Handled (it may have changed nothing, as at the end of a list).
    Done,
    /// Show this item in the explorer's Detail.
    Open(String),
}
