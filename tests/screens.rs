//! Whole screens on ratatui's TestBackend, as insta snapshots: every pane
//! focused, the help overlay, the small-terminal layouts, and the style
//! structure of each theme. A change to any of them shows up as a diff.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use stances::app::{Action, App, update};
use stances::ui::{self, Theme, ThemeKind};

#[path = "support/searches.rs"]
mod searches;
use searches::answer_searches;

fn app_at(width: u16, height: u16) -> App {
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    App::new(data, Rect::new(0, 0, width, height))
}

fn buffer(app: &App, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(
        app.screen.size.width,
        app.screen.size.height,
    ))
    .unwrap();
    terminal.draw(|f| ui::draw(f, app, theme)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen's text, one line per row, trailing blanks trimmed.
fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            // A wide character fills two cells; the second is its shadow.
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            x += u16::try_from(stances::text::width(symbol).max(1)).unwrap();
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen's styles: each distinct style gets a letter, the grid shows
/// which cell has which, and a legend spells each letter out. This is the
/// "structure" of a theme: where selection, focus and stances are marked.
fn styles(buf: &Buffer) -> String {
    let mut legend: Vec<Style> = Vec::new();
    let mut grid = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let style = buf[(x, y)].style();
            let i = legend.iter().position(|s| *s == style).unwrap_or_else(|| {
                legend.push(style);
                legend.len() - 1
            });
            grid.push(char::from(b'a' + u8::try_from(i % 26).unwrap()));
        }
        grid.push('\n');
    }
    let mut out = grid;
    for (i, s) in legend.iter().enumerate() {
        out.push_str(&format!(
            "{}: fg={:?} bg={:?} mod={:?}\n",
            char::from(b'a' + u8::try_from(i % 26).unwrap()),
            s.fg,
            s.bg,
            s.add_modifier
        ));
    }
    out
}

fn screen(app: &App) -> String {
    text(&buffer(app, &Theme::dark()))
}

fn after(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = app_at(width, height);
    for a in actions {
        update(&mut app, a.clone());
    }
    app
}

use Action::*;

#[test]
fn explore_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("explore_{w}x{h}"), screen(&app_at(w, h)));
    }
}

#[test]
fn each_pane_focused() {
    let cases: [(&str, &[Action]); 5] = [
        ("approaches_filtering", &[Down, Down]),
        (
            "actors_china_with_members",
            &[NextPane, Follow, PrevPane, PrevPane, PrevPane, PrevPane],
        ),
        ("reactions", &[NextPane, NextPane, Down, Down, Down]),
        ("quotes", &[NextPane, NextPane, NextPane, Bottom]),
        ("detail_of_a_quote", &[NextPane, NextPane, NextPane, Follow]),
    ];
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, actions) in cases {
            insta::assert_snapshot!(
                format!("pane_{name}_{w}x{h}"),
                screen(&after(w, h, actions))
            );
        }
    }
}

#[test]
fn detail_follows_links_and_shows_history() {
    let app = after(
        120,
        40,
        &[NextPane, NextPane, NextPane, Follow, Follow, Follow],
    );
    insta::assert_snapshot!("detail_followed_twice_120x40", screen(&app));
}

#[test]
fn help_overlay() {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen(&after(w, h, &[ToggleHelp])));
    }
}

#[test]
fn small_terminals() {
    insta::assert_snapshot!("single_pane_50x14", screen(&app_at(50, 14)));
    insta::assert_snapshot!(
        "single_pane_detail_40x12",
        screen(&after(40, 12, &[PrevPane]))
    );
    insta::assert_snapshot!("single_pane_minimum_20x6", screen(&app_at(20, 6)));
    insta::assert_snapshot!("too_small_19x5", screen(&app_at(19, 5)));
    insta::assert_snapshot!("wide_detail_beside_160x30", screen(&app_at(160, 30)));
}

#[test]
fn a_quote_shows_its_other_renderings_with_their_sources() {
    // The first quote is Li's passage as the article gives it; Reuters'
    // and WION's renderings follow in its Detail, each with its source.
    let app = after(160, 50, &[NextPane, NextPane, NextPane, Follow, PageDown]);
    let shown = screen(&app);
    assert!(
        shown.contains("Other renderings of the same statement (2)"),
        "{shown}"
    );
    assert!(
        shown.contains("Rendered by: China's Premier Li proposes"),
        "{shown}"
    );
    insta::assert_snapshot!("detail_quote_renderings_160x50", shown);
}

#[test]
fn no_size_down_to_zero_panics() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (0, 30),
        (30, 0),
        (20, 6),
        (59, 15),
        (300, 100),
    ] {
        for actions in [&[][..], &[ToggleHelp], &[PrevPane], &[NextPane, Follow]] {
            let _ = screen(&after(w, h, actions));
        }
    }
}

#[test]
fn theme_structure() {
    let themes = [
        ("dark", Theme::new(ThemeKind::Dark, false)),
        ("light", Theme::new(ThemeKind::Light, false)),
        ("high_contrast", Theme::new(ThemeKind::HighContrast, false)),
        ("no_color", Theme::new(ThemeKind::Dark, true)),
    ];
    let app = after(80, 24, &[NextPane, NextPane]);
    for (name, theme) in &themes {
        insta::assert_snapshot!(format!("theme_{name}_80x24"), styles(&buffer(&app, theme)));
    }
    let big = after(120, 40, &[NextPane, NextPane]);
    for (name, theme) in &themes {
        insta::assert_snapshot!(format!("theme_{name}_120x40"), styles(&buffer(&big, theme)));
    }
}

