//! Evidence (step 2): where the first or last bytes of one line lie inside another.
//!
//! Keys are found by reading one 8-byte word every 8 bytes of each line
//! (each key is entered by its eight windows), so finding them costs one
//! pass over the input, never a comparison of every pair of lines. The
//! lines' squeezed bytes are read where a pass holds them ([`SqLines`]),
//! or made from their text where it does not ([`TextLines`]).

use super::*;

/// Scan positions are this many bytes apart. A key is entered by each of
/// its windows of `STRIDE` bytes at offsets `0..STRIDE`, all inside its
/// `KEY` bytes, so wherever a key occurs one of its windows lies on a scan
/// position: the scan reads one word every `STRIDE` bytes instead of
/// rolling a hash over every byte.
pub(super) const STRIDE: usize = 8;

/// The window of `STRIDE` bytes at `at` (which must fit in `s`).
#[inline]
pub(super) fn window(s: &[u8], at: usize) -> u64 {
    let mut w = [0u8; STRIDE];
    w.copy_from_slice(&s[at..at + STRIDE]);
    u64::from_le_bytes(w)
}

/// Hash of a `KEY`-byte key.
#[inline]
pub(super) fn key_hash(k: &[u8]) -> u64 {
    mix(window(k, 0).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ window(k, STRIDE))
}

/// Line-start and line-end keys, found through their windows (see
/// [`STRIDE`]) with a bit filter in front, so that the common case (a
/// window of no key) costs one bit test. The filter has about 32 bits per
/// window, up to 1 MiB (and the offsets table as much): small enough to
/// stay in cache, cheap to clear for the small files that are the common
/// case. Lines sharing a key are chained through `next`, so a key costs no
/// allocation of its own.
pub(super) struct KeyMaps {
    pub(super) filter: Vec<u64>,
    pub(super) shift: u32,
    /// Per window hash (another one than the filter's): at which offsets
    /// the windows with that hash occur in some start key (bits 0..8) or
    /// end key (bits 8..16). Windows sharing a slot share their bits; a
    /// wrong bit costs one failed lookup in `heads`.
    pub(super) offsets: Vec<u16>,
    pub(super) offsets_shift: u32,
    /// Key to the last line inserted with it, for starts and for ends.
    pub(super) heads: [Heads; 2],
    /// Per line: the previous line with the same start (or end) key.
    pub(super) next: [Vec<u32>; 2],
    /// Per line, a bit: its start key repeats a short period
    /// ([`periodic`]), so it is not entered.
    pub(super) periodic_start: Vec<u64>,
}

pub(super) const NONE: u32 = u32::MAX;

/// What the evidence steps ([`key_edges`], [`short_edges`]) read of each
/// distinct line of a pass: its squeezed bytes and its cut ends. A pass
/// finds its edges from its squeezed lines ([`SqLines`], or [`TextLines`]
/// where they are not held) before it makes its `Line` records (48 bytes a
/// line), so that the key tables and those records are never held at once
/// (a line of 170,000 glued paragraphs, issue 13); the steps after it read
/// the records.
pub(super) trait Keyed {
    /// The number of lines.
    fn count(&self) -> usize;
    /// The length of line `i`'s squeezed bytes.
    fn sq_len(&self, i: usize) -> usize;
    /// Line `i`'s squeezed bytes: where they are held, or else made in
    /// `buf` ([`TextLines`]).
    fn sq<'s>(&'s self, i: usize, buf: &'s mut Vec<u8>) -> &'s [u8];
    /// The first (`end == 0`) or last (`end == 1`) `KEY` squeezed bytes of
    /// line `i`, which has at least that many.
    fn key(&self, i: usize, end: usize) -> [u8; KEY];
    /// Which ends of line `i` were cut off with an ellipsis.
    fn cut(&self, i: usize) -> u8;
    /// Line `i` as compared (whitespace kept): where its text is spaced.
    fn raw(&self, i: usize) -> &str;
}

