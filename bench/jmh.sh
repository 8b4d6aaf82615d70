#!/usr/bin/env bash
# JMH benchmarks (plain Java, no database). Default: the procedure rule engine, every rule for a patient with a long
# history; BENCH=MedicationBenchmark bench/jmh.sh runs the opioid safety panel (MME and flags, 20 medications).
# history. BENCH=OutcomesBenchmark bench/jmh.sh: the per-patient outcomes analysis.
# Usage: [BENCH=<class>] bench/jmh.sh [extra JMH options]. Bounded: 1 fork, 3 x 2 s warm-up, 5 x 2 s measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
    "${BENCH:-RuleEngineBenchmark}" -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
