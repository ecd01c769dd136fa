//! Command-line arguments: clap types only, no behaviour.

use std::path::PathBuf;

use clap::builder::RangedU64ValueParser;
use clap::{Parser, ValueEnum};

/// Rebuild clean news articles from scraped files whose paragraphs were
/// written many times over.
///
/// Give one file (or nothing, or `-`, for standard input) to print its
/// cleaned text; give files and directories to clean a whole corpus with
/// --out-dir, --in-place, --check or --format jsonl. Directories are walked
/// recursively for files matching --glob, skipping hidden ones. With
/// --input-format jsonl, it is a streaming filter for pipelines (GNU
/// parallel, Spark `pipe`, Hadoop streaming): one JSON record in per line,
/// one cleaned record out per line, in order.
#[derive(Debug, Parser)]
#[command(name = "newsdedup", version, about, long_about)]
#[command(group = clap::ArgGroup::new("copies").args(["duplicates", "unique"]).multiple(true))]
#[command(after_help = "\
Examples:
  newsdedup scraped.txt                    clean one file to stdout
  newsdedup corpus/ -o clean/              clean a directory into clean/
  newsdedup --check corpus/                list files that would change (CI)
  newsdedup --input-format jsonl --format jsonl < in.jsonl > out.jsonl

More examples and the exit status: newsdedup --help")]
#[command(after_long_help = "\
Examples:
  newsdedup scraped.txt                    clean one file to stdout
  curl -s URL | newsdedup > clean.txt      clean standard input
  newsdedup --format json scraped.txt      one JSON object
  newsdedup corpus/ -o clean/              clean a directory into clean/, same layout
  newsdedup -i corpus/                     rewrite the files that change, in place
  newsdedup --check corpus/                list files that would change (CI)
  newsdedup --diff corpus/                 show what would change
  newsdedup --explain scraped.txt          show what became of each body line
  newsdedup --header url,title,date scraped.txt
                                           header lines in another order
  newsdedup --format jsonl corpus/ > all.jsonl

Copies of one story across a corpus:
  newsdedup --duplicates corpus/           one JSON line per group of copies
  newsdedup --duplicates --check corpus/   exit 1 if any story is there twice
  newsdedup --unique -o unique/ corpus/    one cleaned file per story
  newsdedup --unique --input-format jsonl --format jsonl < in.jsonl > out.jsonl

