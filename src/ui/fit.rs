//! The rule for space, which every pane follows.
//!
//! A row or label is made of parts. Some parts tell it apart from its
//! neighbours: who, and about what (the actor and the target of a
//! reaction, the speaker of a quote, the name of an approach). Others say
//! what every row says (a stance word beside its symbol, an actor's kind,
//! a proponent the name already mentions) or are long text that can be
//! cut (a quotation). When room runs short, in this order:
//!
//! 1. common parts that can go, go: on every row of a list alike (a
//!    reaction's stance word, which its symbol and colour also say: on
//!    some rows and not others it would read as a different stance), or,
//!    for notes at the end of a row that differ from row to row (where a
//!    search result matched), on the rows they do not fit;
//! 2. distinguishing parts switch to the data's short label
//!    (`short = "EU AI Act"`), designed to name who in a few characters;
//! 3. long text is cut, with `…`, to leave the distinguishing parts
//!    whole, but only down to half of what the fixed parts leave: below
//!    that, shared labels (a speaker several quotes share, the one target
//!    of every reaction listed) are cut first, each keeping its start;
//!    then long text is cut to what is left;
//! 4. only then are the distinguishing parts cut, each keeping its start
//!    (where the who is), never one dropped for another.
//!
//! A quote row is told from its neighbours by its words, not by its
//! speaker, who may have said the next five rows too: its words are the
//! long text that keeps half the row, its speaker a shared label.
//!
//! Wide terminals therefore show everything, full names and all; narrow
//! ones lose the common part first and the distinguishing part last. A
//! part shared by every row of a list (the filter's name, when every
//! reaction listed is to it) is common: its pane says it once, in the
//! title, and the rows treat it as optional. Tall panes give each row
//! several lines (`layout::row_lines`) for more of its text or detail.
//! The stance map (`layout::map_labels`), the tab bar (`layout::tabs`) and
//! the footer (`keymap::footer`) follow the same rule with their own
//! parts.

//! Data reaches list rows through [`Part::data`] and [`Part::key`], which
//! escape control and bidi characters and fold newlines (`text`'s
//! chokepoint); [`Part::plain`] is for the interface's own words.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{screen_line, truncate, width};

/// What a part is for, which decides when it gives way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Says who, or about what: last to go, never dropped.
    Key,
    /// Said by every row alike and kept: a symbol, a separator.
    Fixed,
    /// Said by every row alike and dropped first when short of room.
    Optional,
    /// At the end of a row, kept on the rows it fits (it sits after the
    /// key parts, so rows still line up).
    Trailing,
    /// Long text (a quotation) cut before any key part is.
    Long,
    /// Says who or about what, but several rows say the same (a quote's
    /// speaker, the one target of every reaction listed): it takes its
    /// short label with the key parts, and is cut before long text goes
    /// below half the row.
    Shared,
}

/// One part of a row.
#[derive(Debug, Clone)]
pub struct Part<'a> {
    pub text: Cow<'a, str>,
    /// A shorter text for a key part (the data's `short`), if any.
    pub short: Option<Cow<'a, str>>,
    pub style: Style,
    pub role: Role,
}

impl<'a> Part<'a> {
    /// Text from data: made safe for one line.
    pub fn data(text: &'a str, role: Role, style: Style) -> Part<'a> {
        Part {
            text: screen_line(text),
            short: None,
            style,
            role,
        }
    }

    /// Text of our own (symbols, separators, words of the interface).
    pub fn plain(text: impl Into<Cow<'a, str>>, role: Role, style: Style) -> Part<'a> {
        Part {
            text: text.into(),
            short: None,
            style,
            role,
        }
    }

    /// A key part with its short label from data.
    pub fn key(text: &'a str, short: &'a str, style: Style) -> Part<'a> {
        let short = (short != text).then(|| screen_line(short));
        Part {
            text: screen_line(text),
            short,
            style,
            role: Role::Key,
        }
    }
}

impl Part<'_> {
    /// The same part, owning its text (for parts built from temporaries).
    pub fn owned(self) -> Part<'static> {
        Part {
            text: Cow::Owned(self.text.into_owned()),
            short: self.short.map(|s| Cow::Owned(s.into_owned())),
            style: self.style,
            role: self.role,
        }
    }
}

