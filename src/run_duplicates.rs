//! `--duplicates`: clean every article as batch mode does, then group the
//! copies of one story across the corpus (issue #14). The method is the
//! library's ([`newsdedup::duplicates`]); this file does the I/O around it:
//! reading files or JSON Lines records in parallel, the groups on stdout,
//! the summary on stderr, the exit status.
//!
//! It lives apart from `run.rs` so the two can change independently; the
//! only link is one dispatch call there.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use clap::parser::ValueSource;
use clap::CommandFactory;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::cli::{Cli, Format, InputFormat, Keep};
use crate::run::ExitStatus;
use newsdedup::batch::{self, FileError, WalkOptions};
use newsdedup::duplicates::{self, Doc, Group};
use newsdedup::error::write_hint;
use newsdedup::jsonl::Record;
use newsdedup::Options;

/// Records prepared at a time from a JSON Lines stream: enough to keep
/// every thread busy, few enough to hold.
const CHUNK: usize = 4096;

/// The articles read: a name for each (its path, or its record's "id") and
/// its prepared text, in input order; and whether any input failed.
#[derive(Default)]
struct Corpus {
    names: Vec<Value>,
    docs: Vec<Doc>,
    failed: bool,
}

/// Runs `--duplicates` over the inputs named by `cli`.
pub fn run(cli: &Cli, opts: Options) -> Result<ExitStatus> {
    if !(0.0..=1.0).contains(&cli.threshold) || cli.threshold.is_nan() {
        bail!(
            "--threshold {} is not a share (hint: give a number from 0 to 1, such as 0.5)",
            cli.threshold
        );
    }
    let dup = duplicates::Options {
        threshold: cli.threshold,
        keep: match cli.keep {
            Keep::Complete => duplicates::Keep::Complete,
            Keep::Longest => duplicates::Keep::Longest,
            Keep::Earliest => duplicates::Keep::Earliest,
            Keep::First => duplicates::Keep::First,
        },
        ..duplicates::Options::default()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cli.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let corpus = pool.install(|| match cli.input_format {
        InputFormat::Text => read_files(cli, &opts, &dup),
        InputFormat::Jsonl => read_records(cli, &opts, &dup),
    })?;
    let articles = corpus.docs.len();
    let groups = duplicates::find(corpus.docs, &dup);

    let mut out = io::BufWriter::new(io::stdout().lock());
    let text = text_output(cli);
    for g in &groups {
        if text {
            write_text(&mut out, g, &corpus.names)
        } else {
            write_json(&mut out, g, &corpus.names)
        }
        .map_err(stdout_failure)?;
    }
    out.flush().map_err(stdout_failure)?;

    let copies: usize = groups.iter().map(|g| g.copies.len()).sum();
    if !cli.quiet {
        let _ = writeln!(
            io::stderr(),
            "{} {}, {} {} among {} {}",
            groups.len(),
            plural(groups.len(), "group", "groups"),
            copies,
            plural(copies, "copy", "copies"),
            articles,
            plural(articles, "article", "articles"),
        );
    }
    if let Some(path) = &cli.report {
        write_report(path, &groups, &corpus.names, articles, corpus.failed)?;
    }
    Ok(if corpus.failed {
        ExitStatus::Error
    } else if cli.check && !groups.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Text for people only when asked for by name: JSON Lines is the default
/// here, while `--format`'s own default (text) is the cleaned article's.
/// clap gives the value, not whether it was typed, so the arguments (which
/// already parsed) are read once more for that.
fn text_output(cli: &Cli) -> bool {
    if cli.format != Format::Text {
        return false;
    }
    Cli::command()
        .try_get_matches_from(std::env::args_os())
        .is_ok_and(|m| m.value_source("format") == Some(ValueSource::CommandLine))
}

/// Walks and cleans the files, in parallel, in path order.
fn read_files(cli: &Cli, opts: &Options, dup: &duplicates::Options) -> Result<Corpus> {
    if cli.paths.is_empty() || cli.paths.iter().any(|p| p == Path::new("-")) {
        bail!(
            "--duplicates compares files with one another, not standard input \
             (hint: newsdedup --duplicates PATH..., or --input-format jsonl for records on stdin)"
        );
    }
    let walk = WalkOptions {
        globs: cli.globs.clone(),
        follow_links: cli.follow,
        exclude: None,
    };
    let found = batch::discover(&cli.paths, &walk)?;
    let mut corpus = Corpus::default();
    for report in &found.errors {
        if let Err(e) = &report.outcome {
            print_error(&report.path.display().to_string(), e);
            corpus.failed = true;
        }
    }
    let prepared: Vec<Result<Doc, FileError>> = found
        .inputs
        .par_iter()
        .map(|input| {
            let bytes = std::fs::read(&input.path).map_err(FileError::Read)?;
            let article = newsdedup::clean(&bytes, opts).map_err(FileError::Clean)?;
            Ok(Doc::from_article(&article, dup))
        })
        .collect();
    for (input, result) in found.inputs.iter().zip(prepared) {
        let name = input.path.display().to_string();
        match result {
            Ok(doc) => {
                corpus.names.push(Value::String(name));
                corpus.docs.push(doc);
            }
            Err(e) => {
                print_error(&name, &e);
                corpus.failed = true;
            }
        }
    }
    Ok(corpus)
}

/// `newsdedup: PATH[:LINE]: reason (hint: ...)`, as batch mode prints it.
fn print_error(name: &str, e: &FileError) {
    let _ = match e.line() {
        Some(line) => writeln!(io::stderr(), "newsdedup: {name}:{line}: {e}"),
        None => writeln!(io::stderr(), "newsdedup: {name}: {e}"),
    };
}

/// Reads JSON Lines records from each input in turn (standard input when
/// there is none), cleaning them in parallel a chunk at a time. Each is
/// named by its "id" field, or by `PATH:LINE` when it has none.
fn read_records(cli: &Cli, opts: &Options, dup: &duplicates::Options) -> Result<Corpus> {
    let mut corpus = Corpus::default();
    let inputs: Vec<Option<&Path>> = if cli.paths.is_empty() {
        vec![None]
    } else {
        let stdin = |p: &&std::path::PathBuf| p.as_path() == Path::new("-");
        cli.paths
            .iter()
            .map(|p| (!stdin(&p)).then_some(p.as_path()))
            .collect()
    };
    for input in inputs {
        let name = input.map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
        let reader: Box<dyn Read> = match input {
            None => Box::new(io::stdin()),
            Some(path) => match std::fs::File::open(path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    print_error(&name, &FileError::Read(e));
                    corpus.failed = true;
                    continue;
                }
            },
        };
        let mut lines = BufReader::new(reader).lines().enumerate();
        loop {
            let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
            for (n, line) in lines.by_ref().take(CHUNK) {
                match line {
                    Ok(l) if !l.trim().is_empty() => chunk.push((n + 1, l)),
                    Ok(_) => {}
                    Err(e) => {
                        print_error(&name, &FileError::Read(e));
                        corpus.failed = true;
                        break;
                    }
                }
            }
            if chunk.is_empty() {
                break;
            }
            let prepared: Vec<_> = chunk
                .par_iter()
                .map(|(n, line)| prepare_record(line, opts, dup).map(|(id, d)| (*n, id, d)))
                .collect();
            for (result, (n, _)) in prepared.into_iter().zip(&chunk) {
                match result {
                    Ok((_, id, doc)) => {
                        corpus
                            .names
                            .push(id.unwrap_or_else(|| Value::String(format!("{name}:{n}"))));
                        corpus.docs.push(doc);
                    }
                    Err(e) => {
                        let _ = writeln!(io::stderr(), "newsdedup: {name}:{n}: {e}");
                        corpus.failed = true;
                    }
                }
            }
        }
    }
    Ok(corpus)
}

/// Cleans and prepares one record; returns its "id", if any.
fn prepare_record(
    line: &str,
    opts: &Options,
    dup: &duplicates::Options,
) -> Result<(Option<Value>, Doc), String> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: Option<Value>,
    }
    let record = Record::parse(line, opts.no_header).map_err(|e| e.to_string())?;
    let article = record.clean(opts).map_err(|e| e.to_string())?;
    let id = serde_json::from_str::<Id>(line).ok().and_then(|r| r.id);
    Ok((id, Doc::from_article(&article, dup)))
}

