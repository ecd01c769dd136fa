//! Dedup: rebuild the article from body lines that repeat its paragraphs.
//!
//! # The model
//! A buggy scraper writes every body line as a run of *consecutive*
//! paragraphs glued together (`…according to Moscow.In late 2021…`):
//! suffixes of the article, prefixes, sliding windows, whole copies, in any
//! line order. So every line is a substring of one article string `A`, and
//! every line start and line end is a paragraph boundary of `A`.
//!
//! # The method
//! Each step has its file:
//! 1. `squeeze.rs`: lines are compared in *squeezed* form, with all
//!    whitespace removed, so that a lost separator (`Moscow.In`), a single
//!    space, doubled spaces, NBSP or trailing blanks do not matter.
//! 2. `keys.rs` (and `short.rs` for lines shorter than a key): evidence.
//!    Where the first (or last) bytes of one line occur inside another line,
//!    and the two agree from there up to the end of the shorter one, the
//!    lines overlap at a known offset. Keys are found by reading one 8-byte
//!    word every 8 bytes of each line (each key is entered by its eight
//!    windows), so finding them costs one pass over the input, never a
//!    comparison of every pair of lines (`hash.rs` holds the hashes).
//! 3. `layout.rs`: the offsets place the lines of each connected group on one
//!    axis (the rebuilt article); every placement is then checked byte for
//!    byte against the assembled text, and a line that does not fit is set
//!    apart, so nothing is ever lost to a wrong guess.
//! 4. `pieces.rs`: every line start and end on that axis is a paragraph
//!    boundary; the text between two boundaries is a paragraph, taken once.
//! 5. `seams.rs`: a body of a single distinct line has no such evidence:
//!    there, glued paragraphs are split where a sentence ends with no space
//!    before the next one (`Moscow.In`).
//! 6. `repeats.rs`: a paragraph the article itself says twice, which step 4
//!    took once, is written again where the longest line (the whole
//!    article, in a cascade or an element walk) holds it again, or where
//!    the file writes the same lines again apart (a live blog's pinned
//!    post), and a block said twice is cut alike in both places.
//!
//! The pass runs again on its own output until nothing changes, which makes
//! cleaning idempotent by construction.
//!
//! # Memory
//! A pass hands its output's squeezed bytes to the next, which then need
//! not make them again; past 16 MiB of them (`TEXT_MODE`) it frees them
//! instead, and the next pass reads each paragraph's squeezed bytes from
//! its text where its evidence reads them (`TextLines`): the second pass
//! over a line of 80 MB of 1.66 million glued paragraphs, which finds that
//! nothing changes, holds the input and its key tables, not the squeezed
//! bytes (68 MB) and a table of the paragraphs as lines (33) beside them
//! (issue 13). Both ways give the same paragraphs (tested).

mod copies;
mod cuts;
mod description;
mod hash;
mod keys;
mod layout;
mod lines;
mod paragraphs;
mod pieces;
mod repeats;
mod seams;
mod short;
mod squeeze;
mod truncation;
mod typeset;

pub(crate) use description::description;
use hash::*;
use keys::*;
use layout::*;
pub(crate) use lines::{intern, Lines};
pub(crate) use paragraphs::Paragraphs;
use pieces::*;
use seams::*;
use short::*;
use squeeze::*;

pub use seams::split_glued;
pub use squeeze::normalize;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet, VecDeque};

/// Length in squeezed bytes of the line-start and line-end keys. Lines
/// shorter than this are matched only at the very start or end of another
/// line (see [`short_edges`]).
const KEY: usize = 16;
/// Bytes compared to confirm a key match; the layout check later compares
/// everything, so this only bounds the work spent on candidate matches.
const VERIFY: usize = 512;
/// Matches shorter than this (in squeezed bytes) count only where each cut
/// they make looks like a paragraph seam: two clean paragraphs can share a
/// few words (`…Tottenham v Nottingham Forest` / `Nottingham Forest boss…`),
/// a glued copy of a whole paragraph is rarely this short.
const LONG: usize = 48;
/// Lines sharing one key that are tried at a single position.
const BUCKET_CAP: usize = 64;
/// Passes before giving up on reaching a fixed point (8 times as many for
/// inputs under 64 KiB). Scraped files settle in two (the second finds
/// nothing new), and every pass that changes anything adds a cut or drops
/// repeated text; fragment soup can take a few more. Should the cap ever be
/// reached, the result is returned as it is, and cleaning it again may
/// still change it.
const MAX_PASSES: usize = 32;
/// Entries a per-pass hash table of lines is sized for up front, at most:
/// a scraped file's lines, with no rehash as it fills.
const PRESIZE: usize = 1 << 12;
/// Layout rounds that set apart lines which did not fit.
const MAX_ROUNDS: usize = 3;

/// Rebuilds the article from its body lines: each paragraph once, in the
/// article's order, whitespace-normalised.
///
/// Every sentence of the input is kept; blank lines are ignored (a line of
/// zero-width characters is text here: the reader is what sets it aside). A
/// line that is another's typeset copy (curly quotes, dashes) is written as
/// one of the two (`dedup::typeset`). The result is a fixed point:
/// `rebuild(&rebuild(x)) == rebuild(x)`.
pub fn rebuild<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    let (texts, ids) = intern(lines.iter().map(AsRef::as_ref), |_, _| true);
    rebuild_lines(&Lines::interned(texts, &ids)).into_strings()
}

/// `lines` with each typeset copy of another line written as the text
/// cleaning makes both ([`typeset::unify`]); `None` where there is none.
pub(crate) fn typeset_unified<'a>(lines: &Lines<'a>) -> Option<Lines<'a>> {
    typeset::unify(lines)
}

/// `texts` with each typeset copy of another text written as the text
/// cleaning makes both ([`typeset::unify`]); `None` where there is none.
pub(crate) fn typeset_alike<'a>(texts: &[&'a str]) -> Option<Vec<&'a str>> {
    typeset::unify(&Lines::each(texts.to_vec())).map(|l| l.iter().collect())
}

/// [`rebuild`] of lines as texts and ids ([`intern`]), the paragraphs as
/// the passes leave them: a huge line's parts are still read in it (see
/// [`Paragraphs`]), so that the caller can make them `String`s once the
/// input is no longer needed (issue 13).
pub(crate) fn rebuild_lines<'a>(raw: &Lines<'a>) -> Paragraphs<'a> {
    let unified = typeset::unify(raw);
    rebuild_blocks(unified.as_ref().unwrap_or(raw), true, MAX_BLOCKS)
}

/// Blocks of lines written twice apart ([`repeats::block_said_twice`])
/// that are written back, at most, per file.
const MAX_BLOCKS: usize = 2;
/// Paragraphs of a block said twice looked for in the other lines, at
/// most, for one of its own.
const OWN_TRIES: usize = 32;

/// [`rebuild_lines_with`], where a block of lines the file writes twice,
/// apart, is the article saying it twice: its paragraphs are written in
/// both places (up to `blocks` such blocks). `check`: as for
/// [`rebuild_lines_with`], and the result must also come back from
/// cleaning it again.
fn rebuild_blocks<'a>(raw: &Lines<'a>, check: bool, blocks: usize) -> Paragraphs<'a> {
    if blocks > 0 {
        if let Some(out) = with_block_said_twice(raw, check, blocks) {
            return Paragraphs::from_strings(out);
        }
    }
    rebuild_lines_with(raw, check)
}

/// The paragraphs of `raw` with its first block said twice written again
/// where the file writes it again (see [`rebuild_blocks`]); `None` where
/// there is none, or the block is not a run of the paragraphs of the rest
/// held once, or its second place is not known, or some line would not be
/// whole.
fn with_block_said_twice(raw: &Lines, check: bool, blocks: usize) -> Option<Vec<String>> {
    let (first, again, len) = repeats::block_said_twice(raw)?;
    let said = rebuild_lines_with(
        &raw.filtered(|k, _| (first..first + len).contains(&k)),
        false,
    )
    .into_strings();
    // The block has text of its own: a paragraph (among its first few)
    // that no line but the two copies holds. Where another line holds
    // all of it (a cascade's line that runs on through it, a container),
    // that line places its text once, and the two copies are a scraper's
    // lines written twice that meet by chance; where each paragraph is
    // some other line's text, they are copies (a paragraph's links,
    // written after it each time it names them).
    let mut others = Vec::new();
    let copy = |k: usize| (first..first + len).contains(&k) || (again..again + len).contains(&k);
    for k in (0..raw.len()).filter(|&k| !copy(k)) {
        squeeze_into(raw.get(k), &mut others);
        // No squeezed text holds a space: no paragraph is found across it.
        others.push(b' ');
    }
    let mut sq = Vec::new();
    let own = said.iter().take(OWN_TRIES).any(|p| {
        sq.clear();
        squeeze_into(p, &mut sq);
        !sq.is_empty() && memchr::memmem::find(&others, &sq).is_none()
    });
    if !own {
        return None;
    }
    let rest = raw.filtered(|k, _| !(again..again + len).contains(&k));
    let out = rebuild_blocks(&rest, check, blocks - 1).into_strings();
    let before = again.checked_sub(1).map(|k| raw.get(k));
    let after = (again + len < raw.len()).then(|| raw.get(again + len));
    let at = repeats::place_again(&out, &said, before, after)?;
    let mut both = out;
    both.splice(at..at, said);
    if !keeps_every_line(raw, both.iter().map(String::as_str)) {
        return None;
    }
    let settled = !check
        || rebuild_blocks(
            &Lines::each(both.iter().map(String::as_str).collect()),
            false,
            MAX_BLOCKS,
        )
        .iter()
        .eq(both.iter().map(String::as_str));
    settled.then_some(both)
}

/// [`rebuild_lines`], with the paragraphs the article repeats put back
/// and cut alike ([`with_repeats`]) where `repeats`: its own check of the
/// result cleans it again without, so that the check ends.
fn rebuild_lines_with<'a>(raw: &Lines<'a>, repeats: bool) -> Paragraphs<'a> {
    let (near, dropped) = near_reading(raw);
    // The promise, checked: every line's text is in the output, in one
    // piece. Where the reading of copies broke one apart (lines that quote
    // and repeat each other in ways no single article explains), the
    // strict reading, which cuts at every line start and end and drops
    // nothing, is taken instead. Only a result that left out a copy (or a
    // paragraph another group held too) needs the check: cuts alone keep
    // every line a run of paragraphs.
    // (A result that dropped nothing holds every line whole: the longest
    // too.)
    let kept = dropped.then(|| lines_kept(raw, near.iter()));
    if kept.is_none_or(|k| k.every) {
        let whole = kept.is_none_or(|k| k.longest);
        let found_whole = kept.is_none_or(|k| k.found_whole);
        let (out, restored) = match repeats
            .then(|| with_repeats(raw, near.iter(), whole))
            .flatten()
        {
            Some(out) => (Paragraphs::from_strings(out), true),
            None => (near, false),
        };
        // Each line whole in the end, not only made of paragraphs found
        // in other places (a list of a live blog's key events, whose times
        // and titles a repeated phrase placed with the posts): else the
        // strict reading, below. (Looked at again only where the check
        // above found some line apart, or repeats were written back.)
        // `repeats` is off for the cleanings that check a result: the
        // result was checked so.
        if !dropped
            || !repeats
            || (found_whole && !restored)
            || lines_kept_as(raw, out.iter(), true).every
        {
            return out;
        }
    }
    // The strict result is cleaned again until it is a fixed point of
    // cleaning (idempotence), as long as every input line stays whole.
    // Where cleaning it again would break an input line apart (a piece of
    // it reads as a copy once it stands alone), the paragraphs that line
    // spans are written as one: the text stays whole, and stays so.
    // (Seldom taken: its rounds hold the paragraphs as `String`s.)
    // The strict passes over paragraphs keep a sentence whole where a
    // paragraph quotes another before its stop (`Frame::every_event`);
    // where that reading does not settle (a paragraph left standing beside
    // the one that quotes it reads as its copy when cleaned again), the
    // one that cuts at every line start and end is taken.
    let mut out = match strict_rounds(raw, true) {
        (out, true) => out,
        _ => strict_rounds(raw, false).0,
    };
    if repeats {
        if let Some(restored) = with_repeats(raw, out.iter().map(String::as_str), false) {
            out = restored;
        }
    }
    // The promise holds whatever the reading: each line whole, not only
    // its paragraphs found in other places. Where the rounds still left
    // some line broken (a short paragraph the page repeats, `The Example
    // Gazette` in each reference, kept once where another line holds it
    // inside), the first strict reading is taken, or at last each distinct
    // line as it stands: text in its lines' order, repeats and all, rather
    // than a line's text broken up.
    let whole = |p: &[String]| lines_kept_as(raw, p.iter().map(String::as_str), true).every;
    if !whole(&out) {
        out = rebuild_with(
            raw,
            Method::Strict {
                whole_sentences: false,
            },
        )
        .0
        .into_strings();
        if !whole(&out) {
            let mut seen = HashSet::new();
            out = raw
                .texts()
                .iter()
                .map(|t| normalize(t))
                .filter(|t| !t.is_empty() && seen.insert(t.clone()))
                .collect();
        }
    }
    Paragraphs::from_strings(out)
}

