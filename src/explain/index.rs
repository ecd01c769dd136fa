//! The search machinery behind [`fates`](super::fates): the index of the
//! output paragraphs by their first squeezed bytes, the walk of a line
//! along them, the one Aho-Corasick pass for lines that start inside a
//! paragraph, and the hasher for their tables. Kept apart from the public
//! types and writers in `explain/mod.rs` so that each file stays under the
//! project's size limit; nothing here is public outside `explain`.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::{kept_or_copy, Fate, Placement};

/// Places the lines that start inside a paragraph: one Aho-Corasick pass
/// over the squeezed output finds the first occurrence of each.
pub(super) fn search<P: AsRef<str>>(
    index: &Index<P>,
    searched: &[(usize, Vec<u8>, bool)],
    given: &mut HashSet<(usize, usize), Fx>,
    out: &mut [Placement],
) {
    let (text, starts) = index.squeezed();
    // An NFA, as in dedup's searches for copies: a DFA's build grows with
    // the patterns' bytes times the alphabet.
    let Ok(ac) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(searched.iter().map(|(_, t, _)| t))
    else {
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
pub(super) enum Walked {
    Exact(usize, usize),
    Inside(usize, usize),
}

/// Squeezed bytes in a key: paragraphs are found by their first `KEY`
/// squeezed bytes (all of them if fewer).
const KEY: usize = 16;

/// The output paragraphs, found by their first squeezed bytes.
pub(super) struct Index<'a, P> {
    paragraphs: &'a [P],
    /// Each paragraph's first index, by its text: a line that is one
    /// paragraph as written is found in one lookup, however many
    /// paragraphs start alike. Built for the first line no longer than
    /// the longest paragraph: a body of one line of 1.66 million glued
    /// paragraphs never needs it (52 MB, issue 13).
    whole: OnceCell<HashMap<&'a str, u32, Fx>>,
    /// The longest paragraph, in bytes: longer lines are not looked up
    /// whole.
    longest: usize,
    /// The rest, built on the first line that is not one paragraph as
    /// written.
    starts: OnceCell<Starts>,
}

/// The paragraphs by their first `KEY` squeezed bytes: the first with
/// each key's hash, and each the next after it with that hash, so that
/// the paragraphs with a key are walked in order. (A table of a key and a
/// list per key took 100 bytes a paragraph: 17 MB for a line of 170,000
/// glued paragraphs, issue 13.)
struct Starts {
    heads: HashMap<u64, u32, Fx>,
    next: Vec<u32>,
    /// The squeezed lengths, below `KEY`, of short paragraphs.
    short: Vec<u8>,
}

/// No paragraph.
const NONE: u32 = u32::MAX;

/// The hash a key is filed under (keys are compared whole when read).
fn key_hash((key, len): (u128, u8)) -> u64 {
    let mut h = FxHasher::default();
    h.write_u128(key);
    h.write_u8(len);
    h.finish()
}

impl Starts {
    fn new<P: AsRef<str>>(paragraphs: &[P]) -> Self {
        let mut heads: HashMap<u64, u32, Fx> = HashMap::default();
        heads.reserve(paragraphs.len());
        let mut next = vec![NONE; paragraphs.len()];
        let mut short = Vec::new();
        // From the last, so that each chain runs in order.
        for (i, p) in paragraphs.iter().enumerate().rev() {
            let (key, len) = key(p.as_ref());
            if len == 0 {
                continue;
            }
            if (len as usize) < KEY && !short.contains(&len) {
                short.push(len);
            }
            next[i] = heads.insert(key_hash((key, len)), i as u32).unwrap_or(NONE);
        }
        short.sort_unstable();
        Starts { heads, next, short }
    }

    /// The paragraphs whose key is `k`, in order.
    fn with_key<'s, P: AsRef<str>>(
        &'s self,
        k: (u128, u8),
        paragraphs: &'s [P],
    ) -> impl Iterator<Item = u32> + 's {
        let mut cur = self.heads.get(&key_hash(k)).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            while cur != NONE {
                let i = cur;
                cur = self.next[i as usize];
                if key(paragraphs[i as usize].as_ref()) == k {
                    return Some(i);
                }
            }
            None
        })
    }
}

impl<'a, P: AsRef<str>> Index<'a, P> {
    pub(super) fn new(paragraphs: &'a [P]) -> Self {
        Index {
            paragraphs,
            whole: OnceCell::new(),
            longest: paragraphs
                .iter()
                .map(|p| p.as_ref().len())
                .max()
                .unwrap_or(0),
            starts: OnceCell::new(),
        }
    }

    /// Where `line` lies if it starts at a paragraph start: exactly on
    /// paragraph boundaries if it can, else ending inside a paragraph.
    pub(super) fn place(&self, line: &str) -> Option<Walked> {
        let trimmed = line.trim();
        if trimmed.len() <= self.longest {
            let whole = self.whole.get_or_init(|| {
                let mut whole: HashMap<&str, u32, Fx> = HashMap::default();
                whole.reserve(self.paragraphs.len());
                for (i, p) in self.paragraphs.iter().enumerate() {
                    whole.entry(p.as_ref()).or_insert(i as u32);
                }
                whole
            });
            if let Some(&i) = whole.get(trimmed) {
                return Some(Walked::Exact(i as usize, i as usize));
            }
        }
        let starts = self.starts.get_or_init(|| Starts::new(self.paragraphs));
        let (key, len) = key(line);
        let mut inside = None;
        let mut try_key = |k: (u128, u8)| -> Option<Walked> {
            for i in starts.with_key(k, self.paragraphs) {
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
    pub(super) fn decompose(&self, line: &str) -> Option<(usize, usize)> {
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
                .flat_map(|k| starts.with_key(k, self.paragraphs))
                .find_map(|i| {
                    let p = self.paragraphs[i as usize].as_ref();
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
            text.extend_from_slice(&squeeze(p.as_ref()));
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
fn walk<P: AsRef<str>>(line: &str, paragraphs: &[P], i: usize) -> Option<Walked> {
    let bytes = line.as_bytes();
    let mut pos = skip_ws(line, 0);
    let mut j = i;
    while pos < bytes.len() {
        let p = paragraphs.get(j)?.as_ref();
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

pub(super) fn squeeze(s: &str) -> Vec<u8> {
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
pub(super) fn strip_ellipsis(line: &str) -> Option<&str> {
    let t = line.trim();
    let rest = t.trim_start_matches("...").trim_start_matches('…').trim();
    let rest = rest.trim_end_matches("...").trim_end_matches('…').trim();
    (rest.len() != t.len()).then_some(rest)
}

/// A fast hasher for the small keys here (FxHash's multiply-rotate):
/// SipHash would cost more than the walk on short lines.
#[derive(Default)]
pub(super) struct FxHasher(u64);

pub(super) type Fx = BuildHasherDefault<FxHasher>;

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
