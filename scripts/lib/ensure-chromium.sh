#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the headless-browser tests of the demo report.
# Installs the `chromium` package with apt-get only when /usr/bin/chromium is missing; never downloads a
# browser build of its own.
set -euo pipefail

usage() {
  cat <<USAGE
Usage: bash scripts/lib/ensure-chromium.sh

Installs Debian's chromium package (apt-get) if /usr/bin/chromium is missing, then prints its version.
Needs root (or sudo) only when it has to install.
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

CHROMIUM=/usr/bin/chromium

if [[ ! -x "$CHROMIUM" ]]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $CHROMIUM is missing and apt-get is not available; install Chromium from your distribution" >&2
    exit 1
  fi
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: installing chromium needs root or sudo" >&2; exit 1; }
    SUDO=(sudo)
  fi
  echo "==> Installing Debian's chromium (apt-get install -y chromium)"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

"$CHROMIUM" --version
