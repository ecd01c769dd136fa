//! `--explain`: one input (a file, or standard input) cleaned, and what
//! became of each of its body lines printed instead of the article
//! (`newsdedup::explain`), for people or as one JSON object. Any error ends
//! the run before anything is printed.

use std::io::{self, Write};

use anyhow::Result;

use newsdedup::explain;

use super::single::read_input;
use super::ExitStatus;
use crate::messages::{self, stdout_failure, Hinted};
use crate::plan::Explain;

/// Explains the one input on stdout.
pub fn run(plan: &Explain) -> Result<ExitStatus> {
    let opts = &plan.clean;
    let (name, bytes) = read_input(plan.input.as_deref(), opts.max_bytes)?;
    let explanation = match explain::explain(&bytes, opts) {
        Ok(e) => e,
        Err(error) => {
            let hint = messages::hint(&error);
            messages::error(&name, error.line().map(|l| l as u64), Hinted(&error, hint));
            return Ok(ExitStatus::Error);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if plan.json {
        explanation.write_json(&mut out)
    } else {
        explanation.write_text(&mut out)
    };
    written.and_then(|()| out.flush()).map_err(stdout_failure)?;
    Ok(ExitStatus::Success)
}
