//! Paragraphs the article itself repeats, put back where its longest line
//! holds them.
//!
//! The passes keep each paragraph once, at one place: lines that copy a
//! paragraph are how the scraper bug shows, so a text seen twice is read
//! as one. But an article can say the same thing twice (`Fresh coriander`
//! in a recipe's ingredients and again under `To serve`, a photo caption
//! over the report and in the gallery, share links under each section),
//! and then the line that holds the whole article (a cascade's first line,
//! the container of an element walk) holds those paragraphs twice, in
//! their places. That line is the strongest evidence there is of the
//! article's order: where it is a run of the paragraphs found, each whole,
//! with some of them again, the run is the article ([`restore`]).
//!
//! Where no line holds the whole article (a cascade within each post of a
//! live blog), the lines say it: a block of lines written again, line for
//! line, with other lines between the two copies, is a block the article
//! says twice (the pinned post over the feed, and again in its place),
//! where no other line holds its text ([`block_said_twice`],
//! [`place_again`]).
//!
//! A block the article says twice is also cut alike in both places: where
//! the lines cut one place into its items and left the other glued (the
//! scraper's lines of a list are placed once), the glued one is the same
//! items ([`split_as_elsewhere`]).
//!
//! All only add text or cuts, and `mod.rs` keeps their result only where
//! cleaning it again gives it back.

use super::squeeze::squeeze_into;
use super::truncation::strip_ellipsis;
use super::{word_hash, Lines, U64Map};
use std::collections::{HashMap, HashSet};

/// Bytes of the longest line past which it is not read: an article, not
/// a file of glued megabytes.
const MAX_LINE: usize = 1 << 16;
/// Bytes of paragraphs past which they are not read again: a file of
/// many articles' worth of text, whose squeezed copy would be held beside
/// it.
const MAX_TEXT: usize = 1 << 22;
/// Places of paragraphs in the longest line that its reading may find, at
/// most (its length times the paragraphs' distinct lengths).
const BUDGET: usize = 1 << 24;

/// Paragraphs in a run the longest line may hold, at most.
const MAX_RUN: usize = 1 << 12;

/// `paragraphs` with the ones the longest line of `lines` holds more than
/// once written again where it holds them; `None` where nothing changes.
///
/// Taken only where the longest line (an ellipsis at either end removed)
/// is not in the paragraphs already, is a run of them in exactly one way,
/// and that run, its repeats aside, is the paragraphs it spans in their
/// order with none left out: text is only added, a copy of a paragraph
/// next to the ones the line glues it to. A run that says a block twice in
/// a row (`S` `S T`: a cascade glued into one line, an article written
/// twice over) is the scraper's doing, not the article's, and is left
/// alone.
pub(super) fn restore<'p>(
    lines: &Lines,
    paragraphs: impl Iterator<Item = &'p str> + Clone,
) -> Option<Vec<String>> {
    let longest = strip_ellipsis(lines.longest()?).0;
    if longest.len() > MAX_LINE || paragraphs.clone().map(str::len).sum::<usize>() > MAX_TEXT {
        return None;
    }
    let mut line = Vec::new();
    squeeze_into(longest, &mut line);
    if line.is_empty() {
        return None;
    }
    // The paragraphs' squeezed text, and where each ends.
    let mut text = Vec::new();
    let mut ends = Vec::new();
    for p in paragraphs.clone() {
        squeeze_into(p, &mut text);
        ends.push(text.len());
    }
    if memchr::memmem::find(&text, &line).is_some() {
        return None;
    }
    // An id per distinct text, and each paragraph's.
    let mut seen: HashMap<&[u8], usize> = HashMap::new();
    let mut texts: Vec<&[u8]> = Vec::new();
    let mut ids: Vec<usize> = Vec::with_capacity(ends.len());
    let mut start = 0;
    for &end in &ends {
        let sq = &text[start..end];
        start = end;
        ids.push(*seen.entry(sq).or_insert_with(|| {
            texts.push(sq);
            texts.len() - 1
        }));
    }
    let lengths: HashSet<usize> = texts.iter().map(|t| t.len()).collect();
    if line.len().saturating_mul(lengths.len()) > BUDGET {
        return None;
    }
    let run = only_reading(&line, &texts)?;
    if run.len() > MAX_RUN {
        return None;
    }
    // The paragraphs the run spans, from the first it holds to the last.
    let mut used = vec![false; texts.len()];
    for &id in &run {
        used[id] = true;
    }
    let lo = ids.iter().position(|&id| used[id])?;
    let hi = ids.iter().rposition(|&id| used[id])?;
    let span = &ids[lo..=hi];
    if run.len() <= span.len() || !span.iter().all(|&id| used[id]) {
        return None;
    }
    // In their order: the run is the span with paragraphs added.
    let mut at = 0;
    for &id in &run {
        if at < span.len() && span[at] == id {
            at += 1;
        }
    }
    if at < span.len() || says_twice_in_a_row(&run) {
        return None;
    }
    let all: Vec<&str> = paragraphs.collect();
    let mut first = vec![usize::MAX; texts.len()];
    for (k, &id) in ids.iter().enumerate().rev() {
        first[id] = k;
    }
    let mut out: Vec<String> = all[..lo].iter().map(|p| p.to_string()).collect();
    out.extend(run.iter().map(|&id| all[first[id]].to_string()));
    out.extend(all[hi + 1..].iter().map(|p| p.to_string()));
    Some(out)
}

