//! `update` as a user drives it: sequences of actions and what they leave
//! in the state. No terminal involved.

use ratatui::layout::Rect;
use stances::app::{Action, App, Pane, update};
use stances::data::relations::Focus;

fn app_at(width: u16, height: u16) -> App {
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    App::new(data, Rect::new(0, 0, width, height))
}

fn app() -> App {
    app_at(80, 24)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, *a);
    }
}

#[test]
fn starts_on_approaches_with_nothing_filtered() {
    let a = app();
    assert_eq!(a.focus, Pane::Approaches);
    assert_eq!(a.filter, None);
    assert_eq!(a.reaction_rows.len(), a.data.reactions.len());
    assert_eq!(a.detail_id(), Some("eu-risk-based-regulation"));
}

#[test]
fn moving_in_approaches_filters_reactions_and_quotes() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(
        a.filter,
        Some(Focus::Approach("china-cooperation-body".into()))
    );
    assert!(a.reaction_rows.iter().all(|&i| {
        let r = &a.data.reactions[i];
        r.target == "china-cooperation-body" || a.data.is_within(&r.actor, "china")
    }));
    assert_eq!(a.detail_id(), Some("china-cooperation-body"));
    update(&mut a, Action::Clear);
    assert_eq!(a.filter, None);
    assert_eq!(a.quote_rows.len(), 7);
    assert!(a.status.as_deref().unwrap().contains("Filter cleared"));
}

#[test]
fn an_actor_filter_includes_its_members() {
    let mut a = app();
    run(&mut a, &[Action::NextPane, Action::Follow]);
    assert_eq!(a.filter, Some(Focus::Actor("china".into())));
    let speakers: Vec<&str> = a
        .quote_rows
        .iter()
        .map(|&i| a.data.quotes[i].speaker.as_str())
        .collect();
    assert_eq!(speakers, ["li-qiang", "li-qiang", "li-qiang"]);
}

#[test]
fn enter_opens_detail_and_backspace_walks_back() {
    let mut a = app();
    // Quotes pane, first quote, open it.
    run(
        &mut a,
        &[
            Action::NextPane,
            Action::NextPane,
            Action::NextPane,
            Action::Follow,
        ],
    );
    assert_eq!(a.focus, Pane::Detail);
    assert_eq!(a.detail_id(), Some("li-governance-dispersed"));
    // Its first related item is the speaker: follow it.
    update(&mut a, Action::Follow);
    assert_eq!(a.detail_id(), Some("li-qiang"));
    // Li Qiang is part of China: follow that too.
    update(&mut a, Action::Follow);
    assert_eq!(a.detail_id(), Some("china"));
    assert_eq!(a.history, ["li-governance-dispersed", "li-qiang"]);
    update(&mut a, Action::Back);
    assert_eq!(a.detail_id(), Some("li-qiang"));
    update(&mut a, Action::Back);
    assert_eq!(a.detail_id(), Some("li-governance-dispersed"));
    // Past the start of the history, Backspace returns to the list.
    update(&mut a, Action::Back);
    assert_eq!(a.focus, Pane::Quotes);
    assert_eq!(a.pinned, None);
}

#[test]
fn moving_in_a_list_unpins_detail() {
    let mut a = app();
    run(
        &mut a,
        &[
            Action::NextPane,
            Action::NextPane,
            Action::Follow,
            Action::Follow,
        ],
    );
    assert!(a.pinned.is_some());
    run(&mut a, &[Action::PrevPane, Action::Down]);
    assert_eq!(a.pinned, None);
    assert!(a.history.is_empty());
    assert_eq!(a.focus, Pane::Quotes);
    assert_eq!(a.detail_id(), a.selected_id(Pane::Quotes));
}