/// The strict reading of `raw` (`whole_sentences`: see
/// [`Method::Strict`]), cleaned again until it is a fixed point of
/// cleaning, as long as every input line stays whole; and whether it
/// settled there.
fn strict_rounds(raw: &Lines, whole_sentences: bool) -> (Vec<String>, bool) {
    let strict = Method::Strict { whole_sentences };
    let mut out = rebuild_with(raw, strict).0.into_strings();
    for _ in 0..2 * MAX_ROUNDS {
        let refs = Lines::each(out.iter().map(String::as_str).collect());
        let (near, dropped) = near_reading(&refs);
        let next = if !dropped || keeps_every_line(&refs, near.iter()) {
            near.into_strings()
        } else {
            rebuild_with(&refs, strict).0.into_strings()
        };
        if next == out {
            return (out, true);
        }
        if keeps_every_line(raw, next.iter().map(String::as_str)) {
            out = next;
            continue;
        }
        match join_spanned(raw, &out, &next) {
            Some(joined) if keeps_every_line(raw, joined.iter().map(String::as_str)) => {
                out = joined
            }
            _ => break,
        }
    }
    (out, false)
}

/// The paragraphs with those the article repeats written again where its
/// longest line holds them ([`repeats::restore`]), where cleaning that
/// result gives it back (idempotence: a block of lines written twice over
/// reads as a scraper's copy once the paragraphs are lines, and is then
/// left as the passes found it) and every line stays whole; `None` where
/// nothing changes. Where the longest line is known to be `whole` in the
/// paragraphs, none is put back. A heading said twice and left glued to
/// its section's first word is cut off there ([`repeats::cut_at_heads`]).
fn with_repeats<'p>(
    raw: &Lines,
    paragraphs: impl Iterator<Item = &'p str> + Clone,
    whole: bool,
) -> Option<Vec<String>> {
    let mut out = if whole {
        None
    } else {
        repeats::restore(raw, paragraphs.clone())
    };
    let cut = match &out {
        Some(o) => repeats::cut_at_line_end(raw, o.iter().map(String::as_str)),
        None => repeats::cut_at_line_end(raw, paragraphs.clone()),
    };
    if cut.is_some() {
        out = cut;
    }
    let settled = settle_repeats(raw, out.clone(), paragraphs.clone());
    // A heading the article says twice, left glued where the lines placed
    // it once: cut off where that result (or the paragraphs) still glues
    // it, and kept where that settles too.
    let heads = match &settled {
        Some(o) => repeats::cut_at_heads(o.iter().map(String::as_str)),
        None => repeats::cut_at_heads(paragraphs.clone()),
    };
    heads
        .and_then(|h| settle_repeats(raw, Some(h), paragraphs))
        .or(settled)
}

/// `out` (or, where `None`, `paragraphs`) with each short text that a run
/// of paragraphs makes elsewhere cut as that run ([`repeats::split_as_elsewhere`]),
/// where every line stays kept and cleaning the result gives it back;
/// `None` where `out` is `None` and nothing is cut, or the result does not
/// hold.
fn settle_repeats<'p>(
    raw: &Lines,
    mut out: Option<Vec<String>>,
    paragraphs: impl Iterator<Item = &'p str> + Clone,
) -> Option<Vec<String>> {
    // A cut can make another text a run elsewhere (or leave one run where
    // there were two): cut until none is, as cleaning again would.
    let mut settled = false;
    for _ in 0..=MAX_ROUNDS {
        let next = match &out {
            Some(o) => repeats::split_as_elsewhere(o.iter().map(String::as_str)),
            None => repeats::split_as_elsewhere(paragraphs.clone()),
        };
        match next {
            Some(next) => out = Some(next),
            None => {
                settled = true;
                break;
            }
        }
    }
    let out = out?;
    if !settled || !lines_kept(raw, out.iter().map(String::as_str)).every {
        return None;
    }
    let again = rebuild_blocks(
        &Lines::each(out.iter().map(String::as_str).collect()),
        false,
        MAX_BLOCKS,
    );
    (again.iter().eq(out.iter().map(String::as_str))).then_some(out)
}

/// Whether the head of a child (its first 16 bytes that are not ASCII
/// whitespace, zero-padded when short) is a prefix of its container's head
/// (so padded too): a child's zero byte matches any byte.
///
/// Compared as the bytes go, not from two heads made first: most pairs part
/// at the first byte.
fn starts_alike(child: &str, outer: &str) -> bool {
    let mut outer = outer.bytes().filter(|b| !b.is_ascii_whitespace());
    child
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .take(16)
        .all(|c| {
            let o = outer.next();
            c == 0 || Some(c) == o
        })
}

/// Rounds of [`drop_containers`]: a list inside a section inside the body.
const CONTAINER_ROUNDS: usize = 4;
/// Lines before a container looked at for its children's text.
const NEAR_CONTAINER: usize = 4;

/// `raw` without its container lines, where it has any: a line whose text
/// (whitespace aside) the lines right after it make up exactly, in order,
/// two or more of them, is an element's text written before the text of
/// each element inside it (an element walk: a list, then each item). Those
/// lines carry all its text and say where it breaks, which keys inside the
/// container cannot for items too short for one, so it is a copy. A
/// container of containers goes once its inner ones have. A label and one
/// element after it (`Read more:` and a link) are a block's inline
/// elements, not its children: the block stays.
fn drop_containers<'a>(raw: &Lines<'a>) -> Option<Lines<'a>> {
    // Not blank: most lines open with a byte that is no whitespace.
    let blank = |l: &str| {
        !l.as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii() && !WS_BYTE[b as usize])
            && l.trim().is_empty()
    };
    // Lines are copied (4 bytes each) only where some are blank.
    let mut lines: Cow<Lines<'a>> = if raw.texts().iter().any(|l| blank(l)) {
        Cow::Owned(raw.filtered(|_, l| !blank(l)))
    } else {
        Cow::Borrowed(raw)
    };
    // A container needs two lines after it.
    if lines.len() < 3 {
        return None;
    }
    let mut any = false;
    let mut inner = Vec::new();
    for _ in 0..CONTAINER_ROUNDS {
        let mut drop = vec![false; lines.len()];
        let candidates = lines.len().saturating_sub(2);
        for (i, dropped) in drop.iter_mut().enumerate().take(candidates) {
            // Cheap test first: the next line is shorter and starts alike.
            let (line, next) = (lines.get(i), lines.get(i + 1));
            if next.len() >= line.len() || !starts_alike(next, line) {
                continue;
            }
            let (children, whole, joins) =
                children_of(line, (i + 1..lines.len()).map(|j| lines.get(j)));
            // A label and the link it introduces (`<strong>Read more:</strong>
            // <a>…</a>`) are inline elements, not blocks: their paragraph is
            // the line, one block.
            if children == 2 && copies::is_label(next) {
                continue;
            }
            // A child that also ends or starts a line just before the
            // container (a caption's `Photo Credit: …`) would be placed
            // there once the container is gone: the container is kept as
            // the evidence of where it stands.
            // A container that joins some children with nothing between
            // them and all others one space apart after a sentence's stop
            // is a cascade's line beside its paragraphs' sentences, each
            // written as a line: kept, its glue says which sentences are
            // one paragraph. (An element walk's container sets blocks apart
            // with its markup's whitespace, headings and items too, and
            // glues a block's `<br>` lines.) Not once inner containers
            // went: a container of sections that glue their paragraphs
            // joins the sections so.
            *dropped = whole
                && children >= 2
                && (any || !(joins.glued > 0 && joins.sentences > 0 && joins.other == 0))
                && !(i.saturating_sub(NEAR_CONTAINER)..i)
                    .map(|j| lines.get(j))
                    .any(|before| {
                        let mut sq = Vec::new();
                        squeeze_into(before, &mut sq);
                        (i + 1..i + 1 + children)
                            .map(|j| lines.get(j))
                            .any(|child| {
                                inner.clear();
                                squeeze_into(child, &mut inner);
                                // Or a long child written whole before
                                // it (a cascade's line, shuffled before
                                // the article's copy): only the container
                                // says where it goes.
                                // It is placed there only where the cut
                                // could part two paragraphs: `Born` (a
                                // list's term) opens `Born in Tarrow, …`
                                // mid-sentence, and no paragraph ends there.
                                let ends = sq.len() > inner.len()
                                    && sq.ends_with(&inner)
                                    && seam_strength(&sq, sq.len() - inner.len()).is_some();
                                let starts = sq.len() > inner.len()
                                    && sq.starts_with(&inner)
                                    && seam_strength(&sq, inner.len()).is_some();
                                let whole = inner.len() >= LONG
                                    && (sq.ends_with(&inner) || sq.starts_with(&inner));
                                ends || starts || whole
                            })
                    });
        }
        if !drop.contains(&true) {
            break;
        }
        any = true;
        lines = Cow::Owned(lines.filtered(|i, _| !drop[i]));
    }
    any.then(|| lines.into_owned())
}

/// How a container joins the children that make up its text.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
struct Joins {
    /// Children followed by the next with nothing between them.
    glued: usize,
    /// Children that end a sentence followed by the next one space apart.
    sentences: usize,
    /// Children followed by the next after other whitespace.
    other: usize,
}

/// How many of the lines `after` a `container` make up its text (whitespace
/// aside, char by char) in order, as far as they agree; whether they make
/// up all of it; and how the container joins them.
fn children_of<'t>(container: &str, after: impl Iterator<Item = &'t str>) -> (usize, bool, Joins) {
    // The container's text not yet matched: its chars that are no
    // whitespace are what the next child must start with.
    let mut rest = container;
    let mut children = 0;
    let mut joins = Joins::default();
    for child in after {
        // Its own trailing whitespace is no join: the container's text
        // right after its last char says how the next one follows.
        match after_chars_of(child.trim_end(), rest) {
            Some(after) => rest = after,
            None => return (children, false, joins),
        }
        children += 1;
        if rest.chars().all(char::is_whitespace) {
            return (children, true, joins);
        }
        let spaced = rest.starts_with(' ') && !rest[1..].starts_with(char::is_whitespace);
        if !rest.starts_with(char::is_whitespace) {
            joins.glued += 1;
        } else if spaced && copies::ends_sentence(child) {
            joins.sentences += 1;
        } else {
            joins.other += 1;
        }
    }
    (children, false, joins)
}

