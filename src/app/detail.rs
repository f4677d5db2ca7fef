//! What the Detail pane says about an item, as plain blocks of text. The
//! UI styles and wraps them; `update` measures them to bound scrolling.

use crate::data::{Dataset, ItemRef, NOT_GIVEN, format_position};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The item's name, first line.
    Title,
    /// What kind of item, muted.
    Meta,
    /// A labelled field: the label is `Block::label`.
    Field,
    /// Running text.
    Text,
    /// Verbatim words, shown as a quotation.
    Quotation,
    /// A caveat (editorial positions, fragments).
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    pub label: &'static str,
    pub text: String,
}

fn block(kind: Kind, label: &'static str, text: impl Into<String>) -> Block {
    Block {
        kind,
        label,
        text: text.into(),
    }
}

/// Every field of the item, in reading order.
pub fn document(d: &Dataset, id: &str) -> Vec<Block> {
    let mut doc = Doc { d, out: Vec::new() };
    match d.item(id) {
        Some(ItemRef::Approach(i)) => approach(&mut doc, &d.approaches[i]),
        Some(ItemRef::Actor(i)) => actor(&mut doc, &d.actors[i]),
        Some(ItemRef::Reaction(i)) => reaction(&mut doc, &d.reactions[i], id),
        Some(ItemRef::Quote(i)) => quote(&mut doc, &d.quotes[i], i),
        Some(ItemRef::Event(i)) => event(&mut doc, &d.events[i]),
        Some(ItemRef::Source(i)) => source(&mut doc, &d.sources[i]),
        Some(ItemRef::Axis(i)) => axis(&mut doc, &d.axes[i]),
        None => doc.block(Kind::Note, "", "Nothing selected."),
    }
    doc.out
}

/// The item as a tour slide shows it, in the few rows under the slide's
/// text: what the slide talks about first. A quote's other renderings
/// follow its speaker (a slide compares them); the kind-and-id line, the
/// tags and the citation are left out (Enter opens the item with them),
/// and so is an event's date where the line on how sources differ gives
/// every date.
pub fn slide_document(d: &Dataset, id: &str) -> Vec<Block> {
    let mut doc = document(d, id);
    if let Some(ItemRef::Quote(i)) = d.item(id) {
        let mut full = Vec::new();
        renderings(&mut full, d, i);
        // `quote` writes the renderings last; here each is named by its
        // publisher and date, above its words (the full citation is in
        // Explore).
        doc.truncate(doc.len().saturating_sub(full.len()));
        let mut others = Vec::new();
        for j in d.other_renderings(i) {
            let q = &d.quotes[j];
            let when = q.date.map(|x| format!(", {x}")).unwrap_or_default();
            others.push(block(
                Kind::Field,
                "Rendered by",
                format!("{}{when}", source_name(d, &q.source)),
            ));
            others.push(block(Kind::Quotation, "", &q.text));
        }
        let at = doc
            .iter()
            .position(|b| matches!(b.label, "Speaker" | "Position of"))
            .map_or(doc.len(), |p| p + 1);
        doc.splice(at..at, others);
    }
    // Where sources differ on the date, that line gives every date.
    let differ = doc.iter().any(|b| b.label == "Sources differ");
    doc.retain(|b| {
        b.kind != Kind::Meta
            && !matches!(b.label, "Tags" | "Cite as")
            && !(differ && b.label == "Date")
    });
    doc
}

/// A document being written: the data it reads and its blocks so far.
struct Doc<'d> {
    d: &'d Dataset,
    out: Vec<Block>,
}

impl Doc<'_> {
    fn block(&mut self, kind: Kind, label: &'static str, text: impl Into<String>) {
        self.out.push(block(kind, label, text));
    }

    /// A labelled field, left out when it has no value.
    fn field(&mut self, label: &'static str, value: Option<String>) {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.block(Kind::Field, label, v);
        }
    }

    fn source_of(&self, source: &Option<String>) -> Option<String> {
        source.as_deref().map(|s| cite_source(self.d, s))
    }
}

