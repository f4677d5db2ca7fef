//! Problems found in a dataset, located by file, line and column, and
//! rendered the way compilers do so that editors can jump to them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::OnceLock;

use crate::text::{escape_control, width};

/// What kind of problem a diagnostic (or a read error) is: a code and a
/// name that stay the same when messages are reworded, for editors,
/// scripts and CI to match on. Codes are never reused: a kind that goes
/// away leaves a gap. E is an error, W a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The files themselves: unreadable, missing, a directory without
    /// .toml files.
    Unreadable,
    /// A file over the size limit.
    TooBig,
    NotUtf8,
    EmptyFile,
    /// The files changed on every attempt to read them.
    KeepsChanging,
    /// A FIFO, a device, a socket: anything but a regular file.
    NotRegularFile,
    /// A `short` label too long to be short.
    ShortTooLong,
    /// A source `url` that is not a web address.
    BadUrl,
    /// A file that is plainly not TOML (prose, Markdown, binary).
    NotToml,
    /// A file that starts with two byte order marks.
    DoubleByteOrderMark,
    /// An event's `other_dates` repeating its own `date`.
    RepeatedDate,
    /// A quote whose `rendering_of` names itself.
    RenderingOfItself,
    /// A `rendering_of` pointing at a rendering, not at the first one.
    RenderingChain,
    /// Renderings of one statement by different speakers.
    RenderingOtherSpeaker,
    /// A glossary term explained twice.
    DuplicateGlossaryTerm,
    /// A tour step whose `view` does not fit its `focus`, `with` or
    /// `filter` (a compare without two items, a map of an event).
    TourViewMismatch,
    TomlSyntax,
    UnknownTable,
    /// `[quote]` where `[[quote]]` is meant, or a table that is a value.
    NotArrayOfTables,
    /// An item that does not fit its table: a missing or unknown field,
    /// a wrong type, an unknown variant.
    BadItem,
    BadDate,
    /// Control or bidi characters in text.
    UnsafeText,
    EmptyText,
    MissingDataset,
    DuplicateDataset,
    IdNotKebabCase,
    DuplicateId,
    /// A reference to an id no item has.
    DanglingReference,
    /// A reference to an item of the wrong table (a speaker that is a
    /// source).
    WrongKindOfReference,
    MissingPositionNote,
    UnknownAxis,
    PositionOutOfRange,
    PartOfCycle,
    UnreferencedActor,
    UncitedSource,
}

impl Kind {
    /// Every kind: errors in code order, then warnings.
    pub const ALL: [Kind; 35] = [
        Kind::Unreadable,
        Kind::TooBig,
        Kind::NotUtf8,
        Kind::EmptyFile,
        Kind::KeepsChanging,
        Kind::TomlSyntax,
        Kind::UnknownTable,
        Kind::NotArrayOfTables,
        Kind::BadItem,
        Kind::BadDate,
        Kind::UnsafeText,
        Kind::EmptyText,
        Kind::MissingDataset,
        Kind::DuplicateDataset,
        Kind::IdNotKebabCase,
        Kind::DuplicateId,
        Kind::DanglingReference,
        Kind::WrongKindOfReference,
        Kind::MissingPositionNote,
        Kind::UnknownAxis,
        Kind::PositionOutOfRange,
        Kind::PartOfCycle,
        Kind::NotRegularFile,
        Kind::ShortTooLong,
        Kind::BadUrl,
        Kind::NotToml,
        Kind::DoubleByteOrderMark,
        Kind::RepeatedDate,
        Kind::RenderingOfItself,
        Kind::RenderingChain,
        Kind::RenderingOtherSpeaker,
        Kind::DuplicateGlossaryTerm,
        Kind::TourViewMismatch,
        Kind::UnreferencedActor,
        Kind::UncitedSource,
    ];

