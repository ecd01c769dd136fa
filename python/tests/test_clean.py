"""newsdedup.clean and clean_record: the same results as the command."""

import json
import pickle

import pytest

import newsdedup
from conftest import FIXTURES, ROOT, fixture, run, scraped_record


def test_the_issue_s_check_prints_the_seed_s_first_paragraph():
    text = open(ROOT / "fixtures/seed-webindia/input.txt").read()
    first = newsdedup.clean(text)["paragraphs"][0]
    expected = (FIXTURES / "seed-webindia/expected.txt").read_text().split("\n")[3]
    assert first == expected
    assert first.startswith("On Friday, US President Joe Biden")


@pytest.mark.parametrize("name", ["seed-webindia", "crlf", "unicode-text", "near-entities-interview-qa"])
def test_clean_gives_the_json_of_the_command_field_for_field(name):
    path = FIXTURES / name / "input.txt"
    from_command = json.loads(run("--format", "json", str(path)).stdout)
    assert newsdedup.clean(path.read_bytes()) == from_command


def test_paragraphs_are_the_fixture_s_expected_output():
    for name in ["suffix-shuffled", "prefix-cascade", "window-3"]:
        expected = (FIXTURES / name / "expected.txt").read_text().splitlines()
        article = newsdedup.clean(fixture(name))
        assert [article["title"], article["date"].replace("-", ""), article["url"]] == expected[:3]
        assert article["paragraphs"] == expected[3:]


def test_bytes_keep_crlf_so_input_bytes_is_the_file_size():
    data = fixture("crlf")
    assert b"\r\n" in data
    assert newsdedup.clean(data)["stats"]["input_bytes"] == len(data)


def test_options_reach_the_library():
    body = "One paragraph &amp; more.\nOne paragraph &amp; more.\n"
    assert newsdedup.clean(body, no_header=True)["paragraphs"] == ["One paragraph & more."]
    kept = newsdedup.clean(body, no_header=True, keep_entities=True)
    assert kept["paragraphs"] == ["One paragraph &amp; more."]
    assert kept["title"] is None and kept["date"] is None
    assert newsdedup.clean(body, no_header=True, lang="de")["lang"] == "de"
    with pytest.raises(ValueError, match="not a language code"):
        newsdedup.clean(body, no_header=True, lang="klingon!")
    with pytest.raises(TypeError):
        newsdedup.clean(42)


def test_a_bad_date_raises_with_line_hint_and_kind():
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.clean("Title\nnot a date\nhttps://e.com/a\nBody.\n")
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.line, error.kind, error.field) == (2, "bad_date", None)
    assert "20220122" in error.hint and "--" not in error.hint
    assert str(error).startswith('line 2: expected a date')
    assert str(error).endswith(f"(hint: {error.hint})")


def test_other_scrapers_dates_are_read_and_json_gives_them_as_iso():
    for date in ["2022-01-22T10:30:00Z", "Sat, 22 Jan 2022 10:30:00 +0000", "January 22, 2022"]:
        record = {"title": "T", "date": date, "url": "https://e.com/a", "text": "Body."}
        assert newsdedup.clean_record(record)["date"] == "2022-01-22"
    with pytest.raises(newsdedup.NewsdedupError, match="either way round"):
        newsdedup.clean("T\n03/04/2022\nhttps://e.com/a\nBody.\n")


def test_encoding_errors_name_their_line_and_lossy_replaces():
    data = b"Title\n20220122\nhttps://e.com/a\nBody \xff here.\n"
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.clean(data)
    assert (caught.value.kind, caught.value.line) == ("invalid_utf8", 4)
    assert newsdedup.clean(data, lossy=True)["paragraphs"] == ["Body \ufffd here."]
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.clean(data, max_bytes=10)
    assert (caught.value.kind, caught.value.line) == ("too_large", None)


def test_errors_survive_pickling():
    try:
        newsdedup.clean_record({"id": "a-1", "title": "T", "date": "x", "url": "https://e.com", "text": "b"})
    except newsdedup.NewsdedupError as error:
        again = pickle.loads(pickle.dumps(error))
        assert (again.kind, again.field, again.id, again.line, str(again)) == (
            error.kind, error.field, error.id, error.line, str(error))
    else:
        pytest.fail("no error")


def test_clean_record_is_the_command_s_jsonl_contract():
    record = scraped_record("seed-webindia", id="a-17", nested={"keep": [1, 2.5, None]})
    line = json.dumps(record)
    from_command = json.loads(run("--input-format", "jsonl", "--format", "jsonl", stdin=line.encode()).stdout)
    cleaned = newsdedup.clean_record(record)
    assert cleaned == from_command
    assert list(cleaned)[:3] == ["id", "nested", "title"]
    assert "text" not in cleaned
    assert newsdedup.clean_record(line) == cleaned


def test_a_mapping_s_other_fields_are_carried_as_python_values():
    import datetime
    import math

    when = datetime.datetime(2022, 1, 22, 10, 30)
    record = scraped_record("seed-webindia", id=7, scraped_at=when, score=math.nan,
                            paragraphs="dropped", lang="en")
    cleaned = newsdedup.clean_record(record)
    assert list(cleaned)[:3] == ["id", "scraped_at", "score"]
    assert cleaned["scraped_at"] is when and math.isnan(cleaned["score"])
    assert cleaned["paragraphs"] == newsdedup.clean(fixture("seed-webindia"))["paragraphs"]
    assert cleaned["lang"] == "en"
    body_only = newsdedup.clean_record({"title": "Mine", "text": "A line.\nA line.\n"}, no_header=True)
    assert body_only["title"] == "Mine" and body_only["date"] is None
    assert body_only["paragraphs"] == ["A line."]
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.clean_record(dict(record, title=3))
    assert (caught.value.kind, caught.value.field) == ("not_a_string", "title")
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.clean_record(dict(record, url="https://e.com/\nx"))
    assert (caught.value.kind, caught.value.field) == ("line_break", "url")


def test_a_bad_record_names_its_field_and_id():
    record = {"id": "abc", "title": "T", "date": "22 Jan 2022x", "url": "https://e.com", "text": "b"}
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.clean_record(record)
    error = caught.value
    assert (error.kind, error.field, error.id, error.line) == ("bad_date", "date", "abc", 1)
    assert str(error).startswith('record 1 (id "abc"): "date": ')
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.clean_record('{"title": "T"')
    assert caught.value.kind == "syntax"
    with pytest.raises(newsdedup.NewsdedupError) as caught:
        newsdedup.clean_record({"title": "T", "date": "20220122", "url": "https://e.com"})
    assert (caught.value.kind, caught.value.field) == ("missing", "text")


def test_header_layout_reads_the_lines_in_its_order_and_leaves_out_the_rest():
    text = "https://example.com/a\nTitle\n2022-01-22\nFirst one.Second one.\nSecond one.\n"
    article = newsdedup.clean(text, header="url,title,date")
    assert (article["title"], article["date"], article["url"]) == ("Title", "2022-01-22", "https://example.com/a")
    assert article["paragraphs"] == ["First one.", "Second one."]
    article = newsdedup.clean("Title\nhttps://example.com/a\nBody.\n", header="title,url")
    assert article["date"] is None
    with pytest.raises(newsdedup.NewsdedupError) as bad:
        newsdedup.clean("https://example.com/a\nTitle\n2022-13-22\nBody.\n", header="url,title,date")
    assert (bad.value.line, bad.value.kind) == (3, "bad_date")
    with pytest.raises(ValueError, match="appears more than once"):
        newsdedup.clean("Title\nBody.\n", header="title,title")
