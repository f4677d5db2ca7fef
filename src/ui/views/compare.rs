//! Two approaches or two actors side by side, row by row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::compare::{Kind, Side, TableLine};
use crate::layout::{self, COMPARE_LABEL as LABEL};
use crate::text::pad;
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::pane_block;

/// The Compare view: the whole table, its keys in the title.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    draw(app, theme, area, buf, None);
}

/// Compare on a tour slide: the compact table scrolled by `scroll` rows.
/// The tour's keys move between slides, so the title names no Compare
/// keys and no side is marked as the one the arrows change.
pub fn embedded(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, scroll: usize) {
    draw(app, theme, area, buf, Some(scroll));
}

/// `tour`: the scroll of a slide's compact table, or None for the view.
fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, tour: Option<usize>) {
    let c = &app.compare;
    let d = &app.corpus.data;
    let (title, what) = title(app, tour, area.width);
    let block = pane_block(theme, title, true);
    let inner = layout::bordered_inner(area);
    block.render(area, buf);
    let (Some(left), Some(right)) = (c.id(d, Side::Left), c.id(d, Side::Right)) else {
        Line::styled(
            format!("This dataset has fewer than two {what}."),
            theme.note,
        )
        .render(inner, buf);
        return;
    };
    let col = layout::compare_column(inner);
    if col < 4 {
        return;
    }
    let (lines, scroll) = match tour {
        Some(scroll) => (c.compact_table(d, col), scroll),
        None => (c.table(d, col), c.scroll),
    };
    // The names and the rule under them stay on top while the rows
    // scroll, so a scrolled table still says which column is which. The
    // rows shown are as many as without the pin, so the scroll's bound
    // (`measure::compare_scroll_max`) is the same.
    let pinned = lines
        .iter()
        .position(|l| matches!(l, TableLine::Rule))
        .map_or(1, |rule| rule + 1)
        .min(lines.len());
    let body = lines.len() - pinned;
    let shown: Vec<TableLine> = lines
        .iter()
        .take(pinned)
        .cloned()
        .chain(lines.iter().skip(pinned + scroll.min(body)).cloned())
        .take(usize::from(inner.height))
        .collect();
    for (row, line) in shown.into_iter().enumerate() {
        let line = match line {
            TableLine::Header => Line::from(vec![
                Span::raw(" ".repeat(LABEL + 1)),
                header(app, theme, tour, Side::Left, left, col),
                Span::raw(" │ "),
                header(app, theme, tour, Side::Right, right, col),
            ]),
            TableLine::Rule => Line::styled("─".repeat(usize::from(inner.width)), theme.border),
            TableLine::Cells { label, left, right } => Line::from(vec![
                Span::styled(pad(label, LABEL + 1), theme.key),
                Span::raw(pad(&left, col)),
                Span::styled(" │ ", theme.border),
                Span::raw(right),
            ]),
        };
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// The frame's title, and what is compared ("approaches", "actors"). The
/// key hints give way before the title is cut (the footer has them); a
/// tour slide names none.
fn title<'a>(app: &App, tour: Option<usize>, width: u16) -> (Line<'a>, &'static str) {
    let what = match app.compare.kind {
        Kind::Approaches => "approaches",
        Kind::Actors => "actors",
    };
    let other = match app.compare.kind {
        Kind::Approaches => "actors",
        Kind::Actors => "approaches",
    };
    // On a slide, or in presenter mode, the footer has the keys.
    let hints = match tour {
        _ if app.screen.present => Vec::new(),
        Some(_) => Vec::new(),
        None => vec![format!(
            " Compare {what} · ←/→ side · ↑/↓ change it · t {other} "
        )],
    };
    let title = Line::from(crate::ui::widgets::first_fitting(
        &[hints, vec![format!(" Compare {what} ")]].concat(),
        width,
    ));
    (title, what)
}

/// The header of `side`'s column, `col` wide: the item's name whole, else
/// its short label, cut only past that (see `ui::fit`); in the view (not
/// on a tour slide) the side the arrows change is marked.
fn header<'a>(
    app: &App,
    theme: &Theme,
    tour: Option<usize>,
    side: Side,
    id: &str,
    col: usize,
) -> Span<'a> {
    let (c, d) = (&app.compare, &app.corpus.data);
    let marked = tour.is_none() && c.side == side;
    let mark = match (tour, marked) {
        (Some(_), _) => "",
        (None, true) => "▶ ",
        (None, false) => "  ",
    };
    let style = if marked {
        theme.selected
    } else {
        theme.heading
    };
    // Both sides are named the same way: full names when both fit, else
    // both short ("Risk-based regulation (EU AI Act)" beside "US
    // executive orders" read as two kinds of thing).
    let both_fit = [Side::Left, Side::Right].iter().all(|&s| {
        c.id(d, s)
            .is_some_and(|id| crate::text::width(&d.name_of(id)) + 2 <= col)
    });
    let short = d.short_name_of(id);
    let name = if both_fit {
        d.name_of(id)
    } else {
        short.clone()
    };
    let line = fit::fit(
        vec![
            Part::plain(mark, Role::Fixed, style),
            Part::key(&name, &short, style),
        ],
        col,
    );
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    Span::styled(pad(&text, col), style)
}
