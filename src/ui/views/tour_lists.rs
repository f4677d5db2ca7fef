//! What a tour slide can show besides the other views: the reactions to
//! (or by) one item grouped by stance, the dataset's learning objectives,
//! and its discussion questions. Drawn from the data alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::tour::ListLine;
use crate::text::screen_line;
use crate::ui::theme::Theme;
use crate::ui::widgets::pane_block;

/// A slide's list (`app::tour::slide_list`) in a titled box, from line
/// `scroll` on.
pub fn list(
    theme: &Theme,
    title: &str,
    lines: &[ListLine],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut out: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .map(|line| match line {
            ListLine::Stance(stance) => Line::styled(
                format!("{} {}", stance.symbol(), stance.label()),
                theme.stance(*stance).add_modifier(Modifier::BOLD),
            ),
            ListLine::Reaction { text, marked } => Line::from(vec![
                Span::styled(if *marked { "  › " } else { "    " }, theme.key),
                Span::styled(
                    text.clone(),
                    if *marked { theme.selected } else { theme.base },
                ),
            ]),
            ListLine::Item { lead, first, text } => Line::from(vec![
                Span::styled(lead.clone(), if *first { theme.key } else { theme.base }),
                Span::styled(text.clone(), theme.base),
            ]),
            ListLine::Blank => Line::raw(""),
        })
        .collect();
    if lines.is_empty() {
        out.push(Line::styled("No reactions concern this.", theme.note));
    }
    Paragraph::new(out)
        .block(pane_block(theme, Line::from(format!(" {title} ")), false))
        .render(area, buf);
}

/// A list's title in `width` columns: whose reactions (by the item's
/// name, or its short one when the name does not fit), or what the
/// numbered items are.
pub fn title(
    d: &crate::data::Dataset,
    view: crate::data::TourView,
    filter: Option<&str>,
    width: u16,
) -> String {
    use crate::data::TourView;
    match view {
        TourView::Reactions => match filter {
            Some(id) => {
                let of = |name: String| format!("Reactions to {}, by stance", screen_line(&name));
                let full = of(d.name_of(id));
                // The frame's corners and a space either side.
                if crate::text::width(&full) + 4 <= usize::from(width) {
                    full
                } else {
                    of(d.short_name_of(id))
                }
            }
            None => "Reactions, by stance".to_string(),
        },
        TourView::Objectives => "What you will be able to do".to_string(),
        _ => "Questions to discuss".to_string(),
    }
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
        let lines = crate::app::tour::numbered_lines(&items, 28, 6);
        list(&theme, "Q", &lines, 0, area, &mut buf);
        let rows = rows(&buf);
        assert!(
            rows[1].starts_with("│1. one two three four five"),
            "{rows:#?}"
        );
        // The continuation starts under "one", not under "1".
        assert!(rows[2].starts_with("│   six seven eight"), "{rows:#?}");
        assert!(rows[4].starts_with("│2. short"), "{rows:#?}");
    }

    #[test]
    fn a_scrolled_list_starts_further_down() {
        let theme = Theme::dark();
        let area = Rect::new(0, 0, 30, 4);
        let mut buf = Buffer::empty(area);
        let items = ["one", "two", "three"];
        let lines = crate::app::tour::numbered_lines(&items, 28, 2);
        list(&theme, "Q", &lines, 1, area, &mut buf);
        let rows = rows(&buf);
        assert!(rows[1].starts_with("│2. two"), "{rows:#?}");
        assert!(rows[2].starts_with("│3. three"), "{rows:#?}");
    }
}
