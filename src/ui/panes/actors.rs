use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Pane};
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, Window, counted_title, data_span, pane_block, visible_rows};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let (range, shown) = visible_rows(app.cursor(Pane::Actors), d.actors.len(), area);
    let rows = d.actors[range.clone()]
        .iter()
        .map(|a| {
            // Members are indented under what they belong to, as a reminder
            // that filtering on the whole includes them.
            let indent = if a.part_of.is_some() { "  " } else { "" };
            Line::from(vec![
                Span::raw(indent),
                data_span(&a.name, theme.base),
                Span::styled(format!(" · {}", a.kind.label()), theme.muted),
            ])
        })
        .collect();
    let focused = app.focus == Pane::Actors;
    let cursor = app.cursor(Pane::Actors);
    PaneList {
        block: pane_block(
            theme,
            counted_title("Actors", cursor, d.actors.len()),
            focused,
        ),
        rows,
        cursor: shown,
        window: Some(Window {
            first: range.start,
            total: d.actors.len(),
        }),
        focused,
        empty: "No actors in this dataset.",
    }
    .render(area, buf, theme);
}
