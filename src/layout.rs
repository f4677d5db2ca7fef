//! Screen geometry, shared by rendering (where to draw) and by `update`
//! (which pane a click lands in, how many rows a page is). Pure arithmetic
//! on `Rect`s: every subtraction saturates, so no size can underflow.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use crate::text::width;

/// A pane of the Explore view, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Approaches,
    Actors,
    Reactions,
    Quotes,
    Detail,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Approaches,
        Pane::Actors,
        Pane::Reactions,
        Pane::Quotes,
        Pane::Detail,
    ];
    /// The panes that are lists of items, with a cursor each.
    pub const LISTS: [Pane; 4] = [
        Pane::Approaches,
        Pane::Actors,
        Pane::Reactions,
        Pane::Quotes,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Approaches => "Approaches",
            Pane::Actors => "Actors",
            Pane::Reactions => "Reactions",
            Pane::Quotes => "Quotes",
            Pane::Detail => "Detail",
        }
    }

    pub fn next(self) -> Pane {
        let i = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Pane::ALL[(i + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        let i = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Pane::ALL[(i + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }

    pub fn is_list(self) -> bool {
        self != Pane::Detail
    }
}

/// Below this the explorer shows only a "terminal too small" notice.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// Below this, one pane at a time; the others are a Tab away.
pub const COMPACT_WIDTH: u16 = 60;
pub const COMPACT_HEIGHT: u16 = 16;
/// From this width the Detail pane moves beside the lists.
pub const WIDE_WIDTH: u16 = 140;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every pane visible.
    Full,
    /// The focused pane alone.
    Single,
    TooSmall,
}

pub fn mode(area: Rect) -> Mode {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        Mode::TooSmall
    } else if area.width < COMPACT_WIDTH || area.height < COMPACT_HEIGHT {
        Mode::Single
    } else {
        Mode::Full
    }
}

/// The frame: a tab bar, the view's body, a status line and a footer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Frame {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn frame(area: Rect) -> Frame {
    let [tabs, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Frame {
        tabs,
        body,
        status,
        footer,
    }
}

/// Where each pane of the Explore view is; a hidden pane has an empty rect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Explore {
    /// In single-pane mode, the row naming every pane (empty otherwise).
    pub strip: Rect,
    pub approaches: Rect,
    pub actors: Rect,
    pub reactions: Rect,
    pub quotes: Rect,
    pub detail: Rect,
}

impl Explore {
    pub fn pane(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Approaches => self.approaches,
            Pane::Actors => self.actors,
            Pane::Reactions => self.reactions,
            Pane::Quotes => self.quotes,
            Pane::Detail => self.detail,
        }
    }

    /// The pane under a screen cell, if any.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|p| self.pane(*p).contains((column, row).into()))
    }
}

/// Lay out the Explore view in `body`. `approaches_len` lets the
/// Approaches pane take only the rows it needs, leaving the rest to Actors.
pub fn explore(body: Rect, mode: Mode, focus: Pane, approaches_len: usize) -> Explore {
    match mode {
        Mode::TooSmall => Explore::default(),
        Mode::Single => {
            // The strip naming the panes is worth a row only when the pane
            // keeps a few rows of its own.
            let strip_rows = u16::from(body.height >= 6);
            let [strip, pane] =
                Layout::vertical([Constraint::Length(strip_rows), Constraint::Min(0)]).areas(body);
            let mut e = Explore {
                strip,
                ..Explore::default()
            };
            match focus {
                Pane::Approaches => e.approaches = pane,
                Pane::Actors => e.actors = pane,
                Pane::Reactions => e.reactions = pane,
                Pane::Quotes => e.quotes = pane,
                Pane::Detail => e.detail = pane,
            }
            e
        }
        Mode::Full if body.width >= WIDE_WIDTH => {
            let [left, reactions, quotes, detail] = Layout::horizontal([
                Constraint::Percentage(22),
                Constraint::Percentage(24),
                Constraint::Percentage(24),
                Constraint::Percentage(30),
            ])
            .areas(body);
            all_panes(left, reactions, quotes, detail, approaches_len)
        }
        Mode::Full => {
            let [top, detail] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Min(5)]).areas(body);
            let [left, reactions, quotes] = Layout::horizontal([
                Constraint::Percentage(30),
                Constraint::Percentage(35),
                Constraint::Percentage(35),
            ])
            .areas(top);
            all_panes(left, reactions, quotes, detail, approaches_len)
        }
    }
}

/// Every pane shown: the left column split between Approaches and Actors.
fn all_panes(
    left: Rect,
    reactions: Rect,
    quotes: Rect,
    detail: Rect,
    approaches_len: usize,
) -> Explore {
    let (approaches, actors) = split_left(left, approaches_len);
    Explore {
        strip: Rect::default(),
        approaches,
        actors,
        reactions,
        quotes,
        detail,
    }
}

