//! Reading items: from TOML text (a whole file or a chunk of one) to model
//! items, with the per-item problems and the facts the cross-item rules
//! need ([`super::facts`]).

use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::{Mutex, mpsc};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::TABLES;
use super::facts::{Field, Loc, PositionFact, Ref, Table};
use super::hints::{closest, friendlier, syntax_message};
use super::sniff;
use super::strings::check_table_strings;
use crate::data::chunks::{self, Chunks, GiveUp, Layout};
use crate::data::date::{self, PartialDate};
use crate::data::diagnostic::{Diagnostic, Kind};
use crate::data::model::*;
use crate::data::raw::*;

/// More syntax errors than this from one file are noise: the parser keeps
/// reporting the same broken bracket. The rest is summarised.
const MAX_SYNTAX_ERRORS_PER_FILE: usize = 20;

/// Items read so far, converted to the model, with what the rules need.
#[derive(Default)]
pub struct Collector {
    /// The items; its index is built only once everything is checked.
    pub data: Dataset,
    /// Where each `[dataset]` table is (the first one is `data.dataset`).
    pub info: Vec<Loc>,
    /// Whether any file has a `dataset` key, even one that failed to read.
    pub dataset_seen: bool,
    /// Where each item's id is written, per table, in item order (for
    /// a glossary entry, its term: the key no two entries may share).
    pub ids: [Vec<Loc>; Table::COUNT],
    pub refs: Vec<Ref>,
    pub positions: Vec<PositionFact>,
    /// Each tour step with a `view`: its number and where the view is
    /// written, for the rules that check the view fits the step.
    pub tour_views: Vec<(u32, Loc)>,
    /// Items that failed to deserialize but whose id could be read: their
    /// ids still count as defined, so one typo in an actor does not also
    /// report every reference to it as dangling.
    pub broken: Vec<(Loc, Table, String)>,
    pub diags: Vec<Diagnostic>,
    pub syntax_broken: bool,
    /// Syntax errors found but not kept (past the first few of a file).
    pub omitted_errors: usize,
    /// Array elements seen per table in the current file, failed ones
    /// included, so that chunks after the first number items right.
    elements: [u32; Table::COUNT],
    /// Messages that name an item by number ("quote #3"), to renumber
    /// when this chunk's items are put after the chunks before it.
    numbered: Vec<Numbered>,
    /// Where the text being read sits: its file, and its offset there.
    file: usize,
    base: usize,
}

struct Numbered {
    diag: usize,
    table: Table,
    local: u32,
    /// Bytes of the message that are the label ("quote #3").
    label_len: usize,
}

impl Collector {
    /// Start a new file: item numbers count from one again.
    pub fn start_file(&mut self) {
        self.elements = [0; Table::COUNT];
    }

    /// Read one file held in memory: in chunks on every core when it is
    /// big, else (or when a chunk fails to parse) in one piece.
    pub fn parse_text(&mut self, file: usize, text: &str) {
        if let Some((at, message)) = sniff::not_toml(text) {
            // One plain message, not one syntax error per line or byte.
            self.syntax_broken = true;
            self.diags.push(Diagnostic::new(
                Kind::NotToml,
                file,
                Some(at..at + 1),
                message,
            ));
            return;
        }
        if let Some(chunks) = Chunks::in_memory(text)
            && let Ok(part) = parse_chunks(file, chunks)
        {
            self.absorb(part);
            return;
        }
        self.parse_whole(file, text);
    }

    fn parse_whole(&mut self, file: usize, text: &str) {
        let (table, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            self.syntax_broken = true;
            // Only the first few are kept; the rest are counted, each
            // distinct one once, by a hash of what it says and where.
            let mut seen = HashSet::new();
            let mut distinct = errors.iter().filter(|e| {
                let mut h = std::hash::DefaultHasher::new();
                (e.message(), e.span()).hash(&mut h);
                seen.insert(h.finish())
            });
            for e in distinct.by_ref().take(MAX_SYNTAX_ERRORS_PER_FILE) {
                let (span, message) = match e.span() {
                    None if e.message().contains("recursion limit") => (
                        sniff::too_deep_key(text).map(|at| at..at + 1),
                        format!(
                            "TOML syntax: a key of more than {} dotted parts; the parser reads no deeper",
                            sniff::MAX_KEY_DEPTH
                        ),
                    ),
                    span => (span, syntax_message(e.message())),
                };
                self.diags
                    .push(Diagnostic::new(Kind::TomlSyntax, file, span, message));
            }
            self.omitted_errors += distinct.count();
            self.check_items_before(file, text, &errors);
            return;
        }
        let mut part = Collector {
            file,
            ..Collector::default()
        };
        part.collect(text, table.into_inner());
        self.absorb(part);
    }

