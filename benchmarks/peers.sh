#!/usr/bin/env bash
# Ward against the servers users would pick instead, side by side in one run, on 127.0.0.1 only (issue #18's
# table): GET /hello and POST /echo (1 KiB) on raw Undertow (the ratio base, answering on the I/O thread, and
# dispatched to a worker), Ward's guarded route (@Recover @Traced @Timeout) and @NonBlocking route, Vert.x 5 web,
# and, when JAVA21_HOME names a JDK 21+, Ward on virtual threads, Ward's guarded route on that JDK, and Helidon 4 SE.
# Every target gets WARMUP then DURATION per route, ROUNDS times, interleaved; each rate is divided by raw Undertow's
# in the same round, and the medians of those ratios are printed, with the median p99s.
# Servers are pinned to core SERVER_CPUS and wrk to WRK_CPUS (taskset), when the machine has 2 cores or more.
# TARGETS="ward-guarded helidon" measures only those (raw-io is always measured: it is the base); ward-guarded-few
# (FEW_WORKERS platform workers, default 4) is measured only when named.
# The JSON comparison (issue #18 part 5), only when named: TARGETS="ward-json javalin-json" POSTs the 1,059-byte Order
# of benchmarks/load.sh to ward-json's typed route, to Javalin 7 + Jackson, and to Ward's byte[] route (ward-bytes,
# then always measured: it is their base); each is answered back, checked once before measuring. ward-avaje (only when
# named) is the byte[] route decoding and encoding the Order with avaje-jsonb directly: ward-json's floor.
# HOST_HEADER=localhost sends that Host header instead of wrk's 127.0.0.1:<port>: Undertow checks a Host that looks
# like an IPv4 address with a regular expression on every request (~0.6 us, its HostHeaderHandler; Vert.x does not),
# a cost a service reached by name does not pay (docs/performance.md, "Round three").
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-2s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
WORKERS=${WORKERS:-64}
FEW_WORKERS=${FEW_WORKERS:-4}
IO_THREADS=${IO_THREADS:-2}
SERVER_CPUS=${SERVER_CPUS:-0}
WRK_CPUS=${WRK_CPUS:-1}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
BASE_PORT=${BASE_PORT:-18290}
JAVA21_HOME=${JAVA21_HOME:-}
DEFAULT_TARGETS="raw-dispatch ward-guarded ward-io vertx"
[ -n "$JAVA21_HOME" ] && DEFAULT_TARGETS="$DEFAULT_TARGETS ward-guarded-21 ward-virtual helidon"
NAMES=() JSON_NAMES=()
for name in ${TARGETS:-$DEFAULT_TARGETS}; do
  case $name in
    raw-io | ward-bytes) ;;
    ward-json | ward-avaje | javalin-json) JSON_NAMES+=("$name") ;;
    *) NAMES+=("$name") ;;
  esac
