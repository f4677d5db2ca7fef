//! The top line: the program, the views as numbered tabs, the dataset.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::{App, View};
use crate::layout::{PROGRAM, tabs};
use crate::text::{screen_line, truncate_words, width};

use super::theme::Theme;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let titles = View::ALL.map(View::title);
    let active = View::ALL.iter().position(|v| *v == app.view).unwrap_or(0);
    let (program, tabs) = tabs(area, &titles, active);
    buf.set_style(area, theme.base);
    if program {
        buf.set_string(area.x, area.y, PROGRAM, theme.heading);
    }
    // While the search field takes the digits (they are typed) or the
    // help holds every key, the tabs name no key: their numbers go
    // blank, and the tabs stay where a click finds them.
    let digits_switch = app.search.is_none() && app.screen.help.is_none();
    let mut end = area.x;
    for tab in &tabs {
        let style = if tab.index == active {
            theme.tab_active
        } else {
            theme.tab
        };
        let label = if digits_switch {
            tab.label.clone()
        } else {
            tab.label
                .chars()
                .map(|c| if c.is_ascii_digit() { ' ' } else { c })
                .collect()
        };
        Line::styled(label, style).render(tab.area, buf);
        end = end.max(tab.area.right());
    }
    // The dataset's title in what is left, cut between words (half a
    // word reads as another word), when a useful part of it fits.
    let room = usize::from(area.right().saturating_sub(end)).saturating_sub(2);
    if room > 8 {
        let title = screen_line(&app.corpus.data.dataset.title);
        let title = truncate_words(&title, room).into_owned();
        let w = u16::try_from(width(&title)).unwrap_or(0);
        let x = area.right().saturating_sub(w + 1);
        Line::styled(title, theme.muted).render(Rect::new(x, area.y, w, 1), buf);
    }
}
