#!/usr/bin/env bash
# Quick start 2: install what is missing, build with warnings as errors, and
# run every test (Catch2 unit tests and end-to-end tests of the real binary)
# under CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
if [ -x tests/fhir/setup.sh ]; then tests/fhir/setup.sh; fi

build=${OPPTEAM_BUILD_DIR:-build-test}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOPPTEAM_WERROR=ON "$@"
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
