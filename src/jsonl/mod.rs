//! JSON Lines in and out: the cleaner as a streaming filter for pipelines.
//!
//! Past one machine, cleaners run inside GNU parallel, Spark (`rdd.pipe`) or
//! Hadoop streaming, which hand a program records as lines of JSON on its
//! standard input and read lines back from its standard output. This module
//! turns one such line into an article, through the very same checks and
//! dedup as a scraped text file, and renders the result as a line again with
//! the record's other fields carried through. A [`Filter`] does that for a
//! whole stream: in parallel, in input order, one bad record reported and
//! skipped without stopping the rest, and memory bounded by a chunk of
//! records however long the stream.
//!
//! # Records in
//!
//! One JSON object per line: `title`, `date` (`YYYYMMDD` or another form of
//! [`crate::Date::parse`], as line 2 of a
//! scraped file) and `url` are strings checked as the text reader checks
//! the header lines, and `text` is the raw body, lines separated by `\n`.
//! A record cleans to exactly the article that the scraped file
//! `title\ndate\nurl\ntext` cleans to ([`Record::to_scraped`]). With
//! [`Options::no_header`] only `text` is read. Blank lines are skipped.
//!
//! # Records out
//!
//! [`OutputFormat::Jsonl`]: one object per line. First every field of the
//! input record except the ones the cleaner reads (`title`, `date`, `url`,
//! `text`) and the ones it writes, in input order and byte for byte as they
//! were (numbers, escapes and nested objects untouched); then the cleaned
//! fields, in the schema of `--format json`: `title`, `date` (ISO 8601),
//! `url`, `lang`, `paragraphs`, `sentences`, `stats` (with `dropped`, the
//! body lines dropped by kind, counted when
//! [`Options::count_dropped`]). On a clash the
//! cleaned field wins: an input `paragraphs`, `sentences` or `stats` is
//! dropped. An input `lang` (a language tag such as `de` or `pt-BR`) is
//! read as the article's language, ahead of `--lang` and detection, and
//! written back as its ISO 639-1 code. With
//! [`Options::no_header`] the header is not cleaned, so a record's own
//! `title`, `date` and `url` pass through unchanged, and are `null` only
//! when the record has none.
//!
//! [`OutputFormat::Text`]: each article in the scraped layout (title, date,
//! URL, one paragraph per line) followed by one empty line. A cleaned
//! article never holds an empty line, so the empty lines split the stream
//! back into articles.
//!
//! ```
//! use newsdedup::jsonl::{Filter, FilterOptions, OutputFormat};
//!
//! let input = concat!(
//!     r#"{"id": 7, "title": "Title", "date": "20220122", "url": "https://example.com/a", "#,
//!     r#""text": "Second paragraph here.Third and last one.\n"#,
//!     r#"First paragraph of it.Second paragraph here.Third and last one.\nThird and last one."}"#,
//!     "\n",
//!     r#"{"id": 8, "title": "Title", "date": "2022-13-22", "url": "https://example.com/b", "text": "x"}"#,
//!     "\n",
//! );
//! let filter = Filter::new(
//!     FilterOptions { clean: newsdedup::Options::default(), format: OutputFormat::Jsonl },
//!     Some(2),
//! )?;
//! let mut out = Vec::new();
//! let mut failures = Vec::new();
//! let summary = filter.run(input.as_bytes(), &mut out, |failure| failures.push(failure))?;
//!
//! let record: serde_json::Value = serde_json::from_slice(&out)?;
//! assert_eq!(record["id"], 7);
//! assert_eq!(record["date"], "2022-01-22");
//! assert_eq!(
//!     record["paragraphs"],
//!     serde_json::json!(["First paragraph of it.", "Second paragraph here.", "Third and last one."])
//! );
//! // The second record's date has no month 13: it is reported by its line and skipped.
//! assert_eq!((summary.cleaned, summary.failed), (1, 1));
//! assert_eq!(failures[0].line, 2);
//! assert!(failures[0].error.to_string().starts_with("\"date\": expected a date, found"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The module's parts: `record.rs` holds one record's parsing, cleaning and
//! writing (the per-record API: [`Record`], [`write_record`], and
//! [`clean_line`] for a whole line); this file holds the streaming
//! [`Filter`] and its line reader.

