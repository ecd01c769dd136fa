//! Duplicates in a stream: each article is checked, as it comes, against
//! the articles kept before it, and kept only if it is a copy of none of
//! them (`--unique` over JSON Lines records; issue #14). The first
//! occurrence of a story is the one kept, in input order, and nothing is
//! held of an article but what later comparisons need: its shingles, not
//! its text, and nothing at all of an article that was dropped.
//!
//! The test is [`find`](super::find)'s (the share of the shorter article's
//! story words covered by shingles the other also has, at
//! [`Options::threshold`]), with two differences a single pass imposes:
//!
//! - Boilerplate is what the articles kept *so far* share: a shingle
//!   becomes boilerplate once it is in more than
//!   [`Options::boilerplate_df`] kept articles. Before a site's footer has
//!   been seen that often, it still counts as story text, so two short
//!   stories of one site early in a stream can be taken for copies.
//! - There is no grouping: an article is dropped as a copy of the kept
//!   article it is most similar to, so nothing chains.
//!
//! The index maps each shingle to the first kept article that has it and
//! to how many kept articles have it: 12 bytes a distinct shingle, plus the
//! kept article's own shingles (4 bytes a word), so memory grows with the
//! text kept, never with the text dropped.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::boilerplate::mark_words;
use super::candidates::MIN_SHARED;
use super::{Doc, Kind, Options};

/// What [`Seen::check`] decided about an article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// The first of its story: keep it. It is now indexed as the kept
    /// article numbered `kept` (0 for the first kept).
    Unique {
        /// Its number among the kept articles.
        kept: usize,
    },
    /// A copy of an article kept earlier: drop it.
    Copy {
        /// The number of that kept article (as in [`Verdict::Unique`]).
        of: usize,
        /// The share of the shorter of the two that is the same story
        /// text, 0 to 1.
        similarity: f64,
        /// Exact or near.
        kind: Kind,
    },
}

/// The articles kept so far, indexed for [`Seen::check`].
#[derive(Debug, Default)]
pub struct Seen {
    opts: Options,
    /// Whole-text hash to the kept article with that text.
    exact: HashMap<u64, u32, Mixed>,
    /// Shingle to (first kept article that has it, kept articles that have
    /// it).
    index: HashMap<u32, (u32, u32), Mixed>,
    /// Each kept article's shingles, in text order, its word count and its
    /// number of distinct shingles.
    kept: Vec<(Box<[u32]>, u32, u32)>,
}

impl Seen {
    /// Nothing seen yet.
    pub fn new(opts: &Options) -> Seen {
        Seen {
            opts: *opts,
            ..Seen::default()
        }
    }

    /// How many articles have been kept.
    pub fn kept(&self) -> usize {
        self.kept.len()
    }