    /// A syntax error stops the whole file from parsing, but the items
    /// wholly before the first one still parse on their own: report their
    /// problems now too, so a writer fixes them in one round. Items after
    /// it are left alone (an unclosed multi-line string turns what follows
    /// into string text), and so are the cross-item rules, which need
    /// every item.
    fn check_items_before(&mut self, file: usize, text: &str, errors: &[toml::de::Error]) {
        let first = errors
            .iter()
            .map(|e| e.span().map_or(0, |s| s.start))
            .min()
            .unwrap_or(0);
        let starts = chunks::item_starts(text);
        for w in starts.windows(2) {
            let (start, end) = (w[0], w[1]);
            if end > first {
                break;
            }
            if let Ok(part) = parse_chunk(file, start, &text[start..end]) {
                self.diags.extend(part.diags);
            }
        }
    }

    /// Append what another collector read: the next chunk of this file,
    /// or another file. Item indices in its facts move past ours, and
    /// items it named by number are numbered after ours.
    pub fn absorb(&mut self, mut other: Collector) {
        for n in other.numbered.drain(..) {
            let global = self.elements[n.table as usize] + n.local;
            if let Some(d) = other.diags.get_mut(n.diag) {
                d.message
                    .replace_range(..n.label_len, &format!("{} #{global}", n.table.name()));
            }
        }
        for (mine, theirs) in self.elements.iter_mut().zip(other.elements) {
            *mine += theirs;
        }
        let base: Vec<u32> = Table::ALL
            .iter()
            .map(|t| t.len(&self.data) as u32)
            .collect();
        for mut r in other.refs {
            r.item += base[r.owner as usize];
            self.refs.push(r);
        }
        for mut p in other.positions {
            p.item += base[p.owner as usize];
            self.positions.push(p);
        }
        for (item, at) in other.tour_views {
            self.tour_views
                .push((item + base[Table::Tour as usize], at));
        }
        for (mine, theirs) in self.ids.iter_mut().zip(other.ids) {
            append(mine, theirs);
        }
        if self.info.is_empty() && !other.info.is_empty() {
            self.data.dataset = std::mem::take(&mut other.data.dataset);
        }
        self.info.extend(other.info);
        self.dataset_seen |= other.dataset_seen;
        let d = &mut self.data;
        let o = other.data;
        append(&mut d.sources, o.sources);
        append(&mut d.axes, o.axes);
        append(&mut d.actors, o.actors);
        append(&mut d.approaches, o.approaches);
        append(&mut d.reactions, o.reactions);
        append(&mut d.quotes, o.quotes);
        append(&mut d.events, o.events);
        append(&mut d.tour, o.tour);
        append(&mut d.glossary, o.glossary);
        append(&mut d.questions, o.questions);
        self.broken.extend(other.broken);
        self.diags.extend(other.diags);
        self.syntax_broken |= other.syntax_broken;
        self.omitted_errors += other.omitted_errors;
    }

    /// Deserialize every table of a parsed file (or chunk of one).
    fn collect(&mut self, text: &str, mut table: DeTable<'_>) {
        let file = self.file;
        for (key, value) in table.iter_mut() {
            let name = key.get_ref().as_ref();
            let first_diag = self.diags.len();
            check_table_strings(file, text, name, value, &mut self.diags);
            self.number_labels(first_diag, name);
            let key_span = key.span();
            if name == "dataset" {
                self.dataset_info(text, key_span, value);
            } else {
                self.table(text, name, key_span, value);
            }
        }
        // Messages point into the whole file, not the chunk.
        if self.base > 0 {
            for d in &mut self.diags {
                if let Some(span) = &mut d.span {
                    *span = span.start + self.base..span.end + self.base;
                }
            }
        }
    }

