//! The data layer through its public API: the shipped dataset's content,
//! the checker's rules, and the exports' round trip.

use stances::data::{self, Dataset, SourceFile, Stance, check};

fn shipped() -> Dataset {
    data::load(None)
        .unwrap()
        .checked
        .dataset
        .expect("shipped data is clean")
}

fn check_text(text: &str) -> data::Checked {
    check(&[SourceFile::new("t.toml", text)])
}

const MINIMAL: &str = "[dataset]\ntitle = \"t\"\n";

#[test]
fn the_shipped_dataset_covers_the_article() {
    let d = shipped();
    let approaches: Vec<(&str, Option<data::Scope>)> = d
        .approaches
        .iter()
        .map(|a| (a.id.as_str(), a.scope))
        .collect();
    use data::Scope::*;
    assert_eq!(
        approaches,
        [
            ("eu-risk-based-regulation", Some(Regional)),
            ("us-deregulation", Some(National)),
            ("china-cooperation-body", Some(Global)),
            ("un-inclusive-governance", Some(Global)),
            ("china-domestic-rules", Some(National)),
        ]
    );
    for id in [
        "china",
        "li-qiang",
        "european-union",
        "united-states",
        "donald-trump",
        "united-nations",
        "antonio-guterres",
        "france",
        "india",
        "african-union",
        "united-kingdom",
        "huawei",
        "tencent",
        "baidu",
        "experts",
        "western-policymakers",
        "other-leaders",
        "global-south",
    ] {
        assert!(d.actor(id).is_some(), "actor {id}");
    }
    // DeepSeek is a model, not a company: it is named among China's
    // domestic instruments, not as an actor.
    assert!(d.item("deepseek").is_none());
    let domestic = &d.approaches[4];
    assert!(domestic.instruments.iter().any(|i| i.contains("DeepSeek")));
    // The Chinese firms are said to be Chinese.
    for firm in ["huawei", "tencent", "baidu"] {
        let summary = d.actor(firm).unwrap().summary.as_deref().unwrap();
        assert!(summary.contains("Chinese"), "{firm}: {summary}");
    }
    // Nine quotes: seven from the article (five of them phrases) and two
    // more renderings of Li's first passage.
    assert_eq!(d.quotes.len(), 9);
    assert_eq!(d.quotes.iter().filter(|q| q.fragment).count(), 5);
    // 10 to 15 minutes at about a minute a slide.
    assert!((10..=15).contains(&d.tour.len()), "{}", d.tour.len());
    // Every slide between the opening and the closing shows an item.
    let middle = &d.tour[1..d.tour.len() - 1];
    assert!(middle.iter().all(|s| s.focus.is_some()));
    for tag in ["inequality", "trust"] {
        assert!(d.quotes.iter().any(|q| q.tags.iter().any(|t| t == tag)));
    }
    // The concerns the article names are explained, not only tags.
    for term in ["AI bias", "fake news", "killer robots"] {
        assert!(d.glossary.iter().any(|g| g.term == term), "{term}");
    }
    let opening = d
        .events
        .iter()
        .find(|e| e.id == "waic-2025-opening")
        .unwrap();
    assert_eq!(opening.date.to_string(), "2025-07-25");
    assert_eq!(opening.place.as_deref(), Some("Shanghai"));
}

#[test]
fn the_summary_says_whose_account_it_is_and_what_it_concludes() {
    let d = shipped();
    let summary = d.dataset.summary.as_deref().unwrap();
    for needle in [
        "mixed and reserved",
        "told from China's side",
        "no voice from the EU, the US or the UK",
        "instability, rivalry",
    ] {
        assert!(summary.contains(needle), "{needle}");
    }
    // No reaction is recorded for analysis of motives, nor for leaders the
    // article does not say back anything in particular.
    for actor in ["experts", "other-leaders"] {
        assert!(d.reactions.iter().all(|r| r.actor != actor), "{actor}");
    }
}

/// A teacher's finding (issue 14): the timeline showed "2025 — US
/// executive orders" though the article says only "recently". The year is
/// inferred, and every place that shows the date says so.
#[test]
fn a_date_the_source_does_not_give_is_shown_as_inferred() {
    let d = shipped();
    let orders = d
        .events
        .iter()
        .find(|e| e.id == "us-executive-orders")
        .unwrap();
    assert!(orders.date_inferred);
    assert_eq!(orders.date_label(), "2025 (year inferred)");
    // Only it: the other dates are the sources' own.
    assert_eq!(d.events.iter().filter(|e| e.date_inferred).count(), 1);
    let md = stances::export::markdown(&d);
    assert!(
        md.contains("- **2025 (year inferred)** \u{2014} US executive orders on AI"),
        "{md}"
    );
    assert!(stances::export::html(&d).contains("<b>2025 (year inferred)</b>"));
}

