//! Where a dataset comes from: the copy embedded in the binary, one file,
//! or a directory of `*.toml` files merged in name order.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::check::{Checked, Input, Outcome, Streamed, check_inputs, check_releasing};
use super::chunks::{BIG_FILE, Layout, Stamp, content_hash};
use super::diagnostic::Diagnostic;
use super::diagnostic::{Kind, LineCol, ReadError, SourceFile};
use super::open::{MAX_FILE_BYTES, io_message, read_bounded, read_error, regular_metadata};

/// The shipped dataset, compiled in so the binary runs anywhere.
pub const EMBEDDED_NAME: &str = "embedded:waic-2025.toml";
pub const EMBEDDED_TEXT: &str = include_str!("../../data/waic-2025.toml");

/// The embedded dataset's single file.
pub fn embedded_files() -> Vec<SourceFile> {
    vec![SourceFile::new(
        EMBEDDED_NAME.to_string(),
        EMBEDDED_TEXT.to_string(),
    )]
}

/// The files a path names: itself, or a directory's `*.toml` files in
/// name order.
pub fn list_paths(path: &Path) -> Result<Vec<PathBuf>, ReadError> {
    let meta =
        fs::metadata(path).map_err(|e| read_error(path, Kind::Unreadable, io_message(&e)))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut paths: Vec<PathBuf> = fs::read_dir(path)
        .map_err(|e| read_error(path, Kind::Unreadable, io_message(&e)))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        // Every `*.toml` but a directory: a FIFO, a device or a dangling
        // link named like a data file is reported when read, not skipped
        // in silence.
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml") && !p.is_dir())
        .collect();
    if paths.is_empty() {
        return Err(read_error(
            path,
            Kind::Unreadable,
            "directory contains no .toml files",
        ));
    }
    paths.sort();
    Ok(paths)
}

/// The size of the files `path` names (0 when it cannot be read).
pub fn total_size(path: &Path) -> u64 {
    list_paths(path).map_or(0, |paths| size_of(&paths))
}

/// The files' total size, as it is now.
pub fn size_of(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// Read a file, or a directory's `*.toml` files in name order, whole.
pub fn read_path(path: &Path) -> Result<Vec<SourceFile>, ReadError> {
    list_paths(path)?.iter().map(|p| read_file(p)).collect()
}

/// A regular file's size (within the limit), or why it cannot be read.
fn file_len(path: &Path) -> Result<u64, ReadError> {
    Ok(regular_metadata(path)?.len())
}

fn read_file(path: &Path) -> Result<SourceFile, ReadError> {
    let bytes = read_bounded(path)?;
    source_file(&path.display().to_string(), bytes)
}

/// A file's bytes as checked text, named `name` in messages.
fn source_file(name: &str, bytes: Vec<u8>) -> Result<SourceFile, ReadError> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        // Locate the bad byte like any other problem: line and column.
        let prefix = SourceFile::new(
            String::new(),
            String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned(),
        );
        let at = prefix.line_col(valid);
        let byte = e.as_bytes()[valid];
        ReadError {
            kind: Kind::NotUtf8,
            path: name.to_string(),
            at: Some(at),
            message: format!("not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8"),
        }
    })?;
    // Editors on Windows may start a UTF-8 file with a byte order mark;
    // TOML does not allow it and columns should not count it.
    if text.starts_with('\u{feff}') {
        text.drain(..3);
        // Two marks are no encoding: a tool added one to a file that had
        // one. The parser would take the second for part of the text.
        if text.starts_with('\u{feff}') {
            return Err(ReadError {
                kind: Kind::DoubleByteOrderMark,
                path: name.to_string(),
                at: Some(LineCol { line: 1, column: 1 }),
                message: "two byte order marks at the start; remove the second".into(),
            });
        }
    }
    if text.trim().is_empty() {
        return Err(ReadError {
            kind: Kind::EmptyFile,
            at: None,
            path: name.to_string(),
            message: "file is empty (a dataset needs at least a [dataset] table)".into(),
        });
    }
    Ok(SourceFile::new(name.to_string(), text))
}

