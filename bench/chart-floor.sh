#!/usr/bin/env bash
# The ten-year chart's floor (issue 16), one command: the SQL statements the chart JSON of the ten-year-history
# patient runs, timed alone over JDBC (JMH), beside the chart JSON over loopback, one user, warm; prints both and
# their ratio (aim: the chart JSON within 3x of its SQL).
#
#  1. builds the app jar if it is missing or older than the sources (as bench/run.sh),
#  2. starts Relief on 127.0.0.1 with a throw-away data dir and 20,000 generated patients (as bench/run.sh),
#  3. runs the JMH benchmark src/test/java/org/relief/bench/ChartFloorBenchmark.java against it: chartSql (the
#     floor), chartSqlWithSession (the floor plus the browser session's statements) and chartJson, in one JVM,
#  4. stops the app, deletes the data dir, prints the figures (also in bench/target/chart-floor.md).
#
# Settings (environment): PORT=18090, PATIENTS=20000, BUILD=auto|always|never, JAVA_OPTS=-Xmx512m, WARMUP=3000,
# JMH="-f 1 -wi 5 -w 2s -i 5 -r 2s" (JMH options). To time an app that already runs instead, set BASE_URL, JDBC_URL
# and DB_PASSWORD (the relief_app role's, from the data dir's postgres-credentials.properties).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar"
PORT="${PORT:-18090}"
PATIENTS="${PATIENTS:-20000}"
BUILD="${BUILD:-auto}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
JMH_OPTS="${JMH:--f 1 -wi 5 -w 2s -i 5 -r 2s}"
DEMO_PASSWORD="bench-demo-pass"
RUN_DIR="$BENCH_DIR/target"
mkdir -p "$RUN_DIR"

log() { printf '[chart-floor %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

APP_PID=""
DATA_DIR=""
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 90); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    if [[ -n "$DATA_DIR" && -f "$DATA_DIR/postgres/postmaster.pid" ]]; then
        pg="$(head -n 1 "$DATA_DIR/postgres/postmaster.pid")"
        if kill -0 "$pg" 2>/dev/null; then
            kill -TERM "$pg" 2>/dev/null || true
            for _ in $(seq 1 20); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
        fi
    fi
    [[ -n "$DATA_DIR" && -d "$DATA_DIR" ]] && rm -rf "$DATA_DIR"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "${BASE_URL:-}" ]]; then
    if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
            || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
        log "building $JAR"
        (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
    fi
    [[ -f "$JAR" ]] || die "no jar at $JAR (BUILD=$BUILD)"
    BASE_URL="http://127.0.0.1:$PORT"
    if curl -s -o /dev/null -m 2 "$BASE_URL/"; then
        die "something already answers on $BASE_URL; pick another PORT"
    fi
    DATA_DIR="$(mktemp -d -t relief-floor-XXXXXX)"
    cp "$JAR" "$DATA_DIR/relief.jar"
    APP_LOG="$RUN_DIR/chart-floor-app.log"
    log "starting Relief on $BASE_URL with $PATIENTS generated patients (log in $APP_LOG)"
    RELIEF_DATA_DIR="$DATA_DIR" RELIEF_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
        RELIEF_DEMO_PATIENTS="$PATIENTS" RELIEF_ADMIN_PASSWORD="bench-admin-pass" RELIEF_DEMO_PASSWORD="$DEMO_PASSWORD" \
        java $JAVA_OPTS -jar "$DATA_DIR/relief.jar" >"$APP_LOG" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 900); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$APP_LOG" >&2; die "the app exited during start-up"; }
        grep -q "Demo clinic seeded:" "$APP_LOG" && break
        sleep 1
    done
    grep -q "Demo clinic seeded:" "$APP_LOG" || die "not seeded after 900 s"
    PG_PORT="$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$APP_LOG" | head -n 1)"
    JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
    DB_PASSWORD="$(sed -n 's/^app-password=//p' "$DATA_DIR/postgres-credentials.properties")"
fi
: "${JDBC_URL:?set JDBC_URL}" "${DB_PASSWORD:?set DB_PASSWORD}"

# warm the app's JIT on the chart JSON path first (JMH's own warm-up is 10 s): WARMUP requests, 2 at a time, signed in
WARMUP="${WARMUP:-3000}"
COOKIES="$(mktemp)"
CSRF="$(curl -s -m 30 -c "$COOKIES" "$BASE_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
curl -s -m 30 -b "$COOKIES" -c "$COOKIES" -o /dev/null --data-urlencode "username=dr.patel" \
    --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE_URL/login"
PATIENT_ID="$(curl -sf -m 30 -b "$COOKIES" "$BASE_URL/api/patients?q=tenyear" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')" || die "could not find the ten-year-history patient"
log "warming up: $WARMUP chart JSON requests for $PATIENT_ID"
for _ in $(seq 1 "$WARMUP"); do echo "$BASE_URL/api/patients/$PATIENT_ID"; done \
    | xargs -P 2 -n 1 curl -s -m 30 -b "$COOKIES" -o /dev/null
rm -f "$COOKIES"

log "JMH: ChartFloorBenchmark ($JMH_OPTS) against $BASE_URL and $JDBC_URL"
(cd "$ROOT_DIR" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test >/dev/null)
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
RESULT="$RUN_DIR/chart-floor.json"
# shellcheck disable=SC2086
java -cp "$ROOT_DIR/target/test-classes:$ROOT_DIR/target/classes:$(cat "$ROOT_DIR/target/test-classpath.txt")" \
    org.openjdk.jmh.Main ChartFloorBenchmark $JMH_OPTS \
    -p baseUrl="$BASE_URL" -p jdbcUrl="$JDBC_URL" -p dbPassword="$DB_PASSWORD" -p password="$DEMO_PASSWORD" \
    -rf json -rff "$RESULT" >"$RUN_DIR/chart-floor-jmh.log" 2>&1 || { tail -n 40 "$RUN_DIR/chart-floor-jmh.log" >&2; die "JMH failed"; }
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$RESULT" "$LOAD_BEFORE" "$LOAD_AFTER" "$(git -C "$ROOT_DIR" describe --always --dirty 2>/dev/null || echo unknown)" \
    >"$RUN_DIR/chart-floor.md" <<'PY'
import json, sys
results = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
def ms(name):
    m = results[name]
    return "%.2f ms +- %.2f" % (m["score"], m["scoreError"]) if m["scoreError"] == m["scoreError"] else "%.2f ms" % m["score"]
floor, session, chart = (results[n]["score"] for n in ("chartSql", "chartSqlWithSession", "chartJson"))
print("## Ten-year chart floor (bench/chart-floor.sh), source %s" % sys.argv[4])
print()
print("| measure (one user, warm, JMH average time per request) | value |")
print("|---|---:|")
print("| floor: the chart JSON's SQL statements alone over JDBC | %s |" % ms("chartSql"))
print("| the same plus the browser session's statements | %s |" % ms("chartSqlWithSession"))
print("| chart JSON over loopback (session cookie) | %s |" % ms("chartJson"))
print("| **ratio chart JSON / floor** (aim: at most 3) | **%.2f** |" % (chart / floor))
print("| ratio chart JSON / floor with the session's statements | %.2f |" % (chart / session))
print()
print("load average before / after: %s / %s" % (sys.argv[2], sys.argv[3]))
PY
cat "$RUN_DIR/chart-floor.md"
