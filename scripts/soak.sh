#!/usr/bin/env bash
# Soak test (issue 13): a batch of N generated scraped files with bad and
# adversarial ones mixed in, cleaned with -j all cores by `-o`, `--check`
# and the JSON Lines stream. Checks that every good file is cleaned, every
# bad one reported exactly once (and given no output), and records time and
# peak memory of each run; the stream runs over a tenth of the records and
# over all of them, to show its memory stays flat. Prints a summary; exit 1
# if a check fails.
#
#   scripts/soak.sh [N] [WORKDIR]     (default: 100000 files, a temporary dir)
#
# Good files come from examples/bench_corpus.rs (every scraper pattern and
# random variants, from ../shared/corpus/articles.jsonl when present). Bad
# ones, N/1000 of each kind (at least 5): not UTF-8, empty, whitespace only,
# binary (NUL bytes), UTF-16, header only, a bad date; and five over
# --max-bytes (4 MiB).
# Adversarial but valid ones (1 MB of one shape each, from scripts/shapes.py)
# must be cleaned like the good ones.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=${2:-$(mktemp -d)}
bin=$PWD/target/release/newsdedup
jobs=$(nproc)
max=$((4 * 1024 * 1024))
cargo build --release --quiet --bins --examples
rm -rf "$work/corpus" "$work/out"
mkdir -p "$work"
./target/release/examples/bench_corpus "$work" ../shared/corpus/articles.jsonl "$n" >/dev/null
rm -f "$work"/cascade-*.txt "$work"/distinct-*.txt

