//! Where the stance map writes each point's name: pure geometry, so that
//! it can be tested for overlaps at any size.
//!
//! A label never covers another label, a point, an axis or an axis label,
//! and never leaves the plot. Each point gets the longest of its names
//! that fits somewhere around it (the full name, the short one, then the
//! short one cut between words from the end, which keeps the words that say whose it
//! is, since short labels start with the proponent); failing that, a
//! number, which the legend beside the map spells out. The selected
//! point is placed first, so it always gets its best spot.

use ratatui::layout::{Position, Rect};

use crate::text::width;

/// Data range drawn: a margin beyond [-1, 1] so edge points keep a label.
pub const BOUND: f64 = 1.15;

/// The cells a side of an axis needs for its values to be drawn in
/// proportion (see `offset`).
const PROPORTIONAL: i32 = 8;

/// The cell of the origin in `plot`: the axes cross there.
pub fn origin(plot: Rect) -> (u16, u16) {
    (
        plot.x + plot.width.saturating_sub(1) / 2,
        plot.y + plot.height.saturating_sub(1) / 2,
    )
}

/// How many cells from the origin a value lands, keeping its sign: 0
/// only for 0, and a non-zero value off the axis with a clear cell
/// between (two cells off at least; one when that side has a single
/// cell), so a point never sits on or against a line that says "zero"
/// when it is not. A side with PROPORTIONAL cells or more draws values
/// in proportion; a shorter one spreads them over the cells from that
/// nearest one to the edge, not from the axis and then pushed out:
/// pushing out drew +0.2 and +0.8 on the same row of a short plot, as if
/// equal. `below` and `above` are the cells available on each side.
fn offset(v: f64, below: u16, above: u16) -> i32 {
    let side = |room: u16, v: f64| -> i32 {
        let room = i32::from(room).max(1);
        let nearest = 2.min(room);
        // With room for it, distance from the axis is in proportion to
        // the value (+0.2 a quarter as far as +0.8), only kept off the
        // axis by the clear cell; spreading from that cell instead drew
        // +0.2 half as high as +0.8. A short side has too few cells to
        // be in proportion and keep values apart, and spreads.
        if room >= PROPORTIONAL {
            let cells = (v / BOUND * f64::from(room)).round() as i32;
            return cells.clamp(nearest, room);
        }
        let steps = (v / BOUND * f64::from(room - nearest)).round() as i32;
        (nearest + steps).clamp(nearest, room)
    };
    if v > 0.0 && above > 0 {
        side(above, v)
    } else if v < 0.0 && below > 0 {
        -side(below, -v)
    } else {
        0
    }
}

/// Whether `plot` has a cell on each side of both axes, so every sign
/// can be shown apart from zero (the map says so when it has not).
pub fn shows_signs(plot: Rect) -> bool {
    plot.width >= 3 && plot.height >= 3
}

/// The cell of a point at (x, y) in `plot`: right of the vertical axis
/// exactly when x > 0, above the horizontal one exactly when y > 0.
pub fn cell(plot: Rect, x: f64, y: f64) -> (u16, u16) {
    let (ox, oy) = origin(plot);
    let left = ox - plot.x;
    let right = plot.right().saturating_sub(1) - ox;
    let up = oy - plot.y;
    let down = plot.bottom().saturating_sub(1) - oy;
    let cx = i32::from(ox) + offset(x, left, right);
    let cy = i32::from(oy) - offset(y, down, up);
    (
        u16::try_from(cx).unwrap_or(ox),
        u16::try_from(cy).unwrap_or(oy),
    )
}

/// What a point is labelled with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A name (whole, short or cut with `…`) at `area`.
    Name { area: Rect, text: String },
    /// The point's number (1-based) at `area`; the legend names it.
    Number { area: Rect, number: usize },
    /// No free cell around the point at all; the legend names it.
    Unplaced,
}

