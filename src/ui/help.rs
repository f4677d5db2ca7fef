//! The help overlay: every binding, generated from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::app::{App, keymap};
use crate::text::{pad, width};

use super::theme::Theme;
use super::widgets::pane_block;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(scroll) = app.help else { return };
    let lines = keymap::help_lines();
    let key_col = lines.iter().map(|(_, k, _)| width(k)).max().unwrap_or(0) + 2;
    let want_w = u16::try_from(key_col + 44).unwrap_or(u16::MAX);
    let want_h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let w = want_w.min(area.width.saturating_sub(2));
    let h = want_h.min(area.height.saturating_sub(2));
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let block = pane_block(theme, Line::from(" Keys · Esc closes · ↑↓ scroll "), true);
    let inner = block.inner(popup);
    buf.set_style(popup, theme.base);
    block.render(popup, buf);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    for (row, (heading, keys, desc)) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        let line = match heading {
            Some(h) => Line::styled(*h, theme.heading),
            None => Line::from(vec![
                Span::styled(format!("  {}", pad(keys, key_col)), theme.key),
                Span::raw(*desc),
            ]),
        };
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
