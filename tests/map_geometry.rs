//! The stance map draws what the data says, at every size it is shown
//! (the smallest terminal the explorer draws, 20x6, up to 200x60), for
//! any positions in [-1, 1]: a point is right of the vertical axis
//! exactly when its first value is above 0 (left when below, on the axis
//! only when 0), above the horizontal axis exactly when its second value
//! is, and its label is next to its own dot.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use stances::app::{Action, App, View, update};
use stances::layout::map::MapLayout;
use stances::layout::map_labels::{Label, area};
use stances::ui::{self, Theme};

/// The map's layout as the renderer draws it.
fn layout(app: &App, body: Rect) -> Option<MapLayout> {
    stances::app::map::layout(&app.corpus.data, &app.map, body)
}

/// The built-in dataset with the approaches moved to `positions`.
fn app_with(positions: &[(f64, f64)], width: u16, height: u16, selected: usize) -> App {
    let mut data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let (ax, ay) = (data.axes[0].id.clone(), data.axes[1].id.clone());
    for (a, &(x, y)) in data.approaches.iter_mut().zip(positions) {
        let p = a.position.get_or_insert_with(Default::default);
        p.insert(ax.clone(), x);
        p.insert(ay.clone(), y);
    }
    let mut app = App::new(data, Rect::new(0, 0, width, height));
    update(&mut app, Action::SwitchView(View::Map));
    let n = stances::app::map::points(&app.corpus.data).len();
    app.map.selected = selected % n.max(1);
    app
}

fn draw(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(
        app.screen.size.width,
        app.screen.size.height,
    ))
    .unwrap();
    t.draw(|f| ui::draw(f, app, &Theme::dark())).unwrap();
    t.backend().buffer().clone()
}

fn row_text(buf: &Buffer, r: Rect) -> String {
    (r.left()..r.right())
        .map(|x| buf[(x, r.y)].symbol().to_string())
        .collect()
}

/// A label is next to its dot: on the dot's row or one row off, and
/// spanning the dot's column or ending at most one blank column short of
/// it on either side.
fn adjacent(r: Rect, (x, y): (u16, u16)) -> bool {
    let rows = r.y + 1 >= y && r.y <= y + 1;
    let cols = r.x <= x + 2 && r.right() + 1 >= x;
    rows && cols
}

fn check(app: &App, w: u16, h: u16) -> Result<(), TestCaseError> {
    let buf = draw(app);
    let frame = stances::layout::frame_for(
        Rect::new(0, 0, w, h),
        app.screen.present,
        app.screen.status.is_some(),
    )
    .body;
    // In presenter mode the map is under the big title's band.
    let body = stances::layout::view_area(frame, app.screen.present, false);
    let pts = stances::app::map::points(&app.corpus.data);
    let Some(MapLayout {
        origin: (ox, oy),
        cells,
        labels,
        ..
    }) = layout(app, body)
    else {
        // No plot: the map says why, and draws no point on anything.
        let all: String = (0..h)
            .map(|y| row_text(&buf, Rect::new(0, y, w, 1)))
            .collect();
        prop_assert!(!all.contains('●'), "{w}x{h}: points without a plot");
        return Ok(());
    };
    for (i, p) in pts.iter().enumerate() {
        let (cx, cy) = cells[i];
        prop_assert_eq!(
            cx.cmp(&ox),
            p.x.partial_cmp(&0.0).unwrap(),
            "{}x{}: {} at x={} drawn in column {} (axis {})",
            w,
            h,
            p.short,
            p.x,
            cx,
            ox
        );
        // Rows grow downwards: above the axis is a smaller row.
        prop_assert_eq!(
            oy.cmp(&cy),
            p.y.partial_cmp(&0.0).unwrap(),
            "{}x{}: {} at y={} drawn in row {} (axis {})",
            w,
            h,
            p.short,
            p.y,
            cy,
            oy
        );
        // A clear cell between a dot and an axis it is not on, where
        // that side of the plot has room for one.
        let (plot, (ox, oy)) = (layout(app, body).unwrap().plot, (ox, oy));
        let room_x = if p.x > 0.0 {
            plot.right() - 1 - ox
        } else {
            ox - plot.x
        };
        let room_y = if p.y > 0.0 {
            oy - plot.y
        } else {
            plot.bottom() - 1 - oy
        };
        if p.x != 0.0 && room_x >= 2 {
            prop_assert!(
                cx.abs_diff(ox) >= 2,
                "{}x{} present={}: {} at x={} against the axis (column {}, axis {})",
                w,
                h,
                app.screen.present,
                p.short,
                p.x,
                cx,
                ox
            );
        }
        if p.y != 0.0 && room_y >= 2 {
            prop_assert!(
                cy.abs_diff(oy) >= 2,
                "{}x{} present={}: {} at y={} against the axis (row {}, axis {})",
                w,
                h,
                app.screen.present,
                p.short,
                p.y,
                cy,
                oy
            );
        }
        prop_assert!(
            ["●", "◆"].contains(&buf[(cx, cy)].symbol()),
            "{w}x{h}: no dot for {} at {cx},{cy}",
            p.short
        );
        if let Some(r) = area(&labels[i]) {
            prop_assert!(
                adjacent(r, (cx, cy)),
                "{w}x{h}: {}'s label at {r:?} is not next to its dot {cx},{cy}",
                p.short
            );
            let drawn = row_text(&buf, r);
            match &labels[i] {
                Label::Name { text, .. } => prop_assert_eq!(&drawn, text),
                Label::Number { number, .. } => prop_assert_eq!(drawn, number.to_string()),
                Label::Unplaced => {}
            }
        }
    }
    Ok(())
}