mod record;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc;

use rayon::prelude::*;

use crate::{Article, Options};

pub use record::{write_record, OutputFormat, Record, RecordError, RecordHeader};

/// Records cleaned per round of parallel work, at most. Output is written a
/// round at a time, in input order, so memory is bounded by a round (and
/// the queue of lines read ahead, as long again) whatever the stream's
/// length.
pub const CHUNK_RECORDS: usize = 1024;

/// Bytes of input lines per round, at most (a round always takes at least
/// one line): keeps a round of long records as small as a round of short
/// ones.
pub const CHUNK_BYTES: usize = 32 * 1024 * 1024;

/// How a [`Filter`] cleans and writes records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterOptions {
    /// How to clean each record's article. `max_bytes` limits each line,
    /// `no_header` reads `text` only, `lossy` replaces invalid UTF-8 in a
    /// line before it is parsed.
    pub clean: Options,
    /// How to write each cleaned record.
    pub format: OutputFormat,
}

/// Cleans one line of JSON Lines input (without its newline) and renders
/// it in `opts.format`, with its line ending. A panic while cleaning is
/// caught and returned as [`RecordError::Panic`].
///
/// Complexity: *O(n)* time in the line's length `n`, as [`crate::clean`]
/// of its text; memory that of [`crate::clean`] plus the line's text
/// unescaped (one copy) and, with a header, the equivalent scraped file
/// (one more).
pub fn clean_line(line: &[u8], opts: &FilterOptions) -> Result<Vec<u8>, RecordError> {
    if line.len() as u64 > opts.clean.max_bytes {
        return Err(RecordError::TooLarge {
            size: line.len() as u64,
            max: opts.clean.max_bytes,
        });
    }
    let text = match std::str::from_utf8(line) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) if opts.clean.lossy => String::from_utf8_lossy(line),
        Err(e) => {
            return Err(RecordError::InvalidUtf8 {
                column: e.valid_up_to() + 1,
            })
        }
    };
    clean_record_with(&text, &opts.clean, opts.format, |_, _, out| out)
}

/// The steps every record path shares: the size limit, then the record
/// parsed, cleaned and rendered in `format` (with its line ending), handed
/// to `then` with its record and article (to add a signature, to keep a
/// sketch); the record's `text` is given up by then (it is empty), so
/// that a huge one is not held while its output is written. A panic while
/// cleaning or in `then` is caught and returned as [`RecordError::Panic`].
///
/// Complexity: as [`clean_line`], *O(n)* time and memory in the line's
/// length.
pub fn clean_record_with<T>(
    line: &str,
    clean: &Options,
    format: OutputFormat,
    then: impl FnOnce(&Record, &Article, Vec<u8>) -> T,
) -> Result<T, RecordError> {
    if line.len() as u64 > clean.max_bytes {
        return Err(RecordError::TooLarge {
            size: line.len() as u64,
            max: clean.max_bytes,
        });
    }
    crate::parallel::catch_panic_message(|| {
        let mut record = Record::parse(line, clean.no_header)?;
        let article = record.clean_taking_text(clean)?;
        let mut out = Vec::with_capacity(line.len() + 256);
        write_record(&record, &article, format, &mut out).expect("writing to a Vec cannot fail");
        Ok(then(&record, &article, out))
    })
    .unwrap_or_else(|msg| Err(RecordError::Panic(msg)))
}

/// A record cleaned by [`Filter::run`]: rendered by the worker that
/// cleaned it, or, for a large article, the record's parts and the
/// article, rendered as they are written (a rendered record is about twice
/// its article's text, and was held beside it, issue 13).
enum Rendered {
    Bytes(Vec<u8>),
    Deferred {
        header: bool,
        carried: Vec<(String, Box<serde_json::value::RawValue>)>,
        lang: Option<crate::lang::Lang>,
        article: Box<Article>,
        format: OutputFormat,
    },
}

