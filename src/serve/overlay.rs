//! What the class adds to a student's screen: a line saying whether they
//! follow the teacher, and the question, poll or scores while the teacher
//! runs one. Pure drawing from the class and the student's own state.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::class::{Activity, Class, StudentId};
use super::widgets::{self, OptionStyle};
use crate::app::App;
use crate::layout;
use crate::ui::Theme;

/// What a student's screen is made of, beyond their `App`.
#[derive(Debug, Clone, Default)]
pub struct Local {
    /// The option the arrow keys point at in a quiz question.
    pub cursor: usize,
    /// The poll point before it is placed, in tenths (-10..=10).
    pub poll: (i32, i32),
    /// The round (see `Class::round`) whose overlay the student closed.
    pub closed: Option<u64>,
}

/// What of the class a student's screen shows: when it changes, their
/// screen is drawn again; when it does not (another student answered),
/// it is not, so sixty answers cost the class no sixty times sixty frames.
#[derive(Debug, Clone, PartialEq)]
pub struct Seen {
    lead: Option<crate::serve::class::Lead>,
    leading: bool,
    activity: Activity,
    round: u64,
    answer: Option<usize>,
    revealed: bool,
    poll_open: bool,
    place: Option<(f64, f64)>,
    score: Option<(usize, usize)>,
    took_part: usize,
    ended: bool,
}

pub fn seen(class: &Class, id: StudentId) -> Seen {
    let asked = class.current_question();
    let scores = (class.activity == Activity::Scores).then(|| class.scores());
    Seen {
        lead: class.lead_for(id),
        leading: class.lead.is_some(),
        activity: class.activity,
        round: class.round,
        answer: asked.and_then(|a| a.answers.get(&id).map(|(o, _)| *o)),
        revealed: asked.is_some_and(|a| a.revealed),
        poll_open: class.poll.as_ref().is_some_and(|p| p.open),
        place: class
            .poll
            .as_ref()
            .and_then(|p| p.places.get(&id).map(|pl| (pl.x, pl.y))),
        score: scores
            .as_ref()
            .and_then(|rows| rows.iter().find(|r| r.0 == id).map(|r| (r.1, r.2))),
        took_part: scores.map_or(0, |rows| rows.iter().filter(|r| r.2 > 0).count()),
        ended: class.ended,
    }
}

/// Whether the class's activity has the student's keys (its overlay is up).
pub fn takes_keys(class: &Class, id: StudentId, local: &Local) -> bool {
    let _ = id;
    class.activity != Activity::Browsing && local.closed != Some(class.round)
}

/// What one student's overlay is drawn from: their explorer and theme,
/// the class, who they are in it, and their own state of the overlay.
pub struct Seat<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub class: &'a Class,
    pub id: StudentId,
    pub local: &'a Local,
}

pub fn draw(buf: &mut Buffer, area: Rect, seat: &Seat) {
    if layout::mode(area) == layout::Mode::TooSmall {
        return;
    }
    let class = seat.class;
    banner(buf, area, seat.theme, class, seat.id);
    if !takes_keys(class, seat.id, seat.local) {
        return;
    }
    match class.activity {
        Activity::Question(n) => {
            if let Some(asked) = class.asked.get(n) {
                question(buf, area, seat, asked, n);
            }
        }
        Activity::Poll => poll(buf, area, seat),
        Activity::Scores => scores(buf, area, seat.theme, class, seat.id),
        Activity::Browsing => {}
    }
}

/// The status row says who leads and how to follow or browse.
fn banner(buf: &mut Buffer, area: Rect, theme: &Theme, class: &Class, id: StudentId) {
    if class.lead.is_none() {
        return;
    }
    let status = layout::frame(area).status;
    let text = if class.lead_for(id).is_some() {
        " Following the teacher · any key browses on your own "
    } else {
        " Browsing on your own · f follows the teacher again "
    };
    let text = crate::text::truncate(text, usize::from(status.width));
    ratatui::widgets::Clear.render(status, buf);
    buf.set_style(status, theme.base);
    Line::styled(text.into_owned(), theme.tab_active).render(status, buf);
}

