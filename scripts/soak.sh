#!/usr/bin/env bash
# Load soak: a release maildexd --dev on free loopback ports and a temporary data directory, driven
# for SECONDS (default 300) by mixed LMTP/IMAP/POP3/IDLE clients (scripts/soak.py). Fails on any
# protocol error, lost or duplicated message, IDLE that missed a delivery, index drift, or RSS growth
# after warm-up. Runs on demand, not in CI.
#   scripts/soak.sh [SECONDS]        # SOAK_OUT=DIR: where the CSV, log and summary go (default: a new /tmp dir)
set -euo pipefail
seconds=${1:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${SOAK_OUT:-$(mktemp -d /tmp/maildex-soak.XXXXXX)}
mkdir -p "$out"
data="$out/data"
rm -rf "$data"

cd "$root"
if [ -z "${SOAK_SKIP_BUILD:-}" ]; then   # SOAK_SKIP_BUILD=1 uses the release binaries as they are
  swift build -c release --product maildexd >/dev/null
  swift build -c release --product mailadm >/dev/null
fi
bin="$root/.build/release"

for user in a b c d; do
  echo soak-secret | "$bin/mailadm" user add "$user" --data "$data" --password-stdin >/dev/null
done

"$bin/maildexd" --dev --dev-data "$data" --ephemeral-ports > "$out/maildexd.out" 2> "$out/maildexd.log" &
pid=$!
stop() { kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 300); do
  grep -q 'LMTP listening' "$out/maildexd.out" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$out/maildexd.log" >&2; exit 1; }
  sleep 0.1
done
port() { sed -n "s/^maildexd --dev: $1 listening on 127.0.0.1:\([0-9]*\)$/\1/p" "$out/maildexd.out"; }

status=0
python3 "$root/scripts/soak.py" --duration "$seconds" --pid "$pid" --csv "$out/rss.csv" \
  --imap "$(port 'IMAP (STARTTLS)')" --imaps "$(port 'IMAP (TLS)')" \
  --pop3 "$(port 'POP3 (STLS)')" --pop3s "$(port 'POP3 (TLS)')" --lmtp "$(port LMTP)" \
  | tee "$out/summary.txt" || status=1

stop
trap - EXIT
for user in a b c d; do   # the index agrees with the Maildir after the load
  if ! "$bin/mailadm" index verify "$user" --data "$data" >> "$out/summary.txt" 2>&1; then
    echo "FAIL index verify $user: drift (see $out/summary.txt)"; status=1
  fi
done
echo "soak: results in $out (rss.csv, summary.txt, maildexd.log)"
[ "$status" = 0 ] && rm -rf "$data"
exit "$status"
