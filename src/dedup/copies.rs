//! Copies: lines whose text is already in the article, and where each
//! group's paragraphs go.
//!
//! A copy adds no text, so it is dropped; but a line is only taken for a
//! copy on evidence, since a clean article may quote one of its own short
//! paragraphs (a heading named in the text): where the evidence is
//! ambiguous, the reading that keeps every line whole wins.
//!
//! - Inside a glued group (one whose lines make paragraph cuts), a line
//!   that makes no cut of its own is a copy: a fragment, a summary, a
//!   teaser, an element of a container.
//! - A short line found whole, on word boundaries, inside such a group's
//!   text is a copy too (`Joe Biden`, `according to the White House`).
//! - Elsewhere a line is a copy only by its own look and place: cut off
//!   with an ellipsis, written just before the line it starts, ending a
//!   sentence (a description line before the lede), or a short name or
//!   phrase written once, just after the paragraph that holds it (a link's
//!   text). Any other line stays, whole, in its own place.

use std::borrow::Cow;

use super::pieces::{Frame, Para};
use super::*;

/// Lines shorter than this (squeezed bytes) are looked for inside glued
/// text as possible copies: link texts, names, phrases, summaries.
const SHORT_COPY: usize = 256;
/// Link and emphasis texts are shorter than this (squeezed bytes); a line
/// this long or longer is a paragraph that may hold them.
const LINK_TEXT: usize = 64;
/// Lines standing alone, one after another, tried as the elements of one
/// paragraph ([`Output::tile_paragraphs`]).
const MAX_TILES: usize = 64;
/// Short lines past which no paragraph is tried for them (a file of
/// millions of tiny lines, issue 13).
const MAX_TILE_LINES: usize = 1 << 14;
/// How many lines back a link text may stand from its paragraph (the
/// paragraph's other links between them).
const NEAR: usize = 8;

/// A paragraph as a pass writes it: normalised (still borrowed where the
/// text was normalised as written), with its squeezed bytes when known,
/// whether to split it at glued seams, and whether it may repeat an
/// earlier paragraph (the article repeats it there).
pub(super) type Finished<'a> = (Cow<'a, str>, Option<Cow<'a, [u8]>>, bool, bool);

/// A run of output paragraphs with where it goes.
struct Item<'a> {
    /// First occurrence of its earliest line: items are written in this order.
    key: usize,
    paras: Vec<Para<'a>>,
    /// Split its paragraphs at glued seams.
    split: bool,
    /// It comes from a group whose lines made paragraph cuts.
    glued: bool,
    /// The line of a group of one, which may still be a copy.
    alone: Option<usize>,
    /// The line whose text a group that makes no cut is (its other lines
    /// copies of it), which may still be a copy of another paragraph by
    /// its look and place: a link's text that a shorter one repeats
    /// (`Craig Dunmore`, then `Dunmore`).
    holder: Option<usize>,
}

/// The paragraphs of a pass, gathered group by group.
pub(super) struct Output<'l, 'a> {
    lines: &'l [Line<'a>],
    names: Names<'l, 'a>,
    items: Vec<Item<'a>>,
    /// Some line was taken for a copy and left out.
    dropped: bool,
    /// Nothing is taken for a copy (the strict reading).
    strict: bool,
    /// Short lines taken for copies inside glued groups, which another
    /// place of the text may still show to be paragraphs.
    copied: Vec<usize>,
    /// The file's paragraphs are seen to meet at one space in few places,
    /// if at all: one space is the gap between a block's sentences and
    /// inline elements.
    narrow_rare: bool,
    /// The file's paragraphs are seen to meet at one space in few places
    /// counting a cascade's glued line starts too: there one space after
    /// a sentence's stop is the gap between a paragraph's sentences.
    sentences_rare: bool,
}

