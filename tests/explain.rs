//! Integration tests of `--explain`: the fate of each body line of one
//! input, for people and as JSON, on the seed fixture and on small inputs
//! with a copy, a fragment, a truncated line and an encoded line; and the
//! `stats.dropped` counts of JSON output that come from the same place.

mod common;
use common::{newsdedup, tmp, write};

use predicates::prelude::*;

/// A small scraped file: a cascade of three paragraphs, then a copy, an
/// inline fragment, a cut-off copy and a copy written with references.
const SMALL: &str = "Title\n20220122\nhttps://example.com/a\n\
    Alpha opens the story with a fact.Beta carries it further, said Joe Biden.Gamma closes it.\n\
    Beta carries it further, said Joe Biden.Gamma closes it.\n\
    Gamma closes it.\n\
    \n\
    Gamma closes it.\n\
    Joe Biden\n\
    Alpha opens the story...\n\
    Beta carries it further, said Joe&nbsp;Biden&#46;\n";

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn explain_prints_each_body_line_with_its_fate_then_a_summary() {
    let dir = tmp();
    write(dir.path(), "small.txt", SMALL);
    let out = newsdedup(dir.path())
        .args(["--explain", "small.txt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        stdout_of(&out),
        "  4: kept as paragraphs 1-3 | Alpha opens the story with …\n\
         \x20 5: kept as paragraphs 2-3 | Beta carries it further, sa…\n\
         \x20 6: kept as paragraph 3 | Gamma closes it.\n\
         \x20 8: copy of paragraph 3 | Gamma closes it.\n\
         \x20 9: fragment of paragraph 2 | Joe Biden\n\
         \x2010: truncated copy of paragraph 1 | Alpha opens the story...\n\
         \x2011: kept as paragraph 2, decoded | Beta carries it further, sa…\n\
         7 body lines, 3 paragraphs: 4 kept, 1 copy, 1 fragment, 1 truncated copy\n"
    );
    assert_eq!(out.stderr, b"");
}

#[test]
fn explain_as_json_lists_lines_with_fate_paragraphs_and_text() {
    let dir = tmp();
    write(dir.path(), "small.txt", SMALL);
    let out = newsdedup(dir.path())
        .args(["--explain", "--format", "json", "small.txt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 3);
    let fates: Vec<(u64, &str, serde_json::Value)> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["line"].as_u64().unwrap(),
                l["fate"].as_str().unwrap(),
                serde_json::json!([l["first"], l["last"]]),
            )
        })
        .collect();
    assert_eq!(
        fates,
        [
            (4, "kept", serde_json::json!([1, 3])),
            (5, "kept", serde_json::json!([2, 3])),
            (6, "kept", serde_json::json!([3, 3])),
            (8, "copy", serde_json::json!([3, 3])),
            (9, "fragment", serde_json::json!([2, 2])),
            (10, "truncated", serde_json::json!([1, 1])),
            (11, "kept", serde_json::json!([2, 2])),
        ]
    );
    assert_eq!(v["lines"][6]["decoded"], true);
    assert_eq!(
        v["lines"][6]["text"],
        "Beta carries it further, said Joe\u{a0}Biden."
    );
    assert_eq!(
        v["dropped"],
        serde_json::json!({"copies": 1, "fragments": 1, "truncated": 1})
    );
}

/// The README's `--explain` example is this command's output, byte for
/// byte.
#[test]
fn explain_on_the_seed_fixture_is_the_readme_example() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = newsdedup(root)
        .args(["--explain", "fixtures/seed-webindia/input.txt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = stdout_of(&out);
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let after = readme
        .split("newsdedup --explain fixtures/seed-webindia/input.txt\n")
        .nth(1)
        .expect("the README shows the command");
    let block = after
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("and its output");
    assert_eq!(text, block);
    assert!(text.ends_with(
        "6 body lines, 6 paragraphs: 6 kept, 0 copies, 0 fragments, 0 truncated copies\n"
    ));
    assert!(!text.contains("not found"));
}

#[test]
fn explain_reads_stdin_and_body_only_input() {
    let dir = tmp();
    newsdedup(dir.path())
        .args(["--explain", "--no-header", "-"])
        .write_stdin("One.Two.\nTwo.\n… Two.\n")
        .assert()
        .success()
        .stdout(
            "  1: kept as paragraphs 1-2 | One.Two.\n\
             \x20 2: kept as paragraph 2 | Two.\n\
             \x20 3: truncated copy of paragraph 2 | … Two.\n\
             3 body lines, 2 paragraphs: 2 kept, 0 copies, 0 fragments, 1 truncated copy\n",
        );
}

#[test]
fn explain_keeps_entities_when_asked() {
    let dir = tmp();
    newsdedup(dir.path())
        .args(["--explain", "--no-header", "--keep-entities"])
        .write_stdin("Fish &amp; chips.\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "  1: kept as paragraph 1 | Fish &amp; chips.\n",
        ));
}