/// The first block of two or more lines that `lines` writes again further
/// on, line for line, with other lines between the two: `(first, again,
/// len)`, the block being lines `first..first + len` and again
/// `again..again + len`, each as long as the two agree.
///
/// The scraper bug writes a paragraph many times, but each time glued to
/// different neighbours, and a scraper that writes its lines twice over
/// writes the whole run twice in a row (`A B C A B C`); the same lines in
/// the same order at two places apart (a live blog's pinned post, which
/// the feed holds again in its place; a box of key points at the top and
/// the bottom) are the article saying the block twice.
pub(super) fn block_said_twice(lines: &Lines) -> Option<(usize, usize, usize)> {
    let n = lines.len();
    if n < 5 {
        return None;
    }
    // Most files have no two lines in a row written again: told by the
    // lengths of their texts, before any text is squeezed. (A block
    // whose every two lines in a row were spaced otherwise the second
    // time is missed.)
    let length = |k: u32| lines.texts()[k as usize].len();
    let mut pairs: HashSet<(usize, usize)> = HashSet::with_capacity(n);
    let mut ids = lines.ids();
    let mut prev = length(ids.next()?);
    let again = ids.any(|k| {
        let next = length(k);
        !pairs.insert((std::mem::replace(&mut prev, next), next))
    });
    if !again {
        return None;
    }
    // One id per text, whitespace aside (a copy may space its text
    // otherwise), by the hash of its squeezed bytes: the block found is
    // compared in full before it is taken.
    let mut buf = Vec::new();
    let mut squeezed = |t: &str| {
        buf.clear();
        squeeze_into(t, &mut buf);
        word_hash(&buf)
    };
    let mut by_hash: U64Map<u32> = U64Map::default();
    let by_text: Vec<u32> = lines
        .texts()
        .iter()
        .map(|t| {
            let next = by_hash.len() as u32;
            *by_hash.entry(squeezed(t)).or_insert(next)
        })
        .collect();
    let ids: Vec<u32> = lines.ids().map(|k| by_text[k as usize]).collect();
    let mut count = vec![0u32; by_hash.len()];
    for &id in &ids {
        count[id as usize] += 1;
    }
    let same = |a: usize, b: usize| {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        squeeze_into(lines.get(a), &mut x);
        squeeze_into(lines.get(b), &mut y);
        x == y
    };
    let mut first: HashMap<(u32, u32), usize> = HashMap::with_capacity(n);
    // Lines compared while runs are grown, at most: a file of one run
    // written over and over would otherwise grow one from every line.
    let mut budget = 4 * n;
    for j in 0..n - 1 {
        let i = *first.entry((ids[j], ids[j + 1])).or_insert(j);
        if i == j {
            continue;
        }
        // As far back and on as the two agree, without overlapping.
        let (mut a, mut b) = (i, j);
        while a > 0 && ids[a - 1] == ids[b - 1] {
            a -= 1;
            b -= 1;
        }
        let mut len = 0;
        while b + len < n && a + len < b && ids[a + len] == ids[b + len] {
            len += 1;
        }
        budget = budget.checked_sub(j - b + len)?;
        // Twice in a row is the scraper's doing; so are lines written
        // over and over (a block said three times is as likely a
        // scraper's lines that meet again).
        if a + len < b && count[ids[a] as usize] == 2 && (0..len).all(|d| same(a + d, b + d)) {
            return Some((a, b, len));
        }
    }
    None
}

