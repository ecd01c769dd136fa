//! The rules that decide whether one terminator ends a sentence: glued
//! stops ("Moscow.In"), a single full stop after a word of some kind, times,
//! titles and attributions; and the classification of the word before a
//! full stop.

use super::{Run, Scanner, WINDOW};
use crate::sentences::language::strip_elision;
use crate::sentences::tables::*;

impl<'a> Scanner<'a> {
    /// Whether a run with no space after it ends the sentence: not in
    /// "3.5", "Node.js", "U.S.A.", but in "Moscow.In late 2021", where a
    /// scraper lost the space.
    pub(super) fn glued_ends(
        &mut self,
        i: usize,
        run: &Run,
        k: usize,
        next: char,
        word_start: usize,
    ) -> bool {
        if run.spaced || run.dots == 2 {
            return false;
        }
        // `said.“The`: an opening quote may be glued to the new sentence.
        let (pos, c) = if is_opener(next) && next != '"' && next != '\'' {
            let pos = k + next.len_utf8();
            match self.char_at(pos) {
                Some(c) => (pos, c),
                None => return false,
            }
        } else {
            (k, next)
        };
        if c.is_uppercase() {
            let word = self.word_at(pos);
            if !self.opens_glued_sentence(word, pos) || self.token_is_url() {
                return false;
            }
            let left = &self.text[word_start..i];
            if run.strong {
                left.chars().next_back().is_some_and(char::is_alphabetic)
            } else if run.dots >= 3 {
                // "than Angels...I wonder", but not `"...That is`.
                self.char_before(i).is_some_and(|c| {
                    c.is_alphanumeric() || matches!(c, ')' | ']' | '”' | '’' | '»')
                })
            } else {
                match self.classify(left) {
                    Kind::Plain | Kind::Number | Kind::NumberPrefix => true,
                    Kind::Ambiguous | Kind::Trailing => self.starter(word),
                    Kind::Time => self.time_ends(word),
                    Kind::Prefix | Kind::Initial | Kind::LowerLetter => false,
                }
            }
        } else {
            // "中国.我们": scripts without case and without spaces.
            run.dots < 3
                && is_uncased_letter(c)
                && self.char_before(i).is_some_and(is_uncased_letter)
        }
    }

    /// Whether `word` (at `pos`, right after a glued terminator) looks like
    /// the first word of a sentence, "Moscow.In late 2021", rather than part
    /// of a name: "U.S.A.", "ASP.NET", "One.Tel,", "Halo.Bungie.Org".
    pub(super) fn opens_glued_sentence(&self, word: &str, pos: usize) -> bool {
        let after = self.char_at(pos + word.len());
        if after == Some('.') {
            return false;
        }
        let mut chars = word.chars();
        chars.next();
        let second = chars.next();
        if second.is_some() && self.starter(word) {
            // "2021.However, the": a comma may follow.
            return true;
        }
        let shape = match second {
            Some(c) => c.is_lowercase(),
            None => self.starter(word),
        };
        shape && after.is_none_or(|a| a.is_whitespace() || a == '\'' || a == '’')
    }

    /// Whether a single full stop at `i` ends the sentence, the next word
    /// starting with `first` (not a small letter) at `word_pos`; `closed`
    /// if quotes or brackets close right after the stop.
    pub(super) fn period_ends(
        &self,
        i: usize,
        word_start: usize,
        word_pos: usize,
        first: char,
        closed: bool,
    ) -> bool {
        let word = &self.text[word_start..i];
        let kind = match self.classify(word) {
            // `Prisoner Cell Block H." Labour`: no name goes on past a quote.
            Kind::Initial if closed => Kind::Plain,
            kind => kind,
        };
        if first.is_numeric() {
            // "No. 10", "p. 55", "Jan. 10", "U.S. 10-year notes".
            return matches!(kind, Kind::Plain | Kind::Number);
        }
        let next = self.word_at(word_pos);
        match kind {
            Kind::Plain | Kind::NumberPrefix => true,
            // German ordinals: "am 3. Oktober", "der 1. FC Köln".
            Kind::Number => !(word.len() <= 2 && (is_ordinal_noun(next) || self.ordinal(next))),
            Kind::Prefix | Kind::LowerLetter => false,
            Kind::Ambiguous => self.starter(next),
            Kind::Trailing => self.starter(next) || self.capital_then_small(word_pos, next),
            Kind::Time => self.time_ends(next),
            Kind::Initial => {
                let another_initial =
                    next.chars().count() == 1 && self.char_at(word_pos + next.len()) == Some('.');
                if another_initial {
                    return false;
                }
                // "you and I. Did": the pronoun, after a small word.
                self.starter(next) || (word == "I" && self.prev_token_is_lowercase())
            }
        }
    }

