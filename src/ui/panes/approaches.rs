use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Pane};
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, Window, counted_title, data_span, pane_block, visible_rows};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let (range, shown) = visible_rows(app.cursor(Pane::Approaches), d.approaches.len(), area);
    let rows = d.approaches[range.clone()]
        .iter()
        .map(|a| {
            Line::from(vec![
                data_span(&a.name, theme.base),
                Span::styled(" · ", theme.muted),
                data_span(&d.name_of(&a.proponent), theme.muted),
            ])
        })
        .collect();
    let focused = app.focus == Pane::Approaches;
    let cursor = app.cursor(Pane::Approaches);
    PaneList {
        block: pane_block(
            theme,
            counted_title("Approaches", cursor, d.approaches.len()),
            focused,
        ),
        rows,
        cursor: shown,
        window: Some(Window {
            first: range.start,
            total: d.approaches.len(),
        }),
        focused,
        empty: "No approaches in this dataset.",
    }
    .render(area, buf, theme);
}