/// The first or last `KEY` bytes of `sq` (see [`Keyed::key`]).
#[inline]
fn key_of_held(sq: &[u8], end: usize) -> [u8; KEY] {
    let at = if end == 0 { 0 } else { sq.len() - KEY };
    let mut key = [0u8; KEY];
    key.copy_from_slice(&sq[at..at + KEY]);
    key
}

impl Keyed for [Line<'_>] {
    #[inline]
    fn count(&self) -> usize {
        self.len()
    }
    #[inline]
    fn sq_len(&self, i: usize) -> usize {
        self[i].sq.len()
    }
    #[inline]
    fn sq<'s>(&'s self, i: usize, _: &'s mut Vec<u8>) -> &'s [u8] {
        self[i].sq
    }
    #[inline]
    fn key(&self, i: usize, end: usize) -> [u8; KEY] {
        key_of_held(self[i].sq, end)
    }
    #[inline]
    fn cut(&self, i: usize) -> u8 {
        self[i].cut
    }
    #[inline]
    fn raw(&self, i: usize) -> &str {
        self[i].raw
    }
}

/// A pass's distinct lines as squeezed bytes in one arena, with their cut
/// ends (none when `cut` is `None`): line `i` of the `Line` records the
/// pass makes of them.
pub(super) struct SqLines<'s> {
    pub(super) sq: &'s Squeezed<'s>,
    pub(super) cut: Option<&'s [u8]>,
    /// Line `i` as compared.
    pub(super) raw: &'s dyn Fn(usize) -> &'s str,
}

impl SqLines<'_> {
    #[inline]
    fn held(&self, i: usize) -> &[u8] {
        let (a, b) = self.sq.spans[i];
        &self.sq.arena[a..b]
    }
}

impl Keyed for SqLines<'_> {
    #[inline]
    fn count(&self) -> usize {
        self.sq.spans.len()
    }
    #[inline]
    fn sq_len(&self, i: usize) -> usize {
        let (a, b) = self.sq.spans[i];
        b - a
    }
    #[inline]
    fn sq<'s>(&'s self, i: usize, _: &'s mut Vec<u8>) -> &'s [u8] {
        self.held(i)
    }
    #[inline]
    fn key(&self, i: usize, end: usize) -> [u8; KEY] {
        key_of_held(self.held(i), end)
    }
    #[inline]
    fn cut(&self, i: usize) -> u8 {
        self.cut.map_or(0, |c| c[i])
    }
    fn raw(&self, i: usize) -> &str {
        (self.raw)(i)
    }
}

/// A pass's lines whose squeezed bytes are not held: each line's text
/// without its spaces, made where it is read. The lines are a pass's
/// output (distinct, normalised: a single space is their only
/// whitespace, which [`TextLines::new`] checks), handed on without their
/// squeezed bytes where those are many (see [`Given::Text`]): held through
/// the next pass beside the text and the key tables, they were the peak of
/// a line of 80 MB of glued paragraphs (issue 13).
pub(super) struct TextLines<'l, T: ?Sized> {
    lines: &'l T,
    /// Each line's squeezed length.
    lens: Vec<u32>,
}

/// Where [`TextLines`] reads its lines: a pass's input, or the paragraphs
/// of a pass as they are kept (see [`text_evidence`]).
pub(super) trait LineTexts {
    /// The number of lines.
    fn count(&self) -> usize;
    /// Line `i`.
    fn text(&self, i: usize) -> &str;
    /// Line `i`'s bytes, maybe followed by others: for its first bytes.
    fn head(&self, i: usize) -> &[u8] {
        self.text(i).as_bytes()
    }
    /// Line `i`'s bytes, maybe after others: for its last bytes.
    fn tail(&self, i: usize) -> &[u8] {
        self.text(i).as_bytes()
    }
}

impl LineTexts for Lines<'_> {
    fn count(&self) -> usize {
        self.len()
    }
    #[inline]
    fn text(&self, i: usize) -> &str {
        self.get(i)
    }
}

