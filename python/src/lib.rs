//! `newsdedup._newsdedup`: the native half of the Python package.
//!
//! It stays small on purpose: it hands the library's results to Python as
//! the JSON the `newsdedup` binary writes (`--format json`, the JSON Lines
//! contract of `--input-format jsonl`), so the two can never disagree, and
//! errors as plain tuples that `newsdedup/__init__.py` turns into
//! `NewsdedupError`. Iterating, chunking and the Python-facing signatures
//! live there, in Python, where they read as Python.
//!
//! What must be native is here: cleaning a chunk of records on all cores
//! with the GIL released ([`Cleaner::clean_records`], which reads a
//! mapping's fields itself, so that its other fields need not be JSON;
//! [`Cleaner::clean_lines`] for JSON lines), grouping copies
//! ([`Duplicates`]), and the `newsdedup` command itself ([`run_cli`]), which
//! is the binary's own code compiled as a library (`cli/Cargo.toml`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use rayon::prelude::*;

use newsdedup::duplicates::{self, Doc, Keep};
use newsdedup::jsonl::{self, OutputFormat, RecordError};
use newsdedup::lang::Lang;
use newsdedup::{writer, Error, Options};

/// What a failed clean gives Python: `(message, hint, kind, line, field)`.
/// `line` is the line of the scraped text (`None` when the error is about
/// the whole input); `field` the record's field at fault, for records.
type Failure = (
    String,
    String,
    &'static str,
    Option<usize>,
    Option<&'static str>,
);

/// The result of one clean: the JSON text, or why not.
type Outcome = Result<String, Failure>;

/// An [`Outcome`] for Python: the JSON text (a `str`), or the failure (a
/// tuple), which `newsdedup/__init__.py` tells apart by type.
fn to_py(py: Python<'_>, outcome: Outcome) -> PyResult<Py<PyAny>> {
    Ok(match outcome {
        Ok(json) => json.into_pyobject(py)?.into_any().unbind(),
        Err(failure) => failure.into_pyobject(py)?.into_any().unbind(),
    })
}

/// The library's options from the keyword arguments of the Python API.
fn options(
    no_header: bool,
    lossy: bool,
    keep_entities: bool,
    lang: Option<&str>,
    max_bytes: Option<u64>,
) -> PyResult<Options> {
    let lang = match lang {
        None => None,
        Some(code) => Some(Lang::parse(code).ok_or_else(|| {
            PyValueError::new_err(format!(
                "lang={code:?} is not a language code such as \"en\", \"de\" or \"pt-BR\""
            ))
        })?),
    };
    Ok(Options {
        no_header,
        lossy,
        keep_entities,
        lang,
        max_bytes: max_bytes.unwrap_or(newsdedup::DEFAULT_MAX_BYTES),
        // The JSON output always carries `stats.dropped`, as the binary's.
        count_dropped: true,
        // Records name their fields; `clean_json` sets the layout of a file.
        ..Options::default()
    })
}

/// The name of an [`Error`], for `NewsdedupError.kind`.
fn error_kind(e: &Error) -> &'static str {
    match e {
        Error::Empty { .. } => "empty",
        Error::EmptyTitle { .. } => "empty_title",
        Error::MissingHeaderLine { .. } => "missing_header_line",
        Error::BadDate { .. } => "bad_date",
        Error::BadUrl { .. } => "bad_url",
        Error::NoBody { .. } => "no_body",
        Error::InvalidUtf8 { .. } => "invalid_utf8",
        Error::Binary { .. } => "binary",
        Error::Utf16 { .. } => "utf16",
        Error::TooLarge { .. } => "too_large",
        _ => "other",
    }
}

fn file_failure(e: &Error) -> Failure {
    (
        e.to_string(),
        e.hint().to_string(),
        error_kind(e),
        e.line(),
        None,
    )
}

/// A skipped record as a [`Failure`]: a cleaning error keeps the kind of
/// the text file's error and names the field at fault.
fn record_failure(e: &RecordError) -> Failure {
    let (kind, line, field) = match e {
        RecordError::InvalidUtf8 { .. } => ("invalid_utf8", None, None),
        RecordError::Syntax { .. } => ("syntax", None, None),
        RecordError::NotObject { .. } => ("not_object", None, None),
        RecordError::Missing { field } => ("missing", None, Some(*field)),
        RecordError::NotAString { field, .. } => ("not_a_string", None, Some(*field)),
        RecordError::Duplicate { field } => ("duplicate", None, Some(*field)),
        RecordError::LineBreak { field } => ("line_break", None, Some(*field)),
        RecordError::TooLarge { .. } => ("too_large", None, None),
        RecordError::Clean { field, error } => (error_kind(error), error.line(), Some(*field)),
        RecordError::Panic(_) => ("panic", None, None),
        _ => ("other", None, None),
    };
    (e.to_string(), e.hint().to_string(), kind, line, field)
}

