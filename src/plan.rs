//! The arguments turned once into a plan: which command runs, on what, with
//! which options.
//!
//! clap ([`crate::cli`]) knows the flags; this module knows what they mean
//! together. Every combination that has no sensible meaning is refused here,
//! before anything is read or written, and the commands then take a [`Plan`]
//! whose shape says what they do (as ripgrep's `HiArgs` or ruff's
//! `FormatMode`): no command looks at the raw flags again.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use newsdedup::jsonl::OutputFormat;
use newsdedup::Options;

use crate::batch::{Action, WalkOptions};
use crate::cli::{Cli, Format, Generate, InputFormat, Keep};
use crate::messages::hinted;

/// What a run does.
#[derive(Debug)]
pub enum Plan {
    /// `--generate`: print a man page or a completion script.
    Generate(Generate),
    /// One input cleaned to stdout.
    Single(Single),
    /// Many files through the batch pipeline.
    Batch(Batch),
    /// `--input-format jsonl`: records streamed from the inputs to stdout.
    Stream(Stream),
    /// `--explain`: the fate of each body line of one input.
    Explain(Explain),
    /// `--duplicates`: the copies of one story across the inputs, grouped.
    Duplicates(Duplicates),
    /// `--format jsonl --signature`: each article as JSON Lines, with the
    /// keys that find its copies.
    Signature(Signature),
}

/// Each article as a JSON Lines record with its `"signature"`.
#[derive(Debug)]
pub struct Signature {
    /// The articles to write.
    pub articles: Articles,
    /// How to clean each article.
    pub clean: Options,
    /// How articles are turned into shingles (the defaults of
    /// `--duplicates`, so the keys match).
    pub find: newsdedup::duplicates::Options,
    /// `-j`: threads, or one per core.
    pub jobs: Option<usize>,
}

/// One input explained line by line on stdout.
#[derive(Debug)]
pub struct Explain {
    /// The file to read; `None` is standard input.
    pub input: Option<PathBuf>,
    /// JSON (`--format json`) rather than lines for people.
    pub json: bool,
    /// How to clean it.
    pub clean: Options,
}

/// One input to stdout in `format`.
#[derive(Debug)]
pub struct Single {
    /// The file to read; `None` is standard input.
    pub input: Option<PathBuf>,
    /// How to print the article.
    pub format: Format,
    /// How to clean it.
    pub clean: Options,
    /// `--report FILE`.
    pub report: Option<PathBuf>,
}

/// Files and directories, cleaned in parallel, each with `action`.
#[derive(Debug)]
pub struct Batch {
    /// The paths given.
    pub paths: Vec<PathBuf>,
    /// How to find the files under directories.
    pub walk: WalkOptions,
    /// What to do with each cleaned file.
    pub action: Action,
    /// How to clean each file.
    pub clean: Options,
    /// `-j`: threads, or one per core.
    pub jobs: Option<usize>,
    /// `-q`: no progress bar, no summary.
    pub quiet: bool,
    /// `--report FILE`.
    pub report: Option<PathBuf>,
}

/// The JSON Lines filter.
#[derive(Debug)]
pub struct Stream {
    /// The inputs, read one after another; `None` is standard input.
    pub inputs: Vec<Option<PathBuf>>,
    /// How to write each cleaned record.
    pub format: OutputFormat,
    /// How to clean each record.
    pub clean: Options,
    /// `-j`: threads, or one per core.
    pub jobs: Option<usize>,
}

/// Where `--duplicates` reads its articles.
#[derive(Debug)]
pub enum Articles {
    /// Scraped files: the paths given, and the files under directories.
    Files {
        /// The paths given.
        paths: Vec<PathBuf>,
        /// How to find the files under directories.
        walk: WalkOptions,
    },
    /// JSON Lines records, from each input in turn; `None` is standard input.
    Records(Vec<Option<PathBuf>>),
}

/// What `--unique` writes: one article of each story.
#[derive(Debug)]
pub enum Unique {
    /// A cleaned copy of each file kept, under DIR (`-o DIR`).
    OutDir(PathBuf),
    /// A JSON Lines record of each file kept, on stdout, in path order.
    JsonLines,
    /// Records: each one kept, cleaned, on stdout in input order.
    Stream(OutputFormat),
}

