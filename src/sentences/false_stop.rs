//! Whether a `.` inside a text is no sentence end (issue 12): the one
//! question the paragraph-seam detector of `dedup` shares with the
//! sentence splitter, answered by the splitter's own scanner and tables so
//! the two never disagree. Reached as `sentences::tables::is_false_stop`.

use super::tables::is_starter;

/// How far [`is_false_stop`] looks on either side of the dot, in bytes.
const FALSE_STOP_WINDOW: usize = 64;

/// Whether the `.` at byte `dot` of `text` is *not* a sentence end because
/// it sits inside an e-mail address (`Jane.Doe@example.com`), a URL or a
/// domain (`Node.js`, `example.com`, `Halo.Bungie.Org`), after a known
/// abbreviation (`Mr.Benn`), in initials (`U.S.Treasury`), in a decimal
/// (`3.5`) or a version (`v1.2.3`).
///
/// The answer is the sentence scanner's own, run on the few words around
/// the dot, so a seam detector and the splitter share one set of rules and
/// one set of tables. On top of the scanner, a dot inside a name of three or
/// more dotted parts ending in a short part that opens no sentence
/// (`Halo.Bungie.Org said`) is a domain: the splitter, which must keep its
/// English behaviour, would end a sentence there.
///
/// A small letter right after the dot (`enough.ebb`) is a false stop, as
/// for the splitter: no sentence starts that way, and a scraped paragraph
/// rarely does. A capitalised word glued after an ordinary word
/// (`Moscow.In late 2021`) is a true stop. Not a `.` at `dot` (or not a
/// char boundary): false.
pub(crate) fn is_false_stop(text: &str, dot: usize) -> bool {
    if text.as_bytes().get(dot) != Some(&b'.') {
        return false;
    }
    // The token holding the dot and the one before it, and the word after.
    let mut start = dot.saturating_sub(FALSE_STOP_WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = &text[start..dot];
    let tok_start = start + after_last_space(before);
    let prev_start = start + after_last_space(text[start..tok_start].trim_end());
    let mut end = (dot + 1 + FALSE_STOP_WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let after = &text[dot + 1..end];
    let tok_len = after.find(char::is_whitespace).unwrap_or(after.len());
    let rest = &after[tok_len..];
    let next_word = rest.trim_start();
    let next_len = next_word
        .find(char::is_whitespace)
        .unwrap_or(next_word.len());
    let stop = end - (next_word.len() - next_len);
    let window = &text[prev_start..stop];
    let at = dot - prev_start;
    if !ends_sentence_at(window, at) {
        return true;
    }
    is_domain(&text[tok_start..dot + 1 + tok_len])
}

/// The byte just after the last whitespace char of `s`, or 0.
fn after_last_space(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(j, c)| j + c.len_utf8())
}

/// Whether the scanner ends a sentence in the run of terminators and
/// closers that starts at byte `at` of `window`.
fn ends_sentence_at(window: &str, at: usize) -> bool {
    let base = window.as_ptr() as usize;
    let pieces = super::split(window);
    let Some((n, piece)) = pieces.iter().enumerate().find(|(_, p)| {
        let s = p.as_ptr() as usize - base;
        s <= at && at < s + p.len()
    }) else {
        return false;
    };
    let piece_end = piece.as_ptr() as usize - base + piece.len();
    n + 1 < pieces.len() && !window[at..piece_end].chars().any(char::is_alphanumeric)
}

/// "Halo.Bungie.Org", "news.bbc.co": three or more parts of letters, digits
/// and hyphens, the last one short and no sentence opener.
fn is_domain(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    let parts: Vec<&str> = token.split('.').collect();
    let well_formed = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '-'));
    let last = parts.last().copied().unwrap_or("");
    parts.len() >= 3 && well_formed && (2..=3).contains(&last.chars().count()) && !is_starter(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte of the `n`th `.` in `text`.
    fn nth_dot(text: &str, n: usize) -> usize {
        text.match_indices('.').nth(n).expect("a dot").0
    }

    #[track_caller]
    fn false_stop(text: &str, n: usize) -> bool {
        is_false_stop(text, nth_dot(text, n))
    }

    #[test]
    fn dots_inside_addresses_names_and_numbers_are_false_stops() {
        assert!(false_stop("Write to Jane.Doe@example.com today", 0));
        assert!(false_stop("Write to Jane.Doe@example.com today", 1));
        assert!(false_stop("the fansite Halo.Bungie.Org said it", 0));
        assert!(false_stop("the fansite Halo.Bungie.Org said it", 1));
        assert!(false_stop("when Mr.Benn arrived", 0));
        assert!(false_stop("the U.S.Treasury said", 0));
        assert!(false_stop("the U.S.Treasury said", 1));
        assert!(false_stop("rose 3.5 percent", 0));
        assert!(false_stop("released v1.2.3 today", 0));
        assert!(false_stop("released v1.2.3 today", 1));
        assert!(false_stop("written in Node.js by", 0));
        assert!(false_stop("see www.bbc.co.uk for more", 2));
        assert!(false_stop("Mr. Benn arrived", 0));
        assert!(false_stop("at 5 p.m. Monday", 1));
    }

    #[test]
    fn a_capital_glued_after_an_ordinary_word_is_a_true_stop() {
        assert!(!false_stop("according to Moscow.In late 2021", 0));
        assert!(!false_stop("the embassy said.Russia has", 0));
        assert!(!false_stop("He left. She stayed.", 0));
        assert!(!false_stop("left the U.S. He came back", 1));
    }

    #[test]
    fn a_small_letter_after_the_dot_is_a_false_stop_as_for_the_splitter() {
        // Documented choice: the splitter never starts a sentence with a
        // small letter, so a seam detector sharing its rules does not either.
        assert!(false_stop("it was not enough.ebb and flow", 0));
    }

    #[test]
    fn anything_but_a_dot_is_no_false_stop() {
        assert!(!is_false_stop("a.b", 0));
        assert!(!is_false_stop("a.b", 9));
        assert!(!is_false_stop("", 0));
        assert!(!is_false_stop("Ünïcödé.Text", 1));
        assert!(!is_false_stop("Ünïcödé\u{a0}x\u{a0}said.Text is", 20));
        assert!(is_false_stop("x\u{3000}Mr.Benn", 6));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "[a-zA-Z0-9 .@é\u{a0}\u{3000}。]{0,80}", at in 0usize..200) {
            let _ = is_false_stop(&text, at);
            for (dot, _) in text.match_indices('.') {
                let _ = is_false_stop(&text, dot);
            }
        }
    }

    #[test]
    fn looks_at_a_bounded_window_of_long_text() {
        let long = format!(
            "{} Moscow.In late 2021 {}",
            "word ".repeat(10_000),
            "x ".repeat(10_000)
        );
        let dot = long.find('.').unwrap();
        assert!(!is_false_stop(&long, dot));
        let glued = "é".repeat(200) + "." + &"é".repeat(200);
        assert!(is_false_stop(&glued, glued.find('.').unwrap()));
    }
}
