#!/usr/bin/env python3
"""Generate a held-out "near copy" scraper-artifact test set.

Usage: python3 gen_near.py ARTICLES_JSONL SEED OUT [--per-family N] [--families a,b,...]

Writes OUT/FAMILY/NAME.txt, OUT/truth.jsonl (same format as dev2's truth.jsonl) and
OUT/meta.jsonl (per file: construction notes, which paragraph boundaries are evidenced by
some line that starts or ends exactly at the boundary).

A scraped file: title, date, URL, then body lines.  The base artifact is the suffix cascade:
line k = P[k] + P[k+1] + ... + P[n-1] glued with no separator.
"""
import html, html.entities, json, os, random, re, sys

ELLIPSES = ["...", "\u2026", " ...", " \u2026"]
WS = re.compile(r"\s+")


def sq(s):
    return WS.sub(" ", s.replace("\u00a0", " ")).strip()


# ---------------------------------------------------------------- helpers
def cascade(P, ks=None):
    """suffix cascade lines; returns list of (text, start, end_exclusive, full)"""
    n = len(P)
    ks = range(n) if ks is None else ks
    return [("".join(P[k:]), k, n) for k in ks]


def prefix_cascade(P):
    return [("".join(P[:k + 1]), 0, k + 1) for k in range(len(P))]


def words_cut(s, rng, min_words=1, keep_last=False):
    """cut s after a random word (at least min_words words kept, never the whole)"""
    ws = s.split(" ")
    if len(ws) <= min_words:
        return None
    k = rng.randint(min_words, len(ws) - 1)
    return " ".join(ws[:k])


def ell(rng):
    return rng.choice(ELLIPSES)


NAMED = {cp: name for cp, name in html.entities.codepoint2name.items()}


def encode_char(c, kind, rng):
    cp = ord(c)
    if kind == "named":
        if c == "'":
            return rng.choice(["&#39;", "&apos;"])
        if cp in NAMED:
            return "&%s;" % NAMED[cp]
        kind = "decimal"
    if kind == "decimal":
        return "&#%d;" % cp
    x = "%x" % cp
    return rng.choice(["&#x%s;" % x, "&#x%s;" % x.upper(), "&#X%s;" % x])


def entity_encode(s, rng, kinds=None):
    """encode quotes/apostrophes/&/<>/non-ASCII as HTML character references (kind per line,
    or mixed per char); returns (encoded, changed?)"""
    kinds = kinds or [rng.choice(["named", "decimal", "hex", "mixed"])]
    kind = kinds[0]
    out = []
    changed = False
    for c in s:
        if c in "\"'&<>" or ord(c) > 127:
            k = rng.choice(["named", "decimal", "hex"]) if kind == "mixed" else kind
            out.append(encode_char(c, k, rng))
            changed = True
        else:
            out.append(c)
    return "".join(out), changed


SENT = re.compile(r"(?<=[.!?])[\"']?\s+(?=[A-Z\"'])")


def sentences(p):
    """naive sentence split keeping exact text (joined by single spaces reproduces p if p is squeezed)"""
    parts, last = [], 0
    for m in re.finditer(r"[.!?][\"']?(?= +[A-Z\"'(])", p):
        end = m.end()
        # avoid common abbreviations / initials
        prev = p[max(0, m.start() - 4):m.start() + 1]
        if re.search(r"(\b(Mr|Mrs|Ms|Dr|St|Co|Inc|Corp|Ltd|No|vs|U\.S|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$)|(\b[A-Z]\.$)", prev):
            continue
        parts.append(p[last:end].strip())
        last = end
    parts.append(p[last:].strip())
    return [x for x in parts if x]


def evidence(P, spans):
    """boundary i (between P[i] and P[i+1]) is evidenced if some full piece starts at i+1 or ends at i+1"""
    n = len(P)
    ev = set()
    for s, e in spans:
        if 0 < s < n:
            ev.add(s)
        if 0 < e < n:
            ev.add(e)
    return sorted(ev), [b for b in range(1, n) if b not in ev]


# ---------------------------------------------------------------- families
# each returns (body_lines, note_dict, spans, truth_paragraphs or None) ; spans = untruncated (start,end) pieces