    /// The `[dataset]` table: one table of facts about the dataset.
    fn dataset_info(
        &mut self,
        text: &str,
        key_span: Range<usize>,
        value: &mut Spanned<DeValue<'_>>,
    ) {
        self.dataset_seen = true;
        let span = value.span();
        if let Some(found) = value.get_ref().as_array() {
            // `[[dataset]]` makes a list of tables; a dataset has
            // one table of facts about itself.
            let what = if found.iter().all(|v| v.get_ref().is_table()) {
                "a list of tables (`[[dataset]]`)".to_string()
            } else {
                "a list".to_string()
            };
            self.error(
                Kind::BadItem,
                key_span.clone(),
                format!("`dataset` is {what}, but it must be one table: write `[dataset]`, with single brackets"),
            );
            return;
        }
        if let Some(info) = self.item::<RawDatasetInfo>(text, "dataset", 0, take(value)) {
            self.info.push(self.loc(span));
            self.data.dataset = DatasetInfo {
                title: text_of(info.title),
                summary: opt(info.summary),
                language: opt(info.language),
                license: opt(info.license),
                how_to_cite: opt(info.how_to_cite),
                objectives: list(info.objectives),
            };
        }
    }

    /// The items of table `name`, each added by its kind's `add_*`; an
    /// unknown table is reported, with the name it was likely meant to be.
    fn table(
        &mut self,
        text: &str,
        name: &str,
        key_span: Range<usize>,
        value: &mut Spanned<DeValue<'_>>,
    ) {
        match Table::from_name(name) {
            Some(Table::Source) => {
                self.items(text, Table::Source, key_span, value, Self::add_source)
            }
            Some(Table::Axis) => self.items(text, Table::Axis, key_span, value, Self::add_axis),
            Some(Table::Actor) => self.items(text, Table::Actor, key_span, value, Self::add_actor),
            Some(Table::Approach) => {
                self.items(text, Table::Approach, key_span, value, Self::add_approach)
            }
            Some(Table::Reaction) => {
                self.items(text, Table::Reaction, key_span, value, Self::add_reaction)
            }
            Some(Table::Quote) => self.items(text, Table::Quote, key_span, value, Self::add_quote),
            Some(Table::Event) => self.items(text, Table::Event, key_span, value, Self::add_event),
            Some(Table::Tour) => self.items(text, Table::Tour, key_span, value, Self::add_tour),
            Some(Table::Glossary) => {
                self.items(text, Table::Glossary, key_span, value, Self::add_glossary)
            }
            Some(Table::Question) => {
                self.items(text, Table::Question, key_span, value, Self::add_question)
            }
            None => {
                let hint = closest(name, TABLES.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                self.error(
                    Kind::UnknownTable,
                    key_span,
                    format!(
                        "unknown table `{name}`{hint} (a dataset has {})",
                        TABLES.map(|t| format!("`{t}`")).join(", ")
                    ),
                );
            }
        }
    }

    /// Messages from `first` on that name an item of `table` by number
    /// are renumbered when chunks are put together.
    fn number_labels(&mut self, first: usize, table: &str) {
        let Some(t) = Table::from_name(table) else {
            return;
        };
        let prefix = format!("{table} #");
        for (i, d) in self.diags.iter().enumerate().skip(first) {
            if let Some(rest) = d.message.strip_prefix(&prefix) {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                if let Ok(local) = rest[..digits].parse::<u32>() {
                    self.numbered.push(Numbered {
                        diag: i,
                        table: t,
                        local,
                        label_len: prefix.len() + digits,
                    });
                }
            }
        }
    }

    /// Deserialize and convert every element of an array of tables.
    fn items<T: for<'de> Deserialize<'de>>(
        &mut self,
        text: &str,
        table: Table,
        key_span: Range<usize>,
        value: &mut Spanned<DeValue<'_>>,
        add: fn(&mut Self, T),
    ) {
        let name = table.name();
        let is_table = value.get_ref().is_table();
        let type_str = value.get_ref().type_str();
        let DeValue::Array(array) = value.get_mut() else {
            let found = if is_table {
                format!("`[{name}]` is a single table: write `[[{name}]]` for each item")
            } else {
                format!("`{name}` must be an array of tables (`[[{name}]]`), not a {type_str}")
            };
            self.error(Kind::NotArrayOfTables, key_span, found);
            return;
        };
        for (n, element) in array.iter_mut().enumerate() {
            let first_diag = self.diags.len();
            if let Some(item) = self.item::<T>(text, name, n + 1, take(element)) {
                add(self, item);
            } else {
                self.number_labels(first_diag, name);
            }
        }
        self.elements[table as usize] += array.len() as u32;
    }

    fn item<T: for<'de> Deserialize<'de>>(
        &mut self,
        text: &str,
        table: &str,
        number: usize,
        value: Spanned<DeValue<'_>>,
    ) -> Option<T> {
        // Where the item and its id are, read before the value is handed
        // over; the id's text is only needed for a message, from the file.
        let whole = value.span();
        let id_span = value
            .get_ref()
            .as_table()
            .and_then(|t| t.get("id"))
            .filter(|v| v.get_ref().is_str())
            .map(|v| v.span());
        // Each field's name, where its value is and what it is: a type
        // error names the field, what was found and what is allowed.
        // Nested tables count: `position = { regulation = "high" }` is
        // about `position.regulation`, not about `position`.
        let mut fields: Vec<(String, Range<usize>, &'static str)> = Vec::new();
        if let Some(t) = value.get_ref().as_table() {
            nested_fields(t, "", &mut fields);
        }
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(item) => Some(item),
            Err(e) => {
                let id = id_span.and_then(|span| {
                    let raw = text.get(span.clone())?;
                    Some((span, raw.trim_matches(['"', '\'']).to_string()))
                });
                let label = match &id {
                    _ if table == "dataset" => "[dataset]".to_string(),
                    Some((_, id)) => format!("{table} `{id}`"),
                    None => format!("{table} #{number}"),
                };
                if let Some((span, id)) = id
                    && let Some(t) = Table::from_name(table)
                {
                    let at = self.loc(span);
                    self.broken.push((at, t, id));
                }
                let span = e.span().unwrap_or(whole);
                // The innermost field whose value holds the error.
                let field = fields
                    .iter()
                    .filter(|(_, at, _)| at.start <= span.start && span.end <= at.end)
                    .min_by_key(|(_, at, _)| at.len());
                // Only a wrong type is reworded: a missing field or an
                // unknown word says what it needs already.
                let wrong_type =
                    e.message().starts_with("invalid type") || e.message().starts_with("wanted ");
                let message = match field.filter(|_| wrong_type) {
                    Some((name, at, found)) => {
                        let shown = text.get(at.clone()).unwrap_or("").trim();
                        type_message(name, found, shown, e.message())
                    }
                    None => friendlier(e.message()),
                };
                self.error(Kind::BadItem, span, format!("{label}: {message}"));
                None
            }
        }
    }

    fn error(&mut self, kind: Kind, span: Range<usize>, message: String) {
        self.diags
            .push(Diagnostic::new(kind, self.file, Some(span), message));
    }

    fn loc(&self, span: Range<usize>) -> Loc {
        Loc::new(self.file, span, self.base)
    }

    fn id(&mut self, table: Table, id: &Text) {
        let at = self.loc(id.span());
        self.ids[table as usize].push(at);
    }

    /// Record a reference of the next item of `owner`.
    fn refer(&mut self, owner: Table, field: Field, nth: usize, value: Option<&Text>) {
        if let Some(v) = value {
            self.refs.push(Ref {
                at: self.loc(v.span()),
                item: owner.len(&self.data) as u32,
                nth: nth as u32,
                owner,
                field,
            });
        }
    }

    fn refer_all(&mut self, owner: Table, field: Field, values: &[Text]) {
        for (nth, v) in values.iter().enumerate() {
            self.refer(owner, field, nth, Some(v));
        }
    }

    /// A date, or `None` with an error naming its item.
    fn date(&mut self, owner: Table, id: &Text, value: Option<&RawDate>) -> Option<PartialDate> {
        let value = value?;
        match date::from_toml(value.get_ref()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(
                    Kind::BadDate,
                    value.span(),
                    format!("{} `{}`: {e}", owner.name(), id.get_ref()),
                );
                None
            }
        }
    }

