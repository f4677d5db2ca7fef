//! The classroom exports as a teacher meets them: the handout fits two
//! printed pages, the worksheet gives no answers and the key gives them
//! all in the worksheet's numbering, and the HTML page prints in a real
//! browser (Chromium, headless) to at most two pages with its text whole.

use std::process::Command;

use stances::data::{Dataset, Stance};
use stances::export::{html, key, key_html, markdown, worksheet, worksheet_html};

fn shipped() -> Dataset {
    stances::data::load(None).unwrap().checked.dataset.unwrap()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Text with runs of white space made one space, to compare text that a
/// renderer wraps.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_handout_fits_two_printed_pages() {
    let md = markdown(&shipped());
    let n = words(&md);
    assert!(
        n <= 1_100,
        "the handout is {n} words; two pages hold about 1,100"
    );
    // And it is not empty either: every section is there.
    assert!(n > 500, "{n} words");
}

#[test]
fn the_sources_full_title_is_printed_once() {
    let d = shipped();
    for (what, text) in [("markdown", markdown(&d)), ("html", html(&d))] {
        for s in &d.sources {
            let title = match what {
                "html" => s.title.replace('\'', "&#39;"),
                _ => s.title.clone(),
            };
            assert_eq!(
                text.matches(&title).count(),
                1,
                "{what}: {:?} should be printed once",
                s.title
            );
        }
    }
}

#[test]
fn a_quote_of_several_paragraphs_stays_in_its_blockquote() {
    let mut d = shipped();
    d.quotes[0].text = "First paragraph.\n\nSecond paragraph.".into();
    let md = markdown(&d);
    let start = md.find("> \u{201c}First paragraph.").expect("quote start");
    let block: Vec<&str> = md[start..].lines().take_while(|l| !l.is_empty()).collect();
    assert!(block.len() >= 4, "{block:?}");
    assert!(block.iter().all(|l| l.starts_with('>')), "{block:?}");
    assert!(
        block.iter().any(|l| l.contains("Second paragraph.")),
        "{block:?}"
    );
    assert!(
        block.iter().any(|l| l.contains("\u{2014} Li Qiang")),
        "{block:?}"
    );
}

#[test]
fn the_worksheet_leaves_the_answers_out() {
    let d = shipped();
    let ws = worksheet(&d);
    for q in asked_quotes(&d) {
        let line = ws
            .lines()
            .find(|l| l.contains(q.text.as_str()))
            .unwrap_or_else(|| panic!("quote {} is asked", q.id));
        let speaker = d.actor(&q.speaker).unwrap();
        assert!(!line.contains(&speaker.name), "{line}");
    }
    assert!(!ws.contains('\u{2014}'), "no attribution dash");
    for r in &d.reactions {
        assert!(!ws.contains(&r.summary), "reaction {} explained", r.id);
    }
    for a in &d.approaches {
        if let Some(note) = &a.position_note {
            assert!(!ws.contains(note.as_str()), "{}'s note", a.id);
        }
        for v in a.position.iter().flat_map(|p| p.values()) {
            assert!(!ws.contains(&format!("| {v:+.1} |")), "{}: {v}", a.id);
        }
    }
    // What students need to answer is there: the speakers to choose from,
    // an empty grid, and a stance scale in every row.
    // Part 1's speakers are S1, S2, …; part 2's approaches A, B, …
    // (follow-up 5 of issue 14: one letter meant two things).
    assert!(ws.contains("- S1. ") && ws.contains("| A | "));
    assert!(!ws.contains("- A. "));
    assert!(ws.contains("+---------+---------+---------+---------+"));
    let scale = Stance::ALL.map(|s| s.symbol()).join("\u{2003}\u{2003}");
    let rows = ws.lines().filter(|l| l.ends_with(&format!("| {scale} |")));
    assert_eq!(rows.count(), d.reactions.len());
}

