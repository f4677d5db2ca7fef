//! The status line (counts, the active filter, messages) and the footer of
//! key hints, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{App, keymap};
use crate::data::relations::Focus;
use crate::text::{sanitize_line, width};

use super::theme::Theme;

pub fn status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let mut spans = Vec::new();
    if let Some(filter) = &app.filter {
        let what = match filter {
            Focus::Approach(_) => "approach",
            Focus::Actor(_) => "actor and members",
        };
        spans.push(Span::styled(
            format!(
                " filter: {} ({what}) · Esc clears ",
                sanitize_line(&d.name_of(filter.id()))
            ),
            theme.chip,
        ));
        spans.push(Span::raw(" "));
    }
    match &app.status {
        Some(message) => spans.push(Span::styled(
            sanitize_line(message).into_owned(),
            theme.note,
        )),
        None => spans.push(Span::styled(
            format!(
                "{} reactions · {} quotes shown · {} approaches · {} actors",
                app.reaction_rows.len(),
                app.quote_rows.len(),
                d.approaches.len(),
                d.actors.len()
            ),
            theme.status,
        )),
    }
    super::widgets::fit(Line::from(spans), usize::from(area.width))
        .style(theme.base)
        .render(area, buf);
}

pub fn footer(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut hints = keymap::hints(app);
    // " " then "keys what   " per hint; the last gap may be cut off.
    let cost = |h: &[(String, &str)]| {
        (1 + h
            .iter()
            .map(|(k, w)| width(k) + width(w) + 4)
            .sum::<usize>())
        .saturating_sub(3)
    };
    // Hints that do not fit are dropped whole, never cut mid-word; the
    // ones a newcomer needs first (how to move, open, search, get help and
    // quit) stay longest. `?` lists everything.
    const ESSENTIAL: [&str; 7] = ["move", "open", "close", "results", "search", "help", "quit"];
    while cost(&hints) > usize::from(area.width) {
        let drop = hints
            .iter()
            .rposition(|(_, what)| !ESSENTIAL.contains(what))
            .or(if hints.is_empty() { None } else { Some(0) });
        match drop {
            Some(i) => {
                hints.remove(i);
            }
            None => break,
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (keys, what) in hints {
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {what}   "), theme.muted));
    }
    Line::from(spans).style(theme.base).render(area, buf);
}
