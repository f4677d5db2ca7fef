//! The search screen: the query field with its count and hints, ranked
//! results with the matched characters highlighted, and a preview of the
//! selected quote.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{App, Cursor, LineInput};
use crate::layout;
use crate::text::{screen_line, width};

use super::panes::detail;
use super::theme::Theme;
use super::widgets::{PaneList, Window, pane_block};

const PROMPT: &str = " / ";

pub fn render(app: &App, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let Some(search) = &app.search else { return };
    let l = layout::search(body);
    field(app, search, theme, l.input, buf);
    results(app, search, theme, l.results, buf);
    preview(app, search, theme, l.preview, buf);
}

/// The field: prompt, text, hints, and the count on the right.
fn field(app: &App, search: &crate::app::Search, theme: &Theme, input: Rect, buf: &mut Buffer) {
    let total = app.corpus.data.quotes.len();
    let mut right = format!("{} of {total} ", search.hits.len());
    if !app.corpus.index.is_ready() {
        right = format!("indexing for search… {right}");
    } else if !search.done {
        right = format!("searching… {right}");
    }
    let mut spans = vec![
        Span::styled(PROMPT, theme.key),
        Span::styled(field_text(&search.input, input.width).0, theme.base),
    ];
    for hint in &search.query.hints {
        spans.push(Span::styled(format!("  ({hint})"), theme.note));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let pad = usize::from(input.width).saturating_sub(used + width(&right));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(right, theme.muted));
    super::widgets::fit(Line::from(spans), usize::from(input.width)).render(input, buf);
}

/// The results: only the visible rows are built, whatever the hit count.
fn results(app: &App, search: &crate::app::Search, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let total = app.corpus.data.quotes.len();
    let rows_visible = layout::inner_height(area);
    let cursor = search.cursor;
    let inner_width = usize::from(area.width.saturating_sub(4));
    let lines = layout::search_row_lines(area, search.hits.len());
    let mut rows = Vec::new();
    let mut more = Vec::new();
    for hit in search
        .hits
        .iter()
        .skip(cursor.offset)
        .take(rows_visible / lines)
    {
        if lines == 1 {
            rows.push(result_row(app, theme, hit.quote as usize, inner_width));
        } else {
            let mut row = result_lines(app, theme, hit.quote as usize, inner_width, lines);
            let first = if row.is_empty() {
                Line::default()
            } else {
                row.remove(0)
            };
            rows.push(first);
            more.push(row);
        }
    }
    let title = Line::from(format!(
        " Quotes · {} of {total} · Enter opens ",
        search.hits.len()
    ));
    PaneList {
        block: pane_block(theme, title, true),
        rows,
        cursor: Cursor {
            selected: cursor.selected.saturating_sub(cursor.offset),
            offset: 0,
        },
        focused: true,
        empty: if search.done {
            "No quote matches. Remove a word or shorten one (Backspace deletes)."
        } else {
            "Searching…"
        },
        window: Some(Window {
            first: cursor.offset,
            total: search.hits.len(),
        }),
        lines,
        more,
    }
    .render(area, buf, theme);
}

/// The selected result's quote in full, when there is room beside the
/// results.
fn preview(app: &App, search: &crate::app::Search, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let cursor = search.cursor;
    if !area.is_empty() {
        let block = pane_block(theme, Line::from(" Preview "), false);
        block.render(area, buf);
        if let Some(hit) = search.hits.get(cursor.selected) {
            let id = &app.corpus.data.quotes[hit.quote as usize].id;
            let inner = crate::layout::padded_inner(area);
            detail::render_text(app, theme, id, inner, buf, 0);
        }
    }
}

/// Where the terminal cursor goes: in the field, at the edit point.
pub fn cursor(app: &App, body: Rect) -> Option<Position> {
    let search = app.search.as_ref()?;
    let l = layout::search(body);
    let (_, column) = field_text(&search.input, l.input.width);
    let x = l.input.x as usize + width(PROMPT) + column;
    let x = u16::try_from(x)
        .unwrap_or(u16::MAX)
        .min(l.input.right().saturating_sub(1));
    Some(Position::new(x, l.input.y))
}

