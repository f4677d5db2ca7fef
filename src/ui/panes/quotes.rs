use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::{App, Pane};
use crate::data::relations::{self, Concern, QuoteVia};
use crate::layout;
use crate::text::{screen_line, width, wrap};
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{fitted_title, fitting, visible_rows};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.corpus.data;
    let len = app.explore.quote_rows.len();
    let lines = layout::row_lines(area, len);
    let (range, shown) = visible_rows(app.cursor(Pane::Quotes), len, area);
    let concern = app.explore.filter.as_ref().map(|f| Concern::new(d, f));
    // How the rows concern the filter, and whether one speaker said them
    // all: what every row shares is said once, in the title.
    // A row may concern it in two ways (by a member, and about it): the
    // way every row shares goes in the title, the others on their rows.
    let vias: Vec<Vec<QuoteVia>> = concern
        .as_ref()
        .map(|c| {
            app.explore
                .quote_rows
                .iter()
                .map(|&i| c.quote_all(i))
                .collect()
        })
        .unwrap_or_default();
    let shared = super::shared(&vias);
    let one_speaker = one_speaker(app);
    let (titles, named) = titles(app, shared, one_speaker);
    let cursor = app.cursor(Pane::Quotes);
    // Only a title that fits says who: the bare "Quotes" does not.
    let speaker_in_title =
        named && fitting(&titles, cursor, len, area.width).is_some_and(|i| i + 1 < titles.len());
    let room = usize::from(area.width.saturating_sub(4));
    let rows = app.explore.quote_rows[range.clone()]
        .iter()
        .map(|&i| {
            let q = &d.quotes[i];
            let mut tail = tail(app, theme, q, speaker_in_title);
            if let Some(c) = concern.as_ref() {
                let rest = c.quote_all(i).into_iter().filter(|v| Some(*v) != shared);
                let how = relations::words(rest.map(QuoteVia::label));
                tail.extend(super::also_part(how, shared.is_some(), theme));
            }
            if lines > 1 {
                // The title names the one speaker: the rows need not.
                if speaker_in_title {
                    tail.retain(|p| p.role != Role::Optional);
                }
                return spread(theme, &q.text, tail, room, lines);
            }
            let mut parts = vec![
                Part::plain("\u{201c}", Role::Fixed, theme.quotation),
                Part::data(&q.text, Role::Long, theme.quotation),
            ];
            parts.extend(tail);
            vec![parts]
        })
        .collect::<Vec<_>>();
    let (rows, more) = fit_lines(rows, room);
    super::list(
        app,
        theme,
        Pane::Quotes,
        fitted_title(&titles, cursor, len, area.width),
        super::Rows {
            first: range.start,
            total: len,
            shown,
            lines,
            rows,
            more,
        },
        if app.explore.filter.is_some() {
            "No quotes concern this. Esc shows all."
        } else {
            "No quotes in this dataset."
        },
    )
    .render(area, buf, theme);
}

/// Every line of every row fitted as one list, so a speaker is named
/// alike on all of them: a tall pane mixed "— Li Qiang" on rows that fit
/// with "— Li" on rows cut on a later line. Only the names a row needs
/// shortened are: "Baidu representative" keeps its words beside "— Li".
/// Returns each row's first line, and its lines after the first.
fn fit_lines<'a>(
    rows: Vec<Vec<Vec<Part<'a>>>>,
    room: usize,
) -> (Vec<Line<'a>>, Vec<Vec<Line<'a>>>) {
    let counts: Vec<usize> = rows.iter().map(Vec::len).collect();
    let mut fitted = fit::fit_rows_by_name(rows.into_iter().flatten().collect(), room).into_iter();
    let mut first = Vec::new();
    let mut more = Vec::new();
    for n in counts {
        first.push(fitted.next().unwrap_or_default());
        more.push(fitted.by_ref().take(n.saturating_sub(1)).collect());
    }
    (first, more)
}

/// The one speaker of every row, if one said them all.
fn one_speaker(app: &App) -> Option<&str> {
    let d = &app.corpus.data;
    app.explore
        .quote_rows
        .first()
        .map(|&i| d.quotes[i].speaker.as_str())
        .filter(|s| {
            app.explore
                .quote_rows
                .iter()
                .all(|&i| d.quotes[i].speaker == *s)
        })
}

/// A quote row's tail: its closing mark and who said it. A quote is told
/// from the next by its words: the speaker, who may have said several of
/// the rows, is a shared label that gives way before the words go below
/// half the row (see `ui::fit`); when the title names the one speaker of
/// them all, the rows need not.
fn tail(
    app: &App,
    theme: &Theme,
    q: &crate::data::Quote,
    speaker_in_title: bool,
) -> Vec<Part<'static>> {
    let d = &app.corpus.data;
    let speaker_role = if speaker_in_title {
        Role::Optional
    } else {
        Role::Shared
    };
    let dash_role = if speaker_in_title {
        Role::Optional
    } else {
        Role::Fixed
    };
    let (speaker, short) = (d.name_of(&q.speaker), d.short_name_of(&q.speaker));
    let mut who = Part::key(&speaker, &short, theme.muted).owned();
    who.role = speaker_role;
    vec![
        Part::plain("\u{201d}", Role::Fixed, theme.quotation),
        Part::plain(" — ", dash_role, theme.muted),
        who,
    ]
}

