//! The status line (counts, the active filter, messages) and the footer of
//! key hints, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{App, View, footer};
use crate::data::relations::Focus;
use crate::text::{count, screen_line};

use super::fit::{self, Part, Role};
use super::theme::Theme;

pub fn status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.corpus.data;
    // By the rule for space (`ui::fit`): the names say which, and take
    // their short labels before anything is cut; the counts are cut first.
    let mut parts: Vec<Part> = Vec::new();
    // The filter chip belongs to Explore, whose lists it narrows. A message
    // lasts one action and says what just happened: where the two do not
    // fit side by side the chip waits (it is back on the next key) rather
    // than the message being cut ("sent to the clipb…").
    let message_first = app.screen.status.as_ref().is_some_and(|m| {
        let chip = app.explore.filter.as_ref().map_or(0, |f| {
            crate::text::width(" filter: ")
                + crate::text::width(&d.short_name_of(f.id()))
                + crate::text::width(" · Esc clears  ")
        });
        chip + crate::text::width(m) > usize::from(area.width)
    });
    if let (Some(filter), View::Explore, false) = (&app.explore.filter, app.view, message_first) {
        let what = match filter {
            Focus::Approach(_) => "approach",
            Focus::Actor(_) => "actor and members",
        };
        parts.push(Part::plain(" filter: ", Role::Fixed, theme.chip));
        parts.push(
            Part::key(
                &d.name_of(filter.id()),
                &d.short_name_of(filter.id()),
                theme.chip,
            )
            .owned(),
        );
        parts.push(Part::plain(
            format!(" ({what})"),
            Role::Optional,
            theme.chip,
        ));
        parts.push(Part::plain(" · Esc clears ", Role::Fixed, theme.chip));
        parts.push(Part::plain(" ", Role::Fixed, theme.base));
    }
    match (&app.screen.status, app.view) {
        (Some(message), _) => parts.push(Part::data(message, Role::Long, theme.note).owned()),
        (None, View::Compare) => {
            use crate::app::compare::Side;
            for side in [Side::Left, Side::Right] {
                if let Some(id) = app.compare.id(d, side) {
                    if side == Side::Right {
                        parts.push(Part::plain(" ⇄ ", Role::Fixed, theme.status));
                    }
                    parts.push(
                        Part::key(&d.name_of(id), &d.short_name_of(id), theme.status).owned(),
                    );
                }
            }
        }
        // The counts go first (the panes' titles have them too).
        (None, _) => parts.push(Part::plain(summary(app), Role::Trailing, theme.status)),
    }
    fit::fit(parts, usize::from(area.width))
        .style(theme.base)
        .render(area, buf);
}

/// What the status line says when there is no message: a count that fits
/// the view on screen.
fn summary(app: &App) -> String {
    let d = &app.corpus.data;
    match app.view {
        View::Explore => format!(
            "{} · {} shown · {} · {}",
            count(app.explore.reaction_rows.len(), "reaction", "reactions"),
            count(app.explore.quote_rows.len(), "quote", "quotes"),
            count(d.approaches.len(), "approach", "approaches"),
            count(d.actors.len(), "actor", "actors")
        ),
        View::Map => format!(
            "{} placed · positions are an editorial reading",
            count(crate::app::map::points(d).len(), "item", "items")
        ),
        View::Compare => {
            use crate::app::compare::Side;
            let name = |side| {
                app.compare
                    .id(d, side)
                    .map(|id| screen_line(&d.name_of(id)).into_owned())
                    .unwrap_or_default()
            };
            format!("{} ⇄ {}", name(Side::Left), name(Side::Right))
        }
        View::Timeline => {
            let years = |i: Option<&usize>| i.map(|&e| d.events[e].date.year);
            match (
                years(app.timeline.order.first()),
                years(app.timeline.order.last()),
            ) {
                (Some(a), Some(b)) => {
                    format!("{}, {a} to {b}", count(d.events.len(), "event", "events"))
                }
                _ => "No events".into(),
            }
        }
        View::Tour => match d.tour.get(app.tour.step) {
            Some(step) => format!(
                "Step {} of {}: {}",
                app.tour.step + 1,
                d.tour.len(),
                screen_line(&step.title)
            ),
            None => "No tour in this dataset".into(),
        },
        View::Quiz => match &app.quiz.playing {
            Some(Ok(q)) if q.finished() => {
                format!("Finished: {} of {} right", q.score(), q.len())
            }
            Some(Ok(q)) => format!(
                "Question {} of {} · score {}/{}",
                q.current + 1,
                q.len(),
                q.score(),
                q.results.len()
            ),
            _ => "No quiz for this dataset".into(),
        },
    }
}

pub fn footer(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    for hint in footer::footer(app, usize::from(area.width)) {
        spans.push(Span::styled(hint.label, theme.key));
        spans.push(Span::styled(format!(" {}   ", hint.what), theme.muted));
    }
    Line::from(spans).style(theme.base).render(area, buf);
}
