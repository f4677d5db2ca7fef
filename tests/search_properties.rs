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

        // A query made of the text's own letters, in order, matches and
        // its highlight spells the query.
        let letters: Vec<char> = fold(&text, true)
            .text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        prop_assume!(!letters.is_empty());
        let mut chosen: Vec<usize> = picks.iter().map(|p| p.index(letters.len())).collect();
        chosen.sort_unstable();
        chosen.dedup();
        let needle: String = chosen.iter().map(|&i| letters[i]).collect();
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
