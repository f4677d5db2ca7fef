//! "Who said it?": the quote, four speakers, feedback, a running score and
//! a summary with every citation.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::app::quiz::{Quiz, SummaryLine};
use crate::text::screen_line;
use crate::ui::theme::Theme;
use crate::ui::widgets::pane_block;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let quiz = match &app.quiz {
        Some(Ok(q)) => q,
        Some(Err(why)) => {
            Paragraph::new(vec![
                Line::styled("No quiz for this dataset", theme.heading),
                Line::raw(""),
                Line::raw(why.clone()),
            ])
            .wrap(Wrap { trim: true })
            .block(pane_block(theme, Line::from(" Quiz "), true))
            .render(area, buf);
            return;
        }
        None => return,
    };
    let title = format!(
        " Who said it? · score {}/{} · seed {} ",
        quiz.score(),
        quiz.results.len(),
        quiz.seed
    );
    let block = pane_block(theme, Line::from(title), true);
    let lines = if quiz.finished() {
        summary(app, theme, quiz)
    } else {
        question(app, theme, quiz)
    };
    // Not trimmed: the answers' marks and indents line them up. Only the
    // summary scrolls; a question always fits from its top.
    let scroll = if quiz.finished() { quiz.scroll } else { 0 };
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(block.padding(ratatui::widgets::Padding::horizontal(1)))
        .render(area, buf);
}

fn question<'a>(app: &App, theme: &Theme, quiz: &Quiz) -> Vec<Line<'a>> {
    let d = &app.data;
    let Some(q) = quiz.question() else {
        return Vec::new();
    };
    let quote = &d.quotes[q.quote];
    let mut lines = vec![
        Line::styled(
            format!("Question {} of {}", quiz.current + 1, quiz.len()),
            theme.muted,
        ),
        Line::raw(""),
        Line::styled(
            format!("\u{201c}{}\u{201d}", screen_line(&quote.text)),
            theme.quotation,
        ),
        Line::raw(""),
    ];
    for (n, option) in q.options.iter().enumerate() {
        let name = screen_line(&crate::export::actor_label(d, option)).into_owned();
        let mark = match quiz.chosen {
            Some(_) if n == q.answer => "✓ ",
            Some(c) if c == n => "✗ ",
            _ if n == quiz.cursor => "› ",
            _ => "  ",
        };
        let style = match quiz.chosen {
            Some(_) if n == q.answer => theme.stances[0],
            Some(c) if c == n => theme.stances[4],
            _ if n == quiz.cursor => theme.selected,
            _ => theme.base,
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark}{} ", answer_key(n)), theme.key),
            Span::styled(name, style),
        ]));
    }
    lines.push(Line::raw(""));
    match quiz.chosen {
        None => lines.push(Line::styled("Press a-d, or ↑/↓ and Enter.", theme.muted)),
        Some(c) => {
            let right = c == q.answer;
            lines.push(Line::styled(
                if right {
                    "✓ Correct.".to_string()
                } else {
                    format!(
                        "✗ Not quite: it was {}.",
                        screen_line(&d.name_of(&q.options[q.answer]))
                    )
                },
                if right {
                    theme.stances[0]
                } else {
                    theme.stances[4]
                },
            ));
            if let Some(context) = &quote.context {
                lines.push(Line::raw(screen_line(context).into_owned()));
            }
            lines.push(Line::styled(
                format!("Citation: {}", screen_line(&d.source_line(quote))),
                theme.muted,
            ));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Enter or Space: next question · y copies the quote",
                theme.muted,
            ));
        }
    }
    lines
}

fn summary<'a>(app: &App, theme: &Theme, quiz: &Quiz) -> Vec<Line<'a>> {
    quiz.summary(&app.data)
        .into_iter()
        .map(|line| match line {
            SummaryLine::Score(s) => Line::styled(s, theme.heading),
            SummaryLine::Blank => Line::raw(""),
            SummaryLine::Answer { right, citation } => Line::from(vec![
                Span::styled(
                    SummaryLine::mark(right),
                    theme.stances[if right { 0 } else { 4 }],
                ),
                Span::raw(citation),
            ]),
            SummaryLine::Next(s) => Line::styled(s, theme.muted),
        })
        .collect()
}

/// The letter that answers with option `n`, as the keymap binds it.
fn answer_key(n: usize) -> char {
    char::from(b'a' + u8::try_from(n).unwrap_or(0))
}
