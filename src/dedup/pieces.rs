//! Pieces (step 4): a group's paragraphs, from the cuts its lines make.
//!
//! Every member's start and end on the group's axis is a candidate cut;
//! `cuts.rs` decides which are boundaries. The text between two accepted
//! cuts is a paragraph, taken once from a member that covers it (or
//! stitched from the pieces of several, where none does). A member whose
//! start or end makes no accepted cut is a copy of text already there.

use std::borrow::Cow;

use super::cuts::{
    accept, inside_word, may_fill, may_head_cascade, may_head_elements, reads_as_heading,
    shows_tight_glue, Events, Glue, Look, Style,
};
use super::truncation::{CUT_END, CUT_START};
use super::*;

/// Bytes of a group's longest line searched, at most, for the short lines
/// that it holds (see [`Frame::new`]), and at most 64 times the group's
/// bytes: a group of many short lines inside a huge one is read as if
/// each were said once.
const AMBIGUOUS_BUDGET: usize = 1 << 24;

/// Members looked at, before a cut, for one that spans it and shows its
/// glue; and how many such members are asked at most.
const SPANNING_LOOKS: usize = 16;
const SPANNING_GLUES: usize = 4;

/// The members asked for the glue at one cut, held in place: a table per
/// cut was one allocation per cut of every group.
#[derive(Default, Clone, Copy)]
struct Spanning {
    members: [usize; SPANNING_GLUES],
    len: usize,
}

impl Spanning {
    fn push(&mut self, m: usize) {
        self.members[self.len] = m;
        self.len += 1;
    }

    fn get(&self) -> &[usize] {
        &self.members[..self.len]
    }
}

/// A paragraph: its raw text and its squeezed bytes (`None` where they
/// must be made again: an ellipsis was put back).
pub(super) type Para<'a> = (Cow<'a, str>, Option<Cow<'a, [u8]>>);

/// One candidate cut: what the lines say of it.
#[derive(Clone, Copy, Debug)]
struct Cand {
    ev: Events,
    glue: Glue,
    look: Option<Look>,
    /// Spaced by one space alone in the line reaching furthest over it,
    /// as the sentences of a paragraph are (`Ring once. Ring twice`); so
    /// only where `glue` is `Spaced`.
    narrow: bool,
    /// A hash of the raw whitespace at the cut in the line reaching
    /// furthest over it (0 where `glue` is not `Spaced`): the markup's own
    /// gap between two blocks, which the same gap elsewhere matches.
    gap: u64,
    /// The member whose raw text gives `narrow` and `gap`: the one
    /// reaching furthest over the cut (none where `glue` is `Open`).
    by: Option<usize>,
    /// `by` itself writes the cut with nothing between its two sides
    /// (`glue` may be `Tight` from another member's text).
    tight_by: bool,
}

/// Squeezed bytes a label (`Read more:`) is at most.
pub(super) const LABEL: usize = 24;

/// The longest heading (squeezed bytes) that a container's line may join
/// to the element after it with a space ([`Frame::after_heading`]), or
/// that reads as a heading between spaced blocks ([`Frame::heads_block`]),
/// or, in bytes of normalised text, that a paragraph glued to it is cut
/// from (`heading_glued_at`).
pub(super) const HEADING: usize = 40;

/// A placed group of two or more lines, with its candidate cuts.
pub(super) struct Frame {
    asm: Assembly,
    /// Each member's extent on the shifted axis.
    ext: Vec<(i64, i64)>,
    /// Each member: whether another member contains it.
    inner: Vec<bool>,
    /// For each cut: the member reaching furthest among those starting at
    /// or before it.
    reach_le: Vec<usize>,
    /// The members neither of whose ends was cut off, as (start cut, end
    /// cut) indices.
    whole: Vec<(usize, usize)>,
    /// One per cut (the first and last, the group's ends, included).
    cands: Vec<Cand>,
    /// The raw offsets of each cut in the member reaching furthest over
    /// it, found for the glue: mostly those the paragraphs are cut at too.
    raw_at: RawAt,
    /// The members by their extent, made when first asked for
    /// ([`Frame::holds_glued_seam`]).
    by_extent: std::cell::OnceCell<Vec<((i64, i64), usize)>>,
    /// For each member, whether its text glues two paragraphs, once
    /// asked (0: not yet, 1: no, 2: yes).
    glued_text: std::cell::RefCell<Vec<u8>>,
    /// `whole`, sorted by start, made when first asked for
    /// ([`Frame::starts_inline`]).
    whole_by_start: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// [`Frame::sentence_junctions`], made when first asked for (by
    /// [`Frame::seams`], then by the veto).
    junctions: std::cell::OnceCell<Vec<bool>>,
}

