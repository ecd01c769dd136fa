#!/usr/bin/env python3
"""Pairwise precision and recall of `--duplicates` groups (stdin, JSON Lines) against a
`.truth` file of `id story` lines, as examples/dups_corpus.rs writes it.

Usage: newsdedup --duplicates --input-format jsonl -q C.jsonl | score_truth.py C.jsonl.truth
"""
import itertools, sys
from collections import defaultdict

def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    story = {}
    members = defaultdict(list)
    for line in open(sys.argv[1]):
        i, s = line.split()
        story[int(i)] = s
        members[s].append(int(i))
    truth = sum(len(m) * (len(m) - 1) // 2 for m in members.values())
    pred = tp = 0
    import json
    for line in sys.stdin:
        g = json.loads(line)
        ids = [g["keep"]] + [c["path"] for c in g["copies"]]
        for a, b in itertools.combinations(ids, 2):
            pred += 1
            tp += story[a] == story[b]
    p = tp / pred if pred else 0.0
    r = tp / truth if truth else 0.0
    print(f"precision={p:.4f} recall={r:.4f} true_pairs={truth} found_pairs={pred}")

if __name__ == "__main__":
    main()
