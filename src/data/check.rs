//! The checker: from TOML text to a [`Dataset`], collecting every problem
//! in one pass instead of stopping at the first.
//!
//! Each file is parsed into a spanned TOML tree, then every item is
//! deserialized on its own, so an unknown field in one quote does not hide
//! a dangling reference in the next. Cross-item rules (unique ids,
//! references, positions) run over all files together.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::date;
use super::diagnostic::{Diagnostic, SourceFile};
use super::model::*;
use super::raw::*;

/// The result of checking: the dataset when there were no errors, and every
/// diagnostic (errors and warnings) in file order.
#[derive(Debug, Clone)]
pub struct Checked {
    pub dataset: Option<Dataset>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// Top-level tables a dataset may contain, in the order the docs list them.
const TABLES: [&str; 9] = [
    "dataset", "source", "axis", "actor", "approach", "reaction", "quote", "event", "tour",
];

/// More syntax errors than this from one file are noise: the parser keeps
/// reporting the same broken bracket. The rest is summarised.
const MAX_SYNTAX_ERRORS_PER_FILE: usize = 20;

pub fn check(files: &[SourceFile]) -> Checked {
    let (items, diagnostics) = gather(files);
    finish(items, diagnostics)
}

/// `check`, releasing the files' text as soon as it is known that nothing
/// will be reported: it is only kept to quote lines in messages, and the
/// model is built after. At 100,000 quotes this is 36 MB less at the
/// peak. A released file keeps its path; its text is empty.
pub fn check_releasing(files: &mut [SourceFile]) -> Checked {
    let (items, diagnostics) = gather(files);
    if diagnostics.is_empty() {
        for f in files.iter_mut() {
            f.text = String::new();
        }
    }
    finish(items, diagnostics)
}

/// Read every file and apply every rule. The items are `None` when a
/// syntax error means they cannot make a dataset.
fn gather(files: &[SourceFile]) -> (Option<Collector>, Vec<Diagnostic>) {
    let mut c = Collector::default();
    for (index, file) in files.iter().enumerate() {
        c.parse_file(index, file);
    }
    let mut diagnostics = std::mem::take(&mut c.diags);
    if c.syntax_broken {
        // Items after a syntax error may be missing, so reference checks
        // would report false dangling ids. Report what is certain.
        sort(&mut diagnostics);
        return (None, diagnostics);
    }
    let mut rules = Rules::new(files);
    rules.run(&c, diagnostics.iter().any(Diagnostic::is_error));
    diagnostics.extend(rules.diags);
    sort(&mut diagnostics);
    (Some(c), diagnostics)
}

fn finish(items: Option<Collector>, diagnostics: Vec<Diagnostic>) -> Checked {
    let dataset = match items {
        Some(c) if !diagnostics.iter().any(Diagnostic::is_error) => Some(c.into_dataset()),
        _ => None,
    };
    Checked {
        dataset,
        diagnostics,
    }
}

fn sort(diags: &mut [Diagnostic]) {
    // Stable: file, then position, keeping discovery order for ties.
    diags.sort_by_key(|d| (d.file, d.span.as_ref().map_or(0, |s| s.start)));
}

/// Raw items per table, each with the index of the file it came from.
#[derive(Default)]
struct Collector {
    info: Vec<(usize, Range<usize>, RawDatasetInfo)>,
    sources: Vec<(usize, RawSource)>,
    axes: Vec<(usize, RawAxis)>,
    actors: Vec<(usize, RawActor)>,
    approaches: Vec<(usize, RawApproach)>,
    reactions: Vec<(usize, RawReaction)>,
    quotes: Vec<(usize, RawQuote)>,
    events: Vec<(usize, RawEvent)>,
    tour: Vec<(usize, RawTourStep)>,
    /// Items that failed to deserialize but whose id could be read: their
    /// ids still count as defined, so one typo in an actor does not also
    /// report every reference to it as dangling.
    broken: Vec<(usize, &'static str, Text)>,
    diags: Vec<Diagnostic>,
    syntax_broken: bool,
}

impl Collector {
    fn parse_file(&mut self, file: usize, source: &SourceFile) {
        if self.parse_in_parallel(file, source) {
            return;
        }
        let (table, errors) = DeTable::parse_recoverable(&source.text);
        if !errors.is_empty() {
            self.syntax_broken = true;
            let mut seen = HashSet::new();
            let unique: Vec<_> = errors
                .iter()
                .filter(|e| seen.insert((e.message().to_string(), e.span())))
                .collect();
            for e in unique.iter().take(MAX_SYNTAX_ERRORS_PER_FILE) {
                self.diags.push(Diagnostic::error(
                    file,
                    e.span(),
                    syntax_message(e.message()),
                ));
            }
            if unique.len() > MAX_SYNTAX_ERRORS_PER_FILE {
                self.diags.push(Diagnostic::error(
                    file,
                    None,
                    format!(
                        "{} more TOML syntax errors not shown; fix the first ones and check again",
                        unique.len() - MAX_SYNTAX_ERRORS_PER_FILE
                    ),
                ));
            }
            return;
        }
        self.collect(file, &source.text, table.into_inner());
    }

