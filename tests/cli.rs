//! Integration tests of the `newsdedup` binary: each mode, each exit code,
//! determinism across thread counts, and the promises about files on disk
//! (atomic in-place rewrites, nothing written on error).
//!
//! Each test works in its own temporary directory and runs the binary with
//! that directory as its working directory, so paths in output are short
//! and relative.

mod common;
use common::{newsdedup, read_then_close, snapshot, tmp, write};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, SystemTime};

use predicates::prelude::*;

/// A scraped file as the buggy scraper writes it (each paragraph followed by
/// all the ones after it) and its cleaned form.
fn article(id: &str) -> (String, String) {
    let header = format!("Title {id}\n20220122\nhttps://example.com/{id}\n");
    let p1 = format!("Alpha {id} opens the story with a fact.");
    let p2 = format!("Beta {id} carries the story further on.");
    let p3 = format!("Gamma {id} closes the story for good.");
    let raw = format!("{header}{p1}{p2}{p3}\n{p2}{p3}\n{p3}\n");
    let clean = format!("{header}{p1}\n{p2}\n{p3}\n");
    (raw, clean)
}

/// A longer scraped file: `paragraphs` paragraphs in the same cascade, so
/// that each file takes a while to write.
fn long_article(id: &str, paragraphs: usize) -> String {
    let ps: Vec<String> = (0..paragraphs)
        .map(|n| format!("Sentence {n} of article {id} tells one more distinct thing."))
        .collect();
    let mut raw = format!("Title {id}\n20220122\nhttps://example.com/{id}\n");
    for start in 0..paragraphs {
        raw.push_str(&ps[start..].concat());
        raw.push('\n');
    }
    raw
}

fn raw(id: &str) -> String {
    article(id).0
}

fn clean(id: &str) -> String {
    article(id).1
}

/// A scraped file whose header is broken on line 2.
const BAD: &str = "Title\nnot a date\nhttps://example.com/x\nBody.\n";

fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap()
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

// ---- single input: unchanged behaviour --------------------------------------

#[test]
fn stdin_pipe_prints_the_cleaned_text() {
    let dir = tmp();
    newsdedup(dir.path())
        .write_stdin(raw("a"))
        .assert()
        .success()
        .stdout(clean("a"))
        .stderr("");
}

#[test]
fn dash_reads_stdin_too() {
    let dir = tmp();
    newsdedup(dir.path())
        .arg("-")
        .write_stdin(raw("a"))
        .assert()
        .success()
        .stdout(clean("a"));
}

#[test]
fn single_file_prints_the_cleaned_text_and_no_summary() {
    let dir = tmp();
    write(dir.path(), "a.txt", raw("a"));
    newsdedup(dir.path())
        .arg("a.txt")
        .assert()
        .success()
        .stdout(clean("a"))
        .stderr("");
}

#[test]
fn single_file_as_json_is_one_object_without_path() {
    let dir = tmp();
    write(dir.path(), "a.txt", raw("a"));
    let out = newsdedup(dir.path())
        .args(["--format", "json", "a.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Title a");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 3);
    assert!(v.get("path").is_none());
}

#[test]
fn malformed_single_input_exits_2_with_line_and_hint_and_empty_stdout() {
    let dir = tmp();
    write(dir.path(), "bad.txt", BAD);
    newsdedup(dir.path())
        .arg("bad.txt")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with("newsdedup: bad.txt:2: "))
        .stderr(predicate::str::contains("(hint: "));
}

#[test]
fn no_header_and_lossy_work_in_batch_mode() {
    let dir = tmp();
    write(
        dir.path(),
        "in/body.txt",
        "One first.Two next.\nTwo next.\n",
    );
    let mut lossy = b"Title\n20220122\nhttps://example.com/a\nCaf\xe9 opens.\n".to_vec();
    lossy.extend_from_slice(b"Caf\xe9 opens.\n");
    fs::write(dir.path().join("in/latin1.txt"), &lossy).unwrap();
    newsdedup(dir.path())
        .args(["--no-header", "-o", "out", "in/body.txt"])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "out/body.txt"), "One first.\nTwo next.\n");
    newsdedup(dir.path())
        .args(["-o", "out", "in/latin1.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--lossy"));
    newsdedup(dir.path())
        .args(["--lossy", "-o", "out", "in/latin1.txt"])
        .assert()
        .success();
    assert!(read(dir.path(), "out/latin1.txt").contains("Caf\u{FFFD} opens."));
}