impl Frame {
    /// Assembles `g` (two or more members) and reads its candidate cuts.
    pub(super) fn new(lines: &[Line], g: &Group) -> Frame {
        let asm = assemble(lines, g);
        let ext: Vec<(i64, i64)> = g
            .members
            .iter()
            .map(|&(l, p)| {
                let a = p - asm.shift;
                (a, a + lines[l as usize].sq.len() as i64)
            })
            .collect();
        // By start, longest first: a member is inside another when one
        // before it in this order reaches at least as far.
        let mut by_start: Vec<usize> = (0..ext.len()).collect();
        by_start.sort_unstable_by_key(|&m| (ext[m].0, std::cmp::Reverse(ext[m].1), m));
        let mut inner = vec![false; ext.len()];
        // The member reaching furthest before each inner one: the one that
        // holds it, where no other does.
        let mut holder = vec![0; ext.len()];
        let (mut far, mut far_m) = (i64::MIN, 0);
        for &m in &by_start {
            inner[m] = ext[m].1 <= far;
            holder[m] = far_m;
            if ext[m].1 > far {
                (far, far_m) = (ext[m].1, m);
            }
        }
        let held = held_twice(&ext, &by_start);
        let cuts = &asm.cuts;
        let mut whole = Vec::new();
        let mut events = vec![Events::default(); cuts.len()];
        // The group's longest line, where a short line's text is looked
        // for again (`budget`: bytes searched, at most, in all).
        let outer = (0..ext.len()).max_by_key(|&m| (ext[m].1 - ext[m].0, std::cmp::Reverse(m)));
        let outer = outer.map_or(&[][..], |m| lines[g.members[m].0 as usize].sq);
        let total: i64 = ext.iter().map(|&(a, b)| b - a).sum();
        let mut budget = AMBIGUOUS_BUDGET.min(64 * total as usize);
        let mut floating = Vec::new();
        // Long lines inside their one holder: see below, once every line's
        // events are in.
        let mut quoting = Vec::new();
        let add = |m: usize,
                   events: &mut [Events],
                   whole: &mut Vec<(usize, usize)>,
                   quoting: &mut Vec<usize>| {
            let (a, b) = ext[m];
            let line = &lines[g.members[m].0 as usize];
            // An address is a name however long: where it ends a line
            // after a sentence (a link at its paragraph's end, written
            // again as a line), only what a name's line shows cuts there.
            let long = line.sq.len() >= LONG && !super::copies::is_address(line.raw.trim());
            let one_holder = long && inner[m] && !held[m];
            if one_holder {
                quoting.push(m);
            }
            let long_held = long && !one_holder;
            let held = !long && held[m];
            if line.cut & CUT_START == 0 {
                let e = &mut events[cuts.partition_point(|&c| c < a)];
                e.start = true;
                e.structural |= !inner[m];
                e.long_start |= long;
                e.long_held |= long_held;
                e.held |= held;
            }
            if line.cut & CUT_END == 0 {
                let e = &mut events[cuts.partition_point(|&c| c < b)];
                e.end = true;
                e.structural |= !inner[m];
                e.long_end |= long;
                e.long_held |= long_held;
                e.held |= held;
            }
            if line.cut == 0 {
                let at = |x: i64| cuts.partition_point(|&c| c < x);
                whole.push((at(a), at(b)));
            }
        };
        for m in 0..ext.len() {
            let line = &lines[g.members[m].0 as usize];
            // A short line held inside another whose text the group says
            // twice or more (a publisher's name in each reference, `Photo
            // Credit` over each item) was placed at one of its places on
            // no evidence of which: unless another line meets it there,
            // its start and end cut nothing, which would break that
            // place's paragraph and lose its text to the others'.
            if line.sq.len() < LONG && inner[m] && outer.len() <= budget && !line.sq.is_empty() {
                budget -= outer.len();
                if memchr::memmem::find_iter(outer, line.sq).nth(1).is_some() {
                    floating.push(m);
                    continue;
                }
            }
            add(m, &mut events, &mut whole, &mut quoting);
        }
        // (Met by the other lines only, whatever their order.)
        let met = |x: i64| {
            let e = events[cuts.partition_point(|&c| c < x)];
            e.start || e.end
        };
        let met: Vec<usize> = floating
            .into_iter()
            .filter(|&m| met(ext[m].0) || met(ext[m].1))
            .collect();
        for m in met {
            add(m, &mut events, &mut whole, &mut quoting);
        }
        // A long line inside its one holder is a block of that holder's
        // where the scraper wrote the two with nothing between them but the
        // holder's own parts, in either order (an element walk: the
        // container, then its elements; a cascade's lines, which come in
        // any order), or where another line meets it at one end (the
        // elements of a walk tile their container). Otherwise it is a
        // quotation of the holder that the article sets apart elsewhere
        // (a pull quote three blocks after `…the defendant said: “I
        // signed…”`): no evidence of a boundary there
        // (`Events::long_quoted`).
        if !quoting.is_empty() {
            // The distinct lines come in the order of their first lines.
            let first = |m: usize| lines[g.members[m].0 as usize].first;
            // Bytes searched for the lines between, at most: past them, a
            // line is taken for a part, as it always was (a huge line
            // holding thousands of paragraphs stays linear).
            let mut look_budget = PARTS_BUDGET.min(2 * total as usize);
            // A line of the group is inside the holder where it is placed
            // inside it; only the others are looked for in its text.
            let member_of: HashMap<u32, usize> = g
                .members
                .iter()
                .enumerate()
                .map(|(k, &(l, _))| (l, k))
                .collect();
            for m in quoting {
                let h = holder[m];
                let (x, y) = (first(m), first(h));
                let outer = lines[g.members[h].0 as usize].sq;
                let (lo, hi) = (
                    lines.partition_point(|l| l.first <= x.min(y)),
                    lines.partition_point(|l| l.first < x.max(y)),
                );
                let part_of = x != y
                    && lo <= hi
                    && (hi - lo > NEAR_PARTS
                        || (lo..hi).all(|j| match member_of.get(&(j as u32)) {
                            Some(&k) => ext[h].0 <= ext[k].0 && ext[k].1 <= ext[h].1,
                            None if outer.len() > look_budget => true,
                            None => {
                                look_budget -= outer.len();
                                memchr::memmem::find(outer, lines[j].sq).is_some()
                            }
                        }));
                let line = &lines[g.members[m].0 as usize];
                let (a, b) = ext[m];
                let (sa, sb) = (
                    cuts.partition_point(|&c| c < a),
                    cuts.partition_point(|&c| c < b),
                );
                let (starts, ends) = (line.cut & CUT_START == 0, line.cut & CUT_END == 0);
                if part_of || (starts && events[sa].end) || (ends && events[sb].start) {
                    if starts {
                        events[sa].long_held = true;
                    }
                    if ends {
                        events[sb].long_held = true;
                    }
                }
            }
        }
        // One sweep over the members by start gives, for every cut, the
        // member reaching furthest from before it.
        let (mut reach_lt, mut reach_le) = (Vec::with_capacity(cuts.len()), Vec::new());
        let mut best_le: Option<usize> = None;
        let mut next = 0;
        let further = |best: Option<usize>, m: usize| match best {
            Some(b) if ext[b].1 >= ext[m].1 => Some(b),
            _ => Some(m),
        };
        for &c in cuts {
            let mut best_lt = best_le;
            while next < by_start.len() && ext[by_start[next]].0 <= c {
                let m = by_start[next];
                if ext[m].0 < c {
                    best_lt = further(best_lt, m);
                }
                best_le = further(best_le, m);
                next += 1;
            }
            reach_lt.push(best_lt.filter(|&m| ext[m].1 > c));
            reach_le.push(best_le.unwrap_or(0));
        }
        // The glue at each cut, from the raw text of the members spanning
        // it: the one reaching furthest, and a few of those starting closest
        // before it. One copy written tight (`April.Bus`, a list's own
        // cascade) shows the glue where others have a space.
        let spanning: Vec<Spanning> = cuts
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let mut found = Spanning::default();
                let Some(r) = reach_lt[i] else {
                    return found;
                };
                let before = by_start.partition_point(|&m| ext[m].0 < c);
                found.push(r);
                for &m in by_start[..before].iter().rev().take(SPANNING_LOOKS) {
                    if m != r && ext[m].1 > c && found.len < SPANNING_GLUES {
                        found.push(m);
                    }
                }
                found
            })
            .collect();
        // First the member reaching furthest; the others only where it has
        // a space (each asked member's raw text is walked once).
        let tight_in = |raw_at: &RawAt, i: usize, m: usize| {
            let k = (cuts[i] - ext[m].0) as usize;
            raw_at.get(m, k) == raw_at.get(m, k - 1) + 1
        };
        let mut wanted = Wanted::default();
        for (i, &c) in cuts.iter().enumerate() {
            if let Some(&m) = spanning[i].get().first() {
                let k = (c - ext[m].0) as usize;
                wanted.add(m, [k - 1, k]);
            }
        }
        // And where the paragraphs would be cut at each cut, in the member
        // reaching furthest from it or before (`paragraphs`): mostly the
        // same member, so the walk is not made again for them.
        for (i, &c) in cuts.iter().enumerate() {
            let m = reach_le[i];
            if ext[m].0 <= c && c <= ext[m].1 {
                let k = (c - ext[m].0) as usize;
                wanted.add(m, [k, k]);
            }
        }
        let first = RawAt::new(lines, g, wanted);
        let mut tight: Vec<bool> = (0..cuts.len())
            .map(|i| {
                spanning[i]
                    .get()
                    .first()
                    .is_some_and(|&m| tight_in(&first, i, m))
            })
            .collect();
        let mut wanted = Wanted::default();
        for (i, &c) in cuts.iter().enumerate() {
            if !tight[i] {
                for &m in spanning[i].get().iter().skip(1) {
                    let k = (c - ext[m].0) as usize;
                    wanted.add(m, [k - 1, k]);
                }
            }
        }
        if !wanted.0.is_empty() {
            let others = RawAt::new(lines, g, wanted);
            for (i, t) in tight.iter_mut().enumerate() {
                if !*t {
                    *t = spanning[i]
                        .get()
                        .iter()
                        .skip(1)
                        .any(|&m| tight_in(&others, i, m));
                }
            }
        }
        let cands = cuts
            .iter()
            .enumerate()
            .map(|(i, &c)| match spanning[i].get().first() {
                Some(&r) => {
                    let line = &lines[g.members[r].0 as usize];
                    let k = (c - ext[r].0) as usize;
                    let quoted =
                        tight_in(&first, i, r) && spaced_quote_beside(line, k, |o| first.get(r, o));
                    // The raw bytes between the char before the cut (the
                    // raw offset of its last byte) and the cut: narrow
                    // where they are one space.
                    let between = line
                        .raw
                        .as_bytes()
                        .get(first.get(r, k - 1) + 1..first.get(r, k))
                        .unwrap_or_default();
                    let narrow = !tight[i] && between == b" ";
                    let mut ev = events[i];
                    ev.long_quoted = narrow && (ev.long_start || ev.long_end) && !ev.long_held;
                    Cand {
                        ev,
                        glue: if tight[i] { Glue::Tight } else { Glue::Spaced },
                        look: Look::at(line.sq, k).map(|l| l.inside_quote_marks(quoted)),
                        narrow,
                        gap: if tight[i] { 0 } else { gap_hash(between) },
                        by: Some(r),
                        tight_by: tight_in(&first, i, r),
                    }
                }
                None => Cand {
                    ev: events[i],
                    glue: Glue::Open,
                    look: None,
                    narrow: false,
                    gap: 0,
                    by: None,
                    tight_by: false,
                },
            })
            .collect();
        Frame {
            asm,
            ext,
            inner,
            reach_le,
            whole,
            cands,
            raw_at: first,
            by_extent: std::cell::OnceCell::new(),
            glued_text: std::cell::RefCell::new(Vec::new()),
            whole_by_start: std::cell::OnceCell::new(),
            junctions: std::cell::OnceCell::new(),
        }
    }

    /// No cut where a space follows a label: a few words ending with a
    /// colon since the last boundary (`Read more: <a>…</a>`, `Lire aussi :
    /// …`) open the sentence that goes on after them, in one block. (Where
    /// a line that starts there glues elements of its own, a list that the
    /// label introduces, the cascade's start is taken again below; where it
    /// runs on past the next boundary, it is a cascade's line, and the cut
    /// stays.)
    fn veto_labels(&self, accepted: &mut [bool], lines: &[Line], g: &Group) {
        let mut since = 0;
        let last = self.cands.len() - 1;
        for (i, cand) in self.cands.iter().enumerate().take(last).skip(1) {
            let piece = self.asm.piece(g, i - 1);
            let before = piece.map(|(mi, a, b)| &lines[g.members[mi].0 as usize].sq[a..b]);
            since += before.map_or(LABEL, <[u8]>::len);
            if !accepted[i] {
                continue;
            }
            let label = since <= LABEL && before.is_some_and(|b| b.ends_with(b":"));
            // A link's text lies inside its block: a line that starts here
            // and runs on past the next boundary is a cascade's (`Key
            // dates: The bridge closed…. It reopens…`).
            let runs_on = || {
                let at = self.asm.cuts[i];
                let next = (i + 1..=last)
                    .find(|&j| accepted[j])
                    .map_or(i64::MAX, |j| self.asm.cuts[j]);
                self.ext.iter().any(|&(a, b)| a == at && b > next)
            };
            if label && cand.glue == Glue::Spaced && !runs_on() {
                accepted[i] = false;
                continue;
            }
            since = 0;
        }
    }

    /// Whether some cut of the group shows paragraphs glued with no separator.
    pub(super) fn shows_tight_glue(&self) -> bool {
        let interior = self.cands.len().saturating_sub(1);
        self.cands[..interior]
            .iter()
            .skip(1)
            .any(|c| shows_tight_glue(c.ev, c.glue, c.look))
    }

    /// For each cut, whether it is a boundary; the group's ends always are.
    pub(super) fn accepted(
        &self,
        style: Style,
        narrow_rare: bool,
        sentences_rare: bool,
        lines: &[Line],
        g: &Group,
        short: &HashSet<&[u8]>,
    ) -> Vec<bool> {
        let mut accepted = self.accepted_by_lines(style, narrow_rare, lines, g, short);
        // A suffix cascade whose lines were partly lost: every line runs
        // to the group's end, and lines start inside it at two places or
        // more. There a line start where a sentence
        // ends and the next begins is where a paragraph starts, however
        // the markup spaced it (`</p> <p>` before the last paragraph,
        // where the others are glued); an element walk's lines end at
        // junctions inside the group, and a block with its emphasised
        // last sentence is two lines, not three.
        let last = self.cands.len() - 1;
        let suffix_cascade = self.whole.iter().all(|&(_, e)| e == last) && {
            let mut inside = self.whole.iter().map(|&(s, _)| s).filter(|&s| s > 0);
            inside
                .next()
                .is_some_and(|first| inside.any(|s| s != first))
        };
        let mut steps = vec![false; self.cands.len()];
        if suffix_cascade {
            for ((a, step), c) in accepted
                .iter_mut()
                .zip(steps.iter_mut())
                .zip(&self.cands)
                .take(last)
                .skip(1)
            {
                *step = c.ev.start
                    && c.glue == Glue::Spaced
                    && c.look.is_some_and(|l| l.sentence())
                    && may_head_cascade(c.glue, c.look);
                *a |= *step;
            }
        }
        // Where the file's paragraphs meet glued or set apart by more than
        // a space (the markup's line breaks and indents), a cut at one
        // space is inside a paragraph, between its sentences (a
        // description that is the lede's first sentence, an emphasised
        // last sentence that an element walk wrote after its block), where
        // every whole line starting there is a part of a longer line that
        // ends with it (the block that holds it, or the paragraph that
        // holds the sentence), every whole line ending there a part of a
        // longer line that starts with it, and no such line holds a seam
        // of its own. (The article's last block too, where it starts wider:
        // a cascade's last paragraphs may meet at one space, as the line
        // that holds the cut shows where it starts.) A line that no other
        // shares an end with is an element of its own (a heading, a
        // quotation), and one holding a seam a run of elements (a
        // cascade's line), however its container spaces them.
        // Where a cascade glues its paragraphs, its lines' starts show
        // that they seldom meet at one space either; there a cut after a
        // sentence's stop is so too (a paragraph's sentences, each
        // written as a line of its own: not a list's items, which an
        // element walk writes one space apart however its file glues).
        if sentences_rare {
            let n = self.cands.len();
            let mut seams_before = Vec::with_capacity(n + 1);
            seams_before.push(0usize);
            for &a in &accepted {
                seams_before.push(seams_before.last().copied().unwrap_or(0) + usize::from(a));
            }
            let mut first_start = vec![usize::MAX; n];
            let mut last_end = vec![0; n];
            for &(s, e) in &self.whole {
                first_start[e] = first_start[e].min(s);
                last_end[s] = last_end[s].max(e);
            }
            // The starts of the lines that run to the group's end: the
            // nearest before a cut is the block that holds it there, and
            // where that block starts one space after the text before it,
            // the paragraphs meet so at the group's end (a cascade's last
            // paragraphs, spaced), and the cut may be one more of them.
            // Any other start (glued, wider, or the group's own start)
            // counts as wider: a block and its last sentence written
            // again make a group of two lines that starts at the block.
            let last = n - 1;
            let mut to_end: Vec<usize> = self
                .whole
                .iter()
                .filter(|w| w.1 == last)
                .map(|w| w.0)
                .collect();
            to_end.sort_unstable();
            let block_wider = |s: usize| {
                let k = to_end.partition_point(|&x| x < s);
                k > 0 && !self.cands[to_end[k - 1]].narrow
            };
            let mut inside = vec![true; n];
            let mut met = vec![false; n];
            for &(s, e) in &self.whole {
                let part = seams_before[e] == seams_before[s + 1]
                    && (e < last || block_wider(s))
                    && !((self.cands[s].narrow || self.cands[e].narrow)
                        && self.holds_glued_seam(lines, g, s, e));
                inside[s] &= part && first_start[e] < s;
                inside[e] &= part && last_end[s] > e;
                met[s] = true;
                met[e] = true;
            }
            for (i, c) in self.cands.iter().enumerate() {
                let rare = narrow_rare || c.look.is_some_and(|l| l.sentence());
                if steps[i] {
                    continue;
                }
                if c.narrow && !c.ev.structural && met[i] && inside[i] && rare {
                    accepted[i] = false;
                }
            }
        }
        self.veto_inside_blocks(&mut accepted, lines, g, short);
        self.veto_opening_copy(&mut accepted);
        if style == Style::Tight {
            self.veto_sentence_junctions(&mut accepted, lines, g);
        }
        accepted
    }

    /// No cut where the one line that ends inside the group ends, when
    /// it starts where a line that runs to the group's end starts (or at
    /// the group's start), no line starts at its end, and the group's
    /// other lines are a cascade's (starting where no line ends, running
    /// to its end): that line is the opening of a paragraph written again
    /// (a page's description, its lede's first sentence), not a paragraph
    /// of its own. (A prefix cascade has many lines that start at the
    /// group's start; an element walk's lines start and end inside it.)
    fn veto_opening_copy(&self, accepted: &mut [bool]) {
        let last = self.cands.len() - 1;
        let (mut inner, mut cascade) = (None, Vec::new());
        for &(s, e) in &self.whole {
            if e < last {
                if inner.is_some_and(|x| x != (s, e)) {
                    return;
                }
                inner = Some((s, e));
            } else if s > 0 {
                if self.cands[s].ev.end {
                    return;
                }
                cascade.push(s);
            }
        }
        let Some((s, e)) = inner else {
            return;
        };
        let ev = self.cands[e].ev;
        let opens = s == 0 || cascade.contains(&s);
        // (A heading whose paragraph's line is lost stays a heading.)
        if cascade.len() >= 2
            && opens
            && e > s
            && ev.end
            && !ev.start
            && !ev.structural
            && !self.heads_block(s, e)
        {
            accepted[e] = false;
        }
    }

    /// No cut inside a block of an element walk: a line that starts after
    /// the group's start and ends before its end (the container's line
    /// holds it), which the lines inside it do not tile (some of its text
    /// is in no line of its own: a paragraph's text between its inline
    /// elements, `<strong>Hospitals on alert.</strong> Health officials…`).
    /// The lines inside it are those elements, not blocks: the blocks of a
    /// container (a list's items, a blockquote's paragraphs) are each a
    /// line, and tile it (but for lines too short for a key, and for a
    /// line the walk lost: a block whose lines hold more than two thirds
    /// of its text is taken for a container). A cascade's lines run to the
    /// group's end: a cut that one holds, starting where no line ends, is
    /// not this rule's; nor is a cascade nested in the block (all its
    /// lines end where it ends, or start where it starts), unless it is one
    /// line set apart by one space, as the block's sentences are.
    fn veto_inside_blocks(
        &self,
        accepted: &mut [bool],
        lines: &[Line],
        g: &Group,
        short: &HashSet<&[u8]>,
    ) {
        let last = self.cands.len() - 1;
        let mut inner: Vec<(usize, usize)> = self
            .whole
            .iter()
            .copied()
            .filter(|&(s, e)| s > 0 && e < last)
            .collect();
        inner.sort_unstable_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
        inner.dedup();
        let cascade_from = self
            .whole
            .iter()
            .filter(|&&(s, e)| e == last && s > 0 && !self.cands[s].ev.end)
            .map(|w| w.0)
            .min()
            .unwrap_or(last);
        // Each holder looks at the lines starting inside it: bounded, so
        // that lines nested deep (a pathological file) stay linear.
        let mut budget = 8 * inner.len() + 1024;
        for &(s, e) in &inner {
            if s >= cascade_from || e <= s + 1 {
                continue;
            }
            let from = inner.partition_point(|&(a, _)| a < s);
            let mut reach = s;
            // The lines inside: how many, and whether all end where it
            // ends (a cascade nested in it, or an inline tail), or all
            // start where it starts.
            let (mut n, mut suffixes, mut prefixes) = (0, true, true);
            let mut one = None;
            let mut gaps = Vec::new();
            for &(a, b) in inner[from..].iter().take_while(|&&(a, _)| a < e) {
                if budget == 0 {
                    return;
                }
                budget -= 1;
                if b > e || (a, b) == (s, e) {
                    continue;
                }
                n += 1;
                suffixes &= b == e;
                prefixes &= a == s;
                one = Some(if a == s { b } else { a });
                if a > reach {
                    gaps.push((reach, a));
                }
                reach = reach.max(b);
            }
            if n == 0 {
                continue;
            }
            if reach < e {
                gaps.push((reach, e));
            }
            // A gap that lines too short for a key fill (`Channel`, a
            // time `15:41`, a label) is theirs: they are no group's members.
            // (Its pieces count against the budget too.)
            let cuts = &self.asm.cuts;
            let mut text = Vec::new();
            let mut own = 0;
            for &(p, q) in &gaps {
                let bytes = (cuts[q] - cuts[p]) as usize;
                let cost = q - p + bytes / KEY;
                if budget < cost {
                    return;
                }
                budget -= cost;
                text.clear();
                for i in p..q {
                    if let Some((mi, x, y)) = self.asm.piece(g, i) {
                        text.extend_from_slice(&lines[g.members[mi].0 as usize].sq[x..y]);
                    }
                }
                if !made_of_short_lines(&text, short) {
                    own += bytes;
                }
            }
            if own == 0 {
                continue;
            }
            // A cascade of its own (a list's items, glued), or one line
            // at an end of it, where the cut is no gap between a block's
            // sentences (one space): a block of its own, as likely.
            if suffixes || prefixes {
                let narrow = one.is_some_and(|c| self.cands[c].narrow);
                if n > 1 || !narrow {
                    continue;
                }
            }
            // Its text mostly in lines of their own (a list whose items
            // the scraper wrote, some placed nowhere: a line lost, or
            // found twice), it is a container as likely: a paragraph's
            // inline elements leave a third of its text or more to it.
            if 3 * own < (cuts[e] - cuts[s]) as usize {
                continue;
            }
            // (A cascade's own start stays: see `cascade_from`.)
            let to = e.min(cascade_from);
            if budget < to - s {
                return;
            }
            budget -= to - s;
            for (a, c) in accepted[s + 1..to].iter_mut().zip(&self.cands[s + 1..to]) {
                if !c.ev.structural {
                    *a = false;
                }
            }
        }
    }

    /// The cuts where the file's paragraphs meet: where a line that no
    /// other holds starts or ends, or one line ends where another starts;
    /// as `[set apart by one space, glued or set apart by more, glued
    /// others, sentences]`, the third the cuts where a line only starts or
    /// ends glued to the text beside it (where a cascade's paragraphs
    /// meet, its lines nested in each other), the last those of the first
    /// that are [`Frame::sentence_junctions`] (a cascade's sentences, each
    /// written as a line, meeting where no paragraphs meet).
    pub(super) fn seams(&self, lines: &[Line], g: &Group) -> [usize; 4] {
        let last = self.cands.len() - 1;
        let [mut narrow, mut other, mut glued, mut sentences] = [0; 4];
        let junctions = self.sentence_junctions(lines, g);
        for (i, c) in self.cands.iter().enumerate().take(last).skip(1) {
            if c.glue == Glue::Open {
                continue;
            }
            if !(c.ev.structural || (c.ev.start && c.ev.end)) {
                glued += usize::from(c.glue == Glue::Tight && (c.ev.start || c.ev.end));
            } else if c.narrow {
                narrow += 1;
                sentences += usize::from(junctions[i]);
            } else {
                other += 1;
            }
        }
        [narrow, other, glued, sentences]
    }

    fn accepted_by_lines(
        &self,
        style: Style,
        narrow_rare: bool,
        lines: &[Line],
        g: &Group,
        short: &HashSet<&[u8]>,
    ) -> Vec<bool> {
        let last = self.cands.len() - 1;
        let mut accepted: Vec<bool> = self
            .cands
            .iter()
            .enumerate()
            .map(|(i, c)| {
                i == 0
                    || i == last
                    || accept(c.ev, c.glue, c.look, style)
                    || (narrow_rare && wide_sentence_start(c))
            })
            .collect();
        self.cascade_steps(&mut accepted);
        self.veto_inline_ends(&mut accepted);
        let tails = match style {
            Style::Tight => self.inline_tails(),
            Style::Spaced => vec![false; self.cands.len()],
        };
        self.veto_inline_junctions(&mut accepted, &tails);
        self.veto_junctions_into_sentences(&mut accepted);
        if style == Style::Tight {
            self.veto_floating_junctions(&mut accepted);
        }
        self.veto_cut_short(&mut accepted);
        // Where one line ends and, after a gap, another starts, and the gap
        // is the text of a line too short to be placed by a key (`Recount.`,
        // a heading `Result`), that line fills the gap: an element walk
        // wrote the three elements in turn.
        if !short.is_empty() {
            for i in 1..last.saturating_sub(1) {
                let (a, b) = (&self.cands[i], &self.cands[i + 1]);
                if !(a.ev.end && b.ev.start) || (accepted[i] && accepted[i + 1]) {
                    continue;
                }
                let filled = self.asm.piece(g, i).is_some_and(|(mi, x, y)| {
                    short.contains(&lines[g.members[mi].0 as usize].sq[x..y])
                });
                if filled
                    && may_fill(a.glue, a.look)
                    && may_fill(b.glue, b.look)
                    && !self.starts_inline(i + 1, &accepted)
                {
                    accepted[i] = true;
                    accepted[i + 1] = true;
                }
            }
        }
        // After the gaps are filled: a label fills one (`Read more:`
        // between a paragraph and a link's text), and what it introduces
        // still goes on in its block.
        self.veto_labels(&mut accepted, lines, g);
        // A line that ends where a shorter line ends, which starts at a
        // glued boundary inside it, is a cascade's line: the scraper glued
        // elements from its start on (a list's items, after the paragraph
        // that introduces the list wrote them with spaces), so its start is
        // where an element starts, however the longer lines space it. A
        // copy (a link's text, a lede's first sentence) holds no glued
        // cascade of its own.
        // Most groups (a cascade's lines) start where a cut is taken: only
        // the others need their lines by end.
        if self.whole.iter().all(|&(s, _)| accepted[s]) {
            return accepted;
        }
        let mut whole = self.whole.clone();
        whole.sort_unstable_by_key(|&(s, e)| (e, s));
        for run in whole.chunk_by(|x, y| x.1 == y.1) {
            let mut glued_below = false;
            for &(s, e) in run.iter().rev() {
                let c = &self.cands[s];
                // A line that runs to the group's end and glues paragraphs
                // of its own, where no line starts at its seams (a cascade
                // with lines missing), is a cascade's line too, however
                // the scraper joined it to the paragraph before.
                if !accepted[s]
                    && (glued_below
                        || (style == Style::Tight
                            && e == last
                            && c.glue == Glue::Spaced
                            && c.ev.long_start
                            && self.holds_glued_seam(lines, g, s, e)))
                    && may_head_cascade(c.glue, c.look)
                {
                    accepted[s] = true;
                }
                glued_below |= accepted[s] && c.glue == Glue::Tight;
            }
            // The longest line that ends where another line starts is a
            // run of whole elements (a one-item list, a quote), as the next
            // element's line shows; a shorter one ending there is inside
            // the element (an emphasis or a link at its end).
            let (s, e) = run[0];
            let c = &self.cands[s];
            if !accepted[s]
                && accepted[e]
                && self.cands[e].ev.start
                && may_head_elements(c.ev, c.glue, c.look, tails[s], style, || {
                    self.after_heading(lines, g, &accepted, s)
                })
            {
                accepted[s] = true;
            }
        }
        // Where a paragraph is seen to start after a space, a long line
        // that runs to the group's end from where a sentence ends is a
        // cascade's line too, glued below or not: a scraper that keeps each
        // paragraph's line break spaces the paragraphs, while gluing the
        // headings between them. (Where every paragraph is glued, such a
        // line is the last paragraph's last sentences written again.)
        // Two or more such lines, one inside the other, show it too: they
        // are a cascade's own lines (a section whose blocks the scraper
        // wrote on lines of their own, in a file that glues list items),
        // and a paragraph's last sentences written again are one line.
        // (Or where a block that ends with no stop, a heading or a
        // link's line, is set apart from it by more than a space: `…to
        // shut upper floor  Campaigners from…`.)
        let tail = |&(s, e): &(usize, usize)| {
            let c = &self.cands[s];
            let wide = c.glue == Glue::Spaced && !c.narrow;
            e == last
                && c.ev.long_start
                && c.look
                    .is_some_and(|l| l.sentence() || (wide && l.opens_capital()))
                && may_head_cascade(c.glue, c.look)
        };
        let spaced_seen = (1..last).any(|i| accepted[i] && self.cands[i].glue == Glue::Spaced)
            || self
                .whole
                .iter()
                .filter(|w| w.0 > 0 && tail(w) && self.cands[w.0].glue == Glue::Spaced)
                .nth(1)
                .is_some();
        if spaced_seen {
            for w in &self.whole {
                if tail(w) {
                    accepted[w.0] = true;
                }
            }
            // And a long line that runs to the group's end past a cut
            // taken (a paragraph's start), wherever it starts but before
            // a small letter or after an ellipsis: a run of
            // whole elements, as a cascade writes them (`Councillor calls
            // for site visit The ward councillor…`: a section's heading
            // and its first paragraph, set apart by one space). The last
            // paragraph's last sentences written again hold no such cut.
            // Taken from the group's end back, so that each line sees the
            // cuts that the lines inside it make.
            let mut runs = vec![false; self.cands.len()];
            for &(s, e) in &self.whole {
                runs[s] |= e == last;
            }
            let mut cut_after = false;
            for s in (1..last).rev() {
                let c = &self.cands[s];
                if runs[s]
                    && !accepted[s]
                    && cut_after
                    && c.ev.long_start
                    && c.look.is_some_and(|l| !l.opens_small() && !l.trailing_off)
                    && may_head_cascade(c.glue, c.look)
                {
                    accepted[s] = true;
                }
                cut_after |= accepted[s];
            }
        }
        accepted
    }

    /// Whether the whole line from cut `s` to cut `e` glues two paragraphs
    /// with no space somewhere in its text (`…recently.The possibility…`),
    /// as a cascade's line does and a copy of a sentence does not.
    fn holds_glued_seam(&self, lines: &[Line], g: &Group, s: usize, e: usize) -> bool {
        let span = (self.asm.cuts[s], self.asm.cuts[e]);
        let by_extent = self.by_extent.get_or_init(|| {
            let mut v: Vec<((i64, i64), usize)> =
                self.ext.iter().enumerate().map(|(m, &x)| (x, m)).collect();
            v.sort_unstable();
            v
        });
        let from = by_extent.partition_point(|&(x, _)| x < span);
        by_extent[from..]
            .iter()
            .take_while(|&&(x, _)| x == span)
            .any(|&(_, m)| {
                let line = &lines[g.members[m].0 as usize];
                if line.cut != 0 {
                    return false;
                }
                let mut known = self.glued_text.borrow_mut();
                if known.is_empty() {
                    known.resize(self.ext.len(), 0);
                }
                if known[m] == 0 {
                    known[m] = 1 + u8::from(super::seams::split_glued(line.raw).len() > 1);
                }
                known[m] == 2
            })
    }

    /// For each cut, whether lines start there and every one not cut off
    /// (`whole`) is an inline tail: it ends at a glued seam where a
    /// cascade's line starts (one that runs to the group's end). Such a
    /// line runs from inside a block's running text to the block's end, as
    /// the scraper cut it: an inline element (a paragraph's last sentence
    /// linked, or written as a line of its own). A nested block (a
    /// blockquote) is set apart by spaces on both sides, or, inside a
    /// container the walk wrote, ends where another of the container's
    /// elements starts; the group's last paragraph is left as it is, its
    /// end showing no glue.
    fn inline_tails(&self) -> Vec<bool> {
        let n = self.cands.len();
        let last = n - 1;
        let mut to_end = vec![false; n];
        for &(s, e) in &self.whole {
            to_end[s] |= e == last;
        }
        let (mut starts, mut other) = (vec![false; n], vec![false; n]);
        for &(s, e) in &self.whole {
            starts[s] = true;
            other[s] |= !(e < last && self.cands[e].glue == Glue::Tight && to_end[e])
                || self.heads_block(s, e);
        }
        starts.iter().zip(&other).map(|(&s, &o)| s && !o).collect()
    }

    /// Whether the line from cut `s` to cut `e` is a heading: short, it
    /// starts where a sentence ends and ends on a letter or a digit, not
    /// with a stop (a sentence cut short by a line break in its paragraph,
    /// `…McCreadie told the`, is longer).
    fn heads_block(&self, s: usize, e: usize) -> bool {
        self.asm.cuts[e] - self.asm.cuts[s] <= HEADING as i64
            && reads_as_heading(self.cands[s].look, self.cands[e].look)
    }

    /// No cut where the scraper glued paragraphs with no space, at a spaced
    /// cut that only a junction makes (one line ends there, another
    /// starts), when the lines starting there are inline tails
    /// ([`Frame::inline_tails`]): what ends there is the block's text
    /// before them (the sentences of a paragraph, each written as a line).
    fn veto_inline_junctions(&self, accepted: &mut [bool], tails: &[bool]) {
        let last = self.cands.len() - 1;
        for i in 1..last {
            let c = &self.cands[i];
            if accepted[i] && tails[i] && c.ev.inner_junction() && c.glue == Glue::Spaced {
                accepted[i] = false;
            }
        }
    }

    /// No cut at a spaced cut that only a junction makes (one line ends
    /// there, another starts) where every line starting there ends inside
    /// a sentence, no line starting where it ends: an element walk's
    /// blocks tile their container, each ending where a block can end,
    /// while the texts of inline elements (`<sup>1</sup> <em>Kelvex DX-40
    /// safety data sheet</em>, document…`) meet inside their block.
    fn veto_junctions_into_sentences(&self, accepted: &mut [bool]) {
        let last = self.cands.len() - 1;
        let vetoed: Vec<usize> = (1..last)
            .filter(|&i| {
                let c = &self.cands[i];
                accepted[i]
                    && c.glue == Glue::Spaced
                    && c.ev.inner_junction()
                    && !(c.ev.long_start || c.ev.long_end)
                    && self.starts_inline(i, accepted)
            })
            .collect();
        for i in vetoed {
            accepted[i] = false;
        }
    }

    /// The members that glue a paragraph to the next with nothing between
    /// them, in their own text, at some cut inside the group where a line
    /// starts and the glue looks like a seam ([`shows_tight_glue`]): a
    /// cascade's lines, whose scraper joins paragraphs so. (Where a line
    /// only ends glued, it is as often a block's `<br>` lines that an
    /// element walk's container glues.) Sorted. None in a file whose
    /// scraper is seen to glue nothing (`Style::Spaced`), so the sentence
    /// junctions that [`Frame::seams`] counts are only a gluing file's.
    fn glue_writers(&self) -> Vec<usize> {
        let last = self.cands.len() - 1;
        let mut writers: Vec<usize> = self.cands[1..last.max(1)]
            .iter()
            .filter(|c| c.ev.start && c.tight_by && shows_tight_glue(c.ev, c.glue, c.look))
            .filter_map(|c| c.by)
            .collect();
        writers.sort_unstable();
        writers.dedup();
        writers
    }

    /// For each cut, whether it is two sentences one space apart that only
    /// a junction makes (one line ends there, another starts) inside a
    /// line that glues paragraphs elsewhere ([`Frame::glue_writers`]):
    /// that line's scraper joins paragraphs with nothing between them, so
    /// where it writes a space its paragraph goes on, and the lines
    /// meeting there are its sentences, each written as a line. Not where
    /// a line holds the cut inside the group, gluing nothing, that ends
    /// before the group's end: a section whose blocks its container sets
    /// one space apart, glued to the next section (a cascade's last line,
    /// the last paragraph alone, ends at the group's end).
    fn sentence_junctions(&self, lines: &[Line], g: &Group) -> &[bool] {
        self.junctions
            .get_or_init(|| self.find_sentence_junctions(lines, g))
    }

    fn find_sentence_junctions(&self, lines: &[Line], g: &Group) -> Vec<bool> {
        let last = self.cands.len() - 1;
        let writers = self.glue_writers();
        let mut found: Vec<bool> = self
            .cands
            .iter()
            .enumerate()
            .map(|(i, c)| {
                i > 0
                    && i < last
                    && c.narrow
                    && c.ev.inner_junction()
                    && c.look.is_some_and(|l| l.sentence())
                    && c.by.is_some_and(|r| writers.binary_search(&r).is_ok())
            })
            .collect();
        if !found.contains(&true) {
            return found;
        }
        // Cuts inside a spaced section, by a running count.
        let mut opened = vec![0i32; self.cands.len() + 1];
        for &(s, e) in &self.whole {
            if e < last && e > s + 1 && !self.holds_glued_seam(lines, g, s, e) {
                opened[s + 1] += 1;
                opened[e] -= 1;
            }
        }
        let mut inside = 0;
        for (i, f) in found.iter_mut().enumerate() {
            inside += opened[i];
            *f &= inside == 0;
        }
        found
    }

    /// No cut at a [`Frame::sentence_junctions`] cut, unless a line that
    /// starts or ends there glues paragraphs of its own (a cascade's line,
    /// which shows a paragraph starting there however the scraper joined
    /// it), or the line holding it also sets paragraphs apart with
    /// whitespace where they are seen to meet on other evidence: it joins
    /// them both ways, and its spaces say nothing.
    fn veto_sentence_junctions(&self, accepted: &mut [bool], lines: &[Line], g: &Group) {
        let last = self.cands.len() - 1;
        let junctions = self.sentence_junctions(lines, g);
        if !junctions.contains(&true) {
            return;
        }
        let mut mixed: Vec<usize> = (1..last)
            .filter(|&j| accepted[j] && self.cands[j].glue == Glue::Spaced && !junctions[j])
            .filter_map(|j| self.cands[j].by)
            .collect();
        mixed.sort_unstable();
        mixed.dedup();
        // The junctions where a line that glues paragraphs of its own
        // starts or ends.
        let mut cascade = vec![false; self.cands.len()];
        for &(s, e) in &self.whole {
            if (junctions[s] || junctions[e]) && self.holds_glued_seam(lines, g, s, e) {
                cascade[s] = true;
                cascade[e] = true;
            }
        }
        for i in 1..last {
            let by_mixed = self.cands[i]
                .by
                .is_some_and(|r| mixed.binary_search(&r).is_ok());
            if accepted[i] && junctions[i] && !by_mixed && !cascade[i] {
                accepted[i] = false;
            }
        }
    }

    /// Whether lines start at cut `i` and every one that is whole ends
    /// inside a sentence, where no cut is taken and no line starts: before
    /// a stop or a comma, or between two words (an inline element's text).
    fn starts_inline(&self, i: usize, accepted: &[bool]) -> bool {
        let last = self.cands.len() - 1;
        let into_sentence = |e: usize| {
            let c = &self.cands[e];
            e < last
                && !accepted[e]
                && !c.ev.start
                && c.look.is_some_and(|l| {
                    l.runs_on() || (c.glue == Glue::Spaced && l.small_after_word())
                })
        };
        let by_start = self.whole_by_start.get_or_init(|| {
            let mut w = self.whole.clone();
            w.sort_unstable();
            w
        });
        let from = by_start.partition_point(|w| w.0 < i);
        let mut ends = by_start[from..]
            .iter()
            .take_while(|w| w.0 == i)
            .map(|w| w.1)
            .peekable();
        ends.peek().is_some() && ends.all(into_sentence)
    }

    /// No cut, where the scraper glued paragraphs with no space, at a
    /// spaced cut that only a junction makes (one line ends there, another
    /// starts), where the run of lines meeting end to start through it
    /// reaches no boundary taken on other evidence at either of its ends.
    /// An element walk's lines tile their container from its start to its
    /// end; sentences of one paragraph written as lines of their own (two
    /// that follow each other: `…won best foreign film.` and `Actor
    /// Rodrigo de la Serna took…`) meet there by chance, and the run they
    /// make starts and ends inside the paragraph. (One end is enough: a
    /// quotation printed as a block of its own, where the cascade has no
    /// line that starts with it, meets the next paragraph's cascade line
    /// at its end only.)
    fn veto_floating_junctions(&self, accepted: &mut [bool]) {
        let last = self.cands.len() - 1;
        let floating: Vec<bool> = self
            .cands
            .iter()
            .enumerate()
            .map(|(i, c)| {
                i > 0 && i < last && accepted[i] && c.glue == Glue::Spaced && c.ev.inner_junction()
            })
            .collect();
        if !floating.contains(&true) {
            return;
        }
        // Whether a run of lines reaches cut `i` from a boundary before it
        // (`from_left`), and from `i` to one after it.
        let mut runs = self.whole.clone();
        runs.sort_unstable_by_key(|&(s, e)| (e, s));
        let mut from_left: Vec<bool> = (0..=last).map(|i| accepted[i] && !floating[i]).collect();
        for &(s, e) in &runs {
            if floating[e] && from_left[s] {
                from_left[e] = true;
            }
        }
        runs.sort_unstable_by_key(|&(s, e)| (std::cmp::Reverse(s), e));
        let mut to_right: Vec<bool> = (0..=last).map(|i| accepted[i] && !floating[i]).collect();
        for &(s, e) in &runs {
            if floating[s] && to_right[e] {
                to_right[s] = true;
            }
        }
        for i in 0..=last {
            if floating[i] && !(from_left[i] || to_right[i]) {
                accepted[i] = false;
            }
        }
    }

    /// A cut where a line starts that ends where a line starting at the
    /// nearest accepted cut before it ends too, after the same gap as that
    /// cut, whitespace other than one space, is the next step of one cascade: a run
    /// of blocks that the markup sets apart alike (a chapter list's last
    /// item, too short to be placed by its length). A link's text at its
    /// paragraph's end follows running text's space, not the gap between
    /// the paragraph and the one before it.
    fn cascade_steps(&self, accepted: &mut [bool]) {
        let last = self.cands.len() - 1;
        // The whole lines by start, sorted only for a group that has a
        // cut to ask about (most have none).
        let mut sorted: Option<Vec<(usize, usize)>> = None;
        let mut ends_alike = |p: usize, i: usize| {
            let whole = sorted.get_or_insert_with(|| {
                let mut w = self.whole.clone();
                w.sort_unstable();
                w.dedup();
                w
            });
            let from = |s: usize| {
                let at = whole.partition_point(|w| w.0 < s);
                whole[at..]
                    .iter()
                    .take_while(move |w| w.0 == s)
                    .map(|w| w.1)
            };
            from(i).any(|e| e > i && from(p).any(|f| f == e))
        };
        let wide = |c: &Cand| c.glue == Glue::Spaced && !c.narrow;
        let mut prev = 0;
        for (i, c) in self.cands.iter().enumerate().take(last).skip(1) {
            if !accepted[i]
                && prev > 0
                && c.ev.start
                && wide(c)
                && wide(&self.cands[prev])
                && self.cands[prev].gap == c.gap
                && ends_alike(prev, i)
            {
                accepted[i] = true;
            }
            if accepted[i] {
                prev = i;
            }
        }
    }

    /// No cut where a short sentence that a line holds inside starts or
    /// ends, with a space, and nothing else marks it (no line ends where
    /// another starts, none is long, none stands alone), when the line
    /// that holds it starts where another line ends, or ends before the
    /// group does (inside the body's line): that line is an element of a
    /// walk over the elements, and the sentence an inline element at its
    /// end (`… online. <a>Read more about how we fact-check.</a>`) or its
    /// start (`<strong>Hospitals on alert.</strong> Health…`), not a block.
    /// A cascade's lines start where no line ends and run to the group's
    /// end: its last paragraph, held by every line, stays one, and where
    /// some line holding the cut is one, the junction another starts at is
    /// where a block written alone ends (a figure's caption between two
    /// paragraphs).
    fn veto_inline_ends(&self, accepted: &mut [bool]) {
        let last = self.cands.len() - 1;
        let cuts = &self.asm.cuts;
        // Each member's start, as a cut index, found once.
        let mut starts: Option<Vec<usize>> = None;
        for i in 1..last {
            let ev = self.cands[i].ev;
            let weak = self.cands[i].glue == Glue::Spaced
                && !(ev.structural || (ev.start && ev.end) || ev.long_start || ev.long_end);
            if !accepted[i] || !weak {
                continue;
            }
            let at = cuts[i];
            let starts = starts.get_or_insert_with(|| {
                self.ext
                    .iter()
                    .map(|&(a, _)| cuts.partition_point(|&c| c < a))
                    .collect()
            });
            // Where the lines holding the cut start inside the group: at a
            // junction (an element's), or where no line ends, running to
            // the group's end (a cascade's).
            let (mut element, mut cascade) = (false, false);
            for (&(a, b), &j) in self.ext.iter().zip(starts.iter()) {
                if a < at && at < b && j > 0 && j < last {
                    let ev = self.cands[j].ev;
                    element |= (ev.start && ev.end) || b < cuts[last];
                    cascade |= ev.start && !ev.end && b == cuts[last];
                    if element && cascade {
                        break;
                    }
                }
            }
            if element && !cascade {
                accepted[i] = false;
            }
        }
    }

    /// No cut where a line held inside another ends, glued, and the text
    /// runs on (inside a word, `…makes sense for sh|areholders`, or before
    /// a stop, a comma, a colon or a semicolon, `…widely expected|.`) and
    /// no line starts: such a line is a copy that a length-limited field
    /// cut short, however long. Unless the group's lines show its
    /// paragraphs by their ends: of the glued cuts where a line ends and
    /// none starts, more are where the text does not run on than there are
    /// cuts where a line starts and none ends (a prefix cascade), or more
    /// are after a sentence or a lead-in (`ends_text`) than where the text
    /// runs on. Then the text may run on at a paragraph's end where a name
    /// was lost (`…plays Karolina|powered her way`). (The ends that run on
    /// are not counted as ends: many copies of a suffix cascade's lines,
    /// cut short, would otherwise show its paragraphs by their ends.)
    fn veto_cut_short(&self, accepted: &mut [bool]) {
        let Some(interior) = self.cands.get(1..self.cands.len().saturating_sub(1)) else {
            return;
        };
        let end_only = |c: &Cand| c.ev.end && !c.ev.start && c.glue == Glue::Tight;
        let (mut ends, mut breaks, mut runs) = (0, 0, 0);
        for c in interior.iter().filter(|c| end_only(c)) {
            let Some(look) = c.look else { continue };
            breaks += usize::from(look.ends_text());
            if look.runs_on() {
                runs += 1;
            } else {
                ends += 1;
            }
        }
        let starts = interior.iter().filter(|c| c.ev.start && !c.ev.end).count();
        if runs == 0 || breaks > runs || ends > starts {
            return;
        }
        for (i, c) in interior.iter().enumerate() {
            if end_only(c) && !c.ev.structural && c.look.is_some_and(|l| l.runs_on()) {
                accepted[i + 1] = false;
            }
        }
    }

    /// Whether the text just before cut `s` is a heading's: a line starts
    /// at the accepted cut before it, and the text between is short, with
    /// no stop (`New` in `New --follow keeps…`, a container's line joining
    /// a heading to the element after it with a space).
    fn after_heading(&self, lines: &[Line], g: &Group, accepted: &[bool], s: usize) -> bool {
        s > 0
            && accepted[s - 1]
            && self.cands[s - 1].ev.start
            && self.asm.piece(g, s - 1).is_some_and(|(m, x, y)| {
                let text = &lines[g.members[m].0 as usize].sq[x..y];
                text.len() <= HEADING && !text.iter().any(|b| matches!(b, b'.' | b'!' | b'?'))
            })
    }

    /// For each cut, whether a line starts or ends there: the strict
    /// reading, where every line start and end is a boundary. Over
    /// `paragraphs` (a later pass, whose lines are the paragraphs an
    /// earlier one wrote), only the ends of lines that start and end where
    /// the text does not run on (inside a word, before a stop or a comma:
    /// `…described in Profile selection.` holding the heading `Profile
    /// selection`): such a line's text is in the paragraph already, and
    /// cutting it out there only breaks that paragraph.
    pub(super) fn every_event(&self, paragraphs: bool) -> Vec<bool> {
        let last = self.cands.len() - 1;
        let mut accepted: Vec<bool> = self
            .cands
            .iter()
            .enumerate()
            .map(|(i, c)| {
                // Not after an ellipsis: there the text trails off, and
                // a paragraph ending so reads, once cleaned, as a copy cut
                // off (the line whose start or end is here stays whole).
                i == 0
                    || i == last
                    || ((c.ev.start || c.ev.end) && !c.look.is_some_and(|l| l.trailing_off))
            })
            .collect();
        if !paragraphs {
            return accepted;
        }
        // (Read from the chars beside the cut alone: the look of quote
        // marks depends on how the pass holds the text, and both ways must
        // clean alike.)
        let never =
            |i: usize| i != 0 && i != last && self.cands[i].look.is_some_and(|l| l.runs_on());
        let cuts = &self.asm.cuts;
        let at = |x: i64| cuts.partition_point(|&c| c < x);
        let mut kept = vec![false; self.cands.len()];
        kept[0] = true;
        kept[last] = true;
        for &(x, y) in &self.ext {
            let (a, b) = (at(x), at(y));
            if !never(a) && !never(b) {
                kept[a] = true;
                kept[b] = true;
            }
        }
        for (ok, k) in accepted.iter_mut().zip(kept) {
            *ok &= k;
        }
        accepted
    }

    /// The members (indices into the group's members) that are copies: inside
    /// another member, with a start or an end that is no boundary.
    pub(super) fn copies(&self, accepted: &[bool]) -> Vec<usize> {
        let cuts = &self.asm.cuts;
        let at = |x: i64| accepted[cuts.partition_point(|&c| c < x)];
        (0..self.ext.len())
            .filter(|&m| self.inner[m] && !(at(self.ext[m].0) && at(self.ext[m].1)))
            .collect()
    }

    /// Whether another member of the group contains member `m`.
    pub(super) fn is_inner(&self, m: usize) -> bool {
        self.inner[m]
    }

    /// Whether each end of member `m` that was cut off with an ellipsis lies
    /// inside the group's text, between two words, so the text goes on
    /// where the copy stops: only then is the ellipsis explained as a
    /// copy's cut.
    pub(super) fn cut_inside(&self, lines: &[Line], g: &Group, m: usize) -> bool {
        let cut = lines[g.members[m].0 as usize].cut;
        let cuts = &self.asm.cuts;
        let inside = |x: i64| {
            let c = &self.cands[cuts.partition_point(|&c| c < x)];
            c.glue != Glue::Open && !inside_word(c.glue, c.look)
        };
        (cut & CUT_START == 0 || inside(self.ext[m].0))
            && (cut & CUT_END == 0 || inside(self.ext[m].1))
    }

    /// The paragraphs between accepted cuts, in order.
    pub(super) fn paragraphs<'a>(
        &self,
        lines: &[Line<'a>],
        g: &Group,
        accepted: &[bool],
    ) -> Vec<Para<'a>> {
        let cuts = &self.asm.cuts;
        let bounds: Vec<usize> = (0..cuts.len()).filter(|&i| accepted[i]).collect();
        // Spans covered by one member are sliced from it; find the raw
        // offsets of all of them in one walk per member.
        let mut wanted = Wanted::default();
        let mut cover = Vec::with_capacity(bounds.len());
        for w in bounds.windows(2) {
            let (x, y) = (cuts[w[0]], cuts[w[1]]);
            let m = self.reach_le[w[0]];
            if self.ext[m].0 <= x && self.ext[m].1 >= y {
                let a = self.ext[m].0;
                wanted.add(m, [(x - a) as usize, (y - a) as usize]);
                cover.push(Some(m));
            } else {
                cover.push(None);
                for i in w[0]..w[1] {
                    if let Some((mi, a, b)) = self.asm.piece(g, i) {
                        wanted.add(mi, [a, b]);
                    }
                }
            }
        }
        // Most paragraphs are cut where the glue was read, in the same
        // member (a cascade's longest line): then no member is walked again.
        let walked;
        let raw_at = if wanted.0.iter().all(|&(m, o)| self.raw_at.has(m, o)) {
            &self.raw_at
        } else {
            walked = RawAt::new(lines, g, wanted);
            &walked
        };
        let mut out = Vec::with_capacity(cover.len());
        for (w, m) in bounds.windows(2).zip(cover) {
            let (x, y) = (cuts[w[0]], cuts[w[1]]);
            if let Some(m) = m {
                let line = &lines[g.members[m].0 as usize];
                let (a, b) = ((x - self.ext[m].0) as usize, (y - self.ext[m].0) as usize);
                let (ra, rb) = (raw_at.get(m, a), raw_at.get(m, b));
                // Where no line runs past a cut-off end, the text was cut
                // there, not by the copy: its ellipsis is put back.
                let first = w[0] == 0 && line.cut & CUT_START != 0;
                let last = w[1] == cuts.len() - 1 && line.cut & CUT_END != 0;
                if first || last {
                    let off = line.raw.as_ptr() as usize - line.full.as_ptr() as usize;
                    let from = if first { 0 } else { off + ra };
                    let to = if last { line.full.len() } else { off + rb };
                    out.push((Cow::Borrowed(raw_slice(line.full, from, to)), None));
                    continue;
                }
                let raw = raw_slice(line.raw, ra, rb);
                out.push((Cow::Borrowed(raw), Some(Cow::Borrowed(&line.sq[a..b]))));
                continue;
            }
            // No member covers the span: stitch its pieces, with a space
            // where the text had one.
            let (mut raw, mut sq) = (String::new(), Vec::new());
            for i in w[0]..w[1] {
                let Some((mi, a, b)) = self.asm.piece(g, i) else {
                    continue;
                };
                let line = &lines[g.members[mi].0 as usize];
                if i > w[0] && self.cands[i].glue != Glue::Tight {
                    raw.push(' ');
                }
                raw.push_str(raw_slice(line.raw, raw_at.get(mi, a), raw_at.get(mi, b)));
                sq.extend_from_slice(&line.sq[a..b]);
            }
            out.push((Cow::Owned(raw), Some(Cow::Owned(sq))));
        }
        out
    }
}

