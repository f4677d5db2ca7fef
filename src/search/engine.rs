//! Matching and ranking quotes.
//!
//! Each quote becomes a candidate: one folded haystack of its text, its
//! speaker's name, role and aliases, its context and its tags. A query's
//! terms must all match; the score is the sum of the terms' scores, ties
//! broken by dataset order.
//!
//! Cost is what makes typing fluid at 100,000 quotes, so each fuzzy term
//! goes through three steps, cheapest first:
//! 1. a 64-bit mask of the characters the haystack contains rejects most
//!    non-matches with one AND;
//! 2. a forward then a backward scan finds the shortest window that holds
//!    the term's characters in order, or proves there is none;
//! 3. fuzzy-matcher's SkimMatcherV2 scores only that window (with the char
//!    before it, for word-boundary bonuses), as fzf's fast path does,
//!    rather than building its score matrix over the whole text.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Folded, fold, mask, original_index};
use super::query::{Pattern, Query, Term};
use crate::data::Dataset;

/// Scores of contiguous matches seen in one pass, by (term, the char
/// before the match). A handful of entries: searched in order.
#[derive(Default)]
struct ContiguousScores(Vec<((usize, Option<char>), i64)>);

/// One ranked result: the quote's index in the dataset and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub quote: u32,
    pub score: i64,
}

/// Where the matched characters are, as char indices into the quote's
/// text and into its speaker's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    pub text: Vec<usize>,
    pub speaker: Vec<usize>,
    /// Matches in the other fields (role, alias, context, tag): the
    /// field's name, its text and the char indices in it, so that a result
    /// matched there can say so.
    pub other: Vec<FieldMatch>,
}

/// Matched characters in one of a quote's other searchable fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    pub field: &'static str,
    pub value: String,
    pub positions: Vec<usize>,
}

struct Candidate {
    /// The haystack folded to lower case, in a box of its exact size (a
    /// `String` would cost 8 bytes more, and its spare room more still,
    /// 100,000 times over).
    key: Box<str>,
    /// Original char index of each key char, when they differ (`Folded`).
    map: Option<Box<[u32]>>,
    /// Where the quote text ends in `key`, in bytes. (Which field a
    /// highlighted char is in is worked out when highlighting, from
    /// `fields`: not stored 100,000 times.)
    text_end: u32,
    mask: u64,
}

/// The searchable form of a dataset's quotes. Immutable: built once, then
/// shared by the worker and the screen.
pub struct Index {
    data: Arc<Dataset>,
    candidates: Vec<Candidate>,
    matcher: SkimMatcherV2,
}

/// The text a quote is searched by (its fields joined by newlines), for
/// tools that want to match the same text another way (the benchmarks'
/// reference matchers).
pub fn haystack_text(d: &Dataset, i: usize) -> String {
    haystack(d, i).0
}

/// The fields quote `i` is searched by, in haystack order, named as
/// `--json` and the preview name them: its text, its speaker's name,
/// role and aliases, its context and its tags.
fn fields(d: &Dataset, i: usize) -> Vec<(&'static str, &str)> {
    let q = &d.quotes[i];
    let mut out = vec![("text", q.text.as_str())];
    match d.actor(&q.speaker) {
        Some(a) => {
            out.push(("speaker", a.name.as_str()));
            out.extend(a.role.iter().map(|r| ("role", r.as_str())));
            out.extend(a.aliases.iter().map(|r| ("alias", r.as_str())));
        }
        None => out.push(("speaker", q.speaker.as_str())),
    }
    out.extend(q.context.iter().map(|c| ("context", c.as_str())));
    out.extend(q.tags.iter().map(|t| ("tag", t.as_str())));
    out
}

/// The haystack of quote `i`: fields joined by newlines, which the matcher
/// treats as word boundaries. Returns it with the text's length in chars.
fn haystack(d: &Dataset, i: usize) -> (String, u32) {
    let q = &d.quotes[i];
    let mut s = String::with_capacity(q.text.len() + 64);
    for (n, (_, value)) in fields(d, i).into_iter().enumerate() {
        if n > 0 {
            s.push('\n');
        }
        s.push_str(value);
    }
    let text_len = q.text.chars().count();
    (s, u32::try_from(text_len).unwrap_or(u32::MAX))
}

