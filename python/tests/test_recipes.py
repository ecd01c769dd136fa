"""The README's and --help's recipes, run as written (issue 16).

Shell lines are taken from the README (or --help) and run by bash in a
scratch directory that holds `corpus/` (some fixtures) and `examples/`
(a link to the checkout's), with the wheel's `newsdedup` first on PATH.
Python blocks of the README are either excerpts of an `examples/` script
(checked line for line) or run as they are from the top of the checkout.
A recipe whose tool is missing here (GNU parallel, pyspark and java,
pandas, datasets) is skipped, and pytest -rs says which.
"""

import importlib.util
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stdout

import pytest

from conftest import FIXTURES, ROOT, command, run

README = (ROOT / "README.md").read_text(encoding="utf-8")
CORPUS = ["seed-webindia", "crlf", "unicode-text", "suffix-shuffled", "window-3",
          "near-entities-interview-qa", "no-final-newline", "long-article"]


def blocks(lang):
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def block_with(line, lang="sh", text=README):
    """The lines of the README's block that holds `line`."""
    for block in re.findall(rf"```{lang}\n(.*?)```", text, re.S):
        lines = block.splitlines()
        if line in lines:
            return lines
    pytest.fail(f"no {lang} block holds {line!r}")


def sh(line, cwd, env=None):
    result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", line], cwd=cwd,
                            capture_output=True, env=env)
    return result


@pytest.fixture
def scratch(tmp_path):
    corpus = tmp_path / "corpus"
    for name in CORPUS:
        (corpus / name).mkdir(parents=True)
        shutil.copy(FIXTURES / name / "input.txt", corpus / name / "input.txt")
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    stream = block_with("python3 examples/make_stream.py corpus/ in.jsonl")
    for line in stream:
        result = sh(line, tmp_path)
        assert result.returncode == 0, (line, result.stderr)
    return tmp_path


def records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_stream_recipe_cleans_each_file_as_file_mode_does(scratch):
    out = records(scratch / "out.jsonl")
    assert [r["id"] for r in out] == [f"{name}/input.txt" for name in sorted(CORPUS)]
    for r in out:
        as_file = json.loads(run("--format", "json", str(scratch / "corpus" / r["id"])).stdout)
        assert r["paragraphs"] == as_file["paragraphs"], r["id"]
        data = (scratch / "corpus" / r["id"]).read_bytes()
        # Bytes exact but for the header's line endings, one byte each here.
        header_crs = sum(1 for line in data.split(b"\n", 3)[:3] if line.endswith(b"\r"))
        assert r["stats"]["input_bytes"] == len(data) - header_crs, r["id"]
        assert {k: v for k, v in r["stats"].items() if k != "input_bytes" and k != "removed_bytes"} == {
            k: v for k, v in as_file["stats"].items() if k != "input_bytes" and k != "removed_bytes"}


def test_make_stream_skips_and_reports_bad_files_and_writes_whole(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"T\r\n20220122\r\nhttps://e.com/a\r\nOne.\r\nTwo.\r\n")
    (corpus / "header-only.txt").write_bytes(b"T\n20220122\nhttps://e.com/b")
    (corpus / "latin1.txt").write_bytes(b"T\n20220122\nhttps://e.com/c\nCaf\xe9.\n")
    (corpus / "lone-cr.txt").write_bytes(b"T\r20220122\rhttps://e.com/d\rOne.\rTwo.\r")
    (corpus / ".hidden.txt").write_bytes(b"T\n20220122\nhttps://e.com/e\nHidden.\n")
    out = tmp_path / "deep" / "in.jsonl"
    result = subprocess.run([sys.executable, str(ROOT / "examples/make_stream.py"), str(corpus), str(out)],
                            capture_output=True)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert f"{corpus / 'header-only.txt'}: skipped: only 3 line(s)" in stderr
    assert f"{corpus / 'latin1.txt'}: skipped: not UTF-8 (byte offset 30)" in stderr
    assert "2 records written, 2 files skipped" in stderr
    got = records(out)
    assert [r["id"] for r in got] == ["a.txt", "lone-cr.txt"]
    assert got[0]["text"] == "One.\r\nTwo.\r\n" and got[0]["title"] == "T"
    assert got[1]["text"] == "One.\rTwo.\r"
    assert [p.name for p in out.parent.iterdir()] == ["in.jsonl"]