/// One record handed over from Python: its JSON text (cleaned under the
/// whole JSON Lines contract), or a mapping's fields, read here with the
/// GIL so that they can be cleaned without it (its other fields stay in
/// Python, which carries them), or why it cannot be read.
enum Input {
    Line(String),
    Fields(jsonl::Record<'static>),
    Bad(Failure),
}

/// What a Python value is, in the words of the JSON Lines messages.
fn kind_of(value: &Bound<'_, PyAny>) -> &'static str {
    if value.is_instance_of::<PyBool>() {
        "a boolean"
    } else if value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>() {
        "a number"
    } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        "an array"
    } else if value.is_instance_of::<PyDict>() {
        "an object"
    } else {
        "not a string"
    }
}

/// Reads a record: a `str` is its JSON text; a mapping gives `title`,
/// `date`, `url` (unless `no_header`), `text` and `lang`, checked for
/// their shape as `jsonl::Record::parse` checks a line's.
fn extract(record: &Bound<'_, PyAny>, opts: &Options) -> Input {
    if let Ok(line) = record.cast::<PyString>() {
        return match line.to_cow() {
            Ok(line) => Input::Line(line.into_owned()),
            Err(_) => Input::Line(line.to_string_lossy().into_owned()),
        };
    }
    let field = |name: &'static str| -> Result<Option<String>, Failure> {
        let value = match record.get_item(name) {
            Ok(value) if !value.is_none() => value,
            _ => return Ok(None),
        };
        match value.cast::<PyString>() {
            Ok(s) => Ok(Some(match s.to_cow() {
                Ok(s) => s.into_owned(),
                // A lone surrogate: what is left of bytes that were not UTF-8.
                Err(_) if opts.lossy => s.to_string_lossy().into_owned(),
                Err(_) => {
                    return Err((
                        format!("{name:?} holds a lone surrogate, not valid Unicode"),
                        "decode the input as UTF-8, or pass lossy=True".to_string(),
                        "invalid_utf8",
                        None,
                        Some(name),
                    ))
                }
            })),
            Err(_) => Err(record_failure(&RecordError::NotAString {
                field: name,
                found: kind_of(&value),
            })),
        }
    };
    let read = || -> Result<jsonl::Record<'static>, Failure> {
        let text = field("text")?;
        let header = if opts.no_header {
            None
        } else {
            let take = |name: &'static str| -> Result<String, Failure> {
                let value = field(name)?
                    .ok_or_else(|| record_failure(&RecordError::Missing { field: name }))?;
                if value.contains(['\n', '\r']) {
                    return Err(record_failure(&RecordError::LineBreak { field: name }));
                }
                Ok(value)
            };
            Some(jsonl::RecordHeader {
                title: take("title")?,
                date: take("date")?,
                url: take("url")?,
            })
        };
        let text = text.ok_or_else(|| record_failure(&RecordError::Missing { field: "text" }))?;
        let lang = field("lang")
            .ok()
            .flatten()
            .and_then(|tag| Lang::parse(&tag));
        Ok(jsonl::Record {
            header,
            text,
            carried: Vec::new(),
            lang,
        })
    };
    match read() {
        Ok(record) => Input::Fields(record),
        Err(failure) => Input::Bad(failure),
    }
}

/// Cleans one [`Input`]: a line to its whole output record's JSON, a
/// mapping's fields to the JSON of the cleaned fields (`--format json`'s).
fn clean_input(input: &Input, opts: &Options) -> Outcome {
    match input {
        Input::Line(line) => clean_record_line(line, opts),
        Input::Bad(failure) => Err(failure.clone()),
        Input::Fields(record) => newsdedup_catch(|| {
            let article = record.clean(opts).map_err(|e| record_failure(&e))?;
            let mut out = Vec::with_capacity(record.text.len() / 2 + 512);
            writer::write_json(&article, None, &mut out).expect("writing to a Vec cannot fail");
            out.pop();
            Ok(String::from_utf8(out).expect("the writer writes UTF-8"))
        })
        .unwrap_or_else(|msg| Err(panic_failure(msg))),
    }
}

