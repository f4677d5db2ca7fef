//! The stance map: approaches and actors on the first two axes, with
//! quadrant lines, axis labels, a legend and the selected item's note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::app::map::{Point, marks, points};
use crate::layout::bordered_inner;
use crate::layout::map::{FRAMED_NOTE, MapLayout, place, rows, split};
use crate::layout::map_labels::Label;
use crate::text::{screen_line, truncate};
use crate::ui::theme::Theme;
use crate::ui::widgets::pane_block;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.corpus.data;
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
    let (map_area, side) = split(area);
    let room = usize::from(map_area.width.saturating_sub(2));
    let title = Line::from(title(app, ax, ay, room));
    let block = pane_block(theme, title, true);
    let inner = bordered_inner(map_area);
    let Some([top, plot, bottom]) = rows(inner) else {
        block.render(map_area, buf);
        // Too few cells to draw a point off an axis: a point drawn on
        // the zero line would say something the data does not.
        Paragraph::new("The map needs a larger window to draw its points.")
            .style(theme.note)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    };
    let layout = place(plot, &marks(&pts), app.map.selected);
    let unnamed = unnamed(&pts, &layout.labels);
    // The caveat sits on the map's own frame, so it is on screen
    // whatever the size; the names of numbered points take its place
    // there (the note beside or below, which may be cut, says it too).
    let bottom_title = if !unnamed.is_empty() {
        format!(" {} ", unnamed.join(" · "))
    } else {
        " Positions are an editorial reading of the sources ".to_string()
    };
    block
        .title_bottom(Line::styled(bottom_title, theme.note))
        .render(map_area, buf);
    axis_labels(ax, ay, theme, top, bottom, buf);
    draw_points(app, theme, &pts, &layout, buf);
    note(app, theme, [ax, ay], &pts, &unnamed, side, buf);
}

/// The map's title, as long as `room` allows: it gives way from the end,
/// the key hint first (the footer has it), then the axes (the axis labels
/// name their ends).
fn title(app: &App, ax: &crate::data::Axis, ay: &crate::data::Axis, room: usize) -> String {
    let axes = format!(
        " Stance map · {} across, {} up ",
        screen_line(&ax.name),
        screen_line(&ay.name)
    );
    // On a tour slide the arrows move between slides: no key is named.
    // Nor in presenter mode, whose footer keeps the keys.
    let keys = if app.view == crate::app::View::Tour || app.screen.present {
        axes.clone()
    } else {
        format!("{axes}· arrows move ")
    };
    [keys, axes, " Stance map ".to_string()]
        .into_iter()
        .find(|t| crate::text::width(t) <= room)
        .unwrap_or_default()
}

/// Points the map could only number, or not label at all, are named
/// beside it, so that every point says whose it is: its number or mark
/// and its short name.
fn unnamed(pts: &[Point], labels: &[Label]) -> Vec<String> {
    pts.iter()
        .zip(labels)
        .filter_map(|(p, l)| match l {
            Label::Number { number, .. } => Some(format!("{number} {}", screen_line(&p.short))),
            Label::Unplaced => Some(format!(
                "{} {} (unlabelled)",
                if p.is_approach { "●" } else { "◆" },
                screen_line(&p.short)
            )),
            Label::Name { .. } => None,
        })
        .collect()
}

/// The axes through the origin, and each point with its label, the
/// selected one highlighted.
fn draw_points(app: &App, theme: &Theme, pts: &[Point], layout: &MapLayout, buf: &mut Buffer) {
    let MapLayout {
        plot,
        origin: (ox, oy),
        cells,
        labels,
    } = layout;
    let (plot, ox, oy) = (*plot, *ox, *oy);
    // Drawn in cells (not braille dots) so that labels can keep off
    // them exactly.
    for x in plot.left()..plot.right() {
        buf.set_string(x, oy, "─", theme.border);
    }
    for y in plot.top()..plot.bottom() {
        buf.set_string(ox, y, "│", theme.border);
    }
    buf.set_string(ox, oy, "┼", theme.border);
    for (i, p) in pts.iter().enumerate() {
        let (cx, cy) = cells[i];
        let is_selected = i == app.map.selected;
        let marker = if p.is_approach { "●" } else { "◆" };
        let style = if is_selected {
            theme.selected
        } else {
            theme.heading
        };
        buf.set_string(cx, cy, marker, style);
        let label_style = if is_selected {
            theme.selected
        } else {
            Style::default()
        };
        match &labels[i] {
            Label::Name { area, text } => {
                buf.set_string(area.x, area.y, text, label_style);
            }
            Label::Number { area, number } => {
                buf.set_string(area.x, area.y, number.to_string(), label_style);
            }
            Label::Unplaced => {}
        }
    }
}

