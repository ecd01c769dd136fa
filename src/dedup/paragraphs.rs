//! A pass's paragraphs: each piece's buffer, and where each paragraph is in
//! one, not a `String` each.
//!
//! A line of 170,000 glued paragraphs made as many `String`s: 24 bytes and
//! an allocation each (about 40 bytes more than the text of a short
//! paragraph, issue 13), held through the next pass that checks nothing
//! changes. Here the parts of a piece stay in the piece's own buffer, moved
//! down over the text between them, and the `String`s are made once, when
//! the passes are done. A piece kept whole is its buffer, as before.
//!
//! A huge piece that is an input line as written (normalised already) is
//! not even copied: its buffer is borrowed from the input, and its parts,
//! which only single spaces part, are read where they are (a line of 80 MB
//! of glued paragraphs was held twice, issue 13).
//!
//! The passes hand their paragraphs on so, up to the caller of the rebuild:
//! `clean` makes them `String`s there, and `clean_owned`, which owns the
//! input, detaches them from it first ([`Detached`]) and cuts them from its
//! end as it frees it, so that the input is not held beside a million
//! `String`s (issue 13).

use std::borrow::Cow;

/// Paragraphs as ranges of a few buffers, owned or borrowed from the
/// input.
#[derive(Default, Debug)]
pub(crate) struct Paragraphs<'a> {
    buffers: Vec<Cow<'a, str>>,
    /// Per buffer: its first paragraph (the one it would have, when it has
    /// none). The paragraphs of one buffer come one after another, in its
    /// order, each starting where the one before ends, or one byte later
    /// where that byte is a space (the space between two parts of a
    /// borrowed line: a paragraph is normalised, so none starts with one).
    first: Vec<u32>,
    /// Per paragraph: where it ends in its buffer (8 bytes a paragraph,
    /// where a buffer's number and an end took 16 and a `String` 24).
    ends: Vec<usize>,
}

/// Bytes a buffer may hold past its end, being cut into `String`s or kept
/// through the next pass.
const SLACK_BYTES: usize = 1 << 20;

/// Parts of a piece this long on average are made `String`s at once
/// ([`Paragraphs::push_parts`]).
const LONG_PART: usize = 256;