#[test]
fn no_color_uses_no_colour_but_keeps_the_selection_visible() {
    let app = after(80, 24, &[NextPane, NextPane]);
    let buf = buffer(&app, &Theme::new(ThemeKind::Dark, true));
    for cell in buf.content() {
        let s = cell.style();
        assert!(
            s.fg.is_none_or(|c| c == ratatui::style::Color::Reset),
            "{s:?}"
        );
        assert!(
            s.bg.is_none_or(|c| c == ratatui::style::Color::Reset),
            "{s:?}"
        );
    }
    // The selected reaction row is reversed.
    let row = (0..buf.area.height)
        .find(|&y| (0..buf.area.width).any(|x| buf[(x, y)].symbol() == "›" && x > 20))
        .unwrap();
    let x = (21..buf.area.width)
        .find(|&x| buf[(x, row)].symbol() == "›")
        .unwrap();
    assert!(
        buf[(x, row)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
}

#[test]
fn stances_carry_a_symbol_and_a_word_in_every_theme() {
    // The shipped data uses three of the five stances; give the first
    // five reactions one each so that every stance is drawn.
    let mut data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    for (r, stance) in data.reactions.iter_mut().zip(stances::data::Stance::ALL) {
        r.stance = stance;
    }
    data.build_index();
    let mut app = App::new(data, Rect::new(0, 0, 200, 60));
    update(&mut app, Clear);
    let screen = screen(&app);
    // Every stance has its symbol at the start of its row; at 200x60 each
    // row has lines to spare, and its second says the stance in words
    // before what the actor did (before, rows too tight for the word
    // lost it: the two "leans" rows in a 46-column pane).
    for stance in stances::data::Stance::ALL {
        let symbol = format!("{:<2} ", stance.symbol());
        assert!(screen.contains(&symbol), "{symbol}\n{screen}");
        let word = format!("│     {} · ", stance.label());
        assert!(screen.contains(&word), "{word}\n{screen}");
    }
}

#[test]
fn data_with_control_characters_is_escaped_on_screen() {
    let mut data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    data.actors[0].name = "Chi\u{1b}[31mna\u{202e}".into();
    data.quotes[0].text = "evil\u{9b}2J text\u{7}".into();
    data.build_index();
    let mut app = App::new(data, Rect::new(0, 0, 120, 40));
    update(&mut app, NextPane);
    update(&mut app, Follow);
    let buf = buffer(&app, &Theme::dark());
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(stances::text::is_unsafe),
            "{:?}",
            cell.symbol()
        );
    }
    let shown = text(&buf);
    assert!(shown.contains("Chi\\u{1b}[31mna\\u{202e}"), "{shown}");
}

#[test]
fn wide_and_accented_names_are_laid_out_by_cells() {
    let mut data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    data.actors[1].name = "李强".into();
    data.build_index();
    let app = App::new(data, Rect::new(0, 0, 120, 40));
    let buf = buffer(&app, &Theme::dark());
    let shown = text(&buf);
    // Every line is still exactly 120 cells: no CJK character pushed a
    // border out of place.
    for line in shown.lines() {
        assert!(stances::text::width(line) <= 120, "{line}");
    }
    let borders: Vec<usize> = shown
        .lines()
        .filter(|l| l.contains("李强"))
        .map(|l| {
            let cut = l.find("李强").unwrap();
            stances::text::width(&l[..cut])
        })
        .collect();
    assert!(
        borders.contains(&5),
        "border, marker and member indent before the name: {borders:?}"
    );
    assert!(shown.contains("李强 · person"), "{shown}");
    assert!(shown.contains("António Guterres"));
}

fn searched(width: u16, height: u16, query: &str) -> App {
    let mut app = app_at(width, height);
    update(&mut app, OpenSearch);
    for c in query.chars() {
        update(&mut app, Edit(stances::app::Edit::Insert(c)));
    }
    answer_searches(&mut app);
    app
}

#[test]
fn search_view() {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("search_whims_{w}x{h}"),
            screen(&searched(w, h, "whims"))
        );
        insta::assert_snapshot!(
            format!("search_by_china_{w}x{h}"),
            screen(&searched(w, h, "by:china"))
        );
    }
    insta::assert_snapshot!("search_china_200x60", screen(&searched(200, 60, "china")));
    insta::assert_snapshot!(
        "search_hint_and_nothing_found_80x24",
        screen(&searched(80, 24, "tag: zzzq"))
    );
}

#[test]
fn search_highlights_the_matched_letters() {
    let app = searched(120, 40, "antonio");
    let buf = buffer(&app, &Theme::dark());
    // Row 3 is the first result; its speaker "António" is marked.
    let row: Vec<(String, bool)> = (0..buf.area.width)
        .map(|x| {
            let c = &buf[(x, 3)];
            (
                c.symbol().to_string(),
                c.modifier.contains(ratatui::style::Modifier::UNDERLINED),
            )
        })
        .collect();
    let marked: String = row
        .iter()
        .filter(|(_, m)| *m)
        .map(|(s, _)| s.as_str())
        .collect();
    assert_eq!(marked, "António");
}

fn in_view(width: u16, height: u16, view: stances::app::View, actions: &[Action]) -> App {
    let mut app = app_at(width, height);
    app.quiz.seed = 7;
    update(&mut app, SwitchView(view));
    for a in actions {
        update(&mut app, a.clone());
    }
    app
}