impl LineTexts for Paragraphs<'_> {
    fn count(&self) -> usize {
        self.len()
    }
    #[inline]
    fn text(&self, i: usize) -> &str {
        self.get(i)
    }
    #[inline]
    fn head(&self, i: usize) -> &[u8] {
        self.head_bytes(i)
    }
    #[inline]
    fn tail(&self, i: usize) -> &[u8] {
        self.tail_bytes(i)
    }
}

impl<'l, T: LineTexts + ?Sized> TextLines<'l, T> {
    /// The lines, or `None` if some line is not normalised (or too long
    /// for its length to be a `u32`): their squeezed bytes are then made
    /// as for any pass.
    pub(super) fn new(lines: &'l T) -> Option<Self> {
        let mut lens = Vec::with_capacity(lines.count());
        for i in 0..lines.count() {
            let line = lines.text(i);
            if !is_normalized(line) {
                return None;
            }
            let spaces = line.bytes().filter(|&b| b == b' ').count();
            lens.push(u32::try_from(line.len() - spaces).ok()?);
        }
        Some(TextLines { lines, lens })
    }
}

impl<T: LineTexts + ?Sized> Keyed for TextLines<'_, T> {
    #[inline]
    fn count(&self) -> usize {
        self.lens.len()
    }
    #[inline]
    fn sq_len(&self, i: usize) -> usize {
        self.lens[i] as usize
    }
    #[inline]
    fn sq<'s>(&'s self, i: usize, buf: &'s mut Vec<u8>) -> &'s [u8] {
        buf.clear();
        squeeze_into(self.lines.text(i), buf);
        buf
    }
    fn key(&self, i: usize, end: usize) -> [u8; KEY] {
        // A space is the only whitespace of a normalised line, and the line
        // has `KEY` other bytes: read from its start (or back from its
        // end), they are all its own.
        debug_assert!(self.sq_len(i) >= KEY);
        let mut key = [0u8; KEY];
        let mut n = 0;
        if end == 0 {
            for &b in self.lines.head(i).iter().filter(|&&b| b != b' ').take(KEY) {
                key[n] = b;
                n += 1;
            }
        } else {
            let tail = self.lines.tail(i);
            for &b in tail.iter().rev().filter(|&&b| b != b' ').take(KEY) {
                n += 1;
                key[KEY - n] = b;
            }
        }
        key
    }
    #[inline]
    fn cut(&self, _: usize) -> u8 {
        0
    }
    fn raw(&self, i: usize) -> &str {
        self.lines.text(i)
    }
}

impl KeyMaps {
    /// Empty tables for `keys` keys of `lines` lines, in `old`'s buffers
    /// where it is given (see [`Scratch`]).
    pub(super) fn new(keys: usize, lines: usize, old: Option<KeyMaps>) -> Self {
        let windows = keys * STRIDE;
        let bits = (windows * 32).next_power_of_two().clamp(1 << 12, 1 << 23);
        let slots = (windows * 2).next_power_of_two().clamp(1 << 8, 1 << 19);
        let mut maps = old.unwrap_or_else(|| KeyMaps {
            filter: Vec::new(),
            shift: 0,
            offsets: Vec::new(),
            offsets_shift: 0,
            heads: [Heads::default(), Heads::default()],
            next: [Vec::new(), Vec::new()],
            periodic_start: Vec::new(),
        });
        refill(&mut maps.filter, bits / 64, 0);
        maps.shift = 64 - bits.trailing_zeros();
        refill(&mut maps.offsets, slots, 0);
        maps.offsets_shift = 64 - slots.trailing_zeros();
        for (heads, next) in maps.heads.iter_mut().zip(&mut maps.next) {
            // Sized for every line's key up front: grown from empty, the
            // tables were rehashed several times per pass.
            heads.reset(keys / 2);
            refill(next, lines, NONE);
        }
        refill(&mut maps.periodic_start, lines.div_ceil(64), 0);
        maps
    }

