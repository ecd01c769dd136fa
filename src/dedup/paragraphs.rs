//! A pass's paragraphs: each piece's buffer, and where each paragraph is in
//! one, not a `String` each.
//!
//! A line of 170,000 glued paragraphs made as many `String`s: 24 bytes and
//! an allocation each (about 40 bytes more than the text of a short
//! paragraph, issue 13), held through the next pass that checks nothing
//! changes. Here the parts of a piece stay in the piece's own buffer, moved
//! down over the text between them, and the `String`s are made once, when
//! the passes are done. A piece kept whole is its buffer, as before.

/// Paragraphs as ranges of a few buffers.
#[derive(Default, Debug)]
pub(super) struct Paragraphs {
    buffers: Vec<String>,
    /// Per paragraph: its buffer, and where it ends there. The paragraphs
    /// of one buffer come one after another, in its order, each starting
    /// where the one before ends (16 bytes a paragraph, not 24).
    at: Vec<(u32, usize)>,
}

/// Bytes a buffer may hold past its end, being cut into `String`s or kept
/// through the next pass.
const SLACK_BYTES: usize = 1 << 20;

/// Parts of a piece this long on average are made `String`s at once
/// ([`Paragraphs::push_parts`]).
const LONG_PART: usize = 256;

impl PartialEq for Paragraphs {
    /// The same paragraphs, however they are held.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Paragraphs {
    /// Room for `pieces` paragraphs.
    pub(super) fn with_capacity(pieces: usize) -> Self {
        Paragraphs {
            buffers: Vec::new(),
            at: Vec::with_capacity(pieces),
        }
    }

    /// The number of paragraphs.
    pub(super) fn len(&self) -> usize {
        self.at.len()
    }

    /// Where paragraph `k` starts in its buffer.
    fn start(&self, k: usize) -> usize {
        match k.checked_sub(1).map(|j| self.at[j]) {
            Some((b, end)) if b == self.at[k].0 => end,
            _ => 0,
        }
    }

    /// Paragraph `k`.
    pub(super) fn get(&self, k: usize) -> &str {
        let (b, end) = self.at[k];
        &self.buffers[b as usize][self.start(k)..end]
    }

    /// The paragraphs in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|k| self.get(k))
    }

    /// Room for `more` paragraphs.
    pub(super) fn reserve(&mut self, more: usize) {
        self.at.reserve(more);
    }

    /// Appends `p`, its buffer and all (not copied).
    pub(super) fn push(&mut self, p: String) {
        self.at.push((self.buffers.len() as u32, p.len()));
        self.buffers.push(p);
    }

    /// Appends the `parts` of `piece` (ranges in order, not overlapping,
    /// at char boundaries), each a paragraph, moved down in the piece's
    /// own buffer over the text between them: a huge line cut into parts
    /// is not copied beside itself. Long parts (on average) are cut off
    /// its end as `String`s instead, the buffer shrinking as they are made:
    /// they cost little beyond their text, and would be copied out of the
    /// buffer in the end anyway.
    pub(super) fn push_parts(&mut self, mut piece: String, parts: &[(usize, usize)]) {
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
                self.push(part);
            }
            return;
        }
        let b = self.buffers.len() as u32;
        let mut buf = piece.into_bytes();
        let mut end = 0;
        for &(start, stop) in parts {
            buf.copy_within(start..stop, end);
            end += stop - start;
            self.at.push((b, end));
        }
        buf.truncate(end);
        if buf.capacity() - buf.len() > SLACK_BYTES {
            buf.shrink_to_fit();
        }
        // Whole chars moved whole: still UTF-8 (checked, as no unsafe code
        // is used; it cannot fail, and would be replaced, not lost).
        let text = String::from_utf8(buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        self.buffers.push(text);
    }

    /// Keeps the paragraphs `keep` accepts (by index), in order, each a
    /// buffer of its own (seldom: where a pass kept a repeat).
    pub(super) fn retain(&mut self, keep: impl Fn(usize) -> bool) {
        let kept: Vec<String> = (0..self.len())
            .filter(|&k| keep(k))
            .map(|k| self.get(k).to_string())
            .collect();
        *self = Paragraphs::with_capacity(kept.len());
        for p in kept {
            self.push(p);
        }
    }

    /// Gives back room past `entries` unused entries.
    pub(super) fn shrink(&mut self, entries: usize) {
        if self.at.capacity() - self.at.len() > entries {
            self.at.shrink_to_fit();
        }
    }

    /// A `String` each. A buffer's paragraphs are cut off its end one by
    /// one, and its first is the buffer itself: its memory shrinks as they
    /// are made, so no text is held twice.
    pub(super) fn into_strings(self) -> Vec<String> {
        let Paragraphs { mut buffers, at } = self;
        let mut out = Vec::with_capacity(at.len());
        for k in (0..at.len()).rev() {
            let (b, end) = at[k];
            let buf = &mut buffers[b as usize];
            if k > 0 && at[k - 1].0 == b {
                let start = at[k - 1].1;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(p: &Paragraphs) -> Vec<&str> {
        p.iter().collect()
    }

    #[test]
    fn parts_stay_in_their_piece() {
        let mut p = Paragraphs::default();
        p.push("Ab.".to_string());
        p.push_parts(
            "One é.Two.  Three.".to_string(),
            &[(0, 7), (7, 11), (13, 19)],
        );
        p.push_parts("X.Y.Z.".to_string(), &[(0, 2), (4, 6)]);
        let long = "L".repeat(LONG_PART) + ".";
        p.push_parts(
            long.clone() + &long,
            &[(0, long.len()), (long.len(), 2 * long.len())],
        );
        p.retain(|k| k < 6);
        assert_eq!(strings(&p), ["Ab.", "One é.", "Two.", "Three.", "X.", "Z."]);
        let mut q = Paragraphs::default();
        for s in ["Ab.", "One é.", "Two.", "Three.", "X.", "Z."] {
            q.push(s.to_string());
        }
        assert_eq!(p, q);
        p.retain(|k| k != 2 && k != 4);
        assert_eq!(strings(&p), ["Ab.", "One é.", "Three.", "Z."]);
        assert_ne!(p, q);
        assert_eq!(p.into_strings(), ["Ab.", "One é.", "Three.", "Z."]);
    }
}
