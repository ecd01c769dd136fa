//! The binary's one voice on stderr: every message it prints goes through
//! here (clap's own usage errors and the progress bar aside), errors as
//! `newsdedup: PATH:LINE: what is wrong (hint: how to fix it)`.
//!
//! This module owns that line's format (the `newsdedup:` prefix, the
//! location, the hint at the end), the hints for I/O failures (so that
//! every message, whatever went wrong, ends with one), and the flag that
//! remembers an error was reported: a bad file or record is reported and the
//! run goes on, then exits 2 at the end (as ripgrep's `messages.rs`).

use std::borrow::Cow;
use std::fmt::{self, Display};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use newsdedup::jsonl::RecordError;
use newsdedup::Error;

/// The name of standard input in messages and JSON.
pub const STDIN: &str = "<stdin>";

/// Set once an error about an input has been reported.
static ERRORED: AtomicBool = AtomicBool::new(false);

/// Whether an error about an input was reported: the run then exits 2,
/// whatever else happened.
pub fn errored() -> bool {
    ERRORED.load(Ordering::Relaxed)
}

/// Prints `newsdedup: MESSAGE` on stderr. A failure to write to stderr
/// is ignored: there is nowhere left to report it.
pub fn eprint(message: impl Display) {
    let _ = writeln!(io::stderr(), "newsdedup: {message}");
}

/// Prints the summary line of a batch on stderr, as it is: no prefix, so
/// that it reads as the `ruff format --check` one that CI logs are read for.
pub fn summary(line: impl Display) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// Reports an error about one input, `newsdedup: PATH:LINE: MESSAGE`
/// (`PATH: MESSAGE` without a line), and remembers that the run failed.
pub fn error(path: impl Display, line: Option<u64>, message: impl Display) {
    ERRORED.store(true, Ordering::Relaxed);
    match line {
        Some(line) => eprint(format_args!("{path}:{line}: {message}")),
        None => eprint(format_args!("{path}: {message}")),
    }
}

/// Reports a JSON Lines record that was skipped, `newsdedup:
/// PATH:LINE (id ID): MESSAGE (hint: ...)`, the id being the record's
/// `"id"` as written, when it has one (issue 16: under parallel or Spark
/// the line counts within a piece of the stream).
pub fn record_error(path: impl Display, line: u64, id: Option<&str>, error: &RecordError) {
    let hint = record_hint(error);
    match id {
        Some(id) => self::error(
            format_args!("{path}:{line} (id {id})"),
            None,
            Hinted(error, hint),
        ),
        None => self::error(path, Some(line), Hinted(error, hint)),
    }
}

/// A message with its hint: `MESSAGE (hint: HINT)`.
pub fn hinted(message: impl Display, hint: impl Display) -> String {
    Hinted(message, hint).to_string()
}

/// [`hinted`] without the allocation, for `Display` impls.
pub struct Hinted<M, H>(pub M, pub H);

impl<M: Display, H: Display> Display for Hinted<M, H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (hint: {})", self.0, self.1)
    }
}

/// An I/O failure as one message, `WHAT: ERROR (hint: ...)`, with the hint
/// picked from the error. It is a new `io::Error` of the same kind rather
/// than a context around the old one: a context would be printed before
/// the error, so the hint would not come last, and the error would be
/// printed twice. Keeping the kind keeps a closed pipe a broken pipe for
/// `main`, which ends such runs quietly.
pub fn io_failure(e: &io::Error, what: &str, hint: fn(&io::Error) -> &'static str) -> io::Error {
    io::Error::new(e.kind(), format!("{what}: {}", Hinted(e, hint(e))))
}

/// A failed write to standard output.
pub fn stdout_failure(e: io::Error) -> io::Error {
    io_failure(&e, "<stdout>: cannot write", write_hint)
}

