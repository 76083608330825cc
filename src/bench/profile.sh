#!/usr/bin/env bash
# Where the time of one scenario goes, under load: the packaged app with Java Flight Recorder
# (CPU samples and allocations) and wrk on the scenario's requests (written by run.sh). Prints
# the hottest frames (self and total), allocations, and, where PostgreSQL has pg_stat_statements
# loaded, each statement's calls, plans and milliseconds in the measured window: a statement
# planned on every call shows plans = calls. To load it (a restart of the local PostgreSQL):
#   psql -c "alter system set shared_preload_libraries = 'pg_stat_statements'"
#   psql -c "alter system set pg_stat_statements.track_planning = on"
#   pg_ctlcluster 15 main restart && psql -c "create extension if not exists pg_stat_statements"
#
#   src/bench/run.sh --only children --no-open-loop     # writes target/bench/children.requests
#   src/bench/profile.sh children [30s]      # JFR, then async-profiler where it can be had
#
# The recording stays in target/bench/<scenario>.jfr for `jfr print` or JDK Mission Control, and
# async-profiler's stacks in target/bench/<scenario>.collapsed (for a flame graph).
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh
require_package
scenario=$1
duration=${2:-30s}
requests=$BENCH_DIR/$scenario.requests
[[ -s $requests ]] || { echo "no $requests: run src/bench/run.sh --only $scenario first" >&2; exit 1; }
jfr=$BENCH_DIR/$scenario.jfr
rm -f "$jfr"

hold_gap_round
# async-profiler is loaded with the JVM (and started later): loading an agent into a running JVM
# makes it throw away compiled code, and the window would measure the JIT compiling it again.
async_profiler=$(async_profiler_library) || async_profiler=
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-}${async_profiler:+ -agentpath:$async_profiler}" start_app
trap stop_app EXIT
# Warm up (until the JIT is done, the pool, every person's first request, Hibernate's first parse of each
# query), then record only the measured window: a recording from the start would count the
# boot and the warm-up's one-time work as if every request did it.
warm_up 32 30 600 20 "$scenario-$(date +%s)" "$requests"
statements=$(psql -XAtq -c "select count(*) from pg_extension where extname = 'pg_stat_statements'" 2> /dev/null || echo 0)
if [[ $statements == 1 ]]; then psql -XAtq -c "select pg_stat_statements_reset()" > /dev/null; fi
jcmd "$APP_PID" JFR.start name=bench settings=profile > /dev/null
echo "$scenario under load for $duration:"
wrk_scenario 32 "$duration" "$BENCH_APP" "$requests" "$scenario" | awk '{ printf "  %s req/s, p50 %s ms, p99 %s ms\n", $1, $2, $3 }'
jcmd "$APP_PID" JFR.stop name=bench filename="$jfr" > /dev/null
# A second window, under async-profiler (from Maven Central), when it can be had: it samples
# every thread, JIT compiler and kernel included, and attributes time to the frame that ran.
# JFR's sampler does not see native frames, and it once put 12 % "self time" on a one-line
# method whose callee async-profiler measured at 1 % (docs/benchmarks.md, "Warm means compiled").
collapsed=$BENCH_DIR/$scenario.collapsed
rm -f "$collapsed"
if [[ -n $async_profiler ]]; then
  jcmd "$APP_PID" JVMTI.agent_load "$async_profiler" '"start,event=cpu,interval=1ms"' > /dev/null
  wrk_scenario 32 "$duration" "$BENCH_APP" "$requests" "$scenario-async" > /dev/null
  jcmd "$APP_PID" JVMTI.agent_load "$async_profiler" "\"stop,collapsed,file=$(realpath -m "$collapsed")\"" > /dev/null
fi
stop_app
trap - EXIT
set +o pipefail # head ends the sorts early

if [[ $statements == 1 ]]; then
  echo
  echo "PostgreSQL's statements in the measured window (top 8 by time; plans = calls: planned on every call):"
  psql -X -P pager=off -c "select calls, plans, round((total_exec_time / greatest(calls, 1))::numeric, 3) as exec_ms_per_call,
      round((total_plan_time / greatest(plans, 1))::numeric, 3) as plan_ms_per_plan,
      left(regexp_replace(query, '\s+', ' ', 'g'), 70) as statement
    from pg_stat_statements where calls > 1 order by total_exec_time + total_plan_time desc limit 8"
fi

echo
echo "Hottest frames, self time (top 25 of the CPU samples):"
jfr print --events jdk.ExecutionSample "$jfr" | awk '
  /stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); self[$0]++; total++ }
  END { for (f in self) printf "%6.2f %%  %s\n", 100 * self[f] / total, f }' | sort -rn | head -25

echo
echo "Frames on the stack, total time (top 40 of app, Quarkus, Hibernate, Agroal, JDBC, Vert.x, Jackson, SmallRye):"
jfr print --events jdk.ExecutionSample "$jfr" | awk '
  /stackTrace = \[/ { n++; delete seen; instack = 1; next }
  instack && /^[ \t]*\]/ { instack = 0; next }
  instack {
    line = $0; sub(/^[ \t]+/, "", line); sub(/line:.*/, "", line); sub(/\(.*$/, "", line)
    if (line ~ /^(app\.smallwins|io\.quarkus|org\.hibernate|io\.agroal|org\.postgresql|io\.vertx|com\.fasterxml|io\.smallrye|org\.jboss\.resteasy|com\.arjuna|io\.netty)/ && !(line in seen)) {
      seen[line] = 1; total[line]++
    }
  }
  END { for (f in total) printf "%6.2f %%  %s\n", 100 * total[f] / n, f }' | sort -rn | head -40

echo
echo "Allocation by class, top 15 (sampled):"
jfr print --events jdk.ObjectAllocationSample "$jfr" | awk '
  /objectClass = / { cls = $3 } /weight = / { w = $3; unit = $4
    if (unit ~ /kB/) w *= 1024; else if (unit ~ /MB/) w *= 1048576; else if (unit ~ /GB/) w *= 1073741824
    bytes[cls] += w; sum += w }
  END { for (c in bytes) printf "%6.2f %%  %s\n", 100 * bytes[c] / sum, c }' | sort -rn | head -15

[[ -s $collapsed ]] || exit 0
echo
echo "async-profiler, a second window of $duration: every thread's CPU by what it was doing"
awk '{ n = $NF; total += n
       if ($0 ~ /CompileBroker/) kind["JIT compiler"] += n
       else if ($0 ~ /GangWorker|G1|ConcurrentGCThread/) kind["garbage collector"] += n
       else if ($0 ~ /^java\/lang\/Thread.run/) kind["Java threads"] += n
       else kind["other native threads"] += n }
     END { for (k in kind) printf "%6.2f %%  %s\n", 100 * kind[k] / total, k }' "$collapsed" | sort -rn
echo
echo "Frames on the stack, total time (top 40, as above):"
awk '{ n = $NF; total += n; sub(/ [0-9]+$/, ""); split($0, frames, ";"); delete seen
       for (i in frames) { f = frames[i]; gsub("/", ".", f)
         if (f ~ /^(app\.smallwins|io\.quarkus|org\.hibernate|io\.agroal|org\.postgresql|io\.vertx|com\.fasterxml|io\.smallrye|org\.jboss\.resteasy|com\.arjuna|io\.netty)/ && !(f in seen)) {
           seen[f] = 1; frame[f] += n } } }
     END { for (f in frame) printf "%6.2f %%  %s\n", 100 * frame[f] / total, f }' "$collapsed" | sort -rn | head -40
