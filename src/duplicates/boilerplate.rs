//! Text that many unrelated articles share: site footers, cookie notices,
//! "Most read" lists, bylines. It is not story text, so it must neither
//! make two articles copies nor count towards an article's length.
//!
//! A shingle found in more than [`Options::boilerplate_df`] articles (exact
//! copies counted once) is boilerplate. On dups-dev a story's shingles are
//! in at most 5 articles (the story and its copies), while footer, cookie
//! notice and "Most read" shingles are in 6 to 80. Limits of 8 and 20
//! both gave the true groups there; the default of 20 leaves room for a story
//! republished up to 20 times and still catches the furniture of any site
//! with more than 20 articles in the corpus. Without this step one shared
//! footer chains dozens of unrelated short stories into one group (issue
//! #14: MinHash at threshold 0.3 falls to precision 0.73 for that reason).
//!
//! Counting builds the index the later steps use, in two passes over the
//! shingles, hashing only in the first: each shingle shared by 2 to
//! `boilerplate_df` articles gets an id and a posting list (the articles
//! that hold it, ascending), and each article keeps the id at each of its
//! positions. Comparing two articles then needs no hashing and no sorting.

use super::{Doc, Options};

/// The id at a position whose shingle no other article has.
pub const UNIQUE: u32 = u32::MAX;
/// The id at a position whose shingle is boilerplate.
pub const BOILER: u32 = u32::MAX - 1;

/// What this step needs of an article: its shingles, which become its
/// ids in place (no copy: page faults on fresh memory were a large part of
/// the cost), and its number of words.
#[derive(Debug, Clone)]
pub struct Shingled {
    /// Shingle hashes, one per start position.
    pub shingles: Vec<u32>,
    /// Number of words.
    pub words: usize,
}

impl From<&Doc> for Shingled {
    fn from(doc: &Doc) -> Shingled {
        Shingled {
            shingles: doc.shingles.clone(),
            words: doc.tokens,
        }
    }
}

/// One article, with each shingle marked as shared story text (an id),
/// its own ([`UNIQUE`]) or boilerplate ([`BOILER`]).
#[derive(Debug)]
pub struct Prepared {
    /// Number of words.
    pub words: usize,
    /// The shingle id at each position.
    pub ids: Vec<u32>,
    /// Distinct story shingles (not boilerplate).
    pub story_shingles: usize,
    /// Words not covered by any boilerplate shingle.
    pub story_words: usize,
}

impl Prepared {
    /// Words per shingle in this article: the corpus-wide size, or all of
    /// its words when it has fewer.
    pub fn width(&self, n: usize) -> usize {
        n.max(1).min(self.words)
    }
}

/// The articles prepared, and the posting lists of shared story shingles.
#[derive(Debug)]
pub struct Corpus {
    /// One per article given, in order.
    pub docs: Vec<Prepared>,
    /// For each shingle id, its range in `postings`: start and length.
    pub table: Vec<(u32, u32)>,
    /// The articles holding each shingle, ascending, one list after another.
    pub postings: Vec<u32>,
    /// Words per shingle.
    pub shingle: usize,
}

impl Corpus {
    /// The articles that hold shingle `id`, ascending.
    pub fn holders(&self, id: u32) -> &[u32] {
        let (start, len) = self.table[id as usize];
        &self.postings[start as usize..(start + len) as usize]
    }
}

/// Distinct shingle hashes to dense numbers 0, 1, 2, ... in order of
/// first sight: open addressing with linear probing over (key, number)
/// pairs side by side, so a lookup is one cache miss, not the two of a
/// general-purpose table (this lookup, once per shingle, was the slowest
/// step of preparing the corpus). Hashes are already mixed, so their own
/// bits pick the slot.
struct Numbering {
    /// Hash and number + 1, side by side, for each slot; a number of 0
    /// marks an empty slot. Plain `u32`s, so that the memory can be reused
    /// for the posting lists once numbering is done ([`Numbering::into_vec`]).
    slots: Vec<u32>,
    mask: usize,
    len: u32,
}

