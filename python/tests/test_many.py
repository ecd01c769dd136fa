"""clean_many (order, errors, threads, the GIL) and duplicates."""

import json
import threading
import time

import pytest

import newsdedup
from conftest import FIXTURES, jsonl, run, scraped_record

NAMES = sorted(p.name for p in FIXTURES.iterdir() if (p / "input.txt").is_file())


def records():
    return [scraped_record(name, id=name) for name in NAMES]


def test_clean_many_yields_every_record_in_order_as_the_command_does():
    expected = [json.loads(line) for line in run("--input-format", "jsonl", "--format", "jsonl",
                                                 stdin=jsonl(records())).stdout.splitlines()]
    for jobs, chunk in [(None, 1024), (1, 7), (2, 3)]:
        got = list(newsdedup.clean_many(records(), jobs=jobs, chunk_size=chunk))
        assert got == expected
    assert [r["id"] for r in got] == NAMES


def test_clean_many_reads_lazily():
    taken = []

    def gen():
        for r in records():
            taken.append(r["id"])
            yield r

    it = newsdedup.clean_many(gen(), chunk_size=5)
    next(it)
    # The first chunk, and the next one, cleaned while the first is returned.
    assert len(taken) == 10


def test_a_bad_record_raises_skips_or_is_yielded_in_place():
    good = records()[:4]
    bad = dict(good[1], id="bad-1", date="2022-13-45")
    stream = good[:2] + [bad] + good[2:]
    assert [r["id"] for r in newsdedup.clean_many(stream, errors="skip")] == [r["id"] for r in good]
    yielded = list(newsdedup.clean_many(stream, errors="yield", chunk_size=2))
    assert isinstance(yielded[2], newsdedup.NewsdedupError)
    assert (yielded[2].index, yielded[2].line, yielded[2].id, yielded[2].field) == (2, 3, "bad-1", "date")
    assert str(yielded[2]).startswith('record 3 (id "bad-1"): "date": ')
    seen = []
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        for r in newsdedup.clean_many(stream):
            seen.append(r["id"])
    assert seen == [good[0]["id"], good[1]["id"]]
    assert caught.value.id == "bad-1"
    with pytest.raises(ValueError):
        list(newsdedup.clean_many(stream, errors="ignore"))


def test_cleaning_releases_the_gil():
    # Another Python thread keeps counting while a chunk is cleaned; it
    # could not if the native code held the GIL.
    many = records() * 20
    cleaner = newsdedup._newsdedup.Cleaner(1)
    lines = [json.dumps(r) for r in many]
    count = [0]
    stop = threading.Event()

    def counter():
        while not stop.is_set():
            count[0] += 1

    thread = threading.Thread(target=counter)
    thread.start()
    try:
        time.sleep(0.05)
        before = count[0]
        started = time.perf_counter()
        cleaner.clean_lines(lines)
        took = time.perf_counter() - started
        during = count[0] - before
    finally:
        stop.set()
        thread.join()
    assert took > 0.05, "the chunk was too quick to tell"
    assert during > 10_000, f"the counter advanced only {during} times in {took:.2f} s"


def test_duplicates_groups_copies_as_the_command_does():
    base = records()
    copies = [dict(base[3], id="copy-of-3", url="https://other.example/x"),
              dict(base[10], id="copy-of-10", title="Another title")]
    stream = base + copies
    groups = newsdedup.duplicates(stream)
    command = [json.loads(line) for line in run("--duplicates", "--input-format", "jsonl", "-q",
                                                stdin=jsonl(stream)).stdout.splitlines()]
    assert [(g["keep_id"], [c["id"] for c in g["copies"]]) for g in groups] == [
        (g["keep"], [c["path"] for c in g["copies"]]) for g in command]
    members = {frozenset([g["keep"], *(c["index"] for c in g["copies"])]) for g in groups}
    # Fixtures of one story are copies too: each copy is in its origin's group.
    for pair in [{3, len(base)}, {10, len(base) + 1}]:
        assert any(pair <= m for m in members), pair
    exact = [c for g in groups for c in g["copies"] if c["id"] in ("copy-of-3", "copy-of-10")]
    assert {(c["kind"], c["similarity"]) for c in exact} == {("exact", 1.0)}


def test_duplicates_skips_or_raises_on_a_bad_record():
    stream = records()[:3] + [{"id": "x", "text": "no header"}]
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.duplicates(stream)
    assert (caught.value.kind, caught.value.field, caught.value.index) == ("missing", "title", 3)
    assert newsdedup.duplicates(stream, errors="skip") == []
    with pytest.raises(ValueError, match="keep="):
        newsdedup.duplicates(stream, keep="newest")
