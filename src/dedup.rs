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
//! 1. Lines are compared in *squeezed* form, with all whitespace removed, so
//!    that a lost separator (`Moscow.In`), a single space, doubled spaces,
//!    NBSP or trailing blanks do not matter.
//! 2. Evidence: where the first (or last) bytes of one line occur inside
//!    another line, and the two agree from there up to the end of the shorter
//!    one, the lines overlap at a known offset. Keys are found by reading
//!    one 8-byte word every 8 bytes of each line (each key is entered by its
//!    eight windows), so finding them costs one pass over the input, never
//!    a comparison of every pair of lines.
//! 3. Layout: the offsets place the lines of each connected group on one
//!    axis (the rebuilt article); every placement is then checked byte for
//!    byte against the assembled text, and a line that does not fit is set
//!    apart, so nothing is ever lost to a wrong guess.
//! 4. Every line start and end on that axis is a paragraph boundary; the text
//!    between two boundaries is a paragraph, taken once.
//! 5. A body of a single distinct line has no such evidence: there, glued
//!    paragraphs are split where a sentence ends with no space before the
//!    next one (`Moscow.In`).
//!
//! The pass runs again on its own output until nothing changes, which makes
//! cleaning idempotent by construction.

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
/// Layout rounds that set apart lines which did not fit.
const MAX_ROUNDS: usize = 3;

/// Rebuilds the article from its body lines: each paragraph once, in the
/// article's order, whitespace-normalised.
///
/// Every sentence of the input is kept; blank lines are ignored. The result is
/// a fixed point: `rebuild(&rebuild(x)) == rebuild(x)`.
pub fn rebuild<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    let raw: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
    let Some(mut done) = pass(&raw, None) else {
        return raw.iter().map(|s| s.to_string()).collect();
    };
    // A pass that gave back its input (a single line with nothing to split,
    // or evidence that no line fitted) is at a fixed point already: the
    // next would repeat it.
    if done.paragraphs.len() == raw.len() && done.paragraphs.iter().zip(&raw).all(|(p, r)| p == r) {
        return done.paragraphs;
    }
    // Passes over a small input are cheap: allow more of them there.
    let total: usize = raw.iter().map(|s| s.len()).sum();
    let max_passes = if total < 1 << 16 {
        8 * MAX_PASSES
    } else {
        MAX_PASSES
    };
    for _ in 1..max_passes {
        let refs: Vec<&str> = done.paragraphs.iter().map(String::as_str).collect();
        match pass(&refs, Some(&done.squeezed)) {
            Some(next) if next.paragraphs != done.paragraphs => done = next,
            _ => break,
        }
    }
    done.paragraphs
}

