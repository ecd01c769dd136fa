//! The character classes and word tables the scanner consults: terminators,
//! closers and openers, abbreviations by kind, sentence starters, time
//! followers, speech verbs. Kept apart from the scanner so that other
//! passes (the seam detector of `dedup`) can share what it knows:
//! [`known_abbreviation`], [`is_dotted_acronym`] and
//! [`is_title_abbreviation`], so the two keep one list.

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

/// Whether `word` (without its stop) is an abbreviation that always stands
/// before a name or a term (`Mr`, `Dr`, `Gen`, `vs`): a stop after it ends
/// no sentence, even glued to a capital (`Mr.Benn`). The paragraph-seam
/// detector of `dedup` asks this.
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    matches!(known_abbreviation(word), Some(Kind::Prefix))
}

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
