#!/usr/bin/env python3
"""Held-out generator of mixed scraper artifacts for the article cleaner.

Written from the task statement, the shared corpus, its dev/dev2 examples and tools/score.py only,
without reading the cleaner, its tests or its other generators. It writes scraped-style copies of
clean articles with new combinations and variants of what buggy scrapers and data pipelines write.

Usage: python3 scripts/gen_mixed.py ../shared/corpus/articles.jsonl SEED OUT [--per-family N]
           [--families F1,F2] [--keep-unevidenced] [--include-dev] [--overwrite]

Writes OUT/FAMILY/ID.txt (title, date, URL, then the scraped body), OUT/truth.jsonl in dev2's
format ({file, family, title, date, url, paragraphs}; the article's own paragraphs, HTML references
decoded) and OUT/meta.jsonl (per file: the article, what was done, the evidence check). Default 100
files per family; the output depends only on the articles, SEED and the options. Articles have 3-25
paragraphs, none repeated, none inside another; articles of dev/ and dev2/ (sibling folders with a
truth.jsonl) are left out unless --include-dev. A paragraph boundary counts as evidenced when a line
glues the two paragraphs with no space between them, or a line starts exactly at it and holds the
whole next paragraph, or ends exactly at it and holds the whole previous paragraph (lines that are
pieces by construction, sentences, fragments, teasers, never count). By default only files with
every boundary evidenced and every paragraph inside some line are written.

Families (S_k = P[k]+...+P[n-1] glued with nothing: the suffix cascade; Q_k = P[0]+...+P[k]):
  shuffled_partial            next-siblings bug (S_k for each block) that lost 20-60% of its lines and wrote them in any order
  prefix_partial              text-so-far bug (Q_k for each block) with lines lost, written in order or reversed
  cascade_plus_fragments      shuffled full cascade plus each link's/emphasis's text (2-6 inner words) as a line beside its block's line
  cascade_entities_mixed      cascade whose lines partly came through an HTML-escaping path (named, numeric, hex, &#039;, &nbsp;), the title too sometimes
  double_cascade              the scraper ran twice into one file; the second run has other whitespace (tabs, double, leading, trailing spaces, CRLF)
  window                      each block written with its next w-1 siblings (w = 2-4), in order or shuffled, the last blocks shrinking or alone
  teaser_and_cascade          CMS teaser (lede cut at a word, then ..., ... or a spaced ellipsis) and meta description (lede's first sentence) before a shuffled partial cascade
  truncated_cascade_lines     cascade stored in a length-limited column (cut at 200-1000 chars, mid-word or at a word, maybe an ellipsis) plus every <p> alone
  blank_and_noise_lines       plain article or cascade with empty spacer blocks: blank, whitespace-only, U+00A0, &nbsp;, zero-width-space lines; sometimes a BOM
  paragraph_twice_adjacent    scraper writing both the <p> and its inner <span>: each paragraph twice in a row, some second copies entity-encoded
  nested_containers           text of every container in DOM pre-order or level order: article, sections of 2-4 paragraphs (joined by a space or nothing), <p>s (some lost)
  sentence_lines_plus_cascade a sentence-splitting pipeline's output (one sentence a line) merged with a shuffled partial cascade of the same page
  list_items                  cascade (suffix or prefix, lines lost) over pages with short list-like paragraphs (at least two under 80 chars)
  unicode_variants            typographer copies (straight->curly quotes, wptexturize references, ' - ' -> en dash) or U+00A0/&nbsp; copies next to the original lines
  mixed_separator_cascade     cascade over HTML where some </p><p> pairs have whitespace between them (those joins are a space), lines lost only where a seam still shows
  bidirectional_cascade       two cascade bugs merged into one file (next-siblings S_k and previous-siblings Q_k), shuffled, lines lost
  appended_rerun              a rerun appended the whole output again (title, date, URL, cascade) in another order, sometimes with CRLF

unicode_variants: the corpus has no curly quotes, so only straight->curly is possible; the truth keeps
the original text. Copies differing only by U+00A0/&nbsp; are equal under the scorer's normalisation
(meta: recoverable_under_score true); curly/dash copies may be unrecoverable (meta: false).
"""
import argparse
import glob
import html
import html.entities
import json
import os
import random
import re
import sys