/// The copies of one story across a corpus, grouped.
#[derive(Debug)]
pub struct Duplicates {
    /// The articles to compare.
    pub articles: Articles,
    /// How copies are found and which one is kept.
    pub find: newsdedup::duplicates::Options,
    /// `--format text`: the groups for people instead of JSON Lines.
    pub text: bool,
    /// `--unique`: write the articles kept instead of the groups.
    pub unique: Option<Unique>,
    /// `--check`: exit 1 if there is any group.
    pub check: bool,
    /// How to clean each article before comparing.
    pub clean: Options,
    /// `-j`: threads, or one per core.
    pub jobs: Option<usize>,
    /// `-q`: no summary.
    pub quiet: bool,
    /// `--report FILE`.
    pub report: Option<PathBuf>,
    /// `--memory`, in bytes: the cap of the `--unique` stream's memory of
    /// the articles it kept.
    pub memory: usize,
}

impl Plan {
    /// The plan for these arguments, or why they make no sense together.
    pub fn new(cli: &Cli) -> Result<Plan> {
        if let Some(kind) = cli.generate {
            return Ok(Plan::Generate(kind));
        }
        if cli.header.is_some() && cli.input_format == InputFormat::Jsonl {
            bail!(hinted(
                "--header gives the order of a scraped text file's lines; JSON Lines records name their fields",
                "drop --header: records hold \"title\", \"date\", \"url\" and \"text\" \
                 (with --no-header, \"text\" only)"
            ));
        }
        let clean = Options {
            no_header: cli.no_header,
            header: cli.header.unwrap_or_default(),
            lossy: cli.lossy,
            max_bytes: cli.max_bytes,
            keep_entities: cli.keep_entities,
            lang: cli.lang,
            // Only JSON output shows `stats.dropped`: text output and the
            // file modes do not pay for counting.
            count_dropped: cli.format.unwrap_or(Format::Text) != Format::Text
                && cli.out_dir.is_none()
                && !cli.in_place
                && !cli.check
                && !cli.diff,
        };
        if cli.explain {
            return explain(cli, clean).map(Plan::Explain);
        }
        if cli.signature {
            return signature(cli, clean).map(Plan::Signature);
        }
        if cli.duplicates || cli.unique {
            return duplicates(cli, clean).map(Plan::Duplicates);
        }
        if cli.input_format == InputFormat::Jsonl {
            return stream(cli, clean).map(Plan::Stream);
        }
        let format = cli.format.unwrap_or(Format::Text);
        let flag = batch_flag(cli);
        let stdin = match cli.paths.as_slice() {
            [] => true,
            [p] => is_stdin(p),
            many if many.iter().any(|p| is_stdin(p)) => bail!(hinted(
                "`-` (standard input) cannot be mixed with other inputs",
                "give `-` alone, or only paths"
            )),
            _ => false,
        };
        if let Some(flag) = flag {
            if format != Format::Text {
                bail!(hinted(
                    format_args!(
                        "{flag} works on text files; --format {} is for output on stdout",
                        format_name(format)
                    ),
                    format_args!("drop --format, or drop {flag} to get JSON Lines on stdout")
                ));
            }
            if stdin {
                bail!(hinted(
                    format_args!("{flag} needs files or directories, not standard input"),
                    format_args!("newsdedup {flag} PATH...")
                ));
            }
            let action = match &cli.out_dir {
                Some(dir) => Action::OutDir(dir.clone()),
                None if cli.in_place => Action::InPlace,
                None => Action::Check { diff: cli.diff },
            };
            return Ok(Plan::Batch(batch(cli, clean, action)));
        }
        if stdin {
            return Ok(Plan::Single(single(cli, clean, None)));
        }
        if format == Format::Jsonl {
            return Ok(Plan::Batch(batch(cli, clean, Action::JsonLines)));
        }
        let hint = "-o DIR writes a cleaned copy of each file, -i rewrites them in place, \
                    --check lists those that would change, --format jsonl prints one JSON object per file";
        match cli.paths.as_slice() {
            [p] if !p.is_dir() => Ok(Plan::Single(single(cli, clean, Some(p.clone())))),
            [p] => bail!(hinted(
                format_args!(
                    "{} is a directory, and --format {} prints a single article",
                    p.display(),
                    format_name(format)
                ),
                hint
            )),
            many => bail!(hinted(
                format_args!(
                    "{} inputs, and --format {} prints a single article",
                    many.len(),
                    format_name(format)
                ),
                hint
            )),
        }
    }
}

