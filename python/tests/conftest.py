"""Shared paths and helpers for the Python package's tests.

They run against the installed package (the wheel, in a virtual
environment that .ci/run makes), so `newsdedup` on PATH is the wheel's
script, and compare it with the library through the Python API.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

# The environment's bin/ first on PATH, as an activated one has it, so that
# `newsdedup`, `python` and `python3` in the recipes are the ones under test.
os.environ["PATH"] = f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
FIXTURES = ROOT / "fixtures"


def fixture(name: str) -> bytes:
    """The raw bytes of fixtures/NAME/input.txt."""
    return (FIXTURES / name / "input.txt").read_bytes()


def scraped_record(name: str, **extra) -> dict:
    """fixtures/NAME/input.txt as a JSON Lines record, bytes kept exact."""
    title, date, url, text = fixture(name).decode("utf-8").split("\n", 3)
    record = dict(extra)
    record.update(title=title.rstrip("\r"), date=date.rstrip("\r"), url=url.rstrip("\r"), text=text)
    return record


def command() -> str:
    """The `newsdedup` command the wheel installed: beside this Python's
    executable (a virtual environment's bin/), else on PATH."""
    beside = pathlib.Path(sys.executable).parent / "newsdedup"
    if beside.is_file():
        return str(beside)
    path = shutil.which("newsdedup")
    if path is None:
        pytest.fail("`newsdedup` is not on PATH: install the wheel first")
    return path


def run(*args, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([command(), *args], input=stdin, capture_output=True, check=False)


def jsonl(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
