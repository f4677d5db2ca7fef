//! A classroom handout: what a teacher prints and hands out. Two printed
//! pages for the shipped dataset (a test counts its words), so it keeps
//! to what a lesson needs: the approaches, the map's positions with a
//! one-line reason each, reactions by stance, the quotes with short
//! citations, the timeline, the glossary, discussion questions, and how
//! to cite. The source's full title is printed once; citations point at
//! it as `[1]`.

use std::fmt::Write as _;

use super::lesson::{self, SourceRefs};
use crate::data::Dataset;
use crate::text::escape_control;

/// Data text as Markdown that stays text, whatever it holds: terminal-safe
/// first, then every character that can open Markdown or HTML syntax
/// anywhere in a line is backslash-escaped (CommonMark allows that for
/// any ASCII punctuation), so `<script>`, an unclosed `<!--`, `</details>`
/// and `[text](javascript:...)` are shown as written, never run or linked.
/// Each line of the text is also defused at its start, so a newline in the
/// data cannot begin a heading (`#`, a line of `=` or `-`), a list, a
/// quote block or an indented code block.
pub(super) fn t(s: &str) -> String {
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
pub(super) fn cell(s: &str) -> String {
    t(s).replace('\n', " ")
}

/// An aside after a name (" (regional)"), escaped as data text: [`t`]
/// drops a line's leading space, so the space is put back here.
fn aside(s: &str) -> String {
    match s.trim_start() {
        "" => String::new(),
        rest => format!(" {}", t(rest)),
    }
}

/// Text as a blockquote: every line of it, blank ones included, stays
/// inside the quote (a bare blank line would end the blockquote).
pub(super) fn blockquote(text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out
}

/// How many words the handout gives each kind of text (cut at a clause,
/// see [`lesson::short`]): what keeps it to two printed pages.
pub(super) const APPROACH_WORDS: usize = 24;
pub(super) const AXIS_WORDS: usize = 14;
pub(super) const GLOSSARY_WORDS: usize = 12;
/// Per sentence of a position note: one sentence per axis.
pub(super) const NOTE_WORDS: usize = 8;

pub fn markdown(d: &Dataset) -> String {
    let refs = SourceRefs::new(d);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# {}\n", t(&d.dataset.title));
    let _ = writeln!(w, "*{}*\n", lesson::AFTER_THE_WORKSHEET);
    if let Some(s) = &d.dataset.summary {
        let _ = writeln!(w, "{}\n", t(lesson::first_sentence(s)));
    }
    approaches(w, d);
    positions(w, d);
    reactions(w, d);
    quotes(w, d, &refs);
    timeline(w, d, &refs);
    glossary(w, d);
    questions(w, d);
    cite(w, d, &refs);
    out
}

pub(super) fn objectives(w: &mut String, d: &Dataset) {
    if d.dataset.objectives.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Learning objectives\n");
    for o in &d.dataset.objectives {
        let _ = writeln!(w, "- {}", t(o));
    }
    let _ = writeln!(w);
}

fn glossary(w: &mut String, d: &Dataset) {
    if d.glossary.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Glossary\n");
    for g in &d.glossary {
        let _ = writeln!(
            w,
            "- **{}**: {}",
            t(&g.term),
            t(&lesson::short(&g.definition, GLOSSARY_WORDS))
        );
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

fn approaches(w: &mut String, d: &Dataset) {
    if d.approaches.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Approaches\n");
    for a in &d.approaches {
        let _ = writeln!(
            w,
            "- **{}**{}: {}",
            t(&a.name),
            aside(&lesson::approach_aside(d, a)),
            t(&lesson::approach_summary(a, APPROACH_WORDS))
        );
    }
    let _ = writeln!(w);
}

pub(super) fn axes_legend(w: &mut String, d: &Dataset) {
    for axis in &d.axes {
        let summary = axis
            .summary
            .as_deref()
            .map(|s| format!(" {}", t(&lesson::short(s, AXIS_WORDS))))
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "- **{}**, from -1 ({}) to +1 ({}).{summary}",
            t(&axis.name),
            t(&axis.low),
            t(&axis.high)
        );
    }
    let _ = writeln!(w);
}

fn positions(w: &mut String, d: &Dataset) {
    let placed = lesson::placed(d);
    if placed.is_empty() {
        return;
    }
    let _ = writeln!(w, "## The map\n");
    let _ = writeln!(
        w,
        "Positions are an editorial reading of the source, not measurements.\n"
    );
    axes_legend(w, d);
    let (ax, ay) = (&d.axes[0], &d.axes[1]);
    let _ = writeln!(
        w,
        "| Item | {} | {} | Why, in short |\n|---|---:|---:|---|",
        cell(&ax.name),
        cell(&ay.name)
    );
    for p in placed {
        let _ = writeln!(
            w,
            "| {} | {:+.1} | {:+.1} | {} |",
            cell(p.name),
            p.x,
            p.y,
            cell(
                &p.note
                    .map(|n| lesson::short_note(n, NOTE_WORDS))
                    .unwrap_or_default()
            )
        );
    }
    let _ = writeln!(w);
}

fn reactions(w: &mut String, d: &Dataset) {
    let groups = lesson::by_stance(d);
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Reactions, by stance\n");
    for (stance, rs) in groups {
        let parts: Vec<String> = lesson::actors_by_target(d, &rs)
            .into_iter()
            .map(|(target, actors)| {
                format!("{} on *{}*", t(&lesson::and_list(&actors)), t(&target))
            })
            .collect();
        let _ = writeln!(
            w,
            "- **{} {}**: {}.",
            stance.symbol(),
            stance.label(),
            parts.join("; ")
        );
    }
    let _ = writeln!(w);
}

fn quotes(w: &mut String, d: &Dataset, refs: &SourceRefs) {
    if d.quotes.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Quotes\n");
    if let Some(legend) = lesson::marks_legend(d) {
        let _ = writeln!(w, "{legend}\n");
    }
    for (i, q) in d.quotes.iter().enumerate() {
        // Later renderings of a statement are shown with the first one.
        if q.rendering_of.is_some() {
            continue;
        }
        let text = format!("\u{201c}{}\u{201d}{}", t(&q.text), lesson::marks(q));
        let _ = write!(w, "{}", blockquote(&text));
        let _ = writeln!(w, ">\n> \u{2014} {}", t(&lesson::attribution(d, q, refs)));
        for j in d.other_renderings(i) {
            let other = &d.quotes[j];
            let _ = writeln!(w, ">");
            let _ = write!(
                w,
                "{}",
                blockquote(&format!(
                    "{} renders it: \u{201c}{}\u{201d}",
                    t(&refs.of(&other.source)),
                    t(&other.text)
                ))
            );
        }
        let _ = writeln!(w);
    }
}

fn timeline(w: &mut String, d: &Dataset, refs: &SourceRefs) {
    if d.events.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Timeline\n");
    for e in lesson::timeline(d) {
        let place = e
            .place
            .as_deref()
            .map(|p| format!(", {}", t(p)))
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "- **{}** \u{2014} {}{place}{}",
            e.date_label(),
            t(&e.name),
            aside(&lesson::other_dates(e, refs))
        );
    }
    let _ = writeln!(w);
}

pub(super) fn cite(w: &mut String, d: &Dataset, refs: &SourceRefs) {
    let _ = writeln!(w, "## Source and how to cite\n");
    source_list(w, d, refs);
    let _ = writeln!(w, "Cite as: {}\n", t(&lesson::how_to_cite(d, refs)));
    licence(w, d);
}

/// The sources that `[1]`, `[2]` point to, and the licence: for the key,
/// which the teacher keeps and does not cite.
pub(super) fn sources(w: &mut String, d: &Dataset, refs: &SourceRefs) {
    let _ = writeln!(w, "## Sources\n");
    source_list(w, d, refs);
    licence(w, d);
}

fn licence(w: &mut String, d: &Dataset) {
    if let Some(l) = &d.dataset.license {
        let _ = writeln!(w, "Licence: {}", t(l));
    }
}

fn source_list(w: &mut String, d: &Dataset, refs: &SourceRefs) {
    for s in &d.sources {
        let line = format!(
            "{} *{}*{}",
            t(&refs.of(&s.id)),
            t(&s.title),
            lesson::source_tail(s, t)
        );
        let _ = writeln!(w, "{line}.\n");
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