done
# Each group's base first: raw Undertow for GET /hello and POST /echo, Ward's byte[] route for POST /json.
if [ ${#NAMES[@]} -gt 0 ] || [[ " ${TARGETS:-} " == *" raw-io "* ]]; then NAMES=(raw-io "${NAMES[@]}"); fi
if [ ${#JSON_NAMES[@]} -gt 0 ] || [[ " ${TARGETS:-} " == *" ward-bytes "* ]]; then
  JSON_NAMES=(ward-bytes "${JSON_NAMES[@]}")
fi

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
PIN_SERVER=() PIN_WRK=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  PIN_SERVER=(taskset -c "$SERVER_CPUS") PIN_WRK=(taskset -c "$WRK_CPUS")
fi
# package, not install: the class paths point into this checkout's target/ directories, ~/.m2 stays untouched.
mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
CLASSPATH_17="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
if [ -n "$JAVA21_HOME" ]; then
  # Helidon 4 needs Java 21: its own build, outside Ward's reactor (benchmarks/peers-helidon/pom.xml).
  JAVA_HOME="$JAVA21_HOME" mvn -B -q -f benchmarks/peers-helidon/pom.xml package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt
fi

ORDER=benchmarks/target/peers-order.json
java -cp "$CLASSPATH_17" dev.ward.benchmarks.JsonHandlers > "$ORDER"
post_order() { curl -fs -H 'Content-Type: application/json' --data-binary "@$ORDER" "http://127.0.0.1:$1"; }
RAW=$BASE_PORT WARD=$((BASE_PORT + 1)) VERTX=$((BASE_PORT + 2)) WARD21=$((BASE_PORT + 3)) VIRTUAL=$((BASE_PORT + 4))
HELIDON=$((BASE_PORT + 5)) FEW=$((BASE_PORT + 6)) WARD_JSON=$((BASE_PORT + 7)) JAVALIN=$((BASE_PORT + 8))
SERVER_PIDS=()
trap 'kill "${SERVER_PIDS[@]}" 2>/dev/null || true' EXIT
JVM=(-Xms512m -Xmx512m -Dpeers.workers="$WORKERS" -Dpeers.fewWorkers="$FEW_WORKERS" -Dpeers.ioThreads="$IO_THREADS")
# shellcheck disable=SC2086 # SERVER_JAVA_OPTS is a list of options
"${PIN_SERVER[@]}" java "${JVM[@]}" $SERVER_JAVA_OPTS -cp "$CLASSPATH_17" dev.ward.benchmarks.peers.PeerServers \
    raw=$RAW ward=$WARD ward-few=$FEW vertx=$VERTX ward-json=$WARD_JSON javalin=$JAVALIN \
    > benchmarks/target/peers-17.log 2>&1 &
SERVER_PIDS+=($!)
WAIT_FOR=("$RAW/hello" "$WARD/hello" "$VERTX/hello")
if [ -n "$JAVA21_HOME" ]; then
  # shellcheck disable=SC2086
  "${PIN_SERVER[@]}" "$JAVA21_HOME/bin/java" "${JVM[@]}" $SERVER_JAVA_OPTS -cp "$CLASSPATH_17" \
      dev.ward.benchmarks.peers.PeerServers ward=$WARD21 ward-virtual=$VIRTUAL > benchmarks/target/peers-21.log 2>&1 &
  SERVER_PIDS+=($!)
  # shellcheck disable=SC2086
  "${PIN_SERVER[@]}" "$JAVA21_HOME/bin/java" -Xms512m -Xmx512m $SERVER_JAVA_OPTS \
      -cp "benchmarks/peers-helidon/target/classes:$(cat benchmarks/peers-helidon/target/classpath.txt)" \
      dev.ward.benchmarks.helidon.HelidonPeer $HELIDON > benchmarks/target/peers-helidon.log 2>&1 &
  SERVER_PIDS+=($!)
  WAIT_FOR+=("$WARD21/hello" "$VIRTUAL/hello" "$HELIDON/hello")
fi
for path in "${WAIT_FOR[@]}"; do
  for _ in $(seq 1 200); do
    curl -fs "http://127.0.0.1:$path" >/dev/null && break
    sleep 0.1
  done
  curl -fs "http://127.0.0.1:$path" >/dev/null || { echo "no answer from 127.0.0.1:$path" >&2; exit 1; }
done
for path in "$WARD_JSON/bytes" "$WARD_JSON/json" "$WARD_JSON/avaje" "$JAVALIN/json"; do
  for _ in $(seq 1 200); do
    post_order "$path" >/dev/null && break
    sleep 0.1
  done
  # The same record back, byte for byte: every JSON target does the same work.
  [ "$(post_order "$path")" = "$(cat "$ORDER")" ] || { echo "127.0.0.1:$path did not answer the Order back" >&2; exit 1; }
done

POST_SCRIPT=benchmarks/target/peers-echo-1k.lua
cat > "$POST_SCRIPT" <<LUA
wrk.method = "POST"
wrk.body = string.rep("x", 1024)
wrk.headers["Content-Type"] = "application/octet-stream"
LUA
JSON_SCRIPT=benchmarks/target/peers-order.lua
cat > "$JSON_SCRIPT" <<LUA
wrk.method = "POST"
wrk.body = [[$(cat "$ORDER")]]
wrk.headers["Content-Type"] = "application/json"
LUA

url() { # target route
  local hello=/hello echo=/echo json=/json port
  case $1 in
    raw-io)          port=$RAW ;;
    raw-dispatch)    port=$RAW hello=/dispatch/hello echo=/dispatch/echo ;;
    ward-guarded)    port=$WARD ;;
    ward-io)         port=$WARD hello=/io/hello echo=/io/echo ;;
    ward-guarded-few) port=$FEW ;;
    vertx)           port=$VERTX ;;
    ward-guarded-21) port=$WARD21 ;;
    ward-virtual)    port=$VIRTUAL ;;
    helidon)         port=$HELIDON ;;
    ward-bytes)      port=$WARD_JSON json=/bytes ;;
    ward-json)       port=$WARD_JSON ;;
    ward-avaje)      port=$WARD_JSON json=/avaje ;;
    javalin-json)    port=$JAVALIN ;;
    *) echo "no target $1" >&2; exit 2 ;;
  esac
  case $2 in
    hello) echo "http://127.0.0.1:$port$hello" ;;
    echo)  echo "http://127.0.0.1:$port$echo" ;;
    json)  echo "http://127.0.0.1:$port$json" ;;
  esac
}

