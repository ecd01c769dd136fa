//! Sentence splitting for JSON output.
//!
//! Only the JSON writers need sentences, so the cleaner never calls this on
//! its hot path: it runs after dedup, once per kept paragraph.

use unicode_segmentation::UnicodeSegmentation;

/// Splits one paragraph into sentences, each trimmed, none empty.
pub fn split(paragraph: &str) -> Vec<&str> {
    paragraph
        .split_sentence_bounds()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("Hello World. My name is Jonas."),
            vec!["Hello World.", "My name is Jonas."]
        );
    }
}
