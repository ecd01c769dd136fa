#!/usr/bin/env bash
# Whole-process benchmarks of newsdedup against the cheapest tools, side by
# side in one run (absolute times on a shared machine are noisy; the ratios
# are what to compare). Prints a markdown table of times and ratios.
#
#   scripts/bench.sh [WORKDIR]        (default: a temporary directory)
#
# Needs hyperfine (apt-get install hyperfine) and python3. The corpus is made
# from ../shared/corpus/articles.jsonl when present, else from synthetic
# articles (examples/bench_corpus.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: hyperfine not found (apt-get install hyperfine)" >&2; exit 2; }

work=${1:-$(mktemp -d)}
bin=$PWD/target/release/newsdedup
cargo build --release --quiet --bins --examples
if [ ! -d "$work/corpus" ]; then
    ./target/release/examples/bench_corpus "$work" ../shared/corpus/articles.jsonl
fi
corpus=$work/corpus
files=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -print0 | xargs -0 cat | wc -c)
echo "corpus: $files files, $((bytes / 1000000)) MB; $(nproc) cores; $(uname -m)"

run() { # name json-out commands...
    local out=$1; shift
    hyperfine --style basic --warmup 1 --min-runs 5 -i --export-json "$out" "$@" >/dev/null
}

awk_cmd="find $corpus -name '*.txt' -print0 | xargs -0 awk 'FNR==1{delete seen} !seen[\$0]++' >/dev/null"
run "$work/check.json" \
    "$awk_cmd" \
    "$bin --check -q -j1 $corpus >/dev/null" \
    "$bin --check -q $corpus >/dev/null"
rm -rf "$work/out" "$work/cp"
# `sync` first: each run starts with no dirty pages left by the last.
run "$work/out.json" --prepare "rm -rf $work/out $work/cp; sync" \
    "cp -r $corpus $work/cp" \
    "$bin -q -o $work/out $corpus"
run "$work/scale.json" \
    "$bin $work/cascade-300.txt >/dev/null" \
    "$bin $work/cascade-849.txt >/dev/null" \
    "$bin $work/distinct-12500.txt >/dev/null" \
    "$bin $work/distinct-100000.txt >/dev/null"

largest=$(find "$corpus" -name '*.txt' -printf '%s\n' | sort -n | tail -1)
peak_kb=$( { /usr/bin/time -f '%M' "$bin" --check -q "$corpus" >/dev/null || true; } 2>&1 | tail -1)

python3 - "$work" "$largest" "$peak_kb" <<'PY'
import json, sys
work, largest, peak_kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def load(name):
    return [r["mean"] for r in json.load(open(f"{work}/{name}.json"))["results"]]
awk, check1, check = load("check")
cp, out = load("out")
c300, c849, d12, d100 = load("scale")
rows = [
    ("`--check -j1` vs awk line dedup", check1, awk, 1.5),
    ("`--check` (all cores) vs awk line dedup", check, awk, 1.0),
    ("`-o OUT` vs `cp -r`", out, cp, 1.5),
    ("cascade 849 vs 300 paragraphs (8x bytes)", c849, c300, 10.0),
    ("100,000 vs 12,500 distinct lines (8x)", d100, d12, 10.0),
]
print("| measure | newsdedup | baseline | ratio | target |")
print("| --- | ---: | ---: | ---: | ---: |")
for name, a, b, target in rows:
    verdict = "ok" if a / b <= target else "MISSED"
    print(f"| {name} | {a:.3f} s | {b:.3f} s | {a / b:.2f}x | <= {target}x {verdict} |")
peak = peak_kb * 1024
limit = 2 * largest + 32 * 2**20
print(f"| peak memory, `--check` over the corpus | {peak / 2**20:.1f} MiB | largest file {largest / 1024:.0f} KiB | | <= {limit / 2**20:.1f} MiB {'ok' if peak <= limit else 'MISSED'} |")
PY
