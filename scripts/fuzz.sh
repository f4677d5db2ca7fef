#!/usr/bin/env bash
# Fuzz with libFuzzer, on the stable toolchain.
#
#   scripts/fuzz.sh [SECONDS] [TARGET]     (default 60, load)
#
# Targets: `load` (loading and checking a dataset file) and `serve_input`
# (bytes from a student's SSH channel through the key decoder, the keymap
# and `update`, as `stances serve` runs them).
#
# This builds fuzz/ with the same coverage instrumentation cargo-fuzz uses
# (without a sanitizer, which needs nightly) and runs it over the seed
# corpus in fuzz/corpus/TARGET. With nightly and cargo-fuzz installed,
# `cd fuzz && cargo fuzz run TARGET` does the same with AddressSanitizer.
# Crashes are written to fuzz/artifacts/. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}
bin=${2:-load}
target=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing" \
  cargo build --release --bin "$bin" --target "$target"
mkdir -p artifacts "corpus/$bin"
if [ "$bin" = load ]; then
  cp -n ../data/*.toml ../tests/fixtures/invalid/*.toml corpus/load/ 2>/dev/null || true
fi
"./target/$target/release/$bin" "corpus/$bin" -max_total_time="$seconds" -max_len=4096 -artifact_prefix=artifacts/
