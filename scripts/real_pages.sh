#!/bin/sh
# Real-page harness: run the buggy scraper imitations (scripts/scrape_html.py) over every page
# in tests/data/html, write OUT/KIND/PAGE.txt and OUT/truth.jsonl (the format of
# ../shared/corpus/dev/truth.jsonl), then score one or more cleaners and the awk baseline.
#
# Usage: [PAGES=DIR] scripts/real_pages.sh [OUT] [BIN...]
#   PAGES  the pages to scrape (default tests/data/html; scripts/article_pages.py writes more)
#   OUT  default /tmp/realpages
#   BIN  cleaners to score (default target/release/newsdedup); "awk" scores awk '!seen[$0]++'
# Needs ../shared/tools/score.py and noloss.py for the scores; only builds the set without them.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/realpages}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- "$root/target/release/newsdedup" awk
kinds="cascade walk links description"
rm -rf "$out"
mkdir -p "$out"
: > "$out/truth.jsonl"
for page in "${PAGES:-$root/tests/data/html}"/*.html; do
  name=$(basename "$page" .html)
  for kind in $kinds; do
    mkdir -p "$out/$kind"
    python3 "$root/scripts/scrape_html.py" "$page" "$kind" > "$out/$kind/$name.txt"
  done
  python3 - "$page" "$name" "$kinds" "$root/scripts/scrape_html.py" >> "$out/truth.jsonl" <<'PY'
import json, subprocess, sys
page, name, kinds, script = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4]
t = json.loads(subprocess.run([sys.executable, script, page, "truth"], check=True, capture_output=True).stdout)
for kind in kinds:
    print(json.dumps({"file": f"{kind}/{name}.txt", "family": kind, "title": t["title"], "date": t["date"],
                      "url": t["url"], "paragraphs": t["paragraphs"]}, ensure_ascii=False))
PY
done
echo "# $(wc -l < "$out/truth.jsonl") files in $out"
tools="$root/../shared/tools"
[ -f "$tools/score.py" ] || { echo "no $tools/score.py: set built, not scored"; exit 0; }
awkbin="$out/.awk-dedup"
printf '#!/bin/sh\nexec awk '"'"'!seen[$0]++'"'"' "$@"\n' > "$awkbin"
chmod +x "$awkbin"
for bin in "$@"; do
  [ "$bin" = awk ] && bin=$awkbin
  echo "## $bin"
  python3 "$tools/score.py" "$out" -- "$bin"
  python3 "$tools/noloss.py" "$out" "$bin"
done
