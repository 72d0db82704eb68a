#!/usr/bin/env bash
# Starts service instances of the postgis profile on ${APP_PORTS[*]} (or only those numbered in
# the arguments, 1-based) against the primary behind HAProxy, and waits until each is ready.
# The jar is built first when missing (./mvnw -DskipTests package).
set -euo pipefail
. "$(dirname "$0")/env.sh"
mkdir -p "$HA_DIR/logs"
JAR="${APP_JAR:-$REPO/target/jointworks.jar}"
if [ ! -f "$JAR" ]; then
  (cd "$REPO" && ./mvnw -q -B -DskipTests package)
fi
which=("$@")
if [ ${#which[@]} = 0 ]; then which=($(seq 1 ${#APP_PORTS[@]})); fi
for n in "${which[@]}"; do
  port=${APP_PORTS[$((n - 1))]}
  # shellcheck disable=SC2086
  JOINTWORKS_DB_URL="$DB_URL" java ${APP_JAVA_OPTS:--Xmx400m -XX:+UseSerialGC} -jar "$JAR" \
    --spring.profiles.active=postgis --server.port="$port" \
    --jointworks.demo-users=true --jointworks.sample-data=false \
    --spring.datasource.hikari.connection-timeout=5000 \
    >>"$HA_DIR/logs/app$n.log" 2>&1 &
  echo $! >"$HA_DIR/app$n.pid"
done
in_haproxy() { # in_haproxy N: HAProxy's stats say instance N is UP
  curl -s "http://127.0.0.1:${HAPROXY_STATS_PORT}/;csv" \
    | awk -F, -v s="app$1" '$1 == "instances" && $2 == s && $18 ~ /^UP/ { up = 1 } END { exit !up }'
}
for n in "${which[@]}"; do
  port=${APP_PORTS[$((n - 1))]}
  wait_for 400 "instance $n on $port" curl -sf "http://127.0.0.1:$port/actuator/health/readiness"
  # Ready is not yet serving: HAProxy sends it requests only after two passed checks (rise 2,
  # up to 2 s later). Until then a client of HAProxy gets 503 at once (no server) when none of
  # the instances is UP there yet — what made wrk count 15,612 errors in 0.3 s (deploy.md).
  if curl -s -o /dev/null "http://127.0.0.1:${HAPROXY_STATS_PORT}/"; then
    wait_for 30 "HAProxy to take instance $n" in_haproxy "$n"
  fi
  echo "instance $n ready on 127.0.0.1:$port and in HAProxy"
done