    /// Decides whether `doc` is a copy of an article kept before it, and
    /// keeps it (indexes it) if not. An article with no words is kept and
    /// not indexed: it is a copy of nothing.
    pub fn check(&mut self, doc: Doc) -> Verdict {
        if doc.tokens == 0 {
            return self.keep(doc, false);
        }
        if let Some(&of) = self.exact.get(&doc.text_hash) {
            return Verdict::Copy {
                of: of as usize,
                similarity: 1.0,
                kind: Kind::Exact,
            };
        }
        let mut best: Option<(f64, u32)> = None;
        for k in self.candidates(&doc.shingles) {
            let s = self.similarity(&doc.shingles, doc.tokens, k);
            if s >= self.opts.threshold && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, k));
            }
        }
        match best {
            Some((similarity, of)) => Verdict::Copy {
                of: of as usize,
                similarity,
                kind: Kind::Near,
            },
            None => self.keep(doc, true),
        }
    }

    fn keep(&mut self, doc: Doc, indexed: bool) -> Verdict {
        let k = self.kept.len() as u32;
        let mut distinct = doc.shingles.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if indexed {
            self.exact.insert(doc.text_hash, k);
            for &h in &distinct {
                let entry = self.index.entry(h).or_insert((k, 0));
                entry.1 = entry.1.saturating_add(1);
            }
        }
        self.kept.push((
            doc.shingles.into_boxed_slice(),
            doc.tokens as u32,
            distinct.len() as u32,
        ));
        Verdict::Unique { kept: k as usize }
    }

    fn is_boiler(&self, h: u32) -> bool {
        self.index
            .get(&h)
            .is_some_and(|&(_, df)| df as usize > self.opts.boilerplate_df)
    }

    /// Kept articles that first had at least [`MIN_SHARED`] of the distinct
    /// story shingles of the smaller of the two, in the order they were
    /// kept.
    fn candidates(&self, shingles: &[u32]) -> Vec<u32> {
        let mut distinct = shingles.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let mut story = 0usize;
        let mut count: HashMap<u32, usize> = HashMap::new();
        for h in &distinct {
            match self.index.get(h) {
                Some(&(_, df)) if df as usize > self.opts.boilerplate_df => {}
                Some(&(first, _)) => {
                    story += 1;
                    *count.entry(first).or_default() += 1;
                }
                None => story += 1,
            }
        }
        let mut out: Vec<u32> = count
            .into_iter()
            .filter(|&(k, n)| {
                let smaller = story.min(self.kept[k as usize].2 as usize);
                n as f64 >= (MIN_SHARED * smaller as f64).max(1.0)
            })
            .map(|(k, _)| k)
            .collect();
        out.sort_unstable();
        out
    }

    /// The share of the shorter of the new article and kept article `k`
    /// that lies inside shingles the other also has, in story words.
    fn similarity(&self, shingles: &[u32], words: usize, k: u32) -> f64 {
        let (kept, kept_words, _) = &self.kept[k as usize];
        let kept_words = *kept_words as usize;
        let story = |ids: &[u32], words: usize| {
            let mut boiler = vec![false; words];
            let width = self.opts.shingle.max(1).min(words);
            mark_words(ids.iter().map(|&h| self.is_boiler(h)), width, &mut boiler);
            boiler
        };
        let new_boiler = story(shingles, words);
        let kept_boiler = story(kept, kept_words);
        let new_story = new_boiler.iter().filter(|&&b| !b).count();
        let kept_story = kept_boiler.iter().filter(|&&b| !b).count();
        let (short, short_words, boiler, long): (&[u32], usize, &[bool], &[u32]) =
            if kept_story < new_story {
                (kept, kept_words, &kept_boiler, shingles)
            } else {
                (shingles, words, &new_boiler, kept)
            };
        if short_words == 0 || boiler.iter().all(|&b| b) {
            return 0.0;
        }
        let long: HashSet<u32, Mixed> = long.iter().copied().collect();
        let width = self.opts.shingle.max(1).min(short_words);
        let mut covered = vec![false; short_words];
        let shared = short
            .iter()
            .map(|h| !self.is_boiler(*h) && long.contains(h));
        mark_words(shared, width, &mut covered);
        let same = covered.iter().filter(|&&c| c).count();
        let total = covered
            .iter()
            .zip(boiler)
            .filter(|&(&c, &b)| c || !b)
            .count();
        same as f64 / total as f64
    }
}

/// Shingle and text hashes are already well mixed: their own bits pick the
/// bucket, with no second hash.
type Mixed = BuildHasherDefault<Identity>;

/// A hasher that passes an integer key through.
#[derive(Debug, Default)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u32(&mut self, n: u32) {
        // Spread into the high bits too: hashbrown takes its control bits
        // from the top of the hash.
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        Doc::new(&[text], None, &Options::default())
    }

    fn words(tag: &str, n: usize) -> String {
        (0..n)
            .map(|i| format!("{tag}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_first_occurrence_is_kept_and_later_copies_dropped() {
        let mut seen = Seen::new(&Options::default());
        let story = words("s", 60);
        let trimmed = words("s", 25);
        assert_eq!(seen.check(doc(&trimmed)), Verdict::Unique { kept: 0 });
        assert_eq!(
            seen.check(doc(&words("o", 60))),
            Verdict::Unique { kept: 1 }
        );
        // The longer story holds all of the trimmed one kept first.
        match seen.check(doc(&story)) {
            Verdict::Copy {
                of: 0,
                kind: Kind::Near,
                similarity,
            } => {
                assert!(similarity > 0.99)
            }
            other => panic!("{other:?}"),
        }
        match seen.check(doc(&trimmed.to_uppercase())) {
            Verdict::Copy {
                of: 0,
                kind: Kind::Exact,
                ..
            } => {}
            other => panic!("{other:?}"),
        }
        assert_eq!(seen.kept(), 2, "dropped articles are not kept");
    }

    #[test]
    fn a_shared_footer_stops_counting_once_many_articles_have_it() {
        let opts = Options::default();
        let footer = words("footer", 30);
        let mut seen = Seen::new(&opts);
        for i in 0..=opts.boilerplate_df {
            let text = format!("{} {footer}", words(&format!("t{i}x"), 40));
            assert!(matches!(seen.check(doc(&text)), Verdict::Unique { .. }));
        }
        // A short story with the footer: most of it is footer, but the
        // footer is boilerplate by now.
        let short = format!("{} {footer}", words("late", 10));
        assert!(matches!(seen.check(doc(&short)), Verdict::Unique { .. }));
    }

    #[test]
    fn an_empty_article_is_kept_and_is_a_copy_of_nothing() {
        let mut seen = Seen::new(&Options::default());
        assert_eq!(seen.check(doc("")), Verdict::Unique { kept: 0 });
        assert_eq!(seen.check(doc("...")), Verdict::Unique { kept: 1 });
    }
}
