#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, outside the project's own dependencies:
#   - the Debian packages (install-debian-packages.sh),
#   - code-server 4.100.3 (= VS Code 1.100.3) from the npm registry into .e2e/code-server, pinned by
#     the package.json + package-lock.json next to this script, and kept between runs.
# Nothing is downloaded from anywhere but the npm registry and Debian.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DEST=$ROOT/.e2e/code-server
# Node 20 limits code-server to the 4.100 line: its postinstall refuses other Node majors.
[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] || { echo "the e2e run needs Node 20 (have $(node -v))" >&2; exit 1; }

bash "$HERE/install-debian-packages.sh"
# node-gyp would download the headers from nodejs.org if the installed ones were missing.
[ -f /usr/include/node/node.h ] || { echo "Node headers missing at /usr/include/node" >&2; exit 1; }

# The cache key is the lock file: a new pin reinstalls, anything else reuses the folder.
pin_hash() { cat "$HERE"/code-server/package*.json | sha256sum | cut -c1-16; }
stamp=$(pin_hash)
entry=$DEST/node_modules/code-server/out/node/entry.js
pty=$DEST/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node
rgbin=$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
if [ -f "$entry" ] && [ -f "$pty" ] && [ -x "$rgbin" ] && [ "$(cat "$DEST/.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "== code-server $(node -p "require('$DEST/node_modules/code-server/package.json').version") already installed in .e2e/code-server"
  exit 0
fi

echo "== installing code-server into .e2e/code-server (builds native modules: about 2 minutes on 2 cores)"
rm -rf "$DEST"
mkdir -p "$DEST"
cp "$HERE/code-server/package.json" "$DEST/"
[ -f "$HERE/code-server/package-lock.json" ] && cp "$HERE/code-server/package-lock.json" "$DEST/"

# @vscode/ripgrep's postinstall fetches ripgrep from GitHub unless
# $TMPDIR/vscode-ripgrep-cache-<its npm version>/ripgrep-<release>-<target>.tar.gz exists. Seed that
# cache with Debian's rg. The two versions are the ones code-server 4.100.3 pins (its
# lib/vscode/npm-shrinkwrap.json and @vscode/ripgrep's lib/postinstall.js); bump them with code-server.
RG_NPM_VERSION=1.15.11
RG_RELEASE=v13.0.0-10
case $(uname -m) in
  x86_64) target=x86_64-unknown-linux-musl ;;
  aarch64) target=aarch64-unknown-linux-musl ;;
  *) echo "unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
seed=$DEST/.tmp
mkdir -p "$seed/vscode-ripgrep-cache-$RG_NPM_VERSION" "$seed/rg"
cp "$(command -v rg)" "$seed/rg/rg"
tar czf "$seed/vscode-ripgrep-cache-$RG_NPM_VERSION/ripgrep-$RG_RELEASE-$target.tar.gz" -C "$seed/rg" rg

#  TMPDIR                  -> the seeded ripgrep cache (@vscode/ripgrep reads os.tmpdir())
#  npm_config_nodedir      -> node-gyp builds against /usr/include/node instead of downloading headers
#  npm_config_yes          -> node-pty's postinstall runs `npx node-gyp`, which must not prompt
#  npm_config_unsafe_perm  -> code-server's postinstall refuses to run as root without it
npm_env=(env TMPDIR="$seed" npm_config_nodedir=/usr npm_config_yes=true npm_config_unsafe_perm=true)
cd "$DEST"
if [ -f package-lock.json ]; then
  "${npm_env[@]}" npm ci --no-audit --no-fund
else
  # First install of a new pin: record the lock so that it can be committed.
  "${npm_env[@]}" npm install --no-audit --no-fund
  cp package-lock.json "$HERE/code-server/package-lock.json"
  echo "== wrote test/e2e/code-server/package-lock.json: commit it"
fi
[ -x "$rgbin" ] || { echo "ripgrep was not installed into code-server" >&2; exit 1; }
rm -rf "$seed"
pin_hash > "$DEST/.stamp"
# code-server writes a default config and its logs under the XDG folders even for --version.
xdg=$(mktemp -d)
echo "== code-server $(XDG_CONFIG_HOME=$xdg XDG_DATA_HOME=$xdg node "$entry" --version | head -1)"
rm -rf "$xdg"
