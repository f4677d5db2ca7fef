//! The footer: which keys do something now, and which of them fit.
//!
//! It reads the keymap ([`super::keymap`]) and asks the state how far
//! things scroll; the keymap itself knows nothing of either, so dispatch
//! stays a pure table lookup.

use crossterm::event::KeyCode;

use super::keymap::{Context, Key, contexts, keys_label};
use super::{Action, App, Edit, Pane};
use Context::{
    Compare, Detail, Explore, Global, Help, List, Map, Quiz, QuizSummary, Search, Timeline, Tour,
};

/// One hint of the footer: the keys, how they are written, and the word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: Vec<Key>,
    pub label: String,
    pub what: &'static str,
    /// Written as a range (`a-d`), which is already short.
    pub range: bool,
    /// The label when the footer is short of room: the first key of
    /// each binding (`↑/↓` for `↑/k/↓/j move`), or the range.
    pub short: String,
    /// Where the keys are bound: only hints of one context merge.
    pub context: Context,
}

/// Whether `action`, bound in `context`, would do something now. The
/// footer names only keys that do (help lists them all, whatever the
/// state): no `y copy` where there is nothing to copy, no `Esc clear`
/// without a filter, no `next` before the question is answered.
pub fn available(app: &App, context: Context, action: &Action) -> bool {
    match context {
        Global | Help => chrome_available(app, context, action),
        Search => search_available(app, action),
        List | Detail | Explore => explore_available(app, context, action),
        Map | Compare | Timeline | Tour => view_available(app, context, action),
        Quiz | QuizSummary => quiz_available(app, context, action),
    }
}

/// Whether the selection at `c` is the last of `len`.
fn at_end(c: super::Cursor, len: usize) -> bool {
    c.selected + 1 >= len
}

/// [`available`] for the keys of every view and of the help overlay.
fn chrome_available(app: &App, context: Context, action: &Action) -> bool {
    match (context, action) {
        // Turning presenter mode on is in help; the footer, which
        // presenter mode keeps short, says how to leave it.
        (Global, Action::TogglePresent) => app.screen.present,
        (Global, Action::CopyQuote | Action::CopyCitation) => {
            super::copy::copy_target(app).is_some()
        }
        (Help, Action::Down | Action::PageDown) => {
            app.screen.help.unwrap_or(0) < super::measure::help_scroll_max(app)
        }
        (Help, Action::Up | Action::PageUp) => app.screen.help.unwrap_or(0) > 0,
        _ => true,
    }
}

/// [`available`] for the search field's keys.
fn search_available(app: &App, action: &Action) -> bool {
    let Some(s) = &app.search else { return false };
    match action {
        Action::Follow => !s.hits.is_empty() || !s.done,
        Action::Down | Action::PageDown => !at_end(s.cursor, s.hits.len()),
        Action::Up | Action::PageUp => s.cursor.selected > 0,
        Action::Edit(Edit::DeleteWord) => s.input.cursor() > 0,
        _ => true,
    }
}

/// [`available`] for the keys of the Explore view, its lists and Detail.
fn explore_available(app: &App, context: Context, action: &Action) -> bool {
    match (context, action) {
        (List, Action::Down | Action::PageDown) => {
            !at_end(app.cursor(app.explore.focus), app.len(app.explore.focus))
        }
        (List, Action::Up | Action::PageUp) => app.cursor(app.explore.focus).selected > 0,
        (List, Action::Follow) => app.len(app.explore.focus) > 0,
        (Detail, Action::Down) => !at_end(app.explore.link_cursor, app.links().len()),
        (Detail, Action::Up) => app.explore.link_cursor.selected > 0,
        (Detail, Action::Follow) => !app.links().is_empty(),
        (Detail, Action::PageDown) => {
            app.explore.detail_scroll < super::measure::detail_scroll_max(app)
        }
        (Explore, Action::Back) => {
            !app.explore.history.is_empty()
                || app.explore.pinned.is_some()
                || app.explore.focus == Pane::Detail
        }
        (Explore, Action::Clear) => app.explore.filter.is_some(),
        _ => true,
    }
}