    /// A big file is cut at `[[` lines (items of arrays of tables) into
    /// chunks of a few megabytes, and every core parses and deserializes
    /// chunks one after another. Each chunk is parsed alone, as a slice of
    /// the file with no copy, and its spans are shifted by its offset, so
    /// messages point into the file; working chunk by chunk also bounds
    /// the parser's own memory. A cut can land inside a multi-line string
    /// or array; then a chunk fails to parse, and the whole file is read
    /// the ordinary way, which also gives the right error positions.
    /// Returns whether it did the work.
    fn parse_in_parallel(&mut self, file: usize, source: &SourceFile) -> bool {
        let chunks = chunks(&source.text);
        if chunks.len() < 2 {
            return false;
        }
        let text = source.text.as_str();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let chunks = &chunks;
        let mut parts: Vec<(usize, Option<Collector>)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|w| {
                    s.spawn(move || {
                        let mut done = Vec::new();
                        for (n, range) in chunks.iter().enumerate().skip(w).step_by(threads) {
                            let chunk = &text[range.clone()];
                            let (table, errors) = DeTable::parse_recoverable(chunk);
                            if !errors.is_empty() {
                                done.push((n, None));
                                break;
                            }
                            let mut part = Collector::default();
                            part.collect(file, chunk, table.into_inner());
                            part.shift(range.start);
                            done.push((n, Some(part)));
                        }
                        done
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        if parts.len() != chunks.len() || parts.iter().any(|(_, p)| p.is_none()) {
            return false;
        }
        parts.sort_by_key(|(n, _)| *n);
        // Room for everything at once, exactly: growing by doubling left up
        // to a third of each table's buffer unused at 100,000 quotes.
        let total = |f: fn(&Collector) -> usize| {
            parts
                .iter()
                .filter_map(|(_, p)| p.as_ref())
                .map(f)
                .sum::<usize>()
        };
        self.quotes.reserve_exact(total(|p| p.quotes.len()));
        self.reactions.reserve_exact(total(|p| p.reactions.len()));
        self.actors.reserve_exact(total(|p| p.actors.len()));
        self.events.reserve_exact(total(|p| p.events.len()));
        for (_, part) in parts {
            if let Some(part) = part {
                self.absorb(part);
            }
        }
        true
    }

    /// Move every span this collector recorded by `by` bytes: it read a
    /// chunk that starts `by` bytes into its file.
    fn shift(&mut self, by: usize) {
        for (_, span, info) in &mut self.info {
            *span = span.start + by..span.end + by;
            info.shift(by);
        }
        for (_, x) in &mut self.sources {
            x.shift(by);
        }
        for (_, x) in &mut self.axes {
            x.shift(by);
        }
        for (_, x) in &mut self.actors {
            x.shift(by);
        }
        for (_, x) in &mut self.approaches {
            x.shift(by);
        }
        for (_, x) in &mut self.reactions {
            x.shift(by);
        }
        for (_, x) in &mut self.quotes {
            x.shift(by);
        }
        for (_, x) in &mut self.events {
            x.shift(by);
        }
        for (_, x) in &mut self.tour {
            x.shift(by);
        }
        for (_, _, id) in &mut self.broken {
            id.shift(by);
        }
        for d in &mut self.diags {
            if let Some(span) = &mut d.span {
                *span = span.start + by..span.end + by;
            }
        }
    }

    /// Append what another collector read (a later chunk of the file).
    fn absorb(&mut self, other: Collector) {
        self.info.extend(other.info);
        self.sources.extend(other.sources);
        self.axes.extend(other.axes);
        self.actors.extend(other.actors);
        self.approaches.extend(other.approaches);
        self.reactions.extend(other.reactions);
        self.quotes.extend(other.quotes);
        self.events.extend(other.events);
        self.tour.extend(other.tour);
        self.broken.extend(other.broken);
        self.diags.extend(other.diags);
        self.syntax_broken |= other.syntax_broken;
    }

    /// Deserialize every table of a parsed file (or chunk of one).
    fn collect(&mut self, file: usize, text: &str, mut table: DeTable<'_>) {
        for (key, value) in table.iter_mut() {
            let name = key.get_ref().as_ref();
            check_table_strings(file, text, name, value, &mut self.diags);
            let key_span = key.span();
            match name {
                "dataset" => {
                    let span = value.span();
                    if let Some(info) =
                        self.item::<RawDatasetInfo>(file, text, "dataset", 0, take(value))
                    {
                        self.info.push((file, span, info));
                    }
                }
                "source" => self.items(file, text, name, key_span, value, |c| &mut c.sources),
                "axis" => self.items(file, text, name, key_span, value, |c| &mut c.axes),
                "actor" => self.items(file, text, name, key_span, value, |c| &mut c.actors),
                "approach" => self.items(file, text, name, key_span, value, |c| &mut c.approaches),
                "reaction" => self.items(file, text, name, key_span, value, |c| &mut c.reactions),
                "quote" => self.items(file, text, name, key_span, value, |c| &mut c.quotes),
                "event" => self.items(file, text, name, key_span, value, |c| &mut c.events),
                "tour" => self.items(file, text, name, key_span, value, |c| &mut c.tour),
                other => {
                    let hint = closest(other, TABLES.iter().copied())
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    self.diags.push(Diagnostic::error(
                        file,
                        Some(key_span),
                        format!(
                            "unknown table `{other}`{hint} (a dataset has {})",
                            TABLES.map(|t| format!("`{t}`")).join(", ")
                        ),
                    ));
                }
            }
        }
    }

    /// Deserialize every element of an array of tables.
    fn items<T: for<'de> Deserialize<'de>>(
        &mut self,
        file: usize,
        text: &str,
        table: &str,
        key_span: Range<usize>,
        value: &mut Spanned<DeValue<'_>>,
        list: impl Fn(&mut Self) -> &mut Vec<(usize, T)>,
    ) {
        let is_table = value.get_ref().is_table();
        let type_str = value.get_ref().type_str();
        let DeValue::Array(array) = value.get_mut() else {
            let found = if is_table {
                format!("`[{table}]` is a single table: write `[[{table}]]` for each item")
            } else {
                format!(
                    "`{table}` must be an array of tables (`[[{table}]]`), not a {}",
                    type_str
                )
            };
            self.diags
                .push(Diagnostic::error(file, Some(key_span), found));
            return;
        };
        for (n, element) in array.iter_mut().enumerate() {
            if let Some(item) = self.item::<T>(file, text, table, n + 1, take(element)) {
                list(self).push((file, item));
            }
        }
    }

    fn item<T: for<'de> Deserialize<'de>>(
        &mut self,
        file: usize,
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
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(item) => Some(item),
            Err(e) => {
                let id = id_span.and_then(|span| {
                    let raw = text.get(span.clone())?;
                    Some(Spanned::new(
                        span,
                        raw.trim_matches(['"', '\'']).to_string(),
                    ))
                });
                let label = match &id {
                    _ if table == "dataset" => "[dataset]".to_string(),
                    Some(id) => format!("{table} `{}`", id.get_ref()),
                    None => format!("{table} #{number}"),
                };
                if let Some(id) = id
                    && let Some(kind) = TABLES.iter().find(|t| **t == table)
                {
                    self.broken.push((file, kind, id));
                }
                let message = friendlier(e.message());
                let span = e.span().or(Some(whole));
                self.diags
                    .push(Diagnostic::error(file, span, format!("{label}: {message}")));
                None
            }
        }
    }

    fn into_dataset(self) -> Dataset {
        let mut d = Dataset::default();
        if let Some((_, _, info)) = self.info.into_iter().next() {
            d.dataset = DatasetInfo {
                title: text(info.title),
                summary: opt(info.summary),
                language: opt(info.language),
                license: opt(info.license),
                how_to_cite: opt(info.how_to_cite),
            };
        }
        d.sources = self
            .sources
            .into_iter()
            .map(|(_, s)| Source {
                id: s.id.into_inner(),
                title: text(s.title),
                publisher: opt(s.publisher),
                url: opt(s.url),
                published: s.published.and_then(|v| date::from_toml(v.get_ref()).ok()),
                accessed: s.accessed.and_then(|v| date::from_toml(v.get_ref()).ok()),
                verification: s.verification,
            })
            .collect();
        d.axes = self
            .axes
            .into_iter()
            .map(|(_, a)| Axis {
                id: a.id.into_inner(),
                name: text(a.name),
                low: text(a.low),
                high: text(a.high),
                summary: opt(a.summary),
            })
            .collect();
        d.actors = self
            .actors
            .into_iter()
            .map(|(_, a)| Actor {
                id: a.id.into_inner(),
                name: text(a.name),
                kind: a.kind,
                part_of: opt(a.part_of),
                role: opt(a.role),
                aliases: list(a.aliases),
                summary: opt(a.summary),
                position: a.position.map(position),
                position_note: opt(a.position_note),
                source: opt(a.source),
            })
            .collect();
        d.approaches = self
            .approaches
            .into_iter()
            .map(|(_, a)| Approach {
                id: a.id.into_inner(),
                name: text(a.name),
                proponent: a.proponent.into_inner(),
                summary: text(a.summary),
                principles: list(a.principles),
                instruments: list(a.instruments),
                position: a.position.map(position),
                position_note: opt(a.position_note),
                source: opt(a.source),
            })
            .collect();
        d.reactions = self
            .reactions
            .into_iter()
            .map(|(_, r)| Reaction {
                id: r.id.into_inner(),
                actor: r.actor.into_inner(),
                target: r.target.into_inner(),
                stance: r.stance,
                summary: text(r.summary),
                date: r.date.and_then(|v| date::from_toml(v.get_ref()).ok()),
                confidence: r.confidence,
                source: opt(r.source),
                quote: opt(r.quote),
                tags: list(r.tags),
            })
            .collect();
        d.quotes = self
            .quotes
            .into_iter()
            .map(|(_, q)| Quote {
                id: q.id.into_inner(),
                speaker: q.speaker.into_inner(),
                text: text(q.text),
                source: q.source.into_inner(),
                context: opt(q.context),
                date: q.date.and_then(|v| date::from_toml(v.get_ref()).ok()),
                about: list(q.about),
                tags: list(q.tags),
                fragment: q.fragment,
            })
            .collect();
        d.events = self
            .events
            .into_iter()
            .filter_map(|(_, e)| {
                Some(Event {
                    id: e.id.into_inner(),
                    name: text(e.name),
                    // Checked above: a bad date is an error, so never dropped here.
                    date: date::from_toml(e.date.get_ref()).ok()?,
                    place: opt(e.place),
                    actors: list(e.actors),
                    summary: opt(e.summary),
                    source: opt(e.source),
                })
            })
            .collect();
        d.tour = self
            .tour
            .into_iter()
            .map(|(_, t)| TourStep {
                title: text(t.title),
                text: text(t.text),
                focus: opt(t.focus),
            })
            .collect();
        // Each table was collected in place over its raw vector, whose
        // elements are bigger: give the spare room back (at 100,000 quotes
        // that is 40 MB).
        d.sources.shrink_to_fit();
        d.axes.shrink_to_fit();
        d.actors.shrink_to_fit();
        d.approaches.shrink_to_fit();
        d.reactions.shrink_to_fit();
        d.quotes.shrink_to_fit();
        d.events.shrink_to_fit();
        d.tour.shrink_to_fit();
        d.build_index();
        d
    }
}

/// Files smaller than this are parsed in one piece: splitting costs more
/// than it saves.
const PARALLEL_FROM: usize = 2 * 1024 * 1024;
/// About how big a chunk of a big file is. Small chunks bound the parser's
/// token buffer (about four times the text it lexes) at no cost in time.
const CHUNK: usize = 512 * 1024;

/// Byte ranges that cover `text`, each starting at a line that begins with
/// `[[` (an item of an array of tables), about `CHUNK` bytes each and at
/// least one per core.
fn chunks(text: &str) -> Vec<Range<usize>> {
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    // Chunks pay even on one core: the parser's memory is per chunk.
    if text.len() < PARALLEL_FROM {
        return one_chunk(text);
    }
    let count = (text.len() / CHUNK).max(cores);
    let mut cuts = vec![0];
    for k in 1..count {
        let target = text.len() * k / count;
        let Some(at) = text.get(target..).and_then(|t| t.find("\n[[")) else {
            continue;
        };
        let cut = target + at + 1;
        if cut > *cuts.last().unwrap_or(&0) && cut < text.len() {
            cuts.push(cut);
        }
    }
    cuts.push(text.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// The whole text as the only chunk. A vector of one range is meant here,
/// not the range's elements, which is what the lint warns about.
#[allow(clippy::single_range_in_vec_init)]
fn one_chunk(text: &str) -> Vec<Range<usize>> {
    vec![0..text.len()]
}

/// Move a value out of the parsed tree (leaving a cheap placeholder), so
/// deserializing does not copy every item.
fn take<'i>(value: &mut Spanned<DeValue<'i>>) -> Spanned<DeValue<'i>> {
    std::mem::replace(value, Spanned::new(0..0, DeValue::Boolean(false)))
}

/// Text as the model keeps it: CRLF files give CRLF inside multi-line
/// strings, which would otherwise show up as stray carriage returns.
fn text(t: Text) -> String {
    let s = t.into_inner();
    if s.contains('\r') {
        s.replace("\r\n", "\n")
    } else {
        s
    }
}

fn opt(t: Option<Text>) -> Option<String> {
    t.map(text)
}

fn list(v: Vec<Text>) -> Vec<String> {
    v.into_iter().map(text).collect()
}

fn position(p: RawPosition) -> Position {
    p.into_inner()
        .into_iter()
        .map(|(k, v)| (k.into_inner(), v.into_inner()))
        .collect()
}

fn syntax_message(message: &str) -> String {
    let message = message.trim();
    if message.starts_with("cannot recurse further") {
        return "TOML syntax: nesting too deep (arrays or tables nested beyond the parser's limit)"
            .into();
    }
    format!("TOML syntax: {message}")
}

/// "quote `li-dispersed`" when the item has a readable id, else "quote #3".
fn item_label(table: &str, number: usize, value: &DeValue<'_>) -> String {
    if table == "dataset" {
        return "[dataset]".into();
    }
    match value
        .as_table()
        .and_then(|t| t.get("id"))
        .and_then(|v| v.get_ref().as_str())
    {
        Some(id) => format!("{table} `{}`", id),
        None => format!("{table} #{number}"),
    }
}

/// serde's messages name our internal types; say it in the user's terms.
fn friendlier(message: &str) -> String {
    let message = message.trim();
    if let Some(i) = message.find("expected struct Raw") {
        return format!("{}expected a table", &message[..i]);
    }
    message
        .replace("expected a sequence", "expected a list")
        .replace("expected a borrowed string", "expected a string")
}

/// Every string under a top-level key: not empty, and no control or bidi
/// characters. Messages name the item and field, like the other checks.
fn check_table_strings(
    file: usize,
    source: &str,
    table: &str,
    value: &Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) {
    let items: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
        DeValue::Array(a) => a.iter().collect(),
        _ => vec![value],
    };
    for (n, item) in items.into_iter().enumerate() {
        let owner = item_label(table, n + 1, item.get_ref());
        check_strings(file, source, &owner, table, item, diags);
    }
}

fn check_strings(
    file: usize,
    source: &str,
    owner: &str,
    field: &str,
    value: &Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) {
    match value.get_ref() {
        DeValue::String(s) => {
            if let Some((span, problem)) = text_problem(source, s, value.span()) {
                diags.push(Diagnostic::error(
                    file,
                    Some(span),
                    format!("{owner}: `{field}` {problem}"),
                ));
            }
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                check_strings(file, source, owner, field, item, diags);
            }
        }
        DeValue::Table(table) => {
            for (key, item) in table.iter() {
                if let Some((span, problem)) = text_problem(source, key.get_ref(), key.span()) {
                    diags.push(Diagnostic::error(
                        file,
                        Some(span),
                        format!("{owner}: a key {problem}"),
                    ));
                }
                check_strings(file, source, owner, key.get_ref(), item, diags);
            }
        }
        _ => {}
    }
}

/// What is wrong with one string, and where exactly.
fn text_problem(source: &str, s: &str, span: Range<usize>) -> Option<(Range<usize>, String)> {
    if s.trim().is_empty() {
        return Some((span, "is empty".into()));
    }
    // One pass over the bytes settles most text; only text with a
    // suspect byte is walked char by char to find and name it.
    if !has_suspect_bytes(s.as_bytes()) {
        return None;
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // A CRLF file's multi-line strings carry \r\n: that is a newline.
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if crate::text::is_unsafe(c) {
            // Point at the character itself when it is written literally;
            // when it came from an escape like \u001b, at the string.
            let raw = source.get(span.clone()).unwrap_or("");
            let at = raw
                .find(c)
                .map(|i| span.start + i..span.start + i + c.len_utf8())
                .unwrap_or(span);
            let what = if crate::text::is_bidi_control(c) {
                "the bidi control character"
            } else {
                "the control character"
            };
            return Some((
                at,
                format!(
                    "contains {what} {} (only newline and tab are allowed in text)",
                    char_name(c)
                ),
            ));
        }
    }
    None
}

/// Whether `b` may hold a character the checker refuses: C0 controls but
/// newline and tab, DEL, C1 controls (UTF-8 `C2 80`–`C2 9F`) and the bidi
/// controls (`E2 80 AA`–`AE`, `E2 81 A6`–`A9`). A false alarm only costs
/// the slow, exact walk.
fn has_suspect_bytes(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &x)| match x {
        b'\n' | b'\t' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

fn char_name(c: char) -> String {
    let name = match c {
        '\u{0}' => "NUL",
        '\u{7}' => "BEL",
        '\u{8}' => "BS",
        '\r' => "CR",
        '\u{1b}' => "ESC",
        '\u{7f}' => "DEL",
        '\u{9b}' => "CSI",
        '\u{9d}' => "OSC",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => "",
    };
    if name.is_empty() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} ({name})", c as u32)
    }
}

/// ids: a lowercase ASCII letter, then letters, digits and single dashes.
pub fn is_kebab_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// The candidate nearest to `word` by edit distance, if it is near enough
/// to be a plausible typo.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

fn with_article(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

/// What kind of item a reference must point at.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    Actor,
    Source,
    Quote,
    Any,
}

impl Want {
    fn label(self) -> &'static str {
        match self {
            Want::Actor => "actor",
            Want::Source => "source",
            Want::Quote => "quote",
            Want::Any => "item",
        }
    }
}