/// Where in `paragraphs` the block `said` (a run of them, held once) is
/// written again: the one place between two paragraphs where the line
/// that came `after` the block's second copy starts, or else the one where
/// the line `before` it ends, away from the block's first place. `None`
/// where the block is not held exactly once or no such place is the only
/// one.
pub(super) fn place_again(
    paragraphs: &[String],
    said: &[String],
    before: Option<&str>,
    after: Option<&str>,
) -> Option<usize> {
    let k = said.len();
    if k == 0 || k > paragraphs.len() {
        return None;
    }
    let mut held = (0..=paragraphs.len() - k).filter(|&s| paragraphs[s..s + k] == *said);
    let (s, None) = (held.next()?, held.next()) else {
        return None;
    };
    let mut text = Vec::new();
    let mut bounds = vec![0];
    for p in paragraphs {
        squeeze_into(p, &mut text);
        bounds.push(text.len());
    }
    let squeezed = |line: &str| {
        let mut sq = Vec::new();
        squeeze_into(strip_ellipsis(line).0, &mut sq);
        (!sq.is_empty()).then_some(sq)
    };
    let away = |x: &usize| *x < s || *x > s + k;
    let only = |mut places: std::vec::IntoIter<usize>| match (places.next(), places.next()) {
        (Some(x), None) => Some(x),
        _ => None,
    };
    let starts: Option<Vec<usize>> = after.and_then(squeezed).map(|line| {
        (0..=paragraphs.len())
            .filter(away)
            .filter(|&x| text[bounds[x]..].starts_with(&line))
            .collect()
    });
    if let Some(x) = starts.and_then(|p| only(p.into_iter())) {
        return Some(x);
    }
    let ends: Vec<usize> = before.and_then(squeezed).map_or(Vec::new(), |line| {
        (0..=paragraphs.len())
            .filter(away)
            .filter(|&x| text[..bounds[x]].ends_with(&line))
            .collect()
    });
    only(ends.into_iter())
}