#[test]
fn classroom_views() {
    use stances::app::View;
    let cases: [(&str, View, &[Action]); 9] = [
        ("map", View::Map, &[]),
        (
            "map_two_steps_down",
            View::Map,
            &[Action::Down, Action::Down],
        ),
        (
            "compare_approaches",
            View::Compare,
            &[Action::Right, Action::Down],
        ),
        ("compare_actors", View::Compare, &[Action::ToggleKind]),
        (
            "timeline",
            View::Timeline,
            &[Action::Down, Action::Down, Action::Down],
        ),
        ("tour_first", View::Tour, &[]),
        ("tour_quote_step", View::Tour, &[Action::Next]),
        (
            "tour_map_step",
            View::Tour,
            &[Action::Next, Action::Next, Action::Next],
        ),
        ("quiz_answered", View::Quiz, &[Action::Choose(1)]),
    ];
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, view, actions) in cases {
            insta::assert_snapshot!(
                format!("view_{name}_{w}x{h}"),
                screen(&in_view(w, h, view, actions))
            );
        }
    }
}

/// Tour slides that show Compare, the reactions by stance and the
/// discussion questions; each kind of quiz question, asked and answered.
#[test]
fn tour_views_and_quiz_kinds() {
    use stances::app::View;
    let next = |n: usize| vec![Action::Next; n];
    let kind = |n: usize, answer: bool| {
        let mut a = vec![Action::ToggleKind; n];
        if answer {
            a.push(Action::Choose(0));
        }
        a
    };
    let cases: Vec<(&str, View, Vec<Action>)> = vec![
        ("tour_compare_step", View::Tour, next(4)),
        ("tour_reactions_step", View::Tour, next(8)),
        ("tour_closing", View::Tour, vec![Action::Bottom]),
        ("quiz_stance", View::Quiz, kind(1, false)),
        ("quiz_stance_answered", View::Quiz, kind(1, true)),
        ("quiz_approach", View::Quiz, kind(2, false)),
        ("quiz_approach_answered", View::Quiz, kind(2, true)),
        ("quiz_sources", View::Quiz, kind(3, false)),
        ("quiz_sources_answered", View::Quiz, kind(3, true)),
        ("quiz_mixed", View::Quiz, kind(4, false)),
    ];
    for (w, h) in [(80, 24), (100, 30)] {
        for (name, view, actions) in &cases {
            insta::assert_snapshot!(
                format!("view_{name}_{w}x{h}"),
                screen(&in_view(w, h, *view, actions))
            );
        }
    }
}

#[test]
fn presenter_mode() {
    use stances::app::View;
    let present = |view: View, actions: &[Action]| {
        let mut a = vec![Action::TogglePresent];
        a.extend_from_slice(actions);
        (view, a)
    };
    let cases: Vec<(&str, (View, Vec<Action>))> = vec![
        ("explore", present(View::Explore, &[])),
        ("map", present(View::Map, &[])),
        // A teacher's findings (issue 14): Compare and Timeline enlarged
        // too, keys only in the footer; a quote's words shown once.
        ("compare", present(View::Compare, &[])),
        ("timeline", present(View::Timeline, &[])),
        (
            "explore_quote",
            present(
                View::Explore,
                &[Action::SelectRow {
                    pane: stances::app::Pane::Quotes,
                    row: 0,
                }],
            ),
        ),
        ("tour_first", present(View::Tour, &[])),
        (
            "tour_quote_step",
            present(View::Tour, &[Action::Next, Action::Next]),
        ),
        ("quiz", present(View::Quiz, &[])),
        ("quiz_answered", present(View::Quiz, &[Action::Choose(0)])),
        (
            "quiz_mixed",
            present(View::Quiz, &vec![Action::ToggleKind; 4]),
        ),
    ];
    for (w, h) in [(80, 24), (100, 30)] {
        for (name, (view, actions)) in &cases {
            insta::assert_snapshot!(
                format!("present_{name}_{w}x{h}"),
                screen(&in_view(w, h, *view, actions))
            );
        }
    }
}

/// A teacher's finding (issue 14): `p` on a quote showed its words twice
/// (a plain title over Detail's first line; the citation line again).
#[test]
fn presenter_mode_shows_a_quotes_words_once() {
    use stances::app::View;
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        for row in 0..6 {
            let app = in_view(
                w,
                h,
                View::Explore,
                &[
                    Action::TogglePresent,
                    Action::SelectRow {
                        pane: stances::app::Pane::Quotes,
                        row,
                    },
                ],
            );
            let text: String = screen(&app)
                .lines()
                .map(|l| l.trim_matches(|c: char| c == '\u{2503}' || c == ' '))
                .collect::<Vec<_>>()
                .join(" ");
            let id = app.detail_id().unwrap().to_string();
            let q = app.corpus.data.quotes.iter().find(|q| q.id == id).unwrap();
            // Its first words, which any wrapping keeps on one line.
            let start: String = q
                .text
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            let opening = format!("\u{201c}{start}");
            assert_eq!(
                text.matches(&opening).count(),
                1,
                "{w}x{h} {id}:\n{}",
                screen(&app)
            );
        }
    }
}

#[test]
fn presenter_mode_shows_a_message_and_no_counts() {
    use stances::app::View;
    // No status line while there is nothing to say ...
    let quiet = in_view(
        80,
        24,
        View::Quiz,
        &[Action::TogglePresent, Action::Choose(0)],
    );
    let rows: Vec<String> = screen(&quiet).lines().map(str::to_string).collect();
    assert!(
        rows[rows.len() - 2].starts_with('\u{2517}'),
        "the body reaches the footer:\n{}",
        rows.join("\n")
    );
    // ... but a copy says it went, on a row of its own above the footer.
    let copied = in_view(
        80,
        24,
        View::Quiz,
        &[Action::TogglePresent, Action::Choose(0), Action::CopyQuote],
    );
    insta::assert_snapshot!("present_quiz_copied_80x24", screen(&copied));
}

