//! The data that flows out of the cleaner: metadata and paragraphs.
//!
//! These are plain values; turning them into bytes is the writer's job, and
//! sentence splitting happens on demand so text output never pays for it.

use std::fmt;

/// A calendar date from line 2 of a scraped file (`YYYYMMDD`).
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

/// The three header lines of a scraped file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Line 1, trimmed.
    pub title: String,
    /// Line 2, parsed.
    pub date: Date,
    /// Line 3, trimmed.
    pub url: String,
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
            .map_or(0, |h| h.title.len() + 8 + h.url.len() + 3);
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

    #[test]
    fn text_len_counts_header_paragraphs_and_newlines() {
        let a = Article::new(
            Some(Header {
                title: "T".into(),
                date: Date::parse_compact("20220122").unwrap(),
                url: "https://x.y/".into(),
            }),
            vec!["ab".into(), "c".into()],
            100,
            2,
        );
        // "T\n20220122\nhttps://x.y/\nab\nc\n"
        assert_eq!(a.stats.output_bytes, 2 + 9 + 13 + 3 + 2);
        assert_eq!(a.stats.removed_bytes, 100 - 29);
    }
}
