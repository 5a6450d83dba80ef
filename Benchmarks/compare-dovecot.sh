#!/usr/bin/env bash
# Side by side on this machine: Debian's Dovecot (../shared/bench/dovecot-lab.sh) and Maildex
# (release maildexd --dev), the same mailbench workloads: LMTP delivery on 1 and 4 connections,
# then POP3 STAT/LIST/UIDL/RETR of the delivered fixture. Prints mailbench's comparison table.
#   Benchmarks/compare-dovecot.sh            (N=10000; N=2000 for a quick look;
#                                             DOVECOT_RESULTS=file.jsonl reuses an earlier Dovecot run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-$root/../shared/bench}
N=${N:-10000}; REPEAT=${REPEAT:-1}
out=${OUT:-/tmp/maildex-compare}
rm -rf "$out"; mkdir -p "$out"
cd "$root"
scripts/bootstrap.sh
swift build -c release --product maildexd
swift build -c release --product mailadm

common=(--n "$N" --repeat "$REPEAT" --source-ip 127.0.0.9 --password pass --users-count 20 --users-fmt 'user%d')

if [ -n "${DOVECOT_RESULTS:-}" ]; then
  cp "$DOVECOT_RESULTS" "$out/dovecot.jsonl"
else
echo "== Dovecot"
# dovecot-core may be here already (the tests use doveadm); the lab needs the protocol packages.
if [ ! -x /usr/lib/dovecot/pop3 ] || [ ! -x /usr/lib/dovecot/lmtp ] || [ ! -x /usr/lib/dovecot/imap ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd dovecot-pop3d dovecot-lmtpd >/dev/null
fi
"$bench/dovecot-lab.sh"
python3 "$bench/mailbench.py" lmtp-deliver "${common[@]}" --lmtp-port 11024 --pop3-port 11110 \
  --server-pid-file /tmp/lab/dovecot/run/master.pid --reset-cmd 'rm -rf /tmp/lab/dovecot/mail/{user}' \
  --label dovecot --out "$out/dovecot.jsonl"
python3 "$bench/mailbench.py" pop3 "${common[@]}" --lmtp-port 11024 --pop3-port 11110 \
  --server-pid-file /tmp/lab/dovecot/run/master.pid --label dovecot --out "$out/dovecot.jsonl"
fi

echo "== Maildex"
data="$out/maildex-data"
mkdir -p "$data"
for u in bench $(seq -f 'user%g' 1 20); do
  echo pass | .build/release/mailadm user add "$u" --data "$data" --password-stdin --scheme PLAIN >/dev/null
done
Benchmarks/maildex-start.sh "$data"
trap 'kill -TERM "$(cat "$data/maildexd.pid")" 2>/dev/null || true' EXIT
python3 "$bench/mailbench.py" lmtp-deliver "${common[@]}" --lmtp-port 2424 --pop3-port 1110 \
  --server-procs "$root/.build/release/maildexd" --reset-cmd "$root/Benchmarks/maildex-reset.sh $data {user}" \
  --label maildex --out "$out/maildex.jsonl"
# The body indexer works once mail stops arriving; POP3 is measured after it.
Benchmarks/wait-idle.sh "$root/.build/release/maildexd"
python3 "$bench/mailbench.py" pop3 "${common[@]}" --lmtp-port 2424 --pop3-port 1110 \
  --server-procs "$root/.build/release/maildexd" --label maildex --out "$out/maildex.jsonl"

python3 "$bench/mailbench.py" compare "$out/dovecot.jsonl" "$out/maildex.jsonl"
