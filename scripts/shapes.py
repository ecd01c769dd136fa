#!/usr/bin/env python3
"""Hostile input shapes through every mode of newsdedup: time and peak memory.

Batches run unattended over files from the open web, so no input may stall
or sink a run (issue 13). This script writes each shape below at a few sizes
and runs it through each mode with `/usr/bin/time -f '%e %M'`, then prints a
markdown table:

    shape | mode | MB | exit | seconds | s/MB | peak RSS MB | bound MB | ok

`bound` is the memory goal, twice the input plus 32 MiB. A row is ok when
it takes at most 1 s per MB (and at most 0.25 s under 1 MB, where process
start dominates) and stays within the bound; a shape is also flagged when
its largest size takes over 0.5 s and more than 1.25 times as long as its
smallest size run as many times as the sizes differ (10x the time for 8x
the bytes; a quadratic takes 64x). Exit status 1 if any row is not ok.

    scripts/shapes.py [--sizes 1,8] [--shapes a,b] [--modes text,json]
                      [--bin target/release/newsdedup] [--work DIR]

Modes: `text` (the default output), `json` (`--format json`), `jsonl`
(`--format jsonl`, one file), `batch` (`-o DIR`), `stream` (the shape as
the `text` of one JSON Lines record, `--input-format jsonl --format jsonl`).
Every mode runs with `--no-header`: the shapes are bodies.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

MB = 1_000_000


def repeat_to(unit, size):
    """`unit` repeated to about `size` bytes."""
    return unit * max(1, size // len(unit))


def glued_paragraphs(size):
    # A million glued paragraphs on one line: the 79 MB shape of issue 13.
    out, n, total = [], 0, 0
    while total < size:
        p = f"Paragraph {n} tells of event {n * 7919 % 100003} in the city.".replace(
            " in", "" if n % 3 else " in"
        )
        out.append(p)
        total += len(p)
        n += 1
    return "".join(out) + "\n"


def cascade(size):
    # A suffix cascade: each line a paragraph and every one after it.
    paras, total, k = [], 0, 0
    while total < size:
        k += 1
        paras.append(f"Paragraph {k} says something about the story number {k}.")
        total = sum(len(p) for p in paras) * (k + 1) // 2
    return "".join("".join(paras[i:]) + "\n" for i in range(len(paras)))


def near_identical(size):
    # Lines sharing a long prefix and differing in their last word.
    head = "The same long opening of every line in this file, " * 4
    lines, total, i = [], 0, 0
    while total < size:
        line = f"{head}variant {i}.\n"
        lines.append(line)
        total += len(line)
        i += 1
    return "".join(lines)


def distinct_lines(size):
    lines, total, i = [], 0, 0
    while total < size:
        line = f"Line {i} of a file of short distinct lines.\n"
        lines.append(line)
        total += len(line)
        i += 1
    return "".join(lines)


def soup(size, seed=13):
    rnd = random.Random(seed)
    alphabet = '.!?"()[]{}\'`-,;:…«»“”‘’。！？ aA1$%&*#@/\\|'
    return "".join(rnd.choice(alphabet) for _ in range(size)) + "\n"


def paren_ab(size):
    n = size // 4
    return "(" * n + "a.b" * n + "\n"


SHAPES = {
    # the quadratic of issue 13: leading punctuation rescanned at each stop
    "paren-ab": paren_ab,
    "dots": lambda s: "." * s + "\n",
    "parens": lambda s: "(" * s + "\n",
    "letters": lambda s: "a" * s + "\n",
    "a-dot": lambda s: repeat_to("a.", s) + "\n",
    "A-dot-space": lambda s: repeat_to("A. ", s) + "\n",
    "Mr-dot": lambda s: repeat_to("Mr.", s) + "\n",
    "ellipsis": lambda s: repeat_to("…", s // 3) + "\n",
    "cjk-stops": lambda s: repeat_to("。", s // 3) + "\n",
    "quotes": lambda s: repeat_to('"a.', s) + "\n",
    "spaced-dots": lambda s: "x" + repeat_to(" .", s) + "\n",
    "spaces": lambda s: "a" + " " * s + "b\n",
    "soup": soup,
    "tiny-lines": lambda s: repeat_to("a\n", s),
    "blank-lines": lambda s: "a\n" + "\n" * s + "b\n",
    "distinct-lines": distinct_lines,
    "near-identical": near_identical,
    "same-line": lambda s: repeat_to("The very same paragraph, written over and over.\n", s),
    "glued": glued_paragraphs,
    "cascade": cascade,
}

MODES = {
    "text": [],
    "json": ["--format", "json"],
    "jsonl": ["--format", "jsonl"],
    "batch": ["-o", "{out}"],
    "stream": ["--input-format", "jsonl", "--format", "jsonl"],
}


def timed(cmd):
    """Runs `cmd` with stdout to /dev/null; returns (exit, seconds, peak KB)."""
    with tempfile.NamedTemporaryFile("r") as t:
        r = subprocess.run(
            ["/usr/bin/time", "-o", t.name, "-f", "%e %M", *cmd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        last = t.read().strip().splitlines()[-1].split()
    return r.returncode, float(last[0]), int(last[1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,8", help="sizes in MB, comma-separated")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--bin", default="target/release/newsdedup")
    ap.add_argument("--work", default=None, help="directory for the inputs (kept)")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    work = args.work or tempfile.mkdtemp(prefix="shapes-")
    os.makedirs(work, exist_ok=True)
    print(f"| shape | mode | MB | exit | seconds | s/MB | peak RSS MB | bound MB | ok |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    bad = 0
    for shape in args.shapes.split(","):
        times = {}
        for mb in sizes:
            body = SHAPES[shape](int(mb * MB))
            txt = os.path.join(work, f"{shape}-{mb:g}.txt")
            with open(txt, "w", encoding="utf-8") as f:
                f.write(body)
            jsonl = os.path.join(work, f"{shape}-{mb:g}.jsonl")
            with open(jsonl, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": shape, "text": body}, ensure_ascii=False) + "\n")
            del body
            for mode in args.modes.split(","):
                path = jsonl if mode == "stream" else txt
                out = os.path.join(work, "out")
                shutil.rmtree(out, ignore_errors=True)
                flags = [a.replace("{out}", out) for a in MODES[mode]]
                cmd = [args.bin, "-q", "--no-header", *flags, path]
                code, secs, kb = timed(cmd)
                size = os.path.getsize(path) / MB
                bound = 2 * size + 32 * 1.048576
                rss = kb * 1024 / MB
                per = secs / size
                ok = code in (0, 2) and rss <= bound and (per <= 1 or secs <= 0.25)
                times.setdefault(mode, []).append((size, secs, cmd))
                bad += not ok
                print(
                    f"| {shape} | {mode} | {size:.1f} | {code} | {secs:.2f} | {per:.3f} "
                    f"| {rss:.0f} | {bound:.0f} | {'ok' if ok else 'NO'} |",
                    flush=True,
                )
        for mode, pts in times.items():
            (s0, t0, cmd0), (s1, t1, _) = pts[0], pts[-1]
            # Under 0.5 s at the largest size no quadratic is hiding. Over
            # it, the smallest size is run again as many times as the sizes
            # differ, and the sum compared: one run of it is a few 10 ms
            # steps of the timer, too coarse for a ratio.
            if len(pts) < 2 or t1 <= 0.5:
                continue
            k = round(s1 / s0)
            t0k = sum(timed(cmd0)[1] for _ in range(k))
            if t1 > 1.25 * max(t0k, 0.01):
                bad += 1
                print(f"| {shape} | {mode} | | | | | | | NO: {t1:.2f} s at {s1:.0f} MB, "
                      f"{t0k:.2f} s for {k} runs at {s0:.0f} MB |")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
