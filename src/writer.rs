//! Writer: the cleaned article as bytes, text or JSON, over any `io::Write`.
//!
//! Text keeps the scraped layout (title, date, URL, then one paragraph per
//! line) so a cleaned file is a drop-in replacement for the raw one. JSON is
//! one object; JSON Lines adds the input's path. Serialize-only views keep the
//! library's types free of serde concerns.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::{Article, Stats};

/// Writes the text form: header lines (when present), then one paragraph per
/// line, LF endings, one final newline.
pub fn write_text<W: Write>(article: &Article, mut w: W) -> io::Result<()> {
    if let Some(h) = &article.header {
        writeln!(w, "{}", h.title)?;
        writeln!(w, "{}", h.date.compact())?;
        writeln!(w, "{}", h.url)?;
    }
    for p in &article.paragraphs {
        w.write_all(p.as_bytes())?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// The text form as a byte vector.
pub fn to_text(article: &Article) -> Vec<u8> {
    let mut out = Vec::with_capacity(article.text_len());
    write_text(article, &mut out).expect("writing to a Vec cannot fail");
    out
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    title: Option<&'a str>,
    date: Option<String>,
    url: Option<&'a str>,
    lang: Option<String>,
    paragraphs: &'a [String],
    sentences: Vec<Vec<&'a str>>,
    stats: JsonStats,
}

#[derive(Serialize)]
struct JsonStats {
    input_bytes: u64,
    output_bytes: u64,
    body_lines: u64,
    paragraphs: u64,
    removed_bytes: u64,
}

impl From<Stats> for JsonStats {
    fn from(s: Stats) -> Self {
        JsonStats {
            input_bytes: s.input_bytes,
            output_bytes: s.output_bytes,
            body_lines: s.body_lines,
            paragraphs: s.paragraphs,
            removed_bytes: s.removed_bytes,
        }
    }
}

/// Writes one JSON object and a newline: `title`, `date` (ISO 8601), `url`,
/// `lang` (ISO 639-1, given or detected, `null` when unsure), `paragraphs`,
/// `sentences` (a list per paragraph, split by the language's rules) and
/// `stats`; with `path`,
/// a leading `"path"` field (the JSON Lines form).
pub fn write_json<W: Write>(article: &Article, path: Option<&str>, mut w: W) -> io::Result<()> {
    let h = article.header.as_ref();
    let lang = article.language();
    let view = JsonArticle {
        path,
        title: h.map(|h| h.title.as_str()),
        date: h.map(|h| h.date.to_string()),
        url: h.map(|h| h.url.as_str()),
        lang: lang.map(|l| l.to_string()),
        paragraphs: &article.paragraphs,
        sentences: article.sentences_in(lang),
        stats: article.stats.into(),
    };
    serde_json::to_writer(&mut w, &view)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Date, Header};

    fn article() -> Article {
        Article::new(
            Some(Header {
                title: "Title".into(),
                date: Date::parse_compact("20220122").unwrap(),
                url: "https://a.b/c".into(),
            }),
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
}
