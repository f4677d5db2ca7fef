//! One row per quote, RFC 4180 (quoted fields, CRLF line ends).

use crate::data::Dataset;
use crate::text::escape_control;

pub fn csv(d: &Dataset) -> String {
    let mut out = String::from("id,speaker,text,source,date,tags\r\n");
    for q in &d.quotes {
        let date = q
            .date
            .or_else(|| d.source(&q.source).and_then(|s| s.published))
            .map(|d| d.to_string())
            .unwrap_or_default();
        let source = d
            .source(&q.source)
            .map_or(q.source.as_str(), |s| s.title.as_str());
        let row = [
            q.id.as_str(),
            &d.name_of(&q.speaker),
            &q.text,
            source,
            &date,
            &q.tags.join(";"),
        ];
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn field(s: &str) -> String {
    // Terminal-unsafe characters are escaped here too: CSV is often `cat`ed.
    let s = escape_control(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fields_that_need_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("esc\u{1b}"), "esc\\u{1b}");
    }
}
