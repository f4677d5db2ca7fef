//! Two approaches (or two actors) side by side, row by row.

use crate::data::relations::{self, Focus};
use crate::data::{Dataset, Stance};

use super::{Action, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Approaches,
    Actors,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compare {
    pub kind: Kind,
    /// Indices into the approaches (or actors).
    pub left: usize,
    pub right: usize,
    /// Which side the arrow keys change.
    pub side: Side,
    /// Rows scrolled past.
    pub scroll: usize,
}

impl Default for Compare {
    fn default() -> Self {
        Compare {
            kind: Kind::Approaches,
            left: 0,
            right: 1,
            side: Side::Left,
            scroll: 0,
        }
    }
}

impl Compare {
    /// Left and Right pick the side, Up and Down its item, `t` the kind;
    /// the pages scroll (bounded by `settle`, which knows the height).
    pub fn update(&mut self, d: &Dataset, action: &Action) -> Outcome {
        match action {
            Action::Left => self.side = Side::Left,
            Action::Right => self.side = Side::Right,
            Action::Up => self.cycle(d, -1),
            Action::Down => self.cycle(d, 1),
            Action::ToggleKind => self.toggle_kind(d),
            Action::PageDown => self.scroll += 5,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(5),
            _ => return Outcome::Ignored,
        }
        Outcome::Done
    }

    /// New data: the items compared found again by id (taken before the
    /// data changed), else the first.
    pub fn reload(&mut self, d: &Dataset, ids: (Option<String>, Option<String>)) {
        let position = |id: Option<String>| {
            id.and_then(|id| match self.kind {
                Kind::Approaches => d.approaches.iter().position(|a| a.id == id),
                Kind::Actors => d.actors.iter().position(|a| a.id == id),
            })
        };
        self.left = position(ids.0).unwrap_or(0);
        self.right = position(ids.1).unwrap_or(0);
    }

    /// The ids compared, left and right.
    pub fn ids(&self, d: &Dataset) -> (Option<String>, Option<String>) {
        (
            self.id(d, Side::Left).map(str::to_string),
            self.id(d, Side::Right).map(str::to_string),
        )
    }

    pub fn len(&self, d: &Dataset) -> usize {
        match self.kind {
            Kind::Approaches => d.approaches.len(),
            Kind::Actors => d.actors.len(),
        }
    }

    pub fn id<'d>(&self, d: &'d Dataset, side: Side) -> Option<&'d str> {
        let i = match side {
            Side::Left => self.left,
            Side::Right => self.right,
        };
        match self.kind {
            Kind::Approaches => d.approaches.get(i).map(|a| a.id.as_str()),
            Kind::Actors => d.actors.get(i).map(|a| a.id.as_str()),
        }
    }

    /// Change the focused side's item by `delta`, wrapping around.
    pub fn cycle(&mut self, d: &Dataset, delta: isize) {
        let len = self.len(d);
        if len == 0 {
            return;
        }
        let (slot, other) = match self.side {
            Side::Left => (&mut self.left, self.right),
            Side::Right => (&mut self.right, self.left),
        };
        *slot = (*slot as isize + delta).rem_euclid(len as isize) as usize;
        // An item compared with itself says nothing: step past the other
        // side's.
        if *slot == other && len > 1 {
            *slot = (*slot as isize + delta.signum()).rem_euclid(len as isize) as usize;
        }
        self.scroll = 0;
    }

    /// Show `left` beside `right`: two approaches or two actors (a tour
    /// slide's focus and `with`). Anything else leaves Compare as it was.
    pub fn show_pair(&mut self, d: &Dataset, left: &str, right: &str) {
        let approach = |id: &str| d.approaches.iter().position(|a| a.id == id);
        let actor = |id: &str| d.actors.iter().position(|a| a.id == id);
        let pair = match (approach(left), approach(right)) {
            (Some(l), Some(r)) => Some((Kind::Approaches, l, r)),
            _ => actor(left)
                .zip(actor(right))
                .map(|(l, r)| (Kind::Actors, l, r)),
        };
        if let Some((kind, left, right)) = pair {
            *self = Compare {
                kind,
                left,
                right,
                ..Compare::default()
            };
        }
    }

    pub fn toggle_kind(&mut self, d: &Dataset) {
        self.kind = match self.kind {
            Kind::Approaches => Kind::Actors,
            Kind::Actors => Kind::Approaches,
        };
        self.left = 0;
        self.right = 1.min(self.len(d).saturating_sub(1));
        self.scroll = 0;
    }
}

