//! Sentence splitting for JSON output.
//!
//! The JSON writers list each paragraph's sentences. Plain Unicode sentence
//! boundaries (UAX #29, as `unicode-segmentation` gives them) are wrong
//! several times per news article: they break after every "Mr." and
//! "U.S.", inside "J. R. Ewing" and "Jan. 10", and they keep scraped text
//! such as "Moscow.In late 2021" glued together. This module keeps the
//! UAX #29 rules that work (a full stop followed by a lower-case word does
//! not end a sentence; closing quotes and brackets stay with the sentence
//! they close; CJK and other scripts' full stops always end one) and adds
//! what news text needs: tables of abbreviations, initials, numbered lists,
//! ellipses, and quotations followed by their attribution.
//!
//! It is one forward scan over the paragraph. Every decision looks at a
//! bounded window around a terminator (the word before it, the word or two
//! after it), so the cost is linear in the input and nothing is allocated
//! but the result.
//!
//! Only the JSON writers need sentences, so the cleaner never calls this on
//! its hot path: it runs after dedup, once per kept paragraph.

/// Splits one paragraph into sentences, each trimmed, none empty.
///
/// The sentences are slices of `paragraph`, in order, and nothing but
/// whitespace lies between or around them: no text is lost or changed.
/// Any input is accepted, including empty, punctuation-only and very long
/// strings; the time taken is linear in the length.
///
/// ```
/// let s = newsdedup::sentences::split("At 5 a.m. Mr. Smith left the U.S. He came back.");
/// assert_eq!(s, ["At 5 a.m. Mr. Smith left the U.S.", "He came back."]);
/// ```
pub fn split(paragraph: &str) -> Vec<&str> {
    let mut scanner = Scanner::new(paragraph);
    scanner.scan();
    scanner.finish()
}

/// What the word before a single full stop is, as far as ending a sentence
/// goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An ordinary word: the full stop ends the sentence.
    Plain,
    /// Starts with a digit ("2005", "$100.00", "3.5%").
    Number,
    /// Stands before a name and never ends a sentence ("Mr.", "Gen.").
    Prefix,
    /// Stands before a number ("No. 10", "p. 55", "Jan. 10").
    NumberPrefix,
    /// Often ends a sentence, often not ("U.S.", "Jr.", "St."): only a
    /// word that typically opens a sentence settles it.
    Ambiguous,
    /// Ends a noun phrase ("Co.", "Ltd.", "Calif."): as `Ambiguous`, but a
    /// capitalised word followed by a small one ("Ltd. Shareholders will")
    /// also means a new sentence, where after "U.S." it would not ("U.S.
    /// Government in Virginia").
    Trailing,
    /// "a.m." and "p.m.", which news style follows with days and zones.
    Time,
    /// A lone capital: an initial, or the pronoun "I".
    Initial,
    /// A lone small letter: an abbreviation ("z. B.", "т. е.") or a list
    /// label.
    LowerLetter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    /// "1. "
    Dot,
    /// "1.) "
    DotParen,
    /// "1) "
    Paren,
}

/// A list label such as "2." or "b)", remembered so that the next label
/// of the same list can start a new sentence even without a full stop
/// before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    value: u32,
    letter: bool,
    style: MarkerStyle,
}

/// A run of terminators: "." or "?!" or "..." or ". . ." or "。".
#[derive(Debug)]
struct Run {
    end: usize,
    /// Full stops, counting "…" as three.
    dots: u32,
    /// The dots are spaced out (". . .").
    spaced: bool,
    /// Holds a question or exclamation mark.
    strong: bool,
    /// Holds a CJK (or another script's) full stop, which always ends a
    /// sentence.
    hard: bool,
}

/// The closing quotes and brackets right after a run.
#[derive(Debug)]
struct Closers {
    end: usize,
    first: Option<char>,
    /// One of them is a quotation mark.
    quote: bool,
}

struct Scanner<'a> {
    text: &'a str,
    out: Vec<&'a str>,
    /// Start of the piece not yet pushed to `out`.
    piece_start: usize,
    /// Where the current sentence starts (the last cut).
    sent_start: usize,
    /// Start of the current whitespace-delimited token.
    tok_start: usize,
    /// The last whole token before the current one; empty at first.
    prev_tok: (usize, usize),
    /// Line feeds in the current whitespace run: a blank line ends a
    /// sentence, a single line feed (a soft wrap) does not.
    newlines: u32,
    marker: Option<Marker>,
    /// Straight double quotes since the sentence started: when odd, a
    /// quotation is open, so a `"` glued after a full stop closes it.
    straight_quotes: u32,
    /// Where an unclosed 《title》 opened.
    title_open: Option<usize>,
    /// `(start, end, is_url)` of the last token checked, so a long token
    /// with many dots is looked at once, not once per dot.
    url_cache: Option<(usize, usize, bool)>,
}

/// ASCII bytes the main loop must look at; all others are skipped.
const ASCII_SPECIAL: [bool; 128] = {
    let mut t = [false; 128];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b')' as usize] = true;
    t[b'"' as usize] = true;
    t[b' ' as usize] = true;
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0b] = true;
    t[0x0c] = true;
    t
};

