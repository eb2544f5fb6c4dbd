#!/usr/bin/env bash
# Sample server start-up: time from main to the first 200 response, in fresh JVMs (best and median of RUNS), as the
# JVM starts by default and with an application class-data-sharing (AppCDS) archive made by one training run.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
mkdir -p benchmarks/target && : > benchmarks/target/startup.log
# package, not install: a benchmark leaves the user's ~/.m2 alone (the reactor resolves the modules' jars).
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
# CDS archives classes from jars only, so the probe runs from the module's jar, not its classes directory.
# Without ward-jackson, which the sample does not depend on: with two codecs on the class path its server refuses
# to choose one.
CP="$(ls benchmarks/target/ward-benchmarks-*.jar):$(tr ':' '\n' < benchmarks/target/classpath.txt | grep -v '/ward-jackson-' | paste -sd:)"
ARCHIVE=benchmarks/target/startup.jsa
measure() { # label, then JVM options
  local label=$1; shift
  for _ in $(seq 1 "$RUNS"); do
    java "$@" -cp "$CP" dev.ward.benchmarks.StartupProbe 2>/dev/null | tee -a benchmarks/target/startup.log \
        | awk '/main to first 200/ {print $5}'
  done | sort -n | awk -v label="$label" '{ a[NR] = $1 } END {
    printf "%-22s main to first 200 over %d fresh JVMs: best %d ms, median %d ms (target < 500 ms)\n",
        label, NR, a[1], a[int((NR + 1) / 2)] }'
}
measure "default JVM"
rm -f "$ARCHIVE"
java -XX:ArchiveClassesAtExit="$ARCHIVE" -cp "$CP" dev.ward.benchmarks.StartupProbe >/dev/null 2>&1
measure "AppCDS archive" -XX:SharedArchiveFile="$ARCHIVE"
