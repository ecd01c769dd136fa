//! Cuts: which line starts and ends are paragraph boundaries.
//!
//! A line whose text is already in the article is a copy, wherever it
//! falls, and it marks a paragraph boundary only where the text really
//! breaks. Copies abound in scraped files: a link's or a name's text written
//! as a line of its own (`Joe Biden`), a description holding the lede's first
//! sentence, a teaser cut off with `…`, the text of a container and of each
//! element inside it. So a line start or end inside another line's text is
//! a boundary only on evidence:
//!
//! - the line is *structural*: it runs past every line that overlaps it
//!   (a cascade line, a window), so its ends are where the scraper cut;
//! - the text is *glued* there: the line that spans the cut has no space
//!   at it, and the cut looks like the seam of two paragraphs (`Moscow.In`,
//!   `enough.ebb`, `ANISputnikIn`), the scraper's own mark;
//! - a *junction*: one line ends exactly where another starts (elements
//!   of an element walk tile their container so);
//! - in a file whose scraper glued paragraphs with a space (no glued seam
//!   anywhere), a long line (no fragment or name) starts or ends there, or
//!   a sentence ends there and the next begins, at the end of a short line
//!   that two or more lines hold (as a cascade's lines all hold its last
//!   paragraph).
//!
//! A cut never falls inside a word or before a comma or closing mark, and a
//! truncated end (see `truncation.rs`) is no cut at all.

use super::seams::{first_char, last_char};

/// What the lines of a group say about one cut position.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Events {
    /// A line (not cut off there) starts here.
    pub(super) start: bool,
    /// A line (not cut off there) ends here.
    pub(super) end: bool,
    /// One of those lines is contained in no other line of the group.
    pub(super) structural: bool,
    /// A line at least `LONG` bytes long starts here.
    pub(super) long_start: bool,
    /// A line at least `LONG` bytes long ends here.
    pub(super) long_end: bool,
    /// A shorter line that starts or ends here is held by two or more
    /// other lines (the last paragraph of a cascade is in every line).
    pub(super) held: bool,
    /// A long line that starts or ends here is held by no line, or by two
    /// or more, or is a part of its one holder: written next to it with
    /// only the holder's parts between them, or met by another line.
    pub(super) long_held: bool,
    /// Every long line that starts or ends here is no such part, and its
    /// holder writes one space here: a quotation of the holder that the
    /// article sets apart elsewhere (a pull quote), no boundary.
    pub(super) long_quoted: bool,
}

impl Events {
    /// One line ends here where another starts, and a longer line holds
    /// both: two inner lines meet, as an element walk's blocks do, and
    /// nothing else here is yet known.
    pub(super) fn inner_junction(self) -> bool {
        self.start && self.end && !self.structural
    }
}

/// How the line that spans a cut writes it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Glue {
    /// No whitespace between the two sides (`Moscow.In`).
    Tight,
    /// Whitespace between them.
    Spaced,
    /// No line spans the cut: the group's text ends or begins there.
    Open,
}

/// The chars on either side of a cut, in squeezed text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Look {
    prev: char,
    /// `prev`, or the char before a run of closing quotes and brackets
    /// (`."` looks back to the `.`).
    core: char,
    next: char,
    /// The char after `next`, if any.
    after: Option<char>,
    /// The text before the cut ends with an ellipsis (`...` or `…`).
    pub(super) trailing_off: bool,
    /// `prev` is `“` or `‘` closing a low quote (`„Sie beginnt.“`), as
    /// German and Central European text writes it: a closing mark there.
    closes_low: bool,
    /// A straight quote beside the cut opens before it or closes after it,
    /// as the spaces of the raw text show (`Frame::new`).
    inside_quote_marks: bool,
    /// The text before the cut ends with an initialism (`U.S.`), which
    /// ends a sentence far less often than it opens a name (`U.S. Trade
    /// Representative`).
    initialism: bool,
    /// The text after the cut opens with a note's mark (`[2]`, `[a]`).
    opens_note: bool,
}

/// How the scraper glued the paragraphs of a file together.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Style {
    /// With no separator: some cut shows a glued seam.
    Tight,
    /// With whitespace, or no sign either way.
    Spaced,
}

