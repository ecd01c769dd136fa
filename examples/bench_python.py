#!/usr/bin/env python3
"""Records per second: newsdedup's Python API against calling the binary once per file.

Usage: bench_python.py [DIR] [--repeat N]

DIR is a directory of scraped files (default: ../shared/corpus/dev when it exists, else
fixtures/); its files are cleaned N times over (default 5), the best of three runs kept for
each way. The ways, each giving the `--format json` fields as Python dicts:

  binary per file   `newsdedup --format json FILE` in a subprocess per file, output parsed
  clean()           newsdedup.clean(bytes) per file, one thread
  clean_many()      newsdedup.clean_many(records), all cores, GIL released
  binary, stream    one `newsdedup --input-format jsonl --format jsonl` over all the
                    records, output parsed (the command's own best)

The binary is `newsdedup` on PATH (the wheel's script, which starts Python first, or the
Rust binary, whichever comes first); NEWSDEDUP names another. Prints a Markdown table.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

import newsdedup

LINE_END = re.compile(r"\r\n|\r|\n")


def load(root):
    files = sorted(p for p in pathlib.Path(root).rglob("*.txt") if p.name != "expected.txt")
    docs, records = [], []
    for path in files:
        data = path.read_bytes()
        try:
            newsdedup.clean(data)
        except newsdedup.NewsdedupError:
            continue
        title, date, url, text = LINE_END.split(data.decode("utf-8"), maxsplit=3)
        docs.append((path, data))
        records.append({"id": str(path), "title": title, "date": date, "url": url, "text": text})
    return docs, records


def best(fn, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv):
    args = argv[1:]
    repeat = 5
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i:i + 2]
    root = pathlib.Path(__file__).resolve().parents[1]
    default = root.parent / "shared/corpus/dev"
    source = args[0] if args else str(default if default.is_dir() else root / "fixtures")
    exe = os.environ.get("NEWSDEDUP") or shutil.which("newsdedup")
    docs, records = load(source)
    docs, records = docs * repeat, records * repeat
    n = len(records)

    def per_file():
        for path, _ in docs:
            out = subprocess.run([exe, "--format", "json", str(path)], capture_output=True, check=True)
            json.loads(out.stdout)

    def clean_loop():
        for _, data in docs:
            newsdedup.clean(data)

    def many():
        for _ in newsdedup.clean_many(records):
            pass

    stream = "".join(json.dumps(r) + "\n" for r in records).encode()

    def one_stream():
        out = subprocess.run([exe, "--input-format", "jsonl", "--format", "jsonl"],
                             input=stream, capture_output=True, check=True)
        for line in out.stdout.splitlines():
            json.loads(line)

    print(f"{n} records ({len(docs) // repeat} files of {source} x {repeat}), "
          f"{sum(len(d) for _, d in docs) / n / 1024:.1f} KiB each, {os.cpu_count()} cores; "
          f"binary: {exe}")
    print()
    print("| way | records/s | vs binary per file |")
    print("| --- | --- | --- |")
    base = None
    for name, fn, runs in [("binary per file", per_file, 1), ("clean()", clean_loop, 3),
                           ("clean_many()", many, 3), ("binary, stream", one_stream, 3)]:
        rate = n / best(fn, runs)
        base = base or rate
        print(f"| {name} | {rate:,.0f} | {rate / base:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
