//! Drawing shared by the students' overlays and the teacher's Class
//! panel: a quiz question with its options (and, for the teacher, the
//! answers as bars), and the class stance map. Every string from the data
//! or from a student goes through `text::screen_line`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::class::Asked;
use crate::data::Dataset;
use crate::text::{screen_line, truncate, width};
use crate::ui::Theme;

/// The quote asked, in quotation marks.
pub fn quote_text(d: &Dataset, asked: &Asked) -> String {
    asked
        .question
        .quote
        .and_then(|i| d.quotes.get(i))
        .map(|q| format!("“{}”", screen_line(&q.text)))
        .unwrap_or_default()
}

/// The citation of the quote asked: speaker, source, date.
pub fn citation(d: &Dataset, asked: &Asked) -> String {
    asked
        .question
        .quote
        .and_then(|i| d.quotes.get(i))
        .map(|q| screen_line(&d.citation(q)).into_owned())
        .unwrap_or_default()
}

/// Where the answers go: `mine` is the student's answer, `cursor` the
/// option their arrows mark (students only); `bars` gives each option's
/// count and draws it as a bar `bar_width` wide (teacher only).
pub struct OptionStyle {
    pub mine: Option<usize>,
    pub cursor: Option<usize>,
    pub bars: Option<usize>,
}

