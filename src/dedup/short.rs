//! Evidence for lines shorter than a key, or that their keys could not
//! place (found too often inside a longer line): at another line's very
//! start or end, or glued right before or after a placed line inside a
//! third.

use super::*;

/// The lines shorter than `KEY` (and the unplaced ones, see
/// [`short_lines`]) by the key of their bytes ([`part_key`]), and their
/// lengths, each once: what [`short_edges`] and [`flanking_edges`] look
/// for.
pub(super) type ShortLines = (U64Map<Vec<u32>>, Vec<usize>);

/// Unplaced lines past which none is looked for as a short line is: each
/// length costs a look at every line's ends, and text that repeats itself
/// throughout (a table's cells, a chant) leaves many lines unplaced.
const MAX_UNPLACED: usize = 32;

/// [`ShortLines`] of `lines`: those shorter than `KEY`, and the `unplaced`
/// ones, which their keys could not place, where there are at most
/// [`MAX_UNPLACED`] of them.
pub(super) fn short_lines<L: Keyed + ?Sized>(lines: &L, unplaced: &[u32]) -> ShortLines {
    let mut by_key: U64Map<Vec<u32>> = U64Map::default();
    let mut lens: Vec<usize> = Vec::new();
    // Where the lines' squeezed bytes are not held, they are made here.
    let mut s_buf = Vec::new();
    let mut add = |i: usize, s_buf: &mut Vec<u8>| {
        let sq = lines.sq(i, s_buf);
        by_key.entry(part_key(sq)).or_default().push(i as u32);
        lens.push(sq.len());
    };
    for i in 0..lines.count() {
        if lines.sq_len(i) < KEY {
            add(i, &mut s_buf);
        }
    }
    if unplaced.len() <= MAX_UNPLACED {
        for &i in unplaced {
            if lines.sq_len(i as usize) >= KEY {
                add(i as usize, &mut s_buf);
            }
        }
    }
    lens.sort_unstable();
    lens.dedup();
    (by_key, lens)
}

