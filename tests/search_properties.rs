//! Properties of search on arbitrary input: narrowing gives exactly what a
//! full search gives, and highlights mark exactly the matched characters,
//! on any Unicode (accents, CJK, emoji, combining marks).

use std::sync::Arc;

use proptest::prelude::*;
use stances::data::{Actor, ActorKind, Dataset, Quote};
use stances::search::fold::fold;
use stances::search::worker::Searcher;
use stances::search::{Index, Query};

fn dataset(texts: &[String], speaker: &str) -> Dataset {
    let mut d = Dataset::default();
    d.actors.push(Actor {
        id: "s".into(),
        name: speaker.into(),
        kind: ActorKind::Person,
        part_of: None,
        role: None,
        aliases: vec![],
        summary: None,
        position: None,
        position_note: None,
        source: None,
        short: None,
    });
    for (i, t) in texts.iter().enumerate() {
        d.quotes.push(Quote {
            id: format!("q{i}").into(),
            speaker: "s".into(),
            text: t.clone(),
            source: "src".into(),
            context: None,
            date: None,
            about: vec![],
            tags: vec![],
            fragment: false,
            rendering_of: None,
            source_wording: false,
        });
    }
    d.build_index();
    d
}

/// Text mixing scripts, marks, emoji and spaces.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(vec![
                'a', 'b', 'c', 'g', 'o', 'v', 'A', 'G', ' ', 'é', 'ö', 'İ', 'Д', 'д'
            ]),
            prop::sample::select(vec![
                '李', '强', '治', '理', '🎉', '\u{301}', '\u{200d}', 'ß', 'ẞ', '한'
            ]),
            any::<char>().prop_filter("printable", |c| !c.is_control()),
        ],
        0..40,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn narrowing_returns_exactly_what_a_full_search_returns(
        texts in prop::collection::vec(text(), 1..30),
        edits in prop::collection::vec(prop_oneof![
            3 => prop::sample::select(vec!['a', 'g', 'o', 'v', 'é', 'A', 'д', '李', ' ', '!', '\'', 'b', 'y', ':']).prop_map(Some),
            1 => Just(None),
        ], 1..12),
    ) {
        let ix = Arc::new(Index::new(Arc::new(dataset(&texts, "Speaker"))));
        let mut searcher = Searcher::new(Arc::clone(&ix));
        let mut query = String::new();
        for edit in edits {
            match edit {
                Some(c) => query.push(c),
                None => { query.pop(); }
            }
            let incremental = searcher.run(&query, &|| false, &mut |_, _| {}).unwrap();
            let full = ix.search(&Query::parse(&query));
            prop_assert_eq!(&*incremental, &full, "query {:?}", query);
        }
    }

    #[test]
    fn highlights_mark_exactly_the_matched_characters(
        text in text(),
        speaker in text(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..6),
        raw_query in text(),
    ) {
        let ix = Index::new(Arc::new(dataset(std::slice::from_ref(&text), &speaker)));
        // Arbitrary queries never panic and stay in range.
        let h = ix.highlight(0, &Query::parse(&raw_query));
        prop_assert!(h.text.iter().all(|&p| p < text.chars().count()));
        prop_assert!(h.speaker.iter().all(|&p| p < speaker.chars().count()));

        // A query made of letters standing together in the text (a run of
        // one word's letters) matches and its highlight spells the query.
        // (Letters picked across a sentence need not match: a fuzzy match
        // must be one a person can see.)
        let folded = fold(&text, true).text;
        let runs: Vec<Vec<char>> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|r| !r.is_empty())
            .map(|r| r.chars().collect())
            .collect();
        prop_assume!(!runs.is_empty());
        let run = &runs[picks[0].index(runs.len())];
        let start = picks.get(1).map_or(0, |p| p.index(run.len()));
        let needle: String = run[start..].iter().take(5).collect();
        // A speaker without letters, so the match can only be in the text.
        let ix = Index::new(Arc::new(dataset(std::slice::from_ref(&text), "—")));
        let query = Query::parse(&needle);
        let hits = ix.search(&query);
        prop_assert_eq!(hits.len(), 1, "{:?} in {:?}", needle, text);
        let h = ix.highlight(0, &query);
        let original: Vec<char> = text.chars().collect();
        let marked: String = h
            .text
            .iter()
            .map(|&p| fold(&original[p].to_string(), true).text)
            .collect();
        // Each marked char folds to the query's letters, in order (a
        // decomposing char such as a Hangul syllable may hold several).
        let mut rest = marked.chars();
        for c in fold(&needle, true).text.chars() {
            prop_assert!(rest.any(|m| m == c), "{:?} not marked in {:?} ({:?})", needle, text, h.text);
        }
    }
}

fn shipped_index() -> Index {
    Index::new(Arc::new(
        stances::data::load(None).unwrap().checked.dataset.unwrap(),
    ))
}

/// `china` finds what says China (in the text, the speaker's role, the
/// context), not a quote whose letters c, h, i, n, a are picked across a
/// sentence: the UN's "whims of markets" is no match.
#[test]
fn china_does_not_find_the_whims_of_markets() {
    let ix = shipped_index();
    let hits = ix.search(&Query::parse("china"));
    let ids: Vec<&str> = hits
        .iter()
        .map(|h| ix.data().quotes[h.quote as usize].id.as_str())
        .collect();
    assert!(!ids.contains(&"un-whims-of-markets"), "{ids:?}");
    assert!(!ids.is_empty());
}

/// `antonio` finds Guterres' quotes, first, and nothing unrelated to him.
#[test]
fn antonio_finds_guterres_and_no_one_else() {
    let ix = shipped_index();
    let d = ix.data();
    let hits = ix.search(&Query::parse("antonio"));
    assert!(!hits.is_empty());
    for h in &hits {
        let q = &d.quotes[h.quote as usize];
        assert_eq!(q.speaker, "antonio-guterres", "{}", q.id);
    }
}

/// Every result shows where it matched: marked letters in its text, its
/// speaker's name, or a field named with its letters; and the letters a
/// fuzzy term matched in one field are close together or in one word.
#[test]
fn every_result_shows_a_local_match() {
    let ix = shipped_index();
    for q in [
        "china",
        "antonio",
        "ai",
        "gov",
        "fragmnted",
        "coop",
        "un",
        "li",
        "mankind",
        "markets",
        "test",
        "eu",
        "premier",
        "baidu",
        "ethic",
    ] {
        let query = Query::parse(q);
        for h in ix.search(&query) {
            let marks = ix.highlight(h.quote as usize, &query);
            let quote = &ix.data().quotes[h.quote as usize];
            let fields: Vec<(String, Vec<usize>)> = [
                (quote.text.clone(), marks.text.clone()),
                (ix.data().name_of(&quote.speaker), marks.speaker.clone()),
            ]
            .into_iter()
            .chain(
                marks
                    .other
                    .iter()
                    .map(|f| (f.value.clone(), f.positions.clone())),
            )
            .filter(|(_, p)| !p.is_empty())
            .collect();
            assert!(!fields.is_empty(), "{q}: {} shows no match", quote.id);
            for (value, positions) in fields {
                let chars: Vec<char> = value.chars().collect();
                let (first, last) = (positions[0], *positions.last().unwrap());
                let span: String = chars[first..=last].iter().collect();
                // Within a word, or at most three other chars between.
                let len = q.chars().count();
                assert!(
                    span.chars().count() <= len + 3 || !span.contains(' '),
                    "{q}: {:?} in {} is not local",
                    span,
                    quote.id
                );
            }
        }
    }
}
