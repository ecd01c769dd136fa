//! The data that flows out of the cleaner: metadata and paragraphs.
//!
//! These are plain values; turning them into bytes is the writer's job, and
//! sentence splitting happens on demand so text output never pays for it.

use std::fmt;

/// A calendar date from the date line of a scraped file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 0..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, 1..=31 and valid for the month.
    pub day: u8,
}

impl Date {
    /// Parses `YYYYMMDD`; the error says what is wrong.
    pub fn parse_compact(s: &str) -> Result<Date, &'static str> {
        let b = s.as_bytes();
        if b.len() != 8 {
            return Err("it must be exactly 8 digits");
        }
        if !b.iter().all(u8::is_ascii_digit) {
            return Err("it must hold digits only");
        }
        let num = |r: std::ops::Range<usize>| {
            b[r].iter()
                .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'))
        };
        let (year, month, day) = (num(0..4), num(4..6), num(6..8));
        if !(1..=12).contains(&month) {
            return Err("the month is not between 01 and 12");
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err("that day does not exist in that month");
        }
        Ok(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses a header's date as scrapers write it; the error says what is
    /// wrong. Read, besides `YYYYMMDD`:
    ///
    /// - ISO 8601: `2022-01-22`, with or without a time and a zone
    ///   (`2022-01-22T10:30:00Z`, `2022-01-22 10:30:00.5+05:30`);
    /// - RFC 2822, as in feeds and mail: `Sat, 22 Jan 2022 10:30:00 +0000`;
    /// - the day and month name, the month's full or short name in English:
    ///   `22 Jan 2022`, `22 January 2022`, `January 22, 2022`, `Jan 22 2022`;
    /// - numbers with a separator: `2022/01/22`, `22.01.2022` (day first,
    ///   as where dots are written), and `22/01/2022` or `01/22/2022` only
    ///   when unambiguous: one of the first two numbers is over 12, or both
    ///   are the same (`03/04/2022` is refused: 3 April or March 4?).
    ///
    /// A date with a time is the calendar date as written, in its own zone,
    /// not converted to UTC (`2022-01-22T23:30:00-05:00` is 22 January).
    /// Parsing is chrono's, but for the numeric forms' ambiguity rule.
    pub fn parse(s: &str) -> Result<Date, &'static str> {
        use chrono::{DateTime, NaiveDate, NaiveDateTime};
        let b = s.as_bytes();
        if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
            return Date::parse_compact(s);
        }
        // ISO 8601 starts with the date: check it as the compact form is
        // checked, so a bad month or day says which.
        let iso = |b: &[u8]| {
            b.len() >= 10
                && b[4] == b'-'
                && b[7] == b'-'
                && [0, 1, 2, 3, 5, 6, 8, 9]
                    .iter()
                    .all(|&i| b[i].is_ascii_digit())
        };
        if iso(b) {
            let compact: String = [&s[0..4], &s[5..7], &s[8..10]].concat();
            let date = Date::parse_compact(&compact)?;
            let rest = &s[10..];
            if rest.is_empty() {
                return Ok(date);
            }
            let parsed = DateTime::parse_from_rfc3339(s)
                .map(|d| d.date_naive())
                .or_else(|_| {
                    [
                        "%Y-%m-%dT%H:%M:%S%.f%z",
                        "%Y-%m-%d %H:%M:%S%.f%z",
                        "%Y-%m-%dT%H:%M%z",
                    ]
                    .iter()
                    .find_map(|f| DateTime::parse_from_str(s, f).ok())
                    .map(|d| d.date_naive())
                    .ok_or(())
                })
                .or_else(|_| {
                    [
                        "%Y-%m-%dT%H:%M:%S%.f",
                        "%Y-%m-%dT%H:%M",
                        "%Y-%m-%d %H:%M:%S%.f",
                        "%Y-%m-%d %H:%M",
                    ]
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
                    .map(|d| d.date())
                    .ok_or(())
                });
            return match parsed {
                Ok(_) => Ok(date),
                Err(()) => Err("the time after the ISO 8601 date cannot be read"),
            };
        }
        if let Ok(d) = DateTime::parse_from_rfc2822(s) {
            return Ok(Date::from_chrono(d.date_naive()));
        }
        for format in ["%d %B %Y", "%B %d, %Y", "%B %d %Y", "%Y/%m/%d", "%d.%m.%Y"] {
            // chrono reads a year of any length; a scraper's has four digits.
            match NaiveDate::parse_from_str(s, format) {
                Ok(d) if (1000..=9999).contains(&chrono::Datelike::year(&d)) => {
                    return Ok(Date::from_chrono(d))
                }
                _ => {}
            }
        }
        if let Some([x, y, year]) = numbers(s, '/') {
            if year >= 1000 {
                let (day, month) = match (x, y) {
                    (x, y) if x == y => (x, y),
                    (x, y) if x > 12 && y <= 12 => (x, y),
                    (x, y) if y > 12 && x <= 12 => (y, x),
                    (x, y) if x <= 12 && y <= 12 => {
                        return Err(
                            "day and month could be either way round; write it as YYYY-MM-DD",
                        )
                    }
                    _ => return Err("neither of the first two numbers is a month"),
                };
                return NaiveDate::from_ymd_opt(year as i32, month, day)
                    .map(Date::from_chrono)
                    .ok_or("that day does not exist in that month");
            }
        }
        Err(
            "it is none of the forms read: 20220122, 2022-01-22 (ISO 8601, a time may follow), \
             Sat, 22 Jan 2022 10:30:00 +0000 (RFC 2822), 22 Jan 2022, January 22, 2022, \
             22/01/2022 (when unambiguous)",
        )
    }

    fn from_chrono(d: chrono::NaiveDate) -> Date {
        use chrono::Datelike;
        Date {
            year: d.year().clamp(0, 9999) as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        }
    }

    /// The date as `YYYYMMDD`, as scraped files write it.
    pub fn compact(&self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

/// ISO 8601 (`2022-01-22`), as JSON output writes it.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The three numbers of `a/b/c` (with `sep`), each of at most four digits.
fn numbers(s: &str, sep: char) -> Option<[u32; 3]> {
    let mut parts = s.split(sep).map(|p| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    });
    let out = [parts.next()??, parts.next()??, parts.next()??];
    parts.next().is_none().then_some(out)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// One of the header lines of a scraped file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderField {
    /// The article's title.
    Title,
    /// Its date ([`Date::parse`]).
    Date,
    /// Its URL, absolute `http://` or `https://`.
    Url,
}