/// `text` past the chars of `child`, when the chars of `child` that are no
/// whitespace are the first such chars of `text`; `None` otherwise, or if
/// `child` is all whitespace.
///
/// Compared as bytes, a run of equal bytes at a time, stepping over a
/// whitespace char on either side where they part: the same answer as
/// comparing the chars that are no whitespace one by one (UTF-8 spells
/// each char one way), without decoding every char (the scraper's random
/// NBSP and doubled spaces make most children no byte prefix of their
/// container).
fn after_chars_of<'t>(child: &str, text: &'t str) -> Option<&'t str> {
    if child.trim().is_empty() {
        return None;
    }
    let (a, b) = (child.as_bytes(), text.as_bytes());
    let (mut i, mut j) = (0, 0);
    loop {
        let same = common_prefix(&a[i..], &b[j..]);
        i += same;
        j += same;
        if i == a.len() {
            return text.get(j..);
        }
        // Where they part inside a char, they part at its start: the bytes
        // before are the same on both sides.
        while !child.is_char_boundary(i) {
            i -= 1;
            j -= 1;
        }
        let skip = ws_char_len(a, i);
        if skip > 0 {
            i += skip;
            continue;
        }
        let skip = if j < b.len() { ws_char_len(b, j) } else { 0 };
        if skip == 0 {
            return None;
        }
        j += skip;
    }
}

/// How many leading bytes `a` and `b` share.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut k = 0;
    // Eight bytes at a time: the first differing byte is the lowest set
    // byte of the words' difference (little-endian).
    while k + 8 <= n {
        let x = u64::from_le_bytes(a[k..k + 8].try_into().unwrap_or_default());
        let y = u64::from_le_bytes(b[k..k + 8].try_into().unwrap_or_default());
        if x != y {
            return k + ((x ^ y).trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < n && a[k] == b[k] {
        k += 1;
    }
    k
}

/// The length of the whitespace char (`char::is_whitespace`: ASCII or one
/// of [`wide_spaces`]) starting at byte `i` of `b`, or 0.
pub(super) fn ws_char_len(b: &[u8], i: usize) -> usize {
    if WS_BYTE[b[i] as usize] {
        return 1;
    }
    wide_spaces(&b[i..b.len().min(i + 3)])
        .find(|&(at, _)| at == 0)
        .map_or(0, |(_, len)| len)
}

/// The near-copy reading of `lines`, its container lines dropped first
/// ([`drop_containers`]), and again from its result, so that cleaning the
/// result finds none; and whether some line was left out.
fn near_reading<'a>(lines: &Lines<'a>) -> (Paragraphs<'a>, bool) {
    let (mut near, mut dropped) = match drop_containers(lines) {
        Some(leaves) => (rebuild_with(&leaves, Method::NearCopies).0, true),
        None => rebuild_with(lines, Method::NearCopies),
    };
    for _ in 0..CONTAINER_ROUNDS {
        let refs = Lines::each(near.iter().collect());
        let Some(leaves) = drop_containers(&refs) else {
            break;
        };
        // Read in the paragraphs it replaces: owned before they go.
        let next = rebuild_with(&leaves, Method::NearCopies).0.into_owned();
        near = next;
        dropped = true;
    }
    (near, dropped)
}

/// `out` with the paragraphs that a line of `raw` spans, where `next` (a
/// cleaning of `out`) breaks that line apart, joined into one; `None` when
/// no such line is found (or the search would cost too much).
fn join_spanned(raw: &Lines, out: &[String], next: &[String]) -> Option<Vec<String>> {
    let (mut text, mut ends, mut next_text) = (Vec::new(), Vec::new(), Vec::new());
    for p in out {
        squeeze_into(p, &mut text);
        ends.push(text.len());
    }
    for p in next {
        squeeze_into(p, &mut next_text);
    }
    if text.len().saturating_mul(raw.len()) > CHECK_BUDGET {
        return None;
    }
    // The paragraphs that `next` leaves out (a heading that reads as a
    // link's text once it stands alone, `Known issues` before `Known
    // issues include…`): joining one to a neighbour keeps it, and the line
    // around it whole, with the rest of the line's paragraphs apart (a
    // cascade's first line spans the whole article).
    let next_set: HashSet<Vec<u8>> = next
        .iter()
        .map(|p| {
            let mut sq = Vec::new();
            squeeze_into(p, &mut sq);
            sq
        })
        .collect();
    let mut para = Vec::new();
    let left_out: Vec<bool> = out
        .iter()
        .map(|p| {
            para.clear();
            squeeze_into(p, &mut para);
            !next_set.contains(&para)
        })
        .collect();
    // `join[k]`: paragraph `k` is written together with the next one.
    let mut join = vec![false; out.len()];
    let mut line = Vec::new();
    // What a line marks depends on its text alone: each text once.
    for r in raw.texts() {
        line.clear();
        squeeze_into(truncation::strip_ellipsis(r).0, &mut line);
        if line.is_empty() || memchr::memmem::find(&next_text, &line).is_some() {
            continue;
        }
        let Some(at) = memchr::memmem::find(&text, &line) else {
            continue;
        };
        let first = ends.partition_point(|&e| e <= at);
        let last = ends.partition_point(|&e| e < at + line.len());
        let gone: Vec<usize> = (first..=last).filter(|&k| left_out[k]).collect();
        if first < last && !gone.is_empty() && gone.len() <= last - first {
            for k in gone {
                join[if k < last { k } else { k - 1 }] = true;
            }
            continue;
        }
        for j in &mut join[first..last] {
            *j = true;
        }
    }
    if !join.contains(&true) {
        return None;
    }
    let mut joined = Vec::new();
    let mut current = String::new();
    for (k, p) in out.iter().enumerate() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(p);
        if !join[k] {
            joined.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        joined.push(current);
    }
    Some(joined)
}

/// How line starts and ends are read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Method {
    /// A line start or end is a boundary only where the text breaks; copies
    /// (fragments, summaries, teasers, link texts) are dropped.
    NearCopies,
    /// Every line start and end is a boundary, nothing is taken for a copy:
    /// each line comes out as a run of whole paragraphs. With
    /// `whole_sentences`, a later pass (over paragraphs) does not cut a
    /// paragraph where its text runs on.
    Strict { whole_sentences: bool },
}

/// Squeezed bytes at most scanned by [`keeps_every_line`]; past that (a
/// file of 100,000 distinct lines) the check is skipped.
const CHECK_BUDGET: usize = 1 << 26;

/// What [`lines_kept`] found.
#[derive(Clone, Copy)]
struct LinesKept {
    /// Every line is kept.
    every: bool,
    /// The longest line occurs whole (or was not looked for).
    longest: bool,
    /// Every line occurs whole, none only as paragraphs found apart (or
    /// the lines were not looked for).
    found_whole: bool,
}

/// Whether every line (an ellipsis at either end removed) occurs, whitespace
/// aside, in the paragraphs written one after another.
fn keeps_every_line<'p>(lines: &Lines, paragraphs: impl Iterator<Item = &'p str> + Clone) -> bool {
    lines_kept(lines, paragraphs).every
}

/// [`keeps_every_line`], and whether the longest line occurs whole: one
/// made of paragraphs, some of them twice, is kept but not whole (see
/// `repeats.rs`).
fn lines_kept<'p>(lines: &Lines, paragraphs: impl Iterator<Item = &'p str> + Clone) -> LinesKept {
    lines_kept_as(lines, paragraphs, false)
}

/// [`lines_kept`]; where `apart_only`, a line not found whole is kept
/// only where it holds some paragraph twice (which an output that holds
/// each paragraph once cannot hold whole), not where its paragraphs are
/// all in the output, in other places.
fn lines_kept_as<'p>(
    lines: &Lines,
    paragraphs: impl Iterator<Item = &'p str> + Clone,
    apart_only: bool,
) -> LinesKept {
    const UNREAD: LinesKept = LinesKept {
        every: true,
        longest: true,
        found_whole: true,
    };
    let mut text = Vec::new();
    for p in paragraphs.clone() {
        squeeze_into(p, &mut text);
    }
    if text.len().saturating_mul(lines.len()) > CHECK_BUDGET {
        return UNREAD;
    }
    let occurs = |l: &str, line: &mut Vec<u8>| {
        line.clear();
        squeeze_into(truncation::strip_ellipsis(l).0, line);
        memchr::memmem::find(&text, line).is_some()
    };
    let mut line = Vec::new();
    let Some(longest) = lines.longest() else {
        return UNREAD;
    };
    // In a cascade most lines are a prefix or a suffix of the longest one,
    // byte for byte, so they are in the output where it is.
    let longest_kept = occurs(longest, &mut line);
    let mut whole: Option<Vec<Vec<u8>>> = None;
    let mut found_whole = true;
    // Whether a line is kept depends on its text alone: each text once.
    let every = lines.texts().iter().all(|l| {
        let part = l.len() < longest.len() && (longest.starts_with(l) || longest.ends_with(l));
        if (part && longest_kept && truncation::strip_ellipsis(l).1 == 0) || occurs(l, &mut line) {
            return true;
        }
        found_whole = false;
        // A line that repeats a paragraph of its own (`X.YX.`) cannot occur
        // whole in an output that holds each paragraph once: it is kept if
        // it is made of whole paragraphs.
        let paragraphs = whole.get_or_insert_with(|| {
            paragraphs
                .clone()
                .map(|p| {
                    let mut sq = Vec::new();
                    squeeze_into(p, &mut sq);
                    sq
                })
                .collect()
        });
        is_made_of(&line, paragraphs) && (!apart_only || holds_one_twice(&line, paragraphs))
    });
    LinesKept {
        every,
        longest: longest_kept,
        found_whole,
    }
}

/// Whether some paragraph (squeezed) occurs twice in `line` (squeezed).
fn holds_one_twice(line: &[u8], paragraphs: &[Vec<u8>]) -> bool {
    paragraphs.iter().any(|p| {
        !p.is_empty()
            && memchr::memmem::find(line, p)
                .is_some_and(|at| memchr::memmem::find(&line[at + p.len()..], p).is_some())
    })
}

/// Whether `line` (squeezed) is a run of whole `paragraphs` (squeezed), in
/// any order and with repeats. Lines over 64 KiB, or outputs with over 64
/// paragraph lengths, are not tried.
fn is_made_of(line: &[u8], paragraphs: &[Vec<u8>]) -> bool {
    let mut by_len: U64Map<Vec<usize>> = U64Map::default();
    for (k, p) in paragraphs.iter().enumerate() {
        by_len.entry(p.len() as u64).or_default().push(k);
    }
    if line.len() > 1 << 16 || by_len.len() > 64 {
        return false;
    }
    let mut reach = vec![false; line.len() + 1];
    reach[0] = true;
    for i in 0..line.len() {
        if !reach[i] {
            continue;
        }
        for (&len, ks) in &by_len {
            let end = i + len as usize;
            if len > 0 && end <= line.len() && ks.iter().any(|&k| paragraphs[k] == line[i..end]) {
                reach[end] = true;
            }
        }
    }
    reach[line.len()]
}

