#!/usr/bin/env bash
# Big-dataset figures: time and peak memory of `stances validate` on
# 100,000 synthetic quotes (36 MB of TOML), and the explorer's peak memory
# once the data and its search index are loaded. Needs hyperfine and
# util-linux's `script` (Debian: apt-get install hyperfine). Not part of CI.
#
#   scripts/big-data.sh [QUOTES]
set -euo pipefail
cd "$(dirname "$0")/.."
quotes=${1:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

cargo build --release --quiet --example synth
cargo build --release --quiet
./target/release/examples/synth "$quotes" "$dir/data.toml"
bytes=$(stat -c %s "$dir/data.toml")
echo "dataset: $quotes quotes, $((bytes / 1048576)) MiB of TOML"

hyperfine --warmup 2 --runs 10 -N "./target/release/stances --data $dir/data.toml validate"

peak() { # the largest resident size, in KB, of a command and its children
  /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
}
validate=$(peak ./target/release/stances --data "$dir/data.toml" validate)
# The explorer in a pseudo-terminal, for long enough to load and index.
explorer=$(peak script -qc "timeout 4 ./target/release/stances --data $dir/data.toml" /dev/null)
for what in validate explorer; do
  kb=${!what}
  awk -v w="$what" -v kb="$kb" -v b="$bytes" \
    'BEGIN { printf "%-9s peak %6.1f MiB, %.2f times the file\n", w, kb / 1024, kb * 1024 / b }'
done
