//! Squeezing: whitespace removed before lines are compared.
//!
//! Step 1 of the method: a lost separator (`Moscow.In`), a single space,
//! doubled spaces, NBSP or trailing blanks must not make two copies of a
//! paragraph differ, so lines are compared with all whitespace removed. This
//! file holds what whitespace is (bytes and the 19 Unicode spaces), the
//! squeeze, the output normalisation, and the map back from squeezed to raw
//! offsets.

use super::*;

/// Collapses every run of whitespace (spaces, tabs, NBSP, any Unicode
/// `White_Space`) into one space and trims both ends.
pub fn normalize(s: &str) -> String {
    if is_normalized(s) {
        return s.to_string();
    }
    normalize_copy(s)
}

/// [`normalize`] of a text known not to be normalised.
fn normalize_copy(s: &str) -> String {
    let mut buf = s.as_bytes().to_vec();
    let n = normalize_in_place(s, &mut buf);
    buf.truncate(n);
    // Only whole chars were replaced (by spaces) or removed, so this is
    // UTF-8; the lossy arm is never taken.
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`normalize`] of a text that may already be normal, which is then
/// given back as it is, not copied: a huge line that is one paragraph, or
/// is cut into parts, is not held twice (issue 13).
pub(super) fn normalized(s: Cow<'_, str>) -> Cow<'_, str> {
    if is_normalized(&s) {
        s
    } else {
        Cow::Owned(normalize_copy(&s))
    }
}

/// Bytes that are whitespace on their own: the ASCII `White_Space` chars.
pub(super) const WS_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    let mut c = 0x09;
    while c <= 0x0d {
        t[c] = true;
        c += 1;
    }
    t
};

/// Each byte, with ASCII whitespace made a space.
pub(super) const SPACED: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = if WS_BYTE[c] { b' ' } else { c as u8 };
        c += 1;
    }
    t
};

/// Whether `b` holds an ASCII whitespace byte other than the space
/// (tab, line feed, CR...). Written as a fold so that it vectorises.
#[inline]
pub(super) fn has_control_space(b: &[u8]) -> bool {
    b.iter()
        .fold(false, |any, &c| any | (is_ws_byte(c) & (c != b' ')))
}

/// The `(start, length)` of every whitespace char beyond ASCII in `b`
/// (NBSP, U+2000..U+200A, U+3000...: `White_Space` has 19 of them, in four
/// lead bytes), not in order. Found by their lead bytes with `memchr`, so
/// text with no such char, even text with many `’` or `£`, costs little.
pub(super) fn wide_spaces(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let wide = move |i: usize| -> Option<(usize, usize)> {
        let next = |k: usize| b.get(i + k).copied();
        let len = match (b[i], next(1), next(2)) {
            (0xC2, Some(0x85 | 0xA0), _) => 2,
            (0xE1, Some(0x9A), Some(0x80)) => 3,
            (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) => 3,
            (0xE2, Some(0x81), Some(0x9F)) => 3,
            (0xE3, Some(0x80), Some(0x80)) => 3,
            _ => return None,
        };
        Some((i, len))
    };
    // U+1680 (lead 0xE1) is searched for apart: memchr looks for up to three bytes.
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, b)
        .chain(memchr::memchr_iter(0xE1, b))
        .filter_map(wide)
}

/// Normalises `buf`, a copy of `s`, in place (see [`normalize`]) and
/// returns the length of the result. The collapse has no branch on the
/// bytes (see [`squeeze_into`]).
pub(super) fn normalize_in_place(s: &str, buf: &mut [u8]) -> usize {
    blank_wide_spaces(s, buf);
    let mut n = 0;
    // `true` at the start drops leading whitespace.
    let mut prev_ws = true;
    // Eight bytes a turn, as in `squeeze_into`.
    let mut i = 0;
    while let Some(src) = buf.get(i..i + 8) {
        let src: [u8; 8] = src.try_into().unwrap_or_default();
        let dst = &mut buf[n..n + 8];
        let mut m = 0;
        for b in src {
            // A table, not a branch on `ws` (see `squeeze_into`).
            let c = SPACED[b as usize];
            let ws = c == b' ';
            dst[m & 7] = c;
            m += usize::from(!(ws & prev_ws));
            prev_ws = ws;
        }
        n += m;
        i += 8;
    }
    for i in i..buf.len() {
        let c = SPACED[buf[i] as usize];
        let ws = c == b' ';
        buf[n] = c;
        n += usize::from(!(ws & prev_ws));
        prev_ws = ws;
    }
    // A run of whitespace at the end left one space.
    if prev_ws && n > 0 {
        n -= 1;
    }
    n
}

