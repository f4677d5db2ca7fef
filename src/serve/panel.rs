//! The teacher's Class panel: the class code, who is connected, whether
//! the teacher leads, and the activity: a question's answers arriving as
//! bars, the score table, or the poll's cloud with counts per quadrant.
//! [`CLASS_KEYS`] is the teacher's class keymap, as data: it dispatches
//! the keys and writes the panel's key list, so the two cannot drift.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::class::{Activity, Class};
use super::widgets::{self, OptionStyle};
use crate::data::Dataset;
use crate::text::{screen_line, truncate};
use crate::ui::Theme;

/// What a class key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Lead,
    Ask,
    Reveal,
    Scores,
    Poll,
    EndActivity,
    Names,
    Panel,
}

#[derive(Debug, Clone, Copy)]
pub struct ClassKey {
    pub key: char,
    pub command: Command,
    /// What the panel's key list says.
    pub desc: &'static str,
    /// One word, for the list on one line when the panel is short.
    pub short: &'static str,
}

/// The teacher's class keys: capitals, which the explorer's own keymap
/// leaves free (and which only act while no search field is open).
pub const CLASS_KEYS: &[ClassKey] = &[
    ClassKey {
        key: 'L',
        command: Command::Lead,
        desc: "lead (again: stop)",
        short: "lead",
    },
    ClassKey {
        key: 'A',
        command: Command::Ask,
        desc: "ask the next question",
        short: "ask",
    },
    ClassKey {
        key: 'R',
        command: Command::Reveal,
        desc: "reveal the answer",
        short: "reveal",
    },
    ClassKey {
        key: 'S',
        command: Command::Scores,
        desc: "score table",
        short: "scores",
    },
    ClassKey {
        key: 'P',
        command: Command::Poll,
        desc: "stance poll (again: close)",
        short: "poll",
    },
    ClassKey {
        key: 'E',
        command: Command::EndActivity,
        desc: "end it: back to browsing",
        short: "end",
    },
    ClassKey {
        key: 'N',
        command: Command::Names,
        desc: "hide or show names",
        short: "names",
    },
    ClassKey {
        key: 'C',
        command: Command::Panel,
        desc: "show or hide this panel",
        short: "panel",
    },
];

pub fn command_for(c: char) -> Option<Command> {
    CLASS_KEYS.iter().find(|k| k.key == c).map(|k| k.command)
}

/// What the panel needs besides the class.
pub struct Header<'a> {
    pub code: &'a str,
    pub joining: &'a str,
    /// A line for the teacher (the last class command's outcome).
    pub notice: Option<&'a str>,
}

pub fn render(
    d: &Dataset,
    class: &Class,
    header: &Header,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(theme.border_type)
        .border_style(theme.border)
        .title(Line::styled(" Class ", theme.title_focused))
        .style(theme.base);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 8 || inner.height < 4 {
        return;
    }
    let room = usize::from(inner.width);
    // The keys one per line when there is room, else on one wrapped line.
    let full_list = (CLASS_KEYS.len() as u16) < inner.height / 3;
    let keys_height = if full_list {
        CLASS_KEYS.len() as u16 + 1
    } else {
        3.min(inner.height / 3)
    };
    let [top, body, keys] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(1),
        Constraint::Length(keys_height),
    ])
    .areas(inner);

    Paragraph::new(header_lines(class, header, theme, room)).render(top, buf);

    match class.activity {
        Activity::Browsing => students(class, theme, body, buf),
        Activity::Question(n) => question(d, class, n, theme, body, buf),
        Activity::Scores => scores(class, theme, body, buf),
        Activity::Poll => poll(d, class, theme, body, buf),
    }
    class_keys(theme, full_list, keys, buf);
}

