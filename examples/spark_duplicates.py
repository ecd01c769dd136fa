#!/usr/bin/env python3
"""--duplicates past one machine: the PySpark recipe of issue #14, run in Spark local mode.

Usage: spark_duplicates.py INPUT
INPUT is a directory of scraped files (each becomes a record whose "id" is its path relative
to INPUT, as examples/make_stream.py makes it, in path order) or a JSON Lines file of records,
each with a distinct "id", in input order. Prints one JSON line per group of copies,
`{"keep": ID, "copies": [{"path": ID, "similarity": S, "kind": K}, ...]}`, the same lines as
`newsdedup --duplicates --input-format jsonl` prints for those records (the default
--threshold and --keep), so it is scored the same way:

    python3 ../shared/tools/score_dups.py ../shared/corpus/dups-dev -- \\
        python3 examples/spark_duplicates.py

NEWSDEDUP names the binary (default target/release/newsdedup). Without pyspark or java it
prints why on stderr and exits 0 with no groups: it is a recipe, not a dependency.

newsdedup does what needs the text (cleaning, words, shingle hashes); Spark moves and groups
them; the rules are those of src/duplicates/, step for step, on the whole corpus, so the
groups are the same (python/tests/test_recipes.py checks it on dups-dev):
 1. records piped through `newsdedup --input-format jsonl --format jsonl --signature` a
    partition at a time (`rdd.pipe`): each with its words, text hash and shingles;
 2. exact copies (one text hash) are one class, the first in input order its representative;
 3. boilerplate, corpus-wide: a shingle in more than 20 representatives, counted by Spark
    and broadcast (per partition, a footer would be boilerplate in one and story in another);
 4. candidates: exploded by shingle, grouped; every two representatives under a shingle of
    2 to 20 share it; a pair sharing 15% of the smaller one's story shingles is compared;
 5. verified: the share of the shorter one's story words covered by shingles the other has;
 6. pairs at 0.5 or more split into connected components (label propagation), and inside
    each component, on one worker, joined strongest first, two groups only when their
    members are copies on average (plain connected components chain stories through a
    roundup or a footer: precision 0.990 on dups-dev);
 7. each class joins its representative's group; the article with the most story words is
    kept, then the earliest date, then the first in input order.
"""
import importlib.util
import itertools
import json
import os
import pathlib
import shutil
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

# As src/duplicates: Options::default(), candidates::MIN_SHARED, group::{SAMPLE, MEAN_SHARE}.
SHINGLE = 4
BOILERPLATE_DF = 20
THRESHOLD = 0.5
MIN_SHARED = 0.15
SAMPLE = 16
MEAN_SHARE = 0.5
PARTITIONS = 4


def records(path):
    """The input as JSON strings, one record each, in newsdedup's order."""
    if os.path.isfile(path):
        return [line for line in open(path, encoding="utf-8") if line.strip()]
    # A directory: the records examples/make_stream.py makes, in path order.
    spec = importlib.util.spec_from_file_location(
        "make_stream", pathlib.Path(__file__).with_name("make_stream.py"))
    make_stream = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_stream)
    root = pathlib.Path(path)
    out = []
    for file in sorted(make_stream.files(root)):
        record, why = make_stream.record(file, root)
        if record is None:
            print(f"{file}: skipped: {why}", file=sys.stderr)
        else:
            out.append(json.dumps(record, ensure_ascii=False))
    return out


def mark(flags, width, words):
    """Words covered by a shingle whose flag is set (boilerplate::mark_words)."""
    covered = [False] * words
    for j, f in enumerate(flags):
        if f:
            for k in range(j, min(j + width, words)):
                covered[k] = True
    return covered


def prepare(doc, boiler):
    """A representative with its story words, given the corpus's boilerplate."""
    words = doc["words"]
    width = min(max(SHINGLE, 1), words)
    doc["boiler"] = mark([h in boiler for h in doc["shingles"]], width, words)
    doc["story_words"] = words - sum(doc["boiler"])
    return doc


def similarity(docs, x, y, boiler):
    """verify::similarity: the share of the shorter one's story words (of two as long, the
    first's) inside shingles the other also has."""
    if (docs[y]["story_words"], y) < (docs[x]["story_words"], x):
        x, y = y, x
    short, other = docs[x], set(docs[y]["shingles"])
    words = short["words"]
    if short["story_words"] == 0 or words == 0:
        return 0.0
    width = min(max(SHINGLE, 1), words)
    covered = mark([h not in boiler and h in other for h in short["shingles"]], width, words)
    same = sum(covered)
    total = sum(1 for c, b in zip(covered, short["boiler"]) if c or not b)
    return same / total


