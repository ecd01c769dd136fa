//! Seams: where a cut between two glued paragraphs may fall.
//!
//! Used twice: to accept a short match only where its cuts look like
//! seams, and (step 5) to split a body with no line starts or ends to go by
//! where a sentence ends with no space before the next (`Moscow.In`).

use super::truncation::{CUT_END, CUT_START};

/// Whether every cut made by line `t` starting at byte `p` of line `s` falls
/// on a seam: at `p` in `s`, and where the shorter of the two ends. An end
/// cut off with an ellipsis (`s_cut`, `t_cut`: `truncation::CUT_*`) makes
/// no cut, so it need not look like one.
pub(super) fn start_cuts_are_seams(s: &[u8], t: &[u8], p: usize, s_cut: u8, t_cut: u8) -> bool {
    let rest = s.len() - p;
    let other = match rest.cmp(&t.len()) {
        std::cmp::Ordering::Less if s_cut & CUT_END != 0 => Some(true),
        std::cmp::Ordering::Less => seam_strength(t, rest),
        std::cmp::Ordering::Greater => seam_strength(s, p + t.len()),
        std::cmp::Ordering::Equal => Some(true),
    };
    (t_cut & CUT_START != 0 || seam_strength(s, p).is_some()) && other.is_some()
}

/// Whether every cut made by line `t` ending at byte `q` of line `s` falls
/// on a seam: at `q` in `s`, and where the shorter of the two begins (see
/// [`start_cuts_are_seams`]).
pub(super) fn end_cuts_are_seams(s: &[u8], t: &[u8], q: usize, s_cut: u8, t_cut: u8) -> bool {
    let other = match q.cmp(&t.len()) {
        std::cmp::Ordering::Less if s_cut & CUT_START != 0 => Some(true),
        std::cmp::Ordering::Less => seam_strength(t, t.len() - q),
        std::cmp::Ordering::Greater => seam_strength(s, q - t.len()),
        std::cmp::Ordering::Equal => Some(true),
    };
    (t_cut & CUT_END != 0 || seam_strength(s, q).is_some()) && other.is_some()
}

/// Whether a cut at byte `i` of squeezed text `s` is a seam that its
/// marks show, not its letters alone: after closing punctuation, or before
/// an opening quote or bracket (`said."|Weinberger`), where a small
/// letter before a capital may be any word before a name (squeezed text
/// has no spaces).
pub(super) fn marked_seam(s: &[u8], i: usize) -> bool {
    let (Some(prev), Some(next)) = (last_char(&s[..i]), first_char(&s[i..])) else {
        return false;
    };
    is_seam(s, i) && !(prev.is_alphanumeric() && next.is_alphanumeric())
}

/// How much a cut at byte `i` of squeezed text `s` looks like a seam between
/// glued paragraphs: `Some(true)` for a strong seam ([`is_seam`]),
/// `Some(false)` for a cut that at least does not fall inside a word
/// (the next character is no lowercase letter, and no digit follows a
/// digit), `None` otherwise.
pub(super) fn seam_strength(s: &[u8], i: usize) -> Option<bool> {
    let (prev, next) = (last_char(&s[..i])?, first_char(&s[i..])?);
    // Inside a run of one char (`''''`, `....`) is no seam: taking such
    // cuts peels the run one char per pass (found by fuzzing). But a
    // quote that closes a sentence before one that opens the next
    // (`would."|"We`) is.
    if prev == next && !(prev.is_alphanumeric() && is_seam(s, i)) {
        let closes =
            prev == '"' && last_char(&s[..i - 1]).is_some_and(|c| matches!(c, '.' | '!' | '?'));
        return closes.then_some(true);
    }
    if is_seam(s, i) {
        return Some(true);
    }
    // After a stop a small letter may still start a glued paragraph
    // (`enough.ebb`): a line starting there says so, and the cut decision
    // (`cuts.rs`) weighs the glue.
    let after_stop = matches!(prev, '.' | '!' | '?' | '…');
    // A closing quote, a colon or a semicolon ends a word, so a small
    // letter after it (`Tier:x86_64`) starts one; an apostrophe or a
    // straight quote may be inside a word or open one, and a closing
    // bracket is as often code's (`#![allow(unused)] fn`, squeezed to
    // `)]fn`, in an element walk over a code block's tokens).
    let closes = matches!(prev, '”' | '»' | ':' | ';');
    let inside_word =
        (next.is_lowercase() && !closes) || (prev.is_ascii_digit() && next.is_ascii_digit());
    (after_stop || !inside_word).then_some(false)
}

