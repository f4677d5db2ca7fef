//! What must hold of an explorer after any input: every selection in
//! range, every scroll offset within what its view shows. Shared by
//! tests/properties.rs and the fuzz target of the SSH input path
//! (fuzz/fuzz_targets/serve_input.rs).

use stances::app::{App, Pane};

pub fn check_invariants(app: &App) {
    for pane in Pane::ALL {
        let len = app.len(pane);
        let c = app.cursor(pane);
        if len == 0 {
            assert_eq!((c.selected, c.offset), (0, 0), "{pane:?}");
        } else {
            assert!(c.selected < len, "{pane:?} {c:?} of {len}");
            assert!(c.offset <= c.selected, "{pane:?} {c:?}");
        }
    }
    for &i in app.explore.reaction_rows.iter() {
        assert!(i < app.corpus.data.reactions.len());
    }
    for &i in app.explore.quote_rows.iter() {
        assert!(i < app.corpus.data.quotes.len());
    }
    if let Some(id) = app.detail_id() {
        assert!(
            app.corpus.data.item(id).is_some(),
            "detail shows unknown {id}"
        );
    }
    if let Some(f) = &app.explore.filter {
        assert!(app.corpus.data.item(f.id()).is_some());
    }
    if let Some(search) = &app.search {
        assert!(
            search
                .hits
                .iter()
                .all(|h| (h.quote as usize) < app.corpus.data.quotes.len())
        );
        assert!(search.hits.is_empty() || search.cursor.selected < search.hits.len());
        assert!(
            search.cursor.offset <= search.cursor.selected,
            "search {:?}",
            search.cursor
        );
    }
    assert!(app.timeline.order.len() == app.corpus.data.events.len());
    assert!(
        app.timeline.order.is_empty() || app.timeline.cursor.selected < app.timeline.order.len()
    );
    assert!(
        app.timeline.cursor.offset <= app.timeline.cursor.selected,
        "timeline {:?}",
        app.timeline.cursor
    );
    assert!(app.corpus.data.tour.is_empty() || app.tour.step < app.corpus.data.tour.len());
    let points = stances::app::map::points(&app.corpus.data);
    assert!(points.is_empty() || app.map.selected < points.len());
    let len = app.compare.len(&app.corpus.data);
    assert!(len == 0 || (app.compare.left < len && app.compare.right < len));
    // Every scroll offset stays within what its view can show, so the
    // first key back always moves it.
    let limits = app.scroll_limits();
    assert!(
        app.explore.detail_scroll <= limits.detail,
        "detail {} > {limits:?}",
        app.explore.detail_scroll
    );
    assert!(
        app.compare.scroll <= limits.compare,
        "compare {} > {limits:?}",
        app.compare.scroll
    );
    assert!(
        app.tour.scroll <= limits.tour,
        "tour {} > {limits:?}",
        app.tour.scroll
    );
    if let Some(help) = app.screen.help {
        assert!(help <= limits.help, "help {help} > {limits:?}");
    }
    if let Some(Ok(quiz)) = &app.quiz.playing {
        assert!(
            quiz.scroll <= limits.quiz_summary,
            "quiz {} > {limits:?}",
            quiz.scroll
        );
        assert!(quiz.cursor < stances::app::quiz::CHOICES);
        assert!(quiz.results.len() <= quiz.len());
    }
}