/// Articles over this many bytes of text are rendered as they are written
/// ([`Rendered::Deferred`]): on the thread that writes, so only large ones.
const DEFER_RENDER: usize = 1 << 20;

impl Rendered {
    fn write_to<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        match self {
            Rendered::Bytes(bytes) => out.write_all(bytes),
            Rendered::Deferred {
                header,
                carried,
                lang,
                article,
                format,
            } => {
                let record = Record {
                    // Only whether there is a header is read when writing.
                    header: header.then(|| RecordHeader {
                        title: String::new(),
                        date: String::new(),
                        url: String::new(),
                    }),
                    text: String::new(),
                    carried: carried.iter().map(|(k, v)| (k.clone(), &**v)).collect(),
                    lang: *lang,
                };
                write_record(&record, article, *format, out)
            }
        }
    }
}

/// [`clean_line`] of a line the caller gives up: once parsed, the line is
/// freed (its carried fields copied out, its text unescaped), so that a
/// huge record is not held twice while it is cleaned; a large article is
/// rendered later ([`Rendered::Deferred`]). A skipped record comes with its
/// `"id"` ([`record_id`]).
fn clean_owned_line(
    line: Vec<u8>,
    opts: &FilterOptions,
) -> Result<Rendered, (RecordError, Option<String>)> {
    if line.len() as u64 > opts.clean.max_bytes {
        let error = RecordError::TooLarge {
            size: line.len() as u64,
            max: opts.clean.max_bytes,
        };
        return Err((error, record_id(&line)));
    }
    // A line made valid by replacing bytes has the id `record_id` reads
    // from the bytes as they were, found here before they are replaced.
    let (line, lossy_id) = match String::from_utf8(line) {
        Ok(line) => (line, None),
        Err(e) if opts.clean.lossy => {
            let id = record_id(e.as_bytes());
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(id))
        }
        Err(e) => {
            let error = RecordError::InvalidUtf8 {
                column: e.utf8_error().valid_up_to() + 1,
            };
            return Err((error, record_id(e.as_bytes())));
        }
    };
    // The id of a record that parsed: from its carried fields, as
    // `record_id` reads it from the line (one `"id"`, not `null`).
    let id_of = |carried: &[(String, Box<serde_json::value::RawValue>)]| match &lossy_id {
        Some(id) => id.clone(),
        None => {
            let mut ids = carried.iter().filter(|(k, _)| k == "id");
            match (ids.next(), ids.next()) {
                (Some((_, v)), None) if v.get() != "null" => Some(shown_id(v.get())),
                _ => None,
            }
        }
    };
    let mut carried: Vec<(String, Box<serde_json::value::RawValue>)> = Vec::new();
    let result = crate::parallel::catch_panic_message(|| {
        let record = match Record::parse(&line, opts.clean.no_header) {
            Ok(record) => record,
            Err(error) => {
                let id = match &lossy_id {
                    Some(id) => id.clone(),
                    None => record_id(line.as_bytes()),
                };
                return Err((error, id));
            }
        };
        carried = record
            .carried
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::value::RawValue::to_owned(v)))
            .collect();
        let (header, text, lang) = (record.header, record.text, record.lang);
        drop(line);
        let mut record = Record {
            header,
            text,
            carried: carried.iter().map(|(k, v)| (k.clone(), &**v)).collect(),
            lang,
        };
        let article = match record.clean_taking_text(&opts.clean) {
            Ok(article) => article,
            Err(error) => return Err((error, id_of(&carried))),
        };
        let header = record.header.is_some();
        let lang = record.lang;
        if article.text_len() > DEFER_RENDER {
            drop(record);
            return Ok(Rendered::Deferred {
                header,
                carried: std::mem::take(&mut carried),
                lang,
                article: Box::new(article),
                format: opts.format,
            });
        }
        let mut out = Vec::with_capacity(article.text_len() * 2 + 256);
        write_record(&record, &article, opts.format, &mut out)
            .expect("writing to a Vec cannot fail");
        Ok(Rendered::Bytes(out))
    });
    result.unwrap_or_else(|msg| Err((RecordError::Panic(msg), id_of(&carried))))
}