def f_entities(P, rng, a):
    L = cascade(P)
    frac = rng.choice([0.3, 0.5, 0.7, 1.0])
    lines = []
    for t, s, e in L:
        if rng.random() < frac:
            t2, ch = entity_encode(t, rng)
            lines.append(t2)
            # sometimes both the raw and the encoded copy are written
            if ch and rng.random() < 0.25:
                lines.append(t)
        else:
            lines.append(t)
    rng.shuffle(lines)
    return lines, {"frac": frac}, [(s, e) for _, s, e in L]


def fragment(P, rng, where=None):
    i = rng.randrange(len(P))
    ws = P[i].split(" ")
    k = rng.randint(1, min(8, max(1, len(ws) - 1)))
    if len(ws) <= k:
        return None
    where = where or rng.choice(["start", "end", "mid", "mid", "mid"])
    if where == "start":
        j = 0
    elif where == "end":
        j = len(ws) - k
    else:
        j = rng.randint(0, len(ws) - k)
    return " ".join(ws[j:j + k]), i, where


def f_inline_fragments(P, rng, a):
    L = cascade(P)
    lines = [t for t, _, _ in L]
    nf = rng.randint(1, max(2, len(P)))
    frags = []
    for _ in range(nf):
        fr = fragment(P, rng)
        if fr:
            frags.append(fr)
            lines.append(fr[0])
    rng.shuffle(lines)
    return lines, {"frags": [(f[1], f[2], len(f[0].split())) for f in frags]}, [(s, e) for _, s, e in L]


def f_nested_blocks(P, rng, a):
    n = len(P)
    full = "".join(P)
    single = list(P)
    keep = sorted(rng.sample(range(1, n), rng.randint(0, n - 1))) if n > 1 else []
    suf = [("".join(P[k:]), k, n) for k in keep]
    order = rng.choice(["dev2", "shuffled", "singles_last"])
    if order == "dev2":
        lines = [full] + single + [t for t, _, _ in suf]
    elif order == "singles_last":
        lines = [full] + [t for t, _, _ in suf] + single
    else:
        lines = [full] + single + [t for t, _, _ in suf]
        rng.shuffle(lines)
    spans = [(0, n)] + [(i, i + 1) for i in range(n)] + [(s, e) for _, s, e in suf]
    return lines, {"order": order}, spans


def partial_cascade(P, rng, lo=0.3, hi=0.9):
    n = len(P)
    rest = list(range(1, n))
    m = max(0, round(len(rest) * rng.uniform(lo, hi)))
    ks = [0] + sorted(rng.sample(rest, m))
    return cascade(P, ks)


def f_suffix_partial(P, rng, a):
    L = partial_cascade(P, rng)
    lines = [t for t, _, _ in L]
    rng.shuffle(lines)
    return lines, {"kept": len(L)}, [(s, e) for _, s, e in L]


def f_summary_first(P, rng, a):
    L = cascade(P) if rng.random() < 0.5 else partial_cascade(P, rng)
    lines = [t for t, _, _ in L]
    rng.shuffle(lines)
    return [P[0]] + lines, {"kept": len(L)}, [(0, 1)] + [(s, e) for _, s, e in L]


def teaser_line(P, rng):
    c = words_cut(P[0], rng, 1)
    if c is None:
        return None
    return c.rstrip() + ell(rng) if rng.random() < 0.85 else c + ell(rng)


def f_teaser(P, rng, a, partial=False):
    L = partial_cascade(P, rng) if partial else cascade(P)
    lines = [t for t, _, _ in L]
    rng.shuffle(lines)
    t = teaser_line(P, rng)
    if t is None:
        return None
    pos = 0 if rng.random() < 0.8 else rng.randint(0, len(lines))
    lines.insert(pos, t)
    return lines, {"teaser_pos": pos}, [(s, e) for _, s, e in L]


def f_teaser_partial(P, rng, a):
    return f_teaser(P, rng, a, partial=True)


def trunc_line(text, s, P, rng, midword=False, ellipsis=True):
    """cut a cascade line that starts at paragraph s at a random word (or char); returns
    (new_text, number of paragraphs still fully present)"""
    if midword:
        if len(text) < 10:
            return None
        c = rng.randint(5, len(text) - 1)
        cut = text[:c]
    else:
        cut = words_cut(text, rng, 1)
        if cut is None:
            return None
    # how many full paragraphs are in cut
    pos, full = 0, 0
    for j in range(s, len(P)):
        if len(cut) >= pos + len(P[j]):
            full += 1
            pos += len(P[j])
        else:
            break
    out = cut + (ell(rng) if ellipsis else "")
    return out, full


