//! The quiz: the question (a quote, a reaction, an approach's description
//! or place on the map, or claims of disagreement between sources), four
//! options, feedback with the answer's source, a running score, the seed,
//! and a summary with every citation. In presenter mode the question's
//! heading, and a short quote, are drawn in the big font.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::app::quiz::{Kind, Prompt, Question, Quiz, SummaryLine};
use crate::layout;
use crate::text::screen_line;
use crate::ui::theme::Theme;
use crate::ui::widgets::pane_block;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let quiz = match &app.quiz.playing {
        Some(Ok(q)) => q,
        Some(Err(why)) => {
            Paragraph::new(vec![
                Line::styled(
                    format!(
                        "No \u{201c}{}\u{201d} for this dataset",
                        app.quiz.kind.title()
                    ),
                    theme.heading,
                ),
                Line::raw(""),
                Line::raw(why.clone()),
                Line::raw(""),
                Line::styled("t: another kind of question", theme.muted),
            ])
            .wrap(Wrap { trim: true })
            .block(pane_block(theme, Line::from(" Quiz "), true))
            .render(area, buf);
            return;
        }
        None => return,
    };
    let title = format!(
        " {} · score {}/{} · seed {} ",
        quiz.kind().title(),
        quiz.score(),
        quiz.results.len(),
        quiz.seed_label()
    );
    pane_block(theme, Line::from(title), true).render(area, buf);
    let inner = layout::quiz_text(area);
    if quiz.finished() {
        // Not trimmed: the marks line the citations up. Only the summary
        // scrolls; a question always fits from its top.
        Paragraph::new(summary(app, theme, quiz))
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(quiz.scroll).unwrap_or(u16::MAX), 0))
            .render(inner, buf);
        return;
    }
    let Some(q) = quiz.question() else { return };
    if app.screen.present {
        let inner = layout::padded_inner(area);
        let rest = question(theme, quiz, q, inner.width);
        return present(theme, quiz, q, rest, inner, buf);
    }
    let mut rest = question(theme, quiz, q, inner.width);
    let mut lines = heading(theme, quiz, q);
    lines.extend(prompt(theme, q, false));
    // Short of rows (60x16, long options), every option still shows: the
    // blank lines go first, then the counter (the title has the score).
    let fits = |lines: &[Line], rest: &Below| {
        rows_of(lines, inner.width) + rest.least(inner.width) <= usize::from(inner.height)
    };
    if !fits(&lines, &rest) {
        lines.retain(|l| l.width() > 0);
        rest.head.retain(|l| l.width() > 0);
    }
    if !fits(&lines, &rest) {
        lines = prompt(theme, q, false);
        lines.retain(|l| l.width() > 0);
    }
    let above = rows_of(&lines, inner.width);
    // The options, a blank and the hint, and room for the feedback that
    // answering adds: the question's place does not move when it comes.
    let needs = above + q.options.len() + 2 + FEEDBACK_ROWS;
    let inner = layout::quiz_question(inner, u16::try_from(needs).unwrap_or(u16::MAX));
    lines.extend(rest.fitted(theme, inner.width, usize::from(inner.height), above));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// Rows kept below the options for the verdict, why and the source.
const FEEDBACK_ROWS: usize = 8;

