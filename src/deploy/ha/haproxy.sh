#!/usr/bin/env bash
# (Re)writes and (re)starts HAProxy: the instances behind ${APP_LB_PORT}, health-checked on
# /actuator/health/readiness, and the current PostgreSQL primary behind ${PG_LB_PORT}, found by
# asking each node's Patroni REST API for /primary (200 on the leader only).
set -euo pipefail
. "$(dirname "$0")/env.sh"
mkdir -p "$HA_DIR"
{
  cat <<CFG
global
  maxconn 4096
defaults
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 1s
listen stats
  bind 127.0.0.1:${HAPROXY_STATS_PORT}
  mode http
  stats enable
  stats uri /
frontend jointworks
  bind 127.0.0.1:${APP_LB_PORT}
  mode http
  default_backend instances
backend instances
  mode http
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  # A refused connection to a dead instance is retried on another one (idempotent or not: the
  # request never reached the dead one).
  retries 2
  option redispatch 1
  retry-on conn-failure empty-response response-timeout
  default-server inter 1s fall 2 rise 2
CFG
  i=1
  for p in "${APP_PORTS[@]}"; do echo "  server app$i 127.0.0.1:$p check"; i=$((i + 1)); done
  cat <<CFG
listen postgres_primary
  bind 127.0.0.1:${PG_LB_PORT}
  mode tcp
  option httpchk GET /primary
  http-check expect status 200
  # Connections to a node that stops being primary are cut, so clients reconnect to the new one.
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
CFG
  for i in 0 1; do
    echo "  server pg$((i + 1)) 127.0.0.1:${PG_PORTS[$i]} check port ${PATRONI_PORTS[$i]}"
  done
} >"$HA_DIR/haproxy.cfg"
if [ -f "$HA_DIR/haproxy.pid" ] && kill -0 "$(cat "$HA_DIR/haproxy.pid")" 2>/dev/null; then
  haproxy -f "$HA_DIR/haproxy.cfg" -p "$HA_DIR/haproxy.pid" -D -sf "$(cat "$HA_DIR/haproxy.pid")"
else
  haproxy -f "$HA_DIR/haproxy.cfg" -p "$HA_DIR/haproxy.pid" -D
fi
echo "HAProxy: instances on 127.0.0.1:${APP_LB_PORT}, primary on 127.0.0.1:${PG_LB_PORT}, stats on :${HAPROXY_STATS_PORT}"
