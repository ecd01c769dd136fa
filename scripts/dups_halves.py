#!/usr/bin/env python3
"""Split a duplicate-finding set (e.g. ../shared/corpus/dups-dev) into two halves by cluster.

Usage: dups_halves.py SET_DIR OUT_DIR
Writes OUT_DIR/half0 and OUT_DIR/half1, each with its files and its own clusters.json,
so that `score_dups.py OUT_DIR/halfN -- newsdedup --duplicates -q` scores one half. A cluster
goes to half md5(first path) % 2: a fixed split, the one the --duplicates method was designed
on (half0) and checked on (half1).
"""
import hashlib, json, os, shutil, sys

def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, out = sys.argv[1], sys.argv[2]
    clusters = json.load(open(os.path.join(root, "clusters.json")))["clusters"]
    for h in (0, 1):
        d = os.path.join(out, f"half{h}")
        shutil.rmtree(d, ignore_errors=True)
        mine = [c for c in clusters if int(hashlib.md5(c[0].encode()).hexdigest(), 16) % 2 == h]
        for c in mine:
            for p in c:
                os.makedirs(os.path.dirname(os.path.join(d, p)), exist_ok=True)
                shutil.copy(os.path.join(root, p), os.path.join(d, p))
        json.dump({"clusters": mine}, open(os.path.join(d, "clusters.json"), "w"))
        print(f"{d}: {len(mine)} clusters, {sum(len(c) for c in mine)} files")

if __name__ == "__main__":
    main()