#[test]
fn the_map_keeps_its_labels_whole_at_100_and_110_columns() {
    use stances::app::View;
    // Each approach by its full name or its short label, never cut: at
    // 110 columns "(China)" and "(United Nations)" were cut off the
    // names, at 100 "China's rules at ho…".
    for (w, h) in [(100, 30), (110, 30), (110, 40), (120, 40)] {
        for present in [false, true] {
            let actions = if present {
                vec![Action::TogglePresent]
            } else {
                vec![]
            };
            let app = in_view(w, h, View::Map, &actions);
            let shown = screen(&app);
            for a in &app.corpus.data.approaches {
                let short = a.short.as_deref().unwrap_or(&a.name);
                assert!(
                    shown.contains(&a.name) || shown.contains(short),
                    "{w}x{h} (presenter: {present}): {} cut\n{shown}",
                    a.name
                );
            }
        }
    }
}

#[test]
fn quiz_summary_and_no_quiz_message() {
    use stances::app::View;
    let mut app = in_view(100, 30, View::Quiz, &[]);
    for _ in 0..app.corpus.data.quotes.len() {
        update(&mut app, Choose(0));
        update(&mut app, Next);
    }
    insta::assert_snapshot!("view_quiz_summary_100x30", screen(&app));

    let mut data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    data.quotes.truncate(2);
    data.build_index();
    let mut app = App::new(data, Rect::new(0, 0, 80, 24));
    update(&mut app, SwitchView(View::Quiz));
    let shown = screen(&app);
    assert!(
        shown.contains("needs quotes by at least 4 different speakers"),
        "{shown}"
    );
}

/// Issue 14 follow-up 1: an option too long for its row goes on under
/// its text (not under its letter) and loses no word, and a wrong answer's
/// feedback names the answer whole, or by its letter alone when the whole
/// would not fit its row: never a cut answer.
#[test]
fn quiz_options_wrap_under_their_text_and_the_answer_is_never_cut() {
    use stances::app::View;
    let mut wrapped = 0;
    let mut by_letter = 0;
    for (w, h) in [(64, 24), (80, 24), (100, 30)] {
        for seed in 0..30 {
            for kinds in 0..5 {
                let mut app = app_at(w, h);
                app.quiz.seed = seed;
                update(&mut app, SwitchView(View::Quiz));
                for _ in 0..kinds {
                    update(&mut app, ToggleKind);
                }
                let Some(Ok(quiz)) = &app.quiz.playing else {
                    continue;
                };
                let q = quiz.question().unwrap().clone();
                let wrong = (q.answer + 1) % q.options.len();
                update(&mut app, Choose(wrong));
                let shown = screen(&app);
                let rows: Vec<Vec<char>> = shown.lines().map(|l| l.chars().collect()).collect();
                for (n, option) in q.options.iter().enumerate() {
                    let letter = char::from(b'a' + u8::try_from(n).unwrap());
                    let (y, x) = rows
                        .iter()
                        .enumerate()
                        .find_map(|(y, r)| {
                            (2..r.len().saturating_sub(1)).find_map(|x| {
                                (r[x] == letter
                                    && r[x + 1] == ' '
                                    && "✓✗› ".contains(r[x - 2])
                                    && r[x - 1] == ' '
                                    && r[..x - 2].iter().all(|c| *c == '┃' || *c == ' ')
                                    && r[x + 2..]
                                        .iter()
                                        .collect::<String>()
                                        .starts_with(option.split_whitespace().next().unwrap()))
                                .then_some((y, x))
                            })
                        })
                        .unwrap_or_else(|| panic!("{w}x{h} seed {seed}: {option:?}\n{shown}"));
                    let text_at = x + 2;
                    let cells = |r: &[char], from: usize| -> String {
                        r.get(from..)
                            .unwrap_or(&[])
                            .iter()
                            .collect::<String>()
                            .trim_end_matches(['┃', ' '])
                            .to_string()
                    };
                    let mut got = cells(&rows[y], text_at);
                    for r in &rows[y + 1..] {
                        let lead = r.get(..text_at).unwrap_or(r);
                        if !lead.iter().skip(1).all(|c| *c == ' ')
                            || r.get(text_at).is_none_or(|c| *c == ' ')
                        {
                            break;
                        }
                        wrapped += 1;
                        got.push(' ');
                        got.push_str(&cells(r, text_at));
                    }
                    assert_eq!(&got, option, "{w}x{h} seed {seed}\n{shown}");
                }
                let letter = char::from(b'a' + u8::try_from(q.answer).unwrap());
                let whole = format!("the answer was {} ({letter}).", q.options[q.answer]);
                let short = format!("the answer was ({letter}).");
                assert!(
                    shown.contains(&whole) || shown.contains(&short),
                    "{w}x{h} seed {seed}: {whole}\n{shown}"
                );
                if shown.contains(&short) {
                    by_letter += 1;
                }
            }
        }
    }
    // The shipped data has options and answers long enough for both.
    assert!(wrapped > 0 && by_letter > 0, "{wrapped} {by_letter}");
}

/// Issue 14 follow-up 6: at 80x24 presenter mode has no room for the big
/// title over Map, Compare and Timeline, so the view's title names the
/// selected item whole.
#[test]
fn presenter_mode_at_80x24_names_the_selected_item_in_the_title() {
    use stances::app::View;
    for (view, name) in [
        (View::Map, "Stance map · Risk-based regulation (EU AI Act)"),
        (View::Compare, "Compare · Risk-based regulation (EU AI Act)"),
        (View::Timeline, "Timeline · EU AI Act"),
    ] {
        let app = in_view(80, 24, view, &[TogglePresent]);
        let shown = screen(&app);
        assert!(
            shown.lines().next().is_some_and(|l| l.contains(name)),
            "{shown}"
        );
    }
}

