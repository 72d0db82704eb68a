#!/usr/bin/env bash
# The failure drills end to end: starts the rig (etcd, Patroni x2, HAProxy, three instances),
# runs failure-test.py (pass --short for the CI form), and always stops the rig again.
# Usage: src/deploy/ha/failure-drill.sh [--short]
set -uo pipefail
here="$(dirname "$0")"
"$here/down.sh" --clean >/dev/null
trap '"$here/down.sh" --clean >/dev/null' EXIT
"$here/db-up.sh" && "$here/app-up.sh" || { echo "the rig did not start" >&2; exit 2; }
python3 "$here/failure-test.py" "$@"
