//! Students' display names: the username their SSH client sent, made
//! safe to draw on everyone's screen, and unique in the class.
//!
//! A username is whatever bytes a client chose to send, so it may try
//! the tricks of tests/injection.rs: escape sequences, bidi overrides,
//! invisible joiners, a screenful of combining marks, a name that looks
//! like someone else's. The name drawn is short, printable and visible;
//! two students never share one.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use crate::text;

/// The widest display name, in terminal cells.
pub const MAX_NAME_WIDTH: usize = 20;

/// The most characters of a username that are looked at: enough for any
/// real name, however it is written (combining marks included).
const MAX_RAW_CHARS: usize = 64;

/// The most characters a display name keeps, so that a letter under a
/// pile of combining marks (one cell wide) costs no more than a name.
const MAX_NAME_CHARS: usize = 32;

/// The name of a student who gave none (or none that can be drawn).
pub const ANON: &str = "anon";

/// A username as a display name: NFC; control, bidi and format
/// characters dropped (the chokepoint of [`text::is_unsafe`] and
/// [`text::is_format`]); runs of spaces as one; at most
/// [`MAX_NAME_WIDTH`] cells, with `…` when cut; [`ANON`] when nothing
/// visible is left.
pub fn display_name(raw: &str) -> String {
    let raw = text::head_chars(raw, MAX_RAW_CHARS);
    let mut name = String::new();
    let mut space = false;
    for c in raw.nfc() {
        if c.is_whitespace() || is_blank(c) {
            space = !name.is_empty();
            continue;
        }
        if c.is_control() || text::is_unsafe(c) || text::is_format(c) {
            continue;
        }
        if space {
            name.push(' ');
            space = false;
        }
        name.push(c);
    }
    let name = text::head_chars(&name, MAX_NAME_CHARS);
    if !name
        .chars()
        .any(|c| text::width(c.encode_utf8(&mut [0; 4])) > 0)
    {
        return ANON.to_string();
    }
    text::truncate(name, MAX_NAME_WIDTH).into_owned()
}

/// Letters that draw as nothing (Hangul fillers, the blank Braille
/// cell): taken as spaces, so that a name of them is no name.
fn is_blank(c: char) -> bool {
    matches!(
        c,
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}'
    )
}

/// The names in use in one class. Joining hands out the display name,
/// with `-2`, `-3`… when it is taken; leaving frees it for the next.
#[derive(Debug, Default)]
pub struct Roster {
    taken: HashSet<String>,
}

impl Roster {
    pub fn new() -> Roster {
        Roster::default()
    }

    /// The display name of `raw`, unique among those who are here, and
    /// now taken.
    pub fn join(&mut self, raw: &str) -> String {
        let base = display_name(raw);
        let name = if self.taken.contains(&base) {
            (2..)
                .map(|n| with_suffix(&base, n))
                .find(|name| !self.taken.contains(name))
                .expect("fewer names are taken than there are numbers")
        } else {
            base
        };
        self.taken.insert(name.clone());
        name
    }

    /// `name` (as [`Roster::join`] gave it) is free again.
    pub fn leave(&mut self, name: &str) {
        self.taken.remove(name);
    }

    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    pub fn len(&self) -> usize {
        self.taken.len()
    }

    pub fn is_empty(&self) -> bool {
        self.taken.is_empty()
    }
}

