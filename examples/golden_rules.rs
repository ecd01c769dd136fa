//! Scores `newsdedup::sentences::split` on the English Golden Rules in
//! `../shared/data/golden_rules_en.json`: prints each failing case, then
//! `golden rules: N/48`.
//!
//! Run with `cargo run --release --example golden_rules [PATH]`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        format!(
            "{}/../shared/data/golden_rules_en.json",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("cannot read {path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let json: serde_json::Value = match serde_json::from_str(&text) {
        Ok(json) => json,
        Err(err) => {
            eprintln!("{path} is not JSON: {err}");
            return ExitCode::FAILURE;
        }
    };
    let cases = json["cases"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut passed = 0;
    for (n, case) in cases.iter().enumerate() {
        let text = case["text"].as_str().unwrap_or("");
        let expected: Vec<&str> = case["sentences"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str()).collect())
            .unwrap_or_default();
        let got = newsdedup::sentences::split(text);
        if got == expected {
            passed += 1;
        } else {
            println!("FAIL rule {n}: {text:?}");
            println!("  expected {expected:?}");
            println!("  got      {got:?}");
        }
    }
    println!("golden rules: {passed}/{}", cases.len());
    ExitCode::SUCCESS
}