/// The query as shown, and the column of the cursor in it: all of it when
/// it fits, else a window that keeps the cursor in view, with `…` where
/// text is cut off at the start.
fn field_text(input: &LineInput, field_width: u16) -> (String, usize) {
    let room = usize::from(field_width).saturating_sub(width(PROMPT) + 12);
    let text = screen_line(input.text());
    if width(&text) <= room {
        return (text.into_owned(), input.cursor_column());
    }
    let scroll = input.scroll(room);
    let mut shown = String::new();
    let (mut column, mut used) = (0, 0);
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if column >= scroll && used + w <= room {
            shown.push(c);
            used += w;
        }
        column += w;
    }
    let cursor = input.cursor_column() - scroll;
    if scroll > 0 {
        // The first column shown says there is more before it.
        let mut rest = shown.chars();
        let first = rest.next().map_or(0, |c| {
            unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
        });
        shown = format!("…{}{}", " ".repeat(first.saturating_sub(1)), rest.as_str());
    }
    (shown, cursor)
}

/// A result: the quote with its matched characters marked, then the
/// speaker, and where it matched when not in either. A match far into a
/// long quote is brought into view. By the rule for space (`ui::fit`)
/// the quotation is cut first: who said it and where it matched stay.
fn result_row<'a>(app: &App, theme: &Theme, quote: usize, room: usize) -> Line<'a> {
    let Some(search) = &app.search else {
        return Line::default();
    };
    let q = &app.corpus.data.quotes[quote];
    let marks = app.corpus.index.highlight(quote, &search.query);
    let matched = theme.key.add_modifier(Modifier::UNDERLINED);
    // The tail: the speaker (marked), and the field that matched.
    let tail = |short: bool, value_room: usize| -> Vec<Span<'a>> {
        let mut spans = vec![Span::styled("\u{201d} — ", theme.muted)];
        let short_name = app.corpus.data.short_name_of(&q.speaker);
        if short && marks.speaker.is_empty() {
            spans.push(Span::styled(
                screen_line(&short_name).into_owned(),
                theme.muted,
            ));
        } else {
            let name: Vec<char> = app.corpus.data.name_of(&q.speaker).chars().collect();
            spans.extend(marked(&name, &marks.speaker, 0, theme.muted, matched));
        }
        // Matched in neither the text nor the name: say where, with the
        // matched letters of that field marked.
        if marks.text.is_empty() && marks.speaker.is_empty() {
            for f in &marks.other {
                spans.push(Span::styled(format!(" · in {}: ", f.field), theme.note));
                let value: Vec<char> = f.value.chars().collect();
                let first = f.positions.first().copied().unwrap_or(0);
                // From the start of the word a few before the match.
                let mut start = first.saturating_sub(12);
                while start > 0 && !value[start - 1].is_whitespace() {
                    start -= 1;
                }
                let mut field = Vec::new();
                if start > 0 {
                    field.push(Span::styled("…", theme.muted));
                }
                field.extend(marked(
                    &value[start..],
                    &f.positions,
                    start,
                    theme.muted,
                    matched,
                ));
                spans.extend(super::widgets::fit(Line::from(field), value_room).spans);
            }
        }
        spans
    };
    let spans_width = |s: &[Span]| s.iter().map(|s| width(&s.content)).sum::<usize>();
    let mut end = tail(false, room);
    if spans_width(&end) + 16 > room {
        end = tail(true, room / 3);
    }
    let avail = room.saturating_sub(spans_width(&end));
    let mut spans = vec![Span::styled("\u{201c}", theme.quotation)];
    let text: Vec<char> = q.text.chars().collect();
    // When the matched letters would run off the right edge, start a few
    // characters before the first of them instead.
    let first = marks.text.first().copied().unwrap_or(0);
    let last = marks.text.last().map_or(0, |l| l + 1).min(text.len());
    let start = if width(&text[..last].iter().collect::<String>()) + 2 > avail && first > 8 {
        spans.push(Span::styled("…", theme.muted));
        first.saturating_sub(8)
    } else {
        0
    };
    spans.extend(marked(
        &text[start..],
        &marks.text,
        start,
        theme.quotation,
        matched,
    ));
    let mut spans = super::widgets::fit(Line::from(spans), avail.max(2)).spans;
    spans.extend(end);
    Line::from(spans)
}