struct Def {
    file: usize,
    span: Range<usize>,
    kind: &'static str,
}

/// The cross-item rules, run once everything has been read.
struct Rules<'f> {
    files: &'f [SourceFile],
    ids: HashMap<String, Def>,
    /// Ids something points at, for the "nothing refers to it" warnings.
    referenced: HashSet<String>,
    diags: Vec<Diagnostic>,
}

impl<'f> Rules<'f> {
    fn new(files: &'f [SourceFile]) -> Self {
        Rules {
            files,
            ids: HashMap::new(),
            referenced: HashSet::new(),
            diags: Vec::new(),
        }
    }

    fn error(&mut self, file: usize, span: Range<usize>, message: String) {
        self.diags
            .push(Diagnostic::error(file, Some(span), message));
    }

    fn run(&mut self, c: &Collector, earlier_errors: bool) {
        self.dataset_table(c);
        for (f, x) in &c.sources {
            self.define(*f, &x.id, "source");
        }
        for (f, x) in &c.axes {
            self.define(*f, &x.id, "axis");
        }
        for (f, x) in &c.actors {
            self.define(*f, &x.id, "actor");
        }
        for (f, x) in &c.approaches {
            self.define(*f, &x.id, "approach");
        }
        for (f, x) in &c.reactions {
            self.define(*f, &x.id, "reaction");
        }
        for (f, x) in &c.quotes {
            self.define(*f, &x.id, "quote");
        }
        for (f, x) in &c.events {
            self.define(*f, &x.id, "event");
        }
        for (f, kind, id) in &c.broken {
            self.define(*f, id, kind);
        }

        let axes: Vec<String> = c.axes.iter().map(|(_, a)| a.id.get_ref().clone()).collect();
        for (f, s) in &c.sources {
            for d in [&s.published, &s.accessed].into_iter().flatten() {
                self.date(*f, d, &format!("source `{}`", s.id.get_ref()));
            }
        }
        for (f, a) in &c.actors {
            let owner = format!("actor `{}`", a.id.get_ref());
            self.refer(*f, &owner, "part_of", a.part_of.as_ref(), Want::Actor);
            self.refer(*f, &owner, "source", a.source.as_ref(), Want::Source);
            self.position(*f, &owner, &a.position, &a.position_note, &axes);
        }
        for (f, a) in &c.approaches {
            let owner = format!("approach `{}`", a.id.get_ref());
            self.refer(*f, &owner, "proponent", Some(&a.proponent), Want::Actor);
            self.refer(*f, &owner, "source", a.source.as_ref(), Want::Source);
            self.position(*f, &owner, &a.position, &a.position_note, &axes);
        }
        for (f, r) in &c.reactions {
            let owner = format!("reaction `{}`", r.id.get_ref());
            self.refer(*f, &owner, "actor", Some(&r.actor), Want::Actor);
            self.refer(*f, &owner, "target", Some(&r.target), Want::Any);
            self.refer(*f, &owner, "source", r.source.as_ref(), Want::Source);
            self.refer(*f, &owner, "quote", r.quote.as_ref(), Want::Quote);
            if let Some(d) = &r.date {
                self.date(*f, d, &owner);
            }
        }
        for (f, q) in &c.quotes {
            let owner = format!("quote `{}`", q.id.get_ref());
            self.refer(*f, &owner, "speaker", Some(&q.speaker), Want::Actor);
            self.refer(*f, &owner, "source", Some(&q.source), Want::Source);
            for about in &q.about {
                self.refer(*f, &owner, "about", Some(about), Want::Any);
            }
            if let Some(d) = &q.date {
                self.date(*f, d, &owner);
            }
        }
        for (f, e) in &c.events {
            let owner = format!("event `{}`", e.id.get_ref());
            for actor in &e.actors {
                self.refer(*f, &owner, "actors", Some(actor), Want::Actor);
            }
            self.refer(*f, &owner, "source", e.source.as_ref(), Want::Source);
            self.date(*f, &e.date, &owner);
        }
        for (n, (f, t)) in c.tour.iter().enumerate() {
            let owner = format!("tour step {}", n + 1);
            self.refer(*f, &owner, "focus", t.focus.as_ref(), Want::Any);
        }
        self.part_of_cycles(c);
        // Unused items matter once the data is otherwise right; beside
        // errors they only distract from what must be fixed.
        if !earlier_errors && !self.diags.iter().any(Diagnostic::is_error) {
            self.unreferenced(c);
        }
    }

