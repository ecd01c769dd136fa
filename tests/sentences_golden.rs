//! The English Golden Rules of the Pragmatic Segmenter, as pySBD ships
//! them, read from the shared data folder beside the repository.
//!
//! The data is not part of the crate, so the test passes with a note when
//! the file is absent (a plain checkout elsewhere).

use std::path::PathBuf;

/// The 48 cases, or `None` (with a note printed) when the file is absent.
fn load_cases() -> Option<Vec<(String, Vec<String>)>> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "shared",
        "data",
        "golden_rules_en.json",
    ]
    .iter()
    .collect();
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            println!(
                "note: skipping golden rules, cannot read {}: {err}",
                path.display()
            );
            return None;
        }
    };
    let json: serde_json::Value = serde_json::from_str(&text).expect("golden rules file is JSON");
    let cases = json["cases"].as_array().expect("a \"cases\" array");
    Some(
        cases
            .iter()
            .map(|case| {
                let text = case["text"].as_str().expect("a \"text\" string").to_owned();
                let sentences = case["sentences"]
                    .as_array()
                    .expect("a \"sentences\" array")
                    .iter()
                    .map(|s| s.as_str().expect("sentences are strings").to_owned())
                    .collect();
                (text, sentences)
            })
            .collect(),
    )
}

#[test]
fn passes_all_english_golden_rules() {
    let Some(cases) = load_cases() else { return };
    assert_eq!(cases.len(), 48, "the file should hold the 48 golden rules");
    let mut failures = Vec::new();
    for (n, (text, expected)) in cases.iter().enumerate() {
        let got = newsdedup::sentences::split(text);
        if got != *expected {
            failures.push(format!(
                "rule {n}: {text:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    println!(
        "golden rules: {}/{}",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "failing golden rules:\n{}",
        failures.join("\n")
    );
}
