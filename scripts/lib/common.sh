# shellcheck shell=bash
# The BT_* paths are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared helpers for the network scripts: paths, progress output, errors, process control.

BT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../../network/topology.sh
source "${BT_ROOT}/network/topology.sh"

BT_NETWORK_DIR="${BT_NETWORK_DIR:-${BT_ROOT}/.network}"
BT_LOG_DIR="${BT_NETWORK_DIR}/logs"
BT_PID_DIR="${BT_NETWORK_DIR}/pids"
BT_CRYPTO_DIR="${BT_NETWORK_DIR}/crypto"
BT_CONFIG_DIR="${BT_NETWORK_DIR}/config"
BT_NODES_DIR="${BT_NETWORK_DIR}/nodes"
BT_CONNECTION_DIR="${BT_NETWORK_DIR}/connection"
BT_CACHE_DIR="${BT_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/battery-trace}"

BT_STARTED_AT="${BT_STARTED_AT:-$(date +%s)}"

if [[ -t 1 ]]; then BT_BOLD=$'\e[1m'; BT_RED=$'\e[31m'; BT_GREEN=$'\e[32m'; BT_DIM=$'\e[2m'; BT_RESET=$'\e[0m'
else BT_BOLD=''; BT_RED=''; BT_GREEN=''; BT_DIM=''; BT_RESET=''; fi

elapsed() { echo "$(($(date +%s) - BT_STARTED_AT))s"; }
step() { printf '%s==> %s%s %s[%s]%s\n' "$BT_BOLD" "$*" "$BT_RESET" "$BT_DIM" "$(elapsed)" "$BT_RESET"; }
info() { printf '    %s\n' "$*"; }
ok() { printf '    %s✓%s %s\n' "$BT_GREEN" "$BT_RESET" "$*"; }
die() { printf '%serror:%s %s\n' "$BT_RED" "$BT_RESET" "$*" >&2; exit 1; }

# port_in_use PORT: true when something already listens on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive NAME: true when the process recorded for NAME still runs.
pid_alive() {
  local file="${BT_PID_DIR}/$1.pid"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

# wait_for DESCRIPTION TIMEOUT_SECONDS COMMAND...: polls COMMAND every half second.
wait_for() {
  local what="$1" timeout="$2"; shift 2
  local deadline=$(($(date +%s) + timeout))
  until "$@" >/dev/null 2>&1; do
    (($(date +%s) < deadline)) || { echo "timed out after ${timeout} s waiting for ${what}" >&2; return 1; }
    sleep 0.5
  done
}
