#!/usr/bin/env bash
# Stops everything the other scripts started (by their pid files) and, with --clean, removes
# ${HA_DIR}.
. "$(dirname "$0")/env.sh"
for f in "$HA_DIR"/app*.pid "$HA_DIR"/haproxy.pid "$HA_DIR"/patroni*.pid "$HA_DIR"/etcd.pid; do
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null
  rm -f "$f"
done
# A postmaster whose Patroni was killed -9 in a failure test outlives it: stop it by its data dir.
for d in "$HA_DIR"/pg1 "$HA_DIR"/pg2; do
  if [ -f "$d/postmaster.pid" ]; then
    pid=$(head -1 "$d/postmaster.pid")
    kill -9 "$pid" 2>/dev/null
  fi
done
if [ "${1:-}" = --clean ]; then rm -rf "$HA_DIR"; fi
echo "stopped"
