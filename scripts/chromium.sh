#!/usr/bin/env bash
# Make sure a Chromium for the browser tests is installed: Debian's `chromium` package
# (Playwright's own browser download does not work offline or behind this network).
# Prints the executable's path. Set SMEKG_CHROMIUM to use another Chromium.
set -euo pipefail
CHROMIUM="${SMEKG_CHROMIUM:-/usr/bin/chromium}"

if [[ -x "$CHROMIUM" ]]; then
    echo "$CHROMIUM"
    exit 0
fi
[[ -z "${SMEKG_CHROMIUM:-}" ]] || { echo "chromium.sh: SMEKG_CHROMIUM=$CHROMIUM is not executable" >&2; exit 1; }
command -v apt-get >/dev/null 2>&1 || {
    echo "chromium.sh: $CHROMIUM is missing and there is no apt-get: install Chromium and set SMEKG_CHROMIUM" >&2
    exit 1
}
if [[ "$(id -u)" == 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "chromium.sh: $CHROMIUM is missing: run 'sudo apt-get install -y chromium' (or set SMEKG_CHROMIUM)" >&2
    exit 1
fi
echo "chromium.sh: installing Debian's chromium package ..." >&2
"${SUDO[@]}" apt-get install -y --no-install-recommends chromium >&2 \
    || { "${SUDO[@]}" apt-get update >&2 && "${SUDO[@]}" apt-get install -y --no-install-recommends chromium >&2; }
[[ -x "$CHROMIUM" ]] || { echo "chromium.sh: the chromium package did not install $CHROMIUM" >&2; exit 1; }
echo "$CHROMIUM"
