//! Tests of [`find`](super::find) as a whole: exact and near copies, the
//! kept article, and what must not group.

use super::*;

fn words(tag: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("{tag}{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn date(s: &str) -> Option<Date> {
    Some(Date::parse_compact(s).unwrap())
}

fn find_in(texts: &[(&str, Option<Date>)], opts: &Options) -> Vec<Group> {
    let docs: Vec<Doc> = texts
        .iter()
        .map(|(t, d)| Doc::new(&t.split('\n').collect::<Vec<_>>(), *d, opts))
        .collect();
    find(docs, opts)
}

#[test]
fn exact_copies_differ_only_in_case_punctuation_and_spacing() {
    let a = "The Bank said, on Monday: rates stay at 4.75%.";
    let b = "the bank said on monday  rates stay at 475";
    let g = find_in(&[(a, None), (b, None)], &Options::default());
    assert_eq!(
        g,
        [Group {
            keep: 0,
            copies: vec![Copy {
                index: 1,
                similarity: 1.0,
                kind: Kind::Exact
            }]
        }]
    );
}

#[test]
fn near_copies_are_grouped_and_the_most_complete_is_kept() {
    let story = words("s", 80);
    let trimmed = words("s", 30);
    let updated = format!("{story}\n{}", words("update", 20));
    let other = words("o", 80);
    let texts = [
        (trimmed.as_str(), date("20040101")),
        (story.as_str(), date("20040101")),
        (other.as_str(), None),
        (updated.as_str(), date("20040102")),
    ];
    let g = find_in(&texts, &Options::default());
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].keep, 3, "the updated copy has the most story words");
    let copies: Vec<usize> = g[0].copies.iter().map(|c| c.index).collect();
    assert_eq!(copies, [0, 1]);
    assert!(g[0].copies.iter().all(|c| c.kind == Kind::Near));
    assert_eq!(g[0].copies[0].similarity, 1.0, "trimmed: wholly contained");

    let pick = |keep| {
        find_in(
            &texts,
            &Options {
                keep,
                ..Options::default()
            },
        )[0]
        .keep
    };
    assert_eq!(pick(Keep::First), 0);
    assert_eq!(pick(Keep::Earliest), 1, "earliest, then most complete");
    assert_eq!(pick(Keep::Longest), 3);
}

#[test]
fn less_than_half_of_the_shorter_is_not_a_copy() {
    let story = words("s", 80);
    let quoting = format!("{}\n{}", words("s", 30), words("own", 40));
    let g = find_in(&[(&story, None), (&quoting, None)], &Options::default());
    assert!(g.is_empty(), "{g:?}");
    let lower = Options {
        threshold: 0.4,
        ..Options::default()
    };
    assert_eq!(
        find_in(&[(&story, None), (&quoting, None)], &lower).len(),
        1
    );
}

#[test]
fn a_shared_footer_does_not_make_copies() {
    let footer = "We use cookies to improve your experience. By continuing to use \
                  this site you agree to our use of cookies and our privacy policy.";
    let texts: Vec<String> = (0..30)
        .map(|i| format!("{}\n{footer}", words(&format!("story{i}x"), 12)))
        .collect();
    let refs: Vec<(&str, Option<Date>)> = texts.iter().map(|t| (t.as_str(), None)).collect();
    assert!(find_in(&refs, &Options::default()).is_empty());
}

#[test]
fn articles_without_words_are_in_no_group() {
    let g = find_in(&[("--", None), ("...", None)], &Options::default());
    assert!(g.is_empty());
}

#[test]
fn a_signature_is_a_sample_of_shingles_chosen_by_content() {
    let opts = Options::default();
    let long = words("w", 400);
    let doc = Doc::new(&[long.as_str()], None, &opts);
    let keys = doc.signature();
    // About one shingle in SIGNATURE_SAMPLE, each a multiple of it.
    assert!((20..=80).contains(&keys.len()), "{} keys", keys.len());
    assert!(keys.iter().all(|k| k % SIGNATURE_SAMPLE == 0));
    // A passage of it has the keys inside that passage: content, not place.
    let part = words("w", 400)
        .split(' ')
        .skip(100)
        .take(200)
        .collect::<Vec<_>>()
        .join(" ");
    let part_keys = Doc::new(&[part.as_str()], None, &opts).signature();
    assert!(!part_keys.is_empty());
    assert!(part_keys.iter().all(|k| keys.contains(k)));
    // Too short for a sampled key: its smallest shingle stands in.
    let short = Doc::new(&["Rates rose."], None, &opts);
    assert_eq!(short.signature().len(), 1);
    assert!(Doc::new(&[""], None, &opts).signature().is_empty());
}