def link(edges, docs, boiler):
    """group::link over one component: pairs strongest first (ties by index); two groups
    join only when the mean similarity across them (the first SAMPLE members of each)
    reaches MEAN_SHARE of the threshold. Returns its groups, lists of indexes."""
    memo = {}

    def sim(a, b):
        if a == b:
            return 1.0
        key = (min(a, b), max(a, b))
        if key not in memo:
            memo[key] = similarity(docs, a, b, boiler)
        return memo[key]

    for a, b, s in edges:
        memo[(a, b)] = s
    parent, members, node = [], [], {}

    def of(x):
        if x not in node:
            node[x] = len(parent)
            parent.append(len(parent))
            members.append([x])
        return node[x]

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        ra, rb = root(of(a)), root(of(b))
        if ra == rb:
            continue
        ma, mb = members[ra], members[rb]
        if len(ma) > 1 or len(mb) > 1:
            sa, sb = ma[:SAMPLE], mb[:SAMPLE]
            total = 0.0
            for x in sa:
                for y in sb:
                    total += sim(x, y)
            if total / (len(sa) * len(sb)) < MEAN_SHARE * THRESHOLD:
                continue
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        members[keep] = sorted(members[keep] + members[gone])
        members[gone] = []
    return [m for m in members if m], sim


def output_groups(reps_groups, docs, classes, sim):
    """Articles from representatives' groups (keep::choose, Keep::Complete), as
    `--duplicates` writes them: (keep, [(copy, similarity, kind), ...])."""
    out = []
    for reps in reps_groups:
        members = sorted((i, date, r) for r in reps for i, date in classes[r])
        if len(members) < 2:
            continue
        # Undated last: (True, None) sorts after every (False, date).
        keep, _, kept_rep = min(
            members, key=lambda m: (-docs[m[2]]["story_words"], (m[1] is None, m[1] or ""), m[0]))
        copies = []
        for i, _, r in members:
            if i == keep:
                continue
            if r == kept_rep:
                copies.append((i, 1.0, "exact"))
            else:
                copies.append((i, sim(r, kept_rep), "near"))
        out.append((keep, copies))
    return out


def components(edges):
    """Connected components by label propagation: each article takes the least index it
    reaches; returns (article, label) pairs. Partitions fixed, so that rounds of unions
    do not multiply them."""
    both = edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).cache()
    labels = both.map(lambda e: (e[0], e[0])).distinct(PARTITIONS)
    while True:
        spread = both.join(labels, PARTITIONS).map(lambda kv: (kv[1][0], kv[1][1]))
        new = labels.union(spread).reduceByKey(min, PARTITIONS).cache()
        changed = new.join(labels, PARTITIONS).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels = new
        if changed == 0:
            return labels


