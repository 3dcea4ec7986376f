#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (AddressSanitizer and
# UBSan, every library instrumented) and runs each for SECONDS (default
# 600), starting from the seed corpus in tests/fuzz/corpus/<target>/.
# Prints the executions of each target; exits non-zero when a target
# crashes, hangs, leaks or trips a sanitizer (the reproducer is kept in
# $OPPTEAM_FUZZ_DIR/artifacts/<target>/). The compiler is clang++ (OPPTEAM_FUZZ_CXX).
#
#   bench/fuzz.sh            # 10 minutes each
#   bench/fuzz.sh 60         # CI: a minute each
#   bench/fuzz.sh 120 fuzz_rammeverk   # one target
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
build=${OPPTEAM_FUZZ_BUILD_DIR:-build-fuzz}
work=${OPPTEAM_FUZZ_DIR:-$build/fuzz-run}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_personal_number fuzz_rammeverk fuzz_csv_reader fuzz_jsonl_reader)
fi

# Warnings are checked by the gcc build; clang's own may differ, so they do not stop a fuzz build.
CXX=${OPPTEAM_FUZZ_CXX:-clang++} cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOPPTEAM_FUZZ=ON -DOPPTEAM_TESTS=OFF -DOPPTEAM_WERROR=OFF >/dev/null
cmake --build "$build" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
summary=()
for t in "${targets[@]}"; do
  corpus="$work/corpus/$t"        # grows during the run; the seeds stay untouched
  artifacts="$work/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  log="$work/$t.log"
  echo "== $t: ${seconds}s"
  set +e
  "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$corpus" "tests/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ $rc -ne 0 ]; then
    status=1
    tail -40 "$log"
    summary+=("$t: FAILED (exit $rc) after ${execs:-?} executions; see $log and $artifacts")
  else
    summary+=("$t: ${execs:-?} executions in ${seconds}s, no crash")
  fi
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status