/// Whether a cut at byte `i` of squeezed text `s` looks like the seam
/// between two glued paragraphs: after closing punctuation, before an
/// opening quote or bracket, from a lowercase letter or digit to a
/// capital (`ANISputnikIn`), or from a word in capitals to a capitalised
/// word (`BSTHale`; code's `HTMLParser` reads so too).
pub(super) fn is_seam(s: &[u8], i: usize) -> bool {
    let (Some(prev), Some(next)) = (last_char(&s[..i]), first_char(&s[i..])) else {
        return false;
    };
    if matches!(next, '"' | '“' | '‘' | '(' | '[' | '<' | '«') {
        return true;
    }
    if matches!(
        prev,
        '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | ':' | ';' | '»'
    ) {
        return !next.is_lowercase();
    }
    if (prev.is_lowercase() || prev.is_ascii_digit()) && next.is_uppercase() {
        return true;
    }
    // From an abbreviation in capitals to a capitalised word (`10.14am
    // BSTHale has gone.`): a word of capitals ends before a capital only
    // where it starts a word (code's `HTMLParser` aside).
    prev.is_uppercase()
        && next.is_uppercase()
        && last_char(&s[..i - prev.len_utf8()]).is_some_and(char::is_uppercase)
        && first_char(&s[i + next.len_utf8()..]).is_some_and(char::is_lowercase)
}

pub(super) fn first_char(s: &[u8]) -> Option<char> {
    let len = s.len().min(4);
    (1..=len).find_map(|l| std::str::from_utf8(&s[..l]).ok()?.chars().next())
}

pub(super) fn last_char(s: &[u8]) -> Option<char> {
    let len = s.len().min(4);
    (1..=len).find_map(|l| {
        std::str::from_utf8(&s[s.len() - l..])
            .ok()?
            .chars()
            .next_back()
    })
}