impl<'l, 'a> Output<'l, 'a> {
    pub(super) fn new(
        lines: &'l [Line<'a>],
        names: Names<'l, 'a>,
        strict: bool,
        narrow_rare: bool,
        sentences_rare: bool,
    ) -> Self {
        Output {
            lines,
            names,
            // Room for a file's items (a group or a line each), grown past
            // that: a pass over a million lines in one group needs one.
            items: Vec::with_capacity(lines.len().min(64)),
            dropped: false,
            strict,
            copied: Vec::new(),
            narrow_rare,
            sentences_rare,
        }
    }

    /// A group of one line, its text as written.
    pub(super) fn push_line(&mut self, line: usize, split: bool) {
        let l = &self.lines[line];
        // A line cut off with an ellipsis that nothing else holds is
        // written whole, so its squeezed bytes are made again.
        let sq = (l.cut == 0).then_some(Cow::Borrowed(l.sq));
        self.items.push(Item {
            key: l.first as usize,
            paras: vec![(Cow::Borrowed(l.text()), sq)],
            split,
            glued: false,
            alone: Some(line),
            holder: None,
        });
    }

    /// A group of several lines: its paragraphs, and its members (indices
    /// into `g.members`) that are copies. `split`: its paragraphs are split
    /// at glued seams no line start shows (the near-copy reading).
    pub(super) fn push_group(
        &mut self,
        g: &Group,
        frame: &Frame,
        copies: Vec<usize>,
        paragraphs: Vec<Para<'a>>,
        split: bool,
    ) {
        let glued = paragraphs.len() > 1;
        // (The strict reading keeps its copies, below.)
        self.dropped |= !self.strict && !copies.is_empty();
        let mut gone = vec![false; g.members.len()];
        // A copy (a link's text written long before, a fragment) does not
        // say where the group's text stands: the lines that make its
        // paragraphs do.
        let mut copy = vec![false; g.members.len()];
        for &m in &copies {
            copy[m] = true;
            let line = g.members[m].0 as usize;
            if glued && !self.strict && self.lines[line].raw.len() < SHORT_COPY {
                self.copied.push(line);
            }
        }
        if self.strict {
            // The strict reading drops nothing: a line whose ends are no
            // boundary (a later pass's paragraph that another quotes,
            // `Frame::every_event`) stands alone, in its own place.
            for &m in &copies {
                gone[m] = true;
                self.push_line(g.members[m].0 as usize, false);
            }
        } else if !glued {
            // No cut: the group is one line's text, and the others are
            // copies of it only if the scraper wrote them beside it.
            for m in copies {
                let line = g.members[m].0 as usize;
                if self.near_copy(line, frame.cut_inside(self.lines, g, m)) {
                    continue;
                }
                gone[m] = true;
                self.push_line(line, false);
            }
        }
        let first = |copies_too: bool, inner_too: bool| {
            g.members
                .iter()
                .enumerate()
                .filter(|&(m, _)| {
                    !gone[m] && (copies_too || !copy[m]) && (inner_too || !frame.is_inner(m))
                })
                .map(|(_, &(l, _))| self.lines[l as usize].first as usize)
                .min()
        };
        // The lines no other line holds say where the text stands: a
        // heading that a table of contents repeats earlier is held by the
        // line that glues it to its section.
        let key = first(false, false)
            .or_else(|| first(false, true))
            .or_else(|| first(true, true))
            .unwrap_or(0);
        let mut kept = (0..g.members.len()).filter(|&m| !copy[m] && !gone[m]);
        let holder = match (kept.next(), kept.next()) {
            (Some(m), None) if !glued => Some(g.members[m].0 as usize),
            _ => None,
        };
        self.items.push(Item {
            key,
            paras: paragraphs,
            split: split && glued,
            glued,
            alone: None,
            holder,
        });
    }

    /// The paragraphs in article order, normalised, each with its squeezed
    /// bytes when they are known, and whether to split it at glued seams;
    /// and whether some line was taken for a copy and left out.
    pub(super) fn finish(mut self) -> (Vec<Finished<'a>>, bool) {
        if !self.strict {
            self.restore_glued_copies();
            self.tile_paragraphs();
            self.drop_short_copies();
            self.drop_truncated_alone();
            self.drop_placed_repeats();
        }
        self.items.sort_by_key(|i| i.key);
        let total: usize = self.items.iter().map(|i| i.paras.len()).sum();
        let mut out = Vec::with_capacity(total);
        // Short paragraphs (a heading, a list item, `GOAL!`) of the glued
        // groups before: what the article repeats in another place.
        let mut furniture: HashSet<String> = HashSet::new();
        let several_glued = self.items.iter().filter(|i| i.glued).count() > 1;
        for item in self.items {
            // A body that comes to one paragraph has no line starts or ends
            // inside it to go by: glued seams are all there is.
            let split = item.split || total == 1;
            let alone_repeat = item.alone.is_some_and(|l| self.lines[l].repeat);
            let from = out.len();
            for (raw, sq) in item.paras {
                out.push((normalized(raw), sq, split, alone_repeat));
            }
            // A group's axis that holds a paragraph twice (a line with both
            // places in it) is the article repeating it.
            if item.glued && out.len() - from > 1 {
                let mut here = TextSet::default();
                let mut twice: Vec<usize> = (from..out.len())
                    .filter(|&k| !here.insert(out[k].0.as_ref()))
                    .collect();
                // So is one that a paragraph split at its glued seams
                // holds again (`…0.8 pct.Key points`, where no line starts
                // at the second `Key points`): the piece keeps its parts.
                if split {
                    let mut again = TextSet::default();
                    for (k, p) in out.iter().enumerate().skip(from) {
                        let parts = split_glued(&p.0);
                        if parts.len() < 2 {
                            continue;
                        }
                        for part in parts {
                            let part = part.trim_matches(' ');
                            if here.contains(part) {
                                again.insert(part);
                                twice.push(k);
                            }
                        }
                    }
                    twice.extend((from..out.len()).filter(|&k| again.contains(out[k].0.as_ref())));
                }
                for k in twice {
                    out[k].3 = true;
                }
            }
            // Two glued groups are two places of the article: a
            // paragraph held by both was joined to neither by a key (each
            // group glues it to other text: a headline in a key events box
            // and over its post, `GOAL!` over two posts of a live blog),
            // and where it is furniture, a repeat: short, and no sentence
            // or a sentence no longer than a heading (`GOAL!`, `Yes.`). (A
            // longer sentence that two groups hold is as often a paragraph
            // whose lines the scraper shuffled or wrote twice over, which
            // no key joined.)
            if item.glued && several_glued {
                let mine: Vec<String> = out[from..]
                    .iter()
                    .map(|p| p.0.as_ref())
                    // (Bounded: a headline, not a glued line of megabytes.)
                    .filter(|p| {
                        p.len() < SHORT_COPY
                            && (!ends_sentence(p) || p.split(' ').count() <= HEADING_WORDS)
                    })
                    .map(str::to_string)
                    .collect();
                for p in &mut out[from..] {
                    p.3 |= furniture.contains(p.0.as_ref());
                }
                furniture.extend(mine);
            }
        }
        if !self.strict {
            let before = out.len();
            drop_cut_copies(&mut out);
            self.dropped |= out.len() < before;
        }
        (out, self.dropped)
    }

    /// Writes again, standing alone, the copies taken inside glued groups
    /// whose text also ends or starts a glued paragraph flush, at a seam
    /// (`The Lantern ChoirPhoto: Reuters`, where the caption is quoted too
    /// at the end of another paragraph, `…stage. Photo: Reuters`): the line
    /// is where that paragraph breaks, and the next pass cuts it there.
    fn restore_glued_copies(&mut self) {
        if self.copied.is_empty() {
            return;
        }
        let mut copied = std::mem::take(&mut self.copied);
        copied.sort_unstable();
        copied.dedup();
        let texts: Vec<String> = copied
            .iter()
            .map(|&l| normalize(self.lines[l].raw))
            .collect();
        let flush = find_in_items(&texts, self.items.iter().filter(|i| i.glued)).flush;
        for (line, flush) in copied.into_iter().zip(flush) {
            if flush {
                self.push_line(line, false);
            }
        }
    }

    /// Splits a glued group's paragraph that lines standing alone, written
    /// one after another, make up exactly, in order, into those lines
    /// (`Half-time: 10-13 Referee: M Riley Attendance: 29,603`, a list's
    /// text in an element walk, then each item): each line start and end
    /// is a paragraph's. One short line inside a paragraph is a copy (a
    /// link's text); a run of them that is all of it is its elements.
    fn tile_paragraphs(&mut self) {
        if !self.items.iter().any(|i| i.glued) {
            return;
        }
        // Short lines, by their place in the input, with their item where
        // they stand alone (`usize::MAX` where not: a group's member, kept
        // or taken for a copy).
        let mut item_of = vec![usize::MAX; self.lines.len()];
        for (k, i) in self.items.iter().enumerate() {
            if let Some(l) = i.alone {
                item_of[l] = k;
            }
        }
        let mut alone: Vec<(usize, usize)> = (0..self.lines.len())
            .filter(|&l| self.lines[l].cut == 0 && self.lines[l].raw.len() < SHORT_COPY)
            .map(|l| (l, item_of[l]))
            .collect();
        if alone.len() < 2 || alone.len() > MAX_TILE_LINES {
            return;
        }
        alone.sort_unstable_by_key(|&(l, _)| self.lines[l].first);
        // Two lines follow one another where no new text stands between
        // them, only copies (an element walk writes a wrapped heading
        // twice, its `<div>` and its `<h2>`, before the next one): the
        // distinct lines are numbered in the order their texts are first
        // written, so theirs are next numbers.
        let follows = |prev: usize, l: usize| l == prev + 1;
        // No two of them one after another: no run to try, and no table of
        // the glued paragraphs to make.
        if !alone.windows(2).any(|w| follows(w[0].0, w[1].0)) {
            return;
        }
        let squeezed = |text: &str| -> Vec<u8> {
            let mut sq = Vec::new();
            squeeze_into(text, &mut sq);
            sq
        };
        // The glued groups' paragraphs, by the hash of their squeezed bytes,
        // and their first bytes: a run is tried only from a line that
        // starts as one of them does.
        // Each is entered whole, and also by its tail after a heading that
        // opens it (`Results at a glance` over a table whose cells the
        // scraper glued): the run of lines is the elements after the
        // heading, which no line of its own shows. (The byte in the raw
        // text where the heading ends, the whitespace before the tail;
        // 0 for the whole paragraph.)
        let mut paragraphs: U64Map<Vec<(usize, usize, usize)>> = U64Map::default();
        let mut heads: HashSet<[u8; 2]> = HashSet::new();
        // A run is hashed only at a paragraph's length, and at most
        // `budget` bytes in all: twice the text, so the search stays linear
        // whatever the lines (16,384 lines of 250 bytes that all start as
        // a long paragraph does).
        let mut lens: HashSet<usize> = HashSet::new();
        let mut budget: usize = 1 << 16;
        let mut longest = 0;
        for (k, item) in self.items.iter().enumerate().filter(|(_, i)| i.glued) {
            for (p, (raw, _)) in item.paras.iter().enumerate() {
                let sq = squeezed(raw);
                longest = longest.max(sq.len());
                lens.insert(sq.len());
                budget = budget.saturating_add(2 * sq.len());
                for at in std::iter::once(0).chain(heading_ends(raw)) {
                    let tail = &sq[squeezed(&raw[..at]).len().min(sq.len())..];
                    lens.insert(tail.len());
                    paragraphs
                        .entry(word_hash(tail))
                        .or_default()
                        .push((k, p, at));
                    if let [a, b, ..] = tail[..] {
                        heads.insert([a, b]);
                    }
                }
            }
        }
        // (item, paragraph, heading's end) -> the lines that make it up.
        let mut tiles: Vec<((usize, usize, usize), Vec<usize>)> = Vec::new();
        let mut taken: HashSet<(usize, usize)> = HashSet::new();
        let mut gone = vec![false; self.items.len()];
        let mut i = 0;
        while i < alone.len() {
            let first = self.lines[alone[i].0].sq;
            if !matches!(first, [a, b, ..] if heads.contains(&[*a, *b])) {
                i += 1;
                continue;
            }
            let mut run = first.to_vec();
            let mut found = None;
            for j in i + 1..alone.len().min(i + MAX_TILES) {
                let (l, prev) = (alone[j].0, alone[j - 1].0);
                // Lines one after another, and each an element's start:
                // a line opening in small letters goes on a sentence (a
                // hard-wrapped paragraph).
                let next_opens = self.lines[l]
                    .raw
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_lowercase());
                if !follows(prev, l) || !next_opens {
                    break;
                }
                run.extend_from_slice(self.lines[l].sq);
                if run.len() > longest || run.len() > budget {
                    break;
                }
                if !lens.contains(&run.len()) {
                    continue;
                }
                budget -= run.len();
                let hit = paragraphs.get(&word_hash(&run)).and_then(|at| {
                    at.iter().copied().find(|&(k, p, h)| {
                        !taken.contains(&(k, p)) && squeezed(&self.items[k].paras[p].0[h..]) == run
                    })
                });
                if hit.is_some() {
                    found = hit.map(|at| (at, j));
                }
            }
            // A label and the one element after it (`Read more:` and a
            // link) are one block's inline elements where a line is that
            // block: its paragraph stays. (Without one, only a container
            // of other blocks holds them: `<p>Our rating:</p><p>False</p>`.)
            let label_and_link = |&(_, j): &((usize, usize, usize), usize)| {
                j == i + 1 && is_label(self.lines[alone[i].0].raw) && {
                    let (label, link) = (self.lines[alone[i].0].sq, self.lines[alone[j].0].sq);
                    self.lines.iter().any(|l| {
                        l.sq.len() == label.len() + link.len()
                            && l.sq.starts_with(label)
                            && l.sq.ends_with(link)
                    })
                }
            };
            // Where the file's paragraphs seldom meet at one space, lines
            // that meet at one space in the paragraph they make up are its
            // inline elements (a caption and its credit, a bold lead-in and
            // its sentence), which an element walk wrote after the block:
            // copies, and the paragraph stays whole. Where only a
            // cascade's glued lines show that, the lines are its sentences,
            // meeting after their stops (a list's items, which an element
            // walk writes one space apart however its file glues, are
            // blocks).
            let inline = |&((k, p, h), j): &((usize, usize, usize), usize)| {
                self.sentences_rare
                    && meet_at_one_space(
                        &self.items[k].paras[p].0[h..],
                        alone[i..j].iter().map(|&(l, _)| self.lines[l].sq.len()),
                        !self.narrow_rare,
                    )
            };
            match found.filter(|f| !label_and_link(f)) {
                Some(f) if inline(&f) => {
                    taken.insert((f.0 .0, f.0 .1));
                    for &(_, k) in &alone[i..=f.1] {
                        if let Some(gone) = gone.get_mut(k) {
                            *gone = true;
                        }
                    }
                    self.dropped = true;
                    i = f.1 + 1;
                }
                Some((at, j)) => {
                    taken.insert((at.0, at.1));
                    tiles.push((at, alone[i..=j].iter().map(|&(l, _)| l).collect()));
                    for &(_, k) in &alone[i..=j] {
                        if let Some(gone) = gone.get_mut(k) {
                            *gone = true;
                        }
                    }
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        if tiles.is_empty() {
            return;
        }
        // Later paragraphs of an item first, so that indices hold.
        tiles.sort_unstable_by_key(|t| std::cmp::Reverse(t.0));
        let lines = self.lines;
        for ((k, p, h), run) in tiles {
            let heading = (h > 0).then(|| {
                let raw = &self.items[k].paras[p].0;
                let head = match raw {
                    Cow::Borrowed(r) => Cow::Borrowed(r[..h].trim_end()),
                    Cow::Owned(r) => Cow::Owned(r[..h].trim_end().to_string()),
                };
                (head, None)
            });
            let parts = run.iter().map(|&l| {
                (
                    Cow::Borrowed(lines[l].raw),
                    Some(Cow::Borrowed(lines[l].sq)),
                )
            });
            self.items[k]
                .paras
                .splice(p..=p, heading.into_iter().chain(parts));
        }
        retain_unmarked(&mut self.items, &gone);
    }

    /// Drops lines standing alone that are copies: short text found on word
    /// boundaries inside a glued group's paragraphs, or a description line
    /// before the line it starts.
    fn drop_short_copies(&mut self) {
        // A short line (or a group that came to one short paragraph: a
        // fragment with a shorter fragment of its own) is a candidate. One
        // that reads as a sentence is a copy only where it was cut out of
        // one: found whole between two sentences, it stays (a quoted
        // question, a one-line paragraph repeated inside another).
        let text_of = |i: &Item<'a>| -> Option<(String, bool)> {
            let raw: &str = match (i.alone, &i.paras[..]) {
                (Some(l), _) => self.lines[l].raw,
                (None, [(raw, _)]) if !i.glued => raw,
                _ => return None,
            };
            (raw.len() < SHORT_COPY).then(|| (normalize(raw), is_sentence(raw)))
        };
        let mut candidates = Vec::new();
        let mut texts = Vec::new();
        let mut sentence = Vec::new();
        for (k, i) in self.items.iter().enumerate() {
            if let Some((text, whole)) = text_of(i) {
                candidates.push(k);
                texts.push(text);
                sentence.push(whole);
            }
        }
        if candidates.is_empty() || self.items.len() < 2 {
            return;
        }
        let mut drop = vec![false; self.items.len()];
        if self.items.iter().any(|i| i.glued) {
            let m = find_in_items(&texts, self.items.iter().filter(|i| i.glued));
            for (c, &k) in candidates.iter().enumerate() {
                let cut_out = if sentence[c] { m.inside[c] } else { m.found[c] };
                drop[k] |= (cut_out || m.cut_short[c]) && !m.flush[c];
            }
        }
        // By look and place too: a sentence only where the article has it
        // again later (a heading that a paragraph links to).
        for (&k, &sentence) in candidates.iter().zip(&sentence) {
            let line = self.items[k].alone.or(self.items[k].holder);
            if !drop[k] && line.is_some_and(|l| !sentence || self.lines[l].echo) {
                drop[k] = line.is_some_and(|l| self.near_copy(l, false));
            } else if !drop[k] && sentence {
                drop[k] = line.is_some_and(|l| sentence_link(self.lines, l));
            }
        }
        self.dropped |= drop.iter().any(|&d| d);
        retain_unmarked(&mut self.items, &drop);
    }

    /// Drops the lines standing alone that were cut off with an ellipsis
    /// (of any length) and whose text is found on word boundaries in
    /// another item's text, glued or not (`Guidant is ...` before the
    /// whole article written as one line, which no key can place it in):
    /// what precedes the ellipsis is in the article. At most
    /// `MAX_CUT_LOOKUPS` of them are looked for, so that the overlapping
    /// matches at a position stay few however many such lines a file has.
    fn drop_truncated_alone(&mut self) {
        if self.items.len() < 2 {
            return;
        }
        let truncated: Vec<(usize, usize)> = (0..self.items.len())
            .filter_map(|k| {
                let l = self.items[k].alone?;
                (self.lines[l].cut != 0).then_some((k, l))
            })
            .take(MAX_CUT_LOOKUPS)
            .collect();
        if truncated.is_empty() {
            return;
        }
        let texts: Vec<String> = truncated
            .iter()
            .map(|&(_, l)| normalize(self.lines[l].raw))
            .collect();
        let others = self
            .items
            .iter()
            .filter(|i| i.alone.is_none_or(|l| self.lines[l].cut == 0));
        let found = find_in_items(&texts, others).found;
        let mut drop = vec![false; self.items.len()];
        for (&(k, _), found) in truncated.iter().zip(found) {
            drop[k] = found;
        }
        self.dropped |= drop.iter().any(|&d| d);
        retain_unmarked(&mut self.items, &drop);
    }

    /// Drops short lines standing alone whose text a glued group holds as
    /// a paragraph: the group's lines placed the text (as often as the
    /// article has it: one line holding several), and the line adds no
    /// place of its own (a description that is also a heading of the
    /// body, a line the scraper wrote twice): a repeat wherever it stands,
    /// any other line where it stands before the group.
    fn drop_placed_repeats(&mut self) {
        if !self.items.iter().any(|i| i.glued) {
            return;
        }
        // Short lines standing alone, not cut off, by their text.
        let lines = self.lines;
        let mut alone: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, i) in self.items.iter().enumerate() {
            if let Some(l) = i.alone {
                if lines[l].cut == 0 && lines[l].raw.len() < SHORT_COPY {
                    alone.entry(normalize(lines[l].raw)).or_default().push(k);
                }
            }
        }
        if alone.is_empty() {
            return;
        }
        // Where a glued group holds each such text first (its item's key).
        let mut placed: HashMap<&str, usize> = HashMap::new();
        for item in self.items.iter().filter(|i| i.glued) {
            for (raw, _) in &item.paras {
                if raw.len() > 2 * SHORT_COPY {
                    continue;
                }
                if let Some((text, _)) = alone.get_key_value(normalize(raw).as_str()) {
                    let at = placed.entry(text.as_str()).or_insert(item.key);
                    *at = (*at).min(item.key);
                }
            }
        }
        // A repeat goes wherever it stands; a line the article has once only
        // where it stands before the group (a description, a summary): one
        // standing after may be a later place of the text.
        let mut drop = vec![false; self.items.len()];
        for (text, key) in placed {
            for &k in &alone[text] {
                let l = self.items[k].alone.unwrap_or(0);
                drop[k] = lines[l].repeat || lines[l].first as usize <= key;
            }
        }
        if !drop.contains(&true) {
            return;
        }
        self.dropped = true;
        retain_unmarked(&mut self.items, &drop);
    }

    /// Whether line `l` is a copy by its own look and place: cut off with an
    /// ellipsis (when `contained` in another line), or written just before
    /// the line it starts, ending a sentence (a description or summary line
    /// before the lede; further on, no question).
    ///
    /// A short line just after the line that holds it (an element walk's
    /// link text) is *not* taken for a copy: a clean article may name a
    /// heading just before it, or split a sentence after `and`, and the
    /// reading that keeps every line whole wins.
    fn near_copy(&self, l: usize, contained: bool) -> bool {
        let line = &self.lines[l];
        if !line.raw.chars().any(char::is_alphanumeric) {
            return false;
        }
        if line.cut != 0 && contained {
            return true;
        }
        // A page's description, written before its body, opens it; further
        // on, a sentence written just before the paragraph that opens with
        // it is a link's text written before its block (`Read our guide to
        // what an amber warning means for you.`), but a question (or an
        // exclamation) is a heading that the paragraph takes up (`Why has
        // the lagoon been delayed again?` / `Why has the lagoon been
        // delayed again? The short answer is money…`).
        let question = line
            .raw
            .trim_end()
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['?', '!']);
        let description = ends_sentence(line.raw)
            && (line.first == 0 || !question)
            && self.lines.get(l + 1).is_some_and(|next| {
                next.sq.len() > line.sq.len()
                    && find_aligned(&normalize(next.raw), &normalize(line.raw), true)
            });
        description || link_text(self.lines, l, &self.names) || sentence_link(self.lines, l)
    }
}