    fn position(
        &mut self,
        owner: Table,
        position: Option<RawPosition>,
        note: &Option<Text>,
    ) -> Option<Position> {
        let position = position?;
        let at = self.loc(position.span());
        let entries: Vec<(String, Loc, f64, Loc)> = position
            .into_inner()
            .into_iter()
            .map(|(k, v)| {
                let (ks, vs) = (self.loc(k.span()), self.loc(v.span()));
                (k.into_inner(), ks, v.into_inner(), vs)
            })
            .collect();
        let model = entries.iter().map(|(k, _, v, _)| (k.clone(), *v)).collect();
        self.positions.push(PositionFact {
            owner,
            item: owner.len(&self.data) as u32,
            at,
            has_note: note.is_some(),
            entries,
        });
        Some(model)
    }

    /// A `short` label, refused when it is too long to be short.
    fn short(&mut self, owner: Table, id: &Text, short: Option<Text>) -> Option<String> {
        let short = short?;
        let chars = short.get_ref().chars().count();
        if chars > SHORT_MAX {
            self.error(
                Kind::ShortTooLong,
                short.span(),
                format!(
                    "{} `{}`: `short` is {chars} characters long; a short label has at most {SHORT_MAX} (the full name goes in `name`)",
                    owner.name(),
                    id.get_ref()
                ),
            );
        }
        Some(text_of(short))
    }