fn question(buf: &mut Buffer, area: Rect, seat: &Seat, asked: &super::class::Asked, n: usize) {
    let Seat {
        app,
        theme,
        id,
        local,
        ..
    } = *seat;
    let d = &app.corpus.data;
    let w = area.width.saturating_sub(4).min(76);
    let mine = asked.answers.get(&id).map(|(o, _)| *o);
    let room = usize::from(w.saturating_sub(2));
    let mut lines = vec![
        Line::styled(widgets::quote_text(d, asked), theme.quotation),
        Line::raw(""),
    ];
    lines.extend(widgets::option_lines(
        asked,
        theme,
        &OptionStyle {
            mine,
            cursor: Some(local.cursor),
            bars: None,
        },
        room,
    ));
    lines.push(Line::raw(""));
    let note = if asked.revealed {
        lines.push(Line::styled(widgets::citation(d, asked), theme.muted));
        match mine {
            Some(o) if o == asked.question.answer => "Right! · Esc closes".to_string(),
            Some(_) => "Not this time. · Esc closes".to_string(),
            None => "You did not answer. · Esc closes".to_string(),
        }
    } else if mine.is_some() {
        "Answer sent: wait for the teacher to reveal it · Esc browses meanwhile".to_string()
    } else {
        "a-d answer · ↑/↓ and Enter · q leaves the class".to_string()
    };
    lines.push(Line::styled(note, theme.note));
    // As tall as the question needs, within the screen.
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let height = u16::try_from(text.line_count(w.saturating_sub(2)))
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let inner = widgets::dialog(
        theme,
        area,
        w,
        height.min(area.height.saturating_sub(2)),
        &format!("Class quiz · question {} · who said it?", n + 1),
        buf,
    );
    text.render(inner, buf);
}

fn poll(buf: &mut Buffer, area: Rect, seat: &Seat) {
    let Seat {
        app,
        theme,
        class,
        id,
        local,
    } = *seat;
    let Some(p) = &class.poll else { return };
    let inner = widgets::dialog(
        theme,
        area,
        area.width.saturating_sub(2).min(80),
        area.height.saturating_sub(2).min(26),
        "Class poll · where do you stand?",
        buf,
    );
    let [map, note] = Layout::vertical([Constraint::Min(5), Constraint::Length(2)]).areas(inner);
    let mine = p.places.get(&id).map(|pl| (pl.x, pl.y));
    let cursor = (
        f64::from(local.poll.0) / 10.0,
        f64::from(local.poll.1) / 10.0,
    );
    let cloud: Vec<(f64, f64)> = mine.into_iter().collect();
    widgets::stance_map(
        &app.corpus.data,
        theme,
        map,
        buf,
        &cloud,
        Some(cursor),
        None,
    );
    let text = if !p.open {
        "The poll is closed. · Esc closes".to_string()
    } else if mine.is_some() {
        "Placed (•). Move and Enter again to change it · Esc closes".to_string()
    } else {
        "Arrows move ◎ · Enter places your point · ● are the approaches".to_string()
    };
    Paragraph::new(Line::styled(text, theme.note))
        .wrap(Wrap { trim: true })
        .render(note, buf);
}

fn scores(buf: &mut Buffer, area: Rect, theme: &Theme, class: &Class, id: StudentId) {
    let inner = widgets::dialog(
        theme,
        area,
        50.min(area.width),
        7,
        "Class quiz · the end",
        buf,
    );
    let rows = class.scores();
    let place = rows.iter().position(|r| r.0 == id);
    let revealed = class.asked.iter().filter(|a| a.revealed).count();
    let mut lines = Vec::new();
    if let Some(i) = place {
        let (_, right, _) = rows[i];
        lines.push(Line::from(vec![
            Span::styled("Your score: ", theme.heading),
            Span::raw(format!("{right} of {revealed} right")),
        ]));
    }
    lines.push(Line::raw(format!(
        "{} in the class took part.",
        crate::text::count(
            rows.iter().filter(|r| r.2 > 0).count(),
            "student",
            "students"
        )
    )));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Esc closes", theme.note));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
