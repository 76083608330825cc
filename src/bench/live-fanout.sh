#!/usr/bin/env bash
# Fan-out latency of live events across two app nodes: how long after a team message is
# posted does every member of the child's team see its message.posted event?
#
#   src/bench/live-fanout.sh [--children 200] [--rates 0.25,2.5] [--duration 120] [--warmup 90]
#                          [--warmup-rate 20] [--drain 15]
#
# Two nodes of the packaged app (same jar, same schema: BENCH_PORT and BENCH_PORT+1, their
# management interfaces likewise) each LISTEN on PostgreSQL. For --children children of the
# district (a fixed shuffled choice) one stream (GET /api/v1/me/events) is opened for every
# current member of each child's team, alternating between the two nodes. Then, at each rate,
# team messages are posted to random children among them (POST .../conversations/{team}/messages,
# by a random member of the team, alternating between the nodes) at that average rate
# (Poisson arrivals) for --duration seconds, after --warmup seconds at --warmup-rate messages a
# second that are not counted (the JIT needs load before the app runs at speed:
# docs/benchmarks.md). For every (message, member stream) pair the latency runs from just
# before the POST is sent to the arrival of the event naming that messageId on the stream;
# it is reported as p50/p99/max, also split by whether the stream is on the node that took
# the POST or on the other one (which learns of it only through NOTIFY). Every member must
# get every message of their child exactly once: delivered, missing, duplicated and
# unexpected pairs are counted.
#
# Rates: the district generator (src/bench/district.sql) writes 1,000,000 messages at scale 1
# over three school years: about 1,850 a school day (180 days a year). Spread over a ten-hour
# day that is 0.05 a second; bunched five to one into the busy times (as docs/benchmarks.md
# assumes for staff visits), about 0.25 a second: the district's peak, posted here as team
# messages (the wider fan-out). The second rate is ten times that. Two minutes at 0.25/s gives
# only about 30 messages (some 200 pairs): its p99 is close to its max.
#
# Results: target/bench/live-fanout.txt, live-fanout-RATE.tsv (every pair: message, child,
# nodes, member, latency or "missing", the POST's own latency) and live-fanout-app-{a,b}.log.
# The client is src/bench/live-client.js (Node 20). Needs target/quarkus-app and the district
# in BENCH_SCHEMA (src/bench/district.sh 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh

CHILDREN=200 RATES=0.25,2.5 DURATION=120 WARMUP=90 WARMUP_RATE=20 DRAIN=15
while (($#)); do
  case $1 in
    --children) CHILDREN=$2; shift 2 ;;
    --rates) RATES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --warmup-rate) WARMUP_RATE=$2; shift 2 ;;
    --drain) DRAIN=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT_B=$((BENCH_PORT + 1)) MANAGEMENT_B=$((BENCH_MANAGEMENT_PORT + 1))
require_package
bench_keys > /dev/null
NODE_B=
stop_both() {
  stop_app
  if [[ -n $NODE_B ]]; then stop_node "$NODE_B"; NODE_B=; fi
}
trap stop_both EXIT

# The children, their team conversation and their current team; then everyone on those teams.
sql "select c.id, v.id, string_agg(u.subject, ',' order by u.subject)
     from (select id from child order by md5('live-fanout:' || id) limit $CHILDREN) c
     join conversation v on v.child_id = c.id and v.kind = 'TEAM'
     join team_membership m on m.child_id = c.id and m.removed_at is null
     join app_user u on u.id = m.user_id
     group by c.id, v.id" > "$BENCH_DIR/live-fanout-children.tsv"
[[ -s $BENCH_DIR/live-fanout-children.tsv ]] || { echo "no children in $BENCH_SCHEMA: run src/bench/district.sh 1" >&2; exit 1; }
sql "select distinct u.subject, split_part(u.subject, '-', 2), u.name from app_user u
     where u.subject in ($(cut -f3 "$BENCH_DIR/live-fanout-children.tsv" | tr ',' '\n' | sort -u | sed "s/.*/'&'/" | paste -sd,))
     order by 1" > "$BENCH_DIR/live-fanout-people.tsv"
echo "$(wc -l < "$BENCH_DIR/live-fanout-children.tsv") children, $(wc -l < "$BENCH_DIR/live-fanout-people.tsv") people on their teams:" \
  "$(cut -f2 "$BENCH_DIR/live-fanout-people.tsv" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}')"

hold_gap_round  # (lib.sh: the hourly gap round stays out of the measurement)
start=$SECONDS
start_app
start_node "$PORT_B" "$MANAGEMENT_B" "$BENCH_DIR/app-b.log" || { NODE_B=$NODE_PID; exit 1; }
NODE_B=$NODE_PID
echo "two nodes ready in $((SECONDS - start)) s: $BENCH_APP (pid $APP_PID), http://127.0.0.1:$PORT_B (pid $NODE_B)"
status=0
BENCH_KEY=$BENCH_DIR/issuer-key.pem BENCH_ISSUER=$BENCH_ISSUER node src/bench/live-client.js fanout \
  --people "$BENCH_DIR/live-fanout-people.tsv" --children "$BENCH_DIR/live-fanout-children.tsv" \
  --bases "$BENCH_APP,http://127.0.0.1:$PORT_B" --rates "$RATES" --duration "$DURATION" \
  --warmup "$WARMUP" --warmup-rate "$WARMUP_RATE" --drain "$DRAIN" --out "$BENCH_DIR/live-fanout" \
  | tee "$BENCH_DIR/live-fanout.txt" || status=$?
stop_both
cp "$BENCH_DIR/app.log" "$BENCH_DIR/live-fanout-app-a.log"
cp "$BENCH_DIR/app-b.log" "$BENCH_DIR/live-fanout-app-b.log"
for node in a b; do
  echo "node $node log: $(grep -cE ' (WARN|ERROR) ' "$BENCH_DIR/live-fanout-app-$node.log" || true) WARN/ERROR lines"
done
exit "$status"
