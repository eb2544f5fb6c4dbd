#!/usr/bin/env bash
# Throughput and latency under load, on 127.0.0.1 only: Ward's routes and their raw and hand-written Undertow
# references, served side by side by one JVM and driven by wrk in the same run. Bounded: each target gets
# WARMUP then DURATION, and the whole set runs ROUNDS times, interleaved, so drift hits every target alike.
# Prints each run, then the median requests/s, p50 and p99 per target and the ratios docs/performance.md reports.
# TARGETS="ward-bytes ward-json ward-jackson" measures only those (names as in docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
ROUNDS=${ROUNDS:-3}
WARD_PORT=${WARD_PORT:-18181}
REFERENCE_PORT=${REFERENCE_PORT:-18182}
BARE_WARD_PORT=${BARE_WARD_PORT:-18183}
JSON_PORT=${JSON_PORT:-18184}
JACKSON_PORT=${JACKSON_PORT:-18185}
TARGETS=${TARGETS:-raw-io ward-io raw-dispatch ward-plain hand-guarded ward-guarded hand-full ward-full}

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
# package, not install: the class path points into this checkout's target/ directories, ~/.m2 stays untouched.
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
java -Xms512m -Xmx512m -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    dev.ward.benchmarks.Servers "$WARD_PORT" "$BARE_WARD_PORT" "$REFERENCE_PORT" "$JSON_PORT" "$JACKSON_PORT" \
    > benchmarks/target/servers.log 2>&1 &
SERVERS=$!
trap 'kill $SERVERS 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$BARE_WARD_PORT/plain" >/dev/null && curl -fs "http://127.0.0.1:$REFERENCE_PORT/io" >/dev/null \
    && curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$JACKSON_PORT/bytes" && break
  sleep 0.1
done

POST_SCRIPT=benchmarks/target/post-1k.lua
cat > "$POST_SCRIPT" <<LUA
wrk.method = "POST"
wrk.body = string.rep("x", 1024)
wrk.headers["Content-Type"] = "application/octet-stream"
LUA
JSON_SCRIPT=benchmarks/target/post-order-json.lua
cat > "$JSON_SCRIPT" <<LUA
wrk.method = "POST"
wrk.body = [[$(java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    dev.ward.benchmarks.JsonHandlers)]]
wrk.headers["Content-Type"] = "application/json"
LUA

declare -A RPS P50 P99
# A wrk latency percentile line ("50%  262.00us", "99%  3.62ms") in microseconds.
MICROS='$1 == q { v = $2; f = 1; if (v ~ /us$/) f = 1; else if (v ~ /ms$/) f = 1000; else if (v ~ /s$/) f = 1000000;
  sub(/[a-z]+$/, "", v); printf "%.0f", v * f }'
run() { # name url [script]
  local name=$1 url=$2 script=${3:-}
  local args=(-t"$THREADS" -c"$CONNECTIONS" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
  local out rps p50 p99
  out=$(wrk "${args[@]}" -d"$DURATION" "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk -v q=50% "$MICROS" <<<"$out")
  p99=$(awk -v q=99% "$MICROS" <<<"$out")
  RPS[$name]="${RPS[$name]:-} $rps"
  P50[$name]="${P50[$name]:-} $p50"
  P99[$name]="${P99[$name]:-} $p99"
  printf '  %-14s %12s req/s   p50 %6s us   p99 %6s us   %s\n' "$name" "$rps" "$p50" "$p99" \
      "$(awk '/Non-2xx|Socket errors/' <<<"$out")"
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up) x $ROUNDS rounds, 127.0.0.1, $(nproc) cores, $(date -u +%F)"
read -r -a NAMES <<<"$TARGETS"
run_target() { # name
  case $1 in
    raw-io)       run "$1" "http://127.0.0.1:$REFERENCE_PORT/io" ;;
    ward-io)      run "$1" "http://127.0.0.1:$BARE_WARD_PORT/io" ;;
    ward-io-traced) run "$1" "http://127.0.0.1:$WARD_PORT/io-traced" ;;
    raw-echo)     run "$1" "http://127.0.0.1:$REFERENCE_PORT/echo" "$POST_SCRIPT" ;;
    ward-io-echo) run "$1" "http://127.0.0.1:$WARD_PORT/io-echo" "$POST_SCRIPT" ;;
    raw-dispatch) run "$1" "http://127.0.0.1:$REFERENCE_PORT/dispatch" ;;
    ward-plain)   run "$1" "http://127.0.0.1:$BARE_WARD_PORT/plain" ;;
    hand-guarded) run "$1" "http://127.0.0.1:$REFERENCE_PORT/guarded" ;;
    ward-guarded) run "$1" "http://127.0.0.1:$WARD_PORT/guarded" ;;
    hand-full)    run "$1" "http://127.0.0.1:$REFERENCE_PORT/full" "$POST_SCRIPT" ;;
    ward-full)    run "$1" "http://127.0.0.1:$WARD_PORT/full" "$POST_SCRIPT" ;;
    ward-bytes)   run "$1" "http://127.0.0.1:$JSON_PORT/bytes" "$JSON_SCRIPT" ;;
    ward-json)    run "$1" "http://127.0.0.1:$JSON_PORT/json" "$JSON_SCRIPT" ;;
    ward-jackson) run "$1" "http://127.0.0.1:$JACKSON_PORT/json" "$JSON_SCRIPT" ;;
    *) echo "no target $1" >&2; exit 2 ;;
  esac
}
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round"
  for name in "${NAMES[@]}"; do
    run_target "$name"
  done
done

echo
echo "medians of $ROUNDS rounds"
declare -A MED
for name in "${NAMES[@]}"; do
  MED[$name]=$(median "${RPS[$name]}")
  printf '  %-14s %12s req/s   p50 %6s us   p99 %6s us\n' "$name" "${MED[$name]}" "$(median "${P50[$name]}")" \
      "$(median "${P99[$name]}")"
done
echo
ratio() { # a b note: printed only when both were measured
  [ -n "${MED[$1]:-}" ] && [ -n "${MED[$2]:-}" ] || return 0
  printf '%-12s / %-12s : %s   %s\n' "$1" "$2" \
      "$(awk -v a="${MED[$1]}" -v b="${MED[$2]}" 'BEGIN { printf "%.1f%%", 100 * a / b }')" "$3"
}
ratio ward-plain   raw-dispatch "(target >= 95%)"
ratio ward-guarded hand-guarded "(target >= 95%)"
ratio ward-full    hand-full    ""
ratio raw-dispatch raw-io       "(what a dispatch to a worker costs)"
ratio ward-io      raw-io       "(@NonBlocking: no dispatch)"
ratio ward-io-traced raw-io     "(@NonBlocking @Recover @Traced: #18 target >= Vert.x)"
ratio ward-io-echo raw-echo     "(@NonBlocking @Recover @Traced @ReplayBody echo: #18 target >= 100%)"
ratio ward-json    ward-bytes   "(typed JSON over byte[]: target >= 85%)"
ratio ward-json    ward-jackson "(target >= 100%)"
