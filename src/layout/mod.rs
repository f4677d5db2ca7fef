//! Screen geometry, shared by rendering (where to draw) and by `update`
//! (which pane a click lands in, how many rows a page is). Pure arithmetic
//! on `Rect`s: every subtraction saturates, so no size can underflow.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use crate::text::width;

pub mod map;
pub mod map_labels;

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
/// Three columns of lists narrower than this leave each under 20
/// columns, too few to tell rows apart ("“AI …” — Li Qiang").
pub const COMPACT_WIDTH: u16 = 80;
pub const COMPACT_HEIGHT: u16 = 16;
/// The Actors rows kept visible under a whole Approaches list.
const ACTORS_SHOWN: u16 = 4;
/// The rows the Detail pane keeps below the lists, borders included.
const DETAIL_KEPT: u16 = 8;
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

/// What presenter mode keeps of the chrome, in words: `--help`, the help
/// overlay and README say this, and `frame_for` does it.
pub const PRESENTER: &str = "Presenter mode, for a projector: bigger text (the name of what \
Explore, Map, Compare and Timeline show in the big font), no tab bar, no keys in pane titles, \
the status line only while it has a message (such as a copy confirmed), the footer only the \
keys to go on and out (p turns it on and off)";

/// The frame in presenter mode when `present` (see [`PRESENTER`]): no tab
/// bar, and a status row only while there is a `message` (a class needs no
/// counts, but a teacher who copies a quote needs to see it went), the
/// body taller by the rows saved, the footer kept for the way out.
pub fn frame_for(area: Rect, present: bool, message: bool) -> Frame {
    if !present {
        return frame(area);
    }
    let status_rows = u16::from(message);
    let [body, status, footer] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    Frame {
        tabs: Rect { height: 0, ..body },
        body,
        status,
        footer,
    }
}

/// Rows of one line of presenter mode's big font.
pub const BIG_GLYPH_H: u16 = 4;
/// Cells per character of the big font at quadrant size.
pub const BIG_GLYPH_W: u16 = 4;

/// `text` wrapped into at most `max_lines` lines of the big font in
/// `width` columns, or `None` when it does not fit or has characters
/// the font lacks.
pub fn big_lines(text: &str, width: u16, max_lines: usize) -> Option<Vec<String>> {
    let per_line = usize::from(width / BIG_GLYPH_W);
    if !text.is_ascii() || per_line < 8 {
        return None;
    }
    let lines = crate::text::wrap(text, per_line);
    (lines.len() <= max_lines && lines.iter().all(|l| l.len() <= per_line)).then_some(lines)
}

/// Rows a view keeps under presenter mode's big title, at the least: a
/// body shorter than this and the title's band shows no big title.
pub const PRESENT_VIEW_MIN: u16 = 20;

/// Presenter mode's Map, Compare and Timeline: a band over the view for
/// the name of what it shows in `big_lines` lines of the big font (and a
/// blank row), and the view below, where the body is tall enough to keep
/// `PRESENT_VIEW_MIN` rows for the view; else no band. The one split
/// for drawing and for the bounds of scrolling.
pub fn present_title(body: Rect, big_lines: u16) -> (Rect, Rect) {
    let band = big_lines * BIG_GLYPH_H + 1;
    if body.height < PRESENT_VIEW_MIN + band {
        return (Rect { height: 0, ..body }, body);
    }
    let [title, rest] =
        Layout::vertical([Constraint::Length(band), Constraint::Min(0)]).areas(body);
    (title, rest)
}

/// The rows of presenter mode's band over the view (see
/// [`present_title`]): one line of the big font for each of `names`, a
/// column in from each side.
pub fn present_title_rows(band: Rect, names: usize) -> Vec<Rect> {
    Layout::vertical((0..names).map(|_| Constraint::Length(BIG_GLYPH_H)))
        .split(pad_columns(band))
        .to_vec()
}