/// `paragraphs` with the last one cut where a line that ends the longest
/// line starts, where that line's text is a paragraph of its own
/// elsewhere and the longest line sets it apart as blocks are: `None`
/// where none is cut.
///
/// Every line end is a paragraph boundary, and a line that the longest
/// line ends with (a cascade's last block) has its place there, whatever
/// other places the article says its text in. The layout places a line
/// once: where the article repeats it (`More to follow.` after each post
/// of a live blog), at its first place, and the last post's text is left
/// glued to it (`…until the wind drops. More to follow.`). Only after a
/// sentence's end, where the longest line glues the two or spaces them
/// wider than words are (the markup's line breaks): an inline element
/// that ends its block (`…died 28 September 2024`) follows one space.
pub(super) fn cut_at_line_end<'p>(
    lines: &Lines,
    paragraphs: impl Iterator<Item = &'p str> + Clone,
) -> Option<Vec<String>> {
    let count = paragraphs.clone().count();
    if count < 3 {
        return None;
    }
    let last = paragraphs.clone().last()?;
    // The short paragraphs before it that it ends with, as written (the
    // paragraphs are normalised): most articles have none, and nothing is
    // squeezed.
    let ends: Vec<&str> = paragraphs
        .clone()
        .take(count - 1)
        .filter(|p| !p.is_empty() && p.len() <= SHORT_RAW && p.len() < last.len())
        .filter(|p| last.ends_with(*p))
        .collect();
    if ends.is_empty() {
        return None;
    }
    let longest = strip_ellipsis(lines.longest()?).0;
    if longest.len() > MAX_LINE {
        return None;
    }
    let mut tail = Vec::new();
    squeeze_into(last, &mut tail);
    // The longest line's end, read back no further than the paragraph is
    // long: a cascade's longest line is the whole article. One that is the
    // last paragraph and no more (the paragraphs of a cleaned article, as
    // lines) says nothing of where that paragraph's blocks meet.
    let at = from_end(longest, tail.len())?;
    let mut end = Vec::new();
    squeeze_into(&longest[at..], &mut end);
    if tail.is_empty() || end != tail || longest[..at].trim().is_empty() {
        return None;
    }
    // Of those, the ones that some line is, whitespace aside.
    let mut texts: HashSet<Vec<u8>> = HashSet::new();
    let mut sq = Vec::new();
    for p in &ends {
        sq.clear();
        squeeze_into(p, &mut sq);
        texts.insert(sq.clone());
    }
    let longest_end = texts.iter().map(Vec::len).max().unwrap_or(0);
    let mut at: Vec<usize> = Vec::new();
    for t in lines.texts() {
        // Told by its length first (a line two thirds whitespace or more
        // is missed): in a cascade most lines are far longer.
        if t.len() >= 3 * longest_end {
            continue;
        }
        sq.clear();
        squeeze_into(strip_ellipsis(t).0, &mut sq);
        if texts.contains(&sq) {
            at.push(sq.len());
        }
    }
    // The longest, nearest the paragraph's start, that fits.
    at.sort_unstable_by(|a, b| b.cmp(a));
    at.dedup();
    let mut offsets = Vec::with_capacity(2);
    at.into_iter().find_map(|len| {
        let gap = super::short::gap_at(longest, len, true);
        offsets.clear();
        super::squeeze::raw_offsets_into(last, &[tail.len() - len], &mut offsets);
        let (head, rest) = last.split_at(offsets[0]);
        let head = head.trim_end();
        (gap != 1 && super::copies::ends_sentence(head)).then(|| {
            let mut out: Vec<String> = paragraphs
                .clone()
                .take(count - 1)
                .map(str::to_string)
                .collect();
            out.push(head.to_string());
            out.push(rest.to_string());
            out
        })
    })
}

/// Where in `raw` the text starts whose last `n` bytes outside whitespace
/// end it (as [`squeeze_into`] keeps them): `None` where it has fewer.
fn from_end(raw: &str, n: usize) -> Option<usize> {
    let mut seen = 0;
    for (i, c) in raw.char_indices().rev() {
        if !c.is_whitespace() {
            seen += c.len_utf8();
            if seen >= n {
                return (seen == n).then_some(i);
            }
        }
    }
    None
}

/// Longest paragraph, in squeezed bytes, that [`split_as_elsewhere`]
/// splits: a heading, a list, a row of links; not a body paragraph.
const SHORT: usize = 256;

/// Bytes of a paragraph as written past which it cannot squeeze to
/// `SHORT`: paragraphs are normalised, so at most every other byte is a
/// space.
const SHORT_RAW: usize = 2 * SHORT;

