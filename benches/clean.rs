//! In-process throughput of the cleaner, one thread, in MB/s of scraped
//! input (`Throughput::Bytes`): text output, JSON output with sentences, and
//! the two 8x scaling pairs (a longer cascade, more distinct lines), each
//! beside a baseline on the same text (reading it; a line set).
//!
//! ```text
//! cargo bench --bench clean
//! ```
//! Scraped files are made by `newsdedup_simulate` (crates/simulate) from
//! `../shared/corpus/articles.jsonl` when present, else from synthetic
//! articles, every pattern with random variants.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsdedup::{clean, writer, Options};
use newsdedup_simulate::{scrape, synthetic_paragraphs, Pattern, Source, Variant};

fn articles() -> Vec<Vec<String>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/articles.jsonl"
    );
    let from_corpus: Vec<Vec<String>> = std::fs::read_to_string(path)
        .map(|text| {
            text.lines()
                .take(1200)
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|a| {
                    let ps: Vec<String> = a["paragraphs"]
                        .as_array()?
                        .iter()
                        .filter_map(|p| p.as_str())
                        .map(newsdedup::dedup::normalize)
                        .collect();
                    (ps.len() >= 3).then_some(ps)
                })
                .collect()
        })
        .unwrap_or_default();
    if from_corpus.is_empty() {
        (0..1000)
            .map(|i| synthetic_paragraphs(i, 3 + i as usize % 10))
            .collect()
    } else {
        from_corpus
    }
}

fn scraped(articles: &[Vec<String>]) -> Vec<String> {
    articles
        .iter()
        .enumerate()
        .map(|(i, paragraphs)| {
            let source = Source {
                title: "Title",
                date: "20220122",
                url: "https://example.com/a",
                paragraphs,
            };
            let seed = i as u64;
            scrape(
                &source,
                Pattern::ALL[i % Pattern::ALL.len()],
                &Variant::random(seed),
                seed,
            )
            .text
        })
        .collect()
}

fn bench_corpus(c: &mut Criterion) {
    let files = scraped(&articles());
    let bytes: usize = files.iter().map(String::len).sum();
    let opts = Options::default();
    let mut g = c.benchmark_group("clean");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("text", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| writer::to_text(&clean(f.as_bytes(), &opts).unwrap()).len())
                .sum::<usize>()
        })
    });
    g.bench_function("json_with_sentences", |b| {
        let mut out = Vec::with_capacity(bytes);
        b.iter(|| {
            out.clear();
            for f in &files {
                writer::write_json(&clean(f.as_bytes(), &opts).unwrap(), None, &mut out).unwrap();
            }
            out.len()
        })
    });
    // Side by side with the one above: the language given (`--lang en`)
    // instead of detected per article, so the difference is the detection.
    let given = Options {
        lang: Some(newsdedup::lang::Lang::EN),
        ..Options::default()
    };
    g.bench_function("json_lang_given", |b| {
        let mut out = Vec::with_capacity(bytes);
        b.iter(|| {
            out.clear();
            for f in &files {
                writer::write_json(&clean(f.as_bytes(), &given).unwrap(), None, &mut out).unwrap();
            }
            out.len()
        })
    });
    g.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let pool: Vec<String> = articles().into_iter().flatten().collect();
    let opts = Options::default();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    // 300 and 849 paragraphs: 849 = 300 * sqrt(8), so 8x the bytes.
    for n in [300, 849] {
        let paragraphs: Vec<String> = pool.iter().take(n).cloned().collect();
        let source = Source {
            title: "T",
            date: "20220122",
            url: "https://e.com/",
            paragraphs: &paragraphs,
        };
        let text = scrape(&source, Pattern::SuffixShuffled, &Variant::default(), 1).text;
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("cascade_paragraphs", n), &text, |b, t| {
            b.iter(|| clean(t.as_bytes(), &opts).unwrap().paragraphs.len())
        });
        g.bench_with_input(
            BenchmarkId::new("cascade_baseline_read", n),
            &text,
            |b, t| b.iter(|| read_baseline(t)),
        );
    }
    for n in [12_500, 100_000] {
        let mut text = String::from("T\n20220122\nhttps://e.com/\n");
        for i in 0..n {
            text.push_str(&format!("{} ({i})\n", pool[i % pool.len()]));
        }
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("distinct_lines", n), &text, |b, t| {
            b.iter(|| clean(t.as_bytes(), &opts).unwrap().paragraphs.len())
        });
        // The cheapest linear work on the same text, for scale: past the
        // CPU caches even this costs more than 8x for 8x the bytes.
        g.bench_with_input(BenchmarkId::new("baseline_line_set", n), &text, |b, t| {
            b.iter(|| line_set_baseline(t))
        });
    }
    g.finish();
}

/// The least any cleaner must do with a scraped file: check it is UTF-8 and
/// find its lines. Past the CPU caches even this costs more than 8x for 8x
/// the bytes.
fn read_baseline(text: &str) -> usize {
    let valid = std::str::from_utf8(text.as_bytes()).map_or(0, str::len);
    valid + memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// What `awk '!seen[$0]++'` does, plus a whitespace-free copy of the text:
/// a hash set of the lines, each new one copied out.
fn line_set_baseline(text: &str) -> usize {
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<String> = Vec::new();
    let mut squeezed: Vec<u8> = Vec::with_capacity(text.len());
    for line in text.lines() {
        squeezed.extend(line.bytes().filter(|&b| b != b' '));
        if seen.insert(line) {
            kept.push(line.to_string());
        }
    }
    kept.len() + squeezed.len()
}

criterion_group!(benches, bench_corpus, bench_scaling);
criterion_main!(benches);
