#!/usr/bin/env bash
# The durable backbone's throughput (issue 8, point 7): callback rows queued in the outbox are delivered by one, then
# two, Warden processes on one PostgreSQL to a healthy loopback sink. Builds what it needs, starts Warden (the first
# process on its embedded, durable PostgreSQL, the second on the same database), runs `loadgen backbone` per
# scenario, stops everything it started and writes bench/results/<date>-backbone.json and .md. Settings come from the
# environment (see bench/README.md, "Backbone").
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
BACKLOG=${BACKLOG:-20000}
WARMUP_BACKLOG=${WARMUP_BACKLOG:-2000}
RATES=${RATES:-100,200}
BATCHED_RATES=${BATCHED_RATES:-500,1000,2000}
BATCH_INTERVAL=${BATCH_INTERVAL:-5ms}
DURATION=${DURATION:-20s}
SKIP_BUILD=${SKIP_BUILD:-false}
PROFILE=${PROFILE:-false}
WARDEN_JAVA_OPTS=${WARDEN_JAVA_OPTS:--Xmx256m}
WARDEN_PORTS=(18080 18083)
PG_PORT=18432
SINK_PORT=18095
SECRET=whsec_YmFja2JvbmUtYmVuY2gtc2VjcmV0LTAxMjM0NTY3ODlh
STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
RUN="$BENCH/work/backbone-$STAMP"
LOADGEN="$BENCH/loadgen/target/loadgen.jar"
WARDEN="$ROOT/target/quarkus-app/quarkus-run.jar"
CLK_TCK=$(getconf CLK_TCK)
# shellcheck source=bench/cpu.sh
source "$BENCH/cpu.sh"
declare -a STARTED=()
declare -a WARDEN_PIDS=()

log() { printf '[backbone %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

cleanup() {
    # The second process first: the first one owns the PostgreSQL both use.
    local i
    for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
        local pid=${STARTED[i]}
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

build() {
    [[ $SKIP_BUILD == true ]] && return
    log "building Warden and the load generator"
    "$ROOT/mvnw" -q -f "$ROOT/pom.xml" package -DskipTests
    "$ROOT/mvnw" -q -f "$BENCH/loadgen/pom.xml" package
}

require_free_ports() {
    local port
    for port in "${WARDEN_PORTS[@]}" "$PG_PORT" "$SINK_PORT"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            log "port $port is in use; the backbone benchmark uses ${WARDEN_PORTS[*]}, $PG_PORT and $SINK_PORT"
            exit 1
        fi
    done
}

# start_warden N DATABASE-SETTINGS: the N-th process (0 or 1) in a working directory of its own.
start_warden() {
    local home="$RUN/warden$1" port=${WARDEN_PORTS[$1]}
    mkdir -p "$home/config"
    local props; props=$(<"$BENCH/warden-backbone.properties.in")
    props=${props//@PORT@/$port}; props=${props//@MANAGEMENT_PORT@/$((port + 1000))}; props=${props//@SECRET@/$SECRET}; props=${props//@DATABASE@/$2}
    printf '%s\n' "$props" > "$home/config/application.properties"
    local jfr=""
    [[ $PROFILE == true ]] && jfr="-XX:StartFlightRecording=filename=$home/warden.jfr,settings=profile"
    (cd "$home" && exec java $WARDEN_JAVA_OPTS -Dwarden.embedded.port=$PG_PORT $jfr -jar "$WARDEN" \
        > "$home/warden.log" 2>&1) &
    STARTED+=("$!")
    WARDEN_PIDS+=("$!")
    local deadline=$((SECONDS + 180))
    until curl -fsS -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/ready" 2>/dev/null; do
        ((SECONDS < deadline)) || { log "Warden $1 did not become ready; see $home/warden.log"; exit 1; }
        sleep 0.1
    done
    log "Warden $1 ready on port $port"
}


postgres_pids() {
    local master; master=$(pgrep -f "postgres -D $RUN/warden0/.warden/pg" | head -1)
    echo "$master $(pgrep -P "$master" | tr '\n' ' ')"
}

# scenario LABEL PROCESSES: one loadgen backbone run, with the CPU its Warden processes and PostgreSQL used.
scenario() {
    local label=$1 processes=$2 pg; pg=$(postgres_pids)
    local warden_before pg_before; warden_before=$(cpu_ticks "${WARDEN_PIDS[@]}"); pg_before=$(cpu_ticks $pg)
    local started=$SECONDS load; load=$(cut -d' ' -f1 /proc/loadavg)
    log "scenario: $label"
    java -jar "$LOADGEN" backbone --sink-port "$SINK_PORT" --secret "$SECRET" --client bench \
        --db-url "postgresql://127.0.0.1:$PG_PORT/postgres" --db-user postgres --db-password "$PG_PASSWORD" \
        --data-file "$BENCH/workloads/backbone-moderation.json" --backlog "$BACKLOG" \
        --warmup-backlog "$WARMUP_BACKLOG" --rates "$RATES" --batched-rates "$BATCHED_RATES" \
        --batch-interval "$BATCH_INTERVAL" --duration "$DURATION" --processes "$processes" --label "$label" \
        --out "$RUN/$processes.json"
    local warden_after pg_after; warden_after=$(cpu_ticks "${WARDEN_PIDS[@]}"); pg_after=$(cpu_ticks $pg)
    awk -v w=$((warden_after - warden_before)) -v p=$((pg_after - pg_before)) -v s=$((SECONDS - started)) \
        -v hz="$CLK_TCK" -v l="$label" \
        -v load="$load" 'BEGIN { printf "- %s: %d s of wall time; CPU Warden %.1f s, PostgreSQL %.1f s;" \
        " load average %s when it began\n", l, s, w / hz, p / hz, load }' >> "$RUN/cpu.md"
}

describe_environment() {
    echo "Run $STAMP on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"\
        "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), everything on loopback;"\
        "$(java -version 2>&1 | head -1); Warden $WARDEN_JAVA_OPTS; PostgreSQL: Warden's embedded default"\
        "(fsync and synchronous_commit on). Backlog $BACKLOG after a warm-up of $WARMUP_BACKLOG; steady phases"\
        "of $DURATION at $RATES/s (a commit per row) and $BATCHED_RATES/s (a commit per $BATCH_INTERVAL)."
}

main() {
    require_free_ports
    build
    mkdir -p "$RUN" "$BENCH/results"
    log "run directory $RUN"
    start_warden 0 ""
    PG_PASSWORD=$(<"$RUN/warden0/.warden/pg-password")
    scenario "one process" 1
    start_warden 1 "warden.database.url=postgresql://localhost:$PG_PORT/postgres
warden.database.password=$PG_PASSWORD"
    scenario "two processes" 2

    describe_environment > "$RUN/environment.md"
    local out="$BENCH/results/$STAMP-backbone"
    java -jar "$LOADGEN" backbone-report --environment "$RUN/environment.md" --out-md "$out.md" \
        --out-json "$out.json" "$RUN/1.json" "$RUN/2.json"
    { printf '\n## CPU per scenario\n\n'; cat "$RUN/cpu.md"; } >> "$out.md"
    if [[ $PROFILE == true ]]; then
        cleanup
        STARTED=()
        for n in 0 1; do java -jar "$LOADGEN" hotspots "$RUN/warden$n/warden.jfr" > "$RUN/hotspots-$n.txt"; done
        log "profiles: $RUN/hotspots-0.txt, $RUN/hotspots-1.txt"
    fi
    log "report: bench/results/$STAMP-backbone.md"
}

main "$@"