impl HeaderField {
    /// The field's name in a layout: `title`, `date` or `url`.
    pub fn name(self) -> &'static str {
        match self {
            HeaderField::Title => "title",
            HeaderField::Date => "date",
            HeaderField::Url => "url",
        }
    }
}

impl fmt::Display for HeaderField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which header lines a scraped file has, in order: line 1 is the first
/// field, line 2 the second, and so on; the body follows them. Each field
/// appears at most once and at least one does. The default is
/// `title,date,url`; [`HeaderLayout::from_str`](std::str::FromStr) reads
/// the comma-separated form (`url,title,date`, `title,url`, `title`).
///
/// A field absent from the layout is absent from the [`Header`], and text
/// output writes the header lines back in the layout's order, so cleaning
/// a cleaned file with the same layout changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HeaderLayout {
    fields: [HeaderField; 3],
    len: u8,
}

impl HeaderLayout {
    /// The layout of today's scraper: title, date, URL.
    pub const DEFAULT: HeaderLayout = HeaderLayout {
        fields: [HeaderField::Title, HeaderField::Date, HeaderField::Url],
        len: 3,
    };

    /// The layout of `fields`, in order; an error if there is none or one
    /// is repeated.
    pub fn new(fields: &[HeaderField]) -> Result<HeaderLayout, HeaderLayoutError> {
        if fields.is_empty() {
            return Err(HeaderLayoutError::Empty);
        }
        let mut layout = HeaderLayout {
            fields: HeaderLayout::DEFAULT.fields,
            len: 0,
        };
        for &field in fields {
            if layout.fields().contains(&field) {
                return Err(HeaderLayoutError::Repeated(field));
            }
            layout.fields[usize::from(layout.len)] = field;
            layout.len += 1;
        }
        Ok(layout)
    }

    /// The fields, in the order of their lines.
    pub fn fields(&self) -> &[HeaderField] {
        &self.fields[..usize::from(self.len)]
    }

    /// How many header lines there are: the body starts on the line after.
    pub fn lines(&self) -> usize {
        usize::from(self.len)
    }

