//! The checker: from TOML text to a [`Dataset`], collecting every problem
//! in one pass instead of stopping at the first.
//!
//! Each file is parsed into a spanned TOML tree, then every item is
//! deserialized on its own, so an unknown field in one quote does not hide
//! a dangling reference in the next; each item is converted to the model
//! at once, keeping only where its ids and references are written
//! (`facts`). Cross-item rules (unique ids, references, positions) then
//! run over all files together (`rules`).
//!
//! Big files are read in chunks on every core (`crate::data::chunks`);
//! from disk they are never whole in memory, and are read again only when
//! there is something to report.

mod collect;
mod facts;
mod hints;
mod rules;
mod sniff;
mod strings;

use std::path::{Path, PathBuf};

use collect::Collector;

use super::chunks::{Chunks, FileChunks, Layout};
pub use super::diagnostic::Omitted;
use super::diagnostic::{Diagnostic, ReadError, SourceFile};
use super::model::Dataset;

pub use hints::{closest, is_kebab_id};

/// The result of checking: the dataset when there were no errors, and every
/// diagnostic (errors and warnings) in file order.
#[derive(Debug, Clone)]
pub struct Checked {
    pub dataset: Option<Dataset>,
    /// The first `MAX_SHOWN` problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Problems found but not kept: past the first `MAX_SHOWN`, or past
    /// the first few syntax errors of a file.
    pub omitted: Omitted,
}

/// At most this many problems are kept and shown, as compilers do: past
/// it they are counted only. A broken file can give one per line, and
/// each kept one costs its message and, for a big file, a read of its
/// line.
pub const MAX_SHOWN: usize = 100;

impl Checked {
    /// Errors found, shown or not.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count() + self.omitted.errors
    }

    /// Warnings found, shown or not.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.shown_errors() + self.omitted.warnings
    }

    fn shown_errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// The line that follows the problems shown when some were not: how
    /// many more there are.
    pub fn omitted_line(&self) -> Option<String> {
        self.omitted.line()
    }
}

/// Top-level tables a dataset may contain, in the order the docs list them.
const TABLES: [&str; 11] = [
    "dataset", "source", "axis", "actor", "approach", "reaction", "quote", "event", "tour",
    "glossary", "question",
];

/// One file to check.
pub enum Input {
    /// Its text, already in memory.
    Text(SourceFile),
    /// A big file on disk that the checker reads in chunks, so that it is
    /// never whole in memory.
    Stream(PathBuf),
}

/// A file that was streamed: its text is not in `Outcome::files`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Streamed {
    pub file: usize,
    pub path: PathBuf,
    /// `chunks::content_hash` of what was read, to tell whether a later
    /// read of the whole file (for messages) read the same text.
    pub hash: u64,
    /// Where its chunks lie, to read only the lines messages quote.
    pub layout: Layout,
}

pub struct Outcome {
    pub checked: Checked,
    /// The files in input order; a streamed file's text is empty.
    pub files: Vec<SourceFile>,
    pub streamed: Vec<Streamed>,
}

pub fn check(files: &[SourceFile]) -> Checked {
    let mut c = Collector::default();
    for (index, file) in files.iter().enumerate() {
        c.start_file();
        c.parse_text(index, file.text());
    }
    finish(c, files.len())
}

/// `check`, releasing the files' text when nothing will be reported: it is
/// only kept to quote lines in messages.
pub fn check_releasing(files: &mut [SourceFile]) -> Checked {
    let checked = check(files);
    if checked.diagnostics.is_empty() {
        for f in files.iter_mut() {
            f.release();
        }
    }
    checked
}

/// Check files, streaming the big ones. A streamed file that cannot be
/// read in chunks (a cut inside a multi-line string, bytes that are not
/// UTF-8) is read whole with `read_whole`, whose errors end the check.
/// `on_read` hears how many more bytes have been checked, as it goes.
pub fn check_inputs(
    inputs: Vec<Input>,
    read_whole: &dyn Fn(&Path) -> Result<SourceFile, ReadError>,
    on_read: &dyn Fn(usize),
) -> Result<Outcome, ReadError> {
    let mut c = Collector::default();
    let mut files = Vec::with_capacity(inputs.len());
    let mut streamed = Vec::new();
    for (index, input) in inputs.into_iter().enumerate() {
        c.start_file();
        let file = match input {
            Input::Text(file) => {
                c.parse_text(index, file.text());
                on_read(file.text().len());
                file
            }
            Input::Stream(path) => {
                let read = FileChunks::open(&path)
                    .ok()
                    .and_then(|f| collect::parse_file_chunks(index, Chunks::File(f), on_read).ok());
                match read {
                    Some(collect::ChunksRead {
                        items,
                        file: Some((hash, layout)),
                    }) => {
                        c.absorb(items);
                        streamed.push(Streamed {
                            file: index,
                            path: path.clone(),
                            hash,
                            layout,
                        });
                        SourceFile::new(path.display().to_string(), String::new())
                    }
                    _ => {
                        let file = read_whole(&path)?;
                        c.parse_text(index, file.text());
                        on_read(file.text().len());
                        file
                    }
                }
            }
        };
        files.push(file);
    }
    let count = files.len();
    Ok(Outcome {
        checked: finish(c, count),
        files,
        streamed,
    })
}

