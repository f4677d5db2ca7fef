//! What the cross-item rules need to know about items that are already
//! converted to the model: where their ids and references are written.
//!
//! Keeping the raw, spanned items until every file was read cost more
//! memory than the dataset itself (a 40-byte span and string per value).
//! Instead each item is converted at once, and only these compact records
//! remain; a reference's text is read back from the model item.

use std::ops::Range;

use crate::data::model::Dataset;

/// A place in a file. Files are at most 512 MB, so offsets fit in 32 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub file: u32,
    pub start: u32,
    pub end: u32,
}

impl Loc {
    /// `span` of a chunk that starts `base` bytes into file `file`.
    pub fn new(file: usize, span: Range<usize>, base: usize) -> Loc {
        Loc {
            file: file as u32,
            start: (span.start + base) as u32,
            end: (span.end + base) as u32,
        }
    }

    pub fn file(self) -> usize {
        self.file as usize
    }

    pub fn span(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The tables whose items the rules look at, in the order the docs list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Source,
    Axis,
    Actor,
    Approach,
    Reaction,
    Quote,
    Event,
    Tour,
    Glossary,
    Question,
}

impl Table {
    pub const COUNT: usize = 10;
    pub const ALL: [Table; Table::COUNT] = [
        Table::Source,
        Table::Axis,
        Table::Actor,
        Table::Approach,
        Table::Reaction,
        Table::Quote,
        Table::Event,
        Table::Tour,
        Table::Glossary,
        Table::Question,
    ];

    /// The name written in files (`[[quote]]`), also the word for its items.
    pub fn name(self) -> &'static str {
        match self {
            Table::Source => "source",
            Table::Axis => "axis",
            Table::Actor => "actor",
            Table::Approach => "approach",
            Table::Reaction => "reaction",
            Table::Quote => "quote",
            Table::Event => "event",
            Table::Tour => "tour",
            Table::Glossary => "glossary",
            Table::Question => "question",
        }
    }

    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Items counted so far in this table of `data`.
    pub fn len(self, data: &Dataset) -> usize {
        match self {
            Table::Source => data.sources.len(),
            Table::Axis => data.axes.len(),
            Table::Actor => data.actors.len(),
            Table::Approach => data.approaches.len(),
            Table::Reaction => data.reactions.len(),
            Table::Quote => data.quotes.len(),
            Table::Event => data.events.len(),
            Table::Tour => data.tour.len(),
            Table::Glossary => data.glossary.len(),
            Table::Question => data.questions.len(),
        }
    }

    /// The id of item `i` (tour steps, glossary entries and questions
    /// have none).
    pub fn id(self, data: &Dataset, i: usize) -> Option<&str> {
        Some(match self {
            Table::Source => &data.sources.get(i)?.id,
            Table::Axis => &data.axes.get(i)?.id,
            Table::Actor => &data.actors.get(i)?.id,
            Table::Approach => &data.approaches.get(i)?.id,
            Table::Reaction => &data.reactions.get(i)?.id,
            Table::Quote => &data.quotes.get(i)?.id,
            Table::Event => &data.events.get(i)?.id,
            Table::Tour | Table::Glossary | Table::Question => return None,
        })
    }

    /// How messages name item `i`: "quote `q1`", "tour step 3",
    /// "glossary term `WAIC`", "question 2".
    pub fn label(self, data: &Dataset, i: usize) -> String {
        match self {
            Table::Tour => format!("tour step {}", i + 1),
            Table::Question => format!("question {}", i + 1),
            Table::Glossary => match data.glossary.get(i) {
                Some(g) => format!("glossary term `{}`", g.term),
                None => format!("glossary term {}", i + 1),
            },
            _ => match self.id(data, i) {
                Some(id) => format!("{} `{id}`", self.name()),
                None => format!("{} {}", self.name(), i + 1),
            },
        }
    }
}

/// What kind of item a reference must point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Actor,
    Source,
    Quote,
    Any,
}

impl Want {
    pub fn accepts(self, table: Table) -> bool {
        match self {
            Want::Actor => table == Table::Actor,
            Want::Source => table == Table::Source,
            Want::Quote => table == Table::Quote,
            Want::Any => true,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Want::Actor => "actor",
            Want::Source => "source",
            Want::Quote => "quote",
            Want::Any => "item",
        }
    }
}