/// Splits text where one sentence ends and the next begins with no space
/// between them (`Moscow.In late`), the mark of two glued paragraphs.
///
/// A straight quote after the stop (`match."I didn't`) closes the first
/// paragraph when a quote is open there and the text after it does not
/// close one, and opens the second otherwise (see `QuoteState`). Abbreviations and numbers
/// (`U.S.A.`, `Node.js`, `example.com`, `3.5`) never split: the stop must
/// follow a lowercase letter, digit or closing mark and precede a capital.
///
/// A list item's mark glued to the item before it (`rules• Oil prices`,
/// `See also:- Prodigy`) is a seam too (see `list_mark_glued`).
pub fn split_glued(text: &str) -> Vec<&str> {
    // Most stops are followed by a space or end the text: with no stop
    // glued to a capital, a quote or a char beyond ASCII, and no list
    // item's mark glued, there is nothing to split.
    let b = text.as_bytes();
    // The first byte past the run of stops and closers after a stop, found
    // once per run: each stop of a run of a million (`.....`) shares it, and
    // looking for it again from every stop was quadratic (issue 13).
    let (mut run_from, mut run_end) = (usize::MAX, 0);
    let glued = memchr::memchr3_iter(b'.', b'!', b'?', b)
        .chain(memchr::memchr_iter(0xA6, b)) // the last byte of `…`
        .any(|i| {
            // Most stops end the text or stand before a space: no glue
            // (what the tests below find, at more cost, for every sentence).
            if matches!(b.get(i + 1), None | Some(b' ')) {
                return false;
            }
            // A stop that can end a sentence follows a word (an initial's
            // stop, `U.S`, cannot): what the loop below asks, cheaply.
            let word = |k: Option<usize>| {
                k.and_then(|k| b.get(k)).is_some_and(|&c| {
                    c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || c >= 0x80
                        || matches!(c, b'%' | b')' | b'"' | b'\'' | b']' | b'>')
                })
            };
            let acronym = i >= 2 && b[i - 1].is_ascii_uppercase() && {
                let c = b[i - 2];
                c.is_ascii_uppercase() || c == b'&'
            };
            if b[i] != 0xA6 && !word(i.checked_sub(1)) && !acronym {
                return false;
            }
            if !(run_from <= i && i < run_end) {
                run_from = i;
                run_end = b[i + 1..]
                    .iter()
                    .position(|&c| !matches!(c, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']'))
                    .map_or(b.len(), |k| i + 1 + k);
            }
            // What follows the stops and closing marks must be able to open
            // a paragraph: a capital or an opening mark, after at most one
            // curly closing quote (`.”`).
            let opens = |c: char| c.is_uppercase() || matches!(c, '(' | '[' | '“' | '‘' | '«');
            let mut after = text.get(run_end..).unwrap_or("").chars();
            let opening = match after.next() {
                Some('”' | '’' | '…') => after.next().is_some_and(opens),
                // A list item's dash (`- There`).
                Some('-' | '–' | '—') => {
                    after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase)
                }
                Some(c) => opens(c),
                None => false,
            };
            opening
                || (b.get(i + 1) == Some(&b'"') && b.get(i + 2).is_some_and(u8::is_ascii_uppercase))
        });
    // (`•` is the bytes E2 80 A2.)
    let mut marks = memchr::memchr3_iter(b'-', b'*', 0xA2, b).map(|i| {
        if b[i] == 0xA2 {
            i.saturating_sub(2)
        } else {
            i
        }
    });
    if !glued && !marks.any(|i| list_mark_glued(text, i)) {
        return vec![text];
    }
    let mut false_stops = FalseStops::default();
    let mut parts = Vec::new();
    let mut start = 0;
    // Whether a straight quote is open in the paragraph since `start`.
    let mut quote = QuoteState::default();
    // Whether a low quote (`„`, `‚`) is open: German and Central European
    // style closes it with `“` (`‘`), the mark English opens with.
    let (mut low, mut low_single) = (false, false);
    let mut prev: Option<char> = None;
    // The char before `prev`: an acronym (`UK.Mr`, `M&S.Next`) ends a
    // sentence as a word does, where a word in small letters follows; a
    // lone capital (`J.Smith`, `U.S.Treasury`) is an initial, and a code
    // (`BMWG.F`) is followed by none.
    let mut before_prev: Option<char> = None;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        match c {
            '"' => quote.read(prev, char_at(text, i + 1)),
            '„' => low = true,
            '“' => low = false,
            '‚' => low_single = true,
            '‘' => low_single = false,
            _ => {}
        }
        let acronym = || {
            // A closing quote may stand between (`the EU."This`).
            let k = i + 1 + usize::from(char_at(text, i + 1) == Some('"'));
            let capital = char_at(text, k).filter(|c| c.is_uppercase());
            prev.is_some_and(char::is_uppercase)
                && before_prev.is_some_and(|b| b.is_uppercase() || b == '&')
                && capital.is_some_and(|c| {
                    char_at(text, k + c.len_utf8()).is_some_and(char::is_lowercase)
                })
        };
        // A list item's mark glued to the item before it (`rules• Oil
        // prices`, `See also:- Prodigy`).
        if matches!(c, '-' | '•' | '*') && i > start && list_mark_glued(text, i) {
            parts.push(&text[start..i]);
            start = i;
            quote = QuoteState::default();
            (low, low_single) = (false, false);
            before_prev = prev;
            prev = Some(c);
            i += c.len_utf8();
            continue;
        }
        let after_word = prev.is_some_and(|p| {
            p.is_lowercase()
                || p.is_ascii_digit()
                || matches!(p, '%' | ')' | '"' | '”' | '’' | '\'' | ']' | '>')
        }) || (c == '.' && acronym());
        if !(is_stop(c) && after_word) {
            before_prev = prev;
            prev = Some(c);
            i += c.len_utf8();
            continue;
        }
        // Past the run of stops and closing marks (a straight quote is
        // decided below).
        let mut j = skip_while(text, i, is_stop);
        // An ellipsis glued to a capital (`nominated...I've`) is how some
        // writers trail off mid-paragraph, not a seam.
        let stops = &text[i..j];
        if stops.contains('…') || stops.contains("..") {
            prev = stops.chars().next_back();
            i = j;
            continue;
        }
        let closers = j;
        j = skip_while(text, j, |c| {
            matches!(c, '”' | '’' | ')' | ']') || (c == '“' && low) || (c == '‘' && low_single)
        });
        // The loop does not come back to marks stepped over: a low quote
        // closed among them is closed.
        low &= !text[closers..j].contains('“');
        low_single &= !text[closers..j].contains('‘');
        let next = char_at(text, j);
        let then = next.and_then(|n| char_at(text, j + n.len_utf8()));
        let capital_then = then.is_some_and(char::is_uppercase);
        // A list item's dash (`- There was`) opens a paragraph too.
        let dash_item = |k: usize| {
            matches!(char_at(text, k), Some('-' | '–' | '—'))
                && char_at(text, k + 1) == Some(' ')
                && char_at(text, k + 2).is_some_and(char::is_uppercase)
        };
        let cut = match next {
            Some(n) if n.is_uppercase() => Some(j),
            Some('"') if dash_item(j + 1) => Some(j + 1),
            Some('-') if dash_item(j) => Some(j),
            Some('“' | '‘' | '(') if capital_then => Some(j),
            Some('"') if capital_then => Some(if quote.closes_at(text, j) { j + 1 } else { j }),
            // `companies.""We`: the first quote closes, the second opens.
            Some('"')
                if then == Some('"') && char_at(text, j + 2).is_some_and(char::is_uppercase) =>
            {
                Some(j + 1)
            }
            _ => None,
        }
        .filter(|_| !false_stops.at(text, i));
        let resume = match cut {
            Some(k) => {
                parts.push(&text[start..k]);
                start = k;
                quote = QuoteState::default();
                (low, low_single) = (false, false);
                k
            }
            None => j,
        };
        let mut back = text[..resume].chars();
        prev = back.next_back();
        before_prev = back.next_back();
        i = resume;
    }
    parts.push(&text[start..]);
    parts
}

