//! The rule for space, which every pane follows.
//!
//! A row or label is made of parts. Some parts tell it apart from its
//! neighbours: who, and about what (the actor and the target of a
//! reaction, the speaker of a quote, the name of an approach). Others say
//! what every row says (a stance word beside its symbol, an actor's kind,
//! a proponent the name already mentions) or are long text that can be
//! cut (a quotation). When room runs short, in this order:
//!
//! 1. common parts that can go, go: on every row of a list alike, or,
//!    for words at the end of a row (a stance word after the names, the
//!    symbol and colour at the start say it too), on the rows they do
//!    not fit;
//! 2. distinguishing parts switch to the data's short label
//!    (`short = "EU AI Act"`), designed to name who in a few characters;
//! 3. long text is cut, with `…`, to leave the distinguishing parts
//!    whole;
//! 4. only then are the distinguishing parts cut, each keeping its start
//!    (where the who is), never one dropped for another.
//!
//! Wide terminals therefore show everything, full names and all; narrow
//! ones lose the common part first and the distinguishing part last. A
//! part shared by every row of a list (the filter's name, when every
//! reaction listed is to it) is common: its pane says it once, in the
//! title, and the rows treat it as optional. Tall panes give each row
//! several lines (`layout::row_lines`) for more of its text or detail.
//! The stance map (`views::map_labels`), the tab bar (`layout::tabs`) and
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
/// Steps 1 and 2 apply to every row as soon as one row needs them, so
/// a list reads alike from top to bottom (not one row with the stance
/// word and the next without); steps 3 and 4 are per row.
pub fn fit_rows<'a>(mut rows: Vec<Vec<Part<'a>>>, max: usize) -> Vec<Line<'a>> {
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
    // 2. Key parts take their short labels.
    if any_over(&rows) {
        for p in rows.iter_mut().flatten() {
            if let Some(short) = p.short.take() {
                p.text = short;
            }
        }
    }
    rows.into_iter().map(|parts| cut(parts, max)).collect()
}

/// Steps 3 and 4 for one row (trailing parts go first, on this row).
fn cut(mut parts: Vec<Part<'_>>, max: usize) -> Line<'_> {
    if total(&parts) > max {
        parts.retain(|p| p.role != Role::Trailing);
    }
    // 3. Long text is cut to what the rest leaves.
    if total(&parts) > max {
        let rest: usize = parts
            .iter()
            .filter(|p| p.role != Role::Long)
            .map(|p| width(&p.text))
            .sum();
        let longs = parts.iter().filter(|p| p.role == Role::Long).count().max(1);
        // Each long part keeps a few characters and its `…` at least.
        let each = (max.saturating_sub(rest) / longs).max(4);
        for p in parts.iter_mut().filter(|p| p.role == Role::Long) {
            p.text = Cow::Owned(truncate(&p.text, each).into_owned());
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
}
