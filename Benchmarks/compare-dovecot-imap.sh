#!/usr/bin/env bash
# IMAP side by side on this machine: Debian's Dovecot (../shared/bench/dovecot-lab.sh) and Maildex
# (release maildexd --dev), the same mailbench workloads: imap-fetch (UID FETCH 1:* ... ENVELOPE,
# header fields, BODYSTRUCTURE, 500 single BODY[]), imap-search (SUBJECT/FROM/Message-ID/TEXT/BODY/
# dates/flags), imap-login, and idle-conns (C clients IDLE; memory and notification latency).
# The fixture is built by MULTIAPPEND, as ../shared/bench/BASELINE.md does. Prints mailbench's table.
#   Benchmarks/compare-dovecot-imap.sh              (N=10000, C=1000; N=100000 for the large mailbox;
#                                                    WORKLOADS="imap-fetch imap-search" for a subset;
#                                                    DOVECOT_RESULTS=file.jsonl reuses a Dovecot run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-$root/../shared/bench}
N=${N:-10000}; C=${C:-1000}; REPEAT=${REPEAT:-1}
out=${OUT:-/tmp/maildex-compare-imap}
rm -rf "$out"; mkdir -p "$out"
cd "$root"
scripts/bootstrap.sh
swift build -c release --product maildexd
swift build -c release --product mailadm

common=(--n "$N" --c "$C" --repeat "$REPEAT" --source-ip 127.0.0.9 --password pass --users-count 20 --users-fmt 'user%d'
        --search-runs 3 --prepare-via append --append-batch 500)
read -r -a workloads <<< "${WORKLOADS:-imap-fetch imap-search imap-login idle-conns}"


if [ -n "${DOVECOT_RESULTS:-}" ]; then
  cp "$DOVECOT_RESULTS" "$out/dovecot.jsonl"
else
  echo "== Dovecot"
  if [ ! -x /usr/lib/dovecot/imap ] || [ ! -x /usr/lib/dovecot/lmtp ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd dovecot-pop3d dovecot-lmtpd >/dev/null
  fi
  "$bench/dovecot-lab.sh"
  for w in "${workloads[@]}"; do
    python3 "$bench/mailbench.py" "$w" "${common[@]}" --imap-port 11143 --lmtp-port 11024 \
      --server-pid-file /tmp/lab/dovecot/run/master.pid --reset-cmd 'rm -rf /tmp/lab/dovecot/mail/{user}' \
      --label dovecot --out "$out/dovecot.jsonl"
    Benchmarks/wait-idle.sh dovecot
  done
fi

echo "== Maildex"
data="$out/maildex-data"
mkdir -p "$data"
for u in bench $(seq -f 'user%g' 1 20); do
  echo pass | .build/release/mailadm user add "$u" --data "$data" --password-stdin --scheme PLAIN >/dev/null
done
Benchmarks/maildex-start.sh "$data"
trap 'kill -TERM "$(cat "$data/maildexd.pid")" 2>/dev/null || true' EXIT
for w in "${workloads[@]}"; do
  python3 "$bench/mailbench.py" "$w" "${common[@]}" --imap-port 1143 --lmtp-port 2424 \
    --server-procs 'maildexd' --reset-cmd "$root/Benchmarks/maildex-reset.sh $data {user}" \
    --label maildex --out "$out/maildex.jsonl"
  Benchmarks/wait-idle.sh maildexd
done

python3 "$bench/mailbench.py" compare "$out/dovecot.jsonl" "$out/maildex.jsonl"