    fn dataset_table(&mut self, c: &Collector) {
        match c.info.as_slice() {
            [] => {
                if self.files.is_empty() {
                    return;
                }
                // A [dataset] that failed to deserialize was reported already.
                let reported = self.files.iter().any(|f| f.text.contains("[dataset]"));
                if !reported {
                    self.diags.push(Diagnostic::error(
                        0,
                        Some(0..0),
                        "missing [dataset] table: add `[dataset]` with at least `title = \"...\"`",
                    ));
                }
            }
            [_] => {}
            [(first_file, first, _), rest @ ..] => {
                let first_at = self.at(*first_file, first);
                for (f, span, _) in rest {
                    self.diags.push(
                        Diagnostic::error(
                            *f,
                            Some(span.clone()),
                            "[dataset] is defined more than once (one per dataset, in any one file)",
                        )
                        .with_note(format!("first defined at {first_at}")),
                    );
                }
            }
        }
    }

    fn at(&self, file: usize, span: &Range<usize>) -> String {
        Diagnostic::error(file, Some(span.clone()), "").location(self.files)
    }

    fn define(&mut self, file: usize, id: &Text, kind: &'static str) {
        let name = id.get_ref();
        if !is_kebab_id(name) {
            self.error(
                file,
                id.span(),
                format!(
                    "{kind} id `{name}` is not kebab-case: use lowercase letters, digits and single dashes, starting with a letter (e.g. `li-qiang`)"
                ),
            );
        }
        if let Some(first) = self.ids.get(name) {
            let note = format!(
                "first defined as {} at {}",
                with_article(first.kind),
                self.at(first.file, &first.span)
            );
            self.diags.push(
                Diagnostic::error(
                    file,
                    Some(id.span()),
                    format!("duplicate id `{name}`: ids must be unique across the whole dataset"),
                )
                .with_note(note),
            );
        } else {
            self.ids.insert(
                name.clone(),
                Def {
                    file,
                    span: id.span(),
                    kind,
                },
            );
        }
    }