/// `paragraphs` with each short one that is, whitespace aside, a run of
/// two or more paragraphs in a row elsewhere written as that run
/// (`FacebookXEmailCopy link` under each section, where the lines cut only
/// the last place into `Facebook` / `X` / `Email` / `Copy link`): the
/// article says the same block in both places, and the lines' cuts in one
/// hold in the other. `None` where none is.
///
/// A text that more than one run makes is left alone; nothing is added or
/// dropped, only cuts.
pub(super) fn split_as_elsewhere<'p>(
    paragraphs: impl Iterator<Item = &'p str> + Clone,
) -> Option<Vec<String>> {
    // Three short paragraphs at least (one, and two that make it), found
    // before anything is squeezed: most articles have none.
    let short_raw = |p: &&str| p.len() <= SHORT_RAW;
    if paragraphs.clone().filter(short_raw).nth(2).is_none()
        || paragraphs.clone().map(str::len).sum::<usize>() > MAX_TEXT
    {
        return None;
    }
    let all: Vec<&str> = paragraphs.collect();
    // Squeezed lengths first (normalised text: its bytes but the spaces;
    // one with wider spaces left is measured long, and missed),
    // and nothing is squeezed unless some run of two or more short
    // paragraphs is as long as a short paragraph.
    let lens: Vec<usize> = all
        .iter()
        .map(|p| match short_raw(p) {
            true => p.len() - memchr::memchr_iter(b' ', p.as_bytes()).count(),
            false => usize::MAX,
        })
        .collect();
    let mut is_len = [false; SHORT + 1];
    for &n in &lens {
        if (1..=SHORT).contains(&n) {
            is_len[n] = true;
        }
    }
    let some_run = (0..lens.len()).any(|i| {
        let mut n = lens[i];
        for &m in &lens[i + 1..] {
            n = n.saturating_add(m);
            if n > SHORT {
                return false;
            }
            if is_len[n] {
                return true;
            }
        }
        false
    });
    if !some_run {
        return None;
    }
    // The short paragraphs' squeezed bytes, one after another in one
    // buffer, so that a run of them is a slice of it; a long one has an
    // empty span and ends every run.
    let mut text = Vec::new();
    let spans: Vec<(usize, usize)> = all
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let start = text.len();
            if short_raw(p) && lens[k] <= SHORT {
                squeeze_into(p, &mut text);
            }
            (start, text.len())
        })
        .collect();
    let bytes = |k: usize| &text[spans[k].0..spans[k].1];
    // The first paragraph of each short text, by its hash.
    let mut first: U64Map<Vec<usize>> = U64Map::default();
    let mut first_of = vec![usize::MAX; all.len()];
    for k in 0..all.len() {
        if spans[k].0 == spans[k].1 {
            continue;
        }
        let same = first.entry(word_hash(bytes(k))).or_default();
        first_of[k] = match same.iter().find(|&&f| bytes(f) == bytes(k)) {
            Some(&f) => f,
            None => {
                same.push(k);
                k
            }
        };
    }
    // Per first paragraph of a text, the run (first, last) of paragraphs
    // that makes it; `None` where two different runs make it.
    let mut runs: U64Map<Option<(usize, usize)>> = U64Map::default();
    for i in 0..all.len() {
        if spans[i].0 == spans[i].1 {
            continue;
        }
        for j in i + 1..all.len() {
            let (a, b) = (spans[i].0, spans[j].1);
            if spans[j].0 == spans[j].1 || b - a > SHORT {
                break;
            }
            let joined = &text[a..b];
            let Some(&f) = first
                .get(&word_hash(joined))
                .and_then(|same| same.iter().find(|&&f| bytes(f) == joined))
            else {
                continue;
            };
            let same_run = |(x, y): (usize, usize)| {
                y - x == j - i && (0..=j - i).all(|d| bytes(x + d) == bytes(i + d))
            };
            runs.entry(f as u64)
                .and_modify(|r| {
                    if r.is_some_and(|r| !same_run(r)) {
                        *r = None;
                    }
                })
                .or_insert(Some((i, j)));
        }
    }
    let mut out = Vec::with_capacity(all.len());
    let mut changed = false;
    for (k, p) in all.iter().enumerate() {
        match runs.get(&(first_of[k] as u64)) {
            Some(&Some((a, b))) if first_of[k] != usize::MAX && !(a..=b).contains(&k) => {
                out.extend(all[a..=b].iter().map(|p| p.to_string()));
                changed = true;
            }
            _ => out.push(p.to_string()),
        }
    }
    changed.then_some(out)
}

/// Longest heading, in bytes as written, that [`cut_at_heads`] cuts off a
/// paragraph: a section's title, not a sentence of the body.
const HEAD: usize = 96;
/// Letters and digits a heading has at least: shorter heads (`Mc` of
/// `McDonald`, `A` of `AT&T`) are as often a name's first part.
const HEAD_LETTERS: usize = 4;
/// Bytes of text that [`cut_at_heads`] reads, at most, looking for its
/// heads glued inside running text.
const HEAD_SEARCH: usize = 1 << 24;

