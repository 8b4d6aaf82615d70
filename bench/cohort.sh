#!/usr/bin/env bash
# The cohort benchmark (issue 12): a throw-away clinic of N synthetic patients (default 20,000), each with a signed
# plan and D days of daily NRS (default 365) with planted effects, then the cohort responder analysis timed three
# times. Prints its figures; asserts nothing. Usage: bench/cohort.sh [patients] [days]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
exec java ${JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.relief.bench.CohortBench "${1:-20000}" "${2:-365}"