/// The names to try for a point, longest first, none wider than `room`:
/// the full name, the short one, then the short one cut between words
/// from the end ("UN global…", "UN…"). A cut is offered only while it
/// still tells the point apart from every other point's short name
/// (`others`): "China's…" would name two points, so it is never a label
/// and the point falls back to a number, which the legend spells out.
pub fn candidates(name: &str, short: &str, others: &[&str], room: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if width(&s) <= room && !out.contains(&s) {
            out.push(s);
        }
    };
    push(name.to_string());
    push(short.to_string());
    let words: Vec<&str> = short.split_whitespace().collect();
    for n in (1..words.len()).rev() {
        let kept = words[..n]
            .join(" ")
            .trim_end_matches([',', ';', ':', '—', '–', '-'])
            .to_string();
        let ambiguous = others.iter().any(|o| {
            let o = o.to_lowercase();
            let k = kept.to_lowercase();
            o.starts_with(&k) && o[k.len()..].chars().next().is_none_or(char::is_whitespace)
        });
        if !kept.is_empty() && !ambiguous {
            push(format!("{kept}…"));
        }
    }
    out
}

/// Place a label for every point. `cells` are the points' cells in the
/// plot, `names` each point's candidates (longest first), `obstacles`
/// what labels must leave visible (axes, axis labels), `first` the point
/// placed before the others.
pub fn place(
    plot: Rect,
    cells: &[(u16, u16)],
    names: &[Vec<String>],
    obstacles: &[Rect],
    first: usize,
) -> Vec<Label> {
    let mut taken: Vec<Rect> = obstacles.to_vec();
    // A dot keeps a blank column either side on its row, so that no
    // label runs into another point's dot and reads as its name.
    taken.extend(
        cells
            .iter()
            .map(|&(x, y)| Rect::new(x.saturating_sub(1), y, 2 + x.min(1), 1)),
    );
    let mut order: Vec<usize> = (0..cells.len()).collect();
    order.sort_by_key(|&i| i != first);
    let mut out = vec![Label::Unplaced; cells.len()];
    for i in order {
        let label = label_for(plot, cells[i], i, &names[i], &taken);
        if let Some(l) = label {
            if let Label::Name { area, .. } | Label::Number { area, .. } = &l {
                // A column's gap either side, so two names never run
                // into one.
                taken.push(Rect {
                    x: area.x.saturating_sub(1),
                    width: area.width.saturating_add(2),
                    ..*area
                });
            }
            out[i] = l;
        }
    }
    out
}

/// Whether a label at `r` stays inside `plot` clear of everything `taken`.
fn free(plot: Rect, r: Rect, taken: &[Rect]) -> bool {
    r.x >= plot.x
        && r.y >= plot.y
        && r.right() <= plot.right()
        && r.bottom() <= plot.bottom()
        && !taken.iter().any(|t| t.intersects(r))
}

/// The label of point `i` at `(cx, cy)`, from its candidate `names`
/// (longest first), where nothing `taken` is: a name, else its number,
/// else none.
fn label_for(
    plot: Rect,
    (cx, cy): (u16, u16),
    i: usize,
    names: &[String],
    taken: &[Rect],
) -> Option<Label> {
    let spot = |w: u16| -> Option<Rect> {
        spots(cx, cy, w)
            .into_iter()
            .flatten()
            .find(|r| free(plot, *r, taken))
    };
    let slide = |w: u16| slid(plot, cx, cy, w).find(|r| free(plot, *r, taken));
    // A whole name (full or short) beside the point, else slid along
    // the row; only then a cut one, beside or slid.
    let whole = names.iter().take_while(|t| !t.ends_with('…')).count();
    let name_at = |place: &dyn Fn(u16) -> Option<Rect>, upto: usize| {
        names[..upto].iter().find_map(|text| {
            let w = u16::try_from(width(text)).ok()?;
            place(w).map(|area| Label::Name {
                area,
                text: text.clone(),
            })
        })
    };
    let all = names.len();
    // The four spots touching the point (beside it, centred above or
    // below) before the corners: a short name there reads as the
    // point's better than a full one ending far along the row.
    let near = |w: u16| -> Option<Rect> {
        spots(cx, cy, w)[..4]
            .iter()
            .flatten()
            .copied()
            .find(|r| free(plot, *r, taken))
    };
    let named = name_at(&near, whole)
        .or_else(|| name_at(&spot, whole))
        .or_else(|| name_at(&slide, whole))
        .or_else(|| name_at(&spot, all))
        .or_else(|| name_at(&slide, all));
    named.or_else(|| {
        let number = i + 1;
        let w = u16::try_from(number.to_string().len()).unwrap_or(u16::MAX);
        spot(w).map(|area| Label::Number { area, number })
    })
}

