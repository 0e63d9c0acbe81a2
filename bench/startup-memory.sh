#!/usr/bin/env bash
# Start-up time and memory of the JVM service, in sandbox mode on a fresh embedded database.
# Run after ./mvnw -B package -DskipTests. Prints: time to first answer, Quarkus's own start-up figure,
# resident memory (RSS) idle and after 20 jobs went to READY through the sandbox, and heap in use.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=app/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
port=${PORT:-18080}
start=$(date +%s%N)
(cd "$work" && TRANSCODEZIP_SANDBOX_ENABLED=true QUARKUS_HTTP_PORT=$port exec java ${JAVA_OPTS:-} -jar "$OLDPWD/$jar" > service.log 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/download-jobs"; do sleep 0.05; done
ready=$(date +%s%N)
jpid=$(pgrep -f -n "quarkus-run.jar") 
echo "first answer after start:   $(( (ready - start) / 1000000 )) ms"
echo "quarkus says:               $(grep -o 'started in [0-9.]*s' "$work/service.log")"
echo "RSS idle:                   $(( $(ps -o rss= -p "$jpid") / 1024 )) MiB"
key=$(cat "$work/data/api-key")
ids=()
for i in $(seq 1 20); do
  ids+=("$(curl -s -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"fileId\": $((1000 + 10 * i + 1)), \"zipName\": \"bench.zip\"}" "http://127.0.0.1:$port/api/v1/download-jobs" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')")
done
for id in "${ids[@]}"; do
  until curl -s -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/download-jobs/$id?wait=30" | grep -q -E "\"state\":\"(READY|FAILED|SPACE_FULL|TIMED_OUT)\""; do :; done
done
done_at=$(date +%s%N)
echo "20 jobs READY after:        $(( (done_at - ready) / 1000000 )) ms (sandbox: 3 calls each, 1 call/s budget)"
echo "RSS after 20 jobs:          $(( $(ps -o rss= -p "$jpid") / 1024 )) MiB"
if command -v jcmd > /dev/null; then
  echo "heap in use:                $(jcmd "$jpid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1)"
fi