#[test]
fn explain_refuses_several_inputs_a_directory_and_jsonl() {
    let dir = tmp();
    write(dir.path(), "a.txt", SMALL);
    write(dir.path(), "d/b.txt", SMALL);
    for args in [
        &["--explain", "a.txt", "d/b.txt"][..],
        &["--explain", "d"][..],
        &["--explain", "--format", "jsonl", "a.txt"][..],
        &["--explain", "--input-format", "jsonl", "a.txt"][..],
    ] {
        newsdedup(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("--explain").and(predicate::str::contains("hint:")));
    }
    newsdedup(dir.path())
        .args(["--explain", "--check", "a.txt"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn explain_of_a_bad_file_says_where_like_cleaning_does() {
    let dir = tmp();
    write(
        dir.path(),
        "bad.txt",
        "Title\nnot a date\nhttps://a.b/\nBody.\n",
    );
    newsdedup(dir.path())
        .args(["--explain", "bad.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with("newsdedup: bad.txt:2: "));
}

#[test]
fn json_stats_count_dropped_lines_by_kind_last() {
    let dir = tmp();
    write(dir.path(), "small.txt", SMALL);
    let out = newsdedup(dir.path())
        .args(["--format", "json", "small.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    // The new member comes last, after the existing ones in their order.
    let stats = &text[text.find("\"stats\":").unwrap()..];
    assert!(
        stats.starts_with(&format!(
            "\"stats\":{{\"input_bytes\":{},\"output_bytes\":",
            SMALL.len()
        )) && stats.contains("\"body_lines\":7,\"paragraphs\":3,\"removed_bytes\":")
            && stats.ends_with(",\"dropped\":{\"copies\":1,\"fragments\":1,\"truncated\":1}}}\n"),
        "{stats}"
    );
    // JSON Lines over files, and the JSONL filter, count the same.
    for (args, stdin) in [
        (&["--format", "jsonl", "small.txt", "small.txt"][..], None),
        (
            &["--input-format", "jsonl", "--format", "jsonl"][..],
            Some(
                serde_json::json!({"title": "Title", "date": "20220122",
                "url": "https://example.com/a", "text": SMALL.splitn(4, '\n').nth(3).unwrap()})
                .to_string(),
            ),
        ),
    ] {
        let mut cmd = newsdedup(dir.path());
        cmd.args(args);
        if let Some(s) = stdin {
            cmd.write_stdin(s);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let first = stdout_of(&out).lines().next().unwrap().to_string();
        let v: serde_json::Value = serde_json::from_str(&first).unwrap();
        assert_eq!(
            v["stats"]["dropped"],
            serde_json::json!({"copies": 1, "fragments": 1, "truncated": 1}),
            "{args:?}"
        );
    }
}

/// Every fixture explained: no line's text lost, the same paragraphs as
/// cleaning gives, and the same dropped counts as JSON's `stats`.
/// The headline as the first body line and the header written again by
/// a rerun are dropped, each line a copy of the header, counted with the
/// copies; cleaning gives the article alone.
#[test]
fn the_header_written_again_in_the_body_is_a_copy_of_the_header() {
    let dir = tmp();
    write(
        dir.path(),
        "rerun.txt",
        "Ferry fares rise\n20240101\nhttps://e.x/a\nFerry fares rise\n\
         The first paragraph opens the story.The second paragraph follows it.\n\
         The second paragraph follows it.\n\
         Ferry fares rise\n20240101\nhttps://e.x/a\n\
         The first paragraph opens the story.The second paragraph follows it.\n",
    );
    let out = newsdedup(dir.path())
        .args(["--explain", "rerun.txt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = stdout_of(&out);
    let fates: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_once(": ")?.1.split_once(" | ").map(|f| f.0))
        .collect();
    assert_eq!(
        fates,
        [
            "copy of the header",
            "kept as paragraphs 1-2",
            "kept as paragraph 2",
            "copy of the header",
            "copy of the header",
            "copy of the header",
            "copy of paragraphs 1-2",
        ]
    );
    newsdedup(dir.path())
        .arg("rerun.txt")
        .assert()
        .success()
        .stdout(
            "Ferry fares rise\n20240101\nhttps://e.x/a\n\
             The first paragraph opens the story.\nThe second paragraph follows it.\n",
        );
    let out = newsdedup(dir.path())
        .args(["--format", "json", "rerun.txt"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(stdout_of(&out).trim()).unwrap();
    assert_eq!(v["stats"]["dropped"]["copies"], 5, "{v}");
}

/// A container line that glues the title to the article is placed by the
/// article; a file of nothing but its header twice keeps its body.
#[test]
fn a_container_opening_with_the_title_is_placed_and_a_header_alone_is_kept() {
    let dir = tmp();
    write(
        dir.path(),
        "walk.txt",
        "Why now?\n20240101\nhttps://e.x/a\n\
         Why now?The first paragraph opens the story.The second paragraph follows it.\n\
         Why now?\nThe first paragraph opens the story.\nThe second paragraph follows it.\n",
    );
    let out = newsdedup(dir.path())
        .args(["--explain", "walk.txt"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.starts_with("  4: kept as paragraphs 1-2 |"), "{text}");
    assert!(!text.contains("not found"), "{text}");
    write(
        dir.path(),
        "twice.txt",
        "T\n20220122\nhttp://a.b\nT\n20220122\nhttp://a.b\n",
    );
    newsdedup(dir.path())
        .arg("twice.txt")
        .assert()
        .success()
        .stdout("T\n20220122\nhttp://a.b\nT\n20220122\nhttp://a.b\n");
}

#[test]
fn every_fixture_is_explained_with_nothing_lost() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(root).unwrap() {
        let input = entry.unwrap().path().join("input.txt");
        let Ok(bytes) = std::fs::read(&input) else {
            continue;
        };
        seen += 1;
        let opts = newsdedup::Options {
            count_dropped: true,
            ..newsdedup::Options::default()
        };
        let e = newsdedup::explain::explain(&bytes, &opts).unwrap();
        let article = newsdedup::clean(&bytes, &opts).unwrap();
        assert_eq!(e.article, article, "{}", input.display());
        for line in &e.lines {
            assert_ne!(
                line.placement.fate,
                newsdedup::explain::Fate::NotFound,
                "{}:{}",
                input.display(),
                line.number
            );
        }
        assert!(e
            .lines
            .iter()
            .any(|l| l.placement.fate == newsdedup::explain::Fate::Kept));
    }
    assert!(seen >= 20);
}

/// A summary written before a cascade that does not hold it is the page's
/// description: set aside, told so by `--explain`, counted apart in JSON.
#[test]
fn a_description_before_the_cascade_is_set_aside_and_explained() {
    let dir = tmp();
    write(
        dir.path(),
        "desc.txt",
        "Bridge shuts\n20240101\nhttps://e.x/a\n\
         Everything you need to know about the closure, and when it ends.\n\
         The bridge shuts on Monday.It reopens in June.Buses run every hour.\n\
         It reopens in June.Buses run every hour.\n\
         Buses run every hour.\n",
    );
    let out = newsdedup(dir.path())
        .args(["--explain", "desc.txt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = stdout_of(&out);
    assert!(
        text.starts_with("  4: the page's description, not the article | Everything"),
        "{text}"
    );
    assert!(
        text.ends_with("0 truncated copies, the page's description\n"),
        "{text}"
    );
    newsdedup(dir.path())
        .arg("desc.txt")
        .assert()
        .success()
        .stdout(
            "Bridge shuts\n20240101\nhttps://e.x/a\n\
             The bridge shuts on Monday.\nIt reopens in June.\nBuses run every hour.\n",
        );
    let out = newsdedup(dir.path())
        .args(["--format", "json", "desc.txt"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(stdout_of(&out).trim()).unwrap();
    assert_eq!(v["stats"]["dropped"]["description"], 1, "{v}");
    assert_eq!(v["stats"]["dropped"]["copies"], 0, "{v}");
    let out = newsdedup(dir.path())
        .args(["--explain", "--format", "json", "desc.txt"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(stdout_of(&out).trim()).unwrap();
    assert_eq!(v["lines"][0]["fate"], "description", "{v}");
}
