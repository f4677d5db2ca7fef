//! The keymap as data. One table drives three things: dispatching key
//! presses, the footer's hints and the help overlay, so none of them can
//! drift from the others.
//!
//! [`BINDINGS`] are the defaults; a [`Keymap`] is what is in force, the
//! defaults with the config file's changes ([`Keymap::rebind`]), kept in
//! the `App` so that the help and the footer show the keys that work.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Edit, Pane, View};

/// Where a binding applies. Lookup tries the most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The help overlay, while open.
    Help,
    /// The search field, while open. Printable keys type into it.
    Search,
    /// A list pane (Approaches, Actors, Reactions, Quotes) has focus.
    List,
    /// The Detail pane has focus.
    Detail,
    /// Any pane of the Explore view.
    Explore,
    Map,
    Compare,
    Timeline,
    Tour,
    /// A quiz question.
    Quiz,
    /// The quiz's summary, once every question is answered.
    QuizSummary,
    /// Anywhere.
    Global,
}

impl Context {
    /// The context's name in the config file: `[keys.list]`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Help => "help",
            Context::Search => "search",
            Context::List => "list",
            Context::Detail => "detail",
            Context::Global => "global",
            Context::Explore => "explore",
            Context::Map => "map",
            Context::Compare => "compare",
            Context::Timeline => "timeline",
            Context::Tour => "tour",
            Context::Quiz => "quiz",
            Context::QuizSummary => "quiz-summary",
        }
    }

    pub fn named(name: &str) -> Option<Context> {
        CONTEXTS.into_iter().find(|c| c.name() == name)
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Help => "Help",
            Context::Search => "Search (type to edit the query)",
            Context::List => "Lists",
            Context::Detail => "Detail",
            Context::Global => "Everywhere",
            Context::Explore => "Explore view",
            Context::Map => "Map view",
            Context::Compare => "Compare view",
            Context::Timeline => "Timeline view",
            Context::Tour => "Tour view",
            Context::Quiz => "Quiz view",
            Context::QuizSummary => "Quiz summary",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

pub(crate) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl Key {
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }

    /// The key as the config file writes it: `j`, `G`, `ctrl-c`,
    /// `pagedown`, `space`. [`Key::parse`] reads it back.
    pub fn config_name(&self) -> String {
        let base = NAMED
            .iter()
            .find(|(_, code)| *code == self.code)
            .map(|(name, _)| name.to_string())
            .unwrap_or_else(|| match self.code {
                KeyCode::Char(c) => c.to_string(),
                KeyCode::F(n) => format!("f{n}"),
                other => format!("{other:?}").to_lowercase(),
            });
        if self.ctrl {
            format!("ctrl-{base}")
        } else {
            base
        }
    }

    /// A key as the config file writes it. Names are case-insensitive; a
    /// single character is itself (`G` is not `g`).
    pub fn parse(text: &str) -> Result<Key, String> {
        let lower = text.to_lowercase();
        if let Some(rest) = lower.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                // Terminals send Ctrl-C and Ctrl-Shift-C alike.
                (Some(c), None) if c.is_ascii_graphic() => Ok(ctrl(c)),
                _ => Err(format!(
                    "`{text}`: only a letter, digit or sign goes with ctrl- (e.g. `ctrl-n`)"
                )),
            };
        }
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && !c.is_control()
        {
            return Ok(ch(c));
        }
        if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
            return Ok(key(*code));
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
            && (1..=12).contains(&n)
        {
            return Ok(key(KeyCode::F(n)));
        }
        Err(format!(
            "`{text}` is not a key: write a character (`j`, `G`, `?`), ctrl- and one (`ctrl-n`), f1 to f12, or one of {}",
            NAMED
                .iter()
                .map(|(n, _)| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

/// Keys with names in the config file.
const NAMED: &[(&str, KeyCode)] = &[
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("space", KeyCode::Char(' ')),
];

/// The name of an action in the config file: `down`, `view-map`,
/// `answer-1`. Within a context each action is bound once, so a context
/// and an action name say which binding.
pub fn action_name(action: &Action) -> String {
    let name = match action {
        Action::Quit => "quit",
        Action::Up => "up",
        Action::Down => "down",
        Action::PageUp => "page-up",
        Action::PageDown => "page-down",
        Action::Top => "top",
        Action::Bottom => "bottom",
        Action::NextPane => "next-pane",
        Action::PrevPane => "previous-pane",
        Action::Follow => "open",
        Action::Back => "back",
        Action::Clear => "close",
        Action::ToggleHelp => "help",
        Action::SwitchView(view) => return format!("view-{}", view.title().to_lowercase()),
        Action::OpenSearch => "search",
        Action::Edit(Edit::Left) => "cursor-left",
        Action::Edit(Edit::Right) => "cursor-right",
        Action::Edit(Edit::Home) => "line-start",
        Action::Edit(Edit::End) => "line-end",
        Action::Edit(Edit::Backspace) => "delete-back",
        Action::Edit(Edit::Delete) => "delete-forward",
        Action::Edit(Edit::DeleteWord) => "delete-word",
        Action::Edit(Edit::DeleteToStart) => "delete-to-start",
        Action::Left => "left",
        Action::Right => "right",
        Action::Choose(n) => return format!("answer-{}", n + 1),
        Action::Next => "next",
        Action::NewRound => "new-round",
        Action::ToggleKind => "toggle-kind",
        Action::TogglePresent => "present",
        Action::CopyQuote => "copy",
        Action::CopyCitation => "copy-citation",
        // Not keys: the pointer's actions and events from the terminal, the
        // worker and the loader.
        Action::Edit(_)
        | Action::FocusPane(_)
        | Action::SelectRow { .. }
        | Action::ScrollPane { .. }
        | Action::SelectResult(_)
        | Action::Resize { .. }
        | Action::SearchResults(_)
        | Action::Reloaded(_)
        | Action::Loading(_)
        | Action::IndexReady(_) => "event",
    };
    name.to_string()
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help overlay says.
    pub desc: &'static str,
    /// The footer's short word, for the bindings worth a hint.
    pub hint: Option<&'static str>,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    desc: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        desc,
        hint,
    }
}

use Context::{
    Compare, Detail, Explore, Global, Help, List, Map, Quiz, QuizSummary, Search, Timeline, Tour,
};

/// Every context, in the order help lists them.
pub const CONTEXTS: [Context; 12] = [
    Global,
    Explore,
    List,
    Detail,
    Search,
    Map,
    Compare,
    Timeline,
    Tour,
    Quiz,
    QuizSummary,
    Help,
];

// One binding per line reads as a table; rustfmt would spread each over
// seven lines.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Help overlay.
    bind(Help, &[key(KeyCode::Up), ch('k')], Action::Up, "scroll up", None),
    bind(Help, &[key(KeyCode::Down), ch('j')], Action::Down, "scroll down", Some("scroll")),
    bind(Help, &[key(KeyCode::PageUp)], Action::PageUp, "page up", None),
    bind(Help, &[key(KeyCode::PageDown)], Action::PageDown, "page down", None),
    bind(Help, &[key(KeyCode::Esc), ch('?')], Action::ToggleHelp, "close help", Some("close")),
    // Search field.
    bind(Search, &[key(KeyCode::Esc)], Action::Clear, "close search, back to where you were", Some("close")),
    bind(Search, &[key(KeyCode::Enter)], Action::Follow, "open the quote in Detail", Some("open")),
    bind(Search, &[key(KeyCode::Up), ctrl('p'), ctrl('k')], Action::Up, "previous result", None),
    bind(Search, &[key(KeyCode::Down), ctrl('n'), ctrl('j')], Action::Down, "next result", Some("results")),
    bind(Search, &[key(KeyCode::PageUp)], Action::PageUp, "page up", None),
    bind(Search, &[key(KeyCode::PageDown)], Action::PageDown, "page down", None),
    bind(Search, &[key(KeyCode::Left)], Action::Edit(Edit::Left), "cursor left", None),
    bind(Search, &[key(KeyCode::Right)], Action::Edit(Edit::Right), "cursor right", None),
    bind(Search, &[key(KeyCode::Home), ctrl('a')], Action::Edit(Edit::Home), "start of the line", None),
    bind(Search, &[key(KeyCode::End), ctrl('e')], Action::Edit(Edit::End), "end of the line", None),
    bind(Search, &[key(KeyCode::Backspace), ctrl('h')], Action::Edit(Edit::Backspace), "delete the char before the cursor", None),
    bind(Search, &[key(KeyCode::Delete), ctrl('d')], Action::Edit(Edit::Delete), "delete the char under the cursor", None),
    bind(Search, &[ctrl('w')], Action::Edit(Edit::DeleteWord), "delete the word before the cursor", Some("del word")),
    bind(Search, &[ctrl('u')], Action::Edit(Edit::DeleteToStart), "delete to the start of the line", None),
    // Lists.
    bind(List, &[key(KeyCode::Up), ch('k')], Action::Up, "previous item", Some("move")),
    bind(List, &[key(KeyCode::Down), ch('j')], Action::Down, "next item", Some("move")),
    bind(List, &[key(KeyCode::PageUp)], Action::PageUp, "page up", None),
    bind(List, &[key(KeyCode::PageDown)], Action::PageDown, "page down", None),
    bind(List, &[ch('g'), key(KeyCode::Home)], Action::Top, "first item", None),
    bind(List, &[ch('G'), key(KeyCode::End)], Action::Bottom, "last item", None),
    bind(List, &[key(KeyCode::Enter)], Action::Follow, "open the item in Detail", Some("open")),
    // Detail.
    bind(Detail, &[key(KeyCode::Up), ch('k')], Action::Up, "previous related item", Some("links")),
    bind(Detail, &[key(KeyCode::Down), ch('j')], Action::Down, "next related item", Some("links")),
    bind(Detail, &[key(KeyCode::PageUp)], Action::PageUp, "scroll the text up", None),
    bind(Detail, &[key(KeyCode::PageDown)], Action::PageDown, "scroll the text down", Some("scroll")),
    bind(Detail, &[ch('g'), key(KeyCode::Home)], Action::Top, "first related item", None),
    bind(Detail, &[ch('G'), key(KeyCode::End)], Action::Bottom, "last related item", None),
    bind(Detail, &[key(KeyCode::Enter)], Action::Follow, "follow the related item", Some("follow")),
    // Any Explore pane.
    bind(Explore, &[key(KeyCode::Tab)], Action::NextPane, "next pane", Some("pane")),
    bind(Explore, &[key(KeyCode::BackTab)], Action::PrevPane, "previous pane", None),
    bind(Explore, &[key(KeyCode::Backspace)], Action::Back, "back to what Detail showed before", Some("back")),
    bind(Explore, &[key(KeyCode::Esc)], Action::Clear, "clear the filter", Some("clear")),
    // Map.
    bind(Map, &[key(KeyCode::Left), ch('h')], Action::Left, "nearest point to the left", Some("move")),
    bind(Map, &[key(KeyCode::Right), ch('l')], Action::Right, "nearest point to the right", Some("move")),
    bind(Map, &[key(KeyCode::Up), ch('k')], Action::Up, "nearest point above", Some("move")),
    bind(Map, &[key(KeyCode::Down), ch('j')], Action::Down, "nearest point below", Some("move")),
    bind(Map, &[key(KeyCode::Enter)], Action::Follow, "open the point in Explore", Some("open")),
    bind(Map, &[key(KeyCode::Esc)], Action::Clear, "back to Explore", Some("back")),
    // Compare.
    bind(Compare, &[key(KeyCode::Left), ch('h')], Action::Left, "change the left side", Some("side")),
    bind(Compare, &[key(KeyCode::Right), ch('l')], Action::Right, "change the right side", Some("side")),
    bind(Compare, &[key(KeyCode::Up), ch('k')], Action::Up, "previous item on that side", Some("item")),
    bind(Compare, &[key(KeyCode::Down), ch('j')], Action::Down, "next item on that side", Some("item")),
    bind(Compare, &[ch('t')], Action::ToggleKind, "compare approaches or actors", Some("kind")),
    bind(Compare, &[key(KeyCode::PageUp)], Action::PageUp, "scroll up", Some("scroll")),
    bind(Compare, &[key(KeyCode::PageDown)], Action::PageDown, "scroll down", Some("scroll")),
    bind(Compare, &[key(KeyCode::Esc)], Action::Clear, "back to Explore", Some("back")),
    // Timeline.
    bind(Timeline, &[key(KeyCode::Up), ch('k')], Action::Up, "earlier event", Some("move")),
    bind(Timeline, &[key(KeyCode::Down), ch('j')], Action::Down, "later event", Some("move")),
    bind(Timeline, &[ch('g'), key(KeyCode::Home)], Action::Top, "first event", None),
    bind(Timeline, &[ch('G'), key(KeyCode::End)], Action::Bottom, "last event", None),
    bind(Timeline, &[key(KeyCode::Enter)], Action::Follow, "open the event in Explore", Some("open")),
    bind(Timeline, &[key(KeyCode::Esc)], Action::Clear, "back to Explore", Some("back")),
    // Tour.
    bind(Tour, &[key(KeyCode::Right), ch(' '), ch('l'), key(KeyCode::PageDown)], Action::Next, "next slide", Some("next")),
    bind(Tour, &[key(KeyCode::Left), ch('h'), key(KeyCode::PageUp)], Action::Left, "previous slide", Some("previous")),
    bind(Tour, &[key(KeyCode::Up), ch('k')], Action::Up, "scroll the slide's view up", None),
    bind(Tour, &[key(KeyCode::Down), ch('j')], Action::Down, "scroll the slide's view down", Some("more")),
    bind(Tour, &[ch('g'), key(KeyCode::Home)], Action::Top, "first slide", None),
    bind(Tour, &[ch('G'), key(KeyCode::End)], Action::Bottom, "last slide", None),
    bind(Tour, &[key(KeyCode::Enter)], Action::Follow, "open the slide's item in Explore", Some("open")),
    bind(Tour, &[key(KeyCode::Esc)], Action::Clear, "back to Explore", Some("back")),
    // Quiz. Answers are letters: the digits open the views, as the tab
    // bar says, in the quiz too.
    bind(Quiz, &[ch('a')], Action::Choose(0), "answer a", Some("answer")),
    bind(Quiz, &[ch('b')], Action::Choose(1), "answer b", None),
    bind(Quiz, &[ch('c')], Action::Choose(2), "answer c", None),
    bind(Quiz, &[ch('d')], Action::Choose(3), "answer d", None),
    bind(Quiz, &[key(KeyCode::Up), ch('k')], Action::Up, "previous answer", None),
    bind(Quiz, &[key(KeyCode::Down), ch('j')], Action::Down, "next answer", None),
    bind(Quiz, &[key(KeyCode::Enter)], Action::Follow, "answer with the marked one, or go on", Some("ok")),
    bind(Quiz, &[ch(' '), key(KeyCode::Right)], Action::Next, "next question, once answered", Some("next")),
    bind(Quiz, &[ch('t')], Action::ToggleKind, "another kind of question: who, stance, approach, sources, mixed (same seed; a round under way is kept for when you come back)", Some("kind")),
    bind(Quiz, &[key(KeyCode::Esc)], Action::Clear, "back to Explore", Some("back")),
    // Quiz summary.
    bind(QuizSummary, &[key(KeyCode::Up), ch('k')], Action::Up, "scroll up", None),
    bind(QuizSummary, &[key(KeyCode::Down), ch('j')], Action::Down, "scroll down", Some("scroll")),
    bind(QuizSummary, &[key(KeyCode::PageUp)], Action::PageUp, "page up", None),
    bind(QuizSummary, &[key(KeyCode::PageDown)], Action::PageDown, "page down", None),
    bind(QuizSummary, &[ch('n')], Action::NewRound, "a new round (the next seed)", Some("new round")),
    bind(QuizSummary, &[ch('t')], Action::ToggleKind, "another kind of question (same seed)", Some("kind")),
    bind(QuizSummary, &[key(KeyCode::Esc)], Action::Clear, "back to Explore", Some("back")),
    // Everywhere.
    bind(Global, &[ch('/')], Action::OpenSearch, "search quotes (fuzzy)", Some("search")),
    bind(Global, &[ch('1')], Action::SwitchView(View::Explore), "Explore view", None),
    bind(Global, &[ch('2')], Action::SwitchView(View::Map), "stance map", None),
    bind(Global, &[ch('3')], Action::SwitchView(View::Compare), "compare side by side", None),
    bind(Global, &[ch('4')], Action::SwitchView(View::Timeline), "timeline", None),
    bind(Global, &[ch('5')], Action::SwitchView(View::Tour), "guided tour", None),
    bind(Global, &[ch('6')], Action::SwitchView(View::Quiz), "quiz", None),
    bind(Global, &[ch('y')], Action::CopyQuote, "copy the quote with its citation", Some("copy")),
    bind(Global, &[ch('Y')], Action::CopyCitation, "copy the citation alone", None),
    bind(Global, &[ch('p')], Action::TogglePresent, "presenter mode on or off: bigger text and less chrome, for a projector", Some("leave presenter")),
    bind(Global, &[ch('?')], Action::ToggleHelp, "this help", Some("help")),
    bind(Global, &[ch('q'), ctrl('c')], Action::Quit, "quit", Some("quit")),
];

/// A binding in force: a default one, or one the config file changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub desc: &'static str,
    pub hint: Option<&'static str>,
}

