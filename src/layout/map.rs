//! The stance map's geometry: the map's frame and the note beside it,
//! the rows inside the frame, and where each point and its label go
//! (the labels' placement is [`super::map_labels`]).

use ratatui::layout::{Constraint, Layout, Rect};

use crate::text::screen_line;

use super::map_labels::{self, Label};

/// The map's frame and the note beside it (or below, when narrow).
pub fn split(area: Rect) -> (Rect, Rect) {
    if area.width >= 100 {
        let [m, s] = Layout::horizontal([Constraint::Percentage(64), Constraint::Percentage(36)])
            .areas(area);
        (m, s)
    } else {
        // The map comes first: below it the note gets what is left over a
        // frame whose plot has three rows each side of the axis (fewer
        // draw +0.2 and +0.8 on one row), up to the nine rows it needs.
        let side = area.height.saturating_sub(MAP_ROWS).min(9);
        let [m, s] = Layout::vertical([Constraint::Min(0), Constraint::Length(side)]).areas(area);
        (m, s)
    }
}

/// The rows of the map's frame when the note is below it: borders, the
/// axis labels, and a plot of seven rows.
const MAP_ROWS: u16 = 11;

/// Below this height the note beside the map goes without its frame.
pub const FRAMED_NOTE: u16 = 4;

/// Inside the frame: the top axis label, the plot, the bottom axis
/// labels (outside the plot, so no point can land on one); `None` when
/// the plot would have no cell on some side of an axis.
pub fn rows(inner: Rect) -> Option<[Rect; 3]> {
    if inner.width < 10 || inner.height < 5 {
        return None;
    }
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    map_labels::shows_signs(rows[1]).then_some(rows)
}

/// A point to place: its position on the two axes and its names (the
/// full one and the short one), as the data gives them.
#[derive(Debug, Clone, Copy)]
pub struct Mark<'a> {
    pub x: f64,
    pub y: f64,
    pub name: &'a str,
    pub short: &'a str,
}

/// Where the map draws: its plot, the axes' crossing, each point's cell
/// and label (in the order of the marks given).
#[derive(Debug, Clone)]
pub struct MapLayout {
    pub plot: Rect,
    pub origin: (u16, u16),
    pub cells: Vec<(u16, u16)>,
    pub labels: Vec<Label>,
}

/// The map's layout in `area` (the view's body), the `selected` mark's
/// label placed first; `None` when the area is too small for a plot.
pub fn layout(area: Rect, marks: &[Mark], selected: usize) -> Option<MapLayout> {
    let (map_area, _) = split(area);
    let [_, plot, _] = rows(super::bordered_inner(map_area))?;
    Some(place(plot, marks, selected))
}

/// Each mark's cell in `plot` and its label, the `selected` one's label
/// placed first.
pub fn place(plot: Rect, marks: &[Mark], selected: usize) -> MapLayout {
    let origin = map_labels::origin(plot);
    // The vertical axis with a blank column either side: a name ending
    // against it ("orders│") reads as running into the other half.
    let axes = [
        Rect::new(plot.x, origin.1, plot.width, 1),
        Rect::new(origin.0.saturating_sub(1), plot.y, 3, plot.height),
    ];
    let cells: Vec<(u16, u16)> = marks
        .iter()
        .map(|m| map_labels::cell(plot, m.x, m.y))
        .collect();
    let shorts: Vec<String> = marks
        .iter()
        .map(|m| screen_line(m.short).into_owned())
        .collect();
    let names: Vec<Vec<String>> = marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let others: Vec<&str> = shorts
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, s)| s.as_str())
                .collect();
            map_labels::candidates(
                &screen_line(m.name),
                &shorts[i],
                &others,
                usize::from(plot.width),
            )
        })
        .collect();
    let labels = map_labels::place(plot, &cells, &names, &axes, selected);
    MapLayout {
        plot,
        origin,
        cells,
        labels,
    }
}
