#!/usr/bin/env bash
# Warden's benchmark, end to end: builds what it needs, starts the vendor simulator, a bare nginx proxy, Warden
# and Spring Cloud Gateway on loopback, runs workloads W1-W4 with an open-loop load generator, stops everything it
# started, and writes bench/results/<date>.json and .md. Settings come from the environment (see bench/README.md).
# Beside the open-loop workloads, a closed loop (wrk, keep-alive) at each of CLOSED_CONNECTIONS against the
# simulator, nginx, the peer and Warden measures throughput at saturation and the CPU each request costs.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
RATE=${RATE:-500}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
RUNS=${RUNS:-3}
SAT_BOUND_MS=${SAT_BOUND_MS:-100}
SAT_STEP=${SAT_STEP:-5s}
SKIP_BUILD=${SKIP_BUILD:-false}
CLOSED_CONNECTIONS=${CLOSED_CONNECTIONS:-50 400}
CLOSED_WARMUP=${CLOSED_WARMUP:-10s}
CLOSED_DURATION=${CLOSED_DURATION:-15s}
# Warden's recommended heap for this load (README, Operations); the peer gets the same.
WARDEN_JAVA_OPTS=${WARDEN_JAVA_OPTS:--Xmx256m}
SCG_JAVA_OPTS=${SCG_JAVA_OPTS:--Xmx256m}
SIM_PORT=18081
PROXY_PORT=18082
WARDEN_PORT=18080
SCG_PORT=18090
BENCH_KEY=bench-key-not-secret
STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
RUN="$BENCH/work/$STAMP"
LOADGEN="$BENCH/loadgen/target/loadgen.jar"
SCG="$BENCH/peers/scg/target/scg-peer.jar"
WARDEN="$ROOT/target/quarkus-app/quarkus-run.jar"
ECHO_MODULE=/usr/lib/nginx/modules/ngx_http_echo_module.so
CLK_TCK=$(getconf CLK_TCK)
# shellcheck source=bench/cpu.sh
source "$BENCH/cpu.sh"
declare -a STARTED=()

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

