use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Pane};
use crate::ui::theme::Theme;
use crate::ui::widgets::{
    PaneList, Window, counted_title, data_span, pane_block, stance_span, visible_rows,
};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let (range, shown) = visible_rows(app.cursor(Pane::Reactions), app.reaction_rows.len(), area);
    let rows = app.reaction_rows[range.clone()]
        .iter()
        .map(|&i| {
            let r = &d.reactions[i];
            Line::from(vec![
                stance_span(theme, r.stance),
                Span::raw(" "),
                data_span(&d.name_of(&r.actor), theme.base),
                Span::styled(" → ", theme.muted),
                data_span(&d.name_of(&r.target), theme.muted),
            ])
        })
        .collect();
    let focused = app.focus == Pane::Reactions;
    let cursor = app.cursor(Pane::Reactions);
    PaneList {
        block: pane_block(
            theme,
            counted_title("Reactions", cursor, app.reaction_rows.len()),
            focused,
        ),
        rows,
        cursor: shown,
        window: Some(Window {
            first: range.start,
            total: app.reaction_rows.len(),
        }),
        focused,
        empty: if app.filter.is_some() {
            "No reactions concern this. Esc shows all."
        } else {
            "No reactions in this dataset."
        },
    }
    .render(area, buf, theme);
}
