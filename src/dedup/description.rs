//! The page's description: a summary written before the article.
//!
//! A scraper that writes a page's `<meta name="description">` (or its
//! `og:description`, a standfirst held outside the article body) as the
//! first body line, then the article as a cascade, writes a line that is
//! no text of the article. Where it quotes the lede it is a copy and the
//! copy rules drop it; an editor's own summary (`Ardley Bridge shuts from 3
//! March. Here are the answers to your questions…`) is in no other line,
//! and would stay as the article's first paragraph.
//!
//! The cascade says what the article is: its first line holds every
//! paragraph after it, so every later line lies inside that one. A line
//! written before it that it does not hold is not the article's text. (A
//! figure at the top of the page may write its caption between them.)
//! Page text can stand there too, a caption or a note of a container of
//! its own (`Warning: This book is incomplete.`), so the line must also
//! read as a summary: prose that ends a sentence (or trails off with an
//! ellipsis), not opened by a note's label.

use super::squeeze::squeeze_into;
use super::truncation::strip_ellipsis;
use super::Lines;

/// Lines after the cascade's first one that must be its suffixes, at
/// least: a cascade's lines each end where the article ends.
const SUFFIXES: usize = 2;
/// A description is no longer than this (bytes): search engines show 160
/// characters, and CMSs cut the field at 300 or so.
const MAX_LEN: usize = 600;
/// Lines of page text between the description and the cascade, at most:
/// a figure at the top of the page writes its caption there.
const ASIDE: usize = 2;
/// Squeezed bytes of the cascade's opening looked for in the line before
/// it: a line that holds them leads into the article.
const OPENING: usize = 32;
/// Words a description has at least: a sentence, not a label or a name.
const MIN_WORDS: usize = 4;
/// Bytes compared when looking for the later lines inside the cascade's
/// first line, at most: past that (a cascade of thousands of lines) the
/// rule is not tried.
const BUDGET: usize = 1 << 26;

/// The index of the line of `lines` that is a page's description written
/// before the article (see the module's doc), lines in `skip` (sorted
/// indices: the header written again) read as absent; `None` for most
/// files.
pub(crate) fn description(lines: &Lines, skip: &[usize]) -> Option<usize> {
    let mut order = (0..lines.len())
        .filter(|i| skip.binary_search(i).is_err())
        .peekable();
    let d = order.next()?;
    let text = lines.get(d).trim();
    if !reads_as_summary(text) {
        return None;
    }
    // The cascade's first line, after at most `ASIDE` lines of page text
    // that it does not hold either (a figure's caption at the top of the
    // page, with its credit): the first line that holds the line after it.
    let (mut head, mut next) = (Vec::new(), Vec::new());
    let mut aside = 0;
    let mut asides = Vec::new();
    loop {
        let h = order.next()?;
        if lines.len().saturating_mul(lines.get(h).len()) > BUDGET {
            return None;
        }
        head.clear();
        squeeze_into(lines.get(h), &mut head);
        next.clear();
        squeeze_into(lines.get(*order.peek()?), &mut next);
        if next.len() < head.len() && memchr::memmem::find(&head, &next).is_some() {
            break;
        }
        aside += 1;
        if aside > ASIDE || reads_as_summary(lines.get(h).trim()) {
            return None;
        }
        asides.push(h);
    }
    // The lines between are no text of the cascade either.
    for &a in &asides {
        next.clear();
        squeeze_into(lines.get(a), &mut next);
        if memchr::memmem::find(&head, &next).is_some() {
            return None;
        }
    }
    let mut desc = Vec::new();
    squeeze_into(strip_ellipsis(text).0, &mut desc);
    if desc.is_empty() || memchr::memmem::find(&head, &desc).is_some() {
        return None;
    }
    // The cascade's first line opens the article: a line that leads into
    // it (a window, a paragraph and the next) is text of it.
    let opening = &head[..head.len().min(OPENING)];
    if memchr::memmem::find(&desc, opening).is_some() {
        return None;
    }
    // Suffixes of different lengths: a last sentence written twice is
    // one step, not a cascade.
    let mut suffixes: Vec<usize> = Vec::new();
    let mut line = Vec::new();
    for i in order {
        line.clear();
        squeeze_into(lines.get(i), &mut line);
        if line.len() >= head.len() || memchr::memmem::find(&head, &line).is_none() {
            return None;
        }
        if head.ends_with(&line) && !suffixes.contains(&line.len()) && suffixes.len() < SUFFIXES {
            suffixes.push(line.len());
        }
    }
    (suffixes.len() >= SUFFIXES).then_some(d)
}

