//! Reading and checking a big dataset: 100,000 synthetic quotes (36 MB of
//! TOML) from disk, the way `stances validate` and the explorer do it,
//! beside the anchor of parsing the same file into a plain TOML table with
//! the toml crate alone (one thread, no checking, no model).
//! `cargo bench --bench load`. Peak memory is not a criterion measure:
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
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, load);
criterion_main!(benches);
