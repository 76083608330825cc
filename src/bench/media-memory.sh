#!/usr/bin/env bash
# The packaged app's resident memory while photos and videos stream in (docs/benchmarks.md,
# "Photos and videos"): one node on a schema of its own, its media on the local disk (or, with
# MEDIA_STORE=S3 and the SMALLWINS_MEDIA_S3_* variables, in an S3-compatible store), uploads of a
# 190 MiB video and a 12 MP photo by curl, the node's VmRSS sampled every 20 ms from /proc.
#
#   ./mvnw package -DskipTests && src/bench/media-memory.sh
#
# Needs ffmpeg (to make the video) and the packaged app. BENCH_JAVA_OPTS sets the JVM's options
# (default: -Xmx512m, a modest production heap).
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_SCHEMA=${BENCH_SCHEMA:-smallwins_media_bench}
source src/bench/lib.sh
require_package
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}

video=$BENCH_DIR/media-190MiB.mp4
if [[ ! -f $video ]]; then
  echo "making a 190 MiB video with ffmpeg"
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30,noise=alls=40:allf=t" -t 30 -c:v mpeg4 -q:v 2 \
    -fs $((190 * 1024 * 1024)) -pix_fmt yuv420p "$video"
fi
photo=$BENCH_DIR/media-photo.jpg
if [[ ! -f $photo ]]; then
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=4000x3000,noise=alls=60:allf=t" -frames:v 1 -q:v 2 "$photo"
fi

media_dir=$BENCH_DIR/media
rm -rf "$media_dir"
start_app SMALLWINS_MEDIA_DIRECTORY="$media_dir" SMALLWINS_MEDIA_STORE="${MEDIA_STORE:-LOCAL}"
trap stop_app EXIT

token=$(mint_token media-bench-admin admin "Bench Admin")
auth=(-H "Authorization: Bearer $token")
child=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"displayName":"Bench Child"}' \
  "$BENCH_APP/api/v1/children" | sed -nE 's/.*"id":"([^"]+)".*/\1/p' | head -1)
curl -sf -o /dev/null -X PUT "${auth[@]}" -H 'Content-Type: application/json' -d '{"consent":"TEAM"}' \
  "$BENCH_APP/api/v1/children/$child/media-consent"

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status"; }

# upload TYPE FILE: prints "seconds rss_before_kib rss_peak_kib"
upload() {
  local before peak sample started status
  # Warm: the first request of a kind loads its classes; measure the second.
  curl -sf -o /dev/null "${auth[@]}" -H "Content-Type: $1" --data-binary @"$2" "$BENCH_APP/api/v1/children/$child/media"
  sleep 2
  before=$(rss)
  peak=$before
  started=$(date +%s.%N)
  curl -sf -o /dev/null -w '%{http_code}' "${auth[@]}" -H "Content-Type: $1" -T "$2" -X POST \
    "$BENCH_APP/api/v1/children/$child/media" > "$BENCH_DIR/media-status" &
  local curl_pid=$!
  while kill -0 "$curl_pid" 2> /dev/null; do
    sample=$(rss)
    ((sample > peak)) && peak=$sample
    sleep 0.02
  done
  wait "$curl_pid"
  status=$(cat "$BENCH_DIR/media-status")
  [[ $status == 201 ]] || { echo "upload answered $status" >&2; exit 1; }
  printf '%.1f %d %d\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$before" "$peak"
}

echo "| upload | size | seconds | RSS before | RSS peak | growth |"
echo "|---|---|---|---|---|---|"
for run in video photo; do
  if [[ $run == video ]]; then type=video/mp4 file=$video; else type=image/jpeg file=$photo; fi
  read -r seconds before peak < <(upload "$type" "$file")
  printf '| %s | %.0f MiB | %s | %d MiB | %d MiB | %d MiB |\n' "$run" "$(($(stat -c %s "$file") / 1048576))" \
    "$seconds" $((before / 1024)) $((peak / 1024)) $(((peak - before) / 1024))
done
