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