/// A result on `lines` lines of `room` cells: the quote wrapped at words
/// with its matched characters marked, then who said it and where it
/// matched when not in either, as on one line. What does not fit is
/// the quote's end (cut with `…`); lines left over say the quote's
/// context, unless the tail already shows where it matched in it.
fn result_lines<'a>(
    app: &App,
    theme: &Theme,
    quote: usize,
    room: usize,
    lines: usize,
) -> Vec<Line<'a>> {
    let Some(search) = &app.search else {
        return Vec::new();
    };
    let q = &app.corpus.data.quotes[quote];
    let marks = app.corpus.index.highlight(quote, &search.query);
    let matched = theme.key.add_modifier(Modifier::UNDERLINED);
    let room = room.max(1);
    let (tail, shows_context) = tail_cells(app, theme, q, &marks, room);

    // The quote: from its start, or a few words before the first match
    // when the last would fall past what the lines hold.
    let text: Vec<char> = q.text.chars().collect();
    let holds = (room * lines).saturating_sub(cells(&tail) + 4);
    let start = quote_start(&text, &marks.text, holds);
    // No more of a long quote is looked at than the lines could show.
    let end = text.len().min(start + room * lines + 1);
    let mut head: Vec<(char, Style)> = Vec::new();
    push_plain(&mut head, "\u{201c}", theme.quotation);
    if start > 0 {
        push_plain(&mut head, "…", theme.muted);
    }
    let opening = head.len();
    push_marked(
        &mut head,
        &text[start..end],
        &marks.text,
        start,
        theme.quotation,
        matched,
    );
    let whole = end == text.len();
    let joined = |cut: Option<usize>| {
        let mut all: Vec<(char, Style)> = head[..cut.unwrap_or(head.len())].to_vec();
        if cut.is_some() {
            all.push(('…', theme.quotation));
        }
        all.extend_from_slice(&tail);
        wrap_cells(&all, room)
    };
    let mut wrapped = joined((!whole).then_some(head.len()));
    if wrapped.len() > lines || !whole {
        let cut = quote_cut(&head, opening, |cut| joined(Some(cut)).len() <= lines);
        wrapped = joined(Some(cut));
    }
    let mut out: Vec<Line<'a>> = wrapped
        .iter()
        .take(lines)
        .map(|l| super::widgets::fit(spans_of(l), room))
        .collect();
    if let Some(context) = q
        .context
        .as_ref()
        .filter(|_| out.len() < lines && !shows_context)
    {
        out.extend(super::widgets::wrapped(
            context,
            room,
            lines - out.len(),
            theme.note,
        ));
    }
    out
}

/// A result's tail, as styled cells: the speaker, marked where matched,
/// and, when neither the quote nor the speaker matched, the fields that
/// did; with whether one of them is the context.
fn tail_cells(
    app: &App,
    theme: &Theme,
    q: &crate::data::Quote,
    marks: &crate::search::Highlight,
    room: usize,
) -> (Vec<(char, Style)>, bool) {
    let matched = theme.key.add_modifier(Modifier::UNDERLINED);
    let mut tail: Vec<(char, Style)> = Vec::new();
    // The speaker's name is not broken across lines, nor parted from the
    // closing mark: its spaces do not break (drawn as spaces).
    push_plain(&mut tail, "\u{201d}\u{a0}—\u{a0}", theme.muted);
    let name: Vec<char> = app
        .corpus
        .data
        .name_of(&q.speaker)
        .chars()
        .map(|c| if c == ' ' { '\u{a0}' } else { c })
        .collect();
    push_marked(&mut tail, &name, &marks.speaker, 0, theme.muted, matched);
    let mut shows_context = false;
    if marks.text.is_empty() && marks.speaker.is_empty() {
        for f in &marks.other {
            shows_context |= f.field == "context";
            push_plain(&mut tail, &format!(" · in {}: ", f.field), theme.note);
            let value: Vec<char> = f.value.chars().collect();
            let first = f.positions.first().copied().unwrap_or(0);
            let mut start = first.saturating_sub(24);
            while start > 0 && !value[start - 1].is_whitespace() {
                start -= 1;
            }
            if start > 0 {
                push_plain(&mut tail, "…", theme.muted);
            }
            // A field value is shown no longer than a line.
            let end = value.len().min(start + room);
            push_marked(
                &mut tail,
                &value[start..end],
                &f.positions,
                start,
                theme.muted,
                matched,
            );
            if end < value.len() {
                push_plain(&mut tail, "…", theme.muted);
            }
        }
    }
    (tail, shows_context)
}

/// Where to start showing a quote of which `holds` characters fit: at its
/// start, or a few words before the first match when the last would fall
/// past what fits.
fn quote_start(text: &[char], marks: &[usize], holds: usize) -> usize {
    let first = marks.first().copied().unwrap_or(0);
    let last = marks.last().map_or(0, |l| l + 1).min(text.len());
    let mut start = 0;
    if text.len() > holds && last > holds && first > 8 {
        start = first - 8;
        while start > 0 && !text[start - 1].is_whitespace() {
            start -= 1;
        }
    }
    start
}

