//! One input (a file, or standard input) cleaned to stdout in `--format`.
//! Any error ends the run before anything is printed.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use newsdedup::writer;

use super::ExitStatus;
use crate::batch::{self, FileReport, Summary};
use crate::cli::Format;
use crate::commands::batch::write_report;
use crate::messages::{self, io_failure, read_hint, stdout_failure, Hinted, STDIN};
use crate::plan::Single;

/// Cleans the one input and prints it; with `--report`, writes the report
/// of that one file first, whatever the outcome.
pub fn run(plan: &Single) -> Result<ExitStatus> {
    let opts = &plan.clean;
    let (name, bytes) = read_input(plan.input.as_deref(), opts.max_bytes)?;
    let result = newsdedup::clean(&bytes, opts);
    if let Some(report) = &plan.report {
        let row = FileReport {
            path: PathBuf::from(&name),
            outcome: match &result {
                Ok(article) => Ok(batch::Cleaned {
                    stats: article.stats,
                    changed: writer::to_text(article) != bytes,
                    written: None,
                    json: None,
                    diff: None,
                }),
                Err(e) => Err(batch::FileError::Clean(e.clone())),
            },
        };
        let mut summary = Summary::default();
        summary.add(&row);
        write_report(report, "stdout", &summary, &[row])?;
    }
    // The article holds its own text: the input is not kept beside it while
    // it is written (a line of 80 MB, issue 13).
    drop(bytes);
    let article = match result {
        Ok(article) => article,
        Err(error) => {
            let hint = messages::hint(&error);
            messages::error(&name, error.line().map(|l| l as u64), Hinted(&error, hint));
            return Ok(ExitStatus::Error);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match plan.format {
        Format::Text => writer::write_text(&article, &mut out),
        Format::Json => writer::write_json(&article, None, &mut out),
        Format::Jsonl => writer::write_json(&article, Some(STDIN), &mut out),
    };
    written.and_then(|()| out.flush()).map_err(stdout_failure)?;
    Ok(ExitStatus::Success)
}

/// Reads standard input, at most `max + 1` bytes so an oversized stream is
/// refused without holding all of it.
/// The one input's name for messages and its bytes: the file at `path`,
/// or stdin. At most `max + 1` bytes are read, so an oversized input is
/// refused without being held in memory (issue 13).
pub(super) fn read_input(path: Option<&Path>, max: u64) -> Result<(String, Vec<u8>)> {
    match path {
        None => read_stdin(max),
        Some(p) => {
            let (bytes, _) = crate::batch::read_limited(p, max)
                .map_err(|e| io_failure(&e, &format!("{}: cannot read", p.display()), read_hint))?;
            Ok((p.display().to_string(), bytes))
        }
    }
}

pub(super) fn read_stdin(max: u64) -> Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_failure(&e, "<stdin>: cannot read", read_hint))?;
    Ok((STDIN.to_string(), bytes))
}
