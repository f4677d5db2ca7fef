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
        if let Some(role) = actor.and_then(|a| a.role.as_deref()) {
            let _ = write!(speaker, ", {}", sanitize_line(role));
        }
        let source = d
            .source(&q.source)
            .map_or(q.source.as_str(), |s| s.title.as_str());
        let _ = writeln!(
            out,
            "\u{201c}{text}\u{201d} \u{2014} {speaker}; {}",
            sanitize_line(source)
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

#[derive(Serialize)]
struct Positions {
    text: Vec<usize>,
    speaker_name: Vec<usize>,
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
                },
            }
        })
        .collect();
    let mut s = super::terminal_safe_json(serde_json::to_string_pretty(&items).unwrap_or_default());
    s.push('\n');
    s
}
