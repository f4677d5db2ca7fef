//! `stances validate --format json`: every problem as one JSON object, for
//! editors and CI to read without parsing messages.

use serde::Serialize;

use crate::data::diagnostic::LineCol;
use crate::data::{Diagnostic, Kind, ReadError, SourceFile};

/// One problem. `line` and `column` are 1-based (columns in characters);
/// both are null for a problem with a file as a whole.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    kind: &'static str,
    message: &'a str,
    /// A second remark, ending with the place it points at, if any.
    note: Option<String>,
}

impl<'a> Entry<'a> {
    fn new(kind: Kind, path: String, at: Option<LineCol>, message: &'a str) -> Entry<'a> {
        Entry {
            path,
            line: at.map(|a| a.line),
            column: at.map(|a| a.column),
            severity: kind.severity().word(),
            code: kind.code(),
            kind: kind.name(),
            message,
            note: None,
        }
    }
}

/// What one dataset of `validate` came to: its diagnostics, or the error
/// that kept its files from being read.
pub enum Outcome<'a> {
    Checked(&'a [SourceFile], &'a [Diagnostic]),
    Unread(&'a ReadError),
}

/// All the problems of every dataset checked, as one JSON array (empty
/// when there are none), ending in a newline.
pub fn problems_json(outcomes: &[Outcome<'_>]) -> String {
    let mut entries = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Unread(e) => {
                entries.push(Entry::new(e.kind, e.path.clone(), e.at, &e.message));
            }
            Outcome::Checked(files, diagnostics) => {
                for d in diagnostics.iter() {
                    let (path, at) = d.position(files);
                    entries.push(Entry {
                        note: d.full_note(files),
                        ..Entry::new(d.kind, path, at, &d.message)
                    });
                }
            }
        }
    }
    // Plain data with string keys cannot fail to serialize.
    let json = serde_json::to_string_pretty(&entries).unwrap_or_default();
    let mut s = super::terminal_safe_json(json);
    s.push('\n');
    s
}