@pytest.mark.skipif(shutil.which("parallel") is None, reason="GNU parallel is not installed")
def test_the_parallel_recipes_give_the_one_process_output(scratch):
    expected = (scratch / "out.jsonl").read_bytes()
    lines = block_with("parallel --pipe --block 10M -k newsdedup --input-format jsonl --format jsonl < in.jsonl > out.jsonl")
    assert len(lines) == 2
    for line in lines:
        (scratch / "out.jsonl").unlink()
        result = sh(line, scratch)
        assert result.returncode == 0, result.stderr
        assert result.stderr == b"", "no warning about the block size"
        assert (scratch / "out.jsonl").read_bytes() == expected
    help_text = run("--help").stdout.decode().replace("\\\n", "")
    line = next(l.strip() for l in help_text.splitlines() if l.strip().startswith("parallel --pipe"))
    assert line.endswith("< in.jsonl > out.jsonl")
    (scratch / "out.jsonl").unlink()
    result = sh(line, scratch)
    assert (result.returncode, result.stderr) == (0, b"")
    assert (scratch / "out.jsonl").read_bytes() == expected


def has(module):
    return importlib.util.find_spec(module) is not None


@pytest.mark.skipif(not has("pyspark") or shutil.which("java") is None,
                    reason="pyspark or java is not installed")
def test_the_spark_recipe_runs_as_a_script_twice_and_says_what_check_code_does(scratch):
    expected = (scratch / "out.jsonl").read_bytes()
    line = "python3 examples/spark_clean.py in.jsonl out/"
    assert line in block_with(line)
    for _ in range(2):  # the second run replaces out/
        result = sh(line, scratch)
        assert result.returncode == 0, result.stderr[-2000:]
        parts = sorted((scratch / "out").glob("part-*"))
        assert b"".join(p.read_bytes() for p in parts) == expected
    bad = scratch / "bad.jsonl"
    bad.write_text((scratch / "in.jsonl").read_text() + json.dumps(
        {"id": "bad-1", "title": "T", "date": "x", "url": "https://e.com", "text": "B."}) + "\n")
    result = sh("python3 examples/spark_clean.py bad.jsonl bad-out/", scratch)
    assert result.returncode == 0
    assert b'(id "bad-1"): "date": ' in result.stderr
    assert len(b"".join(p.read_bytes() for p in (scratch / "bad-out").glob("part-*")).splitlines()) == len(CORPUS)
    result = sh("python3 examples/spark_clean.py bad.jsonl strict-out/ --check-code", scratch)
    assert result.returncode == 1 and b"spark_clean: the job failed" in result.stderr
    assert not (scratch / "strict-out" / "_SUCCESS").exists()
    help_text = run("--help").stdout.decode()
    pipe = re.search(r'rdd\.pipe\((".*?",)\s+\(Spark\)\s+(env=\{.*?\})\)', help_text)
    assert pipe.groups() == ('"newsdedup --input-format jsonl --format jsonl",',
                             'env={"PATH": os.environ["PATH"]}')


DUPS_DEV = ROOT.parent / "shared" / "corpus" / "dups-dev"


@pytest.mark.skipif(not has("pyspark") or shutil.which("java") is None,
                    reason="pyspark or java is not installed")
@pytest.mark.skipif(not DUPS_DEV.is_dir(), reason="../shared/corpus/dups-dev is not there")
def test_the_spark_duplicates_recipe_prints_the_groups_of_duplicates_line_for_line():
    line = "python3 ../shared/tools/score_dups.py ../shared/corpus/dups-dev -- python3 examples/spark_duplicates.py"
    assert line in block_with(line)
    env = dict(os.environ, NEWSDEDUP=command())
    spark = subprocess.run([sys.executable, str(ROOT / "examples/spark_duplicates.py"), str(DUPS_DEV)],
                           capture_output=True, env=env)
    assert spark.returncode == 0, spark.stderr[-2000:]
    expected = run("--duplicates", "-q", str(DUPS_DEV)).stdout.decode()
    # newsdedup names files by the path it was given, the recipe by the path under it.
    expected = expected.replace(json.dumps(str(DUPS_DEV) + os.sep)[:-1], '"')
    got = spark.stdout.decode()
    assert len(got.splitlines()) == len(expected.splitlines()) > 200
    # Line for line: the same groups, the same kept article, similarities and kinds.
    assert got == expected


