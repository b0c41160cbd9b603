#!/usr/bin/env bash
# Provides Fabric's peer, orderer, configtxgen, cryptogen and osnadmin at the pinned release and prints
# the folder that holds them. Order of preference:
#   1. FABRIC_BIN, a folder of release binaries chosen by the user;
#   2. the per-user cache (~/.cache/battery-trace/fabric/v<version>/bin), when complete;
#   3. a build into that cache: `go install` of the Fabric Go module at the release commit, or, when
#      FABRIC_SRC names a local checkout of that commit, `go build` inside it (vendored, offline).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

BT_FABRIC_TOOLS=(peer orderer configtxgen cryptogen osnadmin)
BT_FABRIC_MODULE="github.com/hyperledger/fabric"
BT_GO_MIN="1.26.4"   # the `go` line of Fabric v3.1.5's go.mod

usage() {
  cat <<USAGE
Usage: scripts/fabric-binaries.sh [--print-dir] [--help]

Makes Fabric v${BT_FABRIC_VERSION} binaries (${BT_FABRIC_TOOLS[*]}) available and prints their folder.

Environment:
  FABRIC_BIN   folder with release binaries to use instead of building (checked, never modified)
  FABRIC_SRC   local checkout of Fabric at commit ${BT_FABRIC_COMMIT:0:12}, built offline with its vendor folder
               when the Go module proxy does not serve the module
  BT_CACHE_DIR cache root (default: \${XDG_CACHE_HOME:-~/.cache}/battery-trace)
USAGE
}

# binary_works DIR TOOL: the tool exists, is executable and answers.
binary_works() {
  local bin="$1/$2"
  [[ -x "$bin" ]] || return 1
  case "$2" in
    peer|orderer|cryptogen) "$bin" version >/dev/null 2>&1 ;;
    configtxgen) "$bin" -version >/dev/null 2>&1 ;;
    osnadmin) "$bin" --help >/dev/null 2>&1 ;;
  esac
}

# check_dir DIR: prints the first missing or broken tool, fails when there is one.
check_dir() {
  local tool
  for tool in "${BT_FABRIC_TOOLS[@]}"; do
    if ! binary_works "$1" "$tool"; then echo "$tool"; return 1; fi
  done
}

version_at_least() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }

check_go() {
  command -v go >/dev/null 2>&1 || die "Go is not installed, and the Fabric binaries must be built with it.
    Install Go >= ${BT_GO_MIN} (https://go.dev/dl/) or point FABRIC_BIN at Fabric v${BT_FABRIC_VERSION} release binaries."
  local have; have="$(go env GOVERSION | sed 's/^go//')"
  version_at_least "$have" "$BT_GO_MIN" || die "Go ${have} is too old: Fabric v${BT_FABRIC_VERSION} needs Go >= ${BT_GO_MIN}.
    Upgrade Go, or point FABRIC_BIN at Fabric v${BT_FABRIC_VERSION} release binaries."
}

ldflags() {
  local m="${BT_FABRIC_MODULE}/common/metadata"
  echo "-X ${m}.Version=${BT_FABRIC_VERSION} -X ${m}.CommitSHA=${BT_FABRIC_COMMIT:0:12}"
}

build_from_module() {
  local out="$1" pkgs=() tool
  for tool in "${BT_FABRIC_TOOLS[@]}"; do pkgs+=("${BT_FABRIC_MODULE}/cmd/${tool}@${BT_FABRIC_COMMIT}"); done
  info "go install ${BT_FABRIC_MODULE}/cmd/{${BT_FABRIC_TOOLS[*]// /,}}@${BT_FABRIC_COMMIT:0:12} (a few minutes on 2 cores)"
  GOBIN="$out" GOFLAGS=-mod=mod go install -ldflags "$(ldflags)" "${pkgs[@]}"
}

build_from_source() {
  local out="$1" src="$2" head tool pkgs=()
  [[ -f "$src/go.mod" ]] || die "FABRIC_SRC=${src} is not a Fabric checkout (no go.mod)"
  head="$(git -C "$src" rev-parse HEAD 2>/dev/null || true)"
  if [[ -n "$head" && "$head" != "$BT_FABRIC_COMMIT" ]]; then
    die "FABRIC_SRC is at commit ${head:0:12}, not the pinned v${BT_FABRIC_VERSION} commit ${BT_FABRIC_COMMIT:0:12}"
  fi
  for tool in "${BT_FABRIC_TOOLS[@]}"; do pkgs+=("./cmd/${tool}"); done
  info "go build in ${src} (vendored dependencies, a few minutes on 2 cores)"
  (cd "$src" && go build -mod=vendor -ldflags "$(ldflags)" -o "$out/" "${pkgs[@]}")
}

provide() {
  if [[ -n "${FABRIC_BIN:-}" ]]; then
    local bad
    bad="$(check_dir "$FABRIC_BIN")" || die "FABRIC_BIN=${FABRIC_BIN}: '${bad}' is missing or does not run"
    echo "$FABRIC_BIN"; return
  fi
  local cache="${BT_CACHE_DIR}/fabric/v${BT_FABRIC_VERSION}/bin"
  if check_dir "$cache" >/dev/null; then echo "$cache"; return; fi

  check_go
  step "Building Fabric v${BT_FABRIC_VERSION} binaries into ${cache}" >&2
  local staging; staging="$(mktemp -d "${BT_CACHE_DIR}/fabric-build.XXXXXX" 2>/dev/null || { mkdir -p "$BT_CACHE_DIR"; mktemp -d "${BT_CACHE_DIR}/fabric-build.XXXXXX"; })"
  # shellcheck disable=SC2064
  trap "rm -rf '$staging'" EXIT
  if [[ -n "${FABRIC_SRC:-}" ]]; then
    build_from_source "$staging" "$FABRIC_SRC" >&2
  elif ! build_from_module "$staging" >&2; then
    die "go install of ${BT_FABRIC_MODULE}@${BT_FABRIC_COMMIT:0:12} failed (output above).
    If the Go module proxy does not serve this commit, either set FABRIC_SRC to a local checkout of
    Fabric v${BT_FABRIC_VERSION} (commit ${BT_FABRIC_COMMIT}) or FABRIC_BIN to release binaries."
  fi
  local bad
  bad="$(check_dir "$staging")" || die "the build produced no working '${bad}'"
  mkdir -p "$cache"
  mv "$staging"/* "$cache"/
  ok "Fabric binaries in ${cache}" >&2
  echo "$cache"
}

case "${1:-}" in
  -h|--help) usage ;;
  ""|--print-dir) provide ;;
  *) usage >&2; exit 2 ;;
esac
