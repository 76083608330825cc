#!/usr/bin/env bash
# Idle live-event streams and the memory they hold: one node of the packaged app, N open
# GET /api/v1/me/events streams (Server-Sent Events) on which nothing happens.
#
#   src/bench/live-idle.sh [--streams 10000] [--people 5000] [--steps 4] [--hold 60]
#
# The streams belong to the district's people (team members of every role, --people of them
# in a fixed shuffled order, so each holds streams/people streams, like a phone and a
# laptop), each with its own RS256 token. They are opened in --steps steps, at most 64
# waiting at a time; a step is done when every stream has its ":live" comment. After each
# step it prints the app's RSS (VmRSS of /proc/PID/status), threads, file descriptors and the
# app's own count of open streams (the smallwins_live_streams gauge). Then the streams are held
# idle for --hold seconds (the app sends heartbeats every 25 s; every stream must get them
# and none may end), which measures the app's idle CPU, and the heap in use after a full GC
# (jcmd) is measured with the streams open and again after they are all closed and the app has
# noticed: the difference is what the streams themselves retain. RSS per stream is
# (RSS with N streams - RSS before) / N: it also holds the heap the JVM grew meanwhile (default
# heap sizing), so it is the figure to plan memory with, the heap figure the one to judge code with.
# The hourly gap round (progress/GapWatch: one node re-checks every child with a goal marked
# met, a minute after start when no node did within half an hour) is marked done first, so it
# does not run inside the measurement: src/bench/live-gap-round.sh measures it on its own.
# Results: target/bench/live-idle.txt (the client's lines), live-idle-histogram.txt (the
# heap's classes with the streams open) and live-idle-app.log (the app's log).
#
# The client is src/bench/live-client.js (Node 20, one event loop: see its header). Needs
# target/quarkus-app, the district in BENCH_SCHEMA (src/bench/district.sh 1), node, jcmd and
# ulimit -n above the stream count (both the app and the client hold one descriptor a stream).
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh

STREAMS=10000 PEOPLE=5000 STEPS=4 HOLD=60
while (($#)); do
  case $1 in
    --streams) STREAMS=$2; shift 2 ;;
    --people) PEOPLE=$2; shift 2 ;;
    --steps) STEPS=$2; shift 2 ;;
    --hold) HOLD=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if (($(ulimit -n) < STREAMS + 1000)); then
  echo "ulimit -n is $(ulimit -n): raise it above $((STREAMS + 1000)) (ulimit -n 20000)" >&2
  exit 1
fi
require_package
bench_keys > /dev/null
trap stop_app EXIT

# People on at least one team, every role (admins are on none: their stream carries nothing).
sql "select u.subject, split_part(u.subject, '-', 2), u.name from app_user u
     where exists (select 1 from team_membership m where m.user_id = u.id and m.removed_at is null)
     order by md5(u.subject) limit $PEOPLE" > "$BENCH_DIR/live-idle-people.tsv"
[[ -s $BENCH_DIR/live-idle-people.tsv ]] || { echo "no people in $BENCH_SCHEMA: run src/bench/district.sh 1" >&2; exit 1; }
echo "people: $(cut -f2 "$BENCH_DIR/live-idle-people.tsv" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}')"

hold_gap_round
start=$SECONDS status=0
start_app
echo "app ready in $((SECONDS - start)) s (pid $APP_PID)"
sleep 5  # let the start settle before the first RSS
BENCH_KEY=$BENCH_DIR/issuer-key.pem BENCH_ISSUER=$BENCH_ISSUER node src/bench/live-client.js idle \
  --people "$BENCH_DIR/live-idle-people.tsv" --base "$BENCH_APP" --streams "$STREAMS" --steps "$STEPS" \
  --hold "$HOLD" --pid "$APP_PID" --metrics "$BENCH_MANAGEMENT/q/metrics" \
  --histogram "$BENCH_DIR/live-idle-histogram.txt" | tee "$BENCH_DIR/live-idle.txt" \
  || status=$?
stop_app
cp "$BENCH_DIR/app.log" "$BENCH_DIR/live-idle-app.log"
echo "app log: $(grep -cE ' (WARN|ERROR) ' "$BENCH_DIR/live-idle-app.log" || true) WARN/ERROR lines ($BENCH_DIR/live-idle-app.log)"
exit "$status"