/// One line of the comparison table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableLine {
    /// The two items' names.
    Header,
    /// A rule before each row.
    Rule,
    /// One line of a row: its label on its first line only.
    Cells {
        label: &'static str,
        left: String,
        right: String,
    },
}

impl Compare {
    /// The table comparing the two items, each side wrapped to `col`
    /// columns (text escaped for the terminal). Drawing shows it and
    /// `settle` measures it, so the scroll stops at its last line.
    pub fn table(&self, d: &Dataset, col: usize) -> Vec<TableLine> {
        self.table_with(d, col, false)
    }

    /// The table as a tour slide shows it, in the few rows under the
    /// slide's text: one rule under the names, the rows without rules
    /// between them, no summary (the slide's text says what the two are),
    /// positions without their notes, and no row empty on both sides.
    /// The Compare view (key 3) shows the whole table.
    pub fn compact_table(&self, d: &Dataset, col: usize) -> Vec<TableLine> {
        self.table_with(d, col, true)
    }

    fn table_with(&self, d: &Dataset, col: usize, compact: bool) -> Vec<TableLine> {
        let (Some(left), Some(right)) = (self.id(d, Side::Left), self.id(d, Side::Right)) else {
            return Vec::new();
        };
        let mut lines = vec![TableLine::Header];
        if compact {
            lines.push(TableLine::Rule);
        }
        let wrap_all = |items: &[String]| -> Vec<String> {
            items
                .iter()
                .flat_map(|s| crate::text::wrap(&crate::text::escape_control(s), col))
                .collect()
        };
        let (a, b) = (rows(d, self.kind, left), rows(d, self.kind, right));
        // A position's axis lines read "Regulation +0.8"; its note follows.
        let axis_line = |x: &String| {
            d.axes.iter().any(|a| {
                x.strip_prefix(a.name.as_str())
                    .and_then(|r| r.strip_prefix(' '))
                    .is_some_and(|r| r.parse::<f64>().is_ok())
            })
        };
        for ((label, la), (_, lb)) in a.iter().zip(&b) {
            // A row that says nothing on either side ("Position  not
            // placed │ not placed" for every actor of the shipped data)
            // is left out; one side's "not placed" beside the other's
            // position says something and stays.
            let empty = |l: &[String]| l.iter().all(|x| NOTHING.contains(&x.as_str()));
            if (empty(la) && empty(lb)) || (compact && *label == "Summary") {
                continue;
            }
            let cut = |l: &[String]| -> Vec<String> {
                let numbers: Vec<String> = l.iter().filter(|x| axis_line(x)).cloned().collect();
                if compact && *label == "Position" && !numbers.is_empty() {
                    numbers
                } else {
                    l.to_vec()
                }
            };
            let (wa, wb) = (wrap_all(&cut(la)), wrap_all(&cut(lb)));
            if !compact {
                lines.push(TableLine::Rule);
            }
            for n in 0..wa.len().max(wb.len()) {
                lines.push(TableLine::Cells {
                    label: if n == 0 { label } else { "" },
                    left: wa.get(n).cloned().unwrap_or_default(),
                    right: wb.get(n).cloned().unwrap_or_default(),
                });
            }
        }
        lines
    }
}

/// What a row says when the item has nothing for it.
const NOTHING: [&str; 3] = ["—", "not placed", "not given"];

/// Quotes listed per side at most; the rest are counted.
const MAX_QUOTES: usize = 6;

/// The rows for one item: (label, lines of text).
pub fn rows(d: &Dataset, kind: Kind, id: &str) -> Vec<(&'static str, Vec<String>)> {
    let focus = match kind {
        Kind::Approaches => Focus::Approach(id.to_string()),
        Kind::Actors => Focus::Actor(id.to_string()),
    };
    let found = match kind {
        Kind::Approaches => d
            .approaches
            .iter()
            .find(|a| a.id == id)
            .map(|a| approach_rows(d, a)),
        Kind::Actors => d
            .actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| actor_rows(d, a)),
    };
    let Some(mut out) = found else {
        return Vec::new();
    };
    out.push(("Reactions", reaction_lines(d, &focus)));
    out.push(("Quotes", quote_lines(d, &focus)));
    for (_, lines) in &mut out {
        if lines.is_empty() {
            lines.push("—".into());
        }
    }
    out
}