/// Where a label `w` wide may go around the point at (cx, cy), best
/// first: to the right, to the left, above, below, then the corners, then
/// above or below ending over the point (a long name near the plot's
/// edge, with an axis on its other side, fits only there).
fn spots(cx: u16, cy: u16, w: u16) -> [Option<Rect>; 10] {
    let at = |x: Option<u16>, y: Option<u16>| Some(Rect::new(x?, y?, w, 1));
    let right = cx.checked_add(2);
    let left = w.checked_add(1).and_then(|gap| cx.checked_sub(gap));
    let centred = Some(cx.saturating_sub(w / 2));
    let (up, down) = (cy.checked_sub(1), cy.checked_add(1));
    [
        at(right, Some(cy)),
        at(left, Some(cy)),
        at(centred, up),
        at(centred, down),
        at(cx.checked_add(1), up),
        at(cx.checked_add(1), down),
        at(cx.checked_sub(w), up),
        at(cx.checked_sub(w), down),
        at(cx.saturating_add(1).checked_sub(w), up),
        at(cx.saturating_add(1).checked_sub(w), down),
    ]
}

/// Last resorts for a label `w` wide near the plot's edge: above or
/// below the point, slid along the row to stay in the plot while still
/// spanning the point's column, so it reads as that point's.
fn slid(plot: Rect, cx: u16, cy: u16, w: u16) -> impl Iterator<Item = Rect> {
    let lo = plot.x.max(cx.saturating_add(1).saturating_sub(w));
    let hi = plot.right().saturating_sub(w).min(cx);
    let x = cx.saturating_sub(w / 2).clamp(lo, hi.max(lo));
    let ok = lo <= hi;
    [cy.checked_sub(1), cy.checked_add(1)]
        .into_iter()
        .flatten()
        .filter(move |_| ok)
        .map(move |y| Rect::new(x, y, w, 1))
}

/// The area a label covers, if placed.
pub fn area(label: &Label) -> Option<Rect> {
    match label {
        Label::Name { area, .. } | Label::Number { area, .. } => Some(*area),
        Label::Unplaced => None,
    }
}

