//! The typed, checked dataset that the rest of the program reads.
//!
//! Everything here is plain data: no spans, no file handles. The loader
//! (`load.rs`) builds it from TOML only after the checker found no errors,
//! so code that reads a `Dataset` may rely on every reference resolving.

use std::collections::BTreeMap;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::id_index::IdIndex;
pub use super::id_index::ItemRef;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub dataset: DatasetInfo,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub axes: Vec<Axis>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub approaches: Vec<Approach>,
    #[serde(default)]
    pub reactions: Vec<Reaction>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub tour: Vec<TourStep>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<DiscussionQuestion>,
    /// id -> where the item lives; derived, rebuilt by [`Dataset::build_index`].
    #[serde(skip)]
    index: IdIndex,
    /// Each quote's speaker as an index into `actors` (`u32::MAX` when
    /// unknown); derived, so that filtering 100,000 quotes by speaker
    /// compares numbers, not strings.
    #[serde(skip)]
    quote_speakers: Vec<u32>,
    /// For each statement that has several renderings, the indices in
    /// `quotes` of all of them, first rendering first; derived.
    #[serde(skip)]
    renderings: Vec<Vec<u32>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DatasetInfo {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_to_cite: Option<String>,
    /// What a class should be able to do after working with the dataset.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verification {
    Primary,
    Secondary,
    Unconfirmed,
}

impl Verification {
    pub fn label(self) -> &'static str {
        match self {
            Verification::Primary => "primary",
            Verification::Secondary => "secondary",
            Verification::Unconfirmed => "unconfirmed",
        }
    }
}

/// What the explorer and the handout say for a source field (publisher,
/// author, URL, date) that the source leaves out.
pub const NOT_GIVEN: &str = "not given";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// An `http://` or `https://` address; the checker refuses others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Axis {
    pub id: String,
    pub name: String,
    pub low: String,
    pub high: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Country,
    Bloc,
    Organization,
    Company,
    Person,
    Group,
}

impl ActorKind {
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Bloc => "bloc",
            ActorKind::Organization => "organization",
            ActorKind::Company => "company",
            ActorKind::Person => "person",
            ActorKind::Group => "group",
        }
    }
}

/// A position on the dataset's axes: axis id -> value in [-1, 1].
pub type Position = BTreeMap<String, f64>;

/// A position in words, as `list` and Detail show it: `axis +0.5, ...`.
pub fn format_position(axes: &[Axis], p: &Position) -> String {
    // The axes in the order the dataset declares them (the order the map
    // and Detail use), then any it does not declare.
    let declared = axes.iter().filter_map(|a| p.get_key_value(&a.id));
    let undeclared = p
        .iter()
        .filter(|(axis, _)| !axes.iter().any(|a| &a.id == *axis));
    declared
        .chain(undeclared)
        .map(|(axis, v)| format!("{axis} {v:+.1}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A label for tight places (map, tabs, rows); see [`Dataset::short_name_of`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Approach {
    pub id: String,
    pub name: String,
    pub proponent: String,
    pub summary: String,
    /// The summary in a sentence, for a two-page handout: what the
    /// summary cut at a clause would lose (the handout falls back to that).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Whom it governs: one country, a region or bloc, or the world.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

/// A view a tour slide can show its focus in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TourView {
    /// The stance map, with the focused approach or actor selected.
    Map,
    /// The timeline, with the focused event selected.
    Timeline,
    /// Compare: the focus on the left, the step's `with` on the right
    /// (two approaches or two actors).
    Compare,
    /// The reactions to (or by) the step's `filter`, by stance, with the
    /// focused reaction marked.
    Reactions,
    /// The dataset's learning objectives (`[dataset] objectives`).
    Objectives,
    /// The discussion questions (`[[question]]`).
    Questions,
}

impl TourView {
    /// The word written in data files.
    pub fn name(self) -> &'static str {
        match self {
            TourView::Map => "map",
            TourView::Timeline => "timeline",
            TourView::Compare => "compare",
            TourView::Reactions => "reactions",
            TourView::Objectives => "objectives",
            TourView::Questions => "questions",
        }
    }
}

/// How far an approach reaches. Without it, a national law and a proposed
/// world body sit on one map as if they were the same kind of thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    National,
    Regional,
    Global,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::National => "national",
            Scope::Regional => "regional",
            Scope::Global => "global",
        }
    }
}