/// Other characters a fuzzy match may leave between its letters when it
/// crosses a space: "gov ai" never matches "go… v… a… i…" spread over a
/// sentence, yet a typo or a dropped letter still finds the word.
const GAPS: usize = 3;

/// The shortest window of `hay` (a byte range) holding `pat`'s chars in
/// order that a person can see as a match: within one field (fields are
/// separated by newlines), and either within one word or with at most
/// [`GAPS`] other characters between its letters, and its first two
/// letters side by side. Letters picked one by one across a sentence
/// ("c…h…i…n…a" over "cannot be left to the whims of markets") are no
/// match, nor are two letters a word apart ("eu" in "inequality"): a
/// short query is too short to be a typo of anything. Every start is tried, so the answer is
/// exact, and a longer term never matches where its start does not (the
/// search worker narrows earlier results on that promise); each try stops
/// as soon as its window can no longer be one.
fn window(hay: &str, pat: &str) -> Option<Range<usize>> {
    // The letters side by side, when they are anywhere: the best window.
    if let Some(at) = hay.find(pat) {
        return Some(at..at + pat.len());
    }
    let first = pat.chars().next()?;
    let mut best: Option<Range<usize>> = None;
    for (start, _) in hay.match_indices(first) {
        if let Some(w) = window_at(hay, pat, start)
            && best.as_ref().is_none_or(|b| w.len() < b.len())
        {
            best = Some(w);
        }
    }
    best
}

/// The tightest visible window starting at byte `start` (where `pat`'s
/// first char is), if any.
fn window_at(hay: &str, pat: &str, start: usize) -> Option<Range<usize>> {
    let mut wanted = pat.chars();
    let mut need = wanted.next()?;
    let (mut gaps, mut spaced, mut matched) = (0, false, 0);
    for (i, c) in hay[start..].char_indices() {
        if c == need {
            matched += 1;
            match wanted.next() {
                Some(next) => need = next,
                None => return Some(start..start + i + c.len_utf8()),
            }
            continue;
        }
        // The second letter must follow the first. This keeps the promise
        // above: a longer query's window starts with its prefix's.
        if c == '\n' || matched == 1 {
            return None;
        }
        gaps += 1;
        spaced |= c.is_whitespace();
        if spaced && gaps > GAPS {
            return None;
        }
    }
    None
}

/// Widen `range` by one char on the left, for the matcher's boundary bonus.
fn with_context(hay: &str, range: Range<usize>) -> Range<usize> {
    let start = hay[..range.start]
        .char_indices()
        .next_back()
        .map_or(range.start, |(i, _)| i);
    start..range.end
}

/// Indexes are equal only to themselves: comparing 100,000 candidates
/// would say nothing the identity does not (this lets actions that carry
/// one be compared in tests).
impl PartialEq for Index {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({} quotes)", self.candidates.len())
    }
}