    /// The 1-based line of `field`, or `None` when the layout lacks it.
    pub fn line_of(&self, field: HeaderField) -> Option<usize> {
        self.fields()
            .iter()
            .position(|&f| f == field)
            .map(|i| i + 1)
    }
}

impl Default for HeaderLayout {
    fn default() -> Self {
        HeaderLayout::DEFAULT
    }
}

/// The comma-separated form, `title,date,url`.
impl fmt::Display for HeaderLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, field) in self.fields().iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(field.name())?;
        }
        Ok(())
    }
}

/// Reads `title,date,url`-style lists: the fields' names in the order of
/// their lines, separated by commas (spaces around a name are allowed).
impl std::str::FromStr for HeaderLayout {
    type Err = HeaderLayoutError;

    fn from_str(s: &str) -> Result<HeaderLayout, HeaderLayoutError> {
        if s.trim().is_empty() {
            return Err(HeaderLayoutError::Empty);
        }
        let mut fields = Vec::with_capacity(3);
        for name in s.split(',').map(str::trim) {
            fields.push(match name {
                "title" => HeaderField::Title,
                "date" => HeaderField::Date,
                "url" => HeaderField::Url,
                _ => return Err(HeaderLayoutError::Unknown(name.to_string())),
            });
            // A fourth name is a repeat of one of the three: say which.
            HeaderLayout::new(&fields)?;
        }
        HeaderLayout::new(&fields)
    }
}

/// Why a header layout cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HeaderLayoutError {
    /// No field is given.
    Empty,
    /// A name is not `title`, `date` or `url` (it may be empty, as in
    /// `title,,url`).
    Unknown(String),
    /// A field is given twice.
    Repeated(HeaderField),
}

impl HeaderLayoutError {
    /// A short suggestion for writing the layout.
    pub fn hint(&self) -> &'static str {
        "list title, date and url, each at most once, in the order of the file's first lines, \
         e.g. url,title,date or title,url"
    }
}

impl fmt::Display for HeaderLayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderLayoutError::Empty => write!(f, "the header layout names no field"),
            HeaderLayoutError::Unknown(name) => {
                write!(f, "{name:?} is not a header field (title, date or url)")
            }
            HeaderLayoutError::Repeated(field) => {
                write!(f, "{field} appears more than once in the header layout")
            }
        }
    }
}

impl std::error::Error for HeaderLayoutError {}

/// The header lines of a scraped file, as its [`HeaderLayout`] gives them.
/// A field is `Some` exactly when the layout has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The title line, trimmed.
    pub title: Option<String>,
    /// The date line, parsed ([`Date::parse`]).
    pub date: Option<Date>,
    /// The date line as written, trimmed: text output keeps it, so a
    /// cleaned file keeps its scraper's date format.
    pub date_line: Option<String>,
    /// The URL line, trimmed.
    pub url: Option<String>,
    /// Which lines the header has, in order: text output writes them back
    /// so.
    pub layout: HeaderLayout,
}

impl Header {
    /// A header of the default layout (title, date, URL).
    pub fn new(title: String, date: Date, date_line: String, url: String) -> Header {
        Header {
            title: Some(title),
            date: Some(date),
            date_line: Some(date_line),
            url: Some(url),
            layout: HeaderLayout::DEFAULT,
        }
    }

    /// The text of `field`'s line as text output writes it (for the date,
    /// the line as written), or `None` when the header has no such line.
    pub fn line(&self, field: HeaderField) -> Option<&str> {
        match field {
            HeaderField::Title => self.title.as_deref(),
            HeaderField::Date => self.date_line.as_deref(),
            HeaderField::Url => self.url.as_deref(),
        }
    }

    /// The header's lines in the layout's order, as text output writes
    /// them.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.layout
            .fields()
            .iter()
            .map(|&field| self.line(field).unwrap_or(""))
    }
}

/// Sizes before and after cleaning, for reports and JSON output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Bytes of the raw input.
    pub input_bytes: u64,
    /// Bytes of the cleaned article in text format.
    pub output_bytes: u64,
    /// Non-blank body lines in the input (after the header).
    pub body_lines: u64,
    /// Paragraphs in the cleaned article.
    pub paragraphs: u64,
    /// `input_bytes - output_bytes`, or 0 when cleaning added bytes (a missing
    /// final newline, say).
    pub removed_bytes: u64,
    /// The body lines dropped, by kind, when counted
    /// ([`crate::Options::count_dropped`]).
    pub dropped: Option<crate::explain::Dropped>,
}