declare -A RPS P99 RATIO CPU
# The server's CPU time per request over a measured run (user + system, all its threads: I/O, workers, GC, JIT), from
# /proc: unlike the rate, it does not move when something else takes the pinned core.
TICKS_PER_SECOND=$(getconf CLK_TCK)
server_pid() { # target
  case $1 in
    ward-guarded-21 | ward-virtual) echo "${SERVER_PIDS[1]}" ;;
    helidon) echo "${SERVER_PIDS[2]}" ;;
    *) echo "${SERVER_PIDS[0]}" ;;
  esac
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# A wrk latency percentile line ("99%  3.62ms") in microseconds.
MICROS='$1 == q { v = $2; f = 1; if (v ~ /us$/) f = 1; else if (v ~ /ms$/) f = 1000; else if (v ~ /s$/) f = 1000000;
  sub(/[a-z]+$/, "", v); printf "%.0f", v * f }'
measure() { # target route round
  local key="$1 $2" args=(-t"$THREADS" -c"$CONNECTIONS" --latency) out rps p99
  [ -n "${HOST_HEADER:-}" ] && args+=(-H "Host: $HOST_HEADER")
  [ "$2" = echo ] && args+=(-s "$POST_SCRIPT")
  [ "$2" = json ] && args+=(-s "$JSON_SCRIPT")
  local pid ticks cpu
  "${PIN_WRK[@]}" wrk "${args[@]}" -d"$WARMUP" "$(url "$1" "$2")" >/dev/null
  pid=$(server_pid "$1")
  ticks=$(cpu_ticks "$pid")
  out=$("${PIN_WRK[@]}" wrk "${args[@]}" -d"$DURATION" "$(url "$1" "$2")")
  ticks=$(($(cpu_ticks "$pid") - ticks))
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk -v q=99% "$MICROS" <<<"$out")
  cpu=$(awk -v t="$ticks" -v hz="$TICKS_PER_SECOND" '/ requests in / { printf "%.1f", t * 1000000 / hz / $1 }' <<<"$out")
  RPS[$key]="${RPS[$key]:-} $rps"
  P99[$key]="${P99[$key]:-} $p99"
  CPU[$key]="${CPU[$key]:-} $cpu"
  LAST[$key]=$rps
  printf '  %-16s %-5s %12s req/s   p99 %7s us   cpu %6s us/req   %s\n' "$1" "$2" "$rps" "$p99" "$cpu" \
      "$(awk '/Non-2xx|Socket errors/' <<<"$out" | tr -s ' \n' ' ')"
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up) x $ROUNDS rounds, 127.0.0.1, $(nproc) cores," \
    "servers on CPU ${SERVER_CPUS} and wrk on CPU ${WRK_CPUS}$([ ${#PIN_SERVER[@]} -gt 0 ] || echo ' (not pinned)')," \
    "$IO_THREADS I/O threads, $WORKERS workers, $(date -u +%F)${HOST_HEADER:+, Host: $HOST_HEADER}"
echo "Java: $(java -version 2>&1 | head -1)${JAVA21_HOME:+; JAVA21_HOME: $("$JAVA21_HOME/bin/java" -version 2>&1 | head -1)}"
declare -A LAST
# Appends LAST[a] / LAST[b] of this round to RATIO[key].
add_ratio() { # key a b
  RATIO[$1]="${RATIO[$1]:-} $(awk -v a="${LAST[$2]}" -v b="${LAST[$3]}" 'BEGIN { printf "%.2f", a / b }')"
}
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round"
  for name in "${NAMES[@]}"; do
    for route in hello echo; do
      measure "$name" "$route"
    done
  done
  for name in "${JSON_NAMES[@]}"; do
    measure "$name" json
  done
  for name in "${NAMES[@]}"; do
    for route in hello echo; do
      add_ratio "$name $route" "$name $route" "raw-io $route"
    done
  done
  for name in "${JSON_NAMES[@]}"; do
    add_ratio "$name json" "$name json" "ward-bytes json"
  done
  if [ -n "${LAST["javalin-json json"]:-}" ] && [ -n "${LAST["ward-json json"]:-}" ]; then
    add_ratio "ward-json over javalin" "ward-json json" "javalin-json json"
  fi
done

if [ ${#NAMES[@]} -gt 0 ]; then
  echo
  echo "medians of $ROUNDS rounds (x raw: the rate over raw Undertow's on the I/O thread in the same round)"
  printf '  %-16s %12s %12s %10s %10s %18s\n' target "hello req/s" "echo req/s" "hello x raw" "echo x raw" \
      "p99 hello / echo"
  for name in "${NAMES[@]}"; do
    printf '  %-16s %12s %12s %10s %10s %18s\n' "$name" "$(median "${RPS["$name hello"]}")" \
        "$(median "${RPS["$name echo"]}")" "$(median "${RATIO["$name hello"]}")" "$(median "${RATIO["$name echo"]}")" \
        "$(awk -v h="$(median "${P99["$name hello"]}")" -v e="$(median "${P99["$name echo"]}")" \
            'BEGIN { printf "%.1f / %.1f ms", h / 1000, e / 1000 }')"
  done
fi

if [ ${#JSON_NAMES[@]} -gt 0 ]; then
  echo
  echo "POST /json, the 1,059-byte Order answered back: medians of $ROUNDS rounds (x bytes: the rate over ward-bytes' in" \
      "the same round)"
  printf '  %-16s %12s %10s %10s %14s\n' target "json req/s" "x bytes" "p99" "cpu us/req"
  for name in "${JSON_NAMES[@]}"; do
    printf '  %-16s %12s %10s %10s %14s\n' "$name" "$(median "${RPS["$name json"]}")" "$(median "${RATIO["$name json"]}")" \
        "$(awk -v p="$(median "${P99["$name json"]}")" 'BEGIN { printf "%.1f ms", p / 1000 }')" \
        "$(median "${CPU["$name json"]}")"
  done
  if [ -n "${RATIO["ward-json over javalin"]:-}" ]; then
    echo "  ward-json / javalin-json, median of the rounds' ratios: $(median "${RATIO["ward-json over javalin"]}")"
  fi
fi