/// A teacher's finding (issue 14): the article says only that Western
/// policymakers are "wary of China's motives", not what they think of the
/// body; as with Guterres' words, a lean read from them is low confidence
/// and the summary says why.
#[test]
fn a_lean_the_words_only_hint_at_is_low_confidence() {
    let d = shipped();
    let r = d
        .reactions
        .iter()
        .find(|r| r.id == "western-policymakers-wary")
        .unwrap();
    assert_eq!(r.stance, Stance::LeansOppose);
    assert_eq!(
        r.confidence.map(|c| format!("{c:?}")),
        Some("Low".to_string())
    );
    assert!(r.summary.contains("body itself"), "{}", r.summary);
}

#[test]
fn where_sources_disagree_both_are_recorded() {
    let d = shipped();
    // The date: the article's where the article is cited, the others'
    // beside it where the event is dated.
    let opening = d
        .events
        .iter()
        .find(|e| e.id == "waic-2025-opening")
        .unwrap();
    assert_eq!(opening.source.as_deref(), Some("valleynews-waic-2025"));
    let others: Vec<(String, &str)> = opening
        .other_dates
        .iter()
        .map(|o| (o.date.to_string(), o.source.as_str()))
        .collect();
    assert_eq!(
        others,
        [
            ("2025-07-26".to_string(), "reuters-lbc-2025"),
            ("2025-07-26".to_string(), "wion-2025")
        ]
    );
    let first = d.quote("li-governance-dispersed").unwrap();
    assert_eq!(first.date.unwrap().to_string(), "2025-07-25");
    // The wording: three renderings of one passage, linked.
    let i = d
        .quotes
        .iter()
        .position(|q| q.id == "li-governance-dispersed")
        .unwrap();
    let others: Vec<&str> = d
        .other_renderings(i)
        .into_iter()
        .map(|j| d.quotes[j].id.as_str())
        .collect();
    assert_eq!(others, ["li-fragmented-reuters", "li-fragmented-wion"]);
    // Each added source has its publisher, date and address.
    for id in ["reuters-lbc-2025", "wion-2025"] {
        let s = d.source(id).unwrap();
        assert!(s.publisher.is_some(), "{id}");
        assert_eq!(s.published.unwrap().to_string(), "2025-07-26");
        assert!(s.url.as_deref().unwrap().starts_with("https://"), "{id}");
    }
    // The article gives neither: left out, and shown as "not given".
    let article = d.source("valleynews-waic-2025").unwrap();
    assert!(article.url.is_none() && article.author.is_none() && article.published.is_none());
    // The Paris wording is the article's, not anyone's words.
    assert!(
        d.quote("paris-inclusive-ethical-ai")
            .unwrap()
            .source_wording
    );
    for id in ["uk-declines-paris-appeal", "us-declines-paris-appeal"] {
        let r = d.reactions.iter().find(|r| r.id == id).unwrap();
        assert_eq!(
            r.target, "paris-inclusive-ethical-ai",
            "the appeal, not the summit"
        );
        assert_eq!(r.stance, Stance::LeansOppose);
    }
}

#[test]
fn the_teaching_tables_are_filled() {
    let d = shipped();
    for term in [
        "risk-based",
        "multilateralism",
        "executive order",
        "binding rules",
        "Global South",
        "WAIC",
        "large language model",
    ] {
        assert!(d.glossary.iter().any(|g| g.term == term), "{term}");
    }
    assert!(d.questions.len() >= 4);
    assert!(d.dataset.objectives.len() >= 3);
    // Every item that is not a source or an axis has a short label where
    // its name is long, for the map, tabs and rows.
    for a in &d.approaches {
        assert!(a.short.is_some(), "{}", a.id);
    }
}

#[test]
fn quotes_are_attributed_to_the_right_speaker_verbatim() {
    let d = shipped();
    let by = |id: &str| {
        let q = d.quote(id).unwrap();
        (q.speaker.as_str(), q.text.as_str())
    };
    assert_eq!(
        by("li-governance-dispersed"),
        (
            "li-qiang",
            "AI governance remains dispersed. Countries are highly varied, particularly in taking into account rules and regulations"
        )
    );
    assert_eq!(by("li-exclusive-game"), ("li-qiang", "exclusive game"));
    assert_eq!(
        by("li-benefit-mankind"),
        ("li-qiang", "benefit mankind as a whole")
    );
    assert_eq!(
        by("un-whims-of-markets"),
        (
            "united-nations",
            "cannot be left to the whims of markets alone"
        )
    );
    assert_eq!(
        by("paris-inclusive-ethical-ai"),
        ("paris-ai-summit", "inclusive and ethical AI")
    );
    assert_eq!(
        by("guterres-defining-test"),
        (
            "antonio-guterres",
            "defining test of international cooperation"
        )
    );
    assert_eq!(
        by("li-fragmented-reuters"),
        (
            "li-qiang",
            "Global AI governance remains fragmented. Countries differ greatly, especially in regulatory concepts and institutional rules"
        )
    );
    assert_eq!(
        by("li-fragmented-wion"),
        (
            "li-qiang",
            "Currently, global AI governance is still fragmented. Countries have great differences in regulatory concepts and institutional rules."
        )
    );
    assert_eq!(
        by("baidu-too-important"),
        (
            "baidu-representative",
            "AI is too important to be left fragmented"
        )
    );
}

