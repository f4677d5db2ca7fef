//! Reading and checking a big dataset: 100,000 synthetic quotes (36 MB of
//! TOML) from disk, the way `stances validate` and the explorer do it,
//! beside the anchor of parsing the same file into a plain TOML table with
//! the toml crate alone (one thread, no checking, no model).
//! Then the worst case for messages: two copies of that file, every id
//! defined twice. `cargo bench --bench load`. Peak memory is not a criterion measure:
//! `scripts/big-data.sh` reports it.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("stances-bench-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.toml");
    std::fs::write(&path, stances::synth::toml(100_000, 7)).unwrap();
    let mut group = c.benchmark_group("read and check 100,000 quotes (36 MB)");
    group.sample_size(10);
    group.bench_function("stances: streamed, checked, into the model", |b| {
        b.iter(|| {
            let loaded = stances::data::load::load_path(black_box(&path)).unwrap();
            assert!(loaded.checked.dataset.is_some());
            loaded
        })
    });
    group.bench_function("anchor: toml::Table, parse only", |b| {
        b.iter(|| {
            let text = std::fs::read_to_string(black_box(Path::new(&path))).unwrap();
            text.parse::<toml::Table>().unwrap()
        })
    });
    group.finish();

    // The worst case for messages: two copies of the file, so every id is
    // defined twice, each message quoting a line of a file that was never
    // whole in memory.
    let twice = dir.join("twice");
    std::fs::create_dir_all(&twice).unwrap();
    std::fs::copy(&path, twice.join("a.toml")).unwrap();
    std::fs::copy(&path, twice.join("b.toml")).unwrap();
    let mut group = c.benchmark_group("two copies of 100,000 quotes");
    group.sample_size(10);
    group.bench_function("check and render every problem", |b| {
        b.iter(|| {
            let loaded = stances::data::load::load_path(black_box(&twice)).unwrap();
            assert!(loaded.checked.dataset.is_none());
            loaded.report().len()
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, load);
criterion_main!(benches);
