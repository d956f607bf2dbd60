#!/usr/bin/env bash
# Foundation benchmark: prints (never asserts) cold and warm build times, daemon start-to-ready time and
# RSS. Builds in a throwaway clone of the committed tree, so the work tree is untouched; runs the daemon
# in a network namespace it creates and always deletes. Needs root (ip netns).
#   distribution/bench/foundation.sh [runs]      (runs: daemon starts to measure, default 5)
#   BENCH_WITH_TESTS=1 also times a warm `mvn -q package` that runs the tests.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
work=$(mktemp -d /tmp/halo-bench.XXXXXX)
ns="hb$$-bench"
pid=
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

git clone -q "$repo" "$work/src"
cd "$work/src"
echo "commit: $(git rev-parse --short HEAD)   cores: $(nproc)   java: $(java -version 2>&1 | head -n1)"

# Wall time depends on whatever else the machine runs, so CPU time (user+sys of Maven and its forks) is
# printed too, with the load average.
build() { # label, mvn args...
    local label=$1; shift
    local TIMEFORMAT='%R %U %S' t rc=ok
    { t=$( { time mvn -B -q -o "$@" >/dev/null 2>&1 || rc=FAILED; } 2>&1 ); } || true
    read -r wall user sys <<<"$(echo "$t" | tail -n1)"
    printf '%-58s wall %6.1f s   cpu %6.1f s   (%s, load %s)\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$rc" \
        "$(cut -d' ' -f1 /proc/loadavg)"
}
build "cold build: fresh clone, mvn -q package, tests skipped" package -Dmaven.test.skip=true
build "warm build: unchanged tree, same command" package -Dmaven.test.skip=true
build "warm build: unchanged tree, mvn -q package -DskipTests" package -DskipTests
if [ "${BENCH_WITH_TESTS:-0}" = 1 ]; then  # runs every test of the project: minutes
    build "warm build: unchanged tree, mvn -q package (with tests)" package
fi

dist=$(ls -d "$work"/src/distribution/target/halo-*/ | head -n1)
ip netns add "$ns"
ip -n "$ns" link set lo up
printf 'global_defs {\n    router_id bench\n}\n' > "$work/keepalived.conf"
for i in $(seq 1 "$runs"); do
    rm -rf "$work/run" "$work/state"
    t0=$(date +%s%N)
    ip netns exec "$ns" "$dist/bin/halo" -n -l -G --name bench --run-dir "$work/run" --state-dir "$work/state" \
        -f "$work/keepalived.conf" > "$work/halo.log" 2>&1 &
    pid=$!
    until grep -q "Halo ready" "$work/halo.log" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { cat "$work/halo.log"; exit 1; }
        sleep 0.01
    done
    t1=$(date +%s%N)
    t2=$(date +%s%N); "$dist/bin/halo" shell --run-dir "$work/run" -c lb > /dev/null; t3=$(date +%s%N)
    sleep 2
    rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
    inner=$(sed -n 's/.*Halo ready in \([0-9]*\) ms.*/\1/p' "$work/halo.log")
    printf 'run %d: process start to ready %s s (framework start %s ms), RSS %d MB after 2 s, halo shell -c lb %s s\n' \
        "$i" "$(secs "$t0" "$t1")" "$inner" $((rss / 1024)) "$(secs "$t2" "$t3")"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
