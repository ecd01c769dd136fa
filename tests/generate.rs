//! Tests of `--generate`: the man page renders and documents the options,
//! and each completion script knows them and is valid for its shell, so
//! what an installer copies into place works.

use std::process::Command as StdCommand;

use assert_cmd::Command;
use predicates::prelude::*;

mod common;
use common::Succeeds;

fn generate(kind: &str) -> String {
    let output = Command::cargo_bin("newsdedup")
        .unwrap()
        .args(["--generate", kind])
        .quiet_stdout();
    String::from_utf8(output).unwrap()
}

/// Whether `program` can be run here.
fn have(program: &str) -> bool {
    StdCommand::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `program args...` on `script` (written to a temporary file) and
/// asserts it accepts it.
fn accepts(program: &str, args: &[&str], script: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdedup-completion");
    std::fs::write(&path, script).unwrap();
    let output = StdCommand::new(program)
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{program} rejects the script: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn man_page_has_a_title_the_options_and_the_exit_status() {
    let man = generate("man");
    assert!(man.contains(".TH newsdedup 1"), "{man}");
    // Many paths, as in the usage line (issue 16).
    assert!(man.contains("[\\fIPATH\\fR]... \n"), "{man}");
    // roff escapes the dashes of option names.
    for option in [
        r"\-\-in\-place",
        r"\-\-check",
        r"\-\-input\-format",
        r"\-\-generate",
        r"\-\-header",
    ] {
        assert!(man.contains(option), "{option} missing");
    }
    assert!(man.contains(".SH EXAMPLES"), "{man}");
    assert!(man.contains(".SH \"EXIT STATUS\""), "{man}");
}

#[test]
fn man_page_renders_with_groff_when_it_is_installed() {
    if !have("groff") {
        eprintln!("skipped: groff not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdedup.1");
    std::fs::write(&path, generate("man")).unwrap();
    let output = StdCommand::new("groff")
        .args(["-man", "-Tutf8", "-ww"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(
        text.contains("--in-place") || text.contains("‐‐in‐place"),
        "{text}"
    );
}

#[test]
fn each_completion_script_knows_in_place() {
    // fish names long options without their dashes (`-l in-place`).
    for (kind, option) in [
        ("complete-bash", "--in-place"),
        ("complete-zsh", "--in-place"),
        ("complete-fish", "-l in-place"),
    ] {
        let script = generate(kind);
        assert!(script.contains(option), "{kind}: {script}");
        assert!(script.contains("input-format"), "{kind}");
    }
}

#[test]
fn bash_accepts_the_bash_completion() {
    if !have("bash") {
        eprintln!("skipped: bash not found");
        return;
    }
    let script = generate("complete-bash");
    assert!(script.contains("complete -F"));
    accepts("bash", &["-n"], &script);
}

#[test]
fn zsh_and_fish_accept_their_completions_when_installed() {
    if have("zsh") {
        accepts("zsh", &["-n"], &generate("complete-zsh"));
    } else {
        eprintln!("skipped: zsh not found");
    }
    if have("fish") {
        accepts("fish", &["--no-execute"], &generate("complete-fish"));
    } else {
        eprintln!("skipped: fish not found");
    }
}

#[test]
fn generate_stands_alone() {
    Command::cargo_bin("newsdedup")
        .unwrap()
        .args(["--generate", "man", "--check", "corpus/"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--generate"));
    Command::cargo_bin("newsdedup")
        .unwrap()
        .args(["--generate", "complete-tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values"));
}