/// [`available`] for the keys of the Map, Compare, Timeline and Tour
/// views.
fn view_available(app: &App, context: Context, action: &Action) -> bool {
    match (context, action) {
        (Map, Action::Follow) => !super::map::points(&app.corpus.data).is_empty(),
        (Map, Action::Left | Action::Right | Action::Up | Action::Down) => {
            use super::map::Direction;
            let direction = match action {
                Action::Left => Direction::Left,
                Action::Right => Direction::Right,
                Action::Up => Direction::Up,
                _ => Direction::Down,
            };
            let points = super::map::points(&app.corpus.data);
            super::map::step(&points, app.map.selected, direction) != app.map.selected
        }
        (Compare, Action::Left) => app.compare.side == super::compare::Side::Right,
        (Compare, Action::Right) => app.compare.side == super::compare::Side::Left,
        (Compare, Action::Up | Action::Down) => app.compare.len(&app.corpus.data) > 1,
        (Timeline, Action::Down) => !at_end(app.timeline.cursor, app.timeline.order.len()),
        (Timeline, Action::Up) => app.timeline.cursor.selected > 0,
        (Timeline, Action::Follow) => !app.timeline.order.is_empty(),
        (Tour, Action::Next) => app.tour.step + 1 < app.corpus.data.tour.len(),
        (Tour, Action::Left) => app.tour.step > 0,
        (Tour, Action::Down) => app.tour.scroll < super::measure::tour_scroll_max(app),
        (Tour, Action::Up) => app.tour.scroll > 0,
        (Tour, Action::Follow) => app
            .corpus
            .data
            .tour
            .get(app.tour.step)
            .is_some_and(|s| s.focus.is_some()),
        (Compare, Action::PageDown) => app.compare.scroll < super::measure::compare_scroll_max(app),
        (Compare, Action::PageUp) => app.compare.scroll > 0,
        _ => true,
    }
}

/// [`available`] for the keys of a quiz question and of its summary.
fn quiz_available(app: &App, context: Context, action: &Action) -> bool {
    match (context, action) {
        (QuizSummary, Action::Down | Action::PageDown) => {
            matches!(&app.quiz.playing, Some(Ok(q)) if q.scroll < super::measure::quiz_scroll_max(app))
        }
        (QuizSummary, Action::Up | Action::PageUp) => {
            matches!(&app.quiz.playing, Some(Ok(q)) if q.scroll > 0)
        }
        (Quiz, Action::Choose(n)) => {
            matches!(&app.quiz.playing, Some(Ok(q)) if q.chosen.is_none() && !q.finished())
                && *n < options_now(app)
        }
        (Quiz, Action::Next) => matches!(&app.quiz.playing, Some(Ok(q)) if q.chosen.is_some()),
        _ => true,
    }
}

/// How many options the question on screen offers (0 when none is).
fn options_now(app: &App) -> usize {
    match &app.quiz.playing {
        Some(Ok(q)) => q.question().map_or(0, |q| q.options.len()),
        _ => 0,
    }
}

/// Footer hints for the active contexts, every key of each binding that
/// does something now.
pub fn hints(app: &App) -> Vec<Hint> {
    let typing = app.search.is_some() && app.screen.help.is_none();
    let mut taken: Vec<Key> = Vec::new();
    let mut out = Vec::new();
    for context in contexts(app) {
        let mut here = Vec::new();
        for b in app.keymap.in_context(context) {
            // Over the help, the explorer's keys wait: only quitting works.
            if app.screen.help.is_some() && context == Global && b.action != Action::Quit {
                continue;
            }
            // A key bound in a more specific context, or a plain letter
            // while typing, does not do what this binding says.
            let keys: Vec<Key> = b
                .keys
                .iter()
                .filter(|k| !taken.contains(k))
                .filter(|k| !(typing && !k.ctrl && matches!(k.code, KeyCode::Char(_))))
                .copied()
                .collect();
            here.extend(b.keys.iter().copied());
            if let (Some(what), false) = (b.hint, keys.is_empty())
                && available(app, context, &b.action)
            {
                // The four answer keys are four bindings; one hint says them.
                let range = b.action == Action::Choose(0);
                let (label, keys) = if range {
                    let all = app
                        .keymap
                        .in_context(context)
                        // Only the letters this question offers: a
                        // stance question may have three, not four.
                        .filter(|o| matches!(o.action, Action::Choose(n) if n < options_now(app)))
                        .flat_map(|o| o.keys.iter().copied())
                        .collect::<Vec<_>>();
                    (range_label(&all), all)
                } else {
                    (keys_label(&keys), keys)
                };
                // The bindings of one word side by side (↑ and ↓ "move")
                // are one hint.
                let first = keys.first().map(|k| keys_label(&[*k])).unwrap_or_default();
                if let Some(last) = out.last_mut().filter(|h: &&mut Hint| {
                    h.what == what && !range && !h.range && h.context == context
                }) {
                    last.keys.extend(keys);
                    last.label = keys_label(&last.keys);
                    last.short = format!("{}/{first}", last.short);
                    continue;
                }
                out.push(Hint {
                    short: if range { label.clone() } else { first },
                    keys,
                    label,
                    what,
                    range,
                    context,
                });
            }
        }
        taken.extend(here);
    }
    out
}

