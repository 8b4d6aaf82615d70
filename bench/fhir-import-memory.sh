#!/usr/bin/env bash
# Relief FHIR import memory benchmark: one command (bench/fhir-import-memory.sh). Issue 10, defect 1.
#
#  1. builds the app jar if it is missing or older than the sources,
#  2. generates a synthetic FHIR Bulk Data packet of RESOURCES resources (made-up people:
#     src/test/java/org/relief/fhir/bulk/SyntheticPacket.java, run as a source file),
#  3. imports it with the command line (--import) under HEAP (-Xmx), with the GC log on,
#  4. starts Relief under HEAP on the same data dir and uploads the same packet through the admin's import page
#     (as another source, so every patient is created again), asking /actuator/health four times a second meanwhile,
#  5. reports for both imports the time and the peak heap (the largest heap in use before a collection, and the
#     largest left after one, from -Xlog:gc), and for the upload how the health checks fared;
#     prints a summary (also bench/target/fhir-import-memory.md) and deletes the data dir and the packet.
#
# Settings (environment variables): RESOURCES=100000, HEAP=256m, PORT=18091, BUILD=auto|always|never.
# See ../BENCHMARKS.md (section "FHIR import: memory").
set -euo pipefail
[[ -n "${TRACE:-}" ]] && set -x

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar"
RESOURCES="${RESOURCES:-100000}"
HEAP="${HEAP:-256m}"
PORT="${PORT:-18091}"
BUILD="${BUILD:-auto}"
BASE_URL="http://127.0.0.1:$PORT"
ADMIN_PASSWORD="bench-admin-$(date +%s)-$RANDOM"

