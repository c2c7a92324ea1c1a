#!/usr/bin/env bash
# `npm start` with no DATABASE_URL: the product must become ready, serve the UI, and on SIGTERM
# stop with its embedded PostgreSQL, leaving no process behind.
set -euo pipefail
root=$(pwd)
data_dir=$(mktemp -d /tmp/vigie-smoke-XXXXXX)
chmod 755 "$data_dir"
port=${SMOKE_PORT:-3900}
log="$data_dir/start.log"

env -u DATABASE_URL DATA_DIR="$data_dir" PORT="$port" EMBEDDED_PG_PORT=$((port + 1)) setsid npm start >"$log" 2>&1 &
npm_pid=$!
trap 'kill -TERM -- -$npm_pid 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$port/api/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$npm_pid" 2>/dev/null; then echo "npm start exited early:"; cat "$log"; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/api/health/ready" | grep -q '"status":"ok"' || { echo "not ready:"; cat "$log"; exit 1; }
curl -fsS "http://127.0.0.1:$port/" | grep -qi '<div id="root"' || { echo "the UI is not served at /"; exit 1; }
curl -fsS "http://127.0.0.1:$port/api/docs-json" | grep -q '"openapi"' || { echo "no OpenAPI document"; exit 1; }
echo "ready, UI and docs served"

# The API is the node process npm start ran, somewhere below the npm process.
descendants() { local c; for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
api_pid=""
for p in $(descendants "$npm_pid"); do
  if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = node ] && tr '\0' ' ' <"/proc/$p/cmdline" | grep -q 'apps/api/dist/main.js'; then api_pid=$p; break; fi
done
[ -n "$api_pid" ] || { echo "cannot find the API process"; exit 1; }
echo "API process $api_pid: sending SIGTERM"
kill -TERM "$api_pid"
for _ in $(seq 1 30); do kill -0 "$api_pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$api_pid" 2>/dev/null; then echo "the API did not exit on SIGTERM"; exit 1; fi
wait "$npm_pid" || true
trap - EXIT
if pgrep -f "postgres.*$data_dir" >/dev/null; then
  echo "an embedded postgres was left running:"; pgrep -af "postgres.*$data_dir"; exit 1
fi
grep -q "SIGTERM received" "$log" || { echo "no graceful shutdown in the log"; cat "$log"; exit 1; }
echo "stopped cleanly: no API or postgres process left"
rm -rf "$data_dir"
