//! Cutting a big dataset into chunks that parse on their own.
//!
//! A dataset is mostly arrays of tables (`[[quote]]` items), and a TOML
//! file cut just before a `[[name]]` line is two TOML files whose items,
//! read one after the other, are the items of the whole. So a big file is
//! cut there into chunks of about `CHUNK` bytes that every core parses at
//! once. Read from disk, the file is never whole in memory: a reader hands
//! out one chunk at a time, and it is dropped once parsed.
//!
//! A cut can land inside a multi-line string or array whose line happens
//! to start with `[[`; the chunk before it then fails to parse, and the
//! caller reads the file whole instead, which also gives exact positions
//! for real syntax errors.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;

/// Files smaller than this are parsed in one piece: cutting costs more
/// than it saves.
pub const BIG_FILE: usize = 2 * 1024 * 1024;

/// About how big a chunk is. Small chunks bound the parser's token buffer
/// (about four times the text it lexes) and the text held at once.
const CHUNK: usize = 512 * 1024;

/// One piece of a file, numbered in file order, with its byte offset.
pub struct Chunk<'a> {
    pub number: usize,
    pub offset: usize,
    body: Body<'a>,
}

enum Body<'a> {
    /// A slice of a text in memory, known to be UTF-8.
    Text(&'a str),
    /// Bytes read from a file, not yet checked.
    Bytes(Vec<u8>),
}

impl<'a> Chunk<'a> {
    /// The chunk as text. Checked here, by the worker that parses it,
    /// rather than while the reader is locked. Cuts are at line starts, so
    /// a chunk of a UTF-8 file is UTF-8; if not, the whole-file read says
    /// where it breaks.
    pub fn text(self) -> Result<Cow<'a, str>, GiveUp> {
        match self.body {
            Body::Text(t) => Ok(Cow::Borrowed(t)),
            Body::Bytes(b) => String::from_utf8(b).map(Cow::Owned).map_err(|_| GiveUp),
        }
    }
}

/// Why chunks could not be had: the caller reads the file whole, which
/// reports any real problem (not UTF-8, unreadable) with its position.
#[derive(Debug)]
pub struct GiveUp;

/// Where chunks come from: slices of a text in memory, or a file read
/// piece by piece.
pub enum Chunks<'a> {
    Memory {
        text: &'a str,
        cuts: Vec<Range<usize>>,
        next: usize,
    },
    File(FileChunks),
}

impl<'a> Chunks<'a> {
    /// `text` cut into chunks; `None` when it is too small to be worth it.
    pub fn in_memory(text: &'a str) -> Option<Self> {
        if text.len() < BIG_FILE {
            return None;
        }
        let cuts = cuts(text);
        (cuts.len() > 1).then_some(Chunks::Memory {
            text,
            cuts,
            next: 0,
        })
    }

    /// `text` cut at exactly `at` (sorted offsets of line starts), whatever
    /// its size: for tests of what cutting must not change.
    #[cfg(test)]
    pub fn cut_at(text: &'a str, at: &[usize]) -> Self {
        let mut starts = vec![0];
        starts.extend(at.iter().copied().filter(|&a| a > 0 && a < text.len()));
        starts.push(text.len());
        starts.dedup();
        Chunks::Memory {
            text,
            cuts: starts.windows(2).map(|w| w[0]..w[1]).collect(),
            next: 0,
        }
    }

    /// The next chunk, `None` at the end (or after giving up).
    pub fn next_chunk(&mut self) -> Option<Result<Chunk<'a>, GiveUp>> {
        match self {
            Chunks::Memory { text, cuts, next } => {
                let range = cuts.get(*next)?.clone();
                let chunk = Chunk {
                    number: *next,
                    offset: range.start,
                    body: Body::Text(&text[range]),
                };
                *next += 1;
                Some(Ok(chunk))
            }
            Chunks::File(f) => f.next_chunk(),
        }
    }

    /// Stop handing out chunks: a worker found one that does not parse.
    pub fn stop(&mut self) {
        match self {
            Chunks::Memory { cuts, next, .. } => *next = cuts.len(),
            Chunks::File(f) => {
                f.give_up();
            }
        }
    }

    /// A digest of every byte handed out, for a file read to the end.
    pub fn content_hash(&self) -> Option<u64> {
        match self {
            Chunks::File(f) if f.done && !f.gave_up => Some(f.hasher.finish()),
            _ => None,
        }
    }

    /// For a file read to the end: its stamp when opened, and how many
    /// bytes of byte order mark came before the text.
    pub fn file_facts(&self) -> Option<(Option<Stamp>, usize)> {
        match self {
            Chunks::File(f) if f.done && !f.gave_up => Some((f.stamp, f.bom)),
            _ => None,
        }
    }
}

