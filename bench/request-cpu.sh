#!/usr/bin/env bash
# CPU per request of the Gatling mix's four requests, in the app and in its PostgreSQL: a steadier measure of a
# change than the mix's req/s, which moves by about 15 % from run to run on a shared 2-core VM.
# One command, from anywhere (bench/request-cpu.sh or cd bench && ./request-cpu.sh).
#
#  1. builds the jar when missing or stale (like run.sh), or takes JAR=...; starts it on 127.0.0.1 with a fresh data
#     dir and PATIENTS generated patients (the ten-year-history patient among them),
#  2. signs dr.patel in through the login form (a session cookie, as the Gatling mix does),
#  3. for each request of the mix (chart page, chart JSON, search fragment, search JSON): WARMUP requests with `hey`,
#     then ROUNDS rounds of REQUESTS requests at CONCURRENCY users, reading the CPU time (user + system, /proc) of the
#     app's JVM and of all its PostgreSQL processes before and after each round,
#  4. prints per request: app ms, PostgreSQL ms and req/s of each round, and the last round's sum over the four
#     (also in bench/target/request-cpu.md); stops the app and deletes the data dir.
#
# Settings (environment variables):
#   JAR=target/relief-0.1.0-SNAPSHOT.jar   the jar to measure (BUILD applies only to the default jar)
#   BUILD=auto   auto: build the default jar when missing or stale; always; never
#   PATIENTS=2000  PORT=18095  JAVA_OPTS=-Xmx512m
#   WARMUP=3000  REQUESTS=3000  ROUNDS=3  CONCURRENCY=4
# The JIT is still compiling during the first rounds: compare the last round of two jars, each started alike.
# See ../BENCHMARKS.md ("32 users, the Gatling mix") for figures.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
DEFAULT_JAR="$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar"
JAR="${JAR:-$DEFAULT_JAR}"
BUILD="${BUILD:-auto}"
PATIENTS="${PATIENTS:-2000}"
PORT="${PORT:-18095}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
WARMUP="${WARMUP:-3000}"
REQUESTS="${REQUESTS:-3000}"
ROUNDS="${ROUNDS:-3}"
CONCURRENCY="${CONCURRENCY:-4}"
DEMO_PASSWORD="cpu-demo-pass"
BASE_URL="http://127.0.0.1:$PORT"
STARTUP_TIMEOUT=600

