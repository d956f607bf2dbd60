#!/usr/bin/env bash
# Footprint benchmark: keepalived and bin/halo (feature vrrp, then full) in turn on the same keepalived.conf,
# in a network namespace this script creates and always deletes. Prints (never asserts), per daemon and run:
#   start -> first advert: exec of the daemon to the first VRRP advert captured on the wire (tcpdump -tt, kernel
#                          timestamp); one v3 instance in state BACKUP, so it includes the master-down timer
#                          (3 x advert + skew) that keepalived waits as well
#   RSS:                   resident set of the process tree (keepalived: parent + VRRP child) after --settle s
#   idle CPU:              utime+stime of the process tree over --idle s of an idle master, % of one core
# then min / median / max over the runs and the Halo/keepalived ratio of the medians.
#   distribution/bench/footprint.sh [--runs 5] [--settle 10] [--idle 30] [--advert 0.1] [--kinds keepalived,vrrp,full]
#                                   [--threads] [--dist DIR]
# --threads also prints per-thread CPU (ticks of /proc/PID/task/*/stat over the idle window) of the last run.
# HALO_JAVA_OPTS is passed through to bin/halo. Needs root (ip netns), tcpdump and keepalived.
set -euo pipefail
export LC_ALL=C
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=5 settle=10 idle=30 advert=0.1 kinds=keepalived,vrrp,full threads=0
dist=$(ls -d "$repo"/distribution/target/halo-*/ 2>/dev/null | grep -v '\.tar' | head -n1 || true)
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --settle) settle=$2; shift 2 ;;
        --idle) idle=$2; shift 2 ;;
        --advert) advert=$2; shift 2 ;;
        --kinds) kinds=$2; shift 2 ;;
        --threads) threads=1; shift ;;
        --dist) dist=$2; shift 2 ;;
        *) echo "usage: $0 [--runs N] [--settle S] [--idle S] [--advert S] [--kinds keepalived,vrrp,full] [--threads] [--dist DIR]" >&2; exit 1 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "footprint.sh: needs root (network namespaces)" >&2; exit 1; }
[ -x "$dist/bin/halo" ] || { echo "footprint.sh: no distribution (mvn -B -q package -DskipTests -pl distribution -am)" >&2; exit 1; }