/// Edges for lines shorter than `KEY` (a one-line paragraph such as
/// `Bosvelt.` or a dateline such as `NAIROBI`), or unplaced: such a line counts where
/// another line starts or ends with it, since a short string in the middle of
/// a line is far more often a coincidence than evidence (in the middle only
/// beside a placed line: [`flanking_edges`]). Even there it needs
/// a cut that looks like a seam ([`is_seam`]), or a cut that at least does
/// not split a lowercase word, made in two or more lines (the first
/// paragraph of a prefix cascade starts every line) or written with no
/// space in the other line before a letter or digit (`Strong noise
/// cancelling58-hour battery` and `58-hour battery`: list items glued).
/// Where a short line is
/// found both glued with no space and after a space, only its glued places
/// count (see the body).
pub(super) fn short_edges<L: Keyed + ?Sized>(lines: &L, (by_key, lens): &ShortLines) -> Vec<Edge> {
    if lens.is_empty() {
        return Vec::new();
    }
    // Where the lines' squeezed bytes are not held, they are made here.
    let (mut s_buf, mut t_buf) = (Vec::new(), Vec::new());
    // (edge, strong seam, the short line ends the other line, the
    // whitespace chars the other line writes at the cut, a letter or digit
    // follows the cut)
    let mut found: Vec<(Edge, bool, bool, usize, bool)> = Vec::new();
    for si in 0..lines.count() {
        if lens[0] >= lines.sq_len(si) {
            continue;
        }
        let s = lines.sq(si, &mut s_buf);
        // The first and the last (up to) 16 bytes, from which every head
        // and tail key is cut with a mask and a shift.
        let m = s.len().min(KEY);
        let (first, last) = (pack(&s[..m]), pack(&s[s.len() - m..]));
        for &len in lens.iter().take_while(|&&len| len < s.len()) {
            let (head, tail) = (&s[..len], &s[s.len() - len..]);
            let keys = if len < KEY {
                [
                    short_key(last >> (8 * (m - len)), len),
                    short_key(first, len),
                ]
            } else {
                [part_key(tail), part_key(head)]
            };
            for ((part, cut, at_end), key) in [(tail, s.len() - len, true), (head, len, false)]
                .into_iter()
                .zip(keys)
            {
                let Some(bucket) = by_key.get(&key) else {
                    continue;
                };
                let Some(strong) = seam_strength(s, cut) else {
                    continue;
                };
                // A stop glued to a small letter is a name's dot as often
                // (`backup.timer`, `example.com`, `Node.js`), where an
                // element walk writes the word after it as a line of its
                // own: only a line long enough for a key starts (or ends)
                // a paragraph there (`enough.ebb SM is a service mark.`);
                // a short one is placed neither after nor before it.
                if seams::last_char(&s[..cut]).is_some_and(seams::is_stop)
                    && seams::first_char(&s[cut..]).is_some_and(char::is_lowercase)
                {
                    continue;
                }
                // Where the other line goes on past the short one with a
                // comma, a colon or a semicolon, no paragraph starts there:
                // the short line opens a sentence as its subject (`Corrigan,
                // who is 27,…`), and placing it there would join that line
                // to any line that ends with the same name, as one text.
                if !at_end && matches!(seams::first_char(&s[cut..]), Some(',' | ';' | ':')) {
                    continue;
                }
                // A number of two digits at most, glued to the word or
                // the stop that ends the other line (`…until 1931.1`), is a
                // note's mark, written as a superscript: no paragraph of
                // its own ends that line (a link's text, see `link_text`).
                if at_end
                    && copies::superscript_note(s, cut, s.len())
                    && !spaced_at(lines.raw(si), len, at_end)
                {
                    continue;
                }
                for &ti in bucket {
                    if lines.sq(ti as usize, &mut t_buf) == part {
                        let d = if at_end { cut as i64 } else { 0 };
                        found.push((
                            Edge {
                                a: si as u32,
                                b: ti,
                                d,
                            },
                            strong,
                            at_end,
                            gap_at(lines.raw(si), len, at_end),
                            // A paragraph opens with one, where a hyphen
                            // or a stop after a name (`The Nokia` in `The
                            // Nokia-sponsored research`) goes on a word.
                            seams::first_char(&s[cut..]).is_some_and(char::is_alphanumeric),
                        ));
                    }
                }
            }
        }
    }
    let mut weak_count: U64Map<usize> = U64Map::default();
    let count_key = |e: &Edge, at_end: bool| mix(u64::from(e.b) << 1 | u64::from(at_end));
    for (e, _, at_end, _, _) in &found {
        *weak_count.entry(count_key(e, *at_end)).or_default() += 1;
    }
    found.retain(|&(e, strong, at_end, gap, opens)| {
        if strong {
            return true;
        }
        let t = lines.sq(e.b as usize, &mut t_buf);
        (weak_count[&count_key(&e, at_end)] >= 2
            && (t.iter().any(u8::is_ascii_alphanumeric) || end_mark(t)))
            || (gap == 0 && opens && t.iter().any(u8::is_ascii_alphabetic))
    });
    // A short line glued to another line's text with no space at a seam
    // (`The Lantern ChoirPhoto: Reuters`) was cut there by the scraper;
    // where a line holds it after a space (`…on the main stage. Photo:
    // Reuters`), the article merely repeats the phrase. Where a short line
    // has both, the glued places are its places. So too where a line sets
    // it apart wider than words are (the markup's line breaks between two
    // blocks: `Dr Anita Sorensen` and `Harrowby` under a letter) and
    // another line holds it one space after a word (`Gallow Hill,
    // Harrowby`).
    let glued: HashSet<u32> = found
        .iter()
        .filter(|f| f.1 && f.3 == 0)
        .map(|f| f.0.b)
        .collect();
    let wide: HashSet<u32> = found.iter().filter(|f| f.3 > 1).map(|f| f.0.b).collect();
    found
        .into_iter()
        .filter(|&(e, _, _, gap, _)| {
            !((gap > 0 && glued.contains(&e.b)) || (gap == 1 && wide.contains(&e.b)))
        })
        .map(|(e, _, _, _, _)| e)
        .collect()
}