    /// The stable code and name.
    fn entry(self) -> (&'static str, &'static str) {
        match self {
            Kind::Unreadable => ("E001", "unreadable"),
            Kind::TooBig => ("E002", "too-big"),
            Kind::NotUtf8 => ("E003", "not-utf8"),
            Kind::EmptyFile => ("E004", "empty-file"),
            Kind::KeepsChanging => ("E005", "keeps-changing"),
            Kind::TomlSyntax => ("E006", "toml-syntax"),
            Kind::UnknownTable => ("E008", "unknown-table"),
            Kind::NotArrayOfTables => ("E009", "not-array-of-tables"),
            Kind::BadItem => ("E010", "bad-item"),
            Kind::BadDate => ("E011", "bad-date"),
            Kind::UnsafeText => ("E012", "unsafe-text"),
            Kind::EmptyText => ("E013", "empty-text"),
            Kind::MissingDataset => ("E014", "missing-dataset"),
            Kind::DuplicateDataset => ("E015", "duplicate-dataset"),
            Kind::IdNotKebabCase => ("E016", "id-not-kebab-case"),
            Kind::DuplicateId => ("E017", "duplicate-id"),
            Kind::DanglingReference => ("E018", "dangling-reference"),
            Kind::WrongKindOfReference => ("E019", "wrong-kind-of-reference"),
            Kind::MissingPositionNote => ("E020", "missing-position-note"),
            Kind::UnknownAxis => ("E021", "unknown-axis"),
            Kind::PositionOutOfRange => ("E022", "position-out-of-range"),
            Kind::PartOfCycle => ("E023", "part-of-cycle"),
            Kind::NotRegularFile => ("E024", "not-a-regular-file"),
            Kind::ShortTooLong => ("E025", "short-too-long"),
            Kind::BadUrl => ("E026", "bad-url"),
            Kind::NotToml => ("E027", "not-toml"),
            Kind::DoubleByteOrderMark => ("E028", "double-byte-order-mark"),
            Kind::RepeatedDate => ("E029", "repeated-date"),
            Kind::RenderingOfItself => ("E030", "rendering-of-itself"),
            Kind::RenderingChain => ("E031", "rendering-chain"),
            Kind::RenderingOtherSpeaker => ("E032", "rendering-other-speaker"),
            Kind::DuplicateGlossaryTerm => ("E033", "duplicate-glossary-term"),
            Kind::TourViewMismatch => ("E034", "tour-view-mismatch"),
            Kind::UnreferencedActor => ("W001", "unreferenced-actor"),
            Kind::UncitedSource => ("W002", "uncited-source"),
        }
    }

    /// `E018`: never changes, never reused.
    pub fn code(self) -> &'static str {
        self.entry().0
    }

    /// `dangling-reference`: what the code means, in a word or three.
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    pub fn severity(self) -> Severity {
        if self.code().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}

impl std::fmt::Display for Kind {
    /// `E018 dangling-reference`, as messages end with it in brackets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code(), self.name())
    }
}

/// A problem with the files themselves, before any TOML is read: one clear
/// line naming the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub kind: Kind,
    pub path: String,
    /// Where in the file, for a problem at one place (a byte that is not
    /// UTF-8).
    pub at: Option<LineCol>,
    pub message: String,
}

