#!/usr/bin/env bash
# Relief scale benchmark: how seeding, start-up, patient search and the physician's dashboard grow with the clinic.
# One command, from anywhere (bench/scale.sh or cd bench && ./scale.sh).
#
# For each size in SIZES:
#  1. starts the built jar (built first when missing or stale, like run.sh) on 127.0.0.1 with a fresh data dir and
#     that many generated patients; times seeding (from the log) and launch to /actuator/health UP,
#  2. stops it and starts it AGAIN on the same, now seeded, data dir: the restart time of an existing clinic,
#  3. counts dr.patel's patients (her care teams) and EXPLAIN ANALYZEs the search and dashboard queries with psql
#     (written to bench/target/scale-explain-<size>.txt),
#  4. signs in through the login form (a session cookie, as a browser and the Gatling simulation do: HTTP Basic would
#     pay a BCrypt check per request) and measures with `hey`, single user and with CONCURRENCY users:
#       - search JSON      GET /api/patients?q=<family name>
#       - search fragment  GET /patients?q=<family name> with HX-Request (what the search box asks as one types)
#       - MRN search       GET /api/patients?q=<record number> (the search matches whole record numbers)
#       - dashboard        GET /  (dr.patel's patients by step)
#  5. stops the app and deletes the data dir.
# Then prints a table (also written to bench/target/scale-summary.md) with each p95 against the first size's.
#
# Settings (environment variables):
#   SIZES="20000 50000 100000"  generated demo patients per run
#   PORT=18090                  HTTP port (loopback only)
#   REQUESTS=100                requests per endpoint, single user
#   CONCURRENCY=4  CREQUESTS=400  users and requests per endpoint, concurrent
#   BUILD=auto                  auto: build the jar when missing or stale; always; never
#   JAVA_OPTS=-Xmx512m          JVM options for the app
#   DB_RUNS=15                  EXPLAIN ANALYZE runs per query for the database's own median time
#   JFR=0                       1: record a Java Flight Recording of each run (bench/target/scale-<size>-{fresh,restart}.jfr)
# See ../BENCHMARKS.md ("Scale") for what is measured and the latest figures.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar"

SIZES="${SIZES:-20000 50000 100000}"
PORT="${PORT:-18090}"
REQUESTS="${REQUESTS:-100}"
CONCURRENCY="${CONCURRENCY:-4}"
CREQUESTS="${CREQUESTS:-400}"
BUILD="${BUILD:-auto}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
JFR="${JFR:-0}"
DB_RUNS="${DB_RUNS:-15}"
ADMIN_PASSWORD="scale-admin-pass"
DEMO_PASSWORD="scale-demo-pass"
BASE_URL="http://127.0.0.1:$PORT"
STARTUP_TIMEOUT=900   # seconds to wait for health UP and for seeding
HEY_TIMEOUT=600       # seconds for one hey run

