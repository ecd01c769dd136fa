//! Reader: raw bytes to a header and body lines.
//!
//! Everything about the *shape* of a scraped file lives here: the encoding
//! checks, the header lines (by their layout) and the line endings (LF, CRLF or a lone
//! CR), and how characters are written: HTML character references
//! (`&quot;`, `&#8217;`) are decoded, since a scraped news file never means
//! `&amp;` literally and copies of one paragraph may differ only there. The
//! dedup pass then only ever sees body lines of valid, decoded UTF-8 text.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Date, Header, HeaderField, HeaderLayout};
use crate::error::Error;

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadOptions {
    /// The input holds body text only: no title, date and URL lines.
    pub no_header: bool,
    /// Which header lines the input has, in order (unless `no_header`).
    pub header: HeaderLayout,
    /// Leave HTML character references (`&amp;`, `&#39;`) as written
    /// instead of decoding them.
    pub keep_entities: bool,
}

/// A parsed scraped file, borrowing its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// The header lines of the layout, unless reading with `no_header`.
    pub header: Option<Header>,
    /// The distinct non-blank body lines, untrimmed, without their line
    /// endings, their character references decoded, in order of their
    /// first line: slices of the input, or of the lines decoded
    /// ([`Decoded`]) where references were decoded.
    pub texts: Vec<&'a str>,
    /// Which of `texts` each non-blank body line is: a file of millions of
    /// tiny lines costs 4 bytes a line, not a `Cow` (24) and more for each
    /// step after (issue 13).
    pub ids: Vec<u32>,
    /// The body's text, after the header lines, and the line number of its
    /// first line: line numbers are counted again when asked for.
    rest: &'a str,
    first: usize,
    keep_entities: bool,
}

impl<'a> Document<'a> {
    /// The non-blank body lines, in order.
    pub fn lines(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.ids.iter().map(|&k| self.texts[k as usize])
    }

    /// The non-blank body lines (by index, in order) that are the header
    /// written again, not body: the first, where it is the title (a page's
    /// headline, which an element walk writes before the article), unless
    /// it is the only one; and every run of lines that are the header's
    /// lines in its order (a scraper run again appended to the file),
    /// whitespace aside. Empty for most files; a line is compared word by
    /// word, up to its first word that differs.
    pub fn header_copies(&self) -> Vec<usize> {
        let Some(header) = &self.header else {
            return Vec::new();
        };
        let fields: Vec<&str> = header.lines().collect();
        let title = header.title.as_deref().filter(|t| !t.trim().is_empty());
        let same = crate::article::same_words;
        let n = self.ids.len();
        let line = |i: usize| self.texts[self.ids[i] as usize];
        let mut copies = Vec::new();
        let whole = fields.len() > 1;
        let mut i = 0;
        while whole && i + fields.len() <= n {
            if fields.iter().enumerate().all(|(k, f)| same(line(i + k), f)) {
                copies.extend(i..i + fields.len());
                i += fields.len();
            } else {
                i += 1;
            }
        }
        if n > 1 && copies.first() != Some(&0) && title.is_some_and(|t| same(line(0), t)) {
            copies.insert(0, 0);
        }
        // The body keeps a line: a file of nothing but its header twice is
        // left as it is.
        if copies.len() >= n {
            copies.clear();
        }
        copies
    }

    /// Whether references were decoded in `line`, one of [`Document::texts`]:
    /// it is not a slice of the input then.
    pub fn decoded(&self, line: &str) -> bool {
        !within(line, self.rest)
    }

    /// The 1-based line number in the input of each non-blank body line,
    /// for `--explain` (read again: only it needs them).
    pub fn numbers(&self) -> Vec<usize> {
        body_lines(self.rest, self.first, self.keep_entities)
            .map(|(number, _)| number)
            .collect()
    }
}