    fn add_source(&mut self, s: RawSource) {
        let t = Table::Source;
        self.id(t, &s.id);
        if let Some(url) = &s.url
            && let Some(problem) = url_problem(url.get_ref())
        {
            self.error(
                Kind::BadUrl,
                url.span(),
                format!("source `{}`: `url` {problem}", s.id.get_ref()),
            );
        }
        let published = self.date(t, &s.id, s.published.as_ref());
        let accessed = self.date(t, &s.id, s.accessed.as_ref());
        self.data.sources.push(Source {
            id: s.id.into_inner(),
            title: text_of(s.title),
            publisher: opt(s.publisher),
            author: opt(s.author),
            url: opt(s.url),
            published,
            accessed,
            verification: s.verification,
        });
    }

    fn add_axis(&mut self, a: RawAxis) {
        self.id(Table::Axis, &a.id);
        self.data.axes.push(Axis {
            id: a.id.into_inner(),
            name: text_of(a.name),
            low: text_of(a.low),
            high: text_of(a.high),
            summary: opt(a.summary),
        });
    }

    fn add_actor(&mut self, a: RawActor) {
        let t = Table::Actor;
        self.id(t, &a.id);
        self.refer(t, Field::PartOf, 0, a.part_of.as_ref());
        self.refer(t, Field::Source, 0, a.source.as_ref());
        let position = self.position(t, a.position, &a.position_note);
        let short = self.short(t, &a.id, a.short);
        self.data.actors.push(Actor {
            id: a.id.into_inner(),
            name: text_of(a.name),
            kind: a.kind,
            part_of: opt(a.part_of),
            role: opt(a.role),
            aliases: list(a.aliases),
            summary: opt(a.summary),
            position,
            position_note: opt(a.position_note),
            source: opt(a.source),
            short,
        });
    }

    fn add_approach(&mut self, a: RawApproach) {
        let t = Table::Approach;
        self.id(t, &a.id);
        self.refer(t, Field::Proponent, 0, Some(&a.proponent));
        self.refer(t, Field::Source, 0, a.source.as_ref());
        let position = self.position(t, a.position, &a.position_note);
        let short = self.short(t, &a.id, a.short);
        self.data.approaches.push(Approach {
            id: a.id.into_inner(),
            name: text_of(a.name),
            proponent: a.proponent.into_inner(),
            summary: text_of(a.summary),
            short_summary: opt(a.short_summary),
            principles: list(a.principles),
            instruments: list(a.instruments),
            position,
            position_note: opt(a.position_note),
            source: opt(a.source),
            short,
            scope: a.scope,
        });
    }

    fn add_reaction(&mut self, r: RawReaction) {
        let t = Table::Reaction;
        self.id(t, &r.id);
        self.refer(t, Field::Actor, 0, Some(&r.actor));
        self.refer(t, Field::Target, 0, Some(&r.target));
        self.refer(t, Field::Source, 0, r.source.as_ref());
        self.refer(t, Field::Quote, 0, r.quote.as_ref());
        let date = self.date(t, &r.id, r.date.as_ref());
        self.data.reactions.push(Reaction {
            id: r.id.into_inner(),
            actor: r.actor.into_inner(),
            target: r.target.into_inner(),
            stance: r.stance,
            summary: text_of(r.summary),
            date,
            confidence: r.confidence,
            source: opt(r.source),
            quote: opt(r.quote),
            tags: list(r.tags),
        });
    }

    fn add_quote(&mut self, q: RawQuote) {
        let t = Table::Quote;
        self.id(t, &q.id);
        self.refer(t, Field::Speaker, 0, Some(&q.speaker));
        self.refer(t, Field::Source, 0, Some(&q.source));
        self.refer_all(t, Field::About, &q.about);
        self.refer(t, Field::RenderingOf, 0, q.rendering_of.as_ref());
        let date = self.date(t, &q.id, q.date.as_ref());
        self.data.quotes.push(Quote {
            // Short ids live inline in the quote (`CompactString`).
            id: q.id.into_inner().into(),
            speaker: q.speaker.into_inner().into(),
            text: text_of(q.text),
            source: q.source.into_inner().into(),
            context: opt(q.context),
            date,
            about: list(q.about),
            tags: q.tags.into_iter().map(|t| text_of(t).into()).collect(),
            fragment: q.fragment,
            rendering_of: q.rendering_of.map(|r| text_of(r).into()),
            source_wording: q.source_wording,
        });
    }

