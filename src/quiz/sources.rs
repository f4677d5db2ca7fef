//! "Which sources disagree, and on what?": the disagreements the data
//! records (renderings of one statement by different sources, dates of an
//! event that other sources give differently), and claims of disagreement
//! that the data does not support, to offer beside them.

use crate::data::{Dataset, ItemRef};

/// What two sources may disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Subject {
    /// The words of a statement: the index of its first rendering (or of
    /// a quote rendered only once).
    Words(u32),
    /// The date of an event (its index).
    Date(u32),
}

/// Two sources (indices into `Dataset::sources`, the smaller first) and
/// what they are said to disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Claim {
    pub a: u32,
    pub b: u32,
    pub on: Subject,
}

fn source_index(d: &Dataset, id: &str) -> Option<u32> {
    match d.item(id)? {
        ItemRef::Source(i) => u32::try_from(i).ok(),
        _ => None,
    }
}

fn pair(x: u32, y: u32, on: Subject) -> Claim {
    Claim {
        a: x.min(y),
        b: x.max(y),
        on,
    }
}

/// Every disagreement the data records, sorted, each once.
pub(super) fn disagreements(d: &Dataset) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, q) in d.quotes.iter().enumerate() {
        // Each group once, from its first rendering.
        if q.rendering_of.is_some() {
            continue;
        }
        let mut group = vec![i];
        group.extend(d.other_renderings(i));
        for (n, &x) in group.iter().enumerate() {
            for &y in &group[n + 1..] {
                let (qx, qy) = (&d.quotes[x], &d.quotes[y]);
                if qx.text == qy.text {
                    continue;
                }
                if let (Some(sx), Some(sy)) =
                    (source_index(d, &qx.source), source_index(d, &qy.source))
                    && sx != sy
                {
                    out.push(pair(sx, sy, Subject::Words(i as u32)));
                }
            }
        }
    }
    for (e, event) in d.events.iter().enumerate() {
        let Some(own) = event.source.as_deref().and_then(|s| source_index(d, s)) else {
            continue;
        };
        let mut dated: Vec<(u32, crate::data::PartialDate)> = vec![(own, event.date)];
        for other in &event.other_dates {
            if let Some(s) = source_index(d, &other.source) {
                dated.push((s, other.date));
            }
        }
        for (n, &(sx, dx)) in dated.iter().enumerate() {
            for &(sy, dy) in &dated[n + 1..] {
                if sx != sy && dx != dy {
                    out.push(pair(sx, sy, Subject::Date(e as u32)));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The sources any disagreement involves: the pairs of the wrong options
/// are drawn from these, so every option names sources that could differ.
pub(super) fn sources_involved(claims: &[Claim]) -> Vec<u32> {
    let mut s: Vec<u32> = claims.iter().flat_map(|c| [c.a, c.b]).collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// What two sources could be said to disagree on: the subjects of the
/// real disagreements, and the words of other quotes that are someone's
/// own (once per statement) and the dates of other events, a few dozen of
/// each at most (enough for wrong options; a dataset of 100,000 quotes
/// needs no more).
pub(super) fn subjects(d: &Dataset, claims: &[Claim]) -> Vec<Subject> {
    const OTHERS: usize = 24;
    let words = d
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.rendering_of.is_none() && !q.source_wording)
        .map(|(i, _)| Subject::Words(i as u32))
        .take(OTHERS);
    let dates = (0..d.events.len())
        .map(|e| Subject::Date(e as u32))
        .take(OTHERS);
    let mut out: Vec<Subject> = claims
        .iter()
        .map(|c| c.on)
        .chain(words)
        .chain(dates)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A source's name in an option: its publisher up to a comma
/// ("Reuters, republished by LBC Group" is "Reuters"), else its title.
pub(super) fn source_name(d: &Dataset, s: u32) -> String {
    let src = &d.sources[s as usize];
    match src.publisher.as_deref() {
        Some(p) => p.split(',').next().unwrap_or(p).trim().to_string(),
        None => src.title.clone(),
    }
}

/// A subject in words: "the wording of Li Qiang's statement", "the date
/// of the WAIC 2025 opening ceremony". The words are not quoted: any one
/// rendering quoted in a claim about two other sources would be wording
/// neither of them used.
pub(super) fn subject_label(d: &Dataset, on: Subject) -> String {
    match on {
        Subject::Words(q) => {
            let q = &d.quotes[q as usize];
            // "a Baidu representative", as the speaker is called elsewhere;
            // "the United Nations" as English names a body or bloc.
            let prose = d.prose_name(&q.speaker);
            let speaker = if prose != d.name_of(&q.speaker) {
                prose
            } else {
                d.speaker_name(&q.speaker)
            };
            // Where one speaker has several statements, which one.
            let same: Vec<usize> = d
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, x)| {
                    x.rendering_of.is_none() && !x.source_wording && x.speaker == q.speaker
                })
                .map(|(i, _)| i)
                .collect();
            let which = if same.len() > 1 {
                match q.tags.first() {
                    Some(tag) => format!(" on {tag}"),
                    None => format!(" of {}", q.date.map(|x| x.to_string()).unwrap_or_default()),
                }
            } else {
                String::new()
            };
            format!("the wording of {} statement{which}", possessive(&speaker))
        }
        Subject::Date(e) => format!("the date of {}", with_article(&d.events[e as usize].name)),
    }
}

/// An event's name as English needs it after "of": "the Paris AI
/// Summit", "the EU AI Act", but "China's 2030 goal" (a possessive is its
/// own determiner) and a name that has an article already as it is.
pub(crate) fn with_article(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let determined = first.ends_with("'s")
        || first.ends_with("\u{2019}s")
        || first.ends_with("s'")
        || ["the", "a", "an"].contains(&lower.as_str());
    if determined || name.is_empty() {
        name.to_string()
    } else {
        format!("the {name}")
    }
}

/// "Li Qiang's", "the United Nations'": a name ending in s takes the
/// apostrophe alone.
pub(crate) fn possessive(name: &str) -> String {
    if name.ends_with('s') || name.ends_with('S') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A claim as an option: "Valleynews.com / WION: the date of …".
pub(super) fn label(d: &Dataset, c: Claim) -> String {
    format!(
        "{} / {}: {}",
        source_name(d, c.a),
        source_name(d, c.b),
        subject_label(d, c.on)
    )
}

/// What source `s` gives on the claim's subject, as the dataset records
/// it: the words of its rendering or the date it gives; `None` when the
/// dataset has nothing from that source on it.
fn says(d: &Dataset, c: Claim, s: u32) -> Option<String> {
    let id = d.sources[s as usize].id.as_str();
    match c.on {
        Subject::Words(q) => {
            let mut group = vec![q as usize];
            group.extend(d.other_renderings(q as usize));
            group
                .into_iter()
                .find(|&i| d.quotes[i].source == id)
                .map(|i| format!("\u{201c}{}\u{201d}", d.quotes[i].text))
        }
        Subject::Date(e) => {
            let event = &d.events[e as usize];
            if event.source.as_deref() == Some(id) {
                Some(event.date.to_string())
            } else {
                event
                    .other_dates
                    .iter()
                    .find(|o| o.source == id)
                    .map(|o| o.date.to_string())
            }
        }
    }
}

/// How a claim that two sources differ stands against the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Both give it, differently: the claim holds.
    Differ,
    /// Both give it, the same.
    Same,
    /// One of them (or both) gives nothing on it: there is nothing to
    /// compare, which is not a difference (nor an agreement).
    Silent,
}

/// Whether the two sources of `c` give different things, the same thing,
/// or not both anything.
pub(super) fn verdict(d: &Dataset, c: Claim, claims: &[Claim]) -> Verdict {
    if claims.binary_search(&c).is_ok() {
        Verdict::Differ
    } else if says(d, c, c.a).is_some() && says(d, c, c.b).is_some() {
        Verdict::Same
    } else {
        Verdict::Silent
    }
}

/// What each side says, for after the answer.
pub(super) fn evidence(d: &Dataset, c: Claim) -> Vec<String> {
    [c.a, c.b]
        .into_iter()
        .map(|s| {
            let name = source_name(d, s);
            match says(d, c, s) {
                Some(what) => format!("{name}: {what}"),
                // What the dataset holds, not what the source may say
                // elsewhere.
                None => format!("{name}: nothing on this in the dataset"),
            }
        })
        .collect()
}

/// The two sources' full references.
pub(super) fn citation(d: &Dataset, c: Claim) -> String {
    [c.a, c.b]
        .into_iter()
        .map(|s| {
            let src = &d.sources[s as usize];
            match &src.publisher {
                Some(p) => format!("{}, {p}", src.title),
                None => src.title.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}
