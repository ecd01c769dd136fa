//! Duplicates in a stream: each article is checked, as it comes, against
//! the articles kept before it, and kept only if it is a copy of none of
//! them (`--unique` over JSON Lines records; issue #14). The first
//! occurrence of a story is the one kept, in input order, and nothing is
//! held of an article but what later comparisons need: its shingles, not
//! its text, and nothing at all of an article that was dropped.
//!
//! The test is [`find`](super::find)'s (the share of the shorter article's
//! story words covered by shingles the other also has, at
//! [`Options::threshold`]), with differences a single pass in bounded
//! memory imposes:
//!
//! - Boilerplate is what the articles kept *so far* share: a shingle
//!   becomes boilerplate once it is in more than
//!   [`Options::boilerplate_df`] kept articles. Before a site's footer has
//!   been seen that often, it still counts as story text, so two short
//!   stories of one site early in a stream can be taken for copies.
//! - There is no grouping: an article is dropped as a copy of the kept
//!   article it is most similar to, so nothing chains.
//! - Candidates are found through one shingle in [`SAMPLE`] (by hash, as
//!   the `--signature` keys are chosen), not every shingle: the index is a
//!   quarter of the size, and a copy that shares a passage shares about a
//!   quarter of its shingles as keys. Each pair found is then compared on
//!   every shingle, as `--duplicates` does.
//! - Memory is capped ([`Seen::with_memory`], `--memory`): past the cap the
//!   oldest kept articles are forgotten, so a copy of one of them that
//!   comes later is kept again. A news stream's copies follow their story
//!   within days; the cap holds hundreds of thousands of articles.
//!
//! What is held, and its cost (see [`BYTES_PER_WORD`]): each kept
//! article's shingles (4 bytes a word); how many kept articles hold each
//! shingle, as one byte in a table indexed by the shingle's hash (a
//! counting sketch: two shingles that share a byte count for each other,
//! and the table has at least one byte per shingle held, so that matters
//! only when some 20 of them meet in one byte); and the sampled keys, each
//! with the first kept article that holds it, in a flat table (8 bytes a
//! slot). The general-purpose hash maps these replace cost three and a
//! half times as much a word (40 bytes against 11.4, measured).

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use super::boilerplate::mark_words;
use super::candidates::MIN_SHARED;
use super::{Doc, Kind, Options};

/// One shingle in this many, by hash, is a key of the index.
pub const SAMPLE: u32 = 4;

/// The most bytes a word of kept text costs, all tables counted at their
/// fullest (each grows by doubling): its shingle (4), its byte of the
/// counting sketch (at most 2, the table being a power of two no smaller
/// than the shingles held), its share of the key table (8 bytes a slot, at
/// least 3 in 8 full, one key in [`SAMPLE`] shingles: under 6). The cap
/// counts this for every word, whatever is in use, so the tables stay
/// within it unless a text has far more than one shingle in [`SAMPLE`] as
/// keys; in use were 11.4 bytes a word on a generated stream (README).
pub const BYTES_PER_WORD: usize = 12;

/// The most bytes a kept article costs besides its words: its entry in
/// the list of kept articles and in the table of exact texts, and the
/// allocation of its shingles, each at its table's fullest.
pub const BYTES_PER_ARTICLE: usize = 128;

/// The default cap of [`Seen::new`]: 1 GiB.
pub const DEFAULT_MEMORY: usize = 1 << 30;

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

/// A kept article, as long as it is remembered.
#[derive(Debug)]
struct Kept {
    /// Shingle hashes, in text order.
    shingles: Box<[u32]>,
    /// Number of words.
    words: u32,
    /// Number of distinct sampled shingles (keys).
    keys: u32,
    /// Hash of the whole text.
    text_hash: u64,
    /// Whether it is in the tables (an article with no words is not).
    indexed: bool,
}