/// Whether byte `i` of `text` starts a list item's mark glued to the text
/// before it, with a space and a capital after it: the seam of two glued
/// items. A bullet (`rules• Oil prices`) is one after any text but an
/// opening bracket, a slash or another mark; a hyphen only after a colon
/// or a closing quote (`See also:- Prodigy`, `'snub portable video'-
/// Stars`): after a word, a name's or a word's hyphen hangs so (`Jim
/// Wright, D- Texas`, `MacLeod- Henderson`, `104-mln- U.S.-dlr`, `pre- and
/// post-war`); but in a text that opens with a hyphen and a space, a list
/// item, a hyphen after a word or a stop is the next item's mark, and so is
/// an asterisk (`* Ad sales boost profit* Fit-again Betsen…`). (A colon
/// before a dash opens a quotation in some Indian English, `said:- The`;
/// none of the shared articles writes one.)
fn list_mark_glued(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let rest = &b[i..];
    let Some(prev) = last_char(&b[..i]) else {
        return false;
    };
    // A text that opens with a mark and a space is a list's item, and the
    // same mark glued after a word in it (`…Time Warner profit* Fit-again
    // Betsen…`) the next item's.
    let opens_with = |m: &[u8]| b.starts_with(m) && b.get(m.len()) == Some(&b' ');
    let after_word = prev.is_lowercase()
        || prev.is_ascii_digit()
        || matches!(prev, '.' | '!' | '?' | ')' | '\'' | '’' | '"' | '”');
    let mark = if rest.starts_with("• ".as_bytes())
        && !prev.is_whitespace()
        && !matches!(prev, '-' | '•' | '(' | '[' | '/')
    {
        '•'.len_utf8()
    } else if (rest.starts_with(b"- ")
        && (matches!(prev, ':' | '\'' | '’' | '"' | '”') || (after_word && opens_with(b"-"))))
        || (rest.starts_with(b"* ") && after_word && opens_with(b"*"))
    {
        1
    } else {
        return false;
    };
    first_char(&rest[mark + 1..]).is_some_and(char::is_uppercase)
}

/// Whether a straight quote is open, read quote by quote from where each
/// quote stands. News style opens a quote again at each paragraph and
/// often at each sentence of a long quotation, closing only the last
/// (`"It is a backlash. "This is music to racists."`), so counting quotes
/// tells open from close badly; the space around a quote tells it well
/// (` "It` opens, `it," ` closes) and only a quote glued on both sides is
/// counted.
#[derive(Default)]
struct QuoteState {
    open: bool,
}

