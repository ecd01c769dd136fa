//! `--duplicates`: clean every article as batch mode does, then group the
//! copies of one story across the corpus (issue #14). The method is the
//! library's ([`newsdedup::duplicates`]); this file does the I/O around it:
//! reading files (found by [`crate::batch::discover`]) or JSON Lines records
//! in parallel, the groups on stdout, the summary and errors on stderr
//! (through [`crate::messages`]), the exit status.

use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use newsdedup::duplicates::{self, Doc, Group};
use newsdedup::jsonl::{Record, RecordError};

use super::ExitStatus;
use crate::batch::{self, FileError, WalkOptions};
use crate::messages::{self, io_failure, stdout_failure, write_hint};
use crate::parallel::{catch_panic_message, thread_pool};
use crate::plan::{self, Articles, Unique};

use super::batch::Progress;
use super::unique;

/// Records prepared at a time from a JSON Lines stream: enough to keep
/// every thread busy, few enough to hold.
const CHUNK: usize = 4096;

/// The articles read: a name for each (its path, or its record's "id") and
/// its prepared text, in input order; for files, the input each came from.
#[derive(Default)]
pub(super) struct Corpus {
    pub names: Vec<Value>,
    pub docs: Vec<Doc>,
    pub inputs: Vec<batch::Input>,
}

