#!/usr/bin/env python3
"""Clean a Hugging Face dataset of scraped articles with `datasets.map` and newsdedup.

Usage: datasets_clean.py IN.jsonl OUT.jsonl

IN.jsonl holds records {"id", "title", "date", "url", "text"} (examples/make_stream.py makes
them from a directory of files). Each batch of 1,024 rows goes to `newsdedup.clean_many`,
which cleans it on every core with the GIL released; `errors="yield"` keeps the rows
aligned, a bad record giving an empty "paragraphs" and its message in "error". OUT.jsonl
gets the dataset with "text" replaced by "paragraphs", "lang" and "error". Nothing is
downloaded. Without the datasets package it says so on stderr and exits 0.
"""
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        from datasets import Dataset
    except ImportError:
        print("datasets_clean: datasets is not installed; skipped", file=sys.stderr)
        return 0
    import newsdedup

    source, out = argv[1], argv[2]
    # README: datasets
    def clean_batch(batch):
        rows = [dict(zip(batch, values)) for values in zip(*batch.values())]
        cleaned = list(newsdedup.clean_many(rows, errors="yield"))
        bad = [isinstance(c, newsdedup.NewsdedupError) for c in cleaned]
        return {
            "paragraphs": [[] if b else c["paragraphs"] for b, c in zip(bad, cleaned)],
            "lang": [None if b else c["lang"] for b, c in zip(bad, cleaned)],
            "error": [str(c) if b else None for b, c in zip(bad, cleaned)],
        }

    ds = Dataset.from_json(source)
    ds = ds.map(clean_batch, batched=True, batch_size=1024, remove_columns=["text"])
    # end README
    ds.to_json(out, lines=True, force_ascii=False)
    errors = sum(e is not None for e in ds["error"])
    print(f"datasets_clean: {len(ds)} rows, {errors} with an error", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
