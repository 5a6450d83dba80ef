#!/usr/bin/env bash
# Crash consistency (README "Reliability"): SIGKILLs a debug maildexd at random moments while it takes
# LMTP deliveries, APPENDs, MOVEs and EXPUNGEs on loopback, restarts it, and checks that nothing
# acknowledged was lost or duplicated (scripts/crash-test.py says exactly what is checked).
#   scripts/crash-test.sh [kills]          default 50; BIN_DIR=.build/release to use a release build;
#                                          CRASH_SEED=n for another random sequence
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN_DIR:-}" ]; then
    swift build --product maildexd >/dev/null
    swift build --product mailadm >/dev/null
fi
exec python3 scripts/crash-test.py "${1:-50}"
