//! Explain: what became of each body line, worked out after the fact.
//!
//! A surprising output is understood, and reported, line by line: this line
//! was kept as paragraphs 2-3, that one was a copy of paragraph 2, this
//! short one a fragment of paragraph 4, that one a truncated copy (issue
//! 11, "users must be able to see why"). The fates are computed from the
//! cleaned paragraphs and the input lines alone, never from how [`dedup`]
//! found them, so they stay true whatever the method does, and they check
//! it: a line whose text is nowhere in the output (`not found`) breaks the
//! no-loss promise and is printed plainly, to be reported.
//!
//! A line's text is located in the output with whitespace squeezed out, as
//! the no-loss promise compares it (after HTML references are decoded, as
//! the reader gives it; an ellipsis `...` or `…` at either end marks a
//! cut-off copy and is removed). Where it starts on a paragraph boundary,
//! a table of the paragraphs' first bytes finds the paragraph and the line
//! is walked along the paragraphs, `memcmp` at a time; only lines that
//! start inside a paragraph (fragments, lines cut at the start) are
//! searched for in the whole text, all at once with one Aho-Corasick pass.
//! Either way the cost is about linear in the input.
//!
//! [`dedup`]: crate::dedup

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::error::Error;
use crate::Options;

/// What became of one body line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fate {
    /// The line's text is exactly paragraphs `first..=last`, and no earlier
    /// line gave those paragraphs.
    Kept,
    /// The line's text is exactly paragraphs `first..=last`, as an earlier
    /// line's was: a copy, dropped.
    Copy,
    /// The line's text lies inside paragraph `first`, or runs from inside
    /// `first` to inside `last`, not on their boundaries: dropped, no cut
    /// made.
    Fragment,
    /// The line had an ellipsis at its start or end, and the rest lies in
    /// paragraphs `first..=last`: a cut-off copy, dropped. A line that is
    /// nothing but an ellipsis has no paragraphs.
    Truncated,
    /// The line's text is whole paragraphs among `first..=last`, but in
    /// another order or repeated (`X.YX.Y`, an article that repeats a
    /// paragraph, which is kept once): a copy, dropped, counted with the
    /// copies.
    Rearranged,
    /// The line's text is nowhere in the output: text was lost, which must
    /// never happen (a bug to report).
    NotFound,
}

impl Fate {
    /// The fate's name in JSON: `kept`, `copy`, `fragment`, `truncated`,
    /// `rearranged`, `not found`.
    pub fn name(self) -> &'static str {
        match self {
            Fate::Kept => "kept",
            Fate::Copy => "copy",
            Fate::Fragment => "fragment",
            Fate::Truncated => "truncated",
            Fate::Rearranged => "rearranged",
            Fate::NotFound => "not found",
        }
    }
}

/// A line's fate and the paragraphs it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Placement {
    /// What became of the line.
    pub fate: Fate,
    /// The first and last paragraph concerned, numbered from 1; `None` for
    /// [`Fate::NotFound`] and a line of nothing but an ellipsis.
    pub paragraphs: Option<(usize, usize)>,
}

impl Placement {
    fn new(fate: Fate, first: usize, last: usize) -> Self {
        Placement {
            fate,
            paragraphs: Some((first + 1, last + 1)),
        }
    }

    const NOT_FOUND: Placement = Placement {
        fate: Fate::NotFound,
        paragraphs: None,
    };
}

/// `kept as paragraphs 2-3`, `copy of paragraph 2`, `fragment of paragraph
/// 4`, `truncated copy of paragraph 1`, `not found`.
impl fmt::Display for Placement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.fate {
            Fate::Kept => "kept as",
            Fate::Copy => "copy of",
            Fate::Fragment => "fragment of",
            Fate::Truncated => "truncated copy of",
            Fate::Rearranged => "rearranged copy of",
            Fate::NotFound => return f.write_str("not found"),
        };
        match self.paragraphs {
            None => write!(f, "{what} nothing (only an ellipsis)"),
            Some((a, b)) if a == b => write!(f, "{what} paragraph {a}"),
            Some((a, b)) => write!(f, "{what} paragraphs {a}-{b}"),
        }
    }
}

/// Body lines dropped, by kind: the JSON `stats.dropped`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// Lines that were exactly paragraphs an earlier line gave (or whole
    /// paragraphs rearranged, [`Fate::Rearranged`]).
    pub copies: u64,
    /// Lines found inside paragraphs, not on their boundaries.
    pub fragments: u64,
    /// Lines cut off at an ellipsis.
    pub truncated: u64,
}