# Bad files, and the valid adversarial shapes, into the corpus tree.
python3 - "$work/corpus" "$n" "$max" <<'EOF'
import importlib.util, os, sys
corpus, n, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
each = max(5, n // 1000)
head = "A title\n20220122\nhttps://example.com/a\n"
kinds = {
    "not-utf8": lambda i: (head + "Body text \xff here.\n").encode("latin-1"),
    "empty": lambda i: b"",
    "blank": lambda i: b" \n\t\n\n",
    "binary": lambda i: head.encode() + b"Body\x00\x01\x02 text.\n",
    "utf16": lambda i: (head + "Body text.\n").encode("utf-16"),
    "header-only": lambda i: head.encode(),
    # Not a date in any form the reader takes (`22 Jan 2022` now is one).
    "bad-date": lambda i: b"A title\nlast Tuesday\nhttps://example.com/a\nBody.\n",
    "huge": lambda i: head.encode() + b"Too big a body. " * (limit // 16 + 1),
}
bad = []
for kind, make in kinds.items():
    d = os.path.join(corpus, "bad", kind)
    os.makedirs(d, exist_ok=True)
    # Oversized files cost disk, not insight: five are enough.
    for i in range(5 if kind == "huge" else each):
        p = os.path.join(d, f"{i:05}.txt")
        with open(p, "wb") as f:
            f.write(make(i))
        bad.append(os.path.relpath(p, corpus))
spec = importlib.util.spec_from_file_location("shapes", "scripts/shapes.py")
shapes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(shapes)
d = os.path.join(corpus, "adversarial")
os.makedirs(d, exist_ok=True)
for name, make in shapes.SHAPES.items():
    with open(os.path.join(d, f"{name}.txt"), "w", encoding="utf-8") as f:
        f.write(head + make(1_000_000))
with open(os.path.join(corpus, "..", "bad.txt"), "w") as f:
    f.write("\n".join(sorted(bad)) + "\n")
EOF

timed() { # label command... ; appends "label exit seconds peakMB" to $work/times
    local label=$1; shift
    local code=0
    /usr/bin/time -o "$work/time.txt" -f '%e %M' "$@" || code=$?
    read -r secs kb < <(tail -1 "$work/time.txt")
    echo "$label $code $secs $((kb / 1024))" >>"$work/times"
}
: >"$work/times"
cd "$work"
timed batch-o "$bin" -q -j"$jobs" --max-bytes "$max" -o out corpus 2>batch.err
timed check "$bin" -j"$jobs" --max-bytes "$max" --check corpus >check.out 2>check.err
timed check-out "$bin" -q -j"$jobs" --check out >checkout.out 2>checkout.err

# The JSON Lines stream: each file as a record (bad files as bad records).
python3 - corpus bad.txt "$max" <<'EOF'
import json, os, re, sys
corpus, badlist, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
bad = set(open(badlist).read().split())
paths = sorted(os.path.relpath(os.path.join(d, f), corpus)
               for d, _, fs in os.walk(corpus) for f in fs)
good_lines, bad_lines = [], []
with open("stream.jsonl", "wb") as out:
    for i, p in enumerate(paths, 1):
        raw = open(os.path.join(corpus, p), "rb").read()
        if p in bad:
            # Not UTF-8, not JSON, or a record that cannot be cleaned.
            line = raw.replace(b"\n", b" ").replace(b"\r", b" ") or b"{}"
            if not line.strip():
                line = b'{"id": "blank", "text": "  "}'
            bad_lines.append(i)
        else:
            # Lines 1-3 end at LF, CRLF or a lone CR, as the reader's do.
            t = re.split(r"\r\n|\r|\n", raw.decode("utf-8").removeprefix("\ufeff"), maxsplit=3)
            line = json.dumps({"id": p, "title": t[0], "date": t[1], "url": t[2],
                               "text": t[3]}, ensure_ascii=False).encode()
            good_lines.append(i)
        out.write(line + b"\n")
json.dump({"good": good_lines, "bad": bad_lines}, open("stream.expect.json", "w"))
n = len(paths) // 10
with open("stream.jsonl", "rb") as f, open("stream-tenth.jsonl", "wb") as g:
    for _ in range(n):
        g.write(f.readline())
EOF
timed stream-tenth "$bin" -j"$jobs" --max-bytes "$max" --input-format jsonl --format jsonl stream-tenth.jsonl >/dev/null 2>stream-tenth.err
timed stream "$bin" -j"$jobs" --max-bytes "$max" --input-format jsonl --format jsonl stream.jsonl >stream.out 2>stream.err

python3 - <<'EOF'
import json, os, re, sys
ok = True
def check(cond, what):
    global ok
    print(f"  {'ok  ' if cond else 'FAIL'} {what}")
    ok &= bool(cond)
bad = open("bad.txt").read().split()
paths = sorted(os.path.relpath(os.path.join(d, f), "corpus")
               for d, _, fs in os.walk("corpus") for f in fs)
good = [p for p in paths if p not in set(bad)]
times = {l.split()[0]: l.split()[1:] for l in open("times")}
print(f"{len(paths)} files: {len(good)} good (of which {len(os.listdir('corpus/adversarial'))} "
      f"adversarial shapes of 1 MB), {len(bad)} bad; {os.cpu_count()} cores")
print()
print("| run | exit | seconds | peak RSS MB |")
print("| --- | ---: | ---: | ---: |")
for label, (code, secs, mb) in times.items():
    print(f"| {label} | {code} | {secs} | {mb} |")
print()
# -o: every good file has an output, no bad one has; each bad one reported once.
missing = [p for p in good if not os.path.exists(os.path.join("out", p))]
extra = [p for p in bad if os.path.exists(os.path.join("out", p))]
check(times["batch-o"][0] == "2", "-o exits 2 (bad files)")
check(not missing, f"-o: every good file cleaned ({len(missing)} missing: {missing[:3]})")
check(not extra, f"-o: no bad file written ({len(extra)})")
def reported(errfile):
    counts = {}
    for line in open(errfile, encoding="utf-8", errors="replace"):
        m = re.match(r"newsdedup: corpus/(.+?\.txt)(?::\d+)?: ", line)
        if m:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts
for name, err in (("-o", "batch.err"), ("--check", "check.err")):
    counts = reported(err)
    once = all(counts.get(p) == 1 for p in bad)
    others = [p for p in counts if p not in set(bad)]
    check(once and not others, f"{name}: each bad file reported exactly once, no good one "
          f"({sum(1 for p in bad if counts.get(p) != 1)} not once, {len(others)} others)")
check(times["check"][0] == "2", "--check exits 2 (errors outrank 'would change')")
changed = len(open("check.out").read().split())
print(f"  --check: {changed} files would be cleaned")
again = open("checkout.out").read().split()
check(times["check-out"][0] in ("0", "1"), "--check over the outputs runs")
note = " (not a fixed point: README Limits)" if again else ""
print(f"  --check over the outputs: {len(again)} of {len(good)} would change again{note}")
exp = json.load(open("stream.expect.json"))
outs = [json.loads(l) for l in open("stream.out", encoding="utf-8")]
check(len(outs) == len(exp["good"]), f"stream: {len(outs)} records out of {len(exp['good'])} good")
ids = [o.get("id") for o in outs]
check(ids == [p for p in paths if p not in set(bad)], "stream: in input order")
lines = [int(m.group(1)) for l in open("stream.err", encoding="utf-8", errors="replace")
         if (m := re.match(r"newsdedup: stream.jsonl:(\d+)(?: \(id [^)]*\))?: ", l))]
check(sorted(lines) == exp["bad"], f"stream: each bad record reported once ({len(lines)} of {len(exp['bad'])})")
tenth, full = int(times["stream-tenth"][2]), int(times["stream"][2])
check(full <= 2 * tenth + 64, f"stream memory flat: {tenth} MB for a tenth, {full} MB for all")
sys.exit(0 if ok else 1)
EOF
