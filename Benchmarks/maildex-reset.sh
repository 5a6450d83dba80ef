#!/usr/bin/env bash
# mailbench's --reset-cmd for Maildex: wipes one user's mail. Maildex keeps each user's index
# open, so the server is stopped around the wipe and started again (POP3/LMTP ports of --dev).
#   Benchmarks/maildex-reset.sh DATA_DIR USER
set -euo pipefail
data=$1; user=$2
root=$(cd "$(dirname "$0")/.." && pwd)
pidfile="$data/maildexd.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  kill -TERM "$(cat "$pidfile")"
  while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.05; done
fi
rm -rf "$data/users/$user/Maildir"
"$root/Benchmarks/maildex-start.sh" "$data"
