//! Integration tests of `newsdedup --unique` (issue #14): one article of
//! each story written, with each output (`-o DIR`, `--format jsonl`, the
//! JSON Lines stream), the report of what was dropped and why, and the
//! combinations refused.

mod common;
use common::stories::{cascade, file, story};
use common::{newsdedup, tmp, write, Succeeds};
use std::fs;
use std::path::Path;

use serde_json::Value;

/// Story A complete, trimmed and re-scraped with the bug; story B once.
fn corpus(dir: &Path) {
    let a = story(1, 6);
    write(dir, "in/a_full.txt", file("A full", "20040102", &a));
    write(dir, "in/a_trim.txt", file("A trimmed", "20040101", &a[..3]));
    write(dir, "in/site/a_rescrape.txt", cascade("A", "20040103", &a));
    write(dir, "in/b.txt", file("B", "20040101", &story(2, 5)));
}

/// The cleaned text of one file, as `newsdedup FILE` prints it.
fn cleaned(dir: &Path, rel: &str) -> Vec<u8> {
    newsdedup(dir).arg(rel).quiet_stdout()
}

fn report(dir: &Path) -> Value {
    serde_json::from_slice(&fs::read(dir.join("r.json")).unwrap()).unwrap()
}

/// The report's rows as (dropped, kept) pairs.
fn drops(report: &Value) -> Vec<(String, String)> {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |v: &Value| v.as_str().unwrap().to_string();
            (s(&r["path"]), s(&r["copy_of"]))
        })
        .collect()
}

#[test]
fn unique_with_out_dir_writes_one_cleaned_file_per_story() {
    let dir = tmp();
    corpus(dir.path());
    newsdedup(dir.path())
        .args(["--unique", "-o", "out", "--report", "r.json", "in"])
        .assert()
        .success()
        .stdout("")
        .stderr("2 articles written to out, 2 copies dropped, among 4 articles\n");
    let mut written: Vec<String> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["a_full.txt", "b.txt"],
        "the complete copy is kept"
    );
    assert_eq!(
        fs::read(dir.path().join("out/a_full.txt")).unwrap(),
        cleaned(dir.path(), "in/a_full.txt")
    );
    let r = report(dir.path());
    assert_eq!(
        (r["mode"].as_str(), r["written"].as_u64()),
        (Some("unique"), Some(2))
    );
    assert_eq!(
        drops(&r),
        [
            ("in/a_trim.txt".to_string(), "in/a_full.txt".to_string()),
            (
                "in/site/a_rescrape.txt".to_string(),
                "in/a_full.txt".to_string()
            ),
        ]
    );
    assert_eq!(
        r["rows"][1]["kind"], "exact",
        "the re-scrape cleans to the same text"
    );
}

#[test]
fn unique_with_format_jsonl_prints_one_record_per_story_in_path_order() {
    let dir = tmp();
    corpus(dir.path());
    let out = newsdedup(dir.path())
        .args(["--unique", "--format", "jsonl", "-q", "in"])
        .quiet_stdout();
    let paths: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["in/a_full.txt", "in/b.txt"]);
}

/// Records of stories A and B: A trimmed first, then B, then A complete
/// and an exact copy of it, then C.
fn records() -> String {
    let (a, b, c) = (story(1, 6), story(2, 5), story(3, 4));
    let rec = |id: &str, ps: &[String]| {
        serde_json::json!({
            "id": id, "title": id, "date": "20040101", "url": "https://x", "text": ps.join("\n")
        })
        .to_string()
    };
    let shouted: Vec<String> = a.iter().map(|p| p.to_uppercase()).collect();
    [
        rec("a1", &a[..3]),
        rec("b", &b),
        rec("a2", &a),
        rec("a3", &shouted),
        rec("c", &c),
    ]
    .join("\n")
}

#[test]
fn unique_stream_keeps_the_first_occurrence_in_input_order() {
    let dir = tmp();
    write(dir.path(), "in.jsonl", records());
    let args = ["--unique", "--input-format", "jsonl", "--format", "jsonl"];
    let run = |jobs: &str| {
        newsdedup(dir.path())
            .args(args)
            .args(["-j", jobs, "--report", "r.json", "in.jsonl"])
            .assert()
            .success()
            .stderr("3 articles written, 2 copies dropped, among 5 articles\n")
            .get_output()
            .stdout
            .clone()
    };
    let out = run("1");
    assert_eq!(out, run("3"), "the same for any number of threads");
    let ids: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        ids,
        ["a1", "b", "c"],
        "the first of story A, though trimmed"
    );
    let pairs = drops(&report(dir.path()));
    assert_eq!(
        pairs,
        [
            ("a2".to_string(), "a1".to_string()),
            ("a3".to_string(), "a1".to_string())
        ]
    );
}