/// What [`link_text`] asks of a line's own look, before it looks for the
/// paragraph around it: short (`sq_len` squeezed bytes), written `once`, a
/// name or a phrase, no sentence (unless a `repeat`). A pass whose lines
/// are all told apart by this alone makes no `Line` records to find that
/// it changes nothing (a line of 1.66 million glued paragraphs: 80 MB,
/// issue 13).
pub(super) fn looks_like_link_text(text: &str, sq_len: usize, once: bool, repeat: bool) -> bool {
    if sq_len >= LINK_TEXT {
        return false;
    }
    // A note's mark is the text of a link wherever the text cites it,
    // once or many times.
    let raw = unquoted(text.trim());
    if note_mark(raw) {
        return true;
    }
    if !once {
        return false;
    }
    // A name or a phrase: two words, or one word of four letters or more
    // with a capital (not a lone `A` split off a glued line).
    let words = text.split_whitespace().count();
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
    // An address (`@okwu`, `photos@example.com`, `https://example.com/a`,
    // `severnsun.example`) names too.
    let address = words == 1 && is_address(text.trim());
    // One word names when it is a name: letters and digits, a hyphen or an
    // apostrophe inside, a capital and small letters (`GitHub`, `O’Rourke`,
    // `Kappeln`); no sentence's marks, no word in capitals.
    // Or a word in small letters (`here`, `email`, `diario`: `click here`,
    // `email us`), of four letters or more: shorter ones (`and`, `was`) are
    // what a source sets apart where it lost the name beside them.
    // Inside its quotation marks, if the whole text is quoted (an emphasis
    // on a quoted word, `"critical"`, or on a quotation that goes on in its
    // sentence, `"They are adding to their armoury,"`).
    let one_word = raw
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'));
    let one_name =
        one_word && raw.chars().any(char::is_uppercase) && raw.chars().any(char::is_lowercase);
    let name_like = words >= 2
        || (letters >= 4 && (address || one_name || small_word(raw)))
        || identifier(raw)
        || code(raw);
    // A sentence may be a paragraph of its own; unless the article already
    // has it (a heading that a paragraph links to). Words that each open
    // with a capital, a bracket's too, are a name that ends with an
    // abbreviation (`Sen. Dana Marsh (D-Ore.)`), no sentence.
    let capitals = words >= 2
        && text.split_whitespace().all(|w| {
            w.trim_start_matches(['(', '[', '"', '“', '‘'])
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
    let sentence = is_sentence(text) && !repeat && !capitals;
    if !name_like || sentence || !text.chars().any(char::is_alphanumeric) {
        return false;
    }
    // A name opens with a word or an address, an identifier with its own
    // marks (`--locked`, `-C panic`, `#[bench]`).
    raw.starts_with(|c: char| c.is_alphanumeric() || c == '@')
        || identifier(raw)
        || flag(raw)
        || code(raw)
}

/// What a file shows of itself that reading one short line needs: the
/// words its article writes as names, and whether it writes links' texts
/// before their blocks. Gathered once a pass asks, over all its lines, so
/// that asking for each line stays linear.
pub(super) struct Names<'l, 'a> {
    lines: &'l [Line<'a>],
    /// Words written as names (a capital after a word), and words written
    /// in small letters.
    words: std::cell::OnceCell<[HashSet<&'a str>; 2]>,
    links_before: std::cell::OnceCell<Vec<usize>>,
    headings: std::cell::OnceCell<Vec<usize>>,
}

impl<'l, 'a> Names<'l, 'a> {
    pub(super) fn new(lines: &'l [Line<'a>]) -> Self {
        Names {
            lines,
            words: std::cell::OnceCell::new(),
            links_before: std::cell::OnceCell::new(),
            headings: std::cell::OnceCell::new(),
        }
    }

    /// Whether `text`, a short line's, that a paragraph `after` it holds,
    /// reads as a link's text there rather than as a heading that the
    /// paragraph names again: a name (`Dr Marcus Ebube`, `Marrow & Lund`, a
    /// one-word name the article writes so elsewhere), an address, a
    /// phrase in small letters (`full buying guide`), one held after a
    /// word in small letters (or in a script with no capitals) in its
    /// sentence (`…hear the full programme on Listen again for 30 days.`),
    /// or a sentence that ends its block (`Read more`, `…how we test. Find
    /// out more about how we test here.`). A heading opens with a capital
    /// and is not a name.
    fn reads_as_link(&self, text: &str, after: &[(String, bool)]) -> bool {
        let one_name = !text.contains(char::is_whitespace) && text.starts_with(char::is_uppercase);
        !text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || name_words(text)
            || (one_name && self.has(text))
            || is_address(text)
            || after.iter().any(|(p, _)| {
                occurs(p, text, |b, a| {
                    let b = b.trim_end();
                    if ends_sentence(b) {
                        return ends_block_right_after(a);
                    }
                    // The word before, read back a bounded way: a run of
                    // matches with no space between them stays linear.
                    let word = last_word(b);
                    !word.ends_with(':')
                        && word.starts_with(|c: char| c.is_alphabetic() && !c.is_uppercase())
                })
            })
    }

    /// [`Names::reads_as_link`] for a line written before the paragraphs
    /// `after` it: but for one word with a capital that they hold only
    /// inside their sentences, more words after it, which is no link's
    /// text by its look (see [`link_text`]'s end).
    fn reads_as_link_before(&self, text: &str, after: &[(String, bool)]) -> bool {
        let one_word = !text.contains(char::is_whitespace) && text.starts_with(char::is_uppercase);
        let in_sentences = || {
            !after.iter().any(|(p, _)| {
                occurs(p, text, |before, rest| {
                    before.is_empty()
                        || !rest
                            .strip_prefix(' ')
                            .is_some_and(|a| a.starts_with(char::is_alphanumeric))
                })
            })
        };
        !(one_word && in_sentences()) && self.reads_as_link(text, after)
    }

    /// Whether the file writes a link's text before its block somewhere
    /// other than at line `l`: a short line (a name or a phrase) that the
    /// paragraph after it holds where it reads as a link (but does not
    /// open with, before a space), or opens with as a name before a comma
    /// (`Craig Dunmore` / `Craig Dunmore, 52, of…`), and the paragraph
    /// before it does not hold (a links scraper's order; an element walk
    /// writes a link after its block). A heading that its paragraph names
    /// again is no such evidence: it does not read as a link.
    fn links_before_besides(&self, l: usize) -> bool {
        let found = self.links_before.get_or_init(|| {
            let lines = self.lines;
            let mut found = Vec::new();
            for (m, line) in lines.iter().enumerate() {
                if !looks_like_link_text(line.raw, line.sq.len(), line.once, false)
                    || note_mark(unquoted(line.raw.trim()))
                {
                    continue;
                }
                let text = normalize(line.raw);
                let [before, after] = paragraphs_around(lines, m);
                let held = match next_opens_with(lines, m, &text) {
                    Some(',') => self.reads_as_link(&text, &after),
                    Some(' ') => false,
                    _ => {
                        after
                            .iter()
                            .any(|(p, _)| occurs(p, &text, |b, _| !b.is_empty()))
                            && self.reads_as_link_before(&text, &after)
                    }
                };
                if held && !before.iter().any(|(p, _)| occurs(p, &text, |_, _| true)) {
                    found.push(m);
                    if found.len() > 1 {
                        break;
                    }
                }
            }
            found
        });
        found.iter().any(|&m| m != l)
    }

    /// Whether the file has a heading somewhere other than at line `l`: a
    /// short line, no sentence, that neither the paragraphs around it nor
    /// the line after it hold (`The evidence`, `Sentencing`). A link's
    /// text is held by its block; a file that sets its sections apart so
    /// sets a name over a witness's evidence so too (`Delphine Arkwright`
    /// / `Delphine Arkwright, the tenant, told…`).
    fn headings_besides(&self, l: usize) -> bool {
        let found = self.headings.get_or_init(|| {
            let lines = self.lines;
            let mut found = Vec::new();
            for (m, line) in lines.iter().enumerate() {
                if !looks_like_link_text(line.raw, line.sq.len(), line.once, false)
                    || note_mark(unquoted(line.raw.trim()))
                    || ends_sentence(line.raw)
                {
                    continue;
                }
                let text = normalize(line.raw);
                if next_opens_with(lines, m, &text).is_some()
                    || lines
                        .get(m + 1)
                        .is_some_and(|next| normalize(next.raw).contains(text.as_str()))
                    || paragraphs_around(lines, m)
                        .iter()
                        .flatten()
                        .any(|(p, _)| occurs(p, &text, |_, _| true))
                {
                    continue;
                }
                found.push(m);
                if found.len() > 1 {
                    break;
                }
            }
            found
        });
        found.iter().any(|&m| m != l)
    }

    /// Whether the article writes `word` as a name somewhere, and nowhere
    /// in small letters: a common noun that a name has in it (`Skerran
    /// Ferries` beside `the ferries did not sail`) is a heading's word
    /// (`Ferries`).
    fn has(&self, word: &str) -> bool {
        let [names, small] = self.words.get_or_init(|| {
            let mut words = HashSet::new();
            let mut small = HashSet::new();
            for line in self.lines {
                // Words one space apart only: more whitespace is where
                // a scraper joined two blocks (`…upper floor
                // Campaigners say…`), and a block opens with a capital.
                let mut before: Option<&str> = None;
                for w in line.raw.split(' ') {
                    if w.is_empty() || w.contains(char::is_whitespace) {
                        before = None;
                        continue;
                    }
                    let name = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                    let bare = name.trim_start_matches(|c: char| !c.is_alphanumeric());
                    if bare.starts_with(char::is_lowercase) {
                        small.insert(bare);
                    }
                    if before.is_some_and(|b| b.ends_with(char::is_lowercase))
                        && name.starts_with(char::is_uppercase)
                    {
                        words.insert(name);
                    }
                    before = Some(w);
                }
            }
            [words, small]
        });
        names.contains(word) && !small.contains(word.to_lowercase().as_str())
    }
}

/// The char after `text` (line `l`'s, normalised) where the line after
/// line `l` opens with it: a space for a heading that its paragraph takes
/// up, or a link's text written before the block that opens with it; a
/// comma for a name as a link has it (`Craig Dunmore` / `Craig Dunmore,
/// 52, of…`).
fn next_opens_with(lines: &[Line], l: usize, text: &str) -> Option<char> {
    char_after(&normalize(lines.get(l + 1)?.raw), text)
}

/// The char after `text` where `next` opens with it.
fn char_after(next: &str, text: &str) -> Option<char> {
    next.strip_prefix(text)?.chars().next()
}

/// `text` without the quotation marks around it, where it opens with one
/// and closes with its match; otherwise `text`.
fn unquoted(text: &str) -> &str {
    let mut chars = text.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return text;
    };
    let pair = matches!(
        (open, close),
        ('"', '"') | ('“', '”') | ('‘', '’') | ('\'', '\'') | ('«', '»')
    );
    if pair {
        chars.as_str()
    } else {
        text
    }
}

