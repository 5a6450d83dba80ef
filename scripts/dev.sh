#!/usr/bin/env bash
# README command 1: install system packages if missing, build release, run `maildexd --dev`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build -c release --product maildexd
swift build -c release --product mailadm
exec .build/release/maildexd --dev "$@"