impl Dropped {
    /// Counts the dropped lines among `fates`.
    pub fn count(fates: &[Placement]) -> Dropped {
        let mut d = Dropped::default();
        for p in fates {
            match p.fate {
                Fate::Copy | Fate::Rearranged => d.copies += 1,
                Fate::Fragment => d.fragments += 1,
                Fate::Truncated => d.truncated += 1,
                Fate::Kept | Fate::NotFound => {}
            }
        }
        d
    }
}

/// The fate of each of `lines` (body lines as the reader gives them) in
/// the article made of `paragraphs`, in order.
///
/// ```
/// use newsdedup::explain::{fates, Fate};
/// let paragraphs = ["First one.".to_string(), "Second one.".to_string()];
/// let lines = ["First one.Second one.", "Second one.", "one.Sec", "First…"];
/// let got: Vec<String> = fates(&lines, &paragraphs).iter().map(|p| p.to_string()).collect();
/// assert_eq!(
///     got,
///     [
///         "kept as paragraphs 1-2",
///         "kept as paragraph 2",
///         "fragment of paragraphs 1-2",
///         "truncated copy of paragraph 1",
///     ]
/// );
/// ```
pub fn fates<S: AsRef<str>>(lines: &[S], paragraphs: &[String]) -> Vec<Placement> {
    let index = Index::new(paragraphs);
    let mut given: HashSet<(usize, usize), Fx> = HashSet::default();
    given.reserve(lines.len());
    let mut out = Vec::with_capacity(lines.len());
    // Lines that start inside a paragraph: (line, text squeezed, cut off).
    let mut searched: Vec<(usize, Vec<u8>, bool)> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        let whole = index.place(line);
        let placement = if let Some(Walked::Exact(a, b)) = whole {
            kept_or_copy(&mut given, a, b)
        } else {
            match (strip_ellipsis(line), whole) {
                (Some(""), _) => Placement {
                    fate: Fate::Truncated,
                    paragraphs: None,
                },
                (Some(rest), _) => match index.place(rest) {
                    Some(Walked::Exact(a, b) | Walked::Inside(a, b)) => {
                        Placement::new(Fate::Truncated, a, b)
                    }
                    None => {
                        searched.push((k, squeeze(rest), true));
                        Placement::NOT_FOUND
                    }
                },
                (None, Some(Walked::Inside(a, b))) => Placement::new(Fate::Fragment, a, b),
                (None, _) => {
                    searched.push((k, squeeze(line), false));
                    Placement::NOT_FOUND
                }
            }
        };
        out.push(placement);
    }
    if !searched.is_empty() {
        search(&index, &searched, &mut given, &mut out);
        // Not in the output as one run: a line made of whole paragraphs in
        // another order or repeated (an article that repeats a paragraph
        // keeps it once) lost no text.
        for &(k, _, cut) in &searched {
            if out[k].fate != Fate::NotFound {
                continue;
            }
            let line = lines[k].as_ref();
            let text = if cut {
                strip_ellipsis(line).unwrap_or(line)
            } else {
                line
            };
            if let Some((a, b)) = index.decompose(text) {
                let fate = if cut {
                    Fate::Truncated
                } else {
                    Fate::Rearranged
                };
                out[k] = Placement::new(fate, a, b);
            }
        }
    }
    out
}

fn kept_or_copy(given: &mut HashSet<(usize, usize), Fx>, a: usize, b: usize) -> Placement {
    let fate = if given.insert((a, b)) {
        Fate::Kept
    } else {
        Fate::Copy
    };
    Placement::new(fate, a, b)
}

/// Places the lines that start inside a paragraph: one Aho-Corasick pass
/// over the squeezed output finds the first occurrence of each.
fn search(
    index: &Index,
    searched: &[(usize, Vec<u8>, bool)],
    given: &mut HashSet<(usize, usize), Fx>,
    out: &mut [Placement],
) {
    let (text, starts) = index.squeezed();
    let Ok(ac) = aho_corasick::AhoCorasick::new(searched.iter().map(|(_, t, _)| t)) else {
        return;
    };
    let mut found: Vec<Option<(usize, usize)>> = vec![None; searched.len()];
    let mut left = searched.len();
    for m in ac.find_overlapping_iter(&text) {
        let slot = &mut found[m.pattern().as_usize()];
        if slot.is_none() {
            *slot = Some((m.start(), m.end()));
            left -= 1;
            if left == 0 {
                break;
            }
        }
    }
    for ((k, _, cut), at) in searched.iter().zip(found) {
        let Some((s, e)) = at else { continue };
        // The paragraph holding byte `s`, and the one holding byte `e - 1`.
        let first = starts.partition_point(|&b| b <= s) - 1;
        let last = starts.partition_point(|&b| b < e) - 1;
        let on_boundaries = starts[first] == s && starts.get(last + 1) == Some(&e);
        out[*k] = if *cut {
            Placement::new(Fate::Truncated, first, last)
        } else if on_boundaries {
            kept_or_copy(given, first, last)
        } else {
            Placement::new(Fate::Fragment, first, last)
        };
    }
}