/// An approach's own rows: whose it is, its scope, what it holds and
/// where it stands.
fn approach_rows(d: &Dataset, a: &crate::data::Approach) -> Vec<(&'static str, Vec<String>)> {
    vec![
        ("Proponent", vec![d.name_of(&a.proponent)]),
        // Which is which: a national law beside a proposed world body
        // is not a comparison of like with like.
        (
            "Scope",
            vec![a.scope.map_or("not given", |s| s.label()).to_string()],
        ),
        ("Summary", vec![a.summary.clone()]),
        ("Principles", a.principles.clone()),
        ("Instruments", a.instruments.clone()),
        (
            "Position",
            position(d, a.position.as_ref(), a.position_note.as_deref()),
        ),
    ]
}

/// An actor's own rows: who they are, their summary and where they stand.
fn actor_rows(d: &Dataset, a: &crate::data::Actor) -> Vec<(&'static str, Vec<String>)> {
    let mut who = vec![a.kind.label().to_string()];
    who.extend(a.role.clone());
    who.extend(
        a.part_of
            .as_deref()
            .map(|p| format!("part of {}", d.name_of(p))),
    );
    vec![
        ("Who", who),
        ("Summary", a.summary.clone().into_iter().collect()),
        (
            "Position",
            position(d, a.position.as_ref(), a.position_note.as_deref()),
        ),
    ]
}

/// The Reactions row: the reactions that concern the item, grouped by how
/// they concern it, then by stance.
fn reaction_lines(d: &Dataset, focus: &Focus) -> Vec<String> {
    // Grouped by how each reaction concerns the item, then by stance:
    // "to it: ++ supports: Huawei, Tencent", "by it: -- opposes → Paris
    // AI Summit 2025" — never a bare name that could be read as a
    // reaction to the item when it is about something else.
    use relations::Via;
    let reactions = relations::reactions_for(d, Some(focus));
    let mut groups: Vec<(Via, &str)> = Vec::new();
    let keyed: Vec<((Via, &str), &crate::data::Reaction)> = reactions
        .iter()
        .filter_map(|&i| {
            let r = &d.reactions[i];
            let via = relations::reaction_via(d, focus, i)?;
            let subject = match via {
                Via::ByMember => r.actor.as_str(),
                Via::TargetMember | Via::Proposal => r.target.as_str(),
                Via::By | Via::Target => "",
            };
            Some(((via, subject), r))
        })
        .collect();
    for (key, _) in &keyed {
        if !groups.contains(key) {
            groups.push(*key);
        }
    }
    groups.sort_by_key(|(via, _)| *via);
    let mut by_stance = Vec::new();
    for (via, subject) in groups {
        by_stance.push(match via {
            Via::By => "By it:".to_string(),
            Via::Target => "To it:".to_string(),
            Via::ByMember => format!("By its member {}:", d.name_of(subject)),
            Via::TargetMember => format!("To its member {}:", d.name_of(subject)),
            Via::Proposal => format!("To its approach {}:", d.name_of(subject)),
        });
        for stance in Stance::ALL {
            let names: Vec<String> = keyed
                .iter()
                .filter(|((v, s), r)| *v == via && *s == subject && r.stance == stance)
                .map(|(_, r)| match via {
                    // Whose reaction it is goes without saying; what it
                    // is a reaction to does not.
                    Via::By | Via::ByMember => format!("→ {}", d.name_of(&r.target)),
                    Via::Target | Via::TargetMember | Via::Proposal => d.name_of(&r.actor),
                })
                .collect();
            if names.is_empty() {
                continue;
            }
            let sep = if matches!(via, Via::By | Via::ByMember) {
                ""
            } else {
                ":"
            };
            by_stance.push(format!(
                "{} {}{sep} {}",
                stance.symbol(),
                stance.label(),
                names.join(", ")
            ));
        }
    }
    by_stance
}

/// The Quotes row: the first [`MAX_QUOTES`] quotes that concern the item,
/// and how many more there are.
fn quote_lines(d: &Dataset, focus: &Focus) -> Vec<String> {
    let quotes = relations::quotes_for(d, Some(focus));
    let mut lines: Vec<String> = quotes
        .iter()
        .take(MAX_QUOTES)
        .map(|&i| {
            let q = &d.quotes[i];
            format!(
                "\u{201c}{}\u{201d} \u{2014} {}",
                q.text,
                d.name_of(&q.speaker)
            )
        })
        .collect();
    if quotes.len() > MAX_QUOTES {
        lines.push(format!("… and {} more", quotes.len() - MAX_QUOTES));
    }
    lines
}