/// The articles kept so far, the most recent ones within the memory cap,
/// indexed for [`Seen::check`].
#[derive(Debug)]
pub struct Seen {
    opts: Options,
    /// The cap, in bytes as [`BYTES_PER_WORD`] and [`BYTES_PER_ARTICLE`]
    /// count them, and what the kept articles remembered cost.
    cap: usize,
    cost: usize,
    /// Whole-text hash to the kept article with that text.
    exact: HashMap<u64, u32, Mixed>,
    /// Sampled shingle to the first remembered kept article holding it.
    keys: Keys,
    /// In how many remembered kept articles each shingle is.
    counts: Counts,
    /// The remembered kept articles, oldest first; the first is numbered
    /// `first`.
    kept: VecDeque<Kept>,
    first: u32,
    /// Shingles of the remembered kept articles.
    shingles: usize,
}

impl Seen {
    /// Nothing seen yet; memory capped at [`DEFAULT_MEMORY`].
    pub fn new(opts: &Options) -> Seen {
        Seen::with_memory(opts, DEFAULT_MEMORY)
    }

    /// Nothing seen yet; past `bytes` (as [`BYTES_PER_WORD`] and
    /// [`BYTES_PER_ARTICLE`] count them) the oldest kept articles are
    /// forgotten. The article kept last is always remembered.
    pub fn with_memory(opts: &Options, bytes: usize) -> Seen {
        Seen {
            opts: *opts,
            cap: bytes,
            cost: 0,
            exact: HashMap::default(),
            keys: Keys::default(),
            counts: Counts::default(),
            kept: VecDeque::new(),
            first: 0,
            shingles: 0,
        }
    }

    /// How many articles have been kept.
    pub fn kept(&self) -> usize {
        self.first as usize + self.kept.len()
    }

    /// How many kept articles have been forgotten to stay within the cap.
    pub fn forgotten(&self) -> usize {
        self.first as usize
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
        let k = self.kept() as u32;
        let mut keys = 0;
        if indexed {
            self.exact.insert(doc.text_hash, k);
            let distinct = distinct(&doc.shingles);
            self.shingles += doc.shingles.len();
            if self.counts.len() < self.shingles {
                self.recount(self.shingles);
            }
            for &h in &distinct {
                self.counts.add(h);
                if h % SAMPLE == 0 {
                    keys += 1;
                    self.keys.insert(h, k);
                }
            }
        }
        self.cost += cost(doc.tokens);
        self.kept.push_back(Kept {
            shingles: doc.shingles.into_boxed_slice(),
            words: doc.tokens as u32,
            keys,
            text_hash: doc.text_hash,
            indexed,
        });
        while self.cost > self.cap && self.kept.len() > 1 {
            self.forget();
        }
        Verdict::Unique { kept: k as usize }
    }

    /// Forgets the oldest remembered kept article.
    fn forget(&mut self) {
        let old = self.kept.pop_front().expect("a kept article to forget");
        let k = self.first;
        self.first += 1;
        self.cost -= cost(old.words as usize);
        if !old.indexed {
            return;
        }
        if self.exact.get(&old.text_hash) == Some(&k) {
            self.exact.remove(&old.text_hash);
        }
        self.shingles -= old.shingles.len();
        for h in distinct(&old.shingles) {
            self.counts.remove(h);
            if h % SAMPLE == 0 && self.keys.get(h) == Some(k) {
                self.keys.remove(h);
            }
        }
    }

    /// A counting sketch of at least `n` bytes, filled from the kept
    /// articles remembered: the table only grows, so that it stays a byte
    /// or more per shingle held.
    fn recount(&mut self, n: usize) {
        self.counts = Counts::with_len(n);
        for kept in self.kept.iter().filter(|k| k.indexed) {
            for h in distinct(&kept.shingles) {
                self.counts.add(h);
            }
        }
    }

    fn get(&self, k: u32) -> &Kept {
        &self.kept[(k - self.first) as usize]
    }

    fn is_boiler(&self, h: u32) -> bool {
        self.counts.get(h) as usize > self.opts.boilerplate_df
    }

