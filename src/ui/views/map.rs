//! The stance map: approaches and actors on the first two axes, with
//! quadrant lines, axis labels, a legend and the selected item's note.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::app::map::points;
use crate::text::{sanitize_line, truncate, width};
use crate::ui::theme::Theme;
use crate::ui::widgets::pane_block;

/// Data range drawn: a margin beyond [-1, 1] so edge points keep a label.
const BOUND: f64 = 1.15;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let pts = points(d);
    let (Some(ax), Some(ay)) = (d.axes.first(), d.axes.get(1)) else {
        Paragraph::new(
            "The stance map needs two [[axis]] tables and items with a position on both.",
        )
        .style(theme.note)
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return;
    };
    let wide = area.width >= 100;
    let (map_area, side) = if wide {
        let [m, s] = Layout::horizontal([Constraint::Percentage(64), Constraint::Percentage(36)])
            .areas(area);
        (m, s)
    } else {
        let [m, s] = Layout::vertical([Constraint::Min(8), Constraint::Length(9)]).areas(area);
        (m, s)
    };
    let title = Line::from(format!(
        " Stance map · {} across, {} up · arrows move ",
        sanitize_line(&ax.name),
        sanitize_line(&ay.name)
    ));
    // The caveat and the legend sit on the map's own frame, so they are on
    // screen whatever the size.
    let block = pane_block(theme, title, true).title_bottom(Line::styled(
        " Positions are an editorial reading of the sources ",
        theme.note,
    ));
    let inner = block.inner(map_area);
    block.render(map_area, buf);
    if inner.width < 10 || inner.height < 5 {
        return;
    }
    // Rows: the top axis label, the plot, the bottom axis label.
    let [top, plot, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    Line::styled(format!("↑ {}", sanitize_line(&ay.high)), theme.muted)
        .centered()
        .render(top, buf);
    Line::styled(format!("↓ {}", sanitize_line(&ay.low)), theme.muted)
        .centered()
        .render(bottom, buf);

    let selected = pts.get(app.map_selected);
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([-BOUND, BOUND])
        .y_bounds([-BOUND, BOUND])
        .paint(|ctx| {
            ctx.draw(&CanvasLine::new(
                -BOUND,
                0.0,
                BOUND,
                0.0,
                theme.border.fg.unwrap_or_default(),
            ));
            ctx.draw(&CanvasLine::new(
                0.0,
                -BOUND,
                0.0,
                BOUND,
                theme.border.fg.unwrap_or_default(),
            ));
        })
        .render(plot, buf);
    // Axis end labels on the horizontal line.
    let mid = plot.y + plot.height / 2;
    let left_label = format!("← {}", sanitize_line(&ax.low));
    let right_label = format!("{} →", sanitize_line(&ax.high));
    buf.set_string(plot.x, mid, &left_label, theme.muted);
    let rx = plot
        .right()
        .saturating_sub(u16::try_from(width(&right_label)).unwrap_or(0));
    buf.set_string(rx, mid, &right_label, theme.muted);

    // Points and labels, placed so that labels do not overlap: each label
    // tries right of its point, then left, then above, then below.
    let mut taken: Vec<Rect> = vec![
        Rect::new(
            plot.x,
            mid,
            u16::try_from(width(&left_label)).unwrap_or(0),
            1,
        ),
        Rect::new(rx, mid, u16::try_from(width(&right_label)).unwrap_or(0), 1),
    ];
    let cell = |x: f64, y: f64| -> (u16, u16) {
        let fx = (x + BOUND) / (2.0 * BOUND);
        let fy = (BOUND - y) / (2.0 * BOUND);
        let cx = plot.x + (fx * f64::from(plot.width.saturating_sub(1))).round() as u16;
        let cy = plot.y + (fy * f64::from(plot.height.saturating_sub(1))).round() as u16;
        (cx, cy)
    };
    let cells: Vec<(u16, u16)> = pts.iter().map(|p| cell(p.x, p.y)).collect();
    for &(cx, cy) in &cells {
        taken.push(Rect::new(cx, cy, 1, 1));
    }
    // The selected label is placed first so it always gets its best spot.
    let mut order: Vec<usize> = (0..pts.len()).collect();
    order.sort_by_key(|&i| i != app.map_selected);
    for i in order {
        let p = &pts[i];
        let (cx, cy) = cells[i];
        let is_selected = i == app.map_selected;
        let marker = if p.is_approach { "●" } else { "◆" };
        let style = if is_selected {
            theme.selected
        } else {
            theme.heading
        };
        buf.set_string(cx, cy, marker, style);
        let room = usize::from(plot.width / 2).max(8);
        let name = truncate(&sanitize_line(&p.name), room).into_owned();
        let w = u16::try_from(width(&name)).unwrap_or(0);
        let candidates = [
            (cx.saturating_add(2), cy),
            (cx.saturating_sub(w + 1), cy),
            (cx.saturating_sub(w / 2), cy.saturating_sub(1)),
            (cx.saturating_sub(w / 2), cy.saturating_add(1)),
        ];
        let spot = candidates
            .into_iter()
            .map(|(x, y)| Rect::new(x, y, w, 1))
            .find(|r| {
                r.x >= plot.x
                    && r.right() <= plot.right()
                    && r.y >= plot.y
                    && r.bottom() <= plot.bottom()
                    && !taken.iter().any(|t| t.intersects(*r))
            });
        if let Some(r) = spot {
            let label_style = if is_selected {
                theme.selected
            } else {
                Style::default()
            };
            buf.set_string(r.x, r.y, &name, label_style);
            taken.push(r);
        }
    }

    // Beside (or below): the selected item's note, the legend, the caveat.
    let mut lines = Vec::new();
    if let Some(p) = selected {
        lines.push(Line::styled(
            sanitize_line(&p.name).into_owned(),
            theme.heading,
        ));
        lines.push(Line::styled(
            format!(
                "{} {:+.1} · {} {:+.1}",
                sanitize_line(&ax.name),
                p.x,
                sanitize_line(&ay.name),
                p.y
            ),
            theme.muted,
        ));
        let note = d
            .approaches
            .iter()
            .find(|a| a.id == p.id)
            .and_then(|a| a.position_note.clone())
            .or_else(|| d.actor(&p.id).and_then(|a| a.position_note.clone()))
            .unwrap_or_default();
        lines.push(Line::raw(sanitize_line(&note).into_owned()));
        lines.push(Line::raw(""));
    } else {
        lines.push(Line::styled(
            "No item has a position on both axes.",
            theme.note,
        ));
    }
    lines.push(Line::from(vec![
        Span::styled("● ", theme.heading),
        Span::raw("approach  "),
        Span::styled("◆ ", theme.heading),
        Span::raw("actor  · Enter opens the item in Explore"),
    ]));
    lines.push(Line::styled(
        "Positions are an editorial reading of the sources, not measurements.",
        theme.note,
    ));
    let block = pane_block(theme, Line::from(" Why here "), false);
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: true })
        .render(side, buf);
}