/// Whether line `l` is a link's or an emphasis' text written after the
/// paragraph that holds it (and after that paragraph's other links), or
/// before it (as some scrapers write a block's links first): short,
/// written once, a name or a phrase (not one small word such as `and`,
/// which a source may set apart), found on word boundaries in the nearest
/// paragraph before or after it. One that the paragraph after it opens
/// with as its subject is that paragraph's heading, taken up, unless the
/// file writes other links before their blocks, or the paragraph before
/// it holds it as a link's text (an element walk writes a link after its
/// block, and a news story's next paragraph often opens with the name:
/// `…to Argo, National Fuel Gas said.` / `National Fuel Gas` / `National
/// Fuel Gas said it…`); and not as the body's first line, before the
/// lede: the title is the header's (`Tony Blair` / `Tony Blair has
/// met…`).
pub(super) fn link_text(lines: &[Line], l: usize, names: &Names) -> bool {
    let line = &lines[l];
    if !looks_like_link_text(line.raw, line.sq.len(), line.once, line.repeat || line.echo) {
        return false;
    }
    let mark = unquoted(line.raw.trim());
    if note_mark(mark) {
        return mark_beside(lines, l, note_number(mark.as_bytes()));
    }
    let words = line.raw.split_whitespace().count();
    let text = normalize(line.raw);
    // A word in small letters is a link's text only in a paragraph's
    // running text, after a space (`click here`, `email us`), and in a
    // short one only with more of its sentence after it: at a short
    // paragraph's end, or after a quote, it is as often a paragraph that
    // a cascade set apart (`Beta rose 5%.delta`), and cleaning the output
    // again must read it so too.
    let small = small_word(unquoted(line.raw.trim()));
    // After a long paragraph (and its other links), anywhere in it;
    // otherwise inside its running text, after a space: one that the
    // paragraph starts with may be a heading that it takes up (`The four
    // signals` / `The four signals are…`), and the reading that keeps it
    // wins.
    // Or the block right beside it holds it right after a label. Not
    // anywhere in its text: a short paragraph that a line cleaned once
    // leaves beside a block quoting it stays a paragraph when cleaned
    // again. (A label's own line is a copy of the block's start.)
    if after_label_beside(lines, l, &text) {
        return true;
    }
    if is_label(line.raw)
        && l >= 1
        && lines[l - 1].sq.len() > line.sq.len()
        && normalize(lines[l - 1].raw)
            .strip_prefix(text.as_str())
            .is_some_and(|rest| rest.starts_with(' '))
    {
        return true;
    }
    // A sentence that the article has again later (a heading that a
    // paragraph before it links to: `from How much does a heat pump cost?
    // to…`) is its text only inside the paragraph's running text: one that
    // the paragraph opens with is the heading over it, said again.
    let echoed = line.echo && !line.repeat && is_sentence(line.raw);
    // A name of two words or more, each with a capital, that the paragraph
    // opens with is a link as often as a heading taken up (`Lady Justice
    // Amberley, giving…`): the text stays either way, inside the
    // paragraph. A phrase is a heading (`Known issues` before `Known issues
    // include…`), and so is one word as often (`Fixed` before `Fixed a
    // crash…`).
    let name = words >= 2
        && text
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    // Whether paragraph `p` opens with the text as a link does: a name as
    // its sentence's subject (one word too, where a comma follows:
    // `Rendell, 44, was first elected…`), or cut out of a word. One word
    // that the article writes as a name elsewhere (`owned by Dunmore`)
    // opens so as a name of two words does: as the subject, or before a
    // capital, a number or a bracket (`Vantris (VTRS.AS) shares fell…`).
    let one_name = words == 1 && text.starts_with(char::is_uppercase);
    let opens_as_link = |p: &str| {
        (name && opens_sentence_with(p, &text))
            || opens_word_with(p, &text, name)
            || (one_name
                && p.strip_prefix(text.as_str())
                    .is_some_and(|r| r.starts_with(',')))
            || (one_name
                && (opens_sentence_with(p, &text) || opens_word_with(p, &text, true))
                && names.has(&text))
    };
    // A line that the paragraph after it opens with as its sentence's
    // subject (a word in small letters after it) is a heading that the
    // paragraph takes up (`Lindmere` / `Lindmere sits at the southern
    // end…`), or a link's text that a links scraper wrote before its block
    // (`Brightwell` / `Brightwell also does something clever…`): a link
    // only in a file that writes other links so. (Else cleaning a
    // cascade's article again would drop the heading that its lines set
    // apart.) With a comma after it, it is a name as a link has it (`Lady
    // Justice Amberley, giving…`), but in a file that sets its sections
    // apart with headings (`The evidence`), where it is a witness's name
    // over her evidence (`Delphine Arkwright` / `Delphine Arkwright, the
    // tenant, told…`); and before a capital a longer name's start (`Carys`
    // / `Carys Verrall, speaking…`).
    let next = lines.get(l + 1).map(|next| normalize(next.raw));
    let next_char = next.as_deref().and_then(|n| char_after(n, &text));
    let comma_after = next_char == Some(',');
    let [before, after] = paragraphs_around(lines, l);
    let link_after = || {
        before
            .iter()
            .any(|(p, _)| occurs(p, &text, |b, _| !b.is_empty()))
            && names.reads_as_link(&text, &before)
    };
    if !small
        && line.first != 0
        && next
            .as_deref()
            .is_some_and(|n| opens_sentence_with(n, &text))
        && (!comma_after || names.headings_besides(l))
        && !link_after()
        && !names.links_before_besides(l)
    {
        return false;
    }
    if before.iter().any(|(p, long)| {
        if small {
            // In a short paragraph, only where its sentence goes on after
            // it (`The full paper can be read here.`): a paragraph that a
            // cascade set apart ends the line that holds it.
            occurs(p, &text, |before, after| {
                before.ends_with(' ') && (*long || !after.is_empty())
            })
        } else if *long && !echoed {
            // Anywhere in it but at its start, where it is as often the
            // heading after it that takes up its first words (`Building
            // the target itself requires…` / `Building the target`).
            occurs(p, &text, |before, _| !before.is_empty()) || opens_as_link(p)
        } else {
            in_running_text(p, &text)
        }
    }) {
        return true;
    }
    // Where the line after it opens with it glued to more of a word, it
    // is the first of a list's items that start alike (`ReadableStream`
    // before `ReadableStreamDefaultReader`, `Channel` before
    // `ChannelGroup`), however the text after names it: a link's text
    // written before its block is a whole word of it.
    if next_char.is_some_and(char::is_alphanumeric) {
        return false;
    }
    // Written before its block, it is found in the block's running text;
    // where a sentence opens with it, only as a link opens one (a name as
    // its subject, or cut out of a word): a phrase that opens a sentence
    // of the block under it is the heading over it, taken up (`What
    // happens next` / `…by October. What happens next to the family's own
    // shares…`).
    // (A sentence's start as the sentence splitter reads it: not after
    // initials or an abbreviation, `A.E. Staley Manufacturing Co.`.)
    let holds = |p: &str| {
        let mut starts: Option<Vec<usize>> = None;
        occurs(p, &text, |before, after| {
            let i = before.len();
            let opens = before.is_empty()
                || (before.ends_with(' ')
                    && ends_sentence(before)
                    && starts
                        .get_or_insert_with(|| sentence_starts(p))
                        .binary_search(&i)
                        .is_ok());
            if opens {
                // A sentence of nothing but the text, after another, is a
                // link's (`…official figures show. Read more`, `…to
                // include a product. Find out more about how we test
                // here.`): a heading taken up goes on.
                opens_as_link(&p[i..]) || (!before.is_empty() && ends_right_after(after))
            } else {
                in_running_text_after(before)
            }
        })
    };
    if small {
        return after.iter().any(|(p, long)| *long && after_space(p, &text));
    }
    if !after.iter().any(|(p, _)| holds(p)) {
        return false;
    }
    // Held further on by the paragraph after it, it is a link's text that
    // a links scraper wrote before its block, or a heading that its
    // paragraph names again (`The light was always lit` / `…the sameness
    // is the story. The light was always lit. That was the whole job.`):
    // a link where it reads as one, or where the file writes other links
    // before their blocks (`Find out more about how we test here` before
    // the block it ends, then `Read our full Bramwell Stride review`
    // before `…on a sprint. Read our full Bramwell Stride review. It
    // costs…`). One word with a capital that the paragraph holds only
    // inside its sentences, more words of the sentence after it, is no
    // link's text by its look: a link holds the whole name (`…the county
    // of Westmarch.`), and in a language that capitalises nouns the word
    // is the heading's, named again (`Hintergrund` / `…Den Hintergrund
    // der Schäden…`, `Kinderopvang` / `…van Kinderopvang De Vlieger…`):
    // only the file's other links make it a link.
    comma_after || names.reads_as_link_before(&text, &after) || names.links_before_besides(l)
}

