//! The student worksheet and the teacher's answer key, in Markdown. They
//! share their numbering: part 1 asks "who said it?" of the quotes in a
//! fixed shuffled order, part 2 places the approaches on an empty map,
//! part 3 asks where each actor stands, part 4 which sources disagree and
//! on what (the quiz's four kinds), part 5 leaves room for the discussion
//! questions. The worksheet gives no answers; the key gives
//! each, with the reason from the data.

use std::fmt::Write as _;

use super::lesson::{self, SourceRefs};
use super::markdown::{axes_legend, cell, t};
use crate::data::{Dataset, Stance};

/// Lines left to write an answer on, per discussion question.
const ANSWER_LINES: usize = 2;
const WRITE_HERE: &str = "______________________________________________________________________";

pub fn worksheet(d: &Dataset) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Worksheet: {}\n", t(&d.dataset.title));
    let _ = writeln!(
        w,
        "Name: ______________________________ Date: ______________\n"
    );
    super::markdown::objectives(w, d);
    who_said_it(w, d, None);
    map(w, d, false);
    stances(w, d, false);
    disagreements(w, d, false);
    discussion(w, d, false);
    out
}

pub fn key(d: &Dataset) -> String {
    let refs = SourceRefs::new(d);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Answer key: {}\n", t(&d.dataset.title));
    let _ = writeln!(
        w,
        "For the teacher. The parts and numbers are those of `stances export --format worksheet`, which also states the learning objectives.\n"
    );
    who_said_it(w, d, Some(&refs));
    map(w, d, true);
    stances(w, d, true);
    disagreements(w, d, true);
    discussion(w, d, true);
    super::markdown::sources(w, d, &refs);
    out
}

/// The worksheet as one printable web page.
pub fn worksheet_html(d: &Dataset) -> String {
    let title = format!("Worksheet: {}", d.dataset.title);
    super::print::page(&title, lang(d), "worksheet", &worksheet(d))
}

/// The answer key as one printable web page.
pub fn key_html(d: &Dataset) -> String {
    let title = format!("Answer key: {}", d.dataset.title);
    super::print::page(&title, lang(d), "key", &key(d))
}

fn lang(d: &Dataset) -> &str {
    d.dataset.language.as_deref().unwrap_or("en")
}

/// Part 1. With `refs` (the key) each quote gets its speaker, context and
/// source; without (the worksheet) a line to write the speaker's mark on.
fn who_said_it(w: &mut String, d: &Dataset, refs: Option<&SourceRefs>) {
    if d.quotes.is_empty() {
        return;
    }
    let speakers = lesson::worksheet_speakers(d);
    let _ = writeln!(w, "## 1. Who said it?\n");
    if refs.is_none() {
        let _ = writeln!(
            w,
            "Write the speaker's mark (S1, S2, …) under each quote. A mark may be used more than once.\n"
        );
        for (i, s) in speakers.iter().enumerate() {
            let _ = writeln!(w, "- {}. {}", lesson::speaker_mark(i), t(s));
        }
        let _ = writeln!(w);
    }
    for (n, &i) in lesson::worksheet_quotes(d).iter().enumerate() {
        let q = &d.quotes[i];
        let frag = if q.fragment { " (phrase)" } else { "" };
        match refs {
            None => {
                let _ = writeln!(
                    w,
                    "{}. \u{201c}{}\u{201d}{frag}   Speaker: ______\n",
                    n + 1,
                    t(&q.text)
                );
            }
            Some(refs) => {
                let _ = writeln!(w, "{}. \u{201c}{}\u{201d}{frag}\n", n + 1, t(&q.text));
                let label = lesson::speaker_label(d, &q.speaker);
                let mark = speakers
                    .iter()
                    .position(|s| *s == label)
                    .map_or_else(|| "?".to_string(), lesson::speaker_mark);
                let _ = writeln!(
                    w,
                    "   **{mark}. {}**{}\n",
                    t(&lesson::attribution(d, q, refs)),
                    q.context
                        .as_deref()
                        .map(|c| format!(" \u{2014} {}", t(c)))
                        .unwrap_or_default()
                );
                // Other sources' words for the same statement, once, for
                // part 4's claims about its wording.
                for j in d.other_renderings(i) {
                    let other = &d.quotes[j];
                    let _ = writeln!(
                        w,
                        "   {} renders it: \u{201c}{}\u{201d}\n",
                        t(&refs.of(&other.source)),
                        t(&other.text)
                    );
                }
            }
        }
    }
}

/// Ticks of the empty grid: every half step from -1 to +1, as labelled.
const TICKS: [&str; 5] = ["-1", "-0.5", "0", "+0.5", "+1"];
/// Columns per half step across, rows per quarter step up.
const CELL: usize = 10;
/// The width of the tick labels left of the grid.
const GUTTER: usize = 5;

