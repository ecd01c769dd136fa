//! Which pairs of articles are worth comparing: those that share a fair
//! part of their story shingles.
//!
//! Every story shingle is in at most [`Options::boilerplate_df`] articles
//! (more, and it is boilerplate), so walking, for each article, the posting
//! lists of its shingles and counting the later articles they name costs at
//! most `boilerplate_df` steps per shingle: linear in the corpus, with
//! exact counts, so no pair that shares story text is missed. MinHash/LSH
//! banding (datasketch at 0.5, in the issue) misses most trimmed copies:
//! their Jaccard similarity to the full story is low even when their
//! containment is high (on dups-dev, 65% of the true pairs have Jaccard
//! 0.5 or more, 99% containment 0.5 or more, and all of them share at
//! least 30% of the smaller one's story shingles, twice [`MIN_SHARED`]).

use super::boilerplate::{Corpus, BOILER};
use super::Options;

/// The least share of the smaller story-shingle set two articles must have
/// in common to be compared word by word. Well under the 0.5 threshold: an
/// edited word costs four shingles but only one word, so a copy with one
/// word in six edited shares about half its shingles.
pub const MIN_SHARED: f64 = 0.15;

/// A pair of articles (by index into the corpus, `a < b`) to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pair {
    /// The first article.
    pub a: u32,
    /// The second article.
    pub b: u32,
}

/// The pairs of articles that share at least [`MIN_SHARED`] of the smaller
/// one's story shingles, sorted.
pub fn pairs(corpus: &Corpus, _opts: &Options) -> Vec<Pair> {
    let n = corpus.docs.len();
    let mut shared = vec![0u32; n];
    let mut touched: Vec<u32> = Vec::new();
    // The last article that counted each shingle id, so a shingle repeated
    // inside one article counts once.
    let mut seen = vec![u32::MAX; corpus.table.len()];
    let mut out = Vec::new();
    for (a, doc) in corpus.docs.iter().enumerate() {
        let a = a as u32;
        for &id in &doc.ids {
            if id >= BOILER || seen[id as usize] == a {
                continue;
            }
            seen[id as usize] = a;
            for &b in corpus.holders(id) {
                if b > a {
                    if shared[b as usize] == 0 {
                        touched.push(b);
                    }
                    shared[b as usize] += 1;
                }
            }
        }
        touched.sort_unstable();
        for &b in &touched {
            let smaller = doc
                .story_shingles
                .min(corpus.docs[b as usize].story_shingles);
            if f64::from(shared[b as usize]) >= MIN_SHARED * smaller as f64 {
                out.push(Pair { a, b });
            }
            shared[b as usize] = 0;
        }
        touched.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::boilerplate::{prepare, Shingled};
    use super::super::{Doc, Options};
    use super::*;

    #[test]
    fn only_pairs_sharing_enough_text_are_candidates() {
        let opts = Options::default();
        let story = "the quick brown fox jumps over the lazy dog near the river bank today";
        let docs = [
            Doc::new(&[story], None, &opts),
            Doc::new(&[format!("{story} and more words after it")], None, &opts),
            Doc::new(&["an unrelated text about markets and rates"], None, &opts),
            Doc::new(&["the quick brown fox went home"], None, &opts),
        ];
        let corpus = prepare(docs.iter().map(Shingled::from).collect(), &opts);
        // 3 shares one shingle of its three with 0: a third, so a candidate.
        assert_eq!(
            pairs(&corpus, &opts),
            [
                Pair { a: 0, b: 1 },
                Pair { a: 0, b: 3 },
                Pair { a: 1, b: 3 }
            ]
        );
    }
}
