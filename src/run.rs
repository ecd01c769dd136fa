//! The modes of the command, over the library; all I/O lives here.

use std::io::{self, Read, Write};
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::{Cli, Format};
use newsdedup::{Error, Options};

/// How a run ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything was cleaned.
    Success = 0,
    /// An input could not be cleaned, or a file could not be read or written.
    Error = 2,
}

/// An input that could not be cleaned, with where it came from.
#[derive(Debug)]
pub struct InputError {
    pub path: String,
    pub error: Error,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.error.line() {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.error)?,
            None => write!(f, "{}: {}", self.path, self.error)?,
        }
        write!(f, " (hint: {})", self.error.hint())
    }
}

impl std::error::Error for InputError {}

pub fn run(cli: &Cli) -> Result<ExitStatus> {
    let opts = Options {
        no_header: cli.no_header,
        lossy: cli.lossy,
        max_bytes: cli.max_bytes,
    };
    let (name, bytes) = match cli.input.as_deref() {
        None => read_stdin(opts.max_bytes)?,
        Some(p) if p == Path::new("-") => read_stdin(opts.max_bytes)?,
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?,
        ),
    };
    let article =
        newsdedup::clean(&bytes, &opts).map_err(|error| InputError { path: name, error })?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match cli.format {
        Format::Text => newsdedup::writer::write_text(&article, &mut out)?,
        Format::Json => newsdedup::writer::write_json(&article, None, &mut out)?,
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

/// Reads standard input, at most `max + 1` bytes so an oversized stream is
/// refused without holding all of it.
fn read_stdin(max: u64) -> Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .context("<stdin>: cannot read")?;
    Ok(("<stdin>".to_string(), bytes))
}
