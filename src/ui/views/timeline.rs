//! Events in date order on a vertical line; the selected one in full.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::data::PartialDate;
use crate::text::screen_line;
use crate::ui::panes::detail::render_text;
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, pane_block};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as precise as it is known: "2025", "Jul 2025", "25 Jul 2025".
pub fn date_label(d: PartialDate) -> String {
    let month = |m: u8| {
        MONTHS
            .get(usize::from(m).saturating_sub(1))
            .copied()
            .unwrap_or("?")
    };
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", month(m), d.year),
        (Some(m), None) => format!("{} {}", month(m), d.year),
        _ => d.year.to_string(),
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let [list, detail] = if area.width >= 90 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    };
    let rows = app
        .timeline
        .order
        .iter()
        .map(|&i| {
            let e = &d.events[i];
            let actors: Vec<String> = e.actors.iter().map(|a| d.name_of(a)).collect();
            let mut spans = vec![
                Span::styled(format!("{:>11} ", date_label(e.date)), theme.key),
                Span::styled("● ", theme.heading),
                Span::raw(screen_line(&e.name).into_owned()),
            ];
            if !actors.is_empty() {
                spans.push(Span::styled(
                    format!(" · {}", screen_line(&actors.join(", "))),
                    theme.muted,
                ));
            }
            Line::from(spans)
        })
        .collect();
    PaneList {
        block: pane_block(
            theme,
            Line::from(" Timeline · ↑/↓ · Enter opens in Explore "),
            true,
        ),
        rows,
        // Shown smaller than its view (on a tour slide), the list still
        // keeps the selected event in sight: a copy of the cursor, kept
        // in range for the rows there are.
        cursor: {
            let mut c = app.timeline.cursor;
            c.clamp(
                app.timeline.order.len(),
                usize::from(list.height.saturating_sub(2)),
            );
            c
        },
        focused: true,
        empty: "No events in this dataset.",
        window: None,
    }
    .render(list, buf, theme);
    let block = pane_block(theme, Line::from(" Event "), false);
    let inner = block.inner(detail);
    block.render(detail, buf);
    if let Some(&i) = app.timeline.order.get(app.timeline.cursor.selected) {
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(2),
            ..inner
        };
        render_text(app, theme, &d.events[i].id, inner, buf, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_show_their_precision() {
        let p = |s: &str| s.parse::<PartialDate>().unwrap();
        assert_eq!(date_label(p("2025")), "2025");
        assert_eq!(date_label(p("2025-07")), "Jul 2025");
        assert_eq!(date_label(p("2025-07-25")), "25 Jul 2025");
    }
}