/// Where a streamed file's chunks lie, so that a message can find its line
/// by reading one chunk again instead of the whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The file as it was when opened.
    pub stamp: Option<Stamp>,
    /// Bytes of byte order mark before the text (offsets count after it).
    pub bom: usize,
    /// Each chunk's start in the text, and the lines before it.
    pub chunks: Vec<(usize, usize)>,
    /// The text's length.
    pub len: usize,
}

/// A file's size and modification time: when both are as they were, the
/// file is taken to be unchanged (as make and cargo do), so messages can
/// quote its lines without reading it all again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: std::time::SystemTime,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }

    /// The stamp of the file at `path` now.
    pub fn now(path: &Path) -> Option<Stamp> {
        Stamp::of(&std::fs::metadata(path).ok()?)
    }
}

/// A file read chunk by chunk, hashing what it hands out so that a later
/// read of the whole file (to quote lines in messages) can tell whether
/// the file changed in between.
pub struct FileChunks {
    file: File,
    /// Bytes read but not yet handed out.
    pending: Vec<u8>,
    /// Offset of `pending[0]` in the file's text (after any byte order mark).
    offset: usize,
    number: usize,
    at_eof: bool,
    started: bool,
    done: bool,
    gave_up: bool,
    hasher: Digest,
    /// The file as it was when opened.
    stamp: Option<Stamp>,
    /// Bytes of byte order mark skipped at the start (0 or 3).
    bom: usize,
}

impl FileChunks {
    /// Open a regular file (never blocking, see `super::open`).
    pub fn open(path: &Path) -> io::Result<Self> {
        let file = super::open::open_regular(path).map_err(|e| io::Error::other(e.message))?;
        let stamp = file.metadata().ok().and_then(|m| Stamp::of(&m));
        Ok(FileChunks {
            file,
            stamp,
            bom: 0,
            pending: Vec::new(),
            offset: 0,
            number: 0,
            at_eof: false,
            started: false,
            done: false,
            gave_up: false,
            hasher: Digest::default(),
        })
    }

    fn next_chunk(&mut self) -> Option<Result<Chunk<'static>, GiveUp>> {
        if self.done {
            return None;
        }
        match self.read_chunk() {
            Ok(Some(bytes)) => {
                self.hasher.write(&bytes);
                let offset = self.offset;
                self.offset += bytes.len();
                let number = self.number;
                self.number += 1;
                Some(Ok(Chunk {
                    number,
                    offset,
                    body: Body::Bytes(bytes),
                }))
            }
            Ok(None) => {
                self.done = true;
                None
            }
            Err(_) => Some(Err(self.give_up())),
        }
    }

    fn give_up(&mut self) -> GiveUp {
        self.done = true;
        self.gave_up = true;
        GiveUp
    }

    /// Read until a cut can be made (or the file ends) and return the bytes
    /// before the cut.
    fn read_chunk(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut want = CHUNK;
        loop {
            if (self.offset + self.pending.len()) as u64 > super::open::MAX_FILE_BYTES {
                // The file grew past the limit while it was read: the
                // whole read that follows says so with its path.
                return Err(io::Error::other("over the size limit"));
            }
            if !self.at_eof && self.pending.len() < want {
                let more = (want - self.pending.len()) as u64;
                let got = (&mut self.file).take(more).read_to_end(&mut self.pending)?;
                if (got as u64) < more {
                    self.at_eof = true;
                }
            }
            if !self.started {
                // Editors on Windows may start a file with a byte order
                // mark; offsets count from after it, as in a whole read.
                self.started = true;
                if self.pending.starts_with(b"\xef\xbb\xbf") {
                    self.pending.drain(..3);
                    self.bom = 3;
                }
            }
            // No TOML text holds a NUL byte (or a second byte order
            // mark): give up at once, and the whole read says where,
            // rather than gather a binary file into one huge chunk.
            if self.pending.contains(&0)
                || (self.bom == 3 && self.offset == 0 && self.pending.starts_with(b"\xef\xbb\xbf"))
            {
                return Err(io::Error::other("not a TOML text file"));
            }
            if self.pending.is_empty() {
                return Ok(None);
            }
            if self.at_eof {
                return Ok(Some(std::mem::take(&mut self.pending)));
            }
            if let Some(cut) = last_cut(&self.pending) {
                let rest = self.pending.split_off(cut);
                return Ok(Some(std::mem::replace(&mut self.pending, rest)));
            }
            // One item longer than a chunk: read on until its end.
            want = self.pending.len() * 2;
        }
    }
}

