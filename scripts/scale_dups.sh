#!/bin/sh
# Scaling of --duplicates and --unique on generated JSON Lines corpora
# (examples/dups_corpus.rs): wall and CPU time, peak memory, per article.
#
#   scripts/scale_dups.sh [DIR] [N...]     default: /tmp/scale 100000 1000000
#
# Each N gets DIR/N.jsonl (made once; about 2.1 KB a record, so 2.1 GB for
# 1,000,000). Every command runs with -j1, output to /dev/null, as text:
# JSON output adds sentence splitting and language detection, which cost
# more than finding the duplicates. The plain JSON Lines filter (cleaning
# alone, `filter`) is the baseline. Prints a markdown table. Not part of
# `cargo test`: the 1,000,000 run takes minutes and 8 GB of memory.
set -eu
dir=${1:-/tmp/scale}
[ $# -gt 0 ] && shift
sizes=${*:-100000 1000000}
cargo build --release --quiet --bin newsdedup --example dups_corpus
bin=target/release/newsdedup
mkdir -p "$dir"
echo "| articles | command | wall s | CPU s | articles/s (CPU) | peak RSS MB | RSS bytes/article |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for n in $sizes; do
    f="$dir/$n.jsonl"
    [ -s "$f" ] || target/release/examples/dups_corpus "$f" "$n"
    for mode in filter duplicates unique; do
        case $mode in
            filter) set -- --input-format jsonl --format text ;;
            duplicates) set -- --duplicates --input-format jsonl ;;
            unique) set -- --unique --input-format jsonl --format text ;;
        esac
        /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$bin" "$@" -q -j1 "$f" >/dev/null
        read -r wall user sys rss <"$dir/time"
        awk -v n="$n" -v m="$mode" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
            c = u + s
            printf "| %d | %s | %.1f | %.1f | %.0f | %.0f | %.0f |\n", n, m, w, c, n / c, r / 1024, r * 1024 / n
        }'
    done
done
