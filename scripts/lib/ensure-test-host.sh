#!/usr/bin/env bash
# Provisions the host tools the test command needs beyond Node.js and Go, from Debian's packages:
# Chromium (headless-browser tests of the demo report) and ShellCheck (lint of the scripts).
# Installs with apt-get only what is missing; never downloads a browser build of its own.
set -euo pipefail

usage() {
  cat <<USAGE
Usage: bash scripts/lib/ensure-test-host.sh

Installs Debian's chromium and shellcheck packages (apt-get) when /usr/bin/chromium or shellcheck is
missing, then prints their versions. Needs root (or sudo) only when it has to install.
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

CHROMIUM=/usr/bin/chromium

missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)

if ((${#missing[@]} > 0)); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: ${missing[*]} missing and apt-get is not available; install them from your distribution" >&2
    exit 1
  fi
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: installing ${missing[*]} needs root or sudo" >&2; exit 1; }
    SUDO=(sudo)
  fi
  echo "==> Installing Debian's ${missing[*]} (apt-get install -y ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$CHROMIUM" --version
shellcheck --version | sed -n 2p
