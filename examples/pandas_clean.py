#!/usr/bin/env python3
"""Clean a pandas DataFrame of scraped articles with newsdedup's Python API.

Usage: pandas_clean.py IN.jsonl OUT.jsonl

IN.jsonl holds records {"id", "title", "date", "url", "text"} (examples/make_stream.py makes
them from a directory of files); OUT.jsonl gets one row per article cleaned, with its
paragraphs joined by newlines as "text". A bad record is skipped; `errors="yield"` would put
its NewsdedupError in its row instead. Without pandas it says so on stderr and exits 0.
"""
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        import pandas as pd
    except ImportError:
        print("pandas_clean: pandas is not installed; skipped", file=sys.stderr)
        return 0
    import newsdedup

    source, out = argv[1], argv[2]
    # README: pandas
    df = pd.read_json(source, lines=True, dtype=False)  # "date" stays a string
    cleaned = pd.DataFrame(newsdedup.clean_many(df.to_dict("records"), errors="skip"))
    cleaned["text"] = cleaned["paragraphs"].str.join("\n")
    # end README
    cleaned[["id", "title", "date", "url", "lang", "text"]].to_json(
        out, orient="records", lines=True, force_ascii=False)
    print(f"pandas_clean: {len(cleaned)} of {len(df)} articles cleaned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
