#!/bin/sh
# Installs the pinned FHIR validator (package-lock.json) into
# tests/fhir/node_modules. Needs node >= 20.19 and npm. .ci/run calls this
# before the tests; without it the FHIR check is reported as skipped.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
