#!/usr/bin/env bash
# Load benchmark of the packaged app on a generated school district, with its ceilings.
#
#   src/bench/run.sh [--scale S] [--duration 20s] [--connections 32] [--warmup 120] [--only a,b] [--no-ceilings]
#                    [--no-open-loop]
#
# --scale S regenerates the district first (src/bench/district.sh); without it the data
# already in BENCH_SCHEMA is used. For every scenario it reports req/s, p50/p99 latency,
# SQL statements per request (counted in a separate pass with the SQL logs on) and
# the ratio to two ceilings measured in the same run: HTTP (GET /q/health/live, served by the
# management interface: the same Vert.x event loops, no token, no database) and
# PostgreSQL (pgbench running the endpoint's own SQL for the same kind of inputs).
# Writes are checked afterwards: every acknowledged request must have exactly one row.
# The read scenarios are then run open loop (src/bench/OpenLoop.java): requests at a fixed
# rate, to measure the latency a caller sees at a given demand rather than at saturation.
# Results: target/bench/results.tsv, target/bench/open-loop.tsv and Markdown tables on stdout.
#
# Needs: target/quarkus-app (./mvnw package -DskipTests), PostgreSQL (PGHOST..., default
# the local postgres with trust auth), wrk and pgbench (apt-get install wrk postgresql-client),
# openssl. The app trusts a key pair made for the run; tokens are signed for the generated
# people, so every request goes through real RS256 verification, provisioning and the
# care-team check.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh

SCALE= DURATION=20s CONNECTIONS=32 ONLY= CEILINGS=true WARMUP=120 OPEN_LOOP=true
while (($#)); do
  case $1 in
    --scale) SCALE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --no-ceilings) CEILINGS=false; shift ;;
    --no-open-loop) OPEN_LOOP=false; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
THREADS=2
RUN=r$(date +%s)
RESULTS=$BENCH_DIR/results.tsv
: > "$BENCH_DIR/writes.txt"
trap stop_app EXIT
require_package
bench_keys > /dev/null
[[ -n $SCALE ]] && generate "$SCALE"

CHILDREN=$(sql "select count(*) from child")
OBSERVATIONS=$(sql "select count(*) from observation")
[[ $CHILDREN -gt 0 ]] || { echo "no data in $BENCH_SCHEMA: pass --scale 1" >&2; exit 1; }
echo "data: $CHILDREN children, $OBSERVATIONS observations, $(sql "select count(*) from message") messages"

