use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Pane};
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{counted_title, visible_rows, wrapped};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.corpus.data;
    let (range, shown) = visible_rows(app.cursor(Pane::Actors), d.actors.len(), area);
    let lines = crate::layout::row_lines(area, d.actors.len());
    let room = usize::from(area.width.saturating_sub(4));
    let mut more = Vec::new();
    let rows = d.actors[range.clone()]
        .iter()
        .map(|a| {
            // Members are indented under what they belong to, as a reminder
            // that filtering on the whole includes them.
            let indent = if a.part_of.is_some() { "  " } else { "" };
            // Room to spare: the role (or summary) on the row's own
            // lines, under the name.
            if lines > 1 {
                let about = crate::data::shown_role(&a.name, a.role.as_deref())
                    .or(a.summary.as_deref())
                    .unwrap_or("");
                let mut extra = wrapped(
                    about,
                    room.saturating_sub(indent.len()),
                    lines - 1,
                    theme.muted,
                );
                for l in &mut extra {
                    l.spans.insert(0, ratatui::text::Span::raw(indent));
                }
                more.push(extra);
            }
            // The kind goes before the name shortens (see `ui::fit`).
            vec![
                Part::plain(indent, Role::Fixed, theme.base),
                Part::key(&a.name, a.short.as_deref().unwrap_or(&a.name), theme.base),
                Part::plain(
                    format!(" · {}", a.kind.label()),
                    Role::Optional,
                    theme.muted,
                ),
            ]
        })
        .collect::<Vec<_>>();
    let rows = fit::fit_rows(rows, room);
    let cursor = app.cursor(Pane::Actors);
    super::list(
        app,
        theme,
        Pane::Actors,
        counted_title("Actors", cursor, d.actors.len()),
        super::Rows {
            first: range.start,
            total: d.actors.len(),
            shown,
            lines,
            rows,
            more,
        },
        "No actors in this dataset.",
    )
    .render(area, buf, theme);
}