/// The non-blank lines of `rest` (the body), each with its line number
/// counted from `first`, decoded unless `keep_entities`.
fn body_lines(
    rest: &str,
    first: usize,
    keep_entities: bool,
) -> impl Iterator<Item = (usize, Cow<'_, str>)> {
    Lines::new(rest.as_bytes())
        .map(|(a, b)| &rest[a..b])
        .enumerate()
        .map(move |(i, l)| {
            let l = if keep_entities {
                Cow::Borrowed(l)
            } else {
                decode_entities(l)
            };
            (first + i, l)
        })
        .filter(|(_, l)| !blank(l))
}

/// Whether a body line shows nothing: whitespace, or characters that are
/// drawn as nothing (a zero-width space, joiner or non-joiner, a word
/// joiner, a stray U+FEFF), which a page puts between blocks as spacers.
fn blank(line: &str) -> bool {
    line.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    })
}

/// Checks the encoding and decodes `input` as UTF-8.
///
/// A UTF-8 byte-order mark is dropped, and so is any U+FEFF further on.
/// UTF-16 (recognised by its BOM, or
/// without one by the NUL bytes of mostly-Latin text), other NUL bytes and
/// invalid UTF-8 are errors; with `lossy`, invalid sequences become U+FFFD
/// instead. Error offsets count the BOM.
pub fn decode(input: &[u8], lossy: bool) -> Result<Cow<'_, str>, Error> {
    let bom = check_encoding(input)?;
    let text = &input[bom..];
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

/// The input [`decode_owned`] was given, as far as it is needed to tell
/// whether a text is that input byte for byte.
#[derive(Debug)]
pub enum Original {
    /// A BOM of this many bytes (0 or 3), then the text.
    Text(usize),
    /// A BOM of this many bytes, then these bytes, from which the text was
    /// made (a BOM further on dropped).
    Bytes(usize, Vec<u8>),
    /// Not UTF-8 (its invalid sequences replaced): no text is this input.
    Invalid,
}

impl Original {
    /// The input: its parts, in order, with the text in the middle where
    /// the input is the text.
    pub fn parts<'s>(&'s self, text: &'s str) -> Option<[&'s [u8]; 2]> {
        match self {
            Original::Text(bom) => Some([&UTF8_BOM[..*bom], text.as_bytes()]),
            Original::Bytes(bom, bytes) => Some([&UTF8_BOM[..*bom], bytes]),
            Original::Invalid => None,
        }
    }
}

/// [`decode`] of an input given up: valid UTF-8 with no BOM past its
/// start, as inputs are, becomes the text in its own buffer, not copied
/// (a leading BOM moved out); any other is decoded as [`decode`] does.
/// With the text, what the input was ([`Original`]).
pub fn decode_owned(mut input: Vec<u8>, lossy: bool) -> Result<(String, Original), Error> {
    let bom = check_encoding(&input)?;
    input.drain(..bom);
    let text = match String::from_utf8(input) {
        Ok(text) => text,
        Err(e) if lossy => {
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            return Ok((
                drop_stray_boms(Cow::Owned(text)).into_owned(),
                Original::Invalid,
            ));
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return Err(Error::InvalidUtf8 {
                offset: bom + at,
                line: line_of(e.as_bytes(), at),
            });
        }
    };
    if memchr::memmem::find(text.as_bytes(), UTF8_BOM).is_some() {
        let dropped = text.replace('\u{FEFF}', "");
        return Ok((dropped, Original::Bytes(bom, text.into_bytes())));
    }
    Ok((text, Original::Text(bom)))
}