/// The name standard input goes by in messages (`--data -`).
pub const STDIN_NAME: &str = "<stdin>";

/// Read a dataset whole from a stream (standard input, for `--data -`)
/// and check it. The stream has the same size limit as a file, read as
/// it comes: a pipe has no size to ask for first.
pub fn load_reader(name: &str, reader: impl Read) -> Result<Loaded, ReadError> {
    let mut bytes = Vec::new();
    let fail = |kind, message: String| ReadError {
        kind,
        path: name.to_string(),
        at: None,
        message,
    };
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(Kind::Unreadable, io_message(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            Kind::TooBig,
            "input is more than the 512 MB limit".into(),
        ));
    }
    let mut files = vec![source_file(name, bytes)?];
    let checked = check_releasing(&mut files);
    Ok(Loaded { files, checked })
}

/// Everything known about one load: the files as read and the check result.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub files: Vec<SourceFile>,
    pub checked: Checked,
}

/// Read and check: `None` is the embedded dataset.
pub fn load(path: Option<&Path>) -> Result<Loaded, ReadError> {
    match path {
        Some(path) => load_path(path),
        None => {
            let mut files = embedded_files();
            let checked = check_releasing(&mut files);
            Ok(Loaded { files, checked })
        }
    }
}

/// Read and check a file or a directory. Big files are streamed through
/// the checker and read whole only if there is something to report.
pub fn load_path(path: &Path) -> Result<Loaded, ReadError> {
    load_path_reporting(path, &|_| {})
}

/// How far a load has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes checked so far (they may pass `total` when a file is read
    /// twice, or grows while it is read).
    pub done: u64,
    /// The files' size when the load started.
    pub total: u64,
}

/// `load_path`, telling `progress` how far it has got as it goes.
pub fn load_path_reporting(path: &Path, progress: &dyn Fn(Progress)) -> Result<Loaded, ReadError> {
    let paths = list_paths(path)?;
    let total = size_of(&paths);
    let done = std::cell::Cell::new(0u64);
    let on_read = |bytes: usize| {
        done.set(done.get() + bytes as u64);
        progress(Progress {
            done: done.get().min(total),
            total,
        });
    };
    if let Some(loaded) = load_files(&paths, true, &on_read)? {
        return Ok(loaded);
    }
    // A streamed file changed between its check and the read for the
    // messages, which would then point at the wrong text: check again,
    // from texts read whole, so the messages match what is shown.
    done.set(0);
    load_files(&paths, false, &on_read)?
        .ok_or_else(|| read_error(path, Kind::KeepsChanging, "the files keep changing"))
}

/// `None` when a streamed file changed before its messages could quote it.
fn load_files(
    paths: &[PathBuf],
    stream: bool,
    on_read: &dyn Fn(usize),
) -> Result<Option<Loaded>, ReadError> {
    let inputs = paths
        .iter()
        .map(|p| {
            Ok(if stream && file_len(p)? >= BIG_FILE as u64 {
                Input::Stream(p.clone())
            } else {
                Input::Text(read_file(p)?)
            })
        })
        .collect::<Result<Vec<_>, ReadError>>()?;
    let Outcome {
        checked,
        mut files,
        streamed,
    } = check_inputs(inputs, &read_file, on_read)?;
    if checked.diagnostics.is_empty() {
        // The text is only kept to quote lines in messages.
        for f in &mut files {
            f.release();
        }
        return Ok(Some(Loaded { files, checked }));
    }
    if !read_streamed(&mut files, &streamed, &checked.diagnostics)? {
        return Ok(None);
    }
    Ok(Some(Loaded { files, checked }))
}

