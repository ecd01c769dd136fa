//! Integration tests of the JSON Lines filter (`--input-format jsonl`): the
//! promises pipelines rely on. Records come out in input order for any
//! thread count, carried fields are untouched, a bad record is reported by
//! its line and skipped while the others come out, a record cleans exactly
//! as the same article as a text file, and memory stays flat however long
//! the stream.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{json, Value};
use tempfile::TempDir;

mod common;
use common::{read_then_close, spawn_piped, Succeeds};

/// A record whose text is a suffix cascade of three paragraphs, as the
/// buggy scraper writes it, with an `id` and a nested object to carry.
fn record(i: usize) -> String {
    let ps: Vec<String> = (0..3)
        .map(|k| format!("Paragraph {k} of record {i} says one more thing."))
        .collect();
    let text = format!("{}\n{}\n{}", ps.concat(), ps[1..].concat(), ps[2]);
    json!({
        "id": i,
        "meta": {"source": "test", "tags": ["a", "b"]},
        "title": format!("Title {i}"),
        "date": "20220122",
        "url": format!("https://example.com/{i}"),
        "text": text,
    })
    .to_string()
}

fn stream(n: usize) -> String {
    (0..n).map(|i| record(i) + "\n").collect()
}

/// The binary, run in `dir`, as a JSONL filter.
fn filter(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsdedup").unwrap();
    cmd.current_dir(dir)
        .args(["--input-format", "jsonl", "--format", "jsonl"]);
    cmd
}

fn lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(stdout: &[u8]) -> Vec<u64> {
    lines(stdout)
        .iter()
        .map(|v| v["id"].as_u64().unwrap())
        .collect()
}

#[test]
fn records_come_out_in_input_order_whatever_the_thread_count() {
    let dir = TempDir::new().unwrap();
    let input = stream(3000);
    let one = filter(dir.path())
        .arg("-j1")
        .write_stdin(input.clone())
        .quiet_stdout();
    let four = filter(dir.path()).arg("-j4").write_stdin(input).ok_stdout();
    assert_eq!(ids(&one), (0..3000).collect::<Vec<u64>>());
    assert!(one == four, "-j1 and -j4 differ");
}

#[test]
fn carried_fields_pass_through_byte_for_byte_before_the_cleaned_ones() {
    let dir = TempDir::new().unwrap();
    // Key order, a number no f64 holds, an exponent, escapes and spacing
    // inside a nested object: all kept as written.
    let input = concat!(
        r#"{"id": "a-1", "big": 123456789012345678901234567890, "nested": {"z": 1e5, "a": [true, null], "s": "caf\u00e9 \"q\""}, "#,
        r#""title": "T", "date": "20220122", "url": "https://example.com/a", "text": "One.Two.\nTwo.", "#,
        r#""after": {"k": []}, "stats": "dropped: the cleaned stats win"}"#,
        "\n"
    );
    let out = filter(dir.path()).write_stdin(input).ok_stdout();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with(concat!(
            r#"{"id":"a-1","big":123456789012345678901234567890,"nested":{"z": 1e5, "a": [true, null], "s": "caf\u00e9 \"q\""},"#,
            r#""after":{"k": []},"title":"T","date":"2022-01-22","url":"https://example.com/a","lang":null,"paragraphs":["One.","Two."],"#
        )),
        "{out}"
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["stats"]["paragraphs"], 2);
    assert!(
        v.get("text").is_none(),
        "the raw text is replaced by paragraphs"
    );
}

#[test]
fn a_bad_record_in_the_middle_is_reported_by_line_and_skipped_and_the_run_exits_2() {
    let dir = TempDir::new().unwrap();
    let bad_date = json!({"id": 3, "title": "T", "date": "2022-13-22",
                          "url": "https://example.com/x", "text": "Body."});
    let input = [
        record(1),
        record(2),
        String::new(), // blank lines are skipped, but counted
        bad_date.to_string(),
        "{\"id\": 4, \"title\": ".to_string(),
        "[1, 2]".to_string(),
        json!({"id": 6, "title": "T", "date": "20220122", "url": "https://e.com/"}).to_string(),
        record(7),
    ]
    .join("\n");
    let assert = filter(dir.path()).write_stdin(input).assert().code(2);
    let output = assert.get_output();
    assert_eq!(ids(&output.stdout), [1, 2, 7]);
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 4, "{stderr}");
    // With its "id", as written, when the record has one (issue 16).
    assert!(errors[0].starts_with(
        "newsdedup: <stdin>:4 (id 3): \"date\": expected a date, found \"2022-13-22\""
    ));
    assert!(errors[1].starts_with("newsdedup: <stdin>:5: not valid JSON: EOF while parsing"));
    assert!(errors[2].starts_with("newsdedup: <stdin>:6: expected a JSON object, found an array"));
    assert!(errors[3].starts_with("newsdedup: <stdin>:7 (id 6): the record has no \"text\" field"));
    assert!(errors.iter().all(|e| e.contains(" (hint: ")), "{stderr}");
}

