//! newsdedup rebuilds clean news articles from scraped files.
//!
//! A common scraper bug writes each paragraph followed by every paragraph
//! after it, glued with no separator, lines in any order, so one article's
//! paragraphs appear many times over. newsdedup reads such a file, finds
//! where the glued paragraphs begin and end, and writes each paragraph once,
//! in order, with the title, date and URL.
//!
//! # The public API
//!
//! - [`clean`] with its [`Options`] (the header's lines and their order a
//!   [`HeaderLayout`]): one scraped file's bytes to an [`Article`]
//!   ([`Header`], [`Date`], [`Stats`], paragraphs), or an [`Error`] that
//!   names the line and gives a hint; [`clean_owned`] the same of bytes
//!   handed over, which it frees as the paragraphs are made ([`Cleaned`]);
//! - [`writer`]: an article as text (the scraped layout) or JSON;
//! - [`jsonl`]: the same cleaning per JSON Lines record ([`jsonl::Record`],
//!   [`jsonl::clean_line`]) and as a streaming filter ([`jsonl::Filter`]);
//! - [`dedup`] and [`sentences`]: the two methods on their own
//!   ([`dedup::rebuild`], [`dedup::normalize`], [`sentences::split`],
//!   [`sentences::split_in`] with a language's rules);
//! - [`lang`]: an article's language, given or detected;
//! - [`duplicates`]: across a corpus, the articles that are copies of one
//!   another grouped, and the one of each group to keep;
//! - [`decode_entities`]: HTML character references decoded, as the
//!   reader does;
//! - [`explain`]: what became of each body line (kept as paragraphs, a
//!   copy, a fragment, a truncated copy), worked out from the cleaned
//!   article alone.
//!
//! # Inside
//!
//! The data flows through three modules: `reader` (bytes to header and
//! body lines, private), [`dedup`] (body lines to paragraphs) and
//! [`writer`] (article to text or JSON); [`clean`] runs the first two, and
//! `article` and `error` hold the types it returns. [`sentences`] splits
//! paragraphs for JSON output, and `parallel` is the worker pool of the
//! JSONL filter. Walking directories, writing files, progress and reports
//! are the `newsdedup` binary's (`src/main.rs` and the modules it declares),
//! and the scrape simulator that tests and benchmarks use is the
//! unpublished workspace crate `newsdedup-simulate` (`crates/simulate`).
//!
//! ```
//! let scraped = "Title\n20220122\nhttps://example.com/a\n\
//!                Second paragraph here.Third and last one.\n\
//!                First paragraph of it.Second paragraph here.Third and last one.\n\
//!                Third and last one.\n";
//! let article = newsdedup::clean(scraped.as_bytes(), &newsdedup::Options::default())?;
//! assert_eq!(
//!     article.paragraphs,
//!     ["First paragraph of it.", "Second paragraph here.", "Third and last one."]
//! );
//! # Ok::<(), newsdedup::Error>(())
//! ```
#![deny(missing_docs)]

mod article;
pub mod dedup;
pub mod duplicates;
mod error;
pub mod explain;
pub mod jsonl;
pub mod lang;
mod parallel;
mod reader;
pub mod sentences;
pub mod writer;

pub use article::{Article, Date, Header, HeaderField, HeaderLayout, HeaderLayoutError, Stats};
pub use error::Error;
pub use reader::decode_entities;

/// How to clean an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The input holds body text only: no title, date and URL lines
    /// (`header` is then not read).
    pub no_header: bool,
    /// Which header lines the input starts with, in order (`--header`):
    /// by default title, date, URL. A field the layout lacks is `None` in
    /// the [`Header`], and text output writes the header back in this
    /// order. JSON Lines records name their fields, so
    /// [`jsonl`] ignores it.
    pub header: HeaderLayout,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
    /// Refuse inputs larger than this many bytes.
    pub max_bytes: u64,
    /// Leave HTML character references (`&amp;`, `&#39;`) as written
    /// instead of decoding them in the title and the body.
    pub keep_entities: bool,
    /// The articles' language, given (`--lang`); `None`: detected from
    /// each article's text when its sentences are written as JSON.
    pub lang: Option<lang::Lang>,
    /// Also count the body lines dropped as copies, fragments and
    /// truncated copies ([`Stats::dropped`], see [`explain`]): one more
    /// pass over the body, so it is off by default and on for JSON output.
    pub count_dropped: bool,
}

