//! Files and directories through the batch pipeline (`--out-dir`,
//! `--in-place`, `--check`, `--diff`, `--format jsonl`): errors are shown as
//! they come, in path order, and the run goes on; stdout gets JSON Lines,
//! paths or diffs, in path order; a summary and, on a terminal, a progress
//! bar go to stderr.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::ExitStatus;
use crate::batch::{self, Action, Batch, BatchOptions, FileReport, Summary};
use crate::messages::{self, hinted, io_failure, stdout_failure, write_hint};
use crate::plan;

/// A batch this long (in time) gets a progress bar, when stderr is a
/// terminal; shorter ones finish before a bar would be worth its flicker.
const PROGRESS_DELAY: Duration = Duration::from_millis(300);

/// Cleans every file found under the plan's paths and does its action.
pub fn run(plan: plan::Batch) -> Result<ExitStatus> {
    if let Action::OutDir(dir) = &plan.action {
        prepare_out_dir(dir)?;
    }
    let found = batch::discover(&plan.paths, &plan.walk)?;
    let is_check = matches!(plan.action, Action::Check { .. });
    let runner = Batch::new(
        BatchOptions {
            clean: plan.clean,
            action: plan.action.clone(),
        },
        plan.jobs,
    )
    .context("cannot start worker threads")?;

    let progress = Progress::new(found.inputs.len() as u64, !plan.quiet);
    let mut summary = Summary::default();
    let mut rows = Vec::new();
    let keep_rows = plan.report.is_some();
    for report in found.errors {
        summary.add(&report);
        progress.suspend(|| print_error(&report));
        if keep_rows {
            rows.push(report);
        }
    }
    let mut out = io::BufWriter::new(io::stdout());
    let result = runner.run(
        &found.inputs,
        &|_| progress.inc(),
        |mut report| -> io::Result<()> {
            summary.add(&report);
            match &mut report.outcome {
                Err(_) => progress.suspend(|| print_error(&report)),
                Ok(cleaned) => {
                    if let Some(json) = cleaned.json.take() {
                        json.write_to(&mut out)?;
                    }
                    if is_check && cleaned.changed {
                        match cleaned.diff.take() {
                            Some(diff) => out.write_all(diff.as_bytes())?,
                            None => writeln!(out, "{}", report.path.display())?,
                        }
                    }
                }
            }
            if keep_rows {
                rows.push(report);
            }
            Ok(())
        },
    );
    progress.finish();
    result.and_then(|()| out.flush()).map_err(stdout_failure)?;

    if !plan.quiet {
        messages::summary(summary_line(&plan.action, &summary));
    }
    if let Some(path) = &plan.report {
        rows.sort_by(|a, b| a.path.cmp(&b.path));
        write_report(path, plan.action.name(), &summary, &rows)?;
    }
    Ok(if is_check && summary.changed > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

pub(super) fn prepare_out_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!(hinted(
            format_args!("{}: --out-dir exists and is not a directory", dir.display()),
            "name a directory, new or existing"
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        let what = format!("{}: cannot create the out-dir", dir.display());
        io_failure(&e, &what, write_hint).into()
    })
}

/// `newsdedup: PATH:LINE: reason (hint: ...)`, as for a single input.
fn print_error(report: &FileReport) {
    if let Err(e) = &report.outcome {
        messages::error(report.path.display(), e.line().map(|l| l as u64), e);
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary on stderr, in the words of the action.
fn summary_line(action: &Action, s: &Summary) -> String {
    let errors = plural(s.errors, "error", "errors");
    let cleaned = s.changed + s.unchanged;
    let what = match action {
        Action::Check { .. } => {
            // The shape of `ruff format --check`, which CI logs are read for.
            let mut line = format!(
                "{} would be cleaned, {} already clean",
                plural(s.changed, "file", "files"),
                s.unchanged
            );
            if s.errors > 0 {
                line.push_str(&format!(", {errors}"));
            }
            return line;
        }
        Action::InPlace => format!(
            "{} rewritten, {} already clean",
            plural(s.changed, "file", "files"),
            s.unchanged
        ),
        Action::OutDir(dir) => format!(
            "{} written to {}",
            plural(cleaned, "file", "files"),
            dir.display()
        ),
        Action::JsonLines => format!("{} cleaned", plural(cleaned, "file", "files")),
    };
    format!(
        "{what}, {errors}; {} bytes in, {} out, {} removed",
        s.input_bytes, s.output_bytes, s.removed_bytes
    )
}

/// Writes the JSON report atomically, so a reader never sees half of it.
pub(super) fn write_report(
    path: &Path,
    mode: &str,
    summary: &Summary,
    rows: &[FileReport],
) -> Result<()> {
    let what = format!("{}: cannot write the report", path.display());
    let fail = |e: io::Error| io_failure(&e, &what, write_hint);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    batch::write_report(io::BufWriter::new(tmp.as_file_mut()), mode, summary, rows)
        .map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// A progress bar on stderr that appears only once a batch has run for a
/// while, and never when stderr is not a terminal or with `--quiet`.
pub(super) struct Progress {
    bar: ProgressBar,
    start: Instant,
    enabled: bool,
    shown: AtomicBool,
}

impl Progress {
    pub(super) fn new(len: u64, wanted: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} (eta {eta})")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            start: Instant::now(),
            enabled: wanted && io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
        }
    }

    /// One more file done; called from worker threads.
    pub(super) fn inc(&self) {
        self.bar.inc(1);
        if self.enabled
            && !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= PROGRESS_DELAY
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Runs `f` with the bar out of the way, so lines printed to stderr do
    /// not mix with it.
    pub(super) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
