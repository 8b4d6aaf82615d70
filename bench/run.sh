#!/usr/bin/env bash
# Relief HTTP load benchmark: one command, from anywhere (bench/run.sh or cd bench && ./run.sh).
#
#  1. builds the app jar if it is missing or older than the sources,
#  2. starts Relief on 127.0.0.1 with a throw-away data dir and 20,000 generated patients,
#     timing start-up and seeding,
#  3. looks up the ten-year-history patient,
#  4. runs the Gatling simulation (bench/src/test/java/relief/bench/ChartSimulation.java),
#  5. reads the app's resident memory after the load, stops the app, deletes the data dir,
#  6. prints a summary (also written to bench/target/bench-summary.md) from the Gatling HTML report.
#
# Settings (environment variables):
#   PORT=18080        HTTP port for the app (loopback only)
#   PATIENTS=20000    generated demo patients
#   USERS=32          concurrent virtual users
#   RAMP=10           seconds to ramp up to USERS
#   DURATION=60       seconds at full concurrency
#   BUILD=auto        auto: build the jar when missing or stale; always; never
#   JAVA_OPTS=-Xmx512m  JVM options for the app
#   RUNS=1            Gatling runs, one after the other against the same started app; with more than one the
#                     summary lists each run's req/s and their median (on a shared 2-core VM the mix moved by
#                     about 15 % from run to run: one run cannot show a change of a few per cent)
# See ../BENCHMARKS.md for what is measured and the latest figures.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar"

PORT="${PORT:-18080}"
PATIENTS="${PATIENTS:-20000}"
USERS="${USERS:-32}"
RAMP="${RAMP:-10}"
DURATION="${DURATION:-60}"
BUILD="${BUILD:-auto}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
RUNS="${RUNS:-1}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a whole number of at least 1 (got '$RUNS')" >&2; exit 2; }
ADMIN_PASSWORD="bench-admin-pass"
DEMO_PASSWORD="bench-demo-pass"
BASE_URL="http://127.0.0.1:$PORT"

STARTUP_TIMEOUT=900                         # seconds to wait for health UP and for seeding
GATLING_TIMEOUT=$((RAMP + DURATION + 900))  # includes a first-time Gatling download

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

for tool in java mvn curl python3 awk; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

# ---------------------------------------------------------------- 1. build
if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
        || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    log "building $JAR"
    (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
fi
[[ -f "$JAR" ]] || die "no jar at $JAR (BUILD=$BUILD)"

if curl -s -o /dev/null -m 2 "$BASE_URL/"; then
    die "something already answers on $BASE_URL; pick another PORT"
fi

# ---------------------------------------------------------------- 2. start the app
DATA_DIR="$(mktemp -d -t relief-bench-XXXXXX)"
RUN_DIR="$BENCH_DIR/target"
mkdir -p "$RUN_DIR"
APP_LOG="$RUN_DIR/app.log"
GATLING_LOG="$RUN_DIR/gatling.log"
SUMMARY="$RUN_DIR/bench-summary.md"
APP_PID=""

postmaster_pid() {
    local f="$DATA_DIR/postgres/postmaster.pid"
    [[ -f "$f" ]] && head -n 1 "$f" || true
}

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        # (the app's shutdown can hang for 30 s on a JDBC connection timeout after its database has stopped)
        for _ in $(seq 1 90); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$APP_PID" 2>/dev/null; then
            log "app did not stop in 45 s; killing pid $APP_PID"
            kill -KILL "$APP_PID" 2>/dev/null || true
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
    # the embedded PostgreSQL normally stops with the app; make sure it did before deleting its files
    local pg
    pg="$(postmaster_pid)"
    if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null; then
        log "stopping the leftover embedded PostgreSQL (pid $pg)"
        kill -TERM "$pg" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
    fi
}

