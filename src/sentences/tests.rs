//! Tests of the sentence splitter, through `split` only.

use super::*;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Plain UAX #29, as `unicode-segmentation` gives it: the baseline for
/// other languages.
fn uax29(text: &str) -> Vec<&str> {
    text.split_sentence_bounds()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(split(text), expected, "splitting {text:?}");
}

#[track_caller]
fn check_one(text: &str) {
    check(text, &[text]);
}

#[test]
fn splits_plain_sentences() {
    check(
        "Hello World. My name is Jonas.",
        &["Hello World.", "My name is Jonas."],
    );
}

#[test]
fn returns_nothing_for_empty_or_blank_input() {
    assert!(split("").is_empty());
    assert!(split(" \t\n\u{a0}\u{3000}").is_empty());
}

#[test]
fn keeps_punctuation_only_input_whole() {
    check("...", &["..."]);
    check("?!?", &["?!?"]);
    check(". . .", &[". . ."]);
    check(")", &[")"]);
}

#[test]
fn does_not_split_after_honorifics_and_ranks() {
    check_one("Mr. Smith met Dr. Jones and Mrs. Brown.");
    check_one("Lt. Col. Alexander Vindman testified before Sen. Ron Johnson.");
    check_one("Gen. Mark Milley spoke to Gov. Gavin Newsom and Rep. Nancy Pelosi.");
    check_one("Prof. Ng and Sgt. Maj. Ortiz visited Mt. Everest and St. Louis.");
}

#[test]
fn does_not_split_initials() {
    check_one("J.R. Ewing owns the ranch.");
    check_one("J. R. R. Tolkien wrote it.");
    check_one("President George W. Bush spoke.");
    check(
        "It was the best since Prisoner Cell Block H.\" Labour had promised more.",
        &[
            "It was the best since Prisoner Cell Block H.\"",
            "Labour had promised more.",
        ],
    );
    check(
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        &[
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?",
        ],
    );
}

#[test]
fn splits_after_country_acronyms_only_before_a_sentence_opener() {
    check(
        "I live in the U.S. How about you?",
        &["I live in the U.S.", "How about you?"],
    );
    check_one("I work for the U.S. Government in Virginia.");
    check_one("The U.K. Treasury and the E.U. Commission agreed.");
    check(
        "Talks moved to the E.U. The deal is done.",
        &["Talks moved to the E.U.", "The deal is done."],
    );
    check_one("I visited the U.S.A. last year.");
    check_one("Yields on U.S. 10-year notes rose.");
}

#[test]
fn does_not_split_before_numbers_after_months_and_no() {
    check_one("The vote is on Jan. 10 and the count on Sept. 11.");
    check_one("He lives at No. 10 Downing Street.");
    check_one("Please turn to p. 55 of Vol. 3.");
    check(
        "It closed on Feb. 24. The next day it reopened.",
        &["It closed on Feb. 24.", "The next day it reopened."],
    );
}

#[test]
fn splits_after_company_suffixes_only_before_a_sentence_opener() {
    check_one("Apple Inc. Chief Executive Tim Cook spoke.");
    check_one("They closed the deal with Pitt, Briggs & Co. at noon.");
    check(
        "Shares of Microsoft Corp. rose. It was a good day.",
        &["Shares of Microsoft Corp. rose.", "It was a good day."],
    );
    check(
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        &[
            "They closed the deal with Pitt, Briggs & Co.",
            "It closed yesterday.",
        ],
    );
    check(
        "Gulf Canada was renamed Gulf Canada Resources Ltd. Shareholders will be paid.",
        &[
            "Gulf Canada was renamed Gulf Canada Resources Ltd.",
            "Shareholders will be paid.",
        ],
    );
    check_one("Nomura Securities Co. Ltd. said profits rose in Springfield, Ill. today.");
}

