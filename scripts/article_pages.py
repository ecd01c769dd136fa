#!/usr/bin/env python3
"""Article pages from real text: N articles of ../shared/corpus/articles.jsonl as HTML.

    scripts/article_pages.py N SEED OUTDIR
    PAGES=OUTDIR scripts/real_pages.sh OUT target/release/newsdedup awk

The project's own pages (tests/data/html) were written for it; these are
the corpus's real articles (text nobody wrote for the cleaner) laid out as
a CMS would: a `<p>` a paragraph, a link around one capitalised name in
about half of them, emphasis on a quoted phrase now and then, a short
paragraph that ends no sentence as an `<h2>` (two or more in a row as a
`<ul>`), now and then a figure with a credit caption, blocks written with
no whitespace between them or on lines of their own, and a description
that is the lede's first sentence, a teaser cut off with `…`, or the lede.
The corpus is research-use text: read from ../shared at run time, never
copied into the repository. Deterministic for a SEED.

    scripts/article_pages.py N SEED OUTDIR --cms

also varies the markup per page as CMSs and pretty-printers write it: the
text of each block on lines of its own, indented (`<p>\n  text\n</p>`);
headings in a wrapper of their own (`<div class="heading"><h2>`); the body
in `<section>`s, one from each heading on. The text and the truth are the
same; only where the scrapers glue and space the blocks changes.
"""
import json, random, re, sys, html, os
n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
cms = "--cms" in sys.argv[4:]
corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus", "articles.jsonl")
rng = random.Random(seed)
arts = [json.loads(l) for l in open(corpus)]
arts = [a for a in arts if 3 <= len(a['paragraphs']) <= 40]
os.makedirs(out, exist_ok=True)
CAP = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")
QUOTE = re.compile(r'"[^"]{8,60}"')
def inline(p):
    e = html.escape(p, quote=False)
    if rng.random() < 0.5:
        ms = list(CAP.finditer(e))
        if ms:
            m = rng.choice(ms)
            e = e[:m.start()] + f'<a href="/t/{rng.randint(1,999)}">{m.group(0)}</a>' + e[m.end():]
    if rng.random() < 0.15:
        ms = [m for m in QUOTE.finditer(e) if '<' not in m.group(0)]
        if ms:
            m = rng.choice(ms)
            tag = rng.choice(['em', 'strong'])
            e = e[:m.start()] + f'<{tag}>{m.group(0)}</{tag}>' + e[m.end():]
    return e
def short(p):
    return len(p.split()) <= 8 and not re.search(r'[.!?:;,]["\')]?$', p)
for a in rng.sample(arts, n):
    P = [p for p in a['paragraphs'] if p.strip()]
    sep = rng.choice(['', '\n', '\n  '])
    # Drawn only with --cms, so that the pages of a SEED stay as they were without it.
    padded, wrapped, sections = (rng.random() < 0.5, rng.random() < 0.4, rng.random() < 0.4) if cms else (False, False, False)
    pad = (lambda t: f'\n      {t}\n    ') if padded else (lambda t: t)
    blocks, i = [], 0
    while i < len(P):
        if short(P[i]):
            j = i
            while j < len(P) and short(P[j]): j += 1
            if j - i >= 2:
                blocks.append('<ul>' + sep + sep.join(f'<li>{inline(x)}</li>' for x in P[i:j]) + sep + '</ul>')
            else:
                h = f'<h2>{inline(P[i])}</h2>'
                blocks.append(f'<div class="heading">{h}</div>' if wrapped else h)
            i = j
            continue
        blocks.append(f'<p>{pad(inline(P[i]))}</p>')
        if rng.random() < 0.05:
            blocks.append(f'<figure><img src="x.jpg"><figcaption>{html.escape(rng.choice(["Photo: Reuters", "Picture: Getty Images", "File photo"]))}</figcaption></figure>')
        i += 1
    if sections:
        parts, cur = [], []
        for b in blocks:
            if ('<h2>' in b) and cur:
                parts.append(cur); cur = []
            cur.append(b)
        parts.append(cur)
        blocks = ['<section>' + sep + sep.join(part) + sep + '</section>' for part in parts]
    lede = P[0]
    m = re.match(r'(.+?[.!?])(\s|$)', lede)
    r = rng.random()
    if r < 0.4 and m: desc = m.group(1)
    elif r < 0.8: 
        w = lede.split(); k = rng.randint(min(6, len(w)), min(25, len(w))); desc = ' '.join(w[:k]) + '…'
    else: desc = lede
    title = a['title']
    d = a['date']
    page = f'''<!DOCTYPE html>
<html><head><title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(desc)}">
<meta property="article:published_time" content="{d[:4]}-{d[4:6]}-{d[6:8]}T10:00:00Z">
<link rel="canonical" href="{a['url']}">
</head><body><h1>{html.escape(title)}</h1>
<div class="article-body">{sep}{sep.join(blocks)}{sep}</div></body></html>
'''
    open(os.path.join(out, a['id'] + '.html'), 'w').write(page)
