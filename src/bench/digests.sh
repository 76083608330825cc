#!/usr/bin/env bash
# A district evening: every parent's daily digest planned, rendered and mailed at once.
#
#   src/bench/digests.sh [--threads 4]
#
# On the generated district (src/bench/district.sh 1: about 16,700 parents), every parent is
# given a digest time two minutes from now (UTC, every day) with the family defaults but
# messages as a digest too, and each child's two newest wins are dated into the last hours,
# so every parent has something to be told: wins, unread messages, cheers. Staff are given
# no digest. The packaged app (target/quarkus-app) then plans the round on its own clock and
# sends every digest to a local SMTP sink (Python's standard smtpd, which discards what it
# gets; GreenMail standalone answers each mail in about 180 ms on loopback and would measure
# itself), over its usual queue. Measured: the planning round (the app's own log line), the time from the
# digest time until every digest is SENT, e-mails per second, and the app's peak RSS.
# Changes the bench schema's notification tables and re-dates a few observations: run
# district.sh again before benchmarks that compare figures with earlier runs.
# Results: target/bench/digests.txt and stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh

THREADS=4
while [[ ${1:-} == --* ]]; do
  case $1 in
    --threads) THREADS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
require_package
[[ -n $(sql "select 1 from child limit 1") ]] || { echo "no district in $BENCH_SCHEMA: run src/bench/district.sh 1" >&2; exit 1; }

SMTP_PORT=${BENCH_SMTP_PORT:-3025}
# Python 3.11's smtpd (deprecated, still in the standard library): a real SMTP server that prints
# each mail, here to nowhere.
python3 -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" > /dev/null 2> "$BENCH_DIR/smtp-sink.log" &
SINK_PID=$!
trap 'stop_app; kill $SINK_PID 2> /dev/null || true; [[ -n ${SAMPLER:-} ]] && kill $SAMPLER 2> /dev/null || true' EXIT
until ss -Hltn "( sport = :$SMTP_PORT )" | grep -q .; do sleep 0.2; done

AT=$(date -u -d '+2 minutes' +%H:%M)
TODAY=$(date -u -d "today $AT" +%a | tr a-z A-Z)
WEEKLY=$( [[ $TODAY == MON ]] && echo TUE || echo MON )  # the weekly summary stays out of it
echo "digest time $AT UTC"
sql "truncate notification, notification_digest_day, scheduled_tasks, push_subscription, notification_settings"
sql "update notification_planner set planned_through = (select coalesce(max(id), 0) from live_event)"
FAMILY='{"MESSAGE":{"EMAIL":"DIGEST","WEB_PUSH":"OFF"},"URGENT_MESSAGE":{"EMAIL":"INSTANT","WEB_PUSH":"INSTANT"},
  "WIN":{"EMAIL":"DIGEST","WEB_PUSH":"OFF"},"CHEER":{"EMAIL":"DIGEST","WEB_PUSH":"OFF"},
  "PROGRESS_FLAG":{"EMAIL":"DIGEST","WEB_PUSH":"OFF"},"WEEKLY_SUMMARY":{"EMAIL":"OFF","WEB_PUSH":"OFF"},
  "TEAM_CHANGE":{"EMAIL":"DIGEST","WEB_PUSH":"OFF"}}'
NONE='{"MESSAGE":{"EMAIL":"OFF","WEB_PUSH":"OFF"},"URGENT_MESSAGE":{"EMAIL":"OFF","WEB_PUSH":"OFF"},
  "WIN":{"EMAIL":"OFF","WEB_PUSH":"OFF"},"CHEER":{"EMAIL":"OFF","WEB_PUSH":"OFF"},
  "PROGRESS_FLAG":{"EMAIL":"OFF","WEB_PUSH":"OFF"},"WEEKLY_SUMMARY":{"EMAIL":"OFF","WEB_PUSH":"OFF"},
  "TEAM_CHANGE":{"EMAIL":"OFF","WEB_PUSH":"OFF"}}'
sql "insert into notification_settings (user_id, time_zone, language, digest_time, digest_days, weekly_summary_day,
       include_content, categories, updated_at)
     select u.id, 'UTC', 'en', '$AT', 'MON,TUE,WED,THU,FRI,SAT,SUN', '$WEEKLY', false,
       case when exists (select 1 from team_membership m where m.user_id = u.id and m.role = 'parent')
            then '$FAMILY' else '$NONE' end::jsonb, now()
     from app_user u"
sql "update observation set created_at = now() - interval '3 hours' where id in (
       select id from (select id, row_number() over (partition by child_id order by occurred_at desc, id desc) n
                       from observation where kind = 'WIN' and deleted_at is null) w where n <= 2)"
PARENTS=$(sql "select count(distinct user_id) from team_membership where role = 'parent' and removed_at is null")
echo "parents: $PARENTS"

start_app SMALLWINS_MAIL_HOST=127.0.0.1 SMALLWINS_MAIL_PORT="$SMTP_PORT" SMALLWINS_MAIL_START_TLS=DISABLED \
  SMALLWINS_NOTIFICATIONS_DIGEST_CHECK_INTERVAL=5S SMALLWINS_NOTIFICATIONS_THREADS="$THREADS"
RSS_FILE=$BENCH_DIR/digests-rss.txt
: > "$RSS_FILE"
(while kill -0 "$APP_PID" 2> /dev/null; do ps -o rss= -p "$APP_PID" >> "$RSS_FILE"; sleep 1; done) &
SAMPLER=$!
RSS_BEFORE=$(ps -o rss= -p "$APP_PID")

DUE=$(date -u -d "today $AT" +%s)
while (($(date -u +%s) < DUE)); do sleep 1; done
until grep -q 'Digests: .* planned in' "$BENCH_DIR/app.log"; do sleep 0.5; done
PLANNED_LINE=$(grep 'Digests: .* planned in' "$BENCH_DIR/app.log" | head -1 | sed 's/.*Digests: /Digests: /')
PLANNED=$(sql "select count(*) from notification where category = 'DAILY_DIGEST'")
while :; do
  read -r sent failed < <(sql "select count(*) filter (where status = 'SENT'), count(*) filter (where status = 'FAILED')
                               from notification where category = 'DAILY_DIGEST'" | tr '\t' ' ')
  ((sent + failed >= PLANNED)) && break
  sleep 0.5
done
DONE=$(date +%s.%N)
read -r first_sent last_sent < <(sql "select extract(epoch from min(sent_at)), extract(epoch from max(sent_at))
                                     from notification where status = 'SENT'" | tr '\t' ' ')
kill $SAMPLER 2> /dev/null || true
PEAK=$(sort -n "$RSS_FILE" | tail -1)
{
  echo "parents: $PARENTS; digests planned: $PLANNED; sent: $sent; failed: $failed; sending threads: $THREADS"
  echo "planning: $PLANNED_LINE"
  printf 'sending: first to last mail %.1f s, %.0f mails/s; digest time to all sent %.1f s\n' \
    "$(echo "$last_sent - $first_sent" | bc)" "$(echo "$sent / ($last_sent - $first_sent)" | bc -l)" \
    "$(echo "$DONE - $DUE" | bc)"
  echo "app RSS: $((RSS_BEFORE / 1024)) MB before, $((PEAK / 1024)) MB at the peak"
} | tee "$BENCH_DIR/digests.txt"