fn approach(doc: &mut Doc, a: &crate::data::Approach) {
    use Kind::*;
    let d = doc.d;
    doc.block(Title, "", &a.name);
    doc.block(Meta, "", format!("approach · {}", a.id));
    doc.field("Proponent", Some(d.name_of(&a.proponent)));
    doc.field("Scope", a.scope.map(|s| s.label().to_string()));
    doc.block(Text, "", &a.summary);
    doc.field("Principles", Some(a.principles.join("; ")));
    doc.field("Instruments", Some(a.instruments.join("; ")));
    position(
        &mut doc.out,
        d,
        a.position.as_ref(),
        a.position_note.as_deref(),
    );
    doc.field("Source", doc.source_of(&a.source));
}

fn actor(doc: &mut Doc, a: &crate::data::Actor) {
    use Kind::*;
    let d = doc.d;
    doc.block(Title, "", &a.name);
    doc.block(Meta, "", format!("{} · {}", a.kind.label(), a.id));
    doc.field("Role", a.role.clone());
    doc.field("Part of", a.part_of.as_deref().map(|p| d.name_of(p)));
    doc.field("Also called", Some(a.aliases.join(", ")));
    if let Some(s) = &a.summary {
        doc.block(Text, "", s);
    }
    position(
        &mut doc.out,
        d,
        a.position.as_ref(),
        a.position_note.as_deref(),
    );
    doc.field("Source", doc.source_of(&a.source));
}

fn reaction(doc: &mut Doc, r: &crate::data::Reaction, id: &str) {
    use Kind::*;
    let d = doc.d;
    doc.block(Title, "", d.name_of(id));
    doc.block(Meta, "", format!("reaction · {}", r.id));
    doc.field(
        "Stance",
        Some(format!("{} {}", r.stance.symbol(), r.stance.label())),
    );
    doc.field("By", Some(d.name_of(&r.actor)));
    doc.field("On", Some(d.name_of(&r.target)));
    doc.block(Text, "", &r.summary);
    if let Some(q) = r.quote.as_deref().and_then(|q| d.quote(q)) {
        doc.block(Quotation, "", &q.text);
    }
    doc.field("Date", r.date.map(|x| x.to_string()));
    doc.field(
        "Confidence",
        r.confidence.map(|c| format!("{c:?}").to_lowercase()),
    );
    doc.field("Tags", Some(r.tags.join(", ")));
    doc.field("Source", doc.source_of(&r.source));
}

fn quote(doc: &mut Doc, q: &crate::data::Quote, i: usize) {
    use Kind::*;
    let d = doc.d;
    doc.block(Quotation, "", &q.text);
    doc.block(Meta, "", format!("quote · {}", q.id));
    if q.fragment {
        doc.block(Note, "", "A phrase quoted from inside a longer sentence.");
    }
    if q.source_wording {
        doc.block(
            Note,
            "",
            "Words the source gives for this position without naming anyone who said them.",
        );
    }
    // Words nobody is on record as saying have no speaker: they sum up a
    // position, and the field says whose.
    let who = if q.source_wording {
        "Position of"
    } else {
        "Speaker"
    };
    doc.field(who, Some(d.speaker_line(&q.speaker)));
    doc.field("Context", q.context.clone());
    doc.field("Date", q.date.map(|x| x.to_string()));
    doc.field(
        "About",
        Some(
            q.about
                .iter()
                .map(|a| d.name_of(a))
                .collect::<Vec<_>>()
                .join("; "),
        ),
    );
    doc.field("Tags", Some(q.tags.join(", ")));
    doc.field("Source", Some(cite_source(d, &q.source)));
    doc.field("Cite as", Some(d.citation(q)));
    renderings(&mut doc.out, d, i);
}

