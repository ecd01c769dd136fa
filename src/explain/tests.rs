//! Tests of `--explain`: the fates of lines against hand-written articles
//! and the text and JSON writers. In a file of their own so that
//! `explain/mod.rs` stays under the project's size limit.

use super::*;

fn ps(ps: &[&str]) -> Vec<String> {
    ps.iter().map(|p| p.to_string()).collect()
}

fn shown(lines: &[&str], paragraphs: &[&str]) -> Vec<String> {
    fates(lines, &ps(paragraphs))
        .iter()
        .map(Placement::to_string)
        .collect()
}

const ARTICLE: [&str; 3] = [
    "Alpha opens the story with a fact.",
    "Beta carries it further, said Joe Biden.",
    "Gamma closes it.",
];

#[test]
fn a_cascade_is_kept_once_per_range() {
    let lines = [
        "Alpha opens the story with a fact.Beta carries it further, said Joe Biden.Gamma closes it.",
        "Beta carries it further, said Joe Biden.Gamma closes it.",
        "Gamma closes it.",
    ];
    assert_eq!(
        shown(&lines, &ARTICLE),
        [
            "kept as paragraphs 1-3",
            "kept as paragraphs 2-3",
            "kept as paragraph 3"
        ]
    );
}

#[test]
fn a_later_line_giving_the_same_paragraphs_is_a_copy() {
    let lines = [
        "Gamma closes it.",
        "Alpha opens the story with a fact. Beta carries it further, said Joe Biden.",
        "  Gamma   closes\u{a0}it. ",
        "Alpha opens the story with a fact.Beta carries it further, said Joe Biden.",
    ];
    assert_eq!(
        shown(&lines, &ARTICLE),
        [
            "kept as paragraph 3",
            "kept as paragraphs 1-2",
            "copy of paragraph 3",
            "copy of paragraphs 1-2"
        ]
    );
    assert_eq!(
        Dropped::count(&fates(&lines, &ps(&ARTICLE))),
        Dropped {
            copies: 2,
            fragments: 0,
            truncated: 0,
            description: 0
        }
    );
}

#[test]
fn text_inside_a_paragraph_or_across_a_boundary_is_a_fragment() {
    let lines = [
        "Joe Biden",
        "Alpha opens",
        "with a fact.Beta",
        "Beta carries it further, said Joe Biden.Gamma",
        "fact. Beta carries it further, said Joe Biden. Gamma closes it.",
    ];
    assert_eq!(
        shown(&lines, &ARTICLE),
        [
            "fragment of paragraph 2",
            "fragment of paragraph 1",
            "fragment of paragraphs 1-2",
            "fragment of paragraphs 2-3",
            "fragment of paragraphs 1-3",
        ]
    );
}

#[test]
fn a_line_with_an_ellipsis_is_a_truncated_copy() {
    let lines = [
        "Alpha opens the story...",
        "… carries it further",
        "Alpha opens the story with a fact. Beta carries …",
        "...",
    ];
    assert_eq!(
        shown(&lines, &ARTICLE),
        [
            "truncated copy of paragraph 1",
            "truncated copy of paragraph 2",
            "truncated copy of paragraphs 1-2",
            "truncated copy of nothing (only an ellipsis)",
        ]
    );
    let d = Dropped::count(&fates(&lines, &ps(&ARTICLE)));
    assert_eq!(d.truncated, 4);
}

#[test]
fn a_paragraph_that_ends_in_an_ellipsis_is_kept_with_it() {
    let article = ["He paused...", "Then went on."];
    assert_eq!(
        shown(&["He paused...Then went on.", "He paused..."], &article),
        ["kept as paragraphs 1-2", "kept as paragraph 1"]
    );
}

#[test]
fn text_not_in_the_output_is_reported() {
    assert_eq!(
        shown(
            &["Delta was lost.", "Alpha opens the story with a fact.X"],
            &ARTICLE
        ),
        ["not found", "not found"]
    );
}

#[test]
fn whole_paragraphs_out_of_order_or_repeated_are_a_rearranged_copy() {
    let lines = [
        "Gamma closes it.Alpha opens the story with a fact.",
        "Alpha opens the story with a fact. Alpha opens the story with a fact.",
        "...Gamma closes it.Alpha opens the story with a fact.",
    ];
    assert_eq!(
        shown(&lines, &ARTICLE),
        [
            "rearranged copy of paragraphs 1-3",
            "rearranged copy of paragraph 1",
            "truncated copy of paragraphs 1-3",
        ]
    );
    assert_eq!(Dropped::count(&fates(&lines, &ps(&ARTICLE))).copies, 2);
}

