//! Sentence rules by language (issue 15): each language's abbreviations,
//! titles, ordinals, sentence openers and marks, read from the data files
//! in `data/sentences/` (their format is in the README there).
//!
//! The files are compiled in with `include_str!` and parsed once, on first
//! use, into one [`Rules`] per language. English has no file: with no
//! rules the scanner is exactly the English one, so English output cannot
//! change.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::tables::Kind;
use crate::lang::Lang;

/// The data files, by ISO 639-1 code.
const FILES: &[(&str, &str)] = &[
    ("am", include_str!("../../data/sentences/am.txt")),
    ("bg", include_str!("../../data/sentences/bg.txt")),
    ("cs", include_str!("../../data/sentences/cs.txt")),
    ("da", include_str!("../../data/sentences/da.txt")),
    ("de", include_str!("../../data/sentences/de.txt")),
    ("el", include_str!("../../data/sentences/el.txt")),
    ("es", include_str!("../../data/sentences/es.txt")),
    ("fr", include_str!("../../data/sentences/fr.txt")),
    ("hi", include_str!("../../data/sentences/hi.txt")),
    ("hy", include_str!("../../data/sentences/hy.txt")),
    ("it", include_str!("../../data/sentences/it.txt")),
    ("ja", include_str!("../../data/sentences/ja.txt")),
    ("kk", include_str!("../../data/sentences/kk.txt")),
    ("mr", include_str!("../../data/sentences/mr.txt")),
    ("my", include_str!("../../data/sentences/my.txt")),
    ("ne", include_str!("../../data/sentences/ne.txt")),
    ("nl", include_str!("../../data/sentences/nl.txt")),
    ("pl", include_str!("../../data/sentences/pl.txt")),
    ("pt", include_str!("../../data/sentences/pt.txt")),
    ("ru", include_str!("../../data/sentences/ru.txt")),
    ("sk", include_str!("../../data/sentences/sk.txt")),
    ("zh", include_str!("../../data/sentences/zh.txt")),
];

/// The codes of the languages with rules of their own, sorted.
pub fn languages() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(code, _)| *code)
}

/// One language's rules.
#[derive(Debug)]
pub(crate) struct Rules {
    words: HashMap<&'static str, Kind>,
    starters: HashSet<&'static str>,
    /// "am 3. Oktober": a short number and a capitalised word that opens
    /// no sentence make an ordinal.
    pub(crate) ordinal_dot: bool,
    /// Greek: `;` and U+037E are question marks.
    pub(crate) semicolon_question: bool,
    /// How many colons in a row end a sentence (Armenian 1, Amharic 2); 0:
    /// none.
    pub(crate) colon_stop: usize,
    /// `|` stands for the danda `।`.
    pub(crate) pipe_danda: bool,
    /// A stop inside `（…）` ends no sentence.
    pub(crate) paren_hold: bool,
    /// `၊` is a comma.
    pub(crate) little_section_continues: bool,
    /// The ASCII bytes the scanner's main loop must look at.
    pub(crate) special: [bool; 128],
}