/// Runs `--duplicates` (and `--unique`) as planned.
pub fn run(plan: &plan::Duplicates) -> Result<ExitStatus> {
    let pool = thread_pool(plan.jobs).context("cannot start worker threads")?;
    if let (Articles::Records(inputs), Some(Unique::Stream(format))) =
        (&plan.articles, &plan.unique)
    {
        return pool.install(|| unique::stream(inputs, *format, plan));
    }
    let mut corpus = pool.install(|| match &plan.articles {
        Articles::Files { paths, walk } => read_files(paths, walk, plan),
        Articles::Records(inputs) => Ok(read_records(inputs, plan)),
    })?;
    let articles = corpus.docs.len();
    let groups = duplicates::find(std::mem::take(&mut corpus.docs), &plan.find);
    if let Some(output) = &plan.unique {
        return unique::files(output, &groups, &corpus, plan);
    }

    let mut out = io::BufWriter::new(io::stdout().lock());
    for g in &groups {
        if plan.text {
            write_text(&mut out, g, &corpus.names)
        } else {
            write_json(&mut out, g, &corpus.names)
        }
        .map_err(stdout_failure)?;
    }
    out.flush().map_err(stdout_failure)?;

    let copies: usize = groups.iter().map(|g| g.copies.len()).sum();
    if !plan.quiet {
        messages::summary(format_args!(
            "{} {}, {} {} among {} {}",
            groups.len(),
            plural(groups.len(), "group", "groups"),
            copies,
            plural(copies, "copy", "copies"),
            articles,
            plural(articles, "article", "articles"),
        ));
    }
    if let Some(path) = &plan.report {
        write_report(path, &groups, &corpus.names, articles)?;
    }
    Ok(if plan.check && !groups.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

pub(super) fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Walks and cleans the files, in parallel, in path order. A file that
/// cannot be read or cleaned is reported and left out.
fn read_files(paths: &[PathBuf], walk: &WalkOptions, plan: &plan::Duplicates) -> Result<Corpus> {
    let found = batch::discover(paths, walk)?;
    for report in &found.errors {
        if let Err(e) = &report.outcome {
            messages::error(report.path.display(), None, e);
        }
    }
    // The batch mode's bar: on a terminal, for a long run, unless -q.
    let progress = Progress::new(found.inputs.len() as u64, !plan.quiet);
    let prepared: Vec<Result<Doc, FileError>> = found
        .inputs
        .par_iter()
        .map(|input| {
            let doc = catch_panic_message(|| {
                let bytes = batch::read_limited(&input.path, plan.clean.max_bytes)
                    .map_err(FileError::Read)?
                    .0;
                let article = newsdedup::clean(&bytes, &plan.clean).map_err(FileError::Clean)?;
                Ok(Doc::from_article(&article, &plan.find))
            })
            .unwrap_or_else(|msg| Err(FileError::Panic(msg)));
            progress.inc();
            doc
        })
        .collect();
    progress.finish();
    let mut corpus = Corpus::default();
    for (input, result) in found.inputs.iter().zip(prepared) {
        match result {
            Ok(doc) => {
                corpus
                    .names
                    .push(Value::String(input.path.display().to_string()));
                corpus.docs.push(doc);
                corpus.inputs.push(input.clone());
            }
            Err(e) => messages::error(input.path.display(), e.line().map(|l| l as u64), e),
        }
    }
    Ok(corpus)
}

/// Reads JSON Lines records from each input in turn, cleaning them in
/// parallel a chunk at a time. Each is named by its "id" field, or by
/// `PATH:LINE` when it has none. A bad record, or an input that cannot be
/// read, is reported and left out.
fn read_records(inputs: &[Option<PathBuf>], plan: &plan::Duplicates) -> Corpus {
    let mut corpus = Corpus::default();
    for_each_chunk(inputs, |name, chunk| {
        let prepared: Vec<_> = chunk
            .par_iter()
            .map(|(_, line)| prepare_record(line, plan))
            .collect();
        for (result, (n, line)) in prepared.into_iter().zip(chunk) {
            match result {
                Ok((id, doc)) => {
                    corpus.names.push(record_name(id, name, *n));
                    corpus.docs.push(doc);
                }
                Err(e) => record_error(name, *n, line, &e),
            }
        }
        Ok(())
    })
    .expect("reading records into memory cannot fail to write");
    corpus
}

/// A record's name in the output: its "id", or `PATH:LINE` without one.
pub(super) fn record_name(id: Option<Value>, input: &str, line: usize) -> Value {
    id.unwrap_or_else(|| Value::String(format!("{input}:{line}")))
}

/// Reports a record that was skipped, with its "id" when it has one.
pub(super) fn record_error(input: &str, line: usize, text: &str, e: &RecordError) {
    let id = newsdedup::jsonl::record_id(text.as_bytes());
    messages::record_error(input, line as u64, id.as_deref(), e);
}

/// Calls `each` with the name of each input (standard input when `None`)
/// and its non-blank lines, [`CHUNK`] at a time, numbered from 1. An input
/// that cannot be opened or read is reported and the next one read; the
/// first error `each` returns stops the reading and is returned.
pub(super) fn for_each_chunk(
    inputs: &[Option<PathBuf>],
    mut each: impl FnMut(&str, &[(usize, String)]) -> io::Result<()>,
) -> io::Result<()> {
    for input in inputs {
        let (name, reader) = super::open_input(input);
        let Some(reader) = reader else {
            continue;
        };
        let cannot_read = |e: &io::Error| super::cannot_read(&name, e);
        let mut lines = BufReader::new(reader).lines().enumerate();
        loop {
            let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
            for (n, line) in lines.by_ref().take(CHUNK) {
                match line {
                    Ok(l) if !l.trim().is_empty() => chunk.push((n + 1, l)),
                    Ok(_) => {}
                    Err(e) => {
                        cannot_read(&e);
                        break;
                    }
                }
            }
            if chunk.is_empty() {
                break;
            }
            each(&name, &chunk)?;
        }
    }
    Ok(())
}

/// Cleans and prepares one record; returns its "id", if any.
fn prepare_record(
    line: &str,
    plan: &plan::Duplicates,
) -> Result<(Option<Value>, Doc), RecordError> {
    let record = Record::parse(line, plan.clean.no_header)?;
    let article = record.clean(&plan.clean)?;
    Ok((record_id(line), Doc::from_article(&article, &plan.find)))
}

/// A record's "id" field, if it has one.
pub(super) fn record_id(line: &str) -> Option<Value> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: Option<Value>,
    }
    serde_json::from_str::<Id>(line).ok().and_then(|r| r.id)
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

/// The `--report` file: the counts, then every group, as one JSON object,
/// written atomically.
fn write_report(path: &Path, groups: &[Group], names: &[Value], articles: usize) -> Result<()> {
    let copies: usize = groups.iter().map(|g| g.copies.len()).sum();
    let report = serde_json::json!({
        "mode": "duplicates",
        "articles": articles,
        "groups": groups.len(),
        "copies": copies,
        "errors": messages::errored(),
        "rows": groups.iter().map(|g| json_group(g, names)).collect::<Vec<_>>(),
    });
    write_json_file(path, &report)
}

/// Writes a JSON report atomically, so a reader never sees half of it.
pub(super) fn write_json_file(path: &Path, report: &Value) -> Result<()> {
    let what = format!("{}: cannot write the report", path.display());
    let fail = |e: io::Error| io_failure(&e, &what, write_hint);
    let mut bytes = serde_json::to_vec_pretty(report)
        .map_err(io::Error::other)
        .map_err(fail)?;
    bytes.push(b'\n');
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(&bytes).map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
