#!/usr/bin/env bash
# Relief FHIR benchmark: one command (bench/fhir-import.sh).
#
#  1. builds the app jar if it is missing or older than the sources,
#  2. generates a FHIR Bulk Data packet of at least RESOURCES resources by replicating
#     ../shared/fhir-samples/synthea-bulk-7 with fresh ids (bench/fhir/FhirPacket.java),
#  3. imports it into a throw-away data dir with the --import command and reports resources per second
#     (the import's own figure: reading, parsing, checking and writing; and the command's wall time, which
#     adds start-up and seeding the demo clinic),
#  4. starts Relief on that data dir and measures GET /fhir/Patient/{id}/$everything of the ten-year-history
#     patient (Morgan Tenyear) with a small bounded loopback load (bench/fhir/EverythingLoad.java),
#  5. stops the app and deletes the data dir and the packet; prints a summary (also bench/target/fhir-summary.md).
#
# Settings (environment variables):
#   RESOURCES=100000   at least this many resources in the packet
#   VALIDATE=structural  RELIEF_FHIR_IMPORT_VALIDATE for the import (structural, full, none)
#   THREADS=4          concurrent clients of $everything;  REQUESTS=400, WARMUP=50
#   PORT=18090         HTTP port for the app (loopback only)
#   BUILD=auto         auto: build the jar when missing or stale; always; never
#   JAVA_OPTS=-Xmx1g   JVM options for the app
# See ../BENCHMARKS.md (section FHIR) for the figures.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar"
SAMPLE="${SAMPLE:-$ROOT_DIR/../shared/fhir-samples/synthea-bulk-7}"
RESOURCES="${RESOURCES:-100000}"
VALIDATE="${VALIDATE:-structural}"
THREADS="${THREADS:-4}"
REQUESTS="${REQUESTS:-400}"
WARMUP="${WARMUP:-50}"
PORT="${PORT:-18090}"
BUILD="${BUILD:-auto}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
TOKEN="bench-fhir-token-$(date +%s)"
BASE_URL="http://127.0.0.1:$PORT"

