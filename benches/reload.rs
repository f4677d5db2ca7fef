//! Live reload: time from a save to the reloaded data (or its problems)
//! being handed to the explorer, through the real watcher. It includes the
//! 120 ms quiet spell the watcher waits for a burst of writes to end.
//! `cargo bench --bench reload`.
//!
//! Two datasets: the shipped one, and 100,000 synthetic quotes (36 MB),
//! each saved clean and saved broken.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use stances::reload::{self, Reload};

/// What a save waits for.
#[derive(Clone, Copy)]
enum Until {
    /// The saved data, on screen (a big dataset's search index follows).
    OnScreen,
    /// The saved data with its search index.
    Searchable,
    /// The problems in the saved data, reported.
    Problems,
}

/// Save save number `n` of `text` (its title marked with `n`, so that a
/// late message about an earlier save is not taken for this one) the way
/// an editor does in place, and time until the watcher reports it.
fn save_and_wait(
    path: &Path,
    text: &str,
    n: u64,
    rx: &mpsc::Receiver<Reload>,
    until: Until,
) -> Duration {
    let mark = format!("save {n}: ");
    let text = text.replacen("title = \"", &format!("title = \"{mark}"), 1);
    let start = Instant::now();
    std::fs::write(path, text).unwrap();
    loop {
        let r = rx.recv_timeout(Duration::from_secs(30)).expect("a reload");
        let done = match (&r, until) {
            (Reload::Ok { data, .. }, Until::OnScreen) => data.dataset.title.starts_with(&mark),
            (Reload::Ok { data, index }, Until::Searchable) => {
                data.dataset.title.starts_with(&mark) && index.is_ready()
            }
            (Reload::Problems(_), Until::Problems) => true,
            _ => false,
        };
        if done {
            return start.elapsed();
        }
    }
}

fn bench_file(c: &mut Criterion, name: &str, clean: String, samples: usize) {
    let dir = std::env::temp_dir().join(format!("stances-bench-reload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join("data.toml");
    std::fs::write(&path, &clean).unwrap();
    // A dangling speaker in the last quote: found after the whole check.
    let at = clean.rfind("speaker = \"").unwrap() + "speaker = \"".len();
    let mut broken = clean.clone();
    broken.insert_str(at, "nobody-");
    let (tx, rx) = mpsc::channel();
    let _watch = reload::watch(&path, move |r| {
        let _ = tx.send(r);
    })
    .unwrap();
    let mut group = c.benchmark_group(format!("save to reloaded, {name}"));
    group.sample_size(samples);
    let mut n = 0;
    let cases = [
        ("clean save, data on screen", &clean, Until::OnScreen),
        ("clean save, searchable", &clean, Until::Searchable),
        ("save with a problem, reported", &broken, Until::Problems),
    ];
    for (label, text, until) in cases {
        group.bench_function(label, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        n += 1;
                        let took = save_and_wait(&path, text, n, &rx, until);
                        // Let the rest of this save's work (the index) end.
                        std::thread::sleep(Duration::from_millis(300));
                        while rx.try_recv().is_ok() {}
                        took
                    })
                    .sum()
            })
        });
    }
    group.finish();
    drop(_watch);
    let _ = std::fs::remove_dir_all(&dir);
}

fn reloads(c: &mut Criterion) {
    let shipped = stances::data::load::EMBEDDED_TEXT.to_string();
    bench_file(c, "shipped dataset", shipped, 20);
    bench_file(c, "100,000 quotes", stances::synth::toml(100_000, 7), 10);
}

criterion_group!(benches, reloads);
criterion_main!(benches);