#[test]
fn every_position_has_a_note_and_stays_in_range() {
    let d = shipped();
    let placed = d
        .approaches
        .iter()
        .map(|a| (&a.position, &a.position_note))
        .chain(d.actors.iter().map(|a| (&a.position, &a.position_note)));
    for (pos, note) in placed {
        if let Some(pos) = pos {
            assert!(note.is_some());
            assert!(pos.values().all(|v| (-1.0..=1.0).contains(v)));
        }
    }
    let china = d
        .approaches
        .iter()
        .find(|a| a.id == "china-cooperation-body")
        .unwrap();
    let eu = d
        .approaches
        .iter()
        .find(|a| a.id == "eu-risk-based-regulation")
        .unwrap();
    let us = d
        .approaches
        .iter()
        .find(|a| a.id == "us-deregulation")
        .unwrap();
    let reg = |a: &data::Approach| a.position.as_ref().unwrap()["regulation"];
    let multi = |a: &data::Approach| a.position.as_ref().unwrap()["multilateralism"];
    assert!(
        reg(us) < reg(china) && reg(china) < reg(eu),
        "China sits between the poles"
    );
    // One rule for all: the same scope gives the same multilateralism,
    // and the UN's call, no more specified than China's body, sits beside it.
    for a in &d.approaches {
        let want = match a.scope.unwrap() {
            data::Scope::National => -0.6,
            data::Scope::Regional => 0.2,
            data::Scope::Global => 0.8,
        };
        assert_eq!(multi(a), want, "{}", a.id);
    }
    let un = d
        .approaches
        .iter()
        .find(|a| a.id == "un-inclusive-governance")
        .unwrap();
    assert!((reg(un) - reg(china)).abs() <= 0.2 + 1e-9);
    // No actor is placed: the article describes none's own policy.
    assert!(d.actors.iter().all(|a| a.position.is_none()));
}

#[test]
fn membership_follows_part_of() {
    let d = shipped();
    assert!(d.is_within("li-qiang", "china"));
    assert!(d.is_within("china", "china"));
    assert!(d.is_within("antonio-guterres", "united-nations"));
    assert!(!d.is_within("china", "li-qiang"));
    assert!(
        !d.is_within("huawei", "china"),
        "the article does not say so"
    );
}

#[test]
fn citations_name_speaker_role_and_source() {
    let d = shipped();
    let q = d.quote("guterres-defining-test").unwrap();
    assert_eq!(
        d.citation(q),
        "\u{201c}defining test of international cooperation\u{201d} \u{2014} António Guterres, UN Secretary-General; China Proposes Global AI Cooperation Body to Shape Future of Artificial Intelligence -WAIC 2025, Valleynews.com"
    );
}

#[test]
fn json_export_reads_back_into_the_same_model() {
    let d = shipped();
    let json = stances::export::json(&d);
    let mut back: Dataset = serde_json::from_str(&json).unwrap();
    back.build_index();
    assert_eq!(back, d);
}

