//! The query language, in the spirit of fzf: space-separated terms that
//! must all match.
//!
//! | term | meaning |
//! |---|---|
//! | `word` | fuzzy match |
//! | `'word` | exact substring |
//! | `!word` | exclude quotes containing the substring |
//! | `by:NAME` | quotes by an actor (name, id or alias) or its members |
//! | `tag:TAG` | quotes with a tag starting with TAG |
//! | `about:ID` | quotes about an item whose id starts with ID |
//!
//! A value with spaces goes in double quotes: `by:"li qiang"`. A qualifier
//! without a value is not an error: it is ignored and reported as a hint.

use super::fold::{fold, has_upper, mask};

/// The query syntax, a term and what it matches: the one table the help
/// overlay and `stances search --help` both show.
pub const SYNTAX: &[(&str, &str)] = &[
    (
        "word",
        "fuzzy: the letters in order (smart case, accents ignored)",
    ),
    ("a b", "every term must match"),
    ("'word", "exact substring"),
    ("!word", "exclude quotes containing the word"),
    (
        "by:NAME",
        "quotes by an actor (name, id, alias) or its members",
    ),
    ("tag:TAG", "quotes with a tag starting with TAG"),
    ("about:ID", "quotes about an item whose id starts with ID"),
];

/// The syntax table as aligned lines of plain text, for `--help`.
pub fn syntax_help() -> String {
    let width = SYNTAX.iter().map(|(t, _)| t.len()).max().unwrap_or(0);
    SYNTAX
        .iter()
        .map(|(term, what)| format!("  {term:<width$}  {what}\n"))
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Fuzzy(Pattern),
    Exact(Pattern),
    Exclude(Pattern),
    By(String),
    Tag(String),
    About(String),
}

/// A text pattern, folded the way candidates are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// As typed (accents folded, case kept).
    pub text: String,
    /// Smart case: true when the term has an upper-case letter.
    pub case_sensitive: bool,
    /// What to look for in a candidate's key: `text` lower-cased unless
    /// case-sensitive. Computed once per query, not once per candidate.
    pub needle: String,
    /// `fold::mask` of the lower-cased needle.
    pub mask: u64,
}

