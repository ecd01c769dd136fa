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
    fix_mmap_threshold();
    ExitCode::from(run(std::env::args_os()))
}

/// Blocks of 4 MiB or more get a mapping of their own, given back whole
/// when freed.
///
/// glibc's malloc starts so from 128 KiB, but raises the threshold to the
/// size of each such block freed (up to 32 MiB): once a pass frees its
/// squeezed copy of a huge line, the buffers of that size that follow
/// come from the heap, where the room a freed one leaves is seldom given
/// back to the system while the next is made. A fixed threshold turns that
/// off (issue 13: 12 MB of punctuation soup peaked at 65 MB, bound 57, and
/// now at 52; 80 MB of glued paragraphs at 288 MB, now 278). Small blocks
/// are not concerned: a file of a news article never makes one this big.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fix_mmap_threshold() {
    // SAFETY: `mallopt` sets one of glibc's allocator parameters under
    // the allocator's own lock; it takes no pointer and touches no memory
    // of ours, and runs here before any other thread exists. There is no
    // safe binding for it (std and rustix have none), hence the `unsafe`.
    // Should glibc refuse the value, the default stays: nothing to handle.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
    }
}

/// Other allocators keep their own defaults.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fix_mmap_threshold() {}

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
