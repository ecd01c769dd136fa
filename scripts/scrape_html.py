#!/usr/bin/env python3
"""Imitate buggy news scrapers over a small article page (python3 stdlib only).

Usage:
  scrape_html.py PAGE.html KIND        write the scraped file to stdout
  scrape_html.py PAGE.html truth       write the clean article as one JSON object

KIND is one of:
  cascade      for each block element of the article body (p, h2-h6, li, figcaption,
               a blockquote without inner blocks), its textContent glued to the
               textContent of all its following element siblings, no separator
  walk         the textContent of every element of the body, in document order:
               the container's whole text, then each block and each inline element
               (a, em, strong, ...) as a line of its own
  links        each block's text once, with the texts of its <a> elements on lines
               of their own, after the block (or before it: --links before; by
               default the order is chosen per page from a hash of the file name)
  description  the page's <meta name="description"> first, then the cascade

As a textContent/get_text() based scraper would: entities are decoded by the
parser (&nbsp; becomes U+00A0), element texts are the concatenation of their
text nodes (source newlines and indentation included), and each written line
only has its line breaks turned into spaces and its ends stripped.

The header is the <h1> text (whitespace squeezed), the date from
<meta property="article:published_time"> (or <time datetime>) as YYYYMMDD, and
the <link rel="canonical"> URL.

The truth is the article's blocks in order, whitespace-normalised (NBSP too),
as the clean article should come out. Deterministic: no randomness, no clock.
"""
import json, re, sys, zlib
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
BLOCK = {"p", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "dt", "dd", "pre"}
SKIP = {"script", "style", "noscript", "template"}
KINDS = ("cascade", "walk", "links", "description")


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def elements(self):
        return [c for c in self.children if isinstance(c, Node)]

    def text(self):
        """DOM textContent: every descendant text node, concatenated as is."""
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif c.tag not in SKIP:
                out.append(c.text())
        return "".join(out)

    def iter(self):
        yield self
        for c in self.elements():
            yield from c.iter()

    def classes(self):
        return self.attrs.get("class", "").split()


class Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, [(k, v or "") for k, v in attrs], self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, [(k, v or "") for k, v in attrs], self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is None:
            raise SystemExit(f"unmatched </{tag}> at line {self.getpos()[0]}")
        if n is not self.cur:
            raise SystemExit(f"</{tag}> closes <{self.cur.tag}> implicitly at line {self.getpos()[0]}: keep the pages well-formed")
        self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def squeeze(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def line(s):
    """What the scraper writes for one text: line breaks become spaces, ends stripped."""
    return s.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").strip(" \t")


class Page:
    def __init__(self, path):
        b = Builder()
        b.feed(open(path, encoding="utf-8").read())
        b.close()
        self.name = path.rsplit("/", 1)[-1]
        everything = list(b.root.iter())
        meta = {}
        for n in everything:
            if n.tag == "meta":
                key = n.attrs.get("name") or n.attrs.get("property")
                if key:
                    meta[key] = n.attrs.get("content", "")
        h1 = [n for n in everything if n.tag == "h1"]
        self.title = squeeze(h1[0].text()) if h1 else squeeze(next(n for n in everything if n.tag == "title").text())
        stamp = meta.get("article:published_time") or next(n.attrs["datetime"] for n in everything if n.tag == "time")
        self.date = stamp[:10].replace("-", "")
        assert re.fullmatch(r"\d{8}", self.date), stamp
        self.url = next(n.attrs["href"] for n in everything if n.tag == "link" and n.attrs.get("rel") == "canonical")
        self.description = meta.get("description", "")
        bodies = [n for n in everything if "article-body" in n.classes()] or [n for n in everything if n.tag == "article"]
        self.body = bodies[0]

    def blocks(self):
        """Leaf blocks: block elements with no block element inside, in document order."""
        out = []

        def visit(n):
            if n.tag in SKIP:
                return
            if n.tag in BLOCK and not any(d.tag in BLOCK for d in list(n.iter())[1:]):
                out.append(n)
                return
            for c in n.elements():
                visit(c)

        visit(self.body)
        return out

    def truth(self):
        return [t for t in (squeeze(b.text()) for b in self.blocks()) if t]

    def cascade(self):
        lines = []
        for b in self.blocks():
            sibs = b.parent.elements()
            text = "".join(s.text() for s in sibs[sibs.index(b):] if s.tag not in SKIP)
            lines.append(line(text))
        return lines

    def walk(self):
        return [line(n.text()) for n in self.body.iter() if n.tag not in SKIP]

    def links(self, order):
        lines = []
        for b in self.blocks():
            anchors = [line(a.text()) for a in b.iter() if a.tag == "a"]
            own = [line(b.text())]
            lines += anchors + own if order == "before" else own + anchors
        return lines

    def default_link_order(self):
        return "before" if zlib.crc32(self.name.encode()) % 2 else "after"


def main():
    args = sys.argv[1:]
    order = None
    if "--links" in args:
        i = args.index("--links")
        order = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2 or args[1] not in KINDS + ("truth",):
        raise SystemExit(__doc__)
    page = Page(args[0])
    kind = args[1]
    if kind == "truth":
        print(json.dumps({"title": page.title, "date": page.date, "url": page.url,
                          "paragraphs": page.truth()}, ensure_ascii=False))
        return
    if kind == "cascade":
        body = page.cascade()
    elif kind == "walk":
        body = page.walk()
    elif kind == "links":
        body = page.links(order or page.default_link_order())
    else:
        if not page.description:
            raise SystemExit(f"{args[0]}: no <meta name=\"description\">")
        body = [line(page.description)] + page.cascade()
    out = [page.title, page.date, page.url] + [l for l in body if l.strip()]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
