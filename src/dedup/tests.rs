//! Tests of the rebuild and of its steps.

use super::*;

fn paras(ps: &[&str]) -> Vec<String> {
    ps.iter().map(|s| s.to_string()).collect()
}

/// Asserts that `lines` rebuild to the paragraphs `want` and that the
/// result is a fixed point (cleaning it again changes nothing).
fn assert_rebuilds<S: AsRef<str>>(lines: &[S], want: &[&str]) {
    let out = rebuild(lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
    assert_eq!(out, paras(want));
}

/// The following-siblings cascade of `ps`: each paragraph glued to every
/// one after it.
fn suffixes(ps: &[&str]) -> Vec<String> {
    (0..ps.len()).map(|i| ps[i..].concat()).collect()
}

#[test]
fn normalize_collapses_whitespace_runs_and_nbsp() {
    assert_eq!(normalize("  a \t b\u{a0}\u{a0}c  "), "a b c");
    assert_eq!(normalize("\u{a0}"), "");
}

#[test]
fn split_glued_cuts_where_no_space_follows_a_stop() {
    assert_eq!(
        split_glued("to Moscow.In late 2021."),
        vec!["to Moscow.", "In late 2021."]
    );
    assert_eq!(
        split_glued("It rose 5%.The end"),
        vec!["It rose 5%.", "The end"]
    );
    // A sentence may end with a company's tag (`<ACME Inc>`, as Reuters
    // writes it): its stop follows the closing bracket, not `Inc`.
    assert_eq!(
        split_glued("Shares of <ACME Inc>.The company said so."),
        vec!["Shares of <ACME Inc>.", "The company said so."]
    );
    // A word, then an initialism; a number, then a word: seams too.
    assert_eq!(
        split_glued("It had differences with the United States.U.S. officials say so."),
        vec![
            "It had differences with the United States.",
            "U.S. officials say so."
        ]
    );
    assert_eq!(
        split_glued("It earned 4.30 dlrs against 2.74.She forecast 1.90 dlrs."),
        vec![
            "It earned 4.30 dlrs against 2.74.",
            "She forecast 1.90 dlrs."
        ]
    );
    assert_eq!(
        split_glued("It made a profit of A$35.1m.The firm said so."),
        vec!["It made a profit of A$35.1m.", "The firm said so."]
    );
    // Still one: a domain, an initialism before a name, a version.
    for one in [
        "The fansite Halo.Bungie.Org said so.",
        "The U.S.Treasury said so.",
        "It runs v1.2.3 now.",
    ] {
        assert_eq!(split_glued(one), vec![one]);
    }
    // A word in small letters, then an initialism: a dotted run, but no
    // domain (`Halo.Bungie.Org` stays whole).
    assert_eq!(
        split_glued("Talks failed to resolve the row.U.S. Ambassador Samuels said so."),
        vec![
            "Talks failed to resolve the row.",
            "U.S. Ambassador Samuels said so."
        ]
    );
}

#[test]
fn split_glued_leaves_abbreviations_domains_and_numbers() {
    for s in [
        "The U.S.A. grew.",
        "Use Node.js now.",
        "See example.com today.",
        "It was 3.5 pct.",
        "He said. Then",
    ] {
        assert_eq!(split_glued(s), vec![s], "{s}");
    }
    // A stop other than `.` right after a dotted run (found by proptest:
    // it ends the run, and nothing of the run follows it).
    assert_eq!(split_glued("See a.b.c!Next"), vec!["See a.b.c!Next"]);
}

#[test]
fn split_glued_cuts_before_a_list_items_mark_glued_to_the_item_before() {
    assert_eq!(
        split_glued("SEC to rethink post-Enron rules• Oil prices reach a low"),
        vec![
            "SEC to rethink post-Enron rules",
            "• Oil prices reach a low"
        ]
    );
    assert_eq!(
        split_glued("See also:- Prodigy join festival line-up"),
        vec!["See also:", "- Prodigy join festival line-up"]
    );
    assert_eq!(
        split_glued("Consumers 'snub portable video'- Stars pay tribute"),
        vec!["Consumers 'snub portable video'", "- Stars pay tribute"]
    );
}

#[test]
fn split_glued_cuts_an_items_text_where_its_own_mark_is_glued_after_a_word() {
    assert_eq!(
        split_glued("* Ad sales boost Time Warner profit* Fit-again Betsen in France squad"),
        vec![
            "* Ad sales boost Time Warner profit",
            "* Fit-again Betsen in France squad"
        ]
    );
    assert_eq!(
        split_glued("- Ailing EuroDisney vows turnaround- Yeading face Newcastle"),
        vec![
            "- Ailing EuroDisney vows turnaround",
            "- Yeading face Newcastle"
        ]
    );
    // Not in a text that is no item, nor a mark of another kind.
    for s in [
        "Prices rose 5%* The figure excludes fuel.",
        "- Jim Wright, D- Texas, spoke first.",
        "* Sales rose- Costs fell.",
        "- It was f*** Awful, he said.",
    ] {
        assert_eq!(split_glued(s), vec![s], "{s}");
    }
}

#[test]
fn split_glued_leaves_hyphens_a_word_or_a_name_leaves_hanging() {
    for s in [
        "A proposal by Jim Wright, D- Texas, to tax trades.",
        "Hickey, Sanderson, MacLeod- Henderson.",
        "A 104-mln- U.S.-dlr bid for the mills.",
        "Both pre- and post-war prices rose.",
        "The list: • items need a space before them to be glued.",
    ] {
        assert_eq!(split_glued(s), vec![s], "{s}");
    }
}

#[test]
fn split_glued_tells_a_closing_quote_from_an_opening_one() {
    assert_eq!(
        split_glued("He said \"we won the match.\"I didn't see it."),
        vec!["He said \"we won the match.\"", "I didn't see it."]
    );
    assert_eq!(
        split_glued("We won the match.\"I didn't see it,\" he said."),
        vec!["We won the match.", "\"I didn't see it,\" he said."]
    );
    // News style: a quotation opened again at each sentence and closed
    // at its end, then a paragraph of narration; the next quote opens.
    assert_eq!(
        split_glued("\"It is a backlash. \"It is music to racists.\" It was not, he said.\"What is happening is clear."),
        vec![
            "\"It is a backlash. \"It is music to racists.\" It was not, he said.",
            "\"What is happening is clear."
        ]
    );
    // A quotation left open at a paragraph's end goes on in the next one,
    // whose closing quote needs the seam's quote to open it.
    assert_eq!(
        split_glued("Edu said: \"Barcelona are interested.\"That's nice, but I can't say.\" Last month he spoke."),
        vec![
            "Edu said: \"Barcelona are interested.",
            "\"That's nice, but I can't say.\" Last month he spoke."
        ]
    );
    // Speech in the first person after the seam, then a quote opening a
    // sentence: the quotation goes on, the seam's quote opens it again.
    assert_eq!(
        split_glued(
            "He said: \"It counts for nothing.\"We have not played well. \"There is more.\""
        ),
        vec![
            "He said: \"It counts for nothing.",
            "\"We have not played well. \"There is more.\""
        ]
    );
    // Speech to the listener (`you`) goes on so too.
    assert_eq!(
        split_glued(
            "He said: \"It counts for nothing.\"It gives you confidence when they speak. \"There is more.\""
        ),
        vec![
            "He said: \"It counts for nothing.",
            "\"It gives you confidence when they speak. \"There is more.\""
        ]
    );
    // Narration of others there: the seam's quote closes.
    assert_eq!(
        split_glued("He said: \"It counts for nothing.\"The coach left early. \"There is more.\""),
        vec![
            "He said: \"It counts for nothing.\"",
            "The coach left early. \"There is more.\""
        ]
    );
}

#[test]
fn suffix_cascade_in_any_order_gives_each_paragraph_once() {
    let p = [
        "Alpha one is here.",
        "Beta two follows it.",
        "Gamma three ends it.",
    ];
    let lines = [
        format!("{}{}", p[1], p[2]),
        p[2].to_string(),
        format!("{}{}{}", p[0], p[1], p[2]),
    ];
    assert_eq!(rebuild(&lines), paras(&p));
}

#[test]
fn prefix_cascade_gives_each_paragraph_once() {
    let p = [
        "Alpha one is here.",
        "Beta two follows it.",
        "Gamma three ends it.",
    ];
    let lines = [
        p[0].to_string(),
        format!("{} {}", p[0], p[1]),
        format!("{}{}{}", p[0], p[1], p[2]),
    ];
    assert_eq!(rebuild(&lines), paras(&p));
}

#[test]
fn sliding_windows_of_two_are_joined() {
    let p = [
        "Alpha one is here.",
        "Beta two follows it.",
        "Gamma three ends it.",
        "Delta four is last.",
    ];
    let lines: Vec<String> = p.windows(2).map(|w| w.concat()).collect();
    assert_eq!(rebuild(&lines), paras(&p));
}

#[test]
fn whole_copies_collapse_to_one() {
    let p = ["Alpha one is here.", "Beta two follows it."];
    let lines = [p[0], p[1], p[0], p[1]];
    assert_eq!(rebuild(&lines), paras(&p));
}

#[test]
fn whitespace_variants_in_some_copies_do_not_matter() {
    let lines = [
        "Alpha one  is here.Beta two follows it. ",
        "Beta\u{a0}two follows it.\r",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&["Alpha one is here.", "Beta two follows it."])
    );
}

#[test]
fn an_article_without_repeats_is_unchanged() {
    let p = ["First paragraph here.", "Second one, said.", "Third."];
    assert_eq!(rebuild(&p), paras(&p));
}

#[test]
fn short_last_paragraph_of_a_suffix_cascade_is_its_own() {
    let p = [
        "Alpha one is here and long.",
        "Beta two follows it here.",
        "Bosvelt.",
    ];
    let lines = [p.concat(), format!("{}{}", p[1], p[2]), p[2].to_string()];
    assert_eq!(rebuild(&lines), paras(&p));
}

#[test]
fn short_first_paragraph_of_a_prefix_cascade_is_its_own() {
    let p = [
        "NAIROBI",
        "Updated at 10:00.",
        "More rain is forecast for the coast.",
    ];
    let lines = [p[0].to_string(), p[..2].concat(), p.concat()];
    assert_eq!(rebuild(&lines), paras(&p));
}

#[test]
fn a_short_paragraph_does_not_cut_other_paragraphs_that_start_with_it() {
    let p = [
        "Reuters",
        "Reuters reported a rise in sales.",
        "Reuters reported the news first.",
    ];
    assert_eq!(rebuild(&p), paras(&p));
    let p = [
        "Most sentences end with a stop.",
        ".",
        "Another ends with one too.",
    ];
    assert_eq!(rebuild(&p), paras(&p));
}

#[test]
fn text_that_repeats_itself_is_fast_and_a_fixed_point() {
    // Found in review: with a period of 5+ bytes every position matched
    // every line (1 MB took a minute and 1.4 GB, and passes ran out).
    for unit in ["Abcd.", "Abcdefghi.", "The company said."] {
        let lines: Vec<String> = (0..40)
            .map(|i| format!("{}T{i}x{}", unit.repeat(200), unit.repeat(200)))
            .collect();
        let started = std::time::Instant::now();
        let once = rebuild(&lines);
        assert!(
            started.elapsed().as_secs() < 10,
            "{unit}: {:?}",
            started.elapsed()
        );
        assert_eq!(rebuild(&once), once, "{unit}");
        for i in 0..40 {
            let marker = format!("T{i}x");
            assert!(
                once.iter().any(|p| p.contains(&marker)),
                "{unit}: {marker} lost"
            );
        }
    }
}

#[test]
fn clean_paragraphs_sharing_a_few_words_stay_apart() {
    let p = [
        "The draw: West Bromwich Albion or Tottenham v Nottingham Forest",
        "Nottingham Forest boss Gary Megson could face a trip back.",
    ];
    assert_eq!(rebuild(&p), paras(&p));
}

#[test]
fn raw_offsets_map_squeezed_positions_past_any_whitespace() {
    assert_eq!(raw_offsets("ab cd", &[0, 2, 3, 4]), vec![0, 3, 4, 5]);
    assert_eq!(raw_offsets("a\u{a0}\tb", &[1, 2]), vec![4, 5]);
    assert_eq!(raw_offsets("a £\u{3000}b", &[1, 3, 4]), vec![2, 7, 8]);
}

#[test]
fn prefix_counts_give_the_squeezed_length_of_every_prefix() {
    let line = "A \u{a0}b\tc\u{3000}d ".repeat(40) + "£ end";
    let counts = PrefixCounts::new(&line);
    for i in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
        let mut sq = Vec::new();
        squeeze_into(&line[..i], &mut sq);
        assert_eq!(counts.squeezed_before(i), sq.len(), "prefix of {i} bytes");
    }
    let exact = "x".repeat(2 * PREFIX_BLOCK);
    assert_eq!(
        PrefixCounts::new(&exact).squeezed_before(exact.len()),
        exact.len()
    );
}

#[test]
fn whitespace_is_what_char_is_whitespace_says_for_every_char() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let s = format!("a{c}{c}b{c}");
        let want = if c.is_whitespace() {
            "a b".to_string()
        } else {
            s.clone()
        };
        assert_eq!(normalize(&s), want, "U+{:04X}", c as u32);
        assert_eq!(is_normalized(&s), !c.is_whitespace(), "U+{:04X}", c as u32);
    }
}

#[test]
fn squeeze_and_normalize_agree_on_what_whitespace_is() {
    let s = " a\u{a0}b\u{3000}c\td\u{2009}e\u{feff}f\u{1680}g\r ";
    assert_eq!(normalize(s), "a b c d e\u{feff}f g");
    let mut sq = Vec::new();
    squeeze_into(s, &mut sq);
    assert_eq!(String::from_utf8(sq).unwrap(), "abcde\u{feff}fg");
}

#[test]
fn a_list_written_with_spaces_inside_a_paragraph_line_still_starts_where_its_own_cascade_does() {
    // The paragraph's line holds the list as its container wrote it (items
    // spaced); the list's own cascade glues its items.
    let lines = [
        "Shopping list for the week ahead.Fruit: Apples for the children Pears for the pie",
        "Fruit: Apples for the children Pears for the pie",
        "Apples for the childrenPears for the pie",
        "Pears for the pie",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[
            "Shopping list for the week ahead.",
            "Fruit:",
            "Apples for the children",
            "Pears for the pie",
        ])
    );
}

#[test]
fn a_one_item_run_that_ends_where_the_next_line_starts_is_whole_elements() {
    // A heading and a one-item list: the item's line ends where the next
    // heading's line starts, so it starts where an element does.
    let lines = [
        "The release has one new feature.New --follow keeps reading the log. Fixed A crash. A leak.",
        "New --follow keeps reading the log. Fixed A crash. A leak.",
        "--follow keeps reading the log.",
        "Fixed A crash. A leak.",
        "A crash.A leak.",
        "A leak.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[
            "The release has one new feature.",
            "New",
            "--follow keeps reading the log.",
            "Fixed",
            "A crash.",
            "A leak.",
        ])
    );
}

#[test]
fn a_paragraph_the_article_repeats_elsewhere_is_kept_in_both_places() {
    let article = [
        "Every few months another company moves to a four-day week.",
        "Sign up for our newsletter to get our columns every Friday.",
        "What the successful trials have in common is not the shorter week.",
        "A team that meets for eleven hours a week has saved a day.",
        "Sign up for our newsletter to get our columns every Friday.",
        "So yes, try the four-day week.",
    ];
    // Written one paragraph a line, the article is already clean.
    assert_eq!(rebuild(&article), paras(&article));
    // As a cascade, the first line holds both places.
    let cascade = suffixes(&article);
    assert_eq!(rebuild(&cascade), paras(&article));
}

#[test]
fn a_long_headline_in_a_key_events_box_and_over_its_post_is_kept_in_both_places() {
    // Two glued groups, the box's cascade and the post's, each hold the
    // headline (no line is the headline alone, so no key joins them): the
    // article prints it twice, however long it is.
    let box_ = [
        "Scheme approved by 31 votes to 14",
        "Amendment to save the riverside trees is defeated",
        "Residents of Mill Lane address the chamber",
    ];
    let post = [
        "9.31pm GMT",
        box_[1],
        "The Green group’s amendment, which would have moved the wall two metres back, \
         has been defeated by 29 votes to 19.",
        "Officers had said the change would add about £3m and a year to the project.",
    ];
    let lines: Vec<String> = suffixes(&box_).into_iter().chain(suffixes(&post)).collect();
    let want: Vec<&str> = box_.iter().chain(&post).copied().collect();
    assert_rebuilds(&lines, &want);
}

#[test]
fn a_heading_that_ends_one_run_and_opens_another_is_kept_in_both_places() {
    // A live page: a box of key events, each the heading of a post further
    // down. The walk writes the box as a cascade and each post as one; the
    // last key event's own line is the end of the box's lines and the
    // start of its post's: it must not join the two places into one.
    let events = [
        "Alpha wins the opening race",
        "Beta sets a new course record",
        "Gamma takes the final lap",
    ];
    let first = [
        "9.05am",
        "Alpha wins the opening race",
        "Alpha led from the start and was never caught.",
    ];
    let last = [
        "8.30am",
        "Gamma takes the final lap",
        "And the whole field follows close behind her.",
    ];
    let lines: Vec<String> = [&events[..], &first, &last]
        .iter()
        .flat_map(|run| suffixes(run))
        .collect();
    let article: Vec<&str> = [&events[..], &first, &last].concat();
    assert_rebuilds(&lines, &article);
}

#[test]
fn a_heading_said_twice_is_cut_off_where_a_cascade_with_lines_missing_glues_it() {
    // Sections under the same heading twice; the cascade lost the lines
    // that start after the heading's second place (and after `Profile`
    // both times), so the lines place it once and glue it to the word
    // after it there (`ReactionA union…`).
    let article = |h: &'static str| {
        [
            "Shares in Alder Mills rose 4% on Tuesday after the firm raised its forecast.",
            h,
            "Analysts at Broadgate said the upgrade was overdue and the shares looked cheap.",
            "Background",
            "Alder Mills has cut costs for two years and closed its oldest plant in Tarrow.",
            h,
            "A union spokeswoman said members would want a share of the gains.",
        ]
    };
    let reaction = article("Reaction");
    let lines: Vec<String> = [0, 1, 2, 4, 5].map(|i| reaction[i..].concat()).to_vec();
    assert_rebuilds(&lines, &reaction);
    // Glued both times, to different words: `Profile` is a heading; and
    // `BackgroundAlder Mills`, glued once, is left as it is.
    let profile = article("Profile");
    let lines: Vec<String> = [0, 1, 3, 5].map(|i| profile[i..].concat()).to_vec();
    let mut want = profile.to_vec();
    let glued = [want[3], want[4]].concat();
    want.splice(3..5, [glued.as_str()]);
    assert_rebuilds(&lines, &want);
}

#[test]
fn a_paragraphs_sentences_written_as_lines_beside_a_glued_cascade_leave_it_whole() {
    // The cascade glues its paragraphs; the two sentences of the last one,
    // written as lines of their own, meet at the one space between them:
    // a paragraph's sentences, not two blocks.
    let article = [
        "Madagascar's coffee output is estimated at 80,725 tonnes this year.",
        "Low yields from ageing plantations have cut production for a decade.",
        "The government has set up a programme to replant the oldest bushes.",
        "The planting programme will begin this year and aims to raise exports.",
        "The sources said the island was still far from its production targets.",
        "The sources added that roasted coffee exports failed to take off. Only 650 tonnes were exported last year.",
    ];
    let mut lines = suffixes(&article);
    lines.push("The sources added that roasted coffee exports failed to take off.".to_string());
    lines.push("Only 650 tonnes were exported last year.".to_string());
    assert_rebuilds(&lines, &article);
}

#[test]
fn every_sentence_written_as_a_line_beside_a_glued_cascade_leaves_its_paragraphs_whole() {
    // A sentence splitter's output, one sentence a line, beside the
    // cascade's full line, which glues paragraphs with nothing between
    // them and writes a space between a paragraph's sentences: each
    // sentence meets the next one where that line has a space, and the
    // paragraphs are what the line glues.
    let article = [
        "The dollar rose against the euro after the Fed chairman spoke. Traders had expected a weaker tone.",
        "In late trading the dollar reached $1.2871. It had closed at $1.2974 on Thursday. Analysts were surprised.",
        "Worries about the deficit remain. The budget will be announced on Monday.",
    ];
    let sentences: Vec<&str> = article
        .iter()
        .flat_map(|p| p.split_inclusive(". ").map(str::trim_end))
        .collect();
    assert_eq!(sentences.len(), 7);
    let mut lines = vec![article.concat()];
    lines.extend(sentences.iter().map(|s| s.to_string()));
    assert_rebuilds(&lines, &article);
    // The sentences first, then the cascade's lines: the same.
    let mut lines: Vec<String> = sentences.iter().map(|s| s.to_string()).collect();
    lines.extend(suffixes(&article));
    assert_rebuilds(&lines, &article);
    // An element walk's blocks, which its container joins alike, are
    // blocks: the container goes, its children stay.
    let blocks = ["Tickets go on sale on Monday.", "Doors open at seven."];
    let lines = [
        blocks.join(" "),
        blocks[0].to_string(),
        blocks[1].to_string(),
    ];
    assert_rebuilds(&lines, &blocks);
}

#[test]
fn a_cascades_line_that_glues_paragraphs_of_its_own_starts_one_after_a_space() {
    // A scraper that glues most paragraphs with nothing between them but
    // one pair with a space (the markup's whitespace between two tags),
    // its line for the third paragraph lost: the line that starts after
    // that space glues the last two paragraphs, a cascade's line, so a
    // paragraph starts where it does.
    let p = [
        "Rep. Pat Roberts predicted an offer of subsidized wheat to the Soviet Union.",
        "Roberts made the comment at a press conference held by his party.",
        "He did not say on what he based the comment, but an aide said he had been in touch.",
        "The possibility of an expansion has been rumored for some time.",
    ];
    let full = format!("{}{} {}{}", p[0], p[1], p[2], p[3]);
    let second = format!("{} {}{}", p[1], p[2], p[3]);
    let third = format!("{}{}", p[2], p[3]);
    assert_rebuilds(&[third, second, full], &p);
}

#[test]
fn a_cascade_cut_at_a_column_width_with_no_ellipsis_cuts_no_paragraph() {
    // The cascade's lines stored in a column of 150 chars, cut wherever
    // the limit fell, in a word or between two, with each paragraph alone
    // after them: the cut ends are no paragraph's.
    let article = [
        "The council said on Tuesday that the bridge would stay shut until the spring.",
        "Engineers found rust in the main girders in March, and the repairs will cost far more than the first estimate.",
        "Residents who cross the river every day will have to use the ferry, which runs every twenty minutes.",
        "Shops on both banks say they have lost a third of their trade since the closure began last year.",
    ];
    let mut lines: Vec<String> = suffixes(&article)
        .iter()
        .map(|l| l.chars().take(150).collect())
        .collect();
    lines.extend(article.iter().map(|p| p.to_string()));
    assert_rebuilds(&lines, &article);
}

#[test]
fn questions_an_faq_names_again_in_its_contents_are_kept_in_both_places() {
    let questions = [
        "How long does it take?",
        "Can I renew online?",
        "How much does it cost?",
        "What photo do I need?",
    ];
    let answers = [
        "Allow three weeks for an online renewal and ten weeks for a paper one.",
        "Yes, if you are 16 or over and your passport is undamaged.",
        "An adult passport costs £88.50 online and £100 on paper.",
        "A digital photo taken against a plain, light background.",
    ];
    let mut article = vec![
        "Waiting times are rising ahead of the summer.",
        "In this guide",
    ];
    article.extend(questions);
    for (q, a) in questions.iter().zip(answers) {
        article.extend([*q, a]);
    }
    // Most lines occur once: the questions' runs are the article's, not a
    // shuffled copy of it.
    assert_rebuilds(&article, &article);
}