log() { printf '[request-cpu %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in java mvn curl python3 awk hey; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
for n in "$PATIENTS" "$WARMUP" "$REQUESTS" "$ROUNDS" "$CONCURRENCY"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "PATIENTS, WARMUP, REQUESTS, ROUNDS and CONCURRENCY must be whole numbers (got '$n')"
done

if [[ "$JAR" == "$DEFAULT_JAR" ]] && { [[ "$BUILD" == always || ! -f "$JAR" ]] \
        || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; }; then
    log "building $JAR"
    (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
fi
[[ -f "$JAR" ]] || die "no jar at $JAR"
if curl -s -o /dev/null -m 2 "$BASE_URL/"; then
    die "something already answers on $BASE_URL; pick another PORT"
fi

DATA_DIR="$(mktemp -d -t relief-cpu-XXXXXX)"
mkdir -p "$BENCH_DIR/target"
APP_LOG="$BENCH_DIR/target/request-cpu-app.log"
SUMMARY="$BENCH_DIR/target/request-cpu.md"
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cp "$JAR" "$DATA_DIR/relief.jar"
log "starting $JAR with $PATIENTS patients on $BASE_URL"
RELIEF_DATA_DIR="$DATA_DIR/data" RELIEF_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 RELIEF_DEMO_PATIENTS="$PATIENTS" \
    RELIEF_ADMIN_PASSWORD=cpu-admin-pass RELIEF_DEMO_PASSWORD="$DEMO_PASSWORD" \
    java $JAVA_OPTS -jar "$DATA_DIR/relief.jar" >"$APP_LOG" 2>&1 &
APP_PID=$!
start=$SECONDS
until grep -q "Demo clinic seeded:" "$APP_LOG" 2>/dev/null \
        && curl -s -m 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$APP_LOG" >&2; die "the app exited during start-up"; }
    (( SECONDS - start < STARTUP_TIMEOUT )) || die "not ready after $STARTUP_TIMEOUT s"
    sleep 0.5
done
PG_PID="$(head -n 1 "$DATA_DIR/data/postgres/postmaster.pid")"

PATIENT_ID="$(curl -sf -m 30 -u "dr.patel:$DEMO_PASSWORD" "$BASE_URL/api/patients?q=tenyear" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')" || die "no ten-year-history patient"
COOKIES="$DATA_DIR/cookies.txt"
CSRF="$(curl -s -m 30 -c "$COOKIES" "$BASE_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
curl -s -m 30 -b "$COOKIES" -c "$COOKIES" -o /dev/null --data-urlencode "username=dr.patel" \
    --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE_URL/login"
SESSION="$(awk '$6 == "SESSION" { print $7 }' "$COOKIES")"
[[ -n "$SESSION" ]] || die "form sign-in gave no session cookie"

# CPU ticks (user + system) of the app and of the postmaster with all its children
ticks() {
    local app pg=0 p
    app="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")"
    for p in "$PG_PID" $(pgrep -P "$PG_PID" || true); do
        pg=$((pg + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$app $pg"
}
HZ="$(getconf CLK_TCK)"

NAMES=("chart page" "chart json" "search page" "search json")
ARGS=("-H|Accept: text/html|$BASE_URL/patients/$PATIENT_ID"
      "-H|Accept: application/json|$BASE_URL/api/patients/$PATIENT_ID"
      "-H|HX-Request: true|$BASE_URL/patients?q=Rossi"
      "-H|Accept: application/json|$BASE_URL/api/patients?q=Rossi")
declare -A LAST_APP LAST_PG
{
    echo "# CPU per request, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- jar: $JAR ($(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')); $PATIENTS patients; $JAVA_OPTS"
    echo "- $CONCURRENCY users, $WARMUP warm-up requests, then $ROUNDS rounds of $REQUESTS requests each; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| request | round | app ms / request | PostgreSQL ms / request | req/s |"
    echo "|---|---:|---:|---:|---:|"
} >"$SUMMARY"
for i in "${!NAMES[@]}"; do
    IFS='|' read -r flag header url <<<"${ARGS[$i]}"
    log "${NAMES[$i]}: $WARMUP warm-up requests"
    hey -n "$WARMUP" -c "$CONCURRENCY" -H "Cookie: SESSION=$SESSION" "$flag" "$header" "$url" >/dev/null
    for round in $(seq 1 "$ROUNDS"); do
        read -r a0 p0 < <(ticks)
        out="$(hey -n "$REQUESTS" -c "$CONCURRENCY" -H "Cookie: SESSION=$SESSION" "$flag" "$header" "$url")"
        read -r a1 p1 < <(ticks)
        ok="$(awk '/\[200\]/ { print $2 }' <<<"$out")"
        [[ "$ok" == "$REQUESTS" ]] || die "${NAMES[$i]}: only ${ok:-0} of $REQUESTS answered 200"
        rate="$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
        app="$(awk -v d=$((a1 - a0)) -v n="$REQUESTS" -v hz="$HZ" 'BEGIN { printf "%.2f", d * 1000 / hz / n }')"
        pg="$(awk -v d=$((p1 - p0)) -v n="$REQUESTS" -v hz="$HZ" 'BEGIN { printf "%.2f", d * 1000 / hz / n }')"
        LAST_APP[$i]=$app
        LAST_PG[$i]=$pg
        echo "| ${NAMES[$i]} | $round | $app | $pg | $rate |" >>"$SUMMARY"
    done
done
sum() { local s=0 v; for v in "$@"; do s="$(awk -v a="$s" -v b="$v" 'BEGIN { printf "%.2f", a + b }')"; done; echo "$s"; }
APP_SUM="$(sum "${LAST_APP[@]}")"
PG_SUM="$(sum "${LAST_PG[@]}")"
{
    echo
    echo "Last round, the four requests of one Gatling loop together: app $APP_SUM ms + PostgreSQL $PG_SUM ms = $(sum "$APP_SUM" "$PG_SUM") ms of CPU."
} >>"$SUMMARY"
cat "$SUMMARY"
