# shellcheck shell=bash
# Chaincode lifecycle used by scripts/network.sh: build the bundle, package it for the external
# builder, install on every peer, approve by every organisation, commit, and wait until it answers.

# Any two organisations endorse a new key; existing keys carry key-level policies naming their owners
# (chaincode/src/state/endorsement.ts, docs/TRUST.md).
BT_CC_POLICY="${BT_CC_POLICY:-OutOf(2,'MiningMSP.peer','ManufacturingMSP.peer','RecyclingMSP.peer','AuditorMSP.peer')}"
BT_CC_COLLECTIONS="${BT_ROOT}/chaincode/collections_config.json"
# Further definitions of the same package, each under its own name with its own chaincode-level policy:
# whitespace-separated NAME=POLICY entries (a policy without spaces). Empty for the product network; the
# benchmark network adds a one-organisation definition (scripts/bench.sh).
BT_EXTRA_CHAINCODES="${BT_EXTRA_CHAINCODES:-}"

# package_bundle BUNDLE OUT LABEL_PREFIX: packages one bundled chaincode file (chaincode.js) in the format the
# external builder in network/builders/node runs, with the label LABEL_PREFIX_<hash of the code>.
package_bundle() {
  local bundle="$1" out="$2" prefix="$3" stage hash
  [[ -f "$bundle" ]] || die "no chaincode bundle at ${bundle}"
  stage="$(mktemp -d)"
  cp "$bundle" "$stage/chaincode.js"
  # Deterministic archives: the same bundle always gives the same package id.
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$stage" -cf - chaincode.js | gzip -n > "$stage/code.tar.gz"
  hash="$(sha256sum "$stage/code.tar.gz" | cut -c1-12)"
  printf '{"type":"battery-trace-node","label":"%s_%s"}\n' "$prefix" "$hash" > "$stage/metadata.json"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$stage" -cf - metadata.json code.tar.gz | gzip -n > "$out"
  rm -rf "$stage"
}

# package_id PACKAGE: the id a peer gives the installed package (label:sha256 of the file).
package_id() {
  local label
  label="$(tar -xzOf "$1" metadata.json | sed 's/.*"label":"\([^"]*\)".*/\1/')"
  echo "${label}:$(sha256sum "$1" | cut -d' ' -f1)"
}

build_chaincode_package() {
  local out="$1"
  (cd "$BT_ROOT" && npm run --silent build:chaincode) > "${BT_LOG_DIR}/chaincode-build.log" 2>&1 \
    || die "building the chaincode failed; see ${BT_LOG_DIR}/chaincode-build.log:
$(tail -n 15 "${BT_LOG_DIR}/chaincode-build.log")"
  package_bundle "${BT_ROOT}/dist/chaincode-bundle/chaincode.js" "$out" "$BT_CHAINCODE_NAME"
}

# definition_version PACKAGE: a version string that changes whenever the package, policy or collections do.
definition_version() {
  {
    sha256sum "$1"
    echo "$BT_CC_POLICY"
    if [[ -f "$BT_CC_COLLECTIONS" ]]; then cat "$BT_CC_COLLECTIONS"; fi
  } | sha256sum | cut -c1-12
}

committed_field() { # committed_field FIELD: version or sequence of the committed definition, or empty.
  peer_cli mining lifecycle chaincode querycommitted -C "$BT_CHANNEL" -n "$BT_CHAINCODE_NAME" -O json 2>/dev/null \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(String(JSON.parse(s)[process.argv[1]]??""))}catch{}})' "$1" || true
}

orderer_cli_args() { echo "-o 127.0.0.1:$(orderer_port "${BT_ORDERERS[0]}") --tls --cafile $(orderer_tls_ca)"; }

collections_args() { if [[ -f "$BT_CC_COLLECTIONS" ]]; then echo "--collections-config ${BT_CC_COLLECTIONS}"; fi; }