#[test]
fn splits_after_am_and_pm_unless_the_time_opens_the_sentence() {
    check(
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
        &[
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    );
    check_one("The polls close at 8 p.m. Tuesday in most states.");
    check_one("Trading resumes at 9:30 a.m. ET on Monday.");
    check(
        "The meeting ended at 9 p.m. Reporters waited outside.",
        &["The meeting ended at 9 p.m.", "Reporters waited outside."],
    );
}

#[test]
fn does_not_split_decimals_and_money() {
    check_one("Profits rose 3.5 percent to $1.2 bn, or £600.5m, in 2021.");
    check(
        "She has $100.00. It is in her bag.",
        &["She has $100.00.", "It is in her bag."],
    );
    check(
        "Shares rose 1.2%. Analysts were surprised.",
        &["Shares rose 1.2%.", "Analysts were surprised."],
    );
}

#[test]
fn does_not_split_urls_and_email_addresses() {
    check(
        "Her email is Jane.Doe@example.com. I sent her an email.",
        &["Her email is Jane.Doe@example.com.", "I sent her an email."],
    );
    check(
        "See https://www.Example.com/News.Today.html. It has more.",
        &[
            "See https://www.Example.com/News.Today.html.",
            "It has more.",
        ],
    );
    check_one("The site www.bbc.co.uk runs on Node.js and example.com hosts it.");
}

#[test]
fn splits_sentences_glued_without_a_space() {
    check(
        "Talks were held in Moscow.In late 2021 they stopped.",
        &["Talks were held in Moscow.", "In late 2021 they stopped."],
    );
    check(
        "Sales rose in 2021.The firm was pleased.",
        &["Sales rose in 2021.", "The firm was pleased."],
    );
    check("Is it over?Yes, it is.", &["Is it over?", "Yes, it is."]);
    check(
        "He left.“It is over,” he said.",
        &["He left.", "“It is over,” he said."],
    );
    check_one("Visit the U.S.A. via Node.js, example.com or ASP.NET for 3.5 days.");
    check_one("Mr.Smith met Dr.Jones in St.Louis.");
    check(
        "\"He arrived on the red carpet.\"It's unlike anything,\" she said.",
        &[
            "\"He arrived on the red carpet.\"",
            "It's unlike anything,\" she said.",
        ],
    );
    check(
        "\"It was a disaster,\" she said.\"We lost everything.\"",
        &[
            "\"It was a disaster,\" she said.",
            "\"We lost everything.\"",
        ],
    );
}

#[test]
fn does_not_split_names_with_a_dot_inside() {
    check_one("Providers such as TalkTalk and One.Tel, which route calls, grew.");
    check_one("The editor of fansite Halo.Bungie.Org, said it was fine.");
    check_one("The Zafi.D virus spread fast.");
    check(
        "It costs $999. iPhone sales rose.",
        &["It costs $999.", "iPhone sales rose."],
    );
    check_one("He recommends Imperial Oil <IMO.A>, up 1/2.");
    check_one("A suit was filed by <G.H. Stool> against Merrill Lynch.");
}

#[test]
fn keeps_quotes_after_the_full_stop_with_their_sentence() {
    check(
        "He said: \"We won.\" The crowd cheered.",
        &["He said: \"We won.\"", "The crowd cheered."],
    );
    check(
        "He said: “We won.” The crowd cheered.",
        &["He said: “We won.”", "The crowd cheered."],
    );
    check(
        "She wrote: ‘It is done.’ Then she left.",
        &["She wrote: ‘It is done.’", "Then she left."],
    );
    check_one("She turned to him, 'This is great.' she said.");
    check_one("That is JFK Jr.'s book.");
}

#[test]
fn keeps_quoted_questions_with_their_attribution() {
    check_one("\"Is it true?\" asked one reporter.");
    check_one("“Is it true?” asked one reporter.");
    check_one("\"Why now?\" Mr. Smith asked.");
    check_one("“We won!” John Smith shouted.");
    check(
        "Why not?\" He said: \"We need winners.\"",
        &["Why not?\"", "He said: \"We need winners.\""],
    );
    check(
        "\"Is it true?\" The minister did not answer.",
        &["\"Is it true?\"", "The minister did not answer."],
    );
    check("Hello!? Is that you?", &["Hello!?", "Is that you?"]);
}

#[test]
fn handles_ellipses() {
    check(
        "I never meant that.... She left the store.",
        &["I never meant that....", "She left the store."],
    );
    check_one("I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.");
    check(
        "There are greater songs than Angels...I wonder why.",
        &["There are greater songs than Angels...", "I wonder why."],
    );
    check(
        "He said. \"...That does not preclude it.\"",
        &["He said.", "\"...That does not preclude it.\""],
    );
    check(
        "He paused… Then he spoke.",
        &["He paused…", "Then he spoke."],
    );
    check_one("\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).");
    check(
        "It was weakened . . . it was compounds. . . . The practice was not abandoned. . . .",
        &[
            "It was weakened . . . it was compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    );
}

#[test]
fn keeps_parentheses_with_their_sentence() {
    check_one("He teaches science (He previously worked for 5 years as an engineer.) at the local University.");
    check(
        "He left. (Nobody saw him.) Then the police came.",
        &["He left.", "(Nobody saw him.)", "Then the police came."],
    );
    check_one("Apple Inc. (AAPL) said sales rose.");
}

#[test]
fn splits_numbered_and_lettered_lists() {
    check(
        "1. The first item 2. The second item",
        &["1. The first item", "2. The second item"],
    );
    check(
        "a) the first item b) the second item",
        &["a) the first item", "b) the second item"],
    );
    check(
        "• 9. The first item • 10. The second item",
        &["• 9. The first item", "• 10. The second item"],
    );
    check(
        "He was ranked No. 1. The team was 2. It was a good year.",
        &[
            "He was ranked No. 1.",
            "The team was 2.",
            "It was a good year.",
        ],
    );
}

#[test]
fn splits_at_blank_lines_but_not_at_soft_wraps() {
    check(
        "The president said on\nMonday that he would go.",
        &["The president said on\nMonday that he would go."],
    );
    check(
        "Headline\n\nBody text here",
        &["Headline", "Body text here"],
    );
}

#[test]
fn matches_unicode_segmentation_on_plain_german_french_russian() {
    for text in [
        "Das ist ein Test. Er funktioniert gut. Wirklich?",
        "Die Regierung hat das Gesetz beschlossen! Die Opposition ist dagegen.",
        "Bonjour. Comment allez-vous ? Très bien, merci !",
        "Le gouvernement a annoncé une réforme. Les syndicats protestent.",
        "Привет. Как дела? Всё хорошо!",
        "Правительство приняло закон. Оппозиция выступила против.",
    ] {
        assert_eq!(split(text), uax29(text), "splitting {text:?}");
    }
}

#[test]
fn matches_unicode_segmentation_on_japanese_and_chinese() {
    for text in [
        "今日は晴れです。明日は雨でしょう。本当ですか？",
        "「行きます。」彼は言った。",
        "我喜欢读书。你呢？我也是！",
        "他说：“我们赢了。”大家都很高兴。",
        "東京は日本の首都です。 大阪は二番目に大きい都市です。",
    ] {
        assert_eq!(split(text), uax29(text), "splitting {text:?}");
    }
}

#[test]
fn does_better_than_unicode_segmentation_on_abbreviations_in_other_languages() {
    check_one("Das Treffen ist am 3. Oktober in Berlin.");
    check_one("Viele Städte, z. B. Hamburg und Köln, sind dafür.");
    check_one("Prof. Dr. Müller wohnt in der Hauptstr. 5 in Bonn.");
    check_one("M. Dupont et Mme Martin sont arrivés.");
    check_one("А. С. Пушкин родился в Москве.");
    check(
        "Это было в 2005 г. Он уехал.",
        &["Это было в 2005 г.", "Он уехал."],
    );
}

#[test]
fn keeps_chinese_titles_and_japanese_quoted_speech_whole() {
    check(
        "我们明天一起去看《摔跤吧！爸爸》好吗？好！",
        &["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"],
    );
    check(
        "我看了《你好！》。他也看了《再见》。",
        &["我看了《你好！》。", "他也看了《再见》。"],
    );
    check_one("「行きます。」と彼は言った。");
    check(
        "幹部は「３．２９％以上を目指す」と指摘しています。２％台後半を目指します。",
        &[
            "幹部は「３．２９％以上を目指す」と指摘しています。",
            "２％台後半を目指します。",
        ],
    );
}

#[test]
fn handles_german_french_and_russian_quotes_and_dashes() {
    check(
        "„Ich habe heute keine Zeit“, sagte die Frau leise: „Und auch keine Lust.“ Wir haben 1.000.000 Euro.",
        &[
            "„Ich habe heute keine Zeit“, sagte die Frau leise: „Und auch keine Lust.“",
            "Wir haben 1.000.000 Euro.",
        ],
    );
    check_one("Was sind die Konsequenzen der Abstimmung vom 12. Juni?");
    check(
        "« Bonjour. » Il est parti à 10 h. Il est revenu.",
        &["« Bonjour. »", "Il est parti à 10 h.", "Il est revenu."],
    );
    check_one("«К чему ты готовишься? – спросила мама. – Завтра ведь выходной».");
    check_one("Маленькая девочка бежала и кричала: «Не видали маму?».");
    check(
        "И т. д. и т. п. В общем, вся газета.",
        &["И т. д. и т. п.", "В общем, вся газета."],
    );
    check(
        "Мы встретились на ул. Пушкина, д. 10. Потом пошли домой.",
        &[
            "Мы встретились на ул. Пушкина, д. 10.",
            "Потом пошли домой.",
        ],
    );
}

#[test]
fn splits_at_full_width_and_other_script_stops() {
    check("你好!我很好。", &["你好!", "我很好。"]);
    check_one("数字３．５は小数です。");
    check("यह एक वाक्य है। यह दूसरा है।", &["यह एक वाक्य है।", "यह दूसरा है।"]);
    check("هل أنت بخير؟ نعم.", &["هل أنت بخير؟", "نعم."]);
}

#[test]
fn runs_in_linear_time_on_pathological_input() {
    // Each of these would take minutes if a decision rescanned the
    // token or the sentence so far.
    let n = 200_000;
    for unit in [
        "a.", "Ab.", "U.S.", ". ", "?\" A ", "1. ", "a.B", "…", " . .", "Mr. ",
    ] {
        let text = unit.repeat(n / unit.len());
        let pieces = split(&text);
        assert!(pieces.len() <= text.len());
    }
    let long_url = format!("See www.{}.com. Then", "Ab.".repeat(n));
    assert_eq!(split(&long_url).len(), 2);
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Inputs rich in the characters the scanner looks at.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        ".", "?", "!", "…", "。", "！", "．", "؟", "।", " ", "  ", "\n", "\u{a0}", "\u{3000}",
        "\u{2029}", "\"", "'", "’", "”", "“", "«", "»", ")", "(", "[", "]", "•", "⁃", "Mr", "U.S",
        "a.m", "I", "A", "a", "b", "1", "2", "10", "The", "he", "said", "co", "Inc", "www", "@",
        "://", "т", "д", "г", "中", "é", "SS", "z", "B", ",", "-", "$", "3.5",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) {
    check_pieces(text, split(text));
}

fn check_pieces(text: &str, pieces: Vec<&str>) {
    let mut offset = 0;
    for piece in &pieces {
        assert!(!piece.is_empty(), "empty piece in {text:?}");
        assert_eq!(*piece, piece.trim(), "untrimmed piece in {text:?}");
        let start = piece.as_ptr() as usize - text.as_ptr() as usize;
        assert!(start >= offset, "pieces out of order in {text:?}");
        offset = start + piece.len();
        assert!(offset <= text.len());
    }
    assert_eq!(
        squeeze(&pieces.concat()),
        squeeze(text),
        "text lost in {text:?}"
    );
}

proptest! {
    #[test]
    fn never_panics_and_loses_no_text(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn never_panics_and_loses_no_text_on_punctuation_heavy_input(text in tricky_text()) {
        check_invariants(&text);
    }

    /// Every language's rules keep the promises: nothing lost, in order,
    /// trimmed, no panic; on text rich in their marks.
    #[test]
    fn rules_of_every_language_lose_no_text(
        text in language_text(),
        n in 0usize..32,
    ) {
        let codes: Vec<&str> = super::languages().collect();
        let lang = crate::lang::Lang::parse(codes[n % codes.len()]);
        check_pieces(&text, super::split_in(&text, lang));
    }
}

/// Inputs rich in the marks and words that other languages' rules handle.
fn language_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        ".", "...", ". ...", "? ...", "…", ";", "\u{37e}", ":", "::", "|", "||", "。", "（", "）",
        "၊", "။", " ", "\n", "\u{a0}", "\"", "»", "l'", "’", "Dr", "med", "Str", "usw", "3", "12",
        "Die", "Oktober", "EE", "UU", "Hvad", "E.U", "т", "д", "Кв", "10:30", "http://", "a", "Α",
        "α", "中", "ա", "Ա", "क", "ዛ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}
