//! The modes of the command, over the library: picks the mode from the
//! arguments, then does the I/O the library leaves to its caller (standard
//! streams, progress, summary, report).

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use clap::CommandFactory;

use crate::cli::{Cli, Format, Generate, InputFormat};
use newsdedup::batch::{self, Action, Batch, BatchOptions, FileReport, Summary, WalkOptions};
use newsdedup::error::{read_hint, write_hint};
use newsdedup::jsonl::{self, Filter, FilterOptions, OutputFormat, StreamError};
use newsdedup::{Error, Options};

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

/// The name of standard input in messages and JSON.
const STDIN: &str = "<stdin>";

/// An I/O failure as one message, `WHAT: ERROR (hint: ...)`, with the hint
/// picked from the error. It is a new `io::Error` of the same kind rather
/// than a context around the old one: a context would be printed before
/// the error, so the hint would not come last, and the error would be
/// printed twice. Keeping the kind keeps a closed pipe a broken pipe for
/// `main`, which ends such runs quietly.
fn io_failure(e: &io::Error, what: &str, hint: fn(&io::Error) -> &'static str) -> io::Error {
    io::Error::new(e.kind(), format!("{what}: {e} (hint: {})", hint(e)))
}

/// A failed write to standard output.
fn stdout_failure(e: io::Error) -> io::Error {
    io_failure(&e, "<stdout>: cannot write", write_hint)
}

/// A batch this long (in time) gets a progress bar, when stderr is a
/// terminal; shorter ones finish before a bar would be worth its flicker.
const PROGRESS_DELAY: Duration = Duration::from_millis(300);

/// What the arguments ask for.
#[derive(Debug)]
enum Mode<'a> {
    /// One input to stdout in `--format`; `None` is standard input.
    Single(Option<&'a Path>),
    /// Many files through the batch pipeline.
    Batch(Action),
}

pub fn run(cli: &Cli) -> Result<ExitStatus> {
    if let Some(kind) = cli.generate {
        return generate(kind);
    }
    let opts = Options {
        no_header: cli.no_header,
        lossy: cli.lossy,
        max_bytes: cli.max_bytes,
    };
    if cli.duplicates {
        return crate::run_duplicates::run(cli, opts);
    }
    if cli.input_format == InputFormat::Jsonl {
        return run_jsonl(cli, opts);
    }
    match mode(cli)? {
        Mode::Single(path) => single(cli, &opts, path),
        Mode::Batch(action) => run_batch(cli, opts, action),
    }
}

fn is_stdin(p: &Path) -> bool {
    p == Path::new("-")
}

/// The batch-mode flag given, if any.
fn batch_flag(cli: &Cli) -> Option<&'static str> {
    if cli.out_dir.is_some() {
        Some("--out-dir")
    } else if cli.in_place {
        Some("--in-place")
    } else if cli.check {
        Some("--check")
    } else if cli.diff {
        Some("--diff")
    } else {
        None
    }
}

/// Picks the mode, refusing combinations that have no sensible meaning
/// before anything is read or written.
fn mode(cli: &Cli) -> Result<Mode<'_>> {
    let flag = batch_flag(cli);
    let stdin = match cli.paths.as_slice() {
        [] => true,
        [p] => is_stdin(p),
        many if many.iter().any(|p| is_stdin(p)) => bail!(
            "`-` (standard input) cannot be mixed with other inputs \
             (hint: give `-` alone, or only paths)"
        ),
        _ => false,
    };
    if let Some(flag) = flag {
        if cli.format != Format::Text {
            bail!(
                "{flag} works on text files; --format {} is for output on stdout \
                 (hint: drop --format, or drop {flag} to get JSON Lines on stdout)",
                format_name(cli.format)
            );
        }
        if stdin {
            bail!("{flag} needs files or directories, not standard input (hint: newsdedup {flag} PATH...)");
        }
        let action = match &cli.out_dir {
            Some(dir) => Action::OutDir(dir.clone()),
            None if cli.in_place => Action::InPlace,
            None => Action::Check { diff: cli.diff },
        };
        return Ok(Mode::Batch(action));
    }
    if stdin {
        return Ok(Mode::Single(None));
    }
    if cli.format == Format::Jsonl {
        return Ok(Mode::Batch(Action::JsonLines));
    }
    let hint = "hint: -o DIR writes a cleaned copy of each file, -i rewrites them in place, \
                --check lists those that would change, --format jsonl prints one JSON object per file";
    match cli.paths.as_slice() {
        [p] if !p.is_dir() => Ok(Mode::Single(Some(p))),
        [p] => bail!(
            "{} is a directory, and --format {} prints a single article ({hint})",
            p.display(),
            format_name(cli.format)
        ),
        many => bail!(
            "{} inputs, and --format {} prints a single article ({hint})",
            many.len(),
            format_name(cli.format)
        ),
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Json => "json",
        Format::Jsonl => "jsonl",
    }
}

