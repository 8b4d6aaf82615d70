#!/usr/bin/env bash
# Relief's bulk import against PostgreSQL COPY of the same rows: one command (bench/import-vs-copy.sh). Issue 16.
#
#  1. builds the app jar if it is missing or older than the sources (under /work/build.lock when there is one),
#  2. generates a FHIR Bulk Data packet of at least RESOURCES resources from ../shared/fhir-samples/synthea-bulk-7
#     (bench/fhir/FhirPacket.java, as bench/fhir-import.sh does),
#  3. makes a data dir: Relief's --import of an empty folder creates the database and seeds the demo clinic,
#  4. notes the database's next transaction id, then imports the packet with `--import` (the import's own time:
#     reading, parsing, checking, translating and writing, one transaction per patient with synchronous_commit on;
#     not the command's start-up),
#  5. starts the same PostgreSQL cluster by hand (the embedded binaries, the same data dir and settings: fsync and
#     synchronous_commit on, shared_buffers 128MB) and counts the rows the import wrote: every row of a public
#     table whose xmin is that transaction id or later,
#  6. exports those rows with COPY TO into files, creates empty copies of their tables (`like ... including all`:
#     columns, defaults, checks, indexes; plus their foreign keys and triggers) and times COPY FROM of the files
#     into them, in one transaction (psql's \copy: the rows go over the connection, as a JDBC CopyManager sends them),
#  7. prints rows/s for both and the ratio import / COPY (issue 16's target: at least 0.5).
#
# What is counted: the import's rate is rows written over the import's time, and that time includes everything the
# import does besides writing (reading the ndjson, parsing it strictly, translating, checking every entry as a hand
# entry is checked, the audit events, its per-patient transactions and commits); COPY only writes the finished rows,
# in one transaction. Both write into the same database, on the same machine, one after the other.
#
# Settings (environment variables):
#   RESOURCES=20000    at least this many resources in the packet
#   VALIDATE=structural  RELIEF_FHIR_IMPORT_VALIDATE for the import
#   BUILD=auto         auto: build the jar when missing or stale; always; never
#   JAR=target/relief-0.1.0-SNAPSHOT.jar  the jar to measure (another build's, to compare; then BUILD=never)
#   JAVA_OPTS=-Xmx1g   JVM options for the app
#   KEEP=0             1: keep the work dir (data dir, packet, exported rows) and print its path
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="${JAR:-$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar}"
SAMPLE="${SAMPLE:-$ROOT_DIR/../shared/fhir-samples/synthea-bulk-7}"
[[ -d "$SAMPLE" ]] || SAMPLE=/work/shared/fhir-samples/synthea-bulk-7
RESOURCES="${RESOURCES:-20000}"
VALIDATE="${VALIDATE:-structural}"
BUILD="${BUILD:-auto}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
KEEP="${KEEP:-0}"
PORT="${PORT:-18093}"