#[derive(Serialize)]
struct JsonCopy<'a> {
    path: &'a Value,
    similarity: f64,
    kind: &'static str,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    keep: &'a Value,
    copies: Vec<JsonCopy<'a>>,
}

fn json_group<'a>(g: &Group, names: &'a [Value]) -> JsonGroup<'a> {
    JsonGroup {
        keep: &names[g.keep],
        copies: g
            .copies
            .iter()
            .map(|c| JsonCopy {
                path: &names[c.index],
                similarity: (c.similarity * 100.0).round() / 100.0,
                kind: c.kind.name(),
            })
            .collect(),
    }
}

/// One group as a JSON line.
fn write_json<W: Write>(w: &mut W, g: &Group, names: &[Value]) -> io::Result<()> {
    serde_json::to_writer(&mut *w, &json_group(g, names))?;
    w.write_all(b"\n")
}

/// One group for people: the kept article, then each copy indented with its
/// kind and similarity, then an empty line.
fn write_text<W: Write>(w: &mut W, g: &Group, names: &[Value]) -> io::Result<()> {
    let show = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    writeln!(w, "{}", show(&names[g.keep]))?;
    for c in &g.copies {
        writeln!(
            w,
            "  {:<5} {:.2}  {}",
            c.kind.name(),
            c.similarity,
            show(&names[c.index])
        )?;
    }
    writeln!(w)
}

/// The `--report` file: the counts, then every group, as one JSON object.
fn write_report(
    path: &Path,
    groups: &[Group],
    names: &[Value],
    articles: usize,
    failed: bool,
) -> Result<()> {
    let what = format!("{}: cannot write the report", path.display());
    let fail =
        |e: io::Error| io::Error::new(e.kind(), format!("{what}: {e} (hint: {})", write_hint(&e)));
    let copies: usize = groups.iter().map(|g| g.copies.len()).sum();
    let report = serde_json::json!({
        "mode": "duplicates",
        "articles": articles,
        "groups": groups.len(),
        "copies": copies,
        "errors": failed,
        "rows": groups.iter().map(|g| json_group(g, names)).collect::<Vec<_>>(),
    });
    let mut bytes = serde_json::to_vec_pretty(&report)
        .map_err(io::Error::other)
        .map_err(fail)?;
    bytes.push(b'\n');
    std::fs::write(path, bytes).map_err(fail)?;
    Ok(())
}

/// A failed write to standard output, kept a broken pipe for `main`.
fn stdout_failure(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("<stdout>: cannot write: {e} (hint: {})", write_hint(&e)),
    )
}
