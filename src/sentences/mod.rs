//! Sentence splitting for JSON output.
//!
//! The JSON writers list each paragraph's sentences. Plain Unicode sentence
//! boundaries (UAX #29, as `unicode-segmentation` gives them) are wrong
//! several times per news article: they break after every "Mr." and
//! "U.S.", inside "J. R. Ewing" and "Jan. 10", and they keep scraped text
//! such as "Moscow.In late 2021" glued together. This module keeps the
//! UAX #29 rules that work (a full stop followed by a lower-case word does
//! not end a sentence; closing quotes and brackets stay with the sentence
//! they close; CJK and other scripts' full stops always end one) and adds
//! what news text needs: tables of abbreviations, initials, numbered lists,
//! ellipses, and quotations followed by their attribution.
//!
//! It is one forward scan over the paragraph. Every decision looks at a
//! bounded window around a terminator (the word before it, the word or two
//! after it), so the cost is linear in the input and nothing is allocated
//! but the result.
//!
//! Only the JSON writers need sentences, so the cleaner never calls this on
//! its hot path: it runs after dedup, once per kept paragraph.
//!
//! The scanner, its rules and its tables live in files of their own:
//! `scanner.rs` holds the state machine (one pass, its events), with the
//! decisions about one terminator in `scanner/rules.rs` and the bounded
//! look-arounds in `scanner/look.rs`, other languages' marks in
//! `scanner/marks.rs`; `tables.rs` holds the character
//! classes and the word tables they consult; `language.rs` the rules of
//! other languages, read from `data/sentences/` (issue 15).

mod language;
mod scanner;
pub(crate) mod tables;
#[cfg(test)]
mod tests;

pub use language::languages;
use scanner::Scanner;

use crate::lang::Lang;

/// Splits one paragraph into sentences, each trimmed, none empty.
///
/// The sentences are slices of `paragraph`, in order, and nothing but
/// whitespace lies between or around them: no text is lost or changed.
/// Any input is accepted, including empty, punctuation-only and very long
/// strings.
///
/// Complexity: *O(n)* time in the paragraph's length `n`: one forward pass,
/// each decision looking at a window of at most a few dozen bytes, and each
/// token's leading punctuation read once however many stops the token
/// holds (`"(" * n + "a.b" * n` was quadratic before issue 13); *O(s)*
/// memory for the `s` sentences returned, which borrow the paragraph.
///
/// ```
/// let s = newsdedup::sentences::split("At 5 a.m. Mr. Smith left the U.S. He came back.");
/// assert_eq!(s, ["At 5 a.m. Mr. Smith left the U.S.", "He came back."]);
/// ```
pub fn split(paragraph: &str) -> Vec<&str> {
    let mut scanner = Scanner::new(paragraph, None);
    scanner.scan();
    scanner.finish()
}

/// Splits one paragraph as [`split`] does, with the rules of `lang` (its
/// abbreviations, titles, ordinals, sentence openers and marks; see
/// [`languages`]). English, `None` and languages without rules of their
/// own give exactly [`split`].
///
/// Complexity: as [`split`], *O(n)* time, *O(s)* memory.
///
/// ```
/// use newsdedup::{lang::Lang, sentences::split_in};
/// let de = Lang::parse("de");
/// assert_eq!(split_in("Dr. med. Meyer kam. Er ging.", de), ["Dr. med. Meyer kam.", "Er ging."]);
/// let el = Lang::parse("el");
/// assert_eq!(split_in("Τι κάνεις; Καλά.", el), ["Τι κάνεις;", "Καλά."]);
/// ```
pub fn split_in(paragraph: &str, lang: Option<Lang>) -> Vec<&str> {
    let mut scanner = Scanner::new(paragraph, lang.and_then(language::rules));
    scanner.scan();
    scanner.finish()
}