/// A long read whose pull quote is a sentence of the paragraph before it.
const PULL_QUOTE: [&str; 5] = [
    "The purser has worked the night boat for 27 years and knows every driver by name.",
    "“People think nothing happens on a night boat,” she says. “Everything happens on \
     a night boat. It just happens quietly.” She has seen two proposals and one birth.",
    "“Everything happens on a night boat. It just happens quietly.”",
    "The chief engineer, Tam Bryce, is less sentimental about the old ship.",
    "At six the coast appears, grey on grey, and the drivers are already in their cabs.",
];

#[test]
fn a_pull_quote_beside_the_paragraph_that_quotes_it_stays_in_both() {
    // Written one paragraph a line, the article is already clean.
    assert_rebuilds(&PULL_QUOTE, &PULL_QUOTE);
}

#[test]
fn a_pull_quote_of_a_quotations_last_sentences_without_its_marks_stays_apart() {
    // The pull quote prints the end of a quotation without its closing
    // mark: the quoting paragraph stays whole, in a clean article.
    let article = [
        "She had not played for a year when the club asked her back.",
        "“That was the whole session,” she says. “Lie down on the left. Lie down on \
         the right. Get up. My body knew how to dive. It just didn’t want to hit the ground.”",
        "The first match back was a friendly, away, in the rain.",
        "My body knew how to dive. It just didn’t want to hit the ground.",
        "She kept a clean sheet.",
    ];
    assert_rebuilds(&article, &article);
}

#[test]
fn a_pull_quote_written_alone_in_a_cascade_leaves_its_paragraph_whole() {
    // The cascade's lines hold the quotation twice; cleaned again, the
    // quoting paragraph and the quotation are a lone pair and both stay
    // whole (the place of the aside's own line is tested by the fixture
    // page-walk-longread-night-ferry). The aside's own line,
    // written alone, ends where the next paragraph's line starts.
    let mut lines = suffixes(&PULL_QUOTE);
    lines[2] = PULL_QUOTE[2].to_string();
    assert_rebuilds(&lines, &PULL_QUOTE);
}

#[test]
fn a_quotation_printed_again_after_its_paragraph_stands_where_it_meets_a_paragraph_end() {
    // The page prints the paragraph's second quotation again, set off by
    // spaces, after the paragraph. Both places of the quotation's own line
    // have one vote (the whole page's line); inside the paragraph neither
    // of its ends meets another line's, after it its start meets the
    // paragraph's end: it stands there, and the paragraph stays whole.
    let p1 = "The harbour opened at dawn, as it has every day since the war. \
              Boats came in slowly through the fog and tied up two deep along the wall.";
    let q = "“We fish because our mothers did. It is what the town is for.”";
    let p2 = format!(
        "“Nobody fishes here for money,” says Ina Ross. {q} She has run the ice plant since 1994."
    );
    let p3 = "By nine the market is over. The gulls take what is left, \
              and the harbour is quiet until the evening tide.";
    let lines = [format!("{p1} {p2}  {q}  {p3}"), p2.clone(), q.to_string()];
    assert_rebuilds(&lines, &[p1, &p2, q, p3]);
}

#[test]
fn a_question_written_alone_twice_stands_where_both_its_ends_meet_other_lines() {
    // A guide's question opens its lede, heads a section and heads an
    // answer in its FAQ; it is written alone twice. Its lines go where
    // both their ends meet other lines' (between two answers), not to the
    // start of the lede, which the question would cut off.
    let q = "Why do bread ovens crack?";
    let lede = "Why do bread ovens crack? In this guide we look at why a bread oven cracks, \
                and what you can do about it.";
    let middle = [
        q,
        "Most cracks come from heating the oven too fast. Clay that is still damp turns to steam and splits the dome.",
        "What makes a crack worse?",
        "Frost is the main thing. Water in a crack freezes and opens it a little more each winter.",
        "Frequently asked questions",
        "Is a cracked oven safe?",
    ]
    .join(" ");
    let safe = "Usually, yes. For more, see What makes a crack worse?";
    let why = "Heating it too fast, mostly, and then frost in the winters after.";
    let end = "In this guide we have looked at why ovens crack. We hope it helps.";
    let whole = [lede, &middle, safe, q, why, end].join(" ");
    let lines = [&whole, lede, q, safe, q, why];
    assert_rebuilds(&lines, &[lede, &middle, safe, q, why, end]);
}

#[test]
fn a_share_line_that_ends_every_post_of_a_live_blog_stays_under_each_post() {
    // Each post is a block of its own: the cascade runs inside a post, and
    // its last line, the share links, is written once per post. The share
    // text ends every post's lines; it must not stack the posts on one
    // another, and each post keeps its own.
    let share = "Share Facebook X Email Copy link";
    let posts: [&[&str]; 3] = [
        &[
            "16:30",
            "That is all from us for today. The amber warning stays in place until 9am tomorrow.",
        ],
        &[
            "16:05",
            "Water company asks people not to fill paddling pools",
            "Vale Water says demand is running at 40% above normal and has asked customers \
             to take shorter showers.",
        ],
        &[
            "14:20",
            "A reader, Jo, has sent in a photo of a thermometer on her shed reading 41C.",
            "Update: it reads 33C in the shade. Thank you, Jo.",
        ],
    ];
    let (mut lines, mut article) = (Vec::new(), Vec::new());
    for post in posts {
        let blocks: Vec<&str> = post.iter().copied().chain([share]).collect();
        lines.extend(suffixes(&blocks));
        article.extend(blocks);
    }
    assert_rebuilds(&lines, &article);
}

#[test]
fn a_credit_under_each_of_four_photos_is_kept_under_each() {
    let credit = "Photo credit: Manufacturer handout";
    let mut article = vec!["We walked 300 miles in four pairs of boots to find the best."];
    for (name, best) in [
        (
            "1. Fellrunner Ridge GTX",
            "Best for: long days on rough ground",
        ),
        (
            "2. Brackenside Classic",
            "Best for: one pair for twenty years",
        ),
        ("3. Pennine Pro", "Best for: winter and crampons"),
        ("4. Tarn Everyday", "Best for: a tight budget"),
    ] {
        article.extend([name, credit, best]);
    }
    // The cascade of the article's blocks, each caption written alone.
    let lines: Vec<String> = (0..article.len())
        .map(|i| match article[i] {
            c if c == credit => c.to_string(),
            _ => article[i..].concat(),
        })
        .collect();
    // The credit's text is in the longest line four times: as many as the
    // lines that write it, so each has a place.
    assert_rebuilds(&lines, &article);
}

#[test]
fn lines_repeated_beside_the_same_neighbours_are_the_scraper_repeating_them() {
    let article = [
        "Alpha rose sharply today.",
        "Beta fell in early trading.",
        "Gamma was unchanged.",
    ];
    let twice: Vec<&str> = article.iter().chain(&article).copied().collect();
    assert_eq!(rebuild(&twice), paras(&article));
    // Beside itself (an element inside its container).
    let beside = [article[0], article[1], article[1], article[2]];
    assert_eq!(rebuild(&beside), paras(&article));
    // In no order at all: a shuffled copy, taken once.
    let shuffled = [
        article[1], article[0], article[2], article[0], article[2], article[1],
    ];
    assert_eq!(rebuild(&shuffled).len(), 3);
}

#[test]
fn split_glued_cuts_after_an_acronym_and_before_a_list_dash() {
    assert_eq!(
        split_glued("wanting to join families in the UK.Mr Howard said"),
        vec!["wanting to join families in the UK.", "Mr Howard said"]
    );
    assert_eq!(
        split_glued("He said: \"It will help the EU.\"This runs contrary"),
        vec!["He said: \"It will help the EU.\"", "This runs contrary"]
    );
    assert_eq!(
        split_glued("does mean something.\"- There was also"),
        vec!["does mean something.\"", "- There was also"]
    );
    // Initials and codes stay whole.
    for s in [
        "The U.S.Treasury said",
        "shares of <BMWG.F> rose",
        "J.Smith won",
    ] {
        assert_eq!(split_glued(s), vec![s], "{s}");
    }
}

#[test]
fn a_short_line_that_fills_the_gap_between_two_lines_is_a_paragraph_of_its_own() {
    // An element walk: the container's text, then each element in turn;
    // `Recount.` is too short to be placed by a key.
    let lines = [
        "00:10 Update: a recount has been requested. Recount. 01:30 Update: the count resumes after midnight.",
        "00:10 Update: a recount has been requested.",
        "Recount.",
        "01:30 Update: the count resumes after midnight.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[
            "00:10 Update: a recount has been requested.",
            "Recount.",
            "01:30 Update: the count resumes after midnight.",
        ])
    );
}

#[test]
fn a_container_that_the_lines_after_it_make_up_is_a_copy_of_them() {
    // An element walk of a heading and a list of short items: the list's
    // text, then each item; the items are too short for a key.
    let lines = [
        "Ingredients 170 g butter 1 egg 1 tsp vanilla Method Stir it all.",
        "Ingredients",
        "170 g butter 1 egg 1 tsp vanilla",
        "170 g butter",
        "1 egg",
        "1 tsp vanilla",
        "Method",
        "Stir it all.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[
            "Ingredients",
            "170 g butter",
            "1 egg",
            "1 tsp vanilla",
            "Method",
            "Stir it all."
        ])
    );
}

#[test]
fn a_link_text_written_long_before_does_not_move_the_line_it_starts() {
    let lines = [
        "Polls have closed in the Riverside by-election and counting is under way.",
        "Amira Salt",
        "22:40 Update: the Green candidate, Amira Salt, has arrived at the count.",
        "That is all from us tonight, and the result is below.",
        "Amira Salt (Green) 9,871",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[lines[0], lines[2], lines[3], lines[4]])
    );
}

#[test]
fn a_name_written_before_the_paragraph_it_opens_is_a_link_text() {
    let lines = [
        "The Court of Appeal ruled on Tuesday for the tenants of the Larkfield estate.",
        "Lady Justice Amberley",
        "Lady Justice Amberley, giving the leading judgment, said the leases allowed repairs only.",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[0], lines[2]]));
    // A one-word name is a word with a capital and small letters, not a
    // piece of a sentence or a word in capitals.
    for word in ["Mr.Benn", "EPSILON", "Gamma?"] {
        let lines = [
            "Alpha said.",
            word,
            &format!("It was {word} who spoke first, and at length too."),
        ];
        assert_eq!(rebuild(&lines).len(), 3, "{word}");
    }
}

#[test]
fn a_link_ending_each_item_written_before_it_is_a_copy() {
    // A briefing's items each end with a `Read more` link, and a links
    // scraper writes it before the item. A sentence of nothing but the
    // link's text, ending the block with no stop, is no heading taken up.
    let lines = [
        "Five big stories",
        "Read more",
        "Rail fares | Regulated fares in England will be frozen until January, the chancellor said. Read more",
        "Read more",
        "Weather | An amber heat warning covers London and the south-east from Wednesday. Read more",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[0], lines[2], lines[4]]));
    // A phrase that goes on in its sentence is the heading over the block.
    let lines = [
        "The board sold the firm's shares in March, the filing shows.",
        "What happens next",
        "The sale closes by October. What happens next to the family's own shares is not yet known.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
}

#[test]
fn a_one_word_heading_that_its_paragraph_names_is_a_heading_unless_the_file_writes_links_before_blocks(
) {
    // German and Dutch capitalise nouns, and a section's one-word heading
    // is named again in running text (`Hintergrund` / `…Den Hintergrund
    // der Schäden…`, `Kinderopvang` / `…van Kinderopvang De Vlieger…`):
    // written before the paragraph that names it, it is its heading, as
    // the glued seam of a cascade shows, and cleaning the article again
    // keeps it.
    let lines = [
        "Die Brücke bleibt ab Montag für den gesamten Verkehr gesperrt, teilte das Amt mit.",
        "Hintergrund",
        "Die Brücke wurde 1968 gebaut. Den Hintergrund der Schäden sieht das Amt vor allem im Streusalz.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
    let cascade = [
        "HintergrundDie Brücke wurde 1968 gebaut. Den Hintergrund der Schäden sieht das Amt vor allem im Streusalz.",
        "Die Brücke wurde 1968 gebaut. Den Hintergrund der Schäden sieht das Amt vor allem im Streusalz.",
    ];
    assert_eq!(rebuild(&cascade), paras(&[lines[1], lines[2]]));
    // Two such headings are no evidence of links written before their
    // blocks for each other.
    let two = [
        lines[0],
        lines[1],
        lines[2],
        "Ausblick",
        "Im Sommer soll der Neubau beginnen. Einen Ausblick auf die Kosten gab das Amt nicht.",
    ];
    assert_eq!(rebuild(&two), paras(&two));
    // Where the file writes another link before its block, it is one too.
    let lines = [
        "Dunmore Estates",
        "The lettings firm Dunmore Estates said it would appeal, a spokesman for the firm said.",
        "Hintergrund",
        "Die Brücke wurde 1968 gebaut. Den Hintergrund der Schäden sieht das Amt vor allem im Streusalz.",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[1], lines[3]]));
}

