//! Folding text for matching: accents removed (António → Antonio) and,
//! for case-insensitive matching, lower-cased beyond ASCII (Д → д).
//!
//! fuzzy-matcher reports char indices into the string it was given and
//! folds case for ASCII only, so matching runs on a folded copy and every
//! folded char remembers which original char it came from.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A folded string and, when folding changed the char count, the original
/// char index of each folded char.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `map[i]` = index in the original of folded char `i`; `None` when
    /// the two line up one to one (the common case, stored for free).
    pub map: Option<Box<[u32]>>,
}

impl Folded {
    pub fn original_index(&self, folded: usize) -> usize {
        original_index(self.map.as_deref(), folded)
    }
}

/// The original char index of folded char `folded`, given a fold's map.
pub fn original_index(map: Option<&[u32]>, folded: usize) -> usize {
    match map {
        Some(map) => map.get(folded).map_or(folded, |&i| i as usize),
        None => folded,
    }
}

/// Fold `s`: decompose (NFD), drop combining marks, and lower-case when
/// `lower`. Lower-casing takes one char per char (İ → i once its dot is
/// dropped), so the cased and uncased folds have the same length.
pub fn fold(s: &str, lower: bool) -> Folded {
    if s.is_ascii() {
        let text = if lower {
            s.to_ascii_lowercase()
        } else {
            s.to_string()
        };
        return Folded { text, map: None };
    }
    let mut text = String::with_capacity(s.len());
    let mut map: Vec<u32> = Vec::with_capacity(s.len());
    let mut one_to_one = true;
    for (i, c) in s.chars().enumerate() {
        let before = map.len();
        // ASCII needs no decomposition: most characters of most text.
        if c.is_ascii() {
            text.push(if lower { c.to_ascii_lowercase() } else { c });
            map.push(u32::try_from(i).unwrap_or(u32::MAX));
            continue;
        }
        for d in std::iter::once(c).nfd() {
            if is_combining_mark(d) {
                continue;
            }
            let d = if lower {
                d.to_lowercase().next().unwrap_or(d)
            } else {
                d
            };
            text.push(d);
            map.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
        if map.len() != before + 1 {
            one_to_one = false;
        }
    }
    Folded {
        text,
        map: if one_to_one {
            None
        } else {
            Some(map.into_boxed_slice())
        },
    }
}

/// Which characters a string contains, as 64 bits: one per letter or
/// digit (ASCII, either case) and 28 buckets for everything else. If a
/// needle's mask has a bit its haystack's lacks, it cannot match.
pub fn mask(s: &str) -> u64 {
    let mut m = 0u64;
    for c in s.chars() {
        m |= match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            'A'..='Z' => 1 << (c as u32 - 'A' as u32),
            '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            c if c.is_ascii() => 0,
            c => 1 << (36 + (c as u32 % 28)),
        };
    }
    m
}

/// Smart case: a term with an upper-case letter matches case exactly.
/// Only letters that have a lower case count: 𝓐 (mathematical script) is
/// "upper case" to Unicode but has no other case to tell it from.
pub fn has_upper(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_uppercase() && c.to_lowercase().next() != Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_go_case_follows_the_flag() {
        assert_eq!(fold("António Guterres", true).text, "antonio guterres");
        assert_eq!(fold("António", false).text, "Antonio");
        assert_eq!(fold("ДЕЖАВЮ déjà", true).text, "дежавю deja");
        assert_eq!(fold("李强", true).text, "李强");
        assert!(
            fold("António", true).map.is_none(),
            "one to one needs no map"
        );
    }

    #[test]
    fn smart_case_needs_a_letter_with_two_cases() {
        assert!(has_upper("Gov"));
        assert!(has_upper("Дом"));
        assert!(!has_upper("gov"));
        assert!(!has_upper("i𝓐"), "𝓐 has no lower case");
    }

    #[test]
    fn maps_back_when_lengths_change() {
        // A decomposed accent in the input is two chars that fold to one.
        let f = fold("Cafe\u{301} X", true);
        assert_eq!(f.text, "cafe x");
        assert_eq!(f.original_index(5), 6);
        // Hangul syllables decompose into letters that are not marks.
        let k = fold("한a", true);
        assert_eq!(k.text.chars().count(), 4);
        assert_eq!(k.original_index(3), 1);
    }

    #[test]
    fn cased_and_lowered_folds_have_the_same_length() {
        for s in ["İstanbul", "ẞtraße", "ΣΊΣΥΦΟΣ", "Ǆemal", "António 李强 🎉"] {
            assert_eq!(
                fold(s, true).text.chars().count(),
                fold(s, false).text.chars().count(),
                "{s}"
            );
        }
    }
}