/// The hint for an input that cannot be cleaned: the library's, which
/// names no flag, with the flag that helps added where there is one.
pub fn hint(error: &Error) -> Cow<'static, str> {
    let add = |flag: &str| Cow::Owned(format!("{}{flag}", error.hint()));
    match error {
        Error::MissingHeaderLine { layout, .. } if *layout != newsdedup::HeaderLayout::DEFAULT => {
            "the header has a line for each field of --header, in its order; \
             use --no-header for body-only files"
                .into()
        }
        Error::EmptyTitle { .. }
        | Error::MissingHeaderLine { .. }
        | Error::BadDate { .. }
        | Error::BadUrl { .. } => add("; use --no-header for body-only files"),
        Error::InvalidUtf8 { .. } => add(", or pass --lossy to replace bad bytes with U+FFFD"),
        Error::Binary { .. } => add(" or the --glob"),
        Error::TooLarge { .. } => {
            "raise the limit with --max-bytes if the file is really an article".into()
        }
        _ => error.hint().into(),
    }
}

/// The hint for a JSON Lines record that was skipped: the library's, with
/// the flag that helps added where there is one.
pub fn record_hint(error: &RecordError) -> Cow<'static, str> {
    let add = |flag: &str| Cow::Owned(format!("{}{flag}", error.hint()));
    match error {
        RecordError::InvalidUtf8 { .. } => {
            add(", or pass --lossy to replace bad bytes with U+FFFD")
        }
        RecordError::Missing { field } if *field != "text" => {
            add("; use --no-header for records with \"text\" only")
        }
        RecordError::TooLarge { .. } => {
            "raise the limit with --max-bytes if the record is really one article".into()
        }
        RecordError::Clean {
            field,
            error: inner,
        } => match (*field, inner) {
            ("title", _) => add("; use --no-header for records with \"text\" only"),
            ("date" | "url", _) => add("; use --no-header to leave it unchecked"),
            (_, Error::Empty { .. } | Error::NoBody { .. }) => error.hint().into(),
            // The text's own error, with the flags of a text file's.
            (_, inner) => hint(inner),
        },
        _ => error.hint().into(),
    }
}

/// A hint for a file that could not be read, from what the system said.
///
/// I/O errors are `std::io::Error`s, not the library's `Error`s, but the
/// binary's messages give a hint for every error; this is the one for
/// reading.
pub fn read_hint(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::NotFound => "check the path",
        io::ErrorKind::NotADirectory => "a part of the path is a file, not a directory",
        io::ErrorKind::IsADirectory => {
            "name a file; a directory is cleaned with -o DIR, -i, --check or --format jsonl"
        }
        io::ErrorKind::PermissionDenied => "check the file's permissions",
        _ => "check that the path names a readable file",
    }
}

/// A hint for an output that could not be written, from what the system
/// said. Outputs are written to a temporary file renamed over the
/// destination, so the hints can promise that nothing was replaced.
pub fn write_hint(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::StorageFull => "the disk is full; nothing was replaced",
        io::ErrorKind::FileTooLarge => {
            "a file size limit (ulimit -f) stopped the write; nothing was replaced"
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "check that the destination directory is writable"
        }
        io::ErrorKind::NotADirectory | io::ErrorKind::AlreadyExists => {
            "a file is in the way where the destination path needs a directory"
        }
        io::ErrorKind::IsADirectory => "a directory is in the way where the file should go",
        _ => "nothing was replaced; check the space and permissions at the destination",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_hints_name_no_flag_and_the_binary_adds_them() {
        let bad_date = Error::BadDate {
            line: 2,
            found: "x".into(),
            reason: "r",
        };
        assert!(!bad_date.hint().contains("--"));
        assert_eq!(
            hint(&bad_date),
            "line 2 must be the date, e.g. 20220122, 2022-01-22 or 22 Jan 2022; use --no-header for body-only files"
        );
        let too_large = RecordError::TooLarge { size: 2, max: 1 };
        assert!(!too_large.hint().contains("--"));
        assert!(record_hint(&too_large).contains("--max-bytes"));
    }

    #[test]
    fn io_hints_follow_the_kind_of_failure() {
        let err = |kind| io::Error::from(kind);
        assert_eq!(read_hint(&err(io::ErrorKind::NotFound)), "check the path");
        assert!(read_hint(&err(io::ErrorKind::IsADirectory)).contains("-o DIR"));
        assert!(write_hint(&err(io::ErrorKind::FileTooLarge)).contains("ulimit"));
        assert!(write_hint(&err(io::ErrorKind::AlreadyExists)).contains("in the way"));
    }
}