/// The paragraphs, and whether some pass left out a copy.
fn rebuild_with<'a>(raw: &Lines<'a>, method: Method) -> (Paragraphs<'a>, bool) {
    let Some(mut done) = pass(raw, None, method) else {
        return (Paragraphs::from_lines(raw.iter()), false);
    };
    // A pass that gave back its input (a single line with nothing to split,
    // or evidence that no line fitted) is at a fixed point already: the
    // next would repeat it.
    if done.paragraphs.len() == raw.len()
        && done.paragraphs.iter().zip(raw.iter()).all(|(p, r)| p == r)
    {
        return (done.paragraphs, done.dropped);
    }
    // Not skipped where the pass only split one line at its glued seams
    // (the peak of 80 MB of glued paragraphs, issue 13): the parts are new
    // lines to each other, one may start with another, and only the next
    // pass sees that (`parts_split_off_one_line_may_still_change_in_the_next_pass`).
    // Passes over a small input are cheap: allow more of them there.
    let total: usize = raw.iter().map(|s| s.len()).sum();
    let max_passes = if total < 1 << 16 {
        8 * MAX_PASSES
    } else {
        MAX_PASSES
    };
    for _ in 1..max_passes {
        // The pass owns the squeezed bytes: where it makes them again (a
        // paragraph ends with an ellipsis) it frees these first, and it
        // hands them on to its output instead of a copy (a line of soup,
        // issue 13). Nothing reads them after the pass.
        let mut squeezed = std::mem::replace(&mut done.squeezed, Given::Text);
        // Not held, they are read in the paragraphs as they are kept as
        // far as the evidence: where it shows that nothing changes, no
        // table of them as lines is made (16 bytes a paragraph, 26.5 MB of
        // the second pass over 1.66 million glued paragraphs, issue 13).
        if matches!(squeezed, Given::Text) {
            match text_evidence(&done.paragraphs, method) {
                Some(Some(found)) => squeezed = Given::Found(found),
                Some(None) => {}
                None => break,
            }
        }
        let refs = Lines::each(done.paragraphs.iter().collect());
        match pass(&refs, Some(squeezed), method) {
            Some(mut next) if next.paragraphs != done.paragraphs => {
                // A later pass sees paragraphs, not the input's lines: what
                // it changes is checked against those lines as a copy is.
                next.dropped = true;
                done = next.into_owned();
            }
            _ => break,
        }
    }
    (done.paragraphs, done.dropped)
}

/// One distinct line of a pass.
struct Line<'a> {
    /// The line as compared (an ellipsis at either end removed): what the
    /// output is cut from.
    raw: &'a str,
    /// The line as given, written when nothing else holds its text: a
    /// reference to the text as the pass's input holds it (8 bytes, not
    /// 16: a `Line` a distinct line, millions of them at times).
    full: &'a &'a str,
    /// `raw` without its whitespace: what lines are compared by.
    sq: &'a [u8],
    /// Index of the line's first occurrence, for ordering.
    first: u32,
    /// Which ends were cut off with an ellipsis (`truncation::CUT_*`), in
    /// every copy of the line.
    cut: u8,
    /// The line occurs once in the input.
    once: bool,
    /// It repeats an earlier line's text in another place of the article:
    /// a paragraph of its own, not a copy.
    repeat: bool,
    /// The article repeats its text in a later place.
    echo: bool,
}

// A `Line` a distinct line: kept small (issue 13).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Line>() <= 48);

impl<'a> Line<'a> {
    /// The line as it is written when it stands alone.
    fn text(&self) -> &'a str {
        if self.cut == 0 {
            self.raw
        } else {
            self.full
        }
    }
}

/// `pos(b) = pos(a) + d` on the article axis.
#[derive(Clone, Copy, Debug)]
struct Edge {
    a: u32,
    b: u32,
    d: i64,
}

/// What a pass makes: paragraphs, each normalised and distinct once
/// squeezed, with those squeezed bytes, so that the next pass (which checks
/// that nothing changes) need not squeeze them again.
struct Passed<'a> {
    /// Borrowed from the pass's input where a huge line is written as it
    /// is (see [`lasting`]).
    paragraphs: Paragraphs<'a>,
    squeezed: Given,
    /// Some line was taken for a copy and left out.
    dropped: bool,
}

impl Passed<'_> {
    /// The same, owning its text: a pass over a pass's output may borrow
    /// from it, and then replaces it.
    fn into_owned(self) -> Passed<'static> {
        Passed {
            paragraphs: self.paragraphs.into_owned(),
            squeezed: self.squeezed,
            dropped: self.dropped,
        }
    }
}

/// Squeezed bytes of some lines in one arena: line `i` is
/// `arena[spans[i].0..spans[i].1]`. Borrowed where a line is its own
/// squeezed bytes ([`squeeze_distinct`]).
#[derive(Default)]
struct Squeezed<'a> {
    arena: Cow<'a, [u8]>,
    spans: Vec<(usize, usize)>,
    /// No two lines are the same bytes: known of a pass's output that kept
    /// no paragraph twice, so the next pass need not look for repeats.
    distinct: bool,
}

/// The edges between a pass's lines ([`key_edges`], [`short_edges`]),
/// those that join no two texts dropped, and whether the pass is quiet: no
/// edge, no line cut off, lines known distinct and normalised
/// (`normalised`, asked last), so that only a link text could change
/// anything. `None` for a quiet pass where no line may be a link text
/// (`may_link`), and for any quiet strict one: it changes nothing.
fn evidence<L: Keyed>(
    view: &L,
    cut_of: &[u8],
    normalised: impl FnOnce() -> bool,
    method: Method,
    may_link: impl Fn(usize) -> bool,
    once: impl Fn(usize) -> bool,
) -> Option<(Vec<Edge>, bool)> {
    let (mut edges, ambiguous) = key_edges(view);
    // A line its keys found too often inside a longer one to place it
    // there (a sentence the article says three times, at the end of a
    // paragraph, inside a step, as a note of its own) is still placed where
    // another line starts or ends with it, as a line too short for a key
    // is: a cascade's line ends with it where it is a paragraph.
    let unplaced: Vec<u32> = if ambiguous.is_empty() {
        Vec::new()
    } else {
        let placed: HashSet<u32> = edges.iter().flat_map(|e| [e.a, e.b]).collect();
        ambiguous
            .into_iter()
            .filter(|l| !placed.contains(l))
            .collect()
    };
    let short = short_lines(view, &unplaced);
    let flanking = flanking_edges(view, &edges, &short);
    edges.extend(short_edges(view, &short));
    edges.extend(flanking);
    edges.extend(run_edges(view, &once));
    drop(short);
    // Two lines that overlap, one running on past the other's end, are one
    // text only where that end is a place the text can break: where the
    // longer goes on with a stop (or a comma, a colon…) there (`Bridge
    // closedFerries cancelled` and `Ferries cancelled. All sailings…`, a
    // key event that opens a later entry), the shared words are a phrase
    // the article repeats, and joining the lines would move a paragraph.
    let (mut a_buf, mut b_buf) = (Vec::new(), Vec::new());
    edges.retain(|e| !runs_on_past_end(view, e, &mut b_buf));
    // Unless the lines chain so, each overlapping the next where the one
    // before it stops: a window's lines of list items (`A B`, `B C`, `C D`).
    let spaced: Vec<Option<Overlap>> = edges
        .iter()
        .map(|e| short_spaced_overlap(view, e, &mut a_buf, &mut b_buf))
        .collect();
    if spaced.iter().any(Option::is_some) {
        let chains = Chains::new(view, &edges);
        let gone: Vec<bool> = spaced
            .iter()
            .map(|o| o.is_some_and(|o| !chains.chained(o)))
            .collect();
        copies::retain_unmarked(&mut edges, &gone);
    }
    let through = spaced_through_line(view, &edges);
    if through.contains(&true) {
        copies::retain_unmarked(&mut edges, &through);
    }
    // Of the places two lines share, the one where they share the most
    // text is theirs: a cascade's line ends with the newsletter sign-up
    // that also opens the page, and overlaps the longest line there by
    // that phrase alone, where it lies whole inside it at its end.
    let shorter = shorter_matches(view, &edges);
    if shorter.contains(&true) {
        copies::retain_unmarked(&mut edges, &shorter);
    }
    // Likewise a line held inside another where that one goes on with a
    // stop just past its end (`Ferries cancelled` in `Ferries cancelled.
    // All sailings…`), when it has another place: a paragraph rarely
    // starts with a stop (a source that lost a name may write `. The
    // Welsh runner…`), so the line belongs where its end is a boundary.
    let before_stop: Vec<Option<u32>> = edges
        .iter()
        .map(|e| ends_before_stop(view, e, &mut a_buf, &mut b_buf))
        .collect();
    if before_stop.iter().any(Option::is_some) {
        let mut placed_elsewhere = HashSet::new();
        // Another place: an edge that holds the line (or runs it on past
        // another's end), not one where it is the longer line.
        for (e, stop) in edges.iter().zip(&before_stop) {
            if stop.is_none() {
                let (a, b) = (view.sq_len(e.a as usize), view.sq_len(e.b as usize));
                placed_elsewhere.insert(if a <= b { e.a } else { e.b });
            }
        }
        let gone: Vec<bool> = before_stop
            .iter()
            .map(|stop| stop.is_some_and(|inner| placed_elsewhere.contains(&inner)))
            .collect();
        copies::retain_unmarked(&mut edges, &gone);
    }
    let lone = lone_inner_sentences(view, &edges);
    if lone.contains(&true) {
        copies::retain_unmarked(&mut edges, &lone);
    }
    let quiet =
        edges.is_empty() && cut_of.iter().all(|&cut| cut == 0) && view.count() > 1 && normalised();
    // Then only a link text could change anything, and most lines are told
    // from one by their look alone: the `Line` records (48 bytes a line)
    // are made only where one may be (issue 13: the second pass over 1.66
    // million glued paragraphs, which finds that nothing changes).
    if quiet && (matches!(method, Method::Strict { .. }) || !(0..view.count()).any(may_link)) {
        return None;
    }
    Some((edges, quiet))
}

/// Lines between a block and a line it holds, all held by it, past which
/// the line is not written next to the block ([`lone_inner_sentences`]):
/// an element walk's inline elements of one block are a few.
const INLINE_BETWEEN: u32 = 16;

/// For each edge, whether it joins two lines that no other edge touches,
/// one holding the other strictly inside it as whole sentences set off by
/// spaces (`…she says. “Everything happens on a night boat.” She has
/// seen…` and `“Everything happens on a night boat.”`): a paragraph and a
/// pull quote printed beside it, the article saying a sentence twice. A
/// cascade's or a window's lines overlap many others, and a copy of a
/// sentence written by the scraper comes with them; two lines alone are
/// the text as it stands, and both stay whole. At the other's start or
/// end too (a pull quote of a paragraph's last sentence set further on,
/// a lede's first sentence said again), unless the shorter is written
/// next to the longer: an element walk writes a block's emphasised last
/// sentence after it, a links scraper a linked sentence before or after
/// its block, and a scraper a page's description (the lede's first
/// sentence as often as not) before the lede.
fn lone_inner_sentences<L: Keyed>(view: &L, edges: &[Edge]) -> Vec<bool> {
    // The edge's (outer, inner) lines where one holds the other strictly
    // inside it and the inner one reads as whole sentences; most edges are
    // not so, and then no table is made.
    let sentences = |l: u32| {
        let raw = view.raw(l as usize).trim();
        raw.contains(' ')
            && copies::ends_sentence(raw)
            && raw
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '\'' | '“' | '‘' | '«'))
    };
    // Whether the inner line is written next to the outer one, with no
    // line between them but lines the outer one holds (an element walk's
    // inline elements, a few at most): an emphasis, a link's text or a
    // page's description that opens the lede, not the article saying it
    // again.
    let beside = |(outer, inner): (u32, u32)| {
        let (lo, hi) = (outer.min(inner), outer.max(inner));
        if hi - lo > INLINE_BETWEEN {
            return false;
        }
        let text = normalize(view.raw(outer as usize));
        (lo + 1..hi).all(|k| {
            let between = normalize(view.raw(k as usize));
            !between.is_empty() && text.contains(between.as_str())
        })
    };
    // (outer, inner, whether inner is at the outer's start or end)
    let inside = |e: &Edge| {
        let (outer, inner, d) = held_in(view, e)?;
        let at_edge =
            d == 0 || d + view.sq_len(inner as usize) as i64 == view.sq_len(outer as usize) as i64;
        sentences(inner).then_some((outer, inner, at_edge))
    };
    let mut degree: HashMap<u32, u32> = edges
        .iter()
        .filter_map(inside)
        .flat_map(|(a, b, _)| [(a, 0), (b, 0)])
        .collect();
    if degree.is_empty() {
        return Vec::new();
    }
    let pairs_inside: Vec<Option<(u32, u32, bool)>> = edges.iter().map(inside).collect();
    // A line's start and end keys can both find the other: one pair of
    // lines, however many of its edges.
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    for e in edges {
        for l in [e.a, e.b] {
            if let Some(n) = degree.get_mut(&l) {
                *n += 1;
            }
        }
        if degree.contains_key(&e.a) && degree.contains_key(&e.b) {
            *pairs.entry((e.a.min(e.b), e.a.max(e.b))).or_default() += 1;
        }
    }
    edges
        .iter()
        .zip(pairs_inside)
        .map(|(e, pair)| {
            let Some((outer, inner, at_edge)) = pair else {
                return false;
            };
            let both = pairs[&(e.a.min(e.b), e.a.max(e.b))];
            // (The lines between are looked at only for a pair alone.)
            if degree[&e.a] != both || degree[&e.b] != both || at_edge && beside((outer, inner)) {
                return false;
            }
            let outer = normalize(view.raw(outer as usize));
            let inner = normalize(view.raw(inner as usize));
            // The quotation marks around a quoted sentence stay with the
            // paragraph: a pull quote prints the words alone.
            outer.match_indices(inner.as_str()).any(|(at, _)| {
                let before = outer[..at].trim_end_matches(['“', '‘', '"', '\'']);
                let after = outer[at + inner.len()..].trim_start_matches(['”', '’', '"', '\'']);
                (before.is_empty() && after.starts_with(' '))
                    || (before.ends_with(' ')
                        && copies::ends_sentence(before)
                        && (after.is_empty() || after.starts_with(' ')))
            })
        })
        .collect()
}

