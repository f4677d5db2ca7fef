//! `stances search` output: lines for people, JSON for programs.

use std::fmt::Write as _;

use serde::Serialize;

use crate::search::{Hit, Index, Query};
use crate::text::sanitize_line;

/// Bold and underlined: the matched characters, on a terminal.
const ON: &str = "\u{1b}[1;4m";
const OFF: &str = "\u{1b}[0m";

/// One result per line: “text” — Speaker, role; Source. With `emphasis`,
/// the matched characters are bold and underlined.
pub fn search_text(index: &Index, query: &Query, hits: &[Hit], emphasis: bool) -> String {
    let d = index.data();
    let mut out = String::new();
    for hit in hits {
        let i = hit.quote as usize;
        let q = &d.quotes[i];
        let marks = index.highlight(i, query);
        let text = marked(&q.text, &marks.text, emphasis);
        let actor = d.actor(&q.speaker);
        let name = actor.map_or(q.speaker.as_str(), |a| a.name.as_str());
        let mut speaker = marked(name, &marks.speaker, emphasis);
        if let Some(role) = actor.and_then(|a| crate::data::shown_role(&a.name, a.role.as_deref()))
        {
            let _ = write!(speaker, ", {}", sanitize_line(role));
        }
        let source = d
            .source(&q.source)
            .map_or(q.source.as_str(), |s| s.title.as_str());
        // A match outside the text and the name says where it is.
        let elsewhere = matched_elsewhere(&marks, emphasis);
        let _ = writeln!(
            out,
            "\u{201c}{text}\u{201d} \u{2014} {speaker}; {}{elsewhere}",
            sanitize_line(source)
        );
    }
    out
}

/// " [matched in context: …China's proposal…]" for a result whose query
/// matched none of its text and speaker's name, else nothing.
fn matched_elsewhere(marks: &crate::search::Highlight, emphasis: bool) -> String {
    if !marks.text.is_empty() || !marks.speaker.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for f in &marks.other {
        let _ = write!(
            out,
            " [matched in {}: {}]",
            f.field,
            marked(&f.value, &f.positions, emphasis)
        );
    }
    out
}

/// `s` made safe for one line, with the chars at `positions` wrapped in
/// emphasis. Escaping happens per char, so positions stay right.
fn marked(s: &str, positions: &[usize], emphasis: bool) -> String {
    let mut out = String::new();
    let mut on = false;
    for (i, c) in s.chars().enumerate() {
        let hit = emphasis && positions.binary_search(&i).is_ok();
        if hit != on {
            out.push_str(if hit { ON } else { OFF });
            on = hit;
        }
        out.push_str(&sanitize_line(c.encode_utf8(&mut [0; 4])));
    }
    if on {
        out.push_str(OFF);
    }
    out
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    score: i64,
    text: &'a str,
    speaker: &'a str,
    speaker_name: &'a str,
    source: &'a str,
    /// Char indices (not bytes) of the matched characters.
    positions: Positions,
}

/// Char indices of the matched characters, per field: the text, the
/// speaker's name, and any other field the query matched in (role,
/// alias, context, tag), with that field's value.
#[derive(Serialize)]
struct Positions {
    text: Vec<usize>,
    speaker_name: Vec<usize>,
    other: Vec<OtherField>,
}

#[derive(Serialize)]
struct OtherField {
    field: &'static str,
    value: String,
    positions: Vec<usize>,
}

pub fn search_json(index: &Index, query: &Query, hits: &[Hit]) -> String {
    let d = index.data();
    let items: Vec<JsonHit> = hits
        .iter()
        .map(|hit| {
            let i = hit.quote as usize;
            let q = &d.quotes[i];
            let marks = index.highlight(i, query);
            JsonHit {
                id: &q.id,
                score: hit.score,
                text: &q.text,
                speaker: &q.speaker,
                speaker_name: d
                    .actor(&q.speaker)
                    .map_or(q.speaker.as_str(), |a| a.name.as_str()),
                source: &q.source,
                positions: Positions {
                    text: marks.text,
                    speaker_name: marks.speaker,
                    other: marks
                        .other
                        .into_iter()
                        .map(|f| OtherField {
                            field: f.field,
                            value: f.value,
                            positions: f.positions,
                        })
                        .collect(),
                },
            }
        })
        .collect();
    let mut s = super::terminal_safe_json(serde_json::to_string_pretty(&items).unwrap_or_default());
    s.push('\n');
    s
}