#[test]
fn the_key_answers_every_question_in_the_worksheets_numbering() {
    let d = shipped();
    let (ws, key) = (worksheet(&d), key(&d));
    // Part 1's numbered quotes (part 3 of the key is a numbered list too).
    let asked = |text: &str| -> Vec<String> {
        text[..text.find("## 2.").unwrap_or(text.len())]
            .lines()
            .filter(|l| {
                l.chars().next().is_some_and(|c| c.is_ascii_digit()) && l.contains('\u{201c}')
            })
            // The worksheet's line to write on is on the quote's line.
            .map(|l| l.split("   Speaker:").next().unwrap_or(l).to_string())
            .collect()
    };
    assert_eq!(
        asked(&ws),
        asked(&key),
        "the same quotes under the same numbers"
    );
    assert_eq!(asked(&ws).len(), asked_quotes(&d).count());
    for q in asked_quotes(&d) {
        let after = &key[key.find(q.text.as_str()).unwrap()..];
        let answer = after.lines().nth(2).unwrap_or_default();
        let speaker = &d.actor(&q.speaker).unwrap().name;
        assert!(answer.contains(speaker.as_str()), "{}: {answer}", q.id);
    }
    for r in &d.reactions {
        assert!(
            key.contains(&format!("**{} {}**: ", r.stance.symbol(), r.stance.label())),
            "{}",
            r.id
        );
    }
    for a in &d.approaches {
        assert!(
            key.contains(a.position_note.as_deref().unwrap()),
            "{}",
            a.id
        );
    }
    // Consecutive questions rarely share a speaker: the order is shuffled.
    let speakers: Vec<&str> = stances_order(&d);
    let repeats = speakers.windows(2).filter(|w| w[0] == w[1]).count();
    assert!(repeats <= 1, "{speakers:?}");
}

/// The quotes "who said it?" asks about: someone's own words, once per
/// statement.
fn asked_quotes(d: &Dataset) -> impl Iterator<Item = &stances::data::Quote> {
    d.quotes
        .iter()
        .filter(|q| !q.source_wording && q.rendering_of.is_none())
}

fn stances_order(d: &Dataset) -> Vec<&str> {
    let ws = worksheet(d);
    let mut out = Vec::new();
    for line in ws.lines() {
        if let Some(q) =
            asked_quotes(d).find(|q| line.contains(&format!("\u{201c}{}\u{201d}", q.text)))
        {
            out.push(q.speaker.as_str());
        }
    }
    out
}

/// The shipped dataset with a glossary, questions and objectives of a
/// test's own, so that these sections are tested whatever the data has.
fn with_teaching_tables() -> Dataset {
    let mut d = shipped();
    d.dataset.objectives = vec!["Place four approaches on two axes".into()];
    d.glossary = vec![stances::data::GlossaryEntry {
        term: "Multilateralism".into(),
        definition: "Working through shared institutions".into(),
        about: vec![],
        source: None,
    }];
    d.questions = vec![stances::data::DiscussionQuestion {
        text: "Who gains from shared rules?".into(),
        about: vec![],
    }];
    d.build_index();
    d
}

#[test]
fn glossary_questions_and_objectives_come_from_the_data() {
    let d = with_teaching_tables();
    let (md, ws, key, page) = (markdown(&d), worksheet(&d), key(&d), html(&d));
    for text in [&md, &page] {
        assert!(text.contains("Multilateralism"));
        assert!(text.contains("Working through shared institutions"));
        assert!(text.contains("Who gains from shared rules?"));
    }
    // The worksheet leaves room to write under each question.
    let after = &ws[ws.find("1. Who gains from shared rules?").unwrap()..];
    assert!(after.lines().filter(|l| l.contains("_____")).count() >= 2);
    // The key, which the teacher holds beside the worksheet, does not
    // print the open questions or the objectives again; it points to them.
    assert!(!key.contains("Who gains from shared rules?"));
    assert!(key.contains("The question is open"));
    assert!(stances::export::key(&shipped()).contains("Questions 1\u{2013}"));
    assert!(key.contains("which also states the learning objectives"));
    // Objectives are for the students' sheet, not the two-page handout.
    assert!(ws.contains("Place four approaches on two axes"));
    // Without them, no empty headings.
    let bare = shipped();
    if bare.glossary.is_empty() {
        assert!(!markdown(&bare).contains("## Glossary"));
    }
}