/// Presenter mode's Explore shows its big title only where its text has
/// at least these rows.
pub const PRESENT_EXPLORE_TITLE_MIN: u16 = 16;

/// Presenter mode's Explore in its `text` ([`padded_inner`]): the item's
/// name in `title_lines` lines of the big font and a blank row (no rows
/// when there is no big title), and Detail's text below.
pub fn present_explore(text: Rect, title_lines: Option<usize>) -> [Rect; 2] {
    let rows = title_lines.map_or(0, |n| {
        u16::try_from(n * usize::from(BIG_GLYPH_H) + 1).unwrap_or(0)
    });
    Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(text)
}

/// Presenter mode's Explore in `body`: the big title's lines for the
/// item's `name` (where they fit two lines and the text has
/// [`PRESENT_EXPLORE_TITLE_MIN`] rows), the title's band and the text
/// below. The one layout for drawing it and for the bounds of its
/// scrolling.
pub fn present_explore_in(body: Rect, name: &str) -> (Option<Vec<String>>, [Rect; 2]) {
    let text = padded_inner(body);
    let title = big_lines(name, text.width, 2).filter(|_| text.height >= PRESENT_EXPLORE_TITLE_MIN);
    let parts = present_explore(text, title.as_ref().map(Vec::len));
    (title, parts)
}

/// The big lines of presenter mode's title over `view` (Compare names its
/// two sides, a line each), or 0 where it has none.
pub fn present_title_lines(view_is_compare: bool) -> u16 {
    if view_is_compare { 2 } else { 1 }
}

/// Where Map, Compare (`compare`) or Timeline draws inside the body:
/// all of it, or in presenter mode what the big title leaves.
pub fn view_area(body: Rect, present: bool, compare: bool) -> Rect {
    if present {
        present_title(body, present_title_lines(compare)).1
    } else {
        body
    }
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

    /// The rows of a pane's list: inside a list pane's top and bottom
    /// borders; for Detail, its related links under their one-row rule.
    /// Where a click picks a row, and how many rows a page is.
    pub fn rows(&self, pane: Pane) -> Rect {
        if pane == Pane::Detail {
            let links = detail_parts(self.detail).1;
            Rect {
                y: links.y.saturating_add(1),
                height: links.height.saturating_sub(1),
                ..links
            }
        } else {
            let area = self.pane(pane);
            Rect {
                y: area.y.saturating_add(1),
                height: area.height.saturating_sub(2),
                ..area
            }
        }
    }
}

/// Lay out the Explore view in `body`. `lists` (the lengths of the
/// Approaches and Actors lists) let the Approaches pane take only the
/// rows it needs, leaving the rest to Actors.
pub fn explore(body: Rect, mode: Mode, focus: Pane, lists: (usize, usize)) -> Explore {
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
            all_panes(left, reactions, quotes, detail, lists)
        }
        Mode::Full => {
            // The lists take a little over half, more when that shows
            // every approach and a few actors under them, as long as
            // the Detail keeps enough rows to read an item by.
            let half = u16::try_from((u32::from(body.height) * 55 + 50) / 100).unwrap_or(0);
            let wanted = u16::try_from(lists.0.max(1).saturating_add(2))
                .unwrap_or(u16::MAX)
                .saturating_add(ACTORS_SHOWN + 2);
            let most = body.height.saturating_sub(DETAIL_KEPT);
            let top_rows = half.max(wanted.min(most));
            let [top, detail] =
                Layout::vertical([Constraint::Length(top_rows), Constraint::Min(5)]).areas(body);
            let [left, reactions, quotes] = Layout::horizontal([
                Constraint::Percentage(30),
                Constraint::Percentage(35),
                Constraint::Percentage(35),
            ])
            .areas(top);
            all_panes(left, reactions, quotes, detail, lists)
        }
    }
}

