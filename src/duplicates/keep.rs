//! Which article of a group is kept: deterministic, documented, selectable
//! ([`Keep`]). The default keeps the most complete text, since a trimmed
//! copy loses paragraphs and an updated one adds them; ties go to the
//! earliest date (the first publication), then to input order.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::boilerplate::Corpus;
use super::{Doc, Keep};

/// The article to keep among `members` (indexes into `docs`, ascending).
/// `class` maps each article to the first one with the same text,
/// `rep_index` that one to its place in `corpus`.
pub fn choose(
    members: &[usize],
    docs: &[Doc],
    class: &[usize],
    rep_index: &HashMap<usize, usize>,
    corpus: &Corpus,
    keep: Keep,
) -> usize {
    let story = |i: usize| corpus.docs[rep_index[&class[i]]].story_words;
    // `None` sorts first, so an undated article would win "earliest".
    let date = |i: usize| (docs[i].date.is_none(), docs[i].date);
    let best = match keep {
        Keep::First => members.iter().min(),
        Keep::Complete => members
            .iter()
            .min_by_key(|&&i| (Reverse(story(i)), date(i), i)),
        Keep::Longest => members
            .iter()
            .min_by_key(|&&i| (Reverse(docs[i].text_bytes), date(i), i)),
        Keep::Earliest => members
            .iter()
            .min_by_key(|&&i| (date(i), Reverse(story(i)), i)),
    };
    *best.expect("a group has members")
}
