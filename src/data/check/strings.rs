//! The rule for every string in a file: not empty, and nothing that could
//! reach a terminal as a control or bidi character.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use crate::data::diagnostic::{Diagnostic, Kind};

/// "quote `li-dispersed`" when the item has a readable id, else "quote #3".
fn item_label(table: &str, number: usize, value: &DeValue<'_>) -> String {
    if table == "dataset" {
        return "[dataset]".into();
    }
    match value
        .as_table()
        .and_then(|t| t.get("id"))
        .and_then(|v| v.get_ref().as_str())
    {
        Some(id) => format!("{table} `{}`", id),
        None => format!("{table} #{number}"),
    }
}

/// Every string under a top-level key: not empty, and no control or bidi
/// characters. Messages name the item and field, like the other checks.
pub fn check_table_strings(
    file: usize,
    source: &str,
    table: &str,
    value: &Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) {
    let items: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
        DeValue::Array(a) => a.iter().collect(),
        _ => vec![value],
    };
    for (n, item) in items.into_iter().enumerate() {
        let owner = item_label(table, n + 1, item.get_ref());
        check_strings(file, source, &owner, table, item, diags);
    }
}

fn check_strings(
    file: usize,
    source: &str,
    owner: &str,
    field: &str,
    value: &Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) {
    match value.get_ref() {
        DeValue::String(s) => {
            if let Some((kind, span, problem)) = text_problem(source, s, value.span()) {
                diags.push(Diagnostic::new(
                    kind,
                    file,
                    Some(span),
                    format!("{owner}: `{field}` {problem}"),
                ));
            }
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                check_strings(file, source, owner, field, item, diags);
            }
        }
        DeValue::Table(table) => {
            for (key, item) in table.iter() {
                if let Some((kind, span, problem)) = text_problem(source, key.get_ref(), key.span())
                {
                    diags.push(Diagnostic::new(
                        kind,
                        file,
                        Some(span),
                        format!("{owner}: a key {problem}"),
                    ));
                }
                check_strings(file, source, owner, key.get_ref(), item, diags);
            }
        }
        _ => {}
    }
}

/// What is wrong with one string, and where exactly.
fn text_problem(source: &str, s: &str, span: Range<usize>) -> Option<(Kind, Range<usize>, String)> {
    if s.trim().is_empty() {
        return Some((Kind::EmptyText, span, "is empty".into()));
    }
    // One pass over the bytes settles most text; only text with a
    // suspect byte is walked char by char to find and name it.
    if !has_suspect_bytes(s.as_bytes()) {
        return None;
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // A CRLF file's multi-line strings carry \r\n: that is a newline.
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if crate::text::is_unsafe(c) {
            // Point at the character itself when it is written literally;
            // when it came from an escape like \u001b, at the string.
            let raw = source.get(span.clone()).unwrap_or("");
            let at = raw
                .find(c)
                .map(|i| span.start + i..span.start + i + c.len_utf8())
                .unwrap_or(span);
            let what = if crate::text::is_bidi_control(c) {
                "the bidi control character"
            } else {
                "the control character"
            };
            return Some((
                Kind::UnsafeText,
                at,
                format!(
                    "contains {what} {} (only newline and tab are allowed in text)",
                    char_name(c)
                ),
            ));
        }
    }
    None
}

/// Whether `b` may hold a character the checker refuses: C0 controls but
/// newline and tab, DEL, C1 controls (UTF-8 `C2 80`–`C2 9F`) and the bidi
/// controls (`E2 80 AA`–`AE`, `E2 81 A6`–`A9`). A false alarm only costs
/// the slow, exact walk.
fn has_suspect_bytes(b: &[u8]) -> bool {
    // Nearly all text has none of the lead bytes: a branch-free pass that
    // the compiler vectorizes settles it before the exact walk.
    let leads = b.chunks(64).any(|block| {
        block.iter().fold(false, |acc, &x| {
            acc | (x < 0x20) | (x == 0x7f) | (x == 0xc2) | (x == 0xe2)
        })
    });
    leads
        && b.iter().enumerate().any(|(i, &x)| match x {
            b'\n' | b'\t' => false,
            0..=0x1f | 0x7f => true,
            0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
            0xe2 => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
            _ => false,
        })
}

fn char_name(c: char) -> String {
    let name = match c {
        '\u{0}' => "NUL",
        '\u{7}' => "BEL",
        '\u{8}' => "BS",
        '\r' => "CR",
        '\u{1b}' => "ESC",
        '\u{7f}' => "DEL",
        '\u{9b}' => "CSI",
        '\u{9d}' => "OSC",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => "",
    };
    if name.is_empty() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} ({name})", c as u32)
    }
}