impl Look {
    /// The look of a cut at byte `k` of squeezed text `s`; `None` at either
    /// end of `s`.
    pub(super) fn at(s: &[u8], k: usize) -> Option<Look> {
        let prev = last_char(&s[..k])?;
        let next = first_char(&s[k..])?;
        let after = first_char(&s[k + next.len_utf8()..]);
        let closes_low =
            matches!(prev, '“' | '‘') && low_quote_open(&s[..k - prev.len_utf8()], prev);
        let mut core = prev;
        let mut end = k;
        while is_closer(core) || (closes_low && end == k) {
            let gone = core;
            end -= core.len_utf8();
            match last_char(&s[..end]) {
                Some(c) => core = c,
                None => break,
            }
            // A note's mark after a sentence's stop (`nine days.[1]`,
            // `[citation needed]`) ends the sentence as a closing quote
            // does.
            if gone == ']' {
                if let Some(stop) = note_after_stop(&s[..end]) {
                    core = stop;
                    break;
                }
            }
        }
        let trailing_off = s[..k].ends_with(b"...") || s[..k].ends_with("…".as_bytes());
        let initialism = matches!(
            s[..k],
            [.., a, b'.', b, b'.'] if a.is_ascii_uppercase() && b.is_ascii_uppercase()
        );
        Some(Look {
            prev,
            core,
            next,
            after,
            trailing_off,
            closes_low,
            inside_quote_marks: false,
            initialism,
            opens_note: opens_note(&s[k..]),
        })
    }

    /// This look, with whether a straight quote beside the cut opens before
    /// it or closes after it.
    pub(super) fn inside_quote_marks(self, inside: bool) -> Look {
        Look {
            inside_quote_marks: inside,
            ..self
        }
    }

    /// A paragraph cannot start here, however the text is glued: where
    /// glued, after an opening mark or a hyphen (a straight quote opens
    /// only before a letter or digit, and not after a small letter or a
    /// digit: there it closes), or before
    /// a closing quote or bracket (`”`, `)`, `]`, `}`) where no line
    /// starts; and unless the line making
    /// the cut is `long`, inside a word after an apostrophe (`Biden|'s`),
    /// after an ellipsis, before a stop or a closing mark, and (unless a
    /// line starts here, `start`) before a comma or a closing quote. Otherwise a line start or end in glued text outranks the look
    /// of a seam (`Favourite` glued to `delivered` where a link's text was
    /// lost, `enough.ebb`, `30%An`): words only touch with no space where
    /// the scraper glued them.
    fn never(&self, glue: Glue, start: bool, long: bool) -> bool {
        self.never_but(glue, start, long, false)
    }

    /// [`Look::never`], where `dash_ends` a line may end at a spaced dash
    /// (see [`Look::after_spaced_dash`]).
    fn never_but(&self, glue: Glue, start: bool, long: bool, dash_ends: bool) -> bool {
        // A straight quote opens only a word, after a space or a mark:
        // before a mark (`'not US matter'* BT offers`) it closes, and right
        // after a word in small letters or a number (`top music
        // earner'Apple`, where a list's items touch), unless the raw text
        // spaces it from that word (`said 'We`, `inside_quote_marks`); an
        // apostrophe inside a name follows a capital (`O'Neill`).
        let straight_closes = matches!(self.prev, '"' | '\'')
            && (!self.next.is_alphanumeric()
                || ((self.core.is_lowercase() || self.core.is_numeric())
                    && !self.inside_quote_marks));
        let closes =
            self.closes_low || straight_closes || (is_closer(self.prev) && is_stop(self.core));
        let opened = is_opener(self.prev) && !closes;
        if glue == Glue::Tight && (opened || matches!(self.prev, '-' | '/' | '–' | '—')) {
            return true;
        }
        if self.after_spaced_dash(glue) && !dash_ends {
            return true;
        }
        // No paragraph starts with a closing quote or bracket: a line that
        // ends right before one, where no line starts, ends inside a
        // quotation (a pull quote printed beside the paragraph that
        // quotes it), however long.
        if glue == Glue::Tight && !start && matches!(self.next, '”' | ')' | ']' | '}') {
            return true;
        }
        // A long line is no name or phrase: where it starts or ends, the
        // text breaks, however odd the break looks (`: "I joined`, where a
        // speaker's name was lost).
        if long {
            return false;
        }
        // Nor does a phrase's line end or start inside a quotation's marks
        // (a speaker's words between two quotations, `" said a spokesman.
        // "`, written as a line). (A long line may: an article can end a
        // paragraph with a stray `"`.)
        if self.inside_quote_marks {
            return true;
        }
        // A note's mark glued to the text before it (`…on the River
        // Lell.[2]`) annotates that text: the link to the note, written as
        // a line, starts inside its paragraph.
        if glue == Glue::Tight && self.opens_note && !self.prev.is_whitespace() {
            return true;
        }
        if matches!(self.next, '\'' | '’') && self.after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        // After an ellipsis the text trails off, it does not end: a cut
        // there would leave a paragraph that reads as a cut-off copy.
        if self.trailing_off {
            return true;
        }
        if matches!(
            self.next,
            '.' | '!' | '?' | '…' | ')' | ']' | '}' | '%' | '»' | '”' | '’'
        ) {
            return true;
        }
        if glue != Glue::Tight {
            return matches!(self.next, ',' | ';' | ':');
        }
        // A line that ends here ends just before a comma or a closing
        // quote: a name or a phrase inside a sentence.
        !start
            && (matches!(self.next, ',' | ';' | ':')
                || (is_closer(self.next) && !is_stop(self.core)))
    }

