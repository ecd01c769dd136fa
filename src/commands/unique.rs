//! `--unique`: one article of each story written, the copies dropped
//! (issue #14). For files, after `--duplicates` has grouped them: the kept
//! article of each group and every article in none, cleaned again through
//! the batch pipeline (`-o DIR` or `--format jsonl`, in path order). For
//! records, a stream: each record checked against those kept before it
//! ([`newsdedup::duplicates::stream`]), the first occurrence written, in
//! input order, holding one chunk of records at a time. `--report` lists
//! each article dropped, the one it is a copy of and how similar they are.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde_json::{json, Value};

use newsdedup::duplicates::stream::{Seen, Verdict};
use newsdedup::duplicates::{Doc, Group, Kind};
use newsdedup::jsonl::{clean_record_with, OutputFormat, RecordError};

use super::duplicates::{
    for_each_chunk, plural, record_error, record_id, record_name, write_json_file, Corpus,
};
use super::ExitStatus;
use crate::batch::{Action, Batch, BatchOptions};
use crate::messages::{self, stdout_failure};
use crate::plan::{self, Unique};

/// One article dropped: its name, the kept article's, and how alike.
struct Dropped {
    name: Value,
    copy_of: Value,
    similarity: f64,
    kind: Kind,
}

impl Dropped {
    fn row(&self) -> Value {
        json!({
            "path": self.name,
            "copy_of": self.copy_of,
            "similarity": (self.similarity * 100.0).round() / 100.0,
            "kind": self.kind.name(),
        })
    }
}

/// Writes the files kept after grouping: cleaned copies under the out-dir,
/// or JSON Lines records on stdout.
pub fn files(
    output: &Unique,
    groups: &[Group],
    corpus: &Corpus,
    plan: &plan::Duplicates,
) -> Result<ExitStatus> {
    let mut copy_of: HashMap<usize, (usize, f64, Kind)> = HashMap::new();
    for g in groups {
        for c in &g.copies {
            copy_of.insert(c.index, (g.keep, c.similarity, c.kind));
        }
    }
    let kept: Vec<_> = (0..corpus.inputs.len())
        .filter(|i| !copy_of.contains_key(i))
        .map(|i| corpus.inputs[i].clone())
        .collect();
    let action = match output {
        Unique::OutDir(dir) => {
            super::batch::prepare_out_dir(dir)?;
            Action::OutDir(dir.clone())
        }
        _ => Action::JsonLines,
    };
    let runner = Batch::new(
        BatchOptions {
            clean: plan.clean,
            action,
        },
        plan.jobs,
    )
    .context("cannot start worker threads")?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut written = 0usize;
    runner
        .run(&kept, &|_| {}, |mut report| -> io::Result<()> {
            match &mut report.outcome {
                Err(e) => messages::error(report.path.display(), e.line().map(|l| l as u64), e),
                Ok(cleaned) => {
                    written += 1;
                    if let Some(json) = cleaned.json.take() {
                        json.write_to(&mut out)?;
                    }
                }
            }
            Ok(())
        })
        .and_then(|()| out.flush())
        .map_err(stdout_failure)?;

    let mut dropped: Vec<Dropped> = copy_of
        .iter()
        .map(|(&i, &(keep, similarity, kind))| Dropped {
            name: corpus.names[i].clone(),
            copy_of: corpus.names[keep].clone(),
            similarity,
            kind,
        })
        .collect();
    dropped.sort_by(|a, b| a.name.as_str().cmp(&b.name.as_str()));
    let place = match output {
        Unique::OutDir(dir) => format!(" to {}", dir.display()),
        _ => String::new(),
    };
    finish(
        plan,
        corpus.names.len(),
        written,
        &place,
        (dropped.len(), 0),
        &dropped,
    )
}