/// Every pane shown: the left column split between Approaches and Actors.
fn all_panes(
    left: Rect,
    reactions: Rect,
    quotes: Rect,
    detail: Rect,
    lists: (usize, usize),
) -> Explore {
    let (approaches, actors) = split_left(left, lists);
    Explore {
        strip: Rect::default(),
        approaches,
        actors,
        reactions,
        quotes,
        detail,
    }
}

fn split_left(left: Rect, (approaches_len, actors_len): (usize, usize)) -> (Rect, Rect) {
    let rows = |len: usize, lines: usize| len.max(1).saturating_mul(lines).saturating_add(2);
    // A tall column gives both lists rows of two lines or more (see
    // `row_lines`), the same in both, when both fit so.
    if left.width >= ROW_LINES_WIDTH {
        for lines in (2..=MAX_ROW_LINES).rev() {
            let (a, b) = (rows(approaches_len, lines), rows(actors_len, lines));
            if a.saturating_add(b) <= usize::from(left.height) {
                let a = u16::try_from(a).unwrap_or(u16::MAX);
                let [a, b] =
                    Layout::vertical([Constraint::Length(a), Constraint::Min(0)]).areas(left);
                return (a, b);
            }
        }
    }
    // Approaches get their rows plus borders (at least one row, for the
    // "no approaches" message): a short list whole as long as Actors keep
    // a few rows, a long one no more than half.
    let wanted = u16::try_from(rows(approaches_len, 1)).unwrap_or(u16::MAX);
    let cap = (left.height / 2)
        .max(left.height.saturating_sub(ACTORS_SHOWN + 2))
        .max(3);
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

/// The tab bar's first words, before the tabs, when there is room.
pub const PROGRAM: &str = " stances ";

/// One tab of the tab bar: which view (by index), its words, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub index: usize,
    pub label: String,
    pub area: Rect,
}

/// The tab bar: whether the program's name leads it, and every tab.
///
/// Every view keeps its tab and its number at every width (the number is
/// the key that opens it). What narrows is the common part, in this
/// order: the program's name goes, then the padding inside each tab, then
/// the titles of the tabs not shown (the shown one keeps its title).
pub fn tabs(area: Rect, titles: &[&str], active: usize) -> (bool, Vec<Tab>) {
    type Label = fn(usize, &str, bool) -> String;
    let padded: Label = |i, t, _| format!(" {} {t} ", i + 1);
    let tight: Label = |i, t, _| format!("{} {t}", i + 1);
    let numbers: Label = |i, t, shown| {
        if shown {
            format!("{} {t}", i + 1)
        } else {
            format!("{}", i + 1)
        }
    };
    // (program shown, columns before the first tab, labels). The
    // narrowest level needs every column: 20 is the smallest size drawn.
    let levels: [(bool, usize, Label); 4] = [
        (true, 0, padded),
        (false, 1, padded),
        (false, 1, tight),
        (false, 0, numbers),
    ];
    let available = usize::from(area.width);
    let build = |program: bool, lead: usize, label: Label| {
        let mut x = if program { width(PROGRAM) } else { lead };
        let mut out = Vec::new();
        for (i, title) in titles.iter().enumerate() {
            let text = label(i, title, i == active);
            let w = width(&text);
            out.push((i, text, x, w));
            x += w + 1;
        }
        (out, x.saturating_sub(1))
    };
    let mut chosen = build(false, 0, numbers);
    let mut with_program = false;
    for (program, lead, label) in levels {
        let (tabs, end) = build(program, lead, label);
        if end <= available {
            chosen = (tabs, end);
            with_program = program;
            break;
        }
    }
    let tabs = chosen
        .0
        .into_iter()
        .map(|(index, label, x, w)| Tab {
            index,
            label,
            area: Rect {
                x: area.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX)),
                y: area.y,
                width: u16::try_from(w).unwrap_or(0),
                height: area.height.min(1),
            }
            .intersection(area),
        })
        .collect();
    (with_program, tabs)
}

