//! Throughput of `newsdedup::sentences::split` on news text, and of
//! `split_in` with other languages' rules.
//!
//! The text is the first ~2 MB of paragraphs of
//! `../shared/corpus/articles.jsonl` (one JSON object a line, with a
//! "paragraphs" array) when that file is there, else a few built-in news
//! paragraphs repeated. Each paragraph is split on its own, as the JSON
//! writer does.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const TARGET_BYTES: usize = 2 * 1024 * 1024;

const BUILT_IN: &[&str] = &[
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier. Mr. Parsons said the U.S. Securities and Exchange Commission had been told.",
    "At 5 a.m. Lt. Col. J.R. Ewing of Ewing Oil Co. arrived in Washington, D.C. He met Sen. Smith on Jan. 10 at No. 10 Main St. \"Is it true?\" asked one reporter. \"We will see,\" he said.",
    "Shares rose 3.5 percent to $12.40 on the New York Stock Exchange. The firm, whose site is www.example.com, can be reached at press@example.com. Analysts had expected a loss... They were wrong.",
    "The Russian economy grew in 2021.In late 2021 the central bank raised rates. Officials in Moscow said the U.K. and the E.U. would respond (the details were not given.) Talks resume on Feb. 3.",
];

fn news_paragraphs() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/articles.jsonl"
    );
    let mut paragraphs = Vec::new();
    let mut total = 0;
    if let Ok(text) = std::fs::read_to_string(path) {
        'lines: for line in text.lines() {
            let Ok(article) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            for p in article["paragraphs"].as_array().into_iter().flatten() {
                if let Some(p) = p.as_str() {
                    total += p.len();
                    paragraphs.push(p.to_owned());
                    if total >= TARGET_BYTES {
                        break 'lines;
                    }
                }
            }
        }
    }
    if paragraphs.is_empty() {
        eprintln!("note: {path} not found, benchmarking built-in paragraphs");
        while total < TARGET_BYTES {
            for p in BUILT_IN {
                total += p.len();
                paragraphs.push((*p).to_owned());
            }
        }
    }
    paragraphs
}

fn bench_split(c: &mut Criterion) {
    let paragraphs = news_paragraphs();
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("split_news", |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &paragraphs {
                n += newsdedup::sentences::split(black_box(p)).len();
            }
            black_box(n)
        })
    });
    // The same text with rules of another language (their tables looked
    // up at every full stop), and the cases of other languages written for
    // the tests, each split by its own language's rules.
    let de = newsdedup::lang::Lang::parse("de");
    group.bench_function("split_news_with_de_rules", |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &paragraphs {
                n += newsdedup::sentences::split_in(black_box(p), de).len();
            }
            black_box(n)
        })
    });
    group.finish();
    let cases = multilingual_cases();
    let bytes: usize = cases.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("sentences_multilingual");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("split_in", |b| {
        b.iter(|| {
            let mut n = 0;
            for (lang, text) in &cases {
                n += newsdedup::sentences::split_in(black_box(text), *lang).len();
            }
            black_box(n)
        })
    });
    group.finish();
}

/// The multilingual test cases, repeated to about 1 MB.
fn multilingual_cases() -> Vec<(Option<newsdedup::lang::Lang>, String)> {
    let one: Vec<_> = include_str!("../tests/data/sentences_multilingual.jsonl")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let lang = newsdedup::lang::Lang::parse(v["lang"].as_str().unwrap());
            (lang, v["text"].as_str().unwrap().to_owned())
        })
        .collect();
    let size: usize = one.iter().map(|(_, t)| t.len()).sum();
    one.iter()
        .cycle()
        .take(one.len() * (1 << 20) / size)
        .cloned()
        .collect()
}

criterion_group!(benches, bench_split);
criterion_main!(benches);