/// `paragraphs` with a heading cut off each paragraph that opens with it
/// glued to the next word's capital (`ReactionThe company also said…`),
/// where the heading is a paragraph of its own elsewhere (`Reaction`), or
/// where two paragraphs or more open with it so, glued to different
/// words (`ProfileAs far as…`, `ProfileEither way…`). `None` where none
/// is cut.
///
/// The passes keep a text once: where the article says a heading twice
/// (`Reaction` over two sections), its lines place it once, and the
/// other place is left glued to the paragraph after it, as the scraper
/// wrote it, with nothing between a word and a capital. That glue alone
/// is no seam (`DaimlerChrysler`, `PlayStation`); a head the article has
/// as a paragraph, or glues to more than one word, is its heading.
pub(super) fn cut_at_heads<'p>(
    paragraphs: impl Iterator<Item = &'p str> + Clone,
) -> Option<Vec<String>> {
    let all: Vec<&str> = paragraphs.collect();
    // The short paragraphs, sorted (no hashing: this is asked of every
    // article, most with none).
    let mut known: Vec<&str> = all
        .iter()
        .copied()
        .filter(|p| p.len() <= HEAD && head_letters(p))
        .collect();
    known.sort_unstable();
    known.dedup();
    let mut lengths: Vec<usize> = known.iter().map(|k| k.len()).collect();
    lengths.sort_unstable();
    lengths.dedup();
    let is_known = |h: &str| known.binary_search(&h).is_ok();
    // Only a paragraph that opens with a paragraph of its own, or with the
    // first bytes of another (a head that more than one glues), can open
    // with a heading: looked for first, as most have none.
    let first_bytes = |p: &str| {
        p.as_bytes()
            .get(..HEAD_LETTERS)
            .map(|f| u32::from_le_bytes([f[0], f[1], f[2], f[3]]))
    };
    let mut firsts: Vec<u32> = all.iter().filter_map(|p| first_bytes(p)).collect();
    firsts.sort_unstable();
    let shared = |f: u32| {
        let at = firsts.partition_point(|&x| x < f);
        firsts.get(at + 1) == Some(&f)
    };
    let may_open = |p: &str| {
        lengths
            .iter()
            .any(|&n| n < p.len() && p.get(..n).is_some_and(is_known))
            || first_bytes(p).is_some_and(shared)
    };
    // Each paragraph's glued heads: the places in its first `HEAD` bytes
    // where a capital follows a word's end with no space between.
    let heads: Vec<Vec<usize>> = all
        .iter()
        .map(|p| {
            if may_open(p) {
                glued_heads(p)
            } else {
                Vec::new()
            }
        })
        .collect();
    if heads.iter().all(Vec::is_empty) {
        return None;
    }
    // The words each head is glued to, by head.
    let mut words: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (p, at) in all.iter().zip(&heads) {
        for &i in at {
            let next = p[i..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            words.entry(&p[..i]).or_default().insert(next);
        }
    }
    let candidate =
        |h: &str| head_letters(h) && (is_known(h) || words.get(h).is_some_and(|w| w.len() > 1));
    // A name glued into one (`HashMap`, `DaimlerChrysler`) is written so
    // wherever the text names it; a heading glued to its section's first
    // word only where a paragraph starts. Each head's search reads the
    // whole text, `HEAD_SEARCH` bytes at most for all of them (a file of
    // thousands of glued items), past which no other head is taken.
    let text_len: usize = all.iter().map(|p| p.len()).sum();
    let mut budget = HEAD_SEARCH;
    let mut heads_found: HashMap<&str, bool> = HashMap::new();
    for (p, at) in all.iter().zip(&heads) {
        for &i in at {
            let h = &p[..i];
            if heads_found.contains_key(h) || !candidate(h) {
                continue;
            }
            let Some(left) = budget.checked_sub(text_len) else {
                continue;
            };
            budget = left;
            let finder = memchr::memmem::Finder::new(h);
            let inside = all.iter().any(|q| {
                finder
                    .find_iter(q.as_bytes())
                    .any(|k| k > 0 && q[k + h.len()..].starts_with(char::is_uppercase))
            });
            heads_found.insert(h, !inside);
        }
    }
    let is_head = |h: &str| heads_found.get(h).copied().unwrap_or(false);
    let mut out = Vec::with_capacity(all.len());
    let mut changed = false;
    for (p, at) in all.iter().zip(&heads) {
        match at.iter().find(|&&i| is_head(&p[..i])) {
            Some(&i) => {
                out.push(p[..i].to_string());
                out.push(p[i..].to_string());
                changed = true;
            }
            None => out.push(p.to_string()),
        }
    }
    changed.then_some(out)
}

/// The places in the first [`HEAD`] bytes of `p` where a heading's words
/// end glued to a word that opens with a capital, or to an opening quote
/// before one (`ReactionThe`, `mattersA total`, `Key points"In`): the
/// words before it are letters (an apostrophe, a hyphen, an ampersand or
/// a question's or a label's mark inside), the last in small letters, and the
/// word after it a capital and small letters up to its end. Not a name
/// glued into one (`RawValIter<T>`, `HashSet을`) or a code (`4287A`).
fn glued_heads(p: &str) -> Vec<usize> {
    let mut at = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in p.char_indices() {
        if i > HEAD {
            break;
        }
        if (c.is_uppercase() || matches!(c, '"' | '“' | '‘'))
            && prev.is_some_and(char::is_lowercase)
            && opens_word(&p[i..])
        {
            at.push(i);
        }
        let heading_char =
            c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-' | '&' | '?' | '!' | ')' | ':');
        if !heading_char {
            break;
        }
        prev = Some(c);
    }
    at
}

