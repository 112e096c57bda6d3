#!/usr/bin/env bash
# Build the web app (web/ -> web/dist) with Node.js. The same steps run in the Dockerfile's
# Node stage and in tests/web/test_docker_build.py (on a copy of the Docker build context).
#
#   scripts/web.sh deps              npm ci in web/ (the locked packages)
#   scripts/web.sh build             deps, then type check + build + size budget
#   scripts/web.sh ensure            for `make serve`: build when web/dist is missing or
#                                    older than its sources; without Node say so in one
#                                    line and go on (the API serves without the app)
#   scripts/web.sh ensure --require  the same, but fail without Node (make web, make test)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEB="$ROOT/web"
STAMP="$WEB/dist/.built"
NODE_MIN="20.19"

die() { echo "web.sh: $*" >&2; exit 1; }

node_ok() {
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
    node -e "const [a,b]=process.versions.node.split('.').map(Number); const [x,y]='$NODE_MIN'.split('.').map(Number); process.exit(a>x||(a===x&&b>=y)?0:1)"
}

deps() {
    # npm keeps node_modules/.package-lock.json in step with the lock file it installed.
    if [[ ! -f "$WEB/node_modules/.package-lock.json" || "$WEB/package-lock.json" -nt "$WEB/node_modules/.package-lock.json" ]]; then
        echo "web: installing the locked npm packages (npm ci) ..." >&2
        npm ci --prefix "$WEB" --no-audit --no-fund --prefer-offline --loglevel=error >&2
    fi
}

build() {
    deps
    echo "web: building web/dist ..." >&2
    npm run --prefix "$WEB" --silent build
    touch "$STAMP"
}

stale() {
    [[ -f "$STAMP" ]] || return 0
    local newer
    newer="$(find "$WEB/src" "$WEB/public" "$WEB/scripts" "$WEB"/*.html "$WEB"/*.json "$WEB"/*.ts \
        "$ROOT/api/schema.graphql" -newer "$STAMP" -type f -not -name graphql-env.d.ts -print -quit)"
    [[ -n "$newer" ]]
}

ensure() {
    local require="${1:-}"
    if ! node_ok; then
        local found="no Node.js found"
        command -v node >/dev/null 2>&1 && found="found Node.js $(node --version)"
        if [[ "$require" == "--require" ]]; then
            die "Node.js >= $NODE_MIN with npm is required to build the web app ($found)"
        fi
        echo "web: Node.js >= $NODE_MIN needed for the web app ($found): serving the API without it (/ says how to build it)" >&2
        return 0
    fi
    if stale; then build; fi
}

case "${1:-}" in
    deps) node_ok || die "Node.js >= $NODE_MIN with npm is required"; deps ;;
    build) node_ok || die "Node.js >= $NODE_MIN with npm is required"; build ;;
    ensure) ensure "${2:-}" ;;
    *) die "usage: scripts/web.sh deps|build|ensure [--require]" ;;
esac
