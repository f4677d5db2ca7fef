//! The handout as one self-contained web page a teacher can print or
//! project: inline CSS sized for two A4 or Letter pages, the stance map
//! drawn as inline SVG from the data, no scripts, no external files.
//! Every text from the data goes through [`esc`], so a dataset cannot add
//! markup, scripts or invisible reordering to the page.

use std::fmt::Write as _;

use super::lesson::{self, Placed, SourceRefs};
use crate::data::Dataset;
use crate::text::escape_control;

/// Data text as HTML text or attribute value: control and bidi
/// characters made visible (as on a terminal), then the five characters
/// HTML gives meaning to replaced by references.
pub fn esc(s: &str) -> String {
    let visible = escape_control(s);
    let mut out = String::with_capacity(visible.len());
    for c in visible.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(super) const STYLE: &str = "\
@page { size: A4; margin: 10mm 12mm; }
body { font: 9pt/1.27 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #111; max-width: 50em; margin: 1em auto; }
@media print { body { margin: 0; max-width: none; } }
h1 { font-size: 15pt; margin: 0 0 .3em; }
h2 { font-size: 10.5pt; margin: .6em 0 .25em; border-bottom: 1px solid #999; break-after: avoid; }
p, ul, ol, table, blockquote { margin: .25em 0 .45em; }
ul, ol { padding-left: 1.3em; }
li { margin: .1em 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .15em .35em; vertical-align: top; text-align: left; }
td.num { text-align: right; white-space: nowrap; }
table.positions th:first-child { width: 27%; }
blockquote { margin-left: .6em; padding-left: .6em; border-left: 3px solid #999; }
blockquote > p:first-child { break-inside: avoid; }
blockquote footer { break-before: avoid; }
h2 + p.note { break-after: avoid; }
blockquote p { margin: 0; }
blockquote > p:first-child { display: inline; }
blockquote footer { color: #333; display: inline; margin-left: .4em; }
blockquote p.note { margin: 0; }
figure { margin: .3em 0; text-align: center; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #333; }
.note { color: #333; font-size: 8.8pt; }
";

pub fn html(d: &Dataset) -> String {
    let refs = SourceRefs::new(d);
    let mut out = String::new();
    let w = &mut out;
    let lang = d.dataset.language.as_deref().unwrap_or("en");
    let _ = writeln!(
        w,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>",
        esc(lang),
        esc(&d.dataset.title)
    );
    let _ = writeln!(w, "<h1>{}</h1>", esc(&d.dataset.title));
    let _ = writeln!(
        w,
        "<p class=\"note\"><i>{}</i></p>",
        lesson::AFTER_THE_WORKSHEET
    );
    if let Some(s) = &d.dataset.summary {
        let _ = writeln!(w, "<p>{}</p>", esc(lesson::first_sentence(s)));
    }
    approaches(w, d);
    map(w, d);
    reactions(w, d);
    quotes(w, d, &refs);
    timeline(w, d, &refs);
    glossary(w, d);
    let questions: Vec<String> = d.questions.iter().map(|q| q.text.clone()).collect();
    list(w, "Questions for discussion", "ol", &questions);
    cite(w, d, &refs);
    let _ = writeln!(w, "</body>\n</html>");
    out
}

/// A heading and a plain list of data texts, when there are any.
fn list(w: &mut String, heading: &str, tag: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(w, "<h2>{heading}</h2>\n<{tag}>");
    for i in items {
        let _ = writeln!(w, "<li>{}</li>", esc(i));
    }
    let _ = writeln!(w, "</{tag}>");
}

fn glossary(w: &mut String, d: &Dataset) {
    if d.glossary.is_empty() {
        return;
    }
    let _ = writeln!(w, "<h2>Glossary</h2>\n<ul>");
    for g in &d.glossary {
        let _ = writeln!(
            w,
            "<li><b>{}</b>: {}</li>",
            esc(&g.term),
            esc(&lesson::short(
                &g.definition,
                super::markdown::GLOSSARY_WORDS
            ))
        );
    }
    let _ = writeln!(w, "</ul>");
}

fn approaches(w: &mut String, d: &Dataset) {
    if d.approaches.is_empty() {
        return;
    }
    let _ = writeln!(w, "<h2>Approaches</h2>\n<ul>");
    for a in &d.approaches {
        let _ = writeln!(
            w,
            "<li><b>{}</b>{}: {}</li>",
            esc(&a.name),
            esc(&lesson::approach_aside(d, a)),
            esc(&lesson::approach_summary(
                a,
                super::markdown::APPROACH_WORDS
            ))
        );
    }
    let _ = writeln!(w, "</ul>");
}

fn map(w: &mut String, d: &Dataset) {
    let placed = lesson::placed(d);
    if placed.is_empty() {
        return;
    }
    let (ax, ay) = (&d.axes[0], &d.axes[1]);
    let _ = writeln!(w, "<h2>The map</h2>");
    let _ = writeln!(w, "<figure>");
    svg(w, d, &placed);
    // The caption names only the marks drawn.
    let marks = if placed.iter().any(|p| !p.is_approach) {
        "Circles are approaches, squares actors."
    } else {
        "Circles are approaches (no actor has a position)."
    };
    let _ = writeln!(
        w,
        "<figcaption>{marks} Positions are an editorial reading of the source, not measurements.</figcaption>\n</figure>"
    );
    let _ = writeln!(w, "<ul class=\"note\">");
    for axis in &d.axes {
        let summary = axis
            .summary
            .as_deref()
            .map(|s| format!(" {}", esc(&lesson::short(s, super::markdown::AXIS_WORDS))))
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "<li><b>{}</b>, from -1 ({}) to +1 ({}).{summary}</li>",
            esc(&axis.name),
            esc(&axis.low),
            esc(&axis.high)
        );
    }
    let _ = writeln!(w, "</ul>");
    let _ = writeln!(
        w,
        "<table class=\"positions\">\n<tr><th>Item</th><th>{}</th><th>{}</th><th>Why, in short</th></tr>",
        esc(&ax.name),
        esc(&ay.name)
    );
    for (i, p) in placed.iter().enumerate() {
        let _ = writeln!(
            w,
            "<tr><td><b>{}</b> {}</td><td class=\"num\">{:+.1}</td><td class=\"num\">{:+.1}</td><td>{}</td></tr>",
            lesson::letter(i),
            esc(p.name),
            p.x,
            p.y,
            esc(&p
                .note
                .map(|n| lesson::short_note(n, super::markdown::NOTE_WORDS))
                .unwrap_or_default())
        );
    }
    let _ = writeln!(w, "</table>");
}

/// The plot's geometry, in SVG user units.
const SVG_W: f64 = 520.0;
const SVG_H: f64 = 226.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 500.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 186.0;
const FONT: f64 = 11.0;
/// A label's width, estimated: the page has no script to measure it.
const CHAR_W: f64 = 6.3;

fn px(v: f64) -> f64 {
    LEFT + (v.clamp(-1.0, 1.0) + 1.0) / 2.0 * (RIGHT - LEFT)
}

fn py(v: f64) -> f64 {
    BOTTOM - (v.clamp(-1.0, 1.0) + 1.0) / 2.0 * (BOTTOM - TOP)
}

/// A box on the plot: x, y, width, height.
type Box2 = (f64, f64, f64, f64);

fn overlaps(a: Box2, b: Box2) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// Where to put a label beside its point: the first of right, left,
/// below and above that stays inside the plot and clear of the points
/// and labels already placed (the last resort is the right).
fn place_label(x: f64, y: f64, width: f64, taken: &[Box2]) -> (f64, f64, &'static str) {
    let candidates = [
        (x + 8.0, y + FONT / 2.0 - 1.0, "start"),
        (x - 8.0, y + FONT / 2.0 - 1.0, "end"),
        (x, y + FONT + 7.0, "middle"),
        (x, y - 8.0, "middle"),
    ];
    let bounds = |(lx, ly, anchor): (f64, f64, &str)| -> Box2 {
        let left = match anchor {
            "start" => lx,
            "end" => lx - width,
            _ => lx - width / 2.0,
        };
        (left, ly - FONT, width, FONT + 2.0)
    };
    candidates
        .into_iter()
        .find(|&c| {
            let b = bounds(c);
            b.0 >= LEFT
                && b.0 + b.2 <= RIGHT
                && b.1 >= TOP
                && b.1 + b.3 <= BOTTOM
                && taken.iter().all(|t| !overlaps(b, *t))
        })
        .unwrap_or(candidates[0])
}

fn svg(w: &mut String, d: &Dataset, placed: &[Placed]) {
    let (ax, ay) = (&d.axes[0], &d.axes[1]);
    let _ = writeln!(
        w,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {SVG_W} {SVG_H}\" width=\"{SVG_W}\" height=\"{SVG_H}\" role=\"img\" aria-label=\"The stance map: {} across, {} up\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"{FONT}\">",
        esc(&ax.name),
        esc(&ay.name)
    );
    svg_frame(w, ax, ay);
    svg_points(w, placed);
    let _ = writeln!(w, "</svg>");
}

/// The plot's box, the axes through the origin, and the axes' ends and
/// names around it, outside the box so that no line runs through them
/// (the vertical axis's low end under its foot, between the other
/// axis's ends).
fn svg_frame(w: &mut String, ax: &crate::data::Axis, ay: &crate::data::Axis) {
    let (mx, my) = (px(0.0), py(0.0));
    let _ = writeln!(
        w,
        "<rect x=\"{LEFT}\" y=\"{TOP}\" width=\"{}\" height=\"{}\" fill=\"#fafafa\" stroke=\"#555\"/>",
        RIGHT - LEFT,
        BOTTOM - TOP
    );
    let _ = writeln!(
        w,
        "<line x1=\"{mx}\" y1=\"{TOP}\" x2=\"{mx}\" y2=\"{BOTTOM}\" stroke=\"#aaa\" stroke-dasharray=\"4 3\"/>\n<line x1=\"{LEFT}\" y1=\"{my}\" x2=\"{RIGHT}\" y2=\"{my}\" stroke=\"#aaa\" stroke-dasharray=\"4 3\"/>"
    );
    // Axis ends and names.
    let _ = writeln!(
        w,
        "<text x=\"{LEFT}\" y=\"{}\" text-anchor=\"start\">← {}</text>\n<text x=\"{RIGHT}\" y=\"{}\" text-anchor=\"end\">{} →</text>\n<text x=\"{mx}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
        BOTTOM + 15.0,
        esc(&ax.low),
        BOTTOM + 15.0,
        esc(&ax.high),
        BOTTOM + 30.0,
        esc(&ax.name)
    );
    let _ = writeln!(
        w,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">↑ {} · {}</text>\n<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">↓ {}</text>",
        mx,
        TOP - 8.0,
        esc(&ay.name),
        esc(&ay.high),
        mx,
        BOTTOM + 15.0,
        esc(&ay.low)
    );
}

/// The points (a circle for an approach, a square for an actor), each
/// labelled by the letter of its row in the positions table.
fn svg_points(w: &mut String, placed: &[Placed]) {
    // Points first, so that no label is placed over any of them.
    let mut taken: Vec<Box2> = placed
        .iter()
        .map(|p| (px(p.x) - 6.0, py(p.y) - 6.0, 12.0, 12.0))
        .collect();
    for p in placed {
        let (x, y) = (px(p.x), py(p.y));
        if p.is_approach {
            let _ = writeln!(
                w,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"#1f5fa8\"/>"
            );
        } else {
            let _ = writeln!(
                w,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"9\" height=\"9\" fill=\"#a8641f\"/>",
                x - 4.5,
                y - 4.5
            );
        }
    }
    // Each point by the letter of its row in the table below (and of the
    // worksheet's part 2): a name there is the item's one printed name,
    // which the map has no room for.
    for (i, p) in placed.iter().enumerate() {
        let (x, y) = (px(p.x), py(p.y));
        let label = lesson::letter(i).to_string();
        let width = crate::text::width(&label) as f64 * CHAR_W;
        let (lx, ly, anchor) = place_label(x, y, width, &taken);
        let left = match anchor {
            "start" => lx,
            "end" => lx - width,
            _ => lx - width / 2.0,
        };
        taken.push((left, ly - FONT, width, FONT + 2.0));
        let _ = writeln!(
            w,
            "<text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\">{}</text>",
            esc(&label)
        );
    }
}

fn reactions(w: &mut String, d: &Dataset) {
    let groups = lesson::by_stance(d);
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(w, "<h2>Reactions, by stance</h2>\n<ul>");
    for (stance, rs) in groups {
        let parts: Vec<String> = lesson::actors_by_target(d, &rs)
            .into_iter()
            .map(|(target, actors)| {
                format!(
                    "{} on <i>{}</i>",
                    esc(&lesson::and_list(&actors)),
                    esc(&target)
                )
            })
            .collect();
        let _ = writeln!(
            w,
            "<li><b>{} {}</b>: {}.</li>",
            esc(stance.symbol()),
            stance.label(),
            parts.join("; ")
        );
    }
    let _ = writeln!(w, "</ul>");
}

fn quotes(w: &mut String, d: &Dataset, refs: &SourceRefs) {
    if d.quotes.is_empty() {
        return;
    }
    let _ = writeln!(w, "<h2>Quotes</h2>");
    if let Some(legend) = lesson::marks_legend(d) {
        let _ = writeln!(w, "<p class=\"note\">{}</p>", esc(&legend));
    }
    for (i, q) in d.quotes.iter().enumerate() {
        // Later renderings of a statement are shown with the first one.
        if q.rendering_of.is_some() {
            continue;
        }
        let mut others = String::new();
        for j in d.other_renderings(i) {
            let other = &d.quotes[j];
            let _ = write!(
                others,
                "<p class=\"note\">{} renders it: \u{201c}{}\u{201d}</p>",
                refs.of(&other.source),
                esc(&other.text)
            );
        }
        let _ = writeln!(
            w,
            "<blockquote><p>\u{201c}{}\u{201d}{}</p><footer>\u{2014} {}</footer>{others}</blockquote>",
            paragraphs(&q.text),
            lesson::marks(q),
            esc(&lesson::attribution(d, q, refs))
        );
    }
}

/// A text's paragraphs (split at blank lines or newlines), escaped, as
/// the inside of one `<p>`: later paragraphs start their own.
fn paragraphs(text: &str) -> String {
    text.split('\n')
        .filter(|p| !p.trim().is_empty())
        .map(esc)
        .collect::<Vec<_>>()
        .join("</p><p>")
}

fn timeline(w: &mut String, d: &Dataset, refs: &SourceRefs) {
    if d.events.is_empty() {
        return;
    }
    let _ = writeln!(w, "<h2>Timeline</h2>\n<ul>");
    for e in lesson::timeline(d) {
        let place = e
            .place
            .as_deref()
            .map(|p| format!(", {}", esc(p)))
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "<li><b>{}</b> \u{2014} {}{place}{}</li>",
            esc(&e.date_label()),
            esc(&e.name),
            esc(&lesson::other_dates(e, refs))
        );
    }
    let _ = writeln!(w, "</ul>");
}

fn cite(w: &mut String, d: &Dataset, refs: &SourceRefs) {
    let _ = writeln!(w, "<h2>Source and how to cite</h2>");
    for s in &d.sources {
        let line = format!(
            "{} <i>{}</i>{}",
            refs.of(&s.id),
            esc(&s.title),
            lesson::source_tail(s, esc)
        );
        let _ = writeln!(w, "<p>{line}.</p>");
    }
    let _ = writeln!(w, "<p>Cite as: {}</p>", esc(&lesson::how_to_cite(d, refs)));
    if let Some(l) = &d.dataset.license {
        let _ = writeln!(w, "<p class=\"note\">Licence: {}</p>", esc(l));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\u{202e}b\u{1b}"), "a\\u{202e}b\\u{1b}");
    }

    #[test]
    fn labels_avoid_each_other() {
        let taken = [(100.0, 100.0, 80.0, 13.0)];
        // The right of (95, 105) is taken: the label goes elsewhere.
        let (x, y, anchor) = place_label(95.0, 105.0, 60.0, &taken);
        assert_ne!((x, y, anchor), (103.0, 109.5, "start"));
        assert_eq!(place_label(200.0, 200.0, 60.0, &[]).2, "start");
    }

    /// Issue 14 follow-up 5: every axis label sits outside the plot's
    /// box, so neither dashed axis nor the box runs through it.
    #[test]
    fn axis_labels_are_clear_of_the_lines() {
        let d = crate::data::load(None).unwrap().checked.dataset.unwrap();
        let mut w = String::new();
        svg_frame(&mut w, &d.axes[0], &d.axes[1]);
        let mut labels = 0;
        for line in w.lines().filter(|l| l.starts_with("<text")) {
            let y: f64 = line
                .split("y=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .and_then(|v| v.parse().ok())
                .unwrap();
            // A label's text spans FONT above its baseline.
            assert!(y < TOP || y - FONT > BOTTOM, "{line}");
            labels += 1;
        }
        assert_eq!(labels, 5);
    }
}
