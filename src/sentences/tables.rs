//! The character classes and word tables the scanner consults: terminators,
//! closers and openers, abbreviations by kind, sentence starters, time
//! followers, speech verbs. Kept apart from the scanner so that other
//! passes (the seam detector of `dedup`) can share what it knows:
//! [`known_abbreviation`], [`is_dotted_acronym`] and [`is_false_stop`],
//! which asks the scanner itself, so the two never disagree.

/// What the word before a single full stop is, as far as ending a sentence
/// goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An ordinary word: the full stop ends the sentence.
    Plain,
    /// Starts with a digit ("2005", "$100.00", "3.5%").
    Number,
    /// Stands before a name and never ends a sentence ("Mr.", "Gen.").
    Prefix,
    /// Stands before a number ("No. 10", "p. 55", "Jan. 10").
    NumberPrefix,
    /// Often ends a sentence, often not ("U.S.", "Jr.", "St."): only a
    /// word that typically opens a sentence settles it.
    Ambiguous,
    /// Ends a noun phrase ("Co.", "Ltd.", "Calif."): as `Ambiguous`, but a
    /// capitalised word followed by a small one ("Ltd. Shareholders will")
    /// also means a new sentence, where after "U.S." it would not ("U.S.
    /// Government in Virginia").
    Trailing,
    /// "a.m." and "p.m.", which news style follows with days and zones.
    Time,
    /// A lone capital: an initial, or the pronoun "I".
    Initial,
    /// A lone small letter: an abbreviation ("z. B.", "т. е.") or a list
    /// label.
    LowerLetter,
}

// ---- character classes -------------------------------------------------------

pub(crate) fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽') || is_hard_stop(c)
}

/// Full stops, question and exclamation marks of CJK and other scripts
/// (UAX #29 STerm and full-width ATerm): they end a sentence whatever
/// follows.
pub(crate) fn is_hard_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '｡'
            | '！'
            | '？'
            | '．'
            | '﹖'
            | '﹗'
            | '։'
            | '؟'
            | '۔'
            | '܀'
            | '܁'
            | '܂'
            | '߹'
            | '।'
            | '॥'
            | '၊'
            | '။'
            | '።'
            | '፧'
            | '፨'
            | '᙮'
            | '᠃'
            | '᠉'
            | '⸮'
            | '⸼'
            | '꓿'
            | '꘎'
            | '꘏'
            | '꛳'
            | '꛷'
            | '꡶'
            | '꡷'
            | '꣎'
            | '꣏'
            | '꤯'
            | '꧈'
            | '꧉'
            | '꩝'
            | '꩞'
            | '꩟'
            | '꫰'
            | '꫱'
            | '꯫'
    )
}

/// Marks after which a sentence goes on (UAX #29 SContinue).
pub(crate) fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '-'
            | '–'
            | '—'
            | '―'
            | '،'
            | '؛'
            | '、'
            | '，'
            | '；'
            | '：'
            | '､'
            | '﹐'
            | '﹑'
            | '﹔'
            | '﹕'
            | '－'
    )
}

pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '›'
            | '”'
            | '’'
            | '“'
            | '‘'
            | '«'
            | '」'
            | '』'
            | '）'
            | '］'
            | '｝'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '〗'
            | '〙'
            | '〛'
            | '＂'
            | '＇'
            | '〞'
            | '〟'
    )
}

pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '»'
            | '›'
            | '”'
            | '’'
            | '“'
            | '‘'
            | '«'
            | '」'
            | '』'
            | '＂'
            | '＇'
            | '〞'
            | '〟'
    )
}

pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '«'
            | '»'
            | '‹'
            | '“'
            | '”'
            | '‘'
            | '„'
            | '‚'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '［'
            | '【'
            | '〔'
            | '〈'
            | '《'
            | '〖'
    )
}

pub(crate) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₽')
}

pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '◦' | '▪' | '●' | '■' | '◆')
}

