//! Truncated copies: a line cut short and marked with an ellipsis.
//!
//! Length-limited fields (a description, a teaser, a card) hold a copy of
//! the article's text cut at a word and ended with `...` or `…`. What
//! precedes the ellipsis is compared like any other line, but the cut is
//! not the article's: the line's end there marks no paragraph boundary. A
//! line whose text is found nowhere else is written as it was, ellipsis and
//! all.

/// The line's start is a cut-off copy (it began with an ellipsis).
pub(super) const CUT_START: u8 = 1;
/// The line's end is a cut-off copy (it ended with an ellipsis).
pub(super) const CUT_END: u8 = 2;

/// `line` without an ellipsis at its start or end (and the whitespace and
/// brackets around it: `[...]`, `(…)`), with [`CUT_START`] and [`CUT_END`]
/// saying which were there. A line that is nothing but an ellipsis, or
/// whose text would be empty, is returned as it is.
pub(super) fn strip_ellipsis(line: &str) -> (&str, u8) {
    // Most lines open with a letter, digit or mark that is no whitespace,
    // no dot and no `…`, and close with one that is no closing bracket
    // either, or with a single stop (`ended.`, not `ended...`): nothing to
    // trim or strip at either end, as the full test below would find
    // (called on every line of every pass).
    let plain_end = |b: u8| b.is_ascii() && !super::WS_BYTE[b as usize] && b != b'.';
    let b = line.as_bytes();
    if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        let one_stop = last == b'.' && b.len() >= 2 && b[b.len() - 2] != b'.';
        let last_plain = (plain_end(last) && last != b']' && last != b')') || one_stop;
        if plain_end(first) && last_plain {
            return (line, 0);
        }
    }
    let mut text = line.trim();
    let mut cut = 0;
    if let Some(rest) = strip_end(text) {
        if has_text(rest) {
            text = rest;
            cut |= CUT_END;
        }
    }
    if let Some(rest) = strip_start(text) {
        if has_text(rest) {
            text = rest;
            cut |= CUT_START;
        }
    }
    if cut == 0 {
        (line, 0)
    } else {
        (text, cut)
    }
}

/// Lines whose ellipses are looked up in the longest line, at most.
const MAX_LOOKUPS: usize = 64;