/// Whether squeezed text `t` is a run of three or more of one mark that
/// ends or breaks up a text as a block of its own: `#`, `*`, `=`, `~` or
/// `_` (`###` after a press release, `***` between a story's parts). A
/// paragraph, where other runs of marks (`...`, `!!`) end a sentence and
/// a run of hyphens may be a dash.
fn end_mark(t: &[u8]) -> bool {
    t.len() >= 3 && matches!(t[0], b'#' | b'*' | b'=' | b'~' | b'_') && t.iter().all(|&b| b == t[0])
}

/// Edges for lines shorter than `KEY` glued right before another line's
/// start, or right after its end, inside a third line (`…the main
/// stage.Photo: ReutersForty thousand…`, where `Forty thousand…` starts a
/// line): the element the scraper wrote between two others. The other
/// line's start (end) is the evidence of one side; the short line's other
/// side must look like a seam ([`is_seam`]) with no whitespace written
/// there, as glue leaves it, unless the short line reads as a heading or a
/// caption before the other line (after a sentence's end, ending on a
/// word). `edges`: the key edges, whose starts and ends inside other lines
/// are looked at.
pub(super) fn flanking_edges<L: Keyed + ?Sized>(
    lines: &L,
    edges: &[Edge],
    (by_key, lens): &ShortLines,
) -> Vec<Edge> {
    if lens.is_empty() {
        return Vec::new();
    }
    // (outer line, squeezed offset of the short line's glued side, edge,
    // whether it may be a heading: see below)
    let mut found: Vec<(u32, usize, Edge, bool)> = Vec::new();
    // Where the lines' squeezed bytes are not held, they are made here:
    // each outer line once, its edges taken together.
    let (mut s_buf, mut t_buf) = (Vec::new(), Vec::new());
    // `glued_at`: the short line's side away from the placed line.
    let mut look = |o: u32, s: &[u8], (from, to): (usize, usize), glued_at, t_buf: &mut Vec<u8>| {
        let part = &s[from..to];
        let Some(bucket) = by_key.get(&part_key(part)) else {
            return;
        };
        if !is_seam(s, glued_at) {
            return;
        }
        // A note's mark glued as a superscript to the text before it
        // (`…dam cheaply.3The board…`) ends that block: no paragraph of
        // its own before the next (see `short_edges`).
        if glued_at == from && copies::superscript_note(s, from, to) {
            return;
        }
        let heading = glued_at == from
            && super::cuts::reads_as_heading(
                super::cuts::Look::at(s, from),
                super::cuts::Look::at(s, to),
            );
        for &ti in bucket {
            if lines.sq(ti as usize, t_buf) == part {
                let d = from as i64;
                found.push((o, glued_at, Edge { a: o, b: ti, d }, heading));
            }
        }
    };
    // (outer line, where the inner one starts in it, its length)
    let mut inside: Vec<(u32, usize, usize)> = edges
        .iter()
        .filter_map(|e| {
            let (outer, inner, d) = if e.d >= 0 {
                (e.a, e.b, e.d)
            } else {
                (e.b, e.a, -e.d)
            };
            let p = usize::try_from(d).ok()?;
            Some((outer, p, lines.sq_len(inner as usize)))
        })
        .collect();
    inside.sort_unstable();
    inside.dedup();
    for run in inside.chunk_by(|x, y| x.0 == y.0) {
        let outer = run[0].0;
        let s = lines.sq(outer as usize, &mut s_buf);
        for &(_, p, t_len) in run {
            if p > s.len() {
                continue;
            }
            let end = p + t_len;
            // An empty line (an ellipsis alone) is glued nowhere.
            for &len in lens.iter().filter(|&&len| len > 0) {
                // Right before the inner line's start: glued at its own start.
                if len < p {
                    look(outer, s, (p - len, p), p - len, &mut t_buf);
                }
                // Right after its end, inside the outer line: glued at its end.
                if end + len < s.len() {
                    look(outer, s, (end, end + len), end + len, &mut t_buf);
                }
            }
        }
    }
    found.sort_unstable_by_key(|f| (f.0, f.1, f.2.b, f.2.d));
    found.dedup_by_key(|f| (f.0, f.1, f.2.b, f.2.d));
    // Whitespace written at the glued side: a phrase the text repeats
    // (`…said Joe Biden.In late…` squeezes to a seam at `said|Joe`).
    // Unless the short line is a heading or a caption: after a sentence's
    // end, it ends on a word, no sentence's stop, right where a paragraph
    // starts (`…the Onion Fair. HistoryA settlement…`, a heading in a
    // wrapper of its own, which a paragraph's text before it, written with
    // its line break, spaces; `…of all time. Photo: Reuters But…`). A
    // paragraph's own words end with its sentence.
    let mut kept = Vec::new();
    for run in found.chunk_by(|x, y| x.0 == y.0) {
        let raw = lines.raw(run[0].0 as usize);
        // Squeezed bytes passed; whitespace right after them is at the cut.
        let (mut seen, mut chars) = (0, raw.chars());
        for &(_, at, e, heading) in run {
            while seen < at {
                match chars.next() {
                    Some(c) if !c.is_whitespace() => seen += c.len_utf8(),
                    Some(_) => {}
                    None => break,
                }
            }
            let spaced = chars.clone().next().is_some_and(char::is_whitespace);
            if seen == at && (!spaced || heading) {
                kept.push(e);
            }
        }
    }
    kept
}