impl Index {
    pub fn new(data: Arc<Dataset>) -> Index {
        let candidate = |i: usize| {
            let (hay, text_len) = haystack(&data, i);
            let Folded { text, map } = fold(&hay, true);
            let mask = mask(&text);
            // The first key char that comes from after the quote text.
            let text_end = text
                .char_indices()
                .enumerate()
                .find(|&(k, _)| original_index(map.as_deref(), k) >= text_len as usize)
                .map_or(text.len(), |(_, (byte, _))| byte);
            Candidate {
                key: text.into_boxed_str(),
                map,
                text_end: u32::try_from(text_end).unwrap_or(u32::MAX),
                mask,
            }
        };
        // Folding 100,000 quotes takes a while: spread over every core,
        // in runs of 4,096 so that a small dataset stays on one. An
        // indexed collect writes each candidate into its place in the
        // final vector, so no second copy of the candidates is ever alive,
        // and their keys are in memory once.
        let candidates: Vec<Candidate> = (0..data.quotes.len())
            .into_par_iter()
            .with_min_len(4096)
            .map(candidate)
            .collect();
        Index {
            data,
            candidates,
            // Case is handled by folding, so the matcher compares as given.
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    /// An index of `data` that has no candidates yet: it finds nothing.
    /// It stands in while the real one is built, so that a big dataset can
    /// be shown before it can be searched.
    pub fn pending(data: Arc<Dataset>) -> Index {
        Index {
            data,
            candidates: Vec::new(),
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    /// Whether this index covers its dataset's quotes (not `pending`).
    pub fn is_ready(&self) -> bool {
        self.candidates.len() == self.data.quotes.len()
    }

    /// Whether this index was built from exactly `data`.
    pub fn is_for(&self, data: &Arc<Dataset>) -> bool {
        Arc::ptr_eq(&self.data, data)
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The haystack folded with its case kept, for case-sensitive terms.
    /// Rebuilt on demand: most queries are lower case.
    fn cased_key(&self, i: usize) -> String {
        fold(&haystack(&self.data, i).0, false).text
    }

    /// Score one text term against candidate `i`; `None` if it fails.
    /// With `positions`, also the matched char indices in the folded key.
    fn term_score(&self, i: usize, term: &Term, positions: Option<&mut Vec<usize>>) -> Option<i64> {
        self.term_score_with(i, term, positions, &mut ContiguousScores::default())
    }

    /// `term_score`, remembering the scores of contiguous matches: when the
    /// needle's letters stand together, SkimMatcherV2's score depends only
    /// on the needle and the character before it, so the same word found
    /// in thousands of quotes costs one matcher call per kind of
    /// preceding character, not one per quote.
    fn term_score_with(
        &self,
        i: usize,
        term: &Term,
        positions: Option<&mut Vec<usize>>,
        memo: &mut ContiguousScores,
    ) -> Option<i64> {
        let c = &self.candidates[i];
        let (pattern, exact) = match term {
            Term::Fuzzy(p) => (p, false),
            Term::Exact(p) => (p, true),
            Term::Exclude(p) => {
                return (!self.contains(i, p)).then_some(0);
            }
            // Qualifiers are applied before scoring.
            Term::By(_) | Term::Tag(_) | Term::About(_) => return Some(0),
        };
        let pat = pattern.needle.as_str();
        // Every char of the needle is in the lower-cased key when it
        // matches at all (case-sensitive matches too): one AND rejects.
        if pattern.mask & !c.mask != 0 {
            return None;
        }
        let hay: std::borrow::Cow<str> = if pattern.case_sensitive {
            self.cased_key(i).into()
        } else {
            (*c.key).into()
        };
        let found = if exact {
            hay.find(pat).map(|s| s..s + pat.len())?
        } else {
            window(&hay, pat)?
        };
        let scored = with_context(&hay, found.clone());
        let slice = &hay[scored.clone()];
        let score = match positions {
            Some(out) => {
                let (score, local) = self.matcher.fuzzy_indices(slice, pat)?;
                let base = hay[..scored.start].chars().count();
                out.extend(local.into_iter().map(|p| base + p));
                score
            }
            None if found.len() == pat.len() => {
                // Contiguous: the slice is the needle after one char (or
                // none, at the start).
                let before = hay[..found.start].chars().next_back();
                let key = (std::ptr::from_ref(term) as usize, before);
                match memo.0.iter().find(|(k, _)| *k == key) {
                    Some((_, score)) => *score,
                    None => {
                        let score = self.matcher.fuzzy_match(slice, pat)?;
                        memo.0.push((key, score));
                        score
                    }
                }
            }
            None => self.matcher.fuzzy_match(slice, pat)?,
        };
        // Between equal matches, one in the quote's own words comes before
        // one in its speaker's name, context or tags: scores are doubled
        // and such a match gets one more. (The cased key may differ from
        // the lower-cased one in bytes, never in chars.)
        let in_text = if pattern.case_sensitive {
            hay[..found.end].chars().count() <= c.key[..c.text_end as usize].chars().count()
        } else {
            found.end <= c.text_end as usize
        };
        let score = 2 * score + i64::from(in_text);
        // An exact term is worth more than the same letters found apart.
        Some(if exact { score * 2 } else { score })
    }

    fn contains(&self, i: usize, p: &Pattern) -> bool {
        if p.case_sensitive {
            self.cased_key(i).contains(p.needle.as_str())
        } else {
            self.candidates[i].key.contains(p.needle.as_str())
        }
    }

    /// The quotes the qualifiers allow (all when there are none).
    pub fn allowed(&self, query: &Query) -> Option<Vec<bool>> {
        let d = &*self.data;
        let mut allowed: Option<Vec<bool>> = None;
        let mut restrict = |keep: &dyn Fn(usize) -> bool| {
            let v = allowed.get_or_insert_with(|| vec![true; d.quotes.len()]);
            for (i, slot) in v.iter_mut().enumerate() {
                *slot = *slot && keep(i);
            }
        };
        for term in &query.terms {
            match term {
                Term::By(name) => {
                    let actors = actors_named(d, name);
                    restrict(&|i| actors.iter().any(|a| d.is_within(&d.quotes[i].speaker, a)));
                }
                Term::Tag(tag) => restrict(&|i| {
                    d.quotes[i]
                        .tags
                        .iter()
                        .any(|t| fold(t, true).text.starts_with(tag.as_str()))
                }),
                Term::About(id) => {
                    restrict(&|i| d.quotes[i].about.iter().any(|a| a.starts_with(id.as_str())))
                }
                _ => {}
            }
        }
        allowed
    }

    /// Score the candidates `ids` (unsorted result); `None` if `cancelled`
    /// said so before the end. Runs on every core.
    pub fn score(
        &self,
        query: &Query,
        allowed: Option<&[bool]>,
        ids: &[u32],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        // Scoped threads, not rayon (which builds the index): measured side
        // by side in one criterion run at 100,000 quotes, rayon's
        // `par_chunks` over the same parts scored a fresh query in 200 and
        // 208 ms against 195 and 185 ms for these threads.
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(ids.len() / 2048 + 1);
        let one = |part: &[u32]| -> Option<Vec<Hit>> {
            let mut hits = Vec::new();
            let mut memo = ContiguousScores::default();
            for (n, &id) in part.iter().enumerate() {
                if n % 1024 == 0 && cancelled() {
                    return None;
                }
                let i = id as usize;
                if allowed.is_some_and(|a| !a[i]) {
                    continue;
                }
                let mut total = 0;
                let all = query.terms.iter().all(|t| {
                    self.term_score_with(i, t, None, &mut memo)
                        .map(|s| total += s)
                        .is_some()
                });
                if all {
                    hits.push(Hit {
                        quote: id,
                        score: total,
                    });
                }
            }
            Some(hits)
        };
        if threads <= 1 {
            return one(ids);
        }
        let chunk = ids.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = ids
                .chunks(chunk)
                .map(|part| s.spawn(move || one(part)))
                .collect();
            let mut all = Vec::new();
            for h in handles {
                all.extend(h.join().ok()??);
            }
            Some(all)
        })
    }

    /// The whole search at once: every quote the query matches, ranked.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let ids: Vec<u32> = (0..u32::try_from(self.len()).unwrap_or(u32::MAX)).collect();
        let allowed = self.allowed(query);
        let mut hits = self
            .score(query, allowed.as_deref(), &ids, &|| false)
            .unwrap_or_default();
        rank(&mut hits);
        hits
    }

    /// Which characters of quote `i`'s text and speaker the query matched.
    pub fn highlight(&self, i: usize, query: &Query) -> Highlight {
        let mut out = Highlight::default();
        if i >= self.len() {
            return out;
        }
        let c = &self.candidates[i];
        let mut folded_positions = Vec::new();
        for term in &query.terms {
            if matches!(term, Term::Fuzzy(_) | Term::Exact(_)) {
                let _ = self.term_score(i, term, Some(&mut folded_positions));
            }
        }
        // Each field's char range in the haystack (fields are joined by
        // one newline).
        let mut ranges = Vec::new();
        let mut at = 0;
        for (name, value) in fields(&self.data, i) {
            let len = value.chars().count();
            ranges.push((name, value, at..at + len));
            at += len + 1;
        }
        for p in folded_positions {
            let original = original_index(c.map.as_deref(), p);
            let Some((name, value, range)) = ranges.iter().find(|(_, _, r)| r.contains(&original))
            else {
                continue;
            };
            let local = original - range.start;
            match *name {
                "text" => out.text.push(local),
                "speaker" => out.speaker.push(local),
                _ => match out
                    .other
                    .iter_mut()
                    .find(|f| f.field == *name && f.value == *value)
                {
                    Some(f) => f.positions.push(local),
                    None => out.other.push(FieldMatch {
                        field: name,
                        value: value.to_string(),
                        positions: vec![local],
                    }),
                },
            }
        }
        for v in [&mut out.text, &mut out.speaker]
            .into_iter()
            .chain(out.other.iter_mut().map(|f| &mut f.positions))
        {
            v.sort_unstable();
            v.dedup();
        }
        out
    }
}

/// Best score first; equal scores keep dataset order.
pub fn rank(hits: &mut [Hit]) {
    hits.sort_unstable_by_key(|h| (std::cmp::Reverse(h.score), h.quote));
}

/// Actors a `by:` value names: by id, or by a folded name or alias that
/// contains it.
pub fn actors_named(d: &Dataset, value: &str) -> Vec<String> {
    d.actors
        .iter()
        .filter(|a| {
            a.id == value
                || fold(&a.name, true).text.contains(value)
                || a.aliases.iter().any(|x| fold(x, true).text.contains(value))
        })
        .map(|a| a.id.clone())
        .collect()
}

/// The first `by:` term that names no actor, worded for the user with the
/// nearest actor when one is near: such a query can never match.
pub fn unknown_actor(d: &Dataset, query: &Query) -> Option<String> {
    query.terms.iter().find_map(|term| {
        let Term::By(name) = term else { return None };
        if !actors_named(d, name).is_empty() {
            return None;
        }
        // A typo is near an id, a whole name or alias, or one word of one.
        let mut spellings: Vec<(String, &str)> = Vec::new();
        for a in &d.actors {
            spellings.push((a.id.to_string(), a.id.as_str()));
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                let folded = fold(n, true).text;
                for word in folded.split_whitespace() {
                    spellings.push((word.to_string(), a.id.as_str()));
                }
                spellings.push((folded, a.id.as_str()));
            }
        }
        let nearest = crate::data::check::closest(name, spellings.iter().map(|(s, _)| s.as_str()))
            .and_then(|s| spellings.iter().find(|(w, _)| w == s))
            .and_then(|(_, id)| d.actor(id));
        let mut message = format!("by:{name}: no actor is called `{name}`");
        if let Some(a) = nearest {
            message.push_str(&format!("; did you mean `by:{}` ({})?", a.id, a.name));
        }
        Some(message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_actor_is_named_with_the_nearest() {
        let d = crate::data::load(None).unwrap().checked.dataset.unwrap();
        let q = |s| unknown_actor(&d, &Query::parse(s));
        assert_eq!(q("by:guterres trust"), None);
        assert_eq!(q("governance"), None);
        assert_eq!(
            q("by:guteres").as_deref(),
            Some(
                "by:guteres: no actor is called `guteres`; did you mean `by:antonio-guterres` (António Guterres)?"
            )
        );
        assert_eq!(
            q("by:nobody").as_deref(),
            Some("by:nobody: no actor is called `nobody`")
        );
    }

    fn index() -> Index {
        Index::new(Arc::new(
            crate::data::load(None).unwrap().checked.dataset.unwrap(),
        ))
    }

    fn ids(ix: &Index, q: &str) -> Vec<String> {
        ix.search(&Query::parse(q))
            .iter()
            .map(|h| ix.data().quotes[h.quote as usize].id.to_string())
            .collect()
    }

    #[test]
    fn finds_by_text_speaker_role_context_and_tags() {
        let ix = index();
        assert_eq!(ids(&ix, "whims")[0], "un-whims-of-markets");
        assert_eq!(ids(&ix, "antonio")[0], "guterres-defining-test");
        // "coop" is in Guterres' own words and in the context of Li's
        // "exclusive game": the quote that says it comes first.
        let coop = ids(&ix, "coop");
        assert_eq!(coop[..2], ["guterres-defining-test", "li-exclusive-game"]);
        assert_eq!(ids(&ix, "secretary")[0], "guterres-defining-test");
        assert!(ids(&ix, "premier").contains(&"li-exclusive-game".to_string()));
        assert_eq!(
            ids(&ix, "'killer"),
            Vec::<String>::new(),
            "only reactions carry that tag"
        );
        assert_eq!(ids(&ix, "'inequality"), ["li-exclusive-game"]);
        assert_eq!(ids(&ix, "inequality")[0], "li-exclusive-game");
    }

    #[test]
    fn a_typo_still_finds_the_quote() {
        let ix = index();
        // "fragmnted": a letter left out still matches as a subsequence;
        // the three quotes that say "fragmented" come first.
        let mut top: Vec<String> = ids(&ix, "fragmnted").into_iter().take(3).collect();
        top.sort();
        assert_eq!(
            top,
            [
                "baidu-too-important",
                "li-fragmented-reuters",
                "li-fragmented-wion"
            ]
        );
    }

    #[test]
    fn smart_case() {
        let ix = index();
        assert!(!ids(&ix, "ai").is_empty());
        assert!(ids(&ix, "AI is too").contains(&"baidu-too-important".to_string()));
        assert!(
            ids(&ix, "'Exclusive").is_empty(),
            "upper case must match exactly"
        );
    }

    #[test]
    fn qualifiers_filter() {
        let ix = index();
        assert_eq!(ids(&ix, "by:china").len(), 5, "members included");
        assert_eq!(ids(&ix, "by:guterres"), ["guterres-defining-test"]);
        assert_eq!(ids(&ix, "by:\"li qiang\" mankind")[0], "li-benefit-mankind");
        assert!(ids(&ix, "by:\"li qiang\" mankind").len() <= 3);
        assert_eq!(ids(&ix, "tag:trust"), ["li-exclusive-game"]);
        assert_eq!(ids(&ix, "about:un-inclusive").len(), 2);
        assert_eq!(ids(&ix, "by:nobody-at-all"), Vec::<String>::new());
        assert_eq!(
            ids(&ix, "!mankind by:li-qiang"),
            [
                "li-governance-dispersed",
                "li-fragmented-reuters",
                "li-fragmented-wion",
                "li-exclusive-game"
            ]
        );
    }

    #[test]
    fn ties_keep_dataset_order() {
        let ix = index();
        let hits = ix.search(&Query::parse(""));
        assert_eq!(hits.len(), ix.data().quotes.len());
        assert!(hits.windows(2).all(|w| w[0].quote < w[1].quote));
    }

    #[test]
    fn highlights_point_at_the_matched_letters() {
        let ix = index();
        let i = ix
            .data()
            .quotes
            .iter()
            .position(|q| q.id == "guterres-defining-test")
            .unwrap();
        let h = ix.highlight(i, &Query::parse("antonio"));
        assert!(h.text.is_empty());
        let name: Vec<char> = "António Guterres".chars().collect();
        let marked: String = h.speaker.iter().map(|&p| name[p]).collect();
        assert_eq!(marked, "António");
        let h = ix.highlight(i, &Query::parse("'test"));
        let text: Vec<char> = ix.data().quotes[i].text.chars().collect();
        assert_eq!(h.text.iter().map(|&p| text[p]).collect::<String>(), "test");
    }

    #[test]
    fn windows_are_shortest_and_in_order() {
        assert_eq!(window("xaxbxab", "ab"), Some(5..7));
        assert_eq!(window("xaxbc", "abc"), None, "the first two side by side");
        assert_eq!(window("xabxc", "abc"), Some(1..5));
        assert_eq!(window("xa\nbab", "ab"), Some(4..6), "never across fields");
        assert_eq!(window("a\nb", "ab"), None);
        assert_eq!(window("abc", "cb"), None);
        assert_eq!(window("李强x国", "李强国"), Some(0..10));
        assert_eq!(window("inequality", "eu"), None, "a word apart");
    }
}