/// One input to stdout. Any error ends the run before anything is printed.
fn single(cli: &Cli, opts: &Options, path: Option<&Path>) -> Result<ExitStatus> {
    let (name, bytes) = match path {
        None => read_stdin(opts.max_bytes)?,
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p)
                .map_err(|e| io_failure(&e, &format!("{}: cannot read", p.display()), read_hint))?,
        ),
    };
    let result = newsdedup::clean(&bytes, opts);
    if let Some(report) = &cli.report {
        let row = FileReport {
            path: PathBuf::from(&name),
            outcome: match &result {
                Ok(article) => Ok(batch::Cleaned {
                    stats: article.stats,
                    changed: newsdedup::writer::to_text(article) != bytes,
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
    let article = result.map_err(|error| InputError { path: name, error })?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match cli.format {
        Format::Text => newsdedup::writer::write_text(&article, &mut out),
        Format::Json => newsdedup::writer::write_json(&article, None, &mut out),
        Format::Jsonl => newsdedup::writer::write_json(&article, Some(STDIN), &mut out),
    };
    written.and_then(|()| out.flush()).map_err(stdout_failure)?;
    Ok(ExitStatus::Success)
}

/// Prints the man page or a completion script. Rendered into memory first:
/// the generators panic on a write error, and a closed pipe must end the
/// run quietly.
fn generate(kind: Generate) -> Result<ExitStatus> {
    let mut cmd = Cli::command();
    let mut rendered = Vec::new();
    let shell = match kind {
        Generate::Man => {
            man_page(cmd.clone(), &mut rendered)?;
            None
        }
        Generate::CompleteBash => Some(clap_complete::Shell::Bash),
        Generate::CompleteZsh => Some(clap_complete::Shell::Zsh),
        Generate::CompleteFish => Some(clap_complete::Shell::Fish),
    };
    if let Some(shell) = shell {
        clap_complete::generate(shell, &mut cmd, "newsdedup", &mut rendered);
    }
    let mut out = io::stdout().lock();
    out.write_all(&rendered)
        .and_then(|()| out.flush())
        .map_err(stdout_failure)?;
    Ok(ExitStatus::Success)
}

/// The man page: clap_mangen's sections, then the examples and the exit
/// status from the long help, set line for line (`.nf`); clap_mangen's own
/// rendering of that text fills it into paragraphs, which scrambles the
/// columns of the examples.
fn man_page(cmd: clap::Command, w: &mut Vec<u8>) -> io::Result<()> {
    let extra = cmd
        .get_after_long_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    let man = clap_mangen::Man::new(cmd);
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    man.render_options_section(w)?;
    let escape = |line: &str| {
        let line = line.replace('\\', "\\e").replace('-', "\\-");
        if line.starts_with(['.', '\'']) {
            format!("\\&{line}")
        } else {
            line
        }
    };
    let mut examples = false;
    for block in extra.split("\n\n") {
        let (heading, body) = block.split_once('\n').unwrap_or((block, ""));
        let heading = heading.trim_end_matches(':');
        if heading == "Exit status" {
            writeln!(w, ".SH \"EXIT STATUS\"")?;
        } else {
            if !examples {
                writeln!(w, ".SH EXAMPLES")?;
                examples = true;
            }
            writeln!(w, ".SS {}", escape(heading).replace('"', "\\(dq"))?;
        }
        writeln!(w, ".nf")?;
        for line in body.lines() {
            writeln!(w, "{}", escape(line))?;
        }
        writeln!(w, ".fi")?;
    }
    man.render_version_section(w)
}

/// The JSON Lines filter: each input (standard input, or the PATHs one
/// after another) streamed to stdout. A bad record, or an input that cannot
/// be read, is reported and skipped; the run goes on and exits 2 at the end.
fn run_jsonl(cli: &Cli, opts: Options) -> Result<ExitStatus> {
    if let Some(flag) = batch_flag(cli) {
        bail!(
            "{flag} works on text files; --input-format jsonl is a filter from its inputs to stdout \
             (hint: drop {flag} and redirect stdout, e.g. > clean.jsonl)"
        );
    }
    if cli.report.is_some() {
        bail!(
            "--report lists files, not JSON Lines records \
             (hint: drop --report; bad records are reported on stderr as PATH:LINE)"
        );
    }
    let format = match cli.format {
        Format::Text => OutputFormat::Text,
        Format::Json | Format::Jsonl => OutputFormat::Jsonl,
    };
    let filter = Filter::new(
        FilterOptions {
            clean: opts,
            format,
        },
        cli.jobs,
    )
    .context("cannot start worker threads")?;
    let inputs: Vec<Option<&Path>> = if cli.paths.is_empty() {
        vec![None]
    } else {
        cli.paths
            .iter()
            .map(|p| (!is_stdin(p)).then_some(p.as_path()))
            .collect()
    };
    let mut out = io::BufWriter::with_capacity(256 * 1024, io::stdout().lock());
    let mut failed = false;
    for input in inputs {
        let name = input.map_or_else(|| STDIN.to_string(), |p| p.display().to_string());
        let reader: Box<dyn Read + Send> = match input {
            None => Box::new(io::stdin()),
            Some(path) => match std::fs::File::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    let _ = writeln!(
                        io::stderr(),
                        "newsdedup: {name}: cannot read: {e} (hint: {})",
                        read_hint(&e)
                    );
                    failed = true;
                    continue;
                }
            },
        };
        let result = filter.run(reader, &mut out, |failure: jsonl::Failure| {
            let _ = writeln!(
                io::stderr(),
                "newsdedup: {name}:{}: {} (hint: {})",
                failure.line,
                failure.error,
                failure.error.hint()
            );
        });
        match result {
            Ok(summary) => failed |= summary.failed > 0,
            Err(StreamError::Read(e)) => {
                let _ = writeln!(
                    io::stderr(),
                    "newsdedup: {name}: cannot read: {e} (hint: {})",
                    read_hint(&e)
                );
                failed = true;
            }
            Err(StreamError::Write(e)) => return Err(stdout_failure(e).into()),
            Err(e) => return Err(e).context("<stdout>"),
        }
    }
    out.flush().map_err(stdout_failure)?;
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}

/// Reads standard input, at most `max + 1` bytes so an oversized stream is
/// refused without holding all of it.
fn read_stdin(max: u64) -> Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_failure(&e, "<stdin>: cannot read", read_hint))?;
    Ok((STDIN.to_string(), bytes))
}