    /// Whether the text before a spaced cut ends with a dash: no paragraph
    /// ends so, however long the line that starts after it: a dateline
    /// (`LONDON, May 14 (Reuters) - Copper…`, `… /PressDesk/ -- Severn
    /// Sun…`) opens the lede that a description line quotes without it.
    fn after_spaced_dash(&self, glue: Glue) -> bool {
        glue == Glue::Spaced && matches!(self.prev, '-' | '–' | '—')
    }

    /// A word glued to an opening bracket (`TextDecoderStream()`,
    /// `getReader()`): code's call, or a name with its note.
    fn calls(&self) -> bool {
        self.prev.is_alphanumeric() && matches!(self.next, '(' | '[')
    }

    /// Between two letters or digits, or before the hyphen of a word
    /// that goes on after it (`debug|-assertions`).
    fn in_word(&self) -> bool {
        self.prev.is_alphanumeric()
            && (self.next.is_alphanumeric()
                || (self.next == '-' && self.after.is_some_and(char::is_alphanumeric)))
    }

    /// The text runs on through the cut: inside a word ([`runs_on_in_word`])
    /// or before a stop, a comma, a colon or a semicolon (`expected|.`).
    pub(super) fn runs_on(&self) -> bool {
        runs_on_in_word(self.prev, self.next, self.after)
            || matches!(self.next, '.' | ',' | ';' | ':' | '!' | '?')
    }

    /// A small letter after a word: the cut falls between two words of a
    /// sentence.
    pub(super) fn small_after_word(&self) -> bool {
        self.prev.is_alphanumeric() && self.next.is_lowercase()
    }

    /// Glued text that looks like the seam of two paragraphs: after a
    /// sentence's stop or a colon (`Moscow.In`, `enough.ebb`, `said."We`,
    /// `include:- People`), or from a word to a capital or an opening quote
    /// (`ANISputnikIn`, `Signals"We`).
    fn glued_seam(&self) -> bool {
        if is_stop(self.core) || self.core == ':' {
            return true;
        }
        let word = self.prev.is_alphanumeric() || is_closer(self.prev) || self.prev == '%';
        word && (self.next.is_uppercase() || is_opener(self.next))
    }

    /// The text before the cut ends with a word or a comma, not with a
    /// stop, a colon or a closing mark: a seam of glued paragraphs does not
    /// fall there, only a word's end inside running text.
    pub(super) fn inside_running_text(&self) -> bool {
        self.prev.is_alphanumeric() || self.prev == ','
    }

    /// The text after the cut opens with a capital.
    pub(super) fn opens_capital(&self) -> bool {
        self.next.is_uppercase()
    }

    /// The text after the cut opens with a small letter.
    pub(super) fn opens_small(&self) -> bool {
        self.next.is_lowercase()
    }

    /// A sentence or a lead-in ends before the cut (a stop, a colon).
    pub(super) fn ends_text(&self) -> bool {
        is_stop(self.core) || self.core == ':'
    }