#[test]
fn max_bytes_applies_to_each_file_of_a_batch() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    newsdedup(dir.path())
        .args(["--max-bytes", "10", "--check", "in"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "in/a.txt: the file holds more than 10 bytes",
        ))
        .stderr(predicate::str::contains("--max-bytes"));
}

// ---- refusals ---------------------------------------------------------------

#[test]
fn several_text_inputs_without_a_mode_exit_2_with_a_hint() {
    let dir = tmp();
    write(dir.path(), "a.txt", raw("a"));
    write(dir.path(), "b.txt", raw("b"));
    newsdedup(dir.path())
        .args(["a.txt", "b.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("2 inputs"))
        .stderr(predicate::str::contains("hint: -o DIR"))
        .stderr(predicate::str::contains("--format jsonl"));
}

#[test]
fn a_directory_without_a_mode_exits_2_with_a_hint() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    newsdedup(dir.path())
        .arg("in")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("in is a directory"))
        .stderr(predicate::str::contains("hint:"));
}

#[test]
fn out_dir_conflicts_with_in_place_and_check() {
    let dir = tmp();
    write(dir.path(), "a.txt", raw("a"));
    for other in ["--in-place", "--check", "--diff"] {
        newsdedup(dir.path())
            .args(["-o", "out", other, "a.txt"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot be used with"));
    }
    assert!(!dir.path().join("out").exists());
}

#[test]
fn out_dir_that_is_a_regular_file_is_a_clear_error() {
    let dir = tmp();
    write(dir.path(), "a.txt", raw("a"));
    write(dir.path(), "out", "not a directory");
    newsdedup(dir.path())
        .args(["-o", "out", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "out: --out-dir exists and is not a directory",
        ));
    assert_eq!(read(dir.path(), "out"), "not a directory");
}

#[test]
fn stdin_cannot_be_rewritten_in_place() {
    let dir = tmp();
    newsdedup(dir.path())
        .arg("-i")
        .write_stdin(raw("a"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not standard input"));
}

#[test]
fn help_lists_examples_and_exit_codes() {
    let dir = tmp();
    newsdedup(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("newsdedup --check corpus/"))
        .stdout(predicate::str::contains("newsdedup corpus/ -o clean/"))
        .stdout(predicate::str::contains("newsdedup -i corpus/"))
        .stdout(predicate::str::contains("--format jsonl corpus/"))
        .stdout(predicate::str::contains("Exit status:"))
        .stdout(predicate::str::contains("1  --check"))
        .stdout(predicate::str::contains("2  error"));
}

// ---- --out-dir --------------------------------------------------------------

#[test]
fn directory_to_out_dir_mirrors_paths_and_skips_hidden_and_unmatched_files() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    write(dir.path(), "in/sub/deep/b.txt", raw("b"));
    write(dir.path(), "in/notes.md", raw("md"));
    write(dir.path(), "in/.hidden.txt", raw("h"));
    write(dir.path(), "in/.cache/c.txt", raw("c"));
    newsdedup(dir.path())
        .args(["in", "-o", "out"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("2 files written to out, 0 errors"));
    let files: Vec<PathBuf> = snapshot(&dir.path().join("out"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        files,
        [PathBuf::from("a.txt"), PathBuf::from("sub/deep/b.txt")]
    );
    assert_eq!(read(dir.path(), "out/a.txt"), clean("a"));
    assert_eq!(read(dir.path(), "out/sub/deep/b.txt"), clean("b"));
    // The inputs are left alone.
    assert_eq!(read(dir.path(), "in/a.txt"), raw("a"));
}

#[test]
fn glob_selects_walked_files() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    write(dir.path(), "in/b.article", raw("b"));
    write(dir.path(), "in/skip/c.article", raw("c"));
    newsdedup(dir.path())
        .args(["in", "-o", "out", "--glob", "*.article", "--glob", "!skip/"])
        .assert()
        .success();
    let files: Vec<PathBuf> = snapshot(&dir.path().join("out"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(files, [PathBuf::from("b.article")]);
}

#[test]
fn a_file_argument_lands_at_out_dir_slash_name_whatever_its_name() {
    let dir = tmp();
    write(dir.path(), "deep/er/expected.out", raw("a"));
    write(dir.path(), "deep/.hidden", raw("b"));
    newsdedup(dir.path())
        .args(["deep/er/expected.out", "deep/.hidden", "-o", "out"])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "out/expected.out"), clean("a"));
    assert_eq!(read(dir.path(), "out/.hidden"), clean("b"));
}

#[test]
fn an_out_dir_inside_the_input_directory_is_never_walked() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    for _ in 0..2 {
        newsdedup(dir.path())
            .args(["in", "-o", "in/out"])
            .assert()
            .success()
            .stderr(predicate::str::contains("1 file written"));
    }
    assert_eq!(read(dir.path(), "in/out/a.txt"), clean("a"));
    assert!(!dir.path().join("in/out/out").exists());
}

#[test]
fn an_out_dir_that_is_the_input_itself_is_refused_per_file() {
    let dir = tmp();
    write(dir.path(), "a.txt", raw("a"));
    newsdedup(dir.path())
        .args(["a.txt", "-o", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--in-place"));
    assert_eq!(read(dir.path(), "a.txt"), raw("a"));
}

#[test]
fn one_bad_file_among_good_ones_is_reported_and_the_rest_is_cleaned() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    write(dir.path(), "in/b.txt", BAD);
    write(dir.path(), "in/c.txt", raw("c"));
    newsdedup(dir.path())
        .args(["in", "missing.txt", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newsdedup: in/b.txt:2: "))
        .stderr(predicate::str::contains(
            "newsdedup: missing.txt: cannot read",
        ))
        .stderr(predicate::str::contains("2 files written to out, 2 errors"));
    assert_eq!(read(dir.path(), "out/a.txt"), clean("a"));
    assert_eq!(read(dir.path(), "out/c.txt"), clean("c"));
    assert!(!dir.path().join("out/b.txt").exists());
    assert!(!dir.path().join("out/missing.txt").exists());
}

#[test]
fn two_file_arguments_with_one_name_do_not_overwrite_each_other() {
    let dir = tmp();
    write(dir.path(), "x/a.txt", raw("x"));
    write(dir.path(), "y/a.txt", raw("y"));
    newsdedup(dir.path())
        .args(["y/a.txt", "x/a.txt", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "newsdedup: y/a.txt: x/a.txt already goes to out/a.txt",
        ));
    assert_eq!(read(dir.path(), "out/a.txt"), clean("x"));
}

#[cfg(unix)]
#[test]
fn out_dir_files_take_the_input_permissions_and_share_made_directories() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmp();
    // Not 0o600, which is what a temporary file starts with.
    let private = write(dir.path(), "in/sub/private.txt", raw("a"));
    fs::set_permissions(&private, fs::Permissions::from_mode(0o640)).unwrap();
    write(dir.path(), "in/sub/other.txt", raw("b"));
    write(dir.path(), "in/sub/deeper/third.txt", raw("c"));
    newsdedup(dir.path())
        .args(["-q", "-o", "out", "in"])
        .assert()
        .success();
    let mode = |rel: &str| {
        fs::metadata(dir.path().join(rel))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("out/sub/private.txt"), 0o640 & !umask());
    assert_eq!(read(dir.path(), "out/sub/private.txt"), clean("a"));
    assert_eq!(read(dir.path(), "out/sub/other.txt"), clean("b"));
    assert_eq!(read(dir.path(), "out/sub/deeper/third.txt"), clean("c"));
}

#[test]
fn out_dir_run_again_replaces_stale_outputs_and_leaves_no_temporary_files() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    write(dir.path(), "in/b.txt", raw("b"));
    // A stale output from an earlier run, and one that is new this time.
    write(dir.path(), "out/a.txt", "stale\n");
    for _ in 0..2 {
        newsdedup(dir.path())
            .args(["-q", "-o", "out", "in"])
            .assert()
            .success();
        assert_eq!(read(dir.path(), "out/a.txt"), clean("a"));
        assert_eq!(read(dir.path(), "out/b.txt"), clean("b"));
    }
    let mut names: Vec<_> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["a.txt", "b.txt"]);
}

/// This process's umask, from `/proc` (022 where there is none).
#[cfg(unix)]
fn umask() -> u32 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("Umask:"))?;
            u32::from_str_radix(line["Umask:".len()..].trim(), 8).ok()
        })
        .unwrap_or(0o022)
}