WS = re.compile(r"\s+")
ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
ELLIPSIS = re.compile(r"^(?:\.\.\.|\u2026)\s*|\s*(?:\.\.\.|\u2026)$")


def norm(s):
    return WS.sub(" ", s.replace("\u00a0", " ")).strip()


def decoded(s):
    """As tools/score.py: HTML character references decoded, whitespace squeezed."""
    return norm(ENTITY.sub(lambda m: html.unescape(m.group(0)), s))


# ---------------------------------------------------------------- articles

def load_articles(path, include_dev):
    skip = set()
    if not include_dev:
        for t in glob.glob(os.path.join(os.path.dirname(os.path.abspath(path)), "*", "truth.jsonl")):
            for line in open(t, encoding="utf-8"):
                if line.strip():
                    skip.add(os.path.splitext(os.path.basename(json.loads(line)["file"]))[0])
    arts = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        a = json.loads(line)
        if a["id"] in skip:
            continue
        paras = [decoded(p) for p in a["paragraphs"]]
        title = decoded(a["title"])
        if not 3 <= len(paras) <= 25 or len(set(paras)) < len(paras) or not title:
            continue
        if any(len(p) < 4 or decoded(p) != p for p in paras) or decoded(title) != title:
            continue
        if any(i != j and paras[i] in paras[j] for i in range(len(paras)) for j in range(len(paras))):
            continue
        arts.append({"id": a["id"], "title": title, "date": a["date"], "url": a["url"], "paras": paras})
    return arts


# ---------------------------------------------------------------- text helpers