impl Rules {
    fn parse(text: &'static str) -> Rules {
        let mut rules = Rules {
            words: HashMap::new(),
            starters: HashSet::new(),
            ordinal_dot: false,
            semicolon_question: false,
            colon_stop: 0,
            pipe_danda: false,
            paren_hold: false,
            little_section_continues: false,
            special: super::scanner::ASCII_SPECIAL,
        };
        let mut section = "";
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let kind = match section {
                "titles" => Kind::Prefix,
                "number" => Kind::NumberPrefix,
                "abbreviations" => Kind::Ambiguous,
                "enders" => Kind::Trailing,
                "starters" => {
                    rules.starters.insert(line);
                    continue;
                }
                "rules" => {
                    rules.set(line);
                    continue;
                }
                _ => panic!("data/sentences: unknown section [{section}]"),
            };
            // A word listed twice takes its last kind.
            rules.words.insert(line, kind);
        }
        for (on, b) in [
            (rules.semicolon_question, b';'),
            (rules.colon_stop > 0, b':'),
            (rules.pipe_danda, b'|'),
        ] {
            rules.special[b as usize] |= on;
        }
        rules
    }

    fn set(&mut self, rule: &str) {
        match rule {
            "ordinal-dot" => self.ordinal_dot = true,
            "question-semicolon" => self.semicolon_question = true,
            "colon-stop" => self.colon_stop = 1,
            "double-colon-stop" => self.colon_stop = 2,
            "pipe-danda" => self.pipe_danda = true,
            "paren-hold" => self.paren_hold = true,
            "little-section-continues" => self.little_section_continues = true,
            _ => panic!("data/sentences: unknown rule {rule}"),
        }
    }

    /// The kind of `word` (without its full stop) in this language: looked
    /// up as written, then with a capital first letter made small (an
    /// abbreviation opening a sentence: "Кв. 234").
    pub(crate) fn kind(&self, word: &str) -> Option<Kind> {
        if let Some(&kind) = self.words.get(word) {
            return Some(kind);
        }
        let mut chars = word.chars();
        let first = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        // On the stack: this runs at every capitalised word before a stop.
        let mut buf = [0u8; 64];
        let mut len = 0;
        for c in first.to_lowercase() {
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        let rest = chars.as_str().as_bytes();
        if len + rest.len() > buf.len() {
            return None;
        }
        buf[len..len + rest.len()].copy_from_slice(rest);
        let lower = std::str::from_utf8(&buf[..len + rest.len()]).ok()?;
        self.words.get(lower).copied()
    }

    /// Whether `word` opens sentences in this language.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

/// The rules of `lang`, or `None` for English and languages without rules
/// (which are split by the scanner's own rules).
pub(crate) fn rules(lang: Lang) -> Option<&'static Rules> {
    static ALL: OnceLock<Vec<(&'static str, Rules)>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        FILES
            .iter()
            .map(|(code, text)| (*code, Rules::parse(text)))
            .collect()
    });
    let code = lang.as_str();
    all.binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|n| &all[n].1)
}

/// "l'Ing", "dell'Avv", "d’Ing": the word after an elided article.
pub(crate) fn strip_elision(word: &str) -> &str {
    match word.rfind(['\'', '’']) {
        Some(n) if n + 1 < word.len() => {
            &word[n + word[n..].chars().next().map_or(1, char::len_utf8)..]
        }
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap()
    }

    #[test]
    fn every_file_parses_and_files_are_sorted() {
        assert!(FILES.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, _) in FILES {
            assert!(rules(lang(code)).is_some(), "{code}");
        }
        assert!(rules(Lang::EN).is_none());
        assert!(rules(lang("sv")).is_none());
    }

    #[test]
    fn looks_words_up_by_kind_and_capitalised() {
        let de = rules(lang("de")).unwrap();
        assert_eq!(de.kind("Dr"), Some(Kind::Prefix));
        assert_eq!(de.kind("Nr"), Some(Kind::NumberPrefix));
        assert_eq!(de.kind("kath"), Some(Kind::Ambiguous));
        assert_eq!(de.kind("Kath"), Some(Kind::Ambiguous));
        assert_eq!(de.kind("Haus"), None);
        assert!(de.ordinal_dot && de.is_starter("Die"));
        let ru = rules(lang("ru")).unwrap();
        assert_eq!(ru.kind("Кв"), Some(Kind::NumberPrefix));
        assert!(rules(lang("el")).unwrap().special[b';' as usize]);
        assert!(!rules(lang("de")).unwrap().special[b';' as usize]);
    }

    #[test]
    fn strips_elided_articles() {
        assert_eq!(strip_elision("l'Ing"), "Ing");
        assert_eq!(strip_elision("dell’Avv"), "Avv");
        assert_eq!(strip_elision("Ing"), "Ing");
        assert_eq!(strip_elision("l'"), "l'");
    }
}