/// Overwrites each whitespace char beyond ASCII in `buf`, a copy of `s`,
/// with spaces, one per byte: after this, a byte tells whether it is
/// whitespace ([`WS_BYTE`]).
#[inline]
pub(super) fn blank_wide_spaces(s: &str, buf: &mut [u8]) {
    if !s.is_ascii() {
        for (i, len) in wide_spaces(s.as_bytes()) {
            buf[i..i + len].fill(b' ');
        }
    }
}

/// Appends `s` without its whitespace to `out`. Copying first and
/// compacting in place with no branch on the byte runs about four times
/// faster than pushing the kept bytes one by one (measured: 1.9 GB/s
/// against 0.46 GB/s), since spaces every few bytes defeat the branch
/// predictor.
#[inline]
pub(super) fn squeeze_into(s: &str, out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(s.as_bytes());
    let buf = &mut out[start..];
    blank_wide_spaces(s, buf);
    let mut n = 0;
    // Eight bytes a turn: the kept bytes go where the bytes read were or
    // before (`n <= i`), so the eight writes need one bounds check, not
    // one each, and a kept byte's place in them (`m`, under 8) none.
    let mut i = 0;
    while let Some(src) = buf.get(i..i + 8) {
        let src: [u8; 8] = src.try_into().unwrap_or_default();
        let dst = &mut buf[n..n + 8];
        let mut m = 0;
        for c in src {
            dst[m & 7] = c;
            m += usize::from(!WS_BYTE[c as usize]);
        }
        n += m;
        i += 8;
    }
    for i in i..buf.len() {
        let c = buf[i];
        buf[n] = c;
        n += usize::from(!WS_BYTE[c as usize]);
    }
    out.truncate(start + n);
}

/// A searcher for two spaces, made once: `memmem::find` builds one on
/// every call, which cost more than the search in a short paragraph.
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Whether `normalize(s) == s`: no leading, trailing or doubled spaces and
/// no whitespace other than single spaces.
pub(super) fn is_normalized(s: &str) -> bool {
    let b = s.as_bytes();
    !(b.first() == Some(&b' ')
        || b.last() == Some(&b' ')
        || has_control_space(b)
        || DOUBLE_SPACE.find(b).is_some()
        || (!b.is_ascii() && wide_spaces(b).next().is_some()))
}

