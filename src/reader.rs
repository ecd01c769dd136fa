//! Reader: raw bytes to a header and body lines.
//!
//! Everything about the *shape* of a scraped file lives here: the encoding
//! checks, the three header lines and the line endings (LF, CRLF or a lone
//! CR), and how characters are written: HTML character references
//! (`&quot;`, `&#8217;`) are decoded, since a scraped news file never means
//! `&amp;` literally and copies of one paragraph may differ only there. The
//! dedup pass then only ever sees body lines of valid, decoded UTF-8 text.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Date, Header};
use crate::error::Error;

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadOptions {
    /// The input holds body text only: no title, date and URL lines.
    pub no_header: bool,
    /// Leave HTML character references (`&amp;`, `&#39;`) as written
    /// instead of decoding them.
    pub keep_entities: bool,
}

/// A parsed scraped file, borrowing its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// The three header lines, unless reading with `no_header`.
    pub header: Option<Header>,
    /// The non-blank body lines, untrimmed, without their line endings,
    /// their character references decoded (borrowed where there were none).
    pub body: Vec<Cow<'a, str>>,
    /// The 1-based line number in the input of each of `body`, for
    /// `--explain`.
    pub numbers: Vec<usize>,
}

/// Checks the encoding and decodes `input` as UTF-8.
///
/// A UTF-8 byte-order mark is dropped, and so is any U+FEFF further on.
/// UTF-16 (recognised by its BOM, or
/// without one by the NUL bytes of mostly-Latin text), other NUL bytes and
/// invalid UTF-8 are errors; with `lossy`, invalid sequences become U+FFFD
/// instead. Error offsets count the BOM.
pub fn decode(input: &[u8], lossy: bool) -> Result<Cow<'_, str>, Error> {
    if let [0xFE, 0xFF, ..] = input {
        return Err(Error::Utf16 {
            big_endian: true,
            bom: true,
        });
    }
    if let [0xFF, 0xFE, ..] = input {
        return Err(Error::Utf16 {
            big_endian: false,
            bom: true,
        });
    }
    // Offsets in errors count from the start of the file, BOM included, so
    // that `cmp`, `xxd -s` or an editor's byte count land on the bad byte.
    let bom = if input.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    let text = &input[bom..];
    if let Some(at) = memchr::memchr(0, text) {
        if let Some(big_endian) = utf16_without_bom(input) {
            return Err(Error::Utf16 {
                big_endian,
                bom: false,
            });
        }
        return Err(Error::Binary {
            offset: bom + at,
            line: line_of(text, at),
        });
    }
    let decoded = match std::str::from_utf8(text) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) if lossy => String::from_utf8_lossy(text),
        Err(e) => {
            return Err(Error::InvalidUtf8 {
                offset: bom + e.valid_up_to(),
                line: line_of(text, e.valid_up_to()),
            })
        }
    };
    Ok(drop_stray_boms(decoded))
}

/// Removes every U+FEFF left after the leading BOM. Inside text it is a BOM
/// from files glued together, or the deprecated zero-width no-break space:
/// invisible either way. Kept, it would make copies of one paragraph differ
/// where nobody can see it, and an output starting with it would lose it
/// when read again (as a BOM), so cleaning would not be idempotent.
fn drop_stray_boms(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memmem::find(text.as_bytes(), UTF8_BOM).is_none() {
        return text;
    }
    Cow::Owned(text.replace('\u{FEFF}', ""))
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether `input` reads as UTF-16 text without a BOM, and in which byte
/// order: Windows tools write such files, and "binary data" would send the
/// user looking for the wrong problem. The test is the shape of mostly-Latin
/// text in UTF-16: in the first bytes, no low-order byte is NUL and at least
/// three in four high-order bytes are.
fn utf16_without_bom(input: &[u8]) -> Option<bool> {
    let head = &input[..input.len().min(512) & !1];
    if head.len() < 4 {
        return None;
    }
    let half = head.len() / 2;
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    match (zeros(0), zeros(1)) {
        (high, 0) if high * 4 >= half * 3 => Some(true),
        (0, high) if high * 4 >= half * 3 => Some(false),
        _ => None,
    }
}

/// 1-based line number of byte `offset`, counting LF, CRLF and lone CR.
fn line_of(input: &[u8], offset: usize) -> usize {
    let before = &input[..offset];
    let lf = memchr::memchr_iter(b'\n', before).count();
    let lone_cr = memchr::memchr_iter(b'\r', before)
        .filter(|&i| input.get(i + 1) != Some(&b'\n'))
        .count();
    1 + lf + lone_cr
}

/// Parses decoded text into header and body lines.
pub fn parse(text: &str, opts: ReadOptions) -> Result<Document<'_>, Error> {
    if text.is_empty() {
        return Err(Error::Empty {
            whitespace_only: false,
        });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty {
            whitespace_only: true,
        });
    }
    let mut lines = Lines::new(text.as_bytes()).map(|(a, b)| &text[a..b]);
    let mut header = if opts.no_header {
        None
    } else {
        Some(parse_header(&mut lines)?)
    };
    if let Some(h) = header.as_mut().filter(|_| !opts.keep_entities) {
        if let Cow::Owned(t) = decode_entities(&h.title) {
            // A decoded `&#10;` must not break the title's line.
            h.title = crate::dedup::normalize(&t);
        }
    }
    let first = if opts.no_header { 1 } else { 4 };
    let (numbers, body): (Vec<usize>, Vec<Cow<str>>) = lines
        .enumerate()
        .map(|(i, l)| {
            let l = if opts.keep_entities {
                Cow::Borrowed(l)
            } else {
                decode_entities(l)
            };
            (first + i, l)
        })
        .filter(|(_, l)| !l.trim().is_empty())
        .unzip();
    if body.is_empty() {
        return Err(Error::NoBody { line: first });
    }
    Ok(Document {
        header,
        body,
        numbers,
    })
}