/// Whether `text` opens with a word written with a capital and small
/// letters (or a capital alone), up to a space or a mark, or with an
/// opening quote before such a word.
fn opens_word(text: &str) -> bool {
    let text = text.strip_prefix(['"', '“', '‘']).unwrap_or(text);
    let mut chars = text.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let rest = chars.as_str();
    let word_end = rest.trim_start_matches(char::is_lowercase);
    !word_end.starts_with(char::is_alphanumeric)
        && (word_end.len() < rest.len() || rest.starts_with(' '))
}

/// Whether `text` has [`HEAD_LETTERS`] letters or digits.
fn head_letters(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .nth(HEAD_LETTERS - 1)
        .is_some()
}

/// The ids of the texts that `line` is written as, one after another,
/// where there is exactly one such reading; `None` where there is none or
/// more than one (or the texts cannot be searched for).
///
/// One Aho-Corasick search finds every place of every text, ending in
/// order: at most one text of each length ends at a byte, so the places
/// are at most the line's length times the texts' lengths (`BUDGET`).
fn only_reading(line: &[u8], texts: &[&[u8]]) -> Option<Vec<usize>> {
    let ac = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(texts)
        .ok()?;
    // Ways to read each prefix (0, 1 or "more"), and the text that ends the
    // one way. A place's start was settled before it: places come as they
    // end.
    let mut ways = vec![0u8; line.len() + 1];
    let mut last = vec![usize::MAX; line.len() + 1];
    ways[0] = 1;
    for hit in ac.find_overlapping_iter(line) {
        let (start, end) = (hit.start(), hit.end());
        if ways[start] == 0 || start == end {
            continue;
        }
        ways[end] = ways[end].saturating_add(ways[start]).min(2);
        last[end] = hit.pattern().as_usize();
    }
    if ways[line.len()] != 1 {
        return None;
    }
    let mut run = Vec::new();
    let mut end = line.len();
    while end > 0 {
        let id = last[end];
        run.push(id);
        end -= texts[id].len();
    }
    run.reverse();
    Some(run)
}