log() { printf '[scale %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
load1() { cut -d' ' -f1 /proc/loadavg; }

for tool in java mvn curl python3 awk hey psql; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

# ---------------------------------------------------------------- build
if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
        || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    log "building $JAR"
    (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
fi
[[ -f "$JAR" ]] || die "no jar at $JAR (BUILD=$BUILD)"
if curl -s -o /dev/null -m 2 "$BASE_URL/"; then
    die "something already answers on $BASE_URL; pick another PORT"
fi

RUN_DIR="$BENCH_DIR/target"
mkdir -p "$RUN_DIR"
SUMMARY="$RUN_DIR/scale-summary.md"
RESULTS="$RUN_DIR/scale-results.tsv"
: >"$RESULTS"
DATA_DIR=""
APP_PID=""
APP_LOG=""
JAR_COPY="$(mktemp -t relief-scale-XXXXXX.jar)"
# run a copy of the jar, so that a rebuild during the benchmark cannot pull it from under the running app
cp "$JAR" "$JAR_COPY"

postmaster_pid() {
    local f="$DATA_DIR/postgres/postmaster.pid"
    [[ -n "$DATA_DIR" && -f "$f" ]] && head -n 1 "$f" || true
}

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
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
    local pg
    pg="$(postmaster_pid)"
    if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null; then
        log "stopping the leftover embedded PostgreSQL (pid $pg)"
        kill -TERM "$pg" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
    fi
}

cleanup() {
    stop_app
    [[ -n "${DATA_DIR:-}" && -d "$DATA_DIR" ]] && rm -rf "$DATA_DIR"
    rm -f "$JAR_COPY"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_app SIZE LABEL: starts the app on $DATA_DIR, waits for health UP (and, on a fresh dir, for seeding);
# sets HEALTH_SECONDS, STARTED_SECONDS, SEED_SECONDS
start_app() {
    local size="$1" label="$2" jfr_opts=""
    APP_LOG="$RUN_DIR/scale-app-$size-$label.log"
    if [[ "$JFR" == 1 ]]; then
        jfr_opts="-XX:StartFlightRecording=filename=$RUN_DIR/scale-$size-$label.jfr,settings=profile,dumponexit=true"
    fi
    local t0
    t0="$(now)"
    # shellcheck disable=SC2086
    RELIEF_DATA_DIR="$DATA_DIR" RELIEF_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
        RELIEF_DEMO_PATIENTS="$size" RELIEF_ADMIN_PASSWORD="$ADMIN_PASSWORD" RELIEF_DEMO_PASSWORD="$DEMO_PASSWORD" \
        java $JAVA_OPTS $jfr_opts -jar "$JAR_COPY" >"$APP_LOG" 2>&1 &
    APP_PID=$!
    HEALTH_SECONDS=""
    SEED_SECONDS=""
    while :; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$APP_LOG" >&2; die "the app exited during start-up"; }
        if curl -s -m 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
            HEALTH_SECONDS="$(elapsed "$t0" "$(now)")"
            break
        fi
        [[ "$(elapsed "$t0" "$(now)" | cut -d. -f1)" -lt "$STARTUP_TIMEOUT" ]] || die "not healthy after $STARTUP_TIMEOUT s"
        sleep 0.2
    done
    STARTED_SECONDS="$(sed -n 's/.*Started ReliefApplication in \([0-9.]*\) seconds.*/\1/p' "$APP_LOG" | head -n 1)"
    local seed_ms
    seed_ms="$(sed -n 's/.*Demo clinic seeded: [0-9]* patients in \([0-9]*\) ms.*/\1/p' "$APP_LOG" | head -n 1)"
    [[ -n "$seed_ms" ]] && SEED_SECONDS="$(awk -v ms="$seed_ms" 'BEGIN { printf "%.1f", ms / 1000 }')"
    log "$label start: health UP after $HEALTH_SECONDS s ('Started' ${STARTED_SECONDS:-?} s, seeding ${SEED_SECONDS:--} s, load $(load1))"
}

# measure NAME CONC COUNT URL [HEADER] -> "p50 p95 errors" in ms
measure() {
    local name="$1" conc="$2" count="$3" url="$4" header="${5:-X-Scale: 1}" csv
    csv="$RUN_DIR/scale-hey-$name-c$conc.csv"
    timeout "$HEY_TIMEOUT" hey -n "$count" -c "$conc" -t 120 -o csv -H "$COOKIE" -H "$header" "$url" >"$csv" 2>/dev/null \
        || log "hey for $name exited non-zero"
    python3 - "$csv" <<'PY'
import csv, sys
times, bad = [], 0
with open(sys.argv[1]) as f:
    for row in csv.reader(f):
        try:
            t = float(row[0]) * 1000
        except (ValueError, IndexError):
            continue
        times.append(t)
        if row[6] != "200":
            bad += 1
times.sort()
pick = lambda q: times[min(len(times) - 1, int(len(times) * q + 0.5) - 1)] if times else float("nan")
print(f"{pick(0.5):.1f} {pick(0.95):.1f} {bad}")
PY
}

SOURCE_REV="$(git -C "$ROOT_DIR" describe --always --dirty 2>/dev/null || echo unknown)"
JAR_BUILT="$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"

for SIZE in $SIZES; do
    DATA_DIR="$(mktemp -d -t relief-scale-XXXXXX)"
    log "=== $SIZE patients (data in $DATA_DIR)"
    LOAD_FRESH="$(load1)"
    start_app "$SIZE" fresh
    FRESH_HEALTH="$HEALTH_SECONDS"; FRESH_STARTED="$STARTED_SECONDS"; SEED="$SEED_SECONDS"
    [[ -n "$SEED" ]] || die "no 'Demo clinic seeded' line in $APP_LOG"
    stop_app
    LOAD_RESTART="$(load1)"
    start_app "$SIZE" restart
    RESTART_HEALTH="$HEALTH_SECONDS"; RESTART_STARTED="$STARTED_SECONDS"

    # the database: dr.patel's patients, and the plans of the two queries
    PG_PORT="$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\) .*/\1/p' "$APP_LOG" | head -n 1)"
    PG_PASSWORD="$(sed -n 's/^superuser-password=//p' "$DATA_DIR/postgres-credentials.properties")"
    psql_q() { PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -q -A -t "$@"; }
    PATEL="$(psql_q -c "select count(*) from care_team_member m join staff s on s.id = m.staff_id
                        where s.username = 'dr.patel' and m.removed_at is null")"
    TOTAL="$(psql_q -c "select count(*) from patient")"
    FAMILY="$(psql_q -c "select family_name from patient_summary s join care_team_member m on m.patient_id = s.patient_id
                         join staff st on st.id = m.staff_id and st.username = 'dr.patel'
                         where m.removed_at is null order by family_name limit 1")"
    MRN="$(psql_q -c "select s.mrn from patient_summary s join care_team_member m on m.patient_id = s.patient_id
                      join staff st on st.id = m.staff_id and st.username = 'dr.patel'
                      where m.removed_at is null order by s.mrn desc limit 1")"
    PATEL_ID="$(psql_q -c "select id from staff where username = 'dr.patel'")"
    LIKE="%$(tr '[:upper:]' '[:lower:]' <<<"$FAMILY")%"
    # the queries as the app sends them (PatientSearch.mine, Patients.dashboard), with dr.patel's id: a name and the
    # dashboard read her own rows of care_team_patient (V101); a record number is looked up, then checked against her
    # team ("offset 0": a probe per match)
    PROBE="select s.* from patient_summary s where exists (select 1 from care_team_member m
          where m.patient_id = s.patient_id and m.removed_at is null and m.staff_id = '$PATEL_ID' offset 0)"
    ORDER="order by s.family_name, s.given_name, s.mrn limit 50"
    declare -A QUERIES=(
        [name]="select p.* from care_team_patient p where p.staff_id = '$PATEL_ID' and lower(p.family_name || ' ' || p.given_name) like '$LIKE'
                order by p.family_name, p.given_name, p.mrn limit 50"
        [number]="$PROBE and s.mrn = '$MRN' $ORDER"
        [dashboard]="with counts as (
                       select step, count(*) as in_step from care_team_patient where staff_id = '$PATEL_ID' group by step
                     )
                     select t.*, c.in_step from counts c
                     cross join lateral (
                       select p.* from care_team_patient p where p.staff_id = '$PATEL_ID' and p.step = c.step
                       order by p.updated_at desc, p.mrn limit 25
                     ) t
                     order by t.step, t.updated_at desc, t.mrn"
    )
    {
        echo "-- $SIZE patients; dr.patel on $PATEL care teams; family '$FAMILY', record number $MRN"
        for q in name number dashboard; do
            echo "-- $q"
            psql_q -c "explain (analyze, buffers) ${QUERIES[$q]}"
        done
    } >"$RUN_DIR/scale-explain-$SIZE.txt" 2>&1 || log "EXPLAIN failed (see $RUN_DIR/scale-explain-$SIZE.txt)"
    # the database's own time for each (median of DB_RUNS EXPLAIN ANALYZE executions): the floor under the HTTP times
    DB_MS=""
    for q in name number dashboard; do
        ms="$(for _ in $(seq 1 "$DB_RUNS"); do
                  psql_q -c "explain (analyze, timing off) ${QUERIES[$q]}" | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p'
              done | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }')"
        DB_MS="$DB_MS${DB_MS:+ / }$ms"
    done
    log "$TOTAL patients, dr.patel on $PATEL care teams; search text '$FAMILY', record number $MRN; database ms (name / number / dashboard) $DB_MS"

    # sign in through the form; hey sends the session cookie
    JAR_COOKIES="$DATA_DIR/cookies.txt"
    CSRF="$(curl -s -m 30 -c "$JAR_COOKIES" "$BASE_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
    curl -s -m 30 -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "username=dr.patel" \
        --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE_URL/login"
    COOKIE="Cookie: $(awk -F'\t' 'NF >= 7 && $6 != "" { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR_COOKIES")"
    PROBE="$(curl -s -m 30 -H "$COOKIE" -o /dev/null -w '%{http_code}' "$BASE_URL/api/patients?q=$FAMILY")"
    [[ "$PROBE" == 200 ]] || die "signed-in search answered $PROBE"

    declare -A URLS=(
        [search-json]="$BASE_URL/api/patients?q=$FAMILY"
        [search-htmx]="$BASE_URL/patients?q=$FAMILY"
        [mrn-json]="$BASE_URL/api/patients?q=$MRN"
        [dashboard]="$BASE_URL/"
    )
    LOAD_MEASURE="$(load1)"
    ROW="$SIZE	$TOTAL	$PATEL	$SEED	$FRESH_STARTED	$FRESH_HEALTH	$RESTART_STARTED	$RESTART_HEALTH	$LOAD_FRESH	$LOAD_RESTART"
    for name in search-json search-htmx mrn-json dashboard; do
        header="X-Scale: 1"
        [[ "$name" == search-htmx ]] && header="HX-Request: true"
        measure "$name" 2 40 "${URLS[$name]}" "$header" >/dev/null   # warm-up
        read -r p50 p95 bad1 < <(measure "$name" 1 "$REQUESTS" "${URLS[$name]}" "$header")
        read -r c50 c95 bad2 < <(measure "$name" "$CONCURRENCY" "$CREQUESTS" "${URLS[$name]}" "$header")
        log "$name: 1 user p50/p95 $p50/$p95 ms; $CONCURRENCY users $c50/$c95 ms (non-200: $bad1, $bad2; load $(load1))"
        ROW="$ROW	$p50	$p95	$c50	$c95	$((bad1 + bad2))"
    done
    ROW="$ROW	$LOAD_MEASURE	$(load1)	$DB_MS"
    echo "$ROW" >>"$RESULTS"
    stop_app
    rm -rf "$DATA_DIR"
    DATA_DIR=""