/// A line walked from a paragraph start: it ends exactly at the end of a
/// paragraph (`Exact(first, last)`), or inside one (`Inside`), 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Walked {
    Exact(usize, usize),
    Inside(usize, usize),
}

/// Squeezed bytes in a key: paragraphs are found by their first `KEY`
/// squeezed bytes (all of them if fewer).
const KEY: usize = 16;

/// The output paragraphs, found by their first squeezed bytes.
struct Index<'a> {
    paragraphs: &'a [String],
    /// Each paragraph's first index, by its text: a line that is one
    /// paragraph as written is found in one lookup, however many
    /// paragraphs start alike.
    whole: HashMap<&'a str, u32, Fx>,
    /// The longest paragraph, in bytes: longer lines are not looked up
    /// whole.
    longest: usize,
    /// The rest, built on the first line that is not one paragraph as
    /// written.
    starts: OnceCell<Starts>,
}

/// The paragraphs by their first `KEY` squeezed bytes.
struct Starts {
    map: HashMap<(u128, u8), Vec<u32>, Fx>,
    /// The squeezed lengths, below `KEY`, of short paragraphs.
    short: Vec<u8>,
}

impl Starts {
    fn new(paragraphs: &[String]) -> Self {
        let mut map: HashMap<(u128, u8), Vec<u32>, Fx> = HashMap::default();
        map.reserve(paragraphs.len());
        let mut short = Vec::new();
        for (i, p) in paragraphs.iter().enumerate() {
            let (key, len) = key(p);
            if len == 0 {
                continue;
            }
            if (len as usize) < KEY && !short.contains(&len) {
                short.push(len);
            }
            map.entry((key, len)).or_default().push(i as u32);
        }
        short.sort_unstable();
        Starts { map, short }
    }
}

impl<'a> Index<'a> {
    fn new(paragraphs: &'a [String]) -> Self {
        let mut whole: HashMap<&str, u32, Fx> = HashMap::default();
        whole.reserve(paragraphs.len());
        for (i, p) in paragraphs.iter().enumerate() {
            whole.entry(p.as_str()).or_insert(i as u32);
        }
        Index {
            paragraphs,
            whole,
            longest: paragraphs.iter().map(String::len).max().unwrap_or(0),
            starts: OnceCell::new(),
        }
    }

    /// Where `line` lies if it starts at a paragraph start: exactly on
    /// paragraph boundaries if it can, else ending inside a paragraph.
    fn place(&self, line: &str) -> Option<Walked> {
        let trimmed = line.trim();
        if trimmed.len() <= self.longest {
            if let Some(&i) = self.whole.get(trimmed) {
                return Some(Walked::Exact(i as usize, i as usize));
            }
        }
        let starts = self.starts.get_or_init(|| Starts::new(self.paragraphs));
        let (key, len) = key(line);
        let mut inside = None;
        let mut try_key = |k: (u128, u8)| -> Option<Walked> {
            for &i in starts.map.get(&k).into_iter().flatten() {
                match walk(line, self.paragraphs, i as usize) {
                    Some(w @ Walked::Exact(..)) => return Some(w),
                    Some(w) => {
                        inside.get_or_insert(w);
                    }
                    None => {}
                }
            }
            None
        };
        if len as usize == KEY {
            if let Some(w) = try_key((key, len)) {
                return Some(w);
            }
        }
        // Paragraphs shorter than a key, at the line's start.
        for &l in starts.short.iter().take_while(|&&l| l <= len) {
            if let Some(w) = try_key((truncate_key(key, l), l)) {
                return Some(w);
            }
        }
        inside
    }