impl ReadError {
    /// `path` or `path:line:column`, escaped for the terminal.
    pub fn location(&self) -> String {
        let path = escape_control(&self.path);
        match self.at {
            Some(at) => format!("{path}:{}:{}", at.line, at.column),
            None => path.into_owned(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: error: {} [{}]",
            self.location(),
            escape_control(&self.message),
            self.kind
        )
    }
}

impl std::error::Error for ReadError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`, as messages say it.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// `path:line:column` of a byte offset in file `file` (just `path`
/// without one), escaped for the terminal.
fn location(files: &[SourceFile], file: usize, offset: Option<usize>) -> String {
    let Some(source) = files.get(file) else {
        return String::from("<unknown>");
    };
    let path = escape_control(&source.path);
    match offset {
        Some(offset) => {
            let lc = source.line_col(offset);
            format!("{path}:{}:{}", lc.line, lc.column)
        }
        None => path.into_owned(),
    }
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

/// How many problems of each severity were found but not kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Omitted {
    pub errors: usize,
    pub warnings: usize,
}

impl Omitted {
    /// The line that follows the problems shown when some were not: how
    /// many more there are.
    pub fn line(&self) -> Option<String> {
        let Omitted { errors, warnings } = *self;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let more = match (errors, warnings) {
            (0, 0) => return None,
            (e, 0) => plural(e, "more error"),
            (0, w) => plural(w, "more warning"),
            (e, w) => format!(
                "{} and {}",
                plural(e, "more error"),
                plural(w, "more warning")
            ),
        };
        Some(format!(
            "... and {more} not shown; fix the first ones and check again"
        ))
    }
}

/// What a load that failed found: its diagnostics, with the files they
/// point into (a read error is one diagnostic on a file of no text).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problems {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Problems found beyond those kept.
    pub omitted: Omitted,
}

impl Problems {
    /// How many problems were found, kept or not.
    pub fn len(&self) -> usize {
        self.diagnostics.len() + self.omitted.errors + self.omitted.warnings
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each problem's headline, `path:line:col: error: message [kind]`,
    /// then a line counting those not kept, if any.
    pub fn headlines(&self) -> impl Iterator<Item = String> + '_ {
        self.diagnostics
            .iter()
            .map(|d| d.headline(&self.files))
            .chain(self.omitted.line())
    }
}

impl From<ReadError> for Problems {
    fn from(e: ReadError) -> Problems {
        Problems {
            // The location as the file's name: the file has no text to
            // find a line in (escaped when shown, like any path).
            files: vec![SourceFile::new(
                match e.at {
                    Some(at) => format!("{}:{}:{}", e.path, at.line, at.column),
                    None => e.path,
                },
                String::new(),
            )],
            diagnostics: vec![Diagnostic::new(e.kind, 0, None, e.message)],
            omitted: Omitted::default(),
        }
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
    pub kind: Kind,
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
    /// A problem of `kind` (which decides whether it is an error) in
    /// file `file`, at `span`.
    pub fn new(
        kind: Kind,
        file: usize,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            kind,
            severity: kind.severity(),
            file,
            span,
            message: message.into(),
            note: None,
            note_at: None,
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
        location(files, self.file, self.span.as_ref().map(|s| s.start))
    }

    /// The file's path and the 1-based line and column where the span
    /// starts (none for a problem with the file as a whole), unescaped:
    /// for `validate --format json`.
    pub fn position(&self, files: &[SourceFile]) -> (String, Option<LineCol>) {
        let Some(file) = files.get(self.file) else {
            return (String::from("<unknown>"), None);
        };
        let at = self.span.as_ref().map(|s| file.line_col(s.start));
        (file.path.clone(), at)
    }

    /// The note, with where it points: "first defined as an actor at
    /// a.toml:5:6", escaped for the terminal.
    pub fn full_note(&self, files: &[SourceFile]) -> Option<String> {
        let note = escape_control(self.note.as_deref()?);
        Some(match self.note_at {
            Some((file, offset)) => format!("{note} at {}", location(files, file, Some(offset))),
            None => note.into_owned(),
        })
    }

    /// The one-line headline: `path:line:col: error: message [E018
    /// dangling-reference]`. The kind comes last, in brackets, as
    /// compilers name a warning's flag, so that editors reading
    /// `path:line:col: error: message` read it still.
    pub fn headline(&self, files: &[SourceFile]) -> String {
        format!(
            "{}: {}: {} [{}]",
            self.location(files),
            self.severity.word(),
            escape_control(&self.message).replace('\n', " "),
            self.kind
        )
    }

    /// The headline, the offending source line and a marker under the span.
    // Written here rather than with a diagnostics crate (codespan-reporting,
    // ariadne): those find lines and columns in the file's whole text, and
    // a big dataset's text is not kept after loading, only the lines its
    // messages quote (`SourceFile::quoted`), so this renders from those.
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
        if let Some(note) = self.full_note(files) {
            let _ = writeln!(out, "  = note: {note}");
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
        let d = Diagnostic::new(
            Kind::DanglingReference,
            0,
            Some(start..start + 8),
            "unknown actor `nobody`",
        );
        assert_eq!(
            d.render(&files),
            "d.toml:2:11: error: unknown actor `nobody` [E018 dangling-reference]\n 2 | speaker = \"nobody\"\n   |           ^^^^^^^^\n"
        );
    }

    #[test]
    fn long_lines_show_a_window_around_the_marker() {
        let text = format!("v = {}x{}\n", "a".repeat(5000), "b".repeat(5000));
        let files = file(&text);
        let at = text.find('x').unwrap();
        let out = Diagnostic::new(Kind::BadItem, 0, Some(at..at + 1), "here").render(&files);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].chars().count() < 120, "{}", lines[1]);
        let caret = lines[2].find('^').unwrap();
        assert_eq!(lines[1].chars().nth(caret), Some('x'));
    }

    #[test]
    fn escapes_control_characters_from_data() {
        let files = file("t = \"\u{1b}[2J\"\n");
        let d = Diagnostic::new(Kind::UnsafeText, 0, Some(4..10), "bad \u{1b}");
        let out = d.render(&files);
        assert!(!out.contains('\u{1b}'));
        assert!(out.contains("\\u{1b}[2J"));
    }

    #[test]
    fn codes_and_names_are_unique_and_say_the_severity() {
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for k in Kind::ALL {
            assert!(codes.insert(k.code()), "{k:?}: code reused");
            assert!(names.insert(k.name()), "{k:?}: name reused");
            assert!(crate::data::check::is_kebab_id(k.name()), "{k:?}");
            let warning = k.code().starts_with('W');
            assert_eq!(warning, k.severity() == Severity::Warning, "{k:?}");
        }
        assert_eq!(
            Kind::DanglingReference.to_string(),
            "E018 dangling-reference"
        );
    }
}
