#!/usr/bin/env bash
# Waits (up to 15 minutes) until the processes whose command line matches REGEX use less than
# 5% of a core, so that a benchmark workload does not run beside background work left by the
# previous one (Maildex indexes message bodies once mail stops arriving; Dovecot has no such work).
#   Benchmarks/wait-idle.sh REGEX
set -euo pipefail
exec python3 - "$1" <<'PY'
import os, re, sys, time
pattern = re.compile(sys.argv[1])
def cpu():
    total = 0
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            cmd = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace')
            if pattern.search(cmd) and int(pid) != os.getpid():
                fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / os.sysconf('SC_CLK_TCK')
deadline = time.time() + 900
while time.time() < deadline:
    before = cpu(); time.sleep(2)
    if cpu() - before < 0.1: break
PY
