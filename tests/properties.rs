//! Property tests of the cleaner's promises: nothing is lost, cleaning is
//! idempotent, and every scraper pattern and variant comes back
//! paragraph-exact on articles made up on the spot.

use newsdedup::dedup::rebuild;
use newsdedup::{clean, writer::to_text, Options};
use newsdedup_simulate::{scrape, synthetic_paragraphs, Pattern, Source, Variant};
use proptest::prelude::*;

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `line` (squeezed) is a concatenation of output paragraphs: the
/// no-loss promise, and more (every seam falls between paragraphs).
fn is_concatenation(line: &str, paragraphs: &[String]) -> bool {
    let line = squeeze(line);
    let parts: Vec<String> = paragraphs.iter().map(|p| squeeze(p)).collect();
    let mut reach = vec![false; line.len() + 1];
    reach[0] = true;
    for i in 0..line.len() {
        if !reach[i] {
            continue;
        }
        for p in &parts {
            if !p.is_empty() && line[i..].starts_with(p.as_str()) {
                reach[i + p.len()] = true;
            }
        }
    }
    reach[line.len()]
}

/// An article of 3-11 made-up news paragraphs (sentences end in `.`, `?`,
/// `!` or `."`; each holds a number, so they are distinct as real ones are).
fn article() -> impl Strategy<Value = Vec<String>> {
    (any::<u64>(), 3..12usize).prop_map(|(seed, n)| synthetic_paragraphs(seed, n))
}

fn pattern() -> impl Strategy<Value = Pattern> {
    prop::sample::select(Pattern::ALL.to_vec())
}

/// Arbitrary body lines: repeated, glued and shuffled pieces of a small
/// set of fragments, with arbitrary whitespace, so that lines overlap in
/// every which way.
fn messy_lines() -> impl Strategy<Value = Vec<String>> {
    let fragment = prop::sample::select(vec![
        "Alpha said.",
        "Beta rose 5%.",
        "\"Gamma?\"",
        "delta",
        "EPSILON",
        " ",
        "\u{a0}",
        "\t",
        "Zeta fell.Eta",
        "é",
        "。",
        "U.S.",
        "x",
    ]);
    prop::collection::vec(
        prop::collection::vec(fragment, 1..8).prop_map(|f| f.concat()),
        1..10,
    )
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn every_pattern_and_variant_comes_back_paragraph_exact(
        paragraphs in article(), pattern in pattern(), seed in any::<u64>()
    ) {
        let variant = Variant::random(seed);
        let source = Source { title: "T", date: "20220122", url: "https://a.b/c", paragraphs: &paragraphs };
        let scraped = scrape(&source, pattern, &variant, seed);
        let article = clean(scraped.text.as_bytes(), &Options::default()).unwrap();
        // Two paragraphs written as one line, glued by a space, cannot be
        // told apart from one paragraph by anyone; the simulator never
        // makes that (articles have 3 or more paragraphs).
        prop_assert_eq!(article.paragraphs, scraped.paragraphs);
    }

    #[test]
    fn no_input_line_loses_any_text(lines in messy_lines()) {
        let out = rebuild(&lines);
        for line in &lines {
            prop_assert!(is_concatenation(line, &out), "{:?} lost from {:?}", line, out);
        }
    }

    #[test]
    fn rebuilding_twice_changes_nothing(lines in messy_lines()) {
        let once = rebuild(&lines);
        prop_assert_eq!(rebuild(&once), once);
    }

    #[test]
    fn cleaning_a_cleaned_file_gives_the_same_bytes(
        paragraphs in article(), pattern in pattern(), seed in any::<u64>()
    ) {
        let source = Source { title: " T ", date: "20220122", url: "https://a.b/c", paragraphs: &paragraphs };
        let scraped = scrape(&source, pattern, &Variant::random(seed), seed);
        let once = to_text(&clean(scraped.text.as_bytes(), &Options::default()).unwrap());
        let twice = to_text(&clean(&once, &Options::default()).unwrap());
        prop_assert_eq!(once, twice);
    }
}

#[test]
fn concatenation_check_rejects_a_lost_word() {
    let out = vec!["A b.".to_string(), "C d.".to_string()];
    assert!(is_concatenation("A b.C d.", &out));
    assert!(!is_concatenation("A b.C d.E", &out));
}