cleanup() {
    stop_app
    [[ -n "${DATA_DIR:-}" && -d "$DATA_DIR" ]] && rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SOURCE_REV="$(git -C "$ROOT_DIR" describe --always --dirty 2>/dev/null || echo unknown)"
JAR_BUILT="$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"
# run a copy of the jar, so that a rebuild during the benchmark cannot pull it from under the running app
cp "$JAR" "$DATA_DIR/relief.jar"
log "starting Relief on $BASE_URL with $PATIENTS generated patients (data in $DATA_DIR, log in $APP_LOG)"
T0="$(now)"
RELIEF_DATA_DIR="$DATA_DIR" RELIEF_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
    RELIEF_DEMO_PATIENTS="$PATIENTS" RELIEF_ADMIN_PASSWORD="$ADMIN_PASSWORD" RELIEF_DEMO_PASSWORD="$DEMO_PASSWORD" \
    java $JAVA_OPTS -jar "$DATA_DIR/relief.jar" >"$APP_LOG" 2>&1 &
APP_PID=$!

HEALTH_SECONDS=""
SEEDED_SECONDS=""
while :; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$APP_LOG" >&2; die "the app exited during start-up"; }
    if [[ -z "$HEALTH_SECONDS" ]] && curl -s -m 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
        HEALTH_SECONDS="$(elapsed "$T0" "$(now)")"
        log "health UP after $HEALTH_SECONDS s"
    fi
    if [[ -z "$SEEDED_SECONDS" ]] && grep -q "Demo clinic seeded:" "$APP_LOG"; then
        SEEDED_SECONDS="$(elapsed "$T0" "$(now)")"
        log "seeding finished after $SEEDED_SECONDS s"
    fi
    [[ -n "$HEALTH_SECONDS" && -n "$SEEDED_SECONDS" ]] && break
    [[ "$(elapsed "$T0" "$(now)" | cut -d. -f1)" -lt "$STARTUP_TIMEOUT" ]] || die "not ready after $STARTUP_TIMEOUT s"
    sleep 0.2
done

STARTED_LINE="$(grep -m1 -o 'Started ReliefApplication in [0-9.]* seconds[^)]*)' "$APP_LOG" || true)"
STARTED_SECONDS="$(sed -n 's/.*Started ReliefApplication in \([0-9.]*\) seconds.*/\1/p' <<<"$STARTED_LINE")"
SEED_LINE="$(grep -m1 -o 'Demo clinic seeded: [0-9]* patients in [0-9]* ms' "$APP_LOG")"
SEED_MS="$(sed -n 's/.* in \([0-9]*\) ms/\1/p' <<<"$SEED_LINE")"
SEED_COUNT="$(sed -n 's/.*seeded: \([0-9]*\) patients.*/\1/p' <<<"$SEED_LINE")"
log "$STARTED_LINE; $SEED_LINE"
RSS_IDLE_MB="$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")"

# ---------------------------------------------------------------- 3. the ten-year-history patient
PATIENT_ID="$(curl -sf -m 30 -u "dr.patel:$DEMO_PASSWORD" "$BASE_URL/api/patients?q=tenyear" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')" \
    || die "could not find the ten-year-history patient"
log "ten-year-history patient: $PATIENT_ID"

# one single-user look at the two chart responses (size and time), for context; also checks the form sign-in
JAR_COOKIES="$DATA_DIR/cookies.txt"
CSRF="$(curl -s -m 30 -c "$JAR_COOKIES" "$BASE_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
curl -s -m 30 -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "username=dr.patel" \
    --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE_URL/login"
CHART_PAGE_PROBE="$(curl -s -m 60 -b "$JAR_COOKIES" -o /dev/null -w '%{http_code} %{size_download} %{time_total}' \
    "$BASE_URL/patients/$PATIENT_ID")"
CHART_JSON_PROBE="$(curl -s -m 60 -u "dr.patel:$DEMO_PASSWORD" -o /dev/null -w '%{http_code} %{size_download} %{time_total}' \
    "$BASE_URL/api/patients/$PATIENT_ID")"
log "first chart page: HTTP/size bytes/seconds $CHART_PAGE_PROBE; first chart json: $CHART_JSON_PROBE"
[[ "$CHART_PAGE_PROBE" == 200\ * ]] || die "form sign-in or chart page failed ($CHART_PAGE_PROBE)"

# ---------------------------------------------------------------- 4. load
rm -rf "$RUN_DIR/gatling"
GATLING_RC=0
for run in $(seq 1 "$RUNS"); do
    log "Gatling run $run of $RUNS: $USERS users, ${RAMP} s ramp + ${DURATION} s (output in $GATLING_LOG)"
    set +e
    (cd "$BENCH_DIR" && timeout --kill-after=30 "$GATLING_TIMEOUT" mvn -q -B test-compile gatling:test \
        -DbaseUrl="$BASE_URL" -DpatientId="$PATIENT_ID" -Dusername=dr.patel -Dpassword="$DEMO_PASSWORD" \
        -Dusers="$USERS" -Dramp="$RAMP" -Dduration="$DURATION") >"$GATLING_LOG" 2>&1
    rc=$?
    set -e
    [[ $rc -eq 0 ]] || { tail -n 60 "$GATLING_LOG" >&2; log "Gatling exited with $rc"; GATLING_RC=$rc; }
done

# ---------------------------------------------------------------- 5. memory, stop
RSS_MB="$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")"
HWM_MB="$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")"
PG_PID="$(postmaster_pid)"
PG_MB=""
if [[ -n "$PG_PID" ]]; then
    # the embedded PostgreSQL is separate processes (postmaster and its children); PSS shares shared_buffers fairly
    PG_MB="$(for p in "$PG_PID" $(cat "/proc/$PG_PID/task/$PG_PID/children" 2>/dev/null); do
                 cat "/proc/$p/smaps_rollup" 2>/dev/null
             done | awk '/^Pss:/ { kb += $2 } END { printf "%.0f", kb / 1024 }')"
fi
stop_app

