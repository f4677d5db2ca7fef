//! Where a dataset comes from: the copy embedded in the binary, one file,
//! or a directory of `*.toml` files merged in name order.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::check::{Checked, check_releasing};
use super::diagnostic::SourceFile;

/// The shipped dataset, compiled in so the binary runs anywhere.
pub const EMBEDDED_NAME: &str = "embedded:waic-2025.toml";
pub const EMBEDDED_TEXT: &str = include_str!("../../data/waic-2025.toml");

/// A problem with the files themselves, before any TOML is read: one clear
/// line naming the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: error: {}",
            crate::text::escape_control(&self.path),
            crate::text::escape_control(&self.message)
        )
    }
}

impl std::error::Error for ReadError {}

fn read_error(path: &Path, message: impl Into<String>) -> ReadError {
    ReadError {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// The embedded dataset's single file.
pub fn embedded_files() -> Vec<SourceFile> {
    vec![SourceFile {
        path: EMBEDDED_NAME.to_string(),
        text: EMBEDDED_TEXT.to_string(),
    }]
}

/// Read a file, or a directory's `*.toml` files in name order.
pub fn read_path(path: &Path) -> Result<Vec<SourceFile>, ReadError> {
    let meta = fs::metadata(path).map_err(|e| read_error(path, io_message(&e)))?;
    if meta.is_dir() {
        let mut paths: Vec<PathBuf> = fs::read_dir(path)
            .map_err(|e| read_error(path, io_message(&e)))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|ext| ext == "toml") && p.is_file())
            .collect();
        if paths.is_empty() {
            return Err(read_error(path, "directory contains no .toml files"));
        }
        paths.sort();
        paths.iter().map(|p| read_file(p)).collect()
    } else {
        Ok(vec![read_file(path)?])
    }
}

/// The number of bytes above which a file is refused rather than parsed:
/// far beyond any hand-written dataset, it guards against reading a disk
/// image by mistake.
const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

fn read_file(path: &Path) -> Result<SourceFile, ReadError> {
    let meta = fs::metadata(path).map_err(|e| read_error(path, io_message(&e)))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(read_error(
            path,
            format!(
                "file is {} MB, more than the 512 MB limit",
                meta.len() / 1_000_000
            ),
        ));
    }
    let bytes = fs::read(path).map_err(|e| read_error(path, io_message(&e)))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        // Locate the bad byte like any other problem: line and column.
        let prefix = SourceFile {
            path: String::new(),
            text: String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned(),
        };
        let at = prefix.line_col(valid);
        let byte = e.as_bytes()[valid];
        ReadError {
            path: format!("{}:{}:{}", path.display(), at.line, at.column),
            message: format!("not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8"),
        }
    })?;
    // Editors on Windows may start a UTF-8 file with a byte order mark;
    // TOML does not allow it and columns should not count it.
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if text.trim().is_empty() {
        return Err(read_error(
            path,
            "file is empty (a dataset needs at least a [dataset] table)",
        ));
    }
    Ok(SourceFile {
        path: path.display().to_string(),
        text,
    })
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            // Loops of symbolic links and the like: the OS words it best,
            // without the "(os error N)" tail.
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Everything known about one load: the files as read and the check result.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub files: Vec<SourceFile>,
    pub checked: Checked,
}

/// Read and check: `None` is the embedded dataset.
pub fn load(path: Option<&Path>) -> Result<Loaded, ReadError> {
    let mut files = match path {
        Some(p) => read_path(p)?,
        None => embedded_files(),
    };
    let checked = check_releasing(&mut files);
    Ok(Loaded { files, checked })
}

impl Loaded {
    /// Every diagnostic rendered, in order, ready to print.
    pub fn report(&self) -> String {
        self.checked
            .diagnostics
            .iter()
            .map(|d| d.render(&self.files))
            .collect::<Vec<_>>()
            .join("\n")
    }
}