    /// Whether line `l`'s start key repeats a short period (as entered).
    #[inline]
    fn start_periodic(&self, l: u32) -> bool {
        self.periodic_start[l as usize / 64] & (1 << (l % 64)) != 0
    }

    #[inline]
    pub(super) fn slot(&self, w: u64) -> (usize, u64) {
        let bit = (w.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        (bit >> 6, 1 << (bit & 63))
    }

    #[inline]
    pub(super) fn offsets_slot(&self, w: u64) -> usize {
        (w.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> self.offsets_shift) as usize
    }

    /// `end`: 0 for a line-start key, 1 for a line-end key.
    pub(super) fn insert<L: Keyed + ?Sized>(
        &mut self,
        lines: &L,
        key: &[u8],
        line: u32,
        end: usize,
    ) {
        for r in 0..STRIDE {
            let w = window(key, r);
            let (i, m) = self.slot(w);
            self.filter[i] |= m;
            let o = self.offsets_slot(w);
            self.offsets[o] |= 1 << (r + STRIDE * end);
        }
        let prev = self.heads[end].insert(key_hash(key), line, |l| end_key(lines, l, end));
        self.next[end][line as usize] = prev;
    }

    /// Which keys may have window `w`: bit `r` (start keys) or
    /// `STRIDE + r` (end keys) for one at offset `r`.
    #[inline]
    pub(super) fn offsets(&self, w: u64) -> u16 {
        let (i, m) = self.slot(w);
        if self.filter[i] & m == 0 {
            return 0;
        }
        self.offsets[self.offsets_slot(w)]
    }

    /// The lines (at most `BUCKET_CAP`) whose start (`end == 0`) or end
    /// (`end == 1`) key has hash `key`.
    pub(super) fn lines<'s, L: Keyed + ?Sized>(
        &'s self,
        lines: &L,
        key: u64,
        end: usize,
    ) -> impl Iterator<Item = u32> + 's {
        let mut cur = self.heads[end].get(key, |l| end_key(lines, l, end));
        std::iter::from_fn(move || {
            let line = cur;
            cur = *self.next[end].get(line as usize)?;
            Some(line)
        })
        .take(BUCKET_CAP)
    }
}

/// The hash of line `l`'s start key (`end == 0`) or end key (`end == 1`).
#[inline]
fn end_key<L: Keyed + ?Sized>(lines: &L, l: u32, end: usize) -> u64 {
    key_hash(&lines.key(l as usize, end))
}

/// Key hash to the last line inserted with it: open addressing, each slot
/// a line and 8 bits of its key's hash (5 bytes, where a hash map of the
/// hash and the line took 17 at its load: 9 MB more for 170,000 lines,
/// issue 13). A key is not stored: where the bits agree, the line's key
/// hash is made again from its bytes, so lines are told apart by their
/// whole 64-bit key hash, as by a map keyed by it.
///
/// The table has exactly the slots it needs, not a power of two: a key's
/// home slot is its hash scaled to the table (the high half of a 128-bit
/// product), so a table for 1.66 million keys has 2.5 million slots, not
/// 4.2 million (a line of 80 MB of glued paragraphs: 17 MB less a table,
/// issue 13).
#[derive(Default)]
pub(super) struct Heads {
    line: Vec<u32>,
    tag: Vec<u8>,
}

impl Heads {
    /// Empty, with room for `keys` keys: at most two thirds full, so that
    /// a probe is short.
    fn reset(&mut self, keys: usize) {
        let slots = (keys + keys / 2 + 1).max(16);
        refill(&mut self.line, slots, NONE);
        refill(&mut self.tag, slots, 0);
    }

    /// The slot of `key` (`key_of` gives a stored line's key hash), or the
    /// empty slot where it goes. The table is never full.
    #[inline]
    fn find(&self, key: u64, key_of: impl Fn(u32) -> u64) -> usize {
        let len = self.line.len();
        let mut i = ((u128::from(key) * len as u128) >> 64) as usize;
        let tag = key as u8;
        loop {
            let l = self.line[i];
            if l == NONE || (self.tag[i] == tag && key_of(l) == key) {
                return i;
            }
            i += 1;
            if i == len {
                i = 0;
            }
        }
    }

