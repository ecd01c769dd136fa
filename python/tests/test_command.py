"""The `newsdedup` command the wheel installs, and the package's files."""

import pathlib
import re
import subprocess
import sys

import newsdedup
from conftest import FIXTURES, ROOT, command, run


def test_version_is_the_crate_s():
    cargo = (ROOT / "Cargo.toml").read_text()
    version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    assert newsdedup.__version__ == version
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"newsdedup {version}"


def test_the_command_cleans_a_file_like_the_binary():
    result = run(str(FIXTURES / "seed-webindia/input.txt"))
    assert result.returncode == 0
    assert result.stdout == (FIXTURES / "seed-webindia/expected.txt").read_bytes()


def test_exit_status_and_messages_are_the_binary_s(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Title\n2022-13-45\nhttps://e.com/a\nBody.\n")
    result = run(str(bad))
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"newsdedup: {bad}:2: ")
    assert run("--check", str(FIXTURES / "seed-webindia/input.txt")).returncode == 1
    assert run("--no-such-flag").returncode == 2


def test_a_closed_pipe_ends_the_command_quietly():
    records = (FIXTURES / "seed-webindia/input.txt").read_text()
    pipeline = f"yes '' | head -c 0; {command()} --format jsonl {FIXTURES} | head -c 10"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", pipeline], capture_output=True)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) == 10
    assert result.stderr == b""
    assert records


def test_python_m_newsdedup_is_the_command_too():
    result = subprocess.run([sys.executable, "-m", "newsdedup", "--version"], capture_output=True)
    assert result.stdout.decode().startswith("newsdedup ")


def test_the_package_ships_type_stubs():
    package = pathlib.Path(newsdedup.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "__init__.pyi").is_file()
    stub = (package / "__init__.pyi").read_text()
    for name in newsdedup.__all__:
        assert name in stub, name
    for name in ["clean", "clean_record", "clean_many", "duplicates"]:
        assert getattr(newsdedup, name).__doc__, name
