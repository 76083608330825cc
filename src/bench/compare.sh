#!/usr/bin/env bash
# Compares builds of the app on one scenario by CPU time per request, which moves far less
# than req/s on a shared two-core host.
#
#   src/bench/compare.sh [--rounds 2] [--warmup 90] [--duration 20s] SCENARIO BUILD_DIR...
#
# A BUILD_DIR is a copy of target/quarkus-app (keep one before a change:
# cp -r target/quarkus-app /tmp/before), or target/quarkus-app itself. Rounds alternate the builds, so a drift of the
# host's speed hits both. Each build is started, warmed up (at least --warmup seconds, and until
# its JIT is done: lib.sh warm_up), then measured twice with wrk
# (32 connections); for each measurement it prints req/s, p50/p99 and the CPU milliseconds
# per request spent by the app process and by PostgreSQL's processes (the same PostgreSQL
# serves the benchmark schema only while this runs). Needs run.sh's request files: run
# src/bench/run.sh once first. Write scenarios (post-*) work too: every build and round sends
# Idempotency-Keys of its own (wrk's request sequence repeats, so with shared keys the second
# build's POSTs would be answered as replays of the first's and write nothing).
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh

ROUNDS=2 WARMUP=90 DURATION=20s
while [[ ${1:-} == --* ]]; do
  case $1 in
    --rounds) ROUNDS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
SCENARIO=$1; shift
REQUESTS=$BENCH_DIR/$SCENARIO.requests
[[ -f $REQUESTS ]] || { echo "$REQUESTS is missing: run src/bench/run.sh once" >&2; exit 1; }
((${#@} > 0)) || { echo "name at least one build directory" >&2; exit 2; }

HZ=$(getconf CLK_TCK)
per_request() { echo "scale=2; $1 * 1000 / $HZ / $2" | bc; }

ORIGINAL=$(mktemp -d)
cp -r target/quarkus-app "$ORIGINAL/"
restore() { stop_app; rm -rf target/quarkus-app; mv "$ORIGINAL/quarkus-app" target/; rmdir "$ORIGINAL"; }
trap restore EXIT

RUN=c$(date +%s)
echo "build	round	req_s	p50_ms	p99_ms	app_cpu_ms_per_req	postgres_cpu_ms_per_req"
for round in $(seq "$ROUNDS"); do
  b=0
  for build in "$@"; do
    b=$((b + 1))
    source_dir=$(realpath "$build")
    # The build in target/quarkus-app itself is measured from the copy kept aside.
    [[ $source_dir == "$(realpath -m target/quarkus-app)" ]] && source_dir=$ORIGINAL/quarkus-app
    rm -rf target/quarkus-app
    cp -r "$source_dir" target/quarkus-app
    start_app
    warm_up 32 "$WARMUP" 600 20 "$RUN-$round-$b" "$REQUESTS" >&2
    for i in 1 2; do
      app0=$(cpu_ticks "$APP_PID") pg0=$(postgres_ticks)
      read -r rps p50 p99 ok _ <<< "$(wrk_scenario 32 "$DURATION" "$BENCH_APP" "$REQUESTS" "$RUN-$round-$b-$i")"
      app1=$(cpu_ticks "$APP_PID") pg1=$(postgres_ticks)
      printf '%s\t%s.%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$build")" "$round" "$i" "$rps" "$p50" "$p99" \
        "$(per_request $((app1 - app0)) "$ok")" "$(per_request $((pg1 - pg0)) "$ok")"
    done
    stop_app
  done
done
