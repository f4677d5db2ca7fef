//! The cross-item rules, run once every file has been read: unique ids,
//! references that resolve to the right kind of item, positions on known
//! axes, no `part_of` cycles, and warnings for items nothing refers to.

use std::collections::{HashMap, HashSet};

use super::collect::Collector;
use super::facts::{Field, Loc, PositionFact, Ref, Table};
use super::hints::{closest, is_kebab_id, with_article};
use crate::data::diagnostic::{Diagnostic, Kind};

/// Where an id was first defined, and as what.
struct Def {
    at: Loc,
    table: Table,
}

struct Rules<'c> {
    c: &'c Collector,
    /// Ids borrowed from the converted items: at 100,000 quotes, copies
    /// would cost several megabytes at the load's peak.
    ids: HashMap<&'c str, Def>,
    /// Ids something points at, for the "nothing refers to it" warnings.
    referenced: HashSet<&'c str>,
    /// The ids each kind of reference may name, gathered on the first
    /// dangling reference of that kind: a renamed actor can leave hundreds
    /// of dangling speakers, and each looked through every id for a hint.
    candidates: [Option<Vec<&'c str>>; 4],
    diags: Vec<Diagnostic>,
}

/// Every problem the rules find in what `c` read from `files` files.
/// `earlier_errors`: reading found errors already, so warnings about
/// unused items would only distract.
pub fn run(c: &Collector, files: usize, earlier_errors: bool) -> Vec<Diagnostic> {
    let mut rules = Rules {
        c,
        ids: HashMap::with_capacity(c.ids.iter().map(Vec::len).sum::<usize>() + c.broken.len()),
        referenced: HashSet::new(),
        candidates: Default::default(),
        diags: Vec::new(),
    };
    rules.dataset_table(files);
    for table in Table::ALL {
        for (i, at) in c.ids[table as usize].iter().enumerate() {
            if let Some(id) = table.id(&c.data, i) {
                rules.define(*at, id, table);
            }
        }
    }
    for (at, table, id) in &c.broken {
        rules.define(*at, id, *table);
    }
    for r in &c.refs {
        rules.refer(*r);
    }
    let axes: Vec<&str> = c.data.axes.iter().map(|a| a.id.as_str()).collect();
    for p in &c.positions {
        rules.position(p, &axes);
    }
    rules.part_of_cycles();
    rules.renderings();
    rules.glossary_terms();
    rules.tour_views();
    if !earlier_errors && !rules.diags.iter().any(Diagnostic::is_error) {
        rules.unreferenced();
    }
    rules.diags
}

impl<'c> Rules<'c> {
    fn error(&mut self, kind: Kind, at: Loc, message: String) {
        self.diags
            .push(Diagnostic::new(kind, at.file(), Some(at.span()), message));
    }

    /// "quote `q1`", or "tour step 3" for items without ids.
    fn owner(&self, table: Table, item: u32) -> String {
        table.label(&self.c.data, item as usize)
    }

    fn dataset_table(&mut self, files: usize) {
        match self.c.info.as_slice() {
            [] => {
                // A [dataset] that failed to deserialize was reported already.
                if files > 0 && !self.c.dataset_seen {
                    self.diags.push(Diagnostic::new(
                        Kind::MissingDataset,
                        0,
                        Some(0..0),
                        "missing [dataset] table: add `[dataset]` with at least `title = \"...\"`",
                    ));
                }
            }
            [_] => {}
            [first, rest @ ..] => {
                for at in rest {
                    self.diags.push(
                        Diagnostic::new(
                            Kind::DuplicateDataset,
                            at.file(),
                            Some(at.span()),
                            "[dataset] is defined more than once (one per dataset, in any one file)",
                        )
                        .with_note_at("first defined", first.file(), first.start as usize),
                    );
                }
            }
        }
    }

