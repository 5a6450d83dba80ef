#!/usr/bin/env bash
# Starts the release maildexd on loopback as Benchmarks/dovecot-lab.sh starts Dovecot: the same
# users (bench, user1..user20, password "pass") in a passwd-file with PLAIN passwords, no TLS.
# Ports: IMAP ${PORT}143, POP3 ${PORT}110, LMTP ${PORT}024 (PORT=12 by default: 12143 ...).
# State under $LAB (default /tmp/lab/maildex); mail in $LAB/home/<user>/Maildir.
#   Benchmarks/maildex-lab.sh [start]      starts it (idempotent)
#   Benchmarks/maildex-lab.sh stop
#   Benchmarks/maildex-lab.sh reset USER   moves USER's mail into $TRASH (default $LAB/trash); maildexd
#                                          keeps each user's index open, so it is stopped around it
#   Benchmarks/maildex-lab.sh indexed      succeeds once every message body is in the FTS index
set -euo pipefail
LAB=${LAB:-/tmp/lab/maildex}
PORT=${PORT:-12}
root=$(cd "$(dirname "$0")/.." && pwd)
pidfile=$LAB/maildexd.pid
maildexd=${MAILDEXD:-$root/.build/release/maildexd}   # another build to compare: MAILDEXD=/path/maildexd

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

stop() {
  if running; then
    kill -TERM "$(cat "$pidfile")"
    while running; do sleep 0.05; done
  fi
}

start() {
  if running; then return 0; fi
  mkdir -p "$LAB/home" "$LAB/state" "$LAB/run"
  : > "$LAB/users"
  for u in bench $(seq -f 'user%g' 1 20); do echo "$u:{PLAIN}pass::::$LAB/home/$u::" >> "$LAB/users"; done
  chmod 600 "$LAB/users"
  cat > "$LAB/maildex.conf" <<CONF
listen = 127.0.0.1
ssl = no
mail_uid = $(id -un)                # stay who started it (the lab's files are theirs), not vmail
max_connections_per_ip = 0          # all benchmark clients come from 127.0.0.9 (dovecot-lab.sh raises its limits too)
state_dir = $LAB/state
base_dir = $LAB/run
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN $LAB/users
}
userdb {
  driver = passwd-file
  args = $LAB/users
}
service imap-login {
  inet_listener imap {
    port = ${PORT}143
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = ${PORT}110
  }
  inet_listener pop3s {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${PORT}024
  }
}
CONF
  "$maildexd" -c "$LAB/maildex.conf" >> "$LAB/maildexd.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 100); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2).close()" "${PORT}024" 2>/dev/null; then
      return 0
    fi
    running || break
    sleep 0.1
  done
  echo "maildexd did not start; see $LAB/maildexd.log" >&2
  exit 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  reset)
    user=${2:?usage: maildex-lab.sh reset USER}
    stop
    # moved aside, not deleted: see TRASH in compare.py (a mass delete slows the next file creations)
    if [ -e "${LAB:?}/home/$user/Maildir" ]; then
      mkdir -p "${TRASH:-$LAB/trash}"
      mv "$LAB/home/$user/Maildir" "${TRASH:-$LAB/trash}/$user-$(date +%s%N)"
    fi
    start ;;
  indexed)
    # succeeds once every user's catch-up indexer has reached the last message (mailbench --settle-cmd)
    exec python3 - "$LAB/home" <<'PY'
import glob, sqlite3, sys
for path in glob.glob(f"{sys.argv[1]}/*/Maildir/maildex-index.sqlite"):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    last, done = db.execute("SELECT (SELECT max(id) FROM message), (SELECT value FROM state "
                            "WHERE key = 'body_fts_indexed_through')").fetchone()
    if last is not None and int(done or 0) < last:
        sys.exit(1)
PY
    ;;
  *) echo "usage: maildex-lab.sh [start|stop|reset USER|indexed]" >&2; exit 2 ;;
esac
