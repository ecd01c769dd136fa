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
//! One JSON object per line: `title`, `date` (`YYYYMMDD`, as line 2 of a
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
//! `url`, `lang`, `paragraphs`, `sentences`, `stats`. On a clash the
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
//!     r#"{"id": 8, "title": "Title", "date": "2022-01-22", "url": "https://example.com/b", "text": "x"}"#,
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
//! // The second record's date is not YYYYMMDD: it is reported by its line and skipped.
//! assert_eq!((summary.cleaned, summary.failed), (1, 1));
//! assert_eq!(failures[0].line, 2);
//! assert!(failures[0].error.to_string().starts_with("\"date\": expected a date YYYYMMDD"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::lang::Lang;
use crate::{writer, Article, Error, Options};

/// Records cleaned per round of parallel work, at most. Output is written a
/// round at a time, in input order, so memory is bounded by a round (and
/// the queue of lines read ahead, as long again) whatever the stream's
/// length.
pub const CHUNK_RECORDS: usize = 1024;

/// Bytes of input lines per round, at most (a round always takes at least
/// one line): keeps a round of long records as small as a round of short
/// ones.
pub const CHUNK_BYTES: usize = 32 * 1024 * 1024;

/// The fields the cleaner writes besides the header; a carried field of the
/// same name is dropped, so the cleaned value wins. (A carried `title`,
/// `date` or `url` exists only without a header, and then it stays.)
const CLEANED: [&str; 4] = ["lang", "paragraphs", "sentences", "stats"];

/// The header fields of a record, as given (untrimmed, unchecked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordHeader {
    /// `title`: line 1 of the equivalent scraped file.
    pub title: String,
    /// `date`: line 2, `YYYYMMDD`.
    pub date: String,
    /// `url`: line 3.
    pub url: String,
}

/// One input record, borrowing the carried fields from its line.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    /// The header fields, or `None` when reading with
    /// [`Options::no_header`] (then any `title`, `date` and `url` are
    /// carried like other fields).
    pub header: Option<RecordHeader>,
    /// `text`: the raw body, lines separated by `\n` (or `\r\n`, `\r`).
    pub text: String,
    /// Every other field, in input order, with its JSON text exactly as it
    /// was in the line.
    pub carried: Vec<(String, &'a RawValue)>,
    /// `lang`, when it is a language tag ([`Lang::parse`]): the article's
    /// language, ahead of `--lang` and detection. It is read, not carried:
    /// the output's `lang` is the one used.
    pub lang: Option<Lang>,
}

/// Why one record was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordError {
    /// The line is not valid UTF-8.
    InvalidUtf8 {
        /// 1-based byte column of the first invalid byte.
        column: usize,
    },
    /// The line is not valid JSON.
    Syntax {
        /// What the JSON parser says, with the 1-based column.
        message: String,
    },
    /// The line is valid JSON but not an object.
    NotObject {
        /// What it is instead: `an array`, `a string`, ...
        found: &'static str,
    },
    /// A field the cleaner needs is absent or `null`.
    Missing {
        /// The field's name.
        field: &'static str,
    },
    /// A field the cleaner reads is not a string.
    NotAString {
        /// The field's name.
        field: &'static str,
        /// What it is instead.
        found: &'static str,
    },
    /// A field the cleaner reads appears more than once in the object.
    Duplicate {
        /// The field's name.
        field: &'static str,
    },
    /// `title`, `date` or `url` holds a line break, which would shift the
    /// header of the equivalent scraped file.
    LineBreak {
        /// The field's name.
        field: &'static str,
    },
    /// The line is longer than [`Options::max_bytes`]; it was skipped
    /// without being held in memory.
    TooLarge {
        /// Length of the line in bytes, without its newline.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The record is well-formed but its article cannot be cleaned: the
    /// checks of a scraped file failed on one of its fields.
    Clean {
        /// The field at fault: `title`, `date`, `url` or `text`.
        field: &'static str,
        /// The error the same article gives as a text file.
        error: Error,
    },
    /// Cleaning panicked: a bug, caught so the rest of the stream goes on.
    Panic(String),
}