/// Undoes the stripping (in `stripped`, one per line of `input`) for lines
/// whose ellipsis is the article's own: written whole, ellipsis and all,
/// inside the longest line (`…very Scandinavian...` ending a paragraph of a
/// prefix cascade), where a copy cut short would be followed by the rest
/// of its text.
pub(super) fn keep_written_ellipses<'a>(input: &[&'a str], stripped: &mut [(&'a str, u8)]) {
    if stripped.iter().all(|&(_, cut)| cut == 0) {
        return;
    }
    let Some(longest) = input.iter().max_by_key(|s| s.len()) else {
        return;
    };
    let mut hay = Vec::new();
    super::squeeze_into(longest, &mut hay);
    let mut needle = Vec::new();
    let flagged: Vec<usize> = (0..input.len())
        .filter(|&i| stripped[i].1 != 0)
        .take(MAX_LOOKUPS)
        .collect();
    for i in flagged {
        if input[i].len() >= longest.len() {
            continue;
        }
        needle.clear();
        super::squeeze_into(input[i], &mut needle);
        if memchr::memmem::find(&hay, &needle).is_some() {
            stripped[i] = (input[i], 0);
        }
    }
}

/// The shortest line (chars and bytes) that a length limit is looked for
/// at: longer than a hard-wrapped line.
const MIN_LIMIT: usize = 120;
/// How far short of the limit (chars) a line cut at a word may end: the
/// word that did not fit, and the space before it.
const LIMIT_SLACK: usize = 24;
/// Lines cut at one limit that show it: fewer end so by chance.
const LIMIT_LINES: usize = 3;

/// For each of `input`'s lines, whether it was cut off at a length limit
/// with no ellipsis to say so (a cascade stored in a column of fixed
/// width): the longest lines that end inside a sentence (after a letter,
/// a digit, a comma or a semicolon), of at least `MIN_LIMIT` chars, all
/// within a word of the same length, with three or more different ends,
/// none opening another. A
/// scraper's lines end where blocks end, after a stop or a mark (`Read
/// more →`), at lengths all their own; `None` where no limit shows.
pub(super) fn cut_at_a_limit<'a>(n: usize, line: impl Fn(usize) -> &'a str) -> Option<Vec<bool>> {
    let open_end = |s: &str| {
        s.trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';'))
    };
    // (chars, line) of the lines long enough that end inside a sentence,
    // longest first.
    let mut open: Vec<(usize, usize)> = (0..n)
        .map(|k| (k, line(k)))
        .filter(|(_, s)| s.len() >= MIN_LIMIT && open_end(s))
        .map(|(k, s)| (s.trim_end().chars().count(), k))
        .filter(|&(chars, _)| chars >= MIN_LIMIT)
        .collect();
    if open.len() < LIMIT_LINES {
        return None;
    }
    open.sort_unstable_by(|a, b| b.cmp(a));
    let limit = open[0].0;
    let near = open.partition_point(|&(n, _)| n + LIMIT_SLACK >= limit);
    // Distinct ends: one line written three times shows no limit.
    let mut ends: Vec<&str> = open[..near]
        .iter()
        .map(|&(_, k)| {
            let t = line(k).trim_end();
            t.char_indices().rev().nth(15).map_or(t, |(i, _)| &t[i..])
        })
        .collect();
    ends.sort_unstable();
    ends.dedup();
    if ends.len() < LIMIT_LINES {
        return None;
    }
    // Nor lines of which one opens another (whitespace aside), each
    // asked against the next longer: a prefix cascade's steps (a list's
    // short items, one line longer each), which end where its blocks end.
    // Lines cut at one limit are all as long.
    let mut near_lines: Vec<&str> = open[..near]
        .iter()
        .map(|&(_, k)| line(k).trim_end())
        .collect();
    near_lines.sort_unstable_by_key(|l| l.len());
    // (Strictly: the same line written twice, or with other whitespace,
    // opens none.)
    let opens = |long: &str, short: &str| {
        let mut long = long.chars().filter(|c| !c.is_whitespace());
        short
            .chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| long.next() == Some(c))
            && long.next().is_some()
    };
    if near_lines.windows(2).any(|w| opens(w[1], w[0])) {
        return None;
    }
    let mut cut = vec![false; n];
    for &(_, k) in &open[..near] {
        cut[k] = true;
    }
    Some(cut)
}

