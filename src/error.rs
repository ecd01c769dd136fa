//! Typed errors of the library.
//!
//! The binary prints them as `newsdedup: PATH:LINE: message (hint: ...)`, so each
//! error knows the line it applies to and carries a hint for fixing the input;
//! the path is only known at the edge and is added there, and so are the
//! command-line flags a hint may suggest (the library's hints name none).

use std::fmt;

use crate::article::{HeaderField, HeaderLayout};

/// Why an input could not be cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no bytes, or only whitespace.
    Empty {
        /// True when there were bytes, all of them whitespace.
        whitespace_only: bool,
    },
    /// The title line (line 1 in the default layout) is blank.
    EmptyTitle {
        /// 1-based line number of the title, by the header layout.
        line: usize,
    },
    /// The file ends before the header lines of its layout are complete.
    MissingHeaderLine {
        /// 1-based line number of the missing line (2 or 3).
        line: usize,
        /// The header layout, whose field at `line` is missing.
        layout: HeaderLayout,
    },
    /// The date line (line 2 in the default layout) is not a date in a
    /// form read ([`crate::Date::parse`]), or is not a real date.
    BadDate {
        /// 1-based line number of the date, by the header layout.
        line: usize,
        /// The trimmed text of the line.
        found: String,
        /// What exactly is wrong with it.
        reason: &'static str,
    },
    /// The URL line (line 3 in the default layout) is not an absolute
    /// `http://` or `https://` URL.
    BadUrl {
        /// 1-based line number of the URL, by the header layout.
        line: usize,
        /// The trimmed text of the line.
        found: String,
    },
    /// The header is complete but no body line follows it.
    NoBody {
        /// 1-based line number where the body was expected.
        line: usize,
    },
    /// The bytes are not valid UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The input contains a NUL byte, so it is binary data, not text.
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The input is UTF-16: it starts with a UTF-16 byte-order mark, or it
    /// has none but its first bytes alternate NUL and ASCII.
    Utf16 {
        /// True for big-endian (BOM `FE FF`), false for little-endian (`FF FE`).
        big_endian: bool,
        /// True when a byte-order mark says so; false when guessed from the
        /// NUL bytes.
        bom: bool,
    },
    /// The input is larger than the configured limit.
    TooLarge {
        /// Size of the input in bytes; a lower bound when the caller stopped
        /// reading just past the limit.
        size: u64,
        /// The limit in bytes.
        max: u64,
    },
}

