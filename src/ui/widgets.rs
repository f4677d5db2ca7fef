//! Small pieces shared by the panes: safe text, bordered blocks, list rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::app::Cursor;

use super::theme::Theme;

/// A pane's frame: heavier border and highlighted title when focused.
pub fn pane_block<'a>(theme: &Theme, title: Line<'a>, focused: bool) -> Block<'a> {
    let (border, kind, title_style) = if focused {
        (
            theme.border_focused,
            theme.border_type_focused,
            theme.title_focused,
        )
    } else {
        (theme.border, theme.border_type, theme.title)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(border)
        .title(title.style(title_style))
}

/// A list pane: rows inside a bordered block, the cursor's row
/// highlighted. The cursor's offset has been kept valid by `update`, so
/// drawing only reads.
pub struct PaneList<'a> {
    pub block: Block<'a>,
    pub rows: Vec<Line<'a>>,
    pub cursor: Cursor,
    pub focused: bool,
    /// Said in the pane when it has no rows.
    pub empty: &'a str,
    /// When `rows` are only the visible part of a longer list: where
    /// they start in it and its length. `None`: `rows` are the whole list.
    pub window: Option<Window>,
    /// Lines each row takes (`layout::row_lines`); with more than one,
    /// `more[i]` are row `i`'s lines after its first (fewer leave blank).
    pub lines: usize,
    pub more: Vec<Vec<Line<'a>>>,
}

/// The visible part of a list: its first row's index, and the length of
/// the whole list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub total: usize,
}

impl PaneList<'_> {
    pub fn render(self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        let inner = self.block.inner(area);
        self.block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        if self.rows.is_empty() {
            ratatui::widgets::Paragraph::new(Line::styled(self.empty, theme.muted))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
            return;
        }
        let highlight = if self.focused {
            theme.selected
        } else {
            theme.selected_idle
        };
        let cursor = self.cursor;
        let window = self.window.unwrap_or(Window {
            first: cursor.offset,
            total: self.rows.len(),
        });
        scrollbar(window, area, inner.height, theme, buf);
        let lines = self.lines.max(1);
        let mut more = self.more.into_iter();
        for (i, row) in self.rows.into_iter().enumerate() {
            let extra = more.next().unwrap_or_default();
            if i < cursor.offset {
                continue;
            }
            let top = (i - cursor.offset).saturating_mul(lines);
            if top >= usize::from(inner.height) {
                break;
            }
            let y = inner.y + u16::try_from(top).unwrap_or(u16::MAX);
            let slot = Rect::new(inner.x, y, inner.width, 1);
            let slot = Rect {
                height: u16::try_from(lines).unwrap_or(1),
                ..slot
            }
            .intersection(inner);
            let selected = i == cursor.selected;
            let marker = if selected { "› " } else { "  " };
            let mut spans = vec![Span::raw(marker)];
            spans.extend(row.spans);
            fit(Line::from(spans), usize::from(inner.width))
                .render(Rect { height: 1, ..slot }, buf);
            // Lines after the first line up under its text.
            for (n, line) in extra.into_iter().take(lines - 1).enumerate() {
                let y = slot.y + 1 + u16::try_from(n).unwrap_or(u16::MAX);
                if y >= slot.bottom() {
                    break;
                }
                let mut spans = vec![Span::raw("  ")];
                spans.extend(line.spans);
                fit(Line::from(spans), usize::from(inner.width))
                    .render(Rect::new(slot.x, y, slot.width, 1), buf);
            }
            if selected {
                // The selection wins over the row's own colours; the
                // marker and the words still say what the colours said.
                buf.set_style(slot, highlight);
            }
        }
    }
}

/// A scrollbar on the right border of a list that does not fit, so that
/// where one is in 100,000 quotes shows at a glance. Only the thumb is
/// drawn, as a block that stands out on thin and thick borders alike:
/// the border stays the track.
fn scrollbar(window: Window, area: Rect, visible: u16, theme: &Theme, buf: &mut Buffer) {
    let visible = usize::from(visible);
    if window.total <= visible || area.height < 3 {
        return;
    }
    let track = Rect {
        x: area.right().saturating_sub(1),
        y: area.y + 1,
        width: 1,
        height: area.height - 2,
    };
    let mut state = ScrollbarState::new(window.total.saturating_sub(visible))
        .viewport_content_length(visible)
        .position(window.first);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(None)
        .thumb_symbol("█")
        .thumb_style(theme.heading)
        .render(track, buf, &mut state);
}