def rounded(s):
    """As `(s * 100.0).round() / 100.0` in Rust: halves away from zero, exactly."""
    return float(Decimal(s * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)) / 100


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
    lines = records(sys.argv[1])
    ids = [json.loads(line)["id"] for line in lines]
    spark = (SparkSession.builder.master("local[2]").appName("newsdedup-duplicates")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    # Each record's place in the input: newsdedup breaks every tie by it.
    index = sc.broadcast({json.dumps(i): n for n, i in enumerate(ids)})

    # 1. Clean and sign, a partition at a time, through the binary.
    docs = (sc.parallelize(lines, PARTITIONS)
            .pipe(f"{exe} --input-format jsonl --format jsonl --signature",
                  env={"PATH": os.environ.get("PATH", "")})
            .map(json.loads)
            .filter(lambda r: r["words"] > 0)
            .map(lambda r: (index.value[json.dumps(r["id"])], {
                "words": r["words"], "shingles": r["shingles"], "text": r["text_hash"],
                "date": r.get("date")}))
            .cache())

    # 2. Exact classes: (representative, [(index, date), ...]).
    classes = (docs.map(lambda kv: (kv[1]["text"], (kv[0], kv[1]["date"])))
               .groupByKey(PARTITIONS).values().map(sorted)
               .map(lambda m: (m[0][0], m)).cache())
    reps = docs.join(classes, PARTITIONS).mapValues(lambda v: v[0]).cache()

    # 3. Boilerplate over the whole corpus: holders of each shingle, representatives only.
    holders = (reps.flatMap(lambda kv: [(h, kv[0]) for h in set(kv[1]["shingles"])])
               .groupByKey(PARTITIONS).mapValues(sorted).cache())
    boiler = sc.broadcast(set(holders.filter(lambda kv: len(kv[1]) > BOILERPLATE_DF)
                              .keys().collect()))
    shared = holders.filter(lambda kv: 2 <= len(kv[1]) <= BOILERPLATE_DF).cache()

    # Story shingles, as boilerplate::prepare counts them: each position not boilerplate,
    # but a shingle other representatives also hold once however often it is repeated.
    repeats = (reps.flatMap(lambda kv: [
        (h, (kv[0], n - 1)) for h, n in Counter(kv[1]["shingles"]).items()
        if n > 1 and h not in boiler.value])
        .join(shared, PARTITIONS).map(lambda kv: kv[1][0]).reduceByKey(lambda a, b: a + b))
    story_shingles = (reps.mapValues(lambda d: sum(h not in boiler.value for h in d["shingles"]))
                      .leftOuterJoin(repeats, PARTITIONS)
                      .mapValues(lambda v: v[0] - (v[1] or 0)).cache())

    # 4. Candidates: shared shingles counted per pair, kept at MIN_SHARED of the smaller.
    pairs = (shared.flatMap(lambda kv: itertools.combinations(kv[1], 2))
             .map(lambda p: (p, 1)).reduceByKey(lambda a, b: a + b, PARTITIONS)
             .map(lambda kv: (kv[0][0], (kv[0][1], kv[1])))
             .join(story_shingles, PARTITIONS)
             .map(lambda kv: (kv[1][0][0], (kv[0], kv[1][0][1], kv[1][1])))
             .join(story_shingles, PARTITIONS)
             .filter(lambda kv: kv[1][0][1] >= MIN_SHARED * min(kv[1][0][2], kv[1][1]))
             .map(lambda kv: (kv[1][0][0], kv[0])))

    # 5. Verify each pair with both representatives at hand.
    prepared = reps.mapValues(lambda d: prepare(d, boiler.value)).cache()
    edges = (pairs.join(prepared, PARTITIONS).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
             .join(prepared, PARTITIONS)
             .map(lambda kv: (kv[1][0][0], kv[0], similarity(
                 {kv[1][0][0]: kv[1][0][1], kv[0]: kv[1][1]}, kv[1][0][0], kv[0], boiler.value)))
             .filter(lambda e: e[2] >= THRESHOLD).cache())

    # 6. and 7. Components, then each one grouped and its articles written on one worker.
    labels = components(edges.map(lambda e: (e[0], e[1])))
    members = (labels.join(prepared.join(classes, PARTITIONS), PARTITIONS)
               .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey(PARTITIONS))
    component_edges = (edges.map(lambda e: (e[0], e)).join(labels, PARTITIONS)
                       .map(lambda kv: (kv[1][1], kv[1][0])).groupByKey(PARTITIONS))

    def group_component(kv):
        edges, members = kv[1]
        docs = {r: d for r, (d, _) in members}
        classes = {r: c for r, (_, c) in members}
        groups, sim = link(list(edges), docs, boiler.value)
        linked = {r for g in groups for r in g}
        singles = [[r] for r in docs if r not in linked]
        return output_groups(groups + singles, docs, classes, sim)

    grouped = component_edges.join(members, PARTITIONS).flatMap(group_component)
    # Classes with no near copy: exact copies only.
    alone = (prepared.join(classes, PARTITIONS).leftOuterJoin(labels, PARTITIONS)
             .filter(lambda kv: kv[1][1] is None and len(kv[1][0][1]) > 1)
             .flatMap(lambda kv: output_groups(
                 [[kv[0]]], {kv[0]: kv[1][0][0]}, {kv[0]: kv[1][0][1]}, None)))
    groups = sorted(grouped.union(alone).collect())
    spark.stop()
    for keep, copies in groups:
        print(json.dumps({"keep": ids[keep], "copies": [
            {"path": ids[i], "similarity": rounded(s), "kind": kind} for i, s, kind in copies]},
            ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main()