    fn define(&mut self, at: Loc, name: &'c str, table: Table) {
        let kind = table.name();
        if !is_kebab_id(name) {
            self.error(
                Kind::IdNotKebabCase,
                at,
                format!(
                    "{kind} id `{name}` is not kebab-case: use lowercase letters, digits and single dashes, starting with a letter (e.g. `li-qiang`)"
                ),
            );
        }
        if let Some(first) = self.ids.get(name) {
            let note = format!("first defined as {}", with_article(first.table.name()));
            let (file, offset) = (first.at.file(), first.at.start as usize);
            self.diags.push(
                Diagnostic::new(
                    Kind::DuplicateId,
                    at.file(),
                    Some(at.span()),
                    format!("duplicate id `{name}`: ids must be unique across the whole dataset"),
                )
                .with_note_at(note, file, offset),
            );
        } else {
            self.ids.insert(name, Def { at, table });
        }
    }

    fn refer(&mut self, r: Ref) {
        let id = r.value(&self.c.data);
        self.referenced.insert(id);
        let want = r.field.want();
        let (kind, problem) = match self.ids.get(id) {
            Some(def) if want.accepts(def.table) => return,
            Some(def) => (
                Kind::WrongKindOfReference,
                format!(
                    "`{id}` is {}, not {}",
                    with_article(def.table.name()),
                    with_article(want.label())
                ),
            ),
            None => {
                let ids = &self.ids;
                let candidates = self.candidates[want as usize].get_or_insert_with(|| {
                    ids.iter()
                        .filter(|(_, d)| want.accepts(d.table))
                        .map(|(k, _)| *k)
                        .collect()
                });
                let hint = closest(id, candidates.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                (
                    Kind::DanglingReference,
                    format!("`{id}` is not a known {}{hint}", want.label()),
                )
            }
        };
        let owner = self.owner(r.owner, r.item);
        self.error(kind, r.at, format!("{owner}: {} {problem}", r.field.name()));
    }

    /// A tour step's `view` fits what it shows: the map an approach or an
    /// actor, the timeline an event, Compare two approaches or two actors
    /// (`focus` and `with`), the reactions a reaction and an approach or
    /// actor to filter by; `with` and `filter` only with their views; the
    /// objectives and questions only where the dataset has them. Ids that
    /// are not known at all are reported as dangling already.
    fn tour_views(&mut self) {
        let c = self.c;
        let mut problems: Vec<(Loc, String)> = Vec::new();
        let views: HashMap<u32, Loc> = c.tour_views.iter().copied().collect();
        for (i, step) in c.data.tour.iter().enumerate() {
            let item = i as u32;
            let owner = Table::Tour.label(&c.data, i);
            self.tour_fields(item, step, &owner, &mut problems);
            if let (Some(view), Some(&view_at)) = (step.view, views.get(&item)) {
                self.tour_view(item, step, view, view_at, &owner, &mut problems);
            }
        }
        for (at, message) in problems {
            self.error(Kind::TourViewMismatch, at, message);
        }
    }

    /// Where tour step `item` gives `field`, if it does.
    fn tour_at(&self, item: u32, field: Field) -> Option<Loc> {
        self.c
            .refs
            .iter()
            .find(|r| r.owner == Table::Tour && r.item == item && r.field == field)
            .map(|r| r.at)
    }

    /// The table of the item `id` names, when it is known.
    fn table_of(&self, id: Option<&str>) -> Option<Table> {
        id.and_then(|id| self.ids.get(id)).map(|d| d.table)
    }

    /// `with` and `filter` only with the views they go with.
    fn tour_fields(
        &self,
        item: u32,
        step: &crate::data::TourStep,
        owner: &str,
        problems: &mut Vec<(Loc, String)>,
    ) {
        use crate::data::TourView;
        let view = step.view;
        let named = view.map_or("none", TourView::name);
        for (field, value, wants) in [
            (Field::With, &step.with, TourView::Compare),
            (Field::Filter, &step.filter, TourView::Reactions),
        ] {
            if value.is_some()
                && view != Some(wants)
                && let Some(at) = self.tour_at(item, field)
            {
                problems.push((
                    at,
                    format!(
                        "{owner}: `{}` goes with view = \"{}\" (this step's view is {named})",
                        field.name(),
                        wants.name()
                    ),
                ));
            }
        }
    }

    /// What tour step `item`'s `view` (given at `view_at`) shows fits
    /// its `focus`, `with` and `filter`, and the dataset has it.
    fn tour_view(
        &self,
        item: u32,
        step: &crate::data::TourStep,
        view: crate::data::TourView,
        view_at: Loc,
        owner: &str,
        problems: &mut Vec<(Loc, String)>,
    ) {
        use crate::data::TourView;
        let c = self.c;
        let focus = self.table_of(step.focus.as_deref());
        let focus_at = self.tour_at(item, Field::Focus).unwrap_or(view_at);
        let on_map = |t: Option<Table>| matches!(t, Some(Table::Approach | Table::Actor));
        let mut wrong = |at: Loc, what: String| problems.push((at, format!("{owner}: {what}")));
        match view {
            TourView::Map if focus.is_some() && !on_map(focus) => wrong(
                focus_at,
                "view = \"map\" selects an approach or an actor: `focus` names something else".into(),
            ),
            TourView::Timeline if focus.is_some() && focus != Some(Table::Event) => wrong(
                focus_at,
                "view = \"timeline\" selects an event: `focus` names something else".into(),
            ),
            TourView::Compare => {
                let with = self.table_of(step.with.as_deref());
                if step.focus.is_none() || step.with.is_none() {
                    wrong(
                        view_at,
                        "view = \"compare\" needs `focus` and `with`: the two approaches (or two actors) to set side by side".into(),
                    );
                } else if focus.is_some() && with.is_some() && (!on_map(focus) || focus != with) {
                    let at = self.tour_at(item, Field::With).unwrap_or(view_at);
                    let kind = |t: Option<Table>| with_article(t.map_or("item", Table::name));
                    wrong(
                        at,
                        format!(
                            "view = \"compare\" sets two approaches or two actors side by side, and `focus` is {} while `with` is {}",
                            kind(focus),
                            kind(with)
                        ),
                    );
                }
            }
            TourView::Reactions => {
                if focus.is_some() && focus != Some(Table::Reaction) {
                    wrong(
                        focus_at,
                        "view = \"reactions\" marks a reaction: `focus` names something else".into(),
                    );
                }
                let filter = self.table_of(step.filter.as_deref());
                if filter.is_some() && !on_map(filter) {
                    let at = self.tour_at(item, Field::Filter).unwrap_or(view_at);
                    wrong(
                        at,
                        "`filter` names the approach or actor whose reactions are listed: this is something else".into(),
                    );
                }
            }
            TourView::Objectives if c.data.dataset.objectives.is_empty() => wrong(
                view_at,
                "view = \"objectives\" lists the dataset's learning objectives, and `[dataset]` has no `objectives`".into(),
            ),
            TourView::Questions if c.data.questions.is_empty() => wrong(
                view_at,
                "view = \"questions\" lists the discussion questions, and the dataset has no `[[question]]`".into(),
            ),
            _ => {}
        }
    }

    fn position(&mut self, p: &PositionFact, axes: &[&str]) {
        let owner = self.owner(p.owner, p.item);
        if !p.has_note {
            self.error(
                Kind::MissingPositionNote,
                p.at,
                format!(
                    "{owner}: a position needs a `position_note` saying why the item is placed there"
                ),
            );
        }
        for (axis, axis_at, v, v_at) in &p.entries {
            if !axes.contains(&axis.as_str()) {
                let known = if axes.is_empty() {
                    "the dataset defines no [[axis]]".to_string()
                } else {
                    format!("known axes: {}", axes.join(", "))
                };
                self.error(
                    Kind::UnknownAxis,
                    *axis_at,
                    format!("{owner}: unknown axis `{axis}` ({known})"),
                );
            }
            if !(-1.0..=1.0).contains(v) {
                self.error(
                    Kind::PositionOutOfRange,
                    *v_at,
                    format!("{owner}: position {v} on `{axis}` is outside [-1, 1]"),
                );
            }
        }
    }

    fn part_of_cycles(&mut self) {
        let c = self.c;
        let part_of_at: HashMap<u32, Loc> = c
            .refs
            .iter()
            .filter(|r| r.owner == Table::Actor && r.field == Field::PartOf)
            .map(|r| (r.item, r.at))
            .collect();
        let parent: HashMap<&str, &str> = c
            .data
            .actors
            .iter()
            .filter_map(|a| a.part_of.as_deref().map(|p| (a.id.as_str(), p)))
            .collect();
        for (i, a) in c.data.actors.iter().enumerate() {
            let start = a.id.as_str();
            let mut current = start;
            for _ in 0..parent.len() {
                match parent.get(current) {
                    Some(&p) if p == start => {
                        let at = part_of_at
                            .get(&(i as u32))
                            .copied()
                            .unwrap_or(c.ids[Table::Actor as usize][i]);
                        self.error(
                            Kind::PartOfCycle,
                            at,
                            format!("actor `{start}`: part_of forms a cycle back to itself"),
                        );
                        break;
                    }
                    Some(&p) => current = p,
                    None => break,
                }
            }
        }
    }

    /// Renderings of one statement: all point at the first rendering
    /// (no chains, so the group is plain to read), by the same speaker.
    fn renderings(&mut self) {
        let c = self.c;
        let quotes = &c.data.quotes;
        let index: HashMap<&str, usize> = c.ids[Table::Quote as usize]
            .iter()
            .enumerate()
            .filter_map(|(i, _)| Some((Table::Quote.id(&c.data, i)?, i)))
            .collect();
        for r in c
            .refs
            .iter()
            .filter(|r| r.owner == Table::Quote && r.field == Field::RenderingOf)
        {
            let Some(q) = quotes.get(r.item as usize) else {
                continue;
            };
            let Some(first) = q.rendering_of.as_deref() else {
                continue;
            };
            let owner = format!("quote `{}`", q.id);
            if first == q.id {
                self.error(
                    Kind::RenderingOfItself,
                    r.at,
                    format!("{owner}: rendering_of names the quote itself; point at another rendering of the same statement"),
                );
                continue;
            }
            // A first rendering that is not a quote was reported already.
            let Some(f) = index.get(first).and_then(|&i| quotes.get(i)) else {
                continue;
            };
            if let Some(further) = &f.rendering_of {
                self.error(
                    Kind::RenderingChain,
                    r.at,
                    format!(
                        "{owner}: rendering_of `{first}` is itself a rendering of `{further}`; point every rendering at the first one, `{further}`"
                    ),
                );
            } else if f.speaker != q.speaker {
                self.error(
                    Kind::RenderingOtherSpeaker,
                    r.at,
                    format!(
                        "{owner}: renderings of one statement have one speaker, but `{first}` is by `{}` and this quote by `{}`",
                        f.speaker, q.speaker
                    ),
                );
            }
        }
    }

    /// A glossary explains each term once (case aside: `WAIC` and `waic`
    /// are one term).
    fn glossary_terms(&mut self) {
        let c = self.c;
        let mut seen: HashMap<String, Loc> = HashMap::new();
        for (g, at) in c.data.glossary.iter().zip(&c.ids[Table::Glossary as usize]) {
            let key = g.term.trim().to_lowercase();
            if let Some(first) = seen.get(&key) {
                let (file, offset) = (first.file(), first.start as usize);
                self.diags.push(
                    Diagnostic::new(
                        Kind::DuplicateGlossaryTerm,
                        at.file(),
                        Some(at.span()),
                        format!(
                            "glossary term `{}` is explained twice: keep one entry per term",
                            g.term
                        ),
                    )
                    .with_note_at("first explained", file, offset),
                );
            } else {
                seen.insert(key, *at);
            }
        }
    }

    fn unreferenced(&mut self) {
        let c = self.c;
        for (i, a) in c.data.actors.iter().enumerate() {
            if !self.referenced.contains(a.id.as_str()) {
                let at = c.ids[Table::Actor as usize][i];
                self.diags.push(Diagnostic::new(
                    Kind::UnreferencedActor,
                    at.file(),
                    Some(at.span()),
                    format!(
                        "actor `{}` is never referred to (no quote, reaction, approach, event or member points at it)",
                        a.id
                    ),
                ));
            }
        }
        for (i, s) in c.data.sources.iter().enumerate() {
            if !self.referenced.contains(s.id.as_str()) {
                let at = c.ids[Table::Source as usize][i];
                self.diags.push(Diagnostic::new(
                    Kind::UncitedSource,
                    at.file(),
                    Some(at.span()),
                    format!("source `{}` is never cited", s.id),
                ));
            }
        }
    }
}