/// One pass over the lines; `None` when the lines are already the article
/// (distinct, normalised, no evidence between them), which is the common
/// case for clean files and for the check that a result is a fixed point.
/// `given`: the lines' squeezed bytes, when the lines are a pass's output
/// (owned, so that they are freed as soon as they are not needed).
/// Every pass applies the same rules, so that the result, where the passes
/// stop, is a fixed point of cleaning.
fn pass<'a>(input: &Lines<'a>, given: Option<Given>, method: Method) -> Option<Passed<'a>> {
    // Most bodies have no line cut off with an ellipsis: then the lines are
    // compared as given, and no table of them is made (millions of tiny
    // lines, issue 13).
    // Nor lines cut off at a length limit with no ellipsis.
    let limited = (method == Method::NearCopies)
        .then(|| truncation::cut_at_a_limit(input.len(), |k| input.get(k)))
        .flatten();
    let any_cut = method == Method::NearCopies
        && (limited.is_some()
            || input
                .texts()
                .iter()
                .any(|s| truncation::strip_ellipsis(s).1 != 0));
    // `cut_of`: one per text of `compared`.
    let (compared, cut_of): (Cow<Lines>, Vec<u8>) = if any_cut {
        // Only the first lines with an ellipsis are looked up in the
        // longest line, so two copies of one text can be read apart: each
        // line is a text of its own here.
        let each: Vec<&str> = input.iter().collect();
        let mut stripped: Vec<(&str, u8)> =
            each.iter().map(|s| truncation::strip_ellipsis(s)).collect();
        truncation::keep_written_ellipses(&each, &mut stripped);
        for (k, _) in limited.iter().flatten().enumerate().filter(|(_, &l)| l) {
            stripped[k].1 |= truncation::CUT_END;
        }
        (
            Cow::Owned(Lines::each(stripped.iter().map(|&(s, _)| s).collect())),
            stripped.iter().map(|&(_, cut)| cut).collect(),
        )
    } else {
        (Cow::Borrowed(input), vec![0; input.texts().len()])
    };
    // Squeezed bytes handed on are those of the whole lines: with an
    // ellipsis to strip they are made again.
    let given = given.filter(|_| cut_of.iter().all(|&cut| cut == 0));
    // Squeezed bytes not held are made where the evidence reads them, and
    // made in full only for a pass that goes on past it: where nothing
    // changes (the second pass over a million glued paragraphs), the text
    // and the key tables are all it holds. Lines that are somehow not
    // normalised have theirs made as any pass's.
    let text = match &given {
        Some(Given::Text) => TextLines::new(input),
        _ => None,
    };
    let (given, found) = match given {
        Some(Given::Held(sq)) => (Some(sq), None),
        Some(Given::Found(found)) => (None, Some(found)),
        _ => (None, None),
    };
    let (made, built, text_found);
    if let Some(view) = text {
        text_found = Some(text_lines_evidence(&view, method)?);
        drop(view);
        built = Some(squeeze_each(input));
        made = None;
    } else if let Some(found) = found {
        text_found = Some(found);
        built = Some(squeeze_each(input));
        made = None;
    } else {
        made = given
            .is_none()
            .then(|| squeeze_distinct(&compared, &cut_of));
        built = None;
        text_found = None;
    }
    let (sq, distinct): (&Squeezed, Option<&Distinct>) = match (&given, &made, &built) {
        (Some(g), _, _) => (g, None),
        (None, _, Some(b)) => (b, None),
        (None, Some((sq, d)), None) => (sq, Some(d)),
        (None, None, None) => return None,
    };
    // For each line of a pass's output, whether it repeats an earlier one
    // (none where its paragraphs are known to be distinct).
    let (given_repeats, given_echoes) = if distinct.is_none() && !sq.distinct {
        given_repeats(sq)
    } else {
        (Vec::new(), Vec::new())
    };
    let repeats = |k: usize| given_repeats.get(k).copied().unwrap_or(false);
    let echoes = |k: usize| given_echoes.get(k).copied().unwrap_or(false);
    let raw_of = |k: usize| compared.get(distinct.map_or(k, |d| d.first[k] as usize));
    let (edges, quiet) = if let Some(found) = text_found {
        found
    } else {
        // Edges first, from the squeezed lines: the key tables are gone
        // before the `Line` records are made (issue 13).
        let view = SqLines {
            sq,
            cut: distinct.map(|d| &d.cut[..]),
            raw: &raw_of,
        };
        // A pass's output is distinct and normalised by construction.
        let normalised = || {
            given.is_some()
                || (sq.spans.len() == input.len() && input.texts().iter().all(|s| is_normalized(s)))
        };
        let may_link = |k: usize| {
            copies::looks_like_link_text(
                raw_of(k),
                view.sq_len(k),
                distinct.is_none_or(|d| d.once[k]),
                distinct.map_or_else(|| repeats(k) || echoes(k), |d| d.repeat[k] || d.echo[k]),
            )
        };
        let once = |k: usize| distinct.map_or_else(|| !(repeats(k) || echoes(k)), |d| d.once[k]);
        evidence(&view, &cut_of, normalised, method, may_link, once)?
    };
    let lines: Vec<Line> = sq
        .spans
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| {
            let first = distinct.map_or(k, |d| d.first[k] as usize);
            Line {
                raw: compared.get(first),
                full: input.get_ref(first),
                sq: &sq.arena[a..b],
                first: first as u32,
                cut: distinct.map_or(0, |d| d.cut[k]),
                once: distinct.is_none_or(|d| d.once[k]),
                repeat: distinct.map_or_else(|| repeats(k), |d| d.repeat[k]),
                echo: distinct.map_or_else(|| echoes(k), |d| d.echo[k]),
            }
        })
        .collect();
    let names = copies::Names::new(&lines);
    if quiet && !(0..lines.len()).any(|l| copies::link_text(&lines, l, &names)) {
        return None;
    }
    let groups = layout(&lines, &edges);
    let frames: Vec<Option<Frame>> = groups
        .iter()
        .map(|g| (g.members.len() > 1).then(|| Frame::new(&lines, g)))
        .collect();
    // Whether the scraper is seen to glue paragraphs with no space: a line
    // starts where the text before it is glued on.
    let style = if frames.iter().flatten().any(Frame::shows_tight_glue) {
        cuts::Style::Tight
    } else {
        cuts::Style::Spaced
    };
    // Paragraphs are seen to meet at one space in few places, if at all.
    let [narrow, other, glued, sentences] = frames
        .iter()
        .zip(&groups)
        .filter_map(|(f, g)| f.as_ref().map(|f| f.seams(&lines, g)))
        .fold([0; 4], |t, s| {
            [t[0] + s[0], t[1] + s[1], t[2] + s[2], t[3] + s[3]]
        });
    let narrow_rare = other > 0 && narrow * 4 < other;
    // Counting a cascade's glued line starts too (so wherever
    // `narrow_rare` holds), and not its sentences written as lines, which
    // meet where no paragraphs do.
    let sentences_rare = (narrow - sentences) * 4 < other + glued;
    // Lines too short for a key, which a gap between two lines may hold;
    // and short lines that the article writes more than once, which keys
    // found too often to place (`Open: April to October` in each of a
    // guide's lists).
    let short: HashSet<&[u8]> = lines
        .iter()
        .filter(|l| l.cut == 0 && (l.sq.len() < KEY || (l.sq.len() < LONG && !l.once)))
        .map(|l| l.sq)
        .collect();
    let mut out = copies::Output::new(
        &lines,
        names,
        matches!(method, Method::Strict { .. }),
        narrow_rare,
        sentences_rare,
    );
    for (g, frame) in groups.iter().zip(&frames) {
        let Some(frame) = frame else {
            out.push_line(g.members[0].0 as usize, false);
            continue;
        };
        let accepted = match method {
            Method::NearCopies => {
                frame.accepted(style, narrow_rare, sentences_rare, &lines, g, &short)
            }
            Method::Strict { whole_sentences } => {
                frame.every_event(whole_sentences && given.is_some())
            }
        };
        let paragraphs = frame.paragraphs(&lines, g, &accepted);
        // A seam that no line start shows (a cascade with lines missing)
        // is split, also where every line start the file has is spaced:
        // a page's markup may set some `</p><p>` pairs apart and not
        // others, and a cascade then writes some paragraphs glued. A
        // source's own typo glued so (`tsunami.Steve`) is split with them.
        let split = method == Method::NearCopies;
        out.push_group(g, frame, frame.copies(&accepted), paragraphs, split);
    }
    let (finished, dropped) = out.finish();
    if matches!(sq.arena, Cow::Owned(_)) && sq.arena.len() >= text_mode() {
        // Many squeezed bytes: the next pass gets the paragraphs without
        // them (`Given::Text`), and they are freed before the paragraphs
        // are kept, which then make their own where they compare: held
        // beside the input while a million parts were kept, they were the
        // peak of the first pass over 80 MB of glued paragraphs (issue 13).
        let mut huge_texts = None;
        let pieces: Vec<(Cow<'a, str>, bool, bool)> = finished
            .into_iter()
            .map(|(piece, _, split, repeat)| {
                (lasting(piece, input, &mut huge_texts), split, repeat)
            })
            .collect();
        drop((short, lines));
        drop((made, given, built));
        return Some(keep_text(pieces, dropped));
    }
    let mut kept = Kept::new(&sq.arena, finished.len());
    let mut huge_texts = None;
    let (headings, all_bounds) = glued_parts(finished.iter().map(|f| (f.0.as_ref(), f.2)));
    for ((piece, sq, split, repeat), mut bounds) in finished.into_iter().zip(all_bounds) {
        // The same text as before (its bounds hold).
        let piece = lasting(piece, input, &mut huge_texts);
        if split {
            cut_glued_headings(&piece, &mut bounds, &headings);
        }
        if bounds.len() > 1 {
            // The parts cover the piece, which is normalised (its only
            // whitespace is single spaces), so their squeezed bytes are
            // consecutive slices of the piece's: kept as such, not
            // squeezed again into a second copy of the text (issue 13: a
            // line of a million glued paragraphs). Which parts are kept is
            // settled first, then they are moved into the paragraphs' text
            // (in the piece's own buffer, when it is the larger).
            let sq_len = |p: &str| p.len() - memchr::memchr_iter(b' ', p.as_bytes()).count();
            let total: usize = bounds.iter().map(|&(a, b)| sq_len(&piece[a..b])).sum();
            // Room for every part at once: grown one part at a time these
            // tables doubled, up to twice their length.
            kept.paragraphs.reserve(bounds.len());
            kept.spans.reserve(bounds.len());
            // And the table of hashes: doubling, it held its old and new
            // tables at once (53 MB for 1.66 million glued paragraphs).
            kept.seen.reserve(bounds.len());
            match sq.filter(|sq| total == sq.len()) {
                Some(sq) => {
                    let mut at = 0;
                    bounds.retain(|&(a, b)| {
                        let len = sq_len(&piece[a..b]);
                        at += len;
                        a < b && kept.admit_sq(&sq[at - len..at], repeat)
                    });
                }
                None => {
                    // Room for all the parts' squeezed bytes at once (and
                    // the last part's whitespace, squeezed out in place):
                    // grown part by part it would double past them.
                    let last = bounds.last().map_or(0, |&(a, b)| b - a);
                    kept.extra.reserve(total + last);
                    bounds.retain(|&(a, b)| a < b && kept.admit_squeezing(&piece[a..b], repeat));
                }
            }
            kept.paragraphs.push_parts(piece, &bounds);
        // Not split: the piece itself is kept, not a copy of it (one huge
        // line held twice over, issue 13), with its squeezed bytes when
        // known.
        } else if let Some(sq) = sq {
            kept.keep(piece, &sq, repeat);
        } else {
            kept.keep_squeezing(piece, repeat);
        }
    }
    let base = kept.arena.len();
    let Kept {
        extra,
        mut spans,
        mut paragraphs,
        repeated,
        mut skipped,
        ..
    } = kept;
    if repeated {
        let bytes = |(a, b): (usize, usize)| {
            if a >= base {
                &extra[a - base..b - base]
            } else {
                &sq.arena[a..b]
            }
        };
        let all: Vec<&[u8]> = spans.iter().map(|&s| bytes(s)).collect();
        let drop = unsettled_repeats(&all);
        skipped |= drop.contains(&true);
        let keep = |i: &usize| !drop[*i];
        spans = (0..spans.len()).filter(keep).map(|i| spans[i]).collect();
        paragraphs.retain(|i| keep(&i));
    }
    let mut arena = if spans.iter().all(|&(a, _)| a >= base) {
        // Every part was split off a single line: the parts' own bytes are
        // all the next pass needs.
        for span in &mut spans {
            *span = (span.0 - base, span.1 - base);
        }
        extra
    } else {
        // The squeezed bytes of the pieces are slices of this pass's arena:
        // the next pass gets that arena, not a copy.
        let mut arena = match (made, given) {
            // Borrowed from the one line, and the pass gave that line back:
            // no pass follows (`rebuild_with`) to read the bytes, and a
            // copy of them made now would be held beside the input and the
            // paragraph (80 MB of `a`, issue 13).
            (
                Some((
                    Squeezed {
                        arena: Cow::Borrowed(_),
                        ..
                    },
                    _,
                )),
                _,
            ) if paragraphs.len() == input.len()
                && paragraphs.iter().zip(input.iter()).all(|(p, r)| p == r) =>
            {
                spans.clear();
                Vec::new()
            }
            (Some((sq, _)), _) => sq.arena.into_owned(),
            (None, Some(g)) => g.arena.into_owned(),
            (None, None) => Vec::new(),
        };
        arena.extend_from_slice(&extra);
        arena
    };
    // Grown one paragraph at a time, these held up to twice their length,
    // through the next pass (which checks that nothing changes).
    if spans.capacity() - spans.len() > SLACK {
        spans.shrink_to_fit();
    }
    paragraphs.shrink(SLACK);
    // The squeezed bytes were given room for the whole text, whitespace
    // and copies included: the rest is given back before the next pass.
    if arena.capacity() - arena.len() > ARENA_SLACK {
        arena.shrink_to_fit();
    }
    Some(Passed {
        paragraphs,
        // A pass keeps a paragraph whose bytes it kept before only as a
        // repeat (`Kept::admit`): with none, the paragraphs are distinct.
        squeezed: Given::Held(Squeezed {
            arena: Cow::Owned(arena),
            spans,
            distinct: !repeated,
        }),
        dropped: dropped || skipped,
    })
}