#[test]
fn a_surname_linked_before_the_paragraph_it_opens_is_a_link_text_where_the_file_writes_links_so() {
    // A links scraper writes `Dunmore` before `Dunmore is expected…`. One
    // word opening the paragraph as its subject is as often a heading
    // taken up (`Background` / `Background checks are…`, a travel guide's
    // `Lindmere` / `Lindmere sits at…`): a name that the article also
    // writes in running text (`owned by Dunmore`) is its link where the
    // file writes another link before its block (`Craig Dunmore` /
    // `Craig Dunmore, 52, …`).
    let lines = [
        "Craig Dunmore",
        "Craig Dunmore, 52, of Hollins Lane, denies six offences under the Housing Act 2004.",
        "Leanne Foster said she had moved into a terrace owned by Dunmore in March 2021 with her partner.",
        "She said the boiler failed twice that winter and the council was told in writing.",
        "Dunmore",
        "Dunmore is expected to give evidence on Thursday, the court heard.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[lines[1], lines[2], lines[3], lines[5]])
    );
    // Without such a link, a heading over its paragraph: cleaning a
    // cascade's article again keeps the heading that its lines set apart.
    let lines = [
        "The Ossary Lakes are small: split three days between the lakeside village of Lindmere and Ferrow.",
        "I have been coming here every spring for ten years, and this is the trip I give to friends.",
        "Lindmere",
        "Lindmere sits at the southern end of Lake Ossary, and most visitors arrive here first.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
    let cascade = [
        "I have been coming here every spring for ten years, and this is the trip I give to friends. Lindmere Lindmere sits at the southern end of Lake Ossary, and most visitors arrive here first.",
        "Lindmere Lindmere sits at the southern end of Lake Ossary, and most visitors arrive here first.",
        "Lindmere sits at the southern end of Lake Ossary, and most visitors arrive here first.",
    ];
    assert_eq!(
        rebuild(&cascade),
        paras(&[
            "I have been coming here every spring for ten years, and this is the trip I give to friends.",
            "Lindmere",
            "Lindmere sits at the southern end of Lake Ossary, and most visitors arrive here first.",
        ])
    );
    // Named nowhere in running text, it stays a heading over it.
    let lines = [
        "Leanne Foster said she had moved into a terrace on the estate in March 2021 with her partner.",
        "She said the boiler failed twice that winter and the council was told in writing.",
        "Background",
        "Background checks are run on every landlord who applies for a licence, the court heard.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
}

#[test]
fn a_one_word_heading_that_the_article_also_writes_in_small_letters_is_no_name() {
    // `Ferries` before `Skerran Ferries said…` is the heading over its
    // section, not a links scraper's text for a name: the article writes
    // the word in small letters too (`if the ferries did not sail`). A
    // surname is written with its capital wherever it stands.
    let lines = [
        "Flights were delayed by up to three hours while aircraft were de-iced.",
        "Ferries",
        "Skerran Ferries said in a statement that no sailings would leave before 2 p.m. on Friday.",
        "Island shops said fresh food would run short if the ferries did not sail by the weekend.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
    // Where the article never writes it in small letters, it reads as a
    // name, as the links scraper's `Danbury` / `…charged Danbury and
    // Moss.`; but one word alone before its paragraph is a link only
    // where the file writes other links before their blocks: else it is
    // as often a heading that its paragraph names (`Hintergrund`), and
    // the reading that keeps it wins.
    let lines = [
        "Flights were delayed by up to three hours while aircraft were de-iced.",
        "Ferries",
        "Skerran Ferries said in a statement that no sailings would leave before 2 p.m. on Friday.",
        "Island shops said fresh food would run short by the weekend.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
    let with_links = [
        "Harbour Board",
        "Flights were delayed, the Harbour Board said, while aircraft were de-iced.",
        "Ferries",
        "Skerran Ferries said in a statement that no sailings would leave before 2 p.m. on Friday.",
        "Island shops said fresh food would run short by the weekend.",
    ];
    assert_eq!(
        rebuild(&with_links),
        paras(&[with_links[1], with_links[3], with_links[4]])
    );
}

#[test]
fn a_name_before_its_paragraph_and_a_comma_is_a_heading_where_the_file_sets_sections_apart_with_headings(
) {
    // A court report's witness headings: `Delphine Arkwright` over
    // `Delphine Arkwright, the tenant, told…`, in a file whose other
    // sections open with headings that nothing holds (`The evidence`).
    let lines = [
        "A landlord who ignored warnings about black mould in a rented flat has been fined.",
        "The evidence",
        "Delphine Arkwright",
        "Delphine Arkwright, the tenant, told the court she had first reported the mould in 2022.",
        "Ms Arkwright said her son was admitted to hospital with a chest infection.",
        "Sentencing",
        "Passing sentence, the judge said the remorse had come far too late.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
    // Without such headings, a links scraper's name before its block.
    let lines = [
        "A landlord who ignored warnings about black mould in a rented flat has been fined.",
        "Delphine Arkwright",
        "Delphine Arkwright, the tenant, told the court she had first reported the mould in 2022.",
        "Ms Arkwright said her son was admitted to hospital with a chest infection.",
        "Passing sentence, the judge said the remorse had come far too late.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[lines[0], lines[2], lines[3], lines[4]])
    );
}

#[test]
fn a_closing_block_that_each_post_repeats_is_cut_off_the_last_post_where_the_markup_sets_it_apart()
{
    // A live blog's posts each end with `More to follow.`; its cascade's
    // last line is that block alone, and it has its place at the end,
    // besides the first place the layout gives it.
    let blocks = [
        "10:05",
        "Update: Harbour Rail says all services are suspended until at least 15:00.",
        "More to follow.",
        "10:31",
        "Our reporter says the promenade is closed between the pier and the lifeboat station.",
        "10:58",
        "Update: Power is off for about 3,200 homes in Brindle Quay, according to Eastmarsh Power.",
        "More to follow.",
    ];
    let cascade =
        |sep: &str| -> Vec<String> { (0..blocks.len()).map(|i| blocks[i..].join(sep)).collect() };
    let wide = cascade("  ");
    let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
    assert_eq!(rebuild(&wide), paras(&blocks));
    // One space apart, it may be an inline element that ends its block:
    // the post stays whole.
    let spaced = cascade(" ");
    let spaced: Vec<&str> = spaced.iter().map(String::as_str).collect();
    let mut whole = blocks[..6].to_vec();
    let last = format!("{} {}", blocks[6], blocks[7]);
    whole.push(&last);
    assert_eq!(rebuild(&spaced), paras(&whole));
}

#[test]
fn a_short_line_set_apart_by_markup_whitespace_is_placed_there_not_where_a_line_holds_it_after_a_comma(
) {
    // A letters page: each letter's blocks cascade within it, set apart
    // by the markup's whitespace. `Harrowby` ends Dr Sorensen's letter as
    // a block of its own, and the first letter's `Gallow Hill, Harrowby`
    // ends so too, one space after a comma: the wide place is its place.
    let gap = " ".repeat(12);
    let letters: [&[&str]; 3] = [
        &[
            "Build the buses first",
            "Your report on the proposed Harrowby ring road quoted the council's claim that it would take traffic out of the town centre.",
            "Margaret Hollis",
            "Gallow Hill, Harrowby",
        ],
        &[
            "The library is more than books",
            "I read with dismay that the council is reviewing the opening hours of Harrowby Library again.",
            "Dr Anita Sorensen",
            "Harrowby",
        ],
        &[
            "Bins, again",
            "Our green bin has now been missed four times since Christmas, and each time I have reported it online.",
            "Name and address supplied",
        ],
    ];
    let lines: Vec<String> = letters
        .iter()
        .flat_map(|l| (0..l.len()).map(|i| l[i..].join(&gap)))
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let blocks: Vec<&str> = letters.iter().flat_map(|l| l.iter().copied()).collect();
    assert_eq!(rebuild(&lines), paras(&blocks));
}

#[test]
fn a_closing_block_is_cut_off_only_where_a_longer_line_holds_the_last_paragraph() {
    // Cleaned once, the paragraphs are the lines: the longest is the last
    // paragraph itself, which says nothing of where its blocks meet, and
    // cleaning again must not cut the `x` glued to its end (proptest,
    // CI's seed).
    let lines = [
        "Alpha said.",
        "xAlpha said.",
        "Beta rose.Alpha said.Alpha said. Alpha said.x",
    ];
    let once = rebuild(&lines);
    assert_eq!(rebuild(&once), once);
}

#[test]
fn a_heading_that_its_paragraph_names_again_further_on_is_a_heading_unless_it_reads_as_a_link() {
    // A heading over a paragraph that says it again as a sentence of its
    // own: cleaning a cascade's article again keeps the heading.
    let lines = [
        "The logbooks of the lighthouse were kept for 125 years by the keepers of Skerrin Head.",
        "The light was always lit",
        "The archivist says the sameness struck her first. Then you see that the sameness is the story. The light was always lit. That was the whole job.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
    // Links written before their blocks: a name, a phrase in small
    // letters, one held after a word in small letters, a sentence that
    // ends its block.
    for (link, block) in [
        (
            "Dr Marcus Ebube",
            "Engineers led by Dr Marcus Ebube found the rails had worn down to the limit.",
        ),
        (
            "full buying guide",
            "For more choices, see our full buying guide, updated every month.",
        ),
        (
            "Listen again",
            "You can hear the full programme on Listen again for 30 days after it airs.",
        ),
        (
            "Read more",
            "Rail fares in England will be frozen until January, the chancellor said. Read more",
        ),
        (
            "Read more",
            "“Rail fares will be frozen until January, the chancellor said. Read more.”",
        ),
    ] {
        let lines = [
            "The logbooks of the lighthouse were kept for 125 years by the keepers of Skerrin Head.",
            link,
            block,
        ];
        assert_eq!(rebuild(&lines), paras(&[lines[0], lines[2]]), "{link}");
    }
}

#[test]
fn a_question_heading_that_its_answer_opens_with_is_kept_where_it_is_no_description() {
    // An explainer's question heading, its answer opening by asking it
    // again: a heading taken up. A description is the body's first line.
    let heading = "Why has the lagoon been delayed again?";
    let answer = "Why has the lagoon been delayed again? The short answer is money: the price agreed for its electricity was fixed in 2019.";
    let lede = "The Brackwater tidal lagoon was supposed to be generating electricity by now, but it is not.";
    let lines = [lede, heading, answer];
    assert_eq!(rebuild(&lines), paras(&lines));
    // Its cascade over markup that sets blocks apart widely.
    let gap = " ".repeat(25);
    let later = "The longer answer involves a dispute over the seabed survey and softer clay than expected.";
    let whole = [lede, heading, answer, later].join(&gap);
    let rest = [answer, later].join(&gap);
    let own = format!("{heading}{gap}");
    let cascade = [whole.as_str(), own.as_str(), rest.as_str(), later];
    assert_eq!(rebuild(&cascade), paras(&[lede, heading, answer, later]));
    // Written first, before the lede that opens with it, it is the page's
    // description; further on, a sentence that is no question is a link's
    // text written before its block.
    let lines = [
        "It was due in 2024.",
        "It was due in 2024. It is now expected in 2029, its developers say.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines[1..]));
    let guide = "Read our guide to what an amber warning means for you.";
    let block = format!("{guide} It was last updated at 08:00 this morning by the forecasters.");
    let lines = [lede, guide, block.as_str()];
    assert_eq!(rebuild(&lines), paras(&[lede, block.as_str()]));
}

#[test]
fn a_name_that_opens_the_next_paragraph_is_a_link_after_the_block_that_names_it_or_before_the_lede()
{
    // An element walk writes a link after its block; a news story's next
    // paragraph often opens with the same name.
    let lines = [
        "The plan calls for Seneca to make an additional advance to Argo, National Fuel Gas said.",
        "National Fuel Gas",
        "National Fuel Gas said the reorganisation was proposed in a term sheet signed by Seneca.",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[0], lines[2]]));
    // Before the lede, the body's first line is no section's heading.
    let lines = [
        "Tony Blair",
        "Tony Blair has met the Italian and German leaders to talk about Turkey entering the EU.",
        "The talks covered a range of other topics ahead of an EU summit in Brussels later in the week.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines[1..]));
}

#[test]
fn a_lists_last_item_glued_on_in_small_letters_is_a_block_where_its_container_spaces_it() {
    // An obituary's survivors, items in small letters glued with no space
    // in the list's cascade lines, set apart by the markup's whitespace in
    // the container's line: the last item, too short to be placed on its
    // length, is all the glued rest of the lines before it, so it is a
    // block where the container holds it too.
    let items = [
        "her daughter, Rosalind Keane",
        "her son, Howell Trewin",
        "her sister, Edith Polglase",
        "five grandchildren and two great-grandchildren",
    ];
    let intro = "She is survived by:";
    let after = "A funeral service will be held at St Brannoc's Church on 21 March at 11:00.";
    let container = format!("{intro}  {}  {after}", items.join("  "));
    let mut lines = vec![container];
    lines.extend((0..items.len()).map(|i| items[i..].concat()));
    lines.push(after.to_string());
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mut want = vec![intro];
    want.extend(items);
    want.push(after);
    assert_eq!(rebuild(&lines), paras(&want));
}

#[test]
fn a_heading_that_opens_another_paragraph_is_placed_where_its_neighbours_put_it() {
    // Found by proptest: the heading `Tariffs and Friday` also opens the
    // lede, and the whole article's line holds it twice. Placed at the
    // first occurrence, it cut the lede and the lede's line was lost.
    let lines = [
        "Tariffs and FridayMinister to talks government growth to 794.9 growth expected expected NATO inflation.Photo Credit: Ann 4512839136239670782",
        "Tariffs and Friday Smith according 252.1 NATO expected growth a? Sanctions markets officials company growth statement 431.8 Smith on the would. Company tariffs \"We that inflation year after Geneva growth rates tariffs and 347.7 to to trade on over plan fell a talks minister shares. The ready\" trade central bank statement 219.1 shares Geneva year and sources?\"We analysts to rates in \"We to Smith 120.8 company over government rose Geneva statement over.\" Talks would statement Friday NATO 227.3 shares tariffs after reported? Talks inflation fell are bank week 328.6 ready\" of the \"We Mr..Tariffs and FridayMinister to talks government growth to 794.9 growth expected expected NATO inflation.Photo Credit: Ann 4512839136239670782Photo Credit: Ben 4512839136239670782",
        "Tariffs and FridayMinister to talks government growth to 794.9 growth expected expected NATO inflation.",
        "Tariffs and Friday",
        "\"We analysts to rates in \"We to Smith 120.8 company over government rose Geneva statement over.\" Talks would statement Friday NATO 227.3 shares tariffs after reported? Talks inflation fell are bank week 328.6 ready\" of the \"We Mr..Tariffs and Friday",
    ];
    assert_eq!(
        rebuild(&lines),
        vec![
            "Tariffs and Friday Smith according 252.1 NATO expected growth a? Sanctions markets officials company growth statement 431.8 Smith on the would. Company tariffs \"We that inflation year after Geneva growth rates tariffs and 347.7 to to trade on over plan fell a talks minister shares. The ready\" trade central bank statement 219.1 shares Geneva year and sources?",
            "\"We analysts to rates in \"We to Smith 120.8 company over government rose Geneva statement over.\" Talks would statement Friday NATO 227.3 shares tariffs after reported? Talks inflation fell are bank week 328.6 ready\" of the \"We Mr..",
            "Tariffs and Friday",
            "Minister to talks government growth to 794.9 growth expected expected NATO inflation.",
            "Photo Credit: Ann 4512839136239670782",
            "Photo Credit: Ben 4512839136239670782",
        ]
    );
}

#[test]
fn a_low_quote_closed_with_the_mark_english_opens_with_stays_with_its_paragraph() {
    // German and Central European text quotes `„so“`: after `„`, a `“`
    // glued to the next paragraph closes the first, as a line start shows.
    assert_eq!(
        split_glued("Er sagte: „Sie beginnt im Schwarzwald.“Groups welcomed it."),
        vec![
            "Er sagte: „Sie beginnt im Schwarzwald.“",
            "Groups welcomed it."
        ]
    );
    // English opens with it.
    assert_eq!(
        split_glued("He left.“Groups welcomed it,” she said."),
        vec!["He left.", "“Groups welcomed it,” she said."]
    );
    assert_eq!(
        rebuild(&[
            "Er sagte: „Sie beginnt im Schwarzwald.“Groups welcomed it.",
            "Groups welcomed it.",
        ]),
        vec![
            "Er sagte: „Sie beginnt im Schwarzwald.“",
            "Groups welcomed it."
        ]
    );
}

#[test]
fn paragraphs_that_share_a_phrase_at_one_end_and_the_others_start_stay_apart() {
    // A score heads a photo's caption and ends a later line of the text;
    // the caption goes on past it with a colon (or a comma, a bracket):
    // no paragraph starts so, so the two are not a window's lines over
    // one paragraph. Read as one, the score line was joined to the
    // caption and moved.
    for mark in [":", ",", ";", ")"] {
        let caption = format!(
            "Ashford Town 3-1 Kelmarsh Rovers{mark} Dele Marsh celebrates his second goal. \
             Photograph: Ben Tully"
        );
        let article = [
            caption.as_str(),
            "The match was a good one for all of the people who came to see it.",
            "Full time: Ashford Town 3-1 Kelmarsh Rovers",
            "The rest is silence, and the fans went home.",
        ];
        assert_rebuilds(&article, &article);
    }
}

#[test]
fn a_key_event_that_opens_a_later_entry_leaves_the_entry_beside_its_time() {
    // A live blog's `Key events` list (items glued with no stop) whose
    // item opens a later entry: the item's line and the entry's overlap on
    // `Ferries cancelled`, but the entry goes on with a stop there, so they
    // are no one text; joined, the entry was pulled up to the list and its
    // time stamp left behind, the line `12:10Ferries…` broken apart.
    let out = rebuild(&[
        "Bridge closedFerries cancelled",
        "Ferries cancelled",
        "12:10Ferries cancelled. All sailings are off.",
        "Ferries cancelled. All sailings are off.",
    ]);
    let at = out
        .iter()
        .position(|p| p == "12:10")
        .expect("the time stamp");
    assert_eq!(
        out.get(at + 1).map(String::as_str),
        Some("Ferries cancelled. All sailings are off."),
        "{out:?}"
    );
}

/// Squeezing and normalising eight bytes a turn give what a walk char by
/// char gives, at every length and alignment of the whitespace, and after
/// earlier text in the buffer.
#[test]
fn squeeze_and_normalize_by_words_match_a_char_walk() {
    let pieces = [
        "a", "é", " ", "  ", "\t", "\u{a0}", "\u{2009}", "bc", "\n", "’",
    ];
    let mut state = 7u32;
    for _ in 0..2000 {
        let mut s = String::new();
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        for _ in 0..(state >> 16) % 40 {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            s.push_str(pieces[(state >> 16) as usize % pieces.len()]);
        }
        let squeezed: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut out = b"xyz".to_vec();
        squeeze_into(&s, &mut out);
        assert_eq!(&out[..3], b"xyz");
        assert_eq!(&out[3..], squeezed.as_bytes(), "{s:?}");
        let normal = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(normalize(&s), normal, "{s:?}");
    }
}

#[test]
fn a_phrase_quoted_from_a_paragraphs_end_makes_no_cut_where_paragraphs_are_glued() {
    // A suffix cascade glued with no space, and two phrases quoted from
    // the end of the first paragraph: the longer starts after a space,
    // before a small letter, inside a sentence.
    let p1 = "Producers met briefly today, but talks are not likely before the annual council session in September, they said.";
    let p2 = "Meantime, the executive board will meet on May 12 to discuss the consultancy report.";
    let p3 = "Consumers want the report presented to the board first, delegates said.";
    let glued = |ps: &[&str]| ps.concat();
    let lines = [
        glued(&[p1, p2, p3]),
        "council session in September, they said.".to_string(),
        "September, they said.".to_string(),
        glued(&[p2, p3]),
        p3.to_string(),
    ];
    assert_rebuilds(&lines, &[p1, p2, p3]);
}

#[test]
fn a_container_keeps_the_order_of_a_child_written_whole_before_it() {
    // A shuffled suffix cascade (the second paragraph first), then the
    // article once more, a paragraph a line: only the glued line says
    // which paragraph comes first.
    let p0 = "David Beckham expressed his relief at Real Madrid's passage to the knockout phase.";
    let p1 =
        "After Real's 3-0 win at Roma, the England skipper said another poor season would not do.";
    let glued = [p0, p1].concat();
    let lines = [p1, glued.as_str(), p0, p1];
    assert_rebuilds(&lines, &[p0, p1]);
}

#[test]
fn a_short_truncated_copy_before_the_whole_article_on_one_line_is_dropped() {
    // Too short for a key, the teaser is placed by nothing; once it goes
    // as a copy, the one line left splits at its glued seams.
    let p1 = "Johnson & Johnson has agreed to buy medical technology firm Guidant for 25 billion dollars.";
    let p2 = "Guidant is a key producer of equipment that combats heart problems.";
    let glued = [p1, p2].concat();
    let lines = ["Guidant is ...", glued.as_str()];
    assert_rebuilds(&lines, &[p1, p2]);
}

#[test]
fn a_caption_glued_to_a_heading_cuts_it_though_another_caption_ends_with_it() {
    // A cascade over a heading, a figure's credit and a paragraph; the
    // credit is written alone too, and another caption ends with it after
    // a space. Glued to the heading with no space, it is where the heading
    // ends; inside the other caption it is only quoted.
    let lines = [
        "The Lantern ChoirPhoto: ReutersForty singers in yellow raincoats, on the smallest stage, on Friday at noon.Okra Moon's singer, on the main stage. Photo: ReutersThe power went off twice in the middle of their set.",
        "Photo: Reuters",
        "Forty singers in yellow raincoats, on the smallest stage, on Friday at noon.Okra Moon's singer, on the main stage. Photo: ReutersThe power went off twice in the middle of their set.",
        "Okra Moon's singer, on the main stage. Photo: Reuters",
        "The power went off twice in the middle of their set.",
    ];
    assert_rebuilds(
        &lines,
        &[
            "The Lantern Choir",
            "Photo: Reuters",
            "Forty singers in yellow raincoats, on the smallest stage, on Friday at noon.",
            "Okra Moon's singer, on the main stage. Photo: Reuters",
            "The power went off twice in the middle of their set.",
        ],
    );
}

#[test]
fn a_box_of_short_items_printed_again_further_down_is_kept_in_both_places() {
    let article = [
        "Verdict",
        "Quiet, light and cheap, but the fan is loud under load.",
        "Good",
        "Weighs 1.1kg",
        "Ten-hour battery",
        "Bad",
        "Loud fan",
        "Dim screen",
        "The Arden 14 is the laptop most students should buy this year, and the one I would pick.",
        "At full load the fan is the loudest we have measured this year, which matters in a library.",
        "Verdict",
        "Buy it for the weight and the battery; bring headphones for the fan.",
        "Good",
        "Weighs 1.1kg",
        "Bad",
        "Loud fan",
        "The maker lent us the laptop for this review.",
    ];
    // Written one paragraph a line: already clean, a fixed point.
    assert_eq!(rebuild(&article), paras(&article));
    // Neither box is a run the scraper wrote twice: one written again
    // right after itself is.
    let beside: Vec<&str> = article[..5].iter().chain(&article[2..]).copied().collect();
    assert_eq!(rebuild(&beside), paras(&article));
}

#[test]
fn a_cascade_whose_two_boxes_share_items_keeps_both_boxes() {
    let top = [
        "Verdict",
        "Quiet, light and cheap, but the fan is loud under load.",
        "Good",
        "Weighs 1.1kg",
        "Ten-hour battery",
        "Bad",
        "Loud fan",
        "Dim screen",
    ];
    let body = [
        "The Arden 14 is the laptop most students should buy this year, and the one I would pick.",
        "At full load the fan is the loudest we have measured this year, which matters in a library.",
        "Verdict",
        "Buy it for the weight and the battery; bring headphones for the fan.",
        "Good",
        "Weighs 1.1kg",
        "Bad",
        "Loud fan",
        "The maker lent us the laptop for this review.",
    ];
    // The following-siblings cascade of each container: the box, then the
    // body below it.
    let mut lines = suffixes(&top);
    lines.extend(suffixes(&body));
    let article: Vec<&str> = top.iter().chain(&body).copied().collect();
    assert_eq!(rebuild(&lines), paras(&article));
}

#[test]
fn lines_written_one_after_another_that_make_up_a_paragraph_exactly_are_its_elements() {
    let article = [
        "The Harriers won the county final by two goals, their first title since the club was formed.",
        "Their captain, Ines Palo, scored both goals in the second half.",
        "Kick-off: 3pm",
        "Referee: J Okon",
        "Crowd: 4,210",
    ];
    // An element walk: the article's container, its text joined by spaces,
    // then each element's text; the facts are too short to be placed by
    // a key, and each alone is a phrase inside the container's text.
    let mut lines = vec![article.join(" ")];
    lines.extend(article.iter().map(|p| p.to_string()));
    assert_eq!(rebuild(&lines), paras(&article));
    // One such line alone inside a paragraph is a copy, and cuts nothing.
    let one = [
        article[..2].join(" "),
        "Ines Palo".to_string(),
        article[1].to_string(),
    ];
    assert_eq!(rebuild(&one), paras(&article[..2]));
}

#[test]
fn two_lines_of_one_text_placed_in_two_lists_each_go_to_their_own() {
    // Two boxes, each a list whose last item is `Loud fan`, written as the
    // following-siblings cascade of each list: the two `Loud fan` lines
    // belong one to each box.
    let top = [
        "Pros and cons",
        "Weighs 1.1kg",
        "Ten-hour battery",
        "Loud fan",
    ];
    let bottom = ["In short", "Light and quick", "Loud fan"];
    let body =
        "The Arden 14 is the laptop most students should buy this year, and the one I would pick.";
    let mut lines = suffixes(&top);
    lines.push(body.to_string());
    lines.extend(suffixes(&bottom));
    let article: Vec<&str> = top.iter().chain([&body]).chain(&bottom).copied().collect();
    assert_eq!(rebuild(&lines), paras(&article));
}

#[test]
fn a_line_alone_whose_text_a_cascade_places_is_a_copy_wherever_it_stands() {
    // The page's description is also a heading the article repeats (the
    // lede opens with it, and the FAQ asks it again): the cascade places
    // each of those, and the description adds none.
    let article = [
        "How long does it last? Here we look at what decides it.",
        "How long does it last?",
        "Most units last fifteen to twenty years if they are serviced every year.",
        "Questions",
        "How long does it last?",
        "Fifteen to twenty years.",
    ];
    let mut lines = vec![article[1].to_string()];
    lines.extend(suffixes(&article));
    assert_eq!(rebuild(&lines), paras(&article));
}

#[test]
fn a_list_item_that_opens_a_later_paragraph_before_a_stop_stays_in_its_list() {
    // A live blog's key events, each also the first words of its entry,
    // where a stop follows them: the list's cascade places each item, and
    // the entry's line is no place for one (no paragraph starts with `.`).
    let article = [
        "Key events",
        "Roads closed",
        "All trains cancelled",
        "10:15",
        "All trains cancelled. No services will run north of the river until the storm passes.",
        "09:40",
        "Roads closed. The coast road is shut between the two bridges after a landslip.",
    ];
    let mut lines = vec![article[..3].join(" ")];
    lines.extend(suffixes(&article[1..3]));
    lines.extend(suffixes(&article[3..]));
    assert_eq!(rebuild(&lines), paras(&article));
}

#[test]
fn a_heading_repeated_where_only_a_glued_seam_shows_it_is_kept_in_both_places() {
    // A cascade with lines missing: no line starts at the second `Key
    // points`, glued after a stop, but the line that starts at the first
    // holds both places.
    let article = [
        "Factory orders rose 4.3 pct in February, the largest rise since September.",
        "Key points",
        "Inventories were down slightly in February after rising in January.",
        "Key points",
    ];
    let lines = [
        article.concat(),
        article[1..].concat(),
        article[2..].concat(),
    ];
    assert_eq!(rebuild(&lines), paras(&article));
}

#[test]
fn a_shuffled_copy_of_short_headlines_is_taken_once() {
    let list = [
        "Storm closes roads across the north",
        "Ferries cancelled",
        "Schools shut early",
        "Power cuts on the islands",
        "Rail services suspended",
        "Flood warnings in force",
    ];
    // The list, then the scraper's copy of it in no order: runs of one
    // line each, with new neighbours, which say nothing.
    let copy = [list[3], list[0], list[5], list[2], list[4], list[1]];
    let lines: Vec<&str> = list.iter().chain(&copy).copied().collect();
    assert_eq!(rebuild(&lines), paras(&list));
}

/// Issue 13 asked whether the pass that checks the result is a fixed point
/// may be skipped for a single line that the first pass only split at its
/// glued seams (80 MB of glued paragraphs peak in that check). It may not:
/// the parts are new lines to each other, and one may hold another (a
/// paragraph glued to a longer one that starts with it), which only the
/// next pass sees.
#[test]
fn parts_split_off_one_line_may_still_change_in_the_next_pass() {
    let short = "The bridge over the river reopened on Monday after long repairs.";
    let long = "The bridge over the river reopened on Monday after long repairs. \
                Traffic resumed at noon on both lanes.";
    let line = format!("{short}{long}");
    let first = pass(&Lines::each(vec![&line]), None, Method::NearCopies)
        .expect("the line is split at its glued seam");
    let parts: Vec<&str> = first.paragraphs.iter().collect();
    assert_eq!(parts, vec![short, long]);
    assert_eq!(
        rebuild(&[line.as_str()]),
        paras(&[short, "Traffic resumed at noon on both lanes."])
    );
}

#[test]
fn a_time_in_capitals_glued_to_its_entry_is_cut_where_the_entry_starts() {
    // A live blog's entries, each a time and its text, the scraper gluing
    // each element to the next: `BSTThe`, a word of capitals then a
    // capitalised word, is a seam (one letter twice, `TT`, too).
    let lines = [
        "9.05am BSTThe elite men are off.",
        "The elite men are off.",
        "10.14am BSTHale has gone.",
        "Hale has gone.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[
            "9.05am BST",
            "The elite men are off.",
            "10.14am BST",
            "Hale has gone."
        ])
    );
}

#[test]
fn boxes_a_page_prints_twice_stay_in_both_places() {
    // An element cascade over a page with an advert and a newsletter box
    // printed twice: a line found twice inside the longest one stands at
    // each place (a neighbour's two keys vote once), and the advert, too
    // short for a key, stands where it is glued right before a line's start.
    let (p1, p2, p3, p4) = (
        "First paragraph of the story.",
        "Second paragraph of the story.",
        "Third paragraph of the story.",
        "Fourth paragraph of the story.",
    );
    let (ad, sign, get) = (
        "Advertisement",
        "Sign up to our newsletter",
        "Get our stories every morning.",
    );
    let boxed = format!("{sign}{get}");
    let line = |from: &[&str]| from.concat();
    let lines = [
        line(&[p1, ad, p2, &boxed, p3, ad, p4, &boxed]),
        ad.to_string(),
        line(&[p2, &boxed, p3, ad, p4, &boxed]),
        boxed.clone(),
        get.to_string(),
        line(&[p3, ad, p4, &boxed]),
        ad.to_string(),
        line(&[p4, &boxed]),
        boxed.clone(),
        get.to_string(),
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[p1, ad, p2, sign, get, p3, ad, p4, sign, get])
    );
}

#[test]
fn a_short_line_before_a_line_start_after_a_space_makes_no_cut() {
    // `Joe Biden.` ends the text right before a line's start, but after a
    // space: a name the paragraph holds, not an element glued there.
    let lines = [
        "The summit ended with a statement from Joe Biden.In late 2021, Russia presented draft proposals.",
        "In late 2021, Russia presented draft proposals.",
        "Joe Biden.",
    ];
    let out = rebuild(&lines);
    assert_eq!(out[0], lines[0][..49]);
    assert_eq!(out[1], lines[1]);
}

#[test]
fn a_cascade_whose_first_paragraph_also_ends_it_keeps_both() {
    // A newsletter's sign-up line opens and closes the page: every line of
    // the cascade ends with it, and overlaps the longest line's start by
    // it; each lies whole inside the longest line at its end, the match
    // that holds the most of their text.
    let p = [
        "Sign up to our newsletter",
        "Good morning.",
        "Regulated rail fares in England will not rise next year.",
        "It will be welcome news for commuters, especially this week.",
        "That's all for today. Stay cool.",
        "Sign up to our newsletter",
    ];
    assert_eq!(rebuild(&suffixes(&p)), paras(&p));
}

#[test]
fn a_pull_quote_printed_beside_its_paragraph_stays_out_of_the_quotation() {
    // The pull quote (an aside's own line) repeats a sentence the second
    // paragraph quotes: it stands where the page prints it again, not cut
    // out of the quotation (which would leave a lone `”`), and cleaning
    // the result again does not cut it out either.
    let q = "We could have kept the light going for a month. We just couldn’t have kept ourselves going.";
    let p1 = "The relief boat was due that morning. It did not come.";
    let p2 = format!("“We had plenty of paraffin,” MacAulay says. “{q}”");
    let p3 = "On the sixth day the sea dropped enough for a helicopter.";
    let p4 = "The Northern Lighthouse Board began automating its stations in the 1960s.";
    let tail = format!("{p3} {q} {p4}");
    let lines = [
        format!("{p1}{p2}{tail}"),
        format!("{p2}{tail}"),
        tail.clone(),
        p4.to_string(),
        q.to_string(),
    ];
    let out = rebuild(&lines);
    assert_eq!(out, paras(&[p1, &p2, p3, q, p4]));
    assert_eq!(rebuild(&out), out);
}

#[test]
fn a_link_after_a_label_is_a_copy_and_cuts_nothing() {
    // Each block once, its link's text after it: a block that is a label
    // and a link (`Read more: <a>…</a>`) stays one paragraph, and the
    // link's text, beside the block that holds it, is a copy.
    let lines = [
        "Mine cost 85 pounds, which felt absurd until I saw the bike next to mine.",
        "Read more: The productivity puzzle is not a puzzle. Britain stopped investing",
        "The productivity puzzle is not a puzzle. Britain stopped investing",
        "Lire aussi : Grève du 8 février : les images",
        "Grève du 8 février : les images",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[0], lines[1], lines[3]]));
}

#[test]
fn a_label_heading_a_cascade_glued_with_spaces_keeps_its_cut() {
    // `Key dates:` heads a cascade whose lines are glued with spaces: the
    // line that starts after it runs on past the next boundary, as no
    // link's text does.
    let lines = [
        "Key dates: The bridge closed on Monday after the storm. It reopens in May.",
        "The bridge closed on Monday after the storm. It reopens in May.",
        "It reopens in May.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[
            "Key dates:",
            "The bridge closed on Monday after the storm.",
            "It reopens in May."
        ])
    );
}