#[test]
fn markdown_handout_has_every_section() {
    let d = shipped();
    let md = stances::export::markdown(&d);
    for heading in [
        "## Approaches",
        "## The map",
        "## Reactions, by stance",
        "## Quotes",
        "## Timeline",
        "## Source and how to cite",
        "## Glossary",
        "## Questions for discussion",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    // An enacted law or signed orders are not proposals; the scope is
    // given.
    assert!(!md.contains("Proposed by"));
    assert!(md.contains("- **Risk-based regulation (EU AI Act)** (regional): "));
    // The renderings under the first one, each with its source.
    assert!(md.contains(
        "> \\[3\\] renders it: \u{201c}Currently, global AI governance is still fragmented."
    ));
    // The Paris wording is marked as the article's, and the disputed date
    // is shown with the sources that give it.
    assert!(md.contains("\u{201c}inclusive and ethical AI\u{201d} (source's wording)"));
    assert!(md.contains("(sources differ: \\[2\\] and \\[3\\] date it 2025-07-26)"));
    // Known source fields are named; a missing date or address is said to
    // be missing, for every source alike.
    assert!(
        md.contains("(secondary source). Publisher: Valleynews.com. Date not given. No URL.\n")
    );
    // The handout says it comes after the worksheet.
    assert!(md.contains("For after the worksheet"));
    for stance in Stance::ALL {
        if d.reactions.iter().any(|r| r.stance == stance) {
            assert!(
                md.contains(&format!("- **{} {}**: ", stance.symbol(), stance.label())),
                "{stance:?} group"
            );
        }
    }
    for q in &d.quotes {
        assert!(md.contains(&q.text), "quote {}", q.id);
    }
    assert!(md.contains("\u{2014} Li Qiang, Premier of China, 2025-07-25 \\[1\\]"));
}

#[test]
fn crlf_files_keep_lines_and_columns_right() {
    let text = "[dataset]\r\ntitle = \"t\"\r\n\r\n[[actor]]\r\nid = \"a\"\r\nname = \"\"\"two\r\nlines\"\"\"\r\nkind = \"blob\"\r\n";
    let checked = check_text(text);
    let files = [SourceFile::new("t.toml", text)];
    let heads: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| d.headline(&files))
        .collect();
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert!(
        heads[0].starts_with("t.toml:8:8: error: actor `a`: unknown variant `blob`"),
        "{heads:?}"
    );
    // And a clean CRLF file loads with plain newlines in its text.
    let ok = check_text(&text.replace("blob", "country"));
    let d = ok.dataset.expect("clean");
    assert_eq!(d.actors[0].name, "two\nlines");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = std::env::temp_dir().join(format!("stances-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bom.toml");
    std::fs::write(&file, format!("\u{feff}{MINIMAL}")).unwrap();
    let loaded = data::load(Some(&file)).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(loaded.checked.dataset.is_some(), "{}", loaded.report());
}

#[test]
fn references_of_the_wrong_kind_are_refused() {
    let text = format!(
        "{MINIMAL}[[source]]\nid = \"s\"\ntitle = \"S\"\n\n[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"group\"\n\n[[quote]]\nid = \"q\"\nspeaker = \"s\"\ntext = \"x\"\nsource = \"a\"\n"
    );
    let c = check_text(&text);
    let messages: Vec<&str> = c.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "quote `q`: speaker `s` is a source, not an actor",
            "quote `q`: source `a` is an actor, not a source"
        ]
    );
}

/// Messages of a check, errors and warnings, in file order.
fn messages(c: &data::Checked) -> Vec<String> {
    c.diagnostics.iter().map(|d| d.message.clone()).collect()
}

