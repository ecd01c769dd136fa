//! The sentence rules of other languages (issue 15) on cases written for
//! newsdedup, one file of JSON lines (`tests/data/sentences_multilingual.jsonl`:
//! `{"lang", "text", "sentences"}`), split by the library. The same file,
//! through the binary, is scored by `scripts/score_languages.py`.

use newsdedup::lang::Lang;
use newsdedup::sentences::{languages, split, split_in};

fn cases() -> Vec<(String, String, Vec<String>)> {
    include_str!("data/sentences_multilingual.jsonl")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let sentences = v["sentences"].as_array().unwrap();
            (
                v["lang"].as_str().unwrap().to_owned(),
                v["text"].as_str().unwrap().to_owned(),
                sentences
                    .iter()
                    .map(|s| s.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn every_case_splits_by_its_languages_rules() {
    let mut failures = Vec::new();
    for (lang, text, expected) in cases() {
        let got = split_in(&text, Lang::parse(&lang));
        if got != expected {
            failures.push(format!(
                "{lang}: {text:?}\n  want {expected:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_rules_do_better_than_english_rules_on_these_cases() {
    let cases = cases();
    let english = cases
        .iter()
        .filter(|(_, text, want)| split(text) == *want)
        .count();
    assert!(english * 10 < cases.len() * 7, "{english}/{}", cases.len());
}

#[test]
fn every_language_the_issue_names_has_rules() {
    let have: Vec<&str> = languages().collect();
    for code in [
        "de", "fr", "es", "it", "pt", "nl", "da", "ru", "bg", "pl", "el", "hy", "hi", "am", "my",
        "ja", "zh",
    ] {
        assert!(have.contains(&code), "{code}");
    }
    let tested: Vec<String> = cases().into_iter().map(|(lang, _, _)| lang).collect();
    for code in have {
        if !["mr", "ne"].contains(&code) {
            assert!(tested.iter().any(|l| l == code), "no case for {code}");
        }
    }
}