def covered(P, spans):
    cov = set()
    for s, e in spans:
        cov.update(range(s, e))
    return len(cov) == len(P)


def f_truncated(P, rng, a):
    for _ in range(20):
        L = cascade(P)
        lines, spans = [], []
        nt = rng.randint(1, max(1, len(L) - 1))
        tix = set(rng.sample(range(len(L)), nt))
        for i, (t, s, e) in enumerate(L):
            if i in tix:
                r = trunc_line(t, s, P, rng)
                if r:
                    lines.append(r[0])
                    if r[1]:
                        spans.append((s, s + r[1]))
                    continue
            lines.append(t)
            spans.append((s, e))
        if covered(P, spans):
            rng.shuffle(lines)
            return lines, {"ntrunc": nt}, spans
    return None


# ---------------------------------------------------------------- new variants
def f_cascade_trunc_copies(P, rng, a):
    """full cascade plus extra truncated copies of some lines (word cut w/ or w/o ellipsis, or mid-word cut)"""
    L = cascade(P)
    lines = [t for t, _, _ in L]
    kinds = []
    for t, s, e in rng.sample(L, rng.randint(1, len(L))):
        kind = rng.choice(["word_ell", "word_noell", "midword"])
        r = trunc_line(t, s, P, rng, midword=(kind == "midword"), ellipsis=(kind == "word_ell"))
        if r:
            lines.append(r[0])
            kinds.append(kind)
    rng.shuffle(lines)
    return lines, {"trunc_kinds": kinds}, [(s, e) for _, s, e in L]


def ws_mangle(p, rng, style):
    if style == "nbsp":
        return "".join("\u00a0" if c == " " and rng.random() < 0.3 else c for c in p)
    if style == "tabs":
        return "\t" + p.replace(". ", ".\t") if rng.random() < 0.5 else p.replace(" ", "\t", 3) + "\t"
    if style == "double":
        return "".join("  " if c == " " and rng.random() < 0.3 else c for c in p) + "  "
    return p


def f_repeat_ws(P, rng, a):
    """suffix cascade plus a second, paragraph-per-line copy of the whole article with different whitespace"""
    L = cascade(P) if rng.random() < 0.6 else partial_cascade(P, rng)
    lines = [t for t, _, _ in L]
    rng.shuffle(lines)
    style = rng.choice(["nbsp", "tabs", "double", "crlf", "mixed"])
    copy = []
    for p in P:
        st = rng.choice(["nbsp", "tabs", "double"]) if style == "mixed" else style
        q = ws_mangle(p, rng, st)
        if style in ("crlf", "mixed"):
            q += "\r"
        copy.append(q)
    if style != "crlf" and rng.random() < 0.3:
        copy.insert(rng.randint(0, len(copy)), "\u00a0" if rng.random() < .5 else " \t ")  # whitespace-only line
    lines = lines + copy if rng.random() < 0.5 else copy + lines
    return lines, {"style": style}, [(s, e) for _, s, e in L] + [(i, i + 1) for i in range(len(P))]


def f_prefix_entities(P, rng, a):
    """prefix cascade (line k = P0..Pk) with entity-encoded copies mixed in"""
    L = prefix_cascade(P)
    lines = []
    for t, s, e in L:
        r = rng.random()
        enc, ch = entity_encode(t, rng)
        if r < 0.35:
            lines.append(enc)
        elif r < 0.7:
            lines += [t, enc]
        else:
            lines.append(t)
    if rng.random() < 0.5:
        rng.shuffle(lines)
    return lines, {}, [(s, e) for _, s, e in L]