#[test]
fn classroom_views_in_every_theme() {
    use stances::app::View;
    let themes = [
        ("dark", Theme::new(ThemeKind::Dark, false)),
        ("light", Theme::new(ThemeKind::Light, false)),
        ("high_contrast", Theme::new(ThemeKind::HighContrast, false)),
        ("no_color", Theme::new(ThemeKind::Dark, true)),
    ];
    for (view_name, view) in [
        ("map", View::Map),
        ("tour", View::Tour),
        ("quiz", View::Quiz),
    ] {
        let app = in_view(80, 24, view, &[]);
        for (name, theme) in &themes {
            insta::assert_snapshot!(
                format!("theme_{view_name}_{name}_80x24"),
                styles(&buffer(&app, theme))
            );
        }
    }
}

#[test]
fn every_view_survives_every_size() {
    use stances::app::View;
    for view in View::ALL {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (20, 6),
            (40, 12),
            (59, 15),
            (80, 24),
            (300, 100),
        ] {
            let _ = screen(&in_view(
                w,
                h,
                view,
                &[Action::Down, Action::Right, Action::Choose(0)],
            ));
        }
    }
}

#[test]
fn loading_a_big_dataset_shows_how_far_it_has_got() {
    let stage = |progress| stances::reload::Stage {
        what: "Reading and checking 36.2 MB in 1 file".into(),
        progress,
    };
    let mut app = app_at(80, 24);
    update(&mut app, Loading(stage(None)));
    let before = screen(&app);
    assert!(before.contains("Reading and checking 36.2 MB in 1 file…"));
    assert!(!before.contains('%'));
    update(
        &mut app,
        Loading(stage(Some(stances::data::load::Progress {
            done: 16_300_000,
            total: 36_200_000,
        }))),
    );
    insta::assert_snapshot!("loading_with_progress_80x24", screen(&app));
}

#[test]
fn the_problems_panel_says_when_not_all_problems_fit() {
    use stances::data::{Diagnostic, Kind, Problems, SourceFile};
    // 600 lines, each a quote's speaker, 10 characters in.
    let text: String = (1..=600)
        .map(|n| format!("speaker = \"actor-5\" # {n}\n"))
        .collect();
    let problems = |n: usize| {
        Problems {
        files: vec![SourceFile::new("big.toml", text.clone())],
        diagnostics: (1..=n)
            .map(|n| {
                let line_start: usize = text.lines().take(100 + n - 1).map(|l| l.len() + 1).sum();
                Diagnostic::new(
                    Kind::DanglingReference,
                    0,
                    Some(line_start + 10..line_start + 19),
                    format!("quote `q{n}`: speaker `actor-5` is not a known actor; did you mean `actor-50`?"),
                )
            })
            .collect(),
        omitted: Default::default(),
    }
    };
    let mut app = app_at(80, 24);
    update(
        &mut app,
        Reloaded(stances::reload::Reload::Problems(problems(1))),
    );
    let one = screen(&app);
    assert!(one.contains("q1`"));
    assert!(!one.contains("the first shown"), "{one}");
    update(
        &mut app,
        Reloaded(stances::reload::Reload::Problems(problems(492))),
    );
    insta::assert_snapshot!("problems_truncated_80x24", screen(&app));
}

/// At every size the map is shown, each point says whose it is: its
/// name, short label or the start of it on the map, or in the legend.
#[test]
fn the_map_names_every_point_at_every_size() {
    for (w, h) in [
        (40, 12),
        (60, 16),
        (80, 24),
        (100, 30),
        (120, 40),
        (200, 60),
    ] {
        let app = in_view(w, h, stances::app::View::Map, &[]);
        let shown = screen(&app);
        for p in stances::app::map::points(&app.corpus.data) {
            // The shortest cut the labels offer: three characters, less
            // a trailing space ("UN…" for "UN global framework").
            let start: String = p.short.chars().take(3).collect();
            let start = start.trim_end();
            assert!(
                shown.contains(&p.name) || shown.contains(&p.short) || shown.contains(start),
                "{w}x{h}: {} not named\n{shown}",
                p.short
            );
        }
    }
}

/// Compare's PageDown stops at the end of the table: many presses leave
/// its last rows on screen, and one PageUp shows earlier ones at once.
#[test]
fn compare_pages_no_further_than_its_last_row() {
    use stances::app::View;
    // At 80x24 the table is taller than the pane.
    let mut app = after(80, 24, &[SwitchView(View::Compare)]);
    let mut previous = screen(&app);
    let mut at_end = None;
    for _ in 0..40 {
        update(&mut app, PageDown);
        let now = screen(&app);
        if now == previous {
            at_end = Some(now.clone());
            break;
        }
        previous = now;
    }
    let at_end = at_end.expect("PageDown stops somewhere");
    // The pane is not blank: the last row of the table is shown.
    let body: Vec<&str> = at_end.lines().skip(2).take(20).collect();
    assert!(
        body.iter().filter(|l| l.contains('│')).count() > 5,
        "{at_end}"
    );
    // Its last row is Position: neither approach has reactions or
    // quotes, and a row empty on both sides is left out.
    assert!(
        at_end.contains("Position") && !at_end.contains("Quotes"),
        "the last row shows: {at_end}"
    );
    // The two names stay on top: a scrolled table still says which
    // column is which.
    let names = at_end.lines().nth(2).unwrap_or_default();
    assert!(
        names.contains("EU AI Act") && names.contains("US executive orders"),
        "{at_end}"
    );
    update(&mut app, PageUp);
    assert_ne!(screen(&app), at_end, "one PageUp moves back at once");
}