log() { printf '[fhir-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

for tool in java mvn curl python3 awk; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
[[ -f "$SAMPLE/Patient.000.ndjson" ]] || die "no Synthea sample at $SAMPLE"

if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
        || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    log "building $JAR"
    (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
fi
[[ -f "$JAR" ]] || die "no jar at $JAR (BUILD=$BUILD)"
if curl -s -o /dev/null -m 2 "$BASE_URL/"; then
    die "something already answers on $BASE_URL; pick another PORT"
fi

WORK_DIR="$(mktemp -d -t relief-fhir-bench-XXXXXX)"
DATA_DIR="$WORK_DIR/data"
PACKET="$WORK_DIR/packet"
RUN_DIR="$BENCH_DIR/target"
mkdir -p "$RUN_DIR"
IMPORT_LOG="$RUN_DIR/fhir-import.log"
APP_LOG="$RUN_DIR/fhir-app.log"
SUMMARY="$RUN_DIR/fhir-summary.md"
APP_PID=""

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 90); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
    local f="$DATA_DIR/postgres/postmaster.pid" pg
    if [[ -f "$f" ]]; then
        pg="$(head -n 1 "$f")"
        if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null; then
            kill -TERM "$pg" 2>/dev/null || true
            for _ in $(seq 1 20); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
        fi
    fi
}
cleanup() {
    stop_app
    rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cp "$JAR" "$WORK_DIR/relief.jar"

# ---------------------------------------------------------------- packet
log "generating a packet of at least $RESOURCES resources from $SAMPLE"
PACKET_LINE="$(java "$BENCH_DIR/fhir/FhirPacket.java" "$SAMPLE" "$PACKET" "$RESOURCES")"
log "$PACKET_LINE"
PACKET_MB="$(du -sm "$PACKET" | cut -f1)"

# ---------------------------------------------------------------- import
log "importing with --import (validation: $VALIDATE; log in $IMPORT_LOG)"
T0="$(now)"
set +e
RELIEF_DATA_DIR="$DATA_DIR" RELIEF_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 RELIEF_FHIR_IMPORT_VALIDATE="$VALIDATE" \
    RELIEF_DEMO_API_TOKEN="$TOKEN" java $JAVA_OPTS -jar "$WORK_DIR/relief.jar" --import="$PACKET" --import-as=dr.patel \
    >"$IMPORT_LOG" 2>&1
IMPORT_RC=$?
set -e
IMPORT_WALL="$(elapsed "$T0" "$(now)")"
[[ $IMPORT_RC -eq 0 ]] || { tail -n 30 "$IMPORT_LOG" >&2; die "the import exited with $IMPORT_RC"; }
LAST_PROGRESS="$(grep -E '^  [0-9]+ / [0-9]+ resources' "$IMPORT_LOG" | tail -n 1 | sed 's/^ *//')"
IMPORT_RATE="$(sed -n 's/.*(\([0-9]*\) per second.*/\1/p' <<<"$LAST_PROGRESS")"
IMPORTED_LINE="$(grep -m1 -o 'FHIR import of .* finished: .*' "$IMPORT_LOG" | sed 's/FHIR import of [^ ]* //')"
PATIENTS_LINE="$(grep -m1 -E '^[0-9]+ patients imported' "$IMPORT_LOG")"
log "import: $LAST_PROGRESS; $PATIENTS_LINE; $IMPORTED_LINE; command wall time $IMPORT_WALL s"

# ---------------------------------------------------------------- $everything
log "starting Relief on $BASE_URL (log in $APP_LOG)"
RELIEF_DATA_DIR="$DATA_DIR" RELIEF_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 RELIEF_DEMO_API_TOKEN="$TOKEN" \
    java $JAVA_OPTS -jar "$WORK_DIR/relief.jar" >"$APP_LOG" 2>&1 &
APP_PID=$!
T1="$(now)"
until curl -s -m 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$APP_LOG" >&2; die "the app exited during start-up"; }
    [[ "$(elapsed "$T1" "$(now)" | cut -d. -f1)" -lt 600 ]] || die "not ready after 600 s"
    sleep 0.5
done
PATIENT_ID="$(curl -sf -m 30 -H "Authorization: Bearer $TOKEN" "$BASE_URL/fhir/Patient?name=tenyear" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["entry"][0]["resource"]["id"])')" \
    || die "could not find the ten-year-history patient"
EVERYTHING_URL="$BASE_URL/fhir/Patient/$PATIENT_ID/\$everything"
RESOURCES_IN_BUNDLE="$(curl -sf -m 60 -H "Authorization: Bearer $TOKEN" "$EVERYTHING_URL" \
    | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["entry"]))')"
log "ten-year-history patient $PATIENT_ID: \$everything has $RESOURCES_IN_BUNDLE resources"
log "load: $THREADS threads, $REQUESTS requests after $WARMUP warm-up requests"
LOAD_LINE="$(java "$BENCH_DIR/fhir/EverythingLoad.java" "$EVERYTHING_URL" "$TOKEN" "$THREADS" "$REQUESTS" "$WARMUP")"
log "$LOAD_LINE"
stop_app

SOURCE_REV="$(git -C "$ROOT_DIR" describe --always --dirty 2>/dev/null || echo unknown)"
{
    echo "## FHIR benchmark $(date -u '+%Y-%m-%d %H:%M UTC') (source $SOURCE_REV, $(nproc) cores)"
    echo
    echo "- packet: $PACKET_LINE ($PACKET_MB MB)"
    echo "- import (validation $VALIDATE): $LAST_PROGRESS; $PATIENTS_LINE; $IMPORTED_LINE"
    echo "- import command wall time, with start-up and demo seeding: $IMPORT_WALL s"
    echo "- \$everything of the ten-year-history patient ($RESOURCES_IN_BUNDLE resources): $LOAD_LINE"
} | tee "$SUMMARY"
