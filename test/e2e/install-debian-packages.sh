#!/usr/bin/env bash
# Installs the Debian packages the e2e run needs, only those missing, with one `apt-get update`.
#   build-essential python3 pkg-config  node-gyp builds code-server's native modules (node-pty, spdlog, …)
#   libkrb5-dev                          the kerberos module code-server depends on
#   ripgrep                              stands in for @vscode/ripgrep's GitHub download (see setup.sh)
#   chromium                             the browser playwright-core drives (no browser download)
#   fonts-dejavu-core                    readable text in the screenshots
set -euo pipefail
PACKAGES=(build-essential python3 pkg-config libkrb5-dev ripgrep chromium fonts-dejavu-core)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "== apt-get install ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