@pytest.mark.parametrize("script,module", [("pandas_clean.py", "pandas"), ("datasets_clean.py", "datasets")])
def test_the_dataframe_examples(scratch, script, module):
    if not has(module):
        pytest.skip(f"{module} is not installed")
    line = f"python3 examples/{script} in.jsonl out.jsonl"
    assert line in README
    (scratch / "out.jsonl").unlink()
    result = sh(line, scratch)
    assert result.returncode == 0, result.stderr[-2000:]
    got = records(scratch / "out.jsonl")
    assert [r["id"] for r in got] == [f"{name}/input.txt" for name in sorted(CORPUS)]
    first = newsdedup_paragraphs(scratch / "corpus" / got[0]["id"])
    if module == "pandas":
        assert got[0]["text"] == "\n".join(first)
    else:
        assert got[0]["paragraphs"] == first and got[0]["error"] is None


def newsdedup_paragraphs(path):
    import newsdedup
    return newsdedup.clean(path.read_bytes())["paragraphs"]


def test_every_readme_python_block_is_an_example_s_code_or_runs():
    examples = {p: [l.strip() for l in p.read_text().splitlines()] for p in (ROOT / "examples").glob("*.py")}
    for block in blocks("python"):
        lines = [l.strip() for l in block.splitlines()]
        n = len(lines)
        if any(any(body[i:i + n] == lines for i in range(len(body) - n + 1)) for body in examples.values()):
            continue
        out = io.StringIO()
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            with redirect_stdout(out):
                exec(compile(block, "README.md", "exec"), {})
        finally:
            os.chdir(cwd)
        assert "First one here." in out.getvalue() and "bad_date" in out.getvalue(), out.getvalue()


def test_the_python_section_s_check_runs_as_written():
    check = ("python -c \"import newsdedup; print(newsdedup.clean(open('fixtures/seed-webindia/"
             "input.txt').read())['paragraphs'][0])\"")
    lines = block_with(check)
    assert lines[-2:] == ["newsdedup --version", check]
    for line in lines[-2:]:
        result = sh(line, ROOT)
        assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("On Friday, US President Joe Biden")


def test_the_install_lines_write_the_man_page_and_completions(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path))
    lines = block_with("mkdir -p ~/.zfunc")
    for line in lines:
        result = sh(line, tmp_path, env)
        assert result.returncode == 0, (line, result.stderr)
    assert (tmp_path / ".local/share/man/man1/newsdedup.1").read_text().startswith(".ie")
    assert "#compdef newsdedup" in (tmp_path / ".zfunc/_newsdedup").read_text()
    assert (tmp_path / ".config/fish/completions/newsdedup.fish").stat().st_size > 0
    # --help's lines write under /usr/local and /etc: run here under tmp_path.
    help_text = run("--help").stdout.decode()
    install = help_text.split("Install the man page and completions:\n")[1].split("\n\n")[0]
    for line in install.splitlines():
        line = line.strip().replace("/usr/local/", f"{tmp_path}/usr/local/").replace("/etc/", f"{tmp_path}/etc/")
        result = sh(line, tmp_path)
        assert result.returncode == 0, (line, result.stderr)
    assert (tmp_path / "usr/local/share/man/man1/newsdedup.1").is_file()
    assert (tmp_path / "etc/bash_completion.d/newsdedup").is_file()


@pytest.mark.skipif(not (ROOT / "target/release/newsdedup").is_file(),
                    reason="target/release/newsdedup is not built")
def test_the_speed_measurement_runs_as_written():
    line = "NEWSDEDUP=target/release/newsdedup python3 examples/bench_python.py --repeat 5"
    assert line in block_with(line)
    result = sh(line, ROOT)
    assert result.returncode == 0, result.stderr
    table = result.stdout.decode()
    for way in ["binary per file", "clean()", "clean_many()", "binary, stream"]:
        assert f"| {way} |" in table