#[test]
fn the_html_page_is_self_contained_and_escapes_data() {
    let mut d = shipped();
    d.actors[0].name = "<script>alert(1)</script> & \"co\"".into();
    d.approaches[0].name = "<img src=x onerror=alert(1)>".into();
    let page = html(&d);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        !page.contains("<script"),
        "no script, not even from the data"
    );
    assert!(!page.contains("<img"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"));
    for external in [" src=\"", " href=\"", "<link", "<iframe", "@import", "url("] {
        assert!(
            !page.contains(external),
            "{external}: the page needs no other file"
        );
    }
    // The map is drawn from the data: a point per placed item.
    let placed = d.approaches.iter().filter(|a| a.position.is_some()).count();
    assert_eq!(page.matches("<circle ").count(), placed);
}

fn tool(name: &str) -> Command {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{name} is needed by this test and is not installed: .ci/run installs it (apt-get install chromium poppler-utils)"
    );
    Command::new(name)
}

/// `page` printed by headless Chromium to PDF, as the text of each page
/// (pdftotext, which ends each page with a form feed).
fn print(name: &str, page: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("stances-print-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&html, page).unwrap();
    let out = tool("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--user-data-dir={}", dir.join("profile").display()),
            &format!("--print-to-pdf={}", pdf.display()),
        ])
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        pdf.exists(),
        "chromium wrote no PDF of the {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = tool("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"));
    let text = tool("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    let pages: Vec<String> = text
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), count, "pdftotext and pdfinfo agree on pages");
    pages
}

/// The `<h2>` headings of an HTML page, as text.
fn headings(page: &str) -> Vec<String> {
    page.split("<h2>")
        .skip(1)
        .filter_map(|s| s.split("</h2>").next())
        .map(|h| h.replace("&#39;", "'").replace("&amp;", "&"))
        .collect()
}

/// No page but the last ends with a heading: what follows a heading is
/// printed with it.
fn no_heading_ends_a_page(name: &str, page: &str, printed: &[String]) {
    let heads = headings(page);
    assert!(!heads.is_empty(), "{name} has headings");
    for (n, p) in printed.iter().enumerate().take(printed.len() - 1) {
        let last = p.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            !heads.iter().any(|h| flat(last) == flat(h)),
            "page {} of the {name} ends with its heading {last:?}",
            n + 1
        );
    }
}

#[test]
fn the_html_page_prints_to_two_pages_in_a_real_browser() {
    let d = shipped();
    let page = html(&d);
    let printed = print("handout", &page);
    assert!((1..=2).contains(&printed.len()), "{} pages", printed.len());
    no_heading_ends_a_page("handout", &page, &printed);
    let text = flat(&printed.concat());
    assert!(text.contains(&flat(&d.dataset.title)), "title");
    for q in &d.quotes {
        assert!(
            text.contains(&flat(&q.text)),
            "quote {} printed whole",
            q.id
        );
    }
    // The Quotes heading is printed on the page of the first quote.
    let first = d.quotes.iter().find(|q| q.rendering_of.is_none()).unwrap();
    let opening: String = first
        .text
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        printed
            .iter()
            .any(|p| p.lines().any(|l| l.trim() == "Quotes") && flat(p).contains(&opening)),
        "the Quotes heading is printed with the first quote"
    );
    for heading in [
        "Approaches",
        "The map",
        "Reactions, by stance",
        "Timeline",
        "Source and how to cite",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    // The map marks each point by a letter, and the table beside it
    // gives the letter with the item's one printed name (its `name`).
    for (i, a) in d.approaches.iter().enumerate() {
        let letter = char::from(b'A' + i as u8);
        assert!(
            page.contains(&format!(">{letter}</text>")),
            "map letter {letter}"
        );
        let row = flat(&format!("{letter} {}", a.name));
        assert!(text.contains(&row), "map table row {row}");
    }
}

