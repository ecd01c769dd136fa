#!/usr/bin/env python3
"""Scores newsdedup's sentence splitting on multilingual cases through the
binary, as a user would: one JSONL record per case, cleaned with
`newsdedup --no-header --input-format jsonl --format jsonl`.

Usage: score_languages.py [--detect] [--bin PATH] [CASES.jsonl]

CASES holds {"lang", "text", "sentences"} per line (default:
tests/data/sentences_multilingual.jsonl). With --detect the "lang" field is
left out, so each case's language is detected. Prints each failure, a line
per language and `passed=N/M (P%)`.
"""
import collections
import json
import subprocess
import sys


def main(argv):
    detect = "--detect" in argv
    argv = [a for a in argv if a != "--detect"]
    binary = "target/release/newsdedup"
    if "--bin" in argv:
        i = argv.index("--bin")
        binary = argv[i + 1]
        del argv[i : i + 2]
    path = argv[0] if argv else "tests/data/sentences_multilingual.jsonl"
    cases = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    records = []
    for case in cases:
        record = {"text": case["text"]}
        if not detect:
            record["lang"] = case["lang"]
        records.append(json.dumps(record, ensure_ascii=False))
    out = subprocess.run(
        [binary, "--no-header", "--input-format", "jsonl", "--format", "jsonl"],
        input="\n".join(records) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    per_lang = collections.defaultdict(lambda: [0, 0])
    for case, line in zip(cases, out):
        got = [s for para in json.loads(line)["sentences"] for s in para]
        ok = got == case["sentences"]
        per_lang[case["lang"]][0] += ok
        per_lang[case["lang"]][1] += 1
        if not ok:
            print(f"FAIL {case['lang']}: {case['text']}\n  want {case['sentences']}\n  got  {got}")
    for lang, (ok, n) in sorted(per_lang.items()):
        print(f"{lang} {ok}/{n}")
    passed = sum(ok for ok, _ in per_lang.values())
    print(f"passed={passed}/{len(cases)} ({100 * passed / len(cases):.1f}%)")


if __name__ == "__main__":
    main(sys.argv[1:])