# install_on ORG PACKAGE PACKAGE_ID: installs the package on ORG's peer unless it is there already.
install_on() {
  local org="$1" package="$2" package_id="$3"
  if peer_cli "$org" lifecycle chaincode queryinstalled 2>/dev/null | grep -q "Package ID: ${package_id},"; then
    ok "installed on ${org} (already)"; return
  fi
  peer_cli "$org" lifecycle chaincode install "$package" >> "${BT_LOG_DIR}/peer-cli.log" 2>&1 \
    || die "install on ${org} failed; see ${BT_LOG_DIR}/peer-cli.log and ${BT_LOG_DIR}/peer-${org}.log"
  ok "installed on ${org}"
}

install_everywhere() {
  local package="$1" package_id="$2" org
  for org in "${BT_ORGS[@]}"; do install_on "$org" "$package" "$package_id"; done
}

# approve_for_org ORG PACKAGE_ID VERSION SEQUENCE: ORG approves the definition (this network's name, policy and
# collections) with its peers running PACKAGE_ID. For the committed sequence this only changes ORG's package:
# Fabric accepts it when every other parameter equals the committed definition.
approve_for_org() {
  local org="$1" package_id="$2" version="$3" sequence="$4"
  # shellcheck disable=SC2046
  peer_cli "$org" lifecycle chaincode approveformyorg $(orderer_cli_args) -C "$BT_CHANNEL" -n "$BT_CHAINCODE_NAME" \
    -v "$version" --package-id "$package_id" --sequence "$sequence" --signature-policy "$BT_CC_POLICY" \
    $(collections_args) --waitForEvent >> "${BT_LOG_DIR}/peer-cli.log" 2>&1 \
    || die "approval by ${org} failed; see ${BT_LOG_DIR}/peer-cli.log"
  ok "approved by ${BT_ORG_MSP[$org]} (package ${package_id:0:40}…)"
}

# approved_package ORG SEQUENCE: the package id ORG approved for SEQUENCE of the chaincode, or empty.
approved_package() {
  peer_cli "$1" lifecycle chaincode queryapproved -C "$BT_CHANNEL" -n "$BT_CHAINCODE_NAME" --sequence "$2" -O json 2>/dev/null \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(String(JSON.parse(s).source?.Type?.LocalPackage?.package_id??""))}catch{}})' || true
}

# ensure_approved ORG PACKAGE_ID VERSION SEQUENCE: ORG's approval of the committed SEQUENCE names PACKAGE_ID
# (approves again when it names another package, e.g. after a test ran a modified chaincode on ORG's peer).
ensure_approved() {
  local org="$1" package_id="$2" version="$3" sequence="$4" current
  current="$(approved_package "$org" "$sequence")"
  if [[ "$current" == "$package_id" ]]; then return; fi
  info "${BT_ORG_MSP[$org]} approved package ${current:-(none)}; approving ${package_id:0:40}… instead"
  approve_for_org "$org" "$package_id" "$version" "$sequence"
}

approve_and_commit() {
  local package_id="$1" version="$2" sequence="$3" org
  local peers=()
  for org in "${BT_ORGS[@]}"; do
    approve_for_org "$org" "$package_id" "$version" "$sequence"
    peers+=(--peerAddresses "127.0.0.1:$(peer_port "$org")" --tlsRootCertFiles "$(peer_tls_ca "$org")")
  done
  # shellcheck disable=SC2046
  peer_cli mining lifecycle chaincode commit $(orderer_cli_args) -C "$BT_CHANNEL" -n "$BT_CHAINCODE_NAME" \
    -v "$version" --sequence "$sequence" --signature-policy "$BT_CC_POLICY" $(collections_args) \
    "${peers[@]}" --waitForEvent >> "${BT_LOG_DIR}/peer-cli.log" 2>&1 \
    || die "commit of the chaincode definition failed; see ${BT_LOG_DIR}/peer-cli.log"
  ok "definition committed: version ${version}, sequence ${sequence}"
}

# chaincode_answers ORG: the chaincode on ORG's peer answers a read (the peer launches it if needed).
chaincode_answers() {
  BT_CLI_TIMEOUT=100 peer_cli "$1" chaincode query -C "$BT_CHANNEL" -n "$BT_CHAINCODE_NAME" \
    -c '{"Args":["baseline:Read","ready"]}'
}

