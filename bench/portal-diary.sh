#!/usr/bin/env bash
# Issue 13: N patients (default 500) post today's portal diary at once, over loopback HTTP into the whole
# application on the embedded PostgreSQL (src/test/java/org/relief/portal/PortalDiaryLoadBenchmark.java).
# Prints p50 / p95 / max of the posts and the wall time; the summary is also in target/bench/portal-diary.md.
# Usage: bench/portal-diary.sh            PATIENTS=100 bench/portal-diary.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -q -B test -Dtest=PortalDiaryLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.patients="${PATIENTS:-500}" -Dbench.staff="${STAFF:-8}" > target/portal-diary-bench.log 2>&1 || {
    tail -60 target/portal-diary-bench.log
    exit 1
}
cat target/bench/portal-diary.md