    fn add_event(&mut self, e: RawEvent) {
        let t = Table::Event;
        self.id(t, &e.id);
        self.refer_all(t, Field::Actors, &e.actors);
        self.refer(t, Field::Source, 0, e.source.as_ref());
        // A bad date is an error, so this stand-in never reaches a dataset.
        let date = self.date(t, &e.id, Some(&e.date)).unwrap_or(PartialDate {
            year: 0,
            month: None,
            day: None,
        });
        let short = self.short(t, &e.id, e.short);
        let mut other_dates = Vec::with_capacity(e.other_dates.len());
        for (nth, other) in e.other_dates.into_iter().enumerate() {
            self.refer(t, Field::OtherDateSource, nth, Some(&other.source));
            // A bad date is an error; the entry stays so that its source,
            // whose reference is already recorded, is still checked.
            let Some(when) = self.date(t, &e.id, Some(&other.date)) else {
                other_dates.push(OtherDate {
                    date,
                    source: text_of(other.source),
                });
                continue;
            };
            if when == date {
                self.error(
                    Kind::RepeatedDate,
                    other.date.span(),
                    format!(
                        "event `{}`: other_dates gives {when}, the event's own `date`; list only dates that differ",
                        e.id.get_ref()
                    ),
                );
            }
            other_dates.push(OtherDate {
                date: when,
                source: text_of(other.source),
            });
        }
        self.data.events.push(Event {
            id: e.id.into_inner(),
            name: text_of(e.name),
            date,
            place: opt(e.place),
            actors: list(e.actors),
            summary: opt(e.summary),
            source: opt(e.source),
            short,
            other_dates,
            date_inferred: e.date_inferred,
        });
    }

    fn add_tour(&mut self, s: RawTourStep) {
        let t = Table::Tour;
        self.refer(t, Field::Focus, 0, s.focus.as_ref());
        self.refer(t, Field::With, 0, s.with.as_ref());
        self.refer(t, Field::Filter, 0, s.filter.as_ref());
        if let Some(view) = &s.view {
            let at = self.loc(view.span());
            self.tour_views.push((t.len(&self.data) as u32, at));
        }
        self.data.tour.push(TourStep {
            title: text_of(s.title),
            text: text_of(s.text),
            focus: opt(s.focus),
            view: s.view.map(Spanned::into_inner),
            with: opt(s.with),
            filter: opt(s.filter),
        });
    }

    fn add_glossary(&mut self, g: RawGlossaryEntry) {
        let t = Table::Glossary;
        // The term is the entry's key: the rules refuse a term twice.
        let at = self.loc(g.term.span());
        self.ids[t as usize].push(at);
        self.refer_all(t, Field::About, &g.about);
        self.refer(t, Field::Source, 0, g.source.as_ref());
        self.data.glossary.push(GlossaryEntry {
            term: text_of(g.term),
            definition: text_of(g.definition),
            about: list(g.about),
            source: opt(g.source),
        });
    }

    fn add_question(&mut self, q: RawQuestion) {
        self.refer_all(Table::Question, Field::About, &q.about);
        self.data.questions.push(DiscussionQuestion {
            text: text_of(q.text),
            about: list(q.about),
        });
    }

    /// The dataset, once the rules found no errors.
    pub fn into_dataset(self) -> Dataset {
        let mut d = self.data;
        // Vectors grown item by item: give the spare room back.
        d.sources.shrink_to_fit();
        d.axes.shrink_to_fit();
        d.actors.shrink_to_fit();
        d.approaches.shrink_to_fit();
        d.reactions.shrink_to_fit();
        d.quotes.shrink_to_fit();
        d.events.shrink_to_fit();
        d.tour.shrink_to_fit();
        d.glossary.shrink_to_fit();
        d.questions.shrink_to_fit();
        d.build_index();
        d
    }
}

