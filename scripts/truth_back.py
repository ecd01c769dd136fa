#!/usr/bin/env python3
"""Clean articles that do not come back unchanged.

Each article of a page set's truth.jsonl (title, date, URL, one paragraph a
line: a clean article) is cleaned; the ones whose output differs are listed.

Usage: python3 scripts/truth_back.py BIN SETDIR...
  e.g. python3 scripts/truth_back.py target/release/newsdedup /tmp/reppages /tmp/freshpages
"""
import json
import os
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    binary, sets = sys.argv[1], sys.argv[2:]
    changed = total = 0
    for root in sets:
        seen = set()
        for row in open(os.path.join(root, "truth.jsonl"), encoding="utf-8"):
            t = json.loads(row)
            name = t["file"].split("/")[-1]
            if name in seen:
                continue
            seen.add(name)
            total += 1
            text = "\n".join([t["title"], t["date"], t["url"]] + t["paragraphs"]) + "\n"
            out = subprocess.run([binary], input=text.encode(), capture_output=True).stdout
            if out.decode("utf-8", "replace") != text:
                changed += 1
                print(os.path.join(root, name))
    print(f"{changed} of {total} clean articles changed")


if __name__ == "__main__":
    main()