def f_desc_after_lede(P, rng, a):
    """meta description = lede's first sentence, written right after the lede"""
    d = sentences(P[0])[0]
    mode = rng.choice(["perline", "cascade", "cascade_ordered"])
    if mode == "perline":
        lines = [P[0], d] + P[1:]
        spans = [(i, i + 1) for i in range(len(P))]
    else:
        L = cascade(P)
        if mode == "cascade":
            rng.shuffle(L)
        i0 = [i for i, x in enumerate(L) if x[1] == 0][0]
        lines = [t for t, _, _ in L]
        lines.insert(i0 + 1, d)
        spans = [(s, e) for _, s, e in L]
    if rng.random() < 0.3:
        d2 = d.rstrip(".") + ell(rng) if rng.random() < .5 else d
        lines.insert(rng.randint(0, 1), d2)   # some scrapers also write it before
    return lines, {"mode": mode, "desc_is_whole_lede": d == P[0]}, spans


def f_sentence_fragments(P, rng, a):
    """cascade plus lines that are whole sentences of some paragraph"""
    cand = [(i, s) for i, p in enumerate(P) for s in sentences(p) if s != p]
    if not cand:
        return None
    L = cascade(P) if rng.random() < 0.6 else partial_cascade(P, rng)
    lines = [t for t, _, _ in L]
    picks = rng.sample(cand, min(len(cand), rng.randint(1, 4)))
    where = []
    for i, s in picks:
        lines.append(s)
        sl = sentences(P[i])
        where.append("first" if s == sl[0] else "last" if s == sl[-1] else "mid")
    rng.shuffle(lines)
    return lines, {"where": where}, [(s, e) for _, s, e in L]


def is_bullet(p):
    return len(p.split()) <= 10 and not re.search(r"[.!?:;,][\"')]?$", p)


def make_bullets(P, rng, pool):
    """synthesize a bullet list (3-6 short headline-like items without stops, e.g. a 'Key facts' or
    'See also' box); items are other articles' titles so they are not substrings of the body"""
    body = " ".join(P)
    items = []
    for a in rng.sample(pool, 30):
        t = sq(a["title"]).rstrip(".")
        if 2 <= len(t.split()) <= 8 and not t.isupper() and t not in body and not any(t in x or x in t for x in items):
            items.append(t)
        if len(items) >= rng.randint(3, 6):
            break
    mark = rng.choice(["", "", "- ", "\u2022 ", "* "])
    items = [mark + it for it in items]
    pos = rng.randint(1, len(P))
    if rng.random() < 0.4 and pos > 0 and not P[pos - 1].endswith(":"):
        intro = rng.choice(["Key facts:", "See also:", "The main points:"])
        items = [intro] + items
    return P[:pos] + items + P[pos:]


def f_bullets(P, rng, a):
    P2 = P if any(is_bullet(P[i]) and is_bullet(P[i + 1]) for i in range(len(P) - 1)) else make_bullets(P, rng, POOL)
    if P2 is None:
        return None
    L = cascade(P2) if rng.random() < 0.7 else partial_cascade(P2, rng)
    lines = [t for t, _, _ in L]
    rng.shuffle(lines)
    return lines, {"real": P2 is P}, [(s, e) for _, s, e in L], P2


def f_title_in_body(P, rng, a):
    """paragraph-per-line article + cascade; the scraper also wrote the title as a body line"""
    L = cascade(P) if rng.random() < 0.6 else partial_cascade(P, rng)
    casc = [t for t, _, _ in L]
    rng.shuffle(casc)
    mode = rng.choice(["perline+cascade", "cascade"])
    lines = (list(P) + casc) if mode == "perline+cascade" else casc
    spans = [(s, e) for _, s, e in L] + ([(i, i + 1) for i in range(len(P))] if mode != "cascade" else [])
    pos = 0 if rng.random() < 0.7 else rng.randint(0, len(lines))
    title = a["title"]
    if rng.random() < 0.2:
        title = title.upper() if rng.random() < .5 else title + " - News"
    lines.insert(pos, title)
    return lines, {"mode": mode, "title_pos": pos, "title_variant": title != a["title"]}, spans


HEADINGS = ["Key points", "Analysis", "Background", "What happens next", "Reaction",
            "Market reaction", "The details", "Q&A", "Profile", "Timeline", "Why it matters",
            "In numbers"]


def f_heading_twice(P, rng, a):
    """article containing the same short heading-like paragraph twice (real structure, truth keeps both)"""
    if len(P) < 3:
        return None
    h = rng.choice(HEADINGS)
    i, j = sorted(rng.sample(range(1, len(P) + 1), 2))
    P2 = P[:i] + [h] + P[i:j] + [h] + P[j:]
    L = cascade(P2) if rng.random() < 0.7 else partial_cascade(P2, rng)
    lines = [t for t, _, _ in L]
    rng.shuffle(lines)
    return lines, {"heading": h, "at": [i, j + 1]}, [(s, e) for _, s, e in L], P2