# ---- request files: METHOD, PATH, TOKEN[, BODY] per line --------------------------------
declare -A TOKENS
token_for() {  # subject role name: sets TOKEN, signing once per person
  [[ -n ${TOKENS[$1]:-} ]] || TOKENS[$1]=$(mint_token "$1" "$2" "$3")
  TOKEN=${TOKENS[$1]}
}
# people.sql rows: subject, role, name, then the scenario's own columns
write_requests() {  # name method path-template body-template query
  local name=$1 method=$2 path=$3 body=$4 query=$5 out=$BENCH_DIR/$1.requests
  : > "$out"
  while IFS=$'\t' read -r subject role pname a b c; do
    local p=${path//\{a\}/$a} q=${body//\{a\}/$a}
    p=${p//\{b\}/$b}; p=${p//\{c\}/$c}; q=${q//\{b\}/$b}; q=${q//\{c\}/$c}
    token_for "$subject" "$role" "$pname"
    printf '%s\t%s\t%s\t%s\n' "$method" "$p" "$TOKEN" "$q" >> "$out"
  done < <(sql "$query")
  echo "$name: $(wc -l < "$out") requests for $(cut -f3 "$out" | sort -u | wc -l) people"
}
# The inputs, also used by pgbench: who calls, about which child and goal. Teachers are the
# district's first 100 (about 2,500 teacher-child pairs); parents have two children. The goal
# inputs (one child in a hundred, its goal with 1,000 observations) carry the child's current
# team: the people the progress views name are among them (pgbench names them all). The
# chart's inputs are the same callers and children, with the goals the chart shows (ACTIVE,
# MET, MAINTAINING; the generator gives every child five) and whether any is MET or
# MAINTAINING (then the chart reads the child's hard moments).
sql "create schema if not exists bench_input;
drop table if exists bench_input.teacher_child, bench_input.teacher, bench_input.parent, bench_input.goal_input,
  bench_input.chart_input;
create table bench_input.teacher_child as
  select (row_number() over (order by tm.user_id, c.i))::int as n, tm.user_id, tm.child_id,
         md5('sw-bench:goal:' || c.i || ':1')::uuid as goal_id, md5('sw-bench:conversation:team:' || c.i)::uuid as conversation_id
  from generate_series(1, $CHILDREN) c(i)
  join team_membership tm on tm.child_id = md5('sw-bench:child:' || c.i)::uuid and tm.role = 'teacher' and tm.removed_at is null
  join app_user u on u.id = tm.user_id
  where u.subject in (select 'bench-teacher-' || t from generate_series(1, 100) t);
create table bench_input.teacher as
  select (row_number() over (order by tm.user_id))::int as n, tm.user_id from team_membership tm
  join app_user u on u.id = tm.user_id and u.subject like 'bench-teacher-%'
  where tm.removed_at is null group by tm.user_id having count(*) = 30;
create table bench_input.parent as
  select (row_number() over (order by tm.user_id))::int as n, tm.user_id from team_membership tm
  join app_user u on u.id = tm.user_id and u.subject like 'bench-parent-%'
  where tm.removed_at is null group by tm.user_id having count(*) = 2 order by tm.user_id limit 200;
create table bench_input.goal_input as
  select (row_number() over (order by c.i))::int as n, tm.user_id, tm.child_id, md5('sw-bench:goal:' || c.i || ':1')::uuid as goal_id,
         (select array_agg(t.user_id order by t.user_id) from team_membership t
          where t.child_id = tm.child_id and t.removed_at is null) as authors
  from generate_series(1, $CHILDREN, 100) c(i)
  join team_membership tm on tm.child_id = md5('sw-bench:child:' || c.i)::uuid and tm.role = 'teacher' and tm.removed_at is null;
create table bench_input.chart_input as
  select (row_number() over (order by i.n))::int as n, i.user_id, i.child_id, g.ids[1] as g1, g.ids[2] as g2, g.ids[3] as g3,
         g.ids[4] as g4, g.ids[5] as g5, g.gap_checked, i.authors
  from bench_input.goal_input i
  cross join lateral (select array_agg(id order by created_at, id) as ids, bool_or(status in ('MET', 'MAINTAINING')) as gap_checked
                      from goal where child_id = i.child_id and status in ('ACTIVE', 'MET', 'MAINTAINING')) g
  where cardinality(g.ids) = 5;
alter table bench_input.teacher_child add primary key (n);
alter table bench_input.teacher add primary key (n);
alter table bench_input.parent add primary key (n);
alter table bench_input.goal_input add primary key (n);
alter table bench_input.chart_input add primary key (n);
analyze bench_input.teacher_child, bench_input.teacher, bench_input.parent, bench_input.goal_input, bench_input.chart_input"
person="select u.subject, (case when u.subject like 'bench-parent-%' then 'parent' else 'teacher' end), u.name"
ASOF=$(sql "select (max(occurred_at) at time zone 'UTC')::date + 1 from observation where text not like '%(bench %'")
# The app's "today" for the progress views (no `to` is sent): the date in the children's time zone.
TODAY=$(sql "select (now() at time zone min(time_zone))::date from child")
write_requests timeline GET "/api/v1/children/{a}/timeline?limit=50" "" \
  "$person, i.child_id from bench_input.teacher_child i join app_user u on u.id = i.user_id"
write_requests children GET "/api/v1/children?limit=30" "" "$person from bench_input.teacher i join app_user u on u.id = i.user_id"
write_requests unread GET "/api/v1/me/unread" "" "$person from bench_input.parent i join app_user u on u.id = i.user_id"
write_requests progress GET "/api/v1/children/{a}/goals/{b}/progress?from=$(date -d "$ASOF - 364 days" +%F)&bucket=WEEK" "" \
  "$person, i.child_id, i.goal_id from bench_input.goal_input i join app_user u on u.id = i.user_id"
write_requests chart GET "/api/v1/children/{a}/progress-chart" "" \
  "$person, i.child_id from bench_input.chart_input i join app_user u on u.id = i.user_id"
write_requests post-observation POST "/api/v1/children/{a}/observations" \
  '{"kind":"WIN","text":"Sorted shapes by colour on her own (bench {n})","goalId":"{b}","setting":"CLASSROOM","promptLevel":"INDEPENDENT","regulation":"CALM"}' \
  "$person, i.child_id, i.goal_id from bench_input.teacher_child i join app_user u on u.id = i.user_id"
write_requests post-message-win POST "/api/v1/children/{a}/conversations/{c}/messages" \
  '{"body":"Today she sorted shapes by colour (bench {n})","win":{"goalId":"{b}","setting":"CLASSROOM","promptLevel":"VERBAL","firstTime":true}}' \
  "$person, i.child_id, i.goal_id, i.conversation_id from bench_input.teacher_child i join app_user u on u.id = i.user_id"
SCENARIOS=(timeline children unread progress chart post-observation post-message-win)
if [[ -n $ONLY ]]; then IFS=, read -ra SCENARIOS <<< "$ONLY"; fi

# ---- pass 1: SQL statements per request (Hibernate's SQL log and TypedRows', one request at a time)
# Counted on the request threads (Quarkus' executor and Vert.x' event loops); what the requests
# set going in the background (notifications, gap checks) is counted apart, and so is any
# other background work that ran meanwhile.
declare -A STATEMENTS BACKGROUND_STATEMENTS
sql_lines() {  # request | background: the SQL statements logged so far on those threads
  local threads='\((executor-thread|vert\.x-eventloop-thread)-[0-9]+\)'
  grep -E 'org.hibernate.SQL|app.smallwins.sql' "$BENCH_DIR/app.log" | if [[ $1 == request ]]; then grep -cE "$threads"; else grep -cvE "$threads"; fi || true
}
start_app QUARKUS_LOG_CATEGORY__ORG_HIBERNATE_SQL__LEVEL=DEBUG QUARKUS_LOG_CATEGORY__APP_SMALLWINS_SQL__LEVEL=DEBUG
for s in "${SCENARIOS[@]}"; do
  for n in 1 2; do  # the first request of a person provisions them; count the steady state
    while IFS=$'\t' read -r method path token body; do
      curl -s -o /dev/null -X "$method" -H "Authorization: Bearer $token" ${body:+-H 'Content-Type: application/json'} \
        ${body:+--data "${body//\{n\}/count-$RUN-$n-$RANDOM}"} "$BENCH_APP$path"
    done < <(head -20 "$BENCH_DIR/$s.requests")
    if ((n == 1)); then before=$(sql_lines request) background=$(sql_lines background); fi
  done
  sleep 3  # what the requests set going in the background (the notification planner polls every 2 s)
  requests=$(head -20 "$BENCH_DIR/$s.requests" | wc -l)
  STATEMENTS[$s]=$(echo "scale=1; ($(sql_lines request) - $before) / $requests" | bc)
  BACKGROUND_STATEMENTS[$s]=$(echo "scale=1; ($(sql_lines background) - $background) / $requests" | bc)
  echo "$s: ${STATEMENTS[$s]} SQL statements per request, and ${BACKGROUND_STATEMENTS[$s]} in the background"
done
cp "$BENCH_DIR/app.log" "$BENCH_DIR/app-sql.log"
stop_app

# ---- pass 2: throughput and latency ---------------------------------------------------
start_app
load() {  # name url [request file]
  wrk_scenario "$CONNECTIONS" "$DURATION" "$2" "${3:-/dev/null}" "$RUN-$1" || { echo "wrk failed for $1" >&2; return 1; }
}
# Warm-up: every scenario in turn until the JIT has compiled what they run (lib.sh warm_up);
# --warmup is the least time it takes, ten minutes the most.
files=()
for s in "${SCENARIOS[@]}"; do files+=("$BENCH_DIR/$s.requests"); done
warm_up "$CONNECTIONS" "$WARMUP" 600 "$(((60 + ${#SCENARIOS[@]} - 1) / ${#SCENARIOS[@]}))" "$RUN" "${files[@]}"
HTTP_CEILING=-
if $CEILINGS; then
  HTTP_CEILING=$(load health "$BENCH_MANAGEMENT/q/health/live")
  echo "GET /q/health/live: $HTTP_CEILING"
fi
declare -A MEASURED
measure() {  # one scenario under wrk; a write's rows are checked afterwards
  local s=$1 ok failed
  MEASURED[$s]=$(load "$s" "$BENCH_APP" "$BENCH_DIR/$s.requests")
  echo "$s: ${MEASURED[$s]}"
  if [[ $s == post-* ]]; then
    sleep 2  # requests in flight when wrk stopped still commit
    read -r ok failed <<< "$(echo "${MEASURED[$s]}" | awk '{print $4, $5}')"
    sql "select count(*) filter (where kind is not null), count(distinct text), count(*) - count(distinct text)
         from observation where text like '%(bench $RUN-$s-%'" | {
      IFS=$'\t' read -r rows distinct duplicates
      messages=$(sql "select count(*) from message where body like '%(bench $RUN-$s-%'")
      echo "  $s: $ok acknowledged, $failed refused; $rows observations ($duplicates duplicated), $messages messages in the database"
      if ((rows < ok || duplicates > 0)); then echo "  LOST OR DUPLICATED WRITES in $s" >&2; fi
      if [[ $s == post-message-win ]] && ((messages != rows)); then echo "  messages and observations differ in $s" >&2; fi
    } | tee -a "$BENCH_DIR/writes.txt"
  fi
}
# Reads first, then their open loop, writes last: each write sets notifications going, which
# the app sends in the background (and retries: the benchmark has no mail server), and that
# work would otherwise run beside the reads' measurements.
for s in "${SCENARIOS[@]}"; do
  if [[ $s != post-* ]]; then measure "$s"; fi
done

# ---- pass 2b: latency at a given demand (open loop) ---------------------------------------
# wrk keeps all connections busy, so its latency is just connections / throughput. Here the
# read scenarios get requests at a fixed average rate (Poisson arrivals, at most
# $CONNECTIONS in flight, latency counted from when each request was due): 100 req/s (about
# three times the district's estimated evening peak, docs/benchmarks.md, on one endpoint),
# then half and 80 % of the throughput wrk just measured.
OPEN_RESULTS=$BENCH_DIR/open-loop.tsv
printf 'scenario\toffered_req_s\tachieved_req_s\tp50_ms\tp99_ms\tmax_ms\tok\tfailed\terrors\n' > "$OPEN_RESULTS"
if $OPEN_LOOP; then
  for s in "${SCENARIOS[@]}"; do
    [[ $s == post-* ]] && continue
    saturated=$(echo "${MEASURED[$s]}" | awk '{print $1}')
    for rate in 100 $((saturated / 2)) $((saturated * 4 / 5)); do
      out=$(java -XX:TieredStopAtLevel=1 src/bench/OpenLoop.java "$BENCH_DIR/$s.requests" "$BENCH_APP" "$rate" \
        "${DURATION%s}" "$CONNECTIONS" | grep '^RESULT')
      echo "$s at $rate req/s: ${out#RESULT }"
      printf '%s\t%s\n' "$s" "$(echo "${out#RESULT }" | tr ' ' '\t')" >> "$OPEN_RESULTS"
    done
  done
fi
for s in "${SCENARIOS[@]}"; do
  if [[ $s == post-* ]]; then measure "$s"; fi
done
stop_app

# ---- pass 3: the database ceiling: pgbench runs each read endpoint's SQL -------------------
declare -A DB
if $CEILINGS; then
  for s in "${SCENARIOS[@]}"; do
    script=src/bench/pgbench/$s.sql
    [[ -f $script ]] || continue
    rm -f "$BENCH_DIR"/pgbench_log.*
    PGOPTIONS="-c search_path=$BENCH_SCHEMA" pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" -f "$script" -D asof="$ASOF" -D today="$TODAY" \
      -D teacher_child="$(sql "select count(*) from bench_input.teacher_child")" -D teacher="$(sql "select count(*) from bench_input.teacher")" \
      -D parent="$(sql "select count(*) from bench_input.parent")" -D goal_input="$(sql "select count(*) from bench_input.goal_input")" \
      -D chart_input="$(sql "select count(*) from bench_input.chart_input")" -l --log-prefix="$BENCH_DIR/pgbench_log" "$PGDATABASE" > "$BENCH_DIR/pgbench-$s.txt" 2>&1 \
      || { cat "$BENCH_DIR/pgbench-$s.txt" >&2; exit 1; }
    tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$BENCH_DIR/pgbench-$s.txt" | head -1)
    # per-transaction log: client tx-no latency(us) ...
    read -r p50 p99 <<< "$(cat "$BENCH_DIR"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000}')"
    DB[$s]="$(printf '%.0f' "$tps")	$p50	$p99"
    echo "pgbench $s: ${DB[$s]}"
  done
fi

# ---- results: one row per scenario, with the ratios to both ceilings ---------------------
{
  printf 'observations\tscenario\treq_s\tp50_ms\tp99_ms\tok\tfailed\terrors\tstatements\tdb_tps\tdb_p50_ms\tdb_p99_ms\thttp_ceiling_req_s\n'
  for s in "${SCENARIOS[@]}"; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$OBSERVATIONS" "$s" "$(echo "${MEASURED[$s]}" | tr ' ' '\t')" "${STATEMENTS[$s]}" \
      "${DB[$s]:--	-	-}" "${HTTP_CEILING%% *}"
  done
} > "$RESULTS"
cp "$RESULTS" "$BENCH_DIR/results-$OBSERVATIONS.tsv"
echo
echo "| scenario | req/s | p50 ms | p99 ms | SQL statements | pgbench tps (p50/p99 ms) | app / pgbench | app / HTTP ceiling |"
echo "|---|---|---|---|---|---|---|---|"
awk -F'\t' 'NR > 1 {
  db = ($10 == "-" || $10 == "") ? "-" : sprintf("%s (%s / %s)", $10, $11, $12)
  rdb = ($10 == "-" || $10 == "") ? "-" : sprintf("%.0f %%", 100 * $3 / $10)
  rhttp = ($13 == "-") ? "-" : sprintf("%.1f %%", 100 * $3 / $13)
  printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $9, db, rdb, rhttp }' "$RESULTS"
echo
echo "Open loop, $CONNECTIONS connections at most:"
echo
echo "| scenario | offered req/s | achieved req/s | p50 ms | p99 ms | max ms |"
echo "|---|---|---|---|---|---|"
awk -F'\t' 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$OPEN_RESULTS"
