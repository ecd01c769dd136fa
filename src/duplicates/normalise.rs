//! Article text to the units duplicates are compared in: word tokens and
//! overlapping word shingles, each as a 64-bit hash.
//!
//! The issue's definition compares story text "ignoring case, punctuation
//! and spacing" (#14). So a token is a run of non-whitespace with every
//! character that is not alphanumeric dropped and the rest lowercased:
//! `162,086` and `162086` are one token, `Don't` and `dont` too. Hashes are
//! fixed functions of the text (no random seed), so results are the same
//! on every run and machine.

/// One token per word of `paragraphs`, in order, as a hash of its
/// normalised form; words with no alphanumeric character are skipped.
pub fn tokens<S: AsRef<str>>(paragraphs: &[S]) -> Vec<u64> {
    let mut out = Vec::with_capacity(paragraphs.iter().map(|p| p.as_ref().len() / 6).sum());
    for p in paragraphs {
        push_tokens(p.as_ref(), &mut out);
    }
    out
}

/// What each byte is to the tokenizer: a lowercased ASCII letter or digit
/// (its own value), [`SPACE`], [`OTHER`] (ASCII punctuation, dropped) or
/// [`WIDE`] (a byte of a non-ASCII character).
const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if c >= 0x80 {
            WIDE
        } else {
            OTHER
        };
        b += 1;
    }
    t
};
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const WIDE: u8 = 2;

/// Appends the tokens of `text`: a table lookup per ASCII byte (branches
/// on character classes were the slowest part), `char` methods for the
/// rest.
fn push_tokens(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let mut word = Word::default();
    let mut i = 0;
    while i < bytes.len() {
        let class = CLASS[bytes[i] as usize];
        if class > WIDE {
            word.push(class);
            i += 1;
            continue;
        }
        if class != WIDE {
            if class == SPACE {
                word.end(out);
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a char starts here");
        i += c.len_utf8();
        if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    word.push(b);
                }
            }
        } else if c.is_whitespace() {
            word.end(out);
        }
    }
    word.end(out);
}

/// The hash of a word being read: bytes gathered eight at a time into a
/// block, and each full block mixed in with one multiplication (a
/// multiplication per byte, as FNV does, made this the slowest step).
#[derive(Default)]
struct Word {
    hash: u64,
    block: u64,
    len: u32,
}

impl Word {
    #[inline]
    fn push(&mut self, b: u8) {
        if self.len % 8 == 7 {
            let block = (self.block << 8) | u64::from(b);
            self.hash = (self.hash ^ block).wrapping_mul(K).rotate_left(31);
            self.block = 0;
        } else {
            self.block = (self.block << 8) | u64::from(b);
        }
        self.len += 1;
    }

    /// Ends the word: pushes its hash if it has any byte, and starts anew.
    fn end(&mut self, out: &mut Vec<u64>) {
        if self.len > 0 {
            let h = (self.hash ^ self.block).wrapping_mul(K) ^ u64::from(self.len);
            out.push(mix(h));
            *self = Word::default();
        }
    }
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// A full-avalanche finaliser (splitmix64), so that nearby inputs give
/// unrelated hashes.
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hash of each run of `n` consecutive tokens, in order: one per start
/// position, or a single one over all tokens when there are fewer than `n`
/// (a very short article is still one unit of text).
///
/// 32 bits each: half the memory of 64, and what the later steps hash and
/// index is then twice as dense in the cache. Two distinct shingles share a
/// hash about once per 4 billion pairs; the cost of one such collision is
/// one shingle counted as shared that is not, well under the threshold.
pub fn shingles(tokens: &[u64], n: usize) -> Vec<u32> {
    let n = n.max(1);
    if tokens.is_empty() {
        return Vec::new();
    }
    let width = n.min(tokens.len());
    tokens
        .windows(width)
        .map(|w| {
            let h = w.iter().fold(width as u64, |h, &t| {
                (h.rotate_left(23) ^ t).wrapping_mul(K)
            });
            (mix(h) >> 32) as u32
        })
        .collect()
}

/// A hash of the whole token sequence: equal for texts that differ only in
/// case, punctuation and spacing (an exact copy).
pub fn text_hash(tokens: &[u64]) -> u64 {
    mix(tokens.iter().fold(tokens.len() as u64, |h, &t| {
        (h.rotate_left(29) ^ t).wrapping_mul(K)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_punctuation_and_spacing_are_ignored() {
        let a = tokens(&["The average price is £162,086, Halifax said."]);
        let b = tokens(&["the  AVERAGE price is £162086 Halifax said"]);
        assert_eq!(a, b);
        assert_eq!(text_hash(&a), text_hash(&b));
    }

    #[test]
    fn words_of_punctuation_only_are_not_tokens() {
        assert_eq!(tokens(&["a - b -- c ..."]).len(), 3);
        assert!(tokens(&["", "  ", "--"]).is_empty());
    }

    #[test]
    fn non_ascii_letters_are_lowercased() {
        assert_eq!(tokens(&["ÉCOLE Straße"]), tokens(&["école straße"]));
    }

    #[test]
    fn shingles_cover_each_window_and_short_texts_once() {
        let t = tokens(&["one two three four five"]);
        assert_eq!(shingles(&t, 4).len(), 2);
        assert_eq!(shingles(&t[..2], 4).len(), 1);
        assert!(shingles(&[], 4).is_empty());
        // Order matters inside a shingle.
        let t = tokens(&["one two three four five six"]);
        let r = tokens(&["two one three four five six"]);
        assert_ne!(shingles(&t, 4)[0], shingles(&r, 4)[0]);
        assert_eq!(shingles(&t, 4)[2], shingles(&r, 4)[2]);
    }
}