/// Whether `raw` writes whitespace where its squeezed text is cut to take
/// off its last (`at_end`) or first `len` bytes.
pub(super) fn spaced_at(raw: &str, len: usize, at_end: bool) -> bool {
    gap_at(raw, len, at_end) > 0
}

/// The whitespace chars that `raw` writes where its squeezed text is cut
/// to take off its last (`at_end`) or first `len` bytes.
pub(super) fn gap_at(raw: &str, len: usize, at_end: bool) -> usize {
    fn gap(mut chars: impl Iterator<Item = char>, len: usize) -> usize {
        let mut seen = 0;
        while let Some(c) = chars.next() {
            if seen >= len {
                return match c.is_whitespace() {
                    true => 1 + chars.take_while(|c| c.is_whitespace()).count(),
                    false => 0,
                };
            }
            if !c.is_whitespace() {
                seen += c.len_utf8();
            }
        }
        0
    }
    if at_end {
        gap(raw.trim_end().chars().rev(), len)
    } else {
        gap(raw.trim_start().chars(), len)
    }
}

/// The key of a short line's squeezed bytes `b`, or of an unplaced one's
/// (`KEY` bytes or more: its start and end keys and its length), by which
/// [`ShortLines`] finds it.
#[inline]
pub(super) fn part_key(b: &[u8]) -> u64 {
    if b.len() < KEY {
        short_key(pack(b), b.len())
    } else {
        mix(key_hash(&b[..KEY]) ^ mix(key_hash(&b[b.len() - KEY..]) ^ b.len() as u64))
    }
}

/// Up to 16 bytes as one little-endian number.
#[inline]
pub(super) fn pack(b: &[u8]) -> u128 {
    let mut w = [0u8; 16];
    w[..b.len()].copy_from_slice(b);
    u128::from_le_bytes(w)
}

/// The key of the first `len` (less than 16) bytes of `packed`.
#[inline]
pub(super) fn short_key(packed: u128, len: usize) -> u64 {
    let bytes = packed & ((1u128 << (8 * len)) - 1);
    mix(bytes as u64 ^ mix((bytes >> 64) as u64 ^ len as u64))
}

/// Fewest consecutive short lines whose glued text counts as a run.
const RUN: usize = 3;

