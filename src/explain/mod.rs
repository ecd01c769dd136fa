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

mod index;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::error::Error;
use crate::Options;

use index::{search, squeeze, strip_ellipsis, Fx, Index, Walked};

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
    /// The line is the header written again (the title as the first body
    /// line, or the header's lines in a row): not body, dropped, counted
    /// with the copies.
    Header,
    /// The line is the page's description, written before the article and
    /// held by none of its lines (`src/dedup/description.rs`): not the
    /// article's text, dropped.
    Description,
    /// The line's text is nowhere in the output: text was lost, which must
    /// never happen (a bug to report).
    NotFound,
}

impl Fate {
    /// The fate's name in JSON: `kept`, `copy`, `fragment`, `truncated`,
    /// `rearranged`, `header`, `description`, `not found`.
    pub fn name(self) -> &'static str {
        match self {
            Fate::Kept => "kept",
            Fate::Copy => "copy",
            Fate::Fragment => "fragment",
            Fate::Truncated => "truncated",
            Fate::Rearranged => "rearranged",
            Fate::Header => "header",
            Fate::Description => "description",
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
    /// [`Fate::NotFound`], [`Fate::Header`], [`Fate::Description`] and a line of nothing but an
    /// ellipsis.
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
            Fate::Header => return f.write_str("copy of the header"),
            Fate::Description => return f.write_str("the page's description, not the article"),
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
    /// The page's description written before the article (0 or 1);
    /// written in JSON only when there is one.
    #[serde(skip_serializing_if = "is_zero")]
    pub description: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Dropped {
    /// Counts the dropped lines among `fates`.
    pub fn count(fates: &[Placement]) -> Dropped {
        let mut d = Dropped::default();
        for p in fates {
            d.add(p.fate);
        }
        d
    }

    fn add(&mut self, fate: Fate) {
        match fate {
            Fate::Copy | Fate::Rearranged | Fate::Header => self.copies += 1,
            Fate::Fragment => self.fragments += 1,
            Fate::Truncated => self.truncated += 1,
            Fate::Description => self.description += 1,
            Fate::Kept | Fate::NotFound => {}
        }
    }

    /// [`Dropped::count`] of the [`fates`] of the lines `ids` picks from
    /// `texts` (each text in order of its first line), each text's fate
    /// worked out once: a table of every line's fate would cost millions
    /// of entries for millions of tiny lines (issue 13). A text's first
    /// line has the fate it has as a line of `texts`, since the lines
    /// before it hold only texts before it; each line after it repeats
    /// that fate, but for being a copy of what that one kept.
    /// Lines not in the output that cleaning set aside have their fates
    /// ([`SetAside::mark`]).
    pub(crate) fn count_lines<P: AsRef<str>>(
        texts: &[&str],
        ids: &[u32],
        paragraphs: &[P],
        aside: &SetAside,
    ) -> Dropped {
        let mut fates = fates(texts, paragraphs);
        // The description's line, as the text it is.
        let aside = SetAside {
            description: aside.description.map(|d| ids[d] as usize),
            ..aside.clone()
        };
        aside.mark(&mut fates, texts, paragraphs);
        let mut seen = vec![false; texts.len()];
        let mut d = Dropped::default();
        for &k in ids {
            let fate = fates[k as usize].fate;
            let seen = std::mem::replace(&mut seen[k as usize], true);
            d.add(if seen && fate == Fate::Kept {
                Fate::Copy
            } else {
                fate
            });
        }
        d
    }
}

/// What cleaning set aside before it rebuilt the body, to tell the fates
/// of the lines the output does not hold.
#[derive(Clone)]
pub(crate) struct SetAside<'h> {
    /// The header's lines as written ([`Header::lines`](crate::article::Header::lines)).
    header: Vec<&'h str>,
    /// The header's title.
    title: Option<&'h str>,
    /// The index of the line that is the page's description.
    description: Option<usize>,
}

impl<'h> SetAside<'h> {
    /// The header's copies, and the body line `description` (an index
    /// into the body lines) set aside as the page's description.
    pub(crate) fn new(
        header: Option<&'h crate::article::Header>,
        description: Option<usize>,
    ) -> Self {
        SetAside {
            header: header.map_or_else(Vec::new, |h| h.lines().collect()),
            title: header.and_then(|h| h.title.as_deref()),
            description,
        }
    }