    /// Records `line` as the last with `key`; returns the one before it
    /// (`NONE` for none).
    #[inline]
    fn insert(&mut self, key: u64, line: u32, key_of: impl Fn(u32) -> u64) -> u32 {
        let i = self.find(key, key_of);
        let prev = self.line[i];
        self.line[i] = line;
        self.tag[i] = key as u8;
        prev
    }

    /// The last line with `key`, or `NONE`.
    #[inline]
    fn get(&self, key: u64, key_of: impl Fn(u32) -> u64) -> u32 {
        self.line[self.find(key, key_of)]
    }
}

/// `v` holding `len` copies of `x`, in the buffer it has.
fn refill<T: Copy>(v: &mut Vec<T>, len: usize, x: T) {
    v.clear();
    v.resize(len, x);
}

/// The tables of [`key_edges`], kept between its calls on one thread: two
/// passes a file, over thousands of small files, allocated and freed a
/// dozen tables each time.
#[derive(Default)]
pub(super) struct Scratch {
    maps: Option<KeyMaps>,
    order: Vec<u32>,
    inside: Vec<bool>,
    found: Found,
    hits: Vec<(usize, usize, Edge)>,
    /// The lines found too often in some scanned line to be placed there.
    ambiguous: Vec<u32>,
    /// The squeezed bytes of the line scanned and of the line found in it,
    /// where the lines' are not held ([`TextLines`]).
    s_buf: Vec<u8>,
    t_buf: Vec<u8>,
}

/// Lines of a pass past which its tables are not kept for the next one: a
/// huge file's would stay allocated for every small file after it.
const SCRATCH_LINES: usize = 1 << 10;

thread_local! {
    static SCRATCH: std::cell::Cell<Option<Box<Scratch>>> = const { std::cell::Cell::new(None) };
}

/// Edges from the `KEY`-byte start and end keys of lines at least `KEY`
/// long; and the lines found too often inside some longer line to be
/// placed there (text the article says several times), sorted, each once.
pub(super) fn key_edges<L: Keyed + ?Sized>(lines: &L) -> (Vec<Edge>, Vec<u32>) {
    let keyed = (0..lines.count())
        .filter(|&i| lines.sq_len(i) >= KEY)
        .count();
    // A line never counts as evidence about itself: with fewer than two
    // keyed lines there is nothing to find.
    if keyed < 2 {
        return (Vec::new(), Vec::new());
    }
    let mut scratch = SCRATCH.take().unwrap_or_default();
    let edges = key_edges_in(lines, keyed, &mut scratch);
    let mut ambiguous = std::mem::take(&mut scratch.ambiguous);
    ambiguous.sort_unstable();
    ambiguous.dedup();
    if lines.count() <= SCRATCH_LINES {
        SCRATCH.set(Some(scratch));
    }
    (edges, ambiguous)
}