impl RecordError {
    /// A short suggestion for fixing the record.
    pub fn hint(&self) -> &'static str {
        match self {
            RecordError::InvalidUtf8 { .. } => {
                "convert the input to UTF-8, or pass --lossy to replace bad bytes with U+FFFD"
            }
            RecordError::Syntax { .. } | RecordError::NotObject { .. } => {
                "each line must hold one JSON object, e.g. {\"title\": ..., \"date\": ..., \"url\": ..., \"text\": ...}"
            }
            RecordError::Missing { field: "text" } => "\"text\" holds the scraped body, lines separated by \\n",
            RecordError::Missing { .. } => {
                "records need \"title\", \"date\", \"url\" and \"text\"; use --no-header for records with \"text\" only"
            }
            RecordError::NotAString { .. } => "the fields newsdedup reads are JSON strings",
            RecordError::Duplicate { .. } => "give each field once",
            RecordError::LineBreak { .. } => "title, date and url are one line each; only \"text\" may hold line breaks",
            RecordError::TooLarge { .. } => {
                "raise the limit with --max-bytes if the record is really one article"
            }
            RecordError::Clean { field, error } => match (*field, error) {
                ("title", _) => "\"title\" must not be blank; use --no-header for records with \"text\" only",
                ("date", _) => {
                    "\"date\" must be the date as a string YYYYMMDD, e.g. \"20220122\"; use --no-header to leave it unchecked"
                }
                ("url", _) => {
                    "\"url\" must be an absolute URL such as \"https://example.com/a.html\"; use --no-header to leave it unchecked"
                }
                (_, Error::Empty { .. } | Error::NoBody { .. }) => "there is nothing to clean",
                (_, error) => error.hint(),
            },
            RecordError::Panic(_) => "this is a bug in newsdedup; please report it with the record",
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::InvalidUtf8 { column } => {
                write!(f, "invalid UTF-8 at column {column}")
            }
            RecordError::Syntax { message } => write!(f, "not valid JSON: {message}"),
            RecordError::NotObject { found } => {
                write!(f, "expected a JSON object, found {found}")
            }
            RecordError::Missing { field } => write!(f, "the record has no {field:?} field"),
            RecordError::NotAString { field, found } => {
                write!(f, "{field:?} must be a string, found {found}")
            }
            RecordError::Duplicate { field } => {
                write!(f, "{field:?} appears more than once in the record")
            }
            RecordError::LineBreak { field } => write!(f, "{field:?} holds a line break"),
            RecordError::TooLarge { size, max } => {
                write!(
                    f,
                    "the record is {size} bytes, over the limit of {max} bytes"
                )
            }
            RecordError::Clean { field, error } => match error {
                Error::EmptyTitle => write!(f, "\"title\" is blank"),
                Error::Empty { .. } | Error::NoBody { .. } => {
                    write!(f, "{field:?} holds no non-blank line")
                }
                error => write!(f, "{field:?}: {error}"),
            },
            RecordError::Panic(msg) => {
                write!(f, "internal error, please report it: panicked: {msg}")
            }
        }
    }
}

