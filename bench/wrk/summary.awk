# Turns the output of `wrk --latency` into one JSON object for `loadgen report` (the closed-loop table).
# Variables: label, target, connections, cpu and postgres_cpu (CPU seconds of the target's processes and of
# Warden's PostgreSQL over the measured run; 0 where there is none).
# wrk prints latencies with a unit (us, ms, s, m); they are written as milliseconds. Errors are the answers that
# were not 2xx or 3xx plus every socket error (connect, read, write, timeout), kept apart by kind.
function ms(value) {
    if (value ~ /us$/) return substr(value, 1, length(value) - 2) / 1000
    if (value ~ /ms$/) return substr(value, 1, length(value) - 2) + 0
    if (value ~ /m$/) return substr(value, 1, length(value) - 1) * 60000
    if (value ~ /s$/) return substr(value, 1, length(value) - 1) * 1000
    return value + 0
}
/^ +50% / { p50 = ms($2) }
/^ +99% / { p99 = ms($2) }
/ requests in / { requests = $1; duration = $4; sub(/,$/, "", duration); duration = ms(duration) / 1000 }
/^Requests\/sec:/ { rate = $2 }
/Non-2xx or 3xx responses:/ { non2xx = $NF }
/Socket errors:/ {
    # "Socket errors: connect 0, read 0, write 0, timeout 0"
    for (i = 3; i < NF; i += 2) { kind = $i; count = $(i + 1); sub(/,$/, "", count); socket[kind] = count }
}
END {
    if (requests == "") { print "wrk printed no summary" > "/dev/stderr"; exit 1 }
    printf "{\"label\":\"%s\",\"target\":\"%s\",\"connections\":%d,\"durationS\":%.2f,\"requests\":%d,", label, target,
        connections, duration, requests
    printf "\"requestsPerSecond\":%s,\"latencyMs\":{\"p50\":%.3f,\"p99\":%.3f},", rate, p50, p99
    printf "\"errors\":{\"non2xx\":%d,\"connect\":%d,\"read\":%d,\"write\":%d,\"timeout\":%d},", non2xx,
        socket["connect"], socket["read"], socket["write"], socket["timeout"]
    printf "\"cpuSeconds\":%s,\"postgresCpuSeconds\":%s}\n", cpu, postgres_cpu
}
