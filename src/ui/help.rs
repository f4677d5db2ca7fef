//! The help overlay: every binding, generated from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::app::{App, keymap};
use crate::layout;
use crate::text::pad;

use super::theme::Theme;
use super::widgets::pane_block;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(scroll) = app.screen.help else {
        return;
    };
    let popup = layout::help(area);
    Clear.render(popup, buf);
    let block = pane_block(theme, Line::from(" Keys · Esc closes · ↑↓ scroll "), true);
    let inner = block.inner(popup);
    buf.set_style(popup, theme.base);
    block.render(popup, buf);
    let width = usize::from(inner.width);
    let rows = keymap::help_rows(&app.keymap, width);
    let key_col = keymap::help_key_column(&app.keymap, width);
    let scroll = scroll.min(rows.len().saturating_sub(usize::from(inner.height)));
    for (row, entry) in rows
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        let line = match entry {
            keymap::HelpRow::Heading(h) => Line::styled(h, theme.heading),
            // Keys too long for the column have the row to themselves.
            keymap::HelpRow::Entry { keys, text } if text.is_empty() => {
                Line::styled(format!("  {keys}"), theme.key)
            }
            keymap::HelpRow::Entry { keys, text } => Line::from(vec![
                Span::styled(format!("  {}", pad(&keys, key_col - 2)), theme.key),
                Span::raw(text),
            ]),
        };
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
