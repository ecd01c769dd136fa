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
//!    one, the lines overlap at a known offset. Keys are found with a rolling
//!    hash over each line, so finding them costs one pass over the input,
//!    never a comparison of every pair of lines.
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
/// Passes before giving up on reaching a fixed point.
const MAX_PASSES: usize = 4;
/// Layout rounds that set apart lines which did not fit.
const MAX_ROUNDS: usize = 3;

/// Rebuilds the article from its body lines: each paragraph once, in the
/// article's order, whitespace-normalised.
///
/// Every sentence of the input is kept; blank lines are ignored. The result is
/// a fixed point: `rebuild(&rebuild(x)) == rebuild(x)`.
pub fn rebuild<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    let mut paragraphs: Vec<String> = lines
        .iter()
        .map(|l| normalize(l.as_ref()))
        .filter(|p| !p.is_empty())
        .collect();
    for _ in 0..MAX_PASSES {
        let next = pass(&paragraphs);
        if next == paragraphs {
            break;
        }
        paragraphs = next;
    }
    paragraphs
}

/// Collapses every run of whitespace (spaces, tabs, NBSP, any Unicode
/// `White_Space`) into one space and trims both ends.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// One distinct line of a pass.
struct Line<'a> {
    /// The normalised text: what the output is cut from.
    norm: &'a str,
    /// `norm` without its spaces: what lines are compared by.
    sq: Vec<u8>,
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

/// One pass over normalised, non-empty lines.
fn pass(input: &[String]) -> Vec<String> {
    let lines = distinct_lines(input);
    let mut edges = key_edges(&lines);
    edges.extend(short_edges(&lines));
    let groups = layout(&lines, &edges);
    // A body of one distinct line has no line starts or ends inside it to go
    // by: a window of paragraphs written once looks exactly like that.
    // Elsewhere the line starts and ends are the evidence, and a stop glued
    // to a capital inside a paragraph is far more often the author's typo
    // (`Division.Those`) than a seam.
    let single_line = lines.len() == 1;

    let mut seen: HashSet<Vec<u8>> = HashSet::new();
    let mut out = Vec::new();
    for group in &groups {
        for piece in group_pieces(&lines, group) {
            let parts = if single_line {
                split_glued(piece)
            } else {
                vec![piece]
            };
            for part in parts {
                let part = part.trim();
                if !part.is_empty() && seen.insert(squeeze(part)) {
                    out.push(part.to_string());
                }
            }
        }
    }
    out
}

/// `s` without its spaces (`s` is normalised, so spaces are the only
/// whitespace left).
fn squeeze(s: &str) -> Vec<u8> {
    s.bytes().filter(|&b| b != b' ').collect()
}

/// The distinct lines (by squeezed bytes), in order of first occurrence.
fn distinct_lines(input: &[String]) -> Vec<Line<'_>> {
    let squeezed: Vec<Vec<u8>> = input.iter().map(|s| squeeze(s)).collect();
    let mut first_of: HashMap<&[u8], usize> = HashMap::with_capacity(input.len());
    let mut keep = Vec::new();
    for (i, sq) in squeezed.iter().enumerate() {
        if !sq.is_empty() && !first_of.contains_key(sq.as_slice()) {
            first_of.insert(sq, i);
            keep.push(i);
        }
    }
    drop(first_of);
    let mut squeezed: Vec<Option<Vec<u8>>> = squeezed.into_iter().map(Some).collect();
    keep.into_iter()
        .map(|i| Line {
            norm: &input[i],
            sq: squeezed[i].take().unwrap_or_default(),
            first: i,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Evidence: where one line's start or end lies inside another line.

const BASE: u64 = 0x0100_0000_01b3;

/// Polynomial hash of `bytes`, the same function the rolling scan computes.
fn poly_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |h, &b| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(b))
    })
}

/// A set of 64-bit keys with a bitmap in front, so that the common case (a
/// window that is no key) costs one bit test.
struct KeyMap {
    filter: Vec<u64>,
    map: HashMap<u64, Vec<u32>>,
}

impl KeyMap {
    const BITS: u32 = 18;

    fn new() -> Self {
        KeyMap {
            filter: vec![0; 1 << (Self::BITS - 6)],
            map: HashMap::new(),
        }
    }

    fn slot(h: u64) -> (usize, u64) {
        let bit = (h >> (64 - Self::BITS)) as usize;
        (bit >> 6, 1u64 << (bit & 63))
    }

    fn insert(&mut self, h: u64, line: u32) {
        let (w, m) = Self::slot(h);
        self.filter[w] |= m;
        self.map.entry(h).or_default().push(line);
    }

