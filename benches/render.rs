//! How long one full frame takes to draw, and what start-up costs before
//! the first frame: loading and checking the embedded dataset, building the
//! app; and rendering many problems of a big file. `cargo bench --bench
//! render`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use stances::app::{Action, App, update};
use stances::ui::{self, Theme};

fn app(width: u16, height: u16) -> App {
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let mut app = App::new(data, Rect::new(0, 0, width, height));
    // A realistic screen: an actor filter on, Detail showing the actor.
    update(&mut app, Action::NextPane);
    update(&mut app, Action::Follow);
    app
}

fn frames(c: &mut Criterion) {
    let theme = Theme::dark();
    let mut group = c.benchmark_group("full frame");
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let app = app(w, h);
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        group.bench_function(format!("{w}x{h}"), |b| {
            b.iter(|| {
                buf.reset();
                ui::render(black_box(&app), &theme, area, &mut buf);
            })
        });
    }
    group.finish();
}

fn startup_parts(c: &mut Criterion) {
    let mut group = c.benchmark_group("start-up");
    group.bench_function("load and check the embedded dataset", |b| {
        b.iter(|| stances::data::load(black_box(None)).unwrap())
    });
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    group.bench_function("App::new", |b| {
        b.iter(|| App::new(black_box(data.clone()), Rect::new(0, 0, 80, 24)))
    });
    group.finish();
}

/// Every problem of a big file, rendered with its line: an actor renamed
/// in a file of 100,000 quotes leaves about 500 dangling speakers.
fn many_problems(c: &mut Criterion) {
    let text =
        stances::synth::toml(100_000, 7).replacen("id = \"actor-5\"\n", "id = \"actor-5x\"\n", 1);
    let files = [stances::data::SourceFile::new("big.toml", text)];
    let checked = stances::data::check(&files);
    let mut group = c.benchmark_group("problems in 100,000 quotes");
    group.sample_size(10);
    group.bench_function(
        format!("render {} messages", checked.diagnostics.len()),
        |b| {
            b.iter_batched(
                // A fresh file each time: its line table is built once per file.
                || files.clone(),
                |files| {
                    for d in &checked.diagnostics {
                        black_box(d.render(&files));
                    }
                },
                criterion::BatchSize::LargeInput,
            )
        },
    );
    group.finish();
}

criterion_group!(benches, frames, startup_parts, many_problems);
criterion_main!(benches);
