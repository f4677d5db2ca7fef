//! The top line: the program, the views as numbered tabs, the dataset.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{App, View};
use crate::layout::{PROGRAM, tab_label};
use crate::text::{sanitize_line, truncate, width};

use super::theme::Theme;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::styled(PROGRAM, theme.heading)];
    for (i, view) in View::ALL.iter().enumerate() {
        let style = if *view == app.view {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(tab_label(i, view.title()), style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used + 1);
    if room > 8 {
        let title = sanitize_line(&app.data.dataset.title);
        let title = truncate(&title, room).into_owned();
        let pad = room.saturating_sub(width(&title));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(title, theme.muted));
    }
    Line::from(spans).style(theme.base).render(area, buf);
}
