#!/usr/bin/env bash
# Relief beside the reference FHIR server (HAPI FHIR JPA 8.8.0), one command, issue 16's ratios.
#
#  1. builds the app jar if it is missing or older than the sources,
#  2. copies ../shared/peers (read-only there) to a throw-away folder and runs its compare.sh: each server starts
#     fresh (launch to healthy: Relief with its demo clinic seeded), takes the same per-patient transaction Bundles
#     made from SAMPLE, takes them again, then serves the biggest patient's $everything (N requests, one user,
#     after 5 to warm up); Relief's chart JSON of that patient too; the JVM's resident memory after start and
#     after the load,
#  3. prints compare.sh's table, then each of issue 16's targets with its ratio and whether it is met.
#     Also written to bench/target/compare-hapi.md.
#
# Settings: SAMPLE (../shared/fhir-samples/synthea-bulk-7), HEAP (-Xmx2g, both servers), N (50), BUILD (auto|always|never)
# Needs: hey (apt-get install -y hey), python3, curl, JDK 17, Maven (the peer builds itself on first use: ~300 MB of
# jars from Maven Central). Run it on a quiet machine: both servers and the load share the cores.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$ROOT_DIR/target/relief-0.1.0-SNAPSHOT.jar"
SAMPLE="${SAMPLE:-$ROOT_DIR/../shared/fhir-samples/synthea-bulk-7}"
PEERS="${PEERS:-$ROOT_DIR/../shared/peers}"
BUILD="${BUILD:-auto}"
export N="${N:-50}" HEAP="${HEAP:--Xmx2g}"

for tool in java mvn curl python3 hey; do
    command -v "$tool" >/dev/null || { echo "$tool is required (hey: apt-get install -y hey)" >&2; exit 1; }
done
[[ -d "$PEERS" ]] || { echo "no peers folder at $PEERS" >&2; exit 1; }
[[ -d "$SAMPLE" ]] || { echo "no FHIR sample at $SAMPLE" >&2; exit 1; }
if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$JAR" ) ]] \
        || [[ "$BUILD" == auto && -n "$(find "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    echo "building $JAR" >&2
    (cd "$ROOT_DIR" && mvn -q -B -DskipTests package)
fi

work="$(mktemp -d -t relief-compare-XXXXXX)"
# the peer's own build (target/) is kept between runs when it was made before: copy it along
cp -r "$PEERS" "$work/peers"
if [[ -d "$BENCH_DIR/target/hapi-peer-build/target" ]]; then
    cp -r "$BENCH_DIR/target/hapi-peer-build/target" "$work/peers/hapi-jpa/"
    touch "$work/peers/hapi-jpa/target/.built"
fi
mkdir -p "$BENCH_DIR/target"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$work/peers/compare.sh" "$SAMPLE" "$JAR" | tee "$work/table.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
if [[ -d "$work/peers/hapi-jpa/target" && ! -d "$BENCH_DIR/target/hapi-peer-build/target" ]]; then
    mkdir -p "$BENCH_DIR/target/hapi-peer-build" && cp -r "$work/peers/hapi-jpa/target" "$BENCH_DIR/target/hapi-peer-build/"
fi

python3 - "$work/table.txt" <<'PY' | tee -a "$work/table.txt"
import re, sys
rows = {}
for line in open(sys.argv[1]):
    parts = [p.strip() for p in line.split('|')]
    if len(parts) >= 3:
        rows[parts[0]] = parts[1:]
def nums(s):
    return [float(x) for x in re.findall(r'[0-9]+(?:\.[0-9]+)?', s)]
out = []
def target(name, value, goal, ok, unit=''):
    out.append(f"| {name} | {value} | {goal} | {'met' if ok else 'NOT met'} |")
try:
    hs, rs = nums(rows['start-up to healthy (s)'][0])[0], nums(rows['start-up to healthy (s)'][1])[0]
    target('start-up, Relief / HAPI', round(rs / hs, 2), 'at most 0.33', rs / hs <= 1 / 3)
    hm, rm = nums(rows['RSS after start / after load (MB)'][0])[1], nums(rows['RSS after start / after load (MB)'][1])[1]
    target('RSS after load, Relief / HAPI', round(rm / hm, 2), 'at most 0.33', rm / hm <= 1 / 3)
    hi, ri = nums(rows['import, resources/s (failed bundles)'][0])[0], nums(rows['import, resources/s (failed bundles)'][1])[0]
    target('transaction import, Relief / HAPI', f"{ri / hi:.2f}x", 'at least 5x', ri / hi >= 5)
    key = next(k for k in rows if k.startswith('$everything biggest'))
    he, re_ = nums(rows[key][0])[1], nums(rows[key][1])[1]
    target('$everything p95, Relief / HAPI', round(re_ / he, 3), 'at most 0.1', re_ / he <= 0.1)
    key = next(k for k in rows if k.startswith('Relief chart JSON'))
    ce = nums(rows[key][1])[1]
    target("chart JSON p95 / HAPI's $everything p95", round(ce / he, 3), 'at most 0.1', ce / he <= 0.1)
except (KeyError, IndexError, StopIteration, ZeroDivisionError) as e:
    out.append(f"(could not read the table: {e!r})")
print()
print("| issue 16 target | Relief | aim | |")
print("|---|---|---|---|")
print("\n".join(out))
PY
cp "$work/table.txt" "$BENCH_DIR/target/compare-hapi.md"
echo "(also in bench/target/compare-hapi.md; work dir $work)" >&2
