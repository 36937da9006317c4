#!/usr/bin/env bash
# Profiles Warden: starts the simulator and Warden as run.sh does; under workload W2 (open loop at RATE req/s) it
# warms up, measures RECORD seconds and prints the CPU per 1,000 requests; then, closed loop (wrk, keep-alive) on
# W1 at each of CONNECTIONS for CLOSED seconds, it prints req/s, p50, p99, errors and Warden's and PostgreSQL's CPU
# per request at saturation; last it records RECORD seconds of W2 with Java Flight Recorder and prints where the CPU
# samples were (loadgen hotspots). WARDEN_JAR profiles another build (e.g. an older commit's) for before/after
# figures.
# The recording stays in bench/work/profile-<date>/w2.jfr for JDK Mission Control or `jfr print`.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
RATE=${RATE:-500}
WARMUP=${WARMUP:-20}
RECORD=${RECORD:-30}
CLOSED=${CLOSED:-15}
CONNECTIONS=${CONNECTIONS:-50 400}
SIM_PORT=18081
WARDEN_PORT=18080
RUN="$BENCH/work/profile-$(date -u +%Y-%m-%dT%H%M%SZ)"
LOADGEN="$BENCH/loadgen/target/loadgen.jar"
WARDEN_JAR=${WARDEN_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
CLK_TCK=$(getconf CLK_TCK)
# shellcheck source=bench/cpu.sh
source "$BENCH/cpu.sh"
declare -a STARTED=()
trap 'for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

mkdir -p "$RUN/warden/config"
conf=$(<"$BENCH/sim/nginx-sim.conf.in"); conf=${conf//@RUN@/$RUN}; conf=${conf//@PORT@/$SIM_PORT}
printf '%s\n' "$conf" > "$RUN/sim.conf"
nginx -c "$RUN/sim.conf" -p "$RUN" -e "$RUN/sim-error.log"
sleep 0.2
STARTED+=("$(cat "$RUN/sim.pid")")

props=$(<"$BENCH/warden-bench.properties.in"); props=${props//@PORT@/$WARDEN_PORT}
props=${props//@MANAGEMENT_PORT@/$((WARDEN_PORT + 1000))}
props=${props//@SIM@/http://127.0.0.1:$SIM_PORT}
printf '%s\n' "$props" > "$RUN/warden/config/application.properties"
(cd "$RUN/warden" && exec java ${WARDEN_JAVA_OPTS:--Xmx256m} -jar "$WARDEN_JAR" > "$RUN/warden.log" 2>&1) &
WARDEN_PID=$!
STARTED+=("$WARDEN_PID")
until curl -fsS -o /dev/null "http://127.0.0.1:$((WARDEN_PORT + 1000))/q/health/ready" 2>/dev/null; do sleep 0.1; done
PG_PID=$(pgrep -f "postgres -D $RUN/warden/.warden/pg" | head -1)

load() { # WARMUP_S DURATION_S LABEL
    java -jar "$LOADGEN" run --url "http://127.0.0.1:$WARDEN_PORT/v1/moderations" \
        --body-file "$BENCH/workloads/body-w2.json" --header "Content-Type: application/json" \
        --header "Authorization: Bearer bench-key-not-secret" --rate "$RATE" --warmup "${1}s" --duration "${2}s" \
        --runs 1 --label "$3" --out "$RUN/$3.json"
}

load 1 "$WARMUP" warm-up
# CPU and latency are measured without the recorder; the recording (JFR's low-overhead default settings) follows.
pg_pids=$(echo "$PG_PID" $(pgrep -P "$PG_PID"))
warden_before=$(cpu_ticks "$WARDEN_PID"); pg_before=$(cpu_ticks $pg_pids)
load 1 "$RECORD" measured
warden_after=$(cpu_ticks "$WARDEN_PID"); pg_after=$(cpu_ticks $pg_pids)
requests=$((RATE * (RECORD + 1)))
awk -v w=$((warden_after - warden_before)) -v p=$((pg_after - pg_before)) -v hz="$CLK_TCK" -v n="$requests" \
    'BEGIN { printf "CPU per 1,000 requests: Warden %.3f s, PostgreSQL %.3f s\n", 1000 * w / hz / n, 1000 * p / hz / n }'
grep VmHWM "/proc/$WARDEN_PID/status"

closed() { # CONNECTIONS: one closed-loop phase on W1, summarized by wrk/summary.awk, with the CPU per request
    local w0 p0 out w p summary
    w0=$(cpu_ticks "$WARDEN_PID"); p0=$(cpu_ticks $pg_pids)
    out=$(BODY="$BENCH/workloads/body-w1.json" wrk -t2 -c"$1" -d"${CLOSED}s" --latency -s "$BENCH/wrk/post.lua" \
        "http://127.0.0.1:$WARDEN_PORT/v1/moderations")
    w=$(awk -v t=$(($(cpu_ticks "$WARDEN_PID") - w0)) -v hz="$CLK_TCK" 'BEGIN {print t / hz}')
    p=$(awk -v t=$(($(cpu_ticks $pg_pids) - p0)) -v hz="$CLK_TCK" 'BEGIN {print t / hz}')
    summary=$(awk -v label="closed-$1" -v target=warden -v connections="$1" -v cpu="$w" -v postgres_cpu="$p" \
        -f "$BENCH/wrk/summary.awk" <<< "$out")
    echo "$summary"
    sed -E 's/.*"requests":([0-9]+).*/\1/' <<< "$summary" |
        awk -v w="$w" -v p="$p" '{ printf "  CPU per request: Warden %.3f ms, PostgreSQL %.3f ms\n", 1000 * w / $1, 1000 * p / $1 }'
}
BODY="$BENCH/workloads/body-w1.json" wrk -t2 -c50 -d"${WARMUP}s" -s "$BENCH/wrk/post.lua" \
    "http://127.0.0.1:$WARDEN_PORT/v1/moderations" > /dev/null
for c in $CONNECTIONS; do closed "$c"; done
jcmd "$WARDEN_PID" JFR.start name=w2 settings=default filename="$RUN/w2.jfr" > /dev/null
load 1 "$RECORD" recorded
jcmd "$WARDEN_PID" JFR.stop name=w2 > /dev/null
java -jar "$LOADGEN" hotspots "$RUN/w2.jfr"