/// The checks of [`decode`] before UTF-8 is read: not UTF-16, no NUL
/// byte. The length of the UTF-8 BOM the input starts with, if any.
fn check_encoding(input: &[u8]) -> Result<usize, Error> {
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
    Ok(bom)
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

/// Whether `part` is a slice of `whole`.
fn within(part: &str, whole: &str) -> bool {
    let (p, w) = (part.as_ptr() as usize, whole.as_ptr() as usize);
    p >= w && p + part.len() <= w + whole.len()
}

/// The body lines whose character references were decoded, by their
/// index among the body lines (blank ones too), as [`parse`] fills it: held
/// apart, so that every body line is a `&str` (16 bytes) however it was
/// read, not a `Cow` (24).
pub type Decoded = Vec<(usize, String)>;

/// Parses decoded text into header and body lines; lines decoded go into
/// `decoded`, which the document borrows.
pub fn parse<'a>(
    text: &'a str,
    opts: ReadOptions,
    decoded: &'a mut Decoded,
) -> Result<Document<'a>, Error> {
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
    let mut lines = Lines::new(text.as_bytes());
    let mut header = if opts.no_header {
        None
    } else {
        Some(parse_header(
            &mut lines.by_ref().map(|(a, b)| &text[a..b]),
            opts.header,
        )?)
    };
    let rest = &text[lines.pos..];
    if let Some(title) = header
        .as_mut()
        .and_then(|h| h.title.as_mut())
        .filter(|_| !opts.keep_entities)
    {
        if let Cow::Owned(t) = decode_entities(title) {
            // A decoded `&#10;` must not break the title's line.
            *title = crate::dedup::normalize(&t);
        }
    }
    let first = if opts.no_header {
        1
    } else {
        opts.header.lines() + 1
    };
    decoded.clear();
    if !opts.keep_entities && memchr::memchr(b'&', rest.as_bytes()).is_some() {
        for (i, (a, b)) in Lines::new(rest.as_bytes()).enumerate() {
            if let Cow::Owned(line) = decode_entities(&rest[a..b]) {
                decoded.push((i, line));
            }
        }
    }
    let decoded: &'a Decoded = decoded;
    let mut next = decoded.iter().peekable();
    let lines = Lines::new(rest.as_bytes())
        .map(|(a, b)| &rest[a..b])
        .enumerate()
        .map(|(i, l)| match next.next_if(|(at, _)| *at == i) {
            Some((_, line)) => line.as_str(),
            None => l,
        })
        .filter(|l| !blank(l));
    // A line decoded is kept apart from the same text as written: `--explain`
    // tells which lines were decoded.
    let (texts, ids) = crate::dedup::intern(lines, |a, b| within(a, rest) == within(b, rest));
    if ids.is_empty() {
        return Err(Error::NoBody { line: first });
    }
    Ok(Document {
        header,
        texts,
        ids,
        rest,
        first,
        keep_entities: opts.keep_entities,
    })
}

