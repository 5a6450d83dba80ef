#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/Sources/fuzz-*) with address sanitizer and runs each for a bounded time.
#   scripts/fuzz.sh [seconds-per-target] [target...]      default: 60 s each, all targets
# Seeds come from Fuzz/Corpus/<target>/ (committed); new inputs go to .build-fuzz/corpus/<target>/ (not committed);
# a crash leaves .build-fuzz/crashes/<target>/crash-* and makes the script exit 1.
# FUZZ_NO_BUILD=1 skips the build step (binaries from an earlier run).
# Replay one input:  .build-fuzz/release/fuzz-imap path/to/crash-file
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(imap pop3 lmtp mime mbox config passwd)
export MAILDEX_FUZZ=1
flags=(--scratch-path .build-fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -g)
for target in "${targets[@]}"; do
    [ -n "${FUZZ_NO_BUILD:-}" ] && continue   # reuse the binaries already in .build-fuzz
    # ld.gold warns about every ASan helper symbol; only real errors matter.
    swift build "${flags[@]}" --product "fuzz-$target" 2>&1 | grep -v 'Cannot export local symbol' | grep -E 'error|warning: unre|Compiling|complete' || true
    [ -x ".build-fuzz/release/fuzz-$target" ] || { echo "fuzz-$target did not build" >&2; exit 2; }
done
# Swift allocates a lot; recording every allocation's stack costs ASan ~40 % of the time. A crash
# still prints its own stack; replay it with ASAN_OPTIONS= to see where memory was allocated.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"
status=0
for target in "${targets[@]}"; do
    corpus=".build-fuzz/corpus/$target"
    crashes=".build-fuzz/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    log=".build-fuzz/fuzz-$target.log"
    # -rss_limit_mb: a parser that balloons memory on small input is a bug too. Inputs up to 64 KiB.
    if ".build-fuzz/release/fuzz-$target" "$corpus" "Fuzz/Corpus/$target" \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1; then
        result="ok"
    else
        result="CRASH (see $log and $crashes/)"
        status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    printf '%-12s %8ss %12s executions  %-10s %s\n' "fuzz-$target" "$seconds" "$runs" "$cov" "$result"
done
exit $status