/// The last word of `before` (after its last whitespace), read back at
/// most `LINK_TEXT` chars: a longer run of text with no space is no word
/// in small letters.
fn last_word(before: &str) -> &str {
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if c.is_whitespace() {
            return &before[i + c.len_utf8()..];
        }
        if n >= LINK_TEXT {
            return "";
        }
    }
    before
}

/// Whether `after`, the text after a link's in its block, ends the block
/// there: nothing, or a stop and closing marks (`Read more.”`).
fn ends_block_right_after(after: &str) -> bool {
    let after = after.trim_end();
    let rest = after.strip_prefix(['.', '!', '?', '…']).unwrap_or(after);
    rest.trim_start_matches(['"', '\'', '”', '’', ')', '»'])
        .is_empty()
}

/// Whether `text` is written as a name of two words or more: each word
/// with a capital (or a digit), but for the small words that join a
/// name's parts (`Marrow & Lund`, `Cawdor Sound Search and Rescue
/// Society`).
fn name_words(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    *w,
                    "&" | "and"
                        | "of"
                        | "the"
                        | "for"
                        | "on"
                        | "de"
                        | "du"
                        | "la"
                        | "van"
                        | "von"
                        | "y"
                        | "e"
                )
        })
}

/// Whether the text of line `l`, a note's mark, is cited by the nearest
/// block before or after it (other marks between): found in it on word
/// boundaries, after some of its text. The links of a block are written
/// just before or just after it, however short the block (a list's item,
/// `Rule QM042: headings that end in a colon (#1193)`). A bare number
/// (`superscript`) is a note's mark only where it is glued to the word or
/// the stop before it and ends there (`…until 1931.1 The board`,
/// `cheaply.3`, `cheaply.3The board` with the next block glued on), as a
/// superscript is written, or where it opens the note's own block before
/// a space (`1 Yes, this was…`, its link back): elsewhere a number is a
/// table's cell or a list's.
fn mark_beside(lines: &[Line], l: usize, superscript: bool) -> bool {
    let text = normalize(lines[l].raw);
    // `note`: the block before the mark ends a sentence, as a note does.
    let fits = |before: &str, after: &str, note: bool| {
        if !superscript {
            return !before.is_empty();
        }
        // A note's own block, just before the mark, opens with its number
        // and a space (`1 Yes, this was…`), the link back to where it is
        // cited; a table's row (`1 Harlow Vale Hornets 10 8`) ends no
        // sentence.
        if before.is_empty() {
            return note && after.starts_with(' ');
        }
        let glued = before.chars().next_back().is_some_and(superscript_after);
        let mut next = after.chars();
        glued
            && match next.next() {
                None => true,
                Some(' ') => next.next().is_some_and(|c| !c.is_lowercase()),
                // The next block glued on, in a container's line.
                Some(c) => c.is_uppercase(),
            }
    };
    // The nearest block that cites it and holds every line between (its
    // other links), up to the nearest long one.
    let cited = |near: &mut dyn Iterator<Item = &Line>, before_mark: bool| {
        let mut between: Vec<String> = Vec::new();
        for other in near {
            let hay = normalize(other.raw);
            let note = before_mark && hay.chars().next_back().is_some_and(super::seams::is_stop);
            if occurs(&hay, &text, |b, a| fits(b, a, note))
                && between.iter().all(|b| hay.contains(b.as_str()))
            {
                return true;
            }
            if other.sq.len() >= LINK_TEXT {
                return false;
            }
            if !note_mark(unquoted(other.raw.trim())) {
                between.push(hay);
            }
        }
        false
    };
    cited(&mut lines[l.saturating_sub(NEAR)..l].iter().rev(), true)
        || cited(
            &mut lines[l + 1..lines.len().min(l + 1 + NEAR)].iter(),
            false,
        )
}