fn single(cli: &Cli, clean: Options, input: Option<PathBuf>) -> Single {
    Single {
        input,
        format: cli.format.unwrap_or(Format::Text),
        clean,
        report: cli.report.clone(),
    }
}

fn batch(cli: &Cli, clean: Options, action: Action) -> Batch {
    Batch {
        paths: cli.paths.clone(),
        walk: WalkOptions {
            globs: cli.globs.clone(),
            follow_links: cli.follow,
            exclude: cli.out_dir.clone(),
        },
        action,
        clean,
        jobs: cli.jobs,
        quiet: cli.quiet,
        report: cli.report.clone(),
    }
}

/// The filter's plan: it writes to stdout only, so the batch flags and
/// `--report` are refused.
fn stream(cli: &Cli, clean: Options) -> Result<Stream> {
    if let Some(flag) = batch_flag(cli) {
        bail!(hinted(
            format_args!(
                "{flag} works on text files; --input-format jsonl is a filter from its inputs to stdout"
            ),
            format_args!("drop {flag} and redirect stdout, e.g. > clean.jsonl")
        ));
    }
    if cli.report.is_some() {
        bail!(hinted(
            "--report lists files, not JSON Lines records",
            "drop --report; bad records are reported on stderr as PATH:LINE"
        ));
    }
    let format = match cli.format.unwrap_or(Format::Text) {
        Format::Text => OutputFormat::Text,
        Format::Json | Format::Jsonl => OutputFormat::Jsonl,
    };
    let inputs = stream_inputs(cli);
    Ok(Stream {
        inputs,
        format,
        clean,
        jobs: cli.jobs,
    })
}

/// `--explain`'s plan: one input, text or JSON on stdout.
fn explain(cli: &Cli, clean: Options) -> Result<Explain> {
    if cli.input_format == InputFormat::Jsonl {
        bail!(hinted(
            "--explain reads one scraped file, not JSON Lines records",
            "write the record's text to a file (title, date, url, then text) and explain that"
        ));
    }
    let json = match cli.format.unwrap_or(Format::Text) {
        Format::Text => false,
        Format::Json => true,
        Format::Jsonl => bail!(hinted(
            "--explain explains a single article; --format jsonl is for many",
            "use --format json"
        )),
    };
    let input = match cli.paths.as_slice() {
        [] => None,
        [p] if is_stdin(p) => None,
        [p] if p.is_dir() => bail!(hinted(
            format_args!(
                "{} is a directory, and --explain explains a single article",
                p.display()
            ),
            "give one file: newsdedup --explain FILE"
        )),
        [p] => Some(p.clone()),
        many => bail!(hinted(
            format_args!(
                "{} inputs, and --explain explains a single article",
                many.len()
            ),
            "give one file: newsdedup --explain FILE"
        )),
    };
    Ok(Explain { input, json, clean })
}

/// The inputs of a JSON Lines run, read one after another; `None` is
/// standard input, which nothing or `-` names.
fn stream_inputs(cli: &Cli) -> Vec<Option<PathBuf>> {
    if cli.paths.is_empty() {
        vec![None]
    } else {
        cli.paths
            .iter()
            .map(|p| (!is_stdin(p)).then(|| p.clone()))
            .collect()
    }
}

