//! Writer: the cleaned article as bytes, text or JSON, over any `io::Write`.
//!
//! Text keeps the scraped layout (title, date, URL, then one paragraph per
//! line) so a cleaned file is a drop-in replacement for the raw one. JSON is
//! one object; JSON Lines adds the input's path, and the JSONL filter
//! (`jsonl.rs`) the record's own fields, around the same members, which are
//! serialised once whichever form they go into. Serialize-only views keep
//! the library's types free of serde concerns.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::{Article, Header, Stats};

/// Writes the text form: header lines (when present, in the order of the
/// header's layout), then one paragraph per line, LF endings, one final newline.
///
/// Complexity: *O(n)* time in the article's text length; no memory beyond
/// what `w` buffers.
pub fn write_text<W: Write>(article: &Article, w: W) -> io::Result<()> {
    let paragraphs = article.paragraphs.iter().map(String::as_str);
    write_text_of(article.header.as_ref(), paragraphs, w)
}

/// [`write_text`] of a header and paragraphs not yet made an article.
fn write_text_of<'p, W: Write>(
    header: Option<&Header>,
    paragraphs: impl Iterator<Item = &'p str>,
    mut w: W,
) -> io::Result<()> {
    if let Some(h) = header {
        for line in h.lines() {
            writeln!(w, "{line}")?;
        }
    }
    for p in paragraphs {
        w.write_all(p.as_bytes())?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Whether the text form ([`write_text`]) of `header` and `paragraphs` is
/// `bytes`, given in parts one after another: compared as it is written,
/// not made.
pub(crate) fn text_is<'p>(
    header: Option<&Header>,
    paragraphs: impl Iterator<Item = &'p str>,
    bytes: &[&[u8]],
) -> bool {
    /// A writer that compares what it is given with what is left of
    /// `parts`.
    struct Compare<'a> {
        parts: Vec<&'a [u8]>,
        same: bool,
    }
    impl io::Write for Compare<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let mut rest = buf;
            while self.same && !rest.is_empty() {
                // Parts are taken from the back: the next is the last.
                let Some(part) = self.parts.last_mut() else {
                    self.same = false;
                    break;
                };
                let n = part.len().min(rest.len());
                self.same = part[..n] == rest[..n];
                (*part, rest) = (&part[n..], &rest[n..]);
                if part.is_empty() {
                    self.parts.pop();
                }
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut compare = Compare {
        parts: bytes
            .iter()
            .rev()
            .copied()
            .filter(|p| !p.is_empty())
            .collect(),
        same: true,
    };
    let written = write_text_of(header, paragraphs, &mut compare);
    written.is_ok() && compare.same && compare.parts.is_empty()
}

/// The text form as a byte vector.
///
/// Complexity: *O(n)* time and memory (the vector) in the text's length.
pub fn to_text(article: &Article) -> Vec<u8> {
    let mut out = Vec::with_capacity(article.text_len());
    write_text(article, &mut out).expect("writing to a Vec cannot fail");
    out
}

#[derive(Serialize)]
struct JsonStats {
    input_bytes: u64,
    output_bytes: u64,
    body_lines: u64,
    paragraphs: u64,
    removed_bytes: u64,
    /// `null` unless counted ([`crate::Options::count_dropped`]).
    dropped: Option<crate::explain::Dropped>,
}

impl From<Stats> for JsonStats {
    fn from(s: Stats) -> Self {
        JsonStats {
            input_bytes: s.input_bytes,
            output_bytes: s.output_bytes,
            body_lines: s.body_lines,
            paragraphs: s.paragraphs,
            removed_bytes: s.removed_bytes,
            dropped: s.dropped,
        }
    }
}

/// A JSON object written member by member, compact (`{"a":1,"b":2}`), so
/// that writers can put fields of their own around an article's: the
/// `"path"` of JSON Lines, the carried fields of a JSONL record.
pub(crate) struct JsonObject<W: Write> {
    w: W,
    empty: bool,
}

impl<W: Write> JsonObject<W> {
    /// Opens the object: writes `{`.
    pub(crate) fn begin(mut w: W) -> io::Result<Self> {
        w.write_all(b"{")?;
        Ok(JsonObject { w, empty: true })
    }

    /// Writes `"key":` (after a comma unless it is the first member).
    fn key(&mut self, key: &str) -> io::Result<()> {
        if !self.empty {
            self.w.write_all(b",")?;
        }
        self.empty = false;
        serde_json::to_writer(&mut self.w, key)?;
        self.w.write_all(b":")
    }

    /// Writes a member whose value is serialised here.
    pub(crate) fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> io::Result<()> {
        self.key(key)?;
        serde_json::to_writer(&mut self.w, value)?;
        Ok(())
    }

    /// Writes a member whose value is JSON text already, byte for byte.
    pub(crate) fn raw_member(&mut self, key: &str, json: &str) -> io::Result<()> {
        self.key(key)?;
        self.w.write_all(json.as_bytes())
    }

    /// Closes the object and ends the line: writes `}` and a newline.
    pub(crate) fn end_line(mut self) -> io::Result<()> {
        self.w.write_all(b"}\n")
    }
}

/// The names of the members [`write_json_members`] writes, in order.
pub(crate) const JSON_MEMBERS: [&str; 7] = [
    "title",
    "date",
    "url",
    "lang",
    "paragraphs",
    "sentences",
    "stats",
];

/// Writes the article's members of the JSON form, serialised once, in the
/// order of [`JSON_MEMBERS`]: `title`, `date` (ISO 8601), `url` (each
/// `null` without a header or a line for it), `lang` (ISO 639-1, given or detected, `null`
/// when unsure), `paragraphs`, `sentences` (a list per paragraph, split by
/// the language's rules) and `stats` (its last member `dropped`: the body
/// lines dropped by kind, `null` unless [`crate::Options::count_dropped`]).
/// A member whose name `skip` accepts is left out.
pub(crate) fn write_json_members<W: Write>(
    article: &Article,
    object: &mut JsonObject<W>,
    skip: impl Fn(&str) -> bool,
) -> io::Result<()> {
    let h = article.header.as_ref();
    let [title, date, url, lang_key, paragraphs, sentences, stats] = JSON_MEMBERS;
    let lang = article.language();
    if !skip(title) {
        object.member(title, &h.and_then(|h| h.title.as_deref()))?;
    }
    if !skip(date) {
        object.member(date, &h.and_then(|h| h.date).map(|d| d.to_string()))?;
    }
    if !skip(url) {
        object.member(url, &h.and_then(|h| h.url.as_deref()))?;
    }
    if !skip(lang_key) {
        object.member(lang_key, &lang.map(|l| l.to_string()))?;
    }
    if !skip(paragraphs) {
        object.member(paragraphs, &article.paragraphs)?;
    }
    if !skip(sentences) {
        object.member(
            sentences,
            &Sentences {
                paragraphs: &article.paragraphs,
                lang,
            },
        )?;
    }
    if !skip(stats) {
        object.member(stats, &JsonStats::from(article.stats))?;
    }
    Ok(())
}

/// The sentences of each paragraph ([`Article::sentences_in`]), split one
/// paragraph at a time as they are written: a table of every sentence at
/// once costs 16 bytes a sentence and 24 a paragraph more (a million glued
/// paragraphs, issue 13).
struct Sentences<'a> {
    paragraphs: &'a [String],
    lang: Option<crate::lang::Lang>,
}

