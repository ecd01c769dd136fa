#!/usr/bin/env python3
"""--duplicates past one machine: the PySpark recipe of issue #14, run in Spark local mode.

Usage: spark_duplicates.py INPUT
INPUT is a directory of scraped files (each becomes a record whose "id" is its path relative
to INPUT) or a JSON Lines file of records with an "id". Prints one JSON line per group of
copies, `{"keep": ID, "copies": [{"path": ID, "similarity": S}, ...]}`, as
`newsdedup --duplicates` does, so it can be scored the same way:

    python3 ../shared/tools/score_dups.py ../shared/corpus/dups-dev -- \\
        python3 examples/spark_duplicates.py

NEWSDEDUP names the binary (default target/release/newsdedup). Without pyspark or java it
prints why on stderr and exits 0 with no groups: it is a recipe, not a dependency.

The steps, each a plain Spark operation (no cluster of our own):
 1. records piped through `newsdedup --input-format jsonl --format jsonl --signature`,
    a partition at a time (`rdd.pipe`): cleaned paragraphs plus the signature keys;
 2. exploded by signature key and grouped; a key held by more than 20 articles is
    boilerplate and dropped; every two articles under one key are a candidate pair;
 3. each pair verified with the measure of `--duplicates`: the share of the shorter
    article's story words covered by 4-word shingles the other also has, boilerplate
    (shingles in more than 20 distinct texts, counted by Spark) left out;
 4. pairs at 0.5 or more joined by connected components (label propagation), and the
    article with the most story words kept (then the earliest date, then the id).
Step 4 is plain connected components, where `--duplicates` joins two groups only when their
members are copies on average; on dups-dev that costs a little precision (README).
"""
import itertools
import json
import os
import shutil
import sys
import zlib

SHINGLE = 4
BOILERPLATE_DF = 20
THRESHOLD = 0.5


def records(path):
    """The input as JSON strings, one record each."""
    if os.path.isfile(path):
        return [line for line in open(path, encoding="utf-8") if line.strip()]
    out = []
    for dirpath, _, files in os.walk(path):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            full = os.path.join(dirpath, name)
            lines = open(full, encoding="utf-8", errors="replace").read().split("\n")
            out.append(json.dumps({
                "id": os.path.relpath(full, path), "title": lines[0], "date": lines[1],
                "url": lines[2], "text": "\n".join(lines[3:]),
            }))
    return sorted(out)


def tokens(paragraphs):
    """Words lowercased, everything but letters and digits dropped (as src/duplicates)."""
    out = []
    for p in paragraphs:
        for word in p.split():
            w = "".join(c for c in word.lower() if c.isalnum())
            if w:
                out.append(w)
    return out


def shingles(toks):
    width = min(SHINGLE, len(toks))
    if width == 0:
        return []
    # A fixed hash (not Python's, which is seeded per process): every worker agrees.
    return [zlib.crc32(" ".join(toks[i:i + width]).encode()) for i in range(len(toks) - width + 1)]


def mark(flags, width, words):
    """Words covered by a shingle whose flag is set."""
    covered = [False] * words
    for j, f in enumerate(flags):
        if f:
            for k in range(j, min(j + width, words)):
                covered[k] = True
    return covered


def story_words(doc, boiler):
    words = doc["words"]
    width = min(SHINGLE, words)
    return words - sum(mark([h in boiler for h in doc["shingles"]], width, words))


def similarity(x, y, boiler):
    """The share of the shorter article's story words inside shingles the other has."""
    if story_words(y, boiler) < story_words(x, boiler):
        x, y = y, x
    words = x["words"]
    if words == 0:
        return 0.0
    width = min(SHINGLE, words)
    other = set(y["shingles"])
    b = mark([h in boiler for h in x["shingles"]], width, words)
    c = mark([h not in boiler and h in other for h in x["shingles"]], width, words)
    total = sum(1 for ci, bi in zip(c, b) if ci or not bi)
    return sum(c) / total if total else 0.0