#[test]
fn a_short_paragraph_beside_a_block_quoting_it_stays_when_cleaned_again() {
    let lines = [
        "Sign: \"Hale\" over the doorHaleHaleHaleThe pub reopened on Friday night.",
        "HaleHaleHaleThe pub reopened on Friday night.",
        "HaleHaleThe pub reopened on Friday night.",
    ];
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out);
}

#[test]
fn a_short_line_glued_right_after_a_lines_end_stands_there() {
    // A container, then two of its elements: the credit, too short for a
    // key, is glued right after the caption's end, and the text after it
    // (no line of its own) starts with a capital.
    let lines = [
        "Okra Moon’s singer on the main stage at the festival.Photo: ReutersForty thousand people came.",
        "Okra Moon’s singer on the main stage at the festival.",
        "Photo: Reuters",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[lines[1], lines[2], "Forty thousand people came."])
    );
}

/// Text mode (a pass's output handed on without its squeezed bytes, which
/// the next pass makes where it reads them: `Given::Text`) cleans as
/// handing them on does: scraped articles of every pattern, and lines that
/// repeat a paragraph, cut a copy off with an ellipsis, or glue a whole
/// article into one line, cleaned both ways.
#[test]
fn text_mode_cleans_as_held_squeezed_bytes_do() {
    use newsdedup_simulate::{scrape, synthetic_paragraphs, Pattern, Source, Variant};
    let mut inputs: Vec<Vec<String>> = Vec::new();
    for seed in 0..40u64 {
        let ps = synthetic_paragraphs(seed, 3 + seed as usize % 9);
        let source = Source {
            title: "T",
            date: "20220122",
            url: "https://a.b/c",
            paragraphs: &ps,
        };
        for pattern in Pattern::ALL {
            let s = scrape(&source, pattern, &Variant::random(seed), seed);
            inputs.push(s.text.lines().skip(3).map(String::from).collect());
        }
        inputs.push(vec![ps.concat()]);
        inputs.push(vec![ps.join(" ")]);
        let mut repeated = ps.clone();
        repeated.push(ps[0].clone());
        inputs.push(vec![repeated.concat()]);
        inputs.push(suffixes(&ps.iter().map(String::as_str).collect::<Vec<_>>()));
        let cut: Vec<&str> = ps[1].split_whitespace().take(3).collect();
        inputs.push(vec![ps.concat(), format!("{}...", cut.join(" "))]);
    }
    // Articles that repeat a paragraph in another place: kept twice.
    let article = [
        "Every few months another company moves to a four-day week.",
        "Sign up for our newsletter to get our columns every Friday.",
        "What the successful trials have in common is not the shorter week.",
        "Sign up for our newsletter to get our columns every Friday.",
        "So yes, try the four-day week.",
    ];
    inputs.push(suffixes(&article));
    inputs.push(vec![article.concat()]);
    let headed = [
        "Factory orders rose 4.3 pct in February, the largest rise since September.",
        "Key points",
        "Inventories were down slightly in February after rising in January.",
        "Key points",
    ];
    inputs.push(vec![
        headed.concat(),
        headed[1..].concat(),
        headed[2..].concat(),
    ]);
    for lines in inputs {
        let held = rebuild(&lines);
        TEXT_MODE_TEST.set(0);
        let text = rebuild(&lines);
        TEXT_MODE_TEST.set(TEXT_MODE);
        assert_eq!(held, text, "{lines:?}");
    }
}

#[test]
fn a_short_list_item_glued_with_no_space_cuts_where_it_starts() {
    // A verdict box: its container's line writes the list with spaces, the
    // list's line glues the items (`cancelling58-hour`: a lowercase letter
    // before a digit, no seam by its look), and the last item's line is
    // the rest of the list's: its start is a boundary.
    let lines = [
        "If you want quiet, buy the Q40.Pros Strong noise cancelling 58-hour battery Cons Fiddly app Touch controls too sensitive Calder lent us the Q40 for this review.",
        "Pros Strong noise cancelling 58-hour battery Cons Fiddly app Touch controls too sensitive Calder lent us the Q40 for this review.",
        "Strong noise cancelling58-hour battery",
        "58-hour battery",
        "Cons Fiddly app Touch controls too sensitive Calder lent us the Q40 for this review.",
        "Fiddly appTouch controls too sensitive",
        "Touch controls too sensitive",
        "Calder lent us the Q40 for this review.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[
            "If you want quiet, buy the Q40.",
            "Pros",
            "Strong noise cancelling",
            "58-hour battery",
            "Cons",
            "Fiddly app",
            "Touch controls too sensitive",
            "Calder lent us the Q40 for this review.",
        ])
    );
}

#[test]
fn a_line_starting_at_a_glued_capital_inside_a_word_shows_tight_glue() {
    // No stop at the seams the lines show (`alsoJohnny`, `diesThe`):
    // still, lines start there, with no space, so the file glues its
    // paragraphs so, and a stop glued to a capital that no line start
    // shows (`row.See`, a cascade line lost) is split too.
    let ps = [
        "The Bank of England has left interest rates on hold for a sixth month in a row.",
        "See also",
        "Johnny Cash manager Holiff dies",
        "The Bank's Monetary Policy Committee decided to take no action this month.",
    ];
    let lines = [ps.concat(), ps[2..].concat(), ps[3].to_string()];
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn a_short_phrase_from_a_paragraphs_end_cuts_nothing() {
    // `Christian Andersen.` ends the lede, where the next line starts, but
    // starts after a space, inside the sentence, in a file that glues its
    // paragraphs with no space: a copy of a phrase, not an element.
    let ps = [
        "French musician Jean-Michel Jarre is to perform to mark the birth of writer Hans Christian Andersen.",
        "Denmark is holding a three-day celebration of the life of the fairy-tale author.",
        "Other stars are expected to join the line-up in the coming months.",
    ];
    let mut lines = suffixes(&ps);
    lines.insert(0, "Christian Andersen.".into());
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn a_sentence_like_line_cut_out_of_a_sentence_is_a_copy() {
    // `French.` reads as a sentence of its own, but the article holds it
    // only after `into`: cut out of one. `Two groups of U.S.` goes on
    // with `banks`. Both go; a real one-sentence paragraph found between
    // two sentences stays (below).
    let ps = [
        "The book is translated into French. Two groups of U.S. banks will sell it.",
        "It is out on Monday. Sales will start at noon.",
        "Booksellers expect a rush.",
    ];
    let mut lines = suffixes(&ps);
    lines.push("French.".into());
    lines.push("Two groups of U.S.".into());
    assert_eq!(rebuild(&lines), paras(&ps));
    // `It rains.` is found only between two sentences (`noon. It rains.
    // Shops`): it may be a one-line paragraph the text repeats, and stays.
    let ps = [
        "The book is out on Monday. Sales start at noon. It rains. Shops are full.",
        "Booksellers expect a rush.",
    ];
    let mut lines = suffixes(&ps);
    lines.push("It rains.".into());
    let out = rebuild(&lines);
    assert!(out.iter().any(|p| p == "It rains."), "{out:#?}");
}

#[test]
fn an_element_walks_label_and_link_stay_one_paragraph() {
    // `<p><strong>Read more:</strong> <a>…</a></p>` in an element walk: the
    // block's line, then each inline element's. The two tile the block
    // (they are no container's children), the label fills the gap between
    // two blocks' lines, and still the link's text goes on its block.
    let block = "Read more: Council tax to rise by 4.99% in April";
    let lines = [
        "The savings plan also includes cuts to opening hours. Read more: Council tax to rise by 4.99% in April The consultation will be online from Monday.",
        "The savings plan also includes cuts to opening hours.",
        block,
        "Read more:",
        "Council tax to rise by 4.99% in April",
        "The consultation will be online from Monday.",
    ];
    let want = paras(&[
        "The savings plan also includes cuts to opening hours.",
        block,
        "The consultation will be online from Monday.",
    ]);
    assert_eq!(rebuild(&lines), want);
    // With no container line: the label and the link are copies of the
    // block they follow.
    assert_eq!(rebuild(&lines[1..]), want);
}

#[test]
fn an_element_walks_inline_sentence_at_a_blocks_end_cuts_nothing() {
    // `<p>… online. <a>Read more about how we check.</a></p>` in an element
    // walk: the container, each block (a list item's link over all of it
    // written again, the closing block inside a `<div>` too), then the
    // link's text, which ends its block with a space before it. The
    // block's line starts where the block before it ends: it is an
    // element, and a sentence it holds is inline, not a block of its own.
    let (a, b, c) = (
        "Our checks take a day. Each one has two readers.",
        "Sources",
        "Reverse image search results",
    );
    let d =
        "This piece is part of our work against false claims online. Read more about how we check.";
    let container = [a, b, c, d].join(" ");
    let lines = [
        &container,
        a,
        b,
        c,
        c,
        d,
        d,
        "Read more about how we check.",
    ];
    assert_eq!(rebuild(&lines), paras(&[a, b, c, d]));
    // A cascade joined with spaces has the same line pair at its end, but
    // its lines start where no line ends: its last paragraph stays one.
    let ps = [
        "The house passed the bill on Tuesday after a long debate.",
        "Its purpose is to help savers compare the rates of banks.",
        "The bill was passed by voice vote.",
    ];
    let spaced: Vec<String> = (0..ps.len()).map(|i| ps[i..].join(" ")).collect();
    assert_eq!(rebuild(&spaced), paras(&ps));
}

#[test]
fn an_element_walks_inline_texts_meeting_inside_a_sentence_cut_nothing() {
    // `<p><sup>1</sup> <em>Kelvex safety data sheet</em>, document v2.1,
    // revised 2025.</p>` in an element walk: the block, then its two
    // inline elements' texts. They meet where one ends and the other
    // starts, as a walk's blocks meet, but the second ends before a
    // comma, inside its sentence: an inline element's text, whose start
    // is no block's.
    let (a, b) = (
        "The council expects more results at about six and will publish them.",
        "1 Kelvex safety data sheet, document v2.1, Ostrander Coatings, revised 2025.",
    );
    let lines = [a, b, "1", "Kelvex safety data sheet"];
    assert_rebuilds(&lines, &[a, b]);
    // With the container's text first, the short mark fills the gap
    // between the block before it and the emphasis: still no cut.
    let container = [a, b].join(" ");
    let lines = [container.as_str(), a, b, "1", "Kelvex safety data sheet"];
    assert_rebuilds(&lines, &[a, b]);
    // A walk's blocks that meet so end where a block can: both are kept.
    let (c, d) = ("See also", "Kelvex safety data sheet");
    let container = [a, c, d].join(" ");
    let lines = [container.as_str(), a, c, d];
    assert_rebuilds(&lines, &[a, c, d]);
}

#[test]
fn a_label_block_and_the_block_after_it_stay_two_paragraphs() {
    // `<p>Our rating:</p><p>False</p>` in an element walk: the two short
    // lines fill the gap between two blocks' lines together, and no line
    // holds the two alone (only the container of other blocks does), so
    // they are two blocks, unlike `<p><b>Read more:</b> <a>…</a></p>`
    // above, whose block is a line of its own.
    let (claim, label, value) = (
        "Claim: a photo shows a shark swimming on the flooded motorway near the bay this week.",
        "Our rating:",
        "False",
    );
    let (b, c) = (
        "The image has been shared since at least 2011, after floods in six countries.",
        "It was first posted in 2011 by a man in Puerto Rico who has since said it was a joke.",
    );
    let container = [claim, label, value, b, c].join(" ");
    let lines = [&container, claim, "Claim:", label, value, b, c];
    assert_eq!(rebuild(&lines), paras(&[claim, label, value, b, c]));
}

#[test]
fn a_link_of_one_small_word_beside_its_paragraph_is_a_copy() {
    // `click <a>here</a>`, `<a>email</a> us`: links scraped as lines of
    // their own after their paragraph. A word of four letters or more;
    // `and` or `was` set apart stays (a source that lost a name beside it).
    let lines = [
        "Follow the long read on social media, listen to our podcasts here and sign up to the weekly email.",
        "here",
        "email",
        "Have an opinion on anything you have read today? Please write to us.",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[0], lines[3]]));
    let lines = [
        "The men's race went to form in Sheffield as",
        "and",
        "the champion dominated from start to finish, and the crowd rose as one.",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
}

#[test]
fn a_small_word_that_a_cascade_sets_apart_stays_when_cleaned_again() {
    // The cascade proves `update` a paragraph; once cleaned it stands
    // beside a short paragraph that quotes it, and a word in small letters
    // is a link's text only in a long paragraph's running text, after a
    // space: cleaning the output again changes nothing.
    // (The first two lines disagree on what follows the first sentence:
    // no order of paragraphs said once holds both whole, so each line
    // comes back as it stands, the word with it.)
    let lines = [
        "Prices rose again in March.update",
        "Prices rose again in March.\"What next?\"update\"What next?\"",
        "Prices rose again in March.",
    ];
    let once = rebuild(&lines);
    let text: String = once.concat();
    for line in lines {
        assert!(text.contains(line), "{line} whole in {once:#?}");
    }
    assert_eq!(rebuild(&once), once);
    // Where the lines agree, the cascade sets the word apart, and it
    // stays so when cleaned again.
    let lines = [
        "Prices rose again in March.update\"What next?\"",
        "update\"What next?\"",
        "\"What next?\"",
    ];
    let once = rebuild(&lines);
    assert!(once.iter().any(|p| p == "update"), "{once:#?}");
    assert_eq!(rebuild(&once), once);
}

#[test]
fn a_short_line_before_another_block_is_no_link_of_the_block_after() {
    // A block's links are written just before it (or after its other
    // links): a short line with another block between it and the
    // paragraph that holds its text is a paragraph of its own.
    let lines = [
        "Harbour closed",
        "\"Storm Ciara?\" asked one.",
        "By noon the Harbour closed\"for the day\".",
    ];
    assert_eq!(rebuild(&lines), paras(&lines));
}

#[test]
fn a_sentence_the_article_repeats_reads_alike_in_every_pass() {
    // The first pass makes `Beta rose 5%.` a paragraph twice (the article
    // repeats it); the next pass, and a new cleaning of the output, must
    // both know that its first place has a later one (`Line::echo`).
    let lines = [
        "Zeta fell.Eta Beta rose 5%.U.S.",
        "Beta rose 5%.\"Gamma?\"Beta rose 5%.EPSILON",
        "Beta rose 5%.",
    ];
    let once = rebuild(&lines);
    assert_eq!(rebuild(&once), once);
}

#[test]
fn a_link_that_spans_a_whole_sentence_is_a_copy() {
    // `<a>Read more about how we fact-check.</a>` written before its
    // block (or after it); `Read more: <a>What is in the bill?</a>`.
    let para = "This article is part of our work to counter false information online. Read more about how we fact-check.";
    let link = "Read more about how we fact-check.";
    let next = "Factline is a member of the International Fact-Checking Network and follows its code of principles.";
    assert_eq!(rebuild(&[link, para, next]), paras(&[para, next]));
    assert_eq!(rebuild(&[para, link, next]), paras(&[para, next]));
    let (read, question) = (
        "Read more: What is in the planning bill, and what has changed?",
        "What is in the planning bill, and what has changed?",
    );
    assert_eq!(rebuild(&[para, read, question]), paras(&[para, read]));
    // One that a short paragraph quotes is a paragraph of its own, and so
    // is a list's item that the next item ends with after a comma.
    let (said, quoted) = ("He said no.", "Asked twice, he nodded. He said no.");
    assert_eq!(rebuild(&[said, quoted, next]), paras(&[said, quoted, next]));
    let (item, items) = (
        "K Holmes (Ealing, Southall and Middlesex AC).",
        "H Clitheroe (Preston Harriers), K Holmes (Ealing, Southall and Middlesex AC).",
    );
    assert_eq!(rebuild(&[item, items, next]), paras(&[item, items, next]));
}

#[test]
fn a_pull_quote_of_a_quoted_sentence_after_its_paragraph_is_a_block_of_its_own() {
    // A feature sets a speaker's last sentence apart as a pull quote, out
    // of its quotation marks, right after the paragraph that quotes it:
    // where a links scraper writes a link that spans a whole sentence (in
    // a file that writes its links so: `Carys`, a name the article has).
    // A link spans the marks too, or none; the pull quote stays.
    let para = "Josiah passed the ferry to his son, and in 1976 it came to Tom, then 23. He did not think about it for long. \u{201c}There wasn\u{2019}t a conversation. Dad said, \u{2018}It\u{2019}s yours now,\u{2019} and handed me the tin.\u{201d}";
    let quote = "Dad said, \u{2018}It\u{2019}s yours now,\u{2019} and handed me the tin.";
    let link = "Carys";
    let next = "Carys Verrall, speaking on the phone from Bristol, is less sure about the ferry.";
    let last = "His own children have not followed him: his daughter Carys is a physiotherapist.";
    assert_eq!(
        rebuild(&[para, quote, link, next, last]),
        paras(&[para, quote, next, last])
    );
}

#[test]
fn a_name_that_ends_with_an_abbreviation_is_a_links_text_not_a_sentence() {
    // `<a>Sen. Dana Marsh (D-Ore.)</a>` written before its block: its
    // words each open with a capital, a bracket's too, so its stop ends an
    // abbreviation, not a sentence that may stand as a paragraph.
    let lines = [
        "The Senate passed a bill on Thursday that would require Navy ships to be repaired in American yards.",
        "Sen. Dana Marsh (D-Ore.)",
        "The bill's sponsor, Sen. Dana Marsh (D-Ore.), said it was about making sure the fleet gets fixed at home.",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[0], lines[2]]));
}

#[test]
fn a_link_whose_text_is_a_domain_name_is_a_copy() {
    // `<a>severnsun.example</a>` written after its block; a name with a
    // capital glued by a dot (`Mr.Benn`) is no domain.
    let para = "Severn Sun Co-operative Ltd is a community benefit society. More at severnsun.example or on 01452 000 000.";
    let next = "About Westcountry Community Bank";
    assert_eq!(
        rebuild(&[para, "severnsun.example", next]),
        paras(&[para, next])
    );
    let para = "The children's programme was made by Mr.Benn Productions of Bristol from 1971 to the late 1980s.";
    assert_eq!(
        rebuild(&[para, "Mr.Benn", next]),
        paras(&[para, "Mr.Benn", next])
    );
}

#[test]
fn angle_brackets_and_braces_are_marks_no_paragraph_starts_after_or_ends_before() {
    // Reuters marks a company `<Energy Assets International Corp>`; its
    // link's text written as a line cuts nothing there.
    let para = "Graham-McCormick Oil and Gas Partnership said it completed the sale of interests in two major fields to <Energy Assets International Corp> for 21 mln dlrs.";
    let next = "The company said it sold about one-half of its 50 pct interest in the two fields.";
    let link = "Energy Assets International Corp";
    assert_eq!(rebuild(&[para, link, next]), paras(&[para, next]));
    assert_eq!(rebuild(&[link, para, next]), paras(&[para, next]));
}

#[test]
fn a_link_cut_out_of_a_word_or_a_name_that_opens_a_paragraph_is_a_copy() {
    // Links written before their block, each the start of the block's
    // text but no heading: the text goes on inside a word (`-based`,
    // `'s`) or a longer name (`XP`). A heading taken up goes on with a
    // word of its own (`Known issues` / `Known issues include…`).
    let first = "Last year saw the emergence of portable media players, such as the Creative Zen and the Samsung Yepp.";
    for (link, para) in [
        ("Unlike Windows", "Unlike Windows-based players, the Archos devices have always been able to record from any video source."),
        ("But Mr Brown", "But Mr Brown's former adviser Ed Balls, now a parliamentary hopeful, said the Tory plans would cut investment."),
        ("The Windows", "The Windows XP Counterfeit Project will mean that counterfeit software is replaced for free until the end of the year."),
        ("The Zafi", "The Zafi.D virus translates the Christmas greeting on its subject line into the language of the person receiving it."),
    ] {
        assert_eq!(rebuild(&[first, link, para]), paras(&[first, para]));
    }
    let heading = "Known issues";
    let para = "Known issues include a crash on start-up when the cache is full and slow sync over mobile data.";
    assert_eq!(
        rebuild(&[first, heading, para]),
        paras(&[first, heading, para])
    );
}

#[test]
fn a_heading_that_a_sentence_under_it_opens_with_stays() {
    // A clean article: the heading's words open a later sentence of the
    // section it heads. A link's text written before its block is found
    // in the block's running text, and where a sentence opens with it, it
    // is the sentence's subject (`Lady Justice Amberley, giving…`); a
    // phrase that a sentence goes on from is the heading, taken up.
    let article = [
        "Van Houten said it would keep the Ormsby brewery open for at least five years after the deal.",
        "What happens next",
        "The Competition and Markets Authority will decide whether to open an investigation. \
         What happens next to the Ormsby family's own shares is not yet known.",
        "Shares in the group rose 3% on the news in early trading, to their highest in a year.",
    ];
    assert_rebuilds(&article, &article);
    // The same words inside a sentence are a link's text.
    let mut lines = article.to_vec();
    lines.insert(3, "highest in a year");
    assert_rebuilds(&lines, &article);
}

#[test]
fn a_name_link_that_a_shorter_link_repeats_is_still_a_copy() {
    // Links written before their paragraphs: `Jane Rowe` opens the
    // paragraph after it, and `Rowe` (a later link) is the end of its
    // text, so the two make a group of their own that cuts nothing; its
    // text is still a link's, and goes. So does `Rowe`: the article writes
    // it as a name (`Jane Rowe`), and the paragraph after it opens with it.
    let lines = [
        "A tenant told a court that her landlord laughed when she showed him the mould in the bedroom.",
        "Jane Rowe",
        "Jane Rowe, 52, of Hill Lane, denies six offences under the Housing Act relating to three houses.",
        "The council's officer told the court the gutter was the main cause of the damp in the house.",
        "Rowe",
        "Rowe is expected to give evidence on Thursday, the court heard, and the trial continues.",
    ];
    let out = rebuild(&lines);
    assert!(
        !out.iter().any(|p| p == "Jane Rowe" || p == "Rowe"),
        "{out:#?}"
    );
    assert_eq!(out.len(), 4, "{out:#?}");
}

#[test]
fn a_cascades_heading_that_its_paragraph_takes_up_stays_a_paragraph() {
    // `Known issues` before `Known issues include…`: a phrase the next
    // paragraph opens with is a heading taken up, not a name's link, once
    // the cascade is cleaned and cleaned again.
    let ps = [
        "Tidewater 2.4 is out. It is a maintenance release with one new feature and a long list of fixes.",
        "Known issues",
        "Known issues include a crash when a log line was longer than 64 KiB.",
        "Fixed a crash when a log line was empty.",
        "Thanks to the 14 people who contributed to this release.",
    ];
    assert_eq!(rebuild(&suffixes(&ps)), paras(&ps));
}

#[test]
fn a_sentence_linked_in_running_text_and_repeated_later_as_a_heading_is_a_copy_there() {
    // `from <a>How much does it cost?</a> to <a>Is it noisy?</a>`: the
    // links, scraped as lines after the paragraph, are the FAQ's headings
    // further down. Each stays where the heading stands.
    let lines = [
        "We answer the questions readers ask most, from How much does it cost? to Is it noisy? Read the one you need.",
        "How much does it cost?",
        "Is it noisy?",
        "The basics",
        "A heat pump moves heat from outside your home to inside it, the way a fridge moves heat out.",
        "How much does it cost?",
        "Typically ten to fourteen thousand pounds fitted, before the grant of seven and a half thousand.",
        "Is it noisy?",
        "About as loud as a fridge, measured a metre away, and most councils allow them without planning.",
        "Your home",
        "Most homes are suitable. You need space outside for the unit and a hot water cylinder inside.",
    ];
    let mut want = paras(&lines[3..]);
    want.insert(0, lines[0].to_string());
    assert_eq!(rebuild(&lines), want);
}

