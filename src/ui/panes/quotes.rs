use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Pane};
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, Window, counted_title, pane_block, visible_rows};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let (range, shown) = visible_rows(app.cursor(Pane::Quotes), app.explore.quote_rows.len(), area);
    // The speaker is who tells one quote from another: the quotation is
    // cut before the speaker's name is (see `ui::fit`).
    let room = usize::from(area.width.saturating_sub(4));
    let rows = app.explore.quote_rows[range.clone()]
        .iter()
        .map(|&i| {
            let q = &d.quotes[i];
            let (speaker, short) = (d.name_of(&q.speaker), d.short_name_of(&q.speaker));
            vec![
                Part::plain("\u{201c}", Role::Fixed, theme.quotation),
                Part::data(&q.text, Role::Long, theme.quotation),
                Part::plain("\u{201d}", Role::Fixed, theme.quotation),
                Part::plain(" — ", Role::Fixed, theme.muted),
                Part::key(&speaker, &short, theme.muted).owned(),
            ]
        })
        .collect::<Vec<_>>();
    let rows = fit::fit_rows(rows, room);
    let focused = app.explore.focus == Pane::Quotes;
    let cursor = app.cursor(Pane::Quotes);
    PaneList {
        block: pane_block(
            theme,
            counted_title("Quotes", cursor, app.explore.quote_rows.len()),
            focused,
        ),
        rows,
        cursor: shown,
        window: Some(Window {
            first: range.start,
            total: app.explore.quote_rows.len(),
        }),
        focused,
        empty: if app.explore.filter.is_some() {
            "No quotes concern this. Esc shows all."
        } else {
            "No quotes in this dataset."
        },
    }
    .render(area, buf, theme);
}
