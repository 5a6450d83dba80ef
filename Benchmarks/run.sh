#!/usr/bin/env bash
# Maildex against Debian's Dovecot on this machine, side by side, in one table (Benchmarks/compare.py):
# builds the release maildexd, installs Dovecot's IMAP/POP3/LMTP packages when missing, runs.
#   Benchmarks/run.sh                        N=10000 messages, R=3 runs, 1,000 IDLE clients
#   N=100000 Benchmarks/run.sh               the large mailbox (fixtures by MULTIAPPEND, no LMTP)
#   ONLY=imap-fetch,imap-search R=1 Benchmarks/run.sh    a subset;  IDLE=1000,5000;  QUICK=1
#   Benchmarks/compare.py --table Benchmarks/results/<run>/raw.jsonl       an earlier run's table
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/bootstrap.sh
if [ ! -x /usr/lib/dovecot/imap ] || [ ! -x /usr/lib/dovecot/pop3 ] || [ ! -x /usr/lib/dovecot/lmtp ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq dovecot-imapd dovecot-pop3d dovecot-lmtpd >/dev/null
fi
swift build -c release --product maildexd
exec python3 Benchmarks/compare.py "$@"