/// Whether `s` holds a letter or digit: what is left must be text to
/// compare, not punctuation.
fn has_text(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// `s` without a trailing ellipsis (three or more dots, or `…`), if it has one.
fn strip_end(s: &str) -> Option<&str> {
    let (body, bracketed) = match s.strip_suffix(']').or_else(|| s.strip_suffix(')')) {
        Some(inner) => (inner.trim_end(), true),
        None => (s, false),
    };
    let rest = if let Some(r) = body.strip_suffix('…') {
        r
    } else {
        let dots = body.len() - body.trim_end_matches('.').len();
        if dots < 3 {
            return None;
        }
        &body[..body.len() - dots]
    };
    let rest = if bracketed {
        rest.trim_end()
            .strip_suffix('[')
            .or_else(|| rest.trim_end().strip_suffix('('))?
    } else {
        rest
    };
    Some(rest.trim_end())
}

/// `s` without a leading ellipsis, if it has one.
fn strip_start(s: &str) -> Option<&str> {
    let rest = if let Some(r) = s.strip_prefix('…') {
        r
    } else {
        let dots = s.len() - s.trim_start_matches('.').len();
        if dots < 3 {
            return None;
        }
        &s[dots..]
    };
    Some(rest.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first `n` chars of `s`.
    fn cut(s: &str, n: usize) -> &str {
        s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
    }

    fn limit(lines: &[&str]) -> Option<Vec<bool>> {
        cut_at_a_limit(lines.len(), |k| lines[k])
    }

    #[test]
    fn lines_cut_at_one_length_inside_sentences_show_a_limit() {
        let text = "The council said on Tuesday that the bridge would stay shut until the spring, and that the repairs would cost far more than the first estimate of two million. Engineers found the rust in March.";
        let other = "Residents who cross the river every day will have to use the ferry, which the council will run every twenty minutes from six in the morning until midnight.";
        let third = "Shops on both banks say they have lost a third of their trade since the closure began, and several of them have asked the council for help with their rents.";
        let lines = [
            cut(text, 140),
            other,
            cut(other, 137),
            cut(third, 138),
            "A short line.",
        ];
        assert_eq!(limit(&lines), Some(vec![true, false, true, true, false]));
        // Two are no limit; nor are lines that end where sentences end, nor
        // one line written three times.
        assert_eq!(limit(&lines[..3]), None);
        assert_eq!(limit(&[text, other, third]), None);
        let same = cut(text, 140);
        assert_eq!(limit(&[same, same, same]), None);
        // The cut lines written twice are still cut.
        let twice = [cut(text, 140), cut(other, 137), cut(third, 138)].repeat(2);
        assert_eq!(limit(&twice), Some(vec![true; 6]));
        // A prefix cascade of short items ends where each item ends.
        let draw = "Derby v Watford or Fulham Man Utd or Exeter v Middlesbrough Cardiff or Blackburn v Colchester Chelsea v Birmingham West Ham v Sheff Utd Oldham v Bolton";
        assert_eq!(
            limit(&[cut(draw, 122), cut(draw, 138), cut(draw, 158)]),
            None
        );
        // Blocks that end with a link's mark (`Read more →`) end where
        // their text does, at lengths that may meet by chance.
        let linked: Vec<String> = [text, other, third]
            .iter()
            .map(|t| format!("{} Read more →", cut(t, 126)))
            .collect();
        let linked: Vec<&str> = linked.iter().map(String::as_str).collect();
        assert_eq!(limit(&linked), None);
        // The longest lines ending inside sentences are the limit's: a
        // shorter run of lengths that meet is no limit.
        let longer = [text, other, third].map(|t| cut(t, 150));
        let mut lines = longer.to_vec();
        lines.extend([cut(text, 122), cut(other, 121), cut(third, 120)]);
        assert_eq!(
            limit(&lines),
            Some(vec![true, true, true, false, false, false])
        );
    }

    #[test]
    fn an_ellipsis_at_either_end_is_stripped_and_flagged() {
        assert_eq!(
            strip_ellipsis("Wholesale prices rose,..."),
            ("Wholesale prices rose,", CUT_END)
        );
        assert_eq!(
            strip_ellipsis("an ongoing fraud and…"),
            ("an ongoing fraud and", CUT_END)
        );
        assert_eq!(strip_ellipsis("is being ... "), ("is being", CUT_END));
        assert_eq!(strip_ellipsis("It rose [...]"), ("It rose", CUT_END));
        assert_eq!(
            strip_ellipsis("...and then it fell."),
            ("and then it fell.", CUT_START)
        );
        assert_eq!(strip_ellipsis("… both …"), ("both", CUT_START | CUT_END));
    }

    #[test]
    fn lines_without_an_ellipsis_or_with_nothing_else_are_left_alone() {
        assert_eq!(strip_ellipsis("He paused.."), ("He paused..", 0));
        assert_eq!(strip_ellipsis("It ended."), ("It ended.", 0));
        assert_eq!(strip_ellipsis("..."), ("...", 0));
        assert_eq!(strip_ellipsis("… !"), ("… !", 0));
    }
}
