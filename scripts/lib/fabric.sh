# shellcheck shell=bash
# Network building blocks used by scripts/network.sh: configuration, crypto material, node processes,
# channel membership and connection material.

BT_GENESIS_BLOCK="${BT_NETWORK_DIR}/channel/${BT_CHANNEL}.block"

orderer_org_dir() { echo "${BT_CRYPTO_DIR}/ordererOrganizations/orderer.${BT_DOMAIN}"; }
peer_org_dir() { echo "${BT_CRYPTO_DIR}/peerOrganizations/$1.${BT_DOMAIN}"; }
orderer_tls_ca() { echo "$(orderer_org_dir)/tlsca/tlsca.orderer.${BT_DOMAIN}-cert.pem"; }
peer_tls_ca() { echo "$(peer_org_dir "$1")/tlsca/tlsca.$1.${BT_DOMAIN}-cert.pem"; }

# node_tls_ca NODE: the TLS CA of a process name such as orderer-orderer0 or peer-mining.
node_tls_ca() {
  case "$1" in
    orderer-*) orderer_tls_ca ;;
    peer-*) peer_tls_ca "${1#peer-}" ;;
  esac
}

# render FILE KEY=VALUE...: copies network/config/FILE into the state folder, filling @@KEY@@.
render() {
  local file="$1" args=(-e "") pair; shift
  for pair in "$@"; do args+=(-e "s|@@${pair%%=*}@@|${pair#*=}|g"); done
  sed "${args[@]}" "${BT_ROOT}/network/config/${file}" > "${BT_CONFIG_DIR}/${file}"
  if grep -q '@@[A-Z0-9_]*@@' "${BT_CONFIG_DIR}/${file}"; then die "unfilled placeholder in ${file}"; fi
}

render_config() {
  mkdir -p "$BT_CONFIG_DIR"
  local pairs=("CRYPTO=${BT_CRYPTO_DIR}") name org
  for name in "${BT_ORDERERS[@]}"; do pairs+=("${name^^}_PORT=$(orderer_port "$name")"); done
  for org in "${BT_ORGS[@]}"; do pairs+=("${org^^}_PEER_PORT=$(peer_port "$org")"); done
  render configtx.yaml "${pairs[@]}"
  render core.yaml "BUILDER_DIR=${BT_ROOT}/network/builders/node"
  render orderer.yaml
  cp "${BT_ROOT}/network/config/crypto-config.yaml" "${BT_CONFIG_DIR}/"
}

ensure_crypto() {
  if [[ -d "$BT_CRYPTO_DIR/peerOrganizations" ]]; then return; fi
  step "Crypto material (cryptogen)"
  "${BT_FABRIC_BIN}/cryptogen" generate --config="${BT_CONFIG_DIR}/crypto-config.yaml" --output="$BT_CRYPTO_DIR" >/dev/null
  ok "identities for ${BT_ORDERER_MSP} and ${BT_ORGS[*]}"
}

ensure_genesis_block() {
  if [[ -f "$BT_GENESIS_BLOCK" ]]; then return; fi
  step "Channel genesis block (configtxgen)"
  mkdir -p "$(dirname "$BT_GENESIS_BLOCK")"
  "${BT_FABRIC_BIN}/configtxgen" -configPath "$BT_CONFIG_DIR" -profile BatteryTraceChannel \
    -channelID "$BT_CHANNEL" -outputBlock "$BT_GENESIS_BLOCK" 2> "${BT_LOG_DIR}/configtxgen.log" \
    || die "configtxgen failed, see ${BT_LOG_DIR}/configtxgen.log"
  ok "${BT_GENESIS_BLOCK}"
}

# check_ports NAME PORT...: fails clearly when a port this node needs is taken.
check_ports() {
  local name="$1" port; shift
  for port in "$@"; do
    if port_in_use "$port"; then
      die "port ${port} (needed by ${name}) is already in use by another process.
    Stop that process, or move the whole network with BT_PORT_BASE=<first port> (now ${BT_PORT_BASE})."
    fi
  done
}

# start_node NAME OPS_PORT PORTS... -- ARGS...: starts scripts/node.sh ARGS in its own process group,
# records its pid and waits for its /healthz.
start_node() {
  local name="$1" ops="$2"; shift 2
  local ports=()
  while [[ "$1" != "--" ]]; do ports+=("$1"); shift; done; shift
  if pid_alive "$name"; then ok "${name} already running (pid $(cat "${BT_PID_DIR}/${name}.pid"))"; return; fi
  check_ports "$name" "${ports[@]}" "$ops"
  local log="${BT_LOG_DIR}/${name}.log"
  setsid "${BT_ROOT}/scripts/node.sh" "$@" >> "$log" 2>&1 < /dev/null &
  echo $! > "${BT_PID_DIR}/${name}.pid"
  local ca; ca="$(node_tls_ca "$name")"
  if ! wait_for "$name health" 60 curl -sf --max-time 2 --cacert "$ca" "https://127.0.0.1:${ops}/healthz"; then
    pid_alive "$name" || die "${name} exited during start-up; see ${log}:
$(tail -n 5 "$log")"
    die "${name} did not report healthy within 60 s; see ${log}"
  fi
  ok "${name} pid $(cat "${BT_PID_DIR}/${name}.pid"), listening on 127.0.0.1:${ports[0]}, log ${log}"
}