    /// Marks the lines of `lines` the output does not hold: the header's
    /// copies ([`mark_header`]), and the description's line.
    fn mark<S: AsRef<str>, P: AsRef<str>>(
        &self,
        placed: &mut Vec<Placement>,
        lines: &[S],
        paragraphs: &[P],
    ) {
        mark_header(placed, lines, &self.header, self.title, paragraphs);
        if let Some(p) = self.description.and_then(|d| placed.get_mut(d)) {
            if p.fate == Fate::NotFound {
                *p = Placement {
                    fate: Fate::Description,
                    paragraphs: None,
                };
            }
        }
    }
}

/// Each of `lines` that is nowhere in the output (`placed`, their fates)
/// but is one of the `header` lines written again (whitespace aside) is a
/// copy of the header: cleaning drops the page's headline written as the
/// article's first line, and the header written again by a scraper run
/// twice. One that opens with the `title` is placed by the
/// rest of it (the headline and the article: an element walk's
/// container), all lines placed again so that the first to give a
/// paragraph keeps it.
pub(crate) fn mark_header<S: AsRef<str>, P: AsRef<str>>(
    placed: &mut Vec<Placement>,
    lines: &[S],
    header: &[&str],
    title: Option<&str>,
    paragraphs: &[P],
) {
    let is_header = |line: &str| header.iter().any(|h| crate::article::same_words(line, h));
    let title = title.map(crate::dedup::normalize).filter(|t| !t.is_empty());
    // Glued to it or not: a glued seam is split wherever it is.
    let after_title = |line: &str| -> Option<String> {
        let title = title.as_deref()?;
        let line = crate::dedup::normalize(line);
        let rest = line.strip_prefix(title)?.trim_start();
        (!rest.is_empty()).then(|| rest.to_string())
    };
    let mut rests: Vec<(usize, String)> = Vec::new();
    for (i, (p, line)) in placed.iter().zip(lines).enumerate() {
        let line = line.as_ref();
        if p.fate == Fate::NotFound && !is_header(line) {
            if let Some(rest) = after_title(line) {
                rests.push((i, rest));
            }
        }
    }
    if !rests.is_empty() {
        let mut texts: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
        for (i, rest) in &rests {
            texts[*i] = rest;
        }
        *placed = fates(&texts, paragraphs);
    }
    for (p, line) in placed.iter_mut().zip(lines) {
        if p.fate == Fate::NotFound && is_header(line.as_ref()) {
            *p = Placement {
                fate: Fate::Header,
                paragraphs: None,
            };
        }
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
pub fn fates<S: AsRef<str>, P: AsRef<str>>(lines: &[S], paragraphs: &[P]) -> Vec<Placement> {
    // A typeset copy of a line is placed as the text cleaning made it
    // (`dedup::typeset`): the line it was made one with.
    let texts: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
    let unified = crate::dedup::typeset_alike(&texts);
    let lines = unified.as_deref().unwrap_or(&texts);
    let index = Index::new(paragraphs);
    let mut given: HashSet<(usize, usize), Fx> = HashSet::default();
    given.reserve(lines.len());
    let mut out = Vec::with_capacity(lines.len());
    // Lines that start inside a paragraph: (line, text squeezed, cut off).
    let mut searched: Vec<(usize, Vec<u8>, bool)> = Vec::new();
    for (k, &line) in lines.iter().enumerate() {
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
            let line = lines[k];
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
    crate::read_and_rebuild(input, &opts, |doc, mut article, description| {
        let body: Vec<&str> = doc.lines().collect();
        let mut fates = fates(&body, &article.paragraphs);
        SetAside::new(article.header.as_ref(), description).mark(
            &mut fates,
            &body,
            &article.paragraphs,
        );
        article.stats.dropped = Some(Dropped::count(&fates));
        let lines = doc
            .lines()
            .zip(doc.numbers())
            .zip(fates)
            .map(|((text, number), placement)| Line {
                number,
                text: text.to_string(),
                decoded: doc.decoded(text),
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
    /// truncated copies`, `, the page's description` if one was set aside,
    /// and the lines not found if any (`; 1 not found:
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
        if d.description > 0 {
            s.push_str(", the page's description");
        }
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
