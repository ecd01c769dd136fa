//! Fuzz target for `newsdedup::sentences::split` and `split_in`: any text
//! must split without a panic, in time linear in its length (run with
//! `-timeout=`, so a slow input is a finding: issue 13 found a quadratic
//! shape here), and the sentences must be the text itself: trimmed,
//! non-empty slices, in order, with only whitespace between and around them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdedup::{lang::Lang, sentences};

/// Languages with rules of their own, and English (`None`).
const LANGS: [Option<&str>; 8] = [
    None,
    Some("de"),
    Some("fr"),
    Some("ru"),
    Some("el"),
    Some("ja"),
    Some("hi"),
    Some("hy"),
];

fn check(text: &str, parts: &[&str]) {
    let mut pos = 0;
    for part in parts {
        assert!(!part.is_empty(), "an empty sentence");
        assert_eq!(part.trim(), *part, "an untrimmed sentence");
        // A slice of `text`, after the previous one.
        let start = part.as_ptr() as usize - text.as_ptr() as usize;
        assert!(start >= pos && start + part.len() <= text.len(), "not in order");
        assert!(text[pos..start].trim().is_empty(), "text lost between sentences");
        pos = start + part.len();
    }
    assert!(text[pos..].trim().is_empty(), "text lost at the end");
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let lang = LANGS[usize::from(pick) % LANGS.len()].and_then(Lang::parse);
    check(&text, &sentences::split_in(&text, lang));
    if lang.is_none() {
        check(&text, &sentences::split(&text));
    }
});