pub fn option_lines(
    asked: &Asked,
    theme: &Theme,
    how: &OptionStyle,
    room: usize,
) -> Vec<Line<'static>> {
    let counts = asked.counts();
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    asked
        .question
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let letter = char::from(b'a' + i as u8);
            let right = asked.revealed && i == asked.question.answer;
            let mark = if right {
                "✓"
            } else if asked.revealed && how.mine == Some(i) {
                "✗"
            } else if how.mine == Some(i) {
                "●"
            } else {
                " "
            };
            let style = if right {
                theme.heading.add_modifier(Modifier::BOLD)
            } else if how.cursor == Some(i) && how.mine.is_none() && !asked.revealed {
                theme.selected
            } else {
                Style::default()
            };
            // Options are labels, drawn by the quiz (`crate::quiz`).
            let name = screen_line(option).into_owned();
            let mut spans = vec![
                Span::styled(format!("{mark} {letter}) "), style),
                Span::styled(String::new(), style),
            ];
            match how.bars {
                Some(bar_width) => {
                    let name_room = room.saturating_sub(bar_width + 10);
                    let name = truncate(&name, name_room.max(4)).into_owned();
                    let pad = name_room.saturating_sub(width(&name));
                    let filled = (counts[i] * bar_width).div_ceil(most);
                    spans[1] = Span::styled(format!("{name}{} ", " ".repeat(pad)), style);
                    spans.push(Span::styled("█".repeat(filled), theme.heading));
                    spans.push(Span::styled(
                        "░".repeat(bar_width - filled.min(bar_width)),
                        theme.muted,
                    ));
                    spans.push(Span::raw(format!(" {}", counts[i])));
                }
                None => {
                    spans[1] =
                        Span::styled(truncate(&name, room.saturating_sub(6)).into_owned(), style)
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// Data range drawn, as on the explorer's map: a margin beyond [-1, 1].
const BOUND: f64 = 1.15;

/// The cell of (x, y) in `plot`.
pub fn cell(plot: Rect, x: f64, y: f64) -> (u16, u16) {
    let fx = ((x + BOUND) / (2.0 * BOUND)).clamp(0.0, 1.0);
    let fy = ((BOUND - y) / (2.0 * BOUND)).clamp(0.0, 1.0);
    let cx = plot.x + (fx * f64::from(plot.width.saturating_sub(1))).round() as u16;
    let cy = plot.y + (fy * f64::from(plot.height.saturating_sub(1))).round() as u16;
    (cx, cy)
}

/// The class stance map in `area`: the axes through the origin, the
/// approaches (●), the class's points (· one, a digit for several in a
/// cell, + for ten or more), the student's own point `cursor` (◎), and
/// the count per quadrant in each corner when `counts` is given.
pub fn stance_map(
    d: &Dataset,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    cloud: &[(f64, f64)],
    cursor: Option<(f64, f64)>,
    counts: Option<[usize; 4]>,
) {
    let (Some(ax), Some(ay)) = (d.axes.first(), d.axes.get(1)) else {
        buf.set_string(
            area.x,
            area.y,
            truncate(
                "This dataset has no stance map (it needs two axes).",
                area.width.into(),
            ),
            theme.note,
        );
        return;
    };
    if area.width < 12 || area.height < 5 {
        return;
    }
    axis_ends(ax, ay, theme, area, buf);
    // Between the rows of the axes' ends.
    let plot = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    axes_and_approaches(d, theme, plot, buf);
    class_marks(theme, plot, cloud, cursor, buf);
    if let Some(counts) = counts {
        quadrant_counts(theme, plot, counts, buf);
    }
}

/// The count of points in each quadrant, in its corner of `plot`.
fn quadrant_counts(theme: &Theme, plot: Rect, [ul, ur, ll, lr]: [usize; 4], buf: &mut Buffer) {
    let corner = |n: usize| format!(" {n} ");
    let s = theme.tab_active;
    buf.set_string(plot.x, plot.y, corner(ul), s);
    let t = corner(ur);
    buf.set_string(plot.right().saturating_sub(width(&t) as u16), plot.y, &t, s);
    let b = plot.bottom().saturating_sub(1);
    buf.set_string(plot.x, b, corner(ll), s);
    let t = corner(lr);
    buf.set_string(plot.right().saturating_sub(width(&t) as u16), b, &t, s);
}

/// The axes' ends around `area`: on the top row the high end of the
/// vertical axis; on the bottom row the ends of the horizontal one and
/// the low end of the vertical.
fn axis_ends(
    ax: &crate::data::Axis,
    ay: &crate::data::Axis,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let top = Rect { height: 1, ..area };
    let bottom = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let room = usize::from(area.width);
    let up = truncate(&format!("↑ {}", screen_line(&ay.high)), room).into_owned();
    let up_x = area.x + area.width.saturating_sub(width(&up) as u16) / 2;
    buf.set_string(up_x, top.y, &up, theme.muted);
    let third = room.saturating_sub(2) / 3;
    let low = truncate(&format!("← {}", screen_line(&ax.low)), third).into_owned();
    let high = truncate(&format!("{} →", screen_line(&ax.high)), third).into_owned();
    let down = truncate(&format!("↓ {}", screen_line(&ay.low)), third).into_owned();
    buf.set_string(bottom.x, bottom.y, &low, theme.muted);
    let hw = width(&high) as u16;
    buf.set_string(
        bottom.right().saturating_sub(hw),
        bottom.y,
        &high,
        theme.muted,
    );
    let dw = width(&down) as u16;
    let dx =
        (bottom.x + bottom.width.saturating_sub(dw) / 2).max(bottom.x + width(&low) as u16 + 1);
    buf.set_string(dx, bottom.y, &down, theme.muted);
}

/// The axes through the origin of `plot`, and the approaches (●) with
/// their short names where they fit.
fn axes_and_approaches(d: &Dataset, theme: &Theme, plot: Rect, buf: &mut Buffer) {
    let (ox, oy) = cell(plot, 0.0, 0.0);
    for x in plot.left()..plot.right() {
        buf.set_string(x, oy, "─", theme.border);
    }
    for y in plot.top()..plot.bottom() {
        buf.set_string(ox, y, "│", theme.border);
    }
    buf.set_string(ox, oy, "┼", theme.border);
    for p in crate::app::map::points(d).iter().filter(|p| p.is_approach) {
        let (cx, cy) = cell(plot, p.x, p.y);
        buf.set_string(cx, cy, "●", theme.muted);
        let label = truncate(&screen_line(&p.short), 12).into_owned();
        let lx = cx + 1;
        if lx + (width(&label) as u16) < plot.right() {
            buf.set_string(lx, cy, &label, theme.muted);
        }
    }
}

/// The class's points (· one, a digit for several in a cell, + for ten
/// or more) and the student's own point `cursor` (◎).
fn class_marks(
    theme: &Theme,
    plot: Rect,
    cloud: &[(f64, f64)],
    cursor: Option<(f64, f64)>,
    buf: &mut Buffer,
) {
    let mut per_cell: std::collections::HashMap<(u16, u16), usize> = Default::default();
    for &(x, y) in cloud {
        *per_cell.entry(cell(plot, x, y)).or_default() += 1;
    }
    for ((cx, cy), n) in per_cell {
        let mark = match n {
            1 => "•".to_string(),
            2..=9 => n.to_string(),
            _ => "+".to_string(),
        };
        buf.set_string(cx, cy, mark, theme.heading.add_modifier(Modifier::BOLD));
    }
    if let Some((x, y)) = cursor {
        let (cx, cy) = cell(plot, x, y);
        buf.set_string(cx, cy, "◎", theme.selected);
    }
    if let Some((x, y)) = cursor {
        let (cx, cy) = cell(plot, x, y);
        buf.set_string(cx, cy, "◎", theme.selected);
    }
}

/// A boxed area in the middle of `area`, cleared, with a title; returns
/// the inside.
pub fn dialog(
    theme: &Theme,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    buf: &mut Buffer,
) -> Rect {
    use ratatui::widgets::{Block, Borders, Clear, Widget};
    let w = width.min(area.width);
    let h = height.min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(theme.border_type_focused)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {title} "), theme.title_focused))
        .style(theme.base);
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}
