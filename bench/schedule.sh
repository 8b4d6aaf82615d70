#!/usr/bin/env bash
# The scheduling optimiser benchmark (issue 14): a synthetic, seeded problem of N signed plans (default 300: PT 2x a
# week, CBT weekly, one ESI with the days the rules block), 8 clinicians, the demo clinic's rooms (2 fluoroscopy
# suites), 4 weeks, solved with the optimiser's own solver configuration for S seconds (default 30). No database, no
# network. Prints its figures; asserts nothing. Usage: bench/schedule.sh [plans] [seconds] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
exec java ${JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.relief.bench.ScheduleBench "${1:-300}" "${2:-30}" "${3:-14}"