impl Error {
    /// The 1-based line the error applies to, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Empty { .. } => Some(1),
            Error::EmptyTitle { line }
            | Error::MissingHeaderLine { line, .. }
            | Error::BadDate { line, .. }
            | Error::BadUrl { line, .. }
            | Error::NoBody { line } => Some(*line),
            Error::InvalidUtf8 { line, .. } | Error::Binary { line, .. } => Some(*line),
            // Where the encoding shows: the BOM or the first NUL byte.
            Error::Utf16 { .. } => Some(1),
            // A property of the whole file, not of a line in it.
            Error::TooLarge { .. } => None,
        }
    }

    /// A short suggestion for the user: how to fix the input, or which
    /// [`Options`](crate::Options) field helps. It names no command-line
    /// flag: a program built on the library words its own (the `newsdedup`
    /// binary adds its flags to these).
    pub fn hint(&self) -> &'static str {
        match self {
            Error::Empty { .. } => "a scraped file holds a title, a date, a URL, then the body",
            Error::EmptyTitle { line } => match line {
                1 => "line 1 must hold the title",
                2 => "line 2 must hold the title",
                _ => "line 3 must hold the title",
            },
            Error::MissingHeaderLine { layout, .. } if *layout == HeaderLayout::DEFAULT => {
                "the header is three lines: title, date (e.g. 20220122), URL"
            }
            Error::MissingHeaderLine { .. } => {
                "the header has a line for each field of Options::header, in its order"
            }
            Error::BadDate { line, .. } => match line {
                1 => "line 1 must be the date, e.g. 20220122, 2022-01-22 or 22 Jan 2022",
                2 => "line 2 must be the date, e.g. 20220122, 2022-01-22 or 22 Jan 2022",
                _ => "line 3 must be the date, e.g. 20220122, 2022-01-22 or 22 Jan 2022",
            },
            Error::BadUrl { line, .. } => match line {
                1 => "line 1 must be an absolute URL such as https://example.com/a.html",
                2 => "line 2 must be an absolute URL such as https://example.com/a.html",
                _ => "line 3 must be an absolute URL such as https://example.com/a.html",
            },
            Error::NoBody { line } => match line {
                1 => "the article text starts on line 1; nothing to clean",
                2 => "the article text starts on line 2; nothing to clean",
                3 => "the article text starts on line 3; nothing to clean",
                _ => "the article text starts on line 4; nothing to clean",
            },
            Error::InvalidUtf8 { .. } => "convert the file to UTF-8",
            Error::Binary { .. } => {
                "text has no NUL bytes, so this looks like a binary file; check the path"
            }
            Error::Utf16 { .. } => "convert it first, e.g. iconv -f UTF-16 -t UTF-8",
            Error::TooLarge { .. } => "raise Options::max_bytes if the file is really an article",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty {
                whitespace_only: false,
            } => write!(f, "the file is empty"),
            Error::Empty {
                whitespace_only: true,
            } => write!(f, "the file holds only whitespace"),
            Error::EmptyTitle { .. } => write!(f, "the title line is empty"),
            Error::MissingHeaderLine { line, layout } => {
                let fields = layout.fields();
                let missing = fields.get(line.wrapping_sub(1)).copied();
                let name = |field: Option<HeaderField>| match field {
                    Some(HeaderField::Url) => "URL",
                    Some(field) => field.name(),
                    None => "header",
                };
                match *line {
                    2 => write!(
                        f,
                        "the file ends after the {}: no {} line",
                        name(fields.first().copied()),
                        name(missing)
                    ),
                    _ => write!(
                        f,
                        "the file ends before header line {line}: no {} line",
                        name(missing)
                    ),
                }
            }
            Error::BadDate { found, reason, .. } => {
                write!(f, "expected a date, found {found:?}: {reason}")
            }
            Error::BadUrl { found, .. } => {
                write!(f, "expected an absolute http(s) URL, found {found:?}")
            }
            Error::NoBody { .. } => write!(f, "the header is not followed by any body text"),
            Error::InvalidUtf8 { offset, .. } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
            Error::Binary { offset, .. } => {
                write!(f, "binary data: a NUL byte at byte offset {offset}")
            }
            Error::Utf16 { big_endian, bom } => write!(
                f,
                "the file is UTF-16 ({}), not UTF-8",
                match (big_endian, bom) {
                    (true, true) => "big-endian BOM FE FF",
                    (false, true) => "little-endian BOM FF FE",
                    (true, false) => "big-endian, no BOM",
                    (false, false) => "little-endian, no BOM",
                }
            ),
            // Callers may read only `max + 1` bytes of a huge file, so `size`
            // is a lower bound; "more than" stays true either way.
            Error::TooLarge { max, .. } => {
                write!(f, "the file holds more than {max} bytes, the limit")
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_hint_and_names_a_line_unless_it_is_about_the_whole_file() {
        let errors = [
            Error::Empty {
                whitespace_only: false,
            },
            Error::EmptyTitle { line: 1 },
            Error::MissingHeaderLine {
                line: 2,
                layout: HeaderLayout::DEFAULT,
            },
            Error::BadDate {
                line: 2,
                found: "x".into(),
                reason: "r",
            },
            Error::BadUrl {
                line: 3,
                found: "x".into(),
            },
            Error::NoBody { line: 4 },
            Error::InvalidUtf8 { offset: 0, line: 1 },
            Error::Binary { offset: 0, line: 1 },
            Error::Utf16 {
                big_endian: true,
                bom: false,
            },
        ];
        for e in errors {
            assert!(e.line().is_some(), "{e}");
            assert!(!e.hint().is_empty(), "{e}");
            assert!(
                !e.hint().contains("--"),
                "a library hint names no flag: {e}"
            );
        }
        let too_large = Error::TooLarge { size: 11, max: 10 };
        assert_eq!(too_large.line(), None);
        assert_eq!(
            too_large.to_string(),
            "the file holds more than 10 bytes, the limit"
        );
    }
}