impl std::error::Error for RecordError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RecordError::Clean { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// The fields of a JSON object in the order written, values unparsed.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Fields<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Fields<'de>, M::Error> {
                let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(8));
                while let Some(key) = map.next_key::<String>()? {
                    fields.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// What a JSON text is, for messages: `an array`, `a number`, ...
fn kind_of(json: &str) -> &'static str {
    match json.trim_start().bytes().next() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// The parser's message, its position given as a column only: the line
/// number it counts is always 1 and would be confused with the stream's.
fn syntax_error(e: &serde_json::Error) -> RecordError {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = match text.strip_suffix(&suffix) {
        Some(what) => format!("{what} at column {}", e.column()),
        None => text,
    };
    RecordError::Syntax { message }
}

impl<'a> Record<'a> {
    /// Parses one line (without its newline). With `no_header`, only `text`
    /// is read and `title`, `date` and `url` are carried like other fields.
    ///
    /// This checks the record's shape only; the header's values are checked
    /// by [`Record::clean`], exactly as for a scraped file.
    pub fn parse(line: &'a str, no_header: bool) -> Result<Record<'a>, RecordError> {
        let fields = match serde_json::from_str::<Fields<'a>>(line) {
            Ok(fields) => fields.0,
            // A type error comes before the rest is read: tell "not an
            // object" from "not JSON" by parsing the whole line.
            Err(e) if e.is_data() => {
                return Err(match serde_json::from_str::<&RawValue>(line) {
                    Ok(_) => RecordError::NotObject {
                        found: kind_of(line),
                    },
                    Err(e) => syntax_error(&e),
                })
            }
            Err(e) => return Err(syntax_error(&e)),
        };
        // title, date, url, text
        let mut read: [Option<Option<String>>; 4] = [None, None, None, None];
        const NAMES: [&str; 4] = ["title", "date", "url", "text"];
        let mut carried = Vec::with_capacity(fields.len());
        let mut lang = None;
        for (key, value) in fields {
            let slot = match key.as_str() {
                "lang" => {
                    let tag = serde_json::from_str::<String>(value.get()).ok();
                    lang = tag.as_deref().and_then(Lang::parse);
                    continue;
                }
                "text" => 3,
                "title" if !no_header => 0,
                "date" if !no_header => 1,
                "url" if !no_header => 2,
                _ => {
                    carried.push((key, value));
                    continue;
                }
            };
            let field = NAMES[slot];
            if read[slot].is_some() {
                return Err(RecordError::Duplicate { field });
            }
            let string = serde_json::from_str::<Option<String>>(value.get()).map_err(|_| {
                RecordError::NotAString {
                    field,
                    found: kind_of(value.get()),
                }
            })?;
            read[slot] = Some(string);
        }
        let [title, date, url, text] = read.map(Option::flatten);
        let text = text.ok_or(RecordError::Missing { field: "text" })?;
        let header = if no_header {
            None
        } else {
            let take = |value: Option<String>, field| {
                let value = value.ok_or(RecordError::Missing { field })?;
                if value.contains(['\n', '\r']) {
                    return Err(RecordError::LineBreak { field });
                }
                Ok(value)
            };
            Some(RecordHeader {
                title: take(title, "title")?,
                date: take(date, "date")?,
                url: take(url, "url")?,
            })
        };
        Ok(Record {
            header,
            text,
            carried,
            lang,
        })
    }

    /// The scraped file this record stands for: `title\ndate\nurl\ntext`,
    /// or `text` alone without a header.
    pub fn to_scraped(&self) -> Cow<'_, str> {
        match &self.header {
            Some(h) => Cow::Owned(format!("{}\n{}\n{}\n{}", h.title, h.date, h.url, self.text)),
            None => Cow::Borrowed(&self.text),
        }
    }

    /// Cleans the record's article as [`crate::clean`] cleans
    /// [`Record::to_scraped`], so the paragraphs and statistics are the same
    /// as for the equivalent text file. `opts.no_header` is taken from the
    /// record: whether it was parsed with a header.
    pub fn clean(&self, opts: &Options) -> Result<Article, RecordError> {
        let opts = Options {
            no_header: self.header.is_none(),
            ..*opts
        };
        let article = crate::clean(self.to_scraped().as_bytes(), &opts).map(|mut article| {
            article.lang = self.lang.or(article.lang);
            article
        });
        article.map_err(|error| {
            // By the kind of error, not its line: encoding errors are
            // always about `text`, as the header fields are checked strings.
            let field = match error {
                _ if opts.no_header => "text",
                Error::EmptyTitle => "title",
                Error::BadDate { .. } => "date",
                Error::BadUrl { .. } => "url",
                _ => "text",
            };
            RecordError::Clean { field, error }
        })
    }
}

/// How a [`Filter`] writes each cleaned record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One JSON object per line: the carried fields, then the cleaned ones
    /// (see the [module docs](self)).
    Jsonl,
    /// The scraped layout, each article followed by an empty line.
    Text,
}