/// A value in [-1, 1], often exactly 0 or a small one either side (the
/// cases that scaling rounds onto an axis).
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        -0.2f64..0.2,
        (-10i32..=10).prop_map(|v| f64::from(v) / 10.0),
        -1.0f64..=1.0,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn every_point_keeps_its_sign_and_its_label(
        w in 20u16..=200,
        h in 6u16..=60,
        positions in proptest::collection::vec((value(), value()), 5),
        selected in 0usize..5,
        present in proptest::bool::ANY,
    ) {
        let mut app = app_with(&positions, w, h, selected);
        // Presenter mode: no tab bar or status line, a taller map.
        app.screen.present = present;
        check(&app, w, h)?;
    }
}

/// The sizes a teacher checks, with the built-in positions (the EU AI
/// Act at +0.2, the US orders and China's home rules at -0.6), in
/// normal and presenter mode.
#[test]
fn the_built_in_points_keep_their_sign_at_the_usual_sizes() {
    for (w, h) in [(60, 16), (80, 24), (100, 30), (120, 40), (200, 60)] {
        for present in [false, true] {
            let mut app = app_with(&[], w, h, 0);
            app.screen.present = present;
            check(&app, w, h).unwrap_or_else(|e| panic!("{w}x{h} present={present}: {e}"));
        }
    }
}

fn screen_text(app: &App) -> String {
    let buf = draw(app);
    (0..app.screen.size.height)
        .map(|y| row_text(&buf, Rect::new(0, y, app.screen.size.width, 1)) + "\n")
        .collect()
}

/// The map's legend, and the HTML's caption, name only the marks drawn:
/// the built-in data places no actor, so neither promises one; an actor
/// given a position is drawn, and then both name its mark.
#[test]
fn the_legend_names_only_what_is_drawn() {
    let app = app_with(&[], 120, 40, 0);
    let shown = screen_text(&app);
    assert!(!shown.contains('◆'), "{shown}");
    assert!(shown.contains("● approach"), "{shown}");
    let html = stances::export::html(&app.corpus.data);
    assert!(!html.contains("squares actors"));

    let mut data = (*app.corpus.data).clone();
    let (ax, ay) = (data.axes[0].id.clone(), data.axes[1].id.clone());
    data.actors[0].position = Some([(ax, 0.5), (ay, -0.5)].into_iter().collect());
    let mut placed = App::new(data, Rect::new(0, 0, 120, 40));
    update(&mut placed, Action::SwitchView(View::Map));
    let shown = screen_text(&placed);
    assert!(shown.contains("◆ actor"), "{shown}");
    assert_eq!(shown.matches('◆').count(), 2, "{shown}");
    assert!(stances::export::html(&placed.corpus.data).contains("squares actors"));
}

/// Tour slide 4 ("where does it sit?") at 100x30: the EU AI Act's name
/// is beside its dot, not a full name ending far along the row above.
#[test]
fn the_tour_names_the_eu_point_beside_its_dot() {
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let mut app = App::new(data, Rect::new(0, 0, 100, 30));
    update(&mut app, Action::SwitchView(View::Tour));
    for _ in 0..3 {
        update(&mut app, Action::Next);
    }
    let shown = screen_text(&app);
    assert!(shown.contains("Step 4 of 14"), "{shown}");
    assert!(
        shown.contains("● EU AI Act") || shown.contains("EU AI Act ●"),
        "{shown}"
    );
}