/// Read a file's chunks on every core. Each worker takes the next chunk,
/// parses and converts it, and sends its items back; they are put in file
/// order as they come, so only a few chunks' worth is ever waiting.
/// Gives up, reading nothing, when a chunk is unreadable or does not parse.
pub fn parse_chunks(file: usize, chunks: Chunks<'_>) -> Result<Collector, GiveUp> {
    parse_file_chunks(file, chunks, &|_| {}).map(|read| read.items)
}

/// What reading a file in chunks gave.
pub struct ChunksRead {
    pub items: Collector,
    /// For a file read from disk: its content hash (see `Chunks`) and
    /// where its chunks lie, to find its lines again cheaply.
    pub file: Option<(u64, Layout)>,
}

/// `parse_chunks`, also telling `on_read` the size of each chunk once its
/// items are in, and giving what a file's messages need later.
pub fn parse_file_chunks(
    file: usize,
    chunks: Chunks<'_>,
    on_read: &dyn Fn(usize),
) -> Result<ChunksRead, GiveUp> {
    // Scoped threads by hand, not rayon (which the search engine uses):
    // this is a pipeline, not a parallel loop over items in memory. The
    // workers take chunks from one reader as the file is read (a read
    // blocks on I/O, which would stall a shared pool's threads), send each
    // parsed chunk back as soon as it is done so that it is merged in file
    // order and its size reported while later chunks still parse, and the
    // first chunk that fails stops the reader for everyone.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let source = Mutex::new(chunks);
    let mut whole = Collector::default();
    let mut layout = Layout::default();
    let mut failed = false;
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel::<Result<(Piece, Collector), GiveUp>>();
        for _ in 0..threads {
            let tx = tx.clone();
            let source = &source;
            s.spawn(move || parse_worker(file, source, tx));
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        let mut lines = 0;
        for result in rx {
            match result {
                Err(GiveUp) => failed = true,
                Ok((piece, part)) if !failed => {
                    waiting.insert(piece.number, (piece, part));
                    while let Some((piece, part)) = waiting.remove(&next) {
                        whole.absorb(part);
                        on_read(piece.len);
                        layout.chunks.push((piece.offset, lines));
                        layout.len = piece.offset + piece.len;
                        lines += piece.lines;
                        next += 1;
                    }
                }
                Ok(_) => {}
            }
        }
    });
    if failed {
        return Err(GiveUp);
    }
    let source = source.into_inner().map_err(|_| GiveUp)?;
    let file = match (source.content_hash(), source.file_facts()) {
        (Some(hash), Some((stamp, bom))) => Some((
            hash,
            Layout {
                stamp,
                bom,
                ..layout
            },
        )),
        _ => None,
    };
    Ok(ChunksRead { items: whole, file })
}

/// One of [`parse_file_chunks`]' workers: takes the next chunk from the
/// shared reader, parses it and sends it back, until the chunks run out,
/// the receiver is gone or a chunk fails (which stops the reader for
/// every worker).
fn parse_worker(
    file: usize,
    source: &Mutex<Chunks<'_>>,
    tx: mpsc::Sender<Result<(Piece, Collector), GiveUp>>,
) {
    loop {
        let next = source.lock().map_or(None, |mut c| c.next_chunk());
        let result = match next {
            None => break,
            Some(Err(e)) => Err(e),
            Some(Ok(chunk)) => parse_piece(file, chunk),
        };
        let stop = result.is_err();
        if stop && let Ok(mut c) = source.lock() {
            c.stop();
        }
        if tx.send(result).is_err() || stop {
            break;
        }
    }
}

/// A chunk parsed, with its place in the file and its line count.
fn parse_piece(file: usize, chunk: chunks::Chunk<'_>) -> Result<(Piece, Collector), GiveUp> {
    let (number, offset) = (chunk.number, chunk.offset);
    chunk.text().and_then(|text| {
        let part = parse_chunk(file, offset, &text)?;
        // Lines are counted here, while the text is at hand, so that a
        // message can find its line later without reading it all again.
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        let piece = Piece {
            number,
            offset,
            len: text.len(),
            lines,
        };
        Ok((piece, part))
    })
}

/// One chunk read: its place in the file and the lines in it.
struct Piece {
    number: usize,
    offset: usize,
    len: usize,
    lines: usize,
}