impl QuoteState {
    /// Reads the quote between `before` and `after`.
    fn read(&mut self, before: Option<char>, after: Option<char>) {
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        self.open = match (space(before), space(after)) {
            (true, false) => true,
            (false, true) => false,
            _ => before.is_some_and(|c| matches!(c, '(' | '[' | '—' | '–')) || !self.open,
        };
    }

    /// Whether the straight quote at `at`, glued between a stop and a
    /// capital (`said."What`), closes the paragraph before it: a quote must
    /// be open there, and the next quote after it must not be one that
    /// closes (`That's nice, but I can't say." Last`), which needs this one
    /// to open it. The look ahead stops at the next quote, so a text is
    /// read once however many such seams it holds.
    ///
    /// Where that next quote opens a sentence (`around. "There`), the
    /// text up to it is speech when it speaks in the first or second
    /// person (`We have not performed…`, `It gives you…`): a quotation that
    /// goes on into the next paragraph, which opens with the seam's quote,
    /// as news style writes it; narration after a closed quote speaks of
    /// others. (In the 4,224 articles of `../shared/corpus/articles.jsonl`,
    /// of the 239 paragraph breaks of this kind, counted again for the
    /// second person, the 41 whose text speaks in the first or second
    /// person all open there, and 187 of the other 198 close.)
    fn closes_at(&self, text: &str, at: usize) -> bool {
        if !self.open {
            return false;
        }
        let rest = &text[at + 1..];
        let Some(k) = memchr::memchr(b'"', rest.as_bytes()) else {
            return true;
        };
        let before = rest[..k].chars().next_back();
        let after = rest[k + 1..].chars().next();
        let closing = before.is_some_and(|c| !c.is_whitespace())
            && after.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
        // Only asked where the next quote does not close one.
        let speech = || rest[..k].trim_end().ends_with(['.', '!', '?']) && first_person(&rest[..k]);
        !closing && !speech()
    }
}

/// Whether `text` has a word of the first or second person (`we`, `my`,
/// `our`, `me`, `us`, `you`, `your`; `I` before a verb or an apostrophe,
/// not `World War I`): English speech, which narration seldom uses.
fn first_person(text: &str) -> bool {
    let pronoun = |w: &str| {
        matches!(
            w,
            "we" | "We"
                | "my"
                | "My"
                | "our"
                | "Our"
                | "me"
                | "us"
                | "you"
                | "You"
                | "your"
                | "Your"
        )
    };
    if text.split(|c: char| !c.is_alphanumeric()).any(pronoun) {
        return true;
    }
    text.match_indices('I').any(|(i, _)| {
        let word_start = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let mut after = text[i + 1..].chars();
        word_start
            && match after.next() {
                Some('\'' | '’') => true,
                Some(' ') => after.next().is_some_and(char::is_lowercase),
                _ => false,
            }
    })
}

/// The test of whether a stop ends no sentence, asked of each stop of one
/// text in turn. The token and the dotted run around a stop are the same
/// for every stop inside them, so each is read once: read afresh at each
/// stop of a long token (`a.Ba.Ba.B…`) they made the split quadratic
/// (issue 13).
#[derive(Default)]
struct FalseStops {
    /// `(start, end, is_address)` of the last whitespace-delimited token.
    token: Option<(usize, usize, bool)>,
    /// `(start, end, is_dotted_name)` of the last run of letters, digits
    /// and dots.
    run: Option<(usize, usize, bool)>,
}