log() { printf '[import-memory %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# the largest heap in use before a collection, and the largest left after one, in MB, from a -Xlog:gc file
peak() { sed -nE 's/.* ([0-9]+)M->([0-9]+)M\(([0-9]+)M\).*/\1 \2 \3/p' "$1" \
    | awk '{ if ($1 > b) b = $1; if ($2 > a) a = $2; if ($3 > c) c = $3 } END { printf "%d MB in use before a collection, %d MB left after one (heap grown to %d MB)", b, a, c }'; }

for tool in java mvn curl awk sed; do command -v "$tool" >/dev/null || die "$tool is required"; done

if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
        || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    log "building $JAR"
    (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
fi
[[ -f "$JAR" ]] || die "no jar at $JAR (BUILD=$BUILD)"
if curl -s -o /dev/null -m 2 "$BASE_URL/"; then die "something already answers on $BASE_URL; pick another PORT"; fi

WORK_DIR="$(mktemp -d -t relief-import-memory-XXXXXX)"
DATA_DIR="$WORK_DIR/data"
PACKET="$WORK_DIR/packet"
RUN_DIR="$BENCH_DIR/target"
mkdir -p "$RUN_DIR"
IMPORT_LOG="$RUN_DIR/import-memory-cli.log"
APP_LOG="$RUN_DIR/import-memory-app.log"
SUMMARY="$RUN_DIR/fhir-import-memory.md"
APP_PID=""
HEALTH_PID=""

stop_app() {
    [[ -n "$HEALTH_PID" ]] && kill "$HEALTH_PID" 2>/dev/null || true
    HEALTH_PID=""
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 90); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}
cleanup() { stop_app; rm -rf "$WORK_DIR"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

cp "$JAR" "$WORK_DIR/relief.jar"
ENV=(RELIEF_DATA_DIR="$DATA_DIR" RELIEF_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 RELIEF_ADMIN_PASSWORD="$ADMIN_PASSWORD"
     RELIEF_DEMO_PATIENTS=8 RELIEF_DEMO_LONG_HISTORY=false)

# ---------------------------------------------------------------- packet
log "generating a synthetic packet of $RESOURCES resources"
PACKET_LINE="$(java "$ROOT_DIR/src/test/java/org/relief/fhir/bulk/SyntheticPacket.java" "$PACKET" "$RESOURCES")"
PACKET_MB="$(du -sm "$PACKET" | cut -f1)"
log "$PACKET_LINE ($PACKET_MB MB)"

# ---------------------------------------------------------------- command-line import
log "command-line import under -Xmx$HEAP (log in $IMPORT_LOG)"
T0="$(now)"
set +e
env "${ENV[@]}" java -Xmx"$HEAP" -Xlog:gc:file="$WORK_DIR/gc-cli.log" -jar "$WORK_DIR/relief.jar" \
    --import="$PACKET" --import-as=dr.patel >"$IMPORT_LOG" 2>&1
RC=$?
set -e
CLI_WALL="$(elapsed "$T0" "$(now)")"
[[ $RC -eq 0 ]] || { tail -n 30 "$IMPORT_LOG" >&2; die "the import exited with $RC"; }
CLI_PROGRESS="$(grep -E '^  [0-9]+ / [0-9]+ resources' "$IMPORT_LOG" | tail -n 1 | sed 's/^ *//')"
CLI_PATIENTS="$(grep -m1 -E '^[0-9]+ patients imported' "$IMPORT_LOG")"
CLI_PEAK="$(peak "$WORK_DIR/gc-cli.log")"
log "command line: $CLI_PROGRESS; $CLI_PATIENTS; wall $CLI_WALL s; heap: $CLI_PEAK"

# ---------------------------------------------------------------- upload import into a running server
log "starting Relief under -Xmx$HEAP on $BASE_URL (log in $APP_LOG)"
env "${ENV[@]}" java -Xmx"$HEAP" -Xlog:gc:file="$WORK_DIR/gc-app.log" -jar "$WORK_DIR/relief.jar" >"$APP_LOG" 2>&1 &
APP_PID=$!
until curl -s -m 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$APP_LOG" >&2; die "the app exited during start-up"; }
    sleep 0.5
done
IDLE_PEAK="$(peak "$WORK_DIR/gc-app.log")"
(   # four health checks a second: status and time of each
    while true; do
        curl -s -o /dev/null -m 5 -w '%{http_code} %{time_total}\n' "$BASE_URL/actuator/health" || echo "000 5"
        sleep 0.25
    done
) >"$WORK_DIR/health.txt" 2>/dev/null &
HEALTH_PID=$!
JAR_COOKIES="$WORK_DIR/cookies.txt"
csrf() { curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE_URL$1" | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -n 1; }
TOKEN="$(csrf /login)"
curl -s -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "username=admin" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$TOKEN" "$BASE_URL/login"
TOKEN="$(csrf /admin/fhir-import)"
[[ -n "$TOKEN" ]] || die "could not sign in as admin"
FILES=()
for f in "$PACKET"/*.ndjson; do FILES+=(-F "files=@$f;filename=packet/$(basename "$f")"); done
log "uploading $PACKET_MB MB through /admin/fhir-import"
T1="$(now)"
LOCATION="$(curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" -F "_csrf=$TOKEN" \
    -F physician=dr.patel -F source=urn:bench:upload "${FILES[@]}" "$BASE_URL/admin/fhir-import")"
[[ "$LOCATION" == *"/admin/fhir-import/"* ]] || die "the upload was not accepted ($LOCATION)"
UPLOADED="$(elapsed "$T1" "$(now)")"
while true; do
    STATUS="$(curl -s -m 30 -b "$JAR_COOKIES" "$LOCATION/status" || true)"
    if grep -q 'import-done\|Stopped:' <<<"$STATUS"; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || die "the server died during the import"
    sleep 1
done
UPLOAD_WALL="$(elapsed "$T1" "$(now)")"
kill "$HEALTH_PID" 2>/dev/null || true
HEALTH_PID=""
UPLOAD_DONE="$(sed -nE 's/.*id="import-done"[^>]*>([^<]+)<.*/\1/p' <<<"$STATUS")"
grep -q 'Stopped:' <<<"$STATUS" && die "the upload import stopped: $(sed -nE 's/.*(Stopped:[^<]*).*/\1/p' <<<"$STATUS")"
UPLOAD_PROGRESS="$(grep -E 'FHIR import .*: [0-9]+ / [0-9]+ resources' "$APP_LOG" | tail -n 1 | sed -E 's/.*: ([0-9]+ \/ .*)/\1/')"
HEALTH="$(awk '{ n++; if ($1 != 200) bad++; if ($2 > max) max = $2; sum += $2 }
    END { printf "%d health checks, %d not 200 UP, slowest %.3f s, mean %.3f s", n, bad, max, (n ? sum / n : 0) }' \
    "$WORK_DIR/health.txt")"
APP_PEAK="$(peak "$WORK_DIR/gc-app.log")"
OOM="$(cat "$APP_LOG" "$IMPORT_LOG" | grep -c OutOfMemoryError || true)"
stop_app

SOURCE_REV="$(git -C "$ROOT_DIR" describe --always --dirty 2>/dev/null || echo unknown)"
{
    echo "## FHIR import memory $(date -u '+%Y-%m-%d %H:%M UTC') (source $SOURCE_REV, $(nproc) cores, -Xmx$HEAP)"
    echo
    echo "- packet: $PACKET_LINE ($PACKET_MB MB)"
    echo "- command-line import: $CLI_PROGRESS; $CLI_PATIENTS; command wall time $CLI_WALL s (with start-up)"
    echo "  - heap: $CLI_PEAK"
    echo "- server idle after start-up: heap $IDLE_PEAK"
    echo "- upload import: upload $UPLOADED s, upload + import $UPLOAD_WALL s; $UPLOAD_PROGRESS; $UPLOAD_DONE"
    echo "  - heap (whole server run): $APP_PEAK"
    echo "  - /actuator/health during the upload and import: $HEALTH"
    echo "- OutOfMemoryError in the logs: $OOM"
} | tee "$SUMMARY"
