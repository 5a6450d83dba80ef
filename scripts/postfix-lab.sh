#!/usr/bin/env bash
# A throwaway Postfix on loopback that hands mail for example.com to Maildex over LMTP.
#   scripts/postfix-lab.sh start DIR SMTP_PORT LMTP_TARGET    (LMTP_TARGET: inet:127.0.0.1:PORT or unix:/path)
#   scripts/postfix-lab.sh stop DIR
# Needs root (Postfix's master runs as root and drops to the postfix user). Installs Debian's
# postfix package with "No configuration" when it is missing; never touches /etc/postfix/main.cf.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?directory}
conf="$dir/conf"
if [ "$cmd" = stop ]; then
  [ -f "$conf/main.cf" ] && postfix -c "$conf" stop >/dev/null 2>&1 || true
  exit 0
fi
smtp_port=${3:?smtp port}; lmtp=${4:?lmtp target}
if ! command -v postfix >/dev/null; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
fi
mkdir -p "$conf" "$dir/queue" "$dir/data"
# Postfix's daemons run as the postfix user and must reach the queue.
chmod 755 "$dir"
cat > "$conf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.maildex.test
mydomain = maildex.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
virtual_mailbox_domains = example.com
virtual_transport = lmtp:$lmtp
alias_maps =
alias_database =
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
smtputf8_enable = no
CF
cat > "$conf/master.cf" <<CF
127.0.0.1:$smtp_port inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
CF
postfix -c "$conf" set-permissions >/dev/null 2>&1 || true
# Postfix reports to syslog; with no syslog daemon, a pseudo-terminal shows the reason on failure.
if ! postfix -c "$conf" check; then script -qc "postfix -c $conf check" /dev/null; exit 1; fi
if ! postfix -c "$conf" start >/dev/null 2>&1; then script -qc "postfix -c $conf start" /dev/null; exit 1; fi