    /// The first and last paragraph (0-based) of a line made of whole
    /// paragraphs in any order, repeats allowed, read greedily.
    fn decompose(&self, line: &str) -> Option<(usize, usize)> {
        let starts = self.starts.get_or_init(|| Starts::new(self.paragraphs));
        let mut pos = skip_ws(line, 0);
        let mut range: Option<(usize, usize)> = None;
        while pos < line.len() {
            let rest = &line[pos..];
            let (key, len) = key(rest);
            let keys = std::iter::once((key, len))
                .filter(|_| len as usize == KEY)
                .chain(
                    starts
                        .short
                        .iter()
                        .take_while(|&&l| l <= len)
                        .map(|&l| (truncate_key(key, l), l)),
                );
            let (i, n) = keys
                .flat_map(|k| starts.map.get(&k).into_iter().flatten())
                .find_map(|&i| {
                    let p = &self.paragraphs[i as usize];
                    match compare_squeezed(rest, p) {
                        Compared::Whole(n) => Some((i as usize, n)),
                        _ => None,
                    }
                })?;
            range = Some(range.map_or((i, i), |(a, b)| (a.min(i), b.max(i))));
            pos = skip_ws(line, pos + n);
        }
        range
    }

    /// The paragraphs squeezed and concatenated, and where each starts
    /// (with the end of the text last).
    fn squeezed(&self) -> (Vec<u8>, Vec<usize>) {
        let mut text = Vec::new();
        let mut starts = Vec::with_capacity(self.paragraphs.len() + 1);
        for p in self.paragraphs {
            starts.push(text.len());
            text.extend_from_slice(&squeeze(p));
        }
        starts.push(text.len());
        (text, starts)
    }
}

/// The first `KEY` squeezed bytes of `s` (fewer if it is shorter), packed
/// little-end first, and how many.
fn key(s: &str) -> (u128, u8) {
    // Most lines start with 16 ASCII bytes that are not whitespace.
    let t = s.trim_start().as_bytes();
    if let Some(head) = t.get(..KEY) {
        if head.iter().all(|&b| b.is_ascii_graphic()) {
            let head: [u8; KEY] = head.try_into().expect("KEY bytes");
            return (u128::from_le_bytes(head), KEY as u8);
        }
    }
    let mut key = [0u8; KEY];
    let mut len = 0;
    let mut buf = [0u8; 4];
    'chars: for c in s.chars().filter(|c| !c.is_whitespace()) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            if len == KEY {
                break 'chars;
            }
            key[len] = b;
            len += 1;
        }
    }
    (u128::from_le_bytes(key), len as u8)
}

/// The first `len` bytes of a key.
fn truncate_key(key: u128, len: u8) -> u128 {
    if len as usize >= KEY {
        key
    } else {
        key & ((1u128 << (8 * u32::from(len))) - 1)
    }
}

/// Walks `line` along the paragraphs from paragraph `i`, comparing with
/// whitespace squeezed out: a paragraph written as it is in the output is
/// compared in one `memcmp`, char by char only where spacing differs.
fn walk(line: &str, paragraphs: &[String], i: usize) -> Option<Walked> {
    let bytes = line.as_bytes();
    let mut pos = skip_ws(line, 0);
    let mut j = i;
    while pos < bytes.len() {
        let p = paragraphs.get(j)?;
        if bytes[pos..].starts_with(p.as_bytes()) {
            pos += p.len();
        } else {
            let mut same = common_prefix_len(&bytes[pos..], p.as_bytes());
            // Up to `same` the bytes agree; squeezed comparison from the
            // last char boundary before the first difference.
            while !p.is_char_boundary(same) {
                same -= 1;
            }
            match compare_squeezed(&line[pos + same..], &p[same..]) {
                Compared::Whole(n) => pos += same + n,
                Compared::LineEnded => return Some(Walked::Inside(i, j)),
                Compared::Differs => return None,
            }
        }
        pos = skip_ws(line, pos);
        j += 1;
    }
    (j > i).then(|| Walked::Exact(i, j - 1))
}

