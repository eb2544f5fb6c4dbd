#!/usr/bin/env bash
# Start-up: time from main to a server's first 200 response, in fresh JVMs (best and median of RUNS), as the JVM
# starts by default and with an application class-data-sharing (AppCDS) archive made by one training run; and the
# median from launching java to that answer, which adds the JVM's own start.
# Arguments: the servers to start (StartupProbe): sample (the default), ward (one route), undertow (raw, one
# handler), jvm (a main that returns). MVN="mvn -o" builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PROBES=("${@:-sample}")
mkdir -p benchmarks/target && : > benchmarks/target/startup.log
# package, not install: a benchmark leaves the user's ~/.m2 alone (the reactor resolves the modules' jars).
${MVN:-mvn} -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -DincludeScope=runtime \
    -Dmdep.outputFile=target/classpath.txt
# The class path the sample's users run it with: its jar and its runtime dependencies, and the probe's own classes,
# not the benchmarks module's 110 jars (Vert.x, Jetty, JMH...): a look-up of a class or a service that is not there
# (optional dependencies, ServiceLoader) opens and indexes every jar of the path, which is start-up time too.
# From jars, as CDS archives classes from jars only.
(cd benchmarks/target/classes && jar --create --file ../startup-probe.jar dev/ward/benchmarks/StartupProbe*.class \
    dev/ward/benchmarks/StartupHandlers*.class)
CP="benchmarks/target/startup-probe.jar:$(ls samples/target/ward-samples-*.jar | grep -v -e -tests.jar):$(cat samples/target/classpath.txt)"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[1], a[int((NR + 1) / 2)], NR }'; }
measure() { # label, probe, then JVM options
  local label=$1 probe=$2 times; shift 2
  times=$(for _ in $(seq 1 "$RUNS"); do
    local launched
    launched=$(date +%s%3N)
    java "$@" -cp "$CP" dev.ward.benchmarks.StartupProbe "$probe" 2>/dev/null | tee -a benchmarks/target/startup.log \
        | awk -v launched="$launched" '/main to first 200/ { sub(/\)/, "", $NF); print $5, $NF - launched }'
  done)
  read -r best median count < <(cut -d' ' -f1 <<< "$times" | median)
  read -r _ launch _ < <(cut -d' ' -f2 <<< "$times" | median)
  printf "%-26s over %d fresh JVMs: main to first 200 best %d ms, median %d ms; launch to first 200 median %d ms\n" \
      "$label" "$count" "$best" "$median" "$launch"
}
for probe in "${PROBES[@]}"; do
  echo "# $probe" >> benchmarks/target/startup.log
  measure "$probe, default JVM" "$probe"
  archive=benchmarks/target/startup-$probe.jsa
  rm -f "$archive"
  java -XX:ArchiveClassesAtExit="$archive" -cp "$CP" dev.ward.benchmarks.StartupProbe "$probe" >/dev/null 2>&1
  measure "$probe, AppCDS archive" "$probe" -XX:SharedArchiveFile="$archive"
done