/// [`key_edges`] of `lines` (`keyed` of them long enough for a key), with
/// the tables in `scratch`.
fn key_edges_in<L: Keyed + ?Sized>(lines: &L, keyed: usize, scratch: &mut Scratch) -> Vec<Edge> {
    let mut keys = KeyMaps::new(2 * keyed, lines.count(), scratch.maps.take());
    for i in 0..lines.count() {
        if lines.sq_len(i) >= KEY {
            let (head, tail) = (lines.key(i, 0), lines.key(i, 1));
            if !periodic(&head) {
                keys.insert(lines, &head, i as u32, 0);
            } else {
                keys.periodic_start[i / 64] |= 1 << (i % 64);
            }
            if !periodic(&tail) {
                keys.insert(lines, &tail, i as u32, 1);
            }
        }
    }
    // Longest lines first; a line found whole inside one already scanned
    // is not scanned itself: every key inside it lies inside that line too,
    // and was found there. In a cascade this leaves one line to scan, so
    // the scan costs the size of the article, not of the input.
    let order = &mut scratch.order;
    order.clear();
    order.extend(0..lines.count() as u32);
    order.sort_unstable_by_key(|&i| (std::cmp::Reverse(lines.sq_len(i as usize)), i));
    let inside = &mut scratch.inside;
    refill(inside, lines.count(), false);
    // How often each line's start (0) and end (1) was found in the line
    // being scanned (set back to none after it). A line found more than
    // `AMBIGUOUS` times in one line (text that repeats itself) has no
    // position there: its matches are dropped and no longer checked, so
    // repetitive text costs no more than any other.
    let found = &mut scratch.found;
    refill(&mut found.count, lines.count(), [0; 2]);
    found.counted.clear();
    // A text written as several lines (twins: the article repeats it, a
    // photo credit under each of four photos) may have as many places.
    // Counted for a line only once it is found more than `AMBIGUOUS` times.
    let mut limits: U64Map<u32> = U64Map::default();
    let mut ambiguous = |found: &Found, ti: u32, end: usize| {
        found.count[ti as usize][end] as u32 > AMBIGUOUS
            && found.count[ti as usize][end] as u32
                > *limits
                    .entry(u64::from(ti))
                    .or_insert_with(|| twins(lines, &keys, ti))
    };
    let mut edges = Vec::new();
    let hits = &mut scratch.hits;
    // Short lines found whole where their start looks like no seam, with
    // the key's place: placed only beside another line's end (below).
    let mut pending: Vec<(usize, Edge)> = Vec::new();
    // Where the lines' squeezed bytes are not held, the scanned line's and
    // the other line's are made here.
    let (s_buf, t_buf) = (&mut scratch.s_buf, &mut scratch.t_buf);
    for &si in order.iter() {
        if lines.sq_len(si as usize) <= KEY || inside[si as usize] {
            continue;
        }
        let s = lines.sq(si as usize, s_buf);
        let s_cut = lines.cut(si as usize);
        let n = s.len();
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
                    for ti in keys.lines(lines, key, 0) {
                        if ambiguous(found, ti, 0) {
                            continue;
                        }
                        let t = lines.sq(ti as usize, t_buf);
                        let len = (n - p).min(t.len());
                        let c = len.min(VERIFY);
                        if ti != si
                            && s[p..p + c] == t[..c]
                            && (len >= LONG
                                || start_cuts_are_seams(s, t, p, s_cut, lines.cut(ti as usize))
                                || item_between_digits(s, t, p)
                                || (p + t.len() == n
                                    && s[p..] == *t
                                    && glued_rest(lines.raw(si as usize), lines.raw(ti as usize)))
                                || (t.len() <= n - p
                                    && s[p..p + t.len()] == *t
                                    && (p + t.len() == n
                                        || seams::seam_strength(s, p + t.len()).is_some())
                                    && glued_elsewhere(lines, &keys, si, ti)))
                        {
                            let tu = ti as usize;
                            found.add(tu, 0);
                            if !inside[tu] && t.len() <= n - p && s[p..p + t.len()] == *t {
                                inside[tu] = true;
                            }
                            let d = p as i64;
                            hits.push((at, end, Edge { a: si, b: ti, d }));
                        } else if ti != si
                            && len < LONG
                            && t.len() <= n - p
                            && s[p..p + t.len()] == *t
                            && (p + t.len() == n || seams::seam_strength(s, p + t.len()).is_some())
                        {
                            // Its end looks like a seam, its start not: it
                            // may still start where another line ends.
                            pending.push((
                                at,
                                Edge {
                                    a: si,
                                    b: ti,
                                    d: p as i64,
                                },
                            ));
                        }
                    }
                } else {
                    // Another line ends here: the two agree up to `q`.
                    let q = at + KEY;
                    for ti in keys.lines(lines, key, 1) {
                        // Lines sharing an end are found by their starts,
                        // unless a start repeats a period too short to be a
                        // key (`$1.2bn $1.2bn $1.2bn…`): told by a bit kept
                        // as the keys were entered, not by reading the line
                        // (a million glued paragraphs sharing ends by the
                        // dozen read one another's in random order).
                        if q == n && !keys.start_periodic(ti) {
                            continue;
                        }
                        if ambiguous(found, ti, 1) {
                            continue;
                        }
                        let t = lines.sq(ti as usize, t_buf);
                        let len = q.min(t.len());
                        let c = len.min(VERIFY);
                        if ti != si
                            && s[q - c..q] == t[t.len() - c..]
                            && (len >= LONG
                                || end_cuts_are_seams(s, t, q, s_cut, lines.cut(ti as usize)))
                        {
                            let tu = ti as usize;
                            found.add(tu, 1);
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
        // A short line found whole where another line found in `s` ends
        // (`…Ashcombe AB4 7QT` and `or e-mail us.`, in a container's line
        // that spaces blocks and a paragraph's `<br>` lines alike) is the
        // next element, however its start looks: that end is the evidence
        // of a cut there, as a short line's is beside a placed one
        // ([`super::short::flanking_edges`]).
        if !pending.is_empty() {
            let mut ends: Vec<i64> = hits
                .iter()
                .filter(|&&(_, _, e)| !ambiguous(found, e.b, 0) && !ambiguous(found, e.b, 1))
                .map(|&(_, _, e)| e.d + lines.sq_len(e.b as usize) as i64)
                .collect();
            ends.sort_unstable();
            for &(at, e) in pending.iter() {
                if ends.binary_search(&e.d).is_ok() && !ambiguous(found, e.b, 0) {
                    let tu = e.b as usize;
                    found.add(tu, 0);
                    inside[tu] = true;
                    hits.push((at, 0, e));
                }
            }
            pending.clear();
        }
        // Edges in the order of their keys in `s`, as a scan byte by byte
        // would find them: the layout's breadth-first order depends on it.
        hits.sort_by_key(|&(at, end, _)| (at, end));
        edges.extend(hits.iter().map(|&(_, _, e)| e));
        // The ambiguous ones dropped in place (a table split off for them
        // was an allocation per scanned line).
        let mut kept = first_edge;
        for k in first_edge..edges.len() {
            let e = edges[k];
            if !ambiguous(found, e.b, 0) && !ambiguous(found, e.b, 1) {
                edges[kept] = e;
                kept += 1;
            } else {
                scratch.ambiguous.push(e.b);
            }
        }
        edges.truncate(kept);
        found.restart();
    }
    scratch.maps = Some(keys);
    edges
}

/// Whether short line `t` lies whole in line `s` from byte `p`, where `p`
/// falls between two digits and `t` ends where `s` does or at a seam:
/// an item of a list of codes glued with no space (`4298A BEST BY
/// 04/25/264301A BEST BY…`), which a cascade writes as a line too short
/// to be placed on length alone. A short text met by chance inside a
/// number seldom runs on to a paragraph's end.
fn item_between_digits(s: &[u8], t: &[u8], p: usize) -> bool {
    let q = p + t.len();
    p > 0
        && q <= s.len()
        && s[p - 1].is_ascii_digit()
        && s[p].is_ascii_digit()
        && (q == s.len() || seams::seam_strength(s, q) == Some(true))
        && s[p..q] == *t
}

/// Whether raw line `t` is all the rest of raw line `s`, glued to the
/// text before it with no whitespace (`…freshly ground black
/// peppercrusty bread, to serve`, `…Ashcombe AB4 7QTor e-mail us`): a
/// cascade's last block, however its start looks. Written whole at the
/// very end of another line, a text as long as a key is no coincidence;
/// after a space it may be an inline element's (a link at a paragraph's
/// end), which the look of the cut decides; glued inside a token (an
/// address's `press@` and its linked domain), it is an inline element's.
fn glued_rest(s: &str, t: &str) -> bool {
    let (s, t) = (s.trim_end(), t.trim());
    s.len() > t.len()
        && s.ends_with(t)
        && seams::opens_block(t.as_bytes())
        && s[..s.len() - t.len()]
            .chars()
            .next_back()
            .is_some_and(seams::ends_block)
}

/// Whether line `ti` is all the glued rest of some longer line other than
/// `si` ([`glued_rest`]): a block's start wherever a line holds it whole,
/// however it is spaced there (a list's last item, `Edith Polglasefive
/// grandchildren…`, that the list's container sets apart by its markup's
/// whitespace, as it does the words of inline elements). The lines
/// ending as it does are looked at, up to `BUCKET_CAP` of them.
fn glued_elsewhere<L: Keyed + ?Sized>(lines: &L, keys: &KeyMaps, si: u32, ti: u32) -> bool {
    let len = lines.sq_len(ti as usize);
    keys.lines(lines, end_key(lines, ti, 1), 1).any(|u| {
        u != si
            && u != ti
            && lines.sq_len(u as usize) > len
            && glued_rest(lines.raw(u as usize), lines.raw(ti as usize))
    })
}

/// How many times one line may be found in another and still be placed
/// (an article can repeat a paragraph once), unless the text is written as
/// more lines than that ([`twins`]).
pub(super) const AMBIGUOUS: u32 = 2;

/// Most places a text written as several lines may have.
const MAX_TWINS: u32 = 200;

/// How many times line `ti` may be found in a longer line: `AMBIGUOUS`,
/// and one more for each other line of the same squeezed text (told by
/// their start and end keys and length), at most [`MAX_TWINS`]; in
/// practice at most `AMBIGUOUS + BUCKET_CAP - 1`, as the lines sharing a
/// key are read up to `BUCKET_CAP` of them, and a line whose start key is
/// periodic gets `AMBIGUOUS`.
fn twins<L: Keyed + ?Sized>(lines: &L, keys: &KeyMaps, ti: u32) -> u32 {
    let (len, tail) = (lines.sq_len(ti as usize), lines.key(ti as usize, 1));
    let same = keys
        .lines(lines, end_key(lines, ti, 0), 0)
        .filter(|&l| lines.sq_len(l as usize) == len && lines.key(l as usize, 1) == tail)
        .count() as u32;
    (AMBIGUOUS + same.saturating_sub(1)).min(MAX_TWINS)
}

/// How often each line's start and end key was found in the line being
/// scanned, and which lines were, so that their counts restart for the
/// next line: 2 bytes a line, where a stamp and a count for each end took
/// 16 (a line of 1.66 million glued paragraphs: 23 MB less, issue 13). A
/// count stops one past the line's limit (`AMBIGUOUS`, or its [`twins`]),
/// past which the line is no longer checked, so a byte holds it.
#[derive(Default)]
pub(super) struct Found {
    /// For the start key (0) and the end key (1).
    count: Vec<[u8; 2]>,
    /// The lines found so far in the line being scanned.
    counted: Vec<u32>,
}

impl Found {
    /// Line `t`'s start (`end == 0`) or end key found once more.
    #[inline]
    fn add(&mut self, t: usize, end: usize) {
        if self.count[t] == [0; 2] {
            self.counted.push(t as u32);
        }
        self.count[t][end] += 1;
    }

    /// No line found yet: the next line is scanned.
    fn restart(&mut self) {
        for &t in &self.counted {
            self.count[t as usize] = [0; 2];
        }
        self.counted.clear();
    }
}

/// Whether `w` repeats a period of at most `KEY / 2` bytes
/// (`----------------`, a run of U+FFFD, `Abcd.Abcd.Abcd.A`): such a key matches at every offset of a run and says
/// nothing about where a line sits, so it is not used.
pub(super) fn periodic(w: &[u8]) -> bool {
    (1..=KEY / 2).any(|p| w.len() > p && w[p..].iter().zip(w).all(|(a, b)| a == b))
}