/// The squeezed bytes of each of `lines`, a pass's output (distinct, so
/// each a line of its own): what that pass would have handed on.
pub(super) fn squeeze_each(lines: &Lines<'_>) -> Squeezed<'static> {
    let mut arena = Vec::with_capacity(lines.iter().map(str::len).sum());
    let mut spans = Vec::with_capacity(lines.len());
    for line in lines.iter() {
        let start = arena.len();
        squeeze_into(line, &mut arena);
        spans.push((start, arena.len()));
    }
    arena.shrink_to_fit();
    Squeezed {
        arena: Cow::Owned(arena),
        spans,
        distinct: true,
    }
}

/// What [`squeeze_distinct`] knows of each distinct line.
#[derive(Default)]
pub(super) struct Distinct {
    /// The index of its first occurrence (`u32`: one per distinct line of
    /// files of millions of lines).
    pub(super) first: Vec<u32>,
    /// The ends cut off with an ellipsis in every copy of it.
    pub(super) cut: Vec<u8>,
    /// It occurs once.
    pub(super) once: Vec<bool>,
    /// It repeats an earlier line's text in another place of the article
    /// (see [`split_repeats`]): it is kept as a paragraph of its own.
    pub(super) repeat: Vec<bool>,
    /// The article repeats its text in a later place (a line that
    /// [`split_repeats`] split off as a `repeat`): a heading that a link
    /// before it names.
    pub(super) echo: Vec<bool>,
}

/// The squeezed bytes of every distinct non-blank line, and what is known of
/// each (`cut`: the ends cut off with an ellipsis, one per text of `input`).
pub(super) fn squeeze_distinct<'a>(input: &Lines<'a>, cut: &[u8]) -> (Squeezed<'a>, Distinct) {
    let texts = input.texts();
    // Each text is squeezed once, in order of its first line, which is the
    // order in which its line would have been met: the distinct lines come
    // out in the same order as from a walk over every line.
    let mut first_line = vec![NONE; texts.len()];
    let mut once_t = vec![true; texts.len()];
    for (i, k) in input.ids().enumerate() {
        if first_line[k as usize] == NONE {
            first_line[k as usize] = i as u32;
        } else {
            once_t[k as usize] = false;
        }
    }
    let mut arena = Vec::with_capacity(texts.iter().map(|s| s.len()).sum());
    // At most one distinct line a text: room for them all at once, as
    // grown by doubling they would be copied, old and new held together.
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(texts.len());
    let mut d = Distinct {
        first: Vec::with_capacity(texts.len()),
        cut: Vec::with_capacity(texts.len()),
        once: Vec::with_capacity(texts.len()),
        repeat: Vec::with_capacity(texts.len()),
        echo: Vec::with_capacity(texts.len()),
    };
    let mut first_of: U64Map<u32> =
        U64Map::with_capacity_and_hasher(texts.len(), Default::default());
    // Byte-identical copies (a whole article written twice) are dropped
    // before the costlier squeeze.
    let mut raw_seen: U64Map<u32> =
        U64Map::with_capacity_and_hasher(texts.len().min(PRESIZE), Default::default());
    // In a cascade most lines are a prefix or a suffix of the longest one,
    // byte for byte: their squeezed bytes are then a prefix or a suffix of
    // its squeezed bytes, found by comparing and counting (both vectorise),
    // not by squeezing again. Squeezing commutes with cutting text at a char
    // boundary, and a line starts and ends at one.
    let longest = input.longest().unwrap_or("");
    squeeze_into(longest, &mut arena);
    let whole = (0, arena.len());
    let counts = PrefixCounts::new(longest);
    // The distinct line each text became (`NONE` for a blank one).
    let mut slot: Vec<u32> = Vec::with_capacity(texts.len());
    for (t, s) in texts.iter().enumerate() {
        let i = first_line[t] as usize;
        // Texts are distinct as read (no byte-identical copies to drop);
        // lines of a pass's own making are texts of their own, and can be.
        if !input.distinct() {
            let raw_key = mix(line_key(s.as_bytes()));
            match raw_seen.get(&raw_key) {
                Some(&k) if texts[k as usize] == *s => {
                    let k = slot[k as usize];
                    if let Some(c) = d.cut.get_mut(k as usize) {
                        *c &= cut[t];
                        d.once[k as usize] = false;
                    }
                    slot.push(k);
                    continue;
                }
                Some(_) => {}
                None => {
                    raw_seen.insert(raw_key, t as u32);
                }
            }
        }
        let start = arena.len();
        let span = if s.len() == longest.len() && *s == longest {
            whole
        } else if longest.ends_with(s) {
            (counts.squeezed_before(longest.len() - s.len()), whole.1)
        } else if longest.starts_with(s) {
            (0, counts.squeezed_before(s.len()))
        } else {
            squeeze_into(s, &mut arena);
            (start, arena.len())
        };
        if span.0 == span.1 {
            slot.push(NONE);
            continue;
        }
        let key = mix(line_key(&arena[span.0..span.1]));
        match first_of.get(&key) {
            Some(&k) => {
                let (a, b) = spans[k as usize];
                if arena[a..b] == arena[span.0..span.1] {
                    arena.truncate(start);
                    d.cut[k as usize] &= cut[t];
                    d.once[k as usize] = false;
                    slot.push(k);
                    continue;
                }
                // A 64-bit collision between different lines: keep both.
            }
            None => {
                first_of.insert(key, spans.len() as u32);
            }
        }
        slot.push(spans.len() as u32);
        spans.push(span);
        d.first.push(i as u32);
        d.cut.push(cut[t]);
        d.once.push(once_t[t]);
        d.repeat.push(false);
        d.echo.push(false);
    }
    // Only where some line repeats away from its original is a table of
    // every line's distinct line made.
    let lines = || input.ids().map(|k| slot[k as usize]);
    if spans.len() < input.len() && repeats_apart(lines(), spans.len()) {
        let slot: Vec<u32> = lines().collect();
        let weighty = |k: u32| {
            let (a, b) = spans[k as usize];
            is_weighty(&arena[a..b])
        };
        if let Some(split) = split_repeats(&slot, spans.len(), weighty) {
            let cut: Vec<u8> = input.ids().map(|k| cut[k as usize]).collect();
            return regroup(&split, &spans, &cut, arena);
        }
    }
    // A single text with no whitespace (80 MB of `a`, issue 13) is its own
    // squeezed bytes: they are borrowed from it, and the copy made above is
    // given back before the pass makes its paragraph, a third copy.
    let arena = if texts.len() == 1 && spans == [whole] && arena[..] == *longest.as_bytes() {
        Cow::Borrowed(longest.as_bytes())
    } else {
        Cow::Owned(arena)
    };
    let sq = Squeezed {
        arena,
        spans,
        distinct: false,
    };
    (sq, d)
}

