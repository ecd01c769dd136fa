//! Layout (steps 3-4): the offsets place each connected group of lines on one axis.
//!
//! Every placement is checked byte for byte against the assembled text, and
//! a line that does not fit is set apart, so a wrong guess never loses text.

use super::*;

/// A connected group of lines, each at its offset on the group's axis.
pub(super) struct Group {
    /// `(line, offset)`, in placement order: the first is the group's root.
    pub(super) members: Vec<(u32, i64)>,
}

/// Places the lines by their edges, checks every placement, and returns the
/// groups in article order (by the first occurrence of any of their lines).
pub(super) fn layout(lines: &[Line], edges: &[Edge]) -> Vec<Group> {
    let adjacency = Adjacency::new(lines.len(), edges);
    // Roots: longest lines first, since they hold the most of the article.
    let mut roots: Vec<u32> = (0..lines.len() as u32).collect();
    roots.sort_unstable_by_key(|&i| (std::cmp::Reverse(lines[i as usize].sq.len()), i));

    let twins = twins(lines);
    let mut apart = vec![false; lines.len()];
    let mut banned = Banned::default();
    let (mut groups, mut left_out);
    // Rounds that set misfits apart, and rounds that only parted groups at
    // a cut: each bounded on its own, so that cuts do not use up the
    // rounds a group whose cut parted nothing needs.
    let (mut round, mut cut_rounds) = (0, 0);
    loop {
        (groups, left_out) = place(lines, &roots, &adjacency, &apart, &banned, &twins);
        let mut misfits = Vec::new();
        // The misfits of groups that no cut parted this round: set apart
        // from the lines that fit.
        let mut unparted = Vec::new();
        // The group of each misfit's line, and where it was placed.
        let mut group_of: HashMap<u32, usize> = HashMap::new();
        // Each group's misfits are first parted from the lines they
        // contradict where the two are joined most weakly (a group so
        // parted is placed again as it now is); where that bans nothing,
        // the misfits are set apart from the lines that fit.
        for (k, g) in groups.iter().enumerate() {
            let bad = check_group(lines, g);
            if bad.is_empty() {
                continue;
            }
            group_of.extend(g.members.iter().map(|&(l, _)| (l, k)));
            let sources: Vec<u32> = bad.iter().map(|&(m, _)| m).collect();
            let is_source: HashSet<u32> = sources.iter().copied().collect();
            let mut sinks: Vec<u32> = bad
                .iter()
                .filter_map(|&(_, c)| c)
                .filter(|c| !is_source.contains(c))
                .collect();
            sinks.sort_unstable();
            sinks.dedup();
            let parted = cut_rounds < MAX_ROUNDS
                && round < MAX_ROUNDS
                && !sinks.is_empty()
                && bridge_cut(lines, g, &adjacency, &mut banned, &sources, &sinks);
            if !parted {
                unparted.extend(&sources);
            }
            misfits.extend(sources);
        }
        if misfits.is_empty() {
            break;
        }
        if unparted.is_empty() {
            cut_rounds += 1;
            continue;
        }
        if round == MAX_ROUNDS {
            // Still no consistent layout: keep each misfit's group apart whole.
            let bad: HashSet<u32> = misfits.iter().copied().collect();
            for g in &groups {
                if g.members.iter().any(|(l, _)| bad.contains(l)) {
                    for &(l, _) in &g.members {
                        apart[l as usize] = true;
                    }
                }
            }
            (groups, left_out) = place(lines, &roots, &adjacency, &apart, &banned, &twins);
            break;
        }
        round += 1;
        // Misfits are lines joined to a group by text that the article
        // holds in two places (a list item in a box printed twice, a
        // credit line under each photo): every edge between them and the
        // lines of their group that fit is such a bridge, and goes. The
        // misfits keep their edges among themselves, so they are placed
        // as a group of their own next round, not each alone.
        let misfit: HashSet<u32> = unparted.iter().copied().collect();
        let before = banned.len();
        for &l in &unparted {
            for &(b, d) in adjacency.of(l) {
                if !misfit.contains(&b) && group_of.get(&b) == group_of.get(&l) {
                    banned.insert(l, b, d);
                }
            }
        }
        if banned.len() == before {
            for l in unparted {
                apart[l as usize] = true;
            }
        }
    }
    if !left_out.is_empty() {
        restore_left_out(&mut groups, left_out);
    }
    groups.sort_by_key(|g| {
        g.members
            .iter()
            .map(|&(l, _)| lines[l as usize].first)
            .min()
    });
    groups
}