/// The [`Doc`] of one [`Input`], for [`Duplicates`].
fn prepare_input(
    input: &Input,
    opts: &Options,
    find: &duplicates::Options,
) -> Result<Doc, Failure> {
    newsdedup_catch(|| {
        let article = match input {
            Input::Bad(failure) => return Err(failure.clone()),
            Input::Fields(record) => record.clean(opts),
            Input::Line(line) => {
                jsonl::Record::parse(line, opts.no_header).and_then(|record| record.clean(opts))
            }
        };
        let article = article.map_err(|e| record_failure(&e))?;
        Ok(Doc::from_article(&article, find))
    })
    .unwrap_or_else(|msg| Err(panic_failure(msg)))
}

/// Cleans one scraped file's bytes to the JSON of `newsdedup --format
/// json`, or a failure tuple. `header` is the header layout
/// (`"url,title,date"`), `None` for the default.
#[pyfunction]
#[pyo3(signature = (data, no_header=false, lossy=false, keep_entities=false, lang=None, max_bytes=None, header=None))]
#[allow(clippy::too_many_arguments)]
fn clean_json(
    py: Python<'_>,
    data: Vec<u8>,
    no_header: bool,
    lossy: bool,
    keep_entities: bool,
    lang: Option<&str>,
    max_bytes: Option<u64>,
    header: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let mut opts = options(no_header, lossy, keep_entities, lang, max_bytes)?;
    if let Some(fields) = header {
        opts.header = fields.parse().map_err(|e: newsdedup::HeaderLayoutError| {
            PyValueError::new_err(format!("header={fields:?}: {e} (hint: {})", e.hint()))
        })?;
    }
    to_py(py, py.detach(|| clean_one(&data, &opts)))
}

fn clean_one(data: &[u8], opts: &Options) -> Outcome {
    let article = newsdedup::clean(data, opts).map_err(|e| file_failure(&e))?;
    let mut out = Vec::with_capacity(data.len() / 2 + 512);
    writer::write_json(&article, None, &mut out).expect("writing to a Vec cannot fail");
    Ok(String::from_utf8(out).expect("the writer writes UTF-8"))
}

/// Cleans JSON Lines records with the options it was made with, on a pool
/// of its own.
#[pyclass(frozen)]
struct Cleaner {
    opts: Options,
    pool: rayon::ThreadPool,
}

#[pymethods]
impl Cleaner {
    /// A cleaner with `jobs` threads (one per core when `None`).
    #[new]
    #[pyo3(signature = (jobs=None, no_header=false, lossy=false, keep_entities=false, lang=None, max_bytes=None))]
    fn new(
        jobs: Option<usize>,
        no_header: bool,
        lossy: bool,
        keep_entities: bool,
        lang: Option<&str>,
        max_bytes: Option<u64>,
    ) -> PyResult<Cleaner> {
        let opts = options(no_header, lossy, keep_entities, lang, max_bytes)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .thread_name(|i| format!("newsdedup-{i}"))
            .build()
            .map_err(|e| PyValueError::new_err(format!("cannot start worker threads: {e}")))?;
        Ok(Cleaner { opts, pool })
    }

    /// Cleans each record, in order, in parallel, with the GIL released
    /// once the records are read: a `str` (a JSON line) to its whole output
    /// record's JSON, a mapping to the JSON of its cleaned fields (the
    /// caller carries the others), or a failure tuple.
    fn clean_records(
        &self,
        py: Python<'_>,
        records: Vec<Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Py<PyAny>>> {
        let inputs: Vec<Input> = records.iter().map(|r| extract(r, &self.opts)).collect();
        let outcomes: Vec<Outcome> = py.detach(|| {
            self.pool.install(|| {
                inputs
                    .par_iter()
                    .map(|input| clean_input(input, &self.opts))
                    .collect()
            })
        });
        outcomes.into_iter().map(|o| to_py(py, o)).collect()
    }

    /// Cleans each line (one JSON record) to its output record's JSON, in
    /// order, in parallel, with the GIL released.
    fn clean_lines(&self, py: Python<'_>, lines: Vec<String>) -> PyResult<Vec<Py<PyAny>>> {
        let outcomes: Vec<Outcome> = py.detach(|| {
            self.pool
                .install(|| lines.par_iter().map(|line| self.clean_line(line)).collect())
        });
        outcomes.into_iter().map(|o| to_py(py, o)).collect()
    }
}

impl Cleaner {
    fn clean_line(&self, line: &str) -> Outcome {
        clean_record_line(line, &self.opts)
    }
}

/// One record's line to its output record's JSON (the library's
/// `clean_record_with`, which also catches a panic as the record's error).
fn clean_record_line(line: &str, opts: &Options) -> Outcome {
    jsonl::clean_record_with(line, opts, OutputFormat::Jsonl, |_, _, mut out| {
        // One record, so no line ending.
        out.pop();
        String::from_utf8(out).expect("the writer writes UTF-8")
    })
    .map_err(|e| record_failure(&e))
}

/// Runs `f`, a panic turned into its message (as the library does for
/// records), so that one input's bug is that input's error.
fn newsdedup_catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string())
    })
}

