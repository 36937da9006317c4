# Sourced by the bench scripts: the CPU a set of processes used, read from /proc.

# cpu_ticks PID...: user+system clock ticks of those processes (PIDs that are gone count 0).
cpu_ticks() {
    local total=0 pid
    for pid in "$@"; do
        [[ -r /proc/$pid/stat ]] || continue
        local stat; stat=$(</proc/"$pid"/stat); stat=${stat##*) }
        read -r -a fields <<< "$stat"
        total=$((total + fields[11] + fields[12]))
    done
    echo "$total"
}
