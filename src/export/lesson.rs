//! What the classroom exports (handout, worksheet, answer key, HTML page)
//! share: short source references, actor labels, the map's points, the
//! reactions grouped by stance, and the worksheet's order of quotes (the
//! key must number them the same way).

use std::collections::HashMap;

use crate::data::{Dataset, Quote, Reaction, Stance};

/// Each source gets a short reference, `[1]`, `[2]`…, in dataset order:
/// its full title is printed once, in the list of sources, and every
/// citation after that points at it.
pub struct SourceRefs<'a> {
    refs: HashMap<&'a str, usize>,
}

impl<'a> SourceRefs<'a> {
    pub fn new(d: &'a Dataset) -> SourceRefs<'a> {
        SourceRefs {
            refs: d
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i + 1))
                .collect(),
        }
    }

    /// `[n]` for a source id; empty for an unknown one.
    pub fn of(&self, source: &str) -> String {
        self.refs
            .get(source)
            .map(|n| format!("[{n}]"))
            .unwrap_or_default()
    }
}

/// What follows a source's title in the handout, the key and the HTML
/// page: its verification, its publisher and author when given, then its
/// date and address, which every source line names, saying "date not
/// given" or "no URL" where the data has none, so a reader sees they are
/// unknown, not forgotten. `escape` is applied to the data's text
/// (Markdown or HTML escaping).
pub fn source_tail(s: &crate::data::Source, escape: impl Fn(&str) -> String) -> String {
    let mut line = String::new();
    if let Some(v) = s.verification {
        line.push_str(&format!(" ({} source)", v.label()));
    }
    for (label, value) in [("Publisher", &s.publisher), ("Author", &s.author)] {
        if let Some(v) = value {
            line.push_str(&format!(". {label}: {}", escape(v)));
        }
    }
    match s.published {
        Some(p) => line.push_str(&format!(". Published: {p}")),
        None => line.push_str(". Date not given"),
    }
    match &s.url {
        Some(u) => line.push_str(&format!(". URL: {}", escape(u))),
        None => line.push_str(". No URL"),
    }
    line
}

/// The dataset's "how to cite" line with each source's full title replaced
/// by its short reference, so the title is printed once in the whole page.
pub fn how_to_cite(d: &Dataset, refs: &SourceRefs) -> String {
    let mut line = match &d.dataset.how_to_cite {
        Some(c) => c.clone(),
        None => format!("{}, a stances dataset.", d.dataset.title),
    };
    for s in &d.sources {
        for quoted in [format!("\"{}\"", s.title), s.title.clone()] {
            if line.contains(&quoted) {
                line = line.replace(&quoted, &refs.of(&s.id));
                break;
            }
        }
    }
    line
}

pub use crate::data::name_with_role;

/// An actor's label in citations and answer options.
pub fn actor_label(d: &Dataset, id: &str) -> String {
    match d.actor(id) {
        Some(a) => name_with_role(&a.name, a.role.as_deref()),
        None => d.name_of(id),
    }
}

/// A quote's attribution: speaker label, date, short source reference.
pub fn attribution(d: &Dataset, q: &Quote, refs: &SourceRefs) -> String {
    let mut line = actor_label(d, &q.speaker);
    if let Some(date) = q.date {
        line.push_str(&format!(", {date}"));
    }
    let r = refs.of(&q.source);
    if !r.is_empty() {
        line.push(' ');
        line.push_str(&r);
    }
    line
}

/// What a quote's text is, beyond plain words on record: a phrase from
/// inside a sentence, or the source's own wording of a position.
pub fn marks(q: &Quote) -> &'static str {
    match (q.fragment, q.source_wording) {
        (_, true) => " (source's wording)",
        (true, false) => " (phrase)",
        (false, false) => "",
    }
}

/// The handout's first line: it gives the worksheet's answers (who said
/// each quote, where each approach sits, each stance), so it is handed
/// out after the worksheet is done, never with it.
pub const AFTER_THE_WORKSHEET: &str = "For after the worksheet: this sheet gives its answers.";

/// The sentence that explains [`marks`], when any quote has one.
pub fn marks_legend(d: &Dataset) -> Option<String> {
    let phrase = d.quotes.iter().any(|q| q.fragment && !q.source_wording);
    let wording = d.quotes.iter().any(|q| q.source_wording);
    let mut parts = Vec::new();
    if phrase {
        parts.push("(phrase): words from inside a sentence");
    }
    if wording {
        parts.push("(source's wording): no speaker named");
    }
    (!parts.is_empty()).then(|| {
        let mut s = parts.join("; ");
        s.push('.');
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    })
}

/// " (sources differ: [2] and [3] date it 2025-07-26)" for an event whose
/// date other sources give differently; empty otherwise.
pub fn other_dates(e: &crate::data::Event, refs: &SourceRefs) -> String {
    if e.other_dates.is_empty() {
        return String::new();
    }
    // Sources that give the same other date are named together.
    let mut others: Vec<(String, Vec<String>)> = Vec::new();
    for o in &e.other_dates {
        let date = o.date.to_string();
        let r = refs.of(&o.source);
        match others.iter_mut().find(|(d, _)| *d == date) {
            Some((_, rs)) => rs.push(r),
            None => others.push((date, vec![r])),
        }
    }
    let others: Vec<String> = others
        .into_iter()
        .map(|(date, rs)| format!("{} date it {date}", and_list(&rs)))
        .collect();
    format!(" (sources differ: {})", others.join("; "))
}