#[test]
fn short_paragraphs_are_found_below_the_key_length() {
    let article = ["Hi.", "Yes", "A longer paragraph to end on."];
    assert_eq!(
        shown(
            &["Hi.YesA longer paragraph to end on.", "Yes A longer", "Yes"],
            &article
        ),
        [
            "kept as paragraphs 1-3",
            "fragment of paragraphs 2-3",
            "kept as paragraph 2"
        ]
    );
}

#[test]
fn a_repeated_start_picks_the_occurrence_on_boundaries() {
    // Both paragraphs start with the same 16+ bytes.
    let article = [
        "Photo Credit: Agency one, at the scene.",
        "Photo Credit: Agency two.",
    ];
    assert_eq!(
        shown(
            &["Photo Credit: Agency two.", "Photo Credit: Agency"],
            &article
        ),
        ["kept as paragraph 2", "fragment of paragraph 1"]
    );
}

#[test]
fn explain_numbers_lines_and_marks_decoded_ones() {
    let input = "T\n20220122\nhttps://a.b/\nOne &amp; two.Three.\n\nThree.\nOne &amp; two.\n";
    let e = explain(input.as_bytes(), &Options::default()).unwrap();
    assert_eq!(e.article.paragraphs, ["One & two.", "Three."]);
    let got: Vec<(usize, String, bool)> = e
        .lines
        .iter()
        .map(|l| (l.number, l.placement.to_string(), l.decoded))
        .collect();
    assert_eq!(
        got,
        [
            (4, "kept as paragraphs 1-2".to_string(), true),
            (6, "kept as paragraph 2".to_string(), false),
            (7, "kept as paragraph 1".to_string(), true),
        ]
    );
    let mut out = Vec::new();
    e.write_text(&mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "  4: kept as paragraphs 1-2, decoded | One & two.Three.\n\
         \x20 6: kept as paragraph 2 | Three.\n\
         \x20 7: kept as paragraph 1, decoded | One & two.\n\
         3 body lines, 2 paragraphs: 3 kept, 0 copies, 0 fragments, 0 truncated copies\n"
    );
}

#[test]
fn json_lists_each_line_with_its_paragraphs() {
    let input = "A one.B two.\nB two.\nA one…\n";
    let opts = Options {
        no_header: true,
        ..Options::default()
    };
    let mut out = Vec::new();
    explain(input.as_bytes(), &opts)
        .unwrap()
        .write_json(&mut out)
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v["lines"][2],
        serde_json::json!({"line": 3, "fate": "truncated", "first": 1, "last": 1,
                           "decoded": false, "text": "A one…"})
    );
    assert_eq!(
        v["dropped"],
        serde_json::json!({"copies": 0, "fragments": 0, "truncated": 1})
    );
}

#[test]
fn the_summary_counts_in_the_singular_too() {
    let e = explain(
        b"One.\n",
        &Options {
            no_header: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(
        e.summary(),
        "1 body line, 1 paragraph: 1 kept, 0 copies, 0 fragments, 0 truncated copies"
    );
    let lost = Explanation {
        lines: vec![Line {
            number: 1,
            text: "Gone.".into(),
            decoded: false,
            placement: Placement::NOT_FOUND,
        }],
        ..e
    };
    assert!(lost
        .summary()
        .ends_with("; 1 not found: text was lost, please report this file"));
}

#[test]
fn spacing_differences_are_squeezed_out_even_inside_a_char_run() {
    let article = ["Em\u{2014}dash and \u{a9} here.", "Next."];
    assert_eq!(
        shown(
            &[
                "Em\u{2000}\u{2014}dash  and\u{a0}\u{a9}\there.Next.",
                "Em\u{2014}dash and \u{a9} here.\u{3000}Next.",
                "Em\u{2014}dashand\u{a9}here",
                "Em\u{2014}dash and \u{a8}",
            ],
            &article
        ),
        [
            "kept as paragraphs 1-2",
            "copy of paragraphs 1-2",
            "fragment of paragraph 1",
            "not found"
        ]
    );
}

#[test]
fn prefixes_are_cut_at_27_chars() {
    assert_eq!(
        Prefix("Russia has repeatedly  rejected accusations").to_string(),
        "Russia has repeatedly rejec…"
    );
    assert_eq!(Prefix(" short\tline ").to_string(), "short line");
}

#[test]
fn a_clean_with_count_dropped_fills_the_stats() {
    let input = "A one.B two.\nB two.\nB two.\nA one…\none\n";
    let opts = Options {
        no_header: true,
        count_dropped: true,
        ..Options::default()
    };
    let a = crate::clean(input.as_bytes(), &opts).unwrap();
    assert_eq!(
        a.stats.dropped,
        Some(Dropped {
            copies: 1,
            fragments: 1,
            truncated: 1,
            description: 0
        })
    );
    let plain = crate::clean(
        input.as_bytes(),
        &Options {
            no_header: true,
            ..Options::default()
        },
    );
    assert_eq!(plain.unwrap().stats.dropped, None);
}