/// A cleaned article: its metadata and each paragraph once, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The header, or `None` for body-only input (`--no-header`).
    pub header: Option<Header>,
    /// The paragraphs, whitespace-normalised, in the article's order.
    pub paragraphs: Vec<String>,
    /// Sizes before and after.
    pub stats: Stats,
    /// The language, when given (`--lang`, a JSONL `"lang"` field); `None`:
    /// see [`Article::language`].
    pub lang: Option<crate::lang::Lang>,
}

impl Article {
    /// Builds an article and fills in its statistics.
    pub fn new(
        header: Option<Header>,
        paragraphs: Vec<String>,
        input_bytes: u64,
        body_lines: u64,
    ) -> Self {
        let mut article = Article {
            header,
            paragraphs,
            stats: Stats::default(),
            lang: None,
        };
        let output_bytes = article.text_len() as u64;
        article.stats = Stats {
            input_bytes,
            output_bytes,
            body_lines,
            paragraphs: article.paragraphs.len() as u64,
            removed_bytes: input_bytes.saturating_sub(output_bytes),
            dropped: None,
        };
        article
    }

    /// Length in bytes of the text rendering (see [`crate::writer::write_text`]).
    pub fn text_len(&self) -> usize {
        let header = self
            .header
            .as_ref()
            .map_or(0, |h| h.lines().map(|l| l.len() + 1).sum::<usize>());
        header + self.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>()
    }

    /// The language: the one given, else the one detected from the
    /// paragraphs ([`crate::lang::detect`]); `None` when unsure.
    pub fn language(&self) -> Option<crate::lang::Lang> {
        self.lang.or_else(|| {
            // The first paragraphs are enough (the detector reads 2 KiB),
            // and of a long one its first 2 KiB: copied whole, a paragraph
            // of one huge line was held twice more for nothing (issue 13).
            // A cut at a char boundary past the limit leaves the detector
            // exactly the bytes it would have read.
            let limit = crate::lang::SAMPLE_BYTES;
            let mut sample = String::new();
            for p in &self.paragraphs {
                if sample.len() >= limit {
                    break;
                }
                let mut end = (limit - sample.len()).min(p.len());
                while !p.is_char_boundary(end) {
                    end += 1;
                }
                sample.push_str(&p[..end]);
                sample.push('\n');
            }
            crate::lang::detect(&sample)
        })
    }

    /// The sentences of each paragraph, split by the rules of its
    /// [`Article::language`].
    pub fn sentences(&self) -> Vec<Vec<&str>> {
        self.sentences_in(self.language())
    }

    /// The sentences of each paragraph, split by
    /// [`crate::sentences::split_in`] with the rules of `lang`.
    pub fn sentences_in(&self, lang: Option<crate::lang::Lang>) -> Vec<Vec<&str>> {
        self.paragraphs
            .iter()
            .map(|p| crate::sentences::split_in(p, lang))
            .collect()
    }
}