fn parse_header<'a>(lines: &mut impl Iterator<Item = &'a str>) -> Result<Header, Error> {
    let title = lines.next().unwrap_or("").trim();
    if title.is_empty() {
        return Err(Error::EmptyTitle);
    }
    let date = lines
        .next()
        .ok_or(Error::MissingHeaderLine { line: 2 })?
        .trim();
    let date_line = date.to_string();
    let date = Date::parse(date).map_err(|reason| Error::BadDate {
        found: date_line.clone(),
        reason,
    })?;
    let url = lines
        .next()
        .ok_or(Error::MissingHeaderLine { line: 3 })?
        .trim();
    if !is_absolute_http_url(url) {
        return Err(Error::BadUrl {
            found: url.to_string(),
        });
    }
    Ok(Header {
        title: title.to_string(),
        date,
        date_line,
        url: url.to_string(),
    })
}

/// `text` with its HTML character references decoded: named (`&quot;`,
/// `&rsquo;`, `&nbsp;`) and numeric (`&#39;`, `&#x2019;`), each with its
/// closing `;` (html-escape's decoder: the whole HTML5 list, nothing that
/// would decode to NUL or a control char other than whitespace). Text
/// encoded twice over (`&amp;#39;`, a scraper escaping escaped text) is
/// decoded until nothing is left to decode, at most three times. Borrowed
/// when there is nothing to decode, which `memchr` tells at memory speed.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    for _ in 0..3 {
        if memchr::memchr(b'&', out.as_bytes()).is_none() {
            break;
        }
        match html_escape::decode_html_entities(&out) {
            Cow::Borrowed(_) => break,
            Cow::Owned(decoded) => out = Cow::Owned(decoded),
        }
    }
    out
}

/// `http://` or `https://` (any case), a non-empty host, no whitespace.
fn is_absolute_http_url(url: &str) -> bool {
    // Scheme in any case, a non-empty authority, then an optional path,
    // query or fragment; no whitespace anywhere.
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:https?)://[^/?#\s]+(?:[/?#]\S*)?$").expect("a valid pattern")
    });
    URL.is_match(url)
}