/// Messages of the errors alone.
fn errors(c: &data::Checked) -> Vec<String> {
    c.diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn an_approach_scope_is_one_of_three_words() {
    let approach = |scope: &str| {
        format!(
            "{MINIMAL}[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"country\"\n\n[[approach]]\nid = \"p\"\nname = \"P\"\nproponent = \"a\"\nsummary = \"s\"\n{scope}"
        )
    };
    for (written, want) in [
        ("scope = \"national\"\n", Some(data::Scope::National)),
        ("scope = \"regional\"\n", Some(data::Scope::Regional)),
        ("scope = \"global\"\n", Some(data::Scope::Global)),
        ("", None),
    ] {
        let c = check_text(&approach(written));
        assert_eq!(c.error_count(), 0, "{written}: {:?}", messages(&c));
        assert_eq!(c.dataset.unwrap().approaches[0].scope, want);
    }
    for bad in ["scope = \"world\"\n", "scope = \"Global\"\n", "scope = 3\n"] {
        let c = check_text(&approach(bad));
        assert_eq!(c.error_count(), 1, "{bad}");
        assert!(
            messages(&c)[0].starts_with("approach `p`: "),
            "{:?}",
            messages(&c)
        );
    }
}

#[test]
fn a_source_url_must_be_a_web_address() {
    let source = |url: &str| {
        format!(
            "{MINIMAL}[[source]]\nid = \"s\"\ntitle = \"S\"\nurl = \"{url}\"\npublished = 2025-07-26\nauthor = \"A. Writer\"\n"
        )
    };
    for good in [
        "https://www.lbcgroup.tv/news/varietytech/869490/x/en",
        "http://example.org",
        "HTTPS://example.org/a?b=c#d",
    ] {
        let c = check_text(&source(good));
        assert_eq!(c.error_count(), 0, "{good}: {:?}", messages(&c));
        let d = c.dataset.unwrap();
        assert_eq!(d.sources[0].url.as_deref(), Some(good));
        assert_eq!(d.sources[0].author.as_deref(), Some("A. Writer"));
        assert_eq!(d.sources[0].published.unwrap().to_string(), "2025-07-26");
    }
    for (bad, problem) in [
        (
            "javascript:alert(1)",
            "must start with `http://` or `https://`",
        ),
        (
            "file:///etc/passwd",
            "must start with `http://` or `https://`",
        ),
        ("www.example.org", "must start with `http://` or `https://`"),
        ("https://", "has no host after `://`"),
        ("https:///path", "has no host after `://`"),
        (
            "https://example.org/a b",
            "contains a space (write it as `%20`)",
        ),
    ] {
        let c = check_text(&source(bad));
        assert_eq!(
            messages(&c),
            [format!("source `s`: `url` {problem}")],
            "{bad}"
        );
    }
}

#[test]
fn a_short_label_is_short() {
    let text = |kind: &str, short: &str| match kind {
        "actor" => format!(
            "{MINIMAL}[[actor]]\nid = \"x\"\nname = \"X\"\nkind = \"bloc\"\nshort = \"{short}\"\n"
        ),
        "approach" => format!(
            "{MINIMAL}[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"bloc\"\n\n[[approach]]\nid = \"x\"\nname = \"X\"\nproponent = \"a\"\nsummary = \"s\"\nshort = \"{short}\"\n"
        ),
        _ => format!(
            "{MINIMAL}[[event]]\nid = \"x\"\nname = \"X\"\ndate = 2025-07-25\nshort = \"{short}\"\n"
        ),
    };
    for kind in ["actor", "approach", "event"] {
        // 24 characters, two of them beyond ASCII: counted as characters.
        let fits = "EU AI Act (2024) \u{e9}t\u{e9}, ok";
        let c = check_text(&text(kind, fits));
        assert_eq!(c.error_count(), 0, "{kind}: {:?}", messages(&c));
        let d = c.dataset.unwrap();
        assert_eq!(d.short_name_of("x"), fits);
        let c = check_text(&text(kind, "EU AI Act (2024) été, ok!"));
        assert_eq!(
            errors(&c),
            [format!(
                "{kind} `x`: `short` is 25 characters long; a short label has at most 24 (the full name goes in `name`)"
            )]
        );
        let c = check_text(&text(kind, " "));
        assert_eq!(errors(&c), [format!("{kind} `x`: `short` is empty")]);
    }
    // Without a short label, the name stands in.
    let c = check_text(&format!(
        "{MINIMAL}[[event]]\nid = \"x\"\nname = \"The long name\"\ndate = \"2025\"\n"
    ));
    assert_eq!(c.dataset.unwrap().short_name_of("x"), "The long name");
}

/// A speaker, two sources and a first rendering, for the rendering tests.
const RENDERED: &str = "[[source]]\nid = \"s1\"\ntitle = \"S1\"\n\n[[source]]\nid = \"s2\"\ntitle = \"S2\"\n\n[[actor]]\nid = \"li\"\nname = \"Li\"\nkind = \"person\"\n\n[[actor]]\nid = \"un\"\nname = \"UN\"\nkind = \"organization\"\n\n[[quote]]\nid = \"first\"\nspeaker = \"li\"\ntext = \"AI governance remains dispersed.\"\nsource = \"s1\"\n\n";

fn rendering(id: &str, speaker: &str, of: &str) -> String {
    format!(
        "[[quote]]\nid = \"{id}\"\nspeaker = \"{speaker}\"\ntext = \"Global AI governance remains fragmented.\"\nsource = \"s2\"\nrendering_of = \"{of}\"\n\n"
    )
}

#[test]
fn renderings_of_one_statement_are_linked_both_ways() {
    let text = format!(
        "{MINIMAL}{RENDERED}{}{}",
        rendering("second", "li", "first"),
        rendering("third", "li", "first")
    );
    let c = check_text(&text);
    assert_eq!(c.error_count(), 0, "{:?}", messages(&c));
    let d = c.dataset.unwrap();
    assert_eq!(d.other_renderings(0), [1, 2]);
    assert_eq!(d.other_renderings(1), [0, 2]);
    assert_eq!(d.other_renderings(2), [0, 1]);
    assert_eq!(d.quotes[1].rendering_of.as_deref(), Some("first"));
    // A quote without renderings has none.
    let c = check_text(&format!("{MINIMAL}{RENDERED}"));
    assert!(c.dataset.unwrap().other_renderings(0).is_empty());
}

#[test]
fn a_rendering_names_the_first_rendering_by_the_same_speaker() {
    for (extra, want) in [
        (
            rendering("second", "li", "firts"),
            "quote `second`: rendering_of `firts` is not a known quote",
        ),
        (
            rendering("second", "li", "s1"),
            "quote `second`: rendering_of `s1` is a source, not a quote",
        ),
        (
            rendering("second", "li", "second"),
            "quote `second`: rendering_of names the quote itself; point at another rendering of the same statement",
        ),
        (
            rendering("second", "un", "first"),
            "quote `second`: renderings of one statement have one speaker, but `first` is by `li` and this quote by `un`",
        ),
        (
            format!(
                "{}{}",
                rendering("second", "li", "first"),
                rendering("third", "li", "second")
            ),
            "quote `third`: rendering_of `second` is itself a rendering of `first`; point every rendering at the first one, `first`",
        ),
    ] {
        let c = check_text(&format!("{MINIMAL}{RENDERED}{extra}"));
        assert_eq!(errors(&c), [want.to_string()]);
    }
}

#[test]
fn the_sources_own_wording_is_a_flag_on_a_quote() {
    let text = format!(
        "{MINIMAL}{RENDERED}[[quote]]\nid = \"appeal\"\nspeaker = \"un\"\ntext = \"inclusive and ethical AI\"\nsource = \"s1\"\nfragment = true\nsource_wording = true\n"
    );
    let c = check_text(&text);
    assert_eq!(c.error_count(), 0, "{:?}", messages(&c));
    let d = c.dataset.unwrap();
    assert!(d.quote("appeal").unwrap().source_wording);
    assert!(!d.quote("first").unwrap().source_wording);
    let c = check_text(&text.replace("source_wording = true", "source_wording = \"yes\""));
    assert_eq!(c.error_count(), 1);
    assert!(
        errors(&c)[0].starts_with(
            "quote `appeal`: `source_wording` is a string (\"yes\"), but it must be a boolean"
        ),
        "{:?}",
        errors(&c)
    );
}

#[test]
fn an_event_records_the_dates_other_sources_give() {
    let event = |others: &str| {
        format!(
            "{MINIMAL}[[source]]\nid = \"article\"\ntitle = \"A\"\n\n[[source]]\nid = \"wire\"\ntitle = \"W\"\npublisher = \"Wire\"\n\n[[event]]\nid = \"opening\"\nname = \"Opening\"\ndate = 2025-07-25\nsource = \"article\"\nother_dates = [{others}]\n"
        )
    };
    let c = check_text(&event("{ date = 2025-07-26, source = \"wire\" }"));
    assert_eq!(c.error_count(), 0, "{:?}", messages(&c));
    // The source named there counts as cited: no "never cited" warning.
    assert!(messages(&c).is_empty(), "{:?}", messages(&c));
    let d = c.dataset.unwrap();
    let e = &d.events[0];
    assert_eq!(e.other_dates.len(), 1);
    assert_eq!(e.other_dates[0].date.to_string(), "2025-07-26");
    assert_eq!(e.other_dates[0].source, "wire");
    for (others, want) in [
        (
            "{ date = 2025-07-26, source = \"wier\" }",
            "event `opening`: other_dates: source `wier` is not a known source",
        ),
        (
            "{ date = 2025-07-25, source = \"wire\" }",
            "event `opening`: other_dates gives 2025-07-25, the event's own `date`; list only dates that differ",
        ),
        (
            "{ date = \"2025-07-32\", source = \"wire\" }",
            "event `opening`: `2025-07-32`: day 32 does not exist in that month",
        ),
        (
            "{ date = 2025-07-26 }",
            "event `opening`: missing field `source`",
        ),
        (
            "{ date = 2025-07-26, source = \"wire\", by = \"x\" }",
            "event `opening`: unknown field `by`, expected `date` or `source`",
        ),
    ] {
        let c = check_text(&event(others));
        assert_eq!(errors(&c), [want.to_string()], "{others}");
    }
}

#[test]
fn glossary_terms_are_explained_once_and_point_at_real_items() {
    let entry = |term: &str, about: &str| {
        format!(
            "[[glossary]]\nterm = \"{term}\"\ndefinition = \"What it means.\"\nabout = [{about}]\n\n"
        )
    };
    let head = format!("{MINIMAL}[[actor]]\nid = \"eu\"\nname = \"EU\"\nkind = \"bloc\"\n\n");
    let c = check_text(&format!(
        "{head}{}{}",
        entry("Risk-based", "\"eu\""),
        entry("WAIC", "")
    ));
    assert_eq!(c.error_count(), 0, "{:?}", messages(&c));
    let d = c.dataset.unwrap();
    assert_eq!(d.glossary.len(), 2);
    assert_eq!(d.glossary[0].term, "Risk-based");
    assert_eq!(d.glossary[0].about, ["eu"]);

    let text = format!("{head}{}{}", entry("WAIC", "\"eu\""), entry("waic ", ""));
    let c = check_text(&text);
    assert_eq!(
        errors(&c),
        ["glossary term `waic ` is explained twice: keep one entry per term"]
    );
    let line = c.diagnostics[0].span.clone().unwrap();
    assert_eq!(&text[line], "\"waic \"");

    let c = check_text(&format!("{head}{}", entry("WAIC", "\"ue\"")));
    assert_eq!(
        errors(&c),
        ["glossary term `WAIC`: about `ue` is not a known item"]
    );
    let c = check_text(&format!("{head}[[glossary]]\nterm = \"WAIC\"\n"));
    assert_eq!(errors(&c), ["glossary #1: missing field `definition`"]);
    let c = check_text(&format!(
        "{head}[[glossary]]\nterm = \"WAIC\"\ndefinition = \"\"\n"
    ));
    assert_eq!(errors(&c), ["glossary #1: `definition` is empty"]);
}

#[test]
fn questions_and_objectives_are_checked_like_any_text() {
    let text = String::from(
        "[dataset]\ntitle = \"t\"\nobjectives = [\"Tell a law from a proposal.\", \"Read a source critically.\"]\n\n[[actor]]\nid = \"eu\"\nname = \"EU\"\nkind = \"bloc\"\n\n[[question]]\ntext = \"Whose rules are these?\"\nabout = [\"eu\"]\n\n[[question]]\ntext = \"Who is missing?\"\n",
    );
    let c = check_text(&text);
    assert_eq!(c.error_count(), 0, "{:?}", messages(&c));
    let d = c.dataset.unwrap();
    assert_eq!(d.dataset.objectives.len(), 2);
    assert_eq!(d.questions.len(), 2);
    assert_eq!(d.questions[0].about, ["eu"]);

    let c = check_text(&text.replace("about = [\"eu\"]", "about = [\"us\"]"));
    assert_eq!(errors(&c), ["question 1: about `us` is not a known item"]);
    let c = check_text(&text.replace("\"Read a source critically.\"", "\"\""));
    assert_eq!(errors(&c), ["[dataset]: `objectives` is empty"]);
    let c = check_text(&text.replace("text = \"Who is missing?\"", "txt = \"Who is missing?\""));
    assert_eq!(
        errors(&c),
        ["question #2: unknown field `txt`, expected `text` or `about`"]
    );
    let c = check_text(&text.replace("[[question]]\ntext = \"Whose", "[question]\ntext = \"Whose"));
    assert!(c.error_count() > 0);
}

#[test]
fn part_of_cycles_are_refused() {
    let text = format!(
        "{MINIMAL}[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"group\"\npart_of = \"b\"\n\n[[actor]]\nid = \"b\"\nname = \"B\"\nkind = \"group\"\npart_of = \"a\"\n"
    );
    let c = check_text(&text);
    assert_eq!(c.error_count(), 2);
    assert!(c.diagnostics[0].message.contains("part_of forms a cycle"));
}

#[test]
fn unused_actors_are_warnings_that_do_not_fail() {
    let text = format!("{MINIMAL}[[actor]]\nid = \"lonely\"\nname = \"L\"\nkind = \"person\"\n");
    let c = check_text(&text);
    assert!(c.dataset.is_some());
    assert_eq!(c.error_count(), 0);
    assert_eq!(c.diagnostics.len(), 1);
    assert!(
        c.diagnostics[0]
            .message
            .contains("`lonely` is never referred to")
    );
}

#[test]
fn ids_must_be_kebab_case() {
    for ok in ["a", "li-qiang", "eu-ai-act-2024", "x1"] {
        assert!(data::check::is_kebab_id(ok), "{ok}");
    }
    for bad in ["", "Li", "1abc", "a_b", "a--b", "a-", "-a", "é", "a b"] {
        assert!(!data::check::is_kebab_id(bad), "{bad}");
    }
}

#[test]
fn dates_may_be_partial_strings_or_toml_dates() {
    let text = format!(
        "{MINIMAL}[[event]]\nid = \"e1\"\nname = \"E\"\ndate = \"2025\"\n\n[[event]]\nid = \"e2\"\nname = \"E\"\ndate = \"2025-02\"\n\n[[event]]\nid = \"e3\"\nname = \"E\"\ndate = 2025-07-25\n\n[[event]]\nid = \"e4\"\nname = \"E\"\ndate = 2025-07-25T10:00:00\n"
    );
    let c = check_text(&text);
    assert_eq!(c.error_count(), 1);
    assert!(
        c.diagnostics[0].message.contains("has a time of day"),
        "{:?}",
        c.diagnostics
    );
}

/// A file big enough to be read in parallel chunks.
fn big_text() -> String {
    let text = stances::synth::toml(9_000, 5);
    assert!(text.len() > 2 * 1024 * 1024, "{} bytes", text.len());
    text
}

#[test]
fn a_big_file_read_in_chunks_locates_errors_exactly() {
    let mut text = big_text();
    // Break an item late in the file, in the last chunk.
    let at = text.rfind("speaker = \"actor-").unwrap();
    text.replace_range(at..at + "speaker".len(), "speeker");
    let line = text[..at].matches('\n').count() + 1;
    let c = check_text(&text);
    assert_eq!(c.error_count(), 1, "{:?}", c.diagnostics);
    let files = [SourceFile::new("t.toml", text.clone())];
    let head = c.diagnostics[0].headline(&files);
    assert!(
        head.starts_with(&format!("t.toml:{line}:1: error: quote `q")),
        "{head}"
    );
    assert!(head.contains("unknown field `speeker`"), "{head}");
}

#[test]
fn a_big_file_with_a_cut_inside_a_string_is_still_read_right() {
    let text = big_text();
    // A multi-line string whose lines look like table headers, placed
    // where the chunks are cut (the middle of the file).
    let middle = text.len() / 2;
    let at = middle + text[middle..].find("\n[[quote]]").unwrap() + 1;
    let trap = "[[quote]]\nid = \"trap\"\nspeaker = \"actor-0\"\nsource = \"synthetic\"\ntext = \"\"\"\n[[quote]]\nid = \"not-a-quote\"\n\"\"\"\n\n";
    let mut tricky = text.clone();
    for _ in 0..4 {
        tricky.insert_str(at, trap);
    }
    // Four items with the same id: exactly three duplicate errors, at the
    // right places, and no "not-a-quote" anywhere.
    let c = check_text(&tricky);
    let dups: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("duplicate id `trap`"))
        .collect();
    assert_eq!(
        dups.len(),
        3,
        "{:?}",
        c.diagnostics.iter().take(5).collect::<Vec<_>>()
    );
    assert!(
        !c.diagnostics
            .iter()
            .any(|d| d.message.contains("not-a-quote"))
    );
    // And the clean version loads every quote.
    let clean = check_text(&text).dataset.expect("clean");
    assert_eq!(clean.quotes.len(), 9_000);
}