/// The five-step ordinal scale of a reaction, from most for to most against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Supports,
    LeansSupport,
    Mixed,
    LeansOppose,
    Opposes,
}

impl Stance {
    pub const ALL: [Stance; 5] = [
        Stance::Supports,
        Stance::LeansSupport,
        Stance::Mixed,
        Stance::LeansOppose,
        Stance::Opposes,
    ];

    /// The word used in data files and in every view.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::LeansSupport => "leans support",
            Stance::Mixed => "mixed",
            Stance::LeansOppose => "leans oppose",
            Stance::Opposes => "opposes",
        }
    }

    /// A symbol that carries the stance without colour (plain ASCII-safe
    /// glyphs that every terminal font has).
    pub fn symbol(self) -> &'static str {
        match self {
            Stance::Supports => "++",
            Stance::LeansSupport => "+",
            Stance::Mixed => "~",
            Stance::LeansOppose => "-",
            Stance::Opposes => "--",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    pub id: String,
    pub actor: String,
    pub target: String,
    pub stance: Stance,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Optional extension: themes, like a quote's tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: CompactString,
    pub speaker: CompactString,
    pub text: String,
    pub source: CompactString,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<CompactString>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fragment: bool,
    /// The id of the first rendering of the same statement (another
    /// translation or report of the same words), when this is another one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rendering_of: Option<CompactString>,
    /// The words are the source's own wording of the speaker's position
    /// (a summit's appeal condensed to a phrase), not words the speaker is
    /// on record as saying: the quiz does not ask who said them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub source_wording: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub date: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Dates other sources give for the same event, where they differ
    /// from `date` (which is that of `source`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_dates: Vec<OtherDate>,
    /// The source does not give `date`: it is worked out from the source
    /// (an article's "recently", dated by the year of what it reports).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_inferred: bool,
}

impl Event {
    /// Its date as every screen and export shows it: "2025", or where the
    /// date is inferred, "2025 (year inferred)".
    pub fn date_label(&self) -> String {
        Event::inferred(self.date.to_string(), self)
    }

