//! What a tour slide can show besides the other views: the reactions to
//! (or by) one item grouped by stance, the dataset's learning objectives,
//! and its discussion questions. Drawn from the data alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::data::Stance;
use crate::data::relations::{self, Focus};
use crate::text::screen_line;
use crate::ui::theme::Theme;
use crate::ui::widgets::pane_block;

/// The reactions `filter` keeps (every one without it), by stance from
/// most for to most against, the focused one marked.
pub fn reactions(
    app: &App,
    theme: &Theme,
    filter: Option<&str>,
    focus: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) {
    let d = &app.corpus.data;
    let scope = filter.and_then(|id| match d.item(id)? {
        crate::data::ItemRef::Approach(_) => Some(Focus::Approach(id.to_string())),
        crate::data::ItemRef::Actor(_) => Some(Focus::Actor(id.to_string())),
        _ => None,
    });
    let rows = relations::reactions_for(d, scope.as_ref());
    let title = match filter {
        Some(id) => format!(" Reactions to {}, by stance ", screen_line(&d.name_of(id))),
        None => " Reactions, by stance ".to_string(),
    };
    let mut lines = Vec::new();
    for stance in Stance::ALL {
        let of: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&r| d.reactions[r].stance == stance)
            .collect();
        if of.is_empty() {
            continue;
        }
        let style = theme.stance(stance);
        lines.push(Line::styled(
            format!("{} {}", stance.symbol(), stance.label()),
            style.add_modifier(Modifier::BOLD),
        ));
        for r in of {
            let reaction = &d.reactions[r];
            let marked = focus == Some(reaction.id.as_str());
            let who = format!(
                "{} → {}",
                screen_line(&d.name_of(&reaction.actor)),
                screen_line(&d.short_name_of(&reaction.target))
            );
            lines.push(Line::from(vec![
                Span::styled(if marked { "  › " } else { "    " }, theme.key),
                Span::styled(who, if marked { theme.selected } else { theme.base }),
            ]));
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled("No reactions concern this.", theme.note));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(pane_block(theme, Line::from(title), false))
        .render(area, buf);
}

/// A numbered list in a titled box: the objectives or the questions.
/// A blank line between items when they all fit with it. Each item wraps
/// under its own text, not under its number (a hanging indent), so the
/// numbers stand alone down the left edge.
pub fn numbered(theme: &Theme, title: &str, items: &[&str], area: Rect, buf: &mut Buffer) {
    let block = pane_block(theme, Line::from(format!(" {title} ")), false);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let lines = |spaced: bool| {
        let mut lines = Vec::new();
        for (n, item) in items.iter().enumerate() {
            if n > 0 && spaced {
                lines.push(Line::raw(""));
            }
            let number = format!("{}. ", n + 1);
            let indent = number.len();
            let text = screen_line(item);
            for (i, part) in crate::text::wrap(&text, width.saturating_sub(indent))
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 {
                    Span::styled(number.clone(), theme.key)
                } else {
                    Span::raw(" ".repeat(indent))
                };
                lines.push(Line::from(vec![lead, Span::styled(part, theme.base)]));
            }
        }
        lines
    };
    let spaced = lines(true);
    let lines = if spaced.len() <= usize::from(inner.height) {
        spaced
    } else {
        lines(false)
    };
    Paragraph::new(lines).block(block).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(buf: &Buffer) -> Vec<String> {
        let area = buf.area;
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn numbered_items_wrap_under_their_text() {
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 30, 8);
        let mut buf = Buffer::empty(area);
        let items = ["one two three four five six seven eight", "short"];
        numbered(&theme, "Q", &items, area, &mut buf);
        let rows = rows(&buf);
        assert!(
            rows[1].starts_with("│1. one two three four five"),
            "{rows:#?}"
        );
        // The continuation starts under "one", not under "1".
        assert!(rows[2].starts_with("│   six seven eight"), "{rows:#?}");
        assert!(rows[4].starts_with("│2. short"), "{rows:#?}");
    }
}