impl Numbering {
    /// A table for about `n` distinct hashes before it grows.
    fn with_capacity(n: usize) -> Numbering {
        let size = (n + n / 3).max(16).next_power_of_two();
        Numbering {
            slots: vec![0; 2 * size],
            mask: size - 1,
            len: 0,
        }
    }

    /// The number of `h`, and whether it is new.
    fn number(&mut self, h: u32) -> (u32, bool) {
        // At most three quarters full: short probes, a table small enough
        // to stay in the cache longer.
        if 4 * (self.len as usize + 1) > 3 * (self.mask + 1) {
            self.grow();
        }
        let mut i = h as usize & self.mask;
        loop {
            let (key, n) = (self.slots[2 * i], self.slots[2 * i + 1]);
            if n == 0 {
                self.len += 1;
                self.slots[2 * i] = h;
                self.slots[2 * i + 1] = self.len;
                return (self.len - 1, true);
            }
            if key == h {
                return (n - 1, false);
            }
            i = (i + 1) & self.mask;
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let size = 2 * (self.mask + 1);
        self.slots = vec![0; 2 * size];
        self.mask = size - 1;
        for pair in old.chunks_exact(2).filter(|p| p[1] != 0) {
            let mut i = pair[0] as usize & self.mask;
            while self.slots[2 * i + 1] != 0 {
                i = (i + 1) & self.mask;
            }
            self.slots[2 * i] = pair[0];
            self.slots[2 * i + 1] = pair[1];
        }
    }

    /// The table's memory, emptied, for another use.
    fn into_vec(self) -> Vec<u32> {
        let mut v = self.slots;
        v.clear();
        v
    }
}

/// Counts in how many of `docs` each shingle occurs, marks boilerplate and
/// indexes the rest. `docs` are distinct texts (one per exact class), so
/// re-scrapes are counted once.
pub fn prepare(mut docs: Vec<Shingled>, opts: &Options) -> Corpus {
    // Pass 1: each distinct shingle to a dense number, in order of first
    // sight (so everything after is deterministic), with its count.
    let total: usize = docs.iter().map(|d| d.shingles.len()).sum();
    // About half the shingles of a corpus are distinct (dups-dev: 46%).
    let mut dense = Numbering::with_capacity(total / 2);
    // For each number, side by side: in how many articles, and the last
    // article that counted it (index + 1).
    let mut counts: Vec<u32> = Vec::with_capacity(total);
    for (i, doc) in docs.iter_mut().enumerate() {
        let mark = i as u32 + 1;
        for h in &mut doc.shingles {
            let (k, new) = dense.number(*h);
            if new {
                counts.extend([0, 0]);
            }
            let at = 2 * k as usize;
            if counts[at + 1] != mark {
                counts[at + 1] = mark;
                counts[at] += 1;
            }
            *h = k;
        }
    }
    // Memory already touched is reused below: fresh pages cost more here
    // than the work done on them.
    let mut postings = dense.into_vec();

    // Each number to what it is: boilerplate, unique, or the id of a shared
    // shingle with room for its posting list. A small array, so the second
    // pass reads it from the cache.
    let max_df = opts.boilerplate_df as u32;
    let distinct = counts.len() / 2;
    let shared = (0..distinct)
        .filter(|&k| (2..=max_df).contains(&counts[2 * k]))
        .count();
    let mut table: Vec<(u32, u32)> = Vec::with_capacity(shared);
    let mut room = 0u32;
    for k in 0..distinct {
        let df = counts[2 * k];
        counts[k] = if df > max_df {
            BOILER
        } else if df == 1 {
            UNIQUE
        } else {
            table.push((room, 0));
            room += df;
            table.len() as u32 - 1
        };
    }
    counts.truncate(distinct);
    let code = counts;

    // Pass 2: ids in place of numbers, and the posting lists filled in
    // article order (so an article is in a list once, however often the
    // shingle occurs in it).
    postings.resize(room as usize, u32::MAX);
    let mut boiler: Vec<bool> = Vec::new();
    let prepared = docs
        .iter_mut()
        .enumerate()
        .map(|(i, doc)| {
            let i = i as u32;
            let mut ids = std::mem::take(&mut doc.shingles);
            let mut story_shingles = 0;
            for slot in &mut ids {
                let id = code[*slot as usize];
                *slot = id;
                match id {
                    BOILER => {}
                    // Only this article has it (a repeat within it, rare,
                    // counts twice: this is for a 15% pre-filter).
                    UNIQUE => story_shingles += 1,
                    id => {
                        let (start, len) = &mut table[id as usize];
                        if *len == 0 || postings[(*start + *len - 1) as usize] != i {
                            postings[(*start + *len) as usize] = i;
                            *len += 1;
                            story_shingles += 1;
                        }
                    }
                }
            }
            let width = opts.shingle.max(1).min(doc.words);
            boiler.clear();
            boiler.resize(doc.words, false);
            mark_words(ids.iter().map(|&id| id == BOILER), width, &mut boiler);
            Prepared {
                words: doc.words,
                story_words: boiler.iter().filter(|&&b| !b).count(),
                story_shingles,
                ids,
            }
        })
        .collect();
    Corpus {
        docs: prepared,
        table,
        postings,
        shingle: opts.shingle,
    }
}

/// Sets `mask[j..j + width]` for each position `j` where `flags` is true,
/// in one pass.
pub fn mark_words(flags: impl Iterator<Item = bool>, width: usize, mask: &mut [bool]) {
    let mut until = 0; // one past the last word covered so far
    for (j, f) in flags.enumerate() {
        if f {
            let end = (j + width).min(mask.len());
            for m in &mut mask[until.max(j)..end] {
                *m = true;
            }
            until = until.max(end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        Doc::new(&[text], None, &Options::default())
    }

    #[test]
    fn a_shingle_in_many_articles_is_boilerplate_and_not_story() {
        let footer = "follow us on every network and sign up to our newsletter";
        let docs: Vec<Doc> = (0..5)
            .map(|i| doc(&format!("story number {i} is about thing {i} {footer}")))
            .collect();
        let opts = Options {
            boilerplate_df: 3,
            ..Options::default()
        };
        let corpus = prepare(docs.iter().map(Shingled::from).collect(), &opts);
        for p in &corpus.docs {
            // "story number N is about thing N": 7 words. The footer's
            // shingles are boilerplate, and the words they cover too.
            assert_eq!(p.story_words, 7, "{p:?}");
            assert!(p.ids.contains(&BOILER));
        }
        // Only "story number", "is about thing" and such are shared and
        // indexed; no posting list names more than 3 articles.
        assert!(corpus.table.iter().all(|&(_, len)| len <= 3));
    }

    #[test]
    fn posting_lists_name_each_holder_once_in_order() {
        let a = doc("one two three four one two three four");
        let b = doc("one two three four five");
        let corpus = prepare(vec![(&a).into(), (&b).into()], &Options::default());
        let id = corpus.docs[1].ids[0];
        assert_eq!(corpus.holders(id), [0, 1]);
        assert_eq!(corpus.docs[1].ids[1], UNIQUE);
        assert_eq!(corpus.docs[0].story_shingles, 4);
    }

    #[test]
    fn numbering_is_dense_in_order_of_first_sight_and_survives_growth() {
        let mut t = Numbering::with_capacity(1);
        let keys: Vec<u32> = (0..1000u32)
            .map(|k| k.wrapping_mul(2_654_435_761))
            .collect();
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(t.number(k), (n as u32, true));
        }
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(t.number(k), (n as u32, false));
        }
    }

    #[test]
    fn mark_words_covers_each_flagged_window_once() {
        let mut mask = vec![false; 8];
        mark_words([false, true, true, false, false].into_iter(), 3, &mut mask);
        assert_eq!(mask, [false, true, true, true, true, false, false, false]);
    }
}
