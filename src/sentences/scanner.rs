//! The sentence scanner: one forward pass over a paragraph, an event per
//! terminator, whitespace, bracket or bullet, and the cuts it makes.
//!
//! The decisions about one terminator are in `rules.rs`, the bounded
//! look-arounds they use in `look.rs`; both add methods to [`Scanner`].

mod look;
mod marks;
mod rules;

use super::language::Rules;
use super::tables::*;

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

pub(super) struct Scanner<'a> {
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
    /// The language's rules; `None` for English (and any language without
    /// rules): then the scanner is exactly the English one.
    rules: Option<&'static Rules>,
    /// [`ASCII_SPECIAL`], or the language's own table.
    special: &'static [bool; 128],
    /// Where an unclosed `（` opened (with `paren-hold` rules only).
    paren_open: Option<usize>,
    /// How far the current token's leading punctuation has been read, for
    /// [`Scanner::word_start`]; one per predicate it is asked with.
    lead: [Lead; 2],
}

/// The leading punctuation of one token as read so far: every char in
/// `from..to` satisfies the predicate, and `found` is the first that does
/// not, once seen. Without it a token such as `((((a.b.b.b` was read from
/// its start again at each stop, quadratic in its length (issue 13).
#[derive(Debug, Clone, Copy, Default)]
struct Lead {
    from: usize,
    to: usize,
    found: Option<usize>,
}

/// Which leading chars [`Scanner::word_start`] skips.
#[derive(Debug, Clone, Copy)]
pub(super) enum LeadKind {
    /// Quotes, brackets and bullets: anything but letters, digits and
    /// currency signs.
    NotWordOrCurrency = 0,
    /// Anything but letters and digits.
    NotWord = 1,
}

/// ASCII bytes the main loop must look at; all others are skipped.
pub(super) const ASCII_SPECIAL: [bool; 128] = {
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
    pub(super) fn new(text: &'a str, rules: Option<&'static Rules>) -> Self {
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
            rules,
            special: rules.map_or(&ASCII_SPECIAL, |r| &r.special),
            paren_open: None,
            lead: [Lead {
                from: usize::MAX,
                ..Lead::default()
            }; 2],
        }
    }

    /// The first byte of the current token, at or after its start and
    /// before `i`, that is not leading punctuation of `kind`; `i` if there
    /// is none. Amortised O(1): each byte of a token is read once however
    /// many stops the token holds.
    pub(super) fn word_start(&mut self, i: usize, kind: LeadKind) -> usize {
        let from = self.tok_start.min(i);
        let pred = |c: char| match kind {
            LeadKind::NotWordOrCurrency => !c.is_alphanumeric() && !is_currency(c),
            LeadKind::NotWord => !c.is_alphanumeric(),
        };
        let mut lead = self.lead[kind as usize];
        if lead.from != from || lead.to > i {
            lead = Lead {
                from,
                to: from,
                found: None,
            };
        }
        if lead.found.is_none() {
            let pos = self.skip_while(lead.to, i, pred);
            lead.to = pos;
            if pos < i {
                lead.found = Some(pos);
            }
        }
        self.lead[kind as usize] = lead;
        lead.found.unwrap_or(i).min(i)
    }

    pub(super) fn finish(mut self) -> Vec<&'a str> {
        self.push(self.text.len());
        self.out
    }

    pub(super) fn scan(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if !self.special[b as usize] {
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
                    // Only in the tables of languages that use them.
                    b';' | b':' | b'|' => i = self.stand_in(i, b as char),
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
                } else if let Some(next) = self.rules.and_then(|r| self.language_char(r, i, c)) {
                    i = next;
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
            if self.paren_holds(run.end) {
                return k;
            }
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
        let word_start = self.word_start(i, LeadKind::NotWordOrCurrency);
        if glued && run.spaced && self.ellipsis_after_stop(i, run.end) {
            return k;
        }
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
            self.tok_start = self
                .tok_start
                .max(floor_char_boundary(self.text, run.end - 1));
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
            if self.rules.is_some() {
                self.ellipsis_opens(next_pos);
            }
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
}

/// The largest char boundary of `text` at or before `i`: the start of the
/// char holding byte `i` (a run of stops may end in `…`).
pub(super) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