/// Presenter mode: the question's heading big, and the quote big when it
/// is short enough; whatever does not fit big is drawn as text, and the
/// explanation is cut before the options or the source are.
fn present(theme: &Theme, quiz: &Quiz, q: &Question, rest: Below, inner: Rect, buf: &mut Buffer) {
    let counter = Line::styled(
        format!("Question {} of {}", quiz.current + 1, quiz.len()),
        theme.muted,
    );
    let heading = big::lines(q.kind.title(), inner.width, 1);
    let quote = match &q.prompt {
        Prompt::Quote { text, .. } => big::lines(&format!("\"{text}\""), inner.width, 3),
        _ => None,
    };
    let text_prompt = prompt(theme, q, true);
    let least = rest.least(inner.width) + 1;
    let available = usize::from(inner.height);
    let big_rows = |l: &Option<Vec<String>>| l.as_ref().map_or(0, |l| l.len() * big::GLYPH_H + 1);
    let quote_as_text = rows_of(&text_prompt, inner.width);
    let rows = |title_big: bool, quote_big: bool| {
        let t = if title_big { big_rows(&heading) } else { 2 };
        let p = if quote_big {
            big_rows(&quote)
        } else {
            quote_as_text
        };
        1 + t + p
    };
    // What fits with the options and the source: both big, then the
    // heading alone, then neither.
    let (title_big, quote_big) =
        if quote.is_some() && heading.is_some() && rows(true, true) + least <= available {
            (true, true)
        } else if heading.is_some() && rows(true, false) + least <= available {
            (true, false)
        } else {
            (false, false)
        };
    let title_rows = if title_big { big_rows(&heading) } else { 2 };
    let prompt_rows = if quote_big {
        big_rows(&quote)
    } else {
        quote_as_text
    };
    let [counter_area, title_area, prompt_area, rest_area] =
        layout::quiz_present_parts(inner, title_rows, prompt_rows);
    counter.render(counter_area, buf);
    match (&heading, title_big) {
        (Some(lines), true) => big::render(lines, theme.heading, title_area, buf),
        _ => Line::styled(q.kind.title(), theme.heading).render(title_area, buf),
    }
    match (&quote, quote_big) {
        (Some(lines), true) => big::render(lines, theme.quotation, prompt_area, buf),
        _ => Paragraph::new(text_prompt)
            .wrap(Wrap { trim: false })
            .render(prompt_area, buf),
    }
    let lines = rest.fitted(theme, rest_area.width, usize::from(rest_area.height), 0);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(rest_area, buf);
}

/// The big font, as the tour uses it.
pub(crate) mod big {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use ratatui::text::Line;
    use ratatui::widgets::Widget;
    use tui_big_text::{BigText, PixelSize};

    pub const GLYPH_H: usize = crate::layout::BIG_GLYPH_H as usize;

    pub use crate::layout::big_lines as lines;

    pub fn render(lines: &[String], style: Style, area: Rect, buf: &mut Buffer) {
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(style)
            .lines(lines.iter().cloned().map(Line::from).collect::<Vec<_>>())
            .build()
            .render(area, buf);
    }
}

fn heading(theme: &Theme, quiz: &Quiz, q: &Question) -> Vec<Line<'static>> {
    let mut counter = format!("Question {} of {}", quiz.current + 1, quiz.len());
    // A mixed round says which question this is.
    if quiz.kind() == Kind::Mixed {
        counter.push_str(" · ");
        counter.push_str(q.kind.title());
    }
    vec![Line::styled(counter, theme.muted), Line::raw("")]
}

/// What the question shows before its options.
fn prompt(theme: &Theme, q: &Question, present: bool) -> Vec<Line<'static>> {
    let quotation = if present {
        theme.quotation.add_modifier(ratatui::style::Modifier::BOLD)
    } else {
        theme.quotation
    };
    let mut lines = Vec::new();
    match &q.prompt {
        Prompt::Quote { text, fragment } => {
            lines.push(Line::styled(
                format!("\u{201c}{}\u{201d}", screen_line(text)),
                quotation,
            ));
            if *fragment {
                lines.push(Line::styled(
                    "(a phrase from a longer sentence)",
                    theme.muted,
                ));
            }
        }
        Prompt::Reaction { actor, target, did } => {
            lines.push(Line::styled(
                format!(
                    "{} on {}: which stance?",
                    screen_line(actor),
                    screen_line(target)
                ),
                theme.heading,
            ));
            lines.push(Line::styled(
                format!("What the source reports: {}", screen_line(did)),
                quotation,
            ));
        }
        Prompt::Description { text } => {
            lines.push(Line::styled(
                "Which approach does this describe? (names left out as […])",
                theme.heading,
            ));
            lines.push(Line::styled(screen_line(text).into_owned(), quotation));
        }
        Prompt::Position { axes } => {
            lines.push(Line::styled(
                "Which approach sits here on the stance map?",
                theme.heading,
            ));
            for (name, value, towards) in axes {
                lines.push(Line::styled(
                    format!(
                        "{}: {value:+.1}, {}",
                        screen_line(name),
                        screen_line(towards)
                    ),
                    quotation,
                ));
            }
        }
        Prompt::Disagreement => {
            lines.push(Line::styled(
                "One of these is a disagreement the sources really have. Which?",
                theme.heading,
            ));
        }
    }
    lines.push(Line::raw(""));
    lines
}