/// Whether some line stands away from the previous occurrence of its
/// distinct line (`NONE` lines aside): only then can [`split_repeats`] find
/// anything.
fn repeats_apart(slot: impl Iterator<Item = u32>, distinct: usize) -> bool {
    let mut previous = NONE;
    let mut seen = vec![false; distinct];
    let mut apart = false;
    for k in slot.filter(|&k| k != NONE) {
        apart |= seen[k as usize] && k != previous;
        seen[k as usize] = true;
        previous = k;
    }
    apart
}

/// Runs of lines repeated with new lines on both sides, not touching the
/// run they repeat, are the article repeating paragraphs in another place
/// (a newsletter box, a pros-and-cons box printed again, a question asked
/// again in an FAQ), not the scraper repeating them: for each input line
/// the distinct line it becomes, when some line repeats so; `None`
/// otherwise.
///
/// A scraper repeats runs of lines (a whole article twice, an element's
/// text beside its container's), so a copy touches its original or has
/// the same line before or after it. Where many runs repeat with new
/// neighbours and most lines repeat, the lines are in no order (a
/// shuffled copy) and neighbours say nothing: then nothing is split.
fn split_repeats(
    slot: &[u32],
    distinct: usize,
    weighty: impl Fn(u32) -> bool,
) -> Option<(Vec<u32>, Vec<u32>)> {
    // Most repeats stand right after their original (blank lines aside):
    // those need no table of the lines (millions of them, at times).
    if !repeats_apart(slot.iter().copied(), distinct) {
        return None;
    }
    let lines: Vec<usize> = (0..slot.len()).filter(|&i| slot[i] != NONE).collect();
    let at = |t: Option<usize>| t.and_then(|t| lines.get(t)).map(|&i| slot[i]);
    // The previous occurrence of each line (index into `lines`).
    let mut last: Vec<u32> = vec![NONE; distinct];
    let earlier: Vec<u32> = lines
        .iter()
        .enumerate()
        .map(|(t, &i)| std::mem::replace(&mut last[slot[i] as usize], t as u32))
        .collect();
    let mut moved = vec![false; lines.len()];
    // Runs the article repeats, and those that hold a paragraph
    // ([`is_weighty`]).
    let (mut all_runs, mut runs) = (0, 0);
    // Repeats are judged a run at a time: the run of lines that repeats,
    // in order, the lines before the nearest earlier occurrence of its
    // first. A run that touches or overlaps
    // its original, or has the same line before or after it, is the
    // scraper writing the lines again; one with new lines on both sides
    // (a box of pros and cons printed again under the verdict) is the
    // article repeating them. Each line is read once.
    let mut t = 0;
    while t < lines.len() {
        if earlier[t] == NONE {
            t += 1;
            continue;
        }
        let offset = t - earlier[t] as usize;
        let start = t;
        while t + 1 < lines.len() && at(Some(t + 1)) == at(Some(t + 1 - offset)) {
            t += 1;
        }
        let end = t;
        t += 1;
        let touches = start <= end + 1 - offset;
        let same_before = at(start.checked_sub(1)) == at((start - offset).checked_sub(1));
        let same_after = at(Some(end + 1)).is_some_and(|n| at(Some(end + 1 - offset)) == Some(n));
        if touches || same_before || same_after {
            continue;
        }
        moved[start..=end].fill(true);
        all_runs += 1;
        runs += usize::from((start..=end).any(|u| weighty(slot[lines[u]])));
    }
    // Many runs of paragraphs with new neighbours are lines in no order (a
    // shuffled copy), where neighbours say nothing. Short lines that end
    // no sentence (a heading, `Read more`, a photo credit, a list item)
    // are what a page repeats most, and count for less: a shuffled copy
    // of a list of headlines is mostly runs of one.
    // A shuffled copy repeats most of the lines, though: where most lines
    // occur once (an FAQ whose contents name its seven questions), the
    // runs are the article's.
    let mut count = vec![0u8; distinct];
    for &i in &lines {
        let c = &mut count[slot[i] as usize];
        *c = c.saturating_add(1);
    }
    let repeated = count.iter().filter(|&&c| c > 1).count();
    let shuffled = (runs * 4 > distinct || all_runs * 3 > distinct * 2) && repeated * 2 > distinct;
    if !moved.contains(&true) || shuffled {
        return None;
    }
    // Each moved occurrence starts a line of its own; the occurrences
    // after it that stand beside it go with it.
    let mut current: Vec<u32> = (0..distinct as u32).collect();
    let mut origin = Vec::new();
    let mut split = slot.to_vec();
    for (t, &i) in lines.iter().enumerate() {
        let k = slot[i] as usize;
        if moved[t] {
            current[k] = (distinct + origin.len()) as u32;
            origin.push(k as u32);
        }
        split[i] = current[k];
    }
    Some((split, origin))
}