/// Help scrolls back at the first Up after it was scrolled to its end,
/// whatever the size did meanwhile.
#[test]
fn help_scrolls_back_at_once_after_its_end() {
    let mut app = after(80, 24, &[ToggleHelp]);
    for _ in 0..20 {
        update(&mut app, PageDown);
    }
    let end = screen(&app);
    update(&mut app, Up);
    assert_ne!(screen(&app), end, "Up at the end of help");
    for _ in 0..20 {
        update(&mut app, PageDown);
    }
    update(
        &mut app,
        Resize {
            width: 100,
            height: 30,
        },
    );
    let end = screen(&app);
    update(&mut app, Up);
    assert_ne!(screen(&app), end, "Up at the end of help, after a resize");
}

/// Issue 10's two scroll cases as it gives them: in Compare, 40
/// PageDowns then 10 PageUps show the table (they left a blank pane); in
/// help, scrolled to its end, 10 Ups move it (they changed nothing).
#[test]
fn compare_and_help_scroll_back_as_issue_10_gives_them() {
    use stances::app::View;
    let mut app = after(80, 24, &[SwitchView(View::Compare)]);
    for _ in 0..40 {
        update(&mut app, PageDown);
    }
    let at_end = screen(&app);
    for _ in 0..10 {
        update(&mut app, PageUp);
    }
    let back = screen(&app);
    assert_ne!(back, at_end, "10 PageUps move Compare back");
    let body: Vec<&str> = back.lines().skip(2).take(20).collect();
    assert!(
        body.iter().filter(|l| l.contains('│')).count() > 5,
        "the table shows: {back}"
    );
    let mut app = after(80, 24, &[ToggleHelp]);
    for _ in 0..40 {
        update(&mut app, PageDown);
    }
    let (end, scroll) = (screen(&app), app.screen.help);
    for _ in 0..10 {
        update(&mut app, Up);
    }
    assert_ne!(screen(&app), end, "10 Ups move help");
    assert!(
        app.screen.help < scroll,
        "{:?} < {scroll:?}",
        app.screen.help
    );
}

/// The first quote made `chars` characters long, on one line.
fn with_long_quote(chars: usize) -> App {
    let mut data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let words = "a long quote ".repeat(chars / 13 + 1);
    data.quotes[0].text = words.chars().take(chars).collect();
    App::new(data, Rect::new(0, 0, 120, 40))
}

#[test]
fn a_two_megabyte_quote_draws_as_its_first_screenfuls() {
    // Every frame draws only what fits: the quote cut to 300,000
    // characters (far more than a screen holds) gives the same screens as
    // the whole 2 MB, in the list, the detail pane scrolled, and the quiz.
    // (That the work is bounded is tested on text::screen_line,
    // text::truncate and detail::block_text.)
    let steps: [&[Action]; 3] = [
        &[NextPane, NextPane, NextPane],
        &[NextPane, NextPane, NextPane, Follow, Down, Down, Down],
        &[SwitchView(stances::app::View::Quiz)],
    ];
    for actions in steps {
        let mut huge = with_long_quote(2_000_000);
        let mut cut = with_long_quote(300_000);
        for a in actions {
            update(&mut huge, a.clone());
            update(&mut cut, a.clone());
        }
        assert_eq!(screen(&huge), screen(&cut), "{actions:?}");
    }
}

/// Who reacts and to what are the last to give way: every reaction row
/// on screen names both, at every size (the issue: `+  leans support…`).
#[test]
fn reaction_rows_keep_who_and_what_at_every_size() {
    for (w, h) in [(60, 16), (80, 24), (100, 30), (120, 40), (200, 60)] {
        // Focused, as one pane at a time shows at 60x16.
        let app = after(w, h, &[Clear, NextPane, NextPane]);
        let shown = screen(&app);
        for (actor, target) in [("France", "Chi"), ("UK", "“in"), ("US", "“in")] {
            let both = format!("{actor} → {target}");
            let full = format!(
                "{} → ",
                app.corpus.data.name_of(match actor {
                    "UK" => "united-kingdom",
                    "US" => "united-states",
                    _ => "france",
                })
            );
            assert!(
                shown.contains(&both) || shown.contains(&full),
                "{w}x{h}: no {both:?}\n{shown}"
            );
        }
    }
}

/// A query longer than the field: at its end the field shows its end, and
/// after Home its start, with the terminal's cursor on the first letter.
#[test]
fn a_long_query_shows_where_the_cursor_is() {
    use stances::app::Edit as E;
    let query = "governance ".repeat(8);
    assert!(query.len() > 80);
    let mut app = after(80, 24, &[OpenSearch, Edit(E::Paste(query.clone()))]);
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| ui::draw(f, app, &Theme::new(ThemeKind::Dark, true)))
            .unwrap();
        let field = text(terminal.backend().buffer())
            .lines()
            .nth(1)
            .unwrap()
            .to_string();
        let cursor = terminal.get_cursor_position().unwrap();
        (field, cursor)
    };
    let (field, cursor) = draw(&app);
    assert!(
        field.trim_start().starts_with("/ …"),
        "the end shows: {field}"
    );
    assert!(field.contains("governance governance"), "{field}");
    update(&mut app, Edit(E::Home));
    let (field, cursor_home) = draw(&app);
    let start = field.find("governance").expect("the start shows");
    assert!(
        field.trim_start().starts_with("/ governance"),
        "nothing cut before the start: {field}"
    );
    assert_eq!(cursor_home.y, 1);
    assert_eq!(
        usize::from(cursor_home.x),
        field[..start].chars().count(),
        "the cursor is on the first letter: {field}"
    );
    assert!(cursor_home.x < cursor.x);
}