pub(crate) fn is_uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// "U.S", "J.R", "Ph.D": letters in groups of one or two, joined by dots.
pub(crate) fn is_dotted_acronym(word: &str) -> bool {
    let mut groups = 0;
    for group in word.split('.') {
        let n = group.chars().count();
        if n == 0 || n > 2 || !group.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// A list label: one or two digits, or one small ASCII letter.
pub(crate) fn marker_value(word: &str) -> Option<(u32, bool)> {
    match word.as_bytes() {
        [d @ b'0'..=b'9'] => Some((u32::from(d - b'0'), false)),
        [d @ b'0'..=b'9', e @ b'0'..=b'9'] => {
            Some((u32::from(d - b'0') * 10 + u32::from(e - b'0'), false))
        }
        [l @ b'a'..=b'z'] => Some((u32::from(l - b'a') + 1, true)),
        _ => None,
    }
}

// ---- word tables -----------------------------------------------------------------
//
// Written for news in English first, then German, French and Russian. The
// words are matched exactly, without the final full stop.

pub(crate) fn known_abbreviation(word: &str) -> Option<Kind> {
    let kind = match word {
        // Titles, ranks and the like, always followed by a name.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Profs" | "Gen"
        | "Gens" | "Lt" | "Col" | "Cols" | "Maj" | "Capt" | "Cpt" | "Cmdr" | "Cdr" | "Comdr"
        | "Adm" | "Brig" | "Sgt" | "Cpl" | "Pvt" | "Pte" | "Spc" | "Ens" | "Lieut" | "Sen"
        | "Sens" | "Rep" | "Reps" | "Gov" | "Govs" | "Pres" | "Supt" | "Insp" | "Det" | "Hon"
        | "Rev" | "Revd" | "Fr" | "Msgr" | "Mt" | "Ft" | "Amb" | "Atty" | "Ald" | "Cllr"
        | "Asst" | "Assoc" | "Treas" | "Gov.-Gen" | "Lt.-Col" | "Lt.-Gen" | "Maj.-Gen" => {
            Kind::Prefix
        }
        // Small-letter abbreviations that may stand before a capital.
        "vs" | "v" | "cf" | "viz" | "approx" | "ca" | "incl" | "excl" | "esp" | "resp" | "e.g"
        | "i.e" | "a.k.a" | "aka" => Kind::Prefix,
        // German.
        "Hr" | "Hrn" | "Frl" | "Dres" | "Dipl" | "Ing" | "Mag" | "bzw" | "vgl" | "sog" | "ggf"
        | "evtl" | "bspw" | "inkl" | "zzgl" | "exkl" | "z.B" | "z.T" | "d.h" | "u.a" | "o.ä"
        | "s.o" | "s.u" | "u.U" | "v.a" | "i.d.R" | "u.ä" => Kind::Prefix,
        // French.
        "MM" | "Mme" | "Mlle" | "Mlles" | "Mgr" | "Pr" | "av" | "bd" | "p.ex" => Kind::Prefix,
        // Russian.
        "т.е" | "т.к" | "т.н" | "им" | "ул" | "пр" | "просп" | "пл" | "кв" | "проф" | "акад"
        | "доц" | "св" | "тов" | "гр" | "см" | "ср" | "напр" => Kind::Prefix,
        // Before a number.
        "No" | "no" | "Nos" | "nos" | "Nr" | "Nrn" | "N°" | "Nº" | "n°" | "nº" | "№" | "p"
        | "pp" | "Vol" | "Vols" | "vol" | "vols" | "Fig" | "Figs" | "fig" | "figs" | "Art"
        | "art" | "Ch" | "ch" | "Chap" | "chap" | "Sect" | "sect" | "Op" | "op" | "Tel" | "tel"
        | "Ext" | "ext" | "Pt" | "pt" | "Para" | "para" | "Par" | "par" | "Rs" | "Rp" | "Bd"
        | "Abs" | "Ziff" | "c" | "ft" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug"
        | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "Jän" | "Febr" | "Okt" | "Dez" | "janv"
        | "févr" | "avr" | "juil" | "oct" | "déc" | "jan" | "feb" | "mar" | "apr" | "jun"
        | "jul" | "aug" | "sep" | "sept" | "nov" | "dec" | "ст" | "ч" | "стр" | "рис" | "гл"
        | "табл" => Kind::NumberPrefix,
        // Company suffixes and US states and Canadian provinces: they end
        // the noun phrase.
        "Co" | "co" | "Cos" | "Corp" | "corp" | "Inc" | "inc" | "Ltd" | "ltd" | "Bros" | "bros"
        | "Cie" | "Esq" | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla"
        | "Ga" | "Ill" | "Ind" | "Kan" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss"
        | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Ont" | "Que" | "Alta" | "Sask"
        | "Pa" | "Tenn" | "Tex" | "Va" | "Vt" | "Wash" | "Wis" | "Wyo" => Kind::Trailing,
        // May end a sentence as well as stand inside one.
        "Jr" | "Sr" | "Snr" | "Jnr" | "Dept" | "Univ" | "Assn" | "Ave" | "Blvd" | "Rd" | "St"
        | "Ste" | "Sq" | "Sec" | "sec" | "Dir" | "al" | "Mio" | "Mrd" | "Tsd" | "Jh" | "Jhd"
        | "др" | "гг" | "млн" | "млрд" | "тыс" | "руб" | "коп" | "долл" | "т.д" | "т.п" => {
            Kind::Ambiguous
        }
        "a.m" | "p.m" | "A.M" | "P.M" => Kind::Time,
        _ => return None,
    };
    Some(kind)
}

/// Words that usually open a sentence. After an ambiguous abbreviation
/// ("U.S.", "Co.") or an initial, one of these means the sentence ended.
pub(crate) fn is_starter(word: &str) -> bool {
    matches!(
        word,
        // English.
        "A" | "An" | "The" | "This" | "That" | "These" | "Those" | "There" | "Then" | "They"
            | "Their" | "He" | "She" | "It" | "Its" | "I" | "We" | "You" | "My" | "Our"
            | "Your" | "His" | "Her" | "But" | "And" | "Or" | "So" | "Yet" | "Nor" | "If"
            | "In" | "On" | "At" | "As" | "By" | "For" | "From" | "To" | "Of" | "With"
            | "After" | "Before" | "During" | "Since" | "Until" | "While" | "When" | "Where"
            | "What" | "Which" | "Who" | "Whom" | "Whose" | "Why" | "How" | "However"
            | "Meanwhile" | "Moreover" | "Furthermore" | "Also" | "Although" | "Though"
            | "Because" | "Despite" | "Still" | "Instead" | "Now" | "Today" | "Yesterday"
            | "Some" | "Many" | "Most" | "Several" | "Such" | "Both" | "Each" | "Every"
            | "All" | "No" | "Not" | "Only" | "Is" | "Are" | "Was" | "Were" | "Do" | "Does"
            | "Did" | "Has" | "Have" | "Had" | "Here" | "Even" | "Thus" | "Therefore"
            | "Another" | "Earlier" | "Later" | "Once" | "Perhaps" | "Indeed" | "Yes"
            | "Please" | "Let" | "According" | "Last" | "Other"
            // German.
            | "Der" | "Die" | "Das" | "Den" | "Dem" | "Ein" | "Eine" | "Einen" | "Er" | "Sie"
            | "Es" | "Wir" | "Ich" | "Ihr" | "Man" | "Auch" | "Aber" | "Und" | "Oder" | "Doch"
            | "Denn" | "Dann" | "Dabei" | "Damit" | "Danach" | "Dazu" | "Deshalb" | "Jedoch"
            | "Zudem" | "Außerdem" | "Nun" | "Nach" | "Bei" | "Mit" | "Im" | "Am" | "Zum"
            | "Zur" | "Vom" | "Wie" | "Wer" | "Wo" | "Warum" | "Als" | "Wenn" | "Dies"
            | "Diese" | "Dieser" | "Dieses" | "Seit"
            // French.
            | "Le" | "La" | "Les" | "Il" | "Elle" | "Ils" | "Elles" | "Nous" | "Vous" | "Je"
            | "Un" | "Une" | "Ce" | "Cette" | "Ces" | "Mais" | "Et" | "Donc" | "Dans" | "Pour"
            | "Selon" | "Après" | "Avant" | "Depuis" | "Ainsi" | "Puis"
            // Russian.
            | "Он" | "Она" | "Оно" | "Они" | "Мы" | "Я" | "Вы" | "Это" | "Этот" | "Эта"
            | "Эти" | "В" | "Во" | "На" | "Но" | "И" | "А" | "По" | "Как" | "Что" | "Также"
            | "Однако" | "При" | "После" | "До" | "Тогда" | "Так"
    )
}

/// What news style puts after "a.m." and "p.m." in the same sentence.
pub(crate) fn is_time_follower(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Mon"
            | "Tue"
            | "Tues"
            | "Wed"
            | "Thu"
            | "Thurs"
            | "Fri"
            | "Sat"
            | "Sun"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "GMT"
            | "BST"
            | "UTC"
            | "CET"
            | "CEST"
            | "IST"
            | "JST"
            | "AEST"
            | "AEDT"
            | "HKT"
            | "SGT"
            | "Eastern"
            | "Pacific"
            | "Central"
            | "Mountain"
            | "Greenwich"
    )
}

/// Prepositions that open a sentence with its time: "At 5 a.m. ...".
pub(crate) fn is_fronting_preposition(word: &str) -> bool {
    matches!(
        word,
        "At" | "By"
            | "Before"
            | "After"
            | "Until"
            | "Till"
            | "From"
            | "Around"
            | "About"
            | "Since"
            | "Starting"
            | "Beginning"
            | "Shortly"
            | "Sometime"
            | "Between"
            | "Circa"
            | "Approximately"
            | "Roughly"
            | "Just"
    )
}

/// Nouns that follow a German ordinal number ("am 3. Oktober").
pub(crate) fn is_ordinal_noun(word: &str) -> bool {
    matches!(
        word,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
            | "Jahrhundert"
            | "Jahrtausend"
            | "Mal"
            | "Platz"
            | "Stock"
            | "Liga"
            | "Bundesliga"
            | "Weltkrieg"
            | "Spieltag"
            | "Runde"
            | "Etappe"
            | "Klasse"
            | "Jahrestag"
            | "Geburtstag"
            | "Kapitel"
            | "Quartal"
            | "Halbjahr"
            | "Jahrhunderts"
            | "Monat"
            | "Woche"
            | "Stufe"
            | "Grad"
            | "Bezirk"
            | "FC"
    )
}

pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "replied"
            | "replies"
            | "answered"
            | "shouted"
            | "wrote"
            | "writes"
            | "wondered"
            | "continued"
            | "explained"
            | "insisted"
            | "recalled"
            | "exclaimed"
            | "cried"
            | "yelled"
            | "demanded"
            | "declared"
            | "noted"
            | "argued"
            | "urged"
            | "warned"
            | "joked"
            | "laughed"
            | "screamed"
            | "whispered"
            | "quipped"
            | "responded"
            | "countered"
            | "tweeted"
    )
}

// ---- false stops ----------------------------------------------------------------

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
// Used by the seam detector of `dedup` (issue 12); tested here until then.
#[cfg_attr(not(test), allow(dead_code))]
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
