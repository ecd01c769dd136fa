//! Pairs of copies to groups of copies.
//!
//! Plain connected components (single linkage) let one article that is
//! half one story and half another join the two: a roundup quoting two
//! paragraphs of each of two stories, or a trimmed copy with two paragraphs
//! "In other news". On dups-dev that cost 1% of precision (0.992 and 0.988
//! on the two halves, against 1.000 with the rule below). So pairs are
//! taken strongest first, and two groups join only when their members are
//! copies on average: the mean similarity over all pairs across the two
//! (at most [`SAMPLE`] members of each, the first ones) must reach
//! [`MEAN_SHARE`] of the threshold. A copy of a copy still joins (trimmed
//! and updated copies of one story are similar to each other too), a
//! bridge between two stories does not (each side is unlike the other).

use super::candidates::Pair;
use super::verify::Similarities;

/// Members of each group compared when two groups would join: enough to
/// judge, bounded so a story republished a thousand times stays cheap.
pub const SAMPLE: usize = 16;

/// The least mean similarity across two groups that join, as a share of
/// the threshold.
pub const MEAN_SHARE: f64 = 0.5;

/// Groups of two or more articles (indexes into the corpus, ascending),
/// in the order of their first member. Deterministic: pairs are taken by
/// similarity, ties by index.
pub fn link(pairs: &[Pair], sims: &mut Similarities<'_>, threshold: f64) -> Vec<Vec<usize>> {
    let mut edges: Vec<(f64, u32, u32)> = pairs
        .iter()
        .filter_map(|p| {
            let s = sims.get(p.a as usize, p.b as usize);
            (s >= threshold).then_some((s, p.a, p.b))
        })
        .collect();
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));

    let mut parent: Vec<usize> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut id = std::collections::HashMap::new();
    let mut node = |x: u32, parent: &mut Vec<usize>, members: &mut Vec<Vec<usize>>| {
        *id.entry(x).or_insert_with(|| {
            parent.push(parent.len());
            members.push(vec![x as usize]);
            parent.len() - 1
        })
    };
    for &(_, a, b) in &edges {
        let (na, nb) = (
            node(a, &mut parent, &mut members),
            node(b, &mut parent, &mut members),
        );
        let (ra, rb) = (root(&mut parent, na), root(&mut parent, nb));
        if ra == rb {
            continue;
        }
        let (ma, mb) = (&members[ra], &members[rb]);
        if ma.len() == 1 && mb.len() == 1 {
            // The mean is this pair's similarity: at least the threshold.
            join(&mut parent, &mut members, ra, rb);
            continue;
        }
        let (sa, sb) = (&ma[..ma.len().min(SAMPLE)], &mb[..mb.len().min(SAMPLE)]);
        let mut sum = 0.0;
        for &x in sa {
            for &y in sb {
                sum += sims.get(x, y);
            }
        }
        if sum / ((sa.len() * sb.len()) as f64) < MEAN_SHARE * threshold {
            continue;
        }
        join(&mut parent, &mut members, ra, rb);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| m.len() >= 2).collect();
    groups.sort();
    groups
}

/// Joins the groups of roots `ra` and `rb`.
fn join(parent: &mut [usize], members: &mut [Vec<usize>], ra: usize, rb: usize) {
    let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
    parent[gone] = keep;
    let moved = std::mem::take(&mut members[gone]);
    members[keep].extend(moved);
    members[keep].sort_unstable();
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::super::boilerplate::{prepare, Shingled};
    use super::super::candidates::pairs;
    use super::super::{Doc, Options};
    use super::*;

    fn groups(texts: &[String]) -> Vec<Vec<usize>> {
        let opts = Options::default();
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(&[t], None, &opts)).collect();
        let corpus = prepare(docs.iter().map(Shingled::from).collect(), &opts);
        let p = pairs(&corpus, &opts);
        link(&p, &mut Similarities::new(&corpus), opts.threshold)
    }

    fn words(tag: &str, n: usize) -> String {
        (0..n)
            .map(|i| format!("{tag}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_bridge_half_of_each_story_does_not_join_them() {
        let a = words("alpha", 40);
        let b = words("beta", 40);
        // Half of A and half of B: a copy of each, by the definition alone.
        let bridge = format!("{} {}", words("alpha", 24), words("beta", 24));
        let copy_of_a = format!("{a} extra words here");
        let g = groups(&[a, b, bridge, copy_of_a]);
        assert_eq!(g, [vec![0, 2, 3]]);
    }

    #[test]
    fn copies_of_copies_join() {
        let a = words("w", 60);
        let head = words("w", 30);
        let updated = format!("{a} {}", words("new", 30));
        assert_eq!(groups(&[a, head, updated]), [vec![0, 1, 2]]);
    }
}
