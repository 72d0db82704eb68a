# Ports and directories of the loopback HA rig (docs/deploy.md). Sourced by the other scripts.
# Everything listens on 127.0.0.1 only; nothing touches the machine's own PostgreSQL (5432).
HA_DIR="${HA_DIR:-/tmp/jointworks-ha}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
APP_LB_PORT=18700            # HAProxy in front of the instances
APP_PORTS=(18701 18702 18703) # the instances
HAPROXY_STATS_PORT=18709
PG_PORTS=(18750 18751)       # the two PostgreSQL nodes Patroni manages
PATRONI_PORTS=(18752 18753)  # their Patroni REST APIs (HAProxy asks /primary)
PG_LB_PORT=18754             # HAProxy: always the current primary
ETCD_PORT=18760
ETCD_PEER_PORT=18761
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