/// Apply the cross-item rules and, when nothing is wrong, build the dataset.
fn finish(mut c: Collector, files: usize) -> Checked {
    let mut diagnostics = std::mem::take(&mut c.diags);
    let omitted = Omitted {
        errors: c.omitted_errors,
        warnings: 0,
    };
    if c.syntax_broken {
        // Items after a syntax error may be missing, so reference checks
        // would report false dangling ids. Report what is certain.
        sort(&mut diagnostics);
        return capped(None, diagnostics, omitted);
    }
    let earlier_errors = diagnostics.iter().any(Diagnostic::is_error);
    diagnostics.extend(rules::run(&c, files, earlier_errors));
    sort(&mut diagnostics);
    let dataset = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| c.into_dataset());
    capped(dataset, diagnostics, omitted)
}

/// Keep the first `MAX_SHOWN` problems and count the rest.
fn capped(
    dataset: Option<Dataset>,
    mut diagnostics: Vec<Diagnostic>,
    mut omitted: Omitted,
) -> Checked {
    if diagnostics.len() > MAX_SHOWN {
        for d in diagnostics.drain(MAX_SHOWN..) {
            if d.is_error() {
                omitted.errors += 1;
            } else {
                omitted.warnings += 1;
            }
        }
        diagnostics.shrink_to_fit();
    }
    Checked {
        dataset,
        diagnostics,
        omitted,
    }
}

fn sort(diags: &mut [Diagnostic]) {
    // Stable: file, then position, keeping discovery order for ties.
    diags.sort_by_key(|d| (d.file, d.span.as_ref().map_or(0, |s| s.start)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One item of a generated dataset: right, or wrong in one of the
    /// ways the checker reports item by item or across items.
    fn item() -> impl Strategy<Value = String> {
        let speaker = prop_oneof![Just("a0"), Just("a1"), Just("a2"), Just("nobody")];
        let quote = (
            prop_oneof![
                4 => (0..40u32).prop_map(|n| format!("id = \"q{n}\"\n")),
                1 => Just(String::new()),
            ],
            speaker,
            prop_oneof![Just("text = \"words\"\n"), Just("text = \"  \"\n")],
            prop_oneof![Just("source = \"s1\"\n"), Just("source = \"s9\"\n")],
            prop_oneof![
                3 => Just(""),
                1 => Just("mood = \"happy\"\n"),
                1 => Just("date = \"2025-13\"\n"),
                1 => Just("about = [\"a0\", \"zz\"]\n"),
                1 => Just("tags = [\"t\"]\n"),
            ],
        )
            .prop_map(|(id, speaker, text, source, extra)| {
                format!("[[quote]]\n{id}speaker = \"{speaker}\"\n{text}{source}{extra}\n")
            });
        let actor = (
            0..6u32,
            prop_oneof![
                Just(""),
                Just("part_of = \"a0\"\n"),
                Just("part_of = \"q1\"\n")
            ],
        )
            .prop_map(|(n, part)| {
                format!("[[actor]]\nid = \"a{n}\"\nname = \"A{n}\"\nkind = \"person\"\n{part}\n")
            });
        let event = prop_oneof![Just("2025"), Just("2025-02-30")].prop_map(|date| {
            format!("[[event]]\nid = \"e-{date}\"\nname = \"E\"\ndate = \"{date}\"\nactors = [\"a1\", \"a7\"]\n\n")
        });
        prop_oneof![6 => quote, 2 => actor, 1 => event]
    }

    fn check_cut(text: &str, at: &[usize]) -> Checked {
        let mut c = Collector::default();
        c.start_file();
        let part = collect::parse_chunks(0, Chunks::cut_at(text, at)).expect("chunks parse");
        c.absorb(part);
        finish(c, 1)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Cutting a file before any of its item headers changes nothing:
        /// the same problems, at the same places, under the same names
        /// ("quote #7"), and the same dataset.
        #[test]
        fn cutting_a_file_into_chunks_changes_nothing(
            items in prop::collection::vec(item(), 1..30),
            picks in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let head = "[dataset]\ntitle = \"t\"\n\n[[source]]\nid = \"s1\"\ntitle = \"S\"\n\n";
            let text = format!("{head}{}", items.concat());
            let starts: Vec<usize> = text.match_indices("\n[[").map(|(i, _)| i + 1).collect();
            let mut at: Vec<usize> = picks.iter().map(|p| starts[p.index(starts.len())]).collect();
            at.sort_unstable();
            let whole = check(&[SourceFile::new("t.toml", text.as_str())]);
            let cut = check_cut(&text, &at);
            prop_assert_eq!(&cut.diagnostics, &whole.diagnostics);
            prop_assert_eq!(cut.dataset, whole.dataset);
        }
    }
}