/// Beside the map (or below it): the selected item's note, the points it
/// could not name, the legend and the caveat; without its frame, only the
/// selected item, when `side` is short of rows.
fn note(
    app: &App,
    theme: &Theme,
    [ax, ay]: [&crate::data::Axis; 2],
    pts: &[Point],
    unnamed: &[String],
    side: Rect,
    buf: &mut Buffer,
) {
    let d = &app.corpus.data;
    let selected = pts.get(app.map.selected);
    let mut lines = Vec::new();
    if let Some(p) = selected {
        lines.push(Line::styled(
            screen_line(&p.name).into_owned(),
            theme.heading,
        ));
        lines.push(Line::styled(
            format!(
                "{} {:+.1} · {} {:+.1}",
                screen_line(&ax.name),
                p.x,
                screen_line(&ay.name),
                p.y
            ),
            theme.muted,
        ));
        lines.push(Line::raw(screen_line(&note_of(d, &p.id)).into_owned()));
        lines.push(Line::raw(""));
    } else {
        lines.push(Line::styled(
            "No item has a position on both axes.",
            theme.note,
        ));
    }
    if !unnamed.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("On the map: ", theme.heading),
            Span::raw(unnamed.join(" · ")),
        ]));
    }
    // The legend names only the marks drawn: the built-in data places
    // approaches only (actors' stances are in their reactions).
    let mut legend = vec![Span::styled("● ", theme.heading), Span::raw("approach  ")];
    if pts.iter().any(|p| !p.is_approach) {
        legend.extend([Span::styled("◆ ", theme.heading), Span::raw("actor  ")]);
    }
    // Presenter mode names keys only in its footer.
    if !app.screen.present {
        legend.push(Span::raw("· Enter opens the item in Explore"));
    }
    lines.push(Line::from(legend));
    lines.push(Line::styled(
        "Positions are an editorial reading of the sources, not measurements.",
        theme.note,
    ));
    if side.height < FRAMED_NOTE {
        // Short of rows: the name with its position on one line, then
        // the note, without a frame.
        // The note names each axis with its value, so the line does not
        // repeat bare numbers; what does not fit ends in "…", not mid-word.
        let Some(p) = selected else { return };
        let name = screen_line(&p.short).into_owned();
        let text = format!("{name}: {}", screen_line(&note_of(d, &p.id)));
        let width = usize::from(side.width);
        let wrapped = crate::text::keep_rows(
            crate::text::wrap(&text, width),
            usize::from(side.height),
            width,
        );
        let compact: Vec<Line> = wrapped
            .into_iter()
            .enumerate()
            .map(|(i, l)| match l.strip_prefix(&format!("{name}:")) {
                // The name in its heading style where it starts the note.
                Some(rest) if i == 0 => Line::from(vec![
                    Span::styled(format!("{name}:"), theme.heading),
                    Span::raw(rest.to_string()),
                ]),
                _ => Line::raw(l),
            })
            .collect();
        Paragraph::new(compact).render(side, buf);
        return;
    }
    let block = pane_block(theme, Line::from(" Why here "), false);
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: true })
        .render(side, buf);
}

/// Why an item sits where it does on the map: its position note.
fn note_of(d: &crate::data::Dataset, id: &str) -> String {
    d.approaches
        .iter()
        .find(|a| a.id == id)
        .and_then(|a| a.position_note.clone())
        .or_else(|| d.actor(id).and_then(|a| a.position_note.clone()))
        .unwrap_or_default()
}

/// "↑ global body" centred above the plot; below it, "← deregulation"
/// on the left, "↓ national" in the middle, "binding rules →" on the
/// right. When the bottom row is short of room, the words give way from
/// the end (each keeps its arrow), never overlapping.
fn axis_labels(
    ax: &crate::data::Axis,
    ay: &crate::data::Axis,
    theme: &Theme,
    top: Rect,
    bottom: Rect,
    buf: &mut Buffer,
) {
    let room = usize::from(top.width);
    Line::styled(
        truncate(&format!("↑ {}", screen_line(&ay.high)), room).into_owned(),
        theme.muted,
    )
    .centered()
    .render(top, buf);
    let (low, high, down) = (
        format!("← {}", screen_line(&ax.low)),
        format!("{} →", screen_line(&ax.high)),
        format!("↓ {}", screen_line(&ay.low)),
    );
    // Three labels and two gaps of at least one column.
    let width = usize::from(bottom.width);
    let third = width.saturating_sub(2) / 3;
    let fits = |a: &str, b: &str, c: &str| {
        crate::text::width(a) + crate::text::width(b) + crate::text::width(c) + 2 <= width
    };
    let (low, high, down) = if fits(&low, &high, &down) {
        (low, high, down)
    } else {
        (
            truncate(&low, third).into_owned(),
            truncate(&high, third).into_owned(),
            truncate(&down, third).into_owned(),
        )
    };
    buf.set_string(bottom.x, bottom.y, &low, theme.muted);
    let hw = u16::try_from(crate::text::width(&high)).unwrap_or(0);
    buf.set_string(
        bottom.right().saturating_sub(hw),
        bottom.y,
        &high,
        theme.muted,
    );
    let dw = u16::try_from(crate::text::width(&down)).unwrap_or(0);
    let lw = u16::try_from(crate::text::width(&low)).unwrap_or(0);
    let centred = bottom.x + bottom.width.saturating_sub(dw) / 2;
    // Centred, unless that would touch the left label.
    let x = centred.max(bottom.x + lw + 1);
    buf.set_string(x, bottom.y, &down, theme.muted);
}
