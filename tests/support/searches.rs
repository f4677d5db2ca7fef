//! The search worker's job done at once, as the event loop would: every
//! search `update` asked for is run on the app's own index and its hits
//! handed back as `SearchResults`. Shared by the test binaries that drive
//! `update` by hand (tests/update.rs, tests/screens.rs,
//! tests/keys_are_true.rs, tests/properties.rs), each including it by
//! `#[path]`.

use stances::app::{Action, App, Effect, update};

/// Answer every search request `update` left in the app's effects (the
/// other effects are dropped, as these tests have no terminal to copy to).
pub fn answer_searches(app: &mut App) {
    for effect in app.take_effects() {
        let Effect::Search { generation, query } = effect else {
            continue;
        };
        let hits = app
            .corpus
            .index
            .search(&stances::search::Query::parse(&query));
        update(
            app,
            Action::SearchResults(stances::search::worker::Update {
                generation,
                hits: std::sync::Arc::new(hits),
                done: true,
            }),
        );
    }
}
