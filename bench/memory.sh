#!/usr/bin/env bash
# Where Relief's memory goes, measured (issue 16): one command.
#
# Starts the built jar fresh (its embedded PostgreSQL and demo clinic) with the JVM options in HEAPS (each in turn;
# "default" = no heap option, the JVM's own sizing), applies the load of shared/peers/compare.sh (the Synthea sample
# as per-patient transaction Bundles, twice; the biggest patient's $everything and chart JSON, N times each), then
# reads: the process's resident memory (VmRSS) after start and after the load; the JVM's own account of its native
# memory (Native Memory Tracking: heap, metaspace, code, GC, threads...); the heap committed and in use; and a
# class histogram, which runs a full collection first, so it shows what is live, with the heap's size after it.
# Between the load and the histogram it waits IDLE seconds and reads VmRSS again: Relief asks G1 to give unused heap
# back after RELIEF_MEMORY_RETURN_IDLE_AFTER (30 s; G1 looks once a period, so allow two) without a collection (platform.IdleMemoryReturn).
# Prints a table (also bench/target/memory.md). NMT itself costs a few MB, included in the RSS figures.
#
# Settings: HEAPS ("default -Xmx2g"), N (50), IDLE (75), SAMPLE (../shared/fhir-samples/synthea-bulk-7), PORT (18778),
#           BUILD (auto|always|never)
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar"
SAMPLE="${SAMPLE:-$ROOT_DIR/../shared/fhir-samples/synthea-bulk-7}"
PEERS="${PEERS:-$ROOT_DIR/../shared/peers}"
HEAPS="${HEAPS:-default -Xmx2g}"
N="${N:-50}"; IDLE="${IDLE:-75}"; PORT="${PORT:-18778}"; BUILD="${BUILD:-auto}"
TOKEN=memory-token-0123456789abcdef0123
for tool in java mvn curl python3 jcmd; do command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }; done
if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
        || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
fi
work="$(mktemp -d -t relief-memory-XXXXXX)"
trap 'rm -rf "$work"' EXIT
read -r _ _ BIG _ < <(python3 "$PEERS/make-bundles.py" "$SAMPLE" "$work/bundles")
rss() { awk '/VmRSS/{print int($2/1024)}' "/proc/$1/status"; }
mkdir -p "$BENCH_DIR/target"; out="$BENCH_DIR/target/memory.md"
{
echo "Relief memory, $(date -u +%FT%TZ), $(nproc) cores, $(awk '/MemTotal/{print int($2/1048576)}' /proc/meminfo) GB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| JVM heap option | RSS after start MB | RSS after load MB | heap committed / used after load MB | RSS after ${IDLE} s idle MB | live after a full GC MB (heap then) | metaspace MB | code MB | GC structures MB | threads MB |"
echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$out"
for heap in $HEAPS; do
    opt=""; [[ "$heap" != default ]] && opt="$heap"
    data="$work/data-$RANDOM"
    (RELIEF_DATA_DIR="$data" RELIEF_PORT=$PORT RELIEF_DEMO_API_TOKEN=$TOKEN RELIEF_ADMIN_PASSWORD=Mem-admin-2026!x \
        RELIEF_DEMO_PASSWORD=Mem-demo-2026!x exec java $opt -XX:NativeMemoryTracking=summary -jar "$JAR" \
        > "$work/server-$heap.log" 2>&1) &
    pid=$!
    until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP; do
        sleep 0.3; kill -0 $pid 2>/dev/null || { tail -20 "$work/server-$heap.log"; exit 1; }
    done
    sleep 2; r0=$(rss $pid)
    base="http://127.0.0.1:$PORT/fhir"; auth="Authorization: Bearer $TOKEN"
    for round in 1 2; do
        for b in "$work"/bundles/*.json; do
            curl -s -o /dev/null -H "$auth" -H 'Content-Type: application/fhir+json' --data-binary @"$b" "$base"
        done
    done
    rid=$(curl -s -H "$auth" -H 'Content-Type: application/fhir+json' --data-binary @"$(ls "$work"/bundles/*-"$BIG".json)" "$base" \
        | python3 -c "import json,sys;b=json.load(sys.stdin);print(next(e['response']['location'].split('/')[1] for e in b['entry'] if e['response'].get('location','').startswith('Patient/')))")
    basic="Authorization: Basic $(printf 'dr.patel:Mem-demo-2026!x' | base64)"
    for i in $(seq "$N"); do curl -s -o /dev/null -H "$auth" "$base/Patient/$rid/\$everything"; done
    for i in $(seq "$N"); do curl -s -o /dev/null -H "$basic" "http://127.0.0.1:$PORT/api/patients/$rid"; done
    r1=$(rss $pid)
    nmt=$(jcmd $pid VM.native_memory summary)
    mb() { echo "$nmt" | grep -E "^-? *$1 \(" | sed -E 's/.*committed=([0-9]+)KB.*/\1/' | awk '{print int($1/1024)}' | head -1; }
    heapinfo=$(jcmd $pid GC.heap_info | awk '/garbage-first heap|def new generation|total/{for(i=1;i<=NF;i++){if($i=="total"){t=$(i+1)}; if($i=="used"){u=$(i+1)}} print int(t/1024)" / "int(u/1024); exit}' | tr -d 'K,')
    sleep "$IDLE"; r2=$(rss $pid)
    jcmd $pid GC.class_histogram > "$work/histo-$heap.txt"
    live=$(awk '/^Total/{print int($3/1048576)}' "$work/histo-$heap.txt")
    after=$(jcmd $pid GC.heap_info | awk '/heap/{for(i=1;i<=NF;i++) if($i=="total"){gsub("K,","",$(i+1)); print int($(i+1)/1024); exit}}')
    echo "| ${heap} | $r0 | $r1 | $heapinfo | $r2 | $live ($after) | $(mb Metaspace) | $(mb Code) | $(mb GC) | $(mb Thread) |" >> "$out"
    { echo; echo "Largest live classes, $heap:"; echo '```'; sed -n 4,18p "$work/histo-$heap.txt"; echo '```'; } > "$work/top-$heap.txt"
    kill $pid; wait $pid 2>/dev/null || true
done
cat "$work"/top-*.txt >> "$out"
cat "$out"
