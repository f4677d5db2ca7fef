//! Presenter mode's Explore: what Detail shows, alone on the screen, its
//! name in the big font, for a class reading a projector from the back.
//! The other views draw themselves bigger where they can (the tour's and
//! the quiz's headings, short quotes) in their own files.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::text::screen_line;
use crate::ui::panes::detail::render_text;
use crate::ui::theme::Theme;
use crate::ui::views::quiz::big;
use crate::ui::widgets::pane_block;

pub fn explore(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block = pane_block(theme, Line::from(" Presenter mode · p leaves it "), true);
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let Some(id) = app.detail_id() else {
        Paragraph::new("Nothing selected: p leaves presenter mode.")
            .style(theme.note)
            .render(inner, buf);
        return;
    };
    let name = screen_line(&app.corpus.data.short_name_of(id)).into_owned();
    let title = big::lines(&name, inner.width, 2).filter(|_| inner.height >= 16);
    let rows = title.as_ref().map_or(2, |l| {
        u16::try_from(l.len() * big::GLYPH_H + 1).unwrap_or(2)
    });
    let [title_area, text_area] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(inner);
    match &title {
        Some(lines) => big::render(lines, theme.heading, title_area, buf),
        None => Line::styled(name, theme.heading).render(title_area, buf),
    }
    render_text(app, theme, id, text_area, buf, app.explore.detail_scroll);
}