    /// A sentence ends before the cut and the next one begins after it (with
    /// anything but a small letter: a capital, a digit, a quote, `$`), and
    /// not after an initialism (`U.S. Trade`).
    pub(super) fn sentence(&self) -> bool {
        is_stop(self.core) && !self.next.is_lowercase() && !self.initialism
    }
}

/// Whether a short text between cuts with looks `start` and `end` reads as
/// a heading or a caption: a sentence ends before it, and it ends on a
/// letter or a digit, not with a stop (a paragraph's own words end with
/// its sentence).
pub(super) fn reads_as_heading(start: Option<Look>, end: Option<Look>) -> bool {
    start.is_some_and(|l| l.sentence()) && end.is_some_and(|l| l.prev.is_alphanumeric())
}

/// Whether `s` opens with a note's mark: a short number, letter or word
/// in square brackets (`[2]`, `[a]`, `[note 1]` squeezed to `[note1]`).
fn opens_note(s: &[u8]) -> bool {
    const MARK: usize = 12;
    let Some(inner) = s.strip_prefix(b"[") else {
        return false;
    };
    inner
        .iter()
        .take(MARK + 1)
        .position(|&b| b == b']')
        .is_some_and(|end| end > 0 && inner[..end].iter().all(u8::is_ascii_alphanumeric))
}

/// The stop before a bracketed note that `s` ends in, the note's closing
/// bracket taken off already (`days.[1` of `days.[1]`): a short mark with
/// no bracket inside it.
fn note_after_stop(s: &[u8]) -> Option<char> {
    const NOTE: usize = 24;
    let open = s
        .iter()
        .rev()
        .take(NOTE + 1)
        .position(|&b| matches!(b, b'[' | b']'))?;
    let open = s.len() - 1 - open;
    if s[open] != b'[' || open + 1 == s.len() {
        return None;
    }
    last_char(&s[..open]).filter(|&c| is_stop(c))
}

/// Whether text with `prev`, then `next` and `after`, runs on inside a word
/// between them: into small letters or digits (`sh|areholders`, `19|87`,
/// `Monday|'s`), where no capital marks a new start.
pub(super) fn runs_on_in_word(prev: char, next: char, after: Option<char>) -> bool {
    prev.is_alphanumeric()
        && (next.is_lowercase()
            || (prev.is_numeric() && next.is_numeric())
            || (matches!(next, '\'' | '’') && after.is_some_and(char::is_alphanumeric)))
}

/// Whether a cut falls inside a word: two letters or digits with no space
/// between them.
pub(super) fn inside_word(glue: Glue, look: Option<Look>) -> bool {
    glue == Glue::Tight
        && look.is_some_and(|l| l.prev.is_alphanumeric() && l.next.is_alphanumeric())
}

/// Whether a cut with these events, glue and look is a paragraph boundary.
pub(super) fn accept(ev: Events, glue: Glue, look: Option<Look>, style: Style) -> bool {
    if !(ev.start || ev.end) {
        return false;
    }
    let Some(look) = look else {
        return true;
    };
    if glue == Glue::Open {
        return true;
    }
    let long = (ev.start && ev.long_start) || (ev.end && ev.long_end);
    // One line ends exactly where another starts: the elements of an
    // element walk tile their container so, and fragments seldom do.
    let junction = ev.start && ev.end;
    // (A line may end at a spaced dash where another starts: a table's
    // cell that is a dash alone, `–` for none, ends its row.)
    if look.never_but(glue, ev.start, long, junction) {
        return false;
    }
    // Where the text is spaced, a line that starts or ends between a comma
    // and a small letter, with no other line to meet it there, is inside
    // its sentence (`Meanwhile, five new businesses have opened…`: an
    // emphasised clause written as a line of its own), however long.
    // (A paragraph can end with a comma where a source lost a name, `…
    // British number one Carl Myerscough,` / `claimed the men's shot put
    // title…`: there one block's line ends where the next one's starts.)
    // So does one between a word (or a comma, before any closing marks)
    // and a small letter, or an opening mark before one: an emphasised
    // quotation that ends its paragraph (`…scheduled for the period "we
    // could get away…"`), written as a line after it, or a bracket that
    // goes on in its sentence (`…the period (see below)`).
    let small_next = look.next.is_lowercase()
        || (is_opener(look.next) && look.after.is_some_and(char::is_lowercase));
    let runs_on =
        glue == Glue::Spaced && small_next && (look.core == ',' || look.prev.is_alphanumeric());
    ev.structural
        || junction
        || (!runs_on
            && match glue {
                // Where no paragraphs are seen glued, a line ending inside a
                // word (`Channel` before `ChannelGroup`, `ArrayBuffer` before
                // `ArrayBufferView`, `debug` before `debug-assertions`) is a
                // list item or heading that starts another, and
                // one ending before a bracket a name that the text calls
                // (`TextDecoderStream()`).
                Glue::Tight => {
                    !(style == Style::Spaced
                        && ev.end
                        && !ev.start
                        && (look.in_word() || look.calls()))
                }
                // With spaces between paragraphs, a short line held by a single
                // other line says little: a one-word paragraph (`Jamaican`) may
                // end another by chance.
                _ => {
                    style == Style::Spaced
                        && (((ev.long_start || ev.long_end) && !ev.long_quoted)
                            || (look.sentence() && ev.held))
                }
            })
}