/// The panel's head: the class code and how many are here, the command
/// students type, who leads (and how many browse alone), and the last
/// class command's outcome.
fn header_lines<'a>(class: &Class, header: &Header, theme: &Theme, room: usize) -> Vec<Line<'a>> {
    let connected = class.connected_count();
    let alone = class
        .connected()
        .filter(|s| class.lead.is_some() && !s.following)
        .count();
    let lead = match class.lead {
        Some(l) if l.view == crate::app::View::Tour => {
            format!(
                "Leading: Tour, slide {} · {alone} browsing alone",
                l.tour_step + 1
            )
        }
        Some(l) => format!("Leading: {} · {alone} browsing alone", l.view.title()),
        None => "Not leading · L leads".to_string(),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Code ", theme.muted),
            Span::styled(header.code.to_string(), theme.heading),
            Span::styled(
                format!(" · {connected} of {} here", class.max_students),
                theme.muted,
            ),
        ]),
        Line::styled(truncate(header.joining, room).into_owned(), theme.muted),
        Line::raw(truncate(&lead, room).into_owned()),
    ];
    if let Some(n) = header.notice {
        lines.push(Line::styled(
            truncate(&screen_line(n), room).into_owned(),
            theme.note,
        ));
    }
    lines
}

/// The class keys: one a line under a heading when `full_list`, else all
/// on one wrapped line with their short descriptions.
fn class_keys(theme: &Theme, full_list: bool, keys: Rect, buf: &mut Buffer) {
    if full_list {
        let key_lines: Vec<Line> = std::iter::once(Line::styled("Class keys", theme.heading))
            .chain(CLASS_KEYS.iter().map(|k| {
                Line::from(vec![
                    Span::styled(format!("{} ", k.key), theme.key),
                    Span::raw(k.desc),
                ])
            }))
            .collect();
        Paragraph::new(key_lines).render(keys, buf);
    } else {
        let mut spans = Vec::new();
        for (i, k) in CLASS_KEYS.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", theme.muted));
            }
            spans.push(Span::styled(k.key.to_string(), theme.key));
            spans.push(Span::raw(format!(" {}", k.short)));
        }
        Paragraph::new(Line::from(spans))
            .wrap(Wrap { trim: true })
            .render(keys, buf);
    }
}

/// The name shown on the teacher's screen (hidden for the projector).
fn shown_name(class: &Class, id: u64, n: usize) -> String {
    if class.hide_names {
        format!("student {}", n + 1)
    } else {
        class
            .student(id)
            .map_or_else(String::new, |s| screen_line(&s.name).into_owned())
    }
}

fn students(class: &Class, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![Line::styled("Connected", theme.heading)];
    let here: Vec<_> = class.connected().collect();
    if here.is_empty() {
        lines.push(Line::styled("No one yet.", theme.muted));
    }
    let room = usize::from(area.height).saturating_sub(1);
    for (n, s) in here.iter().enumerate().take(room) {
        let mark = if class.lead.is_some() && s.following {
            "→ "
        } else {
            "· "
        };
        lines.push(Line::raw(format!("{mark}{}", shown_name(class, s.id, n))));
    }
    if here.len() > room {
        lines.pop();
        lines.push(Line::styled(
            format!("… and {} more", here.len() - room + 1),
            theme.muted,
        ));
    }
    Paragraph::new(lines).render(area, buf);
}

fn question(d: &Dataset, class: &Class, n: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(asked) = class.asked.get(n) else {
        return;
    };
    let room = usize::from(area.width);
    let mut lines = vec![
        Line::styled(
            format!(
                "Question {} · {} of {} answered",
                n + 1,
                asked.answers.len(),
                class.connected_count()
            ),
            theme.heading,
        ),
        Line::styled(widgets::quote_text(d, asked), theme.quotation),
    ];
    let options = widgets::option_lines(
        asked,
        theme,
        &OptionStyle {
            mine: None,
            cursor: None,
            bars: Some((room / 3).clamp(4, 30)),
        },
        room,
    );
    let text = Paragraph::new(lines.clone()).wrap(Wrap { trim: true });
    let quote_rows = text.line_count(area.width) as u16;
    let reserved = options.len() as u16 + if asked.revealed { 4 } else { 2 };
    let quote_height = quote_rows.min(area.height.saturating_sub(reserved)).max(1);
    let [q, rest] =
        Layout::vertical([Constraint::Length(quote_height), Constraint::Min(0)]).areas(area);
    Paragraph::new(std::mem::take(&mut lines))
        .wrap(Wrap { trim: true })
        .render(q, buf);
    let mut rest_lines = vec![Line::raw("")];
    rest_lines.extend(options);
    if asked.revealed {
        rest_lines.push(Line::styled(widgets::citation(d, asked), theme.muted));
        rest_lines.push(Line::styled(
            "A next question · S scores · E end",
            theme.note,
        ));
    } else {
        rest_lines.push(Line::styled("R reveals the answer", theme.note));
    }
    Paragraph::new(rest_lines)
        .wrap(Wrap { trim: true })
        .render(rest, buf);
}