fn total(parts: &[Part]) -> usize {
    parts.iter().map(|p| width(&p.text)).sum()
}

/// The parts laid out in `max` columns by the rule above.
pub fn fit<'a>(parts: Vec<Part<'a>>, max: usize) -> Line<'a> {
    fit_rows(vec![parts], max).pop().unwrap_or_default()
}

/// The rows of one list laid out in `max` columns by the rule above.
/// Steps 1 and 2 apply to every row as soon as one row needs them (for
/// step 2, a row with a short label to take), so
/// a list reads alike from top to bottom (not one row with the stance
/// word and the next without); steps 3 and 4 are per row.
pub fn fit_rows<'a>(rows: Vec<Vec<Part<'a>>>, max: usize) -> Vec<Line<'a>> {
    fit_list(rows, max, Shorten::List)
}

/// As [`fit_rows`], but a name takes its short label on every row as soon
/// as one row that needs it names it, and other names keep theirs: for
/// lines of a list where one name recurs (a speaker of several quotes),
/// so a person is named one way in the list, and a name whose rows fit
/// is not shortened for another's.
pub fn fit_rows_by_name<'a>(rows: Vec<Vec<Part<'a>>>, max: usize) -> Vec<Line<'a>> {
    fit_list(rows, max, Shorten::Name)
}

/// Which rows take short labels in step 2.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shorten {
    /// Every row, when one row needs it.
    List,
    /// Only rows that need it.
    Row,
    /// Every row's parts with a name one row that needs it has.
    Name,
}

/// As [`fit_rows`], but each row takes its short labels only if it needs
/// them: for a list of rows of every kind (the Detail's links: a member,
/// a long quote), where one row that does not fit is no reason to
/// shorten a name that does.
pub fn fit_rows_each_short<'a>(rows: Vec<Vec<Part<'a>>>, max: usize) -> Vec<Line<'a>> {
    fit_list(rows, max, Shorten::Row)
}

fn fit_list<'a>(mut rows: Vec<Vec<Part<'a>>>, max: usize, mode: Shorten) -> Vec<Line<'a>> {
    // Trailing parts go row by row in `cut`: they decide nothing here.
    let any_over = |rows: &[Vec<Part>]| {
        rows.iter().any(|r| {
            r.iter()
                .filter(|p| p.role != Role::Trailing)
                .map(|p| width(&p.text))
                .sum::<usize>()
                > max
        })
    };
    // 1. Optional parts go.
    if any_over(&rows) {
        for parts in &mut rows {
            parts.retain(|p| p.role != Role::Optional);
        }
    }
    // 2. Key parts take their short labels, when a row over the width
    // has one to take (a row of long text with no short label, a quote
    // in a list of links, would only cost the others their full names).
    let over_with_short = rows.iter().any(|r| {
        r.iter().any(|p| p.short.is_some())
            && r.iter()
                .filter(|p| p.role != Role::Trailing)
                .map(|p| width(&p.text))
                .sum::<usize>()
                > max
    });
    // The names with a short label on rows over the width.
    let over_names: Vec<String> = rows
        .iter()
        .filter(|r| {
            r.iter()
                .filter(|p| p.role != Role::Trailing)
                .map(|p| width(&p.text))
                .sum::<usize>()
                > max
        })
        .flatten()
        .filter(|p| p.short.is_some())
        .map(|p| p.text.to_string())
        .collect();
    if over_with_short && mode == Shorten::Name {
        for p in rows.iter_mut().flatten() {
            if over_names.iter().any(|n| *n == p.text)
                && let Some(short) = p.short.take()
            {
                p.text = short;
            }
        }
    } else if over_with_short {
        for parts in &mut rows {
            let over = parts
                .iter()
                .filter(|p| p.role != Role::Trailing)
                .map(|p| width(&p.text))
                .sum::<usize>()
                > max;
            if mode == Shorten::List || over {
                for p in parts.iter_mut() {
                    if let Some(short) = p.short.take() {
                        p.text = short;
                    }
                }
            }
        }
    }
    rows.into_iter().map(|parts| cut(parts, max)).collect()
}