fn event(doc: &mut Doc, e: &crate::data::Event) {
    use Kind::*;
    let d = doc.d;
    doc.block(Title, "", &e.name);
    // An inferred date is not "known" to any precision: the Date field
    // says it is inferred, and the meta line does not contradict it.
    let meta = if e.date_inferred {
        format!("event · {}", e.id)
    } else {
        format!("event · {} (known to the {})", e.id, e.date.precision())
    };
    doc.block(Meta, "", meta);
    doc.field("Date", Some(e.date_label()));
    if !e.other_dates.is_empty() {
        // The disagreement is shown, not settled: each date with
        // the source that gives it.
        let mut dates = vec![format!(
            "{} ({})",
            e.date,
            e.source
                .as_deref()
                .map_or_else(|| NOT_GIVEN.to_string(), |s| source_name(d, s))
        )];
        dates.extend(
            e.other_dates
                .iter()
                .map(|o| format!("{} ({})", o.date, source_name(d, &o.source))),
        );
        doc.field("Sources differ", Some(dates.join("; ")));
    }
    doc.field("Place", e.place.clone());
    doc.field(
        "Actors",
        Some(
            e.actors
                .iter()
                .map(|a| d.name_of(a))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    );
    if let Some(s) = &e.summary {
        doc.block(Text, "", s);
    }
    doc.field("Source", doc.source_of(&e.source));
}

fn source(doc: &mut Doc, s: &crate::data::Source) {
    use Kind::*;
    doc.block(Title, "", &s.title);
    doc.block(Meta, "", format!("source · {}", s.id));
    // What the source does not say is shown as such, so that a
    // missing field reads as unknown, not as forgotten.
    let given = |v: Option<String>| Some(v.unwrap_or_else(|| NOT_GIVEN.to_string()));
    doc.field("Publisher", given(s.publisher.clone()));
    doc.field("Author", given(s.author.clone()));
    doc.field("URL", given(s.url.clone()));
    doc.field("Published", given(s.published.map(|x| x.to_string())));
    doc.field("Accessed", s.accessed.map(|x| x.to_string()));
    doc.field(
        "Verification",
        s.verification.map(|v| v.label().to_string()),
    );
}

fn axis(doc: &mut Doc, a: &crate::data::Axis) {
    use Kind::*;
    doc.block(Title, "", &a.name);
    doc.block(Meta, "", format!("axis · {}", a.id));
    doc.field("From", Some(format!("-1 {} to +1 {}", a.low, a.high)));
    if let Some(s) = &a.summary {
        doc.block(Text, "", s);
    }
}

fn position(
    out: &mut Vec<Block>,
    d: &Dataset,
    position: Option<&crate::data::Position>,
    note: Option<&str>,
) {
    let Some(p) = position else { return };
    let named: Vec<String> = d
        .axes
        .iter()
        .filter_map(|a| p.get(&a.id).map(|v| format!("{} {v:+.1}", a.name)))
        .collect();
    let text = if named.is_empty() {
        format_position(&d.axes, p)
    } else {
        named.join(", ")
    };
    out.push(block(Kind::Field, "Position", text));
    if let Some(n) = note {
        out.push(block(Kind::Text, "", n));
    }
    out.push(block(
        Kind::Note,
        "",
        "Positions are an editorial reading of the sources, not measurements.",
    ));
}

/// The other renderings of quote `i`'s statement, each with its source,
/// so that a reader sees how reports of the same words differ.
fn renderings(out: &mut Vec<Block>, d: &Dataset, i: usize) {
    let others = d.other_renderings(i);
    if others.is_empty() {
        return;
    }
    out.push(block(
        Kind::Note,
        "",
        format!(
            "Other renderings of the same statement ({}): sources translate or report it in different words.",
            others.len()
        ),
    ));
    for j in others {
        let q = &d.quotes[j];
        out.push(block(Kind::Quotation, "", &q.text));
        out.push(block(Kind::Field, "Rendered by", cite_source(d, &q.source)));
    }
}

/// A source's publisher, or its title when no publisher is given.
fn source_name(d: &Dataset, id: &str) -> String {
    match d.source(id) {
        Some(s) => s.publisher.clone().unwrap_or_else(|| s.title.clone()),
        None => id.to_string(),
    }
}

/// A source in one line: title, publisher, date and address where known.
pub fn cite_source(d: &Dataset, id: &str) -> String {
    match d.source(id) {
        Some(s) => {
            let mut line = s.title.clone();
            if let Some(p) = &s.publisher {
                line.push_str(", ");
                line.push_str(p);
            }
            if let Some(date) = s.published {
                line.push_str(&format!(", {date}"));
            }
            if let Some(url) = &s.url {
                line.push_str(", ");
                line.push_str(url);
            }
            line
        }
        None => id.to_string(),
    }
}

/// The text of a block as one string to wrap: fields read "Label: value".
/// A block as shown: its label and text, cut after [`MAX_SHOWN_CHARS`]
/// characters (with `…`).
pub fn block_text(b: &Block) -> String {
    let cut = crate::text::head_chars(&b.text, MAX_SHOWN_CHARS);
    let more = if cut.len() < b.text.len() { "…" } else { "" };
    match b.kind {
        Kind::Field => format!("{}: {cut}{more}", b.label),
        Kind::Quotation => format!("\u{201c}{cut}{more}\u{201d}"),
        _ => format!("{cut}{more}"),
    }
}

/// The most characters of one text the detail pane shows (some 3,000
/// rows at 80 columns): measuring where scrolling ends wraps the text on
/// every key, and a 10 MB quote took 0.3 s a key.
pub const MAX_SHOWN_CHARS: usize = 4 * crate::text::MAX_DRAWN_CHARS;

/// One row of Detail's text as drawn: the block it comes from (for its
/// style) and its text, escaped and wrapped; a blank row between
/// paragraphs has no block.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: Option<Kind>,
    pub text: String,
    /// Bytes of `text` that are a field's label and colon (the first row
    /// of a field only), drawn emphasised.
    pub label: usize,
}