/// Whether `hay` opens with `text` cut out of a word or a name: glued to
/// a hyphen or a dot and more (`Unlike Windows` in `Unlike Windows-based
/// players…`, `The Zafi` in `The Zafi.D virus…`), to a possessive (`But
/// Mr Brown` in `But Mr Brown's former adviser…`, `Airlines'`), or, where `text` is a
/// `name` (two words or more, each with a capital), to another word with
/// a capital (`The Windows` in `The Windows XP Counterfeit Project…`), a
/// number or a bracket (`The Kaypro 386`, `Newmont Mining Corp <NEM>`). A
/// heading that the paragraph takes up goes on with a word of its own.
fn opens_word_with(hay: &str, text: &str, name: bool) -> bool {
    let Some(rest) = hay.strip_prefix(text) else {
        return false;
    };
    let mut after = rest.chars();
    let (first, second) = (after.next(), after.next());
    match (first, second) {
        (Some('-' | '.'), Some(c)) => c.is_alphanumeric(),
        (Some('\'' | '’'), Some('s')) => !after.next().is_some_and(char::is_alphanumeric),
        // A plural's possessive (`American Airlines' parent`).
        (Some('\'' | '’'), Some(' ')) => text.ends_with('s'),
        (Some(' '), Some(c)) => {
            name && (c.is_uppercase() || c.is_ascii_digit() || "<([".contains(c))
        }
        _ => false,
    }
}

/// Whether `raw`, one word, is an address: an e-mail or a handle (`@`), a
/// URL, or a domain with or without a path
/// (`journalofseabirdecology.example/articles/jse-2024-0117`). However
/// long, it is a name, as a link's text is.
pub(super) fn is_address(raw: &str) -> bool {
    !raw.contains(char::is_whitespace)
        && (raw.contains('@') || raw.contains("://") || domain(raw.split('/').next().unwrap_or("")))
}

/// Whether `raw` is a domain name as a link's text writes it: two or more
/// parts of small letters, digits and hyphens, one dot between each, the
/// last of letters (`severnsun.example`, `gov.uk`); not `Mr.Benn`, nor a
/// sentence's end (`example.com.`).
fn domain(raw: &str) -> bool {
    let mut parts = raw.split('.');
    let last = parts.next_back().unwrap_or("");
    raw.contains('.')
        && last.len() >= 2
        && last.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

/// Whether `raw` is a reference's mark, the text of a link to a note or
/// an issue: a number or a letter in brackets (`[1]`, `[12]`, `[a]`), or
/// a number after `#` (`#1188`). A paragraph is seldom just that.
fn reference_mark(raw: &str) -> bool {
    let mark = |s: &str| {
        !s.is_empty()
            && s.len() <= 8
            && s.chars().all(char::is_alphanumeric)
            && (s.chars().any(|c| c.is_ascii_digit()) || s.chars().count() == 1)
    };
    raw.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .is_some_and(mark)
        || raw
            .strip_prefix('#')
            .is_some_and(|r| mark(r) && r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether `raw` is a note's mark, bracketed or bare ([`reference_mark`],
/// [`note_number`]).
fn note_mark(raw: &str) -> bool {
    reference_mark(raw) || note_number(raw.as_bytes())
}

/// Whether `raw` is a bare number of one or two digits: a note's mark
/// written as a superscript (`<sup><a>3</a></sup>`), where the text
/// beside it shows one.
pub(super) fn note_number(raw: &[u8]) -> bool {
    (1..=2).contains(&raw.len()) && raw.iter().all(u8::is_ascii_digit)
}

/// Whether squeezed `s[from..to]` is a note's number glued as a
/// superscript to the text before it (`…until 1931.1`, `cheaply.3The
/// board`): [`note_number`] after [`superscript_after`].
pub(super) fn superscript_note(s: &[u8], from: usize, to: usize) -> bool {
    note_number(&s[from..to]) && super::seams::last_char(&s[..from]).is_some_and(superscript_after)
}

/// Whether a note's mark written as a superscript may follow `c`: a
/// sentence's stop or closing mark, or a word in small letters
/// (`…until 1931.1`, `cheaply3`); not a capital or a digit, where a
/// number is part of a name (`F1`, `Q3`, `2:1`).
pub(super) fn superscript_after(c: char) -> bool {
    c.is_lowercase() || matches!(c, '.' | '!' | '?' | ')' | '"' | '”' | '’')
}

/// Whether `raw` is an identifier as code writes it, the text of a link
/// to its documentation: one word of three letters or more with marks no
/// prose word has inside it or at its ends (`core::panic!`,
/// `cargo-login(1)`, `unsafe_op_in_unsafe_fn`, `RefCell<T>`,
/// `--locked`); not a sentence (`Done.`).
fn identifier(raw: &str) -> bool {
    const MARKS: &str = "_:()<>!/#[]&*=";
    let word = !raw.is_empty()
        && raw
            .chars()
            .all(|c| c.is_alphanumeric() || MARKS.contains(c) || matches!(c, '-' | '.' | '\''));
    word && raw.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && (raw.chars().any(|c| MARKS.contains(c)) || raw.starts_with('-'))
        && !raw.ends_with('.')
}

/// Whether `raw` is a code in capitals with a dot, a digit or a hyphen
/// in it: a market's ticker or an index's (`HLVN.OL`, `.SXPP`, `CMCU3`,
/// `MCUSTX-TOTAL`), which wire stories link where they name it; so is a
/// name such as `COVID-19`, which is a copy only where the block beside
/// it has it too. (A word in capitals alone, `NATO`, `UPDATE`, may be a
/// heading; `U.S.` ends with its dot.)
fn code(raw: &str) -> bool {
    raw.chars().filter(char::is_ascii_uppercase).count() >= 3
        && raw
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '-'))
        && raw.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | '-'))
        && !raw.ends_with(['.', '-'])
}

/// Whether `raw` opens as a command-line flag: `-` or `--` and a letter
/// (`-C panic`, `--force-warn`).
fn flag(raw: &str) -> bool {
    let name = raw.trim_start_matches('-');
    (1..=2).contains(&(raw.len() - name.len())) && name.starts_with(char::is_alphabetic)
}

/// Whether `raw` is one word in small letters (`here`, `email`,
/// `diario`), digits, hyphens and apostrophes allowed inside.
fn small_word(raw: &str) -> bool {
    raw.chars().any(char::is_alphabetic)
        && raw
            .chars()
            .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || matches!(c, '-' | '\'' | '’'))
}

