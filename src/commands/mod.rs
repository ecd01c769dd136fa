//! The commands, one file each, as ruff keeps them: [`single`] (one input to
//! stdout), [`batch`] (files and directories: out-dir, in place, check,
//! JSON Lines), [`stream`] (the JSON Lines filter), [`explain`] (the fate of
//! each body line of one input), [`duplicates`] (copies of one story across
//! the inputs) with [`unique`] (one article of each) and [`signature`]
//! (records with the keys that find their copies), and [`generate`] (man
//! page and completions). Each takes its part of the [`Plan`], does the
//! I/O the library leaves to its caller, and says how the run ended.

mod batch;
mod duplicates;
mod explain;
mod generate;
mod signature;
mod single;
mod stream;
mod unique;

use std::io::{self, Read};
use std::path::PathBuf;

use anyhow::Result;

use crate::plan::Plan;

/// How a run ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything was cleaned; with `--check`, every file is already clean.
    Success = 0,
    /// `--check` or `--diff` found files that would change.
    Failure = 1,
    /// An input could not be cleaned, or a file could not be read or
    /// written, or the arguments make no sense.
    Error = 2,
}

/// Runs the plan. An error about one input is reported as it comes (see
/// [`crate::messages::error`]) and the run goes on; an `Err` here is an
/// error that ends the run (a closed stdout, an unwritable report).
pub fn run(plan: Plan) -> Result<ExitStatus> {
    match plan {
        Plan::Generate(kind) => generate::run(kind),
        Plan::Single(single) => single::run(&single),
        Plan::Batch(batch) => batch::run(batch),
        Plan::Stream(stream) => stream::run(&stream),
        Plan::Explain(explain) => explain::run(&explain),
        Plan::Duplicates(plan) => duplicates::run(&plan),
        Plan::Signature(plan) => signature::run(&plan),
    }
}

/// An input of a JSON Lines run (standard input when `None`): its name for
/// messages, and a reader, or `None` when it cannot be opened (reported
/// already, so the run goes on with the next input).
pub(crate) fn open_input(input: &Option<PathBuf>) -> (String, Option<Box<dyn Read + Send>>) {
    let name = input.as_ref().map_or_else(
        || crate::messages::STDIN.to_string(),
        |p| p.display().to_string(),
    );
    let reader: Option<Box<dyn Read + Send>> = match input {
        None => Some(Box::new(io::stdin())),
        Some(path) => match std::fs::File::open(path) {
            Ok(file) => Some(Box::new(file)),
            Err(e) => {
                cannot_read(&name, &e);
                None
            }
        },
    };
    (name, reader)
}

/// Reports an input that cannot be read: `newsdedup: NAME: cannot read: …`.
pub(crate) fn cannot_read(name: &str, e: &io::Error) {
    let message = crate::messages::Hinted(
        format_args!("cannot read: {e}"),
        crate::messages::read_hint(e),
    );
    crate::messages::error(name, None, message);
}