/// Whether `text` is `short` lines (shorter than `LONG`) written one
/// after another (however their lengths split it).
fn made_of_short_lines(text: &[u8], short: &HashSet<&[u8]>) -> bool {
    let mut reach = vec![false; text.len() + 1];
    reach[0] = true;
    for at in 0..text.len() {
        if !reach[at] {
            continue;
        }
        for n in 1..=(text.len() - at).min(LONG) {
            if short.contains(&text[at..at + n]) {
                reach[at + n] = true;
            }
        }
    }
    reach[text.len()]
}

/// Whether a line starts at cut `c` where a sentence starts after more
/// than one space: where the file's paragraphs seldom meet at one space,
/// such a gap is the markup's between two blocks (a blockquote's
/// paragraphs, set apart by its line breaks and indents), as a glued one
/// is where the scraper glues them, and the sentences of one paragraph
/// meet at one space.
fn wide_sentence_start(c: &Cand) -> bool {
    c.ev.start
        && c.ev.long_start
        && c.glue == Glue::Spaced
        && !c.narrow
        && c.look.is_some_and(|l| l.sentence())
}

/// Lines between a long line and the one line that holds it past which
/// the two are taken for a part and its holder without a look at them.
const NEAR_PARTS: usize = 64;
/// Bytes of holders searched for the lines between, at most, per group.
const PARTS_BUDGET: usize = 1 << 24;

