#!/usr/bin/env bash
# The import's thread hand-over (include/oppteam/util/handover.hpp) under
# ThreadSanitizer, alone: builds only tests/unit/test_handover.cpp with
# -fsanitize=thread (OPPTEAM_TSAN) and runs it ROUNDS times (default 20;
# a race shows in few rounds, and each takes well under a second).
#   scripts/tsan_handover.sh            # build-tsan, 20 rounds
#   ROUNDS=100 scripts/tsan_handover.sh "[handover]"
set -euo pipefail
cd "$(dirname "$0")/.."
build=${OPPTEAM_BUILD_DIR:-build-tsan}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOPPTEAM_WERROR=ON -DOPPTEAM_TSAN=ON -DOPPTEAM_CLI_TESTS=OFF
cmake --build "$build" --target oppteam_handover_tests
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
# setarch -R: gcc 12's TSan needs the memory layout of a process without
# address randomisation on kernels that randomise more bits (see .ci/run).
for _ in $(seq "${ROUNDS:-20}"); do
  setarch "$(uname -m)" -R "$build/tests/oppteam_handover_tests" "$@"
done
echo "tsan_handover: ${ROUNDS:-20} rounds, no race reported"