#[test]
fn a_bad_record_is_named_by_its_string_id_and_a_long_id_is_cut() {
    let dir = TempDir::new().unwrap();
    let long = "x".repeat(200);
    let input = [
        json!({"id": "a-17", "title": "T", "date": "bad", "url": "https://e.com/", "text": "B."}),
        json!({"id": long, "title": "T", "date": "bad", "url": "https://e.com/", "text": "B."}),
        json!({"id": null, "title": "T", "date": "bad", "url": "https://e.com/", "text": "B."}),
    ]
    .map(|r| r.to_string())
    .join("\n");
    let assert = filter(dir.path()).write_stdin(input).assert().code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let errors: Vec<&str> = stderr.lines().collect();
    assert!(
        errors[0].starts_with("newsdedup: <stdin>:1 (id \"a-17\"): \"date\": "),
        "{stderr}"
    );
    let cut = format!("newsdedup: <stdin>:2 (id \"{}…): ", "x".repeat(79));
    assert!(errors[1].starts_with(&cut), "{stderr}");
    assert!(errors[2].starts_with("newsdedup: <stdin>:3: "), "{stderr}");
}

#[test]
fn files_are_read_in_order_and_errors_name_the_file_and_line() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.jsonl"), stream(2)).unwrap();
    fs::write(
        dir.path().join("b.jsonl"),
        format!("{}\nnot json\n{}\n", record(10), record(11)),
    )
    .unwrap();
    let assert = filter(dir.path())
        .args(["b.jsonl", "missing.jsonl", "a.jsonl"])
        .assert()
        .code(2);
    let output = assert.get_output();
    assert_eq!(ids(&output.stdout), [10, 11, 0, 1]);
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(
        stderr.contains("newsdedup: b.jsonl:2: not valid JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("newsdedup: missing.jsonl: cannot read"),
        "{stderr}"
    );
}

#[test]
fn text_output_writes_each_article_followed_by_an_empty_line() {
    let dir = TempDir::new().unwrap();
    let mut cmd = Command::cargo_bin("newsdedup").unwrap();
    let out = cmd
        .current_dir(dir.path())
        .args(["--input-format", "jsonl"])
        .write_stdin(stream(2))
        .ok_stdout();
    let text = String::from_utf8(out).unwrap();
    let articles: Vec<&str> = text.split_terminator("\n\n").collect();
    assert_eq!(articles.len(), 2);
    assert_eq!(
        articles[1],
        "Title 1\n20220122\nhttps://example.com/1\n\
         Paragraph 0 of record 1 says one more thing.\n\
         Paragraph 1 of record 1 says one more thing.\n\
         Paragraph 2 of record 1 says one more thing."
    );
}

#[test]
fn no_header_reads_text_only_and_carries_the_rest() {
    let dir = TempDir::new().unwrap();
    let out = filter(dir.path())
        .arg("--no-header")
        .write_stdin("{\"title\": \"kept as is\", \"text\": \"A one.B two.\\nB two.\"}\n")
        .ok_stdout();
    let v = &lines(&out)[0];
    assert_eq!(v["title"], "kept as is");
    assert_eq!(v["url"], Value::Null);
    assert_eq!(v["paragraphs"], json!(["A one.", "B two."]));
}

#[test]
fn batch_modes_and_report_are_refused_with_a_hint() {
    let dir = TempDir::new().unwrap();
    for args in [
        &["--check", "x.jsonl"][..],
        &["-i", "x.jsonl"],
        &["--report", "r.json"],
    ] {
        filter(dir.path())
            .args(args)
            .write_stdin(stream(1))
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("(hint: "));
    }
}

/// The scraped files of the golden fixtures and, when `../shared` is
/// present, of the dev corpus.
fn scraped_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path().join("input.txt"))
        .filter(|p| p.is_file())
        .collect();
    let dev = root.join("../shared/corpus/dev");
    if let Ok(dirs) = fs::read_dir(&dev) {
        for d in dirs.flatten().filter(|d| d.path().is_dir()) {
            files.extend(
                fs::read_dir(d.path())
                    .unwrap()
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "txt")),
            );
        }
    } else {
        eprintln!("{} not found: fixtures only", dev.display());
    }
    files.sort();
    files
}

/// The same article as a record: the three header lines, then the rest of
/// the file, byte for byte, as `text`; `path` is carried.
fn as_record(path: &Path) -> (String, bool) {
    let raw = fs::read_to_string(path).unwrap();
    let mut rest = raw.as_str();
    let mut header = Vec::new();
    for _ in 0..3 {
        let (line, after) = rest.split_once('\n').unwrap();
        header.push(line.strip_suffix('\r').unwrap_or(line));
        rest = after;
    }
    let crlf = raw.split('\n').take(3).any(|l| l.ends_with('\r'));
    let record = json!({"path": path.to_string_lossy(), "title": header[0],
                        "date": header[1], "url": header[2], "text": rest});
    (record.to_string(), crlf)
}

