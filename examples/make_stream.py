#!/usr/bin/env python3
"""Make a JSON Lines stream for `newsdedup --input-format jsonl` from a directory of scraped files.

Usage: make_stream.py DIR OUT.jsonl     (OUT `-` writes to standard output)

Each `*.txt` file under DIR (sorted by path, hidden ones skipped) becomes one record
`{"id": PATH, "title", "date", "url", "text"}`, PATH relative to DIR. The bytes are kept
exact: each file is read as bytes and decoded strictly as UTF-8, the header's three lines
are split off at LF, CRLF or a lone CR (as newsdedup reads them), and the body goes into
"text" as it is, line endings and all. So a record cleans to the same paragraphs and
statistics as its file, but for `stats.input_bytes`, which counts one `\\n` for each
header line ending (a CRLF file's is 3 bytes smaller). A UTF-8 BOM stays in the title,
where newsdedup drops it as it does from a file.

A file that cannot be a record is skipped and reported on stderr, and the others are
still written: not UTF-8 (with the byte offset), a header of fewer than three lines, or
no body after it. OUT is written whole or not at all (a temporary file renamed over it).
Exit status: 0, or 2 when a file was skipped, as newsdedup's.
"""
import json
import os
import pathlib
import re
import sys
import tempfile

# A line ends at LF, CRLF or a lone CR, as newsdedup's reader has it.
LINE_END = re.compile(r"\r\n|\r|\n")


def record(path, root):
    """The record of one file, or the reason it cannot be one."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, f"not UTF-8 (byte offset {e.start}); convert it, or clean it as a file with --lossy"
    parts = LINE_END.split(text, maxsplit=3)
    if len(parts) < 4:
        return None, f"only {len(parts)} line(s): a header is title, date and URL, then the body"
    title, date, url, body = parts
    if not body.strip():
        return None, "a header with no body"
    rel = path.relative_to(root).as_posix()
    return {"id": rel, "title": title, "date": date, "url": url, "text": body}, None


def files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.endswith(".txt") and not name.startswith("."):
                yield pathlib.Path(dirpath) / name


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    root, out = pathlib.Path(argv[1]), argv[2]
    if not root.is_dir():
        print(f"make_stream: {root}: not a directory", file=sys.stderr)
        return 2
    written = skipped = 0
    if out == "-":
        sink, tmp = sys.stdout, None
    else:
        target = pathlib.Path(out).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        sink = open(fd, "w", encoding="utf-8", newline="\n")
    try:
        for path in sorted(files(root)):
            rec, why = record(path, root)
            if rec is None:
                print(f"make_stream: {path}: skipped: {why}", file=sys.stderr)
                skipped += 1
                continue
            sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
            written += 1
        if tmp is not None:
            sink.close()
            os.replace(tmp, target)
            tmp = None
    finally:
        if tmp is not None:
            sink.close()
            os.unlink(tmp)
    print(f"make_stream: {written} records written, {skipped} files skipped", file=sys.stderr)
    return 2 if skipped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
