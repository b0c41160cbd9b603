#!/usr/bin/env bash
# npm run bench: builds, brings up (or reuses) a benchmark network of its own — separate state folder and ports,
# so a developer's network is never disturbed — and runs the benchmarks (bench/src/main.ts).
set -euo pipefail

usage() {
  cat <<USAGE
Usage: npm run bench -- [--quick] [--network-dir DIR] [--keep-network] [benchmark options]

Runs the battery-trace benchmarks and writes bench/results/<timestamp>/{results.json,results.md,goodput.svg}.
By default on a network of its own (state in \${BT_BENCH_NETWORK_DIR:-bench/.network}, ports from
\${BT_BENCH_PORT_BASE:-20000}), started when needed and stopped afterwards unless it was already running.
That network also carries the chaincode package under a second definition, '${one_org_chaincode}', endorsed by
any one organisation, for the "baseline, one organisation" workload (the cost of the second endorsement).

  --quick             about 3 minutes instead of about 15
  --network-dir DIR   measure an already running network (e.g. .network); it is neither started nor stopped
  --keep-network      leave the benchmark network running afterwards
  -h, --help          this help; 'node dist/bench/src/main.js --help' lists the benchmark options
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../network/topology.sh
source "${root}/network/topology.sh"

# The benchmark network's second definition of the same package: the chaincode-level policy of one organisation
# (any of the network's), against which "baseline, one organisation" writes (bench/README.md).
one_org_chaincode="${BT_CHAINCODE_NAME}-one-org"
one_org_policy() {
  local org peers=()
  for org in "${BT_ORGS[@]}"; do peers+=("'${BT_ORG_MSP[$org]}.peer'"); done
  local IFS=,
  echo "OR(${peers[*]})"
}

reuse_dir="" keep=false args=()
while (($#)); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --network-dir) reuse_dir="$(cd "${2:?--network-dir needs a folder}" && pwd)"; shift 2 ;;
    --keep-network) keep=true; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

cd "$root"
echo "==> Build"
# Only the harness (with the chaincode API and SDK it imports); scripts/network.sh builds the chaincode bundle.
npx tsc -p bench/tsconfig.json

if [[ -n "$reuse_dir" ]]; then
  [[ -d "${reuse_dir}/connection" ]] || { echo "error: no connection material in ${reuse_dir}: is it a running network?" >&2; exit 1; }
  export BT_NETWORK_DIR="$reuse_dir"
else
  export BT_NETWORK_DIR="${BT_BENCH_NETWORK_DIR:-${root}/bench/.network}"
  export BT_PORT_BASE="${BT_BENCH_PORT_BASE:-20000}"
  one_org_endorsement="$(one_org_policy)"
  export BT_EXTRA_CHAINCODES="${BT_EXTRA_CHAINCODES:+${BT_EXTRA_CHAINCODES} }${one_org_chaincode}=${one_org_endorsement}"
  # shellcheck source=lib/common.sh
  source "${root}/scripts/lib/common.sh"
  running=true
  for name in "${BT_ORDERERS[@]/#/orderer-}" "${BT_ORGS[@]/#/peer-}"; do pid_alive "$name" || running=false; done
  if ! $running && ! $keep; then
    stop_bench_network() {
      local status=$?
      bash "${root}/scripts/network.sh" down
      exit "$status"
    }
    trap stop_bench_network EXIT
  fi
  echo "==> Benchmark network in ${BT_NETWORK_DIR} (ports from ${BT_PORT_BASE})"
  bash "${root}/scripts/network.sh" up
fi

echo "==> Benchmarks"
node "${root}/dist/bench/src/main.js" --network-dir "$BT_NETWORK_DIR" --one-org-chaincode "$one_org_chaincode" ${args[@]+"${args[@]}"}
