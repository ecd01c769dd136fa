//! The `newsdedup` command: parse the arguments, turn them into a plan, run
//! its command, exit.
//!
//! The binary's modules: [`cli`] (clap types only), [`plan`] (the arguments
//! validated once into what the run does), [`commands`] (one file per
//! command), [`messages`] (everything printed on stderr, and the exit-code
//! flag), [`batch`] (the pipeline over many files: walking, parallel
//! cleaning, atomic writes, report) and `parallel` (the worker pool, shared
//! with the library's source).
//!
//! The Python package compiles this file as a library too
//! (`python/cli/Cargo.toml`), so that its `newsdedup` script runs this very
//! binary through [`run`]: a wheel then ships one native module, not a
//! second program.

mod batch;
mod cli;
mod commands;
mod messages;
mod parallel;
mod plan;

use std::ffi::OsString;
use std::io;
use std::process::ExitCode;

use clap::Parser;

use commands::ExitStatus;

fn main() -> ExitCode {
    ExitCode::from(run(std::env::args_os()))
}

/// Runs the command line `args` (the program's name first) and returns
/// the exit status. Call it once per process: an error reported is
/// remembered for the exit status until the process ends.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap exits 2 on usage errors; --help and --version are successes.
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match plan::Plan::new(&cli).and_then(commands::run) {
        // An error reported on the way outranks what the command found.
        Ok(_) if messages::errored() => ExitStatus::Error as u8,
        Ok(status) => status as u8,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            messages::eprint(format_args!("{e:#}"));
            ExitStatus::Error as u8
        }
    }
}

/// A closed stdout (`newsdedup big.txt | head`) is how pipelines stop
/// reading, not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
