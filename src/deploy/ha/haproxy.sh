#!/usr/bin/env bash
# (Re)writes and (re)starts HAProxy: the instances behind ${APP_LB_PORT}, health-checked on
# /actuator/health/readiness, and the current PostgreSQL primary behind ${PG_LB_PORT}, found by
# asking each node's Patroni REST API for /primary (200 on the leader only).
set -euo pipefail
. "$(dirname "$0")/env.sh"
mkdir -p "$HA_DIR/logs"
{
  cat <<CFG
global
  maxconn 4096
  # HAProxy runs in the foreground of a background shell: its log goes to logs/haproxy.log.
  log stdout format raw local0
  # After a reload the old process serves its open connections (the instances' pooled database
  # connections) at most this long, so no HAProxy outlives down.sh.
  hard-stop-after 10s
defaults
  log global
  # Only requests that went wrong are logged (with their termination state), for the drills.
  option dontlog-normal
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A loaded instance that answers its check slowly is alive: only a failed connection or a
  # non-200 (not ready) takes it out. With 1 s, a machine at load 30 could mark every instance
  # down at once, and HAProxy answers each request 503 at once (no server available).
  timeout check 3s
listen stats
  bind 127.0.0.1:${HAPROXY_STATS_PORT}
  mode http
  stats enable
  no log
  stats uri /
frontend jointworks
  bind 127.0.0.1:${APP_LB_PORT}
  mode http
  option httplog
  default_backend instances
backend instances
  mode http
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  # Killing an instance costs no read (decision 70):
  # - a refused connection is retried on another instance (any method: it never arrived);
  # - a GET/HEAD that got no answer (the instance died with it in flight), a broken or timed-out
  #   answer, or a 502/503/504 is retried on another instance: reads are idempotent. Not 500:
  #   that is the service's own answer (a bug, a store timeout), which a retry only multiplies;
  # - a POST/PUT/PATCH/DELETE that reached an instance is never sent twice (it may have
  #   committed): its client gets the error and decides.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response junk-response response-timeout 502 503 504
  http-request disable-l7-retry unless METH_GET
  default-server inter 1s fall 2 rise 2
CFG
  i=1
  for p in "${APP_PORTS[@]}"; do echo "  server app$i 127.0.0.1:$p check"; i=$((i + 1)); done
  cat <<CFG
listen postgres_primary
  bind 127.0.0.1:${PG_LB_PORT}
  mode tcp
  no log
  option httpchk GET /primary
  http-check expect status 200
  # Connections to a node that stops being primary are cut, so clients reconnect to the new one.
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
CFG
  for i in 0 1; do
    echo "  server pg$((i + 1)) 127.0.0.1:${PG_PORTS[$i]} check port ${PATRONI_PORTS[$i]}"
  done
} >"$HA_DIR/haproxy.cfg"
haproxy -c -q -f "$HA_DIR/haproxy.cfg"
old=""
if [ -f "$HA_DIR/haproxy.pid" ] && kill -0 "$(cat "$HA_DIR/haproxy.pid")" 2>/dev/null; then
  old=$(cat "$HA_DIR/haproxy.pid")
fi
# Foreground (-db) in a background shell, so its log reaches a file; -sf hands the old
# process's listeners over on a reload.
haproxy -db -f "$HA_DIR/haproxy.cfg" ${old:+-sf "$old"} >>"$HA_DIR/logs/haproxy.log" 2>&1 &
echo $! >"$HA_DIR/haproxy.pid"
wait_for 10 "HAProxy's listener" curl -s -o /dev/null "http://127.0.0.1:${HAPROXY_STATS_PORT}/"
echo "HAProxy: instances on 127.0.0.1:${APP_LB_PORT}, primary on 127.0.0.1:${PG_LB_PORT}, stats on :${HAPROXY_STATS_PORT}"