/// How far the scanner looks back or ahead for one decision, in bytes.
/// Keeps every decision O(1), so the whole scan stays linear.
const WINDOW: usize = 48;

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            out: Vec::new(),
            piece_start: 0,
            sent_start: 0,
            tok_start: 0,
            prev_tok: (0, 0),
            newlines: 0,
            marker: None,
            straight_quotes: 0,
            title_open: None,
            url_cache: None,
        }
    }

    fn finish(mut self) -> Vec<&'a str> {
        self.push(self.text.len());
        self.out
    }

    fn scan(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if !ASCII_SPECIAL[b as usize] {
                    i += 1;
                    continue;
                }
                match b {
                    b'.' | b'?' | b'!' => i = self.terminator(i),
                    b')' => {
                        self.paren_marker(i);
                        i += 1;
                    }
                    b'"' => {
                        self.straight_quotes += 1;
                        i += 1;
                    }
                    _ => {
                        self.whitespace(i, b as char);
                        i += 1;
                    }
                }
            } else {
                // `i` is always a char boundary: it only moves by whole chars.
                let Some(c) = self.char_at(i) else { break };
                if c.is_whitespace() {
                    self.whitespace(i, c);
                    i += c.len_utf8();
                } else if is_terminator(c) {
                    i = self.terminator(i);
                } else {
                    match c {
                        '《' | '〈' => self.title_open = Some(i),
                        '》' | '〉' => self.title_open = None,
                        c if is_bullet(c) => self.bullet(i),
                        _ => {}
                    }
                    i += c.len_utf8();
                }
            }
        }
    }

    // ---- output -----------------------------------------------------------

    fn push(&mut self, end: usize) {
        if let Some(piece) = self.text.get(self.piece_start..end) {
            let piece = piece.trim();
            if !piece.is_empty() {
                self.out.push(piece);
            }
        }
    }

    /// Ends the current sentence just before byte `at`.
    fn cut(&mut self, at: usize) {
        if at <= self.piece_start || !self.text.is_char_boundary(at) {
            return;
        }
        self.push(at);
        self.piece_start = at;
        self.sent_start = at;
        self.straight_quotes = 0;
    }

    /// A cut with no whitespace at it ("Moscow.|In"): the text after it is
    /// a new token too.
    fn glued_cut(&mut self, at: usize) {
        self.cut(at);
        if self.tok_start < at {
            self.prev_tok = (self.tok_start, at);
            self.tok_start = at;
        }
    }

    // ---- events -----------------------------------------------------------

    fn whitespace(&mut self, i: usize, c: char) {
        if self.tok_start < i {
            self.prev_tok = (self.tok_start, i);
            self.newlines = 0;
        }
        self.tok_start = i + c.len_utf8();
        match c {
            '\n' => {
                self.newlines += 1;
                if self.newlines >= 2 {
                    self.cut(self.tok_start);
                }
            }
            '\u{2029}' => self.cut(self.tok_start),
            _ => {}
        }
    }

    /// A bullet opening a token in mid-sentence starts a new list item.
    fn bullet(&mut self, i: usize) {
        let (start, end) = self.prev_tok;
        if i == self.tok_start && end > start && start >= self.sent_start {
            self.cut(i);
        }
    }

    /// "1) " or "b) ": a list label without a full stop.
    fn paren_marker(&mut self, i: usize) {
        if !self.char_at(i + 1).is_some_and(char::is_whitespace) {
            return;
        }
        let start = self.skip_while(self.tok_start.min(i), i, is_bullet);
        self.list_marker(start, i, MarkerStyle::Paren);
    }

    /// Decides about the run of terminators at `i` and returns where the
    /// main loop goes on.
    fn terminator(&mut self, i: usize) -> usize {
        let run = self.run_at(i);
        let closers = self.closers_at(run.end);
        let k = closers.end.max(i + 1);
        // The main loop skips the closers, so count their quotes here.
        let quote_open = self.straight_quotes % 2 == 1;
        let closing_quotes = self.text[run.end..k].bytes().filter(|&b| b == b'"').count();
        self.straight_quotes += closing_quotes as u32;
        let next_pos = self.skip_while(k, self.text.len(), char::is_whitespace);
        let Some(next) = self.char_at(next_pos) else {
            return k;
        };
        let glued = next_pos == k;
        if (run.hard || run.strong) && self.inside_title(i, run.end) {
            // 《摔跤吧！爸爸》: a title, not the end of the sentence.
            return k;
        }
        if run.hard {
            // UAX #29: these stops end a sentence whatever follows, save a
            // comma-like mark or another stop; and "３．５" is a number.
            let decimal = glued
                && next.is_numeric()
                && self.char_at(i) == Some('．')
                && self.char_before(i).is_some_and(char::is_numeric);
            if is_continuation(next) || is_terminator(next) || decimal {
                return k;
            }
            // 「行きます。」と言った: the quote is part of the sentence.
            if glued && matches!(next, 'と' | 'っ') && matches!(closers.first, Some('」' | '』'))
            {
                return k;
            }
            if glued {
                self.glued_cut(k);
            } else {
                self.cut(next_pos);
            }
            return k;
        }
        // Leading quotes, brackets and bullets are not part of the word.
        let word_start = self.skip_while(self.tok_start.min(i), i, |c| {
            !c.is_alphanumeric() && !is_currency(c)
        });
        if glued {
            // `she said."We lost`: with no quotation open, the `"` opens
            // the next sentence.
            if self.glued_ends(i, &run, k, next, word_start) {
                if closing_quotes > 0 && !quote_open {
                    self.cut(run.end);
                    self.straight_quotes = closing_quotes as u32;
                } else {
                    self.glued_cut(k);
                }
            }
        } else {
            self.spaced(i, &run, &closers, next_pos, next, word_start);
        }
        if run.spaced {
            // The main loop skips the spaces inside ". . .": the last dot is
            // the current token.
            self.tok_start = self.tok_start.max(run.end - 1);
        }
        k
    }

    /// A run followed by whitespace, then `next` at `next_pos`.
    fn spaced(
        &mut self,
        i: usize,
        run: &Run,
        closers: &Closers,
        next_pos: usize,
        next: char,
        word_start: usize,
    ) {
        let single_dot = run.dots == 1 && !run.spaced && !run.strong;
        if single_dot {
            let style = match closers.first {
                None => Some(MarkerStyle::Dot),
                Some(')') if closers.end == run.end + 1 => Some(MarkerStyle::DotParen),
                _ => None,
            };
            if let Some(style) = style {
                if self.list_marker(word_start, i, style) {
                    return;
                }
            }
        }
        if is_continuation(next) || is_terminator(next) {
            return;
        }
        let word_pos = self.skip_while(next_pos, next_pos + 8, is_opener);
        let Some(first) = self.char_at(word_pos) else {
            return;
        };
        // A small letter next means the sentence goes on: "co. at noon",
        // "Yahoo! in", `"Is it true?" asked one reporter`; save a brand
        // after an ordinary word: "It costs $999. iPhone sales rose."
        if first.is_lowercase() && !(single_dot && self.brand_after_word(word_start, i, word_pos)) {
            return;
        }
        let ends = if run.strong {
            !(closers.quote && self.attribution_follows(next_pos))
        } else if run.spaced {
            let attached = self
                .char_before(i)
                .is_some_and(|c| !c.is_whitespace() && c != '.');
            if attached && run.dots >= 4 {
                // "compounds. . . . The": the sentence ends at its own full
                // stop and the ellipsis opens the next one.
                self.cut(i + 1);
                return;
            }
            match run.dots {
                3 => attached && first.is_uppercase(),
                _ => true,
            }
        } else {
            match run.dots {
                1 => self.period_ends(i, word_start, word_pos, first, closers.end > run.end),
                2 => true,
                3 => !self.bracketed(i, closers) && first.is_uppercase(),
                _ => !self.bracketed(i, closers) && (first.is_uppercase() || first.is_numeric()),
            }
        };
        if ends {
            self.cut(next_pos);
        }
    }

    /// Whether a run with no space after it ends the sentence: not in
    /// "3.5", "Node.js", "U.S.A.", but in "Moscow.In late 2021", where a
    /// scraper lost the space.
    fn glued_ends(&mut self, i: usize, run: &Run, k: usize, next: char, word_start: usize) -> bool {
        if run.spaced || run.dots == 2 {
            return false;
        }
        // `said.“The`: an opening quote may be glued to the new sentence.
        let (pos, c) = if is_opener(next) && next != '"' && next != '\'' {
            let pos = k + next.len_utf8();
            match self.char_at(pos) {
                Some(c) => (pos, c),
                None => return false,
            }
        } else {
            (k, next)
        };
        if c.is_uppercase() {
            let word = self.word_at(pos);
            if !self.opens_glued_sentence(word, pos) || self.token_is_url() {
                return false;
            }
            let left = &self.text[word_start..i];
            if run.strong {
                left.chars().next_back().is_some_and(char::is_alphabetic)
            } else if run.dots >= 3 {
                // "than Angels...I wonder", but not `"...That is`.
                self.char_before(i).is_some_and(|c| {
                    c.is_alphanumeric() || matches!(c, ')' | ']' | '”' | '’' | '»')
                })
            } else {
                match self.classify(left) {
                    Kind::Plain | Kind::Number | Kind::NumberPrefix => true,
                    Kind::Ambiguous | Kind::Trailing => is_starter(word),
                    Kind::Time => self.time_ends(word),
                    Kind::Prefix | Kind::Initial | Kind::LowerLetter => false,
                }
            }
        } else {
            // "中国.我们": scripts without case and without spaces.
            run.dots < 3
                && is_uncased_letter(c)
                && self.char_before(i).is_some_and(is_uncased_letter)
        }
    }

    /// Whether `word` (at `pos`, right after a glued terminator) looks like
    /// the first word of a sentence, "Moscow.In late 2021", rather than part
    /// of a name: "U.S.A.", "ASP.NET", "One.Tel,", "Halo.Bungie.Org".
    fn opens_glued_sentence(&self, word: &str, pos: usize) -> bool {
        let after = self.char_at(pos + word.len());
        if after == Some('.') {
            return false;
        }
        let mut chars = word.chars();
        chars.next();
        let second = chars.next();
        if second.is_some() && is_starter(word) {
            // "2021.However, the": a comma may follow.
            return true;
        }
        let shape = match second {
            Some(c) => c.is_lowercase(),
            None => is_starter(word),
        };
        shape && after.is_none_or(|a| a.is_whitespace() || a == '\'' || a == '’')
    }

    /// Whether a single full stop at `i` ends the sentence, the next word
    /// starting with `first` (not a small letter) at `word_pos`; `closed`
    /// if quotes or brackets close right after the stop.
    fn period_ends(
        &self,
        i: usize,
        word_start: usize,
        word_pos: usize,
        first: char,
        closed: bool,
    ) -> bool {
        let word = &self.text[word_start..i];
        let kind = match self.classify(word) {
            // `Prisoner Cell Block H." Labour`: no name goes on past a quote.
            Kind::Initial if closed => Kind::Plain,
            kind => kind,
        };
        if first.is_numeric() {
            // "No. 10", "p. 55", "Jan. 10", "U.S. 10-year notes".
            return matches!(kind, Kind::Plain | Kind::Number);
        }
        let next = self.word_at(word_pos);
        match kind {
            Kind::Plain | Kind::NumberPrefix => true,
            // German ordinals: "am 3. Oktober", "der 1. FC Köln".
            Kind::Number => !(word.len() <= 2 && is_ordinal_noun(next)),
            Kind::Prefix | Kind::LowerLetter => false,
            Kind::Ambiguous => is_starter(next),
            Kind::Trailing => is_starter(next) || self.capital_then_small(word_pos, next),
            Kind::Time => self.time_ends(next),
            Kind::Initial => {
                let another_initial =
                    next.chars().count() == 1 && self.char_at(word_pos + next.len()) == Some('.');
                if another_initial {
                    return false;
                }
                // "you and I. Did": the pronoun, after a small word.
                is_starter(next) || (word == "I" && self.prev_token_is_lowercase())
            }
        }
    }

    /// Whether the word at `pos` is written like "iPhone" or "eBay", and
    /// the word before the full stop at `i` is an ordinary one.
    fn brand_after_word(&self, word_start: usize, i: usize, pos: usize) -> bool {
        let mut chars = self.word_at(pos).chars();
        chars.next();
        chars.next().is_some_and(char::is_uppercase)
            && matches!(
                self.classify(&self.text[word_start..i]),
                Kind::Plain | Kind::Number
            )
    }

    /// Whether the terminator at `i`, its run ending at `end`, stands
    /// inside a 《title》 that closes soon after.
    fn inside_title(&mut self, i: usize, end: usize) -> bool {
        let Some(open) = self.title_open else {
            return false;
        };
        if i - open > 4 * WINDOW {
            self.title_open = None;
            return false;
        }
        let rest = self.text.get(end..).unwrap_or("");
        for (j, c) in rest.char_indices() {
            match c {
                '》' | '〉' => {
                    if j == 0 {
                        // The closer is about to be skipped with the run.
                        self.title_open = None;
                    }
                    return true;
                }
                '《' | '〈' | '\n' => return false,
                _ if j > WINDOW => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether the capitalised word `next` at `pos` stands alone, a word
    /// starting with a small letter after it: "Shareholders will".
    fn capital_then_small(&self, pos: usize, next: &str) -> bool {
        let after = pos + next.len();
        if !self.char_at(after).is_some_and(char::is_whitespace) {
            return false;
        }
        let following = self.skip_while(after, after + 8, char::is_whitespace);
        self.char_at(following).is_some_and(char::is_lowercase)
    }

    /// "6 P.M. Mr. Smith" ends a sentence, "At 5 a.m. Mr. Smith went" does
    /// not: a time that opens the sentence is a fronted adverbial.
    fn time_ends(&self, next: &str) -> bool {
        if is_time_follower(next) {
            return false;
        }
        let Some(head) = self.text.get(self.sent_start..self.tok_start) else {
            return true;
        };
        if head.len() > WINDOW {
            return true;
        }
        let mut words = head.split_whitespace();
        let first = words.next().map(|w| w.trim_start_matches(is_opener));
        let fronted = first.is_some_and(is_fronting_preposition) && words.count() <= 2;
        !fronted
    }

    /// `"Why?" Mr. Smith asked.`: one to three capitalised words and a
    /// verb of saying after a quoted question or exclamation.
    fn attribution_follows(&self, mut pos: usize) -> bool {
        let limit = pos + 2 * WINDOW;
        let mut names = 0;
        while pos < limit {
            let word = self.word_at(pos);
            let Some(first) = word.chars().next() else {
                return false;
            };
            if !first.is_uppercase() {
                // `"Why not?" He said: "We need winners."` is two sentences.
                let colon = self.char_at(pos + word.len()) == Some(':');
                return names > 0 && is_speech_verb(word) && !colon;
            }
            if is_starter(word) {
                return false;
            }
            names += 1;
            if names > 3 {
                return false;
            }
            pos = self.skip_while(pos, limit, |c| !c.is_whitespace());
            pos = self.skip_while(pos, limit, char::is_whitespace);
        }
        false
    }

    /// Handles a list label ("2." "b." "3)") ending at `end`; returns true
    /// if it is one, in which case its dot or bracket ends nothing.
    fn list_marker(&mut self, start: usize, end: usize, style: MarkerStyle) -> bool {
        let Some((value, letter)) = self.text.get(start..end).and_then(marker_value) else {
            return false;
        };
        let marker = Marker {
            value,
            letter,
            style,
        };
        if self.sentence_initial(start) {
            self.marker = Some(marker);
            return true;
        }
        let continues = self.marker.is_some_and(|m| {
            m.letter == letter && m.style == style && m.value.checked_add(1) == Some(value)
        });
        if continues {
            // "1. The first item 2. The second item": the next label of a
            // list starts a sentence of its own.
            self.cut(self.tok_start);
            self.marker = Some(marker);
        }
        continues
    }

    // ---- looking around ----------------------------------------------------

    fn run_at(&self, i: usize) -> Run {
        let bytes = self.text.as_bytes();
        let mut run = Run {
            end: i,
            dots: 0,
            spaced: false,
            strong: false,
            hard: false,
        };
        let mut j = i;
        while j < bytes.len() {
            match bytes[j] {
                b'.' => run.dots += 1,
                b'?' | b'!' => run.strong = true,
                // ". . .": a space between two dots belongs to the run.
                b' ' if j > i
                    && bytes[j - 1] == b'.'
                    && bytes.get(j + 1) == Some(&b'.')
                    && !run.strong =>
                {
                    run.spaced = true
                }
                b if b >= 0x80 => {
                    let Some(c) = self.char_at(j) else { break };
                    match c {
                        '…' => run.dots += 3,
                        '‼' | '⁇' | '⁈' | '⁉' | '‽' => run.strong = true,
                        c if is_hard_stop(c) => run.hard = true,
                        _ => break,
                    }
                    j += c.len_utf8();
                    continue;
                }
                _ => break,
            }
            j += 1;
        }
        run.end = j;
        run
    }

    fn closers_at(&self, mut k: usize) -> Closers {
        let mut closers = Closers {
            end: k,
            first: None,
            quote: false,
        };
        while let Some(c) = self.char_at(k) {
            let after = self.char_at(k + c.len_utf8());
            let (closer, len) = if is_closer(c) {
                // "Jr.'s", `said.“The`: an apostrophe or an opening quote.
                let may_open = matches!(c, '\'' | '’' | '‘' | '“' | '«');
                if may_open && after.is_some_and(char::is_alphanumeric) {
                    break;
                }
                (c, c.len_utf8())
            } else if let (true, Some(q @ ('»' | '›'))) = (c.is_whitespace(), after) {
                // French spacing: « Oui. »
                (q, c.len_utf8() + q.len_utf8())
            } else {
                break;
            };
            closers.first.get_or_insert(closer);
            closers.quote |= is_quote(closer);
            k += len;
        }
        closers.end = k;
        closers
    }

    /// "[...]" and "(…)" mark an omission, not an end.
    fn bracketed(&self, i: usize, closers: &Closers) -> bool {
        matches!(self.char_before(i), Some('[' | '(')) && matches!(closers.first, Some(']' | ')'))
    }

    /// Whether only bullets, openers and whitespace stand between the
    /// start of the sentence and `pos`.
    fn sentence_initial(&self, pos: usize) -> bool {
        match self.text.get(self.sent_start..pos) {
            Some(head) if head.len() <= 16 => head
                .chars()
                .all(|c| c.is_whitespace() || is_bullet(c) || is_opener(c)),
            _ => false,
        }
    }

    /// Whether the previous token's first letter (within a few chars) is a
    /// small one.
    fn prev_token_is_lowercase(&self) -> bool {
        self.text
            .get(self.prev_tok.0..self.prev_tok.1)
            .and_then(|t| t.chars().take(8).find(|c| c.is_alphabetic()))
            .is_some_and(char::is_lowercase)
    }

    /// The previous token if it is short, else "" (a long one matches no
    /// table, and looking at it all would cost more than O(1)).
    fn prev_token(&self) -> &str {
        let (start, end) = self.prev_tok;
        if end - start > WINDOW {
            return "";
        }
        self.text.get(start..end).unwrap_or("")
    }

    /// The current token holds a URL or an e-mail address.
    fn token_is_url(&mut self) -> bool {
        if let Some((start, end, is_url)) = self.url_cache {
            // A glued cut moves `tok_start` inside the token looked at last:
            // the answer still holds, and rescanning would be quadratic.
            if start <= self.tok_start && self.tok_start < end {
                return is_url;
            }
        }
        let rest = self.text.get(self.tok_start..).unwrap_or("");
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let tok = rest[..len].trim_start_matches(is_opener);
        let is_url = tok.contains('@')
            || tok.contains("://")
            || tok.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."));
        self.url_cache = Some((self.tok_start, self.tok_start + len, is_url));
        is_url
    }

    /// The letters from `pos` on, at most about 32 bytes of them.
    fn word_at(&self, pos: usize) -> &'a str {
        let Some(rest) = self.text.get(pos..) else {
            return "";
        };
        let mut end = 0;
        for (j, c) in rest.char_indices() {
            if !c.is_alphabetic() || j > 32 {
                break;
            }
            end = j + c.len_utf8();
        }
        &rest[..end]
    }

    /// The first byte at or after `from` (and before `limit`) whose char
    /// does not satisfy `pred`.
    fn skip_while(&self, from: usize, limit: usize, pred: impl Fn(char) -> bool) -> usize {
        let Some(rest) = self.text.get(from..) else {
            return from;
        };
        let mut pos = from;
        for c in rest.chars() {
            if pos >= limit || !pred(c) {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    // ---- words -------------------------------------------------------------

    fn classify(&self, word: &str) -> Kind {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return Kind::Plain;
        };
        if first.is_ascii_digit()
            || (is_currency(first) && chars.next().is_some_and(|c| c.is_ascii_digit()))
        {
            return Kind::Number;
        }
        if word.len() > 24 {
            return Kind::Plain;
        }
        if let Some(kind) = known_abbreviation(word) {
            return kind;
        }
        if first.len_utf8() == word.len() {
            return if first.is_uppercase() {
                Kind::Initial
            } else if first.is_lowercase() {
                self.lone_lowercase(first)
            } else {
                Kind::Plain
            };
        }
        if is_dotted_acronym(word) {
            return Kind::Ambiguous;
        }
        if word.ends_with("str") {
            // German street names before a house number: "Hauptstr. 5".
            return Kind::NumberPrefix;
        }
        Kind::Plain
    }

    fn lone_lowercase(&self, c: char) -> Kind {
        match c {
            // A unit after a number may end a sentence: "à 10 h.", and
            // Russian "в 2005 г." (year), where "г. Москва" (city) may not.
            _ if self.prev_token().bytes().any(|b| b.is_ascii_digit()) => Kind::Plain,
            // "и т. д." and "и т. п.": "etc.", often at the end.
            'д' | 'п' if self.prev_token() == "т." => Kind::Ambiguous,
            _ => Kind::LowerLetter,
        }
    }
}

// ---- character classes -------------------------------------------------------

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽') || is_hard_stop(c)
}

/// Full stops, question and exclamation marks of CJK and other scripts
/// (UAX #29 STerm and full-width ATerm): they end a sentence whatever
/// follows.
fn is_hard_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '｡'
            | '！'
            | '？'
            | '．'
            | '﹖'
            | '﹗'
            | '։'
            | '؟'
            | '۔'
            | '܀'
            | '܁'
            | '܂'
            | '߹'
            | '।'
            | '॥'
            | '၊'
            | '။'
            | '።'
            | '፧'
            | '፨'
            | '᙮'
            | '᠃'
            | '᠉'
            | '⸮'
            | '⸼'
            | '꓿'
            | '꘎'
            | '꘏'
            | '꛳'
            | '꛷'
            | '꡶'
            | '꡷'
            | '꣎'
            | '꣏'
            | '꤯'
            | '꧈'
            | '꧉'
            | '꩝'
            | '꩞'
            | '꩟'
            | '꫰'
            | '꫱'
            | '꯫'
    )
}