log() { printf '[import-vs-copy %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

for tool in java mvn psql python3 awk; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
[[ -f "$SAMPLE/Patient.000.ndjson" ]] || die "no Synthea sample at $SAMPLE"

if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
        || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    log "building $JAR"
    if [[ -f /work/build.lock ]]; then
        (cd "$ROOT_DIR" && flock /work/build.lock mvn -q -B -DskipTests package)
    else
        (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
    fi
fi
[[ -f "$JAR" ]] || die "no jar at $JAR (BUILD=$BUILD)"

WORK_DIR="$(mktemp -d -t relief-import-copy-XXXXXX)"
DATA_DIR="$WORK_DIR/data"
PG_DATA="$DATA_DIR/postgres"
PACKET="$WORK_DIR/packet"
ROWS_DIR="$WORK_DIR/rows"
RUN_DIR="$BENCH_DIR/target"
mkdir -p "$RUN_DIR" "$ROWS_DIR" "$WORK_DIR/empty"
IMPORT_LOG="$RUN_DIR/import-vs-copy-import.log"
SUMMARY="$RUN_DIR/import-vs-copy-summary.md"
PG_BIN=""
PG_OWNER=""

pg_stop() { # a fast shutdown; the data dir goes back to its owner
    local pid
    if [[ -f "$PG_DATA/postmaster.pid" ]]; then
        pid="$(head -n 1 "$PG_DATA/postmaster.pid")"
        kill -INT "$pid" 2>/dev/null || true
        for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    fi
    [[ -n "$PG_OWNER" ]] && chown -R "$PG_OWNER" "$PG_DATA"
    return 0
}
cleanup() {
    pg_stop
    if [[ "$KEEP" == 1 ]]; then log "kept $WORK_DIR"; else rm -rf "$WORK_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

relief_import() { # FOLDER LOGFILE
    RELIEF_DATA_DIR="$DATA_DIR" RELIEF_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 RELIEF_FHIR_IMPORT_VALIDATE="$VALIDATE" \
        java $JAVA_OPTS -jar "$WORK_DIR/relief.jar" --import="$1" --import-as=dr.patel >"$2" 2>&1
}
# the cluster of the data dir, started by hand with the binaries the embedded PostgreSQL unpacked
pg_start() {
    if [[ -z "$PG_BIN" ]]; then
        PG_BIN="$(dirname "$(readlink -f "$(ls -d /tmp/embedded-pg/PG-*/bin/postgres | head -n 1)")")"
        [[ -x "$PG_BIN/postgres" ]] || die "no embedded PostgreSQL binaries under /tmp/embedded-pg"
    fi
    # PostgreSQL will not run as root: as root, the cluster is lent to nobody while it runs (pg_stop gives it back)
    local as=()
    if [[ "$(id -u)" == 0 ]]; then
        PG_OWNER="$(stat -c %u "$PG_DATA")"
        chmod o+x "$WORK_DIR" "$DATA_DIR"
        chown -R nobody "$PG_DATA"
        as=(runuser -u nobody --)
    fi
    "${as[@]}" "$PG_BIN/postgres" -D "$PG_DATA" -p $((PORT + 1)) -c listen_addresses=localhost -c fsync=on \
        -c synchronous_commit=on -c shared_buffers=128MB -c max_connections=100 -c timezone=UTC \
        >>"$WORK_DIR/pg.log" 2>&1 &
    for _ in $(seq 1 120); do
        psql -X -h localhost -p $((PORT + 1)) -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1 && return 0
        sleep 0.25
    done
    cat "$WORK_DIR/pg.log" >&2
    die "could not start PostgreSQL on $PG_DATA"
}
sql() { psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$((PORT + 1))" -U postgres -d postgres -At "$@"; }

cp "$JAR" "$WORK_DIR/relief.jar"

log "generating a packet of at least $RESOURCES resources from $SAMPLE"
PACKET_LINE="$(java "$BENCH_DIR/fhir/FhirPacket.java" "$SAMPLE" "$PACKET" "$RESOURCES")"
log "$PACKET_LINE"

log "creating the data dir (empty import: migrations and the demo clinic)"
relief_import "$WORK_DIR/empty" "$RUN_DIR/import-vs-copy-setup.log" || {
    tail -n 30 "$RUN_DIR/import-vs-copy-setup.log" >&2
    die "setting up the data dir failed"
}
PGPASSWORD="$(sed -n 's/^superuser-password=//p' "$DATA_DIR/postgres-credentials.properties")"
export PGPASSWORD
pg_start
FIRST_XID="$(sql -c "select txid_current() + 1")"
pg_stop

LOAD_IMPORT="$(load)"
log "importing with --import (validation $VALIDATE; load average $LOAD_IMPORT; log in $IMPORT_LOG)"
relief_import "$PACKET" "$IMPORT_LOG" || { tail -n 30 "$IMPORT_LOG" >&2; die "the import failed"; }
IMPORT_SECONDS="$(sed -n 's/^Import took \([0-9.]*\) s.*/\1/p' "$IMPORT_LOG" | tail -n 1)"
LAST_PROGRESS="$(grep -E '^  [0-9]+ / [0-9]+ resources' "$IMPORT_LOG" | tail -n 1 | sed 's/^ *//')"
if [[ -z "$IMPORT_SECONDS" ]]; then # a jar from before the import printed its time: from its last progress line
    IMPORT_SECONDS="$(awk '{gsub(/\(/, "", $5); printf "%.3f", $3 / $5}' <<<"$LAST_PROGRESS")"
fi
[[ -n "$IMPORT_SECONDS" ]] || die "the import did not print its time (Import took ... s)"
IMPORTED_LINE="$(grep -m1 -o 'FHIR import of .* finished: .*' "$IMPORT_LOG" | sed 's/FHIR import of [^ ]* //')"
log "import: $IMPORT_SECONDS s; $LAST_PROGRESS; $IMPORTED_LINE"

pg_start
# the rows the import wrote: every public table's rows from its transactions on
TABLES="$(sql -c "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                  order by c.relname")"
sql -c "drop schema if exists bench_copy cascade; create schema bench_copy"
: >"$WORK_DIR/counts"
for t in $TABLES; do
    n="$(sql -c "select count(*) from public.$t where xmin::text::bigint >= $FIRST_XID")"
    [[ "$n" -gt 0 ]] && echo "$t $n" >>"$WORK_DIR/counts"
done
IMPORT_ROWS="$(awk '{s += $2} END {print s + 0}' "$WORK_DIR/counts")"
[[ "$IMPORT_ROWS" -gt 0 ]] || die "the import wrote no rows"
log "the import wrote $IMPORT_ROWS rows into $(wc -l <"$WORK_DIR/counts") tables"

# empty copies of those tables, with what a row written into them pays for: indexes and checks (including all),
# foreign keys (to the same parents) and triggers
while read -r t n; do
    sql -c "\\copy (select * from public.$t where xmin::text::bigint >= $FIRST_XID) to '$ROWS_DIR/$t.tsv'"
    sql -c "create table bench_copy.$t (like public.$t including all)"
    sql -c "select format('alter table bench_copy.%I add %s', '$t', pg_get_constraintdef(oid))
            from pg_constraint where conrelid = 'public.$t'::regclass and contype = 'f'" >"$WORK_DIR/fk.sql"
    sql -c "select replace(pg_get_triggerdef(oid), ' ON public.', ' ON bench_copy.')
            from pg_trigger where tgrelid = 'public.$t'::regclass and not tgisinternal" >>"$WORK_DIR/fk.sql"
    [[ -s "$WORK_DIR/fk.sql" ]] && sed 's/$/;/' "$WORK_DIR/fk.sql" | sql -f - >/dev/null
done <"$WORK_DIR/counts"
{
    echo "begin;"
    while read -r t n; do echo "\\copy bench_copy.$t from '$ROWS_DIR/$t.tsv'"; done <"$WORK_DIR/counts"
    echo "commit;"
} >"$WORK_DIR/copy.sql"
LOAD_COPY="$(load)"
T0="$(now)"
sql -f "$WORK_DIR/copy.sql"
COPY_SECONDS="$(awk -v a="$T0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')"
COPIED="$(while read -r t n; do sql -c "select count(*) from bench_copy.$t"; done <"$WORK_DIR/counts" \
    | awk '{s += $1} END {print s + 0}')"
[[ "$COPIED" == "$IMPORT_ROWS" ]] || die "COPY wrote $COPIED rows, the import $IMPORT_ROWS"
sql -c "drop schema bench_copy cascade"
pg_stop

read -r IMPORT_RATE COPY_RATE RATIO < <(python3 -c "
r = $IMPORT_ROWS; i = $IMPORT_SECONDS; c = $COPY_SECONDS
print(round(r / i), round(r / c), round((r / i) / (r / c), 3))")
SOURCE_REV="$(git -C "$ROOT_DIR" describe --always --dirty 2>/dev/null || echo unknown)"
{
    echo "## Bulk import against COPY $(date -u '+%Y-%m-%d %H:%M UTC') (source $SOURCE_REV, $(nproc) cores)"
    echo
    echo "- packet: $PACKET_LINE"
    echo "- import (--import, validation $VALIDATE): $IMPORT_SECONDS s; $LAST_PROGRESS; $IMPORTED_LINE;" \
        "load average $LOAD_IMPORT"
    echo "- rows the import wrote: $IMPORT_ROWS in $(wc -l <"$WORK_DIR/counts") tables:" \
        "$(sort -k2 -nr "$WORK_DIR/counts" | awk '{printf "%s%s %s", sep, $1, $2; sep = ", "}')"
    echo "- COPY FROM of the same rows into empty copies of those tables (indexes, checks, foreign keys," \
        "triggers; one transaction): $COPY_SECONDS s; load average $LOAD_COPY"
    echo
    echo "| | rows | seconds | rows/s |"
    echo "|---|---:|---:|---:|"
    echo "| Relief --import (reads, parses, checks, translates, writes) | $IMPORT_ROWS | $IMPORT_SECONDS | $IMPORT_RATE |"
    echo "| PostgreSQL COPY FROM (writes only) | $COPIED | $COPY_SECONDS | $COPY_RATE |"
    echo
    echo "import / COPY = $RATIO (target >= 0.5)"
} | tee "$SUMMARY"