/// The document's rows wrapped to `width`, the first `limit` at least
/// (all of them with `usize::MAX`). The one source of Detail's lines:
/// drawing takes the rows up to the bottom of the pane, measuring where
/// scrolling ends counts them all, so the two cannot disagree.
pub fn rows(doc: &[Block], width: usize, limit: usize) -> Vec<Row> {
    // No more text is escaped and wrapped than fills `limit` rows (a row
    // holds at most `width` characters but for zero-width ones), so a
    // 10 MB quote costs a frame what a screenful does.
    let budget = limit.saturating_add(1).saturating_mul(width);
    let mut out = Vec::new();
    for b in doc {
        if out.len() >= limit {
            break;
        }
        // Text from data is escaped before wrapping, so what is measured
        // is what is drawn.
        let text = crate::text::escape_control(crate::text::head_chars(&block_text(b), budget))
            .into_owned();
        for (n, line) in crate::text::wrap(&text, width).into_iter().enumerate() {
            let label = if b.kind == Kind::Field && n == 0 {
                (b.label.len() + 1).min(line.len())
            } else {
                0
            };
            out.push(Row {
                kind: Some(b.kind),
                text: line,
                label,
            });
        }
        if matches!(b.kind, Kind::Text | Kind::Quotation) {
            out.push(Row {
                kind: None,
                text: String::new(),
                label: 0,
            });
        }
    }
    out
}

/// The name presenter mode's Explore shows in the big font over the
/// item: a quote's text is what Detail shows first, so the title says who
/// said it, not the words a second time.
pub fn present_name(d: &Dataset, id: &str) -> String {
    let name = match d.item(id) {
        Some(ItemRef::Quote(i)) => d.speaker_name(&d.quotes[i].speaker),
        _ => d.short_name_of(id),
    };
    crate::text::screen_line(&name).into_owned()
}

/// Detail's document as presenter mode's Explore shows it: the citation
/// line repeats a quote's words whole, and on a projector the words are
/// shown once (y still copies them with the citation).
pub fn present_document(d: &Dataset, id: &str) -> Vec<Block> {
    document(d, id)
        .into_iter()
        .filter(|b| b.label != "Cite as")
        .collect()
}

/// How many rows the document takes wrapped to `width`, blank lines between
/// paragraphs included. Used to bound scrolling.
pub fn wrapped_height(doc: &[Block], width: usize) -> usize {
    rows(doc, width, usize::MAX).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ten_megabyte_text_is_shown_cut_so_keys_stay_fast() {
        let b = Block {
            kind: Kind::Quotation,
            label: "",
            text: "word ".repeat(2_000_000),
        };
        let shown = block_text(&b);
        // The quote marks, the cut text and its ellipsis.
        assert_eq!(shown.chars().count(), MAX_SHOWN_CHARS + 3);
        assert!(shown.ends_with("…\u{201d}"));
        let rows = wrapped_height(std::slice::from_ref(&b), 80);
        assert!(rows < MAX_SHOWN_CHARS / 60, "{rows}");
    }
}
