//! What the scanner does differently for a language with rules of its own
//! (`data/sentences/`, issue 15): other marks that end sentences (Greek
//! `;`, Armenian `:`, Amharic `::`, `|` for the danda), asides in `（…）`,
//! an ellipsis opening a sentence, ordinals and sentence openers. With no
//! rules (English) none of this runs.

use super::{Scanner, WINDOW};
use crate::sentences::language::Rules;
use crate::sentences::tables::{is_continuation, is_terminator};

impl<'a> Scanner<'a> {
    /// Whether `word` opens sentences, in English or the language.
    pub(super) fn starter(&self, word: &str) -> bool {
        crate::sentences::tables::is_starter(word) || self.rules.is_some_and(|r| r.is_starter(word))
    }

    /// "am 3. Oktober", "der 2. Weltkrieg": with `ordinal-dot`, a
    /// capitalised word after a short number that opens no sentence.
    pub(super) fn ordinal(&self, next: &str) -> bool {
        self.rules.is_some_and(|r| r.ordinal_dot)
            && next.chars().next().is_some_and(char::is_uppercase)
            && !self.starter(next)
    }

    /// A non-ASCII char at `i` that the language treats apart: returns
    /// where the main loop goes on, or `None` to treat it as usual.
    pub(super) fn language_char(&mut self, rules: &Rules, i: usize, c: char) -> Option<usize> {
        match c {
            '၊' if rules.little_section_continues => Some(i + c.len_utf8()),
            '\u{37e}' if rules.semicolon_question => Some(self.stand_in(i, c)),
            '（' if rules.paren_hold => {
                self.paren_open = Some(i);
                None
            }
            '）' if rules.paren_hold => {
                self.paren_open = None;
                None
            }
            _ => None,
        }
    }

    /// An ASCII mark standing for another script's stop: Greek `;`,
    /// Armenian `:`, Amharic `::`, `|` for `।`. It ends the sentence when
    /// whitespace follows (so "10:30" and "http://" do not), and a Greek
    /// question not before a small letter. Returns where the main loop goes
    /// on.
    pub(super) fn stand_in(&mut self, i: usize, c: char) -> usize {
        let len = c.len_utf8();
        let mut end = i + len;
        let mut count = 1;
        while self.char_at(end) == Some(c) {
            end += len;
            count += 1;
        }
        let Some(rules) = self.rules else {
            return end;
        };
        let applies = match c {
            ';' | '\u{37e}' => rules.semicolon_question,
            ':' => rules.colon_stop > 0 && count >= rules.colon_stop,
            '|' => rules.pipe_danda,
            _ => false,
        };
        if !applies {
            return end;
        }
        let closers = self.closers_at(end);
        let k = closers.end;
        let quotes = self.text[end..k].bytes().filter(|&b| b == b'"').count();
        self.straight_quotes += quotes as u32;
        let next_pos = self.skip_while(k, self.text.len(), char::is_whitespace);
        let Some(next) = self.char_at(next_pos) else {
            return k;
        };
        let question = matches!(c, ';' | '\u{37e}');
        if next_pos == k
            || is_continuation(next)
            || is_terminator(next)
            || (question && next.is_lowercase())
        {
            return k;
        }
        self.cut(next_pos);
        k
    }

    /// With `paren-hold`: whether the stop whose run ends at `end` stands
    /// inside an aside in `（…）` that closes soon after.
    pub(super) fn paren_holds(&mut self, end: usize) -> bool {
        if self.paren_open.is_none() || !self.rules.is_some_and(|r| r.paren_hold) {
            return false;
        }
        let rest = self.text.get(end..).unwrap_or("");
        for (j, c) in rest.char_indices() {
            match c {
                '）' => {
                    if j == 0 {
                        // The closer is skipped with the run.
                        self.paren_open = None;
                    }
                    return true;
                }
                '（' | '\n' => return false,
                _ if j > 4 * WINDOW => return false,
                _ => {}
            }
        }
        false
    }

    /// "Wat? ...en toen": after a sentence's end, an ellipsis glued to the
    /// next word opens the next sentence.
    pub(super) fn ellipsis_opens(&mut self, pos: usize) {
        let run = self.run_at(pos);
        if run.dots >= 3
            && !run.spaced
            && !run.strong
            && !run.hard
            && self.char_at(run.end).is_some_and(char::is_alphabetic)
        {
            self.cut(pos);
        }
    }