/// Many files: errors are shown as they come, in path order, and the run
/// goes on; stdout gets JSON Lines, paths or diffs, in path order.
fn run_batch(cli: &Cli, opts: Options, action: Action) -> Result<ExitStatus> {
    if let Action::OutDir(dir) = &action {
        prepare_out_dir(dir)?;
    }
    let walk = WalkOptions {
        globs: cli.globs.clone(),
        follow_links: cli.follow,
        exclude: cli.out_dir.clone(),
    };
    let found = batch::discover(&cli.paths, &walk)?;
    let mode_name = action.name();
    let is_check = matches!(action, Action::Check { .. });
    let out_dir = cli.out_dir.clone();
    let runner = Batch::new(
        BatchOptions {
            clean: opts,
            action,
        },
        cli.jobs,
    )
    .context("cannot start worker threads")?;

    let progress = Progress::new(found.inputs.len() as u64, !cli.quiet);
    let mut summary = Summary::default();
    let mut rows = Vec::new();
    let keep_rows = cli.report.is_some();
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
                        out.write_all(&json)?;
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

    if !cli.quiet {
        let line = summary_line(mode_name, out_dir.as_deref(), &summary);
        let _ = writeln!(io::stderr(), "{line}");
    }
    if let Some(path) = &cli.report {
        rows.sort_by(|a, b| a.path.cmp(&b.path));
        write_report(path, mode_name, &summary, &rows)?;
    }
    Ok(if summary.errors > 0 {
        ExitStatus::Error
    } else if is_check && summary.changed > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn prepare_out_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{}: --out-dir exists and is not a directory (hint: name a directory, new or existing)",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        let what = format!("{}: cannot create the out-dir", dir.display());
        io_failure(&e, &what, write_hint).into()
    })
}

/// `newsdedup: PATH:LINE: reason`, as for a single input.
fn print_error(report: &FileReport) {
    if let Err(e) = &report.outcome {
        let path = report.path.display();
        let _ = match e.line() {
            Some(line) => writeln!(io::stderr(), "newsdedup: {path}:{line}: {e}"),
            None => writeln!(io::stderr(), "newsdedup: {path}: {e}"),
        };
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary_line(mode: &str, out_dir: Option<&Path>, s: &Summary) -> String {
    let errors = plural(s.errors, "error", "errors");
    if mode == "check" {
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
    let cleaned = s.changed + s.unchanged;
    let what = match (mode, out_dir) {
        ("in-place", _) => format!(
            "{} rewritten, {} already clean",
            plural(s.changed, "file", "files"),
            s.unchanged
        ),
        (_, Some(dir)) => format!(
            "{} written to {}",
            plural(cleaned, "file", "files"),
            dir.display()
        ),
        _ => format!("{} cleaned", plural(cleaned, "file", "files")),
    };
    format!(
        "{what}, {errors}; {} bytes in, {} out, {} removed",
        s.input_bytes, s.output_bytes, s.removed_bytes
    )
}

/// Writes the JSON report atomically, so a reader never sees half of it.
fn write_report(path: &Path, mode: &str, summary: &Summary, rows: &[FileReport]) -> Result<()> {
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
struct Progress {
    bar: ProgressBar,
    start: Instant,
    enabled: bool,
    shown: AtomicBool,
}

impl Progress {
    fn new(len: u64, wanted: bool) -> Progress {
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
    fn inc(&self) {
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
    fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