/// `--duplicates`: files compared with one another, or JSON Lines records.
/// The flags that write cleaned files are refused by clap; `--check` only
/// sets the exit status.
fn duplicates(cli: &Cli, clean: Options) -> Result<Duplicates> {
    use newsdedup::duplicates::{self as dups, Keep as K};
    let threshold = cli.threshold;
    if !(0.0..=1.0).contains(&threshold) || threshold.is_nan() {
        bail!(hinted(
            format_args!("--threshold {threshold} is not a share"),
            "give a number from 0 to 1, such as 0.5"
        ));
    }
    let keep = match cli.keep {
        Keep::Complete => K::Complete,
        Keep::Longest => K::Longest,
        Keep::Earliest => K::Earliest,
        Keep::First => K::First,
    };
    let unique = unique(cli)?;
    if cli.memory.is_some() && !matches!(unique, Some(Unique::Stream(_))) {
        bail!(hinted(
            "--memory caps what the --unique stream of records remembers; files are grouped whole",
            "drop --memory, or give records with --input-format jsonl"
        ));
    }
    let articles = articles(cli, "--duplicates compares files with one another")?;
    Ok(Duplicates {
        articles,
        find: dups::Options {
            threshold,
            keep,
            ..dups::Options::default()
        },
        text: cli.format == Some(Format::Text),
        unique,
        check: cli.check,
        clean,
        jobs: cli.jobs,
        quiet: cli.quiet,
        report: cli.report.clone(),
        memory: cli.memory.map_or(dups::stream::DEFAULT_MEMORY, |mib| {
            usize::try_from(mib << 20).unwrap_or(usize::MAX)
        }),
    })
}

/// The articles of `--duplicates` or `--signature`: records, or files
/// (standard input refused, with `why`).
fn articles(cli: &Cli, why: &str) -> Result<Articles> {
    Ok(match cli.input_format {
        InputFormat::Jsonl => Articles::Records(stream_inputs(cli)),
        InputFormat::Text => {
            if cli.paths.is_empty() || cli.paths.iter().any(|p| is_stdin(p)) {
                bail!(hinted(
                    format_args!("{why}, not standard input"),
                    "give PATH..., or --input-format jsonl for records on stdin"
                ));
            }
            Articles::Files {
                paths: cli.paths.clone(),
                walk: WalkOptions {
                    globs: cli.globs.clone(),
                    follow_links: cli.follow,
                    exclude: cli.out_dir.clone(),
                },
            }
        }
    })
}

/// `--signature`: JSON Lines output only.
fn signature(cli: &Cli, clean: Options) -> Result<Signature> {
    let jsonl = match cli.input_format {
        InputFormat::Text => cli.format == Some(Format::Jsonl),
        InputFormat::Jsonl => matches!(cli.format, Some(Format::Json | Format::Jsonl)),
    };
    if !jsonl {
        bail!(hinted(
            "--signature adds a member to each JSON Lines record",
            "add --format jsonl"
        ));
    }
    Ok(Signature {
        articles: articles(cli, "--format jsonl --signature writes many files")?,
        clean,
        find: newsdedup::duplicates::Options::default(),
        jobs: cli.jobs,
    })
}

/// What `--unique` writes, from `-o` and the formats; `-o` without it is
/// refused, since `--duplicates` alone writes no article.
fn unique(cli: &Cli) -> Result<Option<Unique>> {
    if !cli.unique {
        if cli.out_dir.is_some() {
            bail!(hinted(
                "--duplicates lists the copies and writes no article, so it takes no --out-dir",
                "add --unique to write one article of each story under the out-dir"
            ));
        }
        return Ok(None);
    }
    Ok(Some(match (cli.input_format, &cli.out_dir, cli.format) {
        (InputFormat::Jsonl, Some(_), _) => bail!(hinted(
            "--unique over records is a stream to stdout; it takes no --out-dir",
            "drop --out-dir and redirect stdout, e.g. > unique.jsonl"
        )),
        (InputFormat::Jsonl, None, format) => Unique::Stream(match format {
            None | Some(Format::Text) => OutputFormat::Text,
            Some(Format::Json | Format::Jsonl) => OutputFormat::Jsonl,
        }),
        (InputFormat::Text, Some(_), Some(f)) if f != Format::Text => bail!(hinted(
            format_args!(
                "--out-dir writes text files; --format {} is for stdout",
                format_name(f)
            ),
            "drop --format, or drop --out-dir to get JSON Lines on stdout"
        )),
        (InputFormat::Text, Some(dir), _) => Unique::OutDir(dir.clone()),
        (InputFormat::Text, None, Some(Format::Jsonl)) => Unique::JsonLines,
        (InputFormat::Text, None, _) => bail!(hinted(
            "--unique writes the articles kept, and files need somewhere to go",
            "add -o DIR for cleaned copies, or --format jsonl for JSON Lines on stdout"
        )),
    }))
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

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Json => "json",
        Format::Jsonl => "jsonl",
    }
}
