#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each, one after another, with a
# time limit per input so that a slow input (a quadratic shape) is a finding
# like a crash (issue 13), then minimises its corpus (`cargo fuzz cmin`).
# Seeds each target's corpus from the fixtures the first time. Needs a nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 600 s, every target)
#
# Environment: FUZZ_TIMEOUT (seconds per input, default 2), FUZZ_MAX_LEN
# (bytes, default 16384), FUZZ_RSS_MB (default 2048);
# NEWSDEDUP_FUZZ_NO_IDEMPOTENCE=1 makes `clean` look for panics, hangs and
# memory only, past the open idempotence failures. A finding lands in
# fuzz/artifacts/TARGET/; shrink it with `cargo +nightly fuzz tmin TARGET
# FILE` and keep it as a regression test (tests/data/fuzz/ for clean and
# writers, a unit test beside the code for the others). Exit 1 if any
# target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(clean sentences_split jsonl_record writers)
fi
timeout=${FUZZ_TIMEOUT:-2}
max_len=${FUZZ_MAX_LEN:-16384}
rss=${FUZZ_RSS_MB:-2048}

seed() { # target
    local dir=fuzz/corpus/$1
    [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] && return
    mkdir -p "$dir"
    local i=0
    for f in fixtures/*/input.txt tests/data/fuzz/*; do
        i=$((i + 1))
        case $1 in
            clean) cp "$f" "$dir/seed-$i" ;;
            # A leading byte of flags, then the input.
            writers | sentences_split) { printf '\000'; head -c "$max_len" "$f"; } >"$dir/seed-$i" ;;
            jsonl_record)
                python3 -c 'import json,sys; t=open(sys.argv[1],"rb").read().decode("utf-8","replace").split("\n",3)
t+=[""]*4; sys.stdout.write("\0"+json.dumps({"id":1,"title":t[0],"date":t[1],"url":t[2],"text":t[3]}))' "$f" >"$dir/seed-$i" ;;
        esac
    done
}

cargo +nightly fuzz build -O
found=0
for t in "${targets[@]}"; do
    seed "$t"
    echo "== $t: $secs s, -timeout=$timeout, -max_len=$max_len" >&2
    if ! cargo +nightly fuzz run -O "$t" -- -max_total_time="$secs" -timeout="$timeout" \
        -max_len="$max_len" -rss_limit_mb="$rss" -print_final_stats=1 2>"fuzz/$t.log"; then
        found=1
        echo "$t: FOUND something, see fuzz/$t.log and fuzz/artifacts/$t/" >&2
    fi
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*DONE" "fuzz/$t.log" >&2 || true
    # The corpus kept for the next run: the smallest set of inputs that
    # covers what the run reached.
    before=$(find "fuzz/corpus/$t" -type f | wc -l)
    cargo +nightly fuzz cmin -O "$t" -- -timeout="$timeout" -max_len="$max_len" \
        -rss_limit_mb="$rss" 2>"fuzz/$t.cmin.log" || true
    echo "$t: corpus minimised from $before to $(find "fuzz/corpus/$t" -type f | wc -l) inputs" >&2
done
exit $found