/// The most of the quote `head` (its first `opening` characters are the
/// opening marks) that `fits` with the tail, cut at a word where one ends near: `fits`
/// turns false as more is kept, so the boundary is searched.
fn quote_cut(head: &[(char, Style)], opening: usize, fits: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (opening, head.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    // Cut at a word where one ends near.
    let mut cut = lo;
    while cut > opening && cut + 12 > lo && !head[cut - 1].0.is_whitespace() {
        cut -= 1;
    }
    if cut == opening || cut + 12 <= lo {
        cut = lo;
    }
    while cut > opening && head[cut - 1].0.is_whitespace() {
        cut -= 1;
    }
    cut
}

/// Cells of styled characters.
fn cells(chars: &[(char, Style)]) -> usize {
    chars
        .iter()
        .map(|(c, _)| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0))
        .sum()
}

/// `s` as styled characters, escaped like any data text.
fn push_plain(out: &mut Vec<(char, Style)>, s: &str, style: Style) {
    out.extend(screen_line(s).chars().map(|c| (c, style)));
}

/// `chars` as styled characters, the ones at `positions` (offset by
/// `base`) in `hit` style; each escaped like any data text, so the
/// wrapping measures what is drawn.
fn push_marked(
    out: &mut Vec<(char, Style)>,
    chars: &[char],
    positions: &[usize],
    base: usize,
    plain: Style,
    hit: Style,
) {
    for (i, c) in chars.iter().enumerate() {
        let style = if positions.binary_search(&(base + i)).is_ok() {
            hit
        } else {
            plain
        };
        let mut one = [0; 4];
        push_plain(out, c.encode_utf8(&mut one), style);
    }
}

/// Styled characters wrapped at spaces to lines of `max` cells; a word
/// longer than a line is broken between characters.
fn wrap_cells(chars: &[(char, Style)], max: usize) -> Vec<Vec<(char, Style)>> {
    let mut lines: Vec<Vec<(char, Style)>> = Vec::new();
    let mut line: Vec<(char, Style)> = Vec::new();
    for word in chars.split_inclusive(|(c, _)| *c == ' ') {
        let bare = word.strip_suffix(&[(' ', word[word.len() - 1].1)][..]);
        let w = cells(bare.unwrap_or(word));
        if !line.is_empty() && cells(&line) + w > max {
            while line.last().is_some_and(|(c, _)| *c == ' ') {
                line.pop();
            }
            lines.push(std::mem::take(&mut line));
        }
        for &cell in word {
            let cw = unicode_width::UnicodeWidthChar::width(cell.0).unwrap_or(0);
            if !line.is_empty() && cells(&line) + cw > max && cell.0 != ' ' {
                lines.push(std::mem::take(&mut line));
            }
            if !(line.is_empty() && cell.0 == ' ' && !lines.is_empty()) {
                line.push(cell);
            }
        }
    }
    while line.last().is_some_and(|(c, _)| *c == ' ') {
        line.pop();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Styled characters as spans, one a run of the same style.
fn spans_of<'a>(chars: &[(char, Style)]) -> Line<'a> {
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut run = String::new();
    let mut style = None;
    for &(c, s) in chars {
        if style != Some(s) && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                style.unwrap_or_default(),
            ));
        }
        style = Some(s);
        run.push(if c == '\u{a0}' { ' ' } else { c });
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, style.unwrap_or_default()));
    }
    Line::from(spans)
}

/// Runs of `chars` as spans, the ones at `positions` (offset by `base`) in
/// `hit` style. Each char is escaped like any data text.
fn marked<'a>(
    chars: &[char],
    positions: &[usize],
    base: usize,
    plain: Style,
    hit: Style,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_is_hit = false;
    for (i, c) in chars.iter().enumerate() {
        let is_hit = positions.binary_search(&(base + i)).is_ok();
        if is_hit != run_is_hit && !run.is_empty() {
            let style = if run_is_hit { hit } else { plain };
            spans.push(Span::styled(
                screen_line(&std::mem::take(&mut run)).into_owned(),
                style,
            ));
        }
        run_is_hit = is_hit;
        run.push(*c);
    }
    if !run.is_empty() {
        let style = if run_is_hit { hit } else { plain };
        spans.push(Span::styled(screen_line(&run).into_owned(), style));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_exactly_the_given_positions() {
        let chars: Vec<char> = "António".chars().collect();
        let hit = Style::new().add_modifier(Modifier::BOLD);
        let spans = marked(&chars, &[0, 3], 0, Style::new(), hit);
        let shown: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hit))
            .collect();
        assert_eq!(
            shown,
            [("A", true), ("nt", false), ("ó", true), ("nio", false)]
        );
    }
}
