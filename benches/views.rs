//! Opening each view on a big dataset: 100,000 quotes by 10,000 actors,
//! the shape of a real quote collection (a fortune file has one speaker
//! for every eight quotes). Each sample switches to the view from the
//! explorer and draws one 120x40 frame; the quiz is built anew each time,
//! as on first opening. Also the explorer's side of a reload with the quiz
//! open (it starts again on the new data). Any cost of quotes × actors
//! shows here as seconds. `cargo bench --bench views`.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use stances::app::{Action, App, View, update};
use stances::reload::Reload;
use stances::search::Index;
use stances::ui::{self, Theme};

const QUOTES: usize = 100_000;
const ACTORS: usize = 10_000;

fn views(c: &mut Criterion) {
    let data = stances::synth::dataset_with_actors(QUOTES, ACTORS, 3);
    let area = Rect::new(0, 0, 120, 40);
    let theme = Theme::dark();
    let mut app = App::new(data, area);
    let mut buf = Buffer::empty(area);
    let mut group = c.benchmark_group(format!("open a view, {QUOTES} quotes by {ACTORS} actors"));
    group.sample_size(10);
    for view in View::ALL {
        group.bench_function(view.title(), |b| {
            b.iter(|| {
                update(&mut app, Action::SwitchView(View::Explore));
                app.quiz.playing = None;
                update(&mut app, Action::SwitchView(black_box(view)));
                buf.reset();
                ui::render(&app, &theme, area, &mut buf);
            })
        });
    }
    update(&mut app, Action::SwitchView(View::Quiz));
    let data: stances::data::Dataset = (*app.corpus.data).clone();
    group.bench_function("reload with the quiz open", |b| {
        b.iter_batched(
            // New data each time, as from the reloader (the same data
            // twice is no reload).
            || {
                let data = Arc::new(data.clone());
                let index = Arc::new(Index::pending(Arc::clone(&data)));
                Action::Reloaded(Reload::Ok { data, index })
            },
            |reload| update(&mut app, reload),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, views);
criterion_main!(benches);
