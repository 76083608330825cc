#!/usr/bin/env bash
# What live events add to each write: POST an observation, and POST a team message carrying a
# win, measured on the build before live events and on this one (target/quarkus-app) by
# compare.sh: alternating rounds, req/s and the CPU milliseconds per request of the app and
# of PostgreSQL, 32 connections.
#
#   src/bench/live-writes.sh [--rounds 2] [--warmup 90] [--duration 20s] BEFORE_BUILD_DIR
#
# e.g. the commit before the feature, built in a worktree of its own:
#   git worktree add /tmp/bench-before 58d9e9d && (cd /tmp/bench-before && ./mvnw -B -q package -DskipTests)
#   src/bench/live-writes.sh /tmp/bench-before/target/quarkus-app
#
# With live events each such write also inserts its event (under the transaction-scoped
# advisory lock that orders event ids, held to commit), fires the NOTIFY trigger, checks the
# child's paper-reality gaps (progress/GapWatch) and wakes every listening node, which reads
# the new events back (a node with no streams stops there). The builds share the schema: the
# older one is started with QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false, as the schema has
# migrations it does not know (V8, the event table, which it never touches).
# Uses run.sh's request files (post-observation, post-message-win); a short run.sh pass makes
# them when missing (and prints this build's SQL statements per request; the event insert runs
# on plain JDBC and is not in that count).
# Results: target/bench/live-writes-SCENARIO.tsv (every measurement) and a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh

COMPARE_OPTIONS=()
while [[ ${1:-} == --* ]]; do
  case $1 in
    --rounds | --warmup | --duration) COMPARE_OPTIONS+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
(($# == 1)) || { echo "usage: $0 [--rounds N] [--warmup S] [--duration 20s] BEFORE_BUILD_DIR" >&2; exit 2; }
[[ -f $1/quarkus-run.jar ]] || { echo "$1 is not a packaged app (no quarkus-run.jar)" >&2; exit 1; }
require_package
SCENARIOS=(post-observation post-message-win)
if [[ ! -f $BENCH_DIR/post-observation.requests || ! -f $BENCH_DIR/post-message-win.requests ]]; then
  src/bench/run.sh --only post-observation,post-message-win --no-ceilings --no-open-loop --warmup 30 --duration 10s
fi

# compare.sh names builds by their directory: give them names of their own.
BUILDS=$BENCH_DIR/live-writes-builds
rm -rf "$BUILDS"
mkdir -p "$BUILDS"
cp -r "$1" "$BUILDS/before"
cp -r target/quarkus-app "$BUILDS/live"
trap 'rm -rf "$BUILDS"' EXIT

for s in "${SCENARIOS[@]}"; do
  echo "== $s"
  hold_gap_round  # (lib.sh: the hourly gap round stays out of the measurement)
  rows0=$(sql "select (select count(*) from observation) + (select count(*) from message)")
  QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false src/bench/compare.sh "${COMPARE_OPTIONS[@]}" "$s" "$BUILDS/before" "$BUILDS/live" \
    | tee "$BENCH_DIR/live-writes-$s.tsv"
  echo "rows written (observations + messages, warm-ups included): $(($(sql "select (select count(*) from observation) + (select count(*) from message)") - rows0))"
done

echo
echo "| write | build | req/s | app CPU ms/request | PostgreSQL CPU ms/request | measurements |"
echo "|---|---|---|---|---|---|"
for s in "${SCENARIOS[@]}"; do
  awk -F'\t' -v s="$s" 'NR > 1 { n[$1]++; rps[$1] += $3; app[$1] += $6; pg[$1] += $7 }
    END { for (b in n) printf "| %s | %s | %.0f | %.2f | %.2f | %d |\n", s, b, rps[b] / n[b], app[b] / n[b], pg[b] / n[b], n[b] }' \
    "$BENCH_DIR/live-writes-$s.tsv" | sort -t'|' -k3,3
done