/// A question's lines below its prompt: the options and the verdict
/// (`head`), why (`explanation`, plain text, cut first when the screen is
/// short) and where it comes from with what to press (`tail`).
struct Below {
    head: Vec<Line<'static>>,
    explanation: Vec<String>,
    tail: Vec<Line<'static>>,
}

fn rows_of(lines: &[Line], width: u16) -> usize {
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width)
}

impl Below {
    /// Rows it takes without its explanation.
    fn least(&self, width: u16) -> usize {
        rows_of(&self.head, width) + rows_of(&self.tail, width)
    }

    /// Every line, the explanation cut to what leaves room for the rest
    /// in `width` x `height` after `above` rows.
    fn fitted(self, theme: &Theme, width: u16, height: usize, above: usize) -> Vec<Line<'static>> {
        let room = height
            .saturating_sub(above)
            .saturating_sub(self.least(width));
        let wrapped: Vec<String> = self
            .explanation
            .iter()
            .flat_map(|e| crate::text::wrap(&screen_line(e), usize::from(width)))
            .collect();
        let wrapped = crate::text::keep_rows(wrapped, room, usize::from(width));
        let mut lines = self.head;
        lines.extend(wrapped.into_iter().map(|l| Line::styled(l, theme.base)));
        lines.extend(self.tail);
        lines
    }
}

/// Cells before an option's text: its mark and its letter ("› a ").
const OPTION_INDENT: usize = 4;

/// The options, then the feedback once answered, `width` cells wide.
fn question(theme: &Theme, quiz: &Quiz, q: &Question, width: u16) -> Below {
    let mut head = options(theme, quiz, q, width);
    head.push(Line::raw(""));
    let mut below = Below {
        head,
        explanation: Vec::new(),
        tail: Vec::new(),
    };
    match quiz.chosen {
        None => below.head.push(Line::styled(
            "Press a letter, or ↑/↓ and Enter.",
            theme.muted,
        )),
        Some(c) => {
            let style = if c == q.answer {
                theme.stances[0]
            } else {
                theme.stances[4]
            };
            below.head.push(Line::styled(verdict(q, c, width), style));
            below.explanation = q.explanation.clone();
            below.tail.push(Line::styled(
                format!("Source: {}", screen_line(&q.citation)),
                theme.muted,
            ));
            below
                .tail
                .push(Line::styled(next_keys(quiz, q), theme.muted));
        }
    }
    below
}

/// The options, each marked (chosen, right, under the cursor) with its
/// letter, `width` cells wide: an option too long for a row goes on
/// under its text, not under its letter.
fn options(theme: &Theme, quiz: &Quiz, q: &Question, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let text_width = usize::from(width).saturating_sub(OPTION_INDENT);
    for (n, option) in q.options.iter().enumerate() {
        let name = screen_line(option);
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
        for (row, text) in crate::text::wrap(&name, text_width).into_iter().enumerate() {
            let lead = if row == 0 {
                Span::styled(format!("{mark}{} ", answer_key(n)), theme.key)
            } else {
                Span::raw(" ".repeat(OPTION_INDENT))
            };
            lines.push(Line::from(vec![lead, Span::styled(text, style)]));
        }
    }
    lines
}

/// The verdict on option `chosen`, in one form for every question, "the
/// answer was Li Qiang (b)", the answer whole; one too long for the
/// `width` is named by its letter only (it is marked ✓ above), so that
/// naming it does not push its source off a small screen.
fn verdict(q: &Question, chosen: usize, width: u16) -> String {
    if chosen == q.answer {
        return "✓ Correct.".to_string();
    }
    let key = answer_key(q.answer);
    let whole = format!(
        "✗ Not quite: the answer was {} ({key}).",
        screen_line(&q.options[q.answer])
    );
    if crate::text::width(&whole) <= usize::from(width) {
        whole
    } else {
        format!("✗ Not quite: the answer was ({key}).")
    }
}

/// The keys that go on from an answered question.
fn next_keys(quiz: &Quiz, q: &Question) -> String {
    let copy = if q.quote.is_some() {
        " · y copies the quote"
    } else {
        ""
    };
    let next = if quiz.current + 1 < quiz.len() {
        "next question"
    } else {
        "the summary"
    };
    format!("Enter or Space: {next}{copy}")
}

fn summary(app: &App, theme: &Theme, quiz: &Quiz) -> Vec<Line<'static>> {
    quiz.summary(&app.corpus.data)
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
