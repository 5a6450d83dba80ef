#!/usr/bin/env bash
# The test suite under a sanitizer, built into its own scratch path (.build-asan, .build-tsan) so
# it never invalidates .build. Runs on demand, not in CI (a cold build takes long on 2 cores).
#   scripts/sanitize.sh address|thread [swift test options]
#   scripts/sanitize.sh thread --filter 'MaildexStoreTests|MaildexSessionsTests|MaildexTests'
# The CLI tests (MaildexAdminTests, ControlSocketTests) run the .build/debug binaries when they
# exist, which are not instrumented; everything else runs in the instrumented test process.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  address) scratch=.build-asan ;;
  thread) scratch=.build-tsan ;;
  *) echo "usage: $0 address|thread [swift test options]" >&2; exit 64 ;;
esac
sanitizer=$1; shift
scripts/bootstrap.sh --test
# A report fails the run (ASan stops at the first; TSan lists every race, then exits 66).
export LSAN_OPTIONS="suppressions=$PWD/scripts/sanitizers/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
export TSAN_OPTIONS="second_deadlock_stack=1:${TSAN_OPTIONS:-}"
start=$(date +%s)
swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"
built=$(date +%s)
status=0
swift test --skip-build --disable-xctest --sanitize="$sanitizer" --scratch-path "$scratch" "$@" || status=$?
echo "sanitize $sanitizer: build $((built - start)) s, tests $(($(date +%s) - built)) s, exit $status"
exit "$status"