/// Which of the tabs titled `titles` (in tab order, `active` shown) is
/// at `column` of the tab bar `area`.
pub fn tab_at(area: Rect, column: u16, titles: &[&str], active: usize) -> Option<usize> {
    tabs(area, titles, active)
        .1
        .into_iter()
        .find(|t| t.area.contains((column, area.y).into()))
        .map(|t| t.index)
}

/// The help overlay: centred, up to `HELP_WIDTH` columns and as tall as
/// the screen allows, a column's margin all round.
pub fn help(area: Rect) -> Rect {
    let w = HELP_WIDTH.min(area.width.saturating_sub(2));
    let h = area.height.saturating_sub(2);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The help overlay's widest: keys and a description of a readable length.
pub const HELP_WIDTH: u16 = 72;

/// Inside a bordered view that fills the body (Compare, the quiz): the
/// rows and columns for its content.
pub fn bordered_inner(body: Rect) -> Rect {
    Rect {
        x: body.x.saturating_add(1),
        y: body.y.saturating_add(1),
        width: body.width.saturating_sub(2),
        height: body.height.saturating_sub(2),
    }
}

/// The loading notice over the body while a big dataset is read: a box
/// up to 70 columns by 6 rows, centred; and inside its border the rows
/// of what is read, its progress bar and a note.
pub fn loading(body: Rect) -> (Rect, [Rect; 3]) {
    let width = body.width.min(70);
    let height = 6;
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + body.height.saturating_sub(height) / 2,
        width,
        height: body.height.min(height),
    };
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(bordered_inner(area));
    (area, rows)
}

/// The problems in the watched files, over the bottom of the body: two
/// rows for each of `count` problems and the border, up to half the
/// body, and 3 rows at the least (where the body has them).
pub fn problems(body: Rect, count: usize) -> Rect {
    let wanted = u16::try_from(count * 2 + 2).unwrap_or(u16::MAX);
    let height = wanted.min(body.height / 2).max(3.min(body.height));
    Rect {
        y: body.bottom().saturating_sub(height),
        height,
        ..body
    }
}

/// The quiz's widest column of text: a question, its options and the
/// feedback read as one block, and on a wide terminal lines of 200
/// columns are too long to follow from option to option.
pub const QUIZ_WIDTH: u16 = 96;

/// The quiz's text: inside its border, a column of padding each side, and
/// no wider than `QUIZ_WIDTH`, centred.
pub fn quiz_text(body: Rect) -> Rect {
    let inner = bordered_inner(body);
    let width = inner.width.saturating_sub(2).min(QUIZ_WIDTH);
    Rect {
        x: inner.x + (inner.width - width) / 2,
        width,
        ..inner
    }
}

/// The text inside a bordered block: inside the border, a column of
/// padding each side (presenter mode's quiz and Explore, for the big
/// font; the tour's item in focus, the timeline's event, search's
/// preview).
pub fn padded_inner(framed: Rect) -> Rect {
    pad_columns(bordered_inner(framed))
}

/// `r` less a column each side.
fn pad_columns(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        width: r.width.saturating_sub(2),
        ..r
    }
}

/// Presenter mode's quiz in its `text`: the counter's row, the
/// question's heading in `title_rows`, its prompt in `prompt_rows`, and
/// the rest (options, feedback, source) below.
pub fn quiz_present_parts(text: Rect, title_rows: usize, prompt_rows: usize) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::try_from(title_rows).unwrap_or(2)),
        Constraint::Length(u16::try_from(prompt_rows).unwrap_or(2)),
        Constraint::Min(0),
    ])
    .areas(text)
}

/// Where a question starts inside the quiz's text: at the top, or on a
/// tall terminal (30 rows or more) a sixth of the way down, as far as the
/// `rows` the question needs leave room. The offset depends only on the
/// question, so answering (which adds feedback below) moves nothing.
pub fn quiz_question(text: Rect, rows: u16) -> Rect {
    if text.height < 30 {
        return text;
    }
    let offset = (text.height / 6).min(text.height.saturating_sub(rows));
    Rect {
        y: text.y + offset,
        height: text.height - offset,
        ..text
    }
}