wait_chaincode_ready() {
  local org
  for org in "${BT_ORGS[@]}"; do
    if ! wait_for "chaincode on ${org}" 120 chaincode_answers "$org"; then
      die "the chaincode did not start on the peer of ${org}; see ${BT_LOG_DIR}/chaincode-${org}.log and ${BT_LOG_DIR}/peer-${org}.log:
$(tail -n 8 "${BT_LOG_DIR}/chaincode-${org}.log" 2>/dev/null || echo '(no chaincode log: the builder never ran it)')"
    fi
    ok "chaincode answers on ${org} (pid $(cat "${BT_PID_DIR}/chaincode-${org}.pid" 2>/dev/null || echo '?'))"
  done
}

# wait_endorsement_ready: every organisation's gateway gets a write endorsed by two organisations and committed
# (discovery learns the other peers by gossip a little after they join; until then such writes are refused).
wait_endorsement_ready() {
  local started=$SECONDS
  (cd "$BT_ROOT" && node scripts/lib/await-endorsement.mjs "$BT_CONNECTION_DIR" 120 "${BT_ORGS[@]}") \
    || die "the gateways could not get writes endorsed; see ${BT_LOG_DIR}/peer-*.log"
  ok "every gateway gets writes endorsed by two organisations ($((SECONDS - started)) s)"
}

# deployed_package: the package `deploy` built, installed on every peer and approved by every organisation.
deployed_package() { echo "${BT_NETWORK_DIR}/chaincode/${BT_CHAINCODE_NAME}.tar.gz"; }

# commit_definition PACKAGE: installs PACKAGE on every peer and commits the definition of BT_CHAINCODE_NAME with
# BT_CC_POLICY (a new sequence when the package, policy or collections changed), then waits until it answers.
commit_definition() {
  local package="$1" package_id version committed sequence org
  package_id="$(package_id "$package")"
  version="$(definition_version "$package")"
  ok "package ${package_id:0:40}…"
  install_everywhere "$package" "$package_id"
  committed="$(committed_field version)"
  if [[ "$committed" == "$version" ]]; then
    ok "definition version ${version} already committed"
    sequence="$(committed_field sequence)"
    for org in "${BT_ORGS[@]}"; do ensure_approved "$org" "$package_id" "$version" "$sequence"; done
  else
    sequence=$(( $(committed_field sequence) + 1 ))
    approve_and_commit "$package_id" "$version" "$sequence"
  fi
  wait_chaincode_ready
}

# with_definition NAME POLICY COMMAND...: runs COMMAND (one of the functions above, which read BT_CHAINCODE_NAME
# and BT_CC_POLICY) for the chaincode definition NAME with POLICY.
with_definition() {
  local BT_CHAINCODE_NAME="$1" BT_CC_POLICY="$2"
  shift 2
  "$@"
}

# extra_definitions: the entries of BT_EXTRA_CHAINCODES, one NAME=POLICY a line, checked.
extra_definitions() {
  local entries entry
  read -r -a entries <<< "$BT_EXTRA_CHAINCODES"
  for entry in ${entries[@]+"${entries[@]}"}; do
    [[ "$entry" =~ ^[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*=.+$ ]] || die "BT_EXTRA_CHAINCODES: '${entry}' is not NAME=POLICY with a valid chaincode name"
    [[ "${entry%%=*}" != "$BT_CHAINCODE_NAME" ]] || die "BT_EXTRA_CHAINCODES: '${entry%%=*}' is the product chaincode's own name"
    echo "$entry"
  done
}

# deploy_extra_definitions PACKAGE DEFINITIONS: commits each NAME=POLICY line of DEFINITIONS for PACKAGE.
deploy_extra_definitions() {
  local package="$1" definitions="$2" entry
  while IFS= read -r entry; do
    [[ -n "$entry" ]] || continue
    step "Chaincode definition '${entry%%=*}': the same package, policy ${entry#*=}"
    with_definition "${entry%%=*}" "${entry#*=}" commit_definition "$package"
  done <<< "$definitions"
}

deploy_chaincode() {
  local extras package
  extras="$(extra_definitions)" # checked before anything is deployed
  step "Chaincode '${BT_CHAINCODE_NAME}'"
  package="$(deployed_package)"
  mkdir -p "$(dirname "$package")"
  build_chaincode_package "$package"
  commit_definition "$package"
  deploy_extra_definitions "$package" "$extras"
  step "Chaincode ready"
}
