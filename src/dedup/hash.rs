//! Hashes and hash maps for the keys and the whole-line dedup.
//!
//! The inputs are already well spread (hashes of text), so the maps use an
//! identity hasher, and the hashes read eight bytes at a time.

use super::*;

/// A cheap key for whole-line dedup: the length and the first and last 32
/// bytes. Lines with equal keys are compared in full, so only true copies
/// (and rare near-copies) pay for a full comparison.
pub(super) fn line_key(sq: &[u8]) -> u64 {
    let edge = sq.len().min(32);
    poly_hash(&sq[..edge]) ^ poly_hash(&sq[sq.len() - edge..]).rotate_left(17) ^ sq.len() as u64
}

/// A hash of all of `bytes`, eight at a time (FxHash's step), well mixed:
/// paragraphs are told apart by it, and a byte-at-a-time polynomial costs
/// several times more on every byte of the output.
pub(super) fn word_hash(bytes: &[u8]) -> u64 {
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

pub(super) const BASE: u64 = 0x0100_0000_01b3;

/// Polynomial hash of `bytes`: `sum of b[i] * BASE^(n-1-i)`, wrapping.
///
/// Taken eight bytes at a time (`h * BASE^8 + sum of b[k] * BASE^(7-k)`,
/// the same value: wrapping arithmetic is a ring), so the eight products
/// of a word are independent and one multiply, not eight, stands between
/// words: a byte at a time, every line's key waited on 64 multiplies in a
/// row.
pub(super) fn poly_hash(bytes: &[u8]) -> u64 {
    const fn powers() -> [u64; 9] {
        let mut p = [1u64; 9];
        let mut k = 1;
        while k < 9 {
            p[k] = p[k - 1].wrapping_mul(BASE);
            k += 1;
        }
        p
    }
    const P: [u64; 9] = powers();
    let mut chunks = bytes.chunks_exact(8);
    let mut h = 0u64;
    for c in &mut chunks {
        let word = c.iter().enumerate().fold(0u64, |w, (k, &b)| {
            w.wrapping_add(u64::from(b).wrapping_mul(P[7 - k]))
        });
        h = h.wrapping_mul(P[8]).wrapping_add(word);
    }
    chunks
        .remainder()
        .iter()
        .fold(h, |h, &b| h.wrapping_mul(BASE).wrapping_add(u64::from(b)))
}

/// Spreads a polynomial hash over all 64 bits (murmur3's finaliser): its low
/// bits alone are weak, and hash tables index by them.
#[inline]
pub(super) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A hasher for keys that are already well-mixed `u64`s.
#[derive(Default)]
pub(super) struct U64Hasher(u64);

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

pub(super) type U64Map<V> = HashMap<u64, V, std::hash::BuildHasherDefault<U64Hasher>>;

/// A hasher for text keys: [`word_hash`] of their bytes, eight at a time.
/// The default (SipHash) costs several times more per byte, and every
/// paragraph of a glued group is hashed once (see `copies::Output::finish`).
#[derive(Default)]
pub(super) struct TextHasher(u64);

impl std::hash::Hasher for TextHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = self.0.rotate_left(23) ^ word_hash(bytes);
    }
    // A `str` ends its bytes with a marker byte: a cheap step, not a
    // second hash.
    fn write_u8(&mut self, n: u8) {
        self.0 = self.0.rotate_left(8) ^ u64::from(n);
    }
}

pub(super) type TextSet<'a> = HashSet<&'a str, std::hash::BuildHasherDefault<TextHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash a byte at a time, as it was first written.
    fn poly_hash_bytewise(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0u64, |h, &b| {
            h.wrapping_mul(BASE).wrapping_add(u64::from(b))
        })
    }

    #[test]
    fn poly_hash_by_words_is_the_bytewise_hash() {
        let text: Vec<u8> = (0..200u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        for len in 0..text.len() {
            for start in [0, 1, 7] {
                let b = &text[start.min(len)..len];
                assert_eq!(poly_hash(b), poly_hash_bytewise(b), "{len} {start}");
            }
        }
    }
}