cleanup() {
    for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${STARTED[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

install_prerequisites() {
    if command -v nginx >/dev/null && [[ -f $ECHO_MODULE ]] && command -v wrk >/dev/null; then return; fi
    log "installing nginx, its echo module and wrk (Debian packages nginx-light, libnginx-mod-http-echo, wrk)"
    local sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q nginx-light libnginx-mod-http-echo wrk
    # The package starts a system nginx on port 80; the benchmark runs its own.
    $sudo service nginx stop >/dev/null 2>&1 || true
}

build() {
    [[ $SKIP_BUILD == true ]] && return
    log "building Warden, the load generator and the Spring Cloud Gateway peer"
    "$ROOT/mvnw" -q -f "$ROOT/pom.xml" package -DskipTests
    "$ROOT/mvnw" -q -f "$BENCH/loadgen/pom.xml" package
    "$ROOT/mvnw" -q -f "$BENCH/peers/scg/pom.xml" package -DskipTests
}

# fill TEMPLATE OUT KEY=VALUE...: replaces @KEY@ in a template.
fill() {
    local content; content=$(<"$1"); local out=$2; shift 2
    for pair in "$@"; do content=${content//@${pair%%=*}@/${pair#*=}}; done
    printf '%s\n' "$content" > "$out"
}

wait_for() { # URL SECONDS
    local deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null "$1" 2>/dev/null; do
        ((SECONDS < deadline)) || { log "timed out waiting for $1"; return 1; }
        sleep 0.05
    done
}

start_nginx() { # NAME TEMPLATE PORT
    fill "$BENCH/sim/$2" "$RUN/$1.conf" RUN="$RUN" PORT="$3" SIM_PORT="$SIM_PORT"
    nginx -c "$RUN/$1.conf" -p "$RUN" -e "$RUN/$1-error.log"
    sleep 0.2
    STARTED+=("$(cat "$RUN/$1.pid")")
}

start_warden() {
    local home="$RUN/warden"
    mkdir -p "$home/config"
    fill "$BENCH/warden-bench.properties.in" "$home/config/application.properties" PORT="$WARDEN_PORT" \
        MANAGEMENT_PORT="$((WARDEN_PORT + 1000))" SIM="http://127.0.0.1:$SIM_PORT"
    # The first start creates the embedded database and, as a training run, an AppCDS archive of the classes
    # Warden loads (written when it exits); the timed start is the second one, on a warm database, with the archive.
    launch_warden "$home" -XX:ArchiveClassesAtExit="$home/warden.jsa"
    stop_pid "$WARDEN_PID"
    local started; started=$(date +%s%N)
    launch_warden "$home" -XX:SharedArchiveFile="$home/warden.jsa"
    STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
    log "Warden ready in ${STARTUP_MS} ms on a warm embedded database"
}

launch_warden() { # HOME JVM-OPTION
    (cd "$1" && exec java $WARDEN_JAVA_OPTS "$2" -jar "$WARDEN" > "$1/warden.log" 2>&1) &
    WARDEN_PID=$!
    STARTED+=("$WARDEN_PID")
    wait_for "http://127.0.0.1:$((WARDEN_PORT + 1000))/q/health/ready" 120
}

stop_pid() {
    kill "$1"; for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill -9 "$1"
}

start_scg() {
    (exec java $SCG_JAVA_OPTS -jar "$SCG" --server.port="$SCG_PORT" --vendor.uri="http://127.0.0.1:$SIM_PORT" \
        > "$RUN/scg.log" 2>&1) &
    SCG_PID=$!
    STARTED+=("$SCG_PID")
    local deadline=$((SECONDS + 120))
    until curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' -d @"$BENCH/workloads/body-vendor.json" \
        "http://127.0.0.1:$SCG_PORT/v1/moderations"; do
        ((SECONDS < deadline)) || { log "Spring Cloud Gateway did not start"; return 1; }
        sleep 0.2
    done
}


postgres_pids() {
    local master; master=$(pgrep -f "postgres -D $RUN/warden/.warden/pg" | head -1 || true)
    [[ -n $master ]] && echo "$master $(pgrep -P "$master" | tr '\n' ' ')"
}
nginx_pids() { local master; master=$(cat "$RUN/$1.pid"); echo "$master $(pgrep -P "$master" | tr '\n' ' ')"; }

# The PostgreSQL processes behind a target (Warden's embedded database; none for the others).
database_pids() { if [[ $1 == warden_pids ]]; then postgres_pids; fi; }
seconds_of_ticks() { awk -v t="$1" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", t / hz}'; }

# measure LABEL TARGET_PIDS_FN -- loadgen arguments: runs the load generator and records the target's CPU.
measure() {
    local label=$1 pids_fn=$2; shift 3
    local pids pg_pids; pids=$($pids_fn); pg_pids=$(database_pids "$pids_fn")
    local before pg_before; before=$(cpu_ticks $pids); pg_before=$(cpu_ticks $pg_pids)
    log "$label"
    java -jar "$LOADGEN" "$@" --label "$label" --out "$RUN/$label.json"
    local after pg_after; after=$(cpu_ticks $pids); pg_after=$(cpu_ticks $pg_pids)
    local rss=0
    [[ $pids_fn == warden_pids ]] && rss=$(awk '/VmHWM/ {print $2}' "/proc/$WARDEN_PID/status")
    printf '{"label":"%s","cpuSeconds":%s,"postgresCpuSeconds":%s,"peakRssKb":%s}\n' "$label" \
        "$(seconds_of_ticks $((after - before)))" "$(seconds_of_ticks $((pg_after - pg_before)))" \
        "$rss" > "$RUN/$label.process.json"
}

# closed_loop TARGET TARGET_PIDS_FN URL BODY: at each of CLOSED_CONNECTIONS, a warm-up, then the measured wrk run
# (keep-alive, 2 threads) with the CPU the target's processes used during it; writes CL-<target>-<n>.json.
closed_loop() {
    local target=$1 pids_fn=$2 url=$3 body="$BENCH/workloads/$4" connections
    local pids pg_pids; pids=$($pids_fn); pg_pids=$(database_pids "$pids_fn")
    for connections in $CLOSED_CONNECTIONS; do
        local label="CL-$target-$connections"
        log "$label"
        BODY=$body wrk -t2 -c"$connections" -d"$CLOSED_WARMUP" -s "$BENCH/wrk/post.lua" "$url" > /dev/null
        local before pg_before; before=$(cpu_ticks $pids); pg_before=$(cpu_ticks $pg_pids)
        BODY=$body wrk -t2 -c"$connections" -d"$CLOSED_DURATION" --latency -s "$BENCH/wrk/post.lua" "$url" \
            > "$RUN/$label.wrk.txt"
        local after pg_after; after=$(cpu_ticks $pids); pg_after=$(cpu_ticks $pg_pids)
        awk -v label="$label" -v target="$target" -v connections="$connections" \
            -v cpu="$(seconds_of_ticks $((after - before)))" \
            -v postgres_cpu="$(seconds_of_ticks $((pg_after - pg_before)))" \
            -f "$BENCH/wrk/summary.awk" "$RUN/$label.wrk.txt" > "$RUN/$label.json"
    done
}

warden_pids() { echo "$WARDEN_PID"; }
scg_pids() { echo "$SCG_PID"; }
sim_pids() { nginx_pids sim; }
proxy_pids() { nginx_pids proxy; }

# workload LABEL TARGET_PIDS_FN URL BODY MODE: MODE names the caller's array of load generator mode arguments.
workload() {
    local -n mode=$5
    local target=(--url "$3" --body-file "$BENCH/workloads/$4" --header "Content-Type: application/json"
        --header "Authorization: Bearer $BENCH_KEY")
    measure "$1" "$2" -- "${mode[@]}" "${target[@]}"
}

describe_environment() {
    echo "Run $STAMP on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), everything on loopback."
    echo "$(java -version 2>&1 | head -1); $(nginx -v 2>&1); load $RATE req/s, $RUNS runs of $DURATION after" \
        "$WARMUP of warm-up; saturation steps of $SAT_STEP with p99 bound $SAT_BOUND_MS ms; closed loop" \
        "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), 2 threads, $CLOSED_DURATION after $CLOSED_WARMUP of warm-up" \
        "at $CLOSED_CONNECTIONS connections."
}

require_free_ports() {
    local port
    for port in "$SIM_PORT" "$PROXY_PORT" "$WARDEN_PORT" "$SCG_PORT"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            log "port $port is in use; stop what listens there (the benchmark uses $SIM_PORT, $PROXY_PORT,"\
                "$WARDEN_PORT and $SCG_PORT)"
            exit 1
        fi
    done
}

main() {
    require_free_ports
    install_prerequisites
    build
    mkdir -p "$RUN" "$BENCH/results"
    log "run directory $RUN"
    start_nginx sim nginx-sim.conf.in "$SIM_PORT"
    start_nginx proxy nginx-proxy.conf.in "$PROXY_PORT"
    start_warden
    start_scg

    local steady=(run --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --runs "$RUNS")
    local saturate=(saturate --latency-bound-ms "$SAT_BOUND_MS" --step-duration "$SAT_STEP")
    local sim="http://127.0.0.1:$SIM_PORT/v1/moderations" proxy="http://127.0.0.1:$PROXY_PORT/v1/moderations"
    local scg="http://127.0.0.1:$SCG_PORT/v1/moderations" warden="http://127.0.0.1:$WARDEN_PORT/v1/moderations"

    # W1: pass-through, one 20 ms vendor, four ways; then the saturation of each gateway.
    workload W1-direct sim_pids "$sim" body-vendor.json steady
    workload W1-nginx proxy_pids "$proxy" body-vendor.json steady
    workload W1-scg scg_pids "$scg" body-vendor.json steady
    workload W1-warden warden_pids "$warden" body-w1.json steady
    workload SAT-nginx proxy_pids "$proxy" body-vendor.json saturate
    workload SAT-scg scg_pids "$scg" body-vendor.json saturate
    workload SAT-warden warden_pids "$warden" body-w1.json saturate

    # W2-W4: fan-out to two vendors and the local rules, with persistence; then one vendor down, one slow.
    workload W2-warden warden_pids "$warden" body-w2.json steady
    workload W3-warden warden_pids "$warden" body-w3.json steady
    workload W4-warden warden_pids "$warden" body-w4.json steady

    # Closed loop: throughput at saturation and CPU per request, W1's call four ways.
    closed_loop direct sim_pids "$sim" body-vendor.json
    closed_loop nginx proxy_pids "$proxy" body-vendor.json
    closed_loop scg scg_pids "$scg" body-vendor.json
    closed_loop warden warden_pids "$warden" body-w1.json

    describe_environment > "$RUN/environment.md"
    java -jar "$LOADGEN" report --run-dir "$RUN" --startup-ms "$STARTUP_MS" --warmup "$WARMUP" \
        --findings "$BENCH/FINDINGS.md" --out-json "$BENCH/results/$STAMP.json" --out-md "$BENCH/results/$STAMP.md"
    log "report: bench/results/$STAMP.md"
}

main "$@"
