//! The JSON Lines filter (`--input-format jsonl`): each input, standard
//! input or the PATHs one after another, streamed to stdout through the
//! library's `jsonl::Filter`. A bad record, or an input that cannot be
//! read, is reported and skipped; the run goes on and exits 2 at the end.

use std::io::{self, Read, Write};

use anyhow::{Context, Result};

use newsdedup::jsonl::{self, Filter, FilterOptions, StreamError};

use super::ExitStatus;
use crate::messages::{self, read_hint, stdout_failure, Hinted, STDIN};
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
        let name = input
            .as_ref()
            .map_or_else(|| STDIN.to_string(), |p| p.display().to_string());
        let cannot_read = |e: &io::Error| {
            let message = Hinted(format_args!("cannot read: {e}"), read_hint(e));
            messages::error(&name, None, message);
        };
        let reader: Box<dyn Read + Send> = match input {
            None => Box::new(io::stdin()),
            Some(path) => match std::fs::File::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    cannot_read(&e);
                    continue;
                }
            },
        };
        let result = filter.run(reader, &mut out, |failure: jsonl::Failure| {
            let hint = messages::record_hint(&failure.error);
            messages::error(&name, Some(failure.line), Hinted(&failure.error, hint));
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
