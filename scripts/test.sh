#!/usr/bin/env bash
# README command 2: the whole test suite (CI runs exactly this through .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
# Build everything first: the CLI tests run the built mailadm/maildexd binaries.
swift build --build-tests
swift test --skip-build --disable-xctest "$@"