/// The Timeline view in `area`: its list of `len` events and the selected
/// event's text, side by side from 90 columns, else one above the other,
/// the list as tall as its rows (at most 55% of the height, except on a
/// tour slide, `slide`).
pub fn timeline(area: Rect, slide: bool, len: usize) -> [Rect; 2] {
    if area.width >= 90 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    } else if slide {
        let rows = u16::try_from(len).unwrap_or(u16::MAX).saturating_add(2);
        Layout::vertical([Constraint::Max(rows), Constraint::Min(0)]).areas(area)
    } else {
        // One line an event when that shows them all, and the rest for the
        // selected event's text, which a second line per row (its actors,
        // which the text gives too) would cut short at 80x24.
        let rows = u16::try_from(len).unwrap_or(u16::MAX).saturating_add(2);
        let most = area.height.saturating_mul(55) / 100;
        Layout::vertical([Constraint::Length(rows.min(most)), Constraint::Min(0)]).areas(area)
    }
}

/// Compare's label column, before the two sides.
pub const COMPARE_LABEL: usize = 12;

/// The width of each of Compare's two sides inside `inner`: what is left
/// after the label column and the ` │ ` between them, halved.
pub fn compare_column(inner: Rect) -> usize {
    usize::from(inner.width).saturating_sub(COMPARE_LABEL + 3) / 2
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

/// The most lines one row of a list takes.
pub const MAX_ROW_LINES: usize = 6;
/// Narrower panes keep one line a row: a second line of a few words
/// says little.
pub const ROW_LINES_WIDTH: u16 = 24;

/// How many lines each row of a list of `len` rows takes in the bordered
/// pane `area`. One, unless every row fits on two lines or more: then
/// each row takes its share of the height (up to [`MAX_ROW_LINES`]), and
/// the lines beyond the first show more of its text or its detail, so a
/// tall pane shows what it has rather than rows of blank. As every row
/// then fits, such a list never scrolls, and a click's row is its line
/// divided by this.
pub fn row_lines(area: Rect, len: usize) -> usize {
    if len == 0 || area.width < ROW_LINES_WIDTH {
        return 1;
    }
    (inner_height(area) / len).clamp(1, MAX_ROW_LINES)
}

/// Lines each search result takes in the results pane `results` for
/// `len` hits: as [`row_lines`] when every hit fits on two lines or more;
/// else two in a pane tall and wide enough that a second line still
/// leaves a dozen rows (more of the quote, and where it matched), one
/// otherwise. Drawing, paging and the pointer all read this.
pub fn search_row_lines(results: Rect, len: usize) -> usize {
    let all = row_lines(results, len);
    if all > 1 {
        all
    } else if inner_height(results) >= 24 && results.width >= 50 {
        2
    } else {
        1
    }
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

    /// Every view keeps a numbered tab at every width the explorer draws,
    /// inside the bar, none overlapping; the shown one keeps its title.
    #[test]
    fn every_tab_shows_at_every_width() {
        let titles = ["Explore", "Map", "Compare", "Timeline", "Tour", "Quiz"];
        for w in MIN_WIDTH..=220 {
            for active in 0..titles.len() {
                let area = Rect::new(0, 0, w, 1);
                let (_, tabs) = tabs(area, &titles, active);
                assert_eq!(tabs.len(), titles.len(), "{w}");
                for (i, t) in tabs.iter().enumerate() {
                    assert!(t.label.contains(&(i + 1).to_string()), "{w}: {t:?}");
                    assert_eq!(usize::from(t.area.width), width(&t.label), "{w}: cut {t:?}");
                    assert!(t.area.right() <= area.right(), "{w}: {t:?}");
                    if i > 0 {
                        assert!(tabs[i - 1].area.right() < t.area.x, "{w}: overlap");
                    }
                    if i == active {
                        assert!(t.label.contains(titles[i]), "{w}: {t:?}");
                    }
                    let mid = t.area.x + t.area.width / 2;
                    assert_eq!(tab_at(area, mid, &titles, active), Some(i));
                }
            }
        }
        // At 60 columns every title is spelt out.
        let (_, tabs) = tabs(Rect::new(0, 0, 60, 1), &titles, 0);
        for (t, title) in tabs.iter().zip(titles) {
            assert!(t.label.contains(title), "{t:?}");
        }
    }
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
        let e = explore(f.body, mode(area), Pane::Approaches, (4, 20));
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
                    let e = explore(f.body, mode(area), p, (100, 100));
                    let _ = detail_parts(e.detail);
                }
            }
        }
    }
}