/// How many bytes `a` and `b` agree on from the start, 256 at a time.
fn common_prefix_len(a: &[u8], b: &[u8]) -> usize {
    const STEP: usize = 256;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + STEP <= n && a[i..i + STEP] == b[i..i + STEP] {
        i += STEP;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

enum Compared {
    /// The paragraph is all there, in this many bytes of the line.
    Whole(usize),
    /// The line ended first, agreeing so far.
    LineEnded,
    Differs,
}

/// Compares the start of `line` with all of `paragraph`, whitespace
/// squeezed out of both.
fn compare_squeezed(line: &str, paragraph: &str) -> Compared {
    let (l, p) = (line.as_bytes(), paragraph.as_bytes());
    let (mut i, mut j) = (0, 0);
    loop {
        j = skip_ws(paragraph, j);
        if j == p.len() {
            return Compared::Whole(i);
        }
        i = skip_ws(line, i);
        if i == l.len() {
            return Compared::LineEnded;
        }
        // The run of equal bytes up to the next difference, at memcmp
        // speed, ended on a char boundary (the bytes agree, so a boundary
        // in one is one in the other).
        let mut n = common_prefix_len(&l[i..], &p[j..]);
        while !line.is_char_boundary(i + n) {
            n -= 1;
        }
        if n == 0 {
            // Neither is at whitespace, and the chars differ.
            return Compared::Differs;
        }
        i += n;
        j += n;
    }
}

/// The first non-whitespace byte at or after `pos`.
fn skip_ws(s: &str, mut pos: usize) -> usize {
    let b = s.as_bytes();
    while let Some(&byte) = b.get(pos) {
        if byte < 0x80 {
            if !byte.is_ascii_whitespace() && byte != 0x0b {
                break;
            }
            pos += 1;
        } else {
            match s[pos..].chars().next() {
                Some(c) if c.is_whitespace() => pos += c.len_utf8(),
                _ => break,
            }
        }
    }
    pos
}

fn squeeze(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    out
}

/// `line` without the ellipsis (`...`, `…`) at its start or end that marks
/// a cut-off copy, or `None` if it has none: as the no-loss promise strips
/// it (every `...` then every `…` at each end).
fn strip_ellipsis(line: &str) -> Option<&str> {
    let t = line.trim();
    let rest = t.trim_start_matches("...").trim_start_matches('…').trim();
    let rest = rest.trim_end_matches("...").trim_end_matches('…').trim();
    (rest.len() != t.len()).then_some(rest)
}

/// One body line explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its line number in the input, from 1 (the header counts).
    pub number: usize,
    /// Its text as the reader gives it (references decoded).
    pub text: String,
    /// Whether HTML character references were decoded in it.
    pub decoded: bool,
    /// What became of it.
    pub placement: Placement,
}

/// An input cleaned, with the fate of each of its body lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The cleaned article ([`crate::clean`]'s, dropped lines counted).
    pub article: Article,
    /// Each non-blank body line, in input order.
    pub lines: Vec<Line>,
}

/// Cleans `input` as [`crate::clean`] does and explains each body line.
///
/// # Errors
///
/// As [`crate::clean`].
pub fn explain(input: &[u8], opts: &Options) -> Result<Explanation, Error> {
    let opts = Options {
        count_dropped: false,
        ..*opts
    };
    crate::read_and_rebuild(input, &opts, |doc, mut article| {
        let fates = fates(&doc.body, &article.paragraphs);
        article.stats.dropped = Some(Dropped::count(&fates));
        let lines = doc
            .body
            .iter()
            .zip(&doc.numbers)
            .zip(fates)
            .map(|((text, &number), placement)| Line {
                number,
                text: text.to_string(),
                decoded: matches!(text, std::borrow::Cow::Owned(_)),
                placement,
            })
            .collect();
        Explanation { article, lines }
    })
}

impl Explanation {
    /// Writes the explanation for people: a line per body line, `  4: kept
    /// as paragraphs 2-3 | Russia has repeatedly rejec…` (its line number,
    /// its fate, `decoded` if references were decoded in it, the start of
    /// its text), then a summary line.
    pub fn write_text<W: Write>(&self, mut w: W) -> io::Result<()> {
        let width = self
            .lines
            .last()
            .map_or(1, |l| l.number.to_string().len())
            .max(3);
        for line in &self.lines {
            let decoded = if line.decoded { ", decoded" } else { "" };
            writeln!(
                w,
                "{:>width$}: {}{decoded} | {}",
                line.number,
                line.placement,
                Prefix(&line.text)
            )?;
        }
        writeln!(w, "{}", self.summary())
    }