/// Collapses every run of whitespace (spaces, tabs, NBSP, any Unicode
/// `White_Space`) into one space and trims both ends.
pub fn normalize(s: &str) -> String {
    if is_normalized(s) {
        return s.to_string();
    }
    let mut buf = s.as_bytes().to_vec();
    let n = normalize_in_place(s, &mut buf);
    buf.truncate(n);
    // Only whole chars were replaced (by spaces) or removed, so this is
    // UTF-8; the lossy arm is never taken.
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Bytes that are whitespace on their own: the ASCII `White_Space` chars.
const WS_BYTE: [bool; 256] = {
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
const SPACED: [u8; 256] = {
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
fn has_control_space(b: &[u8]) -> bool {
    b.iter()
        .fold(false, |any, &c| any | (is_ws_byte(c) & (c != b' ')))
}

/// The `(start, length)` of every whitespace char beyond ASCII in `b`
/// (NBSP, U+2000..U+200A, U+3000...: `White_Space` has 19 of them, in four
/// lead bytes), not in order. Found by their lead bytes with `memchr`, so
/// text with no such char, even text with many `’` or `£`, costs little.
fn wide_spaces(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
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
fn normalize_in_place(s: &str, buf: &mut [u8]) -> usize {
    blank_wide_spaces(s, buf);
    let mut n = 0;
    // `true` at the start drops leading whitespace.
    let mut prev_ws = true;
    for i in 0..buf.len() {
        // A table, not a branch on `ws` (see `squeeze_into`).
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
fn blank_wide_spaces(s: &str, buf: &mut [u8]) {
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
fn squeeze_into(s: &str, out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(s.as_bytes());
    let buf = &mut out[start..];
    blank_wide_spaces(s, buf);
    let mut n = 0;
    for i in 0..buf.len() {
        let c = buf[i];
        buf[n] = c;
        n += usize::from(!WS_BYTE[c as usize]);
    }
    out.truncate(start + n);
}

/// One distinct line of a pass.
struct Line<'a> {
    /// The line as given: what the output is cut from.
    raw: &'a str,
    /// `raw` without its whitespace: what lines are compared by.
    sq: &'a [u8],
    /// Index of the line's first occurrence, for ordering.
    first: usize,
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
struct Passed {
    paragraphs: Vec<String>,
    squeezed: Squeezed,
}

/// Squeezed bytes of some lines in one arena: line `i` is
/// `arena[spans[i].0..spans[i].1]`.
#[derive(Default)]
struct Squeezed {
    arena: Vec<u8>,
    spans: Vec<(usize, usize)>,
}

/// One pass over the lines; `None` when the lines are already the article
/// (distinct, normalised, no evidence between them), which is the common
/// case for clean files and for the check that a result is a fixed point.
/// `given`: the lines' squeezed bytes, when the lines are a pass's output.
fn pass(input: &[&str], given: Option<&Squeezed>) -> Option<Passed> {
    let made = given.is_none().then(|| squeeze_distinct(input));
    let (sq, firsts): (&Squeezed, Option<&[usize]>) = match (given, &made) {
        (Some(g), _) => (g, None),
        (None, Some((sq, firsts))) => (sq, Some(firsts)),
        (None, None) => return None,
    };
    let lines: Vec<Line> = sq
        .spans
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| {
            let first = firsts.map_or(k, |f| f[k]);
            Line {
                raw: input[first],
                sq: &sq.arena[a..b],
                first,
            }
        })
        .collect();
    let mut edges = key_edges(&lines);
    edges.extend(short_edges(&lines));
    // A pass's output is distinct and normalised by construction.
    if edges.is_empty()
        && lines.len() > 1
        && (given.is_some()
            || (lines.len() == input.len() && input.iter().all(|s| is_normalized(s))))
    {
        return None;
    }
    let groups = layout(&lines, &edges);
    // A body of one distinct line has no line starts or ends inside it to go
    // by: a window of paragraphs written once looks exactly like that.
    // Elsewhere the line starts and ends are the evidence, and a stop glued
    // to a capital inside a paragraph is far more often the author's typo
    // (`Division.Those`) than a seam.
    let single_line = lines.len() == 1;

    let mut kept = Kept::new(&sq.arena);
    let mut scratch = Vec::new();
    for group in &groups {
        for (piece, sq) in group_pieces(&lines, group) {
            let piece = normalize(piece);
            if single_line {
                for part in split_glued(&piece) {
                    let part = part.trim_matches(' ');
                    scratch.clear();
                    squeeze_into(part, &mut scratch);
                    kept.keep(part.to_string(), &scratch);
                }
            } else {
                kept.keep(piece, sq);
            }
        }
    }
    let base = kept.arena.len();
    let Kept {
        extra,
        mut spans,
        paragraphs,
        ..
    } = kept;
    let arena = if spans.iter().all(|&(a, _)| a >= base) {
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
            (Some((sq, _)), _) => sq.arena,
            (None, Some(g)) => g.arena.clone(),
            (None, None) => Vec::new(),
        };
        arena.extend_from_slice(&extra);
        arena
    };
    Some(Passed {
        paragraphs,
        squeezed: Squeezed { arena, spans },
    })
}

/// The paragraphs a pass keeps, each once, with where their squeezed bytes
/// are: in the pass's arena, or past its end in `extra` (parts split off
/// a single line).
struct Kept<'a> {
    arena: &'a [u8],
    extra: Vec<u8>,
    spans: Vec<(usize, usize)>,
    paragraphs: Vec<String>,
    /// First paragraph with each squeezed hash. Two different paragraphs
    /// with one 64-bit hash are both kept: a duplicate is possible then, a
    /// loss not.
    seen: U64Map<u32>,
}

impl<'a> Kept<'a> {
    fn new(arena: &'a [u8]) -> Self {
        Kept {
            arena,
            extra: Vec::new(),
            spans: Vec::new(),
            paragraphs: Vec::new(),
            seen: U64Map::default(),
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
    /// unless it is empty or was kept before.
    fn keep(&mut self, part: String, sq: &[u8]) {
        if part.is_empty() {
            return;
        }
        let key = word_hash(sq);
        match self.seen.get(&key) {
            Some(&k) if self.bytes(self.spans[k as usize]) == sq => return,
            Some(_) => {}
            None => {
                self.seen.insert(key, self.paragraphs.len() as u32);
            }
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
        self.paragraphs.push(part);
    }
}

/// Where `part` starts in `arena`, if it is a slice of it.
fn offset_in(arena: &[u8], part: &[u8]) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(arena.as_ptr() as usize)?;
    (start + part.len() <= arena.len()).then_some(start)
}

/// Whether `normalize(s) == s`: no leading, trailing or doubled spaces and
/// no whitespace other than single spaces.
fn is_normalized(s: &str) -> bool {
    let b = s.as_bytes();
    !(b.first() == Some(&b' ')
        || b.last() == Some(&b' ')
        || has_control_space(b)
        || memchr::memmem::find(b, b"  ").is_some()
        || (!b.is_ascii() && wide_spaces(b).next().is_some()))
}

/// The squeezed bytes of every distinct non-blank line, and for each such
/// line the index of its first occurrence.
fn squeeze_distinct(input: &[&str]) -> (Squeezed, Vec<usize>) {
    let mut arena = Vec::with_capacity(input.iter().map(|s| s.len()).sum());
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut firsts: Vec<usize> = Vec::new();
    let mut first_of: U64Map<u32> = U64Map::default();
    // Byte-identical copies (a whole article written twice) are dropped
    // before the costlier squeeze.
    let mut raw_seen: U64Map<u32> = U64Map::default();
    // In a cascade most lines are a prefix or a suffix of the longest one,
    // byte for byte: their squeezed bytes are then a prefix or a suffix of
    // its squeezed bytes, found by comparing and counting (both vectorise),
    // not by squeezing again. Squeezing commutes with cutting text at a char
    // boundary, and a line starts and ends at one.
    let longest = input.iter().copied().max_by_key(|s| s.len()).unwrap_or("");
    squeeze_into(longest, &mut arena);
    let whole = (0, arena.len());
    let counts = PrefixCounts::new(longest);
    for (i, s) in input.iter().enumerate() {
        let raw_key = mix(line_key(s.as_bytes()));
        match raw_seen.get(&raw_key) {
            Some(&k) if input[k as usize] == *s => continue,
            Some(_) => {}
            None => {
                raw_seen.insert(raw_key, i as u32);
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
            continue;
        }
        let key = mix(line_key(&arena[span.0..span.1]));
        match first_of.get(&key) {
            Some(&k) => {
                let (a, b) = spans[k as usize];
                if arena[a..b] == arena[span.0..span.1] {
                    arena.truncate(start);
                    continue;
                }
                // A 64-bit collision between different lines: keep both.
            }
            None => {
                first_of.insert(key, spans.len() as u32);
            }
        }
        spans.push(span);
        firsts.push(i);
    }
    (Squeezed { arena, spans }, firsts)
}

/// Whitespace counts over the prefixes of one line, so that the squeezed
/// length of any prefix (or suffix) of it costs a lookup and at most one
/// block, not a count of the whole prefix: a cascade has as many prefixes
/// or suffixes of its longest line as it has paragraphs.
struct PrefixCounts {
    /// The line, its wide spaces blanked: a byte tells whether it is
    /// whitespace.
    bytes: Vec<u8>,
    /// Whitespace bytes before each block of `PREFIX_BLOCK` bytes.
    before: Vec<usize>,
}

const PREFIX_BLOCK: usize = 128;

impl PrefixCounts {
    fn new(line: &str) -> Self {
        let mut bytes = line.as_bytes().to_vec();
        blank_wide_spaces(line, &mut bytes);
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
    fn squeezed_before(&self, i: usize) -> usize {
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
fn count_ws_bytes(chunk: &[u8]) -> usize {
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
fn is_ws_byte(c: u8) -> bool {
    (c == b' ') | (c.wrapping_sub(0x09) <= 0x0d - 0x09)
}

/// A cheap key for whole-line dedup: the length and the first and last 32
/// bytes. Lines with equal keys are compared in full, so only true copies
/// (and rare near-copies) pay for a full comparison.
fn line_key(sq: &[u8]) -> u64 {
    let edge = sq.len().min(32);
    poly_hash(&sq[..edge]) ^ poly_hash(&sq[sq.len() - edge..]).rotate_left(17) ^ sq.len() as u64
}

/// A hash of all of `bytes`, eight at a time (FxHash's step), well mixed:
/// paragraphs are told apart by it, and a byte-at-a-time polynomial costs
/// several times more on every byte of the output.
fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = bytes.len() as u64;
    for c in &mut chunks {
        h = step(h, u64::from_le_bytes(c.try_into().unwrap_or_default()));
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    mix(step(h, u64::from_le_bytes(tail)))
}

// ---------------------------------------------------------------------------
// Evidence: where one line's start or end lies inside another line.

const BASE: u64 = 0x0100_0000_01b3;

/// Polynomial hash of `bytes`.
fn poly_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |h, &b| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(b))
    })
}

/// Scan positions are this many bytes apart. A key is entered by each of
/// its windows of `STRIDE` bytes at offsets `0..STRIDE`, all inside its
/// `KEY` bytes, so wherever a key occurs one of its windows lies on a scan
/// position: the scan reads one word every `STRIDE` bytes instead of
/// rolling a hash over every byte.
const STRIDE: usize = 8;

/// The window of `STRIDE` bytes at `at` (which must fit in `s`).
#[inline]
fn window(s: &[u8], at: usize) -> u64 {
    let mut w = [0u8; STRIDE];
    w.copy_from_slice(&s[at..at + STRIDE]);
    u64::from_le_bytes(w)
}

/// Hash of a `KEY`-byte key.
#[inline]
fn key_hash(k: &[u8]) -> u64 {
    mix(window(k, 0).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ window(k, STRIDE))
}

/// Spreads a polynomial hash over all 64 bits (murmur3's finaliser): its low
/// bits alone are weak, and hash tables index by them.
#[inline]
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A hasher for keys that are already well-mixed `u64`s.
#[derive(Default)]
struct U64Hasher(u64);

impl std::hash::Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type U64Map<V> = HashMap<u64, V, std::hash::BuildHasherDefault<U64Hasher>>;

/// Line-start and line-end keys, found through their windows (see
/// [`STRIDE`]) with a bit filter in front, so that the common case (a
/// window of no key) costs one bit test. The filter has about 32 bits per
/// window, up to 1 MiB (and the offsets table as much): small enough to
/// stay in cache, cheap to clear for the small files that are the common
/// case. Lines sharing a key are chained through `next`, so a key costs no
/// allocation of its own.
struct KeyMaps {
    filter: Vec<u64>,
    shift: u32,
    /// Per window hash (another one than the filter's): at which offsets
    /// the windows with that hash occur in some start key (bits 0..8) or
    /// end key (bits 8..16). Windows sharing a slot share their bits; a
    /// wrong bit costs one failed lookup in `heads`.
    offsets: Vec<u16>,
    offsets_shift: u32,
    /// Key to the last line inserted with it, for starts and for ends.
    heads: [U64Map<u32>; 2],
    /// Per line: the previous line with the same start (or end) key.
    next: [Vec<u32>; 2],
}

const NONE: u32 = u32::MAX;

impl KeyMaps {
    fn new(keys: usize, lines: usize) -> Self {
        let windows = keys * STRIDE;
        let bits = (windows * 32).next_power_of_two().clamp(1 << 12, 1 << 23);
        let slots = (windows * 2).next_power_of_two().clamp(1 << 8, 1 << 19);
        KeyMaps {
            filter: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
            offsets: vec![0; slots],
            offsets_shift: 64 - slots.trailing_zeros(),
            heads: [U64Map::default(), U64Map::default()],
            next: [vec![NONE; lines], vec![NONE; lines]],
        }
    }

    #[inline]
    fn slot(&self, w: u64) -> (usize, u64) {
        let bit = (w.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        (bit >> 6, 1 << (bit & 63))
    }

    #[inline]
    fn offsets_slot(&self, w: u64) -> usize {
        (w.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> self.offsets_shift) as usize
    }

    /// `end`: 0 for a line-start key, 1 for a line-end key.
    fn insert(&mut self, key: &[u8], line: u32, end: usize) {
        for r in 0..STRIDE {
            let w = window(key, r);
            let (i, m) = self.slot(w);
            self.filter[i] |= m;
            let o = self.offsets_slot(w);
            self.offsets[o] |= 1 << (r + STRIDE * end);
        }
        let prev = self.heads[end].insert(key_hash(key), line).unwrap_or(NONE);
        self.next[end][line as usize] = prev;
    }

    /// Which keys may have window `w`: bit `r` (start keys) or
    /// `STRIDE + r` (end keys) for one at offset `r`.
    #[inline]
    fn offsets(&self, w: u64) -> u16 {
        let (i, m) = self.slot(w);
        if self.filter[i] & m == 0 {
            return 0;
        }
        self.offsets[self.offsets_slot(w)]
    }

    /// The lines (at most `BUCKET_CAP`) whose start (`end == 0`) or end
    /// (`end == 1`) key has hash `key`.
    fn lines(&self, key: u64, end: usize) -> impl Iterator<Item = u32> + '_ {
        let mut cur = self.heads[end].get(&key).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            let line = cur;
            cur = *self.next[end].get(line as usize)?;
            Some(line)
        })
        .take(BUCKET_CAP)
    }
}

/// Edges from the `KEY`-byte start and end keys of lines at least `KEY` long.
fn key_edges(lines: &[Line]) -> Vec<Edge> {
    let keyed = lines.iter().filter(|l| l.sq.len() >= KEY).count();
    // A line never counts as evidence about itself: with fewer than two
    // keyed lines there is nothing to find.
    if keyed < 2 {
        return Vec::new();
    }
    let mut keys = KeyMaps::new(2 * keyed, lines.len());
    for (i, l) in lines.iter().enumerate() {
        if l.sq.len() >= KEY {
            let (head, tail) = (&l.sq[..KEY], &l.sq[l.sq.len() - KEY..]);
            if !periodic(head) {
                keys.insert(head, i as u32, 0);
            }
            if !periodic(tail) {
                keys.insert(tail, i as u32, 1);
            }
        }
    }
    // Longest lines first; a line found whole inside one already scanned
    // is not scanned itself: every key inside it lies inside that line too,
    // and was found there. In a cascade this leaves one line to scan, so
    // the scan costs the size of the article, not of the input.
    let mut order: Vec<u32> = (0..lines.len() as u32).collect();
    order.sort_unstable_by_key(|&i| (std::cmp::Reverse(lines[i as usize].sq.len()), i));
    let mut inside = vec![false; lines.len()];
    // How often each line's start (0) and end (1) was found in the line
    // being scanned, stamped with that line. A line found more than
    // `AMBIGUOUS` times in one line (text that repeats itself) has no
    // position there: its matches are dropped and no longer checked, so
    // repetitive text costs no more than any other.
    let mut found: [Vec<(u32, u32)>; 2] =
        [vec![(NONE, 0); lines.len()], vec![(NONE, 0); lines.len()]];
    let mut edges = Vec::new();
    let mut hits: Vec<(usize, usize, Edge)> = Vec::new();
    for si in order {
        let s = lines[si as usize].sq;
        let n = s.len();
        if n <= KEY || inside[si as usize] {
            continue;
        }
        let first_edge = edges.len();
        // (where the key starts in `s`, start or end key, edge): sorted
        // below into the order of the key's position.
        hits.clear();
        for pos in (0..=n - STRIDE).step_by(STRIDE) {
            let mut offsets = keys.offsets(window(s, pos));
            while offsets != 0 {
                let bit = offsets.trailing_zeros() as usize;
                offsets &= offsets - 1;
                let (r, end) = (bit % STRIDE, bit / STRIDE);
                // The key is `s[at..at + KEY]`.
                let Some(at) = pos.checked_sub(r).filter(|&at| at + KEY <= n) else {
                    continue;
                };
                let key = key_hash(&s[at..at + KEY]);
                if end == 0 {
                    // Another line starts here: the two agree from `p` on.
                    let p = at;
                    if p == 0 {
                        continue;
                    }
                    for ti in keys.lines(key, 0) {
                        if ambiguous_in(&mut found[0], si, ti) {
                            continue;
                        }
                        let t = lines[ti as usize].sq;
                        let len = (n - p).min(t.len());
                        let c = len.min(VERIFY);
                        if ti != si
                            && s[p..p + c] == t[..c]
                            && (len >= LONG || start_cuts_are_seams(s, t, p))
                        {
                            let tu = ti as usize;
                            found[0][tu].1 += 1;
                            if !inside[tu] && t.len() <= n - p && s[p..p + t.len()] == *t {
                                inside[tu] = true;
                            }
                            let d = p as i64;
                            hits.push((at, end, Edge { a: si, b: ti, d }));
                        }
                    }
                } else {
                    // Another line ends here: the two agree up to `q`.
                    let q = at + KEY;
                    if q == n {
                        continue;
                    }
                    for ti in keys.lines(key, 1) {
                        if ambiguous_in(&mut found[1], si, ti) {
                            continue;
                        }
                        let t = lines[ti as usize].sq;
                        let len = q.min(t.len());
                        let c = len.min(VERIFY);
                        if ti != si
                            && s[q - c..q] == t[t.len() - c..]
                            && (len >= LONG || end_cuts_are_seams(s, t, q))
                        {
                            let tu = ti as usize;
                            found[1][tu].1 += 1;
                            if !inside[tu] && t.len() <= q && s[q - t.len()..q] == *t {
                                inside[tu] = true;
                            }
                            let d = q as i64 - t.len() as i64;
                            hits.push((at, end, Edge { a: si, b: ti, d }));
                        }
                    }
                }
            }
        }
        // Edges in the order of their keys in `s`, as a scan byte by byte
        // would find them: the layout's breadth-first order depends on it.
        hits.sort_by_key(|&(at, end, _)| (at, end));
        edges.extend(hits.iter().map(|&(_, _, e)| e));
        let ambiguous = |e: &Edge, end: usize| {
            let (stamp, n) = found[end][e.b as usize];
            stamp == si && n > AMBIGUOUS
        };
        let scanned = edges.split_off(first_edge);
        edges.extend(
            scanned
                .into_iter()
                .filter(|e| !ambiguous(e, 0) && !ambiguous(e, 1)),
        );
    }
    edges
}

/// How many times one line may be found in another and still be placed
/// (an article can repeat a paragraph once).
const AMBIGUOUS: u32 = 2;

/// Whether line `ti` has already been found more than `AMBIGUOUS` times in
/// line `si` (the count is stamped with `si` and restarts for a new line),
/// so that it need not be checked again.
#[inline]
fn ambiguous_in(found: &mut [(u32, u32)], si: u32, ti: u32) -> bool {
    let slot = &mut found[ti as usize];
    if slot.0 != si {
        *slot = (si, 0);
    }
    slot.1 > AMBIGUOUS
}

/// Whether `w` repeats a period of at most `KEY / 2` bytes
/// (`----------------`, a run of U+FFFD, `Abcd.Abcd.Abcd.A`): such a key matches at every offset of a run and says
/// nothing about where a line sits, so it is not used.
fn periodic(w: &[u8]) -> bool {
    (1..=KEY / 2).any(|p| w.len() > p && w[p..].iter().zip(w).all(|(a, b)| a == b))
}

/// Whether every cut made by line `t` starting at byte `p` of line `s` falls
/// on a seam: at `p` in `s`, and where the shorter of the two ends.
fn start_cuts_are_seams(s: &[u8], t: &[u8], p: usize) -> bool {
    let rest = s.len() - p;
    let other = match rest.cmp(&t.len()) {
        std::cmp::Ordering::Less => seam_strength(t, rest),
        std::cmp::Ordering::Greater => seam_strength(s, p + t.len()),
        std::cmp::Ordering::Equal => Some(true),
    };
    seam_strength(s, p).is_some() && other.is_some()
}

/// Whether every cut made by line `t` ending at byte `q` of line `s` falls
/// on a seam: at `q` in `s`, and where the shorter of the two begins.
fn end_cuts_are_seams(s: &[u8], t: &[u8], q: usize) -> bool {
    let other = match q.cmp(&t.len()) {
        std::cmp::Ordering::Less => seam_strength(t, t.len() - q),
        std::cmp::Ordering::Greater => seam_strength(s, q - t.len()),
        std::cmp::Ordering::Equal => Some(true),
    };
    seam_strength(s, q).is_some() && other.is_some()
}

/// Edges for lines shorter than `KEY` (a one-line paragraph such as
/// `Bosvelt.` or a dateline such as `NAIROBI`): such a line counts only where
/// another line starts or ends with it, since a short string in the middle of
/// a line is far more often a coincidence than evidence. Even there it needs
/// a cut that looks like a seam ([`is_seam`]), or a cut that at least does
/// not split a lowercase word, made in two or more lines (the first
/// paragraph of a prefix cascade starts every line).
fn short_edges(lines: &[Line]) -> Vec<Edge> {
    let mut by_key: U64Map<Vec<u32>> = U64Map::default();
    let mut lens: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.sq.len() < KEY {
            by_key
                .entry(short_key(pack(l.sq), l.sq.len()))
                .or_default()
                .push(i as u32);
            lens.push(l.sq.len());
        }
    }
    if lens.is_empty() {
        return Vec::new();
    }
    lens.sort_unstable();
    lens.dedup();
    // (edge, strong seam, the short line ends the other line)
    let mut found: Vec<(Edge, bool, bool)> = Vec::new();
    for (si, line) in lines.iter().enumerate() {
        let s = line.sq;
        // The first and the last (up to) 16 bytes, from which every head
        // and tail key is cut with a mask and a shift.
        let m = s.len().min(KEY);
        let (first, last) = (pack(&s[..m]), pack(&s[s.len() - m..]));
        for &len in lens.iter().take_while(|&&len| len < s.len()) {
            let (head, tail) = (&s[..len], &s[s.len() - len..]);
            let keys = [
                short_key(last >> (8 * (m - len)), len),
                short_key(first, len),
            ];
            for ((part, cut, at_end), key) in [(tail, s.len() - len, true), (head, len, false)]
                .into_iter()
                .zip(keys)
            {
                let Some(bucket) = by_key.get(&key) else {
                    continue;
                };
                let Some(strong) = seam_strength(s, cut) else {
                    continue;
                };
                for &ti in bucket {
                    if lines[ti as usize].sq == part {
                        let d = if at_end { cut as i64 } else { 0 };
                        found.push((
                            Edge {
                                a: si as u32,
                                b: ti,
                                d,
                            },
                            strong,
                            at_end,
                        ));
                    }
                }
            }
        }
    }
    let mut weak_count: U64Map<usize> = U64Map::default();
    let count_key = |e: &Edge, at_end: bool| mix(u64::from(e.b) << 1 | u64::from(at_end));
    for (e, _, at_end) in &found {
        *weak_count.entry(count_key(e, *at_end)).or_default() += 1;
    }
    found
        .into_iter()
        .filter(|(e, strong, at_end)| {
            *strong
                || (weak_count[&count_key(e, *at_end)] >= 2
                    && lines[e.b as usize].sq.iter().any(u8::is_ascii_alphanumeric))
        })
        .map(|(e, _, _)| e)
        .collect()
}

/// Up to 16 bytes as one little-endian number.
#[inline]
fn pack(b: &[u8]) -> u128 {
    let mut w = [0u8; 16];
    w[..b.len()].copy_from_slice(b);
    u128::from_le_bytes(w)
}

/// The key of the first `len` (less than 16) bytes of `packed`.
#[inline]
fn short_key(packed: u128, len: usize) -> u64 {
    let bytes = packed & ((1u128 << (8 * len)) - 1);
    mix(bytes as u64 ^ mix((bytes >> 64) as u64 ^ len as u64))
}

/// How much a cut at byte `i` of squeezed text `s` looks like a seam between
/// glued paragraphs: `Some(true)` for a strong seam ([`is_seam`]),
/// `Some(false)` for a cut that at least does not fall inside a word
/// (the next character is no lowercase letter, and no digit follows a
/// digit), `None` otherwise.
fn seam_strength(s: &[u8], i: usize) -> Option<bool> {
    let (prev, next) = (last_char(&s[..i])?, first_char(&s[i..])?);
    // Inside a run of one char (`''''`, `....`) is no seam: taking such
    // cuts peels the run one char per pass (found by fuzzing).
    if prev == next {
        return None;
    }
    if is_seam(s, i) {
        return Some(true);
    }
    let inside_word = next.is_lowercase() || (prev.is_ascii_digit() && next.is_ascii_digit());
    (!inside_word).then_some(false)
}

/// Whether a cut at byte `i` of squeezed text `s` looks like the seam
/// between two glued paragraphs: after closing punctuation, before an
/// opening quote or bracket, or from a lowercase letter or digit to a
/// capital (`ANISputnikIn`).
fn is_seam(s: &[u8], i: usize) -> bool {
    let (Some(prev), Some(next)) = (last_char(&s[..i]), first_char(&s[i..])) else {
        return false;
    };
    if matches!(next, '"' | '“' | '‘' | '(' | '[' | '<' | '«') {
        return true;
    }
    if matches!(
        prev,
        '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | ':' | ';' | '»'
    ) {
        return !next.is_lowercase();
    }
    (prev.is_lowercase() || prev.is_ascii_digit()) && next.is_uppercase()
}

fn first_char(s: &[u8]) -> Option<char> {
    let len = s.len().min(4);
    (1..=len).find_map(|l| std::str::from_utf8(&s[..l]).ok()?.chars().next())
}

fn last_char(s: &[u8]) -> Option<char> {
    let len = s.len().min(4);
    (1..=len).find_map(|l| {
        std::str::from_utf8(&s[s.len() - l..])
            .ok()?
            .chars()
            .next_back()
    })
}

// ---------------------------------------------------------------------------
// Layout: place each connected group of lines on one axis.

/// A connected group of lines, each at its offset on the group's axis.
struct Group {
    /// `(line, offset)`, in placement order: the first is the group's root.
    members: Vec<(u32, i64)>,
}

/// Places the lines by their edges, checks every placement, and returns the
/// groups in article order (by the first occurrence of any of their lines).
fn layout(lines: &[Line], edges: &[Edge]) -> Vec<Group> {
    let mut adjacency: Vec<Vec<(u32, i64)>> = vec![Vec::new(); lines.len()];
    for e in edges {
        adjacency[e.a as usize].push((e.b, e.d));
        adjacency[e.b as usize].push((e.a, -e.d));
    }
    // Roots: longest lines first, since they hold the most of the article.
    let mut roots: Vec<u32> = (0..lines.len() as u32).collect();
    roots.sort_unstable_by_key(|&i| (std::cmp::Reverse(lines[i as usize].sq.len()), i));

    let mut apart = vec![false; lines.len()];
    let mut groups = Vec::new();
    for round in 0..=MAX_ROUNDS {
        groups = place(&roots, &adjacency, &apart);
        let mut misfits = Vec::new();
        for g in &groups {
            misfits.extend(check_group(lines, g));
        }
        if misfits.is_empty() {
            break;
        }
        if round == MAX_ROUNDS {
            // Still no consistent layout: keep each misfit's group apart whole.
            let bad: HashSet<u32> = misfits.iter().copied().collect();
            for g in &groups {
                if g.members.iter().any(|(l, _)| bad.contains(l)) {
                    for &(l, _) in &g.members {
                        apart[l as usize] = true;
                    }
                }
            }
            groups = place(&roots, &adjacency, &apart);
            break;
        }
        for l in misfits {
            apart[l as usize] = true;
        }
    }
    groups.sort_by_key(|g| {
        g.members
            .iter()
            .map(|&(l, _)| lines[l as usize].first)
            .min()
    });
    groups
}

/// Breadth-first placement from each unplaced root. A line set `apart`
/// forms a group of its own.
fn place(roots: &[u32], adjacency: &[Vec<(u32, i64)>], apart: &[bool]) -> Vec<Group> {
    let mut pos: Vec<Option<i64>> = vec![None; adjacency.len()];
    let mut groups = Vec::new();
    let mut queue = VecDeque::new();
    for &root in roots {
        if pos[root as usize].is_some() {
            continue;
        }
        pos[root as usize] = Some(0);
        let mut members = vec![(root, 0)];
        if !apart[root as usize] {
            queue.push_back(root);
        }
        while let Some(a) = queue.pop_front() {
            let pa = pos[a as usize].unwrap_or(0);
            for &(b, d) in &adjacency[a as usize] {
                if apart[b as usize] || pos[b as usize].is_some() {
                    continue;
                }
                pos[b as usize] = Some(pa + d);
                members.push((b, pa + d));
                queue.push_back(b);
            }
        }
        groups.push(Group { members });
    }
    groups
}

/// The group's boundaries (every member's start and end), shifted to start
/// at 0, and for each piece between two boundaries the member it is taken
/// from (an index into `members`): the earliest-placed member covering it.
struct Assembly {
    cuts: Vec<i64>,
    source: Vec<Option<u32>>,
    shift: i64,
}

fn assemble(lines: &[Line], g: &Group) -> Assembly {
    let shift = g.members.iter().map(|&(_, p)| p).min().unwrap_or(0);
    let extent = |&(l, p): &(u32, i64)| (p - shift, p - shift + lines[l as usize].sq.len() as i64);
    let mut cuts: Vec<i64> = g
        .members
        .iter()
        .flat_map(|m| {
            let (a, b) = extent(m);
            [a, b]
        })
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts.len().saturating_sub(1);
    let mut source = vec![None; pieces];
    // `next_free[i]`: the first unassigned piece at or after `i`, with path
    // halving, so painting every member costs near-linear time overall.
    let mut next_free: Vec<usize> = (0..=pieces).collect();
    fn find(next_free: &mut [usize], mut i: usize) -> usize {
        while next_free[i] != i {
            next_free[i] = next_free[next_free[i]];
            i = next_free[i];
        }
        i
    }
    for (mi, m) in g.members.iter().enumerate() {
        let (start, end) = extent(m);
        let first = cuts.partition_point(|&c| c < start);
        let last = cuts.partition_point(|&c| c < end);
        let mut i = find(&mut next_free, first);
        while i < last {
            source[i] = Some(mi as u32);
            next_free[i] = i + 1;
            i = find(&mut next_free, i + 1);
        }
    }
    Assembly {
        cuts,
        source,
        shift,
    }
}

impl Assembly {
    /// Piece `i` as `(member index, start, end)`, offsets into that
    /// member's squeezed bytes.
    fn piece(&self, g: &Group, i: usize) -> Option<(usize, usize, usize)> {
        let mi = self.source[i]? as usize;
        let off = g.members[mi].1 - self.shift;
        Some((
            mi,
            (self.cuts[i] - off) as usize,
            (self.cuts[i + 1] - off) as usize,
        ))
    }
}

/// The members whose bytes differ from the text assembled at their offset.
fn check_group(lines: &[Line], g: &Group) -> Vec<u32> {
    if g.members.len() < 2 {
        return Vec::new();
    }
    let asm = assemble(lines, g);
    let mut text = Vec::new();
    for i in 0..asm.source.len() {
        match asm.piece(g, i) {
            Some((mi, a, b)) => {
                text.extend_from_slice(&lines[g.members[mi].0 as usize].sq[a..b]);
            }
            // A gap cannot occur in a connected group; fill it so offsets hold.
            None => text.resize(text.len() + (asm.cuts[i + 1] - asm.cuts[i]) as usize, 0),
        }
    }
    g.members
        .iter()
        .filter(|&&(l, p)| {
            let start = (p - asm.shift) as usize;
            let sq = lines[l as usize].sq;
            text.get(start..start + sq.len()) != Some(sq)
        })
        .map(|&(l, _)| l)
        .collect()
}

// ---------------------------------------------------------------------------
// Pieces: the text between two boundaries of a group.

/// The raw text between each two boundaries of a group, in order, with its
/// squeezed bytes.
fn group_pieces<'a>(lines: &[Line<'a>], g: &Group) -> Vec<(&'a str, &'a [u8])> {
    if let [(l, _)] = g.members[..] {
        let line = &lines[l as usize];
        return vec![(line.raw, line.sq)];
    }
    let asm = assemble(lines, g);
    // Squeezed offsets wanted from each member, mapped to offsets in its raw
    // text in one walk per member.
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); g.members.len()];
    for i in 0..asm.source.len() {
        if let Some((mi, a, b)) = asm.piece(g, i) {
            wanted[mi].extend([a, b]);
        }
    }
    let mut raw_at: Vec<(Vec<usize>, Vec<usize>)> = Vec::with_capacity(wanted.len());
    for (mi, mut offs) in wanted.into_iter().enumerate() {
        offs.sort_unstable();
        offs.dedup();
        let raw = raw_offsets(lines[g.members[mi].0 as usize].raw, &offs);
        raw_at.push((offs, raw));
    }
    let lookup = |mi: usize, o: usize| {
        let (offs, raw) = &raw_at[mi];
        raw[offs.partition_point(|&x| x < o)]
    };
    let mut pieces = Vec::with_capacity(asm.source.len());
    for i in 0..asm.source.len() {
        if let Some((mi, a, b)) = asm.piece(g, i) {
            let line = &lines[g.members[mi].0 as usize];
            let (ra, rb) = (lookup(mi, a), lookup(mi, b));
            // Checked groups only cut where every member has a char boundary.
            debug_assert!(line.raw.is_char_boundary(ra) && line.raw.is_char_boundary(rb));
            match line.raw.get(ra..rb) {
                Some(raw) => pieces.push((raw, &line.sq[a..b])),
                None => pieces.push((line.raw, line.sq)),
            }
        }
    }
    pieces
}