// ---- --in-place -------------------------------------------------------------

#[test]
fn in_place_rewrites_only_changed_files_and_keeps_permissions() {
    let dir = tmp();
    let dirty = write(dir.path(), "in/dirty.txt", raw("a"));
    let tidy = write(dir.path(), "in/tidy.txt", clean("b"));
    let past = SystemTime::now() - Duration::from_secs(3600);
    for f in [&dirty, &tidy] {
        fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dirty, fs::Permissions::from_mode(0o640)).unwrap();
    }
    newsdedup(dir.path())
        .args(["-i", "in"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "1 file rewritten, 1 already clean, 0 errors",
        ));
    assert_eq!(read(dir.path(), "in/dirty.txt"), clean("a"));
    assert_eq!(read(dir.path(), "in/tidy.txt"), clean("b"));
    assert_ne!(fs::metadata(&dirty).unwrap().modified().unwrap(), past);
    assert_eq!(fs::metadata(&tidy).unwrap().modified().unwrap(), past);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&dirty).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(dir.path().join("in"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// Issue 13: the replacement is a new inode, so it must be given the old
/// file's mode (and, below, owner and attributes) on purpose.
#[cfg(unix)]
#[test]
fn in_place_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmp();
    for (name, mode) in [("a", 0o600), ("b", 0o755), ("c", 0o444), ("d", 0o2750)] {
        let f = write(dir.path(), &format!("in/{name}.txt"), raw(name));
        fs::set_permissions(&f, fs::Permissions::from_mode(mode)).unwrap();
    }
    newsdedup(dir.path())
        .args(["-q", "-i", "in"])
        .assert()
        .success();
    for (name, mode) in [("a", 0o600), ("b", 0o755), ("c", 0o444), ("d", 0o2750)] {
        let f = dir.path().join(format!("in/{name}.txt"));
        assert_eq!(fs::read_to_string(&f).unwrap(), clean(name));
        let got = fs::metadata(&f).unwrap().permissions().mode() & 0o7777;
        assert_eq!(got, mode, "{name}: {got:o}");
    }
}

/// Owner and group are kept when the process may set them: as root here
/// (skipped otherwise, where a user's rewrite makes the file theirs, as
/// with `sed -i`).
#[cfg(unix)]
#[test]
fn in_place_keeps_owner_and_group_as_root() {
    use std::os::unix::fs::MetadataExt;
    let dir = tmp();
    let f = write(dir.path(), "in/a.txt", raw("a"));
    if fs::metadata(&f).unwrap().uid() != 0 {
        eprintln!("skipped: not root, cannot give a file away");
        return;
    }
    std::os::unix::fs::chown(&f, Some(1234), Some(5678)).unwrap();
    newsdedup(dir.path())
        .args(["-q", "-i", "in"])
        .assert()
        .success();
    let meta = fs::metadata(&f).unwrap();
    assert_eq!(read(dir.path(), "in/a.txt"), clean("a"));
    assert_eq!((meta.uid(), meta.gid()), (1234, 5678));
}

/// Extended attributes (ACLs are some) go to the new file, where the file
/// system has them (skipped where it has not).
#[cfg(target_os = "linux")]
#[test]
fn in_place_keeps_extended_attributes() {
    use rustix::fs::{getxattr, setxattr, XattrFlags};
    let dir = tmp();
    let f = write(dir.path(), "in/a.txt", raw("a"));
    if setxattr(&f, "user.newsdedup", b"kept", XattrFlags::empty()).is_err() {
        eprintln!("skipped: no user extended attributes on this file system");
        return;
    }
    newsdedup(dir.path())
        .args(["-q", "-i", "in"])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "in/a.txt"), clean("a"));
    let mut value = [0u8; 16];
    let n = getxattr(&f, "user.newsdedup", &mut value[..]).unwrap();
    assert_eq!(&value[..n], b"kept");
}