/// Squeezed bytes of a pass's output from which the next pass gets them
/// not held ([`Given::Text`]): 16 MiB, far past any article, so that the
/// passes over a scraped file hand theirs on as they are.
const TEXT_MODE: usize = 1 << 24;

#[cfg(test)]
thread_local! {
    /// [`TEXT_MODE`] as a test sets it, to run small inputs in text mode.
    pub(super) static TEXT_MODE_TEST: std::cell::Cell<usize> = const { std::cell::Cell::new(TEXT_MODE) };
}

/// [`TEXT_MODE`] (as a test sets it, in tests).
fn text_mode() -> usize {
    #[cfg(test)]
    return TEXT_MODE_TEST.get();
    #[cfg(not(test))]
    TEXT_MODE
}

/// What a pass hands the next of its output's squeezed bytes.
enum Given {
    /// Held, in one arena.
    Held(Squeezed<'static>),
    /// Not held: many paragraphs, distinct and normalised, whose squeezed
    /// bytes (their text without its spaces) the next pass makes where it
    /// reads them ([`TextLines`]).
    Text,
    /// Not held, and the evidence between the paragraphs found already
    /// ([`text_evidence`]).
    Found((Vec<Edge>, bool)),
}

/// The evidence of a pass over `lines` (a pass's output in text mode),
/// as [`evidence`] finds it: none of them is cut off with an ellipsis or
/// repeated, all are distinct and normalised.
fn text_lines_evidence<T: LineTexts + ?Sized>(
    view: &TextLines<'_, T>,
    method: Method,
) -> Option<(Vec<Edge>, bool)> {
    let may_link =
        |k: usize| copies::looks_like_link_text(view.raw(k), view.sq_len(k), true, false);
    evidence(view, &[], || true, method, may_link, |_| true)
}

/// The evidence of a pass over `paragraphs`, a pass's output in text mode,
/// read in them as they are kept: `None` where that pass would change
/// nothing (and return `None`), else what it found, or `Some(None)` where
/// the pass does not read them in text mode (a paragraph cut off with an
/// ellipsis is compared without it, or one is not normalised).
fn text_evidence(paragraphs: &Paragraphs<'_>, method: Method) -> Option<Option<(Vec<Edge>, bool)>> {
    let cut = |s: &str| truncation::strip_ellipsis(s).1 != 0;
    if method == Method::NearCopies && paragraphs.iter().any(cut) {
        return Some(None);
    }
    let Some(view) = TextLines::new(paragraphs) else {
        return Some(None);
    };
    text_lines_evidence(&view, method).map(Some)
}

/// The end of a pass in text mode: the paragraphs of `pieces` (each with
/// whether it is split at its glued seams and whether it is a repeat) kept
/// as [`Kept`] keeps them, their squeezed bytes made where they are
/// compared and not held. Where some paragraph is kept twice, as a repeat,
/// they are made for all (a repeat is settled as in [`pass`], and the next
/// pass reads which lines repeat from them).
fn keep_text(pieces: Vec<(Cow<'_, str>, bool, bool)>, dropped: bool) -> Passed<'_> {
    let mut kept = KeptText {
        paragraphs: Paragraphs::with_capacity(pieces.len()),
        seen: U64Map::with_capacity_and_hasher(pieces.len().min(PRESIZE), Default::default()),
        count: 0,
        repeated: false,
        skipped: false,
        sq: Vec::new(),
        other: Vec::new(),
    };
    let (headings, all_bounds) = glued_parts(pieces.iter().map(|p| (p.0.as_ref(), p.1)));
    for ((piece, split, repeat), mut bounds) in pieces.into_iter().zip(all_bounds) {
        if split {
            cut_glued_headings(&piece, &mut bounds, &headings);
        }
        if bounds.len() > 1 {
            kept.paragraphs.reserve(bounds.len());
            kept.seen.reserve(bounds.len());
            // The parts kept so far stay at the front of `bounds`, where a
            // later part is compared with them.
            let base = kept.paragraphs.len();
            let mut w = 0;
            for i in 0..bounds.len() {
                let (a, b) = bounds[i];
                if a < b && kept.admit(&piece[a..b], repeat, &piece, &bounds[..w], base) {
                    bounds[w] = (a, b);
                    w += 1;
                }
            }
            bounds.truncate(w);
            kept.paragraphs.push_parts(piece, &bounds);
        } else if !piece.is_empty() && kept.admit(&piece, repeat, "", &[], 0) {
            kept.paragraphs.push(piece);
        }
    }
    let KeptText {
        mut paragraphs,
        repeated,
        mut skipped,
        ..
    } = kept;
    if !repeated {
        paragraphs.shrink(SLACK);
        return Passed {
            paragraphs,
            squeezed: Given::Text,
            dropped: dropped || skipped,
        };
    }
    let mut arena = Vec::new();
    let mut spans = Vec::with_capacity(paragraphs.len());
    for p in paragraphs.iter() {
        let start = arena.len();
        squeeze_into(p, &mut arena);
        spans.push((start, arena.len()));
    }
    let all: Vec<&[u8]> = spans.iter().map(|&(a, b)| &arena[a..b]).collect();
    let drop = unsettled_repeats(&all);
    skipped |= drop.contains(&true);
    let keep = |i: &usize| !drop[*i];
    let spans = (0..spans.len()).filter(keep).map(|i| spans[i]).collect();
    paragraphs.retain(|i| keep(&i));
    paragraphs.shrink(SLACK);
    Passed {
        paragraphs,
        squeezed: Given::Held(Squeezed {
            arena: Cow::Owned(arena),
            spans,
            distinct: false,
        }),
        dropped: dropped || skipped,
    }
}

/// The paragraphs a pass keeps in text mode ([`keep_text`]), each once.
struct KeptText<'a> {
    paragraphs: Paragraphs<'a>,
    /// First paragraph with each squeezed hash (see [`Kept::seen`]).
    seen: U64Map<u32>,
    /// Paragraphs admitted: those kept and the parts of the piece being
    /// cut that are to be.
    count: usize,
    /// Some paragraph was kept twice, as a repeat.
    repeated: bool,
    /// Some paragraph was not kept, having been kept before.
    skipped: bool,
    /// The squeezed bytes of the part at hand, and of the one it is
    /// compared with.
    sq: Vec<u8>,
    other: Vec<u8>,
}

impl KeptText<'_> {
    /// Whether `part` (not empty) is kept, as [`Kept::admit_sq`] tells:
    /// unless it was kept before (and is no `repeat`). Paragraphs from
    /// `base` on are the parts of `piece` at `pending`, not yet pushed.
    fn admit(
        &mut self,
        part: &str,
        repeat: bool,
        piece: &str,
        pending: &[(usize, usize)],
        base: usize,
    ) -> bool {
        self.sq.clear();
        squeeze_into(part, &mut self.sq);
        let key = word_hash(&self.sq);
        let found = self.seen.get(&key).map(|&k| {
            let k = k as usize;
            let text = match k.checked_sub(base) {
                Some(j) if j < pending.len() => &piece[pending[j].0..pending[j].1],
                _ => self.paragraphs.get(k),
            };
            self.other.clear();
            squeeze_into(text, &mut self.other);
            self.other == self.sq
        });
        match found {
            Some(true) if !repeat => {
                self.skipped = true;
                return false;
            }
            Some(true) => self.repeated = true,
            Some(false) => {}
            None => {
                self.seen.insert(key, self.count as u32);
            }
        }
        self.count += 1;
        true
    }
}

/// The paragraphs a pass keeps, each once, with where their squeezed bytes
/// are: in the pass's arena, or past its end in `extra` (parts split off
/// a single line).
struct Kept<'s, 'a> {
    arena: &'s [u8],
    extra: Vec<u8>,
    spans: Vec<(usize, usize)>,
    paragraphs: Paragraphs<'a>,
    /// First paragraph with each squeezed hash. Two different paragraphs
    /// with one 64-bit hash are both kept: a duplicate is possible then, a
    /// loss not.
    seen: U64Map<u32>,
    /// Some paragraph was kept twice, as a repeat.
    repeated: bool,
    /// Some paragraph was not kept, having been kept before.
    skipped: bool,
}

impl<'s, 'a> Kept<'s, 'a> {
    /// For about `pieces` paragraphs (parts split off them come on top):
    /// tables grown from empty were reallocated two or three times a pass.
    fn new(arena: &'s [u8], pieces: usize) -> Self {
        Kept {
            arena,
            extra: Vec::new(),
            spans: Vec::with_capacity(pieces),
            paragraphs: Paragraphs::with_capacity(pieces),
            seen: U64Map::with_capacity_and_hasher(pieces.min(PRESIZE), Default::default()),
            repeated: false,
            skipped: false,
        }
    }