/// `base-n`, with `base` cut so that the whole still fits
/// [`MAX_NAME_WIDTH`].
fn with_suffix(base: &str, n: u32) -> String {
    let suffix = format!("-{n}");
    let room = MAX_NAME_WIDTH.saturating_sub(suffix.len());
    format!("{}{suffix}", text::truncate(base, room))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_kept() {
        assert_eq!(display_name("sam"), "sam");
        assert_eq!(display_name("Zhang Wei"), "Zhang Wei");
        assert_eq!(display_name("李强"), "李强");
        assert_eq!(display_name("o'brien-smith_2"), "o'brien-smith_2");
    }

    #[test]
    fn names_are_nfc() {
        // e + combining acute is é, one character.
        assert_eq!(display_name("Rene\u{301}"), "Ren\u{e9}");
    }

    #[test]
    fn controls_bidi_and_format_characters_are_removed() {
        assert_eq!(display_name("sam\u{1b}[31m"), "sam[31m");
        assert_eq!(display_name("\u{1b}]0;pwned\u{7}x"), "]0;pwnedx");
        assert_eq!(display_name("a\u{9b}2Jb"), "a2Jb");
        assert_eq!(display_name("evil\u{202e}gnp.exe"), "evilgnp.exe");
        assert_eq!(display_name("in\u{2067}vis\u{2069}"), "invis");
        assert_eq!(display_name("z\u{200b}w\u{200d}j\u{feff}\u{ad}"), "zwj");
        assert_eq!(display_name("tag\u{e0041}\u{e007f}"), "tag");
        assert_eq!(display_name("a\r\nb\tc"), "a b c");
        assert_eq!(display_name("bs\u{8}\u{8}x\u{7f}"), "bsx");
    }

    #[test]
    fn spaces_are_folded_and_trimmed() {
        assert_eq!(display_name("  sam   lee  "), "sam lee");
        assert_eq!(display_name("a\u{3000}b"), "a b");
    }

    #[test]
    fn names_with_nothing_visible_are_anon() {
        for raw in [
            "",
            "   ",
            "\u{1b}\u{7}\u{202e}",
            "\u{200b}\u{200d}",
            "\u{3164}\u{3164}",
            "\u{301}\u{301}",
        ] {
            assert_eq!(display_name(raw), ANON, "{raw:?}");
        }
    }

    #[test]
    fn names_are_bounded_in_cells_and_characters() {
        let long = display_name(&"a".repeat(10_000));
        assert_eq!(text::width(&long), MAX_NAME_WIDTH);
        assert!(long.ends_with('…'));
        let wide = display_name(&"李".repeat(50));
        assert!(text::width(&wide) <= MAX_NAME_WIDTH);
        // A letter under thousands of combining marks: one cell, but not
        // thousands of characters to draw.
        let zalgo = display_name(&format!("x{}", "\u{336}\u{337}".repeat(5_000)));
        assert!(
            zalgo.chars().count() <= MAX_NAME_CHARS + 1,
            "{}",
            zalgo.len()
        );
        assert!(zalgo.starts_with('x'));
    }

    #[test]
    fn the_roster_hands_out_unique_names_and_frees_them() {
        let mut r = Roster::new();
        assert_eq!(r.join("sam"), "sam");
        assert_eq!(r.join("sam"), "sam-2");
        assert_eq!(r.join("sam\u{200b}"), "sam-3");
        assert_eq!(r.join(""), "anon");
        assert_eq!(r.join("\u{1b}"), "anon-2");
        assert_eq!(r.len(), 5);
        r.leave("sam-2");
        assert!(!r.contains("sam-2"));
        assert_eq!(r.join("sam"), "sam-2");
        r.leave("sam");
        assert_eq!(r.join("sam"), "sam");
        // Someone who really is called sam-2 gets a name of their own.
        assert_eq!(r.join("sam-2"), "sam-2-2");
        r.leave("nobody");
        assert_eq!(r.len(), 6);
    }

    #[test]
    fn a_suffix_still_fits_the_width() {
        let mut r = Roster::new();
        let long = "x".repeat(40);
        let first = r.join(&long);
        let names: Vec<String> = (0..12).map(|_| r.join(&long)).collect();
        assert_eq!(names[0], format!("{}…-2", "x".repeat(MAX_NAME_WIDTH - 3)));
        for name in names.iter().chain([&first]) {
            assert!(text::width(name) <= MAX_NAME_WIDTH, "{name}");
        }
        let unique: HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(names[11], format!("{}…-13", "x".repeat(MAX_NAME_WIDTH - 4)));
    }
}