    /// `6 body lines, 6 paragraphs: 6 kept, 0 copies, 0 fragments, 0
    /// truncated copies`, and the lines not found if any (`; 1 not found:
    /// text was lost, please report this file`).
    pub fn summary(&self) -> String {
        let d = self.article.stats.dropped.unwrap_or_default();
        let count = |f| self.lines.iter().filter(|l| l.placement.fate == f).count();
        let (lines, paragraphs) = (
            self.lines.len() as u64,
            self.article.paragraphs.len() as u64,
        );
        let mut s = format!(
            "{lines} body {}, {paragraphs} {}: {} kept, {} {}, {} {}, {} truncated {}",
            plural(lines, "line", "lines"),
            plural(paragraphs, "paragraph", "paragraphs"),
            count(Fate::Kept),
            d.copies,
            plural(d.copies, "copy", "copies"),
            d.fragments,
            plural(d.fragments, "fragment", "fragments"),
            d.truncated,
            plural(d.truncated, "copy", "copies"),
        );
        let lost = count(Fate::NotFound);
        if lost > 0 {
            s.push_str(&format!(
                "; {lost} not found: text was lost, please report this file"
            ));
        }
        s
    }

    /// Writes the explanation as one JSON object and a newline:
    /// `paragraphs` (the cleaned paragraphs), `lines` (each `{line, fate,
    /// first, last, decoded, text}`; `first` and `last` number paragraphs
    /// from 1, `null` when not found) and `dropped` (as in `stats`).
    pub fn write_json<W: Write>(&self, mut w: W) -> io::Result<()> {
        #[derive(Serialize)]
        struct JsonLine<'a> {
            line: usize,
            fate: &'static str,
            first: Option<usize>,
            last: Option<usize>,
            decoded: bool,
            text: &'a str,
        }
        #[derive(Serialize)]
        struct Json<'a> {
            paragraphs: &'a [String],
            lines: Vec<JsonLine<'a>>,
            dropped: Dropped,
        }
        let json = Json {
            paragraphs: &self.article.paragraphs,
            lines: self
                .lines
                .iter()
                .map(|l| JsonLine {
                    line: l.number,
                    fate: l.placement.fate.name(),
                    first: l.placement.paragraphs.map(|p| p.0),
                    last: l.placement.paragraphs.map(|p| p.1),
                    decoded: l.decoded,
                    text: &l.text,
                })
                .collect(),
            dropped: self.article.stats.dropped.unwrap_or_default(),
        };
        serde_json::to_writer(&mut w, &json)?;
        w.write_all(b"\n")
    }
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The start of a line's text for people: its first 27 chars, whitespace
/// runs shown as one space, `…` if there is more.
struct Prefix<'a>(&'a str);

impl fmt::Display for Prefix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const CHARS: usize = 27;
        let mut words = self
            .0
            .split_whitespace()
            .flat_map(|w| std::iter::once(None).chain(w.chars().map(Some)));
        words.next(); // no space before the first word
        for (n, c) in words.enumerate() {
            if n == CHARS {
                return f.write_str("…");
            }
            match c {
                None => f.write_str(" ")?,
                Some(c) => fmt::Write::write_char(f, c)?,
            }
        }
        Ok(())
    }
}

/// A fast hasher for the small keys here (FxHash's multiply-rotate):
/// SipHash would cost more than the walk on short lines.
#[derive(Default)]
struct FxHasher(u64);

type Fx = BuildHasherDefault<FxHasher>;