fn split_left(left: Rect, approaches_len: usize) -> (Rect, Rect) {
    // Approaches get their rows plus borders (at least one row, for the
    // "no approaches" message), but never more than half.
    let wanted = u16::try_from(approaches_len.max(1))
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let cap = (left.height / 2).max(3);
    let [a, b] = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(wanted.min(cap)), Constraint::Min(0)])
        .areas(left);
    (a, b)
}

/// The pane names of the single-pane strip and where each is drawn:
/// whole titles when they fit, else their first three letters.
pub fn strip_items(strip: Rect) -> Vec<(Pane, String, Rect)> {
    let full: usize = Pane::ALL.iter().map(|p| p.title().len() + 2).sum();
    let short = full > usize::from(strip.width);
    let mut x = strip.x;
    let mut out = Vec::new();
    for pane in Pane::ALL {
        let title = pane.title();
        let label = if short { &title[..3] } else { title };
        let label = format!(" {label} ");
        let w = u16::try_from(label.len()).unwrap_or(u16::MAX);
        let w = w.min(strip.right().saturating_sub(x));
        out.push((pane, label, Rect::new(x, strip.y, w, strip.height.min(1))));
        x = x.saturating_add(w);
    }
    out
}

/// The tab bar's first words, before the tabs.
pub const PROGRAM: &str = " stances ";

/// The label of tab `i` (0-based) titled `title`.
pub fn tab_label(i: usize, title: &str) -> String {
    format!(" {} {} ", i + 1, title)
}

/// Which of the tabs titled `titles` (in tab order) is at `column` of the
/// tab bar `area`: the program's name, then each label, one column apart.
pub fn tab_at(area: Rect, column: u16, titles: &[&str]) -> Option<usize> {
    let mut x = usize::from(area.x) + width(PROGRAM);
    for (i, title) in titles.iter().enumerate() {
        let w = width(&tab_label(i, title));
        if (x..x + w).contains(&usize::from(column)) {
            return Some(i);
        }
        x += w + 1;
    }
    None
}

/// The search screen: the field on top, results, and a preview of the
/// selected quote beside them when there is room.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Search {
    pub input: Rect,
    pub results: Rect,
    pub preview: Rect,
}

pub fn search(body: Rect) -> Search {
    let [input, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
    if rest.width >= 90 {
        let [results, preview] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(rest);
        Search {
            input,
            results,
            preview,
        }
    } else if rest.height >= 14 {
        let [results, preview] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
        Search {
            input,
            results,
            preview,
        }
    } else {
        Search {
            input,
            results: rest,
            preview: Rect::default(),
        }
    }
}

/// Inside a bordered pane: the rows available for content.
pub fn inner_height(r: Rect) -> usize {
    usize::from(r.height.saturating_sub(2))
}

/// The Detail pane's two parts: the item's text and its related links.
/// Side by side when there is room, else the links below.
pub fn detail_parts(detail: Rect) -> (Rect, Rect) {
    // Inside the border, with a column of padding on each side.
    let inner = Rect {
        x: detail.x.saturating_add(2),
        y: detail.y.saturating_add(1),
        width: detail.width.saturating_sub(4),
        height: detail.height.saturating_sub(2),
    };
    if inner.width >= 70 {
        let [text, _, links] = Layout::horizontal([
            Constraint::Percentage(60),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(inner);
        (text, links)
    } else {
        let [text, links] =
            Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(inner);
        (text, links)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_follow_the_size() {
        assert_eq!(mode(Rect::new(0, 0, 0, 0)), Mode::TooSmall);
        assert_eq!(mode(Rect::new(0, 0, 19, 30)), Mode::TooSmall);
        assert_eq!(mode(Rect::new(0, 0, 40, 12)), Mode::Single);
        assert_eq!(mode(Rect::new(0, 0, 80, 24)), Mode::Full);
    }

    #[test]
    fn at_80x24_every_pane_is_visible() {
        let area = Rect::new(0, 0, 80, 24);
        let f = frame(area);
        let e = explore(f.body, mode(area), Pane::Approaches, 4);
        for p in Pane::ALL {
            let r = e.pane(p);
            assert!(r.width >= 10 && r.height >= 3, "{p:?} {r:?}");
        }
    }

    #[test]
    fn no_size_panics() {
        for w in (0..=300).step_by(23) {
            for h in (0..=100).step_by(9) {
                let area = Rect::new(0, 0, w, h);
                let f = frame(area);
                for p in Pane::ALL {
                    let e = explore(f.body, mode(area), p, 100);
                    let _ = detail_parts(e.detail);
                }
            }
        }
    }
}