done

# ---------------------------------------------------------------- summary
{
    echo "## Relief scale benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), $(uname -sr)"
    echo "- source at launch: $SOURCE_REV, jar built $JAR_BUILT; $JAVA_OPTS; http on 127.0.0.1:$PORT"
    echo "- latency: hey, signed in as dr.patel with a session cookie; $REQUESTS requests single user,"
    echo "  $CREQUESTS with $CONCURRENCY users, per endpoint, after 40 warm-up requests; p50/p95 in ms"
    echo
    python3 - "$RESULTS" "$CONCURRENCY" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
conc = sys.argv[2]
names = ["search JSON", "search fragment", "record-number search", "dashboard"]
short = ["JSON", "fragment", "number", "dashboard"]
def f(x):
    return x if x else "?"
print("| patients | on dr.patel's teams | seed s | fresh start s: 'Started' / healthy | restart s: 'Started' / healthy | load 1-min (fresh, restart) |")
print("|---:|---:|---:|---:|---:|---|")
for r in rows:
    print(f"| {int(r[1]):,} | {int(r[2]):,} | {r[3]} | {f(r[4])} / {r[5]} | {f(r[6])} / {r[7]} | {r[8]}, {r[9]} |")
print()
print(f"| patients | " + " | ".join(f"{n} 1 user / {conc} users" for n in names) + " | p95 vs first size (1 user / " + conc + " users) | database alone, median ms (name / number / dashboard) | load 1-min (before, after) |")
print("|---:|" + "---|" * (len(names) + 3))
base = rows[0]
for r in rows:
    cells, ratios = [], []
    for i in range(len(names)):
        o = 10 + i * 5
        p50, p95, c50, c95, bad = r[o:o + 5]
        cells.append(f"{p50}/{p95} ; {c50}/{c95}" + (f" ({bad} non-200)" if bad != "0" else ""))
        b95, bc95 = float(base[o + 1]), float(base[o + 3])
        ratios.append(f"{short[i]} {float(p95) / b95:.2f} / {float(c95) / bc95:.2f}")
    print(f"| {int(r[1]):,} | " + " | ".join(cells) + " | " + "; ".join(ratios) + f" | {r[32] if len(r) > 32 else '?'} | {r[30]}, {r[31]} |")
PY
    echo
    echo "(search text: the first family name among dr.patel's patients; record number: her newest patient's;"
    echo " query plans in bench/target/scale-explain-<size>.txt, app logs in bench/target/scale-app-<size>-*.log)"
} >"$SUMMARY"
echo
cat "$SUMMARY"
