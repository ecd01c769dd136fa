//! Integration tests of the article language (issue 15): `"lang"` in JSON
//! and JSONL output, given by `--lang` or a record's `"lang"` field, else
//! detected; the sentences split by that language's rules; text output
//! unchanged.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const GERMAN: &str = "Titel\n20220122\nhttps://example.com/a\n\
    Dr. med. Meyer behandelte am Mittwoch den Patienten in der Klinik. Danach ging er nach Hause, \
    wo seine Familie schon auf ihn wartete.\n";

fn json_of(args: &[&str], stdin: &str) -> Value {
    let out = Command::cargo_bin("newsdedup")
        .unwrap()
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_names_the_detected_language_and_splits_by_its_rules() {
    let v = json_of(&["--format", "json"], GERMAN);
    assert_eq!(v["lang"], "de");
    assert_eq!(
        v["sentences"][0][0],
        "Dr. med. Meyer behandelte am Mittwoch den Patienten in der Klinik."
    );
}

#[test]
fn lang_flag_overrides_detection() {
    let v = json_of(&["--format", "json", "--lang", "EN"], GERMAN);
    assert_eq!(v["lang"], "en");
    // English rules: "med." is an ordinary word there.
    assert_eq!(v["sentences"][0][0], "Dr. med.");
}

#[test]
fn lang_is_null_when_unsure() {
    let v = json_of(&["--format", "json", "--no-header"], "Ok.\n");
    assert_eq!(v["lang"], Value::Null);
}

#[test]
fn a_records_lang_field_wins_and_is_written_back_once() {
    let input = concat!(
        r#"{"id":1,"lang":"es-MX","text":"La Srta. Gómez llegó. Hoy se va."}"#,
        "\n",
        r#"{"id":2,"text":"La Srta. Gómez llegó. Hoy se va."}"#,
        "\n"
    );
    let out = Command::cargo_bin("newsdedup")
        .unwrap()
        .args([
            "--no-header",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--lang",
            "it",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines[0].matches("\"lang\"").count(), 1, "{}", lines[0]);
    let first: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["lang"], "es");
    assert_eq!(
        first["sentences"][0],
        serde_json::json!(["La Srta. Gómez llegó.", "Hoy se va."])
    );
    let second: Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(second["lang"], "it");
}

#[test]
fn text_output_has_no_language() {
    Command::cargo_bin("newsdedup")
        .unwrap()
        .write_stdin(GERMAN)
        .assert()
        .success()
        .stdout(GERMAN.replace("\\\n", ""));
}

#[test]
fn a_bad_lang_flag_is_a_usage_error() {
    Command::cargo_bin("newsdedup")
        .unwrap()
        .args(["--lang", "german"])
        .write_stdin(GERMAN)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a language code"));
}
