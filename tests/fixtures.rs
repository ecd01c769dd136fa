//! The golden fixture corpus: `fixtures/NAME/input.txt` must clean to
//! `fixtures/NAME/expected.txt`, byte for byte, and every expected file must
//! already be clean (the CI `--check` over the fixtures relies on it).

use std::fs;
use std::path::{Path, PathBuf};

use newsdedup::{clean, writer::to_text, Options};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("fixtures/ exists")
        .map(|e| e.expect("readable fixtures/").path())
        .filter(|p| p.join("input.txt").is_file())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 20,
        "expected the full fixture corpus, found {}",
        dirs.len()
    );
    dirs
}

fn cleaned(bytes: &[u8]) -> String {
    let article = clean(bytes, &Options::default()).expect("fixture input is valid");
    String::from_utf8(to_text(&article)).expect("output is UTF-8")
}

#[test]
fn every_fixture_input_cleans_to_its_expected_output() {
    let mut failures = Vec::new();
    for dir in cases() {
        let input = fs::read(dir.join("input.txt")).unwrap();
        let expected = fs::read_to_string(dir.join("expected.txt")).unwrap();
        let got = cleaned(&input);
        if got != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}",
                dir.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_expected_output_is_already_clean() {
    for dir in cases() {
        let expected = fs::read_to_string(dir.join("expected.txt")).unwrap();
        assert_eq!(cleaned(expected.as_bytes()), expected, "{}", dir.display());
    }
}