#[test]
fn tab_cycles_every_pane_both_ways() {
    let mut a = app();
    let mut seen = vec![a.focus];
    for _ in 0..5 {
        update(&mut a, Action::NextPane);
        seen.push(a.focus);
    }
    assert_eq!(
        seen,
        [
            Pane::Approaches,
            Pane::Actors,
            Pane::Reactions,
            Pane::Quotes,
            Pane::Detail,
            Pane::Approaches
        ]
    );
    update(&mut a, Action::PrevPane);
    assert_eq!(a.focus, Pane::Detail);
}

#[test]
fn top_bottom_and_pages_stay_in_range_and_visible() {
    let mut a = app();
    update(&mut a, Action::NextPane); // Actors: 21 rows, few visible at 80x24
    update(&mut a, Action::Bottom);
    let c = a.cursor(Pane::Actors);
    assert_eq!(c.selected, a.data.actors.len() - 1);
    assert!(c.offset > 0 && c.offset <= c.selected);
    update(&mut a, Action::PageUp);
    assert!(a.cursor(Pane::Actors).selected < c.selected);
    update(&mut a, Action::Top);
    assert_eq!(a.cursor(Pane::Actors), Default::default());
    update(&mut a, Action::Up);
    assert_eq!(a.cursor(Pane::Actors).selected, 0);
}

#[test]
fn help_opens_scrolls_and_closes_without_moving_the_lists() {
    let mut a = app();
    update(&mut a, Action::ToggleHelp);
    assert_eq!(a.help, Some(0));
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.help, Some(2));
    assert_eq!(a.cursor(Pane::Approaches).selected, 0, "keys went to help");
    update(&mut a, Action::Clear);
    assert_eq!(a.help, None);
    update(&mut a, Action::ToggleHelp);
    update(&mut a, Action::Quit);
    assert!(a.quit, "q quits even from help");
}

#[test]
fn clicks_focus_panes_and_select_rows() {
    let mut a = app();
    // At 80x24 the Reactions pane starts at column 23; its third row is y = 4.
    update(&mut a, Action::Click { column: 30, row: 4 });
    assert_eq!(a.focus, Pane::Reactions);
    assert_eq!(a.cursor(Pane::Reactions).selected, 2);
    // A click on the border selects nothing new.
    update(&mut a, Action::Click { column: 30, row: 1 });
    assert_eq!(a.cursor(Pane::Reactions).selected, 2);
    // The wheel moves the list under the pointer.
    update(&mut a, Action::ScrollDown { column: 30, row: 6 });
    assert_eq!(a.cursor(Pane::Reactions).selected, 3);
}

#[test]
fn a_click_in_the_single_pane_strip_switches_pane() {
    let mut a = app_at(50, 14);
    // Strip row: " Approaches  Actors  Reactions …" at y = 1.
    update(&mut a, Action::Click { column: 14, row: 1 });
    assert_eq!(a.focus, Pane::Actors);
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let mut a = app_at(120, 40);
    update(&mut a, Action::NextPane);
    update(&mut a, Action::Bottom);
    update(
        &mut a,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let c = a.cursor(Pane::Actors);
    assert_eq!(c.selected, a.data.actors.len() - 1);
    let frame = stances::layout::frame(a.size);
    let panes = stances::layout::explore(frame.body, stances::layout::mode(a.size), a.focus, 4);
    let visible = stances::layout::inner_height(panes.actors);
    assert!(
        c.offset <= c.selected && c.selected < c.offset + visible,
        "{c:?}, {visible} rows"
    );
    update(
        &mut a,
        Action::Resize {
            width: 0,
            height: 0,
        },
    );
    update(&mut a, Action::Down);
    update(&mut a, Action::Click { column: 0, row: 0 });
}

#[test]
fn esc_with_no_filter_says_so() {
    let mut a = app();
    update(&mut a, Action::Clear);
    assert_eq!(a.status.as_deref(), Some("No filter to clear"));
    update(&mut a, Action::Down);
    assert_eq!(a.status, None, "messages last one action");
}
