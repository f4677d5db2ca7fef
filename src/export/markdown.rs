//! A classroom handout: what a teacher prints and hands out.

use std::fmt::Write as _;

use crate::data::{Dataset, NOT_GIVEN, Stance};
use crate::text::escape_control;

/// Data text as Markdown that stays text, whatever it holds: terminal-safe
/// first, then every character that can open Markdown or HTML syntax
/// anywhere in a line is backslash-escaped (CommonMark allows that for
/// any ASCII punctuation), so `<script>`, an unclosed `<!--`, `</details>`
/// and `[text](javascript:...)` are shown as written, never run or linked.
/// Each line of the text is also defused at its start, so a newline in the
/// data cannot begin a heading (`#`, a line of `=` or `-`), a list, a
/// quote block or an indented code block.
fn t(s: &str) -> String {
    let safe = escape_control(s);
    let mut out = String::with_capacity(safe.len() + safe.len() / 8);
    for (n, line) in safe.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        // Four leading spaces would make a code block.
        let line = line.trim_start_matches([' ', '\t']);
        // "1." or "1)" at the start of a line would number a list.
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        for (i, c) in line.char_indices() {
            let anywhere = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
            );
            let at_start = i == 0 && matches!(c, '#' | '-' | '+' | '=');
            let numbering = digits > 0 && i == digits && matches!(c, '.' | ')');
            if anywhere || at_start || numbering {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Data text in a table cell: as [`t`], on one line (`|` is escaped there).
fn cell(s: &str) -> String {
    t(s).replace('\n', " ")
}

pub fn markdown(d: &Dataset) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# {}\n", t(&d.dataset.title));
    if let Some(s) = &d.dataset.summary {
        let _ = writeln!(w, "{}\n", t(s));
    }
    if !d.dataset.objectives.is_empty() {
        let _ = writeln!(w, "## Learning objectives\n");
        for o in &d.dataset.objectives {
            let _ = writeln!(w, "- {}", t(o));
        }
        let _ = writeln!(w);
    }

    let _ = writeln!(w, "## Approaches\n");
    for a in &d.approaches {
        let _ = writeln!(w, "### {}\n", t(&a.name));
        // "From", not "proposed by": an enacted law or a signed order is
        // not a proposal, and the summary says which it is.
        let scope = a
            .scope
            .map(|s| format!(" Scope: {}.", s.label()))
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "*From: {}.{scope}* {}\n",
            t(&d.name_of(&a.proponent)),
            t(&a.summary)
        );
        if !a.principles.is_empty() {
            let _ = writeln!(w, "- **Principles:** {}", t(&a.principles.join("; ")));
        }
        if !a.instruments.is_empty() {
            let _ = writeln!(w, "- **Instruments:** {}", t(&a.instruments.join("; ")));
        }
        let _ = writeln!(w);
    }

    positions(w, d);

    let _ = writeln!(w, "## Actors\n");
    let _ = writeln!(w, "| Actor | Kind | Part of | Role |");
    let _ = writeln!(w, "|---|---|---|---|");
    for a in &d.actors {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            cell(&a.name),
            a.kind.label(),
            cell(
                &a.part_of
                    .as_deref()
                    .map(|p| d.name_of(p))
                    .unwrap_or_default()
            ),
            cell(a.role.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(w);

    let _ = writeln!(w, "## Reactions, by stance\n");
    for stance in Stance::ALL {
        let group: Vec<_> = d.reactions.iter().filter(|r| r.stance == stance).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(
            w,
            "### {} {}\n",
            stance.symbol(),
            capitalise(stance.label())
        );
        for r in group {
            let _ = writeln!(
                w,
                "- **{}** on *{}*: {}",
                t(&d.name_of(&r.actor)),
                t(&d.name_of(&r.target)),
                t(&r.summary)
            );
        }
        let _ = writeln!(w);
    }

    let _ = writeln!(w, "## Quotes\n");
    for (i, q) in d.quotes.iter().enumerate() {
        // Later renderings of a statement are shown with the first one.
        if q.rendering_of.is_some() {
            continue;
        }
        quote(w, d, q);
        let others = d.other_renderings(i);
        if !others.is_empty() {
            renderings(w, d, i, &others);
        }
    }

    timeline(w, d);
    glossary(w, d);
    questions(w, d);

    if !d.sources.is_empty() {
        let _ = writeln!(w, "## Sources\n");
        for s in &d.sources {
            // Every field is named, and an unknown one says so.
            let given = |v: Option<String>| v.unwrap_or_else(|| NOT_GIVEN.to_string());
            let mut line = format!("- {}", t(&s.title));
            if let Some(v) = s.verification {
                let _ = write!(line, " ({} source)", v.label());
            }
            let _ = write!(line, ". Publisher: {}", t(&given(s.publisher.clone())));
            let _ = write!(line, ". Author: {}", t(&given(s.author.clone())));
            let _ = write!(
                line,
                ". Published: {}",
                given(s.published.map(|p| p.to_string()))
            );
            let _ = write!(line, ". URL: {}.", t(&given(s.url.clone())));
            let _ = writeln!(w, "{line}");
        }
        let _ = writeln!(w);
    }

    let _ = writeln!(w, "## How to cite\n");
    match &d.dataset.how_to_cite {
        Some(c) => {
            let _ = writeln!(w, "{}", t(c));
        }
        None => {
            let _ = writeln!(w, "{}, a stances dataset.", t(&d.dataset.title));
        }
    }
    out
}

fn quote(w: &mut String, d: &Dataset, q: &crate::data::Quote) {
    let mut marks = Vec::new();
    if q.fragment {
        marks.push("a phrase from a longer sentence");
    }
    if q.source_wording {
        marks.push("the source's wording, not the speaker's own words");
    }
    let marks = if marks.is_empty() {
        String::new()
    } else {
        format!(" ({})", marks.join("; "))
    };
    let _ = writeln!(w, "> \u{201c}{}\u{201d}{marks}\n>", t(&q.text));
    let _ = writeln!(w, "> \u{2014} {}\n", t(&d.source_line(q)));
    if let Some(c) = &q.context {
        let _ = writeln!(w, "*Context:* {}\n", t(c));
    }
}

/// The renderings of one statement side by side: one row per source.
fn renderings(w: &mut String, d: &Dataset, first: usize, others: &[usize]) {
    let _ = writeln!(
        w,
        "*The same statement as other sources render it:*\n\n| Source | Source published | Dated | Words |\n|---|---|---|---|"
    );
    for &j in std::iter::once(&first).chain(others) {
        let q = &d.quotes[j];
        let (name, published) = match d.source(&q.source) {
            Some(s) => (
                s.publisher.clone().unwrap_or_else(|| s.title.clone()),
                s.published
                    .map_or_else(|| NOT_GIVEN.to_string(), |p| p.to_string()),
            ),
            None => (q.source.to_string(), NOT_GIVEN.to_string()),
        };
        let dated = q
            .date
            .map_or_else(|| NOT_GIVEN.to_string(), |p| p.to_string());
        let _ = writeln!(
            w,
            "| {} | {} | {} | \u{201c}{}\u{201d} |",
            cell(&name),
            cell(&published),
            cell(&dated),
            cell(&q.text)
        );
    }
    let _ = writeln!(w);
}

fn glossary(w: &mut String, d: &Dataset) {
    if d.glossary.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Glossary\n");
    for g in &d.glossary {
        let _ = writeln!(w, "- **{}**: {}", t(&g.term), t(&g.definition));
    }
    let _ = writeln!(w);
}

fn questions(w: &mut String, d: &Dataset) {
    if d.questions.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Questions for discussion\n");
    for (n, q) in d.questions.iter().enumerate() {
        let _ = writeln!(w, "{}. {}", n + 1, t(&q.text));
    }
    let _ = writeln!(w);
}

fn positions(w: &mut String, d: &Dataset) {
    let placed: Vec<(String, &crate::data::Position, Option<&String>)> = d
        .approaches
        .iter()
        .filter_map(|a| {
            a.position
                .as_ref()
                .map(|p| (a.name.clone(), p, a.position_note.as_ref()))
        })
        .chain(d.actors.iter().filter_map(|a| {
            a.position
                .as_ref()
                .map(|p| (a.name.clone(), p, a.position_note.as_ref()))
        }))
        .collect();
    if placed.is_empty() || d.axes.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Positions\n");
    let _ = writeln!(
        w,
        "Positions run from -1 to +1 on each axis. They are an editorial reading of the sources, not measurements; each note says why.\n"
    );
    for axis in &d.axes {
        let _ = writeln!(
            w,
            "- **{}**: -1 = {}, +1 = {}",
            t(&axis.name),
            t(&axis.low),
            t(&axis.high)
        );
    }
    let _ = writeln!(w);
    let mut header = String::from("| Item |");
    let mut rule = String::from("|---|");
    for axis in &d.axes {
        let _ = write!(header, " {} |", cell(&axis.name));
        rule.push_str("---:|");
    }
    let _ = writeln!(w, "{header} Why |\n{rule}---|");
    for (name, pos, note) in placed {
        let mut row = format!("| {} |", cell(&name));
        for axis in &d.axes {
            match pos.get(&axis.id) {
                Some(v) => {
                    let _ = write!(row, " {v:+.1} |");
                }
                None => row.push_str(" – |"),
            }
        }
        let _ = writeln!(w, "{row} {} |", cell(note.map_or("", String::as_str)));
    }
    let _ = writeln!(w);
}

fn timeline(w: &mut String, d: &Dataset) {
    if d.events.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Timeline\n");
    let mut events: Vec<_> = d.events.iter().collect();
    events.sort_by_key(|e| e.date);
    for e in events {
        let place = e
            .place
            .as_deref()
            .map(|p| format!(", {}", t(p)))
            .unwrap_or_default();
        let summary = e
            .summary
            .as_deref()
            .map(|s| format!(": {}", t(s)))
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "- **{}** \u{2014} {}{place}{summary}",
            e.date,
            t(&e.name)
        );
        for o in &e.other_dates {
            let by = d.source(&o.source).map_or_else(
                || o.source.clone(),
                |s| s.publisher.clone().unwrap_or_else(|| s.title.clone()),
            );
            let _ = writeln!(w, "  - Sources differ: {} dates it {}.", t(&by), o.date);
        }
    }
    let _ = writeln!(w);
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_links_and_headings_in_data_stay_text() {
        for (data, written) in [
            (
                "<script>alert(1)</script>",
                "\\<script\\>alert(1)\\</script\\>",
            ),
            ("</details>", "\\</details\\>"),
            ("<!-- hide the rest", "\\<!-- hide the rest"),
            (
                "[click](javascript:alert(1))",
                "\\[click\\](javascript:alert(1))",
            ),
            ("x\n# Heading", "x\n\\# Heading"),
            ("x\n===", "x\n\\==="),
            (
                "x\n- item\n    code\n> quote\n2. two",
                "x\n\\- item\ncode\n\\> quote\n2\\. two",
            ),
            (
                "*bold* _it_ `code` a|b &amp; ~~s~~",
                "\\*bold\\* \\_it\\_ \\`code\\` a\\|b \\&amp; \\~\\~s\\~\\~",
            ),
            ("plain prose, 3.5 per cent.", "plain prose, 3.5 per cent."),
        ] {
            assert_eq!(t(data), written, "{data:?}");
        }
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        // Escapes for the terminal keep their backslash visible.
        assert_eq!(t("\u{1b}[2J"), "\\\\u{1b}\\[2J");
    }
}