    /// Whether the word at `pos` is written like "iPhone" or "eBay", and
    /// the word before the full stop at `i` is an ordinary one.
    pub(super) fn brand_after_word(&self, word_start: usize, i: usize, pos: usize) -> bool {
        let mut chars = self.word_at(pos).chars();
        chars.next();
        chars.next().is_some_and(char::is_uppercase)
            && matches!(
                self.classify(&self.text[word_start..i]),
                Kind::Plain | Kind::Number
            )
    }

    /// Whether the terminator at `i`, its run ending at `end`, stands
    /// inside a 《title》 that closes soon after.
    pub(super) fn inside_title(&mut self, i: usize, end: usize) -> bool {
        let Some(open) = self.title_open else {
            return false;
        };
        if i - open > 4 * WINDOW {
            self.title_open = None;
            return false;
        }
        let rest = self.text.get(end..).unwrap_or("");
        for (j, c) in rest.char_indices() {
            match c {
                '》' | '〉' => {
                    if j == 0 {
                        // The closer is about to be skipped with the run.
                        self.title_open = None;
                    }
                    return true;
                }
                '《' | '〈' | '\n' => return false,
                _ if j > WINDOW => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether the capitalised word `next` at `pos` stands alone, a word
    /// starting with a small letter after it: "Shareholders will".
    pub(super) fn capital_then_small(&self, pos: usize, next: &str) -> bool {
        let after = pos + next.len();
        if !self.char_at(after).is_some_and(char::is_whitespace) {
            return false;
        }
        let following = self.skip_while(after, after + 8, char::is_whitespace);
        self.char_at(following).is_some_and(char::is_lowercase)
    }

    /// "6 P.M. Mr. Smith" ends a sentence, "At 5 a.m. Mr. Smith went" does
    /// not: a time that opens the sentence is a fronted adverbial.
    pub(super) fn time_ends(&self, next: &str) -> bool {
        if is_time_follower(next) {
            return false;
        }
        let Some(head) = self.text.get(self.sent_start..self.tok_start) else {
            return true;
        };
        if head.len() > WINDOW {
            return true;
        }
        let mut words = head.split_whitespace();
        let first = words.next().map(|w| w.trim_start_matches(is_opener));
        let fronted = first.is_some_and(is_fronting_preposition) && words.count() <= 2;
        !fronted
    }

    /// `"Why?" Mr. Smith asked.`: one to three capitalised words and a
    /// verb of saying after a quoted question or exclamation.
    pub(super) fn attribution_follows(&self, mut pos: usize) -> bool {
        let limit = pos + 2 * WINDOW;
        let mut names = 0;
        while pos < limit {
            let word = self.word_at(pos);
            let Some(first) = word.chars().next() else {
                return false;
            };
            if !first.is_uppercase() {
                // `"Why not?" He said: "We need winners."` is two sentences.
                let colon = self.char_at(pos + word.len()) == Some(':');
                return names > 0 && is_speech_verb(word) && !colon;
            }
            if self.starter(word) {
                return false;
            }
            names += 1;
            if names > 3 {
                return false;
            }
            pos = self.skip_while(pos, limit, |c| !c.is_whitespace());
            pos = self.skip_while(pos, limit, char::is_whitespace);
        }
        false
    }

    // ---- words -------------------------------------------------------------

    pub(super) fn classify(&self, word: &str) -> Kind {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return Kind::Plain;
        };
        if first.is_ascii_digit()
            || (is_currency(first) && chars.next().is_some_and(|c| c.is_ascii_digit()))
        {
            return Kind::Number;
        }
        if word.len() > 24 {
            return Kind::Plain;
        }
        let word = match self.rules {
            Some(rules) => {
                let word = strip_elision(word);
                if let Some(kind) = rules.kind(word) {
                    return kind;
                }
                word
            }
            None => word,
        };
        let Some(first) = word.chars().next() else {
            return Kind::Plain;
        };
        if let Some(kind) = known_abbreviation(word) {
            return kind;
        }
        if first.len_utf8() == word.len() {
            return if first.is_uppercase() {
                Kind::Initial
            } else if first.is_lowercase() {
                self.lone_lowercase(first)
            } else {
                Kind::Plain
            };
        }
        if is_dotted_acronym(word) {
            return Kind::Ambiguous;
        }
        if word.ends_with("str") {
            // German street names before a house number: "Hauptstr. 5".
            return Kind::NumberPrefix;
        }
        Kind::Plain
    }

    pub(super) fn lone_lowercase(&self, c: char) -> Kind {
        match c {
            // A unit after a number may end a sentence: "à 10 h.", and
            // Russian "в 2005 г." (year), where "г. Москва" (city) may not.
            _ if self.prev_token().bytes().any(|b| b.is_ascii_digit()) => Kind::Plain,
            // "и т. д." and "и т. п.": "etc.", often at the end.
            // With Russian or Bulgarian rules it usually closes a list:
            // "груши и т. д. Все купили".
            'д' | 'п' if self.prev_token() == "т." && self.rules.is_some() => Kind::Trailing,
            'д' | 'п' if self.prev_token() == "т." => Kind::Ambiguous,
            _ => Kind::LowerLetter,
        }
    }
}