/// An empty grid of the map's first two axes, to mark letters on: a
/// tick every half step on its border, labelled on the left and below,
/// the axes' ends beside the top and bottom rows and below the ticks.
fn empty_grid(w: &mut String, d: &Dataset) {
    let (ax, ay) = (&d.axes[0], &d.axes[1]);
    let wide = CELL * (TICKS.len() - 1) + 1;
    let mid = wide / 2;
    let _ = writeln!(w, "```");
    // The arrow over the vertical axis, the axis's name before it.
    let name = g(&ay.name);
    let mut title = " ".repeat((GUTTER + mid).saturating_sub(crate::text::width(&name) + 1));
    title.push_str(&format!("{name} \u{2191}"));
    let _ = writeln!(w, "{}", title.trim_end());
    // Rows from +1 down to -1, a quarter step each.
    let rows = 2 * (TICKS.len() - 1) + 1;
    for r in 0..rows {
        let edge = r == 0 || r + 1 == rows;
        let on_tick = r % 2 == 0;
        let label = if on_tick {
            TICKS[TICKS.len() - 1 - r / 2]
        } else {
            ""
        };
        let line: String = (0..wide)
            .map(|c| {
                let tick_col = c % CELL == 0;
                let border = c == 0 || c + 1 == wide;
                if edge || r == rows / 2 {
                    if tick_col { '+' } else { '-' }
                } else if border || c == mid {
                    if on_tick { '+' } else { '|' }
                } else {
                    ' '
                }
            })
            .collect();
        let end = match r {
            0 => format!(" +1 {}", g(&ay.high)),
            _ if r + 1 == rows => format!(" -1 {}", g(&ay.low)),
            _ => String::new(),
        };
        let _ = writeln!(w, "{label:>width$} {line}{end}", width = GUTTER - 1);
    }
    // The ticks across, each label centred under its mark.
    let mut under = vec![' '; GUTTER + wide + 2];
    for (i, t) in TICKS.iter().enumerate() {
        let at = (GUTTER + i * CELL).saturating_sub(t.len() / 2);
        for (k, ch) in t.chars().enumerate() {
            if let Some(slot) = under.get_mut(at + k) {
                *slot = ch;
            }
        }
    }
    let _ = writeln!(w, "{}", under.iter().collect::<String>().trim_end());
    let _ = writeln!(
        w,
        "{}-1 {}  \u{2190} {} \u{2192}  +1 {}",
        " ".repeat(GUTTER),
        g(&ax.low),
        g(&ax.name),
        g(&ax.high)
    );
    let _ = writeln!(w, "```\n");
}

/// Text inside the grid's code block: no Markdown escapes (a code block
/// prints them, "\\+1 global body"), only control characters made
/// harmless and backquotes kept from closing the block.
fn g(s: &str) -> String {
    crate::text::sanitize_line(s).replace('`', "'")
}

/// Part 2: the approaches, lettered. The worksheet has an empty grid and
/// blank cells; the key the positions and the full note.
fn map(w: &mut String, d: &Dataset, answers: bool) {
    let placed = lesson::placed(d);
    if placed.is_empty() {
        return;
    }
    let (ax, ay) = (&d.axes[0], &d.axes[1]);
    let _ = writeln!(w, "## 2. Place them on the map\n");
    axes_legend(w, d);
    if !answers {
        let _ = writeln!(
            w,
            "Mark each letter on the grid, fill in your two numbers (from -1 to +1), and give one reason.\n"
        );
        empty_grid(w, d);
    }
    let _ = writeln!(
        w,
        "| | Approach or actor | {} | {} | Why? |\n|---|---|---:|---:|---|",
        cell(&ax.name),
        cell(&ay.name)
    );
    for (i, p) in placed.iter().enumerate() {
        let described = match d.approaches.iter().find(|a| a.id == p.id) {
            // The short summary where the data has one: the table leaves
            // room to write the two numbers and a reason.
            Some(a) if !answers => format!(
                "{}: {}",
                a.name,
                a.short_summary.as_deref().unwrap_or(&a.summary)
            ),
            _ => p.name.to_string(),
        };
        if answers {
            let _ = writeln!(
                w,
                "| {} | {} | {:+.1} | {:+.1} | {} |",
                lesson::letter(i),
                cell(&described),
                p.x,
                p.y,
                cell(p.note.unwrap_or(""))
            );
        } else {
            let _ = writeln!(w, "| {} | {} | | | |", lesson::letter(i), cell(&described));
        }
    }
    let _ = writeln!(w);
    if answers {
        let _ = writeln!(
            w,
            "Positions are an editorial reading of the source: accept a placement near these with a good reason.\n"
        );
    }
}