def f_heading_dup_line(P, rng, a):
    """short heading paragraph (once in the article) whose own line the scraper wrote twice"""
    h = rng.choice(HEADINGS)
    i = rng.randint(1, len(P))
    P2 = P[:i] + [h] + P[i:]
    L = cascade(P2)
    lines = [t for t, _, _ in L] + [h, h]
    rng.shuffle(lines)
    return lines, {"heading": h, "at": i}, [(s, e) for _, s, e in L] + [(i, i + 1)], P2


FAMILIES = {
    # dev2 families, re-implemented
    "entities": f_entities,
    "inline_fragments": f_inline_fragments,
    "nested_blocks": f_nested_blocks,
    "suffix_partial": f_suffix_partial,
    "summary_first": f_summary_first,
    "teaser": f_teaser,
    "teaser_partial": f_teaser_partial,
    "truncated": f_truncated,
    # new variants
    "x_cascade_trunc_copies": f_cascade_trunc_copies,
    "x_repeat_ws": f_repeat_ws,
    "x_prefix_entities": f_prefix_entities,
    "x_desc_after_lede": f_desc_after_lede,
    "x_sentence_fragments": f_sentence_fragments,
    "x_bullets": f_bullets,
    "x_title_in_body": f_title_in_body,
    "x_heading_twice": f_heading_twice,
    "x_heading_dup_line": f_heading_dup_line,
}


def main():
    args = sys.argv[1:]
    src, seed, out = args[0], int(args[1]), args[2]
    per = int(args[args.index("--per-family") + 1]) if "--per-family" in args else 150
    fams = args[args.index("--families") + 1].split(",") if "--families" in args else list(FAMILIES)
    arts = [json.loads(l) for l in open(src, encoding="utf-8")]
    # usable: >=2 paragraphs, no duplicate paragraphs, no empty paragraph
    arts = [a for a in arts if len(a["paragraphs"]) >= 2 and len(set(a["paragraphs"])) == len(a["paragraphs"])
            and all(sq(p) for p in a["paragraphs"])
            and not any(re.search(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);", p) for p in a["paragraphs"] + [a["title"]])]
    bullet_real = [a for a in arts if any(is_bullet(a["paragraphs"][i]) and is_bullet(a["paragraphs"][i + 1])
                                          for i in range(len(a["paragraphs"]) - 1))]
    global POOL
    POOL = arts
    os.makedirs(out, exist_ok=True)
    tf = open(os.path.join(out, "truth.jsonl"), "w", encoding="utf-8")
    mf = open(os.path.join(out, "meta.jsonl"), "w", encoding="utf-8")
    for fam in fams:
        fn = FAMILIES[fam]
        rng = random.Random("%d/%s" % (seed, fam))
        pool = list(arts)
        rng.shuffle(pool)
        if fam == "x_bullets":
            pool = bullet_real + [a for a in pool if a not in bullet_real]
        os.makedirs(os.path.join(out, fam), exist_ok=True)
        made = 0
        for a in pool:
            if made >= per:
                break
            P = [sq(p) for p in a["paragraphs"]]   # scraper works on the squeezed text
            r = fn(P, rng, a)
            if r is None:
                continue
            lines, note, spans = r[:3]
            truthP = r[3] if len(r) > 3 else a["paragraphs"]
            name = "%s/%s.txt" % (fam, a["id"])
            body = "\n".join([a["title"], a["date"], a["url"]] + lines) + "\n"
            with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
                f.write(body)
            tp = truthP
            ev, unev = evidence(tp, spans)
            tf.write(json.dumps({"file": name, "family": fam, "title": a["title"], "date": a["date"],
                                 "url": a["url"], "paragraphs": tp}, ensure_ascii=False) + "\n")
            mf.write(json.dumps({"file": name, "note": note, "unevidenced_boundaries": unev,
                                 "n": len(tp)}, ensure_ascii=False) + "\n")
            made += 1
    tf.close(); mf.close()


if __name__ == "__main__":
    main()