/// The digest `Chunks::content_hash` gives for a file with this text.
pub fn content_hash(text: &str) -> u64 {
    let mut h = Digest::default();
    h.write(text.as_bytes());
    h.finish()
}

/// A fast 64-bit digest of a byte stream, the same however the stream is
/// split into writes. It only has to notice that a file was edited
/// between two reads, not resist an attacker; it runs while the reader is
/// locked, so it must be much faster than SipHash (which took 5% of a
/// whole check there).
#[derive(Default)]
struct Digest {
    h: u64,
    len: u64,
    tail: [u8; 8],
    tail_len: usize,
}

impl Digest {
    fn mix(&mut self, word: u64) {
        self.h = (self.h.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write(&mut self, mut b: &[u8]) {
        self.len += b.len() as u64;
        if self.tail_len > 0 {
            let take = (8 - self.tail_len).min(b.len());
            self.tail[self.tail_len..self.tail_len + take].copy_from_slice(&b[..take]);
            self.tail_len += take;
            b = &b[take..];
            if self.tail_len < 8 {
                return;
            }
            self.mix(u64::from_le_bytes(self.tail));
            self.tail_len = 0;
        }
        let mut words = b.chunks_exact(8);
        for w in &mut words {
            let mut word = [0; 8];
            word.copy_from_slice(w);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = words.remainder();
        self.tail[..rest.len()].copy_from_slice(rest);
        self.tail_len = rest.len();
    }

    fn finish(&self) -> u64 {
        let mut last = [0; 8];
        last[..self.tail_len].copy_from_slice(&self.tail[..self.tail_len]);
        let mut d = Digest {
            h: self.h,
            ..Digest::default()
        };
        d.mix(u64::from_le_bytes(last));
        d.mix(self.len);
        d.h
    }
}

/// Byte ranges that cover `text`, each but the first starting at a cut,
/// about `CHUNK` bytes each and at least one per core.
fn cuts(text: &str) -> Vec<Range<usize>> {
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let count = (text.len() / CHUNK).max(cores);
    let mut starts = vec![0];
    for k in 1..count {
        let target = text.len() * k / count;
        let Some(cut) = next_cut(text.as_bytes(), target) else {
            continue;
        };
        if cut > *starts.last().unwrap_or(&0) {
            starts.push(cut);
        }
    }
    starts.push(text.len());
    starts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// The first place at or after `from` where a chunk may start.
fn next_cut(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at < b.len() {
        let nl = b[at..].iter().position(|&c| c == b'\n')? + at;
        if is_cut(b, nl + 1) {
            return Some(nl + 1);
        }
        at = nl + 1;
    }
    None
}

/// The last place after the first byte where a chunk may start.
/// Where each item may start: the offsets of every line that opens an
/// undotted item header, after 0. For reading the items that lie before a
/// syntax error.
pub fn item_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    starts.extend((1..b.len()).filter(|&i| b[i - 1] == b'\n' && is_cut(b, i)));
    starts
}

fn last_cut(b: &[u8]) -> Option<usize> {
    let mut end = b.len();
    while let Some(nl) = b[..end].iter().rposition(|&c| c == b'\n') {
        if nl > 0 && is_cut(b, nl + 1) {
            return Some(nl + 1);
        }
        end = nl;
    }
    None
}

/// Whether the line starting at `at` is the header of an item of a
/// top-level array of tables, `[[name]]`, complete in `b`. A dotted header
/// (`[[quote.sub]]`) belongs to the item before it, so it is no cut.
fn is_cut(b: &[u8], at: usize) -> bool {
    let Some(line) = b.get(at..) else {
        return false;
    };
    let Some(rest) = line.strip_prefix(b"[[") else {
        return false;
    };
    let end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
    let header = &rest[..end];
    match header.windows(2).position(|w| w == b"]]") {
        Some(close) => !header[..close].contains(&b'.'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> String {
        let mut s = String::from("[dataset]\ntitle = \"t\"\n\n");
        for i in 0..n {
            s.push_str(&format!(
                "[[quote]]\nid = \"q{i}\"\ntext = \"{}\"\n\n",
                "x".repeat(200)
            ));
        }
        s
    }

    #[test]
    fn cuts_only_before_undotted_item_headers() {
        let b = b"a = 1\n[[quote]]\nx = 1\n[[quote.sub]]\n[quote]\n[[event]]\n";
        let cuts: Vec<usize> = (0..b.len()).filter(|&i| is_cut(b, i)).collect();
        assert_eq!(cuts, vec![6, 44]);
        assert_eq!(last_cut(b), Some(44));
        assert_eq!(next_cut(b, 7), Some(44));
        // A header cut off by the end of what was read is not a cut yet.
        assert_eq!(last_cut(b"x\n[[quo"), None);
    }

    #[test]
    fn memory_chunks_cover_the_text_in_order() {
        let text = items(20_000);
        let mut c = Chunks::in_memory(&text).expect("big enough");
        let mut joined = String::new();
        let mut n = 0;
        while let Some(chunk) = c.next_chunk() {
            let chunk = chunk.unwrap();
            assert_eq!(chunk.number, n);
            assert_eq!(chunk.offset, joined.len());
            let offset = chunk.offset;
            let text = chunk.text().unwrap();
            assert!(offset == 0 || text.starts_with("[[quote]]"));
            joined.push_str(&text);
            n += 1;
        }
        assert!(n > 2);
        assert_eq!(joined, text);
        assert!(Chunks::in_memory(&items(10)).is_none());
    }

    #[test]
    fn file_chunks_cover_the_file_after_its_bom_and_hash_it() {
        let text = items(20_000);
        let path = std::env::temp_dir().join(format!("stances-chunks-{}.toml", std::process::id()));
        std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
        let mut c = Chunks::File(FileChunks::open(&path).unwrap());
        let mut joined = String::new();
        while let Some(chunk) = c.next_chunk() {
            let chunk = chunk.unwrap();
            assert_eq!(chunk.offset, joined.len());
            joined.push_str(&chunk.text().unwrap());
        }
        std::fs::remove_file(&path).unwrap();
        assert_eq!(joined, text);
        assert_eq!(c.content_hash(), Some(content_hash(&text)));
        assert_ne!(content_hash(&text), content_hash(&text[1..]));
        let edited = text.replacen("q7\"", "q8\"", 1);
        assert_ne!(content_hash(&text), content_hash(&edited));
    }

    #[test]
    fn the_digest_does_not_depend_on_how_the_bytes_are_split() {
        let text = "some text that is longer than a few words, split anywhere";
        for split in [0, 1, 7, 8, 9, 30, text.len()] {
            let mut d = Digest::default();
            d.write(&text.as_bytes()[..split]);
            d.write(&text.as_bytes()[split..]);
            assert_eq!(d.finish(), content_hash(text), "split at {split}");
        }
    }

    #[test]
    fn a_file_that_is_not_utf8_gives_up() {
        let mut bytes = items(20_000).into_bytes();
        let at = bytes.len() - 10;
        bytes[at] = 0xff;
        let path =
            std::env::temp_dir().join(format!("stances-chunks-bad-{}.toml", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        let mut c = Chunks::File(FileChunks::open(&path).unwrap());
        let mut gave_up = false;
        while let Some(chunk) = c.next_chunk() {
            gave_up |= chunk.and_then(Chunk::text).is_err();
        }
        std::fs::remove_file(&path).unwrap();
        assert!(gave_up);
    }
}
