# shellcheck shell=bash
# The values are used by the scripts that source this file.
# shellcheck disable=SC2034
# The local network's topology, names and ports: the one place they are defined.
# Sourced by the scripts in scripts/; every value can be overridden from the environment.

BT_CHANNEL="${BT_CHANNEL:-batterytrace}"
BT_CHAINCODE_NAME="${BT_CHAINCODE_NAME:-battery-trace}"
BT_DOMAIN="${BT_DOMAIN:-batterytrace.local}"
# First port of the block the network uses (ports BT_PORT_BASE+50 … BT_PORT_BASE+142).
BT_PORT_BASE="${BT_PORT_BASE:-17000}"

BT_FABRIC_VERSION="3.1.5"
BT_FABRIC_COMMIT="86c1172bec37e6590c6b1ae6f847833df48d65fc"

# Raft ordering service: one orderer organisation, three nodes.
BT_ORDERERS=(orderer0 orderer1 orderer2)
BT_ORDERER_MSP="OrdererMSP"

# Peer organisations of the value chain, one peer each.
BT_ORGS=(mining manufacturing recycling audit)
declare -A BT_ORG_MSP=(
  [mining]=MiningMSP
  [manufacturing]=ManufacturingMSP
  [recycling]=RecyclingMSP
  [audit]=AuditorMSP
)
declare -A BT_ORG_NAME=(
  [mining]=Mining
  [manufacturing]=Manufacturing
  [recycling]=Recycling
  [audit]=Auditor
)

# Ports: orderer i listens on base+50+10i (client/cluster), +1 (admin), +2 (operations);
# peer of the j-th organisation on base+100+10j (peer/gateway), +1 (chaincode), +2 (operations).
orderer_index() { local i; for i in "${!BT_ORDERERS[@]}"; do [[ "${BT_ORDERERS[$i]}" == "$1" ]] && { echo "$i"; return; }; done; return 1; }
org_index() { local j; for j in "${!BT_ORGS[@]}"; do [[ "${BT_ORGS[$j]}" == "$1" ]] && { echo "$j"; return; }; done; return 1; }
orderer_port() { echo $((BT_PORT_BASE + 50 + 10 * $(orderer_index "$1"))); }
orderer_admin_port() { echo $(($(orderer_port "$1") + 1)); }
orderer_ops_port() { echo $(($(orderer_port "$1") + 2)); }
peer_port() { echo $((BT_PORT_BASE + 100 + 10 * $(org_index "$1"))); }
peer_chaincode_port() { echo $(($(peer_port "$1") + 1)); }
peer_ops_port() { echo $(($(peer_port "$1") + 2)); }

orderer_host() { echo "$1.orderer.${BT_DOMAIN}"; }
peer_host() { echo "peer0.$1.${BT_DOMAIN}"; }
