//! The totals of a batch and the JSON `--report`.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::FileReport;

/// Totals over a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files reported, errors included.
    pub files: u64,
    /// Files whose bytes differ from their cleaned text.
    pub changed: u64,
    /// Files already clean.
    pub unchanged: u64,
    /// Files that could not be cleaned or written.
    pub errors: u64,
    /// Bytes read from the files cleaned.
    pub input_bytes: u64,
    /// Bytes of their cleaned text.
    pub output_bytes: u64,
    /// Bytes removed, summed per file (see `newsdedup::Stats::removed_bytes`).
    pub removed_bytes: u64,
}

impl Summary {
    /// Counts one more report.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        match &report.outcome {
            Ok(c) => {
                if c.changed {
                    self.changed += 1;
                } else {
                    self.unchanged += 1;
                }
                self.input_bytes += c.stats.input_bytes;
                self.output_bytes += c.stats.output_bytes;
                self.removed_bytes += c.stats.removed_bytes;
            }
            Err(_) => self.errors += 1,
        }
    }
}

#[derive(Serialize)]
struct ReportView<'a> {
    mode: &'a str,
    summary: &'a Summary,
    files: Vec<RowView<'a>>,
}

#[derive(Serialize)]
struct RowView<'a> {
    path: std::borrow::Cow<'a, str>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    input_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    output_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    removed_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraphs: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<std::borrow::Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Writes a batch report as one JSON object: `mode`, the `summary` and a
/// row per file in `files`, in the order given. A row has `path`, `status`
/// (`changed`, `unchanged` or `error`), then either the sizes, `paragraphs`
/// and `written` (when a file was written), or the `error` and its `line`.
pub fn write_report<W: Write>(
    mut w: W,
    mode: &str,
    summary: &Summary,
    reports: &[FileReport],
) -> io::Result<()> {
    let files = reports
        .iter()
        .map(|r| {
            let path = r.path.to_string_lossy();
            match &r.outcome {
                Ok(c) => RowView {
                    path,
                    status: if c.changed { "changed" } else { "unchanged" },
                    input_bytes: Some(c.stats.input_bytes),
                    output_bytes: Some(c.stats.output_bytes),
                    removed_bytes: Some(c.stats.removed_bytes),
                    paragraphs: Some(c.stats.paragraphs),
                    written: c.written.as_deref().map(Path::to_string_lossy),
                    line: None,
                    error: None,
                },
                Err(e) => RowView {
                    path,
                    status: "error",
                    input_bytes: None,
                    output_bytes: None,
                    removed_bytes: None,
                    paragraphs: None,
                    written: None,
                    line: e.line(),
                    error: Some(e.to_string()),
                },
            }
        })
        .collect();
    let view = ReportView {
        mode,
        summary,
        files,
    };
    serde_json::to_writer_pretty(&mut w, &view)?;
    w.write_all(b"\n")
}