/// Edges for runs of consecutive short lines (each shorter than `LONG`)
/// that another line holds one after another in their order, with no
/// single space between any two (a table's cells, written one a line,
/// that a container's or a cascade's line glues: `CandidatePartyVotes
/// (share)Tamsin Vell…`). Each is placed there: the scraper wrote the
/// elements in turn, so each meets the next at an element's boundary,
/// however short it is. Inline elements of one paragraph meet at a space
/// of its running text instead ([`copies`]). The search is bounded by a
/// budget of bytes looked at, a few times the text's size: a file of
/// short lines alone cannot make it quadratic.
pub(super) fn run_edges<L: Keyed + ?Sized>(lines: &L, once: &dyn Fn(usize) -> bool) -> Vec<Edge> {
    let n = lines.count();
    let total: usize = (0..n).map(|i| lines.sq_len(i)).sum();
    let mut budget = total.saturating_mul(8).saturating_add(1 << 16);
    // Longest first: a run's text is looked for only in the hosts as long.
    let mut hosts: Vec<usize> = (0..n).filter(|&i| lines.sq_len(i) >= LONG).collect();
    hosts.sort_unstable_by_key(|&h| std::cmp::Reverse(lines.sq_len(h)));
    // A line written more than once (a heading each section repeats) may
    // be any of its places: no run holds it.
    let short = |i: usize| (1..LONG).contains(&lines.sq_len(i)) && once(i);
    let (mut buf, mut h_buf, mut joined) = (Vec::new(), Vec::new(), Vec::new());
    let mut offs = Vec::new();
    let mut raw_at = Vec::new();
    let mut found = Vec::new();
    let mut s = 0;
    while s + RUN <= n && budget > 0 {
        if !(s..s + RUN).all(short) {
            s += 1;
            continue;
        }
        joined.clear();
        for i in s..s + RUN {
            joined.extend_from_slice(lines.sq(i, &mut buf));
        }
        if joined.len() < KEY {
            s += 1;
            continue;
        }
        let finder = memchr::memmem::Finder::new(&joined);
        // The first host holding the first lines of the run, then as many
        // lines after them as it holds on from there.
        let mut placed = None;
        for &h in &hosts {
            let len = lines.sq_len(h);
            if len < joined.len() {
                break;
            }
            budget = budget.saturating_sub(len);
            let host = lines.sq(h, &mut h_buf);
            if let Some(at) = finder.find(host) {
                let mut ends = Vec::with_capacity(RUN + 1);
                let mut end = at;
                for i in s..s + RUN {
                    end += lines.sq_len(i);
                    ends.push(end);
                }
                let mut t = s + RUN;
                while t < n && short(t) {
                    let next = lines.sq(t, &mut buf);
                    if !host[end..].starts_with(next) {
                        break;
                    }
                    end += next.len();
                    ends.push(end);
                    t += 1;
                }
                placed = Some((h, at, ends, t));
                break;
            }
            if budget == 0 {
                break;
            }
        }
        let Some((h, mut at, ends, t)) = placed else {
            s += 1;
            continue;
        };
        let host = lines.sq(h, &mut h_buf);
        // A note's mark glued as a superscript to the text before the run
        // (`…the seabed survey.2The costWhat we know`) ends that block.
        let mut first = s;
        if copies::superscript_note(host, at, ends[0]) {
            at = ends[0];
            first += 1;
        }
        if t < first + RUN {
            s += 1;
            continue;
        }
        let ends = &ends[first - s..];
        // Each junction between two blocks' ends: a word's or a closing
        // mark's end, then a word's or an opening mark's start. Pieces of
        // one token (an element walk's inline code: `armv7r-none`,
        // `-eabi`, `*`; `std::iter::`, `Iterator::find`) meet otherwise.
        let between_blocks = |e: usize| {
            seams::last_char(&host[..e]).is_some_and(seams::ends_block)
                && seams::opens_block(&host[e..])
        };
        if !ends[..ends.len() - 1].iter().all(|&e| between_blocks(e)) {
            s += 1;
            continue;
        }
        // No single space at any junction: a paragraph's running text.
        offs.clear();
        for &e in &ends[..ends.len() - 1] {
            offs.extend([e - 1, e]);
        }
        raw_at.clear();
        let raw = lines.raw(h);
        squeeze::raw_offsets_into(raw, &offs, &mut raw_at);
        let spaced_once = raw_at
            .chunks_exact(2)
            .any(|w| raw.as_bytes().get(w[0] + 1..w[1]) == Some(b" "));
        if !spaced_once {
            let mut from = at;
            for (i, &e) in (first..t).zip(ends) {
                found.push(Edge {
                    a: h as u32,
                    b: i as u32,
                    d: from as i64,
                });
                from = e;
            }
        }
        s = t;
    }
    found
}
