//! Duplicate articles across a corpus: which cleaned articles are copies of
//! one another, and which copy of each story to keep (issue #14).
//!
//! A scraped corpus holds one story many times: re-scrapes under new URLs,
//! wire copies with a dateline, a new title and a site footer, copies
//! trimmed to their first paragraphs, lightly edited, or updated with new
//! paragraphs. Two articles are *copies* when at least half of the shorter
//! one is the same story text, compared after cleaning, ignoring case,
//! punctuation and spacing, and ignoring text that many unrelated articles
//! share (footers, cookie notices, "Most read" lists).
//!
//! The method, step by step, each in its own file:
//!
//! 1. [`normalise`]: each article becomes word tokens and overlapping
//!    4-word shingles, hashed ([`Doc::new`], pure, run in parallel by the
//!    caller).
//! 2. Articles with the same token sequence are one *exact* class; the rest
//!    of the method works on one representative per class.
//! 3. [`boilerplate`]: a shingle found in more than
//!    [`Options::boilerplate_df`] articles is site furniture, not story
//!    text, and is ignored from here on. This is what stops one shared
//!    footer from chaining unrelated short stories together.
//! 4. [`candidates`]: an inverted index over the remaining shingles gives
//!    every pair of articles that shares a fair part of its text (exact
//!    counts, no sampling, linear in the corpus for a bounded
//!    `boilerplate_df`).
//! 5. [`verify`]: the share of the shorter article's story words that are
//!    covered by shingles also in the longer one. Counting covered words,
//!    not shared shingles, keeps an edited word ("said" to "stated") from
//!    costing the four shingles around it.
//! 6. [`group`]: pairs at or above [`Options::threshold`] are joined,
//!    strongest first, but two groups join only when their members are
//!    copies on average, not through one article that is half of each (a
//!    roundup quoting two stories, a copy with a paragraph "In other news").
//! 7. [`keep`]: which article of each group is kept ([`Keep`]).
//!
//! Everything is a pure function of the articles and their order, so the
//! groups are the same for any number of threads.
//!
//! [`stream`] is the one-pass variant for `--unique` over a stream: each
//! article checked against those kept before it, the first occurrence
//! kept, nothing held of the articles dropped, and of those kept only the
//! most recent within a memory cap.

pub mod boilerplate;
pub mod candidates;
pub mod group;
pub mod keep;
pub mod normalise;
pub mod stream;
pub mod verify;

use std::collections::HashMap;

use crate::Date;

/// Which article of a group is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Keep {
    /// The most complete text (the most story words), then the earliest
    /// date, then the first in input order.
    #[default]
    Complete,
    /// The longest cleaned text in bytes, then the earliest date, then the
    /// first in input order.
    Longest,
    /// The earliest date, then the most complete text, then the first in
    /// input order; articles without a date come last.
    Earliest,
    /// The first in input order (for files: by path).
    First,
}

/// How duplicates are found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The least share of the shorter article's story words that must be
    /// the same text for two articles to be copies: 0.5 is the issue's
    /// "at least half".
    pub threshold: f64,
    /// Words per shingle.
    pub shingle: usize,
    /// A shingle found in more than this many articles (exact copies
    /// counted once) is boilerplate.
    pub boilerplate_df: usize,
    /// Which article of each group is kept.
    pub keep: Keep,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: 0.5,
            shingle: 4,
            boilerplate_df: 20,
            keep: Keep::Complete,
        }
    }
}

/// One article, prepared for comparison: what [`find`] needs and no more.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Shingle hashes, one per start position.
    shingles: Vec<u32>,
    /// Number of word tokens.
    tokens: usize,
    /// Hash of the whole token sequence.
    text_hash: u64,
    /// Length of the cleaned text in bytes.
    text_bytes: usize,
    /// The article's date, if it has one.
    date: Option<Date>,
}

impl Doc {
    /// Prepares an article's cleaned paragraphs. Pure and independent of
    /// other articles, so a corpus can be prepared in parallel.
    pub fn new<S: AsRef<str>>(paragraphs: &[S], date: Option<Date>, opts: &Options) -> Doc {
        let tokens = normalise::tokens(paragraphs);
        Doc {
            shingles: normalise::shingles(&tokens, opts.shingle),
            tokens: tokens.len(),
            text_hash: normalise::text_hash(&tokens),
            text_bytes: paragraphs.iter().map(|p| p.as_ref().len() + 1).sum(),
            date,
        }
    }

