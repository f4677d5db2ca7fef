//! Two approaches or two actors side by side, row by row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::compare::{Kind, Side, rows};
use crate::text::{escape_control, pad, truncate, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::pane_block;

const LABEL: usize = 12;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let c = &app.compare;
    let d = &app.data;
    let what = match c.kind {
        Kind::Approaches => "approaches",
        Kind::Actors => "actors",
    };
    let title = Line::from(format!(
        " Compare {what} · ←/→ side · ↑/↓ change it · t {} ",
        match c.kind {
            Kind::Approaches => "actors",
            Kind::Actors => "approaches",
        }
    ));
    let block = pane_block(theme, title, true);
    let inner = block.inner(area);
    block.render(area, buf);
    let (Some(left), Some(right)) = (c.id(d, Side::Left), c.id(d, Side::Right)) else {
        Line::styled(
            format!("This dataset has fewer than two {what}."),
            theme.note,
        )
        .render(inner, buf);
        return;
    };
    let col = usize::from(inner.width).saturating_sub(LABEL + 3) / 2;
    if col < 4 {
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    // The header names the two items; the side the arrows change is marked.
    let header = |side: Side, id: &str| {
        let mark = if c.side == side { "▶ " } else { "  " };
        let style = if c.side == side {
            theme.selected
        } else {
            theme.heading
        };
        let name = format!("{mark}{}", escape_control(&d.name_of(id)));
        Span::styled(pad(&truncate(&name, col), col), style)
    };
    lines.push(Line::from(vec![
        Span::raw(" ".repeat(LABEL + 1)),
        header(Side::Left, left),
        Span::raw(" │ "),
        header(Side::Right, right),
    ]));
    let (a, b) = (rows(d, c.kind, left), rows(d, c.kind, right));
    for ((label, la), (_, lb)) in a.iter().zip(&b) {
        let wrap_all = |items: &[String]| -> Vec<String> {
            items
                .iter()
                .flat_map(|s| wrap(&escape_control(s), col))
                .collect()
        };
        let (wa, wb) = (wrap_all(la), wrap_all(lb));
        lines.push(Line::styled(
            "─".repeat(usize::from(inner.width)),
            theme.border,
        ));
        for n in 0..wa.len().max(wb.len()) {
            let label_text = if n == 0 { *label } else { "" };
            lines.push(Line::from(vec![
                Span::styled(pad(label_text, LABEL + 1), theme.key),
                Span::raw(pad(wa.get(n).map_or("", String::as_str), col)),
                Span::styled(" │ ", theme.border),
                Span::raw(wb.get(n).cloned().unwrap_or_default()),
            ]));
        }
    }
    for (row, line) in lines
        .into_iter()
        .skip(c.scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
