#!/usr/bin/env bash
# The scaling curve: timeline and goal progress as the district grows.
#
#   src/bench/scaling.sh [SCALES]      default "0.01 0.1 1": 10^4, 10^5, 10^6 observations
#
# For each scale: regenerate the district, run src/bench/run.sh for the two scenarios (the
# app under load, its SQL under pgbench, SQL statements per request), and collect the rows
# in target/bench/scaling.tsv; the PostgreSQL buffers each main query touches (EXPLAIN, a
# count that does not depend on the machine) go to target/bench/scaling-buffers.tsv; with
# gnuplot installed, the chart is target/bench/scaling.png. The
# per-child history stays the same (about 100 observations and 100 messages a child, and a
# goal with 1,000 observations), so a flat curve means no request reads more as the tables
# grow: every query is an index range scan bounded by the child and the page.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh
SCALES=${1:-0.01 0.1 1}
OUT=$BENCH_DIR/scaling.tsv
header=
printf 'observations\tquery\tbuffers\n' > "$BENCH_DIR/scaling-buffers.tsv"
for scale in $SCALES; do
  src/bench/run.sh --scale "$scale" --only timeline,progress --warmup "${WARMUP:-60}" --duration "${DURATION:-15s}"
  if [[ -z $header ]]; then head -1 "$BENCH_DIR/results.tsv" > "$OUT"; header=1; fi
  tail -n +2 "$BENCH_DIR/results.tsv" >> "$OUT"
  observations=$(sql "select count(*) from observation")
  src/bench/explain.sh > "$BENCH_DIR/explain-$observations.txt" || echo "EXPLAIN found a sequential scan at $observations" >&2
  # the first "Buffers:" line after each heading is the whole query's
  awk -v n="$observations" '/^== /{sub(/^== /, ""); q=$0; seen=0; next}
    /Buffers:/ && !seen {b=0; for (i=1; i<=NF; i++) if ($i ~ /=/) {split($i, kv, "="); b+=kv[2]} print n "\t" q "\t" b; seen=1}' \
    "$BENCH_DIR/explain-$observations.txt" >> "$BENCH_DIR/scaling-buffers.tsv"
done
echo
column -t -s $'\t' "$OUT"
column -t -s $'\t' "$BENCH_DIR/scaling-buffers.tsv"
if command -v gnuplot > /dev/null; then
  for s in timeline progress; do awk -F'\t' -v s="$s" '$2 == s' "$OUT" > "$BENCH_DIR/scaling-$s.tsv"; done
  gnuplot -e "dir='$BENCH_DIR'" src/bench/scaling.gp && echo "chart: $BENCH_DIR/scaling.png"
fi
