//! Fuzz target for the writers: whatever `clean` makes of any bytes, the
//! JSON output must parse and hold exactly the paragraphs of the text
//! output, its header the text output's first three lines (the date as
//! ISO 8601 of the line as written), and its
//! sentences each paragraph's text (no text lost by the splitter). Run with
//! `-timeout=`, so a slow input (the JSON path splits sentences and detects
//! the language) is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdedup::{clean, writer, Date, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, input)) = data.split_first() else {
        return;
    };
    let opts = Options {
        no_header: flags & 1 != 0,
        lossy: flags & 2 != 0,
        count_dropped: flags & 4 != 0,
        ..Options::default()
    };
    let Ok(article) = clean(input, &opts) else {
        return;
    };
    let text = String::from_utf8(writer::to_text(&article)).expect("text output is UTF-8");
    let mut json = Vec::new();
    let path = (flags & 8 != 0).then_some("some/path.txt");
    writer::write_json(&article, path, &mut json).expect("writing to a Vec");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON output parses");
    let mut lines: Vec<&str> = text.lines().collect();
    if !opts.no_header {
        let header: Vec<&str> = lines.drain(..3).collect();
        assert_eq!(value["title"].as_str(), Some(header[0]));
        assert_eq!(value["url"].as_str(), Some(header[2]));
        // Text keeps the date line as the scraper wrote it; JSON has it as
        // ISO 8601.
        let date = Date::parse(header[1]).expect("a date line that was read");
        assert_eq!(value["date"].as_str(), Some(date.to_string().as_str()));
    } else {
        assert!(value["title"].is_null());
    }
    let paragraphs: Vec<&str> = value["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| p.as_str().expect("a paragraph is a string"))
        .collect();
    assert_eq!(paragraphs, lines, "JSON and text paragraphs differ");
    let sentences = value["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), paragraphs.len());
    for (p, s) in paragraphs.iter().zip(sentences) {
        let joined: String = s
            .as_array()
            .expect("a list of sentences")
            .iter()
            .flat_map(|s| s.as_str().expect("a sentence").chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        let squeezed: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, squeezed, "sentences lose text of {p:?}");
    }
});
