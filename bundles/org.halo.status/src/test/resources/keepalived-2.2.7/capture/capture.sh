#!/usr/bin/env bash
# Captures keepalived 2.2.7's dump files for the golden tests (run as root, by hand):
#   capture.sh OUTDIR
# Two namespaces n1 (MASTER side) and n2 (BACKUP side) on a bridge in a third namespace; every
# keepalived runs with a private /tmp (a bind mount inside its own mount namespace), so its
# /tmp/keepalived.* land in OUTDIR/nX and nothing is left in the host's /tmp. The namespaces are
# always deleted (trap), whatever happens.
set -euo pipefail
OUT=$(realpath "${1:?usage: capture.sh OUTDIR}")
case "$OUT" in /tmp|/tmp/*) echo "OUTDIR must not be under /tmp (each keepalived gets a private /tmp)" >&2; exit 2;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
CONF=${CONF:-$HERE/keepalived.conf.in}  # the template: @N@ node, @PRIO@, @STATE@, @PEER@ the other node's last octet
P="hd$$-"
BR="${P}br"
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -TERM "$p" 2>/dev/null || true; done
  sleep 1
  for ns in "${P}n1" "${P}n2" "$BR"; do
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT
ip netns add "$BR"
ip -n "$BR" link add br0 type bridge stp_state 0 forward_delay 0 mcast_snooping 0
ip -n "$BR" link set br0 up
for n in 1 2; do
  ns="${P}n$n"
  ip netns add "$ns"
  ip -n "$BR" link add "p-n$n" type veth peer name eth0 netns "$ns"
  ip -n "$BR" link set "p-n$n" master br0 up
  ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 address "02:77:00:00:00:1$n"
  ip -n "$ns" addr add "10.77.0.1$n/24" dev eth0
  ip -n "$ns" -6 addr add "fd77::1$n/64" dev eth0 nodad
  ip -n "$ns" link add eth1 type veth peer name eth1p
  ip -n "$ns" link set eth1p up
  ip -n "$ns" link set eth1 up
  ip -n "$ns" link set eth0 up
  mkdir -p "$OUT/n$n/tmp"
  chmod 1777 "$OUT/n$n/tmp"
  sed "s/@N@/$n/g; s/@PRIO@/$((n == 1 ? 150 : 100))/g; s/@STATE@/$([ $n = 1 ] && echo MASTER || echo BACKUP)/g; s/@PEER@/$((n == 1 ? 12 : 11))/g" \
    "$CONF" > "$OUT/n$n/keepalived.conf"
  setsid ip netns exec "$ns" sh -c "mount --bind '$OUT/n$n/tmp' /tmp && exec /usr/sbin/keepalived -n -l -D -G \
    -f '$OUT/n$n/keepalived.conf' -p '$OUT/n$n/k.pid' -r '$OUT/n$n/v.pid' -c '$OUT/n$n/c.pid'" \
    > "$OUT/n$n/keepalived.log" 2>&1 < /dev/null &
  PIDS+=($!)
done
sleep "${SETTLE:-8}"
JSON=$(/usr/sbin/keepalived --signum=JSON)
for n in 1 2; do
  vpid=$(cat "$OUT/n$n/v.pid")
  kill -USR1 "$vpid"; kill -USR2 "$vpid"; kill -s "$JSON" "$vpid"
done
sleep 1
for n in 1 2; do
  cp "$OUT/n$n/tmp/keepalived.data" "$OUT/n$n/tmp/keepalived.stats" "$OUT/n$n/tmp/keepalived.json" "$OUT/n$n/"
  ip -n "${P}n$n" -o addr show > "$OUT/n$n/addresses.txt"
  rm -rf "$OUT/n$n/tmp"
done
echo "captured in $OUT"
