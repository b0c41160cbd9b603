#!/usr/bin/env bash
# The local battery-trace network: real Fabric orderers and peers on 127.0.0.1, TLS everywhere,
# the chaincode deployed through the lifecycle and started by the peers through an external builder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "${BT_ROOT}/scripts/lib/fabric.sh"
source "${BT_ROOT}/scripts/lib/chaincode.sh"

usage() {
  cat <<USAGE
Usage: scripts/network.sh <command> [options]

Commands:
  up              create (first time) and start the network, create the channel, deploy the chaincode
                  (again when it changed) and write connection material; safe to run on a running network
  down [--purge]  stop every process the network started (by pid); --purge also deletes all state
  status          list the nodes and chaincode processes with their pids, ports and health
  deploy          build and deploy the chaincode on a running network (new lifecycle sequence if changed)
  stop-node NODE  stop one node of a running network (e.g. orderer-orderer1, peer-mining): fault tests
  start-node NODE start that node again on its existing ledger and wait until it is healthy

Environment:
  BT_NETWORK_DIR  state folder: crypto material, ledgers, logs, pids, connection material (default: .network)
  BT_PORT_BASE    first port of the block the network uses (default: 17000)
  BT_EXTRA_CHAINCODES  further definitions of the same chaincode package, whitespace-separated NAME=POLICY
                  (default: none; the benchmark network adds a one-organisation baseline, see scripts/bench.sh)
  FABRIC_BIN      folder with Fabric v${BT_FABRIC_VERSION} release binaries (default: built into a per-user cache)

State, logs and connection material: ${BT_NETWORK_DIR}
USAGE
}

cmd_up() {
  step "Fabric binaries"
  BT_FABRIC_BIN="$("${BT_ROOT}/scripts/fabric-binaries.sh")"; export BT_FABRIC_BIN
  ok "$("${BT_FABRIC_BIN}/peer" version | sed -n 's/^ Version: //p' | head -n1) in ${BT_FABRIC_BIN}"
  mkdir -p "$BT_LOG_DIR" "$BT_PID_DIR" "$BT_NODES_DIR" "$BT_CONNECTION_DIR"
  render_config
  ensure_crypto
  ensure_genesis_block
  step "Ordering service (Raft, ${#BT_ORDERERS[@]} nodes)"
  local name org
  for name in "${BT_ORDERERS[@]}"; do start_orderer "$name"; done
  for name in "${BT_ORDERERS[@]}"; do join_orderer "$name"; done
  step "Peers"
  for org in "${BT_ORGS[@]}"; do start_peer "$org"; done
  for org in "${BT_ORGS[@]}"; do join_peer "$org"; done
  deploy_chaincode
  write_connection_material
  wait_endorsement_ready
  step "Network ready: channel '${BT_CHANNEL}', chaincode '${BT_CHAINCODE_NAME}' (logs in ${BT_LOG_DIR})"
}

cmd_deploy() {
  BT_FABRIC_BIN="$("${BT_ROOT}/scripts/fabric-binaries.sh")"; export BT_FABRIC_BIN
  local org
  for org in "${BT_ORGS[@]}"; do pid_alive "peer-${org}" || die "peer of '${org}' is not running: run 'scripts/network.sh up'"; done
  deploy_chaincode
}

cmd_down() {
  local purge=false
  [[ "${1:-}" == "--purge" ]] && purge=true
  step "Stopping the network"
  local file name stopped=0
  shopt -s nullglob
  for file in "${BT_PID_DIR}"/*.pid; do
    name="$(basename "$file" .pid)"
    stop_process "$name" && stopped=$((stopped + 1))
  done
  ok "${stopped} process group(s) stopped"
  if $purge; then
    rm -rf "$BT_NETWORK_DIR"
    ok "state deleted (${BT_NETWORK_DIR})"
  fi
}

cmd_stop_node() {
  local name="${1:?node name, e.g. orderer-orderer1 or peer-mining}"
  [[ -f "${BT_PID_DIR}/${name}.pid" ]] || die "no running node '${name}' (see 'scripts/network.sh status')"
  stop_process "$name" || info "${name} was not running"
  if [[ "$name" == peer-* ]]; then
    # the peer's chaincode process belongs to its process group and stopped with it
    rm -f "${BT_PID_DIR}/chaincode-${name#peer-}.pid"
  fi
}

cmd_start_node() {
  local name="${1:?node name, e.g. orderer-orderer1 or peer-mining}"
  BT_FABRIC_BIN="$("${BT_ROOT}/scripts/fabric-binaries.sh")"; export BT_FABRIC_BIN
  case "$name" in
    orderer-*) orderer_index "${name#orderer-}" >/dev/null || die "unknown node '${name}'"; start_orderer "${name#orderer-}" ;;
    peer-*) org_index "${name#peer-}" >/dev/null || die "unknown node '${name}'"; start_peer "${name#peer-}" ;;
    *) die "unknown node '${name}'" ;;
  esac
}

cmd_status() {
  local name org pid state
  printf '%-24s %-8s %-8s %-22s %s\n' NODE PID STATE ADDRESS HEALTH
  for name in "${BT_ORDERERS[@]}"; do
    status_line "orderer-${name}" "127.0.0.1:$(orderer_port "$name")" "$(orderer_ops_port "$name")"
  done
  for org in "${BT_ORGS[@]}"; do
    status_line "peer-${org}" "127.0.0.1:$(peer_port "$org")" "$(peer_ops_port "$org")"
  done
  for org in "${BT_ORGS[@]}"; do
    pid="-"; state="stopped"
    if [[ -f "${BT_PID_DIR}/chaincode-${org}.pid" ]]; then
      pid="$(cat "${BT_PID_DIR}/chaincode-${org}.pid")"
      kill -0 "$pid" 2>/dev/null && state="running"
    fi
    printf '%-24s %-8s %-8s %-22s %s\n' "chaincode-${org}" "$pid" "$state" "-" "log: ${BT_LOG_DIR}/chaincode-${org}.log"
  done
}

status_line() {
  local name="$1" address="$2" ops="$3" pid="-" state="stopped" health="-"
  if [[ -f "${BT_PID_DIR}/${name}.pid" ]]; then pid="$(cat "${BT_PID_DIR}/${name}.pid")"; fi
  if pid_alive "$name"; then
    state="running"
    health="$(curl -s --max-time 2 --cacert "$(node_tls_ca "$name")" "https://127.0.0.1:${ops}/healthz" || echo unreachable)"
  fi
  printf '%-24s %-8s %-8s %-22s %s\n' "$name" "$pid" "$state" "$address" "$health"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) shift; cmd_down "$@" ;;
  status) shift; cmd_status "$@" ;;
  deploy) shift; cmd_deploy "$@" ;;
  stop-node) shift; cmd_stop_node "$@" ;;
  start-node) shift; cmd_start_node "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
