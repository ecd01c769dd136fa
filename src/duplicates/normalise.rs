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

/// Longest word, in bytes, taken by the fast path of [`push_tokens`].
const SHORT: usize = 32;

/// Appends the tokens of `text`.
///
/// Cleaned text separates words with single spaces, and nearly all of
/// English news is ASCII. So each short ASCII word is lowercased into a
/// buffer with its punctuation dropped by table lookups, with no branch but
/// the one on spaces, then hashed eight bytes at a time. A word with
/// anything else in it (a non-ASCII byte, a tab) takes the slow path, `char`
/// by `char`. With a branch per byte on the kind of character, this was a
/// third of the cost of `--duplicates`.
fn push_tokens(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let mut buf = [0u8; SHORT + 8];
    let mut n = 0;
    let mut special = 0;
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            end_word(text, from, i, &mut buf, n, special, out);
            n = 0;
            special = 0;
            from = i + 1;
            continue;
        }
        let c = CLASS[b as usize];
        buf[n.min(SHORT)] = c;
        n += usize::from(c > WIDE);
        special |= u8::from(c == SPACE || c == WIDE);
    }
    end_word(text, from, bytes.len(), &mut buf, n, special, out);
}

/// Ends the word `text[from..to]`, whose normalised bytes (`n` of them)
/// are in `buf` unless it is long or `special`.
fn end_word(
    text: &str,
    from: usize,
    to: usize,
    buf: &mut [u8; SHORT + 8],
    n: usize,
    special: u8,
    out: &mut Vec<u64>,
) {
    if special == 0 && n <= SHORT {
        if n > 0 {
            out.push(hash_bytes(&buf[..], n));
        }
    } else if to > from {
        push_tokens_slowly(&text[from..to], out);
    }
}

/// [`push_tokens`] for any text: lowercased alphanumeric characters
/// gathered `char` by `char`, split at any whitespace.
fn push_tokens_slowly(text: &str, out: &mut Vec<u64>) {
    let mut word: Vec<u8> = Vec::new();
    let end = |word: &mut Vec<u8>, out: &mut Vec<u64>| {
        if !word.is_empty() {
            let n = word.len();
            word.resize(n.div_ceil(8) * 8, 0);
            out.push(hash_bytes(word, n));
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                word.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        } else if c.is_whitespace() {
            end(&mut word, out);
        }
    }
    end(&mut word, out);
}

/// The hash of the first `n` bytes of `buf` (which holds at least a
/// multiple of eight bytes; what follows the `n` is ignored): eight bytes
/// at a time, one multiplication each, and one more to finish.
fn hash_bytes(buf: &[u8], n: usize) -> u64 {
    let mut h = n as u64;
    let blocks = n.div_ceil(8);
    for (i, block) in buf[..blocks * 8].chunks_exact(8).enumerate() {
        let mut block = u64::from_le_bytes(block.try_into().expect("eight bytes"));
        let rest = n - 8 * i;
        if rest < 8 {
            block &= (1u64 << (8 * rest)) - 1;
        }
        h = (h ^ block).wrapping_mul(K).rotate_left(31);
    }
    let h = (h ^ (h >> 32)).wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^ (h >> 29)
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
            // Tokens are already well mixed: rotating each by its place
            // keeps order in the hash, and one multiplication spreads it.
            let h = w.iter().fold(width as u64, |h, &t| h.rotate_left(17) ^ t);
            (h.wrapping_mul(K) >> 32) as u32
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
    fn the_fast_and_the_slow_path_agree() {
        // Fast: short ASCII words between single spaces. Slow: a tab, a
        // non-ASCII character, a word over 32 bytes.
        let long = "a".repeat(40);
        assert_eq!(tokens(&["one two"]), tokens(&["one\ttwo"]));
        assert_eq!(tokens(&["cafe ole"])[1], tokens(&["café ole"])[1]);
        assert_eq!(
            tokens(&[format!("x {long}")])[1],
            tokens(&[format!("x\t{long}")])[1]
        );
        assert_eq!(
            tokens(&[format!("{long} end")]),
            tokens(&[format!("{}-{} end", &long[..20], &long[20..])])
        );
        assert_eq!(tokens(&["one\u{a0}two"]), tokens(&["one two"]));
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