/// Whether a line (squeezed) is a paragraph of weight: long, or ending a
/// sentence. Page furniture (a heading, `Read more`, a credit, a list
/// item) is neither, and is what an article repeats.
fn is_weighty(sq: &[u8]) -> bool {
    sq.len() >= LONG || std::str::from_utf8(sq).is_ok_and(super::copies::ends_sentence)
}

/// Which of `paragraphs` (squeezed) repeat an earlier one where cleaning
/// them again would take the repeat for a copy ([`split_repeats`]): beside
/// it, or with the same neighbour. Those are dropped, so that a result that
/// keeps a repeated paragraph is a fixed point of cleaning.
pub(super) fn unsettled_repeats(paragraphs: &[&[u8]]) -> Vec<bool> {
    let mut drop = vec![false; paragraphs.len()];
    // Dropping one can set two others side by side: a few rounds, then
    // every repeat goes.
    for round in 0..4 {
        let kept: Vec<usize> = (0..paragraphs.len()).filter(|&i| !drop[i]).collect();
        let mut ids: HashMap<&[u8], u32> = HashMap::new();
        let slot: Vec<u32> = kept
            .iter()
            .map(|&i| {
                let next = ids.len() as u32;
                *ids.entry(paragraphs[i]).or_insert(next)
            })
            .collect();
        if ids.len() == slot.len() {
            break;
        }
        // Ids are given in order of first occurrence.
        let mut weighty = Vec::with_capacity(ids.len());
        for (t, &i) in kept.iter().enumerate() {
            if slot[t] as usize == weighty.len() {
                weighty.push(is_weighty(paragraphs[i]));
            }
        }
        let split =
            split_repeats(&slot, ids.len(), |k| weighty[k as usize]).map(|(split, _)| split);
        let mut seen = HashSet::new();
        let mut changed = false;
        for (t, &i) in kept.iter().enumerate() {
            let id = split.as_ref().map_or(slot[t], |s| s[t]);
            if !seen.insert(id) || (round == 3 && split.is_some() && id as usize >= ids.len()) {
                drop[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    drop
}

/// The distinct lines again after [`split_repeats`] (`origin`: the line
/// each new one repeats), numbered by first occurrence; a split line
/// shares its squeezed bytes with the line it repeats.
fn regroup(
    (split, origin): &(Vec<u32>, Vec<u32>),
    spans: &[(usize, usize)],
    cut: &[u8],
    arena: Vec<u8>,
) -> (Squeezed<'static>, Distinct) {
    let total = spans.len() + origin.len();
    let mut number = vec![NONE; total];
    let mut d = Distinct::default();
    let mut out = Vec::new();
    for (i, &k) in split.iter().enumerate() {
        if k == NONE {
            continue;
        }
        let k = k as usize;
        if number[k] == NONE {
            number[k] = out.len() as u32;
            let o = if k < spans.len() {
                k
            } else {
                origin[k - spans.len()] as usize
            };
            out.push(spans[o]);
            d.first.push(i as u32);
            d.cut.push(cut[i]);
            d.once.push(true);
            d.repeat.push(k >= spans.len());
            d.echo.push(false);
            if k >= spans.len() {
                let o = number[origin[k - spans.len()] as usize];
                if let Some(e) = d.echo.get_mut(o as usize) {
                    *e = true;
                }
            }
        } else {
            let n = number[k] as usize;
            d.cut[n] &= cut[i];
            d.once[n] = false;
        }
    }
    let sq = Squeezed {
        arena: Cow::Owned(arena),
        spans: out,
        distinct: false,
    };
    (sq, d)
}

/// Whitespace counts over the prefixes of one line, so that the squeezed
/// length of any prefix (or suffix) of it costs a lookup and at most one
/// block, not a count of the whole prefix: a cascade has as many prefixes
/// or suffixes of its longest line as it has paragraphs.
pub(super) struct PrefixCounts<'a> {
    /// The line, its wide spaces blanked: a byte tells whether it is
    /// whitespace. Borrowed where it has none to blank (most lines).
    pub(super) bytes: std::borrow::Cow<'a, [u8]>,
    /// Whitespace bytes before each block of `PREFIX_BLOCK` bytes.
    pub(super) before: Vec<usize>,
}

pub(super) const PREFIX_BLOCK: usize = 128;

impl<'a> PrefixCounts<'a> {
    pub(super) fn new(line: &'a str) -> Self {
        let bytes = if line.is_ascii() || wide_spaces(line.as_bytes()).next().is_none() {
            std::borrow::Cow::Borrowed(line.as_bytes())
        } else {
            let mut bytes = line.as_bytes().to_vec();
            blank_wide_spaces(line, &mut bytes);
            std::borrow::Cow::Owned(bytes)
        };
        let mut before = Vec::with_capacity(bytes.len() / PREFIX_BLOCK + 1);
        let mut total = 0;
        for block in bytes.chunks(PREFIX_BLOCK) {
            before.push(total);
            total += count_ws_bytes(block);
        }
        // For `i` at the very end of a line a whole number of blocks long.
        before.push(total);
        PrefixCounts { bytes, before }
    }

    /// The squeezed length of the line's first `i` bytes (`i` on a char
    /// boundary).
    pub(super) fn squeezed_before(&self, i: usize) -> usize {
        let block = i / PREFIX_BLOCK;
        let start = block * PREFIX_BLOCK;
        let ws = self.before[block] + count_ws_bytes(&self.bytes[start..i]);
        i - ws
    }
}

/// How many bytes of `chunk` (at most 255) are ASCII whitespace. Counting
/// in bytes lets the loop run on 32 bytes at a time; a `usize` count would
/// run on 4.
#[inline]
pub(super) fn count_ws_bytes(chunk: &[u8]) -> usize {
    debug_assert!(chunk.len() <= 255);
    usize::from(
        chunk
            .iter()
            .fold(0u8, |n, &c| n.wrapping_add(u8::from(is_ws_byte(c)))),
    )
}

/// Whether byte `c` is ASCII whitespace ([`WS_BYTE`]), in arithmetic that
/// vectorises.
#[inline]
pub(super) fn is_ws_byte(c: u8) -> bool {
    (c == b' ') | (c.wrapping_sub(0x09) <= 0x0d - 0x09)
}

/// For each squeezed offset (sorted), the offset in `raw` of the byte it
/// names: squeezed offset `o` is the `o`-th byte of `raw` outside its
/// whitespace, as [`squeeze_into`] keeps them; an offset past the end maps
/// to `raw.len()`. Appended to `out`.
pub(super) fn raw_offsets_into(raw: &str, sorted: &[usize], out: &mut Vec<usize>) {
    let blanked;
    // A copy with its wide spaces blanked only where it has any: most text
    // beyond ASCII (`’`, `é`) has none.
    let bytes = if raw.is_ascii() || wide_spaces(raw.as_bytes()).next().is_none() {
        raw.as_bytes()
    } else {
        let mut buf = raw.as_bytes().to_vec();
        blank_wide_spaces(raw, &mut buf);
        blanked = buf;
        &blanked[..]
    };
    const CHUNK: usize = 32;
    // `o` counts the bytes before `i` that are no whitespace.
    let (mut i, mut o) = (0, 0);
    for &w in sorted {
        // Whole chunks before the one holding byte `w` are counted, not
        // walked: the count vectorises, a test on each byte mispredicts.
        while let Some(chunk) = bytes.get(i..i + CHUNK) {
            let k = CHUNK - count_ws_bytes(chunk);
            if o + k > w {
                break;
            }
            o += k;
            i += CHUNK;
        }
        // Then whole words of the chunk: at most three, not up to 31 bytes
        // walked one by one.
        while let Some(word) = bytes.get(i..i + 8) {
            let k = 8 - count_ws_bytes(word);
            if o + k > w {
                break;
            }
            o += k;
            i += 8;
        }
        while i < bytes.len() {
            if !is_ws_byte(bytes[i]) {
                if o == w {
                    break;
                }
                o += 1;
            }
            i += 1;
        }
        out.push(i.min(raw.len()));
    }
}

/// [`raw_offsets_into`] into a new table.
#[cfg(test)]
pub(super) fn raw_offsets(raw: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    raw_offsets_into(raw, sorted, &mut out);
    out
}