/// Parse and convert one chunk that starts `offset` bytes into `file`.
fn parse_chunk(file: usize, offset: usize, text: &str) -> Result<Collector, GiveUp> {
    // A chunk that is not TOML (or the first one of a file that is not)
    // sends the file to a whole read, whose messages say where and why;
    // the parser need not collect its errors here.
    if offset == 0 && sniff::not_toml(text).is_some() {
        return Err(GiveUp);
    }
    let table = DeTable::parse(text).map_err(|_| GiveUp)?;
    let mut part = Collector {
        file,
        base: offset,
        ..Collector::default()
    };
    part.collect(text, table.into_inner());
    Ok(part)
}

/// Every field of `table` and of the tables inside it, depth first, as
/// its dotted name, where its value is and what the value is. Bounded by
/// the parser's own nesting limit.
fn nested_fields(
    table: &DeTable<'_>,
    prefix: &str,
    out: &mut Vec<(String, Range<usize>, &'static str)>,
) {
    for (k, v) in table.iter() {
        let name = if prefix.is_empty() {
            k.get_ref().to_string()
        } else {
            format!("{prefix}.{}", k.get_ref())
        };
        if let Some(inner) = v.get_ref().as_table() {
            nested_fields(inner, &name, out);
        }
        out.push((name, v.span(), v.get_ref().type_str()));
    }
}

/// A field's value of the wrong type, in words: the field, what was
/// found (with its text when short) and what is allowed. For the fields
/// whose value is one of a few words, the words are listed.
fn type_message(field: &str, found: &str, shown: &str, serde: &str) -> String {
    let word = if found == "array" { "list" } else { found };
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let found = match word {
        "table" | "list" => format!("{article} {word}"),
        _ if shown.chars().count() <= 40 => format!("{article} {word} ({shown})"),
        _ => format!("{article} {word}"),
    };
    if let Some(words) = allowed_words(field) {
        return format!("`{field}` is {found}, but it must be one of {words} (as a quoted string)");
    }
    // serde says "invalid type: integer `5`, expected a string": keep
    // what it expected, in our words.
    let friendly = friendlier(serde);
    match friendly.rsplit_once("expected ") {
        Some((_, expected)) => format!("`{field}` is {found}, but it must be {expected}"),
        None => format!("`{field}` is {found}: {friendly}"),
    }
}

/// The words a field of one of the model's word lists allows, as serde
/// would list them for an unknown one.
fn allowed_words(field: &str) -> Option<String> {
    fn listed<T: for<'de> Deserialize<'de>>() -> Option<String> {
        use serde::de::value::{Error, StrDeserializer};
        let e = T::deserialize(StrDeserializer::<Error>::new("\u{0}")).err()?;
        let message = e.to_string();
        let (_, words) = message.split_once("expected one of ")?;
        Some(words.to_string())
    }
    match field {
        "kind" => listed::<ActorKind>(),
        "stance" => listed::<Stance>(),
        "scope" => listed::<Scope>(),
        "view" => listed::<TourView>(),
        "verification" => listed::<Verification>(),
        "confidence" => listed::<Confidence>(),
        _ => None,
    }
}

/// What is wrong with a source's address, if anything. Only web
/// addresses are accepted: a `file:` or `javascript:` link has no place in
/// a handout a class will click through.
fn url_problem(url: &str) -> Option<&'static str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return Some("must start with `http://` or `https://`");
    };
    if rest.chars().any(char::is_whitespace) {
        return Some("contains a space (write it as `%20`)");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Some("has no host after `://`");
    }
    None
}

/// The longest `short` label, in characters: it must fit a map label or a
/// tab beside others on an 80-column screen.
pub const SHORT_MAX: usize = 24;

/// `into` followed by `from`, reusing `into`'s room when it is empty.
fn append<T>(into: &mut Vec<T>, mut from: Vec<T>) {
    if into.is_empty() {
        *into = from;
    } else {
        into.append(&mut from);
    }
}

/// Move a value out of the parsed tree (leaving a cheap placeholder), so
/// deserializing does not copy every item.
fn take<'i>(value: &mut Spanned<DeValue<'i>>) -> Spanned<DeValue<'i>> {
    std::mem::replace(value, Spanned::new(0..0, DeValue::Boolean(false)))
}

/// Text as the model keeps it: CRLF files give CRLF inside multi-line
/// strings, which would otherwise show up as stray carriage returns.
fn text_of(t: Text) -> String {
    let s = t.into_inner();
    if s.contains('\r') {
        s.replace("\r\n", "\n")
    } else {
        s
    }
}

fn opt(t: Option<Text>) -> Option<String> {
    t.map(text_of)
}

fn list(v: Vec<Text>) -> Vec<String> {
    v.into_iter().map(text_of).collect()
}
