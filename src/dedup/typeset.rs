//! Typeset copies: a line written again as a typographer set it.
//!
//! A typographer (wptexturize, SmartyPants, a CMS's smart quotes) writes
//! `’` for `'`, `“…”` for `"…"` and ` – ` for ` - `. A scraper that takes
//! a paragraph both from the page and from a typeset copy of it (a feed,
//! an AMP page, an `og:description`) writes two lines that differ only in
//! those marks: not equal byte for byte, nor squeezed, so every later step
//! would keep both. Here, before any step reads the lines, lines equal but
//! for their marks become one text: the one in the style the rest of the
//! file writes.
//!
//! Only whole lines are matched. The marks are not folded into the
//! squeezed text that the steps compare, since the steps read a quote's
//! side from its mark (`said:“We` opens a quotation, `said:"We` may close
//! one), which a fold would lose.

use super::squeeze::{count_ws_bytes, squeeze_into, wide_spaces};
use super::{word_hash, Lines};
use std::collections::HashMap;

/// The ASCII mark a typographer's char stands for, by the last byte of its
/// UTF-8 (`E2 80 xx`): the dashes U+2013 and U+2014 and the quotes U+2018
/// to U+201F.
fn mark_of(last: u8) -> Option<u8> {
    match last {
        0x93 | 0x94 => Some(b'-'),
        0x98..=0x9B => Some(b'\''),
        0x9C..=0x9F => Some(b'"'),
        _ => None,
    }
}

/// Where `b` has a typographer's char: its first byte and the ASCII mark
/// it stands for.
fn typeset_marks(b: &[u8]) -> impl Iterator<Item = (usize, u8)> + '_ {
    memchr::memchr_iter(0xE2, b).filter_map(move |i| match b.get(i + 1..i + 3) {
        Some(&[0x80, last]) => mark_of(last).map(|m| (i, m)),
        _ => None,
    })
}

/// How many typographer's chars `s` holds.
fn typeset_count(s: &str) -> usize {
    if s.is_ascii() {
        0
    } else {
        typeset_marks(s.as_bytes()).count()
    }
}

/// The marks `s` writes plain: straight quotes, and a hyphen set apart by
/// spaces, which a typographer makes a dash.
fn plain_count(s: &str) -> usize {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'\'', b'"', b).count() + memchr::memmem::find_iter(b, " - ").count()
}

/// The length of [`fold_into`]'s bytes for `s`, counted, not made: only
/// texts of one length can be copies. `marks`: its [`typeset_count`].
fn folded_len(s: &str, marks: usize) -> usize {
    let b = s.as_bytes();
    let ascii_ws: usize = b.chunks(255).map(count_ws_bytes).sum();
    if s.is_ascii() {
        return b.len() - ascii_ws;
    }
    let wide: usize = wide_spaces(b).map(|(_, len)| len).sum();
    b.len() - ascii_ws - wide - 2 * marks
}

/// `s` squeezed, each typographer's char as the ASCII mark it stands for,
/// appended to `out`.
fn fold_into(s: &str, out: &mut Vec<u8>) {
    let start = out.len();
    squeeze_into(s, out);
    if s.is_ascii() {
        return;
    }
    let sq = &mut out[start..];
    let marks: Vec<(usize, u8)> = typeset_marks(sq).collect();
    if marks.is_empty() {
        return;
    }
    // Compacted in place: each char of three bytes leaves one.
    let (mut w, mut r) = (0, 0);
    for (at, mark) in marks {
        sq.copy_within(r..at, w);
        w += at - r;
        sq[w] = mark;
        w += 1;
        r = at + 3;
    }
    let len = sq.len();
    sq.copy_within(r..len, w);
    w += len - r;
    out.truncate(start + w);
}

