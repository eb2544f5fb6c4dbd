#!/usr/bin/env bash
# What Ward's processor adds to javac: 500 routes in 50 classes, compiled with and without it (best of RUNS).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
CLASSES=${CLASSES:-50} # of 10 routes each
# package, not install: a benchmark leaves the user's ~/.m2 alone (the reactor resolves the modules' jars).
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
CP="$(cat benchmarks/target/classpath.txt)"
PROCESSOR="processor/target/ward-processor-0.1.0-SNAPSHOT.jar" # JavaPoet is shaded inside it
WORK=benchmarks/target/compile-cost
rm -rf "$WORK" && mkdir -p "$WORK/src/gen"
for c in $(seq 1 "$CLASSES"); do
  {
    echo "package gen;"
    echo "import dev.ward.*;"
    echo "import java.util.Optional;"
    echo "@Recover public class Handlers$c {"
    for r in $(seq 1 10); do
      echo "  @Get(\"/c$c/r$r/{id}\") @Timeout(500) public String r$r(@PathParam(\"id\") long id,"
      echo "      @QueryParam(\"q\") Optional<String> q, @Header(\"X-Tenant\") String tenant) { return tenant + id; }"
    done
    echo "}"
  } > "$WORK/src/gen/Handlers$c.java"
done
best() { # label javac-args...
  local label=$1; shift
  local bestms=999999
  for _ in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/out" "$WORK/generated" && mkdir -p "$WORK/out" "$WORK/generated"
    local start end ms
    start=$(date +%s%N)
    javac -d "$WORK/out" -cp "$CP" "$@" "$WORK"/src/gen/*.java
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$bestms" ] && bestms=$ms
  done
  echo "$bestms"
}
WITHOUT=$(best none -proc:none)
WITH=$(best ward -processorpath "$PROCESSOR" -s "$WORK/generated")
GENERATED=$(ls "$WORK/out/gen" | grep -c 'Routes.class$' || true)
# The generated sources, kept aside, compiled with the processor off: what javac spends on the generated code alone.
mkdir -p "$WORK/kept" && cp -r "$WORK/generated/." "$WORK/kept/"
PLAIN=$(best none -proc:none $(find "$WORK/kept" -name '*.java'))
# javac's share: a processor that writes the same sources in the first round and does nothing else (ReplayProcessor).
REPLAY=$(best replay -processor dev.ward.benchmarks.ReplayProcessor -processorpath "$(ls benchmarks/target/ward-benchmarks-*.jar)" \
    -Areplay.dir="$WORK/kept" -s "$WORK/generated")
echo "$((CLASSES * 10)) routes in $CLASSES classes, best of $RUNS javac runs: without the processor ${WITHOUT} ms, with it ${WITH} ms"
echo "(generated and compiled $GENERATED Routes classes, so 'with' also compiles the generated code;"
echo " the same sources plus the generated ones with the processor off: ${PLAIN} ms;"
echo " a processor that only writes the same sources, so javac runs the same rounds: ${REPLAY} ms)"
awk -v a="$WITH" -v b="$WITHOUT" -v p="$PLAIN" -v r="$REPLAY" -v c="$CLASSES" 'BEGIN {
  printf "processor alone (read, check, write): %.2f ms per route (target < 1.5 ms)\n", (a - p) / (c * 10)
  printf "  of which javac running the extra rounds: %.2f ms per route, Ward itself: %.2f ms per route\n",
      (r - p) / (c * 10), (a - r) / (c * 10)
  printf "processor and compiling its generated code: %.2f ms per route\n", (a - b) / (c * 10) }'