#[test]
fn a_record_cleans_to_the_same_article_as_its_text_file() {
    let dir = TempDir::new().unwrap();
    let files = scraped_files();
    assert!(files.len() >= 20);
    // Text mode: one JSON Lines row per file, with its path, in path order.
    let mut cmd = Command::cargo_bin("newsdedup").unwrap();
    let text_mode = cmd
        .current_dir(dir.path())
        .args(["--format", "jsonl", "-q"])
        .args(&files)
        .ok_stdout();
    let records: Vec<(String, bool)> = files.iter().map(|f| as_record(f)).collect();
    let input: String = records.iter().map(|(r, _)| format!("{r}\n")).collect();
    let jsonl_mode = filter(dir.path()).write_stdin(input).ok_stdout();
    let text_mode = String::from_utf8(text_mode).unwrap();
    let jsonl_mode = String::from_utf8(jsonl_mode).unwrap();
    let pairs: Vec<(&str, &str)> = text_mode.lines().zip(jsonl_mode.lines()).collect();
    assert_eq!(pairs.len(), files.len());
    for ((text_line, jsonl_line), (_, crlf)) in pairs.into_iter().zip(&records) {
        if *crlf {
            // The CRs of the header lines are not in the record, so only
            // the byte counts differ.
            let mut a: Value = serde_json::from_str(text_line).unwrap();
            let mut b: Value = serde_json::from_str(jsonl_line).unwrap();
            a.as_object_mut().unwrap().remove("stats");
            b.as_object_mut().unwrap().remove("stats");
            assert_eq!(a, b);
        } else {
            // Same path (carried), same article, same statistics.
            assert_eq!(text_line, jsonl_line);
        }
    }
}

/// Peak resident memory of a running process, in KiB.
#[cfg(target_os = "linux")]
fn peak_rss_kib(pid: u32) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
}

/// Streams `n` records, each with a 1 KiB carried field, through the filter
/// and returns the child's peak memory in KiB and the bytes it was sent.
/// The records are made on the fly, so the test never holds the stream.
#[cfg(target_os = "linux")]
fn stream_through(n: usize) -> (u64, u64) {
    let mut child = spawn_piped(&["--input-format", "jsonl", "--format", "text"]);
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        let mut newlines = 0u64;
        loop {
            match stdout.read(&mut buf).unwrap() {
                0 => return newlines,
                k => newlines += buf[..k].iter().filter(|&&b| b == b'\n').count() as u64,
            }
        }
    });
    let blob = "x".repeat(1024);
    let mut sent = 0u64;
    let mut batch = String::new();
    for i in 0..n {
        let mut r = record(i);
        r.insert_str(1, &format!("\"blob\":\"{blob}\","));
        batch.push_str(&r);
        batch.push('\n');
        if batch.len() > 1 << 16 {
            stdin.write_all(batch.as_bytes()).unwrap();
            sent += batch.len() as u64;
            batch.clear();
        }
    }
    stdin.write_all(batch.as_bytes()).unwrap();
    sent += batch.len() as u64;
    // All but the last round or two has gone through: the high-water mark
    // has seen the stream.
    let peak = peak_rss_kib(child.id());
    drop(stdin);
    let newlines = reader.join().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(child.wait().unwrap().success(), "{stderr}");
    // Six lines and an empty one per article.
    assert_eq!(newlines, 7 * n as u64);
    (peak, sent)
}

#[cfg(target_os = "linux")]
#[test]
fn memory_stays_flat_on_a_long_stream() {
    let (small, _) = stream_through(2_000);
    let (large, sent) = stream_through(40_000);
    eprintln!("peak RSS: {small} KiB for 2,000 records, {large} KiB for 40,000 ({sent} bytes)");
    // Holding the stream would cost its size; a round of records is a few MiB.
    assert!(large < small + 16 * 1024, "{large} KiB vs {small} KiB");
    assert!(large * 1024 < sent / 2, "{large} KiB for {sent} bytes");
}

/// The full-size check: 200,000 records, about 290 MB: 20 s or more in a
/// debug build, so run on demand: `cargo test --test jsonl -- --ignored`.
#[cfg(target_os = "linux")]
#[test]
#[ignore]
fn memory_stays_flat_on_200k_records() {
    let (large, sent) = stream_through(200_000);
    eprintln!("peak RSS: {large} KiB for 200,000 records ({sent} bytes)");
    assert!(large < 64 * 1024, "{large} KiB");
}

#[test]
fn a_closed_stdout_ends_the_filter_quietly() {
    let mut child = spawn_piped(&["--input-format", "jsonl", "--format", "jsonl"]);
    let mut stdin = child.stdin.take().unwrap();
    // The writer keeps the input open after stdout closes: the filter must
    // still end at once, not wait for more input.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(stream(5000).as_bytes());
        std::thread::sleep(std::time::Duration::from_secs(5));
    });
    let (first, status, stderr) = read_then_close(&mut child, 7);
    assert_eq!(first, b"{\"id\":0");
    assert!(status.success(), "{status:?}: {stderr}");
    assert_eq!(stderr, "");
    assert!(
        !writer.is_finished(),
        "the filter waited for its input to close"
    );
    writer.join().unwrap();
}
