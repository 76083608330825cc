# Shared by the benchmark scripts in src/bench (sourced, not run).
# Everything listens on loopback only; the app is the packaged one (./mvnw package).

BENCH_DIR=${BENCH_DIR:-target/bench}
BENCH_SCHEMA=${BENCH_SCHEMA:-smallwins_bench}
BENCH_PORT=${BENCH_PORT:-8089}
BENCH_APP=http://127.0.0.1:$BENCH_PORT
# Health and metrics are on the management interface, a port of their own.
BENCH_MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9089}
BENCH_MANAGEMENT=http://127.0.0.1:$BENCH_MANAGEMENT_PORT
BENCH_ISSUER=https://bench.smallwins.invalid
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
PGDATABASE=${PGDATABASE:-postgres}
export PGHOST PGPORT PGUSER PGDATABASE
mkdir -p "$BENCH_DIR"

sql() { psql -X -q -v ON_ERROR_STOP=1 -At -F $'\t' -c "set search_path to $BENCH_SCHEMA" -c "$1"; }

# The signing key of the benchmark's token issuer: the app trusts its public half only.
bench_keys() {
  if [[ ! -f $BENCH_DIR/issuer-key.pem ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$BENCH_DIR/issuer-key.pem" 2>/dev/null
  fi
  openssl pkey -in "$BENCH_DIR/issuer-key.pem" -pubout | grep -v -- ----- | tr -d '\n'
}

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }

# An RS256 access token for one generated person, as an identity provider would sign it:
# mint_token SUBJECT ROLE NAME
mint_token() {
  local now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","aud":"small-wins-api","iat":%d,"exp":%d,"name":"%s","preferred_username":"%s","email":"%s@district.example","email_verified":true,"groups":["%s"]}' \
    "$BENCH_ISSUER" "$1" "$now" "$((now + 6 * 3600))" "$3" "$1" "$1" "$2" | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$BENCH_DIR/issuer-key.pem" -binary | b64url)"
}

# One wrk run of a scenario (src/bench/wrk/scenario.lua: a random line of the request file
# per request; an empty file means plain GETs of the URL), two threads:
#   wrk_scenario CONNECTIONS DURATION URL REQUEST_FILE RUN_ID
# prints "req/s p50_ms p99_ms 2xx non-2xx errors", and fails if wrk printed no result.
wrk_scenario() {
  wrk -t2 -c"$1" -d"$2" --timeout 10s -s src/bench/wrk/scenario.lua "$3" -- "$4" "$5" | grep '^RESULT' | cut -d' ' -f2-
}

# CPU ticks (user and system, 1/CLK_TCK s) a process, or PID/task/TID a thread, has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2> /dev/null || echo 0; }

# The same for all of the local PostgreSQL's processes together.
postgres_ticks() {
  local total=0 pid
  for pid in $(pgrep -x postgres); do total=$((total + $(cpu_ticks "$pid"))); done
  echo "$total"
}

# CPU ticks of a JVM's JIT compiler threads (C1 and C2) so far.
jit_ticks() {
  local total=0 task
  for task in /proc/"$1"/task/*; do
    [[ $(cat "$task/comm" 2> /dev/null) == C[12]\ Compiler* ]] || continue
    total=$((total + $(cpu_ticks "$1/task/${task##*/}")))
  done
  echo "$total"
}

# Warms the app up until its JIT is done: the scenarios' request files run in turn (wrk,
# CONNECTIONS connections, SLICE seconds each) for at least MIN seconds, and then until a whole
# round leaves the compiler threads under 3 % of the app's CPU, or MAX seconds have passed.
# Writes (post-*) beside reads run in the first round only.
# On two shared cores C2 compiles for one to two minutes under load, and a figure taken
# meanwhile measures the compiler too (the children list: 1,500 req/s in its first 20 s under
# load, 4,000 after two minutes; docs/benchmarks.md, "Warm means compiled").
#   warm_up CONNECTIONS MIN MAX SLICE RUN_ID REQUEST_FILE...
# Prints one line: how long it took, and the compiler's share of the last round.
warm_up() {
  local connections=$1 min=$2 max=$3 slice=$4 run=$5 start=$SECONDS round=0 reads=0 jit0 app0 jit app share file
  shift 5
  for file in "$@"; do [[ $(basename "$file") == post-* ]] || reads=$((reads + 1)); done
  while :; do
    round=$((round + 1))
    jit0=$(jit_ticks "$APP_PID") app0=$(cpu_ticks "$APP_PID")
    for file in "$@"; do
      # Writes warm up in the first round only: each one sets notifications going in the
      # background, and minutes of them would leave that work running into the measurements.
      if [[ $(basename "$file") == post-* ]] && ((round > 1 && reads > 0)); then continue; fi
      wrk_scenario "$connections" "${slice}s" "$BENCH_APP" "$file" "$run-warm$round-$(basename "$file" .requests)" > /dev/null
    done
    jit=$(($(jit_ticks "$APP_PID") - jit0)) app=$(($(cpu_ticks "$APP_PID") - app0))
    share=$((100 * jit / (app > 0 ? app : 1)))
    if ((SECONDS - start >= min && share < 3)); then
      echo "warm after $((SECONDS - start)) s: the JIT took $share % of the app's CPU in the last round"
      return 0
    fi
    if ((SECONDS - start >= max)); then
      echo "still compiling after $((SECONDS - start)) s ($share % of the app's CPU in the last round): figures include the JIT" >&2
      return 0
    fi
  done
}