/// `lines` with each line that is another line's typeset copy (or the
/// line a typeset copy was made from) written as one text for both: of
/// texts equal but for their marks, the one whose marks the file writes
/// more (typeset marks against plain ones, over every text), the plain one
/// where neither is more. `None` where no line is another's copy so.
///
/// A typographer only ever makes plain marks typeset, so where the file
/// says nothing the plain text is the one both came from.
pub(super) fn unify<'a>(lines: &Lines<'a>) -> Option<Lines<'a>> {
    let texts = lines.texts();
    let marks: Vec<usize> = texts.iter().map(|t| typeset_count(t)).collect();
    if marks.iter().all(|&m| m == 0) {
        return None;
    }
    // Only texts as long, folded, as a typeset text and some other text
    // can be copies: only those are folded and hashed.
    let len: Vec<usize> = texts
        .iter()
        .zip(&marks)
        .map(|(t, &m)| folded_len(t, m))
        .collect();
    let mut count: HashMap<usize, usize> = HashMap::new();
    for t in (0..texts.len()).filter(|&t| marks[t] > 0) {
        count.insert(len[t], 0);
    }
    for n in &len {
        if let Some(c) = count.get_mut(n) {
            *c += 1;
        }
    }
    // A plain text can be a typeset one's source only where it writes a
    // mark a typographer sets.
    let candidate = |t: usize| {
        count.get(&len[t]).is_some_and(|&c| c > 1)
            && (marks[t] > 0 || memchr::memchr3(b'\'', b'"', b'-', texts[t].as_bytes()).is_some())
    };
    // Texts by their fold: (first byte in `arena`, end, texts).
    let mut arena = Vec::new();
    let mut folds: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    // One fold a hash: a text whose fold collides with another's is
    // compared with that one only and, unequal, left out (as
    // `squeeze_distinct` keeps both), so that lines made to collide cost
    // no walk of a bucket each.
    let mut by_hash: HashMap<u64, usize> = HashMap::new();
    for t in (0..texts.len()).filter(|&t| candidate(t)) {
        let start = arena.len();
        fold_into(texts[t], &mut arena);
        if arena.len() == start {
            continue;
        }
        match by_hash.entry(word_hash(&arena[start..])) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let f = *e.get();
                let (a, b, _) = folds[f];
                if arena[a..b] == arena[start..] {
                    folds[f].2.push(t);
                }
                arena.truncate(start);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(folds.len());
                folds.push((start, arena.len(), vec![t]));
            }
        }
    }
    // Copies in the same marks (other whitespace) are no typeset copy.
    let groups: Vec<Vec<usize>> = folds
        .into_iter()
        .map(|(_, _, group)| group)
        .filter(|group| group.iter().any(|&t| marks[t] != marks[group[0]]))
        .collect();
    if groups.is_empty() {
        return None;
    }
    // Each text once, however many lines write it (so that explaining the
    // lines, which may hold copies, chooses alike).
    let once: std::collections::HashSet<&str> = texts.iter().copied().collect();
    let typeset_marks: usize = once.iter().map(|t| typeset_count(t)).sum();
    let plain_marks: usize = once.iter().map(|t| plain_count(t)).sum();
    let prefer_typeset = typeset_marks > plain_marks;
    let mut written: Vec<&'a str> = texts.to_vec();
    for group in groups {
        // Ties go to the first text.
        let best = if prefer_typeset {
            group
                .iter()
                .copied()
                .max_by_key(|&t| (marks[t], std::cmp::Reverse(t)))
        } else {
            group.iter().copied().min_by_key(|&t| (marks[t], t))
        };
        let Some(best) = best else { continue };
        for t in group {
            written[t] = texts[best];
        }
    }
    Some(lines.with_texts(written))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unified(lines: &[&str]) -> Vec<String> {
        let l = Lines::each(lines.to_vec());
        match unify(&l) {
            Some(u) => u.iter().map(str::to_string).collect(),
            None => lines.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn fold_makes_a_typeset_text_its_plain_source() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        fold_into("He said: “It’s done – at last.”", &mut a);
        fold_into("He said: \"It's done - at last.\"", &mut b);
        assert_eq!(a, b);
        assert_eq!(a, b"Hesaid:\"It'sdone-atlast.\"");
    }

    #[test]
    fn folded_len_counts_what_fold_into_makes() {
        for s in [
            "",
            "plain ascii - text",
            "“Curly” – and\u{a0}no-break\u{2009}thin — spaces’",
            "\t\u{3000}é’\u{200a}",
        ] {
            let mut out = Vec::new();
            fold_into(s, &mut out);
            assert_eq!(folded_len(s, typeset_count(s)), out.len(), "{s:?}");
        }
    }

    #[test]
    fn a_typeset_copy_takes_the_plain_text_where_the_file_writes_plain_marks() {
        let out = unified(&[
            "Moody's said it's rated B-1.",
            "They said the biggest was BCI Holdings’ offering.",
            "They said the biggest was BCI Holdings' offering.",
        ]);
        assert_eq!(out[1], out[2]);
        assert_eq!(out[1], "They said the biggest was BCI Holdings' offering.");
    }

    #[test]
    fn a_plain_copy_takes_the_typeset_text_where_the_file_is_typeset() {
        let out = unified(&[
            "“We’re here,” she said – and they’re not.",
            "He said: \"It's done.\"",
            "He said: “It’s done.”",
        ]);
        assert_eq!(out[1], "He said: “It’s done.”");
        assert_eq!(out[2], "He said: “It’s done.”");
        assert_eq!(out[0], "“We’re here,” she said – and they’re not.");
    }

    #[test]
    fn lines_with_other_words_or_no_copy_are_left_as_they_are() {
        let lines = [
            "It’s one text.",
            "It's another text.",
            "Plain line - no twin.",
        ];
        assert!(unify(&Lines::each(lines.to_vec())).is_none());
    }
}
