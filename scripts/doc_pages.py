#!/usr/bin/env python3
"""Turn real HTML pages found on this machine into pages scrape_html.py reads (stdlib only).

Usage: doc_pages.py N SEED OUT_DIR SRC_DIR...

Text nobody on the project wrote: the mdBook books installed with the Rust toolchain
(`rustup doc` pages: headings that name things the text says again, lists of code names
sharing prefixes, code blocks, link texts that recur). From the .html files under the
SRC_DIRs, N are picked at random (SEED) among those whose <main> holds at least 4
paragraphs and no text outside a block once tables are removed (the truth is the blocks); each is written to OUT_DIR with the <main> content as the article body, its
first <h1> as the title, a fixed date, a canonical URL made from the path, and the first
sentence of its first paragraph as the description. The text is left as it is.

    D=$(rustc --print sysroot)/share/doc/rust/html
    python3 scripts/doc_pages.py 60 1 /tmp/docs $D/book $D/reference $D/cargo
    PAGES=/tmp/docs scripts/real_pages.sh /tmp/docpages target/release/newsdedup awk
"""
import html, os, random, re, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scrape_html import BLOCK, SKIP, Page  # noqa: E402


def orphan_text(page):
    """Text of the body outside every leaf block: the truth leaves it out, so pages with it are skipped."""
    found = []

    def visit(n, inside):
        for c in n.children:
            if isinstance(c, str):
                if not inside and c.strip():
                    found.append(c.strip())
            elif c.tag not in SKIP:
                leaf = c.tag in BLOCK and not any(d.tag in BLOCK for d in list(c.iter())[1:])
                visit(c, inside or leaf)

    visit(page.body, False)
    return found


def main():
    if len(sys.argv) < 5:
        raise SystemExit(__doc__)
    n, seed, out, srcs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    paths = sorted(os.path.join(d, f) for s in srcs for d, _, fs in os.walk(s) for f in fs
                   if f.endswith(".html") and f not in ("print.html", "index.html", "404.html", "toc.html"))
    random.Random(seed).shuffle(paths)
    os.makedirs(out, exist_ok=True)
    made = 0
    paths = [os.path.abspath(p) for p in paths]
    dirs = [os.path.abspath(d) for d in srcs]
    top = os.path.dirname(dirs[0]) if len(dirs) == 1 else os.path.commonpath(dirs)
    for p in paths:
        if made == n:
            break
        src = open(p, encoding="utf-8", errors="replace").read()
        m = re.search(r"<main>(.*)</main>", src, re.S)
        if not m:
            continue
        body = m.group(1)
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
        if not h1 or body.count("<p>") < 4:
            continue
        title = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", h1.group(1)))).strip()
        body = body[:h1.start()] + body[h1.end():]
        # Tables and the reference's rule anchors are text outside any block; drop them.
        body = re.sub(r"<table.*?</table>", "", body, flags=re.S)
        body = re.sub(r'<div class="rule"[^>]*>.*?</div>', "", body, flags=re.S)
        first = re.search(r"<p>(.*?)</p>", body, re.S)
        text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", first.group(1)))).strip()
        desc = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        if not desc:
            continue
        # Named by the path under the SRC_DIRs' common parent (the book's
        # name included): unique, so no page overwrites another.
        rel = os.path.relpath(p, top)
        name = re.sub(r"[^a-z0-9]+", "-", rel.lower().removesuffix(".html")).strip("-")
        page = f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(desc)}">
<meta property="article:published_time" content="2025-01-01T00:00:00Z">
<link rel="canonical" href="https://docs.example/{name}">
</head><body>
<h1>{html.escape(title)}</h1>
<article class="article-body">{body}</article>
</body></html>
"""
        with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as t:
            t.write(page)
        try:
            if orphan_text(Page(t.name)):
                continue
        except (SystemExit, AssertionError, StopIteration):
            continue
        finally:
            os.unlink(t.name)
        open(os.path.join(out, name + ".html"), "w", encoding="utf-8").write(page)
        made += 1
    print(f"{made} pages in {out}")


if __name__ == "__main__":
    main()