/// Writes one cleaned record in `format`, with its line ending.
pub fn write_record<W: Write>(
    record: &Record<'_>,
    article: &Article,
    format: OutputFormat,
    mut w: W,
) -> io::Result<()> {
    if format == OutputFormat::Text {
        writer::write_text(article, &mut w)?;
        return w.write_all(b"\n");
    }
    // The cleaned fields come from the writer, so the schema is the one of
    // `--format json` by construction; they are spliced in as raw JSON.
    let mut cleaned = Vec::with_capacity(article.text_len() * 2 + 256);
    writer::write_json(article, None, &mut cleaned)?;
    let cleaned = std::str::from_utf8(&cleaned).map_err(io::Error::other)?;
    let cleaned = serde_json::from_str::<Fields<'_>>(cleaned).map_err(io::Error::other)?;
    let carried = record
        .carried
        .iter()
        .filter(|(key, _)| !CLEANED.contains(&key.as_str()));
    // Without a header, the cleaned title, date and url are null: a
    // record's own ones stay (they are carried, so they come first).
    let own = |key: &str| record.carried.iter().any(|(k, _)| k == key);
    let cleaned = cleaned
        .0
        .iter()
        .filter(|(key, _)| record.header.is_some() || !own(key));
    w.write_all(b"{")?;
    for (n, (key, value)) in carried.chain(cleaned).enumerate() {
        if n > 0 {
            w.write_all(b",")?;
        }
        serde_json::to_writer(&mut w, key)?;
        w.write_all(b":")?;
        w.write_all(value.get().as_bytes())?;
    }
    w.write_all(b"}\n")
}

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
pub fn clean_line(line: &[u8], opts: &FilterOptions) -> Result<Vec<u8>, RecordError> {
    if line.len() as u64 > opts.clean.max_bytes {
        return Err(RecordError::TooLarge {
            size: line.len() as u64,
            max: opts.clean.max_bytes,
        });
    }
    crate::batch::catch_panic_message(|| {
        let text = match std::str::from_utf8(line) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) if opts.clean.lossy => String::from_utf8_lossy(line),
            Err(e) => {
                return Err(RecordError::InvalidUtf8 {
                    column: e.valid_up_to() + 1,
                })
            }
        };
        let record = Record::parse(&text, opts.clean.no_header)?;
        let article = record.clean(&opts.clean)?;
        let mut out = Vec::with_capacity(line.len() + 256);
        write_record(&record, &article, opts.format, &mut out)
            .expect("writing to a Vec cannot fail");
        Ok(out)
    })
    .unwrap_or_else(|msg| Err(RecordError::Panic(msg)))
}