/// Parts a group's misfits (`sources`) from the members whose text they
/// contradict (`sinks`) where the group joins them most weakly: a minimum
/// cut, each edge weighing the bytes its two lines share, and bans its
/// edges. The article holds some text in two places (a heading in a box of
/// key events and over its post; a list printed twice); a line of that
/// text alone joins the lines around both places by its few bytes, and
/// those few bytes go, not the long overlaps that hold each place's lines
/// together. Such a line then stays on the side where its start or end is
/// a boundary that no other line there gives ([`sides_for_held_lines`]).
/// Returns whether some edge was banned: none for groups too large to
/// part so, whose misfits are set apart as before. The misfits and the
/// members they contradict are `pinned` to their sides.
fn bridge_cut(
    lines: &[Line],
    g: &Group,
    adjacency: &Adjacency,
    banned: &mut Banned,
    sources: &[u32],
    sinks: &[u32],
) -> bool {
    /// Members and augmenting paths past which a group is not parted so.
    const MAX_MEMBERS: usize = 256;
    const MAX_PATHS: usize = 256;
    if g.members.len() > MAX_MEMBERS {
        return false;
    }
    let index: HashMap<u32, usize> = g
        .members
        .iter()
        .enumerate()
        .map(|(k, &(l, _))| (l, k))
        .collect();
    let mut net = Network::new(g.members.len() + 2);
    let (s, t) = (g.members.len(), g.members.len() + 1);
    for l in sources {
        net.join(s, index[l], i64::MAX / 4);
    }
    for l in sinks {
        net.join(index[l], t, i64::MAX / 4);
    }
    // One arc per pair of members, weighing the bytes of each overlap
    // between them once: two keys can find one overlap, and each edge is
    // stored on both lines' sides.
    let mut overlaps: Vec<(usize, usize, i64, i64)> = Vec::new();
    for (ka, &(a, _)) in g.members.iter().enumerate() {
        let la = lines[a as usize].sq.len() as i64;
        for &(b, d) in adjacency.of(a) {
            let Some(&kb) = index.get(&b).filter(|&&kb| kb > ka) else {
                continue;
            };
            if !banned.contains(a, b, d) {
                let lb = lines[b as usize].sq.len() as i64;
                overlaps.push((ka, kb, d, (la.min(d + lb) - d.max(0)).max(1)));
            }
        }
    }
    overlaps.sort_unstable();
    overlaps.dedup_by_key(|o| (o.0, o.1, o.2));
    for pair in overlaps.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        net.join(pair[0].0, pair[0].1, pair.iter().map(|o| o.3).sum());
    }
    let Some(mut side) = net.min_cut(s, t, MAX_PATHS) else {
        return false;
    };
    side.truncate(g.members.len());
    // The misfits and the members they contradict stay on their sides.
    let mut pinned = vec![false; g.members.len()];
    for l in sources.iter().chain(sinks) {
        pinned[index[l]] = true;
    }
    sides_for_held_lines(lines, g, adjacency, &index, &pinned, &mut side);
    let mut any = false;
    for (ka, &(a, _)) in g.members.iter().enumerate() {
        for &(b, d) in adjacency.of(a) {
            if let Some(&kb) = index.get(&b) {
                if side[ka] && !side[kb] && !banned.contains(a, b, d) {
                    banned.insert(a, b, d);
                    any = true;
                }
            }
        }
    }
    any
}

