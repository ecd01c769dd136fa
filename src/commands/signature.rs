//! `--format jsonl --signature`: each article as JSON Lines, as `--format
//! jsonl` (files, in path order) or the filter (records, in input order)
//! writes it, with more members: `"signature"`, the keys under which an
//! engine that groups by key finds the article's candidate copies
//! ([`newsdedup::duplicates::Doc::signature`]), and the words, text hash and
//! shingles that `--duplicates` compares, so that the engine groups exactly
//! as it does without tokenising anything itself. This is the first step of
//! `--duplicates` past one machine (issue #14; the recipe is
//! `examples/spark_duplicates.py`).

use std::io::{self, Write};

use anyhow::{Context, Result};
use rayon::prelude::*;

use newsdedup::duplicates::Doc;
use newsdedup::jsonl::{clean_record_with, OutputFormat, RecordError};
use newsdedup::{writer, Article};

use super::duplicates::{for_each_chunk, record_error};
use super::ExitStatus;
use crate::batch::{self, FileError};
use crate::messages::{self, stdout_failure};
use crate::parallel::{catch_panic_message, thread_pool};
use crate::plan::{self, Articles};

/// Files cleaned at a time: output starts early and memory stays bounded.
const FILE_CHUNK: usize = 512;

/// Writes every article of the plan with its signature.
pub fn run(plan: &plan::Signature) -> Result<ExitStatus> {
    let pool = thread_pool(plan.jobs).context("cannot start worker threads")?;
    let mut out = io::BufWriter::with_capacity(256 * 1024, io::stdout());
    pool.install(|| match &plan.articles {
        Articles::Files { paths, walk } => files(paths, walk, plan, &mut out),
        Articles::Records(inputs) => for_each_chunk(inputs, |name, chunk| {
            let lines: Vec<_> = chunk
                .par_iter()
                .map(|(_, line)| record(line, plan))
                .collect();
            for (line, (n, text)) in lines.into_iter().zip(chunk) {
                match line {
                    Ok(bytes) => out.write_all(&bytes)?,
                    Err(e) => record_error(name, *n, text, &e),
                }
            }
            Ok(())
        })
        .map_err(|e| stdout_failure(e).into()),
    })?;
    out.flush().map_err(stdout_failure)?;
    Ok(ExitStatus::Success)
}

/// The files under `paths`, in path order, a chunk at a time.
fn files(
    paths: &[std::path::PathBuf],
    walk: &batch::WalkOptions,
    plan: &plan::Signature,
    out: &mut impl Write,
) -> Result<()> {
    let found = batch::discover(paths, walk)?;
    for report in &found.errors {
        if let Err(e) = &report.outcome {
            messages::error(report.path.display(), None, e);
        }
    }
    for chunk in found.inputs.chunks(FILE_CHUNK) {
        let lines: Vec<Result<Vec<u8>, FileError>> = chunk
            .par_iter()
            .map(|input| {
                catch_panic_message(|| {
                    let (bytes, _) = batch::read_limited(&input.path, plan.clean.max_bytes)
                        .map_err(FileError::Read)?;
                    let article =
                        newsdedup::clean(&bytes, &plan.clean).map_err(FileError::Clean)?;
                    let mut line = Vec::with_capacity(bytes.len() * 2 + 256);
                    let path = input.path.to_string_lossy();
                    writer::write_json(&article, Some(&path), &mut line)
                        .expect("writing to a Vec cannot fail");
                    add_signature(&mut line, &article, plan);
                    Ok(line)
                })
                .unwrap_or_else(|msg| Err(FileError::Panic(msg)))
            })
            .collect();
        for (line, input) in lines.into_iter().zip(chunk) {
            match line {
                Ok(bytes) => out.write_all(&bytes).map_err(stdout_failure)?,
                Err(e) => messages::error(input.path.display(), e.line().map(|l| l as u64), e),
            }
        }
    }
    Ok(())
}

/// One record cleaned and written as the filter writes it, with its
/// signature.
fn record(line: &str, plan: &plan::Signature) -> Result<Vec<u8>, RecordError> {
    clean_record_with(
        line,
        &plan.clean,
        OutputFormat::Jsonl,
        |_, article, mut bytes| {
            add_signature(&mut bytes, article, plan);
            bytes
        },
    )
}

/// Appends the members below as the last of the JSON object on `line`
/// (which ends `}\n`, as the library's writers end every line):
///
/// - `"signature": [KEY, ...]`, the sampled keys ([`Doc::signature`]);
/// - `"words"`, `"text_hash"` (16 hex digits: a JSON number loses bits past
///   2^53 in most readers) and `"shingles"`, one hash per word position:
///   what `--duplicates` compares, so that an engine can verify pairs,
///   count boilerplate and group exactly as it does (the Spark recipe).
fn add_signature(line: &mut Vec<u8>, article: &Article, plan: &plan::Signature) {
    debug_assert!(line.ends_with(b"}\n"));
    line.truncate(line.len() - 2);
    let doc = Doc::from_article(article, &plan.find);
    line.extend_from_slice(b",\"signature\":");
    serde_json::to_writer(&mut *line, &doc.signature()).expect("writing to a Vec cannot fail");
    write!(
        line,
        ",\"words\":{},\"text_hash\":\"{:016x}\",\"shingles\":",
        doc.words(),
        doc.text_hash()
    )
    .expect("writing to a Vec cannot fail");
    serde_json::to_writer(&mut *line, doc.shingles()).expect("writing to a Vec cannot fail");
    line.extend_from_slice(b"}\n");
}
