#!/usr/bin/env bash
# The hourly gap round of live events on its own (progress/GapWatch): a minute after a node
# starts, and then every smallwins.live.gap-check-interval, one node re-checks the
# paper-reality gap of every child with a goal marked met (or a gap announced) and announces
# the flips as progress.flagged / progress.cleared events.
#
#   src/bench/live-gap-round.sh [--fresh]
#
# Starts one node with the round due, and reports how long the round ran, the CPU seconds the
# app and PostgreSQL spent on it, and the events it wrote. --fresh first forgets what was
# announced (goal_gap_flag), as on the first start on a new district or deployment: then the
# round announces every gap it finds. The round's end is taken as the first of three seconds
# in a row in which the app used under 5 % of a core. The other live-*.sh scripts keep the
# round out of their measurements (lib.sh: hold_gap_round).
# Results: target/bench/live-gap-round.txt and live-gap-round-app.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh

FRESH=false
while (($#)); do
  case $1 in
    --fresh) FRESH=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
require_package
bench_keys > /dev/null
trap stop_app EXIT
HZ=$(getconf CLK_TCK)

$FRESH && sql "delete from goal_gap_flag"
sql "update gap_watch_round set checked_at = '-infinity'"
newest=$(sql "select coalesce(max(id), 0) from live_event")
watched=$(sql "select count(*) from (select child_id from goal where status in ('MET', 'MAINTAINING')
                union select child_id from goal_gap_flag where flagged) c")
start_app
# The round begins when a node claims it (a minute after start).
until [[ $(sql "select checked_at > now() - interval '1 hour' from gap_watch_round") == t ]]; do
  kill -0 "$APP_PID" || { echo "the app stopped; see $BENCH_DIR/app.log" >&2; exit 1; }
  sleep 0.2
done
began=$SECONDS app0=$(cpu_ticks "$APP_PID") pg0=$(postgres_ticks) quiet=0 last=$app0
while ((quiet < 3)); do
  sleep 1
  now=$(cpu_ticks "$APP_PID")
  if (((now - last) * 100 < 5 * HZ)); then quiet=$((quiet + 1)); else quiet=0; fi
  last=$now
done
app1=$(cpu_ticks "$APP_PID") pg1=$(postgres_ticks)
events=$(sql "select count(*) || ' (' || coalesce(string_agg(distinct type, ', '), 'none') || ')' from live_event where id > $newest")
{
  echo "gap round over $watched watched children ($($FRESH && echo 'nothing announced before' || echo 'flags as left by earlier rounds')):"
  echo "  ran about $((SECONDS - began - 3)) s; app CPU $(echo "scale=1; ($app1 - $app0) / $HZ" | bc) s," \
    "PostgreSQL CPU $(echo "scale=1; ($pg1 - $pg0) / $HZ" | bc) s; events written: $events"
} | tee "$BENCH_DIR/live-gap-round.txt"
stop_app
cp "$BENCH_DIR/app.log" "$BENCH_DIR/live-gap-round-app.log"