/// Part 3: each reaction's actor and target; the stance to circle, or
/// (in the key) the stance with what the actor did.
fn stances(w: &mut String, d: &Dataset, answers: bool) {
    if d.reactions.is_empty() {
        return;
    }
    let _ = writeln!(w, "## 3. Where does each actor stand?\n");
    let scale: Vec<String> = Stance::ALL
        .iter()
        .map(|s| format!("{} {}", s.symbol(), s.label()))
        .collect();
    if !answers {
        let _ = writeln!(w, "Circle one stance in each row: {}.\n", scale.join(", "));
    }
    // Items by their names, as on every sheet (lesson::target_label).
    if answers {
        // A numbered list, not a table: what each actor did takes the
        // room, and a name in a narrow column would break mid-quote.
        for (n, r) in d.reactions.iter().enumerate() {
            let _ = writeln!(
                w,
                "{}. {} on {} \u{2014} **{} {}**: {}",
                n + 1,
                t(&d.name_of(&r.actor)),
                t(&lesson::target_label(d, &r.target)),
                r.stance.symbol(),
                r.stance.label(),
                t(&r.summary)
            );
        }
        let _ = writeln!(w);
        return;
    }
    let _ = writeln!(w, "| # | Actor | On | Stance |\n|---:|---|---|---|");
    for (n, r) in d.reactions.iter().enumerate() {
        let stance = {
            // Em spaces: room to circle one, kept in print and on screen.
            Stance::ALL
                .iter()
                .map(|s| s.symbol())
                .collect::<Vec<_>>()
                .join("\u{2003}\u{2003}")
        };
        let _ = writeln!(
            w,
            "| {} | {} | {} | {stance} |",
            n + 1,
            cell(&d.name_of(&r.actor)),
            cell(&lesson::target_label(d, &r.target))
        );
    }
    let _ = writeln!(w);
}

/// The seed of part 4's order: fixed, so the worksheet and the key agree.
const CLAIMS_SEED: u64 = 14;

/// Part 4: pairs of sources and a subject: whether the two give different
/// things, the same thing, or not both anything (a source that says
/// nothing does not differ from one that does: there is nothing to
/// compare). The worksheet asks; the key says which, with what each
/// source says.
fn disagreements(w: &mut String, d: &Dataset, answers: bool) {
    use crate::quiz::Verdict;
    let rows = crate::quiz::claim_rows(d, CLAIMS_SEED);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(w, "## 4. Which sources differ, and on what?\n");
    if answers {
        let _ = writeln!(w, "| # | Sources and subject | Answer |\n|---:|---|---|");
    } else {
        let _ = writeln!(
            w,
            "Compare what the two sources in each row give on the subject named; the explorer shows both (Timeline, key 4: each report's date; a quote's Detail: its other renderings). Valleynews.com is the article. Write Y if they give different dates or different words, N if they give the same, and \u{2013} if the dataset has nothing from one of them on it: then there is nothing to compare.\n"
        );
        let _ = writeln!(
            w,
            "| # | Sources and subject | Y / N / \u{2013} |\n|---:|---|---|"
        );
    }
    let asked = lesson::worksheet_quotes(d);
    for (n, r) in rows.iter().enumerate() {
        // Where part 1 of the key prints every rendering of the statement,
        // a difference in its words points there instead of repeating them.
        let in_part_1 = r
            .quote
            .and_then(|q| asked.iter().position(|&i| i == q))
            .filter(|_| r.verdict == Verdict::Differ);
        let says = cell(&r.says.join("; "));
        let answer = match (answers, r.verdict, in_part_1) {
            (false, _, _) => String::new(),
            (true, Verdict::Differ, Some(p)) => format!(
                "**Y**: the two give it in other words (each rendering under part 1, quote {})",
                p + 1
            ),
            (true, Verdict::Differ, None) => format!("**Y**: {says}"),
            (true, Verdict::Same, _) => format!("**N**: {says}"),
            (true, Verdict::Silent, _) => {
                format!("**\u{2013}** (nothing to compare): {says}")
            }
        };
        let _ = writeln!(w, "| {} | {} | {answer} |", n + 1, cell(&r.claim));
    }
    let _ = writeln!(w);
}

/// Part 5: the dataset's discussion questions; on the worksheet with
/// lines to write on.
fn discussion(w: &mut String, d: &Dataset, answers: bool) {
    if d.questions.is_empty() {
        return;
    }
    let _ = writeln!(w, "## 5. Discuss\n");
    if answers {
        // The questions are on the worksheet the teacher holds; the key
        // has no answers to them, only what to look for.
        let which = match d.questions.len() {
            1 => "The question is".to_string(),
            n => format!("Questions 1\u{2013}{n} are"),
        };
        let _ = writeln!(
            w,
            "{which} open: look for answers that use the source, the map and the quotes.\n"
        );
        return;
    }
    for (n, q) in d.questions.iter().enumerate() {
        let _ = writeln!(w, "{}. {}\n", n + 1, t(&q.text));
        for _ in 0..ANSWER_LINES {
            let _ = writeln!(w, "   {WRITE_HERE}\n");
        }
    }
}
