#!/bin/sh
# Failover benchmark: keepalived and Halo side by side on the same namespaces (root only).
# Builds tests/system if needed, then runs org.halo.systest.bench.FailoverBench.
# Options are passed through (docs/benchmark.md), e.g.:
#   tests/system/bench/failover.sh --rounds 5 --idle 30 --flap 60 --loss 0,20 \
#       --kinds keepalived,halo --setups v2-1s,v3-100ms,v3-10ms
# --phase F (default 0.5): signal F x advert interval after one of the master's adverts; --phase random.
# Kinds (default keepalived,halo): keepalived (always, the reference), halo_core (Halo VRRP core: engine + Linux layer + runtime
# wiring as a plain JVM, HaloCoreNode), halo (the distribution's bin/halo, when built).
# bin/halo comes from distribution/target/halo-*/bin/halo or -Dhalo.bin (HALO_BENCH_JAVA_OPTS).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(cd "$module/../.." && pwd)
if [ ! -f "$module/target/classpath.txt" ] || [ ! -d "$module/target/classes" ]; then
  # package, never install (~/.m2 is shared): in the reactor the bundles resolve to this tree's jars
  (cd "$root" && mvn -B -q -o package -pl tests/system -am -DskipTests)
fi
cd "$root"
exec java -Xmx256m ${HALO_BENCH_JAVA_OPTS:-} -Dhalo.home="$root/distribution/target" \
  -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" \
  org.halo.systest.bench.FailoverBench --dir "$module/target/bench" "$@"
