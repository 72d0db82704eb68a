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
for n in "${which[@]}"; do
  port=${APP_PORTS[$((n - 1))]}
  wait_for 400 "instance $n on $port" curl -sf "http://127.0.0.1:$port/actuator/health/readiness"
  echo "instance $n ready on 127.0.0.1:$port"
done