def prepare(record):
    toks = tokens(record["paragraphs"])
    return record["id"], {
        "words": len(toks), "shingles": shingles(toks), "text": zlib.crc32(" ".join(toks).encode()),
        "date": record.get("date") or "9999", "signature": record["signature"],
    }


def components(sc, edges):
    """Connected components by label propagation: each article takes the least id it
    reaches; returns (article, label) pairs."""
    both = edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).cache()
    labels = both.map(lambda e: (e[0], e[0])).distinct()
    while True:
        spread = both.join(labels).map(lambda kv: (kv[1][0], kv[1][1]))
        new = labels.union(spread).reduceByKey(min).cache()
        changed = new.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels = new
        if changed == 0:
            return labels


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("spark_duplicates: pyspark is not installed; skipped", file=sys.stderr)
        return
    if shutil.which("java") is None:
        print("spark_duplicates: java is not installed; skipped", file=sys.stderr)
        return
    exe = os.path.abspath(os.environ.get("NEWSDEDUP", "target/release/newsdedup"))
    spark = (SparkSession.builder.master("local[2]").appName("newsdedup-duplicates")
             .config("spark.ui.enabled", "false").getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")

    # 1. Clean and sign, a partition at a time, through the binary.
    cleaned = sc.parallelize(records(sys.argv[1]), 4).pipe(
        f"{exe} --input-format jsonl --format jsonl --signature")
    docs = cleaned.map(json.loads).map(prepare).filter(lambda kv: kv[1]["words"] > 0).cache()

    # Boilerplate: shingles in more than BOILERPLATE_DF distinct texts.
    boiler = set(docs.map(lambda kv: (kv[1]["text"], kv[1]["shingles"]))
                 .reduceByKey(lambda a, b: a)
                 .flatMap(lambda kv: set(kv[1]))
                 .map(lambda h: (h, 1)).reduceByKey(lambda a, b: a + b)
                 .filter(lambda kv: kv[1] > BOILERPLATE_DF).keys().collect())
    boiler = sc.broadcast(boiler)

    # 2. Candidates: articles under one signature key, boilerplate keys dropped.
    pairs = (docs.flatMap(lambda kv: [(k, kv[0]) for k in kv[1]["signature"]])
             .groupByKey().mapValues(lambda ids: sorted(set(ids)))
             .filter(lambda kv: 2 <= len(kv[1]) <= BOILERPLATE_DF)
             .flatMap(lambda kv: itertools.combinations(kv[1], 2)).distinct())

    # 3. Verify each pair with both articles at hand.
    scored = (pairs.join(docs).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
              .join(docs)
              .map(lambda kv: (kv[1][0][0], kv[0],
                               similarity(kv[1][0][1], kv[1][1], boiler.value))))
    edges = scored.filter(lambda e: e[2] >= THRESHOLD).cache()

    # 4. Groups, and the article to keep in each.
    labels = components(sc, edges.map(lambda e: (e[0], e[1])))
    sims = {(a, b): s for a, b, s in edges.collect()}
    rank = {}
    for label, (i, doc) in labels.map(lambda kv: (kv[0], kv[1])).join(docs).map(
            lambda kv: (kv[1][0], (kv[0], kv[1][1]))).collect():
        key = (-story_words(doc, boiler.value), doc["date"], i)
        rank.setdefault(label, []).append((key, i))
    spark.stop()
    groups = []
    for members in rank.values():
        members.sort()
        keep = members[0][1]
        copies = sorted(i for _, i in members[1:])
        groups.append({"keep": keep, "copies": [
            {"path": c, "similarity": round(sims.get((min(keep, c), max(keep, c)), 0.0), 2)}
            for c in copies]})
    for g in sorted(groups, key=lambda g: g["keep"]):
        print(json.dumps(g))


if __name__ == "__main__":
    main()