# ---------------------------------------------------------------- 6. summary
REPORT="$(ls -1d "$RUN_DIR"/gatling/*/index.html 2>/dev/null | tail -n 1 || true)"
{
    echo "## Relief benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), $(uname -sr)"
    echo "- source at launch: $SOURCE_REV, jar built $JAR_BUILT"
    echo "- app: $PATIENTS generated patients (+1 ten-year history), $JAVA_OPTS, http on 127.0.0.1:$PORT"
    echo "- load: $USERS concurrent users, ${RAMP} s ramp + ${DURATION} s, no think time"
    echo
    echo "| measure | value |"
    echo "|---|---|"
    echo "| start-up, 'Started ReliefApplication in' | ${STARTED_SECONDS:-?} s |"
    echo "| start-up, wall time until /actuator/health UP | ${HEALTH_SECONDS} s |"
    echo "| seeding $SEED_COUNT patients (log) | $(awk -v ms="$SEED_MS" 'BEGIN { printf "%.1f", ms / 1000 }') s |"
    echo "| wall time from launch until seeded | ${SEEDED_SECONDS} s |"
    echo "| app RSS (java VmRSS) after seeding, before load | ${RSS_IDLE_MB} MiB |"
    echo "| app RSS (java VmRSS) after load | ${RSS_MB} MiB (peak VmHWM ${HWM_MB} MiB) |"
    echo "| embedded PostgreSQL processes after load (PSS) | ${PG_MB:-?} MiB |"
    read -r _ PAGE_BYTES PAGE_SECONDS <<<"$CHART_PAGE_PROBE"
    read -r _ JSON_BYTES JSON_SECONDS <<<"$CHART_JSON_PROBE"
    echo "| ten-year chart page, first request alone | $((PAGE_BYTES / 1024)) KiB in ${PAGE_SECONDS} s |"
    echo "| ten-year chart json, first request alone | $((JSON_BYTES / 1024)) KiB in ${JSON_SECONDS} s |"
    echo
    if [[ -n "$REPORT" ]]; then
        # Gatling 3.15 writes no stats.json; read the statistics table of the HTML report
        python3 - "$REPORT" <<'PY'
import html, re, sys

page = open(sys.argv[1], encoding="utf-8").read()
labels = {m.group(1): re.sub(r"<[^>]+>", "", m.group(2)).strip()
          for m in re.finditer(r'<th id="(col-\d+)"[^>]*>(.*?)</th>', page)}
wanted = [("Total", "count"), ("KO", "KO"), ("50th pct", "p50 ms"), ("95th pct", "p95 ms"),
          ("99th pct", "p99 ms"), ("Max", "max ms"), ("Cnt/s", "req/s")]
print("| request | " + " | ".join(title for _, title in wanted) + " |")
print("|---|" + "---:|" * len(wanted))
for row in re.finditer(r'<tr id="[^"]+"[^>]*>(.*?)</tr>', page, re.S):
    name = re.search(r'class="ellipsed-name">(.*?)</span>', row.group(1))
    if not name:
        continue
    cells = {c: v.strip() for c, v in re.findall(r'<td class="value [a-z]+ (col-\d+)">([^<]*)</td>', row.group(1))}
    values = {labels.get(c): v for c, v in cells.items()}
    print("| " + html.unescape(name.group(1)) + " | "
          + " | ".join(values.get(label, "?") for label, _ in wanted) + " |")
PY
        echo
        echo "(percentiles of all requests, OK and KO; req/s averaged over the whole run, ramp included)"
        echo
        if [[ "$RUNS" -gt 1 ]]; then
            echo "The table is the last of $RUNS runs against the same app. All requests, req/s, run by run:"
            echo
            python3 - "$RUN_DIR"/gatling/*/index.html <<'PY'
import re, statistics, sys

rates = []
for report in sys.argv[1:]:
    page = open(report, encoding="utf-8").read()
    labels = {m.group(1): re.sub(r"<[^>]+>", "", m.group(2)).strip()
              for m in re.finditer(r'<th id="(col-\d+)"[^>]*>(.*?)</th>', page)}
    rate = None
    for row in re.finditer(r'<tr id="[^"]+"[^>]*>(.*?)</tr>', page, re.S):
        name = re.search(r'class="ellipsed-name">(.*?)</span>', row.group(1))
        if name and name.group(1).strip() == "All Requests":
            cells = dict(re.findall(r'<td class="value [a-z]+ (col-\d+)">([^<]*)</td>', row.group(1)))
            rate = next((float(v) for c, v in cells.items() if labels.get(c) == "Cnt/s"), None)
    if rate is not None:
        rates.append(rate)
print("| run | req/s |")
print("|---:|---:|")
for i, r in enumerate(rates, 1):
    print(f"| {i} | {r:.1f} |")
if rates:
    print(f"| median | {statistics.median(rates):.1f} |")
PY
            echo
        fi
        echo "Gatling report: $REPORT"
    else
        echo "No Gatling report found; see $GATLING_LOG"
    fi
    echo "App log: $APP_LOG"
} >"$SUMMARY"

echo
cat "$SUMMARY"
exit "$GATLING_RC"
