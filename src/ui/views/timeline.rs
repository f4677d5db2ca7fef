//! Events in date order on a vertical line; the selected one in full.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::data::{Event, PartialDate};
use crate::text::{screen_line, width};
use crate::ui::fit::{self, Part, Role};
use crate::ui::panes::detail::{render_doc, render_text};
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, pane_block, wrapped};

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
    let d = &app.corpus.data;
    let len = app.timeline.order.len();
    // On a tour slide the list is one line an event, so that the event
    // the slide talks about has the rest of the few rows under its text.
    let slide = app.view == crate::app::View::Tour;
    let [list, detail] = crate::layout::timeline(area, slide, len);
    let lines = crate::layout::row_lines(list, len);
    // Inside the border, after the marker.
    let room = usize::from(list.width.saturating_sub(4));
    let mut more = Vec::new();
    let rows = app
        .timeline
        .order
        .iter()
        .map(|&i| {
            let (row, extra) = event_row(app, theme, &d.events[i], room, lines);
            if lines > 1 {
                more.push(extra);
            }
            row
        })
        .collect();
    PaneList {
        block: pane_block(
            theme,
            // On a slide the tour's keys rule: its title names none.
            Line::from(crate::ui::widgets::first_fitting(
                &[
                    if slide || app.screen.present {
                        " Timeline ".to_string()
                    } else {
                        " Timeline · ↑/↓ · Enter opens in Explore ".to_string()
                    },
                    " Timeline ".to_string(),
                ],
                list.width,
            )),
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
        lines,
        more,
    }
    .render(list, buf, theme);
    event(app, theme, slide, detail, buf);
}

/// The cells before an event's name: the date column (12 wide) and the
/// marker.
const DATE: usize = 14;

/// An event's row in `room` cells: its date, marker and name, with as
/// many of its actors as fit on one line; on a row of `lines` lines, its
/// lines after the first say who took part, then what happened.
fn event_row<'a>(
    app: &App,
    theme: &Theme,
    e: &Event,
    room: usize,
    lines: usize,
) -> (Line<'a>, Vec<Line<'a>>) {
    let d = &app.corpus.data;
    let actors: Vec<(String, String)> = e
        .actors
        .iter()
        .map(|a| (d.name_of(a), d.short_name_of(a)))
        .collect();
    let (name, short) = (screen_line(&e.name), d.short_name_of(&e.id));
    let after = room.saturating_sub(DATE);
    // A date the source does not give says so on its row.
    let inferred = Event::inferred(String::new(), e);
    let after_name = |n: &str| after.saturating_sub(width(n) + width(&inferred) + 3);
    // The event's name whole when its actors then fit (all of them),
    // else its short label and as many actors as fit.
    let (name, who) = if lines > 1 {
        (name.into_owned(), String::new())
    } else {
        let with = |n: &str| names_that_fit(&actors, after_name(n));
        let full = with(&name);
        if !full.1 && short != name {
            let shorter = with(&short);
            (short.clone(), shorter.0)
        } else {
            (name.into_owned(), full.0)
        }
    };
    let mut parts = vec![
        Part::plain(
            format!("{:>11} ", date_label(e.date)),
            Role::Fixed,
            theme.key,
        ),
        Part::plain("● ", Role::Fixed, theme.heading),
        Part::key(&name, &short, theme.base).owned(),
    ];
    // On one line the note follows the name; on a row of several lines
    // it opens the second, so the name keeps its room.
    if !inferred.is_empty() && lines == 1 {
        parts.push(Part::plain(inferred.clone(), Role::Fixed, theme.muted));
    }
    if !who.is_empty() {
        parts.push(Part::plain(format!(" · {who}"), Role::Fixed, theme.muted));
    }
    let mut extra = Vec::new();
    if lines > 1 {
        // Room to spare: who took part, then what happened, under the
        // name.
        let indent = " ".repeat(DATE);
        let note = inferred.trim_start();
        let noted = if note.is_empty() { 0 } else { width(note) + 3 };
        let (who, _) = names_that_fit(&actors, after.saturating_sub(noted));
        let said: Vec<&str> = [note, who.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !said.is_empty() {
            extra.push(Line::from(vec![
                Span::raw(indent.clone()),
                Span::styled(said.join(" \u{b7} "), theme.muted),
            ]));
        }
        let left = lines - 1 - extra.len();
        for mut l in wrapped(e.summary.as_deref().unwrap_or(""), after, left, theme.base) {
            l.spans.insert(0, Span::raw(indent.clone()));
            extra.push(l);
        }
    }
    (fit::fit(parts, room), extra)
}

/// The selected event in full, in its frame.
fn event(app: &App, theme: &Theme, slide: bool, detail: Rect, buf: &mut Buffer) {
    let d = &app.corpus.data;
    let block = pane_block(theme, Line::from(" Event "), false);
    block.render(detail, buf);
    if let Some(&i) = app.timeline.order.get(app.timeline.cursor.selected) {
        let inner = crate::layout::padded_inner(detail);
        let id = &d.events[i].id;
        if slide {
            let doc = crate::app::detail::slide_document(d, id);
            render_doc(theme, &doc, inner, buf, 0);
        } else {
            render_text(app, theme, id, inner, buf, 0);
        }
    }
}

/// Actors' names joined, as many as fit `room` whole: all full names,
/// else all short ones, else the first short ones and how many more. And
/// whether all of them are named.
fn names_that_fit(names: &[(String, String)], room: usize) -> (String, bool) {
    let join = |v: Vec<&str>| screen_line(&v.join(", ")).into_owned();
    let full = join(names.iter().map(|n| n.0.as_str()).collect());
    if width(&full) <= room {
        return (full, true);
    }
    let short = join(names.iter().map(|n| n.1.as_str()).collect());
    if width(&short) <= room {
        return (short, true);
    }
    for k in (1..names.len()).rev() {
        let some = format!(
            "{}, +{} more",
            join(names[..k].iter().map(|n| n.1.as_str()).collect()),
            names.len() - k
        );
        if width(&some) <= room {
            return (some, false);
        }
    }
    (String::new(), names.is_empty())
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