const FX: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Four lanes over 32 bytes at a time, so long texts (a whole
        // paragraph) hash at memory speed rather than a multiply's latency.
        let mut blocks = bytes.chunks_exact(32);
        if bytes.len() >= 32 {
            let mut lanes = [self.0, 1, 2, 3];
            for block in &mut blocks {
                for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
                    let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
                    *lane = (lane.rotate_left(5) ^ w).wrapping_mul(FX);
                }
            }
            self.0 = lanes[0];
            for lane in &lanes[1..] {
                self.write_u64(*lane);
            }
        }
        let mut words = blocks.remainder().chunks_exact(8);
        for word in &mut words {
            self.write_u64(u64::from_le_bytes(word.try_into().expect("8 bytes")));
        }
        let mut last = [0u8; 8];
        let tail = words.remainder();
        last[..tail.len()].copy_from_slice(tail);
        self.write_u64(u64::from_le_bytes(last) ^ tail.len() as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(FX);
    }

    fn write_u128(&mut self, n: u128) {
        self.write_u64(n as u64);
        self.write_u64((n >> 64) as u64);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ps(ps: &[&str]) -> Vec<String> {
        ps.iter().map(|p| p.to_string()).collect()
    }

    fn shown(lines: &[&str], paragraphs: &[&str]) -> Vec<String> {
        fates(lines, &ps(paragraphs))
            .iter()
            .map(Placement::to_string)
            .collect()
    }

    const ARTICLE: [&str; 3] = [
        "Alpha opens the story with a fact.",
        "Beta carries it further, said Joe Biden.",
        "Gamma closes it.",
    ];

    #[test]
    fn a_cascade_is_kept_once_per_range() {
        let lines = [
            "Alpha opens the story with a fact.Beta carries it further, said Joe Biden.Gamma closes it.",
            "Beta carries it further, said Joe Biden.Gamma closes it.",
            "Gamma closes it.",
        ];
        assert_eq!(
            shown(&lines, &ARTICLE),
            [
                "kept as paragraphs 1-3",
                "kept as paragraphs 2-3",
                "kept as paragraph 3"
            ]
        );
    }

    #[test]
    fn a_later_line_giving_the_same_paragraphs_is_a_copy() {
        let lines = [
            "Gamma closes it.",
            "Alpha opens the story with a fact. Beta carries it further, said Joe Biden.",
            "  Gamma   closes\u{a0}it. ",
            "Alpha opens the story with a fact.Beta carries it further, said Joe Biden.",
        ];
        assert_eq!(
            shown(&lines, &ARTICLE),
            [
                "kept as paragraph 3",
                "kept as paragraphs 1-2",
                "copy of paragraph 3",
                "copy of paragraphs 1-2"
            ]
        );
        assert_eq!(
            Dropped::count(&fates(&lines, &ps(&ARTICLE))),
            Dropped {
                copies: 2,
                fragments: 0,
                truncated: 0
            }
        );
    }

    #[test]
    fn text_inside_a_paragraph_or_across_a_boundary_is_a_fragment() {
        let lines = [
            "Joe Biden",
            "Alpha opens",
            "with a fact.Beta",
            "Beta carries it further, said Joe Biden.Gamma",
            "fact. Beta carries it further, said Joe Biden. Gamma closes it.",
        ];
        assert_eq!(
            shown(&lines, &ARTICLE),
            [
                "fragment of paragraph 2",
                "fragment of paragraph 1",
                "fragment of paragraphs 1-2",
                "fragment of paragraphs 2-3",
                "fragment of paragraphs 1-3",
            ]
        );
    }

    #[test]
    fn a_line_with_an_ellipsis_is_a_truncated_copy() {
        let lines = [
            "Alpha opens the story...",
            "… carries it further",
            "Alpha opens the story with a fact. Beta carries …",
            "...",
        ];
        assert_eq!(
            shown(&lines, &ARTICLE),
            [
                "truncated copy of paragraph 1",
                "truncated copy of paragraph 2",
                "truncated copy of paragraphs 1-2",
                "truncated copy of nothing (only an ellipsis)",
            ]
        );
        let d = Dropped::count(&fates(&lines, &ps(&ARTICLE)));
        assert_eq!(d.truncated, 4);
    }

    #[test]
    fn a_paragraph_that_ends_in_an_ellipsis_is_kept_with_it() {
        let article = ["He paused...", "Then went on."];
        assert_eq!(
            shown(&["He paused...Then went on.", "He paused..."], &article),
            ["kept as paragraphs 1-2", "kept as paragraph 1"]
        );
    }

    #[test]
    fn text_not_in_the_output_is_reported() {
        assert_eq!(
            shown(
                &["Delta was lost.", "Alpha opens the story with a fact.X"],
                &ARTICLE
            ),
            ["not found", "not found"]
        );
    }

    #[test]
    fn whole_paragraphs_out_of_order_or_repeated_are_a_rearranged_copy() {
        let lines = [
            "Gamma closes it.Alpha opens the story with a fact.",
            "Alpha opens the story with a fact. Alpha opens the story with a fact.",
            "...Gamma closes it.Alpha opens the story with a fact.",
        ];
        assert_eq!(
            shown(&lines, &ARTICLE),
            [
                "rearranged copy of paragraphs 1-3",
                "rearranged copy of paragraph 1",
                "truncated copy of paragraphs 1-3",
            ]
        );
        assert_eq!(Dropped::count(&fates(&lines, &ps(&ARTICLE))).copies, 2);
    }

    #[test]
    fn short_paragraphs_are_found_below_the_key_length() {
        let article = ["Hi.", "Yes", "A longer paragraph to end on."];
        assert_eq!(
            shown(
                &["Hi.YesA longer paragraph to end on.", "Yes A longer", "Yes"],
                &article
            ),
            [
                "kept as paragraphs 1-3",
                "fragment of paragraphs 2-3",
                "kept as paragraph 2"
            ]
        );
    }

    #[test]
    fn a_repeated_start_picks_the_occurrence_on_boundaries() {
        // Both paragraphs start with the same 16+ bytes.
        let article = [
            "Photo Credit: Agency one, at the scene.",
            "Photo Credit: Agency two.",
        ];
        assert_eq!(
            shown(
                &["Photo Credit: Agency two.", "Photo Credit: Agency"],
                &article
            ),
            ["kept as paragraph 2", "fragment of paragraph 1"]
        );
    }

    #[test]
    fn explain_numbers_lines_and_marks_decoded_ones() {
        let input = "T\n20220122\nhttps://a.b/\nOne &amp; two.Three.\n\nThree.\nOne &amp; two.\n";
        let e = explain(input.as_bytes(), &Options::default()).unwrap();
        assert_eq!(e.article.paragraphs, ["One & two.", "Three."]);
        let got: Vec<(usize, String, bool)> = e
            .lines
            .iter()
            .map(|l| (l.number, l.placement.to_string(), l.decoded))
            .collect();
        assert_eq!(
            got,
            [
                (4, "kept as paragraphs 1-2".to_string(), true),
                (6, "kept as paragraph 2".to_string(), false),
                (7, "kept as paragraph 1".to_string(), true),
            ]
        );
        let mut out = Vec::new();
        e.write_text(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "  4: kept as paragraphs 1-2, decoded | One & two.Three.\n\
             \x20 6: kept as paragraph 2 | Three.\n\
             \x20 7: kept as paragraph 1, decoded | One & two.\n\
             3 body lines, 2 paragraphs: 3 kept, 0 copies, 0 fragments, 0 truncated copies\n"
        );
    }

    #[test]
    fn json_lists_each_line_with_its_paragraphs() {
        let input = "A one.B two.\nB two.\nA one…\n";
        let opts = Options {
            no_header: true,
            ..Options::default()
        };
        let mut out = Vec::new();
        explain(input.as_bytes(), &opts)
            .unwrap()
            .write_json(&mut out)
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v["lines"][2],
            serde_json::json!({"line": 3, "fate": "truncated", "first": 1, "last": 1,
                               "decoded": false, "text": "A one…"})
        );
        assert_eq!(
            v["dropped"],
            serde_json::json!({"copies": 0, "fragments": 0, "truncated": 1})
        );
    }

    #[test]
    fn the_summary_counts_in_the_singular_too() {
        let e = explain(
            b"One.\n",
            &Options {
                no_header: true,
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(
            e.summary(),
            "1 body line, 1 paragraph: 1 kept, 0 copies, 0 fragments, 0 truncated copies"
        );
        let lost = Explanation {
            lines: vec![Line {
                number: 1,
                text: "Gone.".into(),
                decoded: false,
                placement: Placement::NOT_FOUND,
            }],
            ..e
        };
        assert!(lost
            .summary()
            .ends_with("; 1 not found: text was lost, please report this file"));
    }

    #[test]
    fn spacing_differences_are_squeezed_out_even_inside_a_char_run() {
        let article = ["Em\u{2014}dash and \u{a9} here.", "Next."];
        assert_eq!(
            shown(
                &[
                    "Em\u{2000}\u{2014}dash  and\u{a0}\u{a9}\there.Next.",
                    "Em\u{2014}dash and \u{a9} here.\u{3000}Next.",
                    "Em\u{2014}dashand\u{a9}here",
                    "Em\u{2014}dash and \u{a8}",
                ],
                &article
            ),
            [
                "kept as paragraphs 1-2",
                "copy of paragraphs 1-2",
                "fragment of paragraph 1",
                "not found"
            ]
        );
    }

    #[test]
    fn prefixes_are_cut_at_27_chars() {
        assert_eq!(
            Prefix("Russia has repeatedly  rejected accusations").to_string(),
            "Russia has repeatedly rejec…"
        );
        assert_eq!(Prefix(" short\tline ").to_string(), "short line");
    }

    #[test]
    fn a_clean_with_count_dropped_fills_the_stats() {
        let input = "A one.B two.\nB two.\nB two.\nA one…\none\n";
        let opts = Options {
            no_header: true,
            count_dropped: true,
            ..Options::default()
        };
        let a = crate::clean(input.as_bytes(), &opts).unwrap();
        assert_eq!(
            a.stats.dropped,
            Some(Dropped {
                copies: 1,
                fragments: 1,
                truncated: 1
            })
        );
        let plain = crate::clean(
            input.as_bytes(),
            &Options {
                no_header: true,
                ..Options::default()
            },
        );
        assert_eq!(plain.unwrap().stats.dropped, None);
    }
}
