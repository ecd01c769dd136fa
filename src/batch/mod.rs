//! Batch cleaning: many files at once, for corpora and for CI; the
//! binary's, not the library's (the library cleans one input; walking
//! directories and writing files is the command's business).
//!
//! Every batch mode of the command (`--out-dir`, `--in-place`, `--check`,
//! `--format jsonl`) runs the same pipeline: [`discover`] the files under the
//! paths given, clean each one on a thread pool ([`Batch::run`]), and hand the
//! results back one [`FileReport`] per file, in path order, so that what the
//! caller prints is the same for any number of threads. The pipeline does
//! the file I/O its modes need (reading, atomic writes) but never prints:
//! showing results, errors and progress is the caller's business.
//!
//! One file's failure, a panic included, becomes that file's report and
//! never stops the batch, and no file is ever left half written: outputs go
//! to a temporary file beside their destination and are renamed over it
//! (or, for a new `--out-dir` file on Linux, to an unnamed file that is
//! linked in once written).
//!
//! Its parts: [`walk`] finds the files, this module runs them through the
//! pool and the action, [`output`] writes files atomically, and [`report`]
//! sums the outcomes and writes `--report`.

mod output;
mod report;
#[cfg(test)]
mod tests;
mod walk;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use newsdedup::{writer, Error, Options, Stats};

use crate::messages::{self, read_hint, write_hint, Hinted};
use crate::parallel::{catch_panic_message, thread_pool};

pub use report::{write_report, Summary};
pub use walk::{discover, Input, WalkOptions, DEFAULT_GLOB};

/// Files per round of parallel work. Results are handed back a round at a
/// time, in order, so memory stays bounded on large corpora while output
/// starts early.
const CHUNK: usize = 512;

/// What to do with each cleaned file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// Render each article as a JSON Lines record: the writer's JSON object
    /// with a leading `"path"`, kept in [`Cleaned::json`].
    JsonLines,
    /// Write nothing; only tell whether each file would change. With `diff`,
    /// a unified diff of each file that would change is kept in
    /// [`Cleaned::diff`].
    Check {
        /// Keep a unified diff of the changes.
        diff: bool,
    },
    /// Write every cleaned file under this directory at its
    /// [`Input::relative`] path, creating directories as needed.
    OutDir(PathBuf),
    /// Rewrite each file whose bytes change, atomically and keeping its
    /// permissions; leave the others untouched.
    InPlace,
}

impl Action {
    /// A short name for reports: `jsonl`, `check`, `out-dir` or `in-place`.
    pub fn name(&self) -> &'static str {
        match self {
            Action::JsonLines => "jsonl",
            Action::Check { .. } => "check",
            Action::OutDir(_) => "out-dir",
            Action::InPlace => "in-place",
        }
    }
}

/// How to run a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOptions {
    /// How to clean each file.
    pub clean: Options,
    /// What to do with the result.
    pub action: Action,
}

/// The outcome for one file.
#[derive(Debug)]
pub struct FileReport {
    /// The file, as in [`Input::path`].
    pub path: PathBuf,
    /// What became of it.
    pub outcome: Result<Cleaned, FileError>,
}

/// A file that was cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// Sizes before and after.
    pub stats: Stats,
    /// The file's bytes differ from the text rendering of its cleaned
    /// article, so `--in-place` rewrites it and `--check` lists it.
    pub changed: bool,
    /// The file written: the output under the out-dir, or the file itself
    /// when rewritten in place.
    pub written: Option<PathBuf>,
    /// The JSON Lines record, with its newline ([`Action::JsonLines`]).
    pub json: Option<JsonRecord>,
    /// A unified diff from the file to its cleaned text, when asked for and
    /// the file would change.
    pub diff: Option<String>,
}

/// A file's JSON Lines record: rendered by the worker that cleaned it, or,
/// for a large article, the article itself, rendered where it is written.
/// A record is about twice its article's text (paragraphs and sentences):
/// rendered beside the article it held both at once (issue 13).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonRecord {
    /// The record's bytes, with its newline.
    Rendered(Vec<u8>),
    /// The article and its path, to be written as they are rendered.
    Deferred {
        /// The cleaned article.
        article: Box<newsdedup::Article>,
        /// The input's path, as the record gives it.
        path: String,
    },
}

impl JsonRecord {
    /// Writes the record, with its newline.
    ///
    /// Complexity: *O(n)* time in the record's length; a deferred one is
    /// rendered straight into `w` ([`writer::write_json`]), with no memory
    /// beyond the sentences of one paragraph.
    pub fn write_to(&self, mut w: impl io::Write) -> io::Result<()> {
        match self {
            JsonRecord::Rendered(bytes) => w.write_all(bytes),
            JsonRecord::Deferred { article, path } => writer::write_json(article, Some(path), w),
        }
    }
}