JSON Lines filter (records {\"title\", \"date\", \"url\", \"text\", ...}):
  newsdedup --input-format jsonl --format jsonl < in.jsonl > out.jsonl
  parallel --pipe -N 1000 --block 20M -k \\
    newsdedup --input-format jsonl --format jsonl < in.jsonl > out.jsonl
  rdd.pipe(\"newsdedup --input-format jsonl --format jsonl\",   (Spark)
           env={\"PATH\": os.environ[\"PATH\"]})
  Other fields (\"id\", ...) are carried through unchanged; a bad record is
  reported as PATH:LINE (id ID) on stderr and skipped, and the run exits 2 at
  the end. One newsdedup already uses every core: parallel and Spark pay off
  across machines (examples/ in the source has each recipe as a script).

Install the man page and completions:
  mkdir -p /usr/local/share/man/man1
  newsdedup --generate man > /usr/local/share/man/man1/newsdedup.1
  mkdir -p /etc/bash_completion.d
  newsdedup --generate complete-bash > /etc/bash_completion.d/newsdedup

Exit status:
  0  success; with --check or --diff, every file is already clean
  1  --check or --diff found files that would change; --duplicates --check
     found copies
  2  error: bad input, unreadable or unwritable file, bad arguments
     (an error outranks 1; the other files, or records, are still processed)")]
pub struct Cli {
    /// Files and directories to clean; `-` or nothing reads standard input.
    /// Directories are walked for files matching --glob.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format on stdout. jsonl: one JSON object per file, with its
    /// "path", ordered by path; with --input-format jsonl, one cleaned
    /// record per input record, its other fields carried, in input order
    /// (no "path"; json is the same there). With --duplicates: the groups
    /// as JSON Lines (the default), or text for people.
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,

    /// What the inputs hold. jsonl: one JSON record per line, {"title",
    /// "date" (e.g. 20220122), "url", "text"} plus any fields to carry through;
    /// PATHs are then JSONL files, read one after another.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,

    /// Write each cleaned file under DIR, mirroring its path relative to the
    /// directory argument it was found in (a file argument lands at
    /// DIR/NAME), with the input's permissions less the umask, as cp does.
    /// DIR is never walked.
    #[arg(short, long, value_name = "DIR", conflicts_with_all = ["in_place", "check", "diff"])]
    pub out_dir: Option<PathBuf>,

    /// Rewrite each file whose cleaned text differs, atomically, keeping its
    /// mode, and its owner, group and extended attributes (ACLs) as far as
    /// the user may set them; files already clean are not touched. The file
    /// is replaced by a new one, so a hard link to it keeps the old text.
    #[arg(short, long, conflicts_with_all = ["check", "diff"])]
    pub in_place: bool,

    /// Write nothing: print the path of each file that would change, sorted,
    /// and exit 1 if there is any.
    #[arg(long)]
    pub check: bool,

    /// Like --check, but print a unified diff of each file that would change.
    #[arg(long)]
    pub diff: bool,

    /// Print what became of each body line of one input instead of the
    /// cleaned text: its line number, its fate (kept as paragraphs N-M, copy
    /// of paragraphs N-M, fragment of paragraph N, truncated copy of
    /// paragraph N, `decoded` if HTML references were decoded in it) and the
    /// start of its text, then a summary. `not found` means text was lost: a
    /// bug, please report the file. With --format json, one JSON object.
    #[arg(long, conflicts_with_all = ["out_dir", "in_place", "check", "diff", "report"])]
    pub explain: bool,

    /// Only clean files matching GLOB (gitignore syntax; `!GLOB` excludes)
    /// when walking directories; repeatable. Files named as arguments are
    /// always cleaned.
    #[arg(short, long = "glob", value_name = "GLOB", default_value = crate::batch::DEFAULT_GLOB)]
    pub globs: Vec<String>,

    /// Follow symbolic links when walking directories (loops are reported,
    /// not followed).
    #[arg(short = 'L', long)]
    pub follow: bool,

    /// Clean N files (with --input-format jsonl, N records) at a time
    /// [default: one per core].
    #[arg(short, long, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..))]
    pub jobs: Option<usize>,

    /// No progress bar and no summary on stderr; errors are still shown.
    #[arg(short, long)]
    pub quiet: bool,

    /// Also write the summary as JSON to FILE, with a row per file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// The input holds body text only: no title, date and URL lines.
    #[arg(long)]
    pub no_header: bool,

    /// The header lines the input starts with, in order: title, date and
    /// url, comma-separated, each at most once [default: title,date,url]
    ///
    /// For example url,title,date, or title,url for files without a date. A
    /// field left out is absent: null in JSON, no line in text, which
    /// writes the header back in this order. Errors name a field's line in
    /// this layout. Text input only (JSON Lines records name their fields).
    #[arg(long, value_name = "FIELDS", value_parser = parse_header, conflicts_with = "no_header")]
    pub header: Option<newsdedup::HeaderLayout>,

    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,

    /// Leave HTML character references (&amp;, &quot;, &#39;) as written;
    /// by default they are decoded in the title and the body.
    #[arg(long)]
    pub keep_entities: bool,

    /// The articles' language (ISO 639-1, e.g. de), for the JSON "lang"
    /// field and the sentence rules, instead of detecting it per article. A
    /// JSONL record's own "lang" field still wins
    #[arg(long, value_name = "CODE", value_parser = parse_lang)]
    pub lang: Option<newsdedup::lang::Lang>,

    /// Refuse inputs (with --input-format jsonl, lines) larger than this
    /// many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = newsdedup::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,

    /// Group the articles that are copies of one another: one JSON line per
    /// group on stdout ({"keep", "copies"}); with --check, exit 1 if there
    /// is any. Copies: at least half of the shorter is the same story text,
    /// ignoring case, punctuation, spacing and text many articles share.
    #[arg(long, conflicts_with_all = ["in_place", "diff"])]
    pub duplicates: bool,

    /// Write only one article of each story: the kept one of each group of
    /// copies, and every article that has none. Files: with -o DIR or
    /// --format jsonl. Records (--input-format jsonl): a stream, each record
    /// checked against those before it, the first occurrence kept, in input
    /// order. Implies --duplicates; --report lists what was dropped and why.
    #[arg(long, conflicts_with_all = ["in_place", "diff", "check"])]
    pub unique: bool,

    /// With --unique over records: the most memory, in MiB, the stream may
    /// use to remember the articles it kept (about 12 bytes a word of their
    /// text). Past it the oldest are forgotten, and a later copy of one of
    /// them is written again. Default 1024.
    #[arg(long, value_name = "MIB", requires = "unique", value_parser = clap::value_parser!(u64).range(1..=1 << 30))]
    pub memory: Option<u64>,

    /// With --format jsonl: add each article's "signature", the keys under
    /// which an engine that groups by key (Spark) finds its candidate
    /// copies, and its "words", "text_hash" and "shingles", with which it
    /// groups them as --duplicates does; see examples/spark_duplicates.py.
    #[arg(long, conflicts_with_all = ["duplicates", "unique", "out_dir", "in_place", "check", "diff"])]
    pub signature: bool,

    /// With --duplicates: the least share of the shorter article that must
    /// be the same story text, from 0 to 1.
    #[arg(long, value_name = "SHARE", default_value_t = 0.5, requires = "copies")]
    pub threshold: f64,

    /// With --duplicates: which article of each group to keep.
    #[arg(long, value_enum, value_name = "WHICH", default_value_t = Keep::Complete, requires = "copies")]
    pub keep: Keep,

    /// Print a man page or a shell completion script to stdout, and exit.
    #[arg(long, value_enum, value_name = "KIND", exclusive = true)]
    pub generate: Option<Generate>,
}

fn parse_header(fields: &str) -> Result<newsdedup::HeaderLayout, String> {
    fields
        .parse()
        .map_err(|e: newsdedup::HeaderLayoutError| format!("{e} (hint: {})", e.hint()))
}

fn parse_lang(code: &str) -> Result<newsdedup::lang::Lang, String> {
    newsdedup::lang::Lang::parse(code)
        .ok_or_else(|| format!("{code:?} is not a language code such as en, de or pt-BR"))
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The scraped layout: title, date, URL, then one paragraph per line.
    Text,
    /// One JSON object: title, ISO date, url, paragraphs, sentences, stats.
    Json,
    /// JSON Lines: one JSON object per file, with a leading "path" (per
    /// record with --input-format jsonl, its fields carried instead).
    Jsonl,
}

/// What the inputs hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Scraped files: title, date, URL, then the body.
    Text,
    /// JSON Lines: one record per line, cleaned as a stream.
    Jsonl,
}

/// Which article of a group `--duplicates` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Keep {
    /// The most complete text, then the earliest date, then the path.
    Complete,
    /// The longest cleaned text, then the earliest date, then the path.
    Longest,
    /// The earliest date, then the most complete text, then the path.
    Earliest,
    /// The first by path (or input order).
    First,
}

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// The man page, in roff (man 1 newsdedup).
    Man,
    /// Completions for bash.
    CompleteBash,
    /// Completions for zsh.
    CompleteZsh,
    /// Completions for fish.
    CompleteFish,
}
