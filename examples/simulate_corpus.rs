//! Builds a scraped-style evaluation corpus from clean articles, in the
//! layout `score.py` reads: `OUT/<pattern>/<id>.txt` plus `OUT/truth.jsonl`.
//!
//! ```text
//! cargo run --release --example simulate_corpus -- ../shared/corpus/articles.jsonl /tmp/sim [SEED] [EVERY]
//! python3 ../shared/tools/score.py /tmp/sim -- target/release/newsdedup
//! ```
//! Every pattern is applied to every `EVERY`-th article (default 1), each
//! with its own random variant (separators, CRLF, blanks, NBSP, credits).

use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use newsdedup_simulate::{scrape, Pattern, Source, Variant};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let input = args
        .first()
        .context("usage: simulate_corpus ARTICLES.jsonl OUT [SEED] [EVERY]")?;
    let out = PathBuf::from(args.get(1).context("missing OUT directory")?);
    let seed: u64 = args.get(2).map_or(Ok(1), |s| s.parse())?;
    let every: usize = args.get(3).map_or(Ok(1), |s| s.parse())?;
    let mut truth = BufWriter::new(fs::File::create({
        fs::create_dir_all(&out)?;
        out.join("truth.jsonl")
    })?);
    let mut files = 0;
    for (i, line) in BufReader::new(fs::File::open(input)?).lines().enumerate() {
        if i % every.max(1) != 0 {
            continue;
        }
        let a: serde_json::Value = serde_json::from_str(&line?)?;
        let text = |k: &str| a[k].as_str().unwrap_or_default().to_string();
        let paragraphs: Vec<String> = a["paragraphs"]
            .as_array()
            .context("no paragraphs")?
            .iter()
            .filter_map(|p| p.as_str())
            .map(newsdedup::dedup::normalize)
            .filter(|p| !p.is_empty())
            .collect();
        let (id, title, date, url) = (text("id"), text("title"), text("date"), text("url"));
        let source = Source {
            title: &title,
            date: &date,
            url: &url,
            paragraphs: &paragraphs,
        };
        for (k, pattern) in Pattern::ALL.iter().enumerate() {
            let s = seed ^ ((i as u64) << 8) ^ k as u64;
            let variant = Variant::random(s);
            let scraped = scrape(&source, *pattern, &variant, s);
            let rel = format!("{pattern}/{id}.txt");
            fs::create_dir_all(out.join(pattern.to_string()))?;
            fs::write(out.join(&rel), &scraped.text)?;
            let row = serde_json::json!({
                "file": rel, "family": pattern.to_string(), "title": title, "date": date,
                "url": url, "paragraphs": scraped.paragraphs, "variant": format!("{variant:?}"),
            });
            writeln!(truth, "{row}")?;
            files += 1;
        }
    }
    truth.flush()?;
    eprintln!("wrote {files} files to {}", out.display());
    Ok(())
}
