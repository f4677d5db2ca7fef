//! Problems found in a dataset, located by file, line and column, and
//! rendered the way compilers do so that editors can jump to them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::OnceLock;

use crate::text::{escape_control, width};

/// A problem with the files themselves, before any TOML is read: one clear
/// line naming the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: error: {}",
            escape_control(&self.path),
            escape_control(&self.message)
        )
    }
}

impl std::error::Error for ReadError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One file of a dataset as it was read: the text spans point into.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// As the user named it (or `embedded:NAME` for the built-in data).
    pub path: String,
    /// The file's text, for quoting lines in messages. Empty after a load
    /// that had nothing to report (`release`).
    text: String,
    /// Where each line starts, worked out once when the first position is
    /// asked for: a renamed actor in a 36 MB file can give hundreds of
    /// messages, and counting lines from the start for each took seconds.
    line_starts: OnceLock<Vec<u32>>,
    /// For a big file whose text is not in memory: just the lines its
    /// messages quote, by the offset where each starts, with its number.
    quoted: BTreeMap<usize, (usize, String)>,
}

/// Two files are equal when their paths, texts and quoted lines are; the
/// line table is derived from the text.
impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.text == other.text && self.quoted == other.quoted
    }
}

/// A 1-based line and column (in characters, as rustc counts them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
            quoted: BTreeMap::new(),
        }
    }

    /// A file known only by the lines that messages quote: `lines` maps
    /// the offset where each starts to its number and its text (without
    /// its newline).
    pub fn with_lines(
        path: impl Into<String>,
        lines: BTreeMap<usize, (usize, String)>,
    ) -> SourceFile {
        SourceFile {
            quoted: lines,
            ..SourceFile::new(path, String::new())
        }
    }

    /// The quoted line that holds `offset`: where it starts, its number
    /// and its text.
    fn quoted_line(&self, offset: usize) -> Option<(usize, usize, &str)> {
        let (&start, (number, line)) = self.quoted.range(..=offset).next_back()?;
        (offset <= start + line.len()).then_some((start, *number, line.as_str()))
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Drop the text (and its line table) once nothing will be reported.
    pub fn release(&mut self) {
        self.text = String::new();
        self.line_starts = OnceLock::new();
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        if let Some((start, line, text)) = self.quoted_line(offset) {
            let within = floor_char_boundary(text, offset - start);
            let column = text[..within].chars().count() + 1;
            return LineCol { line, column };
        }
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let starts = self.line_starts.get_or_init(|| line_starts(&self.text));
        // The last line start at or before the offset.
        let line = starts.partition_point(|&s| s as usize <= offset).max(1);
        let line_start = starts[line - 1] as usize;
        let column = self.text[line_start..offset].chars().count() + 1;
        LineCol { line, column }
    }

    /// The line containing `offset`, without its line ending, and the byte
    /// offset where it starts.
    pub(crate) fn line_at(&self, offset: usize) -> (&str, usize) {
        if let Some((start, _, text)) = self.quoted_line(offset) {
            return (text.trim_end_matches('\r'), start);
        }
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        (self.text[start..end].trim_end_matches('\r'), start)
    }
}

/// Where each line of `text` starts. Files are at most 512 MB, so offsets
/// fit in 32 bits (a 36 MB file of 700,000 lines: 2.8 MB).
fn line_starts(text: &str) -> Vec<u32> {
    std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        )
        .collect()
}