/// The fields that hold references to other items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    PartOf,
    Source,
    Proponent,
    Actor,
    Target,
    Quote,
    Speaker,
    About,
    Actors,
    Focus,
    RenderingOf,
    OtherDateSource,
    With,
    Filter,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::PartOf => "part_of",
            Field::Source => "source",
            Field::Proponent => "proponent",
            Field::Actor => "actor",
            Field::Target => "target",
            Field::Quote => "quote",
            Field::Speaker => "speaker",
            Field::About => "about",
            Field::Actors => "actors",
            Field::Focus => "focus",
            Field::RenderingOf => "rendering_of",
            Field::OtherDateSource => "other_dates: source",
            Field::With => "with",
            Field::Filter => "filter",
        }
    }

    pub fn want(self) -> Want {
        match self {
            Field::PartOf | Field::Proponent | Field::Actor | Field::Speaker | Field::Actors => {
                Want::Actor
            }
            Field::Source | Field::OtherDateSource => Want::Source,
            Field::Quote | Field::RenderingOf => Want::Quote,
            Field::Target | Field::About | Field::Focus | Field::With | Field::Filter => Want::Any,
        }
    }
}

/// One reference: which item's which field (the `nth` element of a list),
/// and where its value is written.
#[derive(Debug, Clone, Copy)]
pub struct Ref {
    pub at: Loc,
    pub item: u32,
    pub nth: u32,
    pub owner: Table,
    pub field: Field,
}

impl Ref {
    /// The id the reference names, read from the converted item.
    pub fn value(self, data: &Dataset) -> &str {
        let i = self.item as usize;
        let nth = self.nth as usize;
        let v = match (self.owner, self.field) {
            (Table::Actor, Field::PartOf) => data.actors.get(i).and_then(|a| a.part_of.as_deref()),
            (Table::Actor, Field::Source) => data.actors.get(i).and_then(|a| a.source.as_deref()),
            (Table::Approach, Field::Proponent) => data.approaches.get(i).map(|a| &*a.proponent),
            (Table::Approach, Field::Source) => {
                data.approaches.get(i).and_then(|a| a.source.as_deref())
            }
            (Table::Reaction, Field::Actor) => data.reactions.get(i).map(|r| &*r.actor),
            (Table::Reaction, Field::Target) => data.reactions.get(i).map(|r| &*r.target),
            (Table::Reaction, Field::Source) => {
                data.reactions.get(i).and_then(|r| r.source.as_deref())
            }
            (Table::Reaction, Field::Quote) => {
                data.reactions.get(i).and_then(|r| r.quote.as_deref())
            }
            (Table::Quote, Field::Speaker) => data.quotes.get(i).map(|q| &*q.speaker),
            (Table::Quote, Field::Source) => data.quotes.get(i).map(|q| &*q.source),
            (Table::Quote, Field::About) => data
                .quotes
                .get(i)
                .and_then(|q| q.about.get(nth))
                .map(|s| &**s),
            (Table::Event, Field::Actors) => data
                .events
                .get(i)
                .and_then(|e| e.actors.get(nth))
                .map(|s| &**s),
            (Table::Event, Field::Source) => data.events.get(i).and_then(|e| e.source.as_deref()),
            (Table::Tour, Field::Focus) => data.tour.get(i).and_then(|t| t.focus.as_deref()),
            (Table::Tour, Field::With) => data.tour.get(i).and_then(|t| t.with.as_deref()),
            (Table::Tour, Field::Filter) => data.tour.get(i).and_then(|t| t.filter.as_deref()),
            (Table::Quote, Field::RenderingOf) => {
                data.quotes.get(i).and_then(|q| q.rendering_of.as_deref())
            }
            (Table::Event, Field::OtherDateSource) => data
                .events
                .get(i)
                .and_then(|e| e.other_dates.get(nth))
                .map(|o| &*o.source),
            (Table::Glossary, Field::About) => data
                .glossary
                .get(i)
                .and_then(|g| g.about.get(nth))
                .map(|s| &**s),
            (Table::Glossary, Field::Source) => {
                data.glossary.get(i).and_then(|g| g.source.as_deref())
            }
            (Table::Question, Field::About) => data
                .questions
                .get(i)
                .and_then(|q| q.about.get(nth))
                .map(|s| &**s),
            _ => None,
        };
        v.unwrap_or("")
    }
}

/// A position as written, kept for the checks that need every axis.
#[derive(Debug, Clone)]
pub struct PositionFact {
    pub owner: Table,
    pub item: u32,
    pub at: Loc,
    pub has_note: bool,
    /// Axis name, where it is written, value, where it is written.
    pub entries: Vec<(String, Loc, f64, Loc)>,
}