impl PartialEq for Paragraphs<'_> {
    /// The same paragraphs, however they are held.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<'a> Paragraphs<'a> {
    /// Room for `pieces` paragraphs, each a buffer of its own.
    pub(super) fn with_capacity(pieces: usize) -> Self {
        Paragraphs {
            buffers: Vec::with_capacity(pieces),
            first: Vec::with_capacity(pieces),
            ends: Vec::with_capacity(pieces),
        }
    }

    /// The number of paragraphs.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Where paragraph `k` of buffer `b` starts there.
    fn start(&self, b: usize, k: usize) -> usize {
        if k == self.first[b] as usize {
            return 0;
        }
        let end = self.ends[k - 1];
        end + usize::from(self.buffers[b].as_bytes().get(end) == Some(&b' '))
    }

    /// Paragraph `k` of buffer `b`.
    fn get_in(&self, b: usize, k: usize) -> &str {
        &self.buffers[b][self.start(b, k)..self.ends[k]]
    }

    /// Paragraph `k`.
    pub(super) fn get(&self, k: usize) -> &str {
        self.get_in(self.buffer_of(k), k)
    }

    /// Paragraph `k`'s bytes and those after it in its buffer: where only
    /// its first bytes are read, its end is not looked up (a key of each
    /// of a million paragraphs read in random order, issue 13).
    pub(super) fn head_bytes(&self, k: usize) -> &[u8] {
        let b = self.buffer_of(k);
        &self.buffers[b].as_bytes()[self.start(b, k)..]
    }

    /// The bytes of paragraph `k`'s buffer up to its end, for its last
    /// bytes (see [`Paragraphs::head_bytes`]).
    pub(super) fn tail_bytes(&self, k: usize) -> &[u8] {
        &self.buffers[self.buffer_of(k)].as_bytes()[..self.ends[k]]
    }

    /// The buffer of paragraph `k`.
    fn buffer_of(&self, k: usize) -> usize {
        // A line cut into parts, or a buffer a paragraph: found at once.
        let own = |b: usize| {
            self.first.get(b).is_some_and(|&f| f as usize == k)
                && self.first.get(b + 1).is_none_or(|&f| f as usize > k)
        };
        if self.buffers.len() == 1 {
            0
        } else if own(k) {
            k
        } else {
            // The last buffer whose paragraphs start at `k` or before.
            self.first.partition_point(|&f| f as usize <= k) - 1
        }
    }

    /// The paragraphs in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        let mut b = 0;
        (0..self.len()).map(move |k| {
            while self.first.get(b + 1).is_some_and(|&f| f as usize <= k) {
                b += 1;
            }
            self.get_in(b, k)
        })
    }

    /// Each of `lines` a paragraph, borrowed.
    pub(super) fn from_lines(lines: impl Iterator<Item = &'a str>) -> Self {
        let mut p = Paragraphs::with_capacity(lines.size_hint().0);
        for line in lines {
            p.push(Cow::Borrowed(line));
        }
        p
    }

    /// Each of `strings` a paragraph (and its buffer).
    pub(super) fn from_strings(strings: Vec<String>) -> Self {
        let mut p = Paragraphs::with_capacity(strings.len());
        for s in strings {
            p.push(Cow::Owned(s));
        }
        p
    }

    /// Room for `more` paragraphs.
    pub(super) fn reserve(&mut self, more: usize) {
        self.ends.reserve(more);
    }

    /// Starts a buffer, its paragraphs to come.
    fn push_buffer(&mut self, buffer: Cow<'a, str>) {
        self.first.push(self.ends.len() as u32);
        self.buffers.push(buffer);
    }

    /// Appends `p`, its buffer and all (not copied).
    pub(super) fn push(&mut self, p: Cow<'a, str>) {
        self.ends.push(p.len());
        self.first.push(self.ends.len() as u32 - 1);
        self.buffers.push(p);
    }

    /// Appends the `parts` of `piece` (ranges in order, not overlapping,
    /// at char boundaries), each a paragraph, moved down in the piece's
    /// own buffer over the text between them: a huge line cut into parts
    /// is not copied beside itself. Long parts (on average) are cut off
    /// its end as `String`s instead, the buffer shrinking as they are made:
    /// they cost little beyond their text, and would be copied out of the
    /// buffer in the end anyway.
    ///
    /// A borrowed piece whose parts start where the one before ends, or
    /// one space after it, and the first at its start, is kept borrowed;
    /// any other is made a `String` first.
    pub(super) fn push_parts(&mut self, piece: Cow<'a, str>, parts: &[(usize, usize)]) {
        let mut piece = match piece {
            Cow::Borrowed(line) if spaced_parts(line, parts) => {
                self.push_buffer(Cow::Borrowed(line));
                self.ends.extend(parts.iter().map(|&(_, stop)| stop));
                return;
            }
            piece => piece.into_owned(),
        };
        if piece.len() >= LONG_PART * parts.len() {
            let mut cut = Vec::with_capacity(parts.len());
            for &(start, stop) in parts.iter().rev() {
                cut.push(piece[start..stop].to_string());
                piece.truncate(start);
                if piece.capacity() - piece.len() > SLACK_BYTES {
                    piece.shrink_to_fit();
                }
            }
            self.reserve(cut.len());
            for part in cut.into_iter().rev() {
                self.push(Cow::Owned(part));
            }
            return;
        }
        let mut buf = piece.into_bytes();
        let first = self.ends.len();
        let mut end = 0;
        for &(start, stop) in parts {
            buf.copy_within(start..stop, end);
            end += stop - start;
            self.ends.push(end);
        }
        buf.truncate(end);
        if buf.capacity() - buf.len() > SLACK_BYTES {
            buf.shrink_to_fit();
        }
        // Whole chars moved whole: still UTF-8 (checked, as no unsafe code
        // is used; it cannot fail, and would be replaced, not lost).
        let text = String::from_utf8(buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        self.first.push(first as u32);
        self.buffers.push(Cow::Owned(text));
    }

    /// Keeps the paragraphs `keep` accepts (by index), in order, each a
    /// buffer of its own (seldom: where a pass kept a repeat).
    pub(super) fn retain(&mut self, keep: impl Fn(usize) -> bool) {
        let kept: Vec<String> = self
            .iter()
            .enumerate()
            .filter(|&(k, _)| keep(k))
            .map(|(_, p)| p.to_string())
            .collect();
        *self = Paragraphs::with_capacity(kept.len());
        for p in kept {
            self.push(Cow::Owned(p));
        }
    }

    /// Gives back room past `entries` unused entries.
    pub(super) fn shrink(&mut self, entries: usize) {
        if self.ends.capacity() - self.ends.len() > entries {
            self.ends.shrink_to_fit();
        }
    }

    /// Every buffer owned: those borrowed are copied (a pass over a pass's
    /// output, which borrowed from it).
    pub(crate) fn into_owned(self) -> Paragraphs<'static> {
        Paragraphs {
            buffers: self
                .buffers
                .into_iter()
                .map(|b| Cow::Owned(b.into_owned()))
                .collect(),
            first: self.first,
            ends: self.ends,
        }
    }

    /// A `String` each. A buffer's paragraphs are cut off its end one by
    /// one, and its first is the buffer itself: its memory shrinks as they
    /// are made, so no text is held twice. (A borrowed buffer's are
    /// copied.)
    pub(crate) fn into_strings(mut self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.len());
        let mut b = self.buffers.len();
        for k in (0..self.len()).rev() {
            while self.first[b - 1] as usize > k {
                b -= 1;
            }
            let (b, end) = (b - 1, self.ends[k]);
            let start = self.start(b, k);
            let whole = k == self.first[b] as usize;
            let Cow::Owned(buf) = &mut self.buffers[b] else {
                out.push(self.get_in(b, k).to_string());
                continue;
            };
            if !whole {
                out.push(buf[start..end].to_string());
                buf.truncate(start);
                if buf.capacity() - buf.len() > SLACK_BYTES {
                    buf.shrink_to_fit();
                }
            } else {
                let mut own = std::mem::take(buf);
                own.truncate(end);
                out.push(own);
            }
        }
        out.reverse();
        out
    }
}