/// Byte ranges of the lines of `bytes`, without their endings; a line ends
/// at LF, CRLF or a lone CR. A final line without an ending counts.
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Lines { bytes, pos: 0 }
    }
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let start = self.pos;
        match memchr::memchr2(b'\n', b'\r', &self.bytes[start..]) {
            None => {
                self.pos = self.bytes.len();
                Some((start, self.bytes.len()))
            }
            Some(i) => {
                let end = start + i;
                let crlf = self.bytes[end] == b'\r' && self.bytes.get(end + 1) == Some(&b'\n');
                self.pos = end + if crlf { 2 } else { 1 };
                Some((start, end))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Document<'_>, Error> {
        parse(text, ReadOptions::default())
    }

    #[test]
    fn splits_header_and_skips_blank_body_lines() {
        let d = read("Title \n20220122\nhttps://a.b/c\n\nfirst\n  \nsecond").unwrap();
        let h = d.header.unwrap();
        assert_eq!(h.title, "Title");
        assert_eq!(h.date.to_string(), "2022-01-22");
        assert_eq!(h.url, "https://a.b/c");
        assert_eq!(d.body, vec!["first", "second"]);
        assert_eq!(d.numbers, vec![5, 7]);
    }

    #[test]
    fn keeps_the_date_line_as_written_and_reads_it_as_a_date() {
        let d = read("T\n  22 Jan 2022 \nhttps://a.b/c\nBody.").unwrap();
        let h = d.header.unwrap();
        assert_eq!(h.date_line, "22 Jan 2022");
        assert_eq!(h.date.to_string(), "2022-01-22");
    }

    #[test]
    fn accepts_crlf_and_lone_cr_endings() {
        let d = read("T\r\n20220122\r\nhttp://a.b\r\none\r\ntwo\rthree\r\n").unwrap();
        assert_eq!(d.body, vec!["one", "two", "three"]);
    }

    #[test]
    fn names_the_line_of_a_bad_header() {
        assert_eq!(
            read("T\n2022-13-22\nhttp://a.b\nx").unwrap_err().line(),
            Some(2)
        );
        assert_eq!(read("T\n20220122\nwww.a.b\nx").unwrap_err().line(), Some(3));
        assert_eq!(
            read("  \n20220122\nhttp://a.b\nx").unwrap_err(),
            Error::EmptyTitle
        );
        assert_eq!(
            read("T\n20220122").unwrap_err(),
            Error::MissingHeaderLine { line: 3 }
        );
        assert_eq!(
            read("T\n20220122\nhttp://a.b\n\n").unwrap_err(),
            Error::NoBody { line: 4 }
        );
    }

    #[test]
    fn rejects_urls_that_are_not_absolute_http() {
        for bad in [
            "ftp://a.b",
            "https://",
            "http:///x",
            "https://a b",
            "/relative",
        ] {
            assert!(!is_absolute_http_url(bad), "{bad}");
        }
        for good in ["HTTPS://A.B", "http://a", "https://a.b/c?d#e"] {
            assert!(is_absolute_http_url(good), "{good}");
        }
    }

    #[test]
    fn no_header_mode_reads_every_line_as_body() {
        let d = parse(
            "a\nb\n",
            ReadOptions {
                no_header: true,
                ..ReadOptions::default()
            },
        )
        .unwrap();
        assert_eq!(d.header, None);
        assert_eq!(d.body, vec!["a", "b"]);
    }

    #[test]
    fn decode_drops_a_utf8_bom_and_rejects_utf16_and_nul() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc", false).unwrap(), "abc");
        assert_eq!(
            decode(b"\xFF\xFEa\0", false).unwrap_err(),
            Error::Utf16 {
                big_endian: false,
                bom: true
            }
        );
        assert_eq!(
            decode(b"a\nb\0", false).unwrap_err(),
            Error::Binary { offset: 3, line: 2 }
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFa\r\nb\0", false).unwrap_err(),
            Error::Binary { offset: 7, line: 2 }
        );
    }

    #[test]
    fn decode_recognises_utf16_without_a_bom_by_its_nul_bytes() {
        assert_eq!(
            decode(b"T\0i\0t\0l\0e\0\n\0", false).unwrap_err(),
            Error::Utf16 {
                big_endian: false,
                bom: false
            }
        );
        assert_eq!(
            decode(b"\0T\0i\0t\0l\0e", false).unwrap_err(),
            Error::Utf16 {
                big_endian: true,
                bom: false
            }
        );
        // NULs scattered in text are binary data, not UTF-16.
        assert!(matches!(
            decode(b"Title\n\0\0\0x", false).unwrap_err(),
            Error::Binary { .. }
        ));
    }

    #[test]
    fn decode_reports_the_offset_of_invalid_utf8_or_replaces_it() {
        assert_eq!(
            decode(b"ab\ncd\xFFe", false).unwrap_err(),
            Error::InvalidUtf8 { offset: 5, line: 2 }
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\rcd\xFFe", false).unwrap_err(),
            Error::InvalidUtf8 { offset: 8, line: 2 }
        );
        assert_eq!(decode(b"cd\xFFe", true).unwrap(), "cd\u{FFFD}e");
    }

    #[test]
    fn decode_drops_boms_inside_the_text_too() {
        let text = "\u{FEFF}\u{FEFF}Title\n20220122\nhttp://a.b\nOne\u{FEFF} two\n";
        assert_eq!(
            decode(text.as_bytes(), false).unwrap(),
            "Title\n20220122\nhttp://a.b\nOne two\n"
        );
        assert_eq!(decode(b"\xFFa\xEF\xBB\xBFb", true).unwrap(), "\u{FFFD}ab");
    }
}