/// A record that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// 1-based line number of the record in its input stream.
    pub line: u64,
    /// The record's `"id"` as written (its JSON text, see [`record_id`]),
    /// when it has one: under GNU parallel or Spark each piece of a stream
    /// is numbered from 1, so the line alone does not find the record.
    pub id: Option<String>,
    /// What is wrong with it.
    pub error: RecordError,
}

/// The longest `"id"` a [`Failure`] carries whole; a longer one is cut
/// there (at a character boundary) and ends with `…`.
pub const ID_SHOWN: usize = 80;

/// The `"id"` field of a record's line, as its JSON text (`"a-17"` with
/// its quotes, `17`), when the line is a JSON object that has one; cut to
/// [`ID_SHOWN`] bytes. Only a skipped record's line is read for it.
pub fn record_id(line: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Id<'a> {
        #[serde(borrow)]
        id: Option<&'a serde_json::value::RawValue>,
    }
    let id = serde_json::from_slice::<Id<'_>>(line).ok()?.id?.get();
    Some(shown_id(id))
}

/// A record's `"id"` JSON text, cut to [`ID_SHOWN`] bytes.
fn shown_id(id: &str) -> String {
    if id.len() <= ID_SHOWN {
        return id.to_string();
    }
    let mut end = ID_SHOWN;
    while !id.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &id[..end])
}

/// What a [`Filter::run`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records read: non-blank lines.
    pub records: u64,
    /// Records cleaned and written.
    pub cleaned: u64,
    /// Records skipped, each reported as a [`Failure`].
    pub failed: u64,
}

/// Why a stream stopped before its end.
#[derive(Debug)]
#[non_exhaustive]
pub enum StreamError {
    /// The input could not be read.
    Read(io::Error),
    /// The output could not be written (a closed pipe, say).
    Write(io::Error),
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::Read(e) => write!(f, "cannot read: {e}"),
            StreamError::Write(e) => write!(f, "cannot write: {e}"),
        }
    }
}

impl std::error::Error for StreamError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StreamError::Read(e) | StreamError::Write(e) => Some(e),
        }
    }
}

/// A streaming JSON Lines cleaner: the options and a thread pool.
#[derive(Debug)]
pub struct Filter {
    opts: FilterOptions,
    pool: rayon::ThreadPool,
}

/// One line read ahead: its number, and its bytes or why they were dropped.
type Line = (u64, Result<Vec<u8>, RecordError>);

impl Filter {
    /// A filter with `jobs` threads, or one per core when `None`.
    pub fn new(opts: FilterOptions, jobs: Option<usize>) -> io::Result<Filter> {
        Ok(Filter {
            opts,
            pool: crate::parallel::thread_pool(jobs)?,
        })
    }