/// A quote over `lines` lines of `room` columns: the quotation wrapped at
/// words, then `tail` (its closing mark, the speaker); when it does not
/// all fit, the last line cuts the quotation and keeps the tail whole.
/// Returns each line's parts, to be fitted with the other rows' lines.
fn spread(
    theme: &Theme,
    text: &str,
    tail: Vec<Part<'static>>,
    room: usize,
    lines: usize,
) -> Vec<Vec<Part<'static>>> {
    let text = format!("\u{201c}{}", screen_line(text));
    let wrapped = wrap(&text, room);
    // What goes on the rows it fits (an extra relation) decides nothing.
    let tail_width: usize = tail
        .iter()
        .filter(|p| p.role != Role::Trailing)
        .map(|p| width(&p.text))
        .sum();
    let mut out: Vec<Vec<Part<'static>>> = Vec::new();
    let fits_whole =
        wrapped.len() <= lines && wrapped.last().is_none_or(|l| width(l) + tail_width <= room);
    if fits_whole {
        let n = wrapped.len();
        let full: usize = tail.iter().map(|p| width(&p.text)).sum();
        // What goes on the rows it fits takes a line of its own when
        // there is one to spare.
        let own_line = n < lines && wrapped.last().is_some_and(|l| width(l) + full > room);
        let (mut tail, trailing): (Vec<_>, Vec<_>) = if own_line {
            tail.into_iter().partition(|p| p.role != Role::Trailing)
        } else {
            (tail, Vec::new())
        };
        for (k, l) in wrapped.into_iter().enumerate() {
            let mut parts = vec![Part::plain(l, Role::Fixed, theme.quotation)];
            if k + 1 == n {
                parts.append(&mut tail);
            }
            out.push(parts);
        }
        if !trailing.is_empty() {
            let mut trailing = trailing;
            if let Some(first) = trailing.first_mut() {
                first.text = std::borrow::Cow::Owned(first.text.trim_start().to_string());
            }
            out.push(trailing);
        }
    } else if wrapped.len() < lines {
        // The text fits with its closing mark; who said it goes on a
        // line of its own.
        for l in wrapped {
            out.push(vec![Part::plain(l, Role::Fixed, theme.quotation)]);
        }
        let mut tail = tail.into_iter();
        if let (Some(last), Some(mark)) = (out.last_mut(), tail.next()) {
            last.push(mark);
        }
        let mut rest: Vec<Part<'static>> = tail.collect();
        if let Some(dash) = rest.first_mut() {
            dash.text = std::borrow::Cow::Owned(dash.text.trim_start().to_string());
        }
        out.push(rest);
    } else {
        for l in wrapped[..lines - 1].iter() {
            out.push(vec![Part::plain(l.clone(), Role::Fixed, theme.quotation)]);
        }
        let rest = wrapped[lines - 1..].join(" ");
        let mut last = vec![Part::plain(rest, Role::Long, theme.quotation)];
        last.extend(tail);
        out.push(last);
    }
    out
}

/// The pane's title, longest first, and whether it names the one speaker
/// of every row.
fn titles(app: &App, shared: Option<QuoteVia>, one_speaker: Option<&str>) -> (Vec<String>, bool) {
    let d = &app.corpus.data;
    let Some(focus) = &app.explore.filter else {
        return (vec!["Quotes".into()], false);
    };
    let f = d.name_of(focus.id());
    let fs = d.short_name_of(focus.id());
    let (mut out, named) = match (shared, one_speaker) {
        (Some(QuoteVia::By), _) => (
            vec![format!("Quotes by {f}"), format!("Quotes by {fs}")],
            true,
        ),
        (Some(QuoteVia::ByMember), Some(s)) => {
            let (s, ss) = (d.name_of(s), d.short_name_of(s));
            (
                vec![
                    format!("Quotes by {s}, member of {f}"),
                    format!("Quotes by {ss}, member of {fs}"),
                    format!("Quotes by {s}"),
                    format!("Quotes by {ss}"),
                ],
                true,
            )
        }
        (Some(QuoteVia::ByMember), None) => (
            vec![
                format!("Quotes by members of {f}"),
                format!("Quotes by members of {fs}"),
            ],
            false,
        ),
        (Some(QuoteVia::About), _) => (
            vec![format!("Quotes about {f}"), format!("Quotes about {fs}")],
            false,
        ),
        (Some(QuoteVia::AboutMember), _) => (
            vec![
                format!("Quotes about members of {f}"),
                format!("Quotes about members of {fs}"),
            ],
            false,
        ),
        (Some(QuoteVia::Cited), _) => (
            vec![
                format!("Quotes cited by reactions to {f}"),
                format!("Quotes cited by reactions to {fs}"),
            ],
            false,
        ),
        (None, _) => (
            vec![
                format!("Quotes concerning {f}"),
                format!("Quotes concerning {fs}"),
            ],
            false,
        ),
    };
    // A name with no short label would give the same title twice.
    out.dedup();
    out.push("Quotes".into());
    (out, named)
}