/// Byte range of `line` to show: all of it when short, else about
/// `WINDOW` characters starting a little before the marked span.
fn window(line: &str, start: usize, end: usize) -> (usize, usize) {
    const WINDOW: usize = 100;
    const BEFORE: usize = 30;
    if line.chars().count() <= WINDOW {
        return (0, line.len());
    }
    let from = line[..start]
        .char_indices()
        .rev()
        .nth(BEFORE.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let to = line[from..]
        .char_indices()
        .nth(WINDOW)
        .map_or(line.len(), |(i, _)| from + i)
        .max(end.min(from + 4 * WINDOW));
    (from, floor_char_boundary(line, to.min(line.len())))
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Index into the files of the load that produced it.
    pub file: usize,
    /// Byte range in that file; `None` for problems with the file as a whole.
    pub span: Option<Range<usize>>,
    pub message: String,
    /// A second remark, e.g. where a duplicate id was first defined.
    pub note: Option<String>,
    /// Where the note points (file, byte offset): shown after it as
    /// `at path:line:col`, worked out only when the message is shown, as
    /// the file's text may not be in memory before.
    pub note_at: Option<(usize, usize)>,
}

impl Diagnostic {
    pub fn error(file: usize, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file,
            span,
            message: message.into(),
            note: None,
            note_at: None,
        }
    }

    pub fn warning(file: usize, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, span, message)
        }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// A note that ends with where it points: "first defined at d.toml:3:6".
    pub fn with_note_at(mut self, note: impl Into<String>, file: usize, offset: usize) -> Self {
        self.note = Some(note.into());
        self.note_at = Some((file, offset));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column` (or just `path`), for headlines and panels.
    pub fn location(&self, files: &[SourceFile]) -> String {
        let Some(file) = files.get(self.file) else {
            return String::from("<unknown>");
        };
        let path = escape_control(&file.path);
        match &self.span {
            Some(span) => {
                let lc = file.line_col(span.start);
                format!("{path}:{}:{}", lc.line, lc.column)
            }
            None => path.into_owned(),
        }
    }

    /// The one-line headline: `path:line:col: error: message`.
    pub fn headline(&self, files: &[SourceFile]) -> String {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "{}: {level}: {}",
            self.location(files),
            escape_control(&self.message).replace('\n', " ")
        )
    }

    /// The headline, the offending source line and a marker under the span.
    pub fn render(&self, files: &[SourceFile]) -> String {
        let mut out = self.headline(files);
        out.push('\n');
        if let (Some(file), Some(span)) = (files.get(self.file), &self.span) {
            let (line, line_start) = file.line_at(span.start);
            let gutter = file.line_col(span.start).line.to_string();
            let start = floor_char_boundary(line, span.start - line_start);
            let end =
                floor_char_boundary(line, span.end.saturating_sub(line_start).min(line.len()))
                    .max(start);
            // A very long line (minified data, deep nesting) is shown as a
            // window around the problem so the marker stays on screen.
            let (from, to) = window(line, start, end);
            let lead = if from > 0 { "…" } else { "" };
            let tail = if to < line.len() { "…" } else { "" };
            // Show the line as it will be printed (escaped, tabs as one
            // space) and measure the marker on that same text so it lines up.
            let shown = |s: &str| escape_control(s).replace('\t', " ");
            let prefix = format!("{lead}{}", shown(&line[from..start]));
            let marked = shown(&line[start..end.min(to)]);
            let _ = writeln!(out, " {gutter} | {lead}{}{tail}", shown(&line[from..to]));
            let _ = writeln!(
                out,
                " {} | {}{}",
                " ".repeat(gutter.len()),
                " ".repeat(width(&prefix)),
                "^".repeat(width(&marked).max(1))
            );
        }
        if let Some(note) = &self.note {
            let at = match self.note_at {
                Some((file, offset)) => {
                    let d = Diagnostic::error(file, Some(offset..offset), "");
                    format!(" at {}", d.location(files))
                }
                None => String::new(),
            };
            let _ = writeln!(out, "  = note: {}{at}", escape_control(note));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Vec<SourceFile> {
        vec![SourceFile::new("d.toml", text)]
    }

    #[test]
    fn line_and_column_count_characters_and_crlf() {
        let f = &file("a = 1\r\nb = \"ü\" x\r\n")[0];
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(7), LineCol { line: 2, column: 1 });
        // `x` comes after a two-byte ü: column counts characters.
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), LineCol { line: 2, column: 9 });
    }

    #[test]
    fn line_and_column_agree_with_counting_from_the_start_everywhere() {
        let text = "a\nbé\r\n\nxyz\n  ü\n";
        let f = &file(text)[0];
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = text[start..offset].chars().count() + 1;
            assert_eq!(
                f.line_col(offset),
                LineCol { line, column },
                "offset {offset}"
            );
        }
    }

    #[test]
    fn renders_rustc_style_with_marker_under_the_span() {
        let files = file("[[quote]]\nspeaker = \"nobody\"\n");
        let start = files[0].text.find("\"nobody\"").unwrap();
        let d = Diagnostic::error(0, Some(start..start + 8), "unknown actor `nobody`");
        assert_eq!(
            d.render(&files),
            "d.toml:2:11: error: unknown actor `nobody`\n 2 | speaker = \"nobody\"\n   |           ^^^^^^^^\n"
        );
    }

    #[test]
    fn long_lines_show_a_window_around_the_marker() {
        let text = format!("v = {}x{}\n", "a".repeat(5000), "b".repeat(5000));
        let files = file(&text);
        let at = text.find('x').unwrap();
        let out = Diagnostic::error(0, Some(at..at + 1), "here").render(&files);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].chars().count() < 120, "{}", lines[1]);
        let caret = lines[2].find('^').unwrap();
        assert_eq!(lines[1].chars().nth(caret), Some('x'));
    }

    #[test]
    fn escapes_control_characters_from_data() {
        let files = file("t = \"\u{1b}[2J\"\n");
        let d = Diagnostic::error(0, Some(4..10), "bad \u{1b}");
        let out = d.render(&files);
        assert!(!out.contains('\u{1b}'));
        assert!(out.contains("\\u{1b}[2J"));
    }
}