/// Messages quote their files: get the streamed ones' lines into `files`.
/// A file unchanged since it was checked (same size and modification
/// time) has just the quoted lines read, a chunk at a time; any other is
/// read whole and compared by content hash. `false` when one changed.
fn read_streamed(
    files: &mut [SourceFile],
    streamed: &[Streamed],
    diagnostics: &[Diagnostic],
) -> Result<bool, ReadError> {
    for s in streamed {
        let unchanged = s.layout.stamp.is_some() && Stamp::now(&s.path) == s.layout.stamp;
        if unchanged {
            let offsets = diagnostics.iter().flat_map(|d| {
                let at = d.span.as_ref().map(|span| (d.file, span.start));
                at.into_iter().chain(d.note_at)
            });
            let wanted: Vec<usize> = offsets
                .filter(|&(file, _)| file == s.file)
                .map(|(_, offset)| offset)
                .collect();
            if let Some(lines) = quoted_lines(&s.path, &s.layout, wanted) {
                files[s.file] = SourceFile::with_lines(s.path.display().to_string(), lines);
                continue;
            }
        }
        let whole = read_file(&s.path)?;
        if content_hash(whole.text()) != s.hash {
            return Ok(false);
        }
        files[s.file] = whole;
    }
    Ok(true)
}

/// The lines holding `offsets` in a streamed file, each by where it
/// starts, with its number and text: each chunk that holds one is read
/// again, once. `None` when a chunk cannot be read as it was.
fn quoted_lines(
    path: &Path,
    layout: &Layout,
    offsets: Vec<usize>,
) -> Option<BTreeMap<usize, (usize, String)>> {
    let mut file = fs::File::open(path).ok()?;
    // Each chunk read is kept as a small SourceFile, whose line table
    // makes each further line in it a binary search.
    let mut chunks: HashMap<usize, SourceFile> = HashMap::new();
    let mut lines = BTreeMap::new();
    for offset in offsets {
        let k = layout
            .chunks
            .partition_point(|&(start, _)| start <= offset)
            .checked_sub(1)?;
        let (start, lines_before) = layout.chunks[k];
        let end = layout
            .chunks
            .get(k + 1)
            .map_or(layout.len, |&(next, _)| next);
        let chunk = match chunks.entry(k) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let mut bytes = vec![0; end - start];
                file.seek(SeekFrom::Start((layout.bom + start) as u64))
                    .ok()?;
                file.read_exact(&mut bytes).ok()?;
                e.insert(SourceFile::new("", String::from_utf8(bytes).ok()?))
            }
        };
        // Chunks start at line starts, so a line never spans two.
        let local = offset - start;
        let (_, line_start) = chunk.line_at(local);
        let text = chunk.text();
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let number = lines_before + chunk.line_col(local).line;
        lines.insert(
            start + line_start,
            (number, text[line_start..line_end].to_string()),
        );
    }
    Some(lines)
}