#[test]
fn a_spanned_line_kept_whole_joins_only_the_paragraph_the_next_cleaning_leaves_out() {
    // The strict reading's paragraphs, and a cleaning of them that leaves
    // one out: the line that spans them all (a cascade's first line) stays
    // whole by joining that paragraph to the next, the others apart.
    let out: Vec<String> = [
        "A first paragraph.",
        "Known issues",
        "Known issues include a crash.",
        "A last one.",
    ]
    .map(String::from)
    .to_vec();
    let raw = Lines::each(vec![
        "A first paragraph.Known issuesKnown issues include a crash.A last one.",
    ]);
    let next = vec![out[0].clone(), out[2].clone(), out[3].clone()];
    let joined = join_spanned(&raw, &out, &next).unwrap();
    assert_eq!(
        joined,
        [
            "A first paragraph.",
            "Known issues Known issues include a crash.",
            "A last one."
        ]
    );
}

#[test]
fn a_heading_whose_name_opens_the_paragraph_under_it_keeps_both_whole() {
    // `About Harbour Foods Co-operative` over `Harbour Foods Co-operative
    // Ltd is…`: once the cascade is cleaned, the two overlap by the name,
    // which reads as a seam on both sides in squeezed text (`About|Harbour`,
    // `Co-operative|Ltd`). No paragraph may lose the name.
    let ps = [
        "The co-operative opened its second shop on Monday, in a former bank on the high street.",
        "\u{201c}This is what a shop looks like when people own it,\u{201d} said the chair.",
        "About Harbour Foods Co-operative",
        "Harbour Foods Co-operative Ltd is a community benefit society registered in England.",
        "About the Town Fund",
        "The Town Fund lends to community enterprises in the south-west of England.",
    ];
    assert_eq!(rebuild(&suffixes(&ps)), paras(&ps));
}

