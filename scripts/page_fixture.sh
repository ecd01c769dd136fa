#!/bin/sh
# Make a golden fixture from one of our own HTML pages: the buggy scraper's output
# (scripts/scrape_html.py KIND) as input.txt, the page's own paragraphs as expected.txt.
# The expected output comes from the HTML, never from newsdedup.
#
# Usage: scripts/page_fixture.sh KIND PAGE    (e.g. cascade recipe-blog)
# PAGES=DIR takes the page from DIR (default tests/data/html).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
kind=$1 page=$2
html="${PAGES:-$root/tests/data/html}/$page.html"
dir="$root/fixtures/page-$kind-$page"
mkdir -p "$dir"
python3 "$root/scripts/scrape_html.py" "$html" "$kind" > "$dir/input.txt"
python3 "$root/scripts/scrape_html.py" "$html" truth | python3 -c '
import json, sys
t = json.load(sys.stdin)
print("\n".join([t["title"], t["date"], t["url"]] + t["paragraphs"]))' > "$dir/expected.txt"
echo "$dir"
