//! The JSON Lines filter (`--input-format jsonl`): each input, standard
//! input or the PATHs one after another, streamed to stdout through the
//! library's `jsonl::Filter`. A bad record, or an input that cannot be
//! read, is reported and skipped; the run goes on and exits 2 at the end.

use std::io::{self, Write};

use anyhow::{Context, Result};

use newsdedup::jsonl::{self, Filter, FilterOptions, StreamError};

use super::ExitStatus;
use crate::messages::{self, stdout_failure};
use crate::plan::Stream;

/// Runs the filter over every input in turn, into one stdout.
pub fn run(plan: &Stream) -> Result<ExitStatus> {
    let filter = Filter::new(
        FilterOptions {
            clean: plan.clean,
            format: plan.format,
        },
        plan.jobs,
    )
    .context("cannot start worker threads")?;
    let mut out = io::BufWriter::with_capacity(256 * 1024, io::stdout().lock());
    for input in &plan.inputs {
        let (name, reader) = super::open_input(input);
        let Some(reader) = reader else {
            continue;
        };
        let cannot_read = |e: &io::Error| super::cannot_read(&name, e);
        let result = filter.run(reader, &mut out, |failure: jsonl::Failure| {
            messages::record_error(&name, failure.line, failure.id.as_deref(), &failure.error);
        });
        match result {
            Ok(_) => {}
            Err(StreamError::Read(e)) => cannot_read(&e),
            Err(StreamError::Write(e)) => return Err(stdout_failure(e).into()),
            Err(e) => return Err(e).context("<stdout>"),
        }
    }
    out.flush().map_err(stdout_failure)?;
    Ok(ExitStatus::Success)
}