#[test]
fn unique_stream_from_stdin_writes_text_by_default() {
    let dir = tmp();
    let out = newsdedup(dir.path())
        .args(["--unique", "--input-format", "jsonl", "-q"])
        .write_stdin(records())
        .quiet_stdout();
    let titles: Vec<&str> = std::str::from_utf8(&out)
        .unwrap()
        .split("\n\n")
        .filter_map(|a| a.lines().next())
        .collect();
    assert_eq!(titles, ["a1", "b", "c"]);
}

#[test]
fn unique_needs_somewhere_to_write_and_out_dir_needs_unique() {
    let dir = tmp();
    corpus(dir.path());
    let refused = |args: &[&str], says: &str| {
        newsdedup(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says.to_string()));
    };
    refused(&["--unique", "in"], "hint: add -o DIR");
    refused(&["--duplicates", "-o", "out", "in"], "hint: add --unique");
    refused(
        &["--unique", "--input-format", "jsonl", "-o", "out"],
        "takes no --out-dir",
    );
    refused(&["--unique", "--check", "in"], "cannot be used with");
    assert!(!dir.path().join("out").exists());
}

/// Story A, then `fillers` other stories, then A again and a copy of the
/// last of them.
fn a_long_stream(fillers: u64) -> String {
    let rec = |id: String, ps: &[String]| {
        serde_json::json!({
            "id": id, "title": "T", "date": "20040101", "url": "https://x", "text": ps.join("\n")
        })
        .to_string()
    };
    let a = story(1, 8);
    let mut lines = vec![rec("a1".into(), &a)];
    for seed in 0..fillers {
        lines.push(rec(format!("f{seed}"), &story(100 + seed, 8)));
    }
    lines.push(rec("a2".into(), &a));
    lines.push(rec("last".into(), &story(100 + fillers - 1, 8)));
    lines.join("\n")
}

#[test]
fn unique_stream_past_memory_forgets_the_oldest_and_writes_their_copies_again() {
    let dir = tmp();
    // 400 stories of 240 words: over 1 MiB at 12 bytes a word.
    write(dir.path(), "in.jsonl", a_long_stream(400));
    let run = |memory: &[&str]| {
        let out = newsdedup(dir.path())
            .args(["--unique", "--input-format", "jsonl", "--format", "jsonl"])
            .args(memory)
            .args(["--report", "r.json", "in.jsonl"])
            .assert()
            .success()
            .get_output()
            .clone();
        let ids: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].to_string())
            .collect();
        (
            ids,
            String::from_utf8(out.stderr).unwrap(),
            report(dir.path()),
        )
    };
    let (ids, stderr, r) = run(&[]);
    assert_eq!(ids.len(), 401, "{stderr}");
    assert!(!ids.contains(&"\"a2\"".to_string()));
    assert_eq!(r["forgotten"], 0);
    assert!(!stderr.contains("forgotten"));

    let (ids, stderr, r) = run(&["--memory", "1"]);
    assert_eq!(ids.len(), 402, "a2 written again: {stderr}");
    assert!(ids.contains(&"\"a2\"".to_string()));
    assert!(
        !ids.contains(&"\"last\"".to_string()),
        "a recent copy is still dropped"
    );
    let forgotten = r["forgotten"].as_u64().unwrap();
    assert!((1..400).contains(&forgotten), "{forgotten}");
    assert!(stderr.contains(&format!(
        "{forgotten} kept articles forgotten to stay within --memory"
    )));
}

#[test]
fn memory_is_for_the_stream_of_records_only() {
    let dir = tmp();
    corpus(dir.path());
    newsdedup(dir.path())
        .args(["--unique", "--format", "jsonl", "--memory", "64", "in"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("hint: drop --memory"));
    newsdedup(dir.path())
        .args(["--duplicates", "--input-format", "jsonl", "--memory", "64"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--unique"));
    newsdedup(dir.path())
        .args(["--unique", "--input-format", "jsonl", "--memory", "0"])
        .assert()
        .code(2);
}
