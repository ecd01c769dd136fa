//! Writes a JSON Lines corpus with duplicates, at any size, for the scaling
//! measurements of `--duplicates` and `--unique` (`scripts/scale_dups.sh`).
//!
//! ```text
//! cargo run --release --example dups_corpus -- OUT.jsonl N [SEED]
//! ```
//!
//! Each of the `N` records (`{"id", "title", "date", "url", "text"}`) is a
//! new story (seven in ten) or a copy of one of the last 10,000 stories:
//! exact, trimmed to its first paragraphs, edited (one word in eight
//! replaced), or updated with a new paragraph; a third of all records end
//! with one of 50 site footers. Stories are 4 to 8 paragraphs of 25 to 60
//! words drawn from 20,000 made-up words with a Zipf-like skew, so common
//! phrases recur across unrelated stories as they do in news. A story is
//! regenerated from its seed, so memory stays flat for any `N`.
//! `OUT.jsonl.truth` gets `id story` per line.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use newsdedup_simulate::Rng;

const VOCAB: usize = 20_000;
const RECENT: u64 = 10_000;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: dups_corpus OUT.jsonl N [SEED]";
    let out = args.first().context(usage)?;
    let n: u64 = args.get(1).context(usage)?.parse()?;
    let seed: u64 = args.get(2).map_or(Ok(1), |s| s.parse())?;
    let vocab = vocabulary();
    let footers: Vec<String> = (0..50)
        .map(|i| {
            let mut rng = Rng::new(1_000_000 + i);
            paragraph(&mut rng, &vocab, 20)
        })
        .collect();
    let mut w = BufWriter::with_capacity(1 << 20, File::create(out)?);
    let mut truth = BufWriter::new(File::create(format!("{out}.truth"))?);
    let mut rng = Rng::new(seed);
    let mut stories = 0u64;
    for id in 0..n {
        let (story, copy) = if stories == 0 || rng.below(10) < 7 {
            stories += 1;
            (stories - 1, None)
        } else {
            let back = 1 + rng.below(stories.min(RECENT) as usize) as u64;
            (stories - back, Some(rng.below(4)))
        };
        let mut paragraphs = story_text(seed, story, &vocab);
        match copy {
            Some(1) => paragraphs.truncate(2 + rng.below(2)),
            Some(2) => {
                for p in &mut paragraphs {
                    *p = edit(p, &mut rng, &vocab);
                }
            }
            Some(3) => paragraphs.push(paragraph(&mut rng, &vocab, 40)),
            _ => {}
        }
        if rng.below(3) == 0 {
            paragraphs.push(footers[rng.below(footers.len())].clone());
        }
        let record = serde_json::json!({
            "id": id,
            "title": format!("Story {story} copy {id}"),
            "date": format!("2004{:02}{:02}", 1 + id % 12, 1 + id % 28),
            "url": format!("https://site{}.example/{id}", id % 50),
            "text": paragraphs.join("\n"),
        });
        serde_json::to_writer(&mut w, &record)?;
        w.write_all(b"\n")?;
        writeln!(truth, "{id} {story}")?;
    }
    w.flush()?;
    truth.flush()?;
    Ok(())
}

/// Made-up words of two to four syllables, distinct.
fn vocabulary() -> Vec<String> {
    const SYL: [&str; 24] = [
        "ka", "lo", "mi", "ne", "ru", "ta", "po", "si", "de", "gu", "ba", "fe", "ho", "ji", "vo",
        "za", "tri", "pla", "sen", "mor", "dal", "qui", "ber", "nox",
    ];
    let mut seen = std::collections::HashSet::new();
    let mut rng = Rng::new(7);
    let mut out = Vec::with_capacity(VOCAB);
    while out.len() < VOCAB {
        let n = 2 + rng.below(3);
        let w: String = (0..n).map(|_| SYL[rng.below(SYL.len())]).collect();
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// A word index with a Zipf-like skew: log-uniform over the vocabulary.
fn word(rng: &mut Rng) -> usize {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    ((VOCAB as f64).powf(u) as usize)
        .saturating_sub(1)
        .min(VOCAB - 1)
}

fn paragraph(rng: &mut Rng, vocab: &[String], words: usize) -> String {
    let mut p = String::with_capacity(words * 7);
    for i in 0..words {
        if i > 0 {
            p.push(' ');
        }
        let w = &vocab[word(rng)];
        if i == 0 {
            p.push_str(&w[..1].to_uppercase());
            p.push_str(&w[1..]);
        } else {
            p.push_str(w);
        }
    }
    p.push('.');
    p
}

/// Story `story`'s paragraphs, the same every time.
fn story_text(seed: u64, story: u64, vocab: &[String]) -> Vec<String> {
    let mut rng = Rng::new(seed.wrapping_mul(0x1000_0000_01b3) ^ story);
    let n = 4 + rng.below(5);
    (0..n)
        .map(|_| {
            let words = 25 + rng.below(36);
            paragraph(&mut rng, vocab, words)
        })
        .collect()
}

/// One word in eight replaced.
fn edit(p: &str, rng: &mut Rng, vocab: &[String]) -> String {
    p.split(' ')
        .map(|w| {
            if rng.below(8) == 0 {
                vocab[word(rng)].as_str()
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