/// Cut a line to `max` cells, ending in `…` when anything was cut, so a
/// clipped row says it is clipped.
pub fn fit(line: Line<'_>, max: usize) -> Line<'_> {
    let total: usize = line
        .spans
        .iter()
        .map(|s| crate::text::width(&s.content))
        .sum();
    if total <= max {
        return line;
    }
    let mut room = max.saturating_sub(1);
    let mut spans = Vec::new();
    let mut last_style = Style::default();
    for span in line.spans {
        if room == 0 {
            break;
        }
        let w = crate::text::width(&span.content);
        last_style = span.style;
        if w <= room {
            room -= w;
            spans.push(span);
        } else {
            let mut cut = String::new();
            for c in span.content.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if cw > room {
                    break;
                }
                room -= cw;
                cut.push(c);
            }
            spans.push(Span::styled(cut, span.style));
            break;
        }
    }
    if max > 0 {
        spans.push(Span::styled("…", last_style));
    }
    Line::from(spans).style(line.style)
}

/// The rows of a list that fit in `area` (inside its border), and the
/// cursor relative to them: panes build only these rows, whatever the
/// list's length (100,000 quotes cost what 20 do).
pub fn visible_rows(cursor: Cursor, len: usize, area: Rect) -> (std::ops::Range<usize>, Cursor) {
    let height = usize::from(area.height.saturating_sub(2));
    let start = cursor.offset.min(len);
    let end = (start + height).min(len);
    (
        start..end,
        Cursor {
            selected: cursor.selected.saturating_sub(start),
            offset: 0,
        },
    )
}

/// `text` (from data) wrapped at words to `width` columns on at most
/// `lines` lines, the last ending in `…` when text is left over: the
/// lines of a list row after its first.
pub fn wrapped<'a>(text: &str, width: usize, lines: usize, style: Style) -> Vec<Line<'a>> {
    if lines == 0 || width == 0 {
        return Vec::new();
    }
    let text = crate::text::screen_line(text);
    let mut out = crate::text::wrap(&text, width);
    if out.len() > lines {
        let rest = out[lines - 1..].join(" ");
        out.truncate(lines - 1);
        out.push(crate::text::truncate(&rest, width).into_owned());
    }
    out.into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// The first of `titles` (longest first) that fits a frame `width`
/// columns wide with its corners; the last cut with `…` if none does: a
/// title never loses its end unmarked.
pub fn first_fitting(titles: &[String], width: u16) -> String {
    let room = usize::from(width).saturating_sub(2);
    titles
        .iter()
        .find(|t| crate::text::width(t) <= room)
        .cloned()
        .unwrap_or_else(|| {
            let last = titles.last().map(String::as_str).unwrap_or("");
            crate::text::truncate(last, room).into_owned()
        })
}

/// A pane's title, "Title (3/12)", from the first of `titles` (longest
/// first: full names, then short ones, then the bare title) that fits a
/// pane `width` columns wide with its border: a title is never cut. When
/// only the bare title would fit with its count, a title that says more
/// goes without the count (the scrollbar still shows where the cursor
/// is): what the rows share is worth more than their number.
pub fn fitted_title<'a>(titles: &[String], cursor: Cursor, len: usize, width: u16) -> Line<'a> {
    let (i, counted) =
        title_choice(titles, cursor, len, width).unwrap_or((titles.len().saturating_sub(1), true));
    let Some(title) = titles.get(i) else {
        return Line::default();
    };
    let title = crate::text::screen_line(title);
    if counted {
        counted_title(&title, cursor, len)
    } else {
        Line::from(format!(" {title} "))
    }
}

/// Which of `titles` [`fitted_title`] shows, if one fits.
pub fn fitting(titles: &[String], cursor: Cursor, len: usize, width: u16) -> Option<usize> {
    title_choice(titles, cursor, len, width).map(|(i, _)| i)
}

/// Which title fits, and whether with its count.
fn title_choice(
    titles: &[String],
    cursor: Cursor,
    len: usize,
    width: u16,
) -> Option<(usize, bool)> {
    let room = usize::from(width).saturating_sub(2);
    let fits = |line: String| crate::text::width(&line) <= room;
    let counted = titles
        .iter()
        .position(|t| fits(counted_title(&crate::text::screen_line(t), cursor, len).to_string()));
    let last = titles.len().saturating_sub(1);
    match counted {
        Some(i) if i < last => Some((i, true)),
        _ => titles[..last]
            .iter()
            .position(|t| fits(format!(" {} ", crate::text::screen_line(t))))
            .map(|i| (i, false))
            .or(counted.map(|i| (i, true))),
    }
}

/// "Title (3/12)" for a pane's border.
pub fn counted_title<'a>(title: &str, cursor: Cursor, len: usize) -> Line<'a> {
    if len == 0 {
        Line::from(format!(" {title} (0) "))
    } else {
        Line::from(format!(" {title} ({}/{len}) ", cursor.selected + 1))
    }
}
