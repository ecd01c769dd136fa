//! Writes the inputs `scripts/bench.sh` measures:
//!
//! - `OUT/corpus/<pattern>/<n>.txt`: scraped copies of clean articles, every
//!   pattern and random variants (10,000 files by default);
//! - `OUT/cascade-300.txt`, `OUT/cascade-849.txt`: one suffix cascade with
//!   300 and 849 paragraphs (849 = 300 * sqrt(8): 8x the bytes);
//! - `OUT/distinct-12500.txt`, `OUT/distinct-100000.txt`: 12,500 and 100,000
//!   distinct body lines.
//!
//! ```text
//! cargo run --release --example bench_corpus -- OUT [ARTICLES.jsonl] [FILES]
//! ```
//! Articles come from `ARTICLES.jsonl` when it is readable, otherwise from
//! `newsdedup_simulate::synthetic_paragraphs`.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use newsdedup_simulate::{scrape, synthetic_paragraphs, Pattern, Source, Variant};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = Path::new(
        args.first()
            .context("usage: bench_corpus OUT [ARTICLES.jsonl] [FILES]")?,
    );
    let files: usize = args.get(2).map_or(Ok(10_000), |s| s.parse())?;
    let articles = args
        .get(1)
        .and_then(|p| fs::read_to_string(p).ok())
        .map(|text| {
            text.lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .map(|a| {
                    a["paragraphs"]
                        .as_array()
                        .map(|ps| {
                            ps.iter()
                                .filter_map(|p| p.as_str())
                                .map(newsdedup::dedup::normalize)
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .filter(|ps: &Vec<String>| ps.len() >= 3)
                .collect::<Vec<_>>()
        })
        .filter(|a| !a.is_empty());
    let from_corpus = articles.is_some();
    let articles = articles.unwrap_or_else(|| {
        (0..500)
            .map(|i| synthetic_paragraphs(i, 3 + (i as usize % 10)))
            .collect()
    });
    eprintln!(
        "articles: {} ({})",
        articles.len(),
        if from_corpus {
            "from the corpus"
        } else {
            "synthetic"
        }
    );

    let header = |i: usize| {
        (
            format!("Article {i}"),
            "20220122".to_string(),
            format!("https://example.com/{i}.html"),
        )
    };
    for i in 0..files {
        let paragraphs = &articles[i % articles.len()];
        let (title, date, url) = header(i);
        let source = Source {
            title: &title,
            date: &date,
            url: &url,
            paragraphs,
        };
        let pattern = Pattern::ALL[i % Pattern::ALL.len()];
        let seed = i as u64;
        let s = scrape(&source, pattern, &Variant::random(seed), seed);
        let dir = out.join("corpus").join(pattern.to_string());
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(format!("{i:05}.txt")), s.text)?;
    }

    let pool: Vec<String> = articles.iter().flatten().cloned().collect();
    for n in [300, 849] {
        let paragraphs: Vec<String> = pool.iter().take(n).cloned().collect();
        let (title, date, url) = header(n);
        let source = Source {
            title: &title,
            date: &date,
            url: &url,
            paragraphs: &paragraphs,
        };
        let s = scrape(&source, Pattern::SuffixShuffled, &Variant::default(), 1);
        fs::write(out.join(format!("cascade-{n}.txt")), s.text)?;
    }
    for n in [12_500, 100_000] {
        let mut text = String::from("Distinct lines\n20220122\nhttps://example.com/distinct\n");
        for i in 0..n {
            text.push_str(&pool[i % pool.len()]);
            text.push_str(&format!(" ({i})\n"));
        }
        fs::write(out.join(format!("distinct-{n}.txt")), text)?;
    }
    eprintln!(
        "wrote {files} files and 4 scaling inputs to {}",
        out.display()
    );
    Ok(())
}