impl Paragraphs<'_> {
    /// The same paragraphs, owned or read in `text` by their place there:
    /// a buffer borrowed from `text` is kept as its range, any other
    /// borrowed one copied. Nothing borrows `text` once they are detached,
    /// so that it can be given up to [`Detached::into_strings`], which cuts
    /// the paragraphs from it as it frees it.
    pub(crate) fn detach(self, text: &str) -> Detached {
        let base = text.as_ptr() as usize;
        let buffers = self
            .buffers
            .into_iter()
            .map(|b| match b {
                Cow::Borrowed(s) => {
                    let at = (s.as_ptr() as usize).wrapping_sub(base);
                    match text.get(at..at.wrapping_add(s.len())) {
                        Some(t) if t.as_ptr() == s.as_ptr() => Held::In(at, at + s.len()),
                        _ => Held::Own(s.to_string()),
                    }
                }
                Cow::Owned(s) => Held::Own(s),
            })
            .collect();
        Detached {
            buffers,
            first: self.first,
            ends: self.ends,
        }
    }
}

/// A buffer of [`Detached`] paragraphs.
#[derive(Debug)]
enum Held {
    Own(String),
    /// A range of the text they were read in.
    In(usize, usize),
}

/// Paragraphs detached from the text they were read in
/// ([`Paragraphs::detach`]): what is left of them to make once the text
/// is given back.
#[derive(Debug)]
pub(crate) struct Detached {
    buffers: Vec<Held>,
    first: Vec<u32>,
    ends: Vec<usize>,
}

impl Detached {
    /// The paragraphs as `String`s, those read in `text` (the text they
    /// were detached from) cut off its end as they are made, so that the
    /// text shrinks as they grow: a line of 80 MB cut into 1.66 million
    /// `String`s (about 88 bytes each) is not held beside them (issue 13).
    /// An owned buffer is cut as [`Paragraphs::into_strings`] cuts it.
    pub(crate) fn into_strings(self, mut text: String) -> Vec<String> {
        let Detached {
            mut buffers,
            first,
            ends,
        } = self;
        let mut out = vec![String::new(); ends.len()];
        // The paragraphs of buffer `b`.
        let of = |b: usize| {
            let stop = first.get(b + 1).map_or(ends.len(), |&f| f as usize);
            first[b] as usize..stop
        };
        // Where paragraph `k` of buffer `b` starts there (see
        // `Paragraphs::start`), given the buffer's bytes.
        let start = |b: usize, k: usize, bytes: &[u8]| {
            if k == first[b] as usize {
                return 0;
            }
            let end = ends[k - 1];
            end + usize::from(bytes.get(end) == Some(&b' '))
        };
        // Ranges of the text, from the one that ends last: what is left of
        // the text past the next one's end is no longer read.
        let mut ranges: Vec<(usize, usize, usize)> = buffers
            .iter()
            .enumerate()
            .filter_map(|(b, held)| match *held {
                Held::In(from, to) => Some((to, from, b)),
                Held::Own(_) => None,
            })
            .collect();
        ranges.sort_unstable_by(|x, y| y.cmp(x));
        for (i, &(_, from, b)) in ranges.iter().enumerate() {
            let keep = ranges.get(i + 1).map_or(0, |&(next_to, _, _)| next_to);
            for k in of(b).rev() {
                // What is left of the range: up to this paragraph's end.
                let bytes = &text.as_bytes()[from..];
                let (x, y) = (from + start(b, k, bytes), from + ends[k]);
                if keep == 0 && k == first[b] as usize {
                    // The last paragraph read in the text is the text's
                    // own buffer, not a copy of it (a line of 80 MB that
                    // is one paragraph), unless it is a small part of it.
                    text.truncate(y);
                    text.drain(..x);
                    if text.capacity() - text.len() > text.len() {
                        text.shrink_to_fit();
                    }
                    out[k] = std::mem::take(&mut text);
                    break;
                }
                out[k] = text[x..y].to_string();
                text.truncate(x.max(keep));
                if text.capacity() - text.len() > SLACK_BYTES {
                    text.shrink_to_fit();
                }
            }
        }
        drop(text);
        for (b, held) in buffers.iter_mut().enumerate() {
            let Held::Own(buf) = held else {
                continue;
            };
            for k in of(b).rev() {
                let a = start(b, k, buf.as_bytes());
                if k == first[b] as usize {
                    let mut own = std::mem::take(buf);
                    own.truncate(ends[k]);
                    out[k] = own;
                } else {
                    out[k] = buf[a..ends[k]].to_string();
                    buf.truncate(a);
                    if buf.capacity() - buf.len() > SLACK_BYTES {
                        buf.shrink_to_fit();
                    }
                }
            }
        }
        out
    }
}

