//! One JSON Lines record: parsed from its line (the header fields read and
//! checked as a scraped file's, every other field kept as raw JSON), cleaned
//! as its equivalent scraped file, and written back with its other fields
//! carried through. This is the per-record API; the streaming filter in the
//! parent module runs it over a whole stream.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::lang::Lang;
use crate::{writer, Article, Error, Options};

/// The fields the cleaner writes besides the header; a carried field of the
/// same name is dropped, so the cleaned value wins. (A carried `title`,
/// `date` or `url` exists only without a header, and then it stays.)
const CLEANED: [&str; 4] = ["lang", "paragraphs", "sentences", "stats"];

/// The header fields of a record, as given (untrimmed, unchecked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordHeader {
    /// `title`: line 1 of the equivalent scraped file.
    pub title: String,
    /// `date`: line 2 (`YYYYMMDD`, or another form [`crate::Date::parse`]
    /// reads).
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
    /// A short suggestion for fixing the record. Like [`Error::hint`], it
    /// names no command-line flag.
    pub fn hint(&self) -> &'static str {
        match self {
            RecordError::InvalidUtf8 { .. } => "convert the input to UTF-8",
            RecordError::Syntax { .. } | RecordError::NotObject { .. } => {
                "each line must hold one JSON object, e.g. {\"title\": ..., \"date\": ..., \"url\": ..., \"text\": ...}"
            }
            RecordError::Missing { field: "text" } => "\"text\" holds the scraped body, lines separated by \\n",
            RecordError::Missing { .. } => "records need \"title\", \"date\", \"url\" and \"text\"",
            RecordError::NotAString { .. } => "the fields newsdedup reads are JSON strings",
            RecordError::Duplicate { .. } => "give each field once",
            RecordError::LineBreak { .. } => "title, date and url are one line each; only \"text\" may hold line breaks",
            RecordError::TooLarge { .. } => {
                "raise Options::max_bytes if the record is really one article"
            }
            RecordError::Clean { field, error } => match (*field, error) {
                ("title", _) => "\"title\" must not be blank",
                ("date", _) => "\"date\" must be a date string, e.g. \"20220122\", \"2022-01-22\" or \"22 Jan 2022\"",
                ("url", _) => "\"url\" must be an absolute URL such as \"https://example.com/a.html\"",
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
                Error::EmptyTitle { .. } => write!(f, "\"title\" is blank"),
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

/// `json`, a JSON string whose only escapes are those of one character
/// each (`\n`, `\"`, `\\`, `\/`, `\b`, `\f`, `\r`, `\t`), decoded straight
/// into a string of its size; `None` for anything else (`null`, a `\u`
/// escape, a raw control character), which serde_json reads as before.
/// serde_json decodes an escaped string into a scratch buffer and copies it
/// out: with the record's line, an 80 MB text was held three times
/// (issue 13).
pub(super) fn decode_plain(json: &str) -> Option<String> {
    let inner = json.strip_prefix('"')?.strip_suffix('"')?;
    // serde_json refuses a raw control character in a string.
    if inner.bytes().any(|c| c < 0x20) {
        return None;
    }
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(k) = memchr::memchr(b'\\', rest.as_bytes()) {
        // A quote left unescaped would have ended the string.
        if rest[..k].contains('"') {
            return None;
        }
        out.push_str(&rest[..k]);
        out.push(match rest.as_bytes().get(k + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            _ => return None,
        });
        rest = &rest[k + 2..];
    }
    if rest.contains('"') {
        return None;
    }
    out.push_str(rest);
    Some(out)
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
            let string = match decode_plain(value.get()) {
                Some(string) => Some(string),
                None => serde_json::from_str::<Option<String>>(value.get()).map_err(|_| {
                    RecordError::NotAString {
                        field,
                        found: kind_of(value.get()),
                    }
                })?,
            };
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
        self.clean_with(opts, |opts| {
            crate::clean(self.to_scraped().as_bytes(), opts)
        })
    }

    /// [`Record::clean`], giving up the record's `text` (left empty): the
    /// scraped form is made in its buffer, which is handed over to the
    /// cleaner ([`crate::clean_owned`]), so a huge record's text is not
    /// held beside its cleaned paragraphs and its output (issue 13).
    pub(crate) fn clean_taking_text(&mut self, opts: &Options) -> Result<Article, RecordError> {
        let mut scraped = std::mem::take(&mut self.text);
        if let Some(h) = &self.header {
            scraped.insert_str(0, &format!("{}\n{}\n{}\n", h.title, h.date, h.url));
        }
        self.clean_with(opts, |opts| {
            crate::clean_owned(scraped.into_bytes(), opts).map(|c| c.article)
        })
    }

    /// Cleans this record's scraped form with `clean`, given the options
    /// of this record.
    fn clean_with(
        &self,
        opts: &Options,
        clean: impl FnOnce(&Options) -> Result<Article, Error>,
    ) -> Result<Article, RecordError> {
        let opts = Options {
            no_header: self.header.is_none(),
            // The record's fields are named; its scraped form is in the
            // default order.
            header: crate::HeaderLayout::DEFAULT,
            ..*opts
        };
        let article = clean(&opts).map(|mut article| {
            article.lang = self.lang.or(article.lang);
            article
        });
        article.map_err(|error| {
            // By the kind of error, not its line: encoding errors are
            // always about `text`, as the header fields are checked strings.
            let field = match error {
                _ if opts.no_header => "text",
                Error::EmptyTitle { .. } => "title",
                Error::BadDate { .. } => "date",
                Error::BadUrl { .. } => "url",
                _ => "text",
            };
            RecordError::Clean { field, error }
        })
    }
}

/// How a [`Filter`](super::Filter) writes each cleaned record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One JSON object per line: the carried fields, then the cleaned ones
    /// (see the [module docs](super)).
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
    // `--format json` by construction.
    let mut object = writer::JsonObject::begin(&mut w)?;
    for (key, value) in &record.carried {
        if !CLEANED.contains(&key.as_str()) {
            object.raw_member(key, value.get())?;
        }
    }
    // Without a header, the cleaned title, date and url are null: a
    // record's own ones stay (they are carried, so they come first).
    let own = |key: &str| record.carried.iter().any(|(k, _)| k == key);
    writer::write_json_members(article, &mut object, |key| {
        record.header.is_none() && own(key)
    })?;
    object.end_line()
}