    /// The article's signature: the keys under which an engine that groups
    /// by key (Spark, a database) finds the candidate copies of it, as
    /// [`candidates`] does in memory. They are its distinct shingles whose
    /// hash is a multiple of [`SIGNATURE_SAMPLE`], ascending: chosen by
    /// content, so two articles that share a passage share the keys inside
    /// it, about one in [`SIGNATURE_SAMPLE`] of its shingles; an article too
    /// short to have one gets its smallest shingle. Each key is a band of
    /// one in the MinHash sense, sampled for containment, not Jaccard.
    pub fn signature(&self) -> Vec<u32> {
        let mut keys: Vec<u32> = self
            .shingles
            .iter()
            .copied()
            .filter(|h| h % SIGNATURE_SAMPLE == 0)
            .collect();
        if keys.is_empty() {
            keys.extend(self.shingles.iter().min());
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Its shingle hashes, one per start position (a single one over all
    /// its words when it has fewer than a shingle's).
    pub fn shingles(&self) -> &[u32] {
        &self.shingles
    }

    /// Its number of words.
    pub fn words(&self) -> usize {
        self.tokens
    }

    /// A hash of its whole word sequence: equal for exact copies.
    pub fn text_hash(&self) -> u64 {
        self.text_hash
    }

    /// Prepares a cleaned article.
    pub fn from_article(article: &crate::Article, opts: &Options) -> Doc {
        Doc::new(
            &article.paragraphs,
            article.header.as_ref().and_then(|h| h.date),
            opts,
        )
    }
}

/// One shingle in this many, by hash, is a key of [`Doc::signature`]: a
/// copy of half of a 60-word story shares about 3 keys with it.
pub const SIGNATURE_SAMPLE: u32 = 8;

/// How a copy relates to the kept article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The same words in the same order (case, punctuation and spacing
    /// aside).
    Exact,
    /// Not the same text, but at least `threshold` of the shorter one is.
    Near,
}

impl Kind {
    /// The name used in output: `exact` or `near`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::Near => "near",
        }
    }
}

/// An article found to be a copy of a group's kept article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Copy {
    /// Its index in the articles given to [`find`].
    pub index: usize,
    /// The share of the shorter of it and the kept article that is the
    /// same story text, 0 to 1. It can be under the threshold when the
    /// article joined the group through another copy.
    pub similarity: f64,
    /// Exact or near.
    pub kind: Kind,
}

/// Articles that are copies of one another: two or more.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The index of the article to keep.
    pub keep: usize,
    /// The others, in input order.
    pub copies: Vec<Copy>,
}

/// Groups the articles that are copies of one another. Groups come in the
/// order of their kept article; articles that have no copy are in none.
///
/// Takes the articles by value: their shingles become the index in place.
pub fn find(mut docs: Vec<Doc>, opts: &Options) -> Vec<Group> {
    // Exact classes: each article to the first with the same tokens.
    let mut first: HashMap<u64, usize> = HashMap::new();
    let mut class: Vec<usize> = Vec::with_capacity(docs.len());
    let mut reps: Vec<usize> = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        if doc.tokens == 0 {
            class.push(usize::MAX);
            continue;
        }
        let rep = *first.entry(doc.text_hash).or_insert_with(|| {
            reps.push(i);
            i
        });
        class.push(rep);
    }
    let shingled = reps
        .iter()
        .map(|&i| boilerplate::Shingled {
            shingles: std::mem::take(&mut docs[i].shingles),
            words: docs[i].tokens,
        })
        .collect();
    let prepared = boilerplate::prepare(shingled, opts);
    let pairs = candidates::pairs(&prepared, opts);
    let mut sims = verify::Similarities::new(&prepared);
    let rep_groups = group::link(&pairs, &mut sims, opts.threshold);

    // Back from representatives to articles: each class joins its group.
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (g, rg) in rep_groups.iter().enumerate() {
        for &r in rg {
            slot.insert(reps[r], g);
        }
        members.push(Vec::new());
    }
    let mut rep_index: HashMap<usize, usize> = HashMap::new();
    for (r, &i) in reps.iter().enumerate() {
        rep_index.insert(i, r);
    }
    let mut singles: Vec<Vec<usize>> = Vec::new();
    let mut class_slot: HashMap<usize, usize> = HashMap::new();
    for (i, &rep) in class.iter().enumerate() {
        if rep == usize::MAX {
            continue;
        }
        if let Some(&g) = slot.get(&rep) {
            members[g].push(i);
        } else {
            let s = *class_slot.entry(rep).or_insert_with(|| {
                singles.push(Vec::new());
                singles.len() - 1
            });
            singles[s].push(i);
        }
    }
    members.extend(singles);

    let mut groups: Vec<Group> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|m| {
            let kept = keep::choose(&m, &docs, &class, &rep_index, &prepared, opts.keep);
            let copies = m
                .iter()
                .filter(|&&i| i != kept)
                .map(|&i| {
                    if class[i] == class[kept] {
                        Copy {
                            index: i,
                            similarity: 1.0,
                            kind: Kind::Exact,
                        }
                    } else {
                        let s = sims.get(rep_index[&class[i]], rep_index[&class[kept]]);
                        Copy {
                            index: i,
                            similarity: s,
                            kind: Kind::Near,
                        }
                    }
                })
                .collect();
            Group { keep: kept, copies }
        })
        .collect();
    groups.sort_by_key(|g| g.keep);
    groups
}

#[cfg(test)]
mod tests;
