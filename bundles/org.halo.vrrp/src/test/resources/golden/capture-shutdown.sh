#!/bin/bash
# Capture real keepalived 2.2.7 adverts inside a private netns pair. Always cleans up.
set -u
P="hc$$"
A="$P-a"; B="$P-b"
OUT=${OUT:-/tmp/hcap/out}
mkdir -p "$OUT"
cleanup() {
  for f in "$OUT"/*.pid; do [ -f "$f" ] && kill $(cat "$f") 2>/dev/null; done
  sleep 0.5
  ip netns pids "$A" 2>/dev/null | xargs -r kill -9 2>/dev/null
  ip netns pids "$B" 2>/dev/null | xargs -r kill -9 2>/dev/null
  ip netns del "$A" 2>/dev/null; ip netns del "$B" 2>/dev/null
}
trap cleanup EXIT
ip netns add "$A"; ip netns add "$B"
ip link add "$P-va" type veth peer name "$P-vb"
ip link set "$P-va" netns "$A"; ip link set "$P-vb" netns "$B"
for ns in $A $B; do ip -n $ns link set lo up; done
ip netns exec $A sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns exec $B sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n $A link set "$P-va" name eth0; ip -n $B link set "$P-vb" name eth0
ip -n $A link set eth0 address 02:00:00:00:00:0a; ip -n $B link set eth0 address 02:00:00:00:00:0b
ip -n $A addr add 10.77.0.1/24 dev eth0; ip -n $B addr add 10.77.0.2/24 dev eth0
ip -n $A addr add fe80::a/64 dev eth0 nodad; ip -n $B addr add fe80::b/64 dev eth0 nodad
ip -n $A addr add fd77::1/64 dev eth0 nodad; ip -n $B addr add fd77::2/64 dev eth0 nodad
ip -n $A link set eth0 up; ip -n $B link set eth0 up
sleep 1
run() { # name conf
  local name=$1 conf=$OUT/$1.conf
  cat > "$conf"
  ip netns exec $B tcpdump -i eth0 -U -s 0 -w "$OUT/$name.pcap" -c 50 '(ip proto 112) or (ip proto 51) or (ip6 and (ip6[6]=112 or ip6[6]=51))' >/dev/null 2>&1 &
  local td=$!
  sleep 0.5
  ip netns exec $A keepalived -n -l -D -f "$conf" -p $OUT/$name.kpid -r $OUT/$name.vpid -c $OUT/$name.cpid --vrrp > "$OUT/$name.log" 2>&1 &
  local kp=$!
  sleep 6; kill $kp; wait $kp 2>/dev/null; sleep 1
  kill $td 2>/dev/null; wait $td 2>/dev/null
  sleep 0.3
}
base() { # extra lines in instance
cat <<E
global_defs { router_id hcap
 vrrp_garp_master_delay 0 }
vrrp_instance VI_1 {
  state MASTER
  interface eth0
  virtual_router_id 51
  priority 150
  advert_int 1
$1
}
E
}
base "  virtual_ipaddress { 10.77.0.100/24 }" | run v2_shutdown_prio0
