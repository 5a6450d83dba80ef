#!/usr/bin/env bash
# Installs the system packages Maildex builds against, when they are missing (Debian 12).
# Usage: scripts/bootstrap.sh [--test]   (--test adds what the test suite uses: dovecot-core for doveadm, openssl, python3)
set -euo pipefail
packages=(libsqlite3-dev libssl-dev libpam0g-dev libcrypt-dev)
if [ "${1:-}" = "--test" ]; then packages+=(dovecot-core openssl python3 whois); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
