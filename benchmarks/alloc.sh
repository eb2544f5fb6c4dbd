#!/usr/bin/env bash
# Server-side bytes allocated per request for each target (or the targets given as arguments), exactly, from the
# JVM's per-thread allocation counters: one JVM, 127.0.0.1, one keep-alive connection. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# package, not install: the class path points into this checkout's target/ directories, ~/.m2 stays untouched.
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
java -Xms512m -Xmx512m -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    dev.ward.benchmarks.AllocationProbe "$@" 2>/dev/null
