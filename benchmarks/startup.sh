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
${MVN:-mvn} -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt
# CDS archives classes from jars only, so the probe runs from the module's jar, not its classes directory.
# Without ward-jackson, which the sample does not depend on: with two codecs on the class path its server refuses
# to choose one.
CP="$(ls benchmarks/target/ward-benchmarks-*.jar):$(tr ':' '\n' < benchmarks/target/classpath.txt | grep -v '/ward-jackson-' | paste -sd:)"
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