/// Marks after which a sentence goes on (UAX #29 SContinue).
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '-'
            | '–'
            | '—'
            | '―'
            | '،'
            | '؛'
            | '、'
            | '，'
            | '；'
            | '：'
            | '､'
            | '﹐'
            | '﹑'
            | '﹔'
            | '﹕'
            | '－'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '›'
            | '”'
            | '’'
            | '“'
            | '‘'
            | '«'
            | '」'
            | '』'
            | '）'
            | '］'
            | '｝'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '〗'
            | '〙'
            | '〛'
            | '＂'
            | '＇'
            | '〞'
            | '〟'
    )
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '»'
            | '›'
            | '”'
            | '’'
            | '“'
            | '‘'
            | '«'
            | '」'
            | '』'
            | '＂'
            | '＇'
            | '〞'
            | '〟'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '«'
            | '»'
            | '‹'
            | '“'
            | '”'
            | '‘'
            | '„'
            | '‚'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '［'
            | '【'
            | '〔'
            | '〈'
            | '《'
            | '〖'
    )
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₽')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '◦' | '▪' | '●' | '■' | '◆')
}

fn is_uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// "U.S", "J.R", "Ph.D": letters in groups of one or two, joined by dots.
fn is_dotted_acronym(word: &str) -> bool {
    let mut groups = 0;
    for group in word.split('.') {
        let n = group.chars().count();
        if n == 0 || n > 2 || !group.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// A list label: one or two digits, or one small ASCII letter.
fn marker_value(word: &str) -> Option<(u32, bool)> {
    match word.as_bytes() {
        [d @ b'0'..=b'9'] => Some((u32::from(d - b'0'), false)),
        [d @ b'0'..=b'9', e @ b'0'..=b'9'] => {
            Some((u32::from(d - b'0') * 10 + u32::from(e - b'0'), false))
        }
        [l @ b'a'..=b'z'] => Some((u32::from(l - b'a') + 1, true)),
        _ => None,
    }
}

// ---- word tables -----------------------------------------------------------------
//
// Written for news in English first, then German, French and Russian. The
// words are matched exactly, without the final full stop.

fn known_abbreviation(word: &str) -> Option<Kind> {
    let kind = match word {
        // Titles, ranks and the like, always followed by a name.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Profs" | "Gen"
        | "Gens" | "Lt" | "Col" | "Cols" | "Maj" | "Capt" | "Cpt" | "Cmdr" | "Cdr" | "Comdr"
        | "Adm" | "Brig" | "Sgt" | "Cpl" | "Pvt" | "Pte" | "Spc" | "Ens" | "Lieut" | "Sen"
        | "Sens" | "Rep" | "Reps" | "Gov" | "Govs" | "Pres" | "Supt" | "Insp" | "Det" | "Hon"
        | "Rev" | "Revd" | "Fr" | "Msgr" | "Mt" | "Ft" | "Amb" | "Atty" | "Ald" | "Cllr"
        | "Asst" | "Assoc" | "Treas" | "Gov.-Gen" | "Lt.-Col" | "Lt.-Gen" | "Maj.-Gen" => {
            Kind::Prefix
        }
        // Small-letter abbreviations that may stand before a capital.
        "vs" | "v" | "cf" | "viz" | "approx" | "ca" | "incl" | "excl" | "esp" | "resp" | "e.g"
        | "i.e" | "a.k.a" | "aka" => Kind::Prefix,
        // German.
        "Hr" | "Hrn" | "Frl" | "Dres" | "Dipl" | "Ing" | "Mag" | "bzw" | "vgl" | "sog" | "ggf"
        | "evtl" | "bspw" | "inkl" | "zzgl" | "exkl" | "z.B" | "z.T" | "d.h" | "u.a" | "o.ä"
        | "s.o" | "s.u" | "u.U" | "v.a" | "i.d.R" | "u.ä" => Kind::Prefix,
        // French.
        "MM" | "Mme" | "Mlle" | "Mlles" | "Mgr" | "Pr" | "av" | "bd" | "p.ex" => Kind::Prefix,
        // Russian.
        "т.е" | "т.к" | "т.н" | "им" | "ул" | "пр" | "просп" | "пл" | "кв" | "проф" | "акад"
        | "доц" | "св" | "тов" | "гр" | "см" | "ср" | "напр" => Kind::Prefix,
        // Before a number.
        "No" | "no" | "Nos" | "nos" | "Nr" | "Nrn" | "N°" | "Nº" | "n°" | "nº" | "№" | "p"
        | "pp" | "Vol" | "Vols" | "vol" | "vols" | "Fig" | "Figs" | "fig" | "figs" | "Art"
        | "art" | "Ch" | "ch" | "Chap" | "chap" | "Sect" | "sect" | "Op" | "op" | "Tel" | "tel"
        | "Ext" | "ext" | "Pt" | "pt" | "Para" | "para" | "Par" | "par" | "Rs" | "Rp" | "Bd"
        | "Abs" | "Ziff" | "c" | "ft" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug"
        | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "Jän" | "Febr" | "Okt" | "Dez" | "janv"
        | "févr" | "avr" | "juil" | "oct" | "déc" | "jan" | "feb" | "mar" | "apr" | "jun"
        | "jul" | "aug" | "sep" | "sept" | "nov" | "dec" | "ст" | "ч" | "стр" | "рис" | "гл"
        | "табл" => Kind::NumberPrefix,
        // Company suffixes and US states and Canadian provinces: they end
        // the noun phrase.
        "Co" | "co" | "Cos" | "Corp" | "corp" | "Inc" | "inc" | "Ltd" | "ltd" | "Bros" | "bros"
        | "Cie" | "Esq" | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla"
        | "Ga" | "Ill" | "Ind" | "Kan" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss"
        | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Ont" | "Que" | "Alta" | "Sask"
        | "Pa" | "Tenn" | "Tex" | "Va" | "Vt" | "Wash" | "Wis" | "Wyo" => Kind::Trailing,
        // May end a sentence as well as stand inside one.
        "Jr" | "Sr" | "Snr" | "Jnr" | "Dept" | "Univ" | "Assn" | "Ave" | "Blvd" | "Rd" | "St"
        | "Ste" | "Sq" | "Sec" | "sec" | "Dir" | "al" | "Mio" | "Mrd" | "Tsd" | "Jh" | "Jhd"
        | "др" | "гг" | "млн" | "млрд" | "тыс" | "руб" | "коп" | "долл" | "т.д" | "т.п" => {
            Kind::Ambiguous
        }
        "a.m" | "p.m" | "A.M" | "P.M" => Kind::Time,
        _ => return None,
    };
    Some(kind)
}

/// Whether `word` (without its stop) is an abbreviation that always stands
/// before a name or a term (`Mr`, `Dr`, `Gen`, `vs`): a stop after it ends
/// no sentence, even glued to a capital (`Mr.Benn`).
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    matches!(known_abbreviation(word), Some(Kind::Prefix))
}

/// Words that usually open a sentence. After an ambiguous abbreviation
/// ("U.S.", "Co.") or an initial, one of these means the sentence ended.
fn is_starter(word: &str) -> bool {
    matches!(
        word,
        // English.
        "A" | "An" | "The" | "This" | "That" | "These" | "Those" | "There" | "Then" | "They"
            | "Their" | "He" | "She" | "It" | "Its" | "I" | "We" | "You" | "My" | "Our"
            | "Your" | "His" | "Her" | "But" | "And" | "Or" | "So" | "Yet" | "Nor" | "If"
            | "In" | "On" | "At" | "As" | "By" | "For" | "From" | "To" | "Of" | "With"
            | "After" | "Before" | "During" | "Since" | "Until" | "While" | "When" | "Where"
            | "What" | "Which" | "Who" | "Whom" | "Whose" | "Why" | "How" | "However"
            | "Meanwhile" | "Moreover" | "Furthermore" | "Also" | "Although" | "Though"
            | "Because" | "Despite" | "Still" | "Instead" | "Now" | "Today" | "Yesterday"
            | "Some" | "Many" | "Most" | "Several" | "Such" | "Both" | "Each" | "Every"
            | "All" | "No" | "Not" | "Only" | "Is" | "Are" | "Was" | "Were" | "Do" | "Does"
            | "Did" | "Has" | "Have" | "Had" | "Here" | "Even" | "Thus" | "Therefore"
            | "Another" | "Earlier" | "Later" | "Once" | "Perhaps" | "Indeed" | "Yes"
            | "Please" | "Let" | "According" | "Last" | "Other"
            // German.
            | "Der" | "Die" | "Das" | "Den" | "Dem" | "Ein" | "Eine" | "Einen" | "Er" | "Sie"
            | "Es" | "Wir" | "Ich" | "Ihr" | "Man" | "Auch" | "Aber" | "Und" | "Oder" | "Doch"
            | "Denn" | "Dann" | "Dabei" | "Damit" | "Danach" | "Dazu" | "Deshalb" | "Jedoch"
            | "Zudem" | "Außerdem" | "Nun" | "Nach" | "Bei" | "Mit" | "Im" | "Am" | "Zum"
            | "Zur" | "Vom" | "Wie" | "Wer" | "Wo" | "Warum" | "Als" | "Wenn" | "Dies"
            | "Diese" | "Dieser" | "Dieses" | "Seit"
            // French.
            | "Le" | "La" | "Les" | "Il" | "Elle" | "Ils" | "Elles" | "Nous" | "Vous" | "Je"
            | "Un" | "Une" | "Ce" | "Cette" | "Ces" | "Mais" | "Et" | "Donc" | "Dans" | "Pour"
            | "Selon" | "Après" | "Avant" | "Depuis" | "Ainsi" | "Puis"
            // Russian.
            | "Он" | "Она" | "Оно" | "Они" | "Мы" | "Я" | "Вы" | "Это" | "Этот" | "Эта"
            | "Эти" | "В" | "Во" | "На" | "Но" | "И" | "А" | "По" | "Как" | "Что" | "Также"
            | "Однако" | "При" | "После" | "До" | "Тогда" | "Так"
    )
}

/// What news style puts after "a.m." and "p.m." in the same sentence.
fn is_time_follower(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Mon"
            | "Tue"
            | "Tues"
            | "Wed"
            | "Thu"
            | "Thurs"
            | "Fri"
            | "Sat"
            | "Sun"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "GMT"
            | "BST"
            | "UTC"
            | "CET"
            | "CEST"
            | "IST"
            | "JST"
            | "AEST"
            | "AEDT"
            | "HKT"
            | "SGT"
            | "Eastern"
            | "Pacific"
            | "Central"
            | "Mountain"
            | "Greenwich"
    )
}

