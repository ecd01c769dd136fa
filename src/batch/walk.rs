//! Finding the files of a batch: the paths given, and the files under the
//! directories among them that match the globs.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use ignore::overrides::{Override, OverrideBuilder};
use ignore::WalkBuilder;

use super::{FileError, FileReport};

/// The glob a walked file must match when none is given.
pub const DEFAULT_GLOB: &str = "*.txt";

/// How to find files under directory arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkOptions {
    /// Globs in gitignore syntax (`*.txt`, `news/**/*.txt`, `!draft*`) that
    /// a file found by walking must match. Files named as arguments are
    /// taken whatever their name.
    pub globs: Vec<String>,
    /// Follow symbolic links while walking; loops are detected and reported
    /// as errors. When false, symbolic links found by walking are skipped.
    pub follow_links: bool,
    /// A directory never to walk into: the out-dir, so that a second run
    /// does not clean the first run's output.
    pub exclude: Option<PathBuf>,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            globs: vec![DEFAULT_GLOB.to_string()],
            follow_links: false,
            exclude: None,
        }
    }
}

/// One file to clean.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    /// The path to read: as given, or the directory argument joined with the
    /// path found under it. Results are sorted by it.
    pub path: PathBuf,
    /// Where the file goes under an out-dir: its path relative to the
    /// directory argument it was found in, or its file name when it was
    /// given as an argument.
    pub relative: PathBuf,
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The files to clean, sorted by path, each once.
    pub inputs: Vec<Input>,
    /// Entries that could not be walked (an unreadable directory, a link
    /// loop), sorted by path; each is an error report.
    pub errors: Vec<FileReport>,
}

/// A `--glob` pattern that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobError {
    /// The pattern as given.
    pub glob: String,
    /// Why it does not parse.
    pub reason: String,
}

impl fmt::Display for GlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad glob {:?}: {}", self.glob, self.reason)
    }
}

impl std::error::Error for GlobError {}

/// Lists the files to clean under `paths`, sorted by path.
///
/// A path that is a directory is walked recursively: hidden files and
/// directories are skipped, `.gitignore` files are not consulted (a corpus
/// is often ignored by the repository that holds it), and only files that
/// match `opts.globs` are kept. Any other path, missing ones included, is
/// taken as a file to clean; reading it later reports what is wrong.
pub fn discover(paths: &[PathBuf], opts: &WalkOptions) -> Result<Discovered, GlobError> {
    // Compared by canonical path: `out`, `./out` and `../x/out` are one place.
    let exclude = opts
        .exclude
        .as_deref()
        .and_then(|p| fs::canonicalize(p).ok());
    let mut found = Discovered::default();
    for path in paths {
        if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            walk_dir(path, opts, exclude.as_deref(), &mut found)?;
        } else {
            let relative = path.file_name().map_or_else(|| path.clone(), PathBuf::from);
            found.inputs.push(Input {
                path: path.clone(),
                relative,
            });
        }
    }
    found.inputs.sort();
    // `corpus corpus/a.txt` names a.txt twice; clean it once.
    found.inputs.dedup_by(|a, b| a.path == b.path);
    found.errors.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

fn walk_dir(
    root: &Path,
    opts: &WalkOptions,
    exclude: Option<&Path>,
    found: &mut Discovered,
) -> Result<(), GlobError> {
    if exclude.is_some_and(|ex| fs::canonicalize(root).is_ok_and(|r| r == ex)) {
        return Ok(());
    }
    let mut builder = WalkBuilder::new(root);
    builder
        .standard_filters(false)
        .follow_links(opts.follow_links)
        .overrides(overrides(root, &opts.globs)?);
    let exclude = exclude.map(Path::to_path_buf);
    // Hidden entries are skipped here rather than by the walker's own
    // filter, which a matching glob overrides (`*.txt` would let
    // `.draft.txt` through).
    builder.filter_entry(move |entry| {
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            return false;
        }
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        !(is_dir
            && exclude
                .as_ref()
                .is_some_and(|ex| fs::canonicalize(entry.path()).is_ok_and(|p| p == *ex)))
    });
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                // With follow_links the type is the link target's; without
                // it a link is neither a file nor a directory and is skipped.
                if entry.depth() == 0 || !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let path = entry.into_path();
                let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                found.inputs.push(Input { path, relative });
            }
            Err(err) => found.errors.push(walk_error(root, err)),
        }
    }
    Ok(())
}

fn overrides(root: &Path, globs: &[String]) -> Result<Override, GlobError> {
    let mut builder = OverrideBuilder::new(root);
    for glob in globs {
        builder.add(glob).map_err(|e| GlobError {
            glob: glob.clone(),
            reason: glob_reason(e),
        })?;
    }
    builder.build().map_err(|e| GlobError {
        glob: globs.join(" "),
        reason: glob_reason(e),
    })
}

fn glob_reason(err: ignore::Error) -> String {
    match err {
        ignore::Error::Glob { err, .. } => err,
        other => other.to_string(),
    }
}

/// Turns a walk error into a report on the path it concerns, with a message
/// that does not repeat that path.
fn walk_error(root: &Path, err: ignore::Error) -> FileReport {
    let mut path = root.to_path_buf();
    let mut err = err;
    loop {
        match err {
            ignore::Error::WithPath {
                path: p,
                err: inner,
            } => {
                path = p;
                err = *inner;
            }
            ignore::Error::WithDepth { err: inner, .. }
            | ignore::Error::WithLineNumber { err: inner, .. } => err = *inner,
            ignore::Error::Loop { ancestor, child } => {
                return FileReport {
                    path: child,
                    outcome: Err(FileError::LinkLoop { ancestor }),
                }
            }
            ignore::Error::Io(io) => {
                return FileReport {
                    path,
                    outcome: Err(FileError::Walk(io)),
                }
            }
            other => {
                return FileReport {
                    path,
                    outcome: Err(FileError::Walk(io::Error::other(other.to_string()))),
                }
            }
        }
    }
}
