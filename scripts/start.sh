#!/usr/bin/env bash
# The main job from a fresh clone: dependencies, build, the local network (Fabric binaries on first use),
# then the mine-to-recycler story played through the SDK, with its report read back from the ledger.
# The network stays up afterwards for exploring with the CLI.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$BT_ROOT"

case "${1:-}" in
  -h|--help)
    cat <<USAGE
Usage: npm start [-- <demo options>]

Installs dependencies when needed, builds, brings the local Fabric network up (or reuses it) and plays
the value chain as the organisations themselves. Demo options (e.g. --recycled-cobalt-grams <g>) are
passed to the scenario player: node dist/demo/main.js --help lists them.
USAGE
    exit 0 ;;
esac

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
step "Build"
npm run --silent build
bash scripts/network.sh up
node dist/demo/main.js "$@"
cat <<NEXT

Explore the ledger with the CLI (identities from ${BT_NETWORK_DIR}/connection):
  node dist/sdk/src/cli/main.js --help
  node dist/sdk/src/cli/main.js --org audit facility list --owner-msp MiningMSP
  node dist/sdk/src/cli/main.js --org audit events            # follow new transactions (Ctrl-C to stop)
Network: npm run network:status   |   stop it: npm run network:down (add -- --purge to delete its state)
NEXT