    /// Cleans every record of `input` and writes them to `out` in input
    /// order; calls `on_failure`, in input order too, for each record
    /// skipped. Lines are numbered from 1 in `input`.
    ///
    /// A thread reads lines ahead while the pool cleans a round of them, and
    /// a round is whatever has been read, up to [`CHUNK_RECORDS`] and
    /// [`CHUNK_BYTES`]: a fast input is cleaned in full rounds, a slow one
    /// (a live feed) record by record as it comes. `out` is flushed after
    /// each round. A read or write error stops the stream and is returned;
    /// the reading thread then ends at its next line, or with the process.
    ///
    /// Complexity: *O(n)* time in the stream's length; memory bounded by
    /// the rounds in flight ([`CHUNK_RECORDS`] records, [`CHUNK_BYTES`]
    /// bytes, and as many read ahead), not by the stream's length, each
    /// record costing what [`clean_line`] costs; a line over `max_bytes` is
    /// read through without being held.
    pub fn run<R, W>(
        &self,
        input: R,
        out: &mut W,
        mut on_failure: impl FnMut(Failure),
    ) -> Result<Summary, StreamError>
    where
        R: Read + Send + 'static,
        W: Write + ?Sized,
    {
        let (tx, rx) = mpsc::sync_channel::<io::Result<Line>>(CHUNK_RECORDS);
        let max = self.opts.clean.max_bytes;
        // Not a scoped thread: on a closed stdout the run must return at
        // once, not wait for an idle input to send one more line.
        std::thread::Builder::new()
            .name("newsdedup-read".to_string())
            .spawn(move || read_lines(input, max, tx))
            .map_err(StreamError::Read)?;

        let mut summary = Summary::default();
        // Blocks for the first line of a round only, then takes what is
        // already there.
        while let Ok(first) = rx.recv() {
            let mut round = vec![first.map_err(StreamError::Read)?];
            let mut bytes = 0;
            while round.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
                match rx.try_recv() {
                    Ok(line) => {
                        let line = line.map_err(StreamError::Read)?;
                        bytes += line.1.as_ref().map_or(0, Vec::len);
                        round.push(line);
                    }
                    Err(_) => break,
                }
            }
            let opts = &self.opts;
            type Cleaned = Result<Rendered, (RecordError, Option<String>)>;
            let results: Vec<(u64, Cleaned)> = self.pool.install(|| {
                round
                    .into_par_iter()
                    .map(|(n, line)| match line {
                        Ok(line) => (n, clean_owned_line(line, opts)),
                        Err(error) => (n, Err((error, None))),
                    })
                    .collect()
            });
            for (line, result) in results {
                summary.records += 1;
                match result {
                    Ok(rendered) => {
                        summary.cleaned += 1;
                        rendered.write_to(&mut *out).map_err(StreamError::Write)?;
                    }
                    Err((error, id)) => {
                        summary.failed += 1;
                        on_failure(Failure { line, id, error });
                    }
                }
            }
            out.flush().map_err(StreamError::Write)?;
        }
        Ok(summary)
    }
}

/// The reading thread: sends each non-blank line with its number, until the
/// input ends, a read fails, or the receiver is gone.
fn read_lines<R: Read>(input: R, max: u64, tx: mpsc::SyncSender<io::Result<Line>>) {
    let mut input = BufReader::with_capacity(256 * 1024, input);
    let mut number = 0u64;
    loop {
        let mut buf = Vec::new();
        let line = match read_line(&mut input, &mut buf, max) {
            Ok(None) => return,
            Ok(Some(size)) => {
                number += 1;
                if number == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                    buf.drain(..3);
                }
                if size > max {
                    Err(RecordError::TooLarge { size, max })
                } else if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                } else {
                    Ok(buf)
                }
            }
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        };
        if tx.send(Ok((number, line))).is_err() {
            return;
        }
    }
}

/// Reads one line into `buf`, without its `\n` (and a `\r` before it), and
/// returns its length, or `None` at the end of the input. A line longer
/// than `max` is consumed but not kept, so one huge line cannot exhaust
/// memory; its full length is still returned.
fn read_line<R: BufRead>(input: &mut R, buf: &mut Vec<u8>, max: u64) -> io::Result<Option<u64>> {
    let mut size = 0u64;
    let mut any = false;
    // The last byte read: a `\r` before the `\n` is not the line's, even
    // when the line was too long to keep.
    let mut last = None;
    // One byte over `max` is kept, for that `\r`: a CRLF line of exactly
    // `max` bytes was refused as too large (issue 13).
    let keep = max.saturating_add(1);
    loop {
        let available = match input.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(size));
        }
        any = true;
        let (take, newline) = match memchr::memchr(b'\n', available) {
            Some(i) => (i, true),
            None => (available.len(), false),
        };
        size += take as u64;
        if take > 0 {
            last = Some(available[take - 1]);
        }
        if size <= keep {
            buf.extend_from_slice(&available[..take]);
        } else if !buf.is_empty() {
            *buf = Vec::new();
        }
        input.consume(take + usize::from(newline));
        if newline {
            if last == Some(b'\r') {
                buf.pop();
                size -= 1;
            }
            return Ok(Some(size));
        }
    }
}
