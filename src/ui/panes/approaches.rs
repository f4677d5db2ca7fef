use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Pane};
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{counted_title, visible_rows, wrapped};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.corpus.data;
    let (range, shown) = visible_rows(app.cursor(Pane::Approaches), d.approaches.len(), area);
    let lines = crate::layout::row_lines(area, d.approaches.len());
    // The approach's name, and whose it is, stay (see `ui::fit`); the
    // proponent is only optional when the name already says it.
    let room = usize::from(area.width.saturating_sub(4));
    let mut more = Vec::new();
    let rows = d.approaches[range.clone()]
        .iter()
        .map(|a| {
            let (who, who_short) = (d.name_of(&a.proponent), d.short_name_of(&a.proponent));
            let short = a.short.as_deref().unwrap_or(&a.name);
            let said =
                |name: &str| name.contains(who.as_str()) || name.contains(who_short.as_str());
            let proponent = if said(&a.name) && said(short) {
                Role::Optional
            } else {
                Role::Key
            };
            // Room to spare: the summary on the row's own lines.
            if lines > 1 {
                more.push(wrapped(&a.summary, room, lines - 1, theme.muted));
            }
            let mut who_part = Part::key(&who, &who_short, theme.muted).owned();
            who_part.role = proponent;
            vec![
                Part::key(&a.name, short, theme.base),
                Part::plain(" · ", proponent, theme.muted),
                who_part,
            ]
        })
        .collect::<Vec<_>>();
    let rows = fit::fit_rows(rows, room);
    let cursor = app.cursor(Pane::Approaches);
    super::list(
        app,
        theme,
        Pane::Approaches,
        counted_title("Approaches", cursor, d.approaches.len()),
        super::Rows {
            first: range.start,
            total: d.approaches.len(),
            shown,
            lines,
            rows,
            more,
        },
        "No approaches in this dataset.",
    )
    .render(area, buf, theme);
}
