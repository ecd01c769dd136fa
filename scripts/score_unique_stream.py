#!/usr/bin/env python3
"""Score `--unique` over a JSON Lines stream against a set with known clusters.

Usage: score_unique_stream.py SET_DIR [NEWSDEDUP] [--shuffle SEED]
Turns each scraped file of SET_DIR (e.g. ../shared/corpus/dups-dev) into a record
{"id": relative path, "title", "date", "url", "text"}, in path order (or shuffled with
SEED), pipes them through `NEWSDEDUP --unique --input-format jsonl --format jsonl -q
--report R`, and scores the drops: each dropped record and the kept one it names in the
report form a group; pairs are scored against SET_DIR/clusters.json as score_dups.py does.
Prints `precision=P recall=R f1=F kept=K dropped=D records=N seconds=S`. Recall counts
every true pair, so a stream that keeps one article per story and drops the rest as copies
of it scores 1.0 even though two dropped copies are never compared with each other.
"""
import itertools, json, os, random, subprocess, sys, tempfile, time


def records(root):
    out = []
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if not f.endswith(".txt"):
                continue
            path = os.path.join(dirpath, f)
            lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
            rel = os.path.relpath(path, root)
            out.append({"id": rel, "title": lines[0], "date": lines[1], "url": lines[2],
                        "text": "\n".join(lines[3:])})
    return sorted(out, key=lambda r: r["id"])


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    seed = None
    if "--shuffle" in args:
        i = args.index("--shuffle")
        seed = int(args[i + 1])
        del args[i:i + 2]
    root = args[0]
    exe = args[1] if len(args) > 1 else "target/release/newsdedup"
    recs = records(root)
    if seed is not None:
        random.Random(seed).shuffle(recs)
    data = "".join(json.dumps(r) + "\n" for r in recs).encode()
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        cmd = [exe, "--unique", "--input-format", "jsonl", "--format", "jsonl", "-q",
               "--report", report]
        t0 = time.time()
        p = subprocess.run(cmd, input=data, capture_output=True, timeout=3600)
        secs = time.time() - t0
        if p.returncode != 0:
            sys.exit(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.decode()[-500:]}")
        rows = json.load(open(report))["rows"]
    kept = [json.loads(l)["id"] for l in p.stdout.decode().splitlines() if l.strip()]
    groups = {}
    for r in rows:
        groups.setdefault(r["copy_of"], [r["copy_of"]]).append(r["path"])
    pred = set()
    for g in groups.values():
        pred.update(itertools.combinations(sorted(set(g)), 2))
    truth = set()
    for c in json.load(open(os.path.join(root, "clusters.json")))["clusters"]:
        truth.update(itertools.combinations(sorted(set(c)), 2))
    # A true pair of two dropped copies of one kept article is found through it.
    tp = len(truth & pred)
    prec = tp / len(pred) if pred else 0.0
    # Recall by story: a true pair counts as found when both ends end up with one kept id.
    owner = {k: k for k in kept}
    for r in rows:
        owner[r["path"]] = r["copy_of"]
    found = sum(1 for a, b in truth if owner.get(a) is not None and owner.get(a) == owner.get(b))
    rec = found / len(truth) if truth else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"precision={prec:.3f} recall={rec:.3f} f1={f1:.3f} kept={len(kept)} "
          f"dropped={len(rows)} records={len(recs)} seconds={secs:.2f}")


if __name__ == "__main__":
    main()
