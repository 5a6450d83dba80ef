#!/usr/bin/env bash
# Starts the release maildexd --dev on DATA_DIR in the background and waits for its LMTP port.
set -euo pipefail
data=$1
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/.build/release/maildexd" --dev --dev-data "$data" >> "$data/maildexd.log" 2>&1 &
echo $! > "$data/maildexd.pid"
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', 2424), 0.2).close()" 2>/dev/null && exit 0
  sleep 0.1
done
echo "maildexd did not start; see $data/maildexd.log" >&2
exit 1