impl Loaded {
    /// Every diagnostic rendered, in order, ready to print.
    /// The count of those not shown comes last.
    pub fn report(&self) -> String {
        self.checked
            .diagnostics
            .iter()
            .map(|d| d.render(&self.files))
            .chain(self.checked.omitted_line())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dataset file big enough to be streamed, with one dangling speaker
    /// near its end.
    fn big_broken_file(name: &str) -> (PathBuf, String) {
        let mut text = crate::synth::toml(9_000, 3);
        let at = text.rfind("speaker = \"actor-").unwrap() + "speaker = \"".len();
        text.insert_str(at, "no-");
        let path = std::env::temp_dir().join(format!("stances-{name}-{}.toml", std::process::id()));
        fs::write(&path, &text).unwrap();
        (path, text)
    }

    #[test]
    fn a_streamed_file_quotes_its_problem_lines_without_reading_it_all() {
        let (path, text) = big_broken_file("streamed");
        assert!(text.len() >= BIG_FILE);
        let loaded = load_path(&path).unwrap();
        fs::remove_file(&path).unwrap();
        assert_eq!(loaded.checked.error_count(), 1);
        assert!(loaded.files[0].text().is_empty(), "not read whole");
        let at = text.find("\"no-actor").unwrap();
        let line = text[..at].lines().count();
        let shown = loaded.report();
        assert!(
            shown.contains(&format!(":{line}:11: error: quote `q")),
            "{shown}"
        );
        let from = text[..at].rfind('\n').unwrap() + 1;
        let source_line = text[from..].lines().next().unwrap();
        assert!(
            shown.contains(&format!(" {line} | {source_line}")),
            "{shown}"
        );
    }

    #[test]
    fn quoted_lines_are_the_lines_of_the_whole_text() {
        let text = format!("\u{feff}{}", crate::synth::toml(9_000, 4));
        let path = std::env::temp_dir().join(format!("stances-quoted-{}.toml", std::process::id()));
        fs::write(&path, &text).unwrap();
        let out = check_inputs(vec![Input::Stream(path.clone())], &read_file, &|_| {}).unwrap();
        let layout = &out.streamed[0].layout;
        assert!(layout.chunks.len() > 2 && layout.bom == 3);
        let body = &text[3..];
        let offsets: Vec<usize> = (0..body.len())
            .step_by(99_991)
            .chain([0, body.len() - 1])
            .filter(|&o| body.is_char_boundary(o))
            .collect();
        let lines = quoted_lines(&path, layout, offsets.clone()).unwrap();
        fs::remove_file(&path).unwrap();
        let whole = SourceFile::new("w", body);
        let quoted = SourceFile::with_lines("q", lines);
        for o in offsets {
            assert_eq!(quoted.line_col(o), whole.line_col(o), "offset {o}");
            assert_eq!(quoted.line_at(o), whole.line_at(o), "offset {o}");
        }
    }

    #[test]
    fn a_file_edited_between_its_check_and_its_messages_is_noticed() {
        let (path, text) = big_broken_file("edited");
        let out = check_inputs(vec![Input::Stream(path.clone())], &read_file, &|_| {}).unwrap();
        assert_eq!(out.streamed.len(), 1);
        let diagnostics = &out.checked.diagnostics;
        let mut files = out.files.clone();
        assert!(read_streamed(&mut files, &out.streamed, diagnostics).unwrap());
        // An editor saves a change of the same size: the messages would
        // point at the wrong text, so the load checks again.
        std::thread::sleep(std::time::Duration::from_millis(10));
        fs::write(&path, text.replacen("q1\"", "q7\"", 1)).unwrap();
        let mut files = out.files.clone();
        assert!(!read_streamed(&mut files, &out.streamed, diagnostics).unwrap());
        let loaded = load_path(&path).unwrap();
        fs::remove_file(&path).unwrap();
        // The new text has q7 twice: a duplicate id on line 2 of its quote.
        assert!(
            loaded.report().contains("duplicate id `q7`"),
            "{}",
            loaded.report()
        );
    }

    #[test]
    fn a_load_reports_its_progress_chunk_by_chunk() {
        let text = crate::synth::toml(9_000, 5);
        let path =
            std::env::temp_dir().join(format!("stances-progress-{}.toml", std::process::id()));
        fs::write(&path, &text).unwrap();
        let seen = std::cell::RefCell::new(Vec::new());
        let loaded = load_path_reporting(&path, &|p| seen.borrow_mut().push(p));
        fs::remove_file(&path).unwrap();
        assert!(loaded.unwrap().checked.dataset.is_some());
        let seen = seen.into_inner();
        assert!(seen.len() > 2, "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0].done < w[1].done));
        let total = text.len() as u64;
        assert!(seen.iter().all(|p| p.total == total));
        assert_eq!(seen.last().map(|p| p.done), Some(total));
    }

    #[test]
    fn a_clean_streamed_file_keeps_no_text() {
        let text = crate::synth::toml(9_000, 3);
        let path = std::env::temp_dir().join(format!("stances-clean-{}.toml", std::process::id()));
        fs::write(&path, &text).unwrap();
        let loaded = load_path(&path).unwrap();
        fs::remove_file(&path).unwrap();
        assert!(loaded.checked.diagnostics.is_empty());
        assert!(loaded.files[0].text().is_empty());
        let d = loaded.checked.dataset.unwrap();
        assert_eq!(d.quotes.len(), 9_000);
        assert_eq!(d, crate::synth::dataset(9_000, 3));
    }
}
