#!/usr/bin/env bash
# Per-request cost (time and allocation) of Ward's chains against raw and hand-written Undertow, in one JVM on
# 127.0.0.1. Extra arguments go to JMH, e.g. `benchmarks/jmh.sh -p target=ward-plain,raw-dispatch -f 3`.
set -euo pipefail
cd "$(dirname "$0")/.."
# package, not install: the class path points into this checkout's target/ directories, ~/.m2 stays untouched.
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
    RequestCostBenchmark -prof gc -rf text -rff benchmarks/target/jmh-result.txt "$@"