    fn bytes(&self, (a, b): (usize, usize)) -> &[u8] {
        let base = self.arena.len();
        if a >= base {
            &self.extra[a - base..b - base]
        } else {
            &self.arena[a..b]
        }
    }

    /// Keeps `part` (normalised, hence trimmed; `sq` is its squeezed form)
    /// unless it is empty or was kept before (and is no `repeat`).
    fn keep(&mut self, part: Cow<'a, str>, sq: &[u8], repeat: bool) {
        if !part.is_empty() && self.admit_sq(sq, repeat) {
            self.paragraphs.push(part);
        }
    }

    /// Whether a part whose squeezed form is `sq` is kept (see
    /// [`Kept::keep`]); if so, its squeezed bytes are recorded, and its
    /// text must be pushed next.
    fn admit_sq(&mut self, sq: &[u8], repeat: bool) -> bool {
        let (key, found) = self.earlier(sq);
        if !self.admit(key, found, repeat) {
            return false;
        }
        let start = match offset_in(self.arena, sq) {
            Some(start) => start,
            None => {
                let start = self.arena.len() + self.extra.len();
                self.extra.extend_from_slice(sq);
                start
            }
        };
        self.spans.push((start, start + sq.len()));
        true
    }

    /// The hash of `sq`, and whether a paragraph kept before has it: the
    /// same bytes (`Some(true)`), or other bytes (`Some(false)`, a 64-bit
    /// collision).
    fn earlier(&self, sq: &[u8]) -> (u64, Option<bool>) {
        let key = word_hash(sq);
        let found = self
            .seen
            .get(&key)
            .map(|&k| self.bytes(self.spans[k as usize]) == sq);
        (key, found)
    }

    /// Whether a paragraph is kept, given what [`Kept::earlier`] found: a
    /// copy of one kept before only as a `repeat`. Records the outcome.
    fn admit(&mut self, key: u64, found: Option<bool>, repeat: bool) -> bool {
        match found {
            Some(true) if !repeat => {
                self.skipped = true;
                return false;
            }
            Some(true) => self.repeated = true,
            Some(false) => {}
            None => {
                // `spans` has an entry a paragraph kept.
                self.seen.insert(key, self.spans.len() as u32);
            }
        }
        true
    }
}

/// For each line of a pass's output, whether it repeats an earlier one (a
/// pass writes a paragraph twice only where the article repeats it), and
/// whether a later one repeats it: what a first pass reads of the same
/// lines (`Line::repeat`, `Line::echo`), so that the passes after it, and
/// cleaning the output again, judge them alike.
fn given_repeats(sq: &Squeezed<'_>) -> (Vec<bool>, Vec<bool>) {
    let mut seen: U64Map<u32> =
        U64Map::with_capacity_and_hasher(sq.spans.len().min(PRESIZE), Default::default());
    let line = |i: usize| &sq.arena[sq.spans[i].0..sq.spans[i].1];
    let mut echo = vec![false; sq.spans.len()];
    let repeat = (0..sq.spans.len())
        .map(|k| match seen.entry(word_hash(line(k))) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let first = *e.get() as usize;
                let same = line(first) == line(k);
                echo[first] |= same;
                same
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(k as u32);
                false
            }
        })
        .collect();
    (repeat, echo)
}

/// The line that edge `e` places strictly inside the other, ending just
/// before a sentence's stop (`.`, `!`, `?`; not an ellipsis) of the other,
/// if it does (and that line is not cut off with an ellipsis).
/// (`o_buf`, `i_buf`: room for the lines' squeezed bytes, where those are
/// not held.)
fn ends_before_stop<L: Keyed>(
    lines: &L,
    e: &Edge,
    o_buf: &mut Vec<u8>,
    i_buf: &mut Vec<u8>,
) -> Option<u32> {
    let (a, b) = (e.a as usize, e.b as usize);
    // `inner` starts `d` bytes into `outer`.
    let (outer, inner, d) = if e.d >= 0 { (a, b, e.d) } else { (b, a, -e.d) };
    let d = usize::try_from(d).ok()?;
    let (o, i) = (lines.sq(outer, o_buf), lines.sq(inner, i_buf));
    let end = d + i.len();
    if lines.cut(inner) != 0 || end >= o.len() || i.is_empty() {
        return None;
    }
    let rest = &o[end..];
    (matches!(rest[0], b'.' | b'!' | b'?') && !rest.starts_with(b"..")).then_some(inner as u32)
}

/// For each edge, whether the two lines have another edge that matches
/// more of their text (the bytes where the two overlap, placed so).
fn shorter_matches<L: Keyed>(lines: &L, edges: &[Edge]) -> Vec<bool> {
    let shared = |e: &Edge| {
        let (la, lb) = (
            lines.sq_len(e.a as usize) as i64,
            lines.sq_len(e.b as usize) as i64,
        );
        (la.min(e.d + lb) - e.d.max(0)).max(0)
    };
    let pair = |e: &Edge| (e.a.min(e.b), e.a.max(e.b));
    let mut order: Vec<u32> = (0..edges.len() as u32).collect();
    order.sort_unstable_by_key(|&k| pair(&edges[k as usize]));
    let mut shorter = vec![false; edges.len()];
    for run in order.chunk_by(|&x, &y| pair(&edges[x as usize]) == pair(&edges[y as usize])) {
        if run.len() < 2 {
            continue;
        }
        let most = run
            .iter()
            .map(|&k| shared(&edges[k as usize]))
            .max()
            .unwrap_or(0);
        for &k in run {
            shorter[k as usize] = shared(&edges[k as usize]) < most;
        }
    }
    shorter
}

/// Two lines that overlap, one running on past the other's end: `second`
/// starts at squeezed byte `at` of `first`, and they share `len` bytes.
#[derive(Clone, Copy)]
struct Overlap {
    first: u32,
    second: u32,
    at: i64,
    len: i64,
}

/// The overlap that edge `e` makes, where neither line holds the other.
fn overlap_of<L: Keyed>(lines: &L, e: &Edge) -> Option<Overlap> {
    let (a, b) = (
        lines.sq_len(e.a as usize) as i64,
        lines.sq_len(e.b as usize) as i64,
    );
    let (first, second, fl, sl, d) = if e.d >= 0 {
        (e.a, e.b, a, b, e.d)
    } else {
        (e.b, e.a, b, a, -e.d)
    };
    (d > 0 && d < fl && d + sl > fl).then_some(Overlap {
        first,
        second,
        at: d,
        len: fl - d,
    })
}

/// `(outer, inner, where inner starts in outer)` where edge `e` places
/// one of its lines inside the other, the inner one shorter.
fn held_in<L: Keyed>(lines: &L, e: &Edge) -> Option<(u32, u32, i64)> {
    let (la, lb) = (
        lines.sq_len(e.a as usize) as i64,
        lines.sq_len(e.b as usize) as i64,
    );
    if e.d >= 0 && e.d + lb <= la && lb < la {
        Some((e.a, e.b, e.d))
    } else if e.d <= 0 && la - e.d <= lb && la < lb {
        Some((e.b, e.a, -e.d))
    } else {
        None
    }
}

/// Where the overlaps of a pass's edges start and end in their lines, to
/// tell an overlap that chains with others (a window's lines of list
/// items, `A B`, `B C`, `C D`) from one alone.
struct Chains {
    /// (line, where its next overlap starts)
    starts: HashSet<(u32, i64)>,
    /// (line, where its last overlap ends)
    ends: HashSet<(u32, i64)>,
}

impl Chains {
    fn new<L: Keyed>(lines: &L, edges: &[Edge]) -> Chains {
        let all: Vec<Overlap> = edges.iter().filter_map(|e| overlap_of(lines, e)).collect();
        Chains {
            starts: all.iter().map(|o| (o.first, o.at)).collect(),
            ends: all.iter().map(|o| (o.second, o.len)).collect(),
        }
    }

    /// Whether `o` overlaps its second line where that one's next overlap
    /// starts, or its first where that one's last overlap ends.
    fn chained(&self, o: Overlap) -> bool {
        self.starts.contains(&(o.second, o.len)) || self.ends.contains(&(o.first, o.at))
    }
}

/// The overlap of edge `e` ([`overlap_of`]) where it is shorter than
/// `LONG` squeezed bytes, both its ends are written with a space, and
/// neither is marked by punctuation ([`seams::marked_seam`]): a name that
/// ends a heading and opens the paragraph under it (`About Severn Sun
/// Co-operative` and `Severn Sun Co-operative Ltd is…`). Squeezed text has
/// no spaces, so a small letter before a capital reads as a seam before
/// any name; the spaces say these are words of one text each. (A window's
/// lines overlap so with no space, or with a stop, at both ends.)
fn short_spaced_overlap<L: Keyed>(
    lines: &L,
    e: &Edge,
    a_buf: &mut Vec<u8>,
    b_buf: &mut Vec<u8>,
) -> Option<Overlap> {
    let o = overlap_of(lines, e)?;
    if o.len >= LONG as i64 {
        return None;
    }
    let (at, len) = (o.at as usize, o.len as usize);
    let first = lines.sq(o.first as usize, a_buf);
    let second = lines.sq(o.second as usize, b_buf);
    if seams::marked_seam(first, at) || seams::marked_seam(second, len) {
        return None;
    }
    let spaced = spaced_at(lines.raw(o.first as usize), at, false)
        && spaced_at(lines.raw(o.second as usize), len, false);
    spaced.then_some(o)
}