/// The first sentence of a text (up to the first `. ` or the end): a
/// position note's first sentence is its main reason, short enough for
/// one line of a table.
pub fn first_sentence(s: &str) -> &str {
    match s.find(". ") {
        Some(i) => &s[..=i],
        None => s.trim_end(),
    }
}

/// What the handout says beside an approach's name: its proponent, unless
/// the name already says it ("… (EU AI Act)" from the European Union is
/// named by its short label), and its scope.
pub fn approach_aside(d: &Dataset, a: &crate::data::Approach) -> String {
    let mut parts = Vec::new();
    let named = |label: &str| a.name.contains(label);
    let proponent = d.actor(&a.proponent);
    let in_name = proponent.is_some_and(|p| {
        named(&p.name)
            || p.short.as_deref().is_some_and(named)
            || p.aliases.iter().any(|al| named(al))
    });
    if !in_name {
        // "From", not "proposed by": an enacted law or a signed order is
        // not a proposal.
        parts.push(format!("from {}", d.name_of(&a.proponent)));
    }
    if let Some(s) = a.scope {
        parts.push(s.label().to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// The first sentence of a text, and when that is longer than `max`
/// words, the longest run of its clauses (cut at a comma or semicolon)
/// that fits: what a two-page handout has room for. A text with no
/// such cut keeps its whole first sentence.
pub fn short(s: &str, max: usize) -> String {
    let first = first_sentence(s).trim_end();
    if first.split_whitespace().count() <= max {
        return first.to_string();
    }
    let mut cut = None;
    for (i, c) in first.char_indices() {
        if (c == ',' || c == ';') && first[..i].split_whitespace().count() <= max {
            cut = Some(i);
        }
    }
    match cut {
        Some(i) if first[..i].split_whitespace().count() >= 4 => format!("{}.", &first[..i]),
        _ => first.to_string(),
    }
}

/// An approach's summary in the handout: its own `short_summary` when
/// the data gives one (written to keep what matters), else the summary
/// cut to fit.
pub fn approach_summary(a: &crate::data::Approach, max: usize) -> String {
    match &a.short_summary {
        Some(s) => s.trim().to_string(),
        None => short(&a.summary, max),
    }
}

/// A position note in short: each of its sentences (one per axis, by the
/// rule every note follows) cut to its main clause, so no axis's reason
/// is lost when the note is shortened.
pub fn short_note(note: &str, max: usize) -> String {
    let mut parts = Vec::new();
    let mut rest = note.trim();
    while !rest.is_empty() {
        let sentence = first_sentence(rest);
        parts.push(short(sentence, max));
        rest = rest[sentence.len()..].trim_start();
    }
    parts.join(" ")
}

/// An approach or actor with a position on the first two axes.
pub struct Placed<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub x: f64,
    pub y: f64,
    pub note: Option<&'a str>,
    pub is_approach: bool,
}

/// Everything placed on the map (the first two axes), approaches first.
pub fn placed(d: &Dataset) -> Vec<Placed<'_>> {
    let (Some(ax), Some(ay)) = (d.axes.first(), d.axes.get(1)) else {
        return Vec::new();
    };
    let at = |p: Option<&crate::data::Position>| {
        let p = p?;
        Some((*p.get(&ax.id)?, *p.get(&ay.id)?))
    };
    let approaches = d.approaches.iter().filter_map(|a| {
        at(a.position.as_ref()).map(|(x, y)| Placed {
            id: &a.id,
            name: &a.name,
            x,
            y,
            note: a.position_note.as_deref(),
            is_approach: true,
        })
    });
    let actors = d.actors.iter().filter_map(|a| {
        at(a.position.as_ref()).map(|(x, y)| Placed {
            id: &a.id,
            name: &a.name,
            x,
            y,
            note: a.position_note.as_deref(),
            is_approach: false,
        })
    });
    approaches.chain(actors).collect()
}

/// The reactions of each stance that has any, most for to most against.
pub fn by_stance(d: &Dataset) -> Vec<(Stance, Vec<&Reaction>)> {
    Stance::ALL
        .into_iter()
        .map(|s| (s, d.reactions.iter().filter(|r| r.stance == s).collect()))
        .filter(|(_, rs): &(Stance, Vec<&Reaction>)| !rs.is_empty())
        .collect()
}

/// Reactions of one stance as "A, B and C on X; D on Y": actors grouped by
/// what they reacted to, in the order first met.
pub fn actors_by_target(d: &Dataset, reactions: &[&Reaction]) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for r in reactions {
        let target = target_label(d, &r.target);
        // In a sentence: "France, India and the African Union".
        let actor = d.prose_name(&r.actor);
        match groups.iter_mut().find(|(t, _)| *t == target) {
            Some((_, actors)) => actors.push(actor),
            None => groups.push((target, vec![actor])),
        }
    }
    groups
}

