#!/usr/bin/env bash
# Runs one Fabric node in the foreground: `node.sh orderer <name>` or `node.sh peer <org>`.
# Only sets the node's overrides (identity, ports, folders) over the shared configuration in
# $BT_NETWORK_DIR/config, then execs the binary. scripts/network.sh starts and stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { echo "Usage: scripts/node.sh orderer <${BT_ORDERERS[*]// /|}> | peer <${BT_ORGS[*]// /|}>"; }

run_orderer() {
  local name="$1" host dir tls
  orderer_index "$name" >/dev/null || die "unknown orderer '$name'"
  host="$(orderer_host "$name")"
  dir="${BT_CRYPTO_DIR}/ordererOrganizations/orderer.${BT_DOMAIN}/orderers/${host}"
  tls="${dir}/tls"
  export FABRIC_CFG_PATH="$BT_CONFIG_DIR"
  export ORDERER_GENERAL_LISTENPORT; ORDERER_GENERAL_LISTENPORT="$(orderer_port "$name")"
  export ORDERER_GENERAL_LOCALMSPDIR="${dir}/msp"
  export ORDERER_GENERAL_LOCALMSPID="$BT_ORDERER_MSP"
  export ORDERER_GENERAL_TLS_PRIVATEKEY="${tls}/server.key"
  export ORDERER_GENERAL_TLS_CERTIFICATE="${tls}/server.crt"
  export ORDERER_GENERAL_TLS_ROOTCAS="[${tls}/ca.crt]"
  export ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="${tls}/server.crt"
  export ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="${tls}/server.key"
  export ORDERER_FILELEDGER_LOCATION="${BT_NODES_DIR}/${name}/ledger"
  export ORDERER_CONSENSUS_WALDIR="${BT_NODES_DIR}/${name}/etcdraft/wal"
  export ORDERER_CONSENSUS_SNAPDIR="${BT_NODES_DIR}/${name}/etcdraft/snapshot"
  export ORDERER_OPERATIONS_LISTENADDRESS; ORDERER_OPERATIONS_LISTENADDRESS="127.0.0.1:$(orderer_ops_port "$name")"
  export ORDERER_OPERATIONS_TLS_CERTIFICATE="${tls}/server.crt"
  export ORDERER_OPERATIONS_TLS_PRIVATEKEY="${tls}/server.key"
  # /metrics and /logspec need a client certificate from the organisation's TLS CA; /healthz does not.
  export ORDERER_OPERATIONS_TLS_CLIENTROOTCAS="[${tls}/ca.crt]"
  export ORDERER_ADMIN_LISTENADDRESS; ORDERER_ADMIN_LISTENADDRESS="127.0.0.1:$(orderer_admin_port "$name")"
  export ORDERER_ADMIN_TLS_CERTIFICATE="${tls}/server.crt"
  export ORDERER_ADMIN_TLS_PRIVATEKEY="${tls}/server.key"
  export ORDERER_ADMIN_TLS_CLIENTROOTCAS="[${tls}/ca.crt]"
  exec "${BT_FABRIC_BIN}/orderer"
}

run_peer() {
  local org="$1" host dir tls port chaincode_port ops_port
  org_index "$org" >/dev/null || die "unknown organisation '$org'"
  host="$(peer_host "$org")"
  port="$(peer_port "$org")"
  chaincode_port="$(peer_chaincode_port "$org")"
  ops_port="$(peer_ops_port "$org")"
  dir="${BT_CRYPTO_DIR}/peerOrganizations/${org}.${BT_DOMAIN}/peers/${host}"
  tls="${dir}/tls"
  export FABRIC_CFG_PATH="$BT_CONFIG_DIR"
  export BT_NODE_NAME="$org"
  export CORE_PEER_ID="$host"
  export CORE_PEER_LISTENADDRESS="127.0.0.1:${port}"
  export CORE_PEER_ADDRESS="127.0.0.1:${port}"
  export CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:${chaincode_port}"
  export CORE_PEER_CHAINCODEADDRESS="127.0.0.1:${chaincode_port}"
  export CORE_PEER_GOSSIP_BOOTSTRAP="127.0.0.1:${port}"
  export CORE_PEER_GOSSIP_EXTERNALENDPOINT="127.0.0.1:${port}"
  export CORE_PEER_LOCALMSPID="${BT_ORG_MSP[$org]}"
  export CORE_PEER_MSPCONFIGPATH="${dir}/msp"
  export CORE_PEER_TLS_CERT_FILE="${tls}/server.crt"
  export CORE_PEER_TLS_KEY_FILE="${tls}/server.key"
  export CORE_PEER_TLS_ROOTCERT_FILE="${tls}/ca.crt"
  export CORE_PEER_FILESYSTEMPATH="${BT_NODES_DIR}/${org}/ledger"
  export CORE_LEDGER_SNAPSHOTS_ROOTDIR="${BT_NODES_DIR}/${org}/snapshots"
  export CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:${ops_port}"
  export CORE_OPERATIONS_TLS_CERT_FILE="${tls}/server.crt"
  export CORE_OPERATIONS_TLS_KEY_FILE="${tls}/server.key"
  # /metrics and /logspec need a client certificate from the organisation's TLS CA; /healthz does not.
  export CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES="${tls}/ca.crt"
  export BT_NETWORK_DIR
  exec "${BT_FABRIC_BIN}/peer" node start
}

[[ -n "${BT_FABRIC_BIN:-}" ]] || BT_FABRIC_BIN="$("${BT_ROOT}/scripts/fabric-binaries.sh")"
case "${1:-}" in
  orderer) run_orderer "${2:?$(usage)}" ;;
  peer) run_peer "${2:?$(usage)}" ;;
  -h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