impl Serialize for Sentences<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.paragraphs
                .iter()
                .map(|p| crate::sentences::split_in(p, self.lang)),
        )
    }
}

/// Writes one JSON object and a newline: `title`, `date` (ISO 8601), `url`,
/// `lang` (ISO 639-1, given or detected, `null` when unsure), `paragraphs`,
/// `sentences` (a list per paragraph, split by the language's rules) and
/// `stats`; with `path`,
/// a leading `"path"` field (the JSON Lines form).
///
/// Complexity: *O(n)* time in the article's text length (the sentences are
/// split in one pass, the language detected from the first 2 KiB); memory
/// for the sentence slices of one paragraph at a time (16 bytes a
/// sentence), the text itself not copied but escaped straight into `w`.
pub fn write_json<W: Write>(article: &Article, path: Option<&str>, w: W) -> io::Result<()> {
    let mut object = JsonObject::begin(w)?;
    if let Some(path) = path {
        object.member("path", path)?;
    }
    write_json_members(article, &mut object, |_| false)?;
    object.end_line()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Date, Header};

    fn article() -> Article {
        Article::new(
            Some(Header::new(
                "Title".into(),
                Date::parse_compact("20220122").unwrap(),
                "20220122".into(),
                "https://a.b/c".into(),
            )),
            vec!["One. Two.".into(), "Three.".into()],
            200,
            5,
        )
    }

    #[test]
    fn text_keeps_the_scraped_layout() {
        assert_eq!(
            String::from_utf8(to_text(&article())).unwrap(),
            "Title\n20220122\nhttps://a.b/c\nOne. Two.\nThree.\n"
        );
    }

    #[test]
    fn json_has_iso_date_sentences_and_stats() {
        let mut out = Vec::new();
        write_json(&article(), None, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["date"], "2022-01-22");
        assert_eq!(v["sentences"][0], serde_json::json!(["One.", "Two."]));
        assert_eq!(v["stats"]["paragraphs"], 2);
        assert_eq!(v["stats"]["output_bytes"], to_text(&article()).len());
        assert!(v.get("path").is_none());
    }

    #[test]
    fn text_writes_the_header_in_its_layout_and_json_the_absent_fields_as_null() {
        let mut a = article();
        let h = a.header.as_mut().unwrap();
        h.layout = "url,title".parse().unwrap();
        (h.date, h.date_line) = (None, None);
        assert_eq!(
            String::from_utf8(to_text(&a)).unwrap(),
            "https://a.b/c\nTitle\nOne. Two.\nThree.\n"
        );
        let mut out = Vec::new();
        write_json(&a, None, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            (&v["title"], &v["url"]),
            (&"Title".into(), &"https://a.b/c".into())
        );
        assert!(v["date"].is_null());
    }
}
