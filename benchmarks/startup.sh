#!/usr/bin/env bash
# Sample server start-up: time from main to the first 200 response, in fresh JVMs (best and median of RUNS).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
mkdir -p benchmarks/target && : > benchmarks/target/startup.log
mvn -B -q -pl benchmarks -am install -DskipTests
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
for _ in $(seq 1 "$RUNS"); do
  java -cp "$CP" dev.ward.benchmarks.StartupProbe 2>/dev/null | tee -a benchmarks/target/startup.log | awk '/main to first 200/ {print $5}'
done | sort -n | awk '{ a[NR] = $1 } END { printf "main to first 200 over %d fresh JVMs: best %d ms, median %d ms (target < 500 ms)\n", NR, a[1], a[int((NR + 1) / 2)] }'
