#!/usr/bin/env bash
# Fuzz loading and checking with libFuzzer, on the stable toolchain.
#
#   scripts/fuzz.sh [SECONDS]        (default 60)
#
# This builds fuzz/ with the same coverage instrumentation cargo-fuzz uses
# (without a sanitizer, which needs nightly) and runs it over the seed
# corpus in fuzz/corpus/load. With nightly and cargo-fuzz installed,
# `cd fuzz && cargo fuzz run load` does the same with AddressSanitizer.
# Crashes are written to fuzz/artifacts/. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}
target=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing" \
  cargo build --release --bin load --target "$target"
mkdir -p artifacts corpus/load
cp -n ../data/*.toml ../tests/fixtures/invalid/*.toml corpus/load/ 2>/dev/null || true
"./target/$target/release/load" corpus/load -max_total_time="$seconds" -max_len=4096 -artifact_prefix=artifacts/
