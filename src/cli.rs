//! Command-line arguments: clap types only, no behaviour.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Rebuild clean news articles from scraped files whose paragraphs were
/// written many times over.
#[derive(Debug, Parser)]
#[command(name = "newsdedup", version, about, long_about = None)]
#[command(after_help = "\
Examples:
  newsdedup scraped.txt                 clean one file to stdout
  newsdedup --format json < scraped.txt one JSON object on stdout

Exit status: 0 ok, 2 error (bad input, unreadable file).")]
pub struct Cli {
    /// The scraped file to clean; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// The input holds body text only: no title, date and URL lines.
    #[arg(long)]
    pub no_header: bool,

    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,

    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = newsdedup::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The scraped layout: title, date, URL, then one paragraph per line.
    Text,
    /// One JSON object: title, ISO date, url, paragraphs, sentences, stats.
    Json,
}