#[test]
fn the_worksheet_and_key_print_to_two_pages_each_in_a_real_browser() {
    let d = shipped();
    for (name, page) in [("worksheet", worksheet_html(&d)), ("key", key_html(&d))] {
        let printed = print(name, &page);
        assert!(
            (1..=2).contains(&printed.len()),
            "the {name} prints on {} pages",
            printed.len()
        );
        no_heading_ends_a_page(name, &page, &printed);
        let text = flat(&printed.concat());
        for part in ["1. Who said it?", "2. Place them on the map", "5. Discuss"] {
            assert!(text.contains(part), "{name}: {part}");
        }
        // Every quote asked, whole; the speakers' names only in the key
        // next to them, as the Markdown forms (tested above).
        for q in d.quotes.iter().filter(|q| q.rendering_of.is_none()) {
            assert!(text.contains(&flat(&q.text)), "{name}: quote {}", q.id);
        }
        let says = |speaker: &str| text.contains(&format!("{speaker} [1]"));
        match name {
            "worksheet" => {
                assert!(
                    !says("Li Qiang, Premier of China"),
                    "the worksheet names no speaker"
                );
                for q in &d.questions {
                    assert!(text.contains(&flat(&q.text)), "question {:?}", q.text);
                }
            }
            _ => assert!(
                says("Li Qiang, Premier of China"),
                "the key names the speakers"
            ),
        }
    }
}

/// Data cannot add markup to the printable worksheet: what the Markdown
/// escapes stays text, and any HTML the parser meets is written as text.
#[test]
fn the_printable_worksheet_escapes_data() {
    let mut d = shipped();
    d.quotes[0].text = "<script>alert(1)</script> <b>bold</b> \u{202e}x".into();
    d.questions.push(stances::data::DiscussionQuestion {
        text: "<img src=x onerror=alert(1)> [a](javascript:alert(1))".into(),
        about: vec![],
    });
    d.build_index();
    for page in [worksheet_html(&d), key_html(&d)] {
        assert!(!page.contains("<script"), "no script element");
        assert!(!page.contains("<img"), "no image element");
        assert!(!page.contains("<b>"), "no markup from data");
        assert!(!page.contains("href=\"javascript"), "no link from data");
        assert!(!page.contains('\u{202e}'), "no bidi control");
        assert!(page.contains("&lt;script&gt;"));
    }
}

#[test]
fn which_sources_disagree_is_asked_on_the_worksheet_and_answered_in_the_key() {
    let d = shipped();
    let (ws, key) = (worksheet(&d), key(&d));
    let part = |text: &str| -> Vec<String> {
        let start = text.find("## 4. Which sources differ").expect("part 4");
        let end = text.find("## 5. Discuss").expect("part 5");
        text[start..end]
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
            .map(str::to_string)
            .collect()
    };
    let (asked, answered) = (part(&ws), part(&key));
    // The same claims under the same numbers; the worksheet's answer cell
    // is empty, the key's says Y, N or – and what each source says.
    assert_eq!(asked.len(), 10, "{asked:#?}");
    assert_eq!(asked.len(), answered.len());
    for (a, k) in asked.iter().zip(&answered) {
        assert!(a.ends_with("|  |"), "{a}");
        assert!(k.starts_with(a.trim_end_matches("|  |")), "{a} / {k}");
    }
    let count = |mark: &str| answered.iter().filter(|l| l.contains(mark)).count();
    let (yes, no, silent) = (
        count("| **Y**: "),
        count("| **N**: "),
        count("| **\u{2013}** (nothing to compare): "),
    );
    // Five differences; Reuters and WION agree on the date; in four rows
    // one source says nothing, which is not marked as a difference.
    assert_eq!((yes, no, silent), (5, 1, 4), "{answered:#?}");
    for l in answered.iter().filter(|l| l.contains("nothing on this")) {
        assert!(l.contains("(nothing to compare)"), "{l}");
    }
}