/// Whether a cell is inside a rect (for callers testing what is free).
pub fn covers(r: Rect, x: u16, y: u16) -> bool {
    r.contains(Position::new(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// With three cells above the axis (the 80x24 map), +0.2 and +0.8
    /// are drawn on different rows, both off the axis with a clear cell;
    /// before, +0.2 was pushed out onto +0.8's row.
    #[test]
    fn small_and_large_values_keep_apart_on_a_short_side() {
        let plot = Rect::new(0, 0, 40, 7);
        let (_, axis) = origin(plot);
        let (_, low) = cell(plot, 0.5, 0.2);
        let (_, high) = cell(plot, 0.5, 0.8);
        assert!(high < low, "{high} {low}");
        assert!(low + 2 <= axis, "{low} {axis}");
        // Wherever a side has room, order is kept: a larger value is
        // never nearer the axis.
        for room in 3..30u16 {
            let mut last = 0;
            for v in (1..=100).map(|i| f64::from(i) / 100.0) {
                let at = offset(v, room, room);
                assert!(at >= last && at >= 2 && at <= i32::from(room), "{room} {v}");
                last = at;
            }
            assert!(offset(0.2, room, room) < offset(0.8, room, room), "{room}");
        }
    }

    fn layout() -> impl Strategy<Value = (Rect, Vec<(u16, u16)>, usize)> {
        (4u16..120, 3u16..40).prop_flat_map(|(w, h)| {
            let plot = Rect::new(2, 3, w, h);
            let cell = (plot.x..plot.right(), plot.y..plot.bottom());
            (
                Just(plot),
                proptest::collection::vec(cell, 1..14),
                0usize..14,
            )
        })
    }

    proptest! {
        /// For any plot and points: labels stay in the plot, and cover no
        /// other label, no point, no axis and no axis label; every point is
        /// named on the map or by number, or listed as unplaced.
        #[test]
        fn labels_never_overlap((plot, cells, first) in layout()) {
            let mid_row = Rect::new(plot.x, plot.y + plot.height / 2, plot.width, 1);
            let mid_col = Rect::new(plot.x + plot.width / 2, plot.y, 1, plot.height);
            let obstacles = [mid_row, mid_col];
            let names: Vec<Vec<String>> = (0..cells.len())
                .map(|i| {
                    candidates(
                        &format!("Approach number {i} (Some Proponent)"),
                        &format!("P{i} short name"),
                        &[],
                        usize::from(plot.width),
                    )
                })
                .collect();
            let labels = place(plot, &cells, &names, &obstacles, first % cells.len());
            prop_assert_eq!(labels.len(), cells.len());
            let areas: Vec<Rect> = labels.iter().filter_map(area).collect();
            for (i, a) in areas.iter().enumerate() {
                prop_assert!(a.x >= plot.x && a.right() <= plot.right());
                prop_assert!(a.y >= plot.y && a.bottom() <= plot.bottom());
                for o in &obstacles {
                    prop_assert!(!a.intersects(*o), "{:?} over an axis", a);
                }
                for &(x, y) in &cells {
                    prop_assert!(!covers(*a, x, y), "{:?} over a point", a);
                }
                for b in &areas[i + 1..] {
                    prop_assert!(!a.intersects(*b), "{:?} over {:?}", a, b);
                    // Not even touching on a row.
                    prop_assert!(
                        a.y != b.y || a.right() < b.x || b.right() < a.x,
                        "{:?} runs into {:?}", a, b
                    );
                }
            }
            for (label, name) in labels.iter().zip(&names) {
                if let Label::Name { area, text } = label {
                    prop_assert!(name.contains(text));
                    prop_assert_eq!(usize::from(area.width), width(text));
                }
            }
        }
    }

    #[test]
    fn a_roomy_plot_names_every_point_in_full() {
        let plot = Rect::new(0, 0, 80, 20);
        let cells = [(10, 3), (60, 3), (10, 15), (60, 15)];
        let names: Vec<Vec<String>> = ["EU AI Act", "US orders", "China body", "UN call"]
            .iter()
            .map(|n| candidates(n, n, &[], 80))
            .collect();
        let labels = place(plot, &cells, &names, &[], 0);
        for (l, n) in labels
            .iter()
            .zip(["EU AI Act", "US orders", "China body", "UN call"])
        {
            assert!(matches!(l, Label::Name { text, .. } if text == n), "{l:?}");
        }
    }

    #[test]
    fn a_crowded_point_falls_back_to_short_then_cut_then_number() {
        let c = candidates(
            "Deregulation by executive order (United States)",
            "US executive orders",
            &["EU AI Act"],
            14,
        );
        // Cut between words, never inside one.
        assert_eq!(c, ["US executive…", "US…"]);
        // A one-row plot with the point at the left edge and an obstacle
        // to its right: only a number fits, or nothing.
        let plot = Rect::new(0, 0, 4, 1);
        let labels = place(plot, &[(0, 0)], &[c], &[Rect::new(3, 0, 1, 1)], 0);
        assert_eq!(
            labels[0],
            Label::Number {
                area: Rect::new(2, 0, 1, 1),
                number: 1
            }
        );
    }

    #[test]
    fn a_cut_that_would_name_two_points_is_not_offered() {
        let c = candidates(
            "Domestic AI rules and pilot zones (China)",
            "China's rules at home",
            &["China's global body", "EU AI Act"],
            40,
        );
        assert!(c.contains(&"China's rules…".to_string()), "{c:?}");
        assert!(!c.contains(&"China's…".to_string()), "{c:?}");
    }
}