/// Flags in data (regional indicator pairs) reach the screen as their
/// letters: terminals disagree on their width, and a disagreement leaves
/// halves of old glyphs behind after the next change of view.
#[test]
fn flags_in_data_are_drawn_as_letters() {
    let mut data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    data.actors[0].name = "🇨🇳 China".into();
    data.quotes[0].text = "AI for all 🇨🇳🇪🇺 and more".into();
    data.build_index();
    let mut app = App::new(data, Rect::new(0, 0, 120, 40));
    for view in stances::app::View::ALL {
        update(&mut app, SwitchView(view));
        let buf = buffer(&app, &Theme::dark());
        let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        for cell in buf.content() {
            assert!(
                !cell.symbol().chars().any(regional),
                "{view:?}: {:?} on screen",
                cell.symbol()
            );
        }
        if view == stances::app::View::Explore {
            let shown = text(&buf);
            assert!(shown.contains("CN China"), "{shown}");
            assert!(shown.contains("CNEU"), "{shown}");
        }
    }
}

/// Every view, each Explore pane focused, search and help, at the four
/// classroom sizes: 60x16 (one pane at a time), 80x24, 120x40, and
/// 200x60 (rows of several lines). Each was read by eye when accepted.
#[test]
fn every_view_at_every_size() {
    for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
        for view in stances::app::View::ALL {
            insta::assert_snapshot!(
                format!("every_view_{}_{w}x{h}", view.title().to_lowercase()),
                screen(&in_view(w, h, view, &[]))
            );
        }
        for (name, tabs) in [
            ("actors", 1),
            ("reactions", 2),
            ("quotes", 3),
            ("detail", 4),
        ] {
            let tabs = vec![NextPane; tabs];
            insta::assert_snapshot!(
                format!("every_view_explore_{name}_{w}x{h}"),
                screen(&after(w, h, &tabs))
            );
        }
        insta::assert_snapshot!(
            format!("every_view_explore_filtered_china_{w}x{h}"),
            screen(&after(w, h, &[NextPane, Follow, PrevPane]))
        );
        insta::assert_snapshot!(
            format!("every_view_search_china_{w}x{h}"),
            screen(&searched(w, h, "china"))
        );
        insta::assert_snapshot!(
            format!("every_view_help_{w}x{h}"),
            screen(&after(w, h, &[ToggleHelp]))
        );
    }
}

/// The rule for space in every view (issue 11): the part of a label that
/// says which item it is stays whole at the narrow sizes, with the short
/// label where the full name does not fit, and nothing lists a key that
/// does nothing or an item that is not there.
#[test]
fn labels_keep_who_and_what_in_every_view() {
    use stances::app::View;
    for (w, h) in [(60, 16), (80, 24)] {
        // Compare: both headers and the status line name both sides.
        let compare = screen(&in_view(w, h, View::Compare, &[]));
        assert!(compare.contains("▶ EU AI Act "), "{w}x{h}\n{compare}");
        assert!(
            compare.contains("US executive orders"),
            "{w}x{h}\n{compare}"
        );
        assert!(
            compare.contains("EU AI Act ⇄ US executive orders"),
            "{w}x{h}\n{compare}"
        );
        // Never one item on both sides (it was, one ↓ from the start).
        let moved = screen(&in_view(w, h, View::Compare, &[Down]));
        let header = moved.lines().nth(2).unwrap();
        let sides: Vec<&str> = header
            .trim_matches('┃')
            .split('│')
            .map(|s| s.trim().trim_start_matches('▶').trim())
            .collect();
        assert_eq!(sides.len(), 2, "{header}");
        assert_ne!(sides[0], sides[1], "{header}");
        // Timeline: actors are named whole, or counted, never cut.
        let timeline = screen(&in_view(w, h, View::Timeline, &[]));
        assert!(!timeline.contains("African …"), "{w}x{h}\n{timeline}");
        assert!(
            timeline.contains("United Kingdom, United States")
                || timeline.contains("UK, US")
                || timeline.contains("more"),
            "{w}x{h}\n{timeline}"
        );
        // Search: where a quote matched stays on its row.
        let search = screen(&searched(w, h, "china"));
        let first = search.lines().nth(3).unwrap();
        assert!(first.contains("in role: Premier of China"), "{first}");
        // Tour: the opening slide has no item, so Enter is not offered;
        // a slide with one names it even when there is no room for it.
        let tour = screen(&in_view(w, h, View::Tour, &[]));
        assert!(!tour.contains("Enter opens"), "{w}x{h}\n{tour}");
        let second = screen(&in_view(w, h, View::Tour, &[Next]));
        assert!(second.contains("Enter opens the item"), "{second}");
        assert!(
            second.contains("WAIC 2025 opening ceremony"),
            "{w}x{h}\n{second}"
        );
        // No frame with nothing inside (before: an empty "In focus" box,
        // then two empty frames of the slide's timeline, at 60x16).
        let rows: Vec<Vec<char>> = second.lines().map(|l| l.chars().collect()).collect();
        for pair in rows.windows(2) {
            for (x, c) in pair[0].iter().enumerate() {
                if matches!(c, '╭' | '┏') {
                    let below = pair[1].get(x).copied().unwrap_or(' ');
                    assert!(
                        !matches!(below, '╰' | '┗'),
                        "{w}x{h}: an empty frame\n{second}"
                    );
                }
            }
        }
    }
}

