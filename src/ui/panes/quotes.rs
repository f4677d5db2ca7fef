use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Pane};
use crate::text::screen_line;
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, Window, counted_title, data_span, pane_block, visible_rows};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let (range, shown) = visible_rows(app.cursor(Pane::Quotes), app.quote_rows.len(), area);
    let rows = app.quote_rows[range.clone()]
        .iter()
        .map(|&i| {
            let q = &d.quotes[i];
            Line::from(vec![
                Span::styled(
                    format!("\u{201c}{}\u{201d}", screen_line(&q.text)),
                    theme.quotation,
                ),
                Span::styled(" — ", theme.muted),
                data_span(&d.name_of(&q.speaker), theme.muted),
            ])
        })
        .collect();
    let focused = app.focus == Pane::Quotes;
    let cursor = app.cursor(Pane::Quotes);
    PaneList {
        block: pane_block(
            theme,
            counted_title("Quotes", cursor, app.quote_rows.len()),
            focused,
        ),
        rows,
        cursor: shown,
        window: Some(Window {
            first: range.start,
            total: app.quote_rows.len(),
        }),
        focused,
        empty: if app.filter.is_some() {
            "No quotes concern this. Esc shows all."
        } else {
            "No quotes in this dataset."
        },
    }
    .render(area, buf, theme);
}