#[test]
fn an_item_without_an_id_late_in_a_big_file_gets_its_number_in_the_file() {
    let mut text = big_text();
    // Quote ids count from q0, so `q8500` is the 8501st quote.
    let start = text.find("id = \"q8500\"\n").unwrap();
    text.replace_range(start..start + "id = \"q8500\"\n".len(), "");
    let c = check_text(&text);
    assert_eq!(c.error_count(), 1, "{:?}", c.diagnostics);
    assert!(
        c.diagnostics[0]
            .message
            .starts_with("quote #8501: missing field `id`"),
        "{}",
        c.diagnostics[0].message
    );
}

#[test]
fn a_tour_step_names_its_view_and_a_wrong_one_is_located() {
    let text =
        "[dataset]\ntitle = \"t\"\n\n[[tour]]\ntitle = \"a\"\ntext = \"b\"\nview = \"mapp\"\n";
    let checked = check_text(text);
    let files = [SourceFile::new("t.toml", text)];
    let heads: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| d.headline(&files))
        .collect();
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert!(
        heads[0].starts_with(
            "t.toml:7:8: error: tour #1: unknown variant `mapp`, expected one of `map`, `timeline`, `compare`, `reactions`, `objectives`, `questions`"
        ),
        "{heads:?}"
    );
    let ok = check_text(&text.replace("mapp", "timeline"));
    let d = ok.dataset.expect("clean");
    assert_eq!(d.tour[0].view, Some(stances::data::TourView::Timeline));
    // The shipped tour shows the map on the slides about positions.
    let shipped = shipped();
    let on_map = shipped
        .tour
        .iter()
        .filter(|s| s.view == Some(stances::data::TourView::Map))
        .count();
    assert!(on_map >= 2, "{on_map} slides show the map");
}