fn position(d: &Dataset, p: Option<&crate::data::Position>, note: Option<&str>) -> Vec<String> {
    let Some(p) = p else {
        return vec!["not placed".into()];
    };
    let mut lines: Vec<String> = d
        .axes
        .iter()
        .filter_map(|a| p.get(&a.id).map(|v| format!("{} {v:+.1}", a.name)))
        .collect();
    lines.extend(note.map(str::to_string));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_line_up_for_two_approaches() {
        let d = crate::data::load(None).unwrap().checked.dataset.unwrap();
        let eu = rows(&d, Kind::Approaches, "eu-risk-based-regulation");
        let cn = rows(&d, Kind::Approaches, "china-cooperation-body");
        fn labels(r: &[(&'static str, Vec<String>)]) -> Vec<&'static str> {
            r.iter().map(|x| x.0).collect()
        }
        assert_eq!(labels(&eu), labels(&cn));
        let reactions = &cn.iter().find(|r| r.0 == "Reactions").unwrap().1;
        assert!(
            reactions
                .iter()
                .any(|l| l.starts_with("++ supports: Huawei, Tencent, Baidu"))
        );
        assert_eq!(eu.iter().find(|r| r.0 == "Quotes").unwrap().1, ["—"]);
        // The US declining the Paris appeal is not a reaction to the US
        // approach; under the US as an actor it says what it is about.
        let us = rows(&d, Kind::Approaches, "us-deregulation");
        assert_eq!(us.iter().find(|r| r.0 == "Reactions").unwrap().1, ["—"]);
        let us = rows(&d, Kind::Actors, "united-states");
        let reactions = &us.iter().find(|r| r.0 == "Reactions").unwrap().1;
        assert_eq!(reactions[0], "By it:");
        // Its reaction targets the Paris appeal (in the article's words),
        // not the summit, and leans against it rather than opposing.
        assert!(
            reactions[1].starts_with("- leans oppose → \u{201c}inclusive and ethical AI\u{201d}"),
            "{}",
            reactions[1]
        );
    }

    /// Issue 14 follow-up 4: no row empty on both sides, in the view as
    /// on a slide; a row empty on one side only stays.
    #[test]
    fn no_row_is_empty_on_both_sides() {
        let d = crate::data::load(None).unwrap().checked.dataset.unwrap();
        let mut seen_one_sided = false;
        for kind in [Kind::Approaches, Kind::Actors] {
            let n = match kind {
                Kind::Approaches => d.approaches.len(),
                Kind::Actors => d.actors.len(),
            };
            for left in 0..n {
                for right in 0..n {
                    if left == right {
                        continue;
                    }
                    let c = Compare {
                        kind,
                        left,
                        right,
                        ..Compare::default()
                    };
                    for compact in [false, true] {
                        for line in c.table_with(&d, 30, compact) {
                            // A row's first line: its label and the
                            // first line of each side.
                            if let TableLine::Cells { label, left, right } = line {
                                if label.is_empty() {
                                    continue;
                                }
                                let (l, r) = (
                                    NOTHING.contains(&left.as_str()),
                                    NOTHING.contains(&right.as_str()),
                                );
                                assert!(!(l && r), "{kind:?} {label}: {left:?} {right:?}");
                                seen_one_sided |= l != r;
                            }
                        }
                    }
                }
            }
        }
        assert!(seen_one_sided);
    }

    #[test]
    fn cycling_wraps_and_toggling_resets() {
        let d = crate::data::load(None).unwrap().checked.dataset.unwrap();
        let mut c = Compare::default();
        c.cycle(&d, -1);
        assert_eq!(c.left, d.approaches.len() - 1);
        c.side = Side::Right;
        c.cycle(&d, 1);
        assert_eq!(c.right, 2);
        // Never the same item on both sides.
        c.side = Side::Left;
        for _ in 0..2 * d.approaches.len() {
            c.cycle(&d, 1);
            assert_ne!(c.left, c.right);
        }
        c.toggle_kind(&d);
        assert_eq!((c.kind, c.left, c.right), (Kind::Actors, 0, 1));
    }
}
