#!/usr/bin/env bash
# Start-up to healthy (demo clinic seeded, fresh data dir), three ways, one command (issue 16):
#
#   jar        java $HEAP -jar relief.jar, as shared/peers/compare.sh starts it (the figure issue 16 compares);
#   extracted  the same jar extracted with Spring Boot's own tool (java -Djarmode=tools -jar relief.jar extract):
#              plain jar files on the class path instead of jars nested in one jar;
#   cds        the extracted jar with a class data sharing archive (the JVM's own; Spring Boot documents it):
#              the classes a start loads, parsed and verified once, mapped from a file at the next start.
#
# The archive is made once per run: a training start on a throw-away data dir that stops when the context is ready
# (-Dspring.context.exit=onRefresh) writes the list of loaded classes (-XX:DumpLoadedClassList), then
# java -Xshare:dump writes the archive. The list's lambda lines are left out: Debian's OpenJDK 17.0.15 crashes in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary when it archives them (a dynamic archive,
# -XX:ArchiveClassesAtExit, crashes the same way), so lambdas are still made at run time.
#
# Then ROUNDS rounds, the three ways in turn in each round (so a slower minute of a shared machine falls on all
# three), each on a fresh data dir: seconds from launch to /actuator/health UP (polled every 0.2 s, as compare.sh
# does), the log's "Started ReliefApplication in", the JVM's CPU time (user + system) at that moment and its RSS
# 2 s later. Prints each start and the medians, with each way's ratio to the jar (also bench/target/startup.md).
#
# Settings: ROUNDS (3), HEAP (-Xmx2g, as compare.sh), PORT (18797), BUILD (auto|always|never), JAR (the built jar)
# The launch options of the cds way (-XX:SharedArchiveFile) are what compare.sh's plain `java -jar` does not pass.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="${JAR:-$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar}"
ROUNDS="${ROUNDS:-3}"; HEAP="${HEAP:--Xmx2g}"; PORT="${PORT:-18797}"; BUILD="${BUILD:-auto}"
for tool in java mvn curl python3; do command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }; done
if [[ "$JAR" == "$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar" ]]; then
    if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
            || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
        echo "building the jar ..."
        (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
    fi
fi
[[ -f "$JAR" ]] || { echo "no jar at $JAR" >&2; exit 1; }
work="$(mktemp -d -t relief-startup-XXXXXX)"
APP_PID=""
cleanup() {
    [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export RELIEF_PORT="$PORT" RELIEF_ADMIN_PASSWORD='Startup-admin-2026!x' RELIEF_DEMO_PASSWORD='Startup-demo-2026!x'

echo "extracting the jar ..."
java -Djarmode=tools -jar "$JAR" extract --destination "$work/extracted" >/dev/null
EXTRACTED="$work/extracted/$(basename "$JAR")"
[[ -f "$EXTRACTED" ]] || { echo "extraction gave no $EXTRACTED" >&2; exit 1; }

echo "training start for the class list ..."
mkdir -p "$work/train"
(cd "$work/train" && java $HEAP -XX:DumpLoadedClassList="$work/classes.lst" -Dspring.context.exit=onRefresh \
    -jar "$EXTRACTED" > "$work/train/server.log" 2>&1) \
    || { echo "the training start failed:" >&2; tail -20 "$work/train/server.log" >&2; exit 1; }
grep -v '^@' "$work/classes.lst" > "$work/classes-archived.lst"
echo "writing the archive from $(wc -l < "$work/classes-archived.lst") classes ..."
java $HEAP -Xshare:dump -XX:SharedClassListFile="$work/classes-archived.lst" -XX:SharedArchiveFile="$work/relief.jsa" \
    -jar "$EXTRACTED" > "$work/dump.log" 2>&1 || { echo "the archive dump failed:" >&2; tail -20 "$work/dump.log" >&2; exit 1; }

# one start: prints "way seconds started cpu rss"
start() {
    local way=$1 dir="$work/run-$1-$2" t0 secs started cpu rss
    shift 2
    mkdir -p "$dir"
    t0=$(date +%s.%N)
    (cd "$dir" && exec java $HEAP "$@" > "$dir/server.log" 2>&1) &
    APP_PID=$!
    until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP; do
        sleep 0.2
        kill -0 "$APP_PID" 2>/dev/null || { echo "the $way start ended:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
    done
    secs=$(python3 -c "import time; print(round(time.time() - $t0, 2))")
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$APP_PID/stat")
    sleep 2
    rss=$(awk '/VmRSS/{print int($2 / 1024)}' "/proc/$APP_PID/status")
    started=$(grep -o 'Started ReliefApplication in [0-9.]*' "$dir/server.log" | grep -o '[0-9.]*$' || echo "?")
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
    rm -rf "$dir"
    echo "$way $secs $started $cpu $rss"
}

mkdir -p "$BENCH_DIR/target"; out="$BENCH_DIR/target/startup.md"
results="$work/results.txt"
for round in $(seq 1 "$ROUNDS"); do
    start jar "$round" -jar "$JAR" | tee -a "$results"
    start extracted "$round" -jar "$EXTRACTED" | tee -a "$results"
    start cds "$round" -XX:SharedArchiveFile="$work/relief.jsa" -jar "$EXTRACTED" | tee -a "$results"
done
{
echo "Relief start-up, $(date -u +%FT%TZ), $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $HEAP," \
     "$ROUNDS rounds, load average after $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$results" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
ways = ["jar", "extracted", "cds"]
med = {w: [statistics.median(float(r[i]) for r in rows if r[0] == w and r[i] != "?") for i in (1, 2, 3, 4)] for w in ways}
print("| way | launch to healthy s (each start) | median | / jar | 'Started' s, median | JVM CPU s at healthy, median | RSS MB after start, median |")
print("|---|---|---:|---:|---:|---:|---:|")
for w in ways:
    each = " / ".join(r[1] for r in rows if r[0] == w)
    m = med[w]
    print(f"| {w} | {each} | {m[0]:.1f} | {m[0] / med['jar'][0]:.2f} | {m[1]:.1f} | {m[2]:.1f} | {m[3]:.0f} |")
EOF
} | tee "$out"