/// Moves each member held whole by a member on the other side of a cut
/// (`side`) to that side where only there its start or end is a boundary
/// no other member gives: on its own side it cuts nothing new, and the
/// other side would lose a paragraph start (`…Oyelaran winThe elite women
/// are off`, where the line `The elite women are off` also opens a post).
fn sides_for_held_lines(
    lines: &[Line],
    g: &Group,
    adjacency: &Adjacency,
    index: &HashMap<u32, usize>,
    pinned: &[bool],
    side: &mut [bool],
) {
    /// Moves past which the sides are taken as they stand.
    const MAX_MOVES: usize = 8;
    let extent = |k: usize| {
        let (l, p) = g.members[k];
        (p, p + lines[l as usize].sq.len() as i64)
    };
    // One move at a time: a move can leave another line held across, or
    // take away the boundary that made another move right.
    for _ in 0..MAX_MOVES {
        let mut ends: [HashMap<i64, u32>; 2] = [HashMap::new(), HashMap::new()];
        for (k, &on) in side.iter().enumerate() {
            let (a, b) = extent(k);
            *ends[on as usize].entry(a).or_default() += 1;
            *ends[on as usize].entry(b).or_default() += 1;
        }
        let held_and_new = |k: usize| {
            let (l, p) = g.members[k];
            let (a, b) = extent(k);
            let held_across = adjacency.of(l).iter().any(|&(o, d)| {
                index.get(&o).is_some_and(|&ko| {
                    let (oa, ob) = extent(ko);
                    side[ko] != side[k] && oa == p + d && oa <= a && b <= ob
                })
            });
            let new_boundary = |on: bool| {
                let mine = u32::from(side[k] == on);
                let others = |at: i64| ends[on as usize].get(&at).map_or(0, |&n| n) > mine;
                !others(a) || !others(b)
            };
            held_across && !new_boundary(side[k]) && new_boundary(!side[k])
        };
        let Some(k) = (0..g.members.len()).find(|&k| !pinned[k] && held_and_new(k)) else {
            break;
        };
        side[k] = !side[k];
    }
}

/// A flow network of undirected capacities, for [`bridge_cut`].
struct Network {
    /// Each arc's head and residual capacity; arc `i ^ 1` is its reverse.
    arcs: Vec<(usize, i64)>,
    /// Each node's arcs.
    out: Vec<Vec<usize>>,
}

