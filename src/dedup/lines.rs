//! Body lines as distinct texts and, for each line, which text it is.
//!
//! A hostile file of four million `a` lines held as one `&str` a line
//! costs 16 bytes a line before anything is compared (64 MB for 8 MB of
//! input, issue 13). Identical lines are exact copies, so each text is held
//! once and a line is a `u32`: 4 bytes a line. Every step that reads lines
//! one by one in order (containers, repeats, the longest line) reads them
//! through the ids, so behaviour is that of the full list; a step whose
//! outcome is the same for every copy of a text reads each text once.

use super::*;

/// Lines as texts and ids. Every text is some line's, and texts are in
/// order of their first line: the first line of text `k + 1` comes after
/// the first line of text `k`.
#[derive(Clone, Debug)]
pub(crate) struct Lines<'a> {
    texts: Vec<&'a str>,
    /// Which text each line is; `None`: line `i` is text `i` (a pass's
    /// paragraphs as lines, a million at times: 4 bytes each, issue 13).
    ids: Option<Cow<'a, [u32]>>,
    /// Texts are made distinct ([`intern`]): no byte-identical lines need
    /// dropping before they are squeezed. Two equal texts may still be
    /// (the reader keeps a line it decoded apart from one written so);
    /// their squeezed bytes are then found equal, with the same outcome.
    distinct: bool,
}

impl<'a> Lines<'a> {
    /// Each line a text of its own, as given (equal ones too).
    pub(crate) fn each(texts: Vec<&'a str>) -> Self {
        Lines {
            texts,
            ids: None,
            distinct: false,
        }
    }

    /// `texts` and `ids` as [`intern`] makes them: distinct texts in order
    /// of their first line.
    pub(crate) fn interned(texts: Vec<&'a str>, ids: &'a [u32]) -> Self {
        Lines {
            texts,
            ids: Some(Cow::Borrowed(ids)),
            distinct: true,
        }
    }

    /// The texts, given back.
    pub(crate) fn into_texts(self) -> Vec<&'a str> {
        self.texts
    }

    /// The number of lines (not of texts).
    pub(crate) fn len(&self) -> usize {
        self.ids.as_ref().map_or(self.texts.len(), |ids| ids.len())
    }

    /// The text of line `i`.
    #[inline]
    fn id(&self, i: usize) -> usize {
        self.ids.as_ref().map_or(i, |ids| ids[i] as usize)
    }

    /// Line `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &'a str {
        self.texts[self.id(i)]
    }

    /// Line `i`, as a reference to where its text is held.
    #[inline]
    pub(crate) fn get_ref(&self, i: usize) -> &&'a str {
        &self.texts[self.id(i)]
    }

    /// The lines in order, copies and all.
    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &'a str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Each text once, in order of its first line.
    pub(crate) fn texts(&self) -> &[&'a str] {
        &self.texts
    }

    /// The text of each line.
    pub(crate) fn ids(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        (0..self.len()).map(|i| self.id(i) as u32)
    }

    /// Texts were made distinct ([`intern`]).
    pub(crate) fn distinct(&self) -> bool {
        self.distinct
    }

    /// The longest line, the last of them where several are as long: what
    /// `max_by_key` over the lines gives, which the steps that start from
    /// the longest line were written against.
    pub(crate) fn longest(&self) -> Option<&'a str> {
        // Of the texts as long as the longest, the one whose last line
        // comes last.
        let max = self.texts.iter().map(|s| s.len()).max()?;
        self.iter().rev().find(|s| s.len() == max)
    }

    /// The same lines, text `k` written as `texts[k]` (as many texts, in
    /// the same order): some may now be equal.
    pub(crate) fn with_texts(&self, texts: Vec<&'a str>) -> Lines<'a> {
        debug_assert_eq!(texts.len(), self.texts.len());
        Lines {
            texts,
            ids: self.ids.clone(),
            distinct: false,
        }
    }

    /// The lines `keep` keeps (given each line's index and text), texts no
    /// line keeps dropped and the others numbered again in order.
    pub(crate) fn filtered(&self, mut keep: impl FnMut(usize, &str) -> bool) -> Lines<'a> {
        let mut number = vec![NONE; self.texts.len()];
        let mut texts = Vec::new();
        let mut ids = Vec::new();
        for (i, k) in self.ids().enumerate() {
            let text = self.texts[k as usize];
            if !keep(i, text) {
                continue;
            }
            if number[k as usize] == NONE {
                number[k as usize] = texts.len() as u32;
                texts.push(text);
            }
            ids.push(number[k as usize]);
        }
        Lines {
            texts,
            ids: Some(Cow::Owned(ids)),
            distinct: self.distinct,
        }
    }
}

/// Keys tried by a line's cheap key before its full hash.
const CHEAP_PROBES: u32 = 8;

/// Each distinct line once, in order of first occurrence, and for each line
/// which of them it is. `T` is whatever holds a line's text (a `Cow` as
/// read, a `&str`); lines of one text are one where `same` says so too.
pub(crate) fn intern<T: AsRef<str>>(
    lines: impl Iterator<Item = T>,
    same: impl Fn(&T, &T) -> bool,
) -> (Vec<T>, Vec<u32>) {
    let mut texts: Vec<T> = Vec::new();
    let mut ids = Vec::new();
    let mut first: U64Map<u32> = U64Map::default();
    // Keyed by a hash of all of a line, with keys of its own, for lines
    // whose cheap key (length and ends) many other lines share: lines made
    // to share it would otherwise walk one chain each, a quadratic.
    let full = std::collections::hash_map::RandomState::new();
    for line in lines {
        // Open addressing over the 64-bit key: a collision of two different
        // lines (or two that are not the `same`) moves on to the next key,
        // so that equal lines always meet (they take the same steps).
        let bytes = line.as_ref().as_bytes();
        let mut key = mix(line_key(bytes));
        let mut probes = 0;
        let id = loop {
            match first.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    let text = &texts[*e.get() as usize];
                    if text.as_ref() == line.as_ref() && same(text, &line) {
                        break *e.get();
                    }
                    probes += 1;
                    key = if probes == CHEAP_PROBES {
                        std::hash::BuildHasher::hash_one(&full, bytes)
                    } else {
                        key.wrapping_add(0x9e37_79b9_7f4a_7c15)
                    };
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    let id = texts.len() as u32;
                    e.insert(id);
                    texts.push(line);
                    break id;
                }
            }
        };
        ids.push(id);
    }
    // Grown by doubling, they would hold up to twice what they need as long
    // as the lines are read.
    texts.shrink_to_fit();
    ids.shrink_to_fit();
    (texts, ids)
}