/// Teacher findings 6 and 7 (issue 14): what printed badly or could be
/// fairly disputed.
#[test]
fn the_worksheet_prints_cleanly_and_claims_quote_no_ones_wording() {
    let d = shipped();
    let ws = worksheet(&d);
    // The grid is in a code block, where a Markdown escape prints as a
    // backslash.
    let start = ws.find("```").expect("grid");
    let end = start + 3 + ws[start + 3..].find("```").expect("grid's end");
    assert!(!ws[start..end].contains('\\'), "{}", &ws[start..end]);
    let grid = &ws[start..end];
    assert!(grid.contains("+1 global body"));
    // Ticks a student can place a point by (a teacher's finding, issue
    // 14): every half step labelled up the side and along the bottom, the
    // axes' ends from the data.
    assert!(
        grid.contains("\n+0.5 +") && grid.contains("\n-0.5 +"),
        "{grid}"
    );
    assert!(grid.contains("  +1 +") && grid.contains("  -1 +"), "{grid}");
    assert!(
        grid.contains("-1       -0.5        0       +0.5       +1"),
        "{grid}"
    );
    let (ax, ay) = (&d.axes[0], &d.axes[1]);
    for end in [&ax.low, &ax.high, &ay.low, &ay.high] {
        assert!(grid.contains(end.as_str()), "{end}: {grid}");
    }
    // Each tick label sits at its mark: the "+" of the top border above
    // the middle of each label along the bottom.
    let lines: Vec<&str> = grid.lines().collect();
    let top = lines.iter().find(|l| l.starts_with("  +1 +")).unwrap();
    let ticks = lines.iter().find(|l| l.contains("-0.5  ")).unwrap();
    for (i, t) in ["-1", "-0.5", "0", "+0.5", "+1"].iter().enumerate() {
        let col = 5 + 10 * i;
        assert_eq!(top.as_bytes()[col], b'+', "{top}");
        let at = ticks.find(&format!(" {t}")).map(|x| x + 1).unwrap_or(0);
        assert!(
            at <= col && col < at + t.len().max(1),
            "{t} at {at}, mark at {col}: {ticks}"
        );
    }
    // Part 1: an organisation and its own member can be told apart.
    assert!(ws.contains("United Nations (the organisation; no person named)"));
    // Options are names: no article that would read as a second letter.
    assert!(ws.contains(". Baidu representative"), "{ws}");
    assert!(!ws.contains(". a Baidu representative"), "{ws}");
    // Part 4: a claim about two sources quotes neither's words (any
    // rendering would be wording one of them did not use) and asks what
    // differs, not that close translations "disagree".
    let part4 = &ws[ws.find("## 4.").unwrap()..ws.find("## 5.").unwrap()];
    assert!(!part4.contains('\u{201c}'), "{part4}");
    assert!(!part4.contains("disagree"), "{part4}");
}

/// A teacher's finding (issue 14): the key called the Chinese proposal
/// "China's global body" and the HTML map "UN global framework" where the
/// handout and worksheet had their names. One rule now: every printed
/// material calls an item by its `name`; `short` labels are the screen's.
/// Checked for every short label that appears nowhere in the data but in
/// its own `short` field (so that its appearing in print can only be the
/// label).
#[test]
fn every_printed_material_calls_an_item_by_one_name() {
    let d = shipped();
    let json = stances::export::json(&d);
    let shorts: Vec<&str> = d
        .actors
        .iter()
        .map(|a| a.short.as_deref())
        .chain(d.approaches.iter().map(|a| a.short.as_deref()))
        .chain(d.events.iter().map(|e| e.short.as_deref()))
        .flatten()
        .filter(|s| {
            let own = format!("\"short\": {}", serde_json::to_string(s).unwrap());
            let compact = format!("\"short\":{}", serde_json::to_string(s).unwrap());
            let elsewhere = json.replace(&own, "").replace(&compact, "");
            !elsewhere.contains(*s)
        })
        .collect();
    assert!(shorts.contains(&"China's global body"), "{shorts:?}");
    assert!(shorts.contains(&"UN global framework"), "{shorts:?}");
    for (what, text) in [
        ("handout", markdown(&d)),
        ("html", html(&d).replace("&#39;", "'")),
        ("worksheet", worksheet(&d)),
        ("key", key(&d)),
    ] {
        for s in &shorts {
            assert!(!text.contains(s), "{what} calls an item {s:?}");
        }
    }
}