/// The bindings in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    pub bindings: Vec<Bound>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS
                .iter()
                .map(|b| Bound {
                    context: b.context,
                    keys: b.keys.to_vec(),
                    action: b.action.clone(),
                    desc: b.desc,
                    hint: b.hint,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The bindings of one context, in table order.
    pub fn in_context(&self, context: Context) -> impl Iterator<Item = &Bound> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// Give the action named `action` in `context` these keys instead of
    /// its defaults. A clash with another binding is found by
    /// [`Keymap::clashes`] once every change is made (two actions may
    /// swap keys).
    pub fn rebind(&mut self, context: Context, action: &str, keys: Vec<Key>) -> Result<(), String> {
        if keys.is_empty() {
            return Err(format!("`{action}` needs at least one key"));
        }
        if context == Context::Search
            && let Some(k) = keys
                .iter()
                .find(|k| !k.ctrl && matches!(k.code, KeyCode::Char(_)))
        {
            return Err(format!(
                "`{}` types itself in the search field: bind a ctrl- key or a named key there",
                k.config_name()
            ));
        }
        match self
            .bindings
            .iter_mut()
            .find(|b| b.context == context && action_name(&b.action) == action)
        {
            Some(b) => {
                b.keys = keys;
                Ok(())
            }
            None => {
                let names: Vec<String> = self
                    .in_context(context)
                    .map(|b| action_name(&b.action))
                    .collect();
                let mut message = format!("no action `{action}` in [keys.{}]", context.name());
                match crate::data::check::closest(action, names.iter().map(String::as_str)) {
                    Some(near) => message.push_str(&format!("; did you mean `{near}`?")),
                    None => message.push_str(&format!(" (its actions: {})", names.join(", "))),
                }
                Err(message)
            }
        }
    }

    /// Keys bound to two actions in one context: (context, key, the
    /// actions' names).
    pub fn clashes(&self) -> Vec<(Context, Key, [String; 2])> {
        let mut out = Vec::new();
        for context in CONTEXTS {
            let mut seen: Vec<(Key, &Action)> = Vec::new();
            for b in self.in_context(context) {
                for k in &b.keys {
                    match seen.iter().find(|(s, _)| s == k) {
                        Some((_, other)) if **other != b.action => {
                            out.push((context, *k, [action_name(other), action_name(&b.action)]))
                        }
                        Some(_) => {}
                        None => seen.push((*k, &b.action)),
                    }
                }
            }
        }
        out
    }
}

/// The contexts active now, most specific first.
pub fn contexts(app: &App) -> Vec<Context> {
    if app.screen.help.is_some() {
        return vec![Help, Global];
    }
    if app.search.is_some() {
        return vec![Search, Global];
    }
    match app.view {
        View::Explore => {
            let pane = if app.explore.focus == Pane::Detail {
                Detail
            } else {
                List
            };
            vec![pane, Explore, Global]
        }
        View::Map => vec![Map, Global],
        View::Compare => vec![Compare, Global],
        View::Timeline => vec![Timeline, Global],
        View::Tour => vec![Tour, Global],
        View::Quiz => match &app.quiz.playing {
            Some(Ok(q)) if q.finished() => vec![QuizSummary, Global],
            _ => vec![Quiz, Global],
        },
    }
}

/// The action a key press means now, if any. Key releases and repeats of
/// terminals that report them are ignored: one press, one action.
pub fn action_for(app: &App, event: KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let pressed = Key {
        code: event.code,
        ctrl,
    };
    for context in contexts(app) {
        if let Some(b) = app
            .keymap
            .in_context(context)
            .find(|b| b.keys.contains(&pressed))
        {
            return Some(b.action.clone());
        }
        // In the search field every other printable key types itself,
        // before any global binding (so `q` is a letter there, not quit).
        if context == Search
            && let KeyCode::Char(c) = event.code
            && !ctrl
            && !alt
        {
            return Some(Action::Edit(Edit::Insert(c)));
        }
    }
    None
}

pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

/// The help overlay's lines: a heading per context, then "keys  what".
pub fn help_lines(keymap: &Keymap) -> Vec<(Option<&'static str>, String, &'static str)> {
    let mut out = Vec::new();
    for context in CONTEXTS {
        out.push((Some(context.title()), String::new(), ""));
        for b in keymap.in_context(context) {
            out.push((None, keys_label(&b.keys), b.desc));
        }
    }
    out.push((Some("Search syntax"), String::new(), ""));
    for (syntax, what) in crate::search::query::SYNTAX {
        out.push((None, syntax.to_string(), what));
    }
    out.push((Some("Mouse"), String::new(), ""));
    out.push((None, "click".into(), "focus a pane and select a row"));
    out.push((
        None,
        "wheel".into(),
        "move through the list under the pointer",
    ));
    out
}

/// One row of the help overlay as drawn `width` columns wide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    /// Keys (on the first row of a binding only) and a piece of the
    /// description: descriptions wrap at words, never cut.
    Entry {
        keys: String,
        text: String,
    },
}