    /// Kept articles that first had at least [`MIN_SHARED`] of the distinct
    /// story keys of the smaller of the two, in the order they were kept.
    fn candidates(&self, shingles: &[u32]) -> Vec<u32> {
        let mut story = 0usize;
        let mut count: HashMap<u32, usize> = HashMap::new();
        for h in distinct(shingles) {
            if h % SAMPLE != 0 || self.is_boiler(h) {
                continue;
            }
            story += 1;
            if let Some(first) = self.keys.get(h) {
                *count.entry(first).or_default() += 1;
            }
        }
        let mut out: Vec<u32> = count
            .into_iter()
            .filter(|&(k, n)| {
                let smaller = story.min(self.get(k).keys as usize);
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
        let kept = self.get(k);
        let (kept, kept_words) = (&kept.shingles[..], kept.words as usize);
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

/// What a kept article of `words` words counts against the cap.
fn cost(words: usize) -> usize {
    BYTES_PER_WORD * words + BYTES_PER_ARTICLE
}

/// The distinct values of `shingles`, ascending.
fn distinct(shingles: &[u32]) -> Vec<u32> {
    let mut d = shingles.to_vec();
    d.sort_unstable();
    d.dedup();
    d
}

/// In how many kept articles each shingle is, one saturating byte per
/// bucket of hashes: a counting sketch. A byte at its maximum stays there
/// (its true count is lost), so such a shingle stays boilerplate.
#[derive(Debug, Default)]
struct Counts {
    cells: Vec<u8>,
}

impl Counts {
    /// A power of two of at least `n` bytes.
    fn with_len(n: usize) -> Counts {
        Counts {
            cells: vec![0; n.max(1024).next_power_of_two()],
        }
    }

    fn len(&self) -> usize {
        self.cells.len()
    }

    fn cell(&self, h: u32) -> usize {
        // The key table takes the low bits of the same hash: the high ones
        // here, so a full run there is no full run here.
        (h.rotate_left(16) as usize) & (self.cells.len() - 1)
    }

    fn get(&self, h: u32) -> u8 {
        if self.cells.is_empty() {
            return 0; // nothing kept yet
        }
        self.cells[self.cell(h)]
    }

    fn add(&mut self, h: u32) {
        let i = self.cell(h);
        self.cells[i] = self.cells[i].saturating_add(1);
    }

    fn remove(&mut self, h: u32) {
        let i = self.cell(h);
        if self.cells[i] != u8::MAX {
            self.cells[i] -= 1;
        }
    }
}

/// Sampled shingle to the first remembered kept article holding it: open
/// addressing with linear probing over (key, article) pairs, at most three
/// quarters full, with deletion by shifting back (no tombstones, so a table
/// that keys come and go through stays as full as what it holds).
#[derive(Debug, Default)]
struct Keys {
    slots: Vec<(u32, u32)>,
    len: usize,
}

/// An empty slot's article.
const EMPTY: u32 = u32::MAX;

impl Keys {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot holding `h`, or the empty one where it would go.
    fn find(&self, h: u32) -> usize {
        let mut i = h as usize & self.mask();
        while self.slots[i].1 != EMPTY && self.slots[i].0 != h {
            i = (i + 1) & self.mask();
        }
        i
    }

    fn get(&self, h: u32) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let (key, k) = self.slots[self.find(h)];
        (k != EMPTY && key == h).then_some(k)
    }

    /// Records `k` as holding `h`, unless an earlier article does.
    fn insert(&mut self, h: u32, k: u32) {
        if 4 * (self.len + 1) > 3 * self.slots.len() {
            self.grow();
        }
        let i = self.find(h);
        if self.slots[i].1 == EMPTY {
            self.slots[i] = (h, k);
            self.len += 1;
        }
    }

    fn remove(&mut self, h: u32) {
        if self.slots.is_empty() {
            return;
        }
        let mut i = self.find(h);
        if self.slots[i].1 == EMPTY {
            return;
        }
        self.len -= 1;
        // Shift back each later entry of the run that may move to the hole
        // (its home slot is not in the run between the hole and itself).
        let mut j = i;
        loop {
            j = (j + 1) & self.mask();
            if self.slots[j].1 == EMPTY {
                break;
            }
            let home = self.slots[j].0 as usize & self.mask();
            let stays = if i <= j {
                i < home && home <= j
            } else {
                i < home || home <= j
            };
            if !stays {
                self.slots[i] = self.slots[j];
                i = j;
            }
        }
        self.slots[i] = (0, EMPTY);
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![(0, EMPTY); (2 * old.len()).max(1024)];
        for (h, k) in old.into_iter().filter(|s| s.1 != EMPTY) {
            let i = self.find(h);
            self.slots[i] = (h, k);
        }
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
    fn past_the_cap_the_oldest_kept_are_forgotten_and_their_copies_kept_again() {
        let opts = Options::default();
        let stories: Vec<String> = (0..10).map(|i| words(&format!("s{i}x"), 60)).collect();
        let trimmed = |i: usize| words(&format!("s{i}x"), 40);
        // Room for three stories of 60 words and a half.
        let mut seen = Seen::with_memory(&opts, 3 * cost(60) + cost(60) / 2);
        for s in &stories {
            assert!(matches!(seen.check(doc(s)), Verdict::Unique { .. }));
        }
        assert_eq!((seen.kept(), seen.forgotten()), (10, 7));
        // The last three are remembered: their copies, exact or trimmed,
        // are dropped.
        assert!(matches!(
            seen.check(doc(&stories[9])),
            Verdict::Copy {
                of: 9,
                kind: Kind::Exact,
                ..
            }
        ));
        assert!(matches!(
            seen.check(doc(&trimmed(7))),
            Verdict::Copy {
                of: 7,
                kind: Kind::Near,
                ..
            }
        ));
        // The oldest are not: a copy of one is the first of its story again.
        assert_eq!(seen.check(doc(&stories[0])), Verdict::Unique { kept: 10 });
        assert_eq!(seen.check(doc(&trimmed(1))), Verdict::Unique { kept: 11 });
        assert_eq!(seen.forgotten(), 9);
    }

    #[test]
    fn with_room_enough_nothing_is_forgotten() {
        let mut seen = Seen::new(&Options::default());
        for i in 0..50 {
            seen.check(doc(&words(&format!("s{i}x"), 60)));
        }
        assert_eq!(seen.forgotten(), 0);
        assert!(matches!(
            seen.check(doc(&words("s0x", 40))),
            Verdict::Copy { of: 0, .. }
        ));
    }

    #[test]
    fn the_key_table_finds_every_key_left_after_removals() {
        let mut keys = Keys::default();
        // Keys that crowd into few home slots, so runs wrap and shift.
        let all: Vec<u32> = (0..5000u32).map(|i| (i % 700) | (i << 20)).collect();
        for (k, &h) in all.iter().enumerate() {
            keys.insert(h, k as u32);
        }
        keys.insert(all[0], 99_999);
        assert_eq!(keys.get(all[0]), Some(0), "the first holder stays");
        for &h in all.iter().step_by(3) {
            keys.remove(h);
        }
        for (k, &h) in all.iter().enumerate() {
            let want = (k % 3 != 0).then_some(k as u32);
            assert_eq!(keys.get(h), want, "key {h}");
        }
        assert_eq!(keys.len, all.len() - all.len().div_ceil(3));
    }

    #[test]
    fn an_empty_article_is_kept_and_is_a_copy_of_nothing() {
        let mut seen = Seen::new(&Options::default());
        assert_eq!(seen.check(doc("")), Verdict::Unique { kept: 0 });
        assert_eq!(seen.check(doc("...")), Verdict::Unique { kept: 1 });
    }
}