/// Articles over this many bytes of text have their JSON Lines record made
/// as it is written ([`JsonRecord::Deferred`]): on the thread that writes,
/// so only large ones, which are few.
const DEFER_JSON: usize = 1 << 20;

/// Why one file of a batch was not cleaned.
#[derive(Debug)]
#[non_exhaustive]
pub enum FileError {
    /// The file could not be read.
    Read(io::Error),
    /// The file was read but is not a scraped article.
    Clean(Error),
    /// The output could not be written; the destination is untouched.
    Write {
        /// The destination.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The out-dir destination is the input itself.
    SameFile {
        /// The destination.
        output: PathBuf,
    },
    /// An earlier input (in path order) already goes to the same out-dir
    /// destination: two file arguments with one name.
    Clash {
        /// The destination.
        output: PathBuf,
        /// The input that got it.
        other: PathBuf,
    },
    /// A directory entry could not be read while walking.
    Walk(io::Error),
    /// A followed symbolic link leads back to a directory above it.
    LinkLoop {
        /// The directory it leads back to.
        ancestor: PathBuf,
    },
    /// Cleaning panicked: a bug, caught so the rest of the batch goes on.
    Panic(String),
}

impl FileError {
    /// The 1-based line of the input the error applies to, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            FileError::Clean(e) => e.line(),
            _ => None,
        }
    }
}

/// The message and its hint: `what is wrong (hint: how to fix it)`, in the
/// format of [`crate::messages`], which prints it after `PATH:`.
impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Read(e) => write!(
                f,
                "{}",
                Hinted(format_args!("cannot read: {e}"), read_hint(e))
            ),
            FileError::Clean(e) => write!(f, "{}", Hinted(e, messages::hint(e))),
            FileError::Write { path, source } => write!(
                f,
                "{}",
                Hinted(
                    format_args!("cannot write {}: {source}", path.display()),
                    write_hint(source)
                )
            ),
            FileError::SameFile { output } => write!(
                f,
                "{}",
                Hinted(
                    format_args!("the output {} is this file itself", output.display()),
                    "use --in-place to rewrite files where they are"
                )
            ),
            FileError::Clash { output, other } => write!(
                f,
                "{}",
                Hinted(
                    format_args!("{} already goes to {}", other.display(), output.display()),
                    "pass their directory instead, so that paths are mirrored"
                )
            ),
            FileError::Walk(e) => write!(
                f,
                "{}",
                Hinted(format_args!("cannot walk: {e}"), read_hint(e))
            ),
            FileError::LinkLoop { ancestor } => write!(
                f,
                "symbolic link loop back to {} (not followed)",
                ancestor.display()
            ),
            FileError::Panic(msg) => {
                write!(f, "internal error, please report it: panicked: {msg}")
            }
        }
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FileError::Read(e) | FileError::Walk(e) | FileError::Write { source: e, .. } => Some(e),
            FileError::Clean(e) => Some(e),
            _ => None,
        }
    }
}

/// A batch runner: the options and a thread pool.
#[derive(Debug)]
pub struct Batch {
    opts: BatchOptions,
    pool: rayon::ThreadPool,
    /// Out-dir directories known to exist: each is made once, not once per
    /// file (a failed `mkdir` and a `stat` each time).
    made_dirs: Mutex<HashSet<PathBuf>>,
}

impl Batch {
    /// A runner with `jobs` threads, or one per core when `None`.
    pub fn new(opts: BatchOptions, jobs: Option<usize>) -> io::Result<Batch> {
        Ok(Batch {
            opts,
            pool: thread_pool(jobs)?,
            made_dirs: Mutex::default(),
        })
    }