/// The help overlay's rows at `width` columns: the key column as wide as
/// the widest keys when that leaves a readable description column; when
/// it does not, long keys take a row of their own, the description
/// under them.
pub fn help_rows(keymap: &Keymap, width: usize) -> Vec<HelpRow> {
    let lines = help_lines(keymap);
    let widest = lines
        .iter()
        .map(|(_, k, _)| crate::text::width(k))
        .max()
        .unwrap_or(0);
    // Two columns of margin, two between keys and description.
    let key_col = widest.min(width.saturating_sub(4) / 2);
    let text_col = width.saturating_sub(key_col + 4).max(1);
    let mut out = Vec::new();
    for (heading, keys, desc) in lines {
        if let Some(h) = heading {
            out.push(HelpRow::Heading(h));
            continue;
        }
        let mut pieces = crate::text::wrap(desc, text_col).into_iter();
        if crate::text::width(&keys) > key_col {
            out.push(HelpRow::Entry {
                keys,
                text: String::new(),
            });
        } else {
            out.push(HelpRow::Entry {
                keys,
                text: pieces.next().unwrap_or_default(),
            });
        }
        out.extend(pieces.map(|text| HelpRow::Entry {
            keys: String::new(),
            text,
        }));
    }
    out
}

/// Columns the key column of `help_rows(width)` takes, margins included.
pub fn help_key_column(keymap: &Keymap, width: usize) -> usize {
    let widest = help_lines(keymap)
        .iter()
        .map(|(_, k, _)| crate::text::width(k))
        .max()
        .unwrap_or(0);
    widest.min(width.saturating_sub(4) / 2) + 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    fn app() -> App {
        App::new(
            load(None).unwrap().checked.dataset.unwrap(),
            ratatui::layout::Rect::new(0, 0, 80, 24),
        )
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_dispatch_through_the_focused_context_first() {
        let mut a = app();
        assert_eq!(
            action_for(&a, press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(&a, press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&a, press(KeyCode::Char('c'), KeyModifiers::NONE)),
            None
        );
        // Shift arrives with capitals on some terminals: G is still G.
        assert_eq!(
            action_for(&a, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        a.screen.help = Some(0);
        assert_eq!(
            action_for(&a, press(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            action_for(&a, press(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let a = app();
        let mut e = press(KeyCode::Char('j'), KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert_eq!(action_for(&a, e), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in CONTEXTS {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.context == context) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} twice in {context:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let lines = help_lines(&Keymap::default());
        for b in BINDINGS {
            assert!(
                lines
                    .iter()
                    .any(|(_, keys, desc)| *keys == keys_label(b.keys) && *desc == b.desc),
                "{} missing from help",
                b.desc
            );
        }
    }

    #[test]
    fn every_binding_has_a_name_unique_in_its_context() {
        for context in CONTEXTS {
            assert_eq!(Context::named(context.name()), Some(context));
            let names: Vec<String> = BINDINGS
                .iter()
                .filter(|b| b.context == context)
                .map(|b| action_name(&b.action))
                .collect();
            for (i, n) in names.iter().enumerate() {
                assert_ne!(n, "event");
                assert!(!names[..i].contains(n), "{n} twice in {context:?}");
            }
        }
    }

    #[test]
    fn every_default_key_reads_back_from_its_config_name() {
        for b in BINDINGS {
            for k in b.keys {
                assert_eq!(Key::parse(&k.config_name()), Ok(*k), "{k:?}");
            }
        }
        assert_eq!(Key::parse("Ctrl-N"), Ok(ctrl('n')));
        assert_eq!(Key::parse("PageDown"), Ok(key(KeyCode::PageDown)));
        assert_eq!(Key::parse("f5"), Ok(key(KeyCode::F(5))));
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn a_rebound_key_dispatches_and_shows_in_help_and_hints() {
        let mut keymap = Keymap::default();
        keymap
            .rebind(List, "down", vec![key(KeyCode::Down), ch('n')])
            .unwrap();
        keymap.rebind(Global, "quit", vec![ch('x')]).unwrap();
        assert!(keymap.clashes().is_empty());
        let mut a = app();
        a.keymap = std::sync::Arc::new(keymap);
        let press_char = |a: &App, c| action_for(a, press(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(press_char(&a, 'n'), Some(Action::Down));
        assert_eq!(press_char(&a, 'j'), None);
        assert_eq!(press_char(&a, 'x'), Some(Action::Quit));
        assert_eq!(press_char(&a, 'q'), None);
        let hints = crate::app::footer::hints(&a);
        let shown = |label: &str, what: &str| {
            hints
                .iter()
                .any(|h| h.label.ends_with(label) && h.what == what)
        };
        assert!(shown("↓/n", "move"), "{hints:?}");
        assert!(shown("x", "quit"), "{hints:?}");
        let help = help_lines(&a.keymap);
        assert!(help.contains(&(None, "↓/n".to_string(), "next item")));
        assert!(help.contains(&(None, "x".to_string(), "quit")));
    }

    #[test]
    fn rebinding_is_checked() {
        let mut keymap = Keymap::default();
        assert_eq!(
            keymap.rebind(List, "dowm", vec![ch('n')]),
            Err("no action `dowm` in [keys.list]; did you mean `down`?".into())
        );
        assert!(keymap.rebind(Search, "down", vec![ch('n')]).is_err());
        assert!(keymap.rebind(Search, "down", vec![ctrl('n')]).is_ok());
        assert!(keymap.rebind(List, "down", vec![]).is_err());
        // Two actions swapping keys is fine once both are changed.
        keymap.rebind(List, "down", vec![ch('k')]).unwrap();
        assert_eq!(keymap.clashes().len(), 1);
        keymap.rebind(List, "up", vec![ch('j')]).unwrap();
        assert!(keymap.clashes().is_empty());
    }
}