/// For each member, whether two or more other members contain its extent.
/// Members come by start (longest first, `by_start`); a Fenwick tree over
/// the ranks of their ends counts, for each, the earlier ones that reach at
/// least as far, in `O(m log m)`.
fn held_twice(ext: &[(i64, i64)], by_start: &[usize]) -> Vec<bool> {
    let mut ends: Vec<i64> = ext.iter().map(|e| e.1).collect();
    ends.sort_unstable();
    ends.dedup();
    let rank = |end: i64| ends.partition_point(|&e| e < end);
    // Counts by end rank, descending, so a prefix sum counts ends >= x.
    let n = ends.len();
    let mut tree = vec![0u32; n + 1];
    let mut held = vec![false; ext.len()];
    // Members with one extent (a line and its repeat) are one text: each is
    // counted once, and not as holding the others.
    for same in by_start.chunk_by(|&x, &y| ext[x] == ext[y]) {
        let r = n - rank(ext[same[0]].1); // 1-based position of end, descending
        let (mut i, mut count) = (r, 0u32);
        while i > 0 {
            count += tree[i];
            i &= i - 1;
        }
        for &m in same {
            held[m] = count >= 2;
        }
        let mut i = r;
        while i <= n {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    held
}

/// `raw[a..b]`, or all of `raw` should the offsets not fall on char
/// boundaries (checked groups only cut where every member has one).
fn raw_slice(raw: &str, a: usize, b: usize) -> &str {
    debug_assert!(raw.is_char_boundary(a) && raw.is_char_boundary(b));
    raw.get(a..b).unwrap_or(raw)
}

/// Squeezed offsets wanted in members' raw text, as `(member, offset)`:
/// one table for the whole group, not one per member (those were a sixth
/// of a small file's allocations).
#[derive(Default)]
struct Wanted(Vec<(usize, usize)>);

impl Wanted {
    fn add(&mut self, m: usize, offsets: [usize; 2]) {
        self.0.extend(offsets.map(|o| (m, o)));
    }
}

/// Whether a straight quote (`"`, or `'` before the cut) touches the cut
/// at squeezed offset `k` of `line` (written with no space at the cut) and
/// has a space on its other side: a quote that opens before the cut
/// (`author. "|I've`, `said '|We`) or closes after it (`manufacturing,|"
/// said`), so the cut is inside a quotation's marks, which squeezed text
/// cannot tell (`author."I've` reads as a quote that closes). `raw_of` maps a squeezed offset of `line` to its
/// raw one; it is asked for `k - 1` and `k` only.
fn spaced_quote_beside(line: &Line, k: usize, raw_of: impl Fn(usize) -> usize) -> bool {
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let raw = line.raw;
    let opens = matches!(line.sq[..k].last(), Some(b'"' | b'\'')) && {
        let q = raw_of(k - 1);
        space(raw[..q].chars().next_back())
    };
    let closes = line.sq[k..].starts_with(b"\"") && {
        let q = raw_of(k);
        space(raw[q + 1..].chars().next())
    };
    opens || closes
}

/// Raw offsets of wanted squeezed offsets, per member, found in one walk of
/// each member's raw text.
struct RawAt {
    /// The wanted `(member, squeezed offset)`s, sorted, each once.
    wanted: Vec<(usize, usize)>,
    /// The raw offset of each of `wanted`.
    raw: Vec<usize>,
}

impl RawAt {
    fn new(lines: &[Line], g: &Group, wanted: Wanted) -> RawAt {
        let mut wanted = wanted.0;
        wanted.sort_unstable();
        wanted.dedup();
        let mut raw = Vec::with_capacity(wanted.len());
        let mut offs = Vec::new();
        for run in wanted.chunk_by(|x, y| x.0 == y.0) {
            offs.clear();
            offs.extend(run.iter().map(|&(_, o)| o));
            raw_offsets_into(lines[g.members[run[0].0].0 as usize].raw, &offs, &mut raw);
        }
        RawAt { wanted, raw }
    }

    /// Whether the raw offset of squeezed offset `o` of member `m` is known.
    fn has(&self, m: usize, o: usize) -> bool {
        self.wanted.binary_search(&(m, o)).is_ok()
    }

    fn get(&self, m: usize, o: usize) -> usize {
        self.raw[self.wanted.partition_point(|&x| x < (m, o))]
    }
}

/// A hash of a gap's raw bytes, to tell gaps written alike (FNV-1a; never
/// 0, which stands for no gap).
fn gap_hash(b: &[u8]) -> u64 {
    let h = b.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| {
        (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3)
    });
    h.max(1)
}
