//! Helpers shared by the integration tests of the binary: a fresh temp
//! dir per test, files written into it, the binary run inside it, and a
//! snapshot of a tree to compare before and after.
#![allow(dead_code)] // each test crate uses its own subset

pub mod stories;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A fresh temporary directory, removed when dropped.
pub fn tmp() -> TempDir {
    tempfile::tempdir().unwrap()
}

/// Writes `bytes` at `dir/rel`, creating directories as needed.
pub fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

/// The binary, run in `dir` so that paths in messages are short.
pub fn newsdedup(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsdedup").unwrap();
    cmd.current_dir(dir);
    cmd
}

/// Every file under `dir` (relative path and bytes), sorted; empty when
/// `dir` does not exist.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.push((rel, fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Runs a command that must succeed and returns its stdout.
pub trait Succeeds {
    /// Asserts exit 0 and returns stdout.
    fn ok_stdout(&mut self) -> Vec<u8>;
    /// Asserts exit 0 and an empty stderr, and returns stdout.
    fn quiet_stdout(&mut self) -> Vec<u8>;
}

impl Succeeds for Command {
    fn ok_stdout(&mut self) -> Vec<u8> {
        self.assert().success().get_output().stdout.clone()
    }

    fn quiet_stdout(&mut self) -> Vec<u8> {
        self.assert()
            .success()
            .stderr("")
            .get_output()
            .stdout
            .clone()
    }
}

/// The binary started with `args`, stdin, stdout and stderr all piped, for
/// tests that feed it or read it while it runs.
pub fn spawn_piped(args: &[&str]) -> std::process::Child {
    use std::process::Stdio;
    std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdedup"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Reads the first `n` bytes of a running child's stdout, closes it (as
/// `| head -c N` does), and returns those bytes, the exit status and all of
/// stderr.
pub fn read_then_close(
    child: &mut std::process::Child,
    n: usize,
) -> (Vec<u8>, std::process::ExitStatus, String) {
    use std::io::Read;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut first = vec![0u8; n];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut stderr)
        .unwrap();
    (first, child.wait().unwrap(), stderr)
}
