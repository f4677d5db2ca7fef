//! One row per quote, RFC 4180 (quoted fields, CRLF line ends), written
//! by the csv crate.
//!
//! A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and
//! some also after a tab or carriage return) as a formula: a speaker named
//! `=HYPERLINK("http://evil", "click")` would be a live link, or worse.
//! As OWASP recommends for CSV injection, such a cell gets a leading
//! apostrophe, which spreadsheets show as text and do not run. The same
//! holds when the character follows leading spaces, which some
//! spreadsheets skip.

use crate::data::Dataset;
use crate::text::escape_control;

pub fn csv(d: &Dataset) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut row = |fields: [&str; 6]| {
        // Writing to memory cannot fail.
        let _ = w.write_record(fields.map(cell));
    };
    row(["id", "speaker", "text", "source", "date", "tags"]);
    for q in &d.quotes {
        let date = q
            .date
            .or_else(|| d.source(&q.source).and_then(|s| s.published))
            .map(|d| d.to_string())
            .unwrap_or_default();
        let source = d
            .source(&q.source)
            .map_or(q.source.as_str(), |s| s.title.as_str());
        row([
            q.id.as_str(),
            &d.name_of(&q.speaker),
            &q.text,
            source,
            &date,
            &q.tags.join(";"),
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A cell's text: terminal-safe (CSV is often `cat`ed), and never a
/// formula.
fn cell(s: &str) -> String {
    let safe = escape_control(s);
    if is_formula(s) || is_formula(&safe) {
        format!("'{safe}")
    } else {
        safe.into_owned()
    }
}

/// Whether a spreadsheet would read `s` as a formula (OWASP's list).
fn is_formula(s: &str) -> bool {
    s.trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_row(cells: [&str; 6]) -> String {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record(cells.map(cell)).unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn quotes_fields_that_need_it() {
        assert_eq!(
            one_row(["plain", "a, b", "say \"hi\"", "two\nlines", "esc\u{1b}", ""]),
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",esc\\u{1b},\r\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_as_owasp_says() {
        for (data, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("  =1", "'  =1"),
            ("a = b", "a = b"),
            ("", ""),
        ] {
            assert_eq!(cell(data), written, "{data:?}");
        }
        // A carriage return is escaped for the terminal, and still marked.
        assert_eq!(cell("\r=1"), "'\\u{d}=1");
    }
}