    /// Cleans `inputs` in parallel and calls `emit` with each file's report,
    /// in the order of `inputs`, on the calling thread. `progress` is called
    /// from the worker threads as each file is done, in any order.
    ///
    /// The first error `emit` returns (a closed stdout, say) stops the batch
    /// after the files already started, and is returned.
    pub fn run<E>(
        &self,
        inputs: &[Input],
        progress: &(dyn Fn(&FileReport) + Sync),
        mut emit: impl FnMut(FileReport) -> Result<(), E>,
    ) -> Result<(), E> {
        let clashes = match &self.opts.action {
            Action::OutDir(dir) => clashes(inputs, dir),
            _ => HashMap::new(),
        };
        for (n, chunk) in inputs.chunks(CHUNK).enumerate() {
            let reports: Vec<FileReport> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .enumerate()
                    .map(|(i, input)| {
                        let report = match clashes.get(&(n * CHUNK + i)) {
                            Some(err) => FileReport {
                                path: input.path.clone(),
                                outcome: Err(FileError::Clash {
                                    output: err.0.clone(),
                                    other: err.1.clone(),
                                }),
                            },
                            None => self.process(input),
                        };
                        progress(&report);
                        report
                    })
                    .collect()
            });
            for report in reports {
                emit(report)?;
            }
        }
        Ok(())
    }

    /// Cleans one file and does the action with it.
    pub fn process(&self, input: &Input) -> FileReport {
        FileReport {
            path: input.path.clone(),
            outcome: catch_panic(|| self.process_unguarded(input)),
        }
    }

    fn process_unguarded(&self, input: &Input) -> Result<Cleaned, FileError> {
        let (original, perms) =
            read_limited(&input.path, self.opts.clean.max_bytes).map_err(FileError::Read)?;
        let size = original.len();
        // Only a diff reads the input once it is cleaned. Elsewhere it is
        // handed over to the cleaner, which cuts the paragraphs from it as
        // it frees it and tells whether the text output is the input: it is
        // not held beside the paragraphs (a file of one 80 MB line, issue
        // 13).
        if matches!(self.opts.action, Action::Check { diff: true }) {
            let article =
                newsdedup::clean(&original, &self.opts.clean).map_err(FileError::Clean)?;
            let text = writer::to_text(&article);
            let changed = text != original;
            return Ok(Cleaned {
                stats: article.stats,
                changed,
                written: None,
                json: None,
                diff: changed.then(|| unified_diff(&input.path, &original, &text)),
            });
        }
        let cleaned =
            newsdedup::clean_owned(original, &self.opts.clean).map_err(FileError::Clean)?;
        let (article, changed) = (cleaned.article, !cleaned.unchanged);
        let mut done = Cleaned {
            stats: article.stats,
            changed,
            written: None,
            json: None,
            diff: None,
        };
        match &self.opts.action {
            Action::JsonLines => {
                let path = input.path.to_string_lossy();
                if article.text_len() > DEFER_JSON {
                    done.json = Some(JsonRecord::Deferred {
                        article: Box::new(article),
                        path: path.into_owned(),
                    });
                    return Ok(done);
                }
                // Paragraphs and sentences: about twice the text.
                let mut line = Vec::with_capacity(size.min(article.text_len()) * 2 + 256);
                writer::write_json(&article, Some(&path), &mut line)
                    .expect("writing to a Vec cannot fail");
                done.json = Some(JsonRecord::Rendered(line));
            }
            Action::Check { .. } => {}
            // The text output is written as it is made, not made first
            // beside the paragraphs (issue 13).
            Action::OutDir(dir) => {
                let output = dir.join(&input.relative);
                self.write_output(&input.path, perms, &output, &article)?;
                done.written = Some(output);
            }
            Action::InPlace => {
                if done.changed {
                    output::rewrite(&input.path, &article)?;
                    done.written = Some(input.path.clone());
                }
            }
        }
        Ok(done)
    }
}

/// Out-dir destinations taken by an earlier input, by index of the later one.
fn clashes(inputs: &[Input], dir: &Path) -> HashMap<usize, (PathBuf, PathBuf)> {
    let mut first: HashMap<&Path, &Path> = HashMap::new();
    let mut clashes = HashMap::new();
    for (i, input) in inputs.iter().enumerate() {
        if let Some(other) = first.insert(&input.relative, &input.path) {
            // Keep the first one as the owner of the destination.
            first.insert(&input.relative, other);
            clashes.insert(i, (dir.join(&input.relative), other.to_path_buf()));
        }
    }
    clashes
}

/// Runs `f`, turning a panic into [`FileError::Panic`] so that one bad file
/// cannot take the batch down with it.
fn catch_panic<T>(f: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    catch_panic_message(f).unwrap_or_else(|msg| Err(FileError::Panic(msg)))
}

/// Reads at most `max + 1` bytes: enough for `newsdedup::clean` to refuse an
/// oversized file without reading all of it.
pub fn read_limited(path: &Path, max: u64) -> io::Result<(Vec<u8>, fs::Permissions)> {
    let file = File::open(path)?;
    let meta = file.metadata()?;
    let mut bytes = Vec::with_capacity(meta.len().min(max.saturating_add(1)) as usize);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes, meta.permissions()))
}

/// A unified diff from `old` to `new`, both headed by `path`, in the form
/// `patch -p0` applies.
fn unified_diff(path: &Path, old: &[u8], new: &[u8]) -> String {
    let name = path.to_string_lossy();
    let old = String::from_utf8_lossy(old);
    let new = String::from_utf8_lossy(new);
    similar::TextDiff::from_lines(old.as_ref(), new.as_ref())
        .unified_diff()
        .context_radius(3)
        .header(&name, &name)
        .to_string()
}
