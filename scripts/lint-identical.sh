#!/usr/bin/env bash
# Proves that a change to the core changed no finding: `juesuan lint --format json` of two
# binaries must be byte-identical on examples/*.juesuan, examples/imported/*.juesuan, every other
# .juesuan of the repository and a generated 1 MB report with prose (issue 15, session 4).
#
#   scripts/lint-identical.sh OLD_JUESUAN NEW_JUESUAN [JUESUAN_BENCH]
#
# JUESUAN_BENCH (default: next to NEW_JUESUAN) writes the generated report. Exit status 1 and the
# first differing file on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$1
NEW=$2
BENCH=${3:-$(dirname "$NEW")/juesuan-bench}
OUT=$(mktemp -d /tmp/juesuan-lint-identical.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

"$BENCH" --write-prose 1 "$OUT/generated-1mb.juesuan"
"$BENCH" --write 1 "$OUT/generated-tables-1mb.juesuan"
# Large reports with findings in every part (the two-thread parse and model split them, session 5):
# figures moved in the generated one, and the example of deliberate errors written 40 times over.
sed -e 's/\.5\([0-9]\) /.7\1 /g' -e 's/ 1\([0-9]\)\./ 2\1./g' "$OUT/generated-1mb.juesuan" > "$OUT/generated-moved-1mb.juesuan"
for _ in $(seq 40); do cat examples/deliberate-errors.juesuan; done > "$OUT/deliberate-errors-40.juesuan"
mapfile -t files < <( (ls examples/*.juesuan examples/imported/*.juesuan; git ls-files '*.juesuan'; ls "$OUT"/*.juesuan) | sort -u)
count=0
for file in "${files[@]}"; do
    # Run from the file's folder with a relative path: the JSON holds the path as given.
    "$OLD" lint --format json "$file" > "$OUT/old.json" 2>&1 || true
    "$NEW" lint --format json "$file" > "$OUT/new.json" 2>&1 || true
    if ! cmp -s "$OUT/old.json" "$OUT/new.json"; then
        echo "DIFFERENT: $file"
        diff <(head -c 4000 "$OUT/old.json") <(head -c 4000 "$OUT/new.json") | head -20
        exit 1
    fi
    count=$((count + 1))
done
echo "identical: $count files ($(cat "${files[@]}" | wc -c) bytes)"