#[test]
fn a_copy_cut_short_inside_a_word_or_before_a_stop_cuts_nothing() {
    // A following-siblings cascade and copies of some of its lines cut
    // short by a length-limited field, with no ellipsis: inside a word
    // (`…for sh`), before a stop (`…widely expected`), before `'s`, short
    // (`There will i`) and long. None ends a paragraph there.
    let ps = [
        "The board met on Monday and will listen to any bid that makes sense for shareholders.",
        "It said the sale was not expected before the summer, as had been widely expected. Talks go on.",
        "There will initially be no tax on exports of maize, although such a tax could be imposed later.",
        "Shares closed up 12 cents on Monday's news, the exchange said.",
    ];
    let mut lines = suffixes(&ps);
    lines.push("The board met on Monday and will listen to any bid that makes sense for sh".into());
    lines.push(
        "It said the sale was not expected before the summer, as had been widely expected".into(),
    );
    lines.push("There will i".into());
    lines.push("Shares closed up 12 cents on Monday".into());
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn a_prefix_cascade_whose_article_lost_its_names_still_ends_paragraphs_inside_words() {
    // Paragraphs that end where a linked name was dropped (`…now plays`,
    // `powered her way…`): glued, they touch inside a word. The lines of a
    // prefix cascade end at every paragraph's end, so those ends are cuts.
    let ps = [
        "Davenport, who closed out the match with her ninth ace of the night, now plays",
        "powered her way into the fourth round with a straight sets win.",
        "The seventh seed stuck with Williams until the first set before it became one-way traffic.",
        "She faces the French Open champion",
        "who beat Schiavone of Italy 6-3 6-3 in the second round.",
    ];
    let lines: Vec<String> = (1..=ps.len()).map(|i| ps[..i].concat()).collect();
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn a_link_after_an_initialism_that_opens_a_paragraph_cuts_nothing() {
    // `U.S. <a>Trade Representative Carla</a> Ruiz said…`, an element walk
    // with spaces between blocks: the link's line starts after `U.S.`,
    // which opens a name there, no sentence ends.
    let ps = [
        "U.S. Trade Representative Carla Ruiz said the United States would answer any tariff on soya oil.",
        "Speaking to grain traders in Kansas City, Ruiz said talks with Brussels would resume in May.",
        "The proposed tariff would cost American farmers about 400 mln dlrs a year, officials said.",
    ];
    let lines = vec![
        ps.join(" "),
        ps[0].to_string(),
        "Trade Representative Carla".to_string(),
        ps[1].to_string(),
        ps[2].to_string(),
    ];
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn a_speakers_words_between_two_quotations_cut_no_paragraph() {
    // `"We are delighted,<em>" said a spokesman. "</em>It is a fine deal."`
    // in an element walk: the emphasis's line starts before a quote that
    // closes and ends after one that opens, so neither end is a boundary.
    let p = "\"We are delighted with the film deal and the cast that has been chosen for it,\" said a spokesman for the author of the books. \"It is a fine deal for everyone.\"";
    let ps = [
        "The author signed the deal on Monday, her agent said, after a month of talks with two studios.",
        p,
        "Filming is due to start in the spring in Canada.",
    ];
    let lines = vec![
        ps.join(" "),
        ps[0].to_string(),
        p.to_string(),
        "\" said a spokesman for the author of the books. \"".to_string(),
        ps[2].to_string(),
    ];
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn more_copies_cut_short_than_paragraphs_still_cut_nothing() {
    // Every line of a suffix cascade written again, cut short inside a
    // word, some twice: the copies' own ends must not read as a prefix
    // cascade's ends, however many there are.
    let ps = [
        "The board met on Monday and will listen to any bid that makes sense for shareholders.",
        "It said the sale was not expected before the summer, when talks with two bidders end.",
        "Shares closed up 12 cents in busy trading on the news, the exchange said on Tuesday.",
    ];
    let mut lines = suffixes(&ps);
    for (i, cut) in [(0, 70), (0, 100), (1, 60), (1, 120), (2, 50)] {
        let line = &suffixes(&ps)[i];
        let mut at = cut;
        while !line[at..].starts_with(|c: char| c.is_lowercase()) || line[..at].ends_with(' ') {
            at += 1;
        }
        lines.push(line[..at].to_string());
    }
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn a_paragraphs_last_sentence_written_as_a_line_is_a_copy_where_paragraphs_are_glued() {
    // A suffix cascade glued with no space, and the first paragraph's last
    // sentence written as a line of its own (a link or an emphasis over
    // it): the line starts after a space, inside running text, and ends
    // at the glued seam of two paragraphs, as an inline element at a
    // block's end does. Long though it is, it starts no paragraph.
    let p1 = "On the international front, the minister said banks must lend more to developing countries. He was asked about it after the agency cut the ratings of six large banks.";
    let p2 = "He said developing countries must adopt market policies to draw capital.";
    let p3 = "The money must come either through equity or debt, he said.";
    let mut lines = suffixes(&[p1, p2, p3]);
    lines.push("He was asked about it after the agency cut the ratings of six large banks.".into());
    assert_rebuilds(&lines, &[p1, p2, p3]);
}

#[test]
fn a_block_set_apart_by_spaces_inside_glued_paragraphs_starts_one() {
    // `<p>…</p> <blockquote> <p>“…”</p> </blockquote> <p>…</p>` in a
    // cascade glued with no space: the quotation's block is spaced on both
    // sides in the lines that hold it, so its line is a block, not an
    // inline element, though it starts after a sentence with a space.
    let p0 = "The council approved the budget shortly after midnight.";
    let p1 =
        "The finance director told the council that reserves would otherwise have fallen too low.";
    let q = "“Nobody up here wanted to cut a library hour. But a city that cannot borrow cannot fix a road.”";
    let p2 = "Several speakers asked why the police overtime line grew while other departments were cut.";
    let p3 = "The budget takes effect on 1 April.";
    let tail = [p1, " ", q, " ", p2, p3].concat();
    let lines = [
        [p0, tail.as_str()].concat(),
        tail.clone(),
        q.to_string(),
        [p2, p3].concat(),
        p3.to_string(),
    ];
    assert_rebuilds(&lines, &[p0, p1, q, p2, p3]);
}

#[test]
fn a_paragraphs_sentences_each_written_as_a_line_cut_nothing_where_paragraphs_are_glued() {
    // The same cascade, with the first paragraph's two last sentences each
    // written as a line: one ends where the other starts, but they tile
    // the paragraph's running text up to its glued end, where the next
    // cascade line starts; they are copies, not blocks.
    let p1 = "The agency cut the ratings of six large banks on Tuesday. It expected their leverage to stay high. It said the banks' operating returns had recently declined.";
    let p2 = "But the agency also said the banks' recent problems would probably be temporary.";
    let p3 = "The banks declined to comment.";
    let mut lines = suffixes(&[p1, p2, p3]);
    lines.push("It expected their leverage to stay high.".into());
    lines.push("It said the banks' operating returns had recently declined.".into());
    assert_rebuilds(&lines, &[p1, p2, p3]);
}

#[test]
fn two_following_sentences_inside_a_glued_paragraph_each_written_as_a_line_cut_nothing() {
    // A suffix cascade glued with no space, and two sentences from inside
    // its second paragraph each written as a line: one ends where the
    // other starts, but the run they make starts and ends inside running
    // text, where no other line starts or ends. They are copies; an
    // element walk's lines would reach a boundary.
    let ps = [
        "The ferry company has cut its winter timetable for the third year running, blaming fuel costs.",
        "Islanders say the cuts leave them stranded. The last boat now leaves the mainland at four. \
         Shops close early on sailing days. A petition has gathered 2,000 names in a week.",
        "The company will meet the council in March.",
    ];
    let mut lines = suffixes(&ps);
    lines.insert(1, "The last boat now leaves the mainland at four.".into());
    lines.push("Shops close early on sailing days.".into());
    assert_rebuilds(&lines, &ps);
}

#[test]
fn an_article_listing_api_names_that_its_text_and_code_name_again_comes_back_unchanged() {
    // A clean article: list items that start alike, named again in the
    // paragraph after the list and called in code (`TextDecoderStream()`).
    // A line that ends before a bracket shows no glued paragraphs, and in
    // a file with none a list item is no link's text of the paragraph
    // after it.
    let article = [
        "The Streams API is small, but the names are long and they all start the same way. \
         These are the ones this article uses:",
        "ReadableStream",
        "ReadableStreamDefaultReader",
        "ReadableStream.getReader()",
        "TransformStream",
        "TextDecoderStream",
        "A ReadableStream is the source. You ask it for a reader with ReadableStream.getReader(), \
         which returns a ReadableStreamDefaultReader.",
        "const lines = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(splitLines());",
        "A TransformStream of your own turns the text into lines.",
    ];
    assert_rebuilds(&article, &article);
}

#[test]
fn list_items_that_start_alike_keep_their_whole_names_when_cleaned_again() {
    // A container written with tabs between its list items, and the list's
    // own cascade glued with no space: the first item is a paragraph, and
    // cleaning the result again does not read it as a link's text of the
    // item after it, which opens with it glued to more of a word.
    let p = "The API is small, but the names all start the same way. These are the ones we use:";
    let items = [
        "ReadableStream",
        "ReadableStreamDefaultReader",
        "ReadableStream.getReader()",
    ];
    let r = "A ReadableStream is the source. You ask it for a reader with \
             ReadableStream.getReader(), which returns a ReadableStreamDefaultReader.";
    let lines = [
        format!("{p}\t\t{}\t\t{r}", items.join("\t\t")),
        items.concat(),
        items[1..].concat(),
    ];
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
    assert_eq!(out[..2], paras(&[p, items[0]]));
    assert!(out[2].starts_with(&items[1..].join(" ")), "{out:?}");
}

#[test]
fn list_items_ending_with_a_quote_and_glued_to_the_next_item_split_where_lines_start() {
    // A box of quoted headlines in a suffix cascade glued with no space:
    // an item's closing quote touches the next item's capital.
    let ps = [
        "The festival opens on Friday with three new stages.",
        "Prince crowned 'top music earner'",
        "Apple unveils low-cost 'Mac mini'",
        "UK TV channel rapped for advert",
        "Tickets are still on sale at the gate.",
    ];
    assert_rebuilds(&suffixes(&ps), &ps);
}

#[test]
fn a_block_the_article_says_twice_is_kept_where_the_longest_line_holds_it_again() {
    // The page's container holds `Kick-off 3pm Venue: Mill Lane` twice:
    // under the heading and again after the preview. The scraper's glued
    // line of the block is placed at its first place; the second was read
    // as that copy and lost, and the container with it.
    let lines = [
        "Match facts Kick-off 3pm Venue: Mill Lane The home side have won their last four \
         games at Mill Lane and go into the derby unbeaten since August. Their captain, back \
         from a hamstring strain, is expected to start. Kick-off 3pm Venue: Mill Lane The \
         visitors travel with a weakened squad after three players were suspended.",
        "Kick-off 3pmVenue: Mill Lane",
        "The visitors travel with a weakened squad after three players were suspended.",
    ];
    let block = "Kick-off 3pm Venue: Mill Lane";
    let out = rebuild(&lines);
    assert_eq!(
        out,
        paras(&[
            "Match facts",
            block,
            "The home side have won their last four games at Mill Lane and go into the derby \
             unbeaten since August. Their captain, back from a hamstring strain, is expected to \
             start.",
            block,
            lines[2],
        ])
    );
    assert_eq!(rebuild(&out), out);
}

#[test]
fn a_longest_line_that_says_a_block_twice_in_a_row_adds_no_repeat() {
    // `A.B.` then `A.B.C.` glued into one line is a cascade the scraper
    // joined, not an article that says `A.` and `B.` twice.
    let a = "The ferry was cancelled on Friday morning because of the high winds.";
    let b = "Passengers were offered seats on the evening sailing instead.";
    let c = "The operator said it expected a normal timetable on Saturday.";
    let line = format!("{a}{b}{a}{b}{c}");
    let out = rebuild(&[line.as_str(), b]);
    assert_eq!(out, paras(&[a, b, c]));
}

#[test]
fn a_superscript_written_as_a_line_is_a_copy_of_the_number_it_follows() {
    // An element walk writes `1<sup>er</sup>` as the paragraph, then `er`
    // as a line of its own: letters glued to a digit, a copy, no paragraph.
    let p1 = "La piscine fermera ses portes le 1er juillet pour au moins quatre mois. \
              Le chantier doit permettre de refaire la toiture.";
    let p2 = "La décision a été votée lundi soir en conseil municipal.";
    let container = format!("{p1} {p2}");
    let lines = [container.as_str(), p1, "er", p2];
    assert_eq!(rebuild(&lines), paras(&[p1, p2]));
}

#[test]
fn blocks_said_again_are_cut_alike_until_cleaning_again_changes_nothing() {
    // Share links after each section, written by a cascade: a cut made in
    // one place of the block can make another place a run of paragraphs
    // that the first look found two ways; cleaning the output again must
    // not find it.
    let lines = [
        "The biggest timetable change in a decade starts on Sunday, the operator said.Read moreFacebookXEmailCopy linkThe valley lineTrains between Whitmore and Saltburn Bay will run every 20 minutes instead of every half hour.Facebook X EmailRead moreFacebookXEmailCopy linkWhat about fares?Very little changes on the valley line, except that the last train leaves at 23:40.Read moreFacebookXEmailCopy link",
        "FacebookXEmailCopy linkThe valley lineTrains between Whitmore and Saltburn Bay will run every 20 minutes instead of every half hour.Facebook X EmailRead moreFacebookXEmailCopy linkWhat about fares?Very little changes on the valley line, except that the last train leaves at 23:40.Read moreFacebookXEmailCopy link",
        "EmailCopy link",
        "Copy link",
        "The valley lineTrains between Whitmore and Saltburn Bay will run every 20 minutes instead of every half hour.Facebook X EmailRead moreFacebookXEmailCopy linkWhat about fares?Very little changes on the valley line, except that the last train leaves at 23:40.Read moreFacebookXEmailCopy link",
        "Read moreFacebookXEmailCopy linkWhat about fares?Very little changes on the valley line, except that the last train leaves at 23:40.Read moreFacebookXEmailCopy link",
        "FacebookXEmailCopy linkWhat about fares?Very little changes on the valley line, except that the last train leaves at 23:40.Read moreFacebookXEmailCopy link",
        "EmailCopy link",
        "Copy link",
        "What about fares?Very little changes on the valley line, except that the last train leaves at 23:40.Read moreFacebookXEmailCopy link",
        "XEmailCopy link",
        "EmailCopy link",
        "Copy link",
    ];
    let once = rebuild(&lines);
    assert_eq!(rebuild(&once), once);
}

#[test]
fn a_line_glued_after_a_colon_starts_its_paragraph() {
    // List items whose text ends with code (`#[cfg]`) or a label (`Tier:`),
    // glued to the next item by a cascade: a colon ends a word, so the
    // next line starting there is where a paragraph starts, even with a
    // small letter.
    let ps = [
        "We support environments through the use of profiles.",
        "environment-specific flags",
        "environment-specific #[cfg]",
        "a cargo test command",
        "Tier:",
        "x86_64-apple-darwin is the target.",
    ];
    assert_rebuilds(&suffixes(&ps), &ps);
}

#[test]
fn a_heading_that_takes_up_the_first_words_of_the_long_paragraph_before_it_stays() {
    // `Building the target itself requires…` and then the heading
    // `Building the target`: once the cascade is cleaned, the heading
    // stands alone after a long paragraph that opens with it, which is not
    // how a link written after its paragraph looks unless a name goes on
    // there (below).
    let ps = [
        "Building the target itself requires a 64-bit little endian ARMv8-A compiler that is supported.",
        "Building the target",
        "The target can be built.",
    ];
    assert_rebuilds(&suffixes(&ps), &ps);
}

#[test]
fn a_name_linked_at_the_start_of_the_paragraph_before_it_is_a_copy() {
    // A `links` scraper writes each block, then its links' texts: a name
    // that the paragraph opens with as a possessive, before a comma, or
    // with more of the name after it is the link's text.
    for (paragraph, link) in [
        (
            "American Airlines' parent AMR reported a loss of $387m for the fourth quarter of 2004, against a loss a year earlier.",
            "American Airlines",
        ),
        (
            "Rendell, 44, was first elected in 2017 and had been housing minister since last September, the fourth in two years.",
            "Rendell",
        ),
        (
            "The Kaypro 386 Model A will retail for 4,495 dlrs, and the other two models will sell for 5,795 dlrs and 8,095 dlrs.",
            "The Kaypro",
        ),
    ] {
        let next = "Shares were flat in morning trading, as the results were slightly better than analysts had expected.";
        assert_rebuilds(&[paragraph, link, next], &[paragraph, next]);
    }
}

#[test]
fn a_heading_that_opens_a_hyphenated_heading_after_it_stays_whole() {
    // `debug` and then `debug-assertions`, two headings of a settings
    // page: once the cascade is cleaned, the first is a line that the next
    // starts with, up to a hyphen inside a word, as `Channel` before
    // `ChannelGroup` is. Neither is cut, neither lost.
    let ps = [
        "debug",
        "debug-assertions",
        "However, if errors occur while running build dependencies, turning full debug info on will help:",
        "debug = true",
    ];
    assert_rebuilds(&suffixes(&ps), &ps);
}

#[test]
fn a_heading_quoted_at_the_end_of_the_paragraph_before_it_breaks_no_paragraph() {
    // `…as described in Profile selection.` and then the heading `Profile
    // selection`: once cleaned, the heading reads as that paragraph's link
    // text (ambiguous with a `links` scraper's line). The strict reading
    // cleaned again must not cut the quoted heading out of the sentence
    // before its stop (`…described in` / `Profile selection` / `.`): each
    // paragraph stays whole and every line of the cascade stays whole.
    let ps = [
        "Possible string values of strip are \"none\", \"debuginfo\", and \"symbols\". The default is \"none\".",
        "Build dependencies otherwise inherit settings from the active profile in use, as described in Profile selection.",
        "Profile selection",
    ];
    let lines = suffixes(&ps);
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
    for p in &ps[..2] {
        assert!(out.iter().any(|o| o.contains(p)), "{p:?} whole in {out:?}");
    }
    assert!(
        out.iter().all(|o| o.chars().any(char::is_alphanumeric)),
        "{out:?}"
    );
    let text: String = out.concat().split_whitespace().collect();
    for l in &lines {
        let l: String = l.split_whitespace().collect();
        assert!(text.contains(&l), "{l:?} whole in {out:?}");
    }
}

#[test]
fn a_strict_reading_that_keeps_a_quoted_paragraph_apart_but_does_not_settle_is_not_taken() {
    // Found by the fixed-point property: kept apart beside `Gamma? ..`,
    // the paragraph `Gamma?` reads as its copy when cleaned again. The
    // reading that cuts at every line end settles; it is taken.
    let lines = ["Gamma? ..Gamma?", "Gamma?", "Gamma? Gamma?Gamma?"];
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
}

/// The following-siblings cascade of `blocks`, as a scraper writes it where
/// each paragraph's text ends in the line break of its source (written as
/// a space) and each heading sits alone in a wrapper of its own (`<div><h2>`):
/// a paragraph's line runs on through every block after it, a heading's
/// line is the heading alone.
fn wrapped_headings(blocks: &[(bool, &str)]) -> Vec<String> {
    let text = |b: &[(bool, &str)]| -> String {
        b.iter()
            .map(|&(heading, t)| {
                if heading {
                    t.to_string()
                } else {
                    format!("{t} ")
                }
            })
            .collect::<String>()
            .trim_end()
            .to_string()
    };
    (0..blocks.len())
        .map(|i| {
            if blocks[i].0 {
                blocks[i].1.to_string()
            } else {
                text(&blocks[i..])
            }
        })
        .collect()
}

#[test]
fn a_heading_written_alone_between_spaced_paragraphs_is_a_paragraph() {
    // `…the Onion Fair. HistoryA settlement…`: the heading is glued to
    // the paragraph after it and spaced from the one before. It starts
    // where a sentence ends and ends on a word, no stop of its own: a
    // heading, not the paragraph's last sentence written as a line.
    let blocks = [
        (false, "The town grew up around a ford and a weekly cattle market. It is known for its wool hall and the Onion Fair."),
        (true, "History"),
        (false, "A settlement called Merwebi is recorded in 1086, when it had eleven households and a mill."),
        (false, "The market charter of 1253 made Marrowby the main trading town of the upper Lell valley."),
        (true, "Geography"),
        (false, "Marrowby stands at the point where the River Lell leaves the hills and enters the Vale."),
    ];
    let want: Vec<&str> = blocks.iter().map(|b| b.1).collect();
    assert_rebuilds(&wrapped_headings(&blocks), &want);
}

#[test]
fn a_note_mark_after_a_stop_ends_the_sentence_before_a_heading() {
    // `…under water for nine days.[1] Geography`: the note's mark stands
    // between the stop and the heading, as a closing quote would.
    let blocks = [
        (false, "The town grew up around a ford and a weekly cattle market. It is known for its Onion Fair.[2]"),
        (true, "History"),
        (false, "In the floods of March 1947 the lower town was under water for nine days.[1]"),
        (true, "Geography"),
        (false, "Marrowby stands at the point where the River Lell leaves the hills and enters the Vale."),
    ];
    let want: Vec<&str> = blocks.iter().map(|b| b.1).collect();
    assert_rebuilds(&wrapped_headings(&blocks), &want);
}

#[test]
fn a_long_cascade_line_that_starts_after_a_sentence_spaced_is_a_paragraph() {
    // In a file that glues a heading to its paragraph with no space, the
    // paragraphs after the last heading are spaced: each long cascade line
    // that runs to the end and starts where a sentence ends is where a
    // paragraph starts, though no glued start lies below it.
    let blocks = [
        (
            false,
            "The town grew up around a ford and a weekly cattle market, the census says.",
        ),
        (true, "Economy"),
        (
            false,
            "Farming and the cattle market were the main employers until the 1970s.",
        ),
        (
            false,
            "Tourism has grown since the town centre was made a conservation area in 1975.",
        ),
        (
            false,
            "The Marrowby Onion Fair, held on the second Saturday of October, draws visitors.",
        ),
    ];
    let want: Vec<&str> = blocks.iter().map(|b| b.1).collect();
    assert_rebuilds(&wrapped_headings(&blocks), &want);
}

/// The following-siblings cascade of `ps` spaced (each paragraph's text
/// ends in the line break of its source), where block `caption` is a
/// figure's caption: its own line is the caption alone.
fn spaced_with_caption(ps: &[&str], caption: usize) -> Vec<String> {
    (0..ps.len())
        .map(|i| {
            if i == caption {
                ps[i].to_string()
            } else {
                ps[i..].join(" ")
            }
        })
        .collect()
}

#[test]
fn a_caption_between_spaced_paragraphs_is_a_paragraph() {
    // Each paragraph's text on lines of its own (`<p>\n  text\n</p>`), a
    // figure's credit between two of them: every block is spaced, and the
    // credit, too short for a key, sits where a sentence ends and the next
    // paragraph's line starts. It ends on a word, as no paragraph's own
    // sentence does.
    let ps = [
        "Black Sabbath have topped a list of the best British rock albums of all time.",
        "Photo: Reuters",
        "The list was compiled from votes cast by readers of the magazine in the autumn.",
        "Led Zeppelin came second with their fourth album, released in 1971.",
    ];
    assert_rebuilds(&spaced_with_caption(&ps, 1), &ps);
}

#[test]
fn the_strict_reading_cuts_no_paragraph_after_an_ellipsis() {
    // The strict fallback cuts where any line starts or ends; after
    // `Beta rose...` that left a paragraph which, cleaned again, read as a
    // copy cut off, and went (proptest's case, kept in
    // tests/errors.proptest-regressions).
    let lines = [
        "Gamma?",
        "Beta rose.",
        "Beta rose... Gamma?\u{fffd}",
        "Beta rose.Gamma?\u{fffd}",
    ];
    let once = rebuild(&lines);
    assert!(
        once.iter().any(|p| p.starts_with("Beta rose... Gamma?")),
        "{once:?}"
    );
    assert_eq!(rebuild(&once), once, "a fixed point");
}

#[test]
fn a_caption_after_the_last_paragraph_is_cut_off_where_another_caption_is_written_alone() {
    // A cascade over spaced paragraphs with two figures: the first
    // caption, written alone, ends where the next paragraph's line starts
    // (a junction, as an element walk's lines meet); the second, after the
    // last paragraph, is held by every line. The lines holding it that
    // start where no line ends are a cascade's, not a walk's elements.
    let ps = [
        "Thousands of technology lovers have gathered in Las Vegas for the show.",
        "Picture: Getty Images",
        "The fair showcases the latest gadgets that will hit the shops this year.",
        "The thrust of this year's show will be on technologies for the home.",
        "CES runs officially from 6 to 9 January.",
        "Photo: Reuters",
    ];
    assert_rebuilds(&spaced_with_caption(&ps, 1), &ps);
}

#[test]
fn an_emphasis_on_a_quoted_word_written_after_its_paragraph_is_a_copy() {
    // `<strong>"critical"</strong>` written as a line after its paragraph,
    // as an element walk or a links scraper writes it: inside its
    // quotation marks it is a word, as a link's text is.
    let lines = [
        "Microsoft has warned PC users to update their systems with the latest fixes.",
        "In its monthly bulletin, it flagged up eight \"critical\" security holes which could leave PCs open to attack.",
        "\"critical\"",
        "The number of holes is more than usual, the company said.",
    ];
    let want = [lines[0], lines[1], lines[3]];
    assert_rebuilds(&lines, &want);
}

#[test]
fn a_copy_that_starts_inside_a_paragraph_is_no_cascade_line_for_a_link_at_its_end() {
    // An element walk's paragraph ending in a linked sentence, and a copy
    // of its last two sentences: the copy starts where no line ends, but it
    // ends with the paragraph, not with the group, so it is no cascade's
    // line, and the link stays inside its paragraph.
    let p1 = "The council met on Tuesday to discuss the new budget for the coming year.";
    let s1 = "Officials said the plan would cut spending on roads by a fifth over two years.";
    let s2 = "All claims in this story were checked by our team and published online.";
    let link = "Read more about how we fact-check.";
    let p3 = "The mayor was not available for comment on Tuesday evening, aides said.";
    let p2 = format!("{s1} {s2} {link}");
    let lines = [
        format!("{p1} {p2} {p3}"),
        p1.to_string(),
        p2.clone(),
        link.to_string(),
        p3.to_string(),
        format!("{s2} {link}"),
    ];
    let out = rebuild(&lines);
    assert!(
        out.iter().any(|p| p.ends_with(&format!("{s2} {link}"))),
        "{out:?}"
    );
    assert!(!out.iter().any(|p| p == link), "{out:?}");
}

#[test]
fn a_block_of_lines_written_again_apart_is_said_twice() {
    // A live blog pins its latest post over the feed, and the feed holds
    // it again in its place: the scraper's lines of that post come twice,
    // the same lines in the same order, with other posts' lines between.
    let pinned: &[&str] = &[
        "15:48",
        "Castlebury breaks its August record",
        "The Met Office station recorded 34.6C at 15:40, beating the old record.",
        "It is still short of the all-time record of 35.9C, from July 2022.",
    ];
    let later: &[&str] = &[
        "16:30",
        "That is all from us for today, and we will be back from 7am tomorrow.",
    ];
    let earlier: &[&str] = &[
        "14:20",
        "A reader has sent in a photo of a thermometer on her shed reading 41C.",
        "Update: it reads 33C in the shade. Thank you, Jo.",
    ];
    let mut lines = Vec::new();
    for post in [pinned, later, pinned, earlier] {
        lines.extend(suffixes(post));
    }
    let want: Vec<&str> = [pinned, later, pinned, earlier].concat();
    assert_rebuilds(&lines, &want);
}

#[test]
fn two_lines_written_twice_apart_where_a_third_holds_them_are_said_once() {
    // A shuffled cascade whose scraper wrote some lines twice: two of them
    // meet twice by chance, but the line after the second pair runs on
    // through their text, which the article therefore says once.
    let ps = [
        "Fast web access is encouraging more people to express themselves online.",
        "A quarter of broadband users in Britain regularly upload content.",
        "The Demos report looked at the impact of broadband on net habits.",
        "More significantly, broadband is encouraging a more active role.",
    ];
    let s = suffixes(&ps);
    let lines = [&s[1], &s[3], &s[2], &s[1], &s[3], &s[0]];
    assert_rebuilds(&lines, &ps);
}

#[test]
fn links_written_again_after_each_paragraph_that_names_them_are_no_block_said_twice() {
    // A links scraper writes a paragraph's links after it, and the next
    // paragraph names the same two: the two lines come again apart, but
    // each is the text of another line, and nothing is written back.
    let lines = [
        "When one of core::panic! or std::panic! is brought into scope due to the standard library prelude, the other is shadowed.",
        "core::panic!",
        "std::panic!",
        "standard library prelude",
        "In Rust 2021 and later, core::panic! and std::panic! operate identically; only std::panic! accepts a String.",
        "core::panic!",
        "std::panic!",
        "std::panic!",
        "String",
        "The rest of the chapter covers the other macros that the prelude brings in.",
    ];
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
    let std_panic = out.iter().filter(|p| *p == "std::panic!").count();
    assert!(std_panic <= 2, "{out:?}");
}

#[test]
fn a_note_mark_written_as_a_line_is_a_copy_where_the_text_beside_it_cites_it() {
    // A walk over a wiki article writes each note's link (`[1]`) as a
    // line: before or after the paragraph that cites it, once or each time
    // it is cited. A mark glued to its sentence (`Lell.[2]`) is no
    // paragraph's start either.
    let ps = [
        "Marrowby is a market town in the Vale of Askern, in the county of Westmarch.[1] It lies on the River Lell.[2]",
        "The town grew up around a ford and a weekly cattle market held every Thursday.[1]",
    ];
    let lines = [ps[0], "[1]", "[2]", ps[1], "[1]"];
    assert_rebuilds(&lines, &ps);
    let lines = ["[1]", ps[0], "[2]", "[1]", ps[1]];
    assert_rebuilds(&lines, &ps);
}

#[test]
fn an_issue_number_written_after_its_list_item_is_a_copy() {
    // A release's changelog links each item's issue (`#1188`): a links
    // scraper writes the number after the item, however short the item.
    let ps = [
        "Rule QM041: table rows with a different number of cells (#1188)",
        "Rule QM042: headings that end in a colon (#1193)",
        "Fixed a crash when a file had a link reference definition with no URL",
    ];
    let lines = [ps[0], "#1188", ps[1], "#1193", ps[2]];
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_note_mark_no_text_beside_it_cites_is_a_paragraph() {
    // A mark is a copy only of the block that cites it: one standing
    // beside blocks that do not is kept, where it is.
    let ps = [
        "The town grew up around a ford and a weekly cattle market held every Thursday.",
        "[3]",
        "The market charter of 1253 made Marrowby the main trading town of the valley.",
    ];
    assert_rebuilds(&ps, &ps);
}

#[test]
fn no_paragraph_starts_at_a_note_mark_glued_to_its_sentence() {
    // The mark at a paragraph's end (`8,214.[1]`), written as a line
    // before the paragraph, is that line's end too: glued to the stop
    // before it, it annotates the sentence, and the line is the link's
    // text, not the paragraph after a seam.
    let ps = [
        "Marrowby is a market town in the county of Westmarch. At the 2011 census the parish had a population of 8,214.[1]",
        "The town grew up around a ford and a weekly cattle market, which was held every Thursday.[2] It is known for its bridge.",
    ];
    let lines = ["Westmarch", "[1]", ps[0], "[2]", ps[1]];
    assert_rebuilds(&lines, &ps);
}

#[test]
fn an_identifier_or_a_flag_written_as_a_line_beside_the_paragraph_that_links_it_is_a_copy() {
    // Documentation links code's names (`cargo-login(1)`, `core::panic!`)
    // and flags (`-C panic`): a links scraper writes each as a line of its
    // own beside its block, as it writes a name.
    let ps = [
        "This command will modify the owners for a crate on the registry, and only owners may do so.",
        "This command requires you to be authenticated with either the --token option or using cargo-login(1).",
        "If the crate name is not specified, it will use the package name from the current directory.",
        "The panic strategy is chosen with the -C panic flag when the crate is compiled by rustc.",
    ];
    let lines = [ps[0], "cargo-login(1)", ps[1], ps[2], "-C panic", ps[3]];
    assert_rebuilds(&lines, &ps);
}

#[test]
fn an_identifier_no_paragraph_beside_it_names_is_a_paragraph() {
    // A heading that is code (`cargo-nx`) over a paragraph that does not
    // name it stays.
    let ps = [
        "If rustc has support for that target, then Rust programs can be built for it.",
        "cargo-nx",
        "To generate binaries in the NRO format that run on the device, use the tool.",
    ];
    assert_rebuilds(&ps, &ps);
}

#[test]
fn every_line_stays_whole_where_a_short_paragraph_repeats_in_each_reference() {
    // An element walk of a wiki article (tests/data/html-blogs), cut down:
    // the page's container, then each reference and its `The Example
    // Gazette`, a paragraph of its own seven times. The strict rounds
    // found each reference's text in other places, a piece here and a
    // piece there, and took a result that broke the references apart.
    let text = include_str!("../../tests/data/whole/wiki-walk-references.txt");
    let lines: Vec<&str> = text
        .lines()
        .skip(3)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let out: String = rebuild(&lines).concat().split_whitespace().collect();
    for line in &lines {
        let line: String = line.split_whitespace().collect();
        assert!(out.contains(&line), "{line:?} not whole in {out:?}");
    }
}

#[test]
fn an_emphasised_clause_after_a_comma_is_a_copy_not_a_paragraph_start() {
    // An element walk writes a `<strong>` clause as a line of its own; it
    // is long enough to be read as a paragraph, but no paragraph ends with
    // a comma and the next starts with a small letter after a space.
    let article = [
        "Three shops on the street have closed since the barriers went up two years ago this week.",
        "Meanwhile, five new businesses have opened on Aldergate in the same two years: a bike repair \
         shop, a bookshop that sells coffee and a greengrocer.",
        "The argument for reopening is really an argument about what a street is for.",
    ];
    let mut lines = article.to_vec();
    lines.insert(
        2,
        "five new businesses have opened on Aldergate in the same two years",
    );
    assert_rebuilds(&lines, &article);
}

#[test]
fn a_link_word_that_a_short_paragraph_goes_on_after_is_a_copy() {
    // `here`, written after `…can be read <a>here</a>.`: a word in small
    // letters that ends a short line would be a paragraph that a cascade
    // set apart, but one its sentence goes on after is a link's text.
    let article = [
        "Puffins on the island are laying their eggs almost three weeks earlier than in the 1980s.",
        "The study used notebooks kept by volunteer wardens at the observatory since 1982.",
        "The full paper can be read here.",
    ];
    let mut lines = article.to_vec();
    lines.push("here");
    assert_rebuilds(&lines, &article);
}

#[test]
fn a_spaced_cascade_is_cut_in_a_file_that_glues_its_lists() {
    // A list glued with no separator (`Malting Lane.The first…`) makes the
    // file's style tight; a later section's blocks, each on lines of its
    // own, cascade with spaces. Its lines, each inside the one before and
    // running to the end, are a cascade's: each starts a paragraph.
    let items = [
        "Permits will be needed on Orchard Row and Malting Lane.",
        "The first permit for each household will cost 45 pounds a year.",
        "Controls will apply from 8am to 6.30pm, Monday to Saturday.",
    ];
    let paras = [
        "The committee chair said the scheme was not perfect, but fairer than what residents have now.",
        "One of the two councillors who voted against said the council was solving a problem it had made.",
        "Residents of the six streets will receive letters in July explaining how to apply for permits.",
        "Read more: Plans for a 140-space car park on the Depot Road site approved",
    ];
    let mut lines: Vec<String> = (0..items.len()).map(|i| items[i..].concat()).collect();
    lines.extend((0..paras.len()).map(|i| paras[i..].join("  ")));
    let article: Vec<&str> = items.iter().chain(&paras).copied().collect();
    assert_rebuilds(&lines, &article);
}

#[test]
fn a_long_address_at_a_paragraphs_end_is_a_links_text() {
    // A link at a paragraph's end, its text an address longer than a
    // phrase, written again as a line after it: a name, not a paragraph
    // that a spaced cascade set apart.
    let article = [
        "Harrowgate announced the paper on social media on Tuesday morning, with a photograph.",
        "Twelve years of nest cameras and one very patient PhD student. Our paper is out today. \
         journalofseabirdecology.example/articles/jse-2024-0117",
        "The concern, the researchers say, is food: the chicks are raised on sand eels.",
    ];
    let mut lines = article.to_vec();
    lines.insert(2, "journalofseabirdecology.example/articles/jse-2024-0117");
    assert_rebuilds(&lines, &article);
}

#[test]
fn headings_written_twice_each_still_tile_their_paragraph() {
    // An element walk: the container's text, then each element, a wrapped
    // heading twice (its `<div>` and its `<h2>`). The copies between the
    // two headings add no text; the headings are still one after another.
    let article = [
        "The last ferry back leaves at 4.30pm and the ferryman will not wait twice.",
        "Day 4: Brough",
        "The coast walk",
        "Brough is the bigger of the outer islands and has the best walk on Varra.",
    ];
    let mut lines = vec![article.join(" ")];
    for p in article {
        lines.push(p.to_string());
        if p.len() < 16 {
            lines.push(p.to_string());
        }
    }
    assert_rebuilds(&lines, &article);
}

/// A following-siblings cascade over a figure whose table holds each
/// cell's text in a `<p>`: the figure's text is its heading, then its rows,
/// each row's cells glued, set apart by the markup's indents; each cell is
/// a line of its own (it has no sibling after it). `dash` is the cell that
/// ends the second row.
fn table_cascade(dash: &str) -> (Vec<String>, Vec<String>) {
    let before = [
        "Hollins & Daughter reported a 9% rise in annual profit on Tuesday.",
        "Shares in the company rose 4.2% to 318p by mid-morning.",
    ];
    let cells = [
        ["Year", "2024", "2023", "Change"],
        ["Sales", "£521.3m", "£489.9m", dash],
        ["Shops", "412", "398", "+14"],
    ];
    let after = "Like-for-like sales rose 4.1%, slower than the 5.8% of the year before.";
    let mut figure = String::from("Results at a glance");
    for row in &cells {
        figure.push_str("          ");
        figure.push_str(&row.concat());
    }
    let mut lines: Vec<String> = suffixes(&[before[0], before[1], &figure, after])
        .into_iter()
        .take(3)
        .collect();
    lines.extend(cells.iter().flatten().map(|c| c.to_string()));
    lines.push(after.to_string());
    let mut want: Vec<String> = before.iter().map(|p| p.to_string()).collect();
    want.push("Results at a glance".to_string());
    want.extend(cells.iter().flatten().map(|c| c.to_string()));
    want.push(after.to_string());
    (lines, want)
}

#[test]
fn a_heading_over_a_tables_cells_glued_by_row_is_a_paragraph_of_its_own() {
    let (lines, want) = table_cascade("+6.4%");
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rebuilds(&lines, &want);
}

#[test]
fn a_cell_that_is_a_dash_alone_ends_its_row() {
    // An element walk over the same page: the body's text, each block's,
    // the table's, each row's (its cells glued), and each cell twice (its
    // `<td>` and its `<p>`). The second row ends with `–` (none), spaced
    // from the next row as a dateline's dash is from its lede.
    let (_, want) = table_cascade("–");
    let rows = [
        "Year20242023Change",
        "Sales£521.3m£489.9m–",
        "Shops412398+14",
    ];
    let mut lines = vec![want.join(" "), want[0].clone(), want[1].clone()];
    lines.push(format!("Results at a glance {}", rows.join("          ")));
    lines.push(want[2].clone());
    lines.push(rows.join("          "));
    for (r, row) in rows.iter().enumerate() {
        lines.push(row.to_string());
        for cell in &want[3 + 4 * r..7 + 4 * r] {
            lines.push(cell.clone());
            lines.push(cell.clone());
        }
    }
    lines.push(want[want.len() - 1].clone());
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_rebuilds(&lines, &want);
}

#[test]
fn links_after_a_few_words_are_no_elements_under_a_heading() {
    // A footnote glued after its paragraph, and its links written as
    // lines: the words before them are one space away, inside the note's
    // sentence, not a heading over blocks.
    let article = [
        "Temporary values in a block's tail expression are now dropped before its locals.",
        "Details are documented at RFC 3606 ↩",
    ];
    let lines = [
        article.concat(),
        article[1].to_string(),
        "RFC 3606".to_string(),
        "↩".to_string(),
    ];
    assert_rebuilds(&lines, &article);
}

#[test]
fn a_link_inside_a_short_item_that_ends_no_sentence_is_a_copy() {
    // A review's box of facts, one item a line, each ending no sentence;
    // the link in the price's item is written after it. Its words go on
    // on both sides of the link: the line is the link's text.
    let article = [
        "The Vantor Glide 2 is light, quiet and handsome, with almost nothing to maintain.",
        "Our rating: 4 out of 5",
        "Price: £1,899 from vantor.example and selected bike shops",
        "Vantor lent us the Glide 2 for this review.",
    ];
    let mut lines = article[..3].to_vec();
    lines.push("vantor.example");
    lines.push(article[3]);
    assert_rebuilds(&lines, &article);
}

#[test]
fn a_name_ending_a_short_item_that_ends_no_sentence_stays_a_paragraph() {
    // At a short block's end, with no words after it, the line is as
    // often a block of its own that a caption or a list item ends with.
    let article = [
        "Crowds filled the square for the opening night of the festival on Friday.",
        "Headliners on the main stage: The Marrow Band",
        "The Marrow Band",
        "The second night was cut short by rain shortly after ten o'clock.",
    ];
    assert_rebuilds(&article, &article);
}

#[test]
fn a_name_that_opens_a_sentence_before_a_comma_joins_no_line_ending_with_it() {
    // A links scraper's lines: a name written as a line where the text
    // links it, and paragraphs that open with its last word before a
    // comma. `Corrigan` opens them; it does not join `Niamh Corrigan` to
    // them as one text, which cut the name and moved the paragraph.
    let lines = [
        "Niamh Corrigan",
        "Corrigan, who is 27, had been the club's first-choice goalkeeper for five seasons.",
        "Corrigan, in her brace, watches from the stand in October 2023. Photograph: Ruth Kemp",
        "Niamh Corrigan",
        "Corrigan",
    ];
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
    let text = out.join(" ");
    for line in lines {
        assert!(text.contains(line), "{line:?} is whole in {out:?}");
    }
    assert!(!out.iter().any(|p| p == "Niamh"), "{out:?}");
    let at = |p: &str| out.iter().position(|o| o.starts_with(p));
    assert!(at("Corrigan, who") < at("Corrigan, in her"), "{out:?}");
}

#[test]
fn a_link_the_article_repeats_in_each_reference_breaks_none_of_them() {
    // An element walk over an article with references: the body's text,
    // some blocks, then each reference but the first and the publisher's
    // name (a link) after it. The name is in every reference: its line,
    // placed at one of them on no evidence of which, cuts none of them.
    let refs = [
        "\"Parish population and households\". The Example Gazette. Retrieved 3 March 2021.",
        "\"The market: 750 years of Thursdays\". The Example Gazette. Retrieved 3 March 2021.",
        "\"Where the names come from\". The Example Gazette. Retrieved 3 March 2021.",
        "\"Why the Vale stays dry\". The Example Gazette. Retrieved 3 March 2021.",
    ];
    let first = "The town grew up around a ford and a cattle market, granted a charter in 1253.[1]";
    let second = "The old town is on a low terrace on the north bank of the river.[2]";
    let mut article = vec![first, second, "References"];
    article.extend(refs);
    let mut lines = vec![article.join(" "), first.to_string(), second.to_string()];
    for r in &refs[1..] {
        lines.push(r.to_string());
        lines.push("The Example Gazette".to_string());
    }
    // (No line shows where the heading ends and the first reference
    // starts: they stay one paragraph.)
    let heading = format!("References {}", refs[0]);
    let mut want = vec![first, second, heading.as_str()];
    want.extend(&refs[1..]);
    assert_rebuilds(&lines, &want);
}

#[test]
fn a_heading_the_article_says_twice_is_cut_from_the_paragraph_it_is_glued_to() {
    // A suffix cascade that lost the lines starting at the first heading's
    // paragraph and at the one after the second heading: there the
    // heading touches its paragraph word to capital (`TimelineSouthern`),
    // no seam by its look; but lines cut the same heading out as a
    // paragraph of its own further on.
    let ps = [
        "The utility signed a 20-year contract with the power producer on Monday.",
        "Timeline",
        "Southern Edison said it would receive some 277 megawatts under the contract.",
        "The contract still needs the approval of the state regulators.",
        "Timeline",
        "The plant is due to start producing power in the spring of 1990.",
        "Its cost was put at about 300 million dlrs.",
    ];
    let lines: Vec<String> = [0, 3, 4, 5, 6].iter().map(|&i| ps[i..].concat()).collect();
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_name_that_opens_with_a_list_item_elsewhere_is_not_cut_after_it() {
    // Names of code start alike: a paragraph opening with
    // `ReadableStreamDefaultReader`, glued to the one before it where a
    // cascade lost its line, is not cut after `ReadableStream`, though
    // lines cut that name out as a list item of its own further on.
    let ps = [
        "The API is small, but every name starts the same way.",
        "ReadableStreamDefaultReader is what getReader() returns, and it reads the chunks.",
        "The reader locks the stream until it is released.",
        "ReadableStream",
        "The stream is the source of the chunks, and it is locked by its reader.",
    ];
    let lines: Vec<String> = [0, 2, 3, 4].iter().map(|&i| ps[i..].concat()).collect();
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_heading_said_twice_is_cut_from_an_opening_quote_it_is_glued_to() {
    // As above, the paragraph under the first heading opening with a
    // quotation: the heading touches its opening quote (`Key points"There`).
    let ps = [
        "Car makers' shares fell sharply in heavy trading on Wall Street on Monday.",
        "Key points",
        "\"There is a little mystery coming at the end of the week for the automakers,\" one trader said.",
        "Analysts expect the sales figures to be published on Friday morning.",
        "Key points",
        "The figures will show whether the price cuts of the spring have worked.",
    ];
    let lines: Vec<String> = [0, 3, 4, 5].iter().map(|&i| ps[i..].concat()).collect();
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_name_opening_a_paragraph_where_a_line_starts_is_not_cut_after_a_short_paragraph() {
    // A whole cascade: `MacBook Pro sales…` starts where a line does, and a
    // paragraph of its first letters' text stands elsewhere (`Mac`, a
    // heading): the name is not cut there.
    let ps = [
        "Apple said on Monday that its new laptops will ship next month, it said.",
        "Mac",
        "The company did not give figures for its other products in the period.",
        "MacBook Pro sales rose sharply in the quarter, the company said on Monday.",
        "Its cost was put at about 300 million dlrs.",
    ];
    assert_rebuilds(&suffixes(&ps), &ps);
}

#[test]
fn a_sentence_a_walk_writes_after_its_block_cuts_nothing_where_blocks_meet_wider() {
    // An element walk over indented markup: the container's text, its
    // blocks set apart by the markup's line breaks and indents, then each
    // block, and after one of them its last sentence, emphasised. The
    // blocks meet at more than a space, the sentences of a block at one:
    // the emphasis is no paragraph of its own.
    let ps = [
        "Ashbury Wells Central Library will close for 18 months from February while it is refurbished, the council said.",
        "Derek Ashcroft, 79, who has used the library every week since 1962, said he would miss the reading room. But he said he would rather lose it for 18 months than for good.",
        "Contractors have not yet been appointed. The council expects to name the successful bidder in December.",
    ];
    let mut lines = vec![ps.join("   ")];
    lines.extend(ps.iter().map(|p| p.to_string()));
    lines.insert(
        3,
        "But he said he would rather lose it for 18 months than for good.".into(),
    );
    assert_eq!(rebuild(&lines), paras(&ps));
    // So after a closing quote (a char of three bytes) and one space.
    let mut ps = ps;
    ps[1] = "Derek Ashcroft, 79, who has used the library every week since 1962, called the reading room \u{201c}a second home.\u{201d} But he said he would rather lose it for 18 months than for good.";
    let mut lines = vec![ps.join("   ")];
    lines.extend(ps.iter().map(|p| p.to_string()));
    lines.insert(
        3,
        "But he said he would rather lose it for 18 months than for good.".into(),
    );
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn a_quotation_emphasised_inside_its_sentence_cuts_nothing_where_a_walk_writes_it() {
    // An element walk writes a paragraph, then the quotation emphasised
    // in it: at the paragraph's end, opening in small letters after a
    // word (`…period "we could…"`), or at its start, before a comma and
    // the words that go on (`"…to the trade," he said`). Long as the
    // line is, the sentence runs on through either place.
    let ps = [
        "The United States may soon ease its sugar import quota, a congressman said on Tuesday.",
        "Huckaby said by simply bringing forward imports scheduled for the last quarter of the year \"we could get away without having to increase the quota.\"",
        "\"The certs program is not in any way a windfall to the trade,\" he said. Johnson said the spread was within normal grain marketing levels.",
        "The subcommittee will look at the certificate program later this year.",
    ];
    let mut lines = vec![ps.join(" ")];
    lines.extend(ps.iter().map(|p| p.to_string()));
    lines.insert(
        3,
        "\"we could get away without having to increase the quota.\"".into(),
    );
    lines.insert(
        5,
        "\"The certs program is not in any way a windfall to the trade,\"".into(),
    );
    assert_eq!(rebuild(&lines), paras(&ps));
}

#[test]
fn lines_that_share_only_a_short_name_are_not_laid_end_to_end() {
    // Links written before their blocks: `Ilse Marrow` opens the lede,
    // `Marrow` opens a later paragraph that the firm `Marrow & Lund`
    // opens too. `Marrow` is in every one of these lines; laid out by it,
    // `Ilse Marrow` hung off the start of the later paragraph, which was
    // cut at each name's end and moved to the top.
    let lines = [
        "Ilse Marrow",
        "Marrow & Lund",
        "Ilse Marrow has spent 20 years designing buildings that are meant to get wet. Her firm, Marrow & Lund, built the floating terraces at Veldhaven.",
        "Marrow",
        "Marrow & Lund\u{2019}s Halvard scheme was approved by the city council in June after a two-year planning fight.",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[2], lines[4]]));
}

#[test]
#[ignore = "known: files of lines all shorter than a key are not always a fixed point"]
fn files_of_lines_all_shorter_than_a_key_clean_to_a_fixed_point() {
    // Found by the proptest `a_valid_header_and_overlapping_pieces_clean_to_a_fixed_point`
    // in about one run in seven, and `rebuilding_twice_changes_nothing`;
    // all fail at 0c2b4b3 too. In the first,
    // the first pass keeps the lines as they are, and the second reads
    // them as a suffix cascade of `Alpha said.` and moves `Beta rose.` to
    // the top. Every line is shorter than a key.
    let files: [&[&str]; 3] = [
        &[
            "Alpha said.\u{fffd}Alpha said.",
            "Alpha said.",
            "\u{fffd}\u{fffd}Alpha said.",
            "Alpha said.",
            "Beta rose.Alpha said.",
        ],
        &[
            "\u{3002}",
            "Gamma?",
            ".Alpha said.Alpha said.",
            "Alpha said.Beta rose.",
            ".",
            "\u{3002}",
            "Beta rose.Gamma?",
        ],
        &[
            "example.com.example.com. Alpha said.",
            "Beta rose 5%.example.com.",
            "example.com.",
            "Zeta fell.Eta",
            "example.com.",
        ],
    ];
    for lines in files {
        let out = rebuild(lines);
        assert_eq!(rebuild(&out), out, "{lines:?}");
    }
}

#[test]
fn short_paragraphs_glued_whole_share_their_text_from_seam_to_seam() {
    // Found by the proptest when lines sharing less than a key were set
    // apart wherever they met: short paragraphs glued in a cascade share
    // whole paragraphs (`Alpha said.`), from a seam to a seam, and must
    // still be laid end to end, or cleaning once and twice differ.
    let lines = [
        "Alpha said.Beta rose.",
        "Alpha said.",
        "Alpha said.Beta rose.",
        "\u{fffd}\u{fffd}Alpha said.",
        "Alpha said.",
        "\u{fffd}.\u{fffd}",
        "Alpha said.Alpha said.Alpha said.",
        "\u{fffd}",
    ];
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out);
}

#[test]
fn a_name_linked_before_a_paragraph_that_opens_with_it_before_a_bracket_is_a_copy() {
    // `Vantris (VTRS.AS) shares fell…`, its link written after it: one
    // word the article writes as a name elsewhere (`maker Vantris
    // Semiconductor`) opens the paragraph before a bracket, as a name of
    // two words would.
    let lines = [
        "Shares fell on Thursday after chip-equipment maker Vantris Semiconductor cut its profit forecast.",
        "Vantris (VTRS.AS) shares fell 17.3% to 61.40 euros after the company said it expected lower profit.",
        "Vantris",
        "Chief executive Maarten Oudeland told analysts the company saw a pause, not a reversal, in demand.",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[0], lines[1], lines[3]]));
}

#[test]
fn a_link_inside_brackets_of_a_short_item_is_a_copy() {
    // An info box's item, too short for a paragraph and ending with no
    // stop, holds the link's text inside brackets.
    let lines = [
        "ferrierplayhouse.example",
        "Tickets: \u{a3}14\u{2013}\u{a3}38; under-26s \u{a3}10 (ferrierplayhouse.example)",
        "Age guidance: 12+",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[1], lines[2]]));
}

#[test]
fn a_link_that_is_a_whole_sentence_after_another_is_a_copy() {
    // Links written before their blocks: each is a sentence of its block
    // of its own, after another, up to its stop. A heading taken up goes
    // on in its sentence.
    let lines = [
        "Find out more about how we test here",
        "Every pair was worn for a week by two of our reviewers before we chose to include it. Find out more about how we test here.",
        "Read our full Bramwell Stride review",
        "Runners should look at the Bramwell Stride, which stays put on a sprint. Read our full Bramwell Stride review. It costs 79 pounds.",
    ];
    assert_eq!(rebuild(&lines), paras(&[lines[1], lines[3]]));
}

#[test]
fn a_link_block_ending_with_no_stop_ends_where_the_next_blocks_line_starts_wider() {
    // A cascade over indented markup: the blocks are set apart by the
    // markup's line breaks (two spaces here), a list's items glued
    // tight. A `Related:` block, a link's text with no stop, ends where
    // the next block's line starts, though no sentence ends there.
    let items = [
        "Library closes on 3 February 2025",
        "Expected to reopen in autumn 2026",
    ];
    let blocks = [
        "Ashbury Wells Central Library will close for 18 months from February while it is refurbished.",
        &items.concat(),
        "Cllr Penrose said the temporary library would keep the same opening hours as the old one.",
        "Related: Leaking roof forces Ashbury Wells library to shut upper floor",
        "Campaigners say the temporary site is too small and too far from the bus station for older users.",
        "The council expects to name the successful bidder for the work in December, officials said.",
    ];
    let mut lines: Vec<String> = (0..blocks.len()).map(|k| blocks[k..].join("  ")).collect();
    lines.insert(2, items[1].to_string());
    let mut want: Vec<&str> = vec![blocks[0]];
    want.extend(items);
    want.extend(&blocks[2..]);
    assert_eq!(rebuild(&lines), paras(&want));
}

#[test]
fn a_section_heading_set_apart_by_one_space_starts_where_its_paragraphs_line_starts() {
    // A cascade over a page whose sections hold a heading and paragraphs:
    // the top-level blocks are set apart by the markup's line breaks (two
    // spaces here), a section's heading from its first paragraph by one,
    // and a list's items glued tight. The paragraph's own line runs to
    // the end past other paragraphs' starts, so it starts one too, though
    // no sentence ends before it.
    let items = [
        "\"My grandfather took this plot in 1947, and the houses would go where his shed stood.\"",
        "\"Quarry Lane is already a rat run at school times, and 96 homes means 150 more cars.\"",
    ];
    let heading = "Councillor calls for site visit";
    let first = "The ward councillor for Brackenfield, Cllr Aisha Mahmoud, has asked for the committee to visit the site.";
    let section = format!("{heading} {first}");
    let blocks = [
        "Plans to build 96 homes on part of the Brackenfield allotments in Harwick have drawn 300 objections.",
        &items.concat(),
        "Harwick District Council's planning committee is due to decide the application on 6 May this year.",
        &section,
        "The committee meets at Harwick Town Hall at 6.30pm on 6 May, and the meeting is open to the public.",
        "Anyone who has commented on the application may ask to speak for three minutes at the meeting.",
    ];
    let mut lines: Vec<String> = (0..blocks.len()).map(|k| blocks[k..].join("  ")).collect();
    lines.insert(4, [first, blocks[4], blocks[5]].join("  "));
    lines.insert(2, items[1].to_string());
    let mut want = vec![blocks[0]];
    want.extend(items);
    want.extend([blocks[2], heading, first, blocks[4], blocks[5]]);
    assert_rebuilds(&lines, &want);
}

#[test]
fn the_last_items_of_a_cascade_of_codes_glued_digit_to_digit_are_cut_apart() {
    // Lot codes glued with no space: an item meets the next between two
    // digits (`04/25/264301A`), which reads as inside a number. The last
    // items' lines are too short to be placed on length alone; each is the
    // whole rest of the lines that hold it.
    let items = [
        "4294A BEST BY 04/21/26",
        "4295A BEST BY 04/22/26",
        "4298A BEST BY 04/25/26",
        "4301A BEST BY 04/28/26",
        "4301B BEST BY 04/28/26",
    ];
    assert_rebuilds(&suffixes(&items), &items);
    // Likewise inside a longer line that goes on after the list.
    let after =
        "Jars with other lot codes are not affected, and neither is the crunchy peanut butter.";
    let mut lines = vec![format!("{}{after}", items.concat())];
    lines.extend(suffixes(&items));
    lines.push(after.to_string());
    let mut want = items.to_vec();
    want.push(after);
    assert_rebuilds(&lines, &want);
}

#[test]
fn a_word_after_a_files_dot_written_as_a_line_cuts_no_name() {
    // An element walk writes a paragraph's emphasis (`timer`) and code
    // (`/etc/systemd/system/backup.timer`) as lines of their own. The
    // short word is also the rest of the path after its dot, which reads
    // like a stop glued to a paragraph (`enough.ebb`); a file's name is
    // cut there by no line that short.
    let lines = [
        "A systemd timer needs two files: a service that says what to run, and a timer that says when.",
        "service",
        "timer",
        "The timer",
        "And the timer, in /etc/systemd/system/backup.timer:",
        "/etc/systemd/system/backup.timer",
        "$ sudo systemctl list-timers backup.timer",
    ];
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
    assert!(out.iter().any(|p| p == lines[4]), "{out:?}");
    assert!(
        out.iter().all(|p| !p.ends_with("backup.") && p != "timer"),
        "{out:?}"
    );
}

/// A live blog's posts, each a cascade of its own: every element glued to
/// the ones after it in its post.
fn live_posts(posts: &[&[&str]]) -> Vec<String> {
    posts.iter().flat_map(|p| suffixes(p)).collect()
}

#[test]
fn a_line_that_goes_on_with_a_bracket_after_a_phrase_another_ends_with_is_not_joined_to_it() {
    // The full-time score, and a goal's line that repeats it before the
    // scorer in brackets: the phrase is the text saying the score twice,
    // not two lines of a window, and the goal's post keeps its line.
    let full_time: &[&str] = &[
        "FT",
        "Full time: Pellingham City 2-1 Oxley Rovers",
        "That is that. The Foundry Ground rises as the referee blows for the last time.",
    ];
    let goal: &[&str] = &[
        "87 min",
        "GOAL!",
        "Pellingham City 2-1 Oxley Rovers (Danso, pen, 87)",
        "Danso sends Brenn the wrong way and runs to the corner flag with his shirt over his head.",
    ];
    let want: Vec<&str> = full_time.iter().chain(goal).copied().collect();
    assert_rebuilds(&live_posts(&[full_time, goal]), &want);
}

#[test]
fn a_short_sentence_two_glued_groups_hold_is_said_in_both_places() {
    // `GOAL!` opens two posts of a live blog, each a cascade of its own:
    // no key joins the two, and the article says it in both.
    let first: &[&str] = &[
        "87 min",
        "GOAL!",
        "Pellingham City 2-1 Oxley Rovers (Danso, pen, 87)",
        "Danso sends Brenn the wrong way and runs to the corner flag with his shirt over his head.",
    ];
    let second: &[&str] = &[
        "58 min",
        "GOAL!",
        "Pellingham City 1-1 Oxley Rovers (Okwu, 58)",
        "Oxley have been the better side since half-time and they are level at the Foundry Ground.",
    ];
    let want: Vec<&str> = first.iter().chain(second).copied().collect();
    assert_rebuilds(&live_posts(&[first, second]), &want);
}

#[test]
fn a_run_of_end_marks_that_ends_a_cascade_is_a_paragraph() {
    // A press release ends with `###`, glued to the contact line before
    // it: a line of marks alone, held at the end of every line.
    let ps = [
        "Orrin Water Technologies was founded in 2015 and employs 140 people in Aldbury and Porto.",
        "Media contact: Marta Leitão, Press Office — imprensa@valdeross.example",
        "###",
    ];
    assert_rebuilds(&suffixes(&ps), &ps);
}

#[test]
fn a_copy_cut_off_before_a_bracket_is_still_a_copy() {
    // A teaser cut off with an ellipsis where its paragraph goes on with
    // a bracket (`…at A$3.1bn ($2.4bn)`): the bracket says nothing about
    // a phrase said twice, the ellipsis says where the copy ends.
    let ps = [
        "Australian brewer Fosters has bought a large stake in Australian winemaker Southcorp, sparking rumours.",
        "Fosters bought 18.8% of Southcorp for 4.17 Australian dollars per share. A bid at that price would value the company at A$3.1bn ($2.4bn; £1.25bn).",
        "Southcorp confirmed the brewer had asked for talks, and both firms asked for their shares to be suspended.",
    ];
    // The lede's only line is the teaser: it overlaps the next line.
    let mut lines = suffixes(&ps)[1..].to_vec();
    lines.push(format!(
        "{}{}...",
        ps[0],
        &ps[1][..ps[1].find(" ($").unwrap()]
    ));
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
    assert_eq!(out, paras(&ps));
}

#[test]
fn a_sentence_a_walk_writes_after_the_last_block_cuts_nothing_where_blocks_meet_wider() {
    // As above, with the emphasis in the article's last block: its line
    // runs to the group's end, as a cascade's last paragraph does, but no
    // line holds a seam there, and the blocks meet wider. (A link's text
    // after the second block keeps the container's line in the group.)
    let ps = [
        "Ashbury Wells Central Library will close for 18 months from February while it is refurbished, the council said.",
        "Derek Ashcroft, 79, who has used the library every week since 1962, said he would miss the reading room most of all.",
        "What happens next",
        "Contractors have not yet been appointed. The council expects to name the successful bidder in December.",
    ];
    let mut lines = vec![
        ps.join("   "),
        ps[0].to_string(),
        "Derek Ashcroft".to_string(),
    ];
    lines.extend(ps[1..].iter().map(|p| p.to_string()));
    lines.push("The council expects to name the successful bidder in December.".into());
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_sentence_said_at_one_paragraphs_end_anothers_start_and_alone_joins_no_paragraphs() {
    // A recipe says its tip at the end of a step, to open a paragraph of
    // its own and alone as a note: each paragraph is whole as it stands,
    // and the one sentence they share, one space from their other words,
    // is no overlap of a window's lines.
    let ps = [
        "Why the second rise matters",
        "Let the shaped rolls stand in a warm place for an hour. Leave them longer if the kitchen is cold.",
        "Brush the rolls with milk and bake them for twelve minutes. Never skip the rest.",
        "Never skip the rest. A roll baked too soon tears at the sides and stays dense in the middle.",
        "Notes",
        "The rolls freeze well for a month in a sealed bag.",
        "Never skip the rest.",
        "Send me a photo of yours when you have baked them.",
    ];
    assert_rebuilds(&ps, &ps);
}

#[test]
fn a_sentence_said_three_times_is_a_paragraph_where_a_cascades_line_ends_with_it() {
    // The tip opens a paragraph, ends a step and stands alone in the
    // notes, so its keys find it three times in the article's line and
    // place it nowhere. The article's lines space its blocks, the notes'
    // own cascade glues its items: it ends a line there, glued, as it
    // ends a paragraph.
    let tip = "Never skip the rest.";
    let ps = [
        "Let the shaped rolls stand in a warm place for an hour. Leave them longer if the kitchen is cold.",
        "Never skip the rest. A roll baked too soon tears at the sides and stays dense in the middle.",
        "Brush the rolls with milk and bake them for twelve minutes. Never skip the rest.",
        "Notes",
        "The rolls freeze well for a month in a sealed bag.",
        "Use full-fat milk for the glaze, or beaten egg for a darker crust.",
        tip,
        "Send me a photo of yours when you have baked them.",
    ];
    let notes = ps[4..7].join(" ");
    let blocks = [ps[0], ps[1], ps[2], ps[3], notes.as_str(), ps[7]];
    let mut lines: Vec<String> = (0..blocks.len()).map(|i| blocks[i..].join(" ")).collect();
    lines.splice(4..4, (4..7).map(|i| ps[i..7].concat()));
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_paragraphs_last_sentence_said_again_further_on_leaves_both_whole() {
    // An update's last sentence, a long one, is said again as a paragraph
    // of its own further on: the two are the article saying it twice, not
    // a cascade's last two lines. (Written right before or after the
    // paragraph, it may be a link's text or an emphasis: not this rule's.)
    let ps = [
        "Update, 21:40: Crews say the fire is under control but not yet out. Residents nearby are being told to keep their windows and doors closed.",
        "A large fire has broken out at a warehouse on the Quaymill estate, sending black smoke across the city.",
        "Eight fire engines were sent to the unit shortly after 13:30 on Tuesday, the fire service said.",
        "Residents nearby are being told to keep their windows and doors closed.",
        "The warehouse is used by a packaging firm, which said all of its staff had been accounted for.",
    ];
    assert_rebuilds(&ps, &ps);
}

#[test]
fn a_lede_opening_sentence_said_again_further_on_leaves_both_whole() {
    // The article says its lede's first sentence again further on (a
    // pull quote set after a later paragraph): both stay whole. (Right
    // before the lede it may be a page's description that a scraper
    // writes first: that case is not this rule's.)
    let first = "The Kelby suspension bridge will close to all traffic for 18 months from January so that its cables can be replaced.";
    let ps = [
        "The Kelby suspension bridge will close to all traffic for 18 months from January so that its cables can be replaced. The county council said the closure was unavoidable after an inspection.",
        "Residents nearby were told to use the ferry, which will run every twenty minutes from the old pier.",
        "Engineers found last year that several hangers had corroded where water collected at their base.",
        first,
    ];
    assert_rebuilds(&ps, &ps);
}

#[test]
fn a_captions_spans_meeting_at_one_space_stay_one_paragraph_where_blocks_meet_glued() {
    // An element walk over a page whose blocks meet glued: the container's
    // text, each block, then the figure and its caption (the same text),
    // then the caption's two spans, which meet at the one space between
    // them, as a paragraph's sentences do. They are inline elements of the
    // caption, not two blocks of a container.
    let caption = "The old pier at dawn on Tuesday. Photograph: Ana Reyes";
    let ps = [
        "The pier will close for repairs next month, the council said on Monday.",
        "Engineers found rust in two of the iron legs during an inspection in May.",
        "The work is expected to take a year and to cost about four million pounds.",
        caption,
        "Anglers who use the pier have been offered space on the harbour wall.",
        "A public meeting about the plans will be held at the town hall next week.",
        "The council said the pier would reopen in time for the summer of next year.",
    ];
    let mut lines = vec![ps.concat()];
    lines.extend(ps[..3].iter().map(|p| p.to_string()));
    lines.extend([caption, caption].map(String::from));
    lines.extend(["The old pier at dawn on Tuesday.", "Photograph: Ana Reyes"].map(String::from));
    lines.extend(ps[4..].iter().map(|p| p.to_string()));
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_blockquotes_paragraphs_set_apart_wider_than_its_sentences_are_two() {
    // A cascade whose list glues its items and whose blocks the markup
    // sets apart by two spaces (line breaks and indents); a blockquote's
    // two paragraphs, whose own cascade ends where the next block starts,
    // meet so too. The sentences of a paragraph meet at one space: the
    // wider gap is a boundary, not a paragraph's last sentences written
    // again.
    let ps = [
        "A choir for people with lung disease meets every week at the library.",
        "Members say that singing has helped them to control their breathing.",
        "What a session involves",
        "Warm-ups",
        "Breathing exercises",
        "Familiar songs",
        "One member, a retired bus driver, described his first months there.",
        "I had not sung since school. By the third week I was the one nagging the others.",
        "I still get out of breath on the stairs. But I know what to do about it now.",
        "The choir is free to join and meets on Thursday mornings.",
    ];
    let list = ps[3..6].concat();
    let quote = format!("  {}  {}  ", ps[7], ps[8]);
    let top: Vec<String> = vec![
        format!("{}  ", ps[0]),
        format!("{}  ", ps[1]),
        format!("{} ", ps[2]),
        list,
        format!("{}  ", ps[6]),
        quote,
        ps[9].to_string(),
    ];
    let cascade = |parts: &[String]| parts.concat().trim().to_string();
    let mut lines: Vec<String> = (0..3).map(|i| cascade(&top[i..])).collect();
    lines.extend((3..6).map(|i| ps[i..6].concat()));
    lines.push(cascade(&top[4..]));
    lines.push(format!("{}  {}", ps[7], ps[8]));
    lines.push(ps[8].to_string());
    lines.push(ps[9].to_string());
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_tickers_link_text_is_a_copy_and_a_word_in_capitals_alone_stays() {
    // Wire stories link the codes they name, `(HLVN.OL)`, `(.SXPP)`.
    let para = "Shares in Halvorsen Mining (HLVN.OL) fell 6% after the company cut its forecast, citing flooding at its largest mine.";
    let index = "The STOXX Europe 600 basic resources index (.SXPP) ended 2.1% lower on the day.";
    let copper = "Copper on the London Metal Exchange (CMCU3) was down 2.8% at $8,912 a tonne.";
    assert_eq!(
        rebuild(&[para, "HLVN.OL", index, ".SXPP", copper, "CMCU3"]),
        paras(&[para, index, copper])
    );
    // A word in capitals, no code, may be a heading over its block.
    let heading = "UPDATE";
    let next = "An UPDATE to the forecast is due on Friday, the company said in a statement.";
    assert_eq!(
        rebuild(&[para, heading, next]),
        paras(&[para, heading, next])
    );
}

#[test]
fn a_bold_lead_in_inside_a_block_that_the_bodys_line_holds_makes_no_cut() {
    // An element walk's body line, one block of it, and the block's bold
    // lead-in: the block starts where no line ends (the walk lost the
    // lines before it), but it is no cascade's line (it ends before the
    // body does), so the lead-in is an inline element, not a paragraph.
    let intro = "Good morning. Here is what you need to know before you leave the house today.";
    let lead = "Hospitals on alert.";
    let p1 = format!("{lead} Health officials have issued an amber heat warning for the south from Wednesday to Saturday.");
    let p2 = "Teachers voted to accept the pay offer, ending a dispute that closed schools on six days this year.";
    let body = [intro, p1.as_str(), p2].join(" ");
    assert_rebuilds(
        &[body.as_str(), p1.as_str(), lead],
        &[intro, p1.as_str(), p2],
    );
}

#[test]
fn an_emphasised_last_sentence_inside_a_walks_block_makes_no_cut_in_it() {
    // The walk writes the body's text, each block, and after a block its
    // emphasis: the block's last sentence, long, one space after the one
    // before it, as the blocks meet too. The block holds the paragraph's
    // text before it in no line of its own: it is no container of blocks.
    let em = "Parents are asked to book a place in advance because numbers are limited.";
    let p1 = format!("The open evening on 16 March will be held at the old school while building work goes on at the new site. {em}");
    let ps = [
        "The college will open in September with places for 450 students, the council said on Monday.",
        p1.as_str(),
        "The new building will have science laboratories, a library and a sports hall open to the public at weekends.",
        "Applications for the first year close at the end of April, and offers will be made in May.",
    ];
    let mut lines = vec![ps.join(" ")];
    lines.extend([ps[0], ps[1], em, ps[2], ps[3]].map(String::from));
    assert_rebuilds(&lines, &ps);
}

#[test]
fn a_description_that_opens_a_paragraph_before_a_cascade_spaced_at_one_space_cuts_nothing() {
    // A page's description (the lede's first sentence, or the opening of
    // a later block: a lede after a line of dates) written before the
    // cascade, whose paragraphs meet at one space as the lede's sentences
    // do: no line starts where the description ends.
    let desc = "A large fire has broken out at a recycling warehouse on the industrial estate, sending black smoke across the town.";
    let lede = format!("{desc} People living nearby have been told to keep their windows and doors closed, and schools kept pupils indoors.");
    let rest = [
        "Eight fire engines were sent to the unit shortly after 13:30 on Tuesday, the fire service said in a statement.",
        "The warehouse is used by a packaging firm, which said all of its staff had been accounted for by the afternoon.",
        "Police have closed the road past the estate and asked drivers to avoid the area until the evening rush hour.",
    ];
    for first in [None, Some("14 August 1938 – 2 March 2024")] {
        let ps: Vec<&str> = first
            .into_iter()
            .chain([lede.as_str()])
            .chain(rest)
            .collect();
        let mut lines = vec![desc.to_string()];
        lines.extend((0..ps.len()).map(|i| ps[i..].join(" ")));
        assert_rebuilds(&lines, &ps);
    }
}

#[test]
fn a_list_whose_walk_lost_an_items_line_keeps_its_other_items_apart() {
    // The list's own line is held by the body's and holds its items'
    // lines, all but one that the walk lost: a container whose text is
    // mostly in lines of their own, not a paragraph with inline elements,
    // so the items whose lines there are stay paragraphs.
    let intro =
        "The council has set out four changes to the bus network that will start in the new year.";
    let items = [
        "The number 12 will run every ten minutes at peak times.",
        "The night service to the hospital will stop at midnight.",
        "A new route will link the station with the business park.",
        "Fares for under-18s will be capped at one pound a journey.",
    ];
    let outro =
        "The changes will be reviewed after six months, the council said in a statement on Friday.";
    let list = items.join(" ");
    let body = [intro, list.as_str(), outro].join(" ");
    let out = rebuild(&[
        body.as_str(),
        intro,
        list.as_str(),
        items[0],
        items[2],
        items[3],
        outro,
    ]);
    assert_eq!(rebuild(&out), out, "a fixed point");
    for p in [intro, items[2], items[3], outro] {
        assert!(out.iter().any(|o| o == p), "{p} stands apart in {out:?}");
    }
}

#[test]
fn a_live_blogs_key_events_list_keeps_every_line_whole() {
    // The summary box's list repeats each post's time and title, glued,
    // and the posts' cascade writes them with a space before the post's
    // text: a repeated phrase that keys can place in either container.
    // However it reads, every input line comes back whole, in one place.
    let lede = "The council has approved its budget, with a 4.99% rise in council tax and the closure of two pools.";
    let posts = [
        ("20:41", "Budget approved", "The budget has been approved by 32 votes to 25, and the two pools will close at the end of June."),
        ("19:32", "Vote on the amendment", "The opposition amendment has been defeated by 31 votes to 24, with two abstentions."),
        ("18:47", "Opposition amendment", "The leader of the opposition has tabled an amendment that would keep both pools open for another year."),
    ];
    let items: Vec<String> = posts.iter().map(|p| format!("{} {}", p.0, p.1)).collect();
    let list = items.concat();
    let top = [lede, "Key events", list.as_str()];
    let mut lines = vec![top.join(" "), top[1..].join(" ")];
    lines.extend((0..items.len()).map(|i| items[i..].concat()));
    let blocks: Vec<&str> = posts.iter().flat_map(|p| [p.0, p.1, p.2]).collect();
    lines.extend((0..blocks.len()).map(|i| blocks[i..].join(" ")));
    let out = rebuild(&lines);
    assert_eq!(rebuild(&out), out, "a fixed point");
    let squeezed = |s: &str| s.split_whitespace().collect::<String>();
    let text = squeezed(&out.concat());
    for line in &lines {
        assert!(text.contains(&squeezed(line)), "{line:?} whole in {out:?}");
    }
}

#[test]
fn a_notes_number_glued_as_a_superscript_is_a_links_text_and_a_spaced_number_stays() {
    // `<sup><a>1</a></sup>` written as a line before its block (or after
    // it), where the block ends with the mark glued to its stop, or has
    // it glued to a word inside.
    let ended = "Around 140 people lived in the village until 1931.1";
    let inside = "The tithe map of the 1790s.2 The map shows the chapel, the mill and two inns.";
    let next = "The Water Board bought the land in 1925 and began work on the dam the next spring.";
    assert_eq!(rebuild(&["1", ended, next]), paras(&[ended, next]));
    assert_eq!(rebuild(&[inside, "2", next]), paras(&[inside, next]));
    // Set apart by a space, a number is no superscript: it stays.
    let spaced = "She won 2 of the 3 races she entered that season.";
    assert_eq!(rebuild(&[spaced, "2", next]), paras(&[spaced, "2", next]));
    // Nor is one that is part of a name or a score (`Q3`, `2:1`).
    let named = "Profits rose in Q3 after the firm won the final 2:1 in May.";
    assert_eq!(rebuild(&[named, "3", next]), paras(&[named, "3", next]));
    assert_eq!(rebuild(&[named, "1", next]), paras(&[named, "1", next]));
}

#[test]
fn a_list_item_the_article_writes_in_each_list_fills_the_gap_between_its_neighbours() {
    // An element walk over a guide's two at-a-glance lists, whose items
    // the markup sets apart widely: each list's line, then its items and
    // their bold labels. The middle item is in both lists, so keys find
    // it too often to place; where the item before it ends and the one
    // after it starts, the gap is its text, and it is an item there.
    let open = "Open: April to October";
    let first = ["Price: from £32 a night", open, "Book: gullhaven.example"];
    let second = [
        "Price: £12 a night, children free",
        open,
        "Book: no booking, just turn up",
    ];
    let wide = |items: &[&str]| items.join("          ");
    let lines = [
        wide(&first),
        first[2].to_string(),
        "Price:".to_string(),
        open.to_string(),
        "Price:".to_string(),
        wide(&second),
        second[0].to_string(),
        "Price:".to_string(),
        open.to_string(),
        second[2].to_string(),
    ];
    let want: Vec<&str> = first.iter().chain(&second).copied().collect();
    assert_rebuilds(&lines, &want);
}

#[test]
fn a_notes_mark_glued_to_the_next_blocks_start_in_a_container_ends_the_block_before_it() {
    // An element walk over a history society's page: the body's line,
    // which glues each paragraph, its superscript note mark and the next
    // paragraph, then the blocks and the marks' lines. The mark is the
    // end of the block it is glued to, not a paragraph between two.
    let a = "The Water Board looked at four valleys and chose the Wenn, because the gorge below Scarrow was narrow enough to dam cheaply.3";
    let b = "The board's minutes are blunt. Scarrow is mentioned as a cost, not a community: so many properties to purchase.4";
    let c = "In 1989 the society recorded an interview with Edith Coad, who was eleven when her family left Scarrow.";
    let body = [a, b, c].concat();
    assert_rebuilds(&[body.as_str(), "3", b, "4", c], &[a, b, c]);
}

#[test]
fn a_notes_number_written_after_the_note_that_opens_with_it_is_its_links_text() {
    // A blog's notes list: each note opens with its number, and its link
    // back to where it is cited, `1`, is written as a line after it.
    let first = "I kept the spreadsheet for six years, and it had a column for everything I could think of.";
    let n1 =
        "1 Yes, this was a real column. It was a yes/no dropdown. I am aware of how that sounds.";
    let n2 = "2 For the record, I did briefly consider adding one. I'm glad I didn't.";
    assert_rebuilds(&[first, n1, "1", n2, "2"], &[first, n1, n2]);
}

#[test]
fn a_cascades_last_short_item_set_apart_as_widely_as_the_others_is_a_block() {
    // A podcast's chapter list in a cascade whose blocks meet at two
    // spaces (three in the container's line): the last item is too short
    // to place by its length, but it starts after the same gap as the
    // items before it, where the line before it ends as theirs do. A
    // link's text at its paragraph's end follows a single space instead.
    let items = [
        "[00:00:12] Introductions",
        "[00:02:40] What the old app did, and why it stopped working",
        "[00:04:12] Deciding to build it in-house",
        "[00:19:02] Launch day, and the bank holiday bug",
        "[00:31:47] What councils can reuse",
    ];
    let intro = "This week Dev talks to Marisol Quaye, one of two developers in the digital team at the council, about the app.";
    let after = "Links to everything we mentioned are below, with the release notes for the new version of the app.";
    let mut blocks = vec![intro, "In this episode"];
    blocks.extend(items);
    blocks.push(after);
    let mut lines = vec![blocks.join("   "), blocks[1..].join("   ")];
    lines.extend((0..items.len()).map(|i| items[i..].join("  ")));
    lines.push(after.to_string());
    assert_rebuilds(&lines, &blocks);
}

#[test]
fn a_tables_cells_written_one_a_line_are_blocks_where_a_line_glues_them_in_turn() {
    // A by-election's results table, its cells one a line, that the
    // cascade's first line glues between the paragraph before it and the
    // caption; some cells are names and parties the text says again.
    let p1 = "The Green Union has won the by-election, taking a seat that the Civic Party had held for forty years.";
    let cells = [
        "Candidate",
        "Party",
        "Votes",
        "Tamsin Vell",
        "Green Union",
        "9,812",
        "Robert Ainsworth",
        "Civic Party",
        "8,406",
    ];
    let cap =
        "Harlowe Vale by-election, 7 November 2024. Turnout was 38.2 per cent of the electorate.";
    let p2 = "Robert Ainsworth said the Civic Party had run a positive campaign in difficult circumstances.";
    let mut lines = vec![[p1, &cells.concat(), cap, p2].concat()];
    lines.extend(cells.iter().map(|c| c.to_string()));
    lines.push([cap, p2].concat());
    lines.push(p2.to_string());
    let mut want = vec![p1];
    want.extend(cells);
    want.extend([cap, p2]);
    assert_rebuilds(&lines, &want);
}

#[test]
fn a_cascades_last_block_glued_on_starts_where_its_line_does_however_its_start_looks() {
    // An allotment society's rules end with an address, and a recipe's
    // ingredients with a small item: the cascade glues the last block's
    // small letter to the postcode, or to the word before. The line that
    // is all the rest of the text from there, glued on, starts a block.
    let p = "Plot holders can appeal against a notice to quit in writing within 14 days.";
    let address = "Write to: The Secretary, Thornbury Lane Allotment Society, Ashcombe AB4 7QT";
    let last = "or e-mail secretary@thornbury-allotments.example.";
    assert_rebuilds(&suffixes(&[p, address, last]), &[p, address, last]);
    let items = [
        "Add the stock and simmer until the potatoes are just tender.",
        "salt and freshly ground black pepper",
        "crusty bread, to serve",
    ];
    assert_rebuilds(&suffixes(&items), &items);
}

#[test]
fn a_short_block_that_starts_where_a_blocks_line_ends_is_placed_there_however_its_start_looks() {
    // An element walk over a page that sets blocks and a paragraph's
    // `<br>` lines apart alike: the container's line, then the address
    // paragraph and the line after it, whose small letter glued to the
    // postcode looks like no block's start. The address's line ends there.
    let gap = "       ";
    let p = "Plot holders can appeal against a notice to quit in writing within 14 days, to the committee.";
    let address = [
        "Write to:",
        "The Secretary, Thornbury Lane Allotment Society",
        "c/o 14 Weaver's Close",
        "Ashcombe AB4 7QT",
    ]
    .join(gap);
    let email = "or e-mail secretary@thornbury-allotments.example.";
    let related = "Related: How to join the waiting list";
    let body = [p, &address, email, related].join(gap);
    let out = rebuild(&[body.as_str(), &address, email, related]);
    let flat = address.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(out, paras(&[p, &flat, email, related]));
}

#[test]
fn a_letters_signature_lines_set_apart_as_widely_as_its_paragraphs_are_two_blocks() {
    // A letters page's cascade over one letter, whose blocks the markup
    // sets apart by its line breaks and indents: the writer's name and
    // town, both too short to be placed by their length, close it.
    let gap = " ".repeat(28);
    let blocks = [
        "Build the buses first",
        "Your report on the proposed ring road quoted the council's claim that it would cut journey times in the town centre.",
        "New roads fill up. Everybody knows this except, it seems, the people who plan them.",
        "Margaret Hollis",
        "Gallow Hill, Harrowby",
    ];
    let lines: Vec<String> = (0..blocks.len()).map(|i| blocks[i..].join(&gap)).collect();
    assert_rebuilds(&lines, &blocks);
}

#[test]
fn a_pull_quote_set_apart_later_leaves_the_paragraph_that_quotes_it_whole() {
    // A court report quotes the defendant at the end of a paragraph, and
    // prints the quotation again as a pull quote three blocks on. The
    // quotation ends its paragraph one space after the paragraph's own
    // words, and no other line holds it there: no boundary. Clean, or as
    // a cascade's lines (the paragraph is cut at the quote in no pass).
    let paras_ = [
        "The council met on Monday to discuss the new harbour wall and its cost to ratepayers.",
        "In the first interview, the defendant said: \u{201c}I signed what was put in front of me, and I trusted the people who put it there.\u{201d}",
        "DS Pryce told the jury that every one of the payments had been traced to a single account.",
        "Records from the register showed that the firm was incorporated in October 2018 with one director.",
        "\u{201c}I signed what was put in front of me, and I trusted the people who put it there.\u{201d}",
        "Cross-examining Ms Okafor, the defence suggested that her audit had been rushed and incomplete.",
        "Proceedings were adjourned until Friday morning, and the jury was sent home early.",
    ];
    assert_eq!(rebuild(&paras_), paras(&paras_));
    let cascade: Vec<String> = (0..paras_.len()).map(|i| paras_[i..].concat()).collect();
    assert_eq!(rebuild(&cascade), paras(&paras_));
}

#[test]
fn a_paragraph_written_next_to_the_line_that_holds_it_is_a_cascades_line_in_either_order() {
    // A two-line cascade whose paragraphs are spaced: the line beside the
    // one that holds it, before or after it (lines come in any order), is
    // a line the scraper cut there, not a quotation set apart.
    let p1 = "The firm, Paion, said that it hoped to sell five million shares for 11 to 14 euros a share.";
    let p2 = "Its main drug, desmoteplase, is based on a protein found in the saliva of the vampire bat.";
    let both = format!("{p1} {p2}");
    assert_eq!(rebuild(&[p1, both.as_str()]), paras(&[p1, p2]));
    assert_eq!(rebuild(&[p2, both.as_str()]), paras(&[p1, p2]));
}

#[test]
fn a_caption_written_again_right_after_the_line_that_ends_with_it_is_a_paragraph_of_its_own() {
    // A cascade glues the lede to the figure after it, whose caption is
    // set apart by the markup's indent and written as the next line: a
    // copy of the line's end, where the lede ends (once the first pass
    // has joined the two at the note's mark, the second splits them).
    let lede = "Salt marshes cover a tiny fraction of the world\u{2019}s coastline, yet they may be locking away carbon several times faster than forests of the same size. A new study of sediment cores from the Kestrel Bank marshes suggests that the rate has been underestimated for decades.1";
    let caption =
        "A sediment core from Kestrel Bank, split lengthwise to show its layers. Photo: Harbour Labs";
    let blue = "Blue carbon is the name researchers give to carbon captured by coastal ecosystems such as marshes, mangroves and seagrass meadows. Plants pull carbon dioxide from the air, and when they die, the tides bury their remains in mud that little oxygen can reach.2 Without oxygen, decay slows almost to a halt.";
    let mud = "Because marshes keep building upwards as sea levels rise, that mud can pile up for thousands of years. A single metre of marsh sediment can hold the remains of centuries of plant growth.";
    let lines = [
        format!("{lede}    {caption}"),
        caption.to_string(),
        format!("{blue}{mud}"),
        mud.to_string(),
    ];
    assert_eq!(rebuild(&lines), paras(&[lede, caption, blue, mud]));
}

#[test]
fn a_quotation_from_the_middle_of_a_paragraph_set_apart_elsewhere_leaves_it_whole() {
    // The chief executive's words inside a paragraph, and again as a pull
    // quote eight blocks on: no line meets the quotation at either end
    // inside the paragraph, so neither end is a boundary there.
    let paras_ = [
        "Brackwell Provisions reported a 14% rise in half-year profit on Tuesday, helped by demand for own-label meals.",
        "Chief executive Marisol Okafor-Lind said: \u{201c}We have kept our prices steady for eighteen months, and customers have noticed.\u{201d} She added that the business would not pass on a rise in the cost of dairy before the autumn.",
        "Analysts had expected a smaller increase, and the shares rose 6% in early trading in London.",
        "\u{201c}We have kept our prices steady for eighteen months, and customers have noticed.\u{201d}",
        "The interim dividend will be paid on 4 April to shareholders on the register on 7 March.",
    ];
    assert_eq!(rebuild(&paras_), paras(&paras_));
    let cascade: Vec<String> = (0..paras_.len()).map(|i| paras_[i..].concat()).collect();
    assert_eq!(rebuild(&cascade), paras(&paras_));
}

#[test]
fn a_block_inside_its_container_that_meets_another_line_at_one_end_is_cut_at_both() {
    // An element walk: the container's text, then a code block that ends
    // the first paragraph, then the next paragraph, which starts where the
    // code ends. Its other end meets no line (the heading after it is
    // inline with its section), yet it is the block's end too.
    let lines = [
        "Quillmark v2.4.0 is out today, with a new fix mode for tables and configuration files in TOML. Install it with your package manager or with: pip install --upgrade quillmark==2.4.0 Thank you to the 19 people who contributed to this release, eight of them for the first time. Highlights Table fixing. quillmark --fix now realigns the pipes in Markdown tables and pads cells so that columns line up in a plain-text editor.",
        "pip install --upgrade quillmark==2.4.0",
        "Thank you to the 19 people who contributed to this release, eight of them for the first time.",
    ];
    assert_eq!(
        rebuild(&lines),
        paras(&[
            "Quillmark v2.4.0 is out today, with a new fix mode for tables and configuration files in TOML. Install it with your package manager or with:",
            lines[1],
            lines[2],
            "Highlights Table fixing. quillmark --fix now realigns the pipes in Markdown tables and pads cells so that columns line up in a plain-text editor.",
        ])
    );
}

#[test]
fn a_list_term_that_opens_an_earlier_paragraph_mid_sentence_does_not_keep_its_container() {
    // An obituary's `<dl>` of facts in an element walk: the list's text,
    // then each term and description. `Born` also opens the paragraph
    // before the list (`Born in Tarrow, …`), but no paragraph could end
    // after it there, so it would not be placed there: the list's line is
    // a copy of its items, which say where each one ends.
    let lede = "Aldous Penmarrow, who has died aged 83, spent forty years as coxswain of the Wenlow Bay lifeboat.";
    let born = "Born in Tarrow, a fishing village a few miles along the coast, he was the youngest of six children.";
    let items = [
        "Born",
        "4 May 1941, Tarrow",
        "Died",
        "19 January 2025, Wenlow Bay",
        "Career",
        "Fisherman; lifeboat crew member from 1957; author",
        "Honours",
        "Gold medal for gallantry, 1979; Freedom of Wenlow, 2003",
    ];
    let last = "He became coxswain at 21, the youngest the station had ever had.";
    let list = items.join(" ");
    let mut lines = vec![
        format!("{lede}  {born}   {list}   {last}"),
        lede.to_string(),
        born.to_string(),
        list,
    ];
    lines.extend(items.iter().map(|s| s.to_string()));
    lines.push(last.to_string());
    let mut want = vec![lede, born];
    want.extend(items);
    want.push(last);
    assert_eq!(rebuild(&lines), paras(&want));
}