    /// `shown` (the date in any form) with "(year inferred)" after it
    /// where the date is inferred.
    pub fn inferred(shown: String, e: &Event) -> String {
        if e.date_inferred {
            format!("{shown} ({} inferred)", e.date.precision())
        } else {
            shown
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OtherDate {
    pub date: PartialDate,
    pub source: String,
}

/// A term of the field, explained in the dataset's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub term: String,
    pub definition: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A question for a class to discuss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscussionQuestion {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TourStep {
    pub title: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    /// The view the slide shows its focus in (the map, the timeline,
    /// Compare, the reactions, the objectives or the questions); without
    /// it, the focus in full, as in Detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<TourView>,
    /// With `view = "compare"`: the item set beside the focus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
    /// With `view = "reactions"`: the approach or actor whose reactions
    /// are listed (every reaction without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
}

impl Dataset {
    /// Rebuild the id index; call after changing any table.
    pub fn build_index(&mut self) {
        self.index = IdIndex::build(self.all_items(), |item| self.id_of(item));
        self.quote_speakers = self
            .quotes
            .iter()
            .map(|q| match self.item(&q.speaker) {
                Some(ItemRef::Actor(i)) => u32::try_from(i).unwrap_or(u32::MAX),
                _ => u32::MAX,
            })
            .collect();
        self.renderings = self.build_renderings();
    }

    fn build_renderings(&self) -> Vec<Vec<u32>> {
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let mut by_first: std::collections::HashMap<usize, usize> = Default::default();
        for (i, q) in self.quotes.iter().enumerate() {
            let Some(first) = q.rendering_of.as_deref() else {
                continue;
            };
            let Some(ItemRef::Quote(f)) = self.item(first) else {
                continue;
            };
            let g = *by_first.entry(f).or_insert_with(|| {
                groups.push(vec![f as u32]);
                groups.len() - 1
            });
            groups[g].push(i as u32);
        }
        groups
    }

    /// The other renderings of the statement quote `i` renders (its
    /// translations or reports by other sources), in file order with the
    /// first rendering first; empty when there are none.
    pub fn other_renderings(&self, i: usize) -> Vec<usize> {
        self.renderings
            .iter()
            .find(|g| g.contains(&(i as u32)))
            .map(|g| g.iter().map(|&j| j as usize).filter(|&j| j != i).collect())
            .unwrap_or_default()
    }

    /// The index in `actors` of quote `i`'s speaker.
    pub fn quote_speaker(&self, i: usize) -> Option<usize> {
        self.quote_speakers
            .get(i)
            .filter(|&&a| a != u32::MAX)
            .map(|&a| a as usize)
    }

    pub fn item(&self, id: &str) -> Option<ItemRef> {
        self.index.get(id, |item| self.id_of(item))
    }

    /// Every item that has an id, table by table.
    pub(super) fn all_items(&self) -> impl Iterator<Item = ItemRef> {
        (0..self.sources.len())
            .map(ItemRef::Source)
            .chain((0..self.axes.len()).map(ItemRef::Axis))
            .chain((0..self.actors.len()).map(ItemRef::Actor))
            .chain((0..self.approaches.len()).map(ItemRef::Approach))
            .chain((0..self.reactions.len()).map(ItemRef::Reaction))
            .chain((0..self.quotes.len()).map(ItemRef::Quote))
            .chain((0..self.events.len()).map(ItemRef::Event))
    }

    /// The id of `item`; empty when it is out of range (an index built
    /// for other tables).
    pub(super) fn id_of(&self, item: ItemRef) -> &str {
        let id = match item {
            ItemRef::Source(i) => self.sources.get(i).map(|x| x.id.as_str()),
            ItemRef::Axis(i) => self.axes.get(i).map(|x| x.id.as_str()),
            ItemRef::Actor(i) => self.actors.get(i).map(|x| x.id.as_str()),
            ItemRef::Approach(i) => self.approaches.get(i).map(|x| x.id.as_str()),
            ItemRef::Reaction(i) => self.reactions.get(i).map(|x| x.id.as_str()),
            ItemRef::Quote(i) => self.quotes.get(i).map(|x| x.id.as_str()),
            ItemRef::Event(i) => self.events.get(i).map(|x| x.id.as_str()),
        };
        id.unwrap_or("")
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        match self.item(id)? {
            ItemRef::Actor(i) => self.actors.get(i),
            _ => None,
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        match self.item(id)? {
            ItemRef::Source(i) => self.sources.get(i),
            _ => None,
        }
    }

    pub fn quote(&self, id: &str) -> Option<&Quote> {
        match self.item(id)? {
            ItemRef::Quote(i) => self.quotes.get(i),
            _ => None,
        }
    }

    /// The display name of any item, falling back to its id.
    /// An actor's name as it reads in a sentence or a list of speakers:
    /// a person named by a description, not a name ("Baidu
    /// representative"), takes "a"; any other name is as `name_of` gives.
    pub fn speaker_name(&self, id: &str) -> String {
        let name = self.name_of(id);
        let described = self.actor(id).is_some_and(|a| {
            a.kind == ActorKind::Person
                && a.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        });
        if described { format!("a {name}") } else { name }
    }

    /// An actor's name as a sentence needs it: "the African Union", "the
    /// United States" (a body, a bloc, or a name English gives an
    /// article), else the name as it is.
    pub fn prose_name(&self, id: &str) -> String {
        let name = self.name_of(id);
        let takes_the = self.actor(id).is_some_and(|a| {
            matches!(a.kind, ActorKind::Organization | ActorKind::Bloc)
                || a.name.starts_with("United ")
        });
        if takes_the && !name.starts_with("The ") && !name.starts_with("the ") {
            format!("the {name}")
        } else {
            name
        }
    }

    pub fn name_of(&self, id: &str) -> String {
        match self.item(id) {
            Some(ItemRef::Source(i)) => self.sources[i].title.clone(),
            Some(ItemRef::Axis(i)) => self.axes[i].name.clone(),
            Some(ItemRef::Actor(i)) => self.actors[i].name.clone(),
            Some(ItemRef::Approach(i)) => self.approaches[i].name.clone(),
            Some(ItemRef::Reaction(i)) => {
                let r = &self.reactions[i];
                format!("{} on {}", self.name_of(&r.actor), self.name_of(&r.target))
            }
            Some(ItemRef::Quote(i)) => format!("\u{201c}{}\u{201d}", self.quotes[i].text),
            Some(ItemRef::Event(i)) => self.events[i].name.clone(),
            None => id.to_string(),
        }
    }

    /// The short label of an actor, approach or event where it has one,
    /// else its display name ([`Dataset::name_of`]): for the map, tabs and
    /// rows where a full name does not fit.
    pub fn short_name_of(&self, id: &str) -> String {
        let short = match self.item(id) {
            Some(ItemRef::Actor(i)) => self.actors[i].short.as_ref(),
            Some(ItemRef::Approach(i)) => self.approaches[i].short.as_ref(),
            Some(ItemRef::Event(i)) => self.events[i].short.as_ref(),
            _ => None,
        };
        match short {
            Some(s) => s.clone(),
            None => self.name_of(id),
        }
    }

    /// True when `actor` is `group` or belongs to it through a chain of
    /// `part_of` links (Li Qiang is part of China). Cycles are refused by the
    /// checker; the step bound keeps this total even on unchecked data.
    pub fn is_within(&self, actor: &str, group: &str) -> bool {
        let mut current = Some(actor);
        for _ in 0..=self.actors.len() {
            match current {
                Some(id) if id == group => return true,
                Some(id) => current = self.actor(id).and_then(|a| a.part_of.as_deref()),
                None => return false,
            }
        }
        false
    }

    /// "Speaker, role" as used in citations (see [`name_with_role`]).
    pub fn speaker_line(&self, actor_id: &str) -> String {
        match self.actor(actor_id) {
            Some(a) => name_with_role(&a.name, a.role.as_deref()),
            None => actor_id.to_string(),
        }
    }

    /// The full citation of a quote: "text" — Speaker, role; Source, date.
    pub fn citation(&self, quote: &Quote) -> String {
        format!(
            "\u{201c}{}\u{201d} \u{2014} {}",
            quote.text,
            self.source_line(quote)
        )
    }

    /// The attribution alone: Speaker, role; Source, date.
    pub fn source_line(&self, quote: &Quote) -> String {
        let mut line = self.speaker_line(&quote.speaker);
        if let Some(src) = self.source(&quote.source) {
            line.push_str("; ");
            line.push_str(&src.title);
            if let Some(p) = &src.publisher {
                line.push_str(", ");
                line.push_str(p);
            }
        }
        let date = quote.date.as_ref().or_else(|| {
            self.source(&quote.source)
                .and_then(|s| s.published.as_ref())
        });
        if let Some(d) = date {
            line.push_str(", ");
            line.push_str(&d.to_string());
        }
        line
    }
}

/// Words too common to count as a repetition between a name and a role.
const SMALL_WORDS: [&str; 8] = ["of", "the", "a", "an", "and", "for", "to", "in"];

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !SMALL_WORDS.contains(&w.as_str()))
}

/// "Name, role", unless the role repeats a word of the name ("Baidu
/// representative, representative of Baidu"): then the name alone, which
/// already says it.
pub fn name_with_role(name: &str, role: Option<&str>) -> String {
    match shown_role(name, role) {
        Some(role) => format!("{name}, {role}"),
        None => name.to_string(),
    }
}

/// The role worth printing after `name`: none when it repeats a word of
/// the name (see [`name_with_role`]).
pub fn shown_role<'a>(name: &str, role: Option<&'a str>) -> Option<&'a str> {
    role.filter(|role| !words(role).any(|w| words(name).any(|n| n == w)))
}
