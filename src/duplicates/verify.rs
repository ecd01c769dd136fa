//! How much of the shorter article is the same story text as the longer.
//!
//! The similarity of two articles is the share of the shorter one's story
//! words (words not inside boilerplate) that lie inside a shingle the
//! longer one also has: its *containment* in the longer one, counted in
//! words. Containment, not Jaccard: a copy trimmed to its first three
//! paragraphs is wholly inside the story, however long the story is.
//! Words, not shingles: an edited word ("said" to "stated", "%" to "per
//! cent") costs every shingle that holds it but only itself in words. On
//! dups-dev (design half), shingle containment at 0.5 missed edited and
//! trimmed copies that word coverage finds (recall 0.996 against 1.000).

use std::collections::HashMap;

use super::boilerplate::{mark_words, Corpus, BOILER};

/// The similarity of articles `x` and `y` of `corpus`, by the shorter's
/// story words.
pub fn similarity(corpus: &Corpus, x: usize, y: usize) -> f64 {
    similarity_with(corpus, x, y, &mut Vec::new(), &mut Vec::new())
}

/// [`similarity`], with two scratch buffers to reuse.
fn similarity_with(
    corpus: &Corpus,
    x: usize,
    y: usize,
    covered: &mut Vec<bool>,
    boiler: &mut Vec<bool>,
) -> f64 {
    // The shorter by story words; of two as long, the first in input
    // order, whichever was asked first: the similarity of a pair is then
    // the same both ways, so the groups do not depend on the order pairs
    // are looked at, and an engine that sees pairs in another order (the
    // Spark recipe, examples/spark_duplicates.py) computes the same.
    let (s, l) = if (corpus.docs[y].story_words, y) < (corpus.docs[x].story_words, x) {
        (y, x)
    } else {
        (x, y)
    };
    let (short, long) = (&corpus.docs[s], l as u32);
    let words = short.words;
    if short.story_words == 0 || words == 0 {
        return 0.0;
    }
    let width = short.width(corpus.shingle);
    covered.clear();
    covered.resize(words, false);
    let shared = short
        .ids
        .iter()
        .map(|&id| id < BOILER && corpus.holders(id).binary_search(&long).is_ok());
    mark_words(shared, width, covered);
    boiler.clear();
    boiler.resize(words, false);
    mark_words(short.ids.iter().map(|&id| id == BOILER), width, boiler);
    let same = covered.iter().filter(|&&c| c).count();
    // Story words, plus boilerplate words that are also inside shared story
    // shingles (at the edge of a footer), so the share never exceeds 1.
    let total = covered
        .iter()
        .zip(boiler.iter())
        .filter(|&(&c, &b)| c || !b)
        .count();
    same as f64 / total as f64
}

/// Similarities between articles of a corpus, each computed once.
#[derive(Debug)]
pub struct Similarities<'c> {
    corpus: &'c Corpus,
    memo: HashMap<(u32, u32), f64>,
    scratch: (Vec<bool>, Vec<bool>),
}

impl<'c> Similarities<'c> {
    /// An empty memo over `corpus`.
    pub fn new(corpus: &'c Corpus) -> Self {
        Similarities {
            corpus,
            memo: HashMap::new(),
            scratch: (Vec::new(), Vec::new()),
        }
    }

    /// The similarity of articles `a` and `b` (indexes into the corpus).
    pub fn get(&mut self, a: usize, b: usize) -> f64 {
        if a == b {
            return 1.0;
        }
        let key = (a.min(b) as u32, a.max(b) as u32);
        if let Some(&s) = self.memo.get(&key) {
            return s;
        }
        let (covered, boiler) = &mut self.scratch;
        let s = similarity_with(self.corpus, a, b, covered, boiler);
        self.memo.insert(key, s);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::boilerplate::{prepare, Shingled};
    use super::super::{Doc, Options};
    use super::*;

    fn sims(texts: &[&str]) -> Vec<Vec<f64>> {
        let opts = Options::default();
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(&[t], None, &opts)).collect();
        let corpus = prepare(docs.iter().map(Shingled::from).collect(), &opts);
        let mut s = Similarities::new(&corpus);
        (0..texts.len())
            .map(|a| (0..texts.len()).map(|b| s.get(a, b)).collect())
            .collect()
    }

    const STORY: &str = "the bank said prices rose by three percent in the north west \
                         while prices in london fell for the second month running";

    #[test]
    fn a_trimmed_copy_is_wholly_contained() {
        let head = STORY.split(' ').take(10).collect::<Vec<_>>().join(" ");
        let s = sims(&[STORY, &head]);
        assert_eq!(s[0][1], 1.0);
        assert_eq!(s[1][0], 1.0);
    }

    #[test]
    fn an_edited_word_in_the_middle_costs_one_word() {
        // Away from the ends: at an end, the words before it are in no
        // other shingle.
        let edited = STORY.replace("london", "paris");
        let s = sims(&[STORY, &edited]);
        let words = STORY.split(' ').count() as f64;
        assert!(
            (s[0][1] - (words - 1.0) / words).abs() < 1e-9,
            "{}",
            s[0][1]
        );
    }

    #[test]
    fn a_pair_of_equal_story_length_has_one_similarity_both_ways() {
        // Equally long, but the first holds the shared passage twice: its
        // containment in the second is twice the second's in it.
        let passage = (0..10)
            .map(|i| format!("p{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let tail = |t: &str, n: usize| {
            (0..n)
                .map(|i| format!("{t}{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let twice = format!("{passage} {passage} {}", tail("q", 10));
        let once = format!("{passage} {}", tail("r", 20));
        let opts = Options::default();
        let docs: Vec<Doc> = [&twice, &once]
            .iter()
            .map(|t| Doc::new(&[t], None, &opts))
            .collect();
        let corpus = prepare(docs.iter().map(Shingled::from).collect(), &opts);
        assert_eq!(corpus.docs[0].story_words, corpus.docs[1].story_words);
        let (ab, ba) = (similarity(&corpus, 0, 1), similarity(&corpus, 1, 0));
        assert_eq!(ab, ba);
        assert!(
            (ab - 20.0 / 30.0).abs() < 1e-9,
            "the first in input order is the shorter: {ab}"
        );
    }

    #[test]
    fn unrelated_texts_share_nothing() {
        let s = sims(&[
            STORY,
            "a different story about football and a cup final in spain",
        ]);
        assert_eq!(s[0][1], 0.0);
    }
}