work=$(mktemp -d /tmp/halo-footprint.XXXXXX)
ns="hfp$$-fp"
pid= tcpd=
hz=$(getconf CLK_TCK)
stop_daemon() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    [ -n "$pid" ] && { wait "$pid" 2>/dev/null || true; }
    pid=
}
stop_tcpdump() {
    if [ -n "$tcpd" ]; then kill -TERM "$tcpd" 2>/dev/null || true; wait "$tcpd" 2>/dev/null || true; fi
    tcpd=
}
cleanup() {
    stop_daemon
    stop_tcpdump
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" link add veth0 type veth peer name veth1
ip -n "$ns" link set veth0 up
ip -n "$ns" link set veth1 up
ip -n "$ns" addr add 10.99.0.1/24 dev veth0
cat > "$work/keepalived.conf" <<EOF
global_defs {
    router_id footprint
}
vrrp_instance VI_1 {
    state BACKUP
    interface veth0
    virtual_router_id 51
    priority 150
    advert_int $advert
    version 3
    virtual_ipaddress {
        10.99.0.100/24
    }
}
EOF

tree_pids() { # the process and its children (keepalived forks its VRRP child)
    echo "$1"
    cat "/proc/$1/task/"*/children 2>/dev/null | tr ' ' '\n' | grep . || true
}
tree_ticks() {
    local t=0 p
    for p in $(tree_pids "$1"); do
        t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$t"
}
tree_rss_kb() {
    local r=0 p
    for p in $(tree_pids "$1"); do
        r=$((r + $(awk '/^VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)))
    done
    echo "$r"
}
thread_ticks() { # "tid name ticks" for every thread of one process
    local f
    for f in "/proc/$1/task/"*/stat; do
        # the name is in parentheses and may contain spaces
        sed -E 's/^([0-9]+) \((.*)\) (.*)$/\1\t\2\t\3/' "$f" 2>/dev/null |
            awk -F'\t' '{ split($3, a, " "); gsub(/ /, "_", $2); print $1, $2, a[12] + a[13] }'
    done
}

# One run of one kind: writes "start_s rss_mb cpu_pct" to $work/r. Runs in this shell (not in a $(...)
# subshell), so the EXIT trap knows the daemon and tcpdump pids and stops them on any interruption.
run_once() {
    local kind=$1 n=$2 t0 first
    : > "$work/tcpd.out"
    ip netns exec "$ns" tcpdump -i veth1 -n -tt -l -Q in 'ip proto 112' > "$work/tcpd.out" 2> "$work/tcpd.err" &
    tcpd=$!
    for _ in $(seq 1 200); do grep -q listening "$work/tcpd.err" 2>/dev/null && break; sleep 0.02; done
    t0=$(date +%s.%N)
    case $kind in
        keepalived)
            ip netns exec "$ns" keepalived -n -l -D -G -f "$work/keepalived.conf" -p "$work/ka.pid" -r "$work/ka-vrrp.pid" \
                -c "$work/ka-check.pid" > "$work/$kind-$n.log" 2>&1 & ;;
        *)
            ip netns exec "$ns" "$dist/bin/halo" -n -l -D -G --feature "$kind" --name "fp$$-$kind" --run-dir "$work/run-$kind" \
                --state-dir "$work/state-$kind" -f "$work/keepalived.conf" > "$work/$kind-$n.log" 2>&1 & ;;
    esac
    pid=$!
    for _ in $(seq 1 1000); do [ -s "$work/tcpd.out" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.01; done
    if [ ! -s "$work/tcpd.out" ]; then
        echo "no advert from $kind within 10 s; log:" >&2; cat "$work/$kind-$n.log" >&2; exit 1
    fi
    first=$(head -n1 "$work/tcpd.out" | cut -d' ' -f1)
    stop_tcpdump
    sleep "$settle"
    local rss c0 c1
    rss=$(tree_rss_kb "$pid")
    [ "$threads" = 1 ] && [ "$kind" != keepalived ] && thread_ticks "$pid" > "$work/threads0"
    c0=$(tree_ticks "$pid")
    sleep "$idle"
    c1=$(tree_ticks "$pid")
    [ "$threads" = 1 ] && [ "$kind" != keepalived ] && thread_ticks "$pid" > "$work/threads1-$kind"
    [ "$threads" = 1 ] && [ "$kind" != keepalived ] && cp "$work/threads0" "$work/threads0-$kind"
    stop_daemon
    awk -v t0="$t0" -v t1="$first" -v rss="$rss" -v c="$((c1 - c0))" -v hz="$hz" -v idle="$idle" \
        'BEGIN { printf "%.3f %.1f %.2f\n", t1 - t0, rss / 1024, 100 * c / hz / idle }' > "$work/r"
}

stats() { # min / median / max of numbers on stdin
    sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%s %s %s\n", v[1], m, v[NR] }'
}

echo "footprint: $(date -u '+%Y-%m-%d %H:%M UTC'), cores $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg), runs $runs," \
    "advert ${advert}s, RSS after ${settle}s, idle CPU over ${idle}s"
echo "halo: $dist  HALO_JAVA_OPTS=${HALO_JAVA_OPTS:-(bin/halo default)}"
IFS=, read -r -a kindlist <<<"$kinds"
for kind in "${kindlist[@]}"; do
    for n in $(seq 1 "$runs"); do
        run_once "$kind" "$n"
        r=$(cat "$work/r")
        echo "$kind run $n: start->first advert ${r%% *} s, RSS $(echo "$r" | cut -d' ' -f2) MB, idle CPU ${r##* } %"
        echo "$r" >> "$work/results-$kind"
    done
done

echo
printf '| %-12s | %-28s | %-28s | %-28s |\n' daemon "start->first advert s" "RSS MB" "idle CPU % of a core"
printf '| %-12s | %-28s | %-28s | %-28s |\n' "" "min / median / max" "min / median / max" "min / median / max"
declare -A med
for kind in "${kindlist[@]}"; do
    line="| $(printf '%-12s' "$kind")"
    for col in 1 2 3; do
        read -r lo mid hi <<<"$(cut -d' ' -f$col "$work/results-$kind" | stats)"
        med[$kind,$col]=$mid
        line+=" | $(printf '%-28s' "$lo / $mid / $hi")"
    done
    echo "$line |"
done
if [[ ",$kinds," == *,keepalived,* ]]; then
    for kind in "${kindlist[@]}"; do
        [ "$kind" = keepalived ] && continue
        printf 'Halo %s / keepalived (medians): start %s, RSS %s, idle CPU %s\n' "$kind" \
            "$(awk -v a="${med[$kind,1]}" -v b="${med[keepalived,1]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" \
            "$(awk -v a="${med[$kind,2]}" -v b="${med[keepalived,2]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" \
            "$(awk -v a="${med[$kind,3]}" -v b="${med[keepalived,3]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    done
fi
if [ "$threads" = 1 ]; then
    for kind in "${kindlist[@]}"; do
        [ "$kind" = keepalived ] && continue
        echo
        echo "Halo $kind, last run: CPU per thread over ${idle}s (ms), busiest first"
        join -j1 <(sort "$work/threads0-$kind") <(sort "$work/threads1-$kind") |
            awk -v hz="$hz" '{ d = $5 - $3; if (d > 0) printf "%8.0f  %s (%s)\n", 1000 * d / hz, $2, $1 }' | sort -rn
    done
fi
