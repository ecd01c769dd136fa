//! Integration tests of `newsdedup --duplicates` (issue #14): exact copies,
//! each kind of near copy (trimmed, reordered, edited, updated, re-scraped),
//! each trap (a footer shared by many short stories, a roundup quoting
//! other stories, stories on the same topic), the output contract, `--check`
//! exit codes and determinism across thread counts; and, when `../shared`
//! is present, the quality gate on dups-dev.

mod common;
use common::stories::{cascade, file, story};
use common::{newsdedup, tmp, write, Succeeds};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The groups printed, each as the set of its paths (keep first).
fn groups(stdout: &[u8]) -> Vec<Vec<String>> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| {
            let g: Value = serde_json::from_str(l).unwrap();
            let mut v = vec![g["keep"].as_str().unwrap().to_string()];
            for c in g["copies"].as_array().unwrap() {
                v.push(c["path"].as_str().unwrap().to_string());
            }
            v
        })
        .collect()
}

fn as_sets(gs: &[Vec<String>]) -> BTreeSet<BTreeSet<String>> {
    gs.iter().map(|g| g.iter().cloned().collect()).collect()
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

#[test]
fn exact_copies_are_one_group_of_kind_exact() {
    let dir = tmp();
    let s = story(1, 6);
    write(dir.path(), "a.txt", file("Title", "20040101", &s));
    let shouted: Vec<String> = s
        .iter()
        .map(|p| p.to_uppercase().replace(' ', "  "))
        .collect();
    write(
        dir.path(),
        "b.txt",
        file("Other title", "20040102", &shouted),
    );
    write(
        dir.path(),
        "c.txt",
        file("Unrelated", "20040101", &story(2, 6)),
    );
    let out = newsdedup(dir.path())
        .args(["--duplicates", "-q", "."])
        .quiet_stdout();
    let line = String::from_utf8(out).unwrap();
    let g: Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(g["keep"], "./a.txt", "same text: the earliest date is kept");
    assert_eq!(g["copies"][0]["path"], "./b.txt");
    assert_eq!(g["copies"][0]["kind"], "exact");
    assert_eq!(g["copies"][0]["similarity"], 1.0);
    assert_eq!(line.lines().count(), 1);
}

/// One story and a copy of each kind, plus an unrelated story.
fn near_copies(dir: &Path) {
    let s = story(10, 8);
    write(
        dir,
        "orig.txt",
        file("Halifax says prices rebound", "20040519", &s),
    );
    // Trimmed to its first three paragraphs, under a site footer.
    let mut trimmed = s[..3].to_vec();
    trimmed.push("Follow Example News on every network for more.".into());
    write(
        dir,
        "trimmed.txt",
        file("Prices rebound", "20040520", &trimmed),
    );
    // Paragraphs in another order.
    let mut reordered = s.clone();
    reordered.reverse();
    write(
        dir,
        "reordered.txt",
        file("Prices rebound says Halifax", "20040519", &reordered),
    );
    // Edited: "said" to "stated", "rose" to "increased", a dateline.
    let mut edited: Vec<String> = s
        .iter()
        .map(|p| {
            p.replace(" said ", " stated ")
                .replace(" rose ", " increased ")
        })
        .collect();
    edited[0] = format!("LONDON (Reuters) - {}", edited[0]);
    write(
        dir,
        "edited.txt",
        file("UPDATE 1-Halifax", "20040520", &edited),
    );
    // Updated: the story, then as many new paragraphs again.
    let mut updated = s.clone();
    updated.extend(story(11, 8));
    write(
        dir,
        "updated.txt",
        file("Halifax: more", "20040521", &updated),
    );
    // Re-scraped with the repeated-paragraph bug.
    write(dir, "rescraped.txt", cascade("Halifax", "20040519", &s));
    write(dir, "other.txt", file("Other", "20040519", &story(12, 8)));
}

#[test]
fn each_kind_of_near_copy_joins_the_story() {
    let dir = tmp();
    near_copies(dir.path());
    let out = newsdedup(dir.path())
        .args(["--duplicates", "-q", "."])
        .quiet_stdout();
    let gs = groups(&out);
    assert_eq!(
        as_sets(&gs),
        BTreeSet::from([set(&[
            "./orig.txt",
            "./trimmed.txt",
            "./reordered.txt",
            "./edited.txt",
            "./updated.txt",
            "./rescraped.txt",
        ])])
    );
    assert_eq!(gs[0][0], "./updated.txt", "the most complete text is kept");
}

#[test]
fn keep_selects_which_copy_is_kept() {
    let dir = tmp();
    near_copies(dir.path());
    let kept = |how: &str| {
        let out = newsdedup(dir.path())
            .args(["--duplicates", "-q", "--keep", how, "."])
            .ok_stdout();
        groups(&out)[0][0].clone()
    };
    assert_eq!(kept("first"), "./edited.txt");
    assert_eq!(
        kept("earliest"),
        "./orig.txt",
        "then the most complete, then the path"
    );
    assert_eq!(kept("longest"), "./updated.txt");
}

#[test]
fn a_footer_shared_by_many_short_stories_does_not_chain_them() {
    let dir = tmp();
    let footer = "We use cookies and similar technologies to improve your experience, to \
                  show you personalised content and advertising, and to analyse our \
                  traffic. By continuing to use this site you agree to our use of cookies.";
    for i in 0..40 {
        let mut p = story(100 + i, 1);
        p.push(footer.to_string());
        write(
            dir.path(),
            &format!("s{i:02}.txt"),
            file(&format!("Brief {i}"), "20040101", &p),
        );
    }
    newsdedup(dir.path())
        .args(["--duplicates", "."])
        .assert()
        .success()
        .stdout("")
        .stderr("0 groups, 0 copies among 40 articles\n");
}

#[test]
fn a_roundup_quoting_two_paragraphs_of_stories_is_not_a_copy() {
    let dir = tmp();
    let a = story(20, 8);
    let b = story(21, 8);
    write(dir.path(), "a.txt", file("Story A", "20040101", &a));
    write(dir.path(), "b.txt", file("Story B", "20040101", &b));
    let mut roundup = story(22, 2);
    roundup.extend_from_slice(&a[2..4]);
    roundup.extend_from_slice(&b[5..7]);
    write(
        dir.path(),
        "roundup.txt",
        file("In other news", "20040102", &roundup),
    );
    // Two paragraphs of A and three of its own.
    let mut quoting = story(23, 3);
    quoting.extend_from_slice(&a[..2]);
    write(
        dir.path(),
        "quoting.txt",
        file("Reaction", "20040102", &quoting),
    );
    newsdedup(dir.path())
        .args(["--duplicates", "-q", "."])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn stories_on_the_same_topic_are_not_copies() {
    let dir = tmp();
    // One vocabulary, different sentences: house prices, ten times over.
    for i in 0..10 {
        write(
            dir.path(),
            &format!("topic{i}.txt"),
            file(&format!("House prices {i}"), "20040101", &story(300 + i, 6)),
        );
    }
    newsdedup(dir.path())
        .args(["--duplicates", "-q", "."])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn check_exits_1_on_any_group_0_on_none_and_2_on_a_bad_file() {
    let dir = tmp();
    near_copies(dir.path());
    newsdedup(dir.path())
        .args(["--duplicates", "--check", "-q", "."])
        .assert()
        .code(1);
    let clean = tmp();
    write(clean.path(), "a.txt", file("A", "20040101", &story(1, 4)));
    write(clean.path(), "b.txt", file("B", "20040101", &story(2, 4)));
    newsdedup(clean.path())
        .args(["--duplicates", "--check", "."])
        .assert()
        .code(0)
        .stderr("0 groups, 0 copies among 2 articles\n");
    write(
        clean.path(),
        "bad.txt",
        "Title\nnot a date\nhttps://x\nBody.\n",
    );
    newsdedup(clean.path())
        .args(["--duplicates", "--check", "-q", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("./bad.txt:2:"));
}

#[test]
fn output_is_the_same_for_any_number_of_threads() {
    let dir = tmp();
    near_copies(dir.path());
    for i in 0..30 {
        let s = story(500 + i, 5);
        write(dir.path(), &format!("x/{i}.txt"), file("X", "20040101", &s));
        write(
            dir.path(),
            &format!("y/{i}.txt"),
            file("Y", "20040102", &s[..3]),
        );
    }
    let run = |j: &str| {
        newsdedup(dir.path())
            .args(["--duplicates", "-j", j, "."])
            .assert()
            .success()
            .get_output()
            .clone()
    };
    let one = run("1");
    assert_eq!(groups(&one.stdout).len(), 31);
    for j in ["2", "4"] {
        let other = run(j);
        assert_eq!(one.stdout, other.stdout);
        assert_eq!(one.stderr, other.stderr);
    }
    assert_eq!(
        String::from_utf8(one.stderr).unwrap(),
        "31 groups, 35 copies among 67 articles\n"
    );
}

#[test]
fn text_format_is_for_people() {
    let dir = tmp();
    write(dir.path(), "a.txt", file("A", "20040101", &story(1, 4)));
    write(dir.path(), "b.txt", file("B", "20040102", &story(1, 2)));
    newsdedup(dir.path())
        .args(["--duplicates", "--format", "text", "-q", "a.txt", "b.txt"])
        .assert()
        .success()
        .stdout("a.txt\n  near  1.00  b.txt\n\n");
}

#[test]
fn threshold_must_be_a_share() {
    let dir = tmp();
    newsdedup(dir.path())
        .args(["--duplicates", "--threshold", "1.5", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--threshold 1.5 is not a share"));
}

#[test]
fn jsonl_records_are_named_by_id_or_line() {
    let dir = tmp();
    let s = story(1, 4);
    let rec = |id: Option<&str>, ps: &[String]| {
        let mut v = serde_json::json!({
            "title": "T", "date": "20040101", "url": "https://x", "text": ps.join("\n")
        });
        if let Some(id) = id {
            v["id"] = id.into();
        }
        v.to_string()
    };
    let input = [
        rec(Some("first"), &s),
        rec(None, &story(2, 4)),
        rec(None, &s[..2]),
    ]
    .join("\n");
    write(dir.path(), "in.jsonl", input);
    let out = newsdedup(dir.path())
        .args(["--duplicates", "--input-format", "jsonl", "-q", "in.jsonl"])
        .quiet_stdout();
    assert_eq!(
        groups(&out),
        [vec!["first".to_string(), "in.jsonl:3".to_string()]]
    );
}

/// Pairs of articles in one group.
fn pairs(groups: &[Vec<String>]) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for g in groups {
        let mut g = g.clone();
        g.sort();
        for i in 0..g.len() {
            for j in i + 1..g.len() {
                out.insert((g[i].clone(), g[j].clone()));
            }
        }
    }
    out
}

#[test]
fn dups_dev_precision_and_recall() {
    let root: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dups-dev");
    let Ok(truth) = fs::read_to_string(root.join("clusters.json")) else {
        eprintln!("skipped: {} not found", root.display());
        return;
    };
    let truth: Value = serde_json::from_str(&truth).unwrap();
    let truth: Vec<Vec<String>> = serde_json::from_value(truth["clusters"].clone()).unwrap();
    let out = newsdedup(&root)
        .args(["--duplicates", "-q", "."])
        .ok_stdout();
    let found: Vec<Vec<String>> = groups(&out)
        .into_iter()
        .map(|g| {
            g.into_iter()
                .map(|p| p.trim_start_matches("./").to_string())
                .collect()
        })
        .collect();
    let (t, f) = (pairs(&truth), pairs(&found));
    let tp = t.intersection(&f).count() as f64;
    let (precision, recall) = (tp / f.len() as f64, tp / t.len() as f64);
    assert!(
        precision >= 0.98 && recall >= 0.97,
        "precision {precision} recall {recall}"
    );
}

#[test]
fn report_holds_the_counts_and_the_groups() {
    let dir = tmp();
    near_copies(dir.path());
    newsdedup(dir.path())
        .args(["--duplicates", "-q", "--report", "report.json", "."])
        .assert()
        .success();
    let report: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["mode"], "duplicates");
    assert_eq!(report["articles"], 7);
    assert_eq!(report["groups"], 1);
    assert_eq!(report["copies"], 5);
    assert_eq!(report["rows"][0]["keep"], "./updated.txt");
}

#[test]
fn standard_input_is_refused_with_a_hint() {
    let dir = tmp();
    newsdedup(dir.path())
        .arg("--duplicates")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "hint: give PATH..., or --input-format jsonl",
        ));
}

#[test]
fn threshold_and_keep_without_duplicates_are_refused() {
    let dir = tmp();
    write(dir.path(), "a.txt", file("T", "20220122", &story(1, 3)));
    for flags in [["--threshold", "0.3"], ["--keep", "first"]] {
        newsdedup(dir.path())
            .args(flags)
            .arg("a.txt")
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--duplicates"));
    }
}

/// `--signature` over three JSON Lines records: story `s` (`a`), the same
/// in capitals (`b`) and another story (`c`); the records it writes.
fn signature_records(dir: &tempfile::TempDir, s: &[String]) -> Vec<Value> {
    let rec = |id: &str, ps: &[String]| {
        serde_json::json!({"id": id, "title": "T", "date": "20040101", "url": "https://x", "text": ps.join("\n")})
            .to_string()
    };
    let shouted: Vec<String> = s.iter().map(|p| p.to_uppercase()).collect();
    let input = [rec("a", s), rec("b", &shouted), rec("c", &story(2, 4))].join("\n");
    let out = newsdedup(dir.path())
        .args([
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--signature",
        ])
        .write_stdin(input)
        .quiet_stdout();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn signature_adds_the_same_keys_to_exact_copies_and_needs_jsonl() {
    let dir = tmp();
    let s = story(1, 4);
    let sigs: Vec<Vec<u64>> = signature_records(&dir, &s)
        .into_iter()
        .map(|v| {
            assert!(
                v["paragraphs"].is_array(),
                "the filter's record, plus the keys"
            );
            serde_json::from_value(v["signature"].clone()).unwrap()
        })
        .collect();
    assert_eq!(sigs.len(), 3);
    assert!(!sigs[0].is_empty());
    assert_eq!(sigs[0], sigs[1], "case aside, the same text");
    assert!(
        sigs[0].iter().all(|k| !sigs[2].contains(k)),
        "another story"
    );

    write(dir.path(), "a.txt", file("A", "20040101", &s));
    let line = newsdedup(dir.path())
        .args(["--format", "jsonl", "--signature", "a.txt"])
        .quiet_stdout();
    let v: Value = serde_json::from_slice(&line).unwrap();
    assert_eq!(v["path"], "a.txt");
    assert_eq!(
        serde_json::from_value::<Vec<u64>>(v["signature"].clone()).unwrap(),
        sigs[0]
    );
    newsdedup(dir.path())
        .args(["--signature", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("hint: add --format jsonl"));
}

#[test]
fn signature_carries_the_words_text_hash_and_shingles_duplicates_compares() {
    let dir = tmp();
    let s = story(1, 4);
    let records = signature_records(&dir, &s);
    let words = s
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum::<usize>();
    let shingles = |v: &Value| serde_json::from_value::<Vec<u32>>(v["shingles"].clone()).unwrap();
    assert_eq!(records[0]["words"], words);
    assert_eq!(
        shingles(&records[0]).len(),
        words - 3,
        "one per 4-word window"
    );
    let hash = |v: &Value| v["text_hash"].as_str().unwrap().to_owned();
    assert_eq!(hash(&records[0]).len(), 16);
    assert_eq!(hash(&records[0]), hash(&records[1]), "case aside, one text");
    assert_eq!(shingles(&records[0]), shingles(&records[1]));
    assert_ne!(hash(&records[0]), hash(&records[2]));
    // The sampled keys are among the shingles.
    let keys: Vec<u32> = serde_json::from_value(records[0]["signature"].clone()).unwrap();
    assert!(keys.iter().all(|k| shingles(&records[0]).contains(k)));
}

/// Under `--header title,url` no article has a date: `--keep earliest`
/// (a missing date sorts last) falls through to the most complete text.
#[test]
fn keep_earliest_without_dates_keeps_the_most_complete() {
    let dir = tmp();
    let s = story(1, 6);
    let undated = |title: &str, paragraphs: &[String]| {
        format!(
            "{title}\nhttps://example.com/x\n{}\n",
            paragraphs.join("\n")
        )
    };
    write(dir.path(), "a.txt", undated("Cut", &s[..5]));
    write(dir.path(), "z.txt", undated("Whole", &s));
    let out = newsdedup(dir.path())
        .args([
            "--duplicates",
            "-q",
            "--keep",
            "earliest",
            "--header",
            "title,url",
            ".",
        ])
        .ok_stdout();
    assert_eq!(groups(&out), [["./z.txt", "./a.txt"]]);
}
