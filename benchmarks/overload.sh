#!/usr/bin/env bash
# The overload experiment of docs/performance.md, on 127.0.0.1 only: a dependency whose latency rises with
# concurrency behind the fixed bulkhead and behind the adaptive concurrency limit, at CLIENTS closed-loop clients
# each; SECONDS per run after WARMUP. Run it alone, with no build or other benchmark beside it:
#   benchmarks/overload.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
    -Dmdep.outputFile=target/classpath.txt
java -Xms512m -Xmx512m -Dseconds="${SECONDS_PER_RUN:-10}" -Dwarmup="${WARMUP:-3}" -Dclients="${CLIENTS:-64,128,256}" \
    -DshedPause="${SHED_PAUSE:-10}" \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    dev.ward.benchmarks.OverloadProbe 2> benchmarks/target/overload.log
