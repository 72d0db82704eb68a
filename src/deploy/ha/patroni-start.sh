#!/usr/bin/env bash
# Starts (or restarts, after a failure drill) Patroni node N with the configuration db-up.sh
# wrote; its pid file holds Patroni's own pid (not runuser's), so a kill -9 reaches Patroni.
set -euo pipefail
. "$(dirname "$0")/env.sh"
n=$1
rm -f "$HA_DIR/patroni$n.pid"
"${AS_PG[@]}" sh -c 'echo $$ >"$1"; exec /usr/bin/patroni "$2"' patroni \
  "$HA_DIR/patroni$n.pid" "$HA_DIR/patroni$n.yml" >>"$HA_DIR/logs/patroni$n.log" 2>&1 &
wait_for 10 "Patroni $n's pid file" test -s "$HA_DIR/patroni$n.pid"
