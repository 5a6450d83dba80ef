#!/bin/sh
# Installs the PAM service "maildex" (/etc/pam.d/maildex) that the pam passdb uses by default:
# the system's usual password check and account checks. Run as root; an existing file is kept.
set -eu
target=${1:-/etc/pam.d/maildex}
if [ -e "$target" ]; then
    echo "$target exists; left unchanged"
    exit 0
fi
cat >"$target" <<'PAM'
# PAM service for Maildex (IMAP/POP3 logins of system users), like Dovecot's /etc/pam.d/dovecot.
@include common-auth
@include common-account
PAM
chmod 0644 "$target"
echo "installed $target"
