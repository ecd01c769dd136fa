//! Throughput of `newsdedup::sentences::split` on news text.
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
    group.finish();
}

criterion_group!(benches, bench_split);
criterion_main!(benches);