impl Network {
    fn new(nodes: usize) -> Self {
        Network {
            arcs: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    /// Joins `a` and `b` by `cap` each way.
    fn join(&mut self, a: usize, b: usize, cap: i64) {
        self.out[a].push(self.arcs.len());
        self.arcs.push((b, cap));
        self.out[b].push(self.arcs.len());
        self.arcs.push((a, cap));
    }

    /// The nodes on `s`'s side of a minimum `s`-`t` cut (Edmonds-Karp:
    /// shortest augmenting paths first); `None` past `max_paths` paths.
    fn min_cut(&mut self, s: usize, t: usize, max_paths: usize) -> Option<Vec<bool>> {
        let mut via = vec![usize::MAX; self.out.len()];
        for _ in 0..=max_paths {
            via.fill(usize::MAX);
            let mut reached = vec![false; self.out.len()];
            reached[s] = true;
            let mut queue = VecDeque::from([s]);
            while let Some(u) = queue.pop_front() {
                for &arc in &self.out[u] {
                    let (v, cap) = self.arcs[arc];
                    if cap > 0 && !reached[v] {
                        reached[v] = true;
                        via[v] = arc;
                        queue.push_back(v);
                    }
                }
            }
            if !reached[t] {
                return Some(reached);
            }
            let mut flow = i64::MAX;
            let mut v = t;
            while v != s {
                let arc = via[v];
                flow = flow.min(self.arcs[arc].1);
                v = self.arcs[arc ^ 1].0;
            }
            let mut v = t;
            while v != s {
                let arc = via[v];
                self.arcs[arc].1 -= flow;
                self.arcs[arc ^ 1].1 += flow;
                v = self.arcs[arc ^ 1].0;
            }
        }
        None
    }
}

/// Edges taken out of the layout: `(a, b, d)` with `a < b`.
#[derive(Default)]
pub(super) struct Banned(HashSet<(u32, u32, i64)>);

impl Banned {
    fn key(a: u32, b: u32, d: i64) -> (u32, u32, i64) {
        if a < b {
            (a, b, d)
        } else {
            (b, a, -d)
        }
    }

    fn insert(&mut self, a: u32, b: u32, d: i64) {
        self.0.insert(Self::key(a, b, d));
    }

    fn contains(&self, a: u32, b: u32, d: i64) -> bool {
        !self.0.is_empty() && self.0.contains(&Self::key(a, b, d))
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Each line's neighbours `(line, offset)`, in the order of the edges, in
/// one table (a slice per line): one allocation, not one per line with an
/// edge, which was a tenth of a small file's allocations.
pub(super) struct Adjacency {
    /// Line `a`'s neighbours are `to[start[a]..start[a + 1]]`.
    start: Vec<u32>,
    to: Vec<(u32, i64)>,
}

impl Adjacency {
    fn new(lines: usize, edges: &[Edge]) -> Self {
        let mut start = vec![0u32; lines + 1];
        for e in edges {
            start[e.a as usize + 1] += 1;
            start[e.b as usize + 1] += 1;
        }
        for i in 0..lines {
            start[i + 1] += start[i];
        }
        let mut fill: Vec<u32> = start[..lines].to_vec();
        let mut to = vec![(0, 0); 2 * edges.len()];
        let mut put = |a: u32, x: (u32, i64)| {
            to[fill[a as usize] as usize] = x;
            fill[a as usize] += 1;
        };
        for e in edges {
            put(e.a, (e.b, e.d));
            put(e.b, (e.a, -e.d));
        }
        Adjacency { start, to }
    }

    fn len(&self) -> usize {
        self.start.len() - 1
    }

    fn of(&self, a: u32) -> &[(u32, i64)] {
        &self.to[self.start[a as usize] as usize..self.start[a as usize + 1] as usize]
    }
}

/// Breadth-first placement from each unplaced root, over the edges not
/// `banned`. A line set `apart` forms a group of its own.
///
/// Of two `twins` (lines of one text, one of them kept as the article
/// repeating it: `Line::repeat`), the one reached second is not placed
/// where the other already stands in the group: its text has another
/// place, where the lines around it take it (should none take it, it
/// stands with its twin after all: [`restore_left_out`]). Returns the
/// groups and the twins left out: `(line, group, place)`.
pub(super) fn place(
    lines: &[Line],
    roots: &[u32],
    adjacency: &Adjacency,
    apart: &[bool],
    banned: &Banned,
    twins: &[Option<u32>],
) -> (Vec<Group>, Vec<(u32, usize, i64)>) {
    let mut pos: Vec<Option<i64>> = vec![None; adjacency.len()];
    // The group each placed line is in.
    let mut owner: Vec<u32> = vec![u32::MAX; adjacency.len()];
    let mut groups: Vec<Group> = Vec::new();
    let mut queue = VecDeque::new();
    let twin = |l: u32| matches!(twins.get(l as usize), Some(Some(_)));
    // Twins standing in the group being placed, by text and place.
    let mut standing: HashSet<(u32, i64)> = HashSet::new();
    // Twins left out of a group: (line, group, place).
    let mut left_out: Vec<(u32, usize, i64)> = Vec::new();
    for &root in roots {
        if pos[root as usize].is_some() {
            continue;
        }
        pos[root as usize] = Some(0);
        let mut members = vec![(root, 0)];
        standing.clear();
        if let Some(Some(t)) = twins.get(root as usize) {
            standing.insert((*t, 0));
        }
        if !apart[root as usize] {
            queue.push_back(root);
        }
        while let Some(a) = queue.pop_front() {
            let pa = pos[a as usize].unwrap_or(0);
            for &(b, d) in adjacency.of(a) {
                if apart[b as usize] || pos[b as usize].is_some() || banned.contains(a, b, d) {
                    continue;
                }
                // A short text the article holds in several places (page
                // furniture) says nothing of where the lines around one
                // of them stand: such a twin places only twins (a
                // share line that ends every post of a live blog would
                // stack the posts).
                if twin(a) && lines[a as usize].sq.len() < LONG && !twin(b) {
                    continue;
                }
                if let Some(Some(t)) = twins.get(b as usize) {
                    if !standing.insert((*t, pa + d)) {
                        left_out.push((b, groups.len(), pa + d));
                        continue;
                    }
                }
                pos[b as usize] = Some(pa + d);
                members.push((b, pa + d));
                queue.push_back(b);
            }
        }
        for &(l, _) in &members {
            owner[l as usize] = groups.len() as u32;
        }
        settle_by_votes(
            lines,
            &mut members,
            &mut pos,
            adjacency,
            (apart, banned),
            &owner,
            twins,
        );
        groups.push(Group { members });
    }
    (groups, left_out)
}

/// A twin left out of a group ([`place`]) that no other group took, and
/// so stands alone, goes back to the first place it was left out of.
fn restore_left_out(groups: &mut Vec<Group>, left_out: Vec<(u32, usize, i64)>) {
    let alone: HashMap<u32, usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.members.len() == 1)
        .map(|(k, g)| (g.members[0].0, k))
        .collect();
    let mut gone = vec![false; groups.len()];
    for (b, k, p) in left_out {
        if let Some(&own) = alone.get(&b) {
            if !gone[own] {
                gone[own] = true;
                groups[k].members.push((b, p));
            }
        }
    }
    super::copies::retain_unmarked(groups, &gone);
}

/// For each line whose squeezed text another line shares (the article
/// repeating a paragraph, kept as a line of its own: `Line::repeat`), the
/// first such line; `None` for the others. Empty when no line repeats.
fn twins(lines: &[Line]) -> Vec<Option<u32>> {
    if !lines.iter().any(|l| l.repeat) {
        return Vec::new();
    }
    let mut first: HashMap<&[u8], u32> = HashMap::new();
    let mut count: HashMap<&[u8], u32> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        first.entry(l.sq).or_insert(i as u32);
        *count.entry(l.sq).or_default() += 1;
    }
    lines
        .iter()
        .map(|l| (count[l.sq] > 1).then(|| first[l.sq]))
        .collect()
}

/// Moves each member with more than one place in its group (a phrase the
/// article repeats: a heading that also opens the lede, a list of items
/// starting alike) to the place most of its placed neighbours agree on.
/// Breadth-first placement takes the first edge that reaches a line, and
/// a short line that occurs twice inside the longest one is reached first
/// at whichever occurrence its key was found first; the lines that start
/// or end where it stands, or hold it at one place only, tell the real
/// one. A line stays where it is unless another place has more votes (of
/// two such, the earlier on the axis), or as many and the line's text
/// stands whole there and not here. A neighbour votes once for a place.
/// Of places with as many votes, one where the line's start or end meets
/// another member's start or end is taken over one where neither does (a
/// copy of text inside a paragraph, where the line reads as a paragraph
/// of its own at the other). A line of a text the article writes as lines
/// of their own more than once (twins), placed where its ends do not
/// both meet other members', goes to the best-voted place where both do
/// and no twin stands: each copy of the text has its own place. A line's ends are counted where it
/// stands once it has moved. Every edge is a byte-checked match;
/// lines placed from a line that moves keep their places, and the group's
/// check afterwards sets apart any that no longer fit.
fn settle_by_votes(
    lines: &[Line],
    members: &mut [(u32, i64)],
    pos: &mut [Option<i64>],
    adjacency: &Adjacency,
    (apart, banned): (&[bool], &Banned),
    owner: &[u32],
    twins: &[Option<u32>],
) {
    let mut votes: Vec<(i64, u32)> = Vec::new();
    let group = members.first().map_or(u32::MAX, |m| owner[m.0 as usize]);
    // Where the members start and end, and the members of each text
    // written as several lines: made, as placed, for the first line with
    // two places (no line has moved before it); most groups have none.
    let mut bounds: U64Map<u32> = U64Map::default();
    let mut twin_members: U64Map<Vec<u32>> = U64Map::default();
    let mut made = false;
    // The root stands where it is: the others were placed from it.
    for k in 1..members.len() {
        let m = members[k];
        let b = m.0 as usize;
        votes.clear();
        for &(a, d) in adjacency.of(m.0) {
            // `pos(b) = pos(a) - d` for an edge stored on `b`'s side.
            if let (false, Some(pa)) = (apart[a as usize], pos[a as usize]) {
                // Only lines of this group vote (a banned edge or a twin
                // left out leaves neighbours in others).
                if owner[a as usize] != group || banned.contains(m.0, a, d) {
                    continue;
                }
                votes.push((pa - d, a));
            }
        }
        // Counted by sorting, not by a search per neighbour: a short line
        // that opens thousands of lines has as many places. A neighbour
        // votes once for a place, however many of its keys found the line
        // there (a start and an end key: a line at the very end of another
        // is found by its start only, and would count less there).
        votes.sort_unstable();
        votes.dedup();
        // Per place: its votes, and one of its voters.
        // Per place: its votes, and where its voters start in `votes`.
        let mut places: Vec<(i64, u32, usize)> = Vec::new();
        for (k, &(p, _)) in votes.iter().enumerate() {
            match places.last_mut() {
                Some(last) if last.0 == p => last.1 += 1,
                _ => places.push((p, 1, k)),
            }
        }
        if places.len() < 2 {
            continue;
        }
        if !made {
            made = true;
            for &(l, p) in members.iter() {
                *bounds.entry(p as u64).or_default() += 1;
                *bounds
                    .entry((p + lines[l as usize].sq.len() as i64) as u64)
                    .or_default() += 1;
                if let Some(Some(t)) = twins.get(l as usize) {
                    twin_members.entry(u64::from(*t)).or_default().push(l);
                }
            }
        }
        let top = places.iter().map(|v| v.1).max().unwrap_or(0);
        // Whether the line's text stands whole at `p` in every voter that
        // holds it there: not right after an opening quote or bracket, nor
        // right before a closing one or a comma.
        let whole_at = |&(p, n, from): &(i64, u32, usize)| {
            votes[from..from + n as usize].iter().all(|&(_, voter)| {
                let Some(a) = pos[voter as usize] else {
                    return true;
                };
                let outer = lines[voter as usize].sq;
                let at = p - a;
                let end = at + lines[b].sq.len() as i64;
                let (Ok(at), Ok(end)) = (usize::try_from(at), usize::try_from(end)) else {
                    return true;
                };
                if end > outer.len() {
                    return true;
                }
                let opened = seams::last_char(&outer[..at])
                    .is_some_and(|c| matches!(c, '“' | '‘' | '(' | '[' | '«'));
                let closed = seams::first_char(&outer[end..])
                    .is_some_and(|c| matches!(c, '”' | '’' | ')' | ']' | '»' | ',' | ';'));
                !(opened || closed)
            })
        };
        // The place with the most votes; of places with as many, the one
        // the line stands at, else the earliest on the axis; but first one
        // where its text stands whole: a pull quote printed again beside
        // the paragraph that quotes it is set apart there, not cut out of
        // the quotation.
        let tied = || places.iter().filter(|v| v.1 == top);
        let mut best = tied()
            .filter(|v| whole_at(v))
            .find(|v| v.0 == m.1)
            .or_else(|| tied().find(|v| whole_at(v)))
            .or_else(|| tied().find(|v| v.0 == m.1))
            .or_else(|| tied().next())
            .map_or(m.1, |v| v.0);
        // Where neither end of the line meets another line's start or end
        // there, it is a copy of text inside a paragraph: a place as good
        // where one does is its own (a pull quote that its paragraph
        // quotes, printed again after it, ends where the next paragraph
        // starts).
        let len = lines[b].sq.len() as i64;
        let meets = |p: i64| {
            let others = |at: i64| {
                let own = u32::from(at == m.1) + u32::from(at == m.1 + len);
                bounds.get(&(at as u64)).is_some_and(|&n| n > own)
            };
            u32::from(others(p)) + u32::from(others(p + len))
        };
        if meets(best) == 0 {
            if let Some(v) = tied()
                .filter(|v| whole_at(v) && meets(v.0) > 0)
                .max_by_key(|v| (meets(v.0), std::cmp::Reverse(v.0)))
            {
                best = v.0;
            }
        }
        // A text the article writes as lines of their own more than once
        // (a question in an FAQ's contents and over its answer) stands
        // whole at each of its places: one of its lines goes to a place,
        // free of the others, where both its ends meet other lines' rather
        // than to the start of a paragraph that opens with it. (Not a text
        // too short for a key, `Read more`: a link's text inside each item
        // of a list, which short lines' own edges place.)
        if let Some(Some(t)) = twins.get(b).filter(|_| len >= KEY as i64) {
            if meets(best) < 2 {
                let taken = |p: i64| {
                    twin_members[&u64::from(*t)]
                        .iter()
                        .any(|&o| o != m.0 && pos[o as usize] == Some(p))
                };
                if let Some(v) = places
                    .iter()
                    .filter(|v| whole_at(v) && meets(v.0) == 2 && !taken(v.0))
                    .max_by_key(|v| (v.1, std::cmp::Reverse(v.0)))
                {
                    best = v.0;
                }
            }
        }
        if best != m.1 {
            // The lines after it see its ends where it now stands.
            for (from, to) in [(m.1, best), (m.1 + len, best + len)] {
                if let Some(n) = bounds.get_mut(&(from as u64)) {
                    *n -= 1;
                }
                *bounds.entry(to as u64).or_default() += 1;
            }
            members[k].1 = best;
            pos[b] = Some(best);
        }
    }
}

/// The group's boundaries (every member's start and end), shifted to start
/// at 0, and for each piece between two boundaries the member it is taken
/// from (an index into `members`): the earliest-placed member covering it.
pub(super) struct Assembly {
    pub(super) cuts: Vec<i64>,
    pub(super) source: Vec<Option<u32>>,
    pub(super) shift: i64,
}

pub(super) fn assemble(lines: &[Line], g: &Group) -> Assembly {
    let shift = g.members.iter().map(|&(_, p)| p).min().unwrap_or(0);
    let extent = |&(l, p): &(u32, i64)| (p - shift, p - shift + lines[l as usize].sq.len() as i64);
    let mut cuts: Vec<i64> = g
        .members
        .iter()
        .flat_map(|m| {
            let (a, b) = extent(m);
            [a, b]
        })
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts.len().saturating_sub(1);
    let mut source = vec![None; pieces];
    // `next_free[i]`: the first unassigned piece at or after `i`, with path
    // halving, so painting every member costs near-linear time overall.
    let mut next_free: Vec<usize> = (0..=pieces).collect();
    pub(super) fn find(next_free: &mut [usize], mut i: usize) -> usize {
        while next_free[i] != i {
            next_free[i] = next_free[next_free[i]];
            i = next_free[i];
        }
        i
    }
    for (mi, m) in g.members.iter().enumerate() {
        let (start, end) = extent(m);
        let first = cuts.partition_point(|&c| c < start);
        let last = cuts.partition_point(|&c| c < end);
        let mut i = find(&mut next_free, first);
        while i < last {
            source[i] = Some(mi as u32);
            next_free[i] = i + 1;
            i = find(&mut next_free, i + 1);
        }
    }
    Assembly {
        cuts,
        source,
        shift,
    }
}

impl Assembly {
    /// Piece `i` as `(member index, start, end)`, offsets into that
    /// member's squeezed bytes.
    pub(super) fn piece(&self, g: &Group, i: usize) -> Option<(usize, usize, usize)> {
        let mi = self.source[i]? as usize;
        let off = g.members[mi].1 - self.shift;
        Some((
            mi,
            (self.cuts[i] - off) as usize,
            (self.cuts[i + 1] - off) as usize,
        ))
    }
}

/// The members whose bytes differ from the text assembled at their offset,
/// each with the member whose bytes were assembled where it first differs.
pub(super) fn check_group(lines: &[Line], g: &Group) -> Vec<(u32, Option<u32>)> {
    if g.members.len() < 2 {
        return Vec::new();
    }
    let asm = assemble(lines, g);
    let mut text = Vec::new();
    for i in 0..asm.source.len() {
        match asm.piece(g, i) {
            Some((mi, a, b)) => {
                text.extend_from_slice(&lines[g.members[mi].0 as usize].sq[a..b]);
            }
            // A gap cannot occur in a connected group; fill it so offsets hold.
            None => text.resize(text.len() + (asm.cuts[i + 1] - asm.cuts[i]) as usize, 0),
        }
    }
    let mut bad: Vec<(u32, Option<u32>)> = g
        .members
        .iter()
        .filter_map(|&(l, p)| {
            let start = (p - asm.shift) as usize;
            let sq = lines[l as usize].sq;
            let Some(here) = text.get(start..start + sq.len()) else {
                return Some((l, None));
            };
            if here == sq {
                return None;
            }
            let at = start + here.iter().zip(sq).take_while(|(x, y)| x == y).count();
            let piece = asm
                .cuts
                .partition_point(|&c| c <= at as i64)
                .saturating_sub(1);
            let other = asm.source.get(piece).copied().flatten();
            Some((l, other.map(|mi| g.members[mi as usize].0)))
        })
        .collect();
    if bad.is_empty() {
        bad.extend(overlaps_too_short(lines, g));
    }
    bad
}

/// Whether squeezed offset `k` of `line` falls inside running text: a
/// space there in the raw text, after a word or a comma (no stop, colon or
/// closing mark), so no seam of glued paragraphs.
fn inside_text(line: &Line, k: i64) -> bool {
    let Ok(k) = usize::try_from(k) else {
        return false;
    };
    let Some(look) = cuts::Look::at(line.sq, k) else {
        return false;
    };
    let mut raw = Vec::with_capacity(1);
    raw_offsets_into(line.raw, &[k], &mut raw);
    let spaced = raw
        .first()
        .and_then(|&o| line.raw.get(..o))
        .is_some_and(|before| before.ends_with(char::is_whitespace));
    spaced && look.inside_running_text()
}

/// The members that overlap the member reaching furthest before them by
/// less than a key, and run on past it, where the text they share starts
/// and ends inside running text: two lines that share only a name
/// (`Marrow`) were placed so by a short line that both hold, which says
/// nothing of how they meet (`Ilse Marrow` hanging off the start of
/// `Marrow & Lund's Halvard scheme…`). Short paragraphs glued in a
/// cascade share whole paragraphs, from a seam to a seam. Each is given
/// with the other line; of the two, the shorter is the misfit.
fn overlaps_too_short(lines: &[Line], g: &Group) -> Vec<(u32, Option<u32>)> {
    let len = |m: usize| lines[g.members[m].0 as usize].sq.len() as i64;
    let mut by_start: Vec<usize> = (0..g.members.len()).collect();
    by_start.sort_unstable_by_key(|&m| (g.members[m].1, std::cmp::Reverse(len(m)), m));
    let mut bad = Vec::new();
    let mut reach: Option<usize> = None;
    for &m in &by_start {
        let (start, end) = (g.members[m].1, g.members[m].1 + len(m));
        if let Some(r) = reach {
            let r_end = g.members[r].1 + len(r);
            if start < r_end
                && end > r_end
                && r_end - start < KEY as i64
                && inside_text(&lines[g.members[r].0 as usize], start - g.members[r].1)
                && inside_text(&lines[g.members[m].0 as usize], r_end - start)
            {
                let (short, long) = if len(m) < len(r) { (m, r) } else { (r, m) };
                bad.push((g.members[short].0, Some(g.members[long].0)));
            }
        }
        if reach.is_none_or(|r| end > g.members[r].1 + len(r)) {
            reach = Some(m);
        }
    }
    bad
}