/// Whether `text` reads as a page's summary: a few words of prose, not too
/// long, that end a sentence or trail off with an ellipsis, not opened by
/// a note's label (`Warning:`, `NOTE:`, `Editor's note:`).
fn reads_as_summary(text: &str) -> bool {
    if text.len() > MAX_LEN || text.split_whitespace().count() < MIN_WORDS {
        return false;
    }
    let end = text.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    let ends = end.ends_with(['.', '!', '?', '…']);
    let label = text
        .split_once(": ")
        .is_some_and(|(before, _)| before.split_whitespace().count() <= 2 && !before.contains('.'));
    ends && !label
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&'static str]) -> Lines<'static> {
        Lines::each(texts.to_vec())
    }

    const CASCADE: [&str; 3] = [
        "The bridge shuts on Monday.It reopens in June.Buses run every hour.",
        "It reopens in June.Buses run every hour.",
        "Buses run every hour.",
    ];

    fn with_first(first: &'static str) -> Vec<&'static str> {
        let mut v = vec![first];
        v.extend(CASCADE);
        v
    }

    #[test]
    fn a_summary_before_a_cascade_that_does_not_hold_it_is_the_description() {
        let v = with_first("Everything you need to know about the closure, and when it ends.");
        assert_eq!(description(&lines(&v), &[]), Some(0));
        // Lines set aside before it (the title written again) are skipped.
        let mut t = vec!["Bridge closed"];
        t.extend(v);
        assert_eq!(description(&lines(&t), &[0]), Some(1));
    }

    #[test]
    fn a_line_the_cascade_holds_or_that_leads_into_it_is_no_description() {
        // The lede's first sentence: a copy, which the copy rules drop.
        let v = with_first("The bridge shuts on Monday.");
        assert_eq!(description(&lines(&v), &[]), None);
        let v = with_first("Closure news for all readers today.The bridge shuts on Monday.It");
        assert_eq!(description(&lines(&v), &[]), None);
    }

    #[test]
    fn a_caption_or_a_note_before_the_cascade_is_page_text() {
        for first in [
            "The bridge at dawn on Monday. Photograph: Ann Lee/Archive",
            "Warning: this guide is incomplete and may change.",
            "Short line.",
        ] {
            assert_eq!(
                description(&lines(&with_first(first)), &[]),
                None,
                "{first}"
            );
        }
    }

    #[test]
    fn a_caption_may_stand_between_the_description_and_the_cascade() {
        let mut v = vec![
            "Everything you need to know about the closure, and when it ends.",
            "The bridge at dawn on Monday. Photograph: Ann Lee/Archive",
        ];
        v.extend(CASCADE);
        assert_eq!(description(&lines(&v), &[]), Some(0));
        // Not a second summary, nor more than a figure's lines.
        v[1] = "A second summary of the closure and of what comes after it.";
        assert_eq!(description(&lines(&v), &[]), None);
    }

    #[test]
    fn a_last_sentence_written_twice_is_no_cascade() {
        let v = [
            "Police have named the man who died in a crash on the A38 on Tuesday.",
            "He was 34 and lived in Ashford. Anyone with information should call 101.",
            "Anyone with information should call 101.",
            "Anyone with information should call 101.",
        ];
        assert_eq!(description(&lines(&v), &[]), None);
    }

    #[test]
    fn without_a_cascade_after_it_the_first_line_is_a_paragraph() {
        let v = [
            "Everything you need to know about the closure, and when it ends.",
            "The bridge shuts on Monday.",
            "It reopens in June.",
            "Buses run every hour.",
        ];
        assert_eq!(description(&lines(&v), &[]), None);
        // One suffix line is no cascade.
        let v = [
            "Everything you need to know about the closure, and when it ends.",
            "The bridge shuts on Monday.It reopens in June.",
            "It reopens in June.",
        ];
        assert_eq!(description(&lines(&v), &[]), None);
    }
}
