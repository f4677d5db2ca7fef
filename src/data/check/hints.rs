//! Wording: messages in the user's terms, and "did you mean" hints.

pub fn syntax_message(message: &str) -> String {
    let message = message.trim();
    if message.starts_with("cannot recurse further") {
        return "TOML syntax: nesting too deep (arrays or tables nested beyond the parser's limit)"
            .into();
    }
    format!("TOML syntax: {message}")
}

/// serde's messages name our internal types; say it in the user's terms.
pub fn friendlier(message: &str) -> String {
    let message = message.trim();
    if let Some(i) = message.find("expected struct Raw") {
        return format!("{}expected a table", &message[..i]);
    }
    // Numbers are "f64"/"u32" to serde and "a number" to a person.
    let message = ["f64", "f32"].iter().fold(message.to_string(), |m, t| {
        m.replace(&format!("expected {t}"), "expected a number")
    });
    let message = ["u8", "u16", "u32", "u64", "usize", "i32", "i64"]
        .iter()
        .fold(message, |m, t| {
            m.replace(&format!("expected {t}"), "expected a whole number")
        });
    message
        .replace("expected a sequence", "expected a list")
        .replace("expected a borrowed string", "expected a string")
}

/// ids: a lowercase ASCII letter, then letters, digits and single dashes.
pub fn is_kebab_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// The candidate nearest to `word` by edit distance, if it is near enough
/// to be a plausible typo.
///
/// Ties go to the candidate that starts more like `word` (a renamed
/// `actor-5` is more likely `actor-5x` than `actor-45`), then to the first
/// in alphabetical order: the candidates often come from a hash map, and
/// the hint must not change from one run to the next.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let shared = |c: &str| {
        word.chars()
            .zip(c.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    candidates
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|&(d, c)| (d, std::cmp::Reverse(shared(c)), c))
        .map(|(_, c)| c)
}

pub fn with_article(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_candidate_wins_and_ties_are_settled_the_same_way_every_time() {
        let pick = |cands: &[&'static str]| closest("actor-5", cands.iter().copied());
        assert_eq!(pick(&["actor-45", "actor-5x"]), Some("actor-5x"));
        assert_eq!(pick(&["actor-5x", "actor-45"]), Some("actor-5x"));
        assert_eq!(pick(&["actor-6", "actor-7"]), Some("actor-6"));
        assert_eq!(pick(&["actor-7", "actor-6"]), Some("actor-6"));
        assert_eq!(pick(&["somebody-else"]), None);
        assert_eq!(
            closest("li-qaing", ["li-qiang", "china"].into_iter()),
            Some("li-qiang")
        );
    }
}
