//! Articles for the tests of `--duplicates` and `--unique`: stories made
//! of words from one shared vocabulary, written as clean files or as the
//! scraper bug writes them.

/// A deterministic sentence generator: words drawn from one shared
/// vocabulary, so that different stories share words but hardly ever four
/// in a row, as different news stories do.
pub struct Words(pub u64);

impl Words {
    pub fn next(&mut self) -> &'static str {
        const VOCAB: &[&str] = &[
            "the",
            "bank",
            "said",
            "prices",
            "rose",
            "in",
            "a",
            "of",
            "market",
            "government",
            "minister",
            "on",
            "for",
            "year",
            "company",
            "shares",
            "new",
            "after",
            "week",
            "rate",
            "by",
            "to",
            "with",
            "growth",
            "plan",
            "report",
            "police",
            "city",
            "officials",
            "deal",
            "talks",
            "team",
            "match",
            "first",
            "last",
            "month",
            "sales",
            "oil",
            "workers",
            "union",
            "court",
            "judge",
            "election",
            "party",
            "leader",
            "vote",
            "council",
            "school",
            "health",
            "hospital",
            "energy",
            "power",
            "firm",
            "profit",
            "loss",
            "quarter",
            "economy",
            "trade",
            "export",
            "import",
            "budget",
            "tax",
            "housing",
            "mortgage",
            "lender",
            "survey",
            "data",
            "figures",
            "showed",
            "analysts",
            "expected",
            "higher",
            "lower",
            "than",
            "since",
            "its",
        ];
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        VOCAB[(self.0 >> 33) as usize % VOCAB.len()]
    }

    pub fn paragraph(&mut self, words: usize) -> String {
        let mut p: Vec<&str> = (0..words).map(|_| self.next()).collect();
        p[0] = "Then";
        format!("{}.", p.join(" "))
    }
}

/// A story of `n` paragraphs of 30 words, the same for the same seed.
pub fn story(seed: u64, n: usize) -> Vec<String> {
    let mut w = Words(seed);
    (0..n).map(|_| w.paragraph(30)).collect()
}

/// A clean article file: header, then one paragraph per line.
pub fn file(title: &str, date: &str, paragraphs: &[String]) -> String {
    format!(
        "{title}\n{date}\nhttps://example.com/{}\n{}\n",
        title.replace(' ', "-"),
        paragraphs.join("\n")
    )
}

/// The scraper bug: each paragraph followed by every paragraph after it.
pub fn cascade(title: &str, date: &str, paragraphs: &[String]) -> String {
    let mut out = format!("{title}\n{date}\nhttps://rescrape.example/{title}\n");
    for start in 0..paragraphs.len() {
        out.push_str(&paragraphs[start..].concat());
        out.push('\n');
    }
    out
}