/// Tall panes show what they have instead of rows of blank (issue 11: at
/// 200x60 about 40 rows stayed empty under cut labels): every reaction
/// says its stance in words and what its actor did, and most of each
/// list's rows are used.
#[test]
fn tall_panes_use_their_rows() {
    // Every reaction listed: the filter the first screen opens on cleared.
    let app = after(200, 60, &[Clear]);
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    // The Reactions pane is the second column: count its blank rows.
    let top = lines[1];
    let start = top.find("╭ Reactions").unwrap();
    let col = top[..start].chars().count() + 2;
    let blank = lines[2..58]
        .iter()
        .filter(|l| {
            let cells: String = l.chars().skip(col).take(40).collect();
            cells.trim().is_empty()
        })
        .count();
    assert!(blank < 20, "{blank} blank rows of 56\n{shown}");
    for r in &app.corpus.data.reactions {
        let words: String = r
            .summary
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(shown.contains(&words), "{words:?} not shown\n{shown}");
    }
}

/// A frame's title is never cut mid-word at the corner (issue 11: the
/// problems panel at 60 columns read "… last good version · fi┓"): the
/// longest title that fits is shown whole.
#[test]
fn no_title_is_cut_at_the_corner() {
    use stances::app::View;
    use stances::data::{Diagnostic, Kind, Problems, SourceFile};
    let text = "[[quote]]\nspeaker = \"nobody\"\n".to_string();
    for (w, h) in [(40, 12), (50, 14), (60, 16), (80, 24)] {
        let mut shown = Vec::new();
        let mut app = app_at(w, h);
        let problems = Problems {
            files: vec![SourceFile::new("broken.toml", text.clone())],
            diagnostics: (0..12)
                .map(|n| {
                    Diagnostic::new(
                        Kind::DanglingReference,
                        0,
                        Some(20..28),
                        format!("quote `q{n}`: speaker `nobody` is not a known actor"),
                    )
                })
                .collect(),
            omitted: Default::default(),
        };
        update(
            &mut app,
            Reloaded(stances::reload::Reload::Problems(problems)),
        );
        shown.push(screen(&app));
        for view in [View::Compare, View::Timeline, View::Tour] {
            shown.push(screen(&in_view(w, h, view, &[Next])));
        }
        for screen in shown {
            for line in screen.lines() {
                let Some(last) = line.chars().last() else {
                    continue;
                };
                if matches!(last, '┓' | '╮' | '┛' | '╯') {
                    let before = line.chars().rev().nth(1).unwrap_or('─');
                    assert!(
                        matches!(before, '━' | '─' | '…' | ' '),
                        "{w}x{h}: a title cut at the corner: {line:?}\n{screen}"
                    );
                }
            }
        }
    }
}

/// Rows that concern the filter in two ways say both: with Li Qiang's
/// "benefit mankind" also about China and a reaction by him to China's
/// approach, the way every row shares is in the pane's title ("Quotes by
/// Li, member of China", "Reactions to China's global body") and the
/// two-way rows add the other ("also about it", "also by a member").
#[test]
fn rows_that_concern_the_filter_in_two_ways_say_both() {
    let text = stances::data::load::EMBEDDED_TEXT.replace(
        "about = [\"china-cooperation-body\", \"global-south\"]",
        "about = [\"china-cooperation-body\", \"global-south\", \"china\"]",
    ) + "\n[[reaction]]\nid = \"li-backs-body\"\nactor = \"li-qiang\"\n\
         target = \"china-cooperation-body\"\nstance = \"supports\"\n\
         summary = \"A test row: the premier backs the body he proposes.\"\n\
         source = \"valleynews-waic-2025\"\n";
    let data = stances::data::load::load_reader("mixed.toml", text.as_bytes())
        .unwrap()
        .checked
        .dataset
        .unwrap();
    for (w, h) in [(120, 40), (200, 60)] {
        let mut app = App::new(data.clone(), Rect::new(0, 0, w, h));
        // To Actors, and open China, the first row: the filter is China.
        update(&mut app, NextPane);
        update(&mut app, Follow);
        let shown = screen(&app);
        assert!(shown.contains("· also about it"), "{shown}");
        assert!(shown.contains("Li Qiang · also by a member"), "{shown}");
        insta::assert_snapshot!(format!("mixed_relations_{w}x{h}"), shown);
    }
}

/// A tall results pane gives each hit more lines: more of the quote, its
/// matched letters still underlined on whichever line they fall, and the
/// speaker whole on one line.
#[test]
fn search_rows_use_a_tall_pane() {
    let app = searched(120, 40, "regulations");
    let buf = buffer(&app, &Theme::dark());
    let lines: Vec<String> = (3..6)
        .map(|y| (0..70).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect();
    let underlined = |y: u16| -> String {
        (0..70)
            .filter(|&x| {
                buf[(x, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::UNDERLINED)
            })
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    };
    assert!(
        lines[0].contains("“AI governance remains dispersed."),
        "{lines:?}"
    );
    // The match is past the first line, and marked there.
    assert_eq!(underlined(3), "", "{lines:?}");
    assert_eq!(
        format!("{}{}", underlined(4), underlined(5)),
        "regulations",
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("— Li Qiang")), "{lines:?}");
    // A row only as tall as the pane allows: at 80x24 one line each.
    let small = screen(&searched(80, 24, "china"));
    assert!(
        small.lines().nth(3).unwrap().contains("— Li Qiang"),
        "{small}"
    );
}