/// How long a hint stays when the footer is short of room: the way out
/// (quit, help, Esc) and the way around (the only key to the other panes
/// when one pane shows at a time) last; conveniences go first.
fn priority(what: &str) -> u8 {
    match what {
        "quit" | "help" | "close" | "back" | "pane" | "leave presenter" => 9,
        // "more": the rest of a tour slide's comparison or item.
        "answer" | "new round" | "next" | "previous" | "move" | "open" | "more" => 8,
        "results" | "search" | "links" | "ok" | "side" | "item" | "follow" => 6,
        "scroll" | "kind" | "clear" => 4,
        _ => 2,
    }
}

/// The hints the footer shows in `width` columns. Room is found first by
/// shortening the common part (each hint names its first key only:
/// `q quit`, not `q/Ctrl-C quit`), then by dropping the least needed
/// hints; a hint is never cut mid-word. `?` lists everything.
pub fn footer(app: &App, width: usize) -> Vec<Hint> {
    let cost = |h: &[Hint]| {
        (1 + h
            .iter()
            .map(|h| crate::text::width(&h.label) + crate::text::width(h.what) + 4)
            .sum::<usize>())
        .saturating_sub(3)
    };
    let mut hints = hints(app);
    // On a projector, only the way on and the way out.
    if app.screen.present {
        hints.retain(|h| priority(h.what) >= 8);
    }
    if cost(&hints) <= width {
        return hints;
    }
    for h in &mut hints {
        h.label = h.short.clone();
    }
    while cost(&hints) > width && !hints.is_empty() {
        let lowest = hints.iter().map(|h| priority(h.what)).min().unwrap_or(0);
        if let Some(i) = hints.iter().rposition(|h| priority(h.what) == lowest) {
            hints.remove(i);
        }
    }
    hints
}

/// Keys that run in order (`a`, `b`, `c`, `d`) as a range, `a-d`; any
/// others (remapped in the config file) one by one.
fn range_label(keys: &[Key]) -> String {
    let chars: Vec<char> = keys
        .iter()
        .filter_map(|k| match k.code {
            KeyCode::Char(c) if !k.ctrl => Some(c),
            _ => None,
        })
        .collect();
    let in_order = chars.len() == keys.len()
        && chars.len() > 2
        && chars
            .windows(2)
            .all(|w| u32::from(w[1]) == u32::from(w[0]) + 1);
    match (in_order, chars.first(), chars.last()) {
        (true, Some(first), Some(last)) => format!("{first}-{last}"),
        _ => keys_label(keys),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::ch;

    #[test]
    fn answer_keys_in_order_are_a_range_and_others_are_listed() {
        assert_eq!(range_label(&[ch('a'), ch('b'), ch('c'), ch('d')]), "a-d");
        assert_eq!(range_label(&[ch('1'), ch('2'), ch('3'), ch('4')]), "1-4");
        assert_eq!(
            range_label(&[ch('x'), ch('b'), ch('c'), ch('d')]),
            "x/b/c/d"
        );
    }
}