/// Each long part cut to `each` columns (its `…` included).
fn cut_long(parts: &mut [Part<'_>], each: usize) {
    for p in parts.iter_mut().filter(|p| p.role == Role::Long) {
        if width(&p.text) > each {
            p.text = Cow::Owned(truncate(&p.text, each).into_owned());
        }
    }
}

/// Steps 3 and 4 for one row (trailing parts go first, on this row).
fn cut(mut parts: Vec<Part<'_>>, max: usize) -> Line<'_> {
    if total(&parts) > max {
        parts.retain(|p| p.role != Role::Trailing);
    }
    // 3. Long text is cut to what the rest leaves, but not below half
    // of what the fixed parts leave while a shared label can give way.
    if total(&parts) > max {
        let longs = parts.iter().filter(|p| p.role == Role::Long).count();
        let width_of = |parts: &[Part], roles: &[Role]| -> usize {
            parts
                .iter()
                .filter(|p| roles.contains(&p.role))
                .map(|p| width(&p.text))
                .sum()
        };
        let fixed = total(&parts) - width_of(&parts, &[Role::Long, Role::Shared]);
        if let Some(floor) = max.saturating_sub(fixed).checked_div(2 * longs) {
            let rest = total(&parts) - width_of(&parts, &[Role::Long]);
            let each = (max.saturating_sub(rest) / longs).max(floor).max(4);
            cut_long(&mut parts, each);
        }
        // Shared labels give way, the widest first, each keeping a few
        // characters and its `…`.
        while total(&parts) > max {
            let Some(widest) = parts
                .iter_mut()
                .filter(|p| p.role == Role::Shared && width(&p.text) > 4)
                .max_by_key(|p| width(&p.text))
            else {
                break;
            };
            let w = width(&widest.text);
            widest.text = Cow::Owned(truncate(&widest.text, w - 1).into_owned());
        }
        if total(&parts) > max {
            let rest = total(&parts) - width_of(&parts, &[Role::Long]);
            if let Some(each) = max.saturating_sub(rest).checked_div(longs) {
                cut_long(&mut parts, each.max(4));
            }
        }
    }
    // 4. Key parts are cut, the widest first, each keeping its start.
    while total(&parts) > max {
        let Some(widest) = parts
            .iter_mut()
            .filter(|p| p.role == Role::Key && width(&p.text) > 4)
            .max_by_key(|p| width(&p.text))
        else {
            break;
        };
        let w = width(&widest.text);
        widest.text = Cow::Owned(truncate(&widest.text, w - 1).into_owned());
    }
    let line = Line::from(
        parts
            .into_iter()
            .map(|p| Span::styled(p.text, p.style))
            .collect::<Vec<_>>(),
    );
    // Whatever still does not fit (a very narrow pane) is cut at the end.
    crate::ui::widgets::fit(line, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name is shortened on every line once one line needs it, and only
    /// that name: a tall pane read "— Li Qiang" on one row and "— Li" on
    /// the next; "Baidu representative" is not shortened for Li.
    #[test]
    fn by_name_shortens_one_name_everywhere_and_no_other() {
        let st = Style::new();
        let row = |text: &'static str, who: &'static str, short: &'static str| {
            vec![
                Part::plain(text, Role::Fixed, st),
                Part::plain(" — ", Role::Fixed, st),
                Part::key(who, short, st),
            ]
        };
        let rows = vec![
            row("a long line of words", "Li Qiang", "Li"),
            row("short", "Li Qiang", "Li"),
            row("short", "Baidu representative", "Baidu rep."),
        ];
        let shown: Vec<String> = fit_rows_by_name(rows, 30)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(
            shown,
            [
                "a long line of words — Li",
                "short — Li",
                "short — Baidu representative"
            ]
        );
    }

    fn reaction(max: usize) -> String {
        let s = Style::default();
        let line = fit(
            vec![
                Part::plain("+ ", Role::Fixed, s),
                Part::key("France", "France", s),
                Part::plain(" → ", Role::Fixed, s),
                Part::key(
                    "International AI cooperation body (China)",
                    "China's global body",
                    s,
                ),
                Part::plain(" · leans support", Role::Trailing, s),
            ],
            max,
        );
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn common_parts_go_first_and_who_and_what_last() {
        assert_eq!(
            reaction(80),
            "+ France → International AI cooperation body (China) · leans support"
        );
        assert_eq!(
            reaction(60),
            "+ France → International AI cooperation body (China)"
        );
        assert_eq!(reaction(40), "+ France → China's global body");
        assert_eq!(
            reaction(46),
            "+ France → China's global body · leans support"
        );
        // Narrower still: both ends keep their start.
        let narrow = reaction(22);
        assert!(narrow.starts_with("+ France → China"), "{narrow}");
        assert!(width(&narrow) <= 22);
        let tiny = reaction(16);
        assert!(tiny.contains("Fr") && tiny.contains("→ Ch"), "{tiny}");
    }

    #[test]
    fn a_quotation_is_cut_before_its_speaker() {
        let s = Style::default();
        let line = fit(
            vec![
                Part::plain("“", Role::Fixed, s),
                Part::plain(
                    "cannot be left to the whims of markets alone",
                    Role::Long,
                    s,
                ),
                Part::plain("”", Role::Fixed, s),
                Part::plain(" — ", Role::Fixed, s),
                Part::key("United Nations", "UN", s),
            ],
            30,
        );
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        // The speaker's short label, whole; the quotation cut.
        assert!(text.ends_with("…” — UN"), "{text}");
        assert!(width(&text) <= 30);
    }

    fn quote(text: &str, speaker: &str, short: &str, max: usize) -> String {
        let s = Style::default();
        let mut who = Part::key(speaker, short, s);
        who.role = Role::Shared;
        let line = fit(
            vec![
                Part::plain("“", Role::Fixed, s),
                Part::plain(text.to_string(), Role::Long, s),
                Part::plain("”", Role::Fixed, s),
                Part::plain(" — ", Role::Fixed, s),
                who,
            ],
            max,
        );
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_quotation_keeps_half_the_row_before_a_shared_speaker_is_cut() {
        let words = "AI governance remains dispersed. Countries differ greatly";
        // Room for both: the speaker's short label, the words cut.
        assert_eq!(
            quote(words, "Li Qiang", "Li", 24),
            "“AI governance re…” — Li"
        );
        // A speaker with no shorter label keeps it while the words have
        // half of what the marks leave ((24 - 5) / 2 = 9)...
        assert_eq!(
            quote(words, "Baidu rep.", "Baidu rep.", 24),
            "“AI gover…” — Baidu rep."
        );
        // ...and beyond that gives way, keeping its start.
        let long = quote(words, "Paris AI Summit", "Paris summit", 24);
        assert_eq!(long, "“AI gover…” — Paris sum…");
        assert!(width(&long) <= 24);
        // Wide: everything whole.
        assert_eq!(
            quote("exclusive game", "Li Qiang", "Li", 40),
            "“exclusive game” — Li Qiang"
        );
    }

    #[test]
    fn a_shared_target_gives_way_before_the_actor() {
        let s = Style::default();
        let mut target = Part::key(
            "International AI cooperation body (China)",
            "China's global body",
            s,
        );
        target.role = Role::Shared;
        let line = fit(
            vec![
                Part::plain("-  ", Role::Fixed, s),
                Part::key("Western policymakers", "Western policymakers", s),
                Part::plain(" → ", Role::Fixed, s),
                target,
            ],
            28,
        );
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        // The target every row shares keeps only its start before the
        // actor, who tells this row from the next, is cut.
        assert_eq!(text, "-  Western policymak… → Chi…");
    }

    #[test]
    fn a_long_row_without_a_short_label_leaves_the_others_their_names() {
        let s = Style::default();
        let rows = fit_rows(
            vec![
                vec![
                    Part::plain("member: ", Role::Fixed, s),
                    Part::key("Li Qiang", "Li", s),
                ],
                vec![
                    Part::plain("quote: ", Role::Fixed, s),
                    Part::data("“AI governance remains dispersed.”", Role::Key, s),
                ],
            ],
            20,
        );
        let text: String = rows[0].spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "member: Li Qiang");
    }
}