/// What the README says of hard links: the path named gets the new text
/// as a new inode; another name of the old inode keeps the old text.
#[cfg(unix)]
#[test]
fn in_place_breaks_a_hard_link() {
    let dir = tmp();
    let f = write(dir.path(), "in/a.txt", raw("a"));
    fs::hard_link(&f, dir.path().join("other-name")).unwrap();
    newsdedup(dir.path())
        .args(["-q", "-i", "in"])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "in/a.txt"), clean("a"));
    assert_eq!(read(dir.path(), "other-name"), raw("a"));
}

#[test]
fn in_place_leaves_a_bad_file_untouched_and_exits_2() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    write(dir.path(), "in/bad.txt", BAD);
    newsdedup(dir.path())
        .args(["-i", "in"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newsdedup: in/bad.txt:2: "));
    assert_eq!(read(dir.path(), "in/a.txt"), clean("a"));
    assert_eq!(read(dir.path(), "in/bad.txt"), BAD);
}

#[cfg(unix)]
#[test]
fn in_place_through_a_symlink_argument_keeps_the_link() {
    let dir = tmp();
    let target = write(dir.path(), "real.txt", raw("a"));
    std::os::unix::fs::symlink(&target, dir.path().join("link.txt")).unwrap();
    newsdedup(dir.path())
        .args(["-i", "link.txt"])
        .assert()
        .success();
    assert!(fs::symlink_metadata(dir.path().join("link.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(read(dir.path(), "real.txt"), clean("a"));
}

/// A run killed at any moment leaves each file whole: old or new, never a
/// mix, never empty.
#[test]
fn sigkill_during_in_place_leaves_no_torn_file() {
    let bin = assert_cmd::cargo::cargo_bin("newsdedup");
    for (round, delay_ms) in [2u64, 10, 25, 50, 100].into_iter().enumerate() {
        let dir = tmp();
        for i in 0..300 {
            let raw = long_article(&format!("{round}-{i}"), 25);
            write(dir.path(), &format!("in/{i:03}.txt"), &raw);
        }
        // What each file must become, from a run that writes elsewhere.
        newsdedup(dir.path())
            .args(["-q", "-o", "expected", "in"])
            .assert()
            .success();
        let expected: Vec<(PathBuf, String, String)> = (0..300)
            .map(|i| {
                let name = format!("{i:03}.txt");
                let path = dir.path().join("in").join(&name);
                let raw = fs::read_to_string(&path).unwrap();
                let clean = read(dir.path(), &format!("expected/{name}"));
                assert_ne!(raw, clean);
                (path, raw, clean)
            })
            .collect();
        let mut child = StdCommand::new(&bin)
            .current_dir(dir.path())
            .args(["-q", "-i", "in"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        // SIGKILL on Unix: no chance to clean up.
        let _ = child.kill();
        child.wait().unwrap();
        for (path, raw, clean) in &expected {
            let now = fs::read_to_string(path).unwrap();
            assert!(
                now == *raw || now == *clean,
                "round {round}: {} is torn ({} bytes)",
                path.display(),
                now.len()
            );
        }
        // A rerun finishes the job and ignores any leftover temporary file.
        newsdedup(dir.path())
            .args(["-q", "-i", "in"])
            .assert()
            .success();
        for (path, _, clean) in &expected {
            assert_eq!(fs::read_to_string(path).unwrap(), *clean);
        }
    }
}

// ---- --check and --diff -----------------------------------------------------

#[test]
fn check_exits_0_and_writes_nothing_when_every_file_is_clean() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", clean("a"));
    write(dir.path(), "in/b.txt", clean("b"));
    let before = snapshot(dir.path());
    newsdedup(dir.path())
        .args(["--check", "in"])
        .assert()
        .success()
        .stdout("")
        .stderr("0 files would be cleaned, 2 already clean\n");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn check_exits_1_with_sorted_paths_and_a_summary() {
    let dir = tmp();
    write(dir.path(), "in/z.txt", raw("z"));
    write(dir.path(), "in/a/m.txt", raw("m"));
    write(dir.path(), "in/b.txt", clean("b"));
    write(dir.path(), "in/c.txt", raw("c"));
    let before = snapshot(dir.path());
    newsdedup(dir.path())
        .args(["--check", "in"])
        .assert()
        .code(1)
        .stdout("in/a/m.txt\nin/c.txt\nin/z.txt\n")
        .stderr("3 files would be cleaned, 1 already clean\n");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn check_accepts_explicit_files_whatever_their_name() {
    let dir = tmp();
    write(dir.path(), "fixtures/one/expected", clean("a"));
    write(dir.path(), "fixtures/two/expected.txt", clean("b"));
    newsdedup(dir.path())
        .args([
            "--check",
            "fixtures/one/expected",
            "fixtures/two/expected.txt",
        ])
        .assert()
        .success()
        .stderr("0 files would be cleaned, 2 already clean\n");
}

#[test]
fn check_with_an_error_exits_2_even_when_files_would_change() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    write(dir.path(), "in/bad.txt", BAD);
    newsdedup(dir.path())
        .args(["--check", "in"])
        .assert()
        .code(2)
        .stdout("in/a.txt\n")
        .stderr(predicate::str::contains("newsdedup: in/bad.txt:2: "))
        .stderr(predicate::str::contains(
            "1 file would be cleaned, 0 already clean, 1 error",
        ));
}

#[test]
fn quiet_check_prints_paths_but_no_summary() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    newsdedup(dir.path())
        .args(["-q", "--check", "in"])
        .assert()
        .code(1)
        .stdout("in/a.txt\n")
        .stderr("");
}

#[test]
fn diff_shows_what_would_change_and_exits_1() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    write(dir.path(), "in/b.txt", clean("b"));
    let before = snapshot(dir.path());
    let out = newsdedup(dir.path())
        .args(["--diff", "in"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = stdout_of(&out);
    assert!(
        diff.starts_with("--- in/a.txt\n+++ in/a.txt\n@@ "),
        "{diff}"
    );
    assert!(diff.contains("\n-Alpha a opens the story with a fact.Beta a"));
    assert!(diff.contains("\n+Alpha a opens the story with a fact.\n"));
    assert!(!diff.contains("in/b.txt"));
    assert_eq!(
        stderr_of(&out),
        "1 file would be cleaned, 1 already clean\n"
    );
    assert_eq!(snapshot(dir.path()), before);
}

// ---- --format jsonl ---------------------------------------------------------

#[test]
fn jsonl_prints_one_object_per_file_ordered_by_path() {
    let dir = tmp();
    write(dir.path(), "in/b.txt", raw("b"));
    write(dir.path(), "in/a/z.txt", raw("z"));
    write(dir.path(), "in/c.txt", raw("c"));
    write(dir.path(), "solo.txt", raw("s"));
    let out = newsdedup(dir.path())
        .args(["--format", "jsonl", "solo.txt", "in"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let rows: Vec<serde_json::Value> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let paths: Vec<&str> = rows.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["in/a/z.txt", "in/b.txt", "in/c.txt", "solo.txt"]);
    assert_eq!(rows[1]["title"], "Title b");
    assert_eq!(rows[1]["paragraphs"].as_array().unwrap().len(), 3);
    assert!(stdout_of(&out).starts_with("{\"path\":"));
    assert!(stderr_of(&out).contains("4 files cleaned, 0 errors"));
}

#[test]
fn jsonl_from_stdin_names_it() {
    let dir = tmp();
    let out = newsdedup(dir.path())
        .args(["--format", "jsonl"])
        .write_stdin(raw("a"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["path"], "<stdin>");
}

// ---- --report ---------------------------------------------------------------

#[test]
fn report_writes_a_json_summary_with_a_row_per_file() {
    let dir = tmp();
    write(dir.path(), "in/a.txt", raw("a"));
    write(dir.path(), "in/b.txt", clean("b"));
    write(dir.path(), "in/c.txt", BAD);
    newsdedup(dir.path())
        .args(["-o", "out", "--report", "report.json", "in"])
        .assert()
        .code(2);
    let v: serde_json::Value = serde_json::from_str(&read(dir.path(), "report.json")).unwrap();
    assert_eq!(v["mode"], "out-dir");
    assert_eq!(v["summary"]["files"], 3);
    assert_eq!(v["summary"]["changed"], 1);
    assert_eq!(v["summary"]["unchanged"], 1);
    assert_eq!(v["summary"]["errors"], 1);
    let rows = v["files"].as_array().unwrap();
    let paths: Vec<&str> = rows.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["in/a.txt", "in/b.txt", "in/c.txt"]);
    assert_eq!(rows[0]["status"], "changed");
    assert_eq!(rows[0]["written"], "out/a.txt");
    assert_eq!(rows[0]["input_bytes"], raw("a").len());
    assert_eq!(rows[0]["output_bytes"], clean("a").len());
    assert_eq!(rows[0]["removed_bytes"], raw("a").len() - clean("a").len());
    assert_eq!(rows[1]["status"], "unchanged");
    assert_eq!(rows[2]["status"], "error");
    assert_eq!(rows[2]["line"], 2);
    assert!(rows[2]["error"].as_str().unwrap().contains("hint"));
    let removed: u64 = rows[..2]
        .iter()
        .map(|r| r["removed_bytes"].as_u64().unwrap())
        .sum();
    assert_eq!(v["summary"]["removed_bytes"], removed);
}

// ---- determinism ------------------------------------------------------------

#[test]
fn one_and_four_jobs_give_identical_stdout_files_and_exit_codes() {
    let dir = tmp();
    for i in 0..150 {
        let id = format!("{i}");
        let text = if i % 3 == 0 { clean(&id) } else { raw(&id) };
        write(dir.path(), &format!("in/d{}/f{i:03}.txt", i % 7), &text);
    }
    write(dir.path(), "in/d3/broken.txt", BAD);
    let run = |jobs: &str, args: &[&str]| {
        let out = newsdedup(dir.path())
            .args(["-j", jobs])
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), stdout_of(&out), stderr_of(&out))
    };
    for args in [
        &["--format", "jsonl", "in"][..],
        &["--check", "in"][..],
        &["--diff", "in"][..],
    ] {
        let one = run("1", args);
        let four = run("4", args);
        assert_eq!(one, four, "{args:?}");
        assert_eq!(one.0, Some(2));
    }
    let one = run("1", &["-o", "out1", "in"]);
    let four = run("4", &["-o", "out4", "in"]);
    assert_eq!(one.0, four.0);
    assert_eq!(one.1, four.1);
    assert_eq!(
        snapshot(&dir.path().join("out1")),
        snapshot(&dir.path().join("out4"))
    );
    assert_eq!(snapshot(&dir.path().join("out1")).len(), 150);
}

// ---- pipes and links --------------------------------------------------------

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let dir = tmp();
    for i in 0..1500 {
        write(dir.path(), &format!("in/{i:04}.txt"), raw(&i.to_string()));
    }
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("newsdedup"))
        .current_dir(dir.path())
        .args(["--format", "jsonl", "in"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (first, status, stderr) = read_then_close(&mut child, 10);
    assert_eq!(first, b"{\"path\":\"i");
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("broken pipe"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_cannot_hang_the_walk() {
    let dir = tmp();
    write(dir.path(), "in/sub/a.txt", raw("a"));
    std::os::unix::fs::symlink("..", dir.path().join("in/sub/up")).unwrap();
    // Links are not followed by default.
    newsdedup(dir.path())
        .args(["--check", "in"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1)
        .stdout("in/sub/a.txt\n");
    // Followed, the loop is found and reported.
    newsdedup(dir.path())
        .args(["--check", "-L", "in"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stdout("in/sub/a.txt\n")
        .stderr(predicate::str::contains("symbolic link loop"));
}

// ---- help --------------------------------------------------------------------

#[test]
fn short_help_shows_one_example_per_use_and_points_to_the_long_help() {
    let dir = tmp();
    newsdedup(dir.path())
        .arg("-h")
        .assert()
        .success()
        .stdout(predicate::str::contains("newsdedup scraped.txt"))
        .stdout(predicate::str::contains("newsdedup corpus/ -o clean/"))
        .stdout(predicate::str::contains("newsdedup --check corpus/"))
        .stdout(predicate::str::contains(
            "newsdedup --input-format jsonl --format jsonl < in.jsonl",
        ))
        .stdout(predicate::str::contains("newsdedup --help"))
        .stdout(predicate::str::contains("Exit status:").not());
}

#[test]
fn long_help_shows_the_jsonl_recipes_generate_and_exit_codes() {
    let dir = tmp();
    newsdedup(dir.path())
        .arg("--help")
        .assert()
        .success()
        // Runnable as written (issue 16): --block holds 1,000 records, and
        // PySpark passes the command no PATH unless told.
        .stdout(predicate::str::contains(
            "parallel --pipe -N 1000 --block 20M -k \\\n    newsdedup --input-format jsonl",
        ))
        .stdout(predicate::str::contains(
            r#"rdd.pipe("newsdedup --input-format jsonl --format jsonl",   (Spark)"#,
        ))
        .stdout(predicate::str::contains(
            r#"env={"PATH": os.environ["PATH"]})"#,
        ))
        .stdout(predicate::str::contains(
            "mkdir -p /usr/local/share/man/man1",
        ))
        .stdout(predicate::str::contains("--generate man"))
        .stdout(predicate::str::contains("Exit status:"))
        .stdout(predicate::str::contains("0  success"));
}

// ---- header layouts (--header) ----------------------------------------------

/// `article(id)` with its header lines `url,title,date` instead.
fn url_first(id: &str) -> (String, String) {
    let (raw, clean) = article(id);
    let header = format!("Title {id}\n20220122\nhttps://example.com/{id}\n");
    let reordered = format!("https://example.com/{id}\nTitle {id}\n20220122\n");
    (
        raw.replacen(&header, &reordered, 1),
        clean.replacen(&header, &reordered, 1),
    )
}

#[test]
fn header_url_title_date_reads_and_writes_the_lines_in_that_order() {
    let dir = tmp();
    let (raw, clean) = url_first("a");
    write(dir.path(), "in/a.txt", &raw);
    newsdedup(dir.path())
        .args(["--header", "url,title,date", "in/a.txt"])
        .assert()
        .success()
        .stdout(clean.clone());
    let out = newsdedup(dir.path())
        .args(["--header", "url,title,date", "--format", "json", "in/a.txt"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Title a");
    assert_eq!(v["date"], "2022-01-22");
    assert_eq!(v["url"], "https://example.com/a");
    assert_eq!(v["stats"]["output_bytes"], clean.len());
    // The file modes too.
    newsdedup(dir.path())
        .args(["-q", "--header", "url,title,date", "-o", "out", "in"])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "out/a.txt"), clean);
}

#[test]
fn header_title_url_has_no_date_null_in_json() {
    let dir = tmp();
    let (raw, clean) = article("a");
    let drop_date = |s: &str| s.replacen("20220122\n", "", 1);
    write(dir.path(), "a.txt", drop_date(&raw));
    newsdedup(dir.path())
        .args(["--header", "title,url", "a.txt"])
        .assert()
        .success()
        .stdout(drop_date(&clean));
    let out = newsdedup(dir.path())
        .args(["--header", "title,url", "--format", "jsonl", "a.txt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&v["path"], &v["title"]),
        (&"a.txt".into(), &"Title a".into())
    );
    assert!(v["date"].is_null(), "{v}");
    // `title` alone: the URL line is body text then.
    newsdedup(dir.path())
        .args(["--header", "title", "--format", "json", "a.txt"])
        .assert()
        .success()
        .stdout(predicates::str::contains(r#""date":null,"url":null,"#));
}

#[test]
fn cleaning_twice_with_the_same_header_layout_changes_nothing() {
    let dir = tmp();
    for (n, fields) in ["url,title,date", "date,url,title", "title,url", "url"]
        .into_iter()
        .enumerate()
    {
        let (raw, _) = url_first(&n.to_string());
        // The header lines of `fields`, in order, from the url,title,date file.
        let lines: Vec<&str> = raw.lines().collect();
        let line = |f: &str| match f {
            "url" => lines[0],
            "title" => lines[1],
            _ => lines[2],
        };
        let mut input: Vec<&str> = fields.split(',').map(line).collect();
        input.extend(&lines[3..]);
        let input = input.join("\n") + "\n";
        let once = newsdedup(dir.path())
            .args(["--header", fields])
            .write_stdin(input.clone())
            .output()
            .unwrap();
        assert!(once.status.success(), "{fields}: {once:?}");
        assert_ne!(
            once.stdout,
            input.as_bytes(),
            "{fields}: it cleaned something"
        );
        assert!(stdout_of(&once).starts_with(&input[..input.find("\nAlpha").unwrap()]));
        newsdedup(dir.path())
            .args(["--header", fields])
            .write_stdin(once.stdout.clone())
            .assert()
            .success()
            .stdout(once.stdout.clone());
        write(dir.path(), &format!("clean/{n}.txt"), &once.stdout);
        newsdedup(dir.path())
            .args(["--header", fields, "--check", &format!("clean/{n}.txt")])
            .assert()
            .code(0);
    }
}

#[test]
fn the_default_header_layout_is_todays_output_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["seed-webindia", "crlf", "date-rfc2822", "unicode-text"] {
        let input = format!("fixtures/{name}/input.txt");
        for format in ["text", "json", "jsonl"] {
            let plain = newsdedup(root)
                .args(["--format", format, &input])
                .output()
                .unwrap();
            assert!(plain.status.success(), "{plain:?}");
            newsdedup(root)
                .args(["--header", "title,date,url", "--format", format, &input])
                .assert()
                .success()
                .stdout(plain.stdout);
        }
        let expected = fs::read(root.join(format!("fixtures/{name}/expected.txt"))).unwrap();
        newsdedup(root)
            .args(["--header", "title,date,url", &input])
            .assert()
            .stdout(expected);
    }
}

/// The README's `--header` example, run exactly as written (with the
/// binary first on PATH), prints the output the README shows.
#[test]
fn the_readme_header_example_prints_what_the_readme_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let section = readme
        .split("#### Header layout: `--header`\n")
        .nth(1)
        .expect("the README has the section");
    let command = section
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("and a command");
    assert!(
        command.contains("newsdedup --header url,title,date"),
        "{command}"
    );
    let shown = section
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("and its output");
    let bin = assert_cmd::cargo::cargo_bin("newsdedup");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = StdCommand::new("sh")
        .args(["-c", command])
        .env("PATH", path)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(stdout_of(&out), shown);
}
