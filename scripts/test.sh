#!/usr/bin/env bash
# The whole test suite from a fresh clone: dependencies, host tools, lint, build, unit tests, then the end-to-end tests
# against a real local network. A network that was already running is reused and left running; a
# network this script started is stopped again on exit, also when a test fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$BT_ROOT"

usage() {
  cat <<USAGE
Usage: npm test [-- --unit-only]

Installs dependencies and host tools when needed, lints (eslint, shellcheck), builds, runs
the unit tests, brings the local Fabric network up
(building the Fabric binaries on first use) and runs the end-to-end tests.
  --unit-only   skip the network and the end-to-end tests
USAGE
}

unit_only=false
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  --unit-only) unit_only=true ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

step "Provisioning the test host (Chromium, ShellCheck)"
bash scripts/lib/ensure-test-host.sh

step "Lint (eslint, shellcheck)"
npm run --silent lint

step "Build"
npm run --silent build

step "Unit tests"
npx mocha --config .mocharc.unit.json

$unit_only && exit 0

network_running() {
  local org
  for org in "${BT_ORGS[@]}"; do pid_alive "peer-${org}" || return 1; done
  for org in "${BT_ORDERERS[@]}"; do pid_alive "orderer-${org}" || return 1; done
}

if network_running; then
  step "Reusing the running network"
else
  stop_test_network() {
    local status=$?
    bash "${BT_ROOT}/scripts/network.sh" down
    exit "$status"
  }
  trap stop_test_network EXIT
fi
bash scripts/network.sh up

step "End-to-end tests"
npx mocha --config .mocharc.e2e.json
