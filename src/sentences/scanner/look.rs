//! Bounded looks around a position of the text: the run of terminators and
//! the closers after it, the words before and after, the previous token.
//! Each looks at most a window of bytes, so every decision is O(1).

use super::{Closers, Run, Scanner, WINDOW};
use crate::sentences::tables::*;

impl<'a> Scanner<'a> {
    // ---- looking around ----------------------------------------------------

    pub(super) fn run_at(&self, i: usize) -> Run {
        let bytes = self.text.as_bytes();
        let mut run = Run {
            end: i,
            dots: 0,
            spaced: false,
            strong: false,
            hard: false,
        };
        let mut j = i;
        while j < bytes.len() {
            match bytes[j] {
                b'.' => run.dots += 1,
                b'?' | b'!' => run.strong = true,
                // ". . .": a space between two dots belongs to the run.
                b' ' if j > i
                    && bytes[j - 1] == b'.'
                    && bytes.get(j + 1) == Some(&b'.')
                    && !run.strong =>
                {
                    run.spaced = true
                }
                b if b >= 0x80 => {
                    let Some(c) = self.char_at(j) else { break };
                    match c {
                        '…' => run.dots += 3,
                        '‼' | '⁇' | '⁈' | '⁉' | '‽' => run.strong = true,
                        c if is_hard_stop(c) => run.hard = true,
                        _ => break,
                    }
                    j += c.len_utf8();
                    continue;
                }
                _ => break,
            }
            j += 1;
        }
        run.end = j;
        run
    }

    pub(super) fn closers_at(&self, mut k: usize) -> Closers {
        let mut closers = Closers {
            end: k,
            first: None,
            quote: false,
        };
        while let Some(c) = self.char_at(k) {
            let after = self.char_at(k + c.len_utf8());
            let (closer, len) = if is_closer(c) {
                // "Jr.'s", `said.“The`: an apostrophe or an opening quote.
                let may_open = matches!(c, '\'' | '’' | '‘' | '“' | '«');
                if may_open && after.is_some_and(char::is_alphanumeric) {
                    break;
                }
                (c, c.len_utf8())
            } else if let (true, Some(q @ ('»' | '›'))) = (c.is_whitespace(), after) {
                // French spacing: « Oui. »
                (q, c.len_utf8() + q.len_utf8())
            } else {
                break;
            };
            closers.first.get_or_insert(closer);
            closers.quote |= is_quote(closer);
            k += len;
        }
        closers.end = k;
        closers
    }

    /// "[...]" and "(…)" mark an omission, not an end.
    pub(super) fn bracketed(&self, i: usize, closers: &Closers) -> bool {
        matches!(self.char_before(i), Some('[' | '(')) && matches!(closers.first, Some(']' | ')'))
    }

    /// Whether only bullets, openers and whitespace stand between the
    /// start of the sentence and `pos`.
    pub(super) fn sentence_initial(&self, pos: usize) -> bool {
        match self.text.get(self.sent_start..pos) {
            Some(head) if head.len() <= 16 => head
                .chars()
                .all(|c| c.is_whitespace() || is_bullet(c) || is_opener(c)),
            _ => false,
        }
    }

    /// Whether the previous token's first letter (within a few chars) is a
    /// small one.
    pub(super) fn prev_token_is_lowercase(&self) -> bool {
        self.text
            .get(self.prev_tok.0..self.prev_tok.1)
            .and_then(|t| t.chars().take(8).find(|c| c.is_alphabetic()))
            .is_some_and(char::is_lowercase)
    }

    /// The previous token if it is short, else "" (a long one matches no
    /// table, and looking at it all would cost more than O(1)).
    pub(super) fn prev_token(&self) -> &str {
        let (start, end) = self.prev_tok;
        if end - start > WINDOW {
            return "";
        }
        self.text.get(start..end).unwrap_or("")
    }

    /// The current token holds a URL or an e-mail address.
    pub(super) fn token_is_url(&mut self) -> bool {
        if let Some((start, end, is_url)) = self.url_cache {
            // A glued cut moves `tok_start` inside the token looked at last:
            // the answer still holds, and rescanning would be quadratic.
            if start <= self.tok_start && self.tok_start < end {
                return is_url;
            }
        }
        let rest = self.text.get(self.tok_start..).unwrap_or("");
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let tok = rest[..len].trim_start_matches(is_opener);
        let is_url = tok.contains('@')
            || tok.contains("://")
            || tok.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."));
        self.url_cache = Some((self.tok_start, self.tok_start + len, is_url));
        is_url
    }

    /// The letters from `pos` on, at most about 32 bytes of them.
    pub(super) fn word_at(&self, pos: usize) -> &'a str {
        let Some(rest) = self.text.get(pos..) else {
            return "";
        };
        let mut end = 0;
        for (j, c) in rest.char_indices() {
            if !c.is_alphabetic() || j > 32 {
                break;
            }
            end = j + c.len_utf8();
        }
        &rest[..end]
    }

    /// The first byte at or after `from` (and before `limit`) whose char
    /// does not satisfy `pred`.
    pub(super) fn skip_while(
        &self,
        from: usize,
        limit: usize,
        pred: impl Fn(char) -> bool,
    ) -> usize {
        let Some(rest) = self.text.get(from..) else {
            return from;
        };
        let mut pos = from;
        for c in rest.chars() {
            if pos >= limit || !pred(c) {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    pub(super) fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    pub(super) fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }
}