/// The default `max_bytes`: 256 MiB, far above any article, low enough to
/// stop a mistaken path (a disk image, a log) early.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            no_header: false,
            header: HeaderLayout::DEFAULT,
            lossy: false,
            max_bytes: DEFAULT_MAX_BYTES,
            keep_entities: false,
            lang: None,
            count_dropped: false,
        }
    }
}

/// Cleans one scraped file: checks and parses it, then rebuilds its
/// paragraphs, each once and in order.
///
/// Any bytes are accepted as input: this never panics on bad input, and
/// takes time and memory roughly linear in its size.
///
/// Complexity: *O(n)* time in the input's length `n`, on every input shape
/// `scripts/shapes.py` tries (runs of one char, punctuation soup, one huge
/// line, millions of tiny lines: at most 0.1 s/MB there); *O(n)* memory,
/// the input not counted: about 2 copies of the body for one long line,
/// 4 bytes a body line and about 100 a distinct line or paragraph more
/// while it is cleaned, and the article's `String`s once cleaned (about 88
/// bytes a short paragraph), held beside the input: a million glued
/// paragraphs take several times their bytes (see the README's table of
/// shapes). [`clean_owned`] gives the input up to the cleaner, which frees
/// it as the `String`s are made.
///
/// # Errors
///
/// An [`Error`] that says what is wrong with the input and on which line:
/// over `opts.max_bytes`; not UTF-8 (UTF-16, NUL bytes, invalid sequences
/// unless `opts.lossy`); empty or whitespace only; a missing, empty or
/// malformed header line of `opts.header`, named by its line in that
/// layout (unless `opts.no_header`); no body text.
pub fn clean(input: &[u8], opts: &Options) -> Result<Article, Error> {
    read_and_rebuild(input, opts, |_, article, _| article)
}

/// An input cleaned by [`clean_owned`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The article, as [`clean`] makes it.
    pub article: Article,
    /// Its text form ([`writer::write_text`]) is the input, byte for
    /// byte: cleaning changes nothing.
    pub unchanged: bool,
}

/// [`clean`] of an input handed over: its buffer becomes the text (not
/// copied, where it is UTF-8 as inputs are), and the paragraphs are cut
/// from it as it is freed. An input of one huge line, cut into as many
/// paragraphs as it glues, is not held beside them: for a line of 80 MB
/// of 1.66 million glued paragraphs `clean` holds the input and 146 MB of
/// `String`s at its end, this the `String`s (issue 13). Also tells whether
/// the text form is the input ([`Cleaned::unchanged`]), found before the
/// input is given up. The command cleans every input so but those it
/// diffs (`--check --diff`), as does [`jsonl`] a record's text.
///
/// Complexity: as [`clean`]; memory as [`clean`]'s while the input is
/// cleaned, and once cleaned the article alone: a line of 80 MB of glued
/// paragraphs peaks at 170 MB (twice the input and 32 MiB would be 194).
///
/// # Errors
///
/// As [`clean`].
pub fn clean_owned(input: Vec<u8>, opts: &Options) -> Result<Cleaned, Error> {
    let size = input.len() as u64;
    if size > opts.max_bytes {
        return Err(Error::TooLarge {
            size,
            max: opts.max_bytes,
        });
    }
    let (text, original) = reader::decode_owned(input, opts.lossy)?;
    // What reads the text is done in here, and the paragraphs detached
    // from it, before it is given up.
    let (header, body_lines, dropped, unchanged, detached) = {
        let mut decoded = reader::Decoded::new();
        let mut doc = reader::parse(&text, read_options(opts), &mut decoded)?;
        let copies = doc.header_copies();
        let texts = std::mem::take(&mut doc.texts);
        let lines = dedup::Lines::interned(texts, &doc.ids);
        let (paragraphs, description) = rebuild_body(&lines, &copies);
        doc.texts = lines.into_texts();
        let header = doc.header.take();
        let skip = headline(paragraphs.iter(), header.as_ref());
        let dropped = opts.count_dropped.then(|| {
            let paragraphs: Vec<&str> = paragraphs.iter().skip(skip).collect();
            let aside = explain::SetAside::new(header.as_ref(), description);
            explain::Dropped::count_lines(&doc.texts, &doc.ids, &paragraphs, &aside)
        });
        let unchanged = original.parts(&text).is_some_and(|parts| {
            writer::text_is(header.as_ref(), paragraphs.iter().skip(skip), &parts)
        });
        let body_lines = doc.ids.len() as u64;
        (
            header,
            body_lines,
            dropped,
            unchanged,
            (skip, paragraphs.detach(&text)),
        )
    };
    drop(original);
    let (skip, detached) = detached;
    let mut paragraphs = detached.into_strings(text);
    paragraphs.drain(..skip);
    let mut article = Article::new(header, paragraphs, size, body_lines);
    article.lang = opts.lang;
    article.stats.dropped = dropped;
    Ok(Cleaned { article, unchanged })
}