    fn refer(&mut self, file: usize, owner: &str, field: &str, value: Option<&Text>, want: Want) {
        let Some(value) = value else { return };
        let id = value.get_ref();
        self.referenced.insert(id.clone());
        match self.ids.get(id) {
            Some(def) if want == Want::Any || def.kind == want.label() => {}
            Some(def) => {
                let message = format!(
                    "{owner}: {field} `{id}` is {}, not {}",
                    with_article(def.kind),
                    with_article(want.label())
                );
                self.error(file, value.span(), message);
            }
            None => {
                let candidates = self
                    .ids
                    .iter()
                    .filter(|(_, d)| want == Want::Any || d.kind == want.label())
                    .map(|(k, _)| k.as_str());
                let hint = closest(id, candidates)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                let message = format!(
                    "{owner}: {field} `{id}` is not a known {}{hint}",
                    want.label()
                );
                self.error(file, value.span(), message);
            }
        }
    }

    fn date(&mut self, file: usize, value: &RawDate, owner: &str) {
        if let Err(e) = date::from_toml(value.get_ref()) {
            self.error(file, value.span(), format!("{owner}: {e}"));
        }
    }

    fn position(
        &mut self,
        file: usize,
        owner: &str,
        position: &Option<RawPosition>,
        note: &Option<Text>,
        axes: &[String],
    ) {
        let Some(position) = position else {
            return;
        };
        if note.is_none() {
            self.error(
                file,
                position.span(),
                format!(
                    "{owner}: a position needs a `position_note` saying why the item is placed there"
                ),
            );
        }
        for (axis, value) in position.get_ref() {
            if !axes.contains(axis.get_ref()) {
                let known = if axes.is_empty() {
                    "the dataset defines no [[axis]]".to_string()
                } else {
                    format!("known axes: {}", axes.join(", "))
                };
                self.error(
                    file,
                    axis.span(),
                    format!("{owner}: unknown axis `{}` ({known})", axis.get_ref()),
                );
            }
            let v = *value.get_ref();
            if !(-1.0..=1.0).contains(&v) {
                self.error(
                    file,
                    value.span(),
                    format!(
                        "{owner}: position {v} on `{}` is outside [-1, 1]",
                        axis.get_ref()
                    ),
                );
            }
        }
    }

