//! Time from process start to the first complete frame, in a pseudo-
//! terminal, for `stances` and for `fzf` (the anchor) side by side in one
//! run. `cargo bench --bench startup`; needs `fzf` on PATH (Debian: `apt-get
//! install fzf`), and skips it with a note when it is missing.
//!
//! "Complete" means the last row of the frame is on the screen: for
//! stances the footer's quit hint, for fzf its match counter.

use std::io::Read;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn time_to_frame(mut cmd: CommandBuilder, marker: &str) -> Duration {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    cmd.env("TERM", "xterm-256color");
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(24).unwrap(),
        std::num::NonZeroU16::new(80).unwrap(),
        0,
    );
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    let mut buf = [0u8; 16384];
    let elapsed = loop {
        let n = reader.read(&mut buf).unwrap_or(0);
        if n == 0 {
            panic!("the program ended before its first frame");
        }
        parser.process(&buf[..n]);
        if parser.screen().contents().contains(marker) {
            break start.elapsed();
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("time to first frame, 80x24 pty");
    group.sample_size(40);
    group.bench_function("stances", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    let cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_stances"));
                    time_to_frame(cmd, "q/Ctrl-C quit")
                })
                .sum()
        })
    });
    if Command::new("fzf").arg("--version").output().is_ok() {
        // The anchor at its fastest: the list is a file on stdin, so fzf
        // starts no command of its own; `sh -c exec` only sets up the
        // redirection and is replaced by fzf. Two lines: the frame ends "2/2".
        let list = std::env::temp_dir().join("stances-bench-fzf-list");
        std::fs::write(&list, "a\nb\n").unwrap();
        group.bench_function("fzf (anchor)", |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        let mut cmd = CommandBuilder::new("sh");
                        cmd.args(["-c", &format!("exec fzf < '{}'", list.display())]);
                        time_to_frame(cmd, "2/2")
                    })
                    .sum()
            })
        });
    } else {
        eprintln!("fzf not found: only stances measured (apt-get install fzf)");
    }
    group.finish();

    // A big dataset loads behind the explorer: the first frame (with its
    // loading notice) comes at once, the data when it is read.
    let big = std::env::temp_dir().join("stances-bench-100k.toml");
    if !big.exists() {
        std::fs::write(&big, stances::synth::toml(100_000, 42)).unwrap();
    }
    let mut group = c.benchmark_group("100,000 quotes, 80x24 pty");
    group.sample_size(10);
    let with_data = |marker: &'static str| {
        let big = big.clone();
        move |b: &mut criterion::Bencher| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_stances"));
                        cmd.args(["--data", big.to_str().unwrap()]);
                        time_to_frame(cmd, marker)
                    })
                    .sum()
            })
        }
    };
    group.bench_function("first frame (loading notice)", with_data("Loading"));
    group.bench_function("data on screen", with_data("Quotes (1/100000)"));
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
