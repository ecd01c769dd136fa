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
    // The input is handed over: the article's paragraphs are cut from it as
    // it is freed, so it is not held beside them (a line of 80 MB, issue
    // 13).
    let result = newsdedup::clean_owned(bytes, opts);
    if let Some(report) = &plan.report {
        let row = FileReport {
            path: PathBuf::from(&name),
            outcome: match &result {
                Ok(cleaned) => Ok(batch::Cleaned {
                    stats: cleaned.article.stats,
                    changed: !cleaned.unchanged,
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
    let article = match result {
        Ok(cleaned) => cleaned.article,
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
