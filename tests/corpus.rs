//! Regression gates on the shared corpora, when `../shared` is present:
//! the dev set of real scraped-style copies must stay 100% paragraph-exact,
//! every article that repeats no paragraph, written one paragraph a line,
//! must come back unchanged, and simulated scrapes of a sample of the
//! 4,224 clean articles must stay at or above the measured rate, with no
//! text lost anywhere.

use std::fs;
use std::path::{Path, PathBuf};

use newsdedup::dedup::normalize;
use newsdedup::{clean, decode_entities, Options};
use newsdedup_simulate::{scrape, Pattern, Source, Variant};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// The 4,224 clean articles, one JSON object a line; `None` (and a note
/// that the test is skipped) where `../shared` is absent.
fn articles() -> Option<String> {
    let path = shared().join("articles.jsonl");
    let text = fs::read_to_string(&path);
    if text.is_err() {
        eprintln!("skipped: {} not found", path.display());
    }
    text.ok()
}

/// The truth as a clean article shows it: HTML character references
/// decoded (as `score.py` does), whitespace normalised.
fn paragraphs_of(v: &serde_json::Value) -> Vec<String> {
    v["paragraphs"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str())
                .map(|p| normalize(&decode_entities(p)))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn dev_set_is_paragraph_exact() {
    let root = shared().join("dev");
    let Ok(truth) = fs::read_to_string(root.join("truth.jsonl")) else {
        eprintln!("skipped: {} not found", root.display());
        return;
    };
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in truth.lines() {
        let t: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = t["file"].as_str().unwrap();
        let article = clean(&fs::read(root.join(file)).unwrap(), &Options::default()).unwrap();
        let h = article.header.as_ref().unwrap();
        if article.paragraphs != paragraphs_of(&t)
            || h.title.as_deref() != Some(t["title"].as_str().unwrap().trim())
            || h.url.as_deref() != t["url"].as_str()
            || h.date.map(|d| d.compact()).as_deref() != t["date"].as_str()
        {
            wrong.push(file.to_string());
        }
        n += 1;
    }
    eprintln!("dev set: {}/{n} paragraph-exact", n - wrong.len());
    assert!(n >= 200 && wrong.is_empty(), "not exact: {wrong:?}");
}

#[test]
fn every_article_that_repeats_no_paragraph_comes_back_unchanged() {
    let Some(text) = articles() else {
        return;
    };
    let (mut n, mut changed) = (0, Vec::new());
    for line in text.lines() {
        let a: serde_json::Value = serde_json::from_str(line).unwrap();
        let raw: Vec<&str> = a["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .collect();
        let mut distinct = raw.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < raw.len() {
            continue;
        }
        let input = format!("T\n20220122\nhttps://a.b/c\n{}\n", raw.join("\n"));
        let got = clean(input.as_bytes(), &Options::default())
            .unwrap()
            .paragraphs;
        let want: Vec<String> = paragraphs_of(&a)
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        n += 1;
        if got != want {
            changed.push(a["id"].to_string());
        }
    }
    eprintln!("repeat-free articles: {}/{n} unchanged", n - changed.len());
    assert!(n >= 4000 && changed.is_empty(), "changed: {changed:?}");
}

#[test]
fn simulated_scrapes_of_real_articles_stay_exact() {
    let Some(text) = articles() else {
        return;
    };
    let (mut n, mut exact, mut lost) = (0, 0, Vec::new());
    // Every 7th article, every pattern, a random variant each: ~5,400 files.
    for (i, line) in text.lines().enumerate().filter(|(i, _)| i % 7 == 0) {
        let a: serde_json::Value = serde_json::from_str(line).unwrap();
        let paragraphs = paragraphs_of(&a);
        if paragraphs.len() < 3 {
            continue;
        }
        let source = Source {
            title: "T",
            date: "20220122",
            url: "https://a.b/c",
            paragraphs: &paragraphs,
        };
        for (k, pattern) in Pattern::ALL.iter().enumerate() {
            let seed = (i as u64) << 8 | k as u64;
            let s = scrape(&source, *pattern, &Variant::random(seed), seed);
            let got = clean(s.text.as_bytes(), &Options::default())
                .unwrap()
                .paragraphs;
            n += 1;
            let truth: Vec<String> = s
                .paragraphs
                .iter()
                .map(|p| normalize(&decode_entities(p)))
                .collect();
            if got == truth {
                exact += 1;
            }
            let out: String = got.concat().split_whitespace().collect();
            if let Some(missing) = truth
                .iter()
                .find(|p| !out.contains(&p.split_whitespace().collect::<String>()))
            {
                lost.push(format!("{} {pattern}: {missing:?} not in {got:?}", a["id"]));
            }
        }
    }
    let rate = exact as f64 / n as f64;
    eprintln!(
        "simulated: {exact}/{n} paragraph-exact ({:.2}%)",
        100.0 * rate
    );
    assert!(lost.is_empty(), "text lost in {lost:?}");
    // Measured 99.5% on this sample; the misses are source articles that
    // repeat a paragraph themselves (kept once by design) or split a
    // sentence into one-word paragraphs.
    assert!(rate >= 0.99, "paragraph-exact rate fell to {rate:.4}");
}

/// Where a scraper glued two paragraphs at a straight quote (`said."What`,
/// `anything."We`), the quote belongs to one side or the other, and only
/// typography tells which. Every such pair of consecutive paragraphs in
/// the 4,224 articles, glued, must split back at the right side of the
/// quote in at least 98.5% of cases (99.0% measured; 97.7% before the
/// first-person reading of a quotation that runs on; counting quotes got 89%).
#[test]
fn glued_quote_seams_of_real_articles_split_on_the_right_side() {
    let Some(text) = articles() else {
        return;
    };
    let (mut n, mut right) = (0, 0);
    for line in text.lines() {
        let a: serde_json::Value = serde_json::from_str(line).unwrap();
        let paragraphs = paragraphs_of(&a);
        for pair in paragraphs.windows(2) {
            let (p, q) = (pair[0].as_str(), pair[1].as_str());
            let stop_then_quote = [".\"", "!\"", "?\""].iter().any(|e| p.ends_with(e))
                && q.starts_with(|c: char| c.is_uppercase());
            let stop_quote_then = p.ends_with(['.', '!', '?'])
                && q.starts_with('"')
                && q[1..].starts_with(|c: char| c.is_uppercase());
            if !(stop_then_quote || stop_quote_then) {
                continue;
            }
            n += 1;
            let glued = format!("{p}{q}");
            // The pair splits where it was glued; each part may split more.
            let parts = newsdedup::dedup::split_glued(&glued);
            let mut at = 0;
            if parts.iter().any(|part| {
                at += part.len();
                at == p.len()
            }) {
                right += 1;
            } else if std::env::var_os("SHOW").is_some() {
                eprintln!(
                    "MISS {:?} | {:?}",
                    p.chars()
                        .rev()
                        .take(60)
                        .collect::<Vec<_>>()
                        .iter()
                        .rev()
                        .collect::<String>(),
                    q.chars().take(60).collect::<String>()
                );
            }
        }
    }
    let rate = right as f64 / n as f64;
    eprintln!(
        "glued quote seams: {right}/{n} split right ({:.2}%)",
        100.0 * rate
    );
    assert!(n > 1000 && rate >= 0.985, "{right}/{n} split right");
}