    fn part_of_cycles(&mut self, c: &Collector) {
        let parent: HashMap<&str, &Text> = c
            .actors
            .iter()
            .filter_map(|(_, a)| a.part_of.as_ref().map(|p| (a.id.get_ref().as_str(), p)))
            .collect();
        for (f, a) in &c.actors {
            let start = a.id.get_ref().as_str();
            let mut current = start;
            for _ in 0..parent.len() {
                match parent.get(current) {
                    Some(p) if p.get_ref() == start => {
                        let span = a.part_of.as_ref().map_or(a.id.span(), |p| p.span());
                        self.error(
                            *f,
                            span,
                            format!("actor `{start}`: part_of forms a cycle back to itself"),
                        );
                        break;
                    }
                    Some(p) => current = p.get_ref(),
                    None => break,
                }
            }
        }
    }

    fn unreferenced(&mut self, c: &Collector) {
        for (f, a) in &c.actors {
            if !self.referenced.contains(a.id.get_ref()) {
                self.diags.push(Diagnostic::warning(
                    *f,
                    Some(a.id.span()),
                    format!(
                        "actor `{}` is never referred to (no quote, reaction, approach, event or member points at it)",
                        a.id.get_ref()
                    ),
                ));
            }
        }
        for (f, s) in &c.sources {
            if !self.referenced.contains(s.id.get_ref()) {
                self.diags.push(Diagnostic::warning(
                    *f,
                    Some(s.id.span()),
                    format!("source `{}` is never cited", s.id.get_ref()),
                ));
            }
        }
    }
}