impl Pattern {
    pub fn new(raw: &str) -> Pattern {
        let text = fold(raw, false).text;
        let case_sensitive = has_upper(&text);
        let needle = if case_sensitive {
            text.clone()
        } else {
            fold(&text, true).text
        };
        let mask = mask(&fold(&needle, true).text);
        Pattern {
            text,
            case_sensitive,
            needle,
            mask,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Problems worth telling the user, shown beside the field.
    pub hints: Vec<String>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut query = Query::default();
        for raw in split(input) {
            if let Some(term) = parse_term(&raw, &mut query.hints) {
                query.terms.push(term);
            }
        }
        query
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every quote this query matches is also matched by
    /// `previous`, so only `previous`'s matches need scoring again. Holds
    /// when each earlier term is kept or extended (a longer fuzzy, exact or
    /// qualifier value narrows; a longer exclusion widens) and any new
    /// terms come after them.
    pub fn narrows(&self, previous: &Query) -> bool {
        if previous.terms.len() > self.terms.len() {
            return false;
        }
        previous.terms.iter().zip(&self.terms).all(|(old, new)| {
            old == new
                || match (old, new) {
                    (Term::Fuzzy(a), Term::Fuzzy(b)) | (Term::Exact(a), Term::Exact(b)) => {
                        extends(a, b)
                    }
                    (Term::By(a), Term::By(b))
                    | (Term::Tag(a), Term::Tag(b))
                    | (Term::About(a), Term::About(b)) => b.starts_with(a.as_str()),
                    _ => false,
                }
        })
    }
}

/// `b` keeps `a`'s text as a prefix, and is no less case-sensitive (a
/// case-sensitive match is also a case-insensitive one, not the reverse).
fn extends(a: &Pattern, b: &Pattern) -> bool {
    match (a.case_sensitive, b.case_sensitive) {
        (true, true) => b.text.starts_with(a.text.as_str()),
        (false, _) => b.text.to_lowercase().starts_with(&a.text.to_lowercase()),
        (true, false) => false,
    }
}

/// Split on spaces, keeping double-quoted runs together.
fn split(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in input.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn parse_term(raw: &str, hints: &mut Vec<String>) -> Option<Term> {
    for (prefix, make) in [
        ("by:", Term::By as fn(String) -> Term),
        ("tag:", Term::Tag),
        ("about:", Term::About),
    ] {
        if let Some(value) = raw.strip_prefix(prefix) {
            if value.is_empty() {
                hints.push(format!("{prefix} needs a value, e.g. {}", example(prefix)));
                return None;
            }
            return Some(make(fold(value, true).text));
        }
    }
    if let Some(rest) = raw.strip_prefix('\'') {
        if rest.is_empty() {
            hints.push("' needs text after it for an exact match".into());
            return None;
        }
        return Some(Term::Exact(Pattern::new(rest)));
    }
    if let Some(rest) = raw.strip_prefix('!') {
        if rest.is_empty() {
            hints.push("! needs text after it to exclude".into());
            return None;
        }
        return Some(Term::Exclude(Pattern::new(rest)));
    }
    Some(Term::Fuzzy(Pattern::new(raw)))
}

fn example(prefix: &str) -> &'static str {
    match prefix {
        "by:" => "by:guterres",
        "tag:" => "tag:trust",
        _ => "about:china-cooperation-body",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, case_sensitive: bool) -> Pattern {
        let pattern = Pattern::new(s);
        assert_eq!(pattern.case_sensitive, case_sensitive);
        pattern
    }

    #[test]
    fn parses_every_kind_of_term() {
        let q = Query::parse("gov 'exact !not by:guterres tag:trust about:un-");
        assert_eq!(
            q.terms,
            [
                Term::Fuzzy(p("gov", false)),
                Term::Exact(p("exact", false)),
                Term::Exclude(p("not", false)),
                Term::By("guterres".into()),
                Term::Tag("trust".into()),
                Term::About("un-".into()),
            ]
        );
        assert!(q.hints.is_empty());
    }

    #[test]
    fn smart_case_and_accents() {
        let q = Query::parse("António guterres");
        assert_eq!(
            q.terms,
            [
                Term::Fuzzy(p("Antonio", true)),
                Term::Fuzzy(p("guterres", false))
            ]
        );
    }

    #[test]
    fn quoted_values_keep_their_spaces() {
        let q = Query::parse("by:\"Li Qiang\" 'two words");
        assert_eq!(q.terms[0], Term::By("li qiang".into()));
        assert_eq!(q.terms[1], Term::Exact(p("two", false)));
    }

    #[test]
    fn empty_qualifiers_become_hints_not_errors() {
        let q = Query::parse("by: ' ! trust");
        assert_eq!(q.terms, [Term::Fuzzy(p("trust", false))]);
        assert_eq!(q.hints.len(), 3);
        assert!(q.hints[0].starts_with("by: needs a value"));
    }

    #[test]
    fn narrowing_follows_typing() {
        let n = |new: &str, old: &str| Query::parse(new).narrows(&Query::parse(old));
        assert!(n("gove", "gov"));
        assert!(n("gov x", "gov"));
        assert!(n("gov !x", "gov"));
        assert!(n("by:li-q", "by:li"));
        assert!(n("Gov", "gov"), "upper case narrows to exact case");
        assert!(!n("gov", "Gov"));
        assert!(!n("gov", "gove"), "a backspace widens");
        assert!(!n("gov !xy", "gov !x"), "a longer exclusion widens");
        assert!(!n("x gov", "gov"));
        assert!(n("anything", ""));
    }
}