/// The article rebuilt from the body `lines` but those that are the
/// header written again (`header_copies`, sorted line indices:
/// [`reader::Document::header_copies`]) and the page's description
/// written before the article ([`dedup::description`]), whose line index
/// is given back with the paragraphs.
fn rebuild_body<'a>(
    lines: &dedup::Lines<'a>,
    header_copies: &[usize],
) -> (dedup::Paragraphs<'a>, Option<usize>) {
    let description = dedup::description(lines, header_copies);
    if header_copies.is_empty() && description.is_none() {
        return (dedup::rebuild_lines(lines), None);
    }
    let mut aside = header_copies.to_vec();
    if let Some(d) = description {
        let at = aside.partition_point(|&i| i < d);
        aside.insert(at, d);
    }
    // Typeset copies are made one over all the lines, as `--explain` reads
    // them, before the header's are set aside.
    let unified = dedup::typeset_unified(lines);
    let lines = unified.as_ref().unwrap_or(lines);
    let kept = lines.filtered(|i, _| aside.binary_search(&i).is_err());
    (dedup::rebuild_lines(&kept), description)
}

/// How many paragraphs to drop from the start of `paragraphs`: the first
/// where it is the title (whitespace aside) and others follow. A page's
/// headline, which an element walk writes before the article or inside
/// the container that holds it, is the header's, not the body's.
fn headline<'p>(mut paragraphs: impl Iterator<Item = &'p str>, header: Option<&Header>) -> usize {
    let Some((h, title)) = header.and_then(|h| Some((h, h.title.as_deref()?))) else {
        return 0;
    };
    let same = article::same_words;
    // Some paragraph after it is the body's, not a header line (a file of
    // nothing but its header twice is left as it is).
    let first = paragraphs.next();
    usize::from(
        !title.trim().is_empty()
            && first.is_some_and(|p| same(p, title))
            && paragraphs.any(|p| !h.lines().any(|o| same(p, o))),
    )
}

/// How the reader reads an input cleaned with `opts`.
fn read_options(opts: &Options) -> reader::ReadOptions {
    reader::ReadOptions {
        no_header: opts.no_header,
        header: opts.header,
        keep_entities: opts.keep_entities,
    }
}

/// [`clean`], handing the body lines as read to `then` with the article and
/// the index of the body line set aside as the page's description.
pub(crate) fn read_and_rebuild<R>(
    input: &[u8],
    opts: &Options,
    then: impl FnOnce(&reader::Document<'_>, Article, Option<usize>) -> R,
) -> Result<R, Error> {
    if input.len() as u64 > opts.max_bytes {
        return Err(Error::TooLarge {
            size: input.len() as u64,
            max: opts.max_bytes,
        });
    }
    let text = reader::decode(input, opts.lossy)?;
    let mut decoded = reader::Decoded::new();
    let mut doc = reader::parse(&text, read_options(opts), &mut decoded)?;
    // The lines' texts move into the rebuild and back, not copied.
    let copies = doc.header_copies();
    let texts = std::mem::take(&mut doc.texts);
    let lines = dedup::Lines::interned(texts, &doc.ids);
    let (paragraphs, description) = rebuild_body(&lines, &copies);
    let mut paragraphs = paragraphs.into_strings();
    doc.texts = lines.into_texts();
    let skip = headline(paragraphs.iter().map(String::as_str), doc.header.as_ref());
    paragraphs.drain(..skip);
    let mut article = Article::new(
        doc.header.take(),
        paragraphs,
        input.len() as u64,
        doc.ids.len() as u64,
    );
    article.lang = opts.lang;
    if opts.count_dropped {
        let aside = explain::SetAside::new(article.header.as_ref(), description);
        let dropped =
            explain::Dropped::count_lines(&doc.texts, &doc.ids, &article.paragraphs, &aside);
        article.stats.dropped = Some(dropped);
    }
    Ok(then(&doc, article, description))
}