fn scores(class: &Class, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let revealed = class.asked.iter().filter(|a| a.revealed).count();
    let mut lines = vec![Line::styled(
        format!("Scores · {revealed} questions revealed"),
        theme.heading,
    )];
    let rows = class.scores();
    let room = usize::from(area.height).saturating_sub(1);
    for (n, (id, right, answered)) in rows.iter().enumerate().take(room) {
        lines.push(Line::raw(format!(
            "{:>2}. {}  {right} right of {answered}",
            n + 1,
            shown_name(class, *id, n)
        )));
    }
    Paragraph::new(lines).render(area, buf);
}

fn poll(d: &Dataset, class: &Class, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(p) = &class.poll else { return };
    let state = if p.open { "open" } else { "closed" };
    Line::styled(
        format!(
            "Poll {state} · {} of {} placed",
            p.places.len(),
            class.connected_count()
        ),
        theme.heading,
    )
    .render(Rect { height: 1, ..area }, buf);
    let map = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let cloud: Vec<(f64, f64)> = p.places.values().map(|pl| (pl.x, pl.y)).collect();
    widgets::stance_map(d, theme, map, buf, &cloud, None, Some(p.quadrants()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::class::{ClassAction, update};

    fn text(buf: &Buffer) -> String {
        let area = buf.area;
        (area.top()..area.bottom())
            .map(|y| {
                (area.left()..area.right())
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }

    #[test]
    fn every_class_key_is_in_the_docs_and_none_is_taken_by_the_explorer() {
        let doc = include_str!("../../docs/serve.md");
        let keymap = crate::app::keymap::Keymap::default();
        for k in CLASS_KEYS {
            assert!(
                doc.contains(&format!("| `{}` |", k.key)),
                "docs/serve.md lacks {}",
                k.key
            );
            for b in &keymap.bindings {
                assert!(
                    !b.keys
                        .iter()
                        .any(|key| key.code == crossterm::event::KeyCode::Char(k.key)),
                    "{} is also the explorer's key for {}",
                    k.key,
                    b.desc
                );
            }
        }
    }

    #[test]
    fn the_panel_shows_answers_arriving_and_hides_names_when_asked() {
        let d = crate::data::load(None).unwrap().checked.dataset.unwrap();
        let mut c = Class::new(60);
        for (id, name) in [(1, "ada"), (2, "bo"), (3, "cy")] {
            update(
                &mut c,
                ClassAction::Join {
                    id,
                    name: name.into(),
                    at: 0,
                },
            );
        }
        let question = crate::serve::class::tests::question(2);
        update(&mut c, ClassAction::Ask { question, at: 1 });
        update(
            &mut c,
            ClassAction::Answer {
                id: 1,
                option: 2,
                at: 2,
            },
        );
        update(
            &mut c,
            ClassAction::Answer {
                id: 2,
                option: 2,
                at: 2,
            },
        );
        let theme = Theme::new(crate::ui::ThemeKind::Dark, true);
        let header = Header {
            code: "amber-otter-42",
            joining: "ssh -p 2222 yourname@127.0.0.1",
            notice: None,
        };
        let area = Rect::new(0, 0, 44, 30);
        let mut buf = Buffer::empty(area);
        render(&d, &c, &header, &theme, area, &mut buf);
        let shown = text(&buf);
        assert!(shown.contains("2 of 3 answered"), "{shown}");
        assert!(shown.contains("█"), "bars: {shown}");
        assert!(!shown.contains('✓'), "not revealed yet: {shown}");
        update(&mut c, ClassAction::Reveal);
        update(&mut c, ClassAction::ShowScores);
        let mut buf = Buffer::empty(area);
        render(&d, &c, &header, &theme, area, &mut buf);
        assert!(text(&buf).contains("ada"), "{}", text(&buf));
        update(&mut c, ClassAction::ToggleNames);
        let mut buf = Buffer::empty(area);
        render(&d, &c, &header, &theme, area, &mut buf);
        let shown = text(&buf);
        assert!(
            !shown.contains("ada") && shown.contains("student 1"),
            "{shown}"
        );
    }
}
