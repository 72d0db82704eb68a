# Ports and directories of the loopback HA rig (docs/deploy.md). Sourced by the other scripts.
# Everything listens on 127.0.0.1 only; nothing touches the machine's own PostgreSQL (5432).
HA_DIR="${HA_DIR:-/tmp/jointworks-ha}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# All ports are offsets from HA_PORT_BASE (default 18700), so two rigs (a CI run and a hand-run
# drill) can run side by side with different bases and HA_DIRs. Exported for failure-test.py.
export HA_PORT_BASE="${HA_PORT_BASE:-18700}" HA_DIR
B=$HA_PORT_BASE
APP_LB_PORT=$B                                  # HAProxy in front of the instances
APP_PORTS=($((B + 1)) $((B + 2)) $((B + 3)))    # the instances
HAPROXY_STATS_PORT=$((B + 9))
PG_PORTS=($((B + 50)) $((B + 51)))              # the two PostgreSQL nodes Patroni manages
PATRONI_PORTS=($((B + 52)) $((B + 53)))         # their Patroni REST APIs (HAProxy asks /primary)
PG_LB_PORT=$((B + 54))                          # HAProxy: always the current primary
ETCD_PORT=$((B + 60))
ETCD_PEER_PORT=$((B + 61))
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DB_NAME=jointworks
DB_URL="jdbc:postgresql://127.0.0.1:${PG_LB_PORT}/${DB_NAME}?user=postgres&connectTimeout=3&socketTimeout=30"
# PostgreSQL refuses to run as root; Patroni then runs as the postgres user.
if [ "$(id -u)" = 0 ]; then AS_PG=(runuser -u postgres --); else AS_PG=(); fi

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  for _ in $(seq 1 $((limit * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "timed out after ${limit}s waiting for ${what}" >&2; return 1
}
