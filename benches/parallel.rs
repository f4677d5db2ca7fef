//! The search engine's two data-parallel loops at 100,000 quotes, each on
//! every core: building the index (folding every quote into a candidate)
//! and scoring a fresh query against every candidate.
//!
//! `cargo bench --bench parallel`. To compare two ways of spreading the
//! work (say, scoped threads and rayon), run it on the first with
//! `-- --save-baseline first` and on the second with `-- --baseline first`:
//! criterion prints both times and the change.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use stances::search::{Index, Query};

fn parallel(c: &mut Criterion) {
    let data = Arc::new(stances::synth::dataset(100_000, 42));
    let mut group = c.benchmark_group("100,000 quotes");
    group.sample_size(10);
    group.bench_function("build the search index", |b| {
        b.iter(|| Index::new(black_box(Arc::clone(&data))))
    });
    let index = Index::new(Arc::clone(&data));
    group.bench_function("score and rank \"governance c\"", |b| {
        b.iter(|| index.search(black_box(&Query::parse("governance c"))))
    });
    group.finish();
}

criterion_group!(benches, parallel);
criterion_main!(benches);