/// A record that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// 1-based line number of the record in its input stream.
    pub line: u64,
    /// What is wrong with it.
    pub error: RecordError,
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
            pool: crate::batch::thread_pool(jobs)?,
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
            let results: Vec<(u64, Result<Vec<u8>, RecordError>)> = self.pool.install(|| {
                round
                    .into_par_iter()
                    .map(|(n, line)| (n, line.and_then(|line| clean_line(&line, opts))))
                    .collect()
            });
            for (line, result) in results {
                summary.records += 1;
                match result {
                    Ok(rendered) => {
                        summary.cleaned += 1;
                        out.write_all(&rendered).map_err(StreamError::Write)?;
                    }
                    Err(error) => {
                        summary.failed += 1;
                        on_failure(Failure { line, error });
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
        if size <= max {
            buf.extend_from_slice(&available[..take]);
        } else if !buf.is_empty() {
            *buf = Vec::new();
        }
        input.consume(take + usize::from(newline));
        if newline {
            if buf.last() == Some(&b'\r') {
                buf.pop();
                size -= 1;
            }
            return Ok(Some(size));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        r#"{"title":"T","date":"20220122","url":"https://a.b/c","text":"One.Two.\nTwo."}"#;

    fn opts(format: OutputFormat) -> FilterOptions {
        FilterOptions {
            clean: Options::default(),
            format,
        }
    }

    fn clean(line: &str) -> Result<serde_json::Value, RecordError> {
        let out = clean_line(line.as_bytes(), &opts(OutputFormat::Jsonl))?;
        Ok(serde_json::from_slice(&out).unwrap())
    }

    #[test]
    fn a_record_cleans_like_its_scraped_file() {
        let v = clean(GOOD).unwrap();
        assert_eq!(v["paragraphs"], serde_json::json!(["One.", "Two."]));
        assert_eq!(v["date"], "2022-01-22");
        let text = crate::clean(
            b"T\n20220122\nhttps://a.b/c\nOne.Two.\nTwo.",
            &Options::default(),
        );
        assert_eq!(v["stats"]["input_bytes"], text.unwrap().stats.input_bytes);
    }

    #[test]
    fn carried_fields_come_first_byte_for_byte_and_cleaned_fields_win() {
        let line = r#"{"id": 12345678901234567890123, "x": {"b": 1e5, "a": "\u00e9"},"#.to_string()
            + r#" "stats": 1, "title":"T","date":"20220122","url":"https://a.b/c","text":"A."}"#;
        let out = clean_line(line.as_bytes(), &opts(OutputFormat::Jsonl)).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with(
                r#"{"id":12345678901234567890123,"x":{"b": 1e5, "a": "\u00e9"},"title":"T","#
            ),
            "{out}"
        );
        assert!(out.ends_with("}\n") && !out[..out.len() - 1].contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["stats"]["paragraphs"], 1);
        assert!(v.get("text").is_none());
    }

    #[test]
    fn without_a_header_a_records_own_title_passes_through() {
        let mut o = opts(OutputFormat::Jsonl);
        o.clean.no_header = true;
        let out = clean_line(br#"{"title":"not checked","text":"A."}"#, &o).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["title"], "not checked");
        assert_eq!(v["date"], serde_json::Value::Null);
        assert_eq!(v["paragraphs"], serde_json::json!(["A."]));
    }

    #[test]
    fn text_output_ends_each_article_with_an_empty_line() {
        let out = clean_line(GOOD.as_bytes(), &opts(OutputFormat::Text)).unwrap();
        assert_eq!(out, b"T\n20220122\nhttps://a.b/c\nOne.\nTwo.\n\n");
    }

    #[test]
    fn each_shape_error_names_what_is_wrong() {
        let err = |line: &str| clean(line).unwrap_err();
        assert!(matches!(err("{\"title\":"), RecordError::Syntax { .. }));
        assert!(
            err("{\"a\" 1}").to_string().ends_with("at column 6"),
            "{}",
            err("{\"a\" 1}")
        );
        assert!(matches!(err("[1, 2"), RecordError::Syntax { .. }));
        assert_eq!(err("[1, 2]"), RecordError::NotObject { found: "an array" });
        assert_eq!(err("{}"), RecordError::Missing { field: "text" });
        assert_eq!(
            err(r#"{"text":"a"}"#),
            RecordError::Missing { field: "title" }
        );
        assert_eq!(
            err(r#"{"text":["a"]}"#),
            RecordError::NotAString {
                field: "text",
                found: "an array"
            }
        );
        assert_eq!(
            err(r#"{"text":"a","text":"b"}"#),
            RecordError::Duplicate { field: "text" }
        );
        assert_eq!(
            err(r#"{"title":"a\nb","date":"20220122","url":"https://a.b","text":"x"}"#),
            RecordError::LineBreak { field: "title" }
        );
    }

    #[test]
    fn header_errors_are_the_text_readers_named_by_field() {
        let err = |title: &str, date: &str, url: &str, text: &str| {
            let line = serde_json::json!({"title": title, "date": date, "url": url, "text": text});
            match clean(&line.to_string()).unwrap_err() {
                RecordError::Clean { field, .. } => field,
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(err(" ", "20220122", "https://a.b", "x"), "title");
        assert_eq!(err("T", "2022-01-22", "https://a.b", "x"), "date");
        assert_eq!(err("T", "20220122", "a.b", "x"), "url");
        assert_eq!(err("T", "20220122", "https://a.b", " \n "), "text");
        assert_eq!(err("T", "20220122", "https://a.b", "a\0b"), "text");
    }

    #[test]
    fn invalid_utf8_is_an_error_unless_lossy() {
        let line =
            b"{\"title\":\"T\",\"date\":\"20220122\",\"url\":\"https://a.b\",\"text\":\"a\xFF\"}";
        let mut o = opts(OutputFormat::Jsonl);
        assert_eq!(
            clean_line(line, &o).unwrap_err(),
            RecordError::InvalidUtf8 { column: 61 }
        );
        o.clean.lossy = true;
        assert!(clean_line(line, &o).is_ok());
    }

    #[test]
    fn read_line_drops_line_endings_and_does_not_keep_overlong_lines() {
        let mut input = BufReader::with_capacity(4, &b"ab\r\n0123456789\nlast"[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(2));
        assert_eq!(buf, b"ab");
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(10));
        assert!(buf.is_empty());
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(4));
        assert_eq!(buf, b"last");
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), None);
    }

    #[test]
    fn a_stream_keeps_input_order_and_numbers_lines_from_one() {
        let mut input = String::from("\n");
        for i in 0..3000 {
            if i == 1500 {
                input.push_str("not json\n");
            }
            input.push_str(&format!(
                "{{\"n\":{i},\"title\":\"T\",\"date\":\"20220122\",\"url\":\"https://a.b\",\"text\":\"P {i}.\"}}\n"
            ));
        }
        let filter = Filter::new(opts(OutputFormat::Jsonl), Some(3)).unwrap();
        let mut out = Vec::new();
        let mut failures = Vec::new();
        let summary = filter
            .run(io::Cursor::new(input.into_bytes()), &mut out, |f| {
                failures.push(f)
            })
            .unwrap();
        assert_eq!(
            summary,
            Summary {
                records: 3001,
                cleaned: 3000,
                failed: 1
            }
        );
        assert_eq!(failures[0].line, 1502);
        let ns: Vec<u64> = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| {
                serde_json::from_slice::<serde_json::Value>(l).unwrap()["n"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        assert_eq!(ns, (0..3000).collect::<Vec<_>>());
    }
}
