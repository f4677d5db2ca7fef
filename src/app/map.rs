//! The stance map's points and how the arrow keys move between them.

use ratatui::layout::Rect;

use crate::data::Dataset;
use crate::layout::map::{MapLayout, Mark};

use super::{Action, Outcome};

/// The Map view's state: which point is selected (an index into
/// [`points`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MapView {
    pub selected: usize,
}

impl MapView {
    /// The arrows move to the nearest point that way; Enter opens it.
    pub fn update(&mut self, d: &Dataset, action: &Action) -> Outcome {
        let direction = match action {
            Action::Up => Direction::Up,
            Action::Down => Direction::Down,
            Action::Left => Direction::Left,
            Action::Right => Direction::Right,
            Action::Follow => {
                return match points(d).get(self.selected) {
                    Some(p) => Outcome::Open(p.id.clone()),
                    None => Outcome::Done,
                };
            }
            _ => return Outcome::Ignored,
        };
        self.selected = step(&points(d), self.selected, direction);
        Outcome::Done
    }

    /// The id of the selected point.
    pub fn selected_id(&self, d: &Dataset) -> Option<String> {
        points(d).get(self.selected).map(|p| p.id.clone())
    }

    /// Select the point of item `id`; the selection stays when it has none.
    pub fn select_id(&mut self, d: &Dataset, id: &str) -> bool {
        match points(d).iter().position(|p| p.id == id) {
            Some(i) => {
                self.selected = i;
                true
            }
            None => false,
        }
    }
}

/// The points as the map's geometry takes them, in the same order.
pub fn marks(pts: &[Point]) -> Vec<Mark<'_>> {
    pts.iter()
        .map(|p| Mark {
            x: p.x,
            y: p.y,
            name: &p.name,
            short: &p.short,
        })
        .collect()
}

/// The map's layout in `area` (the view's body) for the dataset's points
/// and the view's selection, as the renderer draws it; `None` when the
/// area is too small for a plot.
pub fn layout(d: &Dataset, view: &MapView, area: Rect) -> Option<MapLayout> {
    crate::layout::map::layout(area, &marks(&points(d)), view.selected)
}

/// An approach or actor placed on the dataset's first two axes.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub id: String,
    pub name: String,
    /// The data's short label, or the name.
    pub short: String,
    pub x: f64,
    pub y: f64,
    pub is_approach: bool,
}

/// Every item with a position on both of the first two axes, approaches
/// first, in dataset order.
pub fn points(d: &Dataset) -> Vec<Point> {
    let (Some(ax), Some(ay)) = (d.axes.first(), d.axes.get(1)) else {
        return Vec::new();
    };
    // Approaches and actors carry the same fields under the same names.
    let point = |id: &str,
                 name: &str,
                 short: &Option<String>,
                 position: &Option<crate::data::Position>,
                 is_approach| {
        let p = position.as_ref()?;
        Some(Point {
            id: id.to_string(),
            name: name.to_string(),
            short: short.clone().unwrap_or_else(|| name.to_string()),
            x: *p.get(&ax.id)?,
            y: *p.get(&ay.id)?,
            is_approach,
        })
    };
    let approaches =
        (d.approaches.iter()).filter_map(|a| point(&a.id, &a.name, &a.short, &a.position, true));
    let actors =
        (d.actors.iter()).filter_map(|a| point(&a.id, &a.name, &a.short, &a.position, false));
    approaches.chain(actors).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

/// The point nearest to `from` in `direction` (strictly further that way),
/// preferring points close to the straight line; `from` if there is none.
pub fn step(points: &[Point], from: usize, direction: Direction) -> usize {
    let Some(p) = points.get(from) else {
        return 0;
    };
    points
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != from)
        .filter_map(|(i, q)| {
            let (dx, dy) = (q.x - p.x, q.y - p.y);
            let (along, across) = match direction {
                Direction::Right => (dx, dy),
                Direction::Left => (-dx, dy),
                Direction::Up => (dy, dx),
                Direction::Down => (-dy, dx),
            };
            // Off-line distance counts double: "right" means mostly right.
            (along > 1e-9).then_some((i, along + 2.0 * across.abs()))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(from, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_map_has_the_five_approaches() {
        let d = crate::data::load(None).unwrap().checked.dataset.unwrap();
        let p = points(&d);
        let names: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
        // No actor is placed: the article describes no policy of the UK's
        // own, so it is no longer put on the map.
        assert_eq!(
            names,
            [
                "eu-risk-based-regulation",
                "us-deregulation",
                "china-cooperation-body",
                "un-inclusive-governance",
                "china-domestic-rules"
            ]
        );
        // The US (-0.8, -0.6): right along its row is China at home
        // (0.8, -0.6); up, China's body (0.0, 0.8) is nearer the line
        // than the UN (0.2, 0.8); nothing is below.
        let us = 1;
        assert_eq!(p[step(&p, us, Direction::Right)].id, "china-domestic-rules");
        assert_eq!(p[step(&p, us, Direction::Up)].id, "china-cooperation-body");
        assert_eq!(
            p[step(&p, us, Direction::Down)].id,
            "us-deregulation",
            "nothing below: stay"
        );
        // The EU (0.8, 0.2): straight down is China at home; left, the UN
        // is nearer than China's body; nothing is further right.
        let eu = 0;
        assert_eq!(p[step(&p, eu, Direction::Down)].id, "china-domestic-rules");
        assert_eq!(
            p[step(&p, eu, Direction::Right)].id,
            "eu-risk-based-regulation"
        );
        assert_eq!(
            p[step(&p, eu, Direction::Left)].id,
            "un-inclusive-governance"
        );
    }
}