#[test]
fn the_shipped_tour_shows_what_each_slide_talks_about() {
    use stances::data::TourView;
    let d = shipped();
    let first = d.tour.first().unwrap();
    let last = d.tour.last().unwrap();
    // The opening lists the objectives, the closing the questions.
    assert_eq!(first.view, Some(TourView::Objectives));
    assert_eq!(last.view, Some(TourView::Questions));
    assert!(!d.dataset.objectives.is_empty() && !d.questions.is_empty());
    for step in &d.tour {
        let text = step.text.to_lowercase();
        // A slide that asks for a comparison shows Compare, of the two
        // items it names.
        if text.contains("beside") || text.contains("side by side") {
            assert_eq!(step.view, Some(TourView::Compare), "{}", step.title);
            assert!(step.with.is_some(), "{}", step.title);
        }
        if text.contains("by stance") {
            assert_eq!(step.view, Some(TourView::Reactions), "{}", step.title);
            let focus = step.focus.as_deref().unwrap();
            assert!(d.reactions.iter().any(|r| r.id == focus));
        }
        if text.contains("on the map") || text.contains("timeline") {
            assert!(
                matches!(step.view, Some(TourView::Map | TourView::Timeline)),
                "{}",
                step.title
            );
        }
    }
    assert!(
        d.tour
            .iter()
            .filter(|s| s.view == Some(TourView::Compare))
            .count()
            >= 3
    );
    // About 10 to 15 minutes as written: read aloud at some 130 words a
    // minute, with a pause of about 40 seconds a slide for the class.
    let words: usize = d
        .tour
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    let seconds = words * 60 / 130 + d.tour.len() * 40;
    assert!((600..=900).contains(&seconds), "{words} words, {seconds} s");
}