/// Prepositions that open a sentence with its time: "At 5 a.m. ...".
fn is_fronting_preposition(word: &str) -> bool {
    matches!(
        word,
        "At" | "By"
            | "Before"
            | "After"
            | "Until"
            | "Till"
            | "From"
            | "Around"
            | "About"
            | "Since"
            | "Starting"
            | "Beginning"
            | "Shortly"
            | "Sometime"
            | "Between"
            | "Circa"
            | "Approximately"
            | "Roughly"
            | "Just"
    )
}

/// Nouns that follow a German ordinal number ("am 3. Oktober").
fn is_ordinal_noun(word: &str) -> bool {
    matches!(
        word,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
            | "Jahrhundert"
            | "Jahrtausend"
            | "Mal"
            | "Platz"
            | "Stock"
            | "Liga"
            | "Bundesliga"
            | "Weltkrieg"
            | "Spieltag"
            | "Runde"
            | "Etappe"
            | "Klasse"
            | "Jahrestag"
            | "Geburtstag"
            | "Kapitel"
            | "Quartal"
            | "Halbjahr"
            | "Jahrhunderts"
            | "Monat"
            | "Woche"
            | "Stufe"
            | "Grad"
            | "Bezirk"
            | "FC"
    )
}

fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "replied"
            | "replies"
            | "answered"
            | "shouted"
            | "wrote"
            | "writes"
            | "wondered"
            | "continued"
            | "explained"
            | "insisted"
            | "recalled"
            | "exclaimed"
            | "cried"
            | "yelled"
            | "demanded"
            | "declared"
            | "noted"
            | "argued"
            | "urged"
            | "warned"
            | "joked"
            | "laughed"
            | "screamed"
            | "whispered"
            | "quipped"
            | "responded"
            | "countered"
            | "tweeted"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// Plain UAX #29, as `unicode-segmentation` gives it: the baseline for
    /// other languages.
    fn uax29(text: &str) -> Vec<&str> {
        text.split_sentence_bounds()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(split(text), expected, "splitting {text:?}");
    }

    #[track_caller]
    fn check_one(text: &str) {
        check(text, &[text]);
    }

    #[test]
    fn splits_plain_sentences() {
        check(
            "Hello World. My name is Jonas.",
            &["Hello World.", "My name is Jonas."],
        );
    }

    #[test]
    fn returns_nothing_for_empty_or_blank_input() {
        assert!(split("").is_empty());
        assert!(split(" \t\n\u{a0}\u{3000}").is_empty());
    }

    #[test]
    fn keeps_punctuation_only_input_whole() {
        check("...", &["..."]);
        check("?!?", &["?!?"]);
        check(". . .", &[". . ."]);
        check(")", &[")"]);
    }

    #[test]
    fn does_not_split_after_honorifics_and_ranks() {
        check_one("Mr. Smith met Dr. Jones and Mrs. Brown.");
        check_one("Lt. Col. Alexander Vindman testified before Sen. Ron Johnson.");
        check_one("Gen. Mark Milley spoke to Gov. Gavin Newsom and Rep. Nancy Pelosi.");
        check_one("Prof. Ng and Sgt. Maj. Ortiz visited Mt. Everest and St. Louis.");
    }

    #[test]
    fn does_not_split_initials() {
        check_one("J.R. Ewing owns the ranch.");
        check_one("J. R. R. Tolkien wrote it.");
        check_one("President George W. Bush spoke.");
        check(
            "It was the best since Prisoner Cell Block H.\" Labour had promised more.",
            &[
                "It was the best since Prisoner Cell Block H.\"",
                "Labour had promised more.",
            ],
        );
        check(
            "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
            &[
                "We make a good team, you and I.",
                "Did you see Albert I. Jones yesterday?",
            ],
        );
    }

    #[test]
    fn splits_after_country_acronyms_only_before_a_sentence_opener() {
        check(
            "I live in the U.S. How about you?",
            &["I live in the U.S.", "How about you?"],
        );
        check_one("I work for the U.S. Government in Virginia.");
        check_one("The U.K. Treasury and the E.U. Commission agreed.");
        check(
            "Talks moved to the E.U. The deal is done.",
            &["Talks moved to the E.U.", "The deal is done."],
        );
        check_one("I visited the U.S.A. last year.");
        check_one("Yields on U.S. 10-year notes rose.");
    }

    #[test]
    fn does_not_split_before_numbers_after_months_and_no() {
        check_one("The vote is on Jan. 10 and the count on Sept. 11.");
        check_one("He lives at No. 10 Downing Street.");
        check_one("Please turn to p. 55 of Vol. 3.");
        check(
            "It closed on Feb. 24. The next day it reopened.",
            &["It closed on Feb. 24.", "The next day it reopened."],
        );
    }

    #[test]
    fn splits_after_company_suffixes_only_before_a_sentence_opener() {
        check_one("Apple Inc. Chief Executive Tim Cook spoke.");
        check_one("They closed the deal with Pitt, Briggs & Co. at noon.");
        check(
            "Shares of Microsoft Corp. rose. It was a good day.",
            &["Shares of Microsoft Corp. rose.", "It was a good day."],
        );
        check(
            "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
            &[
                "They closed the deal with Pitt, Briggs & Co.",
                "It closed yesterday.",
            ],
        );
        check(
            "Gulf Canada was renamed Gulf Canada Resources Ltd. Shareholders will be paid.",
            &[
                "Gulf Canada was renamed Gulf Canada Resources Ltd.",
                "Shareholders will be paid.",
            ],
        );
        check_one("Nomura Securities Co. Ltd. said profits rose in Springfield, Ill. today.");
    }

    #[test]
    fn splits_after_am_and_pm_unless_the_time_opens_the_sentence() {
        check(
            "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
            &[
                "At 5 a.m. Mr. Smith went to the bank.",
                "He left the bank at 6 P.M.",
                "Mr. Smith then went to the store.",
            ],
        );
        check_one("The polls close at 8 p.m. Tuesday in most states.");
        check_one("Trading resumes at 9:30 a.m. ET on Monday.");
        check(
            "The meeting ended at 9 p.m. Reporters waited outside.",
            &["The meeting ended at 9 p.m.", "Reporters waited outside."],
        );
    }

    #[test]
    fn does_not_split_decimals_and_money() {
        check_one("Profits rose 3.5 percent to $1.2 bn, or £600.5m, in 2021.");
        check(
            "She has $100.00. It is in her bag.",
            &["She has $100.00.", "It is in her bag."],
        );
        check(
            "Shares rose 1.2%. Analysts were surprised.",
            &["Shares rose 1.2%.", "Analysts were surprised."],
        );
    }

    #[test]
    fn does_not_split_urls_and_email_addresses() {
        check(
            "Her email is Jane.Doe@example.com. I sent her an email.",
            &["Her email is Jane.Doe@example.com.", "I sent her an email."],
        );
        check(
            "See https://www.Example.com/News.Today.html. It has more.",
            &[
                "See https://www.Example.com/News.Today.html.",
                "It has more.",
            ],
        );
        check_one("The site www.bbc.co.uk runs on Node.js and example.com hosts it.");
    }

    #[test]
    fn splits_sentences_glued_without_a_space() {
        check(
            "Talks were held in Moscow.In late 2021 they stopped.",
            &["Talks were held in Moscow.", "In late 2021 they stopped."],
        );
        check(
            "Sales rose in 2021.The firm was pleased.",
            &["Sales rose in 2021.", "The firm was pleased."],
        );
        check("Is it over?Yes, it is.", &["Is it over?", "Yes, it is."]);
        check(
            "He left.“It is over,” he said.",
            &["He left.", "“It is over,” he said."],
        );
        check_one("Visit the U.S.A. via Node.js, example.com or ASP.NET for 3.5 days.");
        check_one("Mr.Smith met Dr.Jones in St.Louis.");
        check(
            "\"He arrived on the red carpet.\"It's unlike anything,\" she said.",
            &[
                "\"He arrived on the red carpet.\"",
                "It's unlike anything,\" she said.",
            ],
        );
        check(
            "\"It was a disaster,\" she said.\"We lost everything.\"",
            &[
                "\"It was a disaster,\" she said.",
                "\"We lost everything.\"",
            ],
        );
    }

    #[test]
    fn does_not_split_names_with_a_dot_inside() {
        check_one("Providers such as TalkTalk and One.Tel, which route calls, grew.");
        check_one("The editor of fansite Halo.Bungie.Org, said it was fine.");
        check_one("The Zafi.D virus spread fast.");
        check(
            "It costs $999. iPhone sales rose.",
            &["It costs $999.", "iPhone sales rose."],
        );
        check_one("He recommends Imperial Oil <IMO.A>, up 1/2.");
        check_one("A suit was filed by <G.H. Stool> against Merrill Lynch.");
    }

    #[test]
    fn keeps_quotes_after_the_full_stop_with_their_sentence() {
        check(
            "He said: \"We won.\" The crowd cheered.",
            &["He said: \"We won.\"", "The crowd cheered."],
        );
        check(
            "He said: “We won.” The crowd cheered.",
            &["He said: “We won.”", "The crowd cheered."],
        );
        check(
            "She wrote: ‘It is done.’ Then she left.",
            &["She wrote: ‘It is done.’", "Then she left."],
        );
        check_one("She turned to him, 'This is great.' she said.");
        check_one("That is JFK Jr.'s book.");
    }

    #[test]
    fn keeps_quoted_questions_with_their_attribution() {
        check_one("\"Is it true?\" asked one reporter.");
        check_one("“Is it true?” asked one reporter.");
        check_one("\"Why now?\" Mr. Smith asked.");
        check_one("“We won!” John Smith shouted.");
        check(
            "Why not?\" He said: \"We need winners.\"",
            &["Why not?\"", "He said: \"We need winners.\""],
        );
        check(
            "\"Is it true?\" The minister did not answer.",
            &["\"Is it true?\"", "The minister did not answer."],
        );
        check("Hello!? Is that you?", &["Hello!?", "Is that you?"]);
    }

    #[test]
    fn handles_ellipses() {
        check(
            "I never meant that.... She left the store.",
            &["I never meant that....", "She left the store."],
        );
        check_one("I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.");
        check(
            "There are greater songs than Angels...I wonder why.",
            &["There are greater songs than Angels...", "I wonder why."],
        );
        check(
            "He said. \"...That does not preclude it.\"",
            &["He said.", "\"...That does not preclude it.\""],
        );
        check(
            "He paused… Then he spoke.",
            &["He paused…", "Then he spoke."],
        );
        check_one("\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).");
        check(
            "It was weakened . . . it was compounds. . . . The practice was not abandoned. . . .",
            &[
                "It was weakened . . . it was compounds.",
                ". . . The practice was not abandoned. . . .",
            ],
        );
    }

    #[test]
    fn keeps_parentheses_with_their_sentence() {
        check_one("He teaches science (He previously worked for 5 years as an engineer.) at the local University.");
        check(
            "He left. (Nobody saw him.) Then the police came.",
            &["He left.", "(Nobody saw him.)", "Then the police came."],
        );
        check_one("Apple Inc. (AAPL) said sales rose.");
    }

    #[test]
    fn splits_numbered_and_lettered_lists() {
        check(
            "1. The first item 2. The second item",
            &["1. The first item", "2. The second item"],
        );
        check(
            "a) the first item b) the second item",
            &["a) the first item", "b) the second item"],
        );
        check(
            "• 9. The first item • 10. The second item",
            &["• 9. The first item", "• 10. The second item"],
        );
        check(
            "He was ranked No. 1. The team was 2. It was a good year.",
            &[
                "He was ranked No. 1.",
                "The team was 2.",
                "It was a good year.",
            ],
        );
    }

    #[test]
    fn splits_at_blank_lines_but_not_at_soft_wraps() {
        check(
            "The president said on\nMonday that he would go.",
            &["The president said on\nMonday that he would go."],
        );
        check(
            "Headline\n\nBody text here",
            &["Headline", "Body text here"],
        );
    }

    #[test]
    fn matches_unicode_segmentation_on_plain_german_french_russian() {
        for text in [
            "Das ist ein Test. Er funktioniert gut. Wirklich?",
            "Die Regierung hat das Gesetz beschlossen! Die Opposition ist dagegen.",
            "Bonjour. Comment allez-vous ? Très bien, merci !",
            "Le gouvernement a annoncé une réforme. Les syndicats protestent.",
            "Привет. Как дела? Всё хорошо!",
            "Правительство приняло закон. Оппозиция выступила против.",
        ] {
            assert_eq!(split(text), uax29(text), "splitting {text:?}");
        }
    }

    #[test]
    fn matches_unicode_segmentation_on_japanese_and_chinese() {
        for text in [
            "今日は晴れです。明日は雨でしょう。本当ですか？",
            "「行きます。」彼は言った。",
            "我喜欢读书。你呢？我也是！",
            "他说：“我们赢了。”大家都很高兴。",
            "東京は日本の首都です。 大阪は二番目に大きい都市です。",
        ] {
            assert_eq!(split(text), uax29(text), "splitting {text:?}");
        }
    }

    #[test]
    fn does_better_than_unicode_segmentation_on_abbreviations_in_other_languages() {
        check_one("Das Treffen ist am 3. Oktober in Berlin.");
        check_one("Viele Städte, z. B. Hamburg und Köln, sind dafür.");
        check_one("Prof. Dr. Müller wohnt in der Hauptstr. 5 in Bonn.");
        check_one("M. Dupont et Mme Martin sont arrivés.");
        check_one("А. С. Пушкин родился в Москве.");
        check(
            "Это было в 2005 г. Он уехал.",
            &["Это было в 2005 г.", "Он уехал."],
        );
    }

    #[test]
    fn keeps_chinese_titles_and_japanese_quoted_speech_whole() {
        check(
            "我们明天一起去看《摔跤吧！爸爸》好吗？好！",
            &["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"],
        );
        check(
            "我看了《你好！》。他也看了《再见》。",
            &["我看了《你好！》。", "他也看了《再见》。"],
        );
        check_one("「行きます。」と彼は言った。");
        check(
            "幹部は「３．２９％以上を目指す」と指摘しています。２％台後半を目指します。",
            &[
                "幹部は「３．２９％以上を目指す」と指摘しています。",
                "２％台後半を目指します。",
            ],
        );
    }

    #[test]
    fn handles_german_french_and_russian_quotes_and_dashes() {
        check(
            "„Ich habe heute keine Zeit“, sagte die Frau leise: „Und auch keine Lust.“ Wir haben 1.000.000 Euro.",
            &[
                "„Ich habe heute keine Zeit“, sagte die Frau leise: „Und auch keine Lust.“",
                "Wir haben 1.000.000 Euro.",
            ],
        );
        check_one("Was sind die Konsequenzen der Abstimmung vom 12. Juni?");
        check(
            "« Bonjour. » Il est parti à 10 h. Il est revenu.",
            &["« Bonjour. »", "Il est parti à 10 h.", "Il est revenu."],
        );
        check_one("«К чему ты готовишься? – спросила мама. – Завтра ведь выходной».");
        check_one("Маленькая девочка бежала и кричала: «Не видали маму?».");
        check(
            "И т. д. и т. п. В общем, вся газета.",
            &["И т. д. и т. п.", "В общем, вся газета."],
        );
        check(
            "Мы встретились на ул. Пушкина, д. 10. Потом пошли домой.",
            &[
                "Мы встретились на ул. Пушкина, д. 10.",
                "Потом пошли домой.",
            ],
        );
    }

    #[test]
    fn splits_at_full_width_and_other_script_stops() {
        check("你好!我很好。", &["你好!", "我很好。"]);
        check_one("数字３．５は小数です。");
        check("यह एक वाक्य है। यह दूसरा है।", &["यह एक वाक्य है।", "यह दूसरा है।"]);
        check("هل أنت بخير؟ نعم.", &["هل أنت بخير؟", "نعم."]);
    }

    #[test]
    fn runs_in_linear_time_on_pathological_input() {
        // Each of these would take minutes if a decision rescanned the
        // token or the sentence so far.
        let n = 200_000;
        for unit in [
            "a.", "Ab.", "U.S.", ". ", "?\" A ", "1. ", "a.B", "…", " . .", "Mr. ",
        ] {
            let text = unit.repeat(n / unit.len());
            let pieces = split(&text);
            assert!(pieces.len() <= text.len());
        }
        let long_url = format!("See www.{}.com. Then", "Ab.".repeat(n));
        assert_eq!(split(&long_url).len(), 2);
    }

    fn squeeze(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// Inputs rich in the characters the scanner looks at.
    fn tricky_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            ".", "?", "!", "…", "。", "！", "．", "؟", "।", " ", "  ", "\n", "\u{a0}", "\u{3000}",
            "\u{2029}", "\"", "'", "’", "”", "“", "«", "»", ")", "(", "[", "]", "•", "⁃", "Mr",
            "U.S", "a.m", "I", "A", "a", "b", "1", "2", "10", "The", "he", "said", "co", "Inc",
            "www", "@", "://", "т", "д", "г", "中", "é", "SS", "z", "B", ",", "-", "$", "3.5",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    fn check_invariants(text: &str) {
        let pieces = split(text);
        let mut offset = 0;
        for piece in &pieces {
            assert!(!piece.is_empty(), "empty piece in {text:?}");
            assert_eq!(*piece, piece.trim(), "untrimmed piece in {text:?}");
            let start = piece.as_ptr() as usize - text.as_ptr() as usize;
            assert!(start >= offset, "pieces out of order in {text:?}");
            offset = start + piece.len();
            assert!(offset <= text.len());
        }
        assert_eq!(
            squeeze(&pieces.concat()),
            squeeze(text),
            "text lost in {text:?}"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_loses_no_text(text in any::<String>()) {
            check_invariants(&text);
        }

        #[test]
        fn never_panics_and_loses_no_text_on_punctuation_heavy_input(text in tricky_text()) {
            check_invariants(&text);
        }
    }
}