# The path of async-profiler's agent for this machine, fetched once from Maven Central
# (tools.profiler:async-profiler); fails where it cannot be had (another OS or architecture).
async_profiler_library() {
  local version=4.2 dir=$BENCH_DIR/async-profiler arch
  case $(uname -m) in x86_64) arch=linux-x64 ;; aarch64) arch=linux-arm64 ;; *) return 1 ;; esac
  [[ $(uname -s) == Linux ]] || return 1
  if [[ ! -f $dir/$arch/libasyncProfiler.so ]]; then
    ./mvnw -q -B dependency:copy -Dartifact="tools.profiler:async-profiler:$version" -DoutputDirectory="$dir" >&2 \
      && unzip -q -o "$dir/async-profiler-$version.jar" "$arch/libasyncProfiler.so" -d "$dir" || return 1
  fi
  realpath "$dir/$arch/libasyncProfiler.so"
}

# Starts the packaged app on the benchmark schema, trusting the benchmark issuer's key.
# Extra environment (e.g. a log level) can be passed as arguments: start_app NAME=value...
start_app() {
  local status=0
  start_node "$BENCH_PORT" "$BENCH_MANAGEMENT_PORT" "$BENCH_DIR/app.log" "$@" || status=$?
  APP_PID=$NODE_PID
  return $status
}

# One app node (start_app is the first): start_node PORT MANAGEMENT_PORT LOG [NAME=value...].
# Sets NODE_PID as soon as it runs (stop it with stop_node PID even if it never got ready).
# Refuses ports something already listens on: another app there would answer the readiness
# check, and the benchmark would measure it.
start_node() {
  local port=$1 management=$2 log=$3 key tries=0
  shift 3
  NODE_PID=
  if ss -Hltn "( sport = :$port or sport = :$management )" | grep -q .; then
    echo "port $port or $management is in use already (another app? set BENCH_PORT / BENCH_MANAGEMENT_PORT)" >&2
    return 1
  fi
  key=$(bench_keys)
  env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$management" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" \
    QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    SMALLWINS_DB_SCHEMA="$BENCH_SCHEMA" \
    QUARKUS_OIDC_PUBLIC_KEY="$key" QUARKUS_OIDC_TOKEN_ISSUER="$BENCH_ISSUER" \
    "$@" java ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  NODE_PID=$!
  # (Builds from before the management interface answer readiness on the API port: compare.sh.)
  until curl -sf "http://127.0.0.1:$management/q/health/ready" > /dev/null \
      || curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
    if ! kill -0 "$NODE_PID" 2> /dev/null || ((tries++ > 300)); then
      echo "the app did not start; see $log" >&2
      return 1
    fi
    sleep 0.2
  done
}

stop_node() {
  kill "$1" 2> /dev/null || true
  wait "$1" 2> /dev/null || true
}

stop_app() {
  if [[ -n ${APP_PID:-} ]]; then
    stop_node "$APP_PID"
    APP_PID=
  fi
}

require_package() {
  if [[ ! -f target/quarkus-app/quarkus-run.jar ]]; then
    echo "target/quarkus-app is missing: run ./mvnw package -DskipTests first" >&2
    exit 1
  fi
}

# Flyway creates the schema when the app starts on it; the generator needs it to exist.
ensure_schema() {
  if [[ -z $(psql -X -At -c "select 1 from pg_tables where schemaname = '$BENCH_SCHEMA' and tablename = 'flyway_schema_history'") ]]; then
    echo "creating schema $BENCH_SCHEMA (the app's migrations)"
    require_package
    start_app
    stop_app
  fi
}

# generate SCALE [ASOF]: the district, then VACUUM so plans see the data as a long-running system would.
generate() {
  if [[ $BENCH_SCHEMA != *bench* && -z ${BENCH_FORCE:-} ]]; then
    echo "refusing to empty schema $BENCH_SCHEMA: its name has no 'bench' in it (set BENCH_FORCE=1 to insist)" >&2
    return 1
  fi
  ensure_schema
  local start=$SECONDS
  psql -X -q -v ON_ERROR_STOP=1 -v schema="$BENCH_SCHEMA" -v scale="$1" ${2:+-v asof="$2"} -f src/bench/district.sql
  psql -X -q -c "vacuum (analyze) $BENCH_SCHEMA.observation, $BENCH_SCHEMA.message, $BENCH_SCHEMA.cheer, $BENCH_SCHEMA.access_log, $BENCH_SCHEMA.conversation_read, $BENCH_SCHEMA.team_membership, $BENCH_SCHEMA.goal, $BENCH_SCHEMA.child, $BENCH_SCHEMA.app_user"
  echo "generated scale $1 in $((SECONDS - start)) s"
}

# The hourly gap round (progress/GapWatch) runs on a node a minute after it starts, unless a
# node ran one within half an hour; its first run on a new district announces every gap at
# once. Marks it done now, so it does not fall inside the next half hour's measurements.
hold_gap_round() {
  if [[ -n $(sql "select 1 from pg_tables where schemaname = '$BENCH_SCHEMA' and tablename = 'gap_watch_round'") ]]; then
    sql "update gap_watch_round set checked_at = now()"
  fi
}
