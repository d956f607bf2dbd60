#!/usr/bin/env bash
# The main job: build Halo, then `halo demo` — two Halo nodes and a client in network namespaces the
# demo creates (and always removes); it shows who holds the VIP, kills the master, reports the
# measured failover and restores the node. Needs root (ip netns). Extra arguments go to `halo demo`
# (e.g. --signal TERM, --version 2 --advert 1).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp install -Dmaven.test.skip=true
dist=$(ls -d distribution/target/halo-*/ | head -n1)
"$dist/bin/halo" --version
exec "$dist/bin/halo" demo "$@"