/// Whether `parts` (ranges of `line`, in order) are all of `line` but the
/// single spaces between them: then each starts where [`Paragraphs`] looks
/// for it.
fn spaced_parts(line: &str, parts: &[(usize, usize)]) -> bool {
    let b = line.as_bytes();
    let mut end = 0;
    parts.iter().all(|&(start, stop)| {
        let ok = start < stop
            && (start == end || (start == end + 1 && end > 0 && b[end] == b' '))
            && b[start] != b' ';
        end = stop;
        ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings<'p>(p: &'p Paragraphs<'_>) -> Vec<&'p str> {
        p.iter().collect()
    }

    #[test]
    fn parts_stay_in_their_piece() {
        let mut p = Paragraphs::default();
        p.push(Cow::Borrowed("Ab."));
        p.push_parts(
            Cow::Borrowed("One é.Two.  Three."),
            &[(0, 7), (7, 11), (13, 19)],
        );
        p.push_parts(Cow::Borrowed("X.Y.Z."), &[(0, 2), (4, 6)]);
        let long = "L".repeat(LONG_PART) + ".";
        p.push_parts(
            Cow::Owned(long.clone() + &long),
            &[(0, long.len()), (long.len(), 2 * long.len())],
        );
        p.retain(|k| k < 6);
        assert_eq!(strings(&p), ["Ab.", "One é.", "Two.", "Three.", "X.", "Z."]);
        let mut q = Paragraphs::default();
        for s in ["Ab.", "One é.", "Two.", "Three.", "X.", "Z."] {
            q.push(Cow::Owned(s.to_string()));
        }
        assert_eq!(p, q);
        p.retain(|k| k != 2 && k != 4);
        assert_eq!(strings(&p), ["Ab.", "One é.", "Three.", "Z."]);
        assert_ne!(p, q);
        assert_eq!(p.into_strings(), ["Ab.", "One é.", "Three.", "Z."]);
    }

    #[test]
    fn detached_paragraphs_are_cut_from_the_text_given_back() {
        let text = String::from("Alpha one.Beta two.\nGamma three. Delta four.\nEpsilon é.");
        let (l1, l2, l3) = (&text[..19], &text[20..44], &text[45..]);
        let mut p = Paragraphs::default();
        // Ranges out of order, one twice, beside owned buffers and one
        // borrowed from elsewhere.
        p.push_parts(Cow::Borrowed(l2), &[(0, 12), (13, 24)]);
        p.push(Cow::Owned("Owned.".to_string()));
        p.push_parts(Cow::Borrowed(l1), &[(0, 10), (10, 19)]);
        p.push(Cow::Borrowed(l3));
        p.push(Cow::Borrowed("Elsewhere."));
        p.push_parts(Cow::Borrowed(l1), &[(0, 10), (10, 19)]);
        let all: Vec<String> = p.iter().map(String::from).collect();
        assert_eq!(
            all[..4],
            ["Gamma three.", "Delta four.", "Owned.", "Alpha one."]
        );
        let detached = p.detach(&text);
        assert_eq!(detached.into_strings(text), all);
    }

    #[test]
    fn spaced_parts_of_a_line_stay_borrowed() {
        let line = "One é. Two.Three. Four.";
        let mut p = Paragraphs::default();
        p.push_parts(Cow::Borrowed(line), &[]);
        p.push_parts(Cow::Borrowed(line), &[(0, 7), (8, 12), (12, 18), (19, 24)]);
        p.push(Cow::Borrowed("Five."));
        assert!(matches!(p.buffers[1], Cow::Borrowed(_)));
        let all = ["One é.", "Two.", "Three.", "Four.", "Five."];
        assert_eq!(strings(&p), all);
        assert_eq!(p.into_owned().into_strings(), all);
        // A part left out, or one after two spaces: copied, and moved down.
        let mut p = Paragraphs::default();
        p.push_parts(Cow::Borrowed(line), &[(0, 7), (12, 18)]);
        assert!(matches!(p.buffers[0], Cow::Owned(_)));
        assert_eq!(p.into_strings(), ["One é.", "Three."]);
    }
}
