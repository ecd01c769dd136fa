//! Scrape simulator: writes a clean article the way the buggy scrapers do.
//!
//! newsdedup's claims ("every pattern comes back paragraph-exact, nothing is
//! lost") are only as good as the inputs they are tested on. This crate
//! makes those inputs from any clean article, deterministically from a seed,
//! so property tests, the corpus example and the benchmarks all exercise the
//! same artifact patterns and variants.

#![deny(missing_docs)]

use std::fmt;

/// How the scraper arranged the article's paragraphs into lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// One paragraph per line, as it should be.
    Clean,
    /// Line `i` holds paragraphs `i..n`, lines in order.
    SuffixOrdered,
    /// Line `i` holds paragraphs `i..n`, lines shuffled.
    SuffixShuffled,
    /// Line `i` holds paragraphs `1..=i`, lines in order.
    Prefix,
    /// Line `i` holds paragraphs `1..=i`, lines shuffled.
    PrefixShuffled,
    /// The whole article, one paragraph per line, written this many times.
    RepeatWhole(usize),
    /// Every run of this many consecutive paragraphs, one run per line. As
    /// in the scraped data seen so far, runs of 2 are used instead when the
    /// article has fewer than twice this many paragraphs (so every
    /// paragraph seam is some line's start or end).
    Window(usize),
}

impl Pattern {
    /// Every pattern, with the repeat counts and window sizes scrapers use.
    pub const ALL: [Pattern; 9] = [
        Pattern::Clean,
        Pattern::SuffixOrdered,
        Pattern::SuffixShuffled,
        Pattern::Prefix,
        Pattern::PrefixShuffled,
        Pattern::RepeatWhole(2),
        Pattern::RepeatWhole(3),
        Pattern::Window(2),
        Pattern::Window(3),
    ];
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pattern::Clean => write!(f, "clean"),
            Pattern::SuffixOrdered => write!(f, "suffix_ordered"),
            Pattern::SuffixShuffled => write!(f, "suffix_shuffled"),
            Pattern::Prefix => write!(f, "prefix"),
            Pattern::PrefixShuffled => write!(f, "prefix_shuffled"),
            Pattern::RepeatWhole(k) => write!(f, "repeat_whole{k}"),
            Pattern::Window(w) => write!(f, "window{w}"),
        }
    }
}

/// The text-level variants of a scrape, each independent of the pattern.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Variant {
    /// Join glued paragraphs with one space instead of nothing.
    pub space_separator: bool,
    /// End lines with CRLF.
    pub crlf: bool,
    /// Add trailing spaces or tabs to some lines.
    pub trailing_blanks: bool,
    /// Double some spaces or turn them into NBSP, in some copies only.
    pub noisy_spaces: bool,
    /// Put blank or whitespace-only lines between some body lines.
    pub blank_lines: bool,
    /// An agency credit glued after a space to the end of the last paragraph
    /// (`during talks. ANISputnik`); it is part of that paragraph.
    pub credit: Option<String>,
}

impl Variant {
    /// A variant drawn from `seed`: each feature on with probability 1/3.
    pub fn random(seed: u64) -> Variant {
        let mut rng = Rng::new(seed ^ 0x5eed_0f5c_4a9e);
        let mut on = || rng.below(3) == 0;
        let (space_separator, crlf, trailing_blanks, noisy_spaces, blank_lines, credit) =
            (on(), on(), on(), on(), on(), on());
        Variant {
            space_separator,
            crlf,
            trailing_blanks,
            noisy_spaces,
            blank_lines,
            credit: credit.then(|| CREDITS[rng.below(CREDITS.len())].to_string()),
        }
    }
}

const CREDITS: [&str; 4] = ["ANISputnik", "AFPReuters", "(Reuters)", "IANS"];

/// A clean article to scrape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source<'a> {
    /// Line 1.
    pub title: &'a str,
    /// Line 2, `YYYYMMDD`.
    pub date: &'a str,
    /// Line 3.
    pub url: &'a str,
    /// The paragraphs, each on one line, whitespace-normalised.
    pub paragraphs: &'a [String],
}

/// A scraped file and the article it must clean back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scrape {
    /// The file's bytes.
    pub text: String,
    /// The paragraphs a perfect cleaner returns (the credit, if any, is part
    /// of the last one).
    pub paragraphs: Vec<String>,
}

