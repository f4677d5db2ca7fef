//! Opening a data file safely: only regular files (after following
//! symbolic links), never blocking in `open`, never reading more than the
//! size limit.
//!
//! A dataset path can name anything: `/dev/zero` (endless bytes), a FIFO
//! (whose `open` waits for a writer for ever), a socket, a disk. Checking
//! the metadata first refuses them without touching them; opening with
//! `O_NONBLOCK` and checking the open file again closes the gap where the
//! path is swapped for one of them in between (live reload sees editors
//! and users do exactly that). The size is checked on the bytes actually
//! read, as a file may grow while it is read.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use super::diagnostic::{Kind, ReadError};

/// The number of bytes above which a file is refused rather than parsed:
/// far beyond any hand-written dataset, it guards against reading a disk
/// image by mistake.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// `message` about `path`, as a read error.
pub fn read_error(path: &Path, kind: Kind, message: impl Into<String>) -> ReadError {
    ReadError {
        kind,
        at: None,
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// An OS error in words, without the "(os error N)" tail (worded in one
/// place for the whole program: `crate::os_error`).
pub fn io_message(e: &io::Error) -> String {
    crate::os_error::describe(e)
}

/// What a file that is not a regular file is, in words.
fn kind_of(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Refuse anything but a regular file, naming what it is.
fn regular(path: &Path, meta: &Metadata) -> Result<(), ReadError> {
    match kind_of(meta) {
        None => Ok(()),
        Some(kind) => Err(read_error(
            path,
            Kind::NotRegularFile,
            format!("{kind}, not a regular file; a dataset is read only from regular files"),
        )),
    }
}

/// Refuse a file whose size is over the limit.
fn within_limit(path: &Path, len: u64) -> Result<(), ReadError> {
    if len > MAX_FILE_BYTES {
        return Err(read_error(
            path,
            Kind::TooBig,
            format!(
                "file is more than the {} MB limit ({} MB)",
                MAX_FILE_BYTES / (1024 * 1024),
                len / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

/// `path`'s metadata (symbolic links followed), if it is a regular file
/// within the size limit.
pub fn regular_metadata(path: &Path) -> Result<Metadata, ReadError> {
    let meta =
        fs::metadata(path).map_err(|e| read_error(path, Kind::Unreadable, io_message(&e)))?;
    regular(path, &meta)?;
    within_limit(path, meta.len())?;
    Ok(meta)
}

/// Open `path` for reading if it is a regular file within the size limit.
/// Never blocks: a FIFO swapped in after the first check is opened
/// without waiting for a writer, then refused.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    regular_metadata(path)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| read_error(path, Kind::Unreadable, io_message(&e)))?;
    let meta = file
        .metadata()
        .map_err(|e| read_error(path, Kind::Unreadable, io_message(&e)))?;
    regular(path, &meta)?;
    within_limit(path, meta.len())?;
    Ok(file)
}

/// The whole of a regular file, refused once more than the limit has
/// been read (whatever its size said when it was opened).
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, Kind::Unreadable, io_message(&e)))?;
    within_limit(path, bytes.len() as u64)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn temp(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("stances-open-{name}-{}", std::process::id()))
    }

    #[test]
    fn a_character_device_is_refused_without_reading() {
        let e = read_bounded(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(e.path, "/dev/zero");
        assert!(e.message.contains("a character device"), "{e}");
    }

    #[test]
    fn a_symlink_to_a_device_is_refused_by_what_it_points_to() {
        let link = temp("link.toml");
        let _ = fs::remove_file(&link);
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let e = read_bounded(&link).unwrap_err();
        fs::remove_file(&link).unwrap();
        assert!(e.message.contains("a character device"), "{e}");
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let fifo = temp("fifo.toml");
        let _ = fs::remove_file(&fifo);
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Without a writer, a blocking open would never return.
        let e = open_regular(&fifo).unwrap_err();
        fs::remove_file(&fifo).unwrap();
        assert!(e.message.contains("a named pipe (FIFO)"), "{e}");
    }

    #[test]
    fn a_directory_is_named_as_one() {
        let e = read_bounded(&std::env::temp_dir()).unwrap_err();
        assert!(e.message.starts_with("a directory"), "{e}");
    }

    #[test]
    fn os_errors_are_words_without_their_number() {
        let e = read_bounded(Path::new("/nonexistent/d.toml")).unwrap_err();
        assert_eq!(e.message, "no such file or directory");
        let looped = temp("loop.toml");
        let _ = fs::remove_file(&looped);
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        let e = read_bounded(&looped).unwrap_err();
        fs::remove_file(&looped).unwrap();
        assert!(!e.message.contains("os error"), "{e}");
    }
}
