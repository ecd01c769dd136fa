//! Pieces: the raw text between two boundaries of a group, taken once.

use super::*;

/// The raw text between each two boundaries of a group, in order, with its
/// squeezed bytes.
pub(super) fn group_pieces<'a>(lines: &[Line<'a>], g: &Group) -> Vec<(&'a str, &'a [u8])> {
    if let [(l, _)] = g.members[..] {
        let line = &lines[l as usize];
        return vec![(line.raw, line.sq)];
    }
    let asm = assemble(lines, g);
    // Squeezed offsets wanted from each member, mapped to offsets in its raw
    // text in one walk per member.
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); g.members.len()];
    for i in 0..asm.source.len() {
        if let Some((mi, a, b)) = asm.piece(g, i) {
            wanted[mi].extend([a, b]);
        }
    }
    let mut raw_at: Vec<(Vec<usize>, Vec<usize>)> = Vec::with_capacity(wanted.len());
    for (mi, mut offs) in wanted.into_iter().enumerate() {
        offs.sort_unstable();
        offs.dedup();
        let raw = raw_offsets(lines[g.members[mi].0 as usize].raw, &offs);
        raw_at.push((offs, raw));
    }
    let lookup = |mi: usize, o: usize| {
        let (offs, raw) = &raw_at[mi];
        raw[offs.partition_point(|&x| x < o)]
    };
    let mut pieces = Vec::with_capacity(asm.source.len());
    for i in 0..asm.source.len() {
        if let Some((mi, a, b)) = asm.piece(g, i) {
            let line = &lines[g.members[mi].0 as usize];
            let (ra, rb) = (lookup(mi, a), lookup(mi, b));
            // Checked groups only cut where every member has a char boundary.
            debug_assert!(line.raw.is_char_boundary(ra) && line.raw.is_char_boundary(rb));
            match line.raw.get(ra..rb) {
                Some(raw) => pieces.push((raw, &line.sq[a..b])),
                None => pieces.push((line.raw, line.sq)),
            }
        }
    }
    pieces
}
