#!/usr/bin/env bash
# HTTP throughput and memory of the packaged app under a real Keycloak, on this machine.
# Needs: target/quarkus-app (./mvnw package), a Keycloak 26 distribution unpacked (the e2e
# suite leaves one in target/e2e/keycloak-26.7.3), a JDK 21+ for it, PostgreSQL on
# 127.0.0.1:5432 (user postgres, trust), and wrk (apt-get install wrk).
# Only loopback addresses are used; every load run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."
KEYCLOAK_HOME=${KEYCLOAK_HOME:-target/e2e/keycloak-26.7.3}
KEYCLOAK_JAVA=${KEYCLOAK_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64}
APP=http://127.0.0.1:8089
MANAGEMENT=http://127.0.0.1:9089   # health and metrics: the management interface
REALM=http://127.0.0.1:8180/realms/smallwins
DURATION=${DURATION:-15s}
OUT=target/bench; mkdir -p "$OUT"

cleanup() { kill "$APP_PID" "$KC_PID" 2>/dev/null || true; pkill -f "$KEYCLOAK_HOME" 2>/dev/null || true; }
trap cleanup EXIT

rm -rf "$KEYCLOAK_HOME/data"; mkdir -p "$KEYCLOAK_HOME/data/import"
cp docker/keycloak/realm.json "$KEYCLOAK_HOME/data/import/smallwins-realm.json"
(cd "$KEYCLOAK_HOME" && JAVA_HOME=$KEYCLOAK_JAVA KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  bash bin/kc.sh start-dev --http-host=127.0.0.1 --http-port=8180 --import-realm > "$OLDPWD/$OUT/keycloak.log" 2>&1) &
KC_PID=$!
until curl -sf "$REALM/.well-known/openid-configuration" >/dev/null; do sleep 1; done

psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists smallwins_bench cascade"
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=8089 QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=9089 \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/postgres QUARKUS_DATASOURCE_USERNAME=postgres \
SMALLWINS_DB_SCHEMA=smallwins_bench QUARKUS_OIDC_AUTH_SERVER_URL=$REALM QUARKUS_OIDC_TOKEN_AUDIENCE=small-wins-api \
  java -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP_PID=$!
start=$(date +%s.%N)
until curl -sf $MANAGEMENT/q/health/ready >/dev/null; do sleep 0.2; done
echo "app ready in $(echo "$(date +%s.%N) - $start" | bc) s (JVM start plus migrations)"
rss() { echo "$(( $(ps -o rss= -p "$APP_PID") / 1024 )) MB"; }
echo "RSS idle: $(rss)"

token() { curl -s "$REALM/protocol/openid-connect/token" -d grant_type=password -d client_id=small-wins-app \
  -d username="$1" -d password=demo | sed -nE 's/.*"access_token" *: *"([^"]+)".*/\1/p'; }
ADMIN=$(token alice); TEACHER=$(token tina)
json=(-H 'Content-Type: application/json')
CHILD=$(curl -s "${json[@]}" -H "Authorization: Bearer $ADMIN" -d '{"displayName":"Bench Child"}' $APP/api/v1/children \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -s -o /dev/null "${json[@]}" -H "Authorization: Bearer $ADMIN" \
  -d '{"email":"tina@school.example","role":"teacher","relationship":"class teacher"}' $APP/api/v1/children/$CHILD/team
curl -s -o /dev/null -H "Authorization: Bearer $TEACHER" $APP/api/v1/me   # binds the invitation
for i in $(seq 1 200); do
  curl -s -o /dev/null "${json[@]}" -H "Authorization: Bearer $TEACHER" \
    -d "{\"kind\":\"WIN\",\"text\":\"Win $i\",\"setting\":\"CLASSROOM\",\"promptLevel\":\"VERBAL\"}" \
    $APP/api/v1/children/$CHILD/observations
done

cat > "$OUT/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"kind":"WIN","text":"Sorted shapes by colour","setting":"CLASSROOM","promptLevel":"INDEPENDENT"}'
LUA
run() { echo "== $1"; shift; wrk -t2 -c32 -d"$DURATION" --latency -H "Authorization: Bearer $TEACHER" "$@" \
  | grep -E "Requests/sec|Latency  |  50%|  99%|Non-2xx"; }
run "GET /q/health/live (no auth, no database; management port)" $MANAGEMENT/q/health/live
run "GET /api/v1/children/{id} (token check, access check, one read)" $APP/api/v1/children/$CHILD
run "GET /api/v1/children/{id}/timeline?limit=20" "$APP/api/v1/children/$CHILD/timeline?limit=20"
run "POST /api/v1/children/{id}/observations (write + access-log entry)" -s "$OUT/post.lua" \
  $APP/api/v1/children/$CHILD/observations
echo "RSS after load: $(rss)"
