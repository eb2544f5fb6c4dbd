#!/usr/bin/env bash
# Allocation and time of decoding and encoding the JSON benchmark's order, per codec, in one thread, no HTTP:
# where a JSON route's cost beyond a byte[] route goes. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# package, not install: the class path points into this checkout's target/ directories, ~/.m2 stays untouched.
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
java -Xms512m -Xmx512m -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    dev.ward.benchmarks.CodecCostProbe 2>/dev/null