/// For each squeezed offset (sorted), the offset in `raw` of the byte it
/// names: squeezed offset `o` is the `o`-th byte of `raw` outside its
/// whitespace, as [`squeeze_into`] keeps them; an offset past the end maps
/// to `raw.len()`.
fn raw_offsets(raw: &str, sorted: &[usize]) -> Vec<usize> {
    let blanked;
    let bytes = if raw.is_ascii() {
        raw.as_bytes()
    } else {
        let mut buf = raw.as_bytes().to_vec();
        blank_wide_spaces(raw, &mut buf);
        blanked = buf;
        &blanked[..]
    };
    const CHUNK: usize = 32;
    let mut out = Vec::with_capacity(sorted.len());
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
    out
}

// ---------------------------------------------------------------------------
// Seams with no line start or end to go by.

/// Splits text where one sentence ends and the next begins with no space
/// between them (`Moscow.In late`), the mark of two glued paragraphs.
///
/// A straight quote after the stop (`match."I didn't`) closes the first
/// paragraph when the paragraph so far holds an odd number of straight
/// quotes, and opens the second otherwise. Abbreviations and numbers
/// (`U.S.A.`, `Node.js`, `example.com`, `3.5`) never split: the stop must
/// follow a lowercase letter, digit or closing mark and precede a capital.
pub fn split_glued(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    // Straight quotes since `start`: their parity tells open from close.
    let mut quotes = 0usize;
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c == '"' {
            quotes += 1;
        }
        let after_word = prev.is_some_and(|p| {
            p.is_lowercase()
                || p.is_ascii_digit()
                || matches!(p, '%' | ')' | '"' | '”' | '’' | '\'' | ']')
        });
        if !(is_stop(c) && after_word) {
            prev = Some(c);
            i += c.len_utf8();
            continue;
        }
        // Past the run of stops and closing marks (a straight quote is
        // decided below).
        let mut j = skip_while(text, i, is_stop);
        j = skip_while(text, j, |c| matches!(c, '”' | '’' | ')' | ']'));
        let next = char_at(text, j);
        let then = next.and_then(|n| char_at(text, j + n.len_utf8()));
        let capital_then = then.is_some_and(char::is_uppercase);
        let cut = match next {
            Some(n) if n.is_uppercase() => Some(j),
            Some('“' | '‘' | '(') if capital_then => Some(j),
            Some('"') if capital_then => Some(if quotes % 2 == 1 { j + 1 } else { j }),
            _ => None,
        };
        let resume = match cut {
            Some(k) => {
                parts.push(&text[start..k]);
                start = k;
                quotes = 0;
                k
            }
            None => j,
        };
        prev = text[..resume].chars().next_back();
        i = resume;
    }
    parts.push(&text[start..]);
    parts
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The byte offset after the run of chars from `i` on that satisfy `f`.
fn skip_while(text: &str, i: usize, f: impl Fn(char) -> bool) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(text.len(), |(k, _)| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(ps: &[&str]) -> Vec<String> {
        ps.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn normalize_collapses_whitespace_runs_and_nbsp() {
        assert_eq!(normalize("  a \t b\u{a0}\u{a0}c  "), "a b c");
        assert_eq!(normalize("\u{a0}"), "");
    }

    #[test]
    fn split_glued_cuts_where_no_space_follows_a_stop() {
        assert_eq!(
            split_glued("to Moscow.In late 2021."),
            vec!["to Moscow.", "In late 2021."]
        );
        assert_eq!(
            split_glued("It rose 5%.The end"),
            vec!["It rose 5%.", "The end"]
        );
    }

    #[test]
    fn split_glued_leaves_abbreviations_domains_and_numbers() {
        for s in [
            "The U.S.A. grew.",
            "Use Node.js now.",
            "See example.com today.",
            "It was 3.5 pct.",
            "He said. Then",
        ] {
            assert_eq!(split_glued(s), vec![s], "{s}");
        }
    }

    #[test]
    fn split_glued_uses_quote_parity() {
        assert_eq!(
            split_glued("He said \"we won the match.\"I didn't see it."),
            vec!["He said \"we won the match.\"", "I didn't see it."]
        );
        assert_eq!(
            split_glued("We won the match.\"I didn't see it,\" he said."),
            vec!["We won the match.", "\"I didn't see it,\" he said."]
        );
    }

    #[test]
    fn suffix_cascade_in_any_order_gives_each_paragraph_once() {
        let p = [
            "Alpha one is here.",
            "Beta two follows it.",
            "Gamma three ends it.",
        ];
        let lines = [
            format!("{}{}", p[1], p[2]),
            p[2].to_string(),
            format!("{}{}{}", p[0], p[1], p[2]),
        ];
        assert_eq!(rebuild(&lines), paras(&p));
    }

    #[test]
    fn prefix_cascade_gives_each_paragraph_once() {
        let p = [
            "Alpha one is here.",
            "Beta two follows it.",
            "Gamma three ends it.",
        ];
        let lines = [
            p[0].to_string(),
            format!("{} {}", p[0], p[1]),
            format!("{}{}{}", p[0], p[1], p[2]),
        ];
        assert_eq!(rebuild(&lines), paras(&p));
    }

    #[test]
    fn sliding_windows_of_two_are_joined() {
        let p = [
            "Alpha one is here.",
            "Beta two follows it.",
            "Gamma three ends it.",
            "Delta four is last.",
        ];
        let lines: Vec<String> = p.windows(2).map(|w| w.concat()).collect();
        assert_eq!(rebuild(&lines), paras(&p));
    }

    #[test]
    fn whole_copies_collapse_to_one() {
        let p = ["Alpha one is here.", "Beta two follows it."];
        let lines = [p[0], p[1], p[0], p[1]];
        assert_eq!(rebuild(&lines), paras(&p));
    }

    #[test]
    fn whitespace_variants_in_some_copies_do_not_matter() {
        let lines = [
            "Alpha one  is here.Beta two follows it. ",
            "Beta\u{a0}two follows it.\r",
        ];
        assert_eq!(
            rebuild(&lines),
            paras(&["Alpha one is here.", "Beta two follows it."])
        );
    }

    #[test]
    fn an_article_without_repeats_is_unchanged() {
        let p = ["First paragraph here.", "Second one, said.", "Third."];
        assert_eq!(rebuild(&p), paras(&p));
    }

    #[test]
    fn short_last_paragraph_of_a_suffix_cascade_is_its_own() {
        let p = [
            "Alpha one is here and long.",
            "Beta two follows it here.",
            "Bosvelt.",
        ];
        let lines = [p.concat(), format!("{}{}", p[1], p[2]), p[2].to_string()];
        assert_eq!(rebuild(&lines), paras(&p));
    }

    #[test]
    fn short_first_paragraph_of_a_prefix_cascade_is_its_own() {
        let p = [
            "NAIROBI",
            "Updated at 10:00.",
            "More rain is forecast for the coast.",
        ];
        let lines = [p[0].to_string(), p[..2].concat(), p.concat()];
        assert_eq!(rebuild(&lines), paras(&p));
    }

    #[test]
    fn a_short_paragraph_does_not_cut_other_paragraphs_that_start_with_it() {
        let p = [
            "Reuters",
            "Reuters reported a rise in sales.",
            "Reuters reported the news first.",
        ];
        assert_eq!(rebuild(&p), paras(&p));
        let p = [
            "Most sentences end with a stop.",
            ".",
            "Another ends with one too.",
        ];
        assert_eq!(rebuild(&p), paras(&p));
    }

    #[test]
    fn text_that_repeats_itself_is_fast_and_a_fixed_point() {
        // Found in review: with a period of 5+ bytes every position matched
        // every line (1 MB took a minute and 1.4 GB, and passes ran out).
        for unit in ["Abcd.", "Abcdefghi.", "The company said."] {
            let lines: Vec<String> = (0..40)
                .map(|i| format!("{}T{i}x{}", unit.repeat(200), unit.repeat(200)))
                .collect();
            let started = std::time::Instant::now();
            let once = rebuild(&lines);
            assert!(
                started.elapsed().as_secs() < 10,
                "{unit}: {:?}",
                started.elapsed()
            );
            assert_eq!(rebuild(&once), once, "{unit}");
            for i in 0..40 {
                let marker = format!("T{i}x");
                assert!(
                    once.iter().any(|p| p.contains(&marker)),
                    "{unit}: {marker} lost"
                );
            }
        }
    }

    #[test]
    fn clean_paragraphs_sharing_a_few_words_stay_apart() {
        let p = [
            "The draw: West Bromwich Albion or Tottenham v Nottingham Forest",
            "Nottingham Forest boss Gary Megson could face a trip back.",
        ];
        assert_eq!(rebuild(&p), paras(&p));
    }

    #[test]
    fn raw_offsets_map_squeezed_positions_past_any_whitespace() {
        assert_eq!(raw_offsets("ab cd", &[0, 2, 3, 4]), vec![0, 3, 4, 5]);
        assert_eq!(raw_offsets("a\u{a0}\tb", &[1, 2]), vec![4, 5]);
        assert_eq!(raw_offsets("a £\u{3000}b", &[1, 3, 4]), vec![2, 7, 8]);
    }

    #[test]
    fn prefix_counts_give_the_squeezed_length_of_every_prefix() {
        let line = "A \u{a0}b\tc\u{3000}d ".repeat(40) + "£ end";
        let counts = PrefixCounts::new(&line);
        for i in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
            let mut sq = Vec::new();
            squeeze_into(&line[..i], &mut sq);
            assert_eq!(counts.squeezed_before(i), sq.len(), "prefix of {i} bytes");
        }
        let exact = "x".repeat(2 * PREFIX_BLOCK);
        assert_eq!(
            PrefixCounts::new(&exact).squeezed_before(exact.len()),
            exact.len()
        );
    }

    #[test]
    fn whitespace_is_what_char_is_whitespace_says_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}{c}b{c}");
            let want = if c.is_whitespace() {
                "a b".to_string()
            } else {
                s.clone()
            };
            assert_eq!(normalize(&s), want, "U+{:04X}", c as u32);
            assert_eq!(is_normalized(&s), !c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn squeeze_and_normalize_agree_on_what_whitespace_is() {
        let s = " a\u{a0}b\u{3000}c\td\u{2009}e\u{feff}f\u{1680}g\r ";
        assert_eq!(normalize(s), "a b c d e\u{feff}f g");
        let mut sq = Vec::new();
        squeeze_into(s, &mut sq);
        assert_eq!(String::from_utf8(sq).unwrap(), "abcde\u{feff}fg");
    }
}