impl FalseStops {
    /// Whether the stop at byte `i` of `text` ends no sentence, glued as it
    /// is to what follows: inside an e-mail address, a URL or a domain
    /// (`Jane.Doe@example.com`, `Halo.Bungie.Org`), a version (`v1.2.3`),
    /// or after a title that always precedes a name (`Mr.Benn`), from the
    /// sentence splitter's own table of abbreviations; but a dotted run
    /// ends a sentence where a word meets an initialism (`States.U.S.`) or
    /// a number a capitalised word (`2.74.She`).
    ///
    /// Narrower than the splitter's `is_false_stop`, which also takes a
    /// glued capital followed by a comma (`Olympics.Gardener,`) for no
    /// sentence end: inside scraped text that is the seam of two
    /// paragraphs far more often.
    fn at(&mut self, text: &str, i: usize) -> bool {
        let is_ws = char::is_whitespace;
        let address = match self.token {
            Some((start, end, address)) if start <= i && i < end => address,
            _ => {
                let start = text[..i].rfind(is_ws).map_or(0, |k| k + 1);
                let end = text[i..].find(is_ws).map_or(text.len(), |k| i + k);
                let token = &text[start..end];
                let address =
                    token.contains('@') || token.contains("://") || token.starts_with("www.");
                self.token = Some((start, end, address));
                address
            }
        };
        if address {
            return true;
        }
        let dotted = |c: char| c.is_alphanumeric() || c == '.';
        let (run_start, run_end, dotted_name) = match self.run {
            Some((start, end, name)) if start <= i && i < end => (start, end, name),
            _ => {
                let start = text[..i]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !dotted(c))
                    .map_or(0, |(k, c)| k + c.len_utf8());
                let end = text[i..].find(|c| !dotted(c)).map_or(text.len(), |k| i + k);
                let run = &text[start..end];
                let inner_dots = run
                    .split('.')
                    .filter(|part| !part.is_empty())
                    .count()
                    .saturating_sub(1);
                let name = inner_dots >= 2 && !run.contains("..");
                self.run = Some((start, end, name));
                (start, end, name)
            }
        };
        let word = text[run_start..i].rsplit('.').next().unwrap_or("");
        if dotted_name {
            // A word, then an initialism (`the row.U.S. Ambassador`, `the
            // United States.U.S. officials`): a sentence ends, and the next
            // opens with the initialism; a domain's parts are words. And a
            // part with a digit (a number, `1m`), then a word in small
            // letters after a capital (`against 2.74.She`, `A$35.1m.The`):
            // a version's or an address's parts are numbers or words in one
            // case (`v1.2.3`, `bbc.co.uk`; `v1.2.Beta` splits, as rare).
            // (Only a `.` stands in a dotted run: after any other stop the
            // run ends at the stop, and nothing follows in it.)
            let after = text.get(i + 1..run_end).unwrap_or("");
            let initialism = after
                .split_terminator('.')
                .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
            let mut letters = word.chars();
            let plain_word = word.chars().count() >= 2
                && letters.next().is_some_and(char::is_alphabetic)
                && letters.all(char::is_lowercase);
            let mut next = after.chars();
            let capitalised = after.chars().count() >= 2
                && next.next().is_some_and(char::is_uppercase)
                && next.all(char::is_lowercase);
            let number = word.chars().any(|c| c.is_ascii_digit());
            return !((plain_word && initialism && after.ends_with('.'))
                || (number && capitalised));
        }
        crate::sentences::tables::is_title_abbreviation(word)
    }
}

pub(super) fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The byte offset after the run of chars from `i` on that satisfy `f`.
pub(super) fn skip_while(text: &str, i: usize, f: impl Fn(char) -> bool) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(text.len(), |(k, _)| i + k)
}

/// Whether a block may end with `c` where the next one is glued on: a
/// word's last letter or digit, a sentence's stop or a closing mark; not a
/// token's inner marks (`@`, `-`, `::`), where an inline element goes on.
pub(super) fn ends_block(c: char) -> bool {
    c.is_alphanumeric() || is_stop(c) || matches!(c, ')' | ']' | '"' | '”' | '’' | '»' | '%')
}

/// Whether a block may start at the start of squeezed text `s`, glued to
/// the one before: a word, an opening mark, or a number's sign or
/// currency before its digits (`-0.9%`, `£538.7m`); not a token's next
/// piece (`-eabi`, `_map`, `*`).
pub(super) fn opens_block(s: &[u8]) -> bool {
    match first_char(s) {
        Some(c) if c.is_alphanumeric() || super::cuts::is_opener(c) => true,
        Some(c @ ('-' | '+' | '−' | '£' | '$' | '€' | '¥')) => {
            first_char(&s[c.len_utf8()..]).is_some_and(|d| d.is_ascii_digit())
        }
        _ => false,
    }
}