    #[inline]
    fn get(&self, h: u64) -> Option<&[u32]> {
        let (w, m) = Self::slot(h);
        if self.filter[w] & m == 0 {
            return None;
        }
        self.map.get(&h).map(Vec::as_slice)
    }
}

/// Edges from the `KEY`-byte start and end keys of lines at least `KEY` long.
fn key_edges(lines: &[Line]) -> Vec<Edge> {
    let mut starts = KeyMap::new();
    let mut ends = KeyMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.sq.len() >= KEY {
            starts.insert(poly_hash(&l.sq[..KEY]), i as u32);
            ends.insert(poly_hash(&l.sq[l.sq.len() - KEY..]), i as u32);
        }
    }
    if starts.map.is_empty() {
        return Vec::new();
    }
    let top = (1..KEY).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut edges = Vec::new();
    for (si, line) in lines.iter().enumerate() {
        let s = &line.sq;
        let n = s.len();
        if n <= KEY {
            continue;
        }
        let si = si as u32;
        let mut h = poly_hash(&s[..KEY]);
        for p in 0..=n - KEY {
            if p > 0 {
                h = h
                    .wrapping_sub(u64::from(s[p - 1]).wrapping_mul(top))
                    .wrapping_mul(BASE)
                    .wrapping_add(u64::from(s[p + KEY - 1]));
                // Another line starts here: the two agree from `p` on.
                if let Some(bucket) = starts.get(h) {
                    for &ti in bucket.iter().take(BUCKET_CAP) {
                        let t = &lines[ti as usize].sq;
                        let len = (n - p).min(t.len());
                        let c = len.min(VERIFY);
                        if ti != si
                            && s[p..p + c] == t[..c]
                            && (len >= LONG || start_cuts_are_seams(s, t, p))
                        {
                            edges.push(Edge {
                                a: si,
                                b: ti,
                                d: p as i64,
                            });
                        }
                    }
                }
            }
            let q = p + KEY;
            if q < n {
                // Another line ends here: the two agree up to `q`.
                if let Some(bucket) = ends.get(h) {
                    for &ti in bucket.iter().take(BUCKET_CAP) {
                        let t = &lines[ti as usize].sq;
                        let len = q.min(t.len());
                        let c = len.min(VERIFY);
                        if ti != si
                            && s[q - c..q] == t[t.len() - c..]
                            && (len >= LONG || end_cuts_are_seams(s, t, q))
                        {
                            edges.push(Edge {
                                a: si,
                                b: ti,
                                d: q as i64 - t.len() as i64,
                            });
                        }
                    }
                }
            }
        }
    }
    edges
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
    let mut by_len: HashMap<(usize, u64), Vec<u32>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.sq.len() < KEY {
            by_len
                .entry((l.sq.len(), poly_hash(&l.sq)))
                .or_default()
                .push(i as u32);
        }
    }
    let mut lens: Vec<usize> = by_len.keys().map(|&(len, _)| len).collect();
    lens.sort_unstable();
    lens.dedup();
    // (edge, strong seam, the short line ends the other line)
    let mut found: Vec<(Edge, bool, bool)> = Vec::new();
    for (si, line) in lines.iter().enumerate() {
        let s = &line.sq;
        for &len in lens.iter().take_while(|&&len| len < s.len()) {
            let (head, tail) = (&s[..len], &s[s.len() - len..]);
            for (part, cut, at_end) in [(tail, s.len() - len, true), (head, len, false)] {
                let Some(strong) = seam_strength(s, cut) else {
                    continue;
                };
                if let Some(bucket) = by_len.get(&(len, poly_hash(part))) {
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
    }
    let mut weak_count: HashMap<(u32, bool), usize> = HashMap::new();
    for &(e, _, at_end) in &found {
        *weak_count.entry((e.b, at_end)).or_default() += 1;
    }
    found
        .into_iter()
        .filter(|&(e, strong, at_end)| {
            strong
                || (weak_count[&(e.b, at_end)] >= 2
                    && lines[e.b as usize].sq.iter().any(u8::is_ascii_alphanumeric))
        })
        .map(|(e, _, _)| e)
        .collect()
}

/// How much a cut at byte `i` of squeezed text `s` looks like a seam between
/// glued paragraphs: `Some(true)` for a strong seam ([`is_seam`]),
/// `Some(false)` for a cut that at least does not fall inside a word
/// (the next character is no lowercase letter, and no digit follows a
/// digit), `None` otherwise.
fn seam_strength(s: &[u8], i: usize) -> Option<bool> {
    if is_seam(s, i) {
        return Some(true);
    }
    let (prev, next) = (last_char(&s[..i])?, first_char(&s[i..])?);
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
    roots.sort_by_key(|&i| (std::cmp::Reverse(lines[i as usize].sq.len()), i));

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
/// from: the earliest-placed member covering it.
struct Assembly {
    cuts: Vec<i64>,
    source: Vec<Option<u32>>,
    shift: i64,
}

fn assemble(lines: &[Line], g: &Group) -> Assembly {
    let shift = g.members.iter().map(|&(_, p)| p).min().unwrap_or(0);
    let mut cuts: Vec<i64> = g
        .members
        .iter()
        .flat_map(|&(l, p)| [p - shift, p - shift + lines[l as usize].sq.len() as i64])
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
    for &(l, p) in &g.members {
        let start = p - shift;
        let end = start + lines[l as usize].sq.len() as i64;
        let first = cuts.partition_point(|&c| c < start);
        let last = cuts.partition_point(|&c| c < end);
        let mut i = find(&mut next_free, first);
        while i < last {
            source[i] = Some(l);
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

/// The members whose bytes differ from the text assembled at their offset.
fn check_group(lines: &[Line], g: &Group) -> Vec<u32> {
    if g.members.len() < 2 {
        return Vec::new();
    }
    let asm = assemble(lines, g);
    let positions: HashMap<u32, i64> = g.members.iter().copied().collect();
    let mut text = Vec::new();
    for (i, src) in asm.source.iter().enumerate() {
        let (a, b) = (asm.cuts[i], asm.cuts[i + 1]);
        match src {
            Some(l) => {
                let off = positions[l] - asm.shift;
                let sq = &lines[*l as usize].sq;
                text.extend_from_slice(&sq[(a - off) as usize..(b - off) as usize]);
            }
            // A gap cannot occur in a connected group; fill it so offsets hold.
            None => text.resize(text.len() + (b - a) as usize, 0),
        }
    }
    g.members
        .iter()
        .filter(|&&(l, p)| {
            let start = (p - asm.shift) as usize;
            let sq = &lines[l as usize].sq;
            text.get(start..start + sq.len()) != Some(sq.as_slice())
        })
        .map(|&(l, _)| l)
        .collect()
}

// ---------------------------------------------------------------------------
// Pieces: the text between two boundaries of a group.

/// The text between each two boundaries of a group, in order.
fn group_pieces<'a>(lines: &[Line<'a>], g: &Group) -> Vec<&'a str> {
    let asm = assemble(lines, g);
    let positions: HashMap<u32, i64> = g.members.iter().copied().collect();
    // Squeezed offsets wanted from each source line, mapped to `norm` offsets
    // in one walk per line.
    let mut wanted: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, src) in asm.source.iter().enumerate() {
        if let Some(l) = src {
            let off = positions[l] - asm.shift;
            let v = wanted.entry(*l).or_default();
            v.push((asm.cuts[i] - off) as usize);
            v.push((asm.cuts[i + 1] - off) as usize);
        }
    }
    let mut to_norm: HashMap<(u32, usize), usize> = HashMap::new();
    for (l, mut offs) in wanted {
        offs.sort_unstable();
        offs.dedup();
        let norm = lines[l as usize].norm;
        for (o, n) in offs.iter().zip(norm_offsets(norm, &offs)) {
            to_norm.insert((l, *o), n);
        }
    }
    let mut pieces = Vec::with_capacity(asm.source.len());
    for (i, src) in asm.source.iter().enumerate() {
        let Some(l) = src else { continue };
        let off = positions[l] - asm.shift;
        let (a, b) = (asm.cuts[i], asm.cuts[i + 1]);
        let na = to_norm[&(*l, (a - off) as usize)];
        let nb = to_norm[&(*l, (b - off) as usize)];
        let norm = lines[*l as usize].norm;
        pieces.push(norm.get(na..nb).unwrap_or(norm));
    }
    pieces
}

/// For each squeezed offset (sorted), the offset in `norm` of the byte it
/// names: squeezed offset `o` is the `o`-th non-space byte of `norm`.
fn norm_offsets(norm: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut want = sorted.iter().peekable();
    let mut o = 0;
    for (i, &b) in norm.as_bytes().iter().enumerate() {
        if b == b' ' {
            continue;
        }
        while want.next_if(|&&w| w == o).is_some() {
            out.push(i);
        }
        o += 1;
    }
    while want.next().is_some() {
        out.push(norm.len());
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
    fn clean_paragraphs_sharing_a_few_words_stay_apart() {
        let p = [
            "The draw: West Bromwich Albion or Tottenham v Nottingham Forest",
            "Nottingham Forest boss Gary Megson could face a trip back.",
        ];
        assert_eq!(rebuild(&p), paras(&p));
    }

    #[test]
    fn norm_offsets_map_squeezed_positions() {
        assert_eq!(norm_offsets("ab cd", &[0, 2, 3, 4]), vec![0, 3, 4, 5]);
    }
}
