#!/usr/bin/env bash
# Times `stances search` as a whole process against `fzf --filter` on the
# same 100,000 synthetic quotes, side by side in one hyperfine run, and
# prints the ratio. Needs hyperfine and fzf (Debian: apt-get install
# hyperfine fzf). Not part of CI.
#
#   scripts/search-vs-fzf.sh [QUOTES] [QUERY]
set -euo pipefail
cd "$(dirname "$0")/.."
quotes=${1:-100000}
query=${2:-governance c}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

cargo build --release --quiet --example synth
cargo build --release --quiet
./target/release/examples/synth "$quotes" "$dir/data.toml" "$dir/lines.txt"
echo "dataset: $quotes quotes, $(du -h "$dir/data.toml" | cut -f1) of TOML; query: $query"

hyperfine --warmup 2 --runs 10 --export-json "$dir/times.json" \
  -n "stances search" "./target/release/stances --data '$dir/data.toml' search '$query' > /dev/null" \
  -n "fzf --filter" "fzf --filter '$query' < '$dir/lines.txt' > /dev/null"

python3 - "$dir/times.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
s, f = r["stances search"], r["fzf --filter"]
print(f"stances search {s*1000:.0f} ms, fzf --filter {f*1000:.0f} ms: stances takes {s/f:.1f}x fzf's time")
PY
