#!/usr/bin/env bash
# Installs the system packages Maildex builds against, when they are missing (Debian 12).
# Usage: scripts/bootstrap.sh [--test]   (--test adds what the test suite uses: dovecot-core for doveadm, openssl, python3)
set -euo pipefail
packages=(libsqlite3-dev libssl-dev libpam0g-dev libcrypt-dev zlib1g-dev)   # zlib: COMPRESS=DEFLATE (compress-nio)
# --test: doveadm for password vectors, openssl for certificate checks, Postfix, fetchmail and mbsync (isync) for interop tests
if [ "${1:-}" = "--test" ]; then packages+=(dovecot-core openssl python3 whois postfix fetchmail isync); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  # Postfix asks what to configure; the interop tests write their own configuration.
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