/// Reads the header lines of `layout`, each checked by its field; an
/// error names the line the layout gives the field.
fn parse_header<'a>(
    lines: &mut impl Iterator<Item = &'a str>,
    layout: HeaderLayout,
) -> Result<Header, Error> {
    let mut header = Header {
        title: None,
        date: None,
        date_line: None,
        url: None,
        layout,
    };
    for (i, &field) in layout.fields().iter().enumerate() {
        let line = i + 1;
        // The text is not empty, so line 1 is always there.
        let text = lines
            .next()
            .ok_or(Error::MissingHeaderLine { line, layout })?
            .trim();
        match field {
            HeaderField::Title => {
                if text.is_empty() {
                    return Err(Error::EmptyTitle { line });
                }
                header.title = Some(text.to_string());
            }
            HeaderField::Date => {
                let date = Date::parse(text).map_err(|reason| Error::BadDate {
                    line,
                    found: text.to_string(),
                    reason,
                })?;
                header.date = Some(date);
                header.date_line = Some(text.to_string());
            }
            HeaderField::Url => {
                if !is_absolute_http_url(text) {
                    return Err(Error::BadUrl {
                        line,
                        found: text.to_string(),
                    });
                }
                header.url = Some(text.to_string());
            }
        }
    }
    Ok(header)
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

    /// A store for the lines decoded, for as long as the test runs.
    fn store() -> &'static mut Decoded {
        Box::leak(Box::default())
    }

    fn read(text: &str) -> Result<Document<'_>, Error> {
        parse(text, ReadOptions::default(), store())
    }

    fn body<'a>(d: &Document<'a>) -> Vec<&'a str> {
        d.lines().collect()
    }

    #[test]
    fn holds_each_distinct_line_once_and_numbers_every_line() {
        let d = read("T\n20220122\nhttp://a.b\na\n\nb &amp; c\na\nb & c\na").unwrap();
        // The decoded line and the same text as written stay apart.
        assert_eq!(d.texts, vec!["a", "b & c", "b & c"]);
        assert_eq!(d.ids, vec![0, 1, 0, 2, 0]);
        let decoded: Vec<bool> = d.texts.iter().map(|t| d.decoded(t)).collect();
        assert_eq!(decoded, vec![false, true, false]);
        assert_eq!(body(&d), vec!["a", "b & c", "a", "b & c", "a"]);
        assert_eq!(d.numbers(), vec![4, 6, 7, 8, 9]);
        // A line blank once decoded is no body line.
        let d = read("T\n20220122\nhttp://a.b\n&nbsp;\nx").unwrap();
        assert_eq!((body(&d), d.numbers()), (vec!["x"], vec![5]));
    }

    #[test]
    fn splits_header_and_skips_blank_body_lines() {
        let d = read("Title \n20220122\nhttps://a.b/c\n\nfirst\n  \nsecond").unwrap();
        let h = d.header.clone().unwrap();
        assert_eq!(h.title.as_deref(), Some("Title"));
        assert_eq!(h.date.unwrap().to_string(), "2022-01-22");
        assert_eq!(h.url.as_deref(), Some("https://a.b/c"));
        assert_eq!(body(&d), vec!["first", "second"]);
        assert_eq!(d.numbers(), vec![5, 7]);
    }

    #[test]
    fn the_title_as_first_line_and_the_header_run_again_are_header_copies() {
        let d = read("The  Title\n20220122\nhttp://a.b\nThe Title\nx\nThe Title\ny").unwrap();
        // The title elsewhere in the body (a heading, a related link) is body.
        assert_eq!(d.header_copies(), vec![0]);
        let d = read("T\n20220122\nhttp://a.b\nx\nT\n20220122\nhttp://a.b\ny\nT").unwrap();
        assert_eq!(d.header_copies(), vec![1, 2, 3]);
        // Not where nothing else would be left.
        let d = read("T\n20220122\nhttp://a.b\nT").unwrap();
        assert!(d.header_copies().is_empty());
        let d = read("T\n20220122\nhttp://a.b\nT\n20220122\nhttp://a.b").unwrap();
        assert!(d.header_copies().is_empty());
        // A layout with no title: its lines written again in a row.
        let layout = HeaderLayout::new(&[HeaderField::Date, HeaderField::Url]).unwrap();
        let opts = ReadOptions {
            header: layout,
            ..ReadOptions::default()
        };
        let d = parse(
            "20220122\nhttp://a.b\n20220122\nhttp://a.b\nBody.",
            opts,
            store(),
        )
        .unwrap();
        assert_eq!(d.header_copies(), vec![0, 1]);
    }

    #[test]
    fn skips_body_lines_of_characters_drawn_as_nothing() {
        // Spacers a page puts between blocks: a zero-width space, a word
        // joiner, a no-break space (decoded), a zero-width joiner beside
        // spaces. Inside text they stay.
        let text =
            "T\n20220122\nhttps://a.b/c\nfirst\n\u{200B}\n\u{2060} \n&nbsp;\n \u{200D}\na\u{200B}b";
        let d = read(text).unwrap();
        assert_eq!(body(&d), vec!["first", "a\u{200B}b"]);
        assert_eq!(d.numbers(), vec![4, 9]);
    }

    #[test]
    fn keeps_the_date_line_as_written_and_reads_it_as_a_date() {
        let d = read("T\n  22 Jan 2022 \nhttps://a.b/c\nBody.").unwrap();
        let h = d.header.clone().unwrap();
        assert_eq!(h.date_line.as_deref(), Some("22 Jan 2022"));
        assert_eq!(h.date.unwrap().to_string(), "2022-01-22");
    }

    #[test]
    fn accepts_crlf_and_lone_cr_endings() {
        let d = read("T\r\n20220122\r\nhttp://a.b\r\none\r\ntwo\rthree\r\n").unwrap();
        assert_eq!(body(&d), vec!["one", "two", "three"]);
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
            Error::EmptyTitle { line: 1 }
        );
        assert_eq!(
            read("T\n20220122").unwrap_err(),
            Error::MissingHeaderLine {
                line: 3,
                layout: HeaderLayout::DEFAULT
            }
        );
        assert_eq!(
            read("T\n20220122\nhttp://a.b\n\n").unwrap_err(),
            Error::NoBody { line: 4 }
        );
    }

    fn read_in<'a>(layout: &str, text: &'a str) -> Result<Document<'a>, Error> {
        parse(
            text,
            ReadOptions {
                header: layout.parse().unwrap(),
                ..ReadOptions::default()
            },
            store(),
        )
    }

    #[test]
    fn reads_the_header_lines_in_the_order_of_the_layout() {
        let d = read_in(
            "url,title,date",
            "https://a.b/c\nT &amp; U\n2022-01-22\n\nBody.",
        )
        .unwrap();
        let h = d.header.clone().unwrap();
        assert_eq!(h.url.as_deref(), Some("https://a.b/c"));
        assert_eq!(h.title.as_deref(), Some("T & U"));
        assert_eq!(h.date_line.as_deref(), Some("2022-01-22"));
        assert_eq!(h.date.unwrap().to_string(), "2022-01-22");
        assert_eq!(h.layout.to_string(), "url,title,date");
        assert_eq!((body(&d), d.numbers()), (vec!["Body."], vec![5]));
    }

    #[test]
    fn a_field_absent_from_the_layout_is_absent_from_the_header() {
        let d = read_in("title,url", "T\nhttps://a.b/c\n20220122\n").unwrap();
        let h = d.header.clone().unwrap();
        assert_eq!((h.date, h.date_line), (None, None));
        assert_eq!(h.url.as_deref(), Some("https://a.b/c"));
        // What would have been the date line is body text now.
        assert_eq!((body(&d), d.numbers()), (vec!["20220122"], vec![3]));
        let d = read_in("title", "T\nfirst\nsecond").unwrap();
        assert_eq!(d.header.as_ref().unwrap().url, None);
        assert_eq!(d.numbers(), vec![2, 3]);
    }

    #[test]
    fn names_the_layout_line_of_a_bad_header() {
        let e = read_in("url,title,date", "https://a.b\nT\n2022-13-22\nx").unwrap_err();
        assert!(matches!(e, Error::BadDate { line: 3, .. }), "{e:?}");
        assert!(e.hint().starts_with("line 3 must be the date"));
        let e = read_in("date,url,title", "20220122\nwww.a.b\nT\nx").unwrap_err();
        assert_eq!(
            e,
            Error::BadUrl {
                line: 2,
                found: "www.a.b".into()
            }
        );
        let e = read_in("url,title", "https://a.b\n \nx").unwrap_err();
        assert_eq!(e, Error::EmptyTitle { line: 2 });
        assert_eq!(e.hint(), "line 2 must hold the title");
        let e = read_in("url,title,date", "https://a.b\nT").unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert_eq!(
            e.to_string(),
            "the file ends before header line 3: no date line"
        );
        let e = read_in("url,date", "https://a.b").unwrap_err();
        assert_eq!(e.to_string(), "the file ends after the URL: no date line");
        assert_eq!(
            read_in("title,url", "T\nhttps://a.b\n\n").unwrap_err(),
            Error::NoBody { line: 3 }
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
            store(),
        )
        .unwrap();
        assert_eq!(d.header, None);
        assert_eq!(body(&d), vec!["a", "b"]);
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
