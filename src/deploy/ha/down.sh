#!/usr/bin/env bash
# Stops everything the other scripts started (by their pid files) and, with --clean, removes
# ${HA_DIR}. TERM to all at once, then KILL whatever is left after 10 s.
. "$(dirname "$0")/env.sh"
pids=()
for f in "$HA_DIR"/app*.pid "$HA_DIR"/haproxy.pid "$HA_DIR"/patroni*.pid "$HA_DIR"/etcd.pid; do
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  kill "$pid" 2>/dev/null && pids+=("$pid")
  rm -f "$f"
done
for _ in $(seq 1 50); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ $alive = 0 ] && break
  sleep 0.2
done
for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
# A postmaster whose Patroni was killed -9 in a failure test outlives it: stop it by its data dir.
for d in "$HA_DIR"/pg1 "$HA_DIR"/pg2; do
  if [ -f "$d/postmaster.pid" ]; then
    pid=$(head -1 "$d/postmaster.pid")
    kill -9 "$pid" 2>/dev/null
  fi
done
if [ "${1:-}" = --clean ]; then rm -rf "$HA_DIR"; fi
echo "stopped"