/// Cells per character of the tour's big font (tui-big-text, quadrant).
pub const GLYPH_W: u16 = 4;
pub const GLYPH_H: u16 = 4;
/// The widest a slide's text runs, in columns.
pub const SLIDE_WIDTH: u16 = 110;
/// The fewest rows a map, timeline or comparison on a slide is drawn in;
/// in fewer the slide names its item in one line instead.
pub const SLIDE_VIEW_ROWS: u16 = 6;

/// Whether a slide's `view` area is tall enough to draw its view in: a
/// map, timeline or comparison (`whole_view`) needs [`SLIDE_VIEW_ROWS`],
/// a list in a frame 3 rows (one row of it at least). The one test for
/// drawing the slide and for the bounds of its scrolling.
pub fn slide_view_fits(view: Rect, whole_view: bool) -> bool {
    view.height >= if whole_view { SLIDE_VIEW_ROWS } else { 3 }
}
/// The rows a slide's map or timeline asks for before the big title.
pub const SLIDE_VIEW_WANTS: usize = 12;

/// A tour slide inside its border: the title (big or plain), the step's
/// text, and the view or item under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    pub title: Rect,
    pub text: Rect,
    pub view: Rect,
    /// The title's lines in the big font; empty when it is plain text.
    pub big: Vec<String>,
}

/// Lays out a slide in `body` (the border included). `wants(width)` is how
/// many rows the slide's view or item needs to be shown whole at that
/// width: the big title gives way to a plain one when it would cut what
/// the slide talks about and the plain one would not cut as much.
pub fn tour_slide(body: Rect, title: &str, text: &str, wants: impl Fn(u16) -> usize) -> Slide {
    let inner = bordered_inner(body);
    // Lines longer than about a hundred columns are hard to follow on a
    // projector: a wide screen centres the slide instead.
    let width = inner.width.saturating_sub(2).min(SLIDE_WIDTH);
    let inner = Rect {
        x: inner.x + (inner.width - width) / 2,
        width,
        ..inner
    };
    let text_rows = u16::try_from(crate::text::wrap(text, usize::from(width)).len())
        .unwrap_or(u16::MAX)
        .saturating_add(1);
    // The big font has ASCII glyphs only, and the title must fit in two
    // lines of it.
    let per_line = usize::from(width / GLYPH_W);
    let big_lines = crate::text::wrap(title, per_line.max(1));
    let mut big = title.is_ascii() && big_lines.len() <= 2 && inner.height >= 14 && per_line >= 8;
    let big_rows = GLYPH_H * u16::try_from(big_lines.len()).unwrap_or(2);
    if big {
        let left =
            |title_rows: u16| usize::from(inner.height.saturating_sub(title_rows + text_rows));
        big = left(big_rows) >= wants(width).min(left(2));
    }
    let title_rows = if big { big_rows } else { 2 };
    let [title, text, view] = Layout::vertical([
        Constraint::Length(title_rows),
        Constraint::Length(text_rows),
        Constraint::Min(0),
    ])
    .areas(inner);
    Slide {
        title,
        text,
        view,
        big: if big { big_lines } else { Vec::new() },
    }
}