/// Whether the block right beside line `l` (of text `text`), however
/// short, holds it right after a label: a link the label introduces
/// (`Read more: <a>…</a>`, `Lire aussi : <a>…</a>`). The label's own line
/// may stand between the block and the link (an element walk writes the
/// block, then each inline element in turn).
fn after_label_beside(lines: &[Line], l: usize, text: &str) -> bool {
    let len = lines[l].sq.len();
    let beside = |k: Option<usize>| {
        k.and_then(|k| lines.get(k))
            .is_some_and(|other| other.sq.len() > len && after_label(&normalize(other.raw), text))
    };
    let label_between = l >= 2 && is_label(lines[l - 1].raw);
    beside(l.checked_sub(1)) || beside(Some(l + 1)) || (label_between && beside(Some(l - 2)))
}

/// Whether line `l`, a short sentence written once, is the text of a link
/// that spans a whole sentence (`Read more about how we fact-check.`,
/// `Read more: <a>What is in the bill?</a>`): the long paragraph nearest
/// it holds it as a sentence after another, with none after it (its last,
/// mostly), or the block beside it right after a label. One that a
/// paragraph opens with is a summary or a heading, and stays where no
/// other rule drops it; one found between two sentences may be a
/// one-line paragraph that the text repeats, and stays; so does one found
/// after a comma (a list's item, `K Holmes (Ealing AC).` beside `H
/// Clitheroe (Preston Harriers), K Holmes (Ealing AC).`) or beside a
/// short paragraph.
pub(super) fn sentence_link(lines: &[Line], l: usize) -> bool {
    let line = &lines[l];
    if !line.once || line.sq.len() >= LINK_TEXT || !is_sentence(line.raw) {
        return false;
    }
    let text = normalize(line.raw);
    if after_label_beside(lines, l, &text) {
        return true;
    }
    // A sentence ends before it, after a space, and none starts after it;
    // not inside a quotation, where it is a pull quote (`Dad said, ‘It’s
    // yours now,’ and handed me the tin.`, out of `…“I was 23. Dad said,
    // ‘It’s yours now,’ and handed me the tin.”`): a link spans its
    // quotation marks too, or none.
    let last_sentence = |before: &str, after: &str| {
        let sentence_after = after.strip_prefix(' ').is_some_and(|r| {
            r.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘'))
        });
        let quoted = after.starts_with(['”', '"', '’', '»']);
        before.ends_with(' ') && ends_sentence(before) && !sentence_after && !quoted
    };
    paragraphs_around(lines, l)
        .iter()
        .flatten()
        .any(|(p, long)| *long && occurs(p, &text, last_sentence))
}

/// [`paragraphs_near`] line `l`: those before it, then those after it.
fn paragraphs_around(lines: &[Line], l: usize) -> [Vec<(String, bool)>; 2] {
    let line = &lines[l];
    [
        paragraphs_near(lines[l.saturating_sub(NEAR)..l].iter().rev(), line),
        paragraphs_near(lines[l + 1..lines.len().min(l + 1 + NEAR)].iter(), line),
    ]
}

/// The paragraphs that may hold `link`'s text among the lines `near` it,
/// nearest first: a long line, or one that ends a sentence and is half as
/// long again (with whether it is long); up to the nearest long one, so a
/// paragraph's other links (which may read as sentences) may stand
/// between. Only its own links: a paragraph that does not hold every line
/// between is another block's, and a short line standing before a block
/// of its own (`Zeta fell.Eta` / `"Gamma?"é` / `Alpha said. Zeta
/// fell.Eta"Gamma?"`) is a paragraph too.
fn paragraphs_near<'x, 'a: 'x>(
    near: impl Iterator<Item = &'x Line<'a>>,
    link: &Line,
) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    let mut between: Vec<String> = Vec::new();
    let link_text = normalize(link.raw);
    for other in near {
        let long = other.sq.len() >= LINK_TEXT;
        let text = normalize(other.raw);
        let holds_between = between.iter().all(|b| text.contains(b.as_str()));
        // A short block that ends no sentence (a list item, a caption)
        // holds a link where its words go on, after a space, on both sides
        // of it (`Price: £1,899 from vantor.example and selected bike
        // shops`), or inside brackets (`under-26s £10
        // (ferrierplayhouse.example)`); at its end the line is as often a
        // block set apart.
        let inside = || {
            occurs(&text, &link_text, |b, a| {
                (b.ends_with(' ') && a.starts_with(' ')) || (b.ends_with('(') && a.starts_with(')'))
            })
        };
        if holds_between
            && (long
                || (2 * other.sq.len() > 3 * link.sq.len()
                    && (ends_sentence(other.raw) || inside())))
        {
            found.push((text.clone(), long));
        }
        if long {
            break;
        }
        between.push(text);
    }
    found
}

/// The byte offsets in `p` where its sentences start, as
/// [`crate::sentences::split`] reads them.
fn sentence_starts(p: &str) -> Vec<usize> {
    crate::sentences::split(p)
        .iter()
        .map(|s| s.as_ptr() as usize - p.as_ptr() as usize)
        .collect()
}

/// Whether `hay` opens with `name` as a sentence's subject: the sentence
/// goes on after it with a comma or a word in small letters (`Lady Justice
/// Amberley, giving…`, `Mayor Dana Whitlock called…`).
fn opens_sentence_with(hay: &str, name: &str) -> bool {
    let Some(rest) = hay.strip_prefix(name) else {
        return false;
    };
    let mut after = rest.chars();
    match after.next() {
        Some(',') => true,
        Some(' ') => after.next().is_some_and(char::is_lowercase),
        _ => false,
    }
}

