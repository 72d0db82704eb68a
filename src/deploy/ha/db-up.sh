#!/usr/bin/env bash
# Starts etcd, two PostgreSQL 15/PostGIS nodes under Patroni (a primary and a synchronous
# replica) and HAProxy, whose port ${PG_LB_PORT} always leads to the current primary.
set -euo pipefail
. "$(dirname "$0")/env.sh"
mkdir -p "$HA_DIR/logs"
chmod 777 "$HA_DIR" "$HA_DIR/logs"

etcd --name jw-etcd --data-dir "$HA_DIR/etcd" \
  --listen-client-urls "http://127.0.0.1:${ETCD_PORT}" \
  --advertise-client-urls "http://127.0.0.1:${ETCD_PORT}" \
  --listen-peer-urls "http://127.0.0.1:${ETCD_PEER_PORT}" \
  --initial-advertise-peer-urls "http://127.0.0.1:${ETCD_PEER_PORT}" \
  --initial-cluster "jw-etcd=http://127.0.0.1:${ETCD_PEER_PORT}" \
  >"$HA_DIR/logs/etcd.log" 2>&1 &
echo $! >"$HA_DIR/etcd.pid"
wait_for 20 "etcd" curl -sf "http://127.0.0.1:${ETCD_PORT}/health"

for i in 0 1; do
  n=$((i + 1))
  cat >"$HA_DIR/patroni$n.yml" <<YML
scope: jointworks
name: pg$n
log:
  level: WARNING
restapi:
  listen: 127.0.0.1:${PATRONI_PORTS[$i]}
  connect_address: 127.0.0.1:${PATRONI_PORTS[$i]}
etcd3:
  hosts: 127.0.0.1:${ETCD_PORT}
bootstrap:
  dcs:
    # A dead primary's leader key expires after ttl; the synchronous replica then takes over.
    ttl: 10
    loop_wait: 2
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        max_wal_senders: 8
        max_replication_slots: 8
        wal_log_hints: "on"
        max_connections: 200
  initdb:
    - encoding: UTF8
    - auth: trust
  pg_hba:
    # Loopback test rig only: production uses scram-sha-256 over TLS (docs/deploy.md).
    - local all all trust
    - host replication replicator 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:${PG_PORTS[$i]}
  connect_address: 127.0.0.1:${PG_PORTS[$i]}
  data_dir: ${HA_DIR}/pg$n
  bin_dir: ${PG_BIN}
  pgpass: ${HA_DIR}/pgpass$n
  authentication:
    replication: {username: replicator, password: replicator}
    superuser: {username: postgres, password: postgres}
  parameters:
    unix_socket_directories: ${HA_DIR}
YML
  chmod 644 "$HA_DIR/patroni$n.yml"
  "$(dirname "$0")/patroni-start.sh" "$n"
  if [ $n = 1 ]; then
    wait_for 90 "the first node to become primary" \
      curl -sf "http://127.0.0.1:${PATRONI_PORTS[0]}/primary"
  fi
done
# HA_WAIT_REPLICA=0 (failure-drill.sh): the replica is copied while the instances start; the
# primary-kill drill waits for it before it kills anything.
if [ "${HA_WAIT_REPLICA:-1}" != 0 ]; then
  wait_for 120 "a synchronous replica" sh -c \
    "curl -sf http://127.0.0.1:${PATRONI_PORTS[0]}/cluster | grep -q sync_standby"
fi

"$(dirname "$0")/haproxy.sh"
# HAProxy 2.6 counts a server up until its first checks fail: wait until it sees one primary.
wait_for 30 "HAProxy to find the one primary" sh -c \
  "curl -s 'http://127.0.0.1:${HAPROXY_STATS_PORT}/;csv' | grep '^postgres_primary,pg' | grep -c ',UP,' | grep -qx 1"
wait_for 30 "the primary through HAProxy" \
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_LB_PORT" -U postgres -d postgres -c "SELECT 1"
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_LB_PORT" -U postgres -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'" | grep -q 1 \
  || "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_LB_PORT" -U postgres -d postgres \
     -c "CREATE DATABASE ${DB_NAME}"
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_LB_PORT" -U postgres -d "$DB_NAME" \
  -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
echo "PostgreSQL primary behind 127.0.0.1:${PG_LB_PORT}; Patroni REST on ${PATRONI_PORTS[*]}"
