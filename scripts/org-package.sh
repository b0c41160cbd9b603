#!/usr/bin/env bash
# Which chaincode package one organisation's peer runs, through the real lifecycle: package a bundle, install it
# on that organisation's peer only and approve it for that organisation only, for the definition already
# committed (same name, version, sequence, policy and collections: Fabric lets an organisation change its
# package for the committed sequence), and put the deployed package back. The tampered-chaincode test uses it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "${BT_ROOT}/scripts/lib/fabric.sh"
source "${BT_ROOT}/scripts/lib/chaincode.sh"

usage() {
  cat <<USAGE
Usage: scripts/org-package.sh <command> [arguments]

Commands:
  package BUNDLE OUT LABEL  package one bundled chaincode file in the external builder's format (label
                            LABEL_<code hash>) into OUT; prints the package id
  use ORG PACKAGE           install PACKAGE on ORG's peer only and approve it for ORG only for the committed
                            definition; waits until ORG's peer runs it; prints the package id
  restore ORG               approve the deployed package ($(deployed_package)) for ORG again, if ORG
                            runs another one; waits until ORG's peer runs it
  show ORG                  print the package id ORG approved for the committed definition

ORG is one of: ${BT_ORGS[*]}.

Environment:
  BT_NETWORK_DIR  state folder of the running network (default: .network)
  BT_PORT_BASE    first port of the network's block (default: 17000)
  BT_CC_POLICY    chaincode endorsement policy of the committed definition (default: as scripts/network.sh)
USAGE
}

require_org() {
  org_index "${1:-}" >/dev/null || die "unknown organisation '${1:-}' (one of: ${BT_ORGS[*]})"
  pid_alive "peer-$1" || die "the peer of '$1' is not running: run 'scripts/network.sh up'"
}

fabric_bin() { BT_FABRIC_BIN="$("${BT_ROOT}/scripts/fabric-binaries.sh")"; export BT_FABRIC_BIN; }

# committed_definition: sets VERSION and SEQUENCE of the committed definition, or fails.
committed_definition() {
  VERSION="$(committed_field version)"
  SEQUENCE="$(committed_field sequence)"
  [[ -n "$VERSION" && -n "$SEQUENCE" ]] || die "chaincode '${BT_CHAINCODE_NAME}' is not committed on '${BT_CHANNEL}': run 'scripts/network.sh up'"
}

cmd_package() {
  local bundle="${1:?bundle file}" out="${2:?output package file}" label="${3:?label prefix}"
  mkdir -p "$(dirname "$out")"
  package_bundle "$bundle" "$out" "$label"
  package_id "$out"
}

cmd_use() {
  local org="${1:-}" package="${2:?package file}" id
  require_org "$org"
  [[ -f "$package" ]] || die "no package at ${package}"
  fabric_bin
  committed_definition
  id="$(package_id "$package")"
  install_on "$org" "$package" "$id" >&2
  ensure_approved "$org" "$id" "$VERSION" "$SEQUENCE" >&2
  wait_for "chaincode on ${org}" 120 chaincode_answers "$org" || die "the chaincode did not start on the peer of ${org}; see ${BT_LOG_DIR}/chaincode-${org}.log"
  echo "$id"
}

cmd_restore() {
  local org="${1:-}" package id
  require_org "$org"
  package="$(deployed_package)"
  [[ -f "$package" ]] || die "no deployed package at ${package}: run 'scripts/network.sh up'"
  fabric_bin
  committed_definition
  id="$(package_id "$package")"
  [[ "$(definition_version "$package")" == "$VERSION" ]] \
    || die "the deployed package ${package} is not the one committed as version ${VERSION}: run 'scripts/network.sh up'"
  ensure_approved "$org" "$id" "$VERSION" "$SEQUENCE"
  wait_for "chaincode on ${org}" 120 chaincode_answers "$org" || die "the chaincode did not start on the peer of ${org}; see ${BT_LOG_DIR}/chaincode-${org}.log"
  ok "${BT_ORG_MSP[$org]} runs the deployed package ${id:0:40}…"
}

cmd_show() {
  local org="${1:-}"
  require_org "$org"
  fabric_bin
  committed_definition
  approved_package "$org" "$SEQUENCE"
  echo
}

case "${1:-}" in
  package) shift; cmd_package "$@" ;;
  use) shift; cmd_use "$@" ;;
  restore) shift; cmd_restore "$@" ;;
  show) shift; cmd_show "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