/// The byte offsets, in a paragraph's raw text, where a heading that opens
/// it could end: after a few words in a row (at most `HEADING_WORDS` and
/// `HEADING_BYTES`, the first capitalised), with no stop, comma, colon,
/// semicolon, exclamation or question mark among them, ending on
/// a letter or a digit, before an element that opens as a block does (a
/// capital or a digit), set apart as blocks are: by more than one space
/// (the markup's own line breaks and indents, which a scraper that joins
/// text nodes keeps; an inline link after its sentence's words, `Details
/// are documented at RFC 3606`, follows one space). The offset is where
/// that whitespace starts.
fn heading_ends(raw: &str) -> impl Iterator<Item = usize> + '_ {
    let opens = raw.chars().next().is_some_and(char::is_uppercase);
    // Only where a word ends (a run of spaces is one place), within the
    // first few words' bytes: each place reads the text before it.
    raw.match_indices(char::is_whitespace)
        .map(|(at, _)| at)
        .take_while(move |&at| opens && at <= HEADING_BYTES)
        .filter(move |&at| raw[..at].ends_with(|c: char| c.is_alphanumeric()))
        .take_while(move |&at| raw[..at].split_whitespace().count() <= HEADING_WORDS)
        .take_while(move |&at| !raw[..at].contains(['.', ',', ':', ';', '!', '?']))
        .filter(move |&at| {
            raw[at..].chars().take(2).all(char::is_whitespace)
                && raw[at..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Words a heading over a run of elements (see [`heading_ends`]), or one
/// glued to the paragraph under it (`heading_glued_at`), is at most.
pub(super) const HEADING_WORDS: usize = 6;
/// Bytes of a paragraph's raw text that such a heading ends within.
const HEADING_BYTES: usize = 128;

/// Whether `line` is a label: a few words ending with a colon (`Read
/// more:`, `Lire aussi :`), at most `LABEL` bytes that are no whitespace.
pub(super) fn is_label(line: &str) -> bool {
    let text = line.trim();
    text.ends_with(':')
        && text.split_whitespace().count() <= 4
        && text.bytes().filter(|b| !b.is_ascii_whitespace()).count() <= pieces::LABEL
}

/// Whether `needle` ends `hay` right after a label: a few words ending
/// with a colon and a space (`Read more: `, `Lire aussi : `).
fn after_label(hay: &str, needle: &str) -> bool {
    hay.strip_suffix(needle)
        .is_some_and(|label| label.ends_with(": ") && label.split_whitespace().count() <= 4)
}

/// Whether `needle` occurs in `hay` on word boundaries where `fits` the
/// text before and after that place.
fn occurs(hay: &str, needle: &str, mut fits: impl FnMut(&str, &str) -> bool) -> bool {
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()).any(|i| {
        let end = i + needle.len();
        aligned(hay, i, end) && fits(&hay[..i], &hay[end..])
    })
}

/// Whether `needle` occurs in `hay` on word boundaries right after a space.
fn after_space(hay: &str, needle: &str) -> bool {
    occurs(hay, needle, |before, _| before.ends_with(' '))
}

/// Whether `needle` occurs in `hay` as a link's text does in running text:
/// on word boundaries, after a space or an opening mark.
fn in_running_text(hay: &str, needle: &str) -> bool {
    occurs(hay, needle, |before, _| in_running_text_after(before))
}

/// Whether a link's text may start in running text after `before`: a
/// space or an opening mark.
fn in_running_text_after(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_some_and(|c| c == ' ' || super::cuts::is_opener(c))
}

/// Whether `after`, the text after a link's in its block, ends the
/// sentence there: nothing, or a stop and closing marks before the
/// block's end or a space.
fn ends_right_after(after: &str) -> bool {
    let after = after.trim_end();
    let Some(rest) = after.strip_prefix(['.', '!', '?', '…']) else {
        return after.is_empty();
    };
    let rest = rest.trim_start_matches(['"', '\'', '”', '’', ')']);
    rest.is_empty() || rest.starts_with(char::is_whitespace)
}

/// Whether `text` reads as a sentence of its own: it opens as one (a
/// capital or a digit, after any opening quotes or bracket) and ends with
/// a stop.
fn is_sentence(text: &str) -> bool {
    // Past its opening marks: a quotation taken up in small letters (`"we
    // could get away…"`) goes on a sentence of the text around it.
    let opens = text
        .trim_start()
        .trim_start_matches(['"', '“', '‘', '(', '\''])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    opens && ends_sentence(text)
}

/// Whether `text` ends with a sentence's stop (before closing quotes and
/// brackets).
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// At most this many paragraphs cut off with an ellipsis are looked for in
/// the others (each costs a search of the whole text).
const MAX_CUT_LOOKUPS: usize = 64;

/// Drops paragraphs written with an ellipsis (a line cut off, kept whole
/// where no line of its group ran past the cut) whose text the other
/// paragraphs hold with more after the cut: copies, as cleaning the output
/// again would find, so the result is a fixed point.
fn drop_cut_copies<T>(out: &mut Vec<(Cow<'_, str>, T, bool, bool)>) {
    let mut cut: Vec<usize> = (0..out.len())
        .filter(|&k| truncation::strip_ellipsis(&out[k].0).1 != 0)
        .take(MAX_CUT_LOOKUPS)
        .collect();
    if cut.is_empty() || out.len() < 2 {
        return;
    }
    // Sized once: grown by doubling it took up to twice the text, the
    // peak of a pass over a line of soup (issue 13).
    let mut hay = String::with_capacity(out.iter().map(|(p, ..)| p.len() + 1).sum());
    let mut starts = Vec::with_capacity(out.len());
    for (p, ..) in out.iter() {
        starts.push(hay.len());
        hay.push_str(p);
        hay.push('\n');
    }
    let para_at = |i: usize| starts.partition_point(|&s| s <= i) - 1;
    // The most cut-off first, so that of two copies of one text the longer
    // stays as the holder of the shorter.
    cut.sort_by_key(|&k| (out[k].0.len(), k));
    let mut gone = vec![false; out.len()];
    for k in cut {
        let (text, how) = truncation::strip_ellipsis(&out[k].0);
        gone[k] = memchr::memmem::find_iter(hay.as_bytes(), text.as_bytes()).any(|i| {
            let j = i + text.len();
            let holder = para_at(i);
            let goes_on = hay[j..].chars().next().is_some_and(|c| c != '\n');
            let before = hay[..i].chars().next_back().is_some_and(|c| c != '\n');
            holder != k
                && !gone[holder]
                && (how & truncation::CUT_END == 0 || goes_on)
                && (how & truncation::CUT_START == 0 || before)
                && aligned(&hay, i, j)
        });
    }
    retain_unmarked(out, &gone);
}

/// Keeps the elements of `v` whose mark in `gone` (one per element) is
/// not set, in order.
pub(super) fn retain_unmarked<T>(v: &mut Vec<T>, gone: &[bool]) {
    let mut k = 0;
    v.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// Where each of a list of texts was found in other items' paragraphs
/// ([`find_in_items`]).
struct Matches {
    /// On word boundaries.
    found: Vec<bool>,
    /// Ending or starting one, glued to the rest at a seam
    /// ([`glued_at_end`]): a copy, and a paragraph break there.
    flush: Vec<bool>,
    /// On word boundaries, starting or ending inside a sentence
    /// ([`inside_sentence`]): a phrase cut out of one.
    inside: Vec<bool>,
    /// Opening a paragraph and ending inside a word ([`cut_short`]).
    cut_short: Vec<bool>,
}

/// For each of `texts`, where it occurs in the paragraphs of `items`
/// ([`Matches`]). One Aho-Corasick automaton over all of them: the cost is
/// the text's length times the matches that end at a position, which the
/// callers bound (texts shorter than `SHORT_COPY`, or at most
/// `MAX_CUT_LOOKUPS` of them).
fn find_in_items<'x, 'a: 'x>(
    texts: &[String],
    items: impl Iterator<Item = &'x Item<'a>>,
) -> Matches {
    let mut m = Matches {
        found: vec![false; texts.len()],
        flush: vec![false; texts.len()],
        inside: vec![false; texts.len()],
        cut_short: vec![false; texts.len()],
    };
    // An NFA: a DFA's build (what `new` picks for a few patterns) grows
    // with the patterns' bytes times the alphabet, and fuzzing found it
    // slower than the search it serves.
    let Ok(ac) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(texts)
    else {
        return m;
    };
    for item in items {
        for (raw, _) in &item.paras {
            let hay = normalize(raw);
            for hit in ac.find_overlapping_iter(&hay) {
                let (p, a, b) = (hit.pattern().as_usize(), hit.start(), hit.end());
                if !m.inside[p] && aligned(&hay, a, b) {
                    m.found[p] = true;
                    m.inside[p] = inside_sentence(&hay, a, b);
                }
                if !m.flush[p] && glued_at_end(&hay, a, b) {
                    m.flush[p] = true;
                }
                if a == 0 && cut_short(&hay, b) {
                    m.cut_short[p] = true;
                }
            }
        }
    }
    m
}

/// Whether `hay[a..b]` starts after a word or a comma (not after a stop,
/// a colon or a closing mark), or ends before a small letter or a comma:
/// it is cut out of a sentence (`French.` in `…translated into French.`),
/// no sentence of its own.
fn inside_sentence(hay: &str, a: usize, b: usize) -> bool {
    let before = hay[..a].trim_end().chars().next_back();
    let after = hay[b..].trim_start().chars().next();
    let starts_inside = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '–'));
    let ends_inside = after.is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';'));
    starts_inside || ends_inside
}

/// Whether `hay[..b]` is the start of a paragraph cut short inside a word
/// (`There will i`, `Monday` before `'s`, the first words of `There will
/// initially be…`): a length-limited field's copy. Two words at least: a
/// single word opening a longer one (`ArrayBuffer` before `ArrayBufferView`)
/// is as often a list item of its own; and not inside a number (`Top 5`
/// before `Top 50 films`).
fn cut_short(hay: &str, b: usize) -> bool {
    let (head, rest) = hay.split_at(b);
    let mut next = rest.chars();
    let runs_on = match (head.chars().next_back(), next.next()) {
        (Some(p), Some(n)) => !n.is_numeric() && cuts::runs_on_in_word(p, n, next.next()),
        _ => false,
    };
    runs_on && head.contains(' ')
}

/// Whether `hay[a..b]` ends or starts `hay`, and touches the rest of it
/// with no space at what looks like a paragraph seam (`ChoirPhoto`).
fn glued_at_end(hay: &str, a: usize, b: usize) -> bool {
    let touches = |i: usize| {
        !hay[..i].ends_with(char::is_whitespace)
            && !hay[i..].starts_with(char::is_whitespace)
            && is_seam(hay.as_bytes(), i)
    };
    (b == hay.len() && a > 0 && touches(a)) || (a == 0 && b < hay.len() && touches(b))
}

/// Whether `needle` occurs in `hay` on word boundaries (at its start only,
/// with `at_start`).
pub(super) fn find_aligned(hay: &str, needle: &str, at_start: bool) -> bool {
    if needle.is_empty() {
        return false;
    }
    if at_start {
        return hay.starts_with(needle) && aligned(hay, 0, needle.len());
    }
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes())
        .any(|i| aligned(hay, i, i + needle.len()))
}

/// Whether `hay[a..b]` starts and ends on word boundaries: no letter or
/// digit on both sides of either end.
fn aligned(hay: &str, a: usize, b: usize) -> bool {
    // A letter or two beside a digit is where an element may start or end
    // (`1<sup>er</sup>`, `CO<sub>2</sub>`, `21<sup>st</sup>`): there only
    // letters touch letters and digits digits in one word. (A longer text
    // glued to a digit, `£84.99Screen6in`, is a table's cells run
    // together, not the text of one.)
    let sup = hay[a..b].chars().nth(2).is_none();
    let joined = |x: Option<char>, y: Option<char>| match (x, y) {
        (Some(x), Some(y)) if sup => {
            (x.is_alphabetic() && y.is_alphabetic()) || (x.is_numeric() && y.is_numeric())
        }
        (Some(x), Some(y)) => x.is_alphanumeric() && y.is_alphanumeric(),
        _ => false,
    };
    let inner_first = hay[a..b].chars().next();
    let inner_last = hay[a..b].chars().next_back();
    let joined_before = joined(hay[..a].chars().next_back(), inner_first);
    let joined_after = joined(inner_last, hay[b..].chars().next());
    !(joined_before || joined_after)
}

/// Whether, in `raw`, each of the parts whose squeezed lengths are `parts`
/// (one after another from its start) is followed by exactly one space,
/// as `Cand::narrow` reads a cut: the raw bytes between the last byte
/// before it and the first after it; with `stops`, each after a sentence's
/// stop (and closing marks).
fn meet_at_one_space(raw: &str, parts: impl Iterator<Item = usize>, stops: bool) -> bool {
    let mut at = Vec::new();
    let mut end = 0;
    for len in parts {
        if len == 0 {
            return false;
        }
        end += len;
        at.extend([end - 1, end]);
    }
    let mut raw_at = Vec::with_capacity(at.len());
    super::squeeze::raw_offsets_into(raw, &at, &mut raw_at);
    raw_at.chunks_exact(2).all(|w| {
        raw.as_bytes().get(w[0] + 1..w[1]) == Some(b" ")
            && (!stops
                || raw.get(..w[0] + 1).is_some_and(|before| {
                    before
                        .trim_end_matches(['"', '\'', '”', '’', ')'])
                        .ends_with(['.', '!', '?'])
                }))
    })
}
