//! Search speed on synthetic datasets of 1k, 10k and 100k quotes (40 to
//! 400 characters, mixed scripts), measured the way the explorer pays for
//! it: one keystroke at a time while typing a 12-character query, with one
//! backspace, through the same `Searcher` the worker runs.
//!
//! `cargo bench --bench search` prints, per size, the latency of each kind
//! of keystroke (p50 and p95 over repeated runs): to the first results on
//! screen and to the complete ranking. Criterion then times a fresh query
//! for stances and, in the same run, for nucleo-matcher on the same text,
//! as the reference.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};
use stances::search::engine::haystack_text;
use stances::search::worker::Searcher;
use stances::search::{Index, Query};

const QUERY: &str = "governance c";
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const RUNS: usize = 12;

/// The keystrokes: type "governan", backspace, then the rest.
fn keystrokes() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut typed = String::new();
    for (n, c) in QUERY.chars().enumerate() {
        typed.push(c);
        out.push((typed.clone(), if n == 0 { "fresh" } else { "extend" }));
        if n == 7 {
            typed.pop();
            out.push((typed.clone(), "backspace"));
            typed.push(c);
            out.push((typed.clone(), "extend"));
        }
    }
    out
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort_unstable();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn keystroke_latency(index: &Arc<Index>, size: usize) {
    let mut first: std::collections::BTreeMap<&str, Vec<Duration>> = Default::default();
    let mut done: std::collections::BTreeMap<&str, Vec<Duration>> = Default::default();
    for _ in 0..RUNS {
        let mut searcher = Searcher::new(Arc::clone(index));
        for (query, kind) in keystrokes() {
            let start = Instant::now();
            let mut first_at = None;
            searcher.run(&query, &|| false, &mut |_, _| {
                first_at.get_or_insert_with(|| start.elapsed());
            });
            let total = start.elapsed();
            first
                .entry(kind)
                .or_default()
                .push(first_at.unwrap_or(total));
            done.entry(kind).or_default().push(total);
        }
        // A fresh 12-character query (pasted, or typed into a new search).
        let mut searcher = Searcher::new(Arc::clone(index));
        let start = Instant::now();
        let mut first_at = None;
        searcher.run(QUERY, &|| false, &mut |_, _| {
            first_at.get_or_insert_with(|| start.elapsed());
        });
        let total = start.elapsed();
        first
            .entry("fresh 12 chars")
            .or_default()
            .push(first_at.unwrap_or(total));
        done.entry("fresh 12 chars").or_default().push(total);
    }
    println!(
        "\nkeystroke latency, {size} quotes, query {QUERY:?} typed with one backspace ({RUNS} runs)"
    );
    println!(
        "{:<16} {:>12} {:>12} {:>12} {:>12}",
        "keystroke", "first p50", "first p95", "all p50", "all p95"
    );
    for (kind, mut firsts) in first {
        let mut totals = done.remove(kind).unwrap_or_default();
        println!(
            "{kind:<16} {:>12} {:>12} {:>12} {:>12}",
            ms(percentile(&mut firsts, 0.5)),
            ms(percentile(&mut firsts, 0.95)),
            ms(percentile(&mut totals, 0.5)),
            ms(percentile(&mut totals, 0.95)),
        );
    }
}

fn search(c: &mut Criterion) {
    for size in SIZES {
        let data = Arc::new(stances::synth::dataset(size, 42));
        let index = Arc::new(Index::new(Arc::clone(&data)));
        keystroke_latency(&index, size);

        let haystacks: Vec<String> = (0..data.quotes.len())
            .map(|i| haystack_text(&data, i))
            .collect();
        let mut group = c.benchmark_group(format!("fresh query {QUERY:?}, {size} quotes"));
        group.sample_size(10);
        group.bench_function("stances (SkimMatcherV2, ranked)", |b| {
            b.iter(|| index.search(black_box(&Query::parse(QUERY))))
        });
        group.bench_function("nucleo-matcher (reference, ranked)", |b| {
            let mut matcher = Matcher::new(Config::DEFAULT);
            b.iter(|| {
                let pattern = Pattern::parse(QUERY, CaseMatching::Smart, Normalization::Smart);
                pattern.match_list(black_box(&haystacks), &mut matcher)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