start_orderer() {
  local name="$1"
  start_node "orderer-${name}" "$(orderer_ops_port "$name")" "$(orderer_port "$name")" "$(orderer_admin_port "$name")" -- orderer "$name"
}

start_peer() {
  local org="$1"
  start_node "peer-${org}" "$(peer_ops_port "$org")" "$(peer_port "$org")" "$(peer_chaincode_port "$org")" -- peer "$org"
}

osnadmin_args() {
  local admin; admin="$(orderer_org_dir)/users/Admin@orderer.${BT_DOMAIN}/tls"
  echo "-o 127.0.0.1:$(orderer_admin_port "$1") --ca-file $(orderer_tls_ca) --client-cert ${admin}/client.crt --client-key ${admin}/client.key"
}

join_orderer() {
  local name="$1"
  # shellcheck disable=SC2046
  if "${BT_FABRIC_BIN}/osnadmin" channel list --channelID "$BT_CHANNEL" $(osnadmin_args "$name") 2>/dev/null | grep -q '^Status: 200'; then
    ok "orderer ${name} already serves channel '${BT_CHANNEL}'"; return
  fi
  # shellcheck disable=SC2046
  "${BT_FABRIC_BIN}/osnadmin" channel join --channelID "$BT_CHANNEL" --config-block "$BT_GENESIS_BLOCK" \
    $(osnadmin_args "$name") >> "${BT_LOG_DIR}/osnadmin.log" 2>&1 \
    || die "orderer ${name} could not join channel '${BT_CHANNEL}'; see ${BT_LOG_DIR}/osnadmin.log"
  ok "orderer ${name} joined channel '${BT_CHANNEL}' (channel participation API)"
}

# peer_cli ORG ARGS...: runs the peer CLI as the organisation's admin against its peer
# (killed after BT_CLI_TIMEOUT seconds when that is set).
peer_cli() {
  local org="$1"; shift
  (
    export FABRIC_CFG_PATH="$BT_CONFIG_DIR"
    export CORE_PEER_LOCALMSPID="${BT_ORG_MSP[$org]}"
    export CORE_PEER_MSPCONFIGPATH; CORE_PEER_MSPCONFIGPATH="$(peer_org_dir "$org")/users/Admin@${org}.${BT_DOMAIN}/msp"
    export CORE_PEER_ADDRESS; CORE_PEER_ADDRESS="127.0.0.1:$(peer_port "$org")"
    export CORE_PEER_TLS_ENABLED=true
    export CORE_PEER_TLS_ROOTCERT_FILE; CORE_PEER_TLS_ROOTCERT_FILE="$(peer_tls_ca "$org")"
    if [[ -n "${BT_CLI_TIMEOUT:-}" ]]; then
      timeout "$BT_CLI_TIMEOUT" "${BT_FABRIC_BIN}/peer" "$@"
    else
      "${BT_FABRIC_BIN}/peer" "$@"
    fi
  )
}

join_peer() {
  local org="$1"
  if peer_cli "$org" channel getinfo -c "$BT_CHANNEL" >/dev/null 2>&1; then
    ok "peer of ${org} already joined '${BT_CHANNEL}'"; return
  fi
  peer_cli "$org" channel join -b "$BT_GENESIS_BLOCK" >> "${BT_LOG_DIR}/peer-cli.log" 2>&1 \
    || die "peer of ${org} could not join '${BT_CHANNEL}'; see ${BT_LOG_DIR}/peer-cli.log"
  ok "peer of ${org} joined '${BT_CHANNEL}'"
}

# stop_process NAME: stops the process group recorded for NAME (TERM, then KILL after 10 s).
stop_process() {
  local name="$1" file="${BT_PID_DIR}/$1.pid" pid i
  pid="$(cat "$file")"
  rm -f "$file"
  kill -0 "$pid" 2>/dev/null || return 1
  kill -TERM -- "-${pid}" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do
    kill -0 "$pid" 2>/dev/null || { info "stopped ${name} (pid ${pid})"; return 0; }
    sleep 0.5
  done
  kill -KILL -- "-${pid}" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  info "killed ${name} (pid ${pid})"
}

write_connection_material() {
  step "Connection material"
  local org dir user
  for org in "${BT_ORGS[@]}"; do
    dir="$(peer_org_dir "$org")"
    local identities=() 
    for user in "Admin" "User1" "User2"; do
      local msp="${dir}/users/${user}@${org}.${BT_DOMAIN}/msp"
      local keys=("${msp}/keystore/"*) key
      key="${keys[0]}"
      identities+=("${user,,}=${msp}/signcerts/${user}@${org}.${BT_DOMAIN}-cert.pem=${key}")
    done
    local admin_tls="${dir}/users/Admin@${org}.${BT_DOMAIN}/tls"
    node "${BT_ROOT}/scripts/lib/connection-material.mjs" "${BT_CONNECTION_DIR}/${org}.json" \
      "$org" "${BT_ORG_MSP[$org]}" "$BT_CHANNEL" "$BT_CHAINCODE_NAME" "$(peer_host "$org")" \
      "localhost:$(peer_port "$org")" "$(peer_tls_ca "$org")" \
      "https://127.0.0.1:$(peer_ops_port "$org")" "${admin_tls}/client.crt" "${admin_tls}/client.key" "${identities[@]}"
  done
  ok "${BT_CONNECTION_DIR}/{$(IFS=,; echo "${BT_ORGS[*]}")}.json"
}