/// Whether some block of paragraphs comes twice in a row in `run`.
fn says_twice_in_a_row(run: &[usize]) -> bool {
    // A block of `k` twice in a row is `k` places in a row where the
    // paragraph is the one `k` places on: one look at each shift.
    (1..=run.len() / 2).any(|k| {
        let mut streak = 0;
        run.iter().zip(&run[k..]).any(|(a, b)| {
            streak = if a == b { streak + 1 } else { 0 };
            streak >= k
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(ps: &[&str]) -> Vec<String> {
        ps.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn a_line_read_as_the_paragraphs_in_one_way_gives_that_run() {
        let texts: Vec<&[u8]> = vec![b"Aa.", b"Bb."];
        assert_eq!(only_reading(b"Aa.Bb.Aa.", &texts), Some(vec![0, 1, 0]));
    }

    #[test]
    fn a_line_read_in_two_ways_or_none_gives_no_run() {
        let texts: Vec<&[u8]> = vec![b"Aa.", b"Bb.", b"Aa.Bb."];
        assert_eq!(only_reading(b"Aa.Bb.", &texts), None);
        assert_eq!(only_reading(b"Aa.Cc.", &texts), None);
    }

    #[test]
    fn a_short_paragraph_that_a_run_elsewhere_makes_is_cut_as_that_run() {
        let ps = [
            "Intro.",
            "FacebookX Email",
            "Body.",
            "Facebook",
            "X",
            "Email",
        ];
        assert_eq!(
            split_as_elsewhere(ps.iter().copied()),
            Some(
                ["Intro.", "Facebook", "X", "Email", "Body.", "Facebook", "X", "Email"]
                    .map(String::from)
                    .to_vec()
            )
        );
    }

    #[test]
    fn a_long_paragraph_is_no_part_of_a_run() {
        let long = "L".repeat(SHORT + 1);
        let ps = ["Analysis", "Intro.", &long, "Analysis", "More."];
        assert_eq!(split_as_elsewhere(ps.iter().copied()), None);
    }

    #[test]
    fn a_paragraph_that_two_different_runs_make_is_left_whole() {
        let ps = ["AB C", "Body.", "A", "B C", "More.", "A B", "C"];
        assert_eq!(split_as_elsewhere(ps.iter().copied()), None);
    }

    #[test]
    fn a_heading_said_elsewhere_is_cut_off_the_paragraph_it_is_glued_to() {
        let ps = [
            "Intro.",
            "Reaction",
            "Body one.",
            "ReactionThe union said it would talk.",
        ];
        assert_eq!(
            cut_at_heads(ps.iter().copied()),
            Some(paras(&[
                "Intro.",
                "Reaction",
                "Body one.",
                "Reaction",
                "The union said it would talk."
            ]))
        );
    }

    #[test]
    fn a_head_glued_to_two_different_words_is_a_heading() {
        let ps = [
            "Intro.",
            "ProfileAs far as the timing goes, there are two options.",
            "Key points\"In the meantime, we will study it.\"",
            "ProfileEither way, the effect was the same.",
        ];
        assert_eq!(
            cut_at_heads(ps.iter().copied()),
            Some(paras(&[
                "Intro.",
                "Profile",
                "As far as the timing goes, there are two options.",
                "Key points\"In the meantime, we will study it.\"",
                "Profile",
                "Either way, the effect was the same."
            ]))
        );
    }

    #[test]
    fn a_name_glued_into_one_or_a_head_glued_once_is_left_whole() {
        // Written glued inside running text too: a name.
        let names = [
            "HashMap is a map.",
            "HashSet is a set.",
            "Use a HashSet to keep each value once.",
        ];
        assert_eq!(cut_at_heads(names.iter().copied()), None);
        // Glued to one word, and no paragraph of its own: nothing says so.
        let once = ["Intro.", "BackgroundAlder Mills has cut costs."];
        assert_eq!(cut_at_heads(once.iter().copied()), None);
        // A code, and a name's short first part.
        let codes = ["4287A BEST BY 04/14/26", "4287B BEST BY 04/14/26"];
        assert_eq!(cut_at_heads(codes.iter().copied()), None);
        let short = ["McDonald said so.", "McLaren said so.", "Mc"];
        assert_eq!(cut_at_heads(short.iter().copied()), None);
    }

    #[test]
    fn a_block_twice_in_a_row_is_found_at_any_length() {
        assert!(says_twice_in_a_row(&[0, 0, 1]));
        assert!(says_twice_in_a_row(&[0, 1, 2, 1, 2, 3]));
        assert!(!says_twice_in_a_row(&[0, 1, 0, 2, 1]));
        assert!(!says_twice_in_a_row(&[]));
    }
}