/// Writes `source` as a scraper with `pattern` and `variant` would;
/// `seed` drives the shuffles and the noise.
pub fn scrape(source: &Source, pattern: Pattern, variant: &Variant, seed: u64) -> Scrape {
    let mut rng = Rng::new(seed);
    let mut paragraphs = source.paragraphs.to_vec();
    if let (Some(credit), Some(last)) = (&variant.credit, paragraphs.last_mut()) {
        last.push(' ');
        last.push_str(credit);
    }
    let n = paragraphs.len();
    let mut runs: Vec<(usize, usize)> = match pattern {
        Pattern::Clean => (0..n).map(|i| (i, i + 1)).collect(),
        Pattern::SuffixOrdered | Pattern::SuffixShuffled => (0..n).map(|i| (i, n)).collect(),
        Pattern::Prefix | Pattern::PrefixShuffled => (1..=n).map(|i| (0, i)).collect(),
        Pattern::RepeatWhole(k) => (0..k.max(1))
            .flat_map(|_| (0..n).map(|i| (i, i + 1)))
            .collect(),
        Pattern::Window(w) => {
            let w = if n >= 2 * w { w } else { 2 }.clamp(1, n.max(1));
            (0..=n.saturating_sub(w)).map(|i| (i, i + w)).collect()
        }
    };
    if matches!(pattern, Pattern::SuffixShuffled | Pattern::PrefixShuffled) {
        rng.shuffle(&mut runs);
    }
    let eol = if variant.crlf { "\r\n" } else { "\n" };
    let sep = if variant.space_separator { " " } else { "" };
    let mut text = String::new();
    let header_line = |text: &mut String, s: &str, rng: &mut Rng| {
        text.push_str(s);
        if variant.trailing_blanks && rng.below(2) == 0 {
            text.push_str(" \t");
        }
        text.push_str(eol);
    };
    header_line(&mut text, source.title, &mut rng);
    header_line(&mut text, source.date, &mut rng);
    header_line(&mut text, source.url, &mut rng);
    for (a, b) in runs {
        let copies: Vec<String> = paragraphs[a..b]
            .iter()
            .map(|p| {
                if variant.noisy_spaces && rng.below(3) == 0 {
                    noisy(p, &mut rng)
                } else {
                    p.clone()
                }
            })
            .collect();
        text.push_str(&copies.join(sep));
        if variant.trailing_blanks && rng.below(3) == 0 {
            text.push_str(["  ", "\t", " \u{a0}"][rng.below(3)]);
        }
        text.push_str(eol);
        if variant.blank_lines && rng.below(3) == 0 {
            text.push_str(["", "   ", "\t"][rng.below(3)]);
            text.push_str(eol);
        }
    }
    Scrape { text, paragraphs }
}

/// Made-up news paragraphs, for benchmarks and tests where no real corpus
/// is at hand: 1-4 sentences each, news vocabulary, a number in each
/// sentence so that no two sentences are alike.
pub fn synthetic_paragraphs(seed: u64, n: usize) -> Vec<String> {
    const WORDS: [&str; 52] = [
        "the",
        "minister",
        "said",
        "on",
        "Friday",
        "that",
        "talks",
        "would",
        "resume",
        "in",
        "Geneva",
        "after",
        "a",
        "week",
        "of",
        "tension",
        "over",
        "trade",
        "tariffs",
        "and",
        "sanctions",
        "officials",
        "reported",
        "shares",
        "rose",
        "percent",
        "to",
        "$1.2bn",
        "U.S.",
        "analysts",
        "Mr.",
        "Smith",
        "expected",
        "markets",
        "fell",
        "central",
        "bank",
        "rates",
        "inflation",
        "growth",
        "government",
        "plan",
        "company",
        "profits",
        "year",
        "according",
        "sources",
        "statement",
        "\"We",
        "are",
        "ready\"",
        "NATO",
    ];
    const ENDS: [&str; 5] = [".", ".", "?", "!", ".\""];
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let sentences = 1 + rng.below(4);
            let mut p = String::new();
            for s in 0..sentences {
                if s > 0 {
                    p.push(' ');
                }
                let words = 8 + rng.below(16);
                for w in 0..words {
                    let word = WORDS[rng.below(WORDS.len())];
                    if w == 0 {
                        let mut c = word.chars();
                        p.extend(c.next().into_iter().flat_map(char::to_uppercase));
                        p.push_str(c.as_str());
                    } else {
                        p.push(' ');
                        p.push_str(word);
                    }
                    if w == words / 2 {
                        p.push_str(&format!(" {}.{}", rng.below(1000), rng.below(10)));
                    }
                }
                p.push_str(ENDS[rng.below(ENDS.len())]);
            }
            p
        })
        .collect()
}

