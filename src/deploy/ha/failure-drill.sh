#!/usr/bin/env bash
# The failure drills end to end: starts the rig (etcd, Patroni x2, HAProxy, three instances),
# runs failure-test.py (pass --short for the CI form), and always stops the rig again, also when
# a step fails or the drill is interrupted. Self-contained: its own ports (HA_PORT_BASE, default
# 18700, up to +61) and data directory (HA_DIR); it refuses to start when one of its ports is
# taken, so it never talks to something it did not start.
# Usage: [HA_PORT_BASE=…] [HA_DIR=…] src/deploy/ha/failure-drill.sh [--short]
set -uo pipefail
here="$(dirname "$0")"
. "$here/env.sh"
started=$(date +%s)
"$here/down.sh" --clean >/dev/null
for port in "$APP_LB_PORT" "${APP_PORTS[@]}" "$HAPROXY_STATS_PORT" "${PG_PORTS[@]}" \
    "${PATRONI_PORTS[@]}" "$PG_LB_PORT" "$ETCD_PORT" "$ETCD_PEER_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: stop what listens there or set HA_PORT_BASE" >&2
    exit 2
  fi
done
cleanup() {
  if [ "${status:-1}" != 0 ] && [ -d "$HA_DIR/logs" ]; then
    rm -rf "$HA_DIR.logs" && cp -r "$HA_DIR/logs" "$HA_DIR.logs"
    echo "the rig's logs are kept in $HA_DIR.logs" >&2
  fi
  "$here/down.sh" --clean >/dev/null
  echo "drill and rig: $(( $(date +%s) - started )) s" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# C1 only: the instances start in about half the CPU time, which the drill waits for twice.
export APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xmx400m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
phase() { echo "[$(( $(date +%s) - started )) s] $*" >&2; }
phase "starting the database (etcd, Patroni, HAProxy)"
if ! { HA_WAIT_REPLICA=0 "$here/db-up.sh" && phase "starting three instances" \
    && "$here/app-up.sh"; }; then
  echo "the rig did not start; its logs:" >&2
  tail -n 30 "$HA_DIR"/logs/*.log >&2
  status=2
  exit 2
fi
phase "the drills"
python3 "$here/failure-test.py" "$@"
status=$?
if [ $status != 0 ]; then
  echo "the drill failed; HAProxy's log of failed requests and server changes:" >&2
  grep -v "postgres_primary/TCP" "$HA_DIR/logs/haproxy.log" | tail -n 40 >&2
fi
exit $status