fn panic_failure(msg: String) -> Failure {
    (
        format!("internal error, please report it: panicked: {msg}"),
        "this is a bug in newsdedup; please report it with the input".to_string(),
        "panic",
        None,
        None,
    )
}

/// Copies of one story among records: records are added a chunk at a time
/// (cleaned in parallel, GIL released), then grouped once.
#[pyclass]
struct Duplicates {
    cleaner: Py<Cleaner>,
    find: duplicates::Options,
    docs: Vec<Doc>,
}

/// A group: the kept article's position among the records added, and each
/// copy's position, similarity (rounded as the binary does) and kind.
type PyGroup = (usize, Vec<(usize, f64, &'static str)>);

#[pymethods]
impl Duplicates {
    /// A grouping with `--duplicates`' `threshold` and `keep` (`complete`,
    /// `longest`, `earliest`, `first`), cleaning with `cleaner`.
    #[new]
    #[pyo3(signature = (cleaner, threshold=0.5, keep="complete"))]
    fn new(cleaner: Py<Cleaner>, threshold: f64, keep: &str) -> PyResult<Duplicates> {
        if !(0.0..=1.0).contains(&threshold) {
            return Err(PyValueError::new_err(format!(
                "threshold={threshold} is not a share between 0 and 1"
            )));
        }
        let keep = match keep {
            "complete" => Keep::Complete,
            "longest" => Keep::Longest,
            "earliest" => Keep::Earliest,
            "first" => Keep::First,
            other => {
                return Err(PyValueError::new_err(format!(
                "keep={other:?} is not one of \"complete\", \"longest\", \"earliest\", \"first\""
            )))
            }
        };
        Ok(Duplicates {
            cleaner,
            find: duplicates::Options {
                threshold,
                keep,
                ..duplicates::Options::default()
            },
            docs: Vec::new(),
        })
    }

    /// Cleans and adds each record (a mapping or its JSON text); returns,
    /// in order, `None` for a record added or its failure for one left out.
    fn add_records(
        &mut self,
        py: Python<'_>,
        records: Vec<Bound<'_, PyAny>>,
    ) -> Vec<Option<Failure>> {
        let cleaner = self.cleaner.get();
        let find = self.find;
        let inputs: Vec<Input> = records.iter().map(|r| extract(r, &cleaner.opts)).collect();
        let prepared: Vec<Result<Doc, Failure>> = py.detach(|| {
            cleaner.pool.install(|| {
                inputs
                    .par_iter()
                    .map(|input| prepare_input(input, &cleaner.opts, &find))
                    .collect()
            })
        });
        prepared
            .into_iter()
            .map(|r| match r {
                Ok(doc) => {
                    self.docs.push(doc);
                    None
                }
                Err(failure) => Some(failure),
            })
            .collect()
    }

    /// Groups the records added so far, and forgets them.
    fn groups(&mut self, py: Python<'_>) -> Vec<PyGroup> {
        let docs = std::mem::take(&mut self.docs);
        let find = self.find;
        let groups = py.detach(|| duplicates::find(docs, &find));
        groups
            .iter()
            .map(|g| {
                let copies = g
                    .copies
                    .iter()
                    .map(|c| {
                        (
                            c.index,
                            (c.similarity * 100.0).round() / 100.0,
                            c.kind.name(),
                        )
                    })
                    .collect();
                (g.keep, copies)
            })
            .collect()
    }
}

/// Runs the `newsdedup` command with `args` (the program's name first) and
/// returns its exit status: the binary's own code, for the package's
/// `newsdedup` script. The GIL is released, so the command runs as the
/// binary does.
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<std::ffi::OsString>) -> u8 {
    py.detach(|| newsdedup_cli::run(args))
}

/// The native module.
#[pymodule]
fn _newsdedup(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean_json, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add_class::<Cleaner>()?;
    m.add_class::<Duplicates>()?;
    m.add("DEFAULT_MAX_BYTES", newsdedup::DEFAULT_MAX_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