/// Whether two lines say the same words, whitespace aside: a header line
/// written again in the body, however the scraper spaced it.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates_and_leap_days() {
        assert_eq!(
            Date::parse_compact("20220122").unwrap().to_string(),
            "2022-01-22"
        );
        assert!(Date::parse_compact("20240229").is_ok());
        assert!(Date::parse_compact("20000229").is_ok());
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse_compact("20221345").is_err());
        assert!(Date::parse_compact("20230229").is_err());
        assert!(Date::parse_compact("19000229").is_err());
        assert!(Date::parse_compact("20220431").is_err());
        assert!(Date::parse_compact("20220100").is_err());
    }

    #[test]
    fn rejects_dates_of_the_wrong_shape() {
        assert!(Date::parse_compact("2022-01-22").is_err());
        assert!(Date::parse_compact("2022012").is_err());
        assert!(Date::parse_compact("2022O122").is_err());
    }

    fn iso(s: &str) -> Result<String, &'static str> {
        Date::parse(s).map(|d| d.to_string())
    }

    #[test]
    fn parses_the_date_forms_of_other_scrapers() {
        for form in [
            "20220122",
            "2022-01-22",
            "2022-01-22T10:30:00Z",
            "2022-01-22T10:30:00.123+05:30",
            "2022-01-22T23:30:00-05:00",
            "2022-01-22 10:30:00",
            "2022-01-22T10:30",
            "2022-01-22T10:30:00+0530",
            "Sat, 22 Jan 2022 10:30:00 +0000",
            "22 Jan 2022 10:30:00 GMT",
            "22 Jan 2022",
            "22 January 2022",
            "January 22, 2022",
            "Jan 22, 2022",
            "Jan 22 2022",
            "2022/01/22",
            "22.01.2022",
            "22/01/2022",
            "01/22/2022",
        ] {
            assert_eq!(iso(form), Ok("2022-01-22".to_string()), "{form}");
        }
        assert_eq!(iso("05/05/2022"), Ok("2022-05-05".to_string()));
        assert_eq!(iso("29 Feb 2024"), Ok("2024-02-29".to_string()));
    }

    #[test]
    fn refuses_ambiguous_impossible_and_unknown_dates_saying_why() {
        assert!(iso("03/04/2022").unwrap_err().contains("either way round"));
        assert!(iso("13/14/2022").unwrap_err().contains("neither"));
        assert_eq!(
            iso("31/04/2022"),
            Err("that day does not exist in that month")
        );
        assert_eq!(iso("2022-13-45"), Err("the month is not between 01 and 12"));
        assert_eq!(
            iso("2023-02-29"),
            Err("that day does not exist in that month")
        );
        assert!(iso("2022-01-22T25:00").unwrap_err().contains("time"));
        assert!(iso("30 Feb 2022")
            .unwrap_err()
            .contains("none of the forms"));
        assert!(iso("22 Jan 22").unwrap_err().contains("none of the forms"));
        assert!(iso("yesterday").unwrap_err().contains("none of the forms"));
        assert!(iso("").unwrap_err().contains("none of the forms"));
    }

    #[test]
    fn text_len_counts_header_paragraphs_and_newlines() {
        let a = Article::new(
            Some(Header::new(
                "T".into(),
                Date::parse_compact("20220122").unwrap(),
                "20220122".into(),
                "https://x.y/".into(),
            )),
            vec!["ab".into(), "c".into()],
            100,
            2,
        );
        // "T\n20220122\nhttps://x.y/\nab\nc\n"
        assert_eq!(a.stats.output_bytes, 2 + 9 + 13 + 3 + 2);
        assert_eq!(a.stats.removed_bytes, 100 - 29);
    }

    #[test]
    fn reads_header_layouts_and_refuses_bad_ones_saying_why() {
        use HeaderField::*;
        let layout = |s: &str| s.parse::<HeaderLayout>();
        assert_eq!(layout("title,date,url"), Ok(HeaderLayout::DEFAULT));
        assert_eq!(HeaderLayout::default().to_string(), "title,date,url");
        let l = layout("url, title,date").unwrap();
        assert_eq!(l.fields(), [Url, Title, Date]);
        assert_eq!((l.line_of(Date), l.lines()), (Some(3), 3));
        assert_eq!(l.to_string(), "url,title,date");
        let l = layout("title").unwrap();
        assert_eq!((l.fields(), l.line_of(Url)), (&[Title][..], None));
        assert_eq!(layout(""), Err(HeaderLayoutError::Empty));
        assert_eq!(layout(" "), Err(HeaderLayoutError::Empty));
        assert_eq!(
            layout("title,url,title"),
            Err(HeaderLayoutError::Repeated(Title))
        );
        assert_eq!(
            layout("title,,url"),
            Err(HeaderLayoutError::Unknown(String::new()))
        );
        assert_eq!(
            layout("title,body").unwrap_err().to_string(),
            "\"body\" is not a header field (title, date or url)"
        );
        assert_eq!(
            layout("date,date").unwrap_err().to_string(),
            "date appears more than once in the header layout"
        );
    }

    #[test]
    fn text_len_counts_only_the_lines_of_the_layout() {
        let header = Header {
            title: Some("T".into()),
            date: None,
            date_line: None,
            url: Some("https://x.y/".into()),
            layout: "url,title".parse().unwrap(),
        };
        assert_eq!(header.lines().collect::<Vec<_>>(), ["https://x.y/", "T"]);
        let a = Article::new(Some(header), vec!["ab".into()], 100, 1);
        assert_eq!(a.stats.output_bytes, 13 + 2 + 3);
    }
}