/// For each edge, whether it places a line shorter than `LONG` at the end
/// of one line or the start of another where it does both, set off by
/// whitespace in each (`…for another hour. Don’t rush the second rise.`,
/// `Don’t rush the second rise. It is the single…` and `Don’t rush the
/// second rise.`), or is an overlap of those two lines through it: the
/// article says a sentence at the end of one paragraph, at the start of
/// another and alone, and the two paragraphs are not one text that it
/// joins. The same overlap written directly is [`short_spaced_overlap`]'s
/// (where a mark at its ends does not make it a window's, as there: the
/// line standing alone shows the sentence is written whole three times).
/// Unless the lines chain so: a window's lines of list items.
fn spaced_through_line<L: Keyed>(view: &L, edges: &[Edge]) -> Vec<bool> {
    let len = |l: u32| view.sq_len(l as usize) as i64;
    // The short lines at some line's end and at another's start, and those
    // lines.
    let mut at_end: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut at_start: HashMap<u32, Vec<u32>> = HashMap::new();
    for e in edges {
        if let Some((outer, inner, d)) = held_in(view, e) {
            if len(inner) >= LONG as i64 {
                continue;
            }
            if d > 0 && d + len(inner) == len(outer) {
                at_end.entry(inner).or_default().push(outer);
            } else if d == 0 {
                at_start.entry(inner).or_default().push(outer);
            }
        }
    }
    at_end.retain(|x, _| at_start.contains_key(x));
    if at_end.is_empty() {
        return Vec::new();
    }
    let chains = Chains::new(view, edges);
    // (short line, the line it ends, the line it starts)
    let mut joins: HashSet<(u32, u32, u32)> = HashSet::new();
    for (&x, firsts) in &at_end {
        let lx = len(x);
        for &f in firsts {
            if !spaced_at(view.raw(f as usize), lx as usize, true) {
                continue;
            }
            for &s in &at_start[&x] {
                let through = Overlap {
                    first: f,
                    second: s,
                    at: len(f) - lx,
                    len: lx,
                };
                if s != f
                    && !chains.chained(through)
                    && spaced_at(view.raw(s as usize), lx as usize, false)
                {
                    joins.insert((x, f, s));
                }
            }
        }
    }
    if joins.is_empty() {
        return Vec::new();
    }
    let pairs: HashSet<(u32, u32)> = joins.iter().map(|&(_, f, s)| (f, s)).collect();
    // (short line, a line it ends or starts)
    let placed: HashSet<(u32, u32)> = joins
        .iter()
        .flat_map(|&(x, f, s)| [(x, f), (x, s)])
        .collect();
    edges
        .iter()
        .map(|e| {
            if let Some(o) = overlap_of(view, e) {
                return pairs.contains(&(o.first, o.second));
            }
            held_in(view, e).is_some_and(|(outer, inner, _)| placed.contains(&(inner, outer)))
        })
        .collect()
}

/// Whether edge `e` overlaps its lines without either holding the other,
/// and the one that runs on past the other's end goes on there with a
/// mark no paragraph starts with: a stop, a colon, a semicolon, a comma, a
/// closing bracket, or an opening one after a letter or digit, unless the
/// shorter was cut off there with an ellipsis (`Full time: Ashford
/// Town 3-1 Kelmarsh Rovers` and `Ashford Town 3-1 Kelmarsh Rovers: Dele
/// Marsh celebrates…`, a score and a photo's caption). The shared words
/// are then a phrase the text says twice, not a paragraph two lines of a
/// window hold. (`buf`: as for [`ends_before_stop`].)
fn runs_on_past_end<L: Keyed>(lines: &L, e: &Edge, buf: &mut Vec<u8>) -> bool {
    let Some(o) = overlap_of(lines, e) else {
        return false;
    };
    // `first` ends inside `second`, where `second` goes on with this; an
    // ellipsis there is `first`'s own, cut off (`concerned with...`).
    let second = lines.sq(o.second as usize, buf);
    let (shared, rest) = second.split_at(o.len as usize);
    // Or with a bracket right after a word, which goes on in its sentence
    // (`Pellingham City 2-1 Oxley Rovers (Danso, pen, 87)`, a goal's line
    // that repeats the full-time score); unless `first` was cut off there
    // with an ellipsis (`…would value the company at A$3.1bn...`).
    let bracket = rest.first() == Some(&b'(')
        && shared.last().is_some_and(u8::is_ascii_alphanumeric)
        && lines.cut(o.first as usize) & truncation::CUT_END == 0;
    (rest
        .first()
        .is_some_and(|c| matches!(c, b'.' | b'!' | b'?' | b':' | b';' | b',' | b')' | b']'))
        || bracket)
        && !rest.starts_with(b"..")
}

impl<'a> Kept<'_, 'a> {
    /// [`Kept::keep`] with `part`'s squeezed bytes made here, straight into
    /// `extra` (and taken back if `part` was kept before): a scratch copy
    /// made first would hold a huge part's bytes twice (issue 13).
    fn keep_squeezing(&mut self, part: Cow<'a, str>, repeat: bool) {
        if !part.is_empty() && self.admit_squeezing(&part, repeat) {
            self.paragraphs.push(part);
        }
    }

    /// [`Kept::admit_sq`] of `part`, squeezed here.
    fn admit_squeezing(&mut self, part: &str, repeat: bool) -> bool {
        let start = self.extra.len();
        squeeze_into(part, &mut self.extra);
        let (key, found) = self.earlier(&self.extra[start..]);
        if !self.admit(key, found, repeat) {
            self.extra.truncate(start);
            return false;
        }
        let at = self.arena.len() + start;
        self.spans.push((at, self.arena.len() + self.extra.len()));
        true
    }
}

/// Pieces at least this long that are an input line's text as written
/// stay borrowed from it ([`lasting`]).
const HUGE: usize = 1 << 20;

/// `piece` as a pass keeps it: a huge one that is text of `input` as
/// written (normalised already: a line of 80 MB of glued paragraphs)
/// borrowed from there, not copied beside it (issue 13); any other owned,
/// as pieces always were. `huge_texts`: the input's texts of at least
/// [`HUGE`] bytes, found once a pass when first needed (at most one per
/// MiB of input, so looking through them is cheap).
fn lasting<'a>(
    piece: Cow<'_, str>,
    input: &Lines<'a>,
    huge_texts: &mut Option<Vec<&'a str>>,
) -> Cow<'a, str> {
    let text = match piece {
        Cow::Borrowed(text) if text.len() >= HUGE => text,
        piece => return Cow::Owned(piece.into_owned()),
    };
    let huge = huge_texts.get_or_insert_with(|| {
        input
            .texts()
            .iter()
            .copied()
            .filter(|t| t.len() >= HUGE)
            .collect()
    });
    huge.iter()
        .find_map(|t| {
            let start = (text.as_ptr() as usize).checked_sub(t.as_ptr() as usize)?;
            t.get(start..start.checked_add(text.len())?)
        })
        .map_or_else(|| Cow::Owned(text.to_string()), Cow::Borrowed)
}

/// The `(start, end)` in `piece` (normalised) of each paragraph glued in
/// it ([`split_glued`]), its spaces trimmed; one or none when it holds no
/// seam.
fn part_bounds(piece: &str) -> Vec<(usize, usize)> {
    split_glued(piece)
        .into_iter()
        .map(|part| {
            let part = part.trim_matches(' ');
            let start = part.as_ptr() as usize - piece.as_ptr() as usize;
            (start, start + part.len())
        })
        .collect()
}

/// The bounds of the parts of each piece to split at its glued seams
/// ([`part_bounds`]; none for a piece kept whole), and the texts among
/// the pass's paragraphs that read as headings: a few words in at most
/// [`HEADING`] bytes, the first capitalised, ending on a letter or a digit
/// (not with a stop, a comma or a colon), whether a piece or a part (`…to
/// add."In numbers`). The headings are owned: the pieces move into the
/// paragraphs as they are split.
fn glued_parts<'p>(
    pieces: impl Iterator<Item = (&'p str, bool)>,
) -> (HashSet<String>, Vec<Vec<(usize, usize)>>) {
    let heading = |p: &str| {
        p.len() <= HEADING
            && p.split(' ').count() <= copies::HEADING_WORDS
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().next_back().is_some_and(char::is_alphanumeric)
    };
    let mut headings = HashSet::new();
    let mut all = Vec::new();
    for (piece, split) in pieces {
        let bounds = if split {
            part_bounds(piece)
        } else {
            Vec::new()
        };
        if bounds.len() > 1 {
            let parts = bounds.iter().map(|&(a, b)| &piece[a..b]);
            headings.extend(parts.filter(|p| heading(p)).map(str::to_string));
        } else if heading(piece.trim_matches(' ')) {
            headings.insert(piece.trim_matches(' ').to_string());
        }
        all.push(bounds);
    }
    (headings, all)
}

/// Cuts each part in `bounds` (of `piece`) that opens with one of
/// `headings` glued to a capitalised word that starts a long text ending a
/// sentence (`TimelineSouthern California Edison said…`): see
/// [`heading_glued_at`]. The first part only after a heading of two words
/// or more (`Key pointsThe foreign secretary…`): it starts where a line
/// does, and a name that opens a paragraph glued (`MacBook Pro sales
/// rose…`, `DaimlerChrysler said…`) starts so too, however short a
/// paragraph of its first word's text stands elsewhere (`Mac`, `Daimler`).
/// A later part starts at a glued seam, where the lines starting at the
/// paragraphs after it were lost.
fn cut_glued_headings(piece: &str, bounds: &mut Vec<(usize, usize)>, headings: &HashSet<String>) {
    if headings.is_empty() {
        return;
    }
    let cuts: Vec<Option<usize>> = bounds
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let k = heading_glued_at(&piece[a..b], headings)?;
            (i > 0 || piece[a..a + k].contains(' ')).then_some(a + k)
        })
        .collect();
    if cuts.iter().all(Option::is_none) {
        return;
    }
    let mut cut_bounds = Vec::with_capacity(bounds.len() + 1);
    for (&(a, b), cut) in bounds.iter().zip(cuts) {
        match cut {
            Some(k) => cut_bounds.extend([(a, k), (k, b)]),
            None => cut_bounds.push((a, b)),
        }
    }
    *bounds = cut_bounds;
}

/// The last word of `text` (after its last space).
fn last_word(text: &str) -> &str {
    text.rfind(' ').map_or(text, |i| &text[i + 1..])
}

/// How often a small letter is followed by a capital in `word`: never in
/// a heading's last word (`Timeline`, `Q&A`), where the next paragraph's
/// first word may be a name (`McIlroy`); in code's names, which list items
/// start alike with (`ReadableStream` before `ReadableStreamDefaultReader`),
/// often.
fn camel_humps(word: &str) -> usize {
    word.chars()
        .zip(word.chars().skip(1))
        .filter(|&(a, b)| a.is_lowercase() && b.is_uppercase())
        .count()
}

/// Where `part` (normalised) opens with one of `headings` glued to the
/// next paragraph: a small letter or a digit glued to a capital
/// (`Timeline|Southern`, `Background|ABM`), any letter to a capital and a
/// small letter (`Q&A|The`) or to an opening quote and a capital (`Key
/// points|"There`), and after it a long text that ends a sentence.
/// A heading and the paragraph under it touch so where a cascade lost the
/// line that starts at the paragraph, and the article says the heading
/// again where its lines cut it. A word glued to a capital is no seam by
/// its look alone (`PlayStation`, `McDonald`); nor after a list item that
/// another item starts with (`ArrayBuffer` before `ArrayBufferView
/// (Uint8Array and friends)`), where what follows is short or ends no
/// sentence.
fn heading_glued_at(part: &str, headings: &HashSet<String>) -> Option<usize> {
    if part.len() < LONG {
        return None;
    }
    if !copies::ends_sentence(part) {
        return None;
    }
    let mut chars = part.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((k, c)) = chars.next() {
        if k > HEADING {
            break;
        }
        let after = chars.peek().map(|&(_, a)| a);
        // Or to an opening quote before a capital (`Key points"There is`).
        let quote_opens = matches!(c, '"' | '“') && after.is_some_and(char::is_uppercase);
        if prev.is_some_and(|p| {
            p.is_lowercase()
                || p.is_numeric()
                || (p.is_alphanumeric() && (quote_opens || after.is_some_and(char::is_lowercase)))
        }) && (c.is_uppercase() || quote_opens)
            && headings.contains(&part[..k])
            && part.len() - k >= LONG
            && camel_humps(last_word(&part[..k])) == 0
        {
            return Some(k);
        }
        prev = Some(c);
    }
    None
}

/// Unused entries a pass's table of paragraphs may keep.
const SLACK: usize = 1 << 12;

/// Unused bytes a pass's squeezed text may keep.
const ARENA_SLACK: usize = 1 << 20;

/// Where `part` starts in `arena`, if it is a slice of it.
fn offset_in(arena: &[u8], part: &[u8]) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(arena.as_ptr() as usize)?;
    (start + part.len() <= arena.len()).then_some(start)
}

#[cfg(test)]
mod tests;
