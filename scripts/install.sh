#!/usr/bin/env bash
# Installs maildexd and mailadm, the systemd unit and an example configuration.
#   scripts/install.sh                       builds release binaries and installs into /
#   DESTDIR=/tmp/stage scripts/install.sh    stages the same files under /tmp/stage
#   BIN_DIR=.build/debug scripts/install.sh  installs already built binaries from BIN_DIR
# Then: systemctl daemon-reload && systemctl enable --now maildexd
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${DESTDIR:-}
bin_dir=${BIN_DIR:-}
if [ -z "$bin_dir" ]; then
  "$root/scripts/bootstrap.sh"
  (cd "$root" && swift build -c release --product maildexd && swift build -c release --product mailadm)
  bin_dir="$root/.build/release"
fi
for tool in maildexd mailadm; do
  [ -x "$bin_dir/$tool" ] || { echo "install: $bin_dir/$tool is missing (build it first)" >&2; exit 1; }
done
install -d -m 0755 "$dest/usr/local/sbin" "$dest/etc/systemd/system" "$dest/etc/maildex"
# The account maildexd runs as for virtual users (mail_uid/mail_gid default to vmail): a system
# user and group with no login shell whose home is the data directory. Staged installs
# (DESTDIR) only make the directory.
group=root
if [ -z "$dest" ]; then
  getent passwd vmail >/dev/null || useradd --system --user-group --home-dir /var/lib/maildex --no-create-home --shell /usr/sbin/nologin vmail
  install -d -m 0700 -o vmail -g vmail /var/lib/maildex
  group=vmail
else
  install -d -m 0700 "$dest/var/lib/maildex"
fi
install -m 0755 "$bin_dir/maildexd" "$dest/usr/local/sbin/maildexd"
install -m 0755 "$bin_dir/mailadm" "$dest/usr/local/sbin/mailadm"
install -m 0644 "$root/contrib/maildexd.service" "$dest/etc/systemd/system/maildexd.service"
# The example configuration is installed only where there is none: an admin's file is kept.
# Group vmail may read it, so that SIGHUP can reload it after maildexd has become vmail.
if [ ! -e "$dest/etc/maildex/maildex.conf" ]; then
  install -m 0640 -g "$group" "$root/contrib/maildex.conf" "$dest/etc/maildex/maildex.conf"
fi
echo "installed maildexd and mailadm in $dest/usr/local/sbin, the unit in $dest/etc/systemd/system"
