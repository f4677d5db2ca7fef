//! Text from datasets on its way to a terminal.
//!
//! Data is written by people and fetched from the internet, so any string
//! from it may carry escape sequences, C1 controls or bidi overrides. Every
//! printer and every widget passes data through [`escape_control`] (or
//! [`sanitize_line`]) so that nothing from a file can start a terminal
//! sequence or reorder what the user sees.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Characters that reorder text invisibly: the bidi embeddings, overrides
/// and isolates the checker refuses (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that must never reach a terminal raw: C0 and C1 controls
/// (including ESC and CSI's U+009B), DEL and the bidi controls.
/// Newline and tab are handled by the caller, which knows whether the
/// output is multi-line.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// Characters of Unicode's "format" category (Cf): invisible marks that
/// join, hide or reorder what is around them (zero-width spaces and
/// joiners, the left-to-right and right-to-left marks, the byte order
/// mark, soft hyphens, tag characters). Harmless in a quote, where they
/// are part of the text, but not in a name a person chose to stand for
/// them on someone else's screen.
pub fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Replace every unsafe character with a visible `\u{..}` escape. Newlines
/// and tabs are kept.
pub fn escape_control(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// As [`escape_control`], and also fold newlines and tabs into spaces, for
/// text that must stay on one line (table cells, list rows).
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) || c == '\n' || c == '\t') {
        return Cow::Borrowed(s);
    }
    let escaped = escape_control(s);
    Cow::Owned(escaped.replace(['\n', '\t'], " "))
}

/// The most characters of one piece of data text that a frame draws:
/// more than any screen holds (300 columns by 100 rows is 30,000 cells),
/// so a quote of 10 MB on one line costs each frame what a screenful does.
pub const MAX_DRAWN_CHARS: usize = 65_536;

/// `s` cut to its first `max` characters (all of it when shorter).
pub fn head_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// [`sanitize_line`] for the screen: at most [`MAX_DRAWN_CHARS`]
/// characters of `s`, with `…` when cut, so that the work of a frame does
/// not grow with the data.
pub fn screen_line(s: &str) -> Cow<'_, str> {
    let head = head_chars(s, MAX_DRAWN_CHARS);
    if head.len() == s.len() {
        return sanitize_line(s);
    }
    Cow::Owned(format!("{}…", sanitize_line(head)))
}

/// Display width in terminal cells (CJK counts two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cut `s` to at most `max` cells, ending with `…` when it was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    // Measure no further than needed: a cell holds at least one
    // character, so past `max` characters the text is surely too wide
    // (a 10 MB line is not measured whole to show 80 cells of it).
    let head = head_chars(s, max.saturating_add(1));
    if head.len() == s.len() && width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Cut `s` to at most `max` cells between words, ending with `…` when
/// it was cut: for a title, where half a word reads as a different word
/// ("wher…"). Empty when not even the first word fits, so the caller can
/// leave the space blank rather than show a fragment.
pub fn truncate_words(s: &str, max: usize) -> Cow<'_, str> {
    if let whole @ Cow::Borrowed(_) = truncate(s, max) {
        return whole;
    }
    // The longest run of whole words that leaves a cell for the `…`,
    // without the punctuation that ended it ("WAIC 2025:" → "WAIC 2025…").
    let mut best: Option<&str> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            let head = s[..i].trim_end_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c));
            if width(head) + 1 > max {
                break;
            }
            if !head.is_empty() {
                best = Some(head);
            }
        }
    }
    match best {
        Some(head) => Cow::Owned(format!("{head}…")),
        None => Cow::Borrowed(""),
    }
}

/// Pad `s` with spaces to `cells` display cells.
pub fn pad(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Wrapped `lines` kept to `rows`: when some are left over, the last one
/// kept is cut between words and ends in `…`, so a reader sees that there
/// is more rather than a sentence stopping mid-way.
pub fn keep_rows(mut lines: Vec<String>, rows: usize, width: usize) -> Vec<String> {
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let cut = truncate_words(last, width.saturating_sub(1));
            *last = format!("{}…", cut.trim_end_matches('…').trim_end());
        }
    }
    lines
}

/// Word-wrap `s` to lines of at most `max` cells. Explicit newlines are
/// kept; a word longer than a line (or a run of CJK, which has no spaces)
/// is broken between characters.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let w = width(word);
            let gap = usize::from(used > 0);
            if used + gap + w <= max {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w <= max {
                line.push_str(word);
                used = w;
                continue;
            }
            for c in word.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > max && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// "1 reaction", "2 reactions": a count with its noun agreeing.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_rows_end_in_an_ellipsis_between_words() {
        let lines = vec![
            "one two".to_string(),
            "three four".to_string(),
            "five".to_string(),
        ];
        assert_eq!(keep_rows(lines.clone(), 3, 10), lines);
        assert_eq!(keep_rows(lines, 2, 10), ["one two", "three…"]);
    }

    #[test]
    fn titles_are_cut_between_words() {
        let title = "WAIC 2025: who stands where on governing AI";
        assert_eq!(truncate_words(title, 60), title);
        assert_eq!(truncate_words(title, 27), "WAIC 2025: who stands…");
        assert_eq!(truncate_words(title, 12), "WAIC 2025…");
        assert_eq!(truncate_words(title, 5), "WAIC…");
        assert_eq!(truncate_words(title, 4), "");
        assert_eq!(truncate_words("Übersicht", 4), "");
    }

    #[test]
    fn escapes_escape_sequences_c1_and_bidi() {
        assert_eq!(escape_control("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_control("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(escape_control("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape_control("bell\u{7}"), "bell\\u{7}");
        assert_eq!(
            escape_control("keeps\nlines\tand tabs"),
            "keeps\nlines\tand tabs"
        );
        assert!(matches!(escape_control("plain 李强"), Cow::Borrowed(_)));
    }

    #[test]
    fn wraps_at_words_and_by_cells() {
        assert_eq!(wrap("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("李强李强李强", 5), ["李强", "李强", "李强"]);
        assert_eq!(wrap("", 5), [""]);
        for line in wrap("António Guterres made AI regulation a test", 7) {
            assert!(width(&line) <= 7, "{line}");
        }
    }

    #[test]
    fn one_line_folds_newlines() {
        assert_eq!(sanitize_line("a\nb\tc\r"), "a b c\\u{d}");
    }

    #[test]
    fn truncates_by_cells_not_bytes() {
        assert_eq!(truncate("李强李强", 5), "李强…");
        assert_eq!(truncate("António", 7), "António");
        assert_eq!(truncate("António Guterres", 8), "António…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(pad("李", 4), "李  ");
    }

    #[test]
    fn a_ten_megabyte_line_is_cut_to_a_screenful_before_any_work() {
        let huge = "word ".repeat(2_000_000);
        let shown = screen_line(&huge);
        assert_eq!(shown.chars().count(), MAX_DRAWN_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(screen_line("short"), "short");
        assert_eq!(truncate(&huge, 10), "word word…");
        assert_eq!(head_chars("añb", 2), "añ");
    }
}