/// Doubles some spaces and turns others into NBSP.
fn noisy(p: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(p.len() + 8);
    for c in p.chars() {
        if c == ' ' {
            match rng.below(6) {
                0 => out.push_str("  "),
                1 => out.push('\u{a0}'),
                _ => out.push(' '),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// splitmix64: small, fast and deterministic across platforms, which is all
/// the simulator needs (no dependency for it).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(paragraphs: &[String]) -> Source<'_> {
        Source {
            title: "T",
            date: "20220122",
            url: "https://a.b/c",
            paragraphs,
        }
    }

    fn ps(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("Paragraph {i} ends.")).collect()
    }

    fn body(s: &Scrape) -> Vec<&str> {
        s.text.lines().skip(3).collect()
    }

    #[test]
    fn suffix_lines_hold_each_paragraph_and_all_after_it() {
        let p = ps(3);
        let s = scrape(&source(&p), Pattern::SuffixOrdered, &Variant::default(), 1);
        assert_eq!(
            body(&s),
            vec![
                "Paragraph 1 ends.Paragraph 2 ends.Paragraph 3 ends.",
                "Paragraph 2 ends.Paragraph 3 ends.",
                "Paragraph 3 ends."
            ]
        );
        assert_eq!(s.paragraphs, p);
    }

    #[test]
    fn prefix_windows_and_repeats_have_the_right_runs() {
        let p = ps(6);
        let v = Variant {
            space_separator: true,
            ..Variant::default()
        };
        let pre = scrape(&source(&p), Pattern::Prefix, &v, 1);
        assert_eq!(body(&pre)[1], "Paragraph 1 ends. Paragraph 2 ends.");
        let win = scrape(&source(&p), Pattern::Window(3), &v, 1);
        assert_eq!(body(&win).len(), 4);
        let small = scrape(&source(&p[..4]), Pattern::Window(3), &v, 1);
        assert_eq!(body(&small).len(), 3, "3-windows need 6 paragraphs");
        let rep = scrape(&source(&p), Pattern::RepeatWhole(3), &v, 1);
        assert_eq!(body(&rep).len(), 18);
    }

    #[test]
    fn shuffles_are_deterministic_and_keep_every_line() {
        let p = ps(8);
        let a = scrape(&source(&p), Pattern::SuffixShuffled, &Variant::default(), 7);
        let b = scrape(&source(&p), Pattern::SuffixShuffled, &Variant::default(), 7);
        assert_eq!(a, b);
        let mut lines = body(&a);
        lines.sort_by_key(|l| std::cmp::Reverse(l.len()));
        let ordered = scrape(&source(&p), Pattern::SuffixOrdered, &Variant::default(), 7);
        assert_eq!(lines, body(&ordered));
    }

    #[test]
    fn synthetic_paragraphs_are_distinct_and_deterministic() {
        let a = synthetic_paragraphs(3, 50);
        assert_eq!(a, synthetic_paragraphs(3, 50));
        let distinct: std::collections::HashSet<_> = a.iter().collect();
        assert_eq!(distinct.len(), 50);
        assert!(a
            .iter()
            .all(|p| p.ends_with(['.', '?', '!', '"']) && !p.contains("  ")));
    }

    #[test]
    fn credit_joins_the_last_paragraph_and_crlf_ends_every_line() {
        let p = ps(2);
        let v = Variant {
            crlf: true,
            credit: Some("ANISputnik".into()),
            ..Variant::default()
        };
        let s = scrape(&source(&p), Pattern::Clean, &v, 1);
        assert_eq!(s.paragraphs[1], "Paragraph 2 ends. ANISputnik");
        assert_eq!(s.text.matches("\r\n").count(), 5);
        assert_eq!(s.text.matches('\n').count(), 5);
    }
}