/// The summary line and the report, common to both outputs: `copies`
/// dropped, of which `dropped` holds the rows (the stream keeps them only
/// for a report), and kept articles `forgotten` by the stream's --memory.
fn finish(
    plan: &plan::Duplicates,
    articles: usize,
    written: usize,
    place: &str,
    (copies, forgotten): (usize, usize),
    dropped: &[Dropped],
) -> Result<ExitStatus> {
    if !plan.quiet {
        messages::summary(format_args!(
            "{written} {} written{place}, {} {} dropped, among {articles} {}",
            plural(written, "article", "articles"),
            copies,
            plural(copies, "copy", "copies"),
            plural(articles, "article", "articles"),
        ));
    }
    if let Some(path) = &plan.report {
        let report = json!({
            "mode": "unique",
            "articles": articles,
            "written": written,
            "dropped": copies,
            "forgotten": forgotten,
            "errors": messages::errored(),
            "rows": dropped.iter().map(Dropped::row).collect::<Vec<_>>(),
        });
        write_json_file(path, &report)?;
    }
    Ok(ExitStatus::Success)
}

/// A record read and cleaned: its "id", its prepared text, and its output.
type Prepared = (Option<Value>, Doc, Vec<u8>);

/// Streams the records of `inputs` to stdout, each written only if it is a
/// copy of no record written before it.
pub fn stream(
    inputs: &[Option<PathBuf>],
    format: OutputFormat,
    plan: &plan::Duplicates,
) -> Result<ExitStatus> {
    let mut seen = Seen::with_memory(&plan.find, plan.memory);
    // Names of the kept records and the rows of the dropped ones, held for
    // a report only: without one, memory is the index's.
    let mut kept_names: Vec<Value> = Vec::new();
    let mut dropped: Vec<Dropped> = Vec::new();
    let (mut articles, mut written, mut copies) = (0usize, 0usize, 0usize);
    let mut out = io::BufWriter::with_capacity(256 * 1024, io::stdout().lock());
    let reported = plan.report.is_some();
    for_each_chunk(inputs, |name, chunk| {
        let prepared: Vec<Result<Prepared, RecordError>> = chunk
            .par_iter()
            .map(|(_, line)| prepare(line, format, plan))
            .collect();
        for (result, (n, line)) in prepared.into_iter().zip(chunk) {
            let (id, doc, bytes) = match result {
                Ok(p) => p,
                Err(e) => {
                    record_error(name, *n, line, &e);
                    continue;
                }
            };
            articles += 1;
            let verdict = seen.check(doc);
            if matches!(verdict, Verdict::Copy { .. }) {
                copies += 1;
            }
            match verdict {
                Verdict::Unique { .. } => {
                    written += 1;
                    out.write_all(&bytes)?;
                    if reported {
                        kept_names.push(record_name(id, name, *n));
                    }
                }
                Verdict::Copy {
                    of,
                    similarity,
                    kind,
                } if reported => dropped.push(Dropped {
                    name: record_name(id, name, *n),
                    copy_of: kept_names[of].clone(),
                    similarity,
                    kind,
                }),
                Verdict::Copy { .. } => {}
            }
        }
        Ok(())
    })
    .and_then(|()| out.flush())
    .map_err(stdout_failure)?;
    let forgotten = seen.forgotten();
    if forgotten > 0 && !plan.quiet {
        messages::summary(format_args!(
            "{forgotten} kept {} forgotten to stay within --memory (a copy of one that comes after is written again)",
            plural(forgotten, "article", "articles"),
        ));
    }
    finish(plan, articles, written, "", (copies, forgotten), &dropped)
}

/// Parses, cleans, prepares and renders one record, a panic caught as the
/// record's error.
fn prepare(
    line: &str,
    format: OutputFormat,
    plan: &plan::Duplicates,
) -> Result<Prepared, RecordError> {
    clean_record_with(line, &plan.clean, format, |_, article, bytes| {
        (
            record_id(line),
            Doc::from_article(article, &plan.find),
            bytes,
        )
    })
}
