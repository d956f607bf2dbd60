#!/usr/bin/env bash
# The main job (for now): build Halo, start the appliance inside a network namespace this script
# creates (and always removes), print its status, stop it. Needs root (ip netns). Grows into `halo demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp install -Dmaven.test.skip=true
dist=$(ls -d distribution/target/halo-*/ | head -n1)
ns="hd$$-demo"
work=$(mktemp -d /tmp/halo-demo.XXXXXX)
pid=
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"; wait "$pid" || true
    fi
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A private LAN inside the namespace: nothing here touches the host's interfaces.
ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" link add demo0 type veth peer name demo1
ip -n "$ns" link set demo1 up
ip -n "$ns" addr add 10.200.0.1/24 dev demo0
ip -n "$ns" link set demo0 up
cat > "$work/keepalived.conf" <<CONF
global_defs {
    router_id halo_demo
}
vrrp_instance VI_1 {
    state MASTER
    interface demo0
    virtual_router_id 51
    priority 150
    advert_int 1
    virtual_ipaddress {
        10.200.0.100/24
    }
}
CONF

ip netns exec "$ns" "$dist/bin/halo" -n -l -G --name demo --run-dir "$work/run" --state-dir "$work/state" \
    -f "$work/keepalived.conf" > "$work/halo.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
    [ -S "$work/run/shell/shell.sock" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/halo.log"; exit 1; }
    sleep 0.1
done
sleep 1
echo "== halo --version";            "$dist/bin/halo" --version 2>&1 | head -n1
echo "== daemon log";                cat "$work/halo.log"
echo "== bundles (halo shell -c lb)"; "$dist/bin/halo" shell --run-dir "$work/run" -c lb
echo "== components (scr:list)";     "$dist/bin/halo" shell --run-dir "$work/run" -c 'scr:list' || true
echo "== addresses in $ns";          ip -n "$ns" -brief addr show