/// Whether a line that heads a glued cascade may start a paragraph at a
/// cut with this glue and look: anywhere a paragraph can start.
pub(super) fn may_head_cascade(glue: Glue, look: Option<Look>) -> bool {
    look.is_none_or(|l| !l.never(glue, true, false) && !inside_word(glue, Some(l)))
}

/// Whether the longest line ending where another line starts may start a
/// paragraph at a cut with this glue and look (a run of whole elements):
/// anywhere a cascade's line may, except, in a file whose scraper glues
/// paragraphs with no space, at a spaced cut before a small letter (`…
/// borrowing. “Nobody` and `New --follow` may start one): a phrase quoted
/// from a paragraph's end (`annual council session in September, they
/// said.`) starts inside a sentence; nor there, unless a heading ends
/// before it (`after_heading`), or a line ends at the cut, the line is
/// long, or a sentence or a lead-in ends before it, and the lines starting
/// there are no `inline_tail` (see `Frame::inline_tails`): a short phrase
/// quoted from a paragraph's end (`Christian Andersen.` after `…the birth
/// of writer Hans`) starts inside a sentence too, and so does a
/// paragraph's last sentence linked or written as a line of its own.
pub(super) fn may_head_elements(
    ev: Events,
    glue: Glue,
    look: Option<Look>,
    inline_tail: bool,
    style: Style,
    after_heading: impl FnOnce() -> bool,
) -> bool {
    may_head_cascade(glue, look)
        && !(style == Style::Tight
            && glue == Glue::Spaced
            && look.is_some_and(|l| {
                l.next.is_lowercase()
                    || !(((ev.end || ev.long_start || l.ends_text()) && !inline_tail)
                        || after_heading())
            }))
}

/// Whether a paragraph may start at a cut with this glue and look once a
/// line's text fills the gap there: anywhere but before a stop, a comma or
/// a closing mark, or after an opening one (glued words included: a list's
/// items touch, `4,102Spoilt`).
pub(super) fn may_fill(glue: Glue, look: Option<Look>) -> bool {
    look.is_none_or(|l| !l.never(glue, true, false))
}

/// Whether a cut shows the scraper gluing paragraphs with no separator.
/// Inside a word (`diesThe`) or before a bracket (`Stream()`) only a line
/// start does: a line that ends there may be a list item that starts
/// another (`ArrayBuffer` before `ArrayBufferView`) or a name that the
/// text calls (`TextDecoderStream()`), but one that starts there was cut
/// there.
pub(super) fn shows_tight_glue(ev: Events, glue: Glue, look: Option<Look>) -> bool {
    (ev.start || ev.end)
        && glue == Glue::Tight
        && look.is_some_and(|l| {
            (ev.start || !(l.in_word() || l.calls()))
                && l.glued_seam()
                && !l.never(glue, false, false)
        })
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '>' | '›' | '}'
    )
}