/// What a reaction concerns, as a reader needs it: a quoted appeal names
/// whose appeal it is ("Paris AI Summit's “inclusive and ethical AI”"), as
/// the bare words would not say what the actors declined.
///
/// One rule for every printed material (handout, worksheet, key, HTML):
/// an item is called by its `name`, never by its `short` label, which is
/// for the screen, so that a class meets one name for one item on every
/// sheet. (The printed map marks its points by letter for the same
/// reason: see `html::svg`.)
pub(super) fn target_label(d: &Dataset, target: &str) -> String {
    match d.quotes.iter().find(|q| q.id == target) {
        Some(q) => format!("{}'s {}", d.name_of(&q.speaker), d.name_of(target)),
        None => d.name_of(target),
    }
}

/// "A", "A and B", "A, B and C".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Events in date order.
pub fn timeline(d: &Dataset) -> Vec<&crate::data::Event> {
    let mut events: Vec<_> = d.events.iter().collect();
    events.sort_by_key(|e| e.date);
    events
}

/// The order in which the worksheet asks "who said it?": the quotes
/// shuffled with a fixed seed, so that one speaker's quotes are not all
/// in a row (which would give the answers away), and the key numbers them
/// the same way on every run.
pub fn worksheet_quotes(d: &Dataset) -> Vec<usize> {
    let mut order: Vec<usize> = (0..d.quotes.len())
        .filter(|&i| is_someones_words(&d.quotes[i]))
        .collect();
    crate::rng::Rng::new(WORKSHEET_SEED).shuffle(&mut order);
    order
}

/// The speakers offered to choose from on the worksheet, sorted by label.
pub fn worksheet_speakers(d: &Dataset) -> Vec<String> {
    let mut speakers: Vec<String> = d
        .quotes
        .iter()
        .filter(|q| is_someones_words(q))
        .map(|q| speaker_label(d, &q.speaker))
        .collect();
    speakers.sort();
    speakers.dedup();
    speakers
}

/// A speaker in "who said it?": its label, and for an organisation one of
/// whose members is also on the list, that no person is named ("United
/// Nations" beside "António Guterres, UN Secretary-General" could not be
/// told apart otherwise).
pub fn speaker_label(d: &Dataset, id: &str) -> String {
    let label = match d.actor(id) {
        // A name in a list of options, without the article a sentence
        // gives it ("a Baidu representative"): "b a Baidu representative"
        // read as two letters.
        Some(a) if a.role.is_none() || d.speaker_name(id) != a.name => a.name.clone(),
        _ => actor_label(d, id),
    };
    let member_quoted = d
        .quotes
        .iter()
        .filter(|q| is_someones_words(q))
        .any(|q| q.speaker != id && d.is_within(&q.speaker, id));
    if member_quoted {
        format!("{label} (the organisation; no person named)")
    } else {
        label
    }
}

/// Whether "who said it?" has an answer for a quote: not for the source's
/// own wording of a position, and once per statement (its first rendering).
pub fn is_someones_words(q: &Quote) -> bool {
    !q.source_wording && q.rendering_of.is_none()
}

const WORKSHEET_SEED: u64 = 2025;

/// The mark of the n-th (0-based) speaker of the worksheet's part 1:
/// "S1", "S2", …, so that it is not read as a letter of part 2's
/// approaches (A, B, …, also on the HTML map).
pub fn speaker_mark(n: usize) -> String {
    format!("S{}", n + 1)
}

/// A letter for the n-th (0-based) item of a lettered list.
pub fn letter(n: usize) -> char {
    char::from(b'A' + (n % 26) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_that_repeats_the_name_is_left_out() {
        assert_eq!(
            name_with_role("Baidu representative", Some("representative of Baidu")),
            "Baidu representative"
        );
        assert_eq!(
            name_with_role("Paris AI Summit", Some("summit appeal")),
            "Paris AI Summit"
        );
        assert_eq!(
            name_with_role("Li Qiang", Some("Premier of China")),
            "Li Qiang, Premier of China"
        );
        assert_eq!(name_with_role("China", None), "China");
    }

    #[test]
    fn first_sentences_and_lists() {
        assert_eq!(first_sentence("High: a law. Low: a bloc."), "High: a law.");
        assert_eq!(first_sentence("One only"), "One only");
        assert_eq!(
            short(
                "Rules that all must follow, with consequences, not wishes. More.",
                6
            ),
            "Rules that all must follow."
        );
        assert_eq!(short("A short one. More.", 6), "A short one.");
        assert_eq!(
            short("No cut in this long sentence at all.", 3),
            "No cut in this long sentence at all."
        );
        assert_eq!(
            short_note(
                "Regulation +0.2: a leaning, not rules; more. Multilateralism +0.8: worldwide in reach, a call only.",
                5
            ),
            "Regulation +0.2: a leaning. Multilateralism +0.8: worldwide in reach."
        );
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(and_list(&["a".into()]), "a");
    }
}