    /// "Goed. ...en toen": a single full stop, a space and an ellipsis
    /// glued to the next word (the run `i..end` holds them all): the stop
    /// ends the sentence, the ellipsis opens the next. Returns whether it
    /// was that.
    pub(super) fn ellipsis_after_stop(&mut self, i: usize, end: usize) -> bool {
        if self.rules.is_none() {
            return false;
        }
        let run = &self.text[i..end];
        let Some(rest) = run.strip_prefix(". ") else {
            return false;
        };
        if rest.len() < 3 || !rest.bytes().all(|b| b == b'.') {
            return false;
        }
        let word_start = self.word_start(i, super::LeadKind::NotWord);
        // A token start inside a char (after an ellipsis glued to text) has
        // no word to classify: no cut.
        let Some(word) = self.text.get(word_start..i) else {
            return false;
        };
        let plain = self.char_before(i).is_some_and(char::is_alphanumeric)
            && !matches!(
                self.classify(word),
                crate::sentences::tables::Kind::Prefix
                    | crate::sentences::tables::Kind::Initial
                    | crate::sentences::tables::Kind::LowerLetter
            );
        if plain {
            self.cut(i + 2);
            self.tok_start = self
                .tok_start
                .max(super::floor_char_boundary(self.text, end - 1));
        }
        plain
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;
    use crate::sentences::{split, split_in};

    fn split_as<'a>(code: &str, text: &'a str) -> Vec<&'a str> {
        split_in(text, Lang::parse(code))
    }

    #[test]
    fn english_and_unknown_languages_split_as_before() {
        for text in [
            "Is it; or not: maybe | perhaps. Yes. ...and then? ...no.",
            "Wait. ...and then it rained. Dr. med. Meyer came (a. b.) at 10:30: fine; ok.",
            "It costs 5 p. Then: nothing. Usw. Die Kirche.",
        ] {
            assert_eq!(split_in(text, Some(Lang::EN)), split(text));
            assert_eq!(split_in(text, None), split(text));
            assert_eq!(split_as("sv", text), split(text));
        }
    }

    #[test]
    fn a_greek_semicolon_asks_a_question() {
        assert_eq!(split_as("el", "Τι κάνεις; Καλά."), ["Τι κάνεις;", "Καλά."]);
        assert_eq!(
            split_as("el", "Τι κάνεις\u{37e} Καλά."),
            ["Τι κάνεις\u{37e}", "Καλά."]
        );
        // Before a small letter, or glued, it does not.
        assert_eq!(split_as("el", "Ναι; όχι."), ["Ναι; όχι."]);
        assert_eq!(split_as("el", "α;β. Γ."), ["α;β.", "Γ."]);
        // Elsewhere a semicolon is a semicolon.
        assert_eq!(split_as("de", "Ja; Nein."), ["Ja; Nein."]);
    }

    #[test]
    fn stand_ins_for_armenian_amharic_and_hindi_stops() {
        assert_eq!(
            split_as("hy", "Նա եկավ: Նա գնաց:"),
            ["Նա եկավ:", "Նա գնաց:"]
        );
        assert_eq!(
            split_as("hy", "Ժամը 10:30 է: Լավ:"),
            ["Ժամը 10:30 է:", "Լավ:"]
        );
        assert_eq!(
            split_as("hy", "Տես http://a.am կայքը:"),
            ["Տես http://a.am կայքը:"]
        );
        assert_eq!(
            split_as("am", "ዛሬ ዘነበ:: ነገ ይወጣል::"),
            ["ዛሬ ዘነበ::", "ነገ ይወጣል::"]
        );
        assert_eq!(split_as("am", "ሰዓት: 10 ነው::"), ["ሰዓት: 10 ነው::"]);
        assert_eq!(
            split_as("hi", "आज बारिश हुई | कल धूप होगी |"),
            ["आज बारिश हुई |", "कल धूप होगी |"]
        );
        assert_eq!(split_as("hi", "आज बारिश हुई|| कल"), ["आज बारिश हुई||", "कल"]);
    }

    #[test]
    fn a_full_stop_inside_a_japanese_aside_ends_nothing() {
        let text = "延期された（詳細は未定。後日連絡）。待機している。";
        assert_eq!(
            split_as("ja", text),
            ["延期された（詳細は未定。後日連絡）。", "待機している。"]
        );
        let closing = "延期された（未定。）次に進む。";
        assert_eq!(split_as("ja", closing), ["延期された（未定。）次に進む。"]);
        // Without the language's rules, UAX #29 as before.
        assert_eq!(split(text).len(), 3);
        // An aside that never closes holds nothing.
        assert_eq!(
            split_as("zh", "他说（没有。我们走。"),
            ["他说（没有。", "我们走。"]
        );
    }

    #[test]
    fn the_burmese_little_section_is_a_comma() {
        assert_eq!(
            split_as("my", "သင်ရော၊ စားပြီးပြီလား။ ဟုတ်။"),
            ["သင်ရော၊ စားပြီးပြီလား။", "ဟုတ်။"]
        );
        assert_eq!(split("သင်ရော၊ စားပြီးပြီလား။").len(), 2);
    }

    #[test]
    fn an_ellipsis_may_open_a_sentence() {
        assert_eq!(
            split_as("nl", "Ik wachtte. ...en toen kwam hij."),
            ["Ik wachtte.", "...en toen kwam hij."]
        );
        assert_eq!(
            split_as("nl", "Echt? ...en toen?"),
            ["Echt?", "...en toen?"]
        );
        assert_eq!(
            split_as("nl", "Ik wachtte ...en toen kwam hij."),
            ["Ik wachtte ...en toen kwam hij."]
        );
        // Not after a title.
        assert_eq!(split_as("nl", "Dhr. ...en"), ["Dhr. ...en"]);
    }

    #[test]
    fn ordinals_and_elided_titles() {
        assert_eq!(
            split_as("de", "Er wurde 3. Sieger. Dann ging er."),
            ["Er wurde 3. Sieger.", "Dann ging er."]
        );
        assert_eq!(
            split_as("de", "Es waren 12. Dann kam er."),
            ["Es waren 12.", "Dann kam er."]
        );
        assert_eq!(
            split_as("it", "Parla dell'Avv. Rossi."),
            ["Parla dell'Avv. Rossi."]
        );
        assert_eq!(
            split_as("fr", "Voici l’art. 5 du texte."),
            ["Voici l’art. 5 du texte."]
        );
    }
}