/// Whether a low quote (`„`, or `‚` for `close` = `‘`) is open at the end
/// of `before`: it comes after the last `close` mark, within the last
/// 1,024 bytes (a quotation is no longer; the bound keeps the look at a
/// cut cheap however many cuts a line has).
fn low_quote_open(before: &[u8], close: char) -> bool {
    let open = if close == '“' { '„' } else { '‚' };
    let from = before.len().saturating_sub(1024);
    let window = &before[from..];
    let last = |c: char| {
        let mut buf = [0u8; 4];
        memchr::memmem::rfind(window, c.encode_utf8(&mut buf).as_bytes())
    };
    match (last(open), last(close)) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Whether `c` opens a quotation or a bracket.
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '(' | '[' | '«' | '\'' | '<' | '‹' | '{'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(s: &str, k: usize) -> Option<Look> {
        Look::at(s.as_bytes(), k)
    }

    const START: Events = Events {
        start: true,
        end: false,
        structural: false,
        long_start: false,
        long_end: false,
        held: true,
        long_held: false,
        long_quoted: false,
    };

    #[test]
    fn a_glued_seam_is_a_boundary_and_a_spaced_one_only_in_spaced_files() {
        let l = look("toMoscow.Inlate", 9);
        assert!(accept(START, Glue::Tight, l, Style::Tight));
        assert!(!accept(START, Glue::Spaced, l, Style::Tight));
        assert!(accept(START, Glue::Spaced, l, Style::Spaced));
        // A line starting at a cut glued with no space, in a file so glued.
        let glued_start = |s: &str, k: usize| accept(START, Glue::Tight, look(s, k), Style::Tight);
        // A straight quote before a mark closes: a list of quoted
        // headlines glued item to item.
        assert!(glued_start("matter'*BToffers", 7));
        // And after a word in small letters (`earner'Apple`), but not
        // inside a name (`O'Neill`), nor where it opens a quotation.
        assert!(glued_start("earner'Appleunveils", 7));
        assert!(!glued_start("O'Neillsaid", 2));
        assert!(!glued_start("said:'Weare", 6));
        // Nor where the raw text spaces it from the word (`said 'We`), for
        // a long line too (a pull quote printed without its marks).
        let spaced = look("said'Weare", 5).map(|l| l.inside_quote_marks(true));
        let long = Events {
            long_start: true,
            ..START
        };
        assert!(!accept(long, Glue::Tight, spaced, Style::Tight));
        // Line-start evidence outranks a lower-case start after a stop.
        assert!(glued_start("enough.ebbSM", 7));
    }

    #[test]
    fn a_fragment_inside_running_text_is_no_boundary() {
        // `President Joe| Biden`, `the White House|,`, `Biden|'s`.
        let end = Events {
            start: false,
            end: true,
            ..START
        };
        assert!(!accept(
            START,
            Glue::Spaced,
            look("PresidentJoeBiden", 12),
            Style::Spaced
        ));
        assert!(!accept(
            end,
            Glue::Tight,
            look("WhiteHouse,and", 10),
            Style::Tight
        ));
        assert!(!accept(
            START,
            Glue::Tight,
            look("Biden'splan", 5),
            Style::Tight
        ));
        assert!(!accept(
            START,
            Glue::Tight,
            look("(£1.97bn)", 1),
            Style::Tight
        ));
    }

    #[test]
    fn a_line_start_in_glued_text_outranks_the_look_of_a_seam() {
        // A name lost from the source leaves `Favourite` glued to the next
        // paragraph's first word; only the line start shows the break.
        assert!(accept(
            START,
            Glue::Tight,
            look("Favouritedelivered", 9),
            Style::Tight
        ));
        let end = Events {
            start: false,
            end: true,
            ..START
        };
        assert!(!accept(
            end,
            Glue::Tight,
            look("House,said", 5),
            Style::Tight
        ));
    }

    #[test]
    fn structural_lines_cut_wherever_a_paragraph_can_start() {
        let ev = Events {
            structural: true,
            ..START
        };
        assert!(accept(ev, Glue::Spaced, look("inThe", 2), Style::Tight));
        assert!(!accept(
            ev,
            Glue::Spaced,
            look("House,and", 5),
            Style::Tight
        ));
    }

    #[test]
    fn no_line_start_or_end_means_no_cut() {
        let none = Events::default();
        assert!(!accept(
            none,
            Glue::Tight,
            look("Moscow.In", 7),
            Style::Tight
        ));
    }
}
