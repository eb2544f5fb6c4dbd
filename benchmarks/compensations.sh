#!/usr/bin/env bash
# The shared compensation store (ward-postgres) under load, on 127.0.0.1 only: compensations completed per second
# with 1 and 3 server instances (one JVM) on a real PostgreSQL that the benchmark starts itself (PostgresServer,
# as in ward-postgres's tests), then the p50/p99 of a failing request with and without @Compensable, with the
# PostgreSQL store and with the file journal. FAILURES, CLIENTS, LATENCY_REQUESTS and ROUNDS size it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
    -Dmdep.outputFile=target/classpath.txt
java -Xms512m -Xmx512m -Dward.postgres.dir=benchmarks/target/postgres \
    -Dfailures="${FAILURES:-6000}" -Dclients="${CLIENTS:-8}" -DlatencyRequests="${LATENCY_REQUESTS:-5000}" \
    -Drounds="${ROUNDS:-3}" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    dev.ward.benchmarks.CompensationBenchmark 2> benchmarks/target/compensations.log