ABBREV = set("""mr mrs ms dr st sen rep gov gen col lt sgt capt cmdr adm prof jr sr inc corp co ltd plc bros no nos vs v
jan feb mar apr jun jul aug sep sept oct nov dec etc approx dept est fig mt ft rev hon messrs op vol pp
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split())
SENT_END = re.compile(r"[.!?][\"')\]]*(?= [\"'(\[]?[A-Z])")


def sentences(p):
    """Conservative sentence split; the pieces joined with single spaces give p back."""
    out, start = [], 0
    for m in SENT_END.finditer(p):
        if p[m.start()] == ".":
            word = p[:m.start()].rsplit(" ", 1)[-1].lstrip("\"'([")
            if word.lower() in ABBREV or len(word) <= 1 or "." in word:
                continue
        out.append(p[start:m.end()])
        start = m.end() + 1
    out.append(p[start:])
    assert " ".join(out) == p
    return out


def suffix(P, k, seps=None):
    if seps is None:
        return "".join(P[k:])
    s = P[k]
    for j in range(k + 1, len(P)):
        s += seps[j - 1] + P[j]
    return s


def prefix(P, k):
    return "".join(P[:k + 1])


SPECIAL_NAMED = {"&": "&amp;", '"': "&quot;", "'": "&#039;", "<": "&lt;", ">": "&gt;"}


def encode(text, style, rng, nbsp=0.0):
    """Entity-encode faithfully: decoded(encode(t)) == norm(t)."""
    out = []
    for i, ch in enumerate(text):
        o = ord(ch)
        if ch == " " and nbsp and rng.random() < nbsp:
            # after a sentence end editors type two spaces: '.&nbsp; '; elsewhere a bare &nbsp;
            out.append("&nbsp; " if i and text[i - 1] in ".!?" else "&nbsp;")
            continue
        special = ch in SPECIAL_NAMED
        if not special and o < 128:
            out.append(ch)
            continue
        st = style if style != "mixed" else rng.choice(("named", "decimal"))
        if st == "specialchars":
            out.append(SPECIAL_NAMED[ch] if special else ch)
        elif st == "named":
            if ch == "'":
                out.append("&apos;" if rng.random() < 0.5 else "&#39;")
            elif special:
                out.append(SPECIAL_NAMED[ch])
            elif o in html.entities.codepoint2name:
                out.append("&%s;" % html.entities.codepoint2name[o])
            else:
                out.append("&#%d;" % o)
        elif st == "decimal":
            out.append("&#%d;" % o)
        else:  # hex
            out.append("&#x%X;" % o)
    s = "".join(out)
    assert decoded(s) == norm(text), (text, s)
    return s


def whitespace_variant(line, rng, kinds):
    """Same text, other whitespace: tabs or double spaces for some spaces, leading/trailing blanks."""
    s = line
    spaces = [i for i, c in enumerate(s) if c == " "]
    if spaces and ("tab" in kinds or "double" in kinds):
        picks = set(rng.sample(spaces, max(1, len(spaces) // rng.randint(4, 20))))
        rep = [k for k in ("tab", "double") if k in kinds]
        s = "".join((("\t" if rng.choice(rep) == "tab" else "  ") if i in picks else c) for i, c in enumerate(s))
    if "leading" in kinds:
        s = rng.choice(("  ", "\t", "    ")) + s
    if "trailing" in kinds:
        s = s + rng.choice((" ", "  ", "\t", " \t"))
    return s


def smart_quotes(s, entities=False):
    """A typographer: straight quotes to curly ones (as Unicode, or as wptexturize's &#82xx; references)."""
    out = []
    for i, ch in enumerate(s):
        prev = s[i - 1] if i else " "
        if ch == '"':
            c = "\u201c" if prev in " ([\u2018\u201c-" else "\u201d"
        elif ch == "'":
            c = "\u2018" if prev in " ([\u201c\u2018-" else "\u2019"
        else:
            out.append(ch)
            continue
        out.append("&#%d;" % ord(c) if entities else c)
    return "".join(out)


def nbsp_variant(s, rng, entity):
    spaces = [i for i, c in enumerate(s) if c == " "]
    if not spaces:
        return s
    picks = set(rng.sample(spaces, max(1, len(spaces) // rng.randint(3, 12))))
    rep = "&nbsp;" if entity else "\u00a0"
    return "".join(rep if i in picks else c for i, c in enumerate(s))


def dash_variant(s, entities=False):
    return s.replace(" - ", " &#8211; " if entities else " \u2013 ")


def keep_sample(rng, n, lo, hi, must):
    """Indices 0..n-1 kept: every index in must, plus others up to a fraction in [lo, hi]."""
    frac = rng.uniform(lo, hi)
    m = max(len(must), min(n, round(frac * n)))
    rest = [i for i in range(n) if i not in must]
    kept = sorted(set(must) | set(rng.sample(rest, max(0, min(len(rest), m - len(must))))))
    return kept, round(frac, 3)


def ordered_or_shuffled(rng, items, p_shuffle):
    items = list(items)
    if rng.random() < p_shuffle:
        rng.shuffle(items)
        return items, "shuffled"
    return items, "in_order"


# ---------------------------------------------------------------- evidence

def _walk(L, P, j, o):
    pos, cover, seps = 0, [], []
    while True:
        rem, rest = P[j][o:], L[pos:]
        if rest.startswith(rem):
            pos += len(rem)
            cover.append((j, o, len(P[j])))
            if pos == len(L):
                return cover, seps
            if j + 1 >= len(P):
                return None
            sep = " " if L[pos] == " " else ""
            pos += len(sep)
            seps.append((j, sep))
            j, o = j + 1, 0
        elif rem.startswith(rest):
            cover.append((j, o, o + len(rest)))
            return cover, seps
        else:
            return None


def locate(L, P):
    """Every way the line L is a contiguous run of the article, joins between paragraphs '' or ' '."""
    if not L:
        return []
    k = min(len(L), 32)
    head = L[:k]
    found = []
    for j, p in enumerate(P):
        starts = set()
        o = p.find(head)
        while o != -1:
            starts.add(o)
            o = p.find(head, o + 1)
        for o in range(max(0, len(p) - k + 1), len(p)):
            if L.startswith(p[o:]):
                starts.add(o)
        for o in sorted(starts):
            m = _walk(L, P, j, o)
            if m and m not in found:
                found.append(m)
    return found


def evidence(P, body):
    """body: [(raw line, counts)]. Returns (per-boundary list of evidence kinds, every paragraph present)."""
    n = len(P)
    ev = [[] for _ in range(n - 1)]
    texts = [decoded(raw) for raw, _ in body]
    present = all(any(p in t for t in texts) for p in P)
    for (raw, counts), t in zip(body, texts):
        if not counts or not t:
            continue
        ms = locate(t, P)
        if not ms:
            t2 = ELLIPSIS.sub("", t).strip()
            ms = locate(t2, P) if t2 != t else []
        if len(ms) != 1:
            continue
        cover, seps = ms[0]
        cov = {j: b - a for j, a, b in cover}
        for j, sep in seps:
            if sep == "" and cov[j] >= min(10, len(P[j])) and cov[j + 1] >= min(10, len(P[j + 1])):
                ev[j].append("seam")
        j0, o0, _ = cover[0]
        if o0 == 0 and j0 > 0 and cov[j0] == len(P[j0]):
            ev[j0 - 1].append("start")
        j1, _, e1 = cover[-1]
        if e1 == len(P[j1]) and j1 < n - 1 and cov[j1] == len(P[j1]):
            ev[j1].append("end")
    return ev, present


# ---------------------------------------------------------------- families
# Each returns (body, params): body = [(line, counts_as_evidence)], params = what was done.

def fam_shuffled_partial(a, rng):
    P = a["paras"]
    kept, frac = keep_sample(rng, len(P), 0.4, 0.8, {0})
    rng.shuffle(kept)
    return [(suffix(P, k), True) for k in kept], {"lines": [f"S{k}" for k in kept], "keep_frac": frac}


def fam_prefix_partial(a, rng):
    P = a["paras"]
    n = len(P)
    kept, frac = keep_sample(rng, n, 0.4, 0.85, {n - 1})
    order = "reversed" if rng.random() < 0.5 else "in_order"
    if order == "reversed":
        kept.reverse()
    return [(prefix(P, k), True) for k in kept], {"lines": [f"Q{k}" for k in kept], "keep_frac": frac, "order": order}


def _fragment(p, rng):
    words = p.split(" ")
    if len(words) < 6:
        return None
    for _ in range(10):
        ln = rng.randint(2, min(6, len(words) - 2))
        i = rng.randint(1, len(words) - ln - 1)
        frag = " ".join(words[i:i + ln]).strip(".,;:!?\"'()[]")
        if len(frag.split(" ")) >= 2 and frag in p and not p.startswith(frag) and not p.endswith(frag):
            return frag
    return None


def fam_cascade_plus_fragments(a, rng):
    P = a["paras"]
    order = list(range(len(P)))
    rng.shuffle(order)
    share = rng.uniform(0.3, 0.7)
    body, frags = [], []
    for k in order:
        line = [(suffix(P, k), True)]
        if rng.random() < share:
            for _ in range(rng.choice((1, 1, 2))):
                f = _fragment(P[k], rng)
                if f:
                    where = rng.choice(("before", "after"))
                    frags.append({"para": k, "text": f, "where": where})
                    if where == "before":
                        line.insert(0, (f, False))
                    else:
                        line.append((f, False))
        body += line
    if not frags:
        return None
    return body, {"lines": [f"S{k}" for k in order], "fragments": frags}


ENC_STYLES = ("specialchars", "named", "decimal", "hex", "mixed")


def _encoder(rng):
    style = rng.choice(ENC_STYLES)
    nbsp = rng.choice((0.0, 0.0, 0.05, 0.2))
    return style, nbsp


def fam_cascade_entities_mixed(a, rng):
    P = a["paras"]
    ks, order = ordered_or_shuffled(rng, range(len(P)), 0.7)
    style, nbsp = _encoder(rng)
    share = rng.uniform(0.3, 0.7)
    body, enc = [], []
    for k in ks:
        s = suffix(P, k)
        if rng.random() < share:
            e = encode(s, style, rng, nbsp)
            if e != s:
                enc.append(k)
            s = e
        body.append((s, True))
    if not enc or len(enc) == len(ks):
        return None
    title = None
    if rng.random() < 0.4:
        t = encode(a["title"], style, rng, nbsp)
        if t != a["title"]:
            title = t
    return body, {"lines": [f"S{k}" for k in ks], "order": order, "style": style, "nbsp_rate": nbsp,
                  "encoded": enc, "title_encoded": title is not None, "_title": title}


def fam_double_cascade(a, rng):
    P = a["paras"]
    first, o1 = ordered_or_shuffled(rng, range(len(P)), 0.6)
    second = list(first) if rng.random() < 0.4 else rng.sample(first, len(first))
    kinds = rng.sample(("tab", "double", "leading", "trailing"), rng.randint(1, 3))
    crlf = rng.random() < 0.5
    body = [(suffix(P, k), True) for k in first]
    for k in second:
        s = whitespace_variant(suffix(P, k), rng, kinds)
        if crlf:
            s += "\r"
        if s == suffix(P, k):
            s += " "
        body.append((s, True))
    return body, {"run1": [f"S{k}" for k in first], "run1_order": o1, "run2": [f"S{k}" for k in second],
                  "whitespace": sorted(kinds), "run2_crlf": crlf}


def fam_window(a, rng):
    P = a["paras"]
    n = len(P)
    ws = [w for w in (2, 3, 4) if w < n]
    w = rng.choice(ws)
    tail = rng.choice(("shrinking", "alone"))
    lines = [(f"W{k}", "".join(P[k:k + w])) for k in range(n - w + 1)]
    for k in range(n - w + 1, n):
        lines.append((f"S{k}", "".join(P[k:])) if tail == "shrinking" else (f"P{k}", P[k]))
    lines, order = ordered_or_shuffled(rng, lines, 0.4)
    return [(s, True) for _, s in lines], {"w": w, "tail": tail, "order": order, "lines": [x for x, _ in lines]}


def fam_teaser_and_cascade(a, rng):
    P = a["paras"]
    words = P[0].split(" ")
    hi = min(30, len(words) - 2)
    if hi < 8:
        return None
    cut = rng.randint(8, hi)
    mark = rng.choice(("...", "\u2026", " \u2026"))
    teaser = " ".join(words[:cut]).rstrip(",;:-") + mark
    desc = sentences(P[0])[0]
    head = [(teaser, False), (desc, False)]
    if rng.random() < 0.4:
        head.reverse()
    kept, frac = keep_sample(rng, len(P), 0.4, 0.85, {0})
    rng.shuffle(kept)
    body = head + [(suffix(P, k), True) for k in kept]
    return body, {"teaser_words": cut, "teaser_mark": mark, "description": "first_sentence",
                  "description_is_whole_lede": desc == P[0],
                  "head_order": "teaser,description" if head[0][0] == teaser else "description,teaser",
                  "lines": [f"S{k}" for k in kept], "keep_frac": frac}


def fam_truncated_cascade_lines(a, rng):
    P = a["paras"]
    limit = rng.randint(200, 1000)
    mode = rng.choice(("mid_word", "at_word"))
    mark = rng.choice(("", "", "...", "\u2026", " ..."))
    ks, order = ordered_or_shuffled(rng, range(len(P)), 0.6)
    lines, cut = [], []
    for k in ks:
        s = suffix(P, k)
        if len(s) > limit:
            t = s[:limit]
            if mode == "at_word" and " " in t:
                t = t[:t.rfind(" ")].rstrip(",;:-")
            s = t + mark
            cut.append(k)
        lines.append((s, True))
    if not cut:
        return None
    place = rng.choice(("interleaved", "after", "before"))
    alone = [(P[k], True) for k in range(len(P))]
    if place == "after":
        body = lines + alone
    elif place == "before":
        body = alone + lines
    else:
        body = list(lines)
        for x in alone:
            body.insert(rng.randint(0, len(body)), x)
    return body, {"limit": limit, "cut": mode, "mark": mark, "cascade": [f"S{k}" for k in ks], "order": order,
                  "cut_lines": [f"S{k}" for k in cut], "paragraphs_alone": place}


NOISE_WS = ("", "", " ", "\t", "  \t ", "\u00a0", "\u00a0\u00a0", " \u00a0 ")
NOISE_VISIBLE = ("&nbsp;", "\u200b", "&#160;", " &nbsp; ")


def fam_blank_and_noise_lines(a, rng):
    P = a["paras"]
    base = "plain" if rng.random() < 0.3 else "cascade"
    if base == "plain":
        blocks, names = list(P), [f"P{k}" for k in range(len(P))]
    else:
        kept, _ = keep_sample(rng, len(P), 0.6, 1.0, {0})
        kept, _o = ordered_or_shuffled(rng, kept, 0.6)
        blocks, names = [suffix(P, k) for k in kept], [f"S{k}" for k in kept]
    pool = NOISE_WS + (NOISE_VISIBLE if rng.random() < 0.7 else ())
    rate = rng.uniform(0.4, 1.0)
    body, noise = [], []
    for i, b in enumerate(blocks + [None]):
        if rng.random() < rate or (i == 0 and rng.random() < 0.5):
            for _ in range(rng.randint(1, 3)):
                x = rng.choice(pool)
                noise.append(x)
                body.append((x, False))
        if b is not None:
            body.append((b, True))
    if base == "plain" and not any(x in NOISE_VISIBLE for x in noise):
        x = rng.choice(NOISE_VISIBLE)
        pos = rng.randint(0, len(body))
        body.insert(pos, (x, False))
        noise.append(x)
    if not noise:
        return None
    bom = rng.random() < 0.15
    return body, {"base": base, "blocks": names, "noise_lines": len(noise),
                  "noise_kinds": sorted({repr(x) for x in noise}), "bom": bom, "_bom": bom}


def fam_paragraph_twice_adjacent(a, rng):
    P = a["paras"]
    style, nbsp = _encoder(rng)
    share = rng.uniform(0.3, 0.7)
    body, enc = [], []
    for k, p in enumerate(P):
        body.append((p, True))
        q = p
        if rng.random() < share:
            q = encode(p, style, rng, nbsp)
            if q == p:
                q = encode(p, style, rng, 0.3)
            if q != p:
                enc.append(k)
        body.append((q, True))
    if not enc:
        return None
    return body, {"style": style, "nbsp_rate": nbsp, "encoded_second_copies": enc}


def fam_nested_containers(a, rng):
    P = a["paras"]
    n = len(P)
    if n < 4:
        return None
    secs, i = [], 0
    while i < n:
        size = rng.randint(2, 4)
        if n - (i + size) == 1:
            size += 1 if size < 4 else -1
        secs.append(list(range(i, min(n, i + size))))
        i += size
    if len(secs) < 2:
        return None
    sep = rng.choice(("", " "))
    top_sep = sep if rng.random() < 0.8 else ("" if sep else " ")
    art = top_sep.join(sep.join(P[k] for k in s) for s in secs)
    sec_lines = [sep.join(P[k] for k in s) for s in secs]
    drop = []
    if rng.random() < 0.5:
        m = max(1, round(n * rng.uniform(0.05, 0.3)))
        drop = sorted(rng.sample(range(n), m))
    traversal = rng.choice(("preorder", "level_order"))
    body = [(art, True)]
    if traversal == "preorder":
        for s, line in zip(secs, sec_lines):
            body.append((line, True))
            body += [(P[k], True) for k in s if k not in drop]
    else:
        body += [(line, True) for line in sec_lines]
        body += [(P[k], True) for k in range(n) if k not in drop]
    return body, {"sections": secs, "section_join": repr(sep), "article_join": repr(top_sep),
                  "traversal": traversal, "lost_p_lines": drop}


def fam_sentence_lines_plus_cascade(a, rng):
    P = a["paras"]
    sents = [sentences(p) for p in P]
    if not any(len(s) > 1 for s in sents):
        return None
    kept, frac = keep_sample(rng, len(P), 0.4, 0.8, {0})
    rng.shuffle(kept)
    casc = [(suffix(P, k), True) for k in kept]
    sl = [(s, False) for ss in sents for s in ss]
    first = rng.choice(("sentences", "cascade"))
    body = sl + casc if first == "sentences" else casc + sl
    return body, {"sentence_lines": len(sl), "cascade": [f"S{k}" for k in kept], "keep_frac": frac, "first": first}


def fam_list_items(a, rng):
    P = a["paras"]
    n = len(P)
    kind = "suffix" if rng.random() < 0.7 else "prefix"
    must = {0} if kind == "suffix" else {n - 1}
    kept, frac = keep_sample(rng, n, 0.5, 0.85, must)
    kept, order = ordered_or_shuffled(rng, kept, 0.6)
    f = suffix if kind == "suffix" else prefix
    tag = "S" if kind == "suffix" else "Q"
    return [(f(P, k), True) for k in kept], {"cascade": kind, "lines": [f"{tag}{k}" for k in kept],
                                               "order": order, "keep_frac": frac,
                                               "short_paragraphs": [k for k, p in enumerate(P) if len(p) < 80]}


VARIANTS = {
    "curly": (lambda s, rng: smart_quotes(s), False),
    "curly_entities": (lambda s, rng: smart_quotes(s, True), False),
    "en_dash": (lambda s, rng: dash_variant(s, rng.random() < 0.5), False),
    "nbsp_char": (lambda s, rng: nbsp_variant(s, rng, False), True),
    "nbsp_entity": (lambda s, rng: nbsp_variant(s, rng, True), True),
}


def fam_unicode_variants(a, rng):
    P = a["paras"]
    base = rng.choice(("plain", "cascade"))
    if base == "plain":
        blocks = [(f"P{k}", p) for k, p in enumerate(P)]
    else:
        ks = list(range(len(P)))
        rng.shuffle(ks)
        blocks = [(f"S{k}", suffix(P, k)) for k in ks]
    kinds = rng.sample(sorted(VARIANTS), rng.choice((1, 1, 2)))
    share = rng.uniform(0.3, 0.7)
    body, copies = [], []
    for name, s in blocks:
        body.append((s, True))
        if rng.random() < share:
            v = s
            for kd in kinds:
                v = VARIANTS[kd][0](v, rng)
            if v != s:
                if rng.random() < 0.5:
                    body.insert(len(body) - 1, (v, True))
                    copies.append({"line": name, "where": "before"})
                else:
                    body.append((v, True))
                    copies.append({"line": name, "where": "after"})
    if not copies:
        return None
    return body, {"base": base, "variant_kinds": sorted(kinds), "copies": copies,
                  "recoverable_under_score": all(VARIANTS[k][1] for k in kinds),
                  "note": "truth keeps the original text; the variant copies may make the original ambiguous"}


def fam_mixed_separator_cascade(a, rng):
    P = a["paras"]
    n = len(P)
    q = rng.uniform(0.3, 0.7)
    seps = [" " if rng.random() < q else "" for _ in range(n - 1)]
    if " " not in seps or "" not in seps:
        return None
    must = {0} | {i + 1 for i, s in enumerate(seps) if s == " "}
    kept, frac = keep_sample(rng, n, 0.5, 0.9, must)
    if len(kept) == n and rng.random() < 0.8:
        rest = [k for k in range(n) if k not in must]
        if rest:
            kept.remove(rng.choice(rest))
    rng.shuffle(kept)
    return [(suffix(P, k, seps), True) for k in kept], {"space_joins": [i for i, s in enumerate(seps) if s == " "],
                                                          "lines": [f"S{k}" for k in kept], "keep_frac": frac}


def fam_bidirectional_cascade(a, rng):
    P = a["paras"]
    n = len(P)
    ks, _ = keep_sample(rng, n, 0.5, 0.9, {0})
    kq, _ = keep_sample(rng, n, 0.5, 0.9, {n - 1})
    lines = [(f"S{k}", suffix(P, k)) for k in ks] + [(f"Q{k}", prefix(P, k)) for k in kq]
    rng.shuffle(lines)
    return [(s, True) for _, s in lines], {"lines": [x for x, _ in lines]}


def fam_appended_rerun(a, rng):
    P = a["paras"]
    n = len(P)
    k1, _ = keep_sample(rng, n, 0.6, 1.0, {0})
    k2, _ = keep_sample(rng, n, 0.6, 1.0, {0})
    rng.shuffle(k1)
    rng.shuffle(k2)
    crlf = rng.random() < 0.4
    eol = "\r" if crlf else ""
    body = [(suffix(P, k), True) for k in k1]
    body += [(x + eol, False) for x in (a["title"], a["date"], a["url"])]
    body += [(suffix(P, k) + eol, True) for k in k2]
    return body, {"run1": [f"S{k}" for k in k1], "run2": [f"S{k}" for k in k2], "run2_crlf": crlf,
                  "header_repeated": True}


FAMILIES = {
    "shuffled_partial": fam_shuffled_partial,
    "prefix_partial": fam_prefix_partial,
    "cascade_plus_fragments": fam_cascade_plus_fragments,
    "cascade_entities_mixed": fam_cascade_entities_mixed,
    "double_cascade": fam_double_cascade,
    "window": fam_window,
    "teaser_and_cascade": fam_teaser_and_cascade,
    "truncated_cascade_lines": fam_truncated_cascade_lines,
    "blank_and_noise_lines": fam_blank_and_noise_lines,
    "paragraph_twice_adjacent": fam_paragraph_twice_adjacent,
    "nested_containers": fam_nested_containers,
    "sentence_lines_plus_cascade": fam_sentence_lines_plus_cascade,
    "list_items": fam_list_items,
    "unicode_variants": fam_unicode_variants,
    "mixed_separator_cascade": fam_mixed_separator_cascade,
    "bidirectional_cascade": fam_bidirectional_cascade,
    "appended_rerun": fam_appended_rerun,
}


def eligible(family, a):
    P = a["paras"]
    if family == "list_items":
        return sum(len(p) < 80 for p in P) >= 2
    if family == "unicode_variants":
        return any(c in p for p in P for c in "\"'") or any(" - " in p for p in P)
    if family in ("nested_containers", "window", "mixed_separator_cascade"):
        return len(P) >= 4
    return True


# ---------------------------------------------------------------- main

def build(family, a, seed, keep_unevidenced, tries=12):
    for attempt in range(tries):
        rng = random.Random(f"{seed}|{family}|{a['id']}|{attempt}")
        got = FAMILIES[family](a, rng)
        if got is None:
            continue
        body, params = got
        ev, present = evidence(a["paras"], body)
        missing = [i for i, e in enumerate(ev) if not e]
        if not present or (missing and not keep_unevidenced):
            continue
        title = params.pop("_title", None) or a["title"]
        bom = params.pop("_bom", False)
        text = ("\ufeff" if bom else "") + "\n".join([title, a["date"], a["url"]] + [s for s, _ in body]) + "\n"
        kinds = {}
        for e in ev:
            for k in sorted(set(e)):
                kinds[k] = kinds.get(k, 0) + 1
        meta = {"article": a["id"], "n_paragraphs": len(a["paras"]), "attempt": attempt,
                "body_lines": len(body), "params": params, "evidenced": not missing,
                "unevidenced_boundaries": missing, "boundaries_by_evidence": kinds,
                "all_paragraphs_present": present}
        return text, meta
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles")
    ap.add_argument("seed")
    ap.add_argument("out")
    ap.add_argument("--per-family", type=int, default=100)
    ap.add_argument("--families", default="", help="comma-separated subset (default: all)")
    ap.add_argument("--keep-unevidenced", action="store_true", help="also write files with a boundary no line shows")
    ap.add_argument("--include-dev", action="store_true", help="also use the articles of dev/ and dev2/")
    ap.add_argument("--overwrite", action="store_true", help="replace an earlier output in OUT")
    args = ap.parse_args()

    fams = [f for f in args.families.split(",") if f] or list(FAMILIES)
    for f in fams:
        if f not in FAMILIES:
            sys.exit(f"unknown family {f}; known: {', '.join(FAMILIES)}")
    if os.path.exists(os.path.join(args.out, "truth.jsonl")):
        if not args.overwrite:
            sys.exit(f"{args.out} already holds a generated set; pass --overwrite to replace it")
        for f in FAMILIES:
            for p in glob.glob(os.path.join(args.out, f, "*.txt")):
                os.remove(p)
    arts = load_articles(args.articles, args.include_dev)
    truths, metas, counts = [], [], {}
    for fam in fams:
        pool = [a for a in arts if eligible(fam, a)]
        random.Random(f"{args.seed}|{fam}|order").shuffle(pool)
        os.makedirs(os.path.join(args.out, fam), exist_ok=True)
        made = 0
        for a in pool:
            if made >= args.per_family:
                break
            got = build(fam, a, args.seed, args.keep_unevidenced)
            if got is None:
                continue
            text, meta = got
            rel = f"{fam}/{a['id']}.txt"
            with open(os.path.join(args.out, rel), "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            truths.append({"file": rel, "family": fam, "title": a["title"], "date": a["date"], "url": a["url"],
                           "paragraphs": a["paras"]})
            metas.append({"file": rel, "family": fam, **meta})
            made += 1
        counts[fam] = made
        if made < args.per_family:
            print(f"warning: {fam}: only {made} of {args.per_family} files", file=sys.stderr)
    with open(os.path.join(args.out, "truth.jsonl"), "w", encoding="utf-8") as fh:
        for t in truths:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "meta.jsonl"), "w", encoding="utf-8") as fh:
        for m in metas:
            fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    print(" ".join(f"{f}={c}" for f, c in counts.items()), f"total={sum(counts.values())}")


if __name__ == "__main__":
    main()
