//! Unit tests of the batch pipeline: walking, checking, out-dir clashes.

use super::walk::Discovered;
use super::*;

const RAW: &str = "Title\n20220122\nhttps://example.com/a\n\
    Second paragraph here.Third and last one.\n\
    First paragraph of it.Second paragraph here.Third and last one.\n\
    Third and last one.\n";
const CLEAN: &str = "Title\n20220122\nhttps://example.com/a\n\
    First paragraph of it.\nSecond paragraph here.\nThird and last one.\n";

/// A batch that does `action` with default cleaning on `jobs` threads.
fn batch_with(action: Action, jobs: usize) -> Batch {
    let opts = BatchOptions {
        clean: Options::default(),
        action,
    };
    Batch::new(opts, Some(jobs)).unwrap()
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn relatives(found: &Discovered) -> Vec<String> {
    found
        .inputs
        .iter()
        .map(|i| i.relative.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn walking_keeps_matching_visible_files_sorted() {
    let dir = tree(&[
        ("b.txt", RAW),
        ("a/z.txt", RAW),
        ("a/notes.md", RAW),
        (".hidden.txt", RAW),
        (".git/x.txt", RAW),
    ]);
    let found = discover(&[dir.path().to_path_buf()], &WalkOptions::default()).unwrap();
    assert_eq!(relatives(&found), ["a/z.txt", "b.txt"]);
    assert!(found.errors.is_empty());
}

#[test]
fn file_arguments_are_taken_whatever_their_name() {
    let dir = tree(&[("expected.out", RAW), (".hidden", RAW)]);
    let paths = [dir.path().join("expected.out"), dir.path().join(".hidden")];
    let found = discover(&paths, &WalkOptions::default()).unwrap();
    assert_eq!(relatives(&found), [".hidden", "expected.out"]);
}

#[test]
fn the_excluded_directory_is_not_walked() {
    let dir = tree(&[("a.txt", RAW), ("out/a.txt", CLEAN)]);
    let opts = WalkOptions {
        exclude: Some(dir.path().join("out")),
        ..WalkOptions::default()
    };
    let found = discover(&[dir.path().to_path_buf()], &opts).unwrap();
    assert_eq!(relatives(&found), ["a.txt"]);
}

#[test]
fn a_bad_glob_is_refused() {
    let dir = tree(&[]);
    let opts = WalkOptions {
        globs: vec!["a[".into()],
        ..WalkOptions::default()
    };
    assert!(discover(&[dir.path().to_path_buf()], &opts).is_err());
}

#[test]
fn a_panic_becomes_that_files_error() {
    let result: Result<(), FileError> = catch_panic(|| panic!("boom"));
    assert!(matches!(result, Err(FileError::Panic(m)) if m == "boom"));
}

#[test]
fn check_reports_changes_in_input_order_and_writes_nothing() {
    let dir = tree(&[("a.txt", RAW), ("b.txt", CLEAN), ("c.txt", "")]);
    let found = discover(&[dir.path().to_path_buf()], &WalkOptions::default()).unwrap();
    let batch = batch_with(Action::Check { diff: true }, 2);
    let mut summary = Summary::default();
    let mut seen = Vec::new();
    batch
        .run(&found.inputs, &|_| {}, |r| {
            summary.add(&r);
            seen.push(r);
            Ok::<(), ()>(())
        })
        .unwrap();
    assert_eq!(seen.len(), 3);
    assert!(seen[0].outcome.as_ref().unwrap().changed);
    assert!(seen[0].outcome.as_ref().unwrap().diff.is_some());
    assert!(!seen[1].outcome.as_ref().unwrap().changed);
    assert!(matches!(seen[2].outcome, Err(FileError::Clean(_))));
    assert_eq!(
        (summary.changed, summary.unchanged, summary.errors),
        (1, 1, 1)
    );
    assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), RAW);
}

#[test]
fn two_inputs_with_one_destination_clash() {
    let dir = tree(&[("x/a.txt", RAW), ("y/a.txt", RAW)]);
    let out = dir.path().join("out");
    let paths = [dir.path().join("x/a.txt"), dir.path().join("y/a.txt")];
    let found = discover(&paths, &WalkOptions::default()).unwrap();
    let batch = batch_with(Action::OutDir(out.clone()), 1);
    let mut seen = Vec::new();
    batch
        .run(&found.inputs, &|_| {}, |r| {
            seen.push(r);
            Ok::<(), ()>(())
        })
        .unwrap();
    assert!(seen[0].outcome.is_ok());
    assert!(matches!(seen[1].outcome, Err(FileError::Clash { .. })));
    assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), CLEAN);
}

#[test]
fn an_out_dir_removed_between_two_runs_of_one_batch_is_made_again() {
    let dir = tree(&[("in/sub/a.txt", RAW)]);
    let out = dir.path().join("out");
    let found = discover(&[dir.path().join("in")], &WalkOptions::default()).unwrap();
    let batch = batch_with(Action::OutDir(out.clone()), 1);
    for _ in 0..2 {
        assert!(batch.process(&found.inputs[0]).outcome.is_ok());
        assert_eq!(fs::read_to_string(out.join("sub/a.txt")).unwrap(), CLEAN);
        fs::remove_dir_all(&out).unwrap();
    }
}
