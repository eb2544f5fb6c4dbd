#!/usr/bin/env bash
# Processor jars side by side on compile-cost.sh's 500 routes, interleaved (one run of each in turn, ROUNDS times),
# with javac's own references: plain (the sources and the generated ones, processor off), noop (a processor that
# generates nothing, the same sources given), replay (a processor that only writes the generated sources).
# Run benchmarks/compile-cost.sh first: it builds the class path and the sources. Usage: compile-compare.sh JAR...
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
WORK=benchmarks/target/compile-cost
CP="$(cat benchmarks/target/classpath.txt)"
REPLAY=(-processor dev.ward.benchmarks.ReplayProcessor -processorpath "$(ls benchmarks/target/ward-benchmarks-*.jar)")
mkdir -p "$WORK/empty"
KEPT=$(find "$WORK/kept" -name '*.java')
variants=(plain noop replay "$@")
declare -A best cpu
for _ in $(seq 1 "$ROUNDS"); do
  for v in "${variants[@]}"; do
    case $v in
      plain) args=(-proc:none $KEPT) ;;
      noop) args=("${REPLAY[@]}" -Areplay.dir="$WORK/empty" $KEPT) ;;
      replay) args=("${REPLAY[@]}" -Areplay.dir="$WORK/kept" -s "$WORK/generated") ;;
      *) args=(-processorpath "$v" -s "$WORK/generated") ;;
    esac
    rm -rf "$WORK/out" "$WORK/generated" && mkdir -p "$WORK/out" "$WORK/generated"
    start=$(date +%s%N)
    /usr/bin/time -o "$WORK/time.txt" -f '%U %S' javac -d "$WORK/out" -cp "$CP" "${args[@]}" "$WORK"/src/gen/*.java
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "${best[$v]:-}" ] || [ "$ms" -lt "${best[$v]}" ]; then
      best[$v]=$ms
      cpu[$v]=$(awk '{printf "%d", ($1 + $2) * 1000}' "$WORK/time.txt")
    fi
  done
done
for v in "${variants[@]}"; do
  echo "$v: best of $ROUNDS ${best[$v]} ms (CPU of that run ${cpu[$v]} ms)"
done
